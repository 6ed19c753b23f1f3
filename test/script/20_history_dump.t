#!/usr/bin/env bash
# care_history values survive pg_dump and restore (plain format, text COPY) and
# binary COPY, defects and the count of rows without DECOM included.  Needs PGHOST/PGPORT (scripts/run-tests).
set -uo pipefail
cd "$(dirname "$0")/../.."

n=0
failed=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; }

echo "1..6"
work=$(mktemp -d /tmp/careleaver-histdump.XXXXXX)
chmod 755 "$work"
src=careleaver_hist_src
dst=careleaver_hist_dst
cleanup() {
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $src" -c "DROP DATABASE IF EXISTS $dst" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $src" -c "DROP DATABASE IF EXISTS $dst" \
  -c "CREATE DATABASE $src" -c "CREATE DATABASE $dst" >/dev/null 2>&1
psql -X -q -d $src -v ON_ERROR_STOP=1 >"$work/src.log" 2>&1 <<'SQL'
CREATE EXTENSION careleaver;
SET search_path = public, careleaver;
CREATE TABLE ep (child int, decom date, dec date, rne new_episode_reason, ls legal_status,
                 place placement_type, rec ceased_reason, cin need_category,
                 provider placement_provider, rpc placement_change_reason);
INSERT INTO ep VALUES
  (1, '2019-04-01', '2019-06-03', 'S', 'C2', 'U4', 'X1', 'N1', 'PR1', NULL),
  (1, '2019-06-03', NULL, 'P', 'C2', 'K2', NULL, 'N1', 'PR2', 'CARPL'),
  (2, '2019-04-01', '2019-06-03', 'S', 'C2', 'U4', 'X1', NULL, NULL, NULL),   -- X1, then a gap
  (2, '2019-07-01', '2019-06-01', 'S', 'C2', 'U4', 'E8', NULL, NULL, NULL),   -- DEC before DECOM
  (2, '2019-08-01', '2019-09-01', 'S', 'V3', 'U4', 'E8', NULL, NULL, NULL),   -- short break
  (2, '2019-08-01', '2019-09-01', 'S', 'V3', 'U4', 'E8', NULL, NULL, NULL),   -- duplicate
  (2, NULL, '2019-01-01', 'S', 'C2', 'U4', 'E8', NULL, NULL, NULL),           -- no DECOM
  (3, '2020-01-01', '2020-02-01', 'S', 'C2', 'U1', 'E4A', NULL, NULL, NULL);
CREATE TABLE history AS
  SELECT child, care_history_agg(decom, dec, rne, ls, place, rec, cin, provider, rpc) AS h FROM ep GROUP BY child;
INSERT INTO history VALUES (4, '{}'), (5, '{missing_decom=3}'), (6, NULL);
SQL
ok $? "a table of histories with defects is built"

pg_dump -d $src -t history -f "$work/plain.sql" 2>"$work/dump.err"
ok $? "pg_dump (plain) succeeds"

psql -X -q -d $dst -v ON_ERROR_STOP=1 -c "CREATE EXTENSION careleaver" -f "$work/plain.sql" >"$work/restore.log" 2>&1
ok $? "the plain dump restores"

q="SELECT child, h::text, (SELECT string_agg(coalesce(episode_no::text, '-') || ':' || defect, ',' ORDER BY episode_no, defect)
                           FROM careleaver.history_defects(h)) FROM history ORDER BY child"
diff <(psql -X -At -d $src -c "$q") <(psql -X -At -d $dst -c "$q") >"$work/diff" 2>&1
ok $? "restored histories, defects included, equal the originals"

psql -X -q -d $src -v ON_ERROR_STOP=1 \
  -c "\\copy history TO '$work/history.bin' (FORMAT binary)" >/dev/null 2>"$work/copy.err" &&
  psql -X -q -d $dst -v ON_ERROR_STOP=1 -c "CREATE TABLE history_bin (LIKE history)" \
    -c "\\copy history_bin FROM '$work/history.bin' (FORMAT binary)" >/dev/null 2>>"$work/copy.err"
ok $? "binary COPY out and in"

diff <(psql -X -At -d $src -c "$q") <(psql -X -At -d $dst -c "${q//FROM history/FROM history_bin}") >"$work/diff2" 2>&1
ok $? "binary COPY round-trips every history"
[ "$failed" -eq 0 ]
