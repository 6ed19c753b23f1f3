-- Reading return cells: reasons for bad values, conversions, errors.
\set SHOW_CONTEXT never
SELECT v, careleaver.return_value_problem(v, 'date') AS problem
FROM (VALUES ('31/03/2024'), ('2024-03-31'), ('1/4/2016'), ('31/03/24'), ('29/02/2023'),
             ('01/13/2024'), ('2024/03/31'), ('31/03/1850'), ('')) AS t(v);
SELECT v, careleaver.return_value_problem(v, 'flag') AS problem
FROM (VALUES ('0'), ('1.0'), ('2'), ('yes')) AS t(v);
SELECT careleaver.return_value_problem(' u4 ', 'placement_type') AS ok_code,
       careleaver.return_value_problem('U9', 'placement_type') AS bad_code,
       careleaver.return_value_problem('anything', 'text') AS text_kind;
SELECT careleaver.return_value_problem(E'12\t34', 'text') AS tab_in_text,
       careleaver.return_value_problem(E'U4\nX', 'placement_type') AS line_break_in_code,
       careleaver.return_value_problem(E' 0042 \t', 'text') AS surrounding_tab;
SELECT careleaver.return_date('29/02/2024'), careleaver.return_date(' 2023-04-01 00:00:00 '),
       careleaver.return_integer('1.0');
SELECT careleaver.return_date('31/02/2024');
SELECT careleaver.return_integer('1.5');
SELECT careleaver.return_value_problem('1', 'colour');
-- Datasets
SELECT careleaver.create_dataset('');
SELECT careleaver.reconcile('no_such_dataset');
SELECT careleaver.create_dataset('regress_ds');
SELECT careleaver.reconcile('regress_ds', NULL, 'first_wins');
SELECT * FROM careleaver.reconcile('regress_ds');
SELECT careleaver.stage_table('episodez');
SELECT careleaver.load_staged('regress_ds', '[]');
SET client_min_messages = warning;
DROP SCHEMA regress_ds CASCADE;
