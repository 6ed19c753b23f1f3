-- The synthetic council's CIN census return of collection year :y, restated from the canonical cin_* tables of
-- dataset syn as a council would write it (test/script/cin.t): the episodes open at any time in the year, each
-- with the records of the year (a date after 31 March is not known yet: left blank).
DELETE FROM syn.return_cin_child WHERE year = :y; DELETE FROM syn.return_cin_disabilities WHERE year = :y;
DELETE FROM syn.return_cin_details WHERE year = :y; DELETE FROM syn.return_cin_assessments WHERE year = :y;
DELETE FROM syn.return_cin_factors WHERE year = :y; DELETE FROM syn.return_cin_section47 WHERE year = :y;
DELETE FROM syn.return_cin_cp_plans WHERE year = :y; DELETE FROM syn.return_cin_plans WHERE year = :y;
CREATE TEMP SEQUENCE ln;
CREATE TEMP TABLE rd AS
SELECT d.*, row_number() OVER (ORDER BY d.la, d.child, d.cinreferraldate)::text AS did,
       careleaver.collection_year_start(:y) AS s, careleaver.collection_year_end(:y) AS e
  FROM syn.cin_details d
 WHERE d.cinreferraldate <= careleaver.collection_year_end(:y)
   AND (d.cinclosuredate IS NULL OR d.cinclosuredate >= careleaver.collection_year_start(:y));
INSERT INTO syn.return_cin_details (la, year, lachildid, cindetailsid, cinreferraldate, referralsource, primaryneedcode,
       cinclosuredate, reasonforclosure, dateofinitialcpc, referralnfa, source_file, source_line)
SELECT d.la, :y, d.child, d.did, d.cinreferraldate, d.referralsource, d.primaryneedcode,
       CASE WHEN d.cinclosuredate <= d.e THEN d.cinclosuredate END, CASE WHEN d.cinclosuredate <= d.e THEN d.reasonforclosure END,
       NULL, d.referralnfa, 'cin.xml', nextval('ln')
  FROM rd d;
INSERT INTO syn.return_cin_child (la, year, lachildid, upn, upnunknown, personbirthdate, sex, ethnicity, source_file, source_line)
SELECT c.la, :y, c.child, c.upn, c.upnunknown, c.personbirthdate,
       CASE WHEN :y >= 2025 THEN c.sex WHEN c.sex = 'M' THEN '1' WHEN c.sex = 'F' THEN '2' ELSE c.sex END,
       c.ethnicity, 'cin.xml', nextval('ln')
  FROM syn.cin_child c JOIN rd d ON d.la = c.la AND d.child = c.child
 GROUP BY c.la, c.child, c.upn, c.upnunknown, c.personbirthdate, c.sex, c.ethnicity;
INSERT INTO syn.return_cin_disabilities (la, year, lachildid, disability, source_file, source_line)
SELECT c.la, :y, c.child, x.disability, 'cin.xml', nextval('ln')
  FROM syn.cin_child c CROSS JOIN LATERAL unnest(c.disabilities) WITH ORDINALITY x(disability, n)
 WHERE EXISTS (SELECT 1 FROM rd d WHERE d.la = c.la AND d.child = c.child);
INSERT INTO syn.return_cin_assessments (la, year, lachildid, cindetailsid, assessmentid, assessmentactualstartdate,
       assessmentauthorisationdate, source_file, source_line)
SELECT a.la, :y, a.child, d.did, '1', a.assessmentactualstartdate,
       CASE WHEN a.assessmentauthorisationdate <= d.e THEN a.assessmentauthorisationdate END, 'cin.xml', nextval('ln')
  FROM syn.cin_assessments a JOIN rd d ON d.la = a.la AND d.child = a.child AND d.cinreferraldate = a.cinreferraldate
 WHERE a.assessmentactualstartdate <= d.e AND (a.assessmentauthorisationdate IS NULL OR a.assessmentauthorisationdate >= d.s);
INSERT INTO syn.return_cin_factors (la, year, lachildid, cindetailsid, assessmentid, assessmentfactors, source_file, source_line)
SELECT a.la, :y, a.lachildid, a.cindetailsid, a.assessmentid, f, 'cin.xml', nextval('ln')
  FROM syn.return_cin_assessments a
  JOIN rd d ON d.la = a.la AND d.did = a.cindetailsid
  JOIN syn.cin_assessments c ON c.la = d.la AND c.child = d.child AND c.cinreferraldate = d.cinreferraldate
  CROSS JOIN LATERAL unnest(c.factors) f
 WHERE a.year = :y AND a.assessmentauthorisationdate IS NOT NULL;
INSERT INTO syn.return_cin_section47 (la, year, lachildid, cindetailsid, s47actualstartdate, initialcpctarget,
       dateofinitialcpc, icpcnotrequired, source_file, source_line)
SELECT s.la, :y, s.child, d.did, s.s47actualstartdate,
       CASE WHEN s.dateofinitialcpc <= d.e THEN s.initialcpctarget END, CASE WHEN s.dateofinitialcpc <= d.e THEN s.dateofinitialcpc END,
       s.icpcnotrequired, 'cin.xml', nextval('ln')
  FROM syn.cin_section47 s JOIN rd d ON d.la = s.la AND d.child = s.child AND d.cinreferraldate = s.cinreferraldate
 WHERE s.s47actualstartdate <= d.e
   AND (s.dateofinitialcpc >= d.s OR (s.dateofinitialcpc IS NULL AND s.s47actualstartdate >= d.s));
INSERT INTO syn.return_cin_cp_plans (la, year, lachildid, cindetailsid, cppid, cppstartdate, cppenddate,
       initialcategoryofabuse, latestcategoryofabuse, numberofpreviouscpp, source_file, source_line)
SELECT p.la, :y, p.child, d.did, '1', p.cppstartdate, CASE WHEN p.cppenddate <= d.e THEN p.cppenddate END,
       p.initialcategoryofabuse, p.latestcategoryofabuse, p.numberofpreviouscpp, 'cin.xml', nextval('ln')
  FROM syn.cin_cp_plans p JOIN rd d ON d.la = p.la AND d.child = p.child AND d.cinreferraldate = p.cinreferraldate
 WHERE p.cppstartdate <= d.e AND (p.cppenddate IS NULL OR p.cppenddate >= d.s);
DROP TABLE rd; DROP SEQUENCE ln;
