-- The equality lens (metrics.md 17; doc/equality.md): DfE's labels, the breakdown views over a small
-- dataset worked out by hand (looked after on 31 March, starts, ceases, placement stability in 2023-24),
-- the characteristics refresh materialises, a secondary-suppression case across the labels of a topic
-- and the shared Total worked by hand, and rates per 10,000 by ethnic group with the ratio to White.
BEGIN;
SELECT plan(31);

-- ---------------------------------------------------------------- the labels
SELECT results_eq($$SELECT breakdown_topic, breakdown_order, breakdown FROM careleaver.breakdown_labels()$$,
  $$VALUES ('Total', 1, 'Total'),
           ('Age group', 1, 'Under 1 year'), ('Age group', 2, '1 to 4 years'), ('Age group', 3, '5 to 9 years'),
           ('Age group', 4, '10 to 15 years'), ('Age group', 5, '16 years and over'), ('Age group', 6, 'Age not known'),
           ('Sex', 1, 'Male'), ('Sex', 2, 'Female'), ('Sex', 3, 'Sex not known'),
           ('Ethnicity', 1, 'White'), ('Ethnicity', 2, 'Mixed or Multiple ethnic groups'),
           ('Ethnicity', 3, 'Asian or Asian British'), ('Ethnicity', 4, 'Black, African, Caribbean or Black British'),
           ('Ethnicity', 5, 'Other ethnic group'), ('Ethnicity', 6, 'Refused'),
           ('Ethnicity', 7, 'Information not yet obtained'),
           ('UASC', 1, 'Unaccompanied asylum-seeking children'), ('UASC', 2, 'Non-unaccompanied asylum-seeking children'),
           ('Disability', 1, 'Child''s disability'), ('Disability', 2, 'Other categories of need'),
           ('Disability', 3, 'Category of need not known')$$,
  'every topic and label in DfE''s order');
SELECT results_eq($$SELECT careleaver.dfe_ethnicity(c) FROM unnest(ARRAY['wbri', 'MWAS', 'CHNE', 'BCRB', 'OOTH', 'REFU', 'NOBT', NULL, '', 'XXXX']) c$$,
  $$VALUES ('White'::text), ('Mixed or Multiple ethnic groups'), ('Asian or Asian British'),
           ('Black, African, Caribbean or Black British'), ('Other ethnic group'), ('Refused'),
           ('Information not yet obtained'), ('Information not yet obtained'), ('Information not yet obtained'),
           ('Information not yet obtained')$$,
  'ETHNIC codes to DfE''s groups; nothing recorded or a non-code as not yet obtained');
SELECT results_eq($$SELECT careleaver.dfe_sex(s) FROM unnest(ARRAY['1', 'm', '2', 'F', 'U', NULL]) s$$,
  $$VALUES ('Male'::text), ('Male'), ('Female'), ('Female'), ('Sex not known'), ('Sex not known')$$, 'sex labels');
SELECT results_eq($$SELECT careleaver.dfe_age_group(a) FROM unnest(ARRAY[0, 4, 5, 15, 16, NULL]) a$$,
  $$VALUES ('Under 1 year'::text), ('1 to 4 years'), ('5 to 9 years'), ('10 to 15 years'), ('16 years and over'),
           ('Age not known')$$, 'age groups');
SELECT results_eq($$SELECT careleaver.uasc_on(r, d, '2024-03-31') FROM (VALUES (true, NULL::date), (true, '2024-04-01'),
                     (true, '2024-03-31'), (false, NULL), (NULL, NULL), (true, 'infinity'), (true, '-infinity')) v(r, d)$$,
  $$VALUES (true), (true), (false), (false), (false), (true), (false)$$,
  'UASC on a day: a record with DUC blank or later than the day');
SELECT is(careleaver.uasc_on(true, NULL, NULL), NULL, 'UASC on no day: NULL');
SELECT throws_ok($$SELECT careleaver.uasc_on(true, NULL, 'infinity')$$, '22008', NULL, 'an infinite day is refused');
SELECT results_eq($$SELECT careleaver.dfe_disability(c) FROM unnest(ARRAY['N2', 'n1', 'N8', 'N9', NULL]) c$$,
  $$VALUES ('Child''s disability'::text), ('Other categories of need'), ('Other categories of need'),
           ('Category of need not known'), ('Category of need not known')$$, 'disability: category of need N2');
SELECT is((SELECT count(*)::int FROM generate_series(1, 19) g
            WHERE careleaver.ons_ethnicity(g) IN (SELECT breakdown FROM careleaver.breakdown_labels()
                                                   WHERE breakdown_topic = 'Ethnicity')), 19,
          'every ONS 2021 category 1 to 19 has one of DfE''s groups');
SELECT ok(careleaver.ons_ethnicity(-8) IS NULL, 'ONS -8 (does not apply) has none');
SELECT throws_ok($$SELECT careleaver.need_in_year(careleaver.care_history_agg(d, NULL, 'S', 'C2', 'U1', NULL), 2)
                    FROM (VALUES ('2020-01-01'::date)) v(d)$$, '22023', NULL, 'a collection year out of range is refused');

-- ---------------------------------------------------------------- a dataset worked by hand
SELECT careleaver.create_dataset('eq');
INSERT INTO eq.header (la, child, sex, dob, ethnic) VALUES
  ('T1', 'A', '1', '2015-01-01', 'WBRI'), ('T1', 'B', '1', '2007-03-01', 'BAFR'),
  ('T1', 'C', 'M', '2007-02-01', 'CHNE'), ('T1', 'D', '2', '2009-01-01', 'MWBC'),
  ('T1', 'E', 'F', '2012-01-01', 'REFU'), ('T1', 'F', '1', '2014-01-01', NULL),
  ('T1', 'G', '2', '2023-09-01', 'XXXX'), ('T1', 'H', 'U', '2016-01-01', 'AIND');
-- child I has no header row: age, sex and ethnicity not known
INSERT INTO eq.episodes (la, child, decom, rne, ls, cin, place, "dec", rec) VALUES
  ('T1', 'A', '2023-05-01', 'S', 'C2', 'N2', 'U4', NULL, NULL),            -- starts; looked after on 31 March
  ('T1', 'B', '2023-06-01', 'S', 'V2', 'N1', 'K2', NULL, NULL),            -- starts; UASC on 31 March
  ('T1', 'C', '2023-07-01', 'S', 'V2', 'N1', 'H5', NULL, NULL),            -- starts; UASC until 1 December
  ('T1', 'D', '2022-01-01', 'S', 'C2', 'N2', 'P2', '2023-06-01', 'X1'),    -- three placements in the year
  ('T1', 'D', '2023-06-01', 'P', 'C2', 'N2', 'U4', '2023-12-01', 'X1'),
  ('T1', 'D', '2023-12-01', 'P', 'C2', 'N2', 'U5', NULL, NULL),
  ('T1', 'E', '2023-04-10', 'S', 'C2', 'N4', 'U1', '2023-08-01', 'E45'),   -- starts and ceases
  ('T1', 'F', '2021-05-01', 'S', 'C2', 'N5', 'U1', '2023-09-01', 'E41'),   -- ceases
  ('T1', 'G', '2023-10-01', 'S', 'C2', 'N1', 'U4', NULL, NULL),            -- starts at a month old
  ('T1', 'H', '2023-06-01', 'S', 'V3', 'N2', 'U1', '2023-06-03', 'E8'),    -- short breaks: never counted
  ('T1', 'I', '2022-06-01', 'S', 'C2', 'N1', 'U4', NULL, NULL);            -- looked after, no header row
INSERT INTO eq.uasc (la, child, sex, dob, duc) VALUES
  ('T1', 'B', '1', '2007-03-01', '2025-03-01'), ('T1', 'C', 'M', '2007-02-01', '2023-12-01');
SELECT is((SELECT count(*)::int FROM careleaver.create_reports('eq')), (SELECT count(*)::int FROM careleaver.reporting_views),
          'reporting views created over the hand-made dataset');

SELECT results_eq($$SELECT child, ethnicity, sex, uasc_record, uasc_ceased FROM eq.child_characteristics ORDER BY child$$,
  $$VALUES ('A'::text, 'White'::text, 'Male'::text, false, NULL::date),
           ('B', 'Black, African, Caribbean or Black British', 'Male', true, '2025-03-01'),
           ('C', 'Asian or Asian British', 'Male', true, '2023-12-01'),
           ('D', 'Mixed or Multiple ethnic groups', 'Female', false, NULL),
           ('E', 'Refused', 'Female', false, NULL),
           ('F', 'Information not yet obtained', 'Male', false, NULL),
           ('G', 'Information not yet obtained', 'Female', false, NULL),
           ('H', 'Asian or Asian British', 'Sex not known', false, NULL),
           ('I', 'Information not yet obtained', 'Sex not known', false, NULL)$$,
  'refresh materialised each child''s characteristics');

CREATE TEMP TABLE la31 AS SELECT * FROM eq.looked_after_31_march_by_breakdown WHERE la = 'T1' AND collection_year = 2024;
SELECT results_eq($$SELECT breakdown_topic, breakdown, children FROM la31 ORDER BY breakdown_topic, breakdown_order$$,
  $$VALUES ('Age group'::text, 'Under 1 year'::text, 1::bigint), ('Age group', '1 to 4 years', 0),
           ('Age group', '5 to 9 years', 1), ('Age group', '10 to 15 years', 1), ('Age group', '16 years and over', 2),
           ('Age group', 'Age not known', 1),
           ('Disability', 'Child''s disability', 2), ('Disability', 'Other categories of need', 4),
           ('Disability', 'Category of need not known', 0),
           ('Ethnicity', 'White', 1), ('Ethnicity', 'Mixed or Multiple ethnic groups', 1),
           ('Ethnicity', 'Asian or Asian British', 1), ('Ethnicity', 'Black, African, Caribbean or Black British', 1),
           ('Ethnicity', 'Other ethnic group', 0), ('Ethnicity', 'Refused', 0),
           ('Ethnicity', 'Information not yet obtained', 2),
           ('Sex', 'Male', 3), ('Sex', 'Female', 2), ('Sex', 'Sex not known', 1),
           ('Total', 'Total', 6),
           ('UASC', 'Unaccompanied asylum-seeking children', 1), ('UASC', 'Non-unaccompanied asylum-seeking children', 5)$$,
  'looked after on 31 March 2024 (A, B, C, D, G, I) by every breakdown, worked by hand');
SELECT results_eq($$SELECT breakdown_topic, breakdown, children FROM eq.starts_by_breakdown
                     WHERE la = 'T1' AND collection_year = 2024 AND children > 0 ORDER BY breakdown_topic, breakdown_order$$,
  $$VALUES ('Age group'::text, 'Under 1 year'::text, 1::bigint), ('Age group', '5 to 9 years', 1),
           ('Age group', '10 to 15 years', 1), ('Age group', '16 years and over', 2),
           ('Disability', 'Child''s disability', 1), ('Disability', 'Other categories of need', 4),
           ('Ethnicity', 'White', 1), ('Ethnicity', 'Asian or Asian British', 1),
           ('Ethnicity', 'Black, African, Caribbean or Black British', 1), ('Ethnicity', 'Refused', 1),
           ('Ethnicity', 'Information not yet obtained', 1),
           ('Sex', 'Male', 3), ('Sex', 'Female', 2), ('Total', 'Total', 5),
           ('UASC', 'Unaccompanied asylum-seeking children', 2), ('UASC', 'Non-unaccompanied asylum-seeking children', 3)$$,
  'starts in 2023-24 (A, B, C, E, G; C UASC during the year; the short breaks of H left out), worked by hand');
SELECT results_eq($$SELECT breakdown_topic, breakdown, children FROM eq.ceases_by_breakdown
                     WHERE la = 'T1' AND collection_year = 2024 AND children > 0 ORDER BY breakdown_topic, breakdown_order$$,
  $$VALUES ('Age group'::text, '10 to 15 years'::text, 2::bigint), ('Disability', 'Other categories of need', 2),
           ('Ethnicity', 'Refused', 1), ('Ethnicity', 'Information not yet obtained', 1),
           ('Sex', 'Male', 1), ('Sex', 'Female', 1), ('Total', 'Total', 2),
           ('UASC', 'Non-unaccompanied asylum-seeking children', 2)$$,
  'ceases in 2023-24 (E, F), worked by hand');
SELECT results_eq($$SELECT breakdown_topic, breakdown, looked_after_31_march, three_or_more_placements
                     FROM eq.placement_stability_by_breakdown
                     WHERE la = 'T1' AND collection_year = 2024 AND breakdown IN ('Total', 'Mixed or Multiple ethnic groups',
                           'Child''s disability', 'Age not known', 'Female')
                     ORDER BY breakdown_topic, breakdown_order$$,
  $$VALUES ('Age group'::text, 'Age not known'::text, 0::bigint, 0::bigint),
           ('Disability', 'Child''s disability', 2, 1),
           ('Ethnicity', 'Mixed or Multiple ethnic groups', 1, 1),
           ('Sex', 'Female', 2, 1), ('Total', 'Total', 5, 1)$$,
  'placement stability: children with a date of birth (I left out); D had three placements in the year');
SELECT is((SELECT count(*)::int FROM eq.looked_after_31_march_by_breakdown WHERE la = 'T1'
            GROUP BY collection_year ORDER BY collection_year DESC LIMIT 1), 22,
          'every label of every topic, zeros included, for each year');
SELECT is((SELECT count(*)::int FROM (SELECT la, collection_year, breakdown_topic, sum(children) s
                                        FROM eq.looked_after_31_march_by_breakdown GROUP BY 1, 2, 3) t
            JOIN eq.looked_after_31_march_by_breakdown w
              ON w.la = t.la AND w.collection_year = t.collection_year AND w.breakdown_topic = 'Total'
           WHERE t.s <> w.children), 0, 'each topic sums to the Total');
SELECT is((SELECT count(*)::int FROM eq.looked_after_31_march_by_breakdown_published
            WHERE la = 'T1' AND collection_year = 2024 AND children NOT IN ('0', 'c')
              AND breakdown_topic <> 'Total'), 0,
          'published: with 6 children every non-zero count of a label is hidden (all are 1 or 2)');

-- ---------------------------------------------------------------- secondary suppression by hand
-- Threshold 5.  Total 10.  Sex: Male 5, Female 5 (both hidden; their sum 10 = 2 x 5 pins both at 5, and no
-- other cell can be hidden: the Total must be hidden).  Ethnicity: White 7, Mixed 3 (3 hidden, 7 with it).
-- UASC: 0 and 10: shown alone, 10 would give the hidden Total, so it is hidden too (the 0 stays).
CREATE TEMP TABLE hand (la text, collection_year integer, breakdown_topic text, breakdown_order integer, children bigint);
INSERT INTO hand VALUES ('T9', 2024, 'Total', 1, 10), ('T9', 2024, 'Sex', 1, 5), ('T9', 2024, 'Sex', 2, 5),
  ('T9', 2024, 'Sex', 3, 0), ('T9', 2024, 'Ethnicity', 1, 7), ('T9', 2024, 'Ethnicity', 2, 3),
  ('T9', 2024, 'UASC', 1, 0), ('T9', 2024, 'UASC', 2, 10),
  -- a second council: Sex 9 and 2 (2 hidden, 9 with it), Total 11 shown; UASC 11 and 0 shown as they are
  ('T8', 2024, 'Total', 1, 11), ('T8', 2024, 'Sex', 1, 9), ('T8', 2024, 'Sex', 2, 2),
  ('T8', 2024, 'UASC', 1, 11), ('T8', 2024, 'UASC', 2, 0);
SELECT results_eq(
  format($$SELECT la, breakdown_topic, breakdown_order, shown FROM (WITH source AS (SELECT * FROM hand) SELECT * FROM (%s) r) q
           ORDER BY la, breakdown_topic, breakdown_order$$, careleaver.breakdown_suppressed_sql('s.children')),
  $$VALUES ('T8'::text, 'Sex'::text, 1, 'c'::text), ('T8', 'Sex', 2, 'c'), ('T8', 'Total', 1, '11'),
           ('T8', 'UASC', 1, '11'), ('T8', 'UASC', 2, '0'),
           ('T9', 'Ethnicity', 1, 'c'), ('T9', 'Ethnicity', 2, 'c'), ('T9', 'Sex', 1, 'c'), ('T9', 'Sex', 2, 'c'),
           ('T9', 'Sex', 3, '0'), ('T9', 'Total', 1, 'c'), ('T9', 'UASC', 1, '0'), ('T9', 'UASC', 2, 'c')$$,
  'secondary suppression across a topic''s labels and the shared Total, worked by hand');
SELECT results_eq(
  format($$SELECT la, breakdown_topic, breakdown_order, shown FROM (WITH source AS (SELECT * FROM hand) SELECT * FROM (%s) r) q
           WHERE la = 'T8' ORDER BY la, breakdown_topic, breakdown_order$$,
         careleaver.breakdown_suppressed_sql('s.children', 's.breakdown_topic = ''UASC'' AND s.breakdown_order = 1')),
  $$VALUES ('T8'::text, 'Sex'::text, 1, 'c'::text), ('T8', 'Sex', 2, 'c'), ('T8', 'Total', 1, 'c'),
           ('T8', 'UASC', 1, 'c'), ('T8', 'UASC', 2, '0')$$,
  'a cell hidden from outside (hidden_sql) with no complement to hide hides the Total');

-- ---------------------------------------------------------------- published views over a synthetic council
SELECT is((SELECT count(*)::int FROM careleaver.generate_synthetic('eqs', 1500, 11)), 1, 'a synthetic council');
SELECT is((SELECT count(*)::int FROM careleaver.create_reports('eqs')), (SELECT count(*)::int FROM careleaver.reporting_views),
          'reporting views created');
CREATE TEMP TABLE pub AS
SELECT p.la, p.collection_year, p.breakdown_topic, p.breakdown_order, p.children AS shown, b.children AS raw
  FROM eqs.looked_after_31_march_by_breakdown_published p
  JOIN eqs.looked_after_31_march_by_breakdown b USING (la, collection_year, breakdown_topic, breakdown_order)
UNION ALL
SELECT p.la, p.collection_year, p.breakdown_topic || ' (starts)', p.breakdown_order, p.children, b.children
  FROM eqs.starts_by_breakdown_published p
  JOIN eqs.starts_by_breakdown b USING (la, collection_year, breakdown_topic, breakdown_order);
SELECT is((SELECT count(*)::int FROM pub WHERE raw BETWEEN 1 AND 5 AND shown <> 'c'), 0, 'every count 1 to 5 hidden');
SELECT is((SELECT count(*)::int FROM pub WHERE shown <> 'c' AND shown <> raw::text), 0, 'every shown count is the true one');
SELECT cmp_ok((SELECT count(*)::int FROM pub WHERE shown = 'c' AND raw > 5), '>', 0, 'some counts above 5 hidden as complements');
SELECT is((SELECT count(*)::int FROM (
            SELECT p.la, p.collection_year, p.breakdown_topic FROM pub p
              JOIN pub t ON t.la = p.la AND t.collection_year = p.collection_year AND t.breakdown_order = 1
                        AND t.breakdown_topic = CASE WHEN p.breakdown_topic LIKE '%(starts)' THEN 'Total (starts)' ELSE 'Total' END
             WHERE p.breakdown_topic NOT LIKE 'Total%' AND t.shown <> 'c'
             GROUP BY 1, 2, 3 HAVING count(*) FILTER (WHERE p.shown = 'c') = 1) x), 0,
          'no topic beside a shown Total has exactly one hidden cell');
SELECT is((SELECT count(*)::int FROM (
            SELECT p.la, p.collection_year, p.breakdown_topic FROM pub p
              JOIN pub t ON t.la = p.la AND t.collection_year = p.collection_year AND t.breakdown_order = 1
                        AND t.breakdown_topic = CASE WHEN p.breakdown_topic LIKE '%(starts)' THEN 'Total (starts)' ELSE 'Total' END
             WHERE p.breakdown_topic NOT LIKE 'Total%' AND t.shown = 'c'
             GROUP BY 1, 2, 3 HAVING count(*) FILTER (WHERE p.shown = 'c') = 0 AND sum(p.raw) > 0) x), 0,
          'beside a hidden Total no topic shows every cell (their sum would give it)');

-- ---------------------------------------------------------------- rates by ethnic group
INSERT INTO eq.population_ethnicity (la, census_year, ons_category, ons_label, count) VALUES
  ('T1', 2021, 13, 'White: English, Welsh, Scottish, Northern Irish or British', 15000),
  ('T1', 2021, 17, 'White: Other White', 5000),
  ('T1', 2021, 6, 'Black, Black British, Black Welsh, Caribbean or African: African', 2000),
  ('T1', 2021, 3, 'Asian, Asian British or Asian Welsh: Indian', 4000);
SELECT results_eq($$SELECT breakdown, children, population, rate_per_10000, ratio_to_white
                     FROM eq.looked_after_rates_by_ethnicity WHERE la = 'T1' AND collection_year = 2024
                     ORDER BY breakdown_order$$,
  $$VALUES ('White'::text, 1::bigint, 20000::bigint, 0.5::numeric, 1.00::numeric),
           ('Mixed or Multiple ethnic groups', 1, NULL, NULL, NULL),
           ('Asian or Asian British', 1, 4000, 2.5, 5.00),
           ('Black, African, Caribbean or Black British', 1, 2000, 5.0, 10.00),
           ('Other ethnic group', 0, NULL, NULL, NULL), ('Refused', 0, NULL, NULL, NULL),
           ('Information not yet obtained', 2, NULL, NULL, NULL)$$,
  'rates per 10,000 by ethnic group (White: 1 of 15,000 + 5,000) and the ratio to White, by hand');
SELECT results_eq($$SELECT breakdown, children, population, rate_per_10000, ratio_to_white
                     FROM eq.looked_after_rates_by_ethnicity_published WHERE la = 'T1' AND collection_year = 2024
                     AND breakdown IN ('White', 'Other ethnic group', 'Mixed or Multiple ethnic groups') ORDER BY breakdown_order$$,
  $$VALUES ('White'::text, 'c'::text, '20000'::text, 'c'::text, 'c'::text),
           ('Mixed or Multiple ethnic groups', 'c', 'x', 'c', 'c'),
           ('Other ethnic group', '0', 'x', 'x', 'c')$$,
  'published rates: c with a hidden count, x without a population');

SELECT * FROM finish();
ROLLBACK;
