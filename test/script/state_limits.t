#!/usr/bin/env bash
# Bounded states (issue 12.5): every aggregate state stops at its documented maximum with
# SQLSTATE 54000 (program_limit_exceeded), a detail naming the limit and a hint, and the
# backend lives on (the next query of the same session works, the server did not restart).
# The limits are reached in a test-only build (make CARELEAVER_TEST_LIMITS=1 divides every
# limit of extension/core/state_limits.h by 1000) installed in its own private cluster
# (scripts/pgtmp.sh), built from a copy of this tree so the tree's own build is untouched.
# Also: pg_cancel_backend stops a long km_agg.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

n=0
failed=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; }
bail() { echo "Bail out! $*"; exit 1; }

echo "1..26"
src=$(mktemp -d /tmp/careleaver-limits.XXXXXX)
tar -C "$root" --exclude=.git --exclude='*.o' --exclude='*.bc' --exclude='*.so' --exclude=results-regress \
    --exclude=test/unit/build --exclude=test/fuzz/build -cf - . | tar -C "$src" -xf - || bail "cannot copy the tree"
cd "$src"
export CARELEAVER_TEST_LIMITS=1    # for the build and for pgtmp_install's make install
make -s >"$src/build.log" 2>&1 || { sed 's/^/# /' "$src/build.log"; bail "test-limits build failed"; }
. scripts/pgtmp.sh
pgtmp_start >/dev/null 2>&1 || bail "cannot start the private cluster"
trap 'pgtmp_stop_all; rm -rf "$src"' EXIT
psql -X -q -c "CREATE EXTENSION careleaver" || bail "cannot create the extension"

# Runs SQL in one session: a failing statement, then the same session's backend pid and the
# server's start time.  Prints "SQLSTATE|message|detail|hint" of the error, then "alive" when
# the session went on in the same backend of the same server.
run_limit() {
  psql -X -q -At -v VERBOSITY=verbose <<SQL 2>&1
\\set ON_ERROR_STOP 0
SELECT pg_backend_pid() AS pid, pg_postmaster_start_time() AS started \\gset
$1
\\echo sqlstate=:LAST_ERROR_SQLSTATE|:LAST_ERROR_MESSAGE
SELECT 'alive' WHERE pg_backend_pid() = :pid AND pg_postmaster_start_time() = :'started';
SQL
}

check_limit() {   # description, SQL, expected detail substring
  local out
  out=$(run_limit "$2")
  echo "$out" | grep -q "^sqlstate=54000|" && echo "$out" | grep -q "DETAIL:.*$3" && echo "$out" | grep -q "HINT:" \
    && echo "$out" | grep -qx alive
  local rc=$?
  ok $rc "$1: 54000 with the limit in the detail and a hint, backend alive"
  [ $rc -eq 0 ] || echo "$out" | sed 's/^/#   /'
}

check_fits() {    # description, SQL returning t
  local out
  out=$(psql -X -q -At -c "$2" 2>&1)
  [ "$out" = t ]
  ok $? "$1"
  [ "$out" = t ] || echo "$out" | sed 's/^/#   /'
}

# ---- care_history: 10,000 episodes in the test build (10,000,000 in a normal one)
check_fits "care_history_agg holds exactly the maximum (10,000 episodes)" \
  "SELECT careleaver.episode_count(careleaver.care_history_agg(DATE '2000-01-01' + g, NULL, 'S', 'C2', 'U1', NULL)) = 10000
     FROM generate_series(1, 10000) g"
check_limit "care_history_agg of 10,001 episodes" \
  "SELECT careleaver.care_history_agg(DATE '2000-01-01' + g, NULL, 'S', 'C2', 'U1', NULL) FROM generate_series(1, 10001) g;" \
  "at most 10000 episodes"
check_limit "care_history_agg, 9-argument form" \
  "SELECT careleaver.care_history_agg(DATE '2000-01-01' + g, NULL, 'S', 'C2', 'U1', NULL, NULL, NULL, NULL) FROM generate_series(1, 20000) g;" \
  "at most 10000 episodes"
check_fits "care_history_merge of 5,000 + 5,000 episodes holds the maximum" \
  "SELECT careleaver.episode_count(careleaver.care_history_merge(h)) = 10000 FROM
     (SELECT careleaver.care_history_agg(DATE '2000-01-01' + g, NULL, 'S', 'C2', 'U1', NULL) h
        FROM generate_series(1, 10000) g GROUP BY g % 2) s"
check_limit "care_history_merge past the maximum" \
  "SELECT careleaver.care_history_merge(h) FROM
     (SELECT careleaver.care_history_agg(DATE '2000-01-01' + g, NULL, 'S', 'C2', 'U1', NULL) h
        FROM generate_series(1, 10001) g GROUP BY g % 2) s;" \
  "at most 10000 episodes"
check_limit "care_history text input of 10,001 episodes" \
  "SELECT ('{' || string_agg((DATE '2000-01-01' + g)::text || '/ S C2 U1', '; ' ORDER BY g) || '}')::careleaver.care_history
     FROM generate_series(1, 10001) g;" \
  "at most 10000 episodes"
check_fits "care_history text input of 10,000 episodes and missing_decom reads" \
  "SELECT careleaver.episode_count(('{' || string_agg((DATE '2000-01-01' + g)::text || '/ S C2 U1', '; ' ORDER BY g)
                                   || '; missing_decom=3}')::careleaver.care_history) = 10000 FROM generate_series(1, 10000) g"

# ---- survival and competing_risks: 1,000 distinct (day, cause) entries in the test build (1,000,000)
check_fits "km_agg holds exactly the maximum (1,000 distinct days), however many rows" \
  "SELECT careleaver.km_n(careleaver.km_agg(g % 1000, true)) = 50000 FROM generate_series(1, 50000) g"
check_limit "km_agg over 1,001 distinct days" \
  "SELECT careleaver.km_agg(g, true) FROM generate_series(1, 1001) g;" "at most 1000 distinct"
check_limit "km_agg over many distinct days (the state stops growing at the limit)" \
  "SELECT careleaver.km_agg(g, g % 2 = 0) FROM generate_series(1, 200000) g;" "at most 1000 distinct"
check_limit "cif_agg over 1,001 distinct (day, cause) pairs" \
  "SELECT careleaver.cif_agg(g / 7, g % 7) FROM generate_series(0, 1000) g;" "at most 1000 distinct"
check_fits "km_merge of two values sharing their 1,000 days stays within the limit" \
  "SELECT careleaver.km_n(careleaver.km_merge(v)) = 2000 FROM
     (SELECT careleaver.km_agg(g % 1000, true) v FROM generate_series(1, 2000) g GROUP BY g % 2) s"
check_limit "km_merge of two values with 600 different days each" \
  "SELECT careleaver.km_merge(v) FROM
     (SELECT careleaver.km_agg(g, true) v FROM generate_series(1, 1200) g GROUP BY g % 2) s;" "at most 1000 distinct"
check_limit "survival text input of 1,001 days" \
  "SELECT ('{' || string_agg(g || ':1/0', ',' ORDER BY g) || '}')::careleaver.survival FROM generate_series(1, 1001) g;" \
  "at most 1000 distinct"
check_limit "km_merge past 2147483647 subjects" \
  "SELECT careleaver.km_merge(v) FROM (VALUES ('{0:2147483647/0}'::careleaver.survival), ('{1:1/0}')) x(v);" \
  "at most 2147483647 subjects"

# ---- transition_matrix: a cell counts at most 9223372036854775807 young people (any build)
check_limit "transition_matrix_merge past the largest cell count" \
  "SELECT careleaver.transition_matrix_merge(v) FROM
     (VALUES ('{19:EET->NEET=9223372036854775807}'::careleaver.transition_matrix), ('{19:EET->NEET=1}')) x(v);" \
  "at most 9223372036854775807 young people"

# ---- cin_journey: 100 events in the test build (100,000 in a normal one)
check_fits "cin_journey_agg holds exactly the maximum (100 events)" \
  "SELECT array_length(string_to_array(careleaver.cin_journey_agg('S ' || (DATE '2000-01-01' + g))::text, ';'), 1) = 100
     FROM generate_series(1, 100) g"
check_limit "cin_journey_agg of 101 events" \
  "SELECT careleaver.cin_journey_agg('S ' || (DATE '2000-01-01' + g)) FROM generate_series(1, 101) g;" \
  "at most 100 events"
check_limit "cin_journey text input of 101 events" \
  "SELECT ('{' || string_agg('S ' || (DATE '2000-01-01' + g), '; ') || '}')::careleaver.cin_journey
     FROM generate_series(1, 101) g;" \
  "at most 100 events"

# ---- the same limits under a parallel plan (partial states combined in the leader)
psql -X -q -c "CREATE TABLE rows_1 AS SELECT g FROM generate_series(1, 30000) g; ANALYZE rows_1" >/dev/null 2>&1
plan=$(psql -X -At -c "SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
  EXPLAIN SELECT careleaver.care_history_agg(DATE '2000-01-01' + g, NULL, 'S', 'C2', 'U1', NULL) FROM rows_1" 2>&1)
echo "$plan" | grep -q "Partial Aggregate"
ok $? "the plan below is parallel (Partial Aggregate)"
check_limit "care_history_agg in a parallel plan" \
  "SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
   SELECT careleaver.care_history_agg(DATE '2000-01-01' + g, NULL, 'S', 'C2', 'U1', NULL) FROM rows_1;" \
  "at most 10000 episodes"
check_limit "km_agg in a parallel plan" \
  "SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
   SELECT careleaver.km_agg(g, true) FROM rows_1;" "at most 1000 distinct"

# ---- the documented limits are in the COMMENTs of the aggregates
missing=$(psql -X -At -c "SELECT string_agg(p.proname, ', ') FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
                          WHERE p.pronamespace = 'careleaver'::regnamespace
                            AND obj_description(p.oid, 'pg_proc') NOT LIKE '%Limit:%'" 2>&1)
[ -z "$missing" ]
ok $? "every aggregate's COMMENT states its limit (missing: ${missing:-none})"

# ---- pg_cancel_backend stops a long km_agg (cross join: about 10^10 rows)
psql -X -q -c "SELECT careleaver.km_agg((a * 7 + b) % 400, b % 3 = 0)
               FROM generate_series(1, 100000) a, generate_series(1, 100000) b" >"$src/cancel.out" 2>&1 &
qpid=$!
running=""
for _ in $(seq 1 60); do
  running=$(psql -X -At -c "SELECT pid FROM pg_stat_activity WHERE query LIKE 'SELECT careleaver.km_agg((a * 7%' AND state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid() LIMIT 1")
  [ -n "$running" ] && break
  sleep 0.5
done
[ -n "$running" ]
ok $? "a long km_agg is running (backend $running)"
sleep 1
psql -X -At -c "SELECT pg_cancel_backend($running)" >/dev/null
ended=1
for _ in $(seq 1 120); do
  if ! kill -0 $qpid 2>/dev/null; then ended=0; break; fi
  sleep 0.5
done
[ $ended -eq 0 ] && grep -q "canceling statement due to user request" "$src/cancel.out"
ok $? "pg_cancel_backend ends it with 57014 (canceling statement)"
[ $ended -eq 0 ] || kill $qpid 2>/dev/null
alive=$(psql -X -At -c "SELECT count(*) FROM pg_stat_activity WHERE pid = $running" 2>&1)
[ "$alive" = 0 ] || [ "$alive" = 1 ]
ok $? "the server still answers after the cancel"

[ "$failed" -eq 0 ] || sed "s/^/# cancel: /" "$src/cancel.out"
exit $((failed > 0))
