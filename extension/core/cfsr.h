/*
 * cfsr.h: US-comparable indicators (metrics.md 10, CFSR Round 4 style):
 * permanency in 12 months for entrants, re-entry within 12 months of exit,
 * placement moves per 1,000 days.
 *
 * The window is collection year Y, [1 April Y-1, 1 April Y).  data_end is as
 * in returns.h (the last day the data covers; later dates are unseen).
 *
 * Common exclusions: a period of care shorter than 8 days (it ended, on or
 * before data_end, fewer than 8 days after it started) is left out of every
 * indicator, as if it had not happened: it is neither an entry, an exit, a
 * re-entry nor time in care.  A period still open at data_end is not known
 * to be short, so it stays.  Children entering at 18 or over are left out.
 *
 * Entrant: the child's first (kept) period of care overlapping the window
 * starts in the window, before the 18th birthday.  A child in care on
 * 1 April Y-1 is not an entrant, even if they leave and come back.
 */
#ifndef CL_CFSR_H
#define CL_CFSR_H

#include "facts.h"

/* Permanency exits: E4A, E4B, E11, E12, E43 to E48, E41, E13 (metrics.md 10 choice). */
extern bool cl_cfsr_is_permanency(uint8_t rec);

/* Exits that open the re-entry indicator: permanency exits except adoption. */
extern bool cl_cfsr_is_reunification_exit(uint8_t rec);

/* Period shorter than 8 days, seen to end by data_end. */
extern bool cl_cfsr_period_excluded(const cl_period *p, cl_date data_end);

/* A result that may not be known: CL_CFSR_NA is SQL NULL. */
#define CL_CFSR_NA (-1)

typedef struct cl_cfsr
{
	bool		entrant;		/* in the entry cohort of the window */
	int32_t		period;			/* index of the entering period, -1 if none */
	cl_date		entry;			/* its start */
	cl_date		exit;			/* its end if seen by data_end, else CL_DATE_OPEN */
	uint8_t		exit_reason;	/* REC index, 0 when open or unknown */

	/*
	 * Permanency in 12 months: for an entrant whose follow-up
	 * min(entry + 12 months, b18) <= data_end + 1 is complete, 1 when the
	 * period ends in a permanency exit before entry + 12 months and before
	 * the 18th birthday, else 0; CL_CFSR_NA when not an entrant or the
	 * follow-up is incomplete.
	 */
	bool		permanency_follow_up_complete;
	int			permanency_12m;

	/*
	 * Re-entry: the exit cohort is entrants whose period ended (seen by
	 * data_end) within 12 months of entry, before the 18th birthday, by a
	 * permanency exit other than adoption.  For them, when the window
	 * [exit, exit + 12 months) is complete, 1 when a (kept) period starts in
	 * it, else 0; CL_CFSR_NA otherwise.
	 */
	bool		reentry_cohort;
	bool		reentry_follow_up_complete;
	int			reentry_12m;
	cl_date		reentry_date;	/* next kept period's start by data_end, CL_DATE_OPEN if none */

	/*
	 * Moves per 1,000 days, for entrants: days in care (kept periods) and
	 * placement moves (placements after the first of their period,
	 * temporary ones not counted) in [entry, limit), limit being the
	 * earliest of 1 April Y, the 18th birthday and data_end + 1.  0 and 0
	 * when not an entrant.
	 */
	int32_t		moves;
	int64_t		days;
} cl_cfsr;

/* f needs placements.  dob gives the 18th birthday. */
extern void cl_cfsr_indicators(const cl_facts *f, cl_date dob, int year, cl_date data_end,
							   cl_cfsr *out);

#endif							/* CL_CFSR_H */
