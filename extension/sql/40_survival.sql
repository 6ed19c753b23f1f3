-- Survival and cumulative incidence (metrics.md section 8; doc/survival.md).
-- Kaplan-Meier and Aalen-Johansen estimators over day-indexed counts.  The
-- aggregates' state types are these value types themselves (not internal), so
-- states computed on partitions, parallel workers or other servers merge with
-- km_merge / cif_merge.

CREATE TYPE careleaver.survival;
CREATE TYPE careleaver.competing_risks;

CREATE FUNCTION careleaver.survival_in(cstring) RETURNS careleaver.survival
  AS 'MODULE_PATHNAME', 'careleaver_survival_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.survival_out(careleaver.survival) RETURNS cstring
  AS 'MODULE_PATHNAME', 'careleaver_survival_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.survival_recv(internal) RETURNS careleaver.survival
  AS 'MODULE_PATHNAME', 'careleaver_survival_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.survival_send(careleaver.survival) RETURNS bytea
  AS 'MODULE_PATHNAME', 'careleaver_survival_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE careleaver.survival (
  INPUT = careleaver.survival_in,
  OUTPUT = careleaver.survival_out,
  RECEIVE = careleaver.survival_recv,
  SEND = careleaver.survival_send,
  INTERNALLENGTH = VARIABLE,
  ALIGNMENT = int4,
  STORAGE = extended
);

CREATE FUNCTION careleaver.competing_risks_in(cstring) RETURNS careleaver.competing_risks
  AS 'MODULE_PATHNAME', 'careleaver_competing_risks_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.competing_risks_out(careleaver.competing_risks) RETURNS cstring
  AS 'MODULE_PATHNAME', 'careleaver_competing_risks_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.competing_risks_recv(internal) RETURNS careleaver.competing_risks
  AS 'MODULE_PATHNAME', 'careleaver_competing_risks_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.competing_risks_send(careleaver.competing_risks) RETURNS bytea
  AS 'MODULE_PATHNAME', 'careleaver_competing_risks_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE careleaver.competing_risks (
  INPUT = careleaver.competing_risks_in,
  OUTPUT = careleaver.competing_risks_out,
  RECEIVE = careleaver.competing_risks_recv,
  SEND = careleaver.competing_risks_send,
  INTERNALLENGTH = VARIABLE,
  ALIGNMENT = int4,
  STORAGE = extended
);

COMMENT ON TYPE careleaver.survival IS
  'Kaplan-Meier data (metrics.md 8): counts of events and censorings per day of follow-up, text {day:events/censored,...}; merges by adding counts';
COMMENT ON TYPE careleaver.competing_risks IS
  'Competing-risks data (metrics.md 8): counts per day and cause (0 = censored), text {day:{cause:count,...},...}; merges by adding counts';
COMMENT ON FUNCTION careleaver.survival_in(cstring) IS 'text input of careleaver.survival';
COMMENT ON FUNCTION careleaver.survival_out(careleaver.survival) IS 'text output of careleaver.survival';
COMMENT ON FUNCTION careleaver.survival_recv(internal) IS 'binary input of careleaver.survival (format version 1)';
COMMENT ON FUNCTION careleaver.survival_send(careleaver.survival) IS 'binary output of careleaver.survival (format version 1)';
COMMENT ON FUNCTION careleaver.competing_risks_in(cstring) IS 'text input of careleaver.competing_risks';
COMMENT ON FUNCTION careleaver.competing_risks_out(careleaver.competing_risks) IS 'text output of careleaver.competing_risks';
COMMENT ON FUNCTION careleaver.competing_risks_recv(internal) IS 'binary input of careleaver.competing_risks (format version 1)';
COMMENT ON FUNCTION careleaver.competing_risks_send(careleaver.competing_risks) IS 'binary output of careleaver.competing_risks (format version 1)';

-- Aggregate support.  The transition and combine functions modify their first
-- argument in place only when called by an aggregate.
CREATE FUNCTION careleaver.km_agg_transition(careleaver.survival, integer, boolean)
  RETURNS careleaver.survival
  AS 'MODULE_PATHNAME', 'careleaver_km_agg_transition' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.survival_combine(careleaver.survival, careleaver.survival)
  RETURNS careleaver.survival
  AS 'MODULE_PATHNAME', 'careleaver_survival_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.survival_final(careleaver.survival)
  RETURNS careleaver.survival
  AS 'MODULE_PATHNAME', 'careleaver_survival_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.cif_agg_transition(careleaver.competing_risks, integer, integer)
  RETURNS careleaver.competing_risks
  AS 'MODULE_PATHNAME', 'careleaver_cif_agg_transition' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.competing_risks_combine(careleaver.competing_risks, careleaver.competing_risks)
  RETURNS careleaver.competing_risks
  AS 'MODULE_PATHNAME', 'careleaver_competing_risks_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.competing_risks_final(careleaver.competing_risks)
  RETURNS careleaver.competing_risks
  AS 'MODULE_PATHNAME', 'careleaver_competing_risks_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION careleaver.km_agg_transition(careleaver.survival, integer, boolean) IS
  'transition function of km_agg: adds one subject (duration in days, event or censored)';
COMMENT ON FUNCTION careleaver.survival_combine(careleaver.survival, careleaver.survival) IS
  'adds the counts of two survival values (combine function of km_agg, transition of km_merge)';
COMMENT ON FUNCTION careleaver.survival_final(careleaver.survival) IS
  'final function of km_agg and km_merge: the compact canonical value';
COMMENT ON FUNCTION careleaver.cif_agg_transition(careleaver.competing_risks, integer, integer) IS
  'transition function of cif_agg: adds one subject (duration in days, cause or 0 for censored)';
COMMENT ON FUNCTION careleaver.competing_risks_combine(careleaver.competing_risks, careleaver.competing_risks) IS
  'adds the counts of two competing_risks values (combine function of cif_agg, transition of cif_merge)';
COMMENT ON FUNCTION careleaver.competing_risks_final(careleaver.competing_risks) IS
  'final function of cif_agg and cif_merge: the compact canonical value';

-- No SERIALFUNC / DESERIALFUNC: PostgreSQL allows them only for internal
-- states; these states are ordinary values and travel as such.
CREATE AGGREGATE careleaver.km_agg(duration_days integer, event boolean) (
  SFUNC = careleaver.km_agg_transition,
  STYPE = careleaver.survival,
  FINALFUNC = careleaver.survival_final,
  COMBINEFUNC = careleaver.survival_combine,
  INITCOND = '{}',
  PARALLEL = SAFE
);
CREATE AGGREGATE careleaver.km_merge(careleaver.survival) (
  SFUNC = careleaver.survival_combine,
  STYPE = careleaver.survival,
  FINALFUNC = careleaver.survival_final,
  COMBINEFUNC = careleaver.survival_combine,
  INITCOND = '{}',
  PARALLEL = SAFE
);
CREATE AGGREGATE careleaver.cif_agg(duration_days integer, cause integer) (
  SFUNC = careleaver.cif_agg_transition,
  STYPE = careleaver.competing_risks,
  FINALFUNC = careleaver.competing_risks_final,
  COMBINEFUNC = careleaver.competing_risks_combine,
  INITCOND = '{}',
  PARALLEL = SAFE
);
CREATE AGGREGATE careleaver.cif_merge(careleaver.competing_risks) (
  SFUNC = careleaver.competing_risks_combine,
  STYPE = careleaver.competing_risks,
  FINALFUNC = careleaver.competing_risks_final,
  COMBINEFUNC = careleaver.competing_risks_combine,
  INITCOND = '{}',
  PARALLEL = SAFE
);

COMMENT ON AGGREGATE careleaver.km_agg(integer, boolean) IS
  'Kaplan-Meier data (metrics.md 8) from one row per subject: follow-up in days (>= 0) and whether the event happened (false = censored); rows with a NULL are skipped. Limit: 1,000,000 distinct (day, cause) entries and 2,147,483,647 subjects per value (SQLSTATE 54000 beyond, doc/survival.md "Limits").';
COMMENT ON AGGREGATE careleaver.km_merge(careleaver.survival) IS
  'merges survival values (e.g. one per council or partition) into the pooled value, exactly. Limit: 1,000,000 distinct (day, cause) entries and 2,147,483,647 subjects per value (SQLSTATE 54000 beyond, doc/survival.md "Limits").';
COMMENT ON AGGREGATE careleaver.cif_agg(integer, integer) IS
  'competing-risks data (metrics.md 8) from one row per subject: follow-up in days (>= 0) and the cause that ended it (> 0), or 0 when censored; rows with a NULL are skipped. Limit: 1,000,000 distinct (day, cause) entries and 2,147,483,647 subjects per value (SQLSTATE 54000 beyond, doc/survival.md "Limits").';
COMMENT ON AGGREGATE careleaver.cif_merge(careleaver.competing_risks) IS
  'merges competing_risks values (e.g. one per council or partition) into the pooled value, exactly. Limit: 1,000,000 distinct (day, cause) entries and 2,147,483,647 subjects per value (SQLSTATE 54000 beyond, doc/survival.md "Limits").';

-- Estimators.
CREATE FUNCTION careleaver.km_table(careleaver.survival,
    OUT days integer, OUT at_risk integer, OUT events integer, OUT censored integer,
    OUT survival float8, OUT lower95 float8, OUT upper95 float8)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_km_table' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION careleaver.km_table(careleaver.survival) IS
  'Kaplan-Meier table (metrics.md 8): one row per distinct duration, with the number at risk, events, censorings, the survival estimate after that day and its 95% interval (Greenwood variance, log-log transform; NULL where S is 1 or 0)';

CREATE FUNCTION careleaver.km_at(careleaver.survival, days integer) RETURNS float8
  AS 'MODULE_PATHNAME', 'careleaver_km_at' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.km_at(careleaver.survival, integer) IS
  'Kaplan-Meier survival at the end of day `days`; NULL after the longest follow-up (unless the estimate reached 0) or for an empty value';

CREATE FUNCTION careleaver.km_median(careleaver.survival) RETURNS float8
  AS 'MODULE_PATHNAME', 'careleaver_km_median' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.km_median(careleaver.survival) IS
  'median duration in days: the first day the Kaplan-Meier estimate is at or below 0.5 (midpoint rule on an exact 0.5 plateau, as R); NULL when it never reaches 0.5';

CREATE FUNCTION careleaver.km_median_ci(careleaver.survival,
    OUT median float8, OUT lower95 float8, OUT upper95 float8)
  RETURNS record
  AS 'MODULE_PATHNAME', 'careleaver_km_median_ci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.km_median_ci(careleaver.survival) IS
  'median duration with its 95% interval: the days the lower and upper log-log limits first reach 0.5 (Brookmeyer-Crowley style, as R survfit); NULL where not reached';

CREATE FUNCTION careleaver.km_n(careleaver.survival) RETURNS integer
  AS 'MODULE_PATHNAME', 'careleaver_km_n' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.km_n(careleaver.survival) IS 'number of subjects in a survival value';
CREATE FUNCTION careleaver.km_events(careleaver.survival) RETURNS integer
  AS 'MODULE_PATHNAME', 'careleaver_km_events' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.km_events(careleaver.survival) IS 'number of events (not censored) in a survival value';

CREATE FUNCTION careleaver.cif_table(careleaver.competing_risks,
    OUT days integer, OUT cause integer, OUT incidence float8, OUT lower95 float8, OUT upper95 float8)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_cif_table' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION careleaver.cif_table(careleaver.competing_risks) IS
  'Aalen-Johansen cumulative incidence (metrics.md 8): at every day with an event, one row per cause with events, with a 95% interval (Gray''s variance as R cmprsk, log(-log) transform; NULL where the incidence is 0 or 1)';

CREATE FUNCTION careleaver.cif_at(careleaver.competing_risks, cause integer, days integer) RETURNS float8
  AS 'MODULE_PATHNAME', 'careleaver_cif_at' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.cif_at(careleaver.competing_risks, integer, integer) IS
  'cumulative incidence of a cause by the end of day `days`; NULL after the longest follow-up (unless everyone had an event) or for an empty value';

CREATE FUNCTION careleaver.cif_n(careleaver.competing_risks) RETURNS integer
  AS 'MODULE_PATHNAME', 'careleaver_cif_n' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.cif_n(careleaver.competing_risks) IS 'number of subjects in a competing_risks value';
CREATE FUNCTION careleaver.cif_events(careleaver.competing_risks, cause integer) RETURNS integer
  AS 'MODULE_PATHNAME', 'careleaver_cif_events' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.cif_events(careleaver.competing_risks, integer) IS 'number of events of a cause in a competing_risks value';
