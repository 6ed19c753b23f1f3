#!/usr/bin/env python3
# Loader, dataset schema and reconciliation against the throwaway cluster
# (PGHOST/PGPORT exported by scripts/run-tests).  Peer data: test/data (vendored,
# see test/data/README.md).
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import ok, is_, done  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PEER = os.path.join(ROOT, 'test', 'data')
DATA = os.path.join(ROOT, 'test', 'data', 'loader')
LOAD = os.path.join(ROOT, 'scripts', 'careleaver-load')
DB = 'careleaver_loader_t'


def psql(sql, db=DB, user=None):
    cmd = ['psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', db, '-c', sql]
    if user:
        cmd += ['-U', user]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError('psql failed: %s\n%s' % (sql, r.stderr))
    return r.stdout.strip()


def try_psql(sql):
    r = subprocess.run(['psql', '-X', '-q', '-A', '-t', '-d', DB, '-c', sql], capture_output=True, text=True)
    return r.returncode, r.stdout.strip(), r.stderr.strip()


def load(*args, user=None):
    cmd = [LOAD, '-d', DB] + (['-U', user] if user else []) + list(args)
    r = subprocess.run(cmd, capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def checksum(schema):
    """md5 of every row of every table of the dataset schema."""
    tables = psql("SELECT string_agg(format('%%I.%%I', schemaname, tablename), ' ' ORDER BY tablename) "
                  "FROM pg_tables WHERE schemaname = '%s'" % schema).split()
    parts = []
    for t in tables:
        parts.append(t + ':' + psql("SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM %s x" % t))
    return ' '.join(parts)


def overlaps(schema):
    return int(psql("SELECT count(*) FROM %s.episodes a JOIN %s.episodes b ON a.la = b.la AND a.child = b.child "
                    "AND a.decom < b.decom AND coalesce(a.dec, 'infinity') > b.decom" % (schema, schema)))


subprocess.run(['psql', '-X', '-q', '-d', 'postgres', '-c', 'DROP DATABASE IF EXISTS ' + DB], capture_output=True)
psql('CREATE DATABASE ' + DB, db='postgres')
psql('CREATE EXTENSION careleaver')

# --- dataset schema -------------------------------------------------------
psql("SELECT careleaver.create_dataset('ds'); SELECT careleaver.create_dataset('ds')")
tables = psql("SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'ds'").split(',')
for t in ['header', 'episodes', 'oc3', 'uasc', 'missing', 'reviews', 'oc2', 'population', 'returns', 'rejects',
          'return_header', 'return_episodes', 'return_oc3', 'reconcile_conflicts']:
    ok(t in tables, 'create_dataset makes ds.%s (and is idempotent)' % t)
is_(psql("SELECT count(*) FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'careleaver' "
         "WHERE d.classid = 'pg_class'::regclass AND d.objid IN (SELECT oid FROM pg_class WHERE relnamespace = 'ds'::regnamespace)"),
    '0', 'dataset tables are not extension members')
is_(psql("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'ds.episodes'::regclass AND attname = 'place'"),
    'careleaver.placement_type', 'episodes.place has the code type')
is_(psql("SELECT count(*) FROM pg_attribute a WHERE a.attrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'ds'::regnamespace AND relkind = 'r') "
         "AND a.attnum > 0 AND NOT a.attisdropped AND col_description(a.attrelid, a.attnum) IS NULL"),
    '0', 'every dataset column has a comment')
is_(psql("SELECT string_agg(a.attname, ',' ORDER BY a.attnum) FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
         "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = 'ds.episodes'::regclass AND i.indisprimary"),
    'la,child,decom', 'episodes keyed by (la, child, decom)')

# --- server-side cell checks ----------------------------------------------
is_(psql("SELECT careleaver.return_value_problem('01/07/23', 'date')"),
    'two-digit year is ambiguous: write the date as DD/MM/YYYY', 'two-digit years refused with a reason')
is_(psql("SELECT careleaver.return_value_problem(' u4 ', 'placement_type') IS NULL"), 't', 'codes trimmed and upper-cased')
is_(psql("SELECT careleaver.return_date('29/02/2024')::text || ' ' || careleaver.return_date('2023-04-01')::text"),
    '2024-02-29 2023-04-01', 'DD/MM/YYYY and ISO dates read')
rc, out, err = try_psql("SELECT careleaver.reconcile('ds', NULL, 'merge_everything')")
ok(rc != 0 and 'unknown reconciliation policy "merge_everything"' in err, 'unknown policy refused', err)

# --- bad values: every one listed, dataset unchanged ------------------------
rc, out, err = load('--dataset', 'ds', '--la', '999', '--year', '2023', os.path.join(DATA, 'messy'))
is_(rc, 0, 'messy fixture (BOM, blank rows, lower case, NULL/nan, 1.0, two date styles) loads')
before = checksum('ds')
rc, out, err = load('--dataset', 'ds', '--la', '999', '--year', '2023', os.path.join(DATA, 'bad'))
is_(rc, 1, 'a return with bad values exits 1')
want = ['episodes.csv:3:2: DECOM "31/02/2023": day 31 does not exist in 2023-02',
        'episodes.csv:4:4: LS "Q9": not a legal_status code (LS)',
        'episodes.csv:4:8: DEC "01/07/23": two-digit year is ambiguous',
        'episodes.csv:5:1: CHILD blank: required: every row needs the child identifier',
        'episodes.csv:6:2: DECOM blank: required: an episode needs its start date',
        'episodes.csv:6:5: CIN "N9": not a need_category code (CIN)',
        'header.csv:2:6: MOTHER "2": out of range 0 to 1',
        'header.csv:3:3: DOB "15/13/2010": month 13 does not exist']
lines = out.splitlines()
for i, w in enumerate(want):
    ok(i < len(lines) and lines[i].startswith(w), 'bad value %d reported as %s' % (i + 1, w.split(': ')[0]), out)
ok('8 bad value(s); nothing loaded' in out, 'the count of bad values is printed', out)
is_(checksum('ds'), before, 'the dataset is exactly as before (checksum of every table)')

# --- messy values as loaded -------------------------------------------------
is_(psql("SELECT string_agg(concat_ws(' ', child, decom, rne, ls, place, place_provider, dec, rec, "
         "coalesce(reason_place_change::text, '-'), coalesce(home_post, '-')), '; ' ORDER BY child, decom) "
         "FROM ds.return_episodes WHERE la = '999'"),
    '0042 2022-04-01 S C1 U4 PR1 2022-06-01 X1 - -; 0042 2022-06-01 L C2 U4 PR1 - -; 0043 2023-01-05 S V2 K2 PR4 - -',
    'messy episodes: trimmed ids kept with leading zeros, codes upper-cased, NULL/nan blank, both date styles')
is_(psql("SELECT string_agg(concat_ws(' ', child, ethnic, mother, mc_dob), '; ' ORDER BY child) FROM ds.header WHERE la = '999'"),
    '0042 WBRI 1 2021-01-01; 0043 NOBT 0', 'pandas 1.0/0.0 flags read as 1/0')
is_(psql("SELECT files->0->>'name' || ' ' || (files->0->>'module') FROM ds.returns WHERE la = '999'"),
    'Episodes_2023_final.CSV episodes', 'returns lists files with their module (recognised by headers, not names)')

# --- skip bad rows ------------------------------------------------------------
rc, out, err = load('--dataset', 'ds', '--la', '999', '--year', '2022', '--skip-bad-rows', os.path.join(DATA, 'bad'))
is_(rc, 0, '--skip-bad-rows loads the good rows')
is_(psql("SELECT count(*) || ' ' || count(DISTINCT source_file || source_line) FROM ds.rejects WHERE la = '999' AND year = 2022"),
    '8 6', 'rejects holds the 8 bad values of the 6 skipped rows')
is_(psql("SELECT string_agg(child, ',' ORDER BY child) FROM ds.return_episodes WHERE la = '999' AND year = 2022"),
    '1001,1006', 'the good episodes were loaded')

# --- XML ------------------------------------------------------------------------
rc, out, err = load('--dataset', 'ds', '--la', '998', '--year', '2023', os.path.join(DATA, 'xml', 'return.xml'))
is_(rc, 0, 'XML return loads')
is_(psql("SELECT (SELECT count(*) FROM ds.episodes WHERE la = '998') || ' ' || (SELECT count(*) FROM ds.reviews WHERE la = '998') "
         "|| ' ' || (SELECT count(*) FROM ds.uasc WHERE la = '998') || ' ' || (SELECT string_agg(concat_ws(' ', child, in_touch, activ, accom), ',') FROM ds.oc3 WHERE la = '998')"
         "|| ' ' || (SELECT sdq_score FROM ds.oc2 WHERE la = '998')"),
    '2 2 1 B2 YES F4 Z1 12', 'XML: episodes, reviews, UASC, OC3 from HEADER, OC2')
is_(psql("SELECT place::text FROM ds.episodes WHERE la = '998' AND decom = '2022-09-01'"), 'U4', 'XML PL read as PLACE')
before = checksum('ds')
rc, out, err = load('--dataset', 'ds', '--la', '998', '--year', '2023', os.path.join(DATA, 'bad_return.xml'))
ok(rc == 1 and 'bad_return.xml:13:75: PLACE "U9"' in out and 'bad_return.xml:19:48: ACCOM "Q7"' in out,
   'XML bad values reported at line:column of their element', out)
is_(checksum('ds'), before, 'a rejected XML return leaves the dataset unchanged')

# --- the five annual returns vs the pooled regional file ---------------------
samples = os.path.join(PEER, 'cs_demand_model_samples_2017_2021')
regional = os.path.join(PEER, 'cs_demand_model_regional_v1')
if not os.path.isdir(samples):
    print('Bail out! peer data not found under %s' % PEER)
    sys.exit(1)
allok = True
for y in range(2017, 2022):
    files = [os.path.join(samples, '%d-%s.csv' % (y, m)) for m in ('header', 'episodes', 'oc3', 'uasc')]
    # file prefix 2017 = the year 2017-18 = collection year 2018
    rc, out, err = load('--dataset', 'csc', '--la', '213', '--year', str(y + 1), '--skip-bad-rows', *files)
    allok = allok and rc == 0
ok(allok, 'five annual returns load (with --skip-bad-rows)')
is_(psql("SELECT count(*) FROM csc.rejects"), '24', 'the 24 OC3 ACCOM values 01/02 (not codes) went to rejects')
is_(psql("SELECT count(*) || ' ' || count(DISTINCT child) FROM csc.episodes"), '2808 820',
    'canonical: 2808 episodes of 820 children (2827 distinct CHILD, DECOM less 19 superseded)')
is_(psql("SELECT concat_ws(' ', decom, dec, rec, source_year) FROM csc.episodes WHERE child = '119095' AND decom < '2019-07-22'"),
    '2014-02-26 2019-07-22 X1 2020',
    'child 119095: return 2020 restates 26/02/2014-22/07/2019, superseding the episodes of returns 2018-19 inside it')
is_(overlaps('csc'), 0, 'no overlapping episodes after reconciliation (five returns)')
is_(psql("SELECT count(*) FROM careleaver.facts_stale('csc')"), '0',
    'after the loads the facts are current: reconcile refreshed them in each load\'s transaction')
is_(psql("SELECT s.children || ' ' || (SELECT count(*) FROM csc.child_facts c WHERE c.la = '213') FROM csc.refresh_state s "
         "WHERE s.la = '213'"), '820 820', 'the facts hold the 820 canonical children')
is_(psql("SELECT count(*) FROM csc.episodes WHERE source_year IS NULL"), '0', 'every canonical episode has its source year')
is_(psql("SELECT string_agg(kind || ' ' || n, ', ' ORDER BY kind) FROM (SELECT kind, count(*) n FROM csc.reconcile_conflicts GROUP BY kind) k"),
    'overlap 33, stale_open 24, superseded 19', 'conflicts reported: 24 stale open, 33 overlaps, 19 superseded')
is_(psql("SELECT count(*) FROM csc.episodes WHERE reconcile_note LIKE 'open at the end of return%' AND rec IS NULL "
         "AND dec = make_date(source_year, 3, 31)"), '24',
    'stale open episodes closed on their return\'s 31 March with REC blank and a note')

rc, out, err = load('--dataset', 'reg', '--pooled', '--year-offset', '1', regional)
is_(rc, 0, 'pooled regional file (ISO dates, LA and YEAR columns) loads')
is_(psql("SELECT count(*) FROM reg.returns"), '15', '15 returns: three councils, five years')
is_(overlaps('reg'), 0, 'no overlapping episodes after reconciliation (pooled)')
cols = "child, decom, rne::text, ls::text, cin::text, place::text, place_provider::text, dec, rec::text, reason_place_change::text, urn, source_year, reconcile_note"
is_(psql("SELECT count(*) FROM ((SELECT %s FROM csc.episodes EXCEPT SELECT %s FROM reg.episodes) UNION ALL "
         "(SELECT %s FROM reg.episodes EXCEPT SELECT %s FROM csc.episodes)) d" % (cols, cols, cols, cols)),
    '0', 'five returns and pooled file give the same canonical episodes per child')
is_(psql("SELECT count(*) FROM (SELECT child FROM reg.episodes GROUP BY child HAVING count(DISTINCT la) > 1) x"),
    '0', 'each child belongs to one council in the pooled file')

# --- idempotent reload ----------------------------------------------------------
before = checksum('csc')
files = [os.path.join(samples, '2021-%s.csv' % m) for m in ('header', 'episodes', 'oc3', 'uasc')]
rc, out, err = load('--dataset', 'csc', '--la', '213', '--year', '2022', '--skip-bad-rows', *files)
ok(rc == 0 and 'unchanged' in out, 'reloading the same return says unchanged', out)
is_(checksum('csc'), before, 'reloading the same return changes nothing')
# the same files under other names: replaced, same canonical result
tmp = os.path.join('/tmp', 'careleaver_loader_t_%d' % os.getpid())
os.makedirs(tmp, exist_ok=True)
for m in ('header', 'episodes', 'oc3', 'uasc'):
    with open(os.path.join(samples, '2021-%s.csv' % m), 'rb') as src, open(os.path.join(tmp, 'x_%s.csv' % m), 'wb') as dst:
        dst.write(src.read())
ep_before = psql("SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM csc.episodes x")
rc, out, err = load('--dataset', 'csc', '--la', '213', '--year', '2022', '--skip-bad-rows', tmp)
ok(rc == 0 and 'loaded' in out, 'renamed files replace the return', out)
is_(psql("SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM csc.episodes x"), ep_before,
    'replacing a return with the same rows gives the same canonical episodes')
is_(psql("SELECT count(*) FROM csc.return_episodes WHERE year = 2022"), '253', 'the replaced return has its rows once')

# --- validator fake data and the liiatools episodes-fix fixture --------------
rc, out, err = load('--dataset', 'fake', '--la', 'E09000027', '--year', '2018', os.path.join(PEER, 'validator903_fake_data'))
ok(rc == 1 and 'oc3.csv:2:5: ACCOM "01"' in out and 'oc3.csv:47:5: ACCOM "02"' in out,
   'validator fake data: the two OC3 ACCOM values 01/02 are refused', out)
rc, out, err = load('--dataset', 'fake', '--la', 'E09000027', '--year', '2018', '--skip-bad-rows',
                    os.path.join(PEER, 'validator903_fake_data'))
is_(rc, 0, 'validator fake data loads with --skip-bad-rows')
is_(psql("SELECT count(*) || ' ' || (SELECT count(*) FROM fake.return_reviews) || ' ' || (SELECT count(*) FROM fake.return_ad1) FROM fake.episodes"),
    '5050 12582 29', 'all 5050 episodes, 12582 reviews and 29 AD1 rows loaded')
is_(overlaps('fake'), 0, 'no overlaps left in the validator fake data')
is_(psql("SELECT count(*) FROM fake.reconcile_conflicts WHERE kind = 'overlap'"), '72',
    'its overlapping episodes are cut back and reported')

rc, out, err = load('--dataset', 'liia', '--pooled', os.path.join(PEER, 'liiatools_episodes_fix', 'input.csv'))
is_(rc, 0, 'liiatools episodes-fix input loads (pooled, YEAR = collection year)')
is_(overlaps('liia'), 0, 'no overlaps left in the liiatools fixture')
got = psql("SELECT string_agg(child || ' ' || decom || ' ' || coalesce(dec::text, 'open') || ' ' || coalesce(rec::text, '-'), '; ' ORDER BY child, decom) "
           "FROM liia.episodes WHERE child IN ('RULE3_BAD', 'RULE3A_BAD', 'RULE4_BAD')")
is_(got, 'RULE3A_BAD 2017-11-25 2018-01-25 X1; RULE3A_BAD 2018-01-25 2018-05-16 E45; '
         'RULE3_BAD 2016-09-23 2017-05-30 E2; '
         'RULE4_BAD 2018-11-23 2018-12-20 X1; RULE4_BAD 2018-12-20 2019-08-19 X1; RULE4_BAD 2019-08-19 2019-10-01 E4A',
    'older episodes inside newer ones are superseded, overlaps cut (as liiatools rules 3, 3A, 4)')
is_(psql("SELECT concat_ws(' ', dec, coalesce(rec::text, '-'), reconcile_note IS NOT NULL) FROM liia.episodes WHERE child = 'RULE1A_BAD' AND decom = '2016-10-24'"),
    '2017-03-31 - t', 'stale open episode closed at its return\'s year end, REC blank (liiatools writes E99)')
is_(psql("SELECT count(*) FROM liia.reconcile_conflicts WHERE kind = 'x1_gap' AND child = 'RULE5_BAD'"), '1',
    'an X1 ending followed by a gap is reported, not changed')
is_(psql("SELECT count(*) FROM liia.episodes WHERE rec::text IN ('E99', 'LIIAF')"), '0', 'no invented codes')

# --- every rule of the latest_return policy, on two hand-made returns ----------
rdir = os.path.join(DATA, 'reconcile')
rc1 = load('--dataset', 'rc', '--la', 'R', '--year', '2022', os.path.join(rdir, '2022'))[0]
rc2 = load('--dataset', 'rc', '--la', 'R', '--year', '2023', os.path.join(rdir, '2023'))[0]
is_((rc1, rc2), (0, 0), 'two hand-made returns load')
got = psql("SELECT string_agg(concat_ws(' ', child, decom, coalesce(dec::text, 'open'), coalesce(rec::text, '-'), ls, source_year, "
           "reconcile_note IS NOT NULL), '; ' ORDER BY child, decom) FROM rc.episodes")
is_(got, '; '.join([
    'C1 2021-05-01 2022-06-01 E4A C1 2023 f',      # revised LS: the later return wins
    'C2 2021-06-01 2021-09-01 E8 V2 2022 f',       # history before the later return
    'C2 2021-10-01 2022-04-15 E4B V2 2023 f',      # revised end: the later return wins
    'C3 2021-07-01 2021-08-01 E8 C2 2022 f',       # duplicate in a return: the row with a DEC
    'C4 2022-01-01 2022-03-31 - V2 2022 t',        # stale open: closed at its year end, REC blank
    'C6 2022-02-01 2022-03-31 E8 V2 2022 t',       # DEC inside the next return's year: cut back
    'C8 2022-05-01 2022-06-01 X1 C2 2023 f',       # X1 then a gap: unchanged
    'C8 2022-07-01 open - C2 2023 f',
    'C9 2022-05-01 2022-07-01 X1 C2 2023 t',       # overlap: cut to the next DECOM, REC kept
    'C9 2022-07-01 open - C2 2023 f']),
    'canonical episodes follow each rule (C5 not restated and C7 ending before it starts are dropped)')
is_(psql("SELECT string_agg(child || ':' || kind, ' ' ORDER BY child, kind) FROM rc.reconcile_conflicts"),
    'C1:header_revised C1:revised_episode C10:duplicate_oc3 C2:revised_end C3:duplicate_in_return C4:stale_open '
    'C5:not_restated C6:not_restated C7:ends_before_start C8:x1_gap C9:overlap',
    'every conflict kind is reported')
is_(psql("SELECT dob || ' ' || (SELECT accom::text FROM rc.oc3 WHERE child = 'C10') FROM rc.header WHERE child = 'C1'"),
    '2010-01-02 U1', 'header from the latest return; duplicate OC3: the first row')
rc, out, err = try_psql("SELECT * FROM careleaver.reconcile('rc', 'R')")
is_(psql("SELECT count(*) FROM rc.episodes"), '10', 'reconcile again: same result (idempotent)')

# --- encodings ---------------------------------------------------------------------------
cp = os.path.join(DATA, 'header_cp1252.csv')
rc, out, err = load('--dataset', 'enc', '--la', '1', '--year', '2023', cp)
ok(rc == 1 and 'header_cp1252.csv:2:1: CHILD "C\\xe91": not valid utf-8-sig (byte 0xE9): give --encoding' in out,
   'a non-UTF-8 cell is refused at file:line:column, with the byte', out + err)
rc, out, err = load('--dataset', 'enc', '--la', '1', '--year', '2023', '--encoding', 'cp1252', cp)
ok(rc == 0 and psql("SELECT child FROM enc.header") == 'C\u00e91', '--encoding cp1252 reads it', out + err)

# --- a year named by its start is flagged ------------------------------------------
rc, out, err = load('--dataset', 'yr', '--la', '213', '--year', '2017', '--no-reconcile', os.path.join(samples, '2017-episodes.csv'))
ok(rc == 0 and 'warning: 941 episode(s) start after 31/03/2017' in out, 'episodes after the year end give a warning about --year', out)

# --- DROP EXTENSION never drops data ----------------------------------------------
rc, out, err = try_psql('DROP EXTENSION careleaver')
ok(rc != 0 and 'depend' in err and psql('SELECT count(*) FROM csc.episodes') == '2808',
   'DROP EXTENSION refuses while datasets use its types; the data stays', err)

# --- a non-superuser can load ---------------------------------------------------
psql("DROP ROLE IF EXISTS careleaver_loader_t_user; CREATE ROLE careleaver_loader_t_user LOGIN; "
     "GRANT CREATE ON DATABASE %s TO careleaver_loader_t_user; GRANT USAGE ON SCHEMA careleaver TO careleaver_loader_t_user" % DB)
rc, out, err = load('--dataset', 'mine', '--la', '997', '--year', '2023', os.path.join(DATA, 'messy'), user='careleaver_loader_t_user')
ok(rc == 0 and psql("SELECT count(*) FROM mine.episodes") == '3', 'a role without superuser loads a return', out + err)

subprocess.run(['psql', '-X', '-q', '-d', 'postgres', '-c', 'DROP DATABASE IF EXISTS ' + DB], capture_output=True)
subprocess.run(['psql', '-X', '-q', '-d', 'postgres', '-c', 'DROP ROLE IF EXISTS careleaver_loader_t_user'], capture_output=True)
done()
