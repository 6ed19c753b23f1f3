-- ===========================================================================
-- 61_dataset_owner: the one check every function that takes a dataset (or
-- hub) schema name runs first (doc/dataset.md, "Who may run what").
--
-- A dataset belongs to a role.  Views, triggers and rules in it are code of
-- that role; a function of ours that read them with the privileges of another
-- role (a superuser running a report) would run that code as the caller.
-- PostgreSQL's maintenance commands (VACUUM, ANALYZE, REINDEX) switch to the
-- table owner for this reason; our functions cannot switch role without
-- SECURITY DEFINER, which the house rules forbid, so they refuse instead: the
-- caller must be the owner (a superuser or a member does SET ROLE owner).
-- ===========================================================================

CREATE FUNCTION careleaver.dataset_check_owner(schema_name text, creating boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  ns oid;
  owner_id oid;
  bad record;
  why_detail constant text :=
    'careleaver reads a dataset only as the role that owns the schema, so that no view, trigger, rule '
    'or function another role put there runs with your privileges.';
BEGIN
  SELECT n.oid, n.nspowner INTO ns, owner_id FROM pg_catalog.pg_namespace n WHERE n.nspname = schema_name;
  IF ns IS NULL THEN
    RETURN;   -- nothing there to run; the caller's own "is not a dataset" error follows
  END IF;
  -- a schema holding none of the tables careleaver reads (a dataset's, a hub's registry) is not a
  -- dataset: nothing there would run, and the caller says so; creating one there needs ownership
  IF NOT creating AND NOT EXISTS (
       SELECT 1 FROM pg_catalog.pg_class c
        WHERE c.relnamespace = ns
          AND (c.relname = 'councils' OR c.relname IN (SELECT t.name FROM careleaver.dataset_table_names() t))) THEN
    RETURN;
  END IF;
  IF owner_id IS DISTINCT FROM (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) THEN
    RAISE EXCEPTION 'dataset schema "%" belongs to role "%", not to the current role "%"',
                    schema_name, owner_id::regrole, current_user
      USING ERRCODE = '42501', DETAIL = why_detail,
            HINT = format('Run it as the owner: SET ROLE %I; (a superuser or a member of %I may), or make a '
                          'dataset of your own with careleaver.create_dataset.', owner_id::regrole::text,
                          owner_id::regrole::text);
  END IF;

  -- every relation in the schema is the owner's; those with the names of the
  -- dataset's tables are tables (partitioned in a hub) with no trigger or rule
  -- of anyone's: the extension creates none
  FOR bad IN
    SELECT c.oid::regclass AS rel, c.relowner, c.relkind,
           (SELECT t.tgname FROM pg_catalog.pg_trigger t
             WHERE t.tgrelid = c.oid AND NOT t.tgisinternal ORDER BY 1 LIMIT 1) AS trigger_name,
           (SELECT r.rulename FROM pg_catalog.pg_rewrite r
             WHERE r.ev_class = c.oid AND c.relkind NOT IN ('v', 'm') ORDER BY 1 LIMIT 1) AS rule_name,
           c.relname IN (SELECT t.name FROM careleaver.dataset_table_names() t) AS dataset_table
      FROM pg_catalog.pg_class c
     WHERE c.relnamespace = ns
     ORDER BY c.relname
  LOOP
    IF bad.relowner <> owner_id THEN
      RAISE EXCEPTION 'relation % belongs to role "%", not to "%", the owner of dataset schema "%"',
                      bad.rel, bad.relowner::regrole, owner_id::regrole, schema_name
        USING ERRCODE = '42501', DETAIL = why_detail,
              HINT = 'Drop it, or have a superuser give it to the schema''s owner (ALTER ... OWNER TO).';
    ELSIF bad.dataset_table AND bad.relkind NOT IN ('r', 'p') THEN
      RAISE EXCEPTION 'relation % of dataset schema "%" is a %, not an ordinary table', bad.rel, schema_name,
                      CASE bad.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table'
                                       WHEN 'S' THEN 'sequence' WHEN 'c' THEN 'composite type' WHEN 'i' THEN 'index'
                                       ELSE 'relation of kind ' || bad.relkind::text END
        USING ERRCODE = '42501', DETAIL = 'careleaver reads its dataset tables as tables, never through a view or another object of that name.',
              HINT = 'Drop it and run careleaver.create_dataset again, or use a new dataset schema.';
    ELSIF bad.trigger_name IS NOT NULL OR (bad.rule_name IS NOT NULL) THEN
      RAISE EXCEPTION 'table % of dataset schema "%" has % "%", which careleaver did not create',
                      bad.rel, schema_name, CASE WHEN bad.trigger_name IS NOT NULL THEN 'trigger' ELSE 'rule' END,
                      coalesce(bad.trigger_name, bad.rule_name)
        USING ERRCODE = '42501', DETAIL = why_detail,
              HINT = 'Drop it (DROP TRIGGER or DROP RULE ... ON the table) before running careleaver over the dataset.';
    END IF;
  END LOOP;
END
$fn$;
COMMENT ON FUNCTION careleaver.dataset_check_owner(text, boolean) IS
  'Run first by every careleaver function that takes a dataset or hub schema: raises 42501 unless the current role owns the schema, '
  'every relation in it belongs to the schema''s owner, the dataset''s tables (careleaver.dataset_table_names) are tables and no table '
  'has a trigger or rule careleaver did not create; so no code of another role runs with the caller''s privileges (doc/dataset.md). '
  'A schema that does not exist, or holds none of those tables nor a hub''s councils, passes (the caller reports that it is no dataset) '
  'unless creating (create_dataset, create_hub: an existing schema must be the caller''s)';

CREATE FUNCTION careleaver.dataset_table_names(OUT name text)
RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT DISTINCT t.name
    FROM (SELECT d.module FROM careleaver.dataset_columns() d
          UNION ALL
          SELECT 'return_' || d.module FROM careleaver.dataset_columns() d
          UNION ALL
          VALUES ('population'), ('returns'), ('rejects'), ('reconcile_conflicts'), ('postcodes'), ('postcode_councils'),
                 ('cin_returns'), ('cin_rejects')) AS t(name)
   ORDER BY 1
$$;
COMMENT ON FUNCTION careleaver.dataset_table_names() IS
  'Names careleaver.create_dataset gives its tables (a module''s canonical table, return_<module>, population, returns, rejects, '
  'reconcile_conflicts): in a dataset schema a relation of one of these names must be an ordinary table of the schema''s owner';
