-- careleaver.validate on a dataset whose code columns are plain text (built
-- without the code types): code validity in the year comes from the core
-- (careleaver.code_valid_in_year), rules 131, 132, 133 and 1009.
BEGIN;
SELECT plan(6);

SELECT careleaver.create_dataset('vtx');
ALTER TABLE vtx.return_oc3 ALTER COLUMN in_touch TYPE text, ALTER COLUMN activ TYPE text,
                           ALTER COLUMN accom TYPE text;
ALTER TABLE vtx.return_episodes ALTER COLUMN reason_place_change TYPE text;

INSERT INTO vtx.return_header (la, year, child, sex, dob, source_file, source_line) VALUES
  ('A', 2024, 'k1', '1', '2005-01-10', 'h', 1), ('A', 2024, 'k2', '2', '2004-12-01', 'h', 2);
INSERT INTO vtx.return_episodes (la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec,
                                 reason_place_change, source_file, source_line) VALUES
  ('A', 2024, 'k1', '2023-04-10', 'S', 'C2', 'N1', 'U4', 'PR1', '2023-06-01', 'X1', NULL, 'e', 1),
  ('A', 2024, 'k1', '2023-06-01', 'P', 'C2', 'N1', 'U5', 'PR1', '2023-08-01', 'X1', ' custod', 'e', 2),
  ('A', 2024, 'k1', '2023-08-01', 'P', 'C2', 'N1', 'U6', 'PR1', NULL, NULL, 'LIIAF', 'e', 3);
INSERT INTO vtx.return_oc3 (la, year, child, dob, in_touch, activ, accom, source_file, source_line) VALUES
  ('A', 2024, 'k2', '2004-12-01', 'yes', 'f5', 'g1', 'o', 1),   -- valid in 2024 (trimmed, any case)
  ('A', 2024, 'k2', '2004-12-01', 'MAYBE', 'F3', 'S1', 'o', 2),  -- F3 ended 2021; S1 never valid
  ('A', 2024, 'k2', '2004-12-01', 'NO', '0', '0', 'o', 3);

CREATE TEMP TABLE got AS
SELECT rule_code, row_ref FROM careleaver.validate('vtx', 2024) WHERE rule_code IN ('131', '132', '133', '1009');

SELECT is((SELECT array_agg(row_ref ORDER BY row_ref) FROM got WHERE rule_code = '131'), '{o:2}'::text[],
          '131: IN_TOUCH MAYBE is not a code; yes is');
SELECT is((SELECT array_agg(row_ref ORDER BY row_ref) FROM got WHERE rule_code = '132'), '{o:2}'::text[],
          '132: ACTIV F3 is not a code for 2024; f5 and 0 are');
SELECT is((SELECT array_agg(row_ref ORDER BY row_ref) FROM got WHERE rule_code = '133'), '{o:2}'::text[],
          '133: ACCOM S1 is never valid; g1 and 0 are');
SELECT is((SELECT array_agg(row_ref ORDER BY row_ref) FROM got WHERE rule_code = '1009'), '{e:3}'::text[],
          '1009: REASON_PLACE_CHANGE LIIAF is not a code; custod is, from 2019');
SELECT is(careleaver.validation_valid_expr('vtx', 'activ'),
          'careleaver.code_valid_in_year(''leaver_activity'', nullif(upper(btrim(o.activ)), ''''), $1)',
          'a text column asks the core for validity');
SELECT ok(position('''F3''' IN pg_get_functiondef('careleaver.validation_valid_expr(text, text)'::regprocedure)) = 0,
          'validation_valid_expr spells no code');

SELECT * FROM finish();
ROLLBACK;
