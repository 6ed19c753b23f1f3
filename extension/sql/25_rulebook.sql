-- The calendar rules of metrics.md 1 and the eligibility test of metrics.md 4, from the C core
-- (core/dates.c, core/status.c), for the SQL that builds validation, reports, the hub and the
-- loader: SQL calls these and never re-derives a birthday, a collection year or a data end.

CREATE FUNCTION careleaver.birthday(date_of_birth date, age integer) RETURNS date
  AS 'MODULE_PATHNAME', 'careleaver_birthday' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.birthday(date, integer) IS
  'The age-th birthday (age 0 to 150) of someone born on date_of_birth; a 29 February birthday falls on 1 March in common years (metrics.md 1).';

CREATE FUNCTION careleaver.age_on(date_of_birth date, on_date date) RETURNS integer
  AS 'MODULE_PATHNAME', 'careleaver_age_on' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.age_on(date, date) IS
  'Age on a date in completed years, the last birthday (careleaver.birthday) on or before it counting (metrics.md 1).';

CREATE FUNCTION careleaver.collection_year_of(d date) RETURNS integer
  AS 'MODULE_PATHNAME', 'careleaver_collection_year_of' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.collection_year_of(date) IS
  'The collection year a date falls in, named by the year it ends (metrics.md 1): 2023-04-01 to 2024-03-31 is 2024';

CREATE FUNCTION careleaver.collection_year_start(collection_year integer) RETURNS date
  AS 'MODULE_PATHNAME', 'careleaver_collection_year_start' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.collection_year_start(integer) IS
  'First day of a collection year, 1 April of the year before the one it is named by (metrics.md 1): 2024 starts 2023-04-01.';

CREATE FUNCTION careleaver.collection_year_end(collection_year integer) RETURNS date
  AS 'MODULE_PATHNAME', 'careleaver_collection_year_end' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.collection_year_end(integer) IS
  'Last day of a collection year, 31 March of the year it is named by (metrics.md 1): 2024 ends 2024-03-31.';

CREATE FUNCTION careleaver.data_end(latest date) RETURNS date
  AS 'MODULE_PATHNAME', 'careleaver_data_end' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.data_end(date) IS
  'The last day data whose latest date is the argument covers: 31 March ending that date''s collection year (metrics.md 1 and 6); the largest date PostgreSQL accepts when that 31 March is past it.';

CREATE FUNCTION careleaver.eligible_by(history careleaver.care_history, date_of_birth date, on_date date)
  RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_eligible_by' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.eligible_by(careleaver.care_history, date, date) IS
  'The eligibility test of metrics.md 4 at on_date: looked after at least 13 weeks in [14th birthday, on_date) and at least one day of it from the 16th birthday (short breaks left out).';
