/*
 * synth_internal.h: what the files of the synthetic generator share (not part
 * of the core's interface; synth.h is).  The generator is split by concept:
 *   synth_random.c   random draws (xoshiro256**, weighted choices)
 *   synth_ids.c      councils, identifiers and header text
 *   synth_codes.c    the codes a situation draws (routes, statuses, placements)
 *   synth_periods.c  periods of care as episodes, short breaks
 *   synth_oc3.c      care leavers' OC3 records
 *   synth.c          one child, start to end
 * Every draw comes from the child's own stream in a fixed order, so the
 * output for a seed must not change when this code is rearranged
 * (test/unit/test_synth.c pins a digest of it).
 */
#ifndef CL_SYNTH_INTERNAL_H
#define CL_SYNTH_INTERNAL_H

#include "synth.h"
#include "codes.h"
#include "dates.h"

/* Episodes one child's simulation may produce before the kept ones are chosen. */
#define CL_SIM_RAW_MAX 160
#define CL_SIM_DAYS_IN_YEAR 365.25
/* A date that never comes (an event not planned). */
#define CL_SIM_NEVER CL_DATE_OPEN

/* One child's simulation. */
typedef struct cl_sim
{
	cl_synth_rng r;
	const cl_synth_params *p;
	cl_date		w0;				/* 1 April starting the first collection year */
	cl_date		w1;				/* 31 March ending the last: the data end */
	cl_date		dob;
	bool		uasc;
	bool		male;
	int			cin;
	double		moves;			/* this child's scale of the time between moves */
	int			n;
	/* caches of the last collection year and age looked up */
	cl_date		cy_from,
				cy_to;
	int			cy_year;
	cl_date		age_from,
				age_to;
	int			age_years;
	cl_synth_episode raw[CL_SIM_RAW_MAX];
} cl_sim;

/* How a period of care ends. */
typedef enum cl_sim_route
{
	CL_ROUTE_HOME, CL_ROUTE_ADOPT, CL_ROUTE_SGO, CL_ROUTE_CAO, CL_ROUTE_REL,
	CL_ROUTE_AGE18, CL_ROUTE_INDEP, CL_ROUTE_CUSTODY, CL_ROUTE_OTHER,
	CL_ROUTE_COUNT
} cl_sim_route;

/* A code with its weight, for a draw among the codes valid in a year. */
typedef struct cl_sim_wcode
{
	int			code;
	double		w;
} cl_sim_wcode;

#define CL_SIM_NW(a) ((int) (sizeof(a) / sizeof((a)[0])))

/* ---- random draws (synth_random.c) ---- */

static inline double
cl_sim_unit(cl_sim *s)
{
	return cl_synth_rng_unit(&s->r);
}

static inline bool
cl_sim_chance(cl_sim *s, double p)
{
	return cl_sim_unit(s) < p;
}

/* Uniform integer in [0, n). */
static inline int
cl_sim_int(cl_sim *s, int n)
{
	return n <= 1 ? 0 : (int) (cl_sim_unit(s) * n);
}

/* Exponentially distributed days (at least 1, at most 20000) of a mean. */
extern int	cl_sim_expo_days(cl_sim *s, double mean);
/* Index of a weighted choice among n weights. */
extern int	cl_sim_pick(cl_sim *s, const double *w, int n);
/* A code from (code, weight) pairs among those valid in a collection year. */
extern int	cl_sim_pick_code(cl_sim *s, cl_code_list list, const cl_sim_wcode *c, int n, int year);

/* ---- dates of the child (cached rulebook lookups) ---- */

static inline int
cl_sim_age_on(cl_sim *s, cl_date d)
{
	if (d < s->age_from || d >= s->age_to)
	{
		s->age_years = cl_age_on(s->dob, d);
		s->age_from = cl_birthday(s->dob, s->age_years);
		s->age_to = cl_birthday(s->dob, s->age_years + 1);
	}
	return s->age_years;
}

/* The collection year of d (cl_synth_collection_year, cached). */
static inline int
cl_sim_year(cl_sim *s, cl_date d)
{
	if (d < s->cy_from || d > s->cy_to)
	{
		s->cy_year = cl_synth_collection_year(d);
		s->cy_from = cl_year_start(s->cy_year);
		s->cy_to = cl_year_end(s->cy_year);
	}
	return s->cy_year;
}

static inline cl_date
cl_sim_min_date(cl_date a, cl_date b)
{
	return a < b ? a : b;
}

static inline cl_date
cl_sim_max_date(cl_date a, cl_date b)
{
	return a > b ? a : b;
}

/* ---- header text (synth_ids.c) ---- */

/* An ETHNIC index drawn from the national mix (UASC have their own). */
extern int	cl_sim_ethnic(cl_sim *s);

/* ---- codes by situation (synth_codes.c) ---- */

extern bool cl_sim_is_foster(int place);
extern bool cl_sim_is_adoption_place(int place);
extern cl_sim_route cl_sim_choose_route(cl_sim *s, int age);
extern int	cl_sim_initial_ls(cl_sim *s, int age, cl_sim_route route);
extern int	cl_sim_choose_place(cl_sim *s, cl_date d, int ls, cl_sim_route route);
extern int	cl_sim_semi_independent(cl_sim *s, cl_date d);
extern int	cl_sim_recode_place(int place, int year);
extern int	cl_sim_choose_provider(cl_sim *s, int place, int year);
extern double cl_sim_move_mean(cl_sim *s, int place, cl_date d);
extern int	cl_sim_move_reason(cl_sim *s, cl_date d);
extern int	cl_sim_exit_reason(cl_sim *s, cl_sim_route route, int place, cl_date d);

/* ---- periods of care (synth_periods.c) ---- */

/* Age at a first entry to care, in days; *uasc set for an unaccompanied child. */
extern int	cl_sim_entry_age_days(cl_sim *s, bool *uasc);
/* The child's life in care from a first entry on t0 (periods and re-entries). */
extern void cl_sim_care(cl_sim *s, cl_date t0);
/* A child with only agreed series of short breaks (V3 or V4). */
extern void cl_sim_short_breaks(cl_sim *s, cl_date t0);

/* ---- care leavers (synth_oc3.c) ---- */

/* The OC3 records of a child whose kept episodes are in c. */
extern void cl_sim_oc3(cl_sim *s, cl_synth_child *c);

#endif							/* CL_SYNTH_INTERNAL_H */
