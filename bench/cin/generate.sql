-- bench/cin/generate.sql: :children children's CIN records for the CIN benchmark, in plain SQL
-- (deterministic: setseed).  One to four referrals a child between 2018 and 2024, an assessment for most,
-- a section 47 enquiry for some, a protection plan for one referral in five (some with earlier plans
-- known only from NumberOfPreviousCPP).  Typed tables for the pure-SQL measures (bench/cin/measures.sql)
-- and the same records as the event texts careleaver.cin_journey_agg reads.
SELECT setseed(0.16);
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_ref, bench_ass, bench_s47, bench_cpp, bench_cin_events;
CREATE TABLE bench_ref AS
SELECT c AS child, r.ref, r.ref + r.len AS closed, r.nfa,
       CASE WHEN r.len IS NULL THEN NULL WHEN r.nfa THEN 'RC7' ELSE (ARRAY['RC1','RC3','RC7','RC8','RC9'])[1 + (random() * 4.99)::int] END AS rfc
  FROM generate_series(1, :children) c
  -- (c * 0 in the select list keeps the subquery correlated: each child draws its own referrals)
  CROSS JOIN LATERAL (SELECT DATE '2018-01-01' + (random() * 2550)::int + c * 0 AS ref,
                             CASE WHEN random() < 0.2 THEN NULL ELSE (10 + random() * 400)::int END AS len,
                             random() < 0.07 AS nfa
                        FROM generate_series(1, 1 + (random() * random() * 3.99 + c * 0)::int) k) r;
UPDATE bench_ref SET closed = ref, rfc = 'RC7' WHERE nfa;
CREATE TABLE bench_ass AS
SELECT r.child, a.st, CASE WHEN random() < 0.9 THEN a.st + (5 + random() * (CASE WHEN random() < 0.8 THEN 60 ELSE 130 END))::int END AS auth,
       CASE WHEN random() < 0.05 THEN ARRAY['21'] ELSE ARRAY['1B', '3A'] END AS factors
  FROM bench_ref r CROSS JOIN LATERAL (SELECT r.ref + (random() * 5)::int AS st) a
 WHERE NOT r.nfa AND random() < 0.9;
CREATE TABLE bench_s47 AS
SELECT r.child, r.ref + (1 + random() * 20)::int AS st FROM bench_ref r WHERE NOT r.nfa AND random() < 0.3;
CREATE TABLE bench_cpp AS
SELECT r.child, p.st, CASE WHEN random() < 0.85 THEN p.st + (30 + random() * (CASE WHEN random() < 0.1 THEN 1000 ELSE 500 END))::int END AS en,
       CASE WHEN random() < 0.8 THEN 0 ELSE 1 + (random() * 2)::int END AS prev
  FROM bench_ref r CROSS JOIN LATERAL (SELECT r.ref + (15 + random() * 30)::int AS st) p
 WHERE NOT r.nfa AND random() < 0.2;
-- the same records as the events careleaver.cin_journey_agg reads (the text of careleaver.cin_journey)
CREATE TABLE bench_cin_events AS
SELECT child, event FROM (
  SELECT child, ref AS d, format('R %s %s%s%s', ref, coalesce(closed::text, '-'), ' ' || rfc, CASE WHEN nfa THEN ' nfa' ELSE '' END) AS event FROM bench_ref
  UNION ALL SELECT child, st, format('A %s %s %s', st, coalesce(auth::text, '-'), array_to_string(factors, ',')) FROM bench_ass
  UNION ALL SELECT child, st, 'S ' || st FROM bench_s47
  UNION ALL SELECT child, st, format('C %s %s NEG NEG %s', st, coalesce(en::text, '-'), prev) FROM bench_cpp) e
 ORDER BY child, d;
CREATE INDEX ON bench_ref (child); CREATE INDEX ON bench_cpp (child);
ANALYZE bench_ref; ANALYZE bench_ass; ANALYZE bench_s47; ANALYZE bench_cpp; ANALYZE bench_cin_events;
