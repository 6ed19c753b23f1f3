-- DfE's Dashboard parity, part 1 (issue 15; metrics.md 12 and 13; doc/reporting.md): adoption timeliness
-- (Dashboard 47), the average SDQ score (51), kinship care beside special guardianship and child arrangements
-- orders (43, 44), and DfE's published figures set beside the council's own (dashboard_comparison).
-- The month arithmetic is in the C core (core/timeliness.c); the view SQL is built by the *_sql functions
-- below, registered as report views in 93_dashboard_parity_views.sql.

CREATE FUNCTION careleaver.months_from_days(days double precision) RETURNS double precision
  AS 'MODULE_PATHNAME', 'careleaver_months_from_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.months_from_days(double precision) IS
  'Days in months of the mean calendar month, 365.25 / 12 = 30.4375 days (metrics.md 12: adoption timeliness, Dashboard 47)';

CREATE FUNCTION careleaver.years_months(months double precision) RETURNS text
  AS 'MODULE_PATHNAME', 'careleaver_years_months' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.years_months(double precision) IS
  'DfE''s years and months (YY:MM, as national_cla_adopted_average_time_between_adoption_process_stages.csv '
  'writes average times) of a number of months, rounded to whole months first, halves up: 19 is 01:07, 11.6 is 01:00 (metrics.md 12)';

CREATE FUNCTION careleaver.years_months_to_months(years_months text) RETURNS integer
  AS 'MODULE_PATHNAME', 'careleaver_years_months_to_months' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.years_months_to_months(text) IS
  'The whole months of DfE''s YY:MM (01:07 is 19), as the Dashboard reads the adoption-stage table; '
  'SQLSTATE 22P02 for anything else (metrics.md 12)';

-- ---------------------------------------------------------------------------------------------------
-- DfE's published figures in a dataset: the rows of the Dashboard indicators read from the
-- explore-education-statistics files by scripts/careleaver-load-published, and the statistical neighbours.

-- Where each Dashboard indicator is in DfE's published files: the filter columns and values that pick its row,
-- the column holding the figure and how it reads (metrics.md 13).
CREATE TABLE careleaver.published_indicator_sources (
  dashboard_no integer PRIMARY KEY,
  dfe_file text NOT NULL,
  filters jsonb NOT NULL,
  value_column text NOT NULL,
  value_kind text NOT NULL CHECK (value_kind IN ('percent', 'per 10,000 children', 'months', 'score')),
  dfe_columns text[] NOT NULL
);
COMMENT ON TABLE careleaver.published_indicator_sources IS
  'Where each Dashboard indicator is in DfE''s published explore-education-statistics files (metrics.md 13): '
  'a row of the file is the indicator''s when every filter column holds its value; scripts/careleaver-load-published '
  'reads them into a dataset''s published table';
COMMENT ON COLUMN careleaver.published_indicator_sources.dashboard_no IS 'The indicator''s number in DfE''s Dashboard';
COMMENT ON COLUMN careleaver.published_indicator_sources.dfe_file IS 'The DfE file that carries it (the name the Dashboard''s source reads)';
COMMENT ON COLUMN careleaver.published_indicator_sources.filters IS 'Column name to value: the file''s row of the indicator';
COMMENT ON COLUMN careleaver.published_indicator_sources.value_column IS 'The column holding the figure';
COMMENT ON COLUMN careleaver.published_indicator_sources.value_kind IS 'percent, per 10,000 children, months (DfE''s YY:MM, read as whole months) or score';
COMMENT ON COLUMN careleaver.published_indicator_sources.dfe_columns IS 'The columns of the DfE file, in order: the shape careleaver-export --dfe-shape writes the council''s rows in';

INSERT INTO careleaver.published_indicator_sources (dashboard_no, dfe_file, filters, value_column, value_kind, dfe_columns) VALUES
  -- the Children in Need census files (metrics.md 15): one row per area and year, the category column fixed
  (2, 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv',
   '{"category": "Referrals and Re-referrals"}', 'rereferral_percent', 'percent',
   '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,referral_count,rereferral_count,rereferral_percent,no_further_action_count,no_further_action_percent,not_in_need_count,not_in_need_percent,referral_child_count,rereferral_child_count,rereferral_child_percent}'),
  (23, 'd3_cpps_subsequent_plan_2013_to_2025.csv',
   '{"category": "Child Protection Plans which are a second or subsequent plan"}', 'CPP_subsequent_percent', 'percent',
   '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,CPP_start,CPP_subsequent,CPP_subsequent_percent}'),
  (24, 'd5_cpps_at31march_by_duration_2013_to_2025.csv',
   '{"category": "Child Protection Plans by length of time"}', '2_years_or_more_percent', 'percent',
   '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,CPP_At31,3_months_or_less,3_months_or_less_percent,more_than_3_months_6_months,more_than_3_months_6_months_percent,more_than_6_months_less_than_1_year,more_than_6_months_less_than_1_year_percent,1_year_less_than_2_years,1_year_less_than_2_years_percent,2_years_or_more,2_years_or_more_percent}'),
  (3, 'cla_number_and_rate_per_10k_children.csv',
   '{"population_type": "Children starting to be looked after each year"}', 'rate_per_10000', 'per 10,000 children',
   '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,population_type,population_estimate,children_count,rate_per_10000}'),
  (4, 'cla_number_and_rate_per_10k_children.csv',
   '{"population_type": "Children looked after on 31 March each year"}', 'rate_per_10000', 'per 10,000 children',
   '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,population_type,population_estimate,children_count,rate_per_10000}'),
  (45, 'la_cla_placement_stability.csv',
   '{"cla_group": "CLA on 31 March", "placement_stability": "With 3 or more placements during the year"}',
   'children_percent', 'percent',
   '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,cla_group,placement_stability,children_count,children_percent}'),
  (47, 'national_cla_adopted_average_time_between_adoption_process_stages.csv',
   '{"cla_group": "Age on starting final period of care", "stage_of_adoption_process": "2. Average time between decision that child should be placed for adoption and matching of child and adopters", "age_start_poc": "Total"}',
   'number', 'months',
   '{time_period,time_identifier,geographic_level,country_code,country_name,cla_group,stage_of_adoption_process,age_start_poc,number}'),
  (51, 'la_conviction_health_outcome_cla.csv',
   '{"characteristic": "Ages 5 to 16 years with SDQ score", "breakdown": "SDQ average score"}', 'children_count', 'score',
   '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,characteristic,breakdown,children_count,children_percent}'),
  (52, 'la_care_leavers_activity.csv',
   '{"care_leaver_age": "17 to 18 years", "breakdown": "Total in education, employment or training"}',
   'care_leaver_percent', 'percent',
   '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent}'),
  (53, 'la_care_leavers_activity.csv',
   '{"care_leaver_age": "19 to 21 years", "breakdown": "Total in education, employment or training"}',
   'care_leaver_percent', 'percent',
   '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent}'),
  (54, 'la_care_leavers_accommodation_suitability.csv',
   '{"care_leaver_age": "17 to 18 years", "breakdown": "Accommodation considered suitable"}', 'care_leaver_percent', 'percent',
   '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent}'),
  (55, 'la_care_leavers_accommodation_suitability.csv',
   '{"care_leaver_age": "19 to 21 years", "breakdown": "Accommodation considered suitable"}', 'care_leaver_percent', 'percent',
   '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent}'),
  (67, 'la_cla_swcount.csv',
   '{"cla_group": "CLA on 31 March", "sw_stability": "3 or more social workers during the year"}', 'percentage', 'percent',
   '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,cla_group,sw_stability,number,percentage}')
ON CONFLICT (dashboard_no) DO UPDATE SET dfe_file = EXCLUDED.dfe_file, filters = EXCLUDED.filters,
  value_column = EXCLUDED.value_column, value_kind = EXCLUDED.value_kind,
  dfe_columns = EXCLUDED.dfe_columns;

-- A published figure as a number: NULL for DfE's symbols (c, k, low, u, x, z) and for a cell that does not read
-- as its kind (the loader lists those as file:line:column first).
CREATE FUNCTION careleaver.published_value(value_kind text, shown text) RETURNS numeric
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  IF shown IS NULL OR btrim(shown) IN ('c', 'k', 'low', 'u', 'x', 'z', '') THEN
    RETURN NULL;
  ELSIF value_kind = 'months' THEN
    RETURN careleaver.years_months_to_months(shown);
  ELSIF btrim(shown) ~ '^-?[0-9]+(\.[0-9]+)?$' THEN
    RETURN btrim(shown)::numeric;
  END IF;
  RETURN NULL;
EXCEPTION WHEN invalid_text_representation THEN
  RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION careleaver.published_value(text, text) IS
  'A figure of DfE''s published files as a number (metrics.md 13): NULL for the symbols c, k, low, u, x, z and for '
  'a cell that does not read as its kind; months from YY:MM (careleaver.years_months_to_months)';

CREATE FUNCTION careleaver.published_symbol(shown text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
  AS $$ SELECT btrim(shown) IN ('c', 'k', 'low', 'u', 'x', 'z') $$;
COMMENT ON FUNCTION careleaver.published_symbol(text) IS
  'True for DfE''s symbols in published value cells: c suppressed, k rounds to 0, low, u low reliability, '
  'x not available, z not applicable (metrics.md 9 and 13)';

-- The dataset tables of DfE's published figures (made by create_dataset; idempotent).
CREATE FUNCTION careleaver.create_published_tables(schema_name text) RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name, creating => true);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.published (dashboard_no integer NOT NULL, '
                 'collection_year integer NOT NULL, geographic_level text NOT NULL, area text NOT NULL, '
                 'area_name text, region_code text, region_name text, shown text NOT NULL, value numeric, '
                 'source_file text NOT NULL, source_line integer NOT NULL, '
                 'PRIMARY KEY (dashboard_no, collection_year, geographic_level, area))', schema_name);
  EXECUTE format('COMMENT ON TABLE %I.published IS %L', schema_name,
                 'DfE''s published figures of the Dashboard indicators (scripts/careleaver-load-published; metrics.md 13)');
  EXECUTE format('COMMENT ON COLUMN %I.published.dashboard_no IS %L', schema_name, 'The Dashboard indicator');
  EXECUTE format('COMMENT ON COLUMN %I.published.collection_year IS %L', schema_name,
                 'time_period of the file: the collection year, named by the year it ends');
  EXECUTE format('COMMENT ON COLUMN %I.published.geographic_level IS %L', schema_name, 'National, Regional or Local authority');
  EXECUTE format('COMMENT ON COLUMN %I.published.area IS %L', schema_name,
                 'E92000001 for England, the region code, or the three-digit LA code (old_la_code)');
  EXECUTE format('COMMENT ON COLUMN %I.published.area_name IS %L', schema_name, 'England, the region or the council');
  EXECUTE format('COMMENT ON COLUMN %I.published.region_code IS %L', schema_name, 'The region of a council''s row (its Regional row''s area)');
  EXECUTE format('COMMENT ON COLUMN %I.published.region_name IS %L', schema_name, 'The region''s name');
  EXECUTE format('COMMENT ON COLUMN %I.published.shown IS %L', schema_name, 'The cell as published (a number, YY:MM, or a symbol)');
  EXECUTE format('COMMENT ON COLUMN %I.published.value IS %L', schema_name,
                 'The figure as a number (months for YY:MM); NULL for a symbol (careleaver.published_value)');
  EXECUTE format('COMMENT ON COLUMN %I.published.source_file IS %L', schema_name, 'File the row was read from');
  EXECUTE format('COMMENT ON COLUMN %I.published.source_line IS %L', schema_name, 'Line of the row in its file');
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.statistical_neighbours (la text NOT NULL, neighbour text NOT NULL, '
                 'rank integer NOT NULL, closeness text, source_file text NOT NULL, PRIMARY KEY (la, rank))', schema_name);
  EXECUTE format('COMMENT ON TABLE %I.statistical_neighbours IS %L', schema_name,
                 'DfE''s statistical neighbours: ten councils per council, closest first (scripts/careleaver-load-published; metrics.md 13)');
  EXECUTE format('COMMENT ON COLUMN %I.statistical_neighbours.la IS %L', schema_name, 'The council (three-digit LA code)');
  EXECUTE format('COMMENT ON COLUMN %I.statistical_neighbours.neighbour IS %L', schema_name, 'A statistical neighbour (three-digit LA code)');
  EXECUTE format('COMMENT ON COLUMN %I.statistical_neighbours.rank IS %L', schema_name, '1 (closest) to 10');
  EXECUTE format('COMMENT ON COLUMN %I.statistical_neighbours.closeness IS %L', schema_name, 'DfE''s closeness label (Very close, Close, ...)');
  EXECUTE format('COMMENT ON COLUMN %I.statistical_neighbours.source_file IS %L', schema_name, 'File the grouping was read from');
END
$fn$;
COMMENT ON FUNCTION careleaver.create_published_tables(text) IS
  'Creates (idempotently) the published and statistical_neighbours tables of a dataset, which '
  'scripts/careleaver-load-published fills (metrics.md 13); called by careleaver.create_dataset';

-- Per child p (history) and collection year y (year_start, year_end): the placement of the care episode open
-- on 31 March, and the child's last period of care ending in the year, as national_framework and kinship_care
-- read them (metrics.md 12).
CREATE FUNCTION careleaver.placement_on_31_march_sql() RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
  AS $$ SELECT 'SELECT ep.place FROM careleaver.episodes(p.history) ep
                 WHERE NOT ep.short_break AND ep.decom <= y.year_end AND (ep."dec" IS NULL OR ep."dec" > y.year_end)
                 ORDER BY ep.decom DESC, ep.episode_no DESC LIMIT 1'::text $$;
COMMENT ON FUNCTION careleaver.placement_on_31_march_sql() IS
  'Internal: SQL (over p.history and y.year_end) of the PLACE of the latest care episode open on 31 March, short '
  'breaks left out: the placement Dashboard 48 to 50 and kinship_care count (metrics.md 12)';

CREATE FUNCTION careleaver.last_ending_in_year_sql() RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
  AS $$ SELECT 'SELECT pc.end_date, pc.end_reason FROM careleaver.periods_of_care(p.history) pc
                 WHERE pc.end_date BETWEEN y.year_start AND y.year_end
                 ORDER BY pc.end_date DESC, pc.period_no DESC LIMIT 1'::text $$;
COMMENT ON FUNCTION careleaver.last_ending_in_year_sql() IS
  'Internal: SQL (over p.history, y.year_start and y.year_end) of the child''s last period of care ending in the '
  'year: how Dashboard 43 and 44 and kinship_care count children ceasing (metrics.md 12)';

-- A dataset module table as SQL, or an empty relation of its columns when the dataset has none (a schema
-- filled by hand): the views over it then read x, never fail.
CREATE FUNCTION careleaver.dataset_table_or_empty_sql(schema_name text, module text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  IF to_regclass(format('%I.%I', schema_name, module)) IS NOT NULL THEN
    RETURN format('%I.%I', schema_name, module);
  END IF;
  RETURN format('(SELECT NULL::text AS la, NULL::text AS child, NULL::integer AS year, %s WHERE false)',
                (SELECT string_agg(format('NULL::%s AS %I', d.sql_type, d.column_name), ', ' ORDER BY d.ord)
                   FROM careleaver.dataset_columns() d WHERE d.module = dataset_table_or_empty_sql.module
                    AND d.column_name <> 'child'));
END
$fn$;
COMMENT ON FUNCTION careleaver.dataset_table_or_empty_sql(text, text) IS
  'Internal: the dataset''s table of an SSDA903 module (ad1, oc2, ...) as SQL, or an empty relation of its '
  'columns (la, child, year and the module''s) when the dataset has none';

-- ---------------------------------------------------------------------------------------------------
-- Adoption: the children adopted in each collection year with the dates of DfE's adoption stages.
-- Needs the CTEs person and report_year of careleaver.reporting_common_sql in scope.
CREATE FUNCTION careleaver.adoption_stages_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
    SELECT a.la, a.collection_year, a.child, careleaver.age_on(a.dob, a.entered) AS age_start,
           a.entered, ad.date_int AS decided, ad.date_match AS matched, pl.placed, a.adopted_on
      FROM (SELECT y.la, y.collection_year, p.child, p.dob, p.history, pc.start_date AS entered,
                   pc.end_date AS adopted_on
              FROM report_year y JOIN person p USING (la)
             CROSS JOIN LATERAL careleaver.periods_of_care(p.history) pc
             WHERE pc.end_date BETWEEN y.year_start AND y.year_end
               AND coalesce(careleaver.is_adoption(pc.end_reason), false)) a
      LEFT JOIN %1$s ad ON ad.la = a.la AND ad.child = a.child AND ad.year = a.collection_year
      LEFT JOIN LATERAL (SELECT min(ep.decom) AS placed FROM careleaver.episodes(a.history) ep
                          WHERE ep.decom >= a.entered AND ep.decom < a.adopted_on
                            AND careleaver.placement_group(ep.place) = 'Placed for adoption') pl ON true$q$,
    careleaver.dataset_table_or_empty_sql(schema_name, 'ad1'));
END
$fn$;
COMMENT ON FUNCTION careleaver.adoption_stages_sql(text) IS
  'Internal: SQL (over the CTEs person and report_year) of the children adopted in each reported year (a period '
  'of care ending with REC E11 or E12) with the dates of DfE''s adoption stages: entered (start of the final '
  'period of care), decided (AD1 DATE_INT), matched (AD1 DATE_MATCH, the AD1 record of the adoption''s return), '
  'placed (first placement for adoption, PLACE A3 to A6, in the period) and adopted_on (metrics.md 12)';

CREATE FUNCTION careleaver.adoption_timeliness_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH %1$s,
  adopted AS (%2$s),
  stage_days AS (
    SELECT a.la, a.collection_year, a.age_start, s.stage, s.days
      FROM adopted a
     CROSS JOIN LATERAL (VALUES
       ('1. Average time between entry into care and decision that child should be placed for adoption', a.decided - a.entered),
       ('2. Average time between decision that child should be placed for adoption and matching of child and adopters', a.matched - a.decided),
       ('3. Average time between date of matching and date placed for adoption', a.placed - a.matched),
       ('4. Total average time between entry into care and date placed for adoption', a.placed - a.entered),
       ('5. Average time between date placed for adoption and the date child adopted', a.adopted_on - a.placed),
       ('6. Total average time between entry into care and adoption', a.adopted_on - a.entered)) AS s(stage, days)
     WHERE s.days >= 0)
SELECT d.la, d.collection_year, 'Age on starting final period of care'::text AS cla_group,
       d.stage AS stage_of_adoption_process,
       coalesce(CASE WHEN d.age_start IS NULL THEN NULL WHEN d.age_start < 1 THEN 'Aged under 1'
                     WHEN d.age_start < 7 THEN 'Aged ' || d.age_start ELSE 'Aged 7 and over' END, 'Total') AS age_start_poc,
       count(*) AS children, sum(d.days)::bigint AS total_days,
       careleaver.months_from_days(avg(d.days)::double precision)::numeric AS average_months,
       careleaver.years_months(careleaver.months_from_days(avg(d.days)::double precision)) AS number
  FROM stage_days d
 GROUP BY GROUPING SETS ((d.la, d.collection_year, d.stage, d.age_start), (d.la, d.collection_year, d.stage))
HAVING d.age_start IS NOT NULL OR GROUPING(d.age_start) = 1$q$,
    careleaver.reporting_common_sql(schema_name), careleaver.adoption_stages_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.adoption_timeliness_sql(text) IS
  'Internal: the SELECT of the adoption_timeliness view (metrics.md 12)';

CREATE FUNCTION careleaver.adoption_timeliness_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
SELECT t.la, t.collection_year, t.cla_group, t.stage_of_adoption_process, t.age_start_poc,
       careleaver.publish_count(t.children) AS children,
       CASE WHEN careleaver.publish_count(t.children) = 'c' THEN 'c' ELSE t.number END AS number
  FROM (%1$s) t$q$, careleaver.adoption_timeliness_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.adoption_timeliness_published_sql(text) IS
  'Internal: the SELECT of the adoption_timeliness_published view (metrics.md 9 and 12)';

-- ---------------------------------------------------------------------------------------------------
-- Kinship care: foster care with relatives or friends apart from other fostering on 31 March, and the
-- special guardianship and child arrangements orders that ended periods of care, with their kinship shares.
CREATE FUNCTION careleaver.kinship_care_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH %1$s,
  child_year AS (
    SELECT y.la, y.collection_year, pl.place, ce.end_reason, ce.end_date
      FROM report_year y JOIN person p USING (la)
      LEFT JOIN LATERAL (%3$s) pl ON true
      LEFT JOIN LATERAL (%2$s) ce ON true
     WHERE pl.place IS NOT NULL OR ce.end_date IS NOT NULL),
  counted AS (
    SELECT la, collection_year,
           count(*) FILTER (WHERE careleaver.dfe_placement_group(place) = 'Foster placements') AS foster,
           count(*) FILTER (WHERE careleaver.is_kinship_foster_placement(place)) AS foster_kinship,
           count(*) FILTER (WHERE end_date IS NOT NULL) AS ceased,
           count(*) FILTER (WHERE careleaver.is_special_guardianship_order(end_reason)) AS sgo,
           count(*) FILTER (WHERE end_reason::text IN ('E45', 'E47')) AS sgo_kinship,
           count(*) FILTER (WHERE end_reason::text IN ('E46', 'E48')) AS sgo_other,
           count(*) FILTER (WHERE careleaver.ceased_reason_group(end_reason)
                                  = 'Residence order or child arrangements order') AS cao
      FROM child_year GROUP BY 1, 2)
SELECT y.la, y.collection_year, k.breakdown, k.category, k.children, k.total,
       CASE WHEN k.total > 0 THEN 100.0 * k.children / k.total END AS percent
  FROM (SELECT DISTINCT la, collection_year FROM report_year) y
  LEFT JOIN counted c USING (la, collection_year)
 CROSS JOIN LATERAL (VALUES
   ('Foster placements on 31 March', 'With relative(s) or friend(s) (U1 to U3)', coalesce(c.foster_kinship, 0), coalesce(c.foster, 0), 1),
   ('Foster placements on 31 March', 'With other foster carer(s) (U4 to U6)', coalesce(c.foster - c.foster_kinship, 0), coalesce(c.foster, 0), 2),
   ('Ceased: special guardianship order', 'To relative(s) or friend(s) (E45, E47)', coalesce(c.sgo_kinship, 0), coalesce(c.sgo, 0), 3),
   ('Ceased: special guardianship order', 'To carer(s) who are not relative(s) or friend(s) (E46, E48)', coalesce(c.sgo_other, 0), coalesce(c.sgo, 0), 4),
   ('Ceased: special guardianship order', 'Relationship not recorded (E43, E44, up to 2018)', coalesce(c.sgo - c.sgo_kinship - c.sgo_other, 0), coalesce(c.sgo, 0), 5),
   ('Ceased in the year', 'Special guardianship order (Dashboard 43)', coalesce(c.sgo, 0), coalesce(c.ceased, 0), 6),
   ('Ceased in the year', 'Special guardianship order to relative(s) or friend(s)', coalesce(c.sgo_kinship, 0), coalesce(c.ceased, 0), 7),
   ('Ceased in the year', 'Residence order or child arrangements order (Dashboard 44)', coalesce(c.cao, 0), coalesce(c.ceased, 0), 8)
   ) AS k(breakdown, category, children, total, category_order)
 ORDER BY y.la, y.collection_year, k.category_order$q$, careleaver.reporting_common_sql(schema_name),
    careleaver.last_ending_in_year_sql(), careleaver.placement_on_31_march_sql());
END
$fn$;
COMMENT ON FUNCTION careleaver.kinship_care_sql(text) IS 'Internal: the SELECT of the kinship_care view (metrics.md 12)';

CREATE FUNCTION careleaver.kinship_care_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  -- Each split is one row whose parts add to its total (suppress_row).  The children ceasing are the row
  -- national_framework_published suppresses for 43 and 44 (special guardianship, child arrangements, the other
  -- endings), suppressed the same way here; when the special guardianship orders are hidden there, their split
  -- and the kinship share are hidden too, so no view reveals what another hides.
  RETURN format($q$
WITH k AS (%1$s),
  wide AS (
    SELECT la, collection_year,
           array_agg(children ORDER BY category) FILTER (WHERE breakdown = 'Foster placements on 31 March') AS foster_cells,
           array_agg(category ORDER BY category) FILTER (WHERE breakdown = 'Foster placements on 31 March') AS foster_names,
           max(total) FILTER (WHERE breakdown = 'Foster placements on 31 March') AS foster_total,
           array_agg(children ORDER BY category) FILTER (WHERE breakdown = 'Ceased: special guardianship order') AS sgo_cells,
           array_agg(category ORDER BY category) FILTER (WHERE breakdown = 'Ceased: special guardianship order') AS sgo_names,
           max(total) FILTER (WHERE breakdown = 'Ceased in the year') AS ceased,
           max(children) FILTER (WHERE category LIKE 'Special guardianship order (%%') AS sgo,
           max(children) FILTER (WHERE category LIKE 'Special guardianship order to %%') AS sgo_kinship,
           max(children) FILTER (WHERE category LIKE 'Residence order%%') AS cao
      FROM k GROUP BY 1, 2),
  ceased_row AS (
    SELECT w.*, careleaver.suppress_row(ARRAY[w.sgo, w.cao, w.ceased - w.sgo - w.cao]) AS ceased_shown,
           careleaver.publish_row_total(ARRAY[w.sgo, w.cao, w.ceased - w.sgo - w.cao]) AS ceased_total_shown
      FROM wide w),
  sgo_row AS (
    SELECT c.*, c.ceased_shown[1] = 'c' AS sgo_hidden,
           careleaver.suppress_row(c.sgo_cells) AS sgo_shown, careleaver.publish_row_total(c.sgo_cells) AS sgo_total_shown
      FROM ceased_row c)
SELECT r.la, r.collection_year, 'Foster placements on 31 March'::text AS breakdown, u.category,
       u.shown AS children, careleaver.publish_row_total(r.foster_cells) AS total,
       CASE WHEN 'c' IN (u.shown, careleaver.publish_row_total(r.foster_cells)) THEN 'c'
            ELSE careleaver.publish_percent(u.cell, r.foster_total) END AS percent
  FROM sgo_row r
 CROSS JOIN LATERAL unnest(r.foster_names, r.foster_cells, careleaver.suppress_row(r.foster_cells)) AS u(category, cell, shown)
UNION ALL
SELECT r.la, r.collection_year, 'Ceased: special guardianship order', u.category,
       CASE WHEN r.sgo_hidden THEN 'c' ELSE u.shown END,
       CASE WHEN r.sgo_hidden THEN 'c' ELSE r.sgo_total_shown END,
       CASE WHEN r.sgo_hidden OR 'c' IN (u.shown, r.sgo_total_shown) THEN 'c'
            ELSE careleaver.publish_percent(u.cell, r.sgo) END
  FROM sgo_row r
 CROSS JOIN LATERAL unnest(r.sgo_names, r.sgo_cells, r.sgo_shown) AS u(category, cell, shown)
UNION ALL
SELECT r.la, r.collection_year, 'Ceased in the year', v.category, v.shown, r.ceased_total_shown,
       CASE WHEN 'c' IN (v.shown, r.ceased_total_shown) THEN 'c' ELSE careleaver.publish_percent(v.cell, r.ceased) END
  FROM sgo_row r
 CROSS JOIN LATERAL (VALUES
   ('Special guardianship order (Dashboard 43)', r.sgo, r.ceased_shown[1]),
   ('Special guardianship order to relative(s) or friend(s)', r.sgo_kinship,
    CASE WHEN r.sgo_hidden THEN 'c'
         ELSE r.sgo_shown[array_position(r.sgo_names, 'To relative(s) or friend(s) (E45, E47)')] END),
   ('Residence order or child arrangements order (Dashboard 44)', r.cao, r.ceased_shown[2])) AS v(category, cell, shown)$q$,
    careleaver.kinship_care_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.kinship_care_published_sql(text) IS
  'Internal: the SELECT of the kinship_care_published view (metrics.md 9 and 12): each split suppressed as one row '
  'with its total; the children ceasing suppressed as national_framework_published suppresses 43 and 44, and the '
  'special guardianship split hidden with them';

-- ---------------------------------------------------------------------------------------------------
-- The national_framework rows computed here (Dashboard 47 and 51), as SQL over the CTEs person and frame
-- (la, collection_year, year_start, year_end) of the national_framework view: one row per council, year and
-- ordinal of careleaver.dashboard_indicators with numerator, denominator and a reason when not available.
-- 47: numerator total days from decision to match, denominator the adopted children with both dates;
-- 51: numerator total SDQ score, denominator the children of the cohort with a score.
CREATE FUNCTION careleaver.dashboard_parity_rows_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
    SELECT f.la, f.collection_year, d.ordinal, x.numerator, x.denominator,
           CASE WHEN x.dashboard_no = 47 THEN %3$L ELSE %4$L END AS reason
      FROM frame f
     CROSS JOIN LATERAL (
       SELECT 47 AS dashboard_no, coalesce(sum(a.matched - a.decided), 0)::bigint AS numerator, count(*) AS denominator
         FROM (%2$s) a
        WHERE a.la = f.la AND a.collection_year = f.collection_year AND a.matched >= a.decided
       UNION ALL
       SELECT 51, coalesce(sum(o.sdq_score), 0)::bigint, count(o.sdq_score)
         FROM person p
         JOIN %1$s o ON o.la = p.la AND o.child = p.child AND o.year = f.collection_year
                        AND o.sdq_score BETWEEN 0 AND 40
        WHERE p.la = f.la AND careleaver.age_on(p.dob, f.year_end) BETWEEN 5 AND 16
          AND EXISTS (SELECT 1 FROM careleaver.periods_of_care(p.history) pc
                       WHERE pc.start_date <= f.year_start AND (pc.end_date IS NULL OR pc.end_date > f.year_end))) x
      JOIN careleaver.dashboard_indicators d ON d.dashboard_no = x.dashboard_no$q$,
    careleaver.dataset_table_or_empty_sql(schema_name, 'oc2'),
    replace(careleaver.adoption_stages_sql(schema_name), 'report_year y', 'frame y'),
    CASE WHEN to_regclass(format('%I.ad1', schema_name)) IS NULL THEN 'the dataset has no ad1 table' END,
    CASE WHEN to_regclass(format('%I.oc2', schema_name)) IS NULL THEN 'the dataset has no oc2 table' END);
END
$fn$;
COMMENT ON FUNCTION careleaver.dashboard_parity_rows_sql(text) IS
  'Internal: SQL (over the CTEs person and frame of national_framework) of the rows of Dashboard 47 (days from '
  'the decision to place for adoption to the match, over the children adopted in the year with both dates) and '
  '51 (SDQ scores of the children aged 5 to 16 on 31 March looked after for the whole year) (metrics.md 12)';

-- Puts the values of the computed rows into the arrays of national_framework, by ordinal.
CREATE FUNCTION careleaver.dashboard_overlay(base anyarray, ordinals integer[], vals anyarray) RETURNS anyarray
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  result base%TYPE := base;
  i integer;
BEGIN
  FOR i IN 1 .. coalesce(cardinality(ordinals), 0) LOOP
    result[ordinals[i]] := vals[i];
  END LOOP;
  RETURN result;
END
$fn$;
COMMENT ON FUNCTION careleaver.dashboard_overlay(anyarray, integer[], anyarray) IS
  'Internal: base with element ordinals[i] set to vals[i] for each i: the rows computed by '
  'dashboard_parity_rows_sql put into national_framework''s arrays (metrics.md 12)';

-- ---------------------------------------------------------------------------------------------------
-- The council's figures beside England, its region, its statistical neighbours and its own published figure.
-- own_sql (any SELECT with la, collection_year and dashboard_no) with DfE's published comparators appended:
-- england, region, statistical_neighbours, published (metrics.md 13).
CREATE FUNCTION careleaver.dashboard_comparators_sql(schema_name text, own_sql text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  published_sql text := 'SELECT NULL::integer AS dashboard_no, NULL::integer AS collection_year, '
                        'NULL::text AS geographic_level, NULL::text AS area, NULL::text AS region_code, '
                        'NULL::numeric AS value WHERE false';
  neighbours_sql text := 'SELECT NULL::text AS la, NULL::text AS neighbour WHERE false';
BEGIN
  IF to_regclass(format('%I.published', schema_name)) IS NOT NULL THEN
    published_sql := format('SELECT p.dashboard_no, p.collection_year, p.geographic_level, p.area, '
                            'p.region_code, p.value FROM %I.published p', schema_name);
  END IF;
  IF to_regclass(format('%I.statistical_neighbours', schema_name)) IS NOT NULL THEN
    neighbours_sql := format('SELECT s.la, s.neighbour FROM %I.statistical_neighbours s', schema_name);
  END IF;
  RETURN format($q$
WITH own AS (%1$s),
  pub AS (%2$s),
  sn AS (%3$s)
SELECT o.*,
       eng.value AS england,
       reg.value AS region,
       (SELECT avg(q.value) FROM sn JOIN pub q ON q.area = sn.neighbour
         WHERE sn.la = o.la AND q.dashboard_no = o.dashboard_no AND q.collection_year = o.collection_year
           AND q.geographic_level = 'Local authority') AS statistical_neighbours,
       mine.value AS published,
       (SELECT s.dfe_file FROM careleaver.published_indicator_sources s WHERE s.dashboard_no = o.dashboard_no) AS dfe_file
  FROM own o
  LEFT JOIN pub eng ON eng.dashboard_no = o.dashboard_no AND eng.collection_year = o.collection_year
                   AND eng.geographic_level = 'National'
  LEFT JOIN pub mine ON mine.dashboard_no = o.dashboard_no AND mine.collection_year = o.collection_year
                    AND mine.geographic_level = 'Local authority' AND mine.area = o.la
  -- the region is the one the council's latest published row names (London: Inner or Outer London)
  LEFT JOIN LATERAL (SELECT r.value FROM pub r
                      WHERE r.dashboard_no = o.dashboard_no AND r.collection_year = o.collection_year
                        AND r.geographic_level = 'Regional'
                        AND r.area = (SELECT l.region_code FROM pub l
                                       WHERE l.geographic_level = 'Local authority' AND l.area = o.la
                                         AND l.region_code IS NOT NULL
                                       ORDER BY l.collection_year DESC LIMIT 1)) reg ON true$q$,
    own_sql, published_sql, neighbours_sql);
END
$fn$;
COMMENT ON FUNCTION careleaver.dashboard_comparators_sql(text, text) IS
  'Internal: own_sql (a SELECT with la, collection_year and dashboard_no) with the figures DfE published for England, '
  'the council''s region, the mean of its statistical neighbours and the council appended from the dataset''s '
  'published and statistical_neighbours tables, and the DfE file they come from (NULL: DfE publishes no '
  'comparator of the indicator in the files careleaver reads) (metrics.md 13)';

CREATE FUNCTION careleaver.dashboard_comparison_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN careleaver.dashboard_comparators_sql(schema_name, format(
    'SELECT n.la, n.collection_year, n.dashboard_no, n.value FROM (%s) n WHERE n.dashboard_no IS NOT NULL',
    careleaver.reporting_view_sql('national_framework', schema_name)));
END
$fn$;
COMMENT ON FUNCTION careleaver.dashboard_comparison_sql(text) IS
  'Internal: the SELECT of the dashboard_comparison view (metrics.md 13)';

-- The report's comparison section (report_html): every Dashboard indicator of the council beside England, its
-- region, its statistical neighbours and its own figure as DfE published it.  The council's figure is the
-- published one (disclosure control); the comparators are DfE's own published figures, shown as DfE rounds
-- them (whole numbers; scores to one decimal; the neighbours' mean to one decimal).
CREATE FUNCTION careleaver.dashboard_comparison_html(schema_name text, the_la text, yr integer) RETURNS text
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  rows_html text := '';
  loaded boolean := false;
  unpublished boolean := false;
  r record;
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);  -- never run another role's code (doc/dataset.md)
  -- one pass of national_framework: the council's published rows of the year, the comparators beside them
  FOR r IN EXECUTE format('SELECT c.* FROM (%s) c ORDER BY c.ordinal', careleaver.dashboard_comparators_sql(schema_name,
    format('SELECT p.la, p.collection_year, p.dashboard_no, p.ordinal, p.indicator, p.unit, p.value AS own '
           'FROM (%s) p WHERE p.la = $1 AND p.collection_year = $2 AND p.dashboard_no IS NOT NULL',
           careleaver.reporting_view_sql('national_framework_published', schema_name)))) USING the_la, yr LOOP
    loaded := loaded OR coalesce(r.england, r.region, r.statistical_neighbours, r.published) IS NOT NULL;
    unpublished := unpublished OR r.dfe_file IS NULL;
    -- DfE's figures as DfE wrote them (whole numbers, or one decimal where DfE gives one); the neighbours' mean
    -- to one decimal; a dash where DfE publishes no comparator in the files careleaver reads
    rows_html := rows_html || format(
      '<tr><td class="num">%s</td><td>%s</td><td class="num">%s</td><td class="num">%s</td><td class="num">%s</td>'
      '<td class="num">%s</td><td class="num">%s</td></tr>',
      r.dashboard_no, careleaver.html_escape(r.indicator), careleaver.html_escape(r.own),
      CASE WHEN r.dfe_file IS NULL THEN '&mdash;' ELSE coalesce(trim_scale(r.england)::text, 'x') END,
      CASE WHEN r.dfe_file IS NULL THEN '&mdash;' ELSE coalesce(trim_scale(r.region)::text, 'x') END,
      CASE WHEN r.dfe_file IS NULL THEN '&mdash;'
           ELSE coalesce(to_char(round(r.statistical_neighbours, 1), 'FM9990.0'), 'x') END,
      CASE WHEN r.dfe_file IS NULL THEN '&mdash;' ELSE coalesce(trim_scale(r.published)::text, 'x') END);
  END LOOP;
  RETURN '<section id="comparison"><h2>Beside England, the region and statistical neighbours</h2>'
      || '<p class="note">Each Dashboard indicator of this council, from its own returns, beside the figures DfE '
      || 'published for England, the council''s region, the mean of its ten statistical neighbours and the council '
      || 'itself (scripts/careleaver-load-published; metrics.md section 13). DfE publishes its figures about eight '
      || 'months after the year ends; x where a figure is not published or not loaded.'
      || CASE WHEN unpublished THEN ' &mdash; where DfE publishes no comparator of the indicator in the files '
                                 || 'careleaver reads (metrics.md section 13 lists them).' ELSE '' END
      || CASE WHEN loaded THEN '' ELSE ' <strong>No published figures are loaded for this year.</strong>' END
      || '</p><table><thead><tr><th scope="col">No.</th><th scope="col">Indicator</th><th scope="col">This council</th>'
      || '<th scope="col">England</th><th scope="col">Region</th><th scope="col">Statistical neighbours</th>'
      || '<th scope="col">Published by DfE</th></tr></thead><tbody>'
      || CASE WHEN rows_html = '' THEN '<tr><td colspan="7">No indicators for this year.</td></tr>' ELSE rows_html END
      || '</tbody></table></section>';
END
$fn$;
COMMENT ON FUNCTION careleaver.dashboard_comparison_html(text, text, integer) IS
  'Internal: the section of careleaver.report_html setting every Dashboard indicator of a council and year beside '
  'England, its region, its statistical neighbours and its own published figure (metrics.md 13)';

-- One CSV cell as DfE's files write it: quoted when it holds a comma, a quote or a line break.
CREATE FUNCTION careleaver.csv_cell(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
  AS $$ SELECT CASE WHEN value IS NULL THEN ''
                    WHEN value ~ '[,"\r\n]' THEN '"' || replace(value, '"', '""') || '"'
                    ELSE value END $$;
COMMENT ON FUNCTION careleaver.csv_cell(text) IS
  'Internal: a CSV cell (RFC 4180): the text, quoted with doubled quotes when it holds a comma, a quote or a line break; empty for NULL';

-- The council's published Dashboard figures of a year in DfE's file shapes, one CSV line per indicator (line_no 0:
-- the file's header), to append to DfE's local-authority files (careleaver-export --dfe-shape).
CREATE FUNCTION careleaver.dashboard_dfe_rows(schema_name text, la text, collection_year integer)
  RETURNS TABLE (dfe_file text, line_no integer, line text)
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  place_sql text := 'SELECT NULL::text AS area_name, NULL::text AS region_code, NULL::text AS region_name WHERE false';
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);  -- never run another role's code (doc/dataset.md)
  IF to_regclass(format('%I.published', schema_name)) IS NOT NULL THEN
    -- the council's name and region as DfE's files carry them, from its latest loaded row
    place_sql := format('SELECT p.area_name, p.region_code, p.region_name FROM %I.published p '
                        'WHERE p.geographic_level = ''Local authority'' AND p.area = $1 '
                        'ORDER BY p.collection_year DESC, p.dashboard_no LIMIT 1', schema_name);
  END IF;
  RETURN QUERY EXECUTE format($q$
    WITH own AS (SELECT n.dashboard_no, n.value FROM (%1$s) n WHERE n.la = $1 AND n.collection_year = $2),
      place AS (%2$s),
      cell AS (
        SELECT s.dfe_file, s.dashboard_no, c.ord,
               CASE c.col
                 WHEN 'time_period' THEN $2::text
                 WHEN 'time_identifier' THEN 'Reporting year'
                 WHEN 'geographic_level' THEN 'Local authority'
                 WHEN 'country_code' THEN 'E92000001'
                 WHEN 'country_name' THEN 'England'
                 WHEN 'old_la_code' THEN $1
                 WHEN 'la_name' THEN (SELECT area_name FROM place)
                 WHEN 'region_code' THEN (SELECT region_code FROM place)
                 WHEN 'region_name' THEN (SELECT region_name FROM place)
                 WHEN 'new_la_code' THEN ''
                 WHEN s.value_column THEN o.value
                 ELSE coalesce(s.filters ->> c.col, 'x') END AS value
          FROM careleaver.published_indicator_sources s
          JOIN own o ON o.dashboard_no = s.dashboard_no
         CROSS JOIN LATERAL unnest(s.dfe_columns) WITH ORDINALITY AS c(col, ord)
         WHERE 'old_la_code' = ANY (s.dfe_columns))
    SELECT s.dfe_file, 0, array_to_string(s.dfe_columns, ',')
      FROM (SELECT DISTINCT ON (x.dfe_file) x.dfe_file, x.dfe_columns FROM careleaver.published_indicator_sources x
             WHERE x.dfe_file IN (SELECT c.dfe_file FROM cell c) ORDER BY x.dfe_file, x.dashboard_no) s
    UNION ALL
    SELECT c.dfe_file, (row_number() OVER (PARTITION BY c.dfe_file ORDER BY c.dashboard_no))::integer,
           string_agg(careleaver.csv_cell(c.value), ',' ORDER BY c.ord)
      FROM cell c GROUP BY c.dfe_file, c.dashboard_no
     ORDER BY 1, 2$q$,
    careleaver.reporting_view_sql('national_framework_published', schema_name), place_sql)
    USING la, collection_year;
END
$fn$;
COMMENT ON FUNCTION careleaver.dashboard_dfe_rows(text, text, integer) IS
  'The council''s published Dashboard figures of a collection year (national_framework_published, disclosure '
  'control applied) as lines of DfE''s local-authority files, to append to them: per file the header (line_no 0) '
  'and one row per indicator with the filter values of its row, the figure in its value column, the council''s '
  'name and region from the loaded published files, and x (not available) in the columns careleaver does not '
  'fill (metrics.md 13; careleaver-export --dfe-shape)';
