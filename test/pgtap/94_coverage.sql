-- Coverage (metrics.md 11; doc/reporting.md "Coverage"): figures only for the years of the returns table,
-- the care-leaver cohort by OC3 record where the history does not reach the 14th birthday, an OC3 record
-- outside a complete history as a data-quality row, "0 of m" reading x, and validate on a missing return.
BEGIN;
SELECT plan(12);

SELECT careleaver.create_dataset('cv');
-- returns 2022 to 2026 loaded: the history is known from 1 April 2021
INSERT INTO cv.returns (la, year, files) SELECT 'C1', y, '[]' FROM generate_series(2022, 2026) y;
INSERT INTO cv.header (la, child, sex, dob) VALUES
  ('C1', 'K', '1', '2004-06-01'),   -- 14th birthday 2018: history truncated
  ('C1', 'M', '2', '2007-06-01'),   -- 14th birthday 2021-06-01: history complete, never looked after
  ('C1', 'N', '1', '2012-01-01');
INSERT INTO cv.header (la, child, sex, dob) SELECT 'C1', 'L' || i, '1', '2007-05-01' FROM generate_series(1, 6) i;
INSERT INTO cv.episodes (la, child, decom, rne, ls, place, "dec", rec) VALUES
  ('C1', 'N', '2019-05-01', 'S', 'C2', 'U1', NULL, NULL);      -- looked after since 2019-20, before coverage
-- L1-L6: looked after from 14 to 16 within coverage, left at 16 (relevant at 17 in 2024-25); no OC3 record
INSERT INTO cv.episodes (la, child, decom, rne, ls, place, "dec", rec)
  SELECT 'C1', 'L' || i, '2021-06-01', 'S', 'C2', 'U1', '2024-04-01', 'E8' FROM generate_series(1, 6) i;
INSERT INTO cv.oc3 (la, child, year, dob, in_touch, activ, accom) VALUES
  ('C1', 'K', 2025, '2004-06-01', 'YES', 'F2', 'B1'),   -- no episode in any loaded return
  ('C1', 'M', 2025, '2007-06-01', 'YES', 'F2', 'B1');   -- outside the cohort by a complete history
SELECT is((SELECT count(*)::int FROM careleaver.create_reports('cv')), (SELECT count(*)::int FROM careleaver.reporting_views),
          'create_reports creates every view, coverage included');

SELECT is((SELECT min(collection_year) FROM cv.looked_after_summary), 2022,
          'no looked_after_summary row before the first return (N has been looked after since 2019-20)');
SELECT is((SELECT looked_after_31_march FROM cv.looked_after_summary WHERE collection_year = 2022), 7::bigint,
          'looked after on 31 March 2022: N and L1-L6');
SELECT ok((SELECT coalesce(min(collection_year), 2022) FROM cv.data_quality) >= 2022, 'no data-quality row before 2022 either');
SELECT results_eq($$SELECT age, cohort, members_by_history, members_by_oc3_record, basis, oc3_records
                      FROM cv.care_leavers_by_age WHERE collection_year = 2025 ORDER BY age$$,
  $$VALUES (17, 6::bigint, 6::bigint, 0::bigint, 'history', '0 of 6 cohort members have an OC3 record'),
           (20, 1::bigint, 0::bigint, 1::bigint, 'OC3 record', '1 of 1 cohort members have an OC3 record')$$,
  '2024-25: L1-L6 in the cohort by their history with no OC3 record; K (care before the returns) by its OC3 record');
SELECT is((SELECT eet_percent || ' ' || suitable_percent || ' ' || in_touch_percent || ' ' || no_information
             FROM cv.care_leavers_by_age_published WHERE collection_year = 2025 AND age = 17),
          'x x x 6', '0 of 6 members with an OC3 record: the percentages read x (not available), never 0');
SELECT is((SELECT records FROM cv.data_quality WHERE defect = 'oc3_outside_cohort' AND collection_year = 2025), 1::bigint,
          'M''s OC3 record, outside a cohort its complete history decides, is a data-quality row, not dropped');
SELECT is((SELECT count(*)::int FROM careleaver.leaver_outcomes('cv', 2025) WHERE in_cohort AND basis = 'OC3 record'), 1,
          'leaver_outcomes: K is in the cohort by its OC3 record');
SELECT is((SELECT published_years || ' | ' || not_published FROM cv.coverage WHERE measure = 'placement stability: long-term'),
          '2024, 2025, 2026 | 2022: needs the 2021 return; 2023: needs the 2021 return',
          'coverage: long-term stability from the third return on, and why not before');
SELECT is((SELECT long_term_stable_percent FROM cv.placement_stability_published WHERE collection_year = 2023), 'x',
          'long-term stability of a year whose history is not covered reads x');

-- validate: a return that is not loaded is an error, not an empty pass
SELECT throws_ok($$SELECT * FROM careleaver.validate('cv', 2021)$$, 'P0002',
                 'dataset "cv" has no loaded return for collection year 2021',
                 'validate on a year with no loaded return raises P0002 naming it');
SELECT throws_ok($$SELECT * FROM careleaver.validate('cv', 2026, 'XX')$$, 'P0002',
                 'dataset "cv" has no loaded return for collection year 2026 of council XX',
                 'validate names the council whose return is missing');

SELECT * FROM finish();
ROLLBACK;
