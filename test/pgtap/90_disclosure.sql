-- Disclosure control (metrics.md 9): primary and secondary suppression, percentages,
-- rounding, symbols; and a property test over many random rows proving that no
-- suppressed cell can be recovered from the published cells and the row total.
BEGIN;
SELECT plan(36);

-- primary suppression
SELECT is(careleaver.publish_count(0), '0', 'zero is shown as 0');
SELECT is(careleaver.publish_count(1), 'c', '1 is suppressed');
SELECT is(careleaver.publish_count(5), 'c', '5 is suppressed at the default threshold');
SELECT is(careleaver.publish_count(6), '6', '6 is shown');
SELECT is(careleaver.publish_count(NULL), 'x', 'a NULL count is not available');
SELECT is(careleaver.suppression_threshold(), 5, 'the default threshold is 5 (DfE practice)');
SELECT is(current_setting('careleaver.suppression_threshold'), '5', 'the setting is visible as a GUC');
SET LOCAL careleaver.suppression_threshold = 10;
SELECT is(careleaver.publish_count(8), 'c', 'the setting raises the threshold: 8 is suppressed at 10');
SELECT is(careleaver.publish_count(8, 5), '8', 'an explicit threshold wins over the setting');
RESET careleaver.suppression_threshold;
SELECT is(careleaver.publish_count(8), '8', 'after RESET the threshold is 5 again');

-- secondary suppression, hand-worked
SELECT is(careleaver.suppress_row(ARRAY[10, 3, 7, 20]), ARRAY['10', 'c', 'c', '20'],
          'one primary cell (3): the next smallest (7) is hidden too');
SELECT is(careleaver.publish_row_total(ARRAY[10, 3, 7, 20]), '40', 'the row total is published');
SELECT is(careleaver.suppress_row(ARRAY[10, 3, 2, 20]), ARRAY['10', 'c', 'c', '20'],
          'two primary cells protect each other');
SELECT is(careleaver.suppress_row(ARRAY[3, 0, 8, 8, 9]), ARRAY['c', '0', 'c', 'c', '9'],
          'ties: both 8s go with the 3; zeros are never chosen');
SELECT is(careleaver.suppress_row(ARRAY[3, 0, 0]), ARRAY['c', '0', '0'], 'no non-zero cell left to hide');
SELECT is(careleaver.publish_row_total(ARRAY[3, 0, 0]), 'c', '... and then the total (3) is itself suppressed');
SELECT is(careleaver.suppress_row(ARRAY[0, 1, 1, 1], 2), ARRAY['0', 'c', 'c', 'c'],
          'three ones at threshold 2 ...');
SELECT is(careleaver.publish_row_total(ARRAY[0, 1, 1, 1], 2), 'c',
          '... would be pinned by their total of 3: the total is hidden');
SELECT is(careleaver.suppress_row(ARRAY[3, NULL, 9]::bigint[]), ARRAY['c', 'x', 'c'],
          'a NULL cell is x and is not a protection');
SELECT is(careleaver.suppress_row(ARRAY[]::bigint[]), ARRAY[]::text[], 'an empty row gives an empty row');

-- percentages and rounding
SELECT is(careleaver.publish_percent(3, 50), 'c', 'a suppressed numerator suppresses the percentage');
SELECT is(careleaver.publish_percent(30, 4), 'c', 'a suppressed denominator suppresses the percentage');
SELECT is(careleaver.publish_percent(0, 0), 'z', 'a percentage of nothing is not applicable');
SELECT is(careleaver.publish_percent(7, 9, NULL, 1), '77.8', '7 of 9 to one place');
SELECT is(careleaver.publish_percent(6, 2000), 'k', '6 of 2000 rounds to zero but is not zero: k');
SELECT is(careleaver.round_total(80455), 80460::bigint, 'national totals round to the nearest 10, halves up');
SELECT is(careleaver.round_total(14), 10::bigint, '14 rounds to 10');

-- symbols and errors
SELECT set_eq('SELECT symbol FROM careleaver.disclosure_symbols', ARRAY['c', 'z', 'x', 'k'],
              'the symbols are c, z, x and k');
SELECT throws_ok('SELECT careleaver.publish_count(-1)', '22023',
                 'invalid count for disclosure control: -1', 'a negative count is rejected');
SELECT throws_ok('SELECT careleaver.suppress_row(ARRAY[1, -2])', '22023',
                 'invalid row for disclosure control: cell 2 has the negative count -2',
                 'a negative cell is rejected, naming the cell');
SELECT throws_ok('SELECT careleaver.publish_count(1, 1001)', '22023',
                 'suppression threshold 1001 is out of range', 'a threshold over 1000 is rejected');
SELECT throws_ok('SELECT careleaver.suppress_row(''{{1,2},{3,4}}'')', '2202E',
                 'cells must be a one-dimensional array, not 2-dimensional', 'a 2-D array is rejected');

-- Property test: 20,000 random rows of 1 to 10 cells with a fixed seed.
SELECT setseed(0.42);
CREATE TEMP TABLE rnd_rows ON COMMIT DROP AS
SELECT r AS row_id,
       t AS threshold,
       (SELECT array_agg(CASE WHEN random() < 0.25 THEN 0
                              WHEN random() < 0.5 THEN floor(random() * 8)::bigint
                              WHEN random() < 0.7 THEN floor(random() * 20)::bigint
                              ELSE floor(random() * 300)::bigint END)
          FROM generate_series(1, w) WHERE r > 0) AS cells
  FROM (SELECT r, 1 + floor(random() * 10)::int AS w, floor(random() * 8)::int AS t
          FROM generate_series(1, 20000) r) g;
CREATE TEMP TABLE pub_rows ON COMMIT DROP AS
SELECT row_id, threshold, cells,
       careleaver.suppress_row(cells, threshold) AS published,
       careleaver.publish_row_total(cells, threshold) AS total
  FROM rnd_rows;
CREATE TEMP VIEW attack AS
SELECT p.row_id, p.total,
       (SELECT count(*) FROM unnest(p.published) c WHERE c = 'c') AS hidden,
       p.total::bigint - (SELECT coalesce(sum(c::bigint), 0) FROM unnest(p.published) c WHERE c ~ '^[0-9]+$')
         AS hidden_sum
  FROM pub_rows p
 WHERE p.total ~ '^[0-9]+$';

SELECT is((SELECT count(*) FROM pub_rows p, LATERAL unnest(p.cells, p.published) AS u(v, s)
            WHERE v BETWEEN 1 AND p.threshold AND s <> 'c'), 0::bigint,
          'random rows: every count from 1 to the threshold is hidden');
SELECT is((SELECT count(*) FROM attack WHERE hidden = 1), 0::bigint,
          'random rows: no row with a published total has exactly one hidden cell (subtraction recovers nothing)');
SELECT is((SELECT count(*) FROM attack WHERE hidden > 0 AND hidden_sum = hidden), 0::bigint,
          'random rows: no hidden cells sum to their number (which would pin each at 1)');
SELECT cmp_ok((SELECT count(*) FROM attack a JOIN pub_rows p USING (row_id), LATERAL unnest(p.cells, p.published) AS u(v, s)
                WHERE s = 'c' AND v > p.threshold), '>', 2000::bigint,
              'random rows: secondary suppression was exercised');

SELECT * FROM finish();
ROLLBACK;
