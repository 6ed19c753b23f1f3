-- careleaver: longitudinal outcome metrics for children in care and care leavers.
-- This install script is concatenated from extension/sql/*.sql by the Makefile;
-- edit the pieces, not the generated careleaver--<version>.sql.

\echo Use "CREATE EXTENSION careleaver" to load this file. \quit

COMMENT ON SCHEMA careleaver IS
  'careleaver extension: SSDA903 code types, care histories, care-leaver status and outcome metrics';

-- Analysts who are not the installing superuser use the types and functions:
-- they need to look up names in the schema (functions are executable by PUBLIC
-- by default).  Nobody but the owner may create objects in it.
GRANT USAGE ON SCHEMA careleaver TO PUBLIC;
