-- Synthetic councils: small deterministic outputs and the error messages.
\set SHOW_CONTEXT never
SELECT careleaver.synthetic_councils(3);
-- three children: every column of their episodes, header rows and OC3 records
SELECT * FROM careleaver.synthetic_episodes(3, 1) ORDER BY la, child, decom;
SELECT * FROM careleaver.synthetic_header(3, 1) ORDER BY la, child;
SELECT * FROM careleaver.synthetic_oc3(40, 1) ORDER BY la, child, year LIMIT 6;
-- two councils: children dealt round them; SEX coded as the last year codes it
SELECT la, child, sex FROM careleaver.synthetic_header(4, 1, 2, 2017, 2024) ORDER BY child;
-- a child does not depend on how many are generated with it, nor on the council count
SELECT (SELECT array_agg(e.decom ORDER BY e.decom) FROM careleaver.synthetic_episodes(50, 9) e
         WHERE e.child = '0000007')
     = (SELECT array_agg(e.decom ORDER BY e.decom) FROM careleaver.synthetic_episodes(7, 9, 5) e
         WHERE e.child = '0000007') AS same_child;
SELECT count(*) FROM careleaver.synthetic_episodes(0, 1);
-- errors
SELECT * FROM careleaver.synthetic_episodes(-1, 1);
SELECT * FROM careleaver.synthetic_episodes(1, 1, 0);
SELECT * FROM careleaver.synthetic_oc3(1, 1, 1, 2026, 2020);
SELECT * FROM careleaver.synthetic_header(1, 1, 1, 1990, 2020);
SELECT careleaver.synthetic_councils(64);
SELECT * FROM careleaver.generate_synthetic('regress_syn', -5, 1);
SELECT * FROM careleaver.generate_synthetic('regress_syn', 2, 1, 3);
SELECT * FROM careleaver.generate_synthetic('regress_syn', 20, 1, 2);
SELECT * FROM careleaver.generate_synthetic('regress_syn', 20, 1, 1);
SET client_min_messages = warning;
DROP SCHEMA regress_syn CASCADE;
