-- Reporting views over a dataset (issue 6; doc/reporting.md).  The views are a registry: one row of
-- careleaver.report_views per view (name, the builder function that returns its SELECT for a dataset
-- schema, comment, order), its column comments in careleaver.report_view_columns, and
-- careleaver.create_reports creates every registered view in a dataset schema.  careleaver.report_html
-- reads the same builders.  Every *_published view and every number of the report goes through
-- disclosure control (90_disclosure.sql, metrics.md 9).  Adding a view: doc/reporting.md.

CREATE TABLE careleaver.report_views (
  view_name text PRIMARY KEY CHECK (view_name ~ '^[a-z][a-z0-9_]*$'),
  position integer NOT NULL,
  published boolean NOT NULL,
  base_view text REFERENCES careleaver.report_views (view_name),
  builder text NOT NULL CHECK (builder ~ '^[a-z][a-z0-9_]*_sql$'),
  description text NOT NULL,
  CHECK (base_view IS NULL OR published)
);
COMMENT ON TABLE careleaver.report_views IS
  'The registry of reporting views careleaver.create_reports creates in a dataset schema, one row per view '
  '(doc/reporting.md, "Adding a view")';
COMMENT ON COLUMN careleaver.report_views.view_name IS 'Name of the view in the dataset schema';
COMMENT ON COLUMN careleaver.report_views.position IS 'Order in which create_reports creates the views and the catalogue lists them';
COMMENT ON COLUMN careleaver.report_views.published IS 'True for the variants with disclosure control applied (text columns with the symbols c, z, x, k)';
COMMENT ON COLUMN careleaver.report_views.base_view IS 'For a published variant, the view whose figures it publishes (its column comments serve both); else NULL';
COMMENT ON COLUMN careleaver.report_views.builder IS 'Function careleaver.<builder>(schema_name text) RETURNS text giving the view''s SELECT over a dataset schema';
COMMENT ON COLUMN careleaver.report_views.description IS 'The view''s COMMENT: what it holds and the metrics.md sections it follows';

CREATE TABLE careleaver.report_view_columns (
  view_name text NOT NULL REFERENCES careleaver.report_views (view_name) ON UPDATE CASCADE ON DELETE CASCADE,
  column_name text NOT NULL,
  position integer NOT NULL,
  description text NOT NULL,
  PRIMARY KEY (view_name, column_name)
);
COMMENT ON TABLE careleaver.report_view_columns IS
  'The COMMENT create_reports gives each column of a registered reporting view; a base view''s rows serve its '
  'published variant too, unless the variant has a row of its own for the column (doc/reporting.md)';
COMMENT ON COLUMN careleaver.report_view_columns.view_name IS 'The view (careleaver.report_views), a base view for columns both variants share';
COMMENT ON COLUMN careleaver.report_view_columns.column_name IS 'The column; a row for a column the view does not have is ignored';
COMMENT ON COLUMN careleaver.report_view_columns.position IS 'The column''s usual position, for listing';
COMMENT ON COLUMN careleaver.report_view_columns.description IS 'The column''s COMMENT, naming the metrics.md section';



-- The indicators of DfE's Children's Social Care Dashboard that the national_framework views hold,
-- in their order (metrics.md 12): DfE's number and wording, how careleaver computes each from SSDA903,
-- and, for those that need data not yet held, what is missing.
CREATE VIEW careleaver.dashboard_indicators
  (ordinal, dashboard_no, outcome, indicator, unit, definition, source_columns, source, not_held) AS
VALUES
  (1, 3, 'Outcome 1: Children, young people and families stay together'::text,
   'Rate of children starting to be looked after, per 10,000 children'::text, 'per 10,000 children'::text,
   'Children (not periods) with a period of care starting in the year, short breaks left out, per 10,000 children aged 0 to 17 in the ONS mid-year estimate that falls in the year'::text,
   'periods_of_care(history).start_date; population.count'::text, 'metrics.md 12'::text, NULL::text),
  (2, 4, 'Outcome 1: Children, young people and families stay together',
   'Rate of children looked after on 31 March, per 10,000 children', 'per 10,000 children',
   'Children looked after on 31 March (looked_after_on, short breaks left out) per 10,000 children aged 0 to 17',
   'looked_after_summary.looked_after_31_march; population.count', 'metrics.md 12', NULL),
  (3, 5, 'Outcome 1: Children, young people and families stay together',
   'Rate of children starting to be looked after who were UASC, per 10,000 children', 'per 10,000 children',
   'Children starting to be looked after (as indicator 3) who were unaccompanied asylum-seeking children on the day their period began (a UASC record whose DUC is blank or later), per 10,000 children aged 0 to 17',
   'periods_of_care(history).start_date; uasc.duc; population.count', 'metrics.md 12', NULL),
  (4, 6, 'Outcome 1: Children, young people and families stay together',
   'Rate of children looked after on 31 March who were UASC, per 10,000 children', 'per 10,000 children',
   'Children looked after on 31 March who were unaccompanied asylum-seeking children that day (a UASC record whose DUC is blank or after 31 March), per 10,000 children aged 0 to 17',
   'looked_after_on(history, 31 March); uasc.duc; population.count', 'metrics.md 12', NULL),
  (5, 43, 'Outcome 3: Children and young people are supported by their family network',
   'Percentage of children who cease being looked after due to special guardianship order (SGO)', 'percent',
   'Of the children whose period of care ended in the year (each child''s last ending counted once, short breaks left out), those whose period ended with REC E43 to E48',
   'periods_of_care(history).end_date, end_reason; is_special_guardianship_order', 'metrics.md 12', NULL),
  (6, 44, 'Outcome 3: Children and young people are supported by their family network',
   'Percentage of children who cease being looked after due to residence order or child arrangements order (CAO)', 'percent',
   'Of the children whose period of care ended in the year (as indicator 43), those whose period ended with REC E41',
   'periods_of_care(history).end_date, end_reason; ceased_reason_group', 'metrics.md 12', NULL),
  (7, 45, 'Outcome 4: Children in care and care leavers have stable, loving homes',
   '% CLA on 31 March with 3 or more placements during the year', 'percent',
   'Of the children looked after on 31 March, those with three or more placements in the year (the DfE short-term stability measure, metrics.md 7)',
   'placement_stability.three_or_more_placements / looked_after_31_march', 'metrics.md 12', NULL),
  (8, 46, 'Outcome 4: Children in care and care leavers have stable, loving homes',
   '% CLA on 31 March placed more than 20 miles from home', 'percent',
   'Of the children looked after on 31 March, those whose episode open that day is more than 20 miles from home: DfE''s straight-line distance between the HOME_POST and PL_POST grid references of the dataset''s postcode look-up; distance not known (UASC, postcodes blank or not in the look-up) counts in the denominator only',
   'episodes.home_post, pl_post; postcodes; placement_distance_miles', 'metrics.md 14', NULL),
  (9, 47, 'Outcome 4: Children in care and care leavers have stable, loving homes',
   'Average number of months between decision that a child should be placed for adoption and matching of child and adopters', 'months',
   'Of the children adopted in the year (a period of care ending with REC E11 or E12), those whose AD1 record of that year has DATE_INT and DATE_MATCH, the match not before the decision: their average days from decision to match, in months of 365.25 / 12 days (stage 2 of adoption_timeliness)',
   'ad1.date_int, ad1.date_match; periods_of_care(history).end_reason; months_from_days', 'metrics.md 12', NULL),
  (10, 48, 'Outcome 4: Children in care and care leavers have stable, loving homes',
   '% CLA on 31 March living in foster care', 'percent',
   'Of the children looked after on 31 March, those whose episode open that day has PLACE U1 to U6',
   'episodes(history).place; dfe_placement_group', 'metrics.md 12', NULL),
  (11, 49, 'Outcome 4: Children in care and care leavers have stable, loving homes',
   '% CLA on 31 March living in secure homes and children''s homes', 'percent',
   'Of the children looked after on 31 March, those whose episode open that day has PLACE K1 or K2',
   'episodes(history).place; dfe_placement_group', 'metrics.md 12', NULL),
  (12, 50, 'Outcome 4: Children in care and care leavers have stable, loving homes',
   '% CLA on 31 March living in independent and semi-independent living arrangements/supported accommodation', 'percent',
   'Of the children looked after on 31 March, those whose episode open that day has PLACE P2, H5 or K3 (grouped together as DfE does)',
   'episodes(history).place; dfe_placement_group', 'metrics.md 12', NULL),
  (13, 51, 'Outcome 4: Children in care and care leavers have stable, loving homes',
   'Average SDQ score', 'score',
   'Of the children aged 5 to 16 on 31 March looked after for the whole collection year (a period of care from 1 April or before, open on 31 March), those whose OC2 record of the year has an SDQ score (0 to 40): their average score',
   'oc2.sdq_score; periods_of_care(history); age_on', 'metrics.md 12', NULL),
  (14, 52, 'Outcome 4: Children in care and care leavers have stable, loving homes',
   'Care leavers in education, employment or training (17 to 18 years)', 'percent',
   'Care leavers aged 17 or 18 in the year in education, employment or training, of the care leavers of those ages (care_leavers_by_age, ages pooled by summing)',
   'care_leavers_by_age.eet / care_leavers (ages 17, 18)', 'metrics.md 12', NULL),
  (15, 53, 'Outcome 4: Children in care and care leavers have stable, loving homes',
   'Care leavers in education, employment or training (19 to 21 years)', 'percent',
   'As indicator 52 for ages 19 to 21',
   'care_leavers_by_age.eet / care_leavers (ages 19 to 21)', 'metrics.md 12', NULL),
  (16, 54, 'Outcome 4: Children in care and care leavers have stable, loving homes',
   'Care leavers in accommodation considered suitable (17 to 18 years)', 'percent',
   'Care leavers aged 17 or 18 in accommodation considered suitable, of those in the suitability breakdown of care_leavers_by_age (suitable, unsuitable, not known, no information)',
   'care_leavers_by_age.suitable / (suitable + unsuitable + accommodation_not_known + no_information) (ages 17, 18)', 'metrics.md 12', NULL),
  (17, 55, 'Outcome 4: Children in care and care leavers have stable, loving homes',
   'Care leavers in accommodation considered suitable (19 to 21 years)', 'percent',
   'As indicator 54 for ages 19 to 21',
   'care_leavers_by_age.suitable / (suitable + unsuitable + accommodation_not_known + no_information) (ages 19 to 21)', 'metrics.md 12', NULL),
  (18, 67, 'Enabler: The workforce is equipped and effective',
   '% CLA with 3 or more social workers in past 12 months', 'percent',
   'Of the children looked after on 31 March, those with three or more different social workers (SW_ID, each counted once) whose episodes fall in the year 1 April to 31 March; not available for a council-year with no SWEpisodes rows',
   'sw_episodes.sw_id, sw_decom, sw_dec', 'metrics.md 14', NULL),
  (19, NULL, 'Outcome 4: Children in care and care leavers have stable, loving homes',
   'Care leavers aged 19 to 21 in touch with the local authority (not a Dashboard indicator)', 'percent',
   'Care leavers aged 19 to 21 whose IN_TOUCH is YES, of the care leavers of those ages',
   'care_leavers_by_age.in_touch / care_leavers (ages 19 to 21)', 'metrics.md 5', NULL),
  (20, NULL, 'Outcome 4: Children in care and care leavers have stable, loving homes',
   'Children looked after long term with the same carer for two years (not a Dashboard indicator)', 'percent',
   'The DfE long-term stability measure: children under 16 looked after for 2.5 years or more, of them with the same carer for two years',
   'placement_stability.long_term_stable / long_term_children', 'metrics.md 7', NULL),
  (21, NULL, 'Outcome 1: Children, young people and families stay together',
   'Returns home followed by re-entry into care within 12 months (not a Dashboard indicator)', 'percent',
   'Returns home in the year followed by a new period of care within 12 months, of the returns home; not available while any 12-month follow-up of the year is incomplete',
   'returns_home_reentry.reentered_within_12_months / returned_home', 'metrics.md 6', NULL),
  -- from the Children in Need census (careleaver.cin_dashboard_rows_sql, 85_cin.sql; metrics.md 15)
  (22, 1, 'Outcome 1: Children, young people and families stay together',
   'Rate of children in need, per 10,000 children', 'per 10,000 children',
   'CIN episodes open on 31 March (CIN census; DfE''s At31_episodes) per 10,000 children aged 0 to 17',
   'cin_measures.episodes_at31; population.count', 'metrics.md 15', NULL),
  (23, 2, 'Outcome 1: Children, young people and families stay together',
   'Repeat referrals (within 12 months)', 'percent',
   'Of the referrals in the year (CIN census), those within 12 months of a previous referral of the child',
   'cin_measures.rereferrals / referrals', 'metrics.md 15', NULL),
  (24, 23, 'Outcome 2: Children and young people are safe in and outside of their home',
   'Percentage of child protection plans (CPP) starting during year, which were a second or subsequent plan', 'percent',
   'Of the protection plans starting in the year, those with NumberOfPreviousCPP above 0 or an earlier plan in the data',
   'cin_measures.cpp_subsequent / cpp_started', 'metrics.md 15', NULL),
  (25, 24, 'Outcome 2: Children and young people are safe in and outside of their home',
   'Percentage of child protection plans (CPP) longer than 2 years', 'percent',
   'Of the protection plans open on 31 March, those open for 2 years or more (DfE''s d5 band)',
   'cin_measures.cpp_at31_2_years_or_more / cpp_at31', 'metrics.md 15', NULL)
UNION ALL SELECT ordinal, dashboard_no, outcome, indicator, unit, definition, source_columns, source, not_held FROM careleaver.cin_factor_indicators;  -- Dashboard 26 to 42, 86_cin_link.sql
COMMENT ON VIEW careleaver.dashboard_indicators IS
  'The rows of the national_framework reporting views: the indicators of DfE''s Children''s Social Care Dashboard '
  'computable from SSDA903, those that need data not yet held, and three extra rows (metrics.md 12; doc/reporting.md)';
COMMENT ON COLUMN careleaver.dashboard_indicators.ordinal IS 'Position of the row in the national_framework views';
COMMENT ON COLUMN careleaver.dashboard_indicators.dashboard_no IS 'The indicator''s number in DfE''s Dashboard; NULL for the extra rows that are not Dashboard indicators';
COMMENT ON COLUMN careleaver.dashboard_indicators.outcome IS 'The National Framework outcome or enabler the Dashboard files the indicator under';
COMMENT ON COLUMN careleaver.dashboard_indicators.indicator IS 'The indicator in DfE''s wording (extra rows: ours)';
COMMENT ON COLUMN careleaver.dashboard_indicators.unit IS 'per 10,000 children, percent, months or score';
COMMENT ON COLUMN careleaver.dashboard_indicators.definition IS 'How careleaver computes it from SSDA903 (metrics.md 12)';
COMMENT ON COLUMN careleaver.dashboard_indicators.source_columns IS 'The reporting-view columns or functions it is computed from';
COMMENT ON COLUMN careleaver.dashboard_indicators.source IS 'The metrics.md section that defines it';
COMMENT ON COLUMN careleaver.dashboard_indicators.not_held IS 'For an indicator that needs data careleaver does not hold yet: what is missing (the row reads x); else NULL';

-- The value of one national_framework row: a rate per 10,000 or a percentage of numerator over denominator,
-- unrounded; NULL when a reason makes it not available or the denominator is missing or 0.
CREATE FUNCTION careleaver.dashboard_value(unit text, reason text, numerator bigint, denominator bigint)
  RETURNS numeric
  LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1
  SET search_path = pg_catalog, careleaver, pg_temp
  AS $$ SELECT CASE WHEN reason IS NOT NULL OR denominator IS NULL OR denominator = 0 OR numerator IS NULL THEN NULL
                    WHEN unit = 'per 10,000 children' THEN 10000.0 * numerator / denominator
                    WHEN unit = 'months' THEN careleaver.months_from_days(numerator::double precision / denominator)::numeric
                    WHEN unit = 'score' THEN numerator::numeric / denominator
                    ELSE 100.0 * numerator / denominator END $$;
COMMENT ON FUNCTION careleaver.dashboard_value(text, text, bigint, bigint) IS
  'Internal: the value of a national_framework row (metrics.md 12): 10000 * numerator / denominator for a rate per '
  '10,000 children, 100 * numerator / denominator for a percentage, the average (numerator / denominator) for a '
  'score, and for months the average days in months (careleaver.months_from_days), unrounded; NULL when reason is given or the '
  'denominator is NULL or 0';

CREATE FUNCTION careleaver.dashboard_not_available_reason(unit text, reason text, denominator bigint) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1
  SET search_path = pg_catalog, careleaver, pg_temp
  AS $$ SELECT CASE WHEN reason IS NOT NULL THEN reason
                    WHEN denominator IS NULL AND unit = 'per 10,000 children'
                      THEN 'no child population loaded for this council and year (scripts/careleaver-population)'
                    WHEN denominator IS NULL THEN 'not available'
                    WHEN denominator = 0 AND unit = 'per 10,000 children' THEN 'not applicable: the child population is 0'
                    WHEN denominator = 0 THEN 'not applicable: no children in the denominator' END $$;
COMMENT ON FUNCTION careleaver.dashboard_not_available_reason(text, text, bigint) IS
  'Internal: why a national_framework row has no value (metrics.md 12): the given reason, no population loaded, or '
  'an empty denominator ("not applicable: ...", published z); NULL when it has one';

-- The published values of one council's national_framework rows of one year (metrics.md 9 and 12).
CREATE FUNCTION careleaver.dashboard_publish(units text[], row_names text[], numerators bigint[],
                                             denominators bigint[], vals numeric[], reasons text[])
  RETURNS text[]
  LANGUAGE plpgsql STABLE PARALLEL SAFE COST 50
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  n integer := cardinality(units);
  shown text[] := array_fill(NULL::text, ARRAY[cardinality(units)]);
  row_name text;
  members integer[];
  cells bigint[];
  cell_shown text[];
  total_shown text;
  i integer;
  k integer;
BEGIN
  FOR i IN 1 .. n LOOP
    IF vals[i] IS NULL THEN
      shown[i] := CASE WHEN denominators[i] = 0 AND reasons[i] LIKE 'not applicable%' THEN 'z' ELSE 'x' END;
    ELSIF units[i] = 'per 10,000 children' THEN
      shown[i] := CASE WHEN careleaver.publish_count(numerators[i]) = 'c' THEN 'c'
                       WHEN numerators[i] > 0 AND round(vals[i]) = 0 THEN 'k'
                       ELSE round(vals[i])::text END;
    ELSIF units[i] IN ('months', 'score') THEN
      -- an average: hidden with the children it is over; whole months and one decimal as DfE publishes them
      shown[i] := CASE WHEN careleaver.publish_count(denominators[i]) = 'c' THEN 'c'
                       WHEN units[i] = 'months' THEN round(vals[i])::text
                       ELSE to_char(round(vals[i], 1), 'FM9990.0') END;
    END IF;
  END LOOP;
  -- percentages: the counts of the rows sharing row_name and their remainder are one row for suppress_row
  FOR row_name IN SELECT DISTINCT r FROM unnest(row_names) AS r LOOP
    SELECT array_agg(o::integer ORDER BY o) INTO members
      FROM unnest(row_names) WITH ORDINALITY AS u(r, o)
     WHERE u.r = row_name AND units[o] = 'percent' AND vals[o] IS NOT NULL;
    CONTINUE WHEN members IS NULL;
    cells := ARRAY[]::bigint[];
    FOR k IN 1 .. cardinality(members) LOOP
      cells := cells || numerators[members[k]];
    END LOOP;
    cells := cells || (denominators[members[1]] - (SELECT sum(c) FROM unnest(cells) AS c))::bigint;
    cell_shown := careleaver.suppress_row(cells);
    total_shown := careleaver.publish_row_total(cells);
    FOR k IN 1 .. cardinality(members) LOOP
      shown[members[k]] := CASE WHEN 'c' IN (cell_shown[k], total_shown) THEN 'c'
                                ELSE careleaver.publish_percent(numerators[members[k]], denominators[members[k]]) END;
    END LOOP;
  END LOOP;
  RETURN shown;
END
$fn$;
COMMENT ON FUNCTION careleaver.dashboard_publish(text[], text[], bigint[], bigint[], numeric[], text[]) IS
  'Internal: the published values of one council''s national_framework rows of one year (metrics.md 9 and 12): '
  'x when not available, z when not applicable; rates per 10,000 as whole numbers, c when the count is 1 to the '
  'threshold, k when a non-zero rate rounds to 0; averages (months whole, scores to one decimal) c when the '
  'children averaged are 1 to the threshold; percentages as whole numbers through publish_percent, the counts '
  'of rows with the same row_name and their remainder to the denominator suppressed as one row (suppress_row)';

-- The child population aged 0 to 17 per council and collection year, as SQL over a dataset's population
-- table (NULL::bigint rows when the dataset has none).  A row covers the single age `age`, or the ages
-- `age` to `age_to` (an ONS 0 to 17 total loaded by scripts/careleaver-population).
CREATE FUNCTION careleaver.reporting_population_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  tbl regclass := to_regclass(format('%I.population', schema_name));
BEGIN
  IF tbl IS NULL THEN
    RETURN 'SELECT NULL::text AS la, NULL::integer AS year, NULL::bigint AS children WHERE false';
  END IF;
  RETURN format('SELECT pp.la, pp.year, sum(pp.count)::bigint AS children FROM %I.population pp '
                'WHERE pp.age >= 0 AND %s <= 17 GROUP BY pp.la, pp.year', schema_name,
                CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                                   WHERE a.attrelid = tbl AND a.attname = 'age_to' AND NOT a.attisdropped)
                     THEN 'coalesce(pp.age_to, pp.age)' ELSE 'pp.age' END);
END
$fn$;
COMMENT ON FUNCTION careleaver.reporting_population_sql(text) IS
  'Internal: SQL giving the children aged 0 to 17 per council (la) and collection year (year) from a dataset''s '
  'population table (single ages, or an age band age to age_to); no rows when the dataset has no population table';

-- What a council's figures may be published for (metrics.md 11): the collection years of its rows in the
-- dataset's returns table (loaded returns, or years made by generate_synthetic).  A council with no row there
-- (a dataset filled by hand, or made before 0.2.0) is taken to cover the years of its own data, as before.
-- One row per council and covered year: history_from is the first day of the unbroken run of covered years
-- holding the year (the history before it is not known), covered_to the last day of that run.
CREATE FUNCTION careleaver.coverage_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  returns_sql text := careleaver.dataset_returns_sql(schema_name);
BEGIN
  RETURN format($q$
    SELECT c.la, c.year AS collection_year, c.basis,
           CASE WHEN c.basis = 'the data (no returns recorded)' THEN '-infinity'::date
                ELSE careleaver.collection_year_start(min(c.year) OVER run) END AS history_from,
           careleaver.collection_year_end(max(c.year) OVER run) AS covered_to,
           coalesce(c.data_end, careleaver.collection_year_end(max(c.year) OVER (PARTITION BY c.la))) AS data_end
      FROM (SELECT l.la, l.year, l.year - row_number() OVER (PARTITION BY l.la ORDER BY l.year) AS run_no,
                   CASE l.origin WHEN 'generated' THEN 'generated years (generate_synthetic)'
                                 ELSE 'loaded returns' END AS basis, NULL::date AS data_end
              FROM (%1$s) l
            UNION ALL
            -- the data's end: 31 March of the year of the latest episode date, as before 0.2.0
            SELECT d.la, y, 0, 'the data (no returns recorded)', careleaver.collection_year_end(d.episode_year)
              FROM (SELECT k.la, a.first_year, a.episode_year,
                           greatest(a.episode_year, (SELECT max(o.year) FROM %2$I.oc3 o WHERE o.la = k.la)) AS last_year
                      FROM (-- the councils of the episodes, one index probe each (not a scan of every episode)
                            WITH RECURSIVE council(la) AS (
                              SELECT min(e.la) FROM %2$I.episodes e
                              UNION ALL
                              SELECT (SELECT min(e.la) FROM %2$I.episodes e WHERE e.la > c.la)
                                FROM council c WHERE c.la IS NOT NULL)
                            SELECT council.la FROM council WHERE council.la IS NOT NULL) k
                     CROSS JOIN LATERAL (
                       SELECT careleaver.collection_year_of(min(e.decom)) AS first_year,
                              careleaver.collection_year_of(max(greatest(e.decom, coalesce(e."dec", e.decom))))
                                AS episode_year
                         FROM %2$I.episodes e WHERE e.la = k.la) a
                     WHERE NOT EXISTS (SELECT 1 FROM (%1$s) l WHERE l.la = k.la)) d,
                   generate_series(d.first_year, d.last_year) AS y) c
    WINDOW run AS (PARTITION BY c.la, c.run_no)$q$, returns_sql, schema_name);
END
$fn$;
COMMENT ON FUNCTION careleaver.coverage_sql(text) IS
  'Internal: the SELECT of the collection years a dataset''s councils may be published for (metrics.md 11): '
  'la, collection_year, basis (loaded returns, generated years, or the data when no return is recorded), '
  'history_from (first day of the unbroken run of covered years holding the year), covered_to (its last day) and '
  'data_end (31 March of the last covered year; with no return recorded, of the year of the latest episode date)';

-- Whether a measure of a collection year can be computed from the history covered: it needs the
-- years_before collection years before it and the years_after after it covered too (metrics.md 11).
CREATE FUNCTION careleaver.coverage_allows(history_from date, covered_to date, collection_year integer,
                                           years_before integer, years_after integer) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
  AS $$ SELECT history_from <= careleaver.collection_year_start(collection_year - years_before)
               AND covered_to >= careleaver.collection_year_end(collection_year + years_after) $$;
COMMENT ON FUNCTION careleaver.coverage_allows(date, date, integer, integer, integer) IS
  'True when the covered history [history_from, covered_to] holds the collection year with years_before years '
  'before it and years_after after it (metrics.md 11): what a measure needing earlier history or a follow-up needs';

-- The measures whose years depend on coverage, what each needs, and where it is published.
CREATE VIEW careleaver.coverage_measures (measure, view_name, years_before, years_after, note) AS
VALUES
  ('looked after on 31 March, starts and ceases'::text, 'looked_after_summary'::text, 0, 0,
   'the year''s return alone'::text),
  ('children looked after by characteristic', 'looked_after_by_characteristic', 0, 0, 'the year''s return alone'),
  ('starts and ceases by reason', 'starts_and_ceases_by_reason', 0, 0, 'the year''s return alone'),
  ('placement stability: short-term', 'placement_stability', 0, 0, 'the year''s return alone'),
  ('placement stability: two-year', 'placement_stability', 1, 0,
   'the previous year''s return too: looked after for two years, placements in both years'),
  ('placement stability: long-term', 'placement_stability', 2, 0,
   'the two previous years'' returns too: looked after for 2.5 years, carer for two'),
  ('care leavers (cohort and outcomes)', 'care_leavers_by_age', 0, 0,
   'the year''s return; membership from the history where it reaches the 14th birthday, else from the council''s OC3 record of the year (basis column)'),
  ('returns home and re-entry within 12 months', 'returns_home_reentry', 0, 1,
   'the next year''s return too: a complete 12-month follow-up of every return home'),
  ('time to return home and exits by route (entry cohorts)', 'time_to_return_home', 0, 0,
   'periods of care starting in a covered year, open ones censored at the data''s end');
COMMENT ON VIEW careleaver.coverage_measures IS
  'The measures of the reporting views with the history each needs around a collection year: years_before and '
  'years_after covered collection years (careleaver.coverage_allows; metrics.md 11)';
COMMENT ON COLUMN careleaver.coverage_measures.measure IS 'The measure, in the analyst''s words';
COMMENT ON COLUMN careleaver.coverage_measures.view_name IS 'The reporting view that publishes it';
COMMENT ON COLUMN careleaver.coverage_measures.years_before IS 'Covered collection years needed before the year';
COMMENT ON COLUMN careleaver.coverage_measures.years_after IS 'Covered collection years needed after the year (the follow-up)';
COMMENT ON COLUMN careleaver.coverage_measures.note IS 'Why it needs them';

-- The reporting views read the fact layer (96_facts.sql, doc/facts.md), never stale figures: a council whose
-- facts are missing, or were materialised for another data end or other years than its coverage now gives,
-- stops the view with this error.
CREATE FUNCTION careleaver.facts_guard(dataset text, la text, problem text) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  IF problem IS NOT NULL THEN
    RAISE EXCEPTION 'the facts of council "%" in dataset "%" are not current: %', la, dataset, problem
      USING ERRCODE = '55000',
            DETAIL = 'The reporting views read the fact tables child_facts and child_year_facts (doc/facts.md).',
            HINT = format('Run SELECT * FROM careleaver.refresh(%L); as the dataset''s owner.', dataset);
  END IF;
  RETURN true;
END
$fn$;
COMMENT ON FUNCTION careleaver.facts_guard(text, text, text) IS
  'Internal: true, or an error (SQLSTATE 55000, with a hint to run careleaver.refresh) when problem is given: '
  'how the reporting views refuse to show figures from facts that are not current (doc/facts.md)';

-- Shared pieces of view SQL: the children's facts (the fact layer), the coverage, the data's end, the
-- collection years reported and the care-leaver cohort with its evidence.
CREATE FUNCTION careleaver.reporting_common_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
  person AS (
    SELECT f.la, f.child, f.date_of_birth AS dob, f.history FROM %1$I.child_facts f),
  coverage_year AS (
    -- every covered year, once the council's facts are known to be materialised for its coverage
    SELECT c.* FROM (%2$s) c
      LEFT JOIN %1$I.refresh_state s ON s.la = c.la
     WHERE careleaver.facts_guard(%1$L, c.la,
             CASE WHEN s.la IS NULL
                  THEN CASE WHEN EXISTS (SELECT 1 FROM %1$I.episodes e WHERE e.la = c.la)
                            THEN 'its facts have never been materialised' END
                  WHEN s.data_end <> c.data_end
                  THEN format('they were materialised for the data''s end %%s, the coverage now gives %%s',
                              s.data_end, c.data_end)
                  WHEN c.collection_year > s.last_year
                  THEN format('they were materialised up to %%s, the coverage now reaches %%s',
                              s.last_year, c.collection_year)
                  WHEN c.collection_year < s.first_year AND c.collection_year > s.last_year - 10
                  THEN format('they were materialised from %%s, the coverage reports %%s',
                              s.first_year, c.collection_year) END)),
  data_end AS (
    SELECT c.la, max(c.data_end) AS data_end,
           min(c.collection_year) AS first_year, max(c.collection_year) AS last_year
      FROM coverage_year c GROUP BY c.la),
  report_year AS (
    SELECT c.la, c.collection_year, careleaver.collection_year_start(c.collection_year) AS year_start,
           careleaver.collection_year_end(c.collection_year) AS year_end
      FROM coverage_year c JOIN data_end d USING (la)
     WHERE c.collection_year > d.last_year - 10),
  leaver_evidence AS (
    -- cohort members by their history (child_year_facts.cohort_age) with their OC3 record of the year if any,
    -- and the other OC3 records of a reported year (a union, not a full join, so that a filter on la reaches
    -- both sides); the date of birth is needed only for the latter (leaver_judged)
    SELECT m.la, m.child, m.collection_year, m.cohort_age AS history_age, o.child IS NOT NULL AS has_oc3,
           o.in_touch, o.activ, o.accom, NULL::date AS dob
      FROM %1$I.child_year_facts m   -- its years are the reported ones (facts_guard); leaver_judged keeps the covered
      LEFT JOIN %1$I.oc3 o ON o.la = m.la AND o.child = m.child AND o.year = m.collection_year
     WHERE m.cohort_age IS NOT NULL AND m.date_of_birth_known
    UNION ALL
    SELECT o.la, o.child, o.year, NULL::integer, true, o.in_touch, o.activ, o.accom,
           coalesce(p.date_of_birth, hd.dob, o.dob)
      FROM %1$I.oc3 o
      JOIN report_year y ON y.la = o.la AND y.collection_year = o.year
      LEFT JOIN %1$I.child_facts p ON p.la = o.la AND p.child = o.child
      LEFT JOIN %1$I.header hd ON hd.la = o.la AND hd.child = o.child
     WHERE NOT EXISTS (SELECT 1 FROM %1$I.child_year_facts m
                        WHERE m.la = o.la AND m.child = o.child AND m.collection_year = o.year
                          AND m.cohort_age IS NOT NULL AND m.date_of_birth_known)),
  leaver_judged AS (
    -- where the history does not reach the 14th birthday, the council's OC3 record is the evidence
    SELECT v.*, b.age AS record_age,
           coalesce(c.history_from > careleaver.birthday(v.dob, 14), false) AS history_truncated
      FROM leaver_evidence v
      JOIN coverage_year c ON c.la = v.la AND c.collection_year = v.collection_year
      LEFT JOIN LATERAL careleaver.collection_year_birthday(v.dob, v.collection_year) b ON true),
  leaver_member AS (
    SELECT j.la, j.child, j.collection_year, coalesce(j.history_age, j.record_age) AS age,
           CASE WHEN j.history_age IS NOT NULL THEN 'history' ELSE 'OC3 record' END AS basis,
           j.has_oc3, j.in_touch, j.activ, j.accom
      FROM leaver_judged j
     WHERE j.history_age IS NOT NULL
        OR (j.has_oc3 AND j.history_truncated AND j.record_age BETWEEN 17 AND 24))$q$,
    schema_name, careleaver.coverage_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.reporting_common_sql(text) IS
  'Internal: the common table expressions of the reporting views over a dataset schema, read from its fact layer '
  '(doc/facts.md): person (each child''s care history as child_facts holds it, metrics.md 1 to 3), coverage_year '
  '(careleaver.coverage_sql, metrics.md 11; stops with careleaver.facts_guard when a council''s facts are not '
  'materialised for it), data_end (31 March of the last covered year), report_year (the last ten covered years), '
  'leaver_evidence and leaver_judged (the cohort by child_year_facts.cohort_age and the OC3 records of each year), '
  'leaver_member (the care-leaver cohort of metrics.md 5: by the history where it reaches the 14th birthday, else '
  'by the council''s OC3 record; basis)';

-- DfE's care-leaver age bands (metrics.md 12): a cohort age (17 to 21) as its band, 17 to 18 years or 19 to 21
-- years (age_order 1, 2), and as a single age ('19 years', age_order the age).
CREATE FUNCTION careleaver.dfe_care_leaver_ages(age integer, OUT care_leaver_age text, OUT age_order integer)
  RETURNS SETOF record
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 2
  SET search_path = pg_catalog, careleaver, pg_temp
  AS $$ SELECT * FROM (VALUES (CASE WHEN age <= 18 THEN '17 to 18 years' ELSE '19 to 21 years' END,
                               CASE WHEN age <= 18 THEN 1 ELSE 2 END),
                              (age || ' years', age)) AS a(care_leaver_age, age_order)
         WHERE age BETWEEN 17 AND 21 $$;
COMMENT ON FUNCTION careleaver.dfe_care_leaver_ages(integer) IS
  'The rows of DfE''s care-leaver tables a cohort age (17 to 21) is counted in: its age band (17 to 18 years, '
  '19 to 21 years) and its single age (e.g. 19 years), with a sort key (metrics.md 12); none for other ages';

-- ---------------------------------------------------------------- view builders
-- One function per registered view (careleaver.report_views.builder): the view's SELECT over a dataset.

CREATE FUNCTION careleaver.care_leavers_by_age_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH %s,
  outcome AS (
    SELECT m.la, m.collection_year, m.age, m.basis, m.has_oc3, o.*
      FROM leaver_member m
     CROSS JOIN LATERAL careleaver.leaver_outcome(m.in_touch, m.activ, m.accom) o)
SELECT la, collection_year, age,
       count(*) AS cohort,
       count(*) FILTER (WHERE excluded) AS excluded,
       count(*) FILTER (WHERE NOT coalesce(excluded, false)) AS care_leavers,
       count(*) FILTER (WHERE contact = 'in touch') AS in_touch,
       count(*) FILTER (WHERE contact = 'not in touch') AS not_in_touch,
       count(*) FILTER (WHERE contact = 'refused contact') AS refused_contact,
       count(*) FILTER (WHERE contact = 'no longer requires services') AS no_longer_requires_services,
       count(*) FILTER (WHERE contact = 'not recorded') AS contact_not_recorded,
       count(*) FILTER (WHERE no_information) AS no_information,
       count(*) FILTER (WHERE eet) AS eet,
       count(*) FILTER (WHERE neet) AS neet,
       count(*) FILTER (WHERE activity_not_known) AS activity_not_known,
       count(*) FILTER (WHERE higher_education) AS higher_education,
       count(*) FILTER (WHERE apprenticeship) AS apprenticeship,
       count(*) FILTER (WHERE suitable_accommodation) AS suitable,
       count(*) FILTER (WHERE unsuitable_accommodation) AS unsuitable,
       count(*) FILTER (WHERE accommodation_not_known) AS accommodation_not_known,
       count(*) FILTER (WHERE homeless_or_insecure) AS homeless_or_insecure,
       count(*) FILTER (WHERE has_oc3) AS with_oc3_record,
       count(*) FILTER (WHERE basis = 'history') AS members_by_history,
       count(*) FILTER (WHERE basis = 'OC3 record') AS members_by_oc3_record,
       CASE WHEN bool_and(basis = 'history') THEN 'history'
            WHEN bool_and(basis = 'OC3 record') THEN 'OC3 record'
            ELSE 'history and OC3 records' END AS basis,
       format('%%s of %%s cohort members have an OC3 record', count(*) FILTER (WHERE has_oc3), count(*)) AS oc3_records
  FROM outcome
 GROUP BY 1, 2, 3
HAVING age <= 21 OR count(*) FILTER (WHERE NOT no_information) > 0$q$, careleaver.reporting_common_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.care_leavers_by_age_sql(text) IS
  'Internal: the SELECT of the reporting view care_leavers_by_age over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.care_leavers_by_age_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH b AS (%s),
  r AS (
    SELECT b.*,
           ARRAY[b.in_touch, b.not_in_touch, b.refused_contact, b.no_longer_requires_services,
                 b.contact_not_recorded, b.no_information] AS contact_cells,
           ARRAY[b.eet, b.neet, b.activity_not_known, b.no_information] AS activity_cells,
           ARRAY[b.suitable, b.unsuitable, b.accommodation_not_known, b.no_information] AS accommodation_cells
      FROM b),
  first_pass AS (
    SELECT r.*,
           (careleaver.suppress_row(r.contact_cells))[6] = 'c'
             OR (careleaver.suppress_row(r.activity_cells))[4] = 'c'
             OR (careleaver.suppress_row(r.accommodation_cells))[4] = 'c' AS no_information_hidden
      FROM r),
  p AS (
    SELECT f.*,
           careleaver.suppress_row(f.contact_cells, NULL, ARRAY[false, false, false, false, false, f.no_information_hidden])
             AS contact,
           careleaver.suppress_row(f.activity_cells, NULL, ARRAY[false, false, false, f.no_information_hidden])
             AS activity,
           careleaver.suppress_row(f.accommodation_cells, NULL, ARRAY[false, false, false, f.no_information_hidden])
             AS accommodation,
           'c' IN (careleaver.publish_row_total(f.contact_cells, NULL,
                                                ARRAY[false, false, false, false, false, f.no_information_hidden]),
                   careleaver.publish_row_total(f.activity_cells, NULL, ARRAY[false, false, false, f.no_information_hidden]),
                   careleaver.publish_row_total(f.accommodation_cells, NULL,
                                                ARRAY[false, false, false, f.no_information_hidden])) AS total_hidden,
           -- no member in the denominator has an OC3 record: the outcomes are not available (x), not 0%%
           f.care_leavers > 0 AND f.care_leavers = f.no_information AS none_recorded
      FROM first_pass f)
SELECT p.la, p.collection_year, p.age,
       CASE WHEN p.total_hidden THEN 'c' ELSE careleaver.publish_count(p.care_leavers) END AS care_leavers,
       p.contact[1] AS in_touch, p.contact[2] AS not_in_touch, p.contact[3] AS refused_contact,
       p.contact[4] AS no_longer_requires_services, p.contact[5] AS contact_not_recorded,
       p.contact[6] AS no_information,
       p.activity[1] AS eet, p.activity[2] AS neet, p.activity[3] AS activity_not_known,
       p.accommodation[1] AS suitable, p.accommodation[2] AS unsuitable, p.accommodation[3] AS accommodation_not_known,
       CASE WHEN p.contact[1] = 'c' OR p.total_hidden THEN 'c' WHEN p.none_recorded THEN 'x'
            ELSE careleaver.publish_percent(p.in_touch, p.care_leavers) END AS in_touch_percent,
       CASE WHEN p.activity[1] = 'c' OR p.total_hidden THEN 'c' WHEN p.none_recorded THEN 'x'
            ELSE careleaver.publish_percent(p.eet, p.care_leavers) END AS eet_percent,
       CASE WHEN p.activity[2] = 'c' OR p.total_hidden THEN 'c' WHEN p.none_recorded THEN 'x'
            ELSE careleaver.publish_percent(p.neet, p.care_leavers) END AS neet_percent,
       CASE WHEN p.accommodation[1] = 'c' OR p.total_hidden THEN 'c' WHEN p.none_recorded THEN 'x'
            ELSE careleaver.publish_percent(p.suitable, p.care_leavers) END AS suitable_percent,
       CASE WHEN p.total_hidden OR p.contact[6] = 'c' THEN 'c'
            ELSE careleaver.publish_count(p.care_leavers - p.no_information) END AS with_oc3_record,
       p.basis,
       format('%%s of %%s cohort members have an OC3 record',
              CASE WHEN p.total_hidden OR p.contact[6] = 'c' THEN 'c'
                   ELSE careleaver.publish_count(p.care_leavers - p.no_information) END,
              CASE WHEN p.total_hidden THEN 'c' ELSE careleaver.publish_count(p.care_leavers) END) AS oc3_records
  FROM p$q$, careleaver.care_leavers_by_age_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.care_leavers_by_age_published_sql(text) IS
  'Internal: the SELECT of the reporting view care_leavers_by_age_published over the dataset in schema_name (careleaver.report_views)';

-- The bands of DfE's care-leaver tables whose published figures could reveal a cell the published by-age
-- table hides (metrics.md 9 and 12): la, collection_year, care_leaver_age, any_small.
CREATE FUNCTION careleaver.dfe_band_hidden_sql(schema_name text) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
  AS $$ SELECT format($q$
    SELECT a.la, a.collection_year, b.care_leaver_age,
           bool_or('c' IN (a.care_leavers, a.no_information, a.eet, a.neet, a.activity_not_known,
                           a.suitable, a.unsuitable, a.accommodation_not_known)) AS any_small
      FROM (%s) a CROSS JOIN LATERAL careleaver.dfe_care_leaver_ages(a.age) b
     WHERE b.age_order <= 2
     GROUP BY 1, 2, 3$q$, careleaver.care_leavers_by_age_published_sql(schema_name)) $$;
COMMENT ON FUNCTION careleaver.dfe_band_hidden_sql(text) IS
  'Internal: the SELECT of the DfE age bands of a dataset to hide whole in the published DfE care-leaver tables: '
  'those for which care_leavers_by_age_published hides a cell of one of their ages that the band adds up (metrics.md 9 and 12)';

CREATE FUNCTION careleaver.care_leavers_by_category_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH %s,
  outcome AS (
    SELECT m.la, m.collection_year,
           CASE WHEN m.age <= 18 THEN '17 to 18' WHEN m.age <= 21 THEN '19 to 21' ELSE '22 to 24' END AS age_group,
           m.activ, m.accom, o.no_information
      FROM leaver_member m
     CROSS JOIN LATERAL careleaver.leaver_outcome(m.in_touch, m.activ, m.accom) o
     WHERE NOT coalesce(o.excluded, false))
SELECT la, collection_year, age_group, k.breakdown, k.category, count(*) AS young_people
  FROM outcome
 CROSS JOIN LATERAL (VALUES
   ('accommodation type', CASE WHEN no_information THEN 'no information'
                               ELSE coalesce(careleaver.accommodation_type_label(accom), 'not known') END),
   ('activity', CASE WHEN no_information THEN 'no information'
                     ELSE coalesce(careleaver.label(activ), 'not known') END)) AS k(breakdown, category)
 GROUP BY 1, 2, 3, 4, 5$q$, careleaver.reporting_common_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.care_leavers_by_category_sql(text) IS
  'Internal: the SELECT of the reporting view care_leavers_by_category over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.care_leavers_by_category_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH b AS (%s),
  grouped AS (
    SELECT la, collection_year, age_group, breakdown, array_agg(category ORDER BY category) AS categories,
           array_agg(young_people ORDER BY category) AS cells
      FROM b GROUP BY 1, 2, 3, 4),
  flagged AS (
    SELECT g.*, array_position(g.categories, 'no information') AS ni,
           (SELECT array_agg(c = 'no information' ORDER BY o) FROM unnest(g.categories) WITH ORDINALITY u(c, o)) AS ni_mask
      FROM grouped g),
  first_pass AS (
    SELECT f.*, bool_or(f.ni IS NOT NULL AND (careleaver.suppress_row(f.cells))[f.ni] = 'c')
                  OVER (PARTITION BY f.la, f.collection_year, f.age_group) AS ni_hidden
      FROM flagged f),
  p AS (
    SELECT f.*,
           careleaver.suppress_row(f.cells, NULL, CASE WHEN f.ni_hidden THEN f.ni_mask END) AS shown,
           careleaver.publish_row_total(f.cells, NULL, CASE WHEN f.ni_hidden THEN f.ni_mask END) AS total
      FROM first_pass f)
SELECT p.la, p.collection_year, p.age_group, p.breakdown, u.category, u.young_people,
       CASE WHEN bool_or(p.total = 'c') OVER (PARTITION BY p.la, p.collection_year, p.age_group) THEN 'c'
            ELSE p.total END AS care_leavers
  FROM p CROSS JOIN LATERAL unnest(p.categories, p.shown) AS u(category, young_people)$q$,
    careleaver.care_leavers_by_category_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.care_leavers_by_category_published_sql(text) IS
  'Internal: the SELECT of the reporting view care_leavers_by_category_published over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.looked_after_summary_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  -- the figures of every child-year from child_year_facts (doc/facts.md)
  RETURN format($q$
WITH %1$s,
  counted AS (
    SELECT f.la, f.collection_year,
           count(*) FILTER (WHERE f.looked_after_31_march) AS looked_after_31_march,
           sum(f.periods_started) AS periods_started, sum(f.periods_ceased) AS periods_ended,
           sum(f.ceased_returned_home) AS returned_home, sum(f.ceased_adopted) AS adopted,
           sum(f.ceased_special_guardianship) AS special_guardianship,
           -- unknown reasons included, as periods_of_care gives them
           sum(f.periods_ceased - f.ceased_returned_home - f.ceased_adopted - f.ceased_special_guardianship)
             AS other_endings
      FROM %2$I.child_year_facts f GROUP BY 1, 2)
SELECT y.la, y.collection_year, coalesce(k.looked_after_31_march, 0) AS looked_after_31_march,
       coalesce(k.periods_started, 0) AS periods_started, coalesce(k.periods_ended, 0) AS periods_ended,
       coalesce(k.returned_home, 0) AS returned_home, coalesce(k.adopted, 0) AS adopted,
       coalesce(k.special_guardianship, 0) AS special_guardianship, coalesce(k.other_endings, 0) AS other_endings,
       pop.children AS child_population,
       round(10000.0 * coalesce(k.looked_after_31_march, 0) / nullif(pop.children, 0), 1) AS rate_per_10000
  FROM report_year y
  LEFT JOIN counted k USING (la, collection_year)
  LEFT JOIN (%3$s) pop ON pop.la = y.la AND pop.year = y.collection_year$q$,
    careleaver.reporting_common_sql(schema_name), schema_name, careleaver.reporting_population_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.looked_after_summary_sql(text) IS
  'Internal: the SELECT of the reporting view looked_after_summary over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.looked_after_summary_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
SELECT s.la, s.collection_year, careleaver.publish_count(s.looked_after_31_march) AS looked_after_31_march,
       careleaver.publish_count(s.periods_started) AS periods_started,
       careleaver.publish_row_total(r.endings) AS periods_ended,
       p.endings[1] AS returned_home, p.endings[2] AS adopted, p.endings[3] AS special_guardianship,
       p.endings[4] AS other_endings,
       CASE WHEN s.rate_per_10000 IS NULL THEN 'x'
            WHEN careleaver.publish_count(s.looked_after_31_march) = 'c' THEN 'c'
            ELSE s.rate_per_10000::text END AS rate_per_10000
  FROM (%s) s
  CROSS JOIN LATERAL (SELECT ARRAY[s.returned_home, s.adopted, s.special_guardianship, s.other_endings] AS endings) r
  CROSS JOIN LATERAL (SELECT careleaver.suppress_row(r.endings) AS endings) p$q$,
    careleaver.looked_after_summary_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.looked_after_summary_published_sql(text) IS
  'Internal: the SELECT of the reporting view looked_after_summary_published over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.placement_stability_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  -- the stability columns of child_year_facts (careleaver.stability per child and year; doc/facts.md), for
  -- the children with a date of birth
  RETURN format($q$
WITH %1$s,
  counted AS (
    SELECT f.la, f.collection_year,
           count(*) FILTER (WHERE f.looked_after_31_march) AS looked_after_31_march,
           count(*) FILTER (WHERE f.three_or_more_placements) AS three_or_more_placements,
           count(*) FILTER (WHERE NOT f.three_or_more_placements) AS fewer_than_three_placements,
           count(*) FILTER (WHERE f.in_two_year_measure) AS two_year_children,
           count(*) FILTER (WHERE f.two_year_three_or_more) AS two_year_three_or_more,
           count(*) FILTER (WHERE f.in_long_term_measure) AS long_term_children,
           count(*) FILTER (WHERE f.long_term_stable) AS long_term_stable
      FROM %2$I.child_year_facts f WHERE f.date_of_birth_known GROUP BY 1, 2),
  covered AS (
    SELECT y.la, y.collection_year,
           coalesce(k.looked_after_31_march, 0) AS looked_after_31_march,
           coalesce(k.three_or_more_placements, 0) AS three_or_more_placements,
           coalesce(k.fewer_than_three_placements, 0) AS fewer_than_three_placements,
           coalesce(k.two_year_children, 0) AS two_year_children,
           coalesce(k.two_year_three_or_more, 0) AS two_year_three_or_more,
           coalesce(k.long_term_children, 0) AS long_term_children,
           coalesce(k.long_term_stable, 0) AS long_term_stable,
           careleaver.coverage_allows(c.history_from, c.covered_to, y.collection_year, 1, 0) AS two_year_ok,
           careleaver.coverage_allows(c.history_from, c.covered_to, y.collection_year, 2, 0) AS long_term_ok
      FROM report_year y
      JOIN coverage_year c USING (la, collection_year)
      LEFT JOIN counted k USING (la, collection_year))
SELECT la, collection_year, looked_after_31_march, three_or_more_placements, fewer_than_three_placements,
       CASE WHEN two_year_ok THEN two_year_children END AS two_year_children,
       CASE WHEN two_year_ok THEN two_year_three_or_more END AS two_year_three_or_more,
       CASE WHEN long_term_ok THEN long_term_children END AS long_term_children,
       CASE WHEN long_term_ok THEN long_term_stable END AS long_term_stable,
       CASE WHEN two_year_ok THEN 'history'
            ELSE format('not available: needs the %%s return', collection_year - 1) END AS two_year_basis,
       CASE WHEN long_term_ok THEN 'history'
            ELSE format('not available: needs the %%s and %%s returns', collection_year - 2, collection_year - 1) END
         AS long_term_basis
  FROM covered$q$, careleaver.reporting_common_sql(schema_name), schema_name);
END
$fn$;
COMMENT ON FUNCTION careleaver.placement_stability_sql(text) IS
  'Internal: the SELECT of the reporting view placement_stability over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.placement_stability_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH s AS (%s),
  r AS (
    SELECT s.*,
           ARRAY[s.three_or_more_placements, s.fewer_than_three_placements] AS short_cells,
           ARRAY[s.two_year_three_or_more, s.two_year_children - s.two_year_three_or_more] AS two_year_cells,
           ARRAY[s.long_term_stable, s.long_term_children - s.long_term_stable] AS long_term_cells
      FROM s),
  p AS (
    SELECT r.*,
           careleaver.suppress_row(r.short_cells) AS short_pub, careleaver.publish_row_total(r.short_cells) AS short_total,
           careleaver.suppress_row(r.two_year_cells) AS two_pub, careleaver.publish_row_total(r.two_year_cells) AS two_total,
           careleaver.suppress_row(r.long_term_cells) AS long_pub, careleaver.publish_row_total(r.long_term_cells) AS long_total
      FROM r)
SELECT p.la, p.collection_year, p.short_total AS looked_after_31_march,
       p.short_pub[1] AS three_or_more_placements, p.short_pub[2] AS fewer_than_three_placements,
       CASE WHEN p.short_pub[1] = 'c' OR p.short_total = 'c' THEN 'c'
            ELSE careleaver.publish_percent(p.three_or_more_placements, p.looked_after_31_march, NULL, 1) END
         AS three_or_more_placements_percent,
       CASE WHEN p.two_year_children IS NULL THEN 'x' ELSE p.two_total END AS two_year_children,
       p.two_pub[1] AS two_year_three_or_more,
       CASE WHEN p.two_year_children IS NULL THEN 'x' WHEN p.two_pub[1] = 'c' OR p.two_total = 'c' THEN 'c'
            ELSE careleaver.publish_percent(p.two_year_three_or_more, p.two_year_children, NULL, 1) END
         AS two_year_three_or_more_percent,
       CASE WHEN p.long_term_children IS NULL THEN 'x' ELSE p.long_total END AS long_term_children,
       p.long_pub[1] AS long_term_stable,
       CASE WHEN p.long_term_children IS NULL THEN 'x' WHEN p.long_pub[1] = 'c' OR p.long_total = 'c' THEN 'c'
            ELSE careleaver.publish_percent(p.long_term_stable, p.long_term_children, NULL, 1) END
         AS long_term_stable_percent,
       p.two_year_basis, p.long_term_basis
  FROM p$q$, careleaver.placement_stability_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.placement_stability_published_sql(text) IS
  'Internal: the SELECT of the reporting view placement_stability_published over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.return_home_by_duration_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH %s,
  entry AS (
    SELECT p.la, careleaver.collection_year_of(x.start_date) AS entry_year, x.duration_days, x.cause
      FROM person p JOIN data_end d USING (la)
     CROSS JOIN LATERAL careleaver.exits(p.history, p.dob, d.data_end) x
     WHERE p.dob IS NOT NULL
       AND careleaver.collection_year_of(x.start_date) IN (SELECT y.collection_year FROM report_year y WHERE y.la = p.la)),
  -- one pass over the cohort's periods (a second reader of entry would compute every exit twice): the
  -- durations of the returns home and of the open periods, for the counts by day below
  cohort AS (
    SELECT la, entry_year, count(*) AS periods_started,
           careleaver.cif_agg(duration_days, CASE WHEN cause IN (0, 1) THEN cause ELSE 2 END) AS risks,
           array_agg(duration_days) FILTER (WHERE cause = 1) AS home_days,
           array_agg(duration_days) FILTER (WHERE cause = 0) AS censored_days
      FROM entry GROUP BY 1, 2)
SELECT c.la, c.entry_year, d.day, c.periods_started,
       (SELECT count(*) FROM unnest(c.home_days) x WHERE x <= d.day) AS returned_home_by_day,
       (SELECT count(*) FROM unnest(c.censored_days) x WHERE x < d.day) AS censored_before_day,
       round(careleaver.cif_at(c.risks, 1, d.day)::numeric, 4) AS cumulative_incidence
  FROM cohort c CROSS JOIN (VALUES (30), (91), (182), (365), (547), (730)) AS d(day)$q$,
    careleaver.reporting_common_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.return_home_by_duration_sql(text) IS
  'Internal: the SELECT of the reporting view return_home_by_duration over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.return_home_by_duration_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH r AS (%s),
  series AS (
    SELECT la, entry_year, array_agg(day ORDER BY day) AS days,
           careleaver.publish_cumulative(array_agg(returned_home_by_day ORDER BY day), min(periods_started))
             AS published
      FROM r GROUP BY 1, 2)
SELECT r.la, r.entry_year, r.day, careleaver.publish_count(r.periods_started) AS periods_started,
       s.published[array_position(s.days, r.day)] AS returned_home_by_day,
       CASE WHEN s.published[array_position(s.days, r.day)] = 'c'
              OR careleaver.publish_count(r.periods_started) = 'c' THEN 'c'
            WHEN r.cumulative_incidence IS NULL THEN 'x'
            WHEN r.cumulative_incidence > 0 AND round(100 * r.cumulative_incidence) = 0 THEN 'k'
            ELSE round(100 * r.cumulative_incidence)::text END AS cumulative_incidence_percent
  FROM r JOIN series s USING (la, entry_year)$q$, careleaver.return_home_by_duration_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.return_home_by_duration_published_sql(text) IS
  'Internal: the SELECT of the reporting view return_home_by_duration_published over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.looked_after_by_characteristic_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  -- the children looked after on 31 March of child_year_facts, by the LS and PLACE of their episode open that
  -- day, their age on it and the header's sex (doc/facts.md); counted per combination first, then per breakdown
  RETURN format($q$
WITH %1$s,
  at_31_march AS (
    SELECT f.la, f.collection_year,
           coalesce(careleaver.legal_status_group(f.legal_status), 'not recorded') AS legal_status,
           coalesce(careleaver.placement_group(f.placement), 'not recorded') AS placement,
           CASE WHEN f.age_31_march IS NULL THEN 'not recorded' WHEN f.age_31_march < 1 THEN 'under 1'
                WHEN f.age_31_march < 5 THEN '1 to 4' WHEN f.age_31_march < 10 THEN '5 to 9'
                WHEN f.age_31_march < 16 THEN '10 to 15' ELSE '16 and over' END AS age,
           CASE upper(trim(h.sex::text)) WHEN '1' THEN 'male' WHEN 'M' THEN 'male' WHEN '2' THEN 'female'
                                         WHEN 'F' THEN 'female' ELSE 'not recorded' END AS sex,
           count(*) AS children
      FROM %2$I.child_year_facts f
      JOIN report_year y USING (la, collection_year)
      LEFT JOIN %2$I.header h ON h.la = f.la AND h.child = f.child
     WHERE f.looked_after_31_march
     GROUP BY 1, 2, 3, 4, 5, 6)
SELECT la, collection_year, k.breakdown, k.category, sum(a.children)::bigint AS children
  FROM at_31_march a
 CROSS JOIN LATERAL (VALUES ('legal status', a.legal_status), ('placement', a.placement), ('age', a.age),
                            ('sex', a.sex)) AS k(breakdown, category)
 GROUP BY 1, 2, 3, 4$q$, careleaver.reporting_common_sql(schema_name), schema_name);
END
$fn$;
COMMENT ON FUNCTION careleaver.looked_after_by_characteristic_sql(text) IS
  'Internal: the SELECT of the reporting view looked_after_by_characteristic over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.looked_after_by_characteristic_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH b AS (%s),
  grouped AS (
    SELECT la, collection_year, breakdown, array_agg(category ORDER BY category) AS categories,
           array_agg(children ORDER BY category) AS cells
      FROM b GROUP BY 1, 2, 3)
SELECT g.la, g.collection_year, g.breakdown, u.category, u.children,
       careleaver.publish_row_total(g.cells) AS looked_after_31_march
  FROM grouped g
 CROSS JOIN LATERAL unnest(g.categories, careleaver.suppress_row(g.cells)) AS u(category, children)$q$,
    careleaver.looked_after_by_characteristic_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.looked_after_by_characteristic_published_sql(text) IS
  'Internal: the SELECT of the reporting view looked_after_by_characteristic_published over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.returns_home_reentry_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  -- returns home and re-entries of child_year_facts, counted up to the data's end (doc/facts.md)
  RETURN format($q$
WITH %1$s,
  counted AS (
    SELECT f.la, f.collection_year, sum(f.returned_home) AS returned_home,
           sum(f.reentered_within_12_months) AS reentered_within_12_months,
           sum(f.follow_up_incomplete) AS follow_up_incomplete
      FROM %2$I.child_year_facts f GROUP BY 1, 2)
SELECT y.la, y.collection_year,
       coalesce(k.returned_home, 0) AS returned_home,
       coalesce(k.reentered_within_12_months, 0) AS reentered_within_12_months,
       coalesce(k.follow_up_incomplete, 0) AS follow_up_incomplete,
       CASE WHEN careleaver.coverage_allows(c.history_from, c.covered_to, y.collection_year, 0, 1)
                 AND coalesce(k.follow_up_incomplete, 0) = 0
            THEN 'complete follow-up'
            ELSE format('follow-up incomplete: needs the %%s return', y.collection_year + 1) END AS basis
  FROM report_year y
  JOIN coverage_year c USING (la, collection_year)
  LEFT JOIN counted k USING (la, collection_year)$q$, careleaver.reporting_common_sql(schema_name), schema_name);
END
$fn$;
COMMENT ON FUNCTION careleaver.returns_home_reentry_sql(text) IS
  'Internal: the SELECT of the reporting view returns_home_reentry over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.returns_home_reentry_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH b AS (%s),
  p AS (
    SELECT b.*, ARRAY[b.reentered_within_12_months,
                      b.returned_home - b.reentered_within_12_months - b.follow_up_incomplete,
                      b.follow_up_incomplete] AS cells,
           b.basis = 'complete follow-up' AS complete
      FROM b)
SELECT p.la, p.collection_year, careleaver.publish_row_total(p.cells) AS returned_home,
       CASE WHEN p.complete THEN s.cells[1] ELSE 'x' END AS reentered_within_12_months,
       CASE WHEN p.complete THEN s.cells[2] ELSE 'x' END AS not_reentered,
       s.cells[3] AS follow_up_incomplete,
       -- a year whose follow-ups are not all complete is not available (x), never suppressed (c)
       CASE WHEN NOT p.complete THEN 'x'
            WHEN s.cells[1] = 'c' OR s.cells[2] = 'c' THEN 'c'
            ELSE careleaver.publish_percent(p.reentered_within_12_months,
                                            p.returned_home - p.follow_up_incomplete) END AS reentry_percent,
       p.basis
  FROM p CROSS JOIN LATERAL (SELECT careleaver.suppress_row(p.cells) AS cells) s$q$,
    careleaver.returns_home_reentry_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.returns_home_reentry_published_sql(text) IS
  'Internal: the SELECT of the reporting view returns_home_reentry_published over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.time_to_return_home_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH %s,
  entry AS (
    SELECT p.la, careleaver.collection_year_of(x.start_date) AS entry_year, x.duration_days, x.cause
      FROM person p JOIN data_end d USING (la)
     CROSS JOIN LATERAL careleaver.exits(p.history, p.dob, d.data_end) x
     WHERE p.dob IS NOT NULL
       AND careleaver.collection_year_of(x.start_date) IN (SELECT y.collection_year FROM report_year y WHERE y.la = p.la)),
  km AS (
    SELECT la, entry_year, count(*) AS periods_started, count(*) FILTER (WHERE cause = 1) AS returned_home,
           careleaver.km_agg(duration_days, cause = 1) AS s
      FROM entry GROUP BY 1, 2)
SELECT km.la, km.entry_year, km.periods_started, km.returned_home,
       m.median AS median_days, m.lower95 AS median_lower95, m.upper95 AS median_upper95
  FROM km CROSS JOIN LATERAL careleaver.km_median_ci(km.s) m$q$, careleaver.reporting_common_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.time_to_return_home_sql(text) IS
  'Internal: the SELECT of the reporting view time_to_return_home over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.time_to_return_home_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
SELECT t.la, t.entry_year, careleaver.publish_count(t.periods_started) AS periods_started,
       careleaver.publish_count(t.returned_home) AS returned_home,
       CASE WHEN careleaver.publish_count(t.returned_home) = 'c' OR careleaver.publish_count(t.periods_started) = 'c'
            THEN 'c' WHEN t.median_days IS NULL THEN 'x' ELSE round(t.median_days)::text END AS median_days,
       CASE WHEN careleaver.publish_count(t.returned_home) = 'c' OR careleaver.publish_count(t.periods_started) = 'c'
            THEN 'c' WHEN t.median_lower95 IS NULL THEN 'x' ELSE round(t.median_lower95)::text END AS median_lower95,
       CASE WHEN careleaver.publish_count(t.returned_home) = 'c' OR careleaver.publish_count(t.periods_started) = 'c'
            THEN 'c' WHEN t.median_upper95 IS NULL THEN 'x' ELSE round(t.median_upper95)::text END AS median_upper95
  FROM (%s) t$q$, careleaver.time_to_return_home_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.time_to_return_home_published_sql(text) IS
  'Internal: the SELECT of the reporting view time_to_return_home_published over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.national_framework_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  -- One row per council, covered year and indicator of careleaver.dashboard_indicators.  The care-leaver
  -- rows pool the ages of care_leavers_by_age, the stability rows read placement_stability and re-entry
  -- returns_home_reentry, so a change to those views flows here; the rest is counted per child below.
  RETURN format($q$
WITH %1$s,
  -- the covered council-years; DISTINCT gives the planner a realistic row estimate (generate_series in
  -- report_year is estimated at 1,000 years per council), which keeps JIT compilation out of the plan
  frame AS MATERIALIZED (SELECT DISTINCT la, collection_year, year_start, year_end FROM report_year),
  -- each child's year from child_year_facts (doc/facts.md); not materialised, so that a filter on la reaches
  -- the fact table's partition from both its readers
  child_year AS NOT MATERIALIZED (
    SELECT y.la, y.collection_year, y.year_start, y.year_end, f.child, f.periods_started > 0 AS started,
           f.periods_ceased > 0 AS ceased, f.looked_after_31_march AS looked_after, f.placement AS place,
           u.child IS NOT NULL AS has_uasc_record, u.duc
      FROM frame y
      JOIN %8$I.child_year_facts f USING (la, collection_year)
      LEFT JOIN (%2$s) u ON u.la = f.la AND u.child = f.child),
  -- from the stored history, only for the children who need it: the day a UASC child's first period of the
  -- year began, and the reason of a child's last ending in the year
  from_history AS (
    SELECT c.la, c.collection_year, c.started, c.ceased, c.has_uasc_record, c.duc,
           (SELECT min(pc.start_date) FROM careleaver.periods_of_care(p.history) pc
             WHERE c.started AND c.has_uasc_record AND pc.start_date BETWEEN c.year_start AND c.year_end) AS start_date,
           (SELECT pc.end_reason FROM careleaver.periods_of_care(p.history) pc
             WHERE c.ceased AND pc.end_date BETWEEN c.year_start AND c.year_end
             ORDER BY pc.end_date DESC, pc.period_no DESC LIMIT 1) AS end_reason
      FROM child_year c JOIN %8$I.child_facts p ON p.la = c.la AND p.child = c.child
     WHERE c.ceased OR (c.started AND c.has_uasc_record)),
  -- counted per council and year on each side, then joined: never a join of the two per child
  history_counted AS (
    SELECT la, collection_year,
           count(*) FILTER (WHERE started AND has_uasc_record AND (duc IS NULL OR duc > start_date)) AS started_uasc,
           count(*) FILTER (WHERE ceased AND coalesce(careleaver.is_special_guardianship_order(end_reason), false))
             AS ceased_sgo,
           count(*) FILTER (WHERE ceased AND careleaver.ceased_reason_group(end_reason)
                                             = 'Residence order or child arrangements order') AS ceased_cao
      FROM from_history GROUP BY 1, 2),
  counted AS (
    SELECT k.la, k.collection_year, k.started, coalesce(h.started_uasc, 0) AS started_uasc, k.looked_after,
           k.looked_after_uasc, k.ceased, coalesce(h.ceased_sgo, 0) AS ceased_sgo,
           coalesce(h.ceased_cao, 0) AS ceased_cao, k.foster, k.secure_or_childrens_home,
           k.independent_or_semi_independent
      FROM (SELECT la, collection_year,
                   count(*) FILTER (WHERE started) AS started,
                   count(*) FILTER (WHERE looked_after) AS looked_after,
                   count(*) FILTER (WHERE looked_after AND has_uasc_record AND (duc IS NULL OR duc > year_end))
                     AS looked_after_uasc,
                   count(*) FILTER (WHERE ceased) AS ceased,
                   count(*) FILTER (WHERE looked_after AND careleaver.dfe_placement_group(place) = 'Foster placements')
                     AS foster,
                   count(*) FILTER (WHERE looked_after AND careleaver.dfe_placement_group(place)
                                                           = 'Secure homes and children''s homes')
                     AS secure_or_childrens_home,
                   count(*) FILTER (WHERE looked_after AND careleaver.dfe_placement_group(place)
                                      = 'Independent and semi-independent living arrangements/supported accommodation')
                     AS independent_or_semi_independent
              FROM child_year GROUP BY 1, 2) k
      LEFT JOIN history_counted h USING (la, collection_year)),
  pop AS (%3$s),
  -- the two age bands of a council-year in one row (one reader, so that a filter on la reaches it)
  leavers AS (
    SELECT la, collection_year,
           sum(care_leavers) FILTER (WHERE age <= 18)::bigint AS care_leavers_17_18,
           sum(care_leavers) FILTER (WHERE age >= 19)::bigint AS care_leavers_19_21,
           sum(eet) FILTER (WHERE age <= 18)::bigint AS eet_17_18, sum(eet) FILTER (WHERE age >= 19)::bigint AS eet_19_21,
           sum(in_touch) FILTER (WHERE age >= 19)::bigint AS in_touch_19_21,
           sum(suitable) FILTER (WHERE age <= 18)::bigint AS suitable_17_18,
           sum(suitable) FILTER (WHERE age >= 19)::bigint AS suitable_19_21,
           sum(suitable + unsuitable + accommodation_not_known + no_information) FILTER (WHERE age <= 18)::bigint
             AS suitability_total_17_18,
           sum(suitable + unsuitable + accommodation_not_known + no_information) FILTER (WHERE age >= 19)::bigint
             AS suitability_total_19_21
      FROM (%4$s) v WHERE age BETWEEN 17 AND 21 GROUP BY 1, 2),
  stab AS (%5$s),
  reentry AS (%6$s),
  parity AS (SELECT x.la, x.collection_year, array_agg(x.ordinal) AS ordinals, array_agg(x.numerator) AS numerators,
                    array_agg(x.denominator) AS denominators, array_agg(x.reason) AS reasons
               FROM (%9$s) x GROUP BY 1, 2),
  added AS (%10$s),  -- rows computed by their own builders (careleaver.dashboard_added_sql), over person and frame
  -- one row per council and year with an array per column, indexed by ordinal (careleaver.dashboard_indicators):
  -- the previous year is a window over these rows, and the rows are only unnested at the end, so the
  -- planner's estimates (and JIT) stay those of one row per council and year
  per_year AS (
    SELECT y.la, y.collection_year,
           careleaver.dashboard_overlay(ARRAY[coalesce(c.started, 0), coalesce(c.looked_after, 0), coalesce(c.started_uasc, 0),
                 coalesce(c.looked_after_uasc, 0), coalesce(c.ceased_sgo, 0), coalesce(c.ceased_cao, 0),
                 coalesce(s.three_or_more_placements, 0), NULL, NULL, coalesce(c.foster, 0),
                 coalesce(c.secure_or_childrens_home, 0), coalesce(c.independent_or_semi_independent, 0), NULL,
                 coalesce(l.eet_17_18, 0), coalesce(l.eet_19_21, 0), coalesce(l.suitable_17_18, 0), coalesce(l.suitable_19_21, 0), NULL,
                 coalesce(l.in_touch_19_21, 0), coalesce(s.long_term_stable, 0), coalesce(r.reentered_within_12_months, 0)
           ]::bigint[], x.ordinals, x.numerators) AS numerators,
           careleaver.dashboard_overlay(ARRAY[pop.children, pop.children, pop.children, pop.children, coalesce(c.ceased, 0), coalesce(c.ceased, 0),
                 coalesce(s.looked_after_31_march, 0), NULL, NULL, coalesce(c.looked_after, 0),
                 coalesce(c.looked_after, 0), coalesce(c.looked_after, 0), NULL,
                 coalesce(l.care_leavers_17_18, 0), coalesce(l.care_leavers_19_21, 0), coalesce(l.suitability_total_17_18, 0),
                 coalesce(l.suitability_total_19_21, 0), NULL,
                 coalesce(l.care_leavers_19_21, 0), coalesce(s.long_term_children, 0), coalesce(r.returned_home, 0)
           ]::bigint[], x.ordinals, x.denominators) AS denominators,
           careleaver.dashboard_overlay(ARRAY[NULL, NULL, %7$L, %7$L, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                 NULL, NULL, NULL,
                 CASE WHEN r.follow_up_incomplete > 0
                      THEN format('%%s of %%s 12-month follow-ups are incomplete at the data''s end',
                                  r.follow_up_incomplete, r.returned_home) END]::text[], x.ordinals, x.reasons) AS reasons
      FROM frame y
      LEFT JOIN counted c USING (la, collection_year)
      LEFT JOIN pop ON pop.la = y.la AND pop.year = y.collection_year
      LEFT JOIN leavers l ON l.la = y.la AND l.collection_year = y.collection_year
      LEFT JOIN stab s ON s.la = y.la AND s.collection_year = y.collection_year
      LEFT JOIN reentry r ON r.la = y.la AND r.collection_year = y.collection_year
      LEFT JOIN parity x ON x.la = y.la AND x.collection_year = y.collection_year),
  with_previous AS (
    SELECT p.*, lag(p.collection_year) OVER w = p.collection_year - 1 AS previous_covered,
           lag(p.numerators) OVER w AS previous_numerators, lag(p.denominators) OVER w AS previous_denominators,
           lag(p.reasons) OVER w AS previous_reasons
      FROM per_year p
    WINDOW w AS (PARTITION BY p.la ORDER BY p.collection_year)),
  cell AS (
    SELECT v.la, v.collection_year, d.*, u.numerator, u.denominator,
           careleaver.dashboard_value(d.unit, coalesce(d.not_held, u.reason), u.numerator, u.denominator) AS value,
           careleaver.dashboard_not_available_reason(d.unit, coalesce(d.not_held, u.reason), u.denominator)
             AS not_available_reason,
           CASE WHEN v.previous_covered
                THEN careleaver.dashboard_value(d.unit, coalesce(d.not_held, u.previous_reason), u.previous_numerator,
                                                u.previous_denominator) END AS previous_value
      FROM with_previous v
     CROSS JOIN LATERAL unnest(v.numerators, v.denominators, v.reasons, v.previous_numerators,
                               v.previous_denominators, v.previous_reasons) WITH ORDINALITY
                         AS a(numerator, denominator, reason, previous_numerator, previous_denominator, previous_reason, ordinal)
      JOIN careleaver.dashboard_indicators d ON d.ordinal = a.ordinal
      LEFT JOIN added x ON x.la = v.la AND x.collection_year = v.collection_year AND x.dashboard_no = d.dashboard_no
      LEFT JOIN added xp ON xp.la = v.la AND xp.collection_year = v.collection_year - 1 AND xp.dashboard_no = d.dashboard_no
     CROSS JOIN LATERAL (SELECT CASE WHEN x.la IS NULL THEN a.numerator ELSE x.numerator END AS numerator,
                                CASE WHEN x.la IS NULL THEN a.denominator ELSE x.denominator END AS denominator,
                                CASE WHEN x.la IS NULL THEN a.reason ELSE x.reason END AS reason,
                                CASE WHEN xp.la IS NULL THEN a.previous_numerator ELSE xp.numerator END AS previous_numerator,
                                CASE WHEN xp.la IS NULL THEN a.previous_denominator ELSE xp.denominator END AS previous_denominator,
                                CASE WHEN xp.la IS NULL THEN a.previous_reason ELSE xp.reason END AS previous_reason) u)
SELECT la, collection_year, ordinal, dashboard_no, outcome, indicator, unit, source, numerator, denominator, value,
       previous_value, value - previous_value AS change, not_available_reason
  FROM cell
UNION ALL %11$s
UNION ALL %12$s$q$,
    careleaver.reporting_common_sql(schema_name),
    CASE WHEN to_regclass(format('%I.uasc', schema_name)) IS NULL
         THEN 'SELECT NULL::text AS la, NULL::text AS child, NULL::date AS duc WHERE false'
         ELSE format('SELECT x.la, x.child, x.duc FROM %I.uasc x', schema_name) END,
    careleaver.reporting_population_sql(schema_name),
    careleaver.care_leavers_by_age_sql(schema_name),
    careleaver.placement_stability_sql(schema_name),
    careleaver.returns_home_reentry_sql(schema_name),
    CASE WHEN to_regclass(format('%I.uasc', schema_name)) IS NULL
         THEN 'the dataset has no uasc table' END,
    schema_name,
    careleaver.dashboard_parity_rows_sql(schema_name),
    careleaver.dashboard_added_sql(schema_name),
    careleaver.cin_dashboard_rows_sql(schema_name),
    careleaver.cin_factor_dashboard_rows_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.national_framework_sql(text) IS
  'Internal: the SELECT of the reporting view national_framework over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.national_framework_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  -- Per council and year, the rows are gathered back into arrays and published together by
  -- careleaver.dashboard_publish (whole numbers as DfE publishes them, disclosure control); the previous
  -- year's published values are a window over those rows.
  RETURN format($q$
WITH b AS (%s),
  per_year AS (
    SELECT b.la, b.collection_year,
           careleaver.dashboard_publish(array_agg(b.unit ORDER BY b.ordinal),
                                        array_agg(CASE WHEN b.dashboard_no IN (43, 44) THEN 'ceased'
                                                       WHEN b.dashboard_no IN (48, 49, 50) THEN 'placement'
                                                       ELSE b.ordinal::text END ORDER BY b.ordinal),
                                        array_agg(b.numerator ORDER BY b.ordinal),
                                        array_agg(b.denominator ORDER BY b.ordinal),
                                        array_agg(b.value ORDER BY b.ordinal),
                                        array_agg(b.not_available_reason ORDER BY b.ordinal)) AS shown,
           array_agg(b.not_available_reason ORDER BY b.ordinal) AS reasons
      FROM b GROUP BY b.la, b.collection_year),
  with_previous AS (
    SELECT p.*, CASE WHEN lag(p.collection_year) OVER w = p.collection_year - 1 THEN lag(p.shown) OVER w END
                  AS previous_shown
      FROM per_year p
    WINDOW w AS (PARTITION BY p.la ORDER BY p.collection_year))
SELECT v.la, v.collection_year, d.ordinal, d.dashboard_no, d.outcome, d.indicator, d.unit, d.source,
       u.shown AS value, coalesce(u.previous_shown, 'x') AS previous_value,
       CASE WHEN 'c' IN (u.shown, u.previous_shown) THEN 'c'
            -- both whole numbers (not a symbol); inline rather than is_published_number, whose per-row
            -- cost estimate over the unnested rows would bring JIT compilation into the plan
            WHEN u.shown ~ '^-?[0-9]+$' AND u.previous_shown ~ '^-?[0-9]+$'
            THEN to_char(u.shown::numeric - u.previous_shown::numeric, 'FMS99990')
            ELSE 'x' END AS change,
       u.reason AS not_available_reason
  FROM with_previous v
 CROSS JOIN LATERAL unnest(v.shown, coalesce(v.previous_shown, '{}'), v.reasons) WITH ORDINALITY
                     AS u(shown, previous_shown, reason, ordinal)
  JOIN careleaver.dashboard_indicators d ON d.ordinal = u.ordinal$q$,
    careleaver.national_framework_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.national_framework_published_sql(text) IS
  'Internal: the SELECT of the reporting view national_framework_published over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.starts_and_ceases_by_reason_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH %s,
  period AS (
    SELECT p.la, pc.start_date, pc.end_date, pc.end_reason, f.ls, f.cin
      FROM person p   -- child_facts.history carries each episode's CIN
     CROSS JOIN LATERAL careleaver.periods_of_care(p.history) pc
      LEFT JOIN LATERAL (SELECT ep.ls, ep.cin FROM careleaver.episodes(p.history) ep
                          WHERE NOT ep.short_break AND ep.decom = pc.start_date
                          ORDER BY ep.episode_no LIMIT 1) f ON true),
  moved AS (
    SELECT y.la, y.collection_year, 'started'::text AS movement, k.breakdown, k.category
      FROM report_year y JOIN period p ON p.la = y.la AND p.start_date BETWEEN y.year_start AND y.year_end
     CROSS JOIN LATERAL (VALUES
       ('legal status', coalesce(careleaver.legal_status_group(p.ls), 'not recorded')),
       ('category of need', coalesce(p.cin::text || ' ' || careleaver.label(p.cin), 'not recorded'))
     ) AS k(breakdown, category)
    UNION ALL
    SELECT y.la, y.collection_year, 'ceased', k.breakdown, k.category
      FROM report_year y JOIN period p ON p.la = y.la AND p.end_date BETWEEN y.year_start AND y.year_end
     CROSS JOIN LATERAL (VALUES
       ('reason group', coalesce(careleaver.ceased_reason_group(p.end_reason), 'reason not known')),
       ('reason', coalesce(p.end_reason::text, 'not known'))
     ) AS k(breakdown, category))
SELECT la, collection_year, movement, breakdown, category, count(*) AS periods
  FROM moved
 GROUP BY 1, 2, 3, 4, 5$q$, careleaver.reporting_common_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.starts_and_ceases_by_reason_sql(text) IS
  'Internal: the SELECT of the reporting view starts_and_ceases_by_reason over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.starts_and_ceases_by_reason_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  -- Each breakdown is a row whose total is the periods started or ended.  The REC codes refine the
  -- reason groups, so each group's codes are also a row whose total is the group's cell: when the
  -- group is shown its codes go through suppress_row; when it is hidden all its codes are hidden;
  -- a group whose codes could not be protected under a shown total is hidden in the first place.
  RETURN format($q$
WITH b AS (%s),
  coded AS (
    SELECT b.*, CASE WHEN b.category = 'not known' THEN 'reason not known'
                     ELSE careleaver.ceased_reason_group(b.category::careleaver.ceased_reason) END AS reason_group
      FROM b WHERE b.movement = 'ceased' AND b.breakdown = 'reason'),
  sub AS (
    SELECT la, collection_year, reason_group, array_agg(category ORDER BY category) AS categories,
           array_agg(periods ORDER BY category) AS cells
      FROM coded GROUP BY 1, 2, 3),
  sub_pub AS (
    SELECT s.*, careleaver.suppress_row(s.cells) AS shown, careleaver.publish_row_total(s.cells) = 'c' AS total_hidden
      FROM sub s),
  grouped AS (
    SELECT g.la, g.collection_year, g.movement, g.breakdown, array_agg(g.category ORDER BY g.category) AS categories,
           array_agg(g.periods ORDER BY g.category) AS cells,
           array_agg(coalesce(sp.total_hidden, false) ORDER BY g.category) AS forced
      FROM b g
      LEFT JOIN sub_pub sp ON g.movement = 'ceased' AND g.breakdown = 'reason group'
                          AND sp.la = g.la AND sp.collection_year = g.collection_year AND sp.reason_group = g.category
     GROUP BY 1, 2, 3, 4),
  p AS (
    SELECT g.*, careleaver.suppress_row(g.cells, NULL, g.forced) AS shown,
           careleaver.publish_row_total(g.cells, NULL, g.forced) AS total
      FROM grouped g),
  cell AS (
    SELECT p.la, p.collection_year, p.movement, p.breakdown, u.category, u.periods, p.total
      FROM p CROSS JOIN LATERAL unnest(p.categories, p.shown) AS u(category, periods))
SELECT c.la, c.collection_year, c.movement, c.breakdown, c.category,
       CASE WHEN k.la IS NULL THEN c.periods
            WHEN gc.periods = 'c' THEN 'c'
            ELSE sp.shown[array_position(sp.categories, c.category)] END AS periods,
       CASE WHEN bool_or(c.total = 'c') OVER (PARTITION BY c.la, c.collection_year, c.movement) THEN 'c'
            ELSE c.total END AS all_periods
  FROM cell c
  LEFT JOIN coded k ON c.movement = 'ceased' AND c.breakdown = 'reason'
                   AND k.la = c.la AND k.collection_year = c.collection_year AND k.category = c.category
  LEFT JOIN sub_pub sp ON sp.la = k.la AND sp.collection_year = k.collection_year AND sp.reason_group = k.reason_group
  LEFT JOIN cell gc ON gc.movement = 'ceased' AND gc.breakdown = 'reason group'
                   AND gc.la = k.la AND gc.collection_year = k.collection_year AND gc.category = k.reason_group$q$,
    careleaver.starts_and_ceases_by_reason_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.starts_and_ceases_by_reason_published_sql(text) IS
  'Internal: the SELECT of the reporting view starts_and_ceases_by_reason_published over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.exits_by_route_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH %s,
  entry AS (
    SELECT p.la, careleaver.collection_year_of(x.start_date) AS entry_year, x.duration_days, x.cause
      FROM person p JOIN data_end d USING (la)
     CROSS JOIN LATERAL careleaver.exits(p.history, p.dob, d.data_end) x
     WHERE p.dob IS NOT NULL
       AND careleaver.collection_year_of(x.start_date) IN (SELECT y.collection_year FROM report_year y WHERE y.la = p.la)),
  -- one pass over the cohort's periods (a second reader of entry would compute every exit twice): each exit
  -- up to day 730 kept as cause * 10000 + days, one integer, for the counts by route and day below
  cohort AS (
    SELECT la, entry_year, count(*) AS periods_started, careleaver.cif_agg(duration_days, cause) AS risks,
           array_agg(cause * 10000 + least(duration_days, 9999)) FILTER (WHERE cause > 0 AND duration_days <= 730)
             AS exit_cause_days
      FROM entry GROUP BY 1, 2),
  day AS (SELECT * FROM (VALUES (91), (182), (365), (730)) AS d(day)),
  route AS (
    SELECT * FROM (VALUES (1, 'returned home'), (2, 'adopted'), (3, 'special guardianship'),
                          (4, 'child arrangements order'), (5, 'turned 18'), (6, 'other')) AS r(cause, route))
SELECT c.la, c.entry_year, d.day, r.route, c.periods_started,
       (SELECT count(*) FROM unnest(c.exit_cause_days) k
         WHERE k / 10000 = r.cause AND k %% 10000 <= d.day) AS exits_by_day,
       round(ci.incidence::numeric, 4) AS cumulative_incidence,
       CASE WHEN ci.incidence IS NOT NULL THEN round(band.lower95::numeric, 4) END AS lower95,
       CASE WHEN ci.incidence IS NOT NULL THEN round(band.upper95::numeric, 4) END AS upper95
  FROM cohort c CROSS JOIN day d CROSS JOIN route r
 CROSS JOIN LATERAL (SELECT careleaver.cif_at(c.risks, r.cause, d.day) AS incidence) ci
  LEFT JOIN LATERAL (SELECT t.lower95, t.upper95 FROM careleaver.cif_table(c.risks) t
                      WHERE t.cause = r.cause AND t.days <= d.day
                      ORDER BY t.days DESC LIMIT 1) band ON true$q$, careleaver.reporting_common_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.exits_by_route_sql(text) IS
  'Internal: the SELECT of the reporting view exits_by_route over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.exits_by_route_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  -- The returns home by day are published by return_home_by_duration_published over more days (30 and
  -- 547 too): this view shows the same published values, so that the two tables together reveal nothing
  -- that either does not.
  RETURN format($q$
WITH r AS (%1$s),
  series AS (
    SELECT la, entry_year, route, array_agg(day ORDER BY day) AS days,
           careleaver.publish_cumulative(array_agg(exits_by_day ORDER BY day), min(periods_started)) AS published
      FROM r GROUP BY 1, 2, 3),
  home AS (%2$s),
  p AS (
    SELECT r.*, careleaver.publish_count(r.periods_started) AS periods_started_shown,
           CASE WHEN r.route = 'returned home' THEN h.returned_home_by_day
                ELSE s.published[array_position(s.days, r.day)] END AS exits_shown
      FROM r JOIN series s USING (la, entry_year, route)
      LEFT JOIN home h ON h.la = r.la AND h.entry_year = r.entry_year AND h.day = r.day)
SELECT p.la, p.entry_year, p.day, p.route, p.periods_started_shown AS periods_started, p.exits_shown AS exits_by_day,
       CASE WHEN 'c' IN (p.exits_shown, p.periods_started_shown) THEN 'c'
            WHEN p.cumulative_incidence IS NULL THEN 'x'
            WHEN p.cumulative_incidence > 0 AND round(100 * p.cumulative_incidence) = 0 THEN 'k'
            ELSE round(100 * p.cumulative_incidence)::text END AS cumulative_incidence_percent,
       CASE WHEN 'c' IN (p.exits_shown, p.periods_started_shown) THEN 'c'
            WHEN p.lower95 IS NULL THEN 'x'
            WHEN p.lower95 > 0 AND round(100 * p.lower95) = 0 THEN 'k'
            ELSE round(100 * p.lower95)::text END AS lower95_percent,
       CASE WHEN 'c' IN (p.exits_shown, p.periods_started_shown) THEN 'c'
            WHEN p.upper95 IS NULL THEN 'x'
            ELSE round(100 * p.upper95)::text END AS upper95_percent
  FROM p$q$, careleaver.exits_by_route_sql(schema_name),
    careleaver.return_home_by_duration_published_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.exits_by_route_published_sql(text) IS
  'Internal: the SELECT of the reporting view exits_by_route_published over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.coverage_view_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH %s,
  council AS (
    SELECT c.la, min(c.collection_year) AS first_return, max(c.collection_year) AS last_return,
           string_agg(c.collection_year::text, ', ' ORDER BY c.collection_year) AS covered_years,
           string_agg(DISTINCT c.basis, '; ') AS coverage_basis
      FROM coverage_year c GROUP BY c.la),
  judged AS (
    SELECT c.la, c.collection_year, m.measure, m.view_name, m.note,
           careleaver.coverage_allows(c.history_from, c.covered_to, c.collection_year, m.years_before, m.years_after)
             AS ok,
           CASE WHEN c.history_from > careleaver.collection_year_start(c.collection_year - m.years_before)
                THEN format('needs the %%s return', greatest(c.collection_year - m.years_before,
                                                          careleaver.collection_year_of(c.history_from) - 1))
                ELSE format('needs the %%s return (follow-up)', careleaver.collection_year_of(c.covered_to) + 1) END
             AS why_not
      FROM coverage_year c JOIN report_year y USING (la, collection_year)
     CROSS JOIN careleaver.coverage_measures m)
SELECT k.la, k.first_return, k.last_return, k.covered_years, k.coverage_basis, j.measure, j.view_name,
       min(j.collection_year) FILTER (WHERE j.ok) AS first_year,
       max(j.collection_year) FILTER (WHERE j.ok) AS last_year,
       coalesce(string_agg(j.collection_year::text, ', ' ORDER BY j.collection_year) FILTER (WHERE j.ok), 'none')
         AS published_years,
       string_agg(format('%%s: %%s', j.collection_year, j.why_not), '; ' ORDER BY j.collection_year)
         FILTER (WHERE NOT j.ok) AS not_published,
       min(j.note) AS needs
  FROM council k JOIN judged j USING (la)
 GROUP BY k.la, k.first_return, k.last_return, k.covered_years, k.coverage_basis, j.measure, j.view_name$q$, careleaver.reporting_common_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.coverage_view_sql(text) IS
  'Internal: the SELECT of the reporting view coverage over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.care_leavers_activity_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH %s,
  member AS (
    SELECT m.la, m.collection_year, m.age, m.basis, m.has_oc3,
           CASE WHEN o.eet THEN 'EET' WHEN o.neet THEN 'NEET' ELSE 'not known' END AS grp,
           CASE WHEN o.eet OR o.neet THEN careleaver.activity_dfe_breakdown(m.activ)
                ELSE 'Total information not known' END AS leaf
      FROM leaver_member m
     CROSS JOIN LATERAL careleaver.leaver_outcome(m.in_touch, m.activ, m.accom) o
     WHERE m.age BETWEEN 17 AND 21 AND NOT coalesce(o.excluded, false)),
  banded AS (
    -- each member twice: in DfE's age band and at the single age (metrics.md 12)
    SELECT x.*, a.care_leaver_age, a.age_order
      FROM member x CROSS JOIN LATERAL careleaver.dfe_care_leaver_ages(x.age) a),
  grp AS (
    SELECT la, collection_year, care_leaver_age, age_order, count(*) AS care_leavers,
           count(*) FILTER (WHERE has_oc3) AS with_oc3_record,
           CASE WHEN bool_and(basis = 'history') THEN 'history' WHEN bool_and(basis = 'OC3 record') THEN 'OC3 record'
                ELSE 'history and OC3 records' END AS basis
      FROM banded GROUP BY 1, 2, 3, 4),
  leafcount AS (
    SELECT la, collection_year, care_leaver_age, grp, leaf, count(*) AS n FROM banded GROUP BY 1, 2, 3, 4, 5),
  label AS (
    SELECT l.breakdown, l.kind, l.breakdown_order
      FROM (SELECT DISTINCT careleaver.activity_dfe_breakdown(c.code::careleaver.leaver_activity) AS breakdown,
                   'leaf' AS kind, min(c.list_order) OVER (PARTITION BY careleaver.activity_dfe_breakdown(c.code::careleaver.leaver_activity)) AS breakdown_order
              FROM careleaver.code_list c WHERE c.list_name = 'leaver_activity'
            UNION ALL
            SELECT * FROM (VALUES ('Total in education, employment or training', 'EET', 100),
                                  ('Total not in education, employment or training', 'NEET', 101),
                                  ('Total', 'Total', 102)) AS t(breakdown, kind, breakdown_order)) l)
SELECT g.la, g.collection_year, g.care_leaver_age, l.breakdown,
       coalesce(sum(c.n) FILTER (WHERE (l.kind = 'leaf' AND c.leaf = l.breakdown) OR l.kind = c.grp
                                    OR l.kind = 'Total'), 0)::bigint AS care_leaver_count,
       round(100.0 * coalesce(sum(c.n) FILTER (WHERE (l.kind = 'leaf' AND c.leaf = l.breakdown) OR l.kind = c.grp
                                                  OR l.kind = 'Total'), 0) / g.care_leavers, 6) AS care_leaver_percent,
       g.care_leavers, g.with_oc3_record, g.basis,
       format('%%s of %%s cohort members have an OC3 record', g.with_oc3_record, g.care_leavers) AS oc3_records,
       g.age_order, l.breakdown_order
  FROM grp g CROSS JOIN label l
  LEFT JOIN leafcount c ON c.la = g.la AND c.collection_year = g.collection_year AND c.care_leaver_age = g.care_leaver_age
 GROUP BY g.la, g.collection_year, g.care_leaver_age, g.age_order, g.care_leavers, g.with_oc3_record, g.basis,
          l.breakdown, l.kind, l.breakdown_order$q$, careleaver.reporting_common_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.care_leavers_activity_sql(text) IS
  'Internal: the SELECT of the reporting view care_leavers_activity over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.care_leavers_accommodation_suitability_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH %s,
  member AS (
    SELECT m.la, m.collection_year, m.age, m.basis, m.has_oc3,
           CASE WHEN o.suitable_accommodation THEN 'Accommodation considered suitable'
                WHEN o.unsuitable_accommodation THEN 'Accommodation considered unsuitable'
                WHEN o.no_information OR o.accommodation_not_known THEN 'No information'
                END AS leaf   -- NULL: neither suitable nor unsuitable (gone abroad, deported, residence not known)
      FROM leaver_member m
     CROSS JOIN LATERAL careleaver.leaver_outcome(m.in_touch, m.activ, m.accom) o
     WHERE m.age BETWEEN 17 AND 21 AND NOT coalesce(o.excluded, false)),
  banded AS (
    -- each member twice: in DfE's age band and at the single age (metrics.md 12)
    SELECT x.*, a.care_leaver_age, a.age_order
      FROM member x CROSS JOIN LATERAL careleaver.dfe_care_leaver_ages(x.age) a),
  grp AS (
    SELECT la, collection_year, care_leaver_age, age_order, count(*) FILTER (WHERE leaf IS NOT NULL) AS total,
           count(*) AS care_leavers, count(*) FILTER (WHERE has_oc3) AS with_oc3_record,
           CASE WHEN bool_and(basis = 'history') THEN 'history' WHEN bool_and(basis = 'OC3 record') THEN 'OC3 record'
                ELSE 'history and OC3 records' END AS basis,
           count(*) FILTER (WHERE leaf = 'Accommodation considered suitable') AS suitable,
           count(*) FILTER (WHERE leaf = 'Accommodation considered unsuitable') AS unsuitable,
           count(*) FILTER (WHERE leaf = 'No information') AS no_information
      FROM banded GROUP BY 1, 2, 3, 4)
SELECT g.la, g.collection_year, g.care_leaver_age, l.breakdown, l.n AS care_leaver_count,
       CASE WHEN g.total > 0 THEN round(100.0 * l.n / g.total, 6) END AS care_leaver_percent,
       g.care_leavers, g.with_oc3_record, g.basis,
       format('%%s of %%s cohort members have an OC3 record', g.with_oc3_record, g.care_leavers) AS oc3_records,
       g.age_order, l.breakdown_order
  FROM grp g
 CROSS JOIN LATERAL (VALUES ('Accommodation considered suitable', g.suitable, 1),
                            ('Accommodation considered unsuitable', g.unsuitable, 2),
                            ('No information', g.no_information, 3),
                            ('Suitability total', g.total, 4)) AS l(breakdown, n, breakdown_order)$q$, careleaver.reporting_common_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.care_leavers_accommodation_suitability_sql(text) IS
  'Internal: the SELECT of the reporting view care_leavers_accommodation_suitability over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.care_leavers_activity_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  -- DfE's age bands only (single ages are published by care_leavers_by_age_published).  A band is hidden
  -- whole when care_leavers_by_age_published hides a cell of one of its ages that the band adds up, so
  -- that no band figure less published single-age figures reveals a hidden one; within a band the leaves
  -- are one row whose total is the care leavers, and a subtotal is hidden when any of its leaves is.
  RETURN format($q$
WITH b AS (%1$s),
  small_age AS (%2$s),
  band AS (
    SELECT b.* FROM b WHERE b.care_leaver_age IN ('17 to 18 years', '19 to 21 years')),
  leaves AS (
    SELECT la, collection_year, care_leaver_age, array_agg(breakdown ORDER BY breakdown_order) AS labels,
           array_agg(care_leaver_count ORDER BY breakdown_order) AS cells
      FROM band WHERE breakdown NOT LIKE 'Total%%' OR breakdown = 'Total information not known'
     GROUP BY 1, 2, 3),
  shown AS (
    SELECT l.la, l.collection_year, l.care_leaver_age, u.label, u.shown,
           careleaver.publish_row_total(l.cells) AS total_shown
      FROM leaves l CROSS JOIN LATERAL unnest(l.labels, careleaver.suppress_row(l.cells)) AS u(label, shown)),
  grouped AS (
    SELECT s.la, s.collection_year, s.care_leaver_age, s.total_shown,
           bool_or(s.shown = 'c' AND s.label IN (SELECT careleaver.activity_dfe_breakdown(c.code::careleaver.leaver_activity)
                                                  FROM careleaver.code_list c
                                                 WHERE c.list_name = 'leaver_activity'
                                                   AND careleaver.activity_group(c.code::careleaver.leaver_activity) = 'EET'))
             AS eet_hidden,
           bool_or(s.shown = 'c' AND s.label IN (SELECT careleaver.activity_dfe_breakdown(c.code::careleaver.leaver_activity)
                                                  FROM careleaver.code_list c
                                                 WHERE c.list_name = 'leaver_activity'
                                                   AND careleaver.activity_group(c.code::careleaver.leaver_activity) = 'NEET'))
             AS neet_hidden
      FROM shown s GROUP BY 1, 2, 3, 4)
SELECT band.la, band.collection_year, band.care_leaver_age, band.breakdown,
       CASE WHEN coalesce(sa.any_small, false) THEN 'c'
            WHEN band.breakdown = 'Total' THEN g.total_shown
            WHEN band.breakdown = 'Total in education, employment or training'
              THEN CASE WHEN g.eet_hidden THEN 'c' ELSE careleaver.publish_count(band.care_leaver_count) END
            WHEN band.breakdown = 'Total not in education, employment or training'
              THEN CASE WHEN g.neet_hidden THEN 'c' ELSE careleaver.publish_count(band.care_leaver_count) END
            ELSE s.shown END AS care_leaver_count,
       CASE WHEN coalesce(sa.any_small, false) OR g.total_shown = 'c' THEN 'c'
            WHEN band.with_oc3_record = 0 THEN 'x'
            WHEN (band.breakdown = 'Total in education, employment or training' AND g.eet_hidden)
              OR (band.breakdown = 'Total not in education, employment or training' AND g.neet_hidden)
              OR s.shown = 'c' THEN 'c'
            ELSE careleaver.publish_percent(band.care_leaver_count, band.care_leavers) END AS care_leaver_percent,
       band.basis,
       CASE WHEN coalesce(sa.any_small, false) OR g.total_shown = 'c' THEN 'c of c cohort members have an OC3 record'
            ELSE format('%%s of %%s cohort members have an OC3 record',
                        careleaver.publish_count(band.with_oc3_record), careleaver.publish_count(band.care_leavers)) END
         AS oc3_records,
       band.breakdown_order
  FROM band
  JOIN grouped g USING (la, collection_year, care_leaver_age)
  LEFT JOIN shown s ON s.la = band.la AND s.collection_year = band.collection_year
                   AND s.care_leaver_age = band.care_leaver_age AND s.label = band.breakdown
  LEFT JOIN small_age sa ON sa.la = band.la AND sa.collection_year = band.collection_year
                        AND sa.care_leaver_age = band.care_leaver_age$q$,
    careleaver.care_leavers_activity_sql(schema_name),
    careleaver.dfe_band_hidden_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.care_leavers_activity_published_sql(text) IS
  'Internal: the SELECT of the reporting view care_leavers_activity_published over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.care_leavers_accommodation_suitability_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  -- DfE's age bands only, hidden whole as in care_leavers_activity_published
  RETURN format($q$
WITH b AS (%1$s),
  small_age AS (%2$s),
  leaves AS (
    SELECT la, collection_year, care_leaver_age, min(with_oc3_record) AS with_oc3_record,
           min(care_leavers) AS care_leavers, min(basis) AS basis,
           array_agg(care_leaver_count ORDER BY breakdown_order) FILTER (WHERE breakdown_order <= 3) AS cells
      FROM b WHERE care_leaver_age IN ('17 to 18 years', '19 to 21 years') GROUP BY 1, 2, 3),
  p AS (
    SELECT l.*, careleaver.suppress_row(l.cells) AS shown, careleaver.publish_row_total(l.cells) AS total_shown,
           coalesce(sa.any_small, false) AS any_small
      FROM leaves l LEFT JOIN small_age sa USING (la, collection_year, care_leaver_age))
SELECT p.la, p.collection_year, p.care_leaver_age, v.breakdown,
       CASE WHEN p.any_small THEN 'c' ELSE v.shown END AS care_leaver_count,
       CASE WHEN p.any_small OR p.total_shown = 'c' OR v.shown = 'c' THEN 'c'
            WHEN p.with_oc3_record = 0 THEN 'x'
            ELSE careleaver.publish_percent(v.n, p.cells[1] + p.cells[2] + p.cells[3]) END AS care_leaver_percent,
       p.basis,
       CASE WHEN p.any_small OR p.total_shown = 'c' THEN 'c of c cohort members have an OC3 record'
            ELSE format('%%s of %%s cohort members have an OC3 record',
                        careleaver.publish_count(p.with_oc3_record), careleaver.publish_count(p.care_leavers)) END
         AS oc3_records,
       v.breakdown_order
  FROM p
 CROSS JOIN LATERAL (VALUES ('Accommodation considered suitable', p.shown[1], p.cells[1], 1),
                            ('Accommodation considered unsuitable', p.shown[2], p.cells[2], 2),
                            ('No information', p.shown[3], p.cells[3], 3),
                            ('Suitability total', p.total_shown, p.cells[1] + p.cells[2] + p.cells[3], 4))
       AS v(breakdown, shown, n, breakdown_order)$q$,
    careleaver.care_leavers_accommodation_suitability_sql(schema_name),
    careleaver.dfe_band_hidden_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.care_leavers_accommodation_suitability_published_sql(text) IS
  'Internal: the SELECT of the reporting view care_leavers_accommodation_suitability_published over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.data_quality_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH %1$s,
  defect AS (
    SELECT p.la, careleaver.collection_year_of(d.decom) AS collection_year, d.defect
      FROM person p CROSS JOIN LATERAL careleaver.history_defects(p.history) d
    UNION ALL
    SELECT p.la, careleaver.collection_year_of(careleaver.first_entry(p.history)),
           'no_header_or_date_of_birth'
      FROM person p WHERE p.dob IS NULL
    UNION ALL
    SELECT o.la, o.year, 'oc3_without_in_touch'
      FROM %2$I.oc3 o WHERE o.in_touch IS NULL
    UNION ALL
    -- an OC3 record the history (complete from the 14th birthday) does not put in the cohort
    SELECT j.la, j.collection_year, 'oc3_outside_cohort'
      FROM leaver_judged j
     WHERE j.has_oc3 AND j.history_age IS NULL
       AND NOT (j.history_truncated AND coalesce(j.record_age BETWEEN 17 AND 24, false))
    %3$s)
-- a defect dated outside the covered years is reported against the nearest covered year (the return holding it)
SELECT f.la, least(greatest(f.collection_year, d.first_year), d.last_year) AS collection_year, f.defect,
       count(*) AS records
  FROM defect f JOIN data_end d USING (la)
 GROUP BY 1, 2, 3$q$, careleaver.reporting_common_sql(schema_name), schema_name,
    CASE WHEN to_regclass(format('%I.rejects', schema_name)) IS NULL THEN ''
       ELSE format('UNION ALL SELECT r.la, r.year, ''rejected_by_loader: '' || r.reason FROM %I.rejects r',
                   schema_name) END);
END
$fn$;
COMMENT ON FUNCTION careleaver.data_quality_sql(text) IS
  'Internal: the SELECT of the reporting view data_quality over the dataset in schema_name (careleaver.report_views)';

-- The registered reporting views (doc/reporting.md).  A row is written as an upsert so that the update
-- script refreshes it (extension/gen_update.py).
INSERT INTO careleaver.report_views (view_name, position, published, base_view, builder, description) VALUES
  ('care_leavers_by_age', 10, false, NULL, 'care_leavers_by_age_sql',
   'Care leavers by age and collection year: the cohort of metrics.md 5 (careleaver.leaver_cohort_age) with contact, activity and accommodation from their OC3 records'),
  ('care_leavers_by_age_published', 20, true, 'care_leavers_by_age', 'care_leavers_by_age_published_sql',
   'care_leavers_by_age as a council would publish it: primary and secondary suppression in each row, percentages of suppressed cells hidden (metrics.md 5 and 9)'),
  ('care_leavers_by_category', 30, false, NULL, 'care_leavers_by_category_sql',
   'Care leavers by accommodation type and by activity, per age group, in the DfE table shapes (metrics.md 5)'),
  ('care_leavers_by_category_published', 40, true, 'care_leavers_by_category', 'care_leavers_by_category_published_sql',
   'care_leavers_by_category with disclosure control: each breakdown is one row whose total is the care leavers of the age group; no information is hidden in both breakdowns or neither (metrics.md 9)'),
  ('looked_after_summary', 50, false, NULL, 'looked_after_summary_sql',
   'Children looked after on 31 March, periods of care started and ended in the year, and how they ended (metrics.md 1 to 3 and 6)'),
  ('looked_after_summary_published', 60, true, 'looked_after_summary', 'looked_after_summary_published_sql',
   'looked_after_summary with disclosure control; the endings are one row whose total is the periods ended (metrics.md 9)'),
  ('placement_stability', 70, false, NULL, 'placement_stability_sql',
   'The three DfE placement stability measures (careleaver.stability, metrics.md 7): short-term, two-year and long-term'),
  ('placement_stability_published', 80, true, 'placement_stability', 'placement_stability_published_sql',
   'placement_stability with disclosure control (metrics.md 7 and 9)'),
  ('return_home_by_duration', 90, false, NULL, 'return_home_by_duration_sql',
   'Cumulative incidence of a return home by days since entry, per entry cohort, other exits competing (metrics.md 6 and 8)'),
  ('return_home_by_duration_published', 100, true, 'return_home_by_duration', 'return_home_by_duration_published_sql',
   'return_home_by_duration with disclosure control: the cumulative counts go through publish_cumulative and a percentage is hidden with its count (metrics.md 9)'),
  ('looked_after_by_characteristic', 110, false, NULL, 'looked_after_by_characteristic_sql',
   'Children looked after on 31 March by legal status group, placement group, age and sex (metrics.md 1 and 2)'),
  ('looked_after_by_characteristic_published', 120, true, 'looked_after_by_characteristic', 'looked_after_by_characteristic_published_sql',
   'looked_after_by_characteristic with disclosure control: each breakdown is one row whose total is the children looked after (metrics.md 9)'),
  ('returns_home_reentry', 130, false, NULL, 'returns_home_reentry_sql',
   'Returns home in the year and re-entry into care within 12 months, with the follow-ups still incomplete (careleaver.returns_home, metrics.md 6)'),
  ('returns_home_reentry_published', 140, true, 'returns_home_reentry', 'returns_home_reentry_published_sql',
   'returns_home_reentry with disclosure control (metrics.md 6 and 9)'),
  ('time_to_return_home', 150, false, NULL, 'time_to_return_home_sql',
   'Kaplan-Meier median days to a return home per entry cohort, with its 95% interval (careleaver.km_agg, metrics.md 6 and 8)'),
  ('time_to_return_home_published', 160, true, 'time_to_return_home', 'time_to_return_home_published_sql',
   'time_to_return_home with disclosure control: the median is hidden with a suppressed count, x when not reached (metrics.md 9)'),
  ('national_framework', 170, false, NULL, 'national_framework_sql',
   'The indicators of DfE''s Children''s Social Care Dashboard computable from SSDA903, by Dashboard number and in DfE''s wording, with rows that read x for those needing data not yet held and three extra rows, with the year-on-year change (careleaver.dashboard_indicators, metrics.md 12)'),
  ('national_framework_published', 180, true, 'national_framework', 'national_framework_published_sql',
   'national_framework as published: whole-number percentages and rates per 10,000 as DfE publishes them, under disclosure control; changes only between published figures (metrics.md 9 and 12)'),
  ('exits_by_route', 190, false, NULL, 'exits_by_route_sql',
   'Cumulative incidence of every exit route (returned home, adopted, special guardianship, child arrangements order, turned 18, other) by days since entry, per entry cohort, the routes competing, with 95% intervals (careleaver.exits, cif_agg, metrics.md 6 and 8)'),
  ('exits_by_route_published', 200, true, 'exits_by_route', 'exits_by_route_published_sql',
   'exits_by_route with disclosure control: each route''s cumulative exits by day go through publish_cumulative beside the cohort, and the incidence and its interval are hidden with their count (metrics.md 9)'),
  ('starts_and_ceases_by_reason', 210, false, NULL, 'starts_and_ceases_by_reason_sql',
   'Periods of care started in the year by legal status group and category of need, and periods ended in the year by reason group and REC code, short breaks left out (metrics.md 2 and 3)'),
  ('starts_and_ceases_by_reason_published', 220, true, 'starts_and_ceases_by_reason', 'starts_and_ceases_by_reason_published_sql',
   'starts_and_ceases_by_reason with disclosure control: each breakdown is one row whose total is the periods started or ended, and the REC codes of each reason group are a row whose total is the group (all hidden when the group is) (metrics.md 9)'),
  ('data_quality', 230, false, NULL, 'data_quality_sql',
   'Defects found in the episodes and OC3 records, per council, collection year and defect'),
  ('coverage', 240, false, NULL, 'coverage_view_sql',
   'What each council''s figures are published for: its first and last return, and for each measure the years it is published for and why not (metrics.md 11)'),
  ('care_leavers_activity', 250, false, NULL, 'care_leavers_activity_sql',
   'Care leavers'' activity in DfE''s table shape and labels (la_care_leavers_activity), by DfE''s age bands 17 to 18 and 19 to 21 and by single age; unrounded percentages (metrics.md 5 and 12)'),
  ('care_leavers_activity_published', 260, true, 'care_leavers_activity', 'care_leavers_activity_published_sql',
   'care_leavers_activity as DfE publishes it: age bands only, whole-number percentages, disclosure control (a band hidden whole when a single age of it has a small cell) (metrics.md 9 and 12)'),
  ('care_leavers_accommodation_suitability', 270, false, NULL, 'care_leavers_accommodation_suitability_sql',
   'Care leavers'' accommodation suitability in DfE''s table shape and labels (la_care_leavers_accommodation_suitability): the suitability total leaves out young people gone abroad, deported or whose residence is not known (metrics.md 5 and 12)'),
  ('care_leavers_accommodation_suitability_published', 280, true, 'care_leavers_accommodation_suitability', 'care_leavers_accommodation_suitability_published_sql',
   'care_leavers_accommodation_suitability as DfE publishes it: age bands only, whole-number percentages, disclosure control (metrics.md 9 and 12)')

ON CONFLICT (view_name) DO UPDATE SET position = EXCLUDED.position, published = EXCLUDED.published,
  base_view = EXCLUDED.base_view, builder = EXCLUDED.builder, description = EXCLUDED.description;

INSERT INTO careleaver.report_view_columns (view_name, column_name, position, description) VALUES
  ('care_leavers_accommodation_suitability', 'la', 1, 'Local authority code'),
  ('care_leavers_accommodation_suitability', 'collection_year', 2, 'Collection year, named by the year it ends (DfE time_period; metrics.md 1)'),
  ('care_leavers_accommodation_suitability', 'care_leaver_age', 3, 'DfE''s age band, 17 to 18 years or 19 to 21 years, or a single age (base view only), by the age reached on the birthday in the year (metrics.md 5 and 12)'),
  ('care_leavers_accommodation_suitability', 'breakdown', 4, 'DfE''s breakdown label, exactly as in DfE''s published la_care_leavers_activity.csv and la_care_leavers_accommodation_suitability.csv (metrics.md 12)'),
  ('care_leavers_accommodation_suitability', 'care_leaver_count', 5, 'Care leavers in the breakdown: the cohort less those who died or returned home (metrics.md 5 and 12; published: metrics.md 9)'),
  ('care_leavers_accommodation_suitability', 'care_leaver_percent', 6, 'Percentage of the total (activity: all care leavers of the band; suitability: the suitability total, which leaves out young people gone abroad, deported or whose residence is not known); unrounded in the base view, a whole number as DfE publishes it in the published one (metrics.md 12)'),
  ('care_leavers_accommodation_suitability', 'care_leavers', 7, 'Care leavers of the band: the cohort less those who died or returned home (metrics.md 5)'),
  ('care_leavers_accommodation_suitability', 'with_oc3_record', 8, 'Of them, with an OC3 record for the year (metrics.md 5 and 11)'),
  ('care_leavers_accommodation_suitability', 'basis', 9, 'What put the band''s members in the cohort: history, OC3 record, or history and OC3 records (metrics.md 11)'),
  ('care_leavers_accommodation_suitability', 'oc3_records', 10, '"n of m cohort members have an OC3 record"; when n is 0 the percentages are x, not available (metrics.md 5 and 9)'),
  ('care_leavers_accommodation_suitability', 'age_order', 11, 'Sort key of care_leaver_age: 1 and 2 for the bands, the age for single ages (metrics.md 12)'),
  ('care_leavers_accommodation_suitability', 'breakdown_order', 12, 'Sort key of breakdown, not a figure (metrics.md 12)'),
  ('care_leavers_activity', 'la', 1, 'Local authority code'),
  ('care_leavers_activity', 'collection_year', 2, 'Collection year, named by the year it ends (DfE time_period; metrics.md 1)'),
  ('care_leavers_activity', 'care_leaver_age', 3, 'DfE''s age band, 17 to 18 years or 19 to 21 years, or a single age (base view only), by the age reached on the birthday in the year (metrics.md 5 and 12)'),
  ('care_leavers_activity', 'breakdown', 4, 'DfE''s breakdown label, exactly as in DfE''s published la_care_leavers_activity.csv and la_care_leavers_accommodation_suitability.csv (metrics.md 12)'),
  ('care_leavers_activity', 'care_leaver_count', 5, 'Care leavers in the breakdown: the cohort less those who died or returned home (metrics.md 5 and 12; published: metrics.md 9)'),
  ('care_leavers_activity', 'care_leaver_percent', 6, 'Percentage of the total (activity: all care leavers of the band; suitability: the suitability total, which leaves out young people gone abroad, deported or whose residence is not known); unrounded in the base view, a whole number as DfE publishes it in the published one (metrics.md 12)'),
  ('care_leavers_activity', 'care_leavers', 7, 'Care leavers of the band: the cohort less those who died or returned home (metrics.md 5)'),
  ('care_leavers_activity', 'with_oc3_record', 8, 'Of them, with an OC3 record for the year (metrics.md 5 and 11)'),
  ('care_leavers_activity', 'basis', 9, 'What put the band''s members in the cohort: history, OC3 record, or history and OC3 records (metrics.md 11)'),
  ('care_leavers_activity', 'oc3_records', 10, '"n of m cohort members have an OC3 record"; when n is 0 the percentages are x, not available (metrics.md 5 and 9)'),
  ('care_leavers_activity', 'age_order', 11, 'Sort key of care_leaver_age: 1 and 2 for the bands, the age for single ages (metrics.md 12)'),
  ('care_leavers_activity', 'breakdown_order', 12, 'Sort key of breakdown, not a figure (metrics.md 12)'),
  ('care_leavers_by_age', 'la', 1, 'Local authority code'),
  ('care_leavers_by_age', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('care_leavers_by_age', 'age', 3, 'Age reached on the birthday in the collection year: 17 to 21, and 22 to 24 where OC3 records exist (metrics.md 5)'),
  ('care_leavers_by_age', 'cohort', 4, 'Young people in the care-leaver cohort: status relevant or former relevant on the birthday in the year (careleaver.in_leaver_cohort, metrics.md 4 and 5)'),
  ('care_leavers_by_age', 'excluded', 5, 'Cohort members excluded from outcome denominators: IN_TOUCH DIED or RHOM (metrics.md 5)'),
  ('care_leavers_by_age', 'care_leavers', 6, 'Care leavers: the cohort less exclusions, the denominator of every percentage, no-information members included (metrics.md 5)'),
  ('care_leavers_by_age', 'in_touch', 7, 'IN_TOUCH YES: the authority is in touch (metrics.md 5)'),
  ('care_leavers_by_age', 'not_in_touch', 8, 'IN_TOUCH NO (metrics.md 5)'),
  ('care_leavers_by_age', 'refused_contact', 9, 'IN_TOUCH REFU: the young person refuses contact (metrics.md 5)'),
  ('care_leavers_by_age', 'no_longer_requires_services', 10, 'IN_TOUCH NREQ (metrics.md 5)'),
  ('care_leavers_by_age', 'contact_not_recorded', 11, 'An OC3 record without IN_TOUCH (metrics.md 5: never silently dropped)'),
  ('care_leavers_by_age', 'no_information', 12, 'Cohort members with no OC3 record for the year: no information (metrics.md 5)'),
  ('care_leavers_by_age', 'eet', 13, 'In education, employment or training: ACTIV F1-F5, P1-P5 (metrics.md 5)'),
  ('care_leavers_by_age', 'neet', 14, 'Not in education, employment or training: ACTIV G4, G5, G6 (metrics.md 5)'),
  ('care_leavers_by_age', 'activity_not_known', 15, 'Activity not known: ACTIV 0 or blank on a record (metrics.md 5)'),
  ('care_leavers_by_age', 'higher_education', 16, 'In higher education: ACTIV F1, P1 (metrics.md 5)'),
  ('care_leavers_by_age', 'apprenticeship', 17, 'In an apprenticeship: ACTIV F4, P4 (metrics.md 5)'),
  ('care_leavers_by_age', 'suitable', 18, 'In suitable accommodation: ACCOM suffix 1 (metrics.md 5)'),
  ('care_leavers_by_age', 'unsuitable', 19, 'In unsuitable accommodation: ACCOM suffix 2 (metrics.md 5)'),
  ('care_leavers_by_age', 'accommodation_not_known', 20, 'Accommodation not known: ACCOM 0 or blank on a record (metrics.md 5)'),
  ('care_leavers_by_age', 'homeless_or_insecure', 21, 'Homeless or insecure: ACCOM S, V or W (our choice, metrics.md 5)'),
  ('care_leavers_by_age', 'in_touch_percent', 22, 'Percentage of care leavers in touch (metrics.md 5; disclosure control, metrics.md 9)'),
  ('care_leavers_by_age', 'eet_percent', 23, 'Percentage of care leavers in education, employment or training (metrics.md 5 and 9)'),
  ('care_leavers_by_age', 'neet_percent', 24, 'Percentage of care leavers not in education, employment or training (metrics.md 5 and 9)'),
  ('care_leavers_by_age', 'suitable_percent', 25, 'Percentage of care leavers in suitable accommodation (metrics.md 5 and 9)'),
  ('care_leavers_by_age', 'with_oc3_record', 26, 'Cohort members with an OC3 record for the year (published: of the care leavers, the denominator) (metrics.md 5 and 11)'),
  ('care_leavers_by_age', 'members_by_history', 27, 'Cohort members put in the cohort by their care history, which reaches their 14th birthday (metrics.md 5 and 11)'),
  ('care_leavers_by_age', 'members_by_oc3_record', 28, 'Cohort members whose loaded history does not reach their 14th birthday, in the cohort by the council''s own OC3 record of the year (metrics.md 11)'),
  ('care_leavers_by_age', 'basis', 29, 'What put the row''s members in the cohort: history, OC3 record, or history and OC3 records (metrics.md 11)'),
  ('care_leavers_by_age', 'oc3_records', 30, '"n of m cohort members have an OC3 record"; when n is 0 the percentages are x, not available (metrics.md 5 and 9)'),
  ('care_leavers_by_category', 'la', 1, 'Local authority code'),
  ('care_leavers_by_category', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('care_leavers_by_category', 'age_group', 3, 'Age reached on the birthday in the year: 17 to 18, 19 to 21, 22 to 24 (metrics.md 5)'),
  ('care_leavers_by_category', 'breakdown', 4, 'accommodation type (the DfE category of ACCOM) or activity (the ACTIV code) (metrics.md 5)'),
  ('care_leavers_by_category', 'category', 5, 'The accommodation category or activity label; not known for 0 or blank; no information for cohort members without an OC3 record (metrics.md 5)'),
  ('care_leavers_by_category', 'young_people', 6, 'Care leavers of the cohort, exclusions (DIED, RHOM) left out, in the category (metrics.md 5)'),
  ('care_leavers_by_category', 'care_leavers', 7, 'The care leavers of the age group: the total of each breakdown as published (metrics.md 5 and 9)'),
  ('coverage', 'la', 1, 'Local authority code'),
  ('coverage', 'first_return', 2, 'First covered collection year: the council''s first loaded (or generated) return (metrics.md 11)'),
  ('coverage', 'last_return', 3, 'Last covered collection year (metrics.md 11)'),
  ('coverage', 'covered_years', 4, 'Every covered collection year, from the dataset''s returns table (metrics.md 11)'),
  ('coverage', 'coverage_basis', 5, 'loaded returns, generated years (generate_synthetic), or the data (no returns recorded: the years of the council''s own data are assumed complete) (metrics.md 11)'),
  ('coverage', 'measure', 6, 'The measure (careleaver.coverage_measures, metrics.md 11)'),
  ('coverage', 'view_name', 7, 'The reporting view that publishes it (metrics.md 11)'),
  ('coverage', 'first_year', 8, 'First collection year the measure is published for (metrics.md 11)'),
  ('coverage', 'last_year', 9, 'Last collection year the measure is published for (metrics.md 11)'),
  ('coverage', 'published_years', 10, 'The collection years the measure is published for, or none (metrics.md 11)'),
  ('coverage', 'not_published', 11, 'The covered years it is not published for, each with the return it needs (metrics.md 11)'),
  ('coverage', 'needs', 12, 'What the measure needs beyond the year''s own return (careleaver.coverage_measures, metrics.md 11)'),
  ('data_quality', 'la', 1, 'Local authority code'),
  ('data_quality', 'collection_year', 2, 'Collection year of the episode start or of the OC3 return'),
  ('data_quality', 'defect', 3, 'The defect: those of careleaver.history_defects (metrics.md 3; doc/history.md), no_header_or_date_of_birth, oc3_without_in_touch, oc3_outside_cohort (an OC3 record of someone the history, complete from the 14th birthday, does not put in the cohort; metrics.md 11), and rejected_by_loader: <reason> for each bad value the loader skipped (the rejects table); a defect dated outside the covered years is counted in the nearest covered year'),
  ('data_quality', 'records', 4, 'Number of records with the defect'),
  ('exits_by_route', 'la', 1, 'Local authority code'),
  ('exits_by_route', 'entry_year', 2, 'Collection year in which the periods of care started (the entry cohort, metrics.md 6)'),
  ('exits_by_route', 'day', 3, 'Days since the start of the period of care: 91, 182, 365, 730 (metrics.md 6 and 8)'),
  ('exits_by_route', 'route', 4, 'The exit route of careleaver.exits: returned home (E4A, E4B), adopted (E11, E12), special guardianship (E43 to E48), child arrangements order (E41), turned 18 (any other exit on or after the 18th birthday), other (any other exit, unknown reasons included) (metrics.md 6)'),
  ('exits_by_route', 'periods_started', 5, 'Periods of care in the entry cohort (metrics.md 3)'),
  ('exits_by_route', 'exits_by_day', 6, 'Of them, periods that ended by this route by this day (metrics.md 6)'),
  ('exits_by_route', 'cumulative_incidence', 7, 'Aalen-Johansen cumulative incidence of an exit by this route by this day (careleaver.cif_agg / cif_at), the other routes competing, open periods censored; NULL past the longest follow-up (metrics.md 8)'),
  ('exits_by_route', 'lower95', 8, 'Lower 95% limit of the cumulative incidence (careleaver.cif_table at the last event time up to the day; Gray''s variance, log(-log)); NULL when the incidence is 0 or not available (metrics.md 8)'),
  ('exits_by_route', 'upper95', 9, 'Upper 95% limit of the cumulative incidence (metrics.md 8)'),
  ('exits_by_route', 'cumulative_incidence_percent', 10, 'The cumulative incidence as a whole percentage, hidden with its count (metrics.md 8 and 9)'),
  ('exits_by_route', 'lower95_percent', 11, 'The lower 95% limit as a whole percentage, hidden with its count (metrics.md 8 and 9)'),
  ('exits_by_route', 'upper95_percent', 12, 'The upper 95% limit as a whole percentage, hidden with its count (metrics.md 8 and 9)'),
  ('looked_after_by_characteristic', 'la', 1, 'Local authority code'),
  ('looked_after_by_characteristic', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('looked_after_by_characteristic', 'breakdown', 3, 'legal status (DfE group of LS), placement (DfE group of PLACE), age on 31 March, or sex (metrics.md 1 and 2)'),
  ('looked_after_by_characteristic', 'category', 4, 'The group within the breakdown (DfE groups, careleaver.legal_status_group and placement_group); not recorded when the code is missing (metrics.md 1)'),
  ('looked_after_by_characteristic', 'children', 5, 'Children looked after on 31 March in the group, by their episode open on that day, short breaks left out (metrics.md 1 and 2)'),
  ('looked_after_by_characteristic', 'looked_after_31_march', 6, 'Children looked after on 31 March: the row total of the breakdown as published (metrics.md 9)'),
  ('looked_after_summary', 'la', 1, 'Local authority code'),
  ('looked_after_summary', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('looked_after_summary', 'looked_after_31_march', 3, 'Children looked after on 31 March, short breaks left out (metrics.md 1 and 2)'),
  ('looked_after_summary', 'periods_started', 4, 'Periods of care that started in the year (metrics.md 3)'),
  ('looked_after_summary', 'periods_ended', 5, 'Periods of care that ended in the year (metrics.md 3)'),
  ('looked_after_summary', 'returned_home', 6, 'Periods that ended with a return home, REC E4A or E4B (metrics.md 6)'),
  ('looked_after_summary', 'adopted', 7, 'Periods that ended in adoption, REC E11 or E12 (metrics.md 3)'),
  ('looked_after_summary', 'special_guardianship', 8, 'Periods that ended with a special guardianship order, REC E43 to E48 (metrics.md 3)'),
  ('looked_after_summary', 'other_endings', 9, 'Periods that ended for any other reason, or with no reason (metrics.md 3)'),
  ('looked_after_summary', 'child_population', 10, 'Children aged 0 to 17 in the council from the dataset''s population table; NULL when it is not loaded (metrics.md 1)'),
  ('looked_after_summary', 'rate_per_10000', 11, 'Children looked after on 31 March per 10,000 children aged 0 to 17; published x when no population is loaded (metrics.md 1 and 9)'),
  ('national_framework', 'la', 1, 'Local authority code'),
  ('national_framework', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('national_framework', 'ordinal', 3, 'Position of the row: the Dashboard indicators in DfE''s order, then the extra rows (careleaver.dashboard_indicators, metrics.md 12)'),
  ('national_framework', 'dashboard_no', 4, 'The indicator''s number in DfE''s Children''s Social Care Dashboard; NULL for the extra rows (in touch, long-term stability, re-entry), which are not Dashboard indicators (metrics.md 12)'),
  ('national_framework', 'outcome', 5, 'The National Framework outcome or enabler the Dashboard files the indicator under (metrics.md 12)'),
  ('national_framework', 'indicator', 6, 'The indicator in DfE''s wording; the extra rows in ours (metrics.md 12)'),
  ('national_framework', 'unit', 7, 'per 10,000 children (rates: the ONS population aged 0 to 17), percent, months or score (metrics.md 12)'),
  ('national_framework', 'source', 8, 'The metrics.md section that defines it'),
  ('national_framework', 'numerator', 9, 'Children, care leavers or returns counted by the indicator (metrics.md 12)'),
  ('national_framework', 'denominator', 10, 'Its denominator: the children, care leavers or returns of the percentage, or the child population aged 0 to 17 of a rate; NULL when no population is loaded (metrics.md 12)'),
  ('national_framework', 'value', 11, 'The rate per 10,000 or percentage, unrounded; NULL when not available or not applicable (see not_available_reason). Published: whole numbers as DfE publishes them, with disclosure control, x when not available, z when not applicable (metrics.md 9 and 12)'),
  ('national_framework', 'previous_value', 12, 'The value of the previous collection year; published: x when that year is not covered or not available (metrics.md 12)'),
  ('national_framework', 'change', 13, 'value less previous_value; published: the difference of two published whole numbers, c when either is suppressed, x when either is not available (metrics.md 9 and 12)'),
  ('national_framework', 'not_available_reason', 14, 'Why the value is not available (x) or not applicable (z): data not yet held, no population loaded, incomplete follow-ups, an empty denominator; NULL when the value is given (metrics.md 12)'),
  ('placement_stability', 'la', 1, 'Local authority code'),
  ('placement_stability', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('placement_stability', 'looked_after_31_march', 3, 'Children looked after on 31 March, short breaks left out (metrics.md 7)'),
  ('placement_stability', 'three_or_more_placements', 4, 'Of them, children with three or more placements overlapping the year: the DfE short-term stability measure (metrics.md 7; placements as metrics.md 3, temporary placements not counted)'),
  ('placement_stability', 'fewer_than_three_placements', 5, 'Of them, children with one or two placements in the year (metrics.md 7)'),
  ('placement_stability', 'three_or_more_placements_percent', 6, 'Percentage with three or more placements, one decimal place (metrics.md 7 and 9)'),
  ('placement_stability', 'two_year_children', 7, 'Children looked after on 31 March whose care began two years or more before: the two-year measure''s denominator (metrics.md 7)'),
  ('placement_stability', 'two_year_three_or_more', 8, 'Of them, three or more placements in the two years (metrics.md 7)'),
  ('placement_stability', 'two_year_three_or_more_percent', 9, 'Percentage of the two-year measure (metrics.md 7 and 9)'),
  ('placement_stability', 'long_term_children', 10, 'Children under 16 on 31 March looked after 2.5 years or more: the long-term measure''s denominator (metrics.md 7)'),
  ('placement_stability', 'long_term_stable', 11, 'Of them, with the same carer for two years or more (metrics.md 7)'),
  ('placement_stability', 'long_term_stable_percent', 12, 'Percentage of the long-term measure (metrics.md 7 and 9)'),
  ('placement_stability', 'two_year_basis', 13, 'history when the returns cover the year before (the two-year measure needs it), else why it is not available: NULL counts, published x (metrics.md 7 and 11)'),
  ('placement_stability', 'long_term_basis', 14, 'history when the returns cover the two years before (the long-term measure needs them), else why it is not available (metrics.md 7 and 11)'),
  ('return_home_by_duration', 'la', 1, 'Local authority code'),
  ('return_home_by_duration', 'entry_year', 2, 'Collection year in which the periods of care started (the entry cohort, metrics.md 6)'),
  ('return_home_by_duration', 'day', 3, 'Days since the start of the period of care: 30, 91, 182, 365, 547, 730 (metrics.md 6)'),
  ('return_home_by_duration', 'periods_started', 4, 'Periods of care in the entry cohort (metrics.md 3)'),
  ('return_home_by_duration', 'returned_home_by_day', 5, 'Of them, periods that ended with a return home (E4A, E4B) by this day (metrics.md 6)'),
  ('return_home_by_duration', 'censored_before_day', 6, 'Of them, periods still open at the data''s end before this day: censored (metrics.md 6)'),
  ('return_home_by_duration', 'cumulative_incidence', 7, 'Aalen-Johansen cumulative incidence of a return home by this day (careleaver.cif_agg / cif_at), other exits competing, open periods censored; NULL past the longest follow-up (metrics.md 6 and 8)'),
  ('return_home_by_duration', 'cumulative_incidence_percent', 8, 'The cumulative incidence as a whole percentage (metrics.md 6, 8 and 9)'),
  ('returns_home_reentry', 'la', 1, 'Local authority code'),
  ('returns_home_reentry', 'collection_year', 2, 'Collection year of the return home (metrics.md 6)'),
  ('returns_home_reentry', 'returned_home', 3, 'Periods of care that ended with a return home, E4A or E4B (careleaver.returns_home, metrics.md 6)'),
  ('returns_home_reentry', 'reentered_within_12_months', 4, 'Of them, followed by a new period of care within 12 months (metrics.md 6)'),
  ('returns_home_reentry', 'not_reentered', 5, 'Of them, not re-entered within a complete 12-month follow-up (metrics.md 6)'),
  ('returns_home_reentry', 'follow_up_incomplete', 6, 'Of them, censored: the 12-month window passes the data''s end (careleaver.reentered_within is NULL), never counted as not re-entered (metrics.md 6)'),
  ('returns_home_reentry', 'reentry_percent', 7, 'Re-entered as a percentage of returns with a complete follow-up or a re-entry (metrics.md 6 and 9)'),
  ('returns_home_reentry', 'basis', 8, 'complete follow-up when every return home of the year has its 12 months covered, else which return it needs; re-entry of such a year is published x, not available (metrics.md 6 and 11)'),
  ('starts_and_ceases_by_reason', 'la', 1, 'Local authority code'),
  ('starts_and_ceases_by_reason', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('starts_and_ceases_by_reason', 'movement', 3, 'started: periods of care that started in the year; ceased: periods of care that ended in the year. Periods are counted, short breaks left out (metrics.md 2 and 3), so a child with two periods in a year counts twice; X1 with a continuation is not a cessation'),
  ('starts_and_ceases_by_reason', 'breakdown', 4, 'For started periods: legal status (DfE group of the LS of the period''s first episode) or category of need (its CIN); for ceased periods: reason group (careleaver.ceased_reason_group of the period''s end reason) or reason (the REC code) (metrics.md 3)'),
  ('starts_and_ceases_by_reason', 'category', 5, 'The group, CIN code and label, or REC code; not recorded when LS or CIN is missing; reason not known (reason group) or not known (reason) when the period ends X1 with no continuation or without a REC (metrics.md 3)'),
  ('starts_and_ceases_by_reason', 'periods', 6, 'Periods of care in the category (metrics.md 3)'),
  ('starts_and_ceases_by_reason', 'all_periods', 7, 'Periods of care started, or ended, in the year: the total of each breakdown as published, hidden in both breakdowns when either hides it (metrics.md 3 and 9)'),
  ('time_to_return_home', 'la', 1, 'Local authority code'),
  ('time_to_return_home', 'entry_year', 2, 'Collection year in which the periods of care started (metrics.md 6)'),
  ('time_to_return_home', 'periods_started', 3, 'Periods of care in the entry cohort (metrics.md 3)'),
  ('time_to_return_home', 'returned_home', 4, 'Of them, ended with a return home (E4A, E4B) by the data''s end (metrics.md 6)'),
  ('time_to_return_home', 'median_days', 5, 'Kaplan-Meier median days to a return home, other exits and open periods censored; NULL when the estimate never reaches 0.5 (careleaver.km_median_ci, metrics.md 6 and 8)'),
  ('time_to_return_home', 'median_lower95', 6, 'Lower 95% limit of the median (log-log, metrics.md 8)'),
  ('time_to_return_home', 'median_upper95', 7, 'Upper 95% limit of the median (log-log, metrics.md 8)')

ON CONFLICT (view_name, column_name) DO UPDATE SET position = EXCLUDED.position, description = EXCLUDED.description;


-- The SELECT behind one registered view: its builder, looked up in the registry.
CREATE FUNCTION careleaver.reporting_view_sql(view_name text, schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  fn text;
  result text;
BEGIN
  SELECT r.builder INTO fn FROM careleaver.report_views r WHERE r.view_name = reporting_view_sql.view_name;
  IF fn IS NULL THEN
    RAISE EXCEPTION 'unknown reporting view "%"', view_name
      USING ERRCODE = '22023',
            HINT = 'The reporting views are listed in careleaver.reporting_views.';
  END IF;
  EXECUTE format('SELECT careleaver.%I($1)', fn) INTO result USING schema_name;
  RETURN result;
END
$fn$;
COMMENT ON FUNCTION careleaver.reporting_view_sql(text, text) IS
  'The SELECT behind one reporting view (careleaver.report_views) over the dataset in schema_name, from the view''s '
  'builder function; careleaver.create_reports creates the views from it and careleaver.report_html reads it';

-- The column comments of every registered view: its own rows, else its base view's.
CREATE FUNCTION careleaver.reporting_view_columns(
    OUT view_name text, OUT column_name text, OUT ordinal integer, OUT description text)
  RETURNS SETOF record
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $$
SELECT DISTINCT ON (v.view_name, c.column_name) v.view_name, c.column_name, c.position, c.description
  FROM careleaver.report_views v
  JOIN careleaver.report_view_columns c ON c.view_name IN (v.view_name, v.base_view)
 ORDER BY v.view_name, c.column_name, c.view_name = v.view_name DESC
$$;
COMMENT ON FUNCTION careleaver.reporting_view_columns() IS
  'The columns of every reporting view with the comment create_reports gives them (naming the metrics.md section): '
  'careleaver.report_view_columns, a published variant taking its base view''s rows where it has none of its own';

CREATE VIEW careleaver.reporting_views (view_name, published, description) AS
SELECT r.view_name, r.published, r.description FROM careleaver.report_views r ORDER BY r.position;
COMMENT ON VIEW careleaver.reporting_views IS
  'The reporting views careleaver.create_reports creates in a dataset schema, in order (the registry '
  'careleaver.report_views; doc/reporting.md)';
COMMENT ON COLUMN careleaver.reporting_views.view_name IS 'Name of the view in the dataset schema';
COMMENT ON COLUMN careleaver.reporting_views.published IS 'True for the variants with disclosure control applied (text columns with the symbols c, z, x, k)';
COMMENT ON COLUMN careleaver.reporting_views.description IS 'What the view holds and the metrics.md sections it follows';

CREATE FUNCTION careleaver.create_reports(schema_name text) RETURNS SETOF text
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  v record;
  c record;
  grants text[];
  g text;
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);  -- never run another role's code (doc/dataset.md)
  IF schema_name IS NULL OR to_regnamespace(quote_ident(schema_name)) IS NULL THEN
    RAISE EXCEPTION 'dataset schema "%" does not exist', schema_name
      USING ERRCODE = '3F000',
            HINT = 'Create it with careleaver.create_dataset() and load or generate data first.';
  END IF;
  -- the views read the fact layer: make it current first (no work for councils whose data did not change)
  PERFORM careleaver.refresh(schema_name);
  -- one pass over the registry: each view's SELECT from its builder, its comment and its columns' comments
  FOR v IN SELECT r.view_name, r.description, careleaver.reporting_view_sql(r.view_name, schema_name) AS body
             FROM careleaver.report_views r ORDER BY r.position LOOP
    BEGIN
      EXECUTE format('CREATE OR REPLACE VIEW %I.%I AS %s', schema_name, v.view_name, v.body);
    EXCEPTION WHEN invalid_table_definition THEN
      -- the view's columns changed in a new version (e.g. national_framework in 0.2.0): drop and make it
      -- again, keeping the grants its owner gave; a view of the user's on it stops this with a clear error
      SELECT coalesce(array_agg(format('GRANT %s ON %I.%I TO %s%s', x.privilege_type, schema_name, v.view_name,
                                       CASE WHEN x.grantee = 0 THEN 'PUBLIC'
                                            ELSE quote_ident(x.grantee::regrole::text) END,
                                       CASE WHEN x.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)), '{}')
        INTO grants
        FROM pg_catalog.pg_class cl, LATERAL pg_catalog.aclexplode(cl.relacl) x
       WHERE cl.oid = format('%I.%I', schema_name, v.view_name)::regclass AND x.grantee <> cl.relowner;
      BEGIN
        EXECUTE format('DROP VIEW %I.%I', schema_name, v.view_name);
      EXCEPTION WHEN dependent_objects_still_exist THEN
        RAISE EXCEPTION 'the reporting views of dataset "%" changed columns in this version, and views of your '
                        'own depend on them', schema_name
          USING ERRCODE = 'dependent_objects_still_exist',
                DETAIL = format('View %I.%I has new columns; %s', schema_name, v.view_name, SQLERRM),
                HINT = 'Drop your views that use them, run careleaver.create_reports (or upgrade_dataset) again, '
                       'then recreate yours.';
      END;
      EXECUTE format('CREATE VIEW %I.%I AS %s', schema_name, v.view_name, v.body);
      FOREACH g IN ARRAY grants LOOP
        EXECUTE g;
      END LOOP;
    END;
    EXECUTE format('COMMENT ON VIEW %I.%I IS %L', schema_name, v.view_name, v.description);
    FOR c IN SELECT rc.column_name, rc.description FROM careleaver.reporting_view_columns() rc
               JOIN pg_catalog.pg_attribute a ON a.attname = rc.column_name AND NOT a.attisdropped
                AND a.attrelid = format('%I.%I', schema_name, v.view_name)::regclass
              WHERE rc.view_name = v.view_name LOOP
      EXECUTE format('COMMENT ON COLUMN %I.%I.%I IS %L', schema_name, v.view_name, c.column_name, c.description);
    END LOOP;
    RETURN NEXT v.view_name;
  END LOOP;
END
$fn$;
COMMENT ON FUNCTION careleaver.create_reports(text) IS
  'Refreshes the dataset''s fact layer (careleaver.refresh) and creates (or replaces) the reporting views registered '
  'in careleaver.report_views in a dataset schema, each from its builder function, with a comment on every view and '
  'column; a view whose columns changed in a new version is '
  'dropped and made again with its grants kept; returns the names of the views created (doc/reporting.md)';
