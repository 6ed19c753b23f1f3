-- The catalogue of the careleaver extension as text, for comparing an updated
-- install with a fresh one (test/script/update.t): every object of schema
-- careleaver or member of the extension, by name and never by OID, in a fixed
-- order.  Run with psql -X -At; each section starts with a line "==== name".
\set ON_ERROR_STOP 1
SET search_path = pg_catalog;   -- names print schema-qualified, the same in both databases
SET extra_float_digits = 3;
CREATE TEMP VIEW ext AS SELECT e.oid, e.extnamespace FROM pg_extension e WHERE e.extname = 'careleaver';
CREATE TEMP VIEW members AS
  SELECT d.classid, d.objid, d.objsubid FROM pg_depend d, ext
   WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e';
CREATE TEMP VIEW ext_procs AS
  SELECT p.* FROM pg_proc p, ext
   WHERE p.pronamespace = ext.extnamespace
      OR p.oid IN (SELECT objid FROM members WHERE classid = 'pg_proc'::regclass);
CREATE TEMP VIEW ext_types AS
  SELECT t.* FROM pg_type t, ext
   WHERE t.typnamespace = ext.extnamespace
      OR t.oid IN (SELECT objid FROM members WHERE classid = 'pg_type'::regclass);
CREATE TEMP VIEW ext_rels AS
  SELECT c.* FROM pg_class c, ext
   WHERE c.relnamespace = ext.extnamespace
      OR c.oid IN (SELECT objid FROM members WHERE classid = 'pg_class'::regclass);

\echo ==== extension
SELECT concat_ws(' | ', e.extname, e.extversion, e.extrelocatable, n.nspname, e.extowner::regrole,
                 (SELECT string_agg(x::regclass::text, ',' ORDER BY x::regclass::text COLLATE "C")
                    FROM unnest(e.extconfig) x),
                 array_to_string(e.extcondition, ','))
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'careleaver';

\echo ==== schema (owner, ACL, default privileges)
SELECT concat_ws(' | ', n.nspname, n.nspowner::regrole, n.nspacl::text,
                 (SELECT string_agg(concat_ws(' ', da.defaclobjtype, da.defaclrole::regrole, da.defaclacl::text), '; '
                                    ORDER BY da.defaclobjtype)
                    FROM pg_default_acl da WHERE da.defaclnamespace = n.oid))
  FROM pg_namespace n, ext WHERE n.oid = ext.extnamespace;

\echo ==== extension members
SELECT pg_describe_object(classid, objid, objsubid) FROM members ORDER BY 1;

\echo ==== functions (definition, volatility, parallel, strict, cost, rows, settings, ACL)
SELECT concat_ws(E'\n', p.oid::regprocedure::text,
                 concat_ws(' | ', 'kind=' || p.prokind::text, 'volatile=' || p.provolatile::text, 'parallel=' || p.proparallel::text,
                           'strict=' || p.proisstrict, 'secdef=' || p.prosecdef, 'leakproof=' || p.proleakproof,
                           'cost=' || p.procost, 'rows=' || p.prorows, 'retset=' || p.proretset,
                           'returns=' || p.prorettype::regtype, 'owner=' || p.proowner::regrole,
                           'config=' || coalesce(p.proconfig::text, '-'), 'acl=' || coalesce(p.proacl::text, '-'),
                           'support=' || p.prosupport, 'lang=' || l.lanname),
                 CASE WHEN p.prokind = 'a' THEN 'aggregate (see below)' ELSE pg_get_functiondef(p.oid) END)
  FROM ext_procs p JOIN pg_language l ON l.oid = p.prolang
 ORDER BY p.oid::regprocedure::text COLLATE "C";

\echo ==== aggregates (pg_aggregate)
SELECT concat_ws(' | ', a.aggfnoid::regprocedure, a.aggkind, a.aggnumdirectargs, a.aggtransfn, a.aggfinalfn,
                 a.aggcombinefn, a.aggserialfn, a.aggdeserialfn, a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn,
                 a.aggfinalextra, a.aggmfinalextra, a.aggfinalmodify, a.aggmfinalmodify,
                 a.aggsortop::regoperator, a.aggtranstype::regtype, a.aggtransspace, a.aggmtranstype::regtype,
                 a.aggmtransspace, coalesce(a.agginitval, '-'), coalesce(a.aggminitval, '-'))
  FROM pg_aggregate a JOIN ext_procs p ON p.oid = a.aggfnoid
 ORDER BY a.aggfnoid::regprocedure::text COLLATE "C";

\echo ==== types (I/O functions, storage, ACL; enum labels; domain constraints)
SELECT concat_ws(' | ', t.oid::regtype, t.typtype, t.typlen, t.typbyval, t.typcategory, t.typispreferred,
                 t.typisdefined, t.typdelim, t.typsubscript, t.typelem::regtype, t.typarray::regtype,
                 t.typinput, t.typoutput, t.typreceive, t.typsend, t.typmodin, t.typmodout, t.typanalyze,
                 t.typalign, t.typstorage, t.typnotnull, t.typbasetype::regtype, t.typtypmod, t.typndims,
                 (SELECT collname FROM pg_collation WHERE oid = t.typcollation), coalesce(t.typdefault, '-'),
                 t.typowner::regrole, coalesce(t.typacl::text, '-'),
                 (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid),
                 (SELECT string_agg(con.conname || ' ' || pg_get_constraintdef(con.oid), '; ' ORDER BY con.conname)
                    FROM pg_constraint con WHERE con.contypid = t.oid))
  FROM ext_types t
 ORDER BY t.oid::regtype::text COLLATE "C";

\echo ==== operators
SELECT concat_ws(' | ', o.oid::regoperator, o.oprkind, o.oprcanmerge, o.oprcanhash, o.oprresult::regtype,
                 o.oprcom::regoperator, o.oprnegate::regoperator, o.oprcode, o.oprrest, o.oprjoin, o.oprowner::regrole)
  FROM pg_operator o, ext
 WHERE o.oprnamespace = ext.extnamespace
    OR o.oid IN (SELECT objid FROM members WHERE classid = 'pg_operator'::regclass)
 ORDER BY o.oid::regoperator::text COLLATE "C";

\echo ==== operator families (operators and support functions)
SELECT concat_ws(' | ', am.amname, n.nspname || '.' || f.opfname,
                 (SELECT string_agg(concat_ws(' ', ao.amopstrategy, ao.amoplefttype::regtype, ao.amoprighttype::regtype,
                                              ao.amopopr::regoperator, ao.amoppurpose, ao.amopsortfamily),
                                    '; ' ORDER BY ao.amopstrategy, ao.amoplefttype::regtype::text, ao.amoprighttype::regtype::text)
                    FROM pg_amop ao WHERE ao.amopfamily = f.oid),
                 (SELECT string_agg(concat_ws(' ', ap.amprocnum, ap.amproclefttype::regtype, ap.amprocrighttype::regtype,
                                              ap.amproc::regprocedure),
                                    '; ' ORDER BY ap.amprocnum, ap.amproclefttype::regtype::text, ap.amprocrighttype::regtype::text)
                    FROM pg_amproc ap WHERE ap.amprocfamily = f.oid))
  FROM pg_opfamily f JOIN pg_am am ON am.oid = f.opfmethod JOIN pg_namespace n ON n.oid = f.opfnamespace, ext
 WHERE f.opfnamespace = ext.extnamespace
    OR f.oid IN (SELECT objid FROM members WHERE classid = 'pg_opfamily'::regclass)
 ORDER BY 1;

\echo ==== operator classes
SELECT concat_ws(' | ', am.amname, n.nspname || '.' || c.opcname, c.opcintype::regtype, c.opcdefault,
                 c.opckeytype::regtype, (SELECT fn.nspname || '.' || f.opfname FROM pg_opfamily f
                                          JOIN pg_namespace fn ON fn.oid = f.opfnamespace WHERE f.oid = c.opcfamily))
  FROM pg_opclass c JOIN pg_am am ON am.oid = c.opcmethod JOIN pg_namespace n ON n.oid = c.opcnamespace, ext
 WHERE c.opcnamespace = ext.extnamespace
    OR c.oid IN (SELECT objid FROM members WHERE classid = 'pg_opclass'::regclass)
 ORDER BY 1;

\echo ==== casts
SELECT concat_ws(' | ', c.castsource::regtype, c.casttarget::regtype,
                 CASE WHEN c.castfunc = 0 THEN '-' ELSE c.castfunc::regprocedure::text END, c.castcontext, c.castmethod)
  FROM pg_cast c, ext
 WHERE c.oid IN (SELECT objid FROM members WHERE classid = 'pg_cast'::regclass)
    OR c.castsource IN (SELECT oid FROM ext_types) OR c.casttarget IN (SELECT oid FROM ext_types)
    OR c.castfunc IN (SELECT oid FROM ext_procs)
 ORDER BY 1;

\echo ==== relations (kind, owner, options, ACL; view definitions)
SELECT concat_ws(E'\n', concat_ws(' | ', c.oid::regclass, c.relkind, c.relpersistence, c.relowner::regrole,
                                  coalesce(c.reloptions::text, '-'), coalesce(c.relacl::text, '-'),
                                  c.relrowsecurity, c.relforcerowsecurity),
                 CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END)
  FROM ext_rels c
 ORDER BY c.oid::regclass::text COLLATE "C";

\echo ==== columns (position among live columns, type, not null, default, ACL)
SELECT concat_ws(' | ', c.oid::regclass, row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum), a.attname,
                 format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity, a.attgenerated,
                 coalesce(pg_get_expr(d.adbin, d.adrelid), '-'),
                 (SELECT collname FROM pg_collation WHERE oid = a.attcollation), coalesce(a.attacl::text, '-'))
  FROM ext_rels c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
 ORDER BY c.oid::regclass::text COLLATE "C", a.attnum;

\echo ==== constraints, indexes, triggers, rules, policies of relations
SELECT x FROM (
  SELECT concat_ws(' | ', 'constraint', con.conrelid::regclass, con.conname, pg_get_constraintdef(con.oid)) AS x
    FROM pg_constraint con WHERE con.conrelid IN (SELECT oid FROM ext_rels)
  UNION ALL
  SELECT concat_ws(' | ', 'index', i.indrelid::regclass, pg_get_indexdef(i.indexrelid))
    FROM pg_index i WHERE i.indrelid IN (SELECT oid FROM ext_rels)
  UNION ALL
  SELECT concat_ws(' | ', 'trigger', tg.tgrelid::regclass, pg_get_triggerdef(tg.oid))
    FROM pg_trigger tg WHERE tg.tgrelid IN (SELECT oid FROM ext_rels) AND NOT tg.tgisinternal
  UNION ALL
  SELECT concat_ws(' | ', 'rule', r.ev_class::regclass, r.rulename, pg_get_ruledef(r.oid))
    FROM pg_rewrite r WHERE r.ev_class IN (SELECT oid FROM ext_rels) AND r.rulename <> '_RETURN'
  UNION ALL
  SELECT concat_ws(' | ', 'policy', p.polrelid::regclass, p.polname, p.polcmd, p.polpermissive,
                   pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid))
    FROM pg_policy p WHERE p.polrelid IN (SELECT oid FROM ext_rels)
) s ORDER BY 1;

\echo ==== table contents (row count and checksum of each table of the extension)
SELECT c.oid::regclass || ' | ' ||
       (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %s', c.oid::regclass), false, true, '')))[1]::text
       || ' rows | ' ||
       coalesce((xpath('/row/h/text()', query_to_xml(
                  format('SELECT md5(string_agg(t::text, E''\n'' ORDER BY t::text COLLATE "C")) AS h FROM %s t',
                         c.oid::regclass), false, true, '')))[1]::text, '-')
  FROM ext_rels c WHERE c.relkind IN ('r', 'p')
 ORDER BY c.oid::regclass::text COLLATE "C";

\echo ==== comments (every object of the schema or the extension, columns included)
SELECT pg_describe_object(d.classoid, d.objoid, d.objsubid) || ' | ' || d.description AS x
  FROM pg_description d, ext
 WHERE (d.classoid, d.objoid) IN (SELECT classid, objid FROM members)
    OR (d.classoid = 'pg_namespace'::regclass AND d.objoid = ext.extnamespace)
    OR (d.classoid = 'pg_extension'::regclass AND d.objoid = ext.oid)
    OR (pg_identify_object(d.classoid, d.objoid, d.objsubid)).schema = 'careleaver'
 ORDER BY 1;

\echo ==== initial privileges recorded for pg_dump (pg_init_privs)
SELECT pg_describe_object(ip.classoid, ip.objoid, ip.objsubid) || ' | ' || ip.privtype::text || ' | ' || ip.initprivs::text AS x
  FROM pg_init_privs ip
 WHERE (ip.classoid, ip.objoid) IN (SELECT classid, objid FROM members)
 ORDER BY 1;
