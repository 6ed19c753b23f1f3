-- care_history: text form round trip, binary form, exact error text,
-- defects, the explanation of a status, and a parallel plan.
SET search_path = careleaver, public;
SET datestyle = ISO;
\set VERBOSITY default

-- text round trip: codes read ignoring case, canonical spacing, trailing absent codes dropped
SELECT '{2019-04-01/2019-06-03 s c2 u4 x1 n1 pr1 carpl;2019-06-03/ B C2 K2 - - - -}'::care_history AS h;
SELECT '{}'::care_history AS empty, '{missing_decom=2}'::care_history AS only_missing;
SELECT h::text::care_history::text = h::text AS round_trips
  FROM (VALUES ('{2019-04-01/2019-06-03 S C2 U4 X1; 2019-06-03/2019-05-01 L C2 U4 E4A; 2019-06-03/ L V3 T0; missing_decom=7}'::care_history)) v(h);

-- bad input: every message names the value and what is wrong
SELECT '2019-04-01/ S'::care_history;
SELECT '{2019-04-01/ S'::care_history;
SELECT '{2019-02-29/ S}'::care_history;
SELECT '{2019-04-01/2019-04-31 S}'::care_history;
SELECT '{2019-04-01 S}'::care_history;
SELECT '{2019-04-01/ Q}'::care_history;
SELECT '{2019-04-01/ S C9}'::care_history;
SELECT '{2019-04-01/2019-05-01 S C2 U4 E99}'::care_history;
SELECT '{2019-04-01/ S C2 U4 - N1 PR1 CARPL EXTRA}'::care_history;
SELECT '{2019-06-01/ S; 2019-04-01/ S}'::care_history;
SELECT '{2019-04-01/ S;}'::care_history;
SELECT '{missing_decom=0}'::care_history;
SELECT '{missing_decom=2; 2019-04-01/ S}'::care_history;
SELECT '{} trailing'::care_history;

-- binary form: version 1, 2 episodes, 1 row without DECOM, then per episode
-- DECOM, DEC (7fffffff when open) and 7 code bytes
SELECT care_history_send('{2019-04-01/2019-06-03 S C2 U4 X1; 2019-06-03/ L C2 U4; missing_decom=1}');
CREATE TEMP TABLE bin_in (h care_history);
CREATE TEMP TABLE bin_out (h care_history);
INSERT INTO bin_in VALUES ('{2019-04-01/2019-06-03 S C2 U4 X1 N1 PR1 CARPL; 2019-06-03/ L C2 U4; missing_decom=1}'), ('{}');
DO $$
BEGIN
  EXECUTE format('COPY bin_in TO %L (FORMAT binary)', '/tmp/careleaver_history_' || pg_backend_pid());
  EXECUTE format('COPY bin_out FROM PROGRAM %L (FORMAT binary)',
                 format('cat /tmp/careleaver_history_%s && rm -f /tmp/careleaver_history_%s', pg_backend_pid(), pg_backend_pid()));
END $$;
SELECT h FROM bin_out;

-- out-of-range dates are refused by the aggregate and the functions
SELECT care_history_agg(d, NULL, 'S', 'C2', 'U4', NULL) FROM (VALUES ('infinity'::date)) v(d);
SELECT care_history_agg('2020-01-01', d, 'S', 'C2', 'U4', 'E8') FROM (VALUES ('10000-01-01'::date)) v(d);
SELECT leaver_status('{}', '2006-05-10', '-infinity');

-- defects are recorded, never dropped
SELECT * FROM history_defects(
  '{2019-04-01/2019-06-03 S C2 U4 X1; 2019-07-01/2019-06-01 S C2 U4 E8; 2019-08-01/2019-09-01 S C2 U4 E4A;'
  ' 2019-08-01/2019-09-01 S C2 U4 E4A; 2019-08-15/ P C2 U4; missing_decom=2}');
SELECT episode_no, decom, dec, rne, ls, place, rec, short_break, defects
  FROM episodes('{2019-04-01/2019-06-03 S C2 U4 X1; 2019-06-03/2019-06-05 S V3 U4 E8; 2019-06-10/ S C2 U4}');

-- the explanation of a status (born 2006-05-10, 91 nights since 14, one after 16)
SELECT jsonb_pretty(leaver_status_explain('{2022-02-09/2022-05-11 S C2 U1 E8}', '2006-05-10', '2022-06-01'));
-- rule 6: home six months (C 2023-06-01, C + 6 months 2023-12-01)
SELECT jsonb_pretty(leaver_status_explain('{2022-01-01/2023-06-01 S C2 U1 E4A}', '2006-05-10', '2023-12-01'));
-- rule 1: no eligibility test is made
SELECT jsonb_pretty(leaver_status_explain('{}', '2006-05-10', '2020-01-01'));

-- a grouped aggregate runs in parallel, with partial aggregation (2,000
-- children with 30 episodes each, so that partial states pay off)
CREATE TABLE public.par_episodes AS
  SELECT c AS child, date '2000-01-01' + (c % 300) + k * 40 AS decom,
         date '2000-01-01' + (c % 300) + k * 40 + 40 AS dec,
         (CASE WHEN k = 0 THEN 'S' ELSE 'P' END)::new_episode_reason AS rne,
         'C2'::legal_status AS ls, 'U1'::placement_type AS place,
         (CASE WHEN k = 29 THEN 'E8' ELSE 'X1' END)::ceased_reason AS rec
    FROM generate_series(1, 2000) c, generate_series(0, 29) k;
ANALYZE public.par_episodes;
SET parallel_setup_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
SELECT child, care_history_agg(decom, dec, rne, ls, place, rec) FROM public.par_episodes GROUP BY child;
CREATE TEMP TABLE par_result AS
  SELECT child, care_history_agg(decom, dec, rne, ls, place, rec)::text AS h FROM public.par_episodes GROUP BY child;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF)
SELECT child, care_history_agg(decom, dec, rne, ls, place, rec) FROM public.par_episodes GROUP BY child;
CREATE TEMP TABLE par_sorted_result AS
  SELECT child, care_history_agg(decom, dec, rne, ls, place, rec)::text AS h FROM public.par_episodes GROUP BY child;
RESET enable_hashagg;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial_result AS
  SELECT child, care_history_agg(decom, dec, rne, ls, place, rec)::text AS h FROM public.par_episodes GROUP BY child;
-- every child has one period of 30 episodes, 1,200 days, and the same history whatever the plan
SELECT count(*) AS children,
       count(*) FILTER (WHERE p.h IS DISTINCT FROM s.h) AS hash_differences,
       count(*) FILTER (WHERE q.h IS DISTINCT FROM s.h) AS sort_differences,
       count(*) FILTER (WHERE (SELECT count(*) FROM periods_of_care(s.h::care_history)) <> 1
                          OR days_looked_after(s.h::care_history, '2000-01-01', '2010-01-01') <> 1200) AS unexpected
  FROM serial_result s FULL JOIN par_result p USING (child) FULL JOIN par_sorted_result q USING (child);
RESET parallel_setup_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
DROP TABLE public.par_episodes;
