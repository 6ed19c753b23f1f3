-- ===========================================================================
-- 85_cin: the Children in Need (CIN) census in a dataset: its returns and
-- rejects, and the canonical tables rebuilt from every loaded CIN return of a
-- council (careleaver.cin_reconcile).  Loading itself is the shared loader
-- (careleaver-load, stage_table, load_staged) over the cin_* modules of
-- careleaver.cin_return_columns().  doc/cin.md explains it.
-- ===========================================================================

CREATE FUNCTION careleaver.create_cin_tables(schema_name text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, careleaver, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
  t record;
  c record;
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name, creating => true);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.cin_returns (la text NOT NULL, year integer NOT NULL, '
                 'loaded_at timestamptz NOT NULL DEFAULT now(), files jsonb NOT NULL, '
                 'origin text NOT NULL DEFAULT %L, PRIMARY KEY (la, year))', schema_name, 'loaded');
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.cin_rejects (la text, year integer, source_file text NOT NULL, '
                 'source_line integer NOT NULL, column_name text, value text, reason text NOT NULL, module text, '
                 'child text)', schema_name);
  -- the loader records the module and child of each refusal, as for rejects (doc/validation.md)
  EXECUTE format('ALTER TABLE %I.cin_rejects ADD COLUMN IF NOT EXISTS module text, ADD COLUMN IF NOT EXISTS child text',
                 schema_name);
  EXECUTE format('COMMENT ON COLUMN %I.cin_rejects.module IS %L', schema_name, 'CIN module of the skipped row (cin_child, cin_details, ...)');
  EXECUTE format('COMMENT ON COLUMN %I.cin_rejects.child IS %L', schema_name, 'LAchildID of the skipped row as read (NULL when unreadable)');
  -- canonical tables: one row per child, per referral (CIN episode) and per record of a referral, each
  -- taken from the latest loaded return that holds the referral (cin_reconcile)
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.cin_child (la text NOT NULL, child text NOT NULL, upn text, '
                 'formerupn text, upnunknown text, personbirthdate date, expectedpersonbirthdate date, sex text, '
                 'persondeathdate date, ethnicity text, disabilities text[], source_year integer NOT NULL, '
                 'PRIMARY KEY (la, child))', schema_name);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.cin_details (la text NOT NULL, child text NOT NULL, '
                 'cinreferraldate date NOT NULL, referralsource text, primaryneedcode text, cinclosuredate date, '
                 'reasonforclosure text, dateofinitialcpc date, referralnfa boolean, source_year integer NOT NULL, '
                 'reconcile_note text, PRIMARY KEY (la, child, cinreferraldate))', schema_name);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.cin_assessments (la text NOT NULL, child text NOT NULL, '
                 'cinreferraldate date NOT NULL, assessmentactualstartdate date, assessmentinternalreviewdate date, '
                 'assessmentauthorisationdate date, factors text[], source_year integer NOT NULL)', schema_name);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.cin_plans (la text NOT NULL, child text NOT NULL, '
                 'cinreferraldate date NOT NULL, cinplanstartdate date, cinplanenddate date, '
                 'source_year integer NOT NULL)', schema_name);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.cin_section47 (la text NOT NULL, child text NOT NULL, '
                 'cinreferraldate date NOT NULL, s47actualstartdate date, initialcpctarget date, dateofinitialcpc date, '
                 'icpcnotrequired boolean, source_year integer NOT NULL)', schema_name);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.cin_cp_plans (la text NOT NULL, child text NOT NULL, '
                 'cinreferraldate date NOT NULL, cppstartdate date, cppenddate date, initialcategoryofabuse text, '
                 'latestcategoryofabuse text, numberofpreviouscpp integer, reviews date[], '
                 'source_year integer NOT NULL)', schema_name);
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.cin_assessments (la, child)', 'cin_assessments_la_child_idx', schema_name);
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.cin_plans (la, child)', 'cin_plans_la_child_idx', schema_name);
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.cin_section47 (la, child)', 'cin_section47_la_child_idx', schema_name);
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.cin_cp_plans (la, child)', 'cin_cp_plans_la_child_idx', schema_name);

  FOR t IN SELECT * FROM (VALUES
      ('cin_returns', 'One row per loaded Children in Need census return (careleaver-load)'),
      ('cin_rejects', 'CIN census rows skipped by careleaver-load --skip-bad-rows: one row per bad value of a skipped row'),
      ('cin_child', 'CIN census children: canonical, rebuilt from the loaded CIN returns by careleaver.cin_reconcile() (the latest return holding the child)'),
      ('cin_details', 'CIN episodes (one per referral): canonical, each from the latest loaded CIN return holding the referral (careleaver.cin_reconcile)'),
      ('cin_assessments', 'Assessments of the CIN episodes of cin_details, with the factors identified at each'),
      ('cin_plans', 'Child in need plans of the CIN episodes of cin_details'),
      ('cin_section47', 'Section 47 enquiries of the CIN episodes of cin_details'),
      ('cin_cp_plans', 'Child protection plans of the CIN episodes of cin_details, with their review dates')) AS v(name, descr) LOOP
    EXECUTE format('COMMENT ON TABLE %I.%I IS %L', schema_name, t.name, t.descr);
  END LOOP;
  FOR c IN SELECT * FROM (VALUES
      ('la', 'Local authority code of the return'),
      ('year', 'Collection year of the return (named by the year it ends: 2024 = 2023-24)'),
      ('child', 'LAchildID: child identifier, local to the council'),
      ('cinreferraldate', 'CINreferralDate: date of the referral that began the CIN episode'),
      ('source_year', 'Provenance: collection year of the CIN return the row was taken from'),
      ('loaded_at', 'When the return was (last) loaded'),
      ('files', 'Files of the return: [{name, sha256, module, rows}]'),
      ('origin', 'loaded (a CIN return loaded by careleaver-load) or generated (careleaver.generate_synthetic)'),
      ('source_file', 'File of the skipped row'),
      ('source_line', 'Line of the skipped row in its file'),
      ('column_name', 'DfE column name of the bad value'),
      ('value', 'The bad value as read'),
      ('reason', 'Why it was rejected'),
      ('disabilities', 'Disability codes of the child (cin_disabilities of the same return)'),
      ('factors', 'AssessmentFactors: factors identified at the end of the assessment'),
      ('reviews', 'CPPreviewDate: dates of the plan''s reviews'),
      ('reconcile_note', 'NULL, or the returns that restated the referral differently and which one was kept')) AS v(col, descr),
      LATERAL (SELECT a.attrelid::regclass AS rel FROM pg_catalog.pg_attribute a
                JOIN pg_catalog.pg_class k ON k.oid = a.attrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = k.relnamespace
               WHERE n.nspname = schema_name AND k.relname LIKE 'cin\_%' AND k.relkind = 'r'
                 AND a.attname = v.col AND NOT a.attisdropped) r LOOP
    EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', c.rel, c.col, c.descr);
  END LOOP;
  -- every other canonical column is the DfE field of the same (lower-case) name
  FOR c IN SELECT a.attrelid::regclass AS rel, a.attname, d.dfe_name, d.description
             FROM pg_catalog.pg_attribute a
             JOIN pg_catalog.pg_class k ON k.oid = a.attrelid
             JOIN pg_catalog.pg_namespace n ON n.oid = k.relnamespace
             JOIN (SELECT DISTINCT ON (x.column_name) x.column_name, x.dfe_name, x.description
                     FROM careleaver.dataset_columns() x WHERE x.module LIKE 'cin\_%'
                    ORDER BY x.column_name, x.module) d ON d.column_name = a.attname
            WHERE n.nspname = schema_name AND k.relname IN ('cin_child', 'cin_details', 'cin_assessments', 'cin_plans',
                                                            'cin_section47', 'cin_cp_plans')
              AND NOT a.attisdropped AND a.attname NOT IN ('cinreferraldate') LOOP
    EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', c.rel, c.attname, c.dfe_name || ': ' || c.description);
  END LOOP;
END
$fn$;
COMMENT ON FUNCTION careleaver.create_cin_tables(text) IS
  'Creates (idempotently) the Children in Need census tables of a dataset: cin_returns, cin_rejects and the canonical cin_child, cin_details, cin_assessments, cin_plans, cin_section47, cin_cp_plans (the return_cin_* tables are made with the other return tables); called by careleaver.create_dataset';

-- Rebuilds a council's canonical CIN tables from its loaded CIN returns.
-- Policy: each referral (child, CINreferralDate) is taken whole, with its
-- assessments, plans, enquiries and protection plans, from the latest loaded
-- return holding it; a child's identifiers and characteristics from the
-- latest return holding the child.  A referral that later returns restate
-- differently is noted (reconcile_note).  Rows without a referral date cannot
-- be placed and are counted in unplaced.
CREATE FUNCTION careleaver.cin_reconcile(schema_name text, la text DEFAULT NULL)
RETURNS TABLE (council text, children bigint, referrals bigint, restated bigint, unplaced bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, careleaver, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
  s text := schema_name;
  l text;
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);  -- never run another role's code (doc/dataset.md)
  PERFORM pg_advisory_xact_lock(hashtext('careleaver.load_staged'), hashtext(schema_name));
  IF to_regclass(format('%I.cin_returns', s)) IS NULL THEN
    RAISE EXCEPTION 'schema "%" is not a careleaver dataset with CIN tables', s USING ERRCODE = '42P01',
      HINT = 'Create it with careleaver.create_dataset() (or careleaver.upgrade_dataset) and load CIN returns with careleaver-load.';
  END IF;
  FOR l IN EXECUTE format('SELECT DISTINCT r.la FROM %I.cin_returns r WHERE $1 IS NULL OR r.la = $1 ORDER BY 1', s) USING la LOOP
    EXECUTE format('DELETE FROM %I.cin_child WHERE la = $1', s) USING l;
    EXECUTE format('DELETE FROM %I.cin_details WHERE la = $1', s) USING l;
    EXECUTE format('DELETE FROM %I.cin_assessments WHERE la = $1', s) USING l;
    EXECUTE format('DELETE FROM %I.cin_plans WHERE la = $1', s) USING l;
    EXECUTE format('DELETE FROM %I.cin_section47 WHERE la = $1', s) USING l;
    EXECUTE format('DELETE FROM %I.cin_cp_plans WHERE la = $1', s) USING l;

    EXECUTE format($q$INSERT INTO %1$I.cin_child
      SELECT DISTINCT ON (c.lachildid) c.la, c.lachildid, c.upn, c.formerupn, c.upnunknown, c.personbirthdate,
             c.expectedpersonbirthdate, c.sex, c.persondeathdate, c.ethnicity,
             (SELECT array_agg(DISTINCT d.disability ORDER BY d.disability) FROM %1$I.return_cin_disabilities d
               WHERE d.la = c.la AND d.year = c.year AND d.lachildid = c.lachildid AND d.disability IS NOT NULL),
             c.year
      FROM %1$I.return_cin_child c WHERE c.la = $1
      ORDER BY c.lachildid, c.year DESC, c.source_file, c.source_line$q$, s) USING l;

    -- the winning row of each referral, and the (year, CINdetailsID) its records hang from
    DROP TABLE IF EXISTS pg_temp.cin_rc_win;
    EXECUTE format($q$CREATE TEMP TABLE cin_rc_win AS
      SELECT DISTINCT ON (d.lachildid, d.cinreferraldate) d.*,
             (SELECT CASE WHEN count(DISTINCT o.year) > 1
                          AND count(DISTINCT (o.referralsource, o.primaryneedcode, o.cinclosuredate, o.reasonforclosure,
                                              o.dateofinitialcpc, o.referralnfa)) > 1
                     THEN format('restated differently in returns %%s; the %%s return was kept',
                                 string_agg(DISTINCT o.year::text, ', '), max(o.year)) END
                FROM %1$I.return_cin_details o
               WHERE o.la = d.la AND o.lachildid = d.lachildid AND o.cinreferraldate = d.cinreferraldate) AS note
      FROM %1$I.return_cin_details d
      WHERE d.la = $1 AND d.cinreferraldate IS NOT NULL
      ORDER BY d.lachildid, d.cinreferraldate, d.year DESC, d.source_file, d.source_line$q$, s) USING l;
    EXECUTE format($q$INSERT INTO %1$I.cin_details
      SELECT w.la, w.lachildid, w.cinreferraldate, w.referralsource, w.primaryneedcode, w.cinclosuredate,
             w.reasonforclosure, w.dateofinitialcpc, w.referralnfa, w.year, w.note
      FROM pg_temp.cin_rc_win w$q$, s);
    EXECUTE format($q$INSERT INTO %1$I.cin_assessments
      SELECT w.la, w.lachildid, w.cinreferraldate, a.assessmentactualstartdate, a.assessmentinternalreviewdate,
             a.assessmentauthorisationdate,
             (SELECT array_agg(DISTINCT f.assessmentfactors ORDER BY f.assessmentfactors) FROM %1$I.return_cin_factors f
               WHERE f.la = a.la AND f.year = a.year AND f.lachildid = a.lachildid
                 AND f.cindetailsid IS NOT DISTINCT FROM a.cindetailsid AND f.assessmentid IS NOT DISTINCT FROM a.assessmentid
                 AND f.assessmentfactors IS NOT NULL),
             w.year
      FROM pg_temp.cin_rc_win w JOIN %1$I.return_cin_assessments a
        ON a.la = w.la AND a.year = w.year AND a.lachildid = w.lachildid AND a.cindetailsid = w.cindetailsid$q$, s);
    EXECUTE format($q$INSERT INTO %1$I.cin_plans
      SELECT w.la, w.lachildid, w.cinreferraldate, p.cinplanstartdate, p.cinplanenddate, w.year
      FROM pg_temp.cin_rc_win w JOIN %1$I.return_cin_plans p
        ON p.la = w.la AND p.year = w.year AND p.lachildid = w.lachildid AND p.cindetailsid = w.cindetailsid$q$, s);
    EXECUTE format($q$INSERT INTO %1$I.cin_section47
      SELECT w.la, w.lachildid, w.cinreferraldate, e.s47actualstartdate, e.initialcpctarget, e.dateofinitialcpc,
             e.icpcnotrequired, w.year
      FROM pg_temp.cin_rc_win w JOIN %1$I.return_cin_section47 e
        ON e.la = w.la AND e.year = w.year AND e.lachildid = w.lachildid AND e.cindetailsid = w.cindetailsid$q$, s);
    EXECUTE format($q$INSERT INTO %1$I.cin_cp_plans
      SELECT w.la, w.lachildid, w.cinreferraldate, p.cppstartdate, p.cppenddate, p.initialcategoryofabuse,
             p.latestcategoryofabuse, p.numberofpreviouscpp,
             (SELECT array_agg(DISTINCT v.cppreviewdate ORDER BY v.cppreviewdate) FROM %1$I.return_cin_cpp_reviews v
               WHERE v.la = p.la AND v.year = p.year AND v.lachildid = p.lachildid
                 AND v.cindetailsid IS NOT DISTINCT FROM p.cindetailsid AND v.cppid IS NOT DISTINCT FROM p.cppid
                 AND v.cppreviewdate IS NOT NULL),
             w.year
      FROM pg_temp.cin_rc_win w JOIN %1$I.return_cin_cp_plans p
        ON p.la = w.la AND p.year = w.year AND p.lachildid = w.lachildid AND p.cindetailsid = w.cindetailsid$q$, s);

    council := l;
    EXECUTE format('SELECT count(*) FROM %I.cin_child WHERE la = $1', s) INTO children USING l;
    SELECT count(*), count(w.note) INTO referrals, restated FROM pg_temp.cin_rc_win w;
    EXECUTE format('SELECT count(*) FROM %I.return_cin_details d WHERE d.la = $1 AND d.cinreferraldate IS NULL', s)
      INTO unplaced USING l;
    RETURN NEXT;
  END LOOP;
  DROP TABLE IF EXISTS pg_temp.cin_rc_win;
END
$fn$;
COMMENT ON FUNCTION careleaver.cin_reconcile(text, text) IS
  'Rebuilds the canonical CIN tables (cin_child, cin_details, cin_assessments, cin_plans, cin_section47, cin_cp_plans) of one council (la) or of every council from its loaded CIN returns: each referral (child, CINreferralDate) whole from the latest return holding it, a child from the latest return holding the child; returns per council the children, referrals, referrals restated differently (noted in cin_details.reconcile_note) and CINdetails rows without a referral date (not placed); careleaver-load calls it after a CIN load (doc/cin.md)';

-- ---------------------------------------------------------------------------
-- The CIN code lists (extension/core/cin_codes.c), for views and documentation

CREATE FUNCTION careleaver.cin_codes(list text)
RETURNS text[]
AS 'MODULE_PATHNAME', 'careleaver_cin_codes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.cin_codes(text) IS
  'The codes of a Children in Need census code list, in order: cin_referral_source, cin_primary_need, cin_closure_reason, cin_ethnicity, cin_disability, cin_factor, cin_abuse_category, cin_sex, cin_upn_unknown, cin_boolean (the lists the loader checks CIN cells against; doc/cin.md)';

-- ---------------------------------------------------------------------------
-- England's bank holidays, for assessments within 45 working days.  Users add
-- the years they need (INSERT ... with user_added true; pg_dump keeps those).

CREATE TABLE careleaver.bank_holidays (
  day date PRIMARY KEY,
  name text NOT NULL,
  user_added boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE careleaver.bank_holidays IS
  'Bank holidays in England (gov.uk), for working days in the CIN measures (assessments within 45 working days); the extension ships 2015 to 2027 (user_added false); add later years or other days with INSERT (user_added true, kept by pg_dump)';
COMMENT ON COLUMN careleaver.bank_holidays.day IS 'The date of the bank holiday';
COMMENT ON COLUMN careleaver.bank_holidays.name IS 'Its name';
COMMENT ON COLUMN careleaver.bank_holidays.user_added IS 'true for rows a user added (dumped by pg_dump), false for the rows the extension ships';
SELECT pg_catalog.pg_extension_config_dump('careleaver.bank_holidays', 'WHERE user_added');

INSERT INTO careleaver.bank_holidays (day, name, user_added)
SELECT make_date(v.y, v.m, v.d), v.name, false FROM (VALUES
  (2015, 1, 1, 'New Year''s Day'), (2015, 4, 3, 'Good Friday'), (2015, 4, 6, 'Easter Monday'),
  (2015, 5, 4, 'Early May bank holiday'), (2015, 5, 25, 'Spring bank holiday'), (2015, 8, 31, 'Summer bank holiday'),
  (2015, 12, 25, 'Christmas Day'), (2015, 12, 28, 'Boxing Day (substitute day)'),
  (2016, 1, 1, 'New Year''s Day'), (2016, 3, 25, 'Good Friday'), (2016, 3, 28, 'Easter Monday'),
  (2016, 5, 2, 'Early May bank holiday'), (2016, 5, 30, 'Spring bank holiday'), (2016, 8, 29, 'Summer bank holiday'),
  (2016, 12, 26, 'Boxing Day'), (2016, 12, 27, 'Christmas Day (substitute day)'),
  (2017, 1, 2, 'New Year''s Day (substitute day)'), (2017, 4, 14, 'Good Friday'), (2017, 4, 17, 'Easter Monday'),
  (2017, 5, 1, 'Early May bank holiday'), (2017, 5, 29, 'Spring bank holiday'), (2017, 8, 28, 'Summer bank holiday'),
  (2017, 12, 25, 'Christmas Day'), (2017, 12, 26, 'Boxing Day'),
  (2018, 1, 1, 'New Year''s Day'), (2018, 3, 30, 'Good Friday'), (2018, 4, 2, 'Easter Monday'),
  (2018, 5, 7, 'Early May bank holiday'), (2018, 5, 28, 'Spring bank holiday'), (2018, 8, 27, 'Summer bank holiday'),
  (2018, 12, 25, 'Christmas Day'), (2018, 12, 26, 'Boxing Day'),
  (2019, 1, 1, 'New Year''s Day'), (2019, 4, 19, 'Good Friday'), (2019, 4, 22, 'Easter Monday'),
  (2019, 5, 6, 'Early May bank holiday'), (2019, 5, 27, 'Spring bank holiday'), (2019, 8, 26, 'Summer bank holiday'),
  (2019, 12, 25, 'Christmas Day'), (2019, 12, 26, 'Boxing Day'),
  (2020, 1, 1, 'New Year''s Day'), (2020, 4, 10, 'Good Friday'), (2020, 4, 13, 'Easter Monday'),
  (2020, 5, 8, 'Early May bank holiday (VE day)'), (2020, 5, 25, 'Spring bank holiday'), (2020, 8, 31, 'Summer bank holiday'),
  (2020, 12, 25, 'Christmas Day'), (2020, 12, 28, 'Boxing Day (substitute day)'),
  (2021, 1, 1, 'New Year''s Day'), (2021, 4, 2, 'Good Friday'), (2021, 4, 5, 'Easter Monday'),
  (2021, 5, 3, 'Early May bank holiday'), (2021, 5, 31, 'Spring bank holiday'), (2021, 8, 30, 'Summer bank holiday'),
  (2021, 12, 27, 'Christmas Day (substitute day)'), (2021, 12, 28, 'Boxing Day (substitute day)'),
  (2022, 1, 3, 'New Year''s Day (substitute day)'), (2022, 4, 15, 'Good Friday'), (2022, 4, 18, 'Easter Monday'),
  (2022, 5, 2, 'Early May bank holiday'), (2022, 6, 2, 'Spring bank holiday'), (2022, 6, 3, 'Platinum Jubilee bank holiday'),
  (2022, 8, 29, 'Summer bank holiday'), (2022, 9, 19, 'State Funeral of Queen Elizabeth II'),
  (2022, 12, 26, 'Boxing Day'), (2022, 12, 27, 'Christmas Day (substitute day)'),
  (2023, 1, 2, 'New Year''s Day (substitute day)'), (2023, 4, 7, 'Good Friday'), (2023, 4, 10, 'Easter Monday'),
  (2023, 5, 1, 'Early May bank holiday'), (2023, 5, 8, 'Bank holiday for the coronation of King Charles III'),
  (2023, 5, 29, 'Spring bank holiday'), (2023, 8, 28, 'Summer bank holiday'),
  (2023, 12, 25, 'Christmas Day'), (2023, 12, 26, 'Boxing Day'),
  (2024, 1, 1, 'New Year''s Day'), (2024, 3, 29, 'Good Friday'), (2024, 4, 1, 'Easter Monday'),
  (2024, 5, 6, 'Early May bank holiday'), (2024, 5, 27, 'Spring bank holiday'), (2024, 8, 26, 'Summer bank holiday'),
  (2024, 12, 25, 'Christmas Day'), (2024, 12, 26, 'Boxing Day'),
  (2025, 1, 1, 'New Year''s Day'), (2025, 4, 18, 'Good Friday'), (2025, 4, 21, 'Easter Monday'),
  (2025, 5, 5, 'Early May bank holiday'), (2025, 5, 26, 'Spring bank holiday'), (2025, 8, 25, 'Summer bank holiday'),
  (2025, 12, 25, 'Christmas Day'), (2025, 12, 26, 'Boxing Day'),
  (2026, 1, 1, 'New Year''s Day'), (2026, 4, 3, 'Good Friday'), (2026, 4, 6, 'Easter Monday'),
  (2026, 5, 4, 'Early May bank holiday'), (2026, 5, 25, 'Spring bank holiday'), (2026, 8, 31, 'Summer bank holiday'),
  (2026, 12, 25, 'Christmas Day'), (2026, 12, 28, 'Boxing Day (substitute day)'),
  (2027, 1, 1, 'New Year''s Day'), (2027, 3, 26, 'Good Friday'), (2027, 3, 29, 'Easter Monday'),
  (2027, 5, 3, 'Early May bank holiday'), (2027, 5, 31, 'Spring bank holiday'), (2027, 8, 30, 'Summer bank holiday'),
  (2027, 12, 27, 'Christmas Day (substitute day)'), (2027, 12, 28, 'Boxing Day (substitute day)')
) AS v(y, m, d, name)
ON CONFLICT (day) DO UPDATE SET name = excluded.name WHERE NOT careleaver.bank_holidays.user_added;

CREATE FUNCTION careleaver.england_bank_holidays()
RETURNS date[]
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $$ SELECT coalesce(array_agg(h.day ORDER BY h.day), '{}') FROM careleaver.bank_holidays h $$;
COMMENT ON FUNCTION careleaver.england_bank_holidays() IS
  'The days of careleaver.bank_holidays, sorted: the holidays the CIN measures leave out of working days';

CREATE FUNCTION careleaver.cin_working_days(from_date date, to_date date,
                                            holidays date[] DEFAULT careleaver.england_bank_holidays())
RETURNS integer
AS 'MODULE_PATHNAME', 'careleaver_cin_working_days'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.cin_working_days(date, date, date[]) IS
  'Working days after from_date up to and including to_date: Mondays to Fridays that are not holidays (default: careleaver.bank_holidays); 0 when to_date is not after from_date. An assessment is within 45 working days when this is at most 45 from its start to its authorisation (doc/cin.md)';

-- ---------------------------------------------------------------------------
-- careleaver.cin_journey: one child's CIN records (core/cin_journey.c)

CREATE TYPE careleaver.cin_journey;
CREATE FUNCTION careleaver.cin_journey_in(cstring) RETURNS careleaver.cin_journey
  AS 'MODULE_PATHNAME', 'careleaver_cin_journey_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.cin_journey_out(careleaver.cin_journey) RETURNS cstring
  AS 'MODULE_PATHNAME', 'careleaver_cin_journey_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE careleaver.cin_journey (
  INPUT = careleaver.cin_journey_in, OUTPUT = careleaver.cin_journey_out,
  INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended
);
COMMENT ON TYPE careleaver.cin_journey IS
  'One child''s Children in Need journey: referrals (CIN episodes) with closure reason and NFA, assessments with their factors, section 47 enquiries, CIN plans and child protection plans with categories and NumberOfPreviousCPP; text form {R 2023-04-03 2023-09-01 RC2; A 2023-04-04 2023-05-30 1B,3A; S 2023-04-05; P 2023-06-01 -; C 2023-05-20 - NEG NEG 0} (doc/cin.md). Limit: 100,000 events (SQLSTATE 54000 beyond)';
COMMENT ON FUNCTION careleaver.cin_journey_in(cstring) IS 'Input function of careleaver.cin_journey';
COMMENT ON FUNCTION careleaver.cin_journey_out(careleaver.cin_journey) IS 'Output function of careleaver.cin_journey (reads back through cin_journey_in)';

CREATE FUNCTION careleaver.cin_journey_agg_sfunc(internal, text) RETURNS internal
  AS 'MODULE_PATHNAME', 'careleaver_cin_journey_agg_sfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION careleaver.cin_journey_agg_combine(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'careleaver_cin_journey_agg_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION careleaver.cin_journey_agg_serial(internal) RETURNS bytea
  AS 'MODULE_PATHNAME', 'careleaver_cin_journey_agg_serial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.cin_journey_agg_deserial(bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'careleaver_cin_journey_agg_deserial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.cin_journey_agg_final(internal) RETURNS careleaver.cin_journey
  AS 'MODULE_PATHNAME', 'careleaver_cin_journey_agg_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.cin_journey_agg_sfunc(internal, text) IS 'Internal: transition function of careleaver.cin_journey_agg';
COMMENT ON FUNCTION careleaver.cin_journey_agg_combine(internal, internal) IS 'Internal: combine function of careleaver.cin_journey_agg (parallel aggregation)';
COMMENT ON FUNCTION careleaver.cin_journey_agg_serial(internal) IS 'Internal: serialisation of careleaver.cin_journey_agg''s state';
COMMENT ON FUNCTION careleaver.cin_journey_agg_deserial(bytea, internal) IS 'Internal: deserialisation of careleaver.cin_journey_agg''s state';
COMMENT ON FUNCTION careleaver.cin_journey_agg_final(internal) IS 'Internal: final function of careleaver.cin_journey_agg';

CREATE AGGREGATE careleaver.cin_journey_agg(event text) (
  SFUNC = careleaver.cin_journey_agg_sfunc, STYPE = internal, SSPACE = 256,
  FINALFUNC = careleaver.cin_journey_agg_final,
  COMBINEFUNC = careleaver.cin_journey_agg_combine,
  SERIALFUNC = careleaver.cin_journey_agg_serial, DESERIALFUNC = careleaver.cin_journey_agg_deserial,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE careleaver.cin_journey_agg(text) IS
  'One child''s careleaver.cin_journey from rows of events in its text form (R, A, S, P, C; any order; NULL rows skipped; careleaver.cin_journeys_sql builds them from a dataset). Use GROUP BY la, child. Limit: 100,000 events per journey (SQLSTATE 54000 beyond, doc/cin.md "Limits")';

CREATE FUNCTION careleaver.cin_year_counts(journey careleaver.cin_journey, collection_year integer,
    holidays date[] DEFAULT careleaver.england_bank_holidays(),
    OUT referrals integer, OUT rereferrals integer, OUT referrals_nfa integer, OUT referrals_not_in_need integer,
    OUT episodes_anypoint integer, OUT episodes_started integer, OUT episodes_ended integer, OUT episodes_at31 integer,
    OUT assessments_completed integer, OUT assessments_timed integer, OUT assessments_within_45 integer,
    OUT assessments_with_factor integer, OUT section47_started integer,
    OUT cpp_started integer, OUT cpp_subsequent integer, OUT cpp_subsequent_within_2_years integer,
    OUT cpp_ended integer, OUT cpp_ended_2_years_or_more integer, OUT cpp_at31 integer, OUT cpp_at31_by_duration integer[])
RETURNS record
AS 'MODULE_PATHNAME', 'careleaver_cin_year_counts'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.cin_year_counts(careleaver.cin_journey, integer, date[]) IS
  'One child''s CIN counts for a collection year (1 April to 31 March) on DfE''s definitions (doc/cin.md, metrics.md 15): referrals, re-referrals within 12 months of a previous referral, NFA and RC8 (not in need) referrals; CIN episodes open at any point, started, ended and open on 31 March; assessments authorised in the year, those with a start date and those within 45 working days (holidays: careleaver.bank_holidays); section 47 enquiries started; protection plans started, second or subsequent (NumberOfPreviousCPP or an earlier plan), within two years of an earlier plan''s end, ended, ended after two years or more, open on 31 March and those by DfE''s length bands (3 months or less; more than 3 to 6 months; more than 6 months to less than 1 year; 1 to less than 2 years; 2 years or more)';

CREATE FUNCTION careleaver.cin_factor_counts(journey careleaver.cin_journey, collection_year integer)
RETURNS integer[]
AS 'MODULE_PATHNAME', 'careleaver_cin_factor_counts'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.cin_factor_counts(careleaver.cin_journey, integer) IS
  'Assessments authorised in the collection year identifying each factor, in the order of careleaver.cin_codes(''cin_factor'')';

-- ---------------------------------------------------------------------------
-- Journeys and measures of a dataset (the SQL of its CIN views)

-- Each child's cin_journey from the canonical CIN tables.  A record ending
-- before it starts (a closure before its referral, an authorisation before
-- its assessment's start) is left out: careleaver's journey refuses it, and
-- CIN validation reports it.
CREATE FUNCTION careleaver.cin_journeys_sql(schema_name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT format($q$
    SELECT j.la, j.child, careleaver.cin_journey_agg(j.event) AS journey
      FROM (SELECT d.la, d.child,
                   format('R %%s %%s%%s%%s', to_char(d.cinreferraldate, 'YYYY-MM-DD'),
                          coalesce(to_char(d.cinclosuredate, 'YYYY-MM-DD'), '-'),
                          ' ' || d.reasonforclosure, CASE WHEN d.referralnfa THEN ' nfa' ELSE '' END) AS event
              FROM %1$I.cin_details d
             WHERE d.cinclosuredate IS NULL OR d.cinclosuredate >= d.cinreferraldate
            UNION ALL
            SELECT a.la, a.child,
                   format('A %%s %%s %%s', coalesce(to_char(a.assessmentactualstartdate, 'YYYY-MM-DD'), '-'),
                          coalesce(to_char(a.assessmentauthorisationdate, 'YYYY-MM-DD'), '-'),
                          array_to_string(a.factors, ','))
              FROM %1$I.cin_assessments a
             WHERE a.assessmentauthorisationdate IS NULL OR a.assessmentactualstartdate IS NULL
                OR a.assessmentauthorisationdate >= a.assessmentactualstartdate
            UNION ALL
            SELECT e.la, e.child, 'S ' || to_char(e.s47actualstartdate, 'YYYY-MM-DD')
              FROM %1$I.cin_section47 e WHERE e.s47actualstartdate IS NOT NULL
            UNION ALL
            SELECT p.la, p.child, format('P %%s %%s', to_char(p.cinplanstartdate, 'YYYY-MM-DD'),
                                         coalesce(to_char(p.cinplanenddate, 'YYYY-MM-DD'), '-'))
              FROM %1$I.cin_plans p
             WHERE p.cinplanstartdate IS NOT NULL AND (p.cinplanenddate IS NULL OR p.cinplanenddate >= p.cinplanstartdate)
            UNION ALL
            SELECT c.la, c.child, format('C %%s %%s %%s %%s %%s', to_char(c.cppstartdate, 'YYYY-MM-DD'),
                                         coalesce(to_char(c.cppenddate, 'YYYY-MM-DD'), '-'),
                                         coalesce(c.initialcategoryofabuse, '-'), coalesce(c.latestcategoryofabuse, '-'),
                                         coalesce(c.numberofpreviouscpp::text, '-'))
              FROM %1$I.cin_cp_plans c
             WHERE c.cppstartdate IS NOT NULL AND (c.cppenddate IS NULL OR c.cppenddate >= c.cppstartdate)) j
     GROUP BY j.la, j.child$q$, schema_name)
$$;
COMMENT ON FUNCTION careleaver.cin_journeys_sql(text) IS
  'Internal: SQL giving each child''s careleaver.cin_journey (la, child, journey) from a dataset''s canonical CIN tables; records ending before they start are left out (doc/cin.md)';

-- Per council and covered year (a loaded CIN return: metrics.md 11), the sums of cin_year_counts
-- over its children, the children counts of c1 and b1, and the population aged 0 to 17.
CREATE FUNCTION careleaver.cin_measures_sql(schema_name text) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT format($q$
    WITH journeys AS (%2$s),
    years AS (SELECT r.la, r.year FROM %1$I.cin_returns r),
    hol AS MATERIALIZED (SELECT careleaver.england_bank_holidays() AS days),
    per_child AS (
      SELECT y.la, y.year, c.*
        FROM years y JOIN journeys j ON j.la = y.la CROSS JOIN hol
       CROSS JOIN LATERAL careleaver.cin_year_counts(j.journey, y.year, hol.days) c),
    summed AS (
      SELECT p.la, p.year,
             sum(p.referrals)::bigint AS referrals, sum(p.rereferrals)::bigint AS rereferrals,
             sum(p.referrals_nfa)::bigint AS referrals_nfa, sum(p.referrals_not_in_need)::bigint AS referrals_not_in_need,
             count(*) FILTER (WHERE p.referrals > 0) AS referral_children,
             count(*) FILTER (WHERE p.rereferrals > 0) AS rereferral_children,
             sum(p.episodes_anypoint)::bigint AS episodes_anypoint,
             count(*) FILTER (WHERE p.episodes_anypoint > 0) AS children_anypoint,
             sum(p.episodes_started)::bigint AS episodes_started,
             count(*) FILTER (WHERE p.episodes_started > 0) AS children_started,
             sum(p.episodes_ended)::bigint AS episodes_ended,
             count(*) FILTER (WHERE p.episodes_ended > 0) AS children_ended,
             sum(p.episodes_at31)::bigint AS episodes_at31,
             count(*) FILTER (WHERE p.episodes_at31 > 0) AS children_at31,
             sum(p.assessments_completed)::bigint AS assessments_completed,
             sum(p.assessments_timed)::bigint AS assessments_timed,
             sum(p.assessments_within_45)::bigint AS assessments_within_45,
             sum(p.assessments_with_factor)::bigint AS assessments_with_factor,
             sum(p.section47_started)::bigint AS section47_started,
             sum(p.cpp_started)::bigint AS cpp_started, sum(p.cpp_subsequent)::bigint AS cpp_subsequent,
             sum(p.cpp_subsequent_within_2_years)::bigint AS cpp_subsequent_within_2_years,
             sum(p.cpp_ended)::bigint AS cpp_ended, sum(p.cpp_ended_2_years_or_more)::bigint AS cpp_ended_2_years_or_more,
             sum(p.cpp_at31)::bigint AS cpp_at31,
             sum(p.cpp_at31_by_duration[1])::bigint AS cpp_at31_3_months_or_less,
             sum(p.cpp_at31_by_duration[2])::bigint AS cpp_at31_3_to_6_months,
             sum(p.cpp_at31_by_duration[3])::bigint AS cpp_at31_6_months_to_1_year,
             sum(p.cpp_at31_by_duration[4])::bigint AS cpp_at31_1_to_2_years,
             sum(p.cpp_at31_by_duration[5])::bigint AS cpp_at31_2_years_or_more
        FROM per_child p GROUP BY p.la, p.year)
    SELECT y.la, y.year AS collection_year,
           coalesce(s.referrals, 0) AS referrals, coalesce(s.rereferrals, 0) AS rereferrals,
           coalesce(s.referrals_nfa, 0) AS referrals_nfa, coalesce(s.referrals_not_in_need, 0) AS referrals_not_in_need,
           coalesce(s.referral_children, 0) AS referral_children, coalesce(s.rereferral_children, 0) AS rereferral_children,
           coalesce(s.episodes_anypoint, 0) AS episodes_anypoint, coalesce(s.children_anypoint, 0) AS children_anypoint,
           coalesce(s.episodes_started, 0) AS episodes_started, coalesce(s.children_started, 0) AS children_started,
           coalesce(s.episodes_ended, 0) AS episodes_ended, coalesce(s.children_ended, 0) AS children_ended,
           coalesce(s.episodes_at31, 0) AS episodes_at31, coalesce(s.children_at31, 0) AS children_at31,
           coalesce(s.assessments_completed, 0) AS assessments_completed,
           coalesce(s.assessments_timed, 0) AS assessments_timed,
           coalesce(s.assessments_within_45, 0) AS assessments_within_45,
           coalesce(s.assessments_with_factor, 0) AS assessments_with_factor,
           coalesce(s.section47_started, 0) AS section47_started,
           coalesce(s.cpp_started, 0) AS cpp_started, coalesce(s.cpp_subsequent, 0) AS cpp_subsequent,
           coalesce(s.cpp_subsequent_within_2_years, 0) AS cpp_subsequent_within_2_years,
           coalesce(s.cpp_ended, 0) AS cpp_ended, coalesce(s.cpp_ended_2_years_or_more, 0) AS cpp_ended_2_years_or_more,
           coalesce(s.cpp_at31, 0) AS cpp_at31,
           coalesce(s.cpp_at31_3_months_or_less, 0) AS cpp_at31_3_months_or_less,
           coalesce(s.cpp_at31_3_to_6_months, 0) AS cpp_at31_3_to_6_months,
           coalesce(s.cpp_at31_6_months_to_1_year, 0) AS cpp_at31_6_months_to_1_year,
           coalesce(s.cpp_at31_1_to_2_years, 0) AS cpp_at31_1_to_2_years,
           coalesce(s.cpp_at31_2_years_or_more, 0) AS cpp_at31_2_years_or_more,
           pop.children AS population_0_to_17
      FROM years y
      LEFT JOIN summed s ON s.la = y.la AND s.year = y.year
      LEFT JOIN (%3$s) pop ON pop.la = y.la AND pop.year = y.year$q$,
    schema_name, careleaver.cin_journeys_sql(schema_name), careleaver.reporting_population_sql(schema_name))
$$;
COMMENT ON FUNCTION careleaver.cin_measures_sql(text) IS
  'Internal: SQL of the cin_measures view: per council and collection year of a loaded CIN return, the CIN counts of careleaver.cin_year_counts summed over the children, the children with a referral, re-referral, episode (any point, started, ended, open on 31 March), and the population aged 0 to 17 (doc/cin.md)';

-- The views in DfE's published shapes (explore-education-statistics files b1, c1, c3, d3, d5: their
-- column names, lower-case), over cin_measures; *_published: through disclosure control (metrics.md 9).
CREATE FUNCTION careleaver.cin_view_sql(view_name text, schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  m text := careleaver.cin_measures_sql(schema_name);
BEGIN
  CASE view_name
  WHEN 'cin_journeys' THEN
    RETURN format('SELECT j.la, j.child, j.journey::text AS journey FROM (%s) j', careleaver.cin_journeys_sql(schema_name));
  WHEN 'cin_measures' THEN
    RETURN m;
  WHEN 'cin_b1' THEN
    RETURN format($q$SELECT m.la, m.collection_year AS time_period, m.episodes_anypoint AS anypoint_episodes,
      m.children_anypoint AS anypoint_child, m.episodes_started AS started_episodes, m.children_started AS started_child,
      m.episodes_ended AS ended_episodes, m.children_ended AS ended_child, m.episodes_at31 AS at31_episodes,
      m.children_at31 AS at31_child, m.population_0_to_17,
      round(10000.0 * m.children_at31 / nullif(m.population_0_to_17, 0), 1) AS at31_rate_per_10000
      FROM (%s) m$q$, m);
  WHEN 'cin_b1_published' THEN
    RETURN format($q$SELECT m.la, m.collection_year AS time_period,
      careleaver.publish_count(m.episodes_anypoint) AS anypoint_episodes, careleaver.publish_count(m.children_anypoint) AS anypoint_child,
      careleaver.publish_count(m.episodes_started) AS started_episodes, careleaver.publish_count(m.children_started) AS started_child,
      careleaver.publish_count(m.episodes_ended) AS ended_episodes, careleaver.publish_count(m.children_ended) AS ended_child,
      careleaver.publish_count(m.episodes_at31) AS at31_episodes, careleaver.publish_count(m.children_at31) AS at31_child,
      CASE WHEN m.population_0_to_17 IS NULL OR m.population_0_to_17 = 0 THEN 'x'
           WHEN careleaver.publish_count(m.children_at31) = 'c' THEN 'c'
           ELSE round(10000.0 * m.children_at31 / m.population_0_to_17, 1)::text END AS at31_rate_per_10000
      FROM (%s) m$q$, m);
  WHEN 'cin_c1' THEN
    RETURN format($q$SELECT m.la, m.collection_year AS time_period, m.referrals AS referral_count,
      m.rereferrals AS rereferral_count, round(100.0 * m.rereferrals / nullif(m.referrals, 0), 1) AS rereferral_percent,
      m.referrals_nfa AS no_further_action_count,
      round(100.0 * m.referrals_nfa / nullif(m.referrals, 0), 1) AS no_further_action_percent,
      m.referrals_not_in_need AS not_in_need_count,
      round(100.0 * m.referrals_not_in_need / nullif(m.referrals, 0), 1) AS not_in_need_percent,
      m.referral_children AS referral_child_count, m.rereferral_children AS rereferral_child_count,
      round(100.0 * m.rereferral_children / nullif(m.referral_children, 0), 1) AS rereferral_child_percent
      FROM (%s) m$q$, m);
  WHEN 'cin_c1_published' THEN
    RETURN format($q$SELECT m.la, m.collection_year AS time_period,
      careleaver.publish_count(m.referrals) AS referral_count, careleaver.publish_count(m.rereferrals) AS rereferral_count,
      careleaver.publish_percent(m.rereferrals, m.referrals, NULL, 1) AS rereferral_percent,
      careleaver.publish_count(m.referrals_nfa) AS no_further_action_count,
      careleaver.publish_percent(m.referrals_nfa, m.referrals, NULL, 1) AS no_further_action_percent,
      careleaver.publish_count(m.referrals_not_in_need) AS not_in_need_count,
      careleaver.publish_percent(m.referrals_not_in_need, m.referrals, NULL, 1) AS not_in_need_percent,
      careleaver.publish_count(m.referral_children) AS referral_child_count,
      careleaver.publish_count(m.rereferral_children) AS rereferral_child_count,
      careleaver.publish_percent(m.rereferral_children, m.referral_children, NULL, 1) AS rereferral_child_percent
      FROM (%s) m$q$, m);
  WHEN 'cin_c3' THEN
    RETURN format($q$SELECT y.la, y.year AS time_period, f.ord::integer AS factor_order, f.code AS factor,
      coalesce(sum(f.n), 0)::bigint AS assessments
      FROM (SELECT r.la, r.year FROM %1$I.cin_returns r) y
      LEFT JOIN (%2$s) j ON j.la = y.la
      CROSS JOIN LATERAL unnest(coalesce(careleaver.cin_factor_counts(j.journey, y.year),
                                         array_fill(0, ARRAY[cardinality(careleaver.cin_codes('cin_factor'))])),
                                careleaver.cin_codes('cin_factor')) WITH ORDINALITY AS f(n, code, ord)
      GROUP BY y.la, y.year, f.ord, f.code$q$, schema_name, careleaver.cin_journeys_sql(schema_name));
  WHEN 'cin_c3_published' THEN
    RETURN format($q$SELECT v.la, v.time_period, v.factor_order, v.factor, careleaver.publish_count(v.assessments) AS assessments
      FROM (%s) v$q$, careleaver.cin_view_sql('cin_c3', schema_name));
  WHEN 'cin_d3' THEN
    RETURN format($q$SELECT m.la, m.collection_year AS time_period, m.cpp_started AS cpp_start,
      m.cpp_subsequent, round(100.0 * m.cpp_subsequent / nullif(m.cpp_started, 0), 1) AS cpp_subsequent_percent,
      m.cpp_subsequent_within_2_years,
      round(100.0 * m.cpp_subsequent_within_2_years / nullif(m.cpp_started, 0), 1) AS cpp_subsequent_within_2_years_percent,
      m.cpp_ended, m.cpp_ended_2_years_or_more,
      round(100.0 * m.cpp_ended_2_years_or_more / nullif(m.cpp_ended, 0), 1) AS cpp_ended_2_years_or_more_percent
      FROM (%s) m$q$, m);
  WHEN 'cin_d3_published' THEN
    RETURN format($q$SELECT m.la, m.collection_year AS time_period, careleaver.publish_count(m.cpp_started) AS cpp_start,
      careleaver.publish_count(m.cpp_subsequent) AS cpp_subsequent,
      careleaver.publish_percent(m.cpp_subsequent, m.cpp_started, NULL, 1) AS cpp_subsequent_percent,
      careleaver.publish_count(m.cpp_subsequent_within_2_years) AS cpp_subsequent_within_2_years,
      careleaver.publish_percent(m.cpp_subsequent_within_2_years, m.cpp_started, NULL, 1) AS cpp_subsequent_within_2_years_percent,
      careleaver.publish_count(m.cpp_ended) AS cpp_ended,
      careleaver.publish_count(m.cpp_ended_2_years_or_more) AS cpp_ended_2_years_or_more,
      careleaver.publish_percent(m.cpp_ended_2_years_or_more, m.cpp_ended, NULL, 1) AS cpp_ended_2_years_or_more_percent
      FROM (%s) m$q$, m);
  WHEN 'cin_d5' THEN
    RETURN format($q$SELECT m.la, m.collection_year AS time_period, m.cpp_at31,
      m.cpp_at31_3_months_or_less AS "3_months_or_less",
      round(100.0 * m.cpp_at31_3_months_or_less / nullif(m.cpp_at31, 0), 1) AS "3_months_or_less_percent",
      m.cpp_at31_3_to_6_months AS more_than_3_months_6_months,
      round(100.0 * m.cpp_at31_3_to_6_months / nullif(m.cpp_at31, 0), 1) AS more_than_3_months_6_months_percent,
      m.cpp_at31_6_months_to_1_year AS more_than_6_months_less_than_1_year,
      round(100.0 * m.cpp_at31_6_months_to_1_year / nullif(m.cpp_at31, 0), 1) AS more_than_6_months_less_than_1_year_percent,
      m.cpp_at31_1_to_2_years AS "1_year_less_than_2_years",
      round(100.0 * m.cpp_at31_1_to_2_years / nullif(m.cpp_at31, 0), 1) AS "1_year_less_than_2_years_percent",
      m.cpp_at31_2_years_or_more AS "2_years_or_more",
      round(100.0 * m.cpp_at31_2_years_or_more / nullif(m.cpp_at31, 0), 1) AS "2_years_or_more_percent"
      FROM (%s) m$q$, m);
  WHEN 'cin_d5_published' THEN
    -- the bands are one row of a table whose total is published: secondary suppression (suppress_row)
    RETURN format($q$SELECT m.la, m.time_period, careleaver.publish_row_total(m.cells) AS cpp_at31,
      m.p[1] AS "3_months_or_less",
      CASE WHEN m.p[1] IN ('c', 'x') THEN m.p[1] ELSE careleaver.publish_percent(m.cells[1], m.total, NULL, 1) END AS "3_months_or_less_percent",
      m.p[2] AS more_than_3_months_6_months,
      CASE WHEN m.p[2] IN ('c', 'x') THEN m.p[2] ELSE careleaver.publish_percent(m.cells[2], m.total, NULL, 1) END AS more_than_3_months_6_months_percent,
      m.p[3] AS more_than_6_months_less_than_1_year,
      CASE WHEN m.p[3] IN ('c', 'x') THEN m.p[3] ELSE careleaver.publish_percent(m.cells[3], m.total, NULL, 1) END AS more_than_6_months_less_than_1_year_percent,
      m.p[4] AS "1_year_less_than_2_years",
      CASE WHEN m.p[4] IN ('c', 'x') THEN m.p[4] ELSE careleaver.publish_percent(m.cells[4], m.total, NULL, 1) END AS "1_year_less_than_2_years_percent",
      m.p[5] AS "2_years_or_more",
      CASE WHEN m.p[5] IN ('c', 'x') THEN m.p[5] ELSE careleaver.publish_percent(m.cells[5], m.total, NULL, 1) END AS "2_years_or_more_percent"
      FROM (SELECT x.la, x.collection_year AS time_period, x.cpp_at31 AS total, x.cells, careleaver.suppress_row(x.cells) AS p
              FROM (SELECT y.*, ARRAY[y.cpp_at31_3_months_or_less, y.cpp_at31_3_to_6_months, y.cpp_at31_6_months_to_1_year,
                                      y.cpp_at31_1_to_2_years, y.cpp_at31_2_years_or_more]::bigint[] AS cells
                      FROM (%s) y) x) m$q$, m);
  ELSE
    RAISE EXCEPTION 'unknown CIN view "%"', view_name USING ERRCODE = '22023',
      HINT = 'See careleaver.cin_views for the CIN views.';
  END CASE;
END
$fn$;
COMMENT ON FUNCTION careleaver.cin_view_sql(text, text) IS
  'Internal: the SQL of one CIN view (careleaver.cin_views) over a dataset''s schema';

CREATE VIEW careleaver.cin_views (view_name, published, description) AS
VALUES
  ('cin_journeys'::text, false, 'Each child''s Children in Need journey (careleaver.cin_journey as text) from the canonical CIN tables'::text),
  ('cin_measures', false, 'Every CIN count per council and collection year of a loaded CIN return (careleaver.cin_year_counts summed), with the population aged 0 to 17'),
  ('cin_b1', false, 'Children in need and CIN episodes (DfE file b1): at any point, started, ended and open on 31 March; rate per 10,000 children'),
  ('cin_b1_published', true, 'cin_b1 through disclosure control (metrics.md 9)'),
  ('cin_c1', false, 'Referrals and re-referrals within 12 months (DfE file c1), NFA and not-in-need referrals, children referred and re-referred'),
  ('cin_c1_published', true, 'cin_c1 through disclosure control (metrics.md 9)'),
  ('cin_c3', false, 'Factors identified at the end of assessment (DfE file c3, long form: one row per factor code)'),
  ('cin_c3_published', true, 'cin_c3 through disclosure control (metrics.md 9)'),
  ('cin_d3', false, 'Child protection plans starting in the year that are second or subsequent plans (DfE file d3), those within two years of an earlier plan, and plans ending after two years or more'),
  ('cin_d3_published', true, 'cin_d3 through disclosure control (metrics.md 9)'),
  ('cin_d5', false, 'Child protection plans open on 31 March by length (DfE file d5 and its bands)'),
  ('cin_d5_published', true, 'cin_d5 through disclosure control, the bands as one row with secondary suppression (metrics.md 9)');
COMMENT ON VIEW careleaver.cin_views IS 'The Children in Need views careleaver.create_cin_reports makes in a dataset (doc/cin.md)';
COMMENT ON COLUMN careleaver.cin_views.view_name IS 'Name of the view in the dataset schema';
COMMENT ON COLUMN careleaver.cin_views.published IS 'true for the views through disclosure control, safe to share';
COMMENT ON COLUMN careleaver.cin_views.description IS 'What the view holds (its COMMENT)';

CREATE FUNCTION careleaver.create_cin_reports(schema_name text)
RETURNS SETOF text
LANGUAGE plpgsql
SET search_path = pg_catalog, careleaver, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
  v record;
  c record;
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);
  IF to_regclass(format('%I.cin_returns', schema_name)) IS NULL THEN
    RAISE EXCEPTION 'schema "%" has no CIN tables', schema_name USING ERRCODE = '42P01',
      HINT = 'Create it with careleaver.create_dataset() (or careleaver.upgrade_dataset) first.';
  END IF;
  FOR v IN SELECT * FROM careleaver.cin_views LOOP
    EXECUTE format('DROP VIEW IF EXISTS %I.%I', schema_name, v.view_name);
    EXECUTE format('CREATE VIEW %I.%I AS %s', schema_name, v.view_name, careleaver.cin_view_sql(v.view_name, schema_name));
    EXECUTE format('COMMENT ON VIEW %I.%I IS %L', schema_name, v.view_name, v.description);
    FOR c IN SELECT a.attname, coalesce(d.descr, 'See doc/cin.md') AS descr
               FROM pg_catalog.pg_attribute a
               LEFT JOIN (VALUES
                 ('la', 'Local authority code'), ('child', 'LAchildID: child identifier'),
                 ('journey', 'The child''s careleaver.cin_journey in its text form'),
                 ('collection_year', 'Collection year (named by the year it ends: 2025 = 2024-25)'),
                 ('time_period', 'Collection year (named by the year it ends), DfE''s time_period'),
                 ('population_0_to_17', 'Children aged 0 to 17 in the ONS mid-year estimate that falls in the year'),
                 ('factor_order', 'Position of the factor code in the CIN code list'),
                 ('factor', 'AssessmentFactors code'),
                 ('assessments', 'Assessments authorised in the year that identified the factor')) AS d(col, descr)
                 ON d.col = a.attname
              WHERE a.attrelid = format('%I.%I', schema_name, v.view_name)::regclass AND a.attnum > 0 LOOP
      EXECUTE format('COMMENT ON COLUMN %I.%I.%I IS %L', schema_name, v.view_name, c.attname,
                     CASE WHEN c.descr <> 'See doc/cin.md' THEN c.descr
                          ELSE replace(c.attname, '_', ' ') || CASE WHEN v.published THEN ' (as published: c suppressed, x not available, z not applicable, k rounds to 0)' ELSE '' END
                               || ' (doc/cin.md, metrics.md 15)' END);
    END LOOP;
    RETURN NEXT v.view_name;
  END LOOP;
END
$fn$;
COMMENT ON FUNCTION careleaver.create_cin_reports(text) IS
  'Creates (or remakes) the Children in Need views of careleaver.cin_views in a dataset schema, with comments on every view and column; returns their names (doc/cin.md)';

-- The Dashboard rows from the CIN census (ordinals 22 to 25 of careleaver.dashboard_indicators), in the
-- shape of the national_framework view's rows.  The SQL is placed inside national_framework's query and
-- reads its frame (la, collection_year: the covered council-years) and the dashboard_indicators rows, so
-- every council-year of that view has these rows too (x, with the reason, when no CIN return covers it).
CREATE FUNCTION careleaver.cin_dashboard_rows_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  measures text := CASE WHEN to_regclass(format('%I.cin_returns', schema_name)) IS NULL
                        THEN 'SELECT NULL::text AS la, NULL::integer AS collection_year, NULL::bigint AS children_at31, '
                             'NULL::bigint AS population_0_to_17, NULL::bigint AS referrals, NULL::bigint AS rereferrals, '
                             'NULL::bigint AS cpp_started, NULL::bigint AS cpp_subsequent, NULL::bigint AS cpp_at31, '
                             'NULL::bigint AS cpp_at31_2_years_or_more, NULL::bigint AS episodes_at31 WHERE false'
                        ELSE careleaver.cin_measures_sql(schema_name) END;
BEGIN
  -- the columns of national_framework from (la, collection_year, ordinal, numerator, denominator, reason)
  RETURN careleaver.dashboard_rows_shape_sql(format($q$
    SELECT f.la, f.collection_year, x.ordinal, x.numerator, x.denominator, x.reason
      FROM (SELECT DISTINCT fr.la, fr.collection_year FROM frame fr) f
      LEFT JOIN (%s) m ON m.la = f.la AND m.collection_year = f.collection_year
     CROSS JOIN LATERAL (VALUES
             (22, m.episodes_at31, m.population_0_to_17),
             (23, m.rereferrals, m.referrals),
             (24, m.cpp_subsequent, m.cpp_started),
             (25, m.cpp_at31_2_years_or_more, m.cpp_at31)) AS x0(ordinal, numerator, denominator)
     CROSS JOIN LATERAL (SELECT x0.ordinal, x0.numerator::bigint AS numerator, x0.denominator::bigint AS denominator,
                                CASE WHEN m.la IS NULL
                                     THEN 'no Children in Need census return loaded for this council and year' END
                                  AS reason) x$q$, measures));
END
$fn$;
COMMENT ON FUNCTION careleaver.cin_dashboard_rows_sql(text) IS
  'Internal: SQL of the national_framework rows computed from the Children in Need census (Dashboard 1, 2, 23 and 24: children in need per 10,000, repeat referrals within 12 months, second or subsequent protection plans, plans open on 31 March for two years or more; metrics.md 12 and 13), over the frame of council-years of the national_framework query it is placed in';

-- The Family Help section of careleaver.report_html: one council's CIN figures for a year, as published
-- (disclosure control, metrics.md 9), from its loaded CIN returns.
CREATE FUNCTION careleaver.cin_report_html_section(schema_name text, la text, collection_year integer) RETURNS text
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  m record;
  rows text := '';
  head text := '<section id="family-help"><h2>Family Help: children in need and child protection</h2>'
               '<p class="note">From the council''s Children in Need census returns (doc/cin.md; definitions in '
               'metrics.md section 15), as published: c marks a figure withheld for confidentiality, x one not available.</p>';
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);  -- never run another role's code (doc/dataset.md)
  IF to_regclass(format('%I.cin_returns', schema_name)) IS NULL THEN
    RETURN head || '<p>The dataset has no Children in Need tables (careleaver.upgrade_dataset adds them).</p></section>';
  END IF;
  EXECUTE format('SELECT * FROM (%s) x WHERE x.la = $1 AND x.collection_year = $2', careleaver.cin_measures_sql(schema_name))
    INTO m USING la, collection_year;
  IF m IS NULL THEN
    RETURN head || '<p>No Children in Need census return is loaded for this council and year.</p></section>';
  END IF;
  SELECT string_agg(format('<tr><th scope="row">%s</th><td>%s</td></tr>', careleaver.html_escape(v.label),
                           careleaver.html_escape(v.shown)), '' ORDER BY v.ord)
    INTO rows
    FROM (VALUES
      (1, 'Referrals', careleaver.publish_count(m.referrals)),
      (2, 'Re-referrals within 12 months, %', careleaver.publish_percent(m.rereferrals, m.referrals, NULL, 1)),
      (3, 'Children in need on 31 March', careleaver.publish_count(m.children_at31)),
      (4, 'Children in need on 31 March per 10,000 children',
          CASE WHEN m.population_0_to_17 IS NULL OR m.population_0_to_17 = 0 THEN 'x'
               WHEN careleaver.publish_count(m.children_at31) = 'c' THEN 'c'
               ELSE round(10000.0 * m.children_at31 / m.population_0_to_17, 1)::text END),
      (5, 'Assessments completed within 45 working days, %',
          careleaver.publish_percent(m.assessments_within_45, m.assessments_timed, NULL, 1)),
      (6, 'Section 47 enquiries started', careleaver.publish_count(m.section47_started)),
      (7, 'Child protection plans started', careleaver.publish_count(m.cpp_started)),
      (8, 'Second or subsequent plans, %', careleaver.publish_percent(m.cpp_subsequent, m.cpp_started, NULL, 1)),
      (9, 'Plans open on 31 March', careleaver.publish_count(m.cpp_at31)),
      (10, 'Plans ending in the year that lasted two years or more, %',
           careleaver.publish_percent(m.cpp_ended_2_years_or_more, m.cpp_ended, NULL, 1))) AS v(ord, label, shown);
  RETURN head || '<table><thead><tr><th scope="col">Measure</th><th scope="col">This year</th></tr></thead><tbody>'
         || rows || '</tbody></table></section>';
END
$fn$;
COMMENT ON FUNCTION careleaver.cin_report_html_section(text, text, integer) IS
  'Internal: the Family Help section of careleaver.report_html (one council''s Children in Need figures for a year, as published; metrics.md 9 and 13)';

-- ---------------------------------------------------------------------------
-- Synthetic CIN records for the synthetic councils (core/synth_cin.c; doc/synthetic.md)

CREATE FUNCTION careleaver.synthetic_cin_events(stream bigint, dob date, first_care date, care_end date, data_end date,
    OUT kind text, OUT referral date, OUT start_date date, OUT end_date date, OUT code1 text, OUT code2 text,
    OUT nfa boolean, OUT previous integer, OUT factors text[], OUT referral_source text, OUT primary_need text,
    OUT initial_cpc date, OUT icpc_not_required boolean, OUT disabilities text[])
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'careleaver_synthetic_cin_events'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 6;
COMMENT ON FUNCTION careleaver.synthetic_cin_events(bigint, date, date, date, date) IS
  'Internal: one synthetic child''s CIN records (kind R referral, A assessment, S section 47 enquiry, C protection plan; the referral each belongs to; dates; closure reason or categories; NFA; NumberOfPreviousCPP; factors; source and primary need of a referral; initial conference or ICPCnotRequired of an enquiry; on the first record, the disabilities of the child), drawn from the random stream given, for a child born on dob whose first period of care starts on first_care and whose last ends on care_end (NULL: still in care), up to data_end (doc/synthetic.md)';

CREATE FUNCTION careleaver.generate_synthetic_cin(schema_name text, seed integer, councils text[],
                                                  first_year integer, last_year integer)
RETURNS bigint
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = pg_catalog, careleaver, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
  n bigint;
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);  -- never run another role's code (doc/dataset.md)
  PERFORM careleaver.create_cin_tables(schema_name);
  DROP TABLE IF EXISTS pg_temp.cin_synth;
  EXECUTE format($q$CREATE TEMP TABLE cin_synth AS
    SELECT c.la, c.child, c.sex, c.dob, c.ethnic, c.upn, ev.*
      FROM (SELECT h.la, h.child, h.sex, h.dob, h.ethnic, h.upn,
                   (SELECT min(e.decom) FROM %1$I.episodes e
                     WHERE e.la = h.la AND e.child = h.child AND NOT careleaver.is_short_break(e.ls)) AS first_care,
                   (SELECT nullif(max(coalesce(e."dec", 'infinity')), 'infinity') FROM %1$I.episodes e
                     WHERE e.la = h.la AND e.child = h.child AND NOT careleaver.is_short_break(e.ls)) AS care_end
              FROM %1$I.header h WHERE h.la = ANY ($1) AND h.dob IS NOT NULL) c
     CROSS JOIN LATERAL careleaver.synthetic_cin_events(hashtextextended(c.la || '/' || c.child, $2), c.dob,
                                                        c.first_care, c.care_end, careleaver.collection_year_end($3)) ev$q$,
    schema_name) USING councils, seed, last_year;
  -- UN1 (not of school age) becomes UN4 (UPN not yet obtained) for a child of school age by the data's end:
  -- the CIN census expects a UPN or another reason then (rule 8770Q)
  EXECUTE format($q$INSERT INTO %1$I.cin_child (la, child, upn, upnunknown, personbirthdate, sex, ethnicity,
                                                disabilities, source_year)
    SELECT DISTINCT ON (s.la, s.child) s.la, s.child,
           CASE WHEN s.upn ~ '^UN[0-9]' THEN NULL ELSE s.upn END,
           CASE WHEN s.upn = 'UN1' AND careleaver.birthday(s.dob, 6) <= careleaver.collection_year_end($1) THEN 'UN4'
                WHEN s.upn ~ '^UN[1-7]$' THEN s.upn END,
           s.dob, s.sex, s.ethnic,
           max(s.disabilities) OVER (PARTITION BY s.la, s.child),  -- on one record of the child (a window, not a
           $1                                                      -- correlated scan of the unindexed temp table)
      FROM pg_temp.cin_synth s ORDER BY s.la, s.child$q$, schema_name) USING last_year;
  EXECUTE format($q$INSERT INTO %1$I.cin_details (la, child, cinreferraldate, referralsource, primaryneedcode,
                                                  cinclosuredate, reasonforclosure, referralnfa, source_year)
    SELECT s.la, s.child, s.start_date, s.referral_source, s.primary_need, s.end_date, s.code1, s.nfa, $1
      FROM pg_temp.cin_synth s WHERE s.kind = 'R'$q$,
    schema_name) USING last_year;
  EXECUTE format($q$INSERT INTO %1$I.cin_assessments (la, child, cinreferraldate, assessmentactualstartdate,
                                                      assessmentauthorisationdate, factors, source_year)
    SELECT s.la, s.child, s.referral, s.start_date, s.end_date, s.factors, $1 FROM pg_temp.cin_synth s WHERE s.kind = 'A'$q$,
    schema_name) USING last_year;
  EXECUTE format($q$INSERT INTO %1$I.cin_section47 (la, child, cinreferraldate, s47actualstartdate, initialcpctarget,
                                                    dateofinitialcpc, icpcnotrequired, source_year)
    SELECT s.la, s.child, s.referral, s.start_date, s.initial_cpc, s.initial_cpc, s.icpc_not_required, $1
      FROM pg_temp.cin_synth s WHERE s.kind = 'S'$q$,
    schema_name) USING last_year;
  EXECUTE format($q$INSERT INTO %1$I.cin_cp_plans (la, child, cinreferraldate, cppstartdate, cppenddate,
                                                   initialcategoryofabuse, latestcategoryofabuse, numberofpreviouscpp, source_year)
    SELECT s.la, s.child, s.referral, s.start_date, s.end_date, s.code1, s.code2, s.previous, $1
      FROM pg_temp.cin_synth s WHERE s.kind = 'C'$q$, schema_name) USING last_year;
  -- the generated years are the CIN coverage (metrics.md 11)
  EXECUTE format($q$INSERT INTO %1$I.cin_returns (la, year, loaded_at, files, origin)
    SELECT c.la, y.year, now(), jsonb_build_array(jsonb_build_object('generated_by', 'careleaver.generate_synthetic', 'seed', $2)),
           'generated'
      FROM unnest($1) AS c(la) CROSS JOIN generate_series($3, $4) AS y(year)
    ON CONFLICT (la, year) DO NOTHING$q$, schema_name) USING councils, seed, first_year, last_year;
  SELECT count(*) INTO n FROM pg_temp.cin_synth s WHERE s.kind = 'R';
  DROP TABLE pg_temp.cin_synth;
  RETURN n;
END
$fn$;
COMMENT ON FUNCTION careleaver.generate_synthetic_cin(text, integer, text[], integer, integer) IS
  'Internal: the synthetic councils'' CIN records (canonical cin_* tables and cin_returns, origin generated) for the children careleaver.generate_synthetic made: most of those who come into care were referred first; returns the referrals made (doc/synthetic.md)';
