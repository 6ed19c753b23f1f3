-- careleaver.validate on small hand-worked returns (doc/validation.md).
BEGIN;
SELECT plan(37);

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
SELECT is(careleaver.birthday('2004-02-29', 18), '2022-03-01'::date, 'birthday of 29 Feb in a common year');
SELECT is(careleaver.birthday('2004-02-29', 16), '2020-02-29'::date, 'birthday of 29 Feb in a leap year');

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

-- 1003: c20 first came into care (RNE S) on 1 May 2017 (2018 return) and again on 1 June 2023;
-- the decision to place for adoption dated 30 April 2017 is before the first start. c21's
-- decision is dated the day care started: not before it.
INSERT INTO vt.return_episodes (la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec, source_file, source_line) VALUES
  ('A', 2018, 'c20', '2017-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2017-08-01', 'E8', 'e', 120),
  ('A', 2024, 'c20', '2023-06-01', 'S', 'E1', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 120),
  ('A', 2024, 'c21', '2023-05-01', 'S', 'E1', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 121);
INSERT INTO vt.return_placed_adoption (la, year, child, dob, date_placed, source_file, source_line) VALUES
  ('A', 2024, 'c20', '2016-01-01', '2017-04-30', 'pa', 1),
  ('A', 2024, 'c21', '2022-01-01', '2023-05-01', 'pa', 2);
SELECT set_eq($$SELECT row_ref FROM careleaver.validate('vt', 2024, 'A') WHERE rule_code = '1003'$$, ARRAY['pa:1'],
  '1003: decision the day before care first started is flagged; on the day care started it is not');
SELECT is((SELECT message FROM careleaver.validate('vt', 2024, 'A') WHERE rule_code = '1003'),
  'decision to place for adoption dated 2017-04-30, before the child started to be looked after (2017-05-01)',
  'message of 1003 names the earliest RNE S start over the loaded returns');

-- 1004-1006: missing and away episodes of c1. m:2 is still missing (MIS_END blank, nothing rejected).
INSERT INTO vt.return_missing (la, year, child, dob, missing, mis_start, mis_end, source_file, source_line) VALUES
  ('A', 2024, 'c1', '2006-01-10', 'M', NULL, NULL, 'm', 1),                  -- start blank: 1004
  ('A', 2024, 'c1', '2006-01-10', 'M', '2023-07-01', NULL, 'm', 2),          -- open: nothing
  ('A', 2024, 'c1', '2006-01-10', 'A', NULL, '2023-07-03', 'm', 3),          -- start rejected: 1004
  ('A', 2024, 'c1', '2006-01-10', 'A', '2023-07-05', NULL, 'm', 4),          -- end rejected: 1005
  ('A', 2024, 'c1', '2006-01-10', 'X', '2023-07-06', '2023-07-07', 'm', 5),  -- 1006
  ('A', 2024, 'c1', '2006-01-10', ' a ', '2023-07-08', '2023-07-09', 'm', 6), -- read as A: nothing
  ('A', 2024, 'c1', '2006-01-10', NULL, '2023-07-10', '2023-07-11', 'm', 7);  -- MISSING blank: 1006
INSERT INTO vt.rejects (la, year, source_file, source_line, column_name, value, reason) VALUES
  ('A', 2024, 'm', 3, 'MIS_START', '31/06/2023', 'not a date'),
  ('A', 2024, 'm', 4, 'MIS_END', '2023-13-01', 'not a date');
CREATE TEMP TABLE mis AS SELECT * FROM careleaver.validate('vt', 2024, 'A') WHERE table_name = 'Missing';
SELECT set_eq($$SELECT row_ref FROM mis WHERE rule_code = '1004'$$, ARRAY['m:1', 'm:3'],
  '1004: blank or rejected MIS_START is flagged; a date is not');
SELECT is((SELECT message FROM mis WHERE rule_code = '1004' AND row_ref = 'm:3'),
  'start of the missing or away episode (MIS_START) 31/06/2023 is not a date', 'message of 1004 quotes the rejected value');
SELECT set_eq($$SELECT row_ref FROM mis WHERE rule_code = '1005'$$, ARRAY['m:4'],
  '1005: a rejected MIS_END is flagged; a blank one (still missing) is not');
SELECT set_eq($$SELECT row_ref FROM mis WHERE rule_code = '1006'$$, ARRAY['m:5', 'm:7'],
  '1006: X and blank are flagged; " a " reads as A');

-- 1008: URN formats on one-episode children c22-c26 (lines 130-134).
INSERT INTO vt.return_episodes (la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec, urn, source_file, source_line) VALUES
  ('A', 2024, 'c22', '2023-05-01', 'S', 'C2', 'N1', 'K2', 'PR1', '2023-09-01', 'E8', 'SC123456', 'e', 130),
  ('A', 2024, 'c23', '2023-05-01', 'S', 'C2', 'N1', 'K2', 'PR1', '2023-09-01', 'E8', '12345', 'e', 131),
  ('A', 2024, 'c24', '2023-05-01', 'S', 'C2', 'N1', 'K2', 'PR1', '2023-09-01', 'E8', 'XXXXXX', 'e', 132),
  ('A', 2024, 'c25', '2023-05-01', 'S', 'C2', 'N1', 'K2', 'PR1', '2023-09-01', 'E8', 'XXXXXXX', 'e', 133),
  ('A', 2024, 'c26', '2023-05-01', 'S', 'C2', 'N1', 'K2', 'PR1', '2023-09-01', 'E8', '123456', 'e', 134);
SELECT set_eq($$SELECT row_ref FROM careleaver.validate('vt', 2024, 'A') WHERE rule_code = '1008'$$, ARRAY['e:131', 'e:132'],
  '1008: 5 digits and six Xs are flagged; SC + 6 digits, seven Xs and 6 digits are not');

-- 1009: CUSTOD is a reason for a placement change from 2018-19 (collection year 2019).
INSERT INTO vt.return_episodes (la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec, reason_place_change, source_file, source_line) VALUES
  ('A', 2018, 'c27', '2017-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2017-06-01', 'X1', 'CUSTOD', 'e', 127),
  ('A', 2019, 'c28', '2018-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2018-06-01', 'X1', 'CUSTOD', 'e', 128),
  ('A', 2024, 'c29', '2023-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2023-06-01', 'E8', NULL, 'e', 142);
INSERT INTO vt.rejects (la, year, source_file, source_line, column_name, value, reason) VALUES
  ('A', 2024, 'e', 142, 'REASON_PLACE_CHANGE', 'MOVED', 'not a placement_change_reason code');
SELECT set_eq($$SELECT child FROM careleaver.validate('vt', 2018, 'A') WHERE rule_code = '1009'$$, ARRAY['c27'],
  '1009: CUSTOD is not a code in 2018');
SELECT is((SELECT count(*)::int FROM careleaver.validate('vt', 2019, 'A') WHERE rule_code = '1009'), 0,
  '1009: CUSTOD is a code from 2019');
SELECT set_eq($$SELECT row_ref FROM careleaver.validate('vt', 2024, 'A') WHERE rule_code = '1009'$$, ARRAY['e:142'],
  '1009: a value the loader rejected is reported');

SELECT throws_ok($$SELECT * FROM careleaver.validate('no_such_dataset', 2024)$$, '42P01',
  'schema "no_such_dataset" is not a careleaver dataset', 'a schema without return tables is refused');
SELECT is((SELECT count(*)::int FROM careleaver.validation_rules r
            WHERE col_description('careleaver.validation_rules'::regclass, 1) IS NULL
               OR r.description IS NULL), 0, 'the catalogue is commented and every rule described');

SELECT * FROM finish();
ROLLBACK;
