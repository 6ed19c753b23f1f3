/*
 * trajectory.h: a care leaver's OC3 outcomes followed across ages, and the
 * transition matrix pooled over many young people (metrics.md section 5,
 * "Trajectories").  Plain C, no PostgreSQL headers.
 *
 * A trajectory holds at most one observation per age 17..25, each the code
 * indexes of codes.h for IN_TOUCH, ACTIV and ACCOM (0 = not recorded).  Two
 * different observations of the same age make a recorded conflict: the age's
 * codes are dropped and its state is "conflict".  Adding observations is
 * therefore commutative, associative and idempotent, so an aggregate gives the
 * same trajectory whatever the order of its rows or the split between
 * parallel workers.
 *
 * State at an age (section 5 definitions, in this order):
 *   no record   no observation at that age;
 *   conflict    two different observations at that age;
 *   excluded    IN_TOUCH DIED or RHOM (outside every outcome denominator);
 *   EET / NEET  ACTIV class;
 *   not known   ACTIV 0 or not recorded.
 *
 * Derived measures count only "counted" observations: present and not
 * excluded; a conflict counts as an observation whose codes are not known.
 * See doc/trajectories.md for the choices.
 */
#ifndef CL_TRAJECTORY_H
#define CL_TRAJECTORY_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define CL_TRAJ_MIN_AGE 17
#define CL_TRAJ_MAX_AGE 25
#define CL_TRAJ_NAGES (CL_TRAJ_MAX_AGE - CL_TRAJ_MIN_AGE + 1)

/* Observation flags. */
#define CL_TRAJ_PRESENT 0x01
#define CL_TRAJ_CONFLICT 0x02

typedef struct cl_traj_obs
{
	uint8_t		flags;			/* 0, PRESENT, or PRESENT | CONFLICT */
	uint8_t		in_touch;		/* IN_TOUCH index, 0 = not recorded */
	uint8_t		activity;		/* ACTIV index, 0 = not recorded */
	uint8_t		accommodation;	/* ACCOM index, 0 = not recorded */
} cl_traj_obs;

typedef struct cl_trajectory
{
	cl_traj_obs obs[CL_TRAJ_NAGES];	/* obs[age - CL_TRAJ_MIN_AGE] */
} cl_trajectory;

/* States, in the order the transition matrix and tables use. */
typedef enum cl_traj_state
{
	CL_TRAJ_EET = 1,
	CL_TRAJ_NEET,
	CL_TRAJ_NOT_KNOWN,
	CL_TRAJ_EXCLUDED,
	CL_TRAJ_NO_RECORD,
	CL_TRAJ_CONFLICT_STATE
} cl_traj_state;

#define CL_TRAJ_NSTATES 6

/* "EET", "NEET", "not known", "excluded", "no record", "conflict"; NULL otherwise. */
extern const char *cl_traj_state_name(int state);

/* Parses a state name (case-insensitive, white space around ignored); 0 if none. */
extern int	cl_traj_state_parse(const char *text, size_t len);

/* Results of cl_traj_add. */
#define CL_TRAJ_ADDED 0
#define CL_TRAJ_IGNORED 1		/* all three codes not recorded: nothing to add */
#define CL_TRAJ_ERROR (-1)

extern void cl_traj_init(cl_trajectory *t);

/*
 * Adds one observation.  Codes are indexes of codes.h (0 = not recorded).
 * Returns CL_TRAJ_ERROR, with a message in err, when the age is outside
 * 17..25 or a code index is out of range.
 */
extern int	cl_traj_add(cl_trajectory *t, int age, int in_touch, int activity,
						int accommodation, char *err, size_t errlen);

/* into := into combined with from (same rule as cl_traj_add). */
extern void cl_traj_merge(cl_trajectory *into, const cl_trajectory *from);

/* True when every observation is well formed (used after decoding). */
extern bool cl_traj_valid(const cl_trajectory *t, char *err, size_t errlen);

extern int	cl_traj_count(const cl_trajectory *t);	/* ages with an observation */
extern bool cl_traj_has_conflict(const cl_trajectory *t);

/* State at an age; 0 when the age is outside 17..25. */
extern cl_traj_state cl_traj_state_at(const cl_trajectory *t, int age);

/* Derived measures (metrics.md 5; choices in doc/trajectories.md). */
extern bool cl_traj_ever_neet(const cl_trajectory *t);
extern bool cl_traj_persistent_neet(const cl_trajectory *t);
extern bool cl_traj_ever_unsuitable(const cl_trajectory *t);
extern bool cl_traj_ever_homeless_or_insecure(const cl_trajectory *t);
extern int	cl_traj_accommodation_changes(const cl_trajectory *t);

/*
 * Consecutive-age transitions (a, a + 1) for every a from the first to the
 * last age with an observation: ages in between without one appear as
 * "no record".  Writes at most CL_TRAJ_NAGES - 1 rows; returns the number.
 */
typedef struct cl_traj_transition
{
	int			from_age;
	cl_traj_state from_state;
	cl_traj_state to_state;
} cl_traj_transition;

extern int	cl_traj_transitions(const cl_trajectory *t,
								cl_traj_transition out[CL_TRAJ_NAGES - 1]);

/*
 * Text form: "{17:YES/F2/D1, 18:NO/0/0, 19:conflict}", ages ascending,
 * "-" for a code not recorded.  Input accepts ages in any order, white space
 * around tokens and codes in any case; a repeated age is an error.
 * cl_traj_parse returns 0 or -1 with a message in err.
 */
#define CL_TRAJ_TEXT_MAX 256
extern int	cl_traj_parse(const char *text, size_t len, cl_trajectory *out,
						  char *err, size_t errlen);
extern void cl_traj_format(const cl_trajectory *t, char buf[CL_TRAJ_TEXT_MAX]);

/*
 * Stored and binary form: a version byte (CL_TRAJ_VERSION) then, for each
 * age 17..25, flags, IN_TOUCH, ACTIV, ACCOM (one byte each).
 */
#define CL_TRAJ_VERSION 1
#define CL_TRAJ_ENCODED_SIZE (1 + 4 * CL_TRAJ_NAGES)
extern void cl_traj_encode(const cl_trajectory *t, uint8_t out[CL_TRAJ_ENCODED_SIZE]);
extern int	cl_traj_decode(const uint8_t *data, size_t len, cl_trajectory *out,
						   char *err, size_t errlen);

/* ------------------------------------------------------------------------
 * Transition matrix: counts of young people per (from_age, from_state,
 * to_state), from_age 17..24, to_age = from_age + 1.
 */
#define CL_TM_NFROM (CL_TRAJ_NAGES - 1)
#define CL_TM_CELLS (CL_TM_NFROM * CL_TRAJ_NSTATES * CL_TRAJ_NSTATES)
#define CL_TM_CELL(from_age, from_state, to_state) \
	((((from_age) - CL_TRAJ_MIN_AGE) * CL_TRAJ_NSTATES + ((from_state) - 1)) \
	 * CL_TRAJ_NSTATES + ((to_state) - 1))

typedef struct cl_transition_matrix
{
	int64_t		count[CL_TM_CELLS];
} cl_transition_matrix;

extern void cl_tm_init(cl_transition_matrix *m);

/* Adds one young person's transitions; -1 (message in err) on overflow. */
extern int	cl_tm_add_trajectory(cl_transition_matrix *m, const cl_trajectory *t,
								 char *err, size_t errlen);

/* into += from; -1 (message in err) on overflow, into unchanged. */
extern int	cl_tm_merge(cl_transition_matrix *into, const cl_transition_matrix *from,
						char *err, size_t errlen);

/* Young people in from_state at from_age followed to from_age + 1. */
extern int64_t cl_tm_from_total(const cl_transition_matrix *m, int from_age, int from_state);

/*
 * Text form: "{19:EET->NEET=12, 19:EET->EET=30}", non-zero cells only, in
 * cell order; "{}" when empty.  Input accepts cells in any order and zero
 * counts; a repeated cell is an error.
 */
extern int	cl_tm_parse(const char *text, size_t len, cl_transition_matrix *out,
						char *err, size_t errlen);

/* Length of the text form including the NUL. */
extern size_t cl_tm_text_size(const cl_transition_matrix *m);
extern void cl_tm_format(const cl_transition_matrix *m, char *buf, size_t bufsize);

/*
 * Binary (send/recv) form: a version byte (CL_TM_VERSION), a 2-byte
 * big-endian number of non-zero cells n, then n times (2-byte big-endian
 * cell index, 8-byte big-endian count), cell indexes strictly ascending.
 * (The stored form is dense, so that aggregates update it in place; the
 * glue, extension/pg/trajectory.c, describes it.)
 */
#define CL_TM_VERSION 1
extern size_t cl_tm_encoded_size(const cl_transition_matrix *m);
extern void cl_tm_encode(const cl_transition_matrix *m, uint8_t *out);
extern int	cl_tm_decode(const uint8_t *data, size_t len, cl_transition_matrix *out,
						 char *err, size_t errlen);

#endif							/* CL_TRAJECTORY_H */
