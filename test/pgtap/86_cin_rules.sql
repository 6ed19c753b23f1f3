-- DfE's CIN census rules (extension/sql/86_cin_rules.sql, doc/validation.md "The CIN census rules"), each on a
-- hand-worked pair of children in a scratch dataset: r<code>v<year>y must be flagged by the rule, r<code>v<year>n
-- (the same situation just inside the rule) must not.  Every row of a child is written with the file
-- r<code>v<year><y|n>.csv, so a pair is found by row_ref whatever other rules say about it; the children start
-- from a clean one (pg_temp.kid) that no rule flags (checked below for a whole council).
BEGIN;
SELECT plan(119);

\o /dev/null
SELECT careleaver.create_dataset('cv');
CREATE TEMP SEQUENCE line_no;
CREATE TEMP SEQUENCE upn_no START 100000000000;

-- a clean child of the return of the year: born 2015, referred 1 May, assessed 2 to 20 May (factor 1A), no
-- disability (NONE), CIN episode open on 31 March
CREATE FUNCTION pg_temp.kid(id text, y integer, council text DEFAULT 'T1')
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  f text := id || '.csv';
  digits text := nextval('upn_no')::text;
BEGIN
  INSERT INTO cv.return_cin_child (la, year, lachildid, upn, personbirthdate, sex, ethnicity, source_file, source_line)
  VALUES (council, y, id, careleaver.upn_check_letter('A' || digits) || digits, DATE '2015-06-01',
          CASE WHEN y >= 2025 THEN 'M' ELSE '1' END, 'WBRI', f, nextval('line_no'));
  INSERT INTO cv.return_cin_disabilities VALUES (council, y, id, 'NONE', f, nextval('line_no'));
  INSERT INTO cv.return_cin_details (la, year, lachildid, cindetailsid, cinreferraldate, referralsource, primaryneedcode,
                                     referralnfa, source_file, source_line)
  VALUES (council, y, id, 'D1', make_date(y - 1, 5, 1), '1A', 'N1', false, f, nextval('line_no'));
  INSERT INTO cv.return_cin_assessments (la, year, lachildid, cindetailsid, assessmentid, assessmentactualstartdate,
                                         assessmentauthorisationdate, source_file, source_line)
  VALUES (council, y, id, 'D1', 'A1', make_date(y - 1, 5, 2), make_date(y - 1, 5, 20), f, nextval('line_no'));
  INSERT INTO cv.return_cin_factors VALUES (council, y, id, 'D1', 'A1', '1A', f, nextval('line_no'));
END $$;

-- 8500 (2025)
SELECT pg_temp.kid('r8500v2025y', 2025);
SELECT pg_temp.kid('r8500v2025n', 2025);
UPDATE cv.return_cin_child SET lachildid = '' WHERE source_file = 'r8500v2025y.csv';
UPDATE cv.return_cin_child SET lachildid = ' x' WHERE source_file = 'r8500v2025n.csv';

-- 8510 (2025)
SELECT pg_temp.kid('r8510v2025y', 2025);
SELECT pg_temp.kid('r8510v2025n', 2025);
INSERT INTO cv.return_cin_child SELECT la, year, lachildid, upn, formerupn, upnunknown, personbirthdate, expectedpersonbirthdate, sex, persondeathdate, ethnicity, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8510v2025y.csv';
INSERT INTO cv.return_cin_child SELECT la, year, lachildid || 'b', NULL,  formerupn, 'UN2', personbirthdate, expectedpersonbirthdate, sex, persondeathdate, ethnicity, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8510v2025n.csv';

-- 1520 (2025)
SELECT pg_temp.kid('r1520v2025y', 2025);
SELECT pg_temp.kid('r1520v2025n', 2025);
INSERT INTO cv.return_cin_child SELECT la, year, lachildid || 'b', upn, formerupn, upnunknown, personbirthdate, expectedpersonbirthdate, sex, persondeathdate, ethnicity, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r1520v2025y.csv';
INSERT INTO cv.return_cin_child SELECT la, year, lachildid || 'b', NULL,  formerupn, 'UN2', personbirthdate, expectedpersonbirthdate, sex, persondeathdate, ethnicity, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r1520v2025n.csv';

-- 1510 (2025)
SELECT pg_temp.kid('r1510v2025y', 2025);
SELECT pg_temp.kid('r1510v2025n', 2025);
UPDATE cv.return_cin_child SET upn = CASE WHEN left(upn, 1) = 'A' THEN 'B' ELSE 'A' END || substr(upn, 2) WHERE source_file = 'r1510v2025y.csv';
UPDATE cv.return_cin_child SET upn = left(upn, 12) || 'A' WHERE source_file = 'r1510v2025n.csv';

-- 1540 (2025)
SELECT pg_temp.kid('r1540v2025y', 2025);
SELECT pg_temp.kid('r1540v2025n', 2025);
UPDATE cv.return_cin_child SET upn = left(upn, 6) || 'X' || substr(upn, 8) WHERE source_file = 'r1540v2025y.csv';

-- 1550 (2025)
SELECT pg_temp.kid('r1550v2025y', 2025);
SELECT pg_temp.kid('r1550v2025n', 2025);
UPDATE cv.return_cin_child SET upn = left(upn, 12) || 'I' WHERE source_file = 'r1550v2025y.csv';
UPDATE cv.return_cin_child SET upn = left(upn, 12) || 'H' WHERE source_file = 'r1550v2025n.csv';

-- 1560Q (2025)
SELECT pg_temp.kid('r1560Qv2025y', 2025);
SELECT pg_temp.kid('r1560Qv2025n', 2025);
UPDATE cv.return_cin_child SET formerupn = 'A12345678901' WHERE source_file = 'r1560Qv2025y.csv';
UPDATE cv.return_cin_child SET formerupn = 'A123456789012' WHERE source_file = 'r1560Qv2025n.csv';

-- 1570 (2025)
SELECT pg_temp.kid('r1570v2025y', 2025);
SELECT pg_temp.kid('r1570v2025n', 2025);
UPDATE cv.return_cin_child SET lachildid = lachildid || repeat('x', 20) WHERE source_file = 'r1570v2025y.csv';
UPDATE cv.return_cin_child SET lachildid = left(lachildid || repeat('x', 20), 20) WHERE source_file = 'r1570v2025n.csv';

-- 1580 (2025)
SELECT pg_temp.kid('r1580v2025y', 2025);
SELECT pg_temp.kid('r1580v2025n', 2025);
UPDATE cv.return_cin_child SET lachildid = lachildid || '-1' WHERE source_file = 'r1580v2025y.csv';
UPDATE cv.return_cin_child SET lachildid = lachildid || '1' WHERE source_file = 'r1580v2025n.csv';

-- 4180 (2025)
SELECT pg_temp.kid('r4180v2025y', 2025);
SELECT pg_temp.kid('r4180v2025n', 2025);
UPDATE cv.return_cin_child SET sex = '1' WHERE source_file = 'r4180v2025y.csv';
UPDATE cv.return_cin_child SET sex = 'U' WHERE source_file = 'r4180v2025n.csv';

-- 4180 (2024)
SELECT pg_temp.kid('r4180v2024y', 2024);
SELECT pg_temp.kid('r4180v2024n', 2024);
UPDATE cv.return_cin_child SET sex = 'M' WHERE source_file = 'r4180v2024y.csv';
UPDATE cv.return_cin_child SET sex = '9' WHERE source_file = 'r4180v2024n.csv';

-- 4220 (2025)
SELECT pg_temp.kid('r4220v2025y', 2025);
SELECT pg_temp.kid('r4220v2025n', 2025);
UPDATE cv.return_cin_child SET ethnicity = NULL WHERE source_file = 'r4220v2025y.csv';

-- 8520 (2025)
SELECT pg_temp.kid('r8520v2025y', 2025);
SELECT pg_temp.kid('r8520v2025n', 2025);
UPDATE cv.return_cin_child SET personbirthdate = '2025-04-01' WHERE source_file = 'r8520v2025y.csv';
UPDATE cv.return_cin_child SET personbirthdate = '2024-03-31' WHERE source_file = 'r8520v2025n.csv';
UPDATE cv.return_cin_details SET cinreferraldate = '2024-04-01' WHERE source_file = 'r8520v2025n.csv';

-- 8525Q (2025)
SELECT pg_temp.kid('r8525Qv2025y', 2025);
SELECT pg_temp.kid('r8525Qv2025n', 2025);
UPDATE cv.return_cin_child SET expectedpersonbirthdate = '2015-06-01' WHERE source_file = 'r8525Qv2025y.csv';

-- 8530Q (2025)
SELECT pg_temp.kid('r8530Qv2025y', 2025);
SELECT pg_temp.kid('r8530Qv2025n', 2025);
UPDATE cv.return_cin_child SET personbirthdate = NULL, expectedpersonbirthdate = '2026-01-01', sex = 'U', upn = NULL, upnunknown = 'UN1' WHERE source_file = 'r8530Qv2025y.csv';
UPDATE cv.return_cin_child SET personbirthdate = NULL, expectedpersonbirthdate = '2025-12-31', sex = 'U', upn = NULL, upnunknown = 'UN1' WHERE source_file = 'r8530Qv2025n.csv';

-- 8535Q (2025)
SELECT pg_temp.kid('r8535Qv2025y', 2025);
SELECT pg_temp.kid('r8535Qv2025n', 2025);
UPDATE cv.return_cin_child SET persondeathdate = '2015-05-31' WHERE source_file = 'r8535Qv2025y.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-06-01', reasonforclosure = 'RC2', cinreferraldate = '2024-04-02' WHERE source_file = 'r8535Qv2025y.csv';
UPDATE cv.return_cin_child SET persondeathdate = '2024-06-01' WHERE source_file = 'r8535Qv2025n.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-06-01', reasonforclosure = 'RC2' WHERE source_file = 'r8535Qv2025n.csv';

-- 8545Q (2025)
SELECT pg_temp.kid('r8545Qv2025y', 2025);
SELECT pg_temp.kid('r8545Qv2025n', 2025);
UPDATE cv.return_cin_child SET persondeathdate = '2025-04-01' WHERE source_file = 'r8545Qv2025y.csv';
UPDATE cv.return_cin_child SET persondeathdate = '2025-03-31' WHERE source_file = 'r8545Qv2025n.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2025-03-31', reasonforclosure = 'RC2' WHERE source_file = 'r8545Qv2025n.csv';

-- 8590 (2025)
SELECT pg_temp.kid('r8590v2025y', 2025);
SELECT pg_temp.kid('r8590v2025n', 2025);
DELETE FROM cv.return_cin_details WHERE source_file = 'r8590v2025y.csv';
DELETE FROM cv.return_cin_assessments WHERE source_file = 'r8590v2025y.csv';
DELETE FROM cv.return_cin_factors WHERE source_file = 'r8590v2025y.csv';

-- 8750 (2025)
SELECT pg_temp.kid('r8750v2025y', 2025);
SELECT pg_temp.kid('r8750v2025n', 2025);
UPDATE cv.return_cin_child SET personbirthdate = NULL, expectedpersonbirthdate = '2025-05-01', sex = 'F', upn = NULL, upnunknown = 'UN1' WHERE source_file = 'r8750v2025y.csv';
UPDATE cv.return_cin_child SET personbirthdate = NULL, expectedpersonbirthdate = '2025-05-01', sex = 'U', upn = NULL, upnunknown = 'UN1' WHERE source_file = 'r8750v2025n.csv';

-- 8750 (2024)
SELECT pg_temp.kid('r8750v2024y', 2024);
SELECT pg_temp.kid('r8750v2024n', 2024);
UPDATE cv.return_cin_child SET personbirthdate = NULL, expectedpersonbirthdate = '2024-05-01', sex = 'U', upn = NULL, upnunknown = 'UN1' WHERE source_file = 'r8750v2024y.csv';
UPDATE cv.return_cin_child SET personbirthdate = NULL, expectedpersonbirthdate = '2024-05-01', sex = '0', upn = NULL, upnunknown = 'UN1' WHERE source_file = 'r8750v2024n.csv';

-- 8770Q (2025)
SELECT pg_temp.kid('r8770Qv2025y', 2025);
SELECT pg_temp.kid('r8770Qv2025n', 2025);
UPDATE cv.return_cin_child SET upn = NULL, upnunknown = 'UN1', personbirthdate = '2019-08-31' WHERE source_file = 'r8770Qv2025y.csv';
UPDATE cv.return_cin_child SET upn = NULL, upnunknown = 'UN1', personbirthdate = '2019-09-01' WHERE source_file = 'r8770Qv2025n.csv';

-- 8772 (2025)
SELECT pg_temp.kid('r8772v2025y', 2025);
SELECT pg_temp.kid('r8772v2025n', 2025);
UPDATE cv.return_cin_child SET upn = NULL, upnunknown = 'UN7' WHERE source_file = 'r8772v2025y.csv';
UPDATE cv.return_cin_child SET upn = NULL, upnunknown = 'UN7' WHERE source_file = 'r8772v2025n.csv';
UPDATE cv.return_cin_details SET referralnfa = true WHERE source_file = 'r8772v2025n.csv';
DELETE FROM cv.return_cin_assessments WHERE source_file = 'r8772v2025n.csv';
DELETE FROM cv.return_cin_factors WHERE source_file = 'r8772v2025n.csv';

-- 8775Q (2025)
SELECT pg_temp.kid('r8775Qv2025y', 2025);
SELECT pg_temp.kid('r8775Qv2025n', 2025);
UPDATE cv.return_cin_child SET personbirthdate = '1999-01-01' WHERE source_file = 'r8775Qv2025y.csv';
UPDATE cv.return_cin_child SET personbirthdate = '2000-04-01' WHERE source_file = 'r8775Qv2025n.csv';

-- 8540 (2025)
SELECT pg_temp.kid('r8540v2025y', 2025);
SELECT pg_temp.kid('r8540v2025n', 2025);
DELETE FROM cv.return_cin_disabilities WHERE source_file = 'r8540v2025y.csv';
DELETE FROM cv.return_cin_disabilities WHERE source_file = 'r8540v2025n.csv';
UPDATE cv.return_cin_details SET referralnfa = true WHERE source_file = 'r8540v2025n.csv';
DELETE FROM cv.return_cin_assessments WHERE source_file = 'r8540v2025n.csv';
DELETE FROM cv.return_cin_factors WHERE source_file = 'r8540v2025n.csv';

-- 8790 (2025)
SELECT pg_temp.kid('r8790v2025y', 2025);
SELECT pg_temp.kid('r8790v2025n', 2025);
INSERT INTO cv.return_cin_disabilities SELECT la, year, lachildid, 'MOB', source_file, nextval('line_no') FROM cv.return_cin_disabilities WHERE source_file = 'r8790v2025y.csv';
UPDATE cv.return_cin_disabilities SET disability = 'MOB' WHERE source_file = 'r8790v2025n.csv';
INSERT INTO cv.return_cin_disabilities SELECT la, year, lachildid, 'HAND', source_file, nextval('line_no') FROM cv.return_cin_disabilities WHERE source_file = 'r8790v2025n.csv';

-- 8794 (2025)
SELECT pg_temp.kid('r8794v2025y', 2025);
SELECT pg_temp.kid('r8794v2025n', 2025);
UPDATE cv.return_cin_disabilities SET disability = 'MOB' WHERE source_file = 'r8794v2025y.csv';
INSERT INTO cv.return_cin_disabilities SELECT la, year, lachildid, 'MOB', source_file, nextval('line_no') FROM cv.return_cin_disabilities WHERE source_file = 'r8794v2025y.csv';
UPDATE cv.return_cin_disabilities SET disability = 'MOB' WHERE source_file = 'r8794v2025n.csv';
INSERT INTO cv.return_cin_disabilities SELECT la, year, lachildid, 'HAND', source_file, nextval('line_no') FROM cv.return_cin_disabilities WHERE source_file = 'r8794v2025n.csv';

-- 8568 (2025)
SELECT pg_temp.kid('r8568v2025y', 2025);
SELECT pg_temp.kid('r8568v2025n', 2025);
UPDATE cv.return_cin_details SET referralnfa = NULL WHERE source_file = 'r8568v2025y.csv';

-- 8569Q (2025)
SELECT pg_temp.kid('r8569Qv2025y', 2025);
SELECT pg_temp.kid('r8569Qv2025n', 2025);
UPDATE cv.return_cin_details SET referralnfa = true, cinreferraldate = '2024-03-27' WHERE source_file = 'r8569Qv2025y.csv';
DELETE FROM cv.return_cin_assessments WHERE source_file = 'r8569Qv2025y.csv';
DELETE FROM cv.return_cin_factors WHERE source_file = 'r8569Qv2025y.csv';
UPDATE cv.return_cin_details SET referralnfa = true, cinreferraldate = '2024-03-28' WHERE source_file = 'r8569Qv2025n.csv';
DELETE FROM cv.return_cin_assessments WHERE source_file = 'r8569Qv2025n.csv';
DELETE FROM cv.return_cin_factors WHERE source_file = 'r8569Qv2025n.csv';

-- 8585Q (2025)
SELECT pg_temp.kid('r8585Qv2025y', 2025);
SELECT pg_temp.kid('r8585Qv2025n', 2025);
UPDATE cv.return_cin_details SET cinclosuredate = '2024-06-01', reasonforclosure = 'RC2' WHERE source_file = 'r8585Qv2025y.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-06-01', reasonforclosure = 'RC2' WHERE source_file = 'r8585Qv2025n.csv';
UPDATE cv.return_cin_child SET persondeathdate = '2024-06-01' WHERE source_file = 'r8585Qv2025n.csv';

-- 8600 (2025)
SELECT pg_temp.kid('r8600v2025y', 2025);
SELECT pg_temp.kid('r8600v2025n', 2025);
UPDATE cv.return_cin_details SET cinreferraldate = '2025-04-01' WHERE source_file = 'r8600v2025y.csv';
UPDATE cv.return_cin_details SET cinreferraldate = '2024-05-02' WHERE source_file = 'r8600v2025n.csv';

-- 8606 (2025)
SELECT pg_temp.kid('r8606v2025y', 2025);
SELECT pg_temp.kid('r8606v2025n', 2025);
UPDATE cv.return_cin_child SET personbirthdate = '2025-02-05' WHERE source_file = 'r8606v2025y.csv';
UPDATE cv.return_cin_details SET cinreferraldate = '2024-04-30' WHERE source_file = 'r8606v2025y.csv';
UPDATE cv.return_cin_assessments SET assessmentactualstartdate = '2025-02-05', assessmentauthorisationdate = '2025-02-06' WHERE source_file = 'r8606v2025y.csv';
UPDATE cv.return_cin_child SET personbirthdate = '2025-02-05' WHERE source_file = 'r8606v2025n.csv';
UPDATE cv.return_cin_details SET cinreferraldate = '2024-05-01' WHERE source_file = 'r8606v2025n.csv';
UPDATE cv.return_cin_assessments SET assessmentactualstartdate = '2025-02-05', assessmentauthorisationdate = '2025-02-06' WHERE source_file = 'r8606v2025n.csv';

-- 8610 (2025)
SELECT pg_temp.kid('r8610v2025y', 2025);
SELECT pg_temp.kid('r8610v2025n', 2025);
UPDATE cv.return_cin_details SET primaryneedcode = NULL WHERE source_file = 'r8610v2025y.csv';

-- 8620 (2025)
SELECT pg_temp.kid('r8620v2025y', 2025);
SELECT pg_temp.kid('r8620v2025n', 2025);
UPDATE cv.return_cin_details SET cinclosuredate = '2025-04-01', reasonforclosure = 'RC1' WHERE source_file = 'r8620v2025y.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2025-03-31', reasonforclosure = 'RC1' WHERE source_file = 'r8620v2025n.csv';

-- 8630 (2025)
SELECT pg_temp.kid('r8630v2025y', 2025);
SELECT pg_temp.kid('r8630v2025n', 2025);
UPDATE cv.return_cin_details SET cinreferraldate = '2024-05-01', cinclosuredate = '2024-04-30', reasonforclosure = 'RC1' WHERE source_file = 'r8630v2025y.csv';
UPDATE cv.return_cin_assessments SET assessmentactualstartdate = '2024-04-29', assessmentauthorisationdate = '2024-04-30' WHERE source_file = 'r8630v2025y.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-05-20', reasonforclosure = 'RC1' WHERE source_file = 'r8630v2025n.csv';

-- 8640 (2025)
SELECT pg_temp.kid('r8640v2025y', 2025);
SELECT pg_temp.kid('r8640v2025n', 2025);
UPDATE cv.return_cin_details SET reasonforclosure = 'RC0', cinclosuredate = '2024-06-01' WHERE source_file = 'r8640v2025y.csv';
UPDATE cv.return_cin_details SET reasonforclosure = 'RC9', cinclosuredate = '2024-06-01' WHERE source_file = 'r8640v2025n.csv';

-- 8650 (2025)
SELECT pg_temp.kid('r8650v2025y', 2025);
SELECT pg_temp.kid('r8650v2025n', 2025);
UPDATE cv.return_cin_details SET primaryneedcode = 'N10' WHERE source_file = 'r8650v2025y.csv';
UPDATE cv.return_cin_details SET primaryneedcode = 'N9' WHERE source_file = 'r8650v2025n.csv';

-- 8805 (2025)
SELECT pg_temp.kid('r8805v2025y', 2025);
SELECT pg_temp.kid('r8805v2025n', 2025);
UPDATE cv.return_cin_details SET cinclosuredate = '2024-06-01' WHERE source_file = 'r8805v2025y.csv';

-- 8810 (2025)
SELECT pg_temp.kid('r8810v2025y', 2025);
SELECT pg_temp.kid('r8810v2025n', 2025);
UPDATE cv.return_cin_details SET reasonforclosure = 'RC1' WHERE source_file = 'r8810v2025y.csv';

-- 8815 (2025)
SELECT pg_temp.kid('r8815v2025y', 2025);
SELECT pg_temp.kid('r8815v2025n', 2025);
INSERT INTO cv.return_cin_details SELECT la, year, lachildid, 'D2', '2024-04-20', referralsource, primaryneedcode, NULL, NULL, NULL, false, source_file, nextval('line_no') FROM cv.return_cin_details WHERE source_file = 'r8815v2025y.csv';
INSERT INTO cv.return_cin_details SELECT la, year, lachildid, 'D2', '2024-04-20', referralsource, primaryneedcode, NULL, NULL, NULL, true, source_file, nextval('line_no') FROM cv.return_cin_details WHERE source_file = 'r8815v2025n.csv';

-- 8816 (2025)
SELECT pg_temp.kid('r8816v2025y', 2025);
SELECT pg_temp.kid('r8816v2025n', 2025);
INSERT INTO cv.return_cin_details SELECT la, year, lachildid, 'D2', '2024-06-20', referralsource, primaryneedcode, '2024-06-25', 'RC1', NULL, false, source_file, nextval('line_no') FROM cv.return_cin_details WHERE source_file = 'r8816v2025y.csv';
INSERT INTO cv.return_cin_details SELECT la, year, lachildid, 'D2', '2024-04-20', referralsource, primaryneedcode, '2024-04-25', 'RC1', NULL, false, source_file, nextval('line_no') FROM cv.return_cin_details WHERE source_file = 'r8816v2025n.csv';

-- 8820 (2025)
SELECT pg_temp.kid('r8820v2025y', 2025);
SELECT pg_temp.kid('r8820v2025n', 2025);
INSERT INTO cv.return_cin_details SELECT la, year, lachildid, 'D2', '2024-04-02', referralsource, primaryneedcode, '2024-05-02', 'RC1', NULL, false, source_file, nextval('line_no') FROM cv.return_cin_details WHERE source_file = 'r8820v2025y.csv';
INSERT INTO cv.return_cin_details SELECT la, year, lachildid, 'D2', '2024-04-02', referralsource, primaryneedcode, '2024-05-01', 'RC1', NULL, false, source_file, nextval('line_no') FROM cv.return_cin_details WHERE source_file = 'r8820v2025n.csv';

-- 8825Q (2025)
SELECT pg_temp.kid('r8825Qv2025y', 2025);
SELECT pg_temp.kid('r8825Qv2025n', 2025);
UPDATE cv.return_cin_details SET cinclosuredate = '2024-06-01', reasonforclosure = 'RC8' WHERE source_file = 'r8825Qv2025y.csv';
DELETE FROM cv.return_cin_assessments WHERE source_file = 'r8825Qv2025y.csv';
DELETE FROM cv.return_cin_factors WHERE source_file = 'r8825Qv2025y.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-06-01', reasonforclosure = 'RC8' WHERE source_file = 'r8825Qv2025n.csv';

-- 8831 (2025)
SELECT pg_temp.kid('r8831v2025y', 2025);
SELECT pg_temp.kid('r8831v2025n', 2025);
UPDATE cv.return_cin_details SET referralnfa = true WHERE source_file = 'r8831v2025y.csv';
UPDATE cv.return_cin_details SET referralnfa = true WHERE source_file = 'r8831v2025n.csv';
DELETE FROM cv.return_cin_assessments WHERE source_file = 'r8831v2025n.csv';
DELETE FROM cv.return_cin_factors WHERE source_file = 'r8831v2025n.csv';

-- 8866 (2025)
SELECT pg_temp.kid('r8866v2025y', 2025);
SELECT pg_temp.kid('r8866v2025n', 2025);
UPDATE cv.return_cin_details SET referralsource = NULL WHERE source_file = 'r8866v2025y.csv';
UPDATE cv.return_cin_details SET referralsource = NULL, cinreferraldate = '2013-03-31', cinclosuredate = '2024-06-01', reasonforclosure = 'RC1' WHERE source_file = 'r8866v2025n.csv';
UPDATE cv.return_cin_child SET personbirthdate = '2012-06-01' WHERE source_file = 'r8866v2025n.csv';

-- 8867 (2025)
SELECT pg_temp.kid('r8867v2025y', 2025);
SELECT pg_temp.kid('r8867v2025n', 2025);
UPDATE cv.return_cin_details SET cinclosuredate = '2024-06-01', reasonforclosure = 'RC1' WHERE source_file = 'r8867v2025y.csv';
UPDATE cv.return_cin_assessments SET assessmentauthorisationdate = NULL WHERE source_file = 'r8867v2025y.csv';
DELETE FROM cv.return_cin_factors WHERE source_file = 'r8867v2025y.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-06-01', reasonforclosure = 'RC1' WHERE source_file = 'r8867v2025n.csv';

-- 8868 (2025)
SELECT pg_temp.kid('r8868v2025y', 2025);
SELECT pg_temp.kid('r8868v2025n', 2025);
UPDATE cv.return_cin_details SET cinclosuredate = '2024-06-01', reasonforclosure = 'RC1' WHERE source_file = 'r8868v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', NULL, false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8868v2025y.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-06-01', reasonforclosure = 'RC1' WHERE source_file = 'r8868v2025n.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', NULL, true, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8868v2025n.csv';

-- 2990 (2025)
SELECT pg_temp.kid('r2990v2025y', 2025);
SELECT pg_temp.kid('r2990v2025n', 2025);
UPDATE cv.return_cin_details SET cinclosuredate = '2024-06-01', reasonforclosure = 'RC9' WHERE source_file = 'r2990v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', NULL, true, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r2990v2025y.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-06-01', reasonforclosure = 'RC9' WHERE source_file = 'r2990v2025n.csv';

-- 2991Q (2025)
SELECT pg_temp.kid('r2991Qv2025y', 2025);
SELECT pg_temp.kid('r2991Qv2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r2991Qv2025y.csv';
DELETE FROM cv.return_cin_assessments WHERE source_file = 'r2991Qv2025y.csv';
DELETE FROM cv.return_cin_factors WHERE source_file = 'r2991Qv2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r2991Qv2025n.csv';

-- 8565 (2025)
SELECT pg_temp.kid('r8565v2025y', 2025);
SELECT pg_temp.kid('r8565v2025n', 2025);
UPDATE cv.return_cin_details SET cinclosuredate = '2024-05-19', reasonforclosure = 'RC1' WHERE source_file = 'r8565v2025y.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-05-20', reasonforclosure = 'RC1' WHERE source_file = 'r8565v2025n.csv';

-- 2884 (2025)
SELECT pg_temp.kid('r2884v2025y', 2025);
SELECT pg_temp.kid('r2884v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r2884v2025y.csv';
UPDATE cv.return_cin_details SET dateofinitialcpc = '2024-05-20' WHERE source_file = 'r2884v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r2884v2025n.csv';

-- 8555Q (2025)
SELECT pg_temp.kid('r8555Qv2025y', 2025);
SELECT pg_temp.kid('r8555Qv2025n', 2025);
UPDATE cv.return_cin_child SET persondeathdate = '2024-04-30' WHERE source_file = 'r8555Qv2025y.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-05-20', reasonforclosure = 'RC2' WHERE source_file = 'r8555Qv2025y.csv';
UPDATE cv.return_cin_child SET persondeathdate = '2024-05-20' WHERE source_file = 'r8555Qv2025n.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-05-20', reasonforclosure = 'RC2' WHERE source_file = 'r8555Qv2025n.csv';

-- 1103 (2025)
SELECT pg_temp.kid('r1103v2025y', 2025);
SELECT pg_temp.kid('r1103v2025n', 2025);
UPDATE cv.return_cin_assessments SET assessmentactualstartdate = '2024-04-30' WHERE source_file = 'r1103v2025y.csv';
UPDATE cv.return_cin_assessments SET assessmentactualstartdate = '2024-05-01' WHERE source_file = 'r1103v2025n.csv';

-- 8608 (2025)
SELECT pg_temp.kid('r8608v2025y', 2025);
SELECT pg_temp.kid('r8608v2025n', 2025);
UPDATE cv.return_cin_assessments SET assessmentauthorisationdate = '2024-05-01' WHERE source_file = 'r8608v2025y.csv';
UPDATE cv.return_cin_assessments SET assessmentauthorisationdate = '2024-05-02' WHERE source_file = 'r8608v2025n.csv';

-- 8614 (2025)
SELECT pg_temp.kid('r8614v2025y', 2025);
SELECT pg_temp.kid('r8614v2025n', 2025);
UPDATE cv.return_cin_assessments SET assessmentactualstartdate = '2025-03-20', assessmentauthorisationdate = NULL WHERE source_file = 'r8614v2025y.csv';
UPDATE cv.return_cin_assessments SET assessmentactualstartdate = '2025-03-20', assessmentauthorisationdate = NULL WHERE source_file = 'r8614v2025n.csv';
DELETE FROM cv.return_cin_factors WHERE source_file = 'r8614v2025n.csv';

-- 8670Q (2025)
SELECT pg_temp.kid('r8670Qv2025y', 2025);
SELECT pg_temp.kid('r8670Qv2025n', 2025);
UPDATE cv.return_cin_assessments SET assessmentactualstartdate = '2025-01-24', assessmentauthorisationdate = NULL WHERE source_file = 'r8670Qv2025y.csv';
DELETE FROM cv.return_cin_factors WHERE source_file = 'r8670Qv2025y.csv';
UPDATE cv.return_cin_assessments SET assessmentactualstartdate = '2025-01-27', assessmentauthorisationdate = NULL WHERE source_file = 'r8670Qv2025n.csv';
DELETE FROM cv.return_cin_factors WHERE source_file = 'r8670Qv2025n.csv';

-- 8696 (2025)
SELECT pg_temp.kid('r8696v2025y', 2025);
SELECT pg_temp.kid('r8696v2025n', 2025);
UPDATE cv.return_cin_details SET cinreferraldate = '2024-03-01' WHERE source_file = 'r8696v2025y.csv';
UPDATE cv.return_cin_assessments SET assessmentactualstartdate = '2024-03-02', assessmentauthorisationdate = '2024-03-31' WHERE source_file = 'r8696v2025y.csv';
UPDATE cv.return_cin_details SET cinreferraldate = '2024-03-01' WHERE source_file = 'r8696v2025n.csv';
UPDATE cv.return_cin_assessments SET assessmentactualstartdate = '2024-03-02', assessmentauthorisationdate = '2024-04-01' WHERE source_file = 'r8696v2025n.csv';

-- 8736 (2025)
SELECT pg_temp.kid('r8736v2025y', 2025);
SELECT pg_temp.kid('r8736v2025n', 2025);
UPDATE cv.return_cin_details SET cinreferraldate = '2024-03-01' WHERE source_file = 'r8736v2025y.csv';
UPDATE cv.return_cin_assessments SET assessmentactualstartdate = '2024-03-31', assessmentauthorisationdate = NULL WHERE source_file = 'r8736v2025y.csv';
DELETE FROM cv.return_cin_factors WHERE source_file = 'r8736v2025y.csv';
UPDATE cv.return_cin_details SET cinreferraldate = '2024-03-01' WHERE source_file = 'r8736v2025n.csv';
UPDATE cv.return_cin_assessments SET assessmentactualstartdate = '2024-04-01', assessmentauthorisationdate = '2024-04-02' WHERE source_file = 'r8736v2025n.csv';

-- 8863Q (2025)
SELECT pg_temp.kid('r8863Qv2025y', 2025);
SELECT pg_temp.kid('r8863Qv2025n', 2025);
INSERT INTO cv.return_cin_assessments SELECT la, year, lachildid, 'D1', 'A2', '2024-05-20', NULL, '2024-05-30', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8863Qv2025y.csv';
INSERT INTO cv.return_cin_factors SELECT la, year, lachildid, 'D1', 'A2', '2A', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8863Qv2025y.csv';
INSERT INTO cv.return_cin_assessments SELECT la, year, lachildid, 'D1', 'A2', '2024-05-21', NULL, '2024-05-30', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8863Qv2025n.csv';
INSERT INTO cv.return_cin_factors SELECT la, year, lachildid, 'D1', 'A2', '2A', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8863Qv2025n.csv';

-- 8869 (2025)
SELECT pg_temp.kid('r8869v2025y', 2025);
SELECT pg_temp.kid('r8869v2025n', 2025);
INSERT INTO cv.return_cin_factors SELECT la, year, lachildid, 'D1', 'A1', '21', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8869v2025y.csv';
UPDATE cv.return_cin_factors SET assessmentfactors = '21' WHERE source_file = 'r8869v2025n.csv';

-- 8873Q (2025)
SELECT pg_temp.kid('r8873Qv2025y', 2025);
SELECT pg_temp.kid('r8873Qv2025n', 2025);
UPDATE cv.return_cin_factors SET assessmentfactors = '21' WHERE source_file = 'r8873Qv2025y.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-06-01', reasonforclosure = 'RC1' WHERE source_file = 'r8873Qv2025y.csv';
UPDATE cv.return_cin_factors SET assessmentfactors = '21' WHERE source_file = 'r8873Qv2025n.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-06-01', reasonforclosure = 'RC8' WHERE source_file = 'r8873Qv2025n.csv';

-- 8896 (2025)
SELECT pg_temp.kid('r8896v2025y', 2025);
SELECT pg_temp.kid('r8896v2025n', 2025);
INSERT INTO cv.return_cin_assessments SELECT la, year, lachildid, 'D1', 'A2', '2025-03-20', NULL, NULL, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8896v2025y.csv';
UPDATE cv.return_cin_assessments SET assessmentactualstartdate = '2025-03-25', assessmentauthorisationdate = NULL WHERE source_file = 'r8896v2025y.csv' AND assessmentid = 'A1';
DELETE FROM cv.return_cin_factors WHERE source_file = 'r8896v2025y.csv';
INSERT INTO cv.return_cin_assessments SELECT la, year, lachildid, 'D1', 'A2', '2025-03-20', NULL, NULL, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8896v2025n.csv';

-- 8897Q (2025)
SELECT pg_temp.kid('r8897Qv2025y', 2025);
SELECT pg_temp.kid('r8897Qv2025n', 2025);
DELETE FROM cv.return_cin_factors WHERE source_file = 'r8897Qv2025y.csv';
DELETE FROM cv.return_cin_factors WHERE source_file = 'r8897Qv2025n.csv';
UPDATE cv.return_cin_details SET cinreferraldate = '2024-03-01' WHERE source_file = 'r8897Qv2025n.csv';
UPDATE cv.return_cin_assessments SET assessmentactualstartdate = '2024-03-02', assessmentauthorisationdate = '2024-03-31' WHERE source_file = 'r8897Qv2025n.csv';

-- 8898 (2025)
SELECT pg_temp.kid('r8898v2025y', 2025);
SELECT pg_temp.kid('r8898v2025n', 2025);
INSERT INTO cv.return_cin_factors SELECT la, year, lachildid, 'D1', 'A1', '1A', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8898v2025y.csv';
INSERT INTO cv.return_cin_factors SELECT la, year, lachildid, 'D1', 'A1', '1B', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8898v2025n.csv';

-- 8945Q (2025)
SELECT pg_temp.kid('r8945Qv2025y', 2025);
SELECT pg_temp.kid('r8945Qv2025n', 2025);
UPDATE cv.return_cin_factors SET assessmentfactors = '18A' WHERE source_file = 'r8945Qv2025y.csv';
UPDATE cv.return_cin_factors SET assessmentfactors = '18B' WHERE source_file = 'r8945Qv2025n.csv';

-- 8950Q (2025)
SELECT pg_temp.kid('r8950Qv2025y', 2025);
SELECT pg_temp.kid('r8950Qv2025n', 2025);
UPDATE cv.return_cin_factors SET assessmentfactors = '19A' WHERE source_file = 'r8950Qv2025y.csv';
UPDATE cv.return_cin_factors SET assessmentfactors = '19B' WHERE source_file = 'r8950Qv2025n.csv';

-- 8945Q (2024)
SELECT pg_temp.kid('r8945Qv2024y', 2024);
SELECT pg_temp.kid('r8945Qv2024n', 2024);
UPDATE cv.return_cin_factors SET assessmentfactors = '18A' WHERE source_file = 'r8945Qv2024n.csv';

-- 4000 (2025)
SELECT pg_temp.kid('r4000v2025y', 2025);
SELECT pg_temp.kid('r4000v2025n', 2025);
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-05-21', NULL, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4000v2025y.csv';
UPDATE cv.return_cin_details SET referralnfa = true WHERE source_file = 'r4000v2025y.csv';
DELETE FROM cv.return_cin_assessments WHERE source_file = 'r4000v2025y.csv';
DELETE FROM cv.return_cin_factors WHERE source_file = 'r4000v2025y.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-05-21', NULL, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4000v2025n.csv';

-- 4001 (2025)
SELECT pg_temp.kid('r4001v2025y', 2025);
SELECT pg_temp.kid('r4001v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4001v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4001v2025y.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-05-20', NULL, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4001v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4001v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', '2024-09-02', 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4001v2025n.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-09-02', NULL, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4001v2025n.csv';

-- 4003 (2025)
SELECT pg_temp.kid('r4003v2025y', 2025);
SELECT pg_temp.kid('r4003v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-06-03', '2024-06-03', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4003v2025y.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-05-21', '2024-09-30', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4003v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-06-03', '2024-09-30', 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4003v2025y.csv';
INSERT INTO cv.return_cin_cpp_reviews SELECT la, year, lachildid, 'D1', 'P1', '2024-09-02', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4003v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-06-03', '2024-06-03', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4003v2025n.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-05-21', '2024-06-03', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4003v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-06-03', '2024-09-30', 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4003v2025n.csv';
INSERT INTO cv.return_cin_cpp_reviews SELECT la, year, lachildid, 'D1', 'P1', '2024-09-02', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4003v2025n.csv';

-- 4004 (2025)
SELECT pg_temp.kid('r4004v2025y', 2025);
SELECT pg_temp.kid('r4004v2025n', 2025);
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-05-21', NULL, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4004v2025y.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-05-22', NULL, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4004v2025y.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-05-21', NULL, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4004v2025n.csv';

-- 4008 (2025)
SELECT pg_temp.kid('r4008v2025y', 2025);
SELECT pg_temp.kid('r4008v2025n', 2025);
UPDATE cv.return_cin_child SET persondeathdate = '2024-06-01' WHERE source_file = 'r4008v2025y.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-06-02', reasonforclosure = 'RC2' WHERE source_file = 'r4008v2025y.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-06-02', '2024-06-02', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4008v2025y.csv';
UPDATE cv.return_cin_child SET persondeathdate = '2024-06-02' WHERE source_file = 'r4008v2025n.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-06-02', reasonforclosure = 'RC2' WHERE source_file = 'r4008v2025n.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-06-01', '2024-06-02', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4008v2025n.csv';

-- 4009Q (2025)
SELECT pg_temp.kid('r4009Qv2025y', 2025);
SELECT pg_temp.kid('r4009Qv2025n', 2025);
UPDATE cv.return_cin_child SET persondeathdate = '2024-06-01' WHERE source_file = 'r4009Qv2025y.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-06-02', reasonforclosure = 'RC2' WHERE source_file = 'r4009Qv2025y.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-05-21', '2024-06-02', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4009Qv2025y.csv';
UPDATE cv.return_cin_child SET persondeathdate = '2024-06-02' WHERE source_file = 'r4009Qv2025n.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-06-02', reasonforclosure = 'RC2' WHERE source_file = 'r4009Qv2025n.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-05-21', '2024-06-02', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4009Qv2025n.csv';

-- 4010 (2025)
SELECT pg_temp.kid('r4010v2025y', 2025);
SELECT pg_temp.kid('r4010v2025n', 2025);
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', NULL, NULL, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4010v2025y.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2025-03-31', NULL, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4010v2025n.csv';

-- 4011 (2025)
SELECT pg_temp.kid('r4011v2025y', 2025);
SELECT pg_temp.kid('r4011v2025n', 2025);
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-05-21', '2024-05-20', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4011v2025y.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-05-21', '2024-05-22', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4011v2025n.csv';

-- 4012Q (2025)
SELECT pg_temp.kid('r4012Qv2025y', 2025);
SELECT pg_temp.kid('r4012Qv2025n', 2025);
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-05-21', '2024-05-21', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4012Qv2025y.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-05-21', '2024-05-22', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4012Qv2025n.csv';

-- 4013 (2025)
SELECT pg_temp.kid('r4013v2025y', 2025);
SELECT pg_temp.kid('r4013v2025n', 2025);
UPDATE cv.return_cin_details SET cinreferraldate = '2024-03-01' WHERE source_file = 'r4013v2025y.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-03-02', '2024-03-31', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4013v2025y.csv';
UPDATE cv.return_cin_details SET cinreferraldate = '2024-03-01' WHERE source_file = 'r4013v2025n.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-03-02', '2024-04-01', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4013v2025n.csv';

-- 4014 (2025)
SELECT pg_temp.kid('r4014v2025y', 2025);
SELECT pg_temp.kid('r4014v2025n', 2025);
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-05-21', '2024-06-21', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4014v2025y.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-06-21', '2024-07-21', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4014v2025y.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-05-21', '2024-06-20', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4014v2025n.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-06-21', '2024-07-21', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4014v2025n.csv';

-- 4015 (2025)
SELECT pg_temp.kid('r4015v2025y', 2025);
SELECT pg_temp.kid('r4015v2025n', 2025);
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-04-30', '2024-05-22', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4015v2025y.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-05-01', '2024-05-22', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4015v2025n.csv';

-- 4016 (2025)
SELECT pg_temp.kid('r4016v2025y', 2025);
SELECT pg_temp.kid('r4016v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4016v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', '2024-09-02', 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4016v2025y.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-09-01',  NULL, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4016v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4016v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', '2024-09-02', 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4016v2025n.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-09-02', NULL, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4016v2025n.csv';

-- 4017 (2025)
SELECT pg_temp.kid('r4017v2025y', 2025);
SELECT pg_temp.kid('r4017v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-06-03', '2024-06-03', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4017v2025y.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-05-21', '2024-06-04', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4017v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-06-03', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4017v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-06-03', '2024-06-03', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4017v2025n.csv';
INSERT INTO cv.return_cin_plans SELECT la, year, lachildid, 'D1', '2024-05-21', '2024-06-03', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4017v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-06-03', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r4017v2025n.csv';

-- 1104 (2025)
SELECT pg_temp.kid('r1104v2025y', 2025);
SELECT pg_temp.kid('r1104v2025n', 2025);
UPDATE cv.return_cin_details SET cinreferraldate = '2024-05-01' WHERE source_file = 'r1104v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-04-29', '2024-04-30', '2024-04-30', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r1104v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-01', '2024-05-01', '2024-05-01', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r1104v2025n.csv';

-- 2889 (2025)
SELECT pg_temp.kid('r2889v2025y', 2025);
SELECT pg_temp.kid('r2889v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-04-30', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r2889v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-01', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r2889v2025n.csv';

-- 8615 (2025)
SELECT pg_temp.kid('r8615v2025y', 2025);
SELECT pg_temp.kid('r8615v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-21', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8615v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-20', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8615v2025n.csv';

-- 8675Q (2025)
SELECT pg_temp.kid('r8675Qv2025y', 2025);
SELECT pg_temp.kid('r8675Qv2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2025-03-07', '2025-03-20', NULL, false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8675Qv2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2025-03-10', '2025-03-20', NULL, false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8675Qv2025n.csv';

-- 8715 (2025)
SELECT pg_temp.kid('r8715v2025y', 2025);
SELECT pg_temp.kid('r8715v2025n', 2025);
UPDATE cv.return_cin_details SET cinreferraldate = '2024-03-01' WHERE source_file = 'r8715v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-03-04', '2024-03-28', '2024-03-28', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8715v2025y.csv';
UPDATE cv.return_cin_details SET cinreferraldate = '2024-03-01' WHERE source_file = 'r8715v2025n.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-03-04', '2024-04-01', '2024-04-01', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8715v2025n.csv';

-- 8740 (2025)
SELECT pg_temp.kid('r8740v2025y', 2025);
SELECT pg_temp.kid('r8740v2025n', 2025);
UPDATE cv.return_cin_details SET cinreferraldate = '2024-03-01' WHERE source_file = 'r8740v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-03-28', '2024-04-10', NULL, false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8740v2025y.csv';
UPDATE cv.return_cin_details SET cinreferraldate = '2024-03-01' WHERE source_file = 'r8740v2025n.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-03-28', '2024-04-10', NULL, true, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8740v2025n.csv';

-- 8839 (2025)
SELECT pg_temp.kid('r8839v2025y', 2025);
SELECT pg_temp.kid('r8839v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2025-03-20', '2025-03-27', NULL, false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8839v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2025-03-21', '2025-03-27', NULL, false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8839v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2025-03-20', '2025-03-27', NULL, false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8839v2025n.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2025-03-21', '2025-03-27', NULL, true, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8839v2025n.csv';

-- 8870Q (2025)
SELECT pg_temp.kid('r8870Qv2025y', 2025);
SELECT pg_temp.kid('r8870Qv2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-25', '2024-05-24', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8870Qv2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-24', '2024-05-24', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8870Qv2025n.csv';

-- 8875 (2025)
SELECT pg_temp.kid('r8875v2025y', 2025);
SELECT pg_temp.kid('r8875v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-24', '2024-05-26', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8875v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-24', '2024-05-27', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8875v2025n.csv';

-- 8890 (2025)
SELECT pg_temp.kid('r8890v2025y', 2025);
SELECT pg_temp.kid('r8890v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-24', '2024-05-24', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8890v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-24', '2024-06-10', '2024-06-10', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8890v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-24', '2024-05-24', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8890v2025n.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-27', '2024-06-10', '2024-06-10', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8890v2025n.csv';

-- 1105 (2025)
SELECT pg_temp.kid('r1105v2025y', 2025);
SELECT pg_temp.kid('r1105v2025n', 2025);
UPDATE cv.return_cin_details SET dateofinitialcpc = '2024-04-30' WHERE source_file = 'r1105v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-04-30', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r1105v2025y.csv';
UPDATE cv.return_cin_details SET dateofinitialcpc = '2024-05-01' WHERE source_file = 'r1105v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-01', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r1105v2025n.csv';

-- 2885 (2025)
SELECT pg_temp.kid('r2885v2025y', 2025);
SELECT pg_temp.kid('r2885v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r2885v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-21', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r2885v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r2885v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r2885v2025n.csv';

-- 2885 (2025)
SELECT pg_temp.kid('r2885bv2025y', 2025);
SELECT pg_temp.kid('r2885bv2025n', 2025);
UPDATE cv.return_cin_details SET dateofinitialcpc = '2024-05-20' WHERE source_file = 'r2885bv2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-21', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r2885bv2025y.csv';
UPDATE cv.return_cin_details SET dateofinitialcpc = '2024-05-20' WHERE source_file = 'r2885bv2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r2885bv2025n.csv';

-- 8720 (2025)
SELECT pg_temp.kid('r8720v2025y', 2025);
SELECT pg_temp.kid('r8720v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8720v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', NULL, NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8720v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8720v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8720v2025n.csv';

-- 8730 (2025)
SELECT pg_temp.kid('r8730v2025y', 2025);
SELECT pg_temp.kid('r8730v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8730v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8730v2025y.csv';
UPDATE cv.return_cin_cp_plans SET numberofpreviouscpp = NULL WHERE source_file = 'r8730v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8730v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8730v2025n.csv';

-- 8832 (2025)
SELECT pg_temp.kid('r8832v2025y', 2025);
SELECT pg_temp.kid('r8832v2025n', 2025);
UPDATE cv.return_cin_details SET dateofinitialcpc = '2024-05-20', referralnfa = true WHERE source_file = 'r8832v2025y.csv';
DELETE FROM cv.return_cin_assessments WHERE source_file = 'r8832v2025y.csv';
DELETE FROM cv.return_cin_factors WHERE source_file = 'r8832v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8832v2025y.csv';
UPDATE cv.return_cin_details SET dateofinitialcpc = '2024-05-20' WHERE source_file = 'r8832v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8832v2025n.csv';

-- 8840 (2025)
SELECT pg_temp.kid('r8840v2025y', 2025);
SELECT pg_temp.kid('r8840v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8840v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', '2024-05-20', 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8840v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8840v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', '2024-05-21', 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8840v2025n.csv';

-- 8841 (2025)
SELECT pg_temp.kid('r8841v2025y', 2025);
SELECT pg_temp.kid('r8841v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8841v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8841v2025y.csv';
INSERT INTO cv.return_cin_cpp_reviews SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8841v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8841v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8841v2025n.csv';
INSERT INTO cv.return_cin_cpp_reviews SELECT la, year, lachildid, 'D1', 'P1', '2024-05-21', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8841v2025n.csv';

-- 8842Q (2025)
SELECT pg_temp.kid('r8842Qv2025y', 2025);
SELECT pg_temp.kid('r8842Qv2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8842Qv2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8842Qv2025y.csv';
INSERT INTO cv.return_cin_cpp_reviews SELECT la, year, lachildid, 'D1', 'P1', NULL, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8842Qv2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8842Qv2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8842Qv2025n.csv';
INSERT INTO cv.return_cin_cpp_reviews SELECT la, year, lachildid, 'D1', 'P1', '2024-06-20', source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8842Qv2025n.csv';

-- 8905 (2025)
SELECT pg_temp.kid('r8905v2025y', 2025);
SELECT pg_temp.kid('r8905v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8905v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8905v2025y.csv';
UPDATE cv.return_cin_cp_plans SET initialcategoryofabuse = NULL WHERE source_file = 'r8905v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8905v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8905v2025n.csv';
UPDATE cv.return_cin_cp_plans SET latestcategoryofabuse = 'MUL' WHERE source_file = 'r8905v2025n.csv';

-- 8910 (2025)
SELECT pg_temp.kid('r8910v2025y', 2025);
SELECT pg_temp.kid('r8910v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8910v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8910v2025y.csv';
UPDATE cv.return_cin_cp_plans SET latestcategoryofabuse = NULL WHERE source_file = 'r8910v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8910v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8910v2025n.csv';
UPDATE cv.return_cin_cp_plans SET initialcategoryofabuse = 'PHY' WHERE source_file = 'r8910v2025n.csv';

-- 8915 (2025)
SELECT pg_temp.kid('r8915v2025y', 2025);
SELECT pg_temp.kid('r8915v2025n', 2025);
UPDATE cv.return_cin_child SET persondeathdate = '2024-05-19' WHERE source_file = 'r8915v2025y.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-07-01', reasonforclosure = 'RC2' WHERE source_file = 'r8915v2025y.csv';
UPDATE cv.return_cin_details SET cinreferraldate = '2024-05-01' WHERE source_file = 'r8915v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8915v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', '2024-05-21', 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8915v2025y.csv';
UPDATE cv.return_cin_child SET persondeathdate = '2024-05-21' WHERE source_file = 'r8915v2025n.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-07-01', reasonforclosure = 'RC2' WHERE source_file = 'r8915v2025n.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8915v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', '2024-05-21', 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8915v2025n.csv';

-- 8920 (2025)
SELECT pg_temp.kid('r8920v2025y', 2025);
SELECT pg_temp.kid('r8920v2025n', 2025);
UPDATE cv.return_cin_child SET persondeathdate = '2024-05-21' WHERE source_file = 'r8920v2025y.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-07-01', reasonforclosure = 'RC2' WHERE source_file = 'r8920v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8920v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', '2024-05-22', 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8920v2025y.csv';
UPDATE cv.return_cin_child SET persondeathdate = '2024-05-22' WHERE source_file = 'r8920v2025n.csv';
UPDATE cv.return_cin_details SET cinclosuredate = '2024-07-01', reasonforclosure = 'RC2' WHERE source_file = 'r8920v2025n.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8920v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', '2024-05-22', 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8920v2025n.csv';

-- 8925 (2025)
SELECT pg_temp.kid('r8925v2025y', 2025);
SELECT pg_temp.kid('r8925v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8925v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', '2024-05-19', 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8925v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8925v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', '2024-05-21', 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8925v2025n.csv';

-- 8930 (2025)
SELECT pg_temp.kid('r8930v2025y', 2025);
SELECT pg_temp.kid('r8930v2025n', 2025);
UPDATE cv.return_cin_details SET cinreferraldate = '2024-03-01', dateofinitialcpc = '2024-03-04' WHERE source_file = 'r8930v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-03-04', '2024-03-28', 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8930v2025y.csv';
UPDATE cv.return_cin_details SET cinreferraldate = '2024-03-01', dateofinitialcpc = '2024-03-04' WHERE source_file = 'r8930v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-03-04', '2024-04-01', 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8930v2025n.csv';

-- 8935 (2025)
SELECT pg_temp.kid('r8935v2025y', 2025);
SELECT pg_temp.kid('r8935v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8935v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-06-03', '2024-06-20', '2024-06-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8935v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8935v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P2', '2024-06-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8935v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8935v2025n.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-06-03', '2024-06-20', '2024-06-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8935v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', '2024-06-19', 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8935v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P2', '2024-06-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8935v2025n.csv';

-- 8940 (2025)
SELECT pg_temp.kid('r8940v2025y', 2025);
SELECT pg_temp.kid('r8940v2025n', 2025);
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8940v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-06-03', '2024-06-20', '2024-06-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8940v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', '2024-06-20', 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8940v2025y.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P2', '2024-06-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8940v2025y.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-05-03', '2024-05-20', '2024-05-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8940v2025n.csv';
INSERT INTO cv.return_cin_section47 SELECT la, year, lachildid, 'D1', '2024-06-03', '2024-06-20', '2024-06-20', false, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8940v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P1', '2024-05-20', '2024-06-19', 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8940v2025n.csv';
INSERT INTO cv.return_cin_cp_plans SELECT la, year, lachildid, 'D1', 'P2', '2024-06-20', NULL, 'NEG', 'NEG', 0, source_file, nextval('line_no') FROM cv.return_cin_child WHERE source_file = 'r8940v2025n.csv';

-- council-level rules: one council flagged, one not
SELECT pg_temp.kid('L2886y', 2025, 'L2886y');
UPDATE cv.return_cin_child SET sex = NULL WHERE la = 'L2886y';
SELECT pg_temp.kid('L2886n', 2025, 'L2886n');
SELECT pg_temp.kid('L2887y', 2025, 'L2887y');
UPDATE cv.return_cin_disabilities SET disability = 'MOB' WHERE la = 'L2887y';
INSERT INTO cv.return_cin_disabilities SELECT 'L2887y', 2025, 'L2887y', d, 'L2887y.csv', nextval('line_no')
  FROM unnest(ARRAY['HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR']) d;
SELECT pg_temp.kid('L2887n', 2025, 'L2887n');
UPDATE cv.return_cin_disabilities SET disability = 'MOB' WHERE la = 'L2887n';
INSERT INTO cv.return_cin_disabilities SELECT 'L2887n', 2025, 'L2887n', d, 'L2887n.csv', nextval('line_no')
  FROM unnest(ARRAY['HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS']) d;
SELECT pg_temp.kid('L2888y', 2025, 'L2888y');
UPDATE cv.return_cin_disabilities SET disability = 'MOB' WHERE la = 'L2888y';
SELECT pg_temp.kid('L2888n', 2025, 'L2888n');
UPDATE cv.return_cin_disabilities SET disability = 'MOB' WHERE la = 'L2888n';
INSERT INTO cv.return_cin_disabilities VALUES ('L2888n', 2025, 'L2888n', 'HAND', 'L2888n.csv', nextval('line_no'));
SELECT pg_temp.kid('L2883y', 2025, 'L2883y');
INSERT INTO cv.return_cin_cp_plans VALUES ('L2883y', 2025, 'L2883y', 'D1', 'P1', DATE '2024-05-20', NULL, 'NEG', 'NEG', 0, 'L2883y.csv', nextval('line_no'));
SELECT pg_temp.kid('L2883n', 2025, 'L2883n');
UPDATE cv.return_cin_details SET dateofinitialcpc = DATE '2024-05-20' WHERE la = 'L2883n';
INSERT INTO cv.return_cin_cp_plans VALUES ('L2883n', 2025, 'L2883n', 'D1', 'P1', DATE '2024-05-20', NULL, 'NEG', 'NEG', 0, 'L2883n.csv', nextval('line_no'));

-- a clean council: two clean children, one with eight disabilities (2887Q, 2888Q)
SELECT pg_temp.kid('clean1', 2025, 'CLEAN');
SELECT pg_temp.kid('clean2', 2025, 'CLEAN');
UPDATE cv.return_cin_disabilities SET disability = 'MOB' WHERE la = 'CLEAN' AND lachildid = 'clean2';
INSERT INTO cv.return_cin_disabilities SELECT 'CLEAN', 2025, 'clean2', d, 'clean2.csv', nextval('line_no')
  FROM unnest(ARRAY['HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS']) d;

-- rows the loader skipped (careleaver-load --skip-bad-rows): one a rule covers, one none does
INSERT INTO cv.cin_rejects (la, year, source_file, source_line, column_name, value, reason, module, child)
VALUES ('T1', 2025, 'skipped.csv', 7, 'ReferralSource', 'ZZ', 'not a cin_referral_source code', 'cin_details', 'sk1'),
       ('T1', 2025, 'skipped.csv', 9, 'ICPCnotRequired', 'maybe', 'not a cin_boolean code', 'cin_section47', 'sk2');

CREATE TEMP TABLE got AS SELECT * FROM careleaver.validate_cin('cv', 2025);
CREATE TEMP TABLE got2024 AS SELECT * FROM careleaver.validate_cin('cv', 2024);
\o
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8500' AND row_ref LIKE 'r8500v2025%'$$, ARRAY['r8500v2025y'], '8500 flags r8500v2025y and not r8500v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8510' AND row_ref LIKE 'r8510v2025%'$$, ARRAY['r8510v2025y'], '8510 flags r8510v2025y and not r8510v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '1520' AND row_ref LIKE 'r1520v2025%'$$, ARRAY['r1520v2025y'], '1520 flags r1520v2025y and not r1520v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '1510' AND row_ref LIKE 'r1510v2025%'$$, ARRAY['r1510v2025y'], '1510 flags r1510v2025y and not r1510v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '1540' AND row_ref LIKE 'r1540v2025%'$$, ARRAY['r1540v2025y'], '1540 flags r1540v2025y and not r1540v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '1550' AND row_ref LIKE 'r1550v2025%'$$, ARRAY['r1550v2025y'], '1550 flags r1550v2025y and not r1550v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '1560Q' AND row_ref LIKE 'r1560Qv2025%'$$, ARRAY['r1560Qv2025y'], '1560Q flags r1560Qv2025y and not r1560Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '1570' AND row_ref LIKE 'r1570v2025%'$$, ARRAY['r1570v2025y'], '1570 flags r1570v2025y and not r1570v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '1580' AND row_ref LIKE 'r1580v2025%'$$, ARRAY['r1580v2025y'], '1580 flags r1580v2025y and not r1580v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '4180' AND row_ref LIKE 'r4180v2025%'$$, ARRAY['r4180v2025y'], '4180 flags r4180v2025y and not r4180v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got2024 WHERE rule_code = '4180' AND row_ref LIKE 'r4180v2024%'$$, ARRAY['r4180v2024y'], '4180 flags r4180v2024y and not r4180v2024n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '4220' AND row_ref LIKE 'r4220v2025%'$$, ARRAY['r4220v2025y'], '4220 flags r4220v2025y and not r4220v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8520' AND row_ref LIKE 'r8520v2025%'$$, ARRAY['r8520v2025y'], '8520 flags r8520v2025y and not r8520v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8525Q' AND row_ref LIKE 'r8525Qv2025%'$$, ARRAY['r8525Qv2025y'], '8525Q flags r8525Qv2025y and not r8525Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8530Q' AND row_ref LIKE 'r8530Qv2025%'$$, ARRAY['r8530Qv2025y'], '8530Q flags r8530Qv2025y and not r8530Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8535Q' AND row_ref LIKE 'r8535Qv2025%'$$, ARRAY['r8535Qv2025y'], '8535Q flags r8535Qv2025y and not r8535Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8545Q' AND row_ref LIKE 'r8545Qv2025%'$$, ARRAY['r8545Qv2025y'], '8545Q flags r8545Qv2025y and not r8545Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8590' AND row_ref LIKE 'r8590v2025%'$$, ARRAY['r8590v2025y'], '8590 flags r8590v2025y and not r8590v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8750' AND row_ref LIKE 'r8750v2025%'$$, ARRAY['r8750v2025y'], '8750 flags r8750v2025y and not r8750v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got2024 WHERE rule_code = '8750' AND row_ref LIKE 'r8750v2024%'$$, ARRAY['r8750v2024y'], '8750 flags r8750v2024y and not r8750v2024n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8770Q' AND row_ref LIKE 'r8770Qv2025%'$$, ARRAY['r8770Qv2025y'], '8770Q flags r8770Qv2025y and not r8770Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8772' AND row_ref LIKE 'r8772v2025%'$$, ARRAY['r8772v2025y'], '8772 flags r8772v2025y and not r8772v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8775Q' AND row_ref LIKE 'r8775Qv2025%'$$, ARRAY['r8775Qv2025y'], '8775Q flags r8775Qv2025y and not r8775Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8540' AND row_ref LIKE 'r8540v2025%'$$, ARRAY['r8540v2025y'], '8540 flags r8540v2025y and not r8540v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8790' AND row_ref LIKE 'r8790v2025%'$$, ARRAY['r8790v2025y'], '8790 flags r8790v2025y and not r8790v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8794' AND row_ref LIKE 'r8794v2025%'$$, ARRAY['r8794v2025y'], '8794 flags r8794v2025y and not r8794v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8568' AND row_ref LIKE 'r8568v2025%'$$, ARRAY['r8568v2025y'], '8568 flags r8568v2025y and not r8568v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8569Q' AND row_ref LIKE 'r8569Qv2025%'$$, ARRAY['r8569Qv2025y'], '8569Q flags r8569Qv2025y and not r8569Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8585Q' AND row_ref LIKE 'r8585Qv2025%'$$, ARRAY['r8585Qv2025y'], '8585Q flags r8585Qv2025y and not r8585Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8600' AND row_ref LIKE 'r8600v2025%'$$, ARRAY['r8600v2025y'], '8600 flags r8600v2025y and not r8600v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8606' AND row_ref LIKE 'r8606v2025%'$$, ARRAY['r8606v2025y'], '8606 flags r8606v2025y and not r8606v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8610' AND row_ref LIKE 'r8610v2025%'$$, ARRAY['r8610v2025y'], '8610 flags r8610v2025y and not r8610v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8620' AND row_ref LIKE 'r8620v2025%'$$, ARRAY['r8620v2025y'], '8620 flags r8620v2025y and not r8620v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8630' AND row_ref LIKE 'r8630v2025%'$$, ARRAY['r8630v2025y'], '8630 flags r8630v2025y and not r8630v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8640' AND row_ref LIKE 'r8640v2025%'$$, ARRAY['r8640v2025y'], '8640 flags r8640v2025y and not r8640v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8650' AND row_ref LIKE 'r8650v2025%'$$, ARRAY['r8650v2025y'], '8650 flags r8650v2025y and not r8650v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8805' AND row_ref LIKE 'r8805v2025%'$$, ARRAY['r8805v2025y'], '8805 flags r8805v2025y and not r8805v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8810' AND row_ref LIKE 'r8810v2025%'$$, ARRAY['r8810v2025y'], '8810 flags r8810v2025y and not r8810v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8815' AND row_ref LIKE 'r8815v2025%'$$, ARRAY['r8815v2025y'], '8815 flags r8815v2025y and not r8815v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8816' AND row_ref LIKE 'r8816v2025%'$$, ARRAY['r8816v2025y'], '8816 flags r8816v2025y and not r8816v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8820' AND row_ref LIKE 'r8820v2025%'$$, ARRAY['r8820v2025y'], '8820 flags r8820v2025y and not r8820v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8825Q' AND row_ref LIKE 'r8825Qv2025%'$$, ARRAY['r8825Qv2025y'], '8825Q flags r8825Qv2025y and not r8825Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8831' AND row_ref LIKE 'r8831v2025%'$$, ARRAY['r8831v2025y'], '8831 flags r8831v2025y and not r8831v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8866' AND row_ref LIKE 'r8866v2025%'$$, ARRAY['r8866v2025y'], '8866 flags r8866v2025y and not r8866v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8867' AND row_ref LIKE 'r8867v2025%'$$, ARRAY['r8867v2025y'], '8867 flags r8867v2025y and not r8867v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8868' AND row_ref LIKE 'r8868v2025%'$$, ARRAY['r8868v2025y'], '8868 flags r8868v2025y and not r8868v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '2990' AND row_ref LIKE 'r2990v2025%'$$, ARRAY['r2990v2025y'], '2990 flags r2990v2025y and not r2990v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '2991Q' AND row_ref LIKE 'r2991Qv2025%'$$, ARRAY['r2991Qv2025y'], '2991Q flags r2991Qv2025y and not r2991Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8565' AND row_ref LIKE 'r8565v2025%'$$, ARRAY['r8565v2025y'], '8565 flags r8565v2025y and not r8565v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '2884' AND row_ref LIKE 'r2884v2025%'$$, ARRAY['r2884v2025y'], '2884 flags r2884v2025y and not r2884v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8555Q' AND row_ref LIKE 'r8555Qv2025%'$$, ARRAY['r8555Qv2025y'], '8555Q flags r8555Qv2025y and not r8555Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '1103' AND row_ref LIKE 'r1103v2025%'$$, ARRAY['r1103v2025y'], '1103 flags r1103v2025y and not r1103v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8608' AND row_ref LIKE 'r8608v2025%'$$, ARRAY['r8608v2025y'], '8608 flags r8608v2025y and not r8608v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8614' AND row_ref LIKE 'r8614v2025%'$$, ARRAY['r8614v2025y'], '8614 flags r8614v2025y and not r8614v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8670Q' AND row_ref LIKE 'r8670Qv2025%'$$, ARRAY['r8670Qv2025y'], '8670Q flags r8670Qv2025y and not r8670Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8696' AND row_ref LIKE 'r8696v2025%'$$, ARRAY['r8696v2025y'], '8696 flags r8696v2025y and not r8696v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8736' AND row_ref LIKE 'r8736v2025%'$$, ARRAY['r8736v2025y'], '8736 flags r8736v2025y and not r8736v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8863Q' AND row_ref LIKE 'r8863Qv2025%'$$, ARRAY['r8863Qv2025y'], '8863Q flags r8863Qv2025y and not r8863Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8869' AND row_ref LIKE 'r8869v2025%'$$, ARRAY['r8869v2025y'], '8869 flags r8869v2025y and not r8869v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8873Q' AND row_ref LIKE 'r8873Qv2025%'$$, ARRAY['r8873Qv2025y'], '8873Q flags r8873Qv2025y and not r8873Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8896' AND row_ref LIKE 'r8896v2025%'$$, ARRAY['r8896v2025y'], '8896 flags r8896v2025y and not r8896v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8897Q' AND row_ref LIKE 'r8897Qv2025%'$$, ARRAY['r8897Qv2025y'], '8897Q flags r8897Qv2025y and not r8897Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8898' AND row_ref LIKE 'r8898v2025%'$$, ARRAY['r8898v2025y'], '8898 flags r8898v2025y and not r8898v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8945Q' AND row_ref LIKE 'r8945Qv2025%'$$, ARRAY['r8945Qv2025y'], '8945Q flags r8945Qv2025y and not r8945Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8950Q' AND row_ref LIKE 'r8950Qv2025%'$$, ARRAY['r8950Qv2025y'], '8950Q flags r8950Qv2025y and not r8950Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got2024 WHERE rule_code = '8945Q' AND row_ref LIKE 'r8945Qv2024%'$$, ARRAY[]::text[], '8945Q does not run in 2024: r8945Qv2024n not flagged');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '4000' AND row_ref LIKE 'r4000v2025%'$$, ARRAY['r4000v2025y'], '4000 flags r4000v2025y and not r4000v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '4001' AND row_ref LIKE 'r4001v2025%'$$, ARRAY['r4001v2025y'], '4001 flags r4001v2025y and not r4001v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '4003' AND row_ref LIKE 'r4003v2025%'$$, ARRAY['r4003v2025y'], '4003 flags r4003v2025y and not r4003v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '4004' AND row_ref LIKE 'r4004v2025%'$$, ARRAY['r4004v2025y'], '4004 flags r4004v2025y and not r4004v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '4008' AND row_ref LIKE 'r4008v2025%'$$, ARRAY['r4008v2025y'], '4008 flags r4008v2025y and not r4008v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '4009Q' AND row_ref LIKE 'r4009Qv2025%'$$, ARRAY['r4009Qv2025y'], '4009Q flags r4009Qv2025y and not r4009Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '4010' AND row_ref LIKE 'r4010v2025%'$$, ARRAY['r4010v2025y'], '4010 flags r4010v2025y and not r4010v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '4011' AND row_ref LIKE 'r4011v2025%'$$, ARRAY['r4011v2025y'], '4011 flags r4011v2025y and not r4011v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '4012Q' AND row_ref LIKE 'r4012Qv2025%'$$, ARRAY['r4012Qv2025y'], '4012Q flags r4012Qv2025y and not r4012Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '4013' AND row_ref LIKE 'r4013v2025%'$$, ARRAY['r4013v2025y'], '4013 flags r4013v2025y and not r4013v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '4014' AND row_ref LIKE 'r4014v2025%'$$, ARRAY['r4014v2025y'], '4014 flags r4014v2025y and not r4014v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '4015' AND row_ref LIKE 'r4015v2025%'$$, ARRAY['r4015v2025y'], '4015 flags r4015v2025y and not r4015v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '4016' AND row_ref LIKE 'r4016v2025%'$$, ARRAY['r4016v2025y'], '4016 flags r4016v2025y and not r4016v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '4017' AND row_ref LIKE 'r4017v2025%'$$, ARRAY['r4017v2025y'], '4017 flags r4017v2025y and not r4017v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '1104' AND row_ref LIKE 'r1104v2025%'$$, ARRAY['r1104v2025y'], '1104 flags r1104v2025y and not r1104v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '2889' AND row_ref LIKE 'r2889v2025%'$$, ARRAY['r2889v2025y'], '2889 flags r2889v2025y and not r2889v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8615' AND row_ref LIKE 'r8615v2025%'$$, ARRAY['r8615v2025y'], '8615 flags r8615v2025y and not r8615v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8675Q' AND row_ref LIKE 'r8675Qv2025%'$$, ARRAY['r8675Qv2025y'], '8675Q flags r8675Qv2025y and not r8675Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8715' AND row_ref LIKE 'r8715v2025%'$$, ARRAY['r8715v2025y'], '8715 flags r8715v2025y and not r8715v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8740' AND row_ref LIKE 'r8740v2025%'$$, ARRAY['r8740v2025y'], '8740 flags r8740v2025y and not r8740v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8839' AND row_ref LIKE 'r8839v2025%'$$, ARRAY['r8839v2025y'], '8839 flags r8839v2025y and not r8839v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8870Q' AND row_ref LIKE 'r8870Qv2025%'$$, ARRAY['r8870Qv2025y'], '8870Q flags r8870Qv2025y and not r8870Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8875' AND row_ref LIKE 'r8875v2025%'$$, ARRAY['r8875v2025y'], '8875 flags r8875v2025y and not r8875v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8890' AND row_ref LIKE 'r8890v2025%'$$, ARRAY['r8890v2025y'], '8890 flags r8890v2025y and not r8890v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '1105' AND row_ref LIKE 'r1105v2025%'$$, ARRAY['r1105v2025y'], '1105 flags r1105v2025y and not r1105v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '2885' AND row_ref LIKE 'r2885v2025%'$$, ARRAY['r2885v2025y'], '2885 flags r2885v2025y and not r2885v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '2885' AND row_ref LIKE 'r2885bv2025%'$$, ARRAY['r2885bv2025y'], '2885 flags r2885bv2025y and not r2885bv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8720' AND row_ref LIKE 'r8720v2025%'$$, ARRAY['r8720v2025y'], '8720 flags r8720v2025y and not r8720v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8730' AND row_ref LIKE 'r8730v2025%'$$, ARRAY['r8730v2025y'], '8730 flags r8730v2025y and not r8730v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8832' AND row_ref LIKE 'r8832v2025%'$$, ARRAY['r8832v2025y'], '8832 flags r8832v2025y and not r8832v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8840' AND row_ref LIKE 'r8840v2025%'$$, ARRAY['r8840v2025y'], '8840 flags r8840v2025y and not r8840v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8841' AND row_ref LIKE 'r8841v2025%'$$, ARRAY['r8841v2025y'], '8841 flags r8841v2025y and not r8841v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8842Q' AND row_ref LIKE 'r8842Qv2025%'$$, ARRAY['r8842Qv2025y'], '8842Q flags r8842Qv2025y and not r8842Qv2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8905' AND row_ref LIKE 'r8905v2025%'$$, ARRAY['r8905v2025y'], '8905 flags r8905v2025y and not r8905v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8910' AND row_ref LIKE 'r8910v2025%'$$, ARRAY['r8910v2025y'], '8910 flags r8910v2025y and not r8910v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8915' AND row_ref LIKE 'r8915v2025%'$$, ARRAY['r8915v2025y'], '8915 flags r8915v2025y and not r8915v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8920' AND row_ref LIKE 'r8920v2025%'$$, ARRAY['r8920v2025y'], '8920 flags r8920v2025y and not r8920v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8925' AND row_ref LIKE 'r8925v2025%'$$, ARRAY['r8925v2025y'], '8925 flags r8925v2025y and not r8925v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8930' AND row_ref LIKE 'r8930v2025%'$$, ARRAY['r8930v2025y'], '8930 flags r8930v2025y and not r8930v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8935' AND row_ref LIKE 'r8935v2025%'$$, ARRAY['r8935v2025y'], '8935 flags r8935v2025y and not r8935v2025n');
SELECT set_eq($$SELECT DISTINCT split_part(row_ref, '.csv', 1) FROM got WHERE rule_code = '8940' AND row_ref LIKE 'r8940v2025%'$$, ARRAY['r8940v2025y'], '8940 flags r8940v2025y and not r8940v2025n');

SELECT set_eq($$SELECT DISTINCT la FROM got WHERE rule_code = '2886Q' AND la LIKE 'L2886%'$$, ARRAY['L2886y'], '2886Q flags the council whose children have no sex recorded, not the other');
SELECT set_eq($$SELECT DISTINCT la FROM got WHERE rule_code = '2887Q' AND la LIKE 'L2887%'$$, ARRAY['L2887y'], '2887Q flags the council with 7 disability codes, not the one with 8');
SELECT set_eq($$SELECT DISTINCT la FROM got WHERE rule_code = '2888Q' AND la LIKE 'L2888%'$$, ARRAY['L2888y'], '2888Q flags the council whose children have one disability each, not the other');
SELECT set_eq($$SELECT DISTINCT la FROM got WHERE rule_code = '2883' AND la LIKE 'L2883%'$$, ARRAY['L2883y'], '2883 flags the council with more plans than conferences, not the other');
SELECT is((SELECT count(*) FROM got WHERE child IS NULL AND rule_code = '2886Q' AND la = 'L2886y' AND row_ref = 'L2886y.csv:' || (SELECT min(source_line) FROM cv.return_cin_child WHERE la = 'L2886y')), 1::bigint,
          'a council-level rule flags the council once, at its first child record, with no child');
SELECT is_empty($$SELECT * FROM careleaver.validate_cin('cv', 2025, 'CLEAN')$$, 'a clean council validates with no rows');
SELECT results_eq($$SELECT rule_code, table_name, child, row_ref, message FROM got WHERE row_ref LIKE 'skipped.csv:%' ORDER BY row_ref$$,
  $$VALUES ('8866', 'CINdetails', 'sk1', 'skipped.csv:7', 'ReferralSource ZZ refused by the loader: not a cin_referral_source code'),
           ('LOAD', 'Section47', 'sk2', 'skipped.csv:9', 'ICPCnotRequired maybe refused by the loader: not a cin_boolean code')$$,
  'a skipped row is reported under the DfE rule covering its refused value (ReferralSource: 8866), else LOAD');
SELECT results_eq($$SELECT message FROM got WHERE rule_code = '8630' AND row_ref LIKE 'r8630v%'$$,
  $$VALUES ('CINclosureDate 2024-04-30 is before CINreferralDate 2024-05-01')$$, 'messages give the dates in ISO form');
SELECT throws_ok($$SELECT * FROM careleaver.validate_cin('cv', 2023)$$, 'P0002',
  'dataset "cv" has no loaded CIN census return for collection year 2023', 'a year with no CIN return is an error, not a pass');
SELECT is_empty($$SELECT * FROM got WHERE la = 'T1' AND row_ref NOT LIKE 'r%' AND row_ref NOT LIKE 'skipped%'$$,
  'every flagged row of the pairs comes from a pair''s file');
SELECT set_eq($$SELECT rule_code FROM careleaver.cin_validation_rules WHERE check_sql IS NOT NULL AND rule_code NOT IN ('LOAD', '2883', '2886Q', '2887Q', '2888Q')$$,
  string_to_array('1103,1104,1105,1510,1520,1540,1550,1560Q,1570,1580,2884,2885,2889,2990,2991Q,4000,4001,4003,4004,4008,4009Q,4010,4011,4012Q,4013,4014,4015,4016,4017,4180,4220,8500,8510,8520,8525Q,8530Q,8535Q,8540,8545Q,8555Q,8565,8568,8569Q,8585Q,8590,8600,8606,8608,8610,8614,8615,8620,8630,8640,8650,8670Q,8675Q,8696,8715,8720,8730,8736,8740,8750,8770Q,8772,8775Q,8790,8794,8805,8810,8815,8816,8820,8825Q,8831,8832,8839,8840,8841,8842Q,8863Q,8866,8867,8868,8869,8870Q,8873Q,8875,8890,8896,8897Q,8898,8905,8910,8915,8920,8925,8930,8935,8940,8945Q,8950Q', ','), 'every checkable CIN rule has a hand-worked pair above (LOAD and the council-level rules have their own)');
SELECT is((SELECT count(*) FROM careleaver.cin_validation_rules WHERE check_sql IS NULL AND not_checkable LIKE 'not checkable:%'), 2::bigint,
  'the rules without a check say why (100, 1530)');

SELECT * FROM finish();
ROLLBACK;
