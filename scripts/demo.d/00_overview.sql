-- What the extension offers, in brief (doc/ has the reference pages).
\echo '== careleaver: the types it adds'
SELECT extversion AS careleaver_version,
       (SELECT count(*) FROM pg_proc p
         WHERE p.pronamespace = 'careleaver'::regnamespace AND p.prokind = 'f') AS functions,
       (SELECT count(*) FROM pg_proc p
         WHERE p.pronamespace = 'careleaver'::regnamespace AND p.prokind = 'a') AS aggregates
  FROM pg_extension WHERE extname = 'careleaver';
SELECT t.typname AS type,
       split_part(obj_description(t.oid, 'pg_type'), '. ', 1) AS what_it_holds
  FROM pg_type t
 WHERE t.typnamespace = 'careleaver'::regnamespace AND t.typtype IN ('b', 'e')
   AND t.typcategory <> 'A'
 ORDER BY 1;
\echo '== aggregates (every one PARALLEL SAFE; pooled states merge across servers)'
SELECT p.proname AS aggregate, pg_get_function_identity_arguments(p.oid) AS arguments,
       a.aggtranstype::regtype AS state_type
  FROM pg_proc p JOIN pg_aggregate a ON a.aggfnoid = p.oid
 WHERE p.pronamespace = 'careleaver'::regnamespace
 ORDER BY 1, 2;
