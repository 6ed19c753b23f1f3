-- careleaver 0.1.0 to 0.2.0: the hand-written part of the update script.
-- Write here only what CREATE OR REPLACE cannot do, in the order it must run:
-- new types (shell type, I/O functions, CREATE TYPE), operators, operator classes,
-- casts; DROP of functions whose arguments, defaults or result type changed, or
-- that 0.2.0 no longer has; DROP of views whose columns changed.  Functions,
-- aggregates, views, comments and grants of the new install script follow this
-- part automatically (extension/gen_update.py).

-- rulebook (issue 13 item 1): the validation's own birthday functions are gone; validate calls
-- careleaver.birthday, the core's rule (extension/sql/25_rulebook.sql).
DROP FUNCTION careleaver.validation_birthday(date, integer);
DROP FUNCTION careleaver.validation_birthday_sql(text, integer);

-- ---------------------------------------------------------------- codes
-- The code types without careleaver on search_path (doc/codes.md): the cast to
-- text becomes implicit; operators between a code and text (=, <>, <, <=, >,
-- >=, both ways, comparing the DfE spelling as text does), LIKE and ILIKE of a
-- code with a text pattern, and a hash family so that = between a code and
-- text hash-joins.  The types join the string category (as citext does), so
-- that with the implicit cast text's operators are preferred where a code
-- meets text (ls || 'x' stays unambiguous).  Their functions are created here because the operators
-- need them; the install script's CREATE OR REPLACE and COMMENT follow.
DO $codes$
DECLARE
  name text;
  t text;
  op record;
BEGIN
  FOREACH name IN ARRAY ARRAY['legal_status', 'new_episode_reason', 'placement_type', 'ceased_reason',
                              'need_category', 'placement_provider', 'placement_change_reason',
                              'contact_status', 'leaver_activity', 'leaver_accommodation'] LOOP
    t := 'careleaver.' || name;
    -- CREATE TYPE ... CATEGORY = 'S' in 0.2.0; ALTER TYPE cannot set it
    UPDATE pg_catalog.pg_type SET typcategory = 'S' WHERE oid = t::regtype;
    EXECUTE format('DROP CAST (%s AS text)', t);
    EXECUTE format('CREATE CAST (%s AS text) WITH INOUT AS IMPLICIT', t);
    FOR op IN SELECT * FROM (VALUES ('=', 'eq', '=', '<>', 'eqsel', 'eqjoinsel', ', HASHES'),
                                    ('<>', 'ne', '<>', '=', 'neqsel', 'neqjoinsel', ''),
                                    ('<', 'lt', '>', '>=', 'scalarltsel', 'scalarltjoinsel', ''),
                                    ('<=', 'le', '>=', '>', 'scalarlesel', 'scalarlejoinsel', ''),
                                    ('>', 'gt', '<', '<=', 'scalargtsel', 'scalargtjoinsel', ''),
                                    ('>=', 'ge', '<=', '<', 'scalargesel', 'scalargejoinsel', ''))
                      AS v(op, suf, com, neg, rs, js, extra) LOOP
      EXECUTE format($s$CREATE FUNCTION %1$s_%2$s_text(%1$s, text) RETURNS boolean
                        AS 'MODULE_PATHNAME', 'careleaver_%3$s_%2$s_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$s$,
                     t, op.suf, name);
      EXECUTE format($s$CREATE FUNCTION careleaver.text_%2$s_%3$s(text, %1$s) RETURNS boolean
                        AS 'MODULE_PATHNAME', 'careleaver_text_%2$s_%3$s' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$s$,
                     t, op.suf, name);
      EXECUTE format($s$CREATE OPERATOR careleaver.%2$s (LEFTARG = %1$s, RIGHTARG = text, FUNCTION = %1$s_%3$s_text,
                        COMMUTATOR = OPERATOR(careleaver.%4$s), NEGATOR = OPERATOR(careleaver.%5$s),
                        RESTRICT = %6$s, JOIN = %7$s%8$s)$s$,
                     t, op.op, op.suf, op.com, op.neg, op.rs, op.js, op.extra);
      EXECUTE format($s$CREATE OPERATOR careleaver.%2$s (LEFTARG = text, RIGHTARG = %1$s, FUNCTION = careleaver.text_%3$s_%9$s,
                        COMMUTATOR = OPERATOR(careleaver.%4$s), NEGATOR = OPERATOR(careleaver.%5$s),
                        RESTRICT = %6$s, JOIN = %7$s%8$s)$s$,
                     t, op.op, op.suf, op.com, op.neg, op.rs, op.js, op.extra, name);
    END LOOP;
    FOR op IN SELECT * FROM (VALUES ('~~', 'like', '!~~', 'likesel', 'likejoinsel'),
                                    ('!~~', 'notlike', '~~', 'nlikesel', 'nlikejoinsel'),
                                    ('~~*', 'ilike', '!~~*', 'iclikesel', 'iclikejoinsel'),
                                    ('!~~*', 'notilike', '~~*', 'icnlikesel', 'icnlikejoinsel'))
                      AS v(op, suf, neg, rs, js) LOOP
      EXECUTE format($s$CREATE FUNCTION %1$s_%2$s(%1$s, text) RETURNS boolean
                        AS 'MODULE_PATHNAME', 'careleaver_%3$s_%2$s' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$s$,
                     t, op.suf, name);
      EXECUTE format($s$CREATE OPERATOR careleaver.%2$s (LEFTARG = %1$s, RIGHTARG = text, FUNCTION = %1$s_%3$s,
                        NEGATOR = OPERATOR(careleaver.%4$s), RESTRICT = %5$s, JOIN = %6$s)$s$,
                     t, op.op, op.suf, op.neg, op.rs, op.js);
    END LOOP;
    EXECUTE format($s$CREATE FUNCTION %1$s_hash_text(%1$s) RETURNS integer
                      AS 'MODULE_PATHNAME', 'careleaver_%2$s_hash_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$s$,
                   t, name);
    EXECUTE format('CREATE OPERATOR FAMILY careleaver.%s_text_ops USING hash', name);
    EXECUTE format($s$ALTER OPERATOR FAMILY careleaver.%2$s_text_ops USING hash ADD
                      OPERATOR 1 careleaver.= (%1$s, text), OPERATOR 1 careleaver.= (text, %1$s),
                      FUNCTION 1 (%1$s, %1$s) %1$s_hash_text(%1$s),
                      FUNCTION 1 (text, text) pg_catalog.hashtext(text)$s$, t, name);
  END LOOP;
END
$codes$;

-- coverage (issue 11): leaver_outcomes gains a column (basis); recreated by the install script's statements
DROP FUNCTION IF EXISTS careleaver.leaver_outcomes(text, integer);

-- roles (issue 12): hub credentials never pass as function arguments
DROP FUNCTION careleaver.hub_attach_council(text, text, text, text, integer, text, text, text, text, integer);

-- validation rules (issue 14): the rule catalogue becomes a registry table, one row per rule with its check
-- (extension/sql/80_validate.sql; the rows follow from the install script's INSERT ... ON CONFLICT statements)
DROP VIEW careleaver.validation_rules;
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
  CONSTRAINT validation_rules_years CHECK (until_year IS NULL OR since_year IS NULL OR since_year <= until_year),
  CONSTRAINT validation_rules_check_or_reason CHECK ((check_sql IS NULL) <> (not_checkable IS NULL))
);

-- ---------------------------------------------------------------- report views registry (issue 13 item 2)
-- The reporting views become rows of careleaver.report_views, their column comments rows of
-- careleaver.report_view_columns (extension/sql/92_reports.sql); the rows follow as upserts.
CREATE TABLE careleaver.report_views (
  view_name text PRIMARY KEY CHECK (view_name ~ '^[a-z][a-z0-9_]*$'),
  position integer NOT NULL,
  published boolean NOT NULL,
  base_view text REFERENCES careleaver.report_views (view_name),
  builder text NOT NULL CHECK (builder ~ '^[a-z][a-z0-9_]*_sql$'),
  description text NOT NULL,
  CHECK (base_view IS NULL OR published)
);
CREATE TABLE careleaver.report_view_columns (
  view_name text NOT NULL REFERENCES careleaver.report_views (view_name) ON UPDATE CASCADE ON DELETE CASCADE,
  column_name text NOT NULL,
  position integer NOT NULL,
  description text NOT NULL,
  PRIMARY KEY (view_name, column_name)
);

-- dashboard parity (issue 15: adoption timeliness, SDQ, kinship care, comparators): the registry of where each
-- Dashboard indicator is in DfE's published files (its rows and comments come from the install script's statements)
CREATE TABLE careleaver.published_indicator_sources (
  dashboard_no integer PRIMARY KEY,
  dfe_file text NOT NULL,
  filters jsonb NOT NULL,
  value_column text NOT NULL,
  value_kind text NOT NULL CHECK (value_kind IN ('percent', 'per 10,000 children', 'months', 'score')),
  dfe_columns text[] NOT NULL
);

-- ---------------------------------------------------------------- sufficiency (issue 17)
-- The flow_model type of the stock-flow projection (extension/sql/88_sufficiency.sql); its functions,
-- aggregates and comments follow from the install script.  Datasets gain sufficiency_scenarios and
-- placement_costs through careleaver.upgrade_dataset (create_dataset's idempotent path).
CREATE TYPE careleaver.flow_model;
CREATE FUNCTION careleaver.flow_model_in(cstring) RETURNS careleaver.flow_model
  AS 'MODULE_PATHNAME', 'careleaver_flow_model_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.flow_model_out(careleaver.flow_model) RETURNS cstring
  AS 'MODULE_PATHNAME', 'careleaver_flow_model_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE careleaver.flow_model (
  INPUT = careleaver.flow_model_in,
  OUTPUT = careleaver.flow_model_out,
  INTERNALLENGTH = VARIABLE,
  ALIGNMENT = double,
  STORAGE = extended
);

-- ---------------------------------------------------------------- CIN census (issue 16)
-- CIN census (issue 16): the type careleaver.cin_journey and the bank holidays table (its rows are
-- carried from the install script; the functions, aggregate and views too)
CREATE TYPE careleaver.cin_journey;
CREATE FUNCTION careleaver.cin_journey_in(cstring) RETURNS careleaver.cin_journey
  AS 'MODULE_PATHNAME', 'careleaver_cin_journey_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.cin_journey_out(careleaver.cin_journey) RETURNS cstring
  AS 'MODULE_PATHNAME', 'careleaver_cin_journey_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE careleaver.cin_journey (
  INPUT = careleaver.cin_journey_in, OUTPUT = careleaver.cin_journey_out,
  INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended
);
CREATE TABLE careleaver.bank_holidays (
  day date PRIMARY KEY,
  name text NOT NULL,
  user_added boolean NOT NULL DEFAULT true
);
SELECT pg_catalog.pg_extension_config_dump('careleaver.bank_holidays', 'WHERE user_added');


-- ---------------------------------------------------------------- regional hub, strict by default (issue 18)
-- create_council_export gains strict (default true) and makes schema <dataset>_export; recreated by the
-- install script's statements.  A 0.1.0 dataset's export views (pool_* in the dataset schema) keep
-- working until the council runs create_council_export again, which replaces them by the export schema.
DROP FUNCTION careleaver.create_council_export(text, date);

-- ---------------------------------------------------------------- validation speed (issue 14 item 6)
-- The rule registry gains check_filter, generated from check_sql: the parts of a check that only filters one
-- base relation, which validate runs folded into one scan of that base (extension/sql/80_validate.sql).  The
-- column needs its function now; this stub has the right signature, and the install script's CREATE OR
-- REPLACE that follows gives the body before any rule row is written.
CREATE FUNCTION careleaver.validation_check_filter(check_sql text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, careleaver, pg_temp
  AS $$ SELECT NULL::text[] $$;
ALTER TABLE careleaver.validation_rules
  ADD COLUMN check_filter text[] GENERATED ALWAYS AS (careleaver.validation_check_filter(check_sql)) STORED;

-- ---------------------------------------------------------------- CIN census validation rules (issue 16)
-- The CIN rule registry (its rows, the functions and validate_cin are carried from the install script)
CREATE TABLE careleaver.cin_validation_rules (
  rule_code      text PRIMARY KEY,
  family         text NOT NULL,
  severity       text NOT NULL CHECK (severity IN ('error', 'query')),
  since_year     integer,
  until_year     integer,
  module         text NOT NULL,
  refusals       text[] NOT NULL DEFAULT '{}',
  description    text NOT NULL,
  message        text NOT NULL,
  note           text,
  not_checkable  text,
  check_sql      text,
  CONSTRAINT cin_validation_rules_years CHECK (until_year IS NULL OR since_year IS NULL OR since_year <= until_year),
  CONSTRAINT cin_validation_rules_check_or_reason CHECK ((check_sql IS NULL) <> (not_checkable IS NULL))
);
