/*
 * stability.h: placement stability (metrics.md 7), the DfE measures for
 * children looked after on 31 March, and moves per 1,000 days.
 *
 * Placements and carer spells are those of periods.h (metrics.md 3):
 * temporary placements (T0 to T4) are not counted; RNE L, T and U keep the
 * carer.  Windows are half-open [from, to), as days_looked_after: a
 * collection year Y is [1 April Y-1, 1 April Y).
 */
#ifndef CL_STABILITY_H
#define CL_STABILITY_H

#include "facts.h"

/*
 * Counted placements overlapping [from, to): starting before to, and either
 * still in place after from (end > from, open ones running on) or starting
 * in the window (so a placement that starts and ends on the same day inside
 * the window counts).  f->placements is required.
 */
extern int32_t cl_placements_in_window(const cl_facts *f, cl_date from, cl_date to);

/*
 * Placement moves in [from, to): counted placements starting in the window
 * that are not the first counted placement of their period of care (a
 * child's first placement of a period is an entry, not a move).
 */
extern int32_t cl_placement_moves(const cl_facts *f, cl_date from, cl_date to);

typedef struct cl_stability
{
	cl_date		year_end;		/* 31 March of the year */
	bool		looked_after;	/* on 31 March: the denominator of the short-term measure */
	int32_t		placements_year;	/* placements overlapping the collection year */
	bool		short_term;		/* three or more of them */
	cl_date		period_start;	/* start of the period of care containing 31 March */
	bool		two_year_cohort;	/* period_start <= 31 March - 24 months */
	int32_t		placements_two_years;	/* placements overlapping [1 April Y-2, 1 April Y) */
	bool		two_year;		/* two_year_cohort and three or more */
	int			age;			/* on 31 March; -1 when no date of birth was given */
	bool		long_term_cohort;	/* under 16, period_start <= 31 March - 30 months */
	cl_date		carer_since;	/* start of the carer spell containing 31 March */
	bool		long_term;		/* long_term_cohort and carer_since <= 31 March - 24 months */
} cl_stability;

/*
 * The three DfE measures for collection year `year`.  f needs placements
 * and carer spells.  has_dob false leaves the long-term measure out
 * (long_term_cohort false, age -1).
 */
extern void cl_stability_measures(const cl_facts *f, bool has_dob, cl_date dob, int year,
								  cl_stability *out);

#endif							/* CL_STABILITY_H */
