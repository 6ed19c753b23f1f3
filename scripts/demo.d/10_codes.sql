-- The SSDA903 code types (doc/codes.md).
-- no search_path needed: names are qualified and codes compare with text
\echo '== SSDA903 code types: text as it arrives, read as codes'
SELECT raw, raw::careleaver.placement_type AS placement, careleaver.placement_group(raw::careleaver.placement_type) AS "group",
       careleaver.valid_in_year(raw::careleaver.placement_type, 2026) AS valid_2025_26
  FROM (VALUES (' u4'), ('k3'), ('Z12 '), ('h5'), ('T1')) v(raw);
\echo '== care-leaver outcomes: activity and accommodation'
SELECT a AS activity, careleaver.activity_group(a) AS activity_group, h AS accommodation,
       careleaver.accommodation_type_label(h) AS accommodation_type, careleaver.is_suitable(h) AS suitable
  FROM (VALUES ('F4'::careleaver.leaver_activity, 'Z1'::careleaver.leaver_accommodation),
               ('g5', 'V2'), ('0', '0')) v(a, h);
\echo '== a bad code is refused with a hint (the demo carries on)'
\set ON_ERROR_STOP 0
SELECT 'E99'::careleaver.ceased_reason;
\set ON_ERROR_STOP 1
\echo '== codes per list (careleaver.code_list, for BI tools)'
SELECT list_name, field, count(*) AS codes, string_agg(code, ' ' ORDER BY list_order) AS in_dfe_order
  FROM careleaver.code_list GROUP BY list_name, field ORDER BY min(list_order), list_name;
