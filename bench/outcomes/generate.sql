-- bench/outcomes/generate.sql: synthetic episodes for the outcomes benchmark.
-- psql variable :children.  Deterministic (setseed).  Born 1998 to 2012; 1 to 3
-- periods of care of 1 to 5 episodes each (chained with X1, no episode of zero
-- days), separated by gaps of 1 to 900 days; every RNE, temporary placements
-- (T1) and adoption placements (A3) among the placements; the reasons for
-- leaving of the DfE list (home, relatives, SGO, CAO, adoption, other, X1 with
-- no continuation); 5% of periods are short breaks (V3); the data end on
-- 31 March 2024 (later periods dropped, periods running past it open).  No data
-- defects: the pure-SQL version reads clean chains (doc/outcomes.md).
\set ON_ERROR_STOP on
SET search_path = public, careleaver;
SET max_parallel_workers_per_gather = 0;
SELECT setseed(0.1905);

DROP TABLE IF EXISTS bench_episodes, bench_children, bench_periods CASCADE;

CREATE UNLOGGED TABLE bench_children AS
SELECT c AS child,
       date '1998-01-01' + floor(random() * 5479)::int AS dob,
       1 + floor(random() * random() * 4)::int AS nperiods,
       sqrt(random()) AS first_roll
  FROM generate_series(1, :children) c;
ALTER TABLE bench_children ADD COLUMN first_age_days int;
UPDATE bench_children SET first_age_days = floor(first_roll * least(6400, date '2024-03-31' - dob))::int;

CREATE UNLOGGED TABLE bench_periods AS
SELECT child, dob, k,
       dob + first_age_days
           + coalesce(sum(len + gap) OVER (PARTITION BY child ORDER BY k
                                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::int AS start,
       len, neps, short_break, exit_roll
  FROM (SELECT ch.child, ch.dob, ch.first_age_days, k, n.neps,
               greatest(n.neps, 1 + floor(random() * random() * 1500)::int) AS len,
               1 + floor(random() * random() * 900)::int AS gap,
               random() < 0.05 AS short_break,
               random() AS exit_roll
          FROM bench_children ch CROSS JOIN LATERAL generate_series(1, ch.nperiods) k
          CROSS JOIN LATERAL (SELECT 1 + floor(random() * 5)::int + 0 * k AS neps) n) s;
DELETE FROM bench_periods WHERE start > date '2024-03-31';

CREATE UNLOGGED TABLE bench_episodes AS
SELECT p.child, p.dob,
       p.start + (p.len * (j - 1)) / p.neps AS decom,
       CASE WHEN p.start + p.len > date '2024-03-31' AND j = p.neps THEN NULL
            ELSE p.start + (p.len * j) / p.neps END AS dec,
       (CASE WHEN j = 1 THEN 'S' ELSE (ARRAY['L','P','T','B','U'])[1 + floor(random() * 5)::int] END)::careleaver.new_episode_reason AS rne,
       (CASE WHEN p.short_break THEN 'V3' ELSE (ARRAY['C2','C2','C2','C1','V2','E1','J2'])[1 + floor(random() * 7)::int] END)::careleaver.legal_status AS ls,
       (ARRAY['U1','U2','U3','U4','U5','U6','K2','R1','H5','P1','T1','T1','A3','A4','Z1'])[1 + floor(random() * 15)::int]::careleaver.placement_type AS place,
       (CASE WHEN p.start + p.len > date '2024-03-31' AND j = p.neps THEN NULL
             WHEN j < p.neps THEN 'X1'
             ELSE (ARRAY['E4A','E4A','E4A','E4B','E8','E8','E8','E11','E12','E45','E46','E47','E48','E43',
                         'E13','E41','E41','E2','E3','E17','E7','E9','E5','E6','E14','E15','E16',
                         'X1'])[1 + floor(p.exit_roll * 28)::int] END)::careleaver.ceased_reason AS rec
  FROM bench_periods p CROSS JOIN LATERAL generate_series(1, p.neps) j;

DROP TABLE bench_periods;
VACUUM ANALYZE bench_episodes;
