#!/usr/bin/env bash
# Regional hub over real servers (issues 8 and 18, doc/regional-hub.md): three council clusters,
# each with its own synthetic data (test/script/hub_data.sql) and a strict export schema
# (create_council_export) read by a role hub_reader granted only USAGE on council_export and SELECT
# on its views, attached to a hub database in the main throwaway cluster (PGHOST/PGPORT from
# scripts/run-tests) through postgres_fdw.  The pooled figures must equal, row for row, the same
# computation on one database holding all three councils' rows; hub_reader must be refused the
# child-level tables (42501); a council whose server is down must give an error naming it, and with
# allow_incomplete a report of the others marked incomplete.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
. scripts/pgtmp.sh

CHILDREN=${HUB_TEST_CHILDREN:-800}
n=0
failed=0
ok() {   # ok CONDITION-STATUS NAME [DIAGNOSTIC]
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else
    failed=$((failed + 1)); echo "not ok $n - $2"
    [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/#   /'
  fi
}
is() {   # is GOT WANT NAME (two empty results are a failed query, not agreement)
  if [ "$1" == "$2" ] && [ -n "$1" ]; then ok 0 "$3"; else ok 1 "$3" "got:      $(printf '%s' "$1" | head -c 2000)
expected: $(printf '%s' "$2" | head -c 2000)"; fi
}
bail() { echo "Bail out! $*"; exit 1; }

# The council clusters live in a directory of their own, stopped and removed at exit, also on
# failure; the main cluster (PGHOST/PGPORT) belongs to scripts/run-tests.
if [ -z "${PGTMP_INST_BINDIR:-}" ] || [ -z "${PGHOST:-}" ]; then
  bail "run through scripts/run-tests (needs PGTMP_INST_BINDIR, PGHOST, PGPORT)"
fi
PGTMP_DIR=$(mktemp -d /tmp/careleaver-hub.XXXXXX)
chmod 755 "$PGTMP_DIR"
PGTMP_CLUSTERS=""
trap pgtmp_stop_all EXIT
export PGUSER=${PGUSER:-postgres}

HUB=careleaver_hub_t
SINGLE=careleaver_hub_single_t
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }   # q [conn options] -c SQL
hub() { q -d "$HUB" -c "$1"; }
single() { q -d "$SINGLE" -c "$1"; }

declare -a HOSTS PORTS LAS
for i in 1 2 3; do
  pgtmp_start_cluster "council$i" || bail "cannot start council cluster $i"
  HOSTS[$i]=$PGTMP_LAST_HOST; PORTS[$i]=$PGTMP_LAST_PORT; LAS[$i]="E0600000$i"
  council() { q -h "${HOSTS[$1]}" -p "${PORTS[$1]}" -d postgres "${@:2}"; }
  council "$i" -c "CREATE EXTENSION careleaver" || bail "CREATE EXTENSION on council $i"
  council "$i" -v la="${LAS[$i]}" -v children="$CHILDREN" -v seed="0.$i" -f "$ROOT/test/script/hub_data.sql" \
    >/dev/null || bail "synthetic data for council $i"
  # strict mode: the council DBA's three lines (doc/regional-hub.md)
  council "$i" -c "SELECT careleaver.create_council_export('council')" \
    -c "CREATE ROLE hub_reader LOGIN" \
    -c "GRANT USAGE ON SCHEMA council_export TO hub_reader" \
    -c "GRANT SELECT ON ALL TABLES IN SCHEMA council_export TO hub_reader" >/dev/null || bail "export of council $i"
done
council() { q -h "${HOSTS[$1]}" -p "${PORTS[$1]}" -d postgres "${@:2}"; }

# One database with all three councils' rows, copied from the councils.
PGOPTIONS="-c client_min_messages=warning" q -d postgres -c "DROP DATABASE IF EXISTS $SINGLE" -c "DROP DATABASE IF EXISTS $HUB" -c "CREATE DATABASE $SINGLE" \
  -c "CREATE DATABASE $HUB" || bail "cannot create the databases"
single "CREATE EXTENSION careleaver; SELECT careleaver.create_dataset('council')" >/dev/null
for i in 1 2 3; do
  for t in header episodes oc3; do
    council "$i" -c "COPY council.$t TO STDOUT" | q -d "$SINGLE" -c "COPY council.$t FROM STDIN" \
      || bail "copy of council $i $t"
  done
done
# the reference reads the opt-in child-level views (strict => false) of the single database
single "SELECT careleaver.create_council_export('council', strict => false)" >/dev/null
ok $? "single database with the three councils' rows"

# ---------------------------------------------------------------- attach
hub "CREATE EXTENSION careleaver" || bail "CREATE EXTENSION in the hub"
out=$(hub "SELECT careleaver.hub_attach_council('hub', 'E1', 's1', 'h', 1, 'd', 'council')" 2>&1)
ok $([[ $out == *'needs the postgres_fdw extension'* ]]; echo $?) "attaching without postgres_fdw says what to install" "$out"
hub "CREATE EXTENSION postgres_fdw; SELECT careleaver.create_hub('hub'); SELECT careleaver.create_hub('hub')" >/dev/null
ok $? "create_hub twice (idempotent)"
is "$(hub "SELECT string_agg(c.relname, ' ' ORDER BY c.relname) FROM pg_class c JOIN pg_partitioned_table p ON p.partrelid = c.oid WHERE c.relnamespace = 'hub'::regnamespace")" \
   "$(hub "SELECT string_agg(t, ' ' ORDER BY t) FROM (SELECT table_name FROM careleaver.hub_pooled_tables() UNION ALL SELECT view_name FROM hub.pooled_reports WHERE pooling <> 'published') x(t)")" \
   "hub tables are partitioned (by la): states, counts and reporting views, no child-level table"
is "$(hub "SELECT count(*) FROM pg_class WHERE relnamespace = 'hub'::regnamespace AND relname IN ('header', 'episodes', 'oc3', 'pool_exits')")" "0" \
   "the hub has no child-level table"

for i in 1 2 3; do
  hub "SELECT careleaver.hub_attach_council('hub', '${LAS[$i]}', 'council_$i', '${HOSTS[$i]}', ${PORTS[$i]}, 'postgres', 'council', 'hub_reader')" >/dev/null
  ok $? "attach council ${LAS[$i]} as hub_reader, holding only the export grants (server on a unix socket)"
done
is "$(hub "SELECT string_agg(srvname || ':' || array_to_string(srvoptions, ','), ' ' ORDER BY srvname) FROM pg_foreign_server" | sed -E 's/host=[^,]*,port=[0-9]*,//g')" \
   "council_1:dbname=postgres,extensions=careleaver,async_capable=true,fetch_size=10000,application_name=careleaver hub hub council_2:dbname=postgres,extensions=careleaver,async_capable=true,fetch_size=10000,application_name=careleaver hub hub council_3:dbname=postgres,extensions=careleaver,async_capable=true,fetch_size=10000,application_name=careleaver hub hub" \
   "foreign servers ship careleaver and are async capable"
is "$(hub "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE c.relkind = 'f' AND c.relnamespace = 'hub'::regnamespace")" \
   "$(hub "SELECT 3 * count(*) FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid WHERE c.relnamespace = 'hub'::regnamespace")" \
   "one foreign partition per council and pooled table"
is "$(hub "SELECT string_agg(DISTINCT o, ' ') FROM pg_foreign_table, unnest(ftoptions) o WHERE o LIKE 'schema_name=%'")" \
   "schema_name=council_export" "every foreign partition reads the councils' export schema"

out=$(hub "SELECT careleaver.hub_attach_council('hub', '${LAS[1]}', 'council_9', '${HOSTS[1]}', ${PORTS[1]}, 'postgres', 'council', 'hub_reader')" 2>&1)
ok $([[ $out == *"council ${LAS[1]} is already attached"* ]]; echo $?) "a council cannot be attached twice" "$out"
council 1 -c "CREATE DATABASE noext" >/dev/null
out=$(hub "SELECT careleaver.hub_attach_council('hub', 'E09', 'council_noext', '${HOSTS[1]}', ${PORTS[1]}, 'noext', 'council')" 2>&1)
ok $([[ $out == *'council E09 (foreign server "council_noext") does not have the careleaver extension'* ]]; echo $?) \
   "a council database without careleaver is refused, naming it" "$out"
is "$(hub "SELECT count(*) FROM pg_foreign_server WHERE srvname = 'council_noext'")" "0" "a refused attach leaves nothing behind"
out=$(hub "SELECT careleaver.hub_attach_council('hub', 'E08', 'council_wrong', '${HOSTS[2]}', ${PORTS[2]}, 'postgres', 'council', 'hub_reader')" 2>&1)
ok $([[ $out == *'council_export.council_counts on the server of council E08 holds'*'rows of other councils'* ]]; echo $?) \
   "a council schema holding another council's rows is refused" "$out"

# ---------------------------------------------------------------- strict: what the hub's role may read
for i in 1 2 3; do
  is "$(council "$i" -c "SELECT string_agg(DISTINCT n.nspname, ' ') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE has_table_privilege('hub_reader', c.oid, 'SELECT') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'careleaver')") $(council "$i" -c "SELECT has_schema_privilege('hub_reader', 'council', 'USAGE')")" \
     "council_export f" "council $i: hub_reader reads only council_export (beside the catalogues), no USAGE on the dataset schema"
  for t in header episodes; do
    out=$(q -h "${HOSTS[$i]}" -p "${PORTS[$i]}" -d postgres -U hub_reader -v VERBOSITY=verbose -c "SELECT count(*) FROM council.$t" 2>&1)
    ok $([[ $out == *'ERROR:  42501:'* ]]; echo $?) "council $i: hub_reader's SELECT on council.$t fails with permission denied (42501)" "$out"
  done
  is "$(council "$i" -c "SELECT coalesce(string_agg(table_name || '.' || column_name, ' '), 'none') FROM information_schema.columns
        WHERE table_schema = 'council_export' AND column_name ~* '^child(_id)?\$|upn|pseudonym' AND data_type NOT IN ('integer', 'bigint', 'numeric')")" "none" "council $i: no column of council_export names a child"
  # every view of council_export, read as hub_reader, has fewer rows than the council has children or periods
  views=$(council "$i" -c "SELECT string_agg(table_name, ' ') FROM information_schema.views WHERE table_schema = 'council_export'")
  most=0
  for v in $views; do
    r=$(q -h "${HOSTS[$i]}" -p "${PORTS[$i]}" -d postgres -U hub_reader -c "SELECT count(*) FROM council_export.$v") || r=999999999
    [ "$r" -gt "$most" ] && most=$r
  done
  fewest=$(council "$i" -c "SELECT least((SELECT count(*) FROM council.header), (SELECT sum(periods) FROM council_export.exit_states),
                                        (SELECT sum(returns_home) FROM council_export.reentry_states))")
  ok $([ "$most" -lt "$fewest" ]; echo $?) \
     "council $i: hub_reader reads all $(wc -w <<<"$views") export views, at most $most rows each (fewer than $fewest children, periods or returns)"
done
# the same refusal reaches the hub through a foreign table aimed at the dataset, with the SQLSTATE
out=$(q -d "$HUB" -v VERBOSITY=verbose -c "CREATE FOREIGN TABLE public.try_header (la text, child text) SERVER council_1 OPTIONS (schema_name 'council', table_name 'header')" \
      -c "SELECT count(*) FROM public.try_header" 2>&1)
ok $([[ $out == *'ERROR:  42501:'*'permission denied for schema council'* ]]; echo $?) \
   "from the hub, reading a council's header through its foreign server fails with permission denied (42501)" "$out"
hub "DROP FOREIGN TABLE IF EXISTS public.try_header" >/dev/null
plan=$(hub "EXPLAIN (VERBOSE, COSTS OFF) SELECT la, careleaver.km_merge(time_in_care) FROM hub.exit_states GROUP BY la")
is "$(grep -c -E 'Remote SQL: SELECT la, time_in_care FROM council_export\.exit_states' <<<"$plan")" "3" \
   "the pooled states read the councils' export views (one Remote SQL per council)"

# ---------------------------------------------------------------- pooled = single database
pooled_eq() {   # pooled_eq NAME HUB-SQL SINGLE-SQL
  local a b
  a=$(hub "$2" 2>&1); b=$(single "$3" 2>&1)
  if [ -n "$a" ] && [[ $a != *ERROR:* ]] && [ "$a" == "$b" ]; then ok 0 "$1 ($(wc -l <<<"$a") rows)"; else
    ok 1 "$1" "$(diff <(echo "$a") <(echo "$b") | head -20)"; fi
}
pooled_eq "counts: children, episodes, periods of care" \
  "SELECT children, episodes, careleaver.km_n(time_in_care) FROM hub.pooled_states" \
  "SELECT (SELECT count(*) FROM council.header), (SELECT count(*) FROM council.episodes), (SELECT count(*) FROM council_export.pool_exits)"
pooled_eq "Kaplan-Meier time in care (km_table), row for row" \
  "SELECT days, at_risk, events, censored, survival, lower95, upper95 FROM hub.pooled_time_in_care" \
  "SELECT * FROM careleaver.km_table((SELECT careleaver.km_agg(duration_days, cause <> 0) FROM council_export.pool_exits))"
pooled_eq "cumulative incidence of each exit (cif_table), row for row" \
  "SELECT days, cause, incidence, lower95, upper95 FROM hub.pooled_exit_incidence" \
  "SELECT * FROM careleaver.cif_table((SELECT careleaver.cif_agg(duration_days, cause) FROM council_export.pool_exits)) ORDER BY days, cause"
pooled_eq "re-entry after a return home (km_table), row for row" \
  "SELECT days, at_risk, events, censored, survival, lower95, upper95 FROM hub.pooled_reentry" \
  "SELECT * FROM careleaver.km_table((SELECT careleaver.km_agg(follow_up_days, reentered) FROM council_export.pool_returns_home))"
pooled_eq "care leavers' transitions (transition_table), row for row" \
  "SELECT from_age, to_age, from_state, to_state, young_people, share FROM hub.pooled_transitions" \
  "SELECT * FROM careleaver.transition_table((SELECT careleaver.transition_matrix_agg(trajectory) FROM council_export.pool_trajectories))"
pooled_eq "median time in care and states, as text" \
  "SELECT careleaver.km_median(time_in_care), exits, reentry FROM hub.pooled_states" \
  "SELECT careleaver.km_median(careleaver.km_agg(duration_days, cause <> 0)), careleaver.cif_agg(duration_days, cause), (SELECT careleaver.km_agg(follow_up_days, reentered) FROM council_export.pool_returns_home) FROM council_export.pool_exits"
pooled_eq "per-council states equal the single database grouped by la" \
  "SELECT la, children, exits, time_in_care, reentry, transitions FROM careleaver.hub_council_states('hub')" \
  "SELECT h.la, h.n, x.e, x.t, r.r, t.m FROM (SELECT la, count(*) n FROM council.header GROUP BY la) h
     JOIN (SELECT la, careleaver.cif_agg(duration_days, cause) e, careleaver.km_agg(duration_days, cause <> 0) t FROM council_export.pool_exits GROUP BY la) x USING (la)
     JOIN (SELECT la, careleaver.km_agg(follow_up_days, reentered) r FROM council_export.pool_returns_home GROUP BY la) r USING (la)
     JOIN (SELECT la, careleaver.transition_matrix_agg(trajectory) m FROM council_export.pool_trajectories GROUP BY la) t USING (la) ORDER BY la"
pooled_eq "the councils' reporting views through the hub, row for row" \
  "SELECT * FROM hub.looked_after_summary ORDER BY la, collection_year" \
  "SELECT * FROM council.looked_after_summary ORDER BY la, collection_year"
with_oc3=$(single "SELECT sum(care_leavers - no_information) FROM council.care_leavers_by_age")
ok $([[ $with_oc3 =~ ^[1-9][0-9]*$ ]]; echo $?) "the single database has care leavers with OC3 records ($with_oc3)"
is "$(hub "SELECT sum(care_leavers - no_information) FROM hub.pooled_care_leavers_by_age")" \
   "$with_oc3" "pooled care leavers with an OC3 record = all councils' care leavers with an OC3 record"
is "$(hub "SELECT count(DISTINCT la) FROM careleaver.hub_council_states('hub') WHERE children > 100")" "3" \
   "every council contributes"

# ---------------------------------------------------------------- pooled reporting views and published tables
# The reference: one dataset holding the three councils' rows as one council named as the hub ("hub"), so
# that its reporting views are the region's, computed over the children themselves.
single "SELECT careleaver.create_dataset('region');
  INSERT INTO region.header SELECT * FROM council.header; INSERT INTO region.episodes SELECT * FROM council.episodes;
  INSERT INTO region.oc3 SELECT * FROM council.oc3;
  UPDATE region.header SET la = 'hub'; UPDATE region.episodes SET la = 'hub'; UPDATE region.oc3 SET la = 'hub';
  SELECT careleaver.create_reports('region')" >/dev/null
ok $? "reference dataset: the three councils' children as one council"
is "$(hub "SELECT string_agg(view_name, ' ' ORDER BY view_name) FROM hub.pooled_reports WHERE pooling = 'published' AND view_name IN ('national_framework_published', 'care_leavers_by_age_published', 'placement_stability_published')")" \
   "care_leavers_by_age_published national_framework_published placement_stability_published" \
   "the hub publishes the Dashboard rows and the published tables of the pooled views"
cols_of() { single "SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'region.$1'::regclass AND attnum > 0 AND NOT attisdropped AND NOT attname = ANY ('{$2}'::text[])"; }
hidden_total=0
while IFS='|' read -r v pooling derived counts; do
  [ -n "$v" ] || continue
  if [ "$(single "SELECT count(*) FROM region.$v")" = 0 ]; then
    # the test's councils have no CIN returns, so the CIN views are empty: the pool must be empty too
    is "$(hub "SELECT count(*) FROM hub.pooled_$v")" "0" "pooled $v has no rows, as the reference (no data for it)"
  elif [ "$pooling" = published ]; then
    cols=$(cols_of "$v" "")
    a=$(hub "SELECT $cols, hidden_by_differencing FROM hub.pooled_$v ORDER BY $cols" 2>&1)
    b=$(single "SELECT $cols, NULL FROM region.$v ORDER BY $cols" 2>&1)
    verdict=$(python3 - "$a" "$b" <<'PY'
import re, sys
a, b = sys.argv[1].splitlines(), sys.argv[2].splitlines()
if not a or len(a) != len(b) or any('ERROR' in l for l in a + b):
    print('rows: %d pooled, %d reference' % (len(a), len(b))); sys.exit()
hidden = 0
for x, y in zip(a, b):
    xs, ys = x.split('|'), y.split('|')
    if xs[-1] == 't':
        hidden += 1
        if any(p != q and not (p == 'c' and re.match(r'^([-+]?[0-9]|k$)', q)) for p, q in zip(xs[:-1], ys[:-1])):
            print('hidden row differs beyond c: %s / %s' % (x, y)); sys.exit()
    elif xs[:-1] != ys[:-1]:
        print('differs: %s / %s' % (x, y)); sys.exit()
print('ok %d %d' % (len(a), hidden))
PY
)
    if [[ $verdict == ok* ]]; then
      read -r _ rows hid <<<"$verdict"; hidden_total=$((hidden_total + hid))
      ok 0 "pooled $v = the reference's, row for row ($rows rows; $hid hidden against differencing, their figures c)"
    else ok 1 "pooled $v = the reference's" "$verdict"; fi
  elif [ "$pooling" = counts ]; then
    # a view with a rate, average or median: its counts are added, per year (its other figures are not additive)
    year=$(single "SELECT attname FROM pg_attribute WHERE attrelid = 'region.$v'::regclass AND attname IN ('collection_year', 'entry_year') LIMIT 1")
    sums=$(single "SELECT string_agg(format('sum(%I)', c), ', ') FROM unnest('{$counts}'::text[]) c")
    pooled_eq "pooled $v = the reference's ($pooling: its counts added, per $year)" \
      "SELECT $year, $sums FROM hub.pooled_$v GROUP BY 1 ORDER BY 1" "SELECT $year, $sums FROM region.$v GROUP BY 1 ORDER BY 1"
  else
    cols=$(cols_of "$v" "$derived")
    pooled_eq "pooled $v = the reference's ($pooling), row for row" \
      "SELECT $cols FROM hub.pooled_$v ORDER BY $cols" "SELECT $cols FROM region.$v ORDER BY $cols"
  fi
done <<<"$(hub "SELECT view_name, pooling, array_to_string(derived_columns, ','), array_to_string(count_columns, ',') FROM hub.pooled_reports ORDER BY view_name")"
ok $([ "$hidden_total" -gt 0 ]; echo $?) "the hub hid $hidden_total pooled rows that differencing a council's published figures would reveal"
is "$(hub "SELECT count(*) FROM hub.pooled_national_framework WHERE councils <> 3")" "0" "every pooled Dashboard row pools the three councils"
is "$(hub "SELECT count(*) > 0 FROM hub.pooled_national_framework WHERE value IS NOT NULL")" "t" "pooled Dashboard rows have values"
pooled_eq "pooled flow model (flow_model_merge of the councils' exported models) = the reference's flow_model_agg" \
  "SELECT start_date, complete, model FROM hub.pooled_flow_model" \
  "SELECT DATE '2024-03-31', true, careleaver.dataset_flow_model('region', NULL, '2024-03-31', 36)"
is "$(hub "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_description d ON d.objoid = c.oid AND d.objsubid = 0
          WHERE n.nspname = 'hub' AND c.relkind IN ('v', 'p', 'r') AND d.description IS NULL")|$(hub "SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          LEFT JOIN pg_description d ON d.objoid = c.oid AND d.objsubid = a.attnum
          WHERE n.nspname = 'hub' AND c.relkind IN ('v', 'p', 'r') AND a.attnum > 0 AND NOT a.attisdropped AND d.description IS NULL")" \
   "0|0" "every table, view and column of the hub has a COMMENT"

# ---------------------------------------------------------------- detach and attach again
hub "SELECT careleaver.hub_detach_council('hub', '${LAS[3]}')" >/dev/null
is "$(hub "SELECT (SELECT count(*) FROM hub.councils) || ' ' || (SELECT count(*) FROM pg_foreign_server WHERE srvname = 'council_3') || ' ' || (SELECT count(*) FROM pg_class WHERE relname LIKE '%_$(echo "${LAS[3]}" | tr A-Z a-z)')")" \
   "2 0 0" "detach removes the council, its partitions and its server"
pooled_eq "after detaching a council, the pooled count is the other two" \
  "SELECT children FROM hub.pooled_states" "SELECT count(*) FROM council.header WHERE la <> '${LAS[3]}'"
# credentials are the DBA's: a server and user mapping made beforehand are kept as they are
is "$(hub "SELECT count(*) FROM pg_proc WHERE proname = 'hub_attach_council' AND array_to_string(proargnames, ' ') ~* 'pass'")" \
   "0" "hub_attach_council takes no password argument (credentials never pass through SQL text)"
hub "CREATE SERVER council_3 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '${HOSTS[3]}', port '${PORTS[3]}', dbname 'postgres', extensions 'careleaver');
     CREATE USER MAPPING FOR CURRENT_USER SERVER council_3 OPTIONS (user 'hub_reader', password 'set-by-the-dba')" >/dev/null
hub "SET client_min_messages = warning; SELECT careleaver.hub_attach_council('hub', '${LAS[3]}', 'council_3', '${HOSTS[3]}', ${PORTS[3]}, 'postgres', 'council')" >/dev/null
ok $? "attach again, through the server and user mapping the DBA made"
is "$(hub "SELECT array_to_string(umoptions, ',') FROM pg_user_mappings WHERE srvname = 'council_3'")" \
   "user=hub_reader,password=set-by-the-dba" "the DBA's user mapping is kept as it was"
is "$(hub "SELECT count(*) FROM pg_user_mappings WHERE srvname <> 'council_3' AND array_to_string(umoptions, ',') ~ 'password'")" \
   "0" "mappings made by hub_attach_council hold no password"

# ---------------------------------------------------------------- a council server down
pgtmp_as_owner "$PGTMP_INST_BINDIR/pg_ctl" -D "$PGTMP_DIR/council2/data" -m fast stop >/dev/null
out=$(hub "SELECT children FROM hub.pooled_states" 2>&1)
ok $([[ $out == *'cannot reach 1 of the 3 councils of hub "hub": '"${LAS[2]}"' (foreign server "council_2")'* ]]; echo $?) \
   "a council that is down is an error naming the council and its server" "$out"
ok $([[ $out == *'allow_incomplete => true'* ]]; echo $?) "the error hints at allow_incomplete" "$out"
out=$(hub "SELECT * FROM hub.pooled_time_in_care" 2>&1)
ok $([[ $out == *'ERROR:  cannot reach 1 of the 3 councils'* ]]; echo $?) "the pooled views give the error, never a smaller total" "$out"
out=$(hub "SET client_min_messages = warning; SELECT complete, missing_councils, councils, children FROM careleaver.hub_pooled_states('hub', allow_incomplete => true)" 2>&1)
want=$(single "SELECT 'f|{${LAS[2]}}|{${LAS[1]},${LAS[3]}}|' || count(*) FROM council.header WHERE la <> '${LAS[2]}'")
ok $([[ $out == *"$want"* ]]; echo $?) "allow_incomplete: the others, marked incomplete, listing the missing council" "$out"
ok $([[ $out == *'WARNING:  pooled figures of hub "hub" are incomplete: 1 of 3 councils missing: '"${LAS[2]}"* ]]; echo $?) \
   "allow_incomplete: a warning names the missing council" "$out"
pooled_eq "allow_incomplete: km_table of the two reachable councils, row for row" \
  "SET client_min_messages = error; SELECT days, at_risk, events, censored, survival, lower95, upper95 FROM careleaver.hub_pooled_time_in_care('hub', true) WHERE NOT complete" \
  "SELECT * FROM careleaver.km_table((SELECT careleaver.km_agg(duration_days, cause <> 0) FROM council_export.pool_exits WHERE la <> '${LAS[2]}'))"
is "$(hub "SET client_min_messages = error; SELECT la || ':' || reachable || ':' || (problem LIKE '%could not connect to server \"council_2\"%') FROM careleaver.hub_council_states('hub', true) WHERE NOT reachable")" \
   "${LAS[2]}:false:true" "hub_council_states says which council is unreachable and why"

out=$(hub "SELECT careleaver.hub_attach_council('hub', 'E05', 'council_5', '${HOSTS[2]}', ${PORTS[2]}, 'postgres', 'council')" 2>&1)
ok $([[ $out == *'cannot connect to the server of council E05 (foreign server "council_5"'*'could not connect to server'* ]]; echo $?) \
   "attaching a council whose server is down is an error naming it, with the connection error" "$out"

# ---------------------------------------------------------------- pseudonymised child key
out=$(hub "SELECT careleaver.pseudonymise_child('C1', 'E1', decode(repeat('ab', 32), 'hex'))" 2>&1)
ok $([[ $out == *'needs the pgcrypto extension'* ]]; echo $?) "pseudonymise_child without pgcrypto says what to install" "$out"
hub "CREATE SCHEMA crypto; CREATE EXTENSION pgcrypto SCHEMA crypto" >/dev/null
got=$(hub "SELECT careleaver.pseudonymise_child('C0042', '${LAS[1]}', decode(repeat('0123456789abcdef', 4), 'hex'))")
want=$(python3 -c "
import hmac, hashlib
la, child = '${LAS[1]}', 'C0042'
msg = 'careleaver-child-v1:%d:%s:%s' % (len(la), la, child)
print('p1_' + hmac.new(bytes.fromhex('0123456789abcdef' * 4), msg.encode(), hashlib.sha256).hexdigest())")
is "$got" "$want" "pseudonymise_child is HMAC-SHA256 (checked with Python's hmac), pgcrypto found in its own schema"
is "$(hub "SELECT count(DISTINCT careleaver.pseudonymise_child(c, l, s)) FROM (VALUES ('23', '1', decode(repeat('01', 32), 'hex')), ('3', '12', decode(repeat('01', 32), 'hex')), ('23', '1', decode(repeat('02', 32), 'hex')), ('23', '1', decode(repeat('01', 32), 'hex'))) v(c, l, s)")" \
   "3" "stable per secret; differs with the secret; council and child cannot be shifted into each other"
out=$(hub "SELECT careleaver.pseudonymise_child('C1', 'E1', 'password')" 2>&1)
ok $([[ $out == *'pseudonymisation secret is too short: 8 bytes'* ]]; echo $?) "a short secret is refused" "$out"

echo "1..$n"
[ "$failed" -eq 0 ]
