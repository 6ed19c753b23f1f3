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
