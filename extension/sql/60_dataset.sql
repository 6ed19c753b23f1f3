-- ===========================================================================
-- 60_dataset: a council dataset (tables in a schema of the user's), the server
-- side of the return loader (scripts/careleaver-load) and reconciliation of
-- annual returns into one longitudinal record.  doc/dataset.md explains it.
--
-- The tables are created at run time by create_dataset(), never by CREATE
-- EXTENSION, so they are not extension members and DROP EXTENSION never drops
-- a council's data.
-- ===========================================================================

-- ---------------------------------------------------------------------------
-- Reading one cell of a return (C: extension/pg/dataset.c, core/retvalue.c)

CREATE FUNCTION careleaver.return_value_problem(value text, kind text)
RETURNS text
AS 'MODULE_PATHNAME', 'careleaver_return_value_problem'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.return_value_problem(text, text) IS
  'NULL when value is a valid return cell of the kind (date, flag, smallint, integer, text, or a code type name such as legal_status), else why not; never raises on bad values. Every kind, text included, refuses a tab, line break or other control character inside the value. Dates: DD/MM/YYYY or YYYY-MM-DD; two-digit years are refused';

CREATE FUNCTION careleaver.return_date(value text)
RETURNS date
AS 'MODULE_PATHNAME', 'careleaver_return_date'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.return_date(text) IS
  'A return date cell (DD/MM/YYYY or YYYY-MM-DD, optional midnight time) as a date; raises 22007 otherwise';

CREATE FUNCTION careleaver.return_integer(value text)
RETURNS integer
AS 'MODULE_PATHNAME', 'careleaver_return_integer'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.return_integer(text) IS
  'A whole-number return cell (digits, optionally ".0" as pandas writes them) as an integer; raises 22P02 otherwise';

-- ---------------------------------------------------------------------------
-- The modules and their columns: the one list the schema, the staging checks
-- and the conversions are generated from.

CREATE FUNCTION careleaver.dataset_columns()
RETURNS TABLE (module text, ord integer, column_name text, dfe_name text, kind text,
               sql_type text, description text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT v.module, v.ord, lower(v.dfe), v.dfe, v.kind,
         CASE v.kind WHEN 'id' THEN 'text' WHEN 'text' THEN 'text' WHEN 'upper' THEN 'text'
                     WHEN 'date' THEN 'date' WHEN 'flag' THEN 'smallint' WHEN 'integer' THEN 'integer'
                     WHEN 'cin_boolean' THEN 'boolean'
                     ELSE CASE WHEN v.kind LIKE 'cin\_%' THEN 'text' ELSE 'careleaver.' || v.kind END END,
         v.descr
  FROM (VALUES
    ('header', 1, 'CHILD', 'id', 'Child identifier, local to the council (text: leading zeros matter)'),
    ('header', 2, 'SEX', 'upper', 'Sex: 1/2 up to 2023-24, M/F/U from 2024-25'),
    ('header', 3, 'DOB', 'date', 'Date of birth'),
    ('header', 4, 'ETHNIC', 'upper', 'Ethnic origin code'),
    ('header', 5, 'UPN', 'upper', 'Unique pupil number or UN1-UN5'),
    ('header', 6, 'MOTHER', 'flag', 'Child is a mother (0/1)'),
    ('header', 7, 'MC_DOB', 'date', 'Date of birth of the mother''s first child'),
    ('episodes', 1, 'CHILD', 'id', 'Child identifier'),
    ('episodes', 2, 'DECOM', 'date', 'Date the episode began'),
    ('episodes', 3, 'RNE', 'new_episode_reason', 'Reason for new episode'),
    ('episodes', 4, 'LS', 'legal_status', 'Legal status'),
    ('episodes', 5, 'CIN', 'need_category', 'Category of need'),
    ('episodes', 6, 'PLACE', 'placement_type', 'Placement type (XML: PL)'),
    ('episodes', 7, 'PLACE_PROVIDER', 'placement_provider', 'Placement provider'),
    ('episodes', 8, 'DEC', 'date', 'Date the episode ceased (NULL: open)'),
    ('episodes', 9, 'REC', 'ceased_reason', 'Reason the episode ceased'),
    ('episodes', 10, 'REASON_PLACE_CHANGE', 'placement_change_reason', 'Reason for the placement change'),
    ('episodes', 11, 'HOME_POST', 'upper', 'Home postcode'),
    ('episodes', 12, 'PL_POST', 'upper', 'Placement postcode'),
    ('episodes', 13, 'URN', 'upper', 'Ofsted URN of the placement'),
    ('uasc', 1, 'CHILD', 'id', 'Child identifier'),
    ('uasc', 2, 'SEX', 'upper', 'Sex'),
    ('uasc', 3, 'DOB', 'date', 'Date of birth'),
    ('uasc', 4, 'DUC', 'date', 'Date UASC status ceased'),
    ('oc3', 1, 'CHILD', 'id', 'Child identifier'),
    ('oc3', 2, 'DOB', 'date', 'Date of birth'),
    ('oc3', 3, 'IN_TOUCH', 'contact_status', 'Whether the council is in touch with the care leaver'),
    ('oc3', 4, 'ACTIV', 'leaver_activity', 'Main activity'),
    ('oc3', 5, 'ACCOM', 'leaver_accommodation', 'Accommodation type and suitability'),
    ('missing', 1, 'CHILD', 'id', 'Child identifier'),
    ('missing', 2, 'DOB', 'date', 'Date of birth'),
    ('missing', 3, 'MISSING', 'upper', 'M missing, A away without authorisation'),
    ('missing', 4, 'MIS_START', 'date', 'Start of the missing or away episode'),
    ('missing', 5, 'MIS_END', 'date', 'End of the missing or away episode'),
    ('reviews', 1, 'CHILD', 'id', 'Child identifier'),
    ('reviews', 2, 'DOB', 'date', 'Date of birth'),
    ('reviews', 3, 'REVIEW', 'date', 'Date of the statutory review'),
    ('reviews', 4, 'REVIEW_CODE', 'upper', 'How the child participated (PN0-PN7)'),
    ('oc2', 1, 'CHILD', 'id', 'Child identifier'),
    ('oc2', 2, 'DOB', 'date', 'Date of birth'),
    ('oc2', 3, 'SDQ_SCORE', 'integer', 'SDQ total score'),
    ('oc2', 4, 'SDQ_REASON', 'upper', 'Reason there is no SDQ score'),
    ('oc2', 5, 'CONVICTED', 'flag', 'Convicted or cautioned in the year (0/1)'),
    ('oc2', 6, 'HEALTH_CHECK', 'flag', 'Under-5 health checks up to date (0/1)'),
    ('oc2', 7, 'IMMUNISATIONS', 'flag', 'Immunisations up to date (0/1)'),
    ('oc2', 8, 'TEETH_CHECK', 'flag', 'Teeth checked (0/1)'),
    ('oc2', 9, 'HEALTH_ASSESSMENT', 'flag', 'Annual health assessment (0/1)'),
    ('oc2', 10, 'SUBSTANCE_MISUSE', 'flag', 'Substance misuse problem (0/1)'),
    ('oc2', 11, 'INTERVENTION_RECEIVED', 'flag', 'Substance misuse intervention received (0/1)'),
    ('oc2', 12, 'INTERVENTION_OFFERED', 'flag', 'Intervention offered but refused (0/1)'),
    ('ad1', 1, 'CHILD', 'id', 'Child identifier'),
    ('ad1', 2, 'DOB', 'date', 'Date of birth'),
    ('ad1', 3, 'DATE_INT', 'date', 'Date of the decision that the child should be placed for adoption'),
    ('ad1', 4, 'DATE_MATCH', 'date', 'Date matched with adopter(s)'),
    ('ad1', 5, 'FOSTER_CARE', 'flag', 'Adopted by own foster carer(s) (0/1)'),
    ('ad1', 6, 'NB_ADOPTR', 'integer', 'Number of adopters'),
    ('ad1', 7, 'SEX_ADOPTR', 'upper', 'Adopters'' sex'),
    ('ad1', 8, 'LS_ADOPTR', 'upper', 'Adopters'' legal status'),
    ('placed_adoption', 1, 'CHILD', 'id', 'Child identifier'),
    ('placed_adoption', 2, 'DOB', 'date', 'Date of birth'),
    ('placed_adoption', 3, 'DATE_PLACED', 'date', 'Date of the decision that the child should be placed for adoption'),
    ('placed_adoption', 4, 'DATE_PLACED_CEASED', 'date', 'Date of the decision that the child should no longer be placed for adoption'),
    ('placed_adoption', 5, 'REASON_PLACED_CEASED', 'upper', 'Reason for that decision'),
    ('prev_perm', 1, 'CHILD', 'id', 'Child identifier'),
    ('prev_perm', 2, 'DOB', 'date', 'Date of birth'),
    ('prev_perm', 3, 'PREV_PERM', 'upper', 'Permanence before this period of care'),
    ('prev_perm', 4, 'LA_PERM', 'upper', 'Council that arranged it'),
    ('prev_perm', 5, 'DATE_PERM', 'date', 'Date of the order'),
    ('sw_episodes', 1, 'CHILD', 'id', 'Child identifier'),
    ('sw_episodes', 2, 'DOB', 'date', 'Date of birth'),
    ('sw_episodes', 3, 'SW_ID', 'upper', 'Social worker identifier (the council''s own)'),
    ('sw_episodes', 4, 'SW_DECOM', 'date', 'Date the social worker episode began'),
    ('sw_episodes', 5, 'SW_DEC', 'date', 'Date the social worker episode ended (NULL: open)'),
    ('sw_episodes', 6, 'SW_REASON', 'upper', 'Reason for the change of social worker')
    UNION ALL SELECT * FROM careleaver.cin_return_columns()   -- the CIN census modules (55_cin_columns.sql)
  ) AS v(module, ord, dfe, kind, descr)
$$;
COMMENT ON FUNCTION careleaver.dataset_columns() IS
  'The SSDA903 modules (and the CIN census modules cin_*, careleaver.cin_return_columns()) a dataset stores, with their columns (DfE name, lower-case column name, kind of cell, SQL type, meaning), in file order';

-- ---------------------------------------------------------------------------
-- create_dataset

CREATE FUNCTION careleaver.create_dataset(schema_name text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, careleaver, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
  m record;
  c record;
  cols text;
  canon text;
  q text;
BEGIN
  IF schema_name IS NULL OR schema_name = '' THEN
    RAISE EXCEPTION 'dataset schema name must not be empty' USING ERRCODE = '22023';
  END IF;
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', schema_name);
  -- an existing schema, and any table of a dataset table's name in it, must be the caller's: never adopt
  PERFORM careleaver.dataset_check_owner(schema_name, creating => true);

  FOR m IN SELECT DISTINCT d.module FROM careleaver.dataset_columns() d LOOP
    SELECT string_agg(format('%I %s', d.column_name, d.sql_type), ', ' ORDER BY d.ord)
      INTO cols FROM careleaver.dataset_columns() d WHERE d.module = m.module;

    -- the return rows as loaded
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I.%I (la text NOT NULL, year integer NOT NULL, %s, '
                   'source_file text NOT NULL, source_line integer NOT NULL, '
                   'PRIMARY KEY (la, year, source_file, source_line))',
                   schema_name, 'return_' || m.module, cols);
    EXECUTE format('COMMENT ON TABLE %I.%I IS %L', schema_name, 'return_' || m.module,
                   CASE WHEN m.module LIKE 'cin\_%' THEN 'CIN census ' ELSE 'SSDA903 ' END
                   || m.module || ' rows of each loaded annual return, as loaded (one row per file row)');
    EXECUTE format('COMMENT ON COLUMN %I.%I.year IS %L', schema_name, 'return_' || m.module,
                   'Collection year of the return (named by the year it ends: 2024 = 2023-24)');
    EXECUTE format('COMMENT ON COLUMN %I.%I.source_file IS %L', schema_name, 'return_' || m.module,
                   'File the row was read from (name as given to the loader)');
    EXECUTE format('COMMENT ON COLUMN %I.%I.source_line IS %L', schema_name, 'return_' || m.module,
                   'Line of the row in its file (1 = first line; XML: line of the element)');

    -- the canonical, reconciled tables
    canon := NULL;
    IF m.module IN ('header', 'uasc') THEN
      canon := format('CREATE TABLE IF NOT EXISTS %I.%I (la text NOT NULL, %s, PRIMARY KEY (la, child))',
                      schema_name, m.module, replace(cols, 'child text', 'child text NOT NULL'));
    ELSIF m.module = 'episodes' THEN
      canon := format('CREATE TABLE IF NOT EXISTS %I.episodes (la text NOT NULL, %s, '
                      'source_year integer, reconcile_note text, PRIMARY KEY (la, child, decom))',
                      schema_name, replace(replace(cols, 'child text', 'child text NOT NULL'),
                                           'decom date', 'decom date NOT NULL'));
    ELSIF m.module IN ('oc3', 'oc2', 'ad1', 'placed_adoption') THEN
      canon := format('CREATE TABLE IF NOT EXISTS %I.%I (la text NOT NULL, child text NOT NULL, '
                      'year integer NOT NULL, %s, PRIMARY KEY (la, child, year))',
                      schema_name, m.module, replace(cols, 'child text, ', ''));
    ELSIF m.module IN ('missing', 'reviews', 'sw_episodes') THEN
      canon := format('CREATE TABLE IF NOT EXISTS %I.%I (la text NOT NULL, child text NOT NULL, '
                      'year integer NOT NULL, %s)',
                      schema_name, m.module, replace(cols, 'child text, ', ''));
    END IF;
    IF canon IS NOT NULL THEN
      EXECUTE canon;
      EXECUTE format('COMMENT ON TABLE %I.%I IS %L', schema_name, m.module,
                     'SSDA903 ' || m.module || ': canonical longitudinal data, rebuilt from the loaded returns by careleaver.reconcile()');
      EXECUTE format('COMMENT ON COLUMN %I.%I.la IS %L', schema_name, m.module,
                     'Local authority code (from the submission, not a file column)');
    END IF;
    IF m.module IN ('oc3', 'oc2', 'ad1', 'placed_adoption', 'missing', 'reviews', 'sw_episodes') THEN
      EXECUTE format('COMMENT ON COLUMN %I.%I.year IS %L', schema_name, m.module,
                     'Collection year of the return the row came from');
    END IF;
    EXECUTE format('COMMENT ON COLUMN %I.%I.la IS %L', schema_name, 'return_' || m.module,
                   'Local authority code of the return');
    FOR c IN SELECT d.column_name, d.dfe_name, d.description FROM careleaver.dataset_columns() d
             WHERE d.module = m.module LOOP
      EXECUTE format('COMMENT ON COLUMN %I.%I.%I IS %L', schema_name, 'return_' || m.module,
                     c.column_name, c.dfe_name || ': ' || c.description);
      IF canon IS NOT NULL THEN
        EXECUTE format('COMMENT ON COLUMN %I.%I.%I IS %L', schema_name, m.module,
                       c.column_name, c.dfe_name || ': ' || c.description);
      END IF;
    END LOOP;
  END LOOP;

  EXECUTE format('COMMENT ON COLUMN %I.episodes.source_year IS %L', schema_name,
                 'Provenance: collection year of the return the episode was taken from (NULL: generated directly)');
  EXECUTE format('COMMENT ON COLUMN %I.episodes.reconcile_note IS %L', schema_name,
                 'NULL, or what reconciliation changed in this episode and why');
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.oc3 (la, year)', 'oc3_la_year_idx', schema_name);
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.missing (la, child)', 'missing_la_child_idx', schema_name);
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.reviews (la, child)', 'reviews_la_child_idx', schema_name);
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.sw_episodes (la, child)', 'sw_episodes_la_child_idx', schema_name);
  PERFORM careleaver.create_location_tables(schema_name);  -- postcode look-up (62_location.sql)
  PERFORM careleaver.create_equality_tables(schema_name);  -- characteristics and population by ethnic group (93_equality.sql)

  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.population (la text NOT NULL, year integer NOT NULL, '
                 'age integer NOT NULL, count integer NOT NULL, PRIMARY KEY (la, year, age))', schema_name);
  EXECUTE format('COMMENT ON TABLE %I.population IS %L', schema_name,
                 'Child population by council, year and single year of age, for rates per 10,000');
  EXECUTE format('COMMENT ON COLUMN %I.population.la IS %L', schema_name, 'Local authority code');
  EXECUTE format('COMMENT ON COLUMN %I.population.year IS %L', schema_name, 'Collection year the population is for: the ONS mid-year estimate of 30 June falls in it (mid-2024 is collection year 2025, as DfE''s rates per 10,000 use it)');
  EXECUTE format('COMMENT ON COLUMN %I.population.age IS %L', schema_name, 'Age in completed years');
  -- age_to (0.2.0): a row may cover the ages age to age_to, as ONS's 0 to 17 total does
  EXECUTE format('ALTER TABLE %I.population ADD COLUMN IF NOT EXISTS age_to integer', schema_name);
  EXECUTE format('COMMENT ON COLUMN %I.population.count IS %L', schema_name,
                 'Number of children of that age (or of the ages age to age_to)');
  EXECUTE format('COMMENT ON COLUMN %I.population.age_to IS %L', schema_name,
                 'Last age of a row covering several ages (ONS mid-year estimates of children aged 0 to 17 are '
                 'one row, age 0 to age_to 17, loaded by scripts/careleaver-population); NULL for a single age');

  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.returns (la text NOT NULL, year integer NOT NULL, '
                 'loaded_at timestamptz NOT NULL DEFAULT now(), files jsonb NOT NULL, '
                 'PRIMARY KEY (la, year))', schema_name);
  EXECUTE format('COMMENT ON TABLE %I.returns IS %L', schema_name,
                 'One row per loaded annual return');
  EXECUTE format('COMMENT ON COLUMN %I.returns.la IS %L', schema_name, 'Local authority code');
  EXECUTE format('COMMENT ON COLUMN %I.returns.year IS %L', schema_name, 'Collection year (named by the year it ends)');
  EXECUTE format('COMMENT ON COLUMN %I.returns.loaded_at IS %L', schema_name, 'When the return was (last) loaded');
  EXECUTE format('COMMENT ON COLUMN %I.returns.files IS %L', schema_name,
                 'Files of the return: [{name, sha256, module, rows}] (rows: rows of this return read from that file); for a generated year, what generated it');
  -- added in 0.2.0: generated (synthetic) years are recorded here too, so coverage has one source
  EXECUTE format('ALTER TABLE %I.returns ADD COLUMN IF NOT EXISTS origin text NOT NULL DEFAULT %L', schema_name, 'loaded');
  EXECUTE format('COMMENT ON COLUMN %I.returns.origin IS %L', schema_name,
                 'loaded (an annual return loaded by careleaver-load) or generated (a collection year made by careleaver.generate_synthetic); '
                 'the years of a council''s rows are what its figures may be published for (doc/reporting.md, metrics.md 11)');

  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.rejects (la text, year integer, source_file text NOT NULL, '
                 'source_line integer NOT NULL, column_name text, value text, reason text NOT NULL)', schema_name);
  EXECUTE format('COMMENT ON TABLE %I.rejects IS %L', schema_name,
                 'Rows skipped by careleaver-load --skip-bad-rows: one row per bad value of a skipped row');
  EXECUTE format('COMMENT ON COLUMN %I.rejects.la IS %L', schema_name, 'Local authority code of the return');
  EXECUTE format('COMMENT ON COLUMN %I.rejects.year IS %L', schema_name, 'Collection year of the return');
  EXECUTE format('COMMENT ON COLUMN %I.rejects.source_file IS %L', schema_name, 'File of the skipped row');
  EXECUTE format('COMMENT ON COLUMN %I.rejects.source_line IS %L', schema_name, 'Line of the skipped row in its file');
  EXECUTE format('COMMENT ON COLUMN %I.rejects.column_name IS %L', schema_name, 'DfE column name of the bad value');
  EXECUTE format('COMMENT ON COLUMN %I.rejects.value IS %L', schema_name, 'The bad value as read');
  EXECUTE format('COMMENT ON COLUMN %I.rejects.reason IS %L', schema_name, 'Why it was rejected');
  -- added in 0.2.0: the module and child of the skipped row, so that validate reports it under its DfE rule
  EXECUTE format('ALTER TABLE %I.rejects ADD COLUMN IF NOT EXISTS module text', schema_name);
  EXECUTE format('ALTER TABLE %I.rejects ADD COLUMN IF NOT EXISTS child text', schema_name);
  EXECUTE format('COMMENT ON COLUMN %I.rejects.module IS %L', schema_name,
                 'Module of the skipped row (episodes, header, oc3, ...; NULL for rows rejected before 0.2.0)');
  EXECUTE format('COMMENT ON COLUMN %I.rejects.child IS %L', schema_name,
                 'CHILD of the skipped row as read (NULL when unreadable, or for rows rejected before 0.2.0)');

  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.reconcile_conflicts (la text NOT NULL, child text NOT NULL, '
                 'kind text NOT NULL, decom date, years integer[], detail text NOT NULL)', schema_name);
  EXECUTE format('COMMENT ON TABLE %I.reconcile_conflicts IS %L', schema_name,
                 'Disagreements between or within loaded returns found by the last careleaver.reconcile() of each council, and what the policy did about them');
  EXECUTE format('COMMENT ON COLUMN %I.reconcile_conflicts.la IS %L', schema_name, 'Local authority code');
  EXECUTE format('COMMENT ON COLUMN %I.reconcile_conflicts.child IS %L', schema_name, 'Child identifier');
  EXECUTE format('COMMENT ON COLUMN %I.reconcile_conflicts.kind IS %L', schema_name,
                 'revised_episode, revised_end, duplicate_in_return, stale_open, not_restated, superseded, overlap, ends_before_start, x1_gap, header_revised, duplicate_oc3 (doc/dataset.md)');
  EXECUTE format('COMMENT ON COLUMN %I.reconcile_conflicts.decom IS %L', schema_name, 'DECOM of the episode concerned (NULL for header and OC3 conflicts)');
  EXECUTE format('COMMENT ON COLUMN %I.reconcile_conflicts.years IS %L', schema_name, 'Collection years of the returns involved');
  EXECUTE format('COMMENT ON COLUMN %I.reconcile_conflicts.detail IS %L', schema_name, 'What disagrees and what the policy kept');
  PERFORM careleaver.create_published_tables(schema_name);  -- DfE's published figures (91_dashboard_parity.sql)
  PERFORM careleaver.create_sufficiency_tables(schema_name);  -- 88_sufficiency.sql
  PERFORM careleaver.create_cin_tables(schema_name);   -- CIN census: returns, rejects, canonical tables (85_cin.sql)
END
$fn$;
COMMENT ON FUNCTION careleaver.create_dataset(text) IS
  'Creates (idempotently) the schema and tables of a council dataset: canonical header, episodes, oc3, uasc, missing, reviews, oc2, ad1, placed_adoption, sw_episodes, population, the postcode look-up (postcodes, postcode_councils); the annual returns as loaded (returns, return_*), rejects and reconcile_conflicts. The tables belong to the caller, not to the extension';

-- ---------------------------------------------------------------------------
-- Loading: the client (scripts/careleaver-load) stages every cell as text in
-- pg_temp.careleaver_stage_<module> (made by stage_table), then calls
-- load_staged, which checks every cell in one set-based pass, and either
-- records every problem in pg_temp.careleaver_load_problems and loads nothing,
-- or replaces the returns' rows.

CREATE FUNCTION careleaver.stage_table(module text)
RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, careleaver, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
  cols text;
  tab text := 'careleaver_stage_' || module;
BEGIN
  IF module = 'problems' THEN
    -- cells the client could not stage as text (NUL, undecodable bytes): the
    -- problems are staged here, the rows with those cells escaped
    DROP TABLE IF EXISTS pg_temp.careleaver_stage_problems;
    CREATE TEMP TABLE careleaver_stage_problems (module text, la text, year text, source_file text,
      source_line integer, column_name text, value text, reason text);
    RETURN 'pg_temp.careleaver_stage_problems';
  END IF;
  SELECT string_agg(format('%I text', d.column_name), ', ' ORDER BY d.ord) INTO cols
    FROM careleaver.dataset_columns() d WHERE d.module = stage_table.module;
  IF cols IS NULL THEN
    RAISE EXCEPTION 'unknown SSDA903 module "%"', module USING ERRCODE = '22023',
      HINT = 'See careleaver.dataset_columns() for the modules a dataset stores.';
  END IF;
  EXECUTE format('DROP TABLE IF EXISTS pg_temp.%I', tab);
  EXECUTE format('CREATE TEMP TABLE %I (la text, year text, source_file text NOT NULL, '
                 'source_line integer NOT NULL, %s)', tab, cols);
  RETURN 'pg_temp.' || tab;
END
$fn$;
COMMENT ON FUNCTION careleaver.stage_table(text) IS
  'Creates (afresh) the session''s staging table pg_temp.careleaver_stage_<module>: la, year, source_file, source_line and every column of the module as text; module ''problems'': pg_temp.careleaver_stage_problems, for cells the client could not stage as text (their rows are then bad); used by careleaver-load';

CREATE FUNCTION careleaver.load_staged(schema_name text, files jsonb, skip_bad_rows boolean DEFAULT false)
RETURNS TABLE (la text, year integer, outcome text, detail text)
LANGUAGE plpgsql
SET search_path = pg_catalog, careleaver, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
  m record;
  r record;
  stage text;
  checks text;
  row_filter text;
  any_problems boolean;
  single_return boolean;
  conv text;
  cols text;
  modules text[] := '{}';
  nproblems bigint;
  nrows bigint;
  old_files jsonb;
  new_files jsonb;
  cin boolean;            -- a CIN census load (modules cin_*): its own returns and rejects tables
  returns_table text;
  rejects_table text;
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);  -- never run another role's code (doc/dataset.md)
  -- loads into one dataset take turns (until the end of the transaction)
  PERFORM pg_advisory_xact_lock(hashtext('careleaver.load_staged'), hashtext(schema_name));
  PERFORM careleaver.create_dataset(schema_name);
  DROP TABLE IF EXISTS pg_temp.careleaver_load_problems;
  CREATE TEMP TABLE careleaver_load_problems (module text, la text, year text, source_file text,
    source_line integer, column_name text, value text, reason text, child text);
  IF to_regclass('pg_temp.careleaver_stage_problems') IS NOT NULL THEN
    INSERT INTO pg_temp.careleaver_load_problems (module, la, year, source_file, source_line, column_name, value, reason)
    SELECT p.module, p.la, p.year, p.source_file, p.source_line, p.column_name, p.value, p.reason
      FROM pg_temp.careleaver_stage_problems p;
  END IF;

  FOR m IN SELECT DISTINCT d.module FROM careleaver.dataset_columns() d ORDER BY 1 LOOP
    stage := 'careleaver_stage_' || m.module;
    CONTINUE WHEN to_regclass('pg_temp.' || stage) IS NULL;
    modules := modules || m.module;
    -- one row per cell to check: (DfE column, value, problem or NULL)
    -- (text kinds too: no control characters)
    SELECT string_agg(format('(%L, s.%I, %s)', d.dfe_name, d.column_name,
             CASE WHEN d.kind = 'id' THEN format('CASE WHEN s.%I IS NULL OR btrim(s.%I) = %L THEN %L ELSE careleaver.return_value_problem(s.%I, %L) END',
                                                 d.column_name, d.column_name, '', 'required: every row needs the child identifier', d.column_name, 'text')
                  ELSE format('careleaver.return_value_problem(s.%I, %L)', d.column_name,
                              CASE WHEN d.kind IN ('text', 'upper') THEN 'text' ELSE d.kind END) END),
             ', ' ORDER BY d.ord),
           string_agg(CASE WHEN d.kind = 'id' THEN format('s.%I IS NULL OR btrim(s.%I) = %L OR careleaver.return_value_problem(s.%I, %L) IS NOT NULL',
                                                          d.column_name, d.column_name, '', d.column_name, 'text')
                           ELSE format('careleaver.return_value_problem(s.%I, %L) IS NOT NULL', d.column_name,
                                       CASE WHEN d.kind IN ('text', 'upper') THEN 'text' ELSE d.kind END) END,
                      ' OR ' ORDER BY d.ord)
      INTO checks, row_filter FROM careleaver.dataset_columns() d WHERE d.module = m.module;
    -- a cheap test per row first; the bad rows only are taken apart per cell (@child@: the module's child
    -- identifier column, CHILD or the CIN census's LAchildID)
    EXECUTE replace(format($q$
      INSERT INTO pg_temp.careleaver_load_problems
      SELECT %L, s.la, s.year, s.source_file, s.source_line, v.col, v.val, v.problem, nullif(btrim(s.@child@), '')
      FROM (SELECT * FROM pg_temp.%I s
            WHERE s.la IS NULL OR btrim(s.la) = '' OR careleaver.return_value_problem(s.la, 'text') IS NOT NULL
               OR s.year IS NULL OR careleaver.return_value_problem(s.year, 'integer') IS NOT NULL %s OR %s
            OFFSET 0) s
      CROSS JOIN LATERAL (VALUES
        ('LA', s.la, CASE WHEN s.la IS NULL OR btrim(s.la) = '' THEN 'council (LA) is blank'
                          ELSE careleaver.return_value_problem(s.la, 'text') END),
        ('YEAR', s.year, CASE WHEN s.year IS NULL THEN 'collection year is blank'
                              ELSE careleaver.return_value_problem(s.year, 'integer') END),
        %s
        %s) AS v(col, val, problem)
      WHERE v.problem IS NOT NULL$q$,
      m.module, stage,
      CASE WHEN m.module = 'episodes' THEN 'OR s.decom IS NULL' ELSE '' END, row_filter,
      CASE WHEN m.module = 'episodes' THEN $x$('DECOM', s.decom, CASE WHEN s.decom IS NULL THEN 'required: an episode needs its start date' END),$x$ ELSE '' END,
      checks),
      '@child@', quote_ident(coalesce((SELECT d.column_name FROM careleaver.dataset_columns() d
                                        WHERE d.module = m.module AND d.kind = 'id' ORDER BY d.ord LIMIT 1), 'child')));
  END LOOP;

  IF cardinality(modules) = 0 THEN
    RAISE EXCEPTION 'nothing staged to load' USING ERRCODE = '22023',
      HINT = 'Stage the files with careleaver.stage_table() and COPY first (scripts/careleaver-load does this).';
  END IF;
  cin := modules[1] LIKE 'cin\_%';
  IF EXISTS (SELECT 1 FROM unnest(modules) u(module) WHERE (u.module LIKE 'cin\_%') <> cin) THEN
    RAISE EXCEPTION 'SSDA903 and CIN census files cannot be loaded together' USING ERRCODE = '22023',
      HINT = 'Load the CIN census files with a separate careleaver-load run.';
  END IF;
  returns_table := CASE WHEN cin THEN 'cin_returns' ELSE 'returns' END;
  rejects_table := CASE WHEN cin THEN 'cin_rejects' ELSE 'rejects' END;

  SELECT count(*) INTO nproblems FROM pg_temp.careleaver_load_problems;
  any_problems := nproblems > 0;
  IF nproblems > 0 AND NOT skip_bad_rows THEN
    la := NULL; year := NULL; outcome := 'rejected';
    detail := format('%s bad value(s); nothing loaded', nproblems);
    RETURN NEXT;
    RETURN;
  END IF;

  -- the returns staged: every (la, year) of a row without problems
  DROP TABLE IF EXISTS pg_temp.careleaver_load_returns;
  CREATE TEMP TABLE careleaver_load_returns (la text, year integer, module text, source_file text, rows bigint);
  FOREACH stage IN ARRAY modules LOOP
    EXECUTE format($q$
      INSERT INTO pg_temp.careleaver_load_returns
      SELECT btrim(s.la), careleaver.return_integer(s.year), %L, s.source_file, count(*)
      FROM pg_temp.%I s
      WHERE NOT EXISTS (SELECT 1 FROM pg_temp.careleaver_load_problems p
                        WHERE p.module = %L AND p.source_file = s.source_file AND p.source_line = s.source_line)
      GROUP BY 1, 2, 4$q$, stage, 'careleaver_stage_' || stage, stage);
  END LOOP;
  -- a file of a named return (la, year given) without rows: that module of the
  -- return is empty (a header-only reload empties the return)
  INSERT INTO pg_temp.careleaver_load_returns
  SELECT btrim(f->>'la'), (f->>'year')::integer, f->>'module', f->>'name', 0
  FROM jsonb_array_elements(files) f
  WHERE f ? 'la' AND f ? 'year' AND f->>'module' = ANY (modules)
    AND NOT EXISTS (SELECT 1 FROM pg_temp.careleaver_load_returns lr
                    WHERE lr.source_file = f->>'name' AND lr.module = f->>'module');

  SELECT count(DISTINCT (lr.la, lr.year)) = 1 INTO single_return FROM pg_temp.careleaver_load_returns lr;
  FOR r IN SELECT DISTINCT lr.la, lr.year FROM pg_temp.careleaver_load_returns lr ORDER BY 1, 2 LOOP
    SELECT jsonb_agg(jsonb_build_object('name', f->>'name', 'sha256', f->>'sha256', 'module', lr.module, 'rows', lr.rows)
                     ORDER BY f->>'name', lr.module)
      INTO new_files
      FROM pg_temp.careleaver_load_returns lr
      JOIN jsonb_array_elements(files) f ON f->>'name' = lr.source_file
     WHERE lr.la = r.la AND lr.year = r.year;
    IF new_files IS NULL THEN
      RAISE EXCEPTION 'files argument does not describe the staged files' USING ERRCODE = '22023';
    END IF;
    EXECUTE format('SELECT files FROM %I.%I WHERE la = $1 AND year = $2', schema_name, returns_table)
      INTO old_files USING r.la, r.year;
    la := r.la; year := r.year;
    IF old_files IS NOT NULL AND old_files = new_files THEN
      outcome := 'unchanged';
      detail := 'already loaded from the same files (same checksums); nothing to do';
      RETURN NEXT;
      CONTINUE;
    END IF;
    -- replace the whole return (of the same census: SSDA903 or CIN)
    FOR m IN SELECT DISTINCT d.module FROM careleaver.dataset_columns() d WHERE (d.module LIKE 'cin\_%') = cin LOOP
      EXECUTE format('DELETE FROM %I.%I WHERE la = $1 AND year = $2', schema_name, 'return_' || m.module)
        USING r.la, r.year;
    END LOOP;
    EXECUTE format('DELETE FROM %I.%I WHERE la = $1 AND year = $2', schema_name, rejects_table) USING r.la, r.year;
    nrows := 0;
    FOREACH stage IN ARRAY modules LOOP
      SELECT string_agg(format('%I', d.column_name), ', ' ORDER BY d.ord),
             string_agg(CASE d.kind
                          WHEN 'id' THEN format('btrim(s.%I)', d.column_name)
                          WHEN 'text' THEN format('nullif(btrim(s.%I), %L)', d.column_name, '')
                          WHEN 'upper' THEN format('nullif(upper(btrim(s.%I)), %L)', d.column_name, '')
                          WHEN 'date' THEN format('careleaver.return_date(s.%I)', d.column_name)
                          WHEN 'flag' THEN format('careleaver.return_integer(s.%I)::smallint', d.column_name)
                          WHEN 'integer' THEN format('careleaver.return_integer(s.%I)', d.column_name)
                          ELSE format('s.%I::%s', d.column_name, d.sql_type) END,
                        ', ' ORDER BY d.ord)
        INTO cols, conv
        FROM careleaver.dataset_columns() d WHERE d.module = stage;
      EXECUTE format($q$
        INSERT INTO %I.%I (la, year, %s, source_file, source_line)
        SELECT $1, $2, %s, s.source_file, s.source_line
        FROM pg_temp.%I s
        WHERE %s
          %s$q$,
        schema_name, 'return_' || stage, cols, conv, 'careleaver_stage_' || stage,
        -- one clean return staged (the usual case): every row belongs to it
        CASE WHEN single_return AND NOT any_problems THEN 'true'
             ELSE $w$btrim(s.la) = $1 AND s.year IS NOT NULL
                     AND careleaver.return_value_problem(s.year, 'integer') IS NULL
                     AND careleaver.return_integer(s.year) = $2$w$ END,
        CASE WHEN any_problems THEN
          format('AND NOT EXISTS (SELECT 1 FROM pg_temp.careleaver_load_problems p '
                 'WHERE p.module = %L AND p.source_file = s.source_file AND p.source_line = s.source_line)', stage)
        ELSE '' END)
        USING r.la, r.year;
      GET DIAGNOSTICS nproblems = ROW_COUNT;
      nrows := nrows + nproblems;
    END LOOP;
    EXECUTE format($q$
      INSERT INTO %I.%I (la, year, source_file, source_line, column_name, value, reason, module, child)
      SELECT btrim(p.la), careleaver.return_integer(p.year), p.source_file, p.source_line, p.column_name, p.value, p.reason,
             p.module, coalesce(p.child, c.child)
      FROM pg_temp.careleaver_load_problems p
      -- a problem the client found (control characters, undecodable bytes) has no child: the row's, from the
      -- server's own check of it, or none
      LEFT JOIN LATERAL (SELECT max(q.child) AS child FROM pg_temp.careleaver_load_problems q
                          WHERE q.source_file = p.source_file AND q.source_line = p.source_line
                            AND q.child IS NOT NULL) c ON p.child IS NULL
      WHERE btrim(p.la) = $1 AND careleaver.return_value_problem(p.year, 'integer') IS NULL
        AND careleaver.return_integer(p.year) = $2$q$, schema_name, rejects_table)
      USING r.la, r.year;
    GET DIAGNOSTICS nproblems = ROW_COUNT;
    EXECUTE format('INSERT INTO %I.%I (la, year, loaded_at, files) VALUES ($1, $2, now(), $3) '
                   'ON CONFLICT (la, year) DO UPDATE SET loaded_at = excluded.loaded_at, files = excluded.files, origin = ''loaded''',
                   schema_name, returns_table) USING r.la, r.year, new_files;
    outcome := 'loaded';
    detail := format('%s rows loaded', nrows)
              || CASE WHEN nproblems > 0 THEN format(', %s bad value(s) skipped into rejects', nproblems) ELSE '' END;
    -- a return cannot hold episodes starting after its year: most likely
    -- the year was given as the one the collection starts
    EXECUTE format('SELECT count(*) FROM %I.%I e WHERE e.la = $1 AND e.year = $2 AND e.%I > careleaver.collection_year_end($2)',
                   schema_name, CASE WHEN cin THEN 'return_cin_details' ELSE 'return_episodes' END,
                   CASE WHEN cin THEN 'cinreferraldate' ELSE 'decom' END) INTO nrows USING r.la, r.year;
    IF nrows > 0 THEN
      detail := detail || format('; warning: %s %s start after 31/03/%s, the end of collection year %s '
                                 '(years are named by the year they end: is the year right?)',
                                 nrows, CASE WHEN cin THEN 'referral(s)' ELSE 'episode(s)' END, r.year, r.year);
    END IF;
    RETURN NEXT;
  END LOOP;
  -- rows whose council or year could not be read belong to no return
  SELECT count(*) INTO nproblems FROM pg_temp.careleaver_load_problems p
   WHERE p.la IS NULL OR btrim(p.la) = '' OR careleaver.return_value_problem(p.la, 'text') IS NOT NULL
      OR p.year IS NULL OR careleaver.return_value_problem(p.year, 'integer') IS NOT NULL;
  IF nproblems > 0 THEN
    la := NULL; year := NULL; outcome := 'skipped';
    detail := format('%s bad value(s) in rows with no readable council or year: not kept in rejects', nproblems);
    RETURN NEXT;
  END IF;
END
$fn$;
COMMENT ON FUNCTION careleaver.load_staged(text, jsonb, boolean) IS
  'Server side of careleaver-load: checks every staged cell (pg_temp.careleaver_stage_*), lists each bad value in pg_temp.careleaver_load_problems and, when there is none (or skip_bad_rows), replaces each staged (la, year) return in the dataset; a return staged from files with the same names and checksums as last time is left unchanged. files: [{name, sha256, module, la, year}] (module, la and year optional: given, a file without rows still names its return, whose module is then empty)';

-- ---------------------------------------------------------------------------
-- Reconciliation: canonical header, episodes, oc3 (and uasc, missing,
-- reviews, oc2) rebuilt from every loaded return of a council by a named
-- policy.  Policy 'latest_return' (doc/dataset.md, "Reconciliation"):
--  1. one row per (child, DECOM): the row of the latest return wins (within a
--     return, the row with a DEC, then the first line); differences reported;
--  2. each return is authoritative for its collection year: an episode that a
--     later loaded return should have restated but does not is dropped if it
--     starts in or after that later return's year, closed at the 31 March
--     ending its own return's year if it was still open (REC left blank), or
--     cut back to the 31 March before the later return's year if its DEC lies
--     later; always noted and reported;
--  3. an episode of an older return that starts inside an episode of a newer
--     return is dropped (superseded); any other episode that ends after the
--     next one starts is cut back to the next DECOM (REC kept if it had one,
--     left blank if it was open); noted and reported;
--  4. an episode ending before it starts is dropped and reported; X1 endings
--     followed by a gap are reported only.

CREATE FUNCTION careleaver.reconcile(schema_name text, la text DEFAULT NULL,
                                     policy text DEFAULT 'latest_return')
RETURNS TABLE (council text, episodes bigint, adjusted bigint, conflicts bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, careleaver, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
  s text := schema_name;
  ep_cols text := 'child, decom, rne, ls, cin, place, place_provider, dec, rec, reason_place_change, home_post, pl_post, urn';
  cols text;
  m text;
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);  -- never run another role's code (doc/dataset.md)
  -- the lock loads take (load_staged): a reconcile waits for a load or
  -- another reconcile of the dataset instead of interleaving with it
  PERFORM pg_advisory_xact_lock(hashtext('careleaver.load_staged'), hashtext(schema_name));
  IF policy IS DISTINCT FROM 'latest_return' THEN
    RAISE EXCEPTION 'unknown reconciliation policy "%"', policy USING ERRCODE = '22023',
      HINT = 'The policies are: latest_return.';
  END IF;
  IF to_regclass(format('%I.returns', s)) IS NULL THEN
    RAISE EXCEPTION 'schema "%" is not a careleaver dataset', s USING ERRCODE = '42P01',
      HINT = 'Create it with careleaver.create_dataset() and load returns with careleaver-load.';
  END IF;

  DROP TABLE IF EXISTS pg_temp.rc_las, pg_temp.rc_years, pg_temp.rc_all, pg_temp.rc_k,
    pg_temp.rc_c, pg_temp.rc_drop, pg_temp.rc_ep, pg_temp.rc_conf;
  EXECUTE format('CREATE TEMP TABLE rc_las AS SELECT DISTINCT r.la FROM %I.returns r '
                 'WHERE ($1 IS NULL OR r.la = $1) AND r.origin = ''loaded''', s)
    USING reconcile.la;
  EXECUTE format($q$CREATE TEMP TABLE rc_years AS
    SELECT r.la, r.year, lead(r.year) OVER w AS next_year,
           careleaver.collection_year_start(lead(r.year) OVER w) AS next_start
    FROM %I.returns r
    WHERE r.la IN (SELECT l.la FROM pg_temp.rc_las l) AND r.origin = 'loaded' AND r.files @> '[{"module": "episodes"}]'
    WINDOW w AS (PARTITION BY r.la ORDER BY r.year)$q$, s);
  CREATE TEMP TABLE rc_conf (la text, child text, kind text, decom date, years integer[], detail text);

  EXECUTE format($q$CREATE TEMP TABLE rc_all AS
    SELECT e.la, e.year, %s, e.source_file, e.source_line,
           row_number() OVER (PARTITION BY e.la COLLATE "C", e.child COLLATE "C", e.decom
                              ORDER BY e.year DESC, (e.dec IS NOT NULL) DESC, e.source_file, e.source_line) AS rk,
           max(e.year) OVER (PARTITION BY e.la COLLATE "C", e.child COLLATE "C") AS child_last_year
    FROM %I.return_episodes e WHERE e.la IN (SELECT l.la FROM pg_temp.rc_las l)$q$, ep_cols, s);
  ANALYZE rc_all;

  -- 1. duplicates and revisions of the same (child, DECOM)
  INSERT INTO rc_conf
  SELECT a.la, a.child, 'duplicate_in_return', a.decom, ARRAY[a.year],
         format('%s rows with this DECOM in return %s (%s); kept %s', count(*), a.year,
                string_agg(a.source_file || ':' || a.source_line, ', ' ORDER BY a.rk),
                (array_agg(a.source_file || ':' || a.source_line ORDER BY a.rk))[1])
  FROM rc_all a
  WHERE (a.la, a.child, a.decom) IN (SELECT d.la, d.child, d.decom FROM rc_all d WHERE d.rk > 1)
  GROUP BY a.la, a.child, a.decom, a.year HAVING count(*) > 1;

  INSERT INTO rc_conf
  SELECT o.la, o.child, 'revised_episode', o.decom, ARRAY[o.year, k.year],
         format('return %s has %s; return %s (kept) has %s', o.year,
           concat_ws(', ',
             CASE WHEN o.rne IS DISTINCT FROM k.rne THEN 'RNE ' || coalesce(o.rne::text, 'blank') END,
             CASE WHEN o.ls IS DISTINCT FROM k.ls THEN 'LS ' || coalesce(o.ls::text, 'blank') END,
             CASE WHEN o.cin IS DISTINCT FROM k.cin THEN 'CIN ' || coalesce(o.cin::text, 'blank') END,
             CASE WHEN o.place IS DISTINCT FROM k.place THEN 'PLACE ' || coalesce(o.place::text, 'blank') END,
             CASE WHEN o.place_provider IS DISTINCT FROM k.place_provider THEN 'PLACE_PROVIDER ' || coalesce(o.place_provider::text, 'blank') END,
             CASE WHEN o.urn IS DISTINCT FROM k.urn THEN 'URN ' || coalesce(o.urn, 'blank') END),
           k.year,
           concat_ws(', ',
             CASE WHEN o.rne IS DISTINCT FROM k.rne THEN 'RNE ' || coalesce(k.rne::text, 'blank') END,
             CASE WHEN o.ls IS DISTINCT FROM k.ls THEN 'LS ' || coalesce(k.ls::text, 'blank') END,
             CASE WHEN o.cin IS DISTINCT FROM k.cin THEN 'CIN ' || coalesce(k.cin::text, 'blank') END,
             CASE WHEN o.place IS DISTINCT FROM k.place THEN 'PLACE ' || coalesce(k.place::text, 'blank') END,
             CASE WHEN o.place_provider IS DISTINCT FROM k.place_provider THEN 'PLACE_PROVIDER ' || coalesce(k.place_provider::text, 'blank') END,
             CASE WHEN o.urn IS DISTINCT FROM k.urn THEN 'URN ' || coalesce(k.urn, 'blank') END))
  FROM rc_all o JOIN rc_all k ON k.la = o.la AND k.child = o.child AND k.decom = o.decom AND k.rk = 1
  WHERE o.rk > 1 AND o.year < k.year
    AND (o.rne, o.ls, o.cin, o.place, o.place_provider, o.urn)
        IS DISTINCT FROM (k.rne, k.ls, k.cin, k.place, k.place_provider, k.urn);

  INSERT INTO rc_conf
  SELECT o.la, o.child, 'revised_end', o.decom, ARRAY[o.year, k.year],
         format('return %s ended it on %s (%s); return %s (kept) has %s', o.year,
                to_char(o.dec, 'DD/MM/YYYY'), coalesce(o.rec::text, 'no REC'), k.year,
                CASE WHEN k.dec IS NULL THEN 'it open'
                     ELSE format('%s (%s)', to_char(k.dec, 'DD/MM/YYYY'), coalesce(k.rec::text, 'no REC')) END)
  FROM rc_all o JOIN rc_all k ON k.la = o.la AND k.child = o.child AND k.decom = o.decom AND k.rk = 1
  WHERE o.rk > 1 AND o.year < k.year AND o.dec IS NOT NULL
    AND (o.dec, o.rec) IS DISTINCT FROM (k.dec, k.rec);

  -- 2. what later returns say about each kept row
  CREATE TEMP TABLE rc_k AS
  SELECT q.*,
         CASE WHEN q.close_kind = 'stale_open' THEN greatest(q.decom, careleaver.collection_year_end(q.year))
              WHEN q.close_kind IS NOT NULL THEN q.next_start - 1 ELSE q.dec END AS dec1,
         CASE WHEN q.close_kind = 'stale_open' THEN
                format('open at the end of return %s and absent from return %s: closed on %s, REC left blank',
                       q.year, q.next_year, to_char(greatest(q.decom, careleaver.collection_year_end(q.year)), 'DD/MM/YYYY'))
              WHEN q.close_kind IS NOT NULL THEN
                format('DEC %s (return %s) lies in collection year %s, whose return does not have this episode: cut back to %s',
                       to_char(q.dec, 'DD/MM/YYYY'), q.year, q.next_year, to_char(q.next_start - 1, 'DD/MM/YYYY'))
         END AS note1
  FROM (
    SELECT a.*, y.next_year, y.next_start,
           CASE WHEN a.dec < a.decom THEN 'ends_before_start'
                WHEN y.next_start IS NOT NULL AND a.decom >= y.next_start THEN 'not_restated' END AS drop_kind,
           CASE WHEN y.next_start IS NOT NULL AND a.decom < y.next_start AND a.dec IS NULL THEN 'stale_open'
                WHEN y.next_start IS NOT NULL AND a.decom < y.next_start AND a.dec > y.next_start THEN 'not_restated' END AS close_kind
    FROM rc_all a LEFT JOIN rc_years y ON y.la = a.la AND y.year = a.year
    WHERE a.rk = 1) q;
  ANALYZE rc_k;

  INSERT INTO rc_conf
  SELECT k.la, k.child, k.drop_kind, k.decom, CASE WHEN k.next_year IS NULL THEN ARRAY[k.year] ELSE ARRAY[k.year, k.next_year] END,
         CASE k.drop_kind
           WHEN 'ends_before_start' THEN format('return %s ends it (%s) before it starts: dropped', k.year, to_char(k.dec, 'DD/MM/YYYY'))
           ELSE format('return %s has it, starting in or after collection year %s, whose return does not: dropped', k.year, k.next_year) END
  FROM rc_k k WHERE k.drop_kind IS NOT NULL;

  INSERT INTO rc_conf
  SELECT k.la, k.child, k.close_kind, k.decom, ARRAY[k.year, k.next_year],
         CASE k.close_kind
           WHEN 'stale_open' THEN format('open at the end of return %s and absent from return %s: closed on %s with REC blank',
                                         k.year, k.next_year, to_char(greatest(k.decom, careleaver.collection_year_end(k.year)), 'DD/MM/YYYY'))
           ELSE format('return %s ends it on %s, inside collection year %s, whose return does not have it: DEC cut back to %s',
                       k.year, to_char(k.dec, 'DD/MM/YYYY'), k.next_year, to_char(k.next_start - 1, 'DD/MM/YYYY')) END
  FROM rc_k k WHERE k.close_kind IS NOT NULL AND k.drop_kind IS NULL;

  -- 3. overlaps between consecutive kept episodes
  DELETE FROM rc_k k WHERE k.drop_kind IS NOT NULL;

  -- 3a. an episode of an older return starting inside an episode of a newer
  -- return is superseded by it (the newer return restated that time)
  CREATE TEMP TABLE rc_drop AS
  SELECT DISTINCT ON (b.la, b.child, b.decom) b.la, b.child, b.decom, b.year,
         a.decom AS by_decom, a.year AS by_year, a.dec1 AS by_dec
  FROM rc_k b JOIN rc_k a ON a.la = b.la AND a.child = b.child AND a.decom < b.decom
   AND a.year > b.year AND coalesce(a.dec1, 'infinity') > b.decom
  WHERE b.year < b.child_last_year
  ORDER BY b.la, b.child, b.decom, a.year DESC, a.decom;
  INSERT INTO rc_conf
  SELECT d.la, d.child, 'superseded', d.decom, ARRAY[d.year, d.by_year],
         format('starts inside the episode from %s (%s) of the newer return %s: dropped',
                to_char(d.by_decom, 'DD/MM/YYYY'),
                CASE WHEN d.by_dec IS NULL THEN 'open' ELSE 'to ' || to_char(d.by_dec, 'DD/MM/YYYY') END,
                d.by_year)
  FROM rc_drop d;

  -- 3b. remaining overlaps: cut back to the next DECOM
  CREATE TEMP TABLE rc_ep AS
  WITH o AS (
    SELECT c.*, lead(c.decom) OVER (PARTITION BY c.la COLLATE "C", c.child COLLATE "C" ORDER BY c.decom) AS next_decom
    FROM rc_k c
    WHERE NOT EXISTS (SELECT 1 FROM rc_drop d WHERE d.la = c.la AND d.child = c.child AND d.decom = c.decom))
  SELECT o.la, o.child, o.decom, o.rne, o.ls, o.cin, o.place, o.place_provider,
         CASE WHEN coalesce(o.dec1, 'infinity') > o.next_decom THEN o.next_decom ELSE o.dec1 END AS dec,
         CASE WHEN o.close_kind = 'stale_open' THEN NULL ELSE o.rec END AS rec,
         o.reason_place_change, o.home_post, o.pl_post, o.urn, o.year AS source_year,
         concat_ws('; ', o.note1,
           CASE WHEN coalesce(o.dec1, 'infinity') > o.next_decom THEN
             format('%s after the next episode starts (%s): DEC set to %s%s',
                    CASE WHEN o.dec1 IS NULL THEN 'open' ELSE 'ends ' || to_char(o.dec1, 'DD/MM/YYYY') END,
                    to_char(o.next_decom, 'DD/MM/YYYY'), to_char(o.next_decom, 'DD/MM/YYYY'),
                    CASE WHEN o.dec1 IS NULL THEN ', REC left blank' ELSE '' END) END) AS reconcile_note,
         coalesce(o.dec1, 'infinity') > o.next_decom AS overlapped,
         o.dec1 IS NULL AND o.next_decom IS NOT NULL AS was_open,
         o.next_decom, o.year
  FROM o;

  INSERT INTO rc_conf
  SELECT e.la, e.child, 'overlap', e.decom, ARRAY[e.year], e.reconcile_note
  FROM rc_ep e WHERE e.overlapped;
  INSERT INTO rc_conf
  SELECT e.la, e.child, 'x1_gap', e.decom, ARRAY[e.year],
         CASE WHEN e.next_decom IS NULL THEN format('REC X1 on %s but no later episode: kept as is', to_char(e.dec, 'DD/MM/YYYY'))
              ELSE format('REC X1 on %s but the next episode starts on %s: kept as is', to_char(e.dec, 'DD/MM/YYYY'),
                          to_char(e.next_decom, 'DD/MM/YYYY')) END
  FROM rc_ep e WHERE e.rec::text = 'X1' AND NOT e.overlapped AND (e.next_decom IS NULL OR e.next_decom > e.dec);

  EXECUTE format('DELETE FROM %I.episodes e WHERE e.la IN (SELECT l.la FROM pg_temp.rc_las l)', s);
  EXECUTE format($q$INSERT INTO %I.episodes (la, %s, source_year, reconcile_note)
    SELECT e.la, e.child, e.decom, e.rne, e.ls, e.cin, e.place, e.place_provider, e.dec,
           CASE WHEN e.overlapped AND e.was_open THEN NULL ELSE e.rec END,
           e.reason_place_change, e.home_post, e.pl_post, e.urn, e.source_year, nullif(e.reconcile_note, '')
    FROM pg_temp.rc_ep e$q$, s, ep_cols);

  -- 4. header and uasc: the latest return's row; oc3, oc2: one per year
  EXECUTE format($q$INSERT INTO pg_temp.rc_conf
    SELECT h.la, h.child, 'header_revised', NULL, array_agg(DISTINCT h.year ORDER BY h.year),
           'DOB differs between returns: ' || string_agg(DISTINCT h.year || ' ' || coalesce(to_char(h.dob, 'DD/MM/YYYY'), 'blank'), ', ')
           || '; the latest return''s header row was kept'
    FROM %I.return_header h WHERE h.la IN (SELECT l.la FROM pg_temp.rc_las l)
    GROUP BY h.la, h.child HAVING count(DISTINCT h.dob) > 1$q$, s);
  EXECUTE format($q$INSERT INTO pg_temp.rc_conf
    SELECT o.la, o.child, 'duplicate_oc3', NULL, ARRAY[o.year],
           format('%%s OC3 rows in return %%s (%%s); the first was kept', count(*), o.year,
                  string_agg(o.source_file || ':' || o.source_line, ', ' ORDER BY o.source_file, o.source_line))
    FROM %I.return_oc3 o WHERE o.la IN (SELECT l.la FROM pg_temp.rc_las l)
    GROUP BY o.la, o.child, o.year HAVING count(*) > 1$q$, s);

  FOREACH m IN ARRAY ARRAY['header', 'uasc', 'oc3', 'oc2', 'ad1', 'placed_adoption', 'missing', 'reviews', 'sw_episodes'] LOOP
    SELECT string_agg(format('%I', d.column_name), ', ' ORDER BY d.ord) INTO cols
      FROM careleaver.dataset_columns() d WHERE d.module = m;
    EXECUTE format('DELETE FROM %I.%I t WHERE t.la IN (SELECT l.la FROM pg_temp.rc_las l)', s, m);
    EXECUTE format($q$INSERT INTO %I.%I (la, %s%s)
      SELECT DISTINCT ON (%s) r.la, %s%s FROM %I.%I r
      WHERE r.la IN (SELECT l.la FROM pg_temp.rc_las l)
      ORDER BY %s, %s$q$,
      s, m, cols, CASE WHEN m IN ('header', 'uasc') THEN '' ELSE ', year' END,
      CASE m WHEN 'header' THEN 'r.la, r.child' WHEN 'uasc' THEN 'r.la, r.child'
             WHEN 'oc3' THEN 'r.la, r.child, r.year' WHEN 'oc2' THEN 'r.la, r.child, r.year'
             WHEN 'ad1' THEN 'r.la, r.child, r.year' WHEN 'placed_adoption' THEN 'r.la, r.child, r.year'
             WHEN 'missing' THEN 'r.la, r.child, r.mis_start, r.missing'
             WHEN 'sw_episodes' THEN 'r.la, r.child, r.sw_decom, r.sw_id'
             ELSE 'r.la, r.child, r.review' END,
      (SELECT string_agg('r.' || quote_ident(d.column_name), ', ' ORDER BY d.ord)
         FROM careleaver.dataset_columns() d WHERE d.module = m),
      CASE WHEN m IN ('header', 'uasc') THEN '' ELSE ', r.year' END,
      s, 'return_' || m,
      CASE m WHEN 'header' THEN 'r.la, r.child' WHEN 'uasc' THEN 'r.la, r.child'
             WHEN 'oc3' THEN 'r.la, r.child, r.year' WHEN 'oc2' THEN 'r.la, r.child, r.year'
             WHEN 'ad1' THEN 'r.la, r.child, r.year' WHEN 'placed_adoption' THEN 'r.la, r.child, r.year'
             WHEN 'missing' THEN 'r.la, r.child, r.mis_start, r.missing'
             WHEN 'sw_episodes' THEN 'r.la, r.child, r.sw_decom, r.sw_id'
             ELSE 'r.la, r.child, r.review' END,
      CASE WHEN m IN ('oc3', 'oc2', 'ad1', 'placed_adoption') THEN 'r.source_file, r.source_line'
           ELSE 'r.year DESC, r.source_file, r.source_line' END);
  END LOOP;

  EXECUTE format('DELETE FROM %I.reconcile_conflicts c WHERE c.la IN (SELECT l.la FROM pg_temp.rc_las l)', s);
  EXECUTE format('INSERT INTO %I.reconcile_conflicts (la, child, kind, decom, years, detail) '
                 'SELECT c.la, c.child, c.kind, c.decom, c.years, c.detail FROM pg_temp.rc_conf c', s);
  -- the fact layer follows the canonical tables in this transaction: never stale, rolled back with them
  PERFORM careleaver.refresh(s, l.la) FROM pg_temp.rc_las l;

  RETURN QUERY
    SELECT l.la,
           (SELECT count(*) FROM pg_temp.rc_ep e WHERE e.la = l.la),
           (SELECT count(*) FROM pg_temp.rc_ep e WHERE e.la = l.la AND e.reconcile_note <> ''),
           (SELECT count(*) FROM pg_temp.rc_conf c WHERE c.la = l.la)
    FROM pg_temp.rc_las l ORDER BY 1;
  DROP TABLE IF EXISTS pg_temp.rc_las, pg_temp.rc_years, pg_temp.rc_all, pg_temp.rc_k,
    pg_temp.rc_c, pg_temp.rc_drop, pg_temp.rc_ep, pg_temp.rc_conf;
END
$fn$;
COMMENT ON FUNCTION careleaver.reconcile(text, text, text) IS
  'Rebuilds the canonical header, episodes, oc3, uasc, oc2, ad1, placed_adoption, missing, reviews and sw_episodes of one council (or all) from every loaded return by the named policy (latest_return: the latest return is authoritative for its collection year, earlier returns supply the history before it; see doc/dataset.md). Changed episodes carry a reconcile_note, every episode its source_year; disagreements go to <schema>.reconcile_conflicts. Ends with careleaver.refresh of each council reconciled, so its facts (doc/facts.md) are current when the transaction commits and rolled back with it';

-- The dataset's returns as SQL (la, year, origin), read by coverage and validate alike: a dataset made
-- before 0.2.0 has no origin column, and all its returns were loaded; no returns table gives no rows.
CREATE FUNCTION careleaver.dataset_returns_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  tbl regclass := to_regclass(format('%I.returns', schema_name));
BEGIN
  IF tbl IS NULL THEN
    RETURN 'SELECT NULL::text AS la, NULL::integer AS year, NULL::text AS origin WHERE false';
  END IF;
  RETURN format('SELECT r.la, r.year, %s AS origin FROM %I.returns r',
                CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                                   WHERE a.attrelid = tbl AND a.attname = 'origin' AND NOT a.attisdropped)
                     THEN 'r.origin' ELSE '''loaded''::text' END, schema_name);
END
$fn$;
COMMENT ON FUNCTION careleaver.dataset_returns_sql(text) IS
  'Internal: SQL giving a dataset''s returns (la, year, origin: loaded or generated; loaded for a dataset made '
  'before 0.2.0), no rows when it has no returns table (coverage, metrics.md 11; validate)';
