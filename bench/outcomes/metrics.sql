-- bench/outcomes/metrics.sql: every metric of doc/outcomes.md for every child of
-- bench_episodes (child, dob, decom, dec, rne, ls, place, rec), twice:
--
--   bench_outcomes_c:   through careleaver.care_history_agg and the extension's functions;
--   bench_outcomes_sql: in pure SQL with window functions, as an analyst would write it
--                       without the extension (same reading of metrics.md, doc/outcomes.md).
--
-- Both give one row per child with the same columns; the benchmark checks they agree.
-- Fixed parameters: data end 2024-03-31; stability, moves and cohort for collection
-- year 2024; CFSR indicators for the entry window of year 2023 (so that most
-- follow-ups are complete by the data end).
--
-- The pure-SQL version reads clean chains, as bench/outcomes/generate.sql makes them:
-- episodes of a period follow each other exactly (DEC = next DECOM), no episode of
-- zero days, no overlaps or duplicates (the C core also handles those; doc/history.md).
SET search_path = public, careleaver;

-- the n-th birthday, 29 February falling on 1 March in common years (metrics.md 1)
CREATE OR REPLACE FUNCTION bench_birthday(dob date, n integer) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (dob + make_interval(years => n))::date
         + CASE WHEN extract(month FROM dob) = 2 AND extract(day FROM dob) = 29
                     AND extract(day FROM dob + make_interval(years => n)) = 28 THEN 1 ELSE 0 END;

CREATE OR REPLACE VIEW bench_outcomes_c AS
WITH h AS (
  SELECT child, dob, careleaver.care_history_agg(decom, "dec", rne, ls, place, rec) AS history
    FROM bench_episodes GROUP BY child, dob
)
SELECT h.child,
       r.n_returns, r.n_censored, r.reentry_days, r.n_reentered, r.n_incomplete,
       x.n_exits, x.exit_days, x.exit_causes,
       s.looked_after_on_31_march AS la31, s.placements_in_year, s.three_or_more_placements AS short_term,
       s.two_year_three_or_more AS two_year, s.long_term_stable AS long_term, s.carer_since,
       careleaver.placement_moves(h.history, '2023-04-01', '2024-04-01') AS moves,
       careleaver.days_looked_after(h.history, '2023-04-01', '2024-04-01') AS days,
       careleaver.leaver_cohort_age(h.history, h.dob, 2024) AS cohort_age,
       f.entrant, f.permanency_12m, f.reentry_12m, f.placement_moves AS cfsr_moves, f.days_in_care AS cfsr_days
  FROM h
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS n_returns, count(*) FILTER (WHERE rh.censored)::int AS n_censored,
           sum(rh.days_to_reentry)::int AS reentry_days,
           count(*) FILTER (WHERE rh.w)::int AS n_reentered,
           count(*) FILTER (WHERE rh.w IS NULL)::int AS n_incomplete
      FROM (SELECT rr.*, careleaver.reentered_within(h.history, rr.return_date, '12 months', '2024-03-31') AS w
              FROM careleaver.returns_home(h.history, '2024-03-31') rr) rh) r
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS n_exits, sum(e.duration_days)::int AS exit_days,
           string_agg(e.cause::text, '' ORDER BY e.period_no) AS exit_causes
      FROM careleaver.exits(h.history, h.dob, '2024-03-31') e) x
  CROSS JOIN LATERAL careleaver.stability(h.history, h.dob, 2024) s
  CROSS JOIN LATERAL careleaver.cfsr_indicators(h.history, h.dob, 2023, '2024-03-31') f;

CREATE OR REPLACE VIEW bench_outcomes_sql AS
WITH ep AS (                        -- care episodes (short breaks left out), period numbers
  SELECT c.*, sum(c.new_period) OVER (PARTITION BY c.child ORDER BY c.decom ROWS UNBOUNDED PRECEDING) AS pno
    FROM (SELECT child, dob, decom, "dec", rne, place, rec,
                 CASE WHEN lag("dec") OVER (PARTITION BY child ORDER BY decom) = decom THEN 0 ELSE 1 END AS new_period
            FROM bench_episodes WHERE ls NOT IN ('V3', 'V4')) c
),
periods AS (                        -- metrics.md 3; pend NULL while open; prec NULL when open or X1
  SELECT child, dob, pno, min(decom) AS pstart,
         (array_agg("dec" ORDER BY decom DESC))[1] AS pend,
         nullif((array_agg(rec ORDER BY decom DESC))[1], 'X1') AS prec
    FROM ep GROUP BY child, dob, pno
),
pw AS (
  SELECT p.*, lead(pstart) OVER (PARTITION BY child ORDER BY pno) AS next_start,
         bench_birthday(dob, 18) AS b18
    FROM periods p
),
pl AS (                             -- placements: S P T B U or a period's first episode; end at the next one
  SELECT e.child, e.pno, e.decom AS start, e.place,
         coalesce(lead(e.decom) OVER (PARTITION BY e.child, e.pno ORDER BY e.decom), p.pend) AS pl_end
    FROM ep e JOIN periods p USING (child, pno)
   WHERE e.rne IN ('S', 'P', 'T', 'B', 'U') OR e.new_period = 1
),
cp AS (                             -- counted placements (temporary ones left out), previous one's period
  SELECT pl.*, lag(pno) OVER (PARTITION BY child ORDER BY start) AS prev_pno
    FROM pl WHERE place NOT IN ('T0', 'T1', 'T2', 'T3', 'T4')
),
cs AS (                             -- carer spells: S P B or a period's first episode
  SELECT e.child, e.decom AS start,
         coalesce(lead(e.decom) OVER (PARTITION BY e.child, e.pno ORDER BY e.decom), p.pend) AS cs_end
    FROM ep e JOIN periods p USING (child, pno)
   WHERE e.rne IN ('S', 'P', 'B') OR e.new_period = 1
),
ret AS (                            -- metrics.md 6, data end 2024-03-31 (horizon 2024-04-01)
  SELECT child, count(*)::int AS n_returns,
         count(*) FILTER (WHERE NOT coalesce(nx < w_end, false) AND w_end > date '2024-04-01')::int AS n_censored,
         sum(nx - pend)::int AS reentry_days,
         count(*) FILTER (WHERE w_end <= date '2024-04-01' AND nx < w_end)::int AS n_reentered,
         count(*) FILTER (WHERE w_end > date '2024-04-01')::int AS n_incomplete
    FROM (SELECT child, pend, CASE WHEN next_start <= date '2024-03-31' THEN next_start END AS nx,
                 (pend + interval '12 months')::date AS w_end
            FROM pw WHERE pend <= date '2024-03-31' AND prec IN ('E4A', 'E4B')) q
   GROUP BY child
),
ex AS (
  SELECT child, count(*)::int AS n_exits,
         sum(CASE WHEN pend IS NULL OR pend > date '2024-03-31' THEN date '2024-04-01' - pstart ELSE pend - pstart END)::int AS exit_days,
         string_agg((CASE WHEN pend IS NULL OR pend > date '2024-03-31' THEN 0
                          WHEN prec IN ('E4A', 'E4B') THEN 1
                          WHEN prec IN ('E11', 'E12') THEN 2
                          WHEN prec IN ('E43', 'E44', 'E45', 'E46', 'E47', 'E48') THEN 3
                          WHEN prec = 'E41' THEN 4
                          WHEN pend >= b18 THEN 5 ELSE 6 END)::text, '' ORDER BY pno) AS exit_causes
    FROM pw WHERE pstart <= date '2024-03-31' GROUP BY child
),
cur AS (                            -- the period holding 31 March 2024
  SELECT child, dob, pstart AS cur_start FROM periods
   WHERE pstart <= date '2024-03-31' AND (pend IS NULL OR pend > date '2024-03-31')
),
plc AS (
  SELECT child,
         count(*) FILTER (WHERE start < date '2024-04-01' AND (pl_end IS NULL OR pl_end > date '2023-04-01' OR start >= date '2023-04-01')) AS pl_year,
         count(*) FILTER (WHERE start < date '2024-04-01' AND (pl_end IS NULL OR pl_end > date '2022-04-01' OR start >= date '2022-04-01')) AS pl_2y,
         count(*) FILTER (WHERE start >= date '2023-04-01' AND start < date '2024-04-01' AND prev_pno = pno) AS moves
    FROM cp GROUP BY child
),
carer AS (
  SELECT DISTINCT ON (child) child, start AS carer_since FROM cs
   WHERE start <= date '2024-03-31' AND (cs_end IS NULL OR cs_end > date '2024-03-31')
   ORDER BY child, start DESC
),
inyear AS (
  SELECT child, sum(greatest(0, least(coalesce(pend, date '2024-04-01'), date '2024-04-01') - greatest(pstart, date '2023-04-01'))) AS days
    FROM periods GROUP BY child
),
bday AS (                           -- cohort 2024: the birthday in the year and status on it (metrics.md 4, 5)
  SELECT p.*, b.age, b.d, bench_birthday(p.dob, 14) AS b14, bench_birthday(p.dob, 16) AS b16, bench_birthday(p.dob, 18) AS b18,
         max(p.pend) FILTER (WHERE p.pend <= b.d) OVER (PARTITION BY p.child) AS c
    FROM periods p
    CROSS JOIN LATERAL (SELECT extract(year FROM age(date '2024-03-31', p.dob))::int AS age) a
    CROSS JOIN LATERAL (SELECT a.age, bench_birthday(p.dob, a.age) AS d) b
),
fig AS (
  SELECT child, min(age) AS age, min(d) AS d, min(b18) AS b18, min(c) AS c,
         bool_or(pstart <= d AND (pend IS NULL OR pend > d)) AS looked_after,
         sum(greatest(0, least(coalesce(pend, 'infinity'), d + 1) - greatest(pstart, b14))) AS d14_now,
         sum(greatest(0, least(coalesce(pend, 'infinity'), d + 1) - greatest(pstart, b16))) AS d16_now,
         sum(greatest(0, least(coalesce(pend, 'infinity'), b18) - greatest(pstart, b14))) AS d14_b18,
         sum(greatest(0, least(coalesce(pend, 'infinity'), b18) - greatest(pstart, b16))) AS d16_b18,
         sum(greatest(0, least(coalesce(pend, 'infinity'), coalesce(c, pstart)) - greatest(pstart, b14))) AS d14_c,
         sum(greatest(0, least(coalesce(pend, 'infinity'), coalesce(c, pstart)) - greatest(pstart, b16))) AS d16_c,
         min(prec::text) FILTER (WHERE pend = c) AS r
    FROM bday GROUP BY child
),
status AS (
  SELECT child, age, looked_after,
         CASE
           WHEN age < 16 OR age >= 25 THEN NULL
           WHEN looked_after THEN
             CASE WHEN age < 18 THEN CASE WHEN d14_now >= 91 AND d16_now >= 1 THEN 'eligible' END
                  ELSE CASE WHEN d14_b18 >= 91 AND d16_b18 >= 1 THEN 'former_relevant' END END
           WHEN c IS NULL THEN NULL
           WHEN r IN ('E11', 'E12', 'E2', 'E3') THEN NULL
           WHEN r IN ('E43', 'E44', 'E45', 'E46', 'E47', 'E48') THEN CASE WHEN age < 21 THEN 'qualifying' END
           WHEN r IN ('E4A', 'E4B', 'E41') AND (c + interval '6 months')::date <= least(d, b18) THEN
             CASE WHEN age < 21 AND d16_c >= 1 THEN 'qualifying' END
           WHEN d14_c >= 91 AND d16_c >= 1 THEN CASE WHEN age < 18 THEN 'relevant' ELSE 'former_relevant' END
           WHEN d16_c >= 1 THEN CASE WHEN age < 21 THEN 'qualifying' END
         END AS status
    FROM fig
),
kp AS (                             -- CFSR: kept periods (not shorter than 8 days), data end 2024-03-31
  SELECT p.*, row_number() OVER (PARTITION BY child ORDER BY pno) AS kno
    FROM pw p
   WHERE pstart <= date '2024-03-31' AND NOT (pend IS NOT NULL AND pend <= date '2024-03-31' AND pend - pstart < 8)
),
ent AS (                            -- window 2023 = [2022-04-01, 2023-04-01)
  SELECT f.*, (f.pstart + interval '12 months')::date AS in12,
         CASE WHEN f.pend <= date '2024-03-31' THEN f.pend END AS ex,
         least(date '2023-04-01', f.b18, date '2024-04-01') AS lim
    FROM (SELECT DISTINCT ON (child) * FROM kp
           WHERE pstart < date '2023-04-01' AND (pend IS NULL OR pend > date '2022-04-01' OR pstart >= date '2022-04-01')
           ORDER BY child, pno) f
   WHERE f.pstart >= date '2022-04-01' AND f.pstart < f.b18
),
cfsr_m AS (                         -- moves of entrants: placements after the first of a kept period, entry to the limit
  SELECT e.child, count(*)::int AS cfsr_moves
    FROM ent e JOIN cp ON cp.child = e.child
    JOIN kp k ON k.child = cp.child AND k.pno = cp.pno
   WHERE cp.start >= e.pstart AND cp.start < e.lim AND cp.prev_pno = cp.pno
   GROUP BY e.child
),
cfsr_d AS (                         -- days of entrants in kept periods, entry to the limit
  SELECT e.child, sum(greatest(0, least(coalesce(k.pend, 'infinity'), e.lim) - k.pstart)) AS cfsr_days
    FROM ent e JOIN kp k ON k.child = e.child
   WHERE k.pno >= e.pno AND k.pstart < e.lim
   GROUP BY e.child
),
cfsr AS (
  SELECT e.child,
         CASE WHEN least(e.in12, e.b18) > date '2024-04-01' THEN NULL
              ELSE coalesce(e.ex < e.in12 AND e.ex < e.b18 AND e.prec IN ('E4A', 'E4B', 'E11', 'E12', 'E13', 'E41',
                            'E43', 'E44', 'E45', 'E46', 'E47', 'E48'), false) END AS permanency_12m,
         CASE WHEN NOT coalesce(e.ex < e.in12 AND e.ex < e.b18 AND e.prec IN ('E4A', 'E4B', 'E13', 'E41',
                            'E43', 'E44', 'E45', 'E46', 'E47', 'E48'), false) THEN NULL
              WHEN (e.ex + interval '12 months')::date > date '2024-04-01' THEN NULL
              ELSE coalesce(nk.pstart < (e.ex + interval '12 months')::date, false) END AS reentry_12m,
         coalesce(m.cfsr_moves, 0) AS cfsr_moves, coalesce(d.cfsr_days, 0)::int AS cfsr_days
    FROM ent e LEFT JOIN kp nk ON nk.child = e.child AND nk.kno = e.kno + 1
    LEFT JOIN cfsr_m m ON m.child = e.child
    LEFT JOIN cfsr_d d ON d.child = e.child
)
SELECT ch.child,
       coalesce(ret.n_returns, 0) AS n_returns, coalesce(ret.n_censored, 0) AS n_censored, ret.reentry_days,
       coalesce(ret.n_reentered, 0) AS n_reentered, coalesce(ret.n_incomplete, 0) AS n_incomplete,
       coalesce(ex.n_exits, 0) AS n_exits, ex.exit_days, ex.exit_causes,
       cur.child IS NOT NULL AS la31,
       CASE WHEN cur.child IS NOT NULL THEN coalesce(plc.pl_year, 0)::int END AS placements_in_year,
       CASE WHEN cur.child IS NOT NULL THEN coalesce(plc.pl_year, 0) >= 3 END AS short_term,
       CASE WHEN cur.cur_start <= date '2022-03-31' THEN coalesce(plc.pl_2y, 0) >= 3 END AS two_year,
       CASE WHEN cur.cur_start <= date '2021-09-30' AND extract(year FROM age(date '2024-03-31', cur.dob)) < 16
            THEN coalesce(carer.carer_since, cur.cur_start) <= date '2022-03-31' END AS long_term,
       CASE WHEN cur.child IS NOT NULL THEN coalesce(carer.carer_since, cur.cur_start) END AS carer_since,
       coalesce(plc.moves, 0)::int AS moves,
       coalesce(inyear.days, 0)::int AS days,
       CASE WHEN st.age BETWEEN 17 AND 25 AND st.status IN ('relevant', 'former_relevant')
                 AND NOT (st.age IN (17, 18) AND st.looked_after) THEN st.age END AS cohort_age,
       cfsr.child IS NOT NULL AS entrant, cfsr.permanency_12m, cfsr.reentry_12m, cfsr.cfsr_moves, cfsr.cfsr_days
  FROM (SELECT DISTINCT child FROM bench_episodes) ch
  LEFT JOIN ret USING (child)
  LEFT JOIN ex USING (child)
  LEFT JOIN cur USING (child)
  LEFT JOIN plc USING (child)
  LEFT JOIN carer USING (child)
  LEFT JOIN inyear USING (child)
  LEFT JOIN status st USING (child)
  LEFT JOIN cfsr USING (child);
