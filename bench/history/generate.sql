-- bench/history/generate.sql: a synthetic episodes table for the care_history
-- benchmark.  psql variable :children (number of young people).  Deterministic
-- (setseed).  About 4 episodes per child: 1 to 3 periods of care of 1 to 5
-- episodes chained with X1, a mix of reasons for leaving (home, SGO, adoption,
-- other, X1 with no continuation), short breaks (V3) for 5% of periods, open
-- periods at the data's end, and a few defects (duplicated episodes, rows
-- without DECOM) so that both implementations meet them.
\set ON_ERROR_STOP on
SET search_path = public, careleaver;
SET max_parallel_workers_per_gather = 0;
SELECT setseed(0.42);

DROP TABLE IF EXISTS bench_episodes, bench_children, bench_periods CASCADE;

CREATE UNLOGGED TABLE bench_children AS
SELECT c AS child,
       date '1998-01-01' + floor(random() * 5479)::int AS dob,     -- 1998 to 2012
       1 + floor(random() * random() * 3)::int AS nperiods,
       sqrt(random()) AS first_roll               -- entries lean towards the teens
  FROM generate_series(1, :children) c;
-- first entry between birth and 17 years, before the data's end
ALTER TABLE bench_children ADD COLUMN first_age_days int;
UPDATE bench_children SET first_age_days = floor(first_roll * least(6200, date '2024-03-31' - dob))::int;

CREATE UNLOGGED TABLE bench_periods AS
SELECT child, dob, k,
       dob + first_age_days
           + coalesce(sum(len + gap) OVER (PARTITION BY child ORDER BY k
                                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::int AS start,
       len, neps, short_break, exit_roll
  FROM (SELECT ch.child, ch.dob, ch.first_age_days, k,
               1 + floor(random() * random() * 1500)::int AS len,
               1 + floor(random() * 900)::int AS gap,
               1 + floor(random() * 5)::int AS neps,
               random() < 0.05 AS short_break,
               random() AS exit_roll
          FROM bench_children ch CROSS JOIN LATERAL generate_series(1, ch.nperiods) k) s;

-- the data end on 31 March 2024: periods starting later are dropped, periods running past it are open
DELETE FROM bench_periods WHERE start > date '2024-03-31';

CREATE UNLOGGED TABLE bench_episodes AS
SELECT p.child, p.dob,
       p.start + (p.len * (j - 1)) / p.neps AS decom,
       CASE WHEN p.start + p.len > date '2024-03-31' AND j = p.neps THEN NULL
            ELSE p.start + (p.len * j) / p.neps END AS dec,
       (CASE WHEN j = 1 THEN 'S' ELSE (ARRAY['L','P','T','B','U'])[1 + floor(random() * 5)::int] END)::careleaver.new_episode_reason AS rne,
       (CASE WHEN p.short_break THEN 'V3' ELSE (ARRAY['C2','C2','C2','C1','V2','E1','J2'])[1 + floor(random() * 7)::int] END)::careleaver.legal_status AS ls,
       (ARRAY['U1','U2','U3','U4','U5','U6','K2','R1','H5','P1','T1','A3','A4','Z1'])[1 + floor(random() * 14)::int]::careleaver.placement_type AS place,
       (CASE WHEN p.start + p.len > date '2024-03-31' AND j = p.neps THEN NULL
             WHEN j < p.neps THEN 'X1'
             ELSE (ARRAY['E4A','E4A','E4A','E4B','E8','E8','E8','E11','E12','E45','E46','E47','E48','E43',
                         'E13','E41','E41','E2','E3','E3','E17','E7','E9','E5','E6','E14','E15','E16',
                         'X1'])[1 + floor(p.exit_roll * 29)::int] END)::careleaver.ceased_reason AS rec
  FROM bench_periods p CROSS JOIN LATERAL generate_series(1, p.neps) j;

-- defects: 0.5% of children get one episode twice, 0.1% a row without DECOM
INSERT INTO bench_episodes
SELECT DISTINCT ON (child) * FROM bench_episodes WHERE child % 200 = 7 ORDER BY child, decom;
INSERT INTO bench_episodes (child, dob, decom, dec, rne, ls, place, rec)
SELECT child, dob, NULL, date '2020-01-01', 'S', 'C2', 'U1', 'E8' FROM bench_children WHERE child % 1000 = 3;

-- children never looked after still have a row so that every child is in the result: none here
DROP TABLE bench_periods;
VACUUM ANALYZE bench_episodes;
SELECT count(DISTINCT child) AS children, count(*) AS episodes,
       pg_size_pretty(pg_relation_size('bench_episodes')) AS table_size
  FROM bench_episodes;
