-- careleaver: longitudinal outcome metrics for children in care and care leavers.
-- This install script is concatenated from extension/sql/*.sql by the Makefile;
-- edit the pieces, not the generated careleaver--<version>.sql.

\echo Use "CREATE EXTENSION careleaver" to load this file. \quit

COMMENT ON SCHEMA careleaver IS
  'careleaver extension: SSDA903 code types, care histories, care-leaver status and outcome metrics';
