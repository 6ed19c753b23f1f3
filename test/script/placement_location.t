#!/usr/bin/env python3
# Placement location and distance, the postcode look-up loader, social workers (metrics.md 14):
# scripts/careleaver-load-postcodes loads the invented ONSPD-layout fixture (test/data/postcodes) idempotently
# and refuses another layout and bad cells naming FILE:LINE:COLUMN with nothing changed; every distance equals
# the planar distance of the fixture's grid references; Dashboard 46 and 67 and new_placements_by_location are
# worked by hand on a small council; the view carries every breakdown label DfE publishes (vendored trimmed
# la_cla_during_year_new_placements.csv); the SWEpisodes module loads from CSV and XML; on a synthetic
# dataset national_framework has values for 46 and 67 in 2025.
import csv
import math
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import ok, is_, done, psql_runner  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LOAD = os.path.join(ROOT, 'scripts', 'careleaver-load-postcodes')
LOADER = os.path.join(ROOT, 'scripts', 'careleaver-load')
DATA = os.path.join(ROOT, 'test', 'data', 'postcodes')
FIXTURE = os.path.join(DATA, 'onspd_fixture.csv')
DFE = os.path.join(ROOT, 'test', 'data', 'dfe_published', 'dashboard_la_cla_during_year_new_placements_trimmed.csv')
SW = os.path.join(ROOT, 'test', 'data', 'loader', 'sw_episodes')
DB = 'careleaver_placement_location_t'

psql = psql_runner(DB)


def load(*args):
    return subprocess.run([LOAD, '-d', DB] + list(args), capture_output=True, text=True)


def snapshot():
    return psql("SELECT coalesce(string_agg(format('%s/%s/%s/%s', postcode, easting, northing, la_code), ' ' "
                "ORDER BY postcode), '') FROM loc.postcodes")


psql('DROP DATABASE IF EXISTS %s' % DB, db='postgres')
psql('CREATE DATABASE %s' % DB, db='postgres')
psql('CREATE EXTENSION careleaver')

# --- the look-up loader
r = load('--dataset', 'loc', '--council', '213=E09000033', FIXTURE)
is_(r.returncode, 0, 'the ONSPD-layout fixture loads: ' + r.stderr.strip())
ok('6 postcodes (5 with a grid reference, 4 councils)' in r.stdout, 'the loader says what it loaded: ' + r.stdout.strip())
first = snapshot()
is_(psql("SELECT la_code FROM loc.postcodes WHERE postcode = 'ZZ9 9ZZ'"), 'E10000012',
    'a two-tier area is filed under its county, the upper tier')
is_(psql("SELECT la_code FROM loc.postcodes WHERE postcode = 'AB1 1AA'"), 'E09000033',
    'where there is no county (E99999999) the district is the upper tier')
is_(psql("SELECT easting IS NULL FROM loc.postcodes WHERE postcode = 'EF10 1GH'"), 't',
    'a postcode without a grid reference is kept with none')
r = load('--dataset', 'loc', '--council', '213=E09000033', FIXTURE)
is_((r.returncode, snapshot()), (0, first), 'loading the same file again gives the same look-up')

r = load('--dataset', 'loc', os.path.join(DATA, 'not_onspd.csv'))
is_(r.returncode, 2, 'a file in another layout is refused (exit 2)')
ok('not_onspd.csv:1:1: not the ONS Postcode Directory or NSPL layout: no column for postcode, easting, northing' in r.stderr,
   'the message names file:line:column and the missing columns: ' + r.stderr.strip()[:200])
r = load('--dataset', 'loc', os.path.join(DATA, 'bad_cells.csv'))
is_(r.returncode, 1, 'bad cells are refused (exit 1)')
for want in ('bad_cells.csv:3:1: postcode "AB1 1A!"', 'bad_cells.csv:4:2: easting "51O000"',
             'bad_cells.csv:5:1: postcode "ab11aa": a second row for AB1 1AA (first at line 2)',
             'bad_cells.csv:6:4: lad "Camden"', '4 bad value(s)'):
    ok(want in r.stderr, 'bad cell named: ' + want)
is_(snapshot(), first, 'a refused file changes nothing')

# --- distances: the planar distance of the fixture's grid references, in miles to one decimal
grid = {}
with open(FIXTURE, newline='') as f:
    for row in csv.DictReader(f):
        if row['oseast1m']:
            grid[row['pcds']] = (int(row['oseast1m']), int(row['osnrth1m']))
pairs = [(a, b) for a in sorted(grid) for b in sorted(grid)]
want = ' '.join('%.1f' % (round(math.hypot(grid[a][0] - grid[b][0], grid[a][1] - grid[b][1]) / 1000 / 1.6093 + 1e-9, 1))
                for a, b in pairs)
got = psql("SELECT string_agg(careleaver.placement_distance_miles(h.easting, h.northing, p.easting, p.northing)::text, ' ' "
           "ORDER BY h.postcode, p.postcode) FROM loc.postcodes h CROSS JOIN loc.postcodes p "
           "WHERE h.easting IS NOT NULL AND p.easting IS NOT NULL")
is_(got, want, 'every distance equals sqrt(dE^2 + dN^2) / 1000 / 1.6093 of the look-up, one decimal')
is_(psql("SELECT careleaver.placed_more_than_20_miles(careleaver.placement_distance_miles(500000, 200000, 500000, 232200))"),
    'f', '32.2 km is 20.0 miles: not more than 20 miles')
is_(psql("SELECT careleaver.postcode_normalise(' ab1  1aa ')"), 'AB1 1AA', 'postcodes are read ignoring spaces and case')

# --- a hand-worked council, collection year 2025 (1 April 2024 to 31 March 2025)
psql("""
INSERT INTO loc.returns (la, year, files, origin) VALUES ('213', 2025, '[]', 'loaded');
INSERT INTO loc.header (la, child, sex, dob) VALUES
  ('213', 'A', '1', '2010-01-01'), ('213', 'B', '1', '2010-01-01'), ('213', 'C', '1', '2008-01-01'),
  ('213', 'D', '1', '2012-01-01'), ('213', 'E', '2', '2011-01-01'), ('213', 'F', '2', '2011-01-01');
INSERT INTO loc.uasc (la, child, sex, dob) VALUES ('213', 'C', '1', '2008-01-01');
INSERT INTO loc.episodes (la, child, decom, rne, ls, cin, place, "dec", rec, home_post, pl_post) VALUES
  -- A: outside, 24.9 miles, looked after on 31 March
  ('213', 'A', '2024-06-01', 'S', 'C2', 'N1', 'U4', NULL, NULL, 'ab1 1aa', 'ZZ99ZZ'),
  -- B: inside, 3.1 miles
  ('213', 'B', '2024-05-01', 'S', 'C2', 'N1', 'U1', NULL, NULL, 'AB1 1AA', 'AB1 2AB'),
  -- C: UASC: distance not known, though both postcodes are in the look-up
  ('213', 'C', '2024-07-01', 'S', 'V2', 'N1', 'U4', NULL, NULL, 'AB1 1AA', 'ZZ9 9ZZ'),
  -- D: short breaks only: left out
  ('213', 'D', '2024-04-10', 'S', 'V3', 'N1', 'U1', NULL, NULL, 'AB1 1AA', 'ZZ9 9ZZ'),
  -- E: placement postcode blank: distance not known
  ('213', 'E', '2024-08-01', 'S', 'C1', 'N1', 'U4', NULL, NULL, 'AB1 1AA', NULL),
  -- F: outside, 6.2 miles; left care before 31 March
  ('213', 'F', '2024-09-01', 'S', 'V2', 'N1', 'U4', '2024-12-01', 'E4A', 'AB1 1AA', 'CD2 3EF');
INSERT INTO loc.sw_episodes (la, child, year, sw_id, sw_decom, sw_dec) VALUES
  ('213', 'A', 2025, 'SW1', '2024-06-01', '2024-08-01'), ('213', 'A', 2025, 'SW2', '2024-08-01', '2024-10-01'),
  ('213', 'A', 2025, 'SW1', '2024-10-01', '2025-01-01'), ('213', 'A', 2025, 'SW3', '2025-01-01', NULL),
  ('213', 'B', 2025, 'SW1', '2024-05-01', '2024-09-01'), ('213', 'B', 2025, 'SW2', '2024-09-01', NULL),
  ('213', 'C', 2025, 'SW7', '2023-07-01', '2024-04-01'), ('213', 'C', 2025, 'SW8', '2024-04-01', '2024-12-01'),
  ('213', 'C', 2025, 'SW9', '2024-12-01', NULL),
  ('213', 'E', 2025, 'SW1', '2024-08-01', '2024-09-01'), ('213', 'E', 2025, 'SW2', '2024-09-01', '2024-10-01'),
  ('213', 'E', 2025, 'SW3', '2024-10-01', '2024-11-01'), ('213', 'E', 2025, 'SW4', '2024-11-01', NULL);
SELECT careleaver.create_reports('loc');
""")
# 46: A of A, B, C, E (D short breaks, F not looked after on 31 March); C is UASC, E has no placement postcode
is_(psql("SELECT numerator || '/' || denominator || ' ' || value || ' ' || coalesce(not_available_reason, '-') "
         "FROM loc.national_framework WHERE collection_year = 2025 AND dashboard_no = 46"),
    '1/4 25.0000000000000000 -', 'Dashboard 46 by hand: 1 of 4 children looked after on 31 March is placed more than 20 miles away')
# 67: A (SW1, SW2, SW3: SW1 counted once) and E (4); B has 2; C's SW7 ended on 1 April, the year's first day
is_(psql("SELECT numerator || '/' || denominator FROM loc.national_framework WHERE collection_year = 2025 AND dashboard_no = 67"),
    '2/4', 'Dashboard 67 by hand: 2 of 4 had three or more social workers (a worker seen twice counts once)')
is_(psql("SELECT value FROM loc.national_framework_published WHERE collection_year = 2025 AND dashboard_no = 46"),
    'c', 'published 46: 1 child is a small count (c)')
got = psql("SELECT string_agg(breakdown_order || ':' || children_count, ' ' ORDER BY breakdown_order) "
           "FROM loc.new_placements_by_location WHERE la = '213' AND collection_year = 2025")
is_(got, '1:1 2:0 3:1 4:1 5:2 6:5',
    'new placements by hand: inside near B; outside near F; outside far A; not known C (UASC) and E (blank); D left out')

# every breakdown label DfE publishes for the location of new placements
with open(DFE, newline='') as f:
    dfe = sorted({r['breakdown'] for r in csv.DictReader(f)
                  if r['characteristic'] == 'Location of new placements during the year'})
ours = psql("SELECT string_agg(DISTINCT breakdown, '|' ORDER BY breakdown) FROM loc.new_placements_by_location_published")
is_(ours, '|'.join(dfe), 'new_placements_by_location carries every breakdown label DfE publishes (%d)' % len(dfe))
is_(psql("SELECT count(DISTINCT characteristic) || ' ' || min(characteristic) FROM loc.new_placements_by_location"),
    '1 Location of new placements during the year', "DfE's characteristic")

# social_worker_stability in la_cla_swcount's shape and labels
SWCOUNT = os.path.join(ROOT, 'test', 'data', 'dfe_published', 'dashboard_la_cla_swcount_trimmed.csv')
with open(SWCOUNT, newline='') as f:
    rows = list(csv.DictReader(f))
dfe_labels = '|'.join(sorted({r['cla_group'] + '/' + r['sw_stability'] for r in rows}))
is_(psql("SELECT string_agg(DISTINCT cla_group || '/' || sw_stability, '|' ORDER BY cla_group || '/' || sw_stability) "
         "FROM loc.social_worker_stability"), dfe_labels, "social_worker_stability carries DfE's cla_group and sw_stability labels")
is_(psql("SELECT string_agg(sw_order || ':' || number || ':' || round(percentage), ' ' ORDER BY sw_order) "
         "FROM loc.social_worker_stability WHERE collection_year = 2025"), '1:4:100 2:2:50',
    'social_worker_stability by hand: 4 children looked after on 31 March, 2 with three or more social workers (50%)')
is_(psql("SELECT string_agg(number || '/' || percentage, ' ' ORDER BY sw_order) FROM loc.social_worker_stability_published "
         "WHERE collection_year = 2025"), 'c/100 c/c', 'published: counts of 1 to 5 are c, and the percentage with them')

# without a look-up the distance row reads x and says why
psql("DELETE FROM loc.postcodes")
is_(psql("SELECT value || ' ' || not_available_reason FROM loc.national_framework_published "
         "WHERE collection_year = 2025 AND dashboard_no = 46"),
    'x no postcode look-up loaded (scripts/careleaver-load-postcodes)', 'no look-up: 46 reads x, with the reason')

# --- SWEpisodes from CSV and XML
r = subprocess.run([LOADER, '-d', DB, '--dataset', 'sw', '--la', '213', '--year', '2025',
                    os.path.join(SW, 'header.csv'), os.path.join(SW, 'sw_episodes.csv')], capture_output=True, text=True)
is_(r.returncode, 0, 'an SWEpisodes CSV loads: ' + r.stderr.strip())
is_(psql("SELECT string_agg(sw_id || ' ' || sw_decom || ' ' || coalesce(sw_reason, '-'), ', ' ORDER BY sw_decom) FROM sw.sw_episodes"),
    'SW001 2024-06-01 -, SW002 2024-09-01 MANAGE', 'into the canonical sw_episodes, codes upper-cased')
r = subprocess.run([LOADER, '-d', DB, '--dataset', 'swx', '--la', '213', '--year', '2025',
                    os.path.join(SW, 'return.xml')], capture_output=True, text=True)
is_(r.returncode, 1, 'an XML return with a bad SW_DECOM is refused')
ok('return.xml:10:37: SW_DECOM "31/02/2025"' in r.stdout + r.stderr, 'the bad SW_DECOM is named with line:column: ' + (r.stdout + r.stderr).strip()[:200])
is_(psql("SELECT count(*) FROM careleaver.dataset_columns() WHERE module = 'sw_episodes'"), '6', 'six SWEpisodes columns')

# --- synthetic: the whole path
psql("SELECT count(*) FROM careleaver.generate_synthetic('syn', 3000, 11, 1, 2023, 2025)")
psql("SELECT careleaver.create_reports('syn')")
got = psql("SELECT string_agg(dashboard_no || '=' || value, ' ' ORDER BY dashboard_no) FROM syn.national_framework_published "
           "WHERE collection_year = 2025 AND dashboard_no IN (46, 67)")
ok(got.startswith('46=') and ' 67=' in got and '=x' not in got and '=c' not in got,
   'on a synthetic dataset national_framework has values for 46 and 67 in 2025: ' + got)
is_(psql("SELECT count(*) FROM syn.episodes e LEFT JOIN syn.postcodes p ON p.postcode = e.pl_post "
         "WHERE e.pl_post IS NOT NULL AND p.postcode IS NULL"), '0', 'every synthetic placement postcode is in the synthetic look-up')

psql('DROP DATABASE %s' % DB, db='postgres')
done()
