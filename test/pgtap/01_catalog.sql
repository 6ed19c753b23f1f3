-- House rules checked over the whole catalogue, so that every later object obeys them too.
BEGIN;
SELECT plan(5);

CREATE TEMP VIEW ext_objects AS
SELECT d.classid, d.objid
  FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'careleaver'
 WHERE d.deptype = 'e';

SELECT is_empty($$
  SELECT p.oid::regprocedure::text FROM ext_objects o JOIN pg_proc p ON p.oid = o.objid
   WHERE o.classid = 'pg_proc'::regclass AND obj_description(p.oid, 'pg_proc') IS NULL
  UNION ALL
  SELECT t.oid::regtype::text FROM ext_objects o JOIN pg_type t ON t.oid = o.objid
   WHERE o.classid = 'pg_type'::regclass AND obj_description(t.oid, 'pg_type') IS NULL
  UNION ALL
  SELECT c.oid::regclass::text FROM ext_objects o JOIN pg_class c ON c.oid = o.objid
   WHERE o.classid = 'pg_class'::regclass AND c.relkind IN ('v', 'r', 'm')
     AND obj_description(c.oid, 'pg_class') IS NULL
$$, 'every function, type, table and view of the extension has a COMMENT');

SELECT is_empty($$
  SELECT c.oid::regclass::text || '.' || a.attname
    FROM ext_objects o JOIN pg_class c ON c.oid = o.objid AND o.classid = 'pg_class'::regclass
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
   WHERE c.relkind IN ('v', 'm') AND col_description(c.oid, a.attnum) IS NULL
$$, 'every column of every view has a COMMENT');

SELECT is_empty($$
  SELECT a.aggfnoid::regprocedure::text FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
   WHERE p.pronamespace = 'careleaver'::regnamespace
     AND (p.proparallel <> 's' OR a.aggcombinefn = 0)
$$, 'every aggregate is PARALLEL SAFE and has a combine function');

SELECT is_empty($$
  SELECT a.aggfnoid::regprocedure::text FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
   WHERE p.pronamespace = 'careleaver'::regnamespace
     AND a.aggtranstype = 'internal'::regtype AND (a.aggserialfn = 0 OR a.aggdeserialfn = 0)
$$, 'every aggregate with an internal state has serial and deserial functions');

-- Pooled results (survival, competing risks, transitions) merge across servers: their states are real types.
SELECT is_empty($$
  SELECT a.aggfnoid::regprocedure::text FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
   WHERE p.pronamespace = 'careleaver'::regnamespace
     AND p.proname ~ '^(km|cif|transition_matrix)_'
     AND (a.aggtranstype = 'internal'::regtype
          OR NOT EXISTS (SELECT 1 FROM pg_aggregate m JOIN pg_proc mp ON mp.oid = m.aggfnoid
                          WHERE mp.pronamespace = 'careleaver'::regnamespace
                            AND mp.proname ~ '_merge$' AND mp.proargtypes[0] = a.aggtranstype))
$$, 'pooled aggregates keep a non-internal state type that has a merge aggregate');

SELECT * FROM finish();
ROLLBACK;
