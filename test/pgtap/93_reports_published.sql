-- Every published reporting view over two synthetic councils: an attacker takes each published
-- row with its published total and tries to recover a suppressed cell by subtraction; every
-- published number is the true one; every count from 1 to 5 is hidden (metrics.md 9).
BEGIN;
SELECT plan(36);

SELECT is((SELECT count(*)::int FROM careleaver.generate_synthetic('syn', 1500, 7, 2)), 2, 'two synthetic councils');
SELECT is((SELECT count(*)::int FROM careleaver.create_reports('syn')), (SELECT count(*)::int FROM careleaver.reporting_views),
          'reporting views created');

-- care leavers: three rows (contact, activity, accommodation) per age, each with the care leavers as total
CREATE TEMP VIEW cl_rows AS
SELECT p.la, p.collection_year, p.age, p.care_leavers AS total, k.row_name, k.cells, k.raw
  FROM syn.care_leavers_by_age_published p
  JOIN syn.care_leavers_by_age b USING (la, collection_year, age)
 CROSS JOIN LATERAL (VALUES
   ('contact', ARRAY[p.in_touch, p.not_in_touch, p.refused_contact, p.no_longer_requires_services,
                     p.contact_not_recorded, p.no_information],
               ARRAY[b.in_touch, b.not_in_touch, b.refused_contact, b.no_longer_requires_services,
                     b.contact_not_recorded, b.no_information]),
   ('activity', ARRAY[p.eet, p.neet, p.activity_not_known, p.no_information],
                ARRAY[b.eet, b.neet, b.activity_not_known, b.no_information]),
   ('accommodation', ARRAY[p.suitable, p.unsuitable, p.accommodation_not_known, p.no_information],
                     ARRAY[b.suitable, b.unsuitable, b.accommodation_not_known, b.no_information])) AS k(row_name, cells, raw);
SELECT cmp_ok((SELECT count(*) FROM cl_rows WHERE 'c' = ANY (cells) AND total <> 'c'), '>', 20::bigint,
              'care leavers: many published rows have suppressed cells');
SELECT is((SELECT count(*) FROM cl_rows
            WHERE total <> 'c' AND (SELECT count(*) FROM unnest(cells) c WHERE c = 'c') = 1), 0::bigint,
          'care leavers: no row with a published total has exactly one hidden cell');
SELECT is((SELECT count(*) FROM cl_rows r, LATERAL unnest(r.cells, r.raw) AS u(shown, v)
            WHERE (v BETWEEN 1 AND 5 AND shown <> 'c') OR (shown <> 'c' AND shown <> v::text)), 0::bigint,
          'care leavers: every count 1..5 is hidden and every shown count is the true one');
SELECT is((SELECT count(*) FROM (SELECT la, collection_year, age, count(DISTINCT cells[array_length(cells, 1)]) AS n
                                   FROM cl_rows GROUP BY 1, 2, 3) x WHERE n > 1), 0::bigint,
          'care leavers: the shared "no information" cell is published the same way in all three rows');

-- looked after: endings row with the periods ended as total
SELECT is((SELECT count(*) FROM syn.looked_after_summary_published p
            WHERE p.periods_ended <> 'c'
              AND (SELECT count(*) FROM unnest(ARRAY[p.returned_home, p.adopted, p.special_guardianship,
                                                     p.other_endings]) c WHERE c = 'c') = 1), 0::bigint,
          'looked after: no endings row with a published total has exactly one hidden cell');

-- stability: three rows, each with its denominator as total
SELECT is((SELECT count(*) FROM syn.placement_stability_published p
            CROSS JOIN LATERAL (VALUES
              (p.looked_after_31_march, p.three_or_more_placements, p.fewer_than_three_placements)) AS k(total, a, b)
            WHERE k.total <> 'c' AND ((k.a = 'c') <> (k.b = 'c'))), 0::bigint,
          'stability: no short-term row with a published total has exactly one hidden cell');
SELECT is((SELECT count(*) FROM syn.placement_stability_published p JOIN syn.placement_stability s
            USING (la, collection_year)
            WHERE (p.two_year_children <> 'c' AND p.two_year_children <> s.two_year_children::text)
               OR (p.long_term_stable <> 'c' AND p.long_term_stable <> s.long_term_stable::text)
               OR (s.two_year_three_or_more BETWEEN 1 AND 5 AND p.two_year_three_or_more <> 'c')), 0::bigint,
          'stability: published two-year and long-term figures are true or hidden');

-- return home: cumulative counts by day beside the cohort total; no two published values differ by 1..5
CREATE TEMP VIEW rh AS
SELECT la, entry_year, periods_started,
       array_agg(returned_home_by_day ORDER BY day) FILTER (WHERE returned_home_by_day <> 'c') AS shown
  FROM syn.return_home_by_duration_published GROUP BY 1, 2, 3;
SELECT is((SELECT count(*) FROM rh,
                  LATERAL (SELECT v::bigint AS v FROM unnest(rh.shown || ARRAY['0']
                                  || CASE WHEN rh.periods_started <> 'c' THEN ARRAY[rh.periods_started] ELSE '{}' END) v) a,
                  LATERAL (SELECT v::bigint AS v FROM unnest(rh.shown || ARRAY['0']
                                  || CASE WHEN rh.periods_started <> 'c' THEN ARRAY[rh.periods_started] ELSE '{}' END) v) b
            WHERE b.v - a.v BETWEEN 1 AND 5), 0::bigint,
          'return home: no difference of published cumulative counts (with 0 and the cohort) is 1 to 5');
SELECT is((SELECT count(*) FROM syn.return_home_by_duration_published p JOIN syn.return_home_by_duration r
            USING (la, entry_year, day)
            WHERE p.returned_home_by_day <> 'c' AND p.returned_home_by_day <> r.returned_home_by_day::text), 0::bigint,
          'return home: every published count is the true one');

-- children looked after by characteristic: each breakdown is a row whose total is the children looked after
SELECT is((SELECT count(*) FROM (SELECT la, collection_year, breakdown, min(looked_after_31_march) AS total,
                                        count(*) FILTER (WHERE children = 'c') AS hidden
                                   FROM syn.looked_after_by_characteristic_published GROUP BY 1, 2, 3) g
            WHERE g.total <> 'c' AND g.hidden = 1), 0::bigint,
          'looked after by characteristic: no breakdown with a published total has exactly one hidden group');
SELECT is((SELECT count(*) FROM syn.returns_home_reentry_published p
            WHERE p.returned_home <> 'c'
              AND (SELECT count(*) FROM unnest(ARRAY[p.reentered_within_12_months, p.not_reentered,
                                                     p.follow_up_incomplete]) c WHERE c = 'c') = 1), 0::bigint,
          're-entry: no row with a published total has exactly one hidden cell');

-- care leavers by category: each breakdown a row with the age group's care leavers as total
SELECT is((SELECT count(*) FROM (SELECT la, collection_year, age_group, breakdown, min(care_leavers) AS total,
                                        count(*) FILTER (WHERE young_people = 'c') AS hidden
                                   FROM syn.care_leavers_by_category_published GROUP BY 1, 2, 3, 4) g
            WHERE g.total <> 'c' AND g.hidden = 1), 0::bigint,
          'care leavers by category: no breakdown with a published total has exactly one hidden category');
SELECT is((SELECT count(*) FROM (SELECT la, collection_year, age_group,
                                        count(DISTINCT young_people) AS n
                                   FROM syn.care_leavers_by_category_published
                                  WHERE category = 'no information' GROUP BY 1, 2, 3) g WHERE g.n > 1), 0::bigint,
          'care leavers by category: "no information" is published alike in both breakdowns');

-- starts and ceases by reason: each breakdown a row with the periods started (or ended) as total
CREATE TEMP VIEW sc AS
SELECT la, collection_year, movement, breakdown, min(all_periods) AS total, count(DISTINCT all_periods) AS totals,
       count(*) FILTER (WHERE periods = 'c') AS hidden
  FROM syn.starts_and_ceases_by_reason_published GROUP BY 1, 2, 3, 4;
SELECT cmp_ok((SELECT count(*) FROM sc WHERE hidden > 0 AND total <> 'c'), '>', 10::bigint,
              'starts and ceases: many breakdowns with a published total have hidden categories');
SELECT is((SELECT count(*) FROM sc WHERE total <> 'c' AND hidden = 1), 0::bigint,
          'starts and ceases: no breakdown with a published total has exactly one hidden category');
SELECT is((SELECT count(*) FROM (SELECT la, collection_year, movement, count(DISTINCT total) AS n
                                   FROM sc GROUP BY 1, 2, 3) g WHERE g.n > 1 OR EXISTS (SELECT 1 FROM sc WHERE totals > 1)),
          0::bigint, 'starts and ceases: the total is published alike in both breakdowns of a movement');
SELECT is((SELECT count(*) FROM syn.starts_and_ceases_by_reason_published p
             JOIN syn.starts_and_ceases_by_reason r USING (la, collection_year, movement, breakdown, category)
            WHERE (r.periods BETWEEN 1 AND 5 AND p.periods <> 'c') OR (p.periods <> 'c' AND p.periods <> r.periods::text)),
          0::bigint, 'starts and ceases: every count 1..5 is hidden and every shown count is the true one');

-- the REC codes refine the reason groups: under a shown group its codes never hide exactly one cell, and a
-- hidden group never has all its codes shown (else group = sum of codes, or code = group - the others)
CREATE TEMP VIEW sc_codes AS
SELECT g.la, g.collection_year, g.category AS reason_group, g.periods AS group_cell,
       count(*) FILTER (WHERE c.periods = 'c') AS hidden_codes, count(*) AS codes
  FROM syn.starts_and_ceases_by_reason_published g
  JOIN syn.starts_and_ceases_by_reason_published c
    ON c.la = g.la AND c.collection_year = g.collection_year AND c.movement = 'ceased' AND c.breakdown = 'reason'
   AND (CASE WHEN c.category = 'not known' THEN 'reason not known'
             ELSE careleaver.ceased_reason_group(c.category::careleaver.ceased_reason) END) = g.category
 WHERE g.movement = 'ceased' AND g.breakdown = 'reason group'
 GROUP BY 1, 2, 3, 4;
SELECT is((SELECT count(*) FROM sc_codes WHERE group_cell <> 'c' AND hidden_codes = 1), 0::bigint,
          'starts and ceases: no shown reason group has exactly one hidden REC code');
SELECT is((SELECT count(*) FROM sc_codes WHERE group_cell = 'c' AND hidden_codes < codes), 0::bigint,
          'starts and ceases: a hidden reason group has every REC code hidden');

-- exits by route: per route, cumulative counts by day beside the cohort total
CREATE TEMP VIEW xr AS
SELECT la, entry_year, route, periods_started,
       array_agg(exits_by_day ORDER BY day) FILTER (WHERE exits_by_day <> 'c') AS shown
  FROM syn.exits_by_route_published GROUP BY 1, 2, 3, 4;
SELECT is((SELECT count(*) FROM xr,
                  LATERAL (SELECT v::bigint AS v FROM unnest(coalesce(xr.shown, '{}') || ARRAY['0']
                                  || CASE WHEN xr.periods_started <> 'c' THEN ARRAY[xr.periods_started] ELSE '{}' END) v) a,
                  LATERAL (SELECT v::bigint AS v FROM unnest(coalesce(xr.shown, '{}') || ARRAY['0']
                                  || CASE WHEN xr.periods_started <> 'c' THEN ARRAY[xr.periods_started] ELSE '{}' END) v) b
            WHERE b.v - a.v BETWEEN 1 AND 5), 0::bigint,
          'exits by route: no difference of published cumulative counts (with 0 and the cohort) is 1 to 5');
SELECT is((SELECT count(*) FROM syn.exits_by_route_published p JOIN syn.exits_by_route r
            USING (la, entry_year, day, route)
            WHERE (p.exits_by_day <> 'c' AND p.exits_by_day <> r.exits_by_day::text)
               OR (p.exits_by_day = 'c' AND (p.cumulative_incidence_percent <> 'c' OR p.lower95_percent <> 'c'
                                             OR p.upper95_percent <> 'c'))), 0::bigint,
          'exits by route: every published count is the true one, and a hidden count hides its incidence and interval');

SELECT is((SELECT count(*) FROM syn.exits_by_route_published x JOIN syn.return_home_by_duration_published h
            USING (la, entry_year, day)
            WHERE x.route = 'returned home'
              AND (x.exits_by_day, x.cumulative_incidence_percent) IS DISTINCT FROM
                  (h.returned_home_by_day, h.cumulative_incidence_percent)), 0::bigint,
          'exits by route: returns home are published exactly as in return_home_by_duration_published (no cross-table difference)');

-- Dashboard rows (national_framework): every council and covered year has the Dashboard numbers; the
-- care-leaver and stability rows are the figures of the views they pool; the published values are DfE's
-- whole numbers under disclosure control; changes are differences of published values
CREATE TEMP TABLE nf AS SELECT * FROM syn.national_framework;
CREATE TEMP TABLE nfp AS SELECT * FROM syn.national_framework_published;
SELECT is((SELECT count(*)::int FROM (SELECT la, collection_year FROM nf GROUP BY 1, 2
            HAVING array_agg(dashboard_no) @> ARRAY[3, 4, 5, 6, 43, 44, 45, 48, 49, 50, 52, 53, 54, 55]) ok),
          (SELECT count(*)::int FROM syn.looked_after_summary),
          'national framework: dashboard_no 3, 4, 5, 6, 43, 44, 45, 48, 49, 50, 52 to 55 for every council and covered year');
SELECT is((SELECT count(*) FROM nf n JOIN syn.placement_stability s USING (la, collection_year)
            WHERE n.dashboard_no = 45 AND (n.numerator, n.denominator) IS DISTINCT FROM
                  (s.three_or_more_placements, s.looked_after_31_march)), 0::bigint,
          'national framework: 45 is placement_stability''s short-term measure');
SELECT is((SELECT count(*) FROM nf n JOIN syn.looked_after_summary s USING (la, collection_year)
            WHERE n.dashboard_no = 4 AND (n.numerator, n.denominator) IS DISTINCT FROM
                  (s.looked_after_31_march::bigint, s.child_population)), 0::bigint,
          'national framework: 4 is looked_after_summary''s children looked after over its population');
SELECT is((SELECT count(*) FROM nf n
             JOIN (SELECT la, collection_year, CASE WHEN age <= 18 THEN 52 ELSE 53 END AS no,
                          sum(eet) AS eet, sum(care_leavers) AS care_leavers
                     FROM syn.care_leavers_by_age WHERE age BETWEEN 17 AND 21 GROUP BY 1, 2, 3) c
               ON c.la = n.la AND c.collection_year = n.collection_year AND c.no = n.dashboard_no
            WHERE (n.numerator, n.denominator) IS DISTINCT FROM (c.eet::bigint, c.care_leavers::bigint)), 0::bigint,
          'national framework: 52 and 53 pool care_leavers_by_age over 17 to 18 and 19 to 21');
SELECT is((SELECT count(*) FROM nf n WHERE n.dashboard_no IN (48, 49, 50) GROUP BY la, collection_year
            HAVING sum(n.numerator) > min(n.denominator) LIMIT 1), NULL::bigint,
          'national framework: 48 to 50 never add up to more than the children looked after');
SELECT is((SELECT count(*) FROM nfp p JOIN nf n USING (la, collection_year, ordinal)
            WHERE careleaver.is_published_number(p.value) AND n.unit <> 'score' AND p.value <> round(n.value)::text), 0::bigint,
          'national framework: every published number but the SDQ score is the value rounded to a whole number, halves away from zero');
SELECT is((SELECT count(*) FROM nfp p JOIN nf n USING (la, collection_year, ordinal)
            WHERE n.numerator BETWEEN 1 AND 5 AND p.value <> 'c'), 0::bigint,
          'national framework: every figure of 1 to 5 children is hidden');
SELECT cmp_ok((SELECT count(*) FROM nfp p JOIN nf n USING (la, collection_year, ordinal)
                WHERE n.unit = 'percent' AND n.numerator > 5 AND n.denominator - n.numerator > 5 AND p.value = 'c'), '>', 0::bigint,
              'national framework: some percentages are hidden to protect another row''s cell (secondary suppression)');
SELECT is((SELECT count(*) FROM nfp p JOIN nf n USING (la, collection_year, ordinal)
            WHERE n.dashboard_no IN (47, 51) AND n.value IS NOT NULL
              AND p.value <> CASE WHEN n.denominator <= 5 THEN 'c' WHEN n.dashboard_no = 47 THEN round(n.value)::text
                                  ELSE to_char(round(n.value, 1), 'FM9990.0') END), 0::bigint,
          'national framework: 47 published in whole months, 51 to one decimal, c over 1 to 5 children');
SELECT is((SELECT count(*) FROM nfp WHERE dashboard_no IN (46, 67) AND value = 'x'), 0::bigint,
          'national framework: 46 and 67 have values on a synthetic dataset (its postcode look-up and social workers)');
SELECT is((SELECT count(*) FROM nfp
            WHERE CASE WHEN careleaver.is_published_number(change)
                       THEN change::numeric <> value::numeric - previous_value::numeric END), 0::bigint,
          'national framework: every published change is the difference of two published values');

-- the report for each council renders with its five charts (the sufficiency backtest the fifth)
SELECT is((SELECT count(*)::int FROM (SELECT DISTINCT la FROM syn.header) c
            WHERE (SELECT count(*) FROM regexp_matches(careleaver.report_html('syn', c.la, 2026), '<svg ', 'g')) = 5),
          2, 'report_html renders for both synthetic councils');

SELECT * FROM finish();
ROLLBACK;
