-- Validation of an annual return against the DfE rules for episode timelines
-- and care leavers (doc/validation.md).  The rules run as set-based SQL over
-- the <dataset>.return_* tables created by careleaver.create_dataset; every
-- rule keeps the DfE rule code an analyst already knows, and every message is
-- in our own words.

-- ---------------------------------------------------------------------------
-- The rule registry: one row per DfE rule, its check written as SQL over the
-- base relations that careleaver.validation_bases_sql builds once per run
-- (doc/validation.md, "Adding a rule").  The rows are in 81_validation_rules.sql
-- and the files after it.

-- A check that only filters one base relation, split into its parts so that validate can run every
-- such check of a base in one scan of it (doc/validation.md, "Speed"): the registry keeps it in the
-- generated column check_filter, so a rule written the standard way is folded without more ado.
CREATE FUNCTION careleaver.validation_check_filter(check_sql text)
RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  s text := btrim(check_sql, E' \t\r\n');
  parts text[];
  masked text := '';
  i integer;
  p_from integer; p_where integer; p_tbl integer; p_cols integer; p_msg integer;
  head text; mhead text;
  m text[];
  piece text;
BEGIN
  -- the text with every string literal's content blanked to x, position for position, so that SQL
  -- keywords are looked for outside literals only ('' inside a literal splits it in two: still blanked)
  parts := string_to_array(s, '''');
  FOR i IN 1 .. array_length(parts, 1) LOOP
    masked := masked || CASE WHEN i > 1 THEN '''' ELSE '' END
                     || CASE WHEN i % 2 = 1 THEN parts[i] ELSE repeat('x', length(parts[i])) END;
  END LOOP;
  -- one SELECT over one base relation with a WHERE: no join, subquery, grouping, window, set-returning
  -- or aggregate call, comment, E'' string or dollar quote other than the parameters $1-$4
  IF array_length(parts, 1) % 2 = 0
     OR masked !~* '^SELECT\s'
     OR regexp_count(masked, '\mselect\M', 1, 'i') <> 1
     OR regexp_count(masked, '\mfrom\M', 1, 'i') <> 1
     OR regexp_count(masked, '\mwhere\M', 1, 'i') <> 1
     OR regexp_count(masked, '\mas\s+tbl\M', 1, 'i') <> 1
     OR regexp_count(masked, '\mas\s+msg\M', 1, 'i') <> 1
     OR masked ~* '\m(join|union|intersect|except|group|order|limit|offset|having|window|over|distinct|lateral|values|fetch|filter|within|tablesample|returning|for)\M'
     OR masked ~* '\m(count|sum|min|max|avg|array_agg|string_agg|bool_or|bool_and|every|json_agg|jsonb_agg|json_object_agg|jsonb_object_agg|xmlagg|range_agg|range_intersect_agg|percentile_cont|percentile_disc|mode|stddev|stddev_pop|stddev_samp|variance|var_pop|var_samp|bit_and|bit_or|bit_xor|corr|covar_pop|covar_samp|regr_\w+|unnest|generate_series|generate_subscripts|regexp_matches|regexp_split_to_table|string_to_table|json_array_elements|jsonb_array_elements|json_array_elements_text|jsonb_array_elements_text|json_each|jsonb_each|json_each_text|jsonb_each_text|json_object_keys|jsonb_object_keys|json_populate_recordset|jsonb_populate_recordset|json_to_recordset|jsonb_to_recordset|jsonb_path_query|ts_stat|pg_\w+)\s*\('
     OR masked ~ '--|/\*|;|\\'
     OR masked ~* '\m[eu]&?'''
     OR regexp_replace(masked, '\$[1-4]\M', '', 'g') ~ '\$' THEN
    RETURN NULL;
  END IF;
  p_from := regexp_instr(masked, '\mFROM\M', 1, 1, 0, 'i');
  p_where := regexp_instr(masked, '\mWHERE\M', 1, 1, 0, 'i');
  IF p_where < p_from THEN
    RETURN NULL;
  END IF;
  -- FROM <base> <alias> WHERE
  m := regexp_match(substr(masked, p_from, p_where - p_from), '^FROM\s+([a-z_][a-z0-9_]*)\s+(?:AS\s+)?([a-z_][a-z0-9_]*)\s+$', 'i');
  IF m IS NULL OR lower(m[2]) IN ('where', 'as', 'hit_') THEN  -- hit_ names the folded scan's rows
    RETURN NULL;
  END IF;
  -- the select list: <tbl> AS tbl, a.la, a.child, a.source_file, a.source_line, <msg> AS msg
  mhead := substr(masked, 7, p_from - 7);
  head := substr(s, 7, p_from - 7);
  p_tbl := regexp_instr(mhead, '\s+AS\s+tbl\s*,', 1, 1, 0, 'i');
  p_cols := regexp_instr(mhead, '\s+AS\s+tbl\s*,', 1, 1, 1, 'i');
  IF p_tbl = 0 OR substr(mhead, p_cols) !~* ('^\s*' || m[2] || '\.la\s*,\s*' || m[2] || '\.child\s*,\s*' || m[2]
                                             || '\.source_file\s*,\s*' || m[2] || '\.source_line\s*,') THEN
    RETURN NULL;
  END IF;
  p_msg := p_cols + regexp_instr(substr(mhead, p_cols), '\.source_line\s*,\s*', 1, 1, 1, 'i') - 1;
  IF regexp_instr(mhead, '\s+AS\s+msg\s*$', 1, 1, 0, 'i') = 0 THEN
    RETURN NULL;
  END IF;
  -- every piece a whole expression: balanced parentheses
  FOREACH piece IN ARRAY ARRAY[substr(mhead, 1, p_tbl - 1),
                               substr(mhead, p_msg, regexp_instr(mhead, '\s+AS\s+msg\s*$', 1, 1, 0, 'i') - p_msg),
                               substr(masked, p_where + 5)] LOOP
    IF btrim(piece) = '' OR length(replace(piece, '(', '')) <> length(replace(piece, ')', '')) THEN
      RETURN NULL;
    END IF;
  END LOOP;
  RETURN ARRAY[lower(m[1]), lower(m[2]),
               btrim(substr(head, 1, p_tbl - 1)),
               btrim(substr(head, p_msg, regexp_instr(mhead, '\s+AS\s+msg\s*$', 1, 1, 0, 'i') - p_msg)),
               btrim(substr(s, p_where + 5), E' \t\r\n')];
END;
$fn$;

COMMENT ON FUNCTION careleaver.validation_check_filter(text) IS
  'The parts {base, alias, tbl, msg, condition} of a validation check of the form SELECT <tbl> AS tbl, a.la, a.child, a.source_file, a.source_line, <msg> AS msg FROM <base> a WHERE <condition> (no join, subquery, grouping, window, aggregate or set-returning call, comment); NULL for any other check';

CREATE TABLE careleaver.validation_rules (
  rule_code      text PRIMARY KEY,
  family         text NOT NULL,
  description    text NOT NULL,
  since_year     integer,
  module         text NOT NULL,
  message        text NOT NULL,
  until_year     integer,
  modules_needed text[] NOT NULL DEFAULT '{}',
  needs_history  boolean NOT NULL DEFAULT false,
  check_sql      text,
  note           text,
  refusals       text[] NOT NULL DEFAULT '{}',
  not_checkable  text,
  check_filter   text[] GENERATED ALWAYS AS (careleaver.validation_check_filter(check_sql)) STORED,
  CONSTRAINT validation_rules_years CHECK (until_year IS NULL OR since_year IS NULL OR since_year <= until_year),
  CONSTRAINT validation_rules_check_or_reason CHECK ((check_sql IS NULL) <> (not_checkable IS NULL))
);

COMMENT ON TABLE careleaver.validation_rules IS
  'The DfE SSDA903 validation rules careleaver.validate knows: one row per rule with its DfE message, the collection years it applies to, the modules it needs, and its check as SQL over the base relations of a run; rules that cannot be checked say why (doc/validation.md)';
COMMENT ON COLUMN careleaver.validation_rules.rule_code IS 'DfE rule code, as in the DfE validator (e.g. 142, 503A)';
COMMENT ON COLUMN careleaver.validation_rules.family IS 'Group of rules: episode timeline, across years, legal status and short breaks, age at cessation, care leavers, header, cross-table, other modules, loader';
COMMENT ON COLUMN careleaver.validation_rules.description IS 'What the rule checks, in our words';
COMMENT ON COLUMN careleaver.validation_rules.since_year IS 'First collection year (named by the year it ends) the rule applies to; NULL = every year';
COMMENT ON COLUMN careleaver.validation_rules.module IS 'Return module(s) whose rows the rule flags';
COMMENT ON COLUMN careleaver.validation_rules.message IS 'DfE''s message for the rule, as the DfE validation rules word it';
COMMENT ON COLUMN careleaver.validation_rules.until_year IS 'Last collection year the rule applies to; NULL = still in force';
COMMENT ON COLUMN careleaver.validation_rules.modules_needed IS 'Dataset modules (return_<module> tables) the check reads; the rule is skipped for a dataset without one of them';
COMMENT ON COLUMN careleaver.validation_rules.needs_history IS 'The check reads returns before the one validated (last year''s, or every earlier one loaded)';
COMMENT ON COLUMN careleaver.validation_rules.check_sql IS 'The check: a SELECT over the base relations of a run yielding (tbl, la, child, source_file, source_line, msg) for each flagged row; $1 year, $2 its first day, $3 its last day, $4 the council or NULL; @schema@ names the dataset schema. NULL when not checkable';
COMMENT ON COLUMN careleaver.validation_rules.note IS 'Where our reading differs from DfE''s wording or from the public validator (csc-validator-be-903), and why';
COMMENT ON COLUMN careleaver.validation_rules.refusals IS 'Values the loader refuses that this rule covers, as Module.COLUMN (e.g. Episodes.CIN): a row the loader skipped for such a value is reported under this rule';
COMMENT ON COLUMN careleaver.validation_rules.not_checkable IS 'NULL for a rule that runs; otherwise why it cannot be checked (e.g. not checkable: no postcode look-up)';
COMMENT ON COLUMN careleaver.validation_rules.check_filter IS 'Generated from check_sql: {base, alias, tbl, msg, condition} when the check only filters one base relation (validate runs every such check of a base in one scan of it), else NULL';

-- ---------------------------------------------------------------------------
-- Helpers that adapt the rule query to the column types of a dataset.

-- How a column is read, given its stored type (NULL: the table lacks it): a code column as canonical
-- text (a code type prints its DfE spelling; a text column is trimmed and upper-cased, blank NULL), any
-- other as stored.  One decision, used per column by the helpers below and for whole tables at once by
-- validation_bases_sql (asking the catalogue once per run, not once per column).
CREATE FUNCTION careleaver.validation_read_expr(stored_type regtype, column_name text, alias text, as_code boolean)
RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  RETURN CASE WHEN stored_type IS NULL THEN 'NULL::text'
              WHEN NOT as_code THEN format('%I.%I', alias, column_name)
              WHEN stored_type IN ('text'::regtype, 'character varying'::regtype, 'character'::regtype)
              THEN format('nullif(upper(btrim(%I.%I)), %L)', alias, column_name, '')
              ELSE format('(%I.%I)::text', alias, column_name) END;
END;
$fn$;

COMMENT ON FUNCTION careleaver.validation_read_expr(regtype, text, text, boolean) IS
  'SQL expression reading a column of the given stored type (NULL: absent, read as NULL) as canonical text when as_code (code types print their DfE spelling; text is trimmed and upper-cased), else as stored';

CREATE FUNCTION careleaver.validation_code_expr(schema_name text, table_name text, column_name text, alias text)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT careleaver.validation_read_expr(
           (SELECT a.atttypid::regtype FROM pg_attribute a
             WHERE a.attrelid = to_regclass(format('%I.%I', schema_name, table_name))
               AND a.attname = column_name AND a.attnum > 0 AND NOT a.attisdropped),
           column_name, alias, true)
$$;

CREATE FUNCTION careleaver.validation_column_expr(schema_name text, table_name text, column_name text, alias text)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT careleaver.validation_read_expr(
           (SELECT a.atttypid::regtype FROM pg_attribute a
             WHERE a.attrelid = to_regclass(format('%I.%I', schema_name, table_name))
               AND a.attname = column_name AND a.attnum > 0 AND NOT a.attisdropped),
           column_name, alias, false)
$$;

COMMENT ON FUNCTION careleaver.validation_column_expr(text, text, text, text) IS
  'SQL expression reading a column of a dataset table as stored, or NULL when the table lacks it';

COMMENT ON FUNCTION careleaver.validation_code_expr(text, text, text, text) IS
  'SQL expression reading a code column of a dataset table as canonical text (code types print their DfE spelling; text columns are trimmed and upper-cased)';

CREATE FUNCTION careleaver.validation_valid_expr(schema_name text, column_name text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  t regtype;
  c text;
BEGIN
  SELECT a.atttypid::regtype INTO t
    FROM pg_attribute a
   WHERE a.attrelid = to_regclass(format('%I.return_oc3', schema_name))
     AND a.attname = column_name AND a.attnum > 0 AND NOT a.attisdropped;
  -- A typed column: ask the code list itself.
  IF t IS NOT NULL AND t NOT IN ('text'::regtype, 'character varying'::regtype, 'character'::regtype)
     AND to_regprocedure(format('careleaver.valid_in_year(%s, integer)', t::text)) IS NOT NULL THEN
    RETURN format('careleaver.valid_in_year(o.%I, $1)', column_name);
  END IF;
  -- A text column (dataset built without the code types): the same lists, by name.
  c := careleaver.validation_code_expr(schema_name, 'return_oc3', column_name, 'o');
  RETURN CASE column_name
    WHEN 'in_touch' THEN format('careleaver.code_valid_in_year(%L, %s, $1)', 'contact_status', c)
    WHEN 'activ' THEN format('careleaver.code_valid_in_year(%L, %s, $1)', 'leaver_activity', c)
    WHEN 'accom' THEN format('careleaver.code_valid_in_year(%L, %s, $1)', 'leaver_accommodation', c)
    ELSE 'true' END;
END;
$fn$;

COMMENT ON FUNCTION careleaver.validation_valid_expr(text, text) IS
  'SQL expression telling whether the OC3 code in a column is valid in the collection year ($1): careleaver.valid_in_year for a typed column, careleaver.code_valid_in_year for a text column';

-- ---------------------------------------------------------------------------
-- The base relations of a run: built once per run as the WITH list of the one
-- statement that runs every check; a base no check reads is never computed
-- (PostgreSQL plans no unreferenced CTE).

CREATE FUNCTION careleaver.validation_module_name(module text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT CASE module WHEN 'header' THEN 'Header' WHEN 'episodes' THEN 'Episodes' WHEN 'uasc' THEN 'UASC'
                     WHEN 'oc3' THEN 'OC3' WHEN 'oc2' THEN 'OC2' WHEN 'ad1' THEN 'AD1'
                     WHEN 'missing' THEN 'Missing' WHEN 'reviews' THEN 'Reviews'
                     WHEN 'placed_adoption' THEN 'PlacedAdoption' WHEN 'prev_perm' THEN 'PrevPerm'
                     WHEN 'sw_episodes' THEN 'SWEpisodes'
                     ELSE module END
$$;

COMMENT ON FUNCTION careleaver.validation_module_name(text) IS
  'DfE''s name of a dataset module (placed_adoption: PlacedAdoption), as validate''s table_name gives it';

CREATE FUNCTION careleaver.validation_refused_sql(schema_name text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  ds text := schema_name;
  kept text;
  has_module boolean;
  has_child boolean;
BEGIN
  -- a refused row is one the loader skipped: no return table holds its file and line
  SELECT string_agg(format('SELECT 1 FROM %I.%I k WHERE k.la = r.la AND k.year = r.year '
                           'AND k.source_file = r.source_file AND k.source_line = r.source_line',
                           ds, 'return_' || d.module), ' UNION ALL ')
    INTO kept
    FROM (SELECT DISTINCT c.module FROM careleaver.dataset_columns() c) d
   WHERE to_regclass(format('%I.%I', ds, 'return_' || d.module)) IS NOT NULL;
  SELECT bool_or(a.attname = 'module'), bool_or(a.attname = 'child') INTO has_module, has_child
    FROM pg_attribute a
   WHERE a.attrelid = to_regclass(format('%I.rejects', ds)) AND a.attnum > 0 AND NOT a.attisdropped;
  -- the module of a refused row: recorded by the loader since 0.2.0; for older rows, the module the
  -- returns table records for the file
  RETURN format($q$
    SELECT careleaver.validation_module_name(coalesce(%2$s, f.module)) AS tbl, r.la,
           %3$s AS child, r.source_file, r.source_line, upper(r.column_name) AS column_name, r.value, r.reason
      FROM %1$I.rejects r
      LEFT JOIN LATERAL (SELECT max(x->>'module') AS module
                           FROM (%5$s) t CROSS JOIN LATERAL jsonb_array_elements(t.files) x
                          WHERE t.la = r.la AND t.year = r.year AND x->>'name' = r.source_file) f ON true
     WHERE r.year = $1 AND ($4::text IS NULL OR r.la = $4)
       AND NOT EXISTS (%4$s)$q$,
    ds, CASE WHEN coalesce(has_module, false) THEN 'r.module' ELSE 'NULL::text' END,
    CASE WHEN coalesce(has_child, false) THEN 'r.child' ELSE 'NULL::text' END,
    coalesce(kept, 'SELECT 1 WHERE false'),
    CASE WHEN to_regclass(format('%I.returns', ds)) IS NULL
         THEN 'SELECT NULL::text AS la, NULL::integer AS year, NULL::jsonb AS files WHERE false'
         ELSE format('SELECT t.la, t.year, t.files FROM %I.returns t', ds) END);
END;
$fn$;

COMMENT ON FUNCTION careleaver.validation_refused_sql(text) IS
  'SQL of the base relation refused: the values of the year''s rows that careleaver-load skipped (rejects), with DfE''s module name, child, file, line, column, value and reason';

CREATE FUNCTION careleaver.validation_bases_sql(schema_name text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  ds text := schema_name;
  bases text := '';
  m record;
  cols text;
  -- expressions that read a code column as canonical text, whatever its type
  c_rne text; c_ls text; c_cin text; c_place text; c_prov text; c_rec text;
  c_touch text; c_activ text; c_accom text;
  v_touch text; v_activ text; v_accom text;
  c_rpc text; v_rpc text; t_rpc regtype;
  rejects_sql text;
  rj_more text;
  refused_sql text;
  other_rows text := '';
  years_sql text;
  cover_sql text;
BEGIN
  -- this year's rows (y_<module>) and last year's (p_<module>) of every module the dataset has, code
  -- columns read as canonical text (a code type prints its DfE spelling; a text column is trimmed and upper-cased)
  FOR m IN SELECT d.module,
                  string_agg(careleaver.validation_read_expr(a.atttypid::regtype, d.column_name, 't',
                                                             -- as the loader stores them: trimmed, upper case, blank NULL
                                                             d.kind NOT IN ('id', 'text', 'date', 'flag', 'integer'))
                             || format(' AS %I', d.column_name), ', ' ORDER BY d.ord) AS cols
             FROM careleaver.dataset_columns() d
             JOIN pg_class c ON c.relname = 'return_' || d.module
                            AND c.relnamespace = (SELECT n.oid FROM pg_namespace n WHERE n.nspname = ds)
             LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = d.column_name AND a.attnum > 0
                                     AND NOT a.attisdropped
            GROUP BY d.module ORDER BY d.module LOOP
    cols := m.cols;
    bases := bases || format($b$
y_%1$s AS (
  SELECT t.la, t.year, %2$s, t.source_file, t.source_line
    FROM %3$I.%4$I t WHERE t.year = $1 AND ($4::text IS NULL OR t.la = $4)
),
p_%1$s AS (
  SELECT t.la, t.year, %2$s, t.source_file, t.source_line
    FROM %3$I.%4$I t WHERE t.year = $1 - 1 AND ($4::text IS NULL OR t.la = $4)
),$b$, m.module, cols, ds, 'return_' || m.module);
    IF m.module = 'header' THEN
      -- one header row per child (the first in the file), this year and last
      bases := bases || $b$
hdr_y AS MATERIALIZED (
  SELECT DISTINCT ON (h.la, h.child) h.* FROM y_header h ORDER BY h.la, h.child, h.source_file, h.source_line
),
hdr_p AS MATERIALIZED (
  SELECT DISTINCT ON (h.la, h.child) h.* FROM p_header h ORDER BY h.la, h.child, h.source_file, h.source_line
),$b$;
    END IF;
    IF m.module IN ('oc2', 'ad1', 'placed_adoption', 'prev_perm', 'missing', 'reviews') THEN
      other_rows := other_rows || format($b$
  UNION ALL SELECT %1$L AS tbl, x.la, x.child, x.source_file, x.source_line FROM y_%2$s x$b$,
        careleaver.validation_module_name(m.module), m.module);
    END IF;
  END LOOP;
  -- 1012: this year's rows of the modules other than episodes, header, OC3 and UASC
  bases := bases || format($b$
other_rows AS (
  SELECT NULL::text AS tbl, NULL::text AS la, NULL::text AS child, NULL::text AS source_file, NULL::integer AS source_line
   WHERE false%s
),$b$, other_rows);

  c_rne   := careleaver.validation_code_expr(ds, 'return_episodes', 'rne', 'e');
  c_ls    := careleaver.validation_code_expr(ds, 'return_episodes', 'ls', 'e');
  c_cin   := careleaver.validation_code_expr(ds, 'return_episodes', 'cin', 'e');
  c_place := careleaver.validation_code_expr(ds, 'return_episodes', 'place', 'e');
  c_prov  := careleaver.validation_code_expr(ds, 'return_episodes', 'place_provider', 'e');
  c_rec   := careleaver.validation_code_expr(ds, 'return_episodes', 'rec', 'e');
  c_touch := careleaver.validation_code_expr(ds, 'return_oc3', 'in_touch', 'o');
  c_activ := careleaver.validation_code_expr(ds, 'return_oc3', 'activ', 'o');
  c_accom := careleaver.validation_code_expr(ds, 'return_oc3', 'accom', 'o');
  v_touch := careleaver.validation_valid_expr(ds, 'in_touch');
  v_activ := careleaver.validation_valid_expr(ds, 'activ');
  v_accom := careleaver.validation_valid_expr(ds, 'accom');

  -- REASON_PLACE_CHANGE as canonical text, and whether it is a code of the collection year
  c_rpc := careleaver.validation_code_expr(ds, 'return_episodes', 'reason_place_change', 'e');
  SELECT a.atttypid::regtype INTO t_rpc
    FROM pg_attribute a
   WHERE a.attrelid = to_regclass(format('%I.return_episodes', ds))
     AND a.attname = 'reason_place_change' AND a.attnum > 0 AND NOT a.attisdropped;
  IF t_rpc IS NULL THEN
    v_rpc := 'true';
  ELSIF t_rpc NOT IN ('text'::regtype, 'character varying'::regtype, 'character'::regtype)
        AND to_regprocedure(format('careleaver.valid_in_year(%s, integer)', t_rpc::text)) IS NOT NULL THEN
    v_rpc := 'careleaver.valid_in_year(e.reason_place_change, $1)';
  ELSE
    v_rpc := format('careleaver.code_valid_in_year(%L, %s, $1)', 'placement_change_reason', c_rpc);
  END IF;

  -- Values the loader could not type (rejects): for OC3 rows kept with the cell blank (rj), by row and
  -- column (rj_more), and the rows the loader skipped altogether (refused)
  IF to_regclass(format('%I.rejects', ds)) IS NOT NULL THEN
    rejects_sql := format($q$
      SELECT r.la, r.source_file, r.source_line,
             max(nullif(upper(btrim(r.value)), '')) FILTER (WHERE lower(r.column_name) = 'in_touch') AS touch,
             max(nullif(upper(btrim(r.value)), '')) FILTER (WHERE lower(r.column_name) = 'activ') AS activ,
             max(nullif(upper(btrim(r.value)), '')) FILTER (WHERE lower(r.column_name) = 'accom') AS accom
        FROM %I.rejects r
       WHERE r.year = $1 AND lower(r.column_name) IN ('in_touch', 'activ', 'accom')
         AND ($4::text IS NULL OR r.la = $4)
       GROUP BY r.la, r.source_file, r.source_line$q$, ds);
    rj_more := format($q$SELECT r.la, r.source_file, r.source_line, lower(r.column_name) AS col,
                                max(r.value) AS value
                           FROM %I.rejects r
                          WHERE r.year = $1 AND ($4::text IS NULL OR r.la = $4)
                          GROUP BY r.la, r.source_file, r.source_line, lower(r.column_name)$q$, ds);
    refused_sql := careleaver.validation_refused_sql(ds);
  ELSE
    rejects_sql := $q$SELECT NULL::text AS la, NULL::text AS source_file, NULL::integer AS source_line,
                             NULL::text AS touch, NULL::text AS activ, NULL::text AS accom WHERE false$q$;
    rj_more := $q$SELECT NULL::text AS la, NULL::text AS source_file, NULL::integer AS source_line,
                         NULL::text AS col, NULL::text AS value WHERE false$q$;
    refused_sql := $q$SELECT NULL::text AS tbl, NULL::text AS la, NULL::text AS child, NULL::text AS source_file,
                             NULL::integer AS source_line, NULL::text AS column_name, NULL::text AS value,
                             NULL::text AS reason WHERE false$q$;
  END IF;

  -- where the loaded returns cover each council's history from (rules 1001, 1002): the first day of the
  -- unbroken run of returns recorded in the returns table that ends with this year; a council with no
  -- return recorded there (rows put in without the loader) is taken to hold its whole history
  years_sql := format('SELECT DISTINCT r.la, r.year FROM (%s) r WHERE r.origin = %L',
                      careleaver.dataset_returns_sql(ds), 'loaded');
  cover_sql := format($q$
    SELECT r.la, careleaver.collection_year_start(min(r.year)) AS history_from
      FROM (SELECT x.la, x.year, x.year - row_number() OVER (PARTITION BY x.la ORDER BY x.year) AS run_no
              FROM (%s) x WHERE x.year <= $1) r
     WHERE r.run_no = $1 - (SELECT count(*) FROM (%s) z WHERE z.la = r.la AND z.year <= $1)
     GROUP BY r.la$q$, years_sql, years_sql);

  RETURN bases || format($q$
-- this year's episodes, codes as text
ep AS MATERIALIZED (
  SELECT e.la, e.child, e.decom, e.dec,
         %3$s AS rne, %4$s AS ls, %5$s AS cin, %6$s AS place, %7$s AS prov, %8$s AS rec,
         e.pl_post, e.urn, e.source_file, e.source_line,
         %26$s AS rpc, %27$s AS rpc_ok, e.home_post
    FROM %1$I.return_episodes e
   WHERE e.year = $1 AND ($4::text IS NULL OR e.la = $4)
),
-- this year's episodes in date order, with their neighbours
seq AS MATERIALIZED (
  SELECT s.*,
         lag(s.dec)   OVER w AS p_dec,   lag(s.rec)  OVER w AS p_rec,
         lag(s.ls)    OVER w AS p_ls,    lag(s.cin)  OVER w AS p_cin,
         lag(s.place) OVER w AS p_place, lag(s.prov) OVER w AS p_prov,
         lag(s.pl_post) OVER w AS p_pl_post, lag(s.urn) OVER w AS p_urn,
         lead(s.decom) OVER w AS n_decom,
         row_number() OVER w AS k,
         -- does the category of need vary among the child's episodes? (504)
         min(s.cin) OVER wc IS DISTINCT FROM max(s.cin) OVER wc
           OR (count(s.cin) OVER wc > 0 AND count(s.cin) OVER wc < count(*) OVER wc) AS cin_varies
    FROM ep s
   WHERE s.decom IS NOT NULL
  WINDOW w AS (PARTITION BY s.la, s.child ORDER BY s.decom, s.source_line),
         wc AS (PARTITION BY s.la, s.child)
),
-- the children with care-leaver rows this year
ocset AS MATERIALIZED (
  SELECT DISTINCT o.la, o.child FROM %1$I.return_oc3 o
   WHERE o.year = $1 AND ($4::text IS NULL OR o.la = $4)
),
-- latest header row up to this year, for the children some rule needs it for
hdr AS MATERIALIZED (
  SELECT DISTINCT ON (h.la, h.child) h.la, h.child, h.dob,
         careleaver.birthday(h.dob, 14) AS b14, careleaver.birthday(h.dob, 16) AS b16,
         careleaver.birthday(h.dob, 18) AS b18
    FROM %1$I.return_header h
    JOIN (SELECT n.la, n.child FROM ocset n
          UNION
          SELECT e.la, e.child FROM ep e
           WHERE e.dec IS NOT NULL AND e.rec IN ('E11', 'E12', 'E45', 'E46', 'E47', 'E48', 'E5', 'E6', 'E7', 'E17')) AS need
      ON need.la = h.la AND need.child = h.child
   WHERE h.year <= $1 AND h.dob IS NOT NULL
   ORDER BY h.la, h.child, h.year DESC
),
-- last year's return
prev_ep AS MATERIALIZED (
  SELECT p.la, p.child, p.decom, p.dec, p.source_line, %21$s AS rne, %22$s AS ls, %23$s AS cin,
         %24$s AS place, %25$s AS place_provider, p.urn
    FROM %1$I.return_episodes p
   WHERE p.year = $1 - 1 AND ($4::text IS NULL OR p.la = $4)
),
prev_las AS (SELECT DISTINCT p.la FROM prev_ep p),
prev_last AS MATERIALIZED (
  SELECT DISTINCT ON (p.la, p.child) p.*
    FROM prev_ep p WHERE p.decom IS NOT NULL
   ORDER BY p.la, p.child, p.decom DESC, p.source_line DESC
),
-- the episodes of care leavers in the returns up to this year, one row per
-- (child, start): a closed copy beats an open one, then the later return wins
hist_raw AS MATERIALIZED (
  SELECT DISTINCT ON (e.la, e.child, e.decom) e.la, e.child, e.decom, e.dec, e.year,
         %4$s AS ls, %8$s AS rec
    FROM %1$I.return_episodes e
    JOIN ocset n ON n.la = e.la AND n.child = e.child
   WHERE e.year <= $1
   ORDER BY e.la, e.child, e.decom, (e.dec IS NULL), e.year DESC, e.source_line DESC
),
hist AS (SELECT h.* FROM hist_raw h WHERE h.decom IS NOT NULL),
hist_last AS MATERIALIZED (
  SELECT DISTINCT ON (h.la, h.child) h.la, h.child, h.decom, h.dec, h.rec
    FROM hist h ORDER BY h.la, h.child, h.decom DESC
),
-- first episodes that are not coded S, and whether an earlier return has the child (357)
first_not_s AS MATERIALIZED (
  SELECT s.* FROM seq s WHERE s.k = 1 AND s.decom >= $2 AND s.rne IS DISTINCT FROM 'S'
),
seen_before AS (
  SELECT DISTINCT e.la, e.child FROM %1$I.return_episodes e
    JOIN first_not_s f ON f.la = e.la AND f.child = e.child
   WHERE e.year < $1
),
-- care-leaver rows, with the text of values the loader could not type
rj AS (%9$s),
-- values the loader could not type, by row and column (lower-case column name), for rows it kept
rj_more AS (%28$s),
-- rows the loader skipped for a bad value: one row per bad value, with the module of its file
refused AS (%29$s),
-- where each council's loaded history begins (rules 1001, 1002 never flag on history not loaded)
cover AS MATERIALIZED (%30$s),
oc AS MATERIALIZED (
  SELECT o.la, o.child, o.source_file, o.source_line, coalesce(o.dob, h.dob) AS dob,
         coalesce(%10$s, rj.touch) AS touch, coalesce(%11$s, rj.activ) AS activ,
         coalesce(%12$s, rj.accom) AS accom,
         (%10$s IS NOT NULL AND NOT %13$s) OR (%10$s IS NULL AND rj.touch IS NOT NULL) AS bad_touch,
         (%11$s IS NOT NULL AND NOT %14$s) OR (%11$s IS NULL AND rj.activ IS NOT NULL) AS bad_activ,
         (%12$s IS NOT NULL AND NOT %15$s) OR (%12$s IS NULL AND rj.accom IS NOT NULL) AS bad_accom
    FROM %1$I.return_oc3 o
    LEFT JOIN hdr h ON h.la = o.la AND h.child = o.child
    LEFT JOIN rj ON rj.la = o.la AND rj.source_file = o.source_file AND rj.source_line = o.source_line
   WHERE o.year = $1 AND ($4::text IS NULL OR o.la = $4)
),
ocd AS MATERIALIZED (
  SELECT oc.*, (oc.touch IS NOT NULL OR oc.activ IS NOT NULL OR oc.accom IS NOT NULL) AS given,
         careleaver.birthday(oc.dob, 14) AS b14, careleaver.birthday(oc.dob, 16) AS b16,
         careleaver.birthday(oc.dob, 17) AS b17, careleaver.birthday(oc.dob, 18) AS b18
    FROM oc
),
-- runs of consecutive episodes (X1 hand-over on the same day) with the same legal status
ls_run AS (
  SELECT r.*, sum(r.brk) OVER (PARTITION BY r.la, r.child ORDER BY r.decom, r.source_line) AS run
    FROM (SELECT s.*, CASE WHEN s.p_rec = 'X1' AND s.p_dec = s.decom AND s.p_ls IS NOT DISTINCT FROM s.ls
                           THEN 0 ELSE 1 END AS brk
            FROM seq s WHERE s.ls IN ('L1', 'L2', 'L3')) r
),
ls_span AS (
  SELECT l.*, max(coalesce(l.dec, $3)) OVER (PARTITION BY l.la, l.child, l.run)
              - min(l.decom) OVER (PARTITION BY l.la, l.child, l.run) AS span
    FROM ls_run l
),
-- periods of care within the return: a new one unless the previous episode
-- ended with X1 on the day this one starts
poc AS (
  SELECT r.*, first_value(r.cin) OVER (PARTITION BY r.la, r.child, r.period
                                       ORDER BY r.decom, r.source_line) AS start_cin
    FROM (SELECT s.*, sum(CASE WHEN s.p_rec = 'X1' AND s.p_dec = s.decom THEN 0 ELSE 1 END)
                        OVER (PARTITION BY s.la, s.child ORDER BY s.decom, s.source_line) AS period
            FROM seq s WHERE s.cin_varies) r
),
v3 AS (
  SELECT s.*, greatest(0, least(coalesce(s.dec, $3), $3) - greatest(s.decom, $2)) AS days_in_year
    FROM seq s WHERE s.ls = 'V3'
),
v3_total AS (
  SELECT v.*, sum(v.days_in_year) OVER (PARTITION BY v.la, v.child) AS total FROM v3 v
),
-- this year's first episode against last year's open one
carry AS (
  SELECT s.*, p.decom AS l_decom, %16$s AS l_rne, %17$s AS l_ls, %18$s AS l_cin, %19$s AS l_place,
         %20$s AS l_prov, p.urn AS l_urn
    FROM seq s JOIN prev_last p ON p.la = s.la AND p.child = s.child AND p.dec IS NULL
   WHERE s.k = 1
),
-- eligibility by the end of the year (1001): the core's test over each care leaver's history; only
-- dates and legal status (short breaks) matter to it, so the other codes are left out
elig AS (
  SELECT g.la, g.child, careleaver.eligible_by(g.history, g.dob, $3) AS eligible,
         careleaver.days_looked_after(g.history, g.b14, $3) AS after14,
         careleaver.days_looked_after(g.history, g.b16, $3) AS after16
    FROM (SELECT h.la, h.child, d.dob, d.b14, d.b16,
                 careleaver.care_history_agg(h.decom, h.dec, NULL::careleaver.new_episode_reason,
                   CASE WHEN h.ls IN (SELECT c.code FROM careleaver.code_list c WHERE c.field = 'LS')
                        THEN h.ls::careleaver.legal_status END,
                   NULL::careleaver.placement_type, NULL::careleaver.ceased_reason) AS history
            FROM hist h JOIN (SELECT DISTINCT ON (o.la, o.child) o.la, o.child, o.dob, o.b14, o.b16
                                FROM ocd o WHERE o.dob IS NOT NULL ORDER BY o.la, o.child, o.source_line) d
              ON d.la = h.la AND d.child = h.child
           GROUP BY h.la, h.child, d.dob, d.b14, d.b16) g
)$q$, ds, NULL, c_rne, c_ls, c_cin, c_place, c_prov, c_rec, rejects_sql,
     c_touch, c_activ, c_accom, v_touch, v_activ, v_accom,
     careleaver.validation_code_expr(ds, 'return_episodes', 'rne', 'p'),
     careleaver.validation_code_expr(ds, 'return_episodes', 'ls', 'p'),
     careleaver.validation_code_expr(ds, 'return_episodes', 'cin', 'p'),
     careleaver.validation_code_expr(ds, 'return_episodes', 'place', 'p'),
     careleaver.validation_code_expr(ds, 'return_episodes', 'place_provider', 'p'),
     -- last year's codes are copied as stored and read as text only where compared
     careleaver.validation_column_expr(ds, 'return_episodes', 'rne', 'p'),
     careleaver.validation_column_expr(ds, 'return_episodes', 'ls', 'p'),
     careleaver.validation_column_expr(ds, 'return_episodes', 'cin', 'p'),
     careleaver.validation_column_expr(ds, 'return_episodes', 'place', 'p'),
     careleaver.validation_column_expr(ds, 'return_episodes', 'place_provider', 'p'),
     c_rpc, v_rpc, rj_more, refused_sql, cover_sql)
    || careleaver.validation_module_bases_sql(ds);  -- the bases of the other modules' rules (82_validation_rules_modules.sql)
END;
$fn$;

COMMENT ON FUNCTION careleaver.validation_bases_sql(text) IS
  'The WITH list of the base relations a validation run''s checks read (ep, seq, hdr, ocd, prev_last, hist, carry, y_<module>, p_<module>, refused, ...; doc/validation.md "Adding a rule"), built for the column types of one dataset';

-- ---------------------------------------------------------------------------
-- validate: the registered checks of the year, one UNION ALL over the bases

CREATE FUNCTION careleaver.validation_filters_sql(base_alias text[], codes text[], tbls text[], conds text[],
                                                  msgs text[])
RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  IF base_alias IS NULL THEN
    RETURN '';
  END IF;
  -- each row of the base evaluates every condition once, into an array; a row meeting one or more
  -- yields a row per condition met, with that rule's code, tbl and message (computed only then)
  RETURN format($f$
  UNION ALL
  SELECT (ARRAY[%3$s])[hit_.i], (ARRAY[%4$s])[hit_.i], %2$I.la::text, %2$I.child::text, %2$I.source_file::text,
         %2$I.source_line::integer, CASE hit_.i %6$s END
    FROM (SELECT %2$I.*, ARRAY[%5$s] AS hits_ FROM %1$I %2$I) %2$I
   CROSS JOIN LATERAL unnest(%2$I.hits_) WITH ORDINALITY AS hit_(hit, i)
   WHERE true = ANY (%2$I.hits_) AND hit_.hit$f$,
    base_alias[1], base_alias[2], array_to_string(codes, ', '),
    (SELECT string_agg(format('(%s)::text', t), ', ' ORDER BY n) FROM unnest(tbls) WITH ORDINALITY AS x(t, n)),
    (SELECT string_agg(format(E'\n           (%s) IS TRUE', c), ',' ORDER BY n) FROM unnest(conds) WITH ORDINALITY AS x(c, n)),
    (SELECT string_agg(format(E'\n           WHEN %s THEN (%s)::text', n, m), '' ORDER BY n)
       FROM unnest(msgs) WITH ORDINALITY AS x(m, n)));
END;
$fn$;

COMMENT ON FUNCTION careleaver.validation_filters_sql(text[], text[], text[], text[], text[]) IS
  'One branch of validate''s statement running several filter checks of one base relation in one scan: {base, alias} and the checks'' rule codes (as literals), tbl, condition and message expressions; empty for no base';

CREATE FUNCTION careleaver.validation_run(schema_name text, collection_year integer, only_la text,
                                          fold_filters boolean)
RETURNS TABLE (out_rule_code text, out_table_name text, out_la text, out_child text, out_row_ref text, out_message text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
-- Every join of the rule query is an equality join on (la, child) between
-- sets of similar size whose sizes the planner cannot estimate through the
-- CTEs; a nested loop there is quadratic, so the query is planned without.
-- JIT compiling its hundreds of expressions costs far more than it saves.
SET enable_nestloop = off
SET jit = off
-- dates in messages are written ISO (2024-03-31) whatever the session's DateStyle
SET datestyle = 'ISO, YMD'
AS $fn$
DECLARE
  ds     text := schema_name;
  y      integer := collection_year;
  checks text := '';
  r      record;
  have_return boolean;
  years_sql text;
  base_alias text[];  -- the base relation and alias of the filters being folded
  codes text[];       -- their rule codes (as literals), tbl, message and condition expressions
  tbls text[];
  msgs text[];
  conds text[];
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);  -- never run another role's code (doc/dataset.md)
  IF ds IS NULL OR y IS NULL THEN
    RAISE EXCEPTION 'careleaver.validate needs a dataset schema and a collection year'
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF y < 1900 OR y > 2999 THEN
    RAISE EXCEPTION 'collection year % is out of range', y
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'A collection year is named by the year it ends: 2024 means 1 April 2023 to 31 March 2024.';
  END IF;
  IF to_regclass(format('%I.return_episodes', ds)) IS NULL
     OR to_regclass(format('%I.return_oc3', ds)) IS NULL THEN
    RAISE EXCEPTION 'schema "%" is not a careleaver dataset', ds
      USING ERRCODE = 'undefined_table',
            HINT = 'Create it with careleaver.create_dataset and load the returns first.';
  END IF;
  -- nothing to validate is not a pass: the return of the year must have been loaded (doc/validation.md)
  -- the loaded returns: the returns table (what careleaver-load records), and the years of the return rows
  -- (a dataset filled without the loader)
  years_sql := format('SELECT DISTINCT r.la, r.year FROM (%s) r WHERE r.origin = %L',
                      careleaver.dataset_returns_sql(ds), 'loaded');
  -- rows of any module of the return count (a return may hold only some modules)
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM (%s) r WHERE r.year = $1 AND ($2::text IS NULL OR r.la = $2))', years_sql)
          || (SELECT coalesce(string_agg(format(' OR EXISTS (SELECT 1 FROM %I.%I x WHERE x.year = $1 '
                                                'AND ($2::text IS NULL OR x.la = $2))', ds, t.tbl), ''), '')
                FROM (SELECT DISTINCT 'return_' || d.module AS tbl FROM careleaver.dataset_columns() d) t
               WHERE to_regclass(format('%I.%I', ds, t.tbl)) IS NOT NULL)
    INTO have_return USING y, only_la;
  IF NOT have_return THEN
    RAISE EXCEPTION '%', format('dataset "%s" has no loaded return for collection year %s%s', ds, y,
                                CASE WHEN only_la IS NULL THEN '' ELSE ' of council ' || only_la END)
      USING ERRCODE = 'no_data_found',
            DETAIL = 'careleaver.validate checks a loaded annual return; with none there is nothing to pass.',
            HINT = format('Load the %s return with scripts/careleaver-load --dataset %s%s --year %s.',
                          y, ds, CASE WHEN only_la IS NULL THEN '' ELSE ' --la ' || only_la END, y);
  END IF;

  -- the registered checks of the year whose modules the dataset has.  A check that only filters one base
  -- relation (check_filter) runs with the other filters of that base in one scan of it: a row passing any
  -- of their conditions yields one row per condition it meets (each rule's tbl and msg); planning one
  -- expression list costs far less than planning a subquery per rule (doc/validation.md, "Speed").
  -- fold_filters false runs every check as its own branch (the comparison in test/pgtap/84_validation_speed.sql).
  FOR r IN SELECT v.rule_code, v.check_sql, v.check_filter FROM careleaver.validation_rules v
            WHERE v.check_sql IS NOT NULL
              AND (v.since_year IS NULL OR v.since_year <= y) AND (v.until_year IS NULL OR v.until_year >= y)
              AND NOT EXISTS (SELECT 1 FROM unnest(v.modules_needed) m(module)
                               WHERE to_regclass(format('%I.%I', ds, 'return_' || m.module)) IS NULL)
            ORDER BY v.check_filter[1], v.check_filter[2], v.rule_code LOOP
    IF fold_filters AND r.check_filter IS NOT NULL THEN
      IF r.check_filter[1:2] IS DISTINCT FROM base_alias THEN
        checks := checks || careleaver.validation_filters_sql(base_alias, codes, tbls, conds, msgs);
        base_alias := r.check_filter[1:2];
        codes := '{}'; tbls := '{}'; conds := '{}'; msgs := '{}';
      END IF;
      codes := codes || quote_literal(r.rule_code);
      tbls := tbls || replace(r.check_filter[3], '@schema@', quote_ident(ds));
      msgs := msgs || replace(r.check_filter[4], '@schema@', quote_ident(ds));
      conds := conds || replace(r.check_filter[5], '@schema@', quote_ident(ds));
      CONTINUE;
    END IF;
    checks := checks || format($f$
  UNION ALL
  SELECT %L::text AS code, c.tbl::text, c.la::text, c.child::text, c.source_file::text, c.source_line::integer, c.msg::text
    FROM (%s
         ) c$f$, r.rule_code, replace(r.check_sql, '@schema@', quote_ident(ds)));
  END LOOP;
  checks := checks || careleaver.validation_filters_sql(base_alias, codes, tbls, conds, msgs);

  RETURN QUERY EXECUTE format($q$
WITH %s,
-- materialized: planned on its own, the union of hundreds of checks plans faster than pulled up into the sort
flags AS MATERIALIZED (
  -- rows the loader skipped, under the rule covering the refused value (validation_rules.refusals)
  -- (rule LOAD reports those no rule of the year covers)
  SELECT rr.rule_code AS code, f.tbl, f.la, f.child, f.source_file, f.source_line,
         format('%%s %%s refused by the loader: %%s', f.column_name, coalesce(f.value, 'blank'), f.reason) AS msg
    FROM refused f
    JOIN LATERAL (SELECT min(v.rule_code) AS rule_code FROM careleaver.validation_rules v
                   WHERE f.tbl || '.' || f.column_name = ANY (v.refusals)
                     AND (v.since_year IS NULL OR v.since_year <= $1)
                     AND (v.until_year IS NULL OR v.until_year >= $1)) rr ON rr.rule_code IS NOT NULL%s
)
SELECT f.code, f.tbl, f.la, f.child, f.source_file || ':' || f.source_line, f.msg
  FROM flags f
 ORDER BY f.la, f.child, f.tbl, f.source_file, f.source_line, f.code
$q$,
    -- every base MATERIALIZED: the planner inlines a CTE read once by walking the whole statement, which
    -- for a statement of hundreds of checks cost a third of the planning (doc/validation.md, "Speed");
    -- a base read by several checks is materialized anyway, one read once costs a tuplestore
    regexp_replace(careleaver.validation_bases_sql(ds), '^([a-z_][a-z0-9_]*) AS \(', '\1 AS MATERIALIZED (', 'gn'),
    checks)
    USING y, careleaver.collection_year_start(y), careleaver.collection_year_end(y), only_la;
END;
$fn$;

COMMENT ON FUNCTION careleaver.validation_run(text, integer, text, boolean) IS
  'Implementation of careleaver.validate: the checks of careleaver.validation_rules that apply to the year and to the dataset''s modules, run as one statement over the base relations of careleaver.validation_bases_sql; with fold_filters the checks that filter one base relation share one scan of it (false: every check its own branch, the same rows)';

CREATE FUNCTION careleaver.validation_run(schema_name text, collection_year integer, only_la text)
RETURNS TABLE (out_rule_code text, out_table_name text, out_la text, out_child text, out_row_ref text, out_message text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $$ SELECT * FROM careleaver.validation_run($1, $2, $3, true) $$;

COMMENT ON FUNCTION careleaver.validation_run(text, integer, text) IS
  'careleaver.validation_run with the filters of a base relation folded into one scan (as careleaver.validate runs it)';

CREATE FUNCTION careleaver.validate(schema_name text, collection_year integer, la text DEFAULT NULL)
RETURNS TABLE (rule_code text, table_name text, la text, child text, row_ref text, message text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $$ SELECT * FROM careleaver.validation_run($1, $2, $3, true) $$;

COMMENT ON FUNCTION careleaver.validate(text, integer, text) IS
  'Checks the return of a collection year in a dataset (optionally one local authority) against the DfE rules listed in careleaver.validation_rules; one row per flagged row (doc/validation.md)';
