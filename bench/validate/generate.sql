-- Fallback generator of bench/validate/run (used when careleaver.generate_synthetic
-- is not installed): :children children of council 213 with 1-5 episodes each,
-- deterministic (hash of the child number), into the canonical tables of
-- dataset "bench".  Not realistic, only shaped like a return: chains of X1
-- hand-overs, a few gaps and open final episodes, care leavers with OC3 rows.
SELECT careleaver.create_dataset('bench');

CREATE TEMP TABLE kids AS
SELECT g, 'C' || g AS child,
       DATE '2000-04-01' + abs(hashint4(g)) % 6000 AS dob,
       1 + abs(hashint4(g * 7 + 1)) % 5 AS n,
       make_date(:year - 4, 4, 1) + abs(hashint4(g * 7 + 2)) % 1400 AS first_start,
       abs(hashint4(g * 7 + 3)) % 3 = 0 AS still_open
  FROM generate_series(1, :children) AS g;

INSERT INTO bench.header (la, child, sex, dob, ethnic, upn)
SELECT '213', k.child, (1 + k.g % 2)::text, k.dob, 'WBRI', 'UN1' FROM kids k;

INSERT INTO bench.episodes (la, child, decom, rne, ls, cin, place, place_provider, dec, rec)
SELECT '213', x.child, x.decom,
       (CASE WHEN x.i = 1 THEN 'S' ELSE (ARRAY['P', 'L', 'T', 'B', 'U'])[1 + x.h % 5] END)::careleaver.new_episode_reason,
       ((ARRAY['C2', 'V2', 'E1', 'C1', 'C2', 'V2'])[1 + x.h % 6])::careleaver.legal_status,
       ((ARRAY['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8'])[1 + x.g % 8])::careleaver.need_category,
       ((ARRAY['U4', 'U1', 'K2', 'A4', 'P1', 'U6', 'R1'])[1 + (x.h / 7) % 7])::careleaver.placement_type,
       'PR1'::careleaver.placement_provider,
       CASE WHEN x.i < x.n OR NOT x.still_open THEN x.decom + x.len END,
       (CASE WHEN x.i < x.n THEN 'X1'
             WHEN NOT x.still_open THEN (ARRAY['E4A', 'E8', 'E11', 'E13', 'E17', 'E45'])[1 + x.h % 6] END)::careleaver.ceased_reason
  FROM (SELECT k.*, i.i, abs(hashint4(k.g * 31 + i.i)) AS h,
               30 + abs(hashint4(k.g * 37 + i.i)) % 300 AS len,
               k.first_start + coalesce(sum(30 + abs(hashint4(k.g * 37 + i.i)) % 300)
                                        OVER (PARTITION BY k.g ORDER BY i.i
                                              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::integer AS decom
          FROM kids k CROSS JOIN LATERAL generate_series(1, k.n) AS i(i)) x;

-- care leavers: an OC3 row in each year of the 17th to 21st birthday
INSERT INTO bench.oc3 (la, child, year, dob, in_touch, activ, accom)
SELECT '213', k.child, y.y, k.dob,
       (ARRAY['YES', 'YES', 'NO', 'DIED'])[1 + k.g % 4]::careleaver.contact_status,
       (CASE WHEN k.g % 4 IN (2, 3) THEN '0' ELSE 'F5' END)::careleaver.leaver_activity,
       (CASE WHEN k.g % 4 IN (2, 3) THEN '0' ELSE 'U1' END)::careleaver.leaver_accommodation
  FROM kids k CROSS JOIN generate_series(:year - 6, :year) AS y(y)
 WHERE careleaver.birthday(k.dob, 17) <= careleaver.collection_year_end(y.y)
   AND careleaver.birthday(k.dob, 22) > careleaver.collection_year_start(y.y);
