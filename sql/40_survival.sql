-- Survival and cumulative incidence (metrics.md 8): text and binary I/O,
-- exact error texts, the 6-MP textbook example and a hand-worked
-- competing-risks example.
SET search_path = careleaver, public;
\set VERBOSITY default
SET extra_float_digits = 0;

-- text round trips: whitespace is accepted, output is compact
SELECT ' { 6 : 3 / 1 ,
 7:1/0 } '::survival AS km, '{}'::survival AS empty_km;
SELECT '{0:{0:2,1:1,7:4}, 12:{2:1}}'::competing_risks AS cr, '{}'::competing_risks AS empty_cr;
SELECT '{6:3/1,7:1/0}'::survival::text::survival::text = '{6:3/1,7:1/0}' AS km_round_trip;

-- bad input: the message names the type and the value, the detail says why
SELECT '{6:1}'::survival;
SELECT '{7:1/0,6:1/0}'::survival;
SELECT '{6:0/0}'::survival;
SELECT '{-1:1/0}'::survival;
SELECT '{6:1/0} extra'::survival;
SELECT '{1:2147483647/0,2:1/0}'::survival;
SELECT '[6:1/0]'::survival;
SELECT '{6:{2:1,1:1}}'::competing_risks;
SELECT '{6:{1:0}}'::competing_risks;
SELECT '{6:1/0}'::competing_risks;

-- binary form: version byte 1, kind, entry count, then (day, cause, count)
SELECT survival_send('{6:3/1}') AS km_binary;
SELECT competing_risks_send('{6:{0:1,2:3}}') AS cr_binary;
CREATE TEMP TABLE bin_km (v survival);
CREATE TEMP TABLE bin_cr (v competing_risks);
-- (through a file in the data directory, removed afterwards)
DO $$
DECLARE
  f text := current_setting('data_directory') || '/careleaver_survival_' || pg_backend_pid() || '.bin';
BEGIN
  EXECUTE format('COPY (SELECT %L::careleaver.survival UNION ALL SELECT %L) TO %L (FORMAT binary)',
                 '{6:3/1,7:1/0,9:0/1}', '{}', f);
  EXECUTE format('COPY bin_km FROM %L (FORMAT binary)', f);
  EXECUTE format('COPY (SELECT %L::careleaver.competing_risks) TO %L (FORMAT binary)',
                 '{0:{0:2,1:1},12:{2:1,7:4}}', f);
  EXECUTE format('COPY bin_cr FROM %L (FORMAT binary)', f);
  EXECUTE format('COPY (SELECT 1 WHERE false) TO PROGRAM %L', 'rm -f ' || f);
END $$;
SELECT v AS km_after_binary_copy FROM bin_km;
SELECT v AS cr_after_binary_copy FROM bin_cr;

-- the 6-MP arm of Freireich et al. (1963), weeks in remission
CREATE TEMP TABLE mp6 (weeks integer, relapse boolean);
INSERT INTO mp6 VALUES (6,true),(6,true),(6,true),(6,false),(7,true),(9,false),(10,true),(10,false),
  (11,false),(13,true),(16,true),(17,false),(19,false),(20,false),(22,true),(23,true),(25,false),
  (32,false),(32,false),(34,false),(35,false);
SELECT km_agg(weeks, relapse) AS state FROM mp6;
SELECT days, at_risk, events, censored, round(survival::numeric, 4) AS survival,
       round(lower95::numeric, 4) AS lower95, round(upper95::numeric, 4) AS upper95
  FROM km_table((SELECT km_agg(weeks, relapse) FROM mp6));
SELECT * FROM km_median_ci((SELECT km_agg(weeks, relapse) FROM mp6));
SELECT km_median(s) AS median, round(km_at(s, 12)::numeric, 4) AS s12, km_at(s, 36) AS s36,
       km_n(s) AS n, km_events(s) AS relapses
  FROM (SELECT km_agg(weeks, relapse) AS s FROM mp6) x;

-- before the first event S = 1 and the log-log limits are undefined (NULL)
SELECT * FROM km_table('{3:0/1,5:1/1,8:1/0}');
-- a stretch at exactly 0.5: the median is the midpoint, as in R
SELECT km_median('{10:1/0,20:1/0}') AS midpoint_median, km_median('{5:1/9}') AS no_median;

-- NULL rows are skipped (strict transition function); no rows give the empty state
SELECT km_agg(d, e) FROM (VALUES (1, true), (NULL, true), (2, NULL), (3, false)) v(d, e);
SELECT km_agg(d, e) FROM (VALUES (1, true)) v(d, e) WHERE false;

-- calling the transition function directly does not change its argument
SELECT s AS before, km_agg_transition(s, 4, true) AS after_adding, s AS still
  FROM (SELECT '{6:3/1}'::survival AS s) x;

-- negative durations and causes are errors naming the value
SELECT km_agg(d, true) FROM (VALUES (3), (-2)) v(d);
SELECT cif_agg(4, c) FROM (VALUES (1), (-5)) v(c);
SELECT cif_at('{6:{1:1}}', 0, 6);

-- hand-worked competing risks: times (cause) 1(1) 2(2) 2(1) 3(censored) 4(1) 5(2)
SELECT cif_agg(t, c) AS state
  FROM (VALUES (1, 1), (2, 2), (2, 1), (3, 0), (4, 1), (5, 2)) v(t, c);
SELECT days, cause, round(incidence::numeric, 6) AS incidence,
       round(lower95::numeric, 6) AS lower95, round(upper95::numeric, 6) AS upper95
  FROM cif_table('{1:{1:1},2:{1:1,2:1},3:{0:1},4:{1:1},5:{2:1}}');
SELECT cif_at(s, 1, 3) AS f1_day3, cif_at(s, 2, 5) AS f2_day5, cif_at(s, 9, 5) AS no_such_cause,
       cif_n(s) AS n, cif_events(s, 1) AS cause1
  FROM (SELECT '{1:{1:1},2:{1:1,2:1},3:{0:1},4:{1:1},5:{2:1}}'::competing_risks AS s) x;

-- merging
SELECT km_merge(s) FROM (VALUES ('{6:3/1,7:1/0}'::survival), ('{6:1/0,9:0/2}'), (NULL)) v(s);
SELECT cif_merge(s) FROM (VALUES ('{6:{1:3}}'::competing_risks), ('{6:{0:1,1:1},9:{2:2}}')) v(s);
