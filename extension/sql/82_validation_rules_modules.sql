-- The DfE rules of the other modules of the SSDA903 return, as rows of careleaver.validation_rules
-- (doc/validation.md, "Rules of the other modules"): adoptions (AD1), decisions to place for adoption
-- (PlacedAdoption), previous permanence (PrevPerm), missing and away episodes (Missing), reviews, outcomes of
-- children looked after for 12 months (OC2), unaccompanied asylum-seeking children (UASC), and care leavers
-- (OC3) against last year.  The checks read the registry's bases (ep, seq, ...) and the bases below (m_*),
-- which careleaver.validation_bases_sql appends.  How to add a rule: doc/validation.md, "Adding a rule".

-- ---------------------------------------------------------------------------
-- The bases of these rules, computed once per run.

CREATE FUNCTION careleaver.validation_module_bases_sql(schema_name text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  bases text := '';
  b record;
BEGIN
  -- each base with the dataset tables it reads (%1$I is the schema); a base is left out when a table is
  -- missing, and so are the rules that read it (their modules_needed)
  FOR b IN SELECT * FROM (VALUES
('m_rj', ARRAY['rejects'], $b$
-- values the loader refused, one row per (row, column)
m_rj AS MATERIALIZED (
  SELECT r.la, r.source_file, r.source_line, lower(btrim(r.column_name)) AS col, max(r.value) AS value
    FROM %1$I.rejects r
   WHERE r.year = $1 AND ($4::text IS NULL OR r.la = $4) AND r.source_line IS NOT NULL
   GROUP BY r.la, r.source_file, r.source_line, lower(btrim(r.column_name))
)$b$),
('m_rj', ARRAY[]::text[], $b$
m_rj AS (SELECT NULL::text AS la, NULL::text AS source_file, NULL::integer AS source_line, NULL::text AS col,
                NULL::text AS value WHERE false)$b$),
('m_rjrow', ARRAY[]::text[], $b$
-- the values the loader refused in each row it kept (conformance loads keep the row, the cell blank): column -> value
m_rjrow AS MATERIALIZED (
  SELECT r.la, r.source_file, r.source_line, jsonb_object_agg(r.col, r.value) AS rjv
    FROM m_rj r GROUP BY r.la, r.source_file, r.source_line
)$b$),
('m_hdob', ARRAY['return_header'], $b$
-- the latest header row up to the year that has a DOB (module rows without a DOB fall back on it)
m_hdob AS MATERIALIZED (
  SELECT DISTINCT ON (h.la, h.child) h.la, h.child, h.dob
    FROM %1$I.return_header h
   WHERE h.year <= $1 AND ($4::text IS NULL OR h.la = $4) AND h.dob IS NOT NULL
   ORDER BY h.la, h.child, h.year DESC, h.source_line DESC
)$b$),
('m_hdr_now', ARRAY['return_header'], $b$
m_hdr_now AS (
  SELECT h.la, h.child, h.mother, h.source_file, h.source_line FROM %1$I.return_header h
   WHERE h.year = $1 AND ($4::text IS NULL OR h.la = $4)
)$b$),
('m_hdr_last', ARRAY['return_header'], $b$
m_hdr_last AS (
  SELECT h.la, h.child FROM %1$I.return_header h WHERE h.year = $1 - 1 AND ($4::text IS NULL OR h.la = $4)
)$b$),
('m_prev_la', ARRAY['return_header'], $b$
-- councils whose return of last year is loaded: rules comparing with it are silent without it
m_prev_la AS MATERIALIZED (
  SELECT h.la FROM m_hdr_last h
  UNION
  SELECT e.la FROM %1$I.return_episodes e WHERE e.year = $1 - 1 AND ($4::text IS NULL OR e.la = $4)
)$b$),
('m_unloaded', ARRAY['returns'], $b$
-- the modules a loaded return (this year's or last year's) did not include: a council's return recorded in the
-- returns table without a file of the module (an XML file holds every module); rules that expect rows of a
-- module are silent for a return that did not load it, as no rows cannot be told from a module not submitted.
-- A return not recorded there (rows put in without the loader) counts as holding every module.
m_unloaded AS MATERIALIZED (
  SELECT t.la, t.year, m.module
    FROM %1$I.returns t
   CROSS JOIN unnest(ARRAY['oc2', 'ad1', 'placed_adoption', 'prev_perm', 'missing', 'reviews', 'uasc']) AS m(module)
   WHERE t.year IN ($1, $1 - 1) AND ($4::text IS NULL OR t.la = $4)
     AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(t.files) x
                      WHERE x->>'module' = m.module OR lower(x->>'name') LIKE '%%.xml')
)$b$),
('m_unloaded', ARRAY[]::text[], $b$
m_unloaded AS (SELECT NULL::text AS la, NULL::integer AS year, NULL::text AS module WHERE false)$b$),
('m_cla12', ARRAY[]::text[], $b$
-- looked after continuously for 12 months at 31 March (the OC2 cohort): a period of care of the core
-- (careleaver.periods_of_care: chained episodes, short breaks left out) that began by the first day of
-- the year and was still running after its last day; and, as DfE's definition reads the episodes, no
-- episode of the year starting care (RNE S) after its first day, ending care (REC other than X1) in it,
-- or a short break (V3, V4), so that overlapping episodes cannot hide a new start
m_cla12 AS MATERIALIZED (
  SELECT g.la, g.child
    FROM (SELECT e.la, e.child,
                 careleaver.care_history_agg(e.decom, e.dec, NULL::careleaver.new_episode_reason,
                   CASE WHEN e.ls IN (SELECT c.code FROM careleaver.code_list c WHERE c.field = 'LS')
                        THEN e.ls::careleaver.legal_status END,
                   NULL::careleaver.placement_type, NULL::careleaver.ceased_reason) AS history
            FROM ep e WHERE e.decom IS NOT NULL GROUP BY e.la, e.child
          HAVING NOT bool_or(coalesce((e.rne = 'S' AND e.decom > $2)
                                      OR (e.rec <> 'X1' AND e.dec BETWEEN $2 AND $3)
                                      OR e.ls IN ('V3', 'V4'), false))) g
   WHERE EXISTS (SELECT 1 FROM careleaver.periods_of_care(g.history) p
                  WHERE p.start_date <= $2 AND (p.end_date IS NULL OR p.end_date > $3))
)$b$),
('m_breaks_only', ARRAY[]::text[], $b$
-- children whose episodes of the year are all short breaks (V3, V4)
m_breaks_only AS (
  SELECT e.la, e.child FROM ep e GROUP BY e.la, e.child
  HAVING bool_and(coalesce(e.ls IN ('V3', 'V4'), false))
)$b$),
('m_ad1', ARRAY['return_header', 'return_ad1'], $b$
m_ad1 AS MATERIALIZED (
  SELECT a.la, a.child, coalesce(a.dob, d.dob) AS dob, a.date_int, a.date_match, a.foster_care, a.nb_adoptr,
         nullif(upper(btrim(a.sex_adoptr)), '') AS sex_adoptr, nullif(upper(btrim(a.ls_adoptr)), '') AS ls_adoptr,
         coalesce(r.rjv, '{}') AS rjv, a.source_file, a.source_line,
         -- the adoption items neither given nor refused by the loader
         ARRAY(SELECT b.item FROM (VALUES ('DATE_INT', a.date_int IS NULL AND NOT coalesce(r.rjv ? 'date_int', false)),
                                          ('DATE_MATCH', a.date_match IS NULL AND NOT coalesce(r.rjv ? 'date_match', false)),
                                          ('FOSTER_CARE', a.foster_care IS NULL AND NOT coalesce(r.rjv ? 'foster_care', false)),
                                          ('NB_ADOPTR', a.nb_adoptr IS NULL AND NOT coalesce(r.rjv ? 'nb_adoptr', false)),
                                          ('SEX_ADOPTR', nullif(btrim(a.sex_adoptr), '') IS NULL),
                                          ('LS_ADOPTR', nullif(btrim(a.ls_adoptr), '') IS NULL)) AS b(item, blank)
                WHERE b.blank) AS blank_items
    FROM %1$I.return_ad1 a
    LEFT JOIN m_rjrow r ON r.la = a.la AND r.source_file = a.source_file AND r.source_line = a.source_line
    LEFT JOIN m_hdob d ON d.la = a.la AND d.child = a.child
   WHERE a.year = $1 AND ($4::text IS NULL OR a.la = $4)
)$b$),
('m_s_start', ARRAY['return_header', 'return_ad1'], $b$
-- the latest start of a period of care (RNE S) in the returns up to the year, for the children with AD1 rows
m_s_start AS (
  SELECT e.la, e.child, max(e.decom) AS latest_start
    FROM %1$I.return_episodes e
   WHERE e.year <= $1 AND ($4::text IS NULL OR e.la = $4) AND upper(btrim(e.rne::text)) = 'S'
     AND EXISTS (SELECT 1 FROM m_ad1 a WHERE a.la = e.la AND a.child = e.child)
   GROUP BY e.la, e.child
)$b$),
('m_pa', ARRAY['return_header', 'return_placed_adoption'], $b$
m_pa AS MATERIALIZED (
  SELECT p.la, p.child, coalesce(p.dob, d.dob) AS dob, p.date_placed, p.date_placed_ceased,
         nullif(upper(btrim(p.reason_placed_ceased)), '') AS reason_placed_ceased,
         coalesce(r.rjv, '{}') AS rjv, p.source_file, p.source_line
    FROM %1$I.return_placed_adoption p
    LEFT JOIN m_rjrow r ON r.la = p.la AND r.source_file = p.source_file AND r.source_line = p.source_line
    LEFT JOIN m_hdob d ON d.la = p.la AND d.child = p.child
   WHERE p.year = $1 AND ($4::text IS NULL OR p.la = $4)
)$b$),
('m_pa_last', ARRAY['return_placed_adoption'], $b$
m_pa_last AS MATERIALIZED (
  SELECT p.la, p.child, p.date_placed, p.date_placed_ceased,
         nullif(upper(btrim(p.reason_placed_ceased)), '') AS reason_placed_ceased
    FROM %1$I.return_placed_adoption p
   WHERE p.year = $1 - 1 AND ($4::text IS NULL OR p.la = $4)
)$b$),
('m_pp', ARRAY['return_prev_perm'], $b$
m_pp AS MATERIALIZED (
  SELECT q.la, q.child, nullif(upper(btrim(q.prev_perm)), '') AS prev_perm, nullif(upper(btrim(q.la_perm)), '') AS la_perm,
         q.date_perm, coalesce(r.rjv, '{}') AS rjv, q.source_file, q.source_line
    FROM %1$I.return_prev_perm q
    LEFT JOIN m_rjrow r ON r.la = q.la AND r.source_file = q.source_file AND r.source_line = q.source_line
   WHERE q.year = $1 AND ($4::text IS NULL OR q.la = $4)
)$b$),
('m_mis', ARRAY['return_header', 'return_missing'], $b$
m_mis AS MATERIALIZED (
  SELECT m.la, m.child, coalesce(m.dob, d.dob) AS dob, nullif(upper(btrim(m.missing)), '') AS missing,
         m.mis_start, m.mis_end, coalesce(r.rjv, '{}') AS rjv, m.source_file, m.source_line
    FROM %1$I.return_missing m
    LEFT JOIN m_rjrow r ON r.la = m.la AND r.source_file = m.source_file AND r.source_line = m.source_line
    LEFT JOIN m_hdob d ON d.la = m.la AND d.child = m.child
   WHERE m.year = $1 AND ($4::text IS NULL OR m.la = $4)
)$b$),
('m_rev', ARRAY['return_header', 'return_reviews'], $b$
m_rev AS MATERIALIZED (
  SELECT v.la, v.child, coalesce(v.dob, d.dob) AS dob, v.review, nullif(upper(btrim(v.review_code)), '') AS review_code,
         coalesce(r.rjv, '{}') AS rjv, v.source_file, v.source_line
    FROM %1$I.return_reviews v
    LEFT JOIN m_rjrow r ON r.la = v.la AND r.source_file = v.source_file AND r.source_line = v.source_line
    LEFT JOIN m_hdob d ON d.la = v.la AND d.child = v.child
   WHERE v.year = $1 AND ($4::text IS NULL OR v.la = $4)
)$b$),
('m_oc2', ARRAY['return_header', 'return_oc2'], $b$
m_oc2 AS MATERIALIZED (
  SELECT o.la, o.child, coalesce(o.dob, d.dob) AS dob, o.sdq_score, nullif(upper(btrim(o.sdq_reason)), '') AS sdq_reason,
         o.substance_misuse, o.intervention_received,
         -- the 0/1 items given, as written (a value the loader refused counts as given)
         jsonb_strip_nulls(jsonb_build_object(
           'convicted', coalesce(o.convicted::text, r.rjv ->> 'convicted'),
           'health_check', coalesce(o.health_check::text, r.rjv ->> 'health_check'),
           'immunisations', coalesce(o.immunisations::text, r.rjv ->> 'immunisations'),
           'teeth_check', coalesce(o.teeth_check::text, r.rjv ->> 'teeth_check'),
           'health_assessment', coalesce(o.health_assessment::text, r.rjv ->> 'health_assessment'),
           'substance_misuse', coalesce(o.substance_misuse::text, r.rjv ->> 'substance_misuse'),
           'intervention_received', coalesce(o.intervention_received::text, r.rjv ->> 'intervention_received'),
           'intervention_offered', coalesce(o.intervention_offered::text, r.rjv ->> 'intervention_offered'))) AS flags,
         c.child IS NOT NULL AS cla12, coalesce(r.rjv, '{}') AS rjv, o.source_file, o.source_line
    FROM %1$I.return_oc2 o
    LEFT JOIN m_rjrow r ON r.la = o.la AND r.source_file = o.source_file AND r.source_line = o.source_line
    LEFT JOIN m_hdob d ON d.la = o.la AND d.child = o.child
    LEFT JOIN m_cla12 c ON c.la = o.la AND c.child = o.child
   WHERE o.year = $1 AND ($4::text IS NULL OR o.la = $4)
)$b$),
('m_oc3', ARRAY[]::text[], $b$
m_oc3 AS MATERIALIZED (
  SELECT o.la, o.child, nullif(upper(btrim(o.in_touch::text)), '') AS in_touch,
         (o.in_touch IS NOT NULL OR o.activ IS NOT NULL OR o.accom IS NOT NULL
          OR coalesce(r.rjv ?| ARRAY['in_touch', 'activ', 'accom'], false)) AS given,
         o.source_file, o.source_line
    FROM %1$I.return_oc3 o
    LEFT JOIN m_rjrow r ON r.la = o.la AND r.source_file = o.source_file AND r.source_line = o.source_line
   WHERE o.year = $1 AND ($4::text IS NULL OR o.la = $4)
)$b$),
('m_oc3_last', ARRAY[]::text[], $b$
m_oc3_last AS (
  SELECT o.la, o.child, nullif(upper(btrim(o.in_touch::text)), '') AS in_touch
    FROM %1$I.return_oc3 o WHERE o.year = $1 - 1 AND ($4::text IS NULL OR o.la = $4)
)$b$),
('m_uasc', ARRAY['return_header', 'return_uasc'], $b$
m_uasc AS MATERIALIZED (
  SELECT u.la, u.child, coalesce(u.dob, d.dob) AS dob, u.duc, coalesce(r.rjv, '{}') AS rjv, u.source_file, u.source_line
    FROM %1$I.return_uasc u
    LEFT JOIN m_rjrow r ON r.la = u.la AND r.source_file = u.source_file AND r.source_line = u.source_line
    LEFT JOIN m_hdob d ON d.la = u.la AND d.child = u.child
   WHERE u.year = $1 AND ($4::text IS NULL OR u.la = $4)
)$b$),
('m_uasc_last', ARRAY['return_uasc'], $b$
m_uasc_last AS (
  SELECT u.la, u.child, u.duc FROM %1$I.return_uasc u WHERE u.year = $1 - 1 AND ($4::text IS NULL OR u.la = $4)
)$b$)
  ) AS v(name, tables, sql) LOOP
    CONTINUE WHEN EXISTS (SELECT 1 FROM unnest(b.tables) t(tbl)
                           WHERE to_regclass(format('%I.%I', schema_name, t.tbl)) IS NULL);
    -- the first m_rj (m_unloaded) that applies wins: the rejects (returns) table, else none
    CONTINUE WHEN b.name IN ('m_rj', 'm_unloaded') AND bases LIKE '%' || b.name || ' AS%';
    bases := bases || E',\n' || format(b.sql, schema_name);
  END LOOP;
  RETURN bases;
END;
$fn$;

COMMENT ON FUNCTION careleaver.validation_module_bases_sql(text) IS
  'The bases of the other modules'' rules (m_rj, m_rjrow, m_hdob, m_hdr_now, m_hdr_last, m_prev_la, m_cla12, m_breaks_only, m_ad1, m_s_start, m_pa, m_pa_last, m_pp, m_mis, m_rev, m_oc2, m_oc3, m_oc3_last, m_uasc, m_uasc_last) over one dataset, each only when the dataset has its tables, as WITH items each preceded by a comma; careleaver.validation_bases_sql appends them after its own (doc/validation.md)';

-- ---------------------------------------------------------------------------
-- The rules

INSERT INTO careleaver.validation_rules
  (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES
  -- adoption
  ('112', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{AD1.DATE_INT}'::text[],
   'AD1 DATE_INT (date of the decision to place for adoption) is not a date',
   'Date should be placed for adoption is not a valid date.',
   NULL,
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('DATE_INT %s is not a date', a.rjv ->> 'date_int') AS msg
  FROM m_ad1 a WHERE a.rjv ? 'date_int'
$chk$),
  ('113', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{AD1.DATE_MATCH}'::text[],
   'AD1 DATE_MATCH (date matched with adopters) is not a date',
   'Date matching child and adopter(s) is not a valid date.',
   NULL,
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('DATE_MATCH %s is not a date', a.rjv ->> 'date_match') AS msg
  FROM m_ad1 a WHERE a.rjv ? 'date_match'
$chk$),
  ('114', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{AD1.FOSTER_CARE}'::text[],
   'AD1 FOSTER_CARE is neither 0 nor 1',
   'Data entry to record the status of former carer(s) of an adopted child is invalid.',
   NULL,
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('FOSTER_CARE %s is neither 0 nor 1', coalesce(a.foster_care::text, a.rjv ->> 'foster_care')) AS msg
  FROM m_ad1 a WHERE a.foster_care NOT IN (0, 1) OR a.rjv ? 'foster_care'
$chk$),
  ('175', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{AD1.NB_ADOPTR}'::text[],
   'AD1 NB_ADOPTR is neither 1 nor 2',
   'The number of adopter(s) code is not a valid code.',
   NULL,
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('NB_ADOPTR %s is neither 1 nor 2', coalesce(a.nb_adoptr::text, a.rjv ->> 'nb_adoptr')) AS msg
  FROM m_ad1 a WHERE a.nb_adoptr NOT IN (1, 2) OR a.rjv ? 'nb_adoptr'
$chk$),
  ('176', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{}'::text[],
   'AD1 SEX_ADOPTR is not one of M1, F1, MM, FF, MF',
   'The gender of adopter(s) at the date of adoption code is not a valid code.',
   'Codes are read ignoring case and spaces (the validator compares them as written)',
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('SEX_ADOPTR %s is not one of M1, F1, MM, FF, MF', a.sex_adoptr) AS msg
  FROM m_ad1 a WHERE a.sex_adoptr NOT IN ('M1', 'F1', 'MM', 'FF', 'MF')
$chk$),
  ('177', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{}'::text[],
   'AD1 LS_ADOPTR is not one of L0, L11, L12, L2, L3, L4',
   'The legal status of adopter(s) code is not a valid code.',
   'Codes are read ignoring case and spaces',
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('LS_ADOPTR %s is not one of L0, L11, L12, L2, L3, L4', a.ls_adoptr) AS msg
  FROM m_ad1 a WHERE a.ls_adoptr NOT IN ('L0', 'L11', 'L12', 'L2', 'L3', 'L4')
$chk$),
  ('151', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{}'::text[],
   'The six AD1 items are partly blank: all or none must be given',
   'All data items relating to a childs adoption must be coded or left blank.',
   'A value the loader refused counts as given (its own rule reports it)',
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('adoption items partly blank (%s): give all six or none', array_to_string(a.blank_items, ', ')) AS msg
  FROM m_ad1 a WHERE cardinality(a.blank_items) BETWEEN 1 AND 5
$chk$),
  ('333', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{}'::text[],
   'DATE_MATCH given but DATE_INT blank, or DATE_INT after DATE_MATCH',
   'Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).',
   'A DATE_INT the loader refused is rule 112''s, not flagged here again',
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       CASE WHEN a.date_int IS NULL THEN format('matched with adopters %s but DATE_INT is blank', a.date_match)
            ELSE format('decision to place for adoption %s is after the match with adopters %s', a.date_int, a.date_match) END AS msg
  FROM m_ad1 a
 WHERE a.date_match IS NOT NULL
   AND (a.date_int > a.date_match OR (a.date_int IS NULL AND NOT a.rjv ? 'date_int'))
$chk$),
  ('511', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{}'::text[],
   'Two adopters (NB_ADOPTR 2) but SEX_ADOPTR is a single adopter (M1, F1)',
   'If reporting that the number of person(s) adopting the looked after child is two adopters then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = the adopting couple are both females; MF = The adopting couple are male and female.',
   NULL,
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('two adopters (NB_ADOPTR 2) but SEX_ADOPTR %s is a single adopter', a.sex_adoptr) AS msg
  FROM m_ad1 a WHERE a.nb_adoptr = 2 AND a.sex_adoptr IN ('M1', 'F1')
$chk$),
  ('514', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{}'::text[],
   'LS_ADOPTR L0 (single adopter) but SEX_ADOPTR is a couple or NB_ADOPTR is 2',
   'Data entry on the legal status of adopters shows a single adopter but data entry for the numbers of adopters shows it as a couple.',
   'DfE''s message names the number of adopters; the validator flags L0 with any SEX_ADOPTR but M1/F1 (blank included). We flag L0 with a couple in SEX_ADOPTR (MM, FF, MF) or NB_ADOPTR 2; a blank is rule 151''s, an invalid code rule 176''s',
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('LS_ADOPTR L0 (single adopter) but SEX_ADOPTR %s, NB_ADOPTR %s', coalesce(a.sex_adoptr, 'blank'),
              coalesce(a.nb_adoptr::text, 'blank')) AS msg
  FROM m_ad1 a WHERE a.ls_adoptr = 'L0' AND (a.sex_adoptr IN ('MM', 'FF', 'MF') OR a.nb_adoptr = 2)
$chk$),
  ('517', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{}'::text[],
   'LS_ADOPTR L3 but SEX_ADOPTR is not MF',
   'If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF. MF = the adopting couple are male and female.',
   NULL,
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('LS_ADOPTR L3 needs SEX_ADOPTR MF, not %s', coalesce(a.sex_adoptr, 'blank')) AS msg
  FROM m_ad1 a WHERE a.ls_adoptr = 'L3' AND a.sex_adoptr IS DISTINCT FROM 'MF'
$chk$),
  ('518', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{}'::text[],
   'LS_ADOPTR L4 but SEX_ADOPTR is not MM or FF',
   'If reporting legal status of adopters is L4 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females.',
   NULL,
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('LS_ADOPTR L4 needs SEX_ADOPTR MM or FF, not %s', coalesce(a.sex_adoptr, 'blank')) AS msg
  FROM m_ad1 a WHERE a.ls_adoptr = 'L4' AND coalesce(a.sex_adoptr, '') NOT IN ('MM', 'FF')
$chk$),
  ('519', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{}'::text[],
   'LS_ADOPTR L2 (civil partnership) but SEX_ADOPTR is not a couple',
   'Data entered on the legal status of adopters shows civil partnership couple, but data entered on genders of adopters does not show it as a couple.',
   NULL,
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('LS_ADOPTR L2 (civil partners) needs a couple in SEX_ADOPTR, not %s', coalesce(a.sex_adoptr, 'blank')) AS msg
  FROM m_ad1 a WHERE a.ls_adoptr = 'L2' AND coalesce(a.sex_adoptr, '') NOT IN ('MM', 'FF', 'MF')
$chk$),
  ('520', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{}'::text[],
   'LS_ADOPTR L11 (married, different sex) but SEX_ADOPTR is not MF',
   'Data entry on the legal status of adopters shows different gender married couple but data entry on genders of adopters shows it as a same gender couple.',
   NULL,
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('LS_ADOPTR L11 (married, different sex) needs SEX_ADOPTR MF, not %s', coalesce(a.sex_adoptr, 'blank')) AS msg
  FROM m_ad1 a WHERE a.ls_adoptr = 'L11' AND a.sex_adoptr IS DISTINCT FROM 'MF'
$chk$),
  ('524', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{}'::text[],
   'LS_ADOPTR L12 (married, same sex) but SEX_ADOPTR is not MM or FF',
   'If reporting legal status of adopters is L12 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females.',
   NULL,
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('LS_ADOPTR L12 (married, same sex) needs SEX_ADOPTR MM or FF, not %s', coalesce(a.sex_adoptr, 'blank')) AS msg
  FROM m_ad1 a WHERE a.ls_adoptr = 'L12' AND coalesce(a.sex_adoptr, '') NOT IN ('MM', 'FF')
$chk$),
  ('331', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{}'::text[],
   'DATE_MATCH after the start of the episode that ended in adoption (E11, E12)',
   'Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption.',
   NULL,
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('matched with adopters %s, after the episode ending in adoption began (%s)', a.date_match, e.decom) AS msg
  FROM m_ad1 a
  JOIN (SELECT e.la, e.child, min(e.decom) AS decom FROM ep e WHERE e.rec IN ('E11', 'E12') GROUP BY e.la, e.child) e
    ON e.la = a.la AND e.child = a.child
 WHERE a.date_match > e.decom
$chk$),
  ('334', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], true, '{}'::text[],
   'DATE_INT before the start (RNE S) of the child''s latest period of care',
   'Date child started to be looked after in latest period of care must be on or prior to the date should be placed for adoption.',
   'The validator reads this year''s episodes only; we take the latest RNE S episode of every loaded return up to the year (a period that began in an earlier return is measured from its start). A start not loaded can only be later than those seen, so a flag is never caused by missing history. We flag the AD1 row; the validator also flags the episode',
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('decision to place for adoption %s is before the latest period of care began (%s)', a.date_int, s.latest_start) AS msg
  FROM m_ad1 a JOIN m_s_start s ON s.la = a.la AND s.child = a.child
 WHERE a.date_int < s.latest_start
$chk$),
  ('335', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{}'::text[],
   'FOSTER_CARE contradicts the placement the child was adopted from: 0 with A3/A5 (with current foster carers), 1 with A4/A6',
   'The current foster value (0) suggests that child is not adopted by current foster carer, but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is adopted by current foster carer, but last placement is A1, A4 or A6.',
   'The validator''s lists also hold A1, A2 (no longer codes) and REC E1 (not a reason ceased); we read A3/A5 as with the current foster carer(s) and A4/A6 as not (reference section 3.2)',
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('FOSTER_CARE %s but the child was adopted from placement %s', a.foster_care, e.place) AS msg
  FROM m_ad1 a JOIN ep e ON e.la = a.la AND e.child = a.child AND e.rec IN ('E11', 'E12')
 WHERE (e.place IN ('A3', 'A5') AND a.foster_care = 0) OR (e.place IN ('A4', 'A6') AND a.foster_care = 1)
$chk$),
  ('521', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{}'::text[],
   'DATE_INT after the child was placed for adoption (an episode of the year in A3-A6)',
   'Date of local authority''s decision (LA) that adoption is in the best interests of the child (date should be placed) must be on or prior to the date the child is placed for adoption.',
   NULL,
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('decision to place for adoption %s is after the child was placed for adoption (%s)', a.date_int, e.decom) AS msg
  FROM m_ad1 a
  JOIN (SELECT e.la, e.child, min(e.decom) AS decom FROM ep e
         WHERE e.place IN ('A3', 'A4', 'A5', 'A6') GROUP BY e.la, e.child) e ON e.la = a.la AND e.child = a.child
 WHERE a.date_int > e.decom
$chk$),
  ('582', 'adoption', NULL, NULL, 'Episodes', '{header,ad1}'::text[], false, '{}'::text[],
   'Adopted (E11, E12) on the very day of DATE_MATCH',
   'Child is showing as ceasing to be looked after due to adoption, but the date of adoption is the same as the date reported for being matched with adopters. In most circumstances we expect the date the child is matched with adopters to be before the date of adoption.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('adopted (%s) on %s, the day the child was matched with adopters', e.rec, e.dec) AS msg
  FROM ep e JOIN m_ad1 a ON a.la = e.la AND a.child = e.child
 WHERE e.rec IN ('E11', 'E12') AND e.dec = a.date_match
$chk$),
  ('601', 'adoption', NULL, NULL, 'Episodes', '{header,ad1}'::text[], false, '{}'::text[],
   'Adopted in the year (E11, E12) but the AD1 row is missing or partly blank (flags the episode)',
   'The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.',
   'The validator flags only a child whose AD1 row is present and partly blank; DfE''s message (adoption fields not completed) also covers a child with no AD1 row at all, which we flag',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       CASE WHEN a.child IS NULL THEN format('adopted (%s) on %s but the return has no adoption (AD1) row', e.rec, e.dec)
            ELSE format('adopted (%s) on %s but adoption items are blank: %s', e.rec, e.dec,
                        array_to_string(a.blank_items, ', ')) END AS msg
  FROM ep e LEFT JOIN m_ad1 a ON a.la = e.la AND a.child = e.child
 WHERE e.rec IN ('E11', 'E12') AND e.dec BETWEEN $2 AND $3
   AND (a.child IS NULL OR cardinality(a.blank_items) > 0) AND NOT EXISTS (SELECT 1 FROM m_unloaded z WHERE z.la = e.la AND z.year = $1 AND z.module = 'ad1')
$chk$),
  ('602', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{}'::text[],
   'AD1 information but no episode of the year ends in adoption (E11, E12)',
   'The episode data submitted for this child does not show that he/she was adopted during the year.',
   NULL,
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       'adoption (AD1) information but no episode of the year ends in adoption (E11, E12)' AS msg
  FROM m_ad1 a
 WHERE cardinality(a.blank_items) < 6
   AND NOT EXISTS (SELECT 1 FROM ep e WHERE e.la = a.la AND e.child = a.child
                      AND e.rec IN ('E11', 'E12') AND e.dec BETWEEN $2 AND $3)
$chk$),
  ('134', 'adoption', NULL, NULL, 'AD1', '{header,ad1}'::text[], false, '{}'::text[],
   'AD1 information for a young person with care-leaver (OC3) information',
   'Data on adoption should not be entered for the OC3 cohort.',
   NULL,
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       'adoption (AD1) information for a young person with care-leaver (OC3) information' AS msg
  FROM m_ad1 a
 WHERE cardinality(a.blank_items) < 6
   AND EXISTS (SELECT 1 FROM m_oc3 o WHERE o.la = a.la AND o.child = a.child AND o.given)
$chk$),
  -- outcomes (OC2)
  ('187', 'outcomes (OC2)', NULL, NULL, 'AD1, OC3', '{header,ad1}'::text[], false, '{}'::text[],
   'AD1 or OC3 information for a child looked after continuously for 12 months at 31 March',
   'Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed.',
   'Looked after continuously for 12 months: see the OC2 cohort (doc/validation.md)',
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       'looked after continuously for 12 months at 31 March, yet adoption (AD1) information is given' AS msg
  FROM m_ad1 a JOIN m_cla12 c ON c.la = a.la AND c.child = a.child
 WHERE cardinality(a.blank_items) < 6
UNION ALL
SELECT 'OC3', o.la, o.child, o.source_file, o.source_line,
       'looked after continuously for 12 months at 31 March, yet care-leaver (OC3) information is given'
  FROM m_oc3 o JOIN m_cla12 c ON c.la = o.la AND c.child = o.child
 WHERE o.given
$chk$),
  ('180', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{OC2.SDQ_SCORE}'::text[],
   'SDQ_SCORE is not a whole number from 0 to 40',
   'Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.',
   NULL,
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('SDQ_SCORE %s is not a whole number from 0 to 40', coalesce(o.sdq_score::text, o.rjv ->> 'sdq_score')) AS msg
  FROM m_oc2 o WHERE o.sdq_score NOT BETWEEN 0 AND 40 OR o.rjv ? 'sdq_score'
$chk$),
  ('181', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{OC2.CONVICTED,OC2.HEALTH_CHECK,OC2.IMMUNISATIONS,OC2.TEETH_CHECK,OC2.HEALTH_ASSESSMENT,OC2.SUBSTANCE_MISUSE,OC2.INTERVENTION_RECEIVED,OC2.INTERVENTION_OFFERED}'::text[],
   'An OC2 0/1 item (CONVICTED, HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED) is neither 0 nor 1',
   'Data items relating to children looked after continuously for 12 months should be completed with a 0 or 1.',
   NULL,
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('not 0 or 1: %s', (SELECT string_agg(upper(f.k) || ' ' || f.v, ', ' ORDER BY f.k)
                                  FROM jsonb_each_text(o.flags) f(k, v) WHERE f.v NOT IN ('0', '1'))) AS msg
  FROM m_oc2 o
 WHERE EXISTS (SELECT 1 FROM jsonb_each_text(o.flags) f(k, v) WHERE f.v NOT IN ('0', '1'))
$chk$),
  ('182', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'Some OC2 items given but IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT or SUBSTANCE_MISUSE blank',
   'Data entries on immunisations, teeth checks, health assessments and substance misuse problem identified should be completed or all OC2 fields should be left blank.',
   NULL,
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       'some OC2 items are given but IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT or SUBSTANCE_MISUSE is blank' AS msg
  FROM m_oc2 o
 WHERE NOT (o.flags ?& ARRAY['immunisations', 'teeth_check', 'health_assessment', 'substance_misuse'])
   AND o.flags ?| ARRAY['convicted', 'health_check', 'intervention_received', 'intervention_offered']
$chk$),
  ('157', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'SDQ_REASON SDQ1 (under 4 or over 16) with no score for a child looked after 12 months, aged 4 or over on the first day of the year and not yet past the 16th birthday on the last',
   'Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and Difficulties Questionnaire (SDQ) score.',
   NULL,
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       'SDQ_REASON SDQ1 (under 4 or over 16) for a child aged 4 to 16 in the year' AS msg
  FROM m_oc2 o JOIN m_cla12 c ON c.la = o.la AND c.child = o.child
 WHERE o.sdq_reason = 'SDQ1' AND o.sdq_score IS NULL AND NOT o.rjv ? 'sdq_score'
   AND careleaver.birthday(o.dob, 4) <= $2 AND careleaver.birthday(o.dob, 16) >= $3
$chk$),
  ('158', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'INTERVENTION_RECEIVED 1 but INTERVENTION_OFFERED given',
   'If a child has been recorded as receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be left blank.',
   NULL,
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       'INTERVENTION_RECEIVED 1 but INTERVENTION_OFFERED is given' AS msg
  FROM m_oc2 o WHERE o.intervention_received = 1 AND o.flags ? 'intervention_offered'
$chk$),
  ('159', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'SUBSTANCE_MISUSE 1, INTERVENTION_RECEIVED 0, INTERVENTION_OFFERED blank',
   'If a child has been recorded as not receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be completed as well.',
   NULL,
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       'SUBSTANCE_MISUSE 1 and INTERVENTION_RECEIVED 0 but INTERVENTION_OFFERED is blank' AS msg
  FROM m_oc2 o WHERE o.substance_misuse = 1 AND o.intervention_received = 0 AND NOT o.flags ? 'intervention_offered'
$chk$),
  ('185', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'SDQ score for a child not looked after continuously for 12 months at 31 March',
   'Child has not been looked after continuously for at least 12 months at 31 March but a Strengths and Difficulties (SDQ) score has been completed.',
   'Looked after continuously for 12 months: see the OC2 cohort (doc/validation.md); care ending on 31 March itself ends it (the validator counts such a child as looked after at 31 March)',
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       'SDQ score for a child not looked after continuously for 12 months at 31 March' AS msg
  FROM m_oc2 o WHERE NOT o.cla12 AND (o.sdq_score IS NOT NULL OR o.rjv ? 'sdq_score')
$chk$),
  ('186', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'No SDQ score nor reason for a child looked after 12 months, aged 4 or over on the first day of the year and under 17 on the last',
   'Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed.',
   'As the validator: a reason for no score (SDQ_REASON) counts as an answer',
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       'no SDQ score nor reason for a child aged 4 to 16 looked after continuously for 12 months' AS msg
  FROM m_oc2 o
 WHERE o.cla12 AND o.sdq_score IS NULL AND o.sdq_reason IS NULL AND NOT o.rjv ? 'sdq_score'
   AND careleaver.birthday(o.dob, 4) <= $2 AND careleaver.birthday(o.dob, 17) > $3
$chk$),
  ('188', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'SDQ score or reason for a child under 4 at the end of the year',
   'Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed.',
   NULL,
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('SDQ score or reason for a child under 4 at the end of the year (4th birthday %s)', careleaver.birthday(o.dob, 4)) AS msg
  FROM m_oc2 o
 WHERE careleaver.birthday(o.dob, 4) > $3 AND (o.sdq_score IS NOT NULL OR o.sdq_reason IS NOT NULL OR o.rjv ? 'sdq_score')
$chk$),
  ('189', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'SDQ score or reason for a young person aged 17 or over on the first day of the year',
   'Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed.',
   'The validator flags only those whose 17th birthday is before the first day; DfE''s message says 17 or over at the beginning of the year, so a 17th birthday on 1 April counts',
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('SDQ score or reason for a young person aged 17 or over at the start of the year (17th birthday %s)', careleaver.birthday(o.dob, 17)) AS msg
  FROM m_oc2 o
 WHERE careleaver.birthday(o.dob, 17) <= $2 AND (o.sdq_score IS NOT NULL OR o.sdq_reason IS NOT NULL OR o.rjv ? 'sdq_score')
$chk$),
  ('190', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'OC2 0/1 items for a child not looked after continuously for 12 months at 31 March',
   'Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed.',
   NULL,
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('OC2 items (%s) for a child not looked after continuously for 12 months at 31 March',
              (SELECT string_agg(upper(f.k), ', ' ORDER BY f.k) FROM jsonb_object_keys(o.flags) f(k))) AS msg
  FROM m_oc2 o WHERE NOT o.cla12 AND o.flags <> '{}'
$chk$),
  ('191', 'outcomes (OC2)', NULL, NULL, 'OC2, Episodes', '{header,oc2}'::text[], false, '{}'::text[],
   'A child looked after continuously for 12 months with IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT or SUBSTANCE_MISUSE blank, or with no OC2 row (flags the child''s first episode)',
   'Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.',
   NULL,
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       'looked after continuously for 12 months at 31 March but IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT or SUBSTANCE_MISUSE is blank' AS msg
  FROM m_oc2 o
 WHERE o.cla12 AND NOT (o.flags ?& ARRAY['immunisations', 'teeth_check', 'health_assessment', 'substance_misuse'])
UNION ALL
SELECT 'Episodes', s.la, s.child, s.source_file, s.source_line,
       'looked after continuously for 12 months at 31 March but the return has no OC2 row for the child'
  FROM seq s JOIN m_cla12 c ON c.la = s.la AND c.child = s.child
 WHERE s.k = 1 AND NOT EXISTS (SELECT 1 FROM m_oc2 o WHERE o.la = s.la AND o.child = s.child)
   AND NOT EXISTS (SELECT 1 FROM m_unloaded z WHERE z.la = s.la AND z.year = $1 AND z.module = 'oc2')
$chk$),
  ('192', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'SUBSTANCE_MISUSE 1 but INTERVENTION_RECEIVED blank',
   'Child has been identified as having a substance misuse problem but the additional item on whether an intervention was received has been left blank.',
   NULL,
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line, 'SUBSTANCE_MISUSE 1 but INTERVENTION_RECEIVED is blank' AS msg
  FROM m_oc2 o WHERE o.substance_misuse = 1 AND NOT o.flags ? 'intervention_received'
$chk$),
  ('193', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'SUBSTANCE_MISUSE 0 or blank but INTERVENTION_RECEIVED or INTERVENTION_OFFERED given',
   'Child not identified as having a substance misuse problem but at least one of the two additional items on whether an intervention were offered and received have been completed.',
   NULL,
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('SUBSTANCE_MISUSE %s but INTERVENTION_RECEIVED or INTERVENTION_OFFERED is given', coalesce(o.substance_misuse::text, 'blank')) AS msg
  FROM m_oc2 o
 WHERE (o.substance_misuse = 0 OR NOT o.flags ? 'substance_misuse')
   AND o.flags ?| ARRAY['intervention_received', 'intervention_offered']
$chk$),
  ('196', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'SDQ_REASON is not one of SDQ1-SDQ5',
   'Strengths and Difficulties (SDQ) reason is not a valid code.',
   'Codes are read ignoring case and spaces',
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line, format('SDQ_REASON %s is not one of SDQ1-SDQ5', o.sdq_reason) AS msg
  FROM m_oc2 o WHERE o.sdq_reason NOT IN ('SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5')
$chk$),
  ('197a', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'SDQ_SCORE and SDQ_REASON both given',
   'Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and Difficulties Questionnaire score is filled in.',
   NULL,
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('SDQ_SCORE %s and SDQ_REASON %s are both given', coalesce(o.sdq_score::text, o.rjv ->> 'sdq_score'), o.sdq_reason) AS msg
  FROM m_oc2 o WHERE (o.sdq_score IS NOT NULL OR o.rjv ? 'sdq_score') AND o.sdq_reason IS NOT NULL
$chk$),
  ('197B', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'No SDQ score nor reason for a child looked after 12 months whose 4th or 17th birthday falls in the year',
   'SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.',
   NULL,
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('no SDQ score nor reason although the %s birthday falls in the year',
              CASE WHEN careleaver.birthday(o.dob, 4) BETWEEN $2 AND $3 THEN '4th' ELSE '17th' END) AS msg
  FROM m_oc2 o
 WHERE o.cla12 AND o.sdq_score IS NULL AND o.sdq_reason IS NULL AND NOT o.rjv ? 'sdq_score'
   AND (careleaver.birthday(o.dob, 4) BETWEEN $2 AND $3 OR careleaver.birthday(o.dob, 17) BETWEEN $2 AND $3)
$chk$),
  ('198', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'SDQ_REASON for a child not looked after continuously for 12 months at 31 March',
   'Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed.',
   NULL,
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('SDQ_REASON %s for a child not looked after continuously for 12 months at 31 March', o.sdq_reason) AS msg
  FROM m_oc2 o WHERE NOT o.cla12 AND o.sdq_reason IS NOT NULL
$chk$),
  ('215', 'outcomes (OC2)', NULL, NULL, 'OC3, OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'Care-leaver (OC3) information and OC2 0/1 items for the same young person (flags both rows)',
   'Child has care leaver information but one or more data items relating to children looked after for 12 months have been completed.',
   NULL,
   NULL,
   $chk$
SELECT 'OC3' AS tbl, o.la, o.child, o.source_file, o.source_line,
       'care-leaver information for a young person with OC2 items given' AS msg
  FROM m_oc3 o
 WHERE o.given AND EXISTS (SELECT 1 FROM m_oc2 t WHERE t.la = o.la AND t.child = o.child AND t.flags <> '{}')
UNION ALL
SELECT 'OC2', t.la, t.child, t.source_file, t.source_line,
       'OC2 items for a young person with care-leaver (OC3) information'
  FROM m_oc2 t
 WHERE t.flags <> '{}' AND EXISTS (SELECT 1 FROM m_oc3 o WHERE o.la = t.la AND o.child = t.child AND o.given)
$chk$),
  ('543', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'CONVICTED blank for a child looked after 12 months and aged 10 or over at 31 March',
   'Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed.',
   'The validator needs the 10th birthday before 31 March; DfE''s message says aged 10 or over at 31 March, so a 10th birthday on 31 March counts',
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('CONVICTED is blank for a child aged 10 or over at 31 March (10th birthday %s)', careleaver.birthday(o.dob, 10)) AS msg
  FROM m_oc2 o WHERE o.cla12 AND careleaver.birthday(o.dob, 10) <= $3 AND NOT o.flags ? 'convicted'
$chk$),
  ('544', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'CONVICTED given but IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT or SUBSTANCE_MISUSE blank',
   'Any child who has conviction information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.',
   'The validator reads only CONVICTED 1; DfE''s message says conviction information completed, so 0 counts too',
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       'CONVICTED is given but IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT or SUBSTANCE_MISUSE is blank' AS msg
  FROM m_oc2 o
 WHERE o.flags ? 'convicted'
   AND NOT (o.flags ?& ARRAY['immunisations', 'teeth_check', 'health_assessment', 'substance_misuse'])
$chk$),
  ('545', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'HEALTH_CHECK blank for a child looked after 12 months and under 5 at 31 March',
   'Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health promotion information has not been completed.',
   NULL,
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('HEALTH_CHECK is blank for a child under 5 at 31 March (5th birthday %s)', careleaver.birthday(o.dob, 5)) AS msg
  FROM m_oc2 o WHERE o.cla12 AND careleaver.birthday(o.dob, 5) > $3 AND NOT o.flags ? 'health_check'
$chk$),
  ('546', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'HEALTH_CHECK given for a child aged 5 or over at 31 March',
   'Children aged 5 or over at 31 March should not have health promotion information completed.',
   'The validator asks this only of children looked after 12 months; DfE''s message asks it of every child aged 5 or over',
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('HEALTH_CHECK is given for a child aged 5 or over at 31 March (5th birthday %s)', careleaver.birthday(o.dob, 5)) AS msg
  FROM m_oc2 o WHERE careleaver.birthday(o.dob, 5) <= $3 AND o.flags ? 'health_check'
$chk$),
  ('547', 'outcomes (OC2)', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'HEALTH_CHECK given but IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT or SUBSTANCE_MISUSE blank',
   'Any child who has health promotion information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.',
   'The validator reads only HEALTH_CHECK 1; DfE''s message says health promotion information completed, so 0 counts too',
   NULL,
   $chk$
SELECT 'OC2' AS tbl, o.la, o.child, o.source_file, o.source_line,
       'HEALTH_CHECK is given but IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT or SUBSTANCE_MISUSE is blank' AS msg
  FROM m_oc2 o
 WHERE o.flags ? 'health_check'
   AND NOT (o.flags ?& ARRAY['immunisations', 'teeth_check', 'health_assessment', 'substance_misuse'])
$chk$),
  -- placed for adoption
  ('115', 'placed for adoption', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], false, '{PlacedAdoption.DATE_PLACED}'::text[],
   'PlacedAdoption DATE_PLACED is not a date',
   'Date of Local Authority''s (LA) decision that a child should be placed for adoption is not a valid date.',
   NULL,
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('DATE_PLACED %s is not a date', p.rjv ->> 'date_placed') AS msg
  FROM m_pa p WHERE p.rjv ? 'date_placed'
$chk$),
  ('116', 'placed for adoption', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], false, '{PlacedAdoption.DATE_PLACED_CEASED}'::text[],
   'PlacedAdoption DATE_PLACED_CEASED is not a date',
   'Date of Local Authority''s (LA) decision that a child should no longer be placed for adoption is not a valid date.',
   NULL,
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('DATE_PLACED_CEASED %s is not a date', p.rjv ->> 'date_placed_ceased') AS msg
  FROM m_pa p WHERE p.rjv ? 'date_placed_ceased'
$chk$),
  ('117', 'placed for adoption', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], false, '{}'::text[],
   'DATE_PLACED or DATE_PLACED_CEASED after the end of the year or after the child''s latest episode not ended by X1 ceased',
   'Date of decision that a child should/should no longer be placed for adoption is beyond the current collection year or after the child ceased to be looked after.',
   'We flag the row that holds the error; the validator also flags the child''s latest episode',
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('decision dated %s is after %s', greatest(p.date_placed, p.date_placed_ceased),
              CASE WHEN greatest(p.date_placed, p.date_placed_ceased) > $3 THEN format('the end of the collection year (%s)', $3)
                   ELSE format('the child ceased to be looked after (%s)', l.dec) END) AS msg
  FROM m_pa p
  LEFT JOIN (SELECT DISTINCT ON (e.la, e.child) e.la, e.child, e.dec FROM ep e
              WHERE e.decom IS NOT NULL AND e.rec IS DISTINCT FROM 'X1'
              ORDER BY e.la, e.child, e.decom DESC, e.source_line DESC) l ON l.la = p.la AND l.child = p.child
 WHERE greatest(p.date_placed, p.date_placed_ceased) > least($3, coalesce(l.dec, $3))
$chk$),
  ('118', 'placed for adoption', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], false, '{}'::text[],
   'DATE_PLACED_CEASED before the year, or before the first episode of the year that is not a short break',
   'Date of decision that a child should no longer be placed for adoption is before the current collection year or before the date the child started to be looked after.',
   'We flag the row that holds the error; the validator also flags the child''s earliest episode',
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('decision that the child should no longer be placed for adoption (%s) is before %s', p.date_placed_ceased,
              CASE WHEN p.date_placed_ceased < $2 THEN format('the collection year (%s)', $2)
                   ELSE format('the child started to be looked after (%s)', f.decom) END) AS msg
  FROM m_pa p
  LEFT JOIN (SELECT e.la, e.child, min(e.decom) AS decom FROM ep e
              WHERE e.ls IS DISTINCT FROM 'V3' AND e.ls IS DISTINCT FROM 'V4' GROUP BY e.la, e.child) f
    ON f.la = p.la AND f.child = p.child
 WHERE p.date_placed_ceased < greatest($2, coalesce(f.decom, $2))
$chk$),
  ('119', 'placed for adoption', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], false, '{}'::text[],
   'DATE_PLACED_CEASED and REASON_PLACED_CEASED not both given or both blank',
   'If the decision is made that a child should no longer be placed for adoption, then the date of this decision and the reason why this decision was made must be completed.',
   NULL,
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, p.la, p.child, p.source_file, p.source_line,
       CASE WHEN p.reason_placed_ceased IS NULL THEN 'DATE_PLACED_CEASED is given but REASON_PLACED_CEASED is blank'
            ELSE 'REASON_PLACED_CEASED is given but DATE_PLACED_CEASED is blank' END AS msg
  FROM m_pa p
 WHERE (p.date_placed_ceased IS NOT NULL OR p.rjv ? 'date_placed_ceased') <> (p.reason_placed_ceased IS NOT NULL)
$chk$),
  ('120', 'placed for adoption', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], false, '{}'::text[],
   'REASON_PLACED_CEASED is not one of RD1-RD4',
   'The reason for the reversal of the decision that the child should be placed for adoption code is not valid.',
   'Codes are read ignoring case and spaces',
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('REASON_PLACED_CEASED %s is not one of RD1-RD4', p.reason_placed_ceased) AS msg
  FROM m_pa p WHERE p.reason_placed_ceased NOT IN ('RD1', 'RD2', 'RD3', 'RD4')
$chk$),
  ('184', 'placed for adoption', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], false, '{}'::text[],
   'DATE_PLACED before the date of birth',
   'Date of decision that a child should be placed for adoption is before the child was born.',
   'DOB of the PlacedAdoption row, else of the latest header (the validator reads the header)',
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('decision to place for adoption %s is before the date of birth %s', p.date_placed, p.dob) AS msg
  FROM m_pa p WHERE p.date_placed < p.dob
$chk$),
  ('522', 'placed for adoption', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], false, '{}'::text[],
   'DATE_PLACED_CEASED before DATE_PLACED',
   'Date of decision that the child should be placed for adoption must be on or before the date that a child should no longer be placed for adoption.',
   NULL,
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('decision reversed %s, before it was made (%s)', p.date_placed_ceased, p.date_placed) AS msg
  FROM m_pa p WHERE p.date_placed_ceased < p.date_placed
$chk$),
  ('523', 'placed for adoption', NULL, NULL, 'AD1', '{header,ad1,placed_adoption}'::text[], false, '{}'::text[],
   'AD1 DATE_INT equals no DATE_PLACED of the child''s PlacedAdoption rows (flags the AD1 row)',
   'Date of decision that the child should be placed for adoption should be the same date as the decision that adoption is in the best interest (date should be placed).',
   'The validator pairs every AD1 row with every PlacedAdoption row of the child and flags both of each differing pair; we flag the AD1 row when none of the child''s decisions has its date, so an earlier, reversed decision is not an error',
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('DATE_INT %s matches no DATE_PLACED of the child (%s)', a.date_int,
              (SELECT string_agg(p.date_placed::text, ', ' ORDER BY p.date_placed) FROM m_pa p
                WHERE p.la = a.la AND p.child = a.child)) AS msg
  FROM m_ad1 a
 WHERE a.date_int IS NOT NULL
   AND EXISTS (SELECT 1 FROM m_pa p WHERE p.la = a.la AND p.child = a.child AND p.date_placed IS NOT NULL)
   AND NOT EXISTS (SELECT 1 FROM m_pa p WHERE p.la = a.la AND p.child = a.child AND p.date_placed = a.date_int)
$chk$),
  ('525', 'placed for adoption', NULL, NULL, 'AD1', '{header,ad1,placed_adoption}'::text[], false, '{}'::text[],
   'AD1 information although every decision to place the child for adoption was reversed (flags the AD1 row)',
   'A child for whom the decision to be placed for adoption has been reversed cannot be adopted during the year.',
   'The validator flags any child with a reversed decision and AD1 data, also when a later decision stands, and flags the PlacedAdoption rows too; we flag the AD1 row only when no decision is left standing',
   NULL,
   $chk$
SELECT 'AD1' AS tbl, a.la, a.child, a.source_file, a.source_line,
       format('adoption (AD1) information, but every decision to place the child for adoption was reversed (latest reversal %s)',
              (SELECT max(p.date_placed_ceased) FROM m_pa p WHERE p.la = a.la AND p.child = a.child)) AS msg
  FROM m_ad1 a
 WHERE cardinality(a.blank_items) < 6
   AND EXISTS (SELECT 1 FROM m_pa p WHERE p.la = a.la AND p.child = a.child)
   AND NOT EXISTS (SELECT 1 FROM m_pa p WHERE p.la = a.la AND p.child = a.child
                      AND p.date_placed_ceased IS NULL AND NOT p.rjv ? 'date_placed_ceased')
$chk$),
  ('551', 'placed for adoption', NULL, NULL, 'Episodes', '{header,placed_adoption}'::text[], false, '{}'::text[],
   'An episode placed for adoption (A3-A6) but no PlacedAdoption DATE_PLACED for the child',
   'Child has been placed for adoption but there is no date of the decision that the child should be placed for adoption.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('placed for adoption (%s) from %s but no decision to place for adoption (DATE_PLACED) is recorded', e.place, e.decom) AS msg
  FROM ep e
 WHERE e.place IN ('A3', 'A4', 'A5', 'A6') AND NOT EXISTS (SELECT 1 FROM m_unloaded z WHERE z.la = e.la AND z.year = $1 AND z.module = 'placed_adoption')
   AND NOT EXISTS (SELECT 1 FROM m_pa p WHERE p.la = e.la AND p.child = e.child
                      AND (p.date_placed IS NOT NULL OR p.rjv ? 'date_placed'))
$chk$),
  ('552', 'placed for adoption', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], false, '{}'::text[],
   'The latest DATE_PLACED after the first episode of the year placed for adoption (A3-A6)',
   'Date of Decision to place a child for adoption should be on or prior to the date that the child was placed for adoption.',
   NULL,
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('decision to place for adoption %s is after the child was placed for adoption (%s)', p.date_placed, f.decom) AS msg
  FROM (SELECT DISTINCT ON (p.la, p.child) p.* FROM m_pa p WHERE p.date_placed IS NOT NULL
         ORDER BY p.la, p.child, p.date_placed DESC, p.source_line DESC) p
  JOIN (SELECT e.la, e.child, min(e.decom) AS decom FROM ep e
         WHERE e.place IN ('A3', 'A4', 'A5', 'A6') GROUP BY e.la, e.child) f ON f.la = p.la AND f.child = p.child
 WHERE f.decom < p.date_placed
$chk$),
  ('553', 'placed for adoption', NULL, NULL, 'Episodes, PlacedAdoption', '{header,placed_adoption}'::text[], false, '{}'::text[],
   'Placement order (LS E1) but no PlacedAdoption row; or the decision reversed while the E1 episode is open',
   'Placement order has been granted but there is no date of decision that the child should be placed for adoption.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('placement order (E1) from %s but the return has no decision to place for adoption (PlacedAdoption)', e.decom) AS msg
  FROM ep e
 WHERE e.ls = 'E1' AND NOT EXISTS (SELECT 1 FROM m_pa p WHERE p.la = e.la AND p.child = e.child)
   AND NOT EXISTS (SELECT 1 FROM m_unloaded z WHERE z.la = e.la AND z.year = $1 AND z.module = 'placed_adoption')
UNION ALL
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       format('decision reversed although the placement order (E1) from %s is still in force', e.decom)
  FROM m_pa p JOIN ep e ON e.la = p.la AND e.child = p.child AND e.ls = 'E1' AND e.dec IS NULL
 WHERE p.date_placed_ceased IS NOT NULL OR p.reason_placed_ceased IS NOT NULL
$chk$),
  ('554', 'placed for adoption', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], false, '{}'::text[],
   'DATE_PLACED after the placement order was granted (the first episode of the year whose legal status became E1: LS E1 with RNE S, L, B or U)',
   'Date of decision that the child should be placed for adoption should be on or prior to the date that the placement order was granted.',
   'The validator compares with the first E1 episode of the year, which is a later episode (a change of placement) when the order was granted earlier, and warns of false results; we take the episode in which the legal status became E1',
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('decision to place for adoption %s is after the placement order was granted (%s)', p.date_placed, g.decom) AS msg
  FROM m_pa p
  JOIN (SELECT e.la, e.child, min(e.decom) AS decom FROM ep e
         WHERE e.ls = 'E1' AND e.rne IN ('S', 'L', 'B', 'U') GROUP BY e.la, e.child) g ON g.la = p.la AND g.child = p.child
 WHERE p.date_placed > g.decom
$chk$),
  ('555', 'placed for adoption', NULL, 2024, 'Episodes, PlacedAdoption', '{header,placed_adoption}'::text[], false, '{}'::text[],
   'Freeing order (LS D1) but no PlacedAdoption row; or the decision reversed while the D1 episode is open',
   'Freeing order has been granted but there is no date of decision that the child should be placed for adoption.',
   'Withdrawn from 2024-25 (the validator''s 2024-25 rules delete it)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('freeing order (D1) from %s but the return has no decision to place for adoption (PlacedAdoption)', e.decom) AS msg
  FROM ep e
 WHERE e.ls = 'D1' AND NOT EXISTS (SELECT 1 FROM m_pa p WHERE p.la = e.la AND p.child = e.child)
   AND NOT EXISTS (SELECT 1 FROM m_unloaded z WHERE z.la = e.la AND z.year = $1 AND z.module = 'placed_adoption')
UNION ALL
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       format('decision reversed although the freeing order (D1) from %s is still in force', e.decom)
  FROM m_pa p JOIN ep e ON e.la = p.la AND e.child = p.child AND e.ls = 'D1' AND e.dec IS NULL
 WHERE p.date_placed_ceased IS NOT NULL OR p.reason_placed_ceased IS NOT NULL
$chk$),
  ('556', 'placed for adoption', NULL, 2024, 'Episodes', '{header,placed_adoption}'::text[], false, '{}'::text[],
   'A freeing order (LS D1) episode starting before the decision to place for adoption',
   'Date of decision that the child should be placed for adoption should be on or prior to the date that the freeing order was granted.',
   'Withdrawn from 2024-25',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('freeing order (D1) episode from %s began before the decision to place for adoption (%s)', e.decom, p.date_placed) AS msg
  FROM ep e
  JOIN (SELECT p.la, p.child, min(p.date_placed) AS date_placed FROM m_pa p GROUP BY p.la, p.child) p
    ON p.la = e.la AND p.child = e.child
 WHERE e.ls = 'D1' AND p.date_placed > e.decom
$chk$),
  ('557', 'placed for adoption', NULL, NULL, 'Episodes', '{header,placed_adoption}'::text[], false, '{}'::text[],
   'Left care (REC not X1, E11, E12) from an adoption placement (A3-A6) or placement order (E1; also D1 up to 2023-24) and no reversal of the decision (DATE_PLACED_CEASED and REASON_PLACED_CEASED) recorded',
   'Child for whom the decision was made that they should be placed for adoption has left care but was not adopted and information on the decision that they should no longer be placed for adoption items has not been completed.',
   'DfE changed the rule in 2024-25: freeing orders (D1) no longer count; we apply each year''s version (the validator applies its latest to every year)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('left care (%s) on %s from %s without being adopted, and no reversal of the decision to place for adoption is recorded',
              e.rec, e.dec, CASE WHEN e.place IN ('A3', 'A4', 'A5', 'A6') THEN 'placement ' || e.place ELSE 'legal status ' || e.ls END) AS msg
  FROM ep e
 WHERE (e.place IN ('A3', 'A4', 'A5', 'A6') OR e.ls = 'E1' OR (e.ls = 'D1' AND $1 <= 2024))
   AND e.rec IS NOT NULL AND e.rec NOT IN ('X1', 'E11', 'E12') AND NOT EXISTS (SELECT 1 FROM m_unloaded z WHERE z.la = e.la AND z.year = $1 AND z.module = 'placed_adoption')
   AND NOT EXISTS (SELECT 1 FROM m_pa p WHERE p.la = e.la AND p.child = e.child
                      AND (p.date_placed_ceased IS NOT NULL OR p.rjv ? 'date_placed_ceased')
                      AND p.reason_placed_ceased IS NOT NULL)
$chk$),
  ('558', 'placed for adoption', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], false, '{}'::text[],
   'Adopted in the year (E11, E12) but the latest decision to place for adoption has a DATE_PLACED_CEASED',
   'If a child has been adopted, then the decision to place them for adoption has not been disrupted and the date of the decision that a child should no longer be placed for adoption should be left blank.',
   'The validator counts DATE_PLACED_CEASED over rows and only flags a child with more than one; we follow DfE''s wording: an adopted child''s standing (latest) decision must not be reversed',
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('the child was adopted (%s on %s) but the latest decision to place for adoption was reversed on %s', e.rec, e.dec, p.date_placed_ceased) AS msg
  FROM (SELECT DISTINCT ON (p.la, p.child) p.* FROM m_pa p
         ORDER BY p.la, p.child, p.date_placed DESC NULLS LAST, p.source_line DESC) p
  JOIN ep e ON e.la = p.la AND e.child = p.child AND e.rec IN ('E11', 'E12')
 WHERE p.date_placed_ceased IS NOT NULL
$chk$),
  ('559', 'placed for adoption', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], true, '{}'::text[],
   'DATE_PLACED before the year but last year''s return records no decision for the child',
   'Date of decision that a child should be placed for adoption was not in the current year but the date of the decision that the child should be placed for adoption was not completed in a previous return.',
   'Silent for a council whose last year''s return is not loaded',
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('decision to place for adoption dated %s, before the year, but last year''s return records none', p.date_placed) AS msg
  FROM m_pa p JOIN m_prev_la l ON l.la = p.la
 WHERE p.date_placed < $2 AND NOT EXISTS (SELECT 1 FROM m_unloaded z WHERE z.la = p.la AND z.year = $1 - 1 AND z.module = 'placed_adoption')
   AND NOT EXISTS (SELECT 1 FROM m_pa_last q WHERE q.la = p.la AND q.child = p.child AND q.date_placed IS NOT NULL)
$chk$),
  ('560', 'placed for adoption', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], true, '{}'::text[],
   'A standing decision of last year''s return is not repeated, another DATE_PLACED given instead',
   'Date of decision that the child should be placed for adoption this year is different from that recorded last year but the decision to place the child for adoption did not change.',
   NULL,
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('decision to place for adoption dated %s, but last year''s return has the standing decision of %s', p.date_placed, q.date_placed) AS msg
  FROM m_pa p
  JOIN m_pa_last q ON q.la = p.la AND q.child = p.child AND q.date_placed IS NOT NULL
                AND q.date_placed_ceased IS NULL AND q.reason_placed_ceased IS NULL
 WHERE p.date_placed IS DISTINCT FROM q.date_placed
   AND NOT EXISTS (SELECT 1 FROM m_pa o WHERE o.la = p.la AND o.child = p.child AND o.date_placed = q.date_placed)
$chk$),
  ('561', 'placed for adoption', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], true, '{}'::text[],
   'DATE_PLACED equal to last year''s, although last year''s return had that decision reversed',
   'Date of the decision that the child should be placed for adoption this year is the same as that recorded last year but records show that the decision changed, and the child should no longer be placed for adoption last year.',
   NULL,
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('decision to place for adoption dated %s was reversed in last year''s return', p.date_placed) AS msg
  FROM m_pa p
  JOIN m_pa_last q ON q.la = p.la AND q.child = p.child AND q.date_placed = p.date_placed
 WHERE q.date_placed_ceased IS NOT NULL OR q.reason_placed_ceased IS NOT NULL
$chk$),
  ('563', 'placed for adoption', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], false, '{}'::text[],
   'Decision reversed (DATE_PLACED_CEASED, REASON_PLACED_CEASED) but DATE_PLACED blank',
   'The child should no longer be placed for adoption but the date of the decision that the child should be placed for adoption is blank',
   NULL,
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, p.la, p.child, p.source_file, p.source_line,
       'decision reversed (DATE_PLACED_CEASED and REASON_PLACED_CEASED given) but DATE_PLACED is blank' AS msg
  FROM m_pa p
 WHERE p.date_placed IS NULL AND NOT p.rjv ? 'date_placed'
   AND p.date_placed_ceased IS NOT NULL AND p.reason_placed_ceased IS NOT NULL
$chk$),
  ('579', 'placed for adoption', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], false, '{}'::text[],
   'Decisions to place for adoption overlap: a new one while the previous is standing or before it was reversed',
   'A new decision that the child should be placed for adoption this year cannot start when the previous decision is still open. Decisions to place the child for adoption should also not overlap. The date of any new decision to place the child for adoption must not be before the date placed ceased of previous decisions.',
   NULL,
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, p.la, p.child, p.source_file, p.source_line,
       CASE WHEN p.prev_ceased IS NULL
            THEN format('decision to place for adoption %s while the decision of %s is still standing', p.date_placed, p.prev_placed)
            ELSE format('decision to place for adoption %s is before the previous one was reversed (%s)', p.date_placed, p.prev_ceased) END AS msg
  FROM (SELECT p.*, lag(p.date_placed) OVER w AS prev_placed, lag(p.date_placed_ceased) OVER w AS prev_ceased,
               row_number() OVER w AS k
          FROM m_pa p WHERE p.date_placed IS NOT NULL
        WINDOW w AS (PARTITION BY p.la, p.child ORDER BY p.date_placed, p.source_line)) p
 WHERE p.k > 1 AND (p.prev_ceased IS NULL OR p.date_placed < p.prev_ceased)
$chk$),
  ('583', 'placed for adoption', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], false, '{}'::text[],
   'More than one DATE_PLACED and an earlier decision was never reversed',
   'More than one date the child should be placed for adoption has been reported, but an earlier decision has not been revoked. Check that both dates are required and add in the date the earlier decision was revoked. Note this may be in a previous year.',
   NULL,
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('decision to place for adoption %s is not the latest (%s) but was never reversed', p.date_placed, p.latest) AS msg
  FROM (SELECT p.*, max(p.date_placed) OVER (PARTITION BY p.la, p.child) AS latest FROM m_pa p WHERE p.date_placed IS NOT NULL) p
 WHERE p.date_placed < p.latest AND p.date_placed_ceased IS NULL AND NOT p.rjv ? 'date_placed_ceased'
$chk$),
  ('584', 'placed for adoption', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], true, '{}'::text[],
   'Last year''s decision was reversed, yet this year''s DATE_PLACED is blank or not after it',
   'Date of decision that the child should be placed for adoption this year is different from that recorded last year, but the decision to placed the child for adoption changed and the child should no longer be placed for adoption.',
   NULL,
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, p.la, p.child, p.source_file, p.source_line,
       CASE WHEN p.date_placed IS NULL THEN format('DATE_PLACED is blank; last year''s decision of %s was reversed', q.date_placed)
            ELSE format('decision to place for adoption %s is not after last year''s reversed decision of %s', p.date_placed, q.date_placed) END AS msg
  FROM m_pa p
  JOIN m_pa_last q ON q.la = p.la AND q.child = p.child AND q.date_placed IS NOT NULL
                AND (q.date_placed_ceased IS NOT NULL OR q.reason_placed_ceased IS NOT NULL)
 WHERE p.date_placed <= q.date_placed OR (p.date_placed IS NULL AND NOT p.rjv ? 'date_placed')
$chk$),
  -- previous permanence
  ('630', 'previous permanence', NULL, NULL, 'Episodes', '{header,prev_perm}'::text[], false, '{}'::text[],
   'Started to be looked after in the year (RNE S) but no PrevPerm row, PREV_PERM blank, or LA_PERM/DATE_PERM missing for an order (P1-P3) (flags the episode)',
   'Information on previous permanence option should be returned.',
   'The validator also requires LA_PERM and DATE_PERM for P4 (not known); we do not ask where or when an unknown permanence was arranged',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       CASE WHEN NOT EXISTS (SELECT 1 FROM m_pp q WHERE q.la = e.la AND q.child = e.child)
            THEN format('started to be looked after %s but the return has no previous permanence (PrevPerm) row', e.decom)
            ELSE format('started to be looked after %s but PREV_PERM is blank, or LA_PERM or DATE_PERM is missing for an order', e.decom) END AS msg
  FROM ep e
 WHERE e.rne = 'S' AND e.decom BETWEEN $2 AND $3 AND NOT EXISTS (SELECT 1 FROM m_unloaded z WHERE z.la = e.la AND z.year = $1 AND z.module = 'prev_perm')
   AND NOT EXISTS (SELECT 1 FROM m_pp q WHERE q.la = e.la AND q.child = e.child AND q.prev_perm IS NOT NULL
                      AND (q.prev_perm NOT IN ('P1', 'P2', 'P3')
                           OR (q.la_perm IS NOT NULL AND (q.date_perm IS NOT NULL OR q.rjv ? 'date_perm'))))
$chk$),
  ('631', 'previous permanence', NULL, NULL, 'PrevPerm', '{header,prev_perm}'::text[], false, '{}'::text[],
   'PREV_PERM is not one of P1, P2, P3, P4, Z1',
   'Previous permanence option not a valid value.',
   'Codes are read ignoring case and spaces',
   NULL,
   $chk$
SELECT 'PrevPerm' AS tbl, q.la, q.child, q.source_file, q.source_line,
       format('PREV_PERM %s is not one of P1, P2, P3, P4, Z1', q.prev_perm) AS msg
  FROM m_pp q WHERE q.prev_perm NOT IN ('P1', 'P2', 'P3', 'P4', 'Z1')
$chk$),
  ('632', 'previous permanence', NULL, NULL, 'PrevPerm', '{header,prev_perm}'::text[], false, '{PrevPerm.DATE_PERM}'::text[],
   'DATE_PERM not a date (a day or month written zz is allowed) or not before the child''s first episode of the year',
   'Date of previous permanence order not a valid value.',
   'DfE allows zz for an unknown day or month (zz/zz/2015); the dataset stores DATE_PERM as a date, so the loader refuses such a value: a refused value of that form is not flagged, any other is',
   NULL,
   $chk$
SELECT 'PrevPerm' AS tbl, q.la, q.child, q.source_file, q.source_line,
       CASE WHEN q.date_perm IS NULL THEN format('DATE_PERM %s is neither a date nor a date with zz for an unknown day or month', q.rjv ->> 'date_perm')
            ELSE format('previous permanence order %s is not before the child''s first episode of the year (%s)', q.date_perm, f.decom) END AS msg
  FROM m_pp q
  LEFT JOIN (SELECT e.la, e.child, min(e.decom) AS decom FROM ep e GROUP BY e.la, e.child) f ON f.la = q.la AND f.child = q.child
 WHERE q.date_perm >= f.decom
    OR (q.date_perm IS NULL AND q.rjv ? 'date_perm'
        AND btrim(q.rjv ->> 'date_perm') !~* '^(zz|[0-9]{1,2})/(zz|[0-9]{1,2})/[0-9]{4}$')
$chk$),
  ('633', 'previous permanence', NULL, NULL, 'PrevPerm', '{header,prev_perm}'::text[], false, '{}'::text[],
   'LA_PERM is not a local authority code (DfE''s three-digit numbers), 999, NIR, SCO, WAL or NUK',
   'Local authority code where previous permanence option was arranged is not a valid value.',
   'The validator''s list predates the Northamptonshire (940, 941) and Cumbria (942, 943) successor councils; we accept them',
   NULL,
   $chk$
SELECT 'PrevPerm' AS tbl, q.la, q.child, q.source_file, q.source_line,
       format('LA_PERM %s is not a local authority code, 999, NIR, SCO, WAL or NUK', q.la_perm) AS msg
  FROM m_pp q
 WHERE q.la_perm IS NOT NULL AND q.la_perm <> ALL (ARRAY['999', 'NIR', 'SCO', 'WAL', 'NUK',
   -- DfE's three-digit local authority numbers, those of councils since replaced included (an order may be old);
   -- 940-943 are the Northamptonshire (2021) and Cumbria (2023) successors
   '201','202','203','204','205','206','207','208','209','210','211','212','213','301','302','303','304','305',
   '306','307','308','309','310','311','312','313','314','315','316','317','318','319','320','330','331','332',
   '333','334','335','336','340','341','342','343','344','350','351','352','353','354','355','356','357','358',
   '359','370','371','372','373','380','381','382','383','384','390','391','392','393','394','420','800','801',
   '802','803','805','806','807','808','810','811','812','813','815','816','821','822','823','825','826','830',
   '831','835','836','837','840','841','845','846','850','851','852','855','856','857','860','861','865','866',
   '867','868','869','870','871','872','873','874','876','877','878','879','880','881','882','883','884','885',
   '886','887','888','889','890','891','892','893','894','895','896','908','909','916','919','921','925','926',
   '928','929','931','933','935','936','937','938','940','941','942','943'])
$chk$),
  ('634', 'previous permanence', NULL, NULL, 'PrevPerm', '{header,prev_perm}'::text[], false, '{}'::text[],
   'PrevPerm information for a child whose latest episode began before 1 April 2016',
   'There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards.',
   'DfE''s message names 1 April 2016; the validator compares with the start of the collection year instead, and also flags the episodes',
   NULL,
   $chk$
SELECT 'PrevPerm' AS tbl, q.la, q.child, q.source_file, q.source_line,
       format('previous permanence information, but the child''s latest episode began %s, before 1 April 2016', f.decom) AS msg
  FROM m_pp q JOIN (SELECT e.la, e.child, max(e.decom) AS decom FROM ep e GROUP BY e.la, e.child) f
    ON f.la = q.la AND f.child = q.child
 WHERE f.decom < careleaver.collection_year_start(2017)  -- 1 April 2016
   AND (q.prev_perm IS NOT NULL OR q.la_perm IS NOT NULL OR q.date_perm IS NOT NULL OR q.rjv ? 'date_perm')
$chk$),
  ('635', 'previous permanence', NULL, NULL, 'PrevPerm', '{header,prev_perm}'::text[], false, '{}'::text[],
   'LA_PERM or DATE_PERM given while PREV_PERM is Z1 (no previous permanence) or blank',
   'There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1',
   'The validator flags only a blank PREV_PERM; DfE''s message names Z1, so we flag both',
   NULL,
   $chk$
SELECT 'PrevPerm' AS tbl, q.la, q.child, q.source_file, q.source_line,
       format('LA_PERM or DATE_PERM given but PREV_PERM is %s', coalesce(q.prev_perm, 'blank')) AS msg
  FROM m_pp q
 WHERE (q.la_perm IS NOT NULL OR q.date_perm IS NOT NULL OR q.rjv ? 'date_perm')
   AND (q.prev_perm IS NULL OR q.prev_perm = 'Z1')
$chk$),
  -- missing
  ('564', 'missing', NULL, NULL, 'Missing', '{header,missing}'::text[], false, '{}'::text[],
   'MISSING M or A but MIS_START blank',
   'Child was missing or away from placement without authorisation and the date started is blank.',
   NULL,
   NULL,
   $chk$
SELECT 'Missing' AS tbl, m.la, m.child, m.source_file, m.source_line,
       format('MISSING %s but MIS_START is blank', m.missing) AS msg
  FROM m_mis m WHERE m.missing IN ('M', 'A') AND m.mis_start IS NULL AND NOT m.rjv ? 'mis_start'
$chk$),
  ('565', 'missing', NULL, NULL, 'Missing', '{header,missing}'::text[], false, '{}'::text[],
   'MIS_START given but MISSING blank',
   'The date that the child started to be missing or away from placement without authorisation has been completed but whether the child was missing or away from placement without authorisation has not been completed.',
   NULL,
   NULL,
   $chk$
SELECT 'Missing' AS tbl, m.la, m.child, m.source_file, m.source_line, 'MIS_START is given but MISSING is blank' AS msg
  FROM m_mis m WHERE (m.mis_start IS NOT NULL OR m.rjv ? 'mis_start') AND m.missing IS NULL AND NOT m.rjv ? 'missing'
$chk$),
  ('566', 'missing', NULL, NULL, 'Missing', '{header,missing}'::text[], false, '{}'::text[],
   'MIS_END given but MISSING blank',
   'The date that the child''s episode of being missing or away from placement without authorisation ended has been completed but whether the child was missing or away without authorisation has not been completed.',
   NULL,
   NULL,
   $chk$
SELECT 'Missing' AS tbl, m.la, m.child, m.source_file, m.source_line, 'MIS_END is given but MISSING is blank' AS msg
  FROM m_mis m WHERE (m.mis_end IS NOT NULL OR m.rjv ? 'mis_end') AND m.missing IS NULL AND NOT m.rjv ? 'missing'
$chk$),
  ('567', 'missing', NULL, NULL, 'Missing', '{header,missing}'::text[], false, '{}'::text[],
   'MIS_END before MIS_START',
   'The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started.',
   NULL,
   NULL,
   $chk$
SELECT 'Missing' AS tbl, m.la, m.child, m.source_file, m.source_line,
       format('missing or away episode ended %s, before it started (%s)', m.mis_end, m.mis_start) AS msg
  FROM m_mis m WHERE m.mis_end < m.mis_start
$chk$),
  ('570', 'missing', NULL, NULL, 'Missing', '{header,missing}'::text[], false, '{}'::text[],
   'MIS_START after the end of the collection year',
   'The date that the child started to be missing or away from placement without authorisation is after the end of the collection year.',
   NULL,
   NULL,
   $chk$
SELECT 'Missing' AS tbl, m.la, m.child, m.source_file, m.source_line,
       format('MIS_START %s is after the end of the collection year (%s)', m.mis_start, $3) AS msg
  FROM m_mis m WHERE m.mis_start > $3
$chk$),
  ('571', 'missing', NULL, NULL, 'Missing', '{header,missing}'::text[], false, '{}'::text[],
   'MIS_END before the start or after the end of the collection year',
   'The date that the child ceased to be missing or away from placement without authorisation is before the start or after the end of the collection year.',
   NULL,
   NULL,
   $chk$
SELECT 'Missing' AS tbl, m.la, m.child, m.source_file, m.source_line,
       format('MIS_END %s is outside the collection year (%s to %s)', m.mis_end, $2, $3) AS msg
  FROM m_mis m WHERE m.mis_end < $2 OR m.mis_end > $3
$chk$),
  ('574', 'missing', NULL, NULL, 'Missing', '{header,missing}'::text[], false, '{}'::text[],
   'Missing or away episodes of a child overlap, or one starts while the previous is open',
   'A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.',
   NULL,
   NULL,
   $chk$
SELECT 'Missing' AS tbl, m.la, m.child, m.source_file, m.source_line,
       CASE WHEN m.prev_end IS NULL
            THEN format('missing or away episode starts %s while the one from %s is still open', m.mis_start, m.prev_start)
            ELSE format('missing or away episode starts %s, before the previous one ended (%s)', m.mis_start, m.prev_end) END AS msg
  FROM (SELECT m.*, lag(m.mis_start) OVER w AS prev_start, lag(m.mis_end) OVER w AS prev_end, row_number() OVER w AS k
          FROM m_mis m WHERE m.mis_start IS NOT NULL
        WINDOW w AS (PARTITION BY m.la, m.child ORDER BY coalesce(m.mis_end, m.mis_start), m.mis_start, m.source_line)) m
 WHERE m.k > 1 AND (m.prev_end IS NULL OR m.mis_start < m.prev_end)
$chk$),
  ('575', 'missing', NULL, NULL, 'Missing', '{header,missing}'::text[], false, '{}'::text[],
   'An open missing or away episode (MIS_END blank) that began in an episode that has ended',
   'If the placement from which the child goes missing/away from placement without authorisation ends, the missing/away from placement without authorisation period in the missing module must also have an end date.',
   'Episodes are [DECOM, DEC) (metrics.md 1): a missing episode starting on the DEC belongs to the next episode',
   NULL,
   $chk$
SELECT 'Missing' AS tbl, m.la, m.child, m.source_file, m.source_line,
       format('missing or away since %s with no end, but the placement episode it started in ended %s', m.mis_start, e.dec) AS msg
  FROM m_mis m
  JOIN ep e ON e.la = m.la AND e.child = m.child AND e.decom <= m.mis_start AND m.mis_start < e.dec
 WHERE m.mis_end IS NULL AND NOT m.rjv ? 'mis_end'
$chk$),
  ('577', 'missing', NULL, NULL, 'Missing', '{header,missing}'::text[], false, '{}'::text[],
   'An open missing or away episode, but the child''s final episode of the year ended care (REC not X1) after it began',
   'Child ceased to be looked after but there is a missing/away from placement without authorisation period without an end date.',
   'The validator also flags missing episodes with an end date that lie outside the period of care; DfE''s message is about an episode without an end date, so we flag only those',
   NULL,
   $chk$
SELECT 'Missing' AS tbl, m.la, m.child, m.source_file, m.source_line,
       format('missing or away since %s with no end, but the child ceased to be looked after on %s (%s)', m.mis_start, l.dec, l.rec) AS msg
  FROM m_mis m
  JOIN (SELECT DISTINCT ON (e.la, e.child) e.la, e.child, e.dec, e.rec FROM ep e WHERE e.decom IS NOT NULL
         ORDER BY e.la, e.child, e.decom DESC, e.source_line DESC) l ON l.la = m.la AND l.child = m.child
 WHERE m.mis_end IS NULL AND NOT m.rjv ? 'mis_end' AND m.mis_start <= l.dec
   AND l.rec IS DISTINCT FROM 'X1'
$chk$),
  ('578', 'missing', NULL, NULL, 'Missing', '{header,missing}'::text[], false, '{}'::text[],
   'Missing or away from a date in the year when the child was no longer looked after (after an episode ended, in no episode)',
   'The date that the child started to be missing is after the child ceased to be looked after.',
   'Only for MIS_START in the collection year: the year''s episodes tell whether the child was looked after then (earlier dates need earlier returns and are not judged)',
   NULL,
   $chk$
SELECT 'Missing' AS tbl, m.la, m.child, m.source_file, m.source_line,
       format('missing or away from %s, when the child was no longer looked after (care ended %s)', m.mis_start,
              (SELECT max(e.dec) FROM ep e WHERE e.la = m.la AND e.child = m.child AND e.dec <= m.mis_start)) AS msg
  FROM m_mis m
 WHERE m.mis_start BETWEEN $2 AND $3
   AND EXISTS (SELECT 1 FROM ep e WHERE e.la = m.la AND e.child = m.child AND e.dec <= m.mis_start)
   AND NOT EXISTS (SELECT 1 FROM ep e WHERE e.la = m.la AND e.child = m.child
                      AND e.decom <= m.mis_start AND (e.dec IS NULL OR m.mis_start < e.dec))
$chk$),
  ('581', 'missing', NULL, NULL, 'Missing', '{header,missing}'::text[], false, '{}'::text[],
   'Missing or away from a date in the year before the child''s first episode of the year',
   'Child is missing but has not yet started to be looked after.',
   'Only for MIS_START in the collection year, as 578. The validator flags any MIS_START outside every episode, also after care ended (rule 578''s case); we flag those before the child''s first episode of the year',
   NULL,
   $chk$
SELECT 'Missing' AS tbl, m.la, m.child, m.source_file, m.source_line,
       format('missing or away from %s, before the child started to be looked after (%s)', m.mis_start, f.decom) AS msg
  FROM m_mis m JOIN (SELECT e.la, e.child, min(e.decom) AS decom FROM ep e GROUP BY e.la, e.child) f
    ON f.la = m.la AND f.child = m.child
 WHERE m.mis_start BETWEEN $2 AND $3 AND m.mis_start < f.decom
$chk$),
  ('586', 'missing', NULL, NULL, 'Missing', '{header,missing}'::text[], false, '{}'::text[],
   'MIS_START before the date of birth',
   'Dates of missing periods are before child''s date of birth.',
   'DfE: before the date of birth; the validator also flags MIS_START on the date of birth',
   NULL,
   $chk$
SELECT 'Missing' AS tbl, m.la, m.child, m.source_file, m.source_line,
       format('missing or away from %s, before the date of birth %s', m.mis_start, m.dob) AS msg
  FROM m_mis m WHERE m.mis_start < m.dob
$chk$),
  -- reviews
  ('166', 'reviews', NULL, NULL, 'Reviews', '{header,reviews}'::text[], false, '{Reviews.REVIEW}'::text[],
   'REVIEW blank or not a date',
   'Date of review is invalid or blank.',
   NULL,
   NULL,
   $chk$
SELECT 'Reviews' AS tbl, v.la, v.child, v.source_file, v.source_line,
       CASE WHEN v.rjv ? 'review' THEN format('REVIEW %s is not a date', v.rjv ->> 'review') ELSE 'REVIEW is blank' END AS msg
  FROM m_rev v WHERE v.review IS NULL
$chk$),
  ('167', 'reviews', NULL, NULL, 'Reviews', '{header,reviews}'::text[], false, '{}'::text[],
   'REVIEW_CODE not PN0-PN7, or blank beside a review date, or given without one',
   'Data entry for participation is invalid or blank.',
   'Codes are read ignoring case and spaces',
   NULL,
   $chk$
SELECT 'Reviews' AS tbl, v.la, v.child, v.source_file, v.source_line,
       CASE WHEN v.review_code IS NULL THEN 'REVIEW_CODE is blank'
            WHEN v.review_code NOT IN ('PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7')
            THEN format('REVIEW_CODE %s is not one of PN0-PN7', v.review_code)
            ELSE format('REVIEW_CODE %s but REVIEW is blank', v.review_code) END AS msg
  FROM m_rev v
 WHERE v.review_code NOT IN ('PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7')
    OR (v.review_code IS NULL AND (v.review IS NOT NULL OR v.rjv ? 'review'))
    OR (v.review_code IS NOT NULL AND v.review IS NULL AND NOT v.rjv ? 'review')
$chk$),
  ('440', 'reviews', NULL, NULL, 'Reviews', '{header,reviews}'::text[], false, '{}'::text[],
   'REVIEW_CODE PN0 (under 4) but the review is on or after the 4th birthday',
   'Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.',
   'The validator flags reviews after the 4th birthday, not on it; DfE''s message says 4 years old or over',
   NULL,
   $chk$
SELECT 'Reviews' AS tbl, v.la, v.child, v.source_file, v.source_line,
       format('REVIEW_CODE PN0 (under 4) but the review of %s is on or after the 4th birthday (%s)', v.review, careleaver.birthday(v.dob, 4)) AS msg
  FROM m_rev v WHERE v.review_code = 'PN0' AND v.review >= careleaver.birthday(v.dob, 4)
$chk$),
  ('441', 'reviews', NULL, NULL, 'Reviews', '{header,reviews}'::text[], false, '{}'::text[],
   'REVIEW_CODE PN1-PN7 but the review is before the 4th birthday',
   'Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4.',
   NULL,
   NULL,
   $chk$
SELECT 'Reviews' AS tbl, v.la, v.child, v.source_file, v.source_line,
       format('REVIEW_CODE %s (4 or over) but the review of %s is before the 4th birthday (%s)', v.review_code, v.review,
              careleaver.birthday(v.dob, 4)) AS msg
  FROM m_rev v
 WHERE v.review_code IN ('PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7') AND v.review < careleaver.birthday(v.dob, 4)
$chk$),
  ('399', 'reviews', NULL, NULL, 'Reviews, Header', '{header,reviews}'::text[], false, '{}'::text[],
   'Review information (Reviews) or MOTHER (header) for a child whose episodes of the year are all short breaks (V3, V4)',
   'Mother field, review field or participation field are completed but child is looked after under legal status V3 or V4.',
   'We flag the Reviews rows and the header row holding MOTHER; the validator also flags every short-break episode',
   NULL,
   $chk$
SELECT 'Reviews' AS tbl, v.la, v.child, v.source_file, v.source_line,
       'review information for a child whose episodes of the year are all short breaks (V3, V4)' AS msg
  FROM m_rev v JOIN m_breaks_only b ON b.la = v.la AND b.child = v.child
 WHERE v.review IS NOT NULL OR v.review_code IS NOT NULL OR v.rjv ? 'review'
UNION ALL
SELECT 'Header', h.la, h.child, h.source_file, h.source_line,
       'MOTHER given for a child whose episodes of the year are all short breaks (V3, V4)'
  FROM m_hdr_now h JOIN m_breaks_only b ON b.la = h.la AND b.child = h.child
 WHERE h.mother IS NOT NULL
$chk$),
  -- UASC
  ('104', 'UASC', NULL, NULL, 'UASC', '{header,uasc}'::text[], false, '{UASC.DUC}'::text[],
   'UASC DUC (date UASC status ceased) is not a date',
   'Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.',
   'The validator also flags a DUC before the collection year; DfE''s message is about a date that is not valid, and a young person''s status may have ceased years before (former UASC), so we do not',
   NULL,
   $chk$
SELECT 'UASC' AS tbl, u.la, u.child, u.source_file, u.source_line,
       format('DUC %s is not a date', u.rjv ->> 'duc') AS msg
  FROM m_uasc u WHERE u.rjv ? 'duc'
$chk$),
  ('304', 'UASC', NULL, NULL, 'UASC', '{header,uasc}'::text[], false, '{}'::text[],
   'DUC after the 18th birthday',
   'Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.',
   NULL,
   NULL,
   $chk$
SELECT 'UASC' AS tbl, u.la, u.child, u.source_file, u.source_line,
       format('UASC status ceased %s, after the 18th birthday (%s)', u.duc, careleaver.birthday(u.dob, 18)) AS msg
  FROM m_uasc u WHERE u.duc > careleaver.birthday(u.dob, 18)
$chk$),
  ('205A', 'UASC', NULL, NULL, 'Header', '{header,uasc}'::text[], true, '{}'::text[],
   'UASC in last year''s return, not in this year''s, looked after in the year, and last year''s DUC is blank or not in last year (flags this year''s header row)',
   'Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both years does not support this.',
   'UASC status is a row in the UASC module (the dataset holds no header UASC flag; the validator derives it so from CSV files). Only for children looked after in the year: a care leaver''s UASC information is not returned (rule 1014), so a former UASC now only in the OC3 cohort has no UASC row, which the validator would flag. Silent without last year''s return',
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('UASC in last year''s return but not this year, and last year''s date UASC ceased (%s) is not in last year',
              coalesce(l.duc::text, 'blank')) AS msg
  FROM m_hdr_now h
  JOIN m_uasc_last l ON l.la = h.la AND l.child = h.child
 WHERE NOT EXISTS (SELECT 1 FROM m_uasc u WHERE u.la = h.la AND u.child = h.child)
   -- looked after in the year: a care leaver's UASC information is not returned (rule 1014)
   AND EXISTS (SELECT 1 FROM ep e WHERE e.la = h.la AND e.child = h.child) AND NOT EXISTS (SELECT 1 FROM m_unloaded z WHERE z.la = h.la AND z.year = $1 AND z.module = 'uasc')
   AND (l.duc IS NULL OR l.duc < careleaver.collection_year_start($1 - 1) OR l.duc > careleaver.collection_year_end($1 - 1))
$chk$),
  ('205D', 'UASC', NULL, NULL, 'UASC', '{header,uasc}'::text[], true, '{}'::text[],
   'UASC this year, but last year''s return has the child (header) without a UASC row',
   'Child identified as UASC this year but not identified as UASC status provided for the child last year.',
   'Silent without last year''s return',
   NULL,
   $chk$
SELECT 'UASC' AS tbl, u.la, u.child, u.source_file, u.source_line,
       'UASC this year, but last year''s return has the child without UASC information' AS msg
  FROM m_uasc u
 WHERE EXISTS (SELECT 1 FROM m_hdr_last h WHERE h.la = u.la AND h.child = u.child)
   AND NOT EXISTS (SELECT 1 FROM m_uasc_last l WHERE l.la = u.la AND l.child = u.child)
   AND NOT EXISTS (SELECT 1 FROM m_unloaded z WHERE z.la = u.la AND z.year = $1 - 1 AND z.module = 'uasc')
$chk$),
  -- care leavers
  ('348', 'care leavers', 2026, NULL, 'OC3', '{header}'::text[], true, '{}'::text[],
   'Reported as died (IN_TOUCH DIED) in last year''s OC3 but not this year',
   'Care leaver has previously been reported as having died.',
   'Silent without last year''s return',
   NULL,
   $chk$
SELECT 'OC3' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('reported as died (IN_TOUCH DIED) in last year''s return, but IN_TOUCH is %s', coalesce(o.in_touch, 'blank')) AS msg
  FROM m_oc3 o
 WHERE o.in_touch IS DISTINCT FROM 'DIED'
   AND EXISTS (SELECT 1 FROM m_oc3_last l WHERE l.la = o.la AND l.child = o.child AND l.in_touch = 'DIED')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET
  family = excluded.family,
  since_year = excluded.since_year,
  until_year = excluded.until_year,
  module = excluded.module,
  modules_needed = excluded.modules_needed,
  needs_history = excluded.needs_history,
  refusals = excluded.refusals,
  description = excluded.description,
  message = excluded.message,
  note = excluded.note,
  not_checkable = excluded.not_checkable,
  check_sql = excluded.check_sql;
