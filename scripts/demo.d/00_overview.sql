-- What the extension offers.
\echo '== careleaver: types and functions installed'
SELECT extversion AS careleaver_version FROM pg_extension WHERE extname = 'careleaver';
SELECT t.typname AS type, obj_description(t.oid, 'pg_type') AS description
  FROM pg_type t
 WHERE t.typnamespace = 'careleaver'::regnamespace AND t.typtype IN ('b', 'e')
 ORDER BY 1;
SELECT p.proname AS function, pg_get_function_identity_arguments(p.oid) AS arguments
  FROM pg_proc p
 WHERE p.pronamespace = 'careleaver'::regnamespace
   AND p.proname !~ '_(in|out|recv|send|cmp|eq|ne|lt|le|gt|ge|hash|hash_extended|sortsupport|sfunc|combine|serial|deserial|final)$'
 ORDER BY 1, 2;
