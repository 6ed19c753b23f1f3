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
                 'source_line integer NOT NULL, column_name text, value text, reason text NOT NULL)', schema_name);
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
