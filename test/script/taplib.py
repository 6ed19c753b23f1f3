"""A minimal TAP producer shared by the Python script tests (run by prove)."""
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
