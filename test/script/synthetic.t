#!/usr/bin/env python3
# Synthetic councils (careleaver.generate_synthetic, scripts/careleaver-export)
# against the throwaway cluster (PGHOST/PGPORT exported by scripts/run-tests):
# determinism, internal consistency, the headline rates against the national
# figures (bench/synth/calibrate.sql), and the round trip generate -> export
# every year -> careleaver-load into a fresh dataset -> reconcile, which must
# give back the generated episodes exactly and pass careleaver.validate.
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import ok, is_, done  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXPORT = os.path.join(ROOT, 'scripts', 'careleaver-export')
LOAD = os.path.join(ROOT, 'scripts', 'careleaver-load')
CALIBRATE = os.path.join(ROOT, 'bench', 'synth', 'calibrate.sql')
DB = 'careleaver_synth_t'


def psql(sql, db=DB):
    # the code types' operators live in schema careleaver
    r = subprocess.run(['psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', db,
                        '-c', 'SET search_path = public, careleaver', '-c', sql],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError('psql failed: %s\n%s' % (sql, r.stderr))
    return r.stdout.strip()


def sqlstate_of(sql):
    r = subprocess.run(['psql', '-X', '-q', '-A', '-t', '-d', DB, '-v', 'VERBOSITY=verbose', '-c', sql],
                       capture_output=True, text=True)
    for line in r.stderr.splitlines():
        if line.startswith('ERROR:'):
            return line.split()[1], line
    return None, r.stderr


def checksum(ds):
    return psql("""
      SELECT md5(string_agg(x, '|' ORDER BY x)) FROM (
        SELECT format('%%s', (h.*)) AS x FROM %(ds)s.header h
        UNION ALL SELECT format('%%s', (e.*)) FROM %(ds)s.episodes e
        UNION ALL SELECT format('%%s', (o.*)) FROM %(ds)s.oc3 o
        UNION ALL SELECT format('%%s', (u.*)) FROM %(ds)s.uasc u) t""" % {'ds': ds})


psql('DROP DATABASE IF EXISTS %s' % DB, db='postgres')
psql('CREATE DATABASE %s' % DB, db='postgres')
psql('CREATE EXTENSION careleaver')

# --- generating --------------------------------------------------------------
rows = psql("SELECT la, children_generated, episodes > children_generated, oc3_records > 0, uasc_children > 0 "
            "FROM careleaver.generate_synthetic('syn', 3000, 11, 2)").splitlines()
is_(rows, ['213|1500|t|t|t', '202|1500|t|t|t'],
    'generate_synthetic: 3000 children shared by two councils (213, 202), each with episodes, OC3 and UASC')
is_(psql("SELECT count(*) FROM syn.header"), '3000', 'one header row per child')
is_(psql("SELECT count(DISTINCT (year)) FROM syn.population WHERE la = '213'"), '10',
    'a population for each of the ten collection years')
is_(psql("SELECT round(sum(p.count) FILTER (WHERE p.age < 18) / 10000.0 * 70) = n.c "
         "FROM syn.population p, (SELECT count(*) AS c FROM syn.episodes e WHERE e.la = '213' "
         "AND e.dec IS NULL AND NOT careleaver.is_short_break(e.ls)) n "
         "WHERE p.la = '213' AND p.year = 2026 GROUP BY n.c"), 't',
    'the population puts 31 March 2026 at about 70 looked after per 10,000 (to rounding)')

# --- determinism ---------------------------------------------------------------
psql("SELECT count(*) FROM careleaver.generate_synthetic('syn_again', 3000, 11, 2)")
psql("SELECT count(*) FROM careleaver.generate_synthetic('syn_other', 3000, 12, 2)")
a, b, c = checksum('syn'), checksum('syn_again'), checksum('syn_other')
is_(a, b, 'the same seed gives the same data (checksum %s)' % a)
ok(a != c, 'another seed gives other data')
is_(psql("SELECT md5(string_agg(format('%s', e.*), '|' ORDER BY e.la, e.child, e.decom)) "
         "FROM careleaver.synthetic_episodes(3000, 11, 2) e WHERE e.child <= '0000100'"),
    psql("SELECT md5(string_agg(format('%s', e.*), '|' ORDER BY e.la, e.child, e.decom)) "
         "FROM careleaver.synthetic_episodes(100, 11, 2) e"),
    'a child is the same whatever the number of children generated with it')

# --- bad arguments -----------------------------------------------------------------
code, msg = sqlstate_of("SELECT * FROM careleaver.generate_synthetic('syn', 10, 11, 2)")
is_(code, '55000:', 'generating into a council that already has data is refused (55000)')
ok('already holds data for council 202' in msg, 'and the message names the council', msg)
code, msg = sqlstate_of("SELECT * FROM careleaver.generate_synthetic('bad', -1, 1)")
is_(code, '22023:', 'a negative number of children is refused (22023)')
code, msg = sqlstate_of("SELECT * FROM careleaver.generate_synthetic('bad', 10, 1, 1, 2026, 2020)")
is_(code, '22023:', 'a first year after the last is refused (22023)')
ok('first collection year 2026 is after the last, 2020' in msg, 'with the years in the message', msg)
code, msg = sqlstate_of("SELECT * FROM careleaver.generate_synthetic('bad', 1000, 1, 1000)")
is_(code, '22023:', 'more councils than the list holds is refused (22023)')

# --- internal consistency (SQL, independent of the C unit tests) ---------------------
CHECKS = [
    ('no overlapping episodes',
     "SELECT count(*) FROM (SELECT e.decom, lag(e.dec) OVER w AS pdec FROM syn.episodes e "
     "WINDOW w AS (PARTITION BY e.la, e.child ORDER BY e.decom)) s WHERE s.decom < s.pdec"),
    ('DEC after DECOM, none after 31 March 2026, DEC and REC both present or both blank',
     "SELECT count(*) FROM syn.episodes WHERE dec <= decom OR dec > '2026-03-31' "
     "OR (dec IS NULL) <> (rec IS NULL)"),
    ('only a child\'s last episode is open',
     "SELECT count(*) FROM (SELECT e.dec, lead(e.decom) OVER w AS nxt FROM syn.episodes e "
     "WINDOW w AS (PARTITION BY e.la, e.child ORDER BY e.decom)) s WHERE s.dec IS NULL AND s.nxt IS NOT NULL"),
    ('every X1 is followed by an episode starting that day that is not RNE S',
     "SELECT count(*) FROM (SELECT e.rec, e.dec, lead(e.decom) OVER w AS nd, lead(e.rne) OVER w AS nr "
     "FROM syn.episodes e WINDOW w AS (PARTITION BY e.la, e.child ORDER BY e.decom)) s "
     "WHERE s.rec = 'X1' AND (s.nd IS DISTINCT FROM s.dec OR s.nr = 'S')"),
    ('every continuation (RNE other than S) follows an X1 ending that day, or began before the first year',
     "SELECT count(*) FROM (SELECT e.rne, e.decom, lag(e.dec) OVER w AS pd, lag(e.rec) OVER w AS pr "
     "FROM syn.episodes e WINDOW w AS (PARTITION BY e.la, e.child ORDER BY e.decom)) s "
     "WHERE s.rne <> 'S' AND (CASE WHEN s.pd IS NULL THEN s.decom >= '2016-04-01' "
     "ELSE s.pr <> 'X1' OR s.pd <> s.decom END)"),
    ('every code valid in each collection year the episode is returned in',
     "SELECT count(*) FROM syn.episodes e "
     "CROSS JOIN LATERAL generate_series(greatest(2017, date_part('year', e.decom + 275)::int), "
     "  date_part('year', coalesce(e.dec - 1, '2026-03-31'::date) + 275)::int) AS y(year) "
     "WHERE NOT (careleaver.valid_in_year(e.rne, y.year) AND careleaver.valid_in_year(e.ls, y.year) "
     "  AND careleaver.valid_in_year(e.cin, y.year) AND careleaver.valid_in_year(e.place, y.year) "
     "  AND coalesce(careleaver.valid_in_year(e.place_provider, y.year), true))"),
    ('REC and reason for placement change valid in the year the episode ended',
     "SELECT count(*) FROM syn.episodes e WHERE e.dec IS NOT NULL AND e.rec <> 'X1' "
     "AND NOT careleaver.valid_in_year(e.rec, date_part('year', e.dec + 275)::int) "
     "OR e.reason_place_change IS NOT NULL "
     "AND NOT careleaver.valid_in_year(e.reason_place_change, date_part('year', e.dec + 275)::int)"),
    ('no care before birth, nobody starts care at 18, adoption and SGO before 18',
     "SELECT count(*) FROM syn.episodes e JOIN syn.header h USING (la, child) "
     "WHERE e.decom < h.dob OR e.rne = 'S' AND age(e.decom, h.dob) >= interval '18 years' "
     "OR (careleaver.is_adoption(e.rec) OR careleaver.is_special_guardianship_order(e.rec)) "
     "AND age(e.dec, h.dob) >= interval '18 years'"),
    ('category of need constant within a period of care',
     "SELECT count(*) FROM (SELECT e.rne, e.cin, lag(e.cin) OVER w AS pc FROM syn.episodes e "
     "WINDOW w AS (PARTITION BY e.la, e.child ORDER BY e.decom)) s WHERE s.rne <> 'S' AND s.cin <> s.pc"),
    ('OC3 codes valid in their year, rules 344, 345, 3001',
     "SELECT count(*) FROM syn.oc3 o JOIN syn.header h USING (la, child) "
     "WHERE NOT (careleaver.valid_in_year(o.in_touch, o.year) AND careleaver.valid_in_year(o.activ, o.year) "
     "  AND careleaver.valid_in_year(o.accom, o.year)) "
     "OR o.in_touch IN ('DIED', 'RHOM') AND (o.activ <> '0' OR o.accom <> '0') "
     "OR o.in_touch = 'YES' AND (o.activ = '0' OR o.accom = '0') "
     "OR careleaver.accommodation_type(o.accom) = 'Z' "
     "   AND (h.dob + interval '17 years')::date BETWEEN careleaver.collection_year_start(o.year) AND careleaver.collection_year_end(o.year)"),
    ('OC3 only on a 17th to 21st birthday in its collection year',
     "SELECT count(*) FROM syn.oc3 o WHERE NOT EXISTS (SELECT 1 FROM generate_series(17, 21) a "
     "WHERE (o.dob + a * interval '1 year')::date BETWEEN careleaver.collection_year_start(o.year) AND careleaver.collection_year_end(o.year))"),
]
for name, sql in CHECKS:
    is_(psql(sql), '0', name)

# --- the OC3 records are the extension's own care-leaver cohort (careleaver.leaver_outcomes) ---
is_(psql("SELECT count(*) FROM generate_series(2017, 2026) y, careleaver.leaver_outcomes('syn', y) o "
         "WHERE NOT o.in_cohort"), '0', 'every OC3 record belongs to the care-leaver cohort of its year')
is_(psql("SELECT count(*) FROM generate_series(2017, 2026) y, careleaver.leaver_outcomes('syn', y) o "
         "WHERE o.in_cohort AND NOT o.has_oc3 AND o.age <= 21"), '0',
    'every cohort member aged 17 to 21 has an OC3 record')
ok(int(psql("SELECT count(*) FROM syn.oc3 o JOIN syn.episodes e USING (la, child) "
            "WHERE o.year >= 2024 AND e.rec <> 'X1' "
            "AND e.dec = careleaver.birthday(o.dob, 18) "
            "AND careleaver.birthday(o.dob, 18) BETWEEN careleaver.collection_year_start(o.year) AND careleaver.collection_year_end(o.year)")) > 0,
   'from 2024, 18-year-olds who left care on their birthday have an OC3 record (not looked after on it: rule 1016 does not apply)')

# --- headline rates against the national figures ---------------------------------
psql("SELECT count(*) FROM careleaver.generate_synthetic('cal', 40000, 3)")
r = subprocess.run(['psql', '-X', '-q', '-A', '-t', '-F', '|', '-d', DB, '-v', 'dataset=cal', '-f', CALIBRATE],
                   capture_output=True, text=True)
ok(r.returncode == 0, 'bench/synth/calibrate.sql runs', r.stderr)
table = {}
for line in r.stdout.splitlines():
    parts = line.split('|')
    if len(parts) == 4 and parts[1] and parts[2]:
        table[parts[0]] = (float(parts[1]), float(parts[2]))
# measure (prefix) -> tolerance in percentage points
TOLERANCE = [
    ('Age at start 2024: under 1', 4), ('Age at start 2024: 10-15', 4), ('Age at start 2024: 16+', 4),
    ('Legal status at 31 March 2023: care orders', 5), ('Legal status at 31 March 2023: s20', 5),
    ('Placement at 31 March 2023: foster', 7),
    ('Need: abuse or neglect', 4), ('UASC among starts 2023', 4),
    ('Ceased 2025 aged 18 or over', 5), ('Adopted among ceased 2024', 3),
    ('Re-entry within 12 months of a return home', 5),
    ('Care leavers 19-21: in touch', 4), ('Care leavers 19-21: in education', 5),
    ('Care leavers 19-21: NEET', 4), ('Care leavers 19-21: suitable', 4),
    ('Staying put at 18', 6),
]
for prefix, tol in TOLERANCE:
    hit = [(k, v) for k, v in table.items() if k.startswith(prefix)]
    if not hit:
        ok(False, '%s: measure present' % prefix, r.stdout)
        continue
    k, (gen, nat) = hit[0]
    ok(abs(gen - nat) <= tol, '%s: %.1f against %.1f nationally (within %d points)' % (k, gen, nat, tol))

# --- export: usage errors ------------------------------------------------------------
u = subprocess.run([EXPORT, '--dataset', 'syn', '--la', '213', '/tmp/never-written'], capture_output=True, text=True)
ok(u.returncode == 2 and '--year' in u.stderr and not os.path.exists('/tmp/never-written'),
   'export: a missing --year is a usage error (exit 2), nothing written', u.stderr)
u = subprocess.run([EXPORT, '--dataset', 'no_such_dataset', '--la', '213', '--year', '2024', '-d', DB,
                    tempfile.mkdtemp()], capture_output=True, text=True)
ok(u.returncode == 3 and 'no_such_dataset' in u.stderr, 'export: a missing dataset is a database error (exit 3)',
   u.stderr)

# --- round trip: export every year, load, reconcile -------------------------------------
COLS = ('la, child, decom, rne, ls, cin, place, place_provider, dec, rec, reason_place_change, '
        'home_post, pl_post, urn')
psql("SELECT count(*) FROM careleaver.generate_synthetic('rt_src', 1200, 21, 2)")
with tempfile.TemporaryDirectory() as tmp:
    bad = []
    for la in ('213', '202'):
        for year in range(2017, 2027):
            d = os.path.join(tmp, la, str(year))
            e = subprocess.run([EXPORT, '--dataset', 'rt_src', '--la', la, '--year', str(year), '-d', DB, d],
                               capture_output=True, text=True)
            if e.returncode != 0:
                bad.append('export %s %d: %s' % (la, year, e.stderr))
                continue
            if la == '213' and year == 2024:
                with open(os.path.join(d, 'episodes.csv')) as f:
                    head = f.readline().strip()
                    first = f.readline().strip()
                is_(head, 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,'
                    'HOME_POST,PL_POST,URN', 'export: episodes file has the DfE header row')
                ok(first.split(',')[1].count('/') == 2, 'export: dates are DD/MM/YYYY', first)
                with open(os.path.join(d, 'header.csv')) as f:
                    is_(f.readline().strip(), 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB',
                        'export: header file has the DfE header row')
                with open(os.path.join(d, 'oc3.csv')) as f:
                    is_(f.readline().strip(), 'CHILD,DOB,IN_TOUCH,ACTIV,ACCOM', 'export: OC3 header row')
                with open(os.path.join(d, 'uasc.csv')) as f:
                    is_(f.readline().strip(), 'CHILD,SEX,DOB,DUC', 'export: UASC header row')
                open_rows = psql("SELECT count(*) FROM rt_src.episodes WHERE la = '213' "
                                 "AND decom <= '2024-03-31' AND (dec IS NULL OR dec > '2024-03-31')")
                with open(os.path.join(d, 'episodes.csv')) as f:
                    blank_dec = sum(1 for line in list(f)[1:] if line.split(',')[7] == '')
                is_(str(blank_dec), open_rows,
                    'export: every episode open on 31 March 2024 is written with DEC blank')
            ld = subprocess.run([LOAD, '--dataset', 'rt', '--la', la, '--year', str(year), '--quiet',
                                 '-d', DB, d], capture_output=True, text=True)
            if ld.returncode != 0:
                bad.append('load %s %d: %s%s' % (la, year, ld.stdout, ld.stderr))
    is_(bad, [], 'every year of both councils exports and loads')
is_(psql("SELECT count(*) FROM rt.returns"), '20', 'twenty returns loaded')
is_(psql("SELECT (SELECT count(*) FROM rt_src.episodes) = (SELECT count(*) FROM rt.episodes)"), 't',
    'round trip: as many canonical episodes as generated')
is_(psql("SELECT count(*) FROM (SELECT %s FROM rt_src.episodes EXCEPT SELECT %s FROM rt.episodes) x"
         % (COLS, COLS)), '0', 'round trip: every generated episode comes back exactly')
is_(psql("SELECT count(*) FROM (SELECT %s FROM rt.episodes EXCEPT SELECT %s FROM rt_src.episodes) x"
         % (COLS, COLS)), '0', 'round trip: no other episode appears')
is_(psql("SELECT count(*) FROM rt.episodes WHERE reconcile_note IS NOT NULL"), '0',
    'round trip: reconciliation had nothing to adjust')
is_(psql("SELECT count(*) FROM (SELECT * FROM rt_src.oc3 EXCEPT SELECT * FROM rt.oc3) x"), '0',
    'round trip: every OC3 record comes back')
is_(psql("SELECT count(*) FROM (SELECT la, child, dob, ethnic, upn FROM rt_src.header "
         "EXCEPT SELECT la, child, dob, ethnic, upn FROM rt.header) x"), '0',
    'round trip: every child comes back with its header')
flags = psql("SELECT y, v.rule_code, count(*) FROM generate_series(2017, 2026) y, "
             "careleaver.validate('rt', y) v GROUP BY 1, 2 ORDER BY 1, 2")
is_(flags, '', 'the exported returns of every year pass careleaver.validate')

psql('DROP DATABASE %s' % DB, db='postgres')
done()
