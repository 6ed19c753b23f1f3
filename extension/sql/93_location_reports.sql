-- ===========================================================================
-- 93_location_reports: Dashboard 46 (placed more than 20 miles from home) and
-- 67 (three or more social workers), and the view new_placements_by_location
-- in DfE's shape (metrics.md 14).  The per-episode distance and location come
-- from careleaver.placement_location_sql (62_location.sql).
-- ===========================================================================

-- The children looked after on 31 March of each covered year with the episode open that day (short breaks
-- left out), as SQL over the CTEs year_fact and frame of a reporting view: la, collection_year, year_start,
-- year_end, child, decom.
CREATE FUNCTION careleaver.looked_after_on_31_march_sql() RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
  AS $fn$ SELECT $q$
    SELECT y.la, y.collection_year, y.year_start, y.year_end, f.child,
           careleaver.care_episode_start_on(p.history, y.year_end) AS decom
      FROM frame y JOIN year_fact f ON f.la = y.la AND f.collection_year = y.collection_year
      JOIN person p ON p.la = f.la AND p.child = f.child
     WHERE f.looked_after_31_march$q$::text $fn$;
COMMENT ON FUNCTION careleaver.looked_after_on_31_march_sql() IS
  'Internal: SQL of the children looked after on 31 March of each year with the DECOM of the episode open that '
  'day (short breaks left out, metrics.md 1 and 2), over the CTEs year_fact and person (the fact layer''s '
  'child_year_facts and child_facts, doc/facts.md) and frame of a reporting view';

-- Dashboard 67 per council and covered year (metrics.md 14), as SQL over the CTEs looked_after
-- (looked_after_on_31_march_sql) and frame: la, collection_year, three_or_more, children, reason.
CREATE FUNCTION careleaver.social_workers_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH workers AS (
    -- distinct social workers of each child during the year (episodes half-open, metrics.md 1)
    SELECT w.la, w.child, y.collection_year, count(DISTINCT w.sw_id) AS workers
      FROM %1$s w JOIN frame y ON y.la = w.la
     WHERE w.sw_decom <= y.year_end AND (w.sw_dec IS NULL OR w.sw_dec > y.year_start)
     GROUP BY 1, 2, 3),
  counted AS (
    SELECT c.la, c.collection_year, count(*) FILTER (WHERE w.workers >= 3) AS three_or_more, count(*) AS children
      FROM looked_after c
      LEFT JOIN workers w ON w.la = c.la AND w.child = c.child AND w.collection_year = c.collection_year
     GROUP BY 1, 2)
SELECT y.la, y.collection_year, coalesce(s.three_or_more, 0) AS three_or_more, coalesce(s.children, 0) AS children,
       -- a year with no SWEpisodes row at all (asked of the table, not of workers, which is read once)
       CASE WHEN NOT EXISTS (SELECT 1 FROM %1$s w0
                              WHERE w0.la = y.la AND w0.sw_decom <= y.year_end
                                AND (w0.sw_dec IS NULL OR w0.sw_dec > y.year_start))
            THEN 'no social worker episodes (SWEpisodes) loaded for this council and year' END
         AS reason
  FROM frame y LEFT JOIN counted s USING (la, collection_year)$q$,
    CASE WHEN to_regclass(format('%I.sw_episodes', schema_name)) IS NOT NULL
         THEN format('%I.sw_episodes', schema_name)
         ELSE '(SELECT NULL::text AS la, NULL::text AS child, NULL::text AS sw_id, NULL::date AS sw_decom, '
              'NULL::date AS sw_dec WHERE false)' END);
END
$fn$;
COMMENT ON FUNCTION careleaver.social_workers_sql(text) IS
  'Internal: SQL of Dashboard 67 per council and year: children looked after on 31 March with three or more '
  'different social workers (SW_ID) in the year, of all of them; a reason when the year has no SWEpisodes rows '
  '(metrics.md 14), over the CTEs looked_after and frame';

-- Rows of national_framework computed here: (la, collection_year, dashboard_no, numerator, denominator,
-- reason), one per covered council-year (the CTE frame) and indicator, read over the CTEs year_fact and frame
-- of the national_framework view.
CREATE FUNCTION careleaver.dashboard_added_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
WITH looked_after AS NOT MATERIALIZED (%1$s),  -- from the fact tables: read twice, so that a filter on la reaches them
  distance AS (
    SELECT c.la, c.collection_year,
           count(*) FILTER (WHERE coalesce(careleaver.placed_more_than_20_miles(l.distance_miles), false)) AS far,
           count(*) AS children
      FROM looked_after c LEFT JOIN (%2$s) l ON l.la = c.la AND l.child = c.child AND l.decom = c.decom
     GROUP BY 1, 2),
  social_workers AS (%3$s)
SELECT y.la, y.collection_year, 46 AS dashboard_no, coalesce(d.far, 0) AS numerator,
       coalesce(d.children, 0) AS denominator,
       CASE WHEN %4$s
            THEN 'no postcode look-up loaded (scripts/careleaver-load-postcodes)' END AS reason
  FROM frame y LEFT JOIN distance d USING (la, collection_year)
UNION ALL
SELECT s.la, s.collection_year, 67, s.three_or_more, s.children, s.reason
  FROM social_workers s$q$,
    careleaver.looked_after_on_31_march_sql(),
    careleaver.placement_location_sql(schema_name),
    careleaver.social_workers_sql(schema_name),
    CASE WHEN to_regclass(format('%I.postcodes', schema_name)) IS NOT NULL
         THEN format('NOT EXISTS (SELECT 1 FROM %I.postcodes)', schema_name) ELSE 'true' END);
END
$fn$;
COMMENT ON FUNCTION careleaver.dashboard_added_sql(text) IS
  'Internal: SQL of the national_framework rows for Dashboard 46 (children looked after on 31 March placed more '
  'than 20 miles from home) and 67 (with three or more social workers in the year), read over the CTEs year_fact and '
  'frame of that view: la, collection_year, dashboard_no, numerator, denominator, reason (metrics.md 12 and 14)';

-- The reporting view social_worker_stability in the shape of DfE's la_cla_swcount (metrics.md 14).
CREATE FUNCTION careleaver.social_worker_stability_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);
  RETURN format($q$
WITH %1$s,
  frame AS MATERIALIZED (SELECT DISTINCT la, collection_year, year_start, year_end FROM report_year),
  looked_after AS (%2$s),
  social_workers AS (%3$s)
SELECT s.la, s.collection_year, 'CLA on 31 March'::text AS cla_group, b.sw_order, b.sw_stability,
       CASE WHEN s.reason IS NOT NULL THEN NULL WHEN b.sw_order = 1 THEN s.children ELSE s.three_or_more END
         AS number,
       CASE WHEN s.reason IS NOT NULL OR s.children = 0 THEN NULL
            WHEN b.sw_order = 1 THEN 100.0 ELSE 100.0 * s.three_or_more / s.children END AS percentage,
       s.reason AS not_available_reason
  FROM social_workers s
 CROSS JOIN (VALUES (1, 'Total children'::text), (2, '3 or more social workers during the year')) AS b(sw_order, sw_stability)$q$,
    careleaver.reporting_common_sql(schema_name), careleaver.looked_after_on_31_march_sql(),
    careleaver.social_workers_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.social_worker_stability_sql(text) IS
  'The SELECT of the reporting view social_worker_stability: per council and covered year, DfE''s rows of '
  'la_cla_swcount (Total children: children looked after on 31 March; 3 or more social workers during the year) '
  'with numbers and unrounded percentages; NULL with the reason when the year has no SWEpisodes rows (metrics.md 14)';

CREATE FUNCTION careleaver.social_worker_stability_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);
  RETURN format($q$
WITH b AS (%1$s),
  three AS (SELECT la, collection_year, number AS n FROM b WHERE sw_order = 2),
  total AS (SELECT la, collection_year, number AS n FROM b WHERE sw_order = 1)
SELECT b.la, b.collection_year, b.cla_group, b.sw_order, b.sw_stability,
       CASE WHEN b.number IS NULL THEN 'x' ELSE careleaver.publish_count(b.number) END AS number,
       CASE WHEN b.number IS NULL THEN 'x' WHEN t.n = 0 THEN 'z'
            WHEN b.sw_order = 1 THEN '100'
            WHEN careleaver.publish_count(b.number) = 'c' THEN 'c'
            ELSE careleaver.publish_percent(three.n, t.n) END AS percentage,
       b.not_available_reason
  FROM b JOIN three USING (la, collection_year) JOIN total t USING (la, collection_year)$q$,
    careleaver.social_worker_stability_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.social_worker_stability_published_sql(text) IS
  'The SELECT of social_worker_stability_published: counts through publish_count (c for 1 to the threshold), '
  'whole-number percentages (publish_percent), x without SWEpisodes rows, z with no children (metrics.md 9 and 14)';

CREATE FUNCTION careleaver.new_placements_by_location_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);
  RETURN format($q$
WITH %1$s,
  frame AS MATERIALIZED (SELECT DISTINCT la, collection_year, year_start, year_end FROM report_year),
  placed AS (
    -- placements (metrics.md 3) starting in the year, with the location of their first episode
    SELECT y.la, y.collection_year,
           careleaver.placement_location_breakdown(l.inside_council, l.distance_miles) AS breakdown
      FROM frame y JOIN person p USING (la)
     CROSS JOIN LATERAL careleaver.placements(p.history) pl
      LEFT JOIN (%2$s) l ON l.la = p.la AND l.child = p.child AND l.decom = pl.start_date
     WHERE pl.start_date BETWEEN y.year_start AND y.year_end),
  counted AS (
    SELECT la, collection_year, breakdown, count(*) AS n FROM placed GROUP BY 1, 2, 3),
  total AS (
    SELECT la, collection_year, sum(n)::bigint AS n FROM counted GROUP BY 1, 2)
SELECT y.la, y.collection_year, 'Location of new placements during the year'::text AS characteristic,
       b.ordinal AS breakdown_order, b.breakdown,
       CASE WHEN b.breakdown = 'Total new placements' THEN coalesce(t.n, 0) ELSE coalesce(c.n, 0) END
         AS children_count,
       CASE WHEN coalesce(t.n, 0) > 0
            THEN 100.0 * CASE WHEN b.breakdown = 'Total new placements' THEN t.n ELSE coalesce(c.n, 0) END / t.n
       END AS children_percent
  FROM frame y
 CROSS JOIN careleaver.placement_location_breakdowns() b
  LEFT JOIN counted c ON c.la = y.la AND c.collection_year = y.collection_year AND c.breakdown = b.breakdown
  LEFT JOIN total t ON t.la = y.la AND t.collection_year = y.collection_year$q$,
    careleaver.reporting_common_sql(schema_name), careleaver.placement_location_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.new_placements_by_location_sql(text) IS
  'The SELECT of the reporting view new_placements_by_location: per council and covered year, every breakdown '
  'DfE publishes for the location of new placements (careleaver.placement_location_breakdowns) with the count and '
  'unrounded percentage of the year''s new placements (metrics.md 14)';

CREATE FUNCTION careleaver.new_placements_by_location_published_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);
  RETURN format($q$
WITH b AS (%1$s),
  per_year AS (
    -- the five breakdowns are one row for secondary suppression; the total is shown unless they reveal it
    SELECT b.la, b.collection_year,
           array_agg(b.children_count ORDER BY b.breakdown_order) FILTER (WHERE b.breakdown <> 'Total new placements') AS cells,
           max(b.children_count) FILTER (WHERE b.breakdown = 'Total new placements') AS total
      FROM b GROUP BY 1, 2),
  shown AS (
    SELECT p.*, careleaver.suppress_row(p.cells) AS cell_shown, careleaver.publish_row_total(p.cells) AS total_shown
      FROM per_year p)
SELECT b.la, b.collection_year, b.characteristic, b.breakdown_order, b.breakdown,
       CASE WHEN b.breakdown = 'Total new placements' THEN s.total_shown ELSE s.cell_shown[b.breakdown_order] END
         AS children_count,
       CASE WHEN 'c' IN (s.total_shown, CASE WHEN b.breakdown = 'Total new placements' THEN s.total_shown
                                             ELSE s.cell_shown[b.breakdown_order] END) THEN 'c'
            WHEN s.total = 0 THEN 'z'
            ELSE careleaver.publish_percent(b.children_count, s.total) END AS children_percent
  FROM b JOIN shown s USING (la, collection_year)$q$,
    careleaver.new_placements_by_location_sql(schema_name));
END
$fn$;
COMMENT ON FUNCTION careleaver.new_placements_by_location_published_sql(text) IS
  'The SELECT of new_placements_by_location_published: counts under disclosure control (suppress_row over the five '
  'breakdowns, publish_row_total), whole-number percentages (publish_percent), c when hidden, z when there were no '
  'new placements (metrics.md 9 and 14)';

-- The views of this file in the registry of report views (92_reports.sql; doc/reporting.md).
INSERT INTO careleaver.report_views (view_name, position, published, base_view, builder, description) VALUES
  ('new_placements_by_location', 500, false, NULL, 'new_placements_by_location_sql',
   'New placements in the year by location in DfE''s shape and labels (la_cla_during_year_new_placements): inside or outside the council''s boundary, less or more than 20 miles from home, distance not known, total; unrounded percentages (metrics.md 14)'),
  ('new_placements_by_location_published', 510, true, 'new_placements_by_location', 'new_placements_by_location_published_sql',
   'new_placements_by_location as DfE publishes it: whole-number percentages, disclosure control over the row of breakdowns (metrics.md 9 and 14)'),
  ('social_worker_stability', 520, false, NULL, 'social_worker_stability_sql',
   'Children looked after on 31 March and those with three or more social workers during the year, in DfE''s shape and labels (la_cla_swcount; Dashboard 67); unrounded percentages (metrics.md 14)'),
  ('social_worker_stability_published', 530, true, 'social_worker_stability', 'social_worker_stability_published_sql',
   'social_worker_stability as DfE publishes it: whole-number percentages, disclosure control; x for a year without SWEpisodes rows (metrics.md 9 and 14)')
ON CONFLICT (view_name) DO UPDATE SET position = EXCLUDED.position, published = EXCLUDED.published,
  base_view = EXCLUDED.base_view, builder = EXCLUDED.builder, description = EXCLUDED.description;

INSERT INTO careleaver.report_view_columns (view_name, column_name, position, description) VALUES
  ('new_placements_by_location', 'la', 1, 'Local authority code'),
  ('new_placements_by_location_published', 'la', 1, 'Local authority code'),
  ('new_placements_by_location', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('new_placements_by_location_published', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('new_placements_by_location', 'characteristic', 3, 'DfE''s characteristic: Location of new placements during the year (metrics.md 14)'),
  ('new_placements_by_location_published', 'characteristic', 3, 'DfE''s characteristic: Location of new placements during the year (metrics.md 14)'),
  ('new_placements_by_location', 'breakdown_order', 4, 'Position of the breakdown in DfE''s order, the total last (metrics.md 14)'),
  ('new_placements_by_location_published', 'breakdown_order', 4, 'Position of the breakdown in DfE''s order, the total last (metrics.md 14)'),
  ('new_placements_by_location', 'breakdown', 5, 'DfE''s breakdown label: inside or outside the LA boundary, less or more than 20 miles from home, distance not known or not recorded, total (careleaver.placement_location_breakdown, metrics.md 14)'),
  ('new_placements_by_location_published', 'breakdown', 5, 'DfE''s breakdown label: inside or outside the LA boundary, less or more than 20 miles from home, distance not known or not recorded, total (careleaver.placement_location_breakdown, metrics.md 14)'),
  ('new_placements_by_location', 'children_count', 6, 'New placements in the year with that breakdown (placements starting in the year, metrics.md 3; DfE''s column name, though it counts placements)'),
  ('new_placements_by_location_published', 'children_count', 6, 'New placements in the year with that breakdown (placements starting in the year, metrics.md 3; DfE''s column name, though it counts placements)'),
  ('new_placements_by_location', 'children_percent', 7, 'Percentage of the year''s new placements; published: whole numbers under disclosure control (metrics.md 9 and 14)'),
  ('new_placements_by_location_published', 'children_percent', 7, 'Percentage of the year''s new placements; published: whole numbers under disclosure control (metrics.md 9 and 14)'),
  ('social_worker_stability', 'la', 1, 'Local authority code'),
  ('social_worker_stability_published', 'la', 1, 'Local authority code'),
  ('social_worker_stability', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('social_worker_stability_published', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('social_worker_stability', 'cla_group', 3, 'DfE''s group: CLA on 31 March, the children looked after on 31 March, short breaks left out (metrics.md 14)'),
  ('social_worker_stability_published', 'cla_group', 3, 'DfE''s group: CLA on 31 March, the children looked after on 31 March, short breaks left out (metrics.md 14)'),
  ('social_worker_stability', 'sw_order', 4, 'Position of the row in DfE''s order: 1 Total children, 2 three or more social workers (metrics.md 14)'),
  ('social_worker_stability_published', 'sw_order', 4, 'Position of the row in DfE''s order: 1 Total children, 2 three or more social workers (metrics.md 14)'),
  ('social_worker_stability', 'sw_stability', 5, 'DfE''s label: Total children, or 3 or more social workers during the year (metrics.md 14)'),
  ('social_worker_stability_published', 'sw_stability', 5, 'DfE''s label: Total children, or 3 or more social workers during the year (metrics.md 14)'),
  ('social_worker_stability', 'number', 6, 'Children: all looked after on 31 March, or those with three or more different social workers (SW_ID) in the year; NULL (published x) without SWEpisodes rows for the year (metrics.md 14)'),
  ('social_worker_stability_published', 'number', 6, 'Children: all looked after on 31 March, or those with three or more different social workers (SW_ID) in the year; NULL (published x) without SWEpisodes rows for the year (metrics.md 14)'),
  ('social_worker_stability', 'percentage', 7, 'Percentage of the children looked after on 31 March; published: whole numbers under disclosure control (metrics.md 9 and 14)'),
  ('social_worker_stability_published', 'percentage', 7, 'Percentage of the children looked after on 31 March; published: whole numbers under disclosure control (metrics.md 9 and 14)'),
  ('social_worker_stability', 'not_available_reason', 8, 'Why the figures are not available, else NULL (metrics.md 14)'),
  ('social_worker_stability_published', 'not_available_reason', 8, 'Why the figures are not available, else NULL (metrics.md 14)')
ON CONFLICT (view_name, column_name) DO UPDATE SET position = EXCLUDED.position, description = EXCLUDED.description;
