-- 95_hub.sql: regional and national pooling across council servers (issue 8; doc/regional-hub.md).
--
-- A council runs careleaver.create_council_export(dataset) on its own server: views pool_exits,
-- pool_returns_home and pool_trajectories in its dataset schema give one row per period of care,
-- return home or young person, with no child identifier.  A hub database (with postgres_fdw)
-- runs careleaver.create_hub(hub) once and careleaver.hub_attach_council(...) per council: the
-- council's tables and export views become foreign partitions (by la) of the hub's tables.
-- Pooled figures are two-level queries: GROUP BY la with careleaver.km_agg / cif_agg /
-- transition_matrix_agg, pushed down by postgres_fdw to each council (the server option
-- extensions 'careleaver' makes our aggregates shippable), then km_merge / cif_merge /
-- transition_matrix_merge at the hub.  Only aggregate states cross the wire.
-- careleaver.pseudonymise_child is the keyed child key for the cases that need linkage.

-- ---------------------------------------------------------------- names
CREATE FUNCTION careleaver.hub_pooled_tables(
    OUT table_name text, OUT kind text, OUT description text)
  RETURNS SETOF record
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT * FROM (VALUES
    ('header'::text, 'dataset'::text, 'SSDA903 header: one row per child (canonical dataset table)'::text),
    ('episodes', 'dataset', 'SSDA903 episodes (canonical dataset table)'),
    ('oc3', 'dataset', 'OC3 care-leaver records (canonical dataset table)'),
    ('uasc', 'dataset', 'UASC records (canonical dataset table)'),
    ('missing', 'dataset', 'Missing episodes (canonical dataset table)'),
    ('reviews', 'dataset', 'Reviews (canonical dataset table)'),
    ('oc2', 'dataset', 'OC2 outcome records (canonical dataset table)'),
    ('population', 'dataset', 'Child population by year and age (canonical dataset table)'),
    ('pool_exits', 'export', 'One row per period of care: entry year, days to exit or censoring, exit cause (careleaver.exits); no child identifier'),
    ('pool_returns_home', 'export', 'One row per return home: year of return, days followed up, whether the child came back into care (careleaver.returns_home); no child identifier'),
    ('pool_trajectories', 'export', 'One row per care leaver with OC3 records: the trajectory (careleaver.leaver_trajectory_agg); no child identifier'),
    ('care_leavers_by_age', 'report', 'Reporting view care_leavers_by_age of each council (careleaver.create_reports): counts per collection year and age'),
    ('looked_after_summary', 'report', 'Reporting view looked_after_summary of each council (careleaver.create_reports): counts per collection year'),
    ('placement_stability', 'report', 'Reporting view placement_stability of each council (careleaver.create_reports): counts per collection year'),
    ('data_quality', 'report', 'Reporting view data_quality of each council (careleaver.create_reports): defects per collection year')
  ) AS t(table_name, kind, description)
$$;
COMMENT ON FUNCTION careleaver.hub_pooled_tables() IS
  'The tables a regional hub pools from each council: the canonical dataset tables (kind dataset), the export views of careleaver.create_council_export (kind export) and the additive reporting views of careleaver.create_reports (kind report), with what they hold';

CREATE FUNCTION careleaver.hub_partition_name(table_name text, la text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $$ SELECT table_name || '_' || lower(la) $$;
COMMENT ON FUNCTION careleaver.hub_partition_name(text, text) IS
  'Name of the hub''s foreign partition of a pooled table for one council: table_la (e.g. episodes_e09000027)';

-- ---------------------------------------------------------------- council side
CREATE FUNCTION careleaver.create_council_export(dataset_schema text, data_end date DEFAULT NULL)
  RETURNS SETOF text
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  -- the last day the data covers: given, or 31 March of the collection year of the latest date
  data_end_sql text := CASE WHEN data_end IS NOT NULL THEN format('%L::date', data_end) ELSE
    'careleaver.data_end(max(greatest(e.decom, coalesce(e."dec", e.decom))))' END;
  hist text;
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
  hist := format($q$
  data_end AS (
    SELECT e.la, %2$s AS data_end FROM %1$I.episodes e GROUP BY e.la),
  history AS (
    SELECT e.la, e.child,
           careleaver.care_history_agg(e.decom, e."dec", e.rne, e.ls, e.place, e.rec) AS history
      FROM %1$I.episodes e GROUP BY e.la, e.child)$q$, dataset_schema, data_end_sql);

  EXECUTE format($q$CREATE OR REPLACE VIEW %1$I.pool_exits AS
WITH %2$s
SELECT h.la,
       careleaver.collection_year_of(x.start_date) AS entry_year,
       x.duration_days, x.cause, x.exit_route
  FROM history h
  JOIN %1$I.header p ON p.la = h.la AND p.child = h.child
  JOIN data_end d ON d.la = h.la
  CROSS JOIN LATERAL careleaver.exits(h.history, p.dob, d.data_end) x$q$, dataset_schema, hist);
  EXECUTE format('COMMENT ON VIEW %I.pool_exits IS %L', dataset_schema,
    'Export for regional pooling (careleaver.create_council_export): one row per period of care, no child identifier; '
    'the hub reads it only through careleaver.cif_agg / km_agg pushed down to this server');
  EXECUTE format('COMMENT ON COLUMN %I.pool_exits.la IS %L', dataset_schema, 'Local authority code');
  EXECUTE format('COMMENT ON COLUMN %I.pool_exits.entry_year IS %L', dataset_schema,
    'Collection year in which the period of care started');
  EXECUTE format('COMMENT ON COLUMN %I.pool_exits.duration_days IS %L', dataset_schema,
    'Days from the start of the period to its end, or to the end of the data plus one when open (careleaver.exits)');
  EXECUTE format('COMMENT ON COLUMN %I.pool_exits.cause IS %L', dataset_schema,
    '0 censored (still open), 1 returned home, 2 adopted, 3 special guardianship, 4 child arrangements order, 5 turned 18, 6 other (careleaver.exits)');
  EXECUTE format('COMMENT ON COLUMN %I.pool_exits.exit_route IS %L', dataset_schema, 'Name of the cause');
  RETURN NEXT 'pool_exits';

  EXECUTE format($q$CREATE OR REPLACE VIEW %1$I.pool_returns_home AS
WITH %2$s
SELECT h.la,
       careleaver.collection_year_of(r.return_date) AS return_year,
       r.follow_up_days, r.reentry_date IS NOT NULL AS reentered
  FROM history h
  JOIN data_end d ON d.la = h.la
  CROSS JOIN LATERAL careleaver.returns_home(h.history, d.data_end) r$q$, dataset_schema, hist);
  EXECUTE format('COMMENT ON VIEW %I.pool_returns_home IS %L', dataset_schema,
    'Export for regional pooling (careleaver.create_council_export): one row per return home (REC E4A, E4B), no child identifier; '
    'the hub reads it only through careleaver.km_agg pushed down to this server');
  EXECUTE format('COMMENT ON COLUMN %I.pool_returns_home.la IS %L', dataset_schema, 'Local authority code');
  EXECUTE format('COMMENT ON COLUMN %I.pool_returns_home.return_year IS %L', dataset_schema,
    'Collection year of the return home');
  EXECUTE format('COMMENT ON COLUMN %I.pool_returns_home.follow_up_days IS %L', dataset_schema,
    'Days to re-entry into care, or days followed up to the end of the data when none (careleaver.returns_home)');
  EXECUTE format('COMMENT ON COLUMN %I.pool_returns_home.reentered IS %L', dataset_schema,
    'True when the child came back into care by the end of the data');
  RETURN NEXT 'pool_returns_home';

  EXECUTE format($q$CREATE OR REPLACE VIEW %1$I.pool_trajectories AS
SELECT o.la, careleaver.leaver_trajectory_agg(b.age, o.in_touch, o.activ, o.accom) AS trajectory
  FROM %1$I.oc3 o
  CROSS JOIN LATERAL careleaver.collection_year_birthday(o.dob, o.year) b
 WHERE b.age BETWEEN 17 AND 25
 GROUP BY o.la, o.child$q$, dataset_schema);
  EXECUTE format('COMMENT ON VIEW %I.pool_trajectories IS %L', dataset_schema,
    'Export for regional pooling (careleaver.create_council_export): one care leaver''s OC3 trajectory per row, no child identifier; '
    'the hub reads it only through careleaver.transition_matrix_agg pushed down to this server');
  EXECUTE format('COMMENT ON COLUMN %I.pool_trajectories.la IS %L', dataset_schema, 'Local authority code');
  EXECUTE format('COMMENT ON COLUMN %I.pool_trajectories.trajectory IS %L', dataset_schema,
    'OC3 observations by age at the birthday in the collection year (17 to 25)');
  RETURN NEXT 'pool_trajectories';

  -- the reporting views (doc/reporting.md): per council and year, counts only
  RETURN QUERY SELECT careleaver.create_reports(dataset_schema);
END
$fn$;
COMMENT ON FUNCTION careleaver.create_council_export(text, date) IS
  'Run by a council on its own server: creates (or replaces) the export views pool_exits, pool_returns_home and pool_trajectories in its dataset schema, and the reporting views (careleaver.create_reports), '
  'which a regional hub reads only through aggregates pushed down by postgres_fdw. data_end is the last day the data covers '
  '(NULL: 31 March of the collection year of the latest DECOM or DEC, per council). Returns the names of the views. See doc/regional-hub.md';

-- ---------------------------------------------------------------- hub side
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
  -- The dataset tables' layout comes from create_dataset itself, so the hub follows the contract.
  EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', layout);
  PERFORM careleaver.create_dataset(layout);
  PERFORM careleaver.create_reports(layout);
  FOR t IN SELECT * FROM careleaver.hub_pooled_tables() p WHERE p.kind = 'dataset' LOOP
    -- no primary key: a partitioned table with a unique index cannot have foreign partitions
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I.%I (LIKE %I.%I INCLUDING DEFAULTS INCLUDING COMMENTS) '
                   'PARTITION BY LIST (la)', hub_schema, t.table_name, layout, t.table_name);
    EXECUTE format('COMMENT ON TABLE %I.%I IS %L', hub_schema, t.table_name,
                   t.description || ', pooled at the hub: one foreign partition per council (careleaver.hub_attach_council)');
  END LOOP;
  -- The councils' additive reporting views: rows per council, year (and age, defect); the pooled
  -- view adds the counts (bigint columns) over the councils, grouped by the other columns.
  FOR t IN SELECT * FROM careleaver.hub_pooled_tables() p WHERE p.kind = 'report' LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I.%I (LIKE %I.%I INCLUDING COMMENTS) PARTITION BY LIST (la)',
                   hub_schema, t.table_name, layout, t.table_name);
    EXECUTE format('COMMENT ON TABLE %I.%I IS %L', hub_schema, t.table_name,
                   t.description || '. One foreign partition per council: only these counts cross the wire');
    SELECT string_agg(format('%I', a.attname), ', ' ORDER BY a.attnum) FILTER (WHERE a.atttypid <> 'int8'::regtype),
           string_agg(format('sum(%1$I)::bigint AS %1$I', a.attname), ', ' ORDER BY a.attnum)
             FILTER (WHERE a.atttypid = 'int8'::regtype)
      INTO keys, sums
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid = format('%I.%I', layout, t.table_name)::regclass AND a.attnum > 0 AND NOT a.attisdropped
       AND a.attname <> 'la';
    EXECUTE format('CREATE OR REPLACE VIEW %I.%I AS SELECT count(DISTINCT la) AS councils, %s, %s FROM %I.%I GROUP BY %s',
                   hub_schema, 'pooled_' || t.table_name, keys, sums, hub_schema, t.table_name, keys);
    EXECUTE format('COMMENT ON VIEW %I.%I IS %L', hub_schema, 'pooled_' || t.table_name,
                   format('%s added over the attached councils (councils: how many had rows); publish through round_total and the suppression functions (doc/disclosure.md)', t.table_name));
  END LOOP;
  EXECUTE format('DROP SCHEMA %I CASCADE', layout);

  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.pool_exits (la text NOT NULL, entry_year integer, '
                 'duration_days integer, cause integer, exit_route text) PARTITION BY LIST (la)', hub_schema);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.pool_returns_home (la text NOT NULL, return_year integer, '
                 'follow_up_days integer, reentered boolean) PARTITION BY LIST (la)', hub_schema);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.pool_trajectories (la text NOT NULL, '
                 'trajectory careleaver.leaver_trajectory) PARTITION BY LIST (la)', hub_schema);
  FOR t IN SELECT * FROM careleaver.hub_pooled_tables() p WHERE p.kind = 'export' LOOP
    EXECUTE format('COMMENT ON TABLE %I.%I IS %L', hub_schema, t.table_name,
                   t.description || '. Pooled at the hub: one foreign partition per council over the council''s view '
                   '(careleaver.create_council_export); read it only through careleaver.hub_council_states');
  END LOOP;

  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.councils (la text PRIMARY KEY, server_name text NOT NULL, '
                 'remote_schema text NOT NULL, attached_at timestamptz NOT NULL DEFAULT now())', hub_schema);
  EXECUTE format('COMMENT ON TABLE %I.councils IS %L', hub_schema,
                 'Councils attached to the hub (careleaver.hub_attach_council): one row per council');
  EXECUTE format('COMMENT ON COLUMN %I.councils.la IS %L', hub_schema, 'Local authority code');
  EXECUTE format('COMMENT ON COLUMN %I.councils.server_name IS %L', hub_schema,
                 'postgres_fdw foreign server of the council');
  EXECUTE format('COMMENT ON COLUMN %I.councils.remote_schema IS %L', hub_schema,
                 'Dataset schema on the council''s server');
  EXECUTE format('COMMENT ON COLUMN %I.councils.attached_at IS %L', hub_schema, 'When the council was attached');

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

  FOR t IN SELECT * FROM careleaver.hub_pooled_tables() LOOP
    part := careleaver.hub_partition_name(t.table_name, la);
    EXECUTE format('CREATE FOREIGN TABLE %I.%I PARTITION OF %I.%I FOR VALUES IN (%L) SERVER %I '
                   'OPTIONS (schema_name %L, table_name %L)',
                   hub_schema, part, hub_schema, t.table_name, la, server_name, remote_schema, t.table_name);
    EXECUTE format('COMMENT ON FOREIGN TABLE %I.%I IS %L', hub_schema, part,
                   format('%s of council %s, on foreign server %s (%s.%s)', t.table_name, la, server_name,
                          remote_schema, t.table_name));
    -- postgres_fdw does not check partition bounds: a council's table holding other councils'
    -- rows would be counted under this council.  Checked once, on the council's server.
    IF t.kind = 'dataset' THEN
      BEGIN
        EXECUTE format('SELECT count(*) FROM %I.%I WHERE la IS DISTINCT FROM %L', hub_schema, part, la)
          INTO strays;
      EXCEPTION WHEN undefined_table OR insufficient_privilege THEN
        RAISE EXCEPTION 'cannot read %.% on the server of council % (foreign server "%")',
                        remote_schema, t.table_name, la, server_name
          USING ERRCODE = SQLSTATE, DETAIL = SQLERRM,
                HINT = 'The council creates its dataset with careleaver.create_dataset and grants SELECT to the hub''s remote user.';
      END;
      IF strays > 0 THEN
        RAISE EXCEPTION '%.% on the server of council % holds % rows of other councils', remote_schema,
                        t.table_name, la, strays
          USING ERRCODE = '23514',
                HINT = 'Attach each council''s rows once, from a schema (or view) holding only that council.';
      END IF;
    END IF;
  END LOOP;
  BEGIN
    EXECUTE format('SELECT 1 FROM %I.%I LIMIT 1', hub_schema, careleaver.hub_partition_name('pool_exits', la));
  EXCEPTION WHEN undefined_table THEN
    RAISE EXCEPTION 'the server of council % (foreign server "%") has no export views in schema "%"',
                    la, server_name, remote_schema
      USING ERRCODE = SQLSTATE, DETAIL = SQLERRM,
            HINT = format('The council runs SELECT careleaver.create_council_export(%L); on its own server.', remote_schema);
  END;
  EXECUTE format('INSERT INTO %I.councils (la, server_name, remote_schema) VALUES ($1, $2, $3)', hub_schema)
    USING la, server_name, remote_schema;
END
$fn$;
COMMENT ON FUNCTION careleaver.hub_attach_council(text, text, text, text, integer, text, text, text, integer) IS
  'Attaches a council''s server to a regional hub: creates the postgres_fdw server (options extensions ''careleaver'' so our aggregates are pushed down, '
  'async_capable, fetch_size) unless it exists, a user mapping for the current user unless one exists (user remote_user when given; never a password: the DBA sets up the mapping''s password or a password file), and one foreign partition per pooled table '
  '(careleaver.hub_pooled_tables) for la. Checks that the council has careleaver, its export views and only its own rows. host may be a socket directory. See doc/regional-hub.md';

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
  FOR t IN SELECT * FROM careleaver.hub_pooled_tables() LOOP
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
  -- each council's GROUP BY la becomes one aggregate pushed down to its server
  SET enable_partitionwise_aggregate = on
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
  -- Reach every council first (one tiny remote query each, reading no row of data), so that a
  -- server that is down is named, never silently left out.
  FOR c IN EXECUTE format('SELECT la, server_name FROM %I.councils ORDER BY la', hub_schema) LOOP
    BEGIN
      EXECUTE format('SELECT 1 FROM %I.%I LIMIT 1', hub_schema, careleaver.hub_partition_name('header', c.la));
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
           h.children, e.episodes, x.exits, x.time_in_care, r.reentry, t.transitions
      FROM %1$I.councils c
      LEFT JOIN (SELECT p.la, count(*) AS children FROM %1$I.header p
                  WHERE p.la = ANY (%2$L::text[]) GROUP BY p.la) h ON h.la = c.la
      LEFT JOIN (SELECT p.la, count(*) AS episodes FROM %1$I.episodes p
                  WHERE p.la = ANY (%2$L::text[]) GROUP BY p.la) e ON e.la = c.la
      LEFT JOIN (SELECT p.la, careleaver.cif_agg(p.duration_days, p.cause) AS exits,
                        careleaver.km_agg(p.duration_days, p.cause <> 0) AS time_in_care
                   FROM %1$I.pool_exits p
                  WHERE p.la = ANY (%2$L::text[]) GROUP BY p.la) x ON x.la = c.la
      LEFT JOIN (SELECT p.la, careleaver.km_agg(p.follow_up_days, p.reentered) AS reentry
                   FROM %1$I.pool_returns_home p
                  WHERE p.la = ANY (%2$L::text[]) GROUP BY p.la) r ON r.la = c.la
      LEFT JOIN (SELECT p.la, careleaver.transition_matrix_agg(p.trajectory) AS transitions
                   FROM %1$I.pool_trajectories p
                  WHERE p.la = ANY (%2$L::text[]) GROUP BY p.la) t ON t.la = c.la
     ORDER BY c.la$q$, hub_schema, ok, reasons, missing);
END
$fn$;
COMMENT ON FUNCTION careleaver.hub_council_states(text, boolean) IS
  'One row per council attached to the hub: its counts and its aggregate states (exits: careleaver.cif_agg; time_in_care and reentry: km_agg; transitions: transition_matrix_agg), '
  'each computed on the council''s server (GROUP BY la pushed down by postgres_fdw). A council that cannot be reached is an error naming it and its foreign server; '
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
