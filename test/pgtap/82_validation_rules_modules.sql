-- The rules of the other modules (82_validation_rules_modules.sql) on a hand-worked return: for every rule a
-- row it flags and rows it leaves alone (doc/validation.md, "Rules of the other modules").
-- Collection year 2024 = 1 April 2023 to 31 March 2024, council 'A', dataset 'mt'. Files: e (episodes),
-- h (header), ad (AD1), pa (PlacedAdoption), pp (PrevPerm), mi (Missing), rv (Reviews), o2 (OC2),
-- ua (UASC), o3 (OC3). Children looked after all year ("CLA12") have one open episode from 1 January 2022.
BEGIN;
SELECT plan(113);

SELECT careleaver.create_dataset('mt');

-- ------------------------------------------------------------------ episodes
INSERT INTO mt.return_episodes (la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec, source_file, source_line) VALUES
  -- a1: adopted from A5 (with the foster carers) on 1 December 2023: every adoption rule passes
  ('A', 2024, 'a1', '2022-01-10', 'S', 'C2', 'N1', 'U4', 'PR1', '2023-06-01', 'X1', 'e', 1),
  ('A', 2024, 'a1', '2023-06-01', 'P', 'E1', 'N1', 'A5', 'PR1', '2023-12-01', 'E11', 'e', 2),
  -- b1: matched 1 February 2023, after the adoption placement began 1 January 2023 (331)
  ('A', 2024, 'b1', '2022-06-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2023-01-01', 'X1', 'e', 3),
  ('A', 2024, 'b1', '2023-01-01', 'P', 'E1', 'N1', 'A5', 'PR1', '2023-10-01', 'E11', 'e', 4),
  -- b2: decision 15 January 2023, before care began 1 February 2023 (334)
  ('A', 2024, 'b2', '2023-02-01', 'S', 'C2', 'N1', 'A5', 'PR1', '2023-11-01', 'E11', 'e', 5),
  -- b3: adopted from A6 (not with the foster carers) but FOSTER_CARE 1 (335)
  ('A', 2024, 'b3', '2022-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2023-01-01', 'X1', 'e', 6),
  ('A', 2024, 'b3', '2023-01-01', 'P', 'C2', 'N1', 'A6', 'PR1', '2023-09-01', 'E12', 'e', 7),
  -- b4: placed for adoption (A4) 1 January 2023, decision 1 February 2023 (521; matched after it too: 331)
  ('A', 2024, 'b4', '2022-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2023-01-01', 'X1', 'e', 8),
  ('A', 2024, 'b4', '2023-01-01', 'P', 'C2', 'N1', 'A4', 'PR1', '2023-09-01', 'E11', 'e', 9),
  -- b5: adopted the day of the match (582, and so 331)
  ('A', 2024, 'b5', '2022-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2023-01-01', 'X1', 'e', 10),
  ('A', 2024, 'b5', '2023-01-01', 'P', 'E1', 'N1', 'A5', 'PR1', '2023-08-01', 'E11', 'e', 11),
  -- b6: adopted in the year, no AD1 row (601)
  ('A', 2024, 'b6', '2022-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2023-01-01', 'X1', 'e', 12),
  ('A', 2024, 'b6', '2023-01-01', 'P', 'E1', 'N1', 'A5', 'PR1', '2023-09-01', 'E11', 'e', 13),
  -- c1: looked after all year, with AD1 and OC3 rows (187)
  ('A', 2024, 'c1', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 14),
  -- q1: care ended 1 August 2023; decision reversed 1 September 2023 (117)
  ('A', 2024, 'q1', '2022-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2023-08-01', 'E4A', 'e', 15),
  -- q2: care began 1 June 2023; decision reversed 20 May 2023 (118)
  ('A', 2024, 'q2', '2023-06-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 16),
  -- q3: placed for adoption under a placement order, no PlacedAdoption row (551, 553)
  ('A', 2024, 'q3', '2022-05-01', 'S', 'E1', 'N1', 'A5', 'PR1', NULL, NULL, 'e', 17),
  -- q4: placement order in force, decision reversed (553)
  ('A', 2024, 'q4', '2022-05-01', 'S', 'E1', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 18),
  -- q5: placement order granted 1 May 2023 (RNE L), decision 1 June 2023 (554)
  ('A', 2024, 'q5', '2022-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2023-05-01', 'X1', 'e', 19),
  ('A', 2024, 'q5', '2023-05-01', 'L', 'E1', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 20),
  -- q6: freeing order, no PlacedAdoption row (555); q7: freeing order before the decision (556)
  ('A', 2024, 'q6', '2022-05-01', 'S', 'D1', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 21),
  ('A', 2024, 'q7', '2022-05-01', 'S', 'D1', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 22),
  -- q8: left care from A5 unadopted, decision never reversed (557); q9: the same, reversed
  ('A', 2024, 'q8', '2022-05-01', 'S', 'E1', 'N1', 'A5', 'PR1', '2023-07-01', 'E4A', 'e', 23),
  ('A', 2024, 'q9', '2022-05-01', 'S', 'E1', 'N1', 'A5', 'PR1', '2023-07-01', 'E4A', 'e', 24),
  -- q10: adopted, but the decision was reversed (558; no AD1 row: 601)
  ('A', 2024, 'q10', '2022-05-01', 'S', 'E1', 'N1', 'A5', 'PR1', '2023-07-01', 'E11', 'e', 25),
  -- r1-r5, r7: started in the year (630, 632); r13: latest episode from 2015 (634)
  ('A', 2024, 'r1', '2023-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 26),
  ('A', 2024, 'r2', '2023-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 27),
  ('A', 2024, 'r3', '2023-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 28),
  ('A', 2024, 'r4', '2023-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 29),
  ('A', 2024, 'r5', '2023-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 30),
  ('A', 2024, 'r7', '2023-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 31),
  ('A', 2024, 'r13', '2015-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 32),
  -- n11: placement ended 1 June 2023 (X1), missing since 1 May, no end (575)
  ('A', 2024, 'n11', '2023-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2023-06-01', 'X1', 'e', 33),
  ('A', 2024, 'n11', '2023-06-01', 'P', 'C2', 'N1', 'U5', 'PR1', NULL, NULL, 'e', 34),
  -- n12: care ended 1 June 2023, missing since 1 May, no end (577, 575); n13: missing 1 July, after care ended (578)
  ('A', 2024, 'n12', '2023-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2023-06-01', 'E4A', 'e', 35),
  ('A', 2024, 'n13', '2023-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2023-06-01', 'E4A', 'e', 36),
  -- n14: care began 1 June 2023, missing 1 May (581); n15: missing while looked after (nothing)
  ('A', 2024, 'n14', '2023-06-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 37),
  ('A', 2024, 'n15', '2023-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 38),
  -- v9: short breaks only, yet a review and MOTHER (399); v10: V2, a review (nothing)
  ('A', 2024, 'v9', '2023-05-01', 'S', 'V3', 'N1', 'U4', 'PR1', '2023-05-03', 'E8', 'e', 39),
  ('A', 2024, 'v10', '2023-05-01', 'S', 'V2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 40),
  -- k26: care began in the year; k27: care ended on 31 March, the last day: neither looked after 12 months
  ('A', 2024, 'k26', '2023-06-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 41),
  ('A', 2024, 'k27', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2024-03-31', 'E4A', 'e', 42),
  -- u5, u6: former UASC looked after in the year (205A); u10, a former UASC only in the OC3 cohort, has none
  ('A', 2024, 'u5', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 43),
  ('A', 2024, 'u6', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 44);
-- CLA12 children of the OC2 rules (lines 101-)
INSERT INTO mt.return_episodes (la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec, source_file, source_line)
SELECT 'A', 2024, c, '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 100 + n
  FROM unnest(ARRAY['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k9', 'k10', 'k11', 'k13', 'k14', 'k15', 'k16',
                    'k17', 'k18', 'k19', 'k22', 'k23', 'k25']) WITH ORDINALITY AS u(c, n);

-- ------------------------------------------------------------------ header (this year, and last year's for 205)
INSERT INTO mt.return_header (la, year, child, sex, dob, mother, source_file, source_line) VALUES
  ('A', 2024, 'p5', '1', '2015-01-01', NULL, 'h', 1),
  ('A', 2024, 'v9', '2', '2008-01-01', 1, 'h', 2),
  ('A', 2024, 'v10', '2', '2008-01-01', 1, 'h', 3),
  ('A', 2024, 'u5', '1', '2006-01-01', NULL, 'h', 4),
  ('A', 2024, 'u6', '1', '2006-01-01', NULL, 'h', 5),
  ('A', 2024, 'u10', '1', '2006-01-01', NULL, 'h', 6),
  ('A', 2023, 'u7', '1', '2006-01-01', NULL, 'h', 1);
-- the header of the OC2 children
INSERT INTO mt.return_header (la, year, child, sex, dob, source_file, source_line)
SELECT 'A', 2024, c, '1', '2012-01-01', 'h', 100 + n
  FROM unnest(ARRAY['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k9', 'k13', 'k14', 'k15', 'k16', 'k17', 'k18',
                    'k22', 'k26', 'k27']) WITH ORDINALITY AS u(c, n);

-- ------------------------------------------------------------------ AD1
INSERT INTO mt.return_ad1 (la, year, child, dob, date_int, date_match, foster_care, nb_adoptr, sex_adoptr, ls_adoptr, source_file, source_line) VALUES
  ('A', 2024, 'a1', '2020-01-01', '2022-06-01', '2023-05-01', 1, 2, 'MF', 'L11', 'ad', 1),
  ('A', 2024, 'a2', '2020-01-01', NULL, '2023-05-01', 0, 1, 'M1', 'L0', 'ad', 2),          -- DATE_INT refused: 112
  ('A', 2024, 'a3', '2020-01-01', '2023-01-01', NULL, 3, 3, 'XX', 'L9', 'ad', 3),          -- 113, 114, 175, 176, 177
  ('A', 2024, 'a4', '2020-01-01', '2023-01-01', NULL, NULL, NULL, NULL, 'L0', 'ad', 4),   -- 151
  ('A', 2024, 'a5', '2020-01-01', '2023-05-02', '2023-05-01', 0, 2, 'MF', 'L11', 'ad', 5), -- 333
  ('A', 2024, 'a6', '2020-01-01', '2023-01-01', '2023-02-01', 0, 2, 'M1', 'L0', 'ad', 6),  -- 511, 514
  ('A', 2024, 'a7', '2020-01-01', '2023-01-01', '2023-02-01', 0, 1, 'MM', 'L0', 'ad', 7),  -- 514
  ('A', 2024, 'a8', '2020-01-01', '2023-01-01', '2023-02-01', 0, 2, 'FF', 'L3', 'ad', 8),  -- 517
  ('A', 2024, 'a9', '2020-01-01', '2023-01-01', '2023-02-01', 0, 2, 'MF', 'L4', 'ad', 9),  -- 518
  ('A', 2024, 'a10', '2020-01-01', '2023-01-01', '2023-02-01', 0, 1, 'M1', 'L2', 'ad', 10), -- 519
  ('A', 2024, 'a11', '2020-01-01', '2023-01-01', '2023-02-01', 0, 2, 'MM', 'L11', 'ad', 11), -- 520
  ('A', 2024, 'a12', '2020-01-01', '2023-01-01', '2023-02-01', 0, 2, 'MF', 'L12', 'ad', 12), -- 524
  ('A', 2024, 'a13', '2020-01-01', '2023-01-01', '2023-02-01', 0, 2, 'mf', 'l3', 'ad', 13), -- read as MF, L3: nothing
  ('A', 2024, 'a14', '2020-01-01', '2023-01-01', '2023-02-01', 0, 2, 'MM', 'L4', 'ad', 14),
  ('A', 2024, 'a15', '2020-01-01', '2023-01-01', '2023-02-01', 0, 2, 'FF', 'L2', 'ad', 15),
  ('A', 2024, 'a16', '2020-01-01', '2023-01-01', '2023-02-01', 0, 2, 'MM', 'L12', 'ad', 16),
  ('A', 2024, 'c1', '2020-01-01', '2023-01-01', '2023-02-01', 0, 2, 'MF', 'L11', 'ad', 17), -- 187
  ('A', 2024, 'q17', '2020-01-01', '2023-05-01', '2023-06-01', 0, 2, 'MF', 'L11', 'ad', 18), -- 525
  ('A', 2024, 'q18', '2020-01-01', '2023-05-02', '2023-06-01', 0, 2, 'MF', 'L11', 'ad', 19), -- 523
  ('A', 2024, 'b1', '2020-01-01', '2022-12-01', '2023-02-01', 1, 2, 'MF', 'L11', 'ad', 20),
  ('A', 2024, 'b2', '2020-01-01', '2023-01-15', '2023-01-20', 1, 2, 'MF', 'L11', 'ad', 21),
  ('A', 2024, 'b3', '2020-01-01', '2022-12-01', '2022-12-20', 1, 2, 'MF', 'L11', 'ad', 22),
  ('A', 2024, 'b4', '2020-01-01', '2023-02-01', '2023-03-01', 0, 2, 'MF', 'L11', 'ad', 23),
  ('A', 2024, 'b5', '2020-01-01', '2022-12-01', '2023-08-01', 1, 2, 'MF', 'L11', 'ad', 24);

-- ------------------------------------------------------------------ PlacedAdoption (this year, and last year's)
INSERT INTO mt.return_placed_adoption (la, year, child, dob, date_placed, date_placed_ceased, reason_placed_ceased, source_file, source_line) VALUES
  ('A', 2024, 'a1', '2020-01-01', '2022-06-01', NULL, NULL, 'pa', 1),
  ('A', 2024, 'b1', '2020-01-01', '2022-12-01', NULL, NULL, 'pa', 2),
  ('A', 2024, 'b2', '2020-01-01', '2023-01-15', NULL, NULL, 'pa', 3),
  ('A', 2024, 'b3', '2020-01-01', '2022-12-01', NULL, NULL, 'pa', 4),
  ('A', 2024, 'b4', '2020-01-01', '2023-02-01', NULL, NULL, 'pa', 5),             -- after the A4 placement: 552
  ('A', 2024, 'b5', '2020-01-01', '2022-12-01', NULL, NULL, 'pa', 6),
  ('A', 2024, 'b6', '2020-01-01', '2022-12-01', NULL, NULL, 'pa', 7),
  ('A', 2024, 'p1', '2020-01-01', NULL, NULL, NULL, 'pa', 8),                     -- DATE_PLACED refused: 115
  ('A', 2024, 'p2', '2020-01-01', '2023-05-01', NULL, 'RD1', 'pa', 9),            -- DATE_PLACED_CEASED refused: 116
  ('A', 2024, 'p3', '2020-01-01', '2023-05-01', '2023-06-01', NULL, 'pa', 10),    -- 119
  ('A', 2024, 'p4', '2020-01-01', '2023-05-01', '2023-06-01', 'RD9', 'pa', 11),   -- 120
  ('A', 2024, 'p5', NULL, '2014-12-01', NULL, NULL, 'pa', 12),                    -- before the header DOB: 184
  ('A', 2024, 'p6', '2020-01-01', '2023-06-01', '2023-05-01', 'RD1', 'pa', 13),   -- 522
  ('A', 2024, 'p7', '2020-01-01', NULL, '2023-05-01', 'RD2', 'pa', 14),           -- 563
  ('A', 2024, 'p8', '2020-01-01', '2023-04-10', NULL, NULL, 'pa', 15),            -- never reversed: 583
  ('A', 2024, 'p8', '2020-01-01', '2023-06-01', NULL, NULL, 'pa', 16),            -- while the first stands: 579
  ('A', 2024, 'p9', '2020-01-01', '2023-04-10', '2023-07-01', 'RD1', 'pa', 17),
  ('A', 2024, 'p9', '2020-01-01', '2023-06-01', NULL, NULL, 'pa', 18),            -- before the first was reversed: 579
  ('A', 2024, 'p10', '2020-01-01', '2023-04-10', '2023-05-01', 'RD1', 'pa', 19),
  ('A', 2024, 'p10', '2020-01-01', '2023-06-01', NULL, NULL, 'pa', 20),
  ('A', 2024, 'p11', '2020-01-01', '2024-04-02', NULL, NULL, 'pa', 21),           -- after the year: 117
  ('A', 2024, 'q1', '2020-01-01', '2023-06-01', '2023-09-01', 'RD1', 'pa', 22),   -- reversed after care ended: 117
  ('A', 2024, 'q2', '2020-01-01', '2023-05-15', '2023-05-20', 'RD1', 'pa', 23),   -- reversed before care began: 118
  ('A', 2024, 'q4', '2020-01-01', '2022-04-01', '2023-06-01', 'RD1', 'pa', 24),   -- 553
  ('A', 2024, 'q5', '2020-01-01', '2023-06-01', NULL, NULL, 'pa', 25),            -- 554
  ('A', 2024, 'q7', '2020-01-01', '2022-06-01', NULL, NULL, 'pa', 26),
  ('A', 2024, 'q8', '2020-01-01', '2022-04-01', NULL, NULL, 'pa', 27),
  ('A', 2024, 'q9', '2020-01-01', '2022-04-01', '2023-07-01', 'RD1', 'pa', 28),
  ('A', 2024, 'q10', '2020-01-01', '2022-04-01', '2023-06-01', 'RD1', 'pa', 29),  -- 558
  ('A', 2024, 'q11', '2020-01-01', '2022-10-01', NULL, NULL, 'pa', 30),           -- 559
  ('A', 2024, 'q12', '2020-01-01', '2022-10-01', NULL, NULL, 'pa', 31),
  ('A', 2024, 'q13', '2020-01-01', '2022-09-15', NULL, NULL, 'pa', 32),           -- 560
  ('A', 2024, 'q14', '2020-01-01', '2022-09-01', '2023-01-01', 'RD1', 'pa', 33),  -- 561 (and 584, 118)
  ('A', 2024, 'q15', '2020-01-01', '2022-08-01', NULL, NULL, 'pa', 34),           -- 584
  ('A', 2024, 'q16', '2020-01-01', '2023-05-01', NULL, NULL, 'pa', 35),
  ('A', 2024, 'q17', '2020-01-01', '2023-05-01', '2023-06-01', 'RD1', 'pa', 36),
  ('A', 2024, 'q18', '2020-01-01', '2023-05-01', NULL, NULL, 'pa', 37),
  ('A', 2023, 'q12', '2020-01-01', '2022-10-01', NULL, NULL, 'pa', 1),
  ('A', 2023, 'q9', '2020-01-01', '2022-04-01', NULL, NULL, 'pa', 6),
  ('A', 2023, 'a1', '2020-01-01', '2022-06-01', NULL, NULL, 'pa', 7),
  ('A', 2023, 'q13', '2020-01-01', '2022-09-01', NULL, NULL, 'pa', 2),
  ('A', 2023, 'q14', '2020-01-01', '2022-09-01', '2023-01-01', 'RD1', 'pa', 3),
  ('A', 2023, 'q15', '2020-01-01', '2022-09-01', '2023-01-01', 'RD1', 'pa', 4),
  ('A', 2023, 'q16', '2020-01-01', '2022-09-01', '2023-01-01', 'RD1', 'pa', 5);

-- ------------------------------------------------------------------ PrevPerm
INSERT INTO mt.return_prev_perm (la, year, child, dob, prev_perm, la_perm, date_perm, source_file, source_line) VALUES
  ('A', 2024, 'r2', '2015-01-01', 'P1', NULL, '2020-01-01', 'pp', 1),   -- an order without LA_PERM: 630
  ('A', 2024, 'r3', '2015-01-01', 'Z1', NULL, NULL, 'pp', 2),
  ('A', 2024, 'r4', '2015-01-01', 'P2', '889', '2020-01-01', 'pp', 3),
  ('A', 2024, 'r5', '2015-01-01', 'P4', NULL, NULL, 'pp', 4),
  ('A', 2024, 'r6', '2015-01-01', 'P9', NULL, NULL, 'pp', 5),           -- 631
  ('A', 2024, 'r7', '2015-01-01', 'P1', '889', '2023-06-01', 'pp', 6),  -- after care began: 632
  ('A', 2024, 'r8', '2015-01-01', 'P1', '889', NULL, 'pp', 7),          -- zz/05/2015 refused: allowed
  ('A', 2024, 'r9', '2015-01-01', 'P1', '889', NULL, 'pp', 8),          -- 2015-99 refused: 632
  ('A', 2024, 'r10', '2015-01-01', 'P1', '123', '2020-01-01', 'pp', 9), -- 633
  ('A', 2024, 'r11', '2015-01-01', 'P1', 'wal', '2020-01-01', 'pp', 10),
  ('A', 2024, 'r12', '2015-01-01', 'P2', '941', '2022-01-01', 'pp', 11),
  ('A', 2024, 'r13', '2010-01-01', 'P1', '889', '2014-01-01', 'pp', 12), -- 634
  ('A', 2024, 'r14', '2015-01-01', 'Z1', '889', NULL, 'pp', 13),         -- 635
  ('A', 2024, 'r15', '2015-01-01', NULL, NULL, '2019-01-01', 'pp', 14);  -- 635

-- ------------------------------------------------------------------ Missing
INSERT INTO mt.return_missing (la, year, child, dob, missing, mis_start, mis_end, source_file, source_line) VALUES
  ('A', 2024, 'n1', '2010-01-01', 'M', NULL, NULL, 'mi', 1),                  -- 564
  ('A', 2024, 'n2', '2010-01-01', NULL, '2023-05-01', NULL, 'mi', 2),          -- 565
  ('A', 2024, 'n3', '2010-01-01', NULL, '2023-05-01', '2023-05-02', 'mi', 3),  -- 565, 566
  ('A', 2024, 'n4', '2010-01-01', 'A', '2023-05-05', '2023-05-01', 'mi', 4),   -- 567
  ('A', 2024, 'n5', '2010-01-01', 'M', '2024-04-05', NULL, 'mi', 5),           -- 570
  ('A', 2024, 'n6', '2010-01-01', 'M', '2023-03-01', '2023-03-05', 'mi', 6),   -- 571
  ('A', 2024, 'n7', '2010-01-01', 'M', '2023-05-01', '2024-04-02', 'mi', 7),   -- 571
  ('A', 2024, 'n8', '2010-01-01', 'M', '2023-05-01', NULL, 'mi', 8),
  ('A', 2024, 'n8', '2010-01-01', 'M', '2023-06-01', '2023-06-02', 'mi', 9),   -- the one before is open: 574
  ('A', 2024, 'n9', '2010-01-01', 'M', '2023-05-01', '2023-05-10', 'mi', 10),
  ('A', 2024, 'n9', '2010-01-01', 'A', '2023-05-05', '2023-05-20', 'mi', 11),  -- overlaps: 574
  ('A', 2024, 'n10', '2010-01-01', 'M', '2023-05-01', '2023-05-10', 'mi', 12),
  ('A', 2024, 'n10', '2010-01-01', 'M', '2023-05-10', '2023-05-12', 'mi', 13),
  ('A', 2024, 'n11', '2010-01-01', 'M', '2023-05-01', NULL, 'mi', 14),         -- 575
  ('A', 2024, 'n12', '2010-01-01', 'M', '2023-05-01', NULL, 'mi', 15),         -- 577, 575
  ('A', 2024, 'n13', '2010-01-01', 'M', '2023-07-01', '2023-07-02', 'mi', 16), -- 578
  ('A', 2024, 'n14', '2010-01-01', 'M', '2023-05-01', '2023-05-02', 'mi', 17), -- 581
  ('A', 2024, 'n15', '2010-01-01', 'M', '2023-05-01', '2023-05-03', 'mi', 18),
  ('A', 2024, 'n16', '2023-06-01', 'M', '2023-05-01', '2023-05-02', 'mi', 19); -- 586

-- ------------------------------------------------------------------ Reviews
INSERT INTO mt.return_reviews (la, year, child, dob, review, review_code, source_file, source_line) VALUES
  ('A', 2024, 'v1', '2010-01-01', NULL, 'PN1', 'rv', 1),           -- 166, 167
  ('A', 2024, 'v2', '2010-01-01', NULL, 'PN1', 'rv', 2),           -- REVIEW refused: 166
  ('A', 2024, 'v3', '2010-01-01', '2023-05-01', 'PN9', 'rv', 3),   -- 167
  ('A', 2024, 'v4', '2010-01-01', '2023-05-01', NULL, 'rv', 4),    -- 167
  ('A', 2024, 'v5', '2018-01-01', '2023-05-01', 'PN0', 'rv', 5),   -- 440
  ('A', 2024, 'v6', '2021-01-01', '2023-05-01', 'PN1', 'rv', 6),   -- 441
  ('A', 2024, 'v7', '2019-05-01', '2023-05-01', 'pn0', 'rv', 7),   -- on the 4th birthday: 440
  ('A', 2024, 'v8', '2019-05-02', '2023-05-01', 'PN0', 'rv', 8),
  ('A', 2024, 'v9', '2008-01-01', '2023-05-02', 'PN1', 'rv', 9),   -- 399
  ('A', 2024, 'v10', '2008-01-01', '2023-05-02', 'PN1', 'rv', 10);

-- ------------------------------------------------------------------ OC2 (DOB 2012-01-01 unless said)
INSERT INTO mt.return_oc2 (la, year, child, dob, sdq_score, sdq_reason, convicted, health_check, immunisations,
    teeth_check, health_assessment, substance_misuse, intervention_received, intervention_offered, source_file, source_line) VALUES
  ('A', 2024, 'k1', '2012-01-01', 10, NULL, 0, NULL, 1, 1, 1, 0, NULL, NULL, 'o2', 1),
  ('A', 2024, 'k2', '2012-01-01', 41, NULL, 0, NULL, 1, 1, 1, 0, NULL, NULL, 'o2', 2),      -- 180
  ('A', 2024, 'k3', '2012-01-01', 10, NULL, 0, NULL, 1, 2, 1, 0, NULL, NULL, 'o2', 3),      -- 181
  ('A', 2024, 'k4', '2012-01-01', 10, NULL, 0, NULL, NULL, 1, 1, 0, NULL, NULL, 'o2', 4),   -- 182, 191, 544
  ('A', 2024, 'k5', '2012-01-01', NULL, 'SDQ1', 0, NULL, 1, 1, 1, 0, NULL, NULL, 'o2', 5),  -- 157
  ('A', 2024, 'k6', '2012-01-01', 10, NULL, 0, NULL, 1, 1, 1, 1, 1, 0, 'o2', 6),           -- 158
  ('A', 2024, 'k7', '2012-01-01', 10, NULL, 0, NULL, 1, 1, 1, 1, 0, NULL, 'o2', 7),         -- 159
  ('A', 2024, 'k8', '2012-01-01', 10, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'o2', 8), -- 185
  ('A', 2024, 'k9', '2012-01-01', NULL, NULL, 0, NULL, 1, 1, 1, 0, NULL, NULL, 'o2', 9),    -- 186
  ('A', 2024, 'k10', '2021-01-01', NULL, 'SDQ1', NULL, 1, 1, 1, 1, 0, NULL, NULL, 'o2', 10), -- 188
  ('A', 2024, 'k11', '2006-03-01', 10, NULL, 0, NULL, 1, 1, 1, 0, NULL, NULL, 'o2', 11),    -- 189
  ('A', 2024, 'k12', '2012-01-01', NULL, NULL, NULL, NULL, 1, NULL, NULL, NULL, NULL, NULL, 'o2', 12), -- 190
  ('A', 2024, 'k13', '2012-01-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'o2', 13), -- 191, 186, 543
  ('A', 2024, 'k15', '2012-01-01', 10, NULL, 0, NULL, 1, 1, 1, 1, NULL, NULL, 'o2', 14),    -- 192
  ('A', 2024, 'k16', '2012-01-01', 10, NULL, 0, NULL, 1, 1, 1, 0, 0, NULL, 'o2', 15),       -- 193
  ('A', 2024, 'k17', '2012-01-01', NULL, 'sdq9', 0, NULL, 1, 1, 1, 0, NULL, NULL, 'o2', 16), -- 196
  ('A', 2024, 'k18', '2012-01-01', 10, 'SDQ2', 0, NULL, 1, 1, 1, 0, NULL, NULL, 'o2', 17),  -- 197a
  ('A', 2024, 'k19', '2019-06-01', NULL, NULL, NULL, 1, 1, 1, 1, 0, NULL, NULL, 'o2', 18),  -- 4th birthday in the year: 197B
  ('A', 2024, 'k20', '2012-01-01', NULL, 'SDQ2', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'o2', 19), -- 198
  ('A', 2024, 'k21', '2005-01-01', NULL, NULL, NULL, NULL, 1, NULL, NULL, NULL, NULL, NULL, 'o2', 20), -- 215 (and 190)
  ('A', 2024, 'k22', '2012-01-01', 10, NULL, NULL, NULL, 1, 1, 1, 0, NULL, NULL, 'o2', 21), -- 543
  ('A', 2024, 'k23', '2020-01-01', NULL, 'SDQ1', NULL, NULL, 1, 1, 1, 0, NULL, NULL, 'o2', 22), -- 545
  ('A', 2024, 'k24', '2012-01-01', NULL, NULL, NULL, 1, NULL, NULL, NULL, NULL, NULL, NULL, 'o2', 23), -- 546 (and 190)
  ('A', 2024, 'k25', '2020-01-01', NULL, 'SDQ1', NULL, 0, NULL, 1, 1, 0, NULL, NULL, 'o2', 24), -- 547, 182, 191
  ('A', 2024, 'k26', '2012-01-01', 10, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'o2', 25), -- 185
  ('A', 2024, 'k27', '2012-01-01', 10, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'o2', 26); -- 185

-- ------------------------------------------------------------------ UASC (this year, and last year's)
INSERT INTO mt.return_uasc (la, year, child, sex, dob, duc, source_file, source_line) VALUES
  ('A', 2024, 'u1', '1', '2007-01-01', NULL, 'ua', 1),          -- DUC refused: 104
  ('A', 2024, 'u2', '1', '2005-01-01', '2023-02-01', 'ua', 2),  -- after the 18th birthday: 304
  ('A', 2024, 'u3', '1', '2005-01-01', '2023-01-01', 'ua', 3),
  ('A', 2024, 'u7', '1', '2006-01-01', NULL, 'ua', 4),          -- not UASC in last year's return: 205D
  ('A', 2024, 'u8', '1', '2015-01-01', NULL, 'ua', 5),
  ('A', 2023, 'u5', '1', '2006-01-01', NULL, 'ua', 1),          -- no longer UASC, DUC blank: 205A
  ('A', 2023, 'u6', '1', '2006-01-01', '2022-12-01', 'ua', 2),
  ('A', 2023, 'u10', '1', '2006-01-01', NULL, 'ua', 3);

-- ------------------------------------------------------------------ OC3
INSERT INTO mt.return_oc3 (la, year, child, dob, in_touch, activ, accom, source_file, source_line) VALUES
  ('A', 2024, 'a2', '2005-01-01', 'YES', 'F2', 'D1', 'o3', 1),   -- 134
  ('A', 2024, 'c1', '2005-01-01', 'YES', 'F2', 'D1', 'o3', 2),   -- 187
  ('A', 2024, 'k21', '2005-01-01', 'YES', 'F2', 'D1', 'o3', 3);  -- 215

-- ------------------------------------------------------------------ values the loader refused in kept rows
INSERT INTO mt.rejects (la, year, source_file, source_line, column_name, value, reason) VALUES
  ('A', 2024, 'ad', 2, 'DATE_INT', '31/02/2023', 'not a date'),
  ('A', 2024, 'ad', 3, 'DATE_MATCH', '2023-13-01', 'not a date'),
  ('A', 2024, 'pa', 8, 'DATE_PLACED', '2023/01/01', 'not a date'),
  ('A', 2024, 'pa', 9, 'DATE_PLACED_CEASED', '32/01/2023', 'not a date'),
  ('A', 2024, 'pp', 7, 'DATE_PERM', 'zz/05/2015', 'not a date'),
  ('A', 2024, 'pp', 8, 'DATE_PERM', '2015-99', 'not a date'),
  ('A', 2024, 'rv', 2, 'REVIEW', '2023-02-30', 'not a date'),
  ('A', 2024, 'ua', 1, 'DUC', 'soon', 'not a date');

CREATE TEMP TABLE v AS SELECT * FROM careleaver.validate('mt', 2024, 'A');

-- ------------------------------------------------------------------ the registry
SELECT is((SELECT count(*)::int FROM careleaver.validation_rules
            WHERE family IN ('adoption', 'placed for adoption', 'previous permanence', 'missing', 'reviews',
                             'outcomes (OC2)', 'UASC') AND check_sql IS NOT NULL), 100,
  '100 rules of the other modules are checked (205B, 205C and 303, not checkable, are in 84_validation_rules_sw.sql)');
SELECT is((SELECT until_year FROM careleaver.validation_rules WHERE rule_code = '555'), 2024,
  '555 (freeing orders) applies up to 2023-24');
SELECT is((SELECT since_year FROM careleaver.validation_rules WHERE rule_code = '348'), 2026, '348 applies from 2025-26');

-- ------------------------------------------------------------------ AD1
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '112'$$, ARRAY['ad:2'], '112: a refused DATE_INT');
SELECT is((SELECT message FROM v WHERE rule_code = '112'), 'DATE_INT 31/02/2023 is not a date', 'message of 112 quotes the value');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '113'$$, ARRAY['ad:3'], '113: a refused DATE_MATCH');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '114'$$, ARRAY['ad:3'], '114: FOSTER_CARE 3; 0 and 1 pass');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '175'$$, ARRAY['ad:3'], '175: NB_ADOPTR 3; 1 and 2 pass');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '176'$$, ARRAY['ad:3'], '176: SEX_ADOPTR XX; lower-case mf passes');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '177'$$, ARRAY['ad:3'], '177: LS_ADOPTR L9; lower-case l3 passes');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '151'$$, ARRAY['ad:4'],
  '151: partly blank AD1; a refused DATE_INT (ad:2) or DATE_MATCH (ad:3) counts as given');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '333'$$, ARRAY['ad:5'],
  '333: DATE_INT after DATE_MATCH; a refused DATE_INT is 112''s');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '511'$$, ARRAY['ad:6'], '511: two adopters, SEX_ADOPTR M1');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '514'$$, ARRAY['ad:6', 'ad:7'],
  '514: L0 with NB_ADOPTR 2 or a couple in SEX_ADOPTR; L0 single (ad:2) passes');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '517'$$, ARRAY['ad:8'], '517: L3 with FF; l3 with mf passes');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '518'$$, ARRAY['ad:9'], '518: L4 with MF; L4 with MM passes');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '519'$$, ARRAY['ad:10'], '519: L2 with M1; L2 with FF passes');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '520'$$, ARRAY['ad:11'], '520: L11 with MM; L11 with MF passes');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '524'$$, ARRAY['ad:12'], '524: L12 with MF; L12 with MM passes');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '331'$$, ARRAY['ad:20', 'ad:23', 'ad:24'],
  '331: matched after the adoption placement began (b1, b4, b5); a1 matched before');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '334'$$, ARRAY['ad:21'],
  '334: decision before the latest start of care (b2); a1''s decision after it');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '335'$$, ARRAY['ad:22'],
  '335: adopted from A6 with FOSTER_CARE 1 (b3); A5 with 1 (a1) and A4 with 0 (b4) pass');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '521'$$, ARRAY['ad:23'],
  '521: decision after the A4 placement began (b4)');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '582'$$, ARRAY['e:11'], '582: adopted on the day of the match (b5)');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '601'$$, ARRAY['e:13', 'e:25'],
  '601: adopted in the year without an AD1 row (b6, q10); a1-b5 have complete rows');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '602'$$,
  ARRAY['ad:2', 'ad:3', 'ad:4', 'ad:5', 'ad:6', 'ad:7', 'ad:8', 'ad:9', 'ad:10', 'ad:11', 'ad:12', 'ad:13', 'ad:14',
        'ad:15', 'ad:16', 'ad:17', 'ad:18', 'ad:19'],
  '602: AD1 rows of children not adopted in the year; the adopted (a1, b1-b5) pass');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '134'$$, ARRAY['ad:2', 'ad:17'],
  '134: AD1 rows of young people with OC3 information (a2, c1)');
SELECT set_eq($$SELECT rule_code || ' ' || row_ref FROM v WHERE rule_code IN ('187', '134') AND child = 'c1'$$,
  ARRAY['187 ad:17', '187 o3:2', '134 ad:17'], '187: looked after all year, with AD1 and OC3 rows (both flagged)');

-- ------------------------------------------------------------------ PlacedAdoption
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '115'$$, ARRAY['pa:8'], '115: a refused DATE_PLACED');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '116'$$, ARRAY['pa:9'], '116: a refused DATE_PLACED_CEASED');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '117'$$, ARRAY['pa:21', 'pa:22'],
  '117: a decision after the year (p11), a reversal after care ended (q1)');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '118'$$, ARRAY['pa:23', 'pa:33'],
  '118: reversed before care began (q2), reversed before the year (q14); in-year reversals after the start pass');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '119'$$, ARRAY['pa:10'],
  '119: a reversal date without a reason; a refused date with a reason (pa:9) passes');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '120'$$, ARRAY['pa:11'], '120: REASON_PLACED_CEASED RD9');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '184'$$, ARRAY['pa:12'], '184: decision before the header DOB');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '522'$$, ARRAY['pa:13'], '522: reversed before it was made');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '523'$$, ARRAY['ad:19'],
  '523: DATE_INT matching no DATE_PLACED (q18); a1 matches');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '525'$$, ARRAY['ad:18'],
  '525: adopted although every decision was reversed (q17); a1''s decision stands');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '551'$$, ARRAY['e:17'], '551: placed for adoption (q3) without DATE_PLACED');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '552'$$, ARRAY['pa:5'], '552: decision after the A4 placement began (b4)');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '553'$$, ARRAY['e:17', 'pa:24'],
  '553: placement order without PlacedAdoption (q3), reversed while the order is in force (q4)');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '554'$$, ARRAY['pa:25'],
  '554: decision after the placement order was granted (q5); q4''s before it');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '555'$$, ARRAY['e:21'], '555: freeing order without PlacedAdoption (q6)');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '556'$$, ARRAY['e:22'], '556: freeing order before the decision (q7)');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '557'$$, ARRAY['e:23'],
  '557: left care unadopted from A5, never reversed (q8); q9 reversed');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '558'$$, ARRAY['pa:29'], '558: adopted, latest decision reversed (q10)');
-- (the other children's decisions before the year are absent from last year's return too, and flagged: only
-- q11 and q12 are about 559)
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '559' AND child IN ('q11', 'q12')$$, ARRAY['pa:30'],
  '559: a decision before the year missing from last year''s return (q11); q12''s is there');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '560'$$, ARRAY['pa:32'],
  '560: last year''s standing decision given another date (q13)');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '561'$$, ARRAY['pa:33'],
  '561: a decision last year''s return reversed, given again (q14)');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '563'$$, ARRAY['pa:14'], '563: reversed, DATE_PLACED blank');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '579'$$, ARRAY['pa:16', 'pa:18'],
  '579: a new decision while the previous stands (p8) or before it was reversed (p9); p10 in order');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '583'$$, ARRAY['pa:15'], '583: an earlier decision never reversed (p8)');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '584'$$, ARRAY['pa:33', 'pa:34'],
  '584: not after last year''s reversed decision (q14, q15); q16 after it');

-- ------------------------------------------------------------------ PrevPerm
-- (r1-r5 are the PrevPerm children; the others who started in the year have no PrevPerm row and are flagged too)
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '630' AND child LIKE 'r%'$$, ARRAY['e:26', 'e:27'],
  '630: started in the year without PrevPerm (r1) or an order without LA_PERM (r2); Z1, P2 with LA and date, P4 pass');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '631'$$, ARRAY['pp:5'], '631: PREV_PERM P9');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '632'$$, ARRAY['pp:6', 'pp:8'],
  '632: order after care began (r7), 2015-99 refused (r9); zz/05/2015 refused is allowed (r8)');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '633'$$, ARRAY['pp:9'], '633: LA_PERM 123; 889, wal, 941 pass');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '634'$$, ARRAY['pp:12'], '634: latest episode from 2015 (r13)');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '635'$$, ARRAY['pp:13', 'pp:14'],
  '635: LA_PERM with Z1 (r14), DATE_PERM with PREV_PERM blank (r15)');

-- ------------------------------------------------------------------ Missing
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '564'$$, ARRAY['mi:1'], '564: MISSING M, MIS_START blank');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '565'$$, ARRAY['mi:2', 'mi:3'], '565: MIS_START without MISSING');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '566'$$, ARRAY['mi:3'], '566: MIS_END without MISSING');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '567'$$, ARRAY['mi:4'], '567: ended before it started');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '570'$$, ARRAY['mi:5'], '570: started after the year');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '571'$$, ARRAY['mi:6', 'mi:7'], '571: ended before or after the year');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '574'$$, ARRAY['mi:9', 'mi:11'],
  '574: starts while the previous is open (n8) or before it ended (n9); n10 ends and starts the same day');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '575'$$, ARRAY['mi:14', 'mi:15'],
  '575: open missing episode whose placement ended (n11 by X1, n12 by E4A); n15''s placement goes on');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '577'$$, ARRAY['mi:15'], '577: open missing episode, care ended (n12)');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '578'$$, ARRAY['mi:16'], '578: missing after care ended (n13)');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '581'$$, ARRAY['mi:17'], '581: missing before care began (n14)');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '586'$$, ARRAY['mi:19'], '586: missing before the date of birth');

-- ------------------------------------------------------------------ Reviews
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '166'$$, ARRAY['rv:1', 'rv:2'], '166: REVIEW blank or refused');
SELECT is((SELECT message FROM v WHERE rule_code = '166' AND row_ref = 'rv:2'), 'REVIEW 2023-02-30 is not a date',
  'message of 166 quotes the refused value');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '167'$$, ARRAY['rv:1', 'rv:3', 'rv:4'],
  '167: code without a date, PN9, blank code; a refused date with a code (rv:2) is 166''s');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '440'$$, ARRAY['rv:5', 'rv:7'],
  '440: PN0 at 5, and on the 4th birthday; the day before it passes');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '441'$$, ARRAY['rv:6'], '441: PN1 at 2');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '399'$$, ARRAY['rv:9', 'h:2'],
  '399: review and MOTHER of a child with short breaks only (v9); v10 (V2) passes');

-- ------------------------------------------------------------------ OC2
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '180'$$, ARRAY['o2:2'], '180: SDQ_SCORE 41');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '181'$$, ARRAY['o2:3'], '181: TEETH_CHECK 2');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '182'$$, ARRAY['o2:4', 'o2:23', 'o2:24'],
  '182: CONVICTED or HEALTH_CHECK given, IMMUNISATIONS blank');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '157'$$, ARRAY['o2:5'],
  '157: SDQ1 for an 11-year-old; for a 3-year-old (o2:10) it passes');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '158'$$, ARRAY['o2:6'], '158: intervention received and offered');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '159'$$, ARRAY['o2:7'], '159: not received, offered blank');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '185'$$, ARRAY['o2:8', 'o2:25', 'o2:26'],
  '185: SDQ score of children not looked after 12 months: none (k8), started in the year (k26), left on 31 March (k27)');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '186'$$, ARRAY['o2:9', 'o2:13'],
  '186: no SDQ score nor reason, aged 4 to 16, looked after 12 months');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '188'$$, ARRAY['o2:10'], '188: SDQ reason for a 3-year-old');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '189'$$, ARRAY['o2:11'], '189: SDQ score at 17 on the first day');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '190'$$, ARRAY['o2:12', 'o2:20', 'o2:23'],
  '190: 0/1 items of children not looked after 12 months');
-- (the children of the other families looked after all year have no OC2 row either: only the k children count here)
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '191' AND child LIKE 'k%'$$, ARRAY['o2:4', 'o2:13', 'o2:24', 'e:112'],
  '191: blank items of children looked after 12 months, and k14 with no OC2 row (its episode)');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '192'$$, ARRAY['o2:14'], '192: misuse, received blank');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '193'$$, ARRAY['o2:15'], '193: no misuse, received given');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '196'$$, ARRAY['o2:16'], '196: SDQ_REASON sdq9');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '197a'$$, ARRAY['o2:17'], '197a: score and reason');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '197B'$$, ARRAY['o2:18'], '197B: 4th birthday in the year, nothing given');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '198'$$, ARRAY['o2:19'], '198: SDQ reason, not looked after 12 months');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '215'$$, ARRAY['o2:20', 'o3:3'], '215: OC2 items and OC3 information (k21)');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '543'$$, ARRAY['o2:13', 'o2:21'], '543: CONVICTED blank at 12');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '544'$$, ARRAY['o2:4'], '544: CONVICTED 0 given, IMMUNISATIONS blank');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '545'$$, ARRAY['o2:22'], '545: HEALTH_CHECK blank at 4');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '546'$$, ARRAY['o2:23'], '546: HEALTH_CHECK at 12');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '547'$$, ARRAY['o2:23', 'o2:24'],
  '547: HEALTH_CHECK 1 or 0 given, IMMUNISATIONS blank');

-- ------------------------------------------------------------------ UASC
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '104'$$, ARRAY['ua:1'], '104: a refused DUC');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '304'$$, ARRAY['ua:2'], '304: DUC after the 18th birthday; on it passes');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '205A'$$, ARRAY['h:4'],
  '205A: UASC last year, looked after, not UASC now, DUC blank (u5); u6''s DUC was in last year; u10 is only a care leaver');
SELECT set_eq($$SELECT row_ref FROM v WHERE rule_code = '205D'$$, ARRAY['ua:4'],
  '205D: UASC now, in last year''s return without (u7); u2, u3 not in last year''s return');

-- ------------------------------------------------------------------ no rule of these families flags the clean children
SELECT is((SELECT string_agg(v.rule_code || ' ' || v.child, ', ')
             FROM v JOIN careleaver.validation_rules r USING (rule_code)
             JOIN (VALUES ('a1', 'adoption'), ('a13', 'adoption'), ('a14', 'adoption'), ('a15', 'adoption'),
                          ('a16', 'adoption'), ('a1', 'placed for adoption'), ('q9', 'placed for adoption'),
                          ('q12', 'placed for adoption'), ('q16', 'placed for adoption'), ('r3', 'previous permanence'),
                          ('r4', 'previous permanence'), ('r5', 'previous permanence'), ('n10', 'missing'),
                          ('n15', 'missing'), ('v8', 'reviews'), ('v10', 'reviews'), ('k1', 'outcomes (OC2)'),
                          ('u3', 'UASC')) AS c(child, family) ON c.child = v.child AND c.family = r.family
            WHERE v.rule_code <> '602'), NULL,
  'the clean children of each family are flagged by none of its rules (602 aside: AD1 rows without an adoption)');

-- ------------------------------------------------------------------ a loaded return without some modules
-- The loader records the files of each return (returns.files): a return loaded without OC2, PrevPerm,
-- PlacedAdoption or AD1 files cannot be told to have no such rows, so the rules expecting them are silent.
INSERT INTO mt.returns (la, year, files) VALUES
  ('A', 2024, '[{"name": "episodes.csv", "module": "episodes"}, {"name": "header.csv", "module": "header"}]');
SELECT is((SELECT string_agg(DISTINCT rule_code, ' ') FROM careleaver.validate('mt', 2024, 'A')
            WHERE rule_code IN ('191', '630', '551', '553', '555', '557', '601') AND table_name = 'Episodes'), NULL,
  '191, 630, 551, 553, 555, 557, 601 do not flag episodes for modules the loaded return did not include');
UPDATE mt.returns SET files = '[{"name": "return.xml", "module": "header"}]' WHERE la = 'A' AND year = 2024;
SELECT set_eq($$SELECT DISTINCT rule_code FROM careleaver.validate('mt', 2024, 'A')
                WHERE rule_code IN ('191', '630', '551', '553', '555', '557', '601') AND table_name = 'Episodes'$$,
  ARRAY['191', '630', '551', '553', '555', '557', '601'], 'an XML return holds every module: the rules run');
DELETE FROM mt.returns;

-- ------------------------------------------------------------------ a return without last year's: the year-to-year rules are silent
DELETE FROM mt.return_header WHERE year = 2023;
DELETE FROM mt.return_placed_adoption WHERE year = 2023;
DELETE FROM mt.return_uasc WHERE year = 2023;
SELECT is((SELECT count(*)::int FROM careleaver.validate('mt', 2024, 'A') WHERE rule_code IN ('559', '560', '561', '584', '205A', '205D')),
  0, '559, 560, 561, 584, 205A, 205D are silent without last year''s return');

-- ------------------------------------------------------------------ 2024-25 and 2025-26
INSERT INTO mt.return_episodes (la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec, source_file, source_line) VALUES
  ('A', 2025, 'q6', '2022-05-01', 'S', 'D1', 'N1', 'U4', 'PR1', NULL, NULL, 'e', 1),
  ('A', 2025, 'q8', '2022-05-01', 'S', 'D1', 'N1', 'A5', 'PR1', '2024-07-01', 'E4A', 'e', 2);
SELECT is((SELECT count(*)::int FROM careleaver.validate('mt', 2025, 'A') WHERE rule_code IN ('555', '556')), 0,
  '555 and 556 are withdrawn in 2024-25');
SELECT set_eq($$SELECT row_ref FROM careleaver.validate('mt', 2025, 'A') WHERE rule_code = '557'$$, ARRAY['e:2'],
  '557 (2024-25): left care from A5 under a freeing order, never reversed: flagged for the placement');
INSERT INTO mt.return_oc3 (la, year, child, dob, in_touch, activ, accom, source_file, source_line) VALUES
  ('A', 2025, 'd1', '2006-01-01', 'DIED', '0', '0', 'o3', 1),
  ('A', 2025, 'd2', '2006-01-01', 'DIED', '0', '0', 'o3', 2),
  ('A', 2026, 'd1', '2006-01-01', 'NO', '0', '0', 'o3', 1),    -- 348
  ('A', 2026, 'd2', '2006-01-01', 'DIED', '0', '0', 'o3', 2);
SELECT set_eq($$SELECT row_ref FROM careleaver.validate('mt', 2026, 'A') WHERE rule_code = '348'$$, ARRAY['o3:1'],
  '348 (2025-26): died last year, not this year (d1); d2 still DIED');
SELECT is((SELECT count(*)::int FROM careleaver.validate('mt', 2025, 'A') WHERE rule_code = '348'), 0, '348 does not apply to 2024-25');

SELECT * FROM finish();
ROLLBACK;
