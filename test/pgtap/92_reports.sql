-- Reporting views and the HTML report over a small hand-made dataset whose figures are
-- worked out by hand (doc/reporting.md; metrics.md 1-3, 5-7, 9).
BEGIN;
SELECT plan(45);

CREATE SCHEMA rt;
CREATE TABLE rt.header (la text NOT NULL, child text NOT NULL, sex text, dob date, PRIMARY KEY (la, child));
CREATE TABLE rt.episodes (la text NOT NULL, child text NOT NULL, decom date NOT NULL,
  rne careleaver.new_episode_reason, ls careleaver.legal_status, place careleaver.placement_type,
  dec date, rec careleaver.ceased_reason, PRIMARY KEY (la, child, decom));
CREATE TABLE rt.oc3 (la text NOT NULL, child text NOT NULL, year integer NOT NULL, dob date,
  in_touch careleaver.contact_status, activ careleaver.leaver_activity, accom careleaver.leaver_accommodation,
  PRIMARY KEY (la, child, year));
INSERT INTO rt.header VALUES ('T1', 'A', '1', '2010-06-01'), ('T1', 'B', '2', '2008-01-10'),
  ('T1', 'C', '1', '2015-05-05'), ('T1', 'D', '2', '2012-08-01'), ('T1', 'E', '1', '2009-03-03'),
  ('T1', 'F', '1', '2003-07-01'), ('T1', 'G', '2', '2003-09-01'), ('T1', 'H', '1', '2003-10-01'),
  ('T1', 'I', '2', '2003-11-01');
INSERT INTO rt.episodes VALUES
  -- A: three placements in 2020-21 (S, P, P), still looked after
  ('T1', 'A', '2020-05-01', 'S', 'C2', 'U1', '2020-09-01', 'X1'),
  ('T1', 'A', '2020-09-01', 'P', 'C2', 'U2', '2021-02-01', 'X1'),
  ('T1', 'A', '2021-02-01', 'P', 'C2', 'U3', NULL, NULL),
  -- B: entered 2019, returned home (E4A) on 2020-06-01 after 517 days, came back 2021-01-01
  ('T1', 'B', '2019-01-01', 'S', 'V2', 'U1', '2020-06-01', 'E4A'),
  ('T1', 'B', '2021-01-01', 'S', 'V2', 'U4', NULL, NULL),
  -- C: a legal-status change (L) continues the placement; adopted in 2021-22
  ('T1', 'C', '2020-10-01', 'S', 'V2', 'U1', '2020-10-15', 'X1'),
  ('T1', 'C', '2020-10-15', 'L', 'C2', 'U1', '2021-06-01', 'E11'),
  -- D: short breaks only (V3): never counted
  ('T1', 'D', '2020-04-10', 'S', 'V3', 'U1', '2020-04-12', 'E8'),
  -- E: a period ending X1 with no continuation (rule 388): ends, reason unknown
  ('T1', 'E', '2020-05-01', 'S', 'V2', 'U1', '2020-07-01', 'X1'),
  -- F, G, H, I: in care from before 16 until their 18th birthdays (E8): former relevant at 19 in 2022-23
  ('T1', 'F', '2017-12-01', 'S', 'V2', 'U1', '2021-07-01', 'E8'),
  ('T1', 'G', '2018-01-01', 'S', 'V2', 'U1', '2021-09-01', 'E8'),
  ('T1', 'H', '2018-01-01', 'S', 'V2', 'U1', '2021-10-01', 'E8'),
  ('T1', 'I', '2018-01-01', 'S', 'V2', 'U1', '2021-11-01', 'E8');
-- OC3 2022-23: F in touch, EET, suitable; G has no record (no information); H died (excluded);
-- I not in touch, NEET, unsuitable; Z is outside the cohort (no care history)
INSERT INTO rt.oc3 VALUES
  ('T1', 'F', 2023, '2003-07-01', 'YES', 'F2', 'B1'), ('T1', 'H', 2023, '2003-10-01', 'DIED', '0', '0'),
  ('T1', 'I', 2023, '2003-11-01', 'NO', 'G4', 'S2'), ('T1', 'Z', 2023, '2003-12-01', 'YES', 'F2', 'B1');

-- categories of need (CIN) of the episodes: a period is counted by its first episode's; E has none
ALTER TABLE rt.episodes ADD COLUMN cin careleaver.need_category;
UPDATE rt.episodes SET cin = 'N1' WHERE child IN ('A', 'F', 'G', 'H', 'I') OR (child = 'B' AND decom = '2021-01-01');
UPDATE rt.episodes SET cin = 'N2' WHERE child = 'B' AND decom = '2019-01-01';
UPDATE rt.episodes SET cin = CASE decom WHEN '2020-10-01' THEN 'N4' ELSE 'N1' END::careleaver.need_category
 WHERE child = 'C';

SELECT is((SELECT count(*)::int FROM careleaver.create_reports('rt')), (SELECT count(*)::int FROM careleaver.reporting_views),
          'create_reports creates every view of the catalogue');
SELECT is((SELECT count(*)::int FROM pg_class c WHERE c.relnamespace = 'rt'::regnamespace AND c.relkind = 'v'
            AND obj_description(c.oid, 'pg_class') IS NULL), 0, 'every reporting view has a comment');
SELECT is((SELECT count(*)::int FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relnamespace = 'rt'::regnamespace AND c.relkind = 'v' AND a.attnum > 0
              AND col_description(c.oid, a.attnum) IS NULL), 0, 'every column of every reporting view has a comment');
SELECT is((SELECT count(*)::int FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relnamespace = 'rt'::regnamespace AND c.relname LIKE '%\_published' AND a.attnum > 0
              AND a.attname NOT IN ('la', 'collection_year', 'entry_year', 'age', 'day', 'breakdown', 'category', 'ordinal',
                                    'dashboard_no', 'outcome', 'indicator', 'unit', 'source', 'not_available_reason',
                                    'breakdown_order', 'sw_order', 'family_help_order', 'route_order')  -- sort keys, not figures
              AND a.atttypid <> 'text'::regtype), 0, 'published views publish every figure as text');
SELECT ok((SELECT bool_and(col_description(c.oid, a.attnum) ~ 'metrics\.md|Local authority code')
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relnamespace = 'rt'::regnamespace AND c.relkind = 'v' AND a.attnum > 0
              AND c.relname <> 'data_quality'),
          'column comments name the metrics.md section');

-- looked_after_summary, 2020-21, worked by hand: A, B (back), C, F, G, H, I looked after on 31 March 2021
-- (D is short breaks); periods started A, B again, C, E; ended B (E4A), E (X1, reason unknown)
SELECT row_eq($$SELECT looked_after_31_march, periods_started, periods_ended, returned_home, adopted,
                       special_guardianship, other_endings
                  FROM rt.looked_after_summary WHERE la = 'T1' AND collection_year = 2021$$,
              ROW(7::bigint, 4::bigint, 2::bigint, 1::bigint, 0::bigint, 0::bigint, 1::bigint),
              'looked_after_summary 2020-21: 7 looked after, 4 started, 2 ended (1 home, 1 other)');
SELECT row_eq($$SELECT periods_started, periods_ended, adopted, other_endings FROM rt.looked_after_summary
                 WHERE la = 'T1' AND collection_year = 2022$$,
              ROW(0::bigint, 5::bigint, 1::bigint, 4::bigint), 'looked_after_summary 2021-22: C adopted, F-I left at 18');
-- endings 1, 0, 0, 1: two ones are pinned by their total of 2, and no other cell is left: the total is hidden
SELECT row_eq($$SELECT looked_after_31_march, periods_started, periods_ended, returned_home, other_endings
                  FROM rt.looked_after_summary_published WHERE la = 'T1' AND collection_year = 2021$$,
              ROW('7'::text, 'c'::text, 'c'::text, 'c'::text, 'c'::text),
              'the published summary shows 7 and hides every count from 1 to 5, and the total of two ones');

-- starts and ceases by reason, worked by hand.  2020-21 started: A (C2, N1), B again (V2, N1), C (V2; its first
-- episode N4, the L episode after it N1 does not count), E (V2, no CIN); D (short breaks) is left out.
SELECT results_eq($$SELECT breakdown, category, periods FROM rt.starts_and_ceases_by_reason
                     WHERE la = 'T1' AND collection_year = 2021 AND movement = 'started' ORDER BY 1, 2$$,
                  $$VALUES ('category of need', 'N1 Abuse or neglect', 2::bigint),
                           ('category of need', 'N4 Family in acute stress', 1::bigint),
                           ('category of need', 'not recorded', 1::bigint),
                           ('legal status', 'Care orders', 1::bigint),
                           ('legal status', 'Voluntary agreements under s20', 3::bigint)$$,
                  'started 2020-21 by legal status group and category of need of the first episode');
-- 2020-21 ceased: B returned home (E4A), E ended X1 with no continuation (reason unknown)
SELECT results_eq($$SELECT breakdown, category, periods FROM rt.starts_and_ceases_by_reason
                     WHERE la = 'T1' AND collection_year = 2021 AND movement = 'ceased' ORDER BY 1, 2$$,
                  $$VALUES ('reason', 'E4A', 1::bigint), ('reason', 'not known', 1::bigint),
                           ('reason group', 'Returned home to live with parents or relatives', 1::bigint),
                           ('reason group', 'reason not known', 1::bigint)$$,
                  'ceased 2020-21: one returned home, one with the reason unknown (X1 with no continuation)');
-- 2021-22 ceased: C adopted (E11), F, G, H, I at 18 (E8); nothing started
SELECT results_eq($$SELECT breakdown, category, periods FROM rt.starts_and_ceases_by_reason
                     WHERE la = 'T1' AND collection_year = 2022 ORDER BY 1, 2$$,
                  $$VALUES ('reason', 'E11', 1::bigint), ('reason', 'E8', 4::bigint),
                           ('reason group', 'Adopted', 1::bigint), ('reason group', 'Other reason', 4::bigint)$$,
                  'ceased 2021-22: one adopted, four for another reason (E8); no start, no row');
SELECT is((SELECT count(*) FROM rt.looked_after_summary s
            WHERE s.periods_ended IS DISTINCT FROM
                  (SELECT coalesce(sum(r.periods), 0) FROM rt.starts_and_ceases_by_reason r
                    WHERE r.la = s.la AND r.collection_year = s.collection_year
                      AND r.movement = 'ceased' AND r.breakdown = 'reason group')
               OR s.periods_started IS DISTINCT FROM
                  (SELECT coalesce(sum(r.periods), 0) FROM rt.starts_and_ceases_by_reason r
                    WHERE r.la = s.la AND r.collection_year = s.collection_year
                      AND r.movement = 'started' AND r.breakdown = 'legal status')), 0::bigint,
          'every year: the reasons add up to the periods ended and the legal statuses to the periods started of looked_after_summary');
-- published: every cell is 1 to 5, and so is every total
SELECT is((SELECT count(*) FROM rt.starts_and_ceases_by_reason_published
            WHERE la = 'T1' AND (periods <> 'c' OR all_periods <> 'c')), 0::bigint,
          'published starts and ceases: every count and total of 1 to 5 is hidden');
SELECT is((SELECT count(DISTINCT all_periods)::int FROM rt.starts_and_ceases_by_reason_published
            WHERE la = 'T1' AND collection_year = 2021 AND movement = 'started'), 1,
          'published starts: the two breakdowns publish the same total');

-- exits by route, entry cohort 2020-21 (worked by hand): A (700 days) and B (455) open at the data's end
-- (31 March 2022), E ended at 61 days (X1, reason unknown: other), C adopted at 243 days.
-- Aalen-Johansen: at 61 days 1 of 4 at risk leaves by other: 1/4; at 243 days 1 of 3 by adoption: 3/4 * 1/3
SELECT results_eq($$SELECT route, periods_started, exits_by_day, cumulative_incidence FROM rt.exits_by_route
                     WHERE la = 'T1' AND entry_year = 2021 AND day = 365 ORDER BY route$$,
                  $$VALUES ('adopted', 4::bigint, 1::bigint, 0.2500::numeric),
                           ('child arrangements order', 4::bigint, 0::bigint, 0.0000::numeric),
                           ('other', 4::bigint, 1::bigint, 0.2500::numeric),
                           ('returned home', 4::bigint, 0::bigint, 0.0000::numeric),
                           ('special guardianship', 4::bigint, 0::bigint, 0.0000::numeric),
                           ('turned 18', 4::bigint, 0::bigint, 0.0000::numeric)$$,
                  'exits by route by day 365: adopted 1/4, other 1/4, every other route 0');
SELECT row_eq($$SELECT exits_by_day, cumulative_incidence FROM rt.exits_by_route
                 WHERE la = 'T1' AND entry_year = 2021 AND day = 91 AND route = 'adopted'$$,
              ROW(0::bigint, 0.0000::numeric), 'exits by route: the adoption at 243 days is not by day 91');
SELECT ok((SELECT lower95 < cumulative_incidence AND cumulative_incidence < upper95 FROM rt.exits_by_route
            WHERE la = 'T1' AND entry_year = 2021 AND day = 365 AND route = 'other'),
          'exits by route: the 95% interval holds the incidence');
SELECT ok((SELECT lower95 IS NULL AND upper95 IS NULL FROM rt.exits_by_route
            WHERE la = 'T1' AND entry_year = 2021 AND day = 365 AND route = 'returned home'),
          'exits by route: no interval where the incidence is 0');
SELECT ok((SELECT bool_and(cumulative_incidence IS NULL) FROM rt.exits_by_route
            WHERE la = 'T1' AND entry_year = 2021 AND day = 730),
          'exits by route: past the longest follow-up (700 days) the incidence is not available (NULL)');
-- entry cohort 2018-19: B alone, returned home after 517 days: everyone had an event, so 1 at day 730
SELECT row_eq($$SELECT exits_by_day, cumulative_incidence FROM rt.exits_by_route
                 WHERE la = 'T1' AND entry_year = 2019 AND day = 730 AND route = 'returned home'$$,
              ROW(1::bigint, 1.0000::numeric), 'exits by route: B''s return home at 517 days, incidence 1 by day 730');
SELECT is((SELECT count(*) FROM (SELECT DISTINCT x.exit_route
                                   FROM (SELECT careleaver.care_history_agg(decom, "dec", rne, ls, place, rec) AS h, child
                                           FROM rt.episodes GROUP BY child) c
                                   JOIN rt.header hd USING (child),
                                        careleaver.exits(c.h, hd.dob, '2022-03-31') x) e
            WHERE e.exit_route <> 'censored'
              AND e.exit_route NOT IN (SELECT route FROM rt.exits_by_route)), 0::bigint,
          'exits by route: the routes are named as careleaver.exits names them');
SELECT row_eq($$SELECT periods_started, exits_by_day, cumulative_incidence_percent, lower95_percent
                  FROM rt.exits_by_route_published
                 WHERE la = 'T1' AND entry_year = 2021 AND day = 365 AND route = 'adopted'$$,
              ROW('c'::text, 'c'::text, 'c'::text, 'c'::text),
              'published exits by route: a count of 1 hides its incidence and interval');

-- placement_stability 2020-21: A has 3 placements; B has 2 (the one open at 1 April, and S); C has 1 (L
-- continues); F, G, H, I have 1
SELECT row_eq($$SELECT looked_after_31_march, three_or_more_placements, fewer_than_three_placements
                  FROM rt.placement_stability WHERE la = 'T1' AND collection_year = 2021$$,
              ROW(7::bigint, 1::bigint, 6::bigint), 'placement_stability 2020-21: 1 of 7 with three or more placements');
SELECT is((SELECT three_or_more_placements FROM rt.placement_stability WHERE la = 'T1' AND collection_year = 2021),
          (SELECT count(*) FILTER (WHERE careleaver.stability_short_term(x.h, 2021))
             FROM (SELECT careleaver.care_history_agg(decom, "dec", rne, ls, place, rec) AS h
                     FROM rt.episodes GROUP BY child) x),
          'the view agrees with careleaver.stability_short_term called directly');

-- return home: B's period (entry 2018-19) ended home after 517 days
SELECT row_eq($$SELECT periods_started, returned_home_by_day, cumulative_incidence FROM rt.return_home_by_duration
                 WHERE la = 'T1' AND entry_year = 2019 AND day = 365$$,
              ROW(1::bigint, 0::bigint, 0::numeric), 'return home: not by day 365');
SELECT row_eq($$SELECT periods_started, returned_home_by_day, cumulative_incidence FROM rt.return_home_by_duration
                 WHERE la = 'T1' AND entry_year = 2019 AND day = 547$$,
              ROW(1::bigint, 1::bigint, 1.0000::numeric), 'return home: by day 547, cumulative incidence 1');
-- 2020-21 entrants A, B (back), C, E: E ended (X1) at 61 days, C adopted at 243 days: competing; A and B open
SELECT is((SELECT cumulative_incidence FROM rt.return_home_by_duration
            WHERE la = 'T1' AND entry_year = 2021 AND day = 547), 0.0000::numeric,
          'return home: other exits compete, they are not returns');
SELECT ok((SELECT cumulative_incidence IS NULL FROM rt.return_home_by_duration
            WHERE la = 'T1' AND entry_year = 2021 AND day = 730),
          'return home: past the longest follow-up (700 days) the incidence is not available (NULL)');
SELECT is((SELECT max(censored_before_day) FROM rt.return_home_by_duration WHERE la = 'T1' AND entry_year = 2021),
          2::bigint, 'return home: the open periods (A, B) are censored at the data''s end');

-- care leavers by age, 2022-23, age 19: F, G, H, I in the cohort; H died (excluded); G has no record
SELECT row_eq($$SELECT cohort, excluded, care_leavers, in_touch, not_in_touch, no_information, eet, neet,
                       activity_not_known, suitable, unsuitable, accommodation_not_known
                  FROM rt.care_leavers_by_age WHERE la = 'T1' AND collection_year = 2023 AND age = 19$$,
              ROW(4::bigint, 1::bigint, 3::bigint, 1::bigint, 1::bigint, 1::bigint, 1::bigint, 1::bigint,
                  0::bigint, 1::bigint, 1::bigint, 0::bigint),
              'care_leavers_by_age: cohort 4, 1 died, 3 care leavers: 1 in touch, 1 not, 1 no information');
SELECT is((SELECT sum(cohort) FROM rt.care_leavers_by_age WHERE la = 'T1' AND collection_year = 2023),
          (SELECT count(*) FROM careleaver.leaver_outcomes('rt', 2023) WHERE in_cohort)::numeric,
          'the cohort agrees with careleaver.leaver_outcomes called directly (Z, outside it, is not counted)');
-- contact cells 1, 1, 0, 0, 0, 1: three ones pinned by their total of 3 and nothing left: all hidden
SELECT row_eq($$SELECT care_leavers, in_touch, not_in_touch, refused_contact, no_information, eet, eet_percent
                  FROM rt.care_leavers_by_age_published WHERE la = 'T1' AND collection_year = 2023 AND age = 19$$,
              ROW('c'::text, 'c'::text, 'c'::text, '0'::text, 'c'::text, 'c'::text, 'c'::text),
              'published: the three ones and their total are hidden, zeros shown');
SELECT is(careleaver.suppress_row(ARRAY[6, 0, 3], NULL, ARRAY[true, false, false]), ARRAY['c', '0', 'c'],
          'a cell hidden in a linked row is hidden here too (hidden => true)');

-- rates per 10,000: with no population table the rate is not available; with one, 7 of 7,000 is 10.0
SELECT is((SELECT rate_per_10000 FROM rt.looked_after_summary_published WHERE la = 'T1' AND collection_year = 2021),
          'x', 'rate per 10,000: x without a population table');
CREATE TABLE rt.population (la text, year integer, age integer, count integer);
INSERT INTO rt.population SELECT 'T1', 2021, a, 400 FROM generate_series(0, 17) a;  -- 7,200 children
INSERT INTO rt.population VALUES ('T1', 2021, 18, 999);                              -- not a child
CREATE TABLE rt.rejects (la text, year integer, source_file text, source_line integer, column_name text,
                         value text, reason text);
INSERT INTO rt.rejects VALUES ('T1', 2021, 'episodes.csv', 7, 'ls', 'Q9', 'invalid legal status');
SELECT is((SELECT count(*)::int FROM careleaver.create_reports('rt')), (SELECT count(*)::int FROM careleaver.reporting_views),
          'create_reports again, now that a population is loaded');
SELECT is((SELECT rate_per_10000 FROM rt.looked_after_summary WHERE la = 'T1' AND collection_year = 2021),
          9.7::numeric, 'rate per 10,000: 7 looked after of 7,200 children aged 0 to 17 is 9.7');

-- data quality
SELECT is((SELECT records FROM rt.data_quality
            WHERE la = 'T1' AND collection_year = 2021 AND defect = 'x1_no_continuation'), 1::bigint,
          'data_quality finds the period ending X1 with no continuation (rule 388)');
SELECT is((SELECT records FROM rt.data_quality
            WHERE la = 'T1' AND collection_year = 2021 AND defect = 'rejected_by_loader: invalid legal status'), 1::bigint,
          'data_quality counts the values the loader rejected');

-- the report
SELECT matches(careleaver.report_html('rt', 'T1', 2021), '^<!DOCTYPE html>.*</html>$', 'report_html returns an HTML page');
SELECT is((SELECT count(*)::int FROM regexp_matches(careleaver.report_html('rt', 'T1', 2021), '<svg ', 'g')), 5,
          'the report has five inline SVG charts (the sufficiency backtest the fifth)');
SELECT doesnt_match(careleaver.report_html('rt', 'T1', 2021), '<script', 'the report has no script');
SELECT ok(careleaver.report_html('rt', 'T1', 2021) LIKE '%<div class="value">c</div><div class="label">periods of care started%',
          'the headline count of 4 periods started is shown as c');
SELECT throws_ok($$SELECT careleaver.report_html('no_such_schema', 'T1', 2021)$$, '3F000',
                 'dataset schema "no_such_schema" does not exist', 'a missing dataset schema is reported');
SELECT throws_ok($$SELECT careleaver.report_html('rt', 'ZZ', 2021)$$, '22023',
                 'dataset "rt" has no episodes for local authority "ZZ"', 'an unknown local authority is reported');
SELECT throws_ok($$SELECT careleaver.reporting_view_sql('no_such_view', 'rt')$$, '22023',
                 'unknown reporting view "no_such_view"', 'an unknown view name is reported');

SELECT * FROM finish();
ROLLBACK;
