#!/usr/bin/env python3
# Conformance of careleaver.validate with the public validator's own rule
# tests (test/data/validator903_rule_fixtures): for every fixture, the rows the
# rule flags must equal expected_flagged_rows, except for the deliberate
# differences listed in doc/validation.md ("Deliberate differences" table),
# which this test reads and asserts exactly, so a regression still fails.
import datetime, glob, json, os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from validate_lib import *

# every fixture set: validator903_rule_fixtures (the first 48 cases) and validator903_rule_fixtures_<name>
# (those captured for later rules), each with its PROVENANCE.json
FIXES = sorted(glob.glob(os.path.join(TEST_DATA, 'validator903_rule_fixtures*')))
MODULES = {'Episodes': ('episodes', 0), 'Episodes_last': ('episodes', -1), 'Header': ('header', 0),
           'Header_last': ('header', -1), 'OC3': ('oc3', 0), 'UASC': ('uasc', 0), 'UASC_last': ('uasc', -1),
           'Missing': ('missing', 0),
           'AD1': ('ad1', 0), 'PlacedAdoption': ('placed_adoption', 0), 'OC2': ('oc2', 0),
           'PrevPerm': ('prev_perm', 0), 'Reviews': ('reviews', 0),
           'SWEpisodes': ('sw_episodes', 0), 'SWEpisodes_last': ('sw_episodes', -1)}


def parse_date(s):
    for fmt in ('%d/%m/%Y', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d'):
        try:
            return datetime.datetime.strptime(s, fmt).date()
        except ValueError:
            pass
    raise ValueError(s)


def fixture_year(meta, ruleset):
    """The collection year (named by the year it ends) a fixture's metadata describes; without one, 2021
    for the 2022-23 rules (as first chosen) and the ruleset's own year for a later ruleset (lac2024_25: 2025)."""
    if 'collection_end' in meta:
        d = parse_date(meta['collection_end']) - datetime.timedelta(days=1)
        return d.year if d.month <= 3 else d.year + 1
    if 'collection_start' in meta:
        d = parse_date(meta['collection_start'])
        d = d.replace(year=d.year + 1) - datetime.timedelta(days=1)
        return d.year if d.month <= 3 else d.year + 1
    if 'collectionYear' in meta:
        return int(meta['collectionYear'])
    ruleset_year = int(ruleset[3:7]) + 1
    return 2021 if ruleset_year <= 2023 else ruleset_year


def known_differences():
    """Rows of the doc table: | fixture | table | not flagged by us | flagged only by us | reason |"""
    doc = open(os.path.join(REPO, 'doc', 'validation.md'), encoding='utf-8').read()
    sec = doc.split('<!-- fixture-differences:start -->')[1].split('<!-- fixture-differences:end -->')[0]
    diffs = {}
    for line in sec.splitlines():
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) < 5 or not cells[0].startswith('rule_'):
            continue
        rows = lambda c: frozenset(int(x) for x in re.findall(r'\d+', c)) if c not in ('', '-', '—') else frozenset()
        diffs[(cells[0], cells[1])] = (rows(cells[2]), rows(cells[3]))
    return diffs


setup_db()
since = dict(l.split('|') for l in psql(
    "SELECT rule_code, coalesce(since_year, 0) FROM careleaver.validation_rules").split())
implemented = set(since)
diffs = known_differences()
t = Tap()
seen = set()
cases = sorted((fix, os.path.dirname(p)) for fix in FIXES
               for p in glob.glob(os.path.join(fix, 'rule_*', '**', 'expected.json'), recursive=True))
want_cases = sum(json.load(open(os.path.join(fix, 'PROVENANCE.json')))['cases'] for fix in FIXES)
t.ok(len(cases) == want_cases and len(cases) >= 48 + 109,
     'the %d fixtures of the public validator are present' % want_cases, len(cases))
for n, (fix, case) in enumerate(cases):
    exp = json.load(open(os.path.join(case, 'expected.json')))
    rule = exp['rule']
    name = os.path.relpath(case, fix)
    year = fixture_year(exp.get('metadata', {}), exp.get('ruleset', 'lac2022_23'))
    # A fixture dated before the rule's first year is moved forward whole years.
    shift = max(0, int(since.get(rule, 0)) - year)
    year += shift
    schema = 'fx%03d' % n
    create_dataset(schema)
    types = column_types(schema)
    sql = []
    for f in sorted(glob.glob(os.path.join(case, '*.csv'))):
        base = os.path.basename(f)[:-4]
        if base not in MODULES:
            continue
        module, dy = MODULES[base]
        header, rows = read_csv(f)
        rows = [(int(r['__ROW']), r) for r in rows]
        sql.append(load_rows(schema, types, module, year + dy, base, header, rows, shift=shift,
                             synth_child=True, synth_decom_start=datetime.date(year + dy - 1, 4, 1)))
    psql('\n'.join(sql))
    got = validate(schema, year)
    for table, expected in sorted(exp['expected_flagged_rows'].items()):
        expected = frozenset(expected)
        ours = frozenset(r[5] for r in got if r[0] == rule and r[1] == table and r[4] == table)
        missing, extra = expected - ours, ours - expected
        key = (name.replace(os.sep, '/'), table)
        seen.add(key)
        want = diffs.get(key, (frozenset(), frozenset()))
        label = '%s %s%s: flagged rows %s' % (name, table, '' if rule in implemented else ' (rule not implemented)',
                                              sorted(ours))
        t.ok((missing, extra) == want, label + ('' if not (missing or extra) else
             ' (documented difference: not flagged %s, extra %s)' % (sorted(missing), sorted(extra))),
             'expected %s; not flagged %s, flagged only by us %s; documented %s'
             % (sorted(expected), sorted(missing), sorted(extra), [sorted(w) for w in want]))
stale = sorted(k for k in diffs if k not in seen)
t.ok(not stale, 'every documented difference names a fixture table', stale)
t.done()
