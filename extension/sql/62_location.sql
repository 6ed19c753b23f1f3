-- ===========================================================================
-- 62_location: placement location and distance from home (metrics.md 14), the
-- dataset's postcode look-up and its loader's server side
-- (scripts/careleaver-load-postcodes), and the synthetic look-up.
-- C: extension/core/location.c, extension/pg/location.c.
-- ===========================================================================

CREATE FUNCTION careleaver.postcode_normalise(value text) RETURNS text
  AS 'MODULE_PATHNAME', 'careleaver_postcode_normalise'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.postcode_normalise(text) IS
  'A postcode as the look-up spells it (ONS pcds): spaces removed, upper case, one space before the inward code '
  '(''ls12  3ab'' gives ''LS12 3AB''); NULL when the value is not shaped like a UK postcode (metrics.md 14)';

CREATE FUNCTION careleaver.postcode_problem(value text) RETURNS text
  AS 'MODULE_PATHNAME', 'careleaver_postcode_problem'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.postcode_problem(text) IS
  'NULL when postcode_normalise reads the value as a postcode, else why not (metrics.md 14)';

CREATE FUNCTION careleaver.placement_distance_miles(home_easting integer, home_northing integer,
                                                    placement_easting integer, placement_northing integer)
  RETURNS numeric
  AS 'MODULE_PATHNAME', 'careleaver_placement_distance_miles'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.placement_distance_miles(integer, integer, integer, integer) IS
  'DfE''s distance between home and placement: the straight line between the two OS grid references (metres), '
  'sqrt(dE^2 + dN^2) / 1000 / 1.6093 miles, rounded to one decimal (metrics.md 14)';

CREATE FUNCTION careleaver.placed_more_than_20_miles(distance_miles numeric) RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_placed_more_than_20_miles'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.placed_more_than_20_miles(numeric) IS
  'True when a distance (miles, one decimal) is more than 20 miles: 20.0 is not, 20.1 is (Dashboard 46, metrics.md 14)';

CREATE FUNCTION careleaver.placement_location_breakdown(inside_council boolean, distance_miles numeric) RETURNS text
  AS 'MODULE_PATHNAME', 'careleaver_placement_location_breakdown'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.placement_location_breakdown(boolean, numeric) IS
  'DfE''s breakdown label of a new placement (la_cla_during_year_new_placements.csv): inside or outside the LA '
  'boundary, less or more than 20 miles from home; "Distance not known or not recorded" when either is NULL (metrics.md 14)';

CREATE FUNCTION careleaver.placement_location_breakdowns(OUT ordinal integer, OUT breakdown text)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_placement_location_breakdowns'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 6;
COMMENT ON FUNCTION careleaver.placement_location_breakdowns() IS
  'Every breakdown label DfE publishes for the location of new placements, in DfE''s order, the total last (metrics.md 14)';

CREATE FUNCTION careleaver.synthetic_postcode_grid(postcode text, OUT easting integer, OUT northing integer,
                                                   OUT la_code text)
  RETURNS record
  AS 'MODULE_PATHNAME', 'careleaver_synthetic_postcode_grid'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.synthetic_postcode_grid(text) IS
  'The synthetic look-up: the grid reference and council code a postcode made by careleaver.generate_synthetic '
  'stands for (NULLs for any other postcode); doc/synthetic.md';

CREATE FUNCTION careleaver.synthetic_sw_episodes(children integer, seed integer,
                                                 councils integer DEFAULT 1,
                                                 first_year integer DEFAULT 2017,
                                                 last_year integer DEFAULT 2026)
RETURNS TABLE (la text, child text, dob date, sw_id text, sw_decom date, sw_dec date, sw_reason text)
AS 'MODULE_PATHNAME', 'careleaver_synthetic_sw_episodes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 4000;
COMMENT ON FUNCTION careleaver.synthetic_sw_episodes(integer, integer, integer, integer, integer) IS
  'Social-worker episodes (SWEpisodes) of the synthetic councils: during each period of care reaching the '
  'collection years, a new social worker on average once a year (SW_REASON FCONTA for the first); deterministic '
  'in its arguments (doc/synthetic.md)';

-- The dataset's look-up tables, made by create_dataset (idempotently, also for datasets made before 0.2.0).
CREATE FUNCTION careleaver.create_location_tables(schema_name text) RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, careleaver, pg_temp
  SET client_min_messages = warning
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name, creating => true);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.postcodes (postcode text PRIMARY KEY, easting integer, '
                 'northing integer, la_code text, source_file text, source_line integer)', schema_name);
  EXECUTE format('COMMENT ON TABLE %I.postcodes IS %L', schema_name,
                 'The postcode look-up (ONS Postcode Directory or NSPL), loaded by scripts/careleaver-load-postcodes '
                 'or made by generate_synthetic: grid reference and upper-tier council of each postcode (metrics.md 14)');
  EXECUTE format('COMMENT ON COLUMN %I.postcodes.postcode IS %L', schema_name,
                 'Postcode as careleaver.postcode_normalise spells it (one space before the inward code)');
  EXECUTE format('COMMENT ON COLUMN %I.postcodes.easting IS %L', schema_name,
                 'OS grid reference, metres east (ONS oseast1m); NULL when ONS gives none');
  EXECUTE format('COMMENT ON COLUMN %I.postcodes.northing IS %L', schema_name,
                 'OS grid reference, metres north (ONS osnrth1m); NULL when ONS gives none');
  EXECUTE format('COMMENT ON COLUMN %I.postcodes.la_code IS %L', schema_name,
                 'Upper-tier local authority (the council with children''s services) the postcode lies in');
  EXECUTE format('COMMENT ON COLUMN %I.postcodes.source_file IS %L', schema_name, 'File the row was loaded from');
  EXECUTE format('COMMENT ON COLUMN %I.postcodes.source_line IS %L', schema_name, 'Line of the row in that file');
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.postcode_councils (la text PRIMARY KEY, la_code text NOT NULL)',
                 schema_name);
  EXECUTE format('COMMENT ON TABLE %I.postcode_councils IS %L', schema_name,
                 'A council''s code in the look-up''s coding (e.g. 213 = E09000033), when the dataset''s la is not '
                 'that code; placements in that council are inside its boundary (metrics.md 14)');
  EXECUTE format('COMMENT ON COLUMN %I.postcode_councils.la IS %L', schema_name, 'The council''s la as in the dataset');
  EXECUTE format('COMMENT ON COLUMN %I.postcode_councils.la_code IS %L', schema_name,
                 'The same council''s upper-tier code in the postcode look-up');
END
$fn$;
COMMENT ON FUNCTION careleaver.create_location_tables(text) IS
  'Internal (create_dataset): creates the dataset''s postcodes and postcode_councils tables when missing (metrics.md 14)';

-- Server side of scripts/careleaver-load-postcodes: the client stages the file's cells as text in
-- pg_temp.careleaver_stage_postcodes (source_line, postcode, easting, northing, utla, county, lad);
-- every cell is checked here and either the look-up is replaced as a whole or nothing changes.
CREATE FUNCTION careleaver.load_postcodes(schema_name text, source jsonb)
  RETURNS TABLE (postcodes bigint, with_grid_reference bigint, councils bigint)
  LANGUAGE plpgsql
  SET search_path = pg_catalog, careleaver, pg_temp
  SET client_min_messages = warning
AS $fn$
DECLARE
  file_name text := source->>'file';
  col jsonb := source->'columns';
  problems text[];
  n_problems bigint;
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);
  IF to_regclass('pg_temp.careleaver_stage_postcodes') IS NULL THEN
    RAISE EXCEPTION 'no staged postcode rows: pg_temp.careleaver_stage_postcodes is missing'
      USING ERRCODE = '55000', HINT = 'Load the look-up with scripts/careleaver-load-postcodes.';
  END IF;
  PERFORM careleaver.create_location_tables(schema_name);

  -- the upper-tier council: ONS's utla when the file has it, else the county (two-tier areas), else the
  -- district, which is the upper tier where there is no county (ONS writes E99999999 or blank for "no county")
  CREATE TEMP TABLE careleaver_postcode_rows ON COMMIT DROP AS
    SELECT s.source_line, s.postcode, s.easting, s.northing,
           careleaver.postcode_normalise(s.postcode) AS normalised,
           careleaver.postcode_problem(s.postcode) AS postcode_problem,
           coalesce(nullif(s.utla, ''),
                    CASE WHEN s.county !~ '^[A-Z]99999999$' THEN nullif(s.county, '') END,
                    CASE WHEN s.lad !~ '^[A-Z]99999999$' THEN nullif(s.lad, '') END) AS la_code,
           CASE WHEN nullif(s.utla, '') IS NOT NULL THEN 'utla'
                WHEN s.county !~ '^[A-Z]99999999$' AND nullif(s.county, '') IS NOT NULL THEN 'county'
                ELSE 'lad' END AS la_column
      FROM pg_temp.careleaver_stage_postcodes s;

  SELECT count(*), (array_agg(msg ORDER BY source_line, colno))[1:50] INTO n_problems, problems
    FROM (SELECT r.source_line, (col->>'postcode')::int AS colno,
                 format('%s:%s:%s: postcode %s: %s', file_name, r.source_line, col->>'postcode',
                        to_json(r.postcode), r.postcode_problem) AS msg
            FROM careleaver_postcode_rows r WHERE r.postcode_problem IS NOT NULL
          UNION ALL
          SELECT r.source_line, (col->>'easting')::int,
                 format('%s:%s:%s: easting %s: not a grid reference in metres (0 to 9999999)', file_name,
                        r.source_line, col->>'easting', to_json(r.easting))
            FROM careleaver_postcode_rows r WHERE r.easting !~ '^[0-9]{1,7}$' AND r.easting <> ''
          UNION ALL
          SELECT r.source_line, (col->>'northing')::int,
                 format('%s:%s:%s: northing %s: not a grid reference in metres (0 to 9999999)', file_name,
                        r.source_line, col->>'northing', to_json(r.northing))
            FROM careleaver_postcode_rows r WHERE r.northing !~ '^[0-9]{1,7}$' AND r.northing <> ''
          UNION ALL
          SELECT r.source_line, (col->>r.la_column)::int,
                 format('%s:%s:%s: %s %s: not a local authority code (a letter and 8 digits, such as E09000033)',
                        file_name, r.source_line, col->>r.la_column, r.la_column, to_json(r.la_code))
            FROM careleaver_postcode_rows r WHERE r.la_code !~ '^[A-Z][0-9]{8}$'
          UNION ALL
          SELECT r.source_line, (col->>'postcode')::int,
                 format('%s:%s:%s: postcode %s: a second row for %s (first at line %s)', file_name, r.source_line,
                        col->>'postcode', to_json(r.postcode), r.normalised, r.first_line)
            FROM (SELECT x.*, min(x.source_line) OVER (PARTITION BY x.normalised) AS first_line
                    FROM careleaver_postcode_rows x WHERE x.normalised IS NOT NULL) r
           WHERE r.source_line > r.first_line) p;
  IF n_problems > 0 THEN
    RAISE EXCEPTION '% bad value(s) in the postcode look-up %; nothing loaded', n_problems, file_name
      USING ERRCODE = '22P02', DETAIL = array_to_string(problems, E'\n')
        || CASE WHEN n_problems > 50 THEN format(E'\n... and %s more', n_problems - 50) ELSE '' END,
        HINT = 'The look-up is the ONS Postcode Directory or NSPL CSV; its rows are left as they were.';
  END IF;

  EXECUTE format('DELETE FROM %I.postcodes', schema_name);
  EXECUTE format('INSERT INTO %I.postcodes (postcode, easting, northing, la_code, source_file, source_line) '
                 'SELECT r.normalised, nullif(r.easting, '''')::integer, nullif(r.northing, '''')::integer, '
                 '       r.la_code, $1, r.source_line '
                 '  FROM careleaver_postcode_rows r', schema_name) USING file_name;
  DROP TABLE careleaver_postcode_rows;
  RETURN QUERY EXECUTE format('SELECT count(*), count(p.easting), count(DISTINCT p.la_code) FROM %I.postcodes p',
                              schema_name);
END
$fn$;
COMMENT ON FUNCTION careleaver.load_postcodes(text, jsonb) IS
  'Server side of scripts/careleaver-load-postcodes: checks every staged cell (postcode through postcode_problem, '
  'grid references, council codes, repeated postcodes) and replaces the dataset''s postcodes table as a whole, or '
  'raises 22P02 listing FILE:LINE:COLUMN of each bad value and changes nothing. source: {file, columns: {postcode, '
  'easting, northing, utla, county, lad: column numbers}} (metrics.md 14; doc/dataset.md)';

-- Per episode: DfE's derived PL_DISTANCE, PL_LA and PL_LOCATION (metrics.md 14), as SQL over a dataset
-- (la, child, decom, distance_miles, pl_la, inside_council); NULL where DfE leaves them blank.
CREATE FUNCTION careleaver.placement_location_sql(schema_name text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  IF to_regclass(format('%I.postcodes', schema_name)) IS NULL THEN
    RETURN format('SELECT e.la, e.child, e.decom, NULL::numeric AS distance_miles, NULL::text AS pl_la, '
                  'NULL::boolean AS inside_council FROM %I.episodes e', schema_name);
  END IF;
  RETURN format($q$
SELECT e.la, e.child, e.decom,
       CASE WHEN NOT careleaver.is_short_break(e.ls) AND NOT e.uasc
            THEN careleaver.placement_distance_miles(h.easting, h.northing, pl.easting, pl.northing) END
         AS distance_miles,
       CASE WHEN NOT careleaver.is_short_break(e.ls) THEN pl.la_code END AS pl_la,
       CASE WHEN NOT careleaver.is_short_break(e.ls) THEN pl.la_code = coalesce(c.la_code, e.la) END AS inside_council
  FROM (SELECT x.la, x.child, x.decom, x.ls, careleaver.postcode_normalise(x.home_post) AS home_post,
               careleaver.postcode_normalise(x.pl_post) AS pl_post,
               coalesce(u.child IS NOT NULL AND (u.duc IS NULL OR u.duc > x.decom), false) AS uasc
          FROM %1$I.episodes x LEFT JOIN %2$s u ON u.la = x.la AND u.child = x.child) e
  LEFT JOIN %1$I.postcodes h ON h.postcode = e.home_post
  LEFT JOIN %1$I.postcodes pl ON pl.postcode = e.pl_post
  LEFT JOIN %1$I.postcode_councils c ON c.la = e.la$q$,
    schema_name,
    CASE WHEN to_regclass(format('%I.uasc', schema_name)) IS NULL
         THEN '(SELECT NULL::text AS la, NULL::text AS child, NULL::date AS duc WHERE false)'
         ELSE format('%I.uasc', schema_name) END);
END
$fn$;
COMMENT ON FUNCTION careleaver.placement_location_sql(text) IS
  'Internal: SQL giving, per episode of a dataset, DfE''s derived distance from home (miles, one decimal), '
  'placement council (PL_LA) and whether it is inside the council (PL_LOCATION) from the postcode look-up; '
  'NULL for short breaks, distance NULL for an episode begun while the child was UASC, and NULL where a '
  'postcode is blank or not in the look-up (metrics.md 14)';

-- generate_synthetic's postcode look-up and social-worker episodes (doc/synthetic.md).
CREATE FUNCTION careleaver.generate_synthetic_locations(schema_name text, children integer, seed integer,
                                                        councils integer, first_year integer, last_year integer)
  RETURNS void
  LANGUAGE plpgsql VOLATILE STRICT
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);
  -- the look-up of every postcode the episodes of the generated councils use, decoded from the postcode
  EXECUTE format(
    'INSERT INTO %1$I.postcodes (postcode, easting, northing, la_code, source_file) '
    'SELECT DISTINCT ON (n.postcode) n.postcode, g.easting, g.northing, g.la_code, ''careleaver.generate_synthetic'' '
    '  FROM (SELECT careleaver.postcode_normalise(x.p) AS postcode '
    '          FROM %1$I.episodes e CROSS JOIN LATERAL (VALUES (e.home_post), (e.pl_post)) AS x(p) '
    '         WHERE e.la = ANY ($1)) n '
    ' CROSS JOIN LATERAL careleaver.synthetic_postcode_grid(n.postcode) g '
    ' WHERE g.easting IS NOT NULL '
    'ON CONFLICT (postcode) DO NOTHING', schema_name)
    USING careleaver.synthetic_councils(councils);
  EXECUTE format(
    'INSERT INTO %I.sw_episodes (la, child, year, dob, sw_id, sw_decom, sw_dec, sw_reason) '
    'SELECT s.la, s.child, careleaver.collection_year_of(least(coalesce(s.sw_dec, careleaver.collection_year_end($5)), '
    '                                                         careleaver.collection_year_end($5))), '
    '       s.dob, s.sw_id, s.sw_decom, s.sw_dec, s.sw_reason '
    '  FROM careleaver.synthetic_sw_episodes($1, $2, $3, $4, $5) s', schema_name)
    USING children, seed, councils, first_year, last_year;
END
$fn$;
COMMENT ON FUNCTION careleaver.generate_synthetic_locations(text, integer, integer, integer, integer, integer) IS
  'Internal (generate_synthetic): fills the dataset''s postcode look-up with the grid references of the '
  'synthetic postcodes its generated episodes use (synthetic_postcode_grid) and its sw_episodes with '
  'synthetic_sw_episodes (doc/synthetic.md; metrics.md 14)';
