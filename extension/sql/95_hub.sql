-- 95_hub.sql: regional and national pooling across council servers (issue 8; doc/regional-hub.md).
--
-- Strict by default (issue 18): a council's dataset owner runs careleaver.create_council_export(dataset)
-- on its own server, which makes schema <dataset>_export holding only aggregate states and counts per
-- council and year (council_counts, exit_states, reentry_states, transition_states, and the
-- additive reporting views).  The views run with their owner's rights, so the hub's remote role
-- needs USAGE on that schema and SELECT on its views, and nothing on the dataset's tables.
-- A hub database (with postgres_fdw) runs careleaver.create_hub(hub) once and
-- careleaver.hub_attach_council(...) per council: the export views become foreign partitions (by
-- la) of the hub's tables, and the pooled figures merge the states (km_merge, cif_merge,
-- transition_matrix_merge) at the hub.  strict => false is the DBA's opt-in to child-level rows
-- (pool_exits, pool_returns_home, pool_trajectories, no child identifier) in the export schema.
-- careleaver.pseudonymise_child is the keyed child key for the cases that need linkage.

-- ---------------------------------------------------------------- names
CREATE FUNCTION careleaver.hub_pooled_tables(
    OUT table_name text, OUT kind text, OUT description text)
  RETURNS SETOF record
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT * FROM (VALUES
    ('council_counts'::text, 'export'::text, 'Counts per council: children and episodes (careleaver.create_council_export)'::text),
    ('exit_states', 'export', 'Per council and collection year of entry: careleaver.cif_agg and km_agg states of the periods of care; no row per period'),
    ('reentry_states', 'export', 'Per council and collection year of the return home: careleaver.km_agg state of days to re-entry; no row per return'),
    ('transition_states', 'export', 'Per council: careleaver.transition_matrix_agg of the care leavers'' OC3 trajectories; no row per young person'),
    ('flow_states', 'export', 'Per council: careleaver.flow_model_agg of the children''s histories over the 36 months ending on the data''s end (doc/sufficiency.md); counts only')
  ) AS t(table_name, kind, description)
$$;
COMMENT ON FUNCTION careleaver.hub_pooled_tables() IS
  'The aggregate states and counts a regional hub pools from each council''s <dataset>_export schema (careleaver.create_council_export), with what they hold. '
  'The reporting views pooled beside them are those careleaver.hub_report_pooling finds additive. Never a child-level table';

-- Which registered reporting views (careleaver.report_views) of a dataset or hub layout schema a hub can
-- pool, and how, read from the views' column types so that a view added to the registry pools without
-- code here: counts (bigint) added over the councils, grouped by the other columns.
CREATE FUNCTION careleaver.hub_report_pooling(schema_name text)
  RETURNS TABLE (view_name text, pooling text, key_columns text[], count_columns text[], derived_columns text[])
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);  -- never run another role's code (doc/dataset.md)
  RETURN QUERY
  WITH cols AS (
    SELECT r.view_name, r.position, a.attnum, a.attname::text AS col, a.atttypid AS typ
      FROM careleaver.report_views r
      JOIN pg_catalog.pg_class c ON c.relname = r.view_name AND c.relkind = 'v'
                                AND c.relnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = schema_name)
      JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE NOT r.published),
  shape AS (
    SELECT k.view_name, min(k.position) AS position,
           array_agg(k.col ORDER BY k.attnum) AS all_columns,
           array_agg(k.col::text || ':' || k.typ::regtype::text ORDER BY k.attnum) AS signature,
           array_agg(k.col ORDER BY k.attnum) FILTER (WHERE k.col <> 'la' AND k.typ IN
             ('text'::regtype, 'integer'::regtype, 'smallint'::regtype, 'boolean'::regtype, 'date'::regtype)) AS keys,
           array_agg(k.col ORDER BY k.attnum) FILTER (WHERE k.typ = 'bigint'::regtype) AS counts,
           array_agg(k.col ORDER BY k.attnum) FILTER (WHERE k.typ IN ('numeric'::regtype, 'double precision'::regtype, 'real'::regtype)) AS derived,
           count(*) FILTER (WHERE k.col <> 'la' AND k.typ NOT IN ('text'::regtype, 'integer'::regtype, 'smallint'::regtype,
             'boolean'::regtype, 'date'::regtype, 'bigint'::regtype, 'numeric'::regtype, 'double precision'::regtype,
             'real'::regtype)) AS others,
           bool_or(k.col = 'la' AND k.attnum = 1 AND k.typ = 'text'::regtype) AS la_first
      FROM cols k GROUP BY k.view_name),
  framework AS (SELECT s.signature FROM shape s WHERE s.view_name = 'national_framework')
  SELECT s.view_name,
         CASE WHEN s.signature = (SELECT f.signature FROM framework f) THEN 'national_framework'
              WHEN s.derived IS NULL THEN 'sum'
              ELSE 'counts' END,
         CASE WHEN s.signature = (SELECT f.signature FROM framework f) THEN ARRAY['collection_year', 'ordinal']
              ELSE coalesce(s.keys, '{}') END,
         s.counts, coalesce(s.derived, '{}')
    FROM shape s
   WHERE s.la_first AND s.counts IS NOT NULL AND s.others = 0
   ORDER BY s.position;
END
$fn$;
COMMENT ON FUNCTION careleaver.hub_report_pooling(text) IS
  'The registered reporting views (careleaver.report_views, not the published variants) of the dataset or hub schema that a regional hub pools, read from their column types: '
  'pooling sum (every column but the keys is a count: added over the councils, grouped by key_columns), counts (the counts added, the derived columns such as rates and medians left NULL: they are not additive) '
  'or national_framework (the Dashboard row shape: numerators and denominators added per year and row, the value recomputed). Views with no count (bigint) column are not pooled. '
  'create_council_export exports these views and create_hub pools them (doc/regional-hub.md)';

CREATE FUNCTION careleaver.hub_partition_name(table_name text, la text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $$ SELECT table_name || '_' || lower(la) $$;
COMMENT ON FUNCTION careleaver.hub_partition_name(text, text) IS
  'Name of the hub''s foreign partition of a pooled table for one council: table_la (e.g. episodes_e09000027)';

-- ---------------------------------------------------------------- council side
CREATE FUNCTION careleaver.create_council_export(dataset_schema text, data_end date DEFAULT NULL,
    strict boolean DEFAULT true)
  RETURNS SETOF text
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, careleaver, pg_temp
  SET client_min_messages = warning
AS $fn$
DECLARE
  -- the last day the data covers: given, or 31 March of the collection year of the latest date
  data_end_sql text := CASE WHEN data_end IS NOT NULL THEN format('%L::date', data_end) ELSE
    'careleaver.data_end(max(greatest(e.decom, coalesce(e."dec", e.decom))))' END;
  export text := dataset_schema || '_export';  -- the export schema beside the dataset
  owner_oid oid;
  hist text;
  periods text;
  returns text;
  leavers text;
  v record;
  t record;
BEGIN
  PERFORM careleaver.dataset_check_owner(dataset_schema);  -- never run another role's code (doc/dataset.md)
  IF dataset_schema IS NULL OR to_regclass(format('%I.episodes', dataset_schema)) IS NULL
     OR to_regclass(format('%I.header', dataset_schema)) IS NULL
     OR to_regclass(format('%I.oc3', dataset_schema)) IS NULL THEN
    RAISE EXCEPTION 'schema "%" is not a careleaver dataset', dataset_schema
      USING ERRCODE = '42P01',
            DETAIL = 'It needs the tables header, episodes and oc3.',
            HINT = 'Create them with careleaver.create_dataset(schema_name) and load the returns first.';
  END IF;
  IF strict IS NULL THEN
    RAISE EXCEPTION 'strict must be true or false, not NULL' USING ERRCODE = '22004';
  END IF;
  -- The export schema is the dataset owner's: its views run with the owner's rights, so the
  -- hub's role needs no grant on the dataset's tables.  Never adopt another role's schema.
  SELECT n.nspowner INTO owner_oid FROM pg_catalog.pg_namespace n WHERE n.nspname = dataset_schema;
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', export);
  IF (SELECT n.nspowner FROM pg_catalog.pg_namespace n WHERE n.nspname = export) <> owner_oid THEN
    RAISE EXCEPTION 'schema "%" exists and is not owned by the owner of dataset "%"', export, dataset_schema
      USING ERRCODE = '42501',
            HINT = 'Drop or rename it: create_council_export keeps the export schema of a dataset beside it, with its owner.';
  END IF;
  EXECUTE format('COMMENT ON SCHEMA %I IS %L', export, format(
    'Export of dataset %s for a regional hub (careleaver.create_council_export): aggregate states and counts per council and year, %s. '
    'Grant the hub''s role USAGE on this schema and SELECT on its views, nothing else (doc/regional-hub.md)',
    dataset_schema, CASE WHEN strict THEN 'never a row per child, period or return'
                         ELSE 'and, by the DBA''s opt-in (strict => false), rows per period, return and care leaver without child identifier' END));
  -- the export views of 0.1.0 lived in the dataset schema; the hub no longer reads them
  FOR v IN SELECT unnest(ARRAY['pool_exits', 'pool_returns_home', 'pool_trajectories']) AS name LOOP
    EXECUTE format('DROP VIEW IF EXISTS %I.%I', dataset_schema, v.name);
    IF strict THEN
      EXECUTE format('DROP VIEW IF EXISTS %I.%I', export, v.name);
    END IF;
  END LOOP;

  hist := format($q$
  data_end AS (
    SELECT e.la, %2$s AS data_end FROM %1$I.episodes e GROUP BY e.la),
  history AS (
    SELECT e.la, e.child,
           careleaver.care_history_agg(e.decom, e."dec", e.rne, e.ls, e.place, e.rec) AS history
      FROM %1$I.episodes e GROUP BY e.la, e.child)$q$, dataset_schema, data_end_sql);
  periods := format($q$
  periods AS (
    SELECT h.la, careleaver.collection_year_of(x.start_date) AS entry_year,
           x.duration_days, x.cause, x.exit_route
      FROM history h
      JOIN %1$I.header p ON p.la = h.la AND p.child = h.child
      JOIN data_end d ON d.la = h.la
      CROSS JOIN LATERAL careleaver.exits(h.history, p.dob, d.data_end) x)$q$, dataset_schema);
  returns := $q$
  home AS (
    SELECT h.la, careleaver.collection_year_of(r.return_date) AS return_year,
           r.follow_up_days, r.reentry_date IS NOT NULL AS reentered
      FROM history h
      JOIN data_end d ON d.la = h.la
      CROSS JOIN LATERAL careleaver.returns_home(h.history, d.data_end) r)$q$;
  leavers := format($q$
  leavers AS (
    SELECT o.la, careleaver.leaver_trajectory_agg(b.age, o.in_touch, o.activ, o.accom) AS trajectory
      FROM %1$I.oc3 o
      CROSS JOIN LATERAL careleaver.collection_year_birthday(o.dob, o.year) b
     WHERE b.age BETWEEN 17 AND 25
     GROUP BY o.la, o.child)$q$, dataset_schema);

  -- ---- strict: states and counts per council (and year)
  EXECUTE format($q$CREATE OR REPLACE VIEW %1$I.council_counts AS
SELECT coalesce(h.la, e.la) AS la, coalesce(h.children, 0)::bigint AS children, coalesce(e.episodes, 0)::bigint AS episodes
  FROM (SELECT p.la, count(*) AS children FROM %2$I.header p GROUP BY p.la) h
  FULL JOIN (SELECT p.la, count(*) AS episodes FROM %2$I.episodes p GROUP BY p.la) e ON e.la = h.la$q$,
    export, dataset_schema);
  EXECUTE format($q$CREATE OR REPLACE VIEW %1$I.exit_states AS
WITH %2$s, %3$s
SELECT la, entry_year, count(*)::bigint AS periods,
       careleaver.cif_agg(duration_days, cause) AS exits,
       careleaver.km_agg(duration_days, cause <> 0) AS time_in_care
  FROM periods GROUP BY la, entry_year$q$, export, hist, periods);
  EXECUTE format($q$CREATE OR REPLACE VIEW %1$I.reentry_states AS
WITH %2$s, %3$s
SELECT la, return_year, count(*)::bigint AS returns_home,
       careleaver.km_agg(follow_up_days, reentered) AS reentry
  FROM home GROUP BY la, return_year$q$, export, hist, returns);
  EXECUTE format($q$CREATE OR REPLACE VIEW %1$I.transition_states AS
WITH %2$s
SELECT la, count(*)::bigint AS care_leavers, careleaver.transition_matrix_agg(trajectory) AS transitions
  FROM leavers GROUP BY la$q$, export, leavers);
  -- the flow model of doc/sufficiency.md over the 36 months ending on the data's end, only when the loaded
  -- returns cover that window (as careleaver.dataset_flow_model): the hub merges it (flow_model_merge)
  EXECUTE format($q$CREATE OR REPLACE VIEW %1$I.flow_states AS
WITH %2$s,
  win AS (
    SELECT d.la, d.data_end AS start_date, 36 AS reference_months,
           EXISTS (SELECT 1 FROM (%4$s) c WHERE c.la = d.la AND c.history_from <= (d.data_end - make_interval(months => 36))::date
                                            AND c.covered_to >= d.data_end) AS covered
      FROM data_end d)
SELECT w.la, w.start_date, w.reference_months,
       CASE WHEN w.covered THEN careleaver.flow_model_agg(h.history, p.dob, w.start_date, w.reference_months) END AS model,
       CASE WHEN NOT w.covered THEN 'the loaded returns do not cover the 36 months before the data''s end (metrics.md 11)' END
         AS not_available_reason
  FROM win w JOIN history h ON h.la = w.la JOIN %3$I.header p ON p.la = h.la AND p.child = h.child
 GROUP BY w.la, w.start_date, w.reference_months, w.covered$q$,
    export, hist, dataset_schema, careleaver.coverage_sql(dataset_schema));
  FOR t IN SELECT * FROM careleaver.council_export_views() c WHERE c.strict LOOP
    EXECUTE format('COMMENT ON VIEW %I.%I IS %L', export, t.view_name, t.description);
    EXECUTE format('COMMENT ON COLUMN %I.%I.%I IS %L', export, t.view_name, t.column_name, t.column_description);
  END LOOP;

  -- the reporting views (doc/reporting.md) a hub can pool: counts per council, year and breakdown
  PERFORM careleaver.create_reports(dataset_schema);
  FOR t IN SELECT * FROM careleaver.hub_report_pooling(dataset_schema) LOOP
    EXECUTE format('CREATE OR REPLACE VIEW %1$I.%3$I AS SELECT * FROM %2$I.%3$I', export, dataset_schema, t.view_name);
    EXECUTE format('COMMENT ON VIEW %I.%I IS %L', export, t.view_name,
                   format('Export for a regional hub: %s.%s as it is (counts per council, year and breakdown; careleaver.hub_report_pooling: %s)',
                          dataset_schema, t.view_name, t.pooling));
    FOR v IN SELECT a.attname::text AS column_name, d.description
               FROM pg_catalog.pg_attribute a
               JOIN pg_catalog.pg_description d ON d.objoid = a.attrelid AND d.objsubid = a.attnum
                AND d.classoid = 'pg_catalog.pg_class'::regclass
              WHERE a.attrelid = format('%I.%I', dataset_schema, t.view_name)::regclass AND a.attnum > 0 LOOP
      EXECUTE format('COMMENT ON COLUMN %I.%I.%I IS %L', export, t.view_name, v.column_name, v.description);
    END LOOP;
  END LOOP;

  -- ---- opt-in (strict => false): one row per period, return home and care leaver, no child identifier
  IF NOT strict THEN
    EXECUTE format('CREATE OR REPLACE VIEW %1$I.pool_exits AS WITH %2$s, %3$s '
                   'SELECT la, entry_year, duration_days, cause, exit_route FROM periods', export, hist, periods);
    EXECUTE format('CREATE OR REPLACE VIEW %1$I.pool_returns_home AS WITH %2$s, %3$s '
                   'SELECT la, return_year, follow_up_days, reentered FROM home', export, hist, returns);
    EXECUTE format('CREATE OR REPLACE VIEW %1$I.pool_trajectories AS WITH %2$s SELECT la, trajectory FROM leavers',
                   export, leavers);
    FOR t IN SELECT * FROM careleaver.council_export_views() c WHERE NOT c.strict LOOP
      EXECUTE format('COMMENT ON VIEW %I.%I IS %L', export, t.view_name, t.description);
      EXECUTE format('COMMENT ON COLUMN %I.%I.%I IS %L', export, t.view_name, t.column_name, t.column_description);
    END LOOP;
  END IF;

  RETURN QUERY SELECT c.relname::text FROM pg_catalog.pg_class c
    WHERE c.relnamespace = export::regnamespace AND c.relkind = 'v' ORDER BY c.relname;
END
$fn$;
COMMENT ON FUNCTION careleaver.create_council_export(text, date, boolean) IS
  'Run by a council''s dataset owner on its own server: creates (or replaces) schema <dataset>_export holding only aggregate states and counts per council and year '
  '(council_counts, exit_states, reentry_states, transition_states, and the additive reporting views of careleaver.create_reports); the views run with the owner''s rights, so the hub''s role needs only USAGE on that schema and SELECT on its views. '
  'strict => false is the DBA''s opt-in to child-level pooling: it adds pool_exits, pool_returns_home and pool_trajectories, one row per period, return home or care leaver (no child identifier). '
  'data_end is the last day the data covers (NULL: 31 March of the collection year of the latest DECOM or DEC, per council). Returns the names of the views in the export schema. See doc/regional-hub.md';

CREATE FUNCTION careleaver.council_export_views(
    OUT view_name text, OUT strict boolean, OUT description text, OUT column_name text, OUT column_description text)
  RETURNS SETOF record
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT v.view_name, v.strict, v.description, c.column_name, c.column_description
    FROM (VALUES
      ('council_counts'::text, true, 'Counts of the council for a regional hub (careleaver.create_council_export): one row per council'::text),
      ('exit_states', true, 'Periods of care for a regional hub: per council and collection year of entry, the competing-risks state of the exits (careleaver.cif_agg) and the Kaplan-Meier state of time in care (km_agg); no row per period'),
      ('reentry_states', true, 'Returns home for a regional hub: per council and collection year of the return, the Kaplan-Meier state of days to re-entry (careleaver.km_agg); no row per return'),
      ('transition_states', true, 'Care leavers for a regional hub: per council, the matrix of consecutive-age OC3 transitions (careleaver.transition_matrix_agg); no row per young person'),
      ('flow_states', true, 'Children looked after for a regional hub: per council, the stock-flow model (careleaver.flow_model_agg, doc/sufficiency.md) over the 36 months ending on the data''s end, which the hub merges (flow_model_merge) to project the region; counts only'),
      ('pool_exits', false, 'Opt-in export (create_council_export strict => false): one row per period of care, no child identifier'),
      ('pool_returns_home', false, 'Opt-in export (create_council_export strict => false): one row per return home (REC E4A, E4B), no child identifier'),
      ('pool_trajectories', false, 'Opt-in export (create_council_export strict => false): one care leaver''s OC3 trajectory per row, no child identifier')
    ) AS v(view_name, strict, description)
    JOIN (VALUES
      ('council_counts'::text, 'la'::text, 'Local authority code'::text),
      ('council_counts', 'children', 'Children in the header table'),
      ('council_counts', 'episodes', 'Episodes'),
      ('exit_states', 'la', 'Local authority code'),
      ('exit_states', 'entry_year', 'Collection year in which the periods of care started'),
      ('exit_states', 'periods', 'Periods of care'),
      ('exit_states', 'exits', 'careleaver.cif_agg(duration_days, cause) of the periods: causes as careleaver.exits'),
      ('exit_states', 'time_in_care', 'careleaver.km_agg of days in care to any exit (open periods censored at the end of the data)'),
      ('reentry_states', 'la', 'Local authority code'),
      ('reentry_states', 'return_year', 'Collection year of the returns home'),
      ('reentry_states', 'returns_home', 'Returns home'),
      ('reentry_states', 'reentry', 'careleaver.km_agg of days from the return home to re-entry into care (censored at the end of the data)'),
      ('transition_states', 'la', 'Local authority code'),
      ('transition_states', 'care_leavers', 'Care leavers with OC3 records at 17 to 25'),
      ('transition_states', 'transitions', 'careleaver.transition_matrix_agg of their trajectories'),
      ('flow_states', 'la', 'Local authority code'),
      ('flow_states', 'start_date', 'The end of the model''s reference window: the data''s end (create_council_export data_end)'),
      ('flow_states', 'reference_months', 'Months of the reference window (36)'),
      ('flow_states', 'model', 'careleaver.flow_model_agg of the children''s histories over the window; NULL when the loaded returns do not cover it'),
      ('flow_states', 'not_available_reason', 'Why model is NULL; NULL when it is given'),
      ('pool_exits', 'la', 'Local authority code'),
      ('pool_exits', 'entry_year', 'Collection year in which the period of care started'),
      ('pool_exits', 'duration_days', 'Days from the start of the period to its end, or to the end of the data plus one when open (careleaver.exits)'),
      ('pool_exits', 'cause', '0 censored (still open), 1 returned home, 2 adopted, 3 special guardianship, 4 child arrangements order, 5 turned 18, 6 other (careleaver.exits)'),
      ('pool_exits', 'exit_route', 'Name of the cause'),
      ('pool_returns_home', 'la', 'Local authority code'),
      ('pool_returns_home', 'return_year', 'Collection year of the return home'),
      ('pool_returns_home', 'follow_up_days', 'Days to re-entry into care, or days followed up to the end of the data when none (careleaver.returns_home)'),
      ('pool_returns_home', 'reentered', 'True when the child came back into care by the end of the data'),
      ('pool_trajectories', 'la', 'Local authority code'),
      ('pool_trajectories', 'trajectory', 'OC3 observations by age at the birthday in the collection year (17 to 25)')
    ) AS c(view_name, column_name, column_description) ON c.view_name = v.view_name
$$;
COMMENT ON FUNCTION careleaver.council_export_views() IS
  'The views careleaver.create_council_export makes in <dataset>_export, one row per column with the comments: strict ones (aggregate states and counts) always, the others only with strict => false';

-- ---------------------------------------------------------------- hub side
CREATE FUNCTION careleaver.hub_column_descriptions(OUT column_name text, OUT description text)
  RETURNS SETOF record
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT * FROM (VALUES
    ('councils'::text, 'The attached councils pooled (their codes)'::text),
    ('missing_councils', 'The attached councils left out because they could not be reached (only with allow_incomplete)'),
    ('complete', 'True when every attached council is in the figures'),
    ('children', 'Children in the councils'' header tables'),
    ('episodes', 'Episodes'),
    ('exits', 'The merged careleaver.competing_risks state of the periods of care (causes as careleaver.exits)'),
    ('time_in_care', 'The merged careleaver.survival state of days in care to any exit'),
    ('reentry', 'The merged careleaver.survival state of days from a return home to re-entry into care'),
    ('transitions', 'The merged careleaver.transition_matrix of the care leavers'' OC3 trajectories'),
    ('days', 'Days since the start (of the period of care, or of the return home)'),
    ('cause', 'Exit cause as careleaver.exits: 1 returned home, 2 adopted, 3 special guardianship, 4 child arrangements order, 5 turned 18, 6 other'),
    ('incidence', 'Cumulative incidence of the cause by that day (careleaver.cif_table)'),
    ('lower95', 'Lower bound of the 95% confidence interval'),
    ('upper95', 'Upper bound of the 95% confidence interval'),
    ('at_risk', 'Still followed at the start of the day'),
    ('events', 'Events on the day'),
    ('censored', 'Follow-ups ending on the day without the event'),
    ('survival', 'Kaplan-Meier share without the event by the end of the day (careleaver.km_table)'),
    ('from_age', 'Age at the earlier OC3 record'),
    ('to_age', 'Age at the next one (from_age + 1)'),
    ('from_state', 'State at from_age (careleaver.trajectory_state)'),
    ('to_state', 'State at to_age'),
    ('young_people', 'Young people with this transition'),
    ('share', 'Share of the young people in from_state at from_age who moved to to_state')
  ) AS t(column_name, description)
$$;
COMMENT ON FUNCTION careleaver.hub_column_descriptions() IS
  'Internal: the column comments create_hub gives the views pooled_states, pooled_exit_incidence, pooled_time_in_care, pooled_reentry and pooled_transitions';

-- The SELECT of pooled_<view> over the hub's table of the councils' rows of a reporting view: the
-- region's rows, named by the hub, for the collection years every attached council reports.
CREATE FUNCTION careleaver.hub_pooled_report_sql(hub_schema text, view_name text, pooling text,
                                                 key_columns text[], count_columns text[]) RETURNS text
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  cols text[];
  types text[];
  sel text;
  keys text;
  councils text := format('(SELECT count(*) FROM %I.councils)', hub_schema);
  every_council text;
BEGIN
  SELECT array_agg(a.attname::text ORDER BY a.attnum), array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum)
    INTO cols, types
    FROM pg_catalog.pg_attribute a
   WHERE a.attrelid = format('%I.%I', hub_schema, view_name)::regclass AND a.attnum > 0 AND NOT a.attisdropped;
  -- a year some council does not report would be pooled short: left out (metrics.md 11)
  -- the councils' rows are read once (each read of a foreign partition runs the council's view)
  every_council := format('WITH t0 AS MATERIALIZED (SELECT * FROM %I.%I), t AS (SELECT * FROM t0%s) ', hub_schema, view_name,
    CASE WHEN 'collection_year' = ANY (cols) THEN format(
      ' WHERE t0.collection_year IN (SELECT y.collection_year FROM t0 y GROUP BY 1 HAVING count(DISTINCT y.la) = %s)', councils)
    ELSE '' END);
  IF pooling = 'national_framework' THEN
    -- numerators and denominators added per year and row; the value, the previous year's and the reason
    -- recomputed by the functions national_framework uses (careleaver.dashboard_value, ...)
    RETURN format($q$
%3$s, n AS (
  SELECT t.*, CASE WHEN t.not_available_reason IS NOT DISTINCT FROM
                        careleaver.dashboard_not_available_reason(t.unit, NULL, t.denominator)
                   THEN NULL ELSE t.not_available_reason END AS reason
    FROM t),
g AS (
  SELECT n.collection_year, n.ordinal, min(n.dashboard_no) AS dashboard_no, min(n.outcome) AS outcome,
         min(n.indicator) AS indicator, min(n.unit) AS unit, min(n.source) AS source,
         count(DISTINCT n.la)::integer AS councils,
         CASE WHEN count(n.numerator) = %4$s THEN sum(n.numerator)::bigint END AS numerator,
         CASE WHEN count(n.denominator) = %4$s THEN sum(n.denominator)::bigint END AS denominator,
         careleaver.hub_pooled_reason(array_agg(n.la ORDER BY n.la), array_agg(n.reason ORDER BY n.la),
                                      array_agg(n.denominator ORDER BY n.la), %4$s) AS reason
    FROM n GROUP BY n.collection_year, n.ordinal),
v AS (SELECT g.*, careleaver.dashboard_value(g.unit, g.reason, g.numerator, g.denominator) AS value FROM g)
SELECT %5$L::text AS la, v.collection_year, v.ordinal, v.dashboard_no, v.outcome, v.indicator, v.unit, v.source,
       v.numerator, v.denominator, v.value, p.value AS previous_value, v.value - p.value AS change,
       careleaver.dashboard_not_available_reason(v.unit, v.reason, v.denominator) AS not_available_reason, v.councils
  FROM v LEFT JOIN v p ON p.ordinal = v.ordinal AND p.collection_year = v.collection_year - 1$q$,
      hub_schema, view_name, every_council, councils, hub_schema);
  END IF;
  -- A text key may hold counts in words ("3 of 5 cohort members have an OC3 record"): the rows are grouped
  -- by the words and the counts added; or a figure (an average as YY:MM, a symbol): not additive, NULL.
  SELECT string_agg(CASE WHEN u.c = 'la' THEN format('%L::text AS la', hub_schema)
                         WHEN u.c = ANY (key_columns) AND u.ty = 'text' THEN format(
                           'CASE WHEN bool_and(t.%1$I ~ %2$L) THEN format(''%%s of %%s %%s'', sum(substring(t.%1$I FROM ''^([0-9]+) '')::bigint), '
                           'sum(substring(t.%1$I FROM ''^[0-9]+ of ([0-9]+) '')::bigint), min(substring(t.%1$I FROM %3$L))) '
                           'WHEN bool_or(t.%1$I ~ %4$L) THEN NULL ELSE min(t.%1$I) END AS %1$I',
                           u.c, '^[0-9]{1,15} of [0-9]{1,15} ', '^[0-9]+ of [0-9]+ (.*)$', careleaver.hub_figure_pattern())
                         WHEN u.c = ANY (key_columns) THEN format('t.%I', u.c)
                         WHEN u.c = ANY (count_columns) THEN format('sum(t.%1$I)::bigint AS %1$I', u.c)
                         ELSE format('NULL::%s AS %I', u.ty, u.c) END, ', ' ORDER BY u.o)
    INTO sel FROM unnest(cols, types) WITH ORDINALITY AS u(c, ty, o);
  SELECT string_agg(CASE WHEN u.ty = 'text'
                         THEN format('CASE WHEN t.%1$I ~ %2$L THEN NULL ELSE regexp_replace(t.%1$I, %3$L, '''') END', u.c,
                                     careleaver.hub_figure_pattern(), '^[0-9]+ of [0-9]+ ')
                         ELSE format('t.%I', u.c) END, ', ')
    INTO keys FROM unnest(cols, types) AS u(c, ty) WHERE u.c = ANY (key_columns);
  -- a view keyed by la alone pools to one row, and to none (not a row of NULLs) when no council has a row
  RETURN format('%sSELECT %s, count(DISTINCT t.la)::integer AS councils FROM t%s', every_council, sel,
                coalesce(' GROUP BY ' || keys, ' HAVING count(*) > 0'));
END
$fn$;
COMMENT ON FUNCTION careleaver.hub_pooled_report_sql(text, text, text, text[], text[]) IS
  'Internal: the SELECT of the hub''s view pooled_<view_name> (careleaver.create_hub): the councils'' rows of the reporting view added (pooling of careleaver.hub_report_pooling), '
  'la the hub''s name, only the collection years every attached council reports, and councils (how many councils a row pools)';

-- A text cell that holds a figure rather than a label: a number, YY:MM, a percentage or a disclosure symbol.
CREATE FUNCTION careleaver.hub_figure_pattern() RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $$ SELECT '^([-+]?[0-9]+([.:][0-9]+)?%?|[czxk])$'::text $$;
COMMENT ON FUNCTION careleaver.hub_figure_pattern() IS
  'Internal: the regular expression of a text cell of a reporting view that holds a figure (a number, an average as YY:MM, a percentage, or one of the symbols c, z, x, k) rather than a label: the hub does not group by it and leaves it NULL in a pooled row';

-- The reason a pooled Dashboard row has no value, from the councils' reasons (national_framework's
-- not_available_reason less what their own denominators explain).
CREATE FUNCTION careleaver.hub_pooled_reason(las text[], reasons text[], denominators bigint[], councils bigint)
  RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  parts text[];
  rest text;
  added bigint := 0;
  k integer;
BEGIN
  IF coalesce(cardinality(las), 0) < councils THEN
    RETURN format('computed by %s of the %s councils', coalesce(cardinality(las), 0), councils);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM unnest(reasons) AS r WHERE r IS NOT NULL) THEN
    RETURN NULL;
  END IF;
  IF (SELECT count(*) FROM unnest(reasons) AS r WHERE r IS NOT DISTINCT FROM reasons[1]) = cardinality(reasons) THEN
    RETURN reasons[1];  -- the same for every council (data not held, no uasc table, ...)
  END IF;
  -- "<a> of <b> ...", b the council's denominator (incomplete follow-ups): a count of the denominator,
  -- 0 for the councils without the reason, so the region's is the sum of a out of the pooled denominator
  FOR k IN 1 .. cardinality(reasons) LOOP
    CONTINUE WHEN reasons[k] IS NULL;
    parts := regexp_match(reasons[k], '^([0-9]{1,15}) of ([0-9]{1,15}) (.*)$');
    IF parts IS NULL OR parts[2]::bigint IS DISTINCT FROM denominators[k] OR rest <> parts[3] THEN
      rest := NULL;
      EXIT;
    END IF;
    rest := parts[3];
    added := added + parts[1]::bigint;
  END LOOP;
  IF rest IS NOT NULL THEN
    RETURN format('%s of %s %s', added, (SELECT sum(d) FROM unnest(denominators) AS d), rest);
  END IF;
  RETURN (SELECT string_agg(u.l || ': ' || u.r, '; ' ORDER BY u.o)
            FROM unnest(las, reasons) WITH ORDINALITY AS u(l, r, o) WHERE u.r IS NOT NULL);
END
$fn$;
COMMENT ON FUNCTION careleaver.hub_pooled_reason(text[], text[], bigint[], bigint) IS
  'Internal: why a pooled national_framework row has no value, from the councils'' reasons (las, reasons and denominators in the same order): NULL when no council has one; '
  'the reason when every council gives the same; "<a> of <b> ..." reasons whose b is the council''s denominator added up (a summed out of the pooled denominator); '
  'else each council''s reason, named by its code. A row not every council computed is not available';

-- Copies the column comments of one relation to the columns of the same name of another.
CREATE FUNCTION careleaver.hub_comment_columns(hub_schema text, view_name text, source_schema text, source_view text)
  RETURNS void
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  c record;
BEGIN
  PERFORM careleaver.dataset_check_owner(hub_schema);  -- never run another role's code (doc/dataset.md)
  FOR c IN SELECT a.attname::text AS column_name, d.description
             FROM pg_catalog.pg_attribute a
             JOIN pg_catalog.pg_attribute s ON s.attrelid = format('%I.%I', source_schema, source_view)::regclass
                                           AND s.attname = a.attname AND s.attnum > 0
             JOIN pg_catalog.pg_description d ON d.objoid = s.attrelid AND d.objsubid = s.attnum
                                             AND d.classoid = 'pg_catalog.pg_class'::regclass
            WHERE a.attrelid = format('%I.%I', hub_schema, view_name)::regclass AND a.attnum > 0 LOOP
    EXECUTE format('COMMENT ON COLUMN %I.%I.%I IS %L', hub_schema, view_name, c.column_name, c.description);
  END LOOP;
END
$fn$;
COMMENT ON FUNCTION careleaver.hub_comment_columns(text, text, text, text) IS
  'Internal: gives the columns of hub_schema.view_name the comments of the columns of the same name of source_schema.source_view (create_hub)';

-- The published variants (report_views.published) of the pooled reporting views, built at the hub by the
-- registry's own builders: the builder's SQL over the layout dataset, with the SQL of every pooled base view
-- in it replaced by a read of the hub's table (the councils' own published tables) or of pooled_<base>
-- (the region's).  A builder that reads anything else is not pooled.  The region's cells then get the
-- hub's secondary suppression against differencing (doc/regional-hub.md).
CREATE FUNCTION careleaver.hub_create_published(hub_schema text, layout_schema text) RETURNS void
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  pub record;
  b record;
  pooled_sql text;
  council_sql text;
  pub_cols text[];
  pub_types text[];
  base_cols text[];
  base_types text[];
  jk text[];
  cells text[];
  on_keys text;
  h_keys text;
  unknown_sums text;
  previous text;
  sel text;
BEGIN
  PERFORM careleaver.dataset_check_owner(hub_schema);  -- never run another role's code (doc/dataset.md)
  FOR pub IN EXECUTE format(
      'SELECT r.view_name, r.builder, r.base_view, p.key_columns, p.count_columns
         FROM careleaver.report_views r JOIN %I.pooled_reports p ON p.view_name = r.base_view
        WHERE r.published AND p.pooling IN (''sum'', ''national_framework'') ORDER BY r.position', hub_schema) LOOP
    EXECUTE format('SELECT careleaver.%I($1)', pub.builder) INTO pooled_sql USING layout_schema;
    council_sql := pooled_sql;
    FOR b IN EXECUTE format(
        'SELECT p.view_name, s.sql,
                (SELECT string_agg(format(''%%I'', a.attname), '', '' ORDER BY a.attnum) FROM pg_catalog.pg_attribute a
                  WHERE a.attrelid = format(''%%I.%%I'', $2, p.view_name)::regclass AND a.attnum > 0 AND NOT a.attisdropped) AS cols
           FROM %I.pooled_reports p
          CROSS JOIN LATERAL (SELECT careleaver.reporting_view_sql(p.view_name, $1) AS sql) s
          WHERE p.pooling IN (''sum'', ''national_framework'')
          ORDER BY length(s.sql) DESC', hub_schema) USING layout_schema, hub_schema LOOP
      pooled_sql := replace(pooled_sql, b.sql, format('SELECT %s FROM %I.%I', b.cols, hub_schema, 'pooled_' || b.view_name));
      council_sql := replace(council_sql, b.sql, format('SELECT %s FROM %I.%I', b.cols, hub_schema, b.view_name));
    END LOOP;
    CONTINUE WHEN strpos(pooled_sql, layout_schema) > 0;  -- it reads more than the pooled views
    EXECUTE format('DROP VIEW IF EXISTS %I.%I CASCADE', hub_schema, pub.view_name);
    EXECUTE format('CREATE VIEW %I.%I AS %s', hub_schema, pub.view_name, council_sql);
    EXECUTE format('COMMENT ON VIEW %I.%I IS %L', hub_schema, pub.view_name, format(
      '%s of each attached council, computed at the hub from the council''s exported %s rows: what the council publishes itself. '
      'The hub hides a pooled figure these would reveal by differencing (pooled_%s)', pub.view_name, pub.base_view, pub.view_name));
    PERFORM careleaver.hub_comment_columns(hub_schema, pub.view_name, layout_schema, pub.view_name);

    -- the hub's suppression against differencing: a pooled row is hidden when the councils' counts a
    -- reader cannot take from the councils' own published rows add up to 1 to the threshold
    SELECT array_agg(a.attname::text ORDER BY a.attnum), array_agg(a.atttypid::regtype::text ORDER BY a.attnum)
      INTO pub_cols, pub_types FROM pg_catalog.pg_attribute a
     WHERE a.attrelid = format('%I.%I', hub_schema, pub.view_name)::regclass AND a.attnum > 0 AND NOT a.attisdropped;
    SELECT array_agg(a.attname::text ORDER BY a.attnum), array_agg(a.atttypid::regtype::text ORDER BY a.attnum)
      INTO base_cols, base_types FROM pg_catalog.pg_attribute a
     WHERE a.attrelid = format('%I.%I', hub_schema, pub.base_view)::regclass AND a.attnum > 0 AND NOT a.attisdropped;
    jk := ARRAY(SELECT x FROM unnest(pub.key_columns) AS x WHERE x = ANY (pub_cols));
    -- the published figures: text columns holding a count, percentage, rate or symbol
    cells := ARRAY(SELECT u.c FROM unnest(pub_cols, pub_types) AS u(c, ty)
                    WHERE u.ty = 'text' AND u.c <> 'la' AND NOT u.c = ANY (jk)
                      AND coalesce(base_types[array_position(base_cols, u.c)], 'numeric') <> 'text');
    SELECT coalesce(string_agg(format('c.%1$I IS NOT DISTINCT FROM b.%1$I', x), ' AND '), 'true'),
           coalesce(string_agg(format('h.%1$I IS NOT DISTINCT FROM p.%1$I', x), ' AND '), 'true')
      INTO on_keys, h_keys FROM unnest(jk) AS x;
    -- a council's count is known to a reader when its published cell is a number, or, for a count the
    -- table does not show (the Dashboard's numerators), when the council's row shows no c
    SELECT string_agg(format('careleaver.publish_count((sum(b.%1$I) FILTER (WHERE NOT coalesce(%2$s, false)))::bigint) = ''c''', x,
                             CASE WHEN x = ANY (pub_cols) THEN format('c.%I ~ ''^[0-9]+$''', x)
                                  ELSE format('c.la IS NOT NULL AND ''c'' <> ALL (ARRAY[%s]::text[])',
                                              (SELECT string_agg(format('coalesce(c.%I, '''')', y), ', ') FROM unnest(cells) AS y)) END),
                      ' OR ')
      INTO unknown_sums FROM unnest(pub.count_columns) AS x;
    previous := '';
    IF 'previous_value' = ANY (pub_cols) AND 'collection_year' = ANY (jk) THEN
      -- the previous year's pooled value is shown in the row too
      previous := format(' OR EXISTS (SELECT 1 FROM h WHERE %s)',
        replace(h_keys, 'h.collection_year IS NOT DISTINCT FROM p.collection_year', 'h.collection_year = p.collection_year - 1'));
    END IF;
    SELECT string_agg(CASE WHEN u.c = ANY (cells)
                           THEN format('CASE WHEN d.hidden AND (p.%1$I ~ ''^[-+]?[0-9]'' OR p.%1$I = ''k'') THEN ''c'' ELSE p.%1$I END AS %1$I', u.c)
                           ELSE format('p.%I', u.c) END, ', ' ORDER BY u.o)
      INTO sel FROM unnest(pub_cols) WITH ORDINALITY AS u(c, o);
    EXECUTE format('DROP VIEW IF EXISTS %I.%I', hub_schema, 'pooled_' || pub.view_name);
    EXECUTE format($q$CREATE VIEW %1$I.%2$I AS
WITH p AS (%3$s),
h AS (
  SELECT %4$s
    FROM %1$I.%5$I b LEFT JOIN %1$I.%6$I c ON c.la = b.la AND %7$s
   %8$s
  HAVING %9$s)
SELECT %10$s, d.hidden AS hidden_by_differencing
  FROM p CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM h WHERE %11$s)%12$s AS hidden) d$q$,
      hub_schema, 'pooled_' || pub.view_name, pooled_sql,
      coalesce((SELECT string_agg(format('b.%I', x), ', ') FROM unnest(jk) AS x), '1 AS one'),
      pub.base_view, pub.view_name, on_keys,
      coalesce(' GROUP BY ' || (SELECT string_agg(format('b.%I', x), ', ') FROM unnest(jk) AS x), ''),
      unknown_sums, sel, h_keys, previous);
    EXECUTE format('COMMENT ON VIEW %I.%I IS %L', hub_schema, 'pooled_' || pub.view_name, format(
      '%s of the region (la the hub''s name): the registry''s own builder over pooled_%s, so primary and secondary suppression as a council''s; '
      'then a row is hidden (its figures c, hidden_by_differencing true) when the councils'' counts that their own published %s does not show add up to 1 to the threshold, '
      'which the pooled figure less the councils'' published ones would reveal (doc/regional-hub.md)', pub.view_name, pub.base_view, pub.view_name));
    PERFORM careleaver.hub_comment_columns(hub_schema, 'pooled_' || pub.view_name, layout_schema, pub.view_name);
    EXECUTE format('COMMENT ON COLUMN %I.%I.la IS %L', hub_schema, 'pooled_' || pub.view_name, 'The hub''s name: the region');
    EXECUTE format('COMMENT ON COLUMN %I.%I.hidden_by_differencing IS %L', hub_schema, 'pooled_' || pub.view_name,
                   'True when the hub hid the row''s figures because subtracting the councils'' own published figures from them would reveal 1 to the threshold children (secondary suppression at the hub)');
    EXECUTE format('INSERT INTO %I.pooled_reports VALUES ($1, $2, $3, $4, $5, NULL)', hub_schema)
      USING pub.view_name, 'published', pub.base_view, jk, pub.count_columns;
  END LOOP;
END
$fn$;
COMMENT ON FUNCTION careleaver.hub_create_published(text, text) IS
  'Internal (create_hub): for every published reporting view whose base view the hub pools by sum or national_framework, the view <published> (each council''s published table, computed at the hub) '
  'and pooled_<published> (the region''s, with the hub''s suppression against differencing), from the registry''s builder over the layout dataset layout_schema';

CREATE FUNCTION careleaver.create_hub(hub_schema text) RETURNS void
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, careleaver, pg_temp
  SET client_min_messages = warning
AS $fn$
DECLARE
  layout text := 'careleaver_hub_layout_' || pg_backend_pid();
  t record;
  keys text;
  sums text;
BEGIN
  IF hub_schema IS NULL OR hub_schema = '' THEN
    RAISE EXCEPTION 'hub schema name must not be empty' USING ERRCODE = '22023';
  END IF;
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', hub_schema);
  -- an existing schema, and any table of a dataset table's name in it, must be the caller's: never adopt
  PERFORM careleaver.dataset_check_owner(hub_schema, creating => true);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.councils (la text PRIMARY KEY, server_name text NOT NULL, '
                 'remote_schema text NOT NULL, attached_at timestamptz NOT NULL DEFAULT now())', hub_schema);
  EXECUTE format('COMMENT ON TABLE %I.councils IS %L', hub_schema,
                 'Councils attached to the hub (careleaver.hub_attach_council): one row per council');
  EXECUTE format('COMMENT ON COLUMN %I.councils.la IS %L', hub_schema, 'Local authority code');
  EXECUTE format('COMMENT ON COLUMN %I.councils.server_name IS %L', hub_schema,
                 'postgres_fdw foreign server of the council');
  EXECUTE format('COMMENT ON COLUMN %I.councils.remote_schema IS %L', hub_schema,
                 'Dataset schema on the council''s server; the hub reads only its export schema, <remote_schema>_export');
  EXECUTE format('COMMENT ON COLUMN %I.councils.attached_at IS %L', hub_schema, 'When the council was attached');

  -- The dataset tables' layout comes from create_dataset itself, so the hub follows the contract.
  EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', layout);
  PERFORM careleaver.create_dataset(layout);
  PERFORM careleaver.create_reports(layout);
  -- The councils' reporting views a hub can pool (careleaver.hub_report_pooling): one partitioned table
  -- each, holding the councils' rows, and pooled_<view> adding them; then the published variants.
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.pooled_reports (view_name text PRIMARY KEY, pooling text NOT NULL, '
                 'base_view text, key_columns text[] NOT NULL, count_columns text[], derived_columns text[])', hub_schema);
  EXECUTE format('COMMENT ON TABLE %I.pooled_reports IS %L', hub_schema,
                 'The reporting views this hub pools (careleaver.create_hub): one row per view the councils export and per published variant built over the pooled rows');
  EXECUTE format('COMMENT ON COLUMN %I.pooled_reports.view_name IS %L', hub_schema,
                 'The reporting view (careleaver.report_views): a table of the councils'' rows and pooled_<view_name> in this schema');
  EXECUTE format('COMMENT ON COLUMN %I.pooled_reports.pooling IS %L', hub_schema,
                 'sum, counts or national_framework (careleaver.hub_report_pooling); published for a published variant computed from the pooled rows');
  EXECUTE format('COMMENT ON COLUMN %I.pooled_reports.base_view IS %L', hub_schema, 'For a published variant, the pooled view it publishes; else NULL');
  EXECUTE format('COMMENT ON COLUMN %I.pooled_reports.key_columns IS %L', hub_schema, 'The columns a pooled row is identified by (beside la)');
  EXECUTE format('COMMENT ON COLUMN %I.pooled_reports.count_columns IS %L', hub_schema, 'The counts added over the councils');
  EXECUTE format('COMMENT ON COLUMN %I.pooled_reports.derived_columns IS %L', hub_schema,
                 'Columns that are not additive (rates, medians): NULL in a pooled view of pooling counts');
  EXECUTE format('DELETE FROM %I.pooled_reports', hub_schema);
  FOR t IN SELECT * FROM careleaver.hub_report_pooling(layout) LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I.%I (LIKE %I.%I INCLUDING COMMENTS) PARTITION BY LIST (la)',
                   hub_schema, t.view_name, layout, t.view_name);
    EXECUTE format('COMMENT ON TABLE %I.%I IS %L', hub_schema, t.view_name,
                   format('Reporting view %s of each attached council (careleaver.create_reports), read from its export schema. One foreign partition per council: only these counts cross the wire',
                          t.view_name));
    EXECUTE format('INSERT INTO %I.pooled_reports VALUES ($1, $2, NULL, $3, $4, $5)', hub_schema)
      USING t.view_name, t.pooling, t.key_columns, t.count_columns, t.derived_columns;
    EXECUTE format('DROP VIEW IF EXISTS %I.%I CASCADE', hub_schema, 'pooled_' || t.view_name);
    EXECUTE format('CREATE VIEW %I.%I AS %s', hub_schema, 'pooled_' || t.view_name,
                   careleaver.hub_pooled_report_sql(hub_schema, t.view_name, t.pooling, t.key_columns, t.count_columns));
    EXECUTE format('COMMENT ON VIEW %I.%I IS %L', hub_schema, 'pooled_' || t.view_name,
                   format('%s of the region: the attached councils'' rows pooled (%s), la the hub''s name; only the collection years every attached council reports. '
                          'Publish through pooled_<view>_published or round_total and the suppression functions (doc/disclosure.md)',
                          t.view_name, CASE t.pooling WHEN 'sum' THEN 'counts added'
                                                      WHEN 'counts' THEN 'counts added; ' || array_to_string(t.derived_columns, ', ') || ' are not additive and left NULL'
                                                      ELSE 'numerators and denominators added per year and row, the values recomputed' END));
    PERFORM careleaver.hub_comment_columns(hub_schema, 'pooled_' || t.view_name, layout, t.view_name);
    EXECUTE format('COMMENT ON COLUMN %I.%I.la IS %L', hub_schema, 'pooled_' || t.view_name, 'The hub''s name: the region');
    EXECUTE format('COMMENT ON COLUMN %I.%I.councils IS %L', hub_schema, 'pooled_' || t.view_name, 'How many councils the row pools');
  END LOOP;
  PERFORM careleaver.hub_create_published(hub_schema, layout);
  EXECUTE format('DROP SCHEMA %I CASCADE', layout);

  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.council_counts (la text NOT NULL, children bigint, episodes bigint) '
                 'PARTITION BY LIST (la)', hub_schema);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.exit_states (la text NOT NULL, entry_year integer, periods bigint, '
                 'exits careleaver.competing_risks, time_in_care careleaver.survival) PARTITION BY LIST (la)', hub_schema);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.reentry_states (la text NOT NULL, return_year integer, returns_home bigint, '
                 'reentry careleaver.survival) PARTITION BY LIST (la)', hub_schema);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.transition_states (la text NOT NULL, care_leavers bigint, '
                 'transitions careleaver.transition_matrix) PARTITION BY LIST (la)', hub_schema);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.flow_states (la text NOT NULL, start_date date, reference_months integer, '
                 'model careleaver.flow_model, not_available_reason text) PARTITION BY LIST (la)', hub_schema);
  FOR t IN SELECT * FROM careleaver.hub_pooled_tables() p WHERE p.kind = 'export' LOOP
    EXECUTE format('COMMENT ON TABLE %I.%I IS %L', hub_schema, t.table_name,
                   t.description || '. Pooled at the hub: one foreign partition per council over the view of the council''s '
                   'export schema (careleaver.create_council_export)');
  END LOOP;
  FOR t IN SELECT * FROM careleaver.council_export_views() c WHERE c.strict LOOP
    EXECUTE format('COMMENT ON COLUMN %I.%I.%I IS %L', hub_schema, t.view_name, t.column_name, t.column_description);
  END LOOP;
  EXECUTE format('CREATE OR REPLACE VIEW %1$I.pooled_flow_model AS '
                 'SELECT f.start_date, f.reference_months, count(*)::integer AS councils, '
                 'bool_and(f.model IS NOT NULL) AND count(*) = (SELECT count(*) FROM %1$I.councils) AS complete, '
                 'careleaver.flow_model_merge(f.model) AS model FROM %1$I.flow_states f GROUP BY f.start_date, f.reference_months', hub_schema);
  EXECUTE format('COMMENT ON VIEW %I.pooled_flow_model IS %L', hub_schema,
                 'The councils'' flow models merged (careleaver.flow_model_merge), one row per window: the model of the region, to project with careleaver.flow_project(model, months) (doc/sufficiency.md)');
  EXECUTE format('COMMENT ON COLUMN %I.pooled_flow_model.start_date IS %L', hub_schema, 'The end of the reference window (each council''s data end)');
  EXECUTE format('COMMENT ON COLUMN %I.pooled_flow_model.reference_months IS %L', hub_schema, 'Months of the reference window');
  EXECUTE format('COMMENT ON COLUMN %I.pooled_flow_model.councils IS %L', hub_schema, 'Councils with this window');
  EXECUTE format('COMMENT ON COLUMN %I.pooled_flow_model.complete IS %L', hub_schema,
                 'True when every attached council has this window and a model for it (its returns cover the window)');
  EXECUTE format('COMMENT ON COLUMN %I.pooled_flow_model.model IS %L', hub_schema, 'The merged careleaver.flow_model');

  EXECUTE format('CREATE OR REPLACE VIEW %1$I.pooled_states AS '
                 'SELECT * FROM careleaver.hub_pooled_states(%1$L)', hub_schema);
  EXECUTE format('COMMENT ON VIEW %I.pooled_states IS %L', hub_schema,
                 'The pooled states of all attached councils (careleaver.hub_pooled_states); an error names any council that cannot be reached');
  EXECUTE format('CREATE OR REPLACE VIEW %1$I.pooled_exit_incidence AS '
                 'SELECT * FROM careleaver.hub_pooled_exit_incidence(%1$L)', hub_schema);
  EXECUTE format('COMMENT ON VIEW %I.pooled_exit_incidence IS %L', hub_schema,
                 'Cumulative incidence of each way of leaving care, all attached councils pooled (careleaver.cif_table)');
  EXECUTE format('CREATE OR REPLACE VIEW %1$I.pooled_time_in_care AS '
                 'SELECT * FROM careleaver.hub_pooled_time_in_care(%1$L)', hub_schema);
  EXECUTE format('COMMENT ON VIEW %I.pooled_time_in_care IS %L', hub_schema,
                 'Kaplan-Meier table of days in care to any exit, all attached councils pooled (careleaver.km_table)');
  EXECUTE format('CREATE OR REPLACE VIEW %1$I.pooled_reentry AS '
                 'SELECT * FROM careleaver.hub_pooled_reentry(%1$L)', hub_schema);
  EXECUTE format('COMMENT ON VIEW %I.pooled_reentry IS %L', hub_schema,
                 'Kaplan-Meier table of days from a return home to re-entry into care, all attached councils pooled');
  EXECUTE format('CREATE OR REPLACE VIEW %1$I.pooled_transitions AS '
                 'SELECT * FROM careleaver.hub_pooled_transitions(%1$L)', hub_schema);
  EXECUTE format('COMMENT ON VIEW %I.pooled_transitions IS %L', hub_schema,
                 'Care leavers'' consecutive-age transitions, all attached councils pooled (careleaver.transition_table)');
  -- the columns of the views over the hub functions take the functions' descriptions
  FOR t IN SELECT c.relname::text AS view_name, a.attname::text AS column_name
             FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
            WHERE c.relnamespace = hub_schema::regnamespace
              AND c.relname IN ('pooled_states', 'pooled_exit_incidence', 'pooled_time_in_care', 'pooled_reentry', 'pooled_transitions') LOOP
    EXECUTE format('COMMENT ON COLUMN %I.%I.%I IS %L', hub_schema, t.view_name, t.column_name,
                   coalesce((SELECT h.description FROM careleaver.hub_column_descriptions() h WHERE h.column_name = t.column_name),
                            'See careleaver.hub_' || t.view_name || ' (doc/regional-hub.md)'));
  END LOOP;
END
$fn$;

CREATE FUNCTION careleaver.hub_attach_council(hub_schema text, la text, server_name text,
    host text, port integer, dbname text, remote_schema text,
    remote_user text DEFAULT NULL, fetch_size integer DEFAULT 10000)
  RETURNS void
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, careleaver, pg_temp
  SET constraint_exclusion = partition
AS $fn$
DECLARE
  t record;
  part text;
  probe text := 'careleaver_hub_probe_' || pg_backend_pid();
  remote_version text;
  strays bigint;
  why text;
  opts text := '';
  export text := remote_schema || '_export';  -- as careleaver.create_council_export names it
BEGIN
  PERFORM careleaver.dataset_check_owner(hub_schema);  -- never run another role's code (doc/dataset.md)
  IF la IS NULL OR la = '' OR server_name IS NULL OR host IS NULL OR port IS NULL OR dbname IS NULL
     OR remote_schema IS NULL THEN
    RAISE EXCEPTION 'hub_attach_council needs la, server_name, host, port, dbname and remote_schema'
      USING ERRCODE = '22004';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'postgres_fdw') THEN
    RAISE EXCEPTION 'the hub database needs the postgres_fdw extension'
      USING ERRCODE = '58P01', HINT = 'Run CREATE EXTENSION postgres_fdw; as a superuser in the hub database.';
  END IF;
  IF to_regclass(format('%I.councils', hub_schema)) IS NULL THEN
    RAISE EXCEPTION 'schema "%" is not a regional hub', hub_schema
      USING ERRCODE = '42P01', HINT = 'Create it with careleaver.create_hub(hub_schema).';
  END IF;
  IF fetch_size IS NULL OR fetch_size < 1 THEN
    RAISE EXCEPTION 'fetch_size must be at least 1, not %', fetch_size USING ERRCODE = '22023';
  END IF;
  EXECUTE format('SELECT 1 FROM %I.councils WHERE la = $1', hub_schema) INTO strays USING la;
  IF strays IS NOT NULL THEN
    RAISE EXCEPTION 'council % is already attached to hub "%"', la, hub_schema
      USING ERRCODE = '42710', HINT = 'Detach it first with careleaver.hub_detach_council.';
  END IF;

  IF EXISTS (SELECT 1 FROM pg_catalog.pg_foreign_server s WHERE s.srvname = server_name) THEN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_foreign_server s
                     JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw
                    WHERE s.srvname = server_name AND w.fdwname = 'postgres_fdw') THEN
      RAISE EXCEPTION 'foreign server "%" exists and is not a postgres_fdw server', server_name
        USING ERRCODE = '42710';
    END IF;
    RAISE NOTICE 'using the existing foreign server "%" (its host, port and dbname are kept)', server_name;
  ELSE
    -- extensions 'careleaver': our functions, operators and aggregates are shippable, so
    -- GROUP BY la with careleaver.km_agg runs on the council's server.
    EXECUTE format('CREATE SERVER %I FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host %L, port %L, dbname %L, '
                   'extensions %L, async_capable %L, fetch_size %L, application_name %L)',
                   server_name, host, port::text, dbname, 'careleaver', 'true', fetch_size::text,
                   'careleaver hub ' || hub_schema);
    EXECUTE format('COMMENT ON SERVER %I IS %L', server_name,
                   'Council ' || la || ' for the careleaver regional hub "' || hub_schema || '"');
  END IF;
  -- Credentials never pass through here (they would reach logs and pg_stat_statements): a user
  -- mapping the DBA made (with the password, or none with a password file) is kept as it is.
  IF remote_user IS NOT NULL THEN
    opts := format(' OPTIONS (user %L)', remote_user);
  END IF;
  EXECUTE format('CREATE USER MAPPING IF NOT EXISTS FOR CURRENT_USER SERVER %I%s', server_name, opts);

  -- The council must have careleaver: the hub ships its aggregates there.
  EXECUTE format('CREATE FOREIGN TABLE %I.%I (extname name, extversion text) SERVER %I '
                 'OPTIONS (schema_name %L, table_name %L)', hub_schema, probe, server_name, 'pg_catalog', 'pg_extension');
  BEGIN
    EXECUTE format('SELECT extversion FROM %I.%I WHERE extname = %L', hub_schema, probe, 'careleaver')
      INTO remote_version;
  EXCEPTION WHEN connection_exception OR invalid_authorization_specification OR invalid_password THEN
    GET STACKED DIAGNOSTICS why = PG_EXCEPTION_DETAIL;
    RAISE EXCEPTION 'cannot connect to the server of council % (foreign server "%", host %, port %, dbname %)',
                    la, server_name, host, port, dbname
      USING ERRCODE = SQLSTATE, DETAIL = SQLERRM || coalesce(': ' || nullif(regexp_replace(trim(why), '\s+', ' ', 'g'), ''), ''),
            HINT = 'Check that the council''s server is running and accepts this hub''s connection (pg_hba.conf, user mapping).';
  END;
  EXECUTE format('DROP FOREIGN TABLE %I.%I', hub_schema, probe);
  IF remote_version IS NULL THEN
    RAISE EXCEPTION 'the database of council % (foreign server "%") does not have the careleaver extension', la, server_name
      USING ERRCODE = '58P01',
            HINT = 'Run CREATE EXTENSION careleaver there: the hub ships careleaver''s aggregates to the council.';
  END IF;
  IF remote_version <> (SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'careleaver') THEN
    RAISE WARNING 'council % has careleaver % and the hub has %', la, remote_version,
      (SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'careleaver')
      USING HINT = 'Pooled states merge across versions of the same stored format; update both when you can.';
  END IF;

  IF to_regclass(format('%I.pooled_reports', hub_schema)) IS NULL THEN
    RAISE EXCEPTION 'hub "%" was made by an earlier version of careleaver', hub_schema
      USING ERRCODE = '55000', HINT = 'Run careleaver.create_hub again first.';
  END IF;
  FOR t IN EXECUTE format('SELECT p.table_name FROM careleaver.hub_pooled_tables() p
                           UNION ALL SELECT r.view_name FROM %I.pooled_reports r WHERE r.pooling <> ''published''', hub_schema) LOOP
    part := careleaver.hub_partition_name(t.table_name, la);
    EXECUTE format('CREATE FOREIGN TABLE %I.%I PARTITION OF %I.%I FOR VALUES IN (%L) SERVER %I '
                   'OPTIONS (schema_name %L, table_name %L)',
                   hub_schema, part, hub_schema, t.table_name, la, server_name, export, t.table_name);
    EXECUTE format('COMMENT ON FOREIGN TABLE %I.%I IS %L', hub_schema, part,
                   format('%s of council %s, on foreign server %s (%s.%s)', t.table_name, la, server_name,
                          export, t.table_name));
    -- postgres_fdw does not check partition bounds: a council's table holding other councils'
    -- rows would be counted under this council.  Checked once, on the council's server.
    BEGIN
      EXECUTE format('SELECT count(*) FROM %I.%I WHERE la IS DISTINCT FROM %L', hub_schema, part, la)
        INTO strays;
    EXCEPTION WHEN undefined_table OR invalid_schema_name THEN
      RAISE EXCEPTION 'the server of council % (foreign server "%") has no export view %.%',
                      la, server_name, export, t.table_name
        USING ERRCODE = SQLSTATE, DETAIL = SQLERRM,
              HINT = format('The council''s dataset owner runs SELECT careleaver.create_council_export(%L); on its own server.', remote_schema);
    WHEN insufficient_privilege THEN
      RAISE EXCEPTION 'cannot read %.% on the server of council % (foreign server "%")',
                      export, t.table_name, la, server_name
        USING ERRCODE = SQLSTATE, DETAIL = SQLERRM,
              HINT = format('The council''s DBA grants the hub''s remote user USAGE ON SCHEMA %I and SELECT ON ALL TABLES IN SCHEMA %I, nothing else (doc/regional-hub.md).', export, export);
    END;
    IF strays > 0 THEN
      RAISE EXCEPTION '%.% on the server of council % holds % rows of other councils', export,
                      t.table_name, la, strays
        USING ERRCODE = '23514',
              HINT = 'Attach each council''s rows once, from a dataset holding only that council.';
    END IF;
  END LOOP;
  EXECUTE format('INSERT INTO %I.councils (la, server_name, remote_schema) VALUES ($1, $2, $3)', hub_schema)
    USING la, server_name, remote_schema;
END
$fn$;
COMMENT ON FUNCTION careleaver.hub_attach_council(text, text, text, text, integer, text, text, text, integer) IS
  'Attaches a council''s server to a regional hub: creates the postgres_fdw server (options extensions ''careleaver'' so our aggregates are pushed down, '
  'async_capable, fetch_size) unless it exists, a user mapping for the current user unless one exists (user remote_user when given; never a password: the DBA sets up the mapping''s password or a password file), and one foreign partition per pooled table '
  '(careleaver.hub_pooled_tables) for la, over the views of the council''s <remote_schema>_export schema (careleaver.create_council_export): the remote user needs USAGE on that schema and SELECT on its views, nothing else. Checks that the council has careleaver, its export views and only its own rows. host may be a socket directory. See doc/regional-hub.md';

CREATE FUNCTION careleaver.hub_detach_council(hub_schema text, la text, drop_server boolean DEFAULT true)
  RETURNS void
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, careleaver, pg_temp
  SET client_min_messages = warning
AS $fn$
DECLARE
  srv text;
  t record;
  others boolean;
BEGIN
  PERFORM careleaver.dataset_check_owner(hub_schema);  -- never run another role's code (doc/dataset.md)
  IF to_regclass(format('%I.councils', hub_schema)) IS NULL THEN
    RAISE EXCEPTION 'schema "%" is not a regional hub', hub_schema
      USING ERRCODE = '42P01', HINT = 'Create it with careleaver.create_hub(hub_schema).';
  END IF;
  EXECUTE format('DELETE FROM %I.councils WHERE la = $1 RETURNING server_name', hub_schema) INTO srv USING la;
  IF srv IS NULL THEN
    RAISE EXCEPTION 'council % is not attached to hub "%"', la, hub_schema
      USING ERRCODE = '42704', HINT = format('The attached councils are listed in %I.councils.', hub_schema);
  END IF;
  -- with the child-level tables a hub made by 0.1.0 attached
  FOR t IN SELECT p.table_name FROM careleaver.hub_pooled_tables() p
           UNION SELECT r.view_name FROM careleaver.report_views r
           UNION SELECT unnest(ARRAY['header', 'episodes', 'oc3', 'uasc', 'missing', 'reviews', 'oc2', 'population',
                                     'pool_exits', 'pool_returns_home', 'pool_trajectories']) LOOP
    EXECUTE format('DROP FOREIGN TABLE IF EXISTS %I.%I', hub_schema, careleaver.hub_partition_name(t.table_name, la));
  END LOOP;
  IF drop_server THEN
    -- keep a server still used by another council or by anything else
    SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_foreign_table ft
                     JOIN pg_catalog.pg_foreign_server s ON s.oid = ft.ftserver WHERE s.srvname = srv)
      INTO others;
    IF NOT others THEN
      EXECUTE format('DROP SERVER IF EXISTS %I CASCADE', srv);
    END IF;
  END IF;
END
$fn$;
COMMENT ON FUNCTION careleaver.hub_detach_council(text, text, boolean) IS
  'Detaches a council from a regional hub: drops its foreign partitions and its row in hub.councils, and (drop_server, the default) its foreign server and user mappings when no other foreign table uses that server';

-- ---------------------------------------------------------------- pooled states
CREATE FUNCTION careleaver.hub_council_states(hub_schema text, allow_incomplete boolean DEFAULT false)
  RETURNS TABLE (la text, server_name text, reachable boolean, problem text,
                 children bigint, episodes bigint, exits careleaver.competing_risks,
                 time_in_care careleaver.survival, reentry careleaver.survival,
                 transitions careleaver.transition_matrix)
  LANGUAGE plpgsql VOLATILE
  -- the councils' states are merged at the hub: shipping km_merge would need more than the export grants
  SET enable_partitionwise_aggregate = off
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  c record;
  ok text[] := '{}';
  missing text[] := '{}';
  servers text[] := '{}';
  reasons text[] := '{}';
  first_state text;
  msg text;
  detail text;
BEGIN
  PERFORM careleaver.dataset_check_owner(hub_schema);  -- never run another role's code (doc/dataset.md)
  IF to_regclass(format('%I.councils', hub_schema)) IS NULL THEN
    RAISE EXCEPTION 'schema "%" is not a regional hub', hub_schema
      USING ERRCODE = '42P01', HINT = 'Create it with careleaver.create_hub(hub_schema).';
  END IF;
  IF to_regclass(format('%I.council_counts', hub_schema)) IS NULL THEN
    RAISE EXCEPTION 'hub "%" was made by careleaver 0.1.0, which pooled child-level tables', hub_schema
      USING ERRCODE = '55000',
            HINT = 'Run careleaver.create_hub again, then detach and attach each council (each council first runs careleaver.create_council_export).';
  END IF;
  -- Reach every council first (one tiny remote query each, reading no row of data), so that a
  -- server that is down is named, never silently left out.
  FOR c IN EXECUTE format('SELECT la, server_name FROM %I.councils ORDER BY la', hub_schema) LOOP
    BEGIN
      EXECUTE format('SELECT 1 FROM %I.%I LIMIT 1', hub_schema, careleaver.hub_partition_name('council_counts', c.la));
      ok := ok || c.la;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL;
      missing := missing || c.la;
      servers := servers || format('%s (foreign server "%s")', c.la, c.server_name);
      reasons := reasons || (format('council %s, foreign server "%s": %s', c.la, c.server_name, msg)
                             || coalesce(': ' || nullif(regexp_replace(trim(detail), '\s+', ' ', 'g'), ''), ''));
      first_state := coalesce(first_state, SQLSTATE);
    END;
  END LOOP;
  IF cardinality(missing) > 0 AND NOT coalesce(allow_incomplete, false) THEN
    RAISE EXCEPTION 'cannot reach % of the % councils of hub "%": %', cardinality(missing),
                    cardinality(missing) + cardinality(ok), hub_schema, array_to_string(servers, ', ')
      USING ERRCODE = first_state,
            DETAIL = array_to_string(reasons, E'\n'),
            HINT = 'Start the council''s server or check its foreign server and user mapping; '
                   'or pass allow_incomplete => true to report the other councils, marked incomplete.';
  ELSIF cardinality(missing) > 0 THEN
    RAISE WARNING 'pooled figures of hub "%" are incomplete: % of % councils missing: %', hub_schema,
                  cardinality(missing), cardinality(missing) + cardinality(ok), array_to_string(servers, ', ')
      USING DETAIL = array_to_string(reasons, E'\n');
  END IF;

  RETURN QUERY EXECUTE format($q$
    SELECT c.la, c.server_name, c.la = ANY (%2$L::text[]),
           (%3$L::text[])[array_position(%4$L::text[], c.la)],
           h.children, h.episodes, x.exits, x.time_in_care, r.reentry, t.transitions
      FROM %1$I.councils c
      LEFT JOIN (SELECT p.la, sum(p.children)::bigint AS children, sum(p.episodes)::bigint AS episodes
                   FROM %1$I.council_counts p
                  WHERE p.la = ANY (%2$L::text[]) GROUP BY p.la) h ON h.la = c.la
      LEFT JOIN (SELECT p.la, careleaver.cif_merge(p.exits) AS exits,
                        careleaver.km_merge(p.time_in_care) AS time_in_care
                   FROM %1$I.exit_states p
                  WHERE p.la = ANY (%2$L::text[]) GROUP BY p.la) x ON x.la = c.la
      LEFT JOIN (SELECT p.la, careleaver.km_merge(p.reentry) AS reentry
                   FROM %1$I.reentry_states p
                  WHERE p.la = ANY (%2$L::text[]) GROUP BY p.la) r ON r.la = c.la
      LEFT JOIN (SELECT p.la, careleaver.transition_matrix_merge(p.transitions) AS transitions
                   FROM %1$I.transition_states p
                  WHERE p.la = ANY (%2$L::text[]) GROUP BY p.la) t ON t.la = c.la
     ORDER BY c.la$q$, hub_schema, ok, reasons, missing);
END
$fn$;
COMMENT ON FUNCTION careleaver.hub_council_states(text, boolean) IS
  'One row per council attached to the hub: its counts and its aggregate states (exits: careleaver.cif_agg; time_in_care and reentry: km_agg; transitions: transition_matrix_agg), '
  'merged from the per-year states of the council''s export schema (careleaver.create_council_export), which its server computes: no row per child, period or return crosses the wire. A council that cannot be reached is an error naming it and its foreign server; '
  'with allow_incomplete => true it is a row with reachable false, the problem and NULL figures, and a WARNING';

CREATE FUNCTION careleaver.hub_pooled_states(hub_schema text, allow_incomplete boolean DEFAULT false)
  RETURNS TABLE (councils text[], missing_councils text[], complete boolean, children bigint, episodes bigint,
                 exits careleaver.competing_risks, time_in_care careleaver.survival, reentry careleaver.survival,
                 transitions careleaver.transition_matrix)
  LANGUAGE sql VOLATILE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT coalesce(array_agg(s.la ORDER BY s.la) FILTER (WHERE s.reachable), '{}'),
         coalesce(array_agg(s.la ORDER BY s.la) FILTER (WHERE NOT s.reachable), '{}'),
         coalesce(bool_and(s.reachable), true),
         coalesce(sum(s.children), 0)::bigint, coalesce(sum(s.episodes), 0)::bigint,
         careleaver.cif_merge(s.exits), careleaver.km_merge(s.time_in_care), careleaver.km_merge(s.reentry),
         careleaver.transition_matrix_merge(s.transitions)
    FROM careleaver.hub_council_states(hub_schema, allow_incomplete) s
$$;
COMMENT ON FUNCTION careleaver.hub_pooled_states(text, boolean) IS
  'The states of careleaver.hub_council_states merged at the hub (cif_merge, km_merge, transition_matrix_merge; counts added): exactly the figures of one database holding every council. '
  'complete is false, and missing_councils lists the councils left out, only when allow_incomplete => true let the report go ahead without them';

CREATE FUNCTION careleaver.hub_pooled_exit_incidence(hub_schema text, allow_incomplete boolean DEFAULT false)
  RETURNS TABLE (days integer, cause integer, incidence float8, lower95 float8, upper95 float8,
                 complete boolean, missing_councils text[])
  LANGUAGE sql VOLATILE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT t.days, t.cause, t.incidence, t.lower95, t.upper95, s.complete, s.missing_councils
    FROM careleaver.hub_pooled_states(hub_schema, allow_incomplete) s
    CROSS JOIN LATERAL careleaver.cif_table(s.exits) t
   ORDER BY t.days, t.cause
$$;
COMMENT ON FUNCTION careleaver.hub_pooled_exit_incidence(text, boolean) IS
  'Pooled cumulative incidence of each way of leaving care (careleaver.cif_table of the merged exits; causes as careleaver.exits), with complete and missing_councils';

CREATE FUNCTION careleaver.hub_pooled_time_in_care(hub_schema text, allow_incomplete boolean DEFAULT false)
  RETURNS TABLE (days integer, at_risk integer, events integer, censored integer, survival float8,
                 lower95 float8, upper95 float8, complete boolean, missing_councils text[])
  LANGUAGE sql VOLATILE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT t.days, t.at_risk, t.events, t.censored, t.survival, t.lower95, t.upper95, s.complete, s.missing_councils
    FROM careleaver.hub_pooled_states(hub_schema, allow_incomplete) s
    CROSS JOIN LATERAL careleaver.km_table(s.time_in_care) t
   ORDER BY t.days
$$;
COMMENT ON FUNCTION careleaver.hub_pooled_time_in_care(text, boolean) IS
  'Pooled Kaplan-Meier table of days in care until any exit (careleaver.km_table of the merged time_in_care), with complete and missing_councils';

CREATE FUNCTION careleaver.hub_pooled_reentry(hub_schema text, allow_incomplete boolean DEFAULT false)
  RETURNS TABLE (days integer, at_risk integer, events integer, censored integer, survival float8,
                 lower95 float8, upper95 float8, complete boolean, missing_councils text[])
  LANGUAGE sql VOLATILE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT t.days, t.at_risk, t.events, t.censored, t.survival, t.lower95, t.upper95, s.complete, s.missing_councils
    FROM careleaver.hub_pooled_states(hub_schema, allow_incomplete) s
    CROSS JOIN LATERAL careleaver.km_table(s.reentry) t
   ORDER BY t.days
$$;
COMMENT ON FUNCTION careleaver.hub_pooled_reentry(text, boolean) IS
  'Pooled Kaplan-Meier table of days from a return home to re-entry into care (survival = share not yet back in care), with complete and missing_councils';

CREATE FUNCTION careleaver.hub_pooled_transitions(hub_schema text, allow_incomplete boolean DEFAULT false)
  RETURNS TABLE (from_age integer, to_age integer, from_state text, to_state text, young_people integer,
                 share numeric, complete boolean, missing_councils text[])
  LANGUAGE sql VOLATILE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT t.from_age, t.to_age, t.from_state, t.to_state, t.young_people, t.share, s.complete, s.missing_councils
    FROM careleaver.hub_pooled_states(hub_schema, allow_incomplete) s
    CROSS JOIN LATERAL careleaver.transition_table(s.transitions) t
$$;
COMMENT ON FUNCTION careleaver.hub_pooled_transitions(text, boolean) IS
  'Pooled transition table of care leavers'' states between consecutive ages (careleaver.transition_table of the merged matrix), with complete and missing_councils';

COMMENT ON FUNCTION careleaver.create_hub(text) IS
  'Creates (idempotently) a regional hub in a schema of the hub database: the pooled tables (careleaver.hub_pooled_tables) partitioned by LIST (la), the councils registry, '
  'the views pooled_states, pooled_exit_incidence, pooled_time_in_care, pooled_reentry and pooled_transitions, and pooled_<view> for the additive reporting views. Attach councils with careleaver.hub_attach_council. See doc/regional-hub.md';

-- ---------------------------------------------------------------- pseudonymised pooling
CREATE FUNCTION careleaver.pseudonymise_child(child text, la text, secret bytea) RETURNS text
  LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  crypto name;
  mac bytea;
BEGIN
  -- pgcrypto is looked up at run time, wherever it is installed: careleaver does not require it.
  SELECT n.nspname INTO crypto
    FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
   WHERE e.extname = 'pgcrypto';
  IF crypto IS NULL THEN
    RAISE EXCEPTION 'careleaver.pseudonymise_child needs the pgcrypto extension'
      USING ERRCODE = '58P01', HINT = 'Run CREATE EXTENSION pgcrypto; in this database (any schema).';
  END IF;
  IF octet_length(secret) < 32 THEN
    RAISE EXCEPTION 'pseudonymisation secret is too short: % bytes', octet_length(secret)
      USING ERRCODE = '22023',
            HINT = 'Use at least 32 random bytes held by the partnership, e.g. from gen_random_bytes(32); never a password or a word.';
  END IF;
  -- length-prefixed, so ('1', '23') and ('12', '3') differ
  EXECUTE format('SELECT %I.hmac($1, $2, %L)', crypto, 'sha256')
    INTO mac USING convert_to(format('careleaver-child-v1:%s:%s:%s', length(la), la, child), 'UTF8'), secret;
  RETURN 'p1_' || encode(mac, 'hex');
END
$fn$;
COMMENT ON FUNCTION careleaver.pseudonymise_child(text, text, bytea) IS
  'Keyed, irreversible child key for pooling: ''p1_'' and the hex HMAC-SHA256 (pgcrypto''s hmac, looked up at run time) of the council code and child identifier, keyed by a secret of at least 32 bytes held by the partnership. '
  'Stable for one secret, so the same child links across councils and years; unlinkable and not reversible without it. Never store the secret in the hub database. See doc/regional-hub.md (threat model)';
