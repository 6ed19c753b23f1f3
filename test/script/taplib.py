"""A minimal TAP producer shared by the Python script tests (run by prove)."""
import subprocess
import sys

_count = 0
_failed = 0


def ok(cond, name, diag=None):
    """One test line; prints diag (any text) under a failure."""
    global _count, _failed
    _count += 1
    if not cond:
        _failed += 1
    print('%sok %d - %s' % ('' if cond else 'not ', _count, name))
    if not cond and diag:
        for line in str(diag).splitlines():
            print('#   ' + line)
    sys.stdout.flush()


def is_(got, want, name):
    ok(got == want, name, 'got: %r\nexpected: %r' % (got, want))


def done():
    """Prints the plan and exits non-zero when any test failed."""
    print('1..%d' % _count)
    sys.exit(1 if _failed else 0)


def psql_runner(default_db):
    """A psql(sql, db=default_db) that returns psql's unaligned, tuples-only output, or raises with its error."""
    def psql(sql, db=default_db):
        r = subprocess.run(['psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', db, '-c', sql],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError('psql failed: %s\n%s' % (sql, r.stderr))
        return r.stdout.strip()
    return psql
