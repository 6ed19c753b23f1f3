-- Validation of an annual return against the DfE rules for episode timelines
-- and care leavers (doc/validation.md).  The rules run as set-based SQL over
-- the <dataset>.return_* tables created by careleaver.create_dataset; every
-- rule keeps the DfE rule code an analyst already knows, and every message is
-- in our own words.

-- ---------------------------------------------------------------------------
-- The rule catalogue.

CREATE VIEW careleaver.validation_rules AS
SELECT v.rule_code, v.family, v.description, v.since_year, v.module
  FROM (VALUES
    -- Episodes within one return
    ('142',  'episode timeline', 'A new episode started but the episode before it has no end date or no reason ended', NULL::integer, 'Episodes'),
    ('353',  'episode timeline', 'Episode started before 14 October 1991', NULL, 'Episodes'),
    ('354',  'episode timeline', 'Episode starts after the end of the collection year', NULL, 'Episodes'),
    ('355',  'episode timeline', 'Episode lasted less than 24 hours (ended on the day it started)', NULL, 'Episodes'),
    ('356',  'episode timeline', 'Episode ended before it started', NULL, 'Episodes'),
    ('357',  'episode timeline', 'First episode ever recorded for the child is not coded as starting to be looked after (RNE S)', NULL, 'Episodes'),
    ('385',  'episode timeline', 'Episode ends after the end of the collection year', NULL, 'Episodes'),
    ('388',  'episode timeline', 'Episode ended with X1 (new episode the same day) but no episode starts on that day', NULL, 'Episodes'),
    ('431',  'episode timeline', 'Episode coded as a new period of care (RNE S) although the previous episode ended the same day', NULL, 'Episodes'),
    ('432',  'episode timeline', 'Previous episode ended care (REC other than X1) but this episode is not coded as a new period of care', NULL, 'Episodes'),
    ('433',  'episode timeline', 'Continuation episode does not start on the day the previous episode ended', NULL, 'Episodes'),
    ('434',  'episode timeline', 'RNE L (legal status change only) but the legal status is unchanged or the placement changed', NULL, 'Episodes'),
    ('435',  'episode timeline', 'RNE P or T (placement change only) but the legal status changed or the placement did not', NULL, 'Episodes'),
    ('436',  'episode timeline', 'RNE B or U (legal status and placement change) but one of them did not change', NULL, 'Episodes'),
    ('437',  'episode timeline', 'Episode ended because the child died (E2) or was assessed as 18 or over (E15), yet later episodes follow', NULL, 'Episodes'),
    ('501',  'episode timeline', 'Episode starts before the previous episode ended', NULL, 'Episodes'),
    ('504',  'episode timeline', 'Category of need differs from the one at the start of the period of care', NULL, 'Episodes'),
    -- Across years
    ('502',  'across years', 'Last year''s open episode and this year''s first episode start on different dates', NULL, 'Episodes'),
    ('503A', 'across years', 'First episode differs from last year''s open episode in the reason for new episode (RNE)', NULL, 'Episodes'),
    ('503B', 'across years', 'First episode differs from last year''s open episode in legal status (LS)', NULL, 'Episodes'),
    ('503C', 'across years', 'First episode differs from last year''s open episode in category of need (CIN)', NULL, 'Episodes'),
    ('503D', 'across years', 'First episode differs from last year''s open episode in placement type (PLACE)', NULL, 'Episodes'),
    ('503E', 'across years', 'First episode differs from last year''s open episode in placement provider', NULL, 'Episodes'),
    ('503F', 'across years', 'First episode differs from last year''s open episode in the URN of the placement', NULL, 'Episodes'),
    ('562',  'across years', 'Episode started before this collection year but last year''s return has no episode starting that day', NULL, 'Episodes'),
    -- Legal status, short breaks, temporary placements
    ('361',  'legal status and short breaks', 'Police protection (L1) lasted more than 72 hours', NULL, 'Episodes'),
    ('362',  'legal status and short breaks', 'Emergency protection order (L2) lasted more than 21 days', NULL, 'Episodes'),
    ('363',  'legal status and short breaks', 'Child assessment order (L3) lasted more than 7 days', NULL, 'Episodes'),
    ('365',  'legal status and short breaks', 'A single short break (V3) lasted more than 17 days', NULL, 'Episodes'),
    ('367',  'legal status and short breaks', 'Short breaks (V3) add up to more than 75 days in the collection year', NULL, 'Episodes'),
    ('380',  'legal status and short breaks', 'A period of care starts in a temporary placement (T0-T4)', NULL, 'Episodes'),
    ('381',  'legal status and short breaks', 'A period of care ends in a temporary placement (T0-T4)', NULL, 'Episodes'),
    -- Age at cessation
    ('386',  'age at cessation', 'Adopted (E11, E12) on or after the 18th birthday', NULL, 'Episodes'),
    ('387',  'age at cessation', 'Moved to independent living (E5, E6) before the 14th birthday', NULL, 'Episodes'),
    ('389',  'age at cessation', 'Transferred to adult social care (E7) before the 16th birthday', NULL, 'Episodes'),
    ('407',  'age at cessation', 'Special guardianship order (E45-E48) on or after the 18th birthday', NULL, 'Episodes'),
    ('460',  'age at cessation', 'Stayed with carers at 18 or over (E17) before the 18th birthday', NULL, 'Episodes'),
    -- Care leavers (OC3)
    ('131',  'care leavers', 'IN_TOUCH is not a code valid in the collection year', NULL, 'OC3'),
    ('132',  'care leavers', 'ACTIV is not a code valid in the collection year', NULL, 'OC3'),
    ('133',  'care leavers', 'ACCOM is not a code valid in the collection year', NULL, 'OC3'),
    ('153',  'care leavers', 'IN_TOUCH, ACTIV and ACCOM must be all given or all blank', NULL, 'OC3'),
    ('344',  'care leavers', 'Young person died or returned home (DIED, RHOM) but ACTIV or ACCOM is not 0', NULL, 'OC3'),
    ('345',  'care leavers', 'Young person in touch (YES) but ACTIV or ACCOM is 0', NULL, 'OC3'),
    ('347',  'care leavers', 'Foyer accommodation (ACCOM T1, T2) for a young person under 18', 2024, 'OC3'),
    ('391',  'care leavers', 'Care-leaver information for a young person under 17 at the end of the year', NULL, 'OC3'),
    ('1000', 'care leavers', 'Care-leaver information for a child who died in care (final REC E2)', NULL, 'OC3'),
    ('1001', 'care leavers', 'Care-leaver information for a young person who is not a relevant or former relevant child, or was adopted', NULL, 'OC3'),
    ('1002', 'care leavers', 'Care-leaver information for a young person with no episodes of care in the dataset', NULL, 'OC3'),
    ('1007', 'care leavers', 'Care-leaver information for a 17 or 18 year old still looked after on the birthday', NULL, 'OC3'),
    ('1010', 'care leavers', 'Care-leaver information, no episodes this year, although last year''s return left the child looked after', NULL, 'OC3'),
    ('1011', 'care leavers', 'Care-leaver information although care was taken over by another authority (final REC E3)', NULL, 'OC3'),
    ('444',  'header', 'The same UPN (other than UN1-UN5) is given for more than one child in the return', 2026, 'Header'),
    ('1012', 'care leavers', 'Information in another module (OC2, AD1, placed for adoption, previous permanence, missing, reviews) for a child with no episodes in the year', NULL, 'OC2, AD1, PlacedAdoption, PrevPerm, Missing, Reviews'),
    ('1014', 'care leavers', 'UASC information for a care leaver who was not looked after in the year', NULL, 'OC3, UASC'),
    ('1016', 'care leavers', 'Care-leaver information for a 17 or 18 year old looked after on the birthday whose care ended after it in the year', 2024, 'OC3'),
    ('3001', 'care leavers', 'With former foster carers (ACCOM Z1, Z2) in the year of the 17th birthday', NULL, 'OC3'),
    -- Codes and dates of other fields and modules
    ('1003', 'other modules', 'Decision to place for adoption dated before the child first started to be looked after (RNE S)', NULL, 'PlacedAdoption'),
    ('1004', 'other modules', 'Start of a missing or away episode (MIS_START) is blank or not a date', NULL, 'Missing'),
    ('1005', 'other modules', 'End of a missing or away episode (MIS_END) is given but is not a date', NULL, 'Missing'),
    ('1006', 'other modules', 'MISSING is neither M (missing) nor A (away without authorisation)', NULL, 'Missing'),
    ('1008', 'other modules', 'URN is not an Ofsted URN (6 or 7 digits, or SC and 6 digits) nor the placeholder XXXXXXX', NULL, 'Episodes'),
    ('1009', 'other modules', 'REASON_PLACE_CHANGE is not a code valid in the collection year', NULL, 'Episodes')
  ) AS v(rule_code, family, description, since_year, module);

COMMENT ON VIEW careleaver.validation_rules IS
  'The DfE validation rules that careleaver.validate checks: code, family, description in our words, first collection year (doc/validation.md)';
COMMENT ON COLUMN careleaver.validation_rules.rule_code IS 'DfE rule code, as in the DfE validator (e.g. 142, 503A)';
COMMENT ON COLUMN careleaver.validation_rules.family IS 'Group of rules: episode timeline, across years, legal status and short breaks, age at cessation, care leavers, header, other modules';
COMMENT ON COLUMN careleaver.validation_rules.description IS 'What the rule checks, in our words';
COMMENT ON COLUMN careleaver.validation_rules.since_year IS 'First collection year (named by the year it ends) the rule applies to; NULL = every year';
COMMENT ON COLUMN careleaver.validation_rules.module IS 'Return module(s) whose rows the rule flags';

-- ---------------------------------------------------------------------------
-- Helpers that adapt the rule query to the column types of a dataset.

CREATE FUNCTION careleaver.validation_code_expr(schema_name text, table_name text, column_name text, alias text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  t regtype;
BEGIN
  SELECT a.atttypid::regtype INTO t
    FROM pg_attribute a
   WHERE a.attrelid = to_regclass(format('%I.%I', schema_name, table_name))
     AND a.attname = column_name AND a.attnum > 0 AND NOT a.attisdropped;
  IF t IS NULL THEN
    RETURN 'NULL::text';
  ELSIF t IN ('text'::regtype, 'character varying'::regtype, 'character'::regtype) THEN
    RETURN format('nullif(upper(btrim(%I.%I)), %L)', alias, column_name, '');
  ELSE
    RETURN format('(%I.%I)::text', alias, column_name);
  END IF;
END;
$fn$;

CREATE FUNCTION careleaver.validation_column_expr(schema_name text, table_name text, column_name text, alias text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_attribute a
              WHERE a.attrelid = to_regclass(format('%I.%I', schema_name, table_name))
                AND a.attname = column_name AND a.attnum > 0 AND NOT a.attisdropped) THEN
    RETURN format('%I.%I', alias, column_name);
  END IF;
  RETURN 'NULL::text';
END;
$fn$;

COMMENT ON FUNCTION careleaver.validation_column_expr(text, text, text, text) IS
  'SQL expression reading a column of a dataset table as stored, or NULL when the table lacks it';

COMMENT ON FUNCTION careleaver.validation_code_expr(text, text, text, text) IS
  'SQL expression reading a code column of a dataset table as canonical text (code types print their DfE spelling; text columns are trimmed and upper-cased)';

CREATE FUNCTION careleaver.validation_valid_expr(schema_name text, column_name text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  t regtype;
  c text;
BEGIN
  SELECT a.atttypid::regtype INTO t
    FROM pg_attribute a
   WHERE a.attrelid = to_regclass(format('%I.return_oc3', schema_name))
     AND a.attname = column_name AND a.attnum > 0 AND NOT a.attisdropped;
  -- A typed column: ask the code list itself.
  IF t IS NOT NULL AND t NOT IN ('text'::regtype, 'character varying'::regtype, 'character'::regtype)
     AND to_regprocedure(format('careleaver.valid_in_year(%s, integer)', t::text)) IS NOT NULL THEN
    RETURN format('careleaver.valid_in_year(o.%I, $1)', column_name);
  END IF;
  -- A text column (dataset built without the code types): the same lists, by name.
  c := careleaver.validation_code_expr(schema_name, 'return_oc3', column_name, 'o');
  RETURN CASE column_name
    WHEN 'in_touch' THEN format('careleaver.code_valid_in_year(%L, %s, $1)', 'contact_status', c)
    WHEN 'activ' THEN format('careleaver.code_valid_in_year(%L, %s, $1)', 'leaver_activity', c)
    WHEN 'accom' THEN format('careleaver.code_valid_in_year(%L, %s, $1)', 'leaver_accommodation', c)
    ELSE 'true' END;
END;
$fn$;

COMMENT ON FUNCTION careleaver.validation_valid_expr(text, text) IS
  'SQL expression telling whether the OC3 code in a column is valid in the collection year ($1): careleaver.valid_in_year for a typed column, careleaver.code_valid_in_year for a text column';

-- ---------------------------------------------------------------------------
-- validate

CREATE FUNCTION careleaver.validation_run(schema_name text, collection_year integer, only_la text)
RETURNS TABLE (out_rule_code text, out_table_name text, out_la text, out_child text, out_row_ref text, out_message text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
-- Every join of the rule query is an equality join on (la, child) between
-- sets of similar size whose sizes the planner cannot estimate through the
-- CTEs; a nested loop there is quadratic, so the query is planned without.
-- JIT compiling its hundreds of expressions costs far more than it saves.
SET enable_nestloop = off
SET jit = off
-- dates in messages are written ISO (2024-03-31) whatever the session's DateStyle
SET datestyle = 'ISO, YMD'
AS $fn$
DECLARE
  ds     text := schema_name;
  y      integer := collection_year;
  sql    text;
  -- expressions that read a code column as canonical text, whatever its type
  c_rne text; c_ls text; c_cin text; c_place text; c_prov text; c_rec text;
  c_touch text; c_activ text; c_accom text;
  v_touch text; v_activ text; v_accom text;
  rejects_sql text;
  mo record;
  r1012 text := '';
  -- 1003-1006, 1009: rules over other modules and over values the loader could not type
  r_more text := '';
  rj_more text;
  c_rpc text; v_rpc text; t_rpc regtype;
  have_return boolean;
  years_sql text;
  cover_sql text;
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);  -- never run another role's code (doc/dataset.md)
  IF ds IS NULL OR y IS NULL THEN
    RAISE EXCEPTION 'careleaver.validate needs a dataset schema and a collection year'
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF y < 1900 OR y > 2999 THEN
    RAISE EXCEPTION 'collection year % is out of range', y
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'A collection year is named by the year it ends: 2024 means 1 April 2023 to 31 March 2024.';
  END IF;
  IF to_regclass(format('%I.return_episodes', ds)) IS NULL
     OR to_regclass(format('%I.return_oc3', ds)) IS NULL THEN
    RAISE EXCEPTION 'schema "%" is not a careleaver dataset', ds
      USING ERRCODE = 'undefined_table',
            HINT = 'Create it with careleaver.create_dataset and load the returns first.';
  END IF;
  -- nothing to validate is not a pass: the return of the year must have been loaded (doc/validation.md)
  -- the loaded returns: the returns table (what careleaver-load records), and the years of the return rows
  -- (a dataset filled without the loader)
  years_sql := format('SELECT DISTINCT r.la, r.year FROM (%s) r WHERE r.origin = ''loaded''',
                      careleaver.dataset_returns_sql(ds));
  -- rows of any module of the return count (a return may hold only some modules)
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM (%s) r WHERE r.year = $1 AND ($2::text IS NULL OR r.la = $2))', years_sql)
          || (SELECT coalesce(string_agg(format(' OR EXISTS (SELECT 1 FROM %I.%I x WHERE x.year = $1 '
                                                'AND ($2::text IS NULL OR x.la = $2))', ds, t.tbl), ''), '')
                FROM (SELECT DISTINCT 'return_' || d.module AS tbl FROM careleaver.dataset_columns() d) t
               WHERE to_regclass(format('%I.%I', ds, t.tbl)) IS NOT NULL)
    INTO have_return USING y, only_la;
  IF NOT have_return THEN
    RAISE EXCEPTION '%', format('dataset "%s" has no loaded return for collection year %s%s', ds, y,
                                CASE WHEN only_la IS NULL THEN '' ELSE ' of council ' || only_la END)
      USING ERRCODE = 'no_data_found',
            DETAIL = 'careleaver.validate checks a loaded annual return; with none there is nothing to pass.',
            HINT = format('Load the %s return with scripts/careleaver-load --dataset %s%s --year %s.',
                          y, ds, CASE WHEN only_la IS NULL THEN '' ELSE ' --la ' || only_la END, y);
  END IF;
  -- where the loaded returns cover each council's history from (rules 1001, 1002): the first day of the
  -- unbroken run of returns recorded in the returns table that ends with this year; a council with no
  -- return recorded there (rows put in without the loader) is taken to hold its whole history
  cover_sql := format($q$
    SELECT r.la, careleaver.collection_year_start(min(r.year)) AS history_from
      FROM (SELECT x.la, x.year, x.year - row_number() OVER (PARTITION BY x.la ORDER BY x.year) AS run_no
              FROM (%s) x WHERE x.year <= $1) r
     WHERE r.run_no = $1 - (SELECT count(*) FROM (%s) z WHERE z.la = r.la AND z.year <= $1)
     GROUP BY r.la$q$, years_sql, years_sql);

  -- A code column is either one of the extension's code types (read back as
  -- canonical text) or, in a dataset built without them, text (trimmed and
  -- upper-cased here).
  c_rne   := careleaver.validation_code_expr(ds, 'return_episodes', 'rne', 'e');
  c_ls    := careleaver.validation_code_expr(ds, 'return_episodes', 'ls', 'e');
  c_cin   := careleaver.validation_code_expr(ds, 'return_episodes', 'cin', 'e');
  c_place := careleaver.validation_code_expr(ds, 'return_episodes', 'place', 'e');
  c_prov  := careleaver.validation_code_expr(ds, 'return_episodes', 'place_provider', 'e');
  c_rec   := careleaver.validation_code_expr(ds, 'return_episodes', 'rec', 'e');
  c_touch := careleaver.validation_code_expr(ds, 'return_oc3', 'in_touch', 'o');
  c_activ := careleaver.validation_code_expr(ds, 'return_oc3', 'activ', 'o');
  c_accom := careleaver.validation_code_expr(ds, 'return_oc3', 'accom', 'o');

  -- Year validity of an OC3 code that the column holds: careleaver.valid_in_year
  -- for a typed column, careleaver.code_valid_in_year for a text column.
  v_touch := careleaver.validation_valid_expr(ds, 'in_touch');
  v_activ := careleaver.validation_valid_expr(ds, 'activ');
  v_accom := careleaver.validation_valid_expr(ds, 'accom');

  -- Values the loader could not type (rejects) count as "given but not a code".
  IF to_regclass(format('%I.rejects', ds)) IS NOT NULL THEN
    rejects_sql := format($q$
      SELECT r.la, r.source_file, r.source_line,
             max(nullif(upper(btrim(r.value)), '')) FILTER (WHERE lower(r.column_name) = 'in_touch') AS touch,
             max(nullif(upper(btrim(r.value)), '')) FILTER (WHERE lower(r.column_name) = 'activ') AS activ,
             max(nullif(upper(btrim(r.value)), '')) FILTER (WHERE lower(r.column_name) = 'accom') AS accom
        FROM %I.rejects r
       WHERE r.year = $1 AND lower(r.column_name) IN ('in_touch', 'activ', 'accom')
         AND ($4::text IS NULL OR r.la = $4)
       GROUP BY r.la, r.source_file, r.source_line$q$, ds);
  ELSE
    rejects_sql := $q$SELECT NULL::text AS la, NULL::text AS source_file, NULL::integer AS source_line,
                             NULL::text AS touch, NULL::text AS activ, NULL::text AS accom WHERE false$q$;
  END IF;

  -- 1012: rows of the other modules for children without episodes this year
  FOR mo IN SELECT * FROM (VALUES ('return_oc2', 'OC2'), ('return_ad1', 'AD1'),
                                 ('return_placed_adoption', 'PlacedAdoption'), ('return_prev_perm', 'PrevPerm'),
                                 ('return_missing', 'Missing'), ('return_reviews', 'Reviews')) AS t(tbl, module)
            WHERE to_regclass(format('%I.%I', ds, t.tbl)) IS NOT NULL LOOP
    r1012 := r1012 || format($f$
  UNION ALL
  SELECT '1012', %2$L, x.la, x.child, x.source_file, x.source_line,
         %3$L
    FROM %1$I.%4$I x
   WHERE x.year = $1 AND ($4::text IS NULL OR x.la = $4)
     AND NOT EXISTS (SELECT 1 FROM ep e WHERE e.la = x.la AND e.child = x.child)$f$,
      ds, mo.module, mo.module || ' information for a child with no episodes in the year: only OC3 is expected', mo.tbl);
  END LOOP;

  -- 1009: REASON_PLACE_CHANGE as canonical text, and whether it is a code of
  -- the collection year (careleaver.valid_in_year for the typed column,
  -- careleaver.code_valid_in_year for a text column)
  c_rpc := careleaver.validation_code_expr(ds, 'return_episodes', 'reason_place_change', 'e');
  SELECT a.atttypid::regtype INTO t_rpc
    FROM pg_attribute a
   WHERE a.attrelid = to_regclass(format('%I.return_episodes', ds))
     AND a.attname = 'reason_place_change' AND a.attnum > 0 AND NOT a.attisdropped;
  IF t_rpc IS NULL THEN
    v_rpc := 'true';
  ELSIF t_rpc NOT IN ('text'::regtype, 'character varying'::regtype, 'character'::regtype)
        AND to_regprocedure(format('careleaver.valid_in_year(%s, integer)', t_rpc::text)) IS NOT NULL THEN
    v_rpc := 'careleaver.valid_in_year(e.reason_place_change, $1)';
  ELSE
    v_rpc := format('careleaver.code_valid_in_year(%L, %s, $1)', 'placement_change_reason', c_rpc);
  END IF;

  -- Values the loader could not type, by row and column (1004-1006, 1009).
  IF to_regclass(format('%I.rejects', ds)) IS NOT NULL THEN
    rj_more := format($q$SELECT r.la, r.source_file, r.source_line, lower(r.column_name) AS col,
                                max(r.value) AS value
                           FROM %I.rejects r
                          WHERE r.year = $1 AND ($4::text IS NULL OR r.la = $4)
                            AND lower(r.column_name) IN ('reason_place_change', 'missing', 'mis_start', 'mis_end')
                          GROUP BY r.la, r.source_file, r.source_line, lower(r.column_name)$q$, ds);
    r_more := r_more || format($f$
  UNION ALL
  SELECT '1009', 'Episodes', e.la, e.child, e.source_file, e.source_line,
         format('REASON_PLACE_CHANGE %%s is not a reason for a placement change', r.value)
    FROM ep e
    JOIN (%1$s) r ON r.la = e.la AND r.source_file = e.source_file AND r.source_line = e.source_line
                 AND r.col = 'reason_place_change'
   WHERE e.rpc IS NULL$f$, rj_more);
  ELSE
    rj_more := $q$SELECT NULL::text AS la, NULL::text AS source_file, NULL::integer AS source_line,
                         NULL::text AS col, NULL::text AS value WHERE false$q$;
  END IF;

  -- 1003: placed for adoption before the child first started to be looked
  -- after (the earliest episode coded RNE S in the returns up to the year)
  IF to_regclass(format('%I.return_placed_adoption', ds)) IS NOT NULL THEN
    r_more := r_more || format($f$
  UNION ALL
  SELECT '1003', 'PlacedAdoption', x.la, x.child, x.source_file, x.source_line,
         format('decision to place for adoption dated %%s, before the child started to be looked after (%%s)',
                x.date_placed, f.first_start)
    FROM %1$I.return_placed_adoption x
    JOIN (SELECT e.la, e.child, min(e.decom) AS first_start
            FROM %1$I.return_episodes e
           WHERE e.year <= $1 AND ($4::text IS NULL OR e.la = $4) AND %2$s = 'S'
             AND EXISTS (SELECT 1 FROM %1$I.return_placed_adoption p
                          WHERE p.la = e.la AND p.child = e.child AND p.year = $1)
           GROUP BY e.la, e.child) f ON f.la = x.la AND f.child = x.child
   WHERE x.year = $1 AND ($4::text IS NULL OR x.la = $4) AND x.date_placed < f.first_start$f$,
      ds, careleaver.validation_code_expr(ds, 'return_episodes', 'rne', 'e'));
  END IF;

  -- 1004-1006: the missing and away episodes
  IF to_regclass(format('%I.return_missing', ds)) IS NOT NULL THEN
    r_more := r_more || format($f$
  UNION ALL
  SELECT v.code, 'Missing', m.la, m.child, m.source_file, m.source_line, v.msg
    FROM %1$I.return_missing m
    LEFT JOIN (SELECT r.la, r.source_file, r.source_line,
                      max(r.value) FILTER (WHERE r.col = 'mis_start') AS bad_start,
                      max(r.value) FILTER (WHERE r.col = 'mis_end') AS bad_end,
                      max(r.value) FILTER (WHERE r.col = 'missing') AS bad_missing
                 FROM (%2$s) r
                GROUP BY r.la, r.source_file, r.source_line) r
      ON r.la = m.la AND r.source_file = m.source_file AND r.source_line = m.source_line
   CROSS JOIN LATERAL (SELECT coalesce(%3$s, nullif(upper(btrim(r.bad_missing)), '')) AS kind) k
   CROSS JOIN LATERAL (VALUES
           ('1004', m.mis_start IS NULL,
            CASE WHEN r.bad_start IS NULL THEN 'start of the missing or away episode (MIS_START) is blank'
                 ELSE format('start of the missing or away episode (MIS_START) %%s is not a date', r.bad_start) END),
           ('1005', m.mis_end IS NULL AND r.bad_end IS NOT NULL,
            format('end of the missing or away episode (MIS_END) %%s is not a date', r.bad_end)),
           ('1006', k.kind IS NULL OR k.kind NOT IN ('M', 'A'),
            format('MISSING is %%s, neither M (missing) nor A (away without authorisation)', coalesce(k.kind, 'blank'))))
          AS v(code, bad, msg)
   WHERE m.year = $1 AND ($4::text IS NULL OR m.la = $4) AND v.bad$f$,
      ds, rj_more, careleaver.validation_code_expr(ds, 'return_missing', 'missing', 'm'));
  END IF;

  sql := format($q$
WITH
-- this year's episodes, codes as text
ep AS MATERIALIZED (
  SELECT e.la, e.child, e.decom, e.dec,
         %3$s AS rne, %4$s AS ls, %5$s AS cin, %6$s AS place, %7$s AS prov, %8$s AS rec,
         e.pl_post, e.urn, e.source_file, e.source_line,
         %26$s AS rpc, %27$s AS rpc_ok
    FROM %1$I.return_episodes e
   WHERE e.year = $1 AND ($4::text IS NULL OR e.la = $4)
),
-- this year's episodes in date order, with their neighbours
seq AS MATERIALIZED (
  SELECT s.*,
         lag(s.dec)   OVER w AS p_dec,   lag(s.rec)  OVER w AS p_rec,
         lag(s.ls)    OVER w AS p_ls,    lag(s.cin)  OVER w AS p_cin,
         lag(s.place) OVER w AS p_place, lag(s.prov) OVER w AS p_prov,
         lag(s.pl_post) OVER w AS p_pl_post, lag(s.urn) OVER w AS p_urn,
         lead(s.decom) OVER w AS n_decom,
         row_number() OVER w AS k,
         -- does the category of need vary among the child's episodes? (504)
         min(s.cin) OVER wc IS DISTINCT FROM max(s.cin) OVER wc
           OR (count(s.cin) OVER wc > 0 AND count(s.cin) OVER wc < count(*) OVER wc) AS cin_varies
    FROM ep s
   WHERE s.decom IS NOT NULL
  WINDOW w AS (PARTITION BY s.la, s.child ORDER BY s.decom, s.source_line),
         wc AS (PARTITION BY s.la, s.child)
),
-- the children with care-leaver rows this year
ocset AS MATERIALIZED (
  SELECT DISTINCT o.la, o.child FROM %1$I.return_oc3 o
   WHERE o.year = $1 AND ($4::text IS NULL OR o.la = $4)
),
-- latest header row up to this year, for the children some rule needs it for
hdr AS MATERIALIZED (
  SELECT DISTINCT ON (h.la, h.child) h.la, h.child, h.dob,
         careleaver.birthday(h.dob, 14) AS b14, careleaver.birthday(h.dob, 16) AS b16,
         careleaver.birthday(h.dob, 18) AS b18
    FROM %1$I.return_header h
    JOIN (SELECT n.la, n.child FROM ocset n
          UNION
          SELECT e.la, e.child FROM ep e
           WHERE e.dec IS NOT NULL AND e.rec IN ('E11', 'E12', 'E45', 'E46', 'E47', 'E48', 'E5', 'E6', 'E7', 'E17')) AS need
      ON need.la = h.la AND need.child = h.child
   WHERE h.year <= $1 AND h.dob IS NOT NULL
   ORDER BY h.la, h.child, h.year DESC
),
-- last year's return
prev_ep AS MATERIALIZED (
  SELECT p.la, p.child, p.decom, p.dec, p.source_line, %21$s AS rne, %22$s AS ls, %23$s AS cin,
         %24$s AS place, %25$s AS place_provider, p.urn
    FROM %1$I.return_episodes p
   WHERE p.year = $1 - 1 AND ($4::text IS NULL OR p.la = $4)
),
prev_las AS (SELECT DISTINCT p.la FROM prev_ep p),
prev_last AS MATERIALIZED (
  SELECT DISTINCT ON (p.la, p.child) p.*
    FROM prev_ep p WHERE p.decom IS NOT NULL
   ORDER BY p.la, p.child, p.decom DESC, p.source_line DESC
),
-- the episodes of care leavers in the returns up to this year, one row per
-- (child, start): a closed copy beats an open one, then the later return wins
hist_raw AS MATERIALIZED (
  SELECT DISTINCT ON (e.la, e.child, e.decom) e.la, e.child, e.decom, e.dec, e.year,
         %4$s AS ls, %8$s AS rec
    FROM %1$I.return_episodes e
    JOIN ocset n ON n.la = e.la AND n.child = e.child
   WHERE e.year <= $1
   ORDER BY e.la, e.child, e.decom, (e.dec IS NULL), e.year DESC, e.source_line DESC
),
hist AS (SELECT h.* FROM hist_raw h WHERE h.decom IS NOT NULL),
hist_last AS MATERIALIZED (
  SELECT DISTINCT ON (h.la, h.child) h.la, h.child, h.decom, h.dec, h.rec
    FROM hist h ORDER BY h.la, h.child, h.decom DESC
),
-- first episodes that are not coded S, and whether an earlier return has the child (357)
first_not_s AS MATERIALIZED (
  SELECT s.* FROM seq s WHERE s.k = 1 AND s.decom >= $2 AND s.rne IS DISTINCT FROM 'S'
),
seen_before AS (
  SELECT DISTINCT e.la, e.child FROM %1$I.return_episodes e
    JOIN first_not_s f ON f.la = e.la AND f.child = e.child
   WHERE e.year < $1
),
-- care-leaver rows, with the text of values the loader could not type
rj AS (%9$s),
-- where each council's loaded history begins (rules 1001, 1002 never flag on history not loaded)
cover AS MATERIALIZED (@COVER@),
oc AS MATERIALIZED (
  SELECT o.la, o.child, o.source_file, o.source_line, coalesce(o.dob, h.dob) AS dob,
         coalesce(%10$s, rj.touch) AS touch, coalesce(%11$s, rj.activ) AS activ,
         coalesce(%12$s, rj.accom) AS accom,
         (%10$s IS NOT NULL AND NOT %13$s) OR (%10$s IS NULL AND rj.touch IS NOT NULL) AS bad_touch,
         (%11$s IS NOT NULL AND NOT %14$s) OR (%11$s IS NULL AND rj.activ IS NOT NULL) AS bad_activ,
         (%12$s IS NOT NULL AND NOT %15$s) OR (%12$s IS NULL AND rj.accom IS NOT NULL) AS bad_accom
    FROM %1$I.return_oc3 o
    LEFT JOIN hdr h ON h.la = o.la AND h.child = o.child
    LEFT JOIN rj ON rj.la = o.la AND rj.source_file = o.source_file AND rj.source_line = o.source_line
   WHERE o.year = $1 AND ($4::text IS NULL OR o.la = $4)
),
ocd AS MATERIALIZED (
  SELECT oc.*, (oc.touch IS NOT NULL OR oc.activ IS NOT NULL OR oc.accom IS NOT NULL) AS given,
         careleaver.birthday(oc.dob, 14) AS b14, careleaver.birthday(oc.dob, 16) AS b16,
         careleaver.birthday(oc.dob, 17) AS b17, careleaver.birthday(oc.dob, 18) AS b18
    FROM oc
),
-- runs of consecutive episodes (X1 hand-over on the same day) with the same legal status
ls_run AS (
  SELECT r.*, sum(r.brk) OVER (PARTITION BY r.la, r.child ORDER BY r.decom, r.source_line) AS run
    FROM (SELECT s.*, CASE WHEN s.p_rec = 'X1' AND s.p_dec = s.decom AND s.p_ls IS NOT DISTINCT FROM s.ls
                           THEN 0 ELSE 1 END AS brk
            FROM seq s WHERE s.ls IN ('L1', 'L2', 'L3')) r
),
ls_span AS (
  SELECT l.*, max(coalesce(l.dec, $3)) OVER (PARTITION BY l.la, l.child, l.run)
              - min(l.decom) OVER (PARTITION BY l.la, l.child, l.run) AS span
    FROM ls_run l
),
-- periods of care within the return: a new one unless the previous episode
-- ended with X1 on the day this one starts
poc AS (
  SELECT r.*, first_value(r.cin) OVER (PARTITION BY r.la, r.child, r.period
                                       ORDER BY r.decom, r.source_line) AS start_cin
    FROM (SELECT s.*, sum(CASE WHEN s.p_rec = 'X1' AND s.p_dec = s.decom THEN 0 ELSE 1 END)
                        OVER (PARTITION BY s.la, s.child ORDER BY s.decom, s.source_line) AS period
            FROM seq s WHERE s.cin_varies) r
),
v3 AS (
  SELECT s.*, greatest(0, least(coalesce(s.dec, $3), $3) - greatest(s.decom, $2)) AS days_in_year
    FROM seq s WHERE s.ls = 'V3'
),
v3_total AS (
  SELECT v.*, sum(v.days_in_year) OVER (PARTITION BY v.la, v.child) AS total FROM v3 v
),
-- this year's first episode against last year's open one
carry AS (
  SELECT s.*, p.decom AS l_decom, %16$s AS l_rne, %17$s AS l_ls, %18$s AS l_cin, %19$s AS l_place,
         %20$s AS l_prov, p.urn AS l_urn
    FROM seq s JOIN prev_last p ON p.la = s.la AND p.child = s.child AND p.dec IS NULL
   WHERE s.k = 1
),
-- care after the 14th and 16th birthdays, short breaks left out (regulation 40, 48)
-- eligibility by the end of the year (1001): the core's test over each care leaver's history; only
-- dates and legal status (short breaks) matter to it, so the other codes are left out
elig AS (
  SELECT g.la, g.child, careleaver.eligible_by(g.history, g.dob, $3) AS eligible,
         careleaver.days_looked_after(g.history, g.b14, $3) AS after14,
         careleaver.days_looked_after(g.history, g.b16, $3) AS after16
    FROM (SELECT h.la, h.child, d.dob, d.b14, d.b16,
                 careleaver.care_history_agg(h.decom, h.dec, NULL::careleaver.new_episode_reason,
                   CASE WHEN h.ls IN (SELECT c.code FROM careleaver.code_list c WHERE c.field = 'LS')
                        THEN h.ls::careleaver.legal_status END,
                   NULL::careleaver.placement_type, NULL::careleaver.ceased_reason) AS history
            FROM hist h JOIN (SELECT DISTINCT ON (o.la, o.child) o.la, o.child, o.dob, o.b14, o.b16
                                FROM ocd o WHERE o.dob IS NOT NULL ORDER BY o.la, o.child, o.source_line) d
              ON d.la = h.la AND d.child = h.child
           GROUP BY h.la, h.child, d.dob, d.b14, d.b16) g
),
flags AS (
  -- 142
  SELECT '142' AS code, 'Episodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
         format('episode starting %%s is followed by another but has no end date or reason ended', s.decom) AS msg
    FROM seq s WHERE s.n_decom IS NOT NULL AND (s.dec IS NULL OR s.rec IS NULL)
  UNION ALL
  SELECT '353', 'Episodes', e.la, e.child, e.source_file, e.source_line,
         format('episode start %%s is before 14 October 1991', e.decom)
    FROM ep e WHERE e.decom < DATE '1991-10-14'
  UNION ALL
  SELECT '354', 'Episodes', e.la, e.child, e.source_file, e.source_line,
         format('episode start %%s is after the end of the collection year (%%s)', e.decom, $3)
    FROM ep e WHERE e.decom > $3
  UNION ALL
  SELECT '355', 'Episodes', e.la, e.child, e.source_file, e.source_line,
         format('episode ended on the day it started (%%s): less than 24 hours', e.decom)
    FROM ep e WHERE e.dec = e.decom
  UNION ALL
  SELECT '356', 'Episodes', e.la, e.child, e.source_file, e.source_line,
         format('episode ended %%s, before it started %%s', e.dec, e.decom)
    FROM ep e WHERE e.dec < e.decom
  UNION ALL
  SELECT '357', 'Episodes', s.la, s.child, s.source_file, s.source_line,
         format('first recorded episode of the child (starting %%s) has reason for new episode %%s, expected S',
                s.decom, coalesce(s.rne, 'blank'))
    FROM first_not_s s
   WHERE NOT EXISTS (SELECT 1 FROM seen_before b WHERE b.la = s.la AND b.child = s.child)
  UNION ALL
  SELECT '385', 'Episodes', e.la, e.child, e.source_file, e.source_line,
         format('episode end %%s is after the end of the collection year (%%s)', e.dec, $3)
    FROM ep e WHERE e.dec > $3
  UNION ALL
  SELECT '388', 'Episodes', s.la, s.child, s.source_file, s.source_line,
         format('episode ended %%s with X1 (new episode the same day) but no episode starts that day', s.dec)
    FROM seq s WHERE s.rec = 'X1' AND s.dec IS NOT NULL AND s.n_decom IS DISTINCT FROM s.dec
  UNION ALL
  SELECT '431', 'Episodes', s.la, s.child, s.source_file, s.source_line,
         format('episode starting %%s is coded as a new period of care (S) but the previous episode ended that day', s.decom)
    FROM seq s WHERE s.k > 1 AND s.rne = 'S' AND s.p_dec = s.decom
  UNION ALL
  SELECT '432', 'Episodes', s.la, s.child, s.source_file, s.source_line,
         format('previous episode ended care (%%s) but this episode (starting %%s) has reason for new episode %%s, expected S',
                s.p_rec, s.decom, coalesce(s.rne, 'blank'))
    FROM seq s WHERE s.k > 1 AND s.p_rec IS NOT NULL AND s.p_rec <> 'X1' AND s.rne IS DISTINCT FROM 'S'
  UNION ALL
  SELECT '433', 'Episodes', s.la, s.child, s.source_file, s.source_line,
         format('continuation episode (RNE %%s) starts %%s but the previous episode ended %%s',
                s.rne, s.decom, coalesce(s.p_dec::text, 'blank'))
    FROM seq s WHERE s.k > 1 AND s.rne IN ('L', 'P', 'T', 'B', 'U') AND s.p_dec IS DISTINCT FROM s.decom
  UNION ALL
  SELECT '434', 'Episodes', s.la, s.child, s.source_file, s.source_line,
         format('RNE L on %%s: %%s', s.decom,
                CASE WHEN s.ls IS NOT DISTINCT FROM s.p_ls THEN 'the legal status did not change'
                     ELSE 'the placement changed as well' END)
    FROM seq s
   WHERE s.k > 1 AND s.rne = 'L'
     AND (s.ls IS NOT DISTINCT FROM s.p_ls
          OR s.place IS DISTINCT FROM s.p_place OR s.prov IS DISTINCT FROM s.p_prov
          OR s.pl_post IS DISTINCT FROM s.p_pl_post OR s.urn IS DISTINCT FROM s.p_urn)
  UNION ALL
  SELECT '435', 'Episodes', s.la, s.child, s.source_file, s.source_line,
         format('RNE %%s on %%s: %%s', s.rne, s.decom,
                CASE WHEN s.ls IS DISTINCT FROM s.p_ls THEN 'the legal status changed as well'
                     ELSE 'the placement did not change' END)
    FROM seq s
   WHERE s.k > 1 AND s.rne IN ('P', 'T')
     AND (s.ls IS DISTINCT FROM s.p_ls
          OR NOT (s.place IS DISTINCT FROM s.p_place OR s.prov IS DISTINCT FROM s.p_prov
                  OR s.pl_post IS DISTINCT FROM s.p_pl_post OR s.urn IS DISTINCT FROM s.p_urn))
  UNION ALL
  SELECT '436', 'Episodes', s.la, s.child, s.source_file, s.source_line,
         format('RNE %%s on %%s: %%s', s.rne, s.decom,
                CASE WHEN s.ls IS NOT DISTINCT FROM s.p_ls THEN 'the legal status did not change'
                     ELSE 'the placement did not change' END)
    FROM seq s
   WHERE s.k > 1 AND s.rne IN ('B', 'U')
     AND (s.ls IS NOT DISTINCT FROM s.p_ls
          OR NOT (s.place IS DISTINCT FROM s.p_place OR s.prov IS DISTINCT FROM s.p_prov
                  OR s.pl_post IS DISTINCT FROM s.p_pl_post OR s.urn IS DISTINCT FROM s.p_urn))
  UNION ALL
  SELECT '437', 'Episodes', s.la, s.child, s.source_file, s.source_line,
         format('episode ended %%s with %%s (%%s) but later episodes follow', s.dec, s.rec,
                CASE s.rec WHEN 'E2' THEN 'died' ELSE 'assessed as 18 or over' END)
    FROM seq s WHERE s.rec IN ('E2', 'E15') AND s.n_decom IS NOT NULL
  UNION ALL
  SELECT '501', 'Episodes', s.la, s.child, s.source_file, s.source_line,
         format('episode starts %%s, before the previous episode ended (%%s)', s.decom, s.p_dec)
    FROM seq s WHERE s.k > 1 AND s.decom < s.p_dec
  UNION ALL
  SELECT '504', 'Episodes', p.la, p.child, p.source_file, p.source_line,
         format('category of need %%s differs from %%s at the start of the period of care',
                coalesce(p.cin, 'blank'), coalesce(p.start_cin, 'blank'))
    FROM poc p WHERE p.cin IS DISTINCT FROM p.start_cin
  -- across years
  UNION ALL
  SELECT '502', 'Episodes', c.la, c.child, c.source_file, c.source_line,
         format('first episode starts %%s but last year''s return left an episode open that started %%s', c.decom, c.l_decom)
    FROM carry c WHERE c.decom <> c.l_decom
  UNION ALL
  SELECT x.code, 'Episodes', c.la, c.child, c.source_file, c.source_line,
         format('%%s is %%s but was %%s in last year''s open episode starting %%s',
                x.field, coalesce(x.now, 'blank'), coalesce(x.was, 'blank'), c.decom)
    FROM carry c
   CROSS JOIN LATERAL (VALUES ('503A', 'RNE', c.rne, c.l_rne), ('503B', 'LS', c.ls, c.l_ls),
                              ('503C', 'CIN', c.cin, c.l_cin), ('503D', 'PLACE', c.place, c.l_place),
                              ('503E', 'PLACE_PROVIDER', c.prov, c.l_prov), ('503F', 'URN', c.urn, c.l_urn))
          AS x(code, field, now, was)
   WHERE c.decom = c.l_decom AND x.now IS DISTINCT FROM x.was
     -- DfE accepted H5 last year restated as K3 in the 2025 return
     AND NOT (x.code = '503D' AND $1 = 2025 AND x.was = 'H5' AND x.now = 'K3')
  UNION ALL
  SELECT '562', 'Episodes', s.la, s.child, s.source_file, s.source_line,
         format('episode started %%s, before this collection year, but last year''s return has no episode starting that day', s.decom)
    FROM seq s
   WHERE s.k = 1 AND s.decom < $2 AND s.la IN (SELECT pl.la FROM prev_las pl)
     AND NOT EXISTS (SELECT 1 FROM prev_ep p WHERE p.la = s.la AND p.child = s.child AND p.decom = s.decom)
  -- legal status, short breaks, temporary placements
  UNION ALL
  SELECT CASE l.ls WHEN 'L1' THEN '361' WHEN 'L2' THEN '362' ELSE '363' END,
         'Episodes', l.la, l.child, l.source_file, l.source_line,
         format('legal status %%s lasted %%s days from %%s, more than %%s', l.ls, l.span, l.decom,
                CASE l.ls WHEN 'L1' THEN '72 hours' WHEN 'L2' THEN '21 days' ELSE '7 days' END)
    FROM ls_span l
   WHERE (l.ls = 'L1' AND l.span > 3) OR (l.ls = 'L2' AND l.span > 21) OR (l.ls = 'L3' AND l.span > 7)
  UNION ALL
  SELECT '365', 'Episodes', s.la, s.child, s.source_file, s.source_line,
         format('short break starting %%s lasted %%s days, more than 17', s.decom, coalesce(s.dec, $3) - s.decom)
    FROM seq s WHERE s.ls = 'V3' AND coalesce(s.dec, $3) - s.decom > 17
  UNION ALL
  SELECT '367', 'Episodes', v.la, v.child, v.source_file, v.source_line,
         format('short breaks add up to %%s days in the collection year, more than 75', v.total)
    FROM v3_total v WHERE v.total > 75 AND v.days_in_year > 0
  UNION ALL
  SELECT '380', 'Episodes', e.la, e.child, e.source_file, e.source_line,
         format('period of care starting %%s begins in temporary placement %%s', e.decom, e.place)
    FROM ep e WHERE e.rne = 'S' AND e.place IN ('T0', 'T1', 'T2', 'T3', 'T4')
  UNION ALL
  SELECT '381', 'Episodes', e.la, e.child, e.source_file, e.source_line,
         format('care ended (%%s) while in temporary placement %%s', e.rec, e.place)
    FROM ep e WHERE e.rec IS NOT NULL AND e.rec <> 'X1' AND e.place IN ('T0', 'T1', 'T2', 'T3', 'T4')
  -- age at cessation
  UNION ALL
  SELECT a.code, 'Episodes', e.la, e.child, e.source_file, e.source_line,
         format('care ended %%s with %%s, %%s the %%s birthday (%%s)', e.dec, e.rec,
                CASE WHEN a.over THEN 'on or after' ELSE 'before' END, a.age || 'th', a.bday)
    FROM ep e JOIN hdr h ON h.la = e.la AND h.child = e.child
   CROSS JOIN LATERAL (SELECT v.code, v.age, v.over,
                              CASE v.age WHEN 14 THEN h.b14 WHEN 16 THEN h.b16 ELSE h.b18 END AS bday
                         FROM (VALUES ('386', 'E11', 18, true), ('386', 'E12', 18, true),
                                      ('407', 'E45', 18, true), ('407', 'E46', 18, true),
                                      ('407', 'E47', 18, true), ('407', 'E48', 18, true),
                                      ('387', 'E5', 14, false), ('387', 'E6', 14, false),
                                      ('389', 'E7', 16, false), ('460', 'E17', 18, false)) AS v(code, rec, age, over)
                        WHERE v.rec = e.rec) a
   WHERE e.dec IS NOT NULL AND e.rec IN ('E11', 'E12', 'E45', 'E46', 'E47', 'E48', 'E5', 'E6', 'E7', 'E17')
     AND (e.dec >= a.bday) = a.over
  -- care leavers
  UNION ALL
  SELECT '131', 'OC3', o.la, o.child, o.source_file, o.source_line,
         format('IN_TOUCH %%s is not a code for %%s', o.touch, $1) FROM ocd o WHERE o.bad_touch
  UNION ALL
  SELECT '132', 'OC3', o.la, o.child, o.source_file, o.source_line,
         format('ACTIV %%s is not a code for %%s', o.activ, $1) FROM ocd o WHERE o.bad_activ
  UNION ALL
  SELECT '133', 'OC3', o.la, o.child, o.source_file, o.source_line,
         format('ACCOM %%s is not a code for %%s', o.accom, $1) FROM ocd o WHERE o.bad_accom
  UNION ALL
  SELECT '153', 'OC3', o.la, o.child, o.source_file, o.source_line,
         'IN_TOUCH, ACTIV and ACCOM are partly blank: give all three or none'
    FROM ocd o WHERE o.given AND (o.touch IS NULL OR o.activ IS NULL OR o.accom IS NULL)
  UNION ALL
  SELECT '344', 'OC3', o.la, o.child, o.source_file, o.source_line,
         format('IN_TOUCH %%s needs ACTIV and ACCOM 0 (they are %%s and %%s)', o.touch,
                coalesce(o.activ, 'blank'), coalesce(o.accom, 'blank'))
    FROM ocd o WHERE o.touch IN ('DIED', 'RHOM')
     AND (o.activ IS DISTINCT FROM '0' OR o.accom IS DISTINCT FROM '0')
  UNION ALL
  SELECT '345', 'OC3', o.la, o.child, o.source_file, o.source_line,
         'in touch (YES) but ACTIV or ACCOM is 0 (not known)'
    FROM ocd o WHERE o.touch = 'YES' AND (o.activ = '0' OR o.accom = '0')
  UNION ALL
  SELECT '347', 'OC3', o.la, o.child, o.source_file, o.source_line,
         format('foyer accommodation %%s for a young person under 18 at the start of the year', o.accom)
    FROM ocd o WHERE o.accom IN ('T1', 'T2') AND o.b18 > $2
  UNION ALL
  SELECT '391', 'OC3', o.la, o.child, o.source_file, o.source_line,
         format('young person is under 17 at the end of the collection year (17th birthday %%s)', o.b17)
    FROM ocd o WHERE o.given AND o.b17 > $3
  UNION ALL
  SELECT '1000', 'OC3', o.la, o.child, o.source_file, o.source_line,
         format('the child died in care (episode ended %%s with E2): no care-leaver information', l.dec)
    FROM ocd o JOIN hist_last l ON l.la = o.la AND l.child = o.child WHERE l.rec = 'E2'
  UNION ALL
  SELECT '1001', 'OC3', o.la, o.child, o.source_file, o.source_line,
         CASE WHEN l.rec IN ('E11', 'E12') THEN 'the young person was adopted: not a care leaver'
              ELSE format('not a relevant or former relevant child: %%s days looked after since the 14th birthday (13 weeks needed), %%s since the 16th',
                          coalesce(g.after14, 0), coalesce(g.after16, 0)) END
    FROM ocd o
    LEFT JOIN elig g ON g.la = o.la AND g.child = o.child
    LEFT JOIN hist_last l ON l.la = o.la AND l.child = o.child
    LEFT JOIN cover cv ON cv.la = o.la
   WHERE o.dob IS NOT NULL
     AND (l.rec IN ('E11', 'E12')
          OR (NOT coalesce(g.eligible, false) AND coalesce(cv.history_from, '-infinity') <= o.b14))
  UNION ALL
  SELECT '1002', 'OC3', o.la, o.child, o.source_file, o.source_line,
         'care-leaver information for a young person with no episodes of care in the loaded returns, which cover their history from the 14th birthday'
    FROM ocd o LEFT JOIN cover cv ON cv.la = o.la
   WHERE (cv.history_from IS NULL OR cv.history_from <= o.b14)
     AND NOT EXISTS (SELECT 1 FROM hist_raw h WHERE h.la = o.la AND h.child = o.child)
  UNION ALL
  SELECT '1007', 'OC3', o.la, o.child, o.source_file, o.source_line,
         format('still looked after on the %%s birthday (%%s): care-leaver information not expected',
                CASE WHEN o.b17 BETWEEN $2 AND $3 THEN '17th' ELSE '18th' END,
                CASE WHEN o.b17 BETWEEN $2 AND $3 THEN o.b17 ELSE o.b18 END)
    FROM ocd o
   WHERE o.given AND EXISTS (
           SELECT 1 FROM hist h
            WHERE h.la = o.la AND h.child = o.child
              AND ((o.b17 BETWEEN $2 AND $3 AND h.decom <= o.b17 AND (h.dec IS NULL OR h.dec > o.b17))
                OR (o.b18 BETWEEN $2 AND $3 AND h.decom <= o.b18 AND (h.dec IS NULL OR h.dec > o.b18))))
  UNION ALL
  SELECT '1010', 'OC3', o.la, o.child, o.source_file, o.source_line,
         format('last year''s return left the child looked after (episode from %%s) but this year has no episodes', p.decom)
    FROM ocd o JOIN prev_last p ON p.la = o.la AND p.child = o.child AND p.dec IS NULL
   WHERE NOT EXISTS (SELECT 1 FROM ep e WHERE e.la = o.la AND e.child = o.child)
  UNION ALL
  SELECT '1011', 'OC3', o.la, o.child, o.source_file, o.source_line,
         format('care was taken over by another authority (E3 on %%s): no care-leaver information', l.dec)
    FROM ocd o JOIN hist_last l ON l.la = o.la AND l.child = o.child WHERE o.given AND l.rec = 'E3'
  UNION ALL
  SELECT '1014', u.tbl, o.la, o.child, u.source_file, u.source_line,
         'UASC information for a care leaver who was not looked after in the year'
    FROM ocd o
    JOIN %1$I.return_uasc us ON us.la = o.la AND us.child = o.child AND us.year = $1
   CROSS JOIN LATERAL (VALUES ('OC3', o.source_file, o.source_line), ('UASC', us.source_file, us.source_line))
          AS u(tbl, source_file, source_line)
   WHERE o.given
     AND NOT EXISTS (SELECT 1 FROM ep e WHERE e.la = o.la AND e.child = o.child
                      AND e.decom <= $3 AND (e.dec IS NULL OR e.dec >= $2))
  UNION ALL
  -- "ceased after the birthday": looked after on it (episodes are [DECOM, DEC),
  -- so care ending on the birthday itself has ended by then) and the final
  -- episode ended later in the year
  SELECT '1016', 'OC3', o.la, o.child, o.source_file, o.source_line,
         format('looked after on the %%s birthday (%%s) and care ended %%s, after it: care-leaver information not expected',
                CASE WHEN o.b17 BETWEEN $2 AND $3 THEN '17th' ELSE '18th' END,
                CASE WHEN o.b17 BETWEEN $2 AND $3 THEN o.b17 ELSE o.b18 END, l.dec)
    FROM ocd o JOIN hist_last l ON l.la = o.la AND l.child = o.child
   WHERE o.given AND l.dec BETWEEN $2 AND $3 AND EXISTS (
           SELECT 1 FROM hist h
            WHERE h.la = o.la AND h.child = o.child
              AND ((o.b17 BETWEEN $2 AND $3 AND l.dec > o.b17 AND h.decom <= o.b17 AND (h.dec IS NULL OR h.dec > o.b17))
                OR (o.b18 BETWEEN $2 AND $3 AND l.dec > o.b18 AND h.decom <= o.b18 AND (h.dec IS NULL OR h.dec > o.b18))))
  UNION ALL
  SELECT '3001', 'OC3', o.la, o.child, o.source_file, o.source_line,
         format('ACCOM %%s (with former foster carers) in the year of the 17th birthday (%%s)', o.accom, o.b17)
    FROM ocd o WHERE o.accom IN ('Z1', 'Z2') AND o.b17 BETWEEN $2 AND $3
  -- other fields and modules
  UNION ALL
  SELECT '1008', 'Episodes', e.la, e.child, e.source_file, e.source_line,
         format('URN %%s is neither an Ofsted URN (6 or 7 digits, or SC and 6 digits) nor XXXXXXX', btrim(e.urn))
    FROM ep e
   WHERE nullif(btrim(e.urn), '') IS NOT NULL
     AND upper(btrim(e.urn)) !~ '^([0-9]{6,7}|SC[0-9]{6}|XXXXXXX)$'
  UNION ALL
  SELECT '1009', 'Episodes', e.la, e.child, e.source_file, e.source_line,
         format('REASON_PLACE_CHANGE %%s is not a code for %%s', e.rpc, $1)
    FROM ep e WHERE e.rpc IS NOT NULL AND NOT e.rpc_ok
  @R1012@
  @RMORE@
  UNION ALL
  SELECT '444', 'Header', u.la, u.child, u.source_file, u.source_line,
         format('UPN %%s is also given for %%s other row(s) of the header', u.upn, u.n - 1)
    FROM (SELECT h.la, h.child, h.source_file, h.source_line, upper(btrim(h.upn)) AS upn,
                 count(*) OVER (PARTITION BY h.la, upper(btrim(h.upn))) AS n
            FROM %1$I.return_header h
           WHERE h.year = $1 AND ($4::text IS NULL OR h.la = $4) AND $1 >= 2026
             AND nullif(btrim(h.upn), '') IS NOT NULL
             AND upper(btrim(h.upn)) NOT IN ('UN1', 'UN2', 'UN3', 'UN4', 'UN5')) u
   WHERE u.n > 1
)
SELECT f.code, f.tbl, f.la, f.child, f.source_file || ':' || f.source_line, f.msg
  FROM flags f
  JOIN careleaver.validation_rules r ON r.rule_code = f.code
 WHERE r.since_year IS NULL OR r.since_year <= $1
 ORDER BY f.la, f.child, f.tbl, f.source_file, f.source_line, f.code
$q$, ds, NULL, c_rne, c_ls, c_cin, c_place, c_prov, c_rec, rejects_sql,
     c_touch, c_activ, c_accom, v_touch, v_activ, v_accom,
     careleaver.validation_code_expr(ds, 'return_episodes', 'rne', 'p'),
     careleaver.validation_code_expr(ds, 'return_episodes', 'ls', 'p'),
     careleaver.validation_code_expr(ds, 'return_episodes', 'cin', 'p'),
     careleaver.validation_code_expr(ds, 'return_episodes', 'place', 'p'),
     careleaver.validation_code_expr(ds, 'return_episodes', 'place_provider', 'p'),
     -- last year's codes are copied as stored and read as text only where compared
     careleaver.validation_column_expr(ds, 'return_episodes', 'rne', 'p'),
     careleaver.validation_column_expr(ds, 'return_episodes', 'ls', 'p'),
     careleaver.validation_column_expr(ds, 'return_episodes', 'cin', 'p'),
     careleaver.validation_column_expr(ds, 'return_episodes', 'place', 'p'),
     careleaver.validation_column_expr(ds, 'return_episodes', 'place_provider', 'p'),
     c_rpc, v_rpc);
  sql := replace(sql, '@COVER@', cover_sql);
  sql := replace(sql, '@R1012@', r1012);
  sql := replace(sql, '@RMORE@', r_more);

  RETURN QUERY EXECUTE sql
    USING y, careleaver.collection_year_start(y), careleaver.collection_year_end(y), only_la;
END;
$fn$;

COMMENT ON FUNCTION careleaver.validation_run(text, integer, text) IS
  'Implementation of careleaver.validate (builds and runs the rule query over one dataset schema)';

CREATE FUNCTION careleaver.validate(schema_name text, collection_year integer, la text DEFAULT NULL)
RETURNS TABLE (rule_code text, table_name text, la text, child text, row_ref text, message text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $$ SELECT * FROM careleaver.validation_run($1, $2, $3) $$;

COMMENT ON FUNCTION careleaver.validate(text, integer, text) IS
  'Checks the return of a collection year in a dataset (optionally one local authority) against the DfE rules listed in careleaver.validation_rules; one row per flagged row (doc/validation.md)';
