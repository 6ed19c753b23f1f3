#!/usr/bin/env bash
# careleaver.leaver_status against an independent pure-SQL implementation of
# metrics.md 4 (bench/history/status.sql) on 20,000 synthetic young people
# (bench/history/generate.sql), at three dates: they must agree on every one.
# Needs PGHOST/PGPORT (scripts/run-tests).
set -uo pipefail
cd "$(dirname "$0")/../.."

n=0
failed=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; }

echo "1..5"
db=careleaver_hist_sql
cleanup() { psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1; }
trap cleanup EXIT
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
psql -X -q -d $db -v ON_ERROR_STOP=1 -c "CREATE EXTENSION careleaver" -v children=20000 \
  -f bench/history/generate.sql >/dev/null 2>&1
ok $? "20,000 synthetic young people generated"

for at in 2024-03-31 2021-03-31 2019-11-30; do
  out=$(psql -X -At -d $db -v ON_ERROR_STOP=1 -v at=$at -f bench/history/status.sql -c "
    SELECT count(*) FILTER (WHERE c.status::text IS DISTINCT FROM s.status) || ' ' ||
           count(*) FILTER (WHERE c.status IS NOT NULL)
      FROM (SELECT child, careleaver.leaver_status(careleaver.care_history_agg(decom, dec, rne, ls, place, rec), dob, '$at') AS status
              FROM bench_episodes GROUP BY child, dob) c
      FULL JOIN bench_status_sql s USING (child)" 2>&1 | tail -n 1)
  bad=${out% *}; some=${out#* }
  [ "$bad" = 0 ] && [ "${some:-0}" -gt 500 ] 2>/dev/null
  ok $? "on $at: C and SQL agree on every young person ($out: disagreements, statuses)"
done

kinds=$(psql -X -At -d $db -c "
  SELECT count(DISTINCT d.defect) FROM (SELECT careleaver.care_history_agg(decom, dec, rne, ls, place, rec) AS h
                                          FROM bench_episodes GROUP BY child) x,
         careleaver.history_defects(x.h) d
   WHERE d.defect IN ('duplicate', 'missing_decom', 'x1_no_continuation', 'continued_after_exit')" 2>&1)
[ "$kinds" = 4 ]
ok $? "the data hold duplicates, rows without DECOM, X1 with no continuation and continued periods ($kinds of 4 kinds)"
[ "$failed" -eq 0 ]
