-- bench/outcomes/generate.sql: synthetic episodes for the outcomes benchmark.
-- psql variable :children.  Deterministic (setseed).  Born 1998 to 2012; 1 to 3
-- periods of care of 1 to 5 episodes each (chained with X1, no episode of zero
-- days), separated by gaps of 1 to 900 days; every RNE, temporary placements
-- (T1) and adoption placements (A3) among the placements; the reasons for
-- leaving of the DfE list (home, relatives, SGO, CAO, adoption, other, X1 with
-- no continuation); 5% of periods are short breaks (V3); the data end on
-- 31 March 2024 (later periods dropped, periods running past it open).  No data
-- defects: the pure-SQL version reads clean chains (doc/outcomes.md).
-- OC3 rows (bench_oc3) for the young people aged 17 or more on 31 March 2024: one
-- for each age 17 to 21 they have reached, 85% of ages present; in touch 7 in 12,
-- NO / REFU / NREQ / DIED / RHOM otherwise (activity and accommodation 0); every
-- ACTIV and 17 ACCOM codes; 2% of rows given twice (identical repeats) and 0.5%
-- with a second, different record at the same age (conflicts).
\set ON_ERROR_STOP on
SET search_path = public, careleaver;
SET max_parallel_workers_per_gather = 0;
SELECT setseed(0.1905);

DROP TABLE IF EXISTS bench_episodes, bench_children, bench_periods, bench_oc3 CASCADE;

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

CREATE UNLOGGED TABLE bench_oc3 AS
SELECT child, age, in_touch,
       (CASE WHEN in_touch = 'YES'
             THEN (ARRAY['F1','P1','F2','P2','F3','P3','F4','P4','F5','P5','G4','G5','G6','G6','0'])[1 + floor(r2 * 15)::int]
             ELSE '0' END)::careleaver.leaver_activity AS activ,
       (CASE WHEN in_touch = 'YES'
             THEN (ARRAY['B1','B2','C1','D1','D1','D2','E1','K1','K2','R1','S2','T1','U1','U1','U2','V1','W2','X2','Z1','0'])[1 + floor(r3 * 20)::int]
             ELSE '0' END)::careleaver.leaver_accommodation AS accom
  FROM (SELECT ch.child, a AS age,
               (ARRAY['YES','YES','YES','YES','YES','YES','YES','NO','REFU','NREQ','DIED','RHOM'])[1 + floor(random() * 12)::int]::careleaver.contact_status AS in_touch,
               random() AS r2, random() AS r3, random() AS keep
          FROM bench_children ch
          CROSS JOIN LATERAL generate_series(17, least(21, extract(year FROM age(date '2024-03-31', ch.dob))::int)) a) s
 WHERE keep < 0.85;
INSERT INTO bench_oc3 SELECT * FROM bench_oc3 WHERE random() < 0.02;
INSERT INTO bench_oc3
  SELECT child, age, in_touch, (CASE WHEN activ = 'G6' THEN 'F2' ELSE 'G6' END)::careleaver.leaver_activity, accom
    FROM bench_oc3 WHERE random() < 0.005;
VACUUM ANALYZE bench_oc3;
