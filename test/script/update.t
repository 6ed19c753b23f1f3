#!/usr/bin/env python3
# The update path (doc/releasing.md) against the throwaway cluster (PGHOST/PGPORT
# from scripts/run-tests):
#  1. the frozen 0.1.0 release installs with this build's library, and a dataset
#     made under it (generate_synthetic, create_reports) is in use;
#  2. ALTER EXTENSION careleaver UPDATE brings it to the control file's version,
#     and the extension's catalogue then equals a fresh install's in another
#     database, section by section (test/script/extension_catalog.sql: functions
#     and their definitions, aggregates, types, operators, operator classes and
#     families, casts, views, tables, comments, ACLs, membership); a difference
#     is printed as a diff;
#  3. the 0.1.0 dataset keeps working after careleaver.upgrade_dataset, which
#     brings a dataset forward (missing tables and columns, reporting views
#     remade with grants kept), is safe to run again, and is refused to a role
#     that does not own the dataset.
import difflib
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import ok, is_, done  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CATALOG = os.path.join(ROOT, 'test', 'script', 'extension_catalog.sql')
UPDATED, FRESH = 'careleaver_update_old', 'careleaver_update_new'
with open(os.path.join(ROOT, 'careleaver.control'), encoding='utf-8') as f:
    VERSION = re.search(r"^default_version\s*=\s*'([^']*)'", f.read(), re.M).group(1)
PREV = re.search(r'^PREV_VERSION\s*=\s*(\S+)', open(os.path.join(ROOT, 'Makefile')).read(), re.M).group(1)


def run(sql, db, user=None, check=True, args=()):
    cmd = ['psql', '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-d', db] + list(args)
    if user:
        cmd += ['-U', user]
    r = subprocess.run(cmd, input=sql, capture_output=True, text=True)
    if check and r.returncode != 0:
        raise RuntimeError('psql failed on %s: %s\n--- SQL ---\n%s' % (db, r.stderr, sql[:2000]))
    return r if not check else r.stdout.strip()


def attempt(sql, db, user=None):
    r = run(sql, db, user=user, check=False)
    return r.returncode, r.stdout.strip(), r.stderr.strip()


def catalogue(db):
    """{section: text} of extension_catalog.sql in db."""
    out = run('', db, args=['-f', CATALOG])
    sections, name = {}, None
    for line in out.split('\n'):
        if line.startswith('==== '):
            name = line[5:]
            sections[name] = []
        elif name is not None:
            sections[name].append(line)
    return {k: '\n'.join(v) for k, v in sections.items()}


def dataset_shape(db, schema):
    """Tables, views and their columns, constraints and indexes of a dataset schema, by name."""
    return run("""
SELECT string_agg(x, E'\\n' ORDER BY x COLLATE "C") FROM (
  SELECT concat_ws(' | ', c.relname, c.relkind, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   coalesce(pg_get_expr(d.adbin, d.adrelid), '-'),
                   coalesce(col_description(c.oid, a.attnum), '-')) AS x
    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE c.relnamespace = '%(s)s'::regnamespace AND c.relkind IN ('r', 'p', 'v')
  UNION ALL
  SELECT concat_ws(' | ', 'constraint', conrelid::regclass::text, pg_get_constraintdef(oid))
    FROM pg_constraint WHERE connamespace = '%(s)s'::regnamespace
  UNION ALL
  SELECT concat_ws(' | ', 'index', replace(pg_get_indexdef(i.indexrelid), '%(s)s.', 'DATASET.'))
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = '%(s)s'::regnamespace
  UNION ALL
  SELECT concat_ws(' | ', 'comment', c.relname, obj_description(c.oid, 'pg_class'))
    FROM pg_class c WHERE c.relnamespace = '%(s)s'::regnamespace AND c.relkind IN ('r', 'p', 'v')
) s""" % {'s': schema}, db).replace(schema + '.', 'DATASET.')


def same(got, want, name, label_got, label_want, may_be_empty=False):
    diff = '\n'.join(difflib.unified_diff(want.split('\n'), got.split('\n'), label_want, label_got, lineterm='', n=1))
    ok(got == want and (may_be_empty or got != ''), name, diff[:12000] if diff else 'both empty: the query found nothing')


for db in (UPDATED, FRESH):
    run('DROP DATABASE IF EXISTS %s' % db, 'postgres')
    run('CREATE DATABASE %s' % db, 'postgres')

# --- 1. the released version, with data -------------------------------------------
rc, out, err = attempt("CREATE EXTENSION careleaver VERSION '%s'; SELECT extversion FROM pg_extension "
                       "WHERE extname = 'careleaver'" % PREV, UPDATED)
ok(rc == 0 and out == PREV, 'the frozen %s release installs with this build\'s library' % PREV, err)
la = run("SELECT la FROM careleaver.generate_synthetic('legacy', 1200, 11) ORDER BY la LIMIT 1", UPDATED)
views_before = run("SELECT count(*) FROM careleaver.create_reports('legacy')", UPDATED)
ok(la != '' and int(views_before) > 0,
   'under %s: a synthetic dataset with its reporting views (%s views, council %s)' % (PREV, views_before, la))
run("CREATE ROLE careleaver_update_bi NOLOGIN", 'postgres', check=False)
run("GRANT USAGE ON SCHEMA legacy TO careleaver_update_bi; "
    "GRANT SELECT ON legacy.care_leavers_by_age_published TO careleaver_update_bi", UPDATED)

# --- 2. the update equals a fresh install ------------------------------------------
rc, out, err = attempt("ALTER EXTENSION careleaver UPDATE; SELECT extversion FROM pg_extension "
                       "WHERE extname = 'careleaver'", UPDATED)
ok(rc == 0 and out == VERSION, 'ALTER EXTENSION careleaver UPDATE: %s -> %s' % (PREV, VERSION), err)
run('CREATE EXTENSION careleaver', FRESH)
old, new = catalogue(UPDATED), catalogue(FRESH)
ok(set(old) == set(new) and len(new) >= 14, 'the catalogue query ran in both databases (%d sections)' % len(new))
for section in new:
    same(old.get(section, ''), new[section], 'updated = fresh install: ' + section,
         'updated from ' + PREV, 'fresh ' + VERSION, may_be_empty=True)
ok(new.get('functions (definition, volatility, parallel, strict, cost, rows, settings, ACL)', '').count('CREATE OR REPLACE FUNCTION') > 100
   and new.get('comments (every object of the schema or the extension, columns included)', '').count('\n') > 300,
   'the comparison covers the whole extension (over 100 function definitions, over 300 comments)')

# --- 3. the 0.1.0 dataset after the update ------------------------------------------
rc, out, err = attempt("SELECT object || ': ' || action FROM careleaver.upgrade_dataset('legacy')", UPDATED)
ok(rc == 0 and ('reporting views remade' in out or 'reporting views dropped and made again' in out),
   'upgrade_dataset brings the %s dataset forward' % PREV, err or out)
rc, out, err = attempt("SELECT count(*) FROM careleaver.create_reports('legacy')", UPDATED)
ok(rc == 0 and int(out or 0) >= int(views_before), 'create_reports again on the %s dataset (%s views)' % (PREV, out), err)
# A generated dataset holds no loaded return: validate says so (P0002, naming the year) rather than passing
# it, as the new version does for every dataset (doc/validation.md); anything else is a failure.
rc, out, err = attempt("SELECT count(*) FROM careleaver.validate('legacy', 2026)", UPDATED)
ok(rc != 0 and 'has no loaded return for collection year 2026' in err,
   'validate on the %s dataset answers as this version does (no loaded return: an error naming it)' % PREV, err or out)
rc, out, err = attempt("SELECT left(careleaver.report_html('legacy', '%s', 2026), 15) || ' ' "
                       "|| right(careleaver.report_html('legacy', '%s', 2026), 7)" % (la, la), UPDATED)
is_(out if rc == 0 else err, '<!DOCTYPE html> </html>', 'report_html on the %s dataset' % PREV)
views = run("SELECT string_agg(view_name, ' ' ORDER BY view_name) FROM careleaver.reporting_views", UPDATED).split()
bad = []
for v in views:
    rc, out, err = attempt('SELECT count(*) FROM legacy.%s' % v, UPDATED)
    if rc != 0:
        bad.append('%s: %s' % (v, err))
ok(views and not bad, 'every reporting view of the %s dataset reads (%d views)' % (PREV, len(views)), '\n'.join(bad))
is_(run("SELECT has_table_privilege('careleaver_update_bi', 'legacy.care_leavers_by_age_published', 'SELECT')",
        UPDATED), 't', 'a grant the owner gave on a reporting view is kept')

run("SELECT * FROM careleaver.generate_synthetic('current', 1200, 11); SELECT careleaver.create_reports('current')",
    FRESH)
same(dataset_shape(UPDATED, 'legacy'), dataset_shape(FRESH, 'current'),
     'the upgraded %s dataset has the tables, columns, comments, constraints, indexes and views of a %s one'
     % (PREV, VERSION), 'legacy (upgraded)', 'current (fresh)')
shape = dataset_shape(UPDATED, 'legacy')
rc, out, err = attempt("SELECT coalesce(string_agg(object || ': ' || action, '; '), '') "
                       "FROM careleaver.upgrade_dataset('legacy') WHERE action NOT LIKE 'reporting views remade%'",
                       UPDATED)
ok(rc == 0 and out == '' and dataset_shape(UPDATED, 'legacy') == shape,
   'upgrade_dataset again: nothing to add, the dataset unchanged', err or out)

# A dataset that lacks what this version makes (as a later release's would):
# upgrade_dataset adds it, from create_dataset's own definition.
run("""SELECT careleaver.create_dataset('older');
       SELECT careleaver.create_reports('older');
       ALTER TABLE older.episodes DROP COLUMN reconcile_note;
       ALTER TABLE older.returns DROP COLUMN loaded_at;
       INSERT INTO older.returns (la, year, files) VALUES ('999', 2024, '[]');
       DROP TABLE older.rejects CASCADE;
       DROP TABLE older.population CASCADE;
       DROP VIEW older.care_leavers_by_age_published;
       CREATE VIEW older.care_leavers_by_age_published AS SELECT 1 AS old_column;
       GRANT USAGE ON SCHEMA older TO careleaver_update_bi;
       GRANT SELECT ON older.care_leavers_by_age_published TO careleaver_update_bi;""", UPDATED)
rc, out, err = attempt("SELECT string_agg(object || ': ' || action, E'\\n' ORDER BY object) "
                       "FROM careleaver.upgrade_dataset('older')", UPDATED)
want = ['older.episodes.reconcile_note: column added', 'older.population: table created',
        'older.rejects: table created', 'older.returns.loaded_at: column added']
ok(rc == 0 and all(w in out.split('\n') for w in want) and 'dropped and made again' in out,
   'upgrade_dataset adds missing tables and columns and remakes reporting views whose columns changed',
   err or out)
run("SELECT careleaver.create_dataset('current2'); SELECT careleaver.create_reports('current2')", UPDATED)
same(dataset_shape(UPDATED, 'older'), dataset_shape(UPDATED, 'current2'),
     'the brought-forward dataset has the shape of a new one', 'older (upgraded)', 'current2 (new)')
is_(run("SELECT loaded_at IS NOT NULL FROM older.returns WHERE la = '999'", UPDATED), 't',
    'an added NOT NULL column with a default is filled on existing rows')
is_(run("SELECT has_table_privilege('careleaver_update_bi', 'older.care_leavers_by_age_published', 'SELECT')",
        UPDATED), 't', 'the grant on a remade reporting view is restored')

# What it does not change, it says; what it cannot do safely, it refuses.
run("""SELECT careleaver.create_dataset('odd'); SELECT careleaver.create_reports('odd');
       ALTER TABLE odd.rejects ALTER COLUMN value TYPE varchar(40);
       DROP VIEW odd.care_leavers_by_age_published;
       CREATE VIEW odd.care_leavers_by_age_published AS SELECT 1 AS old_column;
       CREATE VIEW odd.mine AS SELECT * FROM odd.care_leavers_by_age_published;""", UPDATED)
rc, out, err = attempt("SELECT string_agg(object || ': ' || action, E'\\n') FROM careleaver.upgrade_dataset('odd')",
                       UPDATED)
ok(rc != 0 and 'views of your own depend on them' in err and 'Drop your views' in err,
   'reporting views whose columns changed, with a view of the owner\'s on them: a clear error (2BP01)', err or out)
run("DROP VIEW odd.mine", UPDATED)
rc, out, err = attempt("SELECT string_agg(object || ': ' || action, E'\\n') FROM careleaver.upgrade_dataset('odd')",
                       UPDATED)
ok(rc == 0 and 'odd.rejects.value: type is character varying(40); this version makes text (not changed' in out,
   'a column type that differs is reported, not changed', err or out)

# Only the owner: nobody runs DDL on another role's dataset through it.
run("DROP ROLE IF EXISTS careleaver_update_other; CREATE ROLE careleaver_update_other LOGIN", 'postgres')
rc, out, err = attempt("SELECT * FROM careleaver.upgrade_dataset('legacy')", UPDATED, user='careleaver_update_other')
ok(rc != 0 and 'only the owner of dataset "legacy"' in err, 'another role may not upgrade the dataset', err)
rc, out, err = attempt("SELECT * FROM careleaver.upgrade_dataset('no_such_dataset')", UPDATED)
ok(rc != 0 and 'does not exist' in err, 'an unknown schema is a clear error', err)

for db in (UPDATED, FRESH):
    run('DROP DATABASE IF EXISTS %s' % db, 'postgres', check=False)
run('DROP ROLE IF EXISTS careleaver_update_other; DROP ROLE IF EXISTS careleaver_update_bi', 'postgres', check=False)
done()
