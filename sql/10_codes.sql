-- SSDA903 code types: text round trips, the DfE spelling, and the exact
-- error text for bad input (a sample per type).
SET search_path = careleaver, public;
\set VERBOSITY default

-- input is trimmed and read ignoring case; output is the DfE spelling
SELECT ' c2'::legal_status AS ls, 'b'::new_episode_reason AS rne,
       E'\tz12\n'::placement_type AS place, 'e4a '::ceased_reason AS rec,
       'n1'::need_category AS cin, 'pr0'::placement_provider AS provider,
       'Custod'::placement_change_reason AS rpc, 'refu'::contact_status AS touch,
       '0'::leaver_activity AS activ, 'z1'::leaver_accommodation AS accom;

-- casts to and from text
SELECT 'E43'::text::ceased_reason::text AS rec, (' k3 '::text::placement_type)::text AS place;

-- NULL stays NULL
SELECT NULL::legal_status IS NULL AS null_is_null;

-- bad input, one or two per type
SELECT 'C3'::legal_status;
SELECT ''::legal_status;
SELECT 'X'::new_episode_reason;
SELECT 'Z15'::placement_type;
SELECT 'P 1'::placement_type;
SELECT 'E99'::ceased_reason;
SELECT '   '::ceased_reason;
SELECT 'N9'::need_category;
SELECT 'PR6'::placement_provider;
SELECT 'LIIAF'::placement_change_reason;
SELECT 'PCCHAN'::placement_change_reason;
SELECT 'MAYBE'::contact_status;
SELECT 'G7'::leaver_activity;
SELECT '00'::leaver_accommodation;
SELECT 'A1'::leaver_accommodation;
SELECT 'E2'::text::legal_status;

-- the same string in different lists
SELECT label('P1'::placement_type) AS place_p1, label('P1'::leaver_activity) AS activ_p1;

-- order is the DfE list order, not alphabetical
SELECT array_agg(c ORDER BY c) AS rec_order
  FROM (VALUES ('E8'::ceased_reason), ('x1'), ('E11'), ('E2'), ('E45'), ('E43')) v(c);
SELECT array_agg(c ORDER BY c) AS accom_order
  FROM (VALUES ('Z2'::leaver_accommodation), ('0'), ('S1'), ('b1')) v(c);

-- the code list, per type
SELECT list_name, field, count(*) AS codes,
       count(*) FILTER (WHERE first_year IS NOT NULL OR last_year IS NOT NULL) AS year_bounded,
       count(*) FILTER (WHERE NOT accepted_in_returns) AS never_valid
  FROM careleaver.code_list GROUP BY list_name, field ORDER BY min(list_name);

-- binary input is validated too (the binary form of a code is its text);
-- the file is relative, so in the server's data directory
CREATE TEMP TABLE bin_codes (ls legal_status);
COPY (SELECT 'C9'::text) TO PROGRAM 'cat > careleaver_regress_codes.bin' (FORMAT binary);
COPY bin_codes FROM PROGRAM 'cat careleaver_regress_codes.bin; rm -f careleaver_regress_codes.bin' (FORMAT binary);
COPY (SELECT ' v3 '::text) TO PROGRAM 'cat > careleaver_regress_codes.bin' (FORMAT binary);
COPY bin_codes FROM PROGRAM 'cat careleaver_regress_codes.bin; rm -f careleaver_regress_codes.bin' (FORMAT binary);
SELECT ls, is_short_break(ls), legal_status_group(ls) FROM bin_codes;
