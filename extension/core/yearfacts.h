/*
 * yearfacts.h: the facts of one child in one collection year that the
 * reporting views count (doc/facts.md), computed in one pass over the facts
 * of a history (facts.h) by the rules of periods.h, stability.h, leavers.h
 * and returns.h; nothing here decides a rule of its own.
 */
#ifndef CL_YEARFACTS_H
#define CL_YEARFACTS_H

#include "facts.h"
#include "stability.h"
#include "returns.h"

typedef struct cl_year_facts
{
	int			year;			/* collection year (metrics.md 1) */
	bool		looked_after;	/* on 31 March (cl_history_looked_after_on, metrics.md 1) */
	uint8_t		ls;				/* LS of the latest care episode open on 31 March; 0 when none */
	uint8_t		place;			/* its PLACE */
	int			age;			/* completed years on 31 March; -1 without a date of birth */
	int64_t		days;			/* days looked after in the year (metrics.md 1) */
	int32_t		started;		/* periods of care starting in the year (metrics.md 3) */
	int32_t		ceased;			/* periods of care ending in the year */
	int32_t		ceased_home;	/* of them ending E4A, E4B (metrics.md 6) */
	int32_t		ceased_adopted; /* E11, E12 */
	int32_t		ceased_sgo;		/* E43 to E48 */
	cl_stability stab;			/* metrics.md 7; long-term left out without a date of birth */
	int			cohort_age;		/* care-leaver cohort age (metrics.md 5); -1 when none */
	int32_t		returned_home;	/* returns home in the year, on or before data_end (metrics.md 6) */
	int32_t		reentered;		/* of them, re-entered within 12 months */
	int32_t		follow_up_incomplete;	/* of them, 12-month window passes data_end */
} cl_year_facts;

/*
 * The latest care episode (not a short break, cl_episode_is_care) open on d
 * (decom <= d < dec), the last in episode order among those starting on the
 * same day; -1 when none.  The episode whose LS and PLACE the year facts give.
 */
extern int32_t cl_care_episode_on(const cl_history *h, cl_date d);

/* The re-entry window of the reporting views: 12 months (metrics.md 6). */
#define CL_REENTRY_MONTHS 12

/*
 * The facts of collection year `year`.  f needs placements and carer
 * spells; rh/nrh are the returns home of cl_returns_home(f, data_end,
 * 12 months, false).  Returns false when the child has no fact in the year
 * (never looked after in it, no period starting or ending, no cohort age,
 * no return home): such a year is no row.
 */
extern bool cl_year_facts_of(const cl_facts *f, bool has_dob, cl_date dob, int year,
							 cl_date data_end, const cl_return_home *rh, int32_t nrh,
							 cl_year_facts *out);

/*
 * The facts of one period of care that the reporting views count (doc/facts.md,
 * period_facts): its dates and ending, the collection years it starts and
 * ends in, whether it is the child's first period starting / last period
 * ending in that year, the LS and CIN of its first episode (short breaks
 * left out), and its exit (cl_exits) when the date of birth is known.
 */
typedef struct cl_period_facts
{
	int32_t		period;			/* index in the history's periods */
	cl_date		start;
	cl_date		end;			/* CL_DATE_OPEN when open */
	uint8_t		end_reason;		/* REC index of the period's end; 0 open or unknown */
	int			start_year;		/* collection year of start (metrics.md 1) */
	int			end_year;		/* of end; 0 when open */
	bool		first_start_in_year;	/* no earlier period starts in start_year */
	bool		last_end_in_year;	/* no later period ends in end_year (false when open) */
	uint8_t		start_ls;		/* LS of the first episode (not a short break) starting on start; 0 none */
	uint8_t		start_cin;		/* its CIN */
	bool		has_exit;		/* a date of birth and start <= data_end: the exit below is known */
	int32_t		exit_duration;	/* cl_exit.duration */
	cl_exit_cause exit_cause;	/* cl_exit.cause */
} cl_period_facts;

/*
 * The facts of every period of care starting or ending in collection years
 * first to last.  xbuf and out have room for f->np entries.  Returns the
 * number of entries of out.
 */
extern int32_t cl_period_facts_of(const cl_facts *f, bool has_dob, cl_date dob, int first, int last,
								  cl_date data_end, cl_exit *xbuf, cl_period_facts *out);

#endif							/* CL_YEARFACTS_H */
