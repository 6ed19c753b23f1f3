/*
 * srf.h: shared glue for functions returning rows.
 */
#ifndef CL_SRF_H
#define CL_SRF_H

#include "compat.h"

#include "fmgr.h"
#include "access/tupdesc.h"

/*
 * The blessed descriptor of the function's row result (OUT parameters),
 * allocated in the current memory context; an error when the caller cannot
 * take a row.
 */
extern TupleDesc cl_blessed_result_type(FunctionCallInfo fcinfo);

#endif							/* CL_SRF_H */
