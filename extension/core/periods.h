/*
 * periods.h: periods of care, placements, carer spells and days looked after
 * (metrics.md sections 1 to 3), read from a built history (history.h).
 *
 * Every function here leaves out short-break episodes (LS V3/V4, metrics.md 2)
 * and episodes whose DEC is before their DECOM (a recorded defect).  Episodes
 * that overlap are read as the union of their days: a day is looked after
 * once however many episodes cover it, and a period of care goes on while
 * the next episode starts on or before the latest end seen so far
 * (doc/history.md, "Defects").
 *
 * The iterators write into a caller-supplied array; h->n entries are always
 * enough (every period, placement or spell starts at a distinct episode).
 * They return the number written.
 */
#ifndef CL_PERIODS_H
#define CL_PERIODS_H

#include "history.h"

typedef struct cl_period
{
	cl_date		start;			/* first episode's DECOM */
	cl_date		end;			/* CL_DATE_OPEN while open */
	int32_t		first;			/* index in h->ep of the first episode */
	int32_t		last;			/* index of the last care episode of the chain */
	int32_t		end_episode;	/* index of the episode that sets the end */
	int32_t		episodes;		/* care episodes in the period */
	uint8_t		end_reason;		/* REC index; 0 when open or unknown */
	bool		reason_unknown; /* closed, but the last REC is X1 or absent */
} cl_period;

typedef struct cl_spell
{
	cl_date		start;
	cl_date		end;			/* CL_DATE_OPEN while open */
	int32_t		period;			/* index into the periods (0-based) */
	int32_t		first;			/* index in h->ep of the starting episode */
	int32_t		episodes;		/* care episodes in the spell */
	uint8_t		place;			/* PLACE of the starting episode */
} cl_spell;

/* Periods of care (metrics.md 3), in time order. */
extern int32_t cl_history_periods(const cl_history *h, cl_period *out);

/*
 * Placements (metrics.md 3): a new placement at every episode whose RNE is
 * S, P, T, B or U, and at the first episode of every period; RNE L continues
 * the current placement.  Placements in a temporary place (T0 to T4) are not
 * counted (and L episodes after one continue it, uncounted); a temporary
 * placement still ends the placement before it.  An exact duplicate of the
 * episode before it (every field equal: the same row returned twice)
 * continues that placement, so it counts once here, in every stability
 * measure and in moves.  A placement ends where the
 * next one (counted or not) starts, or with its period.
 * periods/np are the output of cl_history_periods.
 */
extern int32_t cl_history_placements(const cl_history *h, const cl_period *periods,
									 int32_t np, cl_spell *out);

/*
 * Carer spells (metrics.md 3): a new spell at every episode whose RNE is S, P
 * or B, and at the first episode of every period; L, T and U keep the carer.
 * An exact duplicate continues the spell, as for placements.
 */
extern int32_t cl_history_carer_spells(const cl_history *h, const cl_period *periods,
									   int32_t np, cl_spell *out);

/*
 * Days looked after in [from, to) (metrics.md 1: nights, open episodes run
 * on), counting each day once.  0 when to <= from.
 */
extern int64_t cl_history_days(const cl_history *h, cl_date from, cl_date to);

/* Looked after on date d: some care episode has decom <= d < dec. */
extern bool cl_history_looked_after_on(const cl_history *h, cl_date d);

#endif							/* CL_PERIODS_H */
