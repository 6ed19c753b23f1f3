-- The Children in Need census linked to SSDA903 (doc/cin.md "Linkage to care", metrics.md 15.1 and
-- 15.2) on a council worked out by hand: the identity rule (LAchildID = CHILD, the UPN confirming or
-- refusing), care that followed Family Help (a referral in an earlier return, a protection plan, a
-- look-back the CIN returns do not cover), what came after, returns home followed by a re-referral (a
-- follow-up passing the CIN data's end), and Dashboard 26 to 42 (factors at assessment per 10,000).
BEGIN;
SELECT plan(34);

-- ============================================================ the identity rule (core/cin_link.c)
SELECT is(careleaver.cin_link_status('A123456789012', NULL, 'a123456789012 '), 'id and upn',
          'UPNs equal ignoring case and surrounding blanks: confirmed');
SELECT is(careleaver.cin_link_status('C111111111111', 'A111111111111', 'A111111111111'), 'id and upn',
          'the CIN FormerUPN equal to the SSDA903 UPN confirms the link');
SELECT is(careleaver.cin_link_status('A12345678901Z', NULL, 'A12345678901Z'), 'id and upn',
          'a temporary UPN (11 digits and a letter) compares too');
SELECT is(careleaver.cin_link_status('A123456789012', NULL, 'UN2'), 'id only',
          'UN2 is no UPN: the identifier alone links');
SELECT is(careleaver.cin_link_status(NULL, NULL, 'A123456789012'), 'id only', 'no CIN UPN: the identifier alone links');
SELECT is(careleaver.cin_link_status('I123456789012', NULL, 'I123456789012'), 'id only',
          'a UPN cannot begin with I: not a UPN, nothing to compare');
SELECT is(careleaver.cin_link_status('A123456789012', 'B123456789012', 'C123456789012'), 'upn conflict',
          'both hold UPNs and neither CIN UPN equals the SSDA903 one: not linked');

-- ============================================================ cin_care_year at the boundaries
-- care starting on 1 June 2023 (collection year 2024); the CIN coverage 1 April 2022 to 31 March 2024
CREATE TEMP TABLE h1 AS SELECT '{2023-06-01/ S C2 U4}'::careleaver.care_history AS h;
CREATE FUNCTION pg_temp.start_after(journey text) RETURNS text LANGUAGE sql AS $$
  SELECT concat_ws(' ', c.started, c.lookback_incomplete, c.after_referral, c.after_cpp, c.after_family_help)
    FROM h1, careleaver.cin_care_year(journey::careleaver.cin_journey, h1.h, '2015-01-01', 2024, '2025-03-31',
                                      '2022-04-01', '2024-03-31') c $$;
SELECT is(pg_temp.start_after('{R 2022-06-01 2022-07-01}'), '1 0 1 0 1',
          'a referral on the same day a year before the start is within 12 months');
SELECT is(pg_temp.start_after('{R 2022-05-31 2022-07-01}'), '1 0 0 0 0', 'one day earlier is not');
SELECT is(pg_temp.start_after('{R 2023-06-01 -}'), '1 0 1 0 1', 'a referral on the day care begins counts');
SELECT is(pg_temp.start_after('{R 2023-06-02 -}'), '1 0 0 0 0', 'a referral after care began does not');
SELECT is(pg_temp.start_after('{R 2021-01-01 2022-12-01; C 2021-03-01 2022-06-01 NEG NEG 0}'), '1 0 0 1 1',
          'a protection plan that ended on the day 12 months before the start: on a plan in those 12 months');
SELECT is((SELECT concat_ws(' ', c.started, c.lookback_incomplete, c.after_referral)
             FROM h1, careleaver.cin_care_year('{R 2022-06-01 -}', h1.h, NULL, 2024, '2025-03-31', '2022-06-02', '2024-03-31') c),
          '1 1 0', 'CIN covering from 2 June 2022 only: the look-back is not known, the referral seen in it not counted');
-- a return home on 31 March 2023 with the CIN coverage ending 31 March 2024
CREATE FUNCTION pg_temp.rereferral(ret date, journey text) RETURNS text LANGUAGE sql AS $$
  SELECT concat_ws(' ', c.returned_home, c.rereferred, c.rereferral_incomplete)
    FROM careleaver.cin_care_year(journey::careleaver.cin_journey,
           format('{2022-01-01/%s S C2 U4 E4A}', ret)::careleaver.care_history, NULL,
           careleaver.collection_year_of(ret), '2025-03-31', '2022-04-01', '2024-03-31') c $$;
SELECT is(pg_temp.rereferral('2023-04-01', '{R 2024-03-31 -}'), '1 1 0',
          'return 1 April 2023: its 12 months end with the CIN data (31 March 2024), complete; referred on their last day');
SELECT is(pg_temp.rereferral('2023-04-02', '{R 2023-05-01 -}'), '1 0 1',
          'return 2 April 2023: the follow-up passes the CIN data''s end: incomplete, although a referral is seen');
SELECT is(pg_temp.rereferral('2023-03-31', '{R 2023-03-31 -}'), '1 0 0',
          'a referral on the day of the return is not after it: not re-referred');
SELECT is(pg_temp.rereferral('2023-03-31', NULL), '1 0 0', 'no CIN records at all: not re-referred (complete follow-up)');

-- ============================================================ a council worked by hand
SELECT careleaver.create_dataset('lk');
INSERT INTO lk.header (la, child, sex, dob, upn) VALUES
  ('L1', 'A', '1', '2012-01-01', NULL), ('L1', 'B', '2', '2013-01-01', 'A111111111111'),
  ('L1', 'C', '1', '2014-01-01', 'UN2'), ('L1', 'D', '2', '2011-01-01', ' d222222222222 '),
  ('L1', 'E', '1', '2010-01-01', 'F444444444444'), ('L1', 'F', '2', '2012-06-01', NULL),
  ('L1', 'K', '1', '2013-06-01', 'A123456789012'), ('L1', 'H', '2', '2015-01-01', NULL);
INSERT INTO lk.episodes (la, child, decom, rne, ls, place, "dec", rec) VALUES
  ('L1', 'A', '2023-03-01', 'S', 'C2', 'U4', NULL, NULL),          -- starts 2022-23: look-back before the CIN data
  ('L1', 'B', '2023-05-20', 'S', 'C2', 'U4', NULL, NULL),          -- starts 2023-24, referred 15/06/2022 (2023 return)
  ('L1', 'C', '2023-09-15', 'S', 'C2', 'U4', '2024-01-10', 'E11'), -- starts 2023-24 after a plan; adopted
  ('L1', 'D', '2023-07-01', 'S', 'C2', 'U4', '2023-10-01', 'E4A'), -- starts 2023-24, no help; returns home
  ('L1', 'E', '2022-06-01', 'S', 'C2', 'U4', '2022-12-01', 'E4A'), -- returns home 2022-23, re-referred
  ('L1', 'F', '2022-07-01', 'S', 'C2', 'U4', '2022-11-15', 'E4B'), -- returns home 2022-23, referred 13 months on
  ('L1', 'K', '2023-06-01', 'S', 'C2', 'U4', NULL, NULL),          -- UPNs disagree: left out
  ('L1', 'H', '2023-08-01', 'S', 'C2', 'U4', '2024-06-01', 'E8');  -- no CIN record; ends in 2024-25
INSERT INTO lk.cin_returns (la, year, files) VALUES ('L1', 2023, '[]'), ('L1', 2024, '[]');
INSERT INTO lk.cin_child (la, child, upn, formerupn, source_year) VALUES
  ('L1', 'A', 'E333333333333', NULL, 2023), ('L1', 'B', 'C111111111111', 'a111111111111', 2023),
  ('L1', 'C', NULL, NULL, 2024), ('L1', 'D', 'D222222222222', NULL, 2024), ('L1', 'E', 'F444444444444', NULL, 2023),
  ('L1', 'F', NULL, NULL, 2024), ('L1', 'K', 'B123456789012', NULL, 2024), ('L1', 'Z', NULL, NULL, 2023);
INSERT INTO lk.cin_details (la, child, cinreferraldate, cinclosuredate, source_year) VALUES
  ('L1', 'A', '2022-05-10', '2022-08-01', 2023), ('L1', 'B', '2022-06-15', '2023-05-20', 2023),
  ('L1', 'C', '2022-09-01', '2023-03-01', 2023), ('L1', 'D', '2024-02-01', NULL, 2024),
  ('L1', 'E', '2023-03-01', '2023-06-01', 2024), ('L1', 'F', '2023-12-20', NULL, 2024),
  ('L1', 'K', '2023-05-01', NULL, 2024), ('L1', 'Z', '2023-01-01', '2023-03-01', 2023);
INSERT INTO lk.cin_cp_plans (la, child, cinreferraldate, cppstartdate, cppenddate, source_year) VALUES
  ('L1', 'C', '2022-09-01', '2022-10-01', '2023-02-01', 2023);
INSERT INTO lk.cin_assessments (la, child, cinreferraldate, assessmentactualstartdate, assessmentauthorisationdate, factors, source_year) VALUES
  ('L1', 'B', '2022-06-15', '2022-06-16', '2022-07-20', '{3A,16A}', 2023),   -- 2022-23
  ('L1', 'Z', '2023-01-01', '2023-01-02', '2023-02-01', '{10A}', 2023),      -- 2022-23
  ('L1', 'C', '2022-09-01', '2022-09-05', '2023-04-10', '{3A,18C}', 2024),   -- 2023-24
  ('L1', 'D', '2024-02-01', '2024-02-02', '2024-03-01', '{11A,21}', 2024),   -- 2023-24
  ('L1', 'K', '2023-05-01', '2023-05-02', '2023-05-30', '{3A}', 2024);       -- 2023-24 (factors count every CIN child)
INSERT INTO lk.population (la, year, age, age_to, count) VALUES ('L1', 2024, 0, 17, 20000);
SELECT is((SELECT count(*)::int FROM careleaver.create_reports('lk')), (SELECT count(*)::int FROM careleaver.report_views),
          'reporting views created, the linkage views among them');

SELECT is((SELECT concat_ws(' ', cin_children, ssda903_children, linked_id_and_upn, linked_id_only, upn_conflict, cin_only, ssda903_only)
             FROM lk.cin_linkage WHERE la = 'L1'), '8 8 3 3 1 1 1',
          'linkage: 8 CIN and 8 SSDA903 children; B (FormerUPN), D (case, blanks), E confirmed; A, C (UN2), F by identifier; K''s UPNs disagree; Z CIN only; H SSDA903 only');

SELECT results_eq($$SELECT collection_year, started_looked_after, lookback_not_covered, after_referral_within_12_months,
                           after_cpp_within_12_months, after_family_help_within_12_months, after_referral_percent,
                           after_cpp_percent, after_family_help_percent
                      FROM lk.care_after_family_help WHERE la = 'L1' ORDER BY 1$$,
  $$VALUES (2023, 3::bigint, 3::bigint, 0::bigint, 0::bigint, 0::bigint, NULL::numeric, NULL::numeric, NULL::numeric),
           (2024, 4, 0, 1, 1, 2, 25.0, 25.0, 50.0),
           (2025, 0, 0, 0, 0, 0, NULL, NULL, NULL)$$,
  'care after Family Help: 2022-23 A, E, F start with look-backs before the CIN data (not known); 2023-24 B (referral in the 2023 return), C (plan ended 7 months before), D and H (none) of 4, K left out');
SELECT is((SELECT concat_ws(' ', started_looked_after, lookback_not_covered, after_family_help_within_12_months, after_family_help_percent)
             FROM lk.care_after_family_help_published WHERE la = 'L1' AND collection_year = 2023), 'c c 0 x',
          'published: no start of 2022-23 has its 12 months covered: the share is not available (x), not 0 (3 starts: c)');
SELECT is((SELECT concat_ws(' ', started_looked_after, after_referral_within_12_months, after_family_help_percent)
             FROM lk.care_after_family_help_published WHERE la = 'L1' AND collection_year = 2024), 'c c c',
          'published 2023-24: counts of 1 to 5 suppressed, with their percentage');
SELECT results_eq($$SELECT family_help_order, route, children FROM lk.care_after_family_help_routes
                     WHERE la = 'L1' AND collection_year = 2024 AND children > 0 ORDER BY family_help_order, route_order$$,
  $$VALUES (1, 'still looked after', 1::bigint), (1, 'adopted', 1), (2, 'returned home', 1), (2, 'other', 1)$$,
  'what came after, 2023-24: after Family Help B still looked after and C adopted; without it D returned home, H left care (E8, other)');
SELECT is((SELECT sum(children)::int FROM lk.care_after_family_help_routes WHERE la = 'L1' AND collection_year = 2023
             AND family_help_order = 3), 3, '2022-23: the three starts are in the not-known group');
SELECT is((SELECT string_agg(children, ' ' ORDER BY route_order) FROM lk.care_after_family_help_routes_published
            WHERE la = 'L1' AND collection_year = 2024 AND family_help_order = 1), 'c 0 c 0 0 0 0',
          'published routes: each group one row with suppression');

SELECT results_eq($$SELECT collection_year, returned_home, rereferred_within_12_months, not_rereferred, follow_up_incomplete,
                           rereferral_percent, basis
                      FROM lk.returns_home_rereferral WHERE la = 'L1' ORDER BY 1$$,
  $$VALUES (2023, 2::bigint, 1::bigint, 1::bigint, 0::bigint, 50.0, 'complete follow-up'),
           (2024, 1, 0, 0, 1, NULL, 'follow-up incomplete: 1 of 1 returns home are not followed for 12 months by CIN returns'),
           (2025, 0, 0, 0, 0, NULL, 'complete follow-up')$$,
  'returns home: 2022-23 E re-referred after 3 months, F after 13 (not within 12); 2023-24 D''s 12 months pass the CIN data''s end (31 March 2024): incomplete, never "not re-referred", although a referral is seen');
SELECT is((SELECT concat_ws(' ', rereferred_within_12_months, not_rereferred, follow_up_incomplete, rereferral_percent)
             FROM lk.returns_home_rereferral_published WHERE la = 'L1' AND collection_year = 2024), 'x x c x',
          'published: a year with incomplete follow-ups reads x');

-- ============================================================ Dashboard 26 to 42
CREATE TEMP TABLE nf AS SELECT * FROM lk.national_framework WHERE la = 'L1' AND dashboard_no BETWEEN 26 AND 42;
SELECT is((SELECT count(*)::int FROM nf WHERE collection_year = 2024), 17, 'seventeen rows per council and year');
SELECT is((SELECT string_agg(dashboard_no || ':' || numerator || '/' || denominator || '=' || round(value, 2), ' ' ORDER BY ordinal)
             FROM nf WHERE collection_year = 2024 AND numerator > 0), '26:2/20000=1.00 32:1/20000=0.50 39:1/20000=0.50',
          '2023-24: 3A (domestic abuse, child) at C''s and K''s assessments, 18C (physical abuse, adult on child), 11A (child sexual exploitation) per 10,000');
SELECT is((SELECT indicator FROM nf WHERE dashboard_no = 32 LIMIT 1), 'Rate of Physical Abuse adult on child, per 10,000 children',
          'DfE''s wording');
SELECT is((SELECT string_agg(dashboard_no || ':' || numerator, ' ' ORDER BY ordinal) FROM nf
            WHERE collection_year = 2023 AND numerator > 0), '26:1 31:1 41:1',
          '2022-23: 3A and 16A (neglect) at B''s assessment, 10A (going missing) at Z''s');
SELECT is((SELECT DISTINCT not_available_reason FROM nf WHERE collection_year = 2023),
          'no child population loaded for this council and year (scripts/careleaver-population)',
          '2022-23 has no population: not available, with why');
SELECT is((SELECT DISTINCT not_available_reason FROM nf WHERE collection_year = 2025),
          'no Children in Need census return loaded for this council and year', '2024-25 has no CIN return: x, with why');
SELECT is((SELECT string_agg(value, ' ' ORDER BY ordinal) FROM lk.national_framework_published
            WHERE la = 'L1' AND collection_year = 2024 AND dashboard_no IN (26, 31, 32)), 'c 0 c',
          'published: whole numbers, counts of 1 to 5 suppressed');

SELECT * FROM finish();
ROLLBACK;
