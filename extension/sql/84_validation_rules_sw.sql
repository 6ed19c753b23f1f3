-- The DfE rules of the social worker episodes module (SWEpisodes, collected from 2023-24), as rows of
-- careleaver.validation_rules (doc/validation.md, "Social worker episodes").  The checks read the
-- registry's bases: y_sw_episodes / p_sw_episodes (this and last year's rows of return_sw_episodes), ep
-- (this year's episodes) and m_rj (values the loader refused in a row it kept).  How to add a rule:
-- doc/validation.md, "Adding a rule".
--
-- A return loaded without an SWEpisodes file cannot be told from one whose children have no social worker
-- episodes: the rules that expect rows (SW01, SW12) are silent for a return whose files (returns.files)
-- held no SWEpisodes module and no XML file, as the other modules' rules are (doc/validation.md).

INSERT INTO careleaver.validation_rules
  (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES
  ('SW01', 'social workers', 2024, 2024, 'Episodes', '{sw_episodes}'::text[], false, '{}'::text[],
   'A child looked after on 31 March whose social worker episodes give no SW_ID, no SW_DECOM or no SW_REASON (none at all included); flags the (first) episode open on 31 March',
   'Child looked after on 31 March, but no social worker episode information is reported',
   'DfE asks for at least one instance of each of SW_ID, SW_DECOM and SW_REASON; the validator flags the child when any one row lacks one (that is SW03''s concern) and reports the episode''s position under SWEpisodes. Withdrawn from 2024-25. Silent for a return loaded without an SWEpisodes file',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('looked after on 31 March (episode from %s) but the social worker episodes give no %s',
              e.decom, array_to_string(ARRAY(SELECT x.item FROM (VALUES
                ('SW_ID', NOT coalesce(s.has_id, false)), ('SW_DECOM', NOT coalesce(s.has_decom, false)),
                ('SW_REASON', NOT coalesce(s.has_reason, false))) x(item, missing) WHERE x.missing), ', ')) AS msg
  FROM (SELECT DISTINCT ON (o.la, o.child) o.* FROM ep o
         WHERE o.decom <= $3 AND (o.dec IS NULL OR o.dec > $3) AND o.ls IS DISTINCT FROM 'V3' AND o.ls IS DISTINCT FROM 'V4'
         ORDER BY o.la, o.child, o.decom, o.source_line) e
  LEFT JOIN (SELECT w.la, w.child, bool_or(w.sw_id IS NOT NULL) AS has_id,
                    bool_or(w.sw_decom IS NOT NULL OR EXISTS (SELECT 1 FROM m_rj r WHERE r.la = w.la
                              AND r.source_file = w.source_file AND r.source_line = w.source_line
                              AND r.col = 'sw_decom')) AS has_decom,
                    bool_or(w.sw_reason IS NOT NULL) AS has_reason
               FROM y_sw_episodes w GROUP BY w.la, w.child) s ON s.la = e.la AND s.child = e.child
 WHERE NOT (coalesce(s.has_id, false) AND coalesce(s.has_decom, false) AND coalesce(s.has_reason, false))
   AND NOT EXISTS (SELECT 1 FROM @schema@.returns t WHERE t.la = e.la AND t.year = $1
                      AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(t.files) x
                                       WHERE x->>'module' = 'sw_episodes' OR lower(x->>'name') LIKE '%.xml'))
$chk$),
  ('SW01a', 'social workers', 2025, NULL, 'SWEpisodes', '{sw_episodes}'::text[], false, '{}'::text[],
   'A social worker episode with no SW_DECOM, or one beginning before 1 April 2023 with no SW_ID',
   'For each social worker episode, information should be complete',
   'A SW_DECOM the loader refused is rule SW04''s, not flagged here again',
   NULL,
   $chk$
SELECT 'SWEpisodes' AS tbl, w.la, w.child, w.source_file, w.source_line,
       CASE WHEN w.sw_decom IS NULL THEN 'SW_DECOM (date the social worker episode began) is blank'
            ELSE format('social worker episode beginning %s, before 1 April 2023, has no SW_ID', w.sw_decom) END AS msg
  FROM y_sw_episodes w
 WHERE (w.sw_decom IS NULL AND NOT EXISTS (SELECT 1 FROM m_rj r WHERE r.la = w.la AND r.source_file = w.source_file
                                              AND r.source_line = w.source_line AND r.col = 'sw_decom'))
    OR (w.sw_decom < careleaver.collection_year_start(2024) AND w.sw_id IS NULL)
$chk$),
  ('SW01b', 'social workers', 2025, NULL, 'SWEpisodes', '{sw_episodes}'::text[], false, '{}'::text[],
   'A social worker episode with no SW_DECOM, or one beginning on or after 1 April 2023 with no SW_ID or no SW_REASON',
   'For each social worker episode, information should be complete',
   'A SW_DECOM the loader refused is rule SW04''s, not flagged here again',
   NULL,
   $chk$
SELECT 'SWEpisodes' AS tbl, w.la, w.child, w.source_file, w.source_line,
       CASE WHEN w.sw_decom IS NULL THEN 'SW_DECOM (date the social worker episode began) is blank'
            ELSE format('social worker episode beginning %s has no %s', w.sw_decom,
                        concat_ws(' and ', CASE WHEN w.sw_id IS NULL THEN 'SW_ID' END,
                                  CASE WHEN w.sw_reason IS NULL THEN 'SW_REASON' END)) END AS msg
  FROM y_sw_episodes w
 WHERE (w.sw_decom IS NULL AND NOT EXISTS (SELECT 1 FROM m_rj r WHERE r.la = w.la AND r.source_file = w.source_file
                                              AND r.source_line = w.source_line AND r.col = 'sw_decom'))
    OR (w.sw_decom >= careleaver.collection_year_start(2024) AND (w.sw_id IS NULL OR w.sw_reason IS NULL))
$chk$),
  ('SW02', 'social workers', 2024, NULL, 'SWEpisodes', '{sw_episodes}'::text[], false, '{}'::text[],
   'SW_ID does not begin with SW or XX',
   'Social worker ID does not begin with the characters ''SW'' or ''XX''.',
   'SW_ID is read ignoring case, as the loader stores it (upper case): sw1 begins with SW. The validator compares as written (xx000 fails). A blank SW_ID is SW01a/SW01b''s (SW03''s in 2023-24)',
   NULL,
   $chk$
SELECT 'SWEpisodes' AS tbl, w.la, w.child, w.source_file, w.source_line,
       format('SW_ID %s does not begin with SW or XX', w.sw_id) AS msg
  FROM y_sw_episodes w
 WHERE w.sw_id IS NOT NULL AND left(w.sw_id, 2) NOT IN ('SW', 'XX')
$chk$),
  ('SW03', 'social workers', 2024, 2024, 'SWEpisodes', '{sw_episodes}'::text[], false, '{}'::text[],
   'A social worker episode with SW_ID, SW_DECOM or SW_REASON blank',
   'For each social worker episode, information should be complete.',
   'A SW_DECOM the loader refused is rule SW04''s, not flagged here again. Replaced by SW01a and SW01b from 2024-25',
   NULL,
   $chk$
SELECT 'SWEpisodes' AS tbl, w.la, w.child, w.source_file, w.source_line,
       format('social worker episode has no %s',
              concat_ws(', ', CASE WHEN w.sw_id IS NULL THEN 'SW_ID' END,
                        CASE WHEN w.sw_decom IS NULL THEN 'SW_DECOM' END,
                        CASE WHEN w.sw_reason IS NULL THEN 'SW_REASON' END)) AS msg
  FROM y_sw_episodes w
 WHERE w.sw_id IS NULL OR w.sw_reason IS NULL
    OR (w.sw_decom IS NULL AND NOT EXISTS (SELECT 1 FROM m_rj r WHERE r.la = w.la AND r.source_file = w.source_file
                                              AND r.source_line = w.source_line AND r.col = 'sw_decom'))
$chk$),
  ('SW04', 'social workers', 2024, NULL, 'SWEpisodes', '{sw_episodes}'::text[], false, '{SWEpisodes.SW_DECOM}'::text[],
   'SW_DECOM (date the social worker episode began) is not a date',
   'Date social worker episode began is not a valid date.',
   'The validator''s date test accepts ZZ placeholders (ZZ/ZZ/ZZZZ, 01/01/ZZZZ), which DfE allows only for DATE_PERM; SW_DECOM is a date, so we flag them',
   NULL,
   $chk$
SELECT 'SWEpisodes' AS tbl, w.la, w.child, w.source_file, w.source_line,
       format('SW_DECOM %s is not a date', r.value) AS msg
  FROM y_sw_episodes w
  JOIN m_rj r ON r.la = w.la AND r.source_file = w.source_file AND r.source_line = w.source_line AND r.col = 'sw_decom'
$chk$),
  ('SW05', 'social workers', 2024, NULL, 'SWEpisodes', '{sw_episodes}'::text[], false, '{SWEpisodes.SW_DEC}'::text[],
   'SW_DEC (date the social worker episode ended) is not a date',
   'Date social worker episode began is not a valid date.',
   'The message is the one the public validator gives for SW05, the same as SW04''s although the rule is about SW_DEC. ZZ placeholders are flagged (see SW04)',
   NULL,
   $chk$
SELECT 'SWEpisodes' AS tbl, w.la, w.child, w.source_file, w.source_line,
       format('SW_DEC %s is not a date', r.value) AS msg
  FROM y_sw_episodes w
  JOIN m_rj r ON r.la = w.la AND r.source_file = w.source_file AND r.source_line = w.source_line AND r.col = 'sw_dec'
$chk$),
  ('SW06', 'social workers', 2024, NULL, 'SWEpisodes', '{sw_episodes}'::text[], false, '{}'::text[],
   'SW_DECOM after the end of the collection year',
   'Social worker episode data should be within the social worker data reporting year.',
   NULL,
   NULL,
   $chk$
SELECT 'SWEpisodes' AS tbl, w.la, w.child, w.source_file, w.source_line,
       format('social worker episode begins %s, after the end of the year (%s)', w.sw_decom, $3) AS msg
  FROM y_sw_episodes w
 WHERE w.sw_decom > $3
$chk$),
  ('SW07', 'social workers', 2024, NULL, 'SWEpisodes', '{sw_episodes}'::text[], false, '{}'::text[],
   'SW_DEC after the end of the collection year, or before the start of the social worker reporting period (the year; from 2024-25 the year before it too)',
   'Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.',
   'From 2024-25 the reporting period starts a year before the collection year, as the public validator reads DfE''s change',
   NULL,
   $chk$
SELECT 'SWEpisodes' AS tbl, w.la, w.child, w.source_file, w.source_line,
       format('social worker episode ends %s, outside the reporting period %s to %s', w.sw_dec, p.first_day, $3) AS msg
  FROM y_sw_episodes w
 CROSS JOIN (SELECT CASE WHEN $1 >= 2025 THEN careleaver.collection_year_start($1 - 1) ELSE $2 END AS first_day) p
 WHERE w.sw_dec < p.first_day OR w.sw_dec > $3
$chk$),
  ('SW08', 'social workers', 2024, NULL, 'SWEpisodes', '{sw_episodes}'::text[], false, '{}'::text[],
   'A social worker episode with no SW_DEC that is followed by another (a later SW_DECOM) of the same child',
   'A new social worker episode has started, but the previous episode has not ended.',
   NULL,
   NULL,
   $chk$
SELECT 'SWEpisodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('social worker episode beginning %s has no end date, but another begins %s', s.sw_decom, s.next_decom) AS msg
  FROM (SELECT w.*, lead(w.sw_decom) OVER (PARTITION BY w.la, w.child ORDER BY w.sw_decom, w.source_file, w.source_line) AS next_decom
          FROM y_sw_episodes w WHERE w.sw_decom IS NOT NULL) s
 WHERE s.sw_dec IS NULL AND s.next_decom IS NOT NULL
$chk$),
  ('SW09', 'social workers', 2024, NULL, 'SWEpisodes', '{sw_episodes}'::text[], false, '{}'::text[],
   'A social worker episode ending the day it began (SW_DEC = SW_DECOM)',
   'Social worker episode appears to have lasted for less than 24 hours.',
   NULL,
   NULL,
   $chk$
SELECT 'SWEpisodes' AS tbl, w.la, w.child, w.source_file, w.source_line,
       format('social worker episode begins and ends on %s', w.sw_decom) AS msg
  FROM y_sw_episodes w
 WHERE w.sw_dec = w.sw_decom
$chk$),
  ('SW10', 'social workers', 2024, NULL, 'SWEpisodes', '{sw_episodes}'::text[], false, '{}'::text[],
   'A social worker episode beginning more than 7 days before or after the end of the child''s previous one (from 2024-25 unless SW_REASON is FCONTA)',
   'A new social worker episode has started before the end date of the previous social worker episode.',
   'DfE: SW_DECOM must be the previous episode''s SW_DEC give or take 7 days. A previous episode with no SW_DEC is SW08''s (the validator flags the next episode too). From 2024-25 SW_REASON FCONTA is exempt, as DfE''s change reads',
   NULL,
   $chk$
SELECT 'SWEpisodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('social worker episode begins %s, more than 7 days from the end of the previous one (%s)', s.sw_decom, s.prev_dec) AS msg
  FROM (SELECT w.*, lag(w.sw_dec) OVER (PARTITION BY w.la, w.child ORDER BY w.sw_decom, w.sw_dec NULLS LAST, w.source_file, w.source_line) AS prev_dec
          FROM y_sw_episodes w WHERE w.sw_decom IS NOT NULL) s
 WHERE (s.sw_decom < s.prev_dec - 7 OR s.sw_decom > s.prev_dec + 7)
   AND ($1 < 2025 OR s.sw_reason IS DISTINCT FROM 'FCONTA')
$chk$),
  ('SW11a', 'social workers', 2024, 2024, 'SWEpisodes', '{sw_episodes}'::text[], false, '{}'::text[],
   'A social worker episode ending more than 5 days before 31 March with no episode of the child beginning within 5 days of that end',
   'Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.',
   'We flag the episode that ended; the validator flags the episode after it (and nothing when there is none). Not asked of a child whose care ended in the year (episodes in the return, none open on 31 March): their social worker may stop. Withdrawn from 2024-25',
   NULL,
   $chk$
SELECT 'SWEpisodes' AS tbl, w.la, w.child, w.source_file, w.source_line,
       format('social worker episode ended %s and no other begins within 5 days of it', w.sw_dec) AS msg
  FROM y_sw_episodes w
 WHERE w.sw_dec <= $3 - 5
   AND NOT EXISTS (SELECT 1 FROM y_sw_episodes o WHERE o.la = w.la AND o.child = w.child
                      AND (o.source_file, o.source_line) <> (w.source_file, w.source_line)
                      AND o.sw_decom BETWEEN w.sw_dec - 5 AND w.sw_dec + 5)
   AND NOT (EXISTS (SELECT 1 FROM ep e WHERE e.la = w.la AND e.child = w.child)
            AND NOT EXISTS (SELECT 1 FROM ep e WHERE e.la = w.la AND e.child = w.child AND e.decom <= $3
                               AND (e.dec IS NULL OR e.dec > $3) AND e.ls IS DISTINCT FROM 'V3' AND e.ls IS DISTINCT FROM 'V4'))
$chk$),
  ('SW11b', 'social workers', 2024, NULL, 'SWEpisodes', '{sw_episodes}'::text[], false, '{}'::text[],
   'A social worker episode ending in the last 5 days of the year (26 to 31 March) with no later episode of the child',
   'Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.',
   'We flag the episode that ended; the validator flags a following row without SW_DECOM instead, and any episode after the first ending in those days even when another follows it. Not asked of a child whose care ended in the year (episodes in the return, none open on 31 March)',
   NULL,
   $chk$
SELECT 'SWEpisodes' AS tbl, w.la, w.child, w.source_file, w.source_line,
       format('social worker episode ended %s and no later one follows it', w.sw_dec) AS msg
  FROM y_sw_episodes w
 WHERE w.sw_dec BETWEEN $3 - 5 AND $3
   AND NOT EXISTS (SELECT 1 FROM y_sw_episodes o WHERE o.la = w.la AND o.child = w.child
                      AND (o.source_file, o.source_line) <> (w.source_file, w.source_line)
                      AND o.sw_decom >= w.sw_dec - 5)
   AND NOT (EXISTS (SELECT 1 FROM ep e WHERE e.la = w.la AND e.child = w.child)
            AND NOT EXISTS (SELECT 1 FROM ep e WHERE e.la = w.la AND e.child = w.child AND e.decom <= $3
                               AND (e.dec IS NULL OR e.dec > $3) AND e.ls IS DISTINCT FROM 'V3' AND e.ls IS DISTINCT FROM 'V4'))
$chk$),
  ('SW12', 'social workers', 2024, NULL, 'Episodes', '{sw_episodes}'::text[], false, '{}'::text[],
   'A child looked after on 31 March who was looked after in the year before the first social worker episode reported for them (flags the child''s first episode in the year)',
   'If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after',
   'The return cannot show social work before care, so we check what it can: a looked-after child has a social worker, so the episodes must reach back to the start of care in the year (or to 1 April). The validator flags each episode starting or ending care with no social worker episode beginning after its start or before its end. Silent for a return loaded without an SWEpisodes file',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, f.la, f.child, f.source_file, f.source_line,
       CASE WHEN s.first_sw IS NULL
            THEN format('looked after from %s, but no social worker episode is reported', greatest(f.decom, $2))
            ELSE format('looked after from %s, but the first social worker episode reported begins %s',
                        greatest(f.decom, $2), s.first_sw) END AS msg
  FROM (SELECT DISTINCT ON (e.la, e.child) e.la, e.child, e.decom, e.source_file, e.source_line
          FROM ep e
         WHERE e.decom <= $3 AND (e.dec IS NULL OR e.dec >= $2) AND e.ls IS DISTINCT FROM 'V3' AND e.ls IS DISTINCT FROM 'V4'
           AND EXISTS (SELECT 1 FROM ep o WHERE o.la = e.la AND o.child = e.child AND o.decom <= $3
                          AND (o.dec IS NULL OR o.dec > $3) AND o.ls IS DISTINCT FROM 'V3' AND o.ls IS DISTINCT FROM 'V4')
         ORDER BY e.la, e.child, e.decom, e.source_line) f
  LEFT JOIN (SELECT w.la, w.child, min(w.sw_decom) AS first_sw FROM y_sw_episodes w GROUP BY w.la, w.child) s
    ON s.la = f.la AND s.child = f.child
 WHERE (s.first_sw IS NULL OR s.first_sw > greatest(f.decom, $2))
   AND NOT EXISTS (SELECT 1 FROM @schema@.returns t WHERE t.la = f.la AND t.year = $1
                      AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(t.files) x
                                       WHERE x->>'module' = 'sw_episodes' OR lower(x->>'name') LIKE '%.xml'))
$chk$),
  ('SW13', 'social workers', 2024, NULL, 'SWEpisodes', '{sw_episodes}'::text[], false, '{}'::text[],
   'SW_REASON is not a reason for a change of social worker (MANAGE, FCONTA, LEFTRL, ORGRST, TSPROC, ABSENC, CHCHAN, PCCHAN, SWDIED, OTHERS), or blank (from 2024-25: blank for an episode beginning on or after 1 April 2023)',
   'The reason for social worker change is either not valid or has not been entered.',
   'Codes are read ignoring case and spaces. DfE''s 2024-25 message reads: The reason for social worker change is not valid. In 2024-25 a blank reason is allowed for an episode that began before 1 April 2023',
   NULL,
   $chk$
SELECT 'SWEpisodes' AS tbl, w.la, w.child, w.source_file, w.source_line,
       CASE WHEN w.sw_reason IS NULL THEN 'SW_REASON (reason for the change of social worker) is blank'
            ELSE format('SW_REASON %s is not a reason for a change of social worker', w.sw_reason) END AS msg
  FROM y_sw_episodes w
 WHERE (w.sw_reason IS NOT NULL
        AND w.sw_reason NOT IN ('MANAGE', 'FCONTA', 'LEFTRL', 'ORGRST', 'TSPROC', 'ABSENC', 'CHCHAN', 'PCCHAN', 'SWDIED', 'OTHERS'))
    OR (w.sw_reason IS NULL AND ($1 < 2025 OR w.sw_decom >= careleaver.collection_year_start(2024)))
$chk$),
  ('SW14', 'social workers', 2024, 2024, 'SWEpisodes', '{sw_episodes}'::text[], false, '{}'::text[],
   'A social worker episode with no SW_DEC that is not the child''s latest (by SW_DECOM)',
   'Social worker episode date ceased is blank.',
   'Rows without SW_DECOM are left out of the order (the validator sorts them last, so they count as the latest). Withdrawn from 2024-25',
   NULL,
   $chk$
SELECT 'SWEpisodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('social worker episode beginning %s has no end date but is not the latest', s.sw_decom) AS msg
  FROM (SELECT w.*, row_number() OVER (PARTITION BY w.la, w.child
                                       ORDER BY w.sw_decom DESC, w.source_file DESC, w.source_line DESC) AS k
          FROM y_sw_episodes w WHERE w.sw_decom IS NOT NULL) s
 WHERE s.sw_dec IS NULL AND s.k > 1
$chk$),
  ('SW17', 'social workers', 2026, NULL, 'SWEpisodes', '{sw_episodes}'::text[], false, '{}'::text[],
   'The child''s latest social worker episode (by SW_DECOM) has an end date: none is open at 31 March',
   'There is no social worker episode open at 31 March',
   'Not asked of a child whose care ended in the year (episodes in the return, none open on 31 March): their social worker may stop; the validator asks it of every child',
   NULL,
   $chk$
SELECT 'SWEpisodes' AS tbl, s.la, s.child, s.source_file, s.source_line,
       format('the latest social worker episode (from %s) ended %s: none is open at 31 March', s.sw_decom, s.sw_dec) AS msg
  FROM (SELECT w.*, row_number() OVER (PARTITION BY w.la, w.child
                                       ORDER BY w.sw_decom DESC, w.source_file DESC, w.source_line DESC) AS k
          FROM y_sw_episodes w WHERE w.sw_decom IS NOT NULL) s
 WHERE s.k = 1 AND s.sw_dec IS NOT NULL
   AND NOT (EXISTS (SELECT 1 FROM ep e WHERE e.la = s.la AND e.child = s.child)
            AND NOT EXISTS (SELECT 1 FROM ep e WHERE e.la = s.la AND e.child = s.child AND e.decom <= $3
                               AND (e.dec IS NULL OR e.dec > $3) AND e.ls IS DISTINCT FROM 'V3' AND e.ls IS DISTINCT FROM 'V4'))
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET
  family = excluded.family,
  since_year = excluded.since_year,
  until_year = excluded.until_year,
  module = excluded.module,
  modules_needed = excluded.modules_needed,
  needs_history = excluded.needs_history,
  refusals = excluded.refusals,
  description = excluded.description,
  message = excluded.message,
  note = excluded.note,
  not_checkable = excluded.not_checkable,
  check_sql = excluded.check_sql;

-- ---------------------------------------------------------------------------
-- Postcodes and distance: DfE derives PL_DISTANCE (miles, one decimal) from HOME_POST and PL_POST; these checks
-- derive it the same way from the dataset's postcode look-up (careleaver.placement_distance_miles, metrics.md
-- 14) and are silent while the look-up is empty.  UASC status (this year or either of the two before) is a row
-- of the UASC module, as rule 392b reads it.

INSERT INTO careleaver.validation_rules
  (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES
  ('164', 'postcodes and distance', NULL, NULL, 'Episodes', '{uasc}'::text[], true, '{}'::text[],
   'Placement distance derived from the postcodes not between 0 and 999.9 miles (not for short breaks or a UASC or former UASC)',
   'Distance is not valid. Please check a valid postcode has been entered.',
   'The distance is derived from the dataset''s postcode look-up; grid references of Great Britain are never that far apart, so only a look-up with grid references out of range can make it flag. Silent while the look-up is empty',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('distance from home %s miles (HOME_POST %s, PL_POST %s) is not between 0 and 999.9',
              careleaver.placement_distance_miles(h.easting, h.northing, p.easting, p.northing), e.home_post, e.pl_post) AS msg
  FROM ep e
  JOIN @schema@.postcodes h ON h.postcode = careleaver.postcode_normalise(e.home_post)
  JOIN @schema@.postcodes p ON p.postcode = careleaver.postcode_normalise(e.pl_post)
 WHERE careleaver.placement_distance_miles(h.easting, h.northing, p.easting, p.northing) > 999.9
   AND e.ls IS DISTINCT FROM 'V3' AND e.ls IS DISTINCT FROM 'V4'
   AND NOT EXISTS (SELECT 1 FROM @schema@.return_uasc u
                    WHERE u.la = e.la AND u.child = e.child AND u.year BETWEEN $1 - 2 AND $1
                      AND (u.sex IS NOT NULL OR u.dob IS NOT NULL OR u.duc IS NOT NULL))
$chk$),
  ('392a', 'postcodes and distance', NULL, NULL, 'Episodes', '{uasc}'::text[], true, '{}'::text[],
   'Looked after (not a short break, not a UASC or former UASC) but no placement distance can be derived: HOME_POST or PL_POST blank, not in the postcode look-up, or without a grid reference',
   'Child is looked after but no distance is recorded.',
   'DfE derives the distance from the postcodes; we derive it from the dataset''s look-up, so a postcode missing from it counts as no distance (392c says which). Silent while the look-up is empty',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('no distance from home can be derived from HOME_POST %s and PL_POST %s',
              coalesce(e.home_post, 'blank'), coalesce(e.pl_post, 'blank')) AS msg
  FROM ep e
  LEFT JOIN @schema@.postcodes h ON h.postcode = careleaver.postcode_normalise(e.home_post)
  LEFT JOIN @schema@.postcodes p ON p.postcode = careleaver.postcode_normalise(e.pl_post)
 WHERE careleaver.placement_distance_miles(h.easting, h.northing, p.easting, p.northing) IS NULL
   AND e.ls IS DISTINCT FROM 'V3' AND e.ls IS DISTINCT FROM 'V4'
   AND EXISTS (SELECT 1 FROM @schema@.postcodes)
   AND NOT EXISTS (SELECT 1 FROM @schema@.return_uasc u
                    WHERE u.la = e.la AND u.child = e.child AND u.year BETWEEN $1 - 2 AND $1
                      AND (u.sex IS NOT NULL OR u.dob IS NOT NULL OR u.duc IS NOT NULL))
$chk$),
  ('392c', 'postcodes and distance', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'HOME_POST or PL_POST given but not a postcode of the look-up (not shaped like a postcode, or not in it)',
   'Postcode(s) provided are invalid.',
   'Postcodes are read ignoring case and spaces (careleaver.postcode_normalise) and looked up in the dataset''s postcode look-up (ONS Postcode Directory); silent while the look-up is empty',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('%s not in the postcode look-up',
              concat_ws(' and ', CASE WHEN h.postcode IS NULL AND nullif(btrim(e.home_post), '') IS NOT NULL THEN 'HOME_POST ' || e.home_post END,
                        CASE WHEN p.postcode IS NULL AND nullif(btrim(e.pl_post), '') IS NOT NULL THEN 'PL_POST ' || e.pl_post END)) AS msg
  FROM ep e
  LEFT JOIN @schema@.postcodes h ON h.postcode = careleaver.postcode_normalise(e.home_post)
  LEFT JOIN @schema@.postcodes p ON p.postcode = careleaver.postcode_normalise(e.pl_post)
 WHERE ((h.postcode IS NULL AND nullif(btrim(e.home_post), '') IS NOT NULL)
        OR (p.postcode IS NULL AND nullif(btrim(e.pl_post), '') IS NOT NULL))
   AND EXISTS (SELECT 1 FROM @schema@.postcodes)
$chk$),
  ('406', 'postcodes and distance', NULL, NULL, 'Episodes', '{uasc}'::text[], true, '{}'::text[],
   'A placement distance can be derived (both postcodes in the look-up) for a UASC or former UASC (a UASC row this year or in either of the two returns before)',
   'Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should be blank.',
   'DfE derives the distance, so for a UASC it comes out blank only when a postcode is blank or not a postcode; we derive it from the dataset''s look-up',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('UASC or formerly UASC, yet a distance from home (%s miles) follows from HOME_POST %s and PL_POST %s',
              careleaver.placement_distance_miles(h.easting, h.northing, p.easting, p.northing), e.home_post, e.pl_post) AS msg
  FROM ep e
  JOIN @schema@.postcodes h ON h.postcode = careleaver.postcode_normalise(e.home_post)
  JOIN @schema@.postcodes p ON p.postcode = careleaver.postcode_normalise(e.pl_post)
 WHERE careleaver.placement_distance_miles(h.easting, h.northing, p.easting, p.northing) IS NOT NULL
   AND EXISTS (SELECT 1 FROM @schema@.return_uasc u
                WHERE u.la = e.la AND u.child = e.child AND u.year BETWEEN $1 - 2 AND $1
                  AND (u.sex IS NOT NULL OR u.dob IS NOT NULL OR u.duc IS NOT NULL))
$chk$),
  ('454', 'postcodes and distance', 2026, NULL, 'Episodes', '{uasc}'::text[], true, '{}'::text[],
   'Placement distance derived from the postcodes over 350 miles (from 2025-26; not for a UASC or former UASC)',
   'Placement distance from home is over 350 miles.',
   'DfE''s 999.9 (distance not known) is never derived, so every distance over 350 miles is flagged. Silent while the look-up is empty',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('distance from home %s miles (HOME_POST %s, PL_POST %s) is over 350 miles',
              careleaver.placement_distance_miles(h.easting, h.northing, p.easting, p.northing), e.home_post, e.pl_post) AS msg
  FROM ep e
  JOIN @schema@.postcodes h ON h.postcode = careleaver.postcode_normalise(e.home_post)
  JOIN @schema@.postcodes p ON p.postcode = careleaver.postcode_normalise(e.pl_post)
 WHERE careleaver.placement_distance_miles(h.easting, h.northing, p.easting, p.northing) > 350
   AND NOT EXISTS (SELECT 1 FROM @schema@.return_uasc u
                    WHERE u.la = e.la AND u.child = e.child AND u.year BETWEEN $1 - 2 AND $1
                      AND (u.sex IS NOT NULL OR u.dob IS NOT NULL OR u.duc IS NOT NULL))
$chk$),
  ('453', 'postcodes and distance', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'The first episode of the year has the same RNE as last year''s open last episode but its distance differs by 0.2 miles or more (or last year''s had none)',
   'Contradiction between placement distance in the last episode of the previous year and in the first episode of the current year.',
   'Distances derived from the dataset''s look-up. Silent without last year''s return or while the look-up is empty',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('distance from home %s miles, but %s at the end of last year', c.miles, coalesce(c.l_miles::text, 'none')) AS msg
  FROM (SELECT f.la, f.child, f.source_file, f.source_line, f.rne, l.rne AS l_rne, l.dec AS l_dec,
               (SELECT careleaver.placement_distance_miles(h.easting, h.northing, p.easting, p.northing)
                  FROM @schema@.postcodes h, @schema@.postcodes p
                 WHERE h.postcode = careleaver.postcode_normalise(f.home_post)
                   AND p.postcode = careleaver.postcode_normalise(f.pl_post)) AS miles,
               (SELECT careleaver.placement_distance_miles(h.easting, h.northing, p.easting, p.northing)
                  FROM @schema@.postcodes h, @schema@.postcodes p
                 WHERE h.postcode = careleaver.postcode_normalise(l.home_post)
                   AND p.postcode = careleaver.postcode_normalise(l.pl_post)) AS l_miles
          FROM (SELECT DISTINCT ON (e.la, e.child) e.* FROM ep e WHERE e.decom IS NOT NULL
                 ORDER BY e.la, e.child, e.decom, e.source_line) f
          JOIN (SELECT DISTINCT ON (x.la, x.child) x.* FROM p_episodes x WHERE x.decom IS NOT NULL
                 ORDER BY x.la, x.child, x.decom DESC, x.source_line DESC) l ON l.la = f.la AND l.child = f.child) c
 WHERE c.l_dec IS NULL AND c.rne IS NOT DISTINCT FROM c.l_rne
   AND (abs(c.miles - c.l_miles) >= 0.2 OR (c.l_miles IS NULL AND c.miles IS NOT NULL))
$chk$),
  ('503G', 'postcodes and distance', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'The first episode of the year''s distance differs by 0.2 miles or more from that of last year''s open last episode (or last year''s had none)',
   'The distance in first episode does not match open episode at end of last year.',
   'Distances derived from the dataset''s look-up. Silent without last year''s return or while the look-up is empty',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('distance from home %s miles, but %s in the episode open at the end of last year', c.miles, coalesce(c.l_miles::text, 'none')) AS msg
  FROM (SELECT f.la, f.child, f.source_file, f.source_line, l.dec AS l_dec,
               (SELECT careleaver.placement_distance_miles(h.easting, h.northing, p.easting, p.northing)
                  FROM @schema@.postcodes h, @schema@.postcodes p
                 WHERE h.postcode = careleaver.postcode_normalise(f.home_post)
                   AND p.postcode = careleaver.postcode_normalise(f.pl_post)) AS miles,
               (SELECT careleaver.placement_distance_miles(h.easting, h.northing, p.easting, p.northing)
                  FROM @schema@.postcodes h, @schema@.postcodes p
                 WHERE h.postcode = careleaver.postcode_normalise(l.home_post)
                   AND p.postcode = careleaver.postcode_normalise(l.pl_post)) AS l_miles
          FROM (SELECT DISTINCT ON (e.la, e.child) e.* FROM ep e WHERE e.decom IS NOT NULL
                 ORDER BY e.la, e.child, e.decom, e.source_line) f
          JOIN (SELECT DISTINCT ON (x.la, x.child) x.* FROM p_episodes x WHERE x.decom IS NOT NULL
                 ORDER BY x.la, x.child, x.decom DESC, x.source_line DESC) l ON l.la = f.la AND l.child = f.child) c
 WHERE c.l_dec IS NULL
   AND (abs(c.miles - c.l_miles) >= 0.2 OR (c.l_miles IS NULL AND c.miles IS NOT NULL))
$chk$),

-- ---------------------------------------------------------------------------
-- Header and UASC rules left from the earlier families

  ('207', 'header', NULL, NULL, 'Header', '{header}'::text[], true, '{}'::text[],
   'MOTHER was 1 in last year''s header but is not 1 this year, for a child with episodes this year',
   'Mother status for the current year disagrees with the mother status already recorded for this child.',
   'A MOTHER the loader refused reads as not 1. Silent without last year''s return',
   NULL,
   $chk$
SELECT 'Header' AS tbl, h.la, h.child, h.source_file, h.source_line,
       format('MOTHER was 1 last year but is %s this year', coalesce(h.mother::text, 'blank')) AS msg
  FROM hdr_y h
  JOIN hdr_p p ON p.la = h.la AND p.child = h.child
 WHERE p.mother::text = '1' AND h.mother::text IS DISTINCT FROM '1'
   AND EXISTS (SELECT 1 FROM ep e WHERE e.la = h.la AND e.child = h.child)
$chk$),
  ('205B', 'UASC', NULL, NULL, 'UASC', '{}'::text[], true, '{}'::text[],
   'UASC last year and this year, but the dates UASC ceased of the two years do not support it',
   'Child previously identified as UASC is also UASC this year, but date UASC ceased in both years does not support this.',
   'DfE''s message does not say which dates support it. The public validator asks that last year''s DUC be the 18th birthday and this year''s be in the year or equal to last year''s; a UASC whose status had not ceased by last 31 March has a blank DUC in last year''s return and would be flagged, so we do not adopt that reading',
   'not checkable: DfE does not state the condition on the two years'' dates UASC ceased',
   NULL),
  ('205C', 'UASC', NULL, NULL, 'UASC', '{}'::text[], true, '{}'::text[],
   'A date UASC ceased given for a child identified as UASC neither this year nor last year',
   'Child not identified as UASC either this year or last year but date UASC ceased has been provided.',
   'The loader records UASC status as a row of the UASC module, made for a child with the header''s UASC flag or a DUC, so a DUC never comes without it; the flag itself is not stored (as for 105). The public validator derives the flag from the same rows in CSV files, so it cannot flag either',
   'not checkable: the dataset does not hold the header''s UASC field (XML returns only)',
   NULL),
  ('303', 'UASC', NULL, NULL, 'UASC, Header', '{}'::text[], false, '{}'::text[],
   'DUC given but the header''s UASC flag is not 1',
   'If date Unaccompanied Asylum-Seeking Child (UASC) status ceased is not null, UASC status must be coded 1.',
   'As 205C: a DUC makes a UASC row, and the header''s flag is not stored',
   'not checkable: the dataset does not hold the header''s UASC field (XML returns only)',
   NULL)
ON CONFLICT (rule_code) DO UPDATE SET
  family = excluded.family,
  since_year = excluded.since_year,
  until_year = excluded.until_year,
  module = excluded.module,
  modules_needed = excluded.modules_needed,
  needs_history = excluded.needs_history,
  refusals = excluded.refusals,
  description = excluded.description,
  message = excluded.message,
  note = excluded.note,
  not_checkable = excluded.not_checkable,
  check_sql = excluded.check_sql;

-- ---------------------------------------------------------------------------
-- Placement council (PL_LA) and location (PL_LOCATION): DfE derives both from PL_POST; these checks derive PL_LA
-- from the dataset's postcode look-up (the upper-tier council of the placement postcode) and PL_LOCATION by
-- comparing it with the council's own code (postcode_councils, else its la), as placement_location_sql does
-- (metrics.md 14); silent while the look-up is empty.

INSERT INTO careleaver.validation_rules
  (rule_code, family, since_year, until_year, module, modules_needed, needs_history, refusals, description, message, note, not_checkable, check_sql)
VALUES
  ('169', 'postcodes and distance', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'No placement council (PL_LA) can be derived: PL_POST blank or not in the postcode look-up (not for short breaks)',
   'Local Authority (LA) of placement is not valid or is missing. Please check a valid postcode has been entered.',
   'PL_LA is derived from PL_POST with the dataset''s look-up, so it is valid whenever present. Silent while the look-up is empty',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('no council of placement follows from PL_POST %s', coalesce(e.pl_post, 'blank')) AS msg
  FROM ep e
 WHERE e.ls IS DISTINCT FROM 'V3' AND e.ls IS DISTINCT FROM 'V4'
   AND (SELECT pc.la_code FROM @schema@.postcodes pc WHERE pc.postcode = careleaver.postcode_normalise(e.pl_post)) IS NULL
   AND EXISTS (SELECT 1 FROM @schema@.postcodes)
$chk$),
  ('179', 'postcodes and distance', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'No placement location (PL_LOCATION, inside or outside the council) can be derived: PL_POST blank or not in the postcode look-up (not for short breaks)',
   'Placement location code is not a valid code.',
   'PL_LOCATION is derived from the placement council, so it is valid whenever present and missing exactly when PL_LA is (rule 169). Silent while the look-up is empty',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('no placement location follows from PL_POST %s', coalesce(e.pl_post, 'blank')) AS msg
  FROM ep e
 WHERE e.ls IS DISTINCT FROM 'V3' AND e.ls IS DISTINCT FROM 'V4'
   AND (SELECT pc.la_code FROM @schema@.postcodes pc WHERE pc.postcode = careleaver.postcode_normalise(e.pl_post)) IS NULL
   AND EXISTS (SELECT 1 FROM @schema@.postcodes)
$chk$),
  ('411', 'postcodes and distance', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'PL_LOCATION disagrees with PL_LA',
   'Placement location code disagrees with LA of placement.',
   'Both are derived from the placement postcode (PL_LOCATION from PL_LA), so they cannot disagree',
   'not checkable: PL_LA and PL_LOCATION are both derived from PL_POST, so they never disagree',
   NULL),
  ('420', 'postcodes and distance', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'A placement council (PL_LA) follows from PL_POST for a short break (V3, V4)',
   'LA of placement completed but child is looked after under legal status V3 or V4.',
   'PL_LA is derived from PL_POST with the dataset''s look-up; rule 214 also asks for no PL_POST on a short break',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('short break (%s), yet PL_POST %s gives a council of placement (%s)', e.ls, e.pl_post, (SELECT pc.la_code FROM @schema@.postcodes pc WHERE pc.postcode = careleaver.postcode_normalise(e.pl_post))) AS msg
  FROM ep e
 WHERE e.ls IN ('V3', 'V4') AND (SELECT pc.la_code FROM @schema@.postcodes pc WHERE pc.postcode = careleaver.postcode_normalise(e.pl_post)) IS NOT NULL
$chk$),
  ('452', 'postcodes and distance', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'The first episode of the year has the same RNE as last year''s open last episode but a different placement council (PL_LA)',
   'Contradiction between local authority of placement code in the last episode of the previous year and in the first episode of the current year.',
   'PL_LA derived from PL_POST with the dataset''s look-up. Silent without last year''s return or while the look-up is empty',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('placement council %s, but %s at the end of last year', coalesce(c.pl_la, 'none'), coalesce(c.l_pl_la, 'none')) AS msg
  FROM (SELECT f.la, f.child, f.source_file, f.source_line, f.rne, l.rne AS l_rne, l.dec AS l_dec,
               (SELECT pc.la_code FROM @schema@.postcodes pc WHERE pc.postcode = careleaver.postcode_normalise(f.pl_post)) AS pl_la, (SELECT pc.la_code FROM @schema@.postcodes pc WHERE pc.postcode = careleaver.postcode_normalise(l.pl_post)) AS l_pl_la
          FROM (SELECT DISTINCT ON (e.la, e.child) e.* FROM ep e WHERE e.decom IS NOT NULL
                 ORDER BY e.la, e.child, e.decom, e.source_line) f
          JOIN (SELECT DISTINCT ON (x.la, x.child) x.* FROM p_episodes x WHERE x.decom IS NOT NULL
                 ORDER BY x.la, x.child, x.decom DESC, x.source_line DESC) l ON l.la = f.la AND l.child = f.child) c
 WHERE c.l_dec IS NULL AND c.rne IS NOT DISTINCT FROM c.l_rne AND c.pl_la IS DISTINCT FROM c.l_pl_la
   AND EXISTS (SELECT 1 FROM @schema@.postcodes)
$chk$),
  ('503H', 'postcodes and distance', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'The first episode of the year has a different placement council (PL_LA) from last year''s open last episode',
   'The placement LA in first episode does not match open episode at end of last year.',
   'PL_LA derived from PL_POST with the dataset''s look-up. Silent without last year''s return or while the look-up is empty',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('placement council %s, but %s in the episode open at the end of last year', coalesce(c.pl_la, 'none'), coalesce(c.l_pl_la, 'none')) AS msg
  FROM (SELECT f.la, f.child, f.source_file, f.source_line, l.dec AS l_dec, (SELECT pc.la_code FROM @schema@.postcodes pc WHERE pc.postcode = careleaver.postcode_normalise(f.pl_post)) AS pl_la, (SELECT pc.la_code FROM @schema@.postcodes pc WHERE pc.postcode = careleaver.postcode_normalise(l.pl_post)) AS l_pl_la
          FROM (SELECT DISTINCT ON (e.la, e.child) e.* FROM ep e WHERE e.decom IS NOT NULL
                 ORDER BY e.la, e.child, e.decom, e.source_line) f
          JOIN (SELECT DISTINCT ON (x.la, x.child) x.* FROM p_episodes x WHERE x.decom IS NOT NULL
                 ORDER BY x.la, x.child, x.decom DESC, x.source_line DESC) l ON l.la = f.la AND l.child = f.child) c
 WHERE c.l_dec IS NULL AND c.pl_la IS DISTINCT FROM c.l_pl_la
   AND EXISTS (SELECT 1 FROM @schema@.postcodes)
$chk$),
  ('503J', 'postcodes and distance', NULL, NULL, 'Episodes', '{}'::text[], true, '{}'::text[],
   'The first episode of the year is placed inside the council where last year''s open last episode was outside, or the reverse (PL_LOCATION)',
   'The placement location in first episode does not match open episode at end of last year.',
   'PL_LOCATION derived from PL_POST with the dataset''s look-up (IN: the placement council is the council''s own). Silent without last year''s return or while the look-up is empty',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, c.la, c.child, c.source_file, c.source_line,
       format('placement location %s, but %s in the episode open at the end of last year', coalesce(c.loc, 'not known'), coalesce(c.l_loc, 'not known')) AS msg
  FROM (SELECT f.la, f.child, f.source_file, f.source_line, l.dec AS l_dec, CASE WHEN (SELECT pc.la_code FROM @schema@.postcodes pc WHERE pc.postcode = careleaver.postcode_normalise(f.pl_post)) = coalesce((SELECT c.la_code FROM @schema@.postcode_councils c WHERE c.la = f.la), f.la) THEN 'IN' WHEN (SELECT pc.la_code FROM @schema@.postcodes pc WHERE pc.postcode = careleaver.postcode_normalise(f.pl_post)) IS NOT NULL THEN 'OUT' END AS loc, CASE WHEN (SELECT pc.la_code FROM @schema@.postcodes pc WHERE pc.postcode = careleaver.postcode_normalise(l.pl_post)) = coalesce((SELECT c.la_code FROM @schema@.postcode_councils c WHERE c.la = l.la), l.la) THEN 'IN' WHEN (SELECT pc.la_code FROM @schema@.postcodes pc WHERE pc.postcode = careleaver.postcode_normalise(l.pl_post)) IS NOT NULL THEN 'OUT' END AS l_loc
          FROM (SELECT DISTINCT ON (e.la, e.child) e.* FROM ep e WHERE e.decom IS NOT NULL
                 ORDER BY e.la, e.child, e.decom, e.source_line) f
          JOIN (SELECT DISTINCT ON (x.la, x.child) x.* FROM p_episodes x WHERE x.decom IS NOT NULL
                 ORDER BY x.la, x.child, x.decom DESC, x.source_line DESC) l ON l.la = f.la AND l.child = f.child) c
 WHERE c.l_dec IS NULL AND c.loc IS DISTINCT FROM c.l_loc
   AND EXISTS (SELECT 1 FROM @schema@.postcodes)
$chk$),
  ('1015', 'postcodes and distance', NULL, NULL, 'Episodes', '{}'::text[], false, '{}'::text[],
   'Own provision (PLACE_PROVIDER PR1), not foster care or adoption (A3-A6, U1-U6) nor a short break, but the placement council derived from PL_POST is not the council',
   'Placement provider is own provision but child not placed in own LA.',
   'The council''s own code is its code in the look-up (postcode_councils, else its la). A placement council that cannot be derived is rule 169''s, not flagged here',
   NULL,
   $chk$
SELECT 'Episodes' AS tbl, e.la, e.child, e.source_file, e.source_line,
       format('own provision (PR1), but PL_POST %s lies in %s, not in the council (%s)', e.pl_post, (SELECT pc.la_code FROM @schema@.postcodes pc WHERE pc.postcode = careleaver.postcode_normalise(e.pl_post)), coalesce((SELECT c.la_code FROM @schema@.postcode_councils c WHERE c.la = e.la), e.la)) AS msg
  FROM ep e
 WHERE e.prov = 'PR1' AND e.ls IS NOT NULL AND e.place IS NOT NULL
   AND e.ls NOT IN ('V3', 'V4') AND e.place NOT IN ('A3', 'A4', 'A5', 'A6', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6')
   AND (SELECT pc.la_code FROM @schema@.postcodes pc WHERE pc.postcode = careleaver.postcode_normalise(e.pl_post)) <> coalesce((SELECT c.la_code FROM @schema@.postcode_councils c WHERE c.la = e.la), e.la)
$chk$)
ON CONFLICT (rule_code) DO UPDATE SET
  family = excluded.family,
  since_year = excluded.since_year,
  until_year = excluded.until_year,
  module = excluded.module,
  modules_needed = excluded.modules_needed,
  needs_history = excluded.needs_history,
  refusals = excluded.refusals,
  description = excluded.description,
  message = excluded.message,
  note = excluded.note,
  not_checkable = excluded.not_checkable,
  check_sql = excluded.check_sql;
