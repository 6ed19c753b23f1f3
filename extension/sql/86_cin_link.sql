-- ===========================================================================
-- 86_cin_link: the Children in Need census linked to SSDA903 (issue 16, items
-- 3 and 4): the same child in both (careleaver.cin_link_status), the measures
-- across both (careleaver.cin_care_year, core/cin_link.c), the builders of the
-- reporting views care_after_family_help, care_after_family_help_routes,
-- returns_home_rereferral and cin_linkage (registered in
-- 93_cin_link_views.sql), and the Dashboard rows 26 to 42 (factors identified
-- at assessment per 10,000 children) of national_framework.
-- doc/cin.md "Linkage to care" and "Dashboard rows"; metrics.md 15.1 and 15.2.
-- ===========================================================================

CREATE FUNCTION careleaver.cin_link_status(cin_upn text, cin_former_upn text, cla_upn text)
RETURNS text
AS 'MODULE_PATHNAME', 'careleaver_cin_link_status'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.cin_link_status(text, text, text) IS
  'How a CIN child and the SSDA903 child of the same council with the same identifier (LAchildID = CHILD) are linked: "id and upn" when the CIN UPN (or FormerUPN) equals the SSDA903 UPN, "id only" when either side holds no well-formed UPN (blank, UN1 to UN7), "upn conflict" when both hold one and they differ: that pair is not linked and is left out of every measure across the two (doc/cin.md "Linkage to care", metrics.md 15.1)';

CREATE FUNCTION careleaver.cin_care_year(journey careleaver.cin_journey, history careleaver.care_history,
    date_of_birth date, collection_year integer, cla_data_end date, cin_from date, cin_end date,
    OUT started integer, OUT lookback_incomplete integer, OUT after_referral integer, OUT after_cpp integer,
    OUT after_family_help integer, OUT route text, OUT returned_home integer, OUT rereferred integer,
    OUT rereferral_incomplete integer)
RETURNS record
AS 'MODULE_PATHNAME', 'careleaver_cin_care_year'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.cin_care_year(careleaver.cin_journey, careleaver.care_history, date, integer, date, date, date) IS
  'One linked child''s counts across CIN and SSDA903 for a collection year (metrics.md 15.1): started (its first period of care starting in the year, short breaks left out), lookback_incomplete (the 12 months before that start are not all within the CIN coverage cin_from to cin_end: not counted either way), after_referral (a CIN referral on or after the same day a year before the start, up to the start), after_cpp (a protection plan open on a day of those 12 months), after_family_help (either), route (how that period ended by cla_data_end: returned home, adopted, special guardianship, child arrangements order, turned 18, other, still looked after), returned_home (returns home, E4A or E4B, in the year), rereferred (of them, followed by a CIN referral after the return and within 12 months), rereferral_incomplete (of them, the 12 months after are not all within the CIN coverage: never counted as not re-referred). journey NULL: no CIN records; date_of_birth NULL: no exit is "turned 18"';

-- Each council's CIN coverage: the unbroken run of loaded CIN return years ending with the latest (metrics.md 11).
CREATE FUNCTION careleaver.cin_coverage_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  IF to_regclass(format('%I.cin_returns', schema_name)) IS NULL THEN
    RETURN 'SELECT NULL::text AS la, NULL::date AS cin_from, NULL::date AS cin_end WHERE false';
  END IF;
  RETURN format($q$
    SELECT r.la, careleaver.collection_year_start(min(r.year)) AS cin_from,
           careleaver.collection_year_end(max(r.year)) AS cin_end
      FROM (SELECT x.la, x.year, x.year - row_number() OVER (PARTITION BY x.la ORDER BY x.year) AS run,
                   max(x.year) OVER (PARTITION BY x.la) - count(*) OVER (PARTITION BY x.la) AS latest_run
              FROM %I.cin_returns x) r
     WHERE r.run = r.latest_run
     GROUP BY r.la$q$, schema_name);
END
$fn$;
COMMENT ON FUNCTION careleaver.cin_coverage_sql(text) IS
  'Internal: SQL of each council''s CIN coverage (la, cin_from, cin_end): 1 April of the first and 31 March of the last year of the unbroken run of its loaded CIN returns ending with the latest; no rows for a dataset without CIN tables (metrics.md 11 and 15.1)';

-- Each SSDA903 child's UPN (la, child, upn) from the dataset's header; NULL UPNs for a hand-made header
-- without the column.
CREATE FUNCTION careleaver.cin_header_upn_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format('SELECT x.la, x.child, %s AS upn FROM %I.header x',
                CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                                   WHERE a.attrelid = to_regclass(format('%I.header', schema_name))
                                     AND a.attname = 'upn' AND NOT a.attisdropped)
                     THEN 'x.upn::text' ELSE 'NULL::text' END, schema_name);
END
$fn$;
COMMENT ON FUNCTION careleaver.cin_header_upn_sql(text) IS
  'Internal: SQL of each SSDA903 child''s UPN (la, child, upn) from a dataset''s header (NULL when the header has no UPN column), for careleaver.cin_link_status';

-- Each CIN child (in cin_details or cin_child) with its UPN and FormerUPN.
CREATE FUNCTION careleaver.cin_person_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  IF to_regclass(format('%I.cin_returns', schema_name)) IS NULL THEN
    RETURN 'SELECT NULL::text AS la, NULL::text AS child, NULL::text AS upn, NULL::text AS formerupn WHERE false';
  END IF;
  RETURN format('SELECT d.la, d.child, c.upn, c.formerupn FROM (SELECT x.la, x.child FROM %1$I.cin_details x '
                'UNION SELECT x.la, x.child FROM %1$I.cin_child x) d '
                'LEFT JOIN %1$I.cin_child c ON c.la = d.la AND c.child = d.child', schema_name);
END
$fn$;
COMMENT ON FUNCTION careleaver.cin_person_sql(text) IS
  'Internal: SQL of each CIN child of a dataset (la, child, upn, formerupn: in cin_details or cin_child), for careleaver.cin_link_status; no rows without CIN tables';

-- The CTEs shared by the linkage views, to follow careleaver.reporting_common_sql's (person, data_end,
-- report_year): cin_cover, cin_journey, cin_person (each CIN child with its UPNs), linked (each SSDA903
-- child of a council with CIN returns, its journey and link) and care_year (cin_care_year per child and
-- covered year, for the children who started care or returned home in it; pairs in UPN conflict left out).
CREATE FUNCTION careleaver.cin_care_ctes_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  has_cin boolean := to_regclass(format('%I.cin_returns', schema_name)) IS NOT NULL;
BEGIN
  RETURN format($q$
  cin_cover AS (%2$s),
  cin_journey AS (%3$s),
  cin_person AS (%4$s),
  linked AS (
    SELECT p.la, p.child, p.dob, p.history, j.journey,
           CASE WHEN c.child IS NOT NULL THEN careleaver.cin_link_status(c.upn, c.formerupn, h.upn) END AS link
      FROM person p
      JOIN cin_cover v ON v.la = p.la
      LEFT JOIN cin_journey j ON j.la = p.la AND j.child = p.child
      LEFT JOIN cin_person c ON c.la = p.la AND c.child = p.child
      LEFT JOIN (%5$s) h ON h.la = p.la AND h.child = p.child),
  care_year AS (
    SELECT f.la, f.collection_year, f.child, c.*
      FROM report_year y
      JOIN cin_cover v ON v.la = y.la
      JOIN data_end d ON d.la = y.la
      JOIN %1$I.child_year_facts f ON f.la = y.la AND f.collection_year = y.collection_year
                                  AND (f.periods_started > 0 OR f.returned_home > 0)
      JOIN linked l ON l.la = f.la AND l.child = f.child AND l.link IS DISTINCT FROM 'upn conflict'
     CROSS JOIN LATERAL careleaver.cin_care_year(l.journey, l.history, l.dob, y.collection_year, d.data_end,
                                                 v.cin_from, v.cin_end) c)$q$,
    schema_name,
    careleaver.cin_coverage_sql(schema_name),
    CASE WHEN has_cin THEN careleaver.cin_journeys_sql(schema_name)
         ELSE 'SELECT NULL::text AS la, NULL::text AS child, NULL::careleaver.cin_journey AS journey WHERE false' END,
    careleaver.cin_person_sql(schema_name),
    careleaver.cin_header_upn_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.cin_care_ctes_sql(text) IS
  'Internal: the CTEs (cin_cover, cin_journey, cin_person, linked, care_year) the CIN-to-care views add to careleaver.reporting_common_sql''s: each SSDA903 child of a council with CIN returns linked to its CIN journey (careleaver.cin_link_status) and careleaver.cin_care_year per covered year (metrics.md 15.1)';

-- ---------------------------------------------------------------------------
-- The view builders (registered in 93_cin_link_views.sql)

CREATE FUNCTION careleaver.cin_linkage_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH cin_cover AS (%2$s),
  cin_person AS (%3$s),
  paired AS (
    SELECT coalesce(c.la, h.la) AS la, c.child IS NOT NULL AS in_cin, h.child IS NOT NULL AS in_ssda903,
           CASE WHEN c.child IS NOT NULL AND h.child IS NOT NULL
                THEN careleaver.cin_link_status(c.upn, c.formerupn, h.upn) END AS link
      FROM cin_person c
      FULL JOIN (SELECT x.la, x.child, x.upn FROM (%4$s) x WHERE x.la IN (SELECT v.la FROM cin_cover v)) h
        ON h.la = c.la AND h.child = c.child)
SELECT p.la,
       count(*) FILTER (WHERE p.in_cin) AS cin_children,
       count(*) FILTER (WHERE p.in_ssda903) AS ssda903_children,
       count(*) FILTER (WHERE p.link = 'id and upn') AS linked_id_and_upn,
       count(*) FILTER (WHERE p.link = 'id only') AS linked_id_only,
       count(*) FILTER (WHERE p.link = 'upn conflict') AS upn_conflict,
       count(*) FILTER (WHERE p.in_cin AND NOT p.in_ssda903) AS cin_only,
       count(*) FILTER (WHERE p.in_ssda903 AND NOT p.in_cin) AS ssda903_only
  FROM paired p
 GROUP BY p.la$q$,
    schema_name, careleaver.cin_coverage_sql(schema_name),
    careleaver.cin_person_sql(schema_name),
    careleaver.cin_header_upn_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.cin_linkage_sql(text) IS
  'Internal: the SELECT of the reporting view cin_linkage over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.care_after_family_help_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH %1$s, %2$s,
  counted AS (
    SELECT c.la, c.collection_year, sum(c.started) AS started, sum(c.lookback_incomplete) AS lookback_incomplete,
           sum(c.after_referral) AS after_referral, sum(c.after_cpp) AS after_cpp,
           sum(c.after_family_help) AS after_family_help
      FROM care_year c GROUP BY 1, 2)
SELECT y.la, y.collection_year,
       coalesce(k.started, 0)::bigint AS started_looked_after,
       coalesce(k.lookback_incomplete, 0)::bigint AS lookback_not_covered,
       coalesce(k.after_referral, 0)::bigint AS after_referral_within_12_months,
       coalesce(k.after_cpp, 0)::bigint AS after_cpp_within_12_months,
       coalesce(k.after_family_help, 0)::bigint AS after_family_help_within_12_months,
       round(100.0 * k.after_referral / nullif(k.started - k.lookback_incomplete, 0), 1) AS after_referral_percent,
       round(100.0 * k.after_cpp / nullif(k.started - k.lookback_incomplete, 0), 1) AS after_cpp_percent,
       round(100.0 * k.after_family_help / nullif(k.started - k.lookback_incomplete, 0), 1) AS after_family_help_percent
  FROM report_year y
  JOIN cin_cover v ON v.la = y.la
  LEFT JOIN counted k ON k.la = y.la AND k.collection_year = y.collection_year$q$,
    careleaver.reporting_common_sql(schema_name), careleaver.cin_care_ctes_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.care_after_family_help_sql(text) IS
  'Internal: the SELECT of the reporting view care_after_family_help over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.care_after_family_help_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  -- the started children split into after Family Help, not, and not known: one row for suppress_row
  RETURN format($q$
WITH b AS (%s),
  p AS (
    SELECT b.*, careleaver.suppress_row(ARRAY[b.after_family_help_within_12_months,
                                              b.started_looked_after - b.lookback_not_covered - b.after_family_help_within_12_months,
                                              b.lookback_not_covered]) AS cells,
           -- no start whose 12 months before are covered: the shares are not available (x), not z
           b.lookback_not_covered > 0 AND b.lookback_not_covered = b.started_looked_after AS unknown
      FROM b)
SELECT p.la, p.collection_year,
       careleaver.publish_row_total(ARRAY[p.after_family_help_within_12_months,
                                          p.started_looked_after - p.lookback_not_covered - p.after_family_help_within_12_months,
                                          p.lookback_not_covered]) AS started_looked_after,
       p.cells[3] AS lookback_not_covered,
       CASE WHEN p.cells[1] = 'c' THEN 'c' ELSE careleaver.publish_count(p.after_referral_within_12_months) END
         AS after_referral_within_12_months,
       CASE WHEN p.cells[1] = 'c' THEN 'c' ELSE careleaver.publish_count(p.after_cpp_within_12_months) END
         AS after_cpp_within_12_months,
       p.cells[1] AS after_family_help_within_12_months,
       CASE WHEN p.unknown THEN 'x' WHEN p.cells[1] = 'c' THEN 'c'
            ELSE careleaver.publish_percent(p.after_referral_within_12_months, p.started_looked_after - p.lookback_not_covered) END
         AS after_referral_percent,
       CASE WHEN p.unknown THEN 'x' WHEN p.cells[1] = 'c' THEN 'c'
            ELSE careleaver.publish_percent(p.after_cpp_within_12_months, p.started_looked_after - p.lookback_not_covered) END
         AS after_cpp_percent,
       CASE WHEN p.unknown THEN 'x' WHEN 'c' IN (p.cells[1], p.cells[2]) THEN 'c'
            ELSE careleaver.publish_percent(p.after_family_help_within_12_months, p.started_looked_after - p.lookback_not_covered) END
         AS after_family_help_percent
  FROM p$q$, careleaver.care_after_family_help_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.care_after_family_help_published_sql(text) IS
  'Internal: the SELECT of the reporting view care_after_family_help_published over the dataset in schema_name (careleaver.report_views)';

-- The routes out of care, in the order the views list them (cl_exit_cause_name, and still looked after).
CREATE FUNCTION careleaver.care_after_family_help_routes_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH %1$s, %2$s,
  grouped AS (
    SELECT c.la, c.collection_year,
           CASE WHEN c.lookback_incomplete = 1 THEN 'not known: the 12 months before are not all covered by CIN returns'
                WHEN c.after_family_help = 1 THEN 'after Family Help (referral or protection plan within 12 months)'
                ELSE 'no referral or protection plan in the 12 months before' END AS family_help,
           c.route, count(*) AS children
      FROM care_year c WHERE c.started = 1 GROUP BY 1, 2, 3, 4)
SELECT y.la, y.collection_year, g.ord::integer AS family_help_order, g.family_help, r.ord::integer AS route_order,
       r.route, coalesce(k.children, 0)::bigint AS children
  FROM report_year y
  JOIN cin_cover v ON v.la = y.la
 CROSS JOIN (VALUES (1, 'after Family Help (referral or protection plan within 12 months)'),
                    (2, 'no referral or protection plan in the 12 months before'),
                    (3, 'not known: the 12 months before are not all covered by CIN returns')) AS g(ord, family_help)
 CROSS JOIN (VALUES (1, 'still looked after'), (2, 'returned home'), (3, 'adopted'), (4, 'special guardianship'),
                    (5, 'child arrangements order'), (6, 'turned 18'), (7, 'other')) AS r(ord, route)
  LEFT JOIN grouped k ON k.la = y.la AND k.collection_year = y.collection_year AND k.family_help = g.family_help
                     AND k.route = r.route$q$,
    careleaver.reporting_common_sql(schema_name), careleaver.cin_care_ctes_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.care_after_family_help_routes_sql(text) IS
  'Internal: the SELECT of the reporting view care_after_family_help_routes over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.care_after_family_help_routes_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  -- each group's routes are one row for suppress_row (its total: the children of the group)
  RETURN format($q$
WITH b AS (%s),
  r AS (
    SELECT b.la, b.collection_year, b.family_help_order, array_agg(b.children ORDER BY b.route_order) AS cells
      FROM b GROUP BY 1, 2, 3)
SELECT b.la, b.collection_year, b.family_help_order, b.family_help, b.route_order, b.route,
       s.shown[b.route_order] AS children
  FROM b
  JOIN r ON r.la = b.la AND r.collection_year = b.collection_year AND r.family_help_order = b.family_help_order
 CROSS JOIN LATERAL (SELECT careleaver.suppress_row(r.cells) AS shown) s$q$,
    careleaver.care_after_family_help_routes_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.care_after_family_help_routes_published_sql(text) IS
  'Internal: the SELECT of the reporting view care_after_family_help_routes_published over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.returns_home_rereferral_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH %1$s, %2$s,
  counted AS (
    SELECT c.la, c.collection_year, sum(c.returned_home) AS returned_home, sum(c.rereferred) AS rereferred,
           sum(c.rereferral_incomplete) AS incomplete
      FROM care_year c GROUP BY 1, 2)
SELECT y.la, y.collection_year,
       coalesce(k.returned_home, 0)::bigint AS returned_home,
       coalesce(k.rereferred, 0)::bigint AS rereferred_within_12_months,
       coalesce(k.returned_home - k.rereferred - k.incomplete, 0)::bigint AS not_rereferred,
       coalesce(k.incomplete, 0)::bigint AS follow_up_incomplete,
       round(100.0 * k.rereferred / nullif(k.returned_home - k.incomplete, 0), 1) AS rereferral_percent,
       CASE WHEN coalesce(k.incomplete, 0) = 0 THEN 'complete follow-up'
            ELSE format('follow-up incomplete: %%s of %%s returns home are not followed for 12 months by CIN returns',
                        k.incomplete, k.returned_home) END AS basis
  FROM report_year y
  JOIN cin_cover v ON v.la = y.la
  LEFT JOIN counted k ON k.la = y.la AND k.collection_year = y.collection_year$q$,
    careleaver.reporting_common_sql(schema_name), careleaver.cin_care_ctes_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.returns_home_rereferral_sql(text) IS
  'Internal: the SELECT of the reporting view returns_home_rereferral over the dataset in schema_name (careleaver.report_views)';

CREATE FUNCTION careleaver.returns_home_rereferral_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  -- as returns_home_reentry_published: a year with incomplete follow-ups is not available (x), never c
  RETURN format($q$
WITH b AS (%s),
  p AS (
    SELECT b.*, ARRAY[b.rereferred_within_12_months, b.not_rereferred, b.follow_up_incomplete] AS cells,
           b.follow_up_incomplete = 0 AS complete
      FROM b)
SELECT p.la, p.collection_year, careleaver.publish_row_total(p.cells) AS returned_home,
       CASE WHEN p.complete THEN s.cells[1] ELSE 'x' END AS rereferred_within_12_months,
       CASE WHEN p.complete THEN s.cells[2] ELSE 'x' END AS not_rereferred,
       s.cells[3] AS follow_up_incomplete,
       CASE WHEN NOT p.complete THEN 'x'
            WHEN s.cells[1] = 'c' OR s.cells[2] = 'c' THEN 'c'
            ELSE careleaver.publish_percent(p.rereferred_within_12_months, p.returned_home) END AS rereferral_percent,
       p.basis
  FROM p CROSS JOIN LATERAL (SELECT careleaver.suppress_row(p.cells) AS cells) s$q$,
    careleaver.returns_home_rereferral_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.returns_home_rereferral_published_sql(text) IS
  'Internal: the SELECT of the reporting view returns_home_rereferral_published over the dataset in schema_name (careleaver.report_views)';

-- ---------------------------------------------------------------------------
-- Dashboard 26 to 42: factors identified at the end of assessment per 10,000 children

-- DfE's Dashboard reads these from c3 (its names) and divides by the ONS population aged 0 to 17 of the
-- mid-year estimate in the collection year; the CIN census codes are those of the census guide.
CREATE VIEW careleaver.cin_factor_indicators
  (ordinal, dashboard_no, outcome, indicator, unit, definition, source_columns, source, not_held, factor, dfe_name) AS
SELECT v.no, v.no,
       'Outcome 2: Children and young people are safe in and outside of their home'::text,
       format('Rate of %s, per 10,000 children', v.dfe_name)::text, 'per 10,000 children'::text,
       format('Assessments authorised in the year (CIN census) that identified factor %s (%s), per 10,000 children aged 0 to 17 in the ONS mid-year estimate that falls in the year', v.factor, v.dfe_name)::text,
       'cin_c3.assessments; population.count'::text, 'metrics.md 15'::text, NULL::text, v.factor::text, v.dfe_name::text
  FROM (VALUES (26, '3A', 'Domestic Abuse child'), (27, '3B', 'Domestic Abuse parent'),
               (28, '3C', 'Domestic Abuse person'), (29, '17A', 'Emotional Abuse'), (30, '22A', 'Faith linked abuse'),
               (31, '16A', 'Neglect'), (32, '18C', 'Physical Abuse adult on child'),
               (33, '18B', 'Physical Abuse child on child'), (34, '18A', 'Physical Abuse unknown'),
               (35, '19C', 'Sexual Abuse adult on child'), (36, '19B', 'Sexual Abuse child on child'),
               (37, '19A', 'Sexual Abuse unknown'), (38, '23A', 'Child criminal exploitation'),
               (39, '11A', 'Child sexual exploitation'), (40, '13A', 'Gangs'), (41, '10A', 'Going missing'),
               (42, '12A', 'Trafficking')) AS v(no, factor, dfe_name);
COMMENT ON VIEW careleaver.cin_factor_indicators IS
  'Dashboard indicators 26 to 42 (factors identified at the end of assessment per 10,000 children), rows of careleaver.dashboard_indicators with the CIN factor code each counts and DfE''s name for it (metrics.md 15.2)';
COMMENT ON COLUMN careleaver.cin_factor_indicators.ordinal IS 'Position of the row in the national_framework views';
COMMENT ON COLUMN careleaver.cin_factor_indicators.dashboard_no IS 'The indicator''s number in DfE''s Dashboard (26 to 42)';
COMMENT ON COLUMN careleaver.cin_factor_indicators.outcome IS 'The National Framework outcome the Dashboard files the indicator under';
COMMENT ON COLUMN careleaver.cin_factor_indicators.indicator IS 'The indicator in DfE''s wording';
COMMENT ON COLUMN careleaver.cin_factor_indicators.unit IS 'per 10,000 children';
COMMENT ON COLUMN careleaver.cin_factor_indicators.definition IS 'How careleaver computes it from the CIN census (metrics.md 15.2)';
COMMENT ON COLUMN careleaver.cin_factor_indicators.source_columns IS 'The view columns it is computed from';
COMMENT ON COLUMN careleaver.cin_factor_indicators.source IS 'The metrics.md section that defines it';
COMMENT ON COLUMN careleaver.cin_factor_indicators.not_held IS 'Always NULL: every one is computable from CIN returns';
COMMENT ON COLUMN careleaver.cin_factor_indicators.factor IS 'The AssessmentFactors code counted (careleaver.cin_codes(''cin_factor''))';
COMMENT ON COLUMN careleaver.cin_factor_indicators.dfe_name IS 'DfE''s name of the factor (the c3 column, underscores as spaces)';

-- national_framework rows from SQL yielding (la, collection_year, ordinal, numerator, denominator, reason)
-- over the CTE frame: the indicator's wording, the unrounded value and the change from the year before.
CREATE FUNCTION careleaver.dashboard_rows_shape_sql(rows_sql text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT format($q$
    SELECT c.la, c.collection_year, c.ordinal, c.dashboard_no, c.outcome, c.indicator, c.unit, c.source,
           c.numerator, c.denominator, c.value,
           CASE WHEN lag(c.collection_year) OVER w = c.collection_year - 1 THEN lag(c.value) OVER w END AS previous_value,
           c.value - CASE WHEN lag(c.collection_year) OVER w = c.collection_year - 1 THEN lag(c.value) OVER w END AS change,
           c.not_available_reason
      FROM (SELECT x.la, x.collection_year, d.ordinal, d.dashboard_no, d.outcome, d.indicator, d.unit, d.source,
                   x.numerator::bigint AS numerator, x.denominator::bigint AS denominator,
                   careleaver.dashboard_value(d.unit, coalesce(d.not_held, x.reason), x.numerator, x.denominator) AS value,
                   careleaver.dashboard_not_available_reason(d.unit, coalesce(d.not_held, x.reason), x.denominator)
                     AS not_available_reason
              FROM (%s) x
              JOIN careleaver.dashboard_indicators d ON d.ordinal = x.ordinal) c
    WINDOW w AS (PARTITION BY c.la, c.ordinal ORDER BY c.collection_year)$q$, rows_sql)
$$;
COMMENT ON FUNCTION careleaver.dashboard_rows_shape_sql(text) IS
  'Internal: national_framework rows (the view''s columns) from SQL giving la, collection_year, ordinal, numerator, denominator and a reason when not available: the wording of careleaver.dashboard_indicators, the value (careleaver.dashboard_value) and the change from the previous covered year (metrics.md 12)';

-- Dashboard 26 to 42 over national_framework's frame: per council-year, the assessments authorised in the
-- year identifying each factor (summed careleaver.cin_factor_counts) over the population aged 0 to 17.
CREATE FUNCTION careleaver.cin_factor_dashboard_rows_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  has_cin boolean := to_regclass(format('%I.cin_returns', schema_name)) IS NOT NULL;
BEGIN
  RETURN careleaver.dashboard_rows_shape_sql(format($q$
    SELECT f.la, f.collection_year, d.ordinal, CASE WHEN r.la IS NOT NULL THEN coalesce(m.assessments, 0) END AS numerator,
           pop.children AS denominator,
           CASE WHEN r.la IS NULL THEN 'no Children in Need census return loaded for this council and year' END AS reason
      FROM (SELECT DISTINCT fr.la, fr.collection_year FROM frame fr) f
     CROSS JOIN careleaver.cin_factor_indicators d
      LEFT JOIN (%1$s) r ON r.la = f.la AND r.year = f.collection_year
      LEFT JOIN (%2$s) pop ON pop.la = f.la AND pop.year = f.collection_year
      LEFT JOIN (
        SELECT y.la, y.year, k.code AS factor, sum(k.n)::bigint AS assessments
          FROM (%1$s) y
          JOIN (%3$s) j ON j.la = y.la
         CROSS JOIN LATERAL unnest(careleaver.cin_factor_counts(j.journey, y.year), careleaver.cin_codes('cin_factor'))
                             AS k(n, code)
         WHERE k.code IN (SELECT i.factor FROM careleaver.cin_factor_indicators i)
         GROUP BY 1, 2, 3) m ON m.la = f.la AND m.year = f.collection_year AND m.factor = d.factor$q$,
    CASE WHEN has_cin THEN format('SELECT x.la, x.year FROM %I.cin_returns x', schema_name)
         ELSE 'SELECT NULL::text AS la, NULL::integer AS year WHERE false' END,
    careleaver.reporting_population_sql(schema_name),
    CASE WHEN has_cin THEN careleaver.cin_journeys_sql(schema_name)
         ELSE 'SELECT NULL::text AS la, NULL::text AS child, NULL::careleaver.cin_journey AS journey WHERE false' END));
END
$fn$;
COMMENT ON FUNCTION careleaver.cin_factor_dashboard_rows_sql(text) IS
  'Internal: SQL of the national_framework rows of Dashboard 26 to 42 (factors identified at the end of assessment per 10,000 children: careleaver.cin_factor_indicators) over the frame of council-years of the national_framework query it is placed in; x with the reason for a council-year without a loaded CIN return (metrics.md 15.2)';
