-- Small synthetic council for the hub test and benchmark (test/script/95_hub.t, bench/hub/run).
-- psql -v la=E06000001 -v children=1000 -v seed=0.25 -f test/script/hub_data.sql
-- Fills the dataset schema "council" (careleaver.create_dataset) with :children children of council :la:
-- header, one to three periods of care of one or two episodes (X1 then RNE P), returns home,
-- other exits and open periods at 31 March 2024, and OC3 records for the care leavers.
\set ON_ERROR_STOP 1
SELECT careleaver.create_dataset('council');
SELECT setseed(:seed);
CREATE TEMP TABLE hub_child AS
SELECT i, :'la'::text || '-' || lpad(i::text, 7, '0') AS child,
       DATE '2000-01-01' + (random() * 8000)::int AS dob,
       (random() * 5000)::int AS entry_after,
       1 + (random() * 2.6)::int AS periods
  FROM generate_series(1, :children) AS i;

CREATE TEMP TABLE hub_period AS
WITH p AS (
  SELECT c.*, k AS period_no,
         (1 + random() ^ 2 * 1800)::int AS len,
         (20 + random() * 700)::int AS gap,
         random() AS r_rec, random() AS r_split, random() AS r_ls, random() AS r_place
    FROM hub_child c CROSS JOIN LATERAL generate_series(1, c.periods) AS k
), s AS (
  SELECT p.*, p.dob + p.entry_after
              + (sum(p.len + p.gap) OVER (PARTITION BY p.i ORDER BY p.period_no) - p.len - p.gap)::int AS start_date
    FROM p
)
SELECT s.*, s.start_date + s.len AS end_date FROM s WHERE s.start_date <= DATE '2024-03-31';

INSERT INTO council.header (la, child, sex, dob, ethnic)
SELECT :'la', c.child, CASE WHEN c.i % 2 = 0 THEN '1' ELSE '2' END, c.dob, 'WBRI'
  FROM hub_child c WHERE EXISTS (SELECT 1 FROM hub_period p WHERE p.i = c.i);

-- first (or only) episode of each period; with r_split < 0.4 it ends with X1 at mid-period
INSERT INTO council.episodes (la, child, decom, rne, ls, place, "dec", rec)
SELECT :'la', p.child, p.start_date, 'S',
       (CASE WHEN p.r_ls < 0.5 THEN 'C2' WHEN p.r_ls < 0.8 THEN 'V2' ELSE 'C1' END)::careleaver.legal_status,
       (CASE WHEN p.r_place < 0.5 THEN 'U4' WHEN p.r_place < 0.8 THEN 'U1' ELSE 'K2' END)::careleaver.placement_type,
       e.dec, e.rec::careleaver.ceased_reason
  FROM hub_period p
  CROSS JOIN LATERAL (SELECT p.r_split < 0.4 AND p.len >= 2
                             AND p.start_date + p.len / 2 <= DATE '2024-03-31' AS split) sp
  CROSS JOIN LATERAL (SELECT CASE WHEN sp.split THEN p.start_date + p.len / 2
                                  WHEN p.end_date <= DATE '2024-03-31' THEN p.end_date END AS dec) d
  CROSS JOIN LATERAL (SELECT d.dec,
                             CASE WHEN d.dec IS NULL THEN NULL
                                  WHEN sp.split THEN 'X1'
                                  WHEN p.r_rec < 0.35 THEN 'E4A' WHEN p.r_rec < 0.45 THEN 'E4B'
                                  WHEN p.r_rec < 0.55 THEN 'E11' WHEN p.r_rec < 0.65 THEN 'E45'
                                  WHEN p.r_rec < 0.70 THEN 'E41' WHEN p.r_rec < 0.85 THEN 'E13'
                                  ELSE 'E8' END AS rec) e;

-- second episode (change of placement) of the split periods
INSERT INTO council.episodes (la, child, decom, rne, ls, place, "dec", rec)
SELECT :'la', p.child, p.start_date + p.len / 2, 'P',
       (CASE WHEN p.r_ls < 0.5 THEN 'C2' WHEN p.r_ls < 0.8 THEN 'V2' ELSE 'C1' END)::careleaver.legal_status,
       'U6'::careleaver.placement_type,
       CASE WHEN p.end_date <= DATE '2024-03-31' THEN p.end_date END,
       (CASE WHEN p.end_date > DATE '2024-03-31' THEN NULL
             WHEN p.r_rec < 0.35 THEN 'E4A' WHEN p.r_rec < 0.45 THEN 'E4B'
             WHEN p.r_rec < 0.55 THEN 'E11' WHEN p.r_rec < 0.65 THEN 'E45'
             WHEN p.r_rec < 0.70 THEN 'E41' WHEN p.r_rec < 0.85 THEN 'E13'
             ELSE 'E8' END)::careleaver.ceased_reason
  FROM hub_period p
 WHERE p.r_split < 0.4 AND p.len >= 2 AND p.start_date + p.len / 2 <= DATE '2024-03-31';

-- OC3: children who were in care at 16 or later, in the collection years 2019 to 2024 of ages 17 to 21
INSERT INTO council.oc3 (la, child, year, dob, in_touch, activ, accom)
SELECT :'la', c.child, y, c.dob,
       (CASE WHEN r < 0.8 THEN 'YES' WHEN r < 0.9 THEN 'NO' WHEN r < 0.95 THEN 'REFU' ELSE 'NREQ' END)::careleaver.contact_status,
       (CASE WHEN r >= 0.8 THEN '0' WHEN a < 0.3 THEN 'F2' WHEN a < 0.5 THEN 'F5' WHEN a < 0.6 THEN 'F1'
             WHEN a < 0.85 THEN 'G5' ELSE 'G4' END)::careleaver.leaver_activity,
       (CASE WHEN r >= 0.8 THEN '0' WHEN b < 0.4 THEN 'D1' WHEN b < 0.7 THEN 'U1' WHEN b < 0.8 THEN 'B1'
             WHEN b < 0.9 THEN 'K2' ELSE 'S2' END)::careleaver.leaver_accommodation
  FROM hub_child c
  CROSS JOIN LATERAL generate_series(2019, 2024) AS y
  CROSS JOIN LATERAL (SELECT random() AS r, random() AS a, random() AS b, random() AS keep WHERE c.i + y > 0) z
 WHERE (careleaver.collection_year_birthday(c.dob, y)).age BETWEEN 17 AND 21
   AND EXISTS (SELECT 1 FROM hub_period p WHERE p.i = c.i AND coalesce(p.end_date, DATE '2024-03-31') >= c.dob + 16 * 365)
   AND z.keep < 0.85;

ANALYZE council.header;
ANALYZE council.episodes;
ANALYZE council.oc3;
SELECT careleaver.create_council_export('council');
