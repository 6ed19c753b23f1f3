#!/usr/bin/env python3
# Coverage (issue 11, metrics.md 11): a synthetic council exported as its 2024, 2025 and 2026 returns
# (scripts/careleaver-export) and loaded into a fresh dataset (scripts/careleaver-load), the usual case
# of a council with its three latest returns, reconciled against the full-history source dataset:
# no view row for a year before 2024; looked after on 31 March 2024-2026 exactly as the source; the
# 2026 care-leaver EET and suitable accommodation percentages at 19 to 21 (DfE Dashboard 53 and 55)
# within 0.5 points of the source's; with two returns loaded a clean return validates with no rows,
# and a year with no loaded return is an error naming it.  Prints the three-return figures beside the
# full-history ones.
import csv
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import ok, is_, done, psql_runner  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXPORT = os.path.join(ROOT, 'scripts', 'careleaver-export')
LOAD = os.path.join(ROOT, 'scripts', 'careleaver-load')
DB = 'careleaver_coverage_t'
CHILDREN = int(os.environ.get('COVERAGE_CHILDREN', '6000'))


psql = psql_runner(DB)


def error_of(sql):
    r = subprocess.run(['psql', '-X', '-q', '-A', '-t', '-d', DB, '-v', 'VERBOSITY=verbose', '-c', sql],
                       capture_output=True, text=True)
    for line in r.stderr.splitlines():
        if line.startswith('ERROR:'):
            return line
    return None


psql('DROP DATABASE IF EXISTS %s' % DB, db='postgres')
psql('CREATE DATABASE %s' % DB, db='postgres')
psql('CREATE EXTENSION careleaver')
psql("SELECT count(*) FROM careleaver.generate_synthetic('src', %d, 20261)" % CHILDREN)
is_(psql("SELECT string_agg(year || ' ' || origin, ',' ORDER BY year) FROM src.returns WHERE la = '213'"),
    ','.join('%d generated' % y for y in range(2017, 2027)),
    'generate_synthetic records its generated years (2017-2026) in returns: synthetic datasets have coverage')

with tempfile.TemporaryDirectory() as tmp:
    for year in (2024, 2025, 2026):
        d = os.path.join(tmp, str(year))
        subprocess.run([EXPORT, '--dataset', 'src', '--la', '213', '--year', str(year), '-d', DB, d],
                       check=True, capture_output=True)
    for ds, years in (('three', (2024, 2025, 2026)), ('two', (2025, 2026))):
        for year in years:
            r = subprocess.run([LOAD, '--quiet', '--dataset', ds, '--la', '213', '--year', str(year), '-d', DB,
                                os.path.join(tmp, str(year))], capture_output=True, text=True)
            ok(r.returncode == 0, 'careleaver-load %s %d' % (ds, year), r.stderr)
psql("SELECT count(*) FROM careleaver.create_reports('src')")
psql("SELECT count(*) FROM careleaver.create_reports('three')")

# --- no view row for a year outside coverage ----------------------------------------------------------
views = psql("SELECT string_agg(view_name, ' ') FROM careleaver.reporting_views").split()
early = []
for v in views:
    col = psql("SELECT string_agg(attname, '') FROM pg_attribute WHERE attrelid = 'three.%s'::regclass "
               "AND attname IN ('collection_year', 'entry_year')" % v)
    if col:
        n = int(psql("SELECT count(*) FROM three.%s WHERE %s < 2024" % (v, col)))
        if n:
            early.append('%s: %d rows' % (v, n))
is_(early, [], 'no reporting view has a row for a collection (or entry) year before the first loaded return, 2024')
is_(psql("SELECT first_return || '-' || last_return FROM three.coverage LIMIT 1"), '2024-2026',
    'coverage view: first and last return')
is_(psql("SELECT published_years || ' / ' || not_published FROM three.coverage "
         "WHERE measure = 'placement stability: two-year'"),
    '2025, 2026 / 2024: needs the 2023 return', 'coverage view: two-year stability needs the year before')
is_(psql("SELECT published_years FROM three.coverage WHERE measure = 'returns home and re-entry within 12 months'"),
    '2024, 2025', 'coverage view: re-entry needs a complete 12-month follow-up')
is_(psql("SELECT two_year_three_or_more_percent || ' ' || long_term_stable_percent || ' ' || two_year_basis "
         "FROM three.placement_stability_published WHERE collection_year = 2024"),
    'x x not available: needs the 2023 return', 'stability measures needing earlier history read x, with the basis')
is_(psql("SELECT reentry_percent || ' ' || reentered_within_12_months FROM three.returns_home_reentry_published "
         "WHERE collection_year = 2026"),
    'x x', 'the latest year, its 12-month follow-ups incomplete, reads x (not available), never c or 0')

# --- looked after on 31 March ---------------------------------------------------------------------------
la = psql("SELECT string_agg(s.collection_year || ':' || s.looked_after_31_march || '/' || "
          "coalesce(t.looked_after_31_march::text, 'none'), ' ' ORDER BY s.collection_year) "
          "FROM src.looked_after_summary s LEFT JOIN three.looked_after_summary t USING (la, collection_year) "
          "WHERE s.collection_year BETWEEN 2024 AND 2026")
ok(all(p.split(':')[1].split('/')[0] == p.split(':')[1].split('/')[1] for p in la.split()),
   'looked after on 31 March 2024-2026 equals the source exactly (%s)' % la, la)

# --- the care-leaver cohort on truncated history ---------------------------------------------------------
def band(ds):
    return psql("""
      SELECT a.care_leaver_percent, s.care_leaver_percent, a.care_leavers, a.with_oc3_record, a.basis
        FROM %(ds)s.care_leavers_activity a
        JOIN %(ds)s.care_leavers_accommodation_suitability s USING (la, collection_year, care_leaver_age)
       WHERE a.collection_year = 2026 AND a.care_leaver_age = '19 to 21 years'
         AND a.breakdown = 'Total in education, employment or training'
         AND s.breakdown = 'Accommodation considered suitable'""" % {'ds': ds}).split('|')


full, part = band('src'), band('three')
ok(abs(float(full[0]) - float(part[0])) <= 0.5,
   '2026 care leavers 19 to 21 in EET (Dashboard 53): %.1f%% from three returns, %.1f%% from the full history'
   % (float(part[0]), float(full[0])))
ok(abs(float(full[1]) - float(part[1])) <= 0.5,
   '2026 care leavers 19 to 21 in suitable accommodation (Dashboard 55): %.1f%% from three returns, %.1f%% from '
   'the full history' % (float(part[1]), float(full[1])))
is_(part[2], full[2], '2026 care leavers 19 to 21: the same denominator from three returns as from the full history')
is_(part[4], 'history and OC3 records', 'the 19 to 21 band says its members are partly in by their OC3 records')
is_(psql("SELECT string_agg(age || ':' || cohort, ' ' ORDER BY age) FROM three.care_leavers_by_age "
         "WHERE collection_year = 2026 AND age <= 21"),
    psql("SELECT string_agg(age || ':' || cohort, ' ' ORDER BY age) FROM src.care_leavers_by_age "
         "WHERE collection_year = 2026 AND age <= 21"),
    'the 2026 cohort by age (21-year-olds included) is the same from three returns as from the full history')
is_(psql("SELECT count(*) FROM three.data_quality WHERE defect = 'oc3_outside_cohort'"), '0',
    'no OC3 record of the three returns is outside the cohort')

# --- DfE's labels, exactly as in DfE's published files (test/data/dfe_published, see its PROVENANCE.json) ---
def dfe_labels(name):
    with open(os.path.join(ROOT, 'test', 'data', 'dfe_published', name), encoding='utf-8-sig', newline='') as f:
        rows = list(csv.DictReader(f))
    return sorted({r['breakdown'] for r in rows}), sorted({r['care_leaver_age'] for r in rows})


for view, name in (('care_leavers_activity', 'la_care_leavers_activity.csv'),
                   ('care_leavers_accommodation_suitability', 'la_care_leavers_accommodation_suitability.csv')):
    labels, ages = dfe_labels(name)
    is_(sorted(psql("SELECT DISTINCT breakdown FROM three.%s" % view).splitlines()), labels,
        '%s: the breakdown labels are exactly DfE\'s (%s)' % (view, name))
    is_(sorted(psql("SELECT DISTINCT care_leaver_age FROM three.%s_published" % view).splitlines()), ages,
        '%s_published: DfE\'s age bands' % view)
rounded = psql("SELECT bool_and(p.care_leaver_percent = round(b.care_leaver_percent)::text) "
               "FROM three.care_leavers_activity_published p JOIN three.care_leavers_activity b "
               "USING (la, collection_year, care_leaver_age, breakdown) "
               "WHERE p.care_leaver_percent ~ '^[0-9]+$' AND b.care_leaver_percent > 0.5")
ok(psql("SELECT count(*) FROM three.care_leavers_activity_published WHERE care_leaver_age = '19 to 21 years' "
        "AND collection_year = 2026 AND care_leaver_percent ~ '^[0-9]+$'") != '0',
   'the 2026 19 to 21 band is published with whole-number percentages')
is_(rounded, 't', 'published percentages are the unrounded ones rounded to whole numbers, half away from zero')

print('# figures, three returns (2024-2026) beside the full history (2017-2026), council 213, %d children:' % CHILDREN)
print('#   looked after on 31 March (source/three): %s' % la)
print('#   2026 care leavers 19 to 21: %s (three) vs %s (full); EET %.1f%% vs %.1f%%; suitable %.1f%% vs %.1f%%'
      % (part[2], full[2], float(part[0]), float(full[0]), float(part[1]), float(full[1])))
for row in psql("SELECT t.collection_year || ': two-year ' || t.two_year_three_or_more_percent || ' vs ' || "
                "s.two_year_three_or_more_percent || ', long-term ' || t.long_term_stable_percent || ' vs ' || "
                "s.long_term_stable_percent FROM three.placement_stability_published t "
                "JOIN src.placement_stability_published s USING (la, collection_year) ORDER BY 1").splitlines():
    print('#   stability %s' % row)
for row in psql("SELECT t.collection_year || ': re-entry ' || t.reentry_percent || ' vs ' || s.reentry_percent "
                "FROM three.returns_home_reentry_published t JOIN src.returns_home_reentry_published s "
                "USING (la, collection_year) ORDER BY 1").splitlines():
    print('#   %s' % row)

# --- validation on two loaded returns ---------------------------------------------------------------------
is_(psql("SELECT coalesce(string_agg(rule_code || ' ' || child, '; '), '0') FROM careleaver.validate('two', 2026)"), '0',
    'with two returns loaded, the clean 2026 return validates with no rows (1001, 1002 never flag on history not loaded)')
err = error_of("SELECT * FROM careleaver.validate('two', 2024)")
ok(err is not None and 'P0002' in err and 'collection year 2024' in err,
   'validate on a year with no loaded return raises P0002 naming the missing return', err)
err = error_of("SELECT * FROM careleaver.validate('src', 2026)")
ok(err is not None and 'P0002' in err, 'validate on generated years (nothing loaded to check) raises P0002', err)

# The exported returns hold no SWEpisodes file and the loaded dataset no postcode look-up, so the social worker and
# postcode rules are silent above.  Give the 2026 return the council's social worker episodes (those reaching the
# reporting period, 1 April 2024 to 31 March 2026, an end after 31 March not yet known) and the synthetic look-up:
# the generator's data must pass those rules too.
psql("INSERT INTO two.postcodes SELECT * FROM src.postcodes")
psql("INSERT INTO two.return_sw_episodes (la, year, child, dob, sw_id, sw_decom, sw_dec, sw_reason, source_file, source_line) "
     "SELECT s.la, 2026, s.child, s.dob, s.sw_id, s.sw_decom, "
     "       CASE WHEN s.sw_dec <= careleaver.collection_year_end(2026) THEN s.sw_dec END, s.sw_reason, 'sw_episodes.csv', "
     "       (row_number() OVER (ORDER BY s.child, s.sw_decom, s.sw_id))::int + 1 "
     "  FROM src.sw_episodes s "
     " WHERE s.la = '213' AND s.sw_decom <= careleaver.collection_year_end(2026) "
     "   AND (s.sw_dec IS NULL OR s.sw_dec >= careleaver.collection_year_start(2025)) "
     "   AND EXISTS (SELECT 1 FROM two.return_episodes e WHERE e.la = s.la AND e.child = s.child AND e.year = 2026)")
psql("UPDATE two.returns SET files = files || '[{\"name\": \"sw_episodes.csv\", \"module\": \"sw_episodes\"}]' "
     "WHERE year = 2026")
ok(int(psql("SELECT count(*) FROM two.return_sw_episodes")) > 0 and int(psql("SELECT count(*) FROM two.postcodes")) > 0,
   'the 2026 return now holds social worker episodes and the dataset a postcode look-up')
is_(psql("SELECT coalesce(string_agg(rule_code || ' ' || child, '; '), '0') FROM careleaver.validate('two', 2026)"), '0',
    'with its social worker episodes and the postcode look-up, the clean 2026 return still validates with no rows '
    '(the SWEpisodes and postcode rules run)')

psql('DROP DATABASE %s' % DB, db='postgres')
done()
