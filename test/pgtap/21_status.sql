-- Care-leaver status (metrics.md 4) through the aggregate: every rule branch
-- and boundary.  Each scenario's episodes are rows built into a history by
-- careleaver.care_history_agg, fed in reverse order (the order must not matter).
-- Each expected status and rule is worked by hand in the comment above it.
--
-- Unless said otherwise the young person is born 2006-05-10:
--   b14 2020-05-10, b16 2022-05-10, b18 2024-05-10, b21 2027-05-10, b25 2031-05-10.
BEGIN;
SET LOCAL search_path = public, careleaver;

CREATE TEMP TABLE scenario (
  no serial PRIMARY KEY, episodes text, dob date, at date,
  want careleaver.leaver_category, rule int, what text);

INSERT INTO scenario (episodes, dob, at, want, rule, what) VALUES
-- 2022-02-09 to 2022-05-11 = 28 + 31 + 30 + 2 = 91 nights, one (10 May) after 16: eligible when care ended
  ('2022-02-09/2022-05-11 S C2 U1 E8', '2006-05-10', '2022-06-01', 'relevant', 7, 'exactly 91 days since 14, 1 after 16: relevant'),
-- one day shorter: 90 nights, not eligible; looked after after 16: qualifying
  ('2022-02-10/2022-05-11 S C2 U1 E8', '2006-05-10', '2022-06-01', 'qualifying', 8, '90 days: qualifying'),
  ('2022-02-09/2022-05-11 S C2 U1 E8', '2006-05-10', '2024-05-09', 'relevant', 7, 'age 17 the day before 18: relevant'),
  ('2022-02-09/2022-05-11 S C2 U1 E8', '2006-05-10', '2024-05-10', 'former_relevant', 7, 'on the 18th birthday: former relevant'),
  ('2022-02-09/2022-05-11 S C2 U1 E8', '2006-05-10', '2027-05-10', 'former_relevant', 7, 'at 21: former relevant (18 to 24)'),
  ('2022-02-09/2022-05-11 S C2 U1 E8', '2006-05-10', '2031-05-09', 'former_relevant', 7, 'the day before 25: former relevant'),
  ('2022-02-09/2022-05-11 S C2 U1 E8', '2006-05-10', '2031-05-10', NULL, 1, 'on the 25th birthday: none'),
  ('2022-02-09/2022-05-11 S C2 U1 E8', '2006-05-10', '2022-05-09', NULL, 1, 'the day before 16: none'),
  ('2022-02-10/2022-05-11 S C2 U1 E8', '2006-05-10', '2027-05-09', 'qualifying', 8, 'qualifying the day before 21'),
  ('2022-02-10/2022-05-11 S C2 U1 E8', '2006-05-10', '2027-05-10', NULL, 8, 'qualifying ends at 21'),
-- D = C: not looked after on the day care ends
  ('2022-02-09/2022-05-11 S C2 U1 E8', '2006-05-10', '2022-05-11', 'relevant', 7, 'on the day care ended: relevant'),
-- the day before: looked after; days14(D + 1) = 91, days16(D + 1) = 1
  ('2022-02-09/2022-05-11 S C2 U1 E8', '2006-05-10', '2022-05-10', 'eligible', 2, 'looked after on the 16th birthday: eligible'),
-- care ending on the 16th birthday: no night after 16 (days16 0): none
  ('2021-10-01/2022-05-10 S C2 U1 E8', '2006-05-10', '2022-06-01', NULL, 9, 'care ending on the 16th birthday: none'),
  ('2021-10-01/2022-05-11 S C2 U1 E8', '2006-05-10', '2022-06-01', 'relevant', 7, 'care ending the day after the 16th birthday: relevant'),
-- 29 Feb birthday 2008-02-29: b14 2022-03-01, b16 2024-02-29, b18 2026-03-01
  ('2023-09-01/2024-02-29 S C2 U1 E8', '2008-02-29', '2024-04-01', NULL, 9, '29 Feb dob, care ending on 29 Feb 2024 (16th birthday): none'),
-- to 2024-03-01: days16 1 (29 Feb); days14 = 30+31+30+31+31+29 = 182
  ('2023-09-01/2024-03-01 S C2 U1 E8', '2008-02-29', '2024-04-01', 'relevant', 7, '29 Feb dob, care ending 1 Mar 2024: relevant'),
  ('2023-09-01/2024-03-01 S C2 U1 E8', '2008-02-29', '2026-02-28', 'relevant', 7, '29 Feb dob on 28 Feb 2026: still 17'),
  ('2023-09-01/2024-03-01 S C2 U1 E8', '2008-02-29', '2026-03-01', 'former_relevant', 7, '29 Feb dob on 1 Mar 2026: 18'),
-- home: care 2022-01-01 to C 2023-06-01 (eligible at C); C + 6 months = 2023-12-01
  ('2022-01-01/2023-06-01 S C2 U1 E4A', '2006-05-10', '2023-11-30', 'relevant', 7, 'home, C + 6 months one day after D: relevant'),
  ('2022-01-01/2023-06-01 S C2 U1 E4A', '2006-05-10', '2023-12-01', 'qualifying', 6, 'home, C + 6 months = D: qualifying'),
  ('2022-01-01/2023-06-01 S C2 U1 E4A', '2006-05-10', '2023-12-02', 'qualifying', 6, 'home, C + 6 months one day before D: qualifying'),
  ('2022-01-01/2023-06-01 S C2 U1 E4B', '2006-05-10', '2023-12-01', 'qualifying', 6, 'E4B likewise'),
  ('2022-01-01/2023-06-01 S C2 U1 E41', '2006-05-10', '2023-12-01', 'qualifying', 6, 'E41 (child arrangements order) likewise'),
  ('2022-01-01/2023-06-01 S C2 U1 E13', '2006-05-10', '2023-12-01', 'relevant', 7, 'E13 is not rule 6: relevant'),
-- C 2023-11-10: C + 6 months = 2024-05-10 = b18 = min(D, b18) at D 2024-06-01
  ('2022-01-01/2023-11-10 S C2 U1 E4A', '2006-05-10', '2024-06-01', 'qualifying', 6, 'home, C + 6 months = b18: qualifying'),
  ('2022-01-01/2023-11-09 S C2 U1 E4A', '2006-05-10', '2024-06-01', 'qualifying', 6, 'home, C + 6 months one day before b18: qualifying'),
  ('2022-01-01/2023-11-11 S C2 U1 E4A', '2006-05-10', '2024-06-01', 'former_relevant', 7, 'home, C + 6 months one day after b18: former relevant'),
  ('2022-01-01/2023-11-10 S C2 U1 E4A', '2006-05-10', '2027-05-10', NULL, 6, 'home six months, aged 21: none'),
-- home before 16: C 2022-04-30, days16(C) = 0
  ('2020-06-01/2022-04-30 S C2 U1 E4A', '2006-05-10', '2023-06-01', NULL, 6, 'home before 16: none'),
-- C 2023-08-31 + 6 months = 2024-02-29 (clamped, leap year)
  ('2022-01-01/2023-08-31 S C2 U1 E4A', '2006-05-10', '2024-02-29', 'qualifying', 6, 'C 31 Aug + 6 months = 29 Feb = D: qualifying'),
  ('2022-01-01/2023-08-31 S C2 U1 E4A', '2006-05-10', '2024-02-28', 'relevant', 7, 'and the day before: relevant'),
-- short breaks: care 2022-01-30 to 2022-05-05 (95 nights, none after 16), then V3 short breaks to 2022-05-20
  ('2022-01-30/2022-05-05 S C2 U1 E8; 2022-05-05/2022-05-20 S V3 U1 E8', '2006-05-10', '2022-06-01', NULL, 9, 'short breaks after 16 do not count: none'),
  ('2022-01-30/2022-05-05 S C2 U1 E8; 2022-05-05/2022-05-20 S V3 U1 E8', '2006-05-10', '2022-05-15', NULL, 9, 'during a short break: not looked after'),
  ('2022-01-30/2022-05-20 S V4 U1 E8', '2006-05-10', '2022-06-01', NULL, 3, 'only short breaks: never a care leaver'),
-- X1 chain 2022-01-30 .. 2022-06-01: one period, 122 nights since 14, 22 after 16
  ('2022-01-30/2022-03-01 S C2 U1 X1; 2022-03-01/2022-05-15 L C1 U1 X1; 2022-05-15/2022-06-01 P C1 U2 E8', '2006-05-10', '2022-07-01', 'relevant', 7, 'X1 chain: relevant'),
  ('2022-01-30/2022-06-01 S C2 U1 X1', '2006-05-10', '2022-12-01', 'relevant', 7, 'X1 with no continuation: reason unknown, relevant'),
-- after an X1 gap the last period ends E4A on 2022-06-01; + 6 months = 2022-12-01 = D
  ('2021-01-30/2021-06-01 S C2 U1 X1; 2022-01-30/2022-06-01 S C2 U1 E4A', '2006-05-10', '2022-12-01', 'qualifying', 6, 'last period after an X1 gap decides'),
-- special guardianship
  ('2022-01-01/2023-06-01 S C2 U1 E45', '2006-05-10', '2023-07-01', 'qualifying', 5, 'SGO at 17: qualifying'),
  ('2022-01-01/2023-06-01 S C2 U1 E48', '2006-05-10', '2027-05-09', 'qualifying', 5, 'SGO at 20: qualifying'),
  ('2022-01-01/2023-06-01 S C2 U1 E43', '2006-05-10', '2027-05-10', NULL, 5, 'SGO at 21: none'),
-- adoption, death, transfer
  ('2022-01-01/2023-06-01 S C2 U1 E11', '2006-05-10', '2023-07-01', NULL, 4, 'adopted E11: none'),
  ('2022-01-01/2023-06-01 S C2 U1 E12', '2006-05-10', '2023-07-01', NULL, 4, 'adopted E12: none'),
  ('2022-01-01/2023-06-01 S C2 U1 E2', '2006-05-10', '2023-07-01', NULL, 4, 'died: none'),
  ('2022-01-01/2023-06-01 S C2 U1 E3', '2006-05-10', '2023-07-01', NULL, 4, 'transferred: none'),
  ('2020-06-01/2021-01-01 S C2 U1 E11; 2022-01-01/2023-06-01 S C2 U1 E8', '2006-05-10', '2023-07-01', 'relevant', 7, 'a later period after an adoption decides'),
-- still looked after (from 2021-01-01, open)
  ('2021-01-01/ S C2 U1', '2006-05-10', '2023-07-01', 'eligible', 2, 'looked after at 17: eligible'),
  ('2021-01-01/ S C2 U1', '2006-05-10', '2024-06-01', 'former_relevant', 2, 'still looked after at 18: former relevant'),
  ('2021-01-01/ S C2 U1', '2006-05-10', '2031-05-10', NULL, 1, 'looked after at 25: none'),
-- entered 2024-04-10: 30 nights before b18
  ('2024-04-10/ S C2 U1', '2006-05-10', '2024-06-01', NULL, 2, 'looked after at 18, 30 days before 18: none'),
-- from 2023-01-01: to D + 1 = 2023-04-02 is 31 + 28 + 31 + 1 = 91
  ('2023-01-01/ S C2 U1', '2006-05-10', '2023-04-01', 'eligible', 2, '91 days counting D: eligible'),
  ('2023-01-01/ S C2 U1', '2006-05-10', '2023-03-31', NULL, 2, '90 days counting D: none'),
-- never looked after / only after D / looked after on D with a later end
  ('', '2006-05-10', '2023-01-01', NULL, 3, 'no episodes: none'),
  ('2023-06-01/ S C2 U1', '2006-05-10', '2023-01-01', NULL, 3, 'care starting after D: none'),
  ('2022-01-01/2024-01-01 S C2 U1 E8', '2006-05-10', '2023-01-01', 'eligible', 2, 'care ending after D: looked after, eligible'),
  ('', '2006-05-10', '2000-01-01', NULL, 1, 'not yet born: none'),
-- duplicates count once: 2022-03-11 to 2022-05-11 = 61 nights, not 122
  ('2022-03-11/2022-05-11 S C2 U1 E8; 2022-03-11/2022-05-11 S C2 U1 E8', '2006-05-10', '2022-06-01', 'qualifying', 8, 'duplicate episodes counted once'),
-- two periods: 61 (2020-06-01..08-01) + 32 (2022-04-10..05-12) = 93 since 14, 2 after 16
  ('2020-06-01/2020-08-01 S C2 U1 E4A; 2022-04-10/2022-05-12 S C2 U1 E8', '2006-05-10', '2022-06-01', 'relevant', 7, 'days over two periods add up');

SELECT plan((SELECT 2 * count(*)::int + 6 FROM scenario));

CREATE TEMP TABLE scenario_episode AS
SELECT s.no,
       split_part(x, '/', 1)::date AS decom,
       nullif(split_part(split_part(x, '/', 2), ' ', 1), '')::date AS dec,
       nullif(split_part(x, ' ', 2), '')::careleaver.new_episode_reason AS rne,
       nullif(split_part(x, ' ', 3), '')::careleaver.legal_status AS ls,
       nullif(split_part(x, ' ', 4), '')::careleaver.placement_type AS place,
       nullif(split_part(x, ' ', 5), '')::careleaver.ceased_reason AS rec
  FROM scenario s, regexp_split_to_table(s.episodes, '\s*;\s*') x
 WHERE s.episodes <> '';

CREATE TEMP TABLE scenario_history AS
SELECT s.no, coalesce((SELECT careleaver.care_history_agg(e.decom, e.dec, e.rne, e.ls, e.place, e.rec ORDER BY e.decom DESC)
                         FROM scenario_episode e WHERE e.no = s.no), '{}') AS h
  FROM scenario s;

SELECT is(careleaver.leaver_status(h.h, s.dob, s.at), s.want, s.what || ' (' || s.at || ')')
  FROM scenario s JOIN scenario_history h USING (no) ORDER BY no;
SELECT is((careleaver.leaver_status_explain(h.h, s.dob, s.at) ->> 'rule')::int, s.rule, s.what || ': rule ' || s.rule)
  FROM scenario s JOIN scenario_history h USING (no) ORDER BY no;

-- explanation figures worked by hand
SELECT is(careleaver.leaver_status_explain('{2022-02-09/2022-05-11 S C2 U1 E8}', '2006-05-10', '2022-06-01')
          -> 'eligibility', '{"counted_before": "2022-05-11", "days_since_14": 91, "days_since_16": 1, "eligible": true}'::jsonb,
          'explain: 91 days since 14 and 1 since 16, counted before C');
SELECT is(careleaver.leaver_status_explain('{2021-01-01/ S C2 U1}', '2006-05-10', '2024-06-01')
          -> 'eligibility', '{"counted_before": "2024-05-10", "days_since_14": 1225, "days_since_16": 731, "eligible": true}'::jsonb,
          'explain at 18 while looked after: counted before b18; 365*3 + 130 = 1225 and 731 days');
SELECT is(careleaver.leaver_status_explain('{2022-01-30/2022-06-01 S C2 U1 X1}', '2006-05-10', '2022-12-01')
          ->> 'last_period_end_reason_unknown', 'true', 'explain: X1 with no continuation gives an unknown reason');
SELECT is(careleaver.leaver_status_explain('{2022-01-01/2023-08-31 S C2 U1 E4A}', '2006-05-10', '2024-02-29')
          ->> 'home_six_months_on', '2024-02-29', 'explain: C + 6 months clamps to 29 Feb');
SELECT is(careleaver.leaver_status_explain('{2023-09-01/2024-03-01 S C2 U1 E8}', '2008-02-29', '2026-02-28')
          -> 'birthdays', '{"14": "2022-03-01", "16": "2024-02-29", "18": "2026-03-01", "21": "2029-03-01", "25": "2033-03-01"}'::jsonb,
          'explain: 29 Feb birthdays fall on 1 Mar in common years');
-- the same statuses whatever the order of the rows (forward order here)
SELECT is((SELECT count(*)::int FROM scenario s
            WHERE careleaver.leaver_status(coalesce((SELECT careleaver.care_history_agg(e.decom, e.dec, e.rne, e.ls, e.place, e.rec ORDER BY e.decom, e.dec)
                                                      FROM scenario_episode e WHERE e.no = s.no), '{}'), s.dob, s.at)
                  IS DISTINCT FROM s.want), 0, 'row order does not change any status');

SELECT * FROM finish();
ROLLBACK;
