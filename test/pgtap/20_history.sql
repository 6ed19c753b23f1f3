-- careleaver.care_history: the aggregate (order, NULLs, overloads, merge),
-- defects, periods of care, placements, carer spells, days looked after and
-- the declared properties of every function.  Expected values worked by hand.
BEGIN;
SET LOCAL search_path = public, careleaver;
SELECT plan(51);

-- ---------------------------------------------------------------- the aggregate
CREATE TEMP TABLE ep (child int, decom date, dec date, rne careleaver.new_episode_reason,
  ls careleaver.legal_status, place careleaver.placement_type, rec careleaver.ceased_reason,
  cin careleaver.need_category, provider careleaver.placement_provider,
  rpc careleaver.placement_change_reason);
INSERT INTO ep VALUES
  -- child 1: S U1, L (legal change), T to temporary T1, P back to U1, U to A3, adopted
  (1, '2019-01-01', '2019-02-01', 'S', 'C2', 'U1', 'X1', 'N1', 'PR1', NULL),
  (1, '2019-02-01', '2019-03-01', 'L', 'C1', 'U1', 'X1', 'N1', 'PR1', NULL),
  (1, '2019-03-01', '2019-03-10', 'T', 'C1', 'T1', 'X1', 'N1', 'PR1', 'CARPL'),
  (1, '2019-03-10', '2019-05-01', 'P', 'C1', 'U1', 'X1', 'N1', 'PR1', 'CARPL'),
  (1, '2019-05-01', '2019-08-01', 'U', 'C1', 'A3', 'E11', 'N1', 'PR1', 'OTHER'),
  -- child 2: returned home, re-entered, still looked after; one row without DECOM
  (2, '2018-06-01', '2018-09-01', 'S', 'V2', 'K2', 'E4A', NULL, NULL, NULL),
  (2, '2019-01-15', NULL, 'S', 'C2', 'U4', NULL, NULL, NULL, NULL),
  (2, NULL, '2019-01-01', 'S', 'C2', 'U4', 'E8', NULL, NULL, NULL);

SELECT is((SELECT careleaver.care_history_agg(decom, dec, rne, ls, place, rec ORDER BY random())::text FROM ep WHERE child = 1),
          '{2019-01-01/2019-02-01 S C2 U1 X1; 2019-02-01/2019-03-01 L C1 U1 X1; 2019-03-01/2019-03-10 T C1 T1 X1;'
          ' 2019-03-10/2019-05-01 P C1 U1 X1; 2019-05-01/2019-08-01 U C1 A3 E11}',
          'rows in any order give the sorted history');
SELECT is((SELECT careleaver.care_history_agg(decom, dec, rne, ls, place, rec, cin, provider, rpc ORDER BY decom DESC)::text FROM ep WHERE child = 1),
          '{2019-01-01/2019-02-01 S C2 U1 X1 N1 PR1; 2019-02-01/2019-03-01 L C1 U1 X1 N1 PR1; 2019-03-01/2019-03-10 T C1 T1 X1 N1 PR1 CARPL;'
          ' 2019-03-10/2019-05-01 P C1 U1 X1 N1 PR1 CARPL; 2019-05-01/2019-08-01 U C1 A3 E11 N1 PR1 OTHER}',
          'the nine-column overload keeps CIN, provider and reason for placement change');
SELECT is((SELECT careleaver.care_history_agg(decom, dec, rne, ls, place, rec)::text FROM ep WHERE child = 2),
          '{2018-06-01/2018-09-01 S V2 K2 E4A; 2019-01-15/ S C2 U4; missing_decom=1}',
          'a row without DECOM is counted, not dropped');
SELECT is((SELECT careleaver.care_history_agg(decom, dec, rne, ls, place, rec) FROM ep WHERE false), NULL,
          'no rows: NULL, like any aggregate');
SELECT is((SELECT careleaver.care_history_agg(decom, NULL, NULL, NULL, NULL, NULL)::text FROM ep WHERE child = 2 AND decom IS NULL),
          '{missing_decom=1}', 'only rows without DECOM: an empty history that says so');

CREATE TEMP TABLE h AS
  SELECT child, careleaver.care_history_agg(decom, dec, rne, ls, place, rec) AS h FROM ep GROUP BY child;

-- merge: two halves pooled give the whole
SELECT is((SELECT careleaver.care_history_merge(part)::text FROM (
             SELECT careleaver.care_history_agg(decom, dec, rne, ls, place, rec) AS part
               FROM ep WHERE child = 1 GROUP BY decom < '2019-03-01') s),
          (SELECT h::text FROM h WHERE child = 1), 'merging two partial histories gives the whole history');
SELECT is((SELECT careleaver.care_history_merge(x)::text FROM (VALUES ('{missing_decom=2}'::careleaver.care_history), (NULL), ('{2019-01-01/ S C2 U1; missing_decom=1}')) v(x)),
          '{2019-01-01/ S C2 U1; missing_decom=3}', 'merge adds the counters and skips NULLs');
SELECT is((SELECT careleaver.care_history_merge(h)::text FROM (VALUES ('{2019-01-01/2019-02-01 S C2 U1 E8}'::careleaver.care_history), ('{2019-01-01/2019-02-01 S C2 U1 E8}')) v(h)),
          '{2019-01-01/2019-02-01 S C2 U1 E8; 2019-01-01/2019-02-01 S C2 U1 E8}', 'merging a history with itself keeps both copies');
SELECT is((SELECT array_agg(defect ORDER BY episode_no, defect) FROM careleaver.history_defects(
             (SELECT careleaver.care_history_merge(h) FROM (VALUES ('{2019-01-01/2019-02-01 S C2 U1 E8}'::careleaver.care_history), ('{2019-01-01/2019-02-01 S C2 U1 E8}')) v(h)))),
          '{continued_after_exit,duplicate}'::text[], '... and flags the copy as a duplicate');

-- ---------------------------------------------------------------- accessors
SELECT is(careleaver.episode_count(h), 5, 'child 1 has 5 episodes') FROM h WHERE child = 1;
SELECT is(careleaver.first_entry(h), '2018-06-01'::date, 'child 2 first entered on 2018-06-01') FROM h WHERE child = 2;
SELECT is(careleaver.first_entry('{2018-06-01/2018-07-01 S V3 K2 E8; 2019-01-01/ S C2 U1}'), '2019-01-01'::date,
          'first entry skips short breaks');
SELECT is(careleaver.has_defects(h), false, 'child 1 has no defects') FROM h WHERE child = 1;
SELECT is(careleaver.has_defects(h), true, 'child 2 has a row without DECOM') FROM h WHERE child = 2;

-- ---------------------------------------------------------------- periods of care
SELECT results_eq(
  $$SELECT period_no, start_date, end_date, end_reason::text, end_reason_unknown, episodes, days
      FROM careleaver.periods_of_care((SELECT h FROM h WHERE child = 2))$$,
  $$VALUES (1, '2018-06-01'::date, '2018-09-01'::date, 'E4A', false, 1, 92),
           (2, '2019-01-15'::date, NULL::date, NULL, false, 1, NULL::int)$$,
  'child 2: home after 92 days (June 30 + July 31 + August 31), then an open period');
SELECT results_eq(
  $$SELECT period_no, start_date, end_date, end_reason::text, end_reason_unknown, episodes, days
      FROM careleaver.periods_of_care((SELECT h FROM h WHERE child = 1))$$,
  $$VALUES (1, '2019-01-01'::date, '2019-08-01'::date, 'E11', false, 5, 212)$$,
  'child 1: one period of 5 episodes, 212 days (2019-01-01 to 2019-08-01), adopted');
SELECT results_eq(
  $$SELECT period_no, end_date, end_reason::text, end_reason_unknown
      FROM careleaver.periods_of_care('{2019-04-01/2019-06-03 S C2 U4 X1; 2019-07-01/2019-09-01 S C2 U4 E8}')$$,
  $$VALUES (1, '2019-06-03'::date, NULL, true), (2, '2019-09-01'::date, 'E8', false)$$,
  'X1 with no continuation ends a period with reason unknown');
SELECT is((SELECT count(*)::int FROM careleaver.periods_of_care(
             '{2019-04-01/2019-06-03 S C2 U4 X1; 2019-06-03/2019-06-10 S V3 U4 E8; 2019-06-10/2019-09-01 S C2 U4 E8}')),
          2, 'a short break between two care episodes is left out: two periods');
SELECT is((SELECT count(*)::int FROM careleaver.periods_of_care('{2019-04-01/2019-06-03 S V3 U4 E8}')), 0,
          'only short breaks: no period of care');

-- ---------------------------------------------------------------- placements and carer spells
SELECT results_eq(
  $$SELECT placement_no, period_no, start_date, end_date, place::text, episodes, days
      FROM careleaver.placements((SELECT h FROM h WHERE child = 1))$$,
  $$VALUES (1, 1, '2019-01-01'::date, '2019-03-01'::date, 'U1', 2, 59),
           (2, 1, '2019-03-10'::date, '2019-05-01'::date, 'U1', 1, 52),
           (3, 1, '2019-05-01'::date, '2019-08-01'::date, 'A3', 1, 92)$$,
  'placements: S+L in U1 (to the temporary move), back to U1, then A3; T1 not counted');
SELECT results_eq(
  $$SELECT spell_no, period_no, start_date, end_date, place::text, episodes, days
      FROM careleaver.carer_spells((SELECT h FROM h WHERE child = 1))$$,
  $$VALUES (1, 1, '2019-01-01'::date, '2019-03-10'::date, 'U1', 3, 68),
           (2, 1, '2019-03-10'::date, '2019-08-01'::date, 'U1', 2, 144)$$,
  'carer spells: S through L and T; P through U (adoption by the same carer)');
SELECT is((SELECT count(*)::int FROM careleaver.placements((SELECT h FROM h WHERE child = 2))), 2,
          'one placement per period for child 2');
SELECT is((SELECT end_date FROM careleaver.placements((SELECT h FROM h WHERE child = 2)) WHERE placement_no = 2), NULL::date,
          'the open placement has no end date');

-- ---------------------------------------------------------------- episodes
SELECT results_eq(
  $$SELECT episode_no, decom, dec, rne::text, ls::text, place::text, rec::text, short_break, defects
      FROM careleaver.episodes('{2019-04-01/2019-06-03 S C2 U4 X1; 2019-06-03/2019-06-05 S V3 U4 E8; 2019-06-10/ S C2 U4}')$$,
  $$VALUES (1, '2019-04-01'::date, '2019-06-03'::date, 'S', 'C2', 'U4', 'X1', false, '{x1_no_continuation}'::text[]),
           (2, '2019-06-03'::date, '2019-06-05'::date, 'S', 'V3', 'U4', 'E8', true, '{}'::text[]),
           (3, '2019-06-10'::date, NULL::date, 'S', 'C2', 'U4', NULL, false, '{}'::text[])$$,
  'episodes: codes, short break flag and defects');
SELECT is((SELECT count(*)::int FROM careleaver.episodes('{}')), 0, 'an empty history has no episodes');

-- ---------------------------------------------------------------- defects
SELECT results_eq(
  $$SELECT episode_no, defect FROM careleaver.history_defects(
      '{2019-04-01/2019-06-03 S C2 U4 X1; 2019-07-01/2019-06-01 S C2 U4 E8; 2019-08-01/2019-09-01 S C2 U4 E4A;'
      ' 2019-08-01/2019-09-01 S C2 U4 E4A; 2019-08-15/ P C2 U4; missing_decom=2}')$$,
  $$VALUES (1, 'x1_no_continuation'), (2, 'dec_before_decom'), (3, 'continued_after_exit'),
           (4, 'duplicate'), (4, 'continued_after_exit'), (5, 'overlap'), (NULL, 'missing_decom')$$,
  'every defect is listed, with rows without DECOM last');
SELECT is((SELECT count(*)::int FROM careleaver.history_defects('{2019-04-01/2019-06-03 S C2 U4 X1; 2019-06-03/ L C2 U4}')), 0,
          'a clean history has no defects');
SELECT is((SELECT array_agg(defect) FROM careleaver.history_defects('{2019-04-01/2019-06-03 S C2 U4; 2019-06-03/ L C2 U4 E8}')),
          '{reason_mismatch,reason_mismatch}'::text[], 'DEC without REC and REC without DEC');
SELECT is((SELECT array_agg(defect) FROM careleaver.history_defects('{2019-04-01/ S C2 U4; 2019-05-01/2019-06-01 P C2 U4 E8}')),
          '{open_not_last,overlap,continued_after_exit}'::text[], 'an open episode that is not the last (the E8 inside it does not end the period)');

-- ---------------------------------------------------------------- days looked after, looked after on
SELECT is(careleaver.days_looked_after('{2019-01-01/2019-01-02 S C2 U1 E8}', '2000-01-01', '2030-01-01'), 1,
          '1 Jan to 2 Jan is 1 day');
SELECT is(careleaver.days_looked_after('{2019-01-01/2019-01-11 S C2 U1 E8; 2019-01-05/2019-01-15 S C2 U1 E8}', '2000-01-01', '2030-01-01'), 14,
          'overlapping 1-11 and 5-15 January: 14 days counted once');
SELECT is(careleaver.days_looked_after('{2019-01-01/ S C2 U1}', '2019-01-01', '2019-04-01'), 90,
          'open episode over January to March 2019: 31 + 28 + 31 = 90');
SELECT is(careleaver.days_looked_after('{2019-01-01/2019-02-01 S V4 U1 E8}', '2000-01-01', '2030-01-01'), 0,
          'short breaks are not days looked after');
SELECT is(careleaver.days_looked_after('{2019-01-01/ S C2 U1}', '2019-05-01', '2019-04-01'), 0, 'an empty window has no days');
SELECT is(careleaver.days_looked_after((SELECT h FROM h WHERE child = 2), '2018-01-01', '2019-02-01'), 92 + 17,
          'child 2 in 2018-01-01 .. 2019-02-01: 92 + 17 (15 to 31 January) days');
SELECT ok(careleaver.looked_after_on('{2019-01-01/2019-01-02 S C2 U1 E8}', '2019-01-01'), 'looked after on DECOM');
SELECT ok(NOT careleaver.looked_after_on('{2019-01-01/2019-01-02 S C2 U1 E8}', '2019-01-02'), 'not looked after on DEC');
SELECT ok(NOT careleaver.looked_after_on('{2019-01-01/2019-01-02 S C2 U1 E8}', '2018-12-31'), 'not looked after before DECOM');
SELECT ok(careleaver.looked_after_on('{2019-01-01/ S C2 U1}', '2040-01-01'), 'an open episode runs on');
SELECT ok(NOT careleaver.looked_after_on('{2019-01-01/ S V3 U1}', '2019-06-01'), 'not looked after on a short break');

-- ---------------------------------------------------------------- text and errors
SELECT is((SELECT count(*)::int FROM h WHERE h::text::careleaver.care_history::text <> h::text), 0,
          'every aggregated history reads back from its text');
SELECT throws_ok($$SELECT '{2019-04-01/ Q}'::careleaver.care_history$$, '22P02',
                 'invalid input syntax for type careleaver.care_history: "{2019-04-01/ Q}"', 'a bad code is 22P02');
SELECT throws_ok($$SELECT careleaver.leaver_status('{}', 'infinity', '2020-01-01')$$, '22008', NULL,
                 'an infinite date of birth is refused');

-- ---------------------------------------------------------------- declared properties
SELECT is((SELECT count(*)::int FROM pg_proc p
            WHERE p.pronamespace = 'careleaver'::regnamespace
              AND p.proname IN ('leaver_status', 'leaver_status_explain', 'looked_after_on', 'days_looked_after',
                                'episodes', 'periods_of_care', 'placements', 'carer_spells', 'history_defects',
                                'episode_count', 'first_entry', 'has_defects', 'care_history_in', 'care_history_out',
                                'care_history_recv', 'care_history_send', 'care_history_eq', 'care_history_ne')
              AND p.provolatile = 'i' AND p.proisstrict AND p.proparallel = 's'), 18,
          'the 18 functions on histories are IMMUTABLE STRICT PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
            WHERE p.proname IN ('care_history_agg', 'care_history_merge') AND p.proparallel = 's'
              AND a.aggcombinefn <> 0 AND a.aggserialfn <> 0 AND a.aggdeserialfn <> 0), 3,
          'the three aggregates are PARALLEL SAFE with combine, serial and deserial functions');
SELECT is((SELECT count(*)::int FROM pg_proc p
            WHERE p.pronamespace = 'careleaver'::regnamespace
              AND (p.proname LIKE 'care_history%' OR p.proname IN ('leaver_status', 'leaver_status_explain',
                   'looked_after_on', 'days_looked_after', 'episodes', 'periods_of_care', 'placements',
                   'carer_spells', 'history_defects', 'episode_count', 'first_entry', 'has_defects'))
              AND obj_description(p.oid, 'pg_proc') IS NULL), 0,
          'every history function and aggregate has a comment');
SELECT isnt(obj_description('careleaver.care_history'::regtype, 'pg_type'), NULL, 'the type has a comment');
SELECT isnt(obj_description('careleaver.leaver_category'::regtype, 'pg_type'), NULL, 'the status enum has a comment');
SELECT is(enum_range(NULL::careleaver.leaver_category)::text, '{eligible,relevant,former_relevant,qualifying}',
          'status labels in the order of metrics.md');

SELECT ok('{2019-01-01/ S C2 U1}'::careleaver.care_history = '{2019-01-01/ s c2 u1 - - - -}', 'equal histories');
SELECT ok('{2019-01-01/ S C2 U1}'::careleaver.care_history <> '{2019-01-01/ S C2 U1; missing_decom=1}', 'the counter makes a difference');

SELECT * FROM finish();
ROLLBACK;
