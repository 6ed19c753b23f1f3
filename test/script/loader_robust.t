#!/usr/bin/env python3
# The loader against data meant to confuse it (tabs, line breaks, quotes, NUL
# and non-UTF-8 bytes in cells, file names and council codes), header-only
# reloads, concurrent loads and reconciles, a systematic fault, the module
# columns from the server, and connections over TCP and the unix socket as a
# role without superuser.  Needs the throwaway cluster (PGHOST/PGPORT exported
# by scripts/run-tests; TCP on 127.0.0.1 when PGTMP_TCP=1).
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import ok, is_, done, psql_runner  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LOAD = os.path.join(ROOT, 'scripts', 'careleaver-load')
EXPORT = os.path.join(ROOT, 'scripts', 'careleaver-export')
DATA = os.path.join(ROOT, 'test', 'data', 'loader')
DB = 'careleaver_loader_robust_t'
ROLE = 'careleaver_loader_robust_analyst'
TMP = tempfile.mkdtemp(prefix='careleaver_loader_robust_')

EP_HEAD = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n'
HD_HEAD = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n'
EP_ROW = '{child},01/0{m}/2023,S,C2,N1,U1,PR1,,,,,,\n'
HD_ROW = '{child},1,01/01/2010,WBRI,UN1,,\n'


psql = psql_runner(DB)


def run(cmd):
    r = subprocess.run(cmd, capture_output=True)
    return r.returncode, r.stdout.decode('utf-8', 'replace'), r.stderr.decode('utf-8', 'replace')


def load(*args, conn=('-d', DB)):
    return run([LOAD] + list(conn) + list(args))


def write(directory, name, data):
    """Writes data (str as UTF-8, or bytes) to directory/name (name str or bytes); returns the path."""
    d = os.fsencode(directory)
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, os.fsencode(name))
    with open(path, 'wb') as f:
        f.write(data.encode('utf-8') if isinstance(data, str) else data)
    return os.fsdecode(path)


def fresh(name, files):
    """A new directory under TMP holding files {name: data}."""
    d = os.path.join(TMP, name)
    shutil.rmtree(d, ignore_errors=True)
    for n, data in files.items():
        write(d, n, data)
    return d


def episodes(*rows):
    return EP_HEAD + ''.join(rows)


def clean(out, err, what):
    ok('Traceback' not in out + err, '%s: no Python traceback' % what, err)


def count(sql):
    return int(psql(sql))


subprocess.run(['psql', '-X', '-q', '-d', 'postgres', '-c', 'DROP DATABASE IF EXISTS ' + DB], capture_output=True)
psql('CREATE DATABASE ' + DB, db='postgres')
psql('CREATE EXTENSION careleaver')
psql("SELECT careleaver.create_dataset('ds')")

good = [EP_ROW.format(child='C1', m=4), EP_ROW.format(child='C2', m=5)]

# --- a tab inside a cell ------------------------------------------------------------
d = fresh('tab', {'episodes.csv': episodes(good[0], EP_ROW.format(child='12\t34', m=6), good[1])})
rc, out, err = load('--dataset', 'ds', '--la', 'T', '--year', '2024', d)
is_(rc, 1, 'a tab inside a cell: exit status 1')
ok('episodes.csv:3:1: CHILD "12\\t34": holds a tab (U+0009)' in out, 'a tab inside a cell: file:line:column, value and reason', out)
clean(out, err, 'a tab inside a cell')
is_(count("SELECT count(*) FROM ds.return_episodes"), 0, 'a tab inside a cell: nothing loaded')

rc, out, err = load('--dataset', 'ds', '--la', 'T', '--year', '2024', '--skip-bad-rows', d)
ok(rc == 0 and 'episodes.csv:3:1: CHILD "12\\t34": holds a tab' in out and '(row skipped)' in out
   and 'return T/2024: loaded: 2 rows loaded, 1 bad value(s) skipped into rejects' in out,
   'a tab inside a cell with --skip-bad-rows: reported, summary printed, good rows loaded', out + err)
clean(out, err, 'a tab inside a cell with --skip-bad-rows')
is_(psql("SELECT value = E'12\\t34' FROM ds.rejects WHERE la = 'T'"), 't', 'the bad value is kept in rejects as read')

# --- a line break in a quoted cell cannot forge result lines -----------------------
forged = 'x\nRESULT\t213\t2024\tloaded\tforged\nPROBLEM'
d = fresh('newline', {'episodes.csv': episodes(good[0], 'C9,01/06/2023,S,C2,N1,U1,PR1,,,,,,"%s"\n' % forged, good[1])})
rc, out, err = load('--dataset', 'ds', '--la', 'N', '--year', '2024', d)
is_(rc, 1, 'a line break inside a quoted cell: exit status 1')
ok('episodes.csv:3:13: URN "x\\nRESULT\\t213\\t2024\\tloaded\\tforged\\nPROBLEM": holds a line break (U+000A)' in out,
   'a line break inside a quoted cell: file:line:column, the value escaped', out)
ok(not any(line.startswith(('return 213', 'RESULT', 'PROBLEM', 'forged')) for line in out.splitlines()),
   'a cell cannot forge result lines', out)
clean(out, err, 'a line break inside a quoted cell')
rc, out, err = load('--dataset', 'ds', '--la', 'N', '--year', '2024', '--skip-bad-rows', d)
ok(rc == 0 and 'return N/2024: loaded: 2 rows loaded' in out and '213' not in out.replace('x\\nRESULT\\t213', ''),
   'with --skip-bad-rows: the good rows load, no forged line', out + err)

# --- quotes -------------------------------------------------------------------------
d = fresh('quote', {'episodes.csv': episodes(good[0], 'C3,01/06/2023,S,C2,N1,U"4,PR1,,,,,,\n',
                                               'C4,01/06/2023,S,C2,N1,U1,PR1,,,,,,"AB\n', good[1])})
rc, out, err = load('--dataset', 'ds', '--la', 'Q', '--year', '2024', d)
ok(rc == 1 and 'episodes.csv:3:6: PLACE "U\\"4": not a placement_type code (PLACE)' in out,
   'a quote inside a cell: reported with the value escaped', out)
ok('episodes.csv:4:13: URN "AB\\nC2,01/05/2023,S,C2,N1,U1,PR1,,,,,,": holds a line break' in out,
   'an unclosed quote: the cell that swallowed the next line is reported where it starts', out)
clean(out, err, 'quotes')

# --- NUL bytes ----------------------------------------------------------------------
nul = episodes(good[0], 'C\x005,01/06/2023,S,C2,N1,U1,PR1,,,,,,\n', good[1])
d = fresh('nul', {'episodes.csv': nul})
rc, out, err = load('--dataset', 'ds', '--la', 'Z', '--year', '2024', d)
ok(rc == 1 and 'episodes.csv:3:1: CHILD "C\\u00005": holds a NUL byte (U+0000)' in out,
   'a NUL byte: file:line:column with the reason, exit status 1', out + err)
clean(out, err, 'a NUL byte')
is_(count("SELECT count(*) FROM ds.return_episodes WHERE la = 'Z'"), 0, 'a NUL byte: nothing loaded')
rc, out, err = load('--dataset', 'ds', '--la', 'Z', '--year', '2024', '--skip-bad-rows', d)
ok(rc == 0 and 'episodes.csv:3:1: CHILD "C\\u00005": holds a NUL byte' in out and 'return Z/2024: loaded: 2 rows loaded' in out,
   'a NUL byte with --skip-bad-rows: the row is skipped, the others load', out + err)
clean(out, err, 'a NUL byte with --skip-bad-rows')
is_(psql("SELECT column_name || ' ' || value FROM ds.rejects WHERE la = 'Z'"), 'CHILD C\\u00005',
    'the row with a NUL byte is kept in rejects, the byte escaped')

# --- a row with too few cells: reported by the client, nothing loaded ---------------
d = fresh('short', {'episodes.csv': episodes(good[0], 'C6,01/06/2023,S\n', good[1])})
rc, out, err = load('--dataset', 'ds', '--la', 'W', '--year', '2024', d)
ok(rc == 1 and 'episodes.csv:3: row has 3 cells, the header has 13' in out and 'nothing loaded' in out,
   'a row with too few cells: file:line, exit status 1', out + err)
is_(count("SELECT count(*) FROM ds.return_episodes WHERE la = 'W'"), 0, 'a row with too few cells: nothing loaded')
rc, out, err = load('--dataset', 'ds', '--la', 'W', '--year', '2024', '--skip-bad-rows', d)
ok(rc == 0 and 'episodes.csv:3: row has 3 cells, the header has 13 (row skipped, not kept in rejects)' in out
   and 'return W/2024: loaded: 2 rows loaded' in out, 'with --skip-bad-rows: skipped, the others load', out + err)

# --- bytes that are not UTF-8 -------------------------------------------------------
cp = os.path.join(DATA, 'header_cp1252.csv')
rc, out, err = load('--dataset', 'ds', '--la', 'E', '--year', '2024', cp)
ok(rc == 1 and 'header_cp1252.csv:2:1: CHILD "C\\xe91": not valid utf-8-sig (byte 0xE9): give --encoding' in out,
   'a byte that is not UTF-8 in a cell: file:line:column, the byte, what to do', out + err)
clean(out, err, 'a non-UTF-8 cell')
d = fresh('badhead', {'header.csv': HD_HEAD.replace('MC_DOB', 'MC_D\ufffdB').encode('utf-8').replace(b'\xef\xbf\xbd', b'\xd6')
                      + b'C1,1,01/01/2010,WBRI,UN1,,\n'})
rc, out, err = load('--dataset', 'ds', '--la', 'E', '--year', '2024', d)
ok(rc == 2 and 'header.csv:1:7: column header "MC_D\\xd6B" is not valid utf-8-sig (byte 0xD6): give --encoding' in err,
   'a byte that is not UTF-8 in a column header: file:line:column, exit status 2', out + err)
clean(out, err, 'a non-UTF-8 header')
rc, out, err = load('--dataset', 'ds', '--la', 'E', '--year', '2024', '--encoding', 'cp1252', cp)
ok(rc == 0 and psql("SELECT child FROM ds.header WHERE la = 'E'") == 'C\u00e91', '--encoding cp1252 reads the cell', out + err)

# --- file names ------------------------------------------------------------------
for label, name, shown in (('a tab', 'epi\tsodes.csv', 'epi\\tsodes.csv'),
                           ('a line break', 'epi\nsodes.csv', 'epi\\nsodes.csv'),
                           ('a byte that is not UTF-8', b'epi\xe9.csv', 'epi\\xe9.csv')):
    d = fresh('names', {name: episodes(*good)})
    rc, out, err = load('--dataset', 'ds', '--la', 'F', '--year', '2024', d)
    shown = os.path.join(d, shown)
    ok(rc == 2 and ('%s: file name' % shown) in err and err.count('\n') == 1,
       'a file name holding %s: refused on one line, the name escaped' % label, out + err)
    clean(out, err, 'a file name holding %s' % label)
is_(count("SELECT count(*) FROM ds.return_episodes WHERE la = 'F'"), 0, 'bad file names: nothing loaded')

# --- council codes ---------------------------------------------------------------
pooled = ('LA,YEAR,' + EP_HEAD + '213,2024,' + good[0] + '21\t3,2024,' + good[1] + '"21\n3",2024,' + good[1])
d = fresh('pooled', {'pooled.csv': pooled})
rc, out, err = load('--dataset', 'pool', '--pooled', d)
ok(rc == 1 and 'pooled.csv:3:1: LA "21\\t3": holds a tab (U+0009)' in out
   and 'pooled.csv:4:1: LA "21\\n3": holds a line break (U+000A)' in out,
   'a pooled council code holding a tab or a line break: file:line:column', out + err)
clean(out, err, 'a pooled council code holding a tab')
rc, out, err = load('--dataset', 'pool', '--pooled', '--skip-bad-rows', d)
ok(rc == 0 and 'return 213/2024: loaded: 1 rows loaded' in out and 'no readable council or year' in out,
   'with --skip-bad-rows: the good return loads and the rows without a readable council are counted', out + err)
clean(out, err, 'a pooled council code holding a tab, --skip-bad-rows')
rc, out, err = load('--dataset', 'ds', '--la', '21\t3', '--year', '2024', fresh('la', {'episodes.csv': episodes(*good)}))
ok(rc == 2 and '--la "21\\t3"' in err, '--la holding a tab: refused as usage', out + err)

# --- random cells built from the characters above: never a traceback ------------------
rnd = random.Random(903)
pieces = ['\x00', '\t', '\n', '\r', '"', ',', '\\', '\\.', '\\N', '\x7f', '\x1b', '\xe9', 'U4', '01/04/2023', 'PROBLEM', ' ']
failures = []
for k in range(15):
    rows = []
    for r in range(rnd.randint(1, 5)):
        cells = ['213', '2024', 'C%d' % r, '01/04/2023', 'S', 'C2', 'N1', 'U1', 'PR1', '', '', '', '', '', '']
        for _ in range(rnd.randint(1, 3)):
            cells[rnd.randrange(len(cells))] = ''.join(rnd.choice(pieces) for _ in range(rnd.randint(1, 4)))
        rows.append(','.join(cells) + '\n')
    data = ('LA,YEAR,' + EP_HEAD + ''.join(rows)).encode('utf-8').replace('\xe9'.encode('utf-8'), b'\xe9')
    d = fresh('random', {'episodes.csv': data})
    rc, out, err = load('--dataset', 'rnd', '--pooled', *(['--skip-bad-rows'] if k % 2 else []), d)
    if 'Traceback' in out + err or rc not in (0, 1) or (rc == 1 and 'nothing loaded' not in out):
        failures.append('case %d: exit status %d\n%s%s' % (k, rc, out, err))
ok(not failures, '15 pooled files of random cells: exit status 0 or 1, a summary, never a traceback', '\n'.join(failures))

# --- a header-only reload replaces the return --------------------------------------
d = fresh('full', {'episodes.csv': episodes(*good), 'header.csv': HD_HEAD + HD_ROW.format(child='C1') + HD_ROW.format(child='C2')})
rc, out, err = load('--dataset', 'ho', '--la', 'H', '--year', '2024', d)
ok(rc == 0 and count("SELECT count(*) FROM ho.episodes") == 2, 'a return loads (2 episodes)', out + err)
d = fresh('headers_only', {'episodes.csv': EP_HEAD, 'header.csv': HD_HEAD})
rc, out, err = load('--dataset', 'ho', '--la', 'H', '--year', '2024', d)
ok(rc == 0 and 'return H/2024: loaded: 0 rows loaded' in out, 'a header-only reload says 0 rows loaded', out + err)
is_(psql("SELECT (SELECT count(*) FROM ho.return_episodes) + (SELECT count(*) FROM ho.return_header) "
         "+ (SELECT count(*) FROM ho.episodes) + (SELECT count(*) FROM ho.header)"), '0',
    'a header-only reload leaves no rows for that return, loaded or canonical')
is_(psql("SELECT string_agg((f->>'module') || ' ' || (f->>'rows'), ', ' ORDER BY f->>'module') "
         "FROM ho.returns r, jsonb_array_elements(r.files) f WHERE la = 'H' AND year = 2024"),
    'episodes 0, header 0', 'the return is recorded with its empty modules')
rc, out, err = load('--dataset', 'ho', '--la', 'H', '--year', '2024', d)
ok(rc == 0 and 'unchanged' in out, 'the same header-only files again: unchanged', out + err)
d = fresh('empty_xml', {'return.xml': '<?xml version="1.0"?>\n<EXPSSDA903>\n</EXPSSDA903>\n'})
load('--dataset', 'ho', '--la', 'H', '--year', '2023', fresh('full23', {'episodes.csv': episodes(*good)}))
rc, out, err = load('--dataset', 'ho', '--la', 'H', '--year', '2023', d)
ok(rc == 0 and count("SELECT count(*) FROM ho.return_episodes WHERE year = 2023") == 0,
   'an XML return with no children replaces the return too', out + err)

# --- a systematic fault is summarised --------------------------------------------
rows = ['S%04d,01/06/2023,S,C2,N1,U9,PR1,,,,,,\n' % i for i in range(1307)]
rows.insert(10, 'X1,31/02/2023,S,C2,N1,U1,PR1,,,,,,\n')
d = fresh('systematic', {'episodes.csv': episodes(*rows)})
rc, out, err = load('--dataset', 'ds', '--la', 'S', '--year', '2024', d)
lines = out.splitlines()
summary = [x for x in lines if x.startswith('episodes.csv:2:6: PLACE "U9": not a placement_type code')]
ok(rc == 1 and len(lines) < 10, 'a systematic fault (1307 rows) gives a few lines, not 1307', out[:2000])
ok(len(summary) == 1 and '1307 rows' in summary[0] and 'episodes.csv:3:6' in summary[0] and 'episodes.csv:4:6' in summary[0],
   'the summary names column, value, reason, the count and the first positions', out[:2000])
ok('episodes.csv:12:2: DECOM "31/02/2023": day 31 does not exist' in out, 'a one-off fault beside it is listed as usual', out[:2000])
ok('1308 bad value(s); nothing loaded' in out, 'the total count is printed', out[:2000])

# --- one source for the module columns ---------------------------------------------
for path, names in ((LOAD, ['PLACE_PROVIDER', 'REASON_PLACE_CHANGE', 'HOME_POST', 'SDQ_SCORE', 'NB_ADOPTR',
                            'MIS_START', 'REVIEW_CODE', 'MC_DOB', 'LA_PERM', 'INTERVENTION_OFFERED']),
                    (EXPORT, ['PLACE_PROVIDER', 'HOME_POST', 'PL_POST', 'ETHNIC', 'UPN', '"URN"', '"CIN"'])):
    with open(path) as f:
        text = f.read()
    found = [n for n in names if n in text]
    ok(not found, '%s reads the module columns from careleaver.dataset_columns(), not a list of its own'
       % os.path.basename(path), 'names found: %s' % found)

# --- concurrency -------------------------------------------------------------------
psql("SELECT count(*) FROM careleaver.generate_synthetic('syn', 1500, 7)")
exported = os.path.join(TMP, 'export')
rc, out, err = run([EXPORT, '-d', DB, '--dataset', 'syn', '--la', '213', '--year', '2024', exported])
is_(rc, 0, 'careleaver-export writes a return')
rc, out, err = load('--dataset', 'cc', '--la', '213', '--year', '2024', exported)
ok(rc == 0 and 'loaded' in out, 'the exported return loads', out + err)
nrows = count("SELECT count(*) FROM cc.return_episodes")


class Holder:
    """A session holding ACCESS EXCLUSIVE on cc.returns, so that what starts meanwhile queues up behind it."""

    def __init__(self):
        self.p = subprocess.Popen(['psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', DB],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.p.stdin.write("BEGIN; LOCK TABLE cc.returns IN ACCESS EXCLUSIVE MODE; SELECT 'locked';\n")
        self.p.stdin.flush()
        self.p.stdout.readline()

    def release(self):
        self.p.stdin.write('COMMIT;\n')
        self.p.stdin.close()
        self.p.wait()


def wait_for_waiters(n):
    for _ in range(600):
        if count("SELECT count(*) FROM pg_stat_activity WHERE datname = '%s' AND wait_event_type = 'Lock'" % DB) >= n:
            return True
        time.sleep(0.1)
    return False


h = Holder()
procs = [subprocess.Popen(['psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', DB, '-c',
                           "SELECT council, episodes FROM careleaver.reconcile('cc', '213')"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
ok(wait_for_waiters(2), 'two reconciles of one council started together')
h.release()
res = [p.communicate() + (p.returncode,) for p in procs]
ok(all(r[2] == 0 for r in res), 'concurrent reconciles of one council both succeed (they take turns)',
   '\n'.join(r[1] for r in res))
ok(res[0][0] == res[1][0] and res[0][0].startswith('213|'), 'and give the same result', res)

renamed = os.path.join(TMP, 'renamed')
os.makedirs(renamed)
for f in os.listdir(exported):
    shutil.copy(os.path.join(exported, f), os.path.join(renamed, 'x_' + f))
h = Holder()
procs = [subprocess.Popen([LOAD, '-d', DB, '--dataset', 'cc', '--la', '213', '--year', '2024', '--skip-bad-rows', renamed],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
ok(wait_for_waiters(2), 'two loads of one return started together')
h.release()
res = [p.communicate() + (p.returncode,) for p in procs]
ok(all(r[2] == 0 for r in res), 'concurrent loads of one return both succeed', '\n'.join(r[0] + r[1] for r in res))
is_(count("SELECT count(*) FROM cc.return_episodes"), nrows, 'concurrent loads of one return leave exactly one copy')
ok(sorted('unchanged' in r[0] for r in res) == [False, True], 'one replaced the return, the other found it unchanged',
   '\n'.join(r[0] for r in res))

# --- connections: unix socket and TCP, as a role without superuser ------------------
psql("DROP ROLE IF EXISTS %s; CREATE ROLE %s LOGIN; GRANT CREATE ON DATABASE %s TO %s; "
     "GRANT USAGE ON SCHEMA careleaver TO %s" % (ROLE, ROLE, DB, ROLE, ROLE))
host, port = os.environ.get('PGHOST', ''), os.environ.get('PGPORT', '5432')
listen = psql('SHOW listen_addresses')
ok('127.0.0.1' in listen or '*' in listen or 'localhost' in listen,
   'the throwaway cluster listens on TCP (PGTMP_TCP=1)', listen)
for label, conn in (('unix socket', ['-h', host, '-p', port, '-U', ROLE, '-d', DB]),
                    ('TCP', ['-h', '127.0.0.1', '-p', port, '-U', ROLE, '-d', DB])):
    schema = 'mine_' + label.split()[0].lower()
    rc, out, err = run([LOAD] + conn + ['--dataset', schema, '--la', '213', '--year', '2024', exported])
    ok(rc == 0 and 'loaded' in out, 'careleaver-load over the %s as a role without superuser' % label, out + err)
    is_(psql("SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = '%s'" % schema), ROLE,
        'the dataset belongs to that role (%s)' % label)
    back = os.path.join(TMP, 'back_' + schema)
    rc, out, err = run([EXPORT] + conn + ['--dataset', schema, '--la', '213', '--year', '2024', back])
    same = rc == 0 and all(open(os.path.join(back, f), 'rb').read() == open(os.path.join(exported, f), 'rb').read()
                           for f in sorted(os.listdir(exported)))
    ok(same, 'careleaver-export over the %s as that role gives back the same files' % label, out + err)

subprocess.run(['psql', '-X', '-q', '-d', 'postgres', '-c', 'DROP DATABASE IF EXISTS ' + DB], capture_output=True)
subprocess.run(['psql', '-X', '-q', '-d', 'postgres', '-c', 'DROP ROLE IF EXISTS ' + ROLE], capture_output=True)
shutil.rmtree(TMP, ignore_errors=True)
done()
