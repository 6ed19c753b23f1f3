-- Reporting views over a dataset (issue 6; doc/reporting.md): the SQL of each view is built
-- by careleaver.reporting_view_sql, created in the dataset's schema by careleaver.create_reports,
-- and read by careleaver.report_html.  Every *_published view and every number of the report
-- goes through disclosure control (90_disclosure.sql, metrics.md 9).

-- The collection year a date falls in (named by the year it ends: 1 April 2023 to 31 March 2024 is 2024).
CREATE FUNCTION careleaver.collection_year_of(d date) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, careleaver
  AS $$ SELECT CASE WHEN extract(month FROM d) >= 4 THEN extract(year FROM d)::int + 1
                    ELSE extract(year FROM d)::int END $$;
COMMENT ON FUNCTION careleaver.collection_year_of(date) IS
  'The collection year a date falls in, named by the year it ends (metrics.md 1): 2023-04-01 to 2024-03-31 is 2024';

-- Shared pieces of view SQL: the dataset's non-short-break episodes and their periods of care.
CREATE FUNCTION careleaver.reporting_periods_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver
AS $fn$
BEGIN
  RETURN format($q$
  episode AS (
    SELECT e.la, e.child, e.decom, e.dec, e.rne, e.place, e.rec,
           lag(e.dec) OVER w AS previous_dec, lead(e.decom) OVER w AS next_decom
      FROM %1$I.episodes e
     WHERE e.ls IS NULL OR NOT careleaver.is_short_break(e.ls)
    WINDOW w AS (PARTITION BY e.la, e.child ORDER BY e.decom)),
  numbered AS (
    SELECT episode.*,
           count(*) FILTER (WHERE previous_dec IS DISTINCT FROM decom)
             OVER (PARTITION BY la, child ORDER BY decom) AS period_number
      FROM episode),
  period AS (
    SELECT la, child, period_number, min(decom) AS period_start,
           (array_agg(dec ORDER BY decom DESC))[1] AS period_end,
           (array_agg(rec ORDER BY decom DESC))[1] AS end_reason
      FROM numbered GROUP BY la, child, period_number),
  data_end AS (
    SELECT la, make_date(careleaver.collection_year_of(max(greatest(decom, coalesce(dec, decom)))), 3, 31)
             AS data_end,
           careleaver.collection_year_of(min(decom)) AS first_year
      FROM episode GROUP BY la),
  report_year AS (
    SELECT la, y AS collection_year, make_date(y - 1, 4, 1) AS year_start, make_date(y, 3, 31) AS year_end
      FROM data_end, generate_series(greatest(first_year, extract(year FROM data_end)::int - 9),
                                     extract(year FROM data_end)::int) AS y)$q$, schema_name);
END
$fn$;
COMMENT ON FUNCTION careleaver.reporting_periods_sql(text) IS
  'Internal: the common table expressions of the reporting views (non-short-break episodes, periods of care '
  '(metrics.md 2 and 3), the data''s end date, and the last ten collection years) over a dataset schema';

CREATE FUNCTION careleaver.reporting_view_sql(view_name text, schema_name text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver
AS $fn$
DECLARE
  periods text := careleaver.reporting_periods_sql(schema_name);
BEGIN
  CASE view_name
  WHEN 'care_leavers_by_age' THEN
    RETURN format($q$
SELECT o.la, o.year AS collection_year,
       extract(year FROM age(make_date(o.year, 3, 31), coalesce(o.dob, h.dob)))::integer AS age,
       count(*) AS oc3_records,
       count(*) FILTER (WHERE o.in_touch::text IN ('DIED', 'RHOM')) AS excluded,
       count(*) FILTER (WHERE o.in_touch IS NULL OR o.in_touch::text NOT IN ('DIED', 'RHOM')) AS care_leavers,
       count(*) FILTER (WHERE o.in_touch::text = 'YES') AS in_touch,
       count(*) FILTER (WHERE o.in_touch::text = 'NO') AS not_in_touch,
       count(*) FILTER (WHERE o.in_touch::text = 'REFU') AS refused_contact,
       count(*) FILTER (WHERE o.in_touch::text = 'NREQ') AS no_longer_requires_services,
       count(*) FILTER (WHERE o.in_touch IS NULL) AS contact_not_known,
       count(*) FILTER (WHERE (o.in_touch IS NULL OR o.in_touch::text NOT IN ('DIED', 'RHOM'))
                          AND careleaver.activity_group(o.activ) = 'EET') AS eet,
       count(*) FILTER (WHERE (o.in_touch IS NULL OR o.in_touch::text NOT IN ('DIED', 'RHOM'))
                          AND careleaver.activity_group(o.activ) = 'NEET') AS neet,
       count(*) FILTER (WHERE (o.in_touch IS NULL OR o.in_touch::text NOT IN ('DIED', 'RHOM'))
                          AND coalesce(careleaver.activity_group(o.activ), 'not known') = 'not known')
         AS activity_not_known,
       count(*) FILTER (WHERE (o.in_touch IS NULL OR o.in_touch::text NOT IN ('DIED', 'RHOM'))
                          AND careleaver.is_suitable(o.accom)) AS suitable,
       count(*) FILTER (WHERE (o.in_touch IS NULL OR o.in_touch::text NOT IN ('DIED', 'RHOM'))
                          AND NOT careleaver.is_suitable(o.accom)) AS unsuitable,
       count(*) FILTER (WHERE (o.in_touch IS NULL OR o.in_touch::text NOT IN ('DIED', 'RHOM'))
                          AND careleaver.is_suitable(o.accom) IS NULL) AS accommodation_not_known
  FROM %1$I.oc3 o
  LEFT JOIN %1$I.header h ON h.la = o.la AND h.child = o.child
 WHERE coalesce(o.dob, h.dob) IS NOT NULL
 GROUP BY 1, 2, 3$q$, schema_name);

  WHEN 'care_leavers_by_age_published' THEN
    RETURN format($q$
SELECT b.la, b.collection_year, b.age,
       CASE WHEN 'c' IN (careleaver.publish_row_total(r.contact), careleaver.publish_row_total(r.activity),
                         careleaver.publish_row_total(r.accommodation))
            THEN 'c' ELSE careleaver.publish_count(b.care_leavers) END AS care_leavers,
       p.contact[1] AS in_touch, p.contact[2] AS not_in_touch, p.contact[3] AS refused_contact,
       p.contact[4] AS no_longer_requires_services, p.contact[5] AS contact_not_known,
       p.activity[1] AS eet, p.activity[2] AS neet, p.activity[3] AS activity_not_known,
       p.accommodation[1] AS suitable, p.accommodation[2] AS unsuitable, p.accommodation[3] AS accommodation_not_known,
       CASE WHEN p.contact[1] = 'c' THEN 'c' ELSE careleaver.publish_percent(b.in_touch, b.care_leavers) END
         AS in_touch_percent,
       CASE WHEN p.activity[1] = 'c' THEN 'c' ELSE careleaver.publish_percent(b.eet, b.care_leavers) END
         AS eet_percent,
       CASE WHEN p.activity[2] = 'c' THEN 'c' ELSE careleaver.publish_percent(b.neet, b.care_leavers) END
         AS neet_percent,
       CASE WHEN p.accommodation[1] = 'c' THEN 'c' ELSE careleaver.publish_percent(b.suitable, b.care_leavers) END
         AS suitable_percent
  FROM (%2$s) b
  CROSS JOIN LATERAL (SELECT ARRAY[b.in_touch, b.not_in_touch, b.refused_contact, b.no_longer_requires_services,
                                   b.contact_not_known] AS contact,
                             ARRAY[b.eet, b.neet, b.activity_not_known] AS activity,
                             ARRAY[b.suitable, b.unsuitable, b.accommodation_not_known] AS accommodation) r
  CROSS JOIN LATERAL (SELECT careleaver.suppress_row(r.contact) AS contact,
                             careleaver.suppress_row(r.activity) AS activity,
                             careleaver.suppress_row(r.accommodation) AS accommodation) p$q$,
      schema_name, careleaver.reporting_view_sql('care_leavers_by_age', schema_name));

  WHEN 'looked_after_summary' THEN
    RETURN format($q$
WITH %1$s,
  in_care AS (
    SELECT y.la, y.collection_year, count(DISTINCT e.child) AS looked_after_31_march
      FROM report_year y JOIN episode e ON e.la = y.la AND e.decom <= y.year_end
                                       AND (e.dec IS NULL OR e.dec > y.year_end)
     GROUP BY 1, 2),
  flows AS (
    SELECT y.la, y.collection_year,
           count(*) FILTER (WHERE p.period_start BETWEEN y.year_start AND y.year_end) AS periods_started,
           count(*) FILTER (WHERE p.period_end BETWEEN y.year_start AND y.year_end) AS periods_ended,
           count(*) FILTER (WHERE p.period_end BETWEEN y.year_start AND y.year_end
                              AND careleaver.is_returned_home(p.end_reason)) AS returned_home,
           count(*) FILTER (WHERE p.period_end BETWEEN y.year_start AND y.year_end
                              AND careleaver.is_adoption(p.end_reason)) AS adopted,
           count(*) FILTER (WHERE p.period_end BETWEEN y.year_start AND y.year_end
                              AND careleaver.is_special_guardianship_order(p.end_reason)) AS special_guardianship,
           count(*) FILTER (WHERE p.period_end BETWEEN y.year_start AND y.year_end
                              AND NOT coalesce(careleaver.is_returned_home(p.end_reason)
                                               OR careleaver.is_adoption(p.end_reason)
                                               OR careleaver.is_special_guardianship_order(p.end_reason), false))
             AS other_endings
      FROM report_year y LEFT JOIN period p ON p.la = y.la
     GROUP BY 1, 2)
SELECT f.la, f.collection_year, coalesce(i.looked_after_31_march, 0) AS looked_after_31_march,
       f.periods_started, f.periods_ended, f.returned_home, f.adopted, f.special_guardianship, f.other_endings
  FROM flows f LEFT JOIN in_care i USING (la, collection_year)$q$, periods);

  WHEN 'looked_after_summary_published' THEN
    RETURN format($q$
SELECT s.la, s.collection_year, careleaver.publish_count(s.looked_after_31_march) AS looked_after_31_march,
       careleaver.publish_count(s.periods_started) AS periods_started,
       careleaver.publish_row_total(r.endings) AS periods_ended,
       p.endings[1] AS returned_home, p.endings[2] AS adopted, p.endings[3] AS special_guardianship,
       p.endings[4] AS other_endings
  FROM (%1$s) s
  CROSS JOIN LATERAL (SELECT ARRAY[s.returned_home, s.adopted, s.special_guardianship, s.other_endings] AS endings) r
  CROSS JOIN LATERAL (SELECT careleaver.suppress_row(r.endings) AS endings) p$q$,
      careleaver.reporting_view_sql('looked_after_summary', schema_name));

  WHEN 'placement_stability' THEN
    RETURN format($q$
WITH %1$s,
  placements AS (
    SELECT y.la, y.collection_year, e.child,
           count(*) FILTER (WHERE (e.place IS NULL OR NOT careleaver.is_temporary_placement(e.place))
                              AND (e.decom < y.year_start OR e.previous_dec IS DISTINCT FROM e.decom
                                   OR e.rne IS NULL OR careleaver.starts_placement(e.rne))) AS placements,
           bool_or(e.decom <= y.year_end AND (e.dec IS NULL OR e.dec > y.year_end)) AS looked_after_31_march
      FROM report_year y
      JOIN episode e ON e.la = y.la AND e.decom <= y.year_end AND (e.dec IS NULL OR e.dec > y.year_start)
     GROUP BY 1, 2, 3)
SELECT y.la, y.collection_year,
       count(p.child) FILTER (WHERE p.looked_after_31_march) AS looked_after_31_march,
       count(p.child) FILTER (WHERE p.looked_after_31_march AND p.placements >= 3) AS three_or_more_placements,
       count(p.child) FILTER (WHERE p.looked_after_31_march AND p.placements < 3) AS fewer_than_three_placements
  FROM report_year y LEFT JOIN placements p USING (la, collection_year)
 GROUP BY 1, 2$q$, periods);

  WHEN 'placement_stability_published' THEN
    RETURN format($q$
SELECT s.la, s.collection_year, careleaver.publish_row_total(r.cells) AS looked_after_31_march,
       p.cells[1] AS three_or_more_placements, p.cells[2] AS fewer_than_three_placements,
       CASE WHEN p.cells[1] = 'c' OR careleaver.publish_row_total(r.cells) = 'c' THEN 'c'
            ELSE careleaver.publish_percent(s.three_or_more_placements, s.looked_after_31_march, NULL, 1) END
         AS three_or_more_placements_percent
  FROM (%1$s) s
  CROSS JOIN LATERAL (SELECT ARRAY[s.three_or_more_placements, s.fewer_than_three_placements] AS cells) r
  CROSS JOIN LATERAL (SELECT careleaver.suppress_row(r.cells) AS cells) p$q$,
      careleaver.reporting_view_sql('placement_stability', schema_name));

  WHEN 'return_home_by_duration' THEN
    RETURN format($q$
WITH %1$s,
  entry AS (
    SELECT p.la, careleaver.collection_year_of(p.period_start) AS entry_year,
           least(coalesce(p.period_end, d.data_end), d.data_end) - p.period_start AS days,
           CASE WHEN p.period_end IS NULL OR p.period_end > d.data_end THEN 0
                WHEN careleaver.is_returned_home(p.end_reason) THEN 1 ELSE 2 END AS outcome
      FROM period p JOIN data_end d USING (la)
     WHERE careleaver.collection_year_of(p.period_start) > extract(year FROM d.data_end)::int - 10),
  event_time AS (
    SELECT la, entry_year, days,
           count(*) FILTER (WHERE outcome = 1) AS home, count(*) FILTER (WHERE outcome > 0) AS ended,
           count(*) AS leaving
      FROM entry GROUP BY 1, 2, 3),
  risk AS (
    SELECT t.*, sum(leaving) OVER (PARTITION BY la, entry_year ORDER BY days DESC) AS at_risk
      FROM event_time t),
  surv AS (
    SELECT r.*,
           CASE WHEN bool_or(ended = at_risk) OVER w THEN 0::float8
                ELSE exp(sum(ln(greatest(1 - ended::float8 / at_risk, 1e-300))) OVER w) END AS survival
      FROM risk r WINDOW w AS (PARTITION BY la, entry_year ORDER BY days)),
  surv_before AS (
    SELECT s.*, coalesce(lag(survival) OVER (PARTITION BY la, entry_year ORDER BY days), 1) AS survival_before
      FROM surv s),
  cif AS (
    SELECT s.*, sum(survival_before * home / at_risk) OVER (PARTITION BY la, entry_year ORDER BY days)
             AS incidence
      FROM surv_before s),
  cohort AS (SELECT la, entry_year, count(*) AS periods_started FROM entry GROUP BY 1, 2)
SELECT c.la, c.entry_year, d.day, c.periods_started,
       (SELECT count(*) FROM entry x WHERE x.la = c.la AND x.entry_year = c.entry_year AND x.outcome = 1
                                        AND x.days <= d.day) AS returned_home_by_day,
       (SELECT count(*) FROM entry x WHERE x.la = c.la AND x.entry_year = c.entry_year AND x.outcome = 0
                                        AND x.days < d.day) AS censored_before_day,
       coalesce((SELECT round(i.incidence::numeric, 4) FROM cif i
                  WHERE i.la = c.la AND i.entry_year = c.entry_year AND i.days <= d.day
                  ORDER BY i.days DESC LIMIT 1), 0) AS cumulative_incidence
  FROM cohort c CROSS JOIN (VALUES (30), (91), (182), (365), (547), (730)) AS d(day)$q$, periods);

  WHEN 'return_home_by_duration_published' THEN
    RETURN format($q$
WITH r AS (%1$s),
  series AS (
    SELECT la, entry_year, array_agg(day ORDER BY day) AS days,
           careleaver.publish_cumulative(array_agg(returned_home_by_day ORDER BY day), min(periods_started))
             AS published
      FROM r GROUP BY 1, 2)
SELECT r.la, r.entry_year, r.day, careleaver.publish_count(r.periods_started) AS periods_started,
       s.published[array_position(s.days, r.day)] AS returned_home_by_day,
       CASE WHEN s.published[array_position(s.days, r.day)] = 'c'
              OR careleaver.publish_count(r.periods_started) = 'c' THEN 'c'
            WHEN r.cumulative_incidence > 0 AND round(100 * r.cumulative_incidence) = 0 THEN 'k'
            ELSE round(100 * r.cumulative_incidence)::text END AS cumulative_incidence_percent
  FROM r JOIN series s USING (la, entry_year)$q$, careleaver.reporting_view_sql('return_home_by_duration', schema_name));

  WHEN 'data_quality' THEN
    RETURN format($q$
WITH all_episode AS (
    SELECT e.*, lead(e.decom) OVER (PARTITION BY e.la, e.child ORDER BY e.decom) AS next_decom
      FROM %1$I.episodes e),
  defect AS (
    SELECT la, careleaver.collection_year_of(decom) AS collection_year,
           'episode ends before it starts'::text AS defect
      FROM all_episode WHERE dec < decom
    UNION ALL
    SELECT la, careleaver.collection_year_of(decom), 'episode overlaps the next episode'
      FROM all_episode WHERE next_decom < coalesce(dec, 'infinity'::date)
    UNION ALL
    SELECT la, careleaver.collection_year_of(decom), 'episode ends with X1 and no episode follows (rule 388)'
      FROM all_episode WHERE rec::text = 'X1' AND next_decom IS DISTINCT FROM dec
    UNION ALL
    SELECT la, careleaver.collection_year_of(decom), 'episode has no end reason but an end date'
      FROM all_episode WHERE dec IS NOT NULL AND rec IS NULL
    UNION ALL
    SELECT e.la, careleaver.collection_year_of(e.decom), 'child has episodes but no header row'
      FROM all_episode e WHERE NOT EXISTS (SELECT 1 FROM %1$I.header h WHERE h.la = e.la AND h.child = e.child)
    UNION ALL
    SELECT o.la, o.year, 'OC3 record without IN_TOUCH'
      FROM %1$I.oc3 o WHERE o.in_touch IS NULL)
SELECT la, collection_year, defect, count(*) AS records
  FROM defect GROUP BY 1, 2, 3$q$, schema_name);

  ELSE
    RAISE EXCEPTION 'unknown reporting view "%"', view_name
      USING ERRCODE = '22023',
            HINT = 'The reporting views are listed in careleaver.reporting_views.';
  END CASE;
END
$fn$;
COMMENT ON FUNCTION careleaver.reporting_view_sql(text, text) IS
  'The SELECT behind one reporting view (see careleaver.reporting_views) over the dataset in schema_name; '
  'careleaver.create_reports creates the views from it and careleaver.report_html reads it';

-- The catalogue of reporting views: names, comments (naming the metrics.md section) and column comments.
CREATE FUNCTION careleaver.reporting_view_columns(
    OUT view_name text, OUT column_name text, OUT ordinal integer, OUT description text)
  RETURNS SETOF record
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver
AS $$
SELECT v.view_name, c.column_name, c.ordinal::integer, c.description
  FROM (VALUES ('care_leavers_by_age'), ('care_leavers_by_age_published')) AS v(view_name),
       LATERAL (VALUES
    ('la', 1, 'Local authority code'),
    ('collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
    ('age', 3, 'Age on the birthday in the collection year on which the OC3 record was returned (metrics.md 5)'),
    ('oc3_records', 4, 'OC3 records returned for the year at this age (metrics.md 5)'),
    ('excluded', 5, 'Records excluded from outcome denominators: IN_TOUCH DIED or RHOM (metrics.md 5)'),
    ('care_leavers', 6, 'Care leavers: OC3 records less exclusions, the denominator of every percentage (metrics.md 5)'),
    ('in_touch', 7, 'IN_TOUCH YES: the authority is in touch (metrics.md 5)'),
    ('not_in_touch', 8, 'IN_TOUCH NO (metrics.md 5)'),
    ('refused_contact', 9, 'IN_TOUCH REFU: the young person refuses contact (metrics.md 5)'),
    ('no_longer_requires_services', 10, 'IN_TOUCH NREQ (metrics.md 5)'),
    ('contact_not_known', 11, 'IN_TOUCH blank (a data defect, metrics.md 5: never silently dropped)'),
    ('eet', 12, 'In education, employment or training: ACTIV F1-F5, P1-P5 (metrics.md 5)'),
    ('neet', 13, 'Not in education, employment or training: ACTIV G4, G5, G6 (metrics.md 5)'),
    ('activity_not_known', 14, 'Activity not known: ACTIV 0 or blank (metrics.md 5)'),
    ('suitable', 15, 'In suitable accommodation: ACCOM suffix 1 (metrics.md 5)'),
    ('unsuitable', 16, 'In unsuitable accommodation: ACCOM suffix 2 (metrics.md 5)'),
    ('accommodation_not_known', 17, 'Accommodation not known: ACCOM 0 or blank (metrics.md 5)'),
    ('in_touch_percent', 18, 'Percentage of care leavers in touch (metrics.md 5; disclosure control, metrics.md 9)'),
    ('eet_percent', 19, 'Percentage of care leavers in education, employment or training (metrics.md 5 and 9)'),
    ('neet_percent', 20, 'Percentage of care leavers not in education, employment or training (metrics.md 5 and 9)'),
    ('suitable_percent', 21, 'Percentage of care leavers in suitable accommodation (metrics.md 5 and 9)')
  ) AS c(column_name, ordinal, description)
UNION ALL
SELECT v.view_name, c.column_name, c.ordinal, c.description
  FROM (VALUES ('looked_after_summary'), ('looked_after_summary_published')) AS v(view_name),
       LATERAL (VALUES
    ('la', 1, 'Local authority code'),
    ('collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
    ('looked_after_31_march', 3, 'Children looked after on 31 March, short breaks left out (metrics.md 1 and 2)'),
    ('periods_started', 4, 'Periods of care that started in the year (metrics.md 3)'),
    ('periods_ended', 5, 'Periods of care that ended in the year (metrics.md 3)'),
    ('returned_home', 6, 'Periods that ended with a return home, REC E4A or E4B (metrics.md 6)'),
    ('adopted', 7, 'Periods that ended in adoption, REC E11 or E12 (metrics.md 3)'),
    ('special_guardianship', 8, 'Periods that ended with a special guardianship order, REC E43 to E48 (metrics.md 3)'),
    ('other_endings', 9, 'Periods that ended for any other reason, or with no reason (metrics.md 3)')
  ) AS c(column_name, ordinal, description)
UNION ALL
SELECT v.view_name, c.column_name, c.ordinal, c.description
  FROM (VALUES ('placement_stability'), ('placement_stability_published')) AS v(view_name),
       LATERAL (VALUES
    ('la', 1, 'Local authority code'),
    ('collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
    ('looked_after_31_march', 3, 'Children looked after on 31 March, short breaks left out (metrics.md 7)'),
    ('three_or_more_placements', 4, 'Of them, children with three or more placements overlapping the year: the DfE short-term stability measure (metrics.md 7; placements as metrics.md 3, temporary placements not counted)'),
    ('fewer_than_three_placements', 5, 'Of them, children with one or two placements in the year (metrics.md 7)'),
    ('three_or_more_placements_percent', 6, 'Percentage with three or more placements, one decimal place (metrics.md 7 and 9)')
  ) AS c(column_name, ordinal, description)
UNION ALL
SELECT v.view_name, c.column_name, c.ordinal, c.description
  FROM (VALUES ('return_home_by_duration'), ('return_home_by_duration_published')) AS v(view_name),
       LATERAL (VALUES
    ('la', 1, 'Local authority code'),
    ('entry_year', 2, 'Collection year in which the periods of care started (the entry cohort, metrics.md 6)'),
    ('day', 3, 'Days since the start of the period of care: 30, 91, 182, 365, 547, 730 (metrics.md 6)'),
    ('periods_started', 4, 'Periods of care in the entry cohort (metrics.md 3)'),
    ('returned_home_by_day', 5, 'Of them, periods that ended with a return home (E4A, E4B) by this day (metrics.md 6)'),
    ('censored_before_day', 6, 'Of them, periods still open at the data''s end before this day: censored (metrics.md 6)'),
    ('cumulative_incidence', 7, 'Aalen-Johansen cumulative incidence of a return home by this day, other exits competing, open periods censored (metrics.md 6 and 8)'),
    ('cumulative_incidence_percent', 8, 'The cumulative incidence as a whole percentage (metrics.md 6, 8 and 9)')
  ) AS c(column_name, ordinal, description)
UNION ALL
SELECT 'data_quality', c.column_name, c.ordinal, c.description
  FROM (VALUES
    ('la', 1, 'Local authority code'),
    ('collection_year', 2, 'Collection year of the episode start or of the OC3 return'),
    ('defect', 3, 'The defect found (see doc/reporting.md; rule numbers are the DfE validation rules)'),
    ('records', 4, 'Number of records with the defect')
  ) AS c(column_name, ordinal, description)
$$;
COMMENT ON FUNCTION careleaver.reporting_view_columns() IS
  'The columns of every reporting view with the comment create_reports gives them (naming the metrics.md section)';

CREATE VIEW careleaver.reporting_views (view_name, published, description) AS
VALUES
  ('care_leavers_by_age'::text, false,
   'Care leavers by age and collection year: contact, activity and accommodation from the OC3 records (metrics.md 5)'::text),
  ('care_leavers_by_age_published', true,
   'care_leavers_by_age as a council would publish it: primary and secondary suppression in each row, percentages of suppressed cells hidden (metrics.md 5 and 9)'),
  ('looked_after_summary', false,
   'Children looked after on 31 March, periods of care started and ended in the year, and how they ended (metrics.md 1 to 3 and 6)'),
  ('looked_after_summary_published', true,
   'looked_after_summary with disclosure control; the endings are one row whose total is the periods ended (metrics.md 9)'),
  ('placement_stability', false,
   'Children looked after on 31 March with three or more placements in the year: the DfE short-term stability measure (metrics.md 7)'),
  ('placement_stability_published', true,
   'placement_stability with disclosure control (metrics.md 7 and 9)'),
  ('return_home_by_duration', false,
   'Cumulative incidence of a return home by days since entry, per entry cohort, other exits competing (metrics.md 6 and 8)'),
  ('return_home_by_duration_published', true,
   'return_home_by_duration with disclosure control: the cumulative counts go through publish_cumulative and a percentage is hidden with its count (metrics.md 9)'),
  ('data_quality', false,
   'Defects found in the episodes and OC3 records, per council, collection year and defect');
COMMENT ON VIEW careleaver.reporting_views IS
  'The reporting views careleaver.create_reports creates in a dataset schema (doc/reporting.md)';
COMMENT ON COLUMN careleaver.reporting_views.view_name IS 'Name of the view in the dataset schema';
COMMENT ON COLUMN careleaver.reporting_views.published IS 'True for the variants with disclosure control applied (text columns with the symbols c, z, x, k)';
COMMENT ON COLUMN careleaver.reporting_views.description IS 'What the view holds and the metrics.md sections it follows';

CREATE FUNCTION careleaver.create_reports(schema_name text) RETURNS SETOF text
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, careleaver
AS $fn$
DECLARE
  v record;
  c record;
BEGIN
  IF schema_name IS NULL OR to_regnamespace(quote_ident(schema_name)) IS NULL THEN
    RAISE EXCEPTION 'dataset schema "%" does not exist', schema_name
      USING ERRCODE = '3F000',
            HINT = 'Create it with careleaver.create_dataset() and load or generate data first.';
  END IF;
  FOR v IN SELECT * FROM careleaver.reporting_views ORDER BY published, view_name LOOP
    EXECUTE format('CREATE OR REPLACE VIEW %I.%I AS %s', schema_name, v.view_name,
                   careleaver.reporting_view_sql(v.view_name, schema_name));
    EXECUTE format('COMMENT ON VIEW %I.%I IS %L', schema_name, v.view_name, v.description);
    FOR c IN SELECT * FROM careleaver.reporting_view_columns() rc WHERE rc.view_name = v.view_name LOOP
      IF EXISTS (SELECT 1 FROM pg_attribute a
                  WHERE a.attrelid = format('%I.%I', schema_name, v.view_name)::regclass
                    AND a.attname = c.column_name AND NOT a.attisdropped) THEN
        EXECUTE format('COMMENT ON COLUMN %I.%I.%I IS %L', schema_name, v.view_name, c.column_name,
                       c.description);
      END IF;
    END LOOP;
    RETURN NEXT v.view_name;
  END LOOP;
END
$fn$;
COMMENT ON FUNCTION careleaver.create_reports(text) IS
  'Creates (or replaces) the reporting views of careleaver.reporting_views in a dataset schema, with a comment '
  'on every view and column; returns the names of the views created (doc/reporting.md)';
