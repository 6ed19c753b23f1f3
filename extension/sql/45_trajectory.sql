-- ========================================================================
-- Trajectories (metrics.md section 5, "Trajectories"): a care leaver's OC3
-- outcomes followed across ages 17 to 25, and the transition matrix pooled
-- across young people and councils.  C: extension/pg/trajectory.c over
-- extension/core/trajectory.c.  Documentation: doc/trajectories.md.
-- ========================================================================

-- ---------------------------------------------------------------- leaver_trajectory
CREATE TYPE careleaver.leaver_trajectory;
CREATE FUNCTION careleaver.leaver_trajectory_in(cstring) RETURNS careleaver.leaver_trajectory
  AS 'MODULE_PATHNAME', 'careleaver_leaver_trajectory_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.leaver_trajectory_out(careleaver.leaver_trajectory) RETURNS cstring
  AS 'MODULE_PATHNAME', 'careleaver_leaver_trajectory_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.leaver_trajectory_recv(internal) RETURNS careleaver.leaver_trajectory
  AS 'MODULE_PATHNAME', 'careleaver_leaver_trajectory_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.leaver_trajectory_send(careleaver.leaver_trajectory) RETURNS bytea
  AS 'MODULE_PATHNAME', 'careleaver_leaver_trajectory_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE careleaver.leaver_trajectory (
  INPUT = careleaver.leaver_trajectory_in, OUTPUT = careleaver.leaver_trajectory_out,
  RECEIVE = careleaver.leaver_trajectory_recv, SEND = careleaver.leaver_trajectory_send,
  INTERNALLENGTH = VARIABLE, ALIGNMENT = int4, STORAGE = extended
);
COMMENT ON TYPE careleaver.leaver_trajectory IS
  'A care leaver''s OC3 observations by age (metrics.md 5, Trajectories): at most one per age 17 to 25, each IN_TOUCH/ACTIV/ACCOM ("-" = not recorded), or "conflict" when two different records share an age. Text form {17:YES/F2/D1, 18:YES/G5/S2}. Built by careleaver.leaver_trajectory_agg; see doc/trajectories.md.';
COMMENT ON FUNCTION careleaver.leaver_trajectory_in(cstring) IS
  'Text input of careleaver.leaver_trajectory: {age:IN_TOUCH/ACTIV/ACCOM, ...} or age:conflict; ages 17 to 25 in any order, each at most once; 22P02 otherwise.';
COMMENT ON FUNCTION careleaver.leaver_trajectory_out(careleaver.leaver_trajectory) IS
  'Text output of careleaver.leaver_trajectory: ages ascending, DfE spellings, "-" for a code not recorded.';
COMMENT ON FUNCTION careleaver.leaver_trajectory_recv(internal) IS
  'Binary input of careleaver.leaver_trajectory: the version-1 encoding (version byte, then flags and three code indexes per age 17 to 25), validated.';
COMMENT ON FUNCTION careleaver.leaver_trajectory_send(careleaver.leaver_trajectory) IS
  'Binary output of careleaver.leaver_trajectory: the version-1 encoding.';

CREATE FUNCTION careleaver.leaver_trajectory_transfn(careleaver.leaver_trajectory, integer,
    careleaver.contact_status, careleaver.leaver_activity, careleaver.leaver_accommodation)
  RETURNS careleaver.leaver_trajectory
  AS 'MODULE_PATHNAME', 'careleaver_leaver_trajectory_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.leaver_trajectory_transfn(careleaver.leaver_trajectory, integer,
    careleaver.contact_status, careleaver.leaver_activity, careleaver.leaver_accommodation) IS
  'Transition function of careleaver.leaver_trajectory_agg: adds one OC3 observation (NULL age: skipped; NULL code: not recorded; no code at all: nothing added).';
CREATE FUNCTION careleaver.leaver_trajectory_combine(careleaver.leaver_trajectory, careleaver.leaver_trajectory)
  RETURNS careleaver.leaver_trajectory
  AS 'MODULE_PATHNAME', 'careleaver_leaver_trajectory_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.leaver_trajectory_combine(careleaver.leaver_trajectory, careleaver.leaver_trajectory) IS
  'Combines two partial trajectories of one young person: per age, the one observation, or the same observation twice, or a conflict when they differ.';

CREATE AGGREGATE careleaver.leaver_trajectory_agg(age integer, in_touch careleaver.contact_status,
    activity careleaver.leaver_activity, accommodation careleaver.leaver_accommodation) (
  SFUNC = careleaver.leaver_trajectory_transfn,
  STYPE = careleaver.leaver_trajectory,
  COMBINEFUNC = careleaver.leaver_trajectory_combine,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE careleaver.leaver_trajectory_agg(integer, careleaver.contact_status,
    careleaver.leaver_activity, careleaver.leaver_accommodation) IS
  'One young person''s OC3 records (age at the record, IN_TOUCH, ACTIV, ACCOM) as a careleaver.leaver_trajectory; use GROUP BY la, child. Row order does not matter; an identical repeated record counts once; two different records at one age are kept as a conflict; an age outside 17 to 25 is an error. NULL when no row has an age and a code. Limit: the state has a fixed size (one record per age 17 to 25), doc/trajectories.md "Limits".';

CREATE FUNCTION careleaver.leaver_trajectory_eq(careleaver.leaver_trajectory, careleaver.leaver_trajectory)
  RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_leaver_trajectory_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.leaver_trajectory_eq(careleaver.leaver_trajectory, careleaver.leaver_trajectory) IS
  'True when two trajectories hold the same observations (and conflicts) at every age; implements =.';
CREATE OPERATOR careleaver.= (
  LEFTARG = careleaver.leaver_trajectory, RIGHTARG = careleaver.leaver_trajectory,
  FUNCTION = careleaver.leaver_trajectory_eq, COMMUTATOR = OPERATOR(careleaver.=)
);
COMMENT ON OPERATOR careleaver.= (careleaver.leaver_trajectory, careleaver.leaver_trajectory) IS
  'Same observations at every age.';

-- ---------------------------------------------------------------- measures
CREATE FUNCTION careleaver.ever_neet(trajectory careleaver.leaver_trajectory) RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_ever_neet' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.ever_neet(careleaver.leaver_trajectory) IS
  'True when some observation is NEET (ACTIV G4, G5, G6) and not excluded (IN_TOUCH DIED, RHOM) (metrics.md 5).';
CREATE FUNCTION careleaver.persistent_neet(trajectory careleaver.leaver_trajectory) RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_persistent_neet' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.persistent_neet(careleaver.leaver_trajectory) IS
  'True when NEET at every observation (metrics.md 5): there is at least one observation that is not excluded, and every such observation is NEET. Activity not known and conflicts are observations that are not NEET; excluded observations (DIED, RHOM) and ages with no record do not count.';
CREATE FUNCTION careleaver.ever_unsuitable(trajectory careleaver.leaver_trajectory) RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_ever_unsuitable' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.ever_unsuitable(careleaver.leaver_trajectory) IS
  'True when some observation that is not excluded has accommodation considered unsuitable (ACCOM suffix 2) (metrics.md 5).';
CREATE FUNCTION careleaver.ever_homeless_or_insecure(trajectory careleaver.leaver_trajectory) RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_ever_homeless_or_insecure' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.ever_homeless_or_insecure(careleaver.leaver_trajectory) IS
  'True when some observation that is not excluded has ACCOM type S (no fixed abode), V (emergency accommodation) or W (bed and breakfast), whatever the suitability digit (metrics.md 5, a choice).';
CREATE FUNCTION careleaver.accommodation_changes(trajectory careleaver.leaver_trajectory) RETURNS integer
  AS 'MODULE_PATHNAME', 'careleaver_accommodation_changes' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.accommodation_changes(careleaver.leaver_trajectory) IS
  'Number of changes of accommodation type (the ACCOM letter) between consecutive observations whose type is known, in age order (metrics.md 5). A change of suitability digit alone is not a change; ACCOM 0, conflicts, excluded observations and missing ages are skipped.';
CREATE FUNCTION careleaver.has_conflicting_records(trajectory careleaver.leaver_trajectory) RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_has_conflicting_records' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.has_conflicting_records(careleaver.leaver_trajectory) IS
  'True when two different OC3 records were given for the same age (state "conflict"): a data question to take back to the council.';
CREATE FUNCTION careleaver.trajectory_state(trajectory careleaver.leaver_trajectory, age integer) RETURNS text
  AS 'MODULE_PATHNAME', 'careleaver_trajectory_state' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.trajectory_state(careleaver.leaver_trajectory, integer) IS
  'State at an age 17 to 25: EET, NEET, not known (ACTIV 0 or not recorded), excluded (IN_TOUCH DIED or RHOM), no record, or conflict (metrics.md 5). An age outside 17 to 25 is an error.';
CREATE FUNCTION careleaver.transitions(trajectory careleaver.leaver_trajectory,
    OUT from_age integer, OUT to_age integer, OUT from_state text, OUT to_state text)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_transitions' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 4;
COMMENT ON FUNCTION careleaver.transitions(careleaver.leaver_trajectory) IS
  'Consecutive-age transitions (from_age, from_age + 1, state, next state) from the first to the last age with a record; ages between with no record appear as "no record" (metrics.md 5).';

CREATE FUNCTION careleaver.trajectory_observations(trajectory careleaver.leaver_trajectory,
    OUT age integer, OUT in_touch careleaver.contact_status, OUT activity careleaver.leaver_activity,
    OUT accommodation careleaver.leaver_accommodation, OUT state text)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_trajectory_observations' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 5;
COMMENT ON FUNCTION careleaver.trajectory_observations(careleaver.leaver_trajectory) IS
  'The observations of a trajectory as rows, ages ascending: the codes (NULL when not recorded, and for a conflict) and the state at that age; answers "why is this young person counted?".';

-- ---------------------------------------------------------------- transition_matrix
CREATE TYPE careleaver.transition_matrix;
CREATE FUNCTION careleaver.transition_matrix_in(cstring) RETURNS careleaver.transition_matrix
  AS 'MODULE_PATHNAME', 'careleaver_transition_matrix_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.transition_matrix_out(careleaver.transition_matrix) RETURNS cstring
  AS 'MODULE_PATHNAME', 'careleaver_transition_matrix_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.transition_matrix_recv(internal) RETURNS careleaver.transition_matrix
  AS 'MODULE_PATHNAME', 'careleaver_transition_matrix_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.transition_matrix_send(careleaver.transition_matrix) RETURNS bytea
  AS 'MODULE_PATHNAME', 'careleaver_transition_matrix_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE careleaver.transition_matrix (
  INPUT = careleaver.transition_matrix_in, OUTPUT = careleaver.transition_matrix_out,
  RECEIVE = careleaver.transition_matrix_recv, SEND = careleaver.transition_matrix_send,
  INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended
);
COMMENT ON TYPE careleaver.transition_matrix IS
  'Counts of young people per (from_age 17 to 24, state at from_age, state at from_age + 1), pooled across young people and councils; merges by adding. Text form {19:EET->NEET=12, 19:EET->EET=30} (non-zero cells). Read it with careleaver.transition_table; see doc/trajectories.md.';
COMMENT ON FUNCTION careleaver.transition_matrix_in(cstring) IS
  'Text input of careleaver.transition_matrix: {from_age:from_state->to_state=count, ...}, cells in any order, each at most once; 22P02 otherwise.';
COMMENT ON FUNCTION careleaver.transition_matrix_out(careleaver.transition_matrix) IS
  'Text output of careleaver.transition_matrix: the non-zero cells in age and state order.';
COMMENT ON FUNCTION careleaver.transition_matrix_recv(internal) IS
  'Binary input of careleaver.transition_matrix: version byte, cell count, then (cell index, count) big-endian, validated.';
COMMENT ON FUNCTION careleaver.transition_matrix_send(careleaver.transition_matrix) IS
  'Binary output of careleaver.transition_matrix: version byte, cell count, then (cell index, count) big-endian for the non-zero cells.';

CREATE FUNCTION careleaver.transition_matrix_transfn(careleaver.transition_matrix, careleaver.leaver_trajectory)
  RETURNS careleaver.transition_matrix
  AS 'MODULE_PATHNAME', 'careleaver_transition_matrix_transfn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.transition_matrix_transfn(careleaver.transition_matrix, careleaver.leaver_trajectory) IS
  'Adds one young person''s consecutive-age transitions to a transition matrix (transition function of careleaver.transition_matrix_agg).';
CREATE FUNCTION careleaver.transition_matrix_combine(careleaver.transition_matrix, careleaver.transition_matrix)
  RETURNS careleaver.transition_matrix
  AS 'MODULE_PATHNAME', 'careleaver_transition_matrix_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.transition_matrix_combine(careleaver.transition_matrix, careleaver.transition_matrix) IS
  'Adds two transition matrices cell by cell (combine function of both matrix aggregates); an overflow of a count is an error.';

CREATE FUNCTION careleaver.transition_matrix_eq(careleaver.transition_matrix, careleaver.transition_matrix)
  RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_transition_matrix_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.transition_matrix_eq(careleaver.transition_matrix, careleaver.transition_matrix) IS
  'True when two transition matrices have the same count in every cell; implements =.';
CREATE OPERATOR careleaver.= (
  LEFTARG = careleaver.transition_matrix, RIGHTARG = careleaver.transition_matrix,
  FUNCTION = careleaver.transition_matrix_eq, COMMUTATOR = OPERATOR(careleaver.=)
);
COMMENT ON OPERATOR careleaver.= (careleaver.transition_matrix, careleaver.transition_matrix) IS
  'Same count in every cell.';

CREATE AGGREGATE careleaver.transition_matrix_agg(careleaver.leaver_trajectory) (
  SFUNC = careleaver.transition_matrix_transfn,
  STYPE = careleaver.transition_matrix,
  INITCOND = '{}',
  COMBINEFUNC = careleaver.transition_matrix_combine,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE careleaver.transition_matrix_agg(careleaver.leaver_trajectory) IS
  'Transition matrix of the young people''s trajectories: for each consecutive-age transition, one young person in its cell. NULL trajectories are skipped; no rows gives the empty matrix {}. Limit: a cell counts at most 9,223,372,036,854,775,807 young people (SQLSTATE 54000 beyond, doc/trajectories.md "Limits").';
CREATE AGGREGATE careleaver.transition_matrix_merge(careleaver.transition_matrix) (
  SFUNC = careleaver.transition_matrix_combine,
  STYPE = careleaver.transition_matrix,
  INITCOND = '{}',
  COMBINEFUNC = careleaver.transition_matrix_combine,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE careleaver.transition_matrix_merge(careleaver.transition_matrix) IS
  'Adds transition matrices (e.g. one per council, partition or server) into the pooled matrix; gives exactly the matrix of all the trajectories together. Limit: a cell counts at most 9,223,372,036,854,775,807 young people (SQLSTATE 54000 beyond, doc/trajectories.md "Limits").';

CREATE FUNCTION careleaver.transition_table(matrix careleaver.transition_matrix,
    OUT from_age integer, OUT to_age integer, OUT from_state text, OUT to_state text,
    OUT young_people integer, OUT share numeric)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_transition_table' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 40;
COMMENT ON FUNCTION careleaver.transition_table(careleaver.transition_matrix) IS
  'The transition matrix as rows, non-zero cells in age and state order: young_people in from_state at from_age and in to_state at to_age = from_age + 1, and share = young_people / all young people in from_state at from_age (unrounded). E.g. the EET to NEET row from 19 to 20. Apply disclosure control before publishing.';
