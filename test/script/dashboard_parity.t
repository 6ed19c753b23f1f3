#!/usr/bin/env python3
# Dashboard parity (issue 15; metrics.md 12 and 13) against the throwaway cluster:
# - hand-worked Dashboard 47 (adoption timeliness), 51 (SDQ), 43 and 44 with the kinship split, on a small
#   council whose every figure is worked out below;
# - the synthetic generator gives every adopted child an AD1 record and OC2 SDQ scores, so 47 and 51 have values;
# - scripts/careleaver-load-published: bad cells as file:line:column with nothing loaded, another layout refused,
#   reloading changes nothing;
# - the acceptance: after loading DfE's files (test/data/dfe_published), dashboard_comparison for indicator 53 in
#   2025 shows England's published value, the region's and the mean of the ten statistical neighbours, each
#   worked out here from the vendored files themselves; comparators of 2, 4, 23, 24, 45 and 67 hand-checked against
#   the vendored files; a value for every Dashboard indicator 43 to 55 and 67 on a synthetic council in 2025;
#   the report's comparison section covers every indicator, with a dash where DfE publishes no comparator.
import csv
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import ok, is_, done, psql_runner  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LOAD = os.path.join(ROOT, 'scripts', 'careleaver-load-published')
DATA = os.path.join(ROOT, 'test', 'data', 'dfe_published')
ACTIVITY = os.path.join(DATA, 'la_care_leavers_activity.csv')
ADOPTION = os.path.join(DATA, 'national_cla_adopted_average_time_between_adoption_process_stages.csv')
SDQ = os.path.join(DATA, 'dashboard_la_conviction_health_outcome_cla_sdq_trimmed.csv')
SN = os.path.join(DATA, 'sn_model_2025_wide.csv')
DB = 'careleaver_dashboard_parity_t'

psql = psql_runner(DB)


def load(*args):
    return subprocess.run([LOAD, '-d', DB] + list(args), capture_output=True, text=True)


psql('DROP DATABASE IF EXISTS %s' % DB, db='postgres')
psql('CREATE DATABASE %s' % DB, db='postgres')
psql('CREATE EXTENSION careleaver')

# --- a hand-worked council (LA 213), collection year 2025 (1 April 2024 to 31 March 2025) ----------------
psql("""
SELECT careleaver.create_dataset('hw');
INSERT INTO hw.returns (la, year, files, origin) VALUES ('213', 2024, '[]', 'loaded'), ('213', 2025, '[]', 'loaded');
INSERT INTO hw.header (la, child, sex, dob) VALUES
  ('213', 'A', '1', '2022-01-01'), ('213', 'B', '2', '2021-06-01'), ('213', 'L', '1', '2020-01-01'),
  ('213', 'M', '2', '2020-01-01'), ('213', 'C', '1', '2014-07-01'), ('213', 'D', '2', '2016-05-01'),
  ('213', 'E', '1', '2007-09-01'), ('213', 'F', '2', '2012-02-01'), ('213', 'G', '1', '2018-10-01'),
  ('213', 'H', '1', '2015-01-01'), ('213', 'I', '2', '2015-01-01'), ('213', 'J', '1', '2016-01-01'),
  ('213', 'K', '2', '2010-01-01');
INSERT INTO hw.episodes (la, child, decom, rne, ls, cin, place, dec, rec) VALUES
  -- adopted in the year: A and B with AD1 records, L without one, M with a match before the decision
  ('213', 'A', '2023-05-01', 'S', 'C2', 'N1', 'U4', '2024-07-01', 'X1'),
  ('213', 'A', '2024-07-01', 'P', 'E1', 'N1', 'A5', '2025-01-10', 'E11'),
  ('213', 'B', '2023-09-01', 'S', 'C2', 'N1', 'U6', '2024-06-01', 'X1'),
  ('213', 'B', '2024-06-01', 'P', 'E1', 'N1', 'A6', '2025-02-01', 'E12'),
  ('213', 'L', '2022-06-01', 'S', 'E1', 'N1', 'A6', '2024-08-01', 'E11'),
  ('213', 'M', '2022-06-01', 'S', 'E1', 'N1', 'A5', '2024-08-02', 'E11'),
  -- looked after on 31 March 2025
  ('213', 'C', '2023-01-01', 'S', 'C2', 'N1', 'U1', NULL, NULL),
  ('213', 'D', '2024-06-01', 'S', 'C2', 'N1', 'U4', NULL, NULL),
  ('213', 'E', '2022-01-01', 'S', 'C2', 'N1', 'K2', NULL, NULL),
  ('213', 'F', '2020-01-01', 'S', 'C2', 'N1', 'U4', NULL, NULL),
  ('213', 'G', '2024-04-01', 'S', 'C2', 'N1', 'U3', NULL, NULL),
  -- ceased in the year: special guardianship to a relative, to another carer, child arrangements, home
  ('213', 'H', '2023-03-01', 'S', 'C2', 'N1', 'U1', '2024-12-01', 'E45'),
  ('213', 'I', '2023-03-01', 'S', 'C2', 'N1', 'U5', '2024-11-01', 'E48'),
  ('213', 'J', '2024-02-01', 'S', 'C2', 'N1', 'U2', '2024-10-01', 'E41'),
  ('213', 'K', '2024-05-01', 'S', 'V2', 'N1', 'K2', '2024-09-01', 'E4A');
INSERT INTO hw.ad1 (la, child, year, dob, date_int, date_match) VALUES
  ('213', 'A', 2025, '2022-01-01', '2023-11-01', '2024-06-15'),
  ('213', 'B', 2025, '2021-06-01', '2024-01-10', '2024-05-10'),
  ('213', 'M', 2025, '2020-01-01', '2024-03-01', '2024-02-01');
INSERT INTO hw.oc2 (la, child, year, dob, sdq_score, sdq_reason) VALUES
  ('213', 'C', 2025, '2014-07-01', 20, NULL),
  ('213', 'C', 2024, '2014-07-01', 40, NULL),
  ('213', 'D', 2025, '2016-05-01', 30, NULL),
  ('213', 'E', 2025, '2007-09-01', 25, NULL),
  ('213', 'F', 2025, '2012-02-01', 11, NULL),
  ('213', 'G', 2025, '2018-10-01', NULL, 'SDQ4');
SELECT careleaver.create_reports('hw');
""")


def nf(no, cols='numerator, denominator, round(value, 4)', view='national_framework'):
    return psql("SELECT %s FROM hw.%s WHERE la = '213' AND collection_year = 2025 AND dashboard_no = %d"
                % (cols, view, no))


# 47: A 2023-11-01 -> 2024-06-15 is 227 days, B 2024-01-10 -> 2024-05-10 is 121 days (L has no AD1 record,
# M's match is before the decision): 348 days over 2 children, 174 days = 174 / 30.4375 = 5.7166 months
is_(nf(47), '348|2|5.7166', 'Dashboard 47: days from decision to match of the adopted children with both dates, in months')
is_(nf(47, 'value', 'national_framework_published'), 'c', 'Dashboard 47 published: two children are suppressed')
stages = dict(line.split('|', 1) for line in psql(
    "SELECT age_start_poc, children || '|' || number FROM hw.adoption_timeliness WHERE collection_year = 2025 "
    "AND stage_of_adoption_process LIKE '2.%'").splitlines())
# A entered aged 1 (7.458 months: 00:07), B aged 2 (3.975 months: 00:04), together 5.717 months: 00:06
is_(stages, {'Aged 1': '1|00:07', 'Aged 2': '1|00:04', 'Total': '2|00:06'},
    "adoption_timeliness stage 2 by age on entry, in DfE's YY:MM")
# stage 6, entry to adoption: A 620 days, B 519, L 2022-06-01 -> 2024-08-01 = 792, M 793: 2724 / 4 = 681 days
is_(psql("SELECT children || '|' || total_days || '|' || number FROM hw.adoption_timeliness "
         "WHERE collection_year = 2025 AND stage_of_adoption_process LIKE '6.%' AND age_start_poc = 'Total'"),
    '4|2724|01:10', 'stage 6 counts every adopted child: 681 days are 22.37 months, 01:10')

# 51: C (10, whole year, 20) and F (13, whole year, 11); not D (from June), E (17), G (no score), nor C's 2024 score
is_(nf(51), '31|2|15.5000', 'Dashboard 51: the average SDQ score of children aged 5 to 16 looked after all year')

# 43, 44: 8 children ceased in the year (A, B, L, M adopted; H E45, I E48, J E41, K E4A)
is_(nf(43), '2|8|25.0000', 'Dashboard 43: special guardianship orders of the children ceasing')
is_(nf(44), '1|8|12.5000', 'Dashboard 44: child arrangements orders of the children ceasing')
kin = {line.split('|')[1]: '|'.join(line.split('|')[2:4]) for line in psql(
    "SELECT breakdown, category, children, total FROM hw.kinship_care WHERE collection_year = 2025").splitlines()}
is_(kin.get('With relative(s) or friend(s) (U1 to U3)'), '2|4', 'kinship foster care on 31 March: C (U1) and G (U3) of four fostered')
is_(kin.get('With other foster carer(s) (U4 to U6)'), '2|4', 'other foster care: D and F')
is_(kin.get('To relative(s) or friend(s) (E45, E47)'), '1|2', 'special guardianship to a relative or friend: H of H and I')
is_(kin.get('Special guardianship order to relative(s) or friend(s)'), '1|8', "the kinship share of the children ceasing")
is_(psql("SELECT count(*) FROM hw.kinship_care_published WHERE collection_year = 2025 AND children NOT IN ('c', '0')"),
    '0', 'kinship_care_published hides every count of 1 to 5 children')
is_(psql("SELECT string_agg(DISTINCT careleaver.dfe_placement_group(place), ',') FROM hw.episodes WHERE place::text IN ('U1', 'U4')"),
    'Foster placements', "DfE's published grouping keeps U1 to U6 together (Dashboard 48)")

# --- the synthetic generator -------------------------------------------------------------------------
psql("SELECT count(*) FROM careleaver.generate_synthetic('syn', 3000, 7)")
is_(psql("SELECT count(*) FROM syn.episodes e WHERE careleaver.is_adoption(e.rec) "
         "AND careleaver.collection_year_of(e.dec) BETWEEN 2017 AND 2026 "
         "AND NOT EXISTS (SELECT 1 FROM syn.ad1 a WHERE a.la = e.la AND a.child = e.child "
         "AND a.year = careleaver.collection_year_of(e.dec) AND a.date_int <= a.date_match AND a.date_match <= e.dec)"),
    '0', 'every synthetic adoption has an AD1 record in its year, the decision before the match before the adoption')
ok(int(psql("SELECT count(*) FROM syn.oc2 WHERE sdq_score BETWEEN 0 AND 40")) > 0,
   'synthetic OC2 records carry SDQ scores')
psql("SELECT careleaver.create_reports('syn')")
is_(psql("SELECT string_agg(dashboard_no || ':' || (value IS NOT NULL), ',' ORDER BY dashboard_no) "
         "FROM syn.national_framework WHERE collection_year = 2025 AND dashboard_no IN (47, 51)"),
    '47:true,51:true', 'a synthetic council has values for Dashboard 47 and 51')
# the acceptance of issue 15: every Dashboard indicator 43 to 55 and 67 has a value in 2025, none x when published
OUTCOME4 = list(range(43, 56)) + [67]
is_(psql("SELECT string_agg(n.dashboard_no || ':' || (n.value IS NOT NULL) || ':' || (p.value NOT IN ('x', 'z')), ',' "
         "ORDER BY n.dashboard_no) FROM syn.national_framework n JOIN syn.national_framework_published p "
         "USING (la, collection_year, dashboard_no) WHERE n.collection_year = 2025 AND n.dashboard_no IN (%s)"
         % ', '.join(map(str, OUTCOME4))),
    ','.join('%d:true:true' % n for n in OUTCOME4),
    'a synthetic council has a value for every Dashboard indicator 43 to 55 and 67 in 2025, none x')

# --- careleaver-load-published: errors ---------------------------------------------------------------
tmp = tempfile.mkdtemp()
bad = os.path.join(tmp, 'bad_activity.csv')
with open(ACTIVITY, newline='', encoding='utf-8-sig') as f:
    lines = f.read().splitlines()
header = lines[0].split(',')
target = next(i for i, l in enumerate(lines) if '19 to 21 years,"Total in education, employment or training"' in l)
lines[target] = lines[target].rsplit(',', 1)[0] + ',5x'
with open(bad, 'w', encoding='utf-8') as f:
    f.write('\n'.join(lines[:target + 1]) + '\n')
r = load('--dataset', 'hw', bad)
is_(r.returncode, 1, 'a bad cell: exit status 1')
ok('%s:%d:%d: care_leaver_percent "5x"' % (bad, target + 1, header.index('care_leaver_percent') + 1) in r.stderr,
   'names file:line:column, the column and the value', r.stderr)
is_(psql('SELECT count(*) FROM hw.published'), '0', 'nothing loaded')

bad_months = os.path.join(tmp, 'bad_adoption.csv')
with open(ADOPTION, newline='', encoding='utf-8') as f:
    alines = f.read().splitlines()
row = next(i for i, l in enumerate(alines) if '2. Average time between decision' in l and ',Total,' in l)
alines[row] = alines[row].rsplit(',', 1)[0] + ',00:13'
with open(bad_months, 'w', encoding='utf-8') as f:
    f.write('\n'.join(alines) + '\n')
r = load('--dataset', 'hw', bad_months)
is_(r.returncode, 1, 'years and months with 13 months: exit status 1')
ok('%s:%d:9: number "00:13"' % (bad_months, row + 1) in r.stderr, 'named as file:line:column', r.stderr)

other = os.path.join(tmp, 'other.csv')
with open(other, 'w') as f:
    f.write('a,b,c\n1,2,3\n')
r = load('--dataset', 'hw', other)
is_(r.returncode, 2, 'a file in another layout: exit status 2')
ok('%s:1: neither' % other in r.stderr and 'time_period' in r.stderr, 'says which columns it expects', r.stderr)

# --- the acceptance: indicator 53 in 2025 beside England, the region and the statistical neighbours -----
r = load('--dataset', 'syn', ACTIVITY, ADOPTION, SDQ, SN)
is_(r.returncode, 0, 'loads the published files and the statistical neighbours (%s)' % r.stderr.strip())
first = psql('SELECT count(*), sum(value) FROM syn.published') + '/' + psql('SELECT count(*) FROM syn.statistical_neighbours')
r = load('--dataset', 'syn', ACTIVITY, ADOPTION, SDQ, SN)
is_(psql('SELECT count(*), sum(value) FROM syn.published') + '/' + psql('SELECT count(*) FROM syn.statistical_neighbours'),
    first, 'loading again changes nothing')

with open(ACTIVITY, newline='', encoding='utf-8-sig') as f:
    eet = [row for row in csv.DictReader(f) if row['time_period'] == '2025' and row['care_leaver_age'] == '19 to 21 years'
           and row['breakdown'] == 'Total in education, employment or training']
england = next(row['care_leaver_percent'] for row in eet if row['geographic_level'] == 'National')
region_code = next(row['region_code'] for row in eet if row['old_la_code'] == '213')
region = next(row['care_leaver_percent'] for row in eet if row['geographic_level'] == 'Regional'
              and row['region_code'] == region_code)
with open(SN, newline='', encoding='utf-8-sig') as f:
    sn_row = next(row for row in csv.DictReader(f) if row['old_la_code'] == '213')
neighbours = [sn_row['SN_%d' % k] for k in range(1, 11)]
values = [float(row['care_leaver_percent']) for row in eet if row['old_la_code'] in neighbours
          and row['care_leaver_percent'].isdigit()]
own_published = next(row['care_leaver_percent'] for row in eet if row['old_la_code'] == '213')
got = psql("SELECT england, region, round(statistical_neighbours, 4), published, value IS NOT NULL "
           "FROM syn.dashboard_comparison WHERE la = '213' AND collection_year = 2025 AND dashboard_no = 53").split('|')
is_(got[0], england, "England's figure is DfE's published national value (%s%%)" % england)
is_(got[1], region, "the region's figure is the published figure of the council's region (%s)" % region_code)
ok(len(values) == 10, 'all ten statistical neighbours have a published figure', values)
is_(got[2], '%.4f' % (sum(values) / len(values)), 'statistical_neighbours is the mean of the ten neighbours')
is_(got[3], own_published, "published is the council's own published figure")
is_(got[4], 't', "value is the council's own figure from its data")
is_(psql("SELECT england FROM syn.dashboard_comparison WHERE la = '213' AND collection_year = 2025 AND dashboard_no = 47"),
    '10', "Dashboard 47: England's 00:10 reads as 10 months")

# --- comparators of other indicators, hand-checked against the vendored files (council 213, Westminster, region
# E13000001 Inner London; its neighbours in sn_model_2025_wide.csv: 202 206 210 207 205 208 203 352 204 309) -----
CIN_C1 = os.path.join(DATA, 'dashboard_c1_children_in_need_referrals_and_rereferrals_2013_to_2025_trimmed.csv')
CIN_D3 = os.path.join(DATA, 'dashboard_d3_cpps_subsequent_plan_2013_to_2025_trimmed.csv')
CIN_D5 = os.path.join(DATA, 'dashboard_d5_cpps_at31march_by_duration_2013_to_2025_trimmed.csv')
r = load('--dataset', 'syn', CIN_C1, CIN_D3, CIN_D5, os.path.join(DATA, 'la_cla_swcount.csv'),
         os.path.join(DATA, 'la_cla_placement_stability.csv'),
         os.path.join(DATA, 'cla_number_and_rate_per_10k_children.csv'))
is_(r.returncode, 0, 'loads the CIN, social worker, stability and rate files (%s)' % r.stderr.strip())
for no, year, expected, what in [
        (2, 2025, '22.6|19.1|17.98|18.6', 're-referrals (c1 rereferral_percent)'),
        (23, 2025, '24.5|19|18.71|7.6', 'second or subsequent protection plans (d3 CPP_subsequent_percent)'),
        # six neighbours suppressed (c): the mean of 352 1.7, 202 0, 206 8 and 203 6.7
        (24, 2025, '2.3|2.7|4.10|0', 'protection plans of 2 years or more (d5), the mean of the 4 published neighbours'),
        (4, 2025, '67|59|67.40|62', 'looked after on 31 March per 10,000 (rate_per_10000)'),
        (45, 2025, '10|10|11.10|10', 'three or more placements (la_cla_placement_stability)'),
        (67, 2024, '27|22|23.50|11', 'three or more social workers (la_cla_swcount, 2024 only)')]:
    is_(psql("SELECT england, region, round(statistical_neighbours, 2), published FROM syn.dashboard_comparison "
             "WHERE la = '213' AND collection_year = %d AND dashboard_no = %d" % (year, no)),
        expected, 'Dashboard %d in %d beside England, Inner London, the neighbours and 213: %s' % (no, year, what))
is_(psql("SELECT string_agg(dashboard_no::text, ',' ORDER BY dashboard_no) FROM syn.dashboard_comparison "
         "WHERE la = '213' AND collection_year = 2025 AND dfe_file IS NULL"),
    ','.join(map(str, [1, 5, 6] + list(range(26, 45)) + [46, 48, 49, 50])),
    'dfe_file names no file exactly for the indicators DfE publishes no comparator of in the files careleaver reads')
is_(psql("SELECT count(*) FROM syn.dashboard_comparison WHERE dfe_file IS NULL "
         "AND coalesce(england, region, statistical_neighbours, published) IS NOT NULL"),
    '0', 'an indicator without a DfE file has no comparators')

is_(psql("SELECT count(*) FROM syn.national_framework_published n JOIN syn.kinship_care_published k "
         "USING (la, collection_year) WHERE n.dashboard_no = 43 "
         "AND k.category = 'Special guardianship order (Dashboard 43)' AND (n.value = 'c') <> (k.children = 'c')"),
    '0', 'kinship_care_published hides the special guardianship orders exactly where national_framework_published does')
html = os.path.join(tmp, 'report.html')
r = subprocess.run([os.path.join(ROOT, 'scripts', 'careleaver-report'), '-d', DB, '--dataset', 'syn', '--la', '213',
                    '--year', '2025', '-o', html], capture_output=True, text=True)
is_(r.returncode, 0, 'the report is written (%s)' % r.stderr.strip())
with open(html, encoding='utf-8') as f:
    page = f.read()
section = page[page.find('id="comparison"'):]
ok('id="comparison"' in page and '<td class="num">53</td>' in section and '<td class="num">%s</td>' % england in section,
   'the report sets indicator 53 beside England')
section = section[:section.find('</section>')]
listed = [int(x) for x in re.findall(r'<tr><td class="num">([0-9]+)</td>', section)]
is_(listed, [int(x) for x in psql("SELECT dashboard_no FROM syn.national_framework_published WHERE la = '213' "
                                  "AND collection_year = 2025 AND dashboard_no IS NOT NULL ORDER BY ordinal").split()],
    "the report's comparison section has a row for every Dashboard indicator of the council")
ok('<td class="num">24</td><td>Percentage of child protection plans (CPP) longer than 2 years</td>' in section
   and '<td class="num">2.3</td><td class="num">2.7</td><td class="num">4.1</td>' in section,
   "the report shows DfE's figures as DfE wrote them (2.3, one decimal) and the neighbours' mean to one decimal")
row46 = section[section.find('<td class="num">46</td>'):]
row46 = row46[:row46.find('</tr>')]
is_(row46.count('&mdash;'), 4, 'indicator 46 (DfE publishes no comparator in the files careleaver reads): a dash in each comparator cell')
ok('where DfE publishes no comparator' in section, 'and the section says what the dash means')

# --- the council's own figures in DfE's file shapes load back as DfE's rows would ------------------------
exported = os.path.join(tmp, 'dfe_shape')
r = subprocess.run([os.path.join(ROOT, 'scripts', 'careleaver-export'), '-d', DB, '--dataset', 'syn', '--la', '213',
                    '--year', '2025', '--dfe-shape', exported], capture_output=True, text=True)
is_(r.returncode, 0, 'careleaver-export --dfe-shape writes the files (%s)' % r.stderr.strip())
with open(os.path.join(exported, 'la_care_leavers_activity.csv'), newline='', encoding='utf-8') as f:
    exported_header = f.readline().strip().split(',')
with open(ACTIVITY, newline='', encoding='utf-8-sig') as f:
    is_(exported_header, f.readline().strip().split(','), "an exported file has DfE's header, so its rows append to DfE's file")
r = load('--dataset', 'back', exported)
is_(r.returncode, 0, 'the exported files load as published files (%s)' % r.stderr.strip())
is_(psql("SELECT string_agg(dashboard_no || '=' || shown, ' ' ORDER BY dashboard_no) FROM back.published "
         "WHERE area = '213' AND collection_year = 2025"),
    psql("SELECT string_agg(dashboard_no || '=' || value, ' ' ORDER BY dashboard_no) FROM syn.national_framework_published "
         "WHERE la = '213' AND collection_year = 2025 AND dashboard_no IN (SELECT s.dashboard_no FROM "
         "careleaver.published_indicator_sources s WHERE 'old_la_code' = ANY (s.dfe_columns))"),
    "they carry the council's published figure of every indicator DfE publishes by council")

psql('DROP DATABASE %s' % DB, db='postgres')
done()
