-- Trajectories (metrics.md 5): hand-worked measures for five young people, their
-- transition matrix cell by cell, binary COPY round trips and recv errors, the
-- merge of per-council matrices against the pooled matrix and against an
-- independent pure-SQL count, and a forced-parallel run of both aggregates.
BEGIN;
-- The code types' operators are found through search_path (doc/codes.md).
SET LOCAL search_path = public, careleaver;
SELECT plan(58);

-- ------------------------------------------------------------------ hand-worked cases
-- OC3 rows of five young people (rows deliberately out of order).
CREATE TEMP TABLE oc3 (child text, age integer, in_touch careleaver.contact_status,
                       activ careleaver.leaver_activity, accom careleaver.leaver_accommodation);
INSERT INTO oc3 VALUES
  -- A: EET at 17 in semi-independent (D1); NEET at 18 with no fixed abode, unsuitable (S2);
  --    NEET at 19 in emergency accommodation (V1); EET at 20 in independent living (U1).
  ('A', 20, 'YES', 'F5', 'U1'), ('A', 17, 'YES', 'F2', 'D1'),
  ('A', 19, 'YES', 'G5', 'V1'), ('A', 18, 'YES', 'G5', 'S2'),
  -- B: NEET at 19 (G6, with parents B1) and 20 (G4, B2 unsuitable); returned home (RHOM) at 21.
  ('B', 19, 'YES', 'G6', 'B1'), ('B', 20, 'YES', 'G4', 'B2'), ('B', 21, 'RHOM', '0', '0'),
  -- C: not in touch at 17 (activity and accommodation not known); NEET at 18 in lodgings (K1).
  ('C', 17, 'NO', '0', '0'), ('C', 18, 'YES', 'G5', 'K1'),
  -- D: died (one excluded observation only).
  ('D', 18, 'DIED', '0', '0'),
  -- E: apprenticeship at 19 in D1 (given twice, identically); at 20 two different
  --    records (F4/D1 and G5/D2): a conflict; higher education part time at 21 in U1.
  ('E', 21, 'YES', 'P2', 'U1'), ('E', 19, 'YES', 'F4', 'D1'), ('E', 19, 'YES', 'F4', 'D1'),
  ('E', 20, 'YES', 'F4', 'D1'), ('E', 20, 'YES', 'G5', 'D2');

CREATE TEMP TABLE traj AS
  SELECT child, careleaver.leaver_trajectory_agg(age, in_touch, activ, accom) AS t
    FROM oc3 GROUP BY child;

SELECT is((SELECT t::text FROM traj WHERE child = 'A'),
          '{17:YES/F2/D1, 18:YES/G5/S2, 19:YES/G5/V1, 20:YES/F5/U1}', 'A: four observations in age order');
SELECT is((SELECT t::text FROM traj WHERE child = 'E'),
          '{19:YES/F4/D1, 20:conflict, 21:YES/P2/U1}',
          'E: the identical repeat at 19 counts once; the two records at 20 are a conflict');

-- A: NEET at 18 and 19 -> ever NEET; EET at 17 and 20 -> not persistent.
SELECT is((SELECT careleaver.ever_neet(t) FROM traj WHERE child = 'A'), true, 'A ever NEET (18, 19)');
SELECT is((SELECT careleaver.persistent_neet(t) FROM traj WHERE child = 'A'), false, 'A not persistently NEET (EET at 17)');
-- S2 at 18: unsuitable (digit 2), and S (no fixed abode) is homeless or insecure; V1 too.
SELECT is((SELECT careleaver.ever_unsuitable(t) FROM traj WHERE child = 'A'), true, 'A ever unsuitable (S2 at 18)');
SELECT is((SELECT careleaver.ever_homeless_or_insecure(t) FROM traj WHERE child = 'A'), true, 'A ever homeless or insecure (S, V)');
-- D -> S -> V -> U: three changes of type.
SELECT is((SELECT careleaver.accommodation_changes(t) FROM traj WHERE child = 'A'), 3, 'A: D, S, V, U is three changes');

-- B: NEET at 19 and 20; 21 is excluded (RHOM) and does not count -> persistent NEET.
SELECT is((SELECT careleaver.persistent_neet(t) FROM traj WHERE child = 'B'), true,
          'B persistently NEET: NEET at 19 and 20, RHOM at 21 excluded');
-- B2 at 20: unsuitable; B is not a homeless or insecure type; B1 -> B2 is no change of type.
SELECT is((SELECT careleaver.ever_unsuitable(t) FROM traj WHERE child = 'B'), true, 'B ever unsuitable (B2 at 20)');
SELECT is((SELECT careleaver.ever_homeless_or_insecure(t) FROM traj WHERE child = 'B'), false, 'B never homeless or insecure');
SELECT is((SELECT careleaver.accommodation_changes(t) FROM traj WHERE child = 'B'), 0, 'B: B1 to B2 is not a change of type');

-- C: activity not known at 17 is an observation that is not NEET -> not persistent.
SELECT is((SELECT careleaver.ever_neet(t) FROM traj WHERE child = 'C'), true, 'C ever NEET (18)');
SELECT is((SELECT careleaver.persistent_neet(t) FROM traj WHERE child = 'C'), false,
          'C not persistently NEET: activity not known at 17 is not NEET');
SELECT is((SELECT careleaver.accommodation_changes(t) FROM traj WHERE child = 'C'), 0,
          'C: accommodation not known at 17, so no change can be seen');

-- D: only an excluded observation: no outcome at all.
SELECT is((SELECT ARRAY[careleaver.ever_neet(t), careleaver.persistent_neet(t), careleaver.ever_unsuitable(t),
                        careleaver.ever_homeless_or_insecure(t)] FROM traj WHERE child = 'D'),
          ARRAY[false, false, false, false], 'D (died): every measure false');
SELECT is((SELECT count(*)::int FROM traj, careleaver.transitions(t) WHERE child = 'D'), 0,
          'D: one observation gives no transition');

-- E: the conflict at 20 drops both records: G5 and D2 are not seen, so never NEET or
-- unsuitable; D at 19 -> (conflict skipped) -> U at 21 is one change.
SELECT is((SELECT careleaver.has_conflicting_records(t) FROM traj WHERE child = 'E'), true, 'E has conflicting records');
SELECT is((SELECT careleaver.has_conflicting_records(t) FROM traj WHERE child = 'A'), false, 'A has none');
SELECT is((SELECT careleaver.ever_neet(t) FROM traj WHERE child = 'E'), false, 'E: the conflicting G5 is not counted as NEET');
SELECT is((SELECT careleaver.ever_unsuitable(t) FROM traj WHERE child = 'E'), false, 'E: the conflicting D2 is not counted');
SELECT is((SELECT careleaver.accommodation_changes(t) FROM traj WHERE child = 'E'), 1, 'E: D at 19, U at 21 is one change');
SELECT is((SELECT careleaver.trajectory_state(t, 20) FROM traj WHERE child = 'E'), 'conflict', 'E is in state conflict at 20');

-- E's observations as rows: the conflict at 20 has no codes.
SELECT results_eq(
  $$SELECT age, in_touch::text, activity::text, accommodation::text, state
      FROM traj, careleaver.trajectory_observations(t) WHERE child = 'E'$$,
  $$VALUES (19, 'YES', 'F4', 'D1', 'EET'), (20, NULL, NULL, NULL, 'conflict'), (21, 'YES', 'P2', 'U1', 'EET')$$,
  'E: trajectory_observations lists 19, 20 (conflict, no codes) and 21');

-- Row order does not matter (ORDER BY inside the aggregate, both ways).
SELECT is((SELECT careleaver.leaver_trajectory_agg(age, in_touch, activ, accom ORDER BY age, activ)::text FROM oc3 WHERE child = 'E'),
          (SELECT careleaver.leaver_trajectory_agg(age, in_touch, activ, accom ORDER BY age DESC, activ DESC)::text FROM oc3 WHERE child = 'E'),
          'the same trajectory whatever the order of the rows');

-- Transitions of A: 17 EET -> 18 NEET, 18 NEET -> 19 NEET, 19 NEET -> 20 EET.
SELECT results_eq(
  $$SELECT from_age, to_age, from_state, to_state FROM traj, careleaver.transitions(t) WHERE child = 'A'$$,
  $$VALUES (17, 18, 'EET', 'NEET'), (18, 19, 'NEET', 'NEET'), (19, 20, 'NEET', 'EET')$$,
  'A: three consecutive-age transitions');

-- The matrix of the five, cell by cell:
--   A: 17 EET->NEET, 18 NEET->NEET, 19 NEET->EET     B: 19 NEET->NEET, 20 NEET->excluded
--   C: 17 not known->NEET     D: none     E: 19 EET->conflict, 20 conflict->EET
SELECT is((SELECT careleaver.transition_matrix_agg(t)::text FROM traj),
          '{17:EET->NEET=1, 17:not known->NEET=1, 18:NEET->NEET=1, 19:EET->conflict=1, 19:NEET->EET=1, '
          '19:NEET->NEET=1, 20:NEET->excluded=1, 20:conflict->EET=1}',
          'the matrix of the five young people');
-- Of the two NEET at 19 (A, B), one is EET at 20 (A): share 1/2.
SELECT results_eq(
  $$SELECT young_people, share FROM careleaver.transition_table((SELECT careleaver.transition_matrix_agg(t) FROM traj))
     WHERE from_age = 19 AND from_state = 'NEET' ORDER BY to_state$$,
  $$VALUES (1, 0.5), (1, 0.5)$$,
  'NEET at 19: one (A) EET at 20 and one (B) still NEET, half each');
SELECT is((SELECT sum(share) FROM careleaver.transition_table((SELECT careleaver.transition_matrix_agg(t) FROM traj))
            WHERE from_age = 17 AND from_state = 'EET'), 1.0, 'shares from one state and age add up to 1');

-- ------------------------------------------------------------------ errors
SELECT throws_ok($$SELECT careleaver.leaver_trajectory_agg(age, 'YES', 'F2', 'D1') FROM (VALUES (16)) v(age)$$,
                 '22023', 'invalid observation for careleaver.leaver_trajectory_agg', 'age 16 in the aggregate: 22023');
SELECT throws_ok($$SELECT careleaver.trajectory_state('{17:YES/F2/D1}', 16)$$,
                 '22023', 'age 16 is outside the trajectory ages 17 to 25', 'trajectory_state at 16: 22023');
SELECT throws_ok($$SELECT '{17:YES/F2/D1, 17:NO/0/0}'::careleaver.leaver_trajectory$$,
                 '22P02', NULL, 'a repeated age in text input: 22P02');
SELECT throws_ok($$SELECT '{19:EET->EET=1, 19:EET->EET=1}'::careleaver.transition_matrix$$,
                 '22P02', NULL, 'a repeated cell in text input: 22P02');

-- ------------------------------------------------------------------ binary COPY
-- Writes bytes as one binary COPY field (a bytea field carries its raw bytes),
-- then reads that field back as type typ; returns the value as text.
CREATE FUNCTION pg_temp.recv_as(bytes bytea, typ text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
  f text := format('/tmp/careleaver_traj_%s.bin', pg_backend_pid());
  r text;
BEGIN
  EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', bytes, f);
  EXECUTE format('CREATE TEMP TABLE recv_tmp (v %s) ON COMMIT DROP', typ);
  EXECUTE format('COPY recv_tmp FROM %L (FORMAT binary)', f);
  SELECT v::text INTO r FROM recv_tmp;
  DROP TABLE recv_tmp;
  RETURN r;
END $f$;

SELECT is(pg_temp.recv_as(careleaver.leaver_trajectory_send(t), 'careleaver.leaver_trajectory'), t::text,
          'binary round trip of ' || child) FROM traj WHERE child IN ('A', 'E') ORDER BY child;
SELECT is(pg_temp.recv_as(careleaver.transition_matrix_send(m), 'careleaver.transition_matrix'), m::text,
          'binary round trip of the matrix')
  FROM (SELECT careleaver.transition_matrix_agg(t) AS m FROM traj) x;
SELECT throws_ok($$SELECT pg_temp.recv_as('\x02'::bytea || substr(careleaver.leaver_trajectory_send('{17:YES/F2/D1}'), 2),
                                         'careleaver.leaver_trajectory')$$,
                 '22P03', 'invalid binary value for type careleaver.leaver_trajectory', 'recv rejects version 2');
SELECT throws_ok($$SELECT pg_temp.recv_as(overlay(careleaver.leaver_trajectory_send('{17:YES/F2/D1}') placing '\x07'::bytea from 3),
                                         'careleaver.leaver_trajectory')$$,
                 '22P03', 'invalid binary value for type careleaver.leaver_trajectory', 'recv rejects IN_TOUCH index 7');
SELECT throws_ok($$SELECT pg_temp.recv_as('\x01000100490000000000000000'::bytea, 'careleaver.transition_matrix')$$,
                 '22P03', 'invalid binary value for type careleaver.transition_matrix', 'recv rejects a zero count');

-- ------------------------------------------------------------------ merge and pooled
-- 3,000 synthetic young people in 7 councils, ages 17 to 21 with gaps, some
-- identical repeats and some conflicts.  A real table, so parallel workers can read it.
CREATE TABLE public.careleaver_traj_test_oc3 (la integer, child integer, age integer,
  in_touch careleaver.contact_status, activ careleaver.leaver_activity, accom careleaver.leaver_accommodation);
INSERT INTO public.careleaver_traj_test_oc3
  SELECT i % 7, i, a,
         (ARRAY['YES','YES','YES','YES','YES','NO','REFU','NREQ','DIED','RHOM'])[1 + abs(hashint4(i * 31 + a)) % 10]::careleaver.contact_status,
         (ARRAY['F1','P1','F2','P2','F4','P4','F5','P5','G4','G5','G6','0'])[1 + abs(hashint4(i * 37 + a)) % 12]::careleaver.leaver_activity,
         (ARRAY['B1','B2','D1','D2','K1','S2','U1','U2','V1','W2','X2','Z1','0'])[1 + abs(hashint4(i * 41 + a)) % 13]::careleaver.leaver_accommodation
    FROM generate_series(1, 3000) i, generate_series(17, 21) a
   WHERE abs(hashint4(i * 43 + a)) % 4 <> 0;
INSERT INTO public.careleaver_traj_test_oc3                 -- identical repeats
  SELECT * FROM public.careleaver_traj_test_oc3 WHERE child % 11 = 0;
INSERT INTO public.careleaver_traj_test_oc3                 -- conflicting second records
  SELECT la, child, age, in_touch, 'G6', accom FROM public.careleaver_traj_test_oc3
   WHERE child % 13 = 0 AND age = 19 AND activ <> 'G6';
ANALYZE public.careleaver_traj_test_oc3;

CREATE TABLE public.careleaver_traj_test_by_child AS
  SELECT la, child, careleaver.leaver_trajectory_agg(age, in_touch, activ, accom) AS t
    FROM public.careleaver_traj_test_oc3 GROUP BY la, child;
ANALYZE public.careleaver_traj_test_by_child;

SELECT ok((SELECT count(*) FROM public.careleaver_traj_test_by_child WHERE careleaver.has_conflicting_records(t)) > 0,
          'the synthetic data has conflicts');
SELECT is((SELECT careleaver.transition_matrix_merge(m)::text
             FROM (SELECT la, careleaver.transition_matrix_agg(t) AS m
                     FROM public.careleaver_traj_test_by_child GROUP BY la) per_council),
          (SELECT careleaver.transition_matrix_agg(t)::text FROM public.careleaver_traj_test_by_child),
          'per-council matrices merged == the pooled matrix, exactly');
SELECT is((SELECT careleaver.transition_matrix_merge(m)::text
             FROM (SELECT child % 5 AS part, careleaver.transition_matrix_agg(t) AS m
                     FROM public.careleaver_traj_test_by_child GROUP BY child % 5
                   UNION ALL SELECT -1, NULL) parts),
          (SELECT careleaver.transition_matrix_agg(t)::text FROM public.careleaver_traj_test_by_child),
          'any other split, with a NULL matrix among them, merges to the same');
SELECT ok((SELECT careleaver.transition_matrix_merge(m) FROM (SELECT careleaver.transition_matrix_agg(t) AS m
                  FROM public.careleaver_traj_test_by_child GROUP BY la) c)
          OPERATOR(careleaver.=) (SELECT careleaver.transition_matrix_agg(t) FROM public.careleaver_traj_test_by_child),
          'and equal by the = operator of transition_matrix');
SELECT ok(NOT ((SELECT careleaver.transition_matrix_merge(m) FROM (SELECT careleaver.transition_matrix_agg(t) AS m
                  FROM public.careleaver_traj_test_by_child WHERE la <> 3 GROUP BY la) c)
          OPERATOR(careleaver.=) (SELECT careleaver.transition_matrix_agg(t) FROM public.careleaver_traj_test_by_child)),
          'leaving one council out gives a different matrix (the comparison can fail)');
SELECT is(careleaver.transition_matrix_combine('{19:EET->NEET=2, 20:NEET->EET=1}', '{19:EET->NEET=3}')::text,
          '{19:EET->NEET=5, 20:NEET->EET=1}', 'combine adds cell by cell (2 + 3 = 5)');

-- An independent pure-SQL version of the states and the matrix (metrics.md 5).
CREATE TEMP VIEW sql_states AS
  SELECT child, age,
         CASE WHEN count(DISTINCT (in_touch, activ, accom)) > 1 THEN 'conflict'
              WHEN min(in_touch::text) IN ('DIED', 'RHOM') THEN 'excluded'
              WHEN min(activ::text) IN ('F1','P1','F2','P2','F3','P3','F4','P4','F5','P5') THEN 'EET'
              WHEN min(activ::text) IN ('G4','G5','G6') THEN 'NEET'
              ELSE 'not known' END AS state
    FROM public.careleaver_traj_test_oc3 GROUP BY child, age;
SELECT set_eq(
  $$SELECT from_age, from_state, to_state, young_people
      FROM careleaver.transition_table((SELECT careleaver.transition_matrix_agg(t) FROM public.careleaver_traj_test_by_child))$$,
  $$WITH span AS (SELECT child, min(age) lo, max(age) hi FROM sql_states GROUP BY child)
    SELECT a AS from_age, coalesce(s1.state, 'no record') AS from_state,
           coalesce(s2.state, 'no record') AS to_state, count(*)::int AS young_people
      FROM span CROSS JOIN LATERAL generate_series(span.lo, span.hi - 1) a
      LEFT JOIN sql_states s1 ON s1.child = span.child AND s1.age = a
      LEFT JOIN sql_states s2 ON s2.child = span.child AND s2.age = a + 1
     GROUP BY 1, 2, 3$$,
  'the transition table equals an independent pure-SQL count');
SELECT results_eq(
  $$SELECT count(*) FILTER (WHERE careleaver.ever_neet(t))::int, count(*) FILTER (WHERE careleaver.persistent_neet(t))::int
      FROM public.careleaver_traj_test_by_child$$,
  $$SELECT count(*) FILTER (WHERE ever)::int, count(*) FILTER (WHERE persistent)::int
      FROM (SELECT child, bool_or(state = 'NEET') AS ever,
                   coalesce(bool_and(state = 'NEET') FILTER (WHERE state <> 'excluded'), false) AS persistent
              FROM sql_states GROUP BY child) s$$,
  'ever and persistent NEET counts equal the pure-SQL definitions');
SELECT is((SELECT sum(careleaver.accommodation_changes(t))::int FROM public.careleaver_traj_test_by_child),
          (WITH obs AS (
             SELECT o.child, o.age, min(left(o.accom::text, 1)) AS letter
               FROM public.careleaver_traj_test_oc3 o
               JOIN sql_states s ON s.child = o.child AND s.age = o.age
              WHERE s.state NOT IN ('conflict', 'excluded') AND o.accom::text <> '0'
              GROUP BY o.child, o.age)
           SELECT count(*)::int FROM (
             SELECT letter, lag(letter) OVER (PARTITION BY child ORDER BY age) AS prev FROM obs) x
            WHERE letter <> prev),
          'accommodation changes equal a pure-SQL count over known types');

-- ------------------------------------------------------------------ forced parallel
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
  line text;
  acc text := '';
BEGIN
  FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || q LOOP
    acc := acc || line || E'\n';
  END LOOP;
  RETURN acc;
END $f$;

-- Every row of one young person, repeated 4,000 times: identical repeats, then
-- one conflicting record at 19, so partial states must combine to the same value.
CREATE TABLE public.careleaver_traj_test_one (age integer, in_touch careleaver.contact_status,
  activ careleaver.leaver_activity, accom careleaver.leaver_accommodation);
INSERT INTO public.careleaver_traj_test_one
  SELECT r.* FROM generate_series(1, 4000) k,
         (VALUES (17, 'YES'::careleaver.contact_status, 'F2'::careleaver.leaver_activity, 'D1'::careleaver.leaver_accommodation),
                 (18, 'YES', 'G5', 'S2'), (19, 'YES', 'G5', 'S2'), (20, 'NO', '0', '0'), (21, 'RHOM', '0', '0')) r;
INSERT INTO public.careleaver_traj_test_one VALUES (19, 'YES', 'F5', 'S2');
ANALYZE public.careleaver_traj_test_one;

CREATE TABLE public.careleaver_traj_test_per_child AS
  SELECT child, careleaver.transition_matrix_agg(t) AS m FROM public.careleaver_traj_test_by_child GROUP BY child;
ANALYZE public.careleaver_traj_test_per_child;
CREATE TEMP TABLE serial_results AS
  SELECT (SELECT careleaver.transition_matrix_agg(t)::text FROM public.careleaver_traj_test_by_child) AS matrix,
         (SELECT careleaver.leaver_trajectory_agg(age, in_touch, activ, accom)::text FROM public.careleaver_traj_test_one) AS one;

SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_leader_participation = off;

SELECT matches(pg_temp.plan_of('SELECT careleaver.transition_matrix_agg(t) FROM public.careleaver_traj_test_by_child'),
               'Workers Launched: [12].*Partial Aggregate',
               'transition_matrix_agg runs as a Partial Aggregate in launched workers');
SELECT is((SELECT careleaver.transition_matrix_agg(t)::text FROM public.careleaver_traj_test_by_child),
          (SELECT matrix FROM serial_results), 'the parallel matrix equals the serial one');
SELECT matches(pg_temp.plan_of('SELECT careleaver.transition_matrix_merge(m) FROM public.careleaver_traj_test_per_child'),
               'Workers Launched: [12].*Partial Aggregate',
               'transition_matrix_merge runs as a Partial Aggregate in launched workers');
SELECT is((SELECT careleaver.transition_matrix_merge(m)::text FROM public.careleaver_traj_test_per_child),
          (SELECT matrix FROM serial_results),
          'merging 3,000 one-person matrices in parallel gives the pooled matrix');
SELECT matches(pg_temp.plan_of('SELECT careleaver.leaver_trajectory_agg(age, in_touch, activ, accom) FROM public.careleaver_traj_test_one'),
               'Workers Launched: [12].*Partial Aggregate',
               'leaver_trajectory_agg runs as a Partial Aggregate in launched workers');
SELECT is((SELECT careleaver.leaver_trajectory_agg(age, in_touch, activ, accom)::text FROM public.careleaver_traj_test_one),
          (SELECT one FROM serial_results), 'the parallel trajectory equals the serial one');
SELECT is((SELECT one FROM serial_results), '{17:YES/F2/D1, 18:YES/G5/S2, 19:conflict, 20:NO/0/0, 21:RHOM/0/0}',
          'and both are the hand-worked trajectory: 4,000 identical repeats count once, the one odd record at 19 is a conflict');

-- ------------------------------------------------------------------ catalogue
SELECT is((SELECT count(*)::int FROM pg_proc
            WHERE pronamespace = 'careleaver'::regnamespace
              AND proname IN ('ever_neet', 'persistent_neet', 'ever_unsuitable', 'ever_homeless_or_insecure',
                              'accommodation_changes', 'has_conflicting_records', 'trajectory_state', 'transitions',
                              'transition_table', 'transition_matrix_combine', 'transition_matrix_transfn',
                              'leaver_trajectory_combine', 'trajectory_observations', 'leaver_trajectory_eq',
                              'transition_matrix_eq')
              AND provolatile = 'i' AND proisstrict AND proparallel = 's'), 15,
          'the fifteen functions are IMMUTABLE STRICT PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
            WHERE p.pronamespace = 'careleaver'::regnamespace
              AND p.proname IN ('leaver_trajectory_agg', 'transition_matrix_agg', 'transition_matrix_merge')
              AND a.aggcombinefn <> 0 AND p.proparallel = 's' AND a.aggtranstype <> 'internal'::regtype), 3,
          'the three aggregates are PARALLEL SAFE with a combine function and a real state type');
SELECT is((SELECT count(*)::int FROM pg_proc p
            WHERE p.pronamespace = 'careleaver'::regnamespace
              AND (p.proname LIKE '%trajectory%' OR p.proname LIKE '%transition%' OR p.proname LIKE '%neet%'
                   OR p.proname IN ('ever_unsuitable', 'ever_homeless_or_insecure', 'accommodation_changes',
                                    'has_conflicting_records'))
              AND obj_description(p.oid, 'pg_proc') IS NULL), 0,
          'every trajectory function and aggregate has a comment');
SELECT is((SELECT count(*)::int FROM pg_type
            WHERE typnamespace = 'careleaver'::regnamespace
              AND typname IN ('leaver_trajectory', 'transition_matrix')
              AND obj_description(oid, 'pg_type') IS NOT NULL), 2, 'both types have a comment');

SELECT * FROM finish();
ROLLBACK;
