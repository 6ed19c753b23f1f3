-- SSDA903 code types: every code of every list round-trips through text,
-- binary COPY and indexed tables; ordering, DISTINCT, GROUP BY, hash and merge
-- joins work; bad codes fail with 22P02; labels, years and groupings.
BEGIN;
-- careleaver first on the path, so that the typed operators (DfE order) are
-- chosen; 11_codes_text.sql tests the default path (doc/codes.md).
SET LOCAL search_path = careleaver, public;
SELECT plan(10 * 18 + 56);

-- The code lists, spelled out here independently of codes.c, in DfE list order.
CREATE TEMP TABLE expected_lists (list_name text, field text, codes text[]);
INSERT INTO expected_lists VALUES
  ('legal_status', 'LS', '{C1,C2,D1,E1,V2,V3,V4,L1,L2,L3,J1,J2,J3}'),
  ('new_episode_reason', 'RNE', '{S,L,P,T,B,U}'),
  ('placement_type', 'PLACE', '{A3,A4,A5,A6,H5,K1,K2,K3,P1,P2,P3,R1,R2,R3,R5,S1,T0,T1,T2,T3,T4,U1,U2,U3,U4,U5,U6,Z1,Z11,Z12,Z13,Z14}'),
  ('ceased_reason', 'REC', '{X1,E11,E12,E2,E3,E4A,E4B,E13,E41,E45,E46,E47,E48,E43,E44,E5,E6,E7,E9,E14,E15,E16,E17,E8}'),
  ('need_category', 'CIN', '{N1,N2,N3,N4,N5,N6,N7,N8}'),
  ('placement_provider', 'PLACE_PROVIDER', '{PR0,PR1,PR2,PR3,PR4,PR5}'),
  ('placement_change_reason', 'REASON_PLACE_CHANGE', '{CARPL,CLOSE,ALLEG,STAND,APPRR,CREQB,CREQO,CHILD,LAREQ,PLACE,CUSTOD,OTHER}'),
  ('contact_status', 'IN_TOUCH', '{YES,NO,DIED,REFU,NREQ,RHOM}'),
  ('leaver_activity', 'ACTIV', '{F1,P1,F2,P2,F3,P3,F4,P4,F5,P5,G4,G5,G6,0}'),
  ('leaver_accommodation', 'ACCOM', '{0,B1,B2,C1,C2,D1,D2,E1,E2,G1,G2,H1,H2,K1,K2,R1,R2,S1,S2,T1,T2,U1,U2,V1,V2,W1,W2,X1,X2,Y1,Y2,Z1,Z2}');

-- 17 tests for one type.
CREATE FUNCTION pg_temp.check_code_type(t text, field text, codes text[], bad text)
RETURNS SETOF text LANGUAGE plpgsql AS $f$
DECLARE
  n int := cardinality(codes);
  typ text := format('careleaver.%I', t);
  got text[];
  k bigint;
  k2 bigint;
  plan_text text;
  r record;
  -- relative: the server runs COPY programs in its data directory
  copyfile text := format('careleaver_codes_%s_%s.bin', pg_backend_pid(), t);
BEGIN
  -- the view lists exactly these codes, in this order, with labels
  RETURN NEXT is((SELECT array_agg(code ORDER BY list_order) FROM careleaver.code_list c
                   WHERE c.list_name = t AND c.field = check_code_type.field), codes,
                 t || ': code_list has every code in DfE order');

  -- text: lower case, padded input reads as the DfE spelling
  EXECUTE format('SELECT array_agg((%L || lower(c) || %L)::%s::text ORDER BY o)
                    FROM unnest($1) WITH ORDINALITY u(c, o)', E' \t', E'\n ', typ)
    INTO got USING codes;
  RETURN NEXT is(got, codes, t || ': every code round-trips through text (trimmed, any case)');

  -- labels
  EXECUTE format('SELECT count(*) FROM unnest($1) c WHERE coalesce(careleaver.label(c::%s), '''') = ''''', typ)
    INTO k USING codes;
  RETURN NEXT is(k, 0::bigint, t || ': every code has a label');

  -- send is the code's text
  EXECUTE format('SELECT count(*) FROM unnest($1) c WHERE %s_send(c::%s) <> convert_to(c, ''UTF8'')', typ, typ)
    INTO k USING codes;
  RETURN NEXT is(k, 0::bigint, t || ': binary send of every code is its text');

  -- a table with every code (reversed), a btree-indexed copy and a hash-indexed copy
  EXECUTE format('CREATE TEMP TABLE ct (v %s, o int)', typ);
  EXECUTE format('INSERT INTO ct SELECT c::%s, o FROM unnest($1) WITH ORDINALITY u(c, o) ORDER BY o DESC', typ)
    USING codes;
  EXECUTE format('CREATE TEMP TABLE cb (v %s)', typ);
  EXECUTE format('CREATE TEMP TABLE ch (v %s)', typ);
  INSERT INTO cb SELECT v FROM ct;
  INSERT INTO ch SELECT v FROM ct;
  CREATE INDEX ON cb USING btree (v);
  CREATE INDEX ON ch USING hash (v);
  ANALYZE ct; ANALYZE cb; ANALYZE ch;

  -- binary COPY out and back in
  EXECUTE format('COPY (SELECT v FROM ct ORDER BY o) TO PROGRAM %L (FORMAT binary)', 'cat > ' || copyfile);
  EXECUTE format('CREATE TEMP TABLE cbin (v %s)', typ);
  EXECUTE format('COPY cbin FROM PROGRAM %L (FORMAT binary)', 'cat ' || copyfile || '; rm -f ' || copyfile);
  SELECT array_agg(v::text) INTO got FROM cbin;
  RETURN NEXT is(got, codes, t || ': every code round-trips through COPY (FORMAT binary)');

  -- the binary form is the text: a binary COPY of text values reads as codes
  EXECUTE format('COPY (SELECT lower(c) FROM unnest(%L::text[]) c) TO PROGRAM %L (FORMAT binary)',
                 codes, 'cat > ' || copyfile);
  TRUNCATE cbin;
  EXECUTE format('COPY cbin FROM PROGRAM %L (FORMAT binary)', 'cat ' || copyfile || '; rm -f ' || copyfile);
  SELECT array_agg(v::text) INTO got FROM cbin;
  RETURN NEXT is(got, codes, t || ': binary COPY of text codes (lower case) reads as the codes');

  -- binary recv validates
  EXECUTE format('COPY (SELECT %L::text) TO PROGRAM %L (FORMAT binary)', bad, 'cat > ' || copyfile);
  RETURN NEXT throws_ok(format('COPY cbin FROM PROGRAM %L (FORMAT binary)', 'cat ' || copyfile || '; rm -f ' || copyfile),
                        '22P03', format('invalid binary value for type %s: "%s"', typ, bad),
                        t || ': binary recv rejects a bad code');
  DROP TABLE cbin;

  -- ORDER BY follows the DfE list, ascending and descending
  SELECT array_agg(v::text ORDER BY v) INTO got FROM ct;
  RETURN NEXT is(got, codes, t || ': ORDER BY gives DfE list order');
  SELECT array_agg(v::text ORDER BY v DESC) INTO got FROM ct;
  RETURN NEXT is(got, (SELECT array_agg(c ORDER BY o DESC) FROM unnest(codes) WITH ORDINALITY u(c, o)),
                 t || ': ORDER BY DESC reverses it');

  -- btree index: equality finds each code, index order is list order, range scans
  SET LOCAL enable_seqscan = off;
  SET LOCAL enable_bitmapscan = off;
  EXECUTE format('EXPLAIN (COSTS OFF) SELECT * FROM cb WHERE v = %L::%s', codes[1], typ) INTO plan_text;
  EXECUTE format('SELECT count(*) FROM unnest($1) c WHERE (SELECT count(*) FROM cb WHERE cb.v = c::%s) = 1', typ)
    INTO k USING codes;
  RETURN NEXT ok(k = n AND plan_text ~ 'Index', t || ': btree index scan finds every code (' || plan_text || ')');
  SELECT array_agg(v::text) INTO got FROM (SELECT v FROM cb ORDER BY v) s;
  RETURN NEXT is(got, codes, t || ': btree index returns the codes in list order');
  EXECUTE format('SELECT count(*) FROM cb WHERE v >= %L::%s AND v < %L::%s', codes[2], typ, codes[n], typ) INTO k;
  RETURN NEXT is(k, (n - 2)::bigint, t || ': btree range scan');

  -- hash index
  EXECUTE format('EXPLAIN (COSTS OFF) SELECT * FROM ch WHERE v = %L::%s', codes[n], typ) INTO plan_text;
  EXECUTE format('SELECT count(*) FROM unnest($1) c WHERE (SELECT count(*) FROM ch WHERE ch.v = c::%s) = 1', typ)
    INTO k USING codes;
  RETURN NEXT ok(k = n AND plan_text ~ 'Index Scan using .*ch_v_idx', t || ': hash index scan finds every code (' || plan_text || ')');
  RESET enable_seqscan;
  RESET enable_bitmapscan;

  -- DISTINCT and GROUP BY, hashed and sorted
  SET LOCAL enable_sort = off;
  SELECT count(*) INTO k FROM (SELECT DISTINCT v FROM (SELECT v FROM ct UNION ALL SELECT v FROM ct) s) d;
  RESET enable_sort;
  SET LOCAL enable_hashagg = off;
  SELECT count(*) INTO k2 FROM (SELECT v, count(*) FROM (SELECT v FROM ct UNION ALL SELECT v FROM ct) s
                                 GROUP BY v HAVING count(*) = 2) g;
  RESET enable_hashagg;
  RETURN NEXT ok(k = n AND k2 = n, t || ': DISTINCT (hashed) and GROUP BY (sorted) find every code once');

  -- hash join and merge join
  SET LOCAL enable_nestloop = off;
  SET LOCAL enable_mergejoin = off;
  plan_text := '';
  FOR r IN EXPLAIN (COSTS OFF) SELECT count(*) FROM cb JOIN ch USING (v) LOOP
    plan_text := plan_text || ' ' || r."QUERY PLAN";
  END LOOP;
  SELECT count(*) INTO k FROM cb JOIN ch USING (v);
  RETURN NEXT ok(k = n AND plan_text ~ 'Hash Join', t || ': hash join matches every code');
  RESET enable_mergejoin;
  SET LOCAL enable_hashjoin = off;
  plan_text := '';
  FOR r IN EXPLAIN (COSTS OFF) SELECT count(*) FROM ct JOIN ch USING (v) LOOP
    plan_text := plan_text || ' ' || r."QUERY PLAN";
  END LOOP;
  SELECT count(*) INTO k FROM ct JOIN ch USING (v);
  RETURN NEXT ok(k = n AND plan_text ~ 'Merge Join', t || ': merge join matches every code');
  RESET enable_hashjoin;
  RESET enable_nestloop;

  -- bad input
  RETURN NEXT throws_ok(format('SELECT %L::%s', bad, typ), '22P02',
                        format('invalid input value for type %s: "%s"', typ, bad),
                        t || ': a bad code fails with 22P02');
  RETURN NEXT throws_ok(format('SELECT %L::%s', '', typ), '22P02',
                        format('invalid input value for type %s: ""', typ),
                        t || ': an empty string fails with 22P02');

  DROP TABLE ct; DROP TABLE cb; DROP TABLE ch;
END
$f$;

SELECT pg_temp.check_code_type(list_name, field, codes,
         CASE list_name WHEN 'leaver_accommodation' THEN '00' WHEN 'ceased_reason' THEN 'E99'
                        WHEN 'placement_change_reason' THEN 'LIIAF' ELSE 'Q9' END)
  FROM expected_lists ORDER BY list_name;

-- the view covers these lists only
SELECT set_eq('SELECT DISTINCT list_name, field FROM careleaver.code_list',
              'SELECT list_name, field FROM expected_lists', 'code_list has exactly the ten lists');

-- hints
SELECT throws_like($$SELECT 'Z15'::careleaver.placement_type$$, '%Z15%', 'a bad placement names the value');

-- years (reference 3.6), as data in the view and through valid_in_year
SELECT is((SELECT array_agg(code || ':' || coalesce(first_year::text, '-') || ':' || coalesce(last_year::text, '-')
                             ORDER BY list_name, list_order)
             FROM careleaver.code_list WHERE first_year IS NOT NULL OR last_year IS NOT NULL),
          '{E45:2019:-,E46:2019:-,E47:2019:-,E48:2019:-,E43:-:2018,E44:-:2018,F3:-:2021,P3:-:2021,F4:2022:-,P4:2022:-,F5:2022:-,P5:2022:-,CUSTOD:2019:-,H5:-:2025,K3:2025:-,P2:-:2025,Z1:-:2025,Z11:2026:-,Z12:2026:-,Z13:2026:-,Z14:2026:-}'::text[],
          'the codes with year bounds, and their bounds');
SELECT is((SELECT array_agg(code ORDER BY list_order) FROM careleaver.code_list WHERE NOT accepted_in_returns),
          '{S1,X1}'::text[], 'ACCOM S1 and X1 are read but never accepted');
SELECT ok(careleaver.valid_in_year('E43'::careleaver.ceased_reason, 2018), 'E43 valid in 2017-18');
SELECT ok(NOT careleaver.valid_in_year('E43'::careleaver.ceased_reason, 2019), 'E43 not valid in 2018-19');
SELECT ok(careleaver.valid_in_year('E45'::careleaver.ceased_reason, 2019), 'E45 valid in 2018-19');
SELECT ok(NOT careleaver.valid_in_year('CUSTOD'::careleaver.placement_change_reason, 2018), 'CUSTOD not valid in 2017-18');
SELECT ok(NOT careleaver.valid_in_year('F3'::careleaver.leaver_activity, 2022), 'F3 not valid in 2021-22');
SELECT ok(careleaver.valid_in_year('F4'::careleaver.leaver_activity, 2022), 'F4 valid in 2021-22');
SELECT ok(careleaver.valid_in_year('P2'::careleaver.placement_type, 2025)
          AND NOT careleaver.valid_in_year('P2'::careleaver.placement_type, 2026), 'P2 last valid in 2024-25');
SELECT ok(NOT careleaver.valid_in_year('K3'::careleaver.placement_type, 2024), 'K3 not valid in 2023-24');
SELECT ok(NOT careleaver.valid_in_year('Z1'::careleaver.placement_type, 2026)
          AND careleaver.valid_in_year('Z11'::careleaver.placement_type, 2026), 'Z1 replaced by Z11 in 2025-26');
SELECT ok(NOT careleaver.valid_in_year('S1'::careleaver.leaver_accommodation, 2020)
          AND careleaver.valid_in_year('S2'::careleaver.leaver_accommodation, 2020), 'S1 never valid, S2 valid');
SELECT ok(careleaver.valid_in_year('C2'::careleaver.legal_status, 1995), 'C2 has no year bound');

-- groupings
SELECT is((SELECT array_agg(c ORDER BY c) FROM unnest('{C1,C2,D1,E1,V2,V3,V4,L1,L2,L3,J1,J2,J3}'::text[]) c
            WHERE careleaver.is_short_break(c::careleaver.legal_status)), '{V3,V4}'::text[], 'short breaks: V3, V4');
SELECT is(careleaver.legal_status_group('c1'), 'Care orders', 'C1 is a care order');
SELECT is(careleaver.legal_status_group('J2'), 'Youth justice legal statuses', 'J2 group');
SELECT is(careleaver.legal_status_group('D1'), 'Placement order granted', 'D1 group');
SELECT is(careleaver.placement_group('U5'), 'Foster placements', 'U5 is a foster placement');
SELECT is(careleaver.placement_group('A3'), 'Placed for adoption', 'A3 group');
SELECT is(careleaver.placement_group('K3'), 'Semi-independent living and supported accommodation', 'K3 group (choice)');
SELECT is(careleaver.placement_group('P2'), 'Other placements in the community', 'P2 group');
SELECT is(careleaver.placement_group('Z12'), 'Other placements', 'Z12 group');
SELECT is((SELECT array_agg(code ORDER BY list_order) FROM careleaver.code_list
            WHERE list_name = 'placement_type' AND careleaver.is_temporary_placement(code::careleaver.placement_type)),
          '{T0,T1,T2,T3,T4}'::text[], 'temporary placements: T0..T4');
SELECT is((SELECT array_agg(code ORDER BY list_order) FROM careleaver.code_list
            WHERE list_name = 'new_episode_reason' AND careleaver.starts_placement(code::careleaver.new_episode_reason)),
          '{S,P,T,B,U}'::text[], 'placements start at S, P, T, B, U');
SELECT is((SELECT array_agg(code ORDER BY list_order) FROM careleaver.code_list
            WHERE list_name = 'new_episode_reason' AND careleaver.starts_carer_spell(code::careleaver.new_episode_reason)),
          '{S,P,B}'::text[], 'carer spells start at S, P, B');
SELECT is(careleaver.ceased_reason_group('E4B'), 'Returned home to live with parents or relatives', 'E4B returned home');
SELECT is(careleaver.ceased_reason_group('E12'), 'Adopted', 'E12 adopted');
SELECT is(careleaver.ceased_reason_group('E47'), 'Special guardianship order', 'E47 SGO');
SELECT is(careleaver.ceased_reason_group('E41'), 'Residence order or child arrangements order', 'E41 CAO');
SELECT is(careleaver.ceased_reason_group('E5'), 'Moved into independent living', 'E5 independent living');
SELECT is((SELECT array_agg(code ORDER BY list_order) FROM careleaver.code_list
            WHERE list_name = 'ceased_reason' AND careleaver.is_special_guardianship_order(code::careleaver.ceased_reason)),
          '{E45,E46,E47,E48,E43,E44}'::text[], 'SGO: E43..E48');
SELECT ok(careleaver.is_adoption('E11') AND NOT careleaver.is_adoption('E4A'), 'is_adoption');
SELECT ok(careleaver.is_returned_home('e4a') AND NOT careleaver.is_returned_home('E13'), 'is_returned_home');
SELECT ok(careleaver.is_family_exit('E13') AND NOT careleaver.is_family_exit('E5'), 'is_family_exit');
SELECT is((SELECT string_agg(code || '=' || careleaver.activity_group(code::careleaver.leaver_activity), ' ' ORDER BY list_order)
             FROM careleaver.code_list WHERE list_name = 'leaver_activity'),
          'F1=EET P1=EET F2=EET P2=EET F3=EET P3=EET F4=EET P4=EET F5=EET P5=EET G4=NEET G5=NEET G6=NEET 0=not known',
          'activity groups');
SELECT ok(careleaver.is_higher_education('P1') AND NOT careleaver.is_higher_education('F2'), 'higher education');
SELECT ok(careleaver.is_apprenticeship('F4') AND NOT careleaver.is_apprenticeship('F5'), 'apprenticeship');
SELECT is(careleaver.accommodation_type('z2'), 'Z', 'accommodation type of Z2 is Z');
SELECT is(careleaver.accommodation_type('0'), NULL, 'accommodation type of 0 is NULL');
SELECT is(careleaver.accommodation_type_label('E1'), 'Supported lodgings', 'E1 is supported lodgings');
SELECT is(careleaver.is_suitable('U1'), true, 'U1 suitable');
SELECT is(careleaver.is_suitable('U2'), false, 'U2 unsuitable');
SELECT is(careleaver.is_suitable('0'), NULL, '0: suitability unknown');
SELECT is((SELECT array_agg(code ORDER BY list_order) FROM careleaver.code_list
            WHERE list_name = 'leaver_accommodation'
              AND careleaver.is_homeless_or_insecure(code::careleaver.leaver_accommodation)),
          '{S1,S2,V1,V2,W1,W2}'::text[], 'homeless or insecure: S, V, W');
SELECT is(careleaver.label('REFU'::careleaver.contact_status), 'Young person refuses contact', 'REFU label');

-- every function on codes is IMMUTABLE, STRICT and PARALLEL SAFE
CREATE TEMP VIEW code_functions AS
  SELECT p.* FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE n.nspname = 'careleaver' AND p.prokind = 'f'
     AND (p.proname ~ ('^(' || (SELECT string_agg(list_name, '|') FROM expected_lists) || ')_')
          OR p.proname IN ('label', 'valid_in_year', 'code_list_rows', 'is_short_break', 'legal_status_group',
                           'placement_group', 'is_temporary_placement', 'starts_placement', 'starts_carer_spell',
                           'ceased_reason_group', 'is_adoption', 'is_special_guardianship_order', 'is_returned_home',
                           'is_family_exit', 'activity_group', 'is_higher_education', 'is_apprenticeship',
                           'accommodation_type', 'accommodation_type_label', 'is_suitable',
                           'is_homeless_or_insecure', 'dfe_placement_group', 'is_kinship_foster_placement',
                           'code_label', 'code_valid_in_year')
          OR p.proname ~ ('^text_(eq|ne|lt|le|gt|ge)_(' || (SELECT string_agg(list_name, '|') FROM expected_lists) || ')$'));
SELECT is((SELECT count(*)::int FROM code_functions), 10 * 33 + 20 + 3 + 1,
          'the code functions are all there (33 per type, 20 groupings, label(text), code_label, code_valid_in_year, code_list_rows)');
SELECT is((SELECT count(*)::int FROM code_functions p
            WHERE p.proname <> 'code_list_rows'
              AND NOT (p.provolatile = 'i' AND p.proisstrict AND p.proparallel = 's')), 0,
          'code functions are IMMUTABLE STRICT PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = 'careleaver' AND t.typname IN (SELECT list_name FROM expected_lists)
              AND t.typlen = 2 AND t.typbyval AND t.typalign = 's'), 10,
          'the ten types are 2-byte, pass-by-value, int2-aligned');
SELECT is((SELECT count(*)::int FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = 'careleaver' AND t.typname IN (SELECT list_name FROM expected_lists)
              AND obj_description(t.oid, 'pg_type') IS NOT NULL), 10, 'every code type has a comment');
SELECT is((SELECT count(*)::int FROM code_functions p WHERE obj_description(p.oid, 'pg_proc') IS NULL),
          0, 'every code function has a comment');
SELECT is((SELECT count(*)::int FROM code_functions p
            WHERE p.proname = 'code_list_rows' AND p.provolatile = 'i' AND p.proparallel = 's'), 1,
          'code_list_rows is IMMUTABLE PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
            WHERE n.nspname = 'careleaver' AND o.oprleft IN (SELECT ('careleaver.' || list_name)::regtype FROM expected_lists)
              AND o.oprright = o.oprleft
              AND obj_description(o.oid, 'pg_operator') IS NOT NULL
              AND o.oprcom <> 0 AND o.oprnegate <> 0 AND o.oprrest <> 0 AND o.oprjoin <> 0
              AND (o.oprname <> '=' OR (o.oprcanhash AND o.oprcanmerge))), 60,
          'sixty operators, commented, with commutator, negator, estimators; = hashes and merges');
SELECT is((SELECT count(*)::int FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
            WHERE n.nspname = 'careleaver'
              AND ((o.oprleft IN (SELECT ('careleaver.' || list_name)::regtype FROM expected_lists) AND o.oprright = 'text'::regtype)
                   OR (o.oprright IN (SELECT ('careleaver.' || list_name)::regtype FROM expected_lists) AND o.oprleft = 'text'::regtype))
              AND obj_description(o.oid, 'pg_operator') IS NOT NULL
              AND o.oprnegate <> 0 AND o.oprrest <> 0 AND o.oprjoin <> 0
              AND (o.oprcom <> 0 OR o.oprname LIKE '%~~%')
              AND (o.oprname <> '=' OR o.oprcanhash)), 160,
          '160 operators between a code and text (6 comparisons each way, 4 LIKE), commented; = hashes');
SELECT is((SELECT count(*)::int FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
            WHERE c.oid = 'careleaver.code_list'::regclass AND col_description(c.oid, a.attnum) IS NOT NULL), 9,
          'every column of code_list has a comment');

SELECT * FROM finish();
ROLLBACK;
