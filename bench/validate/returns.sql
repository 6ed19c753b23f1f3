-- Restates the canonical tables of dataset "bench" as the annual returns
-- :first_year to :year: every episode open at any time in the year, with its
-- DEC and REC blank when it ends after 31 March; the OC3 rows of the year; header
-- and UASC rows of those children.  source_line numbers rows per file.
INSERT INTO bench.return_episodes (la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec,
                                   reason_place_change, home_post, pl_post, urn, source_file, source_line)
SELECT e.la, y.y, e.child, e.decom, e.rne, e.ls, e.cin, e.place, e.place_provider,
       CASE WHEN e.dec <= make_date(y.y, 3, 31) THEN e.dec END,
       CASE WHEN e.dec <= make_date(y.y, 3, 31) THEN e.rec END,
       CASE WHEN e.dec <= make_date(y.y, 3, 31) THEN e.reason_place_change END,
       e.home_post, e.pl_post, e.urn, 'episodes.csv',
       1 + row_number() OVER (PARTITION BY e.la, y.y ORDER BY e.child, e.decom)
  FROM bench.episodes e CROSS JOIN generate_series(:first_year, :year) AS y(y)
 WHERE e.decom <= make_date(y.y, 3, 31) AND (e.dec IS NULL OR e.dec >= make_date(y.y - 1, 4, 1));

INSERT INTO bench.return_oc3 (la, year, child, dob, in_touch, activ, accom, source_file, source_line)
SELECT o.la, o.year, o.child, o.dob, o.in_touch, o.activ, o.accom, 'oc3.csv',
       1 + row_number() OVER (PARTITION BY o.la, o.year ORDER BY o.child)
  FROM bench.oc3 o WHERE o.year BETWEEN :first_year AND :year;

INSERT INTO bench.return_header (la, year, child, sex, dob, ethnic, upn, mother, mc_dob, source_file, source_line)
SELECT h.la, r.year, h.child, h.sex, h.dob, h.ethnic, h.upn,
       -- motherhood is not asked of a care leaver not looked after in the year (rule 628)
       CASE WHEN r.looked_after THEN h.mother END, CASE WHEN r.looked_after THEN h.mc_dob END, 'header.csv',
       1 + row_number() OVER (PARTITION BY h.la, r.year ORDER BY h.child)
  FROM bench.header h
  -- a return's header has every child of the return: those with episodes and the care leavers
  JOIN (SELECT la, year, child, bool_or(looked_after) AS looked_after
          FROM (SELECT la, year, child, true AS looked_after FROM bench.return_episodes
                UNION ALL SELECT la, year, child, false FROM bench.return_oc3) x
         GROUP BY la, year, child) r
    USING (la, child);

INSERT INTO bench.return_uasc (la, year, child, sex, dob, duc, source_file, source_line)
SELECT u.la, r.year, u.child, u.sex, u.dob, u.duc, 'uasc.csv',
       1 + row_number() OVER (PARTITION BY u.la, r.year ORDER BY u.child)
  -- UASC rows for the children looked after in the year (rule 1014)
  FROM bench.uasc u JOIN (SELECT DISTINCT la, year, child FROM bench.return_episodes) r USING (la, child);

