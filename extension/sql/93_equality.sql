-- ===========================================================================
-- 93_equality: the equality lens (issue 15 item 6; metrics.md 17, doc/equality.md).
-- DfE's breakdowns (age group, sex, ethnicity, UASC, disability) of the outcome
-- views in DfE's shape, with disclosure control across the breakdowns of a
-- topic, and rates per 10,000 by ethnic group against ONS's population.
-- The rules are in C (extension/core/equality.c).
-- ===========================================================================

CREATE FUNCTION careleaver.dfe_ethnicity(ethnic text) RETURNS text
  AS 'MODULE_PATHNAME', 'careleaver_dfe_ethnicity' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.dfe_ethnicity(text) IS
  'DfE''s ethnicity major group of an SSDA903 ETHNIC code (trimmed, any case): White, Mixed or Multiple ethnic '
  'groups, Asian or Asian British (Chinese included, as ONS 2021), Black, African, Caribbean or Black British, '
  'Other ethnic group, Refused, Information not yet obtained (also for NULL, blank or a value that is no ETHNIC '
  'code) (metrics.md 17)';

CREATE FUNCTION careleaver.ons_ethnicity(ons_category integer) RETURNS text
  AS 'MODULE_PATHNAME', 'careleaver_ons_ethnicity' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.ons_ethnicity(integer) IS
  'DfE''s ethnicity major group of an ONS Census 2021 "Ethnic group (20 categories)" code (1 to 19); NULL for '
  '-8 (does not apply) and other codes (metrics.md 17)';

CREATE FUNCTION careleaver.dfe_sex(sex text) RETURNS text
  AS 'MODULE_PATHNAME', 'careleaver_dfe_sex' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.dfe_sex(text) IS
  'DfE''s sex label of an SSDA903 SEX code: 1 or M Male, 2 or F Female, anything else (NULL, U) Sex not known (metrics.md 17)';

CREATE FUNCTION careleaver.dfe_age_group(age integer) RETURNS text
  AS 'MODULE_PATHNAME', 'careleaver_dfe_age_group' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.dfe_age_group(integer) IS
  'DfE''s age group of children looked after of an age in completed years: Under 1 year, 1 to 4 years, 5 to 9 '
  'years, 10 to 15 years, 16 years and over; Age not known for NULL (metrics.md 17)';

CREATE FUNCTION careleaver.uasc_on(has_uasc_record boolean, duc date, on_date date) RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_uasc_on' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.uasc_on(boolean, date, date) IS
  'Whether a child is an unaccompanied asylum-seeking child on on_date: a UASC record whose DUC (date UASC status '
  'ceased) is blank or later than the day; NULL when on_date is NULL (metrics.md 17)';

CREATE FUNCTION careleaver.dfe_uasc(uasc boolean) RETURNS text
  AS 'MODULE_PATHNAME', 'careleaver_dfe_uasc' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.dfe_uasc(boolean) IS
  'DfE''s UASC label: Unaccompanied asylum-seeking children, or Non-unaccompanied asylum-seeking children (metrics.md 17)';

CREATE FUNCTION careleaver.dfe_disability(cin text) RETURNS text
  AS 'MODULE_PATHNAME', 'careleaver_dfe_disability' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.dfe_disability(text) IS
  'The disability breakdown of a category of need (CIN): N2 Child''s disability, N1 and N3 to N8 Other categories '
  'of need, NULL or anything else Category of need not known (metrics.md 17)';

CREATE FUNCTION careleaver.need_in_year(history careleaver.care_history, collection_year integer) RETURNS text
  AS 'MODULE_PATHNAME', 'careleaver_need_in_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.need_in_year(careleaver.care_history, integer) IS
  'The CIN of the child''s latest care episode (short breaks left out) in the collection year: the one starting '
  'last on or before 31 March among those not ended before 1 April; NULL when none or not recorded (metrics.md 17)';

CREATE FUNCTION careleaver.breakdown_labels(OUT breakdown_topic text, OUT breakdown_order integer,
                                            OUT breakdown text)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_breakdown_labels' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 22;
COMMENT ON FUNCTION careleaver.breakdown_labels() IS
  'Every topic and label of the equality breakdowns in DfE''s order: Total, Age group, Sex, Ethnicity, UASC, '
  'Disability (metrics.md 17)';

-- ---------------------------------------------------------------- dataset tables

-- Idempotent: the per-child characteristics fact table and the population by ethnic group.
CREATE FUNCTION careleaver.create_equality_tables(schema_name text) RETURNS void
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, careleaver, pg_temp
  SET client_min_messages = warning
AS $fn$
DECLARE
  c record;
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name, true);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.child_characteristics (la text NOT NULL, child text NOT NULL, '
                 'ethnicity text NOT NULL, sex text NOT NULL, uasc_record boolean NOT NULL, uasc_ceased date, '
                 'PRIMARY KEY (la, child))', schema_name);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.population_ethnicity (la text NOT NULL, '
                 'census_year integer NOT NULL, ons_category integer NOT NULL, ons_label text NOT NULL, '
                 'age_from integer, age_to integer, count bigint NOT NULL CHECK (count >= 0), '
                 'PRIMARY KEY (la, census_year, ons_category))', schema_name);
  EXECUTE format('COMMENT ON TABLE %I.child_characteristics IS %L', schema_name,
    'One row per child with episodes: the characteristics the equality breakdowns read (metrics.md 17), from the '
    'header and the UASC module; filled by careleaver.refresh with child_facts (doc/facts.md, doc/equality.md)');
  EXECUTE format('COMMENT ON TABLE %I.population_ethnicity IS %L', schema_name,
    'Population by council and ONS Census 2021 ethnic group (20 categories), for rates per 10,000 by ethnic group; '
    'loaded by scripts/careleaver-population-ethnicity (doc/equality.md)');
  FOR c IN SELECT * FROM (VALUES
      ('child_characteristics', 'la', 'Local authority code'),
      ('child_characteristics', 'child', 'Child identifier'),
      ('child_characteristics', 'ethnicity', 'DfE''s ethnicity major group of the header''s ETHNIC (careleaver.dfe_ethnicity, metrics.md 17)'),
      ('child_characteristics', 'sex', 'DfE''s sex label of the header''s SEX (careleaver.dfe_sex, metrics.md 17)'),
      ('child_characteristics', 'uasc_record', 'The child has a row in the UASC module (metrics.md 17)'),
      ('child_characteristics', 'uasc_ceased', 'DUC of that row: the date UASC status ceased; NULL when blank or without a row'),
      ('population_ethnicity', 'la', 'Local authority code (old_la_code, the three digits SSDA903 uses)'),
      ('population_ethnicity', 'census_year', 'Year of the census the population is from (2021)'),
      ('population_ethnicity', 'ons_category', 'ONS "Ethnic group (20 categories)" code, 1 to 19 (careleaver.ons_ethnicity gives its DfE group)'),
      ('population_ethnicity', 'ons_label', 'ONS''s label of the category'),
      ('population_ethnicity', 'age_from', 'First age the count covers; NULL: all ages (the ONS file of ethnic group by council counts all residents)'),
      ('population_ethnicity', 'age_to', 'Last age the count covers; NULL: no upper bound'),
      ('population_ethnicity', 'count', 'Usual residents of that ethnic group (and ages)')) AS v(tab, col, description) LOOP
    EXECUTE format('COMMENT ON COLUMN %I.%I.%I IS %L', schema_name, c.tab, c.col, c.description);
  END LOOP;
END
$fn$;
COMMENT ON FUNCTION careleaver.create_equality_tables(text) IS
  'Internal (create_dataset, careleaver.refresh): creates child_characteristics and population_ethnicity in a '
  'dataset schema when missing, with comments (doc/equality.md)';

-- Called by careleaver.refresh for each council it refreshes or removes, after child_facts.
CREATE FUNCTION careleaver.characteristics_fill(dataset text, la text) RETURNS bigint
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  n bigint;
BEGIN
  PERFORM careleaver.dataset_check_owner(dataset);
  PERFORM careleaver.create_equality_tables(dataset);
  EXECUTE format('DELETE FROM %I.child_characteristics k WHERE k.la = $1', dataset) USING la;
  -- a dataset made by hand (doc/reporting.md) may lack the UASC module or the header's ETHNIC
  EXECUTE format($q$
    INSERT INTO %1$I.child_characteristics (la, child, ethnicity, sex, uasc_record, uasc_ceased)
    SELECT f.la, f.child, careleaver.dfe_ethnicity(%2$s), careleaver.dfe_sex(f.sex), u.child IS NOT NULL, u.duc
      FROM %1$I.child_facts f
      LEFT JOIN %1$I.header h ON h.la = f.la AND h.child = f.child
      LEFT JOIN %3$s u ON u.la = f.la AND u.child = f.child
     WHERE f.la = $1$q$, dataset,
    CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                       WHERE a.attrelid = format('%I.header', dataset)::regclass AND a.attname = 'ethnic'
                         AND a.attnum > 0 AND NOT a.attisdropped)
         THEN 'h.ethnic::text' ELSE 'NULL::text' END,
    CASE WHEN to_regclass(format('%I.uasc', dataset)) IS NOT NULL THEN format('%I.uasc', dataset)
         ELSE '(SELECT NULL::text AS la, NULL::text AS child, NULL::date AS duc WHERE false)' END) USING la;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$fn$;
COMMENT ON FUNCTION careleaver.characteristics_fill(text, text) IS
  'Internal (careleaver.refresh): replaces council la''s rows of child_characteristics from child_facts, the '
  'header (ETHNIC, SEX) and the UASC module (DUC); returns the rows written (doc/equality.md)';

-- ---------------------------------------------------------------- views in DfE's shape

-- The SELECT of a view by breakdown: per council, reported year, topic and label (careleaver.breakdown_labels,
-- every label, zeros included), the measures counted over the child-years of child_year_facts that pass
-- filter_sql (over alias f).  A child is UASC on uasc_day_sql (over the CTE report_year, alias y); the
-- disability is the category of need of the child's latest care episode of the year (careleaver.need_in_year).
CREATE FUNCTION careleaver.equality_breakdown_sql(schema_name text, filter_sql text, uasc_day_sql text,
                                                  measure_names text[], measure_sql text[]) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  per_combination text;
  per_label text;
  shown text;
BEGIN
  SELECT string_agg(format('%s AS %I', m.expr, m.name), ', ' ORDER BY m.i),
         string_agg(format('sum(c.%1$I)::bigint AS %1$I', m.name), ', ' ORDER BY m.i),
         string_agg(format('coalesce(e.%1$I, 0) AS %1$I', m.name), ', ' ORDER BY m.i)
    INTO per_combination, per_label, shown
    FROM unnest(measure_names, measure_sql) WITH ORDINALITY AS m(name, expr, i);
  RETURN format($q$
WITH %1$s,
  child_year AS (
    SELECT f.*, careleaver.dfe_age_group(f.age_31_march) AS age_group,
           coalesce(k.ethnicity, careleaver.dfe_ethnicity(NULL)) AS ethnicity,
           coalesce(k.sex, careleaver.dfe_sex(NULL)) AS sex,
           careleaver.dfe_uasc(careleaver.uasc_on(k.uasc_record, k.uasc_ceased, %4$s)) AS uasc,
           careleaver.dfe_disability(careleaver.need_in_year(p.history, f.collection_year)) AS disability
      FROM %2$I.child_year_facts f
      JOIN report_year y USING (la, collection_year)
      JOIN %2$I.child_facts p ON p.la = f.la AND p.child = f.child
      LEFT JOIN %2$I.child_characteristics k ON k.la = f.la AND k.child = f.child
     WHERE %3$s),
  -- each combination of characteristics counted once, then summed per label of each topic
  combination AS (
    SELECT f.la, f.collection_year, f.age_group, f.sex, f.ethnicity, f.uasc, f.disability, %5$s
      FROM child_year f GROUP BY 1, 2, 3, 4, 5, 6, 7),
  per_label AS (
    SELECT c.la, c.collection_year, t.breakdown_topic, t.breakdown, %6$s
      FROM combination c
     CROSS JOIN LATERAL (VALUES ('Total', 'Total'), ('Age group', c.age_group), ('Sex', c.sex),
                                ('Ethnicity', c.ethnicity), ('UASC', c.uasc), ('Disability', c.disability))
                        AS t(breakdown_topic, breakdown)
     GROUP BY 1, 2, 3, 4)
SELECT y.la, y.collection_year, b.breakdown_topic, b.breakdown_order, b.breakdown, %7$s
  FROM report_year y
 CROSS JOIN careleaver.breakdown_labels() b
  LEFT JOIN per_label e ON e.la = y.la AND e.collection_year = y.collection_year
                       AND e.breakdown_topic = b.breakdown_topic AND e.breakdown = b.breakdown$q$,
    careleaver.reporting_common_sql(schema_name), schema_name, filter_sql, uasc_day_sql,
    per_combination, per_label, shown);
END
$fn$;
COMMENT ON FUNCTION careleaver.equality_breakdown_sql(text, text, text, text[], text[]) IS
  'Internal: the SELECT of a view by breakdown in DfE''s shape (la, collection_year, breakdown_topic, '
  'breakdown_order, breakdown, the measures) over the child-years of child_year_facts passing filter_sql, with '
  'the characteristics of child_characteristics and the disability of careleaver.need_in_year (metrics.md 17)';

-- Disclosure control of one count column of a view by breakdown (metrics.md 9 and 17), as SQL over a CTE
-- named source with its columns: la, collection_year, breakdown_topic, breakdown_order and value_sql
-- (the count).  Within each topic the labels are one row whose total is the Total row (suppress_row); the
-- Total is hidden when any topic needs it hidden, and then every topic that would show all its cells (and so
-- the Total, by their sum) hides its smallest non-zero cell with a complement.  hidden_sql (over alias s)
-- hides a cell whatever its value (a complement hidden elsewhere).  Gives la, collection_year,
-- breakdown_topic, breakdown_order, shown.
CREATE FUNCTION careleaver.breakdown_suppressed_sql(value_sql text, hidden_sql text DEFAULT 'false') RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$ SELECT format($q$
  WITH topic AS (
      SELECT s.la, s.collection_year, s.breakdown_topic,
             array_agg(s.breakdown_order ORDER BY s.breakdown_order) AS orders,
             array_agg((%1$s)::bigint ORDER BY s.breakdown_order) AS cells,
             array_agg(coalesce(%2$s, false) ORDER BY s.breakdown_order) AS hidden,
             sum((%1$s)::bigint) AS total
        FROM source s WHERE s.breakdown_topic <> 'Total' GROUP BY 1, 2, 3),
    first_pass AS (
      SELECT t.*, careleaver.suppress_row(t.cells, NULL, t.hidden) AS shown,
             careleaver.publish_row_total(t.cells, NULL, t.hidden) = 'c' AS total_hidden
        FROM topic t),
    total AS (
      SELECT f.la, f.collection_year, bool_or(f.total_hidden) AS total_hidden FROM first_pass f GROUP BY 1, 2),
    second_pass AS (
      -- a topic showing every cell would give the hidden Total by their sum: hide its smallest non-zero cell
      -- (and ties) too, which suppress_row protects with a complement
      SELECT f.la, f.collection_year, f.breakdown_topic, f.orders,
             CASE WHEN NOT w.total_hidden OR 'c' = ANY (f.shown) OR f.total = 0 THEN f.shown
                  ELSE careleaver.suppress_row(f.cells, NULL,
                         (SELECT array_agg(x.h OR (x.v > 0 AND x.v = (SELECT min(z) FROM unnest(f.cells) z WHERE z > 0))
                                           ORDER BY x.i)
                            FROM unnest(f.cells, f.hidden) WITH ORDINALITY AS x(v, h, i))) END AS shown
        FROM first_pass f JOIN total w USING (la, collection_year))
  SELECT p.la, p.collection_year, p.breakdown_topic, u.breakdown_order, u.shown
    FROM second_pass p CROSS JOIN LATERAL unnest(p.orders, p.shown) AS u(breakdown_order, shown)
  UNION ALL
  SELECT s.la, s.collection_year, s.breakdown_topic, s.breakdown_order,
         CASE WHEN coalesce(w.total_hidden, false) THEN 'c' ELSE careleaver.publish_count((%1$s)::bigint) END
    FROM source s LEFT JOIN total w USING (la, collection_year)
   WHERE s.breakdown_topic = 'Total'$q$, value_sql, hidden_sql) $fn$;
COMMENT ON FUNCTION careleaver.breakdown_suppressed_sql(text, text) IS
  'Internal: SQL publishing one count column of a view by breakdown (over a CTE source) under disclosure control '
  'across the labels of each topic and the shared Total: primary suppression, secondary within each topic '
  '(careleaver.suppress_row), and, when the Total is hidden, a second hidden cell in every topic that would '
  'reveal it by its sum (metrics.md 9 and 17)';

CREATE FUNCTION careleaver.looked_after_31_march_by_breakdown_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);
  RETURN careleaver.equality_breakdown_sql(schema_name, 'f.looked_after_31_march', 'y.year_end',
                                           ARRAY['children'], ARRAY['count(*)']);
END
$fn$;
COMMENT ON FUNCTION careleaver.looked_after_31_march_by_breakdown_sql(text) IS
  'Internal: the SELECT of the reporting view looked_after_31_march_by_breakdown (careleaver.report_views)';

CREATE FUNCTION careleaver.starts_by_breakdown_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);
  RETURN careleaver.equality_breakdown_sql(schema_name, 'f.periods_started > 0', 'y.year_start',
                                           ARRAY['children'], ARRAY['count(*)']);
END
$fn$;
COMMENT ON FUNCTION careleaver.starts_by_breakdown_sql(text) IS
  'Internal: the SELECT of the reporting view starts_by_breakdown (careleaver.report_views)';

CREATE FUNCTION careleaver.ceases_by_breakdown_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);
  RETURN careleaver.equality_breakdown_sql(schema_name, 'f.periods_ceased > 0', 'y.year_start',
                                           ARRAY['children'], ARRAY['count(*)']);
END
$fn$;
COMMENT ON FUNCTION careleaver.ceases_by_breakdown_sql(text) IS
  'Internal: the SELECT of the reporting view ceases_by_breakdown (careleaver.report_views)';

CREATE FUNCTION careleaver.placement_stability_by_breakdown_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);
  -- the short-term measure of placement_stability (metrics.md 7): children with a date of birth
  RETURN careleaver.equality_breakdown_sql(schema_name, 'f.looked_after_31_march AND f.date_of_birth_known',
           'y.year_end', ARRAY['looked_after_31_march', 'three_or_more_placements'],
           ARRAY['count(*)', 'count(*) FILTER (WHERE f.three_or_more_placements)']);
END
$fn$;
COMMENT ON FUNCTION careleaver.placement_stability_by_breakdown_sql(text) IS
  'Internal: the SELECT of the reporting view placement_stability_by_breakdown (careleaver.report_views)';

-- The published twin of a view by breakdown counting children (one count column, children).
CREATE FUNCTION careleaver.children_by_breakdown_published_sql(base_sql text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$ SELECT format($q$
WITH source AS (%1$s),
  shown AS (%2$s)
SELECT s.la, s.collection_year, s.breakdown_topic, s.breakdown_order, s.breakdown, p.shown AS children
  FROM source s JOIN shown p USING (la, collection_year, breakdown_topic, breakdown_order)$q$,
    base_sql, careleaver.breakdown_suppressed_sql('s.children')) $fn$;
COMMENT ON FUNCTION careleaver.children_by_breakdown_published_sql(text) IS
  'Internal: the SELECT of the published twin of a view by breakdown counting children, under disclosure control '
  'across each topic''s labels and the Total (careleaver.breakdown_suppressed_sql; metrics.md 9 and 17)';

CREATE FUNCTION careleaver.looked_after_31_march_by_breakdown_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);
  RETURN careleaver.children_by_breakdown_published_sql(careleaver.looked_after_31_march_by_breakdown_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.looked_after_31_march_by_breakdown_published_sql(text) IS
  'Internal: the SELECT of the reporting view looked_after_31_march_by_breakdown_published (careleaver.report_views)';

CREATE FUNCTION careleaver.starts_by_breakdown_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);
  RETURN careleaver.children_by_breakdown_published_sql(careleaver.starts_by_breakdown_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.starts_by_breakdown_published_sql(text) IS
  'Internal: the SELECT of the reporting view starts_by_breakdown_published (careleaver.report_views)';

CREATE FUNCTION careleaver.ceases_by_breakdown_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);
  RETURN careleaver.children_by_breakdown_published_sql(careleaver.ceases_by_breakdown_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.ceases_by_breakdown_published_sql(text) IS
  'Internal: the SELECT of the reporting view ceases_by_breakdown_published (careleaver.report_views)';

-- The published twin of a view by breakdown with a count (denominator) and a count of some of them
-- (numerator): both under disclosure control across the labels, the numerator hidden too where the rest
-- (denominator less numerator) is, since the two shown would give it; the percentage, one decimal, c when
-- either count is hidden.
CREATE FUNCTION careleaver.ratio_by_breakdown_published_sql(base_sql text, denominator text, numerator text,
                                                            percent text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$ SELECT format($q$
WITH source AS (%1$s),
  denominator AS (%5$s),
  complement AS (%6$s),
  numerator AS (
    WITH source AS (
      SELECT s.*, c.shown = 'c' AS complement_hidden
        FROM (%1$s) s JOIN complement c USING (la, collection_year, breakdown_topic, breakdown_order))
    SELECT * FROM (%7$s) q)
SELECT s.la, s.collection_year, s.breakdown_topic, s.breakdown_order, s.breakdown,
       d.shown AS %2$I, n.shown AS %3$I,
       CASE WHEN 'c' IN (d.shown, n.shown) THEN 'c'
            ELSE careleaver.publish_percent(s.%3$I, s.%2$I, NULL, 1) END AS %4$I
  FROM source s
  JOIN denominator d USING (la, collection_year, breakdown_topic, breakdown_order)
  JOIN numerator n USING (la, collection_year, breakdown_topic, breakdown_order)$q$,
    base_sql, denominator, numerator, percent,
    careleaver.breakdown_suppressed_sql(format('s.%I', denominator)),
    careleaver.breakdown_suppressed_sql(format('s.%I - s.%I', denominator, numerator)),
    careleaver.breakdown_suppressed_sql(format('s.%I', numerator), 's.complement_hidden')) $fn$;
COMMENT ON FUNCTION careleaver.ratio_by_breakdown_published_sql(text, text, text, text) IS
  'Internal: the SELECT of the published twin of a view by breakdown with a denominator and a numerator count: '
  'both under disclosure control across each topic''s labels and the Total, the numerator hidden where the rest '
  'is, and the percentage (one decimal, c when either count is hidden) (metrics.md 9 and 17)';

CREATE FUNCTION careleaver.placement_stability_by_breakdown_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);
  RETURN careleaver.ratio_by_breakdown_published_sql(careleaver.placement_stability_by_breakdown_sql(schema_name),
           'looked_after_31_march', 'three_or_more_placements', 'three_or_more_placements_percent');
END
$fn$;
COMMENT ON FUNCTION careleaver.placement_stability_by_breakdown_published_sql(text) IS
  'Internal: the SELECT of the reporting view placement_stability_by_breakdown_published (careleaver.report_views)';

CREATE FUNCTION careleaver.returns_home_by_breakdown_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);
  -- the returns home of returns_home_reentry (metrics.md 6) by the characteristics of the child returning
  RETURN format($q$
WITH b AS (%1$s),
  r AS (%2$s)
SELECT b.*, r.basis
  FROM b JOIN r USING (la, collection_year)$q$,
    careleaver.equality_breakdown_sql(schema_name, 'f.returned_home > 0', 'y.year_start',
      ARRAY['returned_home', 'reentered_within_12_months', 'follow_up_incomplete'],
      ARRAY['sum(f.returned_home)', 'sum(f.reentered_within_12_months)', 'sum(f.follow_up_incomplete)']),
    careleaver.returns_home_reentry_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.returns_home_by_breakdown_sql(text) IS
  'Internal: the SELECT of the reporting view returns_home_by_breakdown (careleaver.report_views)';

CREATE FUNCTION careleaver.returns_home_by_breakdown_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);
  -- a year whose follow-ups are not all complete shows its returns home, and x for the re-entries
  RETURN format($q$
WITH b AS (%1$s),
  p AS (%2$s)
SELECT p.la, p.collection_year, p.breakdown_topic, p.breakdown_order, p.breakdown, p.returned_home,
       CASE WHEN b.basis = 'complete follow-up' THEN p.reentered_within_12_months ELSE 'x' END
         AS reentered_within_12_months,
       CASE WHEN b.basis = 'complete follow-up' THEN p.reentry_percent ELSE 'x' END AS reentry_percent,
       b.basis
  FROM p JOIN b USING (la, collection_year, breakdown_topic, breakdown_order)$q$,
    careleaver.returns_home_by_breakdown_sql(schema_name),
    careleaver.ratio_by_breakdown_published_sql(careleaver.returns_home_by_breakdown_sql(schema_name),
      'returned_home', 'reentered_within_12_months', 'reentry_percent'));
END
$fn$;
COMMENT ON FUNCTION careleaver.returns_home_by_breakdown_published_sql(text) IS
  'Internal: the SELECT of the reporting view returns_home_by_breakdown_published (careleaver.report_views)';

-- Rates per 10,000 by ethnic group: the children looked after on 31 March of each DfE group against the
-- population of the group (population_ethnicity, latest census loaded for the council).
CREATE FUNCTION careleaver.equality_population_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  IF to_regclass(format('%I.population_ethnicity', schema_name)) IS NULL THEN
    RETURN 'SELECT NULL::text AS la, NULL::text AS breakdown, NULL::integer AS census_year, NULL::bigint AS population WHERE false';
  END IF;
  RETURN format($q$
    SELECT p.la, careleaver.ons_ethnicity(p.ons_category) AS breakdown, p.census_year, sum(p.count)::bigint AS population
      FROM %1$I.population_ethnicity p
     WHERE p.census_year = (SELECT max(q.census_year) FROM %1$I.population_ethnicity q WHERE q.la = p.la)
       AND careleaver.ons_ethnicity(p.ons_category) IS NOT NULL
     GROUP BY 1, 2, 3$q$, schema_name);
END
$fn$;
COMMENT ON FUNCTION careleaver.equality_population_sql(text) IS
  'Internal: SQL of the population per council and DfE ethnic group (careleaver.ons_ethnicity) of the latest '
  'census loaded for the council into population_ethnicity; no rows without the table (metrics.md 17)';

CREATE FUNCTION careleaver.looked_after_rates_by_ethnicity_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);
  RETURN format($q$
WITH source AS (%1$s),
  population AS (%2$s),
  rated AS (
    SELECT s.la, s.collection_year, s.breakdown_order, s.breakdown, s.children, p.census_year, p.population,
           CASE WHEN p.population > 0 THEN 10000.0 * s.children / p.population END AS rate
      FROM source s LEFT JOIN population p ON p.la = s.la AND p.breakdown = s.breakdown
     WHERE s.breakdown_topic = 'Ethnicity')
SELECT r.la, r.collection_year, 'Ethnicity'::text AS breakdown_topic, r.breakdown_order, r.breakdown, r.children,
       r.census_year, r.population, round(r.rate, 1) AS rate_per_10000,
       round(r.rate / nullif(w.rate, 0), 2) AS ratio_to_white
  FROM rated r
  LEFT JOIN rated w ON w.la = r.la AND w.collection_year = r.collection_year AND w.breakdown = 'White'$q$,
    careleaver.looked_after_31_march_by_breakdown_sql(schema_name), careleaver.equality_population_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.looked_after_rates_by_ethnicity_sql(text) IS
  'Internal: the SELECT of the reporting view looked_after_rates_by_ethnicity (careleaver.report_views)';

CREATE FUNCTION careleaver.looked_after_rates_by_ethnicity_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);
  -- the counts as looked_after_31_march_by_breakdown_published shows them, so the two never disagree
  RETURN format($q$
WITH r AS (%1$s),
  shown AS (SELECT * FROM (%2$s) p WHERE p.breakdown_topic = 'Ethnicity')
SELECT r.la, r.collection_year, r.breakdown_topic, r.breakdown_order, r.breakdown, s.children,
       coalesce(r.census_year::text, 'x') AS census_year, careleaver.publish_count(r.population) AS population,
       CASE WHEN s.children = 'c' THEN 'c' WHEN r.population IS NULL THEN 'x' WHEN r.population = 0 THEN 'z'
            WHEN r.rate_per_10000 = 0 AND r.children > 0 THEN 'k' ELSE r.rate_per_10000::text END AS rate_per_10000,
       CASE WHEN s.children = 'c' OR w.children = 'c' THEN 'c' WHEN r.ratio_to_white IS NULL THEN 'x'
            ELSE r.ratio_to_white::text END AS ratio_to_white
  FROM r JOIN shown s USING (la, collection_year, breakdown_topic, breakdown_order)
  LEFT JOIN shown w ON w.la = r.la AND w.collection_year = r.collection_year AND w.breakdown = 'White'$q$,
    careleaver.looked_after_rates_by_ethnicity_sql(schema_name),
    careleaver.looked_after_31_march_by_breakdown_published_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.looked_after_rates_by_ethnicity_published_sql(text) IS
  'Internal: the SELECT of the reporting view looked_after_rates_by_ethnicity_published (careleaver.report_views)';

-- The views of this file in the registry of report views (92_reports.sql; doc/reporting.md).
INSERT INTO careleaver.report_views (view_name, position, published, base_view, builder, description) VALUES
  ('looked_after_31_march_by_breakdown', 540, false, NULL, 'looked_after_31_march_by_breakdown_sql',
   'Children looked after on 31 March (short breaks left out) by DfE''s breakdowns: age group on 31 March, sex, ethnicity, UASC on 31 March, disability (category of need N2), and the total (metrics.md 17)'),
  ('looked_after_31_march_by_breakdown_published', 545, true, 'looked_after_31_march_by_breakdown', 'looked_after_31_march_by_breakdown_published_sql',
   'looked_after_31_march_by_breakdown as published: counts under disclosure control across the labels of each topic and the Total, secondary suppression included (metrics.md 9 and 17)'),
  ('starts_by_breakdown', 550, false, NULL, 'starts_by_breakdown_sql',
   'Children starting a period of care in the year by DfE''s breakdowns: age group on 31 March, sex, ethnicity, UASC during the year, disability (category of need N2), and the total (metrics.md 17)'),
  ('starts_by_breakdown_published', 555, true, 'starts_by_breakdown', 'starts_by_breakdown_published_sql',
   'starts_by_breakdown as published: counts under disclosure control across the labels of each topic and the Total, secondary suppression included (metrics.md 9 and 17)'),
  ('ceases_by_breakdown', 560, false, NULL, 'ceases_by_breakdown_sql',
   'Children ceasing a period of care in the year by DfE''s breakdowns: age group on 31 March, sex, ethnicity, UASC during the year, disability (category of need N2), and the total (metrics.md 17)'),
  ('ceases_by_breakdown_published', 565, true, 'ceases_by_breakdown', 'ceases_by_breakdown_published_sql',
   'ceases_by_breakdown as published: counts under disclosure control across the labels of each topic and the Total, secondary suppression included (metrics.md 9 and 17)'),
  ('placement_stability_by_breakdown', 570, false, NULL, 'placement_stability_by_breakdown_sql',
   'Children looked after on 31 March with a date of birth and those with three or more placements in the year (the short-term stability measure, metrics.md 7) by DfE''s breakdowns (metrics.md 17)'),
  ('placement_stability_by_breakdown_published', 575, true, 'placement_stability_by_breakdown', 'placement_stability_by_breakdown_published_sql',
   'placement_stability_by_breakdown as published: counts under disclosure control across the labels of each topic and the Total, secondary suppression included (metrics.md 9 and 17)'),
  ('returns_home_by_breakdown', 590, false, NULL, 'returns_home_by_breakdown_sql',
   'Returns home in the year (E4A, E4B) and re-entries within 12 months (metrics.md 6) by DfE''s breakdowns of the child returning: age group on 31 March, sex, ethnicity, UASC during the year, disability (metrics.md 17)'),
  ('returns_home_by_breakdown_published', 595, true, 'returns_home_by_breakdown', 'returns_home_by_breakdown_published_sql',
   'returns_home_by_breakdown as published: counts under disclosure control across the labels of each topic and the Total, re-entries x until every follow-up is complete (metrics.md 9 and 17)'),
  ('looked_after_rates_by_ethnicity', 580, false, NULL, 'looked_after_rates_by_ethnicity_sql',
   'Children looked after on 31 March per 10,000 of the population of their DfE ethnic group (population_ethnicity, ONS Census 2021), with the ratio to White children''s rate (metrics.md 17)'),
  ('looked_after_rates_by_ethnicity_published', 585, true, 'looked_after_rates_by_ethnicity', 'looked_after_rates_by_ethnicity_published_sql',
   'looked_after_rates_by_ethnicity as published: counts under disclosure control across the labels of each topic and the Total, secondary suppression included (metrics.md 9 and 17)')
ON CONFLICT (view_name) DO UPDATE SET position = EXCLUDED.position, published = EXCLUDED.published,
  base_view = EXCLUDED.base_view, builder = EXCLUDED.builder, description = EXCLUDED.description;

INSERT INTO careleaver.report_view_columns (view_name, column_name, position, description) VALUES
  ('looked_after_31_march_by_breakdown', 'la', 1, 'Local authority code'),
  ('looked_after_31_march_by_breakdown', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('looked_after_31_march_by_breakdown', 'breakdown_topic', 3, 'DfE''s characteristic: Total, Age group, Sex, Ethnicity, UASC or Disability (careleaver.breakdown_labels, metrics.md 17)'),
  ('looked_after_31_march_by_breakdown', 'breakdown_order', 4, 'Position of the label in DfE''s order within its topic (metrics.md 17)'),
  ('looked_after_31_march_by_breakdown', 'breakdown', 5, 'DfE''s label: the age group, sex, ethnicity major group, UASC or not, child''s disability (N2) or other categories of need, or Total (metrics.md 17)'),
  ('starts_by_breakdown', 'la', 1, 'Local authority code'),
  ('starts_by_breakdown', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('starts_by_breakdown', 'breakdown_topic', 3, 'DfE''s characteristic: Total, Age group, Sex, Ethnicity, UASC or Disability (careleaver.breakdown_labels, metrics.md 17)'),
  ('starts_by_breakdown', 'breakdown_order', 4, 'Position of the label in DfE''s order within its topic (metrics.md 17)'),
  ('starts_by_breakdown', 'breakdown', 5, 'DfE''s label: the age group, sex, ethnicity major group, UASC or not, child''s disability (N2) or other categories of need, or Total (metrics.md 17)'),
  ('ceases_by_breakdown', 'la', 1, 'Local authority code'),
  ('ceases_by_breakdown', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('ceases_by_breakdown', 'breakdown_topic', 3, 'DfE''s characteristic: Total, Age group, Sex, Ethnicity, UASC or Disability (careleaver.breakdown_labels, metrics.md 17)'),
  ('ceases_by_breakdown', 'breakdown_order', 4, 'Position of the label in DfE''s order within its topic (metrics.md 17)'),
  ('ceases_by_breakdown', 'breakdown', 5, 'DfE''s label: the age group, sex, ethnicity major group, UASC or not, child''s disability (N2) or other categories of need, or Total (metrics.md 17)'),
  ('placement_stability_by_breakdown', 'la', 1, 'Local authority code'),
  ('placement_stability_by_breakdown', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('placement_stability_by_breakdown', 'breakdown_topic', 3, 'DfE''s characteristic: Total, Age group, Sex, Ethnicity, UASC or Disability (careleaver.breakdown_labels, metrics.md 17)'),
  ('placement_stability_by_breakdown', 'breakdown_order', 4, 'Position of the label in DfE''s order within its topic (metrics.md 17)'),
  ('placement_stability_by_breakdown', 'breakdown', 5, 'DfE''s label: the age group, sex, ethnicity major group, UASC or not, child''s disability (N2) or other categories of need, or Total (metrics.md 17)'),
  ('looked_after_rates_by_ethnicity', 'la', 1, 'Local authority code'),
  ('looked_after_rates_by_ethnicity', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('looked_after_rates_by_ethnicity', 'breakdown_topic', 3, 'DfE''s characteristic: Total, Age group, Sex, Ethnicity, UASC or Disability (careleaver.breakdown_labels, metrics.md 17)'),
  ('looked_after_rates_by_ethnicity', 'breakdown_order', 4, 'Position of the label in DfE''s order within its topic (metrics.md 17)'),
  ('looked_after_rates_by_ethnicity', 'breakdown', 5, 'DfE''s label: the age group, sex, ethnicity major group, UASC or not, child''s disability (N2) or other categories of need, or Total (metrics.md 17)'),
  ('looked_after_31_march_by_breakdown', 'children', 6, 'Children looked after on 31 March with that characteristic; published: under disclosure control (metrics.md 9 and 17)'),
  ('starts_by_breakdown', 'children', 6, 'Children with a period of care starting in the year with that characteristic; published: under disclosure control (metrics.md 3, 9 and 17)'),
  ('ceases_by_breakdown', 'children', 6, 'Children with a period of care ending in the year with that characteristic; published: under disclosure control (metrics.md 3, 9 and 17)'),
  ('placement_stability_by_breakdown', 'looked_after_31_march', 6, 'Children looked after on 31 March with a date of birth (the short-term measure''s denominator, metrics.md 7); published: under disclosure control'),
  ('placement_stability_by_breakdown', 'three_or_more_placements', 7, 'Of them, with three or more placements in the year (metrics.md 7); published: hidden too where the children with fewer would be (metrics.md 9 and 17)'),
  ('placement_stability_by_breakdown_published', 'three_or_more_placements_percent', 8, 'Percentage of the children with three or more placements, one decimal; c when either count is hidden (metrics.md 9)'),
  ('looked_after_rates_by_ethnicity', 'children', 6, 'Children looked after on 31 March of the ethnic group; published: as looked_after_31_march_by_breakdown_published shows them (metrics.md 17)'),
  ('looked_after_rates_by_ethnicity', 'census_year', 7, 'Census year of the population used (the latest loaded for the council); NULL without one (metrics.md 17)'),
  ('looked_after_rates_by_ethnicity', 'population', 8, 'Population of the ethnic group in the council (population_ethnicity, all ages as ONS''s file counts them); NULL (published x) without one, and for Refused and Information not yet obtained (metrics.md 17)'),
  ('looked_after_rates_by_ethnicity', 'rate_per_10000', 9, 'Children per 10,000 of the population of the group, one decimal; published: c with a hidden count, x without a population, z for a population of 0, k when a non-zero rate rounds to 0 (metrics.md 17)'),
  ('looked_after_rates_by_ethnicity', 'ratio_to_white', 10, 'The group''s rate divided by White children''s rate in the same council and year, two decimals; published: c when either count is hidden, x when either rate is missing (metrics.md 17)'),
  ('returns_home_by_breakdown', 'la', 1, 'Local authority code'),
  ('returns_home_by_breakdown', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('returns_home_by_breakdown', 'breakdown_topic', 3, 'DfE''s characteristic: Total, Age group, Sex, Ethnicity, UASC or Disability (careleaver.breakdown_labels, metrics.md 17)'),
  ('returns_home_by_breakdown', 'breakdown_order', 4, 'Position of the label in DfE''s order within its topic (metrics.md 17)'),
  ('returns_home_by_breakdown', 'breakdown', 5, 'DfE''s label: the age group, sex, ethnicity major group, UASC or not, child''s disability (N2) or other categories of need, or Total (metrics.md 17)'),
  ('returns_home_by_breakdown', 'returned_home', 6, 'Returns home (E4A, E4B) in the year on or before the data''s end (metrics.md 6); published: under disclosure control'),
  ('returns_home_by_breakdown', 'reentered_within_12_months', 7, 'Of them, followed by a new period of care within 12 months (metrics.md 6); published: hidden too where the returns not followed by one would be, x until every follow-up is complete'),
  ('returns_home_by_breakdown', 'follow_up_incomplete', 8, 'Of them, whose 12-month follow-up passes the data''s end (metrics.md 6)'),
  ('returns_home_by_breakdown', 'reentry_percent', 8, 'Percentage of the returns home followed by re-entry within 12 months, one decimal; c when either count is hidden, x until every follow-up is complete (metrics.md 6 and 9)'),
  ('returns_home_by_breakdown', 'basis', 9, 'complete follow-up, or what the re-entries still need (as returns_home_reentry, metrics.md 11)')
ON CONFLICT (view_name, column_name) DO UPDATE SET position = EXCLUDED.position, description = EXCLUDED.description;
