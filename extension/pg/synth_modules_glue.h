/*
 * synth_modules_glue.h: rows of the synthetic AD1, placed-for-adoption and
 * OC2 modules (core/synth_modules.c), put by pg/synth.c's row loop.
 */
#ifndef CL_SYNTH_MODULES_GLUE_H
#define CL_SYNTH_MODULES_GLUE_H

#include "postgres.h"

#include "srf.h"

#include "synth.h"

typedef enum cl_synth_module
{
	CL_SYNTH_MODULE_AD1,
	CL_SYNTH_MODULE_PLACED_ADOPTION,
	CL_SYNTH_MODULE_OC2
} cl_synth_module;

/*
 * Puts child's rows of the module into store; values[0] and values[1] (la,
 * child) are set by the caller, the rest here (at most 10 columns).
 */
extern void cl_pg_synth_module_rows(cl_synth_module module, const cl_synth_params *p,
									const cl_synth_child *child, cl_srf *srf,
									Datum *values, bool *nulls);

#endif							/* CL_SYNTH_MODULES_GLUE_H */
