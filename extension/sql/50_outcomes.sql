-- 50_outcomes.sql: outcome metrics over careleaver.care_history (metrics.md 5, 6, 7 and 10):
-- returns home and re-entry, exits from care, placement stability, the care-leaver cohort
-- and OC3 outcome classes, and the US-comparable (CFSR Round 4 style) indicators.
-- See doc/outcomes.md.  data_end everywhere is the last day the data covers.

-- ---------------------------------------------------------------- returns home (metrics.md 6)
CREATE FUNCTION careleaver.returns_home(history careleaver.care_history, data_end date,
    follow_up interval DEFAULT '12 months', family_exits boolean DEFAULT false,
    OUT return_date date, OUT reason careleaver.ceased_reason, OUT reentry_date date,
    OUT days_to_reentry integer, OUT censored boolean, OUT period_start date, OUT follow_up_days integer)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_returns_home' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1;
COMMENT ON FUNCTION careleaver.returns_home(careleaver.care_history, date, interval, boolean) IS
  'Returns home (metrics.md 6): one row per period of care ending on or before data_end with REC E4A or E4B (family_exits: also E13 and E41). reentry_date is the start of the next period of care seen by data_end (NULL when none), days_to_reentry the days between; censored is true when no re-entry is seen within follow_up (default 12 months) and the window [return_date, return_date + follow_up) passes data_end. follow_up_days is days_to_reentry, or data_end + 1 - return_date when none (for km_agg). A re-entry on the day of return cannot happen: it continues the same period of care (metrics.md 3).';

CREATE FUNCTION careleaver.reentered_within(history careleaver.care_history, return_date date,
    within interval, data_end date) RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_reentered_within' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.reentered_within(careleaver.care_history, date, interval, date) IS
  'True when a period of care starts in (return_date, return_date + within), false when none does, NULL when the follow-up is incomplete (return_date + within > data_end + 1), even if a re-entry is already seen: a case is decided by dates only, so the share of true among non-NULL results is an unbiased re-entry rate (metrics.md 6).';

CREATE FUNCTION careleaver.exits(history careleaver.care_history, date_of_birth date, data_end date,
    OUT period_no integer, OUT start_date date, OUT end_date date, OUT duration_days integer,
    OUT end_reason careleaver.ceased_reason, OUT cause integer, OUT exit_route text, OUT censored boolean)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_exits' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;
COMMENT ON FUNCTION careleaver.exits(careleaver.care_history, date, date) IS
  'Time to exit from each period of care starting on or before data_end, for careleaver.km_agg / cif_agg (metrics.md 6 and 8). cause: 0 censored (open at data_end; duration data_end + 1 - start), 1 returned home (E4A, E4B), 2 adopted (E11, E12), 3 special guardianship (E43 to E48), 4 child arrangements order (E41), 5 turned 18 (any other exit on or after the 18th birthday), 6 other (including E13 and unknown reasons). exit_route names the cause.';

-- ---------------------------------------------------------------- stability (metrics.md 7)
CREATE FUNCTION careleaver.placements_in_window(history careleaver.care_history, from_date date, to_date date)
  RETURNS integer
  AS 'MODULE_PATHNAME', 'careleaver_placements_in_window' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.placements_in_window(careleaver.care_history, date, date) IS
  'Placements (metrics.md 3; temporary T0 to T4 not counted) overlapping [from_date, to_date): starting before to_date and in place after from_date or starting on or after it. For collection year 2024 pass 2023-04-01 and 2024-04-01.';

CREATE FUNCTION careleaver.placement_moves(history careleaver.care_history, from_date date, to_date date)
  RETURNS integer
  AS 'MODULE_PATHNAME', 'careleaver_placement_moves' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.placement_moves(careleaver.care_history, date, date) IS
  'Placement moves in [from_date, to_date): placements (temporary ones not counted) starting in the window that are not the first placement of their period of care.';

CREATE FUNCTION careleaver.moves_per_1000_days(history careleaver.care_history, from_date date, to_date date)
  RETURNS double precision
  AS 'MODULE_PATHNAME', 'careleaver_moves_per_1000_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.moves_per_1000_days(careleaver.care_history, date, date) IS
  'careleaver.placement_moves per 1,000 days looked after in [from_date, to_date) (metrics.md 7); NULL when no day is. For a group, sum the moves and days_looked_after and divide: rates do not add up.';

CREATE FUNCTION careleaver.stability(history careleaver.care_history, date_of_birth date, collection_year integer,
    OUT looked_after_on_31_march boolean, OUT placements_in_year integer, OUT three_or_more_placements boolean,
    OUT in_two_year_measure boolean, OUT placements_in_two_years integer, OUT two_year_three_or_more boolean,
    OUT in_long_term_measure boolean, OUT carer_since date, OUT long_term_stable boolean)
  RETURNS record
  AS 'MODULE_PATHNAME', 'careleaver_stability' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.stability(careleaver.care_history, date, integer) IS
  'The DfE placement stability measures for 31 March of collection_year (metrics.md 7): short-term (three or more placements overlapping the year, of children looked after on 31 March), two-year (looked after 2 years or more, three or more placements in the two years) and long-term (under 16, looked after 2.5 years or more; stable when the current carer spell began 2 years or more before). Columns of a measure are NULL when the child is not in its denominator.';

CREATE FUNCTION careleaver.stability_short_term(history careleaver.care_history, collection_year integer)
  RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_stability_short_term' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.stability_short_term(careleaver.care_history, integer) IS
  'DfE short-term measure (metrics.md 7): true when three or more placements overlap the collection year, false otherwise, NULL when not looked after on 31 March (not in the denominator). avg(x::int) is the published percentage.';

CREATE FUNCTION careleaver.stability_two_year(history careleaver.care_history, collection_year integer)
  RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_stability_two_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.stability_two_year(careleaver.care_history, integer) IS
  'Two-year measure (metrics.md 7): for children looked after on 31 March whose period of care began on or before 31 March two years earlier, true when three or more placements overlap the two collection years; NULL when not in the denominator.';

CREATE FUNCTION careleaver.stability_long_term(history careleaver.care_history, date_of_birth date, collection_year integer)
  RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_stability_long_term' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.stability_long_term(careleaver.care_history, date, integer) IS
  'DfE long-term measure (metrics.md 7): for children aged under 16 on 31 March, looked after since 30 months before it or earlier, true when the carer spell holding 31 March began 24 months before it or earlier (carers are kept through RNE L, T and U); NULL when not in the denominator.';

-- ---------------------------------------------------------------- cohort and outcomes (metrics.md 5)
CREATE FUNCTION careleaver.collection_year_birthday(date_of_birth date, collection_year integer,
    OUT age integer, OUT birthday date)
  RETURNS record
  AS 'MODULE_PATHNAME', 'careleaver_collection_year_birthday' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.collection_year_birthday(date, integer) IS
  'The birthday that falls in the collection year (1 April to 31 March; exactly one does) and the age reached on it. A 29 February birthday falls on 1 March in common years (metrics.md 1).';

CREATE FUNCTION careleaver.in_leaver_cohort(history careleaver.care_history, date_of_birth date,
    collection_year integer, age integer) RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_in_leaver_cohort' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.in_leaver_cohort(careleaver.care_history, date, integer, integer) IS
  'In the care-leaver cohort of the collection year at this age (17 to 25; metrics.md 5): the birthday falls in the year and the status on it is relevant or former_relevant; not when looked after on the 17th or 18th birthday (DfE rules 1007, 1016; leaving on the 18th birthday counts as having left). Nobody is at 25: status ends then (metrics.md 4).';

CREATE FUNCTION careleaver.leaver_cohort_age(history careleaver.care_history, date_of_birth date,
    collection_year integer) RETURNS integer
  AS 'MODULE_PATHNAME', 'careleaver_leaver_cohort_age' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.leaver_cohort_age(careleaver.care_history, date, integer) IS
  'The age (17 to 24) at which the young person is in the collection year''s care-leaver cohort (careleaver.in_leaver_cohort), or NULL when not in it.';

CREATE FUNCTION careleaver.leaver_outcome(in_touch careleaver.contact_status, activ careleaver.leaver_activity,
    accom careleaver.leaver_accommodation,
    OUT contact text, OUT excluded boolean, OUT no_information boolean, OUT is_in_touch boolean,
    OUT eet boolean, OUT neet boolean, OUT activity_not_known boolean, OUT higher_education boolean,
    OUT apprenticeship boolean, OUT suitable_accommodation boolean, OUT unsuitable_accommodation boolean,
    OUT accommodation_not_known boolean, OUT homeless_or_insecure boolean)
  RETURNS record
  AS 'MODULE_PATHNAME', 'careleaver_leaver_outcome' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.leaver_outcome(careleaver.contact_status, careleaver.leaver_activity, careleaver.leaver_accommodation) IS
  'Outcome classes of an OC3 record (metrics.md 5). contact: in touch, not in touch, refused contact, no longer requires services, died, returned home, not recorded, or no information (all three codes NULL: no record). excluded (DIED, RHOM) makes every flag NULL; no information makes every flag false; a record without ACTIV or ACCOM counts as not known. So avg(flag::int) over a cohort has the cohort less exclusions, no-information members included, as denominator.';

CREATE FUNCTION careleaver.leaver_outcomes(schema_name text, collection_year integer)
  RETURNS TABLE (la text, child text, age integer, birthday date, in_cohort boolean, has_oc3 boolean,
    status careleaver.leaver_category, in_touch careleaver.contact_status, activ careleaver.leaver_activity,
    accom careleaver.leaver_accommodation, contact text, excluded boolean, no_information boolean,
    is_in_touch boolean, eet boolean, neet boolean, activity_not_known boolean, higher_education boolean,
    apprenticeship boolean, suitable_accommodation boolean, unsuitable_accommodation boolean,
    accommodation_not_known boolean, homeless_or_insecure boolean, basis text)
  LANGUAGE plpgsql STABLE STRICT PARALLEL RESTRICTED
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  IF to_regclass(format('%I.header', schema_name)) IS NULL
     OR to_regclass(format('%I.episodes', schema_name)) IS NULL
     OR to_regclass(format('%I.oc3', schema_name)) IS NULL THEN
    RAISE EXCEPTION 'schema "%" is not a careleaver dataset', schema_name
      USING ERRCODE = '42P01',
            DETAIL = 'It needs the tables header, episodes and oc3.',
            HINT = 'Create them with careleaver.create_dataset(schema_name).';
  END IF;
  PERFORM careleaver.dataset_check_owner(schema_name);  -- never run another role's code (doc/dataset.md)
  PERFORM careleaver.collection_year_birthday(DATE '2000-01-01', collection_year);  -- checks the year
  RETURN QUERY EXECUTE format($q$
    WITH hist AS (
      SELECT e.la, e.child,
             careleaver.care_history_agg(e.decom, e."dec", e.rne, e.ls, e.place, e.rec) AS history
        FROM %1$I.episodes e GROUP BY e.la, e.child
    ), person AS (
      SELECT h.la, h.child, h.dob, hist.history
        FROM %1$I.header h LEFT JOIN hist ON hist.la = h.la AND hist.child = h.child
    ), cohort AS (
      SELECT p.la, p.child, p.dob, p.history,
             careleaver.leaver_cohort_age(p.history, p.dob, $1) AS age
        FROM person p WHERE p.history IS NOT NULL AND p.dob IS NOT NULL
    ), member AS (
      SELECT * FROM cohort c WHERE c.age IS NOT NULL
    ), rec AS (
      SELECT o.la, o.child, o.dob, o.in_touch, o.activ, o.accom FROM %1$I.oc3 o WHERE o.year = $1
    ), coverage AS (%2$s
    ), joined AS (
      SELECT coalesce(m.la, r.la) AS la, coalesce(m.child, r.child) AS child,
             m.child IS NOT NULL AS by_history, r.child IS NOT NULL AS has_oc3,
             r.in_touch, r.activ, r.accom
        FROM member m FULL JOIN rec r ON r.la = m.la AND r.child = m.child
    ), judged AS (
      -- where the covered history does not reach the 14th birthday, the council's OC3 record is the evidence
      -- of membership (metrics.md 11, doc/reporting.md "Coverage")
      SELECT j.*, j.by_history
                  OR (j.has_oc3 AND coalesce(c.history_from > careleaver.birthday(coalesce(p.dob, r.dob), 14), false)
                      AND coalesce(b.age BETWEEN 17 AND 24, false)) AS in_cohort
        FROM joined j
        LEFT JOIN coverage c ON c.la = j.la AND c.collection_year = $1
        LEFT JOIN person p ON p.la = j.la AND p.child = j.child
        LEFT JOIN rec r ON r.la = j.la AND r.child = j.child
        LEFT JOIN LATERAL careleaver.collection_year_birthday(coalesce(p.dob, r.dob), $1) b ON true
    )
    SELECT j.la, j.child, b.age, b.birthday, j.in_cohort, j.has_oc3,
           CASE WHEN p.history IS NOT NULL AND b.birthday IS NOT NULL
                THEN careleaver.leaver_status(p.history, coalesce(p.dob, r.dob), b.birthday) END,
           j.in_touch, j.activ, j.accom,
           o.contact, o.excluded, o.no_information, o.is_in_touch, o.eet, o.neet, o.activity_not_known,
           o.higher_education, o.apprenticeship, o.suitable_accommodation, o.unsuitable_accommodation,
           o.accommodation_not_known, o.homeless_or_insecure,
           CASE WHEN j.by_history THEN 'history' WHEN j.in_cohort THEN 'OC3 record' END
      FROM judged j
      LEFT JOIN person p ON p.la = j.la AND p.child = j.child
      LEFT JOIN rec r ON r.la = j.la AND r.child = j.child
      LEFT JOIN LATERAL careleaver.collection_year_birthday(coalesce(p.dob, r.dob), $1) b ON true
      CROSS JOIN LATERAL careleaver.leaver_outcome(j.in_touch, j.activ, j.accom) o
  $q$, schema_name, careleaver.coverage_sql(schema_name)) USING collection_year;
END
$fn$;
COMMENT ON FUNCTION careleaver.leaver_outcomes(text, integer) IS
  'The care-leaver cohort of a collection year matched against its OC3 records (metrics.md 5), from a dataset schema (careleaver.create_dataset): one row per cohort member (in_cohort; has_oc3 false means "no information", never dropped) and one per OC3 record of someone outside the cohort (in_cohort false), with age and birthday in the year, status on that birthday, the codes and careleaver.leaver_outcome''s classes. Where the loaded returns do not reach a young person''s 14th birthday, their OC3 record of the year puts them in the cohort (basis: history or OC3 record; metrics.md 11).';

-- ---------------------------------------------------------------- US-comparable indicators (metrics.md 10)
CREATE FUNCTION careleaver.cfsr_indicators(history careleaver.care_history, date_of_birth date,
    collection_year integer, data_end date,
    OUT entrant boolean, OUT entry_date date, OUT exit_date date, OUT exit_reason careleaver.ceased_reason,
    OUT permanency_12m boolean, OUT in_reentry_cohort boolean, OUT reentry_12m boolean, OUT reentry_date date,
    OUT placement_moves integer, OUT days_in_care integer)
  RETURNS record
  AS 'MODULE_PATHNAME', 'careleaver_cfsr_indicators' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.cfsr_indicators(careleaver.care_history, date, integer, date) IS
  'US-comparable (CFSR Round 4 style) indicators for the entry cohort of a collection year (metrics.md 10), periods of care shorter than 8 days left out and entry at 18 or over excluded. entrant: the first period in the year starts in it. permanency_12m, reentry_12m: NULL when not in the denominator or the follow-up passes data_end. placement_moves and days_in_care from entry to the year end, the 18th birthday or data_end. See doc/outcomes.md.';

CREATE FUNCTION careleaver.cfsr_permanency_12m(history careleaver.care_history, date_of_birth date,
    collection_year integer, data_end date) RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_cfsr_permanency_12m' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.cfsr_permanency_12m(careleaver.care_history, date, integer, date) IS
  'Permanency in 12 months for children entering care in the collection year (metrics.md 10): true when the entering period ends, before entry + 12 months and before the 18th birthday, by E4A, E4B, E11, E12, E13, E41 or E43 to E48; false otherwise; NULL when not an entrant or when min(entry + 12 months, 18th birthday) > data_end + 1.';

CREATE FUNCTION careleaver.cfsr_reentry_12m(history careleaver.care_history, date_of_birth date,
    collection_year integer, data_end date) RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_cfsr_reentry_12m' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.cfsr_reentry_12m(careleaver.care_history, date, integer, date) IS
  'Re-entry in 12 months (metrics.md 10): for entrants of the collection year who left within 12 months of entry, before 18, home, to relatives or to guardianship (E4A, E4B, E13, E41, E43 to E48; not adoption), true when a period of care (8 days or more) starts within 12 months of leaving; NULL when not in the denominator or exit + 12 months > data_end + 1.';

CREATE FUNCTION careleaver.cfsr_placement_moves(history careleaver.care_history, date_of_birth date,
    collection_year integer, data_end date) RETURNS integer
  AS 'MODULE_PATHNAME', 'careleaver_cfsr_placement_moves' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.cfsr_placement_moves(careleaver.care_history, date, integer, date) IS
  'Placement moves of an entrant of the collection year (metrics.md 10): placements after the first of their period (temporary ones not counted) from entry to the year end, the 18th birthday or data_end; NULL when not an entrant. Rate = 1000 * sum(moves) / sum(careleaver.cfsr_days_in_care).';

CREATE FUNCTION careleaver.cfsr_days_in_care(history careleaver.care_history, date_of_birth date,
    collection_year integer, data_end date) RETURNS integer
  AS 'MODULE_PATHNAME', 'careleaver_cfsr_days_in_care' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.cfsr_days_in_care(careleaver.care_history, date, integer, date) IS
  'Days in care of an entrant of the collection year from entry to the year end, the 18th birthday or data_end (periods shorter than 8 days left out), the denominator of the CFSR moves per 1,000 days; NULL when not an entrant.';
