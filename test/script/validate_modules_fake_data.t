#!/usr/bin/env python3
# The rules of the other modules (extension/sql/82_validation_rules_modules.sql) against the public
# validator's own rule functions, over its fake data (test/data/validator903_fake_data, collection year
# 2018; the validator's flags in validator903_fake_data_results/module_rules, PROVENANCE.json says how they
# were made). For every rule the validator ran, the rows both flag, only it flags and only we flag must
# equal the table "module-fake-data" in doc/validation.md, where each difference is explained.
import csv, json, os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from validate_lib import *

DATA = os.path.join(TEST_DATA, 'validator903_fake_data')
RES = os.path.join(TEST_DATA, 'validator903_fake_data_results', 'module_rules')
FILES = {'header': ('header', 'Header'), 'episodes': ('episodes', 'Episodes'), 'oc3': ('oc3', 'OC3'),
         'uasc': ('uasc', 'UASC'), 'oc2': ('oc2', 'OC2'), 'ad1': ('ad1', 'AD1'),
         'placed_adoption': ('placed_for_adoption', 'PlacedAdoption'),
         'prev_perm': ('previous_permanence', 'PrevPerm'), 'missing': ('missing', 'Missing'),
         'reviews': ('reviews', 'Reviews')}
LA, YEAR = 'E09000027', 2018


def documented():
    doc = open(os.path.join(REPO, 'doc', 'validation.md'), encoding='utf-8').read()
    sec = doc.split('<!-- module-fake-data:start -->')[1].split('<!-- module-fake-data:end -->')[0]
    out = {}
    for line in sec.splitlines():
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) >= 5 and re.fullmatch(r'\d+[A-Za-z]?', cells[0]):
            out[(cells[0], cells[1])] = tuple(int(c) for c in cells[2:5])
    return out


os.environ.setdefault('CARELEAVER_VALIDATE_DB', 'careleaver_validate_modules')
import validate_lib
validate_lib.DB = os.environ['CARELEAVER_VALIDATE_DB']
setup_db()
create_dataset('fake')
types = column_types('fake')
for module, (csvname, table) in FILES.items():
    header, rows = read_csv(os.path.join(DATA, csvname + '.csv'))
    psql(load_rows('fake', types, module, YEAR, table, header, list(enumerate(rows)), la=LA))
prov = json.load(open(os.path.join(RES, 'PROVENANCE.json')))
ran = set(prov['rules_run'])
ours = {}
for code, table, la, child, f, line in validate('fake', YEAR):
    if code in ran:
        ours.setdefault((code, table), set()).add(line)
theirs = {}
with open(os.path.join(RES, 'flagged_rows.csv')) as f:
    for r in csv.DictReader(f):
        theirs.setdefault((r['rule'], r['table']), set()).add(int(r['row_index']))
registered = set(psql("SELECT rule_code FROM careleaver.validation_rules WHERE check_sql IS NOT NULL").split())
doc = documented()
t = Tap()
t.ok(ran <= registered, 'every rule the validator ran here is registered', sorted(ran - registered))
keys = sorted(set(ours) | set(theirs) | set(doc))
t.ok(len(ran) > 80, 'rules compared: %d, (rule, table) pairs with flags: %d' % (len(ran), len(keys)))
for k in keys:
    a, b = ours.get(k, set()), theirs.get(k, set())
    got = (len(a & b), len(b - a), len(a - b))
    t.ok(got == doc.get(k, (len(b), 0, 0)),
         'rule %s %s: both %d, only the validator %d, only careleaver %d' % (k + got),
         'documented %s; only validator %s; only careleaver %s' % (doc.get(k), sorted(b - a)[:20], sorted(a - b)[:20]))
t.done()
