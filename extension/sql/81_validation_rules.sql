-- The DfE rules validate checked before the registry (issue 14), as rows of
-- careleaver.validation_rules: each check is a SELECT over the base relations of
-- careleaver.validation_bases_sql yielding (tbl, la, child, source_file,
-- source_line, msg).  How to add a rule: doc/validation.md, "Adding a rule".

-- episode timeline
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('142', 'episode timeline', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'A new episode started but the episode before it has no end date or no reason ended',
   'A new episode has started, but the previous episode has not ended.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('episode starting %s is followed by another but has no end date or reason ended', s.decom) AS msg
  FROM seq s WHERE s.n_decom IS NOT NULL AND (s.dec IS NULL OR s.rec IS NULL)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('353', 'episode timeline', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Episode started before 14 October 1991',
   'No episode submitted can start before 14 October 1991.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('episode start %s is before 14 October 1991', e.decom) AS msg
  FROM ep e WHERE e.decom < DATE '1991-10-14'
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('354', 'episode timeline', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Episode starts after the end of the collection year',
   'Date episode began must be on or before the end of the current collection year.',
   'The public validator uses whatever collection end its metadata gives; we use 31 March of the collection year (its fixture dated 1 April 2021 is flagged by us); its message speaks of the date the episode ceased, the rule checks the start (DECOM)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('episode start %s is after the end of the collection year (%s)', e.decom, $3) AS msg
  FROM ep e WHERE e.decom > $3
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('355', 'episode timeline', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Episode lasted less than 24 hours (ended on the day it started)',
   'Episode appears to have lasted for less than 24 hours',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('episode ended on the day it started (%s): less than 24 hours', e.decom) AS msg
  FROM ep e WHERE e.dec = e.decom
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('356', 'episode timeline', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Episode ended before it started',
   'The date the episode ceased is before the date the same episode started.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('episode ended %s, before it started %s', e.dec, e.decom) AS msg
  FROM ep e WHERE e.dec < e.decom
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('357', 'episode timeline', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'First episode ever recorded for the child is not coded as starting to be looked after (RNE S)',
   'If this is the first episode ever for this child, reason for new episode must be S. Check whether there is an episode immediately preceding this one, which has been left out. If not the reason for new episode code must be amended to S.',
   'The first episode in the return that starts in the year, with no episode of the child in any earlier loaded return',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('first recorded episode of the child (starting %s) has reason for new episode %s, expected S',
              s.decom, coalesce(s.rne, 'blank')) AS msg
  FROM first_not_s s
 WHERE NOT EXISTS (SELECT 1 FROM seen_before b WHERE b.la = s.la AND b.child = s.child)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('385', 'episode timeline', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Episode ends after the end of the collection year',
   'Date episode ceased must be on or before the end of the current collection year.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('episode end %s is after the end of the collection year (%s)', e.dec, $3) AS msg
  FROM ep e WHERE e.dec > $3
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('388', 'episode timeline', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Episode ended with X1 (new episode the same day) but no episode starts on that day',
   'Reason episode ceased is coded new episode begins, but there is no continuation episode.',
   'X1 endings with a DEC only (open rows with a REC are rule 148); the public validator also flags a non-X1 ending followed by an episode the same day, and open episodes carrying X1',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('episode ended %s with X1 (new episode the same day) but no episode starts that day', s.dec) AS msg
  FROM seq s WHERE s.rec = 'X1' AND s.dec IS NOT NULL AND s.n_decom IS DISTINCT FROM s.dec
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('431', 'episode timeline', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Episode coded as a new period of care (RNE S) although the previous episode ended the same day',
   'The reason for new episode is started to be looked after, but the previous episode ended on the same day.',
   'Same day only; the public validator also flags an RNE S episode starting before the previous one ended (an overlap, rule 501)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('episode starting %s is coded as a new period of care (S) but the previous episode ended that day', s.decom) AS msg
  FROM seq s WHERE s.k > 1 AND s.rne = 'S' AND s.p_dec = s.decom
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('432', 'episode timeline', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Previous episode ended care (REC other than X1) but this episode is not coded as a new period of care',
   'The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('previous episode ended care (%s) but this episode (starting %s) has reason for new episode %s, expected S',
              s.p_rec, s.decom, coalesce(s.rne, 'blank')) AS msg
  FROM seq s WHERE s.k > 1 AND s.p_rec IS NOT NULL AND s.p_rec <> 'X1' AND s.rne IS DISTINCT FROM 'S'
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('433', 'episode timeline', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Continuation episode does not start on the day the previous episode ended',
   'The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('continuation episode (RNE %s) starts %s but the previous episode ended %s',
              s.rne, s.decom, coalesce(s.p_dec::text, 'blank')) AS msg
  FROM seq s WHERE s.k > 1 AND s.rne IN ('L', 'P', 'T', 'B', 'U') AND s.p_dec IS DISTINCT FROM s.decom
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('434', 'episode timeline', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'RNE L (legal status change only) but the legal status is unchanged or the placement changed',
   'Reason for new episode is that child''s legal status has changed but not the placement, but this is not reflected in the episode data.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('RNE L on %s: %s', s.decom,
              CASE WHEN s.ls IS NOT DISTINCT FROM s.p_ls THEN 'the legal status did not change'
                   ELSE 'the placement changed as well' END) AS msg
  FROM seq s
 WHERE s.k > 1 AND s.rne = 'L'
   AND (s.ls IS NOT DISTINCT FROM s.p_ls
        OR s.place IS DISTINCT FROM s.p_place OR s.prov IS DISTINCT FROM s.p_prov
        OR s.pl_post IS DISTINCT FROM s.p_pl_post OR s.urn IS DISTINCT FROM s.p_urn)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('435', 'episode timeline', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'RNE P or T (placement change only) but the legal status changed or the placement did not',
   'Reason for new episode is that child’s placement has changed but not the legal status, but this is not reflected in the episode data recorded.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('RNE %s on %s: %s', s.rne, s.decom,
              CASE WHEN s.ls IS DISTINCT FROM s.p_ls THEN 'the legal status changed as well'
                   ELSE 'the placement did not change' END) AS msg
  FROM seq s
 WHERE s.k > 1 AND s.rne IN ('P', 'T')
   AND (s.ls IS DISTINCT FROM s.p_ls
        OR NOT (s.place IS DISTINCT FROM s.p_place OR s.prov IS DISTINCT FROM s.p_prov
                OR s.pl_post IS DISTINCT FROM s.p_pl_post OR s.urn IS DISTINCT FROM s.p_urn))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('436', 'episode timeline', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'RNE B or U (legal status and placement change) but one of them did not change',
   'Reason for new episode is that both child’s placement and legal status have changed, but this is not reflected in the episode data.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('RNE %s on %s: %s', s.rne, s.decom,
              CASE WHEN s.ls IS NOT DISTINCT FROM s.p_ls THEN 'the legal status did not change'
                   ELSE 'the placement did not change' END) AS msg
  FROM seq s
 WHERE s.k > 1 AND s.rne IN ('B', 'U')
   AND (s.ls IS NOT DISTINCT FROM s.p_ls
        OR NOT (s.place IS DISTINCT FROM s.p_place OR s.prov IS DISTINCT FROM s.p_prov
                OR s.pl_post IS DISTINCT FROM s.p_pl_post OR s.urn IS DISTINCT FROM s.p_urn))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('437', 'episode timeline', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Episode ended because the child died (E2) or was assessed as 18 or over (E15), yet later episodes follow',
   'Reason episode ceased is child has died or is aged 18 or over but there are further episodes.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('episode ended %s with %s (%s) but later episodes follow', s.dec, s.rec,
              CASE s.rec WHEN 'E2' THEN 'died' ELSE 'assessed as 18 or over' END) AS msg
  FROM seq s WHERE s.rec IN ('E2', 'E15') AND s.n_decom IS NOT NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('501', 'episode timeline', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Episode starts before the previous episode ended',
   'A new episode has started before the end date of the previous episode.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('episode starts %s, before the previous episode ended (%s)', s.decom, s.p_dec) AS msg
  FROM seq s WHERE s.k > 1 AND s.decom < s.p_dec
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('504', 'episode timeline', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Category of need differs from the one at the start of the period of care',
   'The category of need code differs from that reported at start of current period of being looked after',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, p.la, p.child, p.source_file, p.source_line,
       format('category of need %s differs from %s at the start of the period of care',
              coalesce(p.cin, 'blank'), coalesce(p.start_cin, 'blank')) AS msg
  FROM poc p WHERE p.cin IS DISTINCT FROM p.start_cin
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

-- across years
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('502', 'across years', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'Last year''s open episode and this year''s first episode start on different dates',
   'Last year''s record ended with an open episode. The date on which that episode started does not match the start date of the first episode on this year’s record.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('first episode starts %s but last year''s return left an episode open that started %s', c.decom, c.l_decom) AS msg
  FROM carry c WHERE c.decom <> c.l_decom
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('503A', 'across years', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'First episode differs from last year''s open episode in the reason for new episode (RNE)',
   'The reason for new episode in the first episode does not match open episode at end of last year.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('%s is %s but was %s in last year''s open episode starting %s',
              'RNE', coalesce(c.rne, 'blank'), coalesce(c.l_rne, 'blank'), c.decom) AS msg
  FROM carry c
 WHERE c.decom = c.l_decom AND c.rne IS DISTINCT FROM c.l_rne
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('503B', 'across years', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'First episode differs from last year''s open episode in legal status (LS)',
   'The legal status in the first episode does not match open episode at end of last year.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('%s is %s but was %s in last year''s open episode starting %s',
              'LS', coalesce(c.ls, 'blank'), coalesce(c.l_ls, 'blank'), c.decom) AS msg
  FROM carry c
 WHERE c.decom = c.l_decom AND c.ls IS DISTINCT FROM c.l_ls
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('503C', 'across years', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'First episode differs from last year''s open episode in category of need (CIN)',
   'The category of need in the first episode does not match open episode at end of last year.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('%s is %s but was %s in last year''s open episode starting %s',
              'CIN', coalesce(c.cin, 'blank'), coalesce(c.l_cin, 'blank'), c.decom) AS msg
  FROM carry c
 WHERE c.decom = c.l_decom AND c.cin IS DISTINCT FROM c.l_cin
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('503D', 'across years', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'First episode differs from last year''s open episode in placement type (PLACE)',
   'The placement type in the first episode does not match open episode at end of last year',
   'H5 last year restated as K3 is accepted in the 2025 return (the 2024-25 change of DfE''s rule)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('%s is %s but was %s in last year''s open episode starting %s',
              'PLACE', coalesce(c.place, 'blank'), coalesce(c.l_place, 'blank'), c.decom) AS msg
  FROM carry c
 WHERE c.decom = c.l_decom AND c.place IS DISTINCT FROM c.l_place
   -- DfE accepted H5 last year restated as K3 in the 2025 return
   AND NOT ($1 = 2025 AND c.l_place = 'H5' AND c.place = 'K3')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('503E', 'across years', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'First episode differs from last year''s open episode in placement provider',
   'The placement provider in the first episode does not match open episode at end of last year.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('%s is %s but was %s in last year''s open episode starting %s',
              'PLACE_PROVIDER', coalesce(c.prov, 'blank'), coalesce(c.l_prov, 'blank'), c.decom) AS msg
  FROM carry c
 WHERE c.decom = c.l_decom AND c.prov IS DISTINCT FROM c.l_prov
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('503F', 'across years', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'First episode differs from last year''s open episode in the URN of the placement',
   'The Ofsted URN in the first episode does not match open episode at end of last year.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('%s is %s but was %s in last year''s open episode starting %s',
              'URN', coalesce(c.urn, 'blank'), coalesce(c.l_urn, 'blank'), c.decom) AS msg
  FROM carry c
 WHERE c.decom = c.l_decom AND c.urn IS DISTINCT FROM c.l_urn
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('562', 'across years', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'Episode started before this collection year but last year''s return has no episode starting that day',
   'Episode commenced before the start of the current collection year but there is a missing continuous episode in the previous year.',
   'Silent for a council whose previous return is not loaded',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('episode started %s, before this collection year, but last year''s return has no episode starting that day', s.decom) AS msg
  FROM seq s
 WHERE s.k = 1 AND s.decom < $2 AND s.la IN (SELECT pl.la FROM prev_las pl)
   AND NOT EXISTS (SELECT 1 FROM prev_ep p WHERE p.la = s.la AND p.child = s.child AND p.decom = s.decom)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

-- legal status and short breaks
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('361', 'legal status and short breaks', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Police protection (L1) lasted more than 72 hours',
   'Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989.',
   'Consecutive episodes joined by X1 on the same day with the same legal status count as one stretch; an open episode runs to the end of the year',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, l.la, l.child, l.source_file, l.source_line,
       format('legal status %s lasted %s days from %s, more than %s', l.ls, l.span, l.decom, '72 hours') AS msg
  FROM ls_span l
 WHERE l.ls = 'L1' AND l.span > 3
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('362', 'legal status and short breaks', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Emergency protection order (L2) lasted more than 21 days',
   'Emergency protection order (EPO) lasted longer than 21 days',
   'Consecutive episodes joined by X1 on the same day with the same legal status count as one stretch; an open episode runs to the end of the year',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, l.la, l.child, l.source_file, l.source_line,
       format('legal status %s lasted %s days from %s, more than %s', l.ls, l.span, l.decom, '21 days') AS msg
  FROM ls_span l
 WHERE l.ls = 'L2' AND l.span > 21
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('363', 'legal status and short breaks', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Child assessment order (L3) lasted more than 7 days',
   'Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.',
   'Consecutive episodes joined by X1 on the same day with the same legal status count as one stretch; an open episode runs to the end of the year',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, l.la, l.child, l.source_file, l.source_line,
       format('legal status %s lasted %s days from %s, more than %s', l.ls, l.span, l.decom, '7 days') AS msg
  FROM ls_span l
 WHERE l.ls = 'L3' AND l.span > 7
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('365', 'legal status and short breaks', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'A single short break (V3) lasted more than 17 days',
   'Any individual short- term respite placement must not exceed 17 days.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('short break starting %s lasted %s days, more than 17', s.decom, coalesce(s.dec, $3) - s.decom) AS msg
  FROM seq s WHERE s.ls = 'V3' AND coalesce(s.dec, $3) - s.decom > 17
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('367', 'legal status and short breaks', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Short breaks (V3) add up to more than 75 days in the collection year',
   'The maximum amount of respite care allowable is 75 days in any 12-month period.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, v.la, v.child, v.source_file, v.source_line,
       format('short breaks add up to %s days in the collection year, more than 75', v.total) AS msg
  FROM v3_total v WHERE v.total > 75 AND v.days_in_year > 0
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('380', 'legal status and short breaks', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'A period of care starts in a temporary placement (T0-T4)',
   'A period of care cannot start with a temporary placement.',
   'RNE S with T0-T4; the public validator flags any T placement entered other than by RNE P or B',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('period of care starting %s begins in temporary placement %s', e.decom, e.place) AS msg
  FROM ep e WHERE e.rne = 'S' AND e.place IN ('T0', 'T1', 'T2', 'T3', 'T4')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('381', 'legal status and short breaks', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'A period of care ends in a temporary placement (T0-T4)',
   'A period of care cannot end with a temporary placement.',
   NULL,
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('care ended (%s) while in temporary placement %s', e.rec, e.place) AS msg
  FROM ep e WHERE e.rec IS NOT NULL AND e.rec <> 'X1' AND e.place IN ('T0', 'T1', 'T2', 'T3', 'T4')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

-- age at cessation
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('386', 'age at cessation', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'Adopted (E11, E12) on or after the 18th birthday',
   'Reason episode ceased is adopted but child has reached age 18.',
   'DOB from the latest header row up to the year; birthdays by careleaver.birthday (29 February births take 1 March in common years)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('care ended %s with %s, %s the %s birthday (%s)', e.dec, e.rec, 'on or after', '18th', h.b18) AS msg
  FROM ep e JOIN hdr h ON h.la = e.la AND h.child = e.child
 WHERE e.dec IS NOT NULL AND e.rec IN ('E11', 'E12') AND e.dec >= h.b18
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('387', 'age at cessation', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'Moved to independent living (E5, E6) before the 14th birthday',
   'Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.',
   'DOB from the latest header row up to the year; birthdays by careleaver.birthday (29 February births take 1 March in common years)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('care ended %s with %s, %s the %s birthday (%s)', e.dec, e.rec, 'before', '14th', h.b14) AS msg
  FROM ep e JOIN hdr h ON h.la = e.la AND h.child = e.child
 WHERE e.dec IS NOT NULL AND e.rec IN ('E5', 'E6') AND e.dec < h.b14
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('389', 'age at cessation', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'Transferred to adult social care (E7) before the 16th birthday',
   'Reason episode ceased is that child transferred to care of adult social care services, but child is aged under 16.',
   'DOB from the latest header row up to the year; birthdays by careleaver.birthday (29 February births take 1 March in common years)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('care ended %s with %s, %s the %s birthday (%s)', e.dec, e.rec, 'before', '16th', h.b16) AS msg
  FROM ep e JOIN hdr h ON h.la = e.la AND h.child = e.child
 WHERE e.dec IS NOT NULL AND e.rec IN ('E7') AND e.dec < h.b16
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('407', 'age at cessation', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'Special guardianship order (E45-E48) on or after the 18th birthday',
   'Reason episode ceased is Special Guardianship Order, but child has reached age 18.',
   'DOB from the latest header row up to the year; birthdays by careleaver.birthday (29 February births take 1 March in common years)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('care ended %s with %s, %s the %s birthday (%s)', e.dec, e.rec, 'on or after', '18th', h.b18) AS msg
  FROM ep e JOIN hdr h ON h.la = e.la AND h.child = e.child
 WHERE e.dec IS NOT NULL AND e.rec IN ('E45', 'E46', 'E47', 'E48') AND e.dec >= h.b18
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('460', 'age at cessation', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'Stayed with carers at 18 or over (E17) before the 18th birthday',
   'Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18.',
   'DOB from the latest header row up to the year; birthdays by careleaver.birthday (29 February births take 1 March in common years)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('care ended %s with %s, %s the %s birthday (%s)', e.dec, e.rec, 'before', '18th', h.b18) AS msg
  FROM ep e JOIN hdr h ON h.la = e.la AND h.child = e.child
 WHERE e.dec IS NOT NULL AND e.rec IN ('E17') AND e.dec < h.b18
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

-- care leavers
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('131', 'care leavers', NULL, NULL, 'OC3', '{}'::text[], false, '{OC3.IN_TOUCH}'::text[],
   'IN_TOUCH is not a code valid in the collection year',
   'Data entry for being in touch after leaving care is invalid.',
   'Codes are read ignoring case (the public validator is case-sensitive and flags blanks, which are rule 153''s); the list of the collection year (the validator applies the 2025-26 list to every year)',
   NULL,
   $chk$
SELECT 'OC3' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('IN_TOUCH %s is not a code for %s', o.touch, $1) AS msg
  FROM ocd o WHERE o.bad_touch
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('132', 'care leavers', NULL, NULL, 'OC3', '{}'::text[], false, '{OC3.ACTIV}'::text[],
   'ACTIV is not a code valid in the collection year',
   'Data entry for activity after leaving care is invalid.',
   'Codes are read ignoring case (the public validator is case-sensitive and flags blanks, which are rule 153''s); the list of the collection year (the validator applies the 2025-26 list to every year)',
   NULL,
   $chk$
SELECT 'OC3' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('ACTIV %s is not a code for %s', o.activ, $1) AS msg
  FROM ocd o WHERE o.bad_activ
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('133', 'care leavers', NULL, NULL, 'OC3', '{}'::text[], false, '{OC3.ACCOM}'::text[],
   'ACCOM is not a code valid in the collection year',
   'Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after leaving care the data entry must be valid',
   'Codes are read ignoring case (the public validator is case-sensitive and flags blanks, which are rule 153''s); the list of the collection year (the validator applies the 2025-26 list to every year)',
   NULL,
   $chk$
SELECT 'OC3' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('ACCOM %s is not a code for %s', o.accom, $1) AS msg
  FROM ocd o WHERE o.bad_accom
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('153', 'care leavers', NULL, NULL, 'OC3', '{}'::text[], false, '{}'::text[],
   'IN_TOUCH, ACTIV and ACCOM must be all given or all blank',
   'All data items relating to a child''s activity or accommodation after leaving care must be coded or left blank.',
   NULL,
   NULL,
   $chk$
SELECT 'OC3' AS tbl, o.la, o.child, o.source_file, o.source_line,
       'IN_TOUCH, ACTIV and ACCOM are partly blank: give all three or none' AS msg
  FROM ocd o WHERE o.given AND (o.touch IS NULL OR o.activ IS NULL OR o.accom IS NULL)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('344', 'care leavers', NULL, NULL, 'OC3', '{}'::text[], false, '{}'::text[],
   'Young person died or returned home (DIED, RHOM) but ACTIV or ACCOM is not 0',
   'The record shows the young person has died or returned home to live with parent(s) or someone with parental responsibility for a continuous period of 6 months or more, but activity and/or accommodation on leaving care have been completed.',
   NULL,
   NULL,
   $chk$
SELECT 'OC3' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('IN_TOUCH %s needs ACTIV and ACCOM 0 (they are %s and %s)', o.touch,
              coalesce(o.activ, 'blank'), coalesce(o.accom, 'blank')) AS msg
  FROM ocd o WHERE o.touch IN ('DIED', 'RHOM')
   AND (o.activ IS DISTINCT FROM '0' OR o.accom IS DISTINCT FROM '0')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('345', 'care leavers', NULL, NULL, 'OC3', '{}'::text[], false, '{}'::text[],
   'Young person in touch (YES) but ACTIV or ACCOM is 0',
   'The data collection record shows the local authority is in touch with this young person, but activity and/or accommodation data items are zero.',
   NULL,
   NULL,
   $chk$
SELECT 'OC3' AS tbl, o.la, o.child, o.source_file, o.source_line,
       'in touch (YES) but ACTIV or ACCOM is 0 (not known)' AS msg
  FROM ocd o WHERE o.touch = 'YES' AND (o.activ = '0' OR o.accom = '0')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('347', 'care leavers', 2024, NULL, 'OC3', '{}'::text[], false, '{}'::text[],
   'Foyer accommodation (ACCOM T1, T2) for a young person under 18',
   'Care leavers aged under 18 years, can not be accommodated in a Foyer.',
   'Fires on T1 and T2; the public validator compares ACCOM with the bare string T, which is no code',
   NULL,
   $chk$
SELECT 'OC3' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('foyer accommodation %s for a young person under 18 at the start of the year', o.accom) AS msg
  FROM ocd o WHERE o.accom IN ('T1', 'T2') AND o.b18 > $2
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('391', 'care leavers', NULL, NULL, 'OC3', '{}'::text[], false, '{}'::text[],
   'Care-leaver information for a young person under 17 at the end of the year',
   'Young person was not 17, 18, 19, 20 or 21 during the current collection year.',
   NULL,
   NULL,
   $chk$
SELECT 'OC3' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('young person is under 17 at the end of the collection year (17th birthday %s)', o.b17) AS msg
  FROM ocd o WHERE o.given AND o.b17 > $3
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1000', 'care leavers', NULL, NULL, 'OC3', '{}'::text[], true, '{}'::text[],
   'Care-leaver information for a child who died in care (final REC E2)',
   'This child is recorded as having died in care and therefore should not have the care leaver information completed.',
   'The final episode over every loaded return, not the last two years only',
   NULL,
   $chk$
SELECT 'OC3' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('the child died in care (episode ended %s with E2): no care-leaver information', l.dec) AS msg
  FROM ocd o JOIN hist_last l ON l.la = o.la AND l.child = o.child WHERE l.rec = 'E2'
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1001', 'care leavers', NULL, NULL, 'OC3', '{}'::text[], true, '{}'::text[],
   'Care-leaver information for a young person who is not a relevant or former relevant child, or was adopted',
   'The episodes recorded for this young person suggest they are not a relevant or a former relevant child and therefore should not have care leaver information completed.',
   'Checks everyone with a DOB over every loaded return, only where the loaded history reaches the 14th birthday (silent otherwise); the public validator skips those aged 20 or over and sees two years only',
   NULL,
   $chk$
SELECT 'OC3' AS tbl, o.la, o.child, o.source_file, o.source_line,
       CASE WHEN l.rec IN ('E11', 'E12') THEN 'the young person was adopted: not a care leaver'
            ELSE format('not a relevant or former relevant child: %s days looked after since the 14th birthday (13 weeks needed), %s since the 16th',
                        coalesce(g.after14, 0), coalesce(g.after16, 0)) END AS msg
  FROM ocd o
  LEFT JOIN elig g ON g.la = o.la AND g.child = o.child
  LEFT JOIN hist_last l ON l.la = o.la AND l.child = o.child
  LEFT JOIN cover cv ON cv.la = o.la
 WHERE o.dob IS NOT NULL
   AND (l.rec IN ('E11', 'E12')
        OR (NOT coalesce(g.eligible, false) AND coalesce(cv.history_from, '-infinity') <= o.b14))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1002', 'care leavers', NULL, NULL, 'OC3', '{}'::text[], true, '{}'::text[],
   'Care-leaver information for a young person with no episodes of care in the dataset',
   'This child has no previous episodes of care, therefore should not have care leaver information recorded.',
   'Silent where the loaded returns do not reach the 14th birthday',
   NULL,
   $chk$
SELECT 'OC3' AS tbl, o.la, o.child, o.source_file, o.source_line,
       'care-leaver information for a young person with no episodes of care in the loaded returns, which cover their history from the 14th birthday' AS msg
  FROM ocd o LEFT JOIN cover cv ON cv.la = o.la
 WHERE (cv.history_from IS NULL OR cv.history_from <= o.b14)
   AND NOT EXISTS (SELECT 1 FROM hist_raw h WHERE h.la = o.la AND h.child = o.child)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1007', 'care leavers', NULL, NULL, 'OC3', '{}'::text[], true, '{}'::text[],
   'Care-leaver information for a 17 or 18 year old still looked after on the birthday',
   'Care leaver information is not required for 17- or 18-year olds who are still looked after [on their 17th or 18th birthday.]',
   'An open episode counts as looked after on the birthday; the public validator needs DEC after the birthday, so never counts an open episode',
   NULL,
   $chk$
SELECT 'OC3' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('still looked after on the %s birthday (%s): care-leaver information not expected',
              CASE WHEN o.b17 BETWEEN $2 AND $3 THEN '17th' ELSE '18th' END,
              CASE WHEN o.b17 BETWEEN $2 AND $3 THEN o.b17 ELSE o.b18 END) AS msg
  FROM ocd o
 WHERE o.given AND EXISTS (
         SELECT 1 FROM hist h
          WHERE h.la = o.la AND h.child = o.child
            AND ((o.b17 BETWEEN $2 AND $3 AND h.decom <= o.b17 AND (h.dec IS NULL OR h.dec > o.b17))
              OR (o.b18 BETWEEN $2 AND $3 AND h.decom <= o.b18 AND (h.dec IS NULL OR h.dec > o.b18))))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1010', 'care leavers', NULL, NULL, 'OC3', '{}'::text[], true, '{}'::text[],
   'Care-leaver information, no episodes this year, although last year''s return left the child looked after',
   'This child has no episodes loaded for current year even though there was an open episode of care at the end of the previous year, and care leaver data has been entered.',
   NULL,
   NULL,
   $chk$
SELECT 'OC3' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('last year''s return left the child looked after (episode from %s) but this year has no episodes', p.decom) AS msg
  FROM ocd o JOIN prev_last p ON p.la = o.la AND p.child = o.child AND p.dec IS NULL
 WHERE NOT EXISTS (SELECT 1 FROM ep e WHERE e.la = o.la AND e.child = o.child)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1011', 'care leavers', NULL, NULL, 'OC3', '{}'::text[], true, '{}'::text[],
   'Care-leaver information although care was taken over by another authority (final REC E3)',
   'This child is recorded as having his/her care transferred to another local authority for the final episode and therefore should not have the care leaver information completed.',
   NULL,
   NULL,
   $chk$
SELECT 'OC3' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('care was taken over by another authority (E3 on %s): no care-leaver information', l.dec) AS msg
  FROM ocd o JOIN hist_last l ON l.la = o.la AND l.child = o.child WHERE o.given AND l.rec = 'E3'
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1012', 'care leavers', NULL, NULL, 'OC2, AD1, PlacedAdoption, PrevPerm, Missing, Reviews', '{}'::text[], false, '{}'::text[],
   'Information in another module (OC2, AD1, placed for adoption, previous permanence, missing, reviews) for a child with no episodes in the year',
   'No other data should be returned for OC3 children who had no episodes in the current year',
   'Flags the row of the other module (the public validator flags the same rows)',
   NULL,
   $chk$
SELECT x.tbl, x.la, x.child, x.source_file, x.source_line,
       x.tbl || ' information for a child with no episodes in the year: only OC3 is expected' AS msg
  FROM other_rows x
 WHERE NOT EXISTS (SELECT 1 FROM ep e WHERE e.la = x.la AND e.child = x.child)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1014', 'care leavers', NULL, NULL, 'OC3, UASC', '{uasc}'::text[], false, '{}'::text[],
   'UASC information for a care leaver who was not looked after in the year',
   'UASC information is not required for care leavers',
   'Flags the OC3 and the UASC row',
   NULL,
   $chk$
SELECT u.tbl, o.la, o.child, u.source_file, u.source_line,
       'UASC information for a care leaver who was not looked after in the year' AS msg
  FROM ocd o
  JOIN y_uasc us ON us.la = o.la AND us.child = o.child
 CROSS JOIN LATERAL (VALUES ('OC3', o.source_file, o.source_line), ('UASC', us.source_file, us.source_line))
        AS u(tbl, source_file, source_line)
 WHERE o.given
   AND NOT EXISTS (SELECT 1 FROM ep e WHERE e.la = o.la AND e.child = o.child
                    AND e.decom <= $3 AND (e.dec IS NULL OR e.dec >= $2))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1016', 'care leavers', 2024, NULL, 'OC3', '{}'::text[], true, '{}'::text[],
   'Care-leaver information for a 17 or 18 year old looked after on the birthday whose care ended after it in the year',
   'Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after their birthday.',
   'Care ending on the birthday itself has ended by then (episodes run from DECOM up to, not including, DEC): not flagged; the public validator also flags DEC = birthday',
   NULL,
   $chk$
-- "ceased after the birthday": looked after on it (episodes are [DECOM, DEC), so care ending on the
-- birthday itself has ended by then) and the final episode ended later in the year
SELECT 'OC3' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('looked after on the %s birthday (%s) and care ended %s, after it: care-leaver information not expected',
              CASE WHEN o.b17 BETWEEN $2 AND $3 THEN '17th' ELSE '18th' END,
              CASE WHEN o.b17 BETWEEN $2 AND $3 THEN o.b17 ELSE o.b18 END, l.dec) AS msg
  FROM ocd o JOIN hist_last l ON l.la = o.la AND l.child = o.child
 WHERE o.given AND l.dec BETWEEN $2 AND $3 AND EXISTS (
         SELECT 1 FROM hist h
          WHERE h.la = o.la AND h.child = o.child
            AND ((o.b17 BETWEEN $2 AND $3 AND l.dec > o.b17 AND h.decom <= o.b17 AND (h.dec IS NULL OR h.dec > o.b17))
              OR (o.b18 BETWEEN $2 AND $3 AND l.dec > o.b18 AND h.decom <= o.b18 AND (h.dec IS NULL OR h.dec > o.b18))))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('3001', 'care leavers', NULL, NULL, 'OC3', '{}'::text[], false, '{}'::text[],
   'With former foster carers (ACCOM Z1, Z2) in the year of the 17th birthday',
   'Where care leavers information is being returned for a young person around their 17th birthday, the accommodation cannot be with their former foster carer(s).',
   NULL,
   NULL,
   $chk$
SELECT 'OC3' AS tbl, o.la, o.child, o.source_file, o.source_line,
       format('ACCOM %s (with former foster carers) in the year of the 17th birthday (%s)', o.accom, o.b17) AS msg
  FROM ocd o WHERE o.accom IN ('Z1', 'Z2') AND o.b17 BETWEEN $2 AND $3
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

-- header
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('444', 'header', 2026, NULL, 'Header', '{header}'::text[], false, '{}'::text[],
   'The same UPN (other than UN1-UN5) is given for more than one child in the return',
   'Duplicate UPN has been reported',
   NULL,
   NULL,
   $chk$
SELECT 'Header' AS tbl, u.la, u.child, u.source_file, u.source_line,
       format('UPN %s is also given for %s other row(s) of the header', u.upn, u.n - 1) AS msg
  FROM (SELECT h.la, h.child, h.source_file, h.source_line, upper(btrim(h.upn)) AS upn,
               count(*) OVER (PARTITION BY h.la, upper(btrim(h.upn))) AS n
          FROM y_header h
         WHERE nullif(btrim(h.upn), '') IS NOT NULL
           AND upper(btrim(h.upn)) NOT IN ('UN1', 'UN2', 'UN3', 'UN4', 'UN5')) u
 WHERE u.n > 1
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

-- other modules
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1003', 'other modules', NULL, NULL, 'PlacedAdoption', '{placed_adoption}'::text[], true, '{}'::text[],
   'Decision to place for adoption dated before the child first started to be looked after (RNE S)',
   'Date of LA''s decision that a child should be placed for adoption is before the child started to be looked after.',
   'The earliest RNE S episode over every loaded return up to the year; flags the PlacedAdoption row (the public validator reads this year''s return only and flags the episode too)',
   NULL,
   $chk$
SELECT 'PlacedAdoption' AS tbl, x.la, x.child, x.source_file, x.source_line,
       format('decision to place for adoption dated %s, before the child started to be looked after (%s)',
              x.date_placed, f.first_start) AS msg
  FROM y_placed_adoption x
  JOIN (SELECT e.la, e.child, min(e.decom) AS first_start
          FROM @schema@.return_episodes e
         WHERE e.year <= $1 AND ($4::text IS NULL OR e.la = $4) AND upper(btrim(e.rne::text)) = 'S'
           AND EXISTS (SELECT 1 FROM y_placed_adoption p WHERE p.la = e.la AND p.child = e.child)
         GROUP BY e.la, e.child) f ON f.la = x.la AND f.child = x.child
 WHERE x.date_placed < f.first_start
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1004', 'other modules', NULL, NULL, 'Missing', '{missing}'::text[], false, '{Missing.MIS_START}'::text[],
   'Start of a missing or away episode (MIS_START) is blank or not a date',
   'The start date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.',
   NULL,
   NULL,
   $chk$
SELECT 'Missing' AS tbl, m.la, m.child, m.source_file, m.source_line,
       CASE WHEN r.value IS NULL THEN 'start of the missing or away episode (MIS_START) is blank'
            ELSE format('start of the missing or away episode (MIS_START) %s is not a date', r.value) END AS msg
  FROM y_missing m
  LEFT JOIN rj_more r ON r.la = m.la AND r.source_file = m.source_file AND r.source_line = m.source_line
                     AND r.col = 'mis_start'
 WHERE m.mis_start IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1005', 'other modules', NULL, NULL, 'Missing', '{missing}'::text[], false, '{Missing.MIS_END}'::text[],
   'End of a missing or away episode (MIS_END) is given but is not a date',
   'The end date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.',
   'A blank MIS_END is an episode still going on',
   NULL,
   $chk$
SELECT 'Missing' AS tbl, m.la, m.child, m.source_file, m.source_line,
       format('end of the missing or away episode (MIS_END) %s is not a date', r.value) AS msg
  FROM y_missing m
  JOIN rj_more r ON r.la = m.la AND r.source_file = m.source_file AND r.source_line = m.source_line
                AND r.col = 'mis_end'
 WHERE m.mis_end IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1006', 'other modules', NULL, NULL, 'Missing', '{missing}'::text[], false, '{Missing.MISSING}'::text[],
   'MISSING is neither M (missing) nor A (away without authorisation)',
   'Missing type invalid.',
   'Read ignoring case and spaces; a blank MISSING is flagged (the public validator is case-sensitive and lets a blank pass)',
   NULL,
   $chk$
SELECT 'Missing' AS tbl, m.la, m.child, m.source_file, m.source_line,
       format('MISSING is %s, neither M (missing) nor A (away without authorisation)', coalesce(k.kind, 'blank')) AS msg
  FROM y_missing m
  LEFT JOIN rj_more r ON r.la = m.la AND r.source_file = m.source_file AND r.source_line = m.source_line
                     AND r.col = 'missing'
 CROSS JOIN LATERAL (SELECT coalesce(nullif(upper(btrim(m.missing)), ''), nullif(upper(btrim(r.value)), '')) AS kind) k
 WHERE k.kind IS NULL OR k.kind NOT IN ('M', 'A')
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1008', 'other modules', NULL, NULL, 'Episodes', '{}'::text[], false, '{Episodes.URN}'::text[],
   'URN is not an Ofsted URN (6 or 7 digits, or SC and 6 digits) nor the placeholder XXXXXXX',
   'Ofsted Unique Reference Number (URN) is not valid.',
   'The dataset holds no Ofsted provider list, so the form is checked: a well-formed URN Ofsted never issued passes (the public validator looks it up and without the list does not run)',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('URN %s is neither an Ofsted URN (6 or 7 digits, or SC and 6 digits) nor XXXXXXX', btrim(e.urn)) AS msg
  FROM ep e
 WHERE nullif(btrim(e.urn), '') IS NOT NULL
   AND upper(btrim(e.urn)) !~ '^([0-9]{6,7}|SC[0-9]{6}|XXXXXXX)$'
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('1009', 'other modules', NULL, NULL, 'Episodes', '{}'::text[], false, '{Episodes.REASON_PLACE_CHANGE}'::text[],
   'REASON_PLACE_CHANGE is not a code valid in the collection year',
   'Reason for placement change is not a valid code.',
   'The list of the collection year (CUSTOD from 2018-19); codes read ignoring case',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('REASON_PLACE_CHANGE %s is not a code for %s', e.rpc, $1) AS msg
  FROM ep e WHERE e.rpc IS NOT NULL AND NOT e.rpc_ok
UNION ALL
SELECT 'Episodes', e.la, e.child, e.source_file, e.source_line,
       format('REASON_PLACE_CHANGE %s is not a reason for a placement change', r.value)
  FROM ep e
  JOIN rj_more r ON r.la = e.la AND r.source_file = e.source_file AND r.source_line = e.source_line
               AND r.col = 'reason_place_change'
 WHERE e.rpc IS NULL
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);

-- loader
INSERT INTO careleaver.validation_rules (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES ('LOAD', 'loader', NULL, NULL, 'any', '{}'::text[], false, '{}'::text[],
   'A row the loader skipped (careleaver-load --skip-bad-rows) for a value no DfE rule of the year covers',
   '(not a DfE rule) The loader could not read this value, and no DfE rule of the year covers it: correct the value and load the return again.',
   'careleaver''s own code: every value the loader refuses reaches validate; those a DfE rule covers (validation_rules.refusals) are reported under that rule',
   NULL,
   $chk$
SELECT f.tbl, f.la, f.child, f.source_file, f.source_line,
       format('%s %s refused by the loader: %s', f.column_name, coalesce(f.value, 'blank'), f.reason) AS msg
  FROM refused f
 WHERE NOT EXISTS (SELECT 1 FROM careleaver.validation_rules v
                    WHERE f.tbl || '.' || f.column_name = ANY (v.refusals)
                      AND (v.since_year IS NULL OR v.since_year <= $1)
                      AND (v.until_year IS NULL OR v.until_year >= $1))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET (family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
  = ROW(excluded.family, excluded.since_year, excluded.until_year, excluded.module, excluded.modules_needed, excluded.needs_history, excluded.refusals, excluded.description, excluded.message, excluded.note, excluded.not_checkable, excluded.check_sql);
