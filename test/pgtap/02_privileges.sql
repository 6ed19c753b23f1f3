-- What a role that is not superuser may read and set (issue 12; README, "for DBAs").
-- Catalogue-wide, so that every later view and function obeys it too.
BEGIN;
SELECT plan(16);

SELECT is_empty($$
  SELECT c.oid::regclass::text FROM pg_class c
   WHERE c.relnamespace = 'careleaver'::regnamespace AND c.relkind IN ('r', 'v', 'm', 'p', 'f')
     AND NOT has_table_privilege('public', c.oid, 'SELECT')
$$, 'every table and view of schema careleaver is readable by PUBLIC');

SELECT is_empty($$
  SELECT p.oid::regprocedure::text || ' ' || coalesce(p.proconfig::text, 'no SET')
    FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
   WHERE p.pronamespace = 'careleaver'::regnamespace AND l.lanname IN ('sql', 'plpgsql')
     AND NOT coalesce('search_path=pg_catalog, careleaver, pg_temp' = ANY (p.proconfig), false)
$$, 'every SQL and PL/pgSQL function has SET search_path = pg_catalog, careleaver, pg_temp (pg_temp last)');

SELECT is_empty($$
  SELECT p.oid::regprocedure::text FROM pg_proc p
   WHERE p.pronamespace = 'careleaver'::regnamespace AND p.prosecdef
$$, 'no function of schema careleaver is SECURITY DEFINER');

SELECT is_empty($$
  SELECT p.oid::regprocedure::text FROM pg_proc p
   WHERE p.pronamespace = 'careleaver'::regnamespace
     AND NOT has_function_privilege('public', p.oid, 'EXECUTE')
$$, 'every function of schema careleaver is executable by PUBLIC');

-- The threshold is read through the C functions, never current_setting() (which returns a value set
-- before the library was loaded, unchecked).
SELECT is_empty($$
  SELECT p.oid::regprocedure::text FROM pg_proc p
   WHERE p.pronamespace = 'careleaver'::regnamespace
     AND (p.prosrc ~* 'current_setting|set_config|pg_settings' AND p.prosrc ~* 'suppression_threshold')
  UNION ALL
  SELECT c.oid::regclass::text FROM pg_class c
   WHERE c.relnamespace = 'careleaver'::regnamespace AND c.relkind = 'v'
     AND pg_get_viewdef(c.oid) ~* 'suppression_threshold'
$$, 'no function or view of careleaver reads the threshold through current_setting or pg_settings');

-- The suppression threshold, as a role that is not superuser (doc/disclosure.md).
-- (the library is loaded first: a value set before it loads is tested in test/script/analyst_flow.t)
SELECT is(careleaver.suppression_threshold(), 5, 'the default threshold is 5');
CREATE ROLE careleaver_t_reader;
SET ROLE careleaver_t_reader;
SELECT throws_ok('SET careleaver.suppression_threshold = 0', '42501',
  'careleaver.suppression_threshold cannot be set below 5 by a role that is not superuser',
  'a role that is not superuser cannot turn suppression off');
SELECT throws_ok('SET careleaver.suppression_threshold = 4', '42501',
  'careleaver.suppression_threshold cannot be set below 5 by a role that is not superuser',
  'nor set it to 4');
SELECT throws_ok($$SELECT set_config('careleaver.suppression_threshold', '1', true)$$, '42501', NULL,
  'nor through set_config');
SELECT is(careleaver.suppression_threshold(), 5, 'the threshold stays 5');
SELECT is(careleaver.publish_count(3), 'c', 'and 3 is published as c');
SET careleaver.suppression_threshold = 10;
SELECT is(careleaver.suppression_threshold(), 10, 'a stricter threshold (10) may be set by anyone');
SELECT is(careleaver.publish_count(7), 'c', 'and applies');
SET careleaver.suppression_threshold = 5;
SELECT is(careleaver.suppression_threshold(), 5, 'and 5 again');
RESET ROLE;
SET LOCAL careleaver.suppression_threshold = 0;
SELECT is(careleaver.publish_count(3), '3', 'a superuser may lower it (0: no primary suppression)');
SET LOCAL ROLE careleaver_t_reader;
SELECT throws_ok('SET LOCAL careleaver.suppression_threshold = 2', '42501', NULL,
  'while the role that is not superuser still may not');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
