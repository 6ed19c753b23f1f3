-- Dashboard parity, part 2: the reporting views of 91_dashboard_parity.sql in the registry of report views
-- (careleaver.report_views and report_view_columns, 92_reports.sql), as upserts so that the update script
-- refreshes them (extension/gen_update.py).

INSERT INTO careleaver.report_views (view_name, position, published, base_view, builder, description) VALUES
  ('adoption_timeliness', 300, false, NULL, 'adoption_timeliness_sql',
   'Average time between DfE''s adoption stages for the children adopted in the year, by age on starting the final period of care, in DfE''s table shape and labels (national_cla_adopted_average_time_between_adoption_process_stages); stage 2 is Dashboard 47 (metrics.md 12)'),
  ('adoption_timeliness_published', 310, true, 'adoption_timeliness', 'adoption_timeliness_published_sql',
   'adoption_timeliness as published: the children counted under disclosure control, the average time as DfE''s YY:MM, hidden with its count (metrics.md 9 and 12)'),
  ('kinship_care', 320, false, NULL, 'kinship_care_sql',
   'Kinship care: foster care with relatives or friends (U1 to U3) apart from other fostering on 31 March, and special guardianship and child arrangements orders ending periods of care, with the kinship shares (Dashboard 43 and 44; metrics.md 12)'),
  ('kinship_care_published', 330, true, 'kinship_care', 'kinship_care_published_sql',
   'kinship_care with disclosure control: each split is one row whose total is published; the children ceasing are suppressed as national_framework_published suppresses 43 and 44, and the special guardianship split is hidden with them (metrics.md 9 and 12)'),
  ('dashboard_comparison', 340, false, NULL, 'dashboard_comparison_sql',
   'Each Dashboard indicator of national_framework beside England, the council''s region, the mean of its ten statistical neighbours and its own figure as DfE published it (scripts/careleaver-load-published; metrics.md 13)')
ON CONFLICT (view_name) DO UPDATE SET position = EXCLUDED.position, published = EXCLUDED.published,
  base_view = EXCLUDED.base_view, builder = EXCLUDED.builder, description = EXCLUDED.description;

INSERT INTO careleaver.report_view_columns (view_name, column_name, position, description) VALUES
('adoption_timeliness', 'la', 1, 'Local authority code'),
  ('adoption_timeliness', 'collection_year', 2, 'Collection year of the adoption, named by the year it ends (metrics.md 1)'),
  ('adoption_timeliness', 'cla_group', 3, 'DfE''s grouping: Age on starting final period of care (metrics.md 12)'),
  ('adoption_timeliness', 'stage_of_adoption_process', 4, 'DfE''s stage, in its words; stage 2 is Dashboard 47 (metrics.md 12)'),
  ('adoption_timeliness', 'age_start_poc', 5, 'Age on starting the final period of care: Aged under 1, Aged 1 to Aged 6, Aged 7 and over, Total (metrics.md 12)'),
  ('adoption_timeliness', 'children', 6, 'Children adopted in the year with both dates of the stage, the later not before the earlier (metrics.md 12)'),
  ('adoption_timeliness', 'total_days', 7, 'Sum of the days between the two dates of the stage (metrics.md 12)'),
  ('adoption_timeliness', 'average_months', 8, 'Average days in months of 365.25 / 12 days (careleaver.months_from_days; metrics.md 12)'),
  ('adoption_timeliness', 'number', 9, 'The average as DfE writes it: years and months YY:MM (careleaver.years_months); c when the children are suppressed (metrics.md 9 and 12)'),
  ('adoption_timeliness_published', 'la', 1, 'Local authority code'),
  ('adoption_timeliness_published', 'collection_year', 2, 'Collection year of the adoption, named by the year it ends (metrics.md 1)'),
  ('adoption_timeliness_published', 'cla_group', 3, 'DfE''s grouping: Age on starting final period of care (metrics.md 12)'),
  ('adoption_timeliness_published', 'stage_of_adoption_process', 4, 'DfE''s stage, in its words; stage 2 is Dashboard 47 (metrics.md 12)'),
  ('adoption_timeliness_published', 'age_start_poc', 5, 'Age on starting the final period of care: Aged under 1, Aged 1 to Aged 6, Aged 7 and over, Total (metrics.md 12)'),
  ('adoption_timeliness_published', 'children', 6, 'Children adopted in the year with both dates of the stage, the later not before the earlier (metrics.md 12)'),
  ('adoption_timeliness_published', 'number', 7, 'The average as DfE writes it: years and months YY:MM (careleaver.years_months); c when the children are suppressed (metrics.md 9 and 12)'),
  ('dashboard_comparison', 'la', 1, 'Local authority code'),
  ('dashboard_comparison', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('dashboard_comparison', 'dashboard_no', 3, 'The indicator''s number in DfE''s Dashboard (careleaver.dashboard_indicators) (metrics.md 13)'),
  ('dashboard_comparison', 'value', 4, 'The council''s own figure from its data, unrounded (national_framework.value) (metrics.md 13)'),
  ('dashboard_comparison', 'england', 5, 'England''s figure as DfE published it (months for YY:MM); NULL when not loaded or suppressed (metrics.md 13)'),
  ('dashboard_comparison', 'region', 6, 'The figure of the council''s region as DfE published it (metrics.md 13)'),
  ('dashboard_comparison', 'statistical_neighbours', 7, 'Mean of the published figures of the council''s ten statistical neighbours, those not suppressed (metrics.md 13)'),
  ('dashboard_comparison', 'published', 8, 'The council''s own figure as DfE published it, to set beside value (metrics.md 13)'),
  ('dashboard_comparison', 'dfe_file', 9, 'The DfE file the comparators come from (careleaver.published_indicator_sources); NULL where DfE publishes no comparator of the indicator in the files careleaver reads (metrics.md 13)'),
  ('kinship_care', 'la', 1, 'Local authority code'),
  ('kinship_care', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('kinship_care', 'breakdown', 3, 'Foster placements on 31 March, Ceased: special guardianship order, or Ceased in the year (metrics.md 12)'),
  ('kinship_care', 'category', 4, 'The part of the breakdown, with the SSDA903 codes it counts (metrics.md 12)'),
  ('kinship_care', 'children', 5, 'Children in the category (on 31 March, short breaks left out; or whose last period of care ending in the year ended so) (metrics.md 12)'),
  ('kinship_care', 'total', 6, 'Children of the breakdown: in foster care on 31 March, ceased with a special guardianship order, or ceased in the year (metrics.md 12)'),
  ('kinship_care', 'percent', 7, 'children as a percentage of total (the kinship share; Dashboard 43 and 44 in Ceased in the year) (metrics.md 12)'),
  ('kinship_care_published', 'la', 1, 'Local authority code'),
  ('kinship_care_published', 'collection_year', 2, 'Collection year, named by the year it ends (metrics.md 1)'),
  ('kinship_care_published', 'breakdown', 3, 'Foster placements on 31 March, Ceased: special guardianship order, or Ceased in the year (metrics.md 12)'),
  ('kinship_care_published', 'category', 4, 'The part of the breakdown, with the SSDA903 codes it counts (metrics.md 12)'),
  ('kinship_care_published', 'children', 5, 'Children in the category (on 31 March, short breaks left out; or whose last period of care ending in the year ended so) (metrics.md 12)'),
  ('kinship_care_published', 'total', 6, 'Children of the breakdown: in foster care on 31 March, ceased with a special guardianship order, or ceased in the year (metrics.md 12)'),
  ('kinship_care_published', 'percent', 7, 'children as a percentage of total (the kinship share; Dashboard 43 and 44 in Ceased in the year) (metrics.md 12)')
ON CONFLICT (view_name, column_name) DO UPDATE SET position = EXCLUDED.position, description = EXCLUDED.description;
