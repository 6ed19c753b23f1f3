#!/usr/bin/env bash
# `make install` as a DBA runs it (into a DESTDIR here, as scripts/pgtmp.sh does):
# the extension's files and the client tools land where pg_config says, and the
# installed tools work from there, away from the repository: --help of each,
# and careleaver-report writing a council's report as a complete HTML file
# (nothing of psql's table output in it) against the throwaway cluster
# (PGHOST/PGPORT from scripts/run-tests).
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PG_CONFIG=${PG_CONFIG:-pg_config}

n=0
failed=0
ok() {   # ok STATUS NAME [DIAGNOSTIC]
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else
    failed=$((failed + 1)); echo "not ok $n - $2"
    [ -n "${3:-}" ] && printf '%s\n' "$3" | head -n 40 | sed 's/^/#   /'
  fi
}

work=$(mktemp -d /tmp/careleaver-install.XXXXXX)
chmod 755 "$work"
db=careleaver_install_t
cleanup() {
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

make -s install DESTDIR="$work/inst" >"$work/install.log" 2>&1
ok $? "make install DESTDIR=... succeeds" "$(cat "$work/install.log")"
bindir=$work/inst$($PG_CONFIG --bindir)
extdir=$work/inst$($PG_CONFIG --sharedir)/extension
version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" careleaver.control)

missing=
for f in careleaver.control "careleaver--$version.sql" careleaver--0.1.0.sql "careleaver--0.1.0--$version.sql"; do
  [ -f "$extdir/$f" ] || missing="$missing $f"
done
[ -z "$missing" ]
ok $? "the control file, the $version install script, the frozen 0.1.0 script and the update script are installed" \
  "missing in $extdir:$missing"

for tool in careleaver-load careleaver-export careleaver-report; do
  [ -x "$bindir/$tool" ]
  ok $? "$tool is installed executable in \$(pg_config --bindir)"
  # From elsewhere, with the repository's scripts directory nowhere on PATH.
  out=$(cd / && PATH=/usr/bin:/bin "$bindir/$tool" --help 2>&1)
  st=$?
  [ $st -eq 0 ] && printf '%s' "$out" | head -n 1 | grep -q "^$tool: " && printf '%s' "$out" | grep -q -- '--dataset'
  ok $? "the installed $tool --help works from / (exit $st)" "$out"
  ! grep -qF "$ROOT" "$bindir/$tool"
  ok $? "the installed $tool does not refer to the source tree"
done

# The installed report tool against a small synthetic council.
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
la=$(psql -X -q -At -v ON_ERROR_STOP=1 -d $db -c "CREATE EXTENSION careleaver" \
  -c "SELECT la FROM careleaver.generate_synthetic('council', 1500, 7) ORDER BY la LIMIT 1" \
  -c "SELECT careleaver.create_reports('council')" 2>"$work/setup.err" | head -n 1)
[ -n "$la" ]
ok $? "a synthetic council is generated and its reports created" "$(cat "$work/setup.err")"

page=$work/out/report.html
mkdir -p "$work/out"
(cd / && "$bindir/careleaver-report" --dataset council --la "$la" --year 2026 -o "$page" \
  -h "$PGHOST" -p "$PGPORT" -d $db) >"$work/report.out" 2>&1
ok $? "careleaver-report --dataset council --la $la --year 2026 -o FILE exits 0" "$(cat "$work/report.out")"

python3 - "$page" >"$work/html.out" 2>&1 <<'PY'
import sys
from html.parser import HTMLParser

VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'}
# SVG shapes written as <path ... /> are self-closing: handle_startendtag.


class Check(HTMLParser):
    """Tags must nest and close, so a page cut short or with stray text fails."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.doctype, self.text_outside = [], [], None, []

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append('line %d: </%s> closes %s' % (self.getpos()[0], tag,
                                                             self.stack[-1] if self.stack else 'nothing'))
            return
        self.stack.pop()

    def handle_data(self, data):
        if not self.stack and data.strip():
            self.text_outside.append(data.strip()[:80])


raw = open(sys.argv[1], 'rb').read()
text = raw.decode('utf-8')          # fails on bytes that are not UTF-8
p = Check()
p.feed(text)
p.close()
problems = p.errors + ['unclosed <%s> from line %d' % (t, pos[0]) for t, pos in p.stack]
problems += ['text outside <html>: %r' % t for t in p.text_outside]
if (p.doctype or '').lower() != 'doctype html':
    problems.append('doctype is %r' % p.doctype)
print('\n'.join(problems))
sys.exit(1 if problems else 0)
PY
ok $? "the report parses as HTML: one doctype, every tag closed in order, no text outside <html>" \
  "$(cat "$work/html.out")"
head -c 15 "$page" | grep -qx '<!DOCTYPE html>'
ok $? "the file starts with <!DOCTYPE html>"
[ "$(tail -c 7 "$page")" = '</html>' ]
ok $? "the file ends with </html>" "ends with: $(tail -c 60 "$page")"
! grep -Eq '^ *report_html *$|^\([0-9]+ rows?\)$|^-+$' "$page"
ok $? "no psql column header, rule or row count in the file"
# The footer names the minute the page was made: masked on both sides.
mask_time() { sed -E 's/ on [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} / on TIME /g'; }
direct=$(psql -X -q -At -d $db -c "SELECT md5(regexp_replace(careleaver.report_html('council', '$la', 2026),
           ' on \d{4}-\d{2}-\d{2} \d{2}:\d{2} ', ' on TIME ', 'g'))")
filesum=$(mask_time <"$page" | md5sum | cut -d' ' -f1)
[ "$filesum" = "$direct" ]
ok $? "the file holds exactly the value of careleaver.report_html" \
  "md5 of the file $filesum ($(wc -c <"$page") bytes), of the value ${direct:-(none)}"

# Failures: a clear exit status, and no file (or a kept old one) left behind.
"$bindir/careleaver-report" --dataset nosuch --la "$la" --year 2026 -o "$work/out/none.html" -d $db \
  >"$work/err.out" 2>&1
st=$?
[ $st -eq 3 ] && [ ! -e "$work/out/none.html" ] && grep -q 'nosuch' "$work/err.out" &&
  [ -z "$(find "$work/out" -name '.careleaver-report.*')" ]
ok $? "a missing dataset: exit 3, the server's error shown, no file and no temporary file left (exit $st)" \
  "$(cat "$work/err.out")"
"$bindir/careleaver-report" --dataset council --la "$la" --year 26 -o "$work/out/bad.html" -d $db >/dev/null 2>&1
[ $? -eq 2 ] && [ ! -e "$work/out/bad.html" ]
ok $? "a year that is not a collection year: exit 2"
"$bindir/careleaver-report" --dataset council --la "$la" --year 2026 -o "$work/no/such/dir/r.html" -d $db \
  >"$work/err2.out" 2>&1
[ $? -eq 2 ]
ok $? "an output directory that does not exist: exit 2" "$(cat "$work/err2.out")"
out=$("$bindir/careleaver-report" --dataset council --la "$la" --year 2026 -o - -d $db | mask_time | md5sum | cut -d' ' -f1)
[ "$out" = "$direct" ]
ok $? "-o - writes the same page to stdout"

echo "1..$n"
[ $failed -eq 0 ]
