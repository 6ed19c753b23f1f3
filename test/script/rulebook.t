#!/usr/bin/env python3
# One rulebook (issue 13): the birthday, age, collection year, its first and last day, the data's
# end and the 13-week eligibility test live in the C core and reach SQL through
# extension/sql/25_rulebook.sql (careleaver.birthday, age_on, collection_year_of,
# collection_year_start, collection_year_end, data_end, eligible_by).  This test reads the SQL of
# the extension, the client scripts, the C glue, the rest of the core (all but dates.c and
# status.c, which own the rules), and fails when one of these rules is
# written out again.
# The frozen 0.1.0 release and the pure-SQL baselines of bench/ (which exist to be compared with
# the core) are not read.  No database needed.
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import ok, done  # noqa: E402

ROOT = os.environ.get('RULEBOOK_ROOT') or \
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
READ = ['extension/sql', 'scripts', 'extension/pg', 'extension/core']
# The files that own the rules (the one implementation each): not searched.
OWNERS = {'extension/core/dates.c',     # birthday, age, collection year, its first and last day, data end
          'extension/core/status.c'}    # the 13-week (91-day) eligibility test

# (what it re-derives, pattern); matched line by line, SQL line comments left out.
REDERIVED = [
    ('a birthday, age or collection year from the parts of a date',
     re.compile(r"\b(extract|date_part)\s*\(\s*'?(year|month|day)\b", re.I)),
    ('a birthday as date + n years',
     re.compile(r"make_interval\s*\(\s*years\s*=>|interval\s*'[^']*\byears?\b", re.I)),
    ('the age by PostgreSQL\'s age()', re.compile(r"(?<![\w.])age\(", re.I)),
    ('a collection year\'s first or last day as a literal',
     re.compile(r"'\d{4}-(04-01|03-31)'")),
    ('a collection year\'s first or last day by make_date',
     re.compile(r"make_date\s*\((?:[^()]|\([^()]*\))*,\s*(?:3\s*,\s*31|4\s*,\s*1)\s*\)", re.I)),
    ('the 13-week (91-day) eligibility test', re.compile(r"[<>=]\s*91\b|\b91\s*[<>=]")),
    ('a collection year in Python', re.compile(r"\.month\s*>=?\s*[34]\b|timedelta\s*\(\s*days\s*=\s*91\b")),
    ('the 29 February birthday in C',
     re.compile(r"==\s*2\s*&&\s*\w+\s*==\s*29\b|==\s*29\s*&&\s*\w+\s*==\s*2\b")),
    ('a collection year\'s first or last day from its parts in C',
     re.compile(r"cl_date_from_ymd\s*\((?:[^()]|\([^()]*\))*,\s*(?:4\s*,\s*1|3\s*,\s*31)\s*\)")),
    ('a collection year from the month in C', re.compile(r"\b(?:m|mon|month)\s*(?:>=\s*4|<\s*4|>\s*3)\b")),
    ('a birthday as date + 365 days a year', re.compile(r"\b365(?:\.25)?\s*\*\s*\w+|\w+\s*\*\s*365(?:\.25)?\b")),
]


def c_code(line):
    """The line without a C comment (/* ... */ on the line, // to its end, a " * " continuation)."""
    if re.match(r"\s*\*(\s|/|$)", line):
        return ''
    return re.sub(r"/\*.*?(\*/|$)|//.*$", '', line)


def sql_code(line):
    """The line without an SQL line comment (a "--" outside quotes)."""
    out, quoted = [], False
    for i, ch in enumerate(line):
        if ch == "'":
            quoted = not quoted
        if not quoted and line.startswith('--', i):
            break
        out.append(ch)
    return ''.join(out)


def findings(root):
    found = []
    for top in READ:
        for d, dirs, files in os.walk(os.path.join(root, top)):
            dirs.sort()
            for f in sorted(files):
                path = os.path.join(d, f)
                if os.path.relpath(path, root) in OWNERS:
                    continue
                strip = c_code if f.endswith(('.c', '.h')) else sql_code
                try:
                    with open(path, encoding='utf-8') as fh:
                        lines = fh.read().splitlines()
                except UnicodeDecodeError:
                    continue
                for no, line in enumerate(lines, 1):
                    code = strip(line)
                    for what, pat in REDERIVED:
                        if pat.search(code):
                            found.append('%s:%d: %s: %s' % (os.path.relpath(path, root), no, what, line.strip()))
    return found


# The patterns catch what they are meant to: each of these lines is a re-derivation.
probes = [
    "CASE WHEN date_part('month', dob) = 2 AND date_part('day', dob) = 29 THEN ...",
    "(dob + make_interval(years => 18))::date",
    "d + interval '1 year'",
    "extract(year FROM age(y.year_end, h.dob))::int",
    "WHERE e.decom >= '2023-04-01'",
    "make_date(y - 1, 4, 1) AS year_start, make_date(careleaver.collection_year_of(d), 3, 31)",
    "coalesce(g.after14, 0) < 91",
    "year = d.year + (d.month >= 4)",
    "if (m == 2 && d == 29 && !cl_is_leap_year(y + n))",
    "return cl_date_from_ymd(y - 1, 4, 1);",
    "return m >= 4 ? y + 1 : y;",
    "cl_date b18 = dob + 18 * 365;",
]
missed = [p for p in probes if not any(pat.search(c_code(p) if p.endswith(';') or '&&' in p else sql_code(p))
                                       for _, pat in REDERIVED)]
ok(not missed, 'the patterns recognise each kind of re-derivation', '\n'.join(missed))
ok(not any(pat.search(sql_code(p)) for _, pat in REDERIVED for p in [
    "careleaver.birthday(h.dob, 18) AS b18, careleaver.age_on(h.dob, y.year_end) AS age",
    "careleaver.collection_year_start(y), careleaver.collection_year_end(y)",
    "-- 1 April: make_date(y - 1, 4, 1) was here",
    "(VALUES (30), (91), (182)) AS d(day)",
]) and not any(pat.search(c_code(p)) for _, pat in REDERIVED for p in [
    "x->b18 = cl_birthday(dob, 18);  /* m == 2 && d == 29 is dates.c's */",
    " * the year starts on cl_date_from_ymd(y - 1, 4, 1)",
    "cl_date end = cl_year_end(cl_collection_year(latest));",
]), 'calls of the core-backed functions, comments and a list of days are not findings')

found = findings(ROOT)
ok(not found, 'no birthday, age, collection year, data end or 91-day test is re-derived in %s'
   % ' or '.join(READ), '\n'.join(found))
done()
