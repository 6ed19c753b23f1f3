#!/usr/bin/env python3
# scripts/careleaver-population-ethnicity against the throwaway cluster: loads the vendored trimmed ONS
# Census 2021 population by ethnic group (test/data/equality, see PROVENANCE.json) into a dataset with the
# council code pairs of a DfE published file; each DfE group's population is the sum of ONS's categories
# named for it (read from ONS's labels, not from the rulebook's code ranges); the rates per 10,000 and the
# ratio to White children of looked_after_rates_by_ethnicity follow from them; reloading changes nothing;
# another layout and bad cells are refused with nothing loaded (metrics.md 17, doc/equality.md).
import csv
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import ok, is_, done, psql_runner  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LOAD = os.path.join(ROOT, 'scripts', 'careleaver-population-ethnicity')
DATA = os.path.join(ROOT, 'test', 'data', 'equality')
ONS = os.path.join(DATA, 'ons-ethnic-population-la_trimmed.csv')
CODES = os.path.join(DATA, 'la_codes_trimmed.csv')
DB = 'careleaver_equality_t'
# ONS's label prefixes of the 2021 high-level groups, and DfE's names of the same groups
ONS_GROUP = {'White:': 'White', 'Mixed or Multiple ethnic groups:': 'Mixed or Multiple ethnic groups',
             'Asian, Asian British or Asian Welsh:': 'Asian or Asian British',
             'Black, Black British, Black Welsh, Caribbean or African:': 'Black, African, Caribbean or Black British',
             'Other ethnic group:': 'Other ethnic group'}

psql = psql_runner(DB)


def load(*args):
    return subprocess.run([LOAD, '-d', DB] + list(args), capture_output=True, text=True)


def snapshot():
    return psql("SELECT coalesce(string_agg(format('%s/%s/%s/%s', la, census_year, ons_category, count), ' ' "
                "ORDER BY la, ons_category), '') FROM syn.population_ethnicity")


psql('DROP DATABASE IF EXISTS %s' % DB, db='postgres')
psql('CREATE DATABASE %s' % DB, db='postgres')
psql('CREATE EXTENSION careleaver')
psql("SELECT count(*) FROM careleaver.generate_synthetic('syn', 2500, 5)")
psql("SELECT count(*) FROM careleaver.create_reports('syn')")
is_(psql("SELECT string_agg(DISTINCT rate_per_10000, ',') FROM syn.looked_after_rates_by_ethnicity_published "
         "WHERE children <> 'c'"), 'x', 'without a population every shown rate reads x')

r = load('--dataset', 'syn', '--la-codes', CODES, ONS)
is_(r.returncode, 0, 'loads the ONS file with the code pairs of a DfE file (%s)' % r.stderr.strip())
ok('38 rows (2 councils, census 2021)' in r.stdout, 'says what it loaded: 19 categories of 2 councils', r.stdout)

with open(ONS, newline='', encoding='utf-8-sig') as f:
    rows = [row for row in csv.DictReader(f) if row['Ethnic group (20 categories) Code'] != '-8']
by_group = {}
for row in rows:
    if row['2023 Upper tier local authorities Code'] != 'E09000033':
        continue
    group = [g for prefix, g in ONS_GROUP.items() if row['Ethnic group (20 categories)'].startswith(prefix)]
    by_group[group[0]] = by_group.get(group[0], 0) + int(row['Observation'])
got = dict(line.split('|') for line in psql(
    "SELECT breakdown, population FROM syn.looked_after_rates_by_ethnicity "
    "WHERE la = '213' AND population IS NOT NULL GROUP BY 1, 2").splitlines())
is_({k: int(v) for k, v in got.items()}, by_group,
    "Westminster's population of each DfE group is the sum of ONS's categories of that group")

check = psql("""
  SELECT count(*) FILTER (WHERE r.rate_per_10000 <> round(10000.0 * r.children / r.population, 1)),
         count(*) FILTER (WHERE r.ratio_to_white <> round((1.0 * r.children / r.population) /
                                                          (1.0 * w.children / w.population), 2)),
         count(*)
    FROM syn.looked_after_rates_by_ethnicity r
    JOIN syn.looked_after_rates_by_ethnicity w ON w.la = r.la AND w.collection_year = r.collection_year
                                              AND w.breakdown = 'White' AND w.children > 0
   WHERE r.population > 0""").split('|')
is_(check[:2], ['0', '0'], 'every rate is 10,000 x children / population and every ratio the rate over White children\'s')
ok(int(check[2]) >= 40, 'over many council-years and groups (%s)' % check[2])
is_(psql("SELECT count(*) FROM syn.looked_after_rates_by_ethnicity r JOIN syn.looked_after_31_march_by_breakdown b "
         "USING (la, collection_year, breakdown_topic, breakdown_order) WHERE r.children <> b.children"), '0',
    'the children counted are those of looked_after_31_march_by_breakdown')
is_(psql("SELECT count(*) FROM syn.looked_after_rates_by_ethnicity WHERE breakdown IN ('Refused', "
         "'Information not yet obtained') AND population IS NOT NULL"), '0',
    'refused and not yet obtained have no population')

before = snapshot()
r = load('--dataset', 'syn', '--quiet', '--la', 'E09000033=213', ONS)
is_((r.returncode, r.stdout), (0, ''), 'a second load (one pair given by --la) succeeds quietly')
is_(snapshot(), before, 'loading again changes nothing (idempotent)')

tmp = tempfile.mkdtemp()
other = os.path.join(tmp, 'other.csv')
with open(other, 'w') as f:
    f.write('la,group,count\nE09000033,White,5\n')
r = load('--dataset', 'syn', '--la-codes', CODES, other)
is_(r.returncode, 2, 'a file in another layout: exit status 2')
ok('other.csv:1: not the ONS population by ethnic group layout' in r.stderr and 'Observation' in r.stderr,
   'it names the columns missing', r.stderr)
r = load('--dataset', 'syn', ONS)
is_(r.returncode, 2, 'no code pairs: exit status 2')

bad = os.path.join(tmp, 'bad.csv')
with open(ONS, encoding='utf-8-sig') as f:
    lines = f.read().splitlines()
lines[3] = lines[3].rsplit(',', 1)[0] + ',12x4'
with open(bad, 'w') as f:
    f.write('\n'.join(lines) + '\n')
r = load('--dataset', 'syn', '--la-codes', CODES, bad)
is_(r.returncode, 1, 'a bad count: exit status 1')
ok('bad.csv:4:5: Observation "12x4" is not a count' in r.stderr, 'named as FILE:LINE:COLUMN', r.stderr)
lines[3] = lines[3].replace(',2,', ',23,', 1).rsplit(',', 1)[0] + ',5'
with open(bad, 'w') as f:
    f.write('\n'.join(lines) + '\n')
r = load('--dataset', 'syn', '--la-codes', CODES, bad)
is_(r.returncode, 1, 'a category the server knows no group for: exit status 1')
ok('bad.csv:4: ONS category 23 has no ethnic group' in r.stderr, 'named with its line', r.stderr)
is_(snapshot(), before, 'a refused file loads nothing')

psql('DROP DATABASE %s' % DB, db='postgres')
done()
