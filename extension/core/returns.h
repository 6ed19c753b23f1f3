/*
 * returns.h: returning home, re-entry and exits from care (metrics.md 6),
 * read from the periods of care of a history (facts.h).
 *
 * The data's end date.  data_end is the last day the data covers (normally
 * 31 March of the latest collection year).  Nothing after it is seen: a
 * period that starts after data_end is ignored, a period that ends after it
 * is still open, and an open period is looked after through data_end, so its
 * time in care runs to the horizon data_end + 1 (an exit dated data_end is
 * observed; a child looked after on data_end has at least
 * data_end + 1 - start days).
 *
 * A follow-up window of length t from date C is the half-open [C, C + t):
 * twelve months from 1 April 2023 are 1 April 2023 to 31 March 2024.  It is
 * complete when C + t <= data_end + 1.
 */
#ifndef CL_RETURNS_H
#define CL_RETURNS_H

#include "facts.h"

/* A length of time as months then days (PostgreSQL's date + interval order). */
typedef struct cl_span
{
	int32_t		months;
	int32_t		days;
} cl_span;

/* from + t: months first (clamping the day to the month's end), then days. */
extern cl_date cl_span_end(cl_date from, cl_span t);

/*
 * The start of the first period of care that starts after day d and on or
 * before data_end; CL_DATE_OPEN when none.
 */
extern cl_date cl_next_entry_after(const cl_facts *f, cl_date d, cl_date data_end);

/* Re-entry within a window (cl_reentered_within). */
typedef enum cl_reentry
{
	CL_REENTRY_INCOMPLETE = -1,	/* the window passes data_end: not known */
	CL_REENTRY_NO = 0,
	CL_REENTRY_YES = 1
} cl_reentry;

/*
 * Did a new period of care start within t of exit_date, i.e. in
 * (exit_date, exit_date + t)?  CL_REENTRY_INCOMPLETE whenever the window is
 * incomplete (exit_date + t > data_end + 1), even when a re-entry is already
 * seen in it: whether a case is decided then depends only on dates, never on
 * its outcome, so proportions over decided cases are unbiased.
 */
extern cl_reentry cl_reentered_within(const cl_facts *f, cl_date exit_date, cl_span t,
									  cl_date data_end);

/* One return home (a period of care ending with REC E4A or E4B). */
typedef struct cl_return_home
{
	int32_t		period;			/* index of the period that ended */
	cl_date		period_start;
	cl_date		return_date;	/* the period's end */
	uint8_t		reason;			/* REC index */
	cl_date		reentry_date;	/* next period's start, CL_DATE_OPEN when none seen */
	bool		censored;		/* no re-entry seen and the window passes data_end */
} cl_return_home;

/*
 * Returns home ending on or before data_end, in time order (out has room for
 * f->np).  family: also the rest of the family-exit group (E13, E41).  The
 * re-entry is the next period's start, at any time up to data_end;
 * censored is true when no re-entry is seen within t and the window
 * [return, return + t) passes data_end.
 */
extern int32_t cl_returns_home(const cl_facts *f, cl_date data_end, cl_span t, bool family,
							   cl_return_home *out);

/* Exit routes (the cause codes of exits(), for cif_agg; 0 = censored). */
typedef enum cl_exit_cause
{
	CL_EXIT_CENSORED = 0,
	CL_EXIT_RETURNED_HOME = 1,	/* E4A, E4B */
	CL_EXIT_ADOPTED = 2,		/* E11, E12 */
	CL_EXIT_SGO = 3,			/* E43 to E48 */
	CL_EXIT_CAO = 4,			/* E41 */
	CL_EXIT_TURNED_18 = 5,		/* any other end on or after the 18th birthday */
	CL_EXIT_OTHER = 6			/* any other end (including unknown reasons) */
} cl_exit_cause;

#define CL_EXIT_CAUSES 7

/* "returned home", "adopted", ...; "censored" for 0. */
extern const char *cl_exit_cause_name(int cause);

/* The cause of a period that ended on end with REC rec (0 when unknown). */
extern cl_exit_cause cl_exit_cause_of(uint8_t rec, cl_date end, cl_date b18);

typedef struct cl_exit
{
	int32_t		period;
	cl_date		start;
	cl_date		end;			/* CL_DATE_OPEN when censored */
	int32_t		duration;		/* end - start, or data_end + 1 - start when censored */
	uint8_t		reason;			/* REC index, 0 when censored or unknown */
	cl_exit_cause cause;
} cl_exit;

/*
 * Every period of care starting on or before data_end, with its duration and
 * exit route (time to return home, metrics.md 6: other exits compete, open
 * periods are censored).  dob gives the 18th birthday.  out has room for f->np.
 */
extern int32_t cl_exits(const cl_facts *f, cl_date dob, cl_date data_end, cl_exit *out);

#endif							/* CL_RETURNS_H */
