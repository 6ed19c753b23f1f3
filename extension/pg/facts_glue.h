/*
 * facts_glue.h: the rows of careleaver.child_year_facts (outcomes.c), shared
 * by that function and the refresh's writer (facts.c), so both give the same
 * columns from the same code.
 */
#ifndef CL_FACTS_GLUE_H
#define CL_FACTS_GLUE_H

#include "fmgr.h"

#include "history.h"

/* Most collection years one child_year_facts call covers. */
#define CL_YEAR_FACTS_MAX_YEARS 100
/* Columns of a child_year_facts row (its OUT parameters). */
#define CL_YEAR_FACTS_COLUMNS 21

/*
 * The rows of child_year_facts(h, dob, first, last, data_end): emit is called
 * once per year with a fact, with CL_YEAR_FACTS_COLUMNS values and nulls.
 * Returns the number of rows.  Allocates in the current memory context.
 */
extern int64 cl_pg_year_facts_rows(const cl_history *h, bool has_dob, cl_date dob, int first, int last,
								   cl_date data_end,
								   void (*emit) (Datum *values, bool *nulls, void *arg), void *arg);

/* Columns of a child_period_facts row (its OUT parameters). */
#define CL_PERIOD_FACTS_COLUMNS 12

/*
 * The rows of child_period_facts(h, dob, first, last, data_end): emit is
 * called once per period of care starting or ending in the window, with
 * CL_PERIOD_FACTS_COLUMNS values and nulls.  Returns the number of rows.
 */
extern int64 cl_pg_period_facts_rows(const cl_history *h, bool has_dob, cl_date dob, int first, int last,
									 cl_date data_end,
									 void (*emit) (Datum *values, bool *nulls, void *arg), void *arg);

#endif							/* CL_FACTS_GLUE_H */
