-- The calendar rules and the eligibility test exposed from the core for SQL's use
-- (extension/sql/25_rulebook.sql): values worked by hand, the edges of the date type,
-- and agreement with the care-leaver status explanation.
BEGIN;
SET LOCAL search_path = public, careleaver;
SELECT plan(27);

SELECT is(careleaver.birthday('2006-06-15', 16), '2022-06-15'::date, 'birthday: same day and month');
SELECT is(careleaver.birthday('2004-02-29', 18), '2022-03-01'::date, 'birthday: 29 February on 1 March in a common year');
SELECT is(careleaver.birthday('2004-02-29', 16), '2020-02-29'::date, 'birthday: 29 February in a leap year');
SELECT is(careleaver.birthday('1900-02-28', 100), '2000-02-28'::date, 'birthday: 28 February stays');
SELECT is(careleaver.birthday('2004-02-29', 0), '2004-02-29'::date, 'birthday 0 is the date of birth');
SELECT throws_ok($$SELECT careleaver.birthday('2004-02-29', -1)$$, '22023', NULL, 'a negative age is refused');
SELECT throws_ok($$SELECT careleaver.birthday('infinity', 18)$$, '22008', NULL, 'an infinite date of birth is refused');

SELECT is(careleaver.age_on('2004-02-29', '2022-02-28'), 17, 'age: 29 February births are 18 on 1 March in common years');
SELECT is(careleaver.age_on('2004-02-29', '2022-03-01'), 18, 'age: on the 1 March birthday');
SELECT is(careleaver.age_on('2006-06-15', '2024-06-14'), 17, 'age: the day before the birthday');

SELECT is(careleaver.collection_year_of('2023-04-01'), 2024, '1 April starts the collection year named by the next year');
SELECT is(careleaver.collection_year_of('2024-03-31'), 2024, '31 March ends it');
SELECT is(careleaver.collection_year_of('2024-04-01'), 2025, 'and 1 April starts the next');
SELECT throws_ok($$SELECT careleaver.collection_year_of('-infinity')$$, '22008', NULL, 'an infinite date has no collection year');
SELECT is(careleaver.collection_year_start(2024), '2023-04-01'::date, 'collection year 2024 starts 1 April 2023');
SELECT is(careleaver.collection_year_end(2024), '2024-03-31'::date, 'and ends 31 March 2024');
SELECT is(careleaver.collection_year_end(10000), '10000-03-31'::date, 'a year past 9999 still has a 31 March');
SELECT throws_ok($$SELECT careleaver.collection_year_end(2147483647)$$, '22008', NULL, 'a year past the date type is refused');

SELECT is(careleaver.data_end('2023-12-25'), '2024-03-31'::date, 'data end: 31 March ending the collection year of the latest date');
SELECT is(careleaver.data_end('2024-03-31'), '2024-03-31'::date, 'data end of a 31 March is that day');
SELECT is(careleaver.data_end('9999-12-31'), '10000-03-31'::date, 'data end past year 9999');
SELECT is(careleaver.data_end('5874897-12-31'), '5874897-12-31'::date, 'data end on the largest date is that date, not an error');

-- eligible_by agrees with the figures leaver_status_explain reports
CREATE TEMP TABLE k (name text, history careleaver.care_history, dob date, at date, expected boolean);
INSERT INTO k VALUES
  ('91 days since 14, after 16', '{2022-01-01/2022-04-02 S C2 U4 E8}', '2006-01-01', '2023-01-01', true),
  ('90 days since 14, after 16', '{2022-01-01/2022-04-01 S C2 U4 E8}', '2006-01-01', '2023-01-01', false),
  ('91 days since 14, none after 16', '{2021-01-01/2021-04-02 S C2 U4 E8}', '2006-01-01', '2023-01-01', false),
  ('short breaks do not count', '{2022-01-01/2022-06-01 S V3 U4 E8}', '2006-01-01', '2023-01-01', false);
SELECT is(careleaver.eligible_by(history, dob, at), expected, 'eligible_by: ' || name) FROM k ORDER BY name;
SELECT is((SELECT count(*)::int FROM k
            WHERE careleaver.eligible_by(history, dob, at) IS DISTINCT FROM
                  (careleaver.days_looked_after(history, careleaver.birthday(dob, 14), at) >= 91
                   AND careleaver.days_looked_after(history, careleaver.birthday(dob, 16), at) >= 1)), 0,
  'eligible_by is 13 weeks since 14 and a day since 16 of days_looked_after');

SELECT * FROM finish();
ROLLBACK;
