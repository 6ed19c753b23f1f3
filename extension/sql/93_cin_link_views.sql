-- Linkage of the Children in Need census to SSDA903, part 2: the reporting views of 86_cin_link.sql in the
-- registry of report views (careleaver.report_views and report_view_columns, 92_reports.sql), as upserts so
-- that the update script refreshes them (extension/gen_update.py).  doc/cin.md "Linkage to care".

INSERT INTO careleaver.report_views (view_name, position, published, base_view, builder, description) VALUES
  ('cin_linkage', 600, false, NULL, 'cin_linkage_sql',
   'Per council with CIN returns: its children in the CIN census and in SSDA903, those linked (LAchildID = CHILD) with the UPN agreeing or not comparable, those whose UPNs disagree (not linked, left out of every measure across the two) and those in one source only (careleaver.cin_link_status; metrics.md 15.1)'),
  ('care_after_family_help', 610, false, NULL, 'care_after_family_help_sql',
   'Children starting to be looked after in the year and, of those whose 12 months before are covered by CIN returns, those referred or on a protection plan in those 12 months (Family Help before care; careleaver.cin_care_year, metrics.md 15.1)'),
  ('care_after_family_help_published', 620, true, 'care_after_family_help', 'care_after_family_help_published_sql',
   'care_after_family_help with disclosure control: after Family Help, not, and not known are one row whose total is the children starting (metrics.md 9 and 15.1)'),
  ('care_after_family_help_routes', 630, false, NULL, 'care_after_family_help_routes_sql',
   'What came after: the children starting to be looked after in the year, by Family Help in the 12 months before (after it, none, not known) and by how that period of care ended by the data''s end (still looked after, returned home, adopted, special guardianship, child arrangements order, turned 18, other) (metrics.md 6 and 15.1)'),
  ('care_after_family_help_routes_published', 640, true, 'care_after_family_help_routes', 'care_after_family_help_routes_published_sql',
   'care_after_family_help_routes with disclosure control: each group''s routes are one row with secondary suppression (metrics.md 9 and 15.1)'),
  ('returns_home_rereferral', 650, false, NULL, 'returns_home_rereferral_sql',
   'Returns home (E4A, E4B) in the year followed by a CIN referral within 12 months; a return whose 12 months are not all covered by CIN returns is an incomplete follow-up, never "not re-referred" (metrics.md 6 and 15.1)'),
  ('returns_home_rereferral_published', 660, true, 'returns_home_rereferral', 'returns_home_rereferral_published_sql',
   'returns_home_rereferral with disclosure control; a year with incomplete follow-ups reads x, never a rate (metrics.md 9 and 15.1)')
ON CONFLICT (view_name) DO UPDATE SET position = EXCLUDED.position, published = EXCLUDED.published,
  base_view = EXCLUDED.base_view, builder = EXCLUDED.builder, description = EXCLUDED.description;

INSERT INTO careleaver.report_view_columns (view_name, column_name, position, description) VALUES
  ('cin_linkage', 'la', 1, 'Local authority code'),
  ('cin_linkage', 'cin_children', 2, 'Children in the council''s CIN records (cin_details or cin_child) (metrics.md 15.1)'),
  ('cin_linkage', 'ssda903_children', 3, 'Children in the council''s SSDA903 header (metrics.md 15.1)'),
  ('cin_linkage', 'linked_id_and_upn', 4, 'In both with LAchildID = CHILD and the CIN UPN or FormerUPN equal to the SSDA903 UPN (metrics.md 15.1)'),
  ('cin_linkage', 'linked_id_only', 5, 'In both with LAchildID = CHILD, a well-formed UPN missing on one side (metrics.md 15.1)'),
  ('cin_linkage', 'upn_conflict', 6, 'In both with LAchildID = CHILD but different UPNs: not linked, left out of the measures across the two (metrics.md 15.1)'),
  ('cin_linkage', 'cin_only', 7, 'In the CIN records only (never looked after, or under another identifier) (metrics.md 15.1)'),
  ('cin_linkage', 'ssda903_only', 8, 'In SSDA903 only (looked after with no CIN record) (metrics.md 15.1)'),
  ('care_after_family_help', 'la', 1, 'Local authority code'),
  ('care_after_family_help', 'collection_year', 2, 'Collection year of the start of care, named by the year it ends (metrics.md 1)'),
  ('care_after_family_help', 'started_looked_after', 3, 'Children whose period of care started in the year (each child once, short breaks left out; UPN conflicts left out) (metrics.md 15.1)'),
  ('care_after_family_help', 'lookback_not_covered', 4, 'Of them, those whose 12 months before the start are not all covered by the council''s CIN returns: not known, out of the percentages (metrics.md 15.1)'),
  ('care_after_family_help', 'after_referral_within_12_months', 5, 'Of them, those with a CIN referral on or after the same day a year before the start, up to the start (metrics.md 15.1)'),
  ('care_after_family_help', 'after_cpp_within_12_months', 6, 'Of them, those on a child protection plan on a day of the 12 months before the start (metrics.md 15.1)'),
  ('care_after_family_help', 'after_family_help_within_12_months', 7, 'Of them, those with either (metrics.md 15.1)'),
  ('care_after_family_help', 'after_referral_percent', 8, 'Referred in the 12 months before, % of the children starting whose 12 months are covered (metrics.md 15.1)'),
  ('care_after_family_help', 'after_cpp_percent', 9, 'On a protection plan in the 12 months before, % of the children starting whose 12 months are covered (metrics.md 15.1)'),
  ('care_after_family_help', 'after_family_help_percent', 10, 'Either, % of the children starting whose 12 months are covered (metrics.md 15.1)'),
  ('care_after_family_help_routes', 'la', 1, 'Local authority code'),
  ('care_after_family_help_routes', 'collection_year', 2, 'Collection year of the start of care, named by the year it ends (metrics.md 1)'),
  ('care_after_family_help_routes', 'family_help_order', 3, 'Position of the group: 1 after Family Help, 2 none, 3 not known (metrics.md 15.1)'),
  ('care_after_family_help_routes', 'family_help', 4, 'Family Help in the 12 months before the start of care: after it, none, or not known (metrics.md 15.1)'),
  ('care_after_family_help_routes', 'route_order', 5, 'Position of the route, as listed (metrics.md 6)'),
  ('care_after_family_help_routes', 'route', 6, 'How the period of care ended by the data''s end: still looked after, returned home (E4A, E4B), adopted, special guardianship, child arrangements order, turned 18, other (metrics.md 6)'),
  ('care_after_family_help_routes', 'children', 7, 'Children of the group whose period of care ended so (metrics.md 15.1)'),
  ('returns_home_rereferral', 'la', 1, 'Local authority code'),
  ('returns_home_rereferral', 'collection_year', 2, 'Collection year of the return home, named by the year it ends (metrics.md 1)'),
  ('returns_home_rereferral', 'returned_home', 3, 'Returns home (a period of care ending E4A or E4B) in the year (metrics.md 6; UPN conflicts left out)'),
  ('returns_home_rereferral', 'rereferred_within_12_months', 4, 'Of them, followed by a CIN referral after the return and within 12 months (metrics.md 15.1)'),
  ('returns_home_rereferral', 'not_rereferred', 5, 'Of them, not re-referred in 12 months that CIN returns cover whole (metrics.md 15.1)'),
  ('returns_home_rereferral', 'follow_up_incomplete', 6, 'Of them, those whose 12 months are not all covered by CIN returns: neither re-referred nor not (metrics.md 15.1)'),
  ('returns_home_rereferral', 'rereferral_percent', 7, 'Re-referred, % of the returns home with a complete follow-up (metrics.md 15.1)'),
  ('returns_home_rereferral', 'basis', 8, 'complete follow-up, or how many follow-ups are incomplete (metrics.md 11 and 15.1)')
ON CONFLICT (view_name, column_name) DO UPDATE SET position = EXCLUDED.position, description = EXCLUDED.description;
