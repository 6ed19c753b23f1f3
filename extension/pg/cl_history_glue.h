/*
 * cl_history_glue.h: helpers shared by the glue files that read
 * careleaver.care_history arguments.
 */
#ifndef CL_HISTORY_GLUE_H
#define CL_HISTORY_GLUE_H

#include "fmgr.h"

#include "history.h"

/* The history in argument argno (detoasted, version and size checked). */
extern cl_history cl_pg_history_arg(FunctionCallInfo fcinfo, int argno);

/* A date argument, finite and within the years 1 to 9999, else 22008. */
extern cl_date cl_pg_date_arg(FunctionCallInfo fcinfo, int argno, const char *what);

#endif							/* CL_HISTORY_GLUE_H */
