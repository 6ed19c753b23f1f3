-- ===========================================================================
-- 99_privileges: what every role may read in schema careleaver (README, "for
-- DBAs").  The catalogue views (code_list, validation_rules, reporting_views,
-- disclosure_symbols, ...) hold no data of anyone's, and the functions an
-- analyst runs over a dataset of their own read them with the analyst's
-- privileges, so each must be readable by PUBLIC.  Last piece of the install
-- script, so that it covers every view the pieces before it create;
-- test/pgtap/02_privileges.sql checks that no relation of the schema is left out.
-- ===========================================================================

GRANT SELECT ON ALL TABLES IN SCHEMA careleaver TO PUBLIC;
