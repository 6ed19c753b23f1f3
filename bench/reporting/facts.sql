-- bench/reporting/facts.sql: the figures of the reporting views answered from the fact layer
-- (doc/facts.md), as views in schema bench so that bench/reporting/run can time and compare them.
-- :ds is the dataset schema.  Each reads child_year_facts (and OC3 where a view does).
CREATE SCHEMA IF NOT EXISTS bench;

-- looked_after_summary: children looked after on 31 March and the periods started and ended
CREATE OR REPLACE VIEW bench.summary AS
SELECT f.la, f.collection_year,
       count(*) FILTER (WHERE f.looked_after_31_march) AS looked_after_31_march,
       sum(f.periods_started) AS periods_started, sum(f.periods_ceased) AS periods_ended,
       sum(f.ceased_returned_home) AS returned_home, sum(f.ceased_adopted) AS adopted,
       sum(f.ceased_special_guardianship) AS special_guardianship,
       sum(f.periods_ceased - f.ceased_returned_home - f.ceased_adopted - f.ceased_special_guardianship)
         AS other_endings
  FROM :"ds".child_year_facts f GROUP BY 1, 2;

-- placement_stability: children with a date of birth, as the view counts them
CREATE OR REPLACE VIEW bench.stability AS
SELECT f.la, f.collection_year,
       count(*) FILTER (WHERE f.looked_after_31_march) AS looked_after_31_march,
       count(*) FILTER (WHERE f.three_or_more_placements) AS three_or_more_placements,
       count(*) FILTER (WHERE NOT f.three_or_more_placements) AS fewer_than_three_placements,
       count(*) FILTER (WHERE f.in_two_year_measure) AS two_year_children,
       count(*) FILTER (WHERE f.two_year_three_or_more) AS two_year_three_or_more,
       count(*) FILTER (WHERE f.in_long_term_measure) AS long_term_children,
       count(*) FILTER (WHERE f.long_term_stable) AS long_term_stable
  FROM :"ds".child_year_facts f WHERE f.date_of_birth_known GROUP BY 1, 2;

-- returns_home_reentry
CREATE OR REPLACE VIEW bench.reentry AS
SELECT f.la, f.collection_year, sum(f.returned_home) AS returned_home,
       sum(f.reentered_within_12_months) AS reentered_within_12_months,
       sum(f.follow_up_incomplete) AS follow_up_incomplete
  FROM :"ds".child_year_facts f GROUP BY 1, 2;

-- care_leavers_by_age: the cohort with its OC3 outcomes
CREATE OR REPLACE VIEW bench.leavers AS
SELECT f.la, f.collection_year, f.cohort_age AS age, count(*) AS cohort,
       count(*) FILTER (WHERE NOT coalesce(o.excluded, false)) AS care_leavers,
       count(*) FILTER (WHERE o.contact = 'in touch') AS in_touch,
       count(*) FILTER (WHERE o.eet) AS eet,
       count(*) FILTER (WHERE o.suitable_accommodation) AS suitable
  FROM :"ds".child_year_facts f
  LEFT JOIN :"ds".oc3 r ON r.la = f.la AND r.child = f.child AND r.year = f.collection_year
 CROSS JOIN LATERAL careleaver.leaver_outcome(r.in_touch, r.activ, r.accom) o
 WHERE f.cohort_age IS NOT NULL
 GROUP BY 1, 2, 3;

-- looked_after_by_characteristic: legal status and placement groups on 31 March
CREATE OR REPLACE VIEW bench.characteristic AS
SELECT f.la, f.collection_year, k.breakdown, k.category, count(*) AS children
  FROM :"ds".child_year_facts f
 CROSS JOIN LATERAL (VALUES
   ('legal status', coalesce(careleaver.legal_status_group(f.legal_status), 'not recorded')),
   ('placement', coalesce(careleaver.placement_group(f.placement), 'not recorded'))) AS k(breakdown, category)
 WHERE f.looked_after_31_march
 GROUP BY 1, 2, 3, 4;

-- Disagreements between each fact answer and the view it stands for (0 expected): rows where any
-- figure differs, missing rows counted as zeros.
CREATE OR REPLACE VIEW bench.disagreements AS
SELECT 'looked_after_summary' AS view_name, count(*) AS rows_differing
  FROM (SELECT la, collection_year, looked_after_31_march, periods_started, periods_ended, returned_home, adopted,
               special_guardianship, other_endings FROM :"ds".looked_after_summary) v
  FULL JOIN bench.summary f USING (la, collection_year)
 WHERE (coalesce(v.looked_after_31_march, 0), coalesce(v.periods_started, 0), coalesce(v.periods_ended, 0),
        coalesce(v.returned_home, 0), coalesce(v.adopted, 0), coalesce(v.special_guardianship, 0),
        coalesce(v.other_endings, 0))
       IS DISTINCT FROM
       (coalesce(f.looked_after_31_march, 0), coalesce(f.periods_started, 0), coalesce(f.periods_ended, 0),
        coalesce(f.returned_home, 0), coalesce(f.adopted, 0), coalesce(f.special_guardianship, 0),
        coalesce(f.other_endings, 0))
UNION ALL
-- the two-year and long-term measures of a year without the earlier returns they need are not published
-- (the view's basis columns say "not available", metrics.md 11): compared where the view publishes them
SELECT 'placement_stability', count(*)
  FROM :"ds".placement_stability v FULL JOIN bench.stability f USING (la, collection_year)
 WHERE (coalesce(v.looked_after_31_march, 0), coalesce(v.three_or_more_placements, 0),
        coalesce(v.fewer_than_three_placements, 0), coalesce(v.two_year_children, 0),
        coalesce(v.two_year_three_or_more, 0), coalesce(v.long_term_children, 0), coalesce(v.long_term_stable, 0))
       IS DISTINCT FROM
       (coalesce(f.looked_after_31_march, 0), coalesce(f.three_or_more_placements, 0),
        coalesce(f.fewer_than_three_placements, 0),
        CASE WHEN v.la IS NOT NULL AND v.two_year_children IS NULL THEN 0 ELSE coalesce(f.two_year_children, 0) END,
        CASE WHEN v.la IS NOT NULL AND v.two_year_children IS NULL THEN 0 ELSE coalesce(f.two_year_three_or_more, 0) END,
        CASE WHEN v.la IS NOT NULL AND v.long_term_children IS NULL THEN 0 ELSE coalesce(f.long_term_children, 0) END,
        CASE WHEN v.la IS NOT NULL AND v.long_term_children IS NULL THEN 0 ELSE coalesce(f.long_term_stable, 0) END)
UNION ALL
SELECT 'returns_home_reentry', count(*)
  FROM :"ds".returns_home_reentry v FULL JOIN bench.reentry f USING (la, collection_year)
 WHERE (coalesce(v.returned_home, 0), coalesce(v.reentered_within_12_months, 0), coalesce(v.follow_up_incomplete, 0))
       IS DISTINCT FROM
       (coalesce(f.returned_home, 0), coalesce(f.reentered_within_12_months, 0), coalesce(f.follow_up_incomplete, 0))
UNION ALL
-- the view keeps ages 22 to 24 only where OC3 records exist: compare the rows it shows, and every age up to 21
SELECT 'care_leavers_by_age', count(*)
  FROM :"ds".care_leavers_by_age v FULL JOIN bench.leavers f USING (la, collection_year, age)
 WHERE (v.la IS NOT NULL OR f.age <= 21)
   AND (coalesce(v.cohort, 0), coalesce(v.care_leavers, 0), coalesce(v.in_touch, 0), coalesce(v.eet, 0),
        coalesce(v.suitable, 0))
       IS DISTINCT FROM
       (coalesce(f.cohort, 0), coalesce(f.care_leavers, 0), coalesce(f.in_touch, 0), coalesce(f.eet, 0),
        coalesce(f.suitable, 0))
UNION ALL
SELECT 'looked_after_by_characteristic', count(*)
  FROM (SELECT * FROM :"ds".looked_after_by_characteristic WHERE breakdown IN ('legal status', 'placement')) v
  FULL JOIN bench.characteristic f USING (la, collection_year, breakdown, category)
 WHERE coalesce(v.children, 0) <> coalesce(f.children, 0);
