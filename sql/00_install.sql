-- The extension installs into its own schema and can be dropped and re-created.
CREATE EXTENSION careleaver;
SELECT extname, extversion, extrelocatable, n.nspname
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
 WHERE extname = 'careleaver';
DROP EXTENSION careleaver;
CREATE EXTENSION careleaver;
