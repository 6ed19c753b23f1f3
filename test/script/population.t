#!/usr/bin/env python3
# scripts/careleaver-population against the throwaway cluster: loads the vendored trimmed ONS mid-year
# estimates (test/data/dfe_published, see PROVENANCE-dashboard.json) into a dataset; the population stored
# for collection year Y is the one DfE divides by for Y, and DfE's published rates per 10,000 are
# reproduced from it (Dashboard 3 and 4, metrics.md 12); reloading changes nothing; a file in another
# layout and bad cells are refused with nothing loaded; the national_framework rates read x without a
# population and a number with one.
import csv
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import ok, is_, done, psql_runner  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LOAD = os.path.join(ROOT, 'scripts', 'careleaver-population')
DATA = os.path.join(ROOT, 'test', 'data', 'dfe_published')
ONS = os.path.join(DATA, 'dashboard_ons_mid-year_population_estimates_trimmed.csv')
CLA = os.path.join(DATA, 'dashboard_cla_number_and_rate_per_10k_children_trimmed.csv')
DB = 'careleaver_population_t'


psql = psql_runner(DB)


def load(*args):
    return subprocess.run([LOAD, '-d', DB] + list(args), capture_output=True, text=True)


def snapshot():
    return psql("SELECT coalesce(string_agg(format('%s/%s/%s/%s/%s', la, year, age, age_to, count), ' ' "
                "ORDER BY la, year, age), '') FROM pop.population")


psql('DROP DATABASE IF EXISTS %s' % DB, db='postgres')
psql('CREATE DATABASE %s' % DB, db='postgres')
psql('CREATE EXTENSION careleaver')

# --- loading ---------------------------------------------------------------------------------
r = load('--dataset', 'pop', ONS)
is_(r.returncode, 0, 'loads the ONS mid-year estimates file (%s)' % r.stderr.strip())
ok('loaded into pop.population' in r.stdout, 'says what it loaded', r.stdout)
with open(ONS, newline='', encoding='utf-8') as f:
    ons = [row for row in csv.DictReader(f) if row['geographic_level'] == 'Local authority']
is_(psql('SELECT count(*) FROM pop.population'), str(len(ons)), 'one row per council and mid-year of the file')
is_(psql("SELECT count(*) FROM pop.population WHERE age <> 0 OR age_to <> 17"), '0',
    'each row covers the ages 0 to 17')
is_(psql("SELECT year || '=' || count FROM pop.population WHERE la = '801' AND year = 2025"), '2025=92705',
    'mid-2024 (Bristol, a quoted name with a comma) is stored as collection year 2025')

# DfE divides the year ending 31 March Y by the population we store for Y, and rounds halves away from zero
with open(CLA, newline='', encoding='utf-8') as f:
    cla = [row for row in csv.DictReader(f) if row['geographic_level'] == 'Local authority']
pop = dict(((la, int(y)), int(n)) for la, y, n in
           (line.split('|') for line in psql('SELECT la, year, count FROM pop.population').splitlines()))
mismatch_pop = [(r['old_la_code'], r['time_period']) for r in cla
                if pop.get((r['old_la_code'], int(r['time_period']))) != int(r['population_estimate'])]
is_(mismatch_pop, [], "DfE's population_estimate of every council and year equals the population stored for it")
rates = ["(%d::bigint, %d::bigint, %d)" % (int(r['children_count']), pop[(r['old_la_code'], int(r['time_period']))],
                                          int(r['rate_per_10000']))
         for r in cla if r['children_count'].isdigit()]
is_(psql("SELECT count(*) FROM (VALUES %s) v(n, p, rate) WHERE round(10000.0 * n / p) <> rate" % ', '.join(rates)),
    '0', "every published rate per 10,000 is round(10000 * count / population), a whole number (%d rates)" % len(rates))

before = snapshot()
r = load('--dataset', 'pop', '--quiet', ONS)
is_((r.returncode, r.stdout), (0, ''), 'a second load succeeds quietly')
is_(snapshot(), before, 'loading again changes nothing (idempotent)')

psql("UPDATE pop.population SET count = 1 WHERE la = '213'")
psql("INSERT INTO pop.population (la, year, age, count) VALUES ('213', 2025, 5, 999)")
r = load('--dataset', 'pop', '--la', '213', ONS)
is_(r.returncode, 0, '--la loads one council')
is_(snapshot(), before, 'the rows of a reloaded council and year replace what was there, single ages included')

# --- refusals: nothing changes -----------------------------------------------------------------
tmp = tempfile.mkdtemp()
other = os.path.join(tmp, 'other.csv')
with open(other, 'w') as f:
    f.write('year,la,children\n2024,213,30000\n')
r = load('--dataset', 'pop', other)
is_(r.returncode, 2, 'a file in another layout: exit status 2')
ok('other.csv:1: not the ONS mid-year population estimates layout' in r.stderr
   and 'time_period' in r.stderr, 'it names the layout expected and the columns missing', r.stderr)

bad = os.path.join(tmp, 'bad.csv')
with open(ONS, encoding='utf-8') as f:
    lines = f.read().splitlines()
la_lines = [i for i, l in enumerate(lines) if ',Local authority,' in l]
lines[la_lines[0]] = lines[la_lines[0]].rsplit(',', 1)[0] + ',12x4'
lines[la_lines[1]] = lines[la_lines[1]].replace('Local authority,E92000001,England,E13000001,Inner London,2',
                                                'Local authority,E92000001,England,E13000001,Inner London,Q', 1)
with open(bad, 'w') as f:
    f.write('\n'.join(lines) + '\n')
r = load('--dataset', 'pop', bad)
is_(r.returncode, 1, 'bad cells: exit status 1')
ok('bad.csv:%d:12: population_estimate "12x4"' % (la_lines[0] + 1) in r.stderr,
   'a bad count is named as FILE:LINE:COLUMN', r.stderr)
ok('bad.csv:%d:8: old_la_code "Q' % (la_lines[1] + 1) in r.stderr,
   'a bad council code is named as FILE:LINE:COLUMN', r.stderr)
is_(snapshot(), before, 'a refused file loads nothing')

# --- the Dashboard rates ---------------------------------------------------------------------
psql("SELECT count(*) FROM careleaver.generate_synthetic('syn', 1200, 5, 2, 2022, 2025)")
psql("DELETE FROM syn.population")
psql("SELECT count(*) FROM careleaver.create_reports('syn')")
is_(psql("SELECT string_agg(DISTINCT value || ':' || not_available_reason, ',') FROM syn.national_framework_published "
         "WHERE dashboard_no IN (3, 4, 5, 6)"),
    'x:no child population loaded for this council and year (scripts/careleaver-population)',
    'without a population the rates per 10,000 read x, with the reason')
r = load('--dataset', 'syn', ONS)
is_(r.returncode, 0, 'the population loads into a synthetic dataset')
rows = psql("SELECT n.value = round(10000.0 * s.looked_after_31_march / p.count)::text "
            "FROM syn.national_framework_published n JOIN syn.looked_after_summary s USING (la, collection_year) "
            "JOIN syn.population p ON p.la = n.la AND p.year = n.collection_year "
            "WHERE n.dashboard_no = 4").split()
ok(len(rows) >= 8 and set(rows) == {'t'},
   'Dashboard 4 reads looked after on 31 March per 10,000 of the loaded population, a whole number, '
   'for every council and year (%d)' % len(rows), rows)
is_(psql("SELECT count(*) FROM syn.national_framework_published p JOIN syn.national_framework n "
         "USING (la, collection_year, ordinal) WHERE n.dashboard_no IN (3, 4) "
         "AND NOT careleaver.is_published_number(p.value) AND NOT (p.value = 'c' AND n.numerator BETWEEN 1 AND 5)"),
    '0', 'with a population, a rate of Dashboard 3 or 4 is a number, or c for 1 to 5 children')

psql('DROP DATABASE IF EXISTS %s' % DB, db='postgres')
done()
