-- The social worker episode rules (84_validation_rules_sw.sql) on hand-worked returns: for every rule a row it
-- flags and rows it leaves alone (doc/validation.md, "Social worker episodes").  Council 'A'; dataset sw24
-- holds the 2024 return (1 April 2023 to 31 March 2024), sw25 the 2025 return, sw26 the 2026 return.
-- Files: e (episodes), s (SWEpisodes).  "CLA" children have an episode open on 31 March.
-- Then the postcode and distance rules over a postcode look-up (dataset pc), and 207.
BEGIN;
SELECT plan(68);

SELECT careleaver.create_dataset('sw24');
SELECT careleaver.create_dataset('sw25');
SELECT careleaver.create_dataset('sw26');

-- ------------------------------------------------------------------ 2024
INSERT INTO sw24.return_episodes (la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec, source_file, source_line) VALUES
  ('A', 2024, 'c1', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 1),           -- clean
  ('A', 2024, 'c2', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 2),           -- no SW rows
  ('A', 2024, 'c3', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 3),           -- no SW_REASON
  ('A', 2024, 'c4', '2024-03-01', 'S', 'V3', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 4),           -- short break
  ('A', 2024, 'c5', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 5),
  ('A', 2024, 'c6', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 6),
  ('A', 2024, 'c7', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 7),
  ('A', 2024, 'c8', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 8),
  ('A', 2024, 'c9', '2023-10-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 9),           -- care began 1 October
  ('A', 2024, 'c10', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 10),
  ('A', 2024, 'c11', '2023-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 11),
  ('A', 2024, 'c12', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2023-12-01', 'E4A', 'e', 12), -- left care
  ('B', 2024, 'b1', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 1);            -- council B: no SWEpisodes file

INSERT INTO sw24.return_sw_episodes (la, year, child, sw_id, sw_decom, sw_dec, sw_reason, source_file, source_line) VALUES
  ('A', 2024, 'c1', 'SW001', '2022-01-01', '2023-09-01', 'FCONTA', 's', 1),
  ('A', 2024, 'c1', 'SW002', '2023-09-03', NULL, 'LEFTRL', 's', 2),
  ('A', 2024, 'c3', 'sw3', '2022-01-01', NULL, NULL, 's', 3),          -- lower case SW_ID passes SW02
  ('A', 2024, 'c5', 'AB123', '2023-01-01', '2023-06-01', 'MANAGE', 's', 4),
  ('A', 2024, 'c5', 'SW5', '2023-06-20', NULL, 'XYZ', 's', 5),
  ('A', 2024, 'c6', 'SW6', '2023-03-01', NULL, 'ORGRST', 's', 6),
  ('A', 2024, 'c6', 'SW7', '2023-05-01', NULL, 'TSPROC', 's', 7),
  ('A', 2024, 'c7', 'SW8', '2023-04-01', '2023-04-01', 'ABSENC', 's', 8),
  ('A', 2024, 'c7', 'SW9', '2023-04-03', NULL, 'chchan', 's', 9),      -- codes ignore case
  ('A', 2024, 'c8', 'SW10', '2023-04-01', '2024-03-28', 'PCCHAN', 's', 10),
  ('A', 2024, 'c9', 'SW11', '2023-11-01', NULL, 'SWDIED', 's', 11),
  ('A', 2024, 'c10', 'SW12', '2024-04-05', NULL, 'OTHERS', 's', 12),
  ('A', 2024, 'c10', 'SW13', '2022-06-01', '2024-04-02', 'MANAGE', 's', 13),
  ('A', 2024, 'c10', 'SW14', '2021-01-01', '2022-06-01', 'MANAGE', 's', 14),
  ('A', 2024, 'c11', 'SW15', NULL, NULL, 'MANAGE', 's', 15),           -- SW_DECOM refused (rejects)
  ('A', 2024, 'c11', 'SW16', '2023-04-01', NULL, 'MANAGE', 's', 16),   -- SW_DEC refused (rejects)
  ('A', 2024, 'c12', 'SW17', '2022-01-01', '2023-12-01', 'MANAGE', 's', 17);

INSERT INTO sw24.rejects (la, year, source_file, source_line, column_name, value, reason) VALUES
  ('A', 2024, 's', 15, 'SW_DECOM', '31/02/2023', 'not a date'),
  ('A', 2024, 's', 16, 'SW_DEC', 'soon', 'not a date');

-- council B's return was loaded from an episodes file only
INSERT INTO sw24.returns (la, year, files) VALUES
  ('B', 2024, '[{"name": "episodes.csv", "module": "episodes", "rows": 1}]');

CREATE TEMP TABLE v24 AS SELECT * FROM careleaver.validate('sw24', 2024);

SELECT is((SELECT count(*)::int FROM careleaver.validation_rules WHERE family = 'social workers'), 18,
  '18 social worker rules are registered');
SELECT is((SELECT count(*)::int FROM careleaver.validation_rules WHERE family = 'social workers' AND check_sql IS NULL), 0,
  'every social worker rule has a check');
SELECT set_eq($$SELECT row_ref FROM v24 WHERE rule_code = 'SW01'$$, ARRAY['e:2', 'e:3'],
  'SW01: looked after on 31 March with no SW rows (c2) or no SW_REASON (c3); short break (c4), left care (c12) and council B (no SWEpisodes file) pass');
SELECT is((SELECT message FROM v24 WHERE rule_code = 'SW01' AND child = 'c2'),
  'looked after on 31 March (episode from 2022-01-01) but the social worker episodes give no SW_ID, SW_DECOM, SW_REASON',
  'SW01 message names what is missing');
SELECT set_eq($$SELECT row_ref FROM v24 WHERE rule_code = 'SW02'$$, ARRAY['s:4'], 'SW02: SW_ID AB123; lower-case sw3 passes');
SELECT set_eq($$SELECT row_ref FROM v24 WHERE rule_code = 'SW03'$$, ARRAY['s:3'],
  'SW03: no SW_REASON (c3); a refused SW_DECOM (s:15) is SW04''s');
SELECT set_eq($$SELECT row_ref FROM v24 WHERE rule_code = 'SW04'$$, ARRAY['s:15'], 'SW04: a refused SW_DECOM');
SELECT is((SELECT message FROM v24 WHERE rule_code = 'SW04'), 'SW_DECOM 31/02/2023 is not a date', 'SW04 quotes the value');
SELECT set_eq($$SELECT row_ref FROM v24 WHERE rule_code = 'SW05'$$, ARRAY['s:16'], 'SW05: a refused SW_DEC');
SELECT set_eq($$SELECT row_ref FROM v24 WHERE rule_code = 'SW06'$$, ARRAY['s:12'], 'SW06: begins 5 April 2024, after the year');
SELECT set_eq($$SELECT row_ref FROM v24 WHERE rule_code = 'SW07'$$, ARRAY['s:13', 's:14'],
  'SW07 (2024): ends after 31 March 2024 (s:13) or before 1 April 2023 (s:14)');
SELECT set_eq($$SELECT row_ref FROM v24 WHERE rule_code = 'SW08'$$, ARRAY['s:6'],
  'SW08: open although another began after it (c6); the latest open ones pass');
SELECT set_eq($$SELECT row_ref FROM v24 WHERE rule_code = 'SW09'$$, ARRAY['s:8'], 'SW09: began and ended 1 April 2023');
SELECT set_eq($$SELECT row_ref FROM v24 WHERE rule_code = 'SW10'$$, ARRAY['s:5'],
  'SW10: began 19 days after the previous ended (c5); 2 days (c1, c7) and after an open one (c6, SW08''s) pass');
SELECT set_eq($$SELECT row_ref FROM v24 WHERE rule_code = 'SW11a'$$, ARRAY['s:4'],
  'SW11a: ended 1 June 2023 with no episode within 5 days (c5); c7 (next within 2 days) and c12 (left care) pass');
SELECT set_eq($$SELECT row_ref FROM v24 WHERE rule_code = 'SW11b'$$, ARRAY['s:10'],
  'SW11b: ended 28 March 2024 with none after (c8)');
SELECT set_eq($$SELECT row_ref FROM v24 WHERE rule_code = 'SW12'$$, ARRAY['e:2', 'e:9'],
  'SW12: no SW episode (c2), first one after care began 1 October (c9); council B (no SWEpisodes file) passes');
SELECT is((SELECT message FROM v24 WHERE rule_code = 'SW12' AND child = 'c9'),
  'looked after from 2023-10-01, but the first social worker episode reported begins 2023-11-01', 'SW12 message');
SELECT set_eq($$SELECT row_ref FROM v24 WHERE rule_code = 'SW13'$$, ARRAY['s:3', 's:5'],
  'SW13 (2024): blank (c3), XYZ (c5); chchan (c7) passes');
SELECT set_eq($$SELECT row_ref FROM v24 WHERE rule_code = 'SW14'$$, ARRAY['s:6'],
  'SW14: open but not the latest (c6); a row without SW_DECOM (s:15) does not count as later');
SELECT is((SELECT count(*)::int FROM v24 WHERE rule_code IN ('SW01a', 'SW01b', 'SW17')), 0,
  'SW01a, SW01b (from 2024-25) and SW17 (from 2025-26) do not run in 2024');
SELECT is((SELECT count(*)::int FROM v24 WHERE la = 'B' AND rule_code LIKE 'SW%'), 0, 'council B (no SWEpisodes file loaded) has nothing flagged');
SELECT is((SELECT count(*)::int FROM v24 WHERE child = 'c1' AND rule_code LIKE 'SW%'), 0, 'c1 passes every social worker rule');

-- ------------------------------------------------------------------ 2025
INSERT INTO sw25.return_episodes (la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec, source_file, source_line) VALUES
  ('A', 2025, 'd1', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 1),
  ('A', 2025, 'd2', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 2),
  ('A', 2025, 'd3', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 3),
  ('A', 2025, 'd4', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 4),
  ('A', 2025, 'd5', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 5);
INSERT INTO sw25.return_sw_episodes (la, year, child, sw_id, sw_decom, sw_dec, sw_reason, source_file, source_line) VALUES
  ('A', 2025, 'd1', NULL, '2022-01-01', '2023-06-01', NULL, 's', 1),     -- before April 2023: no SW_ID (SW01a)
  ('A', 2025, 'd1', 'SW2', '2023-06-02', '2024-05-01', NULL, 's', 2),    -- after: no SW_REASON (SW01b, SW13)
  ('A', 2025, 'd1', 'SW3', '2024-06-01', NULL, 'FCONTA', 's', 3),        -- 31 days later, FCONTA
  ('A', 2025, 'd2', 'SW5', '2022-01-01', '2024-05-01', NULL, 's', 4),    -- blank reason before April 2023 passes
  ('A', 2025, 'd2', 'SW6', '2024-06-01', NULL, 'MANAGE', 's', 5),        -- 31 days later (SW10)
  ('A', 2025, 'd3', 'SW7', '2022-01-01', '2023-03-01', 'MANAGE', 's', 6),-- ended before 1 April 2023 (SW07)
  ('A', 2025, 'd3', 'SW8', '2023-03-02', NULL, 'MANAGE', 's', 7),
  ('A', 2025, 'd4', 'SW9', NULL, NULL, 'MANAGE', 's', 8),                -- no SW_DECOM (SW01a, SW01b)
  ('A', 2025, 'd5', 'SW10', '2022-01-01', '2024-06-01', 'MANAGE', 's', 9),
  ('A', 2025, 'd5', 'SW11', '2024-06-01', '2024-06-01', 'MANAGE', 's', 10),
  ('A', 2025, 'd5', 'SW12', '2024-06-01', NULL, 'MANAGE', 's', 11);
CREATE TEMP TABLE v25 AS SELECT * FROM careleaver.validate('sw25', 2025);

SELECT set_eq($$SELECT row_ref FROM v25 WHERE rule_code = 'SW01a'$$, ARRAY['s:1', 's:8'],
  'SW01a: before 1 April 2023 without SW_ID (s:1), no SW_DECOM (s:8)');
SELECT set_eq($$SELECT row_ref FROM v25 WHERE rule_code = 'SW01b'$$, ARRAY['s:2', 's:8'],
  'SW01b: after 1 April 2023 without SW_REASON (s:2), no SW_DECOM (s:8); s:4 (before, no reason) passes');
SELECT set_eq($$SELECT row_ref FROM v25 WHERE rule_code = 'SW07'$$, ARRAY['s:6'],
  'SW07 (2025): the period starts 1 April 2023; ended 1 March 2023 is before it, 1 June 2023 (s:1) is not');
SELECT set_eq($$SELECT row_ref FROM v25 WHERE rule_code = 'SW10'$$, ARRAY['s:5'],
  'SW10 (2025): 31 days after the previous ended (d2); FCONTA (d1) is exempt');
SELECT set_eq($$SELECT row_ref FROM v25 WHERE rule_code = 'SW13'$$, ARRAY['s:2'],
  'SW13 (2025): blank after 1 April 2023 (s:2); blank before it (s:1, s:4) passes');
SELECT set_eq($$SELECT row_ref FROM v25 WHERE rule_code = 'SW09'$$, ARRAY['s:10'], 'SW09 runs in 2025');
SELECT is((SELECT count(*)::int FROM v25 WHERE rule_code IN ('SW01', 'SW03', 'SW11a', 'SW14', 'SW17')), 0,
  'SW01, SW03, SW11a and SW14 (2023-24 only) and SW17 (from 2025-26) do not run in 2025');

-- ------------------------------------------------------------------ 2026
INSERT INTO sw26.return_episodes (la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec, source_file, source_line) VALUES
  ('A', 2026, 'f1', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 1),
  ('A', 2026, 'f2', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 2),
  ('A', 2026, 'f3', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2025-10-01', 'E4A', 'e', 3),
  ('A', 2026, 'f4', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 4);
INSERT INTO sw26.return_sw_episodes (la, year, child, sw_id, sw_decom, sw_dec, sw_reason, source_file, source_line) VALUES
  ('A', 2026, 'f1', 'SW1', '2022-01-01', '2025-06-01', 'MANAGE', 's', 1),
  ('A', 2026, 'f1', 'SW2', '2025-06-01', '2025-12-01', 'MANAGE', 's', 2),  -- latest, ended (SW17)
  ('A', 2026, 'f2', 'SW3', '2022-01-01', '2025-06-01', 'MANAGE', 's', 3),
  ('A', 2026, 'f2', 'SW4', '2025-06-01', NULL, 'MANAGE', 's', 4),          -- latest open
  ('A', 2026, 'f3', 'SW5', '2022-01-01', '2025-10-01', 'MANAGE', 's', 5),  -- left care: its SW may end
  ('A', 2026, 'f4', 'SW6', '2022-01-01', '2026-03-29', 'MANAGE', 's', 6),  -- ended 29 March, none after (SW11b, SW17)
  ('A', 2026, 'f4', 'SW7', '2021-01-01', '2022-01-01', 'MANAGE', 's', 7);
CREATE TEMP TABLE v26 AS SELECT * FROM careleaver.validate('sw26', 2026);

SELECT set_eq($$SELECT row_ref FROM v26 WHERE rule_code = 'SW17'$$, ARRAY['s:2', 's:6'],
  'SW17: the latest episode has ended (f1, f4); f2''s latest is open, f3 left care');
SELECT is((SELECT message FROM v26 WHERE rule_code = 'SW17' AND child = 'f1'),
  'the latest social worker episode (from 2025-06-01) ended 2025-12-01: none is open at 31 March', 'SW17 message');
SELECT set_eq($$SELECT row_ref FROM v26 WHERE rule_code = 'SW11b'$$, ARRAY['s:6'], 'SW11b: ended 29 March 2026 with none after (f4)');
SELECT set_eq($$SELECT row_ref FROM v26 WHERE rule_code = 'SW07'$$, ARRAY['s:7'],
  'SW07 (2026): the period starts 1 April 2024; 1 January 2022 is before it');
SELECT is((SELECT count(*)::int FROM v26 WHERE child IN ('f2', 'f3') AND rule_code LIKE 'SW%'), 0, 'f2 and f3 pass every social worker rule');

-- ------------------------------------------------------------------ the loader's refusals
-- a row the loader skipped (--skip-bad-rows) for SW_DECOM / SW_DEC is reported under SW04 / SW05
INSERT INTO sw26.rejects (la, year, source_file, source_line, column_name, value, reason, module, child) VALUES
  ('A', 2026, 's', 20, 'SW_DECOM', '2025-02-30', 'not a date', 'sw_episodes', 'f2'),
  ('A', 2026, 's', 21, 'SW_DEC', 'never', 'not a date', 'sw_episodes', 'f2');
SELECT set_eq($$SELECT rule_code || ' ' || table_name || ' ' || row_ref FROM careleaver.validate('sw26', 2026)
                WHERE child = 'f2' AND rule_code LIKE 'SW%'$$,
  ARRAY['SW04 SWEpisodes s:20', 'SW05 SWEpisodes s:21'], 'refused SW_DECOM and SW_DEC come under SW04 and SW05, module SWEpisodes');
SELECT is((SELECT refusals FROM careleaver.validation_rules WHERE rule_code = 'SW04'), ARRAY['SWEpisodes.SW_DECOM'],
  'SW04 covers the loader''s refusals of SW_DECOM');

-- ------------------------------------------------------------------ the registry
SELECT is((SELECT array_agg(rule_code ORDER BY rule_code) FROM careleaver.validation_rules
            WHERE family = 'social workers' AND until_year = 2024), ARRAY['SW01', 'SW03', 'SW11a', 'SW14'],
  'SW01, SW03, SW11a and SW14 apply to 2023-24 only');
SELECT is((SELECT array_agg(rule_code ORDER BY rule_code) FROM careleaver.validation_rules
            WHERE family = 'social workers' AND since_year = 2025), ARRAY['SW01a', 'SW01b'],
  'SW01a and SW01b apply from 2024-25');
SELECT is((SELECT since_year FROM careleaver.validation_rules WHERE rule_code = 'SW17'), 2026, 'SW17 applies from 2025-26');
SELECT is((SELECT count(*)::int FROM careleaver.validation_rules
            WHERE family = 'social workers' AND NOT ('sw_episodes' = ANY (modules_needed))), 0,
  'every social worker rule needs the sw_episodes module');

-- ------------------------------------------------------------------ postcodes and distance (dataset pc)
SELECT careleaver.create_dataset('pc');
SELECT careleaver.create_dataset('pc0');   -- no postcode look-up: the look-up rules are silent
-- grid references 8,047 m apart are 5.0 miles; 8,530 m, 5.3 miles; 600 km, 372.8 miles; 2,000 km, 1242.8 miles
INSERT INTO pc.postcodes (postcode, easting, northing, la_code) VALUES
  ('AA1 1AA', 100000, 100000, 'E09000001'), ('AA1 1AB', 100000, 108047, 'E09000001'),
  ('AA1 1AF', 100000, 108530, 'E09000001'), ('AA1 1AC', 100000, 700000, 'E09000002'),
  ('AA1 1AD', 100000, 2100000, 'E09000002'), ('AA1 1AE', NULL, NULL, 'E09000001');
INSERT INTO pc.postcode_councils (la, la_code) VALUES ('A', 'E09000001');
INSERT INTO pc.return_episodes (la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec, home_post, pl_post, source_file, source_line) VALUES
  ('A', 2024, 'p1', '2023-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'aa11aa', 'AA1 1AB', 'e', 1),   -- clean, 5.0 miles
  ('A', 2024, 'p2', '2023-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'ZZ9 9ZZ', 'e', 2),  -- not in the look-up
  ('A', 2024, 'p3', '2023-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'NOTAPC', 'AA1 1AB', 'e', 3),   -- not a postcode
  ('A', 2024, 'p4', '2023-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AE', 'e', 4),  -- no grid reference
  ('A', 2024, 'p5', '2023-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AD', 'e', 5),  -- 1242.8 miles
  ('A', 2024, 'p6', '2023-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AB', 'e', 6),  -- UASC
  ('A', 2024, 'p7', '2023-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, NULL, NULL, 'e', 7),            -- UASC in 2022
  ('A', 2024, 'p8', '2023-05-01', 'S', 'V3', 'N1', 'U4', 'PR1', '2023-05-03', 'E8', NULL, NULL, 'e', 8),    -- short break
  ('A', 2024, 'p9', '2023-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AF', 'e', 9),  -- 5.3, last year 5.0
  ('A', 2024, 'p10', '2023-01-01', 'P', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AF', 'e', 10),-- RNE differs
  ('A', 2024, 'p11', '2023-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AB', 'e', 11),
  ('A', 2024, 'p12', '2023-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AC', 'e', 12),-- 372.8 (454 from 2026)
  ('A', 2024, 'm1', '2023-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AB', 'e', 13),
  ('A', 2024, 'm2', '2023-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AB', 'e', 14),
  ('A', 2024, 'p14', '2023-05-01', 'S', 'V3', 'N1', 'U4', 'PR1', '2023-05-03', 'E8', NULL, 'AA1 1AB', 'e', 15), -- short break with a PL_POST
  ('A', 2024, 'p15', '2023-05-01', 'S', 'C2', 'N1', 'K2', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AC', 'e', 16),   -- own provision elsewhere
  ('A', 2024, 'p16', '2023-05-01', 'S', 'C2', 'N1', 'K2', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AB', 'e', 17),   -- own provision at home
  ('A', 2024, 'p17', '2023-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AC', 'e', 18),   -- council changed
  ('A', 2024, 'p18', '2023-01-01', 'P', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AC', 'e', 19),   -- and RNE
  -- last year's return: the episodes open on 31 March 2023
  ('A', 2023, 'p1', '2023-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AB', 'l', 1),
  ('A', 2023, 'p9', '2023-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AB', 'l', 2),
  ('A', 2023, 'p10', '2023-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AB', 'l', 3),
  ('A', 2023, 'p11', '2023-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AB', 'l', 4),
  ('A', 2023, 'p17', '2023-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AB', 'l', 5),
  ('A', 2023, 'p18', '2023-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AB', 'l', 6),
  -- 2026: 372.8 miles (454); 5.0 miles passes
  ('A', 2026, 'p12', '2025-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AC', 'e', 1),
  ('A', 2026, 'p13', '2025-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'AA1 1AB', 'e', 2);
INSERT INTO pc.return_uasc (la, year, child, sex, dob, duc, source_file, source_line) VALUES
  ('A', 2024, 'p6', 'M', '2007-01-01', NULL, 'u', 1),
  ('A', 2022, 'p7', 'M', '2007-01-01', '2022-03-01', 'u', 1);
INSERT INTO pc.return_header (la, year, child, mother, source_file, source_line) VALUES
  ('A', 2023, 'm1', 1, 'hl', 1), ('A', 2023, 'm2', 1, 'hl', 2), ('A', 2023, 'm3', 1, 'hl', 3),
  ('A', 2024, 'm1', 0, 'h', 1), ('A', 2024, 'm2', 1, 'h', 2), ('A', 2024, 'm3', 0, 'h', 3);
INSERT INTO pc0.return_episodes (la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec, home_post, pl_post, source_file, source_line) VALUES
  ('A', 2024, 'p2', '2023-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'AA1 1AA', 'ZZ9 9ZZ', 'e', 2);
CREATE TEMP TABLE vp AS SELECT * FROM careleaver.validate('pc', 2024);

SELECT set_eq($$SELECT row_ref FROM vp WHERE rule_code = '392c'$$, ARRAY['e:2', 'e:3'],
  '392c: PL_POST not in the look-up (p2), HOME_POST not a postcode (p3); aa11aa is read as AA1 1AA (p1), a blank is 392b''s');
SELECT is((SELECT message FROM vp WHERE rule_code = '392c' AND child = 'p2'), 'PL_POST ZZ9 9ZZ not in the postcode look-up',
  '392c names the postcode');
SELECT set_eq($$SELECT row_ref FROM vp WHERE rule_code = '392a'$$, ARRAY['e:2', 'e:3', 'e:4'],
  '392a: no distance (p2, p3, p4 without a grid reference); UASC (p6), former UASC (p7) and the short break (p8) pass');
SELECT set_eq($$SELECT row_ref FROM vp WHERE rule_code = '164'$$, ARRAY['e:5'], '164: 1242.8 miles (p5)');
SELECT is((SELECT message FROM vp WHERE rule_code = '164'),
  'distance from home 1242.8 miles (HOME_POST AA1 1AA, PL_POST AA1 1AD) is not between 0 and 999.9', '164 gives the distance');
SELECT set_eq($$SELECT row_ref FROM vp WHERE rule_code = '406'$$, ARRAY['e:6'],
  '406: a distance follows for a UASC (p6); former UASC p7 has no postcodes');
SELECT set_eq($$SELECT row_ref FROM vp WHERE rule_code = '503G'$$, ARRAY['e:9', 'e:10', 'e:18', 'e:19'],
  '503G: 5.3 (p9, p10) and 372.8 miles (p17, p18) against 5.0 at the end of last year; p1 and p11 unchanged');
SELECT set_eq($$SELECT row_ref FROM vp WHERE rule_code = '453'$$, ARRAY['e:9', 'e:18'],
  '453: the same, with the same RNE (p9, p17); p10''s and p18''s RNE changed');
SELECT is((SELECT count(*)::int FROM vp WHERE rule_code = '454'), 0, '454 (from 2025-26) does not run in 2024');
SELECT set_eq($$SELECT row_ref FROM careleaver.validate('pc', 2026) WHERE rule_code = '454'$$, ARRAY['e:1'],
  '454: 372.8 miles in 2026 (p12); 5.0 (p13) passes');
SELECT is((SELECT count(*)::int FROM careleaver.validate('pc0', 2024) WHERE rule_code IN ('392a', '392c', '164', '406')), 0,
  'with an empty postcode look-up the look-up rules are silent');
SELECT is((SELECT count(*)::int FROM vp WHERE child = 'p1' AND rule_code IN ('164', '392a', '392c', '406', '453', '454', '503G')), 0,
  'p1 passes every postcode rule');
SELECT is((SELECT count(*)::int FROM careleaver.validation_rules WHERE family = 'postcodes and distance' AND not_checkable LIKE '%no postcode look-up%'), 0,
  'no rule is left waiting for a postcode look-up');

SELECT set_eq($$SELECT row_ref FROM vp WHERE rule_code = '169'$$, ARRAY['e:2', 'e:7'],
  '169: no council of placement from PL_POST ZZ9 9ZZ (p2) or a blank PL_POST (p7); AA1 1AE without a grid reference (p4) has one; short break p8 passes');
SELECT set_eq($$SELECT row_ref FROM vp WHERE rule_code = '179'$$, ARRAY['e:2', 'e:7'], '179: the same episodes have no placement location');
SELECT set_eq($$SELECT row_ref FROM vp WHERE rule_code = '420'$$, ARRAY['e:15'],
  '420: a short break whose PL_POST gives a council (p14); p8 (no PL_POST) passes');
SELECT set_eq($$SELECT row_ref FROM vp WHERE rule_code = '1015'$$, ARRAY['e:16'],
  '1015: own provision (PR1) in council E09000002 (p15); in the council''s own E09000001 (p16), or foster care U4, passes');
SELECT is((SELECT message FROM vp WHERE rule_code = '1015'),
  'own provision (PR1), but PL_POST AA1 1AC lies in E09000002, not in the council (E09000001)', '1015 names both councils');
SELECT set_eq($$SELECT row_ref FROM vp WHERE rule_code = '452'$$, ARRAY['e:18'],
  '452: council of placement changed from last year''s open episode, same RNE (p17); p9 (same council) passes');
SELECT set_eq($$SELECT row_ref FROM vp WHERE rule_code = '503H'$$, ARRAY['e:18', 'e:19'],
  '503H: council of placement changed from last year''s open episode (p17, p18)');
SELECT set_eq($$SELECT row_ref FROM vp WHERE rule_code = '503J'$$, ARRAY['e:18', 'e:19'],
  '503J: placed outside the council (E09000002) where last year''s open episode was inside (p17, p18); p9 inside both years');
SELECT ok((SELECT not_checkable IS NOT NULL FROM careleaver.validation_rules WHERE rule_code = '411'),
  '411 is not checkable: PL_LOCATION is derived from PL_LA');

-- ------------------------------------------------------------------ 207
SELECT set_eq($$SELECT row_ref FROM vp WHERE rule_code = '207'$$, ARRAY['h:1'],
  '207: MOTHER 1 last year, 0 this year (m1); m2 unchanged, m3 has no episodes');
SELECT is((SELECT count(*)::int FROM careleaver.validate('sw24', 2024) WHERE rule_code = '207'), 0,
  '207 is silent without last year''s header');

-- ------------------------------------------------------------------ not checkable, with the reason
SELECT is((SELECT not_checkable FROM careleaver.validation_rules WHERE rule_code = '303'),
  'not checkable: the dataset does not hold the header''s UASC field (XML returns only)', '303 is not checkable: no header UASC flag');
SELECT is((SELECT not_checkable FROM careleaver.validation_rules WHERE rule_code = '205C'),
  'not checkable: the dataset does not hold the header''s UASC field (XML returns only)', '205C is not checkable: no header UASC flag');
SELECT ok((SELECT not_checkable IS NOT NULL AND check_sql IS NULL FROM careleaver.validation_rules WHERE rule_code = '205B'),
  '205B is registered as not checkable, with the reason');

SELECT * FROM finish();
ROLLBACK;
