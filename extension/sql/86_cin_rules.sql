-- ===========================================================================
-- 86_cin_rules: DfE's Children in Need census validation rules, the CIN
-- registry (careleaver.cin_validation_rules) and careleaver.validate_cin.
-- A registry of its own beside careleaver.validation_rules (SSDA903): the CIN
-- rules read other tables (the dataset's return_cin_* modules), so they share
-- the shape of a rule and of a result, not the base relations.  Each rule's
-- check is a SELECT over the bases of careleaver.cin_validation_bases_sql
-- yielding (tbl, la, child, source_file, source_line, msg); doc/validation.md,
-- "The CIN census rules".
-- ===========================================================================

CREATE TABLE careleaver.cin_validation_rules (
  rule_code      text PRIMARY KEY,
  family         text NOT NULL,
  severity       text NOT NULL CHECK (severity IN ('error', 'query')),
  since_year     integer,
  until_year     integer,
  module         text NOT NULL,
  refusals       text[] NOT NULL DEFAULT '{}',
  description    text NOT NULL,
  message        text NOT NULL,
  note           text,
  not_checkable  text,
  check_sql      text,
  CONSTRAINT cin_validation_rules_years CHECK (until_year IS NULL OR since_year IS NULL OR since_year <= until_year),
  CONSTRAINT cin_validation_rules_check_or_reason CHECK ((check_sql IS NULL) <> (not_checkable IS NULL))
);

COMMENT ON TABLE careleaver.cin_validation_rules IS
  'The DfE Children in Need census validation rules careleaver.validate_cin knows: one row per rule with DfE''s code and message, the collection years it applies to, and its check as SQL over the base relations of a run; rules that cannot be checked say why (doc/validation.md, "The CIN census rules")';
COMMENT ON COLUMN careleaver.cin_validation_rules.rule_code IS 'DfE rule code as the CIN census validation rules number it (e.g. 8500, 2886Q; Q: a query, not an error)';
COMMENT ON COLUMN careleaver.cin_validation_rules.family IS 'Group of rules: child, disabilities, CIN details, assessments, CIN plans, section 47, protection plans, return (council-level checks), loader';
COMMENT ON COLUMN careleaver.cin_validation_rules.severity IS 'error (the return cannot be submitted) or query (DfE asks the council to check and amend or explain)';
COMMENT ON COLUMN careleaver.cin_validation_rules.since_year IS 'First collection year (named by the year it ends) the rule applies to; NULL = every year';
COMMENT ON COLUMN careleaver.cin_validation_rules.until_year IS 'Last collection year the rule applies to; NULL = still in force';
COMMENT ON COLUMN careleaver.cin_validation_rules.module IS 'DfE module of the rows the rule flags (ChildIdentifiers, CINdetails, Assessments, ...)';
COMMENT ON COLUMN careleaver.cin_validation_rules.refusals IS 'Values the loader refuses that this rule covers, as <dataset module>.<DfE column> (e.g. cin_details.ReferralSource): a row the loader skipped for such a value is reported under this rule';
COMMENT ON COLUMN careleaver.cin_validation_rules.description IS 'What the rule checks, in our words';
COMMENT ON COLUMN careleaver.cin_validation_rules.message IS 'DfE''s message for the rule';
COMMENT ON COLUMN careleaver.cin_validation_rules.note IS 'Where our reading differs from DfE''s wording or from the public CIN validator (csc-validator-be-cin), and why';
COMMENT ON COLUMN careleaver.cin_validation_rules.not_checkable IS 'NULL for a rule that runs; otherwise why it cannot be checked';
COMMENT ON COLUMN careleaver.cin_validation_rules.check_sql IS 'The check: a SELECT over the bases of careleaver.cin_validation_bases_sql yielding (tbl, la, child, source_file, source_line, msg) per flagged row; $1 year, $2 its first day, $3 its last day (DfE''s ReferenceDate), $4 the council or NULL. NULL when not checkable';

-- DfE's name of a CIN module of the dataset, as validate_cin's table_name gives it
CREATE FUNCTION careleaver.cin_validation_module_name(module text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT CASE module WHEN 'cin_child' THEN 'ChildIdentifiers' WHEN 'cin_disabilities' THEN 'Disabilities'
                     WHEN 'cin_details' THEN 'CINdetails' WHEN 'cin_assessments' THEN 'Assessments'
                     WHEN 'cin_factors' THEN 'Assessments' WHEN 'cin_plans' THEN 'CINplanDates'
                     WHEN 'cin_section47' THEN 'Section47' WHEN 'cin_cp_plans' THEN 'ChildProtectionPlans'
                     WHEN 'cin_cpp_reviews' THEN 'Reviews' ELSE module END
$$;
COMMENT ON FUNCTION careleaver.cin_validation_module_name(text) IS
  'DfE''s name of a CIN census module of a dataset (cin_details: CINdetails, cin_factors: Assessments), as validate_cin''s table_name gives it';

CREATE FUNCTION careleaver.cin_code_valid_in_year(list text, code text, collection_year integer)
RETURNS boolean
AS 'MODULE_PATHNAME', 'careleaver_cin_code_valid_in_year'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.cin_code_valid_in_year(text, text, integer) IS
  'True when code is a code of the CIN code list (careleaver.cin_codes) valid in the collection year: Sex M, F, U from 2024-25 (2025), GenderCurrent 0, 1, 2, 9 before; the other lists do not change (extension/core/cin_codes.c)';

CREATE FUNCTION careleaver.upn_check_letter(upn text)
RETURNS text
AS 'MODULE_PATHNAME', 'careleaver_upn_check_letter'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.upn_check_letter(text) IS
  'DfE''s check letter of a 13-character UPN (characters 2 to 13 weighted 2 to 13, modulo 23, one of ABCDEFGHJKLMNPQRTUVWXYZ); NULL when characters 2 to 13 are not 12 digits (CIN rule 1510)';

-- ---------------------------------------------------------------------------
-- The base relations of a CIN run: this year's rows of each return_cin_*
-- module under short names, one row per child, and the rows the loader skipped.

CREATE FUNCTION careleaver.cin_validation_bases_sql(schema_name text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  ds text := schema_name;
  kept text;
BEGIN
  -- a refused row is one the loader skipped: no return_cin_* table holds its file and line
  SELECT string_agg(format('SELECT 1 FROM %I.%I k WHERE k.la = r.la AND k.year = r.year '
                           'AND k.source_file = r.source_file AND k.source_line = r.source_line',
                           ds, 'return_' || d.module), ' UNION ALL ')
    INTO kept
    FROM (SELECT DISTINCT c.module FROM careleaver.cin_return_columns() c) d;
  RETURN format($q$
c_child AS (
  SELECT t.la, t.lachildid AS child, t.upn, t.formerupn, t.upnunknown, t.personbirthdate AS dob,
         t.expectedpersonbirthdate AS edob, t.sex, t.persondeathdate AS dod, t.ethnicity,
         t.source_file, t.source_line
    FROM %1$I.return_cin_child t WHERE t.year = $1 AND ($4::text IS NULL OR t.la = $4)
),
-- one row per child (the first in the file), for the rules that read its dates
c_kid AS MATERIALIZED (
  SELECT DISTINCT ON (c.la, c.child) c.* FROM c_child c ORDER BY c.la, c.child, c.source_file, c.source_line
),
c_dis AS (
  SELECT t.la, t.lachildid AS child, t.disability, t.source_file, t.source_line
    FROM %1$I.return_cin_disabilities t WHERE t.year = $1 AND ($4::text IS NULL OR t.la = $4)
),
c_det AS MATERIALIZED (
  SELECT t.la, t.lachildid AS child, t.cindetailsid AS did, t.cinreferraldate AS ref, t.referralsource AS source,
         t.primaryneedcode AS need, t.cinclosuredate AS closed, t.reasonforclosure AS rfc,
         t.dateofinitialcpc AS icpc, t.referralnfa AS nfa, t.source_file, t.source_line
    FROM %1$I.return_cin_details t WHERE t.year = $1 AND ($4::text IS NULL OR t.la = $4)
),
c_ass AS MATERIALIZED (
  SELECT t.la, t.lachildid AS child, t.cindetailsid AS did, t.assessmentid AS aid,
         t.assessmentactualstartdate AS st, t.assessmentauthorisationdate AS auth, t.source_file, t.source_line
    FROM %1$I.return_cin_assessments t WHERE t.year = $1 AND ($4::text IS NULL OR t.la = $4)
),
c_fac AS MATERIALIZED (
  SELECT t.la, t.lachildid AS child, t.cindetailsid AS did, t.assessmentid AS aid, t.assessmentfactors AS factor,
         t.source_file, t.source_line
    FROM %1$I.return_cin_factors t WHERE t.year = $1 AND ($4::text IS NULL OR t.la = $4)
),
c_plan AS MATERIALIZED (
  SELECT t.la, t.lachildid AS child, t.cindetailsid AS did, t.cinplanstartdate AS st, t.cinplanenddate AS en,
         t.source_file, t.source_line
    FROM %1$I.return_cin_plans t WHERE t.year = $1 AND ($4::text IS NULL OR t.la = $4)
),
c_s47 AS MATERIALIZED (
  SELECT t.la, t.lachildid AS child, t.cindetailsid AS did, t.s47actualstartdate AS st,
         t.initialcpctarget AS target, t.dateofinitialcpc AS icpc, t.icpcnotrequired AS notreq,
         t.source_file, t.source_line
    FROM %1$I.return_cin_section47 t WHERE t.year = $1 AND ($4::text IS NULL OR t.la = $4)
),
c_cpp AS MATERIALIZED (
  SELECT t.la, t.lachildid AS child, t.cindetailsid AS did, t.cppid, t.cppstartdate AS st, t.cppenddate AS en,
         t.initialcategoryofabuse AS init, t.latestcategoryofabuse AS latest, t.numberofpreviouscpp AS prev,
         t.source_file, t.source_line
    FROM %1$I.return_cin_cp_plans t WHERE t.year = $1 AND ($4::text IS NULL OR t.la = $4)
),
c_rev AS (
  SELECT t.la, t.lachildid AS child, t.cindetailsid AS did, t.cppid, t.cppreviewdate AS rd,
         t.source_file, t.source_line
    FROM %1$I.return_cin_cpp_reviews t WHERE t.year = $1 AND ($4::text IS NULL OR t.la = $4)
),
-- rows the loader skipped (careleaver-load --skip-bad-rows): one row per refused value
refused AS (
  SELECT careleaver.cin_validation_module_name(r.module) AS tbl, r.module, r.la, r.child, r.source_file,
         r.source_line, r.column_name, r.value, r.reason
    FROM %1$I.cin_rejects r
   WHERE r.year = $1 AND ($4::text IS NULL OR r.la = $4)
     AND NOT EXISTS (%2$s)
)$q$, ds, kept);
END;
$fn$;
COMMENT ON FUNCTION careleaver.cin_validation_bases_sql(text) IS
  'The WITH list of the base relations a CIN validation run''s checks read (c_child, c_kid, c_dis, c_det, c_ass, c_fac, c_plan, c_s47, c_cpp, c_rev, refused; doc/validation.md "The CIN census rules"), for one dataset';

-- ---------------------------------------------------------------------------
-- validate_cin: the registered CIN checks of the year, one UNION ALL over the bases

CREATE FUNCTION careleaver.cin_validation_run(schema_name text, collection_year integer, only_la text)
RETURNS TABLE (out_rule_code text, out_table_name text, out_la text, out_child text, out_row_ref text, out_message text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
-- equality joins on (la, child, CIN details) between sets the planner cannot size
SET enable_nestloop = off
SET jit = off
-- dates in messages are written ISO (2024-03-31) whatever the session's DateStyle
SET datestyle = 'ISO, YMD'
AS $fn$
DECLARE
  ds     text := schema_name;
  y      integer := collection_year;
  checks text := '';
  r      record;
  have_return boolean;
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);  -- never run another role's code (doc/dataset.md)
  IF ds IS NULL OR y IS NULL THEN
    RAISE EXCEPTION 'careleaver.validate_cin needs a dataset schema and a collection year'
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF y < 1900 OR y > 2999 THEN
    RAISE EXCEPTION 'collection year % is out of range', y
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'A collection year is named by the year it ends: 2024 means 1 April 2023 to 31 March 2024.';
  END IF;
  IF to_regclass(format('%I.return_cin_child', ds)) IS NULL OR to_regclass(format('%I.cin_rejects', ds)) IS NULL THEN
    RAISE EXCEPTION 'schema "%" is not a careleaver dataset with the CIN census tables', ds
      USING ERRCODE = 'undefined_table',
            HINT = 'Create it with careleaver.create_dataset (or bring it forward with careleaver.upgrade_dataset) and load the CIN return first.';
  END IF;
  -- nothing to validate is not a pass: the CIN return of the year must have been loaded
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %1$I.cin_returns r WHERE r.year = $1 AND r.origin = %2$L '
                 'AND ($2::text IS NULL OR r.la = $2))', ds, 'loaded')
          || (SELECT string_agg(format(' OR EXISTS (SELECT 1 FROM %I.%I x WHERE x.year = $1 '
                                       'AND ($2::text IS NULL OR x.la = $2))', ds, 'return_' || t.module), '')
                FROM (SELECT DISTINCT c.module FROM careleaver.cin_return_columns() c) t)
    INTO have_return USING y, only_la;
  IF NOT have_return THEN
    RAISE EXCEPTION '%', format('dataset "%s" has no loaded CIN census return for collection year %s%s', ds, y,
                                CASE WHEN only_la IS NULL THEN '' ELSE ' of council ' || only_la END)
      USING ERRCODE = 'no_data_found',
            DETAIL = 'careleaver.validate_cin checks a loaded CIN census return; with none there is nothing to pass.',
            HINT = format('Load the %s CIN census return with scripts/careleaver-load --dataset %s%s --year %s.',
                          y, ds, CASE WHEN only_la IS NULL THEN '' ELSE ' --la ' || only_la END, y);
  END IF;
  FOR r IN SELECT v.rule_code, v.check_sql FROM careleaver.cin_validation_rules v
            WHERE v.check_sql IS NOT NULL
              AND (v.since_year IS NULL OR v.since_year <= y) AND (v.until_year IS NULL OR v.until_year >= y)
            ORDER BY v.rule_code LOOP
    checks := checks || format($f$
  UNION ALL
  SELECT %L::text AS code, c.tbl::text, c.la::text, c.child::text, c.source_file::text, c.source_line::integer, c.msg::text
    FROM (%s
         ) c$f$, r.rule_code, r.check_sql);
  END LOOP;
  RETURN QUERY EXECUTE format($q$
WITH %s,
flags AS (
  -- rows the loader skipped, under the rule covering the refused value (cin_validation_rules.refusals;
  -- rule LOAD reports those no rule of the year covers)
  SELECT rr.rule_code AS code, f.tbl, f.la, f.child, f.source_file, f.source_line,
         format('%%s %%s refused by the loader: %%s', f.column_name, coalesce(f.value, 'blank'), f.reason) AS msg
    FROM refused f
    JOIN LATERAL (SELECT min(v.rule_code) AS rule_code FROM careleaver.cin_validation_rules v
                   WHERE f.module || '.' || f.column_name = ANY (v.refusals)
                     AND (v.since_year IS NULL OR v.since_year <= $1)
                     AND (v.until_year IS NULL OR v.until_year >= $1)) rr ON rr.rule_code IS NOT NULL%s
)
SELECT f.code, f.tbl, f.la, f.child, f.source_file || ':' || f.source_line, f.msg
  FROM flags f
 ORDER BY f.la, f.child, f.tbl, f.source_file, f.source_line, f.code
$q$, careleaver.cin_validation_bases_sql(ds), checks)
    USING y, careleaver.collection_year_start(y), careleaver.collection_year_end(y), only_la;
END;
$fn$;
COMMENT ON FUNCTION careleaver.cin_validation_run(text, integer, text) IS
  'Implementation of careleaver.validate_cin: the checks of careleaver.cin_validation_rules that apply to the year, run as one statement over the bases of careleaver.cin_validation_bases_sql';

CREATE FUNCTION careleaver.validate_cin(schema_name text, collection_year integer, la text DEFAULT NULL)
RETURNS TABLE (rule_code text, table_name text, la text, child text, row_ref text, message text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $$ SELECT * FROM careleaver.cin_validation_run($1, $2, $3) $$;
COMMENT ON FUNCTION careleaver.validate_cin(text, integer, text) IS
  'Checks the Children in Need census return of a collection year in a dataset (optionally one local authority) against the DfE CIN rules listed in careleaver.cin_validation_rules; one row per flagged row, in the shape of careleaver.validate (doc/validation.md, "The CIN census rules")';

-- ---------------------------------------------------------------------------
-- The rules.  One statement per rule (extension/gen_update.py copies each into
-- the update script).

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('100', 'return', 'error', NULL, NULL, 'Header', '{}'::text[],
   'ReferenceDate of the header is not 31 March of the collection year',
   'Reference Date is incorrect',
   NULL,
   'not checkable: the header is not stored; careleaver-load prints its ReferenceDate and takes the collection year from --year',
   NULL)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1530', 'child', 'error', NULL, NULL, 'ChildIdentifiers', '{}'::text[],
   'Characters 2 to 4 of the UPN are not a DfE local authority number',
   'UPN invalid (characters 2-4 not a recognised LA code)',
   NULL,
   'not checkable: no list of DfE local authority numbers is held (the council is named by careleaver-load --la)',
   NULL)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8500', 'child', 'error', NULL, NULL, 'ChildIdentifiers', '{cin_child.LAchildID,cin_disabilities.LAchildID,cin_details.LAchildID,cin_assessments.LAchildID,cin_factors.LAchildID,cin_plans.LAchildID,cin_section47.LAchildID,cin_cp_plans.LAchildID,cin_cpp_reviews.LAchildID}'::text[],
   'LAchildID is blank',
   'LA Child ID missing',
   'The loader refuses a row of any module without LAchildID; such rows are reported here',
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       'LAchildID is blank' AS msg
  FROM c_child c WHERE c.child IS NULL OR btrim(c.child) = ''
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8510', 'child', 'error', NULL, NULL, 'ChildIdentifiers', '{}'::text[],
   'The same LAchildID on more than one child record',
   'More than one child record with the same LA Child ID',
   NULL,
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('LAchildID %s is on %s child records', c.child, c.n) AS msg
  FROM (SELECT x.*, count(*) OVER (PARTITION BY x.la, x.child) AS n FROM c_child x) c WHERE c.n > 1
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1520', 'child', 'error', NULL, NULL, 'ChildIdentifiers', '{}'::text[],
   'The same UPN on more than one child record',
   'More than one record with the same UPN.',
   NULL,
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('UPN %s is on %s child records', c.upn, c.n) AS msg
  FROM (SELECT x.*, count(*) OVER (PARTITION BY x.la, x.upn) AS n FROM c_child x WHERE x.upn IS NOT NULL) c WHERE c.n > 1
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1510', 'child', 'error', NULL, NULL, 'ChildIdentifiers', '{}'::text[],
   'The first character of the UPN is not its check letter',
   'UPN invalid (wrong check letter at character 1)',
   'The check letter is computed only for a UPN of 13 characters whose characters 2 to 13 are digits (careleaver.upn_check_letter); other malformed UPNs are rules 1540 and 1550',
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('UPN %s should start with check letter %s', c.upn, careleaver.upn_check_letter(c.upn)) AS msg
  FROM c_child c WHERE c.upn IS NOT NULL AND careleaver.upn_check_letter(c.upn) IS DISTINCT FROM substr(c.upn, 1, 1)
   AND careleaver.upn_check_letter(c.upn) IS NOT NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1540', 'child', 'error', NULL, NULL, 'ChildIdentifiers', '{}'::text[],
   'Characters 5 to 12 of the UPN are not all digits',
   'UPN invalid (characters 5-12 not all numeric)',
   NULL,
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('UPN %s: characters 5 to 12 are not all digits', c.upn) AS msg
  FROM c_child c WHERE c.upn IS NOT NULL AND substr(c.upn, 5, 8) !~ '^[0-9]{8}$'
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1550', 'child', 'error', NULL, NULL, 'ChildIdentifiers', '{}'::text[],
   'Character 13 of the UPN is neither a digit nor a letter other than I, O, S',
   'UPN invalid (character 13 not a recognised value)',
   'A UPN that is not 13 characters long has no valid 13th character and is flagged here',
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('UPN %s: character 13 is not a digit or a letter other than I, O and S', c.upn) AS msg
  FROM c_child c WHERE c.upn IS NOT NULL AND (length(c.upn) <> 13 OR substr(c.upn, 13, 1) !~ '^[0-9A-HJ-NP-RT-Z]$')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1560Q', 'child', 'query', NULL, NULL, 'ChildIdentifiers', '{}'::text[],
   'FormerUPN is not a letter followed by 12 digits',
   'Please check and either amend or provide a reason: Former UPN wrongly formatted',
   NULL,
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('FormerUPN %s is not a letter followed by 12 digits', c.formerupn) AS msg
  FROM c_child c WHERE c.formerupn IS NOT NULL AND c.formerupn !~ '^[A-Z][0-9]{12}$'
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1570', 'child', 'error', 2025, NULL, 'ChildIdentifiers', '{}'::text[],
   'LAchildID longer than 20 characters',
   'LA Child ID must not be longer than 20 characters',
   NULL,
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('LAchildID %s has %s characters', c.child, length(c.child)) AS msg
  FROM c_child c WHERE length(c.child) > 20
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1580', 'child', 'error', 2025, NULL, 'ChildIdentifiers', '{}'::text[],
   'LAchildID holds a character other than a letter or a digit',
   'LA Child ID must not contain any non-alphanumeric characters',
   NULL,
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('LAchildID %s holds a character other than a letter or a digit', c.child) AS msg
  FROM c_child c WHERE c.child !~ '^[A-Za-z0-9]+$'
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('4180', 'child', 'error', NULL, NULL, 'ChildIdentifiers', '{cin_child.Sex}'::text[],
   'Sex (GenderCurrent up to 2023-24) is blank or not a code of the year',
   'Sex must be provided and equal M, F, or U',
   'DfEs message up to 2023-24 was "Gender is missing" (GenderCurrent 0, 1, 2, 9); from 2024-25 Sex is M, F or U; the codes of the collection year are applied',
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('Sex %s is not a code of %s', coalesce(c.sex, 'blank'), $1) AS msg
  FROM c_child c WHERE c.sex IS NULL OR NOT careleaver.cin_code_valid_in_year('cin_sex', c.sex, $1)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('4220', 'child', 'error', NULL, NULL, 'ChildCharacteristics', '{cin_child.Ethnicity}'::text[],
   'Ethnicity is blank or not a DfE ethnicity code',
   'Ethnicity is missing or invalid (see Ethnicity table)',
   NULL,
   NULL,
   $chk$
SELECT 'ChildCharacteristics' AS tbl, c.la, c.child, c.source_file, c.source_line,
       'Ethnicity is blank' AS msg
  FROM c_child c WHERE c.ethnicity IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8520', 'child', 'error', NULL, NULL, 'ChildIdentifiers', '{cin_child.PersonBirthDate}'::text[],
   'Date of birth after the reference date (31 March)',
   'Date of Birth is after data collection period (must be on or before the end of the census period)',
   NULL,
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('PersonBirthDate %s is after the reference date %s', c.dob, $3) AS msg
  FROM c_child c WHERE c.dob > $3
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8525Q', 'child', 'query', NULL, NULL, 'ChildIdentifiers', '{}'::text[],
   'Neither or both of date of birth and expected date of birth given',
   'Either Date of Birth or Expected Date of Birth must be provided (but not both)',
   NULL,
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       CASE WHEN c.dob IS NULL THEN 'neither PersonBirthDate nor ExpectedPersonBirthDate is given' ELSE format('both PersonBirthDate %s and ExpectedPersonBirthDate %s are given', c.dob, c.edob) END AS msg
  FROM c_child c WHERE (c.dob IS NULL) = (c.edob IS NULL)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8530Q', 'child', 'query', NULL, NULL, 'ChildIdentifiers', '{cin_child.ExpectedPersonBirthDate}'::text[],
   'Expected date of birth more than 30 days before or 9 months after the reference date',
   'Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected range for this census (March to December of the Census Year end)',
   NULL,
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('ExpectedPersonBirthDate %s is not between %s and %s', c.edob, $3 - 30, ($3 + interval '9 months')::date) AS msg
  FROM c_child c WHERE c.edob < $3 - 30 OR c.edob > ($3 + interval '9 months')::date
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8535Q', 'child', 'query', NULL, NULL, 'ChildIdentifiers', '{}'::text[],
   'Date of death before the date of birth',
   'Please check and either amend data or provide a reason: Child’s date of death should not be prior to the date of birth',
   NULL,
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('PersonDeathDate %s is before PersonBirthDate %s', c.dod, c.dob) AS msg
  FROM c_child c WHERE c.dod < c.dob
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8545Q', 'child', 'query', NULL, NULL, 'ChildIdentifiers', '{cin_child.PersonDeathDate}'::text[],
   'Date of death outside the collection year',
   'Please check and either amend data or provide a reason: Child''s date of death should be within the census year',
   NULL,
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('PersonDeathDate %s is outside %s to %s', c.dod, $2, $3) AS msg
  FROM c_child c WHERE c.dod < $2 OR c.dod > $3
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8590', 'child', 'error', NULL, NULL, 'ChildIdentifiers', '{}'::text[],
   'A child with no CIN details (referral)',
   'Child does not have a recorded CIN episode.',
   NULL,
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       'the child has no CINdetails' AS msg
  FROM c_child c WHERE NOT EXISTS (SELECT 1 FROM c_det d WHERE d.la = c.la AND d.child = c.child)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8750', 'child', 'error', NULL, NULL, 'ChildIdentifiers', '{}'::text[],
   'An unborn child (expected date of birth only) whose sex is not U (0 up to 2023-24)',
   'Sex must equal U for an unborn child',
   'Up to 2023-24 DfE''s message was "Gender must equal 0 for an unborn child"',
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('unborn child (expected %s) has Sex %s, not %s', c.edob, coalesce(c.sex, 'blank'), CASE WHEN $1 >= 2025 THEN 'U' ELSE '0' END) AS msg
  FROM c_child c WHERE c.edob IS NOT NULL AND c.dob IS NULL
   AND c.sex IS DISTINCT FROM (CASE WHEN $1 >= 2025 THEN 'U' ELSE '0' END)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8770Q', 'child', 'query', NULL, NULL, 'ChildIdentifiers', '{}'::text[],
   'No UPN and no reason UN2-UN7 for a child of school age with a referral going on to further action',
   'Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.',
   'School age: six by the reference date up to 2023-24; from 2024-25, six by 31 August after it (as the public validator reads DfE''s rule); the sixth birthday is careleaver.birthday',
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('born %s, of school age, with a referral going on to further action, but no UPN and UPNunknown %s', c.dob, coalesce(c.upnunknown, 'blank')) AS msg
  FROM c_child c
 WHERE c.upn IS NULL AND (c.upnunknown IS NULL OR c.upnunknown = 'UN1') AND c.dob IS NOT NULL
   AND careleaver.birthday(c.dob, 6) <= CASE WHEN $1 >= 2025 THEN make_date($1, 8, 31) ELSE $3 END
   AND EXISTS (SELECT 1 FROM c_det d WHERE d.la = c.la AND d.child = c.child AND d.nfa = false)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8772', 'child', 'error', NULL, NULL, 'ChildIdentifiers', '{cin_child.UPNunknown}'::text[],
   'UPNunknown UN7 (referral with no further action) but a referral goes on to further action',
   'UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action',
   'A UPNunknown that is no code (UN1-UN7) is refused by the loader and reported here',
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       'UPNunknown is UN7 but a referral of the child goes on to further action' AS msg
  FROM c_child c WHERE c.upnunknown = 'UN7'
   AND EXISTS (SELECT 1 FROM c_det d WHERE d.la = c.la AND d.child = c.child AND d.nfa = false)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8775Q', 'child', 'query', NULL, NULL, 'ChildIdentifiers', '{}'::text[],
   'A child over 25 at the reference date with a CIN episode open after the 25th birthday',
   'Please check and either amend data or provide a reason: Child is over 25 years old',
   NULL,
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('born %s: 25 on %s, but a CIN episode is open after that', c.dob, careleaver.birthday(c.dob, 25)) AS msg
  FROM c_child c WHERE c.dob IS NOT NULL AND careleaver.birthday(c.dob, 25) < $3
   AND EXISTS (SELECT 1 FROM c_det d WHERE d.la = c.la AND d.child = c.child
                  AND (d.closed IS NULL OR d.closed > careleaver.birthday(c.dob, 25)))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8540', 'disabilities', 'error', NULL, NULL, 'ChildCharacteristics', '{cin_disabilities.Disability}'::text[],
   'No disability given (NONE for none) for a born child with a referral going on to further action',
   'Child’s disability is missing or invalid (see Disability table)',
   NULL,
   NULL,
   $chk$
SELECT 'ChildCharacteristics' AS tbl, c.la, c.child, c.source_file, c.source_line,
       'no Disability given (NONE when the child has none)' AS msg
  FROM c_child c WHERE c.dob IS NOT NULL
   AND EXISTS (SELECT 1 FROM c_det d WHERE d.la = c.la AND d.child = c.child AND d.nfa = false)
   AND NOT EXISTS (SELECT 1 FROM c_dis x WHERE x.la = c.la AND x.child = c.child AND x.disability IS NOT NULL)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8790', 'disabilities', 'error', NULL, NULL, 'Disabilities', '{}'::text[],
   'Disability NONE given together with other disabilities',
   'Disability information includes both None and other values',
   NULL,
   NULL,
   $chk$
SELECT 'Disabilities' AS tbl, x.la, x.child, x.source_file, x.source_line,
       format('Disability %s given with NONE', x.disability) AS msg
  FROM c_dis x WHERE x.disability <> 'NONE'
   AND EXISTS (SELECT 1 FROM c_dis n WHERE n.la = x.la AND n.child = x.child AND n.disability = 'NONE')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8794', 'disabilities', 'error', NULL, NULL, 'Disabilities', '{}'::text[],
   'The same disability code twice for a child',
   'Child has two or more disabilities with the same code',
   NULL,
   NULL,
   $chk$
SELECT 'Disabilities' AS tbl, x.la, x.child, x.source_file, x.source_line,
       format('Disability %s given %s times', x.disability, x.n) AS msg
  FROM (SELECT d.*, count(*) OVER (PARTITION BY d.la, d.child, d.disability) AS n FROM c_dis d WHERE d.disability IS NOT NULL) x WHERE x.n > 1
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('2886Q', 'return', 'query', NULL, NULL, 'ChildIdentifiers', '{}'::text[],
   'More than 2% of the (born) children have no sex recorded (blank or U; 0 up to 2023-24)',
   'Please check and either amend or provide a reason: Percentage of children with no sex recorded is more than 2% (excluding unborns)',
   'A council-level check: flagged once per council, at its first child record (child blank)',
   NULL,
   $chk$
SELECT 'ChildIdentifiers' AS tbl, f.la, NULL::text AS child, f.source_file, f.source_line,
       format('%s of %s children (%s%%) have no sex recorded', s.unknown, s.total, round(100.0 * s.unknown / s.total, 1)) AS msg
  FROM (SELECT DISTINCT ON (c.la) c.la, c.source_file, c.source_line FROM c_child c ORDER BY c.la, c.source_file, c.source_line) f
  JOIN (SELECT c.la, count(*) AS total,
               count(*) FILTER (WHERE c.edob IS NULL AND (c.sex IS NULL OR c.sex = CASE WHEN $1 >= 2025 THEN 'U' ELSE '0' END)) AS unknown
          FROM c_child c GROUP BY c.la) s ON s.la = f.la
 WHERE s.unknown > 0.02 * s.total
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('2887Q', 'return', 'query', NULL, NULL, 'Disabilities', '{}'::text[],
   'Fewer than 8 different disability codes (NONE aside) used in the return',
   'Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return',
   'A council-level check: flagged once per council, at its first child record (child blank)',
   NULL,
   $chk$
SELECT 'Disabilities' AS tbl, f.la, NULL::text AS child, f.source_file, f.source_line,
       format('%s different disability codes used (NONE aside)', s.n) AS msg
  FROM (SELECT DISTINCT ON (c.la) c.la, c.source_file, c.source_line FROM c_child c ORDER BY c.la, c.source_file, c.source_line) f
  JOIN (SELECT c.la, (SELECT count(DISTINCT x.disability) FROM c_dis x WHERE x.la = c.la AND x.disability <> 'NONE') AS n
          FROM c_child c GROUP BY c.la) s ON s.la = f.la
 WHERE s.n < 8
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('2888Q', 'return', 'query', NULL, NULL, 'Disabilities', '{}'::text[],
   'Every child with a disability has exactly one disability code',
   'Please check and either amend or provide a reason: Only one disability code is recorded per child and multiple disabilities should be recorded where possible.',
   'A council-level check: flagged once per council, at its first child record (child blank)',
   NULL,
   $chk$
SELECT 'Disabilities' AS tbl, f.la, NULL::text AS child, f.source_file, f.source_line,
       format('each of the %s children with a disability has only one disability code', s.children) AS msg
  FROM (SELECT DISTINCT ON (c.la) c.la, c.source_file, c.source_line FROM c_child c ORDER BY c.la, c.source_file, c.source_line) f
  JOIN (SELECT x.la, count(*) AS children, max(x.n) AS most
          FROM (SELECT d.la, d.child, count(DISTINCT d.disability) AS n FROM c_dis d WHERE d.disability <> 'NONE' GROUP BY d.la, d.child) x
         GROUP BY x.la) s ON s.la = f.la
 WHERE s.most = 1
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('2883', 'return', 'error', NULL, NULL, 'ChildProtectionPlans', '{}'::text[],
   'More protection plans start in the year than initial conferences take place in it',
   'There are more child protection plans starting than initial conferences taking place',
   'A council-level check: flagged once per council, at its first protection plan record (child blank)',
   NULL,
   $chk$
SELECT 'ChildProtectionPlans' AS tbl, f.la, NULL::text AS child, f.source_file, f.source_line,
       format('%s protection plans start in the year but %s initial conferences take place', s.plans, s.conferences) AS msg
  FROM (SELECT DISTINCT ON (p.la) p.la, p.source_file, p.source_line FROM c_cpp p ORDER BY p.la, p.source_file, p.source_line) f
  JOIN (SELECT l.la,
               (SELECT count(*) FROM c_cpp p WHERE p.la = l.la AND p.st BETWEEN $2 AND $3) AS plans,
               (SELECT count(*) FROM c_det d WHERE d.la = l.la AND d.icpc BETWEEN $2 AND $3)
               + (SELECT count(*) FROM c_s47 s WHERE s.la = l.la AND s.icpc BETWEEN $2 AND $3) AS conferences
          FROM (SELECT DISTINCT p.la FROM c_cpp p) l) s ON s.la = f.la
 WHERE s.plans > s.conferences
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8568', 'CIN details', 'error', NULL, NULL, 'CINdetails', '{cin_details.ReferralNFA}'::text[],
   'ReferralNFA blank (or not true, false, 1, 0)',
   'RNFA flag is missing or invalid',
   NULL,
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       'ReferralNFA is blank' AS msg
  FROM c_det d WHERE d.nfa IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8569Q', 'CIN details', 'query', NULL, NULL, 'CINdetails', '{}'::text[],
   'A referral made before the last working day before the year flagged as no further action',
   'A case with referral date before one working day prior to the collection start date must not be flagged as a no further action case',
   'Working days are careleaver.cin_working_days (England''s bank holidays, careleaver.bank_holidays): flagged when a working day lies after the referral and before 1 April',
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       format('referral of %s, before the last working day before %s, is flagged no further action', d.ref, $2) AS msg
  FROM c_det d WHERE d.nfa AND d.ref IS NOT NULL AND careleaver.cin_working_days(d.ref, $2 - 1) >= 1
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8585Q', 'CIN details', 'query', NULL, NULL, 'CINdetails', '{}'::text[],
   'Closed with reason RC2 (died) but the child has no date of death',
   'Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death',
   NULL,
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       'ReasonForClosure RC2 (died) but no PersonDeathDate' AS msg
  FROM c_det d WHERE d.rfc = 'RC2'
   AND NOT EXISTS (SELECT 1 FROM c_child c WHERE c.la = d.la AND c.child = d.child AND c.dod IS NOT NULL)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8600', 'CIN details', 'error', NULL, NULL, 'CINdetails', '{cin_details.CINreferralDate}'::text[],
   'Referral date blank or after the reference date',
   'Child referral date missing or after data collection period',
   NULL,
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       CASE WHEN d.ref IS NULL THEN 'CINreferralDate is blank' ELSE format('CINreferralDate %s is after the reference date %s', d.ref, $3) END AS msg
  FROM c_det d WHERE d.ref IS NULL OR d.ref > $3
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8606', 'CIN details', 'error', NULL, NULL, 'CINdetails', '{}'::text[],
   'Referral more than 280 days (40 weeks) before the date of birth or expected date of birth',
   'Child referral date is more than 40 weeks before DOB or expected DOB',
   NULL,
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       format('CINreferralDate %s is more than 280 days before the birth date %s', d.ref, coalesce(c.dob, c.edob)) AS msg
  FROM c_det d JOIN c_kid c ON c.la = d.la AND c.child = d.child
 WHERE d.ref < coalesce(c.dob, c.edob) - 280
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8610', 'CIN details', 'error', NULL, NULL, 'CINdetails', '{}'::text[],
   'No primary need code for a referral going on to further action',
   'Primary Need code is missing for a referral which led to further action.',
   NULL,
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       'PrimaryNeedCode is blank for a referral going on to further action' AS msg
  FROM c_det d WHERE d.nfa = false AND d.need IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8620', 'CIN details', 'error', NULL, NULL, 'CINdetails', '{cin_details.CINclosureDate}'::text[],
   'CIN closure date outside the collection year',
   'CIN Closure Date present and does not fall within the Census year',
   NULL,
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       format('CINclosureDate %s is outside %s to %s', d.closed, $2, $3) AS msg
  FROM c_det d WHERE d.closed < $2 OR d.closed > $3
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8630', 'CIN details', 'error', NULL, NULL, 'CINdetails', '{}'::text[],
   'CIN closure date before the referral date',
   'CIN Closure Date is before CIN Referral Date for the same CIN episode',
   NULL,
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       format('CINclosureDate %s is before CINreferralDate %s', d.closed, d.ref) AS msg
  FROM c_det d WHERE d.closed < d.ref
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8640', 'CIN details', 'error', NULL, NULL, 'CINdetails', '{cin_details.ReasonForClosure}'::text[],
   'Reason for closure is not a DfE code',
   'CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)',
   'The loader refuses a code not in the list; those rows are reported here',
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       format('ReasonForClosure %s is not a code', d.rfc) AS msg
  FROM c_det d WHERE d.rfc IS NOT NULL AND careleaver.return_value_problem(d.rfc, 'cin_closure_reason') IS NOT NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8650', 'CIN details', 'error', NULL, NULL, 'CINdetails', '{cin_details.PrimaryNeedCode}'::text[],
   'Primary need code is not a DfE code',
   'Primary Need Code invalid (see Primary Need table in CIN census code set)',
   'The loader refuses a code not in the list; those rows are reported here',
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       format('PrimaryNeedCode %s is not a code', d.need) AS msg
  FROM c_det d WHERE d.need IS NOT NULL AND careleaver.return_value_problem(d.need, 'cin_primary_need') IS NOT NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8805', 'CIN details', 'error', NULL, NULL, 'CINdetails', '{}'::text[],
   'CIN closure date without a reason for closure',
   'A CIN case cannot have a CIN closure date without a Reason for Closure',
   NULL,
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       format('CINclosureDate %s but no ReasonForClosure', d.closed) AS msg
  FROM c_det d WHERE d.closed IS NOT NULL AND d.rfc IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8810', 'CIN details', 'error', NULL, NULL, 'CINdetails', '{}'::text[],
   'Reason for closure without a CIN closure date',
   'A CIN case cannot have a Reason for Closure without a CIN Closure Date',
   NULL,
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       format('ReasonForClosure %s but no CINclosureDate', d.rfc) AS msg
  FROM c_det d WHERE d.rfc IS NOT NULL AND d.closed IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8815', 'CIN details', 'error', NULL, NULL, 'CINdetails', '{}'::text[],
   'More than one open CIN episode (no closure date, not no further action) for a child',
   'More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.',
   NULL,
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       format('one of %s open CIN episodes of the child (referral %s)', d.n, d.ref) AS msg
  FROM (SELECT x.*, count(*) OVER (PARTITION BY x.la, x.child) AS n FROM c_det x WHERE x.closed IS NULL AND x.nfa = false) d
 WHERE d.n > 1
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8816', 'CIN details', 'error', NULL, NULL, 'CINdetails', '{}'::text[],
   'An open CIN episode (not no further action) that is not the child''s latest referral',
   'An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.',
   NULL,
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       format('open CIN episode referred %s, but the child has a later referral on %s', d.ref, d.latest) AS msg
  FROM (SELECT x.*, max(x.ref) OVER (PARTITION BY x.la, x.child) AS latest FROM c_det x) d
 WHERE d.closed IS NULL AND d.nfa = false AND d.ref < d.latest
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8820', 'CIN details', 'error', NULL, NULL, 'CINdetails', '{}'::text[],
   'CIN episodes of a child overlap: a referral on or after another''s and before its closure (or the reference date when that is open)',
   'The dates on the CIN episodes for this child overlap',
   'A referral on the day another episode closed does not overlap it (DfE''s note to the rule)',
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       format('referral %s falls within the CIN episode referred %s%s', d.ref, o.ref, CASE WHEN o.closed IS NULL THEN ', still open' ELSE format(' and closed %s', o.closed) END) AS msg
  FROM c_det d JOIN c_det o ON o.la = d.la AND o.child = d.child
   AND (o.source_file, o.source_line) <> (d.source_file, d.source_line)
 WHERE d.ref >= o.ref AND (d.ref < o.closed OR (o.closed IS NULL AND o.nfa = false AND d.ref <= $3))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8825Q', 'CIN details', 'query', NULL, NULL, 'CINdetails', '{}'::text[],
   'Closed RC8 or RC9 (after assessment) but the episode has no assessment',
   'Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no assessment present for the episode.',
   NULL,
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       format('ReasonForClosure %s but the episode has no assessment', d.rfc) AS msg
  FROM c_det d WHERE d.rfc IN ('RC8', 'RC9')
   AND NOT EXISTS (SELECT 1 FROM c_ass a WHERE a.la = d.la AND a.child = d.child AND a.did = d.did)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8831', 'CIN details', 'error', NULL, NULL, 'CINdetails', '{}'::text[],
   'A referral with no further action has an assessment, section 47 enquiry or initial conference',
   'Activity is recorded against a case marked as a referral with no further action',
   NULL,
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       'referral with no further action has an assessment, section 47 enquiry or initial conference date' AS msg
  FROM c_det d WHERE d.nfa AND (d.icpc IS NOT NULL
    OR EXISTS (SELECT 1 FROM c_ass a WHERE a.la = d.la AND a.child = d.child AND a.did = d.did AND (a.st IS NOT NULL OR a.auth IS NOT NULL))
    OR EXISTS (SELECT 1 FROM c_s47 s WHERE s.la = d.la AND s.child = d.child AND s.did = d.did AND (s.st IS NOT NULL OR s.icpc IS NOT NULL)))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8866', 'CIN details', 'error', NULL, NULL, 'CINdetails', '{cin_details.ReferralSource}'::text[],
   'Source of referral blank (referrals from 1 April 2013) or not a DfE code',
   'Source of Referral is missing or an invalid code',
   NULL,
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       CASE WHEN d.source IS NULL THEN 'ReferralSource is blank' ELSE format('ReferralSource %s is not a code', d.source) END AS msg
  FROM c_det d WHERE (d.source IS NULL AND d.ref >= careleaver.collection_year_start(2014))
    OR careleaver.return_value_problem(d.source, 'cin_referral_source') IS NOT NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8867', 'CIN details', 'error', NULL, NULL, 'CINdetails', '{}'::text[],
   'CIN episode closed but an assessment of it has no completion (authorisation) date',
   'CIN episode is shown as closed, however Assessment is not shown as completed',
   NULL,
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       format('closed %s but an assessment of the episode has no AssessmentAuthorisationDate', d.closed) AS msg
  FROM c_det d WHERE d.closed IS NOT NULL
   AND EXISTS (SELECT 1 FROM c_ass a WHERE a.la = d.la AND a.child = d.child AND a.did = d.did AND a.auth IS NULL)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8868', 'CIN details', 'error', NULL, NULL, 'CINdetails', '{}'::text[],
   'CIN episode closed but a section 47 enquiry of it has neither an initial conference date nor ICPC not required',
   'CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag',
   NULL,
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       format('closed %s but a section 47 enquiry has neither DateOfInitialCPC nor ICPCnotRequired', d.closed) AS msg
  FROM c_det d WHERE d.closed IS NOT NULL
   AND EXISTS (SELECT 1 FROM c_s47 s WHERE s.la = d.la AND s.child = d.child AND s.did = d.did
                  AND s.icpc IS NULL AND s.notreq IS NOT TRUE)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('2990', 'CIN details', 'error', NULL, NULL, 'CINdetails', '{}'::text[],
   'Closed RC8 or RC9 (after assessment) yet the episode has a section 47 enquiry, protection plan, initial conference or CIN plan',
   'Activity is recorded against a case marked as ‘Case closed after assessment, no further action’ or ''case closed after assessment, referred to early help''.',
   NULL,
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       format('ReasonForClosure %s but the episode has a section 47 enquiry, protection plan, initial conference or CIN plan', d.rfc) AS msg
  FROM c_det d WHERE d.rfc IN ('RC8', 'RC9') AND (d.icpc IS NOT NULL
    OR EXISTS (SELECT 1 FROM c_s47 s WHERE s.la = d.la AND s.child = d.child AND s.did = d.did)
    OR EXISTS (SELECT 1 FROM c_cpp p WHERE p.la = d.la AND p.child = d.child AND p.did = d.did)
    OR EXISTS (SELECT 1 FROM c_plan p WHERE p.la = d.la AND p.child = d.child AND p.did = d.did))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('2991Q', 'CIN details', 'query', NULL, NULL, 'CINdetails', '{}'::text[],
   'A section 47 enquiry but no assessment on the episode',
   'Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no assessment on the episode',
   NULL,
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       'the episode has a section 47 enquiry but no assessment' AS msg
  FROM c_det d WHERE EXISTS (SELECT 1 FROM c_s47 s WHERE s.la = d.la AND s.child = d.child AND s.did = d.did)
   AND NOT EXISTS (SELECT 1 FROM c_ass a WHERE a.la = d.la AND a.child = d.child AND a.did = d.did)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8565', 'CIN details', 'error', NULL, NULL, 'CINdetails', '{}'::text[],
   'CIN closure date before a date of the episode''s activity (assessment, section 47, initial conference, protection plan end, CIN plan)',
   'Activity shown after a case has been closed',
   'The CIN details row is flagged (the public validator flags the rows holding the later dates too)',
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       format('CINclosureDate %s is before the episode''s activity on %s', d.closed, d.last_activity) AS msg
  FROM (SELECT x.*, greatest(x.icpc,
          (SELECT max(greatest(a.st, a.auth)) FROM c_ass a WHERE a.la = x.la AND a.child = x.child AND a.did = x.did),
          (SELECT max(greatest(s.st, s.icpc)) FROM c_s47 s WHERE s.la = x.la AND s.child = x.child AND s.did = x.did),
          (SELECT max(p.en) FROM c_cpp p WHERE p.la = x.la AND p.child = x.child AND p.did = x.did),
          (SELECT max(greatest(p.st, p.en)) FROM c_plan p WHERE p.la = x.la AND p.child = x.child AND p.did = x.did)) AS last_activity
          FROM c_det x WHERE x.closed IS NOT NULL) d
 WHERE d.closed < d.last_activity
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('2884', 'section 47', 'error', NULL, NULL, 'Section47', '{}'::text[],
   'An initial conference recorded both on the section 47 enquiry and on its CIN details',
   'An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one',
   'The public validator compares the dates of any episode of the child and flags only equal ones; DfE''s wording is about the one episode, whatever the dates',
   NULL,
   $chk$
SELECT 'Section47' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('DateOfInitialCPC %s on the section 47 enquiry and %s on its CIN details', s.icpc, d.icpc) AS msg
  FROM c_s47 s JOIN c_det d ON d.la = s.la AND d.child = s.child AND d.did = s.did
 WHERE s.icpc IS NOT NULL AND d.icpc IS NOT NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8555Q', 'CIN details', 'query', NULL, NULL, 'CINdetails', '{}'::text[],
   'Referral after the child''s date of death',
   'Child cannot be referred after its recorded date of death',
   NULL,
   NULL,
   $chk$
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       format('CINreferralDate %s is after PersonDeathDate %s', d.ref, c.dod) AS msg
  FROM c_det d JOIN c_kid c ON c.la = d.la AND c.child = d.child WHERE d.ref > c.dod
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1103', 'assessments', 'error', NULL, NULL, 'Assessments', '{}'::text[],
   'Assessment started before the referral',
   'The assessment start date cannot be before the referral date',
   NULL,
   NULL,
   $chk$
SELECT 'Assessments' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('AssessmentActualStartDate %s is before CINreferralDate %s', a.st, d.ref) AS msg
  FROM c_ass a JOIN c_det d ON d.la = a.la AND d.child = a.child AND d.did = a.did
 WHERE a.st < d.ref
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8608', 'assessments', 'error', NULL, NULL, 'Assessments', '{}'::text[],
   'Assessment completed (authorised) before it started',
   'Assessment Start Date cannot be later than its End Date',
   NULL,
   NULL,
   $chk$
SELECT 'Assessments' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('AssessmentAuthorisationDate %s is before AssessmentActualStartDate %s', a.auth, a.st) AS msg
  FROM c_ass a WHERE a.auth < a.st
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8614', 'assessments', 'error', NULL, NULL, 'Assessments', '{}'::text[],
   'Factors given for an assessment not completed',
   'Parental or child factors at assessment should only be present for a completed assessment.',
   NULL,
   NULL,
   $chk$
SELECT 'Assessments' AS tbl, a.la, a.child, a.source_file, a.source_line,
       'factors given but no AssessmentAuthorisationDate' AS msg
  FROM c_ass a WHERE a.auth IS NULL
   AND EXISTS (SELECT 1 FROM c_fac f WHERE f.la = a.la AND f.child = a.child AND f.did = a.did AND f.aid = a.aid)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8670Q', 'assessments', 'query', NULL, NULL, 'Assessments', '{}'::text[],
   'Assessment not completed, started more than 45 working days before the reference date',
   'Please check and either amend data or provide a reason: Assessment started more than 45 working days before the end of the census year. However, there is no Assessment end date.',
   'Working days as careleaver.cin_working_days counts them (after the start, up to the reference date; England''s bank holidays)',
   NULL,
   $chk$
SELECT 'Assessments' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('started %s, %s working days before %s, and not completed', a.st, careleaver.cin_working_days(a.st, $3), $3) AS msg
  FROM c_ass a WHERE a.auth IS NULL AND a.st IS NOT NULL AND careleaver.cin_working_days(a.st, $3) > 45
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8696', 'assessments', 'error', NULL, NULL, 'Assessments', '{cin_assessments.AssessmentAuthorisationDate}'::text[],
   'Assessment completion (authorisation) date outside the collection year',
   'Assessment end date must fall within the census year',
   NULL,
   NULL,
   $chk$
SELECT 'Assessments' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('AssessmentAuthorisationDate %s is outside %s to %s', a.auth, $2, $3) AS msg
  FROM c_ass a WHERE a.auth < $2 OR a.auth > $3
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8736', 'assessments', 'error', NULL, NULL, 'Assessments', '{cin_assessments.AssessmentActualStartDate}'::text[],
   'Assessment not completed whose start is outside the collection year',
   'For an Assessment that has not been completed, the start date must fall within the census year',
   NULL,
   NULL,
   $chk$
SELECT 'Assessments' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('not completed, started %s, outside %s to %s', a.st, $2, $3) AS msg
  FROM c_ass a WHERE a.auth IS NULL AND (a.st < $2 OR a.st > $3)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8863Q', 'assessments', 'query', NULL, NULL, 'Assessments', '{}'::text[],
   'An assessment starts while another assessment of the episode is going on',
   'An Assessment is shown as starting when there is another Assessment ongoing.',
   'Two assessments with the same dates are left to rule 8896 or counted as one, as the public validator does',
   NULL,
   $chk$
SELECT 'Assessments' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('starts %s while the assessment started %s is going on', a.st, o.st) AS msg
  FROM c_ass a JOIN c_ass o ON o.la = a.la AND o.child = a.child AND o.did = a.did
   AND (o.source_file, o.source_line) <> (a.source_file, a.source_line)
 WHERE a.st >= o.st AND a.st <= coalesce(o.auth, $3)
   AND NOT (a.st = o.st AND a.auth IS NOT DISTINCT FROM o.auth)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8869', 'assessments', 'error', NULL, NULL, 'Assessments', '{}'::text[],
   'Factor 21 (no factors identified) given with other factors',
   'The assessment factors code “21” cannot be used in conjunction with any other assessment factors.',
   NULL,
   NULL,
   $chk$
SELECT 'Assessments' AS tbl, f.la, f.child, f.source_file, f.source_line,
       'factor 21 (no factors identified) given with other factors' AS msg
  FROM c_fac f WHERE f.factor = '21'
   AND EXISTS (SELECT 1 FROM c_fac g WHERE g.la = f.la AND g.child = f.child AND g.did = f.did AND g.aid = f.aid
                  AND g.factor IS DISTINCT FROM '21')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8873Q', 'assessments', 'query', NULL, NULL, 'Assessments', '{}'::text[],
   'The episode''s one assessment found no factors (21) but it closed with a reason other than RC8 or RC9',
   'Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code “21 No factors identified” has been used for the completed assessment, the reason for closure ‘RC8’ or ''RC9'' should be used.',
   'Only episodes that closed: an episode still open has no reason for closure yet',
   NULL,
   $chk$
SELECT 'Assessments' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('the only assessment found no factors (21) but the episode closed with %s', d.rfc) AS msg
  FROM c_ass a JOIN c_det d ON d.la = a.la AND d.child = a.child AND d.did = a.did
 WHERE d.rfc IS NOT NULL AND d.rfc NOT IN ('RC8', 'RC9')
   AND EXISTS (SELECT 1 FROM c_fac f WHERE f.la = a.la AND f.child = a.child AND f.did = a.did AND f.aid = a.aid AND f.factor = '21')
   AND NOT EXISTS (SELECT 1 FROM c_ass o WHERE o.la = a.la AND o.child = a.child AND o.did = a.did
                      AND (o.source_file, o.source_line) <> (a.source_file, a.source_line))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8896', 'assessments', 'error', NULL, NULL, 'Assessments', '{}'::text[],
   'More than one assessment of an episode not completed',
   'Within one CINDetails group there are 2 or more open Assessments groups',
   NULL,
   NULL,
   $chk$
SELECT 'Assessments' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('one of %s assessments of the episode without AssessmentAuthorisationDate', a.n) AS msg
  FROM (SELECT x.*, count(*) OVER (PARTITION BY x.la, x.child, x.did) AS n FROM c_ass x WHERE x.auth IS NULL) a WHERE a.n > 1
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8897Q', 'assessments', 'query', NULL, NULL, 'Assessments', '{cin_factors.AssessmentFactors}'::text[],
   'Assessment completed in the year with no factors given',
   'Parental or child factors at assessment information is missing from a completed assessment',
   NULL,
   NULL,
   $chk$
SELECT 'Assessments' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('completed %s but no AssessmentFactors given', a.auth) AS msg
  FROM c_ass a WHERE a.auth >= $2
   AND NOT EXISTS (SELECT 1 FROM c_fac f WHERE f.la = a.la AND f.child = a.child AND f.did = a.did AND f.aid = a.aid
                      AND f.factor IS NOT NULL)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8898', 'assessments', 'error', NULL, NULL, 'Assessments', '{}'::text[],
   'The same factor code twice for an assessment',
   'The assessment has more than one parental or child factors with the same code',
   NULL,
   NULL,
   $chk$
SELECT 'Assessments' AS tbl, f.la, f.child, f.source_file, f.source_line,
       format('factor %s given %s times', f.factor, f.n) AS msg
  FROM (SELECT x.*, count(*) OVER (PARTITION BY x.la, x.child, x.did, x.aid, x.factor) AS n FROM c_fac x WHERE x.factor IS NOT NULL) f
 WHERE f.n > 1
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8945Q', 'assessments', 'query', 2025, NULL, 'Assessments', '{}'::text[],
   'Factor 18A used (18B or 18C from 2024-25)',
   'Please check and either amend data or provide a reason: the assessment factors code ''18A'' should not be used (''18B'' or ''18C'' should be used instead)',
   NULL,
   NULL,
   $chk$
SELECT 'Assessments' AS tbl, f.la, f.child, f.source_file, f.source_line,
       'factor 18A: use 18B or 18C' AS msg
  FROM c_fac f WHERE f.factor = '18A'
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8950Q', 'assessments', 'query', 2025, NULL, 'Assessments', '{}'::text[],
   'Factor 19A used (19B or 19C from 2024-25)',
   'Please check and either amend data or provide a reason: the assessment factors code ''19A'' should not be used (''19B'' or ''19C'' should be used instead)',
   NULL,
   NULL,
   $chk$
SELECT 'Assessments' AS tbl, f.la, f.child, f.source_file, f.source_line,
       'factor 19A: use 19B or 19C' AS msg
  FROM c_fac f WHERE f.factor = '19A'
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('4000', 'CIN plans', 'error', NULL, NULL, 'CINplanDates', '{}'::text[],
   'A CIN plan for a referral with no further action',
   'CIN Plan details provided for a referral with no further action',
   NULL,
   NULL,
   $chk$
SELECT 'CINplanDates' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('CIN plan starting %s on a referral with no further action', p.st) AS msg
  FROM c_plan p JOIN c_det d ON d.la = p.la AND d.child = p.child AND d.did = p.did
 WHERE d.nfa
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('4001', 'CIN plans', 'error', NULL, NULL, 'CINplanDates', '{}'::text[],
   'An open CIN plan while a protection plan of the episode is open',
   'A CIN Plan cannot run concurrently with a Child Protection Plan',
   NULL,
   NULL,
   $chk$
SELECT 'CINplanDates' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('CIN plan starting %s is open while a protection plan of the episode is open', p.st) AS msg
  FROM c_plan p WHERE p.en IS NULL
   AND EXISTS (SELECT 1 FROM c_cpp c WHERE c.la = p.la AND c.child = p.child AND c.did = p.did AND c.en IS NULL)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('4003', 'CIN plans', 'error', NULL, NULL, 'Reviews', '{}'::text[],
   'A protection plan review falls within a CIN plan of the episode (other than on the plan''s end day)',
   'A CPP review date is shown as being held at the same time as an open CIN Plan.',
   NULL,
   NULL,
   $chk$
SELECT 'Reviews' AS tbl, r.la, r.child, r.source_file, r.source_line,
       format('review on %s falls within the CIN plan starting %s', r.rd, p.st) AS msg
  FROM c_rev r JOIN c_plan p ON p.la = r.la AND p.child = r.child AND p.did = r.did
  LEFT JOIN c_cpp c ON c.la = r.la AND c.child = r.child AND c.did = r.did AND c.cppid = r.cppid
 WHERE r.rd >= p.st AND r.rd <= coalesce(p.en, $3) AND r.rd IS DISTINCT FROM c.en
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('4004', 'CIN plans', 'error', NULL, NULL, 'CINplanDates', '{}'::text[],
   'More than one open CIN plan for a child',
   'This child is showing more than one open CIN Plan, i.e. with no End Date',
   'Counted per child, as DfE''s message says (the public validator counts per CIN episode)',
   NULL,
   $chk$
SELECT 'CINplanDates' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('one of %s open CIN plans of the child', p.n) AS msg
  FROM (SELECT x.*, count(*) OVER (PARTITION BY x.la, x.child) AS n FROM c_plan x WHERE x.en IS NULL) p WHERE p.n > 1
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('4008', 'CIN plans', 'error', NULL, NULL, 'CINplanDates', '{}'::text[],
   'CIN plan started after the child''s death',
   'CIN Plan shown as starting after the child’s Date of Death.',
   NULL,
   NULL,
   $chk$
SELECT 'CINplanDates' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('CINPlanStartDate %s is after PersonDeathDate %s', p.st, c.dod) AS msg
  FROM c_plan p JOIN c_kid c ON c.la = p.la AND c.child = p.child
 WHERE p.st > c.dod
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('4009Q', 'CIN plans', 'query', NULL, NULL, 'CINplanDates', '{}'::text[],
   'CIN plan ended after the child''s death',
   'CIN Plan cannot end after the child’s Date of Death',
   NULL,
   NULL,
   $chk$
SELECT 'CINplanDates' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('CINPlanEndDate %s is after PersonDeathDate %s', p.en, c.dod) AS msg
  FROM c_plan p JOIN c_kid c ON c.la = p.la AND c.child = p.child
 WHERE p.en > c.dod
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('4010', 'CIN plans', 'error', NULL, NULL, 'CINplanDates', '{cin_plans.CINPlanStartDate}'::text[],
   'CIN plan start blank or after the reference date',
   'CIN Plan start date is missing or out of data collection period',
   NULL,
   NULL,
   $chk$
SELECT 'CINplanDates' AS tbl, p.la, p.child, p.source_file, p.source_line,
       CASE WHEN p.st IS NULL THEN 'CINPlanStartDate is blank' ELSE format('CINPlanStartDate %s is after the reference date %s', p.st, $3) END AS msg
  FROM c_plan p WHERE p.st IS NULL OR p.st > $3
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('4011', 'CIN plans', 'error', NULL, NULL, 'CINplanDates', '{}'::text[],
   'CIN plan ends before it starts',
   'CIN Plan End Date earlier than Start Date',
   NULL,
   NULL,
   $chk$
SELECT 'CINplanDates' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('CINPlanEndDate %s is before CINPlanStartDate %s', p.en, p.st) AS msg
  FROM c_plan p WHERE p.en < p.st
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('4012Q', 'CIN plans', 'query', NULL, NULL, 'CINplanDates', '{}'::text[],
   'CIN plan starts and ends on the same day',
   'Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day',
   NULL,
   NULL,
   $chk$
SELECT 'CINplanDates' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('CIN plan starts and ends on %s', p.st) AS msg
  FROM c_plan p WHERE p.en = p.st
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('4013', 'CIN plans', 'error', NULL, NULL, 'CINplanDates', '{cin_plans.CINPlanEndDate}'::text[],
   'CIN plan end outside the collection year',
   'CIN Plan end date must fall within the census year',
   NULL,
   NULL,
   $chk$
SELECT 'CINplanDates' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('CINPlanEndDate %s is outside %s to %s', p.en, $2, $3) AS msg
  FROM c_plan p WHERE p.en < $2 OR p.en > $3
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('4014', 'CIN plans', 'error', NULL, NULL, 'CINplanDates', '{}'::text[],
   'CIN plans of a child overlap: one starts within another (start to end, or to the reference date when open)',
   'CIN Plan data contains overlapping dates',
   NULL,
   NULL,
   $chk$
SELECT 'CINplanDates' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('CIN plan starting %s starts within the plan starting %s', p.st, o.st) AS msg
  FROM c_plan p JOIN c_plan o ON o.la = p.la AND o.child = p.child
   AND (o.source_file, o.source_line) <> (p.source_file, p.source_line)
 WHERE p.st >= o.st AND p.st <= coalesce(o.en, $3)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('4015', 'CIN plans', 'error', NULL, NULL, 'CINplanDates', '{}'::text[],
   'CIN plan started before the referral',
   'The CIN Plan start date cannot be before the referral date',
   NULL,
   NULL,
   $chk$
SELECT 'CINplanDates' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('CINPlanStartDate %s is before CINreferralDate %s', p.st, d.ref) AS msg
  FROM c_plan p JOIN c_det d ON d.la = p.la AND d.child = p.child AND d.did = p.did
 WHERE p.st < d.ref
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('4016', 'CIN plans', 'error', NULL, NULL, 'CINplanDates', '{}'::text[],
   'A CIN plan starts while a protection plan of the child is open (other than on its end day)',
   'A CIN Plan has been reported as open at the same time as a Child Protection Plan.',
   NULL,
   NULL,
   $chk$
SELECT 'CINplanDates' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('CIN plan starting %s starts within the protection plan starting %s', p.st, c.st) AS msg
  FROM c_plan p JOIN c_cpp c ON c.la = p.la AND c.child = p.child
 WHERE p.st >= c.st AND p.st <= coalesce(c.en, $3) AND p.st IS DISTINCT FROM c.en
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('4017', 'CIN plans', 'error', NULL, NULL, 'ChildProtectionPlans', '{}'::text[],
   'A protection plan starts while a CIN plan of the child is open (other than on its end day)',
   'A CIN Plan has been reported as open at the same time as a Child Protection Plan.',
   'The protection plan row is flagged: its start is the date in question',
   NULL,
   $chk$
SELECT 'ChildProtectionPlans' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('protection plan starting %s starts within the CIN plan starting %s', c.st, p.st) AS msg
  FROM c_cpp c JOIN c_plan p ON p.la = c.la AND p.child = c.child
 WHERE c.st >= p.st AND c.st <= coalesce(p.en, $3) AND c.st IS DISTINCT FROM p.en
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1104', 'section 47', 'error', NULL, NULL, 'Section47', '{}'::text[],
   'Initial conference before the referral',
   'The date of the initial child protection conference cannot be before the referral date',
   NULL,
   NULL,
   $chk$
SELECT 'Section47' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('DateOfInitialCPC %s is before CINreferralDate %s', s.icpc, d.ref) AS msg
  FROM c_s47 s JOIN c_det d ON d.la = s.la AND d.child = s.child AND d.did = s.did
 WHERE s.icpc < d.ref
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('2889', 'section 47', 'error', NULL, NULL, 'Section47', '{}'::text[],
   'Section 47 enquiry started before the referral',
   'The S47 start date cannot be before the referral date.',
   NULL,
   NULL,
   $chk$
SELECT 'Section47' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('S47ActualStartDate %s is before CINreferralDate %s', s.st, d.ref) AS msg
  FROM c_s47 s JOIN c_det d ON d.la = s.la AND d.child = s.child AND d.did = s.did
 WHERE s.st < d.ref
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8615', 'section 47', 'error', NULL, NULL, 'Section47', '{cin_section47.S47ActualStartDate}'::text[],
   'Initial conference given but the enquiry''s start is blank or later',
   'Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference',
   NULL,
   NULL,
   $chk$
SELECT 'Section47' AS tbl, s.la, s.child, s.source_file, s.source_line,
       CASE WHEN s.st IS NULL THEN format('DateOfInitialCPC %s but S47ActualStartDate is blank', s.icpc) ELSE format('S47ActualStartDate %s is after DateOfInitialCPC %s', s.st, s.icpc) END AS msg
  FROM c_s47 s WHERE s.icpc IS NOT NULL AND (s.st IS NULL OR s.st > s.icpc)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8675Q', 'section 47', 'query', NULL, NULL, 'Section47', '{}'::text[],
   'Enquiry with no initial conference (and one required) started more than 15 working days before the reference date',
   'Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working days before the end of the census year. However, there is no date of Initial Child Protection Conference.',
   'Working days as careleaver.cin_working_days counts them; a blank ICPCnotRequired counts as false',
   NULL,
   $chk$
SELECT 'Section47' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('started %s, %s working days before %s, and no DateOfInitialCPC', s.st, careleaver.cin_working_days(s.st, $3), $3) AS msg
  FROM c_s47 s WHERE s.icpc IS NULL AND s.notreq IS NOT TRUE AND s.st IS NOT NULL
   AND careleaver.cin_working_days(s.st, $3) > 15
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8715', 'section 47', 'error', NULL, NULL, 'Section47', '{cin_section47.DateOfInitialCPC,cin_details.DateOfInitialCPC}'::text[],
   'Initial conference date outside the collection year',
   'Date of Initial Child Protection Conference must fall within the census year',
   NULL,
   NULL,
   $chk$
SELECT 'Section47' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('DateOfInitialCPC %s is outside %s to %s', s.icpc, $2, $3) AS msg
  FROM c_s47 s WHERE s.icpc < $2 OR s.icpc > $3
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8740', 'section 47', 'error', NULL, NULL, 'Section47', '{}'::text[],
   'Enquiry with no initial conference (and one required) whose start is outside the collection year',
   'For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year',
   NULL,
   NULL,
   $chk$
SELECT 'Section47' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('no initial conference, started %s, outside %s to %s', s.st, $2, $3) AS msg
  FROM c_s47 s WHERE s.icpc IS NULL AND s.notreq IS NOT TRUE AND (s.st < $2 OR s.st > $3)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8839', 'section 47', 'error', NULL, NULL, 'Section47', '{}'::text[],
   'More than one open section 47 enquiry (no initial conference, one required) in an episode',
   'Within one CINDetails group there are 2 or more open S47 Assessments',
   NULL,
   NULL,
   $chk$
SELECT 'Section47' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('one of %s open section 47 enquiries of the episode', s.n) AS msg
  FROM (SELECT x.*, count(*) OVER (PARTITION BY x.la, x.child, x.did) AS n FROM c_s47 x
         WHERE x.icpc IS NULL AND x.notreq IS NOT TRUE) s WHERE s.n > 1
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8870Q', 'section 47', 'query', NULL, NULL, 'Section47', '{cin_section47.InitialCPCtarget}'::text[],
   'Target date of the initial conference on a Saturday or Sunday',
   'Please check and either amend or provide a reason: The Target Date for Initial Child Protection Conference should not be a weekend',
   NULL,
   NULL,
   $chk$
SELECT 'Section47' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('InitialCPCtarget %s is a %s', s.target, to_char(s.target, 'FMDay')) AS msg
  FROM c_s47 s WHERE extract(isodow FROM s.target) IN (6, 7)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8875', 'section 47', 'error', NULL, NULL, 'Section47', '{}'::text[],
   'Initial conference on a Saturday or Sunday (enquiry or CIN details)',
   'The Date of Initial Child Protection Conference cannot be a weekend',
   NULL,
   NULL,
   $chk$
SELECT 'Section47' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('DateOfInitialCPC %s is a %s', s.icpc, to_char(s.icpc, 'FMDay')) AS msg
  FROM c_s47 s WHERE extract(isodow FROM s.icpc) IN (6, 7)
UNION ALL
SELECT 'CINdetails' AS tbl, d.la, d.child, d.source_file, d.source_line,
       format('DateOfInitialCPC %s is a %s', d.icpc, to_char(d.icpc, 'FMDay')) AS msg
  FROM c_det d WHERE extract(isodow FROM d.icpc) IN (6, 7)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8890', 'section 47', 'error', NULL, NULL, 'Section47', '{}'::text[],
   'A section 47 enquiry starts while another of the episode is going on',
   'A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing',
   'An enquiry with ICPC not required and no conference is not going on; two enquiries with the same dates are left to rule 8839',
   NULL,
   $chk$
SELECT 'Section47' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('enquiry starting %s starts while the enquiry started %s is going on', s.st, o.st) AS msg
  FROM c_s47 s JOIN c_s47 o ON o.la = s.la AND o.child = s.child AND o.did = s.did
   AND (o.source_file, o.source_line) <> (s.source_file, s.source_line)
 WHERE s.st >= o.st AND s.st <= coalesce(o.icpc, CASE WHEN o.notreq IS NOT TRUE THEN $3 END)
   AND NOT (s.st = o.st AND s.icpc IS NOT DISTINCT FROM o.icpc)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1105', 'protection plans', 'error', NULL, NULL, 'ChildProtectionPlans', '{}'::text[],
   'Protection plan started before the referral',
   'The child protection plan start date cannot be before the referral date',
   NULL,
   NULL,
   $chk$
SELECT 'ChildProtectionPlans' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('CPPstartDate %s is before CINreferralDate %s', c.st, d.ref) AS msg
  FROM c_cpp c JOIN c_det d ON d.la = c.la AND d.child = c.child AND d.did = c.did
 WHERE c.st < d.ref
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('2885', 'protection plans', 'error', NULL, NULL, 'ChildProtectionPlans', '{}'::text[],
   'Protection plan starting in the year on a day that is not the episode''s initial conference',
   'Child protection plan shown as starting a different day to the initial child protection conference.',
   'The conference is the section 47 enquiry''s (enquiries marked ICPC not required aside), else the CIN details''',
   NULL,
   $chk$
SELECT 'ChildProtectionPlans' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('CPPstartDate %s is not the date of an initial conference of the episode', c.st) AS msg
  FROM c_cpp c JOIN c_det d ON d.la = c.la AND d.child = c.child AND d.did = c.did
 WHERE c.st BETWEEN $2 AND $3
   AND CASE WHEN EXISTS (SELECT 1 FROM c_s47 s WHERE s.la = c.la AND s.child = c.child AND s.did = c.did AND s.notreq IS NOT TRUE)
            THEN NOT EXISTS (SELECT 1 FROM c_s47 s WHERE s.la = c.la AND s.child = c.child AND s.did = c.did
                                AND s.notreq IS NOT TRUE AND s.icpc = c.st)
            ELSE d.icpc IS DISTINCT FROM c.st END
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8720', 'protection plans', 'error', NULL, NULL, 'ChildProtectionPlans', '{cin_cp_plans.CPPstartDate}'::text[],
   'Protection plan start blank or after the reference date',
   'Child Protection Plan Start Date missing or out of data collection period',
   NULL,
   NULL,
   $chk$
SELECT 'ChildProtectionPlans' AS tbl, c.la, c.child, c.source_file, c.source_line,
       CASE WHEN c.st IS NULL THEN 'CPPstartDate is blank' ELSE format('CPPstartDate %s is after the reference date %s', c.st, $3) END AS msg
  FROM c_cpp c WHERE c.st IS NULL OR c.st > $3
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8730', 'protection plans', 'error', NULL, NULL, 'ChildProtectionPlans', '{cin_cp_plans.NumberOfPreviousCPP}'::text[],
   'Number of previous protection plans blank',
   'Total Number of previous Child Protection Plans missing',
   NULL,
   NULL,
   $chk$
SELECT 'ChildProtectionPlans' AS tbl, c.la, c.child, c.source_file, c.source_line,
       'NumberOfPreviousCPP is blank' AS msg
  FROM c_cpp c WHERE c.prev IS NULL OR c.prev < 0
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8832', 'protection plans', 'error', NULL, NULL, 'ChildProtectionPlans', '{}'::text[],
   'A protection plan on a referral with no further action',
   'Child Protection details provided for a referral with no further action.',
   NULL,
   NULL,
   $chk$
SELECT 'ChildProtectionPlans' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('protection plan starting %s on a referral with no further action', c.st) AS msg
  FROM c_cpp c JOIN c_det d ON d.la = c.la AND d.child = c.child AND d.did = c.did
 WHERE d.nfa
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8840', 'protection plans', 'error', NULL, NULL, 'ChildProtectionPlans', '{}'::text[],
   'Protection plan starts and ends on the same day',
   'Child Protection Plan cannot start and end on the same day',
   NULL,
   NULL,
   $chk$
SELECT 'ChildProtectionPlans' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('protection plan starts and ends on %s', c.st) AS msg
  FROM c_cpp c WHERE c.en = c.st
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8841', 'protection plans', 'error', NULL, NULL, 'Reviews', '{}'::text[],
   'A review on or before the protection plan''s start',
   'The review date cannot be on the same day or before the Child protection Plan start date.',
   'The review row is flagged',
   NULL,
   $chk$
SELECT 'Reviews' AS tbl, r.la, r.child, r.source_file, r.source_line,
       format('CPPreviewDate %s is not after CPPstartDate %s', r.rd, c.st) AS msg
  FROM c_rev r JOIN c_cpp c ON c.la = r.la AND c.child = r.child AND c.did = r.did AND c.cppid = r.cppid
 WHERE r.rd <= c.st
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8842Q', 'protection plans', 'query', NULL, NULL, 'Reviews', '{cin_cpp_reviews.CPPreviewDate}'::text[],
   'A review with no date',
   'Please check and either amend or provide a reason: Review Record has a missing date',
   NULL,
   NULL,
   $chk$
SELECT 'Reviews' AS tbl, r.la, r.child, r.source_file, r.source_line,
       'CPPreviewDate is blank' AS msg
  FROM c_rev r WHERE r.rd IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8905', 'protection plans', 'error', NULL, NULL, 'ChildProtectionPlans', '{cin_cp_plans.InitialCategoryOfAbuse}'::text[],
   'Initial category of abuse blank or not a DfE code',
   'Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)',
   NULL,
   NULL,
   $chk$
SELECT 'ChildProtectionPlans' AS tbl, c.la, c.child, c.source_file, c.source_line,
       'InitialCategoryOfAbuse is blank' AS msg
  FROM c_cpp c WHERE c.init IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8910', 'protection plans', 'error', NULL, NULL, 'ChildProtectionPlans', '{cin_cp_plans.LatestCategoryOfAbuse}'::text[],
   'Latest category of abuse blank or not a DfE code',
   'Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)',
   NULL,
   NULL,
   $chk$
SELECT 'ChildProtectionPlans' AS tbl, c.la, c.child, c.source_file, c.source_line,
       'LatestCategoryOfAbuse is blank' AS msg
  FROM c_cpp c WHERE c.latest IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8915', 'protection plans', 'error', NULL, NULL, 'ChildProtectionPlans', '{}'::text[],
   'Protection plan started after the child''s death',
   'Child Protection Plan shown as starting after the child’s Date of Death',
   NULL,
   NULL,
   $chk$
SELECT 'ChildProtectionPlans' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('CPPstartDate %s is after PersonDeathDate %s', c.st, k.dod) AS msg
  FROM c_cpp c JOIN c_kid k ON k.la = c.la AND k.child = c.child
 WHERE c.st > k.dod
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8920', 'protection plans', 'error', NULL, NULL, 'ChildProtectionPlans', '{}'::text[],
   'Protection plan ended after the child''s death',
   'Child Protection Plan cannot end after the child’s Date of Death',
   NULL,
   NULL,
   $chk$
SELECT 'ChildProtectionPlans' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('CPPendDate %s is after PersonDeathDate %s', c.en, k.dod) AS msg
  FROM c_cpp c JOIN c_kid k ON k.la = c.la AND k.child = c.child
 WHERE c.en > k.dod
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8925', 'protection plans', 'error', NULL, NULL, 'ChildProtectionPlans', '{}'::text[],
   'Protection plan ends before it starts',
   'Child Protection Plan End Date earlier than Start Date',
   NULL,
   NULL,
   $chk$
SELECT 'ChildProtectionPlans' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('CPPendDate %s is before CPPstartDate %s', c.en, c.st) AS msg
  FROM c_cpp c WHERE c.en < c.st
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8930', 'protection plans', 'error', NULL, NULL, 'ChildProtectionPlans', '{cin_cp_plans.CPPendDate}'::text[],
   'Protection plan end outside the collection year',
   'Child Protection Plan End Date must fall within the census year',
   NULL,
   NULL,
   $chk$
SELECT 'ChildProtectionPlans' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('CPPendDate %s is outside %s to %s', c.en, $2, $3) AS msg
  FROM c_cpp c WHERE c.en < $2 OR c.en > $3
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8935', 'protection plans', 'error', NULL, NULL, 'ChildProtectionPlans', '{}'::text[],
   'More than one open protection plan for a child',
   'This child is showing more than one open Child Protection plan, i.e. with no End Date',
   'Counted per child, as DfE''s rule reads',
   NULL,
   $chk$
SELECT 'ChildProtectionPlans' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('one of %s open protection plans of the child', c.n) AS msg
  FROM (SELECT x.*, count(*) OVER (PARTITION BY x.la, x.child) AS n FROM c_cpp x WHERE x.en IS NULL) c WHERE c.n > 1
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('8940', 'protection plans', 'error', NULL, NULL, 'ChildProtectionPlans', '{}'::text[],
   'Protection plans of a child overlap: one starts within another (start to end, or to the reference date when open)',
   'Child Protection Plan data contains overlapping dates',
   NULL,
   NULL,
   $chk$
SELECT 'ChildProtectionPlans' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('protection plan starting %s starts within the plan starting %s', c.st, o.st) AS msg
  FROM c_cpp c JOIN c_cpp o ON o.la = c.la AND o.child = c.child
   AND (o.source_file, o.source_line) <> (c.source_file, c.source_line)
 WHERE c.st >= o.st AND c.st <= coalesce(o.en, $3)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

INSERT INTO careleaver.cin_validation_rules (rule_code, family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
VALUES ('LOAD', 'loader', 'error', NULL, NULL, 'any', '{}'::text[],
   'A row the loader skipped (careleaver-load --skip-bad-rows) for a value no DfE CIN rule of the year covers',
   '(not a DfE rule) The loader could not read this value, and no DfE rule of the year covers it: correct the value and load the return again.',
   'careleaver''s own code: every value the loader refuses reaches validate_cin; those a DfE rule covers (refusals) are reported under that rule',
   NULL,
   $chk$
SELECT f.tbl, f.la, f.child, f.source_file, f.source_line,
       format('%s %s refused by the loader: %s', f.column_name, coalesce(f.value, 'blank'), f.reason) AS msg
  FROM refused f
 WHERE NOT EXISTS (SELECT 1 FROM careleaver.cin_validation_rules v
                    WHERE f.module || '.' || f.column_name = ANY (v.refusals)
                      AND (v.since_year IS NULL OR v.since_year <= $1)
                      AND (v.until_year IS NULL OR v.until_year >= $1))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, severity, since_year, until_year, module, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.severity, excluded.since_year, excluded.until_year, excluded.module, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
