/*
 * facts.h: the facts of one history that the outcome metrics read (periods of
 * care, placements, carer spells), computed once by the core of periods.h and
 * shared, so that returns home, stability, cohorts and the US-comparable
 * indicators all see the same periods and spells (design.md: a metric asks
 * the core for a fact, it never recomputes it its own way).
 *
 * The caller supplies the arrays (h->n entries each is always enough): the
 * core never allocates.
 */
#ifndef CL_FACTS_H
#define CL_FACTS_H

#include "history.h"
#include "periods.h"

typedef struct cl_facts
{
	const cl_history *h;
	const cl_period *periods;
	int32_t		np;
	const cl_spell *placements; /* NULL when not asked for */
	int32_t		npl;
	const cl_spell *carers;		/* NULL when not asked for */
	int32_t		nc;
} cl_facts;

/*
 * Fills f from h.  pbuf is required; plbuf and cbuf may be NULL when the
 * caller needs no placements / carer spells.  Each buffer has room for h->n
 * entries (at least one).
 */
extern void cl_facts_init(cl_facts *f, const cl_history *h, cl_period *pbuf,
						  cl_spell *plbuf, cl_spell *cbuf);

/*
 * The period of care that contains day d (start <= d < end, open periods
 * running on), or -1.
 */
extern int32_t cl_facts_period_on(const cl_facts *f, cl_date d);

/* The spell of s[0..n) that contains day d, or -1. */
extern int32_t cl_spell_on(const cl_spell *s, int32_t n, cl_date d);

#endif							/* CL_FACTS_H */
