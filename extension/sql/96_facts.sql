-- The fact layer (issue 13 item 3; doc/facts.md): per child and per (child, collection year) facts
-- computed once from the histories by the core (extension/core/yearfacts.c) and materialised in a
-- dataset by careleaver.refresh, one council at a time, only for councils whose data changed.

CREATE FUNCTION careleaver.child_year_facts(history careleaver.care_history, date_of_birth date,
    first_year integer, last_year integer, data_end date,
    OUT collection_year integer, OUT looked_after_31_march boolean,
    OUT legal_status careleaver.legal_status, OUT placement careleaver.placement_type,
    OUT age_31_march integer, OUT days_looked_after integer,
    OUT periods_started integer, OUT periods_ceased integer, OUT ceased_returned_home integer,
    OUT ceased_adopted integer, OUT ceased_special_guardianship integer,
    OUT placements_in_year integer, OUT three_or_more_placements boolean,
    OUT in_two_year_measure boolean, OUT two_year_three_or_more boolean,
    OUT in_long_term_measure boolean, OUT long_term_stable boolean,
    OUT cohort_age integer, OUT returned_home integer, OUT reentered_within_12_months integer,
    OUT follow_up_incomplete integer)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_child_year_facts' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 3;
COMMENT ON FUNCTION careleaver.child_year_facts(careleaver.care_history, date, integer, integer, date) IS
  'One row per collection year from first_year to last_year (at most 100 years) in which the child has a fact '
  '(looked after at some time in the year or on 31 March, a period of care starting or ending, a care-leaver '
  'cohort age, a return home): looked_after_31_march (careleaver.looked_after_on, metrics.md 1) with the LS and '
  'PLACE of the latest care episode open on 31 March and the age on it; days looked after in the year '
  '(metrics.md 1); periods of care started and ceased in the year, ceased by return home (E4A, E4B), adoption '
  '(E11, E12), special guardianship (E43 to E48) (metrics.md 3 and 6); the columns of careleaver.stability '
  '(metrics.md 7; the long-term measure NULL without a date of birth); careleaver.leaver_cohort_age (metrics.md '
  '5; NULL without a date of birth); returns home in the year on or before data_end with re-entry within 12 '
  'months as careleaver.reentered_within counts it, incomplete follow-ups apart (metrics.md 6). A NULL history '
  'gives no rows. See doc/facts.md.';

CREATE FUNCTION careleaver.care_episode_start_on(history careleaver.care_history, day date) RETURNS date
  AS 'MODULE_PATHNAME', 'careleaver_care_episode_start_on' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.care_episode_start_on(careleaver.care_history, date) IS
  'DECOM of the latest care episode (not a short break) open on day, the last in episode order among those '
  'starting that day: the episode whose LS and PLACE careleaver.child_year_facts gives on 31 March (metrics.md 1 '
  'and 2); NULL when none is open';

-- ---------------------------------------------------------------- the dataset's fact tables

CREATE FUNCTION careleaver.child_period_facts(history careleaver.care_history, date_of_birth date,
    first_year integer, last_year integer, data_end date,
    OUT period_no integer, OUT start_date date, OUT end_date date, OUT end_reason careleaver.ceased_reason,
    OUT start_year integer, OUT end_year integer, OUT first_start_in_year boolean,
    OUT last_end_in_year boolean, OUT start_legal_status careleaver.legal_status,
    OUT start_need careleaver.need_category, OUT duration_days integer, OUT exit_cause integer)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_child_period_facts' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 2;
COMMENT ON FUNCTION careleaver.child_period_facts(careleaver.care_history, date, integer, integer, date) IS
  'One row per period of care (careleaver.periods_of_care, metrics.md 3) starting or ending in the collection '
  'years first_year to last_year (at most 100 years): period_no, start and end dates, end_reason (NULL when open '
  'or unknown), the collection years it starts and ends in, whether it is the child''s first period starting in '
  'its start year and last period ending in its end year, the LS and CIN of its first episode starting on its '
  'first day (short breaks left out), and, with a date of birth, its exit as careleaver.exits(history, '
  'date_of_birth, data_end) gives it: duration_days and exit_cause (0 censored, 1 returned home, 2 adopted, 3 '
  'special guardianship, 4 child arrangements order, 5 turned 18, 6 other; both NULL without a date of birth). '
  'A NULL history gives no rows. See doc/facts.md.';

CREATE FUNCTION careleaver.facts_fill(dataset text, la text, child_partition regclass,
    year_partition regclass, period_partition regclass, first_year integer, last_year integer, data_end date,
    OUT children bigint, OUT child_years bigint, OUT periods bigint)
  RETURNS record
  AS 'MODULE_PATHNAME', 'careleaver_facts_fill' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION careleaver.facts_fill(text, text, regclass, regclass, regclass, integer, integer, date) IS
  'Internal (careleaver.refresh): writes council la''s rows of child_facts, child_year_facts and period_facts '
  'into the three empty partitions given: each child''s history built once by careleaver.care_history_agg with '
  'the header''s date of birth and sex, its careleaver.child_year_facts and careleaver.child_period_facts for '
  'first_year to last_year, in bulk. Runs careleaver.dataset_check_owner first; writes only to plain tables with '
  'the fact tables'' columns and no index, trigger, rule, check constraint or row security. Returns the rows '
  'written (doc/facts.md)';

CREATE FUNCTION careleaver.facts_xid_bits(xid) RETURNS integer
  AS 'MODULE_PATHNAME', 'careleaver_facts_xid_bits' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.facts_xid_bits(xid) IS
  'Internal: a transaction id''s 32 bits as an integer (the fingerprint of careleaver.facts_councils sums row '
  'versions'' xmin with it)';

-- Only the role that owns the dataset schema may refresh its facts (careleaver.dataset_check_owner).
CREATE FUNCTION careleaver.facts_dataset_owner(dataset text) RETURNS regrole
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  owner oid;
BEGIN
  SELECT n.nspowner INTO owner FROM pg_catalog.pg_namespace n WHERE n.nspname = dataset;
  IF owner IS NULL OR to_regclass(format('%I.episodes', dataset)) IS NULL
     OR to_regclass(format('%I.header', dataset)) IS NULL OR to_regclass(format('%I.oc3', dataset)) IS NULL THEN
    RAISE EXCEPTION 'schema "%" is not a careleaver dataset', dataset USING ERRCODE = '3F000',
      HINT = 'Create it with careleaver.create_dataset() and load or generate data first.';
  END IF;
  PERFORM careleaver.dataset_check_owner(dataset);  -- never run another role's code (doc/dataset.md)
  RETURN owner::regrole;
END
$fn$;
COMMENT ON FUNCTION careleaver.facts_dataset_owner(text) IS
  'Internal: the owner of a dataset schema, or an error when the schema is not a dataset or the current role '
  'does not own it (careleaver.dataset_check_owner; careleaver.refresh, careleaver.facts_stale)';

-- Idempotent: creates child_facts, child_year_facts (both partitioned by la) and refresh_state.
CREATE FUNCTION careleaver.facts_create_tables(dataset text) RETURNS void
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, careleaver, pg_temp
  SET client_min_messages = warning
AS $fn$
DECLARE
  owner regrole := careleaver.facts_dataset_owner(dataset);
  t text;
  c record;
BEGIN
  IF to_regclass(format('%I.child_facts', dataset)) IS NOT NULL
     AND to_regclass(format('%I.child_year_facts', dataset)) IS NOT NULL
     AND to_regclass(format('%I.period_facts', dataset)) IS NOT NULL
     AND to_regclass(format('%I.refresh_state', dataset)) IS NOT NULL THEN
    RETURN;                                     -- made before, with their comments
  END IF;
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.child_facts (la text NOT NULL, child text NOT NULL, '
                 'date_of_birth date, sex text, history careleaver.care_history NOT NULL) '
                 'PARTITION BY LIST (la)', dataset);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.child_year_facts (la text NOT NULL, child text NOT NULL, '
                 'collection_year integer NOT NULL, date_of_birth_known boolean NOT NULL, '
                 'looked_after_31_march boolean NOT NULL, legal_status careleaver.legal_status, '
                 'placement careleaver.placement_type, age_31_march integer, days_looked_after integer NOT NULL, '
                 'periods_started integer NOT NULL, periods_ceased integer NOT NULL, '
                 'ceased_returned_home integer NOT NULL, ceased_adopted integer NOT NULL, '
                 'ceased_special_guardianship integer NOT NULL, placements_in_year integer, '
                 'three_or_more_placements boolean, in_two_year_measure boolean, two_year_three_or_more boolean, '
                 'in_long_term_measure boolean, long_term_stable boolean, cohort_age integer, '
                 'returned_home integer NOT NULL, reentered_within_12_months integer NOT NULL, '
                 'follow_up_incomplete integer NOT NULL) PARTITION BY LIST (la)', dataset);
  -- added in 0.2.0 after the two above: a dataset refreshed before gets it here (its facts are stale anyway)
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.period_facts (la text NOT NULL, child text NOT NULL, '
                 'period_no integer NOT NULL, start_date date NOT NULL, end_date date, '
                 'end_reason careleaver.ceased_reason, start_year integer NOT NULL, end_year integer, '
                 'first_start_in_year boolean NOT NULL, last_end_in_year boolean NOT NULL, '
                 'start_legal_status careleaver.legal_status, start_need careleaver.need_category, '
                 'duration_days integer, exit_cause integer) PARTITION BY LIST (la)', dataset);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.refresh_state (la text PRIMARY KEY, '
                 'refreshed_at timestamptz NOT NULL, fingerprint text NOT NULL, data_end date NOT NULL, '
                 'first_year integer NOT NULL, last_year integer NOT NULL, children bigint NOT NULL, '
                 'child_years bigint NOT NULL)', dataset);
  FOREACH t IN ARRAY ARRAY['child_facts', 'child_year_facts', 'period_facts', 'refresh_state'] LOOP
    IF (SELECT c2.relowner FROM pg_catalog.pg_class c2 WHERE c2.oid = format('%I.%I', dataset, t)::regclass)
       <> owner THEN
      EXECUTE format('ALTER TABLE %I.%I OWNER TO %s', dataset, t, owner);
    END IF;
  END LOOP;
  EXECUTE format('COMMENT ON TABLE %I.child_facts IS %L', dataset,
    'One row per child with episodes: the care history built once (careleaver.care_history_agg of every episode '
    'column, metrics.md 1 to 3) with the header''s date of birth and sex; filled by careleaver.refresh, one '
    'partition per council (doc/facts.md)');
  EXECUTE format('COMMENT ON TABLE %I.child_year_facts IS %L', dataset,
    'One row per child and collection year of the council''s reporting window in which the child has a fact '
    '(careleaver.child_year_facts); filled by careleaver.refresh, one partition per council (doc/facts.md)');
  EXECUTE format('COMMENT ON TABLE %I.period_facts IS %L', dataset,
    'One row per period of care of a child starting or ending in the council''s reporting window '
    '(careleaver.child_period_facts): dates, ending, years, first and last in a year, first episode''s LS and CIN, '
    'exit; filled by careleaver.refresh, one partition per council (doc/facts.md)');
  EXECUTE format('COMMENT ON TABLE %I.refresh_state IS %L', dataset,
    'What careleaver.refresh last materialised per council, with the fingerprint of the council''s episodes, '
    'header and OC3 rows at that time; careleaver.facts_stale compares it with the data (doc/facts.md)');
  FOR c IN SELECT * FROM (VALUES
      ('child_facts', 'la', 'Local authority code'),
      ('child_facts', 'child', 'Child identifier'),
      ('child_facts', 'date_of_birth', 'Date of birth from the header; NULL when the child has no header row'),
      ('child_facts', 'sex', 'SEX from the header as loaded'),
      ('child_facts', 'history', 'The child''s care history (careleaver.care_history_agg of every episode, metrics.md 1 to 3)'),
      ('child_year_facts', 'la', 'Local authority code'),
      ('child_year_facts', 'child', 'Child identifier'),
      ('child_year_facts', 'collection_year', 'Collection year, named by the year it ends (metrics.md 1)'),
      ('child_year_facts', 'date_of_birth_known', 'The child has a date of birth (the reporting views count only such children in the stability and cohort measures)'),
      ('child_year_facts', 'looked_after_31_march', 'Looked after on 31 March (careleaver.looked_after_on, metrics.md 1)'),
      ('child_year_facts', 'legal_status', 'LS of the latest care episode open on 31 March (metrics.md 2)'),
      ('child_year_facts', 'placement', 'PLACE of that episode (metrics.md 2)'),
      ('child_year_facts', 'age_31_march', 'Completed years of age on 31 March (careleaver.age_on, metrics.md 1)'),
      ('child_year_facts', 'days_looked_after', 'Days looked after in the year (careleaver.days_looked_after, metrics.md 1)'),
      ('child_year_facts', 'periods_started', 'Periods of care starting in the year (metrics.md 3)'),
      ('child_year_facts', 'periods_ceased', 'Periods of care ending in the year (metrics.md 3)'),
      ('child_year_facts', 'ceased_returned_home', 'Of them, ending with a return home, E4A or E4B (metrics.md 6)'),
      ('child_year_facts', 'ceased_adopted', 'Of them, ending with adoption, E11 or E12 (metrics.md 3)'),
      ('child_year_facts', 'ceased_special_guardianship', 'Of them, ending with a special guardianship order, E43 to E48 (metrics.md 3)'),
      ('child_year_facts', 'placements_in_year', 'Placements overlapping the year, when looked after on 31 March (careleaver.stability, metrics.md 7)'),
      ('child_year_facts', 'three_or_more_placements', 'Short-term measure: three or more placements in the year; NULL when not looked after on 31 March (metrics.md 7)'),
      ('child_year_facts', 'in_two_year_measure', 'In the two-year measure: looked after for 2 years or more on 31 March (metrics.md 7)'),
      ('child_year_facts', 'two_year_three_or_more', 'Two-year measure: three or more placements in the two years; NULL when not in it (metrics.md 7)'),
      ('child_year_facts', 'in_long_term_measure', 'In the long-term measure: under 16, looked after 2.5 years or more (metrics.md 7)'),
      ('child_year_facts', 'long_term_stable', 'Long-term measure: with the same carer for 2 years or more; NULL when not in it (metrics.md 7)'),
      ('child_year_facts', 'cohort_age', 'Age of the care-leaver cohort the young person is in this year (careleaver.leaver_cohort_age, metrics.md 5); NULL when in none'),
      ('child_year_facts', 'returned_home', 'Returns home (E4A, E4B) in the year, on or before the data''s end (careleaver.returns_home, metrics.md 6)'),
      ('child_year_facts', 'reentered_within_12_months', 'Of them, followed by a new period of care within 12 months (careleaver.reentered_within, metrics.md 6)'),
      ('child_year_facts', 'follow_up_incomplete', 'Of them, whose 12-month follow-up passes the data''s end (metrics.md 6)'),
      ('period_facts', 'la', 'Local authority code'),
      ('period_facts', 'child', 'Child identifier'),
      ('period_facts', 'period_no', 'The period''s number in the child''s history (careleaver.periods_of_care, metrics.md 3)'),
      ('period_facts', 'start_date', 'First day of the period of care'),
      ('period_facts', 'end_date', 'Day the period ended; NULL when open'),
      ('period_facts', 'end_reason', 'REC of the period''s last episode; NULL when open or not known'),
      ('period_facts', 'start_year', 'Collection year the period started in (metrics.md 1)'),
      ('period_facts', 'end_year', 'Collection year it ended in; NULL when open'),
      ('period_facts', 'first_start_in_year', 'The child''s first period starting in start_year'),
      ('period_facts', 'last_end_in_year', 'The child''s last period ending in end_year'),
      ('period_facts', 'start_legal_status', 'LS of the period''s first episode starting on its first day, short breaks left out (metrics.md 2)'),
      ('period_facts', 'start_need', 'CIN of that episode'),
      ('period_facts', 'duration_days', 'Days to the exit, or to the data''s end when censored (careleaver.exits, metrics.md 6); NULL without a date of birth'),
      ('period_facts', 'exit_cause', 'Exit route of careleaver.exits: 0 censored, 1 returned home, 2 adopted, 3 special guardianship, 4 child arrangements order, 5 turned 18, 6 other; NULL without a date of birth'),
      ('refresh_state', 'la', 'Local authority code'),
      ('refresh_state', 'refreshed_at', 'When the council''s facts were last materialised (transaction time)'),
      ('refresh_state', 'fingerprint', 'The extension version, and the row count and the sum of a hash of each row version (xmin, ctid) of the council''s episodes, header and OC3 rows then'),
      ('refresh_state', 'data_end', 'The data''s end used: 31 March ending the latest episode date''s collection year (careleaver.data_end, metrics.md 1)'),
      ('refresh_state', 'first_year', 'First collection year materialised: the later of the first episode''s and the last year less 9, as the reporting views'),
      ('refresh_state', 'last_year', 'Last collection year materialised: the latest of the episodes'' and the OC3 records'''),
      ('refresh_state', 'children', 'Rows of child_facts for the council'),
      ('refresh_state', 'child_years', 'Rows of child_year_facts for the council')) AS v(tab, col, description)
     WHERE to_regclass(format('%I.%I', dataset, v.tab)) IS NOT NULL LOOP
    EXECUTE format('COMMENT ON COLUMN %I.%I.%I IS %L', dataset, c.tab, c.col, c.description);
  END LOOP;
END
$fn$;
COMMENT ON FUNCTION careleaver.facts_create_tables(text) IS
  'Internal: creates the fact tables child_facts, child_year_facts, period_facts and refresh_state in a dataset '
  'schema when missing, owned by the dataset''s owner, with comments (doc/facts.md)';

-- The fingerprint and the reporting window of each council now in the data.
CREATE FUNCTION careleaver.facts_councils(dataset text, only_la text DEFAULT NULL)
  RETURNS TABLE (la text, fingerprint text, data_end date, first_year integer, last_year integer)
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.facts_dataset_owner(dataset);
  RETURN QUERY EXECUTE format($q$
    WITH e AS (
      SELECT t.la, count(*) AS n, sum(careleaver.facts_xid_bits(t.xmin)) || '/' || sum(hashtid(t.ctid)) AS hash,
             max(greatest(t.decom, coalesce(t."dec", t.decom))) AS latest, min(t.decom) AS earliest
        FROM %1$I.episodes t %2$s GROUP BY t.la),
    h AS (SELECT t.la, count(*) AS n, sum(careleaver.facts_xid_bits(t.xmin)) || '/' || sum(hashtid(t.ctid)) AS hash
            FROM %1$I.header t %2$s GROUP BY t.la),
    o AS (SELECT t.la, count(*) AS n, sum(careleaver.facts_xid_bits(t.xmin)) || '/' || sum(hashtid(t.ctid)) AS hash, max(t.year) AS last_oc3
            FROM %1$I.oc3 t %2$s GROUP BY t.la),
    -- the reporting views' window: the council's coverage (careleaver.coverage_sql, metrics.md 11): its
    -- returns' years, the data's end 31 March of the last; without returns, the episodes' years (w below).
    -- Read from the returns alone, not through coverage_sql, whose fallback reads every council's episodes
    -- (test/pgtap/96_facts.sql checks the two agree)
    cv AS (SELECT r.la, careleaver.collection_year_end(max(r.year)) AS data_end, min(r.year) AS first_year,
                  max(r.year) AS last_year
             FROM (%3$s) r WHERE $1 IS NULL OR r.la = $1 GROUP BY r.la),
    w AS (
      SELECT e.la, e.n AS en, e.hash AS eh, h.n AS hn, h.hash AS hh, o.n AS o_n, o.hash AS oh,
             coalesce(cv.data_end, careleaver.data_end(e.latest)) AS data_end,
             coalesce(cv.first_year, careleaver.collection_year_of(e.earliest)) AS first_entry_year,
             coalesce(cv.last_year, greatest(careleaver.collection_year_of(e.latest), o.last_oc3)) AS last_year
        FROM e LEFT JOIN h USING (la) LEFT JOIN o USING (la) LEFT JOIN cv USING (la))
    SELECT w.la,
           concat_ws(':', (SELECT x.extversion FROM pg_catalog.pg_extension x WHERE x.extname = 'careleaver'),
                     'facts-3',  -- the fact tables' layout: facts made with fewer tables are stale
                     w.en, w.eh, coalesce(w.hn, 0), coalesce(w.hh, '0'), coalesce(w.o_n, 0), coalesce(w.oh, '0'),
                     -- the window too: a return loaded or removed can move the coverage without any episode
                     w.data_end, greatest(w.first_entry_year, w.last_year - 9), w.last_year),
           w.data_end, greatest(w.first_entry_year, w.last_year - 9), w.last_year
      FROM w$q$, dataset,
    -- one council: read through the tables' (la, ...) keys, whatever the other councils hold
    CASE WHEN only_la IS NULL THEN '' ELSE 'WHERE t.la = $1' END, careleaver.dataset_returns_sql(dataset)) USING only_la;
END
$fn$;
COMMENT ON FUNCTION careleaver.facts_councils(text, text) IS
  'Internal: per council with episodes (only only_la when given), the fingerprint of its episodes, header and '
  'OC3 rows (row counts, sums of each row version''s xmin and of a hash of its ctid, which every insert, update '
  'and delete changes, with the extension version and the window), and the reporting views'' window: the data''s '
  'end and the last ten collection years of the council''s coverage (careleaver.coverage_sql, metrics.md 11; '
  'doc/facts.md). With only_la, it reads that council''s rows through the tables'' keys';

CREATE FUNCTION careleaver.facts_stale(dataset text, council text DEFAULT NULL)
  RETURNS TABLE (la text, reason text)
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  only_la text := council;
BEGIN
  PERFORM careleaver.facts_dataset_owner(dataset);
  IF to_regclass(format('%I.refresh_state', dataset)) IS NULL THEN
    RETURN QUERY SELECT c.la, 'never refreshed'::text FROM careleaver.facts_councils(dataset, only_la) c ORDER BY 1;
    RETURN;
  END IF;
  RETURN QUERY EXECUTE format($q$
    SELECT coalesce(c.la, s.la),
           CASE WHEN s.la IS NULL THEN 'never refreshed'
                WHEN c.la IS NULL THEN 'no longer in the data'
                ELSE 'changed since ' || s.refreshed_at::text END
      FROM careleaver.facts_councils($1, $2) c
      FULL JOIN (SELECT * FROM %1$I.refresh_state r WHERE $2 IS NULL OR r.la = $2) s ON s.la = c.la
     WHERE s.la IS NULL OR c.la IS NULL OR s.fingerprint <> c.fingerprint
     ORDER BY 1$q$, dataset) USING dataset, only_la;
END
$fn$;
COMMENT ON FUNCTION careleaver.facts_stale(text, text) IS
  'The councils of a dataset (only council when given) whose materialised facts (careleaver.refresh) no longer '
  'match the data: never refreshed, changed since (episodes, header or OC3 rows added, removed or altered, or '
  'the extension updated), or no longer in the data. No rows: every figure read from the fact tables is '
  'current. With council, it reads only that council''s rows (doc/facts.md)';

CREATE FUNCTION careleaver.facts_require_current(dataset text, la text DEFAULT NULL)
  RETURNS boolean
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  stale text;
BEGIN
  SELECT string_agg(format('%s (%s)', s.la, s.reason), ', ' ORDER BY s.la) INTO stale
    FROM careleaver.facts_stale(dataset, la) s;
  IF stale IS NOT NULL THEN
    RAISE EXCEPTION 'the facts of dataset "%" are not current for council %', dataset, stale
      USING ERRCODE = '55000',
            DETAIL = 'Figures read from child_facts and child_year_facts would not match the episodes, header and OC3 rows.',
            HINT = format('Run SELECT * FROM careleaver.refresh(%L%s); as the dataset''s owner (a load through '
                          'careleaver.reconcile does it in its transaction).', dataset,
                          CASE WHEN la IS NULL THEN '' ELSE format(', %L', la) END);
  END IF;
  RETURN true;
END
$fn$;
COMMENT ON FUNCTION careleaver.facts_require_current(text, text) IS
  'True when the fact tables of a dataset are current (careleaver.facts_stale has no row; only council la when '
  'given); otherwise SQLSTATE 55000 naming the stale councils, with a hint to run careleaver.refresh. For views '
  'and reports that read the fact tables: WHERE careleaver.facts_require_current(dataset, la) (doc/facts.md)';

-- The partition of a fact table for one council: the code itself when it is a plain short code.
CREATE FUNCTION careleaver.facts_partition_name(fact_table text, la text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT fact_table || '_' || CASE WHEN la ~ '^[A-Za-z0-9]{1,30}$' THEN la ELSE 'h' || left(md5(la), 24) END
$$;
COMMENT ON FUNCTION careleaver.facts_partition_name(text, text) IS
  'Internal: the name of the partition of child_facts or child_year_facts holding one council';

-- An optional episode column of a dataset as SQL: e.<column>, or a NULL of its type when a dataset made by
-- hand (doc/reporting.md) does not have it.
CREATE FUNCTION careleaver.facts_episode_column(dataset text, column_name text, column_type text) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                            WHERE a.attrelid = format('%I.episodes', dataset)::regclass
                              AND a.attname = column_name AND a.attnum > 0 AND NOT a.attisdropped)
              THEN format('e.%I', column_name) ELSE format('NULL::%s', column_type) END
$$;
COMMENT ON FUNCTION careleaver.facts_episode_column(text, text, text) IS
  'Internal: SQL for an optional column of a dataset''s episodes (alias e): the column, or NULL of its type when '
  'a dataset made by hand lacks it (careleaver.refresh)';

-- default_statistics_target 10: the ANALYZE of the filled partitions samples 3,000 rows, not 30,000; their
-- columns hold few values each (years, flags, small counts), and the default cost more than the filling.
CREATE FUNCTION careleaver.refresh(dataset text, la text DEFAULT NULL)
  RETURNS TABLE (council text, action text, children bigint, child_years bigint)
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, careleaver, pg_temp
  SET client_min_messages = warning
  SET default_statistics_target = 10
AS $fn$
DECLARE
  only_la text := la;
  owner regrole;
  c record;
  part_c text;
  part_y text;
  part_p text;
  fact_table text;
  part text;
  n_children bigint;
  n_years bigint;
BEGIN
  PERFORM careleaver.facts_create_tables(dataset);
  owner := careleaver.facts_dataset_owner(dataset);
  -- the dataset's lock, the one loads and reconciles take (load_staged): a refresh waits for them
  -- and they for it; inside a load's own transaction it is already held
  PERFORM pg_advisory_xact_lock(hashtext('careleaver.load_staged'), hashtext(dataset));
  EXECUTE format('LOCK TABLE %I.refresh_state IN SHARE ROW EXCLUSIVE MODE', dataset);
  FOR c IN EXECUTE format($q$
      SELECT coalesce(f.la, s.la) AS la, f.la IS NULL AS removed, f.fingerprint, f.data_end, f.first_year,
             f.last_year
        FROM careleaver.facts_councils($1, $2) f
        FULL JOIN (SELECT * FROM %1$I.refresh_state r WHERE $2 IS NULL OR r.la = $2) s ON s.la = f.la
       WHERE s.la IS NULL OR f.la IS NULL OR s.fingerprint <> f.fingerprint
       ORDER BY 1$q$, dataset) USING dataset, only_la LOOP
    part_c := careleaver.facts_partition_name('child_facts', c.la);
    part_y := careleaver.facts_partition_name('child_year_facts', c.la);
    part_p := careleaver.facts_partition_name('period_facts', c.la);
    IF c.removed THEN
      EXECUTE format('DROP TABLE IF EXISTS %I.%I, %I.%I, %I.%I', dataset, part_c, dataset, part_y, dataset, part_p);
      EXECUTE format('DELETE FROM %I.refresh_state s WHERE s.la = $1', dataset) USING c.la;
      PERFORM careleaver.characteristics_fill(dataset, c.la);   -- the equality lens (93_equality.sql)
      council := c.la; action := 'removed'; children := 0; child_years := 0;
      RETURN NEXT;
      CONTINUE;
    END IF;
    -- an empty partition of each fact table for the council
    FOREACH fact_table IN ARRAY ARRAY['child_facts', 'child_year_facts', 'period_facts'] LOOP
      part := careleaver.facts_partition_name(fact_table, c.la);
      IF to_regclass(format('%I.%I', dataset, part)) IS NULL THEN
        EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.%I FOR VALUES IN (%L)',
                       dataset, part, dataset, fact_table, c.la);
        IF owner::oid <> (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) THEN
          EXECUTE format('ALTER TABLE %I.%I OWNER TO %s', dataset, part, owner);
        END IF;
      ELSE
        EXECUTE format('TRUNCATE %I.%I', dataset, part);
      END IF;
    END LOOP;
    -- each history built once, its year facts computed from it in memory, both written in bulk (facts_fill)
    SELECT f.children, f.child_years INTO n_children, n_years
      FROM careleaver.facts_fill(dataset, c.la, format('%I.%I', dataset, part_c)::regclass,
                                 format('%I.%I', dataset, part_y)::regclass,
                                 format('%I.%I', dataset, part_p)::regclass, c.first_year, c.last_year,
                                 c.data_end) f;
    PERFORM careleaver.characteristics_fill(dataset, c.la);     -- the equality lens (93_equality.sql)
    -- statistics for the reporting views' plans at once (autovacuum cannot see rows of an open transaction)
    EXECUTE format('ANALYZE %I.%I, %I.%I, %I.%I', dataset, part_c, dataset, part_y, dataset, part_p);
    EXECUTE format('INSERT INTO %I.refresh_state AS s VALUES ($1, now(), $2, $3, $4, $5, $6, $7) '
                   'ON CONFLICT (la) DO UPDATE SET refreshed_at = excluded.refreshed_at, '
                   'fingerprint = excluded.fingerprint, data_end = excluded.data_end, '
                   'first_year = excluded.first_year, last_year = excluded.last_year, '
                   'children = excluded.children, child_years = excluded.child_years', dataset)
      USING c.la, c.fingerprint, c.data_end, c.first_year, c.last_year, n_children, n_years;
    council := c.la; action := 'refreshed'; children := n_children; child_years := n_years;
    RETURN NEXT;
  END LOOP;
END
$fn$;
COMMENT ON FUNCTION careleaver.refresh(text, text) IS
  'Materialises the fact layer of a dataset (doc/facts.md): child_facts (one care history per child, built '
  'once), child_year_facts (careleaver.child_year_facts for the last ten collection years) and period_facts '
  '(careleaver.child_period_facts), one partition per council, for the councils careleaver.facts_stale lists (only la when given); councils no longer in the '
  'data are dropped. Returns one row per council (council, action refreshed or removed, rows written); no rows when nothing changed. Only '
  'the dataset''s owner may run it. careleaver.reconcile (so every load through careleaver-load) and '
  'careleaver.generate_synthetic call it for the councils they change, in their transaction, so that the facts '
  'are never stale after a load';
