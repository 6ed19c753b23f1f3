-- bench/cin/measures.sql: the CIN measures of one collection year (:year) per child in pure SQL, the
-- baseline the C core (careleaver.cin_year_counts) is measured against.  Written from DfE's definitions
-- (doc/metrics.md 15) for the benchmark only: the extension's rulebook is the C core.
--   referrals started in the year, and those with a referral in the 12 months before (re-referrals)
--   protection plans started, and those second or subsequent (an earlier plan, or NumberOfPreviousCPP > 0)
--   CIN episodes open on 31 March (children in need per 10,000 is their sum over the population)
--   plans open on 31 March by DfE's length bands
--   assessments completed in the year, and those within 45 working days (weekends and England's bank
--   holidays left out: careleaver.bank_holidays is read as data)
CREATE OR REPLACE VIEW bench_measures_sql AS
WITH y AS (SELECT make_date(:year - 1, 4, 1) AS ys, make_date(:year, 3, 31) AS ye),
ref AS (
  SELECT r.child,
         count(*) FILTER (WHERE r.ref BETWEEN y.ys AND y.ye) AS referrals,
         count(*) FILTER (WHERE r.ref BETWEEN y.ys AND y.ye AND EXISTS (
                  SELECT 1 FROM bench_ref p WHERE p.child = r.child AND p.ref < r.ref
                     AND p.ref >= (r.ref - interval '12 months')::date)) AS rereferrals,
         count(*) FILTER (WHERE r.ref <= y.ye AND (r.closed IS NULL OR r.closed > y.ye)) AS at31
    FROM bench_ref r, y GROUP BY r.child
),
cpp AS (
  SELECT c.child,
         count(*) FILTER (WHERE c.st BETWEEN y.ys AND y.ye) AS started,
         count(*) FILTER (WHERE c.st BETWEEN y.ys AND y.ye AND (c.prev > 0 OR EXISTS (
                  SELECT 1 FROM bench_cpp p WHERE p.child = c.child AND p.st < c.st)))  AS subsequent,
         count(*) FILTER (WHERE c.st <= y.ye AND (c.en IS NULL OR c.en > y.ye) AND y.ye <= (c.st + interval '3 months')::date) AS band0,
         count(*) FILTER (WHERE c.st <= y.ye AND (c.en IS NULL OR c.en > y.ye) AND y.ye > (c.st + interval '3 months')::date
                            AND y.ye <= (c.st + interval '6 months')::date) AS band1,
         count(*) FILTER (WHERE c.st <= y.ye AND (c.en IS NULL OR c.en > y.ye) AND y.ye > (c.st + interval '6 months')::date
                            AND y.ye < (c.st + interval '12 months')::date) AS band2,
         count(*) FILTER (WHERE c.st <= y.ye AND (c.en IS NULL OR c.en > y.ye) AND y.ye >= (c.st + interval '12 months')::date
                            AND y.ye < (c.st + interval '24 months')::date) AS band3,
         count(*) FILTER (WHERE c.st <= y.ye AND (c.en IS NULL OR c.en > y.ye) AND y.ye >= (c.st + interval '24 months')::date) AS band4
    FROM bench_cpp c, y GROUP BY c.child
),
ass AS (
  SELECT a.child, count(*) AS completed,
         count(*) FILTER (WHERE
           -- working days after the start up to the authorisation: whole weeks, the days left over, less holidays
           ((a.auth - a.st) / 7) * 5
           + (SELECT count(*) FROM generate_series(1, (a.auth - a.st) % 7) i
               WHERE extract(isodow FROM a.st + i) < 6)
           - (SELECT count(*) FROM careleaver.bank_holidays h
               WHERE h.day > a.st AND h.day <= a.auth AND extract(isodow FROM h.day) < 6) <= 45) AS within45
    FROM bench_ass a, y WHERE a.auth BETWEEN y.ys AND y.ye AND a.auth >= a.st GROUP BY a.child
)
SELECT coalesce(r.child, c.child, a.child) AS child,
       coalesce(r.referrals, 0) AS referrals, coalesce(r.rereferrals, 0) AS rereferrals, coalesce(r.at31, 0) AS at31,
       coalesce(c.started, 0) AS cpp_started, coalesce(c.subsequent, 0) AS cpp_subsequent,
       ARRAY[coalesce(c.band0, 0), coalesce(c.band1, 0), coalesce(c.band2, 0), coalesce(c.band3, 0), coalesce(c.band4, 0)]::int[] AS bands,
       coalesce(a.completed, 0) AS assessments, coalesce(a.within45, 0) AS within45
  FROM ref r FULL JOIN cpp c USING (child) FULL JOIN ass a USING (child);
