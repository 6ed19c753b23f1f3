-- The largest dates a history holds (issue 11.5, doc/history.md "Limits"): one episode dated in
-- 9999 used to make every reporting view fail with "collection year 10000 is out of range".
-- Now collection year 10000 is accepted and later evaluation dates are read as 31 March 10000.
BEGIN;
SELECT plan(9);

SELECT careleaver.create_dataset('tap_y9999');
INSERT INTO tap_y9999.header (la, child, sex, dob) VALUES
  ('E1', 'A', '1', '2010-05-05'), ('E1', 'B', '2', '2006-01-01'), ('E1', 'Z', '1', '9990-06-01');
INSERT INTO tap_y9999.episodes (la, child, decom, rne, ls, place, "dec", rec) VALUES
  ('E1', 'A', '2020-01-01', 'S', 'C2', 'U1', '2020-03-01', 'E4A'),
  ('E1', 'A', '2020-03-11', 'S', 'C2', 'U1', NULL, NULL),
  ('E1', 'B', '2019-05-01', 'S', 'C2', 'U1', '2024-01-01', 'E8'),
  ('E1', 'Z', '9999-12-31', 'S', 'C2', 'U1', NULL, NULL);

SELECT lives_ok($$SELECT careleaver.create_reports('tap_y9999')$$, 'create_reports over data reaching 9999-12-31');

CREATE TEMP TABLE view_errors AS SELECT ''::text AS view_name, ''::text AS error WHERE false;
DO $$
DECLARE v record; n bigint;
BEGIN
  FOR v IN SELECT view_name FROM careleaver.reporting_views LOOP
    BEGIN
      EXECUTE format('SELECT count(*) FROM tap_y9999.%I', v.view_name) INTO n;
    EXCEPTION WHEN others THEN
      INSERT INTO view_errors VALUES (v.view_name, SQLERRM);
    END;
  END LOOP;
END $$;
SELECT is((SELECT count(*)::int FROM careleaver.reporting_views) > 10, true, 'the catalogue lists the views');
SELECT is((SELECT string_agg(view_name || ': ' || error, '; ') FROM view_errors), NULL,
          'every reporting view reads the dataset without an error');
SELECT is((SELECT max(collection_year) FROM tap_y9999.looked_after_summary), 10000,
          'the data reach collection year 10000');

-- the C functions at the edge
SELECT is(careleaver.stability_short_term('{9999-12-31/ S C2 U1}', 10000), false,
          'stability in collection year 10000');
SELECT throws_ok($$SELECT careleaver.stability_short_term('{}', 10001)$$, '22023', NULL,
                 'collection year 10001 is out of range');
SELECT is((SELECT follow_up_days FROM careleaver.returns_home('{9999-12-01/9999-12-31 S C2 U1 E4A}', 'infinity')),
          92, 'data end infinity reads as 31 March 10000 (92 days of follow-up from 9999-12-31)');
SELECT is(careleaver.days_looked_after('{9999-12-31/ S C2 U1}', '9999-12-31', '5874897-12-31'),
          careleaver.days_looked_after('{9999-12-31/ S C2 U1}', '9999-12-31', make_date(10000, 3, 31)),
          'the largest date PostgreSQL accepts reads as 31 March 10000');
SELECT throws_ok($$SELECT careleaver.leaver_status('{}', '10000-01-01', '2020-01-01')$$, '22008', NULL,
                 'a date of birth after 9999 is refused (no return holds one)');

SELECT * FROM finish();
ROLLBACK;
