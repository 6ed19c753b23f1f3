-- bench/outcomes/trajectory.sql: the trajectory metrics of doc/trajectories.md for
-- every young person of bench_oc3 (child, age, in_touch, activ, accom), twice:
--
--   bench_trajectory_c / bench_transitions_c:     careleaver.leaver_trajectory_agg, the
--       five measures per young person; transition_matrix_agg and transition_table;
--   bench_trajectory_sql / bench_transitions_sql: the same in pure SQL (the reading
--       of test/pgtap/45_trajectory.sql's independent version, metrics.md 5).
--
-- Same columns on both sides; bench/outcomes/run checks they agree (shares to 1e-9).
SET search_path = public, careleaver;

CREATE OR REPLACE VIEW bench_trajectory_c AS
SELECT child, careleaver.ever_neet(t) AS ever_neet, careleaver.persistent_neet(t) AS persistent_neet,
       careleaver.ever_unsuitable(t) AS ever_unsuitable,
       careleaver.ever_homeless_or_insecure(t) AS ever_homeless_or_insecure,
       careleaver.accommodation_changes(t) AS accommodation_changes
  FROM (SELECT child, careleaver.leaver_trajectory_agg(age, in_touch, activ, accom) AS t
          FROM bench_oc3 GROUP BY child) x;

CREATE OR REPLACE VIEW bench_transitions_c AS
SELECT tt.from_age, tt.to_age, tt.from_state, tt.to_state, tt.young_people, tt.share
  FROM (SELECT careleaver.transition_matrix_agg(t) AS m
          FROM (SELECT careleaver.leaver_trajectory_agg(age, in_touch, activ, accom) AS t
                  FROM bench_oc3 GROUP BY child) x) y,
       careleaver.transition_table(y.m) tt;

-- The state at each observed age: two different records are a conflict; DIED and
-- RHOM are excluded; then EET / NEET by ACTIV, else not known.  The accommodation
-- letter and digit only for counted observations (not conflict, not excluded).
CREATE OR REPLACE VIEW bench_trajectory_states_sql AS
SELECT child, age, state,
       CASE WHEN state NOT IN ('conflict', 'excluded') AND accom <> '0' THEN left(accom, 1) END AS letter,
       CASE WHEN state NOT IN ('conflict', 'excluded') AND accom <> '0' THEN right(accom, 1) END AS digit
  FROM (SELECT child, age, min(accom::text) AS accom,
               CASE WHEN count(DISTINCT (in_touch, activ, accom)) > 1 THEN 'conflict'
                    WHEN min(in_touch::text) IN ('DIED', 'RHOM') THEN 'excluded'
                    WHEN min(activ::text) IN ('F1','P1','F2','P2','F3','P3','F4','P4','F5','P5') THEN 'EET'
                    WHEN min(activ::text) IN ('G4','G5','G6') THEN 'NEET'
                    ELSE 'not known' END AS state
          FROM bench_oc3 GROUP BY child, age) s;

CREATE OR REPLACE VIEW bench_trajectory_sql AS
SELECT child,
       coalesce(bool_or(state = 'NEET'), false) AS ever_neet,
       coalesce(bool_and(state = 'NEET') FILTER (WHERE state <> 'excluded'), false) AS persistent_neet,
       coalesce(bool_or(digit = '2'), false) AS ever_unsuitable,
       coalesce(bool_or(letter IN ('S', 'V', 'W')), false) AS ever_homeless_or_insecure,
       count(*) FILTER (WHERE letter <> prev)::int AS accommodation_changes
  FROM (SELECT s.*, lag(letter) OVER (PARTITION BY child ORDER BY (letter IS NULL), age) AS prev
          FROM bench_trajectory_states_sql s) x
 GROUP BY child;

-- Transitions between consecutive ages, first to last observed age, "no record" in
-- between; shares over every young person in from_state at from_age.
CREATE OR REPLACE VIEW bench_transitions_sql AS
WITH st AS MATERIALIZED (SELECT child, age, state FROM bench_trajectory_states_sql),
span AS (SELECT child, min(age) AS lo, max(age) AS hi FROM st GROUP BY child),
cells AS (
  SELECT a AS from_age, coalesce(s1.state, 'no record') AS from_state,
         coalesce(s2.state, 'no record') AS to_state, count(*)::int AS young_people
    FROM span CROSS JOIN LATERAL generate_series(span.lo, span.hi - 1) a
    LEFT JOIN st s1 ON s1.child = span.child AND s1.age = a
    LEFT JOIN st s2 ON s2.child = span.child AND s2.age = a + 1
   GROUP BY 1, 2, 3)
SELECT from_age, from_age + 1 AS to_age, from_state, to_state, young_people,
       young_people::numeric / sum(young_people) OVER (PARTITION BY from_age, from_state) AS share
  FROM cells;
