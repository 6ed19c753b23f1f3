-- The fact layer's period facts (doc/facts.md): careleaver.child_period_facts on a history worked by
-- hand, and the period_facts table against the per-child functions it replaces (periods_of_care, exits,
-- episodes) for every child of a synthetic dataset; careleaver.care_episode_start_on against episodes().
BEGIN;
SET LOCAL search_path = public, careleaver;
SELECT plan(12);

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
-- Born 2010-05-15; in care 2021-06-01 to 2022-01-10 (home, E4A), 2022-02-01 to 2022-03-01 (adopted, E11),
-- again from 2022-05-01 (open); data to 2024-03-31.
--   period 1: starts in 2021-22 (year 2022), first there; ends 2022-01-10 in 2022, not the last ending there
--             (period 2 ends 2022-03-01, also in 2022); 223 days, returned home (cause 1);
--   period 2: starts in 2022, not the first there; ends in 2022, the last there; 28 days, adopted (cause 2);
--   period 3: starts 2022-05-01, in 2023, first there; open: censored at the data's end, 2024-03-31 + 1 -
--             2022-05-01 = 701 days (cause 0).
SELECT results_eq(
  $$SELECT period_no, start_date, end_date, end_reason::text, start_year, end_year, first_start_in_year,
           last_end_in_year, start_legal_status::text, duration_days, exit_cause
      FROM careleaver.child_period_facts(
             pg_temp.hist('2021-06-01/2022-01-10 S C2 U1 E4A; 2022-02-01/2022-03-01 S E1 A4 E11; 2022-05-01/ S C2 U3'),
             '2010-05-15', 2021, 2024, '2024-03-31')$$,
  $$VALUES (1, '2021-06-01'::date, '2022-01-10'::date, 'E4A', 2022, 2022, true, false, 'C2', 223, 1),
           (2, '2022-02-01', '2022-03-01', 'E11', 2022, 2022, false, true, 'E1', 28, 2),
           (3, '2022-05-01', NULL, NULL, 2023, NULL, true, false, 'C2', 701, 0)$$,
  'child_period_facts: a history worked by hand, one row per period');
SELECT results_eq(
  $$SELECT period_no, duration_days, exit_cause
      FROM careleaver.child_period_facts(pg_temp.hist('2021-06-01/2022-01-10 S C2 U1 E4A; 2022-05-01/ S C2 U3'),
                                         NULL, 2023, 2024, '2024-03-31')$$,
  $$VALUES (2, NULL::int, NULL::int)$$,
  'without a date of birth no exit; only the periods starting or ending in the window');
SELECT is((SELECT count(*)::int FROM careleaver.child_period_facts(NULL, '2010-05-15', 2020, 2024, '2024-03-31')),
  0, 'a NULL history gives no rows');
SELECT throws_ok(
  $$SELECT * FROM careleaver.child_period_facts(pg_temp.hist('2021-06-01/ S C2 U1'), NULL, 2024, 2020, '2024-03-31')$$,
  '22023', NULL, 'a window whose last year precedes its first is refused');
SELECT is(careleaver.care_episode_start_on(pg_temp.hist('2021-06-01/2022-01-10 S C2 U1 E4A; 2022-01-10/ S C2 U3'),
                                           '2022-03-31'), '2022-01-10'::date,
  'care_episode_start_on: the episode open on the day');
SELECT is(careleaver.care_episode_start_on(pg_temp.hist('2021-06-01/2022-01-10 S C2 U1 E4A'), '2022-03-31'), NULL::date,
  'care_episode_start_on: NULL when none is open');

-- ================================================================ the table against the per-child functions
SELECT lives_ok($$SELECT careleaver.generate_synthetic('facts_p', 600, 11, 2)$$, 'a small synthetic dataset');
CREATE TEMP TABLE person AS
SELECT f.la, f.child, f.date_of_birth AS dob, f.history, s.first_year, s.last_year, s.data_end
  FROM facts_p.child_facts f JOIN facts_p.refresh_state s USING (la);
-- every period of care starting or ending in the council's window, by periods_of_care, episodes and exits
CREATE TEMP TABLE by_function AS
SELECT p.la, p.child, pc.period_no, pc.start_date, pc.end_date, pc.end_reason,
       careleaver.collection_year_of(pc.start_date) AS start_year, careleaver.collection_year_of(pc.end_date) AS end_year,
       NOT EXISTS (SELECT 1 FROM careleaver.periods_of_care(p.history) o
                    WHERE o.period_no < pc.period_no
                      AND careleaver.collection_year_of(o.start_date) = careleaver.collection_year_of(pc.start_date))
         AS first_start_in_year,
       pc.end_date IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM careleaver.periods_of_care(p.history) o
                          WHERE (o.end_date, o.period_no) > (pc.end_date, pc.period_no)
                            AND careleaver.collection_year_of(o.end_date) = careleaver.collection_year_of(pc.end_date))
         AS last_end_in_year,
       f.ls AS start_legal_status, f.cin AS start_need, x.duration_days, x.cause AS exit_cause
  FROM person p
 CROSS JOIN LATERAL careleaver.periods_of_care(p.history) pc
  LEFT JOIN LATERAL (SELECT ep.ls, ep.cin FROM careleaver.episodes(p.history) ep
                      WHERE NOT ep.short_break AND ep.decom = pc.start_date
                      ORDER BY ep.episode_no LIMIT 1) f ON true
  LEFT JOIN LATERAL (SELECT e.duration_days, e.cause FROM careleaver.exits(p.history, p.dob, p.data_end) e
                      WHERE e.period_no = pc.period_no) x ON true
 WHERE careleaver.collection_year_of(pc.start_date) BETWEEN p.first_year AND p.last_year
    OR careleaver.collection_year_of(pc.end_date) BETWEEN p.first_year AND p.last_year;
SELECT cmp_ok((SELECT count(*) FROM by_function), '>', 300::bigint, 'the synthetic children have more than 300 periods');
SELECT cmp_ok((SELECT count(*) FROM by_function WHERE exit_cause BETWEEN 1 AND 6), '>', 50::bigint,
  'the comparison covers periods ended by each kind of exit');
SELECT is((SELECT count(*) FROM ((SELECT * FROM facts_p.period_facts EXCEPT ALL SELECT * FROM by_function)
                                 UNION ALL
                                 (SELECT * FROM by_function EXCEPT ALL SELECT * FROM facts_p.period_facts)) d),
  0::bigint, 'period_facts: every column agrees with periods_of_care, episodes and exits for every period');
SELECT is((SELECT count(*) FROM facts_p.child_year_facts y JOIN person p USING (la, child)
            WHERE y.looked_after_31_march
              AND careleaver.care_episode_start_on(p.history, careleaver.collection_year_end(y.collection_year))
                  IS DISTINCT FROM
                  (SELECT ep.decom FROM careleaver.episodes(p.history) ep
                    WHERE NOT ep.short_break AND ep.decom <= careleaver.collection_year_end(y.collection_year)
                      AND (ep."dec" IS NULL OR ep."dec" > careleaver.collection_year_end(y.collection_year))
                    ORDER BY ep.decom DESC, ep.episode_no DESC LIMIT 1)),
  0::bigint, 'care_episode_start_on agrees with episodes() for every child looked after on 31 March');
SELECT is((SELECT count(*) FROM facts_p.child_year_facts y JOIN person p USING (la, child)
            WHERE NOT y.looked_after_31_march
              AND careleaver.care_episode_start_on(p.history, careleaver.collection_year_end(y.collection_year))
                  IS NOT NULL),
  0::bigint, 'care_episode_start_on: none open on 31 March of a year not looked after');

SELECT * FROM finish();
ROLLBACK;
