#!/usr/bin/env python3
# The repository is self-contained: no tracked file points at the research
# copies beside the checkout (so a clone runs `make test` on its own), and
# every vendored peer fixture under test/data keeps its provenance.
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import ok, done  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, 'test', 'data')
# Spelled in pieces so that this file does not match itself.
FORBIDDEN = [b'..' + b'/shared', b'/work' + b'/shared', b'CARELEAVER' + b'_SHARED']


def tracked_files():
    r = subprocess.run(['git', 'ls-files', '-z'], cwd=ROOT, capture_output=True)
    if r.returncode == 0 and r.stdout:
        return [p for p in r.stdout.decode('utf-8', 'surrogateescape').split('\0') if p]
    # Not a git checkout (e.g. an unpacked release): every file but build output.
    out = []
    for d, dirs, files in os.walk(ROOT):
        dirs[:] = [x for x in dirs if x not in ('.git', 'build', 'results-regress')]
        out += [os.path.relpath(os.path.join(d, f), ROOT) for f in files]
    return out


files = tracked_files()
ok(len(files) > 100, 'the file list is the repository (%d files)' % len(files))
hits = []
for rel in files:
    path = os.path.join(ROOT, rel)
    if not os.path.isfile(path):
        continue
    with open(path, 'rb') as f:
        for lineno, line in enumerate(f, 1):
            if any(p in line for p in FORBIDDEN):
                hits.append('%s:%d: %s' % (rel, lineno, line.decode('utf-8', 'replace').strip()[:160]))
ok(not hits, 'no tracked file refers to data outside the repository', '\n'.join(hits[:40]))

readme = open(os.path.join(DATA, 'README.md'), encoding='utf-8').read()
for name in sorted(os.listdir(DATA)):
    if not os.path.isdir(os.path.join(DATA, name)) or name == 'loader':
        continue   # loader/: hand-made fixtures
    ok(os.path.isfile(os.path.join(DATA, name, 'PROVENANCE.json')),
       'test/data/%s keeps its PROVENANCE.json' % name)
    ok('`%s/`' % name in readme, 'test/data/README.md states the source, commit and licence of %s' % name)
done()
