-- The rules of the registry added in issue 14, each on a hand-worked pair of children: r<code>y must be
-- flagged by the rule, r<code>n (the same situation, just inside the rule) must not.  Children of other
-- rules' pairs are ignored for a rule, so that each pair tests its rule alone.
BEGIN;
SELECT plan(99);

-- the set-up's own output is not TAP
\o /dev/null
SELECT careleaver.create_dataset('rt');
CREATE TEMP SEQUENCE line_no;

-- one row of each module, with defaults that break no rule
CREATE FUNCTION pg_temp.ep(child text, decom date, rne text DEFAULT 'S', ls text DEFAULT 'C2', place text DEFAULT 'U1',
                           prov text DEFAULT 'PR1', ended date DEFAULT NULL, rec text DEFAULT NULL, cin text DEFAULT 'N1',
                           rpc text DEFAULT NULL, home text DEFAULT 'AB1 1AA', pl text DEFAULT 'AB2 2AA',
                           urn text DEFAULT 'SC123456', year integer DEFAULT 2024)
RETURNS integer LANGUAGE sql AS $$
  INSERT INTO rt.return_episodes (la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec,
                                  reason_place_change, home_post, pl_post, urn, source_file, source_line)
  VALUES ('213', year, child, decom, rne::careleaver.new_episode_reason, ls::careleaver.legal_status,
          cin::careleaver.need_category, place::careleaver.placement_type, prov::careleaver.placement_provider,
          ended, rec::careleaver.ceased_reason, rpc::careleaver.placement_change_reason, home, pl, urn,
          'episodes.csv', nextval('line_no'))
  RETURNING source_line $$;
CREATE FUNCTION pg_temp.hd(child text, dob date DEFAULT '2010-05-01', sex text DEFAULT '1', ethnic text DEFAULT 'WBRI',
                           upn text DEFAULT 'A123456789012', mother smallint DEFAULT NULL, mc_dob date DEFAULT NULL,
                           year integer DEFAULT 2024)
RETURNS integer LANGUAGE sql AS $$
  INSERT INTO rt.return_header (la, year, child, sex, dob, ethnic, upn, mother, mc_dob, source_file, source_line)
  VALUES ('213', year, child, sex, dob, ethnic, upn, mother, mc_dob, 'header.csv', nextval('line_no'))
  RETURNING source_line $$;
CREATE FUNCTION pg_temp.oc3(child text, dob date, touch text DEFAULT 'YES', activ text DEFAULT 'F2',
                            accom text DEFAULT 'B1', year integer DEFAULT 2024)
RETURNS integer LANGUAGE sql AS $$
  INSERT INTO rt.return_oc3 (la, year, child, dob, in_touch, activ, accom, source_file, source_line)
  VALUES ('213', year, child, dob, touch::careleaver.contact_status, activ::careleaver.leaver_activity,
          accom::careleaver.leaver_accommodation, 'oc3.csv', nextval('line_no'))
  RETURNING source_line $$;
-- a value the loader could not read, kept as a blank cell with the value in rejects (as the conformance
-- loading does)
CREATE FUNCTION pg_temp.rej(file text, line integer, col text, val text, year integer DEFAULT 2024)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO rt.rejects (la, year, source_file, source_line, column_name, value, reason)
  VALUES ('213', year, file, line, col, val, 'hand-worked') $$;
-- the children of a rule's pair that the rule flags
-- (validate runs once per year, into pg_temp.found, before the assertions)
CREATE TEMP TABLE found (year integer, rule_code text, child text);
CREATE FUNCTION pg_temp.flagged(code text, year integer DEFAULT 2024) RETURNS text[] LANGUAGE sql AS $$
  SELECT coalesce(array_agg(DISTINCT v.child ORDER BY v.child), '{}')
    FROM pg_temp.found v
   WHERE v.year = flagged.year AND v.rule_code = code AND v.child LIKE 'r' || code || '_' $$;

-- ---------------------------------------------------------------- episode codes (2024)
-- 143-145, 149: a value of the list not valid in the year (REC E45 before 2018-19) or one the loader could
-- not read; 146: PLACE K3 before 2024-25
SELECT pg_temp.rej('episodes.csv', pg_temp.ep('r143y', '2023-05-01', rne => NULL), 'RNE', 'Q');
SELECT pg_temp.ep('r143n', '2023-05-01', rne => 'S');
SELECT pg_temp.rej('episodes.csv', pg_temp.ep('r144y', '2023-05-01', ls => NULL), 'LS', 'Z9');
SELECT pg_temp.ep('r144n', '2023-05-01', ls => NULL);
SELECT pg_temp.rej('episodes.csv', pg_temp.ep('r145y', '2023-05-01', cin => NULL), 'CIN', 'N9');
SELECT pg_temp.ep('r145n', '2023-05-01', cin => 'N8');
SELECT pg_temp.ep('r146y', '2023-05-01', place => 'K3', prov => 'PR1');
SELECT pg_temp.ep('r146n', '2023-05-01', place => 'K2', prov => 'PR1');
SELECT pg_temp.ep('r149y', '2017-05-01', ended => '2018-01-01', rec => 'E45', year => 2018);
SELECT pg_temp.ep('r149n', '2017-05-01', ended => '2018-01-01', rec => 'E43', year => 2018);
SELECT pg_temp.rej('episodes.csv', pg_temp.ep('r141y', NULL), 'DECOM', '31/02/2023');
SELECT pg_temp.ep('r141n', '2023-05-01');
SELECT pg_temp.rej('episodes.csv', pg_temp.ep('r147y', '2023-05-01'), 'DEC', '2023-13-01');
SELECT pg_temp.ep('r147n', '2023-05-01', ended => '2023-06-01', rec => 'E8');
SELECT pg_temp.ep('r148y', '2023-05-01', ended => '2023-06-01', rec => NULL);
SELECT pg_temp.ep('r148n', '2023-05-01', ended => '2023-06-01', rec => 'E8');
SELECT pg_temp.ep('r178y', '2023-05-01', place => 'T1', prov => 'PR1');
SELECT pg_temp.ep('r178n', '2023-05-01', place => 'T1', prov => NULL);

-- ---------------------------------------------------------------- placements
SELECT pg_temp.ep('r527y', '2023-05-01', place => 'R2', prov => 'PR1');
SELECT pg_temp.ep('r527n', '2023-05-01', place => 'R2', prov => 'PR0');
SELECT pg_temp.ep('r528y', '2023-05-01', place => 'R5', prov => 'PR2');
SELECT pg_temp.ep('r528n', '2023-05-01', place => 'R1', prov => 'PR2');
SELECT pg_temp.ep('r529y', '2023-05-01', place => 'K2', prov => 'PR3');
SELECT pg_temp.ep('r529n', '2023-05-01', place => 'R1', prov => 'PR3');
SELECT pg_temp.ep('r530y', '2023-05-01', place => 'P1', prov => 'PR4');
SELECT pg_temp.ep('r530n', '2023-05-01', place => 'P1', prov => 'PR0');
SELECT pg_temp.ep('r531y', '2023-05-01', place => 'P1', prov => 'PR5');
SELECT pg_temp.ep('r531n', '2023-05-01', place => 'U1', prov => 'PR5');
SELECT pg_temp.ep('r550y', '2023-05-01', place => 'U1', prov => 'PR0');
SELECT pg_temp.ep('r550n', '2023-05-01', place => 'P1', prov => 'PR0');
SELECT pg_temp.ep('r526y', '2023-05-01', place => 'U1', prov => NULL);
SELECT pg_temp.ep('r526n', '2023-05-01', place => 'Z1', prov => NULL);
SELECT pg_temp.ep('r213y', '2023-05-01', place => 'T2', prov => 'PR2');
SELECT pg_temp.ep('r213n', '2023-05-01', place => 'T2', prov => NULL);
SELECT pg_temp.ep('r214y', '2023-05-01', ls => 'V3', urn => 'SC111111', pl => NULL, home => NULL);
SELECT pg_temp.ep('r214n', '2023-05-01', ls => 'V3', urn => NULL, pl => NULL, home => NULL);
SELECT pg_temp.ep('r217y', '2023-05-01', rne => 'P', place => 'A5');
SELECT pg_temp.ep('r217n', '2023-05-01', rne => 'T', place => 'A5');
SELECT pg_temp.ep('r222y', '2023-05-01', place => 'R1', urn => 'SC222222');
SELECT pg_temp.ep('r222n', '2023-05-01', place => 'R1', urn => 'XXXXXXX');
-- 225: X1 into a placement change (RNE P) without a reason; the pair gives one
SELECT pg_temp.ep('r225y', '2023-05-01', ended => '2023-06-01', rec => 'X1');
SELECT pg_temp.ep('r225y', '2023-06-01', rne => 'P', place => 'U2');
SELECT pg_temp.ep('r225n', '2023-05-01', ended => '2023-06-01', rec => 'X1', rpc => 'CHILD');
SELECT pg_temp.ep('r225n', '2023-06-01', rne => 'P', place => 'U2');
-- 226: a temporary placement after an episode with a reason for the change
SELECT pg_temp.ep('r226y', '2023-05-01', ended => '2023-06-01', rec => 'X1', rpc => 'CHILD');
SELECT pg_temp.ep('r226y', '2023-06-01', rne => 'T', place => 'T1', prov => NULL);
SELECT pg_temp.ep('r226n', '2023-05-01', ended => '2023-06-01', rec => 'X1');
SELECT pg_temp.ep('r226n', '2023-06-01', rne => 'T', place => 'T1', prov => NULL);
-- 336: A3 after a residential placement / after foster care
SELECT pg_temp.ep('r336y', '2023-05-01', place => 'K2', ended => '2023-06-01', rec => 'X1');
SELECT pg_temp.ep('r336y', '2023-06-01', rne => 'P', place => 'A3');
SELECT pg_temp.ep('r336n', '2023-05-01', place => 'U3', ended => '2023-06-01', rec => 'X1');
SELECT pg_temp.ep('r336n', '2023-06-01', rne => 'P', place => 'A3');
SELECT pg_temp.ep('r390y', '2023-05-01', place => 'U1', ended => '2023-09-01', rec => 'E11');
SELECT pg_temp.ep('r390n', '2023-05-01', place => 'A4', ended => '2023-09-01', rec => 'E11');
SELECT pg_temp.ep('r408y', '2023-05-01', place => 'A6', ls => 'C2');
SELECT pg_temp.ep('r408n', '2023-05-01', place => 'A6', ls => 'E1');
SELECT pg_temp.ep('r516y', '2023-05-01', place => 'K2', ended => '2023-09-01', rec => 'E45');
SELECT pg_temp.ep('r516n', '2023-05-01', place => 'U2', ended => '2023-09-01', rec => 'E45');
SELECT pg_temp.ep('r378y', '2023-05-01', place => 'P1', ls => 'V2', prov => 'PR0');
SELECT pg_temp.ep('r378n', '2023-05-01', place => 'P1', ls => 'C2', prov => 'PR0');
SELECT pg_temp.ep('r382y', '2023-05-01', ls => 'V3', place => 'T2', prov => NULL);
SELECT pg_temp.ep('r382n', '2023-05-01', ls => 'C2', place => 'T2', prov => NULL);
SELECT pg_temp.ep('r384y', '2023-05-01', ls => 'V4', place => 'U4');
SELECT pg_temp.ep('r384n', '2023-05-01', ls => 'V4', place => 'U5');
-- 383: U1, then T3, then back to U2 (not U1) / back to U1 with RNE P
SELECT pg_temp.ep('r383y', '2023-05-01', ended => '2023-06-01', rec => 'X1');
SELECT pg_temp.ep('r383y', '2023-06-01', rne => 'T', place => 'T3', prov => NULL, ended => '2023-06-10', rec => 'X1');
SELECT pg_temp.ep('r383y', '2023-06-10', rne => 'P', place => 'U2');
SELECT pg_temp.ep('r383n', '2023-05-01', ended => '2023-06-01', rec => 'X1');
SELECT pg_temp.ep('r383n', '2023-06-01', rne => 'T', place => 'T3', prov => NULL, ended => '2023-06-10', rec => 'X1');
SELECT pg_temp.ep('r383n', '2023-06-10', rne => 'P', place => 'U1');
-- 377: three T3 placements in the year / two
SELECT pg_temp.ep('r377y', d, rne => 'T', place => 'T3', prov => NULL, ended => d + 5, rec => 'X1')
  FROM unnest(ARRAY[DATE '2023-05-01', '2023-07-01', '2023-09-01']) d;
SELECT pg_temp.ep('r377n', d, rne => 'T', place => 'T3', prov => NULL, ended => d + 5, rec => 'X1')
  FROM unnest(ARRAY[DATE '2023-05-01', '2023-07-01']) d;
SELECT pg_temp.ep('r375y', '2023-05-01', place => 'T1', prov => NULL, ended => '2023-06-13', rec => 'X1');
SELECT pg_temp.ep('r375n', '2023-05-01', place => 'T1', prov => NULL, ended => '2023-06-12', rec => 'X1');
SELECT pg_temp.ep('r376y', '2023-05-01', place => 'T3', prov => NULL, ended => '2023-05-23', rec => 'X1');
SELECT pg_temp.ep('r376n', '2023-05-01', place => 'T3', prov => NULL, ended => '2023-05-22', rec => 'X1');
SELECT pg_temp.ep('r379y', '2024-03-20', place => 'T4', prov => NULL);
SELECT pg_temp.ep('r379n', '2024-03-25', place => 'T4', prov => NULL);

-- ---------------------------------------------------------------- ages (header DOB 2010-05-01 by default)
SELECT pg_temp.hd('r372y'), pg_temp.ep('r372y', '2020-04-30', place => 'R5', year => 2024);
SELECT pg_temp.hd('r372n'), pg_temp.ep('r372n', '2020-05-01', place => 'R5', year => 2024);
SELECT pg_temp.hd('r373y', dob => '2020-02-29'), pg_temp.ep('r373y', '2024-02-28', place => 'S1');
SELECT pg_temp.hd('r373n', dob => '2020-02-29'), pg_temp.ep('r373n', '2024-02-29', place => 'S1');
SELECT pg_temp.hd('r374y', dob => '2009-06-01'), pg_temp.ep('r374y', '2023-05-31', place => 'P3');
SELECT pg_temp.hd('r374n', dob => '2009-05-01'), pg_temp.ep('r374n', '2023-05-01', place => 'P3');
SELECT pg_temp.hd('r370y', dob => '2007-06-01'), pg_temp.ep('r370y', '2023-05-01', place => 'P2');
SELECT pg_temp.hd('r370n', dob => '2007-04-01'), pg_temp.ep('r370n', '2023-05-01', place => 'P2');
SELECT pg_temp.hd('r371y', dob => '2007-06-01'), pg_temp.ep('r371y', '2023-05-01', place => 'H5');
SELECT pg_temp.hd('r371n', dob => '2007-04-01'), pg_temp.ep('r371n', '2023-05-01', place => 'H5');
SELECT pg_temp.hd('r358y', dob => '2013-05-02'), pg_temp.ep('r358y', '2023-05-01', ls => 'J2');
SELECT pg_temp.hd('r358n', dob => '2013-05-01'), pg_temp.ep('r358n', '2023-05-01', ls => 'J2');
SELECT pg_temp.hd('r352y', dob => '2005-05-01'), pg_temp.ep('r352y', '2023-05-01', rne => 'S');
SELECT pg_temp.hd('r352n', dob => '2005-05-02'), pg_temp.ep('r352n', '2023-05-01', rne => 'S');
SELECT pg_temp.hd('r359y', dob => '2005-05-01'), pg_temp.ep('r359y', '2022-05-01', ls => 'C2', place => 'U1');
SELECT pg_temp.hd('r359n', dob => '2005-05-01'), pg_temp.ep('r359n', '2022-05-01', ls => 'V2', place => 'K2');
SELECT pg_temp.hd('r302y', dob => '2023-06-01'), pg_temp.ep('r302y', '2023-05-01');
SELECT pg_temp.hd('r302n', dob => '2023-05-01'), pg_temp.ep('r302n', '2023-05-01');

-- ---------------------------------------------------------------- legal status and short breaks
SELECT pg_temp.ep('r364y', '2023-05-01', ls => 'J2', ended => '2023-05-15', rec => 'X1');
SELECT pg_temp.ep('r364y', '2023-05-15', rne => 'P', ls => 'J2', place => 'U2', ended => '2023-05-23', rec => 'E8');
SELECT pg_temp.ep('r364n', '2023-05-01', ls => 'J2', ended => '2023-05-15', rec => 'X1');
SELECT pg_temp.ep('r364n', '2023-05-15', rne => 'P', ls => 'J2', place => 'U2', ended => '2023-05-22', rec => 'E8');
SELECT pg_temp.ep('r366y', '2023-05-01', ls => 'V3', rne => 'P', pl => NULL, home => NULL, urn => NULL);
SELECT pg_temp.ep('r366n', '2023-05-01', ls => 'V3', rne => 'S', pl => NULL, home => NULL, urn => NULL);
SELECT pg_temp.ep('r426y', '2023-05-01', ls => 'V3', ended => '2023-05-03', rec => 'E8', pl => NULL, home => NULL, urn => NULL);
SELECT pg_temp.ep('r426y', '2023-08-01', ls => 'V4', pl => NULL, home => NULL, urn => NULL);
SELECT pg_temp.ep('r426n', '2023-05-01', ls => 'V3', ended => '2023-05-03', rec => 'E8', pl => NULL, home => NULL, urn => NULL);
SELECT pg_temp.ep('r426n', '2023-08-01', ls => 'V3', pl => NULL, home => NULL, urn => NULL);
SELECT pg_temp.ep('r445y', '2006-01-01', ls => 'D1');
SELECT pg_temp.ep('r445n', '2005-12-31', ls => 'D1', ended => '2023-06-01', rec => 'E8');
SELECT pg_temp.ep('r446y', '2005-11-30', ls => 'E1', ended => '2023-06-01', rec => 'E8');
SELECT pg_temp.ep('r446n', '2005-12-01', ls => 'E1');
SELECT pg_temp.ep('r451y', '2005-01-01', ls => 'D1');
SELECT pg_temp.ep('r451n', '2005-01-01', ls => 'D1', ended => '2023-06-01', rec => 'E8');
SELECT pg_temp.ep('r398y', '2023-05-01', ls => 'V4', pl => NULL, urn => NULL);
SELECT pg_temp.ep('r398n', '2023-05-01', ls => 'V4', pl => NULL, home => NULL, urn => NULL);

-- ---------------------------------------------------------------- timeline, postcodes, missing
SELECT pg_temp.ep('r199y', '2022-05-01', place => 'A3', ended => '2022-09-01', rec => 'E11', year => 2023);
SELECT pg_temp.ep('r199y', '2023-05-01');
SELECT pg_temp.ep('r199n', '2022-05-01', place => 'A3', ended => '2022-09-01', rec => 'E13', year => 2023);
SELECT pg_temp.ep('r199n', '2023-05-01');
SELECT pg_temp.ep('r392by', '2023-05-01', pl => NULL);
SELECT pg_temp.ep('r392bn', '2023-05-01');
SELECT pg_temp.ep('r392dy', '2023-05-01', home => 'ab1 1aa', pl => 'AB11AA');
SELECT pg_temp.ep('r392dn', '2023-05-01', home => 'AB1 1AA', pl => 'AB11AA', place => 'P1', prov => 'PR0');
SELECT pg_temp.ep('r580y', '2022-05-01', ended => '2023-06-01', rec => 'E4A');
SELECT pg_temp.ep('r580n', '2022-05-01', ended => '2023-06-01', rec => 'E8');
INSERT INTO rt.return_missing (la, year, child, dob, missing, mis_start, mis_end, source_file, source_line)
SELECT '213', 2024, c, '2005-06-01', 'M', '2023-05-20', '2023-06-01', 'missing.csv', nextval('line_no')
  FROM unnest(ARRAY['r580y', 'r580n']) c;

-- ---------------------------------------------------------------- header (2024; last year 2023)
SELECT pg_temp.hd('r101y', sex => 'M');
SELECT pg_temp.hd('r101n', sex => '2');
SELECT pg_temp.rej('header.csv', pg_temp.hd('r102y', dob => NULL), 'DOB', '31/02/2010');
SELECT pg_temp.hd('r102n');
SELECT pg_temp.hd('r103y', ethnic => 'WXYZ');
SELECT pg_temp.hd('r103n', ethnic => 'NOBT');
SELECT pg_temp.hd('r168y', upn => 'I123456789012');
SELECT pg_temp.hd('r168n', upn => 'UN5');
SELECT pg_temp.rej('header.csv', pg_temp.hd('r171y', sex => '2', mother => 1::smallint), 'MC_DOB', 'yesterday');
SELECT pg_temp.hd('r171n', sex => '2', mother => 1::smallint, mc_dob => '2023-01-01', dob => '2006-01-01');
SELECT pg_temp.hd('r174y', sex => '1', mc_dob => '2023-01-01');
SELECT pg_temp.hd('r174n', sex => '2', mother => 1::smallint, mc_dob => '2023-01-01', dob => '2006-01-01');
SELECT pg_temp.hd('r202y', sex => '1'), pg_temp.hd('r202y', sex => '2', year => 2023);
SELECT pg_temp.hd('r202n', sex => '1'), pg_temp.hd('r202n', sex => '1', year => 2023);
SELECT pg_temp.hd('r203y', dob => '2010-05-01'), pg_temp.hd('r203y', dob => '2010-05-02', year => 2023);
SELECT pg_temp.hd('r203n'), pg_temp.hd('r203n', year => 2023);
SELECT pg_temp.hd('r204y', ethnic => 'WBRI'), pg_temp.hd('r204y', ethnic => 'WIRI', year => 2023);
SELECT pg_temp.hd('r204n', ethnic => 'WBRI'), pg_temp.hd('r204n', ethnic => 'WBRI', year => 2023);
SELECT pg_temp.hd('r208y', upn => 'UN1'), pg_temp.hd('r208y', upn => 'A123456789012', year => 2023);
SELECT pg_temp.hd('r208n', upn => 'A123456789012'), pg_temp.hd('r208n', upn => 'UN3', year => 2023);
SELECT pg_temp.hd('r209y', upn => 'UN1', dob => '2018-08-31');
SELECT pg_temp.hd('r209n', upn => 'UN1', dob => '2018-09-01');
SELECT pg_temp.hd('r301y', dob => '2024-04-01');
SELECT pg_temp.hd('r301n', dob => '2024-03-31');
SELECT pg_temp.hd('r351y', dob => '1998-03-31');
SELECT pg_temp.hd('r351n', dob => '1998-04-01');
SELECT pg_temp.hd('r611y', sex => '2', mother => 1::smallint, dob => '2006-01-01');
SELECT pg_temp.hd('r611n', sex => '2', mother => 1::smallint, dob => '2006-01-01', mc_dob => '2023-01-01');
SELECT pg_temp.hd('r612y', sex => '2', mother => 0::smallint, dob => '2006-01-01', mc_dob => '2023-01-01');
SELECT pg_temp.hd('r612n', sex => '2', mother => 1::smallint, dob => '2006-01-01', mc_dob => '2023-01-01');
SELECT pg_temp.hd('r620y', sex => '2', mother => 1::smallint, dob => '2012-04-02', mc_dob => '2023-01-01');
SELECT pg_temp.hd('r620n', sex => '2', mother => 1::smallint, dob => '2012-04-01', mc_dob => '2023-01-01');
SELECT pg_temp.hd('r621y', sex => '2', mother => 1::smallint, dob => '2006-01-01', mc_dob => '2006-01-01');
SELECT pg_temp.hd('r621n', sex => '2', mother => 1::smallint, dob => '2006-01-01', mc_dob => '2006-01-02');
SELECT pg_temp.hd('r624y', sex => '2', mother => 1::smallint, dob => '2006-01-01', mc_dob => '2022-01-02'),
       pg_temp.hd('r624y', sex => '2', mother => 1::smallint, dob => '2006-01-01', mc_dob => '2022-01-01', year => 2023);
SELECT pg_temp.hd('r624n', sex => '2', mother => 1::smallint, dob => '2006-01-01', mc_dob => '2022-01-01'),
       pg_temp.hd('r624n', sex => '2', mother => NULL, dob => '2006-01-01', year => 2023);
SELECT pg_temp.hd('r626y', sex => '2', mother => 1::smallint, dob => '2006-01-01', mc_dob => '2023-03-01'),
       pg_temp.hd('r626y', sex => '2', mother => 0::smallint, dob => '2006-01-01', year => 2023);
SELECT pg_temp.hd('r626n', sex => '2', mother => 1::smallint, dob => '2006-01-01', mc_dob => '2023-04-01'),
       pg_temp.hd('r626n', sex => '2', mother => 0::smallint, dob => '2006-01-01', year => 2023);
SELECT pg_temp.hd('rEPIy');
SELECT pg_temp.hd('rEPIn'), pg_temp.ep('rEPIn', '2023-05-01');
-- 165: a boy recorded as a mother / a girl who is not
SELECT pg_temp.hd('r165y', sex => '1', mother => 0::smallint), pg_temp.ep('r165y', '2023-05-01');
SELECT pg_temp.hd('r165n', sex => '2', mother => 0::smallint), pg_temp.ep('r165n', '2023-05-01');
SELECT pg_temp.hd('r442y', upn => NULL), pg_temp.ep('r442y', '2023-05-01');
SELECT pg_temp.hd('r442n', upn => NULL), pg_temp.ep('r442n', '2023-05-01', ls => 'V3', pl => NULL, home => NULL, urn => NULL);
SELECT pg_temp.hd('r393y', sex => '2'), pg_temp.ep('r393y', '2023-05-01');
SELECT pg_temp.hd('r393n', sex => '2', mother => 0::smallint), pg_temp.ep('r393n', '2023-05-01');
SELECT pg_temp.hd('r607y', sex => '2'), pg_temp.ep('r607y', '2023-05-01', ls => 'V3', ended => '2023-05-04', rec => 'E8', pl => NULL, home => NULL, urn => NULL),
       pg_temp.ep('r607y', '2023-06-01', ended => '2023-09-01', rec => 'E4A');
SELECT pg_temp.hd('r607n', sex => '2'), pg_temp.ep('r607n', '2023-05-01', ls => 'V3', ended => '2023-05-04', rec => 'E8', pl => NULL, home => NULL, urn => NULL);
SELECT pg_temp.hd('r625y', sex => '2', mother => 1::smallint, dob => '2006-01-01', mc_dob => '2023-10-01'),
       pg_temp.ep('r625y', '2023-05-01', ended => '2023-09-01', rec => 'E4A');
SELECT pg_temp.hd('r625n', sex => '2', mother => 1::smallint, dob => '2006-01-01', mc_dob => '2023-09-01'),
       pg_temp.ep('r625n', '2023-05-01', ended => '2023-09-01', rec => 'E4A');
SELECT pg_temp.hd('r628y', mother => 0::smallint, sex => '2', dob => '2005-06-01'), pg_temp.oc3('r628y', '2005-06-01');
SELECT pg_temp.hd('r628n', mother => NULL, sex => '2', dob => '2005-06-01'), pg_temp.oc3('r628n', '2005-06-01');
-- 210: UN4 and looked after since 1 March / since 25 March (less than a week at 31 March)
SELECT pg_temp.hd('r210y', upn => 'UN4'), pg_temp.ep('r210y', '2024-03-01');
SELECT pg_temp.hd('r210n', upn => 'UN4'), pg_temp.ep('r210n', '2024-03-25');

-- ---------------------------------------------------------------- cross-table
SELECT pg_temp.ep('rINT03y', '2023-05-01');
SELECT pg_temp.hd('rINT03n'), pg_temp.ep('rINT03n', '2023-05-01');
SELECT pg_temp.hd('rINT15y', dob => '2005-06-01'), pg_temp.oc3('rINT15y', '2005-06-02');
SELECT pg_temp.hd('rINT15n', dob => '2005-06-01'), pg_temp.oc3('rINT15n', '2005-06-01');
SELECT pg_temp.hd('rINT32y'), pg_temp.hd('rINT32y');
SELECT pg_temp.hd('rINT32n');
SELECT pg_temp.hd('rINT34y', dob => '2005-06-01'), pg_temp.oc3('rINT34y', '2005-06-01'), pg_temp.oc3('rINT34y', '2005-06-01');
SELECT pg_temp.hd('rINT34n', dob => '2005-06-01'), pg_temp.oc3('rINT34n', '2005-06-01');
INSERT INTO rt.return_uasc (la, year, child, sex, dob, duc, source_file, source_line)
VALUES ('213', 2024, 'rINT21y', '2', '2010-05-01', NULL, 'uasc.csv', nextval('line_no')),
       ('213', 2024, 'rINT21n', '1', '2010-05-01', NULL, 'uasc.csv', nextval('line_no')),
       ('213', 2024, 'rINT09y', '1', '2010-05-01', NULL, 'uasc.csv', nextval('line_no'));
SELECT pg_temp.hd('rINT21y'), pg_temp.hd('rINT21n');
SELECT pg_temp.hd('rINT09n');
INSERT INTO rt.return_uasc (la, year, child, sex, dob, duc, source_file, source_line)
VALUES ('213', 2024, 'rINT09n', '1', '2010-05-01', NULL, 'uasc.csv', nextval('line_no'));

-- ---------------------------------------------------------------- 2025-26 (year 2026) and 2024-25 (2025)
SELECT pg_temp.ep('r233y', '2025-05-01', rpc => 'CHILD', year => 2026, place => 'U1');
SELECT pg_temp.ep('r233n', '2025-05-01', rpc => 'CHILD', ended => '2025-06-01', rec => 'X1', year => 2026);
SELECT pg_temp.hd('r234y', dob => '2016-01-01', year => 2026), pg_temp.ep('r234y', '2025-05-01', rpc => 'CUSTOD', ended => '2025-06-01', rec => 'X1', year => 2026);
SELECT pg_temp.hd('r234n', dob => '2015-05-01', year => 2026), pg_temp.ep('r234n', '2025-05-01', rpc => 'CUSTOD', ended => '2025-06-01', rec => 'X1', year => 2026);
SELECT pg_temp.hd('r232y', sex => 'U', year => 2025);
SELECT pg_temp.hd('r232y', sex => 'U', year => 2024);
-- the same rows in another year
SELECT pg_temp.ep('r146n', '2024-05-01', place => 'K3', year => 2025);
SELECT pg_temp.ep('r217ty', '2023-05-01', place => 'P2', year => 2024), pg_temp.ep('r217ty', '2024-05-01', place => 'P2', year => 2025);
SELECT pg_temp.hd('r232n', sex => 'F', year => 2025);

INSERT INTO pg_temp.found SELECT y, v.rule_code, v.child
  FROM unnest(ARRAY[2018, 2024, 2025, 2026]) y CROSS JOIN LATERAL careleaver.validate('rt', y) v;
\o
-- ---------------------------------------------------------------- assertions
SELECT is(pg_temp.flagged(c.code, c.year), ARRAY['r' || c.code || 'y'],
          format('%s: r%sy flagged, r%sn not (%s)', c.code, c.code, c.code, v.description))
  FROM (VALUES ('143', 2024), ('144', 2024), ('145', 2024), ('146', 2024), ('149', 2018), ('141', 2024),
               ('147', 2024), ('148', 2024), ('178', 2024),
               ('527', 2024), ('528', 2024), ('529', 2024), ('530', 2024), ('531', 2024), ('550', 2024),
               ('526', 2024), ('213', 2024), ('214', 2024), ('217', 2024), ('222', 2024), ('225', 2024),
               ('226', 2024), ('336', 2024), ('390', 2024), ('408', 2024), ('516', 2024), ('378', 2024),
               ('382', 2024), ('384', 2024), ('383', 2024), ('377', 2024), ('375', 2024), ('376', 2024),
               ('379', 2024),
               ('372', 2024), ('373', 2024), ('374', 2024), ('370', 2024), ('371', 2024), ('358', 2024),
               ('352', 2024), ('359', 2024), ('302', 2024),
               ('364', 2024), ('366', 2024), ('426', 2024), ('445', 2024), ('446', 2024), ('451', 2024),
               ('398', 2024),
               ('199', 2024), ('392b', 2024), ('392d', 2024), ('580', 2024),
               ('101', 2024), ('102', 2024), ('103', 2024), ('168', 2024), ('171', 2024), ('174', 2024),
               ('202', 2024), ('203', 2024), ('204', 2024), ('208', 2024), ('209', 2024), ('301', 2024),
               ('351', 2024), ('611', 2024), ('612', 2024), ('620', 2024), ('621', 2024), ('624', 2024),
               ('626', 2024), ('EPI', 2024), ('165', 2024), ('442', 2024), ('393', 2024), ('607', 2024),
               ('625', 2024), ('628', 2024), ('210', 2024),
               ('INT03', 2024), ('INT15', 2024), ('INT32', 2024), ('INT34', 2024), ('INT21', 2024), ('INT09', 2024),
               ('233', 2026), ('234', 2026), ('232', 2025)) AS c(code, year)
  JOIN careleaver.validation_rules v ON v.rule_code = c.code;

-- rules of other years stay silent, with the same rows
SELECT is(pg_temp.flagged('146', 2025), '{}', '146: K3 is a placement code from 2024-25 on');
SELECT is(pg_temp.flagged('217t', 2024), '{r217ty}', '217t: P2 open after 28 October 2023 in 2023-24');
SELECT is(pg_temp.flagged('217t', 2025), '{}', '217t applies to 2023-24 only');
SELECT is(pg_temp.flagged('232', 2024), '{}', '232 starts in 2024-25');

-- the registry itself
SELECT is((SELECT count(*)::int FROM careleaver.validation_rules WHERE check_sql IS NULL AND not_checkable IS NULL), 0,
          'every rule has a check or says why it is not checkable');
SELECT is((SELECT count(*)::int FROM careleaver.validation_rules WHERE not_checkable IS NOT NULL
            AND not_checkable NOT LIKE 'not checkable: %'), 0, 'reasons read "not checkable: ..."');
SELECT is((SELECT count(*)::int FROM careleaver.validation_rules WHERE message IS NULL OR message = ''), 0,
          'every rule has DfE''s message');
SELECT ok((SELECT count(*) FROM careleaver.validation_rules) >= 190, 'the registry holds the rules');
SELECT throws_ok($$INSERT INTO careleaver.validation_rules (rule_code, family, description, module, message)
                   VALUES ('X1', 'x', 'x', 'Episodes', 'x')$$, '23514', NULL,
                 'a rule without a check must say why it is not checkable');
SELECT * FROM finish();
ROLLBACK;
