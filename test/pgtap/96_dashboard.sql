-- The national_framework views as DfE's Children's Social Care Dashboard list (metrics.md 12;
-- doc/reporting.md) over a small dataset worked out by hand: every indicator's numerator and
-- denominator in 2023-24, the rates per 10,000 against a loaded population, rounding as DfE
-- publishes (whole numbers, halves away from zero), disclosure control, rows that read x.
BEGIN;
SELECT plan(44);

SELECT careleaver.create_dataset('db');
INSERT INTO db.header (la, child, sex, dob) VALUES
  ('T1', 'A', '1', '2015-01-01'), ('T1', 'B', '1', '2007-03-01'), ('T1', 'C', '1', '2007-02-01'),
  ('T1', 'D', '2', '2009-01-01'), ('T1', 'E', '2', '2012-01-01'), ('T1', 'F', '1', '2014-01-01'),
  ('T1', 'G', '2', '2016-01-01'), ('T1', 'H', '1', '2019-01-01'), ('T1', 'I', '2', '2013-01-01'),
  ('T1', 'J', '1', '2010-01-01'), ('T1', 'K', '2', '2005-06-01'), ('T1', 'L', '1', '2004-05-01'),
  ('T1', 'M', '2', '2003-09-01'), ('T1', 'N', '1', '2002-10-01');
INSERT INTO db.episodes (la, child, decom, rne, ls, place, "dec", rec) VALUES
  -- 2023-24 (1 April 2023 to 31 March 2024)
  ('T1', 'A', '2023-05-01', 'S', 'C2', 'U4', NULL, NULL),               -- starts; foster on 31 March
  ('T1', 'B', '2023-06-01', 'S', 'V2', 'K2', NULL, NULL),               -- starts as UASC; children's home
  ('T1', 'C', '2023-07-01', 'S', 'V2', 'H5', NULL, NULL),               -- starts as UASC (status ends 1 Dec); semi-independent
  ('T1', 'D', '2022-01-01', 'S', 'C2', 'P2', NULL, NULL),               -- independent living on 31 March
  ('T1', 'E', '2023-04-10', 'S', 'C2', 'U1', '2023-08-01', 'E45'),      -- starts, leaves under an SGO
  ('T1', 'F', '2021-05-01', 'S', 'C2', 'U1', '2023-09-01', 'E41'),      -- leaves under a child arrangements order
  ('T1', 'G', '2023-05-01', 'S', 'V2', 'U4', '2023-06-01', 'E4A'),      -- two periods started: one child;
  ('T1', 'G', '2023-10-01', 'S', 'C2', 'U4', '2024-01-15', 'E48'),      --   the last ending (SGO) counts
  ('T1', 'H', '2020-01-01', 'S', 'E1', 'A4', '2023-11-01', 'E11'),      -- adopted: ceased, another reason
  ('T1', 'I', '2023-06-01', 'S', 'V3', 'U1', '2023-06-03', 'E8'),       -- short breaks: never counted
  ('T1', 'J', '2022-01-01', 'S', 'C2', 'U4', '2023-06-01', 'X1'),       -- three placements in the year,
  ('T1', 'J', '2023-06-01', 'P', 'C2', 'U5', '2023-12-01', 'X1'),       --   secure children's home on 31 March
  ('T1', 'J', '2023-12-01', 'P', 'C2', 'K1', NULL, NULL),
  -- care leavers: in care from before 16 to their 18th birthdays
  ('T1', 'K', '2019-01-01', 'S', 'C2', 'U4', '2023-06-01', 'E8'),       -- 18 in 2023-24 (and ceased in it)
  ('T1', 'L', '2018-01-01', 'S', 'C2', 'U4', '2022-05-01', 'E8'),       -- 19
  ('T1', 'M', '2017-01-01', 'S', 'C2', 'U4', '2021-09-01', 'E8'),       -- 20
  ('T1', 'N', '2016-06-01', 'S', 'C2', 'U4', '2020-10-01', 'E8');       -- 21, no OC3 record
INSERT INTO db.uasc (la, child, sex, dob, duc) VALUES
  ('T1', 'B', '1', '2007-03-01', '2025-03-01'), ('T1', 'C', '1', '2007-02-01', '2023-12-01');
INSERT INTO db.oc3 (la, child, year, dob, in_touch, activ, accom) VALUES
  ('T1', 'K', 2024, '2005-06-01', 'YES', 'F2', 'B1'),
  ('T1', 'L', 2024, '2004-05-01', 'YES', 'G4', 'S2'),
  ('T1', 'M', 2024, '2003-09-01', 'NO', 'F1', 'B1');
SELECT is((SELECT count(*)::int FROM careleaver.create_reports('db')), (SELECT count(*)::int FROM careleaver.reporting_views),
          'reporting views created over the hand-made dataset');

-- snapshots of the views (each evaluation builds every history again)
CREATE TEMP TABLE nf_all AS SELECT * FROM db.national_framework;
CREATE TEMP TABLE nf AS SELECT * FROM nf_all WHERE la = 'T1' AND collection_year = 2024;

-- every council and covered year has every row, the Dashboard numbers among them
SELECT is((SELECT count(*)::int FROM (SELECT la, collection_year FROM nf_all GROUP BY 1, 2
            HAVING array_agg(dashboard_no ORDER BY dashboard_no) FILTER (WHERE dashboard_no IS NOT NULL)
                   @> ARRAY[3, 4, 5, 6, 43, 44, 45, 48, 49, 50, 52, 53, 54, 55]
               AND count(*) = (SELECT count(*) FROM careleaver.dashboard_indicators)) ok),
          (SELECT count(*)::int FROM db.looked_after_summary),
          'every council and covered year has a row for each of 3, 4, 5, 6, 43, 44, 45, 48, 49, 50, 52 to 55 and the others');
SELECT is((SELECT count(*)::int FROM nf_all WHERE dashboard_no IS NULL GROUP BY la, collection_year LIMIT 1), 3,
          'three extra rows (in touch, long-term stability, re-entry) with dashboard_no NULL');

-- the hand-worked figures of 2023-24 (population not loaded yet: denominators of rates NULL)
SELECT results_eq($$SELECT dashboard_no, numerator, denominator FROM nf WHERE dashboard_no IS NOT NULL ORDER BY ordinal$$,
  $$VALUES (3, 5::bigint, NULL::bigint), (4, 5, NULL), (5, 2, NULL), (6, 1, NULL),
           (43, 2, 5), (44, 1, 5), (45, 1, 5), (46, 0, 5), (47, 0, 0),
           (48, 1, 5), (49, 2, 5), (50, 2, 5), (51, 0, 0),
           (52, 1, 1), (53, 1, 3), (54, 1, 1), (55, 1, 3), (67, 0, 5),
           -- from the CIN census (none loaded here: x)
           (1, NULL, NULL), (2, NULL, NULL), (23, NULL, NULL), (24, NULL, NULL),
           (26, NULL, NULL), (27, NULL, NULL), (28, NULL, NULL), (29, NULL, NULL), (30, NULL, NULL), (31, NULL, NULL),
           (32, NULL, NULL), (33, NULL, NULL), (34, NULL, NULL), (35, NULL, NULL), (36, NULL, NULL), (37, NULL, NULL),
           (38, NULL, NULL), (39, NULL, NULL), (40, NULL, NULL), (41, NULL, NULL), (42, NULL, NULL)$$,
  'numerators and denominators of every Dashboard indicator in 2023-24, worked by hand');
SELECT is((SELECT numerator FROM nf WHERE dashboard_no = 3), 5::bigint,
          '3: children starting, not periods (G started twice, counted once; I''s short break left out)');
SELECT is((SELECT numerator FROM nf WHERE dashboard_no = 5), 2::bigint,
          '5: B and C were UASC when their care began');
SELECT is((SELECT numerator FROM nf WHERE dashboard_no = 6), 1::bigint,
          '6: C''s UASC status ended before 31 March: only B');
SELECT is((SELECT (numerator, denominator)::text FROM nf WHERE dashboard_no = 43), '(2,5)',
          '43: E (E45) and G (last ending E48) of the five children who ceased (E, F, G, H, K)');
SELECT is((SELECT (numerator, denominator)::text FROM nf WHERE dashboard_no = 44), '(1,5)', '44: F (E41)');
SELECT is((SELECT numerator FROM nf WHERE dashboard_no = 45),
          (SELECT three_or_more_placements FROM db.placement_stability WHERE la = 'T1' AND collection_year = 2024),
          '45 is placement_stability''s short-term measure (J)');
SELECT is((SELECT numerator FROM nf WHERE dashboard_no = 49), 2::bigint, '49: K2 (B) and K1 (J)');
SELECT is((SELECT numerator FROM nf WHERE dashboard_no = 50), 2::bigint,
          '50: semi-independent (H5, C) and independent living (P2, D) grouped together');
SELECT results_eq($$SELECT ordinal, numerator, denominator FROM nf WHERE dashboard_no IS NULL ORDER BY ordinal$$,
  $$VALUES (19, 1::bigint, 3::bigint), (20, 0, 0), (21, 0, 1)$$,
  'extra rows: in touch 19 to 21 (L of L, M, N), long-term stability (none in its denominator), re-entry (G''s return home, its follow-up incomplete)');
SELECT is((SELECT string_agg(round(value, 4)::text, ' ' ORDER BY ordinal) FROM nf WHERE unit = 'percent' AND value IS NOT NULL),
          '40.0000 20.0000 20.0000 20.0000 40.0000 40.0000 100.0000 33.3333 100.0000 33.3333 33.3333',
          'base values are unrounded percentages');
SELECT is((SELECT string_agg(dashboard_no || ': ' || not_available_reason, '; ' ORDER BY ordinal) FROM nf
            WHERE dashboard_no IN (46, 67) AND value IS NULL),
          '46: no postcode look-up loaded (scripts/careleaver-load-postcodes); 67: no social worker episodes (SWEpisodes) loaded for this council and year',
          '46 and 67 without a look-up or SWEpisodes rows: no value, and why (metrics.md 14)');
SELECT is((SELECT count(*)::int FROM nf WHERE dashboard_no IN (3, 4, 5, 6) AND value IS NULL
            AND not_available_reason = 'no child population loaded for this council and year (scripts/careleaver-population)'), 4,
          'no population: the rates are not available, with the reason');

-- the care-leaver rows pool care_leavers_by_age (the same base, not a second computation)
SELECT is((SELECT (sum(eet), sum(care_leavers), sum(suitable),
                   sum(suitable + unsuitable + accommodation_not_known + no_information))::text
             FROM db.care_leavers_by_age WHERE la = 'T1' AND collection_year = 2024 AND age BETWEEN 19 AND 21),
          (SELECT (e.numerator, e.denominator, s.numerator, s.denominator)::text
             FROM nf e, nf s WHERE e.dashboard_no = 53 AND s.dashboard_no = 55),
          '53 and 55 are care_leavers_by_age summed over ages 19 to 21');

-- published, no population: rates x, Dashboard counts of 1 to 5 c, data not held x, empty denominators z
CREATE TEMP TABLE nfp AS SELECT * FROM db.national_framework_published WHERE la = 'T1' AND collection_year = 2024;
SELECT is((SELECT string_agg(coalesce(dashboard_no::text, '-') || '=' || value, ' ' ORDER BY ordinal) FROM nfp),
          '3=x 4=x 5=x 6=x 43=c 44=c 45=c 46=x 47=z 48=c 49=c 50=c 51=z 52=c 53=c 54=c 55=c 67=x -=c -=z -=x 1=x 2=x 23=x 24=x 26=x 27=x 28=x 29=x 30=x 31=x 32=x 33=x 34=x 35=x 36=x 37=x 38=x 39=x 40=x 41=x 42=x',
          'published at the default threshold: every count here is 1 to 5');

-- a population: 4,000 children aged 0 to 17 in the year (one ONS-style row, ages 0 to 17)
INSERT INTO db.population (la, year, age, age_to, count) VALUES ('T1', 2024, 0, 17, 4000);
CREATE TEMP TABLE nf2 AS SELECT * FROM db.national_framework WHERE la = 'T1' AND collection_year = 2024;
SELECT is((SELECT string_agg(value::text, ' ' ORDER BY ordinal) FROM nf2 WHERE dashboard_no IN (3, 4, 5, 6)),
          '12.5000000000000000 12.5000000000000000 5.0000000000000000 2.5000000000000000',
          'rates per 10,000 of the population, unrounded in the base view');
SELECT is((SELECT denominator FROM nf2 WHERE dashboard_no = 4), 4000::bigint, 'the rate''s denominator is the population');
SELECT is((SELECT child_population FROM db.looked_after_summary WHERE la = 'T1' AND collection_year = 2024), 4000::bigint,
          'looked_after_summary reads the same population (an age band counts)');

SET LOCAL careleaver.suppression_threshold = 0;
CREATE TEMP TABLE nfp0 AS SELECT * FROM db.national_framework_published WHERE la = 'T1' AND collection_year = 2024;
SET LOCAL careleaver.suppression_threshold = 1;
CREATE TEMP TABLE nfp1 AS SELECT * FROM db.national_framework_published WHERE la = 'T1' AND collection_year = 2024;
RESET careleaver.suppression_threshold;
SELECT is((SELECT string_agg(coalesce(dashboard_no::text, '-') || '=' || value, ' ' ORDER BY ordinal) FROM nfp0),
          '3=13 4=13 5=5 6=3 43=40 44=20 45=20 46=x 47=z 48=20 49=40 50=40 51=z 52=100 53=33 54=100 55=33 67=x -=33 -=z -=x 1=x 2=x 23=x 24=x 26=x 27=x 28=x 29=x 30=x 31=x 32=x 33=x 34=x 35=x 36=x 37=x 38=x 39=x 40=x 41=x 42=x',
          'published with no suppression: whole numbers as DfE publishes them, halves away from zero (12.5 is 13, 2.5 is 3)');
SELECT is((SELECT count(*)::int FROM nfp0 WHERE value = 'z' AND not_available_reason LIKE 'not applicable%'), 3,
          'an empty denominator reads z, with the reason (re-entry; 47 and 51: no adoption, no SDQ score here)');
SELECT is((SELECT string_agg(dashboard_no || '=' || value, ' ' ORDER BY ordinal) FROM nfp1 WHERE dashboard_no IN (6, 43, 44, 48, 49, 50)),
          '6=c 43=c 44=c 48=c 49=c 50=c',
          'threshold 1: one UASC child is c; one CAO ending hides the SGO endings with it (secondary), one foster child the other placement groups');
SELECT is((SELECT value FROM nfp1 WHERE dashboard_no = 45), 'c',
          '45: one child with three or more placements is hidden');
SELECT is((SELECT value FROM nfp1 WHERE dashboard_no = 4), '13', 'a rate of more than the threshold is shown');

-- previous year and change: 2022-23 has no population yet
SELECT is((SELECT (previous_value, change)::text FROM nfp0 WHERE dashboard_no = 4), '(x,x)',
          'previous year not available: previous value and change x');
INSERT INTO db.population (la, year, age, age_to, count) VALUES ('T1', 2023, 0, 17, 4000);
SET LOCAL careleaver.suppression_threshold = 0;
SELECT is((SELECT (previous_value, change)::text FROM db.national_framework_published
            WHERE la = 'T1' AND collection_year = 2024 AND dashboard_no = 4), '(13,+0)',
          '2022-23: five looked after on 31 March 2023 give 12.5 as well: change +0');
RESET careleaver.suppression_threshold;
CREATE TEMP TABLE nf3 AS SELECT * FROM db.national_framework WHERE la = 'T1' AND collection_year IN (2023, 2024);
SELECT is((SELECT round(previous_value, 1)::text || ' ' || round(change, 1)::text FROM nf3
            WHERE collection_year = 2024 AND dashboard_no = 4),
          '12.5 0.0', 'the base view''s previous value and change, unrounded');

-- 2022-23 by hand: looked after on 31 March 2023: D, F, H, J, K (L left May 2022, M 2021, N 2020)
SELECT is((SELECT numerator FROM nf3 WHERE collection_year = 2023 AND dashboard_no = 4),
          5::bigint, '4 in 2022-23: D, F, H, J, K');

-- re-entry: a year whose 12-month follow-ups are not all complete reads x, with the reason
INSERT INTO db.episodes (la, child, decom, rne, ls, place, "dec", rec) VALUES
  ('T1', 'A', '2022-01-01', 'S', 'C2', 'U4', '2022-04-10', 'E4B');   -- home in 2022-23; back after more than 12 months
-- the views read the fact layer: a change made by hand needs careleaver.refresh (doc/facts.md)
SELECT is((SELECT string_agg(council || ' ' || action, ', ') FROM careleaver.refresh('db')), 'T1 refreshed',
          'after a change by hand, refresh remakes the council''s facts');
SELECT is((SELECT (numerator, denominator)::text FROM db.national_framework
            WHERE la = 'T1' AND collection_year = 2023 AND ordinal = 21), '(0,1)',
          're-entry 2022-23: one return home, not followed by care within 12 months (complete by 31 March 2024)');
SET LOCAL careleaver.suppression_threshold = 0;
SELECT is((SELECT value FROM db.national_framework_published WHERE la = 'T1' AND collection_year = 2023 AND ordinal = 21),
          '0', 'its percentage is published');
RESET careleaver.suppression_threshold;
UPDATE db.episodes SET "dec" = '2023-12-01', rec = 'E4A' WHERE child = 'A' AND decom = '2023-05-01';
SELECT is((SELECT count(*)::int FROM careleaver.facts_stale('db')), 1, 'the change leaves the council''s facts stale');
SELECT is((SELECT count(*)::int FROM careleaver.refresh('db')), 1, 'refresh makes them current');
SELECT is((SELECT value || ': ' || not_available_reason FROM db.national_framework_published
            WHERE la = 'T1' AND collection_year = 2024 AND ordinal = 21),
          'x: 2 of 2 12-month follow-ups are incomplete at the data''s end',
          're-entry 2023-24: G''s and A''s returns home have no complete follow-up: x, not c');

-- the placement grouping of 48 to 50 (the code lists' DfE grouping)
SELECT results_eq($$SELECT careleaver.dfe_placement_group(p::careleaver.placement_type)
                      FROM unnest(ARRAY['U1', 'U6', 'K1', 'K2', 'P2', 'H5', 'K3']) p$$,
  ARRAY['Foster placements', 'Foster placements', 'Secure homes and children''s homes',
        'Secure homes and children''s homes',
        'Independent and semi-independent living arrangements/supported accommodation',
        'Independent and semi-independent living arrangements/supported accommodation',
        'Independent and semi-independent living arrangements/supported accommodation'],
  'dfe_placement_group: DfE''s groups of 48 to 50, independent and semi-independent together');

-- the catalogue
SELECT is((SELECT array_agg(dashboard_no ORDER BY ordinal) FROM careleaver.dashboard_indicators WHERE not_held IS NOT NULL),
          NULL::int[], 'the catalogue marks no indicator as needing data not yet held');
SELECT is((SELECT indicator FROM careleaver.dashboard_indicators WHERE dashboard_no = 50),
          '% CLA on 31 March living in independent and semi-independent living arrangements/supported accommodation',
          'indicators in DfE''s wording');
SELECT is((SELECT count(*)::int FROM careleaver.dashboard_indicators WHERE source !~ '^metrics\.md [0-9]+$'), 0,
          'every row cites a metrics.md section');

-- a dataset made before 0.2.0 without the uasc table: 5 and 6 read x with the reason
DROP TABLE db.uasc CASCADE;
SELECT lives_ok($$SELECT careleaver.create_reports('db')$$, 'create_reports runs on a dataset without a uasc table');
SELECT is((SELECT string_agg(DISTINCT value || ': ' || not_available_reason, ',') FROM
            (SELECT * FROM db.national_framework_published WHERE la = 'T1' AND collection_year = 2024) p
           WHERE dashboard_no IN (5, 6)),
          'x: the dataset has no uasc table', 'no uasc table: the UASC rates read x, with the reason');

-- create_reports replaces a national_framework view whose columns changed (a dataset reported under 0.1.0)
DROP VIEW db.national_framework;
CREATE VIEW db.national_framework AS SELECT 'T1'::text AS la, 2024 AS collection_year, 1 AS ordinal;
SELECT lives_ok($$SELECT careleaver.create_reports('db')$$, 'create_reports replaces a view of an older shape');
SELECT has_column('db', 'national_framework', 'dashboard_no', 'national_framework has dashboard_no');

SELECT * FROM finish();
ROLLBACK;
