#!/usr/bin/env python3
# The loader's refusals reach validate under their DfE rule (issue 14): a return with planted bad values
# (test/data/validate_refusals, see its PROVENANCE) is loaded with careleaver-load --skip-bad-rows; validate
# must report each skipped row under the rule that covers the refused value (validation_rules.refusals),
# with its file:line and child, and a value no rule covers under LOAD.  A dataset made before 0.2.0 (rejects
# without module and child) still maps the refusals, through the files the returns table records.
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import ok, is_, done, psql_runner  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, 'test', 'data', 'validate_refusals')
LOAD = os.path.join(ROOT, 'scripts', 'careleaver-load')
DB = 'careleaver_refusals_t'
psql = psql_runner(DB)

subprocess.run(['psql', '-X', '-q', '-d', 'postgres', '-c', 'DROP DATABASE IF EXISTS ' + DB], capture_output=True)
psql('CREATE DATABASE ' + DB, db='postgres')
psql('CREATE EXTENSION careleaver')

r = subprocess.run([LOAD, '-d', DB, '--dataset', 'ds', '--la', '213', '--year', '2024', '--skip-bad-rows',
                    '--no-reconcile', '--quiet',
                    os.path.join(DATA, 'header.csv'), os.path.join(DATA, 'episodes.csv'), os.path.join(DATA, 'oc3.csv')],
                   capture_output=True, text=True)
is_(r.returncode, 0, 'the return loads with --skip-bad-rows')

is_(psql("SELECT string_agg(format('%s %s %s', module, coalesce(child, '-'), column_name), '; ' "
         "ORDER BY source_file, source_line, column_name) FROM ds.rejects"),
    'episodes C2 CIN; episodes C2 REC; episodes C2 RNE; header C2 DOB; oc3 L1 IN_TOUCH; oc3 L2 DOB',
    'rejects records the module and child of each refused value')

WANT = ['102|Header|C2|header.csv:3', '131|OC3|L1|oc3.csv:2', '143|Episodes|C2|episodes.csv:4',
        '145|Episodes|C2|episodes.csv:3', '149|Episodes|C2|episodes.csv:4', 'LOAD|OC3|L2|oc3.csv:3']
REFUSED = "('102', '131', '143', '145', '149', 'LOAD')"


def refusals(child="child"):
    return psql("SELECT string_agg(concat_ws('|', rule_code, table_name, " + child + ", row_ref), ' ' "
                "ORDER BY rule_code, row_ref) FROM careleaver.validate('ds', 2024) "
                "WHERE message LIKE '%refused by the loader%'").split()


is_(refusals(), WANT, 'every refused value is reported under the DfE rule covering it, with its file:line and child')
is_(psql("SELECT message FROM careleaver.validate('ds', 2024) WHERE rule_code = '145'"),
    'CIN N9 refused by the loader: ' + psql("SELECT reason FROM ds.rejects WHERE column_name = 'CIN'"),
    'the message names the column, the value and the loader\'s reason')
# not flagged: the rows the loader kept are not reported under these rules
is_(psql("SELECT count(*) FROM careleaver.validate('ds', 2024) WHERE rule_code IN %s "
         "AND row_ref NOT IN ('header.csv:3', 'oc3.csv:2', 'oc3.csv:3', 'episodes.csv:3', 'episodes.csv:4')" % REFUSED),
    '0', 'no row the loader kept is reported under the refusal rules')
# every refusal the rules name is a Module.COLUMN the dataset holds
is_(psql("SELECT string_agg(x, ', ') FROM (SELECT DISTINCT unnest(refusals) AS x FROM careleaver.validation_rules) r "
         "WHERE NOT EXISTS (SELECT 1 FROM careleaver.dataset_columns() d "
         "WHERE careleaver.validation_module_name(d.module) || '.' || d.dfe_name = r.x)"),
    '', 'every refusal named in the registry is a column of a module the dataset holds')

# a dataset made before 0.2.0: rejects without module and child
psql('ALTER TABLE ds.rejects DROP COLUMN module, DROP COLUMN child')
is_(refusals("'-'"), [w.split('|')[0] + '|' + w.split('|')[1] + '|-|' + w.split('|')[3] for w in WANT],
    'without the module column, the module comes from the files the returns table records')
psql("SELECT careleaver.upgrade_dataset('ds')")
ok(psql("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'ds' AND table_name = 'rejects' "
        "AND column_name IN ('module', 'child')") == '2', 'upgrade_dataset adds the module and child columns back')

psql('DROP DATABASE ' + DB, db='postgres')
done()
