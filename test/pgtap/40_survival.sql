-- Survival and cumulative incidence (metrics.md 8): the estimators against an
-- independent pure-SQL computation (window functions) on a generated data
-- set, exact merging of per-council states, and a parallel plan.
BEGIN;
SELECT plan(36);

-- ---------------------------------------------------------------------------
-- Catalogue: types, aggregates with combine functions, parallel safety.
SELECT has_type('careleaver', 'survival', 'type careleaver.survival exists');
SELECT has_type('careleaver', 'competing_risks', 'type careleaver.competing_risks exists');
SELECT is((SELECT count(*)::int FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
            WHERE p.pronamespace = 'careleaver'::regnamespace
              AND p.proname IN ('km_agg', 'km_merge', 'cif_agg', 'cif_merge')
              AND a.aggcombinefn <> 0 AND p.proparallel = 's'
              AND a.aggtranstype IN ('careleaver.survival'::regtype, 'careleaver.competing_risks'::regtype)),
          4, 'the four aggregates are PARALLEL SAFE, have a combine function and a real state type');
SELECT is((SELECT count(*)::int FROM pg_proc p
            WHERE p.pronamespace = 'careleaver'::regnamespace
              AND p.proname IN ('km_table', 'km_at', 'km_median', 'km_median_ci', 'km_n', 'km_events',
                                'cif_table', 'cif_at', 'cif_n', 'cif_events')
              AND p.provolatile = 'i' AND p.proisstrict AND p.proparallel = 's'),
          10, 'the estimator functions are IMMUTABLE STRICT PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM pg_proc p
            WHERE p.pronamespace = 'careleaver'::regnamespace
              AND (p.proname LIKE 'km\_%' OR p.proname LIKE 'cif\_%' OR p.proname LIKE 'survival\_%'
                   OR p.proname LIKE 'competing\_risks\_%')
              AND obj_description(p.oid, 'pg_proc') IS NULL),
          0, 'every survival function and aggregate has a comment');

-- ---------------------------------------------------------------------------
-- The 6-MP arm of Freireich et al. (1963), printed in Gehan (1965), Kleinbaum
-- & Klein, Collett; figures as R survfit(conf.type = "log-log") prints them.
CREATE TEMP TABLE mp6 (weeks integer, relapse boolean);
INSERT INTO mp6 VALUES (6,true),(6,true),(6,true),(6,false),(7,true),(9,false),(10,true),(10,false),
  (11,false),(13,true),(16,true),(17,false),(19,false),(20,false),(22,true),(23,true),(25,false),
  (32,false),(32,false),(34,false),(35,false);
SELECT is((SELECT array_agg(array[days, at_risk, round(survival::numeric, 3), round(lower95::numeric, 3),
                                  round(upper95::numeric, 3)] ORDER BY days)
             FROM careleaver.km_table((SELECT careleaver.km_agg(weeks, relapse) FROM mp6)) WHERE events > 0),
          ARRAY[[6,21,0.857,0.620,0.952],[7,17,0.807,0.563,0.923],[10,15,0.753,0.503,0.889],
                [13,12,0.690,0.432,0.849],[16,11,0.627,0.368,0.805],[22,7,0.538,0.268,0.747],
                [23,6,0.448,0.188,0.680]]::numeric[],
          '6-MP: survival and log-log 95% limits at each relapse time as printed');
SELECT is((SELECT row(median, lower95, upper95)::text
             FROM careleaver.km_median_ci((SELECT careleaver.km_agg(weeks, relapse) FROM mp6))),
          '(23,13,)', '6-MP: median 23 weeks, 95% interval from 13, upper limit not reached (R: 23, 13, NA)');

-- ---------------------------------------------------------------------------
-- A generated data set: 24,000 subjects in 12 councils, follow-up 0 to 1,499
-- days with heavy ties, causes 1 to 4 and 0 (censored), plus long censored
-- follow-ups so that the all-cause curve stays above 0.
CREATE TEMP TABLE gen AS
SELECT id, council,
       CASE WHEN id % 40 = 0 THEN 1500 + id % 97
            WHEN cause > 0 THEN 3 + h % 1497   -- no event before day 3
            ELSE h % 1500 END AS dur,
       cause
  FROM (SELECT g AS id, 'council ' || (abs(hashint4(g)) % 12) AS council, abs(hashint4(g * 31 + 7)) AS h,
               CASE WHEN g % 40 = 0 THEN 0 ELSE abs(hashint4(g * 17 + 3)) % 5 END AS cause
          FROM generate_series(1, 24000) g) x;
-- a few rows with NULLs, which the aggregates skip
INSERT INTO gen VALUES (-1, 'council 1', NULL, 1), (-2, 'council 2', 5, NULL);

CREATE TEMP TABLE km_c AS
SELECT * FROM careleaver.km_table((SELECT careleaver.km_agg(dur, cause > 0) FROM gen));

-- Kaplan-Meier in plain SQL: S = exp(sum(log(1 - d/n))), Greenwood sum d/(n(n-d)),
-- limits S^exp(-+ z se / log S) written as exp(-exp(log(-log S) -+ z se / log S)).
CREATE TEMP TABLE km_sql AS
WITH d AS (
  SELECT dur AS days, count(*) FILTER (WHERE cause > 0) AS ev, count(*) FILTER (WHERE cause = 0) AS ce
    FROM gen WHERE dur IS NOT NULL AND cause IS NOT NULL GROUP BY dur),
r AS (SELECT days, ev, ce, sum(ev + ce) OVER (ORDER BY days DESC) AS n FROM d),
k AS (
  SELECT days, n, ev, ce,
         exp(sum(ln((n - ev)::float8 / n)) OVER w) AS s,
         sum(ev::float8 / (n * (n - ev))) OVER w AS gw
    FROM r WINDOW w AS (ORDER BY days))
SELECT days, n::int AS at_risk, ev::int AS events, ce::int AS censored, s AS survival,
       CASE WHEN s > 0 AND s < 1 THEN exp(-exp(ln(-ln(s)) - 1.959963984540054 * sqrt(gw) / ln(s))) END AS lower95,
       CASE WHEN s > 0 AND s < 1 THEN exp(-exp(ln(-ln(s)) + 1.959963984540054 * sqrt(gw) / ln(s))) END AS upper95
  FROM k;

SELECT is((SELECT count(*)::int FROM km_c), (SELECT count(*)::int FROM km_sql),
          'KM: one row per distinct duration, as in SQL');
SELECT is((SELECT count(*)::int FROM km_c JOIN km_sql USING (days)
            WHERE (km_c.at_risk, km_c.events, km_c.censored) = (km_sql.at_risk, km_sql.events, km_sql.censored)),
          (SELECT count(*)::int FROM km_sql), 'KM: at risk, events and censored agree on every day');
SELECT cmp_ok((SELECT max(abs(km_c.survival - km_sql.survival)) FROM km_c JOIN km_sql USING (days)),
              '<', 1e-12::float8, 'KM: survival agrees with the SQL computation to 1e-12');
SELECT cmp_ok((SELECT max(greatest(abs(km_c.lower95 - km_sql.lower95), abs(km_c.upper95 - km_sql.upper95)))
                 FROM km_c JOIN km_sql USING (days)),
              '<', 1e-12::float8, 'KM: log-log limits agree with the SQL computation to 1e-12');
SELECT is((SELECT count(*)::int FROM km_c JOIN km_sql USING (days)
            WHERE (km_c.lower95 IS NULL) <> (km_sql.lower95 IS NULL)), 0,
          'KM: the limits are NULL exactly where S is 1 (or 0)');
SELECT ok((SELECT min(survival) FROM km_c) < 0.1 AND (SELECT count(*) FROM km_c WHERE lower95 IS NULL) = 3,
          'KM: the data reach far down the curve, and days 0 to 2 (before the first event) have no limits');

SELECT is(careleaver.km_at((SELECT careleaver.km_agg(dur, cause > 0) FROM gen), 700),
          (SELECT survival FROM km_c WHERE days <= 700 ORDER BY days DESC LIMIT 1),
          'km_at(700) is the table''s value on the last day <= 700');
SELECT is(careleaver.km_at((SELECT careleaver.km_agg(dur, cause > 0) FROM gen), 5000), NULL,
          'km_at after the longest follow-up is NULL');
SELECT is(careleaver.km_median((SELECT careleaver.km_agg(dur, cause > 0) FROM gen)),
          (SELECT min(days)::float8 FROM km_sql WHERE survival <= 0.5),
          'km_median is the first day S <= 0.5 (no exact 0.5 plateau here)');
SELECT is((SELECT row(lower95, upper95)::text
             FROM careleaver.km_median_ci((SELECT careleaver.km_agg(dur, cause > 0) FROM gen))),
          (SELECT row((SELECT min(days)::float8 FROM km_sql WHERE lower95 <= 0.5),
                      (SELECT min(days)::float8 FROM km_sql WHERE upper95 <= 0.5))::text),
          'km_median_ci: the days the lower and upper limits first reach 0.5');
SELECT is((SELECT array[careleaver.km_n(s), careleaver.km_events(s)]
             FROM (SELECT careleaver.km_agg(dur, cause > 0) s FROM gen) x),
          (SELECT array[count(*)::int, count(*) FILTER (WHERE cause > 0)::int]
             FROM gen WHERE dur IS NOT NULL AND cause IS NOT NULL),
          'km_n and km_events count subjects and events, NULL rows skipped');

-- ---------------------------------------------------------------------------
-- Aalen-Johansen in plain SQL, with Gray's variance (R cmprsk, routine cinc).
CREATE TEMP TABLE cif_c AS
SELECT * FROM careleaver.cif_table((SELECT careleaver.cif_agg(dur, cause) FROM gen));

CREATE TEMP TABLE cif_sql AS
WITH d AS (
  SELECT dur AS days, cause, count(*) AS c FROM gen
   WHERE dur IS NOT NULL AND cause IS NOT NULL GROUP BY dur, cause),
t AS (SELECT days, sum(c) AS removed, coalesce(sum(c) FILTER (WHERE cause > 0), 0) AS nd FROM d GROUP BY days),
r AS (SELECT days, nd, sum(removed) OVER (ORDER BY days DESC) AS rs FROM t),
s AS (  -- fk: all-cause KM just before the day
  SELECT days, nd, rs,
         coalesce(exp(sum(ln((rs - nd)::float8 / rs))
                      OVER (ORDER BY days ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)), 1) AS fk
    FROM r),
e AS (SELECT days, nd, rs, fk, fk * (rs - nd)::float8 / rs AS fkn FROM s WHERE nd > 0),
causes AS (SELECT DISTINCT cause FROM d WHERE cause > 0),
g AS (
  SELECT e.*, c.cause, coalesce(x.c, 0) AS nd1, e.nd - coalesce(x.c, 0) AS nd2
    FROM e CROSS JOIN causes c LEFT JOIN d x ON x.days = e.days AND x.cause = c.cause),
f AS (SELECT g.*, sum(fk * nd1 / rs::float8) OVER (PARTITION BY cause ORDER BY days) AS inc FROM g),
tm AS (
  SELECT f.*,
         CASE WHEN nd2 > 0 AND fkn > 0
              THEN fk * fk * (CASE WHEN nd2 > 1 THEN 1 - (nd2 - 1.0::float8) / (rs - 1) ELSE 1 END) * nd2 / (rs::float8 * rs)
              ELSE 0 END AS t6o,
         CASE WHEN nd1 > 0
              THEN fk * fk * (CASE WHEN nd1 > 1 THEN 1 - (nd1 - 1.0::float8) / (rs - 1) ELSE 1 END) * nd1 / (rs::float8 * rs)
              ELSE 0 END AS t6c,
         CASE WHEN fkn > 0 THEN 1 / fkn ELSE 0 END AS t3c,
         CASE WHEN fkn > 0 THEN inc / fkn ELSE 0 END AS t4o
    FROM f),
v AS (
  SELECT tm.*,
         sum(t4o * t4o * t6o + (1 + t3c * inc) * (1 + t3c * inc) * t6c) OVER w AS v1,
         sum(t3c * t4o * t6o + t3c * (1 + t3c * inc) * t6c) OVER w AS v2,
         sum(t3c * t3c * t6o + t3c * t3c * t6c) OVER w AS v3
    FROM tm WINDOW w AS (PARTITION BY cause ORDER BY days))
SELECT days, cause, inc AS incidence,
       greatest(v1 + inc * inc * v3 - 2 * inc * v2, 0) AS variance,
       CASE WHEN inc > 0 AND inc < 1
            THEN power(inc, exp(-1.959963984540054 * sqrt(greatest(v1 + inc * inc * v3 - 2 * inc * v2, 0)) / (inc * ln(inc)))) END AS lower95,
       CASE WHEN inc > 0 AND inc < 1
            THEN power(inc, exp(1.959963984540054 * sqrt(greatest(v1 + inc * inc * v3 - 2 * inc * v2, 0)) / (inc * ln(inc)))) END AS upper95
  FROM v;

SELECT is((SELECT count(*)::int FROM cif_c), (SELECT count(*)::int FROM cif_sql),
          'CIF: one row per event day and cause, as in SQL');
SELECT is((SELECT count(*)::int FROM cif_c JOIN cif_sql USING (days, cause)), (SELECT count(*)::int FROM cif_sql),
          'CIF: the same (day, cause) rows');
SELECT cmp_ok((SELECT max(abs(cif_c.incidence - cif_sql.incidence)) FROM cif_c JOIN cif_sql USING (days, cause)),
              '<', 1e-12::float8, 'CIF: incidence agrees with the SQL computation to 1e-12');
SELECT cmp_ok((SELECT max(greatest(abs(cif_c.lower95 - cif_sql.lower95), abs(cif_c.upper95 - cif_sql.upper95)))
                 FROM cif_c JOIN cif_sql USING (days, cause)),
              '<', 1e-12::float8, 'CIF: 95% limits (Gray variance, log(-log)) agree with the SQL computation to 1e-12');
SELECT is((SELECT count(*)::int FROM cif_c JOIN cif_sql USING (days, cause)
            WHERE (cif_c.lower95 IS NULL) <> (cif_sql.lower95 IS NULL)), 0,
          'CIF: the limits are NULL exactly where the incidence is 0');
SELECT cmp_ok((SELECT max(abs(x.total - (1 - k.survival)))
                 FROM (SELECT days, sum(incidence) AS total FROM cif_c GROUP BY days) x JOIN km_c k USING (days)),
              '<', 1e-12::float8, 'CIF: the causes'' incidences add up to 1 - KM (all causes) on every event day');
SELECT is(careleaver.cif_at((SELECT careleaver.cif_agg(dur, cause) FROM gen), 3, 800),
          (SELECT incidence FROM cif_c WHERE cause = 3 AND days <= 800 ORDER BY days DESC LIMIT 1),
          'cif_at(cause 3, day 800) is the table''s value on the last event day <= 800');
SELECT is((SELECT array[careleaver.cif_n(s), careleaver.cif_events(s, 2)]
             FROM (SELECT careleaver.cif_agg(dur, cause) s FROM gen) x),
          (SELECT array[count(*)::int, count(*) FILTER (WHERE cause = 2)::int]
             FROM gen WHERE dur IS NOT NULL AND cause IS NOT NULL),
          'cif_n and cif_events count subjects and events of a cause');

-- ---------------------------------------------------------------------------
-- Merging per-council states gives exactly the pooled state, also after the
-- states travel as text (as between servers).
CREATE TEMP TABLE per_council AS
SELECT council, careleaver.km_agg(dur, cause > 0) AS km, careleaver.cif_agg(dur, cause) AS cr
  FROM gen GROUP BY council;

SELECT is((SELECT careleaver.km_merge(km)::text FROM per_council),
          (SELECT careleaver.km_agg(dur, cause > 0)::text FROM gen),
          'km_merge of the councils'' states is the pooled state (text identical)');
SELECT is((SELECT careleaver.km_merge(km::text::careleaver.survival ORDER BY council DESC)::text FROM per_council),
          (SELECT careleaver.km_agg(dur, cause > 0)::text FROM gen),
          '... in another order, after a text round trip');
SELECT is((SELECT careleaver.cif_merge(cr)::text FROM per_council),
          (SELECT careleaver.cif_agg(dur, cause)::text FROM gen),
          'cif_merge of the councils'' states is the pooled state (text identical)');
SELECT is((SELECT count(*)::int FROM (
             (SELECT * FROM careleaver.km_table((SELECT careleaver.km_merge(km) FROM per_council))
              EXCEPT ALL SELECT * FROM km_c)
             UNION ALL
             (SELECT * FROM km_c
              EXCEPT ALL SELECT * FROM careleaver.km_table((SELECT careleaver.km_merge(km) FROM per_council)))) x),
          0, 'the merged Kaplan-Meier table is identical to the pooled one');
SELECT is((SELECT count(*)::int FROM (
             (SELECT * FROM careleaver.cif_table((SELECT careleaver.cif_merge(cr) FROM per_council))
              EXCEPT ALL SELECT * FROM cif_c)
             UNION ALL
             (SELECT * FROM cif_c
              EXCEPT ALL SELECT * FROM careleaver.cif_table((SELECT careleaver.cif_merge(cr) FROM per_council)))) x),
          0, 'the merged cumulative incidence table is identical to the pooled one');

-- ---------------------------------------------------------------------------
-- Parallel aggregation: partial states from workers, combined in the leader.
CREATE TABLE survival_par_test AS
SELECT CASE WHEN g % 50 = 0 THEN 4000 ELSE abs(hashint4(g)) % 3650 END AS dur,
       CASE WHEN g % 50 = 0 THEN 0 ELSE abs(hashint4(g * 7 + 1)) % 4 END AS cause
  FROM generate_series(1, 300000) g;
ANALYZE survival_par_test;

CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  line text;
  result text := '';
BEGIN
  FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
    result := result || line || E'\n';
  END LOOP;
  RETURN result;
END $$;

SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial_run AS
SELECT careleaver.km_agg(dur, cause > 0)::text AS km, careleaver.cif_agg(dur, cause)::text AS cr
  FROM survival_par_test;
SELECT unalike(pg_temp.plan_of('SELECT careleaver.km_agg(dur, cause > 0) FROM survival_par_test'),
              '%Partial Aggregate%', 'serial run: no partial aggregation');

SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT alike(pg_temp.plan_of('SELECT careleaver.km_agg(dur, cause > 0), careleaver.cif_agg(dur, cause) FROM survival_par_test'),
            '%Gather%Partial Aggregate%Parallel Seq Scan%', 'forced parallel plan: Partial Aggregate under Gather');
SELECT is((SELECT careleaver.km_agg(dur, cause > 0)::text FROM survival_par_test),
          (SELECT km FROM serial_run), 'parallel km_agg equals the serial run');
SELECT is((SELECT careleaver.cif_agg(dur, cause)::text FROM survival_par_test),
          (SELECT cr FROM serial_run), 'parallel cif_agg equals the serial run');
SELECT is((SELECT careleaver.km_n(careleaver.km_agg(dur, cause > 0)) FROM survival_par_test),
          300000, 'parallel km_agg counts every row once');

SELECT * FROM finish();
ROLLBACK;
