-- The code types with ordinary SQL, WITHOUT careleaver on search_path (the
-- default "$user", public): comparison with literals, LIKE, joins to text,
-- label of a bare code, concatenation; the typed operators' DfE order and
-- index use when careleaver is on the path or the operator is qualified; the
-- operators between a code and text agree with text's own; a hostile role's
-- operators in public do not capture a careleaver-first path.  Then the DfE
-- definitions: suitability without G, H, R and DfE's placement groups.
BEGIN;
SET LOCAL search_path = "$user", public;
SELECT plan(44);

CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
  line text;
  plan text := '';
BEGIN
  FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
    plan := plan || line || E'\n';
  END LOOP;
  RETURN plan;
END;
$f$;

CREATE TABLE public.codes_t (id int, ls careleaver.legal_status, rec careleaver.ceased_reason,
                             accom careleaver.leaver_accommodation, note text);
INSERT INTO public.codes_t
SELECT i, (ARRAY['C1', 'C2', 'V2', 'L1', 'J3'])[1 + i % 5]::careleaver.legal_status,
       (ARRAY['E4A', 'E4B', 'E11', 'X1', 'E45', 'E13'])[1 + i % 6]::careleaver.ceased_reason,
       (ARRAY['0', 'B1', 'C2', 'G1', 'R2', 'H1', 'U2'])[1 + i % 7]::careleaver.leaver_accommodation,
       (ARRAY['C2', 'V2', 'c2', 'Q9'])[1 + i % 4]
  FROM generate_series(1, 6000) i;
CREATE INDEX codes_t_ls ON public.codes_t (ls);
ANALYZE public.codes_t;

-- ---------------------------------------------------------------- default search_path
SELECT is(current_setting('search_path'), '"$user", public', 'the default search_path, without careleaver');
SELECT is((SELECT count(*) FROM public.codes_t WHERE ls = 'C2'), 1200::bigint, 'WHERE ls = ''C2''');
SELECT is((SELECT count(*) FROM public.codes_t WHERE 'C2' = ls), 1200::bigint, 'WHERE ''C2'' = ls');
SELECT is((SELECT count(*) FROM public.codes_t WHERE ls IN ('C2', 'V2')), 2400::bigint, 'WHERE ls IN (''C2'', ''V2'')');
SELECT is((SELECT count(*) FROM public.codes_t WHERE rec LIKE 'E4%'), 3000::bigint, 'WHERE rec LIKE ''E4%'' (E4A, E4B, E45)');
SELECT is((SELECT count(*) FROM public.codes_t WHERE rec ILIKE 'e4%'), 3000::bigint, 'WHERE rec ILIKE ''e4%''');
SELECT is((SELECT count(*) FROM public.codes_t WHERE rec NOT LIKE 'E4%'), 3000::bigint, 'WHERE rec NOT LIKE ''E4%''');
SELECT is((SELECT count(*) FROM public.codes_t WHERE ls = note), 600::bigint,
          'a code column compared with a text column (text compares the spelling: c2 is not C2)');
SELECT is((SELECT count(*) FROM public.codes_t t JOIN careleaver.code_list l
             ON l.list_name = 'legal_status' AND l.code = t.ls), 6000::bigint, 'a join of a code column to a text column');
SELECT is((SELECT min(l.label) FROM public.codes_t t JOIN careleaver.code_list l
             ON l.list_name = 'ceased_reason' AND t.rec = l.code WHERE t.rec = 'E13'),
          careleaver.label('E13'::careleaver.ceased_reason), 'the join finds the label');
SELECT is(careleaver.label('E4A'), careleaver.label('E4A'::careleaver.ceased_reason), 'label of a bare code in one list');
SELECT is(careleaver.label(' cUsToD '), 'Custody arrangement', 'label of a bare code, trimmed, any case');
SELECT throws_ok($$SELECT careleaver.label('C2')$$, '22023',
                 'code "C2" is in several SSDA903 lists: legal_status (LS), leaver_accommodation (ACCOM)',
                 'label of a code of several lists is an error naming them');
SELECT throws_ok($$SELECT careleaver.label('Q9')$$, '22P02', NULL, 'label of a non-code is 22P02');
SELECT is(careleaver.code_label('legal_status', 'c2'), 'Full care order', 'code_label by type name');
SELECT is(careleaver.code_label('ACCOM', 'C2'), 'Community home or other residential care, unsuitable', 'code_label by DfE field');
SELECT throws_ok($$SELECT careleaver.code_label('placements', 'U1')$$, '22023', NULL, 'code_label of an unknown list');
SELECT is(ARRAY[careleaver.code_valid_in_year('leaver_activity', 'F3', 2021),
                careleaver.code_valid_in_year('ACTIV', 'f3', 2022),
                careleaver.code_valid_in_year('activ', 'F4', 2022),
                careleaver.code_valid_in_year('leaver_accommodation', 'S1', 2024),
                careleaver.code_valid_in_year('contact_status', 'maybe', 2024)],
          ARRAY[true, false, true, false, false], 'code_valid_in_year: years, never-valid codes, non-codes');
SELECT is((SELECT ls || '/' || rec FROM public.codes_t WHERE id = 1), 'C2/E4B', 'concatenation of codes and text');
SELECT is((SELECT string_agg(DISTINCT ls, ',' ORDER BY ls) FROM public.codes_t), 'C1,C2,J3,L1,V2',
          'string_agg over a code column (text order: the cast compares text)');
SELECT is((SELECT array_agg(DISTINCT ls ORDER BY ls)::text FROM public.codes_t), '{C1,C2,V2,L1,J3}',
          'ORDER BY a code column keeps DfE order without careleaver on the path');
SELECT is((SELECT count(*) FROM public.codes_t WHERE ls < 'V2'), 4800::bigint,
          'ls < ''V2'' without careleaver on the path compares text (C1, C2, J3, L1): the documented consequence');
SELECT is((SELECT count(*) FROM public.codes_t WHERE ls OPERATOR(careleaver.<) 'V2'), 2400::bigint,
          'OPERATOR(careleaver.<) compares in DfE order (C1, C2)');

-- index use: the typed operator, qualified or through a careleaver-first path
SET LOCAL enable_seqscan = off;
SELECT matches(pg_temp.plan_of($$SELECT id FROM public.codes_t WHERE ls OPERATOR(careleaver.=) 'C2'$$),
               'Index Cond: \(ls OPERATOR\(careleaver\.=\) ''C2''', 'the index on a code column serves OPERATOR(careleaver.=)');
SELECT matches(pg_temp.plan_of($$SELECT id FROM public.codes_t WHERE ls = 'C2'$$),
               'Filter: \(\(ls\)::text = ''C2''::text\)', 'without careleaver on the path, ls = ''C2'' compares text');
SET LOCAL search_path = careleaver, "$user", public;
SELECT matches(pg_temp.plan_of($$SELECT id FROM public.codes_t WHERE ls = 'C2'$$),
               'Index Cond: \(ls = ''C2''::legal_status\)', 'careleaver first: ls = ''C2'' is the typed operator and uses the index');
SELECT matches(pg_temp.plan_of($$SELECT id FROM public.codes_t WHERE ls < 'V2'$$),
               'Index Cond: \(ls < ''V2''::legal_status\)', 'careleaver first: ls < ''V2'' is typed (DfE order) and uses the index');
SELECT is((SELECT count(*) FROM public.codes_t WHERE ls < 'V2'), 2400::bigint, 'careleaver first: ls < ''V2'' in DfE order');
RESET enable_seqscan;
SET LOCAL enable_nestloop = off;
SET LOCAL enable_mergejoin = off;
SELECT matches(pg_temp.plan_of($$SELECT count(*) FROM public.codes_t t JOIN careleaver.code_list l ON l.code = t.ls$$),
               'Hash Join', 'careleaver first: a code column = a text column hash-joins');
RESET enable_nestloop;
RESET enable_mergejoin;
SELECT is((SELECT count(*) FROM public.codes_t WHERE ls = note), 600::bigint, 'careleaver first: code = text as text');
SELECT is((SELECT count(*) FROM public.codes_t WHERE rec LIKE 'E4%'), 3000::bigint, 'careleaver first: LIKE');

-- every operator between a code and text agrees with text's own, for every
-- code of every list against spellings, other cases and non-codes
CREATE TEMP TABLE probe_text (t text);
INSERT INTO probe_text VALUES ('C2'), ('c2'), (' C2'), ('E4A'), ('E4%'), ('%1'), ('_2'), ('0'), ('Z'), (''), ('ZZZ'), ('b1'), ('U_');
CREATE FUNCTION pg_temp.disagreements(typ text) RETURNS bigint LANGUAGE plpgsql AS $f$
DECLARE
  n bigint;
BEGIN
  EXECUTE format($q$
    SELECT count(*) FROM careleaver.code_list c CROSS JOIN probe_text p, LATERAL (SELECT c.code::%1$s AS v) x
     WHERE c.list_name = %2$L AND (
           (x.v OPERATOR(careleaver.=) p.t) IS DISTINCT FROM (c.code = p.t)
        OR (p.t OPERATOR(careleaver.=) x.v) IS DISTINCT FROM (p.t = c.code)
        OR (x.v OPERATOR(careleaver.<>) p.t) IS DISTINCT FROM (c.code <> p.t)
        OR (x.v OPERATOR(careleaver.<) p.t) IS DISTINCT FROM (c.code < p.t)
        OR (p.t OPERATOR(careleaver.<) x.v) IS DISTINCT FROM (p.t < c.code)
        OR (x.v OPERATOR(careleaver.<=) p.t) IS DISTINCT FROM (c.code <= p.t)
        OR (x.v OPERATOR(careleaver.>) p.t) IS DISTINCT FROM (c.code > p.t)
        OR (p.t OPERATOR(careleaver.>=) x.v) IS DISTINCT FROM (p.t >= c.code)
        OR (x.v OPERATOR(careleaver.~~) p.t) IS DISTINCT FROM (c.code LIKE p.t)
        OR (x.v OPERATOR(careleaver.!~~) p.t) IS DISTINCT FROM (c.code NOT LIKE p.t)
        OR (x.v OPERATOR(careleaver.~~*) p.t) IS DISTINCT FROM (c.code ILIKE p.t)
        OR (x.v OPERATOR(careleaver.!~~*) p.t) IS DISTINCT FROM (c.code NOT ILIKE p.t)
        OR careleaver.%3$I(x.v) IS DISTINCT FROM hashtext(c.code))$q$,
    'careleaver.' || typ, typ, typ || '_hash_text') INTO n;
  RETURN n;
END;
$f$;
SELECT is((SELECT sum(pg_temp.disagreements(l)) FROM (SELECT DISTINCT list_name FROM careleaver.code_list) x(l)),
          0::numeric, 'operators between every code and text agree with text''s own (and hash as text)');

-- ---------------------------------------------------------------- a hostile role
-- A role that may create in public defines = and LIKE for the code types
-- there; a careleaver-first path never reaches them.
CREATE ROLE careleaver_hostile_t;
GRANT CREATE, USAGE ON SCHEMA public TO careleaver_hostile_t;
SET LOCAL ROLE careleaver_hostile_t;
CREATE FUNCTION public.hostile(careleaver.legal_status, careleaver.legal_status) RETURNS boolean
  LANGUAGE plpgsql AS $f$BEGIN RAISE EXCEPTION 'captured'; END$f$;
CREATE FUNCTION public.hostile(careleaver.legal_status, text) RETURNS boolean
  LANGUAGE plpgsql AS $f$BEGIN RAISE EXCEPTION 'captured'; END$f$;
CREATE FUNCTION public.hostile(careleaver.ceased_reason, text) RETURNS boolean
  LANGUAGE plpgsql AS $f$BEGIN RAISE EXCEPTION 'captured'; END$f$;
CREATE OPERATOR public.= (LEFTARG = careleaver.legal_status, RIGHTARG = careleaver.legal_status, FUNCTION = public.hostile);
CREATE OPERATOR public.= (LEFTARG = careleaver.legal_status, RIGHTARG = text, FUNCTION = public.hostile);
CREATE OPERATOR public.< (LEFTARG = careleaver.legal_status, RIGHTARG = text, FUNCTION = public.hostile);
CREATE OPERATOR public.~~ (LEFTARG = careleaver.ceased_reason, RIGHTARG = text, FUNCTION = public.hostile);
RESET ROLE;
SET LOCAL search_path = careleaver, "$user", public;
SELECT lives_ok($$SELECT count(*) FROM public.codes_t WHERE ls = 'C2'$$, 'careleaver first: ls = ''C2'' is not captured');
SELECT lives_ok($$SELECT count(*) FROM public.codes_t WHERE ls = note$$, 'careleaver first: ls = a text column is not captured');
SELECT lives_ok($$SELECT count(*) FROM public.codes_t WHERE ls < note$$, 'careleaver first: ls < a text column is not captured');
SELECT lives_ok($$SELECT count(*) FROM public.codes_t WHERE rec LIKE 'E4%'$$, 'careleaver first: rec LIKE ''E4%'' is not captured');
SELECT is((SELECT count(*) FROM public.codes_t WHERE ls = 'C2' AND rec LIKE 'E4%'), 600::bigint, 'careleaver first: right answers');
-- why the docs never put a schema others can write ahead of careleaver
SET LOCAL search_path = "$user", public, careleaver;
SELECT throws_ok($$SELECT count(*) FROM public.codes_t WHERE ls = 'C2'$$, 'P0001', 'captured',
                 'public ahead of careleaver: the hostile operator runs');
SET LOCAL search_path = "$user", public;

-- ---------------------------------------------------------------- DfE definitions
SELECT is((SELECT array_agg(careleaver.is_suitable(c::careleaver.leaver_accommodation) IS NULL ORDER BY c)
             FROM unnest(ARRAY['G1', 'G2', 'H1', 'H2', 'R1', 'R2']) c),
          ARRAY[true, true, true, true, true, true], 'is_suitable is NULL for G1, G2, H1, H2, R1, R2 (out of DfE''s measure)');
SELECT is(ARRAY[careleaver.is_suitable('B1'), careleaver.is_suitable('B2'), careleaver.is_suitable('Z1'),
                careleaver.is_suitable('0')], ARRAY[true, false, true, NULL], 'is_suitable for other codes unchanged');
SELECT is((SELECT count(*) FILTER (WHERE careleaver.is_suitable(accom)) || ' of ' ||
                  count(careleaver.is_suitable(accom)) FROM public.codes_t), '858 of 2572',
          'suitable of the suitability total: G, H, R and 0 are in neither');

-- DfE's published placement breakdown (la_cla_on_31_march_by_characteristics,
-- characteristic "Placement"), spelled out here independently of codes.c
CREATE TEMP TABLE expected_group (code text, grp text);
INSERT INTO expected_group
SELECT unnest(codes), grp FROM (VALUES
  ('{U1,U2,U3,U4,U5,U6}'::text[], 'Foster placements'),
  ('{A3,A4,A5,A6}', 'Placed for adoption'),
  ('{P1}', 'Placed with parents or other person with parental responsibility'),
  ('{H5,P2,K3}', 'Independent and semi-independent living arrangements/supported accommodation'),
  ('{K1,K2}', 'Secure homes and children''s homes'),
  ('{R1,R2,R3,R5}', 'Other residential settings'),
  ('{S1}', 'Residential schools'),
  ('{P3,T0,T1,T2,T3,T4,Z1,Z11,Z12,Z13,Z14}', 'Other placements')) v(codes, grp);
SELECT is((SELECT count(*) FROM careleaver.code_list c LEFT JOIN expected_group e ON e.code = c.code
            WHERE c.list_name = 'placement_type'
              AND careleaver.dfe_placement_group(c.code::careleaver.placement_type) IS DISTINCT FROM e.grp),
          0::bigint, 'dfe_placement_group: every PLACE code in DfE''s published group, DfE''s labels');
SELECT is((SELECT array_agg(c.code ORDER BY c.list_order) FROM careleaver.code_list c
            WHERE c.list_name = 'placement_type' AND careleaver.is_kinship_foster_placement(c.code::careleaver.placement_type)),
          '{U1,U2,U3}'::text[], 'kinship foster care: U1 to U3');
SELECT is(careleaver.placement_group('P2'), 'Other placements in the community', 'placement_group keeps its 0.1.0 groups');

SELECT * FROM finish();
ROLLBACK;
