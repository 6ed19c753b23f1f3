-- No privilege escalation through datasets (issue 12, doc/dataset.md "Who may run what").
-- A role that owns a dataset puts its own code where careleaver reads (a view in place of
-- header, a trigger on episodes, tables made before create_dataset, a temp table shadowing a
-- catalogue view); a superuser then runs careleaver over it.  The role's function tries to make
-- the role superuser: it succeeds only when run with a superuser's privileges, so rolsuper
-- tells whether the role's code ran as the caller.  Everything is rolled back at the end.
BEGIN;
SELECT plan(47);

CREATE ROLE careleaver_t_bob LOGIN;
DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO careleaver_t_bob', current_database()); END $$;
CREATE FUNCTION pg_temp.bob_is_superuser() RETURNS boolean LANGUAGE sql
  AS $$ SELECT rolsuper FROM pg_roles WHERE rolname = 'careleaver_t_bob' $$;
CREATE FUNCTION pg_temp.hint_of(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE hint text;
BEGIN
  EXECUTE query;
  RETURN NULL;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS hint = PG_EXCEPTION_HINT;
  RETURN hint;
END $$;

-- bob's dataset, made and reported by bob
SET ROLE careleaver_t_bob;
SELECT lives_ok($$SELECT careleaver.generate_synthetic('bobds', 60, 7)$$, 'a role with CREATE on the database makes a dataset');
SELECT lives_ok($$SELECT careleaver.create_reports('bobds')$$, 'and its reports');
CREATE FUNCTION bobds.escalate() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  BEGIN
    ALTER ROLE careleaver_t_bob SUPERUSER;
  EXCEPTION WHEN insufficient_privilege THEN NULL;   -- run as bob: harmless
  END;
  RETURN true;
END $$;
CREATE FUNCTION bobds.escalate_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM bobds.escalate(); RETURN NEW; END $$;
RESET ROLE;

-- the owner's own dataset: a superuser runs it as the owner, as the hint says
SET ROLE careleaver_t_bob;
SELECT ok(length(careleaver.report_html('bobds', '213', 2026)) > 1000, 'SET ROLE owner: report_html runs');
RESET ROLE;

-- (a) a view in place of header, calling bob's function
SET ROLE careleaver_t_bob;
ALTER TABLE bobds.header RENAME TO header_rows;
CREATE VIEW bobds.header AS SELECT h.* FROM bobds.header_rows h WHERE bobds.escalate();
RESET ROLE;
SELECT throws_ok($$SELECT careleaver.report_html('bobds', '213', 2026)$$, '42501',
  'dataset schema "bobds" belongs to role "careleaver_t_bob", not to the current role "' || current_user || '"',
  '(a) a superuser''s report_html over another role''s dataset is refused, naming schema and owner');
SELECT ok(NOT pg_temp.bob_is_superuser(), '(a) and the view did not run as superuser');
SELECT throws_ok($$SELECT * FROM careleaver.leaver_outcomes('bobds', 2025)$$, '42501', NULL,
  '(a) leaver_outcomes over another role''s dataset is refused');
SELECT ok(NOT pg_temp.bob_is_superuser(), '(a) leaver_outcomes: no escalation');
SELECT is(pg_temp.hint_of($$SELECT careleaver.report_html('bobds', '213', 2026)$$),
  'Run it as the owner: SET ROLE careleaver_t_bob; (a superuser or a member of careleaver_t_bob may), or make a dataset of your own with careleaver.create_dataset.',
  'the error''s hint says SET ROLE owner');
SET ROLE careleaver_t_bob;
SELECT throws_ok($$SELECT careleaver.report_html('bobds', '213', 2026)$$, '42501',
  'relation bobds.header of dataset schema "bobds" is a view, not an ordinary table',
  'even its owner gets no report through a view in place of a dataset table');
RESET ROLE;

-- every function that takes a dataset or hub schema refuses another role's
SELECT throws_ok(format('SELECT %s', f), '42501', NULL, 'refused over another role''s dataset: ' || f)
  FROM unnest(ARRAY[
    $$careleaver.create_dataset('bobds')$$,
    $$careleaver.generate_synthetic('bobds', 10, 1, 1, 2025, 2026)$$,
    $$careleaver.reconcile('bobds')$$,
    $$careleaver.load_staged('bobds', '[]')$$,
    $$careleaver.validate('bobds', 2026)$$,
    $$careleaver.create_reports('bobds')$$,
    $$careleaver.create_council_export('bobds')$$,
    $$careleaver.create_hub('bobds')$$,
    $$careleaver.hub_attach_council('bobds', 'E1', 's', 'h', 1, 'd', 'r')$$,
    $$careleaver.hub_detach_council('bobds', 'E1')$$,
    $$careleaver.hub_council_states('bobds')$$]) AS f;
SELECT ok(NOT pg_temp.bob_is_superuser(), 'no escalation by any of them');

-- (b) bob's trigger on episodes, run by reconcile
SET ROLE careleaver_t_bob;
DROP VIEW bobds.header;
ALTER TABLE bobds.header_rows RENAME TO header;
-- a loaded return for reconcile to read (generate_synthetic records its years as generated ones)
INSERT INTO bobds.returns (la, year, files, origin) VALUES ('213', 2026, '[{"module": "episodes"}]', 'loaded')
  ON CONFLICT (la, year) DO UPDATE SET files = EXCLUDED.files, origin = EXCLUDED.origin;
CREATE TRIGGER bob_was_here BEFORE INSERT OR DELETE ON bobds.episodes
  FOR EACH ROW EXECUTE FUNCTION bobds.escalate_trigger();
RESET ROLE;
SELECT throws_ok($$SELECT * FROM careleaver.reconcile('bobds')$$, '42501', NULL,
  '(b) a superuser''s reconcile of another role''s dataset with a trigger is refused');
SELECT ok(NOT pg_temp.bob_is_superuser(), '(b) and the trigger did not run as superuser');

-- the same traps in a dataset of the superuser's own, set by a role given some privileges on it
SELECT lives_ok($$SELECT careleaver.create_dataset('careleaver_t_mine')$$, 'a dataset of the superuser''s own');
GRANT USAGE ON SCHEMA careleaver_t_mine TO careleaver_t_bob;
GRANT TRIGGER ON careleaver_t_mine.episodes TO careleaver_t_bob;
INSERT INTO careleaver_t_mine.returns (la, year, files) VALUES ('213', 2026, '[{"module": "episodes"}]');
SET ROLE careleaver_t_bob;
CREATE TRIGGER bob_was_here BEFORE INSERT OR DELETE ON careleaver_t_mine.episodes
  FOR EACH ROW EXECUTE FUNCTION bobds.escalate_trigger();
RESET ROLE;
SELECT throws_ok($$SELECT * FROM careleaver.reconcile('careleaver_t_mine')$$, '42501',
  'table careleaver_t_mine.episodes of dataset schema "careleaver_t_mine" has trigger "bob_was_here", which careleaver did not create',
  '(b) a trigger another role put on one''s own dataset table is refused, named');
SELECT ok(NOT pg_temp.bob_is_superuser(), '(b) no escalation through a trigger on one''s own table');
DROP TRIGGER bob_was_here ON careleaver_t_mine.episodes;
SELECT lives_ok($$SELECT * FROM careleaver.reconcile('careleaver_t_mine')$$, 'without the trigger, reconcile runs');
CREATE RULE keep_quiet AS ON DELETE TO careleaver_t_mine.episodes DO INSTEAD NOTHING;
SELECT throws_like($$SELECT * FROM careleaver.reconcile('careleaver_t_mine')$$,
  '%has rule "keep_quiet", which careleaver did not create%', 'a rule on a dataset table is refused too');
DROP RULE keep_quiet ON careleaver_t_mine.episodes;
GRANT CREATE ON SCHEMA careleaver_t_mine TO careleaver_t_bob;
SET ROLE careleaver_t_bob;
CREATE VIEW careleaver_t_mine.looked_after_summary AS SELECT 1 AS x WHERE bobds.escalate();
RESET ROLE;
SELECT throws_ok($$SELECT careleaver.create_reports('careleaver_t_mine')$$, '42501',
  'relation careleaver_t_mine.looked_after_summary belongs to role "careleaver_t_bob", not to "' || current_user
  || '", the owner of dataset schema "careleaver_t_mine"',
  'a relation of another role in one''s own dataset is refused, naming it and its owner');
SELECT ok(NOT pg_temp.bob_is_superuser(), 'no escalation through another role''s view in one''s own dataset');
DROP VIEW careleaver_t_mine.looked_after_summary;

-- (c) create_dataset never adopts what it did not create
SET ROLE careleaver_t_bob;
CREATE SCHEMA careleaver_t_trap;
CREATE TABLE careleaver_t_trap.episodes (la text, child text, decom date);
RESET ROLE;
SELECT throws_ok($$SELECT careleaver.create_dataset('careleaver_t_trap')$$, '42501',
  'dataset schema "careleaver_t_trap" belongs to role "careleaver_t_bob", not to the current role "' || current_user || '"',
  '(c) create_dataset refuses an existing schema of another role');
SELECT is((SELECT count(*)::int FROM pg_class WHERE relnamespace = 'careleaver_t_trap'::regnamespace), 1,
  '(c) and creates nothing in it');
SET ROLE careleaver_t_bob;
CREATE SCHEMA careleaver_t_empty;
RESET ROLE;
SELECT throws_ok($$SELECT careleaver.create_dataset('careleaver_t_empty')$$, '42501', NULL,
  '(c) create_dataset refuses an empty schema of another role too');
SELECT throws_ok($$SELECT careleaver.create_hub('careleaver_t_empty')$$, '42501', NULL,
  '(c) and so does create_hub');
SELECT is((SELECT count(*)::int FROM pg_class WHERE relnamespace = 'careleaver_t_empty'::regnamespace), 0,
  '(c) leaving it empty');
CREATE SCHEMA careleaver_t_pre;
CREATE VIEW careleaver_t_pre.episodes AS SELECT 1 AS x;
SELECT throws_ok($$SELECT careleaver.create_dataset('careleaver_t_pre')$$, '42501',
  'relation careleaver_t_pre.episodes of dataset schema "careleaver_t_pre" is a view, not an ordinary table',
  '(c) create_dataset refuses a view with a dataset table''s name');
DROP VIEW careleaver_t_pre.episodes;
GRANT CREATE, USAGE ON SCHEMA careleaver_t_pre TO careleaver_t_bob;
SET ROLE careleaver_t_bob;
CREATE TABLE careleaver_t_pre.header (la text, child text);
RESET ROLE;
SELECT throws_ok($$SELECT careleaver.create_dataset('careleaver_t_pre')$$, '42501',
  'relation careleaver_t_pre.header belongs to role "careleaver_t_bob", not to "' || current_user
  || '", the owner of dataset schema "careleaver_t_pre"',
  '(c) create_dataset refuses a table of another role with a dataset table''s name');
SELECT is((SELECT count(*)::int FROM pg_class WHERE relnamespace = 'careleaver_t_pre'::regnamespace), 1,
  '(c) and adopts nothing');
DROP TABLE careleaver_t_pre.header;
SELECT lives_ok($$SELECT careleaver.create_dataset('careleaver_t_pre')$$, 'an empty schema of one''s own becomes a dataset');
SELECT lives_ok($$SELECT careleaver.create_dataset('careleaver_t_pre')$$, 'and create_dataset stays idempotent');
SELECT lives_ok($$SELECT careleaver.create_dataset('careleaver_t_fresh')$$, 'a new schema becomes a dataset');
SELECT is((SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'careleaver_t_fresh'), current_user::text,
  'owned by the caller');

-- (d) a temp table shadowing a catalogue view the report reads: pg_temp is searched last
DO $$ BEGIN
  PERFORM careleaver.generate_synthetic('careleaver_t_rep', 60, 7);
  PERFORM careleaver.create_reports('careleaver_t_rep');
END $$;
CREATE TEMP TABLE disclosure_symbols (symbol text, meaning text, used_when text);
INSERT INTO disclosure_symbols VALUES ('<script>alert(1)</script>', 'injected', 'injected');
CREATE TEMP TABLE code_list AS SELECT * FROM careleaver.code_list;
UPDATE code_list SET label = '<script>alert(2)</script>';
SELECT ok(position('<script>alert' IN careleaver.report_html('careleaver_t_rep', '213', 2026)) = 0,
  '(d) a temp table named disclosure_symbols or code_list does not shadow the catalogue in the report');
SELECT ok(position('confidential' IN careleaver.report_html('careleaver_t_rep', '213', 2026)) > 0,
  '(d) the report lists the real disclosure symbols');
SELECT is_empty($$
  SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
   WHERE p.pronamespace = 'careleaver'::regnamespace AND l.lanname IN ('sql', 'plpgsql')
     AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search_path=%pg_temp')
$$, '(d) every SQL and PL/pgSQL function of careleaver searches pg_temp last');

-- the discipline, for every later function too: a function with a schema argument runs the check,
-- itself or through a function that does (the SQL builders, named *_sql or *_expr, return SQL text and
-- read no relation of the schema)
SELECT is_empty($q$
WITH RECURSIVE fns AS (
  SELECT p.oid, p.proname, p.proargnames, pg_get_functiondef(p.oid) AS def FROM pg_proc p
   WHERE p.pronamespace = 'careleaver'::regnamespace AND p.prokind = 'f'),
checked(proname) AS (
  SELECT 'dataset_check_owner'::name
  UNION
  SELECT f.proname FROM fns f, checked c WHERE f.def ~ ('careleaver\.' || c.proname || '\('))
SELECT f.oid::regprocedure::text FROM fns f
 WHERE EXISTS (SELECT 1 FROM unnest(f.proargnames) a WHERE a ~ '(^|_)schema(_name)?$')
   AND f.proname <> 'dataset_check_owner'
   AND f.proname !~ '_(sql|expr)$'   -- builders: return SQL text, read only the catalogue
   AND f.proname NOT IN (SELECT c.proname FROM checked c)
$q$, 'every function taking a dataset or hub schema runs careleaver.dataset_check_owner (or calls one that does)');

SELECT ok(NOT pg_temp.bob_is_superuser(), 'at the end, the role is still not superuser');
SELECT * FROM finish();
ROLLBACK;
