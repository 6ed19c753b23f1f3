-- The extension is installed as a DBA expects.
BEGIN;
SELECT plan(6);
SELECT has_extension('careleaver', 'careleaver', 'careleaver is installed in schema careleaver');
SELECT is((SELECT extrelocatable FROM pg_extension WHERE extname = 'careleaver'), false,
          'not relocatable: functions pin the schema');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid
            AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
           JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'careleaver'
           WHERE p.prosecdef), 0, 'no SECURITY DEFINER function');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid
            AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
           JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'careleaver'
           WHERE p.prolang = (SELECT oid FROM pg_language WHERE lanname IN ('sql'))
             AND NOT coalesce(p.proconfig::text LIKE '%search_path%', false)
             AND p.prosqlbody IS NULL ), 0,
          'every SQL-language function pins search_path or is BEGIN ATOMIC');
SELECT ok(EXISTS (SELECT 1 FROM pg_namespace n, aclexplode(n.nspacl) a
             WHERE n.nspname = 'careleaver' AND a.grantee = 0 AND a.privilege_type = 'USAGE'),
          'every role may use the careleaver schema');
SELECT ok(NOT EXISTS (SELECT 1 FROM pg_namespace n, aclexplode(n.nspacl) a
                 WHERE n.nspname = 'careleaver' AND a.grantee = 0 AND a.privilege_type = 'CREATE'),
          'but only its owner may create objects in it');
SELECT * FROM finish();
ROLLBACK;
