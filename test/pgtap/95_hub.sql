-- Regional hub pieces that need no second server (the servers are in test/script/95_hub.t):
-- the council export views on hand-worked data, create_hub's tables and the errors.
BEGIN;
SELECT plan(32);

SELECT careleaver.create_dataset('hubt_council');
-- Child A: in care 2020-01-01 to 2020-03-01 (60 days, 2020 is a leap year), returned home (E4A),
-- back in care 2020-03-11, still there at the end of the data (31 March 2020, the collection
-- year of the latest date).  Child B: adopted (E11) after one episode of 10 days.
INSERT INTO hubt_council.header (la, child, sex, dob) VALUES
  ('E1', 'A', '1', '2010-05-05'), ('E1', 'B', '2', '2015-01-01');
INSERT INTO hubt_council.episodes (la, child, decom, rne, ls, place, "dec", rec) VALUES
  ('E1', 'A', '2020-01-01', 'S', 'C2', 'U4', '2020-03-01', 'E4A'),
  ('E1', 'A', '2020-03-11', 'S', 'C2', 'U4', NULL, NULL),
  ('E1', 'B', '2019-06-01', 'S', 'C2', 'U4', '2019-06-11', 'E11');
INSERT INTO hubt_council.oc3 (la, child, year, dob, in_touch, activ, accom) VALUES
  ('E1', 'A', 2028, '2010-05-05', 'YES', 'F2', 'D1');

SELECT is((SELECT string_agg(v, ' ' ORDER BY v) FROM careleaver.create_council_export('hubt_council') v
            WHERE v NOT IN (SELECT view_name FROM careleaver.report_views)),
          'council_counts exit_states flow_states reentry_states transition_states',
          'create_council_export (strict by default) creates only the states and counts, in the export schema');
SELECT is((SELECT count(*)::int FROM pg_class c WHERE c.relnamespace = 'hubt_council_export'::regnamespace AND c.relkind = 'v'),
          (SELECT 5 + count(*)::int FROM careleaver.hub_report_pooling('hubt_council')),
          'the export schema holds the five state views and the poolable reporting views, nothing else');
SELECT is((SELECT string_agg(view_name || ':' || pooling, ' ' ORDER BY view_name) FROM careleaver.hub_report_pooling('hubt_council')
            WHERE view_name IN ('care_leavers_by_age', 'looked_after_summary', 'national_framework', 'coverage')),
          'care_leavers_by_age:sum looked_after_summary:counts national_framework:national_framework',
          'hub_report_pooling: counts only are added, a view with a rate keeps its counts, the Dashboard rows pool by their shape, a view without counts is not exported');
SELECT results_eq('SELECT la, children, episodes FROM hubt_council_export.council_counts',
  $$VALUES ('E1', 2::bigint, 3::bigint)$$, 'council_counts: children and episodes');
SELECT results_eq(
  'SELECT la, entry_year, periods, careleaver.km_n(time_in_care) FROM hubt_council_export.exit_states',
  $$VALUES ('E1', 2020, 3::bigint, 3)$$,
  'exit_states: one row per council and entry year, the three periods in its states');
SELECT results_eq(
  'SELECT la, return_year, returns_home FROM hubt_council_export.reentry_states',
  $$VALUES ('E1', 2020, 1::bigint)$$, 'reentry_states: one return home in 2019-20');
SELECT results_eq(
  'SELECT la, care_leavers FROM hubt_council_export.transition_states',
  $$VALUES ('E1', 1::bigint)$$, 'transition_states: one care leaver');
SELECT is((SELECT count(*)::int FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relnamespace = 'hubt_council_export'::regnamespace AND a.attnum > 0
              AND a.attname ~* '^child(_id)?$|upn|pseudonym'
              -- a count named after identifiers (cin_linkage.upn_conflict) holds no identifier
              AND a.atttypid NOT IN ('integer'::regtype, 'bigint'::regtype, 'numeric'::regtype)), 0,
          'no column of the export schema names a child');
SELECT is((SELECT count(*)::int FROM careleaver.create_council_export('hubt_council', strict => false) v
            WHERE v IN ('pool_exits', 'pool_returns_home', 'pool_trajectories')), 3,
          'strict => false (the DBA''s opt-in) adds the child-level export views');
SELECT results_eq(
  'SELECT la, entry_year, duration_days, cause, exit_route FROM hubt_council_export.pool_exits ORDER BY duration_days',
  $$VALUES ('E1', 2020, 10, 2, 'adopted'), ('E1', 2020, 21, 0, 'censored'), ('E1', 2020, 60, 1, 'returned home')$$,
  'pool_exits: one row per period, entry years 2019-20 (10 days adopted; 21 days open to 31 March 2020 inclusive; 60 days to a return home)');
SELECT results_eq(
  'SELECT la, return_year, follow_up_days, reentered FROM hubt_council_export.pool_returns_home',
  $$VALUES ('E1', 2020, 10, true)$$,
  'pool_returns_home: back in care 10 days after the return home');
SELECT results_eq(
  'SELECT la, careleaver.trajectory_state(trajectory, 17) FROM hubt_council_export.pool_trajectories',
  $$VALUES ('E1', 'EET')$$,
  'pool_trajectories: the OC3 record of 2028 is at 17 (birthday 5 May 2027)');
SELECT hasnt_column('hubt_council_export', 'pool_exits', 'child', 'the opt-in views have no child identifier');
SELECT lives_ok($$SELECT careleaver.create_council_export('hubt_council', data_end => '2020-03-20', strict => false)$$,
  'create_council_export again, with an explicit data_end');
SELECT results_eq('SELECT duration_days FROM hubt_council_export.pool_exits WHERE cause = 0',
  $$VALUES (10)$$, 'an explicit data_end censors there (11 to 20 March: 10 days)');
SELECT is((SELECT count(*)::int FROM careleaver.create_council_export('hubt_council') v WHERE v LIKE 'pool%'), 0,
          'strict again drops the opt-in views');
SELECT throws_ok($$SELECT careleaver.create_council_export('no_such_schema')$$, '42P01',
  'schema "no_such_schema" is not a careleaver dataset', 'create_council_export on a schema that is not a dataset');

SELECT lives_ok($$SELECT careleaver.create_hub('hubt_hub'); SELECT careleaver.create_hub('hubt_hub')$$,
  'create_hub is idempotent');
SELECT is((SELECT count(*)::int FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid
            WHERE c.relnamespace = 'hubt_hub'::regnamespace AND p.partstrat = 'l'),
          (SELECT count(*)::int FROM careleaver.hub_pooled_tables()) + (SELECT count(*)::int FROM careleaver.hub_report_pooling('hubt_council')),
          'one table partitioned by list per pooled state and reporting view');
SELECT is((SELECT string_agg(a.attname, ',' ORDER BY a.attnum) FROM pg_attribute a
            WHERE a.attrelid = 'hubt_hub.exit_states'::regclass AND a.attnum > 0 AND NOT a.attisdropped),
          (SELECT string_agg(a.attname, ',' ORDER BY a.attnum) FROM pg_attribute a
            WHERE a.attrelid = 'hubt_council_export.exit_states'::regclass AND a.attnum > 0 AND NOT a.attisdropped),
          'the hub''s exit_states have the columns of a council''s export view');
SELECT is((SELECT count(*)::int FROM pg_class c WHERE c.relnamespace = 'hubt_hub'::regnamespace
            AND c.relname IN ('header', 'episodes', 'oc3')), 0, 'the hub has no child-level table');
SELECT is((SELECT count(*)::int FROM hubt_hub.pooled_looked_after_summary), 0, 'pooled views over no council are empty');
SELECT results_eq($$SELECT councils, missing_councils, complete, children FROM careleaver.hub_pooled_states('hubt_hub')$$,
  $$VALUES ('{}'::text[], '{}'::text[], true, 0::bigint)$$, 'a hub without councils pools nothing, completely');
SELECT throws_ok($$SELECT careleaver.hub_detach_council('hubt_hub', 'E1')$$, '42704',
  'council E1 is not attached to hub "hubt_hub"', 'detaching a council that is not attached');
SELECT throws_ok($$SELECT careleaver.hub_council_states('public')$$, '42P01',
  'schema "public" is not a regional hub', 'pooling from a schema that is not a hub');
SELECT throws_ok($$SELECT careleaver.pseudonymise_child('A', 'E1', '\x00'::bytea)$$, '58P01',
  'careleaver.pseudonymise_child needs the pgcrypto extension', 'pseudonymise_child without pgcrypto');


-- Suppression against differencing, worked by hand: three councils' returns_home_reentry rows in
-- ordinary partitions (the foreign ones hold the same rows).  Threshold 5.
--   2024: returned home 100, 50 and 3.  Council E3 publishes c; the region's 153 less the published 100
--         and 50 is 3: the pooled row is hidden.
--   2023: 100, 50 and 10, all published: nothing to reveal, the pooled row is shown.
--   2022: 100, 4 and 3: E2 and E3 both publish c, but the region less E1 is 7, more than the threshold,
--         and no single council's 1 to 5 can be told: shown.
SELECT careleaver.create_hub('hubt_hub');
INSERT INTO hubt_hub.councils (la, server_name, remote_schema) VALUES ('E1', 's1', 'd'), ('E2', 's2', 'd'), ('E3', 's3', 'd');
CREATE TABLE hubt_hub.rr_e1 PARTITION OF hubt_hub.returns_home_reentry FOR VALUES IN ('E1');
CREATE TABLE hubt_hub.rr_e2 PARTITION OF hubt_hub.returns_home_reentry FOR VALUES IN ('E2');
CREATE TABLE hubt_hub.rr_e3 PARTITION OF hubt_hub.returns_home_reentry FOR VALUES IN ('E3');
INSERT INTO hubt_hub.returns_home_reentry (la, collection_year, returned_home, reentered_within_12_months, follow_up_incomplete, basis) VALUES
  ('E1', 2024, 100, 20, 0, 'complete follow-up'), ('E2', 2024, 50, 10, 0, 'complete follow-up'), ('E3', 2024, 3, 0, 0, 'complete follow-up'),
  ('E1', 2023, 100, 20, 0, 'complete follow-up'), ('E2', 2023, 50, 10, 0, 'complete follow-up'), ('E3', 2023, 10, 0, 0, 'complete follow-up'),
  ('E1', 2022, 100, 20, 0, 'complete follow-up'), ('E2', 2022, 4, 0, 0, 'complete follow-up'), ('E3', 2022, 3, 0, 0, 'complete follow-up');
SET LOCAL careleaver.suppression_threshold = 5;
SELECT results_eq($$SELECT la, returned_home FROM hubt_hub.returns_home_reentry_published WHERE collection_year = 2024 ORDER BY la$$,
  $$VALUES ('E1', '100'), ('E2', '50'), ('E3', 'c')$$, 'each council''s own published table, computed at the hub: E3 hides its 3');
SELECT results_eq($$SELECT collection_year, returned_home, reentered_within_12_months, hidden_by_differencing
                      FROM hubt_hub.pooled_returns_home_reentry_published ORDER BY collection_year$$,
  $$VALUES (2022, '107', '20', false), (2023, '160', '30', false), (2024, 'c', 'c', true)$$,
  'pooled: 2024 hidden (153 - 100 - 50 = 3 would reveal E3); 2023 and 2022 (the two small councils make 7) shown');
SELECT results_eq($$SELECT returned_home, councils FROM hubt_hub.pooled_returns_home_reentry WHERE collection_year = 2024$$,
  $$VALUES (153::bigint, 3)$$, 'the pooled counts themselves are the sums');
-- a year not every council reports is not pooled
INSERT INTO hubt_hub.returns_home_reentry (la, collection_year, returned_home, reentered_within_12_months, follow_up_incomplete, basis) VALUES
  ('E1', 2021, 100, 20, 0, 'complete follow-up');
SELECT is((SELECT count(*)::int FROM hubt_hub.pooled_returns_home_reentry WHERE collection_year = 2021), 0,
  'a year only some councils report is left out of the pooled view');
SELECT is(careleaver.hub_pooled_reason(ARRAY['E1', 'E2', 'E3'],
            ARRAY['2 of 40 12-month follow-ups are incomplete at the data''s end', NULL, '5 of 9 12-month follow-ups are incomplete at the data''s end'],
            ARRAY[40, 30, 9]::bigint[], 3),
          '7 of 79 12-month follow-ups are incomplete at the data''s end',
          'hub_pooled_reason adds "a of b" reasons out of the pooled denominator');
SELECT is(careleaver.hub_pooled_reason(ARRAY['E1', 'E2'], ARRAY['no uasc', NULL], ARRAY[1, 2]::bigint[], 2),
          'E1: no uasc', 'hub_pooled_reason names the council whose row is not available');

SELECT * FROM finish();
ROLLBACK;
