-- Sufficiency (doc/sufficiency.md): the flow model counted on children worked by hand, merging councils'
-- models, the projection's determinism, limits and scenarios, spend, coverage, and the issue's acceptance on
-- a synthetic dataset (stationary dynamics): projected totals within 5%, groups within 10%, intervals.
BEGIN;
SET LOCAL search_path = public, careleaver;
SELECT plan(23);

SELECT careleaver.create_dataset('sf');
INSERT INTO sf.header (la, child, sex, dob) VALUES
  ('A', 'a1', '1', '2010-05-15'), ('A', 'a2', '2', '2015-01-10'), ('B', 'b1', '1', '2004-03-01');
INSERT INTO sf.episodes (la, child, decom, rne, ls, place, "dec", rec) VALUES
  -- a1: with relatives from 10 Nov 2020, other foster care from 20 Jan 2021, home (E4A) on 10 Feb 2021
  ('A', 'a1', '2020-11-10', 'S', 'C2', 'U1', '2021-01-20', 'X1'),
  ('A', 'a1', '2021-01-20', 'P', 'C2', 'U4', '2021-02-10', 'E4A'),
  -- a2: in a children's home since 2019, aged 5 and 6 in the window
  ('A', 'a2', '2019-01-01', 'S', 'C2', 'K2', NULL, NULL),
  -- b1: in supported accommodation, 16 in the window, 17 on 1 March 2021
  ('B', 'b1', '2018-06-01', 'S', 'C2', 'H5', NULL, NULL),
  -- b2, b3: no date of birth: left out (b3's dates make council B's data reach the 2020-21 year)
  ('B', 'b2', '2019-06-01', 'S', 'C2', 'U4', NULL, NULL),
  ('B', 'b3', '2020-12-01', 'S', 'C2', 'U4', '2021-01-15', 'E8');

-- window: the 4 months to 28 February 2021 (snapshots on 28 October, 28 November, ..., 28 February)
SELECT results_eq(
  $$SELECT age_band, from_group, destination, children, child_months
      FROM careleaver.flow_model_moves(careleaver.dataset_flow_model('sf', 'A', '2021-02-28', 4))
     ORDER BY 1, 2, 3$$,
  $$VALUES ('10 to 15 years', 'Foster care with relatives or friends', 'Foster care with relatives or friends', 1::bigint, 2::bigint),
           ('10 to 15 years', 'Foster care with relatives or friends', 'Other foster care', 1, 2),
           ('10 to 15 years', 'Other foster care', 'Returned home', 1, 1),
           ('5 to 9 years', 'Residential and children''s homes', 'Residential and children''s homes', 4, 4)$$,
  'council A''s moves: a1 stays, moves, goes home; a2 stays four months');
SELECT results_eq(
  $$SELECT age, placement_group, entries FROM careleaver.flow_model_entries(careleaver.dataset_flow_model('sf', 'A', '2021-02-28', 4))$$,
  $$VALUES (10, 'Foster care with relatives or friends', 1::bigint)$$,
  'one entry: a1 at 10, with relatives, in November');
SELECT results_eq(
  $$SELECT age_band, placement_group, children FROM careleaver.flow_model_stock(careleaver.dataset_flow_model('sf', NULL, '2021-02-28', 4)) ORDER BY 1$$,
  $$VALUES ('16 years and over', 'Semi-independent and supported accommodation', 1::bigint),
           ('5 to 9 years', 'Residential and children''s homes', 1::bigint)$$,
  'the stock on 28 February: a2 and b1; a1 went home; b2 has no date of birth');
SELECT is(
  (SELECT careleaver.flow_model_merge(m)::text FROM (VALUES (careleaver.dataset_flow_model('sf', 'A', '2021-02-28', 4)),
                                                      (careleaver.dataset_flow_model('sf', 'B', '2021-02-28', 4))) v(m)),
  careleaver.dataset_flow_model('sf', NULL, '2021-02-28', 4)::text,
  'the merged models of councils A and B equal the model of their union');
SELECT is(careleaver.dataset_flow_model('sf', NULL, '2021-02-28', 4)::text::careleaver.flow_model::text,
          careleaver.dataset_flow_model('sf', NULL, '2021-02-28', 4)::text, 'a model reads back through its input function');
SELECT throws_ok($$SELECT careleaver.flow_model_merge(m) FROM (VALUES (careleaver.dataset_flow_model('sf', 'A', '2021-02-28', 4)),
                                                                  (careleaver.dataset_flow_model('sf', 'B', '2021-01-31', 4))) v(m)$$,
                 '22023', NULL, 'models of different windows do not merge');
SELECT throws_ok($$SELECT careleaver.dataset_flow_model('sf', 'A', '2021-04-30', 4)$$, '22023',
                 'the loaded returns of council A do not cover the reference window 2020-12-30 to 2021-04-30',
                 'a window past the data''s coverage is refused, naming the council');
SELECT throws_ok($$SELECT '{start 2021-02-28; months 4; moves 0 0 9 1; entries; stock; monthly}'::careleaver.flow_model$$,
                 '22P02', NULL, 'a destination index past the last is refused by the input function');
SELECT is(careleaver.flow_placement_group(h, '2021-01-20'), 'Other foster care', 'flow_placement_group on the day of a move')
  FROM (SELECT careleaver.care_history_agg(decom, "dec", rne, ls, place, rec) h FROM sf.episodes WHERE child = 'a1') x;
SELECT is(careleaver.flow_age_band('2004-03-01', '2022-03-01'), NULL, 'no age band from the 18th birthday');

-- the projection
SELECT is((SELECT count(*)::int FROM careleaver.project_looked_after('sf', NULL, '2021-02-28', 12, 4)), 12 * 36,
          'one row per month, age band (and All ages) and placement group (and All placements)');
SELECT ok((SELECT array_agg(projected ORDER BY month, age_band, placement_group) FROM careleaver.project_looked_after('sf', NULL, '2021-02-28', 12, 4, seed => 5))
          = (SELECT array_agg(projected ORDER BY month, age_band, placement_group) FROM careleaver.project_looked_after('sf', NULL, '2021-02-28', 12, 4, seed => 5)),
          'the same seed gives the same projection');
SELECT throws_ok($$SELECT * FROM careleaver.flow_project(careleaver.dataset_flow_model('sf', NULL, '2021-02-28', 4), 241)$$,
                 '54000', 'a projection covers 1 to 240 months, not 241', 'the horizon limit');
SELECT throws_ok($$SELECT * FROM careleaver.flow_project(careleaver.dataset_flow_model('sf', NULL, '2021-02-28', 4), 12,
                   adjust_kind => '{more}', adjust_age_band => '{NULL}', adjust_group => '{NULL}', adjust_factor => '{2}')$$,
                 '22023', 'unknown adjustment "more"', 'an unknown adjustment is refused');

-- ================================================================ acceptance on a synthetic dataset
SELECT lives_ok($$SELECT * FROM careleaver.generate_synthetic('sfsyn', 20000, 7, 2)$$, 'two synthetic councils');
CREATE TEMP TABLE bt AS SELECT 'pooled'::text AS scope, b.* FROM careleaver.backtest_looked_after('sfsyn', NULL, '2021-03-31', 36, 36) b
  WHERE b.month = '2024-03-31';
INSERT INTO bt SELECT 'one council', b.* FROM careleaver.backtest_looked_after('sfsyn', (SELECT min(la) FROM sfsyn.header), '2021-03-31', 36, 36) b
  WHERE b.month = '2024-03-31';
SELECT ok(abs(projected - actual) < 0.05 * actual, format('%s: projected total on 31 March 2024 %s within 5%% of the %s looked after', scope, projected, actual))
  FROM bt WHERE placement_group = 'All placements' ORDER BY scope;
SELECT is((SELECT string_agg(scope || ': ' || placement_group || ' ' || projected || ' vs ' || actual, '; ')
             FROM bt WHERE abs(projected - actual) >= 0.10 * actual), NULL,
          'every placement group within 10% of what happened, pooled and for one council');
SELECT ok(within_interval AND upper95 - lower95 < actual / 2.0,
          format('%s: the 95%% interval %s to %s holds the actual total and is narrower than half of it', scope, lower95, upper95))
  FROM bt WHERE placement_group = 'All placements' ORDER BY scope;

-- scenarios and spend
CREATE TEMP TABLE baseline AS SELECT * FROM careleaver.project_looked_after('sfsyn', NULL, '2021-03-31', 36, 36) WHERE month = '2024-03-31';
INSERT INTO sfsyn.sufficiency_scenarios (scenario, adjustment, age_band, placement_group, factor, note) VALUES
  ('more kinship', 'moves_to', NULL, 'Foster care with relatives or friends', 1.5, 'half as many again into kinship care'),
  ('fewer teenage entries', 'entries', '10 to 15 years', NULL, 0.8, '20% fewer entries at 10 to 15');
SELECT ok((SELECT projected FROM careleaver.project_looked_after('sfsyn', NULL, '2021-03-31', 36, 36, 'more kinship')
            WHERE month = '2024-03-31' AND age_band = 'All ages' AND placement_group = 'Foster care with relatives or friends')
        > (SELECT upper95 FROM baseline WHERE age_band = 'All ages' AND placement_group = 'Foster care with relatives or friends'),
          'more kinship placements: kinship care above the baseline''s interval in three years');
SELECT ok((SELECT projected FROM careleaver.project_looked_after('sfsyn', NULL, '2021-03-31', 36, 36, 'fewer teenage entries')
            WHERE month = '2024-03-31' AND age_band = '10 to 15 years' AND placement_group = 'All placements')
        < (SELECT projected FROM baseline WHERE age_band = '10 to 15 years' AND placement_group = 'All placements'),
          'fewer entries at 10 to 15: fewer children of that age looked after');
INSERT INTO sfsyn.placement_costs (placement_group, weekly_cost) VALUES
  ('Foster care with relatives or friends', 300), ('Other foster care', 700), ('Residential and children''s homes', 5000),
  ('Semi-independent and supported accommodation', 1500), ('Other placements', 1000);
SELECT ok(abs(s.spend - p.projected * c.weekly_cost * 31 / 7) <= c.weekly_cost * 31 / 7 * 0.05 + 1,
          'spend in March 2024 on residential homes: children x weekly cost x 31 / 7')
  FROM careleaver.project_spend('sfsyn', NULL, '2021-03-31', 36) s
  JOIN baseline p USING (month, placement_group)
  JOIN sfsyn.placement_costs c USING (placement_group)
 WHERE s.month = '2024-03-31' AND p.age_band = 'All ages' AND s.placement_group = 'Residential and children''s homes';

SELECT * FROM finish();
ROLLBACK;
