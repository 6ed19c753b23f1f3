-- careleaver.validate: the rule catalogue, error messages, and the output of a small return.
SELECT family, count(*) AS rules, min(rule_code) AS first, max(since_year) AS latest_since
  FROM careleaver.validation_rules GROUP BY family ORDER BY family;

-- Errors (the CONTEXT lines name line numbers of the function body: not shown)
\set SHOW_CONTEXT never
SELECT * FROM careleaver.validate('no_such_dataset', 2024);
SELECT * FROM careleaver.validate(NULL, 2024);
SELECT * FROM careleaver.validate('x', NULL);
SELECT * FROM careleaver.validate('x', 1850);

-- A return with a broken timeline: c1 has an episode without an end before the
-- next one, which then does not start on the previous end; c2 is a care leaver
-- under 17 whose OC3 row is partly blank.
SELECT careleaver.create_dataset('regress_validate');
INSERT INTO regress_validate.return_episodes
  (la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec, source_file, source_line) VALUES
  ('213', 2024, 'c1', '2023-05-01', 'S', 'C2', 'N1', 'U4', 'PR1', NULL, NULL, 'episodes.csv', 2),
  ('213', 2024, 'c1', '2023-06-01', 'P', 'C2', 'N1', 'U5', 'PR1', NULL, NULL, 'episodes.csv', 3),
  ('213', 2024, 'c2', '2022-01-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2023-05-01', 'E4A', 'episodes.csv', 4);
-- c2's placement has a URN of five digits (1008); c1 has a missing episode of type Z (1006)
UPDATE regress_validate.return_episodes SET urn = '12345' WHERE child = 'c2';
INSERT INTO regress_validate.return_missing (la, year, child, dob, missing, mis_start, mis_end, source_file, source_line) VALUES
  ('213', 2024, 'c1', '2010-01-01', 'Z', '2023-05-10', '2023-05-11', 'missing.csv', 2);
INSERT INTO regress_validate.return_oc3 (la, year, child, dob, in_touch, activ, accom, source_file, source_line) VALUES
  ('213', 2024, 'c2', '2007-06-10', 'YES', 'F5', NULL, 'oc3.csv', 2);
SELECT * FROM careleaver.validate('regress_validate', 2024);
-- a council with no loaded return: an error naming it, never an empty pass (P0002)
SELECT count(*) FROM careleaver.validate('regress_validate', 2024, '999');
SET client_min_messages = warning;
DROP SCHEMA regress_validate CASCADE;
RESET client_min_messages;
