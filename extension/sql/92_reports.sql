-- Reporting views over a dataset (issue 6; doc/reporting.md): the SQL of each view is built
-- by careleaver.reporting_view_sql, created in the dataset's schema by careleaver.create_reports,
-- and read by careleaver.report_html.  Every *_published view and every number of the report
-- goes through disclosure control (90_disclosure.sql, metrics.md 9).

-- Shared pieces of view SQL: one care history per child (careleaver.care_history_agg), the data's end
-- and the collection years reported.
CREATE FUNCTION careleaver.reporting_common_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN format($q$
  person AS (
    SELECT e.la, e.child, min(h.dob) AS dob,
           careleaver.care_history_agg(e.decom, e."dec", e.rne, e.ls, e.place, e.rec) AS history
      FROM %1$I.episodes e
      LEFT JOIN %1$I.header h ON h.la = e.la AND h.child = e.child
     GROUP BY e.la, e.child),
  data_end AS (
    SELECT e.la,
           careleaver.data_end(max(greatest(e.decom, coalesce(e."dec", e.decom)))) AS data_end,
           careleaver.collection_year_of(min(e.decom)) AS first_year,
           greatest(careleaver.collection_year_of(max(greatest(e.decom, coalesce(e."dec", e.decom)))),
                    (SELECT max(o.year) FROM %1$I.oc3 o WHERE o.la = e.la)) AS last_year
      FROM %1$I.episodes e GROUP BY e.la),
  report_year AS (
    SELECT la, y AS collection_year, careleaver.collection_year_start(y) AS year_start,
           careleaver.collection_year_end(y) AS year_end
      FROM data_end, generate_series(greatest(first_year, last_year - 9), last_year) AS y)$q$, schema_name);
END
$fn$;
COMMENT ON FUNCTION careleaver.reporting_common_sql(text) IS
  'Internal: the common table expressions of the reporting views over a dataset schema: one care history per '
  'child (careleaver.care_history_agg, metrics.md 1 to 3), the data''s end (31 March of the latest collection '
  'year in the episodes) and the last ten collection years of the episodes or OC3 records';

CREATE FUNCTION careleaver.reporting_view_sql(view_name text, schema_name text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  common text := careleaver.reporting_common_sql(schema_name);
BEGIN
  CASE view_name
  WHEN 'care_leavers_by_age' THEN
    RETURN format($q$
WITH %1$s,
  member AS (
    SELECT p.la, p.child, y.collection_year,
           careleaver.leaver_cohort_age(p.history, p.dob, y.collection_year) AS age
      FROM person p JOIN report_year y USING (la)
     WHERE p.dob IS NOT NULL),
  outcome AS (
    SELECT m.la, m.collection_year, m.age, o.*
      FROM member m
      LEFT JOIN %2$I.oc3 r ON r.la = m.la AND r.child = m.child AND r.year = m.collection_year
     CROSS JOIN LATERAL careleaver.leaver_outcome(r.in_touch, r.activ, r.accom) o
     WHERE m.age IS NOT NULL)
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
       count(*) FILTER (WHERE homeless_or_insecure) AS homeless_or_insecure
  FROM outcome
 GROUP BY 1, 2, 3
HAVING age <= 21 OR count(*) FILTER (WHERE NOT no_information) > 0$q$, common, schema_name);

  WHEN 'care_leavers_by_age_published' THEN
    RETURN format($q$
WITH b AS (%1$s),
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
                                                ARRAY[false, false, false, f.no_information_hidden])) AS total_hidden
      FROM first_pass f)
SELECT p.la, p.collection_year, p.age,
       CASE WHEN p.total_hidden THEN 'c' ELSE careleaver.publish_count(p.care_leavers) END AS care_leavers,
       p.contact[1] AS in_touch, p.contact[2] AS not_in_touch, p.contact[3] AS refused_contact,
       p.contact[4] AS no_longer_requires_services, p.contact[5] AS contact_not_recorded,
       p.contact[6] AS no_information,
       p.activity[1] AS eet, p.activity[2] AS neet, p.activity[3] AS activity_not_known,
       p.accommodation[1] AS suitable, p.accommodation[2] AS unsuitable, p.accommodation[3] AS accommodation_not_known,
       CASE WHEN p.contact[1] = 'c' OR p.total_hidden THEN 'c'
            ELSE careleaver.publish_percent(p.in_touch, p.care_leavers) END AS in_touch_percent,
       CASE WHEN p.activity[1] = 'c' OR p.total_hidden THEN 'c'
            ELSE careleaver.publish_percent(p.eet, p.care_leavers) END AS eet_percent,
       CASE WHEN p.activity[2] = 'c' OR p.total_hidden THEN 'c'
            ELSE careleaver.publish_percent(p.neet, p.care_leavers) END AS neet_percent,
       CASE WHEN p.accommodation[1] = 'c' OR p.total_hidden THEN 'c'
            ELSE careleaver.publish_percent(p.suitable, p.care_leavers) END AS suitable_percent
  FROM p$q$, careleaver.reporting_view_sql('care_leavers_by_age', schema_name));

  WHEN 'care_leavers_by_category' THEN
    RETURN format($q$
WITH %1$s,
  member AS (
    SELECT p.la, p.child, y.collection_year,
           careleaver.leaver_cohort_age(p.history, p.dob, y.collection_year) AS age
      FROM person p JOIN report_year y USING (la)
     WHERE p.dob IS NOT NULL),
  outcome AS (
    SELECT m.la, m.collection_year,
           CASE WHEN m.age <= 18 THEN '17 to 18' WHEN m.age <= 21 THEN '19 to 21' ELSE '22 to 24' END AS age_group,
           r.activ, r.accom, o.no_information
      FROM member m
      LEFT JOIN %2$I.oc3 r ON r.la = m.la AND r.child = m.child AND r.year = m.collection_year
     CROSS JOIN LATERAL careleaver.leaver_outcome(r.in_touch, r.activ, r.accom) o
     WHERE m.age IS NOT NULL AND NOT coalesce(o.excluded, false))
SELECT la, collection_year, age_group, k.breakdown, k.category, count(*) AS young_people
  FROM outcome
 CROSS JOIN LATERAL (VALUES
   ('accommodation type', CASE WHEN no_information THEN 'no information'
                               ELSE coalesce(careleaver.accommodation_type_label(accom), 'not known') END),
   ('activity', CASE WHEN no_information THEN 'no information'
                     ELSE coalesce(careleaver.label(activ), 'not known') END)) AS k(breakdown, category)
 GROUP BY 1, 2, 3, 4, 5$q$, common, schema_name);

  WHEN 'care_leavers_by_category_published' THEN
    RETURN format($q$
WITH b AS (%1$s),
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
      careleaver.reporting_view_sql('care_leavers_by_category', schema_name));

  WHEN 'looked_after_summary' THEN
    RETURN format($q$
WITH %1$s,
  period AS (
    SELECT p.la, pc.start_date, pc.end_date, pc.end_reason
      FROM person p CROSS JOIN LATERAL careleaver.periods_of_care(p.history) pc),
  in_care AS (
    SELECT y.la, y.collection_year,
           count(*) FILTER (WHERE careleaver.looked_after_on(p.history, y.year_end)) AS looked_after_31_march
      FROM report_year y JOIN person p USING (la)
     GROUP BY 1, 2),
  flows AS (
    SELECT y.la, y.collection_year,
           count(p.start_date) FILTER (WHERE p.start_date BETWEEN y.year_start AND y.year_end) AS periods_started,
           count(p.start_date) FILTER (WHERE p.end_date BETWEEN y.year_start AND y.year_end) AS periods_ended,
           count(p.start_date) FILTER (WHERE p.end_date BETWEEN y.year_start AND y.year_end
                                         AND careleaver.is_returned_home(p.end_reason)) AS returned_home,
           count(p.start_date) FILTER (WHERE p.end_date BETWEEN y.year_start AND y.year_end
                                         AND careleaver.is_adoption(p.end_reason)) AS adopted,
           count(p.start_date) FILTER (WHERE p.end_date BETWEEN y.year_start AND y.year_end
                                         AND careleaver.is_special_guardianship_order(p.end_reason)) AS special_guardianship,
           count(p.start_date) FILTER (WHERE p.end_date BETWEEN y.year_start AND y.year_end
                                         AND NOT coalesce(careleaver.is_returned_home(p.end_reason)
                                                          OR careleaver.is_adoption(p.end_reason)
                                                          OR careleaver.is_special_guardianship_order(p.end_reason), false))
             AS other_endings
      FROM report_year y LEFT JOIN period p ON p.la = y.la
     GROUP BY 1, 2)
SELECT f.la, f.collection_year, coalesce(i.looked_after_31_march, 0) AS looked_after_31_march,
       f.periods_started, f.periods_ended, f.returned_home, f.adopted, f.special_guardianship, f.other_endings,
       %2$s AS child_population,
       round(10000.0 * coalesce(i.looked_after_31_march, 0) / nullif(%2$s, 0), 1) AS rate_per_10000
  FROM flows f LEFT JOIN in_care i USING (la, collection_year)$q$, common,
    CASE WHEN to_regclass(format('%I.population', schema_name)) IS NULL THEN 'NULL::bigint'
         ELSE format('(SELECT sum(pp.count)::bigint FROM %I.population pp WHERE pp.la = f.la '
                     'AND pp.year = f.collection_year AND pp.age BETWEEN 0 AND 17)', schema_name) END);

  WHEN 'looked_after_summary_published' THEN
    RETURN format($q$
SELECT s.la, s.collection_year, careleaver.publish_count(s.looked_after_31_march) AS looked_after_31_march,
       careleaver.publish_count(s.periods_started) AS periods_started,
       careleaver.publish_row_total(r.endings) AS periods_ended,
       p.endings[1] AS returned_home, p.endings[2] AS adopted, p.endings[3] AS special_guardianship,
       p.endings[4] AS other_endings,
       CASE WHEN s.rate_per_10000 IS NULL THEN 'x'
            WHEN careleaver.publish_count(s.looked_after_31_march) = 'c' THEN 'c'
            ELSE s.rate_per_10000::text END AS rate_per_10000
  FROM (%1$s) s
  CROSS JOIN LATERAL (SELECT ARRAY[s.returned_home, s.adopted, s.special_guardianship, s.other_endings] AS endings) r
  CROSS JOIN LATERAL (SELECT careleaver.suppress_row(r.endings) AS endings) p$q$,
      careleaver.reporting_view_sql('looked_after_summary', schema_name));

  WHEN 'placement_stability' THEN
    RETURN format($q$
WITH %1$s,
  measure AS (
    SELECT y.la, y.collection_year, st.*
      FROM report_year y JOIN person p USING (la)
     CROSS JOIN LATERAL careleaver.stability(p.history, p.dob, y.collection_year) st
     WHERE p.dob IS NOT NULL)
SELECT y.la, y.collection_year,
       count(m.la) FILTER (WHERE m.looked_after_on_31_march) AS looked_after_31_march,
       count(m.la) FILTER (WHERE m.three_or_more_placements) AS three_or_more_placements,
       count(m.la) FILTER (WHERE NOT m.three_or_more_placements) AS fewer_than_three_placements,
       count(m.la) FILTER (WHERE m.in_two_year_measure) AS two_year_children,
       count(m.la) FILTER (WHERE m.two_year_three_or_more) AS two_year_three_or_more,
       count(m.la) FILTER (WHERE m.in_long_term_measure) AS long_term_children,
       count(m.la) FILTER (WHERE m.long_term_stable) AS long_term_stable
  FROM report_year y LEFT JOIN measure m USING (la, collection_year)
 GROUP BY 1, 2$q$, common);

  WHEN 'placement_stability_published' THEN
    RETURN format($q$
WITH s AS (%1$s),
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
       p.two_total AS two_year_children, p.two_pub[1] AS two_year_three_or_more,
       CASE WHEN p.two_pub[1] = 'c' OR p.two_total = 'c' THEN 'c'
            ELSE careleaver.publish_percent(p.two_year_three_or_more, p.two_year_children, NULL, 1) END
         AS two_year_three_or_more_percent,
       p.long_total AS long_term_children, p.long_pub[1] AS long_term_stable,
       CASE WHEN p.long_pub[1] = 'c' OR p.long_total = 'c' THEN 'c'
            ELSE careleaver.publish_percent(p.long_term_stable, p.long_term_children, NULL, 1) END
         AS long_term_stable_percent
  FROM p$q$, careleaver.reporting_view_sql('placement_stability', schema_name));

  WHEN 'return_home_by_duration' THEN
    RETURN format($q$
WITH %1$s,
  entry AS (
    SELECT p.la, careleaver.collection_year_of(x.start_date) AS entry_year, x.duration_days, x.cause
      FROM person p JOIN data_end d USING (la)
     CROSS JOIN LATERAL careleaver.exits(p.history, p.dob, d.data_end) x
     WHERE p.dob IS NOT NULL
       AND careleaver.collection_year_of(x.start_date) > careleaver.collection_year_of(d.data_end) - 10),
  cohort AS (
    SELECT la, entry_year, count(*) AS periods_started,
           careleaver.cif_agg(duration_days, CASE WHEN cause IN (0, 1) THEN cause ELSE 2 END) AS risks
      FROM entry GROUP BY 1, 2)
SELECT c.la, c.entry_year, d.day, c.periods_started,
       (SELECT count(*) FROM entry x WHERE x.la = c.la AND x.entry_year = c.entry_year AND x.cause = 1
                                        AND x.duration_days <= d.day) AS returned_home_by_day,
       (SELECT count(*) FROM entry x WHERE x.la = c.la AND x.entry_year = c.entry_year AND x.cause = 0
                                        AND x.duration_days < d.day) AS censored_before_day,
       round(careleaver.cif_at(c.risks, 1, d.day)::numeric, 4) AS cumulative_incidence
  FROM cohort c CROSS JOIN (VALUES (30), (91), (182), (365), (547), (730)) AS d(day)$q$, common);

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
            WHEN r.cumulative_incidence IS NULL THEN 'x'
            WHEN r.cumulative_incidence > 0 AND round(100 * r.cumulative_incidence) = 0 THEN 'k'
            ELSE round(100 * r.cumulative_incidence)::text END AS cumulative_incidence_percent
  FROM r JOIN series s USING (la, entry_year)$q$, careleaver.reporting_view_sql('return_home_by_duration', schema_name));

  WHEN 'looked_after_by_characteristic' THEN
    RETURN format($q$
WITH %1$s,
  at_31_march AS (
    SELECT DISTINCT ON (e.la, e.child, y.collection_year)
           e.la, y.collection_year, e.ls, e.place, h.sex,
           careleaver.age_on(h.dob, y.year_end) AS age
      FROM report_year y
      JOIN %2$I.episodes e ON e.la = y.la AND e.decom <= y.year_end AND (e."dec" IS NULL OR e."dec" > y.year_end)
      LEFT JOIN %2$I.header h ON h.la = e.la AND h.child = e.child
     WHERE e.ls IS NULL OR NOT careleaver.is_short_break(e.ls)
     ORDER BY e.la, e.child, y.collection_year, e.decom DESC)
SELECT la, collection_year, k.breakdown, k.category, count(*) AS children
  FROM at_31_march a
 CROSS JOIN LATERAL (VALUES
   ('legal status', coalesce(careleaver.legal_status_group(a.ls), 'not recorded')),
   ('placement', coalesce(careleaver.placement_group(a.place), 'not recorded')),
   ('age', CASE WHEN a.age IS NULL THEN 'not recorded' WHEN a.age < 1 THEN 'under 1'
                WHEN a.age < 5 THEN '1 to 4' WHEN a.age < 10 THEN '5 to 9' WHEN a.age < 16 THEN '10 to 15'
                ELSE '16 and over' END),
   ('sex', CASE upper(trim(a.sex::text)) WHEN '1' THEN 'male' WHEN 'M' THEN 'male' WHEN '2' THEN 'female'
                                         WHEN 'F' THEN 'female' ELSE 'not recorded' END)) AS k(breakdown, category)
 GROUP BY 1, 2, 3, 4$q$, common, schema_name);

  WHEN 'looked_after_by_characteristic_published' THEN
    RETURN format($q$
WITH b AS (%1$s),
  grouped AS (
    SELECT la, collection_year, breakdown, array_agg(category ORDER BY category) AS categories,
           array_agg(children ORDER BY category) AS cells
      FROM b GROUP BY 1, 2, 3)
SELECT g.la, g.collection_year, g.breakdown, u.category, u.children,
       careleaver.publish_row_total(g.cells) AS looked_after_31_march
  FROM grouped g
 CROSS JOIN LATERAL unnest(g.categories, careleaver.suppress_row(g.cells)) AS u(category, children)$q$,
      careleaver.reporting_view_sql('looked_after_by_characteristic', schema_name));

  WHEN 'returns_home_reentry' THEN
    RETURN format($q$
WITH %1$s,
  ret AS (
    SELECT p.la, careleaver.collection_year_of(r.return_date) AS collection_year,
           careleaver.reentered_within(p.history, r.return_date, interval '12 months', d.data_end) AS reentered
      FROM person p JOIN data_end d USING (la)
     CROSS JOIN LATERAL careleaver.returns_home(p.history, d.data_end) r)
SELECT y.la, y.collection_year,
       count(r.la) AS returned_home,
       count(r.la) FILTER (WHERE r.reentered) AS reentered_within_12_months,
       count(r.la) FILTER (WHERE r.la IS NOT NULL AND r.reentered IS NULL) AS follow_up_incomplete
  FROM report_year y LEFT JOIN ret r USING (la, collection_year)
 GROUP BY 1, 2$q$, common);

  WHEN 'returns_home_reentry_published' THEN
    RETURN format($q$
WITH b AS (%1$s),
  p AS (
    SELECT b.*, ARRAY[b.reentered_within_12_months,
                      b.returned_home - b.reentered_within_12_months - b.follow_up_incomplete,
                      b.follow_up_incomplete] AS cells
      FROM b)
SELECT p.la, p.collection_year, careleaver.publish_row_total(p.cells) AS returned_home,
       s.cells[1] AS reentered_within_12_months, s.cells[2] AS not_reentered, s.cells[3] AS follow_up_incomplete,
       CASE WHEN s.cells[1] = 'c' OR s.cells[2] = 'c' THEN 'c'
            ELSE careleaver.publish_percent(p.reentered_within_12_months,
                                            p.returned_home - p.follow_up_incomplete) END AS reentry_percent
  FROM p CROSS JOIN LATERAL (SELECT careleaver.suppress_row(p.cells) AS cells) s$q$,
      careleaver.reporting_view_sql('returns_home_reentry', schema_name));

  WHEN 'time_to_return_home' THEN
    RETURN format($q$
WITH %1$s,
  entry AS (
    SELECT p.la, careleaver.collection_year_of(x.start_date) AS entry_year, x.duration_days, x.cause
      FROM person p JOIN data_end d USING (la)
     CROSS JOIN LATERAL careleaver.exits(p.history, p.dob, d.data_end) x
     WHERE p.dob IS NOT NULL
       AND careleaver.collection_year_of(x.start_date) > careleaver.collection_year_of(d.data_end) - 10),
  km AS (
    SELECT la, entry_year, count(*) AS periods_started, count(*) FILTER (WHERE cause = 1) AS returned_home,
           careleaver.km_agg(duration_days, cause = 1) AS s
      FROM entry GROUP BY 1, 2)
SELECT km.la, km.entry_year, km.periods_started, km.returned_home,
       m.median AS median_days, m.lower95 AS median_lower95, m.upper95 AS median_upper95
  FROM km CROSS JOIN LATERAL careleaver.km_median_ci(km.s) m$q$, common);

  WHEN 'time_to_return_home_published' THEN
    RETURN format($q$
SELECT t.la, t.entry_year, careleaver.publish_count(t.periods_started) AS periods_started,
       careleaver.publish_count(t.returned_home) AS returned_home,
       CASE WHEN careleaver.publish_count(t.returned_home) = 'c' OR careleaver.publish_count(t.periods_started) = 'c'
            THEN 'c' WHEN t.median_days IS NULL THEN 'x' ELSE round(t.median_days)::text END AS median_days,
       CASE WHEN careleaver.publish_count(t.returned_home) = 'c' OR careleaver.publish_count(t.periods_started) = 'c'
            THEN 'c' WHEN t.median_lower95 IS NULL THEN 'x' ELSE round(t.median_lower95)::text END AS median_lower95,
       CASE WHEN careleaver.publish_count(t.returned_home) = 'c' OR careleaver.publish_count(t.periods_started) = 'c'
            THEN 'c' WHEN t.median_upper95 IS NULL THEN 'x' ELSE round(t.median_upper95)::text END AS median_upper95
  FROM (%1$s) t$q$, careleaver.reporting_view_sql('time_to_return_home', schema_name));

  WHEN 'national_framework' THEN
    RETURN format($q$
WITH leavers AS (
    SELECT la, collection_year, sum(care_leavers)::bigint AS care_leavers, sum(eet)::bigint AS eet,
           sum(suitable)::bigint AS suitable, sum(in_touch)::bigint AS in_touch
      FROM (%1$s) v WHERE age BETWEEN 19 AND 21 GROUP BY 1, 2),
  stab AS (%2$s),
  reentry AS (%3$s),
  indicator AS (
    SELECT la, collection_year, 1 AS ordinal, 'care leavers aged 19 to 21 in education, employment or training'::text AS indicator,
           'metrics.md 5'::text AS source, eet AS numerator, care_leavers AS denominator FROM leavers
    UNION ALL
    SELECT la, collection_year, 2, 'care leavers aged 19 to 21 in suitable accommodation', 'metrics.md 5', suitable, care_leavers FROM leavers
    UNION ALL
    SELECT la, collection_year, 3, 'care leavers aged 19 to 21 in touch', 'metrics.md 5', in_touch, care_leavers FROM leavers
    UNION ALL
    SELECT la, collection_year, 4, 'children looked after with three or more placements in the year', 'metrics.md 7',
           three_or_more_placements, looked_after_31_march FROM stab
    UNION ALL
    SELECT la, collection_year, 5, 'children looked after long term with the same carer for two years', 'metrics.md 7',
           long_term_stable, long_term_children FROM stab
    UNION ALL
    SELECT la, collection_year, 6, 'returns home followed by re-entry within 12 months', 'metrics.md 6',
           reentered_within_12_months, returned_home - follow_up_incomplete FROM reentry),
  valued AS (
    SELECT i.*, CASE WHEN denominator > 0 THEN round(100.0 * numerator / denominator, 1) END AS percent
      FROM indicator i)
SELECT v.la, v.collection_year, v.ordinal, v.indicator, v.source, v.numerator, v.denominator, v.percent,
       lag(v.percent) OVER w AS previous_percent,
       v.percent - lag(v.percent) OVER w AS change
  FROM valued v
WINDOW w AS (PARTITION BY v.la, v.ordinal ORDER BY v.collection_year)$q$,
      careleaver.reporting_view_sql('care_leavers_by_age', schema_name),
      careleaver.reporting_view_sql('placement_stability', schema_name),
      careleaver.reporting_view_sql('returns_home_reentry', schema_name));

  WHEN 'national_framework_published' THEN
    RETURN format($q$
WITH leavers AS (
    SELECT la, collection_year, sum(care_leavers)::bigint AS care_leavers, sum(eet)::bigint AS eet,
           sum(neet)::bigint AS neet, sum(activity_not_known)::bigint AS activity_not_known,
           sum(suitable)::bigint AS suitable, sum(unsuitable)::bigint AS unsuitable,
           sum(accommodation_not_known)::bigint AS accommodation_not_known, sum(in_touch)::bigint AS in_touch,
           sum(not_in_touch + refused_contact + no_longer_requires_services + contact_not_recorded)::bigint AS not_in_touch,
           sum(no_information)::bigint AS no_information
      FROM (%1$s) v WHERE age BETWEEN 19 AND 21 GROUP BY 1, 2),
  pooled AS (
    SELECT l.*, careleaver.suppress_row(ARRAY[eet, neet, activity_not_known, no_information]) AS act,
           careleaver.suppress_row(ARRAY[suitable, unsuitable, accommodation_not_known, no_information]) AS acc,
           careleaver.suppress_row(ARRAY[in_touch, not_in_touch, no_information]) AS con
      FROM leavers l),
  published AS (
    SELECT la, collection_year, 1 AS ordinal,
           CASE WHEN act[1] = 'c' THEN 'c' ELSE careleaver.publish_percent(eet, care_leavers, NULL, 1) END AS percent
      FROM pooled
    UNION ALL
    SELECT la, collection_year, 2,
           CASE WHEN acc[1] = 'c' THEN 'c' ELSE careleaver.publish_percent(suitable, care_leavers, NULL, 1) END FROM pooled
    UNION ALL
    SELECT la, collection_year, 3,
           CASE WHEN con[1] = 'c' THEN 'c' ELSE careleaver.publish_percent(in_touch, care_leavers, NULL, 1) END FROM pooled
    UNION ALL
    SELECT la, collection_year, 4, three_or_more_placements_percent FROM (%2$s) s
    UNION ALL
    SELECT la, collection_year, 5, long_term_stable_percent FROM (%2$s) s
    UNION ALL
    SELECT la, collection_year, 6,
           CASE WHEN reentry_percent IN ('c', 'z', 'x', 'k') THEN reentry_percent
                ELSE careleaver.publish_percent(r.reentered_within_12_months, r.returned_home - r.follow_up_incomplete, NULL, 1) END
      FROM (%3$s) p JOIN (%4$s) r USING (la, collection_year)),
  named AS (
    SELECT n.la, n.collection_year, n.ordinal, n.indicator, n.source, p.percent,
           lag(p.percent) OVER (PARTITION BY n.la, n.ordinal ORDER BY n.collection_year) AS previous_percent
      FROM (%5$s) n JOIN published p USING (la, collection_year, ordinal))
SELECT la, collection_year, ordinal, indicator, source, percent, coalesce(previous_percent, 'x') AS previous_percent,
       CASE WHEN 'c' IN (percent, previous_percent) THEN 'c'
            WHEN careleaver.is_published_number(percent) AND careleaver.is_published_number(previous_percent)
            THEN to_char(percent::numeric - previous_percent::numeric, 'FMS990.0')
            ELSE 'x' END AS change
  FROM named$q$,
      careleaver.reporting_view_sql('care_leavers_by_age', schema_name),
      careleaver.reporting_view_sql('placement_stability_published', schema_name),
      careleaver.reporting_view_sql('returns_home_reentry_published', schema_name),
      careleaver.reporting_view_sql('returns_home_reentry', schema_name),
      careleaver.reporting_view_sql('national_framework', schema_name));

  WHEN 'starts_and_ceases_by_reason' THEN
    RETURN format($q$
WITH %1$s,
  person_need AS (
    SELECT e.la, e.child,
           careleaver.care_history_agg(e.decom, e."dec", e.rne, e.ls, e.place, e.rec, e.cin,
                                       NULL::careleaver.placement_provider,
                                       NULL::careleaver.placement_change_reason) AS history
      FROM %2$I.episodes e
     GROUP BY e.la, e.child),
  period AS (
    SELECT p.la, pc.start_date, pc.end_date, pc.end_reason, f.ls, f.cin
      FROM person_need p
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
 GROUP BY 1, 2, 3, 4, 5$q$, common, schema_name);

  WHEN 'starts_and_ceases_by_reason_published' THEN
    -- Each breakdown is a row whose total is the periods started or ended.  The REC codes refine the
    -- reason groups, so each group's codes are also a row whose total is the group's cell: when the
    -- group is shown its codes go through suppress_row; when it is hidden all its codes are hidden;
    -- a group whose codes could not be protected under a shown total is hidden in the first place.
    RETURN format($q$
WITH b AS (%1$s),
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
      careleaver.reporting_view_sql('starts_and_ceases_by_reason', schema_name));

  WHEN 'exits_by_route' THEN
    RETURN format($q$
WITH %1$s,
  entry AS (
    SELECT p.la, careleaver.collection_year_of(x.start_date) AS entry_year, x.duration_days, x.cause
      FROM person p JOIN data_end d USING (la)
     CROSS JOIN LATERAL careleaver.exits(p.history, p.dob, d.data_end) x
     WHERE p.dob IS NOT NULL
       AND careleaver.collection_year_of(x.start_date) > careleaver.collection_year_of(d.data_end) - 10),
  cohort AS (
    SELECT la, entry_year, count(*) AS periods_started, careleaver.cif_agg(duration_days, cause) AS risks
      FROM entry GROUP BY 1, 2),
  day AS (SELECT * FROM (VALUES (91), (182), (365), (730)) AS d(day)),
  route AS (
    SELECT * FROM (VALUES (1, 'returned home'), (2, 'adopted'), (3, 'special guardianship'),
                          (4, 'child arrangements order'), (5, 'turned 18'), (6, 'other')) AS r(cause, route)),
  exited AS (
    SELECT x.la, x.entry_year, d.day, x.cause, count(*) AS exits
      FROM entry x JOIN day d ON x.duration_days <= d.day
     WHERE x.cause > 0
     GROUP BY 1, 2, 3, 4)
SELECT c.la, c.entry_year, d.day, r.route, c.periods_started, coalesce(e.exits, 0) AS exits_by_day,
       round(ci.incidence::numeric, 4) AS cumulative_incidence,
       CASE WHEN ci.incidence IS NOT NULL THEN round(band.lower95::numeric, 4) END AS lower95,
       CASE WHEN ci.incidence IS NOT NULL THEN round(band.upper95::numeric, 4) END AS upper95
  FROM cohort c CROSS JOIN day d CROSS JOIN route r
  LEFT JOIN exited e ON e.la = c.la AND e.entry_year = c.entry_year AND e.day = d.day AND e.cause = r.cause
 CROSS JOIN LATERAL (SELECT careleaver.cif_at(c.risks, r.cause, d.day) AS incidence) ci
  LEFT JOIN LATERAL (SELECT t.lower95, t.upper95 FROM careleaver.cif_table(c.risks) t
                      WHERE t.cause = r.cause AND t.days <= d.day
                      ORDER BY t.days DESC LIMIT 1) band ON true$q$, common);

  WHEN 'exits_by_route_published' THEN
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
  FROM p$q$, careleaver.reporting_view_sql('exits_by_route', schema_name),
      careleaver.reporting_view_sql('return_home_by_duration_published', schema_name));

  WHEN 'data_quality' THEN
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
    %3$s)
SELECT la, collection_year, defect, count(*) AS records
  FROM defect GROUP BY 1, 2, 3$q$, common, schema_name,
    CASE WHEN to_regclass(format('%I.rejects', schema_name)) IS NULL THEN ''
         ELSE format('UNION ALL SELECT r.la, r.year, ''rejected_by_loader: '' || r.reason FROM %I.rejects r',
                     schema_name) END);

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
  SET search_path = pg_catalog, careleaver, pg_temp
AS $$
SELECT v.view_name, c.column_name, c.ordinal::integer, c.description
  FROM (VALUES ('care_leavers_by_age'), ('care_leavers_by_age_published')) AS v(view_name),
       LATERAL (VALUES
    ('la', 1, 'Local authority code'),
    ('collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
    ('age', 3, 'Age reached on the birthday in the collection year: 17 to 21, and 22 to 24 where OC3 records exist (metrics.md 5)'),
    ('cohort', 4, 'Young people in the care-leaver cohort: status relevant or former relevant on the birthday in the year (careleaver.in_leaver_cohort, metrics.md 4 and 5)'),
    ('excluded', 5, 'Cohort members excluded from outcome denominators: IN_TOUCH DIED or RHOM (metrics.md 5)'),
    ('care_leavers', 6, 'Care leavers: the cohort less exclusions, the denominator of every percentage, no-information members included (metrics.md 5)'),
    ('in_touch', 7, 'IN_TOUCH YES: the authority is in touch (metrics.md 5)'),
    ('not_in_touch', 8, 'IN_TOUCH NO (metrics.md 5)'),
    ('refused_contact', 9, 'IN_TOUCH REFU: the young person refuses contact (metrics.md 5)'),
    ('no_longer_requires_services', 10, 'IN_TOUCH NREQ (metrics.md 5)'),
    ('contact_not_recorded', 11, 'An OC3 record without IN_TOUCH (metrics.md 5: never silently dropped)'),
    ('no_information', 12, 'Cohort members with no OC3 record for the year: no information (metrics.md 5)'),
    ('eet', 13, 'In education, employment or training: ACTIV F1-F5, P1-P5 (metrics.md 5)'),
    ('neet', 14, 'Not in education, employment or training: ACTIV G4, G5, G6 (metrics.md 5)'),
    ('activity_not_known', 15, 'Activity not known: ACTIV 0 or blank on a record (metrics.md 5)'),
    ('higher_education', 16, 'In higher education: ACTIV F1, P1 (metrics.md 5)'),
    ('apprenticeship', 17, 'In an apprenticeship: ACTIV F4, P4 (metrics.md 5)'),
    ('suitable', 18, 'In suitable accommodation: ACCOM suffix 1 (metrics.md 5)'),
    ('unsuitable', 19, 'In unsuitable accommodation: ACCOM suffix 2 (metrics.md 5)'),
    ('accommodation_not_known', 20, 'Accommodation not known: ACCOM 0 or blank on a record (metrics.md 5)'),
    ('homeless_or_insecure', 21, 'Homeless or insecure: ACCOM S, V or W (our choice, metrics.md 5)'),
    ('in_touch_percent', 22, 'Percentage of care leavers in touch (metrics.md 5; disclosure control, metrics.md 9)'),
    ('eet_percent', 23, 'Percentage of care leavers in education, employment or training (metrics.md 5 and 9)'),
    ('neet_percent', 24, 'Percentage of care leavers not in education, employment or training (metrics.md 5 and 9)'),
    ('suitable_percent', 25, 'Percentage of care leavers in suitable accommodation (metrics.md 5 and 9)')
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
    ('other_endings', 9, 'Periods that ended for any other reason, or with no reason (metrics.md 3)'),
    ('child_population', 10, 'Children aged 0 to 17 in the council from the dataset''s population table; NULL when it is not loaded (metrics.md 1)'),
    ('rate_per_10000', 11, 'Children looked after on 31 March per 10,000 children aged 0 to 17; published x when no population is loaded (metrics.md 1 and 9)')
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
    ('three_or_more_placements_percent', 6, 'Percentage with three or more placements, one decimal place (metrics.md 7 and 9)'),
    ('two_year_children', 7, 'Children looked after on 31 March whose care began two years or more before: the two-year measure''s denominator (metrics.md 7)'),
    ('two_year_three_or_more', 8, 'Of them, three or more placements in the two years (metrics.md 7)'),
    ('two_year_three_or_more_percent', 9, 'Percentage of the two-year measure (metrics.md 7 and 9)'),
    ('long_term_children', 10, 'Children under 16 on 31 March looked after 2.5 years or more: the long-term measure''s denominator (metrics.md 7)'),
    ('long_term_stable', 11, 'Of them, with the same carer for two years or more (metrics.md 7)'),
    ('long_term_stable_percent', 12, 'Percentage of the long-term measure (metrics.md 7 and 9)')
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
    ('cumulative_incidence', 7, 'Aalen-Johansen cumulative incidence of a return home by this day (careleaver.cif_agg / cif_at), other exits competing, open periods censored; NULL past the longest follow-up (metrics.md 6 and 8)'),
    ('cumulative_incidence_percent', 8, 'The cumulative incidence as a whole percentage (metrics.md 6, 8 and 9)')
  ) AS c(column_name, ordinal, description)
UNION ALL
SELECT v.view_name, c.column_name, c.ordinal, c.description
  FROM (VALUES ('looked_after_by_characteristic'), ('looked_after_by_characteristic_published')) AS v(view_name),
       LATERAL (VALUES
    ('la', 1, 'Local authority code'),
    ('collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
    ('breakdown', 3, 'legal status (DfE group of LS), placement (DfE group of PLACE), age on 31 March, or sex (metrics.md 1 and 2)'),
    ('category', 4, 'The group within the breakdown (DfE groups, careleaver.legal_status_group and placement_group); not recorded when the code is missing (metrics.md 1)'),
    ('children', 5, 'Children looked after on 31 March in the group, by their episode open on that day, short breaks left out (metrics.md 1 and 2)'),
    ('looked_after_31_march', 6, 'Children looked after on 31 March: the row total of the breakdown as published (metrics.md 9)')
  ) AS c(column_name, ordinal, description)
UNION ALL
SELECT v.view_name, c.column_name, c.ordinal, c.description
  FROM (VALUES ('returns_home_reentry'), ('returns_home_reentry_published')) AS v(view_name),
       LATERAL (VALUES
    ('la', 1, 'Local authority code'),
    ('collection_year', 2, 'Collection year of the return home (metrics.md 6)'),
    ('returned_home', 3, 'Periods of care that ended with a return home, E4A or E4B (careleaver.returns_home, metrics.md 6)'),
    ('reentered_within_12_months', 4, 'Of them, followed by a new period of care within 12 months (metrics.md 6)'),
    ('not_reentered', 5, 'Of them, not re-entered within a complete 12-month follow-up (metrics.md 6)'),
    ('follow_up_incomplete', 6, 'Of them, censored: the 12-month window passes the data''s end (careleaver.reentered_within is NULL), never counted as not re-entered (metrics.md 6)'),
    ('reentry_percent', 7, 'Re-entered as a percentage of returns with a complete follow-up or a re-entry (metrics.md 6 and 9)')
  ) AS c(column_name, ordinal, description)
UNION ALL
SELECT v.view_name, c.column_name, c.ordinal, c.description
  FROM (VALUES ('time_to_return_home'), ('time_to_return_home_published')) AS v(view_name),
       LATERAL (VALUES
    ('la', 1, 'Local authority code'),
    ('entry_year', 2, 'Collection year in which the periods of care started (metrics.md 6)'),
    ('periods_started', 3, 'Periods of care in the entry cohort (metrics.md 3)'),
    ('returned_home', 4, 'Of them, ended with a return home (E4A, E4B) by the data''s end (metrics.md 6)'),
    ('median_days', 5, 'Kaplan-Meier median days to a return home, other exits and open periods censored; NULL when the estimate never reaches 0.5 (careleaver.km_median_ci, metrics.md 6 and 8)'),
    ('median_lower95', 6, 'Lower 95% limit of the median (log-log, metrics.md 8)'),
    ('median_upper95', 7, 'Upper 95% limit of the median (log-log, metrics.md 8)')
  ) AS c(column_name, ordinal, description)
UNION ALL
SELECT v.view_name, c.column_name, c.ordinal, c.description
  FROM (VALUES ('national_framework'), ('national_framework_published')) AS v(view_name),
       LATERAL (VALUES
    ('la', 1, 'Local authority code'),
    ('collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
    ('ordinal', 3, 'Position of the indicator in the outcome "children in care and care leavers have stable, loving homes" (metrics.md 5 to 7)'),
    ('indicator', 4, 'The indicator, in the analyst''s words (metrics.md 5 to 7)'),
    ('source', 5, 'The metrics.md section that defines it'),
    ('numerator', 6, 'Young people or returns counted by the indicator (metrics.md 5 to 7)'),
    ('denominator', 7, 'Its denominator (metrics.md 5 to 7)'),
    ('percent', 8, 'numerator / denominator as a percentage, one decimal place (metrics.md 5 to 7; published: metrics.md 9)'),
    ('previous_percent', 9, 'The percentage of the previous collection year (metrics.md 5 to 7)'),
    ('change', 10, 'Year-on-year change in percentage points; published: c when either year is suppressed, x when either is not available (metrics.md 9)')
  ) AS c(column_name, ordinal, description)
UNION ALL
SELECT v.view_name, c.column_name, c.ordinal, c.description
  FROM (VALUES ('care_leavers_by_category'), ('care_leavers_by_category_published')) AS v(view_name),
       LATERAL (VALUES
    ('la', 1, 'Local authority code'),
    ('collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
    ('age_group', 3, 'Age reached on the birthday in the year: 17 to 18, 19 to 21, 22 to 24 (metrics.md 5)'),
    ('breakdown', 4, 'accommodation type (the DfE category of ACCOM) or activity (the ACTIV code) (metrics.md 5)'),
    ('category', 5, 'The accommodation category or activity label; not known for 0 or blank; no information for cohort members without an OC3 record (metrics.md 5)'),
    ('young_people', 6, 'Care leavers of the cohort, exclusions (DIED, RHOM) left out, in the category (metrics.md 5)'),
    ('care_leavers', 7, 'The care leavers of the age group: the total of each breakdown as published (metrics.md 5 and 9)')
  ) AS c(column_name, ordinal, description)
UNION ALL
SELECT v.view_name, c.column_name, c.ordinal, c.description
  FROM (VALUES ('starts_and_ceases_by_reason'), ('starts_and_ceases_by_reason_published')) AS v(view_name),
       LATERAL (VALUES
    ('la', 1, 'Local authority code'),
    ('collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
    ('movement', 3, 'started: periods of care that started in the year; ceased: periods of care that ended in the year. Periods are counted, short breaks left out (metrics.md 2 and 3), so a child with two periods in a year counts twice; X1 with a continuation is not a cessation'),
    ('breakdown', 4, 'For started periods: legal status (DfE group of the LS of the period''s first episode) or category of need (its CIN); for ceased periods: reason group (careleaver.ceased_reason_group of the period''s end reason) or reason (the REC code) (metrics.md 3)'),
    ('category', 5, 'The group, CIN code and label, or REC code; not recorded when LS or CIN is missing; reason not known (reason group) or not known (reason) when the period ends X1 with no continuation or without a REC (metrics.md 3)'),
    ('periods', 6, 'Periods of care in the category (metrics.md 3)'),
    ('all_periods', 7, 'Periods of care started, or ended, in the year: the total of each breakdown as published, hidden in both breakdowns when either hides it (metrics.md 3 and 9)')
  ) AS c(column_name, ordinal, description)
UNION ALL
SELECT v.view_name, c.column_name, c.ordinal, c.description
  FROM (VALUES ('exits_by_route'), ('exits_by_route_published')) AS v(view_name),
       LATERAL (VALUES
    ('la', 1, 'Local authority code'),
    ('entry_year', 2, 'Collection year in which the periods of care started (the entry cohort, metrics.md 6)'),
    ('day', 3, 'Days since the start of the period of care: 91, 182, 365, 730 (metrics.md 6 and 8)'),
    ('route', 4, 'The exit route of careleaver.exits: returned home (E4A, E4B), adopted (E11, E12), special guardianship (E43 to E48), child arrangements order (E41), turned 18 (any other exit on or after the 18th birthday), other (any other exit, unknown reasons included) (metrics.md 6)'),
    ('periods_started', 5, 'Periods of care in the entry cohort (metrics.md 3)'),
    ('exits_by_day', 6, 'Of them, periods that ended by this route by this day (metrics.md 6)'),
    ('cumulative_incidence', 7, 'Aalen-Johansen cumulative incidence of an exit by this route by this day (careleaver.cif_agg / cif_at), the other routes competing, open periods censored; NULL past the longest follow-up (metrics.md 8)'),
    ('lower95', 8, 'Lower 95% limit of the cumulative incidence (careleaver.cif_table at the last event time up to the day; Gray''s variance, log(-log)); NULL when the incidence is 0 or not available (metrics.md 8)'),
    ('upper95', 9, 'Upper 95% limit of the cumulative incidence (metrics.md 8)'),
    ('cumulative_incidence_percent', 10, 'The cumulative incidence as a whole percentage, hidden with its count (metrics.md 8 and 9)'),
    ('lower95_percent', 11, 'The lower 95% limit as a whole percentage, hidden with its count (metrics.md 8 and 9)'),
    ('upper95_percent', 12, 'The upper 95% limit as a whole percentage, hidden with its count (metrics.md 8 and 9)')
  ) AS c(column_name, ordinal, description)
UNION ALL
SELECT 'data_quality', c.column_name, c.ordinal, c.description
  FROM (VALUES
    ('la', 1, 'Local authority code'),
    ('collection_year', 2, 'Collection year of the episode start or of the OC3 return'),
    ('defect', 3, 'The defect: those of careleaver.history_defects (metrics.md 3; doc/history.md), no_header_or_date_of_birth, oc3_without_in_touch, and rejected_by_loader: <reason> for each bad value the loader skipped (the rejects table)'),
    ('records', 4, 'Number of records with the defect')
  ) AS c(column_name, ordinal, description)
$$;
COMMENT ON FUNCTION careleaver.reporting_view_columns() IS
  'The columns of every reporting view with the comment create_reports gives them (naming the metrics.md section)';

CREATE VIEW careleaver.reporting_views (view_name, published, description) AS
VALUES
  ('care_leavers_by_age'::text, false,
   'Care leavers by age and collection year: the cohort of metrics.md 5 (careleaver.leaver_cohort_age) with contact, activity and accommodation from their OC3 records'::text),
  ('care_leavers_by_age_published', true,
   'care_leavers_by_age as a council would publish it: primary and secondary suppression in each row, percentages of suppressed cells hidden (metrics.md 5 and 9)'),
  ('care_leavers_by_category', false,
   'Care leavers by accommodation type and by activity, per age group, in the DfE table shapes (metrics.md 5)'),
  ('care_leavers_by_category_published', true,
   'care_leavers_by_category with disclosure control: each breakdown is one row whose total is the care leavers of the age group; no information is hidden in both breakdowns or neither (metrics.md 9)'),
  ('looked_after_summary', false,
   'Children looked after on 31 March, periods of care started and ended in the year, and how they ended (metrics.md 1 to 3 and 6)'),
  ('looked_after_summary_published', true,
   'looked_after_summary with disclosure control; the endings are one row whose total is the periods ended (metrics.md 9)'),
  ('placement_stability', false,
   'The three DfE placement stability measures (careleaver.stability, metrics.md 7): short-term, two-year and long-term'),
  ('placement_stability_published', true,
   'placement_stability with disclosure control (metrics.md 7 and 9)'),
  ('return_home_by_duration', false,
   'Cumulative incidence of a return home by days since entry, per entry cohort, other exits competing (metrics.md 6 and 8)'),
  ('return_home_by_duration_published', true,
   'return_home_by_duration with disclosure control: the cumulative counts go through publish_cumulative and a percentage is hidden with its count (metrics.md 9)'),
  ('looked_after_by_characteristic', false,
   'Children looked after on 31 March by legal status group, placement group, age and sex (metrics.md 1 and 2)'),
  ('looked_after_by_characteristic_published', true,
   'looked_after_by_characteristic with disclosure control: each breakdown is one row whose total is the children looked after (metrics.md 9)'),
  ('returns_home_reentry', false,
   'Returns home in the year and re-entry into care within 12 months, with the follow-ups still incomplete (careleaver.returns_home, metrics.md 6)'),
  ('returns_home_reentry_published', true,
   'returns_home_reentry with disclosure control (metrics.md 6 and 9)'),
  ('time_to_return_home', false,
   'Kaplan-Meier median days to a return home per entry cohort, with its 95% interval (careleaver.km_agg, metrics.md 6 and 8)'),
  ('time_to_return_home_published', true,
   'time_to_return_home with disclosure control: the median is hidden with a suppressed count, x when not reached (metrics.md 9)'),
  ('national_framework', false,
   'The indicators of the National Framework outcome "children in care and care leavers have stable, loving homes", with the year-on-year change (metrics.md 5 to 7)'),
  ('national_framework_published', true,
   'national_framework as published: each percentage from its published view, changes only between published figures (metrics.md 9)'),
  ('exits_by_route', false,
   'Cumulative incidence of every exit route (returned home, adopted, special guardianship, child arrangements order, turned 18, other) by days since entry, per entry cohort, the routes competing, with 95% intervals (careleaver.exits, cif_agg, metrics.md 6 and 8)'),
  ('exits_by_route_published', true,
   'exits_by_route with disclosure control: each route''s cumulative exits by day go through publish_cumulative beside the cohort, and the incidence and its interval are hidden with their count (metrics.md 9)'),
  ('starts_and_ceases_by_reason', false,
   'Periods of care started in the year by legal status group and category of need, and periods ended in the year by reason group and REC code, short breaks left out (metrics.md 2 and 3)'),
  ('starts_and_ceases_by_reason_published', true,
   'starts_and_ceases_by_reason with disclosure control: each breakdown is one row whose total is the periods started or ended, and the REC codes of each reason group are a row whose total is the group (all hidden when the group is) (metrics.md 9)'),
  ('data_quality', false,
   'Defects found in the episodes and OC3 records, per council, collection year and defect');
COMMENT ON VIEW careleaver.reporting_views IS
  'The reporting views careleaver.create_reports creates in a dataset schema (doc/reporting.md)';
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
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);  -- never run another role's code (doc/dataset.md)
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
