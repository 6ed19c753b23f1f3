#!/usr/bin/env python3
# Every "metrics.md N" (or "metrics.md N.M", "metrics.md sections 1 to 4", "metrics.md 6 and 8")
# cited in the repository or produced by the installed extension names a section heading of
# doc/metrics.md: in the source files (code, SQL, expected output, tests, scripts, docs, benchmarks),
# in the catalogue of a database with the extension (pg_description of schema careleaver), in the
# reporting views create_reports makes over a small synthetic dataset (their COMMENTs, definitions
# and rows) and in report_html's page.  Needs the throwaway cluster of scripts/run-tests.
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import ok, is_, done  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DB = 'careleaver_citations_t'
SCANNED = ['extension', 'sql', 'expected', 'test', 'scripts', 'doc', 'README.md', 'bench']
SKIPPED_DIRS = {'build', 'results-regress', '.git'}
SKIPPED_SUFFIXES = ('.o', '.bc', '.so', '.a')

# "metrics.md", optionally as a markdown link, then "section(s)", then a list of section numbers
# joined by commas, "and", "or" or "to" (a range).
NUM = r'\d+(?:\.\d+)*'
CITATION = re.compile(r'metrics\.md(?:\]\([^)\s]*\))?:?\s*(?:§\s*|sections?\s+)?'
                      r'(' + NUM + r'(?:\s*(?:,|and|or|to|&)\s*(?:sections?\s+)?' + NUM + r')*)')
HEADING = re.compile(r'^#{2,4}\s+(' + NUM + r')\.?\s', re.M)


def sections_cited(text):
    """Every section number cited in text, with the citation as written."""
    found = []
    for m in CITATION.finditer(text):
        parts = re.split(r'\s*(,|and|or|to|&)\s*(?:sections?\s+)?', m.group(1))
        nums, ops = parts[0::2], parts[1::2]
        found.append((nums[0], m.group(0)))
        for op, num in zip(ops, nums[1:]):
            if op == 'to' and '.' not in num and '.' not in found[-1][0]:
                for k in range(int(found[-1][0]) + 1, int(num)):
                    found.append((str(k), m.group(0)))
            found.append((num, m.group(0)))
    return found


def headings():
    with open(os.path.join(ROOT, 'doc', 'metrics.md'), encoding='utf-8') as f:
        return set(HEADING.findall(f.read()))


def unresolved(where, text, known):
    return ['%s: "%s" (no section %s)' % (where, cite, num)
            for num, cite in sections_cited(text) if num not in known]


def psql(sql, db=DB):
    r = subprocess.run(['psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', db, '-c', sql],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError('psql failed: %s\n%s' % (sql, r.stderr))
    return r.stdout


known = headings()
ok({str(k) for k in range(1, 13)} <= known,
   'doc/metrics.md has a heading for each of sections 1 to 12', sorted(known))

# The parser finds what it must, so that a pass is not vacuous (the probes are spelt in pieces so
# that this file itself cites nothing).
M = 'metrics' '.md'
is_([n for n, _ in sections_cited('see %(m)s 4; %(m)s section 5.2, %(m)s sections 1 to 3 and %(m)s 6 and 8; '
                                  '[%(m)s](%(m)s) sections 9, 10' % {'m': M})],
    ['4', '5.2', '1', '2', '3', '6', '8', '9', '10'], 'the citation parser reads single, dotted, listed and ranged citations')
is_(unresolved('probe', '%(m)s 99 and %(m)s section 4.7' % {'m': M}, known),
    ['probe: "%s 99" (no section 99)' % M, 'probe: "%s section 4.7" (no section 4.7)' % M],
    'a citation of a missing section is reported')

# --- the files of the repository --------------------------------------------------------------
bad = []
cited = 0
shared_links = []
for top in SCANNED:
    path = os.path.join(ROOT, top)
    files = [path] if os.path.isfile(path) else []
    for d, dirs, fs in os.walk(path):
        dirs[:] = [x for x in dirs if x not in SKIPPED_DIRS]
        files += [os.path.join(d, f) for f in fs]
    for f in sorted(files):
        if f.endswith(SKIPPED_SUFFIXES):
            continue
        try:
            with open(f, encoding='utf-8') as fh:
                text = fh.read()
        except (UnicodeDecodeError, IsADirectoryError):
            continue
        rel = os.path.relpath(f, ROOT)
        cited += len(sections_cited(text))
        bad += unresolved(rel, text, known)
        if re.search(r'\]\([^)]*shared/domain/metrics\.md', text):
            shared_links.append(rel)
ok(cited > 300, 'the repository cites metrics.md sections (%d citations read)' % cited)
ok(not bad, 'every citation in the repository names a section of doc/metrics.md', '\n'.join(bad[:50]))
ok(not shared_links, 'links to the contract point at doc/metrics.md, not outside the repository',
   '\n'.join(shared_links))

# --- the installed extension, its reporting views and the report ------------------------------
psql('DROP DATABASE IF EXISTS %s' % DB, db='postgres')
psql('CREATE DATABASE %s' % DB, db='postgres')
psql('CREATE EXTENSION careleaver')

catalogue = psql("""
  SELECT string_agg(d.description, E'\\n')
    FROM pg_description d
   WHERE d.description LIKE '%%metrics.md%%'
     AND (   (d.classoid = 'pg_proc'::regclass
              AND d.objoid IN (SELECT oid FROM pg_proc WHERE pronamespace = 'careleaver'::regnamespace))
          OR (d.classoid = 'pg_type'::regclass
              AND d.objoid IN (SELECT oid FROM pg_type WHERE typnamespace = 'careleaver'::regnamespace))
          OR (d.classoid = 'pg_class'::regclass
              AND d.objoid IN (SELECT oid FROM pg_class WHERE relnamespace = 'careleaver'::regnamespace)))""")
n = len(sections_cited(catalogue))
ok(n > 50, 'the COMMENTs of schema careleaver cite metrics.md (%d citations)' % n)
bad = unresolved('COMMENT in schema careleaver', catalogue, known)
ok(not bad, 'every citation in the COMMENTs of schema careleaver resolves', '\n'.join(bad[:50]))

# the function bodies build view SQL and comments at run time
bodies = psql("SELECT string_agg(prosrc, E'\\n') FROM pg_proc WHERE pronamespace = 'careleaver'::regnamespace")
bad = unresolved('function body in schema careleaver', bodies, known)
ok(not bad, 'every citation in the function bodies of schema careleaver resolves', '\n'.join(bad[:50]))

psql("SELECT count(*) FROM careleaver.generate_synthetic('cit', 600, 5, 1, 2019, 2024)")
views = psql("SELECT count(*) FROM careleaver.create_reports('cit')").strip()
ok(int(views) > 5, 'create_reports made the reporting views (%s)' % views)
comments = psql("""
  SELECT string_agg(d.description, E'\\n')
    FROM pg_description d JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
   WHERE c.relnamespace = 'cit'::regnamespace""")
n = len(sections_cited(comments))
ok(n > 20, 'the reporting views and columns cite metrics.md in their COMMENTs (%d citations)' % n)
bad = unresolved('COMMENT of a reporting view', comments, known)
ok(not bad, 'every citation in the reporting views\' COMMENTs resolves', '\n'.join(bad[:50]))

rows = []
for v in psql("SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'cit'::regnamespace "
              "AND c.relkind = 'v' ORDER BY 1").split():
    rows.append(psql('SELECT pg_get_viewdef(%s::regclass)' % ("'cit.%s'" % v)))
    rows.append(psql('SELECT string_agg(t::text, E\'\\n\') FROM cit.%s t' % v))
bad = unresolved('reporting view', '\n'.join(rows), known)
ok(not bad, 'every citation in the reporting views\' definitions and rows resolves', '\n'.join(bad[:50]))

la, year = psql("SELECT la, careleaver.collection_year_of(max(decom)) FROM cit.episodes GROUP BY la "
                "ORDER BY la LIMIT 1").strip().split('|')
page = psql("SELECT careleaver.report_html('cit', '%s', %s)" % (la, year))
n = len(sections_cited(page))
ok(n > 5, 'the report cites metrics.md sections (%d citations)' % n)
bad = unresolved('report_html', page, known)
ok(not bad, 'every citation in the report resolves', '\n'.join(bad[:50]))

psql('DROP DATABASE %s' % DB, db='postgres')
done()
