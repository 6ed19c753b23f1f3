-- bench/outcomes/survival.sql: the survival metrics of doc/survival.md over the time
-- to return home of every period of care of bench_episodes (careleaver.exits, data
-- end 2024-03-31; causes of doc/outcomes.md), twice:
--
--   bench_survival_c:   care_history_agg -> exits -> km_agg (event: returned home,
--                       other exits and open periods censored) and cif_agg (by exit
--                       route) -> km_table, km_median, cif_table;
--   bench_survival_sql: the same in pure SQL: the periods of care with window
--                       functions, Kaplan-Meier with Greenwood's variance and the
--                       log-log limits, the median by R's rule, Aalen-Johansen with
--                       Gray's variance (the independent versions of
--                       test/pgtap/40_survival.sql, written over the exits here).
--
-- One long table on both sides: measure ('km', 'median', 'cif'), days, cause (0 for
-- km and median), at_risk, events, censored (km only), value (survival, median days
-- or incidence), lower95, upper95.  bench/outcomes/run compares values to 1e-9.
SET search_path = public, careleaver;

CREATE OR REPLACE VIEW bench_survival_c AS
WITH s AS MATERIALIZED (
  SELECT careleaver.km_agg(x.duration_days, x.cause = 1) AS km, careleaver.cif_agg(x.duration_days, x.cause) AS cr
    FROM (SELECT child, dob, careleaver.care_history_agg(decom, "dec", rne, ls, place, rec) AS history
            FROM bench_episodes GROUP BY child, dob) h,
         careleaver.exits(h.history, h.dob, '2024-03-31') x)
SELECT 'km'::text AS measure, t.days, 0 AS cause, t.at_risk, t.events, t.censored,
       t.survival AS value, t.lower95, t.upper95
  FROM s, careleaver.km_table(s.km) t
UNION ALL
SELECT 'median', NULL, 0, NULL, NULL, NULL, careleaver.km_median(s.km), NULL, NULL FROM s
UNION ALL
SELECT 'cif', c.days, c.cause, NULL, NULL, NULL, c.incidence, c.lower95, c.upper95
  FROM s, careleaver.cif_table(s.cr) c;

-- Periods of care in pure SQL (short breaks left out; an episode starting on the
-- day the previous one ended continues the period), one exit row per period
-- starting by the data end: duration and cause as doc/outcomes.md.
CREATE OR REPLACE VIEW bench_exits_sql AS
WITH ep AS (
  SELECT c.*, sum(c.new_period) OVER (PARTITION BY c.child ORDER BY c.decom ROWS UNBOUNDED PRECEDING) AS pno
    FROM (SELECT child, dob, decom, "dec", rec,
                 CASE WHEN lag("dec") OVER (PARTITION BY child ORDER BY decom) = decom THEN 0 ELSE 1 END AS new_period
            FROM bench_episodes WHERE ls NOT IN ('V3', 'V4')) c
),
p AS (
  SELECT child, pno, min(decom) AS pstart, (array_agg("dec" ORDER BY decom DESC))[1] AS pend,
         nullif((array_agg(rec ORDER BY decom DESC))[1], 'X1') AS prec, bench_birthday(min(dob), 18) AS b18
    FROM ep GROUP BY child, pno
)
SELECT child, pno,
       CASE WHEN pend IS NULL OR pend > date '2024-03-31' THEN date '2024-04-01' - pstart ELSE pend - pstart END AS duration_days,
       CASE WHEN pend IS NULL OR pend > date '2024-03-31' THEN 0
            WHEN prec IN ('E4A', 'E4B') THEN 1
            WHEN prec IN ('E11', 'E12') THEN 2
            WHEN prec IN ('E43', 'E44', 'E45', 'E46', 'E47', 'E48') THEN 3
            WHEN prec = 'E41' THEN 4
            WHEN pend >= b18 THEN 5 ELSE 6 END AS cause
  FROM p WHERE pstart <= date '2024-03-31';

CREATE OR REPLACE VIEW bench_survival_sql AS
WITH x AS MATERIALIZED (SELECT duration_days AS days, cause FROM bench_exits_sql),
-- Kaplan-Meier: S = exp(sum(log(1 - d/n))), Greenwood sum d/(n(n-d)), limits exp(-exp(log(-log S) -+ z se / log S))
kd AS (SELECT days, count(*) FILTER (WHERE cause = 1) AS ev, count(*) FILTER (WHERE cause <> 1) AS ce
         FROM x GROUP BY days),
kr AS (SELECT days, ev, ce, sum(ev + ce) OVER (ORDER BY days DESC) AS n FROM kd),
kk AS (
  SELECT days, n, ev, ce,
         exp(sum(ln((n - ev)::float8 / n)) OVER w) AS s, sum(ev::float8 / (n * (n - ev))) OVER w AS gw
    FROM kr WINDOW w AS (ORDER BY days)),
km AS MATERIALIZED (
  SELECT days, n::int AS at_risk, ev::int AS events, ce::int AS censored, s AS survival,
         CASE WHEN s > 0 AND s < 1 THEN exp(-exp(ln(-ln(s)) - 1.959963984540054 * sqrt(gw) / ln(s))) END AS lower95,
         CASE WHEN s > 0 AND s < 1 THEN exp(-exp(ln(-ln(s)) + 1.959963984540054 * sqrt(gw) / ln(s))) END AS upper95
    FROM kk),
-- median: the first day S <= 0.5; on an exact 0.5 plateau (1.5e-8) the midpoint with the next drop
med AS (
  SELECT CASE WHEN abs(m.survival - 0.5) < 1.5e-8
              THEN (m.days + coalesce((SELECT min(days) FROM km WHERE days > m.days AND survival < m.survival - 1.5e-8),
                                      (SELECT max(days) FROM km))) / 2.0
              ELSE m.days END::float8 AS median
    FROM (SELECT days, survival FROM km WHERE survival <= 0.5 + 1.5e-8 ORDER BY days LIMIT 1) m
  UNION ALL SELECT NULL WHERE NOT EXISTS (SELECT FROM km WHERE survival <= 0.5 + 1.5e-8)),
-- Aalen-Johansen by cause, Gray's variance (R cmprsk cinc), limits inc^exp(-+ z se / (inc log inc))
d AS (SELECT days, cause, count(*) AS c FROM x GROUP BY days, cause),
t AS (SELECT days, sum(c) AS removed, coalesce(sum(c) FILTER (WHERE cause > 0), 0) AS nd FROM d GROUP BY days),
r AS (SELECT days, nd, sum(removed) OVER (ORDER BY days DESC) AS rs FROM t),
s AS (
  SELECT days, nd, rs,
         coalesce(exp(sum(ln((rs - nd)::float8 / rs))
                      OVER (ORDER BY days ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)), 1) AS fk
    FROM r),
e AS (SELECT days, nd, rs, fk, fk * (rs - nd)::float8 / rs AS fkn FROM s WHERE nd > 0),
causes AS (SELECT DISTINCT cause FROM d WHERE cause > 0),
g AS (
  SELECT e.*, c.cause, coalesce(y.c, 0) AS nd1, e.nd - coalesce(y.c, 0) AS nd2
    FROM e CROSS JOIN causes c LEFT JOIN d y ON y.days = e.days AND y.cause = c.cause),
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
    FROM tm WINDOW w AS (PARTITION BY cause ORDER BY days)),
cif AS (
  SELECT days, cause, inc, greatest(v1 + inc * inc * v3 - 2 * inc * v2, 0) AS var FROM v)
SELECT 'km'::text AS measure, days, 0 AS cause, at_risk, events, censored, survival AS value, lower95, upper95 FROM km
UNION ALL
SELECT 'median', NULL, 0, NULL, NULL, NULL, median, NULL, NULL FROM med
UNION ALL
SELECT 'cif', days, cause::int, NULL, NULL, NULL, inc,
       CASE WHEN inc > 0 AND inc < 1 THEN power(inc, exp(-1.959963984540054 * sqrt(var) / (inc * ln(inc)))) END,
       CASE WHEN inc > 0 AND inc < 1 THEN power(inc, exp(1.959963984540054 * sqrt(var) / (inc * ln(inc)))) END
  FROM cif;

-- true when two estimates differ by more than 1e-9 (or one of them is NULL)
CREATE OR REPLACE FUNCTION bench_differs(a float8, b float8) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN a IS NULL AND b IS NULL THEN false WHEN a IS NULL OR b IS NULL THEN true ELSE abs(a - b) > 1e-9 END;
