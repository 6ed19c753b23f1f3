-- bench/history/status.sql: care-leaver status (metrics.md 4) in pure SQL with
-- window functions, as an analyst would write it without the extension.  The
-- benchmark checks that it agrees with careleaver.leaver_status on every child.
-- psql variable :at is the status date.  Creates the view bench_status_sql
-- (child, status) over bench_episodes (child, dob, decom, dec, rne, ls, place, rec).
--
-- The same reading of metrics.md as the C core (doc/history.md): short breaks
-- (V3, V4) and episodes ending before they start are left out; overlapping
-- episodes are merged (a period goes on while the next episode starts on or
-- before the latest end so far); the episode that sets a period's end gives
-- its reason, X1 or no REC there meaning "unknown"; rows without DECOM are
-- ignored.  29 February birthdays fall on 1 March in common years.
SET search_path = public, careleaver;

CREATE OR REPLACE VIEW bench_status_sql AS
WITH params AS (SELECT :'at'::date AS d),
care AS (
  SELECT child, dob, decom, coalesce(dec, 'infinity'::date) AS dec, rne, ls, place, rec
    FROM bench_episodes
   WHERE decom IS NOT NULL AND (dec IS NULL OR dec >= decom) AND ls NOT IN ('V3', 'V4')
),
marked AS (
  SELECT *, CASE WHEN decom <= max(dec) OVER w THEN 0 ELSE 1 END AS starts_period
    FROM care
  WINDOW w AS (PARTITION BY child ORDER BY decom, dec, rne, ls, place, rec
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
),
numbered AS (
  SELECT *, sum(starts_period) OVER (PARTITION BY child ORDER BY decom, dec, rne, ls, place, rec
                                     ROWS UNBOUNDED PRECEDING) AS period_no
    FROM marked
),
periods AS (
  SELECT DISTINCT ON (child, period_no)
         child, dob, period_no,
         min(decom) OVER (PARTITION BY child, period_no) AS start_date,
         dec AS end_date,
         CASE WHEN rec = 'X1' THEN NULL ELSE rec END AS reason
    FROM numbered
   ORDER BY child, period_no, dec DESC, decom DESC, rne DESC, ls DESC, place DESC, rec DESC
),
birthdays AS (
  SELECT p.*, params.d,
         extract(year FROM age(params.d, p.dob))::int AS age,
         b.b14, b.b16, b.b18,
         max(p.end_date) FILTER (WHERE p.end_date <= params.d)
           OVER (PARTITION BY p.child) AS c
    FROM periods p CROSS JOIN params
    CROSS JOIN LATERAL (
      SELECT (p.dob + interval '14 years')::date
               + CASE WHEN to_char(p.dob, 'MM-DD') = '02-29' AND to_char(p.dob + interval '14 years', 'DD') = '28' THEN 1 ELSE 0 END AS b14,
             (p.dob + interval '16 years')::date
               + CASE WHEN to_char(p.dob, 'MM-DD') = '02-29' AND to_char(p.dob + interval '16 years', 'DD') = '28' THEN 1 ELSE 0 END AS b16,
             (p.dob + interval '18 years')::date
               + CASE WHEN to_char(p.dob, 'MM-DD') = '02-29' AND to_char(p.dob + interval '18 years', 'DD') = '28' THEN 1 ELSE 0 END AS b18
    ) b
),
figures AS (
  SELECT child, min(age) AS age, min(d) AS d, min(b18) AS b18, min(c) AS c,
         bool_or(start_date <= d AND end_date > d) AS looked_after,
         -- days in [b, t) of each period, added up: t = D + 1, b18 and C
         sum(greatest(0, least(end_date, d + 1) - greatest(start_date, b14))) AS d14_now,
         sum(greatest(0, least(end_date, d + 1) - greatest(start_date, b16))) AS d16_now,
         sum(greatest(0, least(end_date, b18) - greatest(start_date, b14))) AS d14_b18,
         sum(greatest(0, least(end_date, b18) - greatest(start_date, b16))) AS d16_b18,
         sum(greatest(0, least(end_date, coalesce(c, start_date)) - greatest(start_date, b14))) AS d14_c,
         sum(greatest(0, least(end_date, coalesce(c, start_date)) - greatest(start_date, b16))) AS d16_c,
         min(reason::text) FILTER (WHERE end_date = c) AS r
    FROM birthdays
   GROUP BY child
)
SELECT child,
       CASE
         WHEN age < 16 OR age >= 25 THEN NULL                                        -- rule 1
         WHEN looked_after THEN                                                        -- rule 2
           CASE WHEN age < 18 THEN CASE WHEN d14_now >= 91 AND d16_now >= 1 THEN 'eligible' END
                ELSE CASE WHEN d14_b18 >= 91 AND d16_b18 >= 1 THEN 'former_relevant' END END
         WHEN c IS NULL THEN NULL                                                      -- rule 3
         WHEN r IN ('E11', 'E12', 'E2', 'E3') THEN NULL                                -- rule 4
         WHEN r IN ('E43', 'E44', 'E45', 'E46', 'E47', 'E48') THEN                     -- rule 5
           CASE WHEN age < 21 THEN 'qualifying' END
         WHEN r IN ('E4A', 'E4B', 'E41') AND (c + interval '6 months')::date <= least(d, b18) THEN  -- rule 6
           CASE WHEN age < 21 AND d16_c >= 1 THEN 'qualifying' END
         WHEN d14_c >= 91 AND d16_c >= 1 THEN                                          -- rule 7
           CASE WHEN age < 18 THEN 'relevant' ELSE 'former_relevant' END
         WHEN d16_c >= 1 THEN CASE WHEN age < 21 THEN 'qualifying' END                 -- rule 8
       END AS status                                                                   -- rule 9: NULL
  FROM figures;
