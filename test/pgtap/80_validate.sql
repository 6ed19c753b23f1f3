-- careleaver.validate on small hand-worked returns (doc/validation.md).
BEGIN;
SELECT plan(27);

-- A dataset: create_dataset when the loader is installed, else the return
-- tables of DATASET-SPEC.md by hand (code columns typed as create_dataset does).
DO $$
BEGIN
  IF to_regprocedure('careleaver.create_dataset(text)') IS NOT NULL THEN
    PERFORM careleaver.create_dataset('vt');
  ELSE
    CREATE SCHEMA vt;
    CREATE TABLE vt.return_header (la text NOT NULL, year integer NOT NULL, child text, sex text, dob date,
      ethnic text, upn text, mother smallint, mc_dob date, source_file text NOT NULL, source_line integer NOT NULL,
      PRIMARY KEY (la, year, source_file, source_line));
    CREATE TABLE vt.return_episodes (la text NOT NULL, year integer NOT NULL, child text, decom date,
      rne careleaver.new_episode_reason, ls careleaver.legal_status, cin careleaver.need_category,
      place careleaver.placement_type, place_provider careleaver.placement_provider, dec date,
      rec careleaver.ceased_reason, reason_place_change careleaver.placement_change_reason,
      home_post text, pl_post text, urn text, source_file text NOT NULL, source_line integer NOT NULL,
      PRIMARY KEY (la, year, source_file, source_line));
    CREATE TABLE vt.return_oc3 (la text NOT NULL, year integer NOT NULL, child text, dob date,
      in_touch careleaver.contact_status, activ careleaver.leaver_activity, accom careleaver.leaver_accommodation,
      source_file text NOT NULL, source_line integer NOT NULL, PRIMARY KEY (la, year, source_file, source_line));
    CREATE TABLE vt.return_uasc (la text NOT NULL, year integer NOT NULL, child text, sex text, dob date,
      duc date, source_file text NOT NULL, source_line integer NOT NULL,
      PRIMARY KEY (la, year, source_file, source_line));
    CREATE TABLE vt.rejects (la text, year integer, source_file text NOT NULL, source_line integer,
      column_name text, value text, reason text);
  END IF;
END $$;

-- Year 2024 (1 April 2023 - 31 March 2024), council 'A'.
INSERT INTO vt.return_episodes (la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec, source_file, source_line) VALUES
  -- c1: police protection 1-3 May then 3-6 May, chained by X1: 5 days in L1 (> 72 h), both rows 361
  ('A', 2024, 'c1', '2023-05-01', 'S', 'L1', 'N1', 'U4', 'PR1', '2023-05-03', 'X1', 'e', 1),
  ('A', 2024, 'c1', '2023-05-03', 'L', 'L1', 'N1', 'U4', 'PR1', '2023-05-06', 'E8', 'e', 2),
  -- c2: exactly 3 days in L1: no 361
  ('A', 2024, 'c2', '2023-06-01', 'S', 'L1', 'N1', 'U4', 'PR1', '2023-06-04', 'E8', 'e', 3),
  -- c3: born 29 Feb 2004; E17 on 28 Feb 2022 is the day before the 18th birthday (1 March) -> 460 (year 2022 below)
  -- c4: a non-final episode without DEC/REC (142), then a continuation not starting on the previous DEC (433)
  ('A', 2024, 'c4', '2023-04-10', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 4),
  ('A', 2024, 'c4', '2023-05-10', 'P', 'C2', 'N1', 'U5', 'PR1', NULL, NULL, 'e', 5),
  -- c5: CIN changes inside one period of care (504 on the second row only)
  ('A', 2024, 'c5', '2023-04-10', 'S', 'C2', 'N1', 'U4', 'PR1', '2023-07-01', 'X1', 'e', 6),
  ('A', 2024, 'c5', '2023-07-01', 'P', 'C2', 'N2', 'U5', 'PR1', NULL, NULL, 'e', 7),
  -- c6: open at the end of 2023 in H5, restated with the same start (562 quiet); placement U1 last year, U4 now -> 503D
  ('A', 2024, 'c6', '2022-12-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 8),
  -- c7: started before the year, last year's return has no such episode -> 562
  ('A', 2024, 'c7', '2023-01-15', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 9),
  -- another council, same child id, broken the same way as c4
  ('B', 2024, 'c4', '2023-04-10', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 1),
  ('B', 2024, 'c4', '2023-05-10', 'P', 'C2', 'N1', 'U5', 'PR1', NULL, NULL, 'e', 2),
  -- year 2023 (previous return of A)
  ('A', 2023, 'c6', '2022-12-01', 'S', 'C2', 'N1', 'U1', 'PR1', NULL, NULL, 'e', 21),
  ('A', 2023, 'c7', '2022-06-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 22),
  -- year 2022: c3
  ('A', 2022, 'c3', '2021-06-01', 'S', 'V2', 'N1', 'U4', 'PR1', '2022-02-28', 'E17', 'e', 1),
  ('A', 2022, 'c8', '2021-06-01', 'S', 'V2', 'N1', 'U4', 'PR1', '2022-03-01', 'E17', 'e', 2);
INSERT INTO vt.return_header (la, year, child, sex, dob, source_file, source_line) VALUES
  ('A', 2022, 'c3', '1', '2004-02-29', 'h', 1),
  ('A', 2022, 'c8', '1', '2004-02-29', 'h', 2);

CREATE TEMP TABLE v AS SELECT * FROM careleaver.validate('vt', 2024, 'A');

SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '361'$$, ARRAY['e:1', 'e:2'],
  '361: L1 chained over two episodes for 5 days flags both; exactly 72 hours does not');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '142'$$, ARRAY['e:4'],
  '142: only the non-final episode without DEC/REC');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '433'$$, ARRAY['e:5'],
  '433: continuation episode not starting on the previous DEC');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '504'$$, ARRAY['e:7'],
  '504: category of need changed within the period of care');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code LIKE '503%'$$, ARRAY['e:8'],
  '503: only the restated episode whose placement differs');
SELECT is((SELECT rule_code FROM v WHERE rule_code LIKE '503%'), '503D', '503D is the placement rule');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '562'$$, ARRAY['e:9'],
  '562: episode from before the year missing from last year''s return');
SELECT is((SELECT count(*)::int FROM v WHERE la <> 'A'), 0, 'la = A leaves council B out');
SELECT is((SELECT count(*)::int FROM careleaver.validate('vt', 2024) WHERE la = 'B' AND rule_code IN ('142', '433')), 2,
  'without la, council B is validated too');
SELECT is((SELECT message FROM v WHERE rule_code = '142'),
  'episode starting 2023-04-10 is followed by another but has no end date or reason ended', 'message of 142');

-- 29 February births: the 18th birthday is 1 March in a common year.
SELECT set_eq($$SELECT child FROM careleaver.validate('vt', 2022) WHERE rule_code = '460'$$, ARRAY['c3'],
  '460: E17 on 28 Feb 2022 is before the 18th birthday of a child born 29 Feb 2004; on 1 March it is not');
SELECT is(careleaver.validation_birthday('2004-02-29', 18), '2022-03-01'::date, 'birthday of 29 Feb in a common year');
SELECT is(careleaver.validation_birthday('2004-02-29', 16), '2020-02-29'::date, 'birthday of 29 Feb in a leap year');

-- H5 last year restated as K3 is accepted in 2025 only.
UPDATE vt.return_episodes SET place = 'H5' WHERE la = 'A' AND year = 2023 AND child = 'c6';
UPDATE vt.return_episodes SET place = 'K3' WHERE la = 'A' AND year = 2024 AND child = 'c6';
UPDATE vt.return_episodes SET year = year + 1 WHERE la = 'A' AND year IN (2023, 2024) AND child = 'c6';
SELECT is((SELECT count(*)::int FROM careleaver.validate('vt', 2025, 'A') WHERE rule_code = '503D'), 0,
  '503D: H5 restated as K3 is accepted in 2025');

-- Care leavers: OC3 for 2024.
INSERT INTO vt.return_oc3 (la, year, child, dob, in_touch, activ, accom, source_file, source_line) VALUES
  ('A', 2024, 'c1', '2006-01-10', 'YES', 'F5', 'T1', 'o', 1),   -- 17 in the year: 347 (under 18), 391 no
  ('A', 2024, 'c2', '2007-06-10', 'YES', 'F5', 'U1', 'o', 2),   -- 17th birthday after 31 March 2024: 391
  ('A', 2024, 'c5', '2005-05-01', 'YES', 'F3', NULL, 'o', 3),   -- F3 not valid after 2021 (132), ACCOM blank (153)
  ('A', 2024, 'c4', '2005-05-01', NULL, NULL, NULL, 'o', 4);    -- nothing given
INSERT INTO vt.rejects (la, year, source_file, source_line, column_name, value, reason) VALUES
  ('A', 2024, 'o', 4, 'IN_TOUCH', 'MAYBE', 'not a contact_status code');
CREATE TEMP TABLE w AS SELECT * FROM careleaver.validate('vt', 2024, 'A') WHERE table_name = 'OC3';
SELECT set_eq($$SELECT row_ref FROM w WHERE rule_code = '347'$$, ARRAY['o:1'], '347: foyer under 18 from 2024');
SELECT is((SELECT count(*)::int FROM careleaver.validate('vt', 2023, 'A') WHERE rule_code = '347'), 0,
  '347 does not run before its first year');
SELECT set_eq($$SELECT row_ref FROM w WHERE rule_code = '391'$$, ARRAY['o:2'], '391: under 17 at the end of the year');
SELECT set_eq($$SELECT row_ref FROM w WHERE rule_code = '132'$$, ARRAY['o:3'], '132: F3 is not valid in 2024');
SELECT set_eq($$SELECT row_ref FROM w WHERE rule_code = '131'$$, ARRAY['o:4'],
  '131: a value the loader rejected is reported');
SELECT set_eq($$SELECT row_ref FROM w WHERE rule_code = '153'$$, ARRAY['o:3', 'o:4'],
  '153: partly given rows, counting rejected values as given');

-- 1001 as DfE states it, also at 20 (the public validator skips those aged 20 or over):
-- c9 was looked after 60 days from the 14th birthday, c10 731 days and one day past the 16th.
INSERT INTO vt.return_episodes (la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec, source_file, source_line) VALUES
  ('A', 2018, 'c9',  '2017-06-01', 'S', 'V2', 'N1', 'U4', 'PR1', '2017-07-31', 'E8', 'e', 1),
  ('A', 2018, 'c10', '2017-06-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 2),
  ('A', 2019, 'c10', '2017-06-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 1),
  ('A', 2020, 'c10', '2017-06-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2019-06-02', 'E8', 'e', 1);
INSERT INTO vt.return_oc3 (la, year, child, dob, in_touch, activ, accom, source_file, source_line) VALUES
  ('A', 2024, 'c9',  '2003-06-01', 'YES', 'F5', 'U1', 'o', 9),
  ('A', 2024, 'c10', '2003-06-01', 'YES', 'F5', 'U1', 'o', 10);
SELECT is((SELECT message FROM careleaver.validate('vt', 2024, 'A') WHERE rule_code = '1001' AND child = 'c9'),
  'not a relevant or former relevant child: 60 days looked after since the 14th birthday (13 weeks needed), 0 since the 16th',
  '1001: a 20-year-old with 60 days of care after the 14th birthday is flagged');
SELECT is((SELECT count(*)::int FROM careleaver.validate('vt', 2024, 'A') WHERE rule_code = '1001' AND child = 'c10'), 0,
  '1001: 731 days after the 14th birthday and one after the 16th, across three returns, is eligible');

-- 1007 / 1016 with half-open episodes [DECOM, DEC): 18th birthday of c11 and c12 on 1 October 2023.
-- c11's care ended ON the birthday: not looked after on it, so in the cohort: neither rule.
-- c12's care ended the day after: looked after on the birthday (1007) and ceased after it (1016).
-- c13 (17th birthday 1 June 2023) came back into care after it, 1 July - 1 September: not looked after
-- on the birthday, so neither rule.
INSERT INTO vt.return_episodes (la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec, source_file, source_line) VALUES
  ('A', 2024, 'c11', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2023-10-01', 'E8', 'e', 11),
  ('A', 2024, 'c12', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2023-10-02', 'E8', 'e', 12),
  ('A', 2024, 'c13', '2023-07-01', 'S', 'V2', 'N1', 'U4', 'PR1', '2023-09-01', 'E8', 'e', 13);
INSERT INTO vt.return_oc3 (la, year, child, dob, in_touch, activ, accom, source_file, source_line) VALUES
  ('A', 2024, 'c11', '2005-10-01', 'YES', 'F5', 'U1', 'o', 11),
  ('A', 2024, 'c12', '2005-10-01', 'YES', 'F5', 'U1', 'o', 12),
  ('A', 2024, 'c13', '2006-06-01', 'YES', 'F5', 'U1', 'o', 13);
SELECT set_eq($$SELECT child FROM careleaver.validate('vt', 2024, 'A')
                 WHERE rule_code = '1016' AND child IN ('c11', 'c12', 'c13')$$, ARRAY['c12'],
  '1016: care ending on the 18th birthday is not flagged; ending the day after is');
SELECT set_eq($$SELECT child FROM careleaver.validate('vt', 2024, 'A')
                 WHERE rule_code = '1007' AND child IN ('c11', 'c12', 'c13')$$, ARRAY['c12'],
  '1007: looked after on the 18th birthday only when DEC is after it');
SELECT is((SELECT message FROM careleaver.validate('vt', 2024, 'A') WHERE rule_code = '1016' AND child = 'c12'),
  'looked after on the 18th birthday (2023-10-01) and care ended 2023-10-02, after it: care-leaver information not expected',
  'message of 1016');

SELECT throws_ok($$SELECT * FROM careleaver.validate('no_such_dataset', 2024)$$, '42P01',
  'schema "no_such_dataset" is not a careleaver dataset', 'a schema without return tables is refused');
SELECT is((SELECT count(*)::int FROM careleaver.validation_rules r
            WHERE col_description('careleaver.validation_rules'::regclass, 1) IS NULL
               OR r.description IS NULL), 0, 'the catalogue is commented and every rule described');

SELECT * FROM finish();
ROLLBACK;
