/*
 * synth_modules.h: the SSDA903 modules a synthetic child's episodes imply
 * beyond OC3 (plain C): the AD1 and placed-for-adoption records of a child
 * adopted, and the OC2 SDQ scores of a child looked after for a whole year
 * (doc/synthetic.md; Dashboard 47 and 51, metrics.md 12).
 *
 * Read from a generated child (synth.h) with a random stream of their own,
 * so the episodes and every other record stay as they were.
 */
#ifndef CL_SYNTH_MODULES_H
#define CL_SYNTH_MODULES_H

#include <stdbool.h>

#include "synth.h"

typedef struct cl_synth_adoption
{
	int			year;			/* collection year of the adoption */
	cl_date		entered;		/* start of the final period of care */
	cl_date		decided;		/* DATE_INT / DATE_PLACED: decision to place for adoption */
	cl_date		matched;		/* DATE_MATCH */
	cl_date		placed;			/* first placement for adoption (A3 to A6) */
	cl_date		adopted_on;		/* DEC of the adoption */
	uint8_t		rec;			/* E11 or E12 */
	bool		foster_carer;	/* adopted by own foster carer(s) */
} cl_synth_adoption;

/* Years an OC2 record can be written for: one per collection year generated. */
#define CL_SYNTH_MAX_OC2 (CL_SYNTH_MAX_YEAR - CL_SYNTH_MIN_YEAR + 1)

typedef struct cl_synth_oc2
{
	int			year;			/* collection year */
	int			sdq_score;		/* 0 to 40; -1: none */
	const char *sdq_reason;		/* SDQ1 .. SDQ5 when no score, else NULL */
} cl_synth_oc2;

/*
 * The adoption of child c (generated with p): true and *a filled when a
 * period of care ends in adoption within the generated years.
 */
extern bool cl_synth_adoption_of(const cl_synth_params *p, const cl_synth_child *c,
								 cl_synth_adoption *a);

/*
 * The OC2 records of child c: one per generated collection year throughout
 * which c was looked after (short breaks left out), with an SDQ score for ages
 * 4 to 16 on 31 March in about four cases of five.  Returns the number written
 * (at most CL_SYNTH_MAX_OC2).
 */
extern int	cl_synth_oc2_of(const cl_synth_params *p, const cl_synth_child *c, cl_synth_oc2 *out);

#endif							/* CL_SYNTH_MODULES_H */
