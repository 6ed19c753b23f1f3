-- 20_history.sql: one child's care history (careleaver.care_history), the
-- aggregates that build it, care-leaver status (metrics.md 4) and the
-- periods / placements / carer spells of metrics.md 3.  See doc/history.md.

-- ---------------------------------------------------------------- the type
CREATE TYPE careleaver.care_history;
CREATE FUNCTION careleaver.care_history_in(cstring) RETURNS careleaver.care_history
  AS 'MODULE_PATHNAME', 'careleaver_care_history_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.care_history_out(careleaver.care_history) RETURNS cstring
  AS 'MODULE_PATHNAME', 'careleaver_care_history_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.care_history_recv(internal) RETURNS careleaver.care_history
  AS 'MODULE_PATHNAME', 'careleaver_care_history_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.care_history_send(careleaver.care_history) RETURNS bytea
  AS 'MODULE_PATHNAME', 'careleaver_care_history_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE careleaver.care_history (
  INPUT = careleaver.care_history_in, OUTPUT = careleaver.care_history_out,
  RECEIVE = careleaver.care_history_recv, SEND = careleaver.care_history_send,
  INTERNALLENGTH = VARIABLE, ALIGNMENT = int4, STORAGE = extended
);
COMMENT ON TYPE careleaver.care_history IS
  'One child''s SSDA903 episodes, sorted, 16 bytes each, with data defects recorded (careleaver.history_defects). Text form: {DECOM/DEC RNE LS PLACE REC [CIN PLACE_PROVIDER REASON_PLACE_CHANGE]; ...}, DEC empty when open, "-" for a missing code. Built by careleaver.care_history_agg. See doc/history.md.';
COMMENT ON FUNCTION careleaver.care_history_in(cstring) IS
  'Text input of careleaver.care_history: episodes in order, codes checked; 22P02 naming the bad item otherwise.';
COMMENT ON FUNCTION careleaver.care_history_out(careleaver.care_history) IS
  'Text output of careleaver.care_history (read back exactly by its input, so pg_dump round-trips).';
COMMENT ON FUNCTION careleaver.care_history_recv(internal) IS
  'Binary input of careleaver.care_history: version, counts, episodes; validated as the text input is.';
COMMENT ON FUNCTION careleaver.care_history_send(careleaver.care_history) IS
  'Binary output of careleaver.care_history.';

CREATE FUNCTION careleaver.care_history_eq(careleaver.care_history, careleaver.care_history) RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_care_history_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.care_history_ne(careleaver.care_history, careleaver.care_history) RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_care_history_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.care_history_eq(careleaver.care_history, careleaver.care_history) IS
  'True when two histories hold the same episodes and the same count of rows without DECOM; implements =.';
COMMENT ON FUNCTION careleaver.care_history_ne(careleaver.care_history, careleaver.care_history) IS
  'Negation of careleaver.care_history_eq; implements <>.';
CREATE OPERATOR careleaver.= (
  LEFTARG = careleaver.care_history, RIGHTARG = careleaver.care_history, FUNCTION = careleaver.care_history_eq,
  COMMUTATOR = OPERATOR(careleaver.=), NEGATOR = OPERATOR(careleaver.<>), RESTRICT = eqsel, JOIN = eqjoinsel
);
CREATE OPERATOR careleaver.<> (
  LEFTARG = careleaver.care_history, RIGHTARG = careleaver.care_history, FUNCTION = careleaver.care_history_ne,
  COMMUTATOR = OPERATOR(careleaver.<>), NEGATOR = OPERATOR(careleaver.=), RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR careleaver.= (careleaver.care_history, careleaver.care_history) IS 'care_history equality (same episodes)';
COMMENT ON OPERATOR careleaver.<> (careleaver.care_history, careleaver.care_history) IS 'care_history inequality';

CREATE TYPE careleaver.leaver_category AS ENUM ('eligible', 'relevant', 'former_relevant', 'qualifying');
COMMENT ON TYPE careleaver.leaver_category IS
  'Care-leaver status of a young person at a date (metrics.md 4): eligible, relevant, former relevant or qualifying (Children Act 1989; Care Leavers (England) Regulations 2010).';

-- ---------------------------------------------------------------- aggregates
CREATE FUNCTION careleaver.care_history_agg_sfunc(internal, date, date, careleaver.new_episode_reason,
    careleaver.legal_status, careleaver.placement_type, careleaver.ceased_reason)
  RETURNS internal AS 'MODULE_PATHNAME', 'careleaver_care_history_agg_sfunc' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION careleaver.care_history_agg_sfunc(internal, date, date, careleaver.new_episode_reason,
    careleaver.legal_status, careleaver.placement_type, careleaver.ceased_reason,
    careleaver.need_category, careleaver.placement_provider, careleaver.placement_change_reason)
  RETURNS internal AS 'MODULE_PATHNAME', 'careleaver_care_history_agg_sfunc' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION careleaver.care_history_merge_sfunc(internal, careleaver.care_history)
  RETURNS internal AS 'MODULE_PATHNAME', 'careleaver_care_history_merge_sfunc' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION careleaver.care_history_agg_final(internal) RETURNS careleaver.care_history
  AS 'MODULE_PATHNAME', 'careleaver_care_history_agg_final' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION careleaver.care_history_agg_combine(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'careleaver_care_history_agg_combine' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION careleaver.care_history_agg_serial(internal) RETURNS bytea
  AS 'MODULE_PATHNAME', 'careleaver_care_history_agg_serial' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.care_history_agg_deserial(bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'careleaver_care_history_agg_deserial' LANGUAGE C STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.care_history_agg_sfunc(internal, date, date, careleaver.new_episode_reason,
    careleaver.legal_status, careleaver.placement_type, careleaver.ceased_reason) IS
  'Transition function of careleaver.care_history_agg: collects one episode row (a row without DECOM is counted as a defect).';
COMMENT ON FUNCTION careleaver.care_history_agg_sfunc(internal, date, date, careleaver.new_episode_reason,
    careleaver.legal_status, careleaver.placement_type, careleaver.ceased_reason,
    careleaver.need_category, careleaver.placement_provider, careleaver.placement_change_reason) IS
  'Transition function of careleaver.care_history_agg with category of need, provider and reason for placement change.';
COMMENT ON FUNCTION careleaver.care_history_merge_sfunc(internal, careleaver.care_history) IS
  'Transition function of careleaver.care_history_merge: adds a history''s episodes.';
COMMENT ON FUNCTION careleaver.care_history_agg_final(internal) IS
  'Final function of careleaver.care_history_agg and care_history_merge: sorts the episodes and records defects.';
COMMENT ON FUNCTION careleaver.care_history_agg_combine(internal, internal) IS
  'Combine function of careleaver.care_history_agg (parallel aggregation): appends the episodes of two partial states.';
COMMENT ON FUNCTION careleaver.care_history_agg_serial(internal) IS
  'Serial function of careleaver.care_history_agg (parallel aggregation).';
COMMENT ON FUNCTION careleaver.care_history_agg_deserial(bytea, internal) IS
  'Deserial function of careleaver.care_history_agg (parallel aggregation).';

CREATE AGGREGATE careleaver.care_history_agg(decom date, "dec" date, rne careleaver.new_episode_reason,
    ls careleaver.legal_status, place careleaver.placement_type, rec careleaver.ceased_reason) (
  SFUNC = careleaver.care_history_agg_sfunc, STYPE = internal, SSPACE = 96,
  FINALFUNC = careleaver.care_history_agg_final,
  COMBINEFUNC = careleaver.care_history_agg_combine,
  SERIALFUNC = careleaver.care_history_agg_serial, DESERIALFUNC = careleaver.care_history_agg_deserial,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE careleaver.care_history_agg(date, date, careleaver.new_episode_reason,
    careleaver.legal_status, careleaver.placement_type, careleaver.ceased_reason) IS
  'One child''s care history from their episode rows (DECOM, DEC, RNE, LS, PLACE, REC), in any order. Data defects are recorded, never dropped (careleaver.history_defects). Use GROUP BY la, child. Limit: 10,000,000 episodes per history (SQLSTATE 54000 beyond, doc/history.md "Limits"); the count of rows without DECOM saturates at 2,147,483,647.';

CREATE AGGREGATE careleaver.care_history_agg(decom date, "dec" date, rne careleaver.new_episode_reason,
    ls careleaver.legal_status, place careleaver.placement_type, rec careleaver.ceased_reason,
    cin careleaver.need_category, place_provider careleaver.placement_provider,
    reason_place_change careleaver.placement_change_reason) (
  SFUNC = careleaver.care_history_agg_sfunc, STYPE = internal, SSPACE = 96,
  FINALFUNC = careleaver.care_history_agg_final,
  COMBINEFUNC = careleaver.care_history_agg_combine,
  SERIALFUNC = careleaver.care_history_agg_serial, DESERIALFUNC = careleaver.care_history_agg_deserial,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE careleaver.care_history_agg(date, date, careleaver.new_episode_reason,
    careleaver.legal_status, careleaver.placement_type, careleaver.ceased_reason,
    careleaver.need_category, careleaver.placement_provider, careleaver.placement_change_reason) IS
  'One child''s care history from their episode rows, also keeping category of need (CIN), placement provider and reason for placement change. Limit: 10,000,000 episodes per history (SQLSTATE 54000 beyond, doc/history.md "Limits"); the count of rows without DECOM saturates at 2,147,483,647.';

CREATE AGGREGATE careleaver.care_history_merge(careleaver.care_history) (
  SFUNC = careleaver.care_history_merge_sfunc, STYPE = internal, SSPACE = 96,
  FINALFUNC = careleaver.care_history_agg_final,
  COMBINEFUNC = careleaver.care_history_agg_combine,
  SERIALFUNC = careleaver.care_history_agg_serial, DESERIALFUNC = careleaver.care_history_agg_deserial,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE careleaver.care_history_merge(careleaver.care_history) IS
  'Pools several histories of one child (e.g. partial histories from two sources or servers) into one; defects are recomputed on the pooled episodes. Limit: 10,000,000 episodes per history (SQLSTATE 54000 beyond, doc/history.md "Limits"); the count of rows without DECOM saturates at 2,147,483,647.';

-- ---------------------------------------------------------------- status
CREATE FUNCTION careleaver.leaver_status(history careleaver.care_history, date_of_birth date, on_date date)
  RETURNS careleaver.leaver_category
  AS 'MODULE_PATHNAME', 'careleaver_leaver_status' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.leaver_status(careleaver.care_history, date, date) IS
  'Care-leaver status on a date (metrics.md 4): eligible, relevant, former_relevant, qualifying, or NULL when none applies. Short breaks are left out. careleaver.leaver_status_explain says why.';

CREATE FUNCTION careleaver.leaver_status_explain(history careleaver.care_history, date_of_birth date, on_date date)
  RETURNS jsonb
  AS 'MODULE_PATHNAME', 'careleaver_leaver_status_explain' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.leaver_status_explain(careleaver.care_history, date, date) IS
  'Why careleaver.leaver_status gives what it gives: the rule of metrics.md 4 that decided, age, birthdays, days looked after since 14 and since 16, last period end and its reason, the six-month home date.';

CREATE FUNCTION careleaver.looked_after_on(history careleaver.care_history, on_date date) RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_looked_after_on' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.looked_after_on(careleaver.care_history, date) IS
  'True when an episode (short breaks left out) has DECOM <= the date < DEC, or is open (metrics.md 1).';

CREATE FUNCTION careleaver.days_looked_after(history careleaver.care_history, from_date date, to_date date)
  RETURNS integer
  AS 'MODULE_PATHNAME', 'careleaver_days_looked_after' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.days_looked_after(careleaver.care_history, date, date) IS
  'Days (nights) looked after in [from_date, to_date), short breaks left out, overlapping episodes counted once, open episodes running on (metrics.md 1).';

-- ---------------------------------------------------------------- accessors
CREATE FUNCTION careleaver.episode_count(history careleaver.care_history) RETURNS integer
  AS 'MODULE_PATHNAME', 'careleaver_episode_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.episode_count(careleaver.care_history) IS
  'Number of episodes in the history (short breaks and defective episodes included).';
CREATE FUNCTION careleaver.first_entry(history careleaver.care_history) RETURNS date
  AS 'MODULE_PATHNAME', 'careleaver_first_entry' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.first_entry(careleaver.care_history) IS
  'Start of the first period of care (short breaks left out); NULL when there is none.';
CREATE FUNCTION careleaver.has_defects(history careleaver.care_history) RETURNS boolean
  AS 'MODULE_PATHNAME', 'careleaver_has_defects' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.has_defects(careleaver.care_history) IS
  'True when careleaver.history_defects returns any row.';

-- ---------------------------------------------------------------- set-returning
CREATE FUNCTION careleaver.episodes(history careleaver.care_history,
    OUT episode_no integer, OUT decom date, OUT "dec" date,
    OUT rne careleaver.new_episode_reason, OUT ls careleaver.legal_status,
    OUT place careleaver.placement_type, OUT rec careleaver.ceased_reason,
    OUT cin careleaver.need_category, OUT place_provider careleaver.placement_provider,
    OUT reason_place_change careleaver.placement_change_reason,
    OUT short_break boolean, OUT defects text[])
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_episodes' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 4;
COMMENT ON FUNCTION careleaver.episodes(careleaver.care_history) IS
  'The episodes of a history in order (episode_no from 1), with short_break (LS V3/V4) and the names of their defects.';

CREATE FUNCTION careleaver.periods_of_care(history careleaver.care_history,
    OUT period_no integer, OUT start_date date, OUT end_date date,
    OUT end_reason careleaver.ceased_reason, OUT end_reason_unknown boolean,
    OUT episodes integer, OUT days integer)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_periods_of_care' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;
COMMENT ON FUNCTION careleaver.periods_of_care(careleaver.care_history) IS
  'Periods of care (metrics.md 3): chains of episodes each starting the day the previous ended, short breaks left out. end_date NULL while open; end_reason is the last REC, NULL with end_reason_unknown when it is X1 with no continuation.';

CREATE FUNCTION careleaver.placements(history careleaver.care_history,
    OUT placement_no integer, OUT period_no integer, OUT start_date date, OUT end_date date,
    OUT place careleaver.placement_type, OUT episodes integer, OUT days integer)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_placements' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 3;
COMMENT ON FUNCTION careleaver.placements(careleaver.care_history) IS
  'Placements (metrics.md 3): a new one at every episode with RNE S, P, T, B or U (RNE L continues); temporary placements (T0 to T4) are not counted.';

CREATE FUNCTION careleaver.carer_spells(history careleaver.care_history,
    OUT spell_no integer, OUT period_no integer, OUT start_date date, OUT end_date date,
    OUT place careleaver.placement_type, OUT episodes integer, OUT days integer)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_carer_spells' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;
COMMENT ON FUNCTION careleaver.carer_spells(careleaver.care_history) IS
  'Carer spells (metrics.md 3): a new one at every episode with RNE S, P or B; L, T and U keep the carer. place is that of the spell''s first episode.';

CREATE FUNCTION careleaver.history_defects(history careleaver.care_history,
    OUT episode_no integer, OUT decom date, OUT "dec" date, OUT defect text, OUT detail text)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_history_defects' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1;
COMMENT ON FUNCTION careleaver.history_defects(careleaver.care_history) IS
  'Data defects recorded in a history, one row per episode and defect (dec_before_decom, duplicate, overlap, open_not_last, x1_no_continuation, continued_after_exit, reason_mismatch), plus a row for input rows without DECOM (episode_no NULL). See doc/history.md for how each metric treats them.';
