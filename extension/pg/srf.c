/*
 * srf.c: the one way careleaver's C functions return rows (see srf.h).
 */
#include "srf.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/execnodes.h"

TupleDesc
cl_row_type(FunctionCallInfo fcinfo)
{
	TupleDesc	tupdesc;
	MemoryContext old;

	if (fcinfo->flinfo->fn_extra != NULL)
		return (TupleDesc) fcinfo->flinfo->fn_extra;
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning record called in context that cannot accept type record")));
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	tupdesc = BlessTupleDesc(CreateTupleDescCopy(tupdesc));
	MemoryContextSwitchTo(old);
	fcinfo->flinfo->fn_extra = tupdesc;
	return tupdesc;
}

void
cl_srf_begin(FunctionCallInfo fcinfo, cl_srf *srf)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TupleDesc	tupdesc;
	MemoryContext old;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in context that cannot accept a set")));
	tupdesc = cl_row_type(fcinfo);
	/* the rows and their descriptor live as long as the query */
	old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	srf->desc = CreateTupleDescCopy(tupdesc);
	srf->store = tuplestore_begin_heap(rsinfo->allowedModes & SFRM_Materialize_Random,
									   false, work_mem);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = srf->store;
	rsinfo->setDesc = srf->desc;
	MemoryContextSwitchTo(old);
}

void
cl_srf_put(cl_srf *srf, Datum *values, bool *nulls)
{
	tuplestore_putvalues(srf->store, srf->desc, values, nulls);
}
