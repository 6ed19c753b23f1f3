/*
 * cin_glue.h: helpers shared by the glue files that read careleaver.cin_journey
 * arguments (cin.c, cin_link.c).
 */
#ifndef CL_CIN_GLUE_H
#define CL_CIN_GLUE_H

#include "fmgr.h"

#include "cin_journey.h"

/* The events of the journey in argument argno (detoasted, size checked); *n their number. */
extern const cl_cin_event *cl_pg_cin_journey_arg(FunctionCallInfo fcinfo, int argno, int *n);

#endif
