-- A small deterministic council for the report tests (schema report_test, LA 999):
-- 400 children with periods of care from 2012 to 2024 and OC3 records for 2019 to 2024.
-- Uses careleaver.create_dataset when the extension has it, else creates the tables it reads.
\set ON_ERROR_STOP 1
DROP SCHEMA IF EXISTS report_test CASCADE;
DO $$
BEGIN
  IF to_regprocedure('careleaver.create_dataset(text)') IS NOT NULL THEN
    PERFORM careleaver.create_dataset('report_test');
  ELSE
    CREATE SCHEMA report_test;
    CREATE TABLE report_test.header (la text NOT NULL, child text NOT NULL, sex text, dob date, ethnic text,
      upn text, mother smallint, mc_dob date, PRIMARY KEY (la, child));
    CREATE TABLE report_test.episodes (la text NOT NULL, child text NOT NULL, decom date NOT NULL,
      rne careleaver.new_episode_reason, ls careleaver.legal_status, cin careleaver.need_category,
      place careleaver.placement_type, place_provider careleaver.placement_provider, dec date,
      rec careleaver.ceased_reason, reason_place_change careleaver.placement_change_reason,
      home_post text, pl_post text, urn text, source_year integer, reconcile_note text,
      PRIMARY KEY (la, child, decom));
    CREATE TABLE report_test.oc3 (la text NOT NULL, child text NOT NULL, year integer NOT NULL, dob date,
      in_touch careleaver.contact_status, activ careleaver.leaver_activity,
      accom careleaver.leaver_accommodation, PRIMARY KEY (la, child, year));
  END IF;
END $$;

SELECT setseed(0.2024);
DO $$
DECLARE
  c int;
  dob date;
  d date;
  e_end date;
  n_periods int;
  n_eps int;
  rec text;
  data_end constant date := '2024-03-31';
  places constant text[] := ARRAY['U1','U2','U3','U4','U5','U6','R1','K2','H5','T0','P1','Z1'];
  rnes constant text[] := ARRAY['P','L','B','T','U','P'];
  recs constant text[] := ARRAY['E4A','E4A','E4B','E11','E45','E8','E41','E13','E3','E4A'];
  y int;
  ages int;
BEGIN
  FOR c IN 1..400 LOOP
    dob := date '2000-01-01' + floor(random() * 7000)::int;
    INSERT INTO report_test.header (la, child, sex, dob) VALUES ('999', 'C' || c, CASE WHEN random() < 0.5 THEN '1' ELSE '2' END, dob);
    d := greatest(dob + 30, date '2012-04-01') + floor(random() * 3000)::int;
    n_periods := 1 + floor(random() * 2)::int;
    FOR p IN 1..n_periods LOOP
      EXIT WHEN d >= data_end;
      n_eps := 1 + floor(random() * 4)::int;
      FOR ep IN 1..n_eps LOOP
        e_end := d + 20 + floor(random() * 400)::int;
        IF e_end >= data_end THEN e_end := NULL; END IF;
        rec := CASE WHEN e_end IS NULL THEN NULL
                    WHEN ep < n_eps THEN 'X1'
                    ELSE recs[1 + floor(random() * 10)::int] END;
        INSERT INTO report_test.episodes (la, child, decom, rne, ls, place, dec, rec)
        VALUES ('999', 'C' || c, d,
                (CASE WHEN ep = 1 THEN 'S' ELSE rnes[1 + floor(random() * 6)::int] END)::careleaver.new_episode_reason,
                (CASE WHEN random() < 0.05 THEN 'V3' WHEN random() < 0.6 THEN 'C2' ELSE 'V2' END)::careleaver.legal_status,
                places[1 + floor(random() * 12)::int]::careleaver.placement_type,
                e_end, rec::careleaver.ceased_reason);
        EXIT WHEN e_end IS NULL;
        d := e_end;
      END LOOP;
      EXIT WHEN e_end IS NULL;
      d := e_end + 30 + floor(random() * 700)::int;
    END LOOP;
    -- OC3 records on birthdays 17 to 21 falling in 2019 to 2024, for children in care after 16
    IF EXISTS (SELECT 1 FROM report_test.episodes e WHERE e.child = 'C' || c
                AND coalesce(e.dec, data_end) > (dob + interval '16 years')::date) THEN
      FOR ages IN 17..21 LOOP
        y := careleaver.collection_year_of((dob + make_interval(years => ages))::date);
        CONTINUE WHEN y < 2019 OR y > 2024;
        INSERT INTO report_test.oc3 (la, child, year, dob, in_touch, activ, accom)
        VALUES ('999', 'C' || c, y, dob,
                (ARRAY['YES','YES','YES','YES','NO','REFU','NREQ','DIED','RHOM','YES'])[1 + floor(random() * 10)::int]::careleaver.contact_status,
                (ARRAY['F2','P2','F3','G4','G5','G6','0','F1','F4','G4'])[1 + floor(random() * 10)::int]::careleaver.leaver_activity,
                (ARRAY['B1','C1','D1','E1','T1','S2','V2','W2','Z1','0'])[1 + floor(random() * 10)::int]::careleaver.leaver_accommodation);
      END LOOP;
    END IF;
  END LOOP;
END $$;
-- the report reads the fact layer: rows written by hand are materialised as a load would (doc/facts.md)
SELECT count(*) AS councils_refreshed FROM careleaver.refresh('report_test');
