#!/usr/bin/env python3
# The analyst's whole flow as a role that is not superuser (issue 12; README, "Installing for real").
# The DBA's whole setup is CREATE EXTENSION careleaver and GRANT CREATE ON DATABASE; then, as that
# role only, over the unix socket and over TCP (-h/-p/-U): the README's first session, create_dataset,
# generate_synthetic, careleaver-export and careleaver-load, reconcile, validate, create_reports,
# report_html and create_council_export.  Also: a suppression threshold set before the library is
# loaded (a placeholder) is refused when it loads, so the published tables still suppress at 5.
# Runs its own cluster listening on TCP too (scripts/pgtmp.sh with PGTMP_TCP=1), removed at exit.
import atexit
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import ok, is_, done  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXPORT = os.path.join(ROOT, 'scripts', 'careleaver-export')
LOAD = os.path.join(ROOT, 'scripts', 'careleaver-load')
DB = 'council_db'
ROLE = 'careleaver_analyst'

if not os.environ.get('PGTMP_INST_BINDIR'):
    print('Bail out! run through scripts/run-tests (needs PGTMP_INST_BINDIR)')
    sys.exit(1)

# ------------------------------------------------------------------ the cluster
cluster_dir = tempfile.mkdtemp(prefix='careleaver-analyst.')
os.chmod(cluster_dir, 0o755)
start = subprocess.run(
    ['bash', '-c', '. scripts/pgtmp.sh; PGTMP_DIR=$1; PGTMP_TCP=1; '
     'pgtmp_start_cluster analyst >&2 && echo "$PGTMP_LAST_HOST $PGTMP_LAST_PORT"', '-', cluster_dir],
    cwd=ROOT, capture_output=True, text=True)


def stop_cluster():
    subprocess.run(['bash', '-c', '. scripts/pgtmp.sh; PGTMP_DIR=$1; PGTMP_CLUSTERS=analyst; pgtmp_stop_all',
                    '-', cluster_dir], cwd=ROOT, capture_output=True)
    shutil.rmtree(cluster_dir, ignore_errors=True)


atexit.register(stop_cluster)
if start.returncode != 0:
    print('Bail out! cannot start a cluster: ' + start.stderr.replace('\n', ' '))
    sys.exit(1)
SOCKET, PORT = start.stdout.split()
SOCKET_CONN = ['-h', SOCKET, '-p', PORT, '-U', ROLE, '-d', DB]
TCP_CONN = ['-h', '127.0.0.1', '-p', PORT, '-U', ROLE, '-d', DB]
ENV = {k: v for k, v in os.environ.items() if not k.startswith('PG')}   # only what is given


def run(cmd, cwd=None):
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, env=ENV)
    err = r.stderr if len(r.stderr) <= 2000 else r.stderr[:1500] + '\n[...]'   # errors quote whole queries
    return r.returncode, r.stdout, err


def psql(conn, *sqls, cwd=None):
    """(exit status, output, errors) of psql -c SQL [-c SQL ...] (one session) over the connection options."""
    cmd = ['psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1'] + conn
    for sql in sqls:
        cmd += ['-c', sql]
    return run(cmd, cwd=cwd)


def value(conn, *sqls):
    rc, out, err = psql(conn, *sqls)
    return out.strip() if rc == 0 else 'ERROR: ' + err.strip()


SUPER = ['-h', SOCKET, '-p', PORT, '-U', 'postgres']
for sql in ('CREATE DATABASE %s' % DB, 'CREATE ROLE %s LOGIN' % ROLE):
    rc, _, err = psql(SUPER + ['-d', 'postgres'], sql)
    if rc != 0:
        print('Bail out! ' + err.strip())
        sys.exit(1)

# ------------------------------------------------------------------ the DBA's whole setup
rc, _, err = psql(SUPER + ['-d', DB], 'CREATE EXTENSION careleaver; GRANT CREATE ON DATABASE %s TO %s' % (DB, ROLE))
ok(rc == 0, "the DBA's whole setup: CREATE EXTENSION careleaver; GRANT CREATE ON DATABASE", err)
is_(value(SOCKET_CONN, "SELECT concat_ws(' ', current_user, rolsuper, rolcreatedb, rolcreaterole, rolbypassrls, "
                       "(SELECT count(*) FROM pg_auth_members m WHERE m.member = r.oid)) "
                       "FROM pg_roles r WHERE rolname = current_user"),
    ROLE + ' f f f f 0', 'the analyst is no superuser, creates no database or role, bypasses no RLS, is member of no role')
is_(value(TCP_CONN, "SELECT inet_client_addr() IS NOT NULL"), 't', 'the analyst connects over TCP too (-h 127.0.0.1 -p -U)')

# ------------------------------------------------------------------ the README's first session
readme = open(os.path.join(ROOT, 'README.md'), encoding='utf-8').read()
m = re.search(r'^## A first session\n.*?^```sql\n(.*?)^```', readme, re.S | re.M)
ok(m is not None, "README.md has a first session (an sql block under '## A first session')")
work = tempfile.mkdtemp(prefix='careleaver-analyst-work.')
atexit.register(shutil.rmtree, work, True)
# the same statements with a smaller council (the README's 20,000 children take a minute on a busy machine)
session = re.sub(r"(generate_synthetic\('\w+', )\d+", r"\g<1>1500", m.group(1)) if m else 'SELECT 1/0;'
with open(os.path.join(work, 'first_session.sql'), 'w', encoding='utf-8') as f:
    f.write(session)
rc, out, err = run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1'] + SOCKET_CONN + ['-f', 'first_session.sql'], cwd=work)
ok(rc == 0, "the README's first session runs as the analyst", err)
if m and '\\o ' in m.group(1):
    written = [os.path.join(work, n) for n in os.listdir(work) if n.endswith('.html')]
    html = open(written[0], encoding='utf-8', errors='replace').read() if written else ''
    ok('<svg' in html and '</html>' in html, "the first session writes the HTML report (%s)" % ', '.join(
        os.path.basename(w) for w in written), 'files: %r' % os.listdir(work))

# ------------------------------------------------------------------ a dataset of one's own, loaded from returns
is_(value(TCP_CONN, "SELECT careleaver.create_dataset('csc')",
          "SELECT nspowner::regrole FROM pg_namespace WHERE nspname = 'csc'").split('\n')[-1],
    ROLE, "create_dataset('csc') over TCP: a schema of the analyst's")
rc, out, err = psql(TCP_CONN, "SELECT la, children_generated FROM careleaver.generate_synthetic('synth', 400, 11, 1, 2019, 2026)")
is_((rc, out.strip()), (0, '213|400'), 'generate_synthetic (400 children) into a second dataset')

returns = os.path.join(work, 'returns')
for year, conn, how in ((2024, SOCKET_CONN, 'unix socket'), (2025, TCP_CONN, 'TCP'), (2026, TCP_CONN, 'TCP')):
    rc, out, err = run([EXPORT, '--dataset', 'synth', '--la', '213', '--year', str(year)] + conn
                       + [os.path.join(returns, str(year))])
    ok(rc == 0 and os.path.getsize(os.path.join(returns, str(year), 'episodes.csv')) > 100,
       'careleaver-export of %d over the %s' % (year, how), err)
for year, conn, how in ((2024, SOCKET_CONN, 'unix socket'), (2025, TCP_CONN, 'TCP'), (2026, SOCKET_CONN, 'unix socket')):
    rc, out, err = run([LOAD, '--dataset', 'csc', '--la', '213', '--year', str(year)] + conn
                       + [os.path.join(returns, str(year))])
    ok(rc == 0, 'careleaver-load of %d over the %s' % (year, how), out + err)
is_(value(TCP_CONN, "SELECT string_agg(year::text, ' ' ORDER BY year) FROM csc.returns"), '2024 2025 2026',
    'the three returns are loaded')

rc, out, err = psql(TCP_CONN, "SELECT council, episodes > 0 FROM careleaver.reconcile('csc')")
is_((rc, out.strip()), (0, '213|t'), 'reconcile')
want = value(TCP_CONN, "SELECT count(*) FROM synth.episodes WHERE la = '213' "
                       "AND (dec IS NULL OR dec >= DATE '2023-04-01')")
is_(value(TCP_CONN, "SELECT count(*) FROM csc.episodes WHERE dec IS NULL OR dec >= DATE '2023-04-01'"), want,
    'the loaded episodes of the three years are the exported ones (%s)' % want)
rc, out, err = psql(TCP_CONN, "SELECT count(*) FROM careleaver.validate('csc', 2026)")
ok(rc == 0 and out.strip().isdigit(), 'validate (%s rows)' % out.strip(), err)
rc, out, err = psql(SOCKET_CONN, "SELECT count(*) FROM careleaver.create_reports('csc')")
ok(rc == 0 and int(out.strip() or 0) > 10, 'create_reports (%s views)' % out.strip(), err)
rc, out, err = psql(SOCKET_CONN, "SELECT count(*) FROM csc.care_leavers_by_age_published WHERE collection_year = 2026")
ok(rc == 0 and int(out.strip() or 0) > 0, 'a published view reads (%s rows for 2026)' % out.strip(), err)
rc, out, err = psql(TCP_CONN, "SELECT careleaver.report_html('csc', '213', 2026)")
ok(rc == 0 and '<svg' in out and out.rstrip().endswith('</html>'), 'report_html', err)
rc, out, err = psql(TCP_CONN, "SELECT string_agg(v, ' ' ORDER BY v) FROM careleaver.create_council_export('csc') v "
                              "WHERE v LIKE '%\\_states' OR v = 'council_counts'")
is_((rc, out.strip()), (0, 'council_counts exit_states flow_states reentry_states transition_states'), 'create_council_export')

# ------------------------------------------------------------------ disclosure control holds for the analyst
published = "SELECT string_agg(t::text, ';' ORDER BY t::text) FROM council.care_leavers_by_age_published t"
plain = value(SOCKET_CONN, published)
ok(re.search(r'[(,]c[,)]', plain) is not None, 'the published table has suppressed cells (c)', plain[:500])
rc, out, err = psql(SOCKET_CONN, 'SET careleaver.suppression_threshold = 0', published,
                    'SHOW careleaver.suppression_threshold')
ok(rc == 0 and out.split('\n')[0] == plain,
   'a threshold of 0 set before the library loads (a placeholder): the published table still suppresses at 5', err)
ok('cannot be set below 5 by a role that is not superuser' in err, 'and the refusal is said (WARNING)', err)
is_(out.strip().split('\n')[-1] if rc == 0 else err, '5', 'the setting reads 5 after the library loads')
rc, out, err = psql(SOCKET_CONN, "SELECT careleaver.suppression_threshold()", "SET careleaver.suppression_threshold = 4")
ok(rc != 0 and 'ERROR:  careleaver.suppression_threshold cannot be set below 5 by a role that is not superuser' in err,
   'SET to 4 once loaded: a clear error', err)
rc, out, err = psql(SOCKET_CONN, 'SET careleaver.suppression_threshold = 10', published)
ok(rc == 0 and out.strip() != plain, 'SET to 10 works (a stricter table)', err)

done()
