/*
 * cl_history_glue.h: helpers shared by the glue files that read
 * careleaver.care_history arguments.
 */
#ifndef CL_HISTORY_GLUE_H
#define CL_HISTORY_GLUE_H

#include "fmgr.h"
#include "utils/date.h"

#include "history.h"

/* The history in argument argno (detoasted, version and size checked). */
extern cl_history cl_pg_history_arg(FunctionCallInfo fcinfo, int argno);

/* A date of birth: finite and within the years 1 to 9999 (as episode dates), else 22008. */
extern cl_date cl_pg_birth_date_arg(FunctionCallInfo fcinfo, int argno);
extern cl_date cl_pg_birth_date(DateADT d);

/*
 * An evaluation date argument (status date, window bound,
 * data end): from 0001-01-01 (else 22008); later than 31 March 10000, or
 * 'infinity', it is read as 31 March 10000 (cl_eval_date_clamp).
 */
extern cl_date cl_pg_date_arg(FunctionCallInfo fcinfo, int argno, const char *what);

/* The PROGRAM_LIMIT_EXCEEDED error for a history of more than CL_HISTORY_MAX_EPISODES. */
extern void cl_pg_history_limit_error(int64 episodes) pg_attribute_noreturn();

#endif							/* CL_HISTORY_GLUE_H */
