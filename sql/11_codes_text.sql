-- The code types with the default search_path ("$user", public): careleaver is
-- not on it.  Literals, LIKE, text columns and bare codes work through the
-- implicit cast to text; the exact errors of label and the list functions.
\set VERBOSITY default
SHOW search_path;
CREATE TEMP TABLE codes_r (ls careleaver.legal_status, rec careleaver.ceased_reason, t text);
INSERT INTO codes_r VALUES ('C2', 'E4A', 'C2'), ('v2', 'e11', 'c2'), ('J3', 'E45', 'J3'), (NULL, 'X1', NULL);
SELECT ls, rec FROM codes_r WHERE ls = 'C2';
SELECT ls, rec FROM codes_r WHERE rec LIKE 'E4%' ORDER BY rec;
SELECT ls, t FROM codes_r WHERE ls = t ORDER BY ls;
SELECT r.rec, l.label FROM codes_r r JOIN careleaver.code_list l ON l.list_name = 'ceased_reason' AND l.code = r.rec
 ORDER BY r.rec;
-- ORDER BY uses the type's own order (DfE list order); < without careleaver on the path compares text
SELECT array_agg(ls ORDER BY ls) AS dfe_order, array_agg(ls ORDER BY ls::text) AS text_order FROM codes_r;
SELECT count(*) FILTER (WHERE ls < 'V2') AS text_lt, count(*) FILTER (WHERE ls OPERATOR(careleaver.<) 'V2') AS dfe_lt FROM codes_r;
SELECT rec || ' (' || careleaver.label(rec) || ')' AS described FROM codes_r WHERE rec = 'E11';
-- label of a bare code
SELECT careleaver.label('e4a') AS e4a, careleaver.label('CUSTOD') AS custod;
SELECT careleaver.label('C2');
SELECT careleaver.label('P1');
SELECT careleaver.label('Q9');
SELECT careleaver.label('C2'::careleaver.legal_status) AS typed, careleaver.code_label('ACCOM', 'c2') AS by_field;
SELECT careleaver.code_label('placements', 'U1');
SELECT careleaver.code_label('legal_status', 'C9');
SELECT careleaver.code_valid_in_year('REASON_PLACE_CHANGE', 'CUSTOD', 2018) AS custod_2018,
       careleaver.code_valid_in_year('placement_change_reason', 'custod', 2019) AS custod_2019,
       careleaver.code_valid_in_year('leaver_accommodation', 'S1', 2020) AS s1;
-- DfE's definitions
SELECT c, careleaver.is_suitable(c::careleaver.leaver_accommodation) AS suitable
  FROM unnest(ARRAY['B1', 'B2', 'G1', 'G2', 'H1', 'H2', 'R1', 'R2', '0']) c;
SELECT careleaver.dfe_placement_group(p) AS dfe_group, array_agg(p::text ORDER BY p) AS codes,
       array_agg(p::text ORDER BY p) FILTER (WHERE careleaver.is_kinship_foster_placement(p)) AS kinship
  FROM (SELECT code::careleaver.placement_type FROM careleaver.code_list WHERE list_name = 'placement_type') x(p)
 GROUP BY 1 ORDER BY min(p);
