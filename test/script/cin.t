#!/usr/bin/env python3
# The Children in Need census (doc/cin.md): loading DfE's XML and the CSV tables
# with the loader's guarantees (file:line problems, all or nothing, idempotent,
# several years reconciled), the C journey and its aggregate (parallel plans
# agree with serial ones), and every CIN measure on hand-worked returns
# (test/data/cin_handworked: the expected figures are worked out below).
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import ok, is_, done, psql_runner  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FAKE = os.path.join(ROOT, 'test', 'data', 'cin_validator_fake_data')
HAND = os.path.join(ROOT, 'test', 'data', 'cin_handworked')
SSDA903 = os.path.join(ROOT, 'test', 'data', 'loader', 'xml')
LOAD = os.path.join(ROOT, 'scripts', 'careleaver-load')
DB = 'careleaver_cin_t'
psql = psql_runner(DB)


def load(*args):
    r = subprocess.run([LOAD, '-d', DB] + list(args), capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def checksum(schema):
    tables = psql("SELECT string_agg(format('%%I.%%I', schemaname, tablename), ' ' ORDER BY tablename) "
                  "FROM pg_tables WHERE schemaname = '%s'" % schema).split()
    return ' '.join(t + ':' + psql("SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM %s x" % t)
                    for t in tables)


subprocess.run(['psql', '-X', '-q', '-d', 'postgres', '-c', 'DROP DATABASE IF EXISTS ' + DB], capture_output=True)
psql('CREATE DATABASE ' + DB, db='postgres')
psql('CREATE EXTENSION careleaver')
psql("SELECT careleaver.create_dataset('ds'); SELECT careleaver.create_dataset('ds')")
is_(psql("SELECT count(*) FROM pg_tables WHERE schemaname = 'ds' AND tablename LIKE '%cin\\_%'"), '17',
    'create_dataset makes the 17 CIN tables (9 return_cin_*, cin_returns, cin_rejects, 6 canonical), idempotently')

# --- DfE's XML: the validator's fake return ----------------------------------------------------
rc, out, err = load('--dataset', 'ds', '--la', '975', '--year', '2022', os.path.join(FAKE, 'fake_CIN_data.xml'))
is_(rc, 0, 'fake_CIN_data.xml loads')
ok('loaded: 851 rows loaded' in out, 'its 332 children, 117 disabilities and 402 CIN episodes are loaded', out + err)
is_(psql("SELECT count(*) || ' ' || count(DISTINCT child) FROM ds.cin_details WHERE la = '975'"), '402 332',
    'reconciled: 402 referrals of 332 children')
is_(psql("SELECT sex FROM ds.cin_child WHERE child = 'RND000215205141'"), '1', 'GenderCurrent is read as Sex')
before = checksum('ds')
rc, out, err = load('--dataset', 'ds', '--la', '975', '--year', '2022', os.path.join(FAKE, 'fake_CIN_data.xml'))
ok(rc == 0 and 'unchanged' in out, 'loading it again changes nothing', out + err)

# a return with a bad value: reported by file:line:column, nothing loaded; --skip-bad-rows loads the rest
rc, out, err = load('--dataset', 'ds', '--la', '201', '--year', '2024', os.path.join(FAKE, 'CIN_Census_2024.xml'))
is_(rc, 1, 'CIN_Census_2024.xml has a bad value: exit 1')
ok('CIN_Census_2024.xml:46:25: AssessmentFactors "RB": not a cin_factor code' in out,
   'the bad factor is reported by file:line:column with the valid codes', out)
ok('nothing loaded' in out, 'and nothing is loaded', out)
is_(checksum('ds'), before, 'the dataset is unchanged')
rc, out, err = load('--dataset', 'ds', '--la', '201', '--year', '2024', '--skip-bad-rows',
                    os.path.join(FAKE, 'CIN_Census_2024.xml'))
ok(rc == 0 and '15 rows loaded, 1 bad value(s) skipped into rejects' in out,
   '--skip-bad-rows loads the other 15 rows', out + err)
is_(psql("SELECT column_name || ' ' || value FROM ds.cin_rejects WHERE la = '201'"), 'AssessmentFactors RB',
    'the bad value is kept in cin_rejects')
is_(psql("SELECT array_to_string(factors, ',') FROM ds.cin_assessments WHERE la = '201' AND child = 'DfEX0000001'"),
    '1C,6B', 'the assessment keeps its good factors')
is_(psql("SELECT reviews::text || ' ' || numberofpreviouscpp FROM ds.cin_cp_plans WHERE la = '201'"),
    '{2023-02-15} 10', 'protection plan with its review and NumberOfPreviousCPP')

# --- DfE's CIN rules (careleaver.validate_cin): rows by file:line, the loader's refusals under DfE's rule
rows = psql("SELECT rule_code || ' ' || row_ref FROM careleaver.validate_cin('ds', 2024, '201') "
            "WHERE row_ref = 'CIN_Census_2024.xml:7'")
is_(rows, '8897Q CIN_Census_2024.xml:7',
    'the factor the loader refused (RB) is reported under rule 8897Q at its file:line')
n = psql("SELECT count(*) FROM careleaver.validate_cin('ds', 2022) WHERE row_ref !~ '^fake_CIN_data[.]xml:[0-9]+$' "
         "AND rule_code NOT IN ('2886Q', '2887Q', '2888Q', '2883')")
is_(n, '0', 'every flagged row of fake_CIN_data.xml names its file and line')

# one census per run; a CIN return never touches the SSDA903 return of the same council and year
xml903 = sorted(os.path.join(SSDA903, f) for f in os.listdir(SSDA903) if f.endswith('.xml'))[0]
rc, out, err = load('--dataset', 'ds', '--la', '201', '--year', '2024', xml903, os.path.join(FAKE, 'CIN_Census_2024.xml'))
ok(rc == 2 and 'separate runs' in err, 'SSDA903 and CIN files in one run are refused', out + err)
rc, out, err = load('--dataset', 'ds', '--la', '201', '--year', '2024', xml903)
n903 = psql("SELECT count(*) FROM ds.return_header WHERE la = '201' AND year = 2024")
ok(rc == 0 and int(n903) > 0, 'an SSDA903 return for 201/2024 loads', out + err)
rc, out, err = load('--dataset', 'ds', '--la', '201', '--year', '2024', '--skip-bad-rows',
                    os.path.join(FAKE, 'CIN_Census_2024.xml'), '--no-reconcile')
is_(psql("SELECT count(*) FROM ds.return_header WHERE la = '201' AND year = 2024"), n903,
    'reloading the CIN return leaves the SSDA903 return alone')
ok(psql("SELECT count(*) FROM ds.returns WHERE la = '201' AND year = 2024") == '1'
   and psql("SELECT count(*) FROM ds.cin_returns WHERE la = '201' AND year = 2024") == '1',
   'each census has its own returns row (provenance)')

# --- hand-worked returns: two years of CSV tables for council HW1 -------------------------------
for y in ('2023', '2024'):
    rc, out, err = load('--dataset', 'ds', '--la', 'HW1', '--year', y, os.path.join(HAND, y))
    is_(rc, 0, 'hand-worked CIN return %s (CSV) loads' % y)
ok('1 restated differently' in out, 'the 2024 return restates B\'s 2022 referral differently: noted', out)
is_(psql("SELECT cinclosuredate || ' ' || source_year FROM ds.cin_details WHERE la = 'HW1' AND child = 'B' "
         "AND cinreferraldate = '2022-10-01'"), '2023-12-01 2024', 'the referral is taken from the latest return')
psql("INSERT INTO ds.population (la, year, age, age_to, count) VALUES ('HW1', 2024, 0, 17, 10000)")
psql("SELECT count(*) FROM careleaver.create_cin_reports('ds')")


def row(view, cols, year):
    return psql("SELECT concat_ws(' ', %s) FROM ds.%s WHERE la = 'HW1' AND time_period = %s" % (cols, view, year))


# 2023-24.  Referrals: A 20/04/2023 (A's previous referral, 10/05/2022, lies in the 2023 return and
# within 12 months: a re-referral), B 15/01/2024 (previous 01/10/2022: more than 12 months), D 01/06/2023.
is_(row('cin_c1', 'referral_count, rereferral_count, rereferral_percent, referral_child_count, rereferral_child_count', 2024),
    '3 1 33.3 3 1', 'c1 2023-24: 3 referrals, 1 re-referral within 12 months (33.3%), by child too')
# 2022-23: A, B, C; C was NFA and closed RC8 (not in need)
is_(row('cin_c1', 'referral_count, rereferral_count, no_further_action_count, not_in_need_count, not_in_need_percent', 2023),
    '3 0 1 1 33.3', 'c1 2022-23: 3 referrals, no re-referral, 1 NFA, 1 not in need')
# episodes 2023-24: A's 2023 referral, B's 2022 one (closed 01/12/2023) and 2024 one, D's; open on
# 31 March 2024: A, B (2024), D: 3 children per 10,000 of 10,000
is_(row('cin_b1', 'anypoint_episodes, anypoint_child, started_episodes, ended_episodes, at31_episodes, at31_child, at31_rate_per_10000', 2024),
    '4 3 3 1 3 3 3.0', 'b1 2023-24: 4 episodes of 3 children, 3 started, 1 ended, 3 open on 31 March: 3.0 per 10,000')
is_(row('cin_b1', 'at31_episodes, population_0_to_17, at31_rate_per_10000', 2023), '1',
    'b1 2022-23: B open on 31 March 2023; no population loaded: no rate')
# plans started 2023-24: B 01/02/2024 (NumberOfPreviousCPP 1; B's first plan ended 01/11/2023: within
# two years) and D 15/06/2023 (first plan); ended: B's first plan, after exactly one year
is_(row('cin_d3', 'cpp_start, cpp_subsequent, cpp_subsequent_percent, cpp_subsequent_within_2_years, cpp_ended, cpp_ended_2_years_or_more', 2024),
    '2 1 50.0 1 1 0', 'd3 2023-24: 2 plans started, 1 subsequent (50%), within two years of the last; 1 ended, not after 2 years')
# open on 31 March 2024: B (2 months: 3 months or less), D (9.5 months: more than 6 months, less than 1 year);
# on 31 March 2023: B's first plan, 5 months (open across the two years)
is_(row('cin_d5', 'cpp_at31, "3_months_or_less", more_than_3_months_6_months, more_than_6_months_less_than_1_year, '
                  '"1_year_less_than_2_years", "2_years_or_more"', 2024), '2 1 0 1 0 0', 'd5 2023-24 by length')
is_(row('cin_d5', 'cpp_at31, "3_months_or_less", more_than_3_months_6_months', 2023), '1 0 1',
    'd5 2022-23: the plan open across years, 5 months on 31 March 2023')
# assessments 2023-24: A 21/04 to 20/06/2023 (39 working days: 1, 8 and 29 May off), D 02/06 to
# 15/08/2023 (52): 1 of 2 within 45 working days; 2022-23: A 11/05 to 20/06/2022 (26: 2 and 3 June off)
is_(psql("SELECT concat_ws(' ', assessments_completed, assessments_timed, assessments_within_45, section47_started) "
         "FROM ds.cin_measures WHERE la = 'HW1' AND collection_year = 2024"), '2 2 1 1',
    'assessments 2023-24: 2 completed, 1 within 45 working days; 1 section 47 enquiry')
is_(psql("SELECT careleaver.cin_working_days('2023-04-21', '2023-06-20') || ' ' || "
         "careleaver.cin_working_days('2023-06-02', '2023-08-15') || ' ' || careleaver.cin_working_days('2022-05-11', '2022-06-20')"),
    '39 52 26', 'the working days worked out by hand')
is_(psql("SELECT string_agg(factor || ':' || assessments, ' ' ORDER BY factor_order) FROM ds.cin_c3 "
         "WHERE la = 'HW1' AND time_period = 2024 AND assessments > 0"), '3A:1 3B:1 21:1',
    'c3 2023-24: factors at the end of assessment (21: no factors)')
is_(psql("SELECT string_agg(factor || ':' || assessments, ' ' ORDER BY factor_order) FROM ds.cin_c3 "
         "WHERE la = 'HW1' AND time_period = 2023 AND assessments > 0"), '3A:1 4B:1', 'c3 2022-23')
is_(psql("SELECT rereferral_count || ' ' || rereferral_percent FROM ds.cin_c1_published WHERE la = 'HW1' AND time_period = 2024"),
    'c c', 'published: a count of 1 is suppressed, and its percentage')
ok(psql("SELECT count(*) FROM pg_views v WHERE v.schemaname = 'ds' AND v.viewname LIKE 'cin\\_%' "
        "AND obj_description(format('ds.%I', v.viewname)::regclass) IS NOT NULL") == '12',
   'the 12 CIN views have comments')

# Dashboard rows in national_framework (over the council-years an SSDA903 return covers)
rc, out, err = load('--dataset', 'ds', '--la', 'HW1', '--year', '2024', xml903)
ok(rc == 0, 'an SSDA903 return for HW1/2024 loads', out + err)
psql("SELECT count(*) FROM careleaver.create_reports('ds')")
is_(psql("SELECT string_agg(concat_ws(':', dashboard_no, numerator, denominator, round(value, 1)), ' ' ORDER BY ordinal) "
         "FROM ds.national_framework WHERE la = 'HW1' AND collection_year = 2024 AND ordinal BETWEEN 22 AND 25"),
    '1:3:10000:3.0 2:1:3:33.3 23:1:2:50.0 24:0:2:0.0',
    'national_framework: Dashboard 1 (CIN per 10,000), 2 (repeat referrals), 23 (subsequent plans), 24 (plans open 2 years or more)')
is_(psql("SELECT string_agg(value, ' ' ORDER BY ordinal) FROM ds.national_framework_published "
         "WHERE la = 'HW1' AND collection_year = 2024 AND ordinal BETWEEN 22 AND 25"), 'c c c c',
    'published: small counts suppressed')

page = psql("SELECT careleaver.report_html('ds', 'HW1', 2024)")
ok('<section id="family-help">' in page and '<th scope="row">Re-referrals within 12 months, %</th><td>c</td>' in page,
   'report_html has a Family Help section, its small figures suppressed', page[-3000:])

# --- synthetic councils carry CIN records consistent with their SSDA903 children
psql("SELECT count(*) FROM careleaver.generate_synthetic('syn', 3000, 11, 1, 2019, 2025)")
is_(psql("SELECT count(*) FROM syn.cin_details d WHERE NOT EXISTS "
         "(SELECT 1 FROM syn.header h WHERE h.la = d.la AND h.child = d.child)"), '0',
    'every synthetic CIN child is a child of the synthetic council')
referred_first = float(psql(
    "SELECT round(100.0 * count(*) FILTER (WHERE EXISTS (SELECT 1 FROM syn.cin_details d WHERE d.la = f.la AND d.child = f.child "
    "AND d.cinreferraldate <= f.first_care)) / count(*), 1) FROM (SELECT e.la, e.child, min(e.decom) AS first_care "
    "FROM syn.episodes e WHERE NOT careleaver.is_short_break(e.ls) GROUP BY 1, 2) f"))
ok(70 <= referred_first <= 90, 'most children who come into care were referred first (%.1f%%)' % referred_first)
psql("SELECT count(*) FROM careleaver.create_reports('syn')")
is_(psql("SELECT string_agg(dashboard_no || ':' || (value IS NOT NULL), ' ' ORDER BY ordinal) FROM syn.national_framework "
         "WHERE collection_year = 2024 AND ordinal BETWEEN 22 AND 25"), '1:true 2:true 23:true 24:true',
    'the synthetic council has Dashboard 1, 2, 23 and 24 with values')
helped, rereferred = psql("SELECT round(100.0 * sum(after_family_help_within_12_months) / "
                          "nullif(sum(started_looked_after - lookback_not_covered), 0), 1) || ' ' || "
                          "(SELECT sum(rereferred_within_12_months) FROM syn.returns_home_rereferral) "
                          "FROM syn.care_after_family_help").split()
ok(50 <= float(helped) <= 90 and int(rereferred) > 0,
   'linked to care: %s%% of the synthetic starts followed Family Help, %s returns home were re-referred' % (helped, rereferred))
is_(psql("SELECT string_agg(dashboard_no || ':' || (value IS NOT NULL), ' ' ORDER BY ordinal) FROM syn.national_framework "
         "WHERE collection_year = 2024 AND dashboard_no IN (26, 31, 39)"), '26:true 31:true 39:true',
    'the synthetic council has Dashboard 26 to 42 with values')
rr, sub = psql("SELECT round(100.0 * sum(rereferrals) / sum(referrals), 1) || ' ' || "
               "round(100.0 * sum(cpp_subsequent) / sum(cpp_started), 1) FROM (%s) m WHERE collection_year BETWEEN 2020 AND 2024"
               % psql("SELECT careleaver.cin_measures_sql('syn')")).split()
ok(15 <= float(rr) <= 32 and 15 <= float(sub) <= 35,
   'near England: re-referrals %s%% (22.6%% in 2025), second or subsequent plans %s%% (24.5%%)' % (rr, sub))

# the synthetic council's CIN returns, restated year by year as a council would write them, pass DfE's CIN rules
RESTATE = os.path.join(ROOT, 'test', 'script', 'cin_restate.sql')
for year in range(2020, 2026):
    subprocess.run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-v', 'y=%d' % year, '-d', DB, '-f', RESTATE],
                   check=True, capture_output=True)
flagged = psql("SELECT coalesce(string_agg(y || ' ' || v.rule_code || ' ' || v.row_ref || ' ' || v.message, E'\\n'), '') "
               "FROM generate_series(2020, 2025) y, careleaver.validate_cin('syn', y) v")
is_(flagged, '', 'the synthetic CIN returns 2020 to 2025 validate with no rows')
nref = int(psql("SELECT count(*) FROM syn.return_cin_details WHERE year = 2025"))
ok(nref >= 50, '(the 2025 return has %d CIN episodes)' % nref)

# --- the journey type and its aggregate -------------------------------------------------------
j = "{R 2023-04-03 2023-09-01 RC2; A 2023-04-04 2023-05-30 1B,3A; S 2023-04-05; C 2023-05-20 - NEG NEG 0; P 2023-06-01 -}"
is_(psql("SELECT '%s'::careleaver.cin_journey::text::careleaver.cin_journey::text" % j), j, 'a journey reads back')
r = subprocess.run(['psql', '-X', '-q', '-d', DB, '-c', "SELECT 'R 2023-04-03 2023-01-01'::careleaver.cin_journey"],
                   capture_output=True, text=True)
ok(r.returncode != 0 and 'ends before it starts' in r.stderr, 'a referral closed before it began is refused', r.stderr)
psql("CREATE TABLE ev AS SELECT 'C' || (g % 5000) AS child, format('R %s -', DATE '2020-01-01' + (g % 1500)) AS event "
     "FROM generate_series(1, 200000) g")
psql("ANALYZE ev")
serial = psql("SET max_parallel_workers_per_gather = 0; "
              "SELECT md5(string_agg(child || j::text, '|' ORDER BY child)) "
              "FROM (SELECT child, careleaver.cin_journey_agg(event) AS j FROM ev GROUP BY child) s")
plan = psql("SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0; "
            "SET max_parallel_workers_per_gather = 2; SET enable_hashagg = off; "
            "EXPLAIN SELECT child, careleaver.cin_journey_agg(event) FROM ev GROUP BY child")
ok('Partial' in plan, 'the aggregate runs as a partial (parallel) aggregate', plan)
parallel = psql("SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0; "
                "SET max_parallel_workers_per_gather = 2; SET enable_hashagg = off; "
                "SELECT md5(string_agg(child || j::text, '|' ORDER BY child)) "
                "FROM (SELECT child, careleaver.cin_journey_agg(event) AS j FROM ev GROUP BY child) s")
is_(parallel, serial, 'parallel and serial aggregation give the same journeys (combine, serial, deserial)')

psql('DROP DATABASE ' + DB, db='postgres')
done()
