-- Synthetic councils: a deterministic generator of realistic SSDA903 data
-- (C core extension/core/synth.c, glue extension/pg/synth.c).
-- doc/synthetic.md describes the model, the parameters and the calibration.

CREATE FUNCTION careleaver.synthetic_header(children integer, seed integer,
                                            councils integer DEFAULT 1,
                                            first_year integer DEFAULT 2017,
                                            last_year integer DEFAULT 2026)
RETURNS TABLE (la text, child text, sex text, dob date, ethnic text, upn text,
               mother smallint, mc_dob date, uasc boolean, duc date)
AS 'MODULE_PATHNAME', 'careleaver_synthetic_header'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION careleaver.synthetic_header(integer, integer, integer, integer, integer) IS
  'Header rows (one per child) of the synthetic councils careleaver.generate_synthetic builds, with the '
  'UASC flag and date UASC status ceased; deterministic in its arguments. SEX is coded as the last '
  'collection year codes it (1/2 up to 2024, M/F from 2025)';

CREATE FUNCTION careleaver.synthetic_episodes(children integer, seed integer,
                                              councils integer DEFAULT 1,
                                              first_year integer DEFAULT 2017,
                                              last_year integer DEFAULT 2026)
RETURNS TABLE (la text, child text, decom date, rne careleaver.new_episode_reason,
               ls careleaver.legal_status, cin careleaver.need_category,
               place careleaver.placement_type, place_provider careleaver.placement_provider,
               "dec" date, rec careleaver.ceased_reason,
               reason_place_change careleaver.placement_change_reason,
               home_post text, pl_post text, urn text)
AS 'MODULE_PATHNAME', 'careleaver_synthetic_episodes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 4000;
COMMENT ON FUNCTION careleaver.synthetic_episodes(integer, integer, integer, integer, integer) IS
  'Episodes of the synthetic councils: every episode open at some time in the collection years, with its '
  'original DECOM; episodes open on 31 March of the last year have DEC and REC NULL. Deterministic in its '
  'arguments. Postcodes and URNs are postcode- and URN-shaped inventions';

CREATE FUNCTION careleaver.synthetic_oc3(children integer, seed integer,
                                         councils integer DEFAULT 1,
                                         first_year integer DEFAULT 2017,
                                         last_year integer DEFAULT 2026)
RETURNS TABLE (la text, child text, year integer, dob date,
               in_touch careleaver.contact_status, activ careleaver.leaver_activity,
               accom careleaver.leaver_accommodation)
AS 'MODULE_PATHNAME', 'careleaver_synthetic_oc3'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 400;
COMMENT ON FUNCTION careleaver.synthetic_oc3(integer, integer, integer, integer, integer) IS
  'OC3 records of the synthetic councils: one per care leaver and 17th to 21st birthday falling in a '
  'collection year, for young people relevant or former relevant on that birthday (metrics.md 4 and 5) '
  'and not looked after on it at 17 or 18. Deterministic in its arguments';

CREATE FUNCTION careleaver.synthetic_ad1(children integer, seed integer,
                                         councils integer DEFAULT 1,
                                         first_year integer DEFAULT 2017,
                                         last_year integer DEFAULT 2026)
RETURNS TABLE (la text, child text, year integer, dob date, date_int date, date_match date,
               foster_care smallint, nb_adoptr integer, sex_adoptr text, ls_adoptr text)
AS 'MODULE_PATHNAME', 'careleaver_synthetic_ad1'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION careleaver.synthetic_ad1(integer, integer, integer, integer, integer) IS
  'AD1 records of the synthetic councils: one per child adopted (REC E11, E12) in a generated collection year, '
  'in that year''s return; the decision to place for adoption (DATE_INT) falls in the final period of care, '
  'before the match (DATE_MATCH), which comes a few weeks before the first placement for adoption. '
  'Deterministic in its arguments (core/synth_modules.c; doc/synthetic.md)';

CREATE FUNCTION careleaver.synthetic_placed_adoption(children integer, seed integer,
                                                     councils integer DEFAULT 1,
                                                     first_year integer DEFAULT 2017,
                                                     last_year integer DEFAULT 2026)
RETURNS TABLE (la text, child text, year integer, dob date, date_placed date, date_placed_ceased date,
               reason_placed_ceased text)
AS 'MODULE_PATHNAME', 'careleaver_synthetic_placed_adoption'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION careleaver.synthetic_placed_adoption(integer, integer, integer, integer, integer) IS
  'Placed-for-adoption records of the synthetic councils: one per child adopted in a generated year, in that '
  'year''s return, with the decision date of its AD1 record, ended by the adoption (its date and REC). '
  'Deterministic in its arguments (doc/synthetic.md)';

CREATE FUNCTION careleaver.synthetic_oc2(children integer, seed integer,
                                         councils integer DEFAULT 1,
                                         first_year integer DEFAULT 2017,
                                         last_year integer DEFAULT 2026)
RETURNS TABLE (la text, child text, year integer, dob date, sdq_score integer, sdq_reason text)
AS 'MODULE_PATHNAME', 'careleaver_synthetic_oc2'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 400;
COMMENT ON FUNCTION careleaver.synthetic_oc2(integer, integer, integer, integer, integer) IS
  'OC2 records of the synthetic councils: one per child and generated collection year throughout which the '
  'child was looked after (short breaks left out); an SDQ score (0 to 40, mean near 15) for four in five children '
  'aged 4 to 16 on 31 March, else SDQ_REASON. Deterministic in its arguments (doc/synthetic.md)';

CREATE FUNCTION careleaver.synthetic_councils(councils integer)
RETURNS text[]
AS 'MODULE_PATHNAME', 'careleaver_synthetic_councils'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.synthetic_councils(integer) IS
  'The local authority codes of the first n synthetic councils (a fixed list of real three-digit LA codes, '
  'starting 213): child k belongs to council k modulo n';

CREATE FUNCTION careleaver.generate_synthetic(schema_name text, children integer, seed integer,
                                              councils integer DEFAULT 1,
                                              first_year integer DEFAULT 2017,
                                              last_year integer DEFAULT 2026)
RETURNS TABLE (la text, children_generated bigint, episodes bigint, oc3_records bigint, uasc_children bigint,
               looked_after_at_end bigint)
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  codes text[];
  clash text;
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);  -- never run another role's code (doc/dataset.md)
  IF children < 0 THEN
    RAISE EXCEPTION 'number of synthetic children must not be negative: %', children
      USING ERRCODE = '22023';
  END IF;
  IF councils < 1 OR councils > children AND children > 0 THEN
    RAISE EXCEPTION 'cannot share % children among % councils', children, councils
      USING ERRCODE = '22023',
            HINT = 'Ask for at least one child per council.';
  END IF;
  codes := careleaver.synthetic_councils(councils);
  PERFORM careleaver.create_dataset(schema_name);

  -- never mix synthetic children with a council's existing data
  EXECUTE format('SELECT min(h.la) FROM %I.header h WHERE h.la = ANY ($1)', schema_name)
    INTO clash USING codes;
  IF clash IS NULL THEN
    EXECUTE format('SELECT min(e.la) FROM %I.episodes e WHERE e.la = ANY ($1)', schema_name)
      INTO clash USING codes;
  END IF;
  IF clash IS NULL THEN
    EXECUTE format('SELECT min(r.la) FROM %I.returns r WHERE r.la = ANY ($1)', schema_name)
      INTO clash USING codes;
  END IF;
  IF clash IS NOT NULL THEN
    RAISE EXCEPTION 'dataset "%" already holds data for council %', schema_name, clash
      USING ERRCODE = '55000',
            HINT = 'Generate into a new dataset, or delete that council''s rows first.';
  END IF;

  EXECUTE format(
    'WITH h AS (SELECT * FROM careleaver.synthetic_header($1, $2, $3, $4, $5)), '
    '     hi AS (INSERT INTO %1$I.header (la, child, sex, dob, ethnic, upn, mother, mc_dob) '
    '            SELECT h.la, h.child, h.sex, h.dob, h.ethnic, h.upn, h.mother, h.mc_dob FROM h) '
    'INSERT INTO %1$I.uasc (la, child, sex, dob, duc) '
    'SELECT h.la, h.child, h.sex, h.dob, h.duc FROM h WHERE h.uasc', schema_name)
    USING children, seed, councils, first_year, last_year;
  EXECUTE format(
    'INSERT INTO %I.episodes (la, child, decom, rne, ls, cin, place, place_provider, dec, rec, '
    '                         reason_place_change, home_post, pl_post, urn) '
    'SELECT * FROM careleaver.synthetic_episodes($1, $2, $3, $4, $5)', schema_name)
    USING children, seed, councils, first_year, last_year;
  EXECUTE format(
    'INSERT INTO %I.oc3 (la, child, year, dob, in_touch, activ, accom) '
    'SELECT * FROM careleaver.synthetic_oc3($1, $2, $3, $4, $5)', schema_name)
    USING children, seed, councils, first_year, last_year;

  -- the modules the episodes imply: adoption (AD1, placed for adoption) and OC2 SDQ scores
  EXECUTE format(
    'INSERT INTO %I.ad1 (la, child, year, dob, date_int, date_match, foster_care, nb_adoptr, sex_adoptr, ls_adoptr) '
    'SELECT * FROM careleaver.synthetic_ad1($1, $2, $3, $4, $5)', schema_name)
    USING children, seed, councils, first_year, last_year;
  EXECUTE format(
    'INSERT INTO %I.placed_adoption (la, child, year, dob, date_placed, date_placed_ceased, reason_placed_ceased) '
    'SELECT * FROM careleaver.synthetic_placed_adoption($1, $2, $3, $4, $5)', schema_name)
    USING children, seed, councils, first_year, last_year;
  EXECUTE format(
    'INSERT INTO %I.oc2 (la, child, year, dob, sdq_score, sdq_reason) '
    'SELECT * FROM careleaver.synthetic_oc2($1, $2, $3, $4, $5)', schema_name)
    USING children, seed, councils, first_year, last_year;
  PERFORM careleaver.generate_synthetic_locations(schema_name, children, seed, councils, first_year, last_year);

  -- a population under 18 that puts the looked-after rate at 31 March at the
  -- national 70 per 10,000 (the same count at every age 0 to 17)
  EXECUTE format(
    'INSERT INTO %1$I.population (la, year, age, count) '
    'SELECT n.la, n.year, a.age, greatest(1, round(n.looked_after * 10000.0 / 70 / 18))::integer '
    'FROM (SELECT e.la, y.year, count(*) AS looked_after '
    '      FROM %1$I.episodes e '
    '      JOIN generate_series($2, $3) AS y(year) '
    '        ON e.decom <= careleaver.collection_year_end(y.year) '
    '       AND (e.dec IS NULL OR e.dec > careleaver.collection_year_end(y.year)) '
    '      WHERE e.la = ANY ($1) AND NOT careleaver.is_short_break(e.ls) '
    '      GROUP BY e.la, y.year) AS n '
    'CROSS JOIN generate_series(0, 17) AS a(age)', schema_name)
    USING codes, first_year, last_year;

  PERFORM careleaver.generate_synthetic_cin(schema_name, seed, codes, first_year, last_year);  -- 85_cin.sql

  -- the generated collection years are the councils' coverage (doc/reporting.md, metrics.md 11)
  EXECUTE format(
    'INSERT INTO %I.returns (la, year, loaded_at, files, origin) '
    'SELECT c.la, y.year, now(), jsonb_build_array(jsonb_build_object(''generated_by'', ''careleaver.generate_synthetic'', '
    '       ''children'', $2, ''seed'', $3, ''councils'', $4)), ''generated'' '
    'FROM unnest($1) AS c(la) CROSS JOIN generate_series($5, $6) AS y(year)', schema_name)
    USING codes, children, seed, councils, first_year, last_year;

  -- the generated councils' facts, current from the start (doc/facts.md)
  PERFORM careleaver.refresh(schema_name, c.la) FROM unnest(codes) AS c(la);

  RETURN QUERY EXECUTE format(
    'SELECT c.la, coalesce(h.n, 0), coalesce(e.n, 0), coalesce(o.n, 0), coalesce(u.n, 0), coalesce(e.open, 0) '
    'FROM unnest($1) WITH ORDINALITY AS c(la, ord) '
    'LEFT JOIN (SELECT x.la, count(*) AS n FROM %1$I.header x WHERE x.la = ANY ($1) GROUP BY x.la) h ON h.la = c.la '
    'LEFT JOIN (SELECT x.la, count(*) AS n, '
    '                  count(*) FILTER (WHERE x.dec IS NULL AND NOT careleaver.is_short_break(x.ls)) AS open '
    '           FROM %1$I.episodes x WHERE x.la = ANY ($1) GROUP BY x.la) e ON e.la = c.la '
    'LEFT JOIN (SELECT x.la, count(*) AS n FROM %1$I.oc3 x WHERE x.la = ANY ($1) GROUP BY x.la) o ON o.la = c.la '
    'LEFT JOIN (SELECT x.la, count(*) AS n FROM %1$I.uasc x WHERE x.la = ANY ($1) GROUP BY x.la) u ON u.la = c.la '
    'ORDER BY c.ord', schema_name)
    USING codes;
END
$fn$;
COMMENT ON FUNCTION careleaver.generate_synthetic(text, integer, integer, integer, integer, integer) IS
  'Fills dataset schema_name (created with careleaver.create_dataset when missing) with children synthetic '
  'children shared among councils councils, over the collection years first_year to last_year: header, '
  'episodes, oc3, uasc, ad1, placed_adoption, oc2 and population, and records each generated year in returns (origin generated: the coverage '
  'of its figures). Deterministic per seed; returns one summary row per council '
  '(looked_after_at_end: children looked after on 31 March of the last year). The generated councils'' facts are '
  'refreshed (careleaver.refresh, doc/facts.md). See doc/synthetic.md';
