#!/usr/bin/env python3
# One naming scheme for the C entry points (README.md, "C entry points"): the install
# script names each C function careleaver_<SQL name>, with the first argument's type in front
# when SQL overloads the name (careleaver_legal_status_label for label(legal_status)); every
# symbol a released install script names is still in the library (installing an old release
# with this build works: extension/pg/entry_aliases.c); and the library has no entry point that
# no script names.  Reads the built install script and careleaver.so (run after `make`); no
# database needed.
import collections
import glob
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import ok, done  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONTROL = open(os.path.join(ROOT, 'careleaver.control')).read()
VERSION = re.search(r"default_version\s*=\s*'([^']+)'", CONTROL).group(1)
INSTALL = os.path.join(ROOT, 'extension', 'careleaver--%s.sql' % VERSION)
LIBRARY = os.path.join(ROOT, 'careleaver.so')
RELEASES = sorted(glob.glob(os.path.join(ROOT, 'extension', 'releases', '*.sql')))


def c_functions(sql):
    """(SQL name, first argument's type, C symbol) of every C function a script creates."""
    out = []
    for m in re.finditer(r"CREATE (?:OR REPLACE )?FUNCTION\s+careleaver\.(\w+)\s*\(", sql):
        i, depth = m.end(), 1
        while depth:
            depth += (sql[i] == '(') - (sql[i] == ')')
            i += 1
        body = sql[i:sql.index(';', i)]
        sym = re.search(r"'MODULE_PATHNAME',\s*'(\w+)'", body)
        if not sym:
            continue
        first = re.sub(r'\b(IN|OUT|INOUT|VARIADIC)\b', '', sql[m.end():i - 1].split(',')[0]).split()
        ftype = (first[-1] if first else '').replace('careleaver.', '')
        out.append((m.group(1), ftype, sym.group(1)))
    return out


def scheme_name(name, ftype, overloaded):
    return 'careleaver_' + (ftype + '_' + name if name in overloaded else name)


def check_scheme(functions):
    """Lines naming each C function whose symbol is not the scheme's name."""
    symbols = collections.defaultdict(set)
    for name, _, sym in functions:
        symbols[name].add(sym)
    overloaded = {n for n, s in symbols.items() if len(s) > 1}
    return ['careleaver.%s(%s...): %s, not %s' % (n, t, s, scheme_name(n, t, overloaded))
            for n, t, s in functions if s != scheme_name(n, t, overloaded)]


# The check recognises a name out of the scheme (each of these is one).
probe = c_functions("""
CREATE FUNCTION careleaver.birthday(d date, age integer) RETURNS date AS 'MODULE_PATHNAME', 'cl_sql_birthday' LANGUAGE C;
CREATE FUNCTION careleaver.label(careleaver.legal_status) RETURNS text AS 'MODULE_PATHNAME', 'careleaver_label' LANGUAGE C;
CREATE FUNCTION careleaver.label(code text) RETURNS text AS 'MODULE_PATHNAME', 'careleaver_text_label' LANGUAGE C;
CREATE FUNCTION careleaver.km_at(careleaver.survival, integer) RETURNS float8 AS 'MODULE_PATHNAME', 'km_at' LANGUAGE C;
""")
ok(len(check_scheme(probe)) == 3, 'the check finds names out of the scheme (cl_sql_*, an overload without its type, bare)',
   '\n'.join(check_scheme(probe)))

ok(os.path.exists(INSTALL) and os.path.exists(LIBRARY), 'the install script and the library are built',
   'run make first')
install = c_functions(open(INSTALL).read())
ok(len(install) > 300, 'the install script creates %d C functions' % len(install))
bad = check_scheme(install)
ok(not bad, 'every C function of the install script is named careleaver_<SQL name> (typed when overloaded)',
   '\n'.join(bad))

nm = subprocess.run(['nm', '-D', '--defined-only', LIBRARY], capture_output=True, text=True).stdout
defined = set(re.findall(r'\bpg_finfo_(\w+)', nm))
ok(len(defined) > 300, 'the library defines %d entry points' % len(defined))
named = {s for _, _, s in install}
missing = sorted(named - defined)
ok(not missing, 'every symbol of the install script is in the library', ' '.join(missing))
for path in RELEASES:
    released = {s for _, _, s in c_functions(open(path).read())}
    missing = sorted(released - defined)
    ok(not missing, 'every symbol named by %s is still in the library (%d)'
       % (os.path.relpath(path, ROOT), len(released)), ' '.join(missing))
    named |= released
# The update script (built from extension/updates/ and the install script) may create C functions
# through format() templates such as 'careleaver_%2$s_hash_text': every symbol it names, template
# or not, is in the scheme's namespace.
UPDATE = os.path.join(ROOT, 'extension', 'careleaver--%s--%s.sql' % (
    re.search(r'PREV_VERSION\s*=\s*(\S+)', open(os.path.join(ROOT, 'Makefile')).read()).group(1), VERSION))
update_symbols = re.findall(r"'MODULE_PATHNAME',\s*'([\w%$]+)'", open(UPDATE).read()) if os.path.exists(UPDATE) else []
off = sorted({s for s in update_symbols if not s.startswith('careleaver_')})
ok(update_symbols and not off, 'every symbol (or symbol template) of the update script starts with careleaver_ (%d)'
   % len(update_symbols), ' '.join(off))
unused = sorted(defined - named)
ok(not unused, 'every entry point of the library is named by the install script or a release', ' '.join(unused))
done()
