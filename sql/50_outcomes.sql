-- Outcome metrics (doc/outcomes.md): exact output of the set-returning and
-- row functions, and every error message.
SET search_path = public, careleaver;
SET datestyle = ISO;
SET intervalstyle = postgres;
\pset null '(null)'
-- returns home: home 2020-06-01, back 2020-09-15 (106 days); home 2022-01-10, nothing after
SELECT * FROM careleaver.returns_home(
  '{2020-01-10/2020-06-01 S C2 U1 E4A; 2020-09-15/2022-01-10 S C2 U1 E4B}', '2022-06-30');
-- exits with every column, born 2006-05-10
SELECT * FROM careleaver.exits(
  '{2020-01-10/2020-06-01 S C2 U1 E4A; 2023-01-01/2024-05-10 S C2 U1 E8; 2024-06-01/ S C2 U1}', '2006-05-10', '2025-03-31');
SELECT * FROM careleaver.stability('{2021-01-01/2022-06-01 S C2 U1 X1; 2022-06-01/ P C2 U2}', '2012-01-01', 2024);
SELECT * FROM careleaver.cfsr_indicators('{2023-06-01/2023-09-09 S C2 U1 E4A}', '2010-01-01', 2024, '2024-05-31');
SELECT * FROM careleaver.leaver_outcome('REFU', NULL, 'V2');
SELECT * FROM careleaver.collection_year_birthday('2030-01-01', 2024);
-- errors
SELECT careleaver.reentered_within('{}', '2023-06-01', '1 day 02:00', '2024-05-31');
SELECT careleaver.reentered_within('{}', '2023-06-01', '-12 months', '2024-05-31');
SELECT careleaver.reentered_within('{}', '2023-06-01', '101 years', '2024-05-31');
SELECT careleaver.stability_short_term('{}', 10001);
SELECT * FROM careleaver.returns_home('{}', '-infinity');
-- the largest dates a history holds (doc/history.md, "Limits"): collection year 10000 and
-- evaluation dates after 31 March 10000 (infinity included) read as that day, never an error
SELECT careleaver.stability_short_term('{}', 10000);
SELECT * FROM careleaver.returns_home('{9999-12-01/9999-12-31 S C2 U4 E4A}', 'infinity');
SELECT * FROM careleaver.stability('{9999-12-01/ S C2 U4}', '9990-01-01', 10000);
SELECT careleaver.days_looked_after('{9999-12-01/ S C2 U4}', '9999-12-01', '20000-01-01');
SELECT * FROM careleaver.exits('{9999-12-01/ S C2 U4}', '9990-01-01', make_date(10000, 3, 31));
SELECT careleaver.cfsr_placement_moves('{9999-12-01/ S C2 U4; 9999-12-20/ P C2 U1}', '9990-01-01', 10000, 'infinity');
-- exact duplicates count once (issue 11.5)
SELECT * FROM careleaver.stability('{2018-04-01/ S C2 U4; 2018-04-01/ S C2 U4; 2018-04-01/ S C2 U4}', '2005-01-01', 2019);
SELECT careleaver.placements_in_window('{2018-04-01/ S C2 U4; 2018-04-01/ S C2 U4}', '2018-04-01', '2019-04-01'),
       careleaver.placement_moves('{2018-04-01/ S C2 U4; 2018-04-01/ S C2 U4}', '2018-04-01', '2019-04-01'),
       careleaver.moves_per_1000_days('{2018-04-01/ S C2 U4; 2018-04-01/ S C2 U4}', '2018-04-01', '2019-04-01');
SELECT careleaver.in_leaver_cohort('{}', '2006-05-10', 2024, 26);
SELECT * FROM careleaver.leaver_outcomes('public', 2024);
