-- Outcome metrics (metrics.md 5, 6, 7, 10) through the aggregate: histories are
-- built by careleaver.care_history_agg from episode rows fed in reverse order.
-- Every expected value is worked by hand in the comment above it.
BEGIN;
SET LOCAL search_path = public, careleaver;
SELECT plan(74);

-- "DECOM/DEC RNE LS PLACE [REC]; ..." -> history, through care_history_agg
CREATE FUNCTION pg_temp.hist(eps text) RETURNS careleaver.care_history LANGUAGE sql AS $$
  SELECT careleaver.care_history_agg(
           split_part(split_part(ep, ' ', 1), '/', 1)::date,
           nullif(split_part(split_part(ep, ' ', 1), '/', 2), '')::date,
           split_part(ep, ' ', 2)::careleaver.new_episode_reason,
           split_part(ep, ' ', 3)::careleaver.legal_status,
           split_part(ep, ' ', 4)::careleaver.placement_type,
           nullif(split_part(ep, ' ', 5), '')::careleaver.ceased_reason
           ORDER BY ord DESC)
    FROM unnest(string_to_array(eps, ';')) WITH ORDINALITY AS t(raw, ord),
         LATERAL (SELECT btrim(raw) AS ep) x
$$;

-- ================================================================ returns home (metrics.md 6)
-- Home 2020-06-01 (E4A), back 2020-09-15: 30 + 31 + 31 + 14 = 106 days; data to 2022-03-31.
SELECT results_eq(
  $$SELECT return_date, reason::text, reentry_date, days_to_reentry, censored, period_start, follow_up_days
      FROM careleaver.returns_home(pg_temp.hist('2020-01-10/2020-06-01 S C2 U1 E4A; 2020-09-15/2021-01-01 S C2 U1 E8'), '2022-03-31')$$,
  $$VALUES ('2020-06-01'::date, 'E4A', '2020-09-15'::date, 106, false, '2020-01-10'::date, 106)$$,
  'returns_home: one return, re-entry after 106 days');
-- window [2023-06-01, 2024-06-01) complete when data_end >= 2024-05-31; follow_up_days = data_end + 1 - return
SELECT results_eq(
  $$SELECT reentry_date, days_to_reentry, censored, follow_up_days
      FROM careleaver.returns_home(pg_temp.hist('2023-01-01/2023-06-01 S C2 U1 E4B'), '2024-05-31')$$,
  $$VALUES (NULL::date, NULL::int, false, 366)$$,
  'no re-entry, window complete on 2024-05-31: not censored, followed 366 days');
SELECT is((SELECT censored FROM careleaver.returns_home(pg_temp.hist('2023-01-01/2023-06-01 S C2 U1 E4B'), '2024-05-30')),
  true, 'data to 2024-05-30: the window''s last day unseen: censored');
SELECT is(careleaver.reentered_within(pg_temp.hist('2023-01-01/2023-06-01 S C2 U1 E4B'), '2023-06-01', '12 months', '2024-05-31'),
  false, 'reentered_within: false when the window is complete');
SELECT is(careleaver.reentered_within(pg_temp.hist('2023-01-01/2023-06-01 S C2 U1 E4B'), '2023-06-01', '12 months', '2024-05-30'),
  NULL, 'reentered_within: NULL (follow-up incomplete), never false');
-- a re-entry seen in an incomplete window: shown, not censored; reentered_within still NULL
SELECT results_eq(
  $$SELECT reentry_date, censored FROM careleaver.returns_home(pg_temp.hist('2023-01-01/2023-06-01 S C2 U1 E4A; 2023-08-01/ S C2 U1'), '2023-12-31')$$,
  $$VALUES ('2023-08-01'::date, false)$$, 're-entry seen before data end');
SELECT is(careleaver.reentered_within(pg_temp.hist('2023-01-01/2023-06-01 S C2 U1 E4A; 2023-08-01/ S C2 U1'), '2023-06-01', '12 months', '2023-12-31'),
  NULL, 'reentered_within decides by dates only: NULL');
SELECT is(careleaver.reentered_within(pg_temp.hist('2023-01-01/2023-06-01 S C2 U1 E4A; 2023-08-01/ S C2 U1'), '2023-06-01', '12 months', '2024-05-31'),
  true, 'reentered_within: true once the window is complete');
-- 2023-06-01 to 2023-08-01 = 61 days: within '61 days' is [06-01, 08-01): no; '62 days': yes
SELECT is(careleaver.reentered_within(pg_temp.hist('2023-01-01/2023-06-01 S C2 U1 E4A; 2023-08-01/ S C2 U1'), '2023-06-01', '61 days', '2024-05-31'),
  false, 're-entry on day 61 is not within 61 days');
SELECT is(careleaver.reentered_within(pg_temp.hist('2023-01-01/2023-06-01 S C2 U1 E4A; 2023-08-01/ S C2 U1'), '2023-06-01', '62 days', '2024-05-31'),
  true, '...but within 62 days');
-- re-entry on the day of return continues the period (metrics.md 3): no return home
SELECT is((SELECT count(*)::int FROM careleaver.returns_home(pg_temp.hist('2023-01-01/2023-06-01 S C2 U1 E4A; 2023-06-01/2023-09-01 S C2 U1 E8'), '2024-12-31')),
  0, 're-entry on the day of return: same period, no return home');
SELECT is((SELECT days_to_reentry FROM careleaver.returns_home(pg_temp.hist('2023-01-01/2023-06-01 S C2 U1 E4A; 2023-06-02/2023-09-01 S C2 U1 E8'), '2024-12-31')),
  1, 're-entry the next day: 1 day');
-- the family-exit group adds E13 and E41
SELECT is((SELECT array_agg(reason::text ORDER BY return_date) FROM careleaver.returns_home(
  pg_temp.hist('2020-01-01/2020-02-01 S C2 U1 E13; 2020-03-01/2020-04-01 S C2 U1 E41; 2020-05-01/2020-06-01 S C2 U1 E4A'), '2024-12-31', family_exits => true)),
  ARRAY['E13', 'E41', 'E4A'], 'family_exits: E13, E41 and E4A');
SELECT is((SELECT array_agg(reason::text) FROM careleaver.returns_home(
  pg_temp.hist('2020-01-01/2020-02-01 S C2 U1 E13; 2020-03-01/2020-04-01 S C2 U1 E41; 2020-05-01/2020-06-01 S C2 U1 E4A'), '2024-12-31')),
  ARRAY['E4A'], 'by default only E4A / E4B');
SELECT is((SELECT censored FROM careleaver.returns_home(pg_temp.hist('2023-01-01/2023-06-01 S C2 U1 E4A'), '2023-09-30', '3 months')),
  false, 'follow_up 3 months: window [06-01, 09-01) complete on 2023-09-30');
SELECT throws_ok($$SELECT careleaver.reentered_within(pg_temp.hist('2023-01-01/2023-06-01 S C2 U1 E4A'), '2023-06-01', '-1 month', '2024-05-31')$$,
  '22023', NULL, 'a negative follow-up is rejected');

-- exits: born 2006-05-10 (b18 2024-05-10); data to 2025-03-31
SELECT results_eq(
  $$SELECT period_no, duration_days, end_reason::text, cause, exit_route, censored FROM careleaver.exits(pg_temp.hist(
      '2020-01-10/2020-06-01 S C2 U1 E4A; 2021-01-01/2021-02-01 S C2 U1 E11; 2022-01-01/2022-02-01 S C2 U1 E45;'
      ' 2022-03-01/2022-04-01 S C2 U1 E41; 2022-05-01/2022-06-01 S C2 U1 E13; 2023-01-01/2024-05-10 S C2 U1 E8;'
      ' 2024-06-01/ S C2 U1'), '2006-05-10', '2025-03-31')$$,
  -- 143 (see unit test); 31; 31; 31; 31; 2023-01-01..2024-05-10 = 365 + 130 = 495; open 2024-06-01..2025-04-01 = 304
  $$VALUES (1, 143, 'E4A', 1, 'returned home', false), (2, 31, 'E11', 2, 'adopted', false),
           (3, 31, 'E45', 3, 'special guardianship', false), (4, 31, 'E41', 4, 'child arrangements order', false),
           (5, 31, 'E13', 6, 'other', false), (6, 495, 'E8', 5, 'turned 18', false),
           (7, 304, NULL, 0, 'censored', true)$$,
  'exits: every route, the 18th birthday and censoring at data end');
-- time to return home with competing risks: exits feed cif_agg (7 periods, 1 returned home)
SELECT results_eq(
  $$SELECT careleaver.cif_n(s), careleaver.cif_events(s, 1), careleaver.cif_events(s, 5) FROM (
      SELECT careleaver.cif_agg(x.duration_days, x.cause) AS s FROM careleaver.exits(pg_temp.hist(
        '2020-01-10/2020-06-01 S C2 U1 E4A; 2021-01-01/2021-02-01 S C2 U1 E11; 2022-01-01/2022-02-01 S C2 U1 E45;'
        ' 2022-03-01/2022-04-01 S C2 U1 E41; 2022-05-01/2022-06-01 S C2 U1 E13; 2023-01-01/2024-05-10 S C2 U1 E8;'
        ' 2024-06-01/ S C2 U1'), '2006-05-10', '2025-03-31') x) q$$,
  $$VALUES (7, 1, 1)$$, 'exits feed careleaver.cif_agg');

-- ================================================================ stability (metrics.md 7)
-- year 2024 = [2023-04-01, 2024-04-01); 31 March 2024 - 24 months = 2022-03-31, - 30 months = 2021-09-30
SELECT is(careleaver.placements_in_window(pg_temp.hist('2022-01-01/2023-05-01 S C2 U1 X1; 2023-05-01/2023-08-01 P C2 U2 X1; 2023-08-01/ P C2 U3'),
  '2023-04-01', '2024-04-01'), 3, 'three placements overlap the year');
SELECT is(careleaver.stability_short_term(pg_temp.hist('2022-01-01/2023-05-01 S C2 U1 X1; 2023-05-01/2023-08-01 P C2 U2 X1; 2023-08-01/ P C2 U3'), 2024),
  true, 'short-term: three placements');
SELECT is(careleaver.stability_short_term(pg_temp.hist('2022-01-01/2023-04-01 S C2 U1 X1; 2023-04-01/2023-08-01 P C2 U2 X1; 2023-08-01/ P C2 U3'), 2024),
  false, 'a placement ending on 1 April is not in the year: two');
SELECT is(careleaver.stability_two_year(pg_temp.hist('2022-01-01/2023-04-01 S C2 U1 X1; 2023-04-01/2023-08-01 P C2 U2 X1; 2023-08-01/ P C2 U3'), 2024),
  true, '...but three in the two years [2022-04-01, 2024-04-01)');
-- temporary placements are not counted: U1, T1, U1 is two
SELECT is(careleaver.stability_short_term(pg_temp.hist('2023-04-01/2023-05-01 S C2 U1 X1; 2023-05-01/2023-05-10 P C2 T1 X1; 2023-05-10/ P C2 U1'), 2024),
  false, 'temporary placement not counted: two placements');
SELECT is(careleaver.placements_in_window(pg_temp.hist('2023-04-01/2023-05-01 S C2 U1 X1; 2023-05-01/2023-05-10 P C2 T1 X1; 2023-05-10/ P C2 U1'),
  '2023-04-01', '2024-04-01'), 2, 'placements_in_window leaves out T1');
SELECT is(careleaver.stability_short_term(pg_temp.hist('2022-01-01/2024-03-31 S C2 U1 E8'), 2024),
  NULL, 'left on 31 March: not looked after on 31 March, not in the denominator');
SELECT is(careleaver.stability_short_term(pg_temp.hist('2022-01-01/2024-04-01 S C2 U1 E8'), 2024),
  false, 'left on 1 April: looked after on 31 March');
SELECT is(careleaver.stability_two_year(pg_temp.hist('2022-03-31/ S C2 U1'), 2024), false, 'since 2022-03-31: in the two-year denominator');
SELECT is(careleaver.stability_two_year(pg_temp.hist('2022-04-01/ S C2 U1'), 2024), NULL, 'since 2022-04-01: not');
-- long-term, born 2012-01-01 (12 on 31 March 2024): carer kept through U (A3 with the same carer) and T
SELECT is(careleaver.stability_long_term(pg_temp.hist('2021-01-01/2022-06-01 S C2 U1 X1; 2022-06-01/2023-01-01 U C2 A3 X1; 2023-01-01/ T D1 A3'), '2012-01-01', 2024),
  true, 'carer kept through U and T since 2021-01-01: stable');
SELECT is(careleaver.stability_long_term(pg_temp.hist('2021-01-01/2022-06-01 S C2 U1 X1; 2022-06-01/ P C2 U2'), '2012-01-01', 2024),
  false, 'RNE P on 2022-06-01: new carer, not stable');
SELECT is(careleaver.stability_long_term(pg_temp.hist('2021-01-01/2022-03-31 S C2 U1 X1; 2022-03-31/ B C2 U2'), '2012-01-01', 2024),
  true, 'carer since 2022-03-31: exactly two years, stable');
SELECT is(careleaver.stability_long_term(pg_temp.hist('2021-01-01/2022-04-01 S C2 U1 X1; 2022-04-01/ B C2 U2'), '2012-01-01', 2024),
  false, 'carer since 2022-04-01: not stable');
SELECT is(careleaver.stability_long_term(pg_temp.hist('2021-09-30/ S C2 U1'), '2012-01-01', 2024), true, 'in care since 2021-09-30: 2.5 years');
SELECT is(careleaver.stability_long_term(pg_temp.hist('2021-10-01/ S C2 U1'), '2012-01-01', 2024), NULL, 'since 2021-10-01: under 2.5 years, not in the denominator');
SELECT is(careleaver.stability_long_term(pg_temp.hist('2020-01-01/ S C2 U1'), '2008-03-31', 2024), NULL, 'aged 16 on 31 March: not in the denominator');
SELECT is(careleaver.stability_long_term(pg_temp.hist('2020-01-01/ S C2 U1'), '2008-04-01', 2024), true, 'aged 15: stable');
SELECT results_eq(
  $$SELECT * FROM careleaver.stability(pg_temp.hist('2021-01-01/2022-06-01 S C2 U1 X1; 2022-06-01/2023-01-01 U C2 A3 X1; 2023-01-01/ T D1 A3'), '2012-01-01', 2024)$$,
  -- placements: U1 from 2021-01-01, A3 (U) from 2022-06-01, A3 (T) from 2023-01-01; only the last overlaps 2024; all three 2023-24
  $$VALUES (true, 1, false, true, 3, true, true, '2021-01-01'::date, true)$$,
  'stability: every measure in one row');
-- moves: P on 2023-06-01 is a move; S on 2023-10-01 starts a new period (no move).
-- days in [2023-04-01, 2024-04-01): 153 + 183 = 336
SELECT is(careleaver.placement_moves(pg_temp.hist('2023-01-01/2023-06-01 S C2 U1 X1; 2023-06-01/2023-09-01 P C2 U2 E4A; 2023-10-01/ S C2 U3'),
  '2023-04-01', '2024-04-01'), 1, 'one move');
SELECT is(careleaver.moves_per_1000_days(pg_temp.hist('2023-01-01/2023-06-01 S C2 U1 X1; 2023-06-01/2023-09-01 P C2 U2 E4A; 2023-10-01/ S C2 U3'),
  '2023-04-01', '2024-04-01'), 1000.0::float8 / 336, '1000 / 336 moves per 1,000 days');
SELECT is(careleaver.moves_per_1000_days(pg_temp.hist('2023-01-01/2023-06-01 S C2 U1 E4A'), '2024-04-01', '2025-04-01'),
  NULL, 'no day in care: NULL');

-- ================================================================ cohort and outcomes (metrics.md 5)
-- born 2006-05-10, left at 16 after 91 days (relevant): in the cohorts of 2024 (17) to 2031 (24)
SELECT is((SELECT array_agg(careleaver.leaver_cohort_age(pg_temp.hist('2022-02-09/2022-05-11 S C2 U1 E8'), '2006-05-10', y) ORDER BY y)
             FROM generate_series(2023, 2032) y),
  ARRAY[NULL, 17, 18, 19, 20, 21, 22, 23, 24, NULL]::int[], 'cohort ages 17 to 24, none at 16 or 25');
SELECT is(careleaver.leaver_cohort_age(pg_temp.hist('2022-02-10/2022-05-11 S C2 U1 E8'), '2006-05-10', 2024),
  NULL, '90 days (qualifying): not in the cohort');
SELECT is(careleaver.in_leaver_cohort(pg_temp.hist('2022-02-09/ S C2 U1'), '2006-05-10', 2024, 17), false, 'looked after at 17: not in the cohort');
SELECT is(careleaver.in_leaver_cohort(pg_temp.hist('2022-02-09/ S C2 U1'), '2006-05-10', 2025, 18), false, 'looked after on the 18th birthday: not in the cohort');
SELECT is(careleaver.in_leaver_cohort(pg_temp.hist('2022-02-09/2024-05-10 S C2 U1 E8'), '2006-05-10', 2025, 18), true, 'left on the 18th birthday: in at 18');
SELECT is(careleaver.in_leaver_cohort(pg_temp.hist('2022-02-09/2024-05-11 S C2 U1 E8'), '2006-05-10', 2025, 18), false, 'left the day after: out at 18');
SELECT is(careleaver.in_leaver_cohort(pg_temp.hist('2022-02-09/2024-05-11 S C2 U1 E8'), '2006-05-10', 2026, 19), true, '...in at 19');
-- 29 Feb: the 17th birthday is 1 March 2025, in year 2025
SELECT results_eq($$SELECT * FROM careleaver.collection_year_birthday('2008-02-29', 2025)$$,
  $$VALUES (17, '2025-03-01'::date)$$, '29 February born: 17 on 1 March 2025');
SELECT throws_ok($$SELECT careleaver.in_leaver_cohort('{}'::careleaver.care_history, '2006-05-10', 2024, 16)$$,
  '22023', 'care-leaver cohort age 16 is out of range', 'age 16 is rejected');
SELECT results_eq(
  $$SELECT contact, excluded, no_information, is_in_touch, eet, neet, activity_not_known, higher_education, apprenticeship,
           suitable_accommodation, unsuitable_accommodation, accommodation_not_known, homeless_or_insecure
      FROM (VALUES (1, 'YES', 'F1', 'B1'), (2, 'YES', 'G6', 'S2'), (3, 'NO', '0', '0'), (4, 'RHOM', NULL, NULL), (5, NULL, NULL, NULL)) v(n, t, a, c),
           careleaver.leaver_outcome(t::careleaver.contact_status, a::careleaver.leaver_activity, c::careleaver.leaver_accommodation)
     ORDER BY n$$,
  $$VALUES ('in touch', false, false, true, true, false, false, true, false, true, false, false, false),
           ('in touch', false, false, true, false, true, false, false, false, false, true, false, true),
           ('not in touch', false, false, false, false, false, true, false, false, false, false, true, false),
           ('returned home', true, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
           ('no information', false, true, false, false, false, false, false, false, false, false, false, false)$$,
  'leaver_outcome: EET / NEET / not known, suitability, homeless, exclusions, no information');

-- leaver_outcomes over a dataset, year 2024.  Everyone born 2006-05-10 (17 on 2023-05-10) unless said.
--   A: relevant, OC3 YES F1 B1          -> in cohort, EET
--   B: relevant, no OC3                  -> in cohort, no information
--   C: qualifying (90 days), OC3 YES G4 B1 -> OC3 outside the cohort
--   D: relevant, OC3 DIED                -> in cohort, excluded
--   E: looked after on the 17th birthday, no OC3 -> not listed
--   F: OC3 only (no header, no episodes), dob 2005-06-01 (18 on 2023-06-01) -> outside, age 18
SELECT careleaver.create_dataset('tap_outcomes');
INSERT INTO tap_outcomes.header (la, child, dob) VALUES
  ('999', 'A', '2006-05-10'), ('999', 'B', '2006-05-10'), ('999', 'C', '2006-05-10'),
  ('999', 'D', '2006-05-10'), ('999', 'E', '2006-05-10');
INSERT INTO tap_outcomes.episodes (la, child, decom, "dec", rne, ls, place, rec) VALUES
  ('999', 'A', '2022-02-09', '2022-05-11', 'S', 'C2', 'U1', 'E8'),
  ('999', 'B', '2022-02-09', '2022-05-11', 'S', 'C2', 'U1', 'E8'),
  ('999', 'C', '2022-02-10', '2022-05-11', 'S', 'C2', 'U1', 'E8'),
  ('999', 'D', '2022-02-09', '2022-05-11', 'S', 'C2', 'U1', 'E8'),
  ('999', 'E', '2022-02-09', NULL, 'S', 'C2', 'U1', NULL);
INSERT INTO tap_outcomes.oc3 (la, child, year, dob, in_touch, activ, accom) VALUES
  ('999', 'A', 2024, '2006-05-10', 'YES', 'F1', 'B1'),
  ('999', 'C', 2024, '2006-05-10', 'YES', 'G4', 'B1'),
  ('999', 'D', 2024, '2006-05-10', 'DIED', NULL, NULL),
  ('999', 'F', 2024, '2005-06-01', 'YES', 'F2', 'B1'),
  ('999', 'A', 2023, '2006-05-10', 'YES', 'G4', 'B2');
SELECT results_eq(
  $$SELECT child, age, birthday, in_cohort, has_oc3, status::text, contact, eet
      FROM careleaver.leaver_outcomes('tap_outcomes', 2024) ORDER BY child$$,
  $$VALUES ('A', 17, '2023-05-10'::date, true, true, 'relevant', 'in touch', true),
           ('B', 17, '2023-05-10'::date, true, false, 'relevant', 'no information', false),
           ('C', 17, '2023-05-10'::date, false, true, 'qualifying', 'in touch', false),
           ('D', 17, '2023-05-10'::date, true, true, 'relevant', 'died', NULL),
           ('F', 18, '2023-06-01'::date, false, true, NULL, 'in touch', true)$$,
  'leaver_outcomes: members with and without OC3, OC3 outside the cohort, exclusions');
-- EET share of the cohort less exclusions (A, B): 1 of 2
SELECT is((SELECT avg(eet::int) FROM careleaver.leaver_outcomes('tap_outcomes', 2024) WHERE in_cohort),
  0.5::numeric, 'EET: 1 of the cohort less exclusions (2), no information in the denominator');
SELECT throws_ok($$SELECT * FROM careleaver.leaver_outcomes('no_such_schema', 2024)$$,
  '42P01', 'schema "no_such_schema" is not a careleaver dataset', 'not a dataset');

-- ================================================================ CFSR (metrics.md 10)
-- born 2010-01-01 (b18 2028-01-01), year 2024 = [2023-04-01, 2024-04-01), data to 2025-03-31
SELECT results_eq(
  $$SELECT * FROM careleaver.cfsr_indicators(pg_temp.hist('2023-06-01/2023-09-09 S C2 U1 E4A; 2024-01-01/2024-02-01 S C2 U1 E8'), '2010-01-01', 2024, '2025-03-31')$$,
  -- days: 100 + 31
  $$VALUES (true, '2023-06-01'::date, '2023-09-09'::date, 'E4A'::careleaver.ceased_reason, true, true, true, '2024-01-01'::date, 0, 131)$$,
  'cfsr_indicators: entrant home in 100 days, back within 12 months');
SELECT is(careleaver.cfsr_reentry_12m(pg_temp.hist('2023-06-01/2023-09-09 S C2 U1 E4A; 2024-01-01/2024-01-08 S C2 U1 E8'), '2010-01-01', 2024, '2025-03-31'),
  false, 'a 7-day re-entry is left out');
SELECT is(careleaver.cfsr_reentry_12m(pg_temp.hist('2023-06-01/2023-09-09 S C2 U1 E4A; 2024-01-01/2024-01-09 S C2 U1 E8'), '2010-01-01', 2024, '2025-03-31'),
  true, 'an 8-day re-entry counts');
SELECT is(careleaver.cfsr_permanency_12m(pg_temp.hist('2023-06-01/2023-06-08 S C2 U1 E4A'), '2010-01-01', 2024, '2025-03-31'),
  NULL, 'a 7-day period is not an entry');
SELECT is(careleaver.cfsr_permanency_12m(pg_temp.hist('2023-06-01/2023-06-09 S C2 U1 E4A'), '2010-01-01', 2024, '2025-03-31'),
  true, 'an 8-day period is, home: permanency');
SELECT is(careleaver.cfsr_permanency_12m(pg_temp.hist('2023-06-01/2023-09-09 S C2 U1 E4A'), '2005-06-01', 2024, '2025-03-31'),
  NULL, 'entering on the 18th birthday: excluded');
SELECT is(careleaver.cfsr_permanency_12m(pg_temp.hist('2023-06-01/2024-06-01 S C2 U1 E4A'), '2010-01-01', 2024, '2025-03-31'),
  false, 'home on entry + 12 months: not within 12 months');
SELECT is(careleaver.cfsr_permanency_12m(pg_temp.hist('2023-06-01/2024-05-31 S C2 U1 E12'), '2010-01-01', 2024, '2025-03-31'),
  true, 'adopted the day before: within');
SELECT is(careleaver.cfsr_reentry_12m(pg_temp.hist('2023-06-01/2024-05-31 S C2 U1 E12'), '2010-01-01', 2024, '2025-03-31'),
  NULL, 'adoption does not open the re-entry indicator');
SELECT is(careleaver.cfsr_permanency_12m(pg_temp.hist('2023-06-01/2023-09-09 S C2 U1 E4A'), '2010-01-01', 2024, '2024-05-30'),
  NULL, 'data to 2024-05-30: follow-up incomplete (entry + 12 months = 2024-06-01)');
SELECT is(careleaver.cfsr_permanency_12m(pg_temp.hist('2023-03-01/2023-05-01 S C2 U1 E4A; 2023-07-01/ S C2 U1'), '2010-01-01', 2024, '2025-03-31'),
  NULL, 'in care on 1 April: not an entrant');
-- moves: U1, T1 (not counted), U2, U3 = 2 moves; days [2023-06-01, 2024-04-01) = 305
SELECT results_eq(
  $$SELECT careleaver.cfsr_placement_moves(h, '2010-01-01', 2024, '2025-03-31'), careleaver.cfsr_days_in_care(h, '2010-01-01', 2024, '2025-03-31'),
           careleaver.cfsr_placement_moves(h, '2006-01-01', 2024, '2025-03-31'), careleaver.cfsr_days_in_care(h, '2006-01-01', 2024, '2025-03-31')
      FROM pg_temp.hist('2023-06-01/2023-07-01 S C2 U1 X1; 2023-07-01/2023-07-05 P C2 T1 X1; 2023-07-05/2023-12-01 P C2 U2 X1; 2023-12-01/ P C2 U3') h$$,
  -- 18 on 2024-01-01: days to then 214, both moves before
  $$VALUES (2, 305, 2, 214)$$, 'moves and days, cut at the 18th birthday');


-- ================================================================ consistency with the history's own facts
-- 400 generated children (deterministic): every metric must agree with periods_of_care, placements and
-- carer_spells of 20_history, which read the same core (design.md: one reading of periods and spells).
SELECT setseed(0.25);
CREATE TEMP TABLE gen AS
WITH per AS (
  SELECT c AS child, date '2004-01-01' + (c * 37) % 4000 AS dob, k,
         1 + floor(random() * 4)::int AS neps, 5 + floor(random() * random() * 900)::int AS len,
         1 + floor(random() * 400)::int AS gap, random() AS roll
    FROM generate_series(1, 400) c, generate_series(1, 3) k),
st AS (
  SELECT per.*, date '2016-01-01' + (child * 53) % 1500
           + (sum(len + gap) OVER (PARTITION BY child ORDER BY k) - len - gap)::int AS start
    FROM per)
SELECT child, dob, start + (len * (j - 1)) / neps AS decom,
       CASE WHEN j = neps AND start + len > date '2024-03-31' THEN NULL ELSE start + (len * j) / neps END AS "dec",
       (CASE WHEN j = 1 THEN 'S' ELSE (ARRAY['L','P','T','B','U'])[1 + floor(random() * 5)::int] END)::careleaver.new_episode_reason AS rne,
       'C2'::careleaver.legal_status AS ls,
       (ARRAY['U1','U3','T1','A3','K2'])[1 + floor(random() * 5)::int]::careleaver.placement_type AS place,
       (CASE WHEN j = neps AND start + len > date '2024-03-31' THEN NULL WHEN j < neps THEN 'X1'
             ELSE (ARRAY['E4A','E4B','E8','E11','E45','E41','E13'])[1 + floor(roll * 7)::int] END)::careleaver.ceased_reason AS rec
  FROM st, generate_series(1, neps) j
 WHERE start <= date '2024-03-31';
CREATE TEMP TABLE gh AS
  SELECT child, dob, careleaver.care_history_agg(decom, "dec", rne, ls, place, rec ORDER BY decom DESC) AS h FROM gen GROUP BY child, dob;
SELECT is_empty($$
  SELECT child FROM gh WHERE
    (SELECT count(*) FROM careleaver.returns_home(h, '2024-03-31')) <>
    (SELECT count(*) FROM careleaver.periods_of_care(h) p WHERE p.end_date <= '2024-03-31' AND p.end_reason IN ('E4A', 'E4B'))$$,
  'returns_home: one row per period of care ending E4A or E4B by data end');
SELECT is_empty($$
  SELECT child FROM gh WHERE
    (SELECT array_agg(duration_days ORDER BY period_no) FROM careleaver.exits(h, dob, '2024-03-31')) IS DISTINCT FROM
    (SELECT array_agg(coalesce(least(p.end_date, '2024-04-01'), '2024-04-01') - p.start_date ORDER BY p.period_no)
       FROM careleaver.periods_of_care(h) p)$$,
  'exits: durations are the periods'' days, open ones to data end + 1');
SELECT is_empty($$
  SELECT child FROM gh WHERE careleaver.placements_in_window(h, '2020-04-01', '2021-04-01') <>
    (SELECT count(*) FROM careleaver.placements(h) p
      WHERE p.start_date < '2021-04-01' AND (p.end_date IS NULL OR p.end_date > '2020-04-01' OR p.start_date >= '2020-04-01'))$$,
  'placements_in_window counts careleaver.placements rows overlapping the window');
SELECT is_empty($$
  SELECT child FROM gh, careleaver.stability(h, dob, 2021) s WHERE s.looked_after_on_31_march AND s.carer_since IS DISTINCT FROM
    (SELECT max(c.start_date) FROM careleaver.carer_spells(h) c
      WHERE c.start_date <= '2021-03-31' AND (c.end_date IS NULL OR c.end_date > '2021-03-31'))$$,
  'stability: carer_since is the carer_spells row holding 31 March');
SELECT is_empty($$
  SELECT child FROM gh WHERE careleaver.stability_short_term(h, 2021) IS NOT NULL
     IS DISTINCT FROM careleaver.looked_after_on(h, '2021-03-31')$$,
  'short-term denominator: looked after on 31 March (careleaver.looked_after_on)');
SELECT is_empty($$
  SELECT child FROM gh, careleaver.collection_year_birthday(dob, 2022) b
   WHERE careleaver.leaver_cohort_age(h, dob, 2022) IS NOT NULL IS DISTINCT FROM
    coalesce(careleaver.leaver_status(h, dob, b.birthday)::text IN ('relevant', 'former_relevant')
             AND b.age BETWEEN 17 AND 24 AND NOT (b.age <= 18 AND careleaver.looked_after_on(h, b.birthday)), false)$$,
  'cohort: status on the birthday (careleaver.leaver_status), not looked after at 17 or 18');
SELECT cmp_ok((SELECT count(*) FROM gh, careleaver.returns_home(h, '2024-03-31')), '>', 50::bigint,
  'the generated children include returns home (the checks above are not vacuous)');

-- ================================================================ properties
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'careleaver' AND p.proname IN ('returns_home', 'reentered_within', 'exits', 'placements_in_window',
              'placement_moves', 'moves_per_1000_days', 'stability', 'stability_short_term', 'stability_two_year',
              'stability_long_term', 'collection_year_birthday', 'in_leaver_cohort', 'leaver_cohort_age', 'leaver_outcome',
              'cfsr_indicators', 'cfsr_permanency_12m', 'cfsr_reentry_12m', 'cfsr_placement_moves', 'cfsr_days_in_care')
              AND p.provolatile = 'i' AND p.proparallel = 's'), 19, 'every per-child function is IMMUTABLE PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'careleaver' AND p.proname IN ('returns_home', 'leaver_outcome', 'leaver_outcomes', 'cfsr_indicators', 'stability')
              AND obj_description(p.oid, 'pg_proc') IS NULL), 0, 'every function has a comment');

SELECT * FROM finish();
ROLLBACK;
