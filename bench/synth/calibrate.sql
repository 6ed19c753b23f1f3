-- The generator's headline figures next to the national ones (reference section 7).
--
--   psql -v dataset=synthetic -f bench/synth/calibrate.sql
--
-- Reads any dataset (header, episodes, oc3, uasc), so it also profiles a real
-- council's data.  Counting follows reference 4.1 and metrics.md: short breaks
-- (V3, V4) are left out; "started" counts a child's first start in the year;
-- placements start at RNE S, P, T, B, U.  Needs collection years 2018 to 2025
-- in the data (the generator's default is 2017 to 2026).  doc/synthetic.md
-- prints the table this produces.
\set ON_ERROR_STOP 1
\if :{?dataset}
\else
\set dataset synthetic
\endif

BEGIN;
SET LOCAL search_path = pg_catalog, careleaver;

CREATE TEMP TABLE cal_ep ON COMMIT DROP AS
SELECT e.la, e.child, e.decom, e.dec, e.rne, e.ls, e.cin, e.place, e.rec,
       e.reason_place_change AS rpc, h.dob, h.sex
FROM :"dataset".episodes e
JOIN :"dataset".header h USING (la, child)
WHERE NOT careleaver.is_short_break(e.ls);
CREATE INDEX ON cal_ep (la, child, decom);
ANALYZE cal_ep;

-- looked after on 31 March of year y (one row per child: episodes never overlap)
CREATE TEMP TABLE cal_at31 ON COMMIT DROP AS
SELECT y.year, e.*, date_part('year', age(make_date(y.year, 3, 31), e.dob))::int AS age
FROM generate_series(2018, 2025) AS y(year)
JOIN cal_ep e ON e.decom <= make_date(y.year, 3, 31)
             AND (e.dec IS NULL OR e.dec > make_date(y.year, 3, 31));

-- first start of each child in each year
CREATE TEMP TABLE cal_start ON COMMIT DROP AS
SELECT DISTINCT ON (e.la, e.child, y.year) y.year, e.la, e.child, e.decom, e.dob,
       date_part('year', age(e.decom, e.dob))::int AS age
FROM cal_ep e
JOIN generate_series(2018, 2025) AS y(year)
  ON e.decom BETWEEN make_date(y.year - 1, 4, 1) AND make_date(y.year, 3, 31)
WHERE e.rne = 'S'
ORDER BY e.la, e.child, y.year, e.decom;

-- ends of periods of care (REC other than X1), with the next start
CREATE TEMP TABLE cal_end ON COMMIT DROP AS
SELECT e.*, date_part('year', age(e.dec, e.dob))::int AS age,
       (SELECT min(n.decom) FROM cal_ep n
        WHERE n.la = e.la AND n.child = e.child AND n.decom > e.dec AND n.rne = 'S') AS next_start,
       CASE WHEN e.dec < make_date(date_part('year', e.dec)::int, 4, 1)
            THEN date_part('year', e.dec)::int ELSE date_part('year', e.dec)::int + 1 END AS year
FROM cal_ep e
WHERE e.dec IS NOT NULL AND e.rec <> 'X1';

CREATE TEMP TABLE cal_oc3 ON COMMIT DROP AS
SELECT o.*, date_part('year', age(make_date(o.year, 3, 31), o.dob))::int AS age_end,
       -- the birthday in the year: the age reached between 1 April and 31 March
       date_part('year', age(make_date(o.year, 3, 31), o.dob))::int AS age
FROM :"dataset".oc3 o
WHERE o.in_touch NOT IN ('DIED', 'RHOM');

CREATE TEMP TABLE cal (ord int, measure text, generated numeric, national numeric, source text)
  ON COMMIT DROP;

-- percentage helper
CREATE FUNCTION pg_temp.pct(num bigint, den bigint) RETURNS numeric
  LANGUAGE sql IMMUTABLE AS $$ SELECT round(100.0 * num / nullif(den, 0), 1) $$;

INSERT INTO cal
SELECT 1, 'Age at start 2024: under 1 (%)', pg_temp.pct(count(*) FILTER (WHERE age < 1), count(*)), 15, 'DS 574513fa (remainder)'
FROM cal_start WHERE year = 2024
UNION ALL
SELECT 2, 'Age at start 2024: 1-4 (%)', pg_temp.pct(count(*) FILTER (WHERE age BETWEEN 1 AND 4), count(*)), 15, 'DS 574513fa'
FROM cal_start WHERE year = 2024
UNION ALL
SELECT 3, 'Age at start 2024: 5-9 (%)', pg_temp.pct(count(*) FILTER (WHERE age BETWEEN 5 AND 9), count(*)), 15, 'DS 574513fa'
FROM cal_start WHERE year = 2024
UNION ALL
SELECT 4, 'Age at start 2024: 10-15 (%)', pg_temp.pct(count(*) FILTER (WHERE age BETWEEN 10 AND 15), count(*)), 26, 'DS 574513fa'
FROM cal_start WHERE year = 2024
UNION ALL
SELECT 5, 'Age at start 2024: 16+ (%)', pg_temp.pct(count(*) FILTER (WHERE age >= 16), count(*)), 29, 'DS 574513fa'
FROM cal_start WHERE year = 2024
UNION ALL
SELECT 6, 'Started in 2024 per 100 looked after at 31 March 2024',
       round(100.0 * (SELECT count(*) FROM cal_start WHERE year = 2024) / count(*), 1),
       round(100.0 * 33050 / 83630, 1), 'DS 1fe5fa25; EES 2024'
FROM cal_at31 WHERE year = 2024
UNION ALL
SELECT 7, 'Ceased in 2024 per 100 looked after at 31 March 2024',
       round(100.0 * (SELECT count(DISTINCT (la, child)) FROM cal_end WHERE year = 2024) / count(*), 1),
       round(100.0 * 33620 / 83630, 1), 'DS 1fe5fa25; EES 2024'
FROM cal_at31 WHERE year = 2024
UNION ALL
SELECT 8, 'Age at 31 March 2022: under 1 (%)', pg_temp.pct(count(*) FILTER (WHERE age < 1), count(*)), 5, 'EES 2022'
FROM cal_at31 WHERE year = 2022
UNION ALL
SELECT 9, 'Age at 31 March 2022: 1-4 (%)', pg_temp.pct(count(*) FILTER (WHERE age BETWEEN 1 AND 4), count(*)), 14, 'EES 2022'
FROM cal_at31 WHERE year = 2022
UNION ALL
SELECT 10, 'Age at 31 March 2022: 5-9 (%)', pg_temp.pct(count(*) FILTER (WHERE age BETWEEN 5 AND 9), count(*)), 18, 'EES 2022'
FROM cal_at31 WHERE year = 2022
UNION ALL
SELECT 11, 'Age at 31 March 2022: 10-15 (%)', pg_temp.pct(count(*) FILTER (WHERE age BETWEEN 10 AND 15), count(*)), 39, 'EES 2022'
FROM cal_at31 WHERE year = 2022
UNION ALL
SELECT 12, 'Age at 31 March 2022: 16+ (%)', pg_temp.pct(count(*) FILTER (WHERE age >= 16), count(*)), 25, 'EES 2022'
FROM cal_at31 WHERE year = 2022
UNION ALL
SELECT 13, 'Male, looked after at 31 March 2024 (%)', pg_temp.pct(count(*) FILTER (WHERE sex IN ('1', 'M')), count(*)), 57, 'EES 2024'
FROM cal_at31 WHERE year = 2024
UNION ALL
SELECT 14, 'UASC, looked after at 31 March 2024 (%)',
       pg_temp.pct(count(*) FILTER (WHERE EXISTS (SELECT 1 FROM :"dataset".uasc u
                                                WHERE u.la = a.la AND u.child = a.child
                                                  AND (u.duc IS NULL OR u.duc > make_date(2024, 3, 31)))),
                   count(*)),
       round(100.0 * 7380 / 83630, 1), 'DS 1fe5fa25'
FROM cal_at31 a WHERE year = 2024
UNION ALL
SELECT 15, 'UASC among starts 2023 (%)',
       pg_temp.pct(count(*) FILTER (WHERE EXISTS (SELECT 1 FROM :"dataset".uasc u
                                                WHERE u.la = s.la AND u.child = s.child)), count(*)),
       21, 'DS d30e8340 (secondary)'
FROM cal_start s WHERE year = 2023
UNION ALL
SELECT 16, 'Need: abuse or neglect, at 31 March 2022 (%)', pg_temp.pct(count(*) FILTER (WHERE cin = 'N1'), count(*)), 66, 'EES 2022'
FROM cal_at31 WHERE year = 2022
UNION ALL
SELECT 17, 'Legal status at 31 March 2023: care orders (%)',
       pg_temp.pct(count(*) FILTER (WHERE careleaver.legal_status_group(ls) = 'Care orders'), count(*)), 76, 'communitycare 2023'
FROM cal_at31 WHERE year = 2023
UNION ALL
SELECT 18, 'Legal status at 31 March 2023: s20 (%)', pg_temp.pct(count(*) FILTER (WHERE ls = 'V2'), count(*)), 19, 'communitycare 2023'
FROM cal_at31 WHERE year = 2023
UNION ALL
SELECT 19, 'Legal status at 31 March 2020: placement order (%)', pg_temp.pct(count(*) FILTER (WHERE ls IN ('E1', 'D1')), count(*)), 6, 'EES 2020'
FROM cal_at31 WHERE year = 2020
UNION ALL
SELECT 20, 'Placement at 31 March 2023: foster (%)', pg_temp.pct(count(*) FILTER (WHERE place::text LIKE 'U%'), count(*)), 68, 'communitycare 2023'
FROM cal_at31 WHERE year = 2023
UNION ALL
SELECT 21, 'Placement at 31 March 2023: children''s homes, secure, semi-independent (%)',
       pg_temp.pct(count(*) FILTER (WHERE place IN ('K1', 'K2', 'H5', 'K3')), count(*)), 17, 'communitycare 2023'
FROM cal_at31 WHERE year = 2023
UNION ALL
SELECT 22, 'Placement at 31 March 2023: placed for adoption (%)', pg_temp.pct(count(*) FILTER (WHERE place::text LIKE 'A%'), count(*)), NULL, ''
FROM cal_at31 WHERE year = 2023
UNION ALL
SELECT 23, 'Placement at 31 March 2023: with parents (%)', pg_temp.pct(count(*) FILTER (WHERE place = 'P1'), count(*)), NULL, ''
FROM cal_at31 WHERE year = 2023;

-- reasons for placement changes, 2024 (placements that ended with a move)
INSERT INTO cal
SELECT 30 + r.ord, 'Placement changes 2024: ' || r.code || ' (%)',
       pg_temp.pct((SELECT count(*) FROM cal_ep e
                    WHERE e.rpc::text = r.code AND e.dec BETWEEN '2023-04-01' AND '2024-03-31'),
                   (SELECT count(*) FROM cal_ep e
                    WHERE e.rpc IS NOT NULL AND e.dec BETWEEN '2023-04-01' AND '2024-03-31')),
       r.national, 'permalink c3ae926d'
FROM (VALUES (1, 'CARPL', 31), (2, 'PLACE', 24), (3, 'OTHER', 22), (4, 'CREQB', 8), (5, 'CREQO', 6),
             (6, 'CHILD', 3)) AS r(ord, code, national);

-- stability: placements overlapping the year for children looked after on 31 March 2023
INSERT INTO cal
SELECT 40, 'Stability 2023: one placement in the year (%)',
       pg_temp.pct(count(*) FILTER (WHERE n = 1), count(*)), 69, 'homeforgood (secondary)'
FROM (SELECT a.la, a.child,
             (SELECT count(*) FROM cal_ep e
              WHERE e.la = a.la AND e.child = a.child
                AND e.decom <= '2023-03-31' AND (e.dec IS NULL OR e.dec > '2022-04-01')
                AND NOT careleaver.is_temporary_placement(e.place)
                AND (careleaver.starts_placement(e.rne) AND e.decom >= '2022-04-01'
                     OR e.decom < '2022-04-01' AND (e.dec IS NULL OR e.dec >= '2022-04-01')
                        AND e.decom = (SELECT max(f.decom) FROM cal_ep f WHERE f.la = e.la AND f.child = e.child
                                       AND f.decom < '2022-04-01'))) AS n
      FROM cal_at31 a WHERE a.year = 2023) AS p
UNION ALL
SELECT 41, 'Stability 2023: three or more placements in the year (%)',
       pg_temp.pct(count(*) FILTER (WHERE n >= 3), count(*)), 10, 'homeforgood (secondary)'
FROM (SELECT a.la, a.child,
             (SELECT count(*) FROM cal_ep e
              WHERE e.la = a.la AND e.child = a.child
                AND e.decom <= '2023-03-31' AND (e.dec IS NULL OR e.dec > '2022-04-01')
                AND NOT careleaver.is_temporary_placement(e.place)
                AND (careleaver.starts_placement(e.rne) AND e.decom >= '2022-04-01'
                     OR e.decom < '2022-04-01' AND (e.dec IS NULL OR e.dec >= '2022-04-01')
                        AND e.decom = (SELECT max(f.decom) FROM cal_ep f WHERE f.la = e.la AND f.child = e.child
                                       AND f.decom < '2022-04-01'))) AS n
      FROM cal_at31 a WHERE a.year = 2023) AS p;

-- leaving care
INSERT INTO cal
SELECT 50, 'Ceased 2025 aged 18 or over (%)', pg_temp.pct(count(*) FILTER (WHERE age >= 18), count(*)), 40, 'DS 8fb1dbc3'
FROM cal_end WHERE year = 2025
UNION ALL
SELECT 51, 'Ceased 2025 aged 1-4 (%)', pg_temp.pct(count(*) FILTER (WHERE age BETWEEN 1 AND 4), count(*)), 18, 'DS 8fb1dbc3'
FROM cal_end WHERE year = 2025
UNION ALL
SELECT 52, 'Ceased 2025 aged 10-15 (%)', pg_temp.pct(count(*) FILTER (WHERE age BETWEEN 10 AND 15), count(*)), 14, 'DS 8fb1dbc3'
FROM cal_end WHERE year = 2025
UNION ALL
SELECT 53, 'Adopted among ceased 2024 (%)', pg_temp.pct(count(*) FILTER (WHERE careleaver.is_adoption(rec)), count(*)),
       round(100.0 * 2980 / 33620, 1), 'DS 1fe5fa25'
FROM cal_end WHERE year = 2024
UNION ALL
SELECT 54, 'Ceased 2025 aged 16 or over: aged 18 or over (%)',
       pg_temp.pct(count(*) FILTER (WHERE age >= 18), count(*)), round(100.0 * 40 / 51, 1), 'DS 8fb1dbc3'
FROM cal_end WHERE age >= 16 AND year = 2025
UNION ALL
SELECT 55, 'Re-entry within 12 months of a return home (%)',
       pg_temp.pct(count(*) FILTER (WHERE next_start <= (dec + interval '12 months')::date), count(*)), 20,
       'ouci 7PxXMyq7'
FROM cal_end
WHERE careleaver.is_returned_home(rec) AND (dec + interval '12 months')::date <= '2026-03-31'
  AND (dec + interval '12 months')::date < (dob + interval '18 years')::date;

-- care leavers (OC3, 19 to 21; DIED and RHOM excluded from the denominators)
INSERT INTO cal
SELECT 60, 'Care leavers 19-21: in touch (%)', pg_temp.pct(count(*) FILTER (WHERE in_touch = 'YES'), count(*)), 91, 'cypnow 2020-21 (secondary)'
FROM cal_oc3 WHERE age BETWEEN 19 AND 21
UNION ALL
SELECT 61, 'Care leavers 19-21: in education, employment or training (%)',
       pg_temp.pct(count(*) FILTER (WHERE careleaver.activity_group(activ) = 'EET'), count(*)), 50, 'cypnow 2020-21 ("about half")'
FROM cal_oc3 WHERE age BETWEEN 19 AND 21
UNION ALL
SELECT 62, 'Care leavers 19-21: NEET (%)',
       pg_temp.pct(count(*) FILTER (WHERE careleaver.activity_group(activ) = 'NEET'), count(*)), 39, 'Nuffield 2017 40%; PQ 2022 38%'
FROM cal_oc3 WHERE age BETWEEN 19 AND 21
UNION ALL
SELECT 63, 'Care leavers 19-21: suitable accommodation (%)',
       pg_temp.pct(count(*) FILTER (WHERE careleaver.is_suitable(accom)), count(*)), 84, 'fast-track 1da0616c (2018)'
FROM cal_oc3 WHERE age BETWEEN 19 AND 21
UNION ALL
SELECT 64, 'Care leavers 17: suitable accommodation (%)',
       pg_temp.pct(count(*) FILTER (WHERE careleaver.is_suitable(accom)), count(*)), 68, 'fast-track 1da0616c (2018)'
FROM cal_oc3 WHERE age = 17
UNION ALL
SELECT 65, 'Care leavers 18: suitable accommodation (%)',
       pg_temp.pct(count(*) FILTER (WHERE careleaver.is_suitable(accom)), count(*)), 90, 'fast-track 1da0616c (2018)'
FROM cal_oc3 WHERE age = 18
UNION ALL
SELECT 66, 'Care leavers aged 17 per 100 aged 18', round(100.0 * count(*) FILTER (WHERE age = 17) / nullif(count(*) FILTER (WHERE age = 18), 0), 1),
       round(100.0 * 480 / 11220, 1), 'fast-track c193c237 (2020)'
FROM :"dataset".oc3 o
CROSS JOIN LATERAL (SELECT date_part('year', age(make_date(o.year, 3, 31), o.dob))::int AS age) a
UNION ALL
SELECT 67, 'Staying put at 18: left foster care on the 18th birthday, with former foster carers (%)',
       pg_temp.pct(count(*) FILTER (WHERE careleaver.accommodation_type(o.accom) = 'Z'), count(*)), 55, 'DS 6bcdb80c (2018)'
FROM cal_oc3 o
JOIN cal_ep e ON e.la = o.la AND e.child = o.child AND e.dec = (o.dob + interval '18 years')::date
WHERE o.age = 18 AND e.place::text LIKE 'U%';

SELECT measure AS "Measure", generated AS "Generator", national AS "England", source AS "Source"
FROM cal ORDER BY ord;
COMMIT;
