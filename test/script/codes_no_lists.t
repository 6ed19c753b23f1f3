#!/usr/bin/env python3
# One source for the SSDA903 code lists: extension/core/codes.c.  This test
# reads every code of every list from the server (careleaver.code_list, which
# asks the core) and fails when a piece of the install script (extension/sql,
# including the generated 10_codes.sql) spells out most of a list again: an
# IN (...) / ARRAY[...] / '{...}' of quoted codes covering at least 60% (and
# at least 5 codes) of a list, counted over one SQL statement, or a regular
# expression class of the ACCOM letters.  Validation rules that name a few
# codes (E11, E12 for adoption) are rule definitions, not lists, and pass.
import glob
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import ok, is_, done, psql_runner  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DB = 'careleaver_codes_t'

# A rule subset that covers most of a short list, allowed with its reason.
ALLOWED = {
    # rules 433 to 436: every reason for a new episode that continues care (not S)
    ('new_episode_reason', frozenset({'L', 'P', 'T', 'B', 'U'})),
}


psql = psql_runner(DB)


LIST_OF_QUOTED = re.compile(r"(?:\bIN\s*\(|\bARRAY\s*\[)\s*('[^']*'(?:\s*,\s*'[^']*')*)\s*[)\]]", re.I)
ARRAY_LITERAL = re.compile(r"'\{([^'{}]*)\}'")
QUOTED = re.compile(r"'([^']*)'")


def quoted_codes(statement):
    """Every code-like token of the literal lists in one statement."""
    tokens = set()
    for m in LIST_OF_QUOTED.finditer(statement):
        tokens.update(t.strip().upper() for t in QUOTED.findall(m.group(1)))
    for m in ARRAY_LITERAL.finditer(statement):
        tokens.update(t.strip().strip('"').upper() for t in m.group(1).split(','))
    return tokens


def offending(text, lists, letters):
    """(list name, codes) for each statement of text that spells out most of a list."""
    found = []
    for statement in text.split(';'):
        tokens = quoted_codes(statement)
        for name, codes in lists.items():
            covered = frozenset(tokens & codes)
            if len(covered) >= 5 and len(covered) >= 0.6 * len(codes) and (name, covered) not in ALLOWED:
                found.append((name, sorted(covered)))
        for m in re.finditer(r'\[([A-Z]{8,})\]', statement):
            if len(set(m.group(1)) & letters) >= 8:
                found.append(('leaver_accommodation letters', m.group(1)))
    return found


def main():
    psql('DROP DATABASE IF EXISTS %s' % DB, db='postgres')
    psql('CREATE DATABASE %s' % DB, db='postgres')
    psql('CREATE EXTENSION careleaver')
    lists = {}
    for line in psql('SELECT list_name, code FROM careleaver.code_list').splitlines():
        name, code = line.split('|')
        lists.setdefault(name, set()).add(code)
    letters = {c[0] for c in lists['leaver_accommodation'] if c != '0'}
    is_(len(lists), 10, 'the ten code lists come from the server (the core)')

    # the detector finds what 80_validate.sql used to hold
    old = ("format($e$(%1$s IN ('YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM'))$e$, c);\n"
           "format($e$(%1$s IN ('F1', 'P1', 'F2', 'P2', 'G4', 'G5', 'G6', '0') OR (%1$s IN ('F3', 'P3') "
           "AND $1 <= 2021) OR (%1$s IN ('F4', 'P4', 'F5', 'P5') AND $1 >= 2022))$e$, c);\n"
           "format($e$(%1$s = '0' OR (%1$s ~ '^[BCDEGHKRSTUVWXYZ][12]$' AND %1$s NOT IN ('S1', 'X1')))$e$, c);")
    is_(sorted(f[0] for f in offending(old, lists, letters)),
        ['contact_status', 'leaver_accommodation letters', 'leaver_activity'],
        'the detector flags spelled-out IN_TOUCH, ACTIV and ACCOM lists')
    is_(offending("WHERE e.rec IN ('E11', 'E12')", lists, letters), [], 'a rule naming two codes is not a list')

    pieces = sorted(glob.glob(os.path.join(ROOT, 'extension', 'sql', '*.sql')))
    ok(any(p.endswith('10_codes.sql') for p in pieces), 'the generated 10_codes.sql is among the pieces checked')
    for path in pieces:
        with open(path, encoding='utf-8') as f:
            found = offending(f.read(), lists, letters)
        is_(found, [], '%s spells out no code list' % os.path.relpath(path, ROOT))
    psql('DROP DATABASE %s' % DB, db='postgres')
    done()


main()
