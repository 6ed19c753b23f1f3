#!/usr/bin/env python3
# Whole-file comparison of careleaver.validate with the public validator over
# its fake data (test/data/validator903_fake_data, collection year 2018, this
# year's files only; results in validator903_fake_data_results/this_year_only).
# For every rule we implement and the validator ran, the counts of rows both
# flag, rows only the validator flags and rows only we flag must equal the
# table "Fake data comparison" in doc/validation.md, where each difference is
# explained.
import csv, json, os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from validate_lib import *

DATA = os.path.join(TEST_DATA, 'validator903_fake_data')
RES = os.path.join(TEST_DATA, 'validator903_fake_data_results', 'this_year_only')
# dataset module: (file in validator903_fake_data, the validator's table name)
FILES = {'header': ('header', 'Header'), 'episodes': ('episodes', 'Episodes'), 'oc3': ('oc3', 'OC3'),
         'uasc': ('uasc', 'UASC'), 'oc2': ('oc2', 'OC2'), 'ad1': ('ad1', 'AD1'),
         'placed_adoption': ('placed_for_adoption', 'PlacedAdoption'),
         'prev_perm': ('previous_permanence', 'PrevPerm'), 'missing': ('missing', 'Missing'),
         'reviews': ('reviews', 'Reviews')}
LA, YEAR = 'E09000027', 2018


def documented():
    doc = open(os.path.join(REPO, 'doc', 'validation.md'), encoding='utf-8').read()
    sec = doc.split('<!-- fake-data-comparison:start -->')[1].split('<!-- fake-data-comparison:end -->')[0]
    out = {}
    for line in sec.splitlines():
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) >= 5 and re.fullmatch(r'\d+[A-Z]?', cells[0]):
            out[(cells[0], cells[1])] = tuple(int(c) for c in cells[2:5])
    return out


os.environ.setdefault('CARELEAVER_VALIDATE_DB', 'careleaver_validate_fake')
import validate_lib
validate_lib.DB = os.environ['CARELEAVER_VALIDATE_DB']
setup_db()
create_dataset('fake')
types = column_types('fake')
for module, (csvname, table) in FILES.items():
    if 'return_' + module not in types:
        continue
    header, rows = read_csv(os.path.join(DATA, csvname + '.csv'))
    psql(load_rows('fake', types, module, YEAR, table, header, list(enumerate(rows)), la=LA))
ours = {}
for code, table, la, child, f, line in validate('fake', YEAR):
    ours.setdefault((code, table), set()).add(line)
theirs = {}
with open(os.path.join(RES, 'flagged_rows.csv')) as f:
    for r in csv.DictReader(f):
        theirs.setdefault((r['rule'], r['table']), set()).add(int(r['row_index']))
summary = json.load(open(os.path.join(RES, 'summary.json')))
ran = {r['rule'] for r in summary['rules'] if not r['status'].startswith('skipped')}
rules = set(psql('SELECT rule_code FROM careleaver.validation_rules').split())
doc = documented()
t = Tap()
modules = dict(l.split('|') for l in psql(
    "SELECT rule_code, split_part(module, ',', 1) FROM careleaver.validation_rules").split('\n') if l)
flagged = {k[0] for k in set(ours) | set(theirs)}
keys = sorted(set(k for k in set(ours) | set(theirs) | set(doc) if k[0] in rules and k[0] in ran)
              | {(r, modules[r]) for r in rules & ran if r not in flagged})
t.ok(len(keys) > 20, 'rules compared: %d (rule, table) pairs' % len(keys))
for k in keys:
    a, b = ours.get(k, set()), theirs.get(k, set())
    got = (len(a & b), len(b - a), len(a - b))
    t.ok(got == doc.get(k, (len(b), 0, 0)),
         'rule %s %s: both %d, only the validator %d, only careleaver %d' % (k + got),
         'documented %s; only validator %s; only careleaver %s' % (doc.get(k), sorted(b - a)[:20], sorted(a - b)[:20]))
t.done()
