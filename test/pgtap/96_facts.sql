-- The fact layer (doc/facts.md): careleaver.child_year_facts on a history worked by hand, agreement
-- with the per-child functions for every child and year of a synthetic dataset, and
-- careleaver.refresh: idempotence, incrementality, partitions, ownership.
BEGIN;
SET LOCAL search_path = public, careleaver;
SELECT plan(33);

-- "DECOM/DEC RNE LS PLACE [REC]; ..." -> history
CREATE FUNCTION pg_temp.hist(eps text) RETURNS careleaver.care_history LANGUAGE sql AS $$
  SELECT careleaver.care_history_agg(
           split_part(split_part(ep, ' ', 1), '/', 1)::date,
           nullif(split_part(split_part(ep, ' ', 1), '/', 2), '')::date,
           split_part(ep, ' ', 2)::careleaver.new_episode_reason,
           split_part(ep, ' ', 3)::careleaver.legal_status,
           split_part(ep, ' ', 4)::careleaver.placement_type,
           nullif(split_part(ep, ' ', 5), '')::careleaver.ceased_reason)
    FROM unnest(string_to_array(eps, ';')) AS t(raw), LATERAL (SELECT btrim(raw) AS ep) x
$$;

-- ================================================================ one history by hand
-- Born 2010-05-15; in care 2021-06-01 to 2022-01-10 (home, E4A), again from 2022-05-01 (open, U3);
-- data to 2024-03-31.
--   2021: nothing yet: no row.
--   2022: one period starts and ends (E4A); not looked after on 31 March 2022; days 2021-06-01 to
--         2022-01-09 = 30+31+31+30+31+30+31+9 = 223; the return home is followed by re-entry on
--         2022-05-01, inside [2022-01-10, 2023-01-10), a window complete by 2024-03-31.
--   2023: one period starts; looked after on 31 March 2023 (C2, U3), age 12; days 365 - 30 (April) = 335;
--         one placement; not 2 years in care (2022-05-01 > 2021-03-31), nor 2.5 (> 2020-09-30).
--   2024: looked after all year, a leap year: 366 days; age 13.
SELECT results_eq(
  $$SELECT collection_year, looked_after_31_march, legal_status::text, placement::text, age_31_march,
           days_looked_after, periods_started, periods_ceased, ceased_returned_home, ceased_adopted,
           ceased_special_guardianship, placements_in_year, three_or_more_placements, in_two_year_measure,
           two_year_three_or_more, in_long_term_measure, long_term_stable, cohort_age, returned_home,
           reentered_within_12_months, follow_up_incomplete
      FROM careleaver.child_year_facts(pg_temp.hist('2021-06-01/2022-01-10 S C2 U1 E4A; 2022-05-01/ S C2 U3'),
                                       '2010-05-15', 2021, 2024, '2024-03-31')$$,
  $$VALUES (2022, false, NULL, NULL, 11, 223, 1, 1, 1, 0, 0, NULL::int, NULL::boolean, NULL::boolean,
            NULL::boolean, NULL::boolean, NULL::boolean, NULL::int, 1, 1, 0),
           (2023, true, 'C2', 'U3', 12, 335, 1, 0, 0, 0, 0, 1, false, false, NULL, false, NULL, NULL, 0, 0, 0),
           (2024, true, 'C2', 'U3', 13, 366, 0, 0, 0, 0, 0, 1, false, false, NULL, false, NULL, NULL, 0, 0, 0)$$,
  'child_year_facts: a history worked by hand, one row per year with a fact');

-- the same return home with data to 2022-06-30: the 12-month window passes the data's end
SELECT results_eq(
  $$SELECT returned_home, reentered_within_12_months, follow_up_incomplete
      FROM careleaver.child_year_facts(pg_temp.hist('2021-06-01/2022-01-10 S C2 U1 E4A; 2022-05-01/ S C2 U3'),
                                       '2010-05-15', 2022, 2022, '2022-06-30')$$,
  $$VALUES (1, 0, 1)$$,
  'a follow-up passing the data''s end is incomplete, never "not re-entered" (metrics.md 6)');

-- without a date of birth: age, the long-term measure and the cohort are NULL; the rest is there
SELECT results_eq(
  $$SELECT collection_year, age_31_march, in_long_term_measure, cohort_age, days_looked_after
      FROM careleaver.child_year_facts(pg_temp.hist('2021-06-01/2022-01-10 S C2 U1 E4A; 2022-05-01/ S C2 U3'),
                                       NULL, 2024, 2024, '2024-03-31')$$,
  $$VALUES (2024, NULL::int, NULL::boolean, NULL::int, 366)$$,
  'no date of birth: what needs one is NULL');

SELECT is((SELECT count(*)::int FROM careleaver.child_year_facts(NULL, '2010-05-15', 2020, 2024, '2024-03-31')),
  0, 'a NULL history gives no rows');
SELECT throws_ok(
  $$SELECT * FROM careleaver.child_year_facts(pg_temp.hist('2021-06-01/ S C2 U1'), NULL, 2024, 2020, '2024-03-31')$$,
  '22023', NULL, 'a window whose last year precedes its first is refused');
SELECT throws_ok(
  $$SELECT * FROM careleaver.child_year_facts(pg_temp.hist('2021-06-01/ S C2 U1'), NULL, 1900, 2024, '2024-03-31')$$,
  '22023', NULL, 'a window of more than 100 years is refused');
SELECT throws_ok(
  $$SELECT * FROM careleaver.child_year_facts(pg_temp.hist('2021-06-01/ S C2 U1'), NULL, 2020, 2024, NULL)$$,
  '22004', NULL, 'a NULL data end is refused');

-- ================================================================ agreement with the per-child functions
SELECT lives_ok($$SELECT careleaver.generate_synthetic('facts_t', 600, 11, 2)$$, 'a small synthetic dataset');

CREATE TEMP TABLE person AS
SELECT e.la, e.child, min(h.dob) AS dob,
       careleaver.care_history_agg(e.decom, e."dec", e.rne, e.ls, e.place, e.rec) AS history
  FROM facts_t.episodes e LEFT JOIN facts_t.header h ON h.la = e.la AND h.child = e.child
 GROUP BY e.la, e.child;
CREATE TEMP TABLE bound AS
SELECT la, careleaver.data_end(max(greatest(decom, coalesce("dec", decom)))) AS data_end
  FROM facts_t.episodes GROUP BY la;
-- every child and every year 2015 to 2026, by the per-child functions
CREATE TEMP TABLE by_function AS
SELECT p.la, p.child, y AS collection_year,
       careleaver.looked_after_on(p.history, careleaver.collection_year_end(y)) AS looked_after_31_march,
       careleaver.days_looked_after(p.history, careleaver.collection_year_start(y),
                                    careleaver.collection_year_end(y) + 1) AS days_looked_after,
       (SELECT count(*) FROM careleaver.periods_of_care(p.history) c
         WHERE c.start_date BETWEEN careleaver.collection_year_start(y) AND careleaver.collection_year_end(y))::int
         AS periods_started,
       (SELECT count(*) FROM careleaver.periods_of_care(p.history) c
         WHERE c.end_date BETWEEN careleaver.collection_year_start(y) AND careleaver.collection_year_end(y))::int
         AS periods_ceased,
       (SELECT count(*) FROM careleaver.periods_of_care(p.history) c
         WHERE c.end_date BETWEEN careleaver.collection_year_start(y) AND careleaver.collection_year_end(y)
           AND careleaver.is_returned_home(c.end_reason))::int AS ceased_returned_home,
       (SELECT count(*) FROM careleaver.periods_of_care(p.history) c
         WHERE c.end_date BETWEEN careleaver.collection_year_start(y) AND careleaver.collection_year_end(y)
           AND careleaver.is_adoption(c.end_reason))::int AS ceased_adopted,
       (SELECT count(*) FROM careleaver.periods_of_care(p.history) c
         WHERE c.end_date BETWEEN careleaver.collection_year_start(y) AND careleaver.collection_year_end(y)
           AND careleaver.is_special_guardianship_order(c.end_reason))::int AS ceased_special_guardianship,
       CASE WHEN p.dob IS NOT NULL THEN careleaver.age_on(p.dob, careleaver.collection_year_end(y)) END AS age_31_march,
       st.placements_in_year, st.three_or_more_placements, st.in_two_year_measure, st.two_year_three_or_more,
       st.in_long_term_measure, st.long_term_stable,
       CASE WHEN p.dob IS NOT NULL THEN careleaver.leaver_cohort_age(p.history, p.dob, y) END AS cohort_age,
       (SELECT count(*) FROM careleaver.returns_home(p.history, b.data_end) r
         WHERE careleaver.collection_year_of(r.return_date) = y)::int AS returned_home,
       (SELECT count(*) FROM careleaver.returns_home(p.history, b.data_end) r
         WHERE careleaver.collection_year_of(r.return_date) = y
           AND careleaver.reentered_within(p.history, r.return_date, '12 months', b.data_end))::int
         AS reentered_within_12_months,
       (SELECT count(*) FROM careleaver.returns_home(p.history, b.data_end) r
         WHERE careleaver.collection_year_of(r.return_date) = y
           AND careleaver.reentered_within(p.history, r.return_date, '12 months', b.data_end) IS NULL)::int
         AS follow_up_incomplete
  FROM person p JOIN bound b USING (la)
 CROSS JOIN generate_series(2015, 2026) AS y
 CROSS JOIN LATERAL careleaver.stability(p.history, coalesce(p.dob, '2000-01-01'), y) st;
-- the fact function; a year without a row must be a year with nothing in it
CREATE TEMP TABLE by_facts AS
SELECT p.la, p.child, f.*
  FROM person p JOIN bound b USING (la)
 CROSS JOIN LATERAL careleaver.child_year_facts(p.history, p.dob, 2015, 2026, b.data_end) f;

SELECT cmp_ok((SELECT count(*) FROM by_facts), '>', 1000::bigint, 'the synthetic children have more than 1,000 child-years of facts');
SELECT is((SELECT count(*) FROM by_function g LEFT JOIN by_facts f USING (la, child, collection_year)
            WHERE (g.looked_after_31_march, g.days_looked_after, g.periods_started, g.periods_ceased,
                   g.ceased_returned_home, g.ceased_adopted, g.ceased_special_guardianship)
                  IS DISTINCT FROM
                  (coalesce(f.looked_after_31_march, false), coalesce(f.days_looked_after, 0),
                   coalesce(f.periods_started, 0), coalesce(f.periods_ceased, 0),
                   coalesce(f.ceased_returned_home, 0), coalesce(f.ceased_adopted, 0),
                   coalesce(f.ceased_special_guardianship, 0))),
  0::bigint, 'looked_after_on, days_looked_after and periods_of_care agree for every child and year');
SELECT is((SELECT count(*) FROM by_function g JOIN person p USING (la, child)
             LEFT JOIN by_facts f USING (la, child, collection_year)
            WHERE p.dob IS NOT NULL
              AND (g.placements_in_year, g.three_or_more_placements, g.in_two_year_measure,
                   g.two_year_three_or_more, g.in_long_term_measure, g.long_term_stable, g.age_31_march)
                  IS DISTINCT FROM
                  (f.placements_in_year, f.three_or_more_placements, f.in_two_year_measure,
                   f.two_year_three_or_more, f.in_long_term_measure, f.long_term_stable,
                   CASE WHEN f.la IS NULL THEN g.age_31_march ELSE f.age_31_march END)),
  0::bigint, 'stability agrees for every child with a date of birth and every year');
SELECT is((SELECT count(*) FROM by_function g LEFT JOIN by_facts f USING (la, child, collection_year)
            WHERE g.cohort_age IS DISTINCT FROM f.cohort_age),
  0::bigint, 'leaver_cohort_age agrees for every child and year');
SELECT cmp_ok((SELECT count(*) FROM by_facts WHERE cohort_age IS NOT NULL), '>', 50::bigint,
  'the comparison covers care-leaver cohort members');
SELECT is((SELECT count(*) FROM by_function g LEFT JOIN by_facts f USING (la, child, collection_year)
            WHERE (g.returned_home, g.reentered_within_12_months, g.follow_up_incomplete)
                  IS DISTINCT FROM
                  (coalesce(f.returned_home, 0), coalesce(f.reentered_within_12_months, 0),
                   coalesce(f.follow_up_incomplete, 0))),
  0::bigint, 'returns_home and reentered_within agree for every child and year');

-- ================================================================ refresh
SELECT is_empty($$SELECT * FROM careleaver.facts_stale('facts_t')$$,
  'generate_synthetic leaves the generated councils'' facts current');
SELECT ok(careleaver.facts_require_current('facts_t'), 'facts_require_current: true when current');
DROP TABLE facts_t.child_facts, facts_t.child_year_facts, facts_t.refresh_state;
SELECT results_eq($$SELECT council, action FROM careleaver.refresh('facts_t') ORDER BY 1$$,
  $$VALUES ('202', 'refreshed'), ('213', 'refreshed')$$, 'refresh: the first refresh materialises every council');
-- every column of both tables as the aggregate and the function give them
CREATE TEMP TABLE person9 AS
SELECT e.la, e.child, min(h.dob) AS dob, min(h.sex) AS sex,
       careleaver.care_history_agg(e.decom, e."dec", e.rne, e.ls, e.place, e.rec, e.cin, e.place_provider,
                                   e.reason_place_change) AS history
  FROM facts_t.episodes e LEFT JOIN facts_t.header h ON h.la = e.la AND h.child = e.child
 GROUP BY e.la, e.child;
SELECT is((SELECT count(*) FROM (
             (SELECT la, child, date_of_birth, sex, history::text FROM facts_t.child_facts
              EXCEPT ALL SELECT la, child, dob, sex, history::text FROM person9)
             UNION ALL
             (SELECT la, child, dob, sex, history::text FROM person9
              EXCEPT ALL SELECT la, child, date_of_birth, sex, history::text FROM facts_t.child_facts)) d),
  0::bigint, 'child_facts: one row per child, the history of care_history_agg over every episode column');
CREATE TEMP TABLE expected_years AS
SELECT p.la, p.child, f.collection_year, p.dob IS NOT NULL AS date_of_birth_known, f.looked_after_31_march,
       f.legal_status, f.placement, f.age_31_march, f.days_looked_after, f.periods_started, f.periods_ceased,
       f.ceased_returned_home, f.ceased_adopted, f.ceased_special_guardianship, f.placements_in_year,
       f.three_or_more_placements, f.in_two_year_measure, f.two_year_three_or_more, f.in_long_term_measure,
       f.long_term_stable, f.cohort_age, f.returned_home, f.reentered_within_12_months, f.follow_up_incomplete
  FROM person9 p JOIN facts_t.refresh_state s USING (la)
 CROSS JOIN LATERAL careleaver.child_year_facts(p.history, p.dob, s.first_year, s.last_year, s.data_end) f;
SELECT is((SELECT count(*) FROM ((SELECT * FROM facts_t.child_year_facts EXCEPT ALL SELECT * FROM expected_years)
                                 UNION ALL
                                 (SELECT * FROM expected_years EXCEPT ALL SELECT * FROM facts_t.child_year_facts)) d),
  0::bigint, 'child_year_facts: every column of careleaver.child_year_facts for every child of the window');
CREATE TEMP TABLE snapshot AS SELECT * FROM facts_t.child_year_facts;
SELECT is((SELECT count(*) FROM careleaver.refresh('facts_t')), 0::bigint,
  'refresh again with nothing changed: nothing to do');
SELECT is((SELECT count(*) FROM (SELECT * FROM facts_t.child_year_facts EXCEPT ALL SELECT * FROM snapshot
                                 UNION ALL
                                 SELECT * FROM snapshot EXCEPT ALL SELECT * FROM facts_t.child_year_facts) d),
  0::bigint, 'refresh is idempotent: the same rows');
SELECT is((SELECT count(*) FROM facts_t.child_year_facts c
             FULL JOIN (SELECT p.la, p.child, f.collection_year, f.days_looked_after, f.cohort_age
                          FROM person p JOIN facts_t.refresh_state s USING (la)
                         CROSS JOIN LATERAL careleaver.child_year_facts(p.history, p.dob, s.first_year,
                                                                        s.last_year, s.data_end) f) x
               USING (la, child, collection_year)
            WHERE (c.days_looked_after, c.cohort_age) IS DISTINCT FROM (x.days_looked_after, x.cohort_age)),
  0::bigint, 'the table holds child_year_facts of every child for the council''s window');

-- one council's episodes change: only that council is stale and refreshed
UPDATE facts_t.episodes SET urn = coalesce(urn, '') || 'x'
 WHERE la = '213' AND child = (SELECT min(child) FROM facts_t.episodes WHERE la = '213');
SELECT results_eq($$SELECT la, reason LIKE 'changed since%' FROM careleaver.facts_stale('facts_t')$$,
  $$VALUES ('213', true)$$, 'facts_stale: only the council whose episodes changed');
SELECT throws_ok($$SELECT careleaver.facts_require_current('facts_t')$$, '55000', NULL,
  'facts_require_current: stale facts are refused');
SELECT throws_ok($$SELECT careleaver.facts_require_current('facts_t', '213')$$, '55000', NULL,
  'facts_require_current: the changed council is refused');
SELECT ok(careleaver.facts_require_current('facts_t', '202'), 'facts_require_current: the other council is current');
SELECT results_eq($$SELECT la FROM careleaver.facts_stale('facts_t', '202')$$, $$SELECT 'x' WHERE false$$,
  'facts_stale with a council: only that council');
-- the writer writes no index it would not maintain
CREATE INDEX facts_t_extra ON facts_t.child_year_facts_213 (child);
SELECT throws_like($$SELECT * FROM careleaver.refresh('facts_t')$$,
  '%child_year_facts_213" has an index, trigger, rule, check constraint or row security%',
  'refresh refuses a fact partition with an index it would not maintain');
DROP INDEX facts_t.facts_t_extra;
SELECT results_eq($$SELECT council, action FROM careleaver.refresh('facts_t')$$,
  $$VALUES ('213', 'refreshed')$$, 'refresh: only that council is refreshed');
CREATE FUNCTION pg_temp.coverage_window(ds text)
  RETURNS TABLE (council text, data_end date, first_year integer, last_year integer) LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE format('SELECT c.la, max(c.data_end), greatest(min(c.collection_year), '
                              'max(c.collection_year) - 9), max(c.collection_year) FROM (%s) c GROUP BY c.la',
                              careleaver.coverage_sql(ds));
END $$;
SELECT is((SELECT count(*) FROM facts_t.refresh_state s
             JOIN pg_temp.coverage_window('facts_t') c ON c.council = s.la
            WHERE (s.data_end, s.first_year, s.last_year) = (c.data_end, c.first_year, c.last_year)),
  2::bigint, 'the facts'' window is the coverage''s: its data end and its last ten years');
SELECT is((SELECT count(*) FROM facts_t.child_year_facts WHERE la = '213'),
          (SELECT child_years FROM facts_t.refresh_state WHERE la = '213'),
  'refresh_state counts the rows written');
-- a filter on la reads only that council's partition
CREATE FUNCTION pg_temp.explain_text() RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE 'EXPLAIN SELECT * FROM facts_t.child_year_facts WHERE la = ''213''';
END $$;
SELECT unalike(
  (SELECT string_agg(x, E'\n') FROM (SELECT * FROM pg_temp.explain_text()) t(x)),
  '%child_year_facts_202%', 'a filter on la reads only that council''s partition');

-- ownership: a role that does not own the dataset may not refresh it, even with every privilege on it
CREATE ROLE facts_t_intruder NOLOGIN;
GRANT USAGE ON SCHEMA facts_t TO facts_t_intruder;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA facts_t TO facts_t_intruder;
SET LOCAL ROLE facts_t_intruder;
SELECT throws_ok($$SELECT * FROM careleaver.refresh('facts_t')$$, '42501', NULL,
  'refresh on someone else''s dataset is refused');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
