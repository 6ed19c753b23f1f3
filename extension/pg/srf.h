/*
 * srf.h: the one way careleaver's C functions return rows.
 *
 * A set-returning function calls cl_srf_begin once, cl_srf_put for each row
 * and returns (Datum) 0: materialize mode, every row made in one call, which
 * suits the core's iterators and needs no state kept between calls.  A
 * function returning one row (OUT parameters) forms it with cl_row_type.
 * Both keep the row descriptor in flinfo->fn_extra (looked up once per call
 * site: get_call_result_type reads the catalogue), so a function using them
 * keeps nothing else there.
 */
#ifndef CL_SRF_H
#define CL_SRF_H

#include "compat.h"

#include "fmgr.h"
#include "access/tupdesc.h"
#include "utils/tuplestore.h"

/* The rows a set-returning function is returning. */
typedef struct cl_srf
{
	Tuplestorestate *store;
	TupleDesc	desc;
} cl_srf;

/*
 * The blessed descriptor of the function's row result (OUT parameters); an
 * error when the caller cannot take a row.
 */
extern TupleDesc cl_row_type(FunctionCallInfo fcinfo);

/* Starts returning rows; an error when the caller cannot take a set of rows. */
extern void cl_srf_begin(FunctionCallInfo fcinfo, cl_srf *srf);

/* Adds a row (values and nulls in the order of the OUT parameters). */
extern void cl_srf_put(cl_srf *srf, Datum *values, bool *nulls);

#endif							/* CL_SRF_H */
