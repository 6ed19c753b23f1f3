#!/usr/bin/env bash
# Property test (issue 11.5): every value the aggregates return reads back through its type's
# input function, as text and through binary send/recv (COPY BINARY), unchanged.  The inputs are
# random rows from a fixed seed plus extreme values: dates 0001-01-01 and 9999-12-31, durations 0
# and 2147483647, counts at their documented maxima (saturating ones summed past them).
# Needs PGHOST/PGPORT (scripts/run-tests).
set -uo pipefail
cd "$(dirname "$0")/../.."

n=0
failed=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; }

tables="ch sv cr lt tm codes"
echo "1..$((2 + 4 * 5 + 1))"
db=careleaver_round_trip
work=$(mktemp -d /tmp/careleaver-roundtrip.XXXXXX)
chmod 777 "$work"
cleanup() {
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
psql -X -q -d $db -v ON_ERROR_STOP=1 >"$work/build.log" 2>&1 <<'SQL'
CREATE EXTENSION careleaver;
SET search_path = public, careleaver;
SELECT setseed(0.20261207);

-- Random episode rows: 250 children, any order, some without DECOM or DEC, codes drawn from
-- every code list (NULL now and then), dates spread over 1990-2030.
CREATE TABLE ep AS
WITH c AS (
  SELECT list_name, array_agg(code ORDER BY code) AS codes FROM careleaver.code_list GROUP BY list_name),
  pick AS (
  SELECT g,
         (SELECT codes FROM c WHERE list_name = 'new_episode_reason') AS rne,
         (SELECT codes FROM c WHERE list_name = 'legal_status') AS ls,
         (SELECT codes FROM c WHERE list_name = 'placement_type') AS place,
         (SELECT codes FROM c WHERE list_name = 'ceased_reason') AS rec,
         (SELECT codes FROM c WHERE list_name = 'need_category') AS cin,
         (SELECT codes FROM c WHERE list_name = 'placement_provider') AS prov,
         (SELECT codes FROM c WHERE list_name = 'placement_change_reason') AS rpc,
         DATE '1990-01-01' + (random() * 14600)::int AS d
    FROM generate_series(1, 4000) g)
SELECT g % 250 AS child,
       CASE WHEN random() < 0.03 THEN NULL ELSE d END AS decom,
       CASE WHEN random() < 0.25 THEN NULL ELSE d + (random() * 500)::int - 30 END AS "dec",
       CASE WHEN random() < 0.1 THEN NULL ELSE rne[1 + (random() * (cardinality(rne) - 1))::int] END::new_episode_reason AS rne,
       CASE WHEN random() < 0.1 THEN NULL ELSE ls[1 + (random() * (cardinality(ls) - 1))::int] END::legal_status AS ls,
       CASE WHEN random() < 0.1 THEN NULL ELSE place[1 + (random() * (cardinality(place) - 1))::int] END::placement_type AS place,
       CASE WHEN random() < 0.3 THEN NULL ELSE rec[1 + (random() * (cardinality(rec) - 1))::int] END::ceased_reason AS rec,
       CASE WHEN random() < 0.3 THEN NULL ELSE cin[1 + (random() * (cardinality(cin) - 1))::int] END::need_category AS cin,
       CASE WHEN random() < 0.3 THEN NULL ELSE prov[1 + (random() * (cardinality(prov) - 1))::int] END::placement_provider AS prov,
       CASE WHEN random() < 0.5 THEN NULL ELSE rpc[1 + (random() * (cardinality(rpc) - 1))::int] END::placement_change_reason AS rpc
  FROM pick;
-- extremes: the first and last days a history holds, an exact duplicate, only rows without DECOM
INSERT INTO ep (child, decom, "dec", rne, ls, place, rec) VALUES
  (1000, '0001-01-01', '0001-01-02', 'S', 'C2', 'U1', 'E4A'), (1000, '9999-12-31', NULL, 'S', 'C2', 'U1', NULL),
  (1000, '9999-12-31', NULL, 'S', 'C2', 'U1', NULL), (1000, '9999-12-01', '9999-12-31', 'P', 'V3', 'U1', 'E8'),
  (1001, NULL, NULL, NULL, NULL, NULL, NULL), (1001, NULL, '2020-01-01', 'S', NULL, NULL, NULL);

CREATE TABLE ch (label text PRIMARY KEY, v careleaver.care_history);
INSERT INTO ch
SELECT 'agg9 ' || child, care_history_agg(decom, "dec", rne, ls, place, rec, cin, prov, rpc) FROM ep GROUP BY child;
INSERT INTO ch
SELECT 'agg6 ' || child, care_history_agg(decom, "dec", rne, ls, place, rec) FROM ep GROUP BY child;
INSERT INTO ch
SELECT 'merge ' || (child % 7), care_history_merge(h)
  FROM (SELECT child, care_history_agg(decom, "dec", rne, ls, place, rec, cin, prov, rpc) AS h
          FROM ep GROUP BY child) s GROUP BY child % 7;
-- the count of rows without DECOM summed past its maximum (saturates at 2147483647)
INSERT INTO ch
SELECT 'missing ' || m, care_history_merge(h)
  FROM (VALUES (999999999, '{missing_decom=999999999}'::care_history), (999999999, '{missing_decom=999999999}'),
               (2147483647, '{missing_decom=2147483647}'), (2147483647, '{2020-01-01/ S C2 U1; missing_decom=2147483647}'),
               (1, '{missing_decom=1}')) v(m, h)
 GROUP BY m;
INSERT INTO ch VALUES ('empty', '{}');

-- Survival states: random durations and causes, and the extremes of a day and of a cause.
CREATE TABLE obs AS
SELECT g % 9 AS grp, (random() * 4000)::int AS days, random() < 0.6 AS event, (random() * 6)::int AS cause
  FROM generate_series(1, 5000) g;
INSERT INTO obs VALUES (9, 0, true, 0), (9, 2147483647, false, 2147483647), (9, 2147483647, true, 1), (9, 0, false, 5);
CREATE TABLE sv (label text PRIMARY KEY, v careleaver.survival);
INSERT INTO sv SELECT 'km ' || grp, km_agg(days, event) FROM obs GROUP BY grp;
INSERT INTO sv SELECT 'merge', km_merge(v) FROM sv;
INSERT INTO sv SELECT 'subjects at the maximum', km_merge(v)
  FROM (VALUES ('{0:2147483000/0}'::careleaver.survival), ('{0:600/46,2147483647:0/1}'::careleaver.survival)) x(v);
INSERT INTO sv SELECT 'no rows', km_agg(days, event) FROM obs WHERE false;
CREATE TABLE cr (label text PRIMARY KEY, v careleaver.competing_risks);
INSERT INTO cr SELECT 'cif ' || grp, cif_agg(days, cause) FROM obs GROUP BY grp;
INSERT INTO cr SELECT 'merge', cif_merge(v) FROM cr;
INSERT INTO cr SELECT 'no rows', cif_agg(days, cause) FROM obs WHERE false;

-- Trajectories: random OC3 records at ages 17 to 25, repeats and conflicting records included.
CREATE TABLE oc3 AS
WITH c AS (SELECT list_name, array_agg(code ORDER BY code) AS codes FROM careleaver.code_list GROUP BY list_name)
SELECT g % 300 AS child, 17 + (random() * 8)::int AS age,
       CASE WHEN random() < 0.1 THEN NULL ELSE t[1 + (random() * (cardinality(t) - 1))::int] END::contact_status AS in_touch,
       CASE WHEN random() < 0.1 THEN NULL ELSE a[1 + (random() * (cardinality(a) - 1))::int] END::leaver_activity AS activ,
       CASE WHEN random() < 0.1 THEN NULL ELSE m[1 + (random() * (cardinality(m) - 1))::int] END::leaver_accommodation AS accom
  FROM generate_series(1, 1500) g,
       LATERAL (SELECT (SELECT codes FROM c WHERE list_name = 'contact_status') AS t,
                       (SELECT codes FROM c WHERE list_name = 'leaver_activity') AS a,
                       (SELECT codes FROM c WHERE list_name = 'leaver_accommodation') AS m) k;
CREATE TABLE lt (label text PRIMARY KEY, v careleaver.leaver_trajectory);
INSERT INTO lt SELECT 'traj ' || child, leaver_trajectory_agg(age, in_touch, activ, accom) FROM oc3 GROUP BY child;
CREATE TABLE tm (label text PRIMARY KEY, v careleaver.transition_matrix);
INSERT INTO tm SELECT 'tm ' || (child % 5), transition_matrix_agg(t)
  FROM (SELECT child, leaver_trajectory_agg(age, in_touch, activ, accom) AS t FROM oc3 GROUP BY child) s
 GROUP BY child % 5;
INSERT INTO tm SELECT 'merge', transition_matrix_merge(v) FROM tm;
INSERT INTO tm SELECT 'cell at the maximum', transition_matrix_merge(v)
  FROM (VALUES ('{19:EET->NEET=9223372036854775806}'::careleaver.transition_matrix),
               ('{19:EET->NEET=1, 24:NEET->EET=9223372036854775807}')) x(v);
INSERT INTO tm SELECT 'no rows', transition_matrix_agg(NULL::leaver_trajectory) FROM oc3 WHERE false;

-- Every code of every code type (a value the episodes functions return).
CREATE TABLE codes (label text PRIMARY KEY, v text);
INSERT INTO codes SELECT list_name || ' ' || code, code FROM careleaver.code_list;
SQL
ok $? "random and extreme aggregate outputs are built (seed 0.20261207)"

counts=$(psql -X -At -d $db -c "SELECT (SELECT count(*) FROM ch) >= 500 AND (SELECT count(*) FROM sv) >= 10
  AND (SELECT count(*) FROM cr) >= 10 AND (SELECT count(*) FROM lt) >= 250 AND (SELECT count(*) FROM tm) >= 7
  AND (SELECT count(*) FROM codes) >= 100
  AND (SELECT v::text FROM ch WHERE label = 'missing 2147483647') = '{2020-01-01/ S C2 U1; missing_decom=2147483647}'
  AND (SELECT v::text FROM ch WHERE label = 'missing 999999999') = '{missing_decom=1999999998}'" 2>&1)
[ "$counts" = t ]
ok $? "the values cover every type, and the saturating counts reached 1999999998 and their maximum ($counts)"

type_of() {
  case $1 in
    ch) echo careleaver.care_history ;; sv) echo careleaver.survival ;; cr) echo careleaver.competing_risks ;;
    lt) echo careleaver.leaver_trajectory ;; tm) echo careleaver.transition_matrix ;;
  esac
}

for t in $tables; do
  if [ "$t" = codes ]; then
    # each code through the input and output functions of its own type
    q="SELECT count(*) FROM $t WHERE careleaver_test_code_round_trip(label, v) IS NOT TRUE"
    psql -X -q -d $db -v ON_ERROR_STOP=1 >/dev/null 2>&1 <<'SQL'
CREATE FUNCTION careleaver_test_code_round_trip(label text, code text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE typ text := 'careleaver.' || split_part(label, ' ', 1); back text;
BEGIN
  EXECUTE format('SELECT ($1::%s)::text::%s::text', typ, typ) INTO back USING code;
  RETURN back = code;
END $$;
SQL
  else
    q="SELECT count(*) FROM $t WHERE v::text::$(type_of $t)::text IS DISTINCT FROM v::text"
  fi
  bad=$(psql -X -At -d $db -c "$q" 2>&1)
  [ "$bad" = 0 ]
  ok $? "$t: every output reads back through the input function as the same value (bad: $bad)"
  [ "$t" = codes ] && continue     # plain text: nothing more to send and receive

  # text COPY out and in, binary COPY out and in (send/recv), then compare
  psql -X -q -d $db -v ON_ERROR_STOP=1 >"$work/$t.copy.log" 2>&1 <<SQL
CREATE TABLE ${t}_text (LIKE $t);
CREATE TABLE ${t}_bin (LIKE $t);
\copy $t TO '$work/$t.txt'
\copy ${t}_text FROM '$work/$t.txt'
\copy $t TO '$work/$t.bin' (FORMAT binary)
\copy ${t}_bin FROM '$work/$t.bin' (FORMAT binary)
SQL
  ok $? "$t: COPY out and back in, text and binary (send/recv), without an error"
  for form in text bin; do
    bad=$(psql -X -At -d $db -c "SELECT count(*) FROM $t a FULL JOIN ${t}_$form b USING (label)
                                  WHERE a.v::text IS DISTINCT FROM b.v::text" 2>&1)
    [ "$bad" = 0 ]
    ok $? "$t: the values read back from $form COPY are unchanged (bad: $bad)"
  done
done

[ "$failed" -eq 0 ] || sed 's/^/# /' "$work/build.log"
exit $((failed > 0))
