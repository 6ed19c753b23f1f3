-- The header family and the cross-table checks (INT) of the DfE rules, as rows of
-- careleaver.validation_rules (doc/validation.md, "Adding a rule").

-- header
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('101', 'header', NULL, NULL, 'Header', '{header}'::text[], false, '{Header.SEX}'::text[],
   'SEX is not a code of the collection year (1, 2 up to 2023-24; M, F, U from 2024-25)',
   'The child or young person’s reported sex is not valid.',
   'The coding changed in 2024-25 (DfE: sex M, F, U instead of gender 1, 2); blank is flagged as DfE requires SEX. The lists are written in this rule: the core holds no SEX list',
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('SEX %s is not a code for %s', coalesce(h.sex, 'blank'), $1) AS msg
  FROM y_header h
 WHERE h.sex IS NULL
    OR NOT (($1 <= 2024 AND h.sex IN ('1', '2')) OR ($1 >= 2025 AND h.sex IN ('M', 'F', 'U')))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('102', 'header', NULL, NULL, 'Header', '{header}'::text[], false, '{Header.DOB}'::text[],
   'DOB is blank or not a date',
   'Date of birth is not a valid date.',
   NULL,
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       CASE WHEN r.value IS NULL THEN 'DOB is blank' ELSE format('DOB %s is not a date', r.value) END AS msg
  FROM y_header h
  LEFT JOIN rj_more r ON r.la = h.la AND r.source_file = h.source_file AND r.source_line = h.source_line AND r.col = 'dob'
 WHERE h.dob IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('103', 'header', NULL, NULL, 'Header', '{header}'::text[], false, '{Header.ETHNIC}'::text[],
   'ETHNIC is blank or not an ethnicity code',
   'The ethnicity code is either not valid or has not been entered.',
   'Read ignoring case (the loader upper-cases ETHNIC); the public validator is case-sensitive. The list is written in this rule: the core holds no ETHNIC list',
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('ETHNIC %s is not an ethnicity code', coalesce(h.ethnic, 'blank')) AS msg
  FROM y_header h
 WHERE h.ethnic IS NULL
    OR h.ethnic NOT IN ('WBRI', 'WIRI', 'WOTH', 'WIRT', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND',
                        'APKN', 'ABAN', 'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('105', 'header', NULL, NULL, 'Header', '{}'::text[], false, '{}'::text[],
   'UASC status in the header is invalid or blank',
   'Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is invalid or has not been completed.',
   'The public validator skips it for CSV returns',
   'not checkable: the dataset does not hold the header''s UASC field (XML returns only)',
   NULL)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('168', 'header', NULL, NULL, 'Header', '{header}'::text[], false, '{Header.UPN}'::text[],
   'UPN is neither a well-formed UPN nor UN1-UN5',
   'Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.',
   'Read ignoring case; a blank UPN is rule 442''s',
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('UPN %s is neither a UPN (a letter other than I, O, S, then 12 digits, or 11 digits and a letter) nor UN1-UN5', h.upn) AS msg
  FROM y_header h
 WHERE h.upn IS NOT NULL
   AND upper(btrim(h.upn)) !~ '^([A-HJ-NP-RT-Z][0-9]{12}|[A-HJ-NP-RT-Z][0-9]{11}[A-Z]|UN[1-5])$'
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('171', 'header', NULL, NULL, 'Header', '{header}'::text[], false, '{Header.MC_DOB}'::text[],
   'MC_DOB is given but is not a date',
   'Date of birth of mother''s child is not a valid date.',
   NULL,
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('date of birth of the mother''s child (MC_DOB) %s is not a date', r.value) AS msg
  FROM y_header h
  JOIN rj_more r ON r.la = h.la AND r.source_file = h.source_file AND r.source_line = h.source_line AND r.col = 'mc_dob'
 WHERE h.mc_dob IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('174', 'header', NULL, NULL, 'Header', '{header}'::text[], false, '{}'::text[],
   'MC_DOB given for a male child',
   'Mother''s child date of birth is recorded but sex shows that the child is a male.',
   'Male is 1 up to 2023-24 and M from 2024-25; both are read in every year (101 flags the code of the wrong year)',
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('date of birth of the mother''s child (MC_DOB %s) given, but SEX is %s (male)', h.mc_dob, h.sex) AS msg
  FROM y_header h
 WHERE h.mc_dob IS NOT NULL AND h.sex IN ('1', 'M')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('202', 'header', NULL, NULL, 'Header', '{header}'::text[], true, '{}'::text[],
   'SEX differs from last year''s header',
   'The gender code conflicts with the gender already recorded for this child.',
   '1 (male) and M, 2 (female) and F are the same sex across the 2024-25 change of coding; the public validator compares the codes as written. Silent without last year''s return',
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('SEX is %s but was %s in last year''s return', coalesce(h.sex, 'blank'), coalesce(p.sex, 'blank')) AS msg
  FROM hdr_y h JOIN hdr_p p ON p.la = h.la AND p.child = h.child
 WHERE (CASE h.sex WHEN '1' THEN 'M' WHEN '2' THEN 'F' ELSE h.sex END)
       IS DISTINCT FROM (CASE p.sex WHEN '1' THEN 'M' WHEN '2' THEN 'F' ELSE p.sex END)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('203', 'header', NULL, NULL, 'Header', '{header}'::text[], true, '{}'::text[],
   'DOB differs from last year''s header',
   'Date of birth disagrees with the date of birth already recorded for this child.',
   NULL,
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('DOB is %s but was %s in last year''s return', coalesce(h.dob::text, 'blank'), coalesce(p.dob::text, 'blank')) AS msg
  FROM hdr_y h JOIN hdr_p p ON p.la = h.la AND p.child = h.child
 WHERE h.dob IS DISTINCT FROM p.dob
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('204', 'header', NULL, NULL, 'Header', '{header}'::text[], true, '{}'::text[],
   'ETHNIC differs from last year''s header',
   'Ethnic origin code disagrees with the ethnic origin already recorded for this child.',
   NULL,
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('ETHNIC is %s but was %s in last year''s return', coalesce(h.ethnic, 'blank'), coalesce(p.ethnic, 'blank')) AS msg
  FROM hdr_y h JOIN hdr_p p ON p.la = h.la AND p.child = h.child
 WHERE upper(h.ethnic) IS DISTINCT FROM upper(p.ethnic)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('208', 'header', NULL, NULL, 'Header', '{header}'::text[], true, '{}'::text[],
   'UPN differs from last year''s, other than an allowed change from unknown',
   'Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) already recorded for this child.',
   NULL,
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('UPN is %s but was %s in last year''s return', coalesce(h.upn, 'blank'), coalesce(p.upn, 'blank')) AS msg
  FROM hdr_y h JOIN hdr_p p ON p.la = h.la AND p.child = h.child
 CROSS JOIN LATERAL (SELECT upper(btrim(h.upn)) AS now, upper(btrim(p.upn)) AS was) u
 WHERE u.now IS DISTINCT FROM u.was
   -- allowed: blank or UN1 last year to UN2-UN5; blank last year to UN1; unknown (blank or UN1-UN5) to a UPN
   AND NOT ((u.was IS NULL OR u.was = 'UN1') AND coalesce(u.now IN ('UN2', 'UN3', 'UN4', 'UN5'), false))
   AND NOT (u.was IS NULL AND u.now IS NOT DISTINCT FROM 'UN1')
   AND NOT ((u.was IS NULL OR u.was IN ('UN1', 'UN2', 'UN3', 'UN4', 'UN5'))
            AND u.now IS NOT NULL AND u.now NOT IN ('UN1', 'UN2', 'UN3', 'UN4', 'UN5'))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('209', 'header', NULL, NULL, 'Header', '{header}'::text[], false, '{}'::text[],
   'UPN UN1 for a child of school age',
   'Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.',
   'School age: 4 by 31 August of the calendar year before the collection year starts, as the public validator reads it',
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('UPN UN1 (never issued) but the child was 4 by 31 August %s (4th birthday %s)', $1 - 2,
              careleaver.birthday(h.dob, 4)) AS msg
  FROM y_header h
 WHERE upper(btrim(h.upn)) = 'UN1' AND careleaver.birthday(h.dob, 4) <= make_date($1 - 2, 8, 31)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('301', 'header', NULL, NULL, 'Header', '{header}'::text[], false, '{}'::text[],
   'DOB after the end of the collection year',
   'Date of birth falls after the year ended.',
   NULL,
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('DOB %s is after the end of the collection year (%s)', h.dob, $3) AS msg
  FROM y_header h WHERE h.dob > $3
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('351', 'header', NULL, NULL, 'Header', '{header}'::text[], false, '{}'::text[],
   'Child 25 or older at the start of the collection year',
   'Child was over 25 at the start of the current collection year.',
   'Over 25: the 25th birthday before 1 April (the public validator''s reading)',
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('DOB %s: the child was over 25 at the start of the collection year (%s)', h.dob, $2) AS msg
  FROM y_header h WHERE careleaver.birthday(h.dob, 25) < $2
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('611', 'header', NULL, NULL, 'Header', '{header}'::text[], false, '{}'::text[],
   'MOTHER is 1 but MC_DOB is blank',
   'Date of birth field is blank, but child is a mother.',
   NULL,
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       'MOTHER is 1 but the date of birth of her child (MC_DOB) is blank' AS msg
  FROM y_header h WHERE h.mother = 1 AND h.mc_dob IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('612', 'header', NULL, NULL, 'Header', '{header}'::text[], false, '{}'::text[],
   'MC_DOB given but MOTHER is 0 or blank for a female child',
   'Date of birth field has been completed but mother field indicates child is not a mother.',
   'Female is 2 up to 2023-24 and F from 2024-25; both are read in every year. An MC_DOB the loader could not read counts as given',
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('date of birth of the mother''s child (MC_DOB %s) given but MOTHER is %s', coalesce(h.mc_dob::text, r.value),
              coalesce(h.mother::text, 'blank')) AS msg
  FROM y_header h
  LEFT JOIN rj_more r ON r.la = h.la AND r.source_file = h.source_file AND r.source_line = h.source_line AND r.col = 'mc_dob'
 WHERE (h.mc_dob IS NOT NULL OR r.value IS NOT NULL) AND h.sex IN ('2', 'F') AND (h.mother = 0 OR h.mother IS NULL)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('620', 'header', NULL, NULL, 'Header', '{header}'::text[], false, '{}'::text[],
   'Mother under 11 at the start of the collection year',
   'Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.',
   NULL,
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('MOTHER is 1 but the child was under 11 at the start of the collection year (11th birthday %s)',
              careleaver.birthday(h.dob, 11)) AS msg
  FROM y_header h WHERE h.mother = 1 AND careleaver.birthday(h.dob, 11) > $2
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('621', 'header', NULL, NULL, 'Header', '{header}'::text[], false, '{}'::text[],
   'Mother''s child born on or before the mother',
   'Mother’s field has been completed but date of birth shows that the mother is younger than her child.',
   NULL,
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('date of birth of the mother''s child (MC_DOB %s) is not after the mother''s (%s)', h.mc_dob, h.dob) AS msg
  FROM y_header h WHERE h.mc_dob <= h.dob
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('624', 'header', NULL, NULL, 'Header', '{header}'::text[], true, '{}'::text[],
   'MC_DOB differs from the one given last year',
   'Date of birth of the first child contradicts the date of birth of the first child previously recorded.',
   'A blank MC_DOB of a care leaver not looked after in the year is no contradiction: rule 628 asks for no motherhood details there',
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('date of birth of the mother''s child (MC_DOB) is %s but was %s in last year''s return',
              coalesce(h.mc_dob::text, 'blank'), p.mc_dob) AS msg
  FROM hdr_y h JOIN hdr_p p ON p.la = h.la AND p.child = h.child
 WHERE p.mc_dob IS NOT NULL AND h.mc_dob IS DISTINCT FROM p.mc_dob
   -- a care leaver not looked after this year gives no motherhood details (628): a blank contradicts nothing
   AND NOT (h.mc_dob IS NULL AND NOT EXISTS (SELECT 1 FROM ep e WHERE e.la = h.la AND e.child = h.child)
            AND EXISTS (SELECT 1 FROM ocd o WHERE o.la = h.la AND o.child = h.child AND o.given))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('626', 'header', NULL, NULL, 'Header', '{header}'::text[], true, '{}'::text[],
   'MOTHER 1 this year, 0 last year, but MC_DOB before this year',
   'Child was reported as a mother but the date of birth of the first child is before the current year which contradicts with the mother status recorded last year.',
   NULL,
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('MOTHER was 0 last year but the child''s child was born %s, before this collection year', h.mc_dob) AS msg
  FROM hdr_y h JOIN hdr_p p ON p.la = h.la AND p.child = h.child
 WHERE h.mother = 1 AND p.mother = 0 AND h.mc_dob < $2
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('EPI', 'header', NULL, NULL, 'Header', '{header}'::text[], false, '{}'::text[],
   'Header row for a child with no episode and no OC3 row this year',
   'WARNING: Episodes need to be loaded for this child before further validation is possible',
   'A check of the public validator (standing for the DfE portal''s own), not a DfE rule',
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       'header row for a child with no episode and no care-leaver row in this return' AS msg
  FROM y_header h
 WHERE NOT EXISTS (SELECT 1 FROM ep e WHERE e.la = h.la AND e.child = h.child)
   AND NOT EXISTS (SELECT 1 FROM ocset o WHERE o.la = h.la AND o.child = h.child)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('165', 'header', NULL, NULL, 'Header, OC3', '{header}'::text[], false, '{Header.MOTHER}'::text[],
   'MOTHER not 0 or 1, given for a male child, or not given for a female child looked after in the year',
   'Data entry for mother status is invalid.',
   'Flags the header row, and the OC3 row of a care leaver not looked after in the year',
   NULL,
   $chk$
SELECT x.tbl, h.la, h.child, x.source_file, x.source_line, x.msg
  FROM hdr_y h
  LEFT JOIN (SELECT e.la, e.child, bool_or(e.ls IS DISTINCT FROM 'V3' AND e.ls IS DISTINCT FROM 'V4'
                                            AND coalesce(e.dec, $3) >= $2 AND e.decom <= $3) AS in_year
               FROM ep e GROUP BY e.la, e.child) e ON e.la = h.la AND e.child = h.child
  LEFT JOIN (SELECT DISTINCT ON (o.la, o.child) o.la, o.child, o.source_file, o.source_line
               FROM ocd o WHERE o.given ORDER BY o.la, o.child, o.source_file, o.source_line) o
         ON o.la = h.la AND o.child = h.child
 CROSS JOIN LATERAL (
        SELECT 'Header' AS tbl, h.source_file, h.source_line,
               CASE WHEN h.mother NOT IN (0, 1) THEN format('MOTHER %s is neither 0 nor 1', h.mother)
                    WHEN h.mother IS NOT NULL AND h.sex IN ('1', 'M') THEN format('MOTHER %s given for a male child', h.mother)
                    WHEN h.mother IS NULL AND h.sex IN ('2', 'F') AND coalesce(e.in_year, false)
                      THEN 'MOTHER is blank for a girl looked after in the year'
                    WHEN h.mother IS NOT NULL AND h.sex IN ('2', 'F') AND NOT coalesce(e.in_year, false)
                         AND o.source_line IS NOT NULL
                      THEN 'MOTHER given for a care leaver not looked after in the year' END AS msg
        UNION ALL
        SELECT 'OC3', o.source_file, o.source_line, 'MOTHER given for a care leaver not looked after in the year'
         WHERE h.mother IS NOT NULL AND h.sex IN ('2', 'F') AND NOT coalesce(e.in_year, false)
           AND o.source_line IS NOT NULL AND h.mother IN (0, 1)) x
 WHERE x.msg IS NOT NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('442', 'header', NULL, NULL, 'Header', '{header}'::text[], false, '{}'::text[],
   'UPN blank for a child looked after other than under V3/V4',
   'Unique Pupil Number (UPN) field is not completed.',
   NULL,
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       'UPN is blank: give the UPN or UN1-UN5' AS msg
  FROM y_header h
 WHERE nullif(btrim(h.upn), '') IS NULL
   AND EXISTS (SELECT 1 FROM ep e WHERE e.la = h.la AND e.child = h.child
                AND e.ls IS DISTINCT FROM 'V3' AND e.ls IS DISTINCT FROM 'V4')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('393', 'header', NULL, NULL, 'Header', '{header}'::text[], false, '{}'::text[],
   'MOTHER blank for a girl looked after other than under V3/V4',
   'Child is looked after but mother field is not completed.',
   'Female is 2 up to 2023-24 and F from 2024-25; both are read in every year',
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       'MOTHER is blank for a girl looked after in the year' AS msg
  FROM y_header h
 WHERE h.sex IN ('2', 'F') AND h.mother IS NULL
   AND EXISTS (SELECT 1 FROM ep e WHERE e.la = h.la AND e.child = h.child
                AND e.ls IS DISTINCT FROM 'V3' AND e.ls IS DISTINCT FROM 'V4')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('607', 'header', NULL, NULL, 'Episodes, Header', '{header}'::text[], false, '{}'::text[],
   'MOTHER blank for a girl who ceased to be looked after in the year',
   'Child ceased to be looked after in the year, but mother field has not been completed.',
   'Flags the episode and the header row (once per ending episode)',
   NULL,
   $chk$
SELECT u.tbl, e.la, e.child, u.source_file, u.source_line,
       format('care ended %s (%s) for a girl whose MOTHER field is blank', e.dec, e.rec) AS msg
  FROM ep e JOIN hdr_y h ON h.la = e.la AND h.child = e.child
 CROSS JOIN LATERAL (VALUES ('Episodes', e.source_file, e.source_line), ('Header', h.source_file, h.source_line))
        AS u(tbl, source_file, source_line)
 WHERE e.dec BETWEEN $2 AND $3 AND e.rec IS NOT NULL AND e.rec <> 'X1'
   AND e.ls IS DISTINCT FROM 'V3' AND e.ls IS DISTINCT FROM 'V4'
   AND h.sex IN ('2', 'F') AND h.mother IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('625', 'header', NULL, NULL, 'Header, Episodes', '{header}'::text[], false, '{}'::text[],
   'MC_DOB after the end of the year or after the child ceased to be looked after',
   'Date of birth of the first child is beyond the end of this reporting year or the date the child ceased to be looked after.',
   'Read against the child''s latest ending episode of the year, as the public validator does; flags it and the header row',
   NULL,
   $chk$
SELECT u.tbl, l.la, l.child, u.source_file, u.source_line,
       format('date of birth of the mother''s child (MC_DOB %s) is after %s', h.mc_dob,
              CASE WHEN h.mc_dob > $3 THEN 'the end of the collection year' ELSE format('care ended (%s)', l.dec) END) AS msg
  FROM (SELECT DISTINCT ON (e.la, e.child) e.* FROM ep e WHERE e.dec IS NOT NULL
         ORDER BY e.la, e.child, e.dec DESC, e.source_line DESC) l
  JOIN hdr_y h ON h.la = l.la AND h.child = l.child
 CROSS JOIN LATERAL (VALUES ('Episodes', l.source_file, l.source_line), ('Header', h.source_file, h.source_line))
        AS u(tbl, source_file, source_line)
 WHERE h.mc_dob > $3 OR h.mc_dob > l.dec
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('628', 'header', NULL, NULL, 'Header', '{header}'::text[], false, '{}'::text[],
   'MOTHER given for a care leaver with no episode this year',
   'Motherhood details are not required for care leavers who have not been looked after during the year.',
   NULL,
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('MOTHER %s given for a care leaver with no episode in the year', h.mother) AS msg
  FROM y_header h
 WHERE h.mother IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM ep e WHERE e.la = h.la AND e.child = h.child)
   AND EXISTS (SELECT 1 FROM ocd o WHERE o.la = h.la AND o.child = h.child AND o.given)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('210', 'header', NULL, NULL, 'Header', '{header}'::text[], false, '{}'::text[],
   'UPN UN4 for a child looked after for more than a week at 31 March',
   'Children looked after for more than a week at 31 March should not have an unknown Unique Pupil Number (UPN) code of UN4.',
   'DfE''s wording: looked after for more than a week at 31 March (the period of care open on 31 March began before 24 March; one begun in an earlier year counts). The public validator flags the reverse: UN4 with an episode starting on or after 24 March',
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('UPN UN4 (not yet obtained) but the child has been looked after since %s, more than a week before 31 March',
              coalesce(p.period_start::text, 'before the year')) AS msg
  FROM y_header h
  JOIN (SELECT DISTINCT ON (s.la, s.child) s.la, s.child, s.period_start
          FROM (SELECT q.*, max(q.decom) FILTER (WHERE q.rne = 'S')
                              OVER (PARTITION BY q.la, q.child ORDER BY q.decom, q.source_line) AS period_start
                  FROM seq q) s
         WHERE s.dec IS NULL
         ORDER BY s.la, s.child, s.decom DESC) p ON p.la = h.la AND p.child = h.child
 WHERE upper(btrim(h.upn)) = 'UN4' AND (p.period_start IS NULL OR p.period_start < $3 - 7)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('232', 'header', 2025, NULL, 'Header', '{header}'::text[], false, '{}'::text[],
   'SEX reported as unknown (U)',
   'Sex of the child/young person has been reported as unknown.',
   NULL,
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       'SEX is U (unknown): check the child''s sex' AS msg
  FROM y_header h WHERE h.sex = 'U'
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('231', 'header', 2025, NULL, 'Header', '{}'::text[], false, '{}'::text[],
   'UASC under 11 at the end of the year',
   'We expect that unaccompanied asylum seeking children are generally older young people. Please check the date of birth is correct. If the date of birth is correct then please provide details in a bypass request.',
   NULL,
   'not checkable: the dataset does not hold the header''s UASC_STATUS field',
   NULL)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

-- cross-table
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT01', 'cross-table', NULL, NULL, 'AD1', '{ad1,header}'::text[], false, '{}'::text[],
   'Child in AD1 does not exist in the header',
   'Data Integrity Check: Child in AD1 does not exist in Header.',
   'Silent for a council whose return has no header rows at all',
   NULL,
   $chk$
SELECT 'AD1' AS tbl, x.la, x.child, x.source_file, x.source_line,
       'AD1 row for a child with no header row in the return' AS msg
  FROM y_ad1 x
 WHERE EXISTS (SELECT 1 FROM y_header a WHERE a.la = x.la)
   AND NOT EXISTS (SELECT 1 FROM y_header h WHERE h.la = x.la AND h.child = x.child)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT11', 'cross-table', NULL, NULL, 'AD1', '{ad1,header}'::text[], false, '{}'::text[],
   'DOB in AD1 differs from the header',
   'Internal Check: DOB in AD1 is different to DOB in Header.',
   NULL,
   NULL,
   $chk$
SELECT 'AD1' AS tbl, x.la, x.child, x.source_file, x.source_line,
       format('DOB %s differs from the header''s %s', x.dob, h.dob) AS msg
  FROM y_ad1 x JOIN hdr_y h ON h.la = x.la AND h.child = x.child
 WHERE x.dob <> h.dob
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT31', 'cross-table', NULL, NULL, 'AD1', '{ad1}'::text[], false, '{}'::text[],
   'Child more than once in AD1',
   'Internal Check: Child should only exist once in AD1.',
   NULL,
   NULL,
   $chk$
SELECT 'AD1' AS tbl, x.la, x.child, x.source_file, x.source_line,
       format('the child has %s rows in AD1: one expected', x.n) AS msg
  FROM (SELECT y.*, count(*) OVER (PARTITION BY y.la, y.child) AS n FROM y_ad1 y) x
 WHERE x.n > 1
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT02', 'cross-table', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], false, '{}'::text[],
   'Child in PlacedAdoption does not exist in the header',
   'Internal Check: Child in PlacedAdoption does not exist in Header.',
   'Silent for a council whose return has no header rows at all',
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, x.la, x.child, x.source_file, x.source_line,
       'PlacedAdoption row for a child with no header row in the return' AS msg
  FROM y_placed_adoption x
 WHERE EXISTS (SELECT 1 FROM y_header a WHERE a.la = x.la)
   AND NOT EXISTS (SELECT 1 FROM y_header h WHERE h.la = x.la AND h.child = x.child)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT12', 'cross-table', NULL, NULL, 'PlacedAdoption', '{header,placed_adoption}'::text[], false, '{}'::text[],
   'DOB in PlacedAdoption differs from the header',
   'Internal Check: DOB in PlacedAdoption is different to DOB in Header.',
   NULL,
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, x.la, x.child, x.source_file, x.source_line,
       format('DOB %s differs from the header''s %s', x.dob, h.dob) AS msg
  FROM y_placed_adoption x JOIN hdr_y h ON h.la = x.la AND h.child = x.child
 WHERE x.dob <> h.dob
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT03', 'cross-table', NULL, NULL, 'Episodes', '{episodes,header}'::text[], false, '{}'::text[],
   'Child in Episodes does not exist in the header',
   'Internal Check: Child in Episodes does not exist in Header.',
   'Silent for a council whose return has no header rows at all',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, x.la, x.child, x.source_file, x.source_line,
       'Episodes row for a child with no header row in the return' AS msg
  FROM y_episodes x
 WHERE EXISTS (SELECT 1 FROM y_header a WHERE a.la = x.la)
   AND NOT EXISTS (SELECT 1 FROM y_header h WHERE h.la = x.la AND h.child = x.child)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT04', 'cross-table', NULL, NULL, 'Missing', '{header,missing}'::text[], false, '{}'::text[],
   'Child in Missing does not exist in the header',
   'Internal Check: Child in Missing does not exist in Header.',
   'Silent for a council whose return has no header rows at all',
   NULL,
   $chk$
SELECT 'Missing' AS tbl, x.la, x.child, x.source_file, x.source_line,
       'Missing row for a child with no header row in the return' AS msg
  FROM y_missing x
 WHERE EXISTS (SELECT 1 FROM y_header a WHERE a.la = x.la)
   AND NOT EXISTS (SELECT 1 FROM y_header h WHERE h.la = x.la AND h.child = x.child)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT13', 'cross-table', NULL, NULL, 'Missing', '{header,missing}'::text[], false, '{}'::text[],
   'DOB in Missing differs from the header',
   'Internal Check: DOB in Missing is different to DOB in Header.',
   NULL,
   NULL,
   $chk$
SELECT 'Missing' AS tbl, x.la, x.child, x.source_file, x.source_line,
       format('DOB %s differs from the header''s %s', x.dob, h.dob) AS msg
  FROM y_missing x JOIN hdr_y h ON h.la = x.la AND h.child = x.child
 WHERE x.dob <> h.dob
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT05', 'cross-table', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'Child in OC2 does not exist in the header',
   'Internal Check: Child in OC2 does not exist in Header.',
   'Silent for a council whose return has no header rows at all',
   NULL,
   $chk$
SELECT 'OC2' AS tbl, x.la, x.child, x.source_file, x.source_line,
       'OC2 row for a child with no header row in the return' AS msg
  FROM y_oc2 x
 WHERE EXISTS (SELECT 1 FROM y_header a WHERE a.la = x.la)
   AND NOT EXISTS (SELECT 1 FROM y_header h WHERE h.la = x.la AND h.child = x.child)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT14', 'cross-table', NULL, NULL, 'OC2', '{header,oc2}'::text[], false, '{}'::text[],
   'DOB in OC2 differs from the header',
   'Internal Check: DOB in OC2 is different to DOB in Header.',
   NULL,
   NULL,
   $chk$
SELECT 'OC2' AS tbl, x.la, x.child, x.source_file, x.source_line,
       format('DOB %s differs from the header''s %s', x.dob, h.dob) AS msg
  FROM y_oc2 x JOIN hdr_y h ON h.la = x.la AND h.child = x.child
 WHERE x.dob <> h.dob
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT33', 'cross-table', NULL, NULL, 'OC2', '{oc2}'::text[], false, '{}'::text[],
   'Child more than once in OC2',
   'Internal Check: Child should only exist once in OC2.',
   NULL,
   NULL,
   $chk$
SELECT 'OC2' AS tbl, x.la, x.child, x.source_file, x.source_line,
       format('the child has %s rows in OC2: one expected', x.n) AS msg
  FROM (SELECT y.*, count(*) OVER (PARTITION BY y.la, y.child) AS n FROM y_oc2 y) x
 WHERE x.n > 1
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT06', 'cross-table', NULL, NULL, 'OC3', '{header,oc3}'::text[], false, '{}'::text[],
   'Child in OC3 does not exist in the header',
   'Internal Check: Child in OC3 does not exist in Header.',
   'Silent for a council whose return has no header rows at all',
   NULL,
   $chk$
SELECT 'OC3' AS tbl, x.la, x.child, x.source_file, x.source_line,
       'OC3 row for a child with no header row in the return' AS msg
  FROM y_oc3 x
 WHERE EXISTS (SELECT 1 FROM y_header a WHERE a.la = x.la)
   AND NOT EXISTS (SELECT 1 FROM y_header h WHERE h.la = x.la AND h.child = x.child)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT15', 'cross-table', NULL, NULL, 'OC3', '{header,oc3}'::text[], false, '{}'::text[],
   'DOB in OC3 differs from the header',
   'Internal Check: DOB in OC3 is different to DOB in Header.',
   NULL,
   NULL,
   $chk$
SELECT 'OC3' AS tbl, x.la, x.child, x.source_file, x.source_line,
       format('DOB %s differs from the header''s %s', x.dob, h.dob) AS msg
  FROM y_oc3 x JOIN hdr_y h ON h.la = x.la AND h.child = x.child
 WHERE x.dob <> h.dob
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT34', 'cross-table', NULL, NULL, 'OC3', '{oc3}'::text[], false, '{}'::text[],
   'Child more than once in OC3',
   'Internal Check: Child should only exist once in OC3.',
   NULL,
   NULL,
   $chk$
SELECT 'OC3' AS tbl, x.la, x.child, x.source_file, x.source_line,
       format('the child has %s rows in OC3: one expected', x.n) AS msg
  FROM (SELECT y.*, count(*) OVER (PARTITION BY y.la, y.child) AS n FROM y_oc3 y) x
 WHERE x.n > 1
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT07', 'cross-table', NULL, NULL, 'PrevPerm', '{header,prev_perm}'::text[], false, '{}'::text[],
   'Child in PrevPerm does not exist in the header',
   'Internal Check: Child in PrevPerm does not exist in Header.',
   'Silent for a council whose return has no header rows at all',
   NULL,
   $chk$
SELECT 'PrevPerm' AS tbl, x.la, x.child, x.source_file, x.source_line,
       'PrevPerm row for a child with no header row in the return' AS msg
  FROM y_prev_perm x
 WHERE EXISTS (SELECT 1 FROM y_header a WHERE a.la = x.la)
   AND NOT EXISTS (SELECT 1 FROM y_header h WHERE h.la = x.la AND h.child = x.child)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT16', 'cross-table', NULL, NULL, 'PrevPerm', '{header,prev_perm}'::text[], false, '{}'::text[],
   'DOB in PrevPerm differs from the header',
   'Internal Check: DOB in PrevPerm is different to DOB in Header.',
   NULL,
   NULL,
   $chk$
SELECT 'PrevPerm' AS tbl, x.la, x.child, x.source_file, x.source_line,
       format('DOB %s differs from the header''s %s', x.dob, h.dob) AS msg
  FROM y_prev_perm x JOIN hdr_y h ON h.la = x.la AND h.child = x.child
 WHERE x.dob <> h.dob
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT35', 'cross-table', NULL, NULL, 'PrevPerm', '{prev_perm}'::text[], false, '{}'::text[],
   'Child more than once in PrevPerm',
   'Internal Check: Child should only exist once in PrevPerm.',
   NULL,
   NULL,
   $chk$
SELECT 'PrevPerm' AS tbl, x.la, x.child, x.source_file, x.source_line,
       format('the child has %s rows in PrevPerm: one expected', x.n) AS msg
  FROM (SELECT y.*, count(*) OVER (PARTITION BY y.la, y.child) AS n FROM y_prev_perm y) x
 WHERE x.n > 1
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT08', 'cross-table', NULL, NULL, 'Reviews', '{header,reviews}'::text[], false, '{}'::text[],
   'Child in Reviews does not exist in the header',
   'Internal Check: Child in Reviews does not exist in Header.',
   'Silent for a council whose return has no header rows at all',
   NULL,
   $chk$
SELECT 'Reviews' AS tbl, x.la, x.child, x.source_file, x.source_line,
       'Reviews row for a child with no header row in the return' AS msg
  FROM y_reviews x
 WHERE EXISTS (SELECT 1 FROM y_header a WHERE a.la = x.la)
   AND NOT EXISTS (SELECT 1 FROM y_header h WHERE h.la = x.la AND h.child = x.child)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT17', 'cross-table', NULL, NULL, 'Reviews', '{header,reviews}'::text[], false, '{}'::text[],
   'DOB in Reviews differs from the header',
   'Internal Check: DOB in Reviews is different to DOB in Header.',
   NULL,
   NULL,
   $chk$
SELECT 'Reviews' AS tbl, x.la, x.child, x.source_file, x.source_line,
       format('DOB %s differs from the header''s %s', x.dob, h.dob) AS msg
  FROM y_reviews x JOIN hdr_y h ON h.la = x.la AND h.child = x.child
 WHERE x.dob <> h.dob
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT09', 'cross-table', NULL, NULL, 'UASC', '{header,uasc}'::text[], false, '{}'::text[],
   'Child in UASC does not exist in the header',
   'Internal Check: Child in UASC does not exist in Header.',
   'Silent for a council whose return has no header rows at all',
   NULL,
   $chk$
SELECT 'UASC' AS tbl, x.la, x.child, x.source_file, x.source_line,
       'UASC row for a child with no header row in the return' AS msg
  FROM y_uasc x
 WHERE EXISTS (SELECT 1 FROM y_header a WHERE a.la = x.la)
   AND NOT EXISTS (SELECT 1 FROM y_header h WHERE h.la = x.la AND h.child = x.child)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT18', 'cross-table', NULL, NULL, 'UASC', '{header,uasc}'::text[], false, '{}'::text[],
   'DOB in UASC differs from the header',
   'Internal Check: DOB in UASC is different to DOB in Header.',
   NULL,
   NULL,
   $chk$
SELECT 'UASC' AS tbl, x.la, x.child, x.source_file, x.source_line,
       format('DOB %s differs from the header''s %s', x.dob, h.dob) AS msg
  FROM y_uasc x JOIN hdr_y h ON h.la = x.la AND h.child = x.child
 WHERE x.dob <> h.dob
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT36', 'cross-table', NULL, NULL, 'UASC', '{uasc}'::text[], false, '{}'::text[],
   'Child more than once in UASC',
   'Internal Check: Child should only exist once in UASC.',
   NULL,
   NULL,
   $chk$
SELECT 'UASC' AS tbl, x.la, x.child, x.source_file, x.source_line,
       format('the child has %s rows in UASC: one expected', x.n) AS msg
  FROM (SELECT y.*, count(*) OVER (PARTITION BY y.la, y.child) AS n FROM y_uasc y) x
 WHERE x.n > 1
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT21', 'cross-table', NULL, NULL, 'UASC', '{header,uasc}'::text[], false, '{}'::text[],
   'SEX in UASC differs from the header',
   'Internal Check: SEX in UASC is different to SEX in Header.',
   NULL,
   NULL,
   $chk$
SELECT 'UASC' AS tbl, x.la, x.child, x.source_file, x.source_line,
       format('SEX %s differs from the header''s %s', x.sex, h.sex) AS msg
  FROM y_uasc x JOIN hdr_y h ON h.la = x.la AND h.child = x.child
 WHERE upper(btrim(x.sex)) <> upper(btrim(h.sex))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('INT32', 'cross-table', NULL, NULL, 'Header', '{header}'::text[], false, '{}'::text[],
   'Child more than once in the header',
   'Internal Check: Child should only exist once in Header.',
   NULL,
   NULL,
   $chk$
SELECT 'Header' AS tbl, x.la, x.child, x.source_file, x.source_line,
       format('the child has %s header rows: one expected', x.n) AS msg
  FROM (SELECT y.*, count(*) OVER (PARTITION BY y.la, y.child) AS n FROM y_header y) x
 WHERE x.n > 1
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
