-- The episode rules added to the registry in issue 14 (codes, placements, ages,
-- legal status) and those that cannot be checked on the data a dataset holds,
-- as rows of careleaver.validation_rules (doc/validation.md, "Adding a rule").

-- episode codes
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('143', 'episode codes', NULL, NULL, 'Episodes', '{}'::text[], false, '{Episodes.RNE}'::text[],
   'RNE is not a reason for new episode code of the collection year',
   'The reason for new episode code is not a valid code.',
   'Year bounds of the codes from the core (careleaver.code_list: e.g. PLACE K3 from 2024-25, Z11-Z14 from 2025-26, H5, P2, Z1 up to 2024-25)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('RNE %s is not a code for %s', e.rne, $1) AS msg
  FROM ep e
 WHERE e.rne IS NOT NULL AND NOT careleaver.code_valid_in_year('RNE', e.rne, $1)
UNION ALL
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('RNE %s is not a reason for new episode code', r.value) AS msg
  FROM ep e JOIN rj_more r ON r.la = e.la AND r.source_file = e.source_file AND r.source_line = e.source_line
                          AND r.col = 'rne'
 WHERE e.rne IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('144', 'episode codes', NULL, NULL, 'Episodes', '{}'::text[], false, '{Episodes.LS}'::text[],
   'LS is not a legal status code of the collection year',
   'The legal status code is not a valid code.',
   'Year bounds of the codes from the core (careleaver.code_list: e.g. PLACE K3 from 2024-25, Z11-Z14 from 2025-26, H5, P2, Z1 up to 2024-25)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('LS %s is not a code for %s', e.ls, $1) AS msg
  FROM ep e
 WHERE e.ls IS NOT NULL AND NOT careleaver.code_valid_in_year('LS', e.ls, $1)
UNION ALL
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('LS %s is not a legal status code', r.value) AS msg
  FROM ep e JOIN rj_more r ON r.la = e.la AND r.source_file = e.source_file AND r.source_line = e.source_line
                          AND r.col = 'ls'
 WHERE e.ls IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('145', 'episode codes', NULL, NULL, 'Episodes', '{}'::text[], false, '{Episodes.CIN}'::text[],
   'CIN is not a category of need code of the collection year',
   'Category of need code is not a valid code.',
   'Year bounds of the codes from the core (careleaver.code_list: e.g. PLACE K3 from 2024-25, Z11-Z14 from 2025-26, H5, P2, Z1 up to 2024-25)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('CIN %s is not a code for %s', e.cin, $1) AS msg
  FROM ep e
 WHERE e.cin IS NOT NULL AND NOT careleaver.code_valid_in_year('CIN', e.cin, $1)
UNION ALL
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('CIN %s is not a category of need code', r.value) AS msg
  FROM ep e JOIN rj_more r ON r.la = e.la AND r.source_file = e.source_file AND r.source_line = e.source_line
                          AND r.col = 'cin'
 WHERE e.cin IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('146', 'episode codes', NULL, NULL, 'Episodes', '{}'::text[], false, '{Episodes.PLACE}'::text[],
   'PLACE is not a placement type code of the collection year',
   'Placement type code is not a valid code.',
   'Year bounds of the codes from the core (careleaver.code_list: e.g. PLACE K3 from 2024-25, Z11-Z14 from 2025-26, H5, P2, Z1 up to 2024-25)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('PLACE %s is not a code for %s', e.place, $1) AS msg
  FROM ep e
 WHERE e.place IS NOT NULL AND NOT careleaver.code_valid_in_year('PLACE', e.place, $1)
UNION ALL
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('PLACE %s is not a placement type code', r.value) AS msg
  FROM ep e JOIN rj_more r ON r.la = e.la AND r.source_file = e.source_file AND r.source_line = e.source_line
                          AND r.col = 'place'
 WHERE e.place IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('149', 'episode codes', NULL, NULL, 'Episodes', '{}'::text[], false, '{Episodes.REC}'::text[],
   'REC is not a reason episode ceased code of the collection year',
   'Reason episode ceased code is not valid.',
   'Year bounds of the codes from the core (careleaver.code_list: e.g. PLACE K3 from 2024-25, Z11-Z14 from 2025-26, H5, P2, Z1 up to 2024-25)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('REC %s is not a code for %s', e.rec, $1) AS msg
  FROM ep e
 WHERE e.rec IS NOT NULL AND NOT careleaver.code_valid_in_year('REC', e.rec, $1)
UNION ALL
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('REC %s is not a reason episode ceased code', r.value) AS msg
  FROM ep e JOIN rj_more r ON r.la = e.la AND r.source_file = e.source_file AND r.source_line = e.source_line
                          AND r.col = 'rec'
 WHERE e.rec IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('178', 'episode codes', NULL, NULL, 'Episodes', '{}'::text[], false, '{Episodes.PLACE_PROVIDER}'::text[],
   'PLACE_PROVIDER is not a code, or is given for a placement that has no provider',
   'Placement provider code is not a valid code.',
   'Placements without a provider: T0-T4 and Z1 up to 2024-25; T0-T3 and Z11-Z14 from 2025-26 (DfE''s 2025-26 change, as the public validator has it)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       CASE WHEN NOT careleaver.code_valid_in_year('PLACE_PROVIDER', e.prov, $1)
            THEN format('PLACE_PROVIDER %s is not a code for %s', e.prov, $1)
            ELSE format('PLACE_PROVIDER %s given for placement %s, which has no provider', e.prov, e.place) END AS msg
  FROM ep e
 WHERE e.prov IS NOT NULL
   AND (NOT careleaver.code_valid_in_year('PLACE_PROVIDER', e.prov, $1)
        OR e.place IN ('T0', 'T1', 'T2', 'T3', 'T4', 'Z1') AND $1 <= 2025
        OR e.place IN ('T0', 'T1', 'T2', 'T3', 'Z11', 'Z12', 'Z13', 'Z14') AND $1 >= 2026)
UNION ALL
SELECT 'Episodes', e.la, e.child, e.source_file, e.source_line, format('PLACE_PROVIDER %s is not a placement provider code', r.value)
  FROM ep e JOIN rj_more r ON r.la = e.la AND r.source_file = e.source_file AND r.source_line = e.source_line
                          AND r.col = 'place_provider'
 WHERE e.prov IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('141', 'episode codes', NULL, NULL, 'Episodes', '{}'::text[], false, '{Episodes.DECOM}'::text[],
   'DECOM is not a date',
   'Date episode began is not a valid date.',
   'The loader refuses a row without a DECOM that is a date: such rows reach validate through the loader''s refusals',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('DECOM %s is not a date', r.value) AS msg
  FROM ep e JOIN rj_more r ON r.la = e.la AND r.source_file = e.source_file AND r.source_line = e.source_line
                          AND r.col = 'decom'
 WHERE e.decom IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('147', 'episode codes', NULL, NULL, 'Episodes', '{}'::text[], false, '{Episodes.DEC}'::text[],
   'DEC is given but is not a date',
   'Date episode ceased is not a valid date.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('DEC %s is not a date', r.value) AS msg
  FROM ep e JOIN rj_more r ON r.la = e.la AND r.source_file = e.source_file AND r.source_line = e.source_line
                          AND r.col = 'dec'
 WHERE e.dec IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('148', 'episode codes', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'DEC and REC must both be given or both be blank',
   'Date episode ceased and reason episode ceased must both be coded, or both left blank.',
   'A DEC or REC the loader could not read is rule 147''s or 149''s, not this one''s',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       CASE WHEN e.dec IS NULL THEN format('REC %s given but DEC is blank', e.rec)
            ELSE format('DEC %s given but REC is blank', e.dec) END AS msg
  FROM ep e
 WHERE (e.dec IS NULL) <> (e.rec IS NULL)
   AND NOT EXISTS (SELECT 1 FROM rj_more r WHERE r.la = e.la AND r.source_file = e.source_file
                    AND r.source_line = e.source_line AND r.col IN ('dec', 'rec'))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

-- placements
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('527', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Placement provider PR1 with placement P1/R2/R5',
   'A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('placement provider %s cannot provide placement %s', e.prov, e.place) AS msg
  FROM ep e WHERE e.prov = 'PR1' AND e.place IN ('P1', 'R2', 'R5')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('528', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Placement provider PR2 with placement P1/R2/R5',
   'A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('placement provider %s cannot provide placement %s', e.prov, e.place) AS msg
  FROM ep e WHERE e.prov = 'PR2' AND e.place IN ('P1', 'R2', 'R5')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('529', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Placement provider PR3 with placement A3/A4/A5/A6/K1/K2/P1/U1/U2/U3/U4/U5/U6',
   'Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by other public organisations.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('placement provider %s cannot provide placement %s', e.prov, e.place) AS msg
  FROM ep e WHERE e.prov = 'PR3' AND e.place IN ('A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'P1', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('530', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Placement provider PR4 with placement P1',
   'A placement provider code of PR4 cannot be associated with placement P1.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('placement provider %s cannot provide placement %s', e.prov, e.place) AS msg
  FROM ep e WHERE e.prov = 'PR4' AND e.place IN ('P1')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('531', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Placement provider PR5 with placement P1',
   'A placement provider code of PR5 cannot be associated with placements P1.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('placement provider %s cannot provide placement %s', e.prov, e.place) AS msg
  FROM ep e WHERE e.prov = 'PR5' AND e.place IN ('P1')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('550', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Placement provider PR0 (own provision) with a placement other than P1',
   'A placement provider code of PR0 can only be associated with placement P1.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('placement provider PR0 can only go with placement P1, not %s', coalesce(e.place, 'blank')) AS msg
  FROM ep e WHERE e.prov = 'PR0' AND e.place IS DISTINCT FROM 'P1'
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('526', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'PLACE_PROVIDER blank for a placement that needs one',
   'Child is missing a placement provider code for at least one episode.',
   'Placements without a provider: T0-T4 and Z1, from 2025-26 T0-T4 and Z11-Z14; a blank PLACE is not judged here',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('placement %s needs a placement provider (PLACE_PROVIDER is blank)', e.place) AS msg
  FROM ep e
 WHERE e.prov IS NULL AND e.place IS NOT NULL
   AND NOT (e.place IN ('T0', 'T1', 'T2', 'T3', 'T4', 'Z1') AND $1 <= 2025)
   AND NOT (e.place IN ('T0', 'T1', 'T2', 'T3', 'T4', 'Z11', 'Z12', 'Z13', 'Z14') AND $1 >= 2026)
   AND NOT EXISTS (SELECT 1 FROM rj_more r WHERE r.la = e.la AND r.source_file = e.source_file
                    AND r.source_line = e.source_line AND r.col = 'place_provider')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('213', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'PLACE_PROVIDER given for a temporary placement',
   'Placement provider information not required.',
   'From 2025-26 also Z11-Z14',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('placement provider %s is not required for placement %s', e.prov, e.place) AS msg
  FROM ep e
 WHERE e.prov IS NOT NULL
   AND (e.place IN ('T0', 'T1', 'T2', 'T3', 'T4') OR (e.place IN ('Z11', 'Z12', 'Z13', 'Z14') AND $1 >= 2026))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('214', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'PL_POST or URN given for a child under V3/V4',
   'Placement location information not required.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('placement location (PL_POST or URN) given for legal status %s', e.ls) AS msg
  FROM ep e WHERE e.ls IN ('V3', 'V4') AND (nullif(btrim(e.pl_post), '') IS NOT NULL OR nullif(btrim(e.urn), '') IS NOT NULL)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('217', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Placed for adoption with current foster carers (A3, A5) from 1 April 2015 without RNE S, T or U',
   'Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a reason for new episode of S, T or U.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('placement %s starting %s needs reason for new episode S, T or U, not %s', e.place, e.decom,
              coalesce(e.rne, 'blank')) AS msg
  FROM ep e
 WHERE e.place IN ('A3', 'A5') AND e.decom >= careleaver.collection_year_start(2016)
   AND (e.rne IS NULL OR e.rne NOT IN ('S', 'T', 'U'))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('217t', 'placements', 2024, 2024, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Placement P2 open after 28 October 2023',
   'Placement type ''P2'' is not a valid placement type from 28 October 2023.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('placement P2 is not valid after 28 October 2023 (episode %s)',
              CASE WHEN e.dec IS NULL THEN 'still open' ELSE 'ended ' || e.dec END) AS msg
  FROM ep e WHERE e.place = 'P2' AND (e.dec IS NULL OR e.dec > DATE '2023-10-28')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('222', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'URN given for a placement type that has none',
   'Ofsted Unique reference number (URN) should not be recorded for this placement type.',
   'H5 has a URN from 2023-24, P2 leaves the list with 2024-25, Z11-Z14 replace Z1 from 2025-26',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('URN %s should not be given for placement %s', btrim(e.urn), e.place) AS msg
  FROM ep e
 WHERE nullif(btrim(e.urn), '') IS NOT NULL AND upper(btrim(e.urn)) <> 'XXXXXXX'
   AND (e.place IN ('P1', 'P3', 'R1', 'R2', 'R5', 'T0', 'T1', 'T2', 'T3', 'T4')
        OR (e.place = 'H5' AND $1 <= 2023) OR (e.place = 'P2' AND $1 <= 2024) OR (e.place = 'Z1' AND $1 <= 2025)
        OR (e.place IN ('Z11', 'Z12', 'Z13', 'Z14') AND $1 >= 2026))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('225', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'X1 ending into a placement change without a reason for the change',
   'Reason for placement change must be recorded.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('episode ended %s with X1 and the next one changes the placement (RNE %s), but REASON_PLACE_CHANGE is blank',
              s.dec, n.rne) AS msg
  FROM seq s JOIN seq n ON n.la = s.la AND n.child = s.child AND n.k = s.k + 1
 WHERE s.rec = 'X1' AND s.rpc IS NULL
   AND (s.place IS NULL OR s.place NOT IN ('T0', 'T1', 'T2', 'T3', 'T4'))
   AND n.rne IN ('P', 'B', 'T', 'U')
   AND (n.place IS NULL OR n.place NOT IN ('T0', 'T1', 'T2', 'T3', 'T4'))
   AND NOT EXISTS (SELECT 1 FROM rj_more r WHERE r.la = s.la AND r.source_file = s.source_file
                    AND r.source_line = s.source_line AND r.col = 'reason_place_change')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('226', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'REASON_PLACE_CHANGE given for a temporary placement or the episode before it',
   'Reason for placement change is not required for temporary placements.',
   'A REASON_PLACE_CHANGE the loader could not read counts as given',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('temporary placement %s: REASON_PLACE_CHANGE is not required here or on the episode before', s.place) AS msg
  FROM (SELECT q.*, coalesce(q.rpc, r.value) AS any_rpc,
               lag(coalesce(q.rpc, r.value)) OVER (PARTITION BY q.la, q.child ORDER BY q.decom, q.source_line) AS p_rpc
          FROM seq q LEFT JOIN rj_more r ON r.la = q.la AND r.source_file = q.source_file
                                        AND r.source_line = q.source_line AND r.col = 'reason_place_change') s
 WHERE s.place IN ('T0', 'T1', 'T2', 'T3', 'T4') AND (s.any_rpc IS NOT NULL OR s.p_rpc IS NOT NULL)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('233', 'placements', 2026, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'REASON_PLACE_CHANGE given for an episode that has not ended',
   'Reason for placement change is not required when the episode has not ceased.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('REASON_PLACE_CHANGE %s given but the episode has not ended', e.rpc) AS msg
  FROM ep e WHERE e.dec IS NULL AND e.rpc IS NOT NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('234', 'placements', 2026, NULL, 'Episodes', '{header}'::text[], false, '{}'::text[],
   'Placement change for custody (CUSTOD) of a child under 10',
   'A child aged under 10 can not change placement due to being admitted to custody',
   'Flags the episode (the public validator also flags the header row)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('REASON_PLACE_CHANGE CUSTOD for a child under 10 (10th birthday %s) at the start %s',
              careleaver.birthday(h.dob, 10), e.decom) AS msg
  FROM ep e JOIN hdr_y h ON h.la = e.la AND h.child = e.child
 WHERE e.rpc = 'CUSTOD' AND e.decom < careleaver.birthday(h.dob, 10)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('336', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Placed for adoption (A3, A4) without a foster or adoption placement just before',
   'Child does not have a foster placement immediately prior to being placed for adoption.',
   'The first episode of the return is not judged (the one before it is in last year''s return)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('placement %s follows placement %s, not a foster placement', s.place, coalesce(s.p_place, 'blank')) AS msg
  FROM seq s
 WHERE s.k > 1 AND s.place IN ('A3', 'A4')
   AND (s.p_place IS NULL OR s.p_place NOT IN ('A3', 'A4', 'A5', 'A6', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6'))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('390', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Adopted (E11, E12) from a placement other than an adoption placement (A3-A6)',
   'Reason episode ceased is adopted but child has not been previously placed for adoption.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('adopted (%s) from placement %s, not a placement for adoption', e.rec, coalesce(e.place, 'blank')) AS msg
  FROM ep e WHERE e.rec IN ('E11', 'E12') AND (e.place IS NULL OR e.place NOT IN ('A3', 'A4', 'A5', 'A6'))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('408', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Placed for adoption (A5, A6) without a placement order (LS E1)',
   'Child is placed for adoption with a placement order, but no placement order has been recorded.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('placement %s needs legal status E1 (placement order), not %s', e.place, coalesce(e.ls, 'blank')) AS msg
  FROM ep e WHERE e.place IN ('A5', 'A6') AND e.ls IS DISTINCT FROM 'E1'
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('516', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Special guardianship (E45, E46) from a placement other than foster care (U1-U6)',
   'The episode data submitted for this child does not show that he/she was with their former foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 the child must have a placement code of U1 to U6.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('special guardianship order (%s) from placement %s, not with former foster carers', e.rec,
              coalesce(e.place, 'blank')) AS msg
  FROM ep e WHERE e.rec IN ('E45', 'E46') AND (e.place IS NULL OR e.place NOT IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6'))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('378', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Placed with parents (P1) under a single period of accommodation (V2)',
   'A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       'placement with parents (P1) under section 20 accommodation (V2)' AS msg
  FROM ep e WHERE e.place = 'P1' AND e.ls = 'V2'
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('382', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Short break (V3, V4) in a temporary placement',
   'A child receiving respite care cannot be in a temporary placement.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('short break (%s) in temporary placement %s', e.ls, e.place) AS msg
  FROM ep e WHERE e.ls IN ('V3', 'V4') AND e.place IN ('T0', 'T1', 'T2', 'T3', 'T4')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('384', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Short break (V3, V4) in a long-term foster placement (U1, U4)',
   'A child receiving respite care cannot be in a long-term foster placement',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('short break (%s) in long-term foster placement %s', e.ls, e.place) AS msg
  FROM ep e WHERE e.ls IN ('V3', 'V4') AND e.place IN ('U1', 'U4')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('383', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'After a temporary placement the child does not return to the placement before it',
   'A child in a temporary placement must subsequently return to his/her normal placement.',
   'From 2025-26 the placement postcode must match too; the episode after the temporary one is flagged',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('after temporary placement %s the child should return to placement %s (RNE P%s), not %s (RNE %s)',
              s.p_place, coalesce(s.pp_place, 'blank'), CASE WHEN $1 >= 2026 THEN ', same PL_POST' ELSE '' END,
              coalesce(s.place, 'blank'), coalesce(s.rne, 'blank')) AS msg
  FROM (SELECT q.*, lag(q.place, 2) OVER w AS pp_place, lag(q.pl_post, 2) OVER w AS pp_pl_post
          FROM seq q WINDOW w AS (PARTITION BY q.la, q.child ORDER BY q.decom, q.source_line)) s
 WHERE s.k >= 3 AND s.p_place IN ('T0', 'T1', 'T2', 'T3', 'T4')
   AND (s.rne IS DISTINCT FROM 'P' OR s.place IS DISTINCT FROM s.pp_place
        OR ($1 >= 2026 AND upper(replace(s.pl_post, ' ', '')) IS DISTINCT FROM upper(replace(s.pp_pl_post, ' ', ''))))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('377', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'More than two temporary placements for the carers'' holiday (T3) in the year',
   'Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12- month period.',
   'Counted within the return (the collection year), as the public validator does',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('%s temporary placements for the carers'' holiday (T3) in the year: at most two', e.n) AS msg
  FROM (SELECT q.*, count(*) OVER (PARTITION BY q.la, q.child) AS n FROM ep q WHERE q.place = 'T3') e
 WHERE e.n > 2
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('375', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Hospital stay coded as a temporary placement (T1) longer than six weeks',
   'Hospitalisation coded as a temporary placement exceeds six weeks.',
   'An open episode runs to the end of the year (the public validator leaves open episodes out)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('temporary placement T1 from %s lasted %s days, more than 42', e.decom, coalesce(e.dec, $3) - e.decom) AS msg
  FROM ep e WHERE e.place = 'T1' AND coalesce(e.dec, $3) - e.decom > 42
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('376', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Temporary placement for the carers'' holiday (T3) longer than three weeks',
   'Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.',
   'An open episode runs to the end of the year (the public validator leaves open episodes out)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('temporary placement T3 from %s lasted %s days, more than 21', e.decom, coalesce(e.dec, $3) - e.decom) AS msg
  FROM ep e WHERE e.place = 'T3' AND coalesce(e.dec, $3) - e.decom > 21
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('379', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Temporary placement for an unspecified reason (T4) longer than seven days',
   'Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.',
   'An open episode runs to the end of the year (the public validator leaves open episodes out)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('temporary placement T4 from %s lasted %s days, more than 7', e.decom, coalesce(e.dec, $3) - e.decom) AS msg
  FROM ep e WHERE e.place = 'T4' AND coalesce(e.dec, $3) - e.decom > 7
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('219', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'URN does not match the placement type',
   'The Ofsted Unique reference number (URN) provided for the child''s placement does not match the placement type recorded.',
   'Needs Ofsted''s provider list (metadata of the public validator), which the dataset does not hold',
   'not checkable: no Ofsted provider list',
   NULL)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('221', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'URN does not match the placement postcode',
   'The Ofsted Unique reference number (URN) provided for the child''s placement does not match the placement postcode provided.',
   'Needs Ofsted''s provider list (metadata of the public validator), which the dataset does not hold',
   'not checkable: no Ofsted provider list',
   NULL)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('224', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'URN does not match the placement provider',
   'The Ofsted Unique reference number (URN) provided for the child''s placement does not match the placement provider recorded.',
   'Needs Ofsted''s provider list (metadata of the public validator), which the dataset does not hold',
   'not checkable: no Ofsted provider list',
   NULL)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('227', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'URN not valid at the episode start',
   'Ofsted Unique reference number (URN) is not valid for the episode start date.',
   'Needs Ofsted''s provider list (metadata of the public validator), which the dataset does not hold',
   'not checkable: no Ofsted provider list',
   NULL)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('228', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'URN not valid at the episode end',
   'Ofsted Unique reference number (URN) is not valid for the episode end date',
   'Needs Ofsted''s provider list (metadata of the public validator), which the dataset does not hold',
   'not checkable: no Ofsted provider list',
   NULL)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('229', 'placements', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Placement provider does not match the provider''s council',
   'Placement provider does not match between the placing authority and the local authority code of the provider.',
   'Needs Ofsted''s provider list (metadata of the public validator), which the dataset does not hold',
   'not checkable: no Ofsted provider list',
   NULL)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

-- age at placement
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('372', 'age at placement', NULL, NULL, 'Episodes', '{header}'::text[], false, '{}'::text[],
   'Youth custody or prison (R5) under 10',
   'Child in youth custody or prison should be at least 10.',
   'Age at DECOM from this year''s header; open episodes count too (the public validator leaves them out)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('placement %s from %s, before the 10th birthday (%s)', e.place, e.decom, careleaver.birthday(h.dob, 10)) AS msg
  FROM ep e JOIN hdr_y h ON h.la = e.la AND h.child = e.child
 WHERE e.place = 'R5' AND e.decom < careleaver.birthday(h.dob, 10)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('373', 'age at placement', NULL, NULL, 'Episodes', '{header}'::text[], false, '{}'::text[],
   'Placed in a school (S1) under 4',
   'Child placed in a school should be at least 4 years old.',
   'Age at DECOM from this year''s header; open episodes count too (the public validator leaves them out)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('placement %s from %s, before the 4th birthday (%s)', e.place, e.decom, careleaver.birthday(h.dob, 4)) AS msg
  FROM ep e JOIN hdr_y h ON h.la = e.la AND h.child = e.child
 WHERE e.place = 'S1' AND e.decom < careleaver.birthday(h.dob, 4)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('374', 'age at placement', NULL, NULL, 'Episodes', '{header}'::text[], false, '{}'::text[],
   'Residential employment (P3) under 14',
   'Child in residential employment should be at least 14 years old.',
   'Age at DECOM from this year''s header; open episodes count too (the public validator leaves them out)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('placement %s from %s, before the 14th birthday (%s)', e.place, e.decom, careleaver.birthday(h.dob, 14)) AS msg
  FROM ep e JOIN hdr_y h ON h.la = e.la AND h.child = e.child
 WHERE e.place = 'P3' AND e.decom < careleaver.birthday(h.dob, 14)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('370', 'age at placement', NULL, 2024, 'Episodes', '{header}'::text[], false, '{}'::text[],
   'Independent living (P2) under 15 (2022-23) or 16 (2023-24)',
   'Child in independent living should be at least 16.',
   'At least 15 up to 2022-23, 16 in 2023-24; withdrawn from 2024-25 with placement P2',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('independent living (P2) from %s, before the %sth birthday (%s)', e.decom, a.age,
              careleaver.birthday(h.dob, a.age)) AS msg
  FROM ep e JOIN hdr_y h ON h.la = e.la AND h.child = e.child
 CROSS JOIN LATERAL (SELECT CASE WHEN $1 <= 2023 THEN 15 ELSE 16 END AS age) a
 WHERE e.place = 'P2' AND e.decom < careleaver.birthday(h.dob, a.age)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('371', 'age at placement', NULL, NULL, 'Episodes', '{header}'::text[], false, '{}'::text[],
   'Semi-independent living (H5; from 2024-25 supported accommodation K3) under 14 (2022-23) or 16',
   'Child in supported accomodation not subject to children’s homes regulations should be at least 16.',
   'H5 at 14 up to 2022-23, H5 at 16 in 2023-24, K3 at 16 from 2024-25',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('placement %s from %s, before the %sth birthday (%s)', e.place, e.decom, a.age,
              careleaver.birthday(h.dob, a.age)) AS msg
  FROM ep e JOIN hdr_y h ON h.la = e.la AND h.child = e.child
 CROSS JOIN LATERAL (SELECT CASE WHEN $1 <= 2023 THEN 14 ELSE 16 END AS age,
                            CASE WHEN $1 <= 2024 THEN 'H5' ELSE 'K3' END AS place) a
 WHERE e.place = a.place AND e.decom < careleaver.birthday(h.dob, a.age)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('358', 'age at placement', NULL, NULL, 'Episodes', '{header}'::text[], false, '{}'::text[],
   'Youth justice legal status (J1-J3) under 10',
   'Child with this legal status should not be under 10.',
   'Under 10: DECOM before the 10th birthday; the public validator also flags DECOM on the 10th birthday',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('legal status %s from %s, before the 10th birthday (%s)', e.ls, e.decom, careleaver.birthday(h.dob, 10)) AS msg
  FROM ep e JOIN hdr_y h ON h.la = e.la AND h.child = e.child
 WHERE e.ls IN ('J1', 'J2', 'J3') AND e.decom < careleaver.birthday(h.dob, 10)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('352', 'age at placement', NULL, NULL, 'Episodes', '{header}'::text[], false, '{}'::text[],
   'Started to be looked after (RNE S) at 18 or over',
   'Child who started to be looked after was aged 18 or over.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('started to be looked after %s, on or after the 18th birthday (%s)', e.decom, careleaver.birthday(h.dob, 18)) AS msg
  FROM ep e JOIN hdr_y h ON h.la = e.la AND h.child = e.child
 WHERE e.rne = 'S' AND e.decom >= careleaver.birthday(h.dob, 18)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('359', 'age at placement', NULL, NULL, 'Episodes', '{header}'::text[], false, '{}'::text[],
   'Looked after past the 18th birthday other than under V2 in a community home (K2)',
   'Child being looked after following 18th birthday must be accommodated under section 20(5) of the Children Act 1989 in a community home.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('still looked after at the end of the year after the 18th birthday (%s) under %s in %s, not V2 in K2',
              careleaver.birthday(h.dob, 18), coalesce(e.ls, 'blank'), coalesce(e.place, 'blank')) AS msg
  FROM ep e JOIN hdr_y h ON h.la = e.la AND h.child = e.child
 WHERE e.dec IS NULL AND careleaver.birthday(h.dob, 18) < $3
   AND NOT (e.ls IS NOT DISTINCT FROM 'V2' AND e.place IS NOT DISTINCT FROM 'K2')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('302', 'age at placement', NULL, NULL, 'Episodes, Header', '{header}'::text[], false, '{}'::text[],
   'First episode starts before the child was born',
   'First episode starts before child was born.',
   'Flags the first episode and the header row',
   NULL,
   $chk$
SELECT u.tbl, s.la, s.child, u.source_file, u.source_line,
       format('first episode starts %s, before the date of birth %s', s.decom, h.dob) AS msg
  FROM seq s JOIN hdr_y h ON h.la = s.la AND h.child = s.child
 CROSS JOIN LATERAL (VALUES ('Episodes', s.source_file, s.source_line), ('Header', h.source_file, h.source_line))
        AS u(tbl, source_file, source_line)
 WHERE s.k = 1 AND s.decom < h.dob
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

-- legal status and short breaks
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('364', 'legal status and short breaks', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Remanded to local authority accommodation (J2) longer than 21 days',
   'Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child can be detained in custody in Local Authority (LA) accommodation.',
   'Consecutive J2 episodes (one starting the day the last ended) count as one stretch; an open one runs to the end of the year',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, r.la, r.child, r.source_file, r.source_line,
       format('legal status J2 lasted %s days from %s, more than 21', r.span, r.decom) AS msg
  FROM (SELECT q.*, max(coalesce(q.dec, $3)) OVER (PARTITION BY q.la, q.child, q.run)
                    - min(q.decom) OVER (PARTITION BY q.la, q.child, q.run) AS span
          FROM (SELECT j.*, sum(j.brk) OVER (PARTITION BY j.la, j.child ORDER BY j.decom, j.source_line) AS run
                  FROM (SELECT s.*, CASE WHEN s.p_dec = s.decom AND s.p_ls = 'J2' THEN 0 ELSE 1 END AS brk
                          FROM seq s) j
                 WHERE j.ls = 'J2') q) r
 WHERE r.span > 21
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('366', 'legal status and short breaks', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'A short break (V3) episode not coded as a new period of care (RNE S)',
   'A child cannot change placement during the course of an individual short-term respite break.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('short break (V3) starting %s has reason for new episode %s: a placement cannot change during a short break',
              e.decom, coalesce(e.rne, 'blank')) AS msg
  FROM ep e WHERE e.ls = 'V3' AND e.rne IS DISTINCT FROM 'S'
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('426', 'legal status and short breaks', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Both V3 and V4 short breaks in the same year',
   'A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same year.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('short break under %s, but the child also has short breaks under %s this year', e.ls,
              CASE e.ls WHEN 'V3' THEN 'V4' ELSE 'V3' END) AS msg
  FROM (SELECT q.*, min(q.ls) OVER (PARTITION BY q.la, q.child) <> max(q.ls) OVER (PARTITION BY q.la, q.child) AS both_kinds
          FROM ep q WHERE q.ls IN ('V3', 'V4')) e
 WHERE e.both_kinds
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('445', 'legal status and short breaks', NULL, 2024, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Freeing order (D1) for an episode starting after 30 December 2005',
   'D1 is not a valid code for episodes starting after December 2005.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('legal status D1 (freeing order) for an episode starting %s, after December 2005', e.decom) AS msg
  FROM ep e WHERE e.ls = 'D1' AND e.decom > DATE '2005-12-31'
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('446', 'legal status and short breaks', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Placement order (E1) for an episode starting before 30 December 2005',
   'E1 is not a valid code for episodes starting before December 2005.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('legal status E1 (placement order) for an episode starting %s, before December 2005', e.decom) AS msg
  FROM ep e WHERE e.ls = 'E1' AND e.decom < DATE '2005-12-01'
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('451', 'legal status and short breaks', NULL, 2024, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Still freed for adoption (D1, episode open)',
   'Child is still freed for adoption, but freeing orders could not be applied for since 30 December 2005.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('still freed for adoption (D1) since %s: freeing orders ended on 30 December 2005', e.decom) AS msg
  FROM ep e WHERE e.ls = 'D1' AND e.dec IS NULL AND e.rec IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('398', 'legal status and short breaks', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Postcode given for a child under V3/V4',
   'Distance field completed but child looked after under legal status V3 or V4.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('postcodes (HOME_POST, PL_POST) given for legal status %s', e.ls) AS msg
  FROM ep e WHERE e.ls IN ('V3', 'V4') AND (nullif(btrim(e.home_post), '') IS NOT NULL OR nullif(btrim(e.pl_post), '') IS NOT NULL)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

-- episode timeline
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('199', 'episode timeline', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'Episode after the child was adopted (E11, E12)',
   'Episode information shows child has been previously adopted from care.',
   'Earlier adoptions over every loaded return up to the year (the public validator sees this year''s and last year''s)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('episode starting %s follows an adoption (episode ended %s with %s)', e.decom, a.dec, a.rec) AS msg
  FROM ep e
  JOIN (SELECT DISTINCT ON (x.la, x.child) x.la, x.child, x.decom, x.dec, upper(btrim(x.rec::text)) AS rec
          FROM @schema@.return_episodes x
         WHERE x.year <= $1 AND ($4::text IS NULL OR x.la = $4) AND upper(btrim(x.rec::text)) IN ('E11', 'E12')
         ORDER BY x.la, x.child, x.decom, x.year DESC) a ON a.la = e.la AND a.child = e.child AND a.decom < e.decom
 WHERE e.decom IS NOT NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

-- postcodes and distance (164, 169, 179, 392a, 392c, 406, 411, 420, 452, 453, 454, 503G, 503H, 503J and 1015, which
-- read the postcode look-up, are in 84_validation_rules_sw.sql)
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('218', 'postcodes and distance', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'URN required for the placement (not needed outside England)',
   'Ofsted Unique reference number (URN) is required.',
   'PL_LA and PL_LOCATION are derived from the placement postcode by DfE; the dataset stores neither',
   'not checkable: the dataset does not hold PL_LA or PL_LOCATION',
   NULL)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('230', 'postcodes and distance', 2024, 2024, 'Episodes', '{}'::text[], false, '{}'::text[],
   'URN required for H5 placements in England from 28 October 2023',
   'Ofsted Unique reference number (URN) is required for any English H5 placements from 28 October 2023.',
   'PL_LA and PL_LOCATION are derived from the placement postcode by DfE; the dataset stores neither',
   'not checkable: the dataset does not hold PL_LA or PL_LOCATION',
   NULL)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('392b', 'postcodes and distance', NULL, NULL, 'Episodes', '{uasc}'::text[], true, '{}'::text[],
   'Looked after but HOME_POST or PL_POST blank',
   'Child is looked after but no postcodes are recorded.',
   'UASC status is read from the UASC module of this and the two earlier returns (the header''s UASC field is not held)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       CASE WHEN nullif(btrim(e.home_post), '') IS NULL AND nullif(btrim(e.pl_post), '') IS NULL
            THEN 'HOME_POST and PL_POST are blank' WHEN nullif(btrim(e.home_post), '') IS NULL THEN 'HOME_POST is blank'
            ELSE 'PL_POST is blank' END AS msg
  FROM ep e
 WHERE (nullif(btrim(e.home_post), '') IS NULL OR nullif(btrim(e.pl_post), '') IS NULL)
   AND e.ls IS DISTINCT FROM 'V3' AND e.ls IS DISTINCT FROM 'V4'
   -- not for a UASC or former UASC: a UASC row in this return or one of the two before it
   AND NOT EXISTS (SELECT 1 FROM @schema@.return_uasc u
                    WHERE u.la = e.la AND u.child = e.child AND u.year BETWEEN $1 - 2 AND $1
                      AND (u.sex IS NOT NULL OR u.dob IS NOT NULL OR u.duc IS NOT NULL))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('392d', 'postcodes and distance', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'HOME_POST equals PL_POST for a placement other than P1',
   'Home and placement postcodes should not be same unless the placement type is P1.',
   'Postcodes compared ignoring case and spaces',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('home and placement postcode are both %s for placement %s', e.pl_post, coalesce(e.place, 'blank')) AS msg
  FROM ep e
 WHERE e.place IS DISTINCT FROM 'P1'
   AND upper(replace(e.home_post, ' ', '')) = upper(replace(e.pl_post, ' ', ''))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

-- other modules
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('580', 'other modules', NULL, NULL, 'Episodes', '{missing}'::text[], false, '{}'::text[],
   'Missing on the 18th birthday when care ended, but REC not E8',
   'Child is missing when cease being looked after but reason episode ceased not ‘E8’.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('care ended %s (%s) while the child was missing on the 18th birthday: expected E8', e.dec, coalesce(e.rec, 'blank')) AS msg
  FROM ep e
 WHERE e.rec IS DISTINCT FROM 'E8'
   AND EXISTS (SELECT 1 FROM y_missing m WHERE m.la = e.la AND m.child = e.child
                AND m.mis_end = e.dec AND m.mis_end = careleaver.birthday(m.dob, 18))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
