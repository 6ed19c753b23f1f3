-- The main job: three synthetic councils, the reporting views, the headline tables
-- (published, under disclosure control) and the council report as a self-contained HTML page.
-- DEMO_CHILDREN (environment) sets the number of children across the three councils.
\set ON_ERROR_STOP 1
\set demo_output ''
\set demo_children ''
\getenv demo_output DEMO_OUTPUT
\getenv demo_children DEMO_CHILDREN
SELECT coalesce(nullif(:'demo_children', ''), '6000')::integer AS children \gset
SELECT coalesce(nullif(:'demo_output', ''), '.') AS demo_output \gset

\echo '== three synthetic councils (careleaver.generate_synthetic, deterministic: seed 42)'
SELECT * FROM careleaver.generate_synthetic('demo', :children, 42, 3);

\echo '== reporting views created in schema demo (careleaver.create_reports)'
SELECT v AS view_created FROM careleaver.create_reports('demo') AS v;

SELECT max(collection_year) AS report_year FROM demo.looked_after_summary \gset
\echo '== children looked after and periods of care, as published (c: 1 to 5, suppressed)'
SELECT * FROM demo.looked_after_summary_published
 WHERE collection_year BETWEEN :report_year - 2 AND :report_year ORDER BY la, collection_year;

\echo '== periods of care ended in the latest year by reason group, as published (c: suppressed)'
SELECT la, category AS reason_group, periods, all_periods AS periods_ended
  FROM demo.starts_and_ceases_by_reason_published
 WHERE collection_year = :report_year AND movement = 'ceased' AND breakdown = 'reason group' ORDER BY la, category;

\echo '== children looked after on 31 March by legal status group, latest year, as published'
SELECT la, category AS legal_status_group, children, looked_after_31_march
  FROM demo.looked_after_by_characteristic_published
 WHERE collection_year = :report_year AND breakdown = 'legal status' ORDER BY la, category;

\echo '== care leavers by age in the latest year, as published (metrics.md 5)'
SELECT la, age, care_leavers, in_touch_percent AS in_touch_pct, eet_percent AS eet_pct, neet_percent AS neet_pct,
       suitable_percent AS suitable_pct, no_information
  FROM demo.care_leavers_by_age_published WHERE collection_year = :report_year ORDER BY la, age;

\echo '== placement stability, the three DfE measures, as published (metrics.md 7)'
SELECT la, collection_year, looked_after_31_march, three_or_more_placements_percent AS short_term_pct,
       two_year_three_or_more_percent AS two_year_pct, long_term_stable_percent AS long_term_pct
  FROM demo.placement_stability_published
 WHERE collection_year BETWEEN :report_year - 2 AND :report_year ORDER BY la, collection_year;

\echo '== returned home by days since entering care, entrants two years before (metrics.md 6 and 8)'
SELECT la, entry_year, day, periods_started, returned_home_by_day, cumulative_incidence_percent AS pct
  FROM demo.return_home_by_duration_published WHERE entry_year = :report_year - 2 ORDER BY la, day;

\echo '== returns home and re-entry within 12 months, as published (follow-up incomplete is never "not re-entered")'
SELECT * FROM demo.returns_home_reentry_published
 WHERE collection_year BETWEEN :report_year - 2 AND :report_year ORDER BY la, collection_year;

\echo '== Children''s Social Care Dashboard indicators (DfE numbers), latest year and change on the year before, as published'
SELECT la, dashboard_no AS no, indicator, value, previous_value AS previous, change
  FROM demo.national_framework_published WHERE collection_year = :report_year ORDER BY la, ordinal;

\echo '== data quality: defects per council (all years)'
SELECT la, defect, sum(records) AS records FROM demo.data_quality GROUP BY la, defect ORDER BY la, defect;

\echo '== the council report: careleaver.report_html, one self-contained page per council'
\pset format unaligned
\pset tuples_only on
\set report_path :demo_output '/report.html'
\o :report_path
SELECT careleaver.report_html('demo', '213', :report_year);
\o
\set report_path :demo_output '/report-202.html'
\o :report_path
SELECT careleaver.report_html('demo', '202', :report_year);
\o
\set report_path :demo_output '/report-203.html'
\o :report_path
SELECT careleaver.report_html('demo', '203', :report_year);
\o
\pset tuples_only off
\pset format aligned
SELECT 'report.html (council 213), report-202.html, report-203.html' AS written_to_demo_output,
       :report_year AS collection_year;
