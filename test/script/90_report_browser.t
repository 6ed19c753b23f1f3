#!/usr/bin/env bash
# The council report in a real browser: careleaver.report_html renders in headless
# Chromium, its five SVG charts are in the DOM, a screenshot is taken, the page asks
# for nothing from the network, and every count from 1 to 5 in its care-leaver table is
# shown as c.  Needs PGHOST/PGPORT of a cluster with careleaver installable (scripts/run-tests).
set -uo pipefail
cd "$(dirname "$0")/../.."

n=0
failed=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; }

echo "1..12"
work=$(mktemp -d /tmp/careleaver-report.XXXXXX)
chmod 755 "$work"
db=careleaver_report_t
cleanup() {
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
  if [ -n "${REPORT_SCREENSHOT_DIR:-}" ]; then mkdir -p "$REPORT_SCREENSHOT_DIR"; cp "$work"/report.* "$REPORT_SCREENSHOT_DIR"/ 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
psql -X -q -d $db -v ON_ERROR_STOP=1 -c "CREATE EXTENSION careleaver" -f test/script/report_fixture.sql \
  >"$work/fixture.log" 2>&1
ok $? "a small council is loaded (test/script/report_fixture.sql)"

psql -X -At -d $db -v ON_ERROR_STOP=1 -c "SELECT careleaver.report_html('report_test', '999', 2024)" \
  -o "$work/report.html" 2>"$work/report.err"
ok $? "careleaver.report_html returns the page"
head -c 15 "$work/report.html" | grep -q '^<!DOCTYPE html>'
ok $? "the page is an HTML document"

# self-contained: no script, no external resource of any kind
! grep -Eiq '<script|<link|<img|<iframe|src=|url\(|@import' "$work/report.html"
ok $? "the page has no script, link, image, frame or url()"
! grep -Eo 'https?://[^"'"'"' )]*' "$work/report.html" | grep -vq '^http://www.w3.org/2000/svg$'
ok $? "the only URL in the page is the SVG namespace"

chrome_flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --host-resolver-rules="MAP * ~NOTFOUND")
command -v chromium >/dev/null
ok $? "chromium is installed (scripts/setup-deps installs it)"

timeout 120 chromium "${chrome_flags[@]}" --user-data-dir="$work/profile-dom" --dump-dom \
  "file://$work/report.html" >"$work/dom.html" 2>"$work/chromium-dom.log"
ok $? "headless Chromium renders the page (--dump-dom)"

charts=$(grep -o '<svg[^>]*class="chart"[^>]*id="chart-[a-z-]*"' "$work/dom.html" | grep -o 'chart-[a-z-]*"' | sort -u | tr -d '"' | tr '\n' ' ')
[ "$charts" = "chart-outcomes-by-age chart-outcomes-over-years chart-return-home chart-stability chart-sufficiency-backtest " ]
ok $? "the rendered DOM holds the five SVG charts (the sufficiency backtest too) (got: $charts)"

grep -q 'Care leavers by age' "$work/dom.html" && grep -q '<polyline' "$work/dom.html"
ok $? "the rendered DOM has the care-leaver section and drawn lines"

timeout 120 chromium "${chrome_flags[@]}" --user-data-dir="$work/profile-shot" --window-size=1200,2600 \
  --screenshot="$work/report.png" "file://$work/report.html" >"$work/chromium-shot.log" 2>&1
size=$(stat -c %s "$work/report.png" 2>/dev/null || echo 0)
[ "$size" -gt 30000 ]
ok $? "a screenshot is taken ($size bytes)"
python3 - "$work/report.png" <<'PY'
import struct, sys
with open(sys.argv[1], 'rb') as f:
    head = f.read(24)
ok = head[:8] == b'\x89PNG\r\n\x1a\n' and struct.unpack('>II', head[16:24]) == (1200, 2600)
sys.exit(0 if ok else 1)
PY
ok $? "the screenshot is a 1200 x 2600 PNG"

# Disclosure control on the page: every count 1..5 of the year's care-leaver table is c.
psql -X -At -d $db -c "SELECT count(*) FROM careleaver.create_reports('report_test')" >/dev/null
psql -X -At -F, -d $db -c "SELECT age, care_leavers, in_touch, eet, neet, suitable, unsuitable
                            FROM report_test.care_leavers_by_age WHERE la = '999' AND collection_year = 2024
                            ORDER BY age" >"$work/raw.csv"
python3 - "$work/dom.html" "$work/raw.csv" <<'PY'
import sys
from html.parser import HTMLParser

class Rows(HTMLParser):
    def __init__(self):
        super().__init__(); self.in_section = False; self.rows = []; self.cell = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'section': self.in_section = a.get('id') == 'care-leavers'
        if self.in_section and tag == 'tr': self.rows.append([])
        if self.in_section and tag in ('td', 'th') and self.rows: self.cell = ''
    def handle_endtag(self, tag):
        if tag in ('td', 'th') and self.cell is not None and self.rows:
            self.rows[-1].append(self.cell.strip()); self.cell = None
    def handle_data(self, data):
        if self.cell is not None: self.cell += data

p = Rows(); p.feed(open(sys.argv[1]).read())
page = {r[0]: r for r in p.rows[1:] if r}
bad = checked = 0
for line in open(sys.argv[2]):
    age, leavers, in_touch, eet, neet, suitable, unsuitable = [int(x) for x in line.strip().split(',')]
    r = page.get(str(age))
    if r is None:
        bad += 1; continue
    # page columns: age, leavers, in touch, %, eet, %, neet, %, suitable, %, unsuitable
    for raw, shown in ((leavers, r[1]), (in_touch, r[2]), (eet, r[4]), (neet, r[6]), (suitable, r[8]), (unsuitable, r[10])):
        checked += 1
        if 1 <= raw <= 5 and shown != 'c': bad += 1
        if shown != 'c' and shown != str(raw): bad += 1
print(f"# checked {checked} cells, {bad} wrong", file=sys.stderr)
sys.exit(0 if bad == 0 and checked > 0 else 1)
PY
ok $? "every care-leaver count from 1 to 5 on the page is c, and every shown count is the true one"

exit $((failed > 0))
