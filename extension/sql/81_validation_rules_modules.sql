-- DfE validation rules of the other modules of the SSDA903 return (doc/validation.md, "Rules of the other
-- modules"): adoptions (AD1), decisions to place for adoption (PlacedAdoption), previous permanence
-- (PrevPerm), missing and away episodes (Missing), reviews (Reviews), outcomes of children looked after for
-- 12 months (OC2), unaccompanied asylum-seeking children (UASC) and the care-leaver rules of OC3 that
-- compare with other modules or last year.
--
-- Each rule is one row: its DfE code, family, DfE's message, the collection years it applies to, the
-- modules whose rows it flags, and its check: one SELECT yielding (tbl, la, child, source_file,
-- source_line, msg) over the base relations of careleaver.validation_module_base_sql (the year's
-- episodes, module rows with the columns the loader refused, header DOB, the children looked after
-- continuously for 12 months, last year's rows).  The check is run through format(check, schema):
-- %1$I is the dataset schema, %% a literal percent sign; $1 is the collection year, $2 and $3 its first
-- and last day, $4 the council (NULL: every council).

CREATE FUNCTION careleaver.validation_module_rules(
    OUT rule_code text, OUT family text, OUT dfe_message text, OUT since_year integer, OUT until_year integer,
    OUT module text, OUT check_sql text)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $rules$
SELECT * FROM (VALUES
-- ---------------------------------------------------------------- AD1 (adopted in the year)
('112', 'adoption', 'Date should be placed for adoption is not a valid date.', NULL::integer, NULL::integer, 'AD1', $c$
SELECT 'AD1', r.la, a.child, r.source_file, r.source_line, format('DATE_INT %%s is not a date', r.value)
  FROM rj r LEFT JOIN ad1 a ON a.la = r.la AND a.source_file = r.source_file AND a.source_line = r.source_line
 WHERE r.col = 'date_int'$c$),
('113', 'adoption', 'Date matching child and adopter(s) is not a valid date.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', r.la, a.child, r.source_file, r.source_line, format('DATE_MATCH %%s is not a date', r.value)
  FROM rj r LEFT JOIN ad1 a ON a.la = r.la AND a.source_file = r.source_file AND a.source_line = r.source_line
 WHERE r.col = 'date_match'$c$),
('114', 'adoption', 'Data entry to record the status of former carer(s) of an adopted child is invalid.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line, format('FOSTER_CARE %%s is neither 0 nor 1', a.foster_care)
  FROM ad1 a WHERE a.foster_care NOT IN (0, 1)
UNION ALL
SELECT 'AD1', r.la, a.child, r.source_file, r.source_line, format('FOSTER_CARE %%s is neither 0 nor 1', r.value)
  FROM rj r LEFT JOIN ad1 a ON a.la = r.la AND a.source_file = r.source_file AND a.source_line = r.source_line
 WHERE r.col = 'foster_care'$c$),
('175', 'adoption', 'The number of adopter(s) code is not a valid code.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line, format('NB_ADOPTR %%s is neither 1 nor 2', a.nb_adoptr)
  FROM ad1 a WHERE a.nb_adoptr NOT IN (1, 2)
UNION ALL
SELECT 'AD1', r.la, a.child, r.source_file, r.source_line, format('NB_ADOPTR %%s is neither 1 nor 2', r.value)
  FROM rj r LEFT JOIN ad1 a ON a.la = r.la AND a.source_file = r.source_file AND a.source_line = r.source_line
 WHERE r.col = 'nb_adoptr'$c$),
('176', 'adoption', 'The gender of adopter(s) at the date of adoption code is not a valid code.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       format('SEX_ADOPTR %%s is not one of M1, F1, MM, FF, MF', a.sex_adoptr)
  FROM ad1 a WHERE a.sex_adoptr NOT IN ('M1', 'F1', 'MM', 'FF', 'MF')$c$),
('177', 'adoption', 'The legal status of adopter(s) code is not a valid code.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       format('LS_ADOPTR %%s is not one of L0, L11, L12, L2, L3, L4', a.ls_adoptr)
  FROM ad1 a WHERE a.ls_adoptr NOT IN ('L0', 'L11', 'L12', 'L2', 'L3', 'L4')$c$),
('151', 'adoption', 'All data items relating to a childs adoption must be coded or left blank.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       format('adoption items partly blank (%%s): give all six or none', array_to_string(a.blank_items, ', '))
  FROM ad1 a WHERE cardinality(a.blank_items) BETWEEN 1 AND 5$c$),
('333', 'adoption', 'Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       CASE WHEN a.date_int IS NULL THEN format('matched with adopters %%s but DATE_INT is blank', a.date_match)
            ELSE format('decision to place for adoption %%s is after the match with adopters %%s', a.date_int, a.date_match) END
  FROM ad1 a
 WHERE a.date_match IS NOT NULL
   AND (a.date_int > a.date_match OR (a.date_int IS NULL AND NOT a.rjv ? 'date_int'))$c$),
('511', 'adoption', 'If reporting that the number of person(s) adopting the looked after child is two adopters then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = the adopting couple are both females; MF = The adopting couple are male and female.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       format('two adopters (NB_ADOPTR 2) but SEX_ADOPTR %%s is a single adopter', a.sex_adoptr)
  FROM ad1 a WHERE a.nb_adoptr = 2 AND a.sex_adoptr IN ('M1', 'F1')$c$),
('514', 'adoption', 'Data entry on the legal status of adopters shows a single adopter but data entry for the numbers of adopters shows it as a couple.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       format('LS_ADOPTR L0 (single adopter) but SEX_ADOPTR %%s, NB_ADOPTR %%s', coalesce(a.sex_adoptr, 'blank'),
              coalesce(a.nb_adoptr::text, 'blank'))
  FROM ad1 a WHERE a.ls_adoptr = 'L0' AND (a.sex_adoptr IN ('MM', 'FF', 'MF') OR a.nb_adoptr = 2)$c$),
('517', 'adoption', 'If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF. MF = the adopting couple are male and female.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       format('LS_ADOPTR L3 needs SEX_ADOPTR MF, not %%s', coalesce(a.sex_adoptr, 'blank'))
  FROM ad1 a WHERE a.ls_adoptr = 'L3' AND a.sex_adoptr IS DISTINCT FROM 'MF'$c$),
('518', 'adoption', 'If reporting legal status of adopters is L4 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       format('LS_ADOPTR L4 needs SEX_ADOPTR MM or FF, not %%s', coalesce(a.sex_adoptr, 'blank'))
  FROM ad1 a WHERE a.ls_adoptr = 'L4' AND coalesce(a.sex_adoptr, '') NOT IN ('MM', 'FF')$c$),
('519', 'adoption', 'Data entered on the legal status of adopters shows civil partnership couple, but data entered on genders of adopters does not show it as a couple.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       format('LS_ADOPTR L2 (civil partners) needs a couple in SEX_ADOPTR, not %%s', coalesce(a.sex_adoptr, 'blank'))
  FROM ad1 a WHERE a.ls_adoptr = 'L2' AND coalesce(a.sex_adoptr, '') NOT IN ('MM', 'FF', 'MF')$c$),
('520', 'adoption', 'Data entry on the legal status of adopters shows different gender married couple but data entry on genders of adopters shows it as a same gender couple.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       format('LS_ADOPTR L11 (married, different sex) needs SEX_ADOPTR MF, not %%s', coalesce(a.sex_adoptr, 'blank'))
  FROM ad1 a WHERE a.ls_adoptr = 'L11' AND a.sex_adoptr IS DISTINCT FROM 'MF'$c$),
('524', 'adoption', 'If reporting legal status of adopters is L12 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       format('LS_ADOPTR L12 (married, same sex) needs SEX_ADOPTR MM or FF, not %%s', coalesce(a.sex_adoptr, 'blank'))
  FROM ad1 a WHERE a.ls_adoptr = 'L12' AND coalesce(a.sex_adoptr, '') NOT IN ('MM', 'FF')$c$),
('331', 'adoption', 'Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       format('matched with adopters %%s, after the episode ending in adoption began (%%s)', a.date_match, e.decom)
  FROM ad1 a
  JOIN (SELECT e.la, e.child, min(e.decom) AS decom FROM ep e WHERE e.rec IN ('E11', 'E12') GROUP BY e.la, e.child) e
    ON e.la = a.la AND e.child = a.child
 WHERE a.date_match > e.decom$c$),
('334', 'adoption', 'Date child started to be looked after in latest period of care must be on or prior to the date should be placed for adoption.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       format('decision to place for adoption %%s is before the latest period of care began (%%s)', a.date_int, s.latest_start)
  FROM ad1 a JOIN s_start s ON s.la = a.la AND s.child = a.child
 WHERE a.date_int < s.latest_start$c$),
('335', 'adoption', 'The current foster value (0) suggests that child is not adopted by current foster carer, but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is adopted by current foster carer, but last placement is A1, A4 or A6.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       format('FOSTER_CARE %%s but the child was adopted from placement %%s', a.foster_care, e.place)
  FROM ad1 a JOIN ep e ON e.la = a.la AND e.child = a.child AND e.rec IN ('E11', 'E12')
 WHERE (e.place IN ('A3', 'A5') AND a.foster_care = 0) OR (e.place IN ('A4', 'A6') AND a.foster_care = 1)$c$),
('521', 'adoption', 'Date of local authority''s decision (LA) that adoption is in the best interests of the child (date should be placed) must be on or prior to the date the child is placed for adoption.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       format('decision to place for adoption %%s is after the child was placed for adoption (%%s)', a.date_int, e.decom)
  FROM ad1 a
  JOIN (SELECT e.la, e.child, min(e.decom) AS decom FROM ep e
         WHERE e.place IN ('A3', 'A4', 'A5', 'A6') GROUP BY e.la, e.child) e ON e.la = a.la AND e.child = a.child
 WHERE a.date_int > e.decom$c$),
('582', 'adoption', 'Child is showing as ceasing to be looked after due to adoption, but the date of adoption is the same as the date reported for being matched with adopters. In most circumstances we expect the date the child is matched with adopters to be before the date of adoption.', NULL, NULL, 'Episodes', $c$
SELECT 'Episodes', e.la, e.child, e.source_file, e.source_line,
       format('adopted (%%s) on %%s, the day the child was matched with adopters', e.rec, e.dec)
  FROM ep e JOIN ad1 a ON a.la = e.la AND a.child = e.child
 WHERE e.rec IN ('E11', 'E12') AND e.dec = a.date_match$c$),
('601', 'adoption', 'The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.', NULL, NULL, 'Episodes', $c$
SELECT 'Episodes', e.la, e.child, e.source_file, e.source_line,
       CASE WHEN a.child IS NULL THEN format('adopted (%%s) on %%s but the return has no adoption (AD1) row', e.rec, e.dec)
            ELSE format('adopted (%%s) on %%s but adoption items are blank: %%s', e.rec, e.dec,
                        array_to_string(a.blank_items, ', ')) END
  FROM ep e LEFT JOIN ad1 a ON a.la = e.la AND a.child = e.child
 WHERE e.rec IN ('E11', 'E12') AND e.dec BETWEEN $2 AND $3
   AND (a.child IS NULL OR cardinality(a.blank_items) > 0)$c$),
('602', 'adoption', 'The episode data submitted for this child does not show that he/she was adopted during the year.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       'adoption (AD1) information but no episode of the year ends in adoption (E11, E12)'
  FROM ad1 a
 WHERE cardinality(a.blank_items) < 6
   AND NOT EXISTS (SELECT 1 FROM ep e WHERE e.la = a.la AND e.child = a.child
                      AND e.rec IN ('E11', 'E12') AND e.dec BETWEEN $2 AND $3)$c$),
('134', 'adoption', 'Data on adoption should not be entered for the OC3 cohort.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       'adoption (AD1) information for a young person with care-leaver (OC3) information'
  FROM ad1 a
 WHERE cardinality(a.blank_items) < 6
   AND EXISTS (SELECT 1 FROM oc3 o WHERE o.la = a.la AND o.child = a.child AND o.given)$c$),
('187', 'outcomes (OC2)', 'Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed.', NULL, NULL, 'AD1, OC3', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       'looked after continuously for 12 months at 31 March, yet adoption (AD1) information is given'
  FROM ad1 a JOIN cla12 c ON c.la = a.la AND c.child = a.child
 WHERE cardinality(a.blank_items) < 6
UNION ALL
SELECT 'OC3', o.la, o.child, o.source_file, o.source_line,
       'looked after continuously for 12 months at 31 March, yet care-leaver (OC3) information is given'
  FROM oc3 o JOIN cla12 c ON c.la = o.la AND c.child = o.child
 WHERE o.given$c$),
-- ---------------------------------------------------------------- PlacedAdoption
('115', 'placed for adoption', 'Date of Local Authority''s (LA) decision that a child should be placed for adoption is not a valid date.', NULL, NULL, 'PlacedAdoption', $c$
SELECT 'PlacedAdoption', r.la, p.child, r.source_file, r.source_line, format('DATE_PLACED %%s is not a date', r.value)
  FROM rj r LEFT JOIN pa p ON p.la = r.la AND p.source_file = r.source_file AND p.source_line = r.source_line
 WHERE r.col = 'date_placed'$c$),
('116', 'placed for adoption', 'Date of Local Authority''s (LA) decision that a child should no longer be placed for adoption is not a valid date.', NULL, NULL, 'PlacedAdoption', $c$
SELECT 'PlacedAdoption', r.la, p.child, r.source_file, r.source_line, format('DATE_PLACED_CEASED %%s is not a date', r.value)
  FROM rj r LEFT JOIN pa p ON p.la = r.la AND p.source_file = r.source_file AND p.source_line = r.source_line
 WHERE r.col = 'date_placed_ceased'$c$),
('117', 'placed for adoption', 'Date of decision that a child should/should no longer be placed for adoption is beyond the current collection year or after the child ceased to be looked after.', NULL, NULL, 'PlacedAdoption', $c$
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       format('decision dated %%s is after %%s', greatest(p.date_placed, p.date_placed_ceased),
              CASE WHEN greatest(p.date_placed, p.date_placed_ceased) > $3 THEN format('the end of the collection year (%%s)', $3)
                   ELSE format('the child ceased to be looked after (%%s)', l.dec) END)
  FROM pa p
  LEFT JOIN (SELECT DISTINCT ON (e.la, e.child) e.la, e.child, e.dec FROM ep e
              WHERE e.decom IS NOT NULL AND e.rec IS DISTINCT FROM 'X1'
              ORDER BY e.la, e.child, e.decom DESC, e.source_line DESC) l ON l.la = p.la AND l.child = p.child
 WHERE greatest(p.date_placed, p.date_placed_ceased) > least($3, coalesce(l.dec, $3))$c$),
('118', 'placed for adoption', 'Date of decision that a child should no longer be placed for adoption is before the current collection year or before the date the child started to be looked after.', NULL, NULL, 'PlacedAdoption', $c$
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       format('decision that the child should no longer be placed for adoption (%%s) is before %%s', p.date_placed_ceased,
              CASE WHEN p.date_placed_ceased < $2 THEN format('the collection year (%%s)', $2)
                   ELSE format('the child started to be looked after (%%s)', f.decom) END)
  FROM pa p
  LEFT JOIN (SELECT e.la, e.child, min(e.decom) AS decom FROM ep e
              WHERE e.ls IS DISTINCT FROM 'V3' AND e.ls IS DISTINCT FROM 'V4' GROUP BY e.la, e.child) f
    ON f.la = p.la AND f.child = p.child
 WHERE p.date_placed_ceased < greatest($2, coalesce(f.decom, $2))$c$),
('119', 'placed for adoption', 'If the decision is made that a child should no longer be placed for adoption, then the date of this decision and the reason why this decision was made must be completed.', NULL, NULL, 'PlacedAdoption', $c$
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       CASE WHEN p.reason_placed_ceased IS NULL THEN 'DATE_PLACED_CEASED is given but REASON_PLACED_CEASED is blank'
            ELSE 'REASON_PLACED_CEASED is given but DATE_PLACED_CEASED is blank' END
  FROM pa p
 WHERE (p.date_placed_ceased IS NOT NULL OR p.rjv ? 'date_placed_ceased') <> (p.reason_placed_ceased IS NOT NULL)$c$),
('120', 'placed for adoption', 'The reason for the reversal of the decision that the child should be placed for adoption code is not valid.', NULL, NULL, 'PlacedAdoption', $c$
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       format('REASON_PLACED_CEASED %%s is not one of RD1-RD4', p.reason_placed_ceased)
  FROM pa p WHERE p.reason_placed_ceased NOT IN ('RD1', 'RD2', 'RD3', 'RD4')$c$),
('184', 'placed for adoption', 'Date of decision that a child should be placed for adoption is before the child was born.', NULL, NULL, 'PlacedAdoption', $c$
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       format('decision to place for adoption %%s is before the date of birth %%s', p.date_placed, p.dob)
  FROM pa p WHERE p.date_placed < p.dob$c$),
('522', 'placed for adoption', 'Date of decision that the child should be placed for adoption must be on or before the date that a child should no longer be placed for adoption.', NULL, NULL, 'PlacedAdoption', $c$
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       format('decision reversed %%s, before it was made (%%s)', p.date_placed_ceased, p.date_placed)
  FROM pa p WHERE p.date_placed_ceased < p.date_placed$c$),
('523', 'placed for adoption', 'Date of decision that the child should be placed for adoption should be the same date as the decision that adoption is in the best interest (date should be placed).', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       format('DATE_INT %%s matches no DATE_PLACED of the child (%%s)', a.date_int,
              (SELECT string_agg(p.date_placed::text, ', ' ORDER BY p.date_placed) FROM pa p
                WHERE p.la = a.la AND p.child = a.child))
  FROM ad1 a
 WHERE a.date_int IS NOT NULL
   AND EXISTS (SELECT 1 FROM pa p WHERE p.la = a.la AND p.child = a.child AND p.date_placed IS NOT NULL)
   AND NOT EXISTS (SELECT 1 FROM pa p WHERE p.la = a.la AND p.child = a.child AND p.date_placed = a.date_int)$c$),
('525', 'placed for adoption', 'A child for whom the decision to be placed for adoption has been reversed cannot be adopted during the year.', NULL, NULL, 'AD1', $c$
SELECT 'AD1', a.la, a.child, a.source_file, a.source_line,
       format('adoption (AD1) information, but every decision to place the child for adoption was reversed (latest reversal %%s)',
              (SELECT max(p.date_placed_ceased) FROM pa p WHERE p.la = a.la AND p.child = a.child))
  FROM ad1 a
 WHERE cardinality(a.blank_items) < 6
   AND EXISTS (SELECT 1 FROM pa p WHERE p.la = a.la AND p.child = a.child)
   AND NOT EXISTS (SELECT 1 FROM pa p WHERE p.la = a.la AND p.child = a.child
                      AND p.date_placed_ceased IS NULL AND NOT p.rjv ? 'date_placed_ceased')$c$),
('551', 'placed for adoption', 'Child has been placed for adoption but there is no date of the decision that the child should be placed for adoption.', NULL, NULL, 'Episodes', $c$
SELECT 'Episodes', e.la, e.child, e.source_file, e.source_line,
       format('placed for adoption (%%s) from %%s but no decision to place for adoption (DATE_PLACED) is recorded', e.place, e.decom)
  FROM ep e
 WHERE e.place IN ('A3', 'A4', 'A5', 'A6')
   AND NOT EXISTS (SELECT 1 FROM pa p WHERE p.la = e.la AND p.child = e.child
                      AND (p.date_placed IS NOT NULL OR p.rjv ? 'date_placed'))$c$),
('552', 'placed for adoption', 'Date of Decision to place a child for adoption should be on or prior to the date that the child was placed for adoption.', NULL, NULL, 'PlacedAdoption', $c$
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       format('decision to place for adoption %%s is after the child was placed for adoption (%%s)', p.date_placed, f.decom)
  FROM (SELECT DISTINCT ON (p.la, p.child) p.* FROM pa p WHERE p.date_placed IS NOT NULL
         ORDER BY p.la, p.child, p.date_placed DESC, p.source_line DESC) p
  JOIN (SELECT e.la, e.child, min(e.decom) AS decom FROM ep e
         WHERE e.place IN ('A3', 'A4', 'A5', 'A6') GROUP BY e.la, e.child) f ON f.la = p.la AND f.child = p.child
 WHERE f.decom < p.date_placed$c$),
('553', 'placed for adoption', 'Placement order has been granted but there is no date of decision that the child should be placed for adoption.', NULL, NULL, 'Episodes, PlacedAdoption', $c$
SELECT 'Episodes', e.la, e.child, e.source_file, e.source_line,
       format('placement order (E1) from %%s but the return has no decision to place for adoption (PlacedAdoption)', e.decom)
  FROM ep e
 WHERE e.ls = 'E1' AND NOT EXISTS (SELECT 1 FROM pa p WHERE p.la = e.la AND p.child = e.child)
UNION ALL
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       format('decision reversed although the placement order (E1) from %%s is still in force', e.decom)
  FROM pa p JOIN ep e ON e.la = p.la AND e.child = p.child AND e.ls = 'E1' AND e.dec IS NULL
 WHERE p.date_placed_ceased IS NOT NULL OR p.reason_placed_ceased IS NOT NULL$c$),
('554', 'placed for adoption', 'Date of decision that the child should be placed for adoption should be on or prior to the date that the placement order was granted.', NULL, NULL, 'PlacedAdoption', $c$
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       format('decision to place for adoption %%s is after the placement order was granted (%%s)', p.date_placed, g.decom)
  FROM pa p
  JOIN (SELECT e.la, e.child, min(e.decom) AS decom FROM ep e
         WHERE e.ls = 'E1' AND e.rne IN ('S', 'L', 'B', 'U') GROUP BY e.la, e.child) g ON g.la = p.la AND g.child = p.child
 WHERE p.date_placed > g.decom$c$),
('555', 'placed for adoption', 'Freeing order has been granted but there is no date of decision that the child should be placed for adoption.', NULL, 2024, 'Episodes, PlacedAdoption', $c$
SELECT 'Episodes', e.la, e.child, e.source_file, e.source_line,
       format('freeing order (D1) from %%s but the return has no decision to place for adoption (PlacedAdoption)', e.decom)
  FROM ep e
 WHERE e.ls = 'D1' AND NOT EXISTS (SELECT 1 FROM pa p WHERE p.la = e.la AND p.child = e.child)
UNION ALL
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       format('decision reversed although the freeing order (D1) from %%s is still in force', e.decom)
  FROM pa p JOIN ep e ON e.la = p.la AND e.child = p.child AND e.ls = 'D1' AND e.dec IS NULL
 WHERE p.date_placed_ceased IS NOT NULL OR p.reason_placed_ceased IS NOT NULL$c$),
('556', 'placed for adoption', 'Date of decision that the child should be placed for adoption should be on or prior to the date that the freeing order was granted.', NULL, 2024, 'Episodes', $c$
SELECT 'Episodes', e.la, e.child, e.source_file, e.source_line,
       format('freeing order (D1) episode from %%s began before the decision to place for adoption (%%s)', e.decom, p.date_placed)
  FROM ep e
  JOIN (SELECT p.la, p.child, min(p.date_placed) AS date_placed FROM pa p GROUP BY p.la, p.child) p
    ON p.la = e.la AND p.child = e.child
 WHERE e.ls = 'D1' AND p.date_placed > e.decom$c$),
('557', 'placed for adoption', 'Child for whom the decision was made that they should be placed for adoption has left care but was not adopted and information on the decision that they should no longer be placed for adoption items has not been completed.', NULL, NULL, 'Episodes', $c$
SELECT 'Episodes', e.la, e.child, e.source_file, e.source_line,
       format('left care (%%s) on %%s from %%s without being adopted, and no reversal of the decision to place for adoption is recorded',
              e.rec, e.dec, CASE WHEN e.place IN ('A3', 'A4', 'A5', 'A6') THEN 'placement ' || e.place ELSE 'legal status ' || e.ls END)
  FROM ep e
 WHERE (e.place IN ('A3', 'A4', 'A5', 'A6') OR e.ls = 'E1' OR (e.ls = 'D1' AND $1 <= 2024))
   AND e.rec IS NOT NULL AND e.rec NOT IN ('X1', 'E11', 'E12')
   AND NOT EXISTS (SELECT 1 FROM pa p WHERE p.la = e.la AND p.child = e.child
                      AND (p.date_placed_ceased IS NOT NULL OR p.rjv ? 'date_placed_ceased')
                      AND p.reason_placed_ceased IS NOT NULL)$c$),
('558', 'placed for adoption', 'If a child has been adopted, then the decision to place them for adoption has not been disrupted and the date of the decision that a child should no longer be placed for adoption should be left blank.', NULL, NULL, 'PlacedAdoption', $c$
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       format('the child was adopted (%%s on %%s) but the latest decision to place for adoption was reversed on %%s', e.rec, e.dec, p.date_placed_ceased)
  FROM (SELECT DISTINCT ON (p.la, p.child) p.* FROM pa p
         ORDER BY p.la, p.child, p.date_placed DESC NULLS LAST, p.source_line DESC) p
  JOIN ep e ON e.la = p.la AND e.child = p.child AND e.rec IN ('E11', 'E12')
 WHERE p.date_placed_ceased IS NOT NULL$c$),
('559', 'placed for adoption', 'Date of decision that a child should be placed for adoption was not in the current year but the date of the decision that the child should be placed for adoption was not completed in a previous return.', NULL, NULL, 'PlacedAdoption', $c$
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       format('decision to place for adoption dated %%s, before the year, but last year''s return records none', p.date_placed)
  FROM pa p JOIN prev_la l ON l.la = p.la
 WHERE p.date_placed < $2
   AND NOT EXISTS (SELECT 1 FROM pa_last q WHERE q.la = p.la AND q.child = p.child AND q.date_placed IS NOT NULL)$c$),
('560', 'placed for adoption', 'Date of decision that the child should be placed for adoption this year is different from that recorded last year but the decision to place the child for adoption did not change.', NULL, NULL, 'PlacedAdoption', $c$
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       format('decision to place for adoption dated %%s, but last year''s return has the standing decision of %%s', p.date_placed, q.date_placed)
  FROM pa p
  JOIN pa_last q ON q.la = p.la AND q.child = p.child AND q.date_placed IS NOT NULL
                AND q.date_placed_ceased IS NULL AND q.reason_placed_ceased IS NULL
 WHERE p.date_placed IS DISTINCT FROM q.date_placed
   AND NOT EXISTS (SELECT 1 FROM pa o WHERE o.la = p.la AND o.child = p.child AND o.date_placed = q.date_placed)$c$),
('561', 'placed for adoption', 'Date of the decision that the child should be placed for adoption this year is the same as that recorded last year but records show that the decision changed, and the child should no longer be placed for adoption last year.', NULL, NULL, 'PlacedAdoption', $c$
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       format('decision to place for adoption dated %%s was reversed in last year''s return', p.date_placed)
  FROM pa p
  JOIN pa_last q ON q.la = p.la AND q.child = p.child AND q.date_placed = p.date_placed
 WHERE q.date_placed_ceased IS NOT NULL OR q.reason_placed_ceased IS NOT NULL$c$),
('563', 'placed for adoption', 'The child should no longer be placed for adoption but the date of the decision that the child should be placed for adoption is blank', NULL, NULL, 'PlacedAdoption', $c$
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       'decision reversed (DATE_PLACED_CEASED and REASON_PLACED_CEASED given) but DATE_PLACED is blank'
  FROM pa p
 WHERE p.date_placed IS NULL AND NOT p.rjv ? 'date_placed'
   AND p.date_placed_ceased IS NOT NULL AND p.reason_placed_ceased IS NOT NULL$c$),
('579', 'placed for adoption', 'A new decision that the child should be placed for adoption this year cannot start when the previous decision is still open. Decisions to place the child for adoption should also not overlap. The date of any new decision to place the child for adoption must not be before the date placed ceased of previous decisions.', NULL, NULL, 'PlacedAdoption', $c$
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       CASE WHEN p.prev_ceased IS NULL
            THEN format('decision to place for adoption %%s while the decision of %%s is still standing', p.date_placed, p.prev_placed)
            ELSE format('decision to place for adoption %%s is before the previous one was reversed (%%s)', p.date_placed, p.prev_ceased) END
  FROM (SELECT p.*, lag(p.date_placed) OVER w AS prev_placed, lag(p.date_placed_ceased) OVER w AS prev_ceased,
               row_number() OVER w AS k
          FROM pa p WHERE p.date_placed IS NOT NULL
        WINDOW w AS (PARTITION BY p.la, p.child ORDER BY p.date_placed, p.source_line)) p
 WHERE p.k > 1 AND (p.prev_ceased IS NULL OR p.date_placed < p.prev_ceased)$c$),
('583', 'placed for adoption', 'More than one date the child should be placed for adoption has been reported, but an earlier decision has not been revoked. Check that both dates are required and add in the date the earlier decision was revoked. Note this may be in a previous year.', NULL, NULL, 'PlacedAdoption', $c$
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       format('decision to place for adoption %%s is not the latest (%%s) but was never reversed', p.date_placed, p.latest)
  FROM (SELECT p.*, max(p.date_placed) OVER (PARTITION BY p.la, p.child) AS latest FROM pa p WHERE p.date_placed IS NOT NULL) p
 WHERE p.date_placed < p.latest AND p.date_placed_ceased IS NULL AND NOT p.rjv ? 'date_placed_ceased'$c$),
('584', 'placed for adoption', 'Date of decision that the child should be placed for adoption this year is different from that recorded last year, but the decision to placed the child for adoption changed and the child should no longer be placed for adoption.', NULL, NULL, 'PlacedAdoption', $c$
SELECT 'PlacedAdoption', p.la, p.child, p.source_file, p.source_line,
       CASE WHEN p.date_placed IS NULL THEN format('DATE_PLACED is blank; last year''s decision of %%s was reversed', q.date_placed)
            ELSE format('decision to place for adoption %%s is not after last year''s reversed decision of %%s', p.date_placed, q.date_placed) END
  FROM pa p
  JOIN pa_last q ON q.la = p.la AND q.child = p.child AND q.date_placed IS NOT NULL
                AND (q.date_placed_ceased IS NOT NULL OR q.reason_placed_ceased IS NOT NULL)
 WHERE p.date_placed <= q.date_placed OR (p.date_placed IS NULL AND NOT p.rjv ? 'date_placed')$c$),
-- ---------------------------------------------------------------- PrevPerm
('630', 'previous permanence', 'Information on previous permanence option should be returned.', NULL, NULL, 'Episodes', $c$
SELECT 'Episodes', e.la, e.child, e.source_file, e.source_line,
       CASE WHEN NOT EXISTS (SELECT 1 FROM pp q WHERE q.la = e.la AND q.child = e.child)
            THEN format('started to be looked after %%s but the return has no previous permanence (PrevPerm) row', e.decom)
            ELSE format('started to be looked after %%s but PREV_PERM is blank, or LA_PERM or DATE_PERM is missing for an order', e.decom) END
  FROM ep e
 WHERE e.rne = 'S' AND e.decom BETWEEN $2 AND $3
   AND NOT EXISTS (SELECT 1 FROM pp q WHERE q.la = e.la AND q.child = e.child AND q.prev_perm IS NOT NULL
                      AND (q.prev_perm NOT IN ('P1', 'P2', 'P3')
                           OR (q.la_perm IS NOT NULL AND (q.date_perm IS NOT NULL OR q.rjv ? 'date_perm'))))$c$),
('631', 'previous permanence', 'Previous permanence option not a valid value.', NULL, NULL, 'PrevPerm', $c$
SELECT 'PrevPerm', q.la, q.child, q.source_file, q.source_line,
       format('PREV_PERM %%s is not one of P1, P2, P3, P4, Z1', q.prev_perm)
  FROM pp q WHERE q.prev_perm NOT IN ('P1', 'P2', 'P3', 'P4', 'Z1')$c$),
('632', 'previous permanence', 'Date of previous permanence order not a valid value.', NULL, NULL, 'PrevPerm', $c$
SELECT 'PrevPerm', q.la, q.child, q.source_file, q.source_line,
       CASE WHEN q.date_perm IS NULL THEN format('DATE_PERM %%s is neither a date nor a date with zz for an unknown day or month', q.rjv ->> 'date_perm')
            ELSE format('previous permanence order %%s is not before the child''s first episode of the year (%%s)', q.date_perm, f.decom) END
  FROM pp q
  LEFT JOIN (SELECT e.la, e.child, min(e.decom) AS decom FROM ep e GROUP BY e.la, e.child) f ON f.la = q.la AND f.child = q.child
 WHERE q.date_perm >= f.decom
    OR (q.date_perm IS NULL AND q.rjv ? 'date_perm'
        AND btrim(q.rjv ->> 'date_perm') !~* '^(zz|[0-9]{1,2})/(zz|[0-9]{1,2})/[0-9]{4}$')$c$),
('633', 'previous permanence', 'Local authority code where previous permanence option was arranged is not a valid value.', NULL, NULL, 'PrevPerm', $c$
SELECT 'PrevPerm', q.la, q.child, q.source_file, q.source_line,
       format('LA_PERM %%s is not a local authority code, 999, NIR, SCO, WAL or NUK', q.la_perm)
  FROM pp q
 WHERE q.la_perm IS NOT NULL AND q.la_perm <> ALL (ARRAY['999', 'NIR', 'SCO', 'WAL', 'NUK',
   -- DfE's three-digit local authority numbers, those of councils since replaced included (an order may be old);
   -- 940-943 are the Northamptonshire (2021) and Cumbria (2023) successors
   '201','202','203','204','205','206','207','208','209','210','211','212','213','301','302','303','304','305',
   '306','307','308','309','310','311','312','313','314','315','316','317','318','319','320','330','331','332',
   '333','334','335','336','340','341','342','343','344','350','351','352','353','354','355','356','357','358',
   '359','370','371','372','373','380','381','382','383','384','390','391','392','393','394','420','800','801',
   '802','803','805','806','807','808','810','811','812','813','815','816','821','822','823','825','826','830',
   '831','835','836','837','840','841','845','846','850','851','852','855','856','857','860','861','865','866',
   '867','868','869','870','871','872','873','874','876','877','878','879','880','881','882','883','884','885',
   '886','887','888','889','890','891','892','893','894','895','896','908','909','916','919','921','925','926',
   '928','929','931','933','935','936','937','938','940','941','942','943'])$c$),
('634', 'previous permanence', 'There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards.', NULL, NULL, 'PrevPerm', $c$
SELECT 'PrevPerm', q.la, q.child, q.source_file, q.source_line,
       format('previous permanence information, but the child''s latest episode began %%s, before 1 April 2016', f.decom)
  FROM pp q JOIN (SELECT e.la, e.child, max(e.decom) AS decom FROM ep e GROUP BY e.la, e.child) f
    ON f.la = q.la AND f.child = q.child
 WHERE f.decom < DATE '2016-04-01'
   AND (q.prev_perm IS NOT NULL OR q.la_perm IS NOT NULL OR q.date_perm IS NOT NULL OR q.rjv ? 'date_perm')$c$),
('635', 'previous permanence', 'There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1', NULL, NULL, 'PrevPerm', $c$
SELECT 'PrevPerm', q.la, q.child, q.source_file, q.source_line,
       format('LA_PERM or DATE_PERM given but PREV_PERM is %%s', coalesce(q.prev_perm, 'blank'))
  FROM pp q
 WHERE (q.la_perm IS NOT NULL OR q.date_perm IS NOT NULL OR q.rjv ? 'date_perm')
   AND (q.prev_perm IS NULL OR q.prev_perm = 'Z1')$c$),
-- ---------------------------------------------------------------- Missing
('564', 'missing', 'Child was missing or away from placement without authorisation and the date started is blank.', NULL, NULL, 'Missing', $c$
SELECT 'Missing', m.la, m.child, m.source_file, m.source_line,
       format('MISSING %%s but MIS_START is blank', m.missing)
  FROM mis m WHERE m.missing IN ('M', 'A') AND m.mis_start IS NULL AND NOT m.rjv ? 'mis_start'$c$),
('565', 'missing', 'The date that the child started to be missing or away from placement without authorisation has been completed but whether the child was missing or away from placement without authorisation has not been completed.', NULL, NULL, 'Missing', $c$
SELECT 'Missing', m.la, m.child, m.source_file, m.source_line, 'MIS_START is given but MISSING is blank'
  FROM mis m WHERE (m.mis_start IS NOT NULL OR m.rjv ? 'mis_start') AND m.missing IS NULL AND NOT m.rjv ? 'missing'$c$),
('566', 'missing', 'The date that the child''s episode of being missing or away from placement without authorisation ended has been completed but whether the child was missing or away without authorisation has not been completed.', NULL, NULL, 'Missing', $c$
SELECT 'Missing', m.la, m.child, m.source_file, m.source_line, 'MIS_END is given but MISSING is blank'
  FROM mis m WHERE (m.mis_end IS NOT NULL OR m.rjv ? 'mis_end') AND m.missing IS NULL AND NOT m.rjv ? 'missing'$c$),
('567', 'missing', 'The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started.', NULL, NULL, 'Missing', $c$
SELECT 'Missing', m.la, m.child, m.source_file, m.source_line,
       format('missing or away episode ended %%s, before it started (%%s)', m.mis_end, m.mis_start)
  FROM mis m WHERE m.mis_end < m.mis_start$c$),
('570', 'missing', 'The date that the child started to be missing or away from placement without authorisation is after the end of the collection year.', NULL, NULL, 'Missing', $c$
SELECT 'Missing', m.la, m.child, m.source_file, m.source_line,
       format('MIS_START %%s is after the end of the collection year (%%s)', m.mis_start, $3)
  FROM mis m WHERE m.mis_start > $3$c$),
('571', 'missing', 'The date that the child ceased to be missing or away from placement without authorisation is before the start or after the end of the collection year.', NULL, NULL, 'Missing', $c$
SELECT 'Missing', m.la, m.child, m.source_file, m.source_line,
       format('MIS_END %%s is outside the collection year (%%s to %%s)', m.mis_end, $2, $3)
  FROM mis m WHERE m.mis_end < $2 OR m.mis_end > $3$c$),
('574', 'missing', 'A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.', NULL, NULL, 'Missing', $c$
SELECT 'Missing', m.la, m.child, m.source_file, m.source_line,
       CASE WHEN m.prev_end IS NULL
            THEN format('missing or away episode starts %%s while the one from %%s is still open', m.mis_start, m.prev_start)
            ELSE format('missing or away episode starts %%s, before the previous one ended (%%s)', m.mis_start, m.prev_end) END
  FROM (SELECT m.*, lag(m.mis_start) OVER w AS prev_start, lag(m.mis_end) OVER w AS prev_end, row_number() OVER w AS k
          FROM mis m WHERE m.mis_start IS NOT NULL
        WINDOW w AS (PARTITION BY m.la, m.child ORDER BY coalesce(m.mis_end, m.mis_start), m.mis_start, m.source_line)) m
 WHERE m.k > 1 AND (m.prev_end IS NULL OR m.mis_start < m.prev_end)$c$),
('575', 'missing', 'If the placement from which the child goes missing/away from placement without authorisation ends, the missing/away from placement without authorisation period in the missing module must also have an end date.', NULL, NULL, 'Missing', $c$
SELECT 'Missing', m.la, m.child, m.source_file, m.source_line,
       format('missing or away since %%s with no end, but the placement episode it started in ended %%s', m.mis_start, e.dec)
  FROM mis m
  JOIN ep e ON e.la = m.la AND e.child = m.child AND e.decom <= m.mis_start AND m.mis_start < e.dec
 WHERE m.mis_end IS NULL AND NOT m.rjv ? 'mis_end'$c$),
('577', 'missing', 'Child ceased to be looked after but there is a missing/away from placement without authorisation period without an end date.', NULL, NULL, 'Missing', $c$
SELECT 'Missing', m.la, m.child, m.source_file, m.source_line,
       format('missing or away since %%s with no end, but the child ceased to be looked after on %%s (%%s)', m.mis_start, l.dec, l.rec)
  FROM mis m
  JOIN (SELECT DISTINCT ON (e.la, e.child) e.la, e.child, e.dec, e.rec FROM ep e WHERE e.decom IS NOT NULL
         ORDER BY e.la, e.child, e.decom DESC, e.source_line DESC) l ON l.la = m.la AND l.child = m.child
 WHERE m.mis_end IS NULL AND NOT m.rjv ? 'mis_end' AND m.mis_start <= l.dec
   AND l.rec IS DISTINCT FROM 'X1'$c$),
('578', 'missing', 'The date that the child started to be missing is after the child ceased to be looked after.', NULL, NULL, 'Missing', $c$
SELECT 'Missing', m.la, m.child, m.source_file, m.source_line,
       format('missing or away from %%s, when the child was no longer looked after (care ended %%s)', m.mis_start,
              (SELECT max(e.dec) FROM ep e WHERE e.la = m.la AND e.child = m.child AND e.dec <= m.mis_start))
  FROM mis m
 WHERE m.mis_start BETWEEN $2 AND $3
   AND EXISTS (SELECT 1 FROM ep e WHERE e.la = m.la AND e.child = m.child AND e.dec <= m.mis_start)
   AND NOT EXISTS (SELECT 1 FROM ep e WHERE e.la = m.la AND e.child = m.child
                      AND e.decom <= m.mis_start AND (e.dec IS NULL OR m.mis_start < e.dec))$c$),
('581', 'missing', 'Child is missing but has not yet started to be looked after.', NULL, NULL, 'Missing', $c$
SELECT 'Missing', m.la, m.child, m.source_file, m.source_line,
       format('missing or away from %%s, before the child started to be looked after (%%s)', m.mis_start, f.decom)
  FROM mis m JOIN (SELECT e.la, e.child, min(e.decom) AS decom FROM ep e GROUP BY e.la, e.child) f
    ON f.la = m.la AND f.child = m.child
 WHERE m.mis_start BETWEEN $2 AND $3 AND m.mis_start < f.decom$c$),
('586', 'missing', 'Dates of missing periods are before child''s date of birth.', NULL, NULL, 'Missing', $c$
SELECT 'Missing', m.la, m.child, m.source_file, m.source_line,
       format('missing or away from %%s, before the date of birth %%s', m.mis_start, m.dob)
  FROM mis m WHERE m.mis_start < m.dob$c$),
-- ---------------------------------------------------------------- Reviews
('166', 'reviews', 'Date of review is invalid or blank.', NULL, NULL, 'Reviews', $c$
SELECT 'Reviews', v.la, v.child, v.source_file, v.source_line,
       CASE WHEN v.rjv ? 'review' THEN format('REVIEW %%s is not a date', v.rjv ->> 'review') ELSE 'REVIEW is blank' END
  FROM rev v WHERE v.review IS NULL
UNION ALL
SELECT 'Reviews', r.la, NULL, r.source_file, r.source_line, format('REVIEW %%s is not a date', r.value)
  FROM rj r
 WHERE r.col = 'review'
   AND NOT EXISTS (SELECT 1 FROM rev v WHERE v.la = r.la AND v.source_file = r.source_file AND v.source_line = r.source_line)$c$),
('167', 'reviews', 'Data entry for participation is invalid or blank.', NULL, NULL, 'Reviews', $c$
SELECT 'Reviews', v.la, v.child, v.source_file, v.source_line,
       CASE WHEN v.review_code IS NULL THEN 'REVIEW_CODE is blank'
            WHEN v.review_code NOT IN ('PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7')
            THEN format('REVIEW_CODE %%s is not one of PN0-PN7', v.review_code)
            ELSE format('REVIEW_CODE %%s but REVIEW is blank', v.review_code) END
  FROM rev v
 WHERE v.review_code NOT IN ('PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7')
    OR (v.review_code IS NULL AND (v.review IS NOT NULL OR v.rjv ? 'review'))
    OR (v.review_code IS NOT NULL AND v.review IS NULL AND NOT v.rjv ? 'review')$c$),
('440', 'reviews', 'Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.', NULL, NULL, 'Reviews', $c$
SELECT 'Reviews', v.la, v.child, v.source_file, v.source_line,
       format('REVIEW_CODE PN0 (under 4) but the review of %%s is on or after the 4th birthday (%%s)', v.review, careleaver.birthday(v.dob, 4))
  FROM rev v WHERE v.review_code = 'PN0' AND v.review >= careleaver.birthday(v.dob, 4)$c$),
('441', 'reviews', 'Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4.', NULL, NULL, 'Reviews', $c$
SELECT 'Reviews', v.la, v.child, v.source_file, v.source_line,
       format('REVIEW_CODE %%s (4 or over) but the review of %%s is before the 4th birthday (%%s)', v.review_code, v.review,
              careleaver.birthday(v.dob, 4))
  FROM rev v
 WHERE v.review_code IN ('PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7') AND v.review < careleaver.birthday(v.dob, 4)$c$),
('399', 'reviews', 'Mother field, review field or participation field are completed but child is looked after under legal status V3 or V4.', NULL, NULL, 'Reviews, Header', $c$
SELECT 'Reviews', v.la, v.child, v.source_file, v.source_line,
       'review information for a child whose episodes of the year are all short breaks (V3, V4)'
  FROM rev v JOIN breaks_only b ON b.la = v.la AND b.child = v.child
 WHERE v.review IS NOT NULL OR v.review_code IS NOT NULL OR v.rjv ? 'review'
UNION ALL
SELECT 'Header', h.la, h.child, h.source_file, h.source_line,
       'MOTHER given for a child whose episodes of the year are all short breaks (V3, V4)'
  FROM hdr_now h JOIN breaks_only b ON b.la = h.la AND b.child = h.child
 WHERE h.mother IS NOT NULL$c$),
-- ---------------------------------------------------------------- OC2
('180', 'outcomes (OC2)', 'Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line, format('SDQ_SCORE %%s is not a whole number from 0 to 40', o.sdq_score)
  FROM oc2 o WHERE o.sdq_score NOT BETWEEN 0 AND 40
UNION ALL
SELECT 'OC2', r.la, o.child, r.source_file, r.source_line, format('SDQ_SCORE %%s is not a whole number from 0 to 40', r.value)
  FROM rj r LEFT JOIN oc2 o ON o.la = r.la AND o.source_file = r.source_file AND o.source_line = r.source_line
 WHERE r.col = 'sdq_score'$c$),
('181', 'outcomes (OC2)', 'Data items relating to children looked after continuously for 12 months should be completed with a 0 or 1.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       format('not 0 or 1: %%s', (SELECT string_agg(upper(f.k) || ' ' || f.v, ', ' ORDER BY f.k)
                                   FROM jsonb_each_text(o.flags) f(k, v) WHERE f.v NOT IN ('0', '1')))
  FROM oc2 o
 WHERE EXISTS (SELECT 1 FROM jsonb_each_text(o.flags) f(k, v) WHERE f.v NOT IN ('0', '1'))
UNION ALL
SELECT 'OC2', r.la, NULL, r.source_file, r.source_line,
       format('not 0 or 1: %%s', string_agg(upper(r.col) || ' ' || r.value, ', ' ORDER BY r.col))
  FROM rj r
 WHERE r.col IN ('convicted', 'health_check', 'immunisations', 'teeth_check', 'health_assessment',
                 'substance_misuse', 'intervention_received', 'intervention_offered')
   AND NOT EXISTS (SELECT 1 FROM oc2 o WHERE o.la = r.la AND o.source_file = r.source_file AND o.source_line = r.source_line)
 GROUP BY r.la, r.source_file, r.source_line$c$),
('182', 'outcomes (OC2)', 'Data entries on immunisations, teeth checks, health assessments and substance misuse problem identified should be completed or all OC2 fields should be left blank.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       'some OC2 items are given but IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT or SUBSTANCE_MISUSE is blank'
  FROM oc2 o
 WHERE NOT (o.flags ?& ARRAY['immunisations', 'teeth_check', 'health_assessment', 'substance_misuse'])
   AND o.flags ?| ARRAY['convicted', 'health_check', 'intervention_received', 'intervention_offered']$c$),
('157', 'outcomes (OC2)', 'Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and Difficulties Questionnaire (SDQ) score.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       'SDQ_REASON SDQ1 (under 4 or over 16) for a child aged 4 to 16 in the year'
  FROM oc2 o JOIN cla12 c ON c.la = o.la AND c.child = o.child
 WHERE o.sdq_reason = 'SDQ1' AND o.sdq_score IS NULL AND NOT o.rjv ? 'sdq_score'
   AND careleaver.birthday(o.dob, 4) <= $2 AND careleaver.birthday(o.dob, 16) >= $3$c$),
('158', 'outcomes (OC2)', 'If a child has been recorded as receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be left blank.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       'INTERVENTION_RECEIVED 1 but INTERVENTION_OFFERED is given'
  FROM oc2 o WHERE o.intervention_received = 1 AND o.flags ? 'intervention_offered'$c$),
('159', 'outcomes (OC2)', 'If a child has been recorded as not receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be completed as well.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       'SUBSTANCE_MISUSE 1 and INTERVENTION_RECEIVED 0 but INTERVENTION_OFFERED is blank'
  FROM oc2 o WHERE o.substance_misuse = 1 AND o.intervention_received = 0 AND NOT o.flags ? 'intervention_offered'$c$),
('185', 'outcomes (OC2)', 'Child has not been looked after continuously for at least 12 months at 31 March but a Strengths and Difficulties (SDQ) score has been completed.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       'SDQ score for a child not looked after continuously for 12 months at 31 March'
  FROM oc2 o WHERE NOT o.cla12 AND (o.sdq_score IS NOT NULL OR o.rjv ? 'sdq_score')$c$),
('186', 'outcomes (OC2)', 'Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       'no SDQ score nor reason for a child aged 4 to 16 looked after continuously for 12 months'
  FROM oc2 o
 WHERE o.cla12 AND o.sdq_score IS NULL AND o.sdq_reason IS NULL AND NOT o.rjv ? 'sdq_score'
   AND careleaver.birthday(o.dob, 4) <= $2 AND careleaver.birthday(o.dob, 17) > $3$c$),
('188', 'outcomes (OC2)', 'Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       format('SDQ score or reason for a child under 4 at the end of the year (4th birthday %%s)', careleaver.birthday(o.dob, 4))
  FROM oc2 o
 WHERE careleaver.birthday(o.dob, 4) > $3 AND (o.sdq_score IS NOT NULL OR o.sdq_reason IS NOT NULL OR o.rjv ? 'sdq_score')$c$),
('189', 'outcomes (OC2)', 'Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       format('SDQ score or reason for a young person aged 17 or over at the start of the year (17th birthday %%s)', careleaver.birthday(o.dob, 17))
  FROM oc2 o
 WHERE careleaver.birthday(o.dob, 17) <= $2 AND (o.sdq_score IS NOT NULL OR o.sdq_reason IS NOT NULL OR o.rjv ? 'sdq_score')$c$),
('190', 'outcomes (OC2)', 'Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       format('OC2 items (%%s) for a child not looked after continuously for 12 months at 31 March',
              (SELECT string_agg(upper(f.k), ', ' ORDER BY f.k) FROM jsonb_object_keys(o.flags) f(k)))
  FROM oc2 o WHERE NOT o.cla12 AND o.flags <> '{}'$c$),
('191', 'outcomes (OC2)', 'Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.', NULL, NULL, 'OC2, Episodes', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       'looked after continuously for 12 months at 31 March but IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT or SUBSTANCE_MISUSE is blank'
  FROM oc2 o
 WHERE o.cla12 AND NOT (o.flags ?& ARRAY['immunisations', 'teeth_check', 'health_assessment', 'substance_misuse'])
UNION ALL
SELECT 'Episodes', e.la, e.child, e.source_file, e.source_line,
       'looked after continuously for 12 months at 31 March but the return has no OC2 row for the child'
  FROM ep e JOIN cla12 c ON c.la = e.la AND c.child = e.child
 WHERE e.k = 1 AND NOT EXISTS (SELECT 1 FROM oc2 o WHERE o.la = e.la AND o.child = e.child)$c$),
('192', 'outcomes (OC2)', 'Child has been identified as having a substance misuse problem but the additional item on whether an intervention was received has been left blank.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line, 'SUBSTANCE_MISUSE 1 but INTERVENTION_RECEIVED is blank'
  FROM oc2 o WHERE o.substance_misuse = 1 AND NOT o.flags ? 'intervention_received'$c$),
('193', 'outcomes (OC2)', 'Child not identified as having a substance misuse problem but at least one of the two additional items on whether an intervention were offered and received have been completed.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       format('SUBSTANCE_MISUSE %%s but INTERVENTION_RECEIVED or INTERVENTION_OFFERED is given', coalesce(o.substance_misuse::text, 'blank'))
  FROM oc2 o
 WHERE (o.substance_misuse = 0 OR NOT o.flags ? 'substance_misuse')
   AND o.flags ?| ARRAY['intervention_received', 'intervention_offered']$c$),
('196', 'outcomes (OC2)', 'Strengths and Difficulties (SDQ) reason is not a valid code.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line, format('SDQ_REASON %%s is not one of SDQ1-SDQ5', o.sdq_reason)
  FROM oc2 o WHERE o.sdq_reason NOT IN ('SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5')$c$),
('197a', 'outcomes (OC2)', 'Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and Difficulties Questionnaire score is filled in.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       format('SDQ_SCORE %%s and SDQ_REASON %%s are both given', coalesce(o.sdq_score::text, o.rjv ->> 'sdq_score'), o.sdq_reason)
  FROM oc2 o WHERE (o.sdq_score IS NOT NULL OR o.rjv ? 'sdq_score') AND o.sdq_reason IS NOT NULL$c$),
('197B', 'outcomes (OC2)', 'SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       format('no SDQ score nor reason although the %%s birthday falls in the year',
              CASE WHEN careleaver.birthday(o.dob, 4) BETWEEN $2 AND $3 THEN '4th' ELSE '17th' END)
  FROM oc2 o
 WHERE o.cla12 AND o.sdq_score IS NULL AND o.sdq_reason IS NULL AND NOT o.rjv ? 'sdq_score'
   AND (careleaver.birthday(o.dob, 4) BETWEEN $2 AND $3 OR careleaver.birthday(o.dob, 17) BETWEEN $2 AND $3)$c$),
('198', 'outcomes (OC2)', 'Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       format('SDQ_REASON %%s for a child not looked after continuously for 12 months at 31 March', o.sdq_reason)
  FROM oc2 o WHERE NOT o.cla12 AND o.sdq_reason IS NOT NULL$c$),
('215', 'outcomes (OC2)', 'Child has care leaver information but one or more data items relating to children looked after for 12 months have been completed.', NULL, NULL, 'OC3, OC2', $c$
SELECT 'OC3', o.la, o.child, o.source_file, o.source_line,
       'care-leaver information for a young person with OC2 items given'
  FROM oc3 o
 WHERE o.given AND EXISTS (SELECT 1 FROM oc2 t WHERE t.la = o.la AND t.child = o.child AND t.flags <> '{}')
UNION ALL
SELECT 'OC2', t.la, t.child, t.source_file, t.source_line,
       'OC2 items for a young person with care-leaver (OC3) information'
  FROM oc2 t
 WHERE t.flags <> '{}' AND EXISTS (SELECT 1 FROM oc3 o WHERE o.la = t.la AND o.child = t.child AND o.given)$c$),
('543', 'outcomes (OC2)', 'Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       format('CONVICTED is blank for a child aged 10 or over at 31 March (10th birthday %%s)', careleaver.birthday(o.dob, 10))
  FROM oc2 o WHERE o.cla12 AND careleaver.birthday(o.dob, 10) <= $3 AND NOT o.flags ? 'convicted'$c$),
('544', 'outcomes (OC2)', 'Any child who has conviction information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       'CONVICTED is given but IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT or SUBSTANCE_MISUSE is blank'
  FROM oc2 o
 WHERE o.flags ? 'convicted'
   AND NOT (o.flags ?& ARRAY['immunisations', 'teeth_check', 'health_assessment', 'substance_misuse'])$c$),
('545', 'outcomes (OC2)', 'Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health promotion information has not been completed.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       format('HEALTH_CHECK is blank for a child under 5 at 31 March (5th birthday %%s)', careleaver.birthday(o.dob, 5))
  FROM oc2 o WHERE o.cla12 AND careleaver.birthday(o.dob, 5) > $3 AND NOT o.flags ? 'health_check'$c$),
('546', 'outcomes (OC2)', 'Children aged 5 or over at 31 March should not have health promotion information completed.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       format('HEALTH_CHECK is given for a child aged 5 or over at 31 March (5th birthday %%s)', careleaver.birthday(o.dob, 5))
  FROM oc2 o WHERE careleaver.birthday(o.dob, 5) <= $3 AND o.flags ? 'health_check'$c$),
('547', 'outcomes (OC2)', 'Any child who has health promotion information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.', NULL, NULL, 'OC2', $c$
SELECT 'OC2', o.la, o.child, o.source_file, o.source_line,
       'HEALTH_CHECK is given but IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT or SUBSTANCE_MISUSE is blank'
  FROM oc2 o
 WHERE o.flags ? 'health_check'
   AND NOT (o.flags ?& ARRAY['immunisations', 'teeth_check', 'health_assessment', 'substance_misuse'])$c$),
-- ---------------------------------------------------------------- UASC
('104', 'UASC', 'Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.', NULL, NULL, 'UASC', $c$
SELECT 'UASC', r.la, u.child, r.source_file, r.source_line, format('DUC %%s is not a date', r.value)
  FROM rj r LEFT JOIN uasc u ON u.la = r.la AND u.source_file = r.source_file AND u.source_line = r.source_line
 WHERE r.col = 'duc'$c$),
('304', 'UASC', 'Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.', NULL, NULL, 'UASC', $c$
SELECT 'UASC', u.la, u.child, u.source_file, u.source_line,
       format('UASC status ceased %%s, after the 18th birthday (%%s)', u.duc, careleaver.birthday(u.dob, 18))
  FROM uasc u WHERE u.duc > careleaver.birthday(u.dob, 18)$c$),
('205A', 'UASC', 'Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both years does not support this.', NULL, NULL, 'Header', $c$
SELECT 'Header', h.la, h.child, h.source_file, h.source_line,
       format('UASC in last year''s return but not this year, and last year''s date UASC ceased (%%s) is not in last year',
              coalesce(l.duc::text, 'blank'))
  FROM hdr_now h
  JOIN uasc_last l ON l.la = h.la AND l.child = h.child
 WHERE NOT EXISTS (SELECT 1 FROM uasc u WHERE u.la = h.la AND u.child = h.child)
   AND (l.duc IS NULL OR l.duc < careleaver.collection_year_start($1 - 1) OR l.duc > careleaver.collection_year_end($1 - 1))$c$),
('205D', 'UASC', 'Child identified as UASC this year but not identified as UASC status provided for the child last year.', NULL, NULL, 'UASC', $c$
SELECT 'UASC', u.la, u.child, u.source_file, u.source_line,
       'UASC this year, but last year''s return has the child without UASC information'
  FROM uasc u
 WHERE EXISTS (SELECT 1 FROM hdr_last h WHERE h.la = u.la AND h.child = u.child)
   AND NOT EXISTS (SELECT 1 FROM uasc_last l WHERE l.la = u.la AND l.child = u.child)$c$),
('231', 'UASC', 'We expect that unaccompanied asylum seeking children are generally older young people. Please check the date of birth is correct. If the date of birth is correct then please provide details in a bypass request.', 2025, NULL, 'UASC', $c$
SELECT 'UASC', u.la, u.child, u.source_file, u.source_line,
       format('UASC aged under 11 at the end of the year (11th birthday %%s): check the date of birth', careleaver.birthday(u.dob, 11))
  FROM uasc u WHERE careleaver.birthday(u.dob, 11) > $3$c$),
-- ---------------------------------------------------------------- OC3 against last year
('348', 'care leavers', 'Care leaver has previously been reported as having died.', 2026, NULL, 'OC3', $c$
SELECT 'OC3', o.la, o.child, o.source_file, o.source_line,
       format('reported as died (IN_TOUCH DIED) in last year''s return, but IN_TOUCH is %%s', coalesce(o.in_touch, 'blank'))
  FROM oc3 o
 WHERE o.in_touch IS DISTINCT FROM 'DIED'
   AND EXISTS (SELECT 1 FROM oc3_last l WHERE l.la = o.la AND l.child = o.child AND l.in_touch = 'DIED')$c$)
) AS v(rule_code, family, dfe_message, since_year, until_year, module, check_sql)
$rules$;

COMMENT ON FUNCTION careleaver.validation_module_rules() IS
  'The DfE rules of the AD1, PlacedAdoption, PrevPerm, Missing, Reviews, OC2 and UASC modules (and OC3 against other modules): code, family, DfE''s message, first and last collection year, flagged modules, check SQL over the base relations of careleaver.validation_module_base_sql (doc/validation.md)';

-- ---------------------------------------------------------------------------
-- The base relations the checks above read, computed once per run.

CREATE FUNCTION careleaver.validation_module_base_sql(schema_name text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  rejects_sql text;
BEGIN
  -- values the loader refused, one row per (row, column); without a rejects table, none
  IF to_regclass(format('%I.rejects', schema_name)) IS NOT NULL THEN
    rejects_sql := format($q$
      SELECT r.la, r.source_file, r.source_line, lower(btrim(r.column_name)) AS col, max(r.value) AS value
        FROM %I.rejects r
       WHERE r.year = $1 AND ($4::text IS NULL OR r.la = $4) AND r.source_line IS NOT NULL
       GROUP BY r.la, r.source_file, r.source_line, lower(btrim(r.column_name))$q$, schema_name);
  ELSE
    rejects_sql := $q$SELECT NULL::text AS la, NULL::text AS source_file, NULL::integer AS source_line,
                             NULL::text AS col, NULL::text AS value WHERE false$q$;
  END IF;
  RETURN format($q$
-- the year's episodes, codes as canonical text (typed or text columns alike), k = position in date order
ep AS MATERIALIZED (
  SELECT e.la, e.child, e.decom, e.dec,
         nullif(upper(btrim(e.rne::text)), '') AS rne, nullif(upper(btrim(e.ls::text)), '') AS ls,
         nullif(upper(btrim(e.place::text)), '') AS place, nullif(upper(btrim(e.rec::text)), '') AS rec,
         e.source_file, e.source_line,
         row_number() OVER (PARTITION BY e.la, e.child ORDER BY e.decom, e.source_line) AS k
    FROM %1$I.return_episodes e
   WHERE e.year = $1 AND ($4::text IS NULL OR e.la = $4)
),
rj AS MATERIALIZED (%2$s),
-- the refused values of each kept row, column -> value
rjrow AS MATERIALIZED (
  SELECT r.la, r.source_file, r.source_line, jsonb_object_agg(r.col, r.value) AS rjv
    FROM rj r GROUP BY r.la, r.source_file, r.source_line
),
-- the latest header row up to the year that has a DOB (module rows fall back on it)
hdob AS MATERIALIZED (
  SELECT DISTINCT ON (h.la, h.child) h.la, h.child, h.dob
    FROM %1$I.return_header h
   WHERE h.year <= $1 AND ($4::text IS NULL OR h.la = $4) AND h.dob IS NOT NULL
   ORDER BY h.la, h.child, h.year DESC, h.source_line DESC
),
hdr_now AS (
  SELECT h.la, h.child, h.mother, h.source_file, h.source_line FROM %1$I.return_header h
   WHERE h.year = $1 AND ($4::text IS NULL OR h.la = $4)
),
hdr_last AS (
  SELECT h.la, h.child FROM %1$I.return_header h WHERE h.year = $1 - 1 AND ($4::text IS NULL OR h.la = $4)
),
-- councils whose return of last year is loaded: rules comparing with it are silent without it
prev_la AS MATERIALIZED (
  SELECT h.la FROM hdr_last h
  UNION
  SELECT e.la FROM %1$I.return_episodes e WHERE e.year = $1 - 1 AND ($4::text IS NULL OR e.la = $4)
),
-- looked after continuously for 12 months at 31 March (the OC2 cohort): a period of care of the core
-- (careleaver.periods_of_care: chained episodes, short breaks left out) that began by the first day of
-- the year and was still running after its last day; and, as DfE's definition reads the episodes, no
-- episode of the year starting care (RNE S) after its first day, ending care (REC other than X1), or
-- a short break (V3, V4), so that overlapping episodes cannot hide a new start
cla12 AS MATERIALIZED (
  SELECT g.la, g.child
    FROM (SELECT e.la, e.child,
                 careleaver.care_history_agg(e.decom, e.dec, NULL::careleaver.new_episode_reason,
                   CASE WHEN e.ls IN (SELECT c.code FROM careleaver.code_list c WHERE c.field = 'LS')
                        THEN e.ls::careleaver.legal_status END,
                   NULL::careleaver.placement_type, NULL::careleaver.ceased_reason) AS history
            FROM ep e WHERE e.decom IS NOT NULL GROUP BY e.la, e.child
          HAVING NOT bool_or(coalesce((e.rne = 'S' AND e.decom > $2)
                                      OR (e.rec <> 'X1' AND e.dec BETWEEN $2 AND $3)
                                      OR e.ls IN ('V3', 'V4'), false))) g
   WHERE EXISTS (SELECT 1 FROM careleaver.periods_of_care(g.history) p
                  WHERE p.start_date <= $2 AND (p.end_date IS NULL OR p.end_date > $3))
),
-- children whose episodes of the year are all short breaks (V3, V4)
breaks_only AS (
  SELECT e.la, e.child FROM ep e GROUP BY e.la, e.child
  HAVING bool_and(coalesce(e.ls IN ('V3', 'V4'), false))
),
ad1 AS MATERIALIZED (
  SELECT a.la, a.child, coalesce(a.dob, d.dob) AS dob, a.date_int, a.date_match, a.foster_care, a.nb_adoptr,
         nullif(upper(btrim(a.sex_adoptr)), '') AS sex_adoptr, nullif(upper(btrim(a.ls_adoptr)), '') AS ls_adoptr,
         coalesce(r.rjv, '{}') AS rjv, a.source_file, a.source_line,
         -- the adoption items neither given nor refused by the loader
         ARRAY(SELECT b.item FROM (VALUES ('DATE_INT', a.date_int IS NULL AND NOT coalesce(r.rjv ? 'date_int', false)),
                                          ('DATE_MATCH', a.date_match IS NULL AND NOT coalesce(r.rjv ? 'date_match', false)),
                                          ('FOSTER_CARE', a.foster_care IS NULL AND NOT coalesce(r.rjv ? 'foster_care', false)),
                                          ('NB_ADOPTR', a.nb_adoptr IS NULL AND NOT coalesce(r.rjv ? 'nb_adoptr', false)),
                                          ('SEX_ADOPTR', nullif(btrim(a.sex_adoptr), '') IS NULL),
                                          ('LS_ADOPTR', nullif(btrim(a.ls_adoptr), '') IS NULL)) AS b(item, blank)
                WHERE b.blank) AS blank_items
    FROM %1$I.return_ad1 a
    LEFT JOIN rjrow r ON r.la = a.la AND r.source_file = a.source_file AND r.source_line = a.source_line
    LEFT JOIN hdob d ON d.la = a.la AND d.child = a.child
   WHERE a.year = $1 AND ($4::text IS NULL OR a.la = $4)
),
pa AS MATERIALIZED (
  SELECT p.la, p.child, coalesce(p.dob, d.dob) AS dob, p.date_placed, p.date_placed_ceased,
         nullif(upper(btrim(p.reason_placed_ceased)), '') AS reason_placed_ceased,
         coalesce(r.rjv, '{}') AS rjv, p.source_file, p.source_line
    FROM %1$I.return_placed_adoption p
    LEFT JOIN rjrow r ON r.la = p.la AND r.source_file = p.source_file AND r.source_line = p.source_line
    LEFT JOIN hdob d ON d.la = p.la AND d.child = p.child
   WHERE p.year = $1 AND ($4::text IS NULL OR p.la = $4)
),
pa_last AS MATERIALIZED (
  SELECT p.la, p.child, p.date_placed, p.date_placed_ceased,
         nullif(upper(btrim(p.reason_placed_ceased)), '') AS reason_placed_ceased
    FROM %1$I.return_placed_adoption p
   WHERE p.year = $1 - 1 AND ($4::text IS NULL OR p.la = $4)
),
pp AS MATERIALIZED (
  SELECT q.la, q.child, nullif(upper(btrim(q.prev_perm)), '') AS prev_perm, nullif(upper(btrim(q.la_perm)), '') AS la_perm,
         q.date_perm, coalesce(r.rjv, '{}') AS rjv, q.source_file, q.source_line
    FROM %1$I.return_prev_perm q
    LEFT JOIN rjrow r ON r.la = q.la AND r.source_file = q.source_file AND r.source_line = q.source_line
   WHERE q.year = $1 AND ($4::text IS NULL OR q.la = $4)
),
mis AS MATERIALIZED (
  SELECT m.la, m.child, coalesce(m.dob, d.dob) AS dob, nullif(upper(btrim(m.missing)), '') AS missing,
         m.mis_start, m.mis_end, coalesce(r.rjv, '{}') AS rjv, m.source_file, m.source_line
    FROM %1$I.return_missing m
    LEFT JOIN rjrow r ON r.la = m.la AND r.source_file = m.source_file AND r.source_line = m.source_line
    LEFT JOIN hdob d ON d.la = m.la AND d.child = m.child
   WHERE m.year = $1 AND ($4::text IS NULL OR m.la = $4)
),
rev AS MATERIALIZED (
  SELECT v.la, v.child, coalesce(v.dob, d.dob) AS dob, v.review, nullif(upper(btrim(v.review_code)), '') AS review_code,
         coalesce(r.rjv, '{}') AS rjv, v.source_file, v.source_line
    FROM %1$I.return_reviews v
    LEFT JOIN rjrow r ON r.la = v.la AND r.source_file = v.source_file AND r.source_line = v.source_line
    LEFT JOIN hdob d ON d.la = v.la AND d.child = v.child
   WHERE v.year = $1 AND ($4::text IS NULL OR v.la = $4)
),
oc2 AS MATERIALIZED (
  SELECT o.la, o.child, coalesce(o.dob, d.dob) AS dob, o.sdq_score, nullif(upper(btrim(o.sdq_reason)), '') AS sdq_reason,
         o.substance_misuse, o.intervention_received,
         -- the 0/1 items given, as written (a value the loader refused counts as given)
         jsonb_strip_nulls(jsonb_build_object(
           'convicted', coalesce(o.convicted::text, r.rjv ->> 'convicted'),
           'health_check', coalesce(o.health_check::text, r.rjv ->> 'health_check'),
           'immunisations', coalesce(o.immunisations::text, r.rjv ->> 'immunisations'),
           'teeth_check', coalesce(o.teeth_check::text, r.rjv ->> 'teeth_check'),
           'health_assessment', coalesce(o.health_assessment::text, r.rjv ->> 'health_assessment'),
           'substance_misuse', coalesce(o.substance_misuse::text, r.rjv ->> 'substance_misuse'),
           'intervention_received', coalesce(o.intervention_received::text, r.rjv ->> 'intervention_received'),
           'intervention_offered', coalesce(o.intervention_offered::text, r.rjv ->> 'intervention_offered'))) AS flags,
         c.child IS NOT NULL AS cla12, coalesce(r.rjv, '{}') AS rjv, o.source_file, o.source_line
    FROM %1$I.return_oc2 o
    LEFT JOIN rjrow r ON r.la = o.la AND r.source_file = o.source_file AND r.source_line = o.source_line
    LEFT JOIN hdob d ON d.la = o.la AND d.child = o.child
    LEFT JOIN cla12 c ON c.la = o.la AND c.child = o.child
   WHERE o.year = $1 AND ($4::text IS NULL OR o.la = $4)
),
oc3 AS MATERIALIZED (
  SELECT o.la, o.child, nullif(upper(btrim(o.in_touch::text)), '') AS in_touch,
         (o.in_touch IS NOT NULL OR o.activ IS NOT NULL OR o.accom IS NOT NULL
          OR r.rjv ?| ARRAY['in_touch', 'activ', 'accom']) AS given,
         o.source_file, o.source_line
    FROM %1$I.return_oc3 o
    LEFT JOIN rjrow r ON r.la = o.la AND r.source_file = o.source_file AND r.source_line = o.source_line
   WHERE o.year = $1 AND ($4::text IS NULL OR o.la = $4)
),
oc3_last AS (
  SELECT o.la, o.child, nullif(upper(btrim(o.in_touch::text)), '') AS in_touch
    FROM %1$I.return_oc3 o WHERE o.year = $1 - 1 AND ($4::text IS NULL OR o.la = $4)
),
uasc AS MATERIALIZED (
  SELECT u.la, u.child, coalesce(u.dob, d.dob) AS dob, u.duc, u.source_file, u.source_line
    FROM %1$I.return_uasc u
    LEFT JOIN hdob d ON d.la = u.la AND d.child = u.child
   WHERE u.year = $1 AND ($4::text IS NULL OR u.la = $4)
),
uasc_last AS (
  SELECT u.la, u.child, u.duc FROM %1$I.return_uasc u WHERE u.year = $1 - 1 AND ($4::text IS NULL OR u.la = $4)
),
-- the latest start of a period of care (RNE S) in the returns up to the year, for the children with AD1 rows
s_start AS (
  SELECT e.la, e.child, max(e.decom) AS latest_start
    FROM %1$I.return_episodes e
   WHERE e.year <= $1 AND ($4::text IS NULL OR e.la = $4) AND upper(btrim(e.rne::text)) = 'S'
     AND EXISTS (SELECT 1 FROM ad1 a WHERE a.la = e.la AND a.child = e.child)
   GROUP BY e.la, e.child
)$q$, schema_name, rejects_sql);
END;
$fn$;

COMMENT ON FUNCTION careleaver.validation_module_base_sql(text) IS
  'The WITH list (without WITH) of the base relations the checks of careleaver.validation_module_rules read, over one dataset schema: ep, rj, rjrow, hdob, hdr_now, hdr_last, prev_la, cla12, breaks_only, ad1, pa, pa_last, pp, mis, rev, oc2, oc3, oc3_last, uasc, uasc_last, s_start; parameters $1 year, $2 and $3 its first and last day, $4 council or NULL';

-- ---------------------------------------------------------------------------
-- Running the rules of this file over one return.

CREATE FUNCTION careleaver.validation_module_run(schema_name text, collection_year integer, only_la text)
RETURNS TABLE (rule_code text, table_name text, la text, child text, row_ref text, message text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
-- as careleaver.validation_run: equality joins on (la, child) between CTEs whose sizes the planner cannot see
SET enable_nestloop = off
SET jit = off
SET datestyle = 'ISO, YMD'
AS $fn$
DECLARE
  checks text;
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);  -- never run another role's code (doc/dataset.md)
  IF schema_name IS NULL OR collection_year IS NULL THEN
    RAISE EXCEPTION 'careleaver.validation_module_run needs a dataset schema and a collection year'
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  -- the module tables every check reads; a dataset lacking one (made by hand) has no module rules run
  IF EXISTS (SELECT 1 FROM (VALUES ('return_episodes'), ('return_header'), ('return_oc3'), ('return_uasc'),
                                   ('return_ad1'), ('return_placed_adoption'), ('return_prev_perm'),
                                   ('return_missing'), ('return_reviews'), ('return_oc2')) AS t(tbl)
              WHERE to_regclass(format('%I.%I', schema_name, t.tbl)) IS NULL) THEN
    RETURN;
  END IF;
  SELECT string_agg(format('SELECT %L AS code, c.* FROM (%s) AS c(tbl, la, child, source_file, source_line, msg)',
                           r.rule_code, format(r.check_sql, schema_name)), E'\nUNION ALL\n' ORDER BY r.rule_code)
    INTO checks
    FROM careleaver.validation_module_rules() r
   WHERE (r.since_year IS NULL OR r.since_year <= collection_year)
     AND (r.until_year IS NULL OR r.until_year >= collection_year);
  RETURN QUERY EXECUTE format($q$
WITH %s,
flags AS (%s)
SELECT f.code, f.tbl, f.la, f.child, f.source_file || ':' || f.source_line, f.msg
  FROM flags f
 ORDER BY f.la, f.child, f.tbl, f.source_file, f.source_line, f.code$q$,
    careleaver.validation_module_base_sql(schema_name), checks)
    USING collection_year, careleaver.collection_year_start(collection_year),
          careleaver.collection_year_end(collection_year), only_la;
END;
$fn$;

COMMENT ON FUNCTION careleaver.validation_module_run(text, integer, text) IS
  'Runs the rules of careleaver.validation_module_rules that apply to the collection year over one dataset schema (optionally one council); rows as careleaver.validate returns them';
