/*
 * yearfacts.c: careleaver.child_year_facts, one row per collection year with
 * the facts the reporting views count (doc/facts.md).
 *
 * Glue only: the facts are those of core/yearfacts.c, which reads the
 * periods and spells computed once per history by core/facts.c.
 */
#include "compat.h"

#include "access/htup_details.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/date.h"
#include "utils/tuplestore.h"

#include "yearfacts.h"
#include "cl_history_glue.h"

PG_FUNCTION_INFO_V1(cl_child_year_facts);

/* Most collection years one call covers (the caller's window). */
#define CL_YEAR_FACTS_MAX_YEARS 100

#define NCOLS 21

/* The blessed row descriptor, looked up once per call site and kept in fn_extra. */
static TupleDesc
row_desc(FunctionCallInfo fcinfo)
{
	MemoryContext old;
	TupleDesc	tupdesc;

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

static int
year_arg(FunctionCallInfo fcinfo, int argno, const char *what)
{
	int32		y;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s must not be NULL", what)));
	y = PG_GETARG_INT32(argno);
	if (y < 3 || y > 9999)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s %d is out of range", what, y),
				 errhint("A collection year is named by the year it ends (2024 is 1 April 2023 to 31 March 2024), from 3 to 9999.")));
	return y;
}

static void
put_code(Datum *v, bool *n, int col, int code)
{
	if (code == 0)
		n[col] = true;
	else
		v[col] = Int16GetDatum((int16) code);
}

/* A figure that is NULL when the child is not in its denominator. */
static void
put_bool_if(Datum *v, bool *n, int col, bool in, bool value)
{
	if (in)
		v[col] = BoolGetDatum(value);
	else
		n[col] = true;
}

static void
put_year(Datum *v, bool *n, const cl_year_facts *y, bool has_dob)
{
	const cl_stability *s = &y->stab;

	v[0] = Int32GetDatum(y->year);
	v[1] = BoolGetDatum(y->looked_after);
	put_code(v, n, 2, y->ls);
	put_code(v, n, 3, y->place);
	if (has_dob)
		v[4] = Int32GetDatum(y->age);
	else
		n[4] = true;
	v[5] = Int32GetDatum((int32) y->days);
	v[6] = Int32GetDatum(y->started);
	v[7] = Int32GetDatum(y->ceased);
	v[8] = Int32GetDatum(y->ceased_home);
	v[9] = Int32GetDatum(y->ceased_adopted);
	v[10] = Int32GetDatum(y->ceased_sgo);
	/* the stability columns follow careleaver.stability (metrics.md 7) */
	if (s->looked_after)
		v[11] = Int32GetDatum(s->placements_year);
	else
		n[11] = true;
	put_bool_if(v, n, 12, s->looked_after, s->short_term);
	put_bool_if(v, n, 13, s->looked_after, s->two_year_cohort);
	put_bool_if(v, n, 14, s->two_year_cohort, s->two_year);
	put_bool_if(v, n, 15, s->looked_after && has_dob, s->long_term_cohort);
	put_bool_if(v, n, 16, s->long_term_cohort, s->long_term);
	if (y->cohort_age >= 0)
		v[17] = Int32GetDatum(y->cohort_age);
	else
		n[17] = true;
	v[18] = Int32GetDatum(y->returned_home);
	v[19] = Int32GetDatum(y->reentered);
	v[20] = Int32GetDatum(y->follow_up_incomplete);
}

/*
 * child_year_facts(history, date_of_birth, first_year, last_year, data_end):
 * one row per collection year of [first_year, last_year] in which the child
 * has a fact.  Not strict: a NULL date of birth leaves out what needs one.
 */
Datum
cl_child_year_facts(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			first = year_arg(fcinfo, 2, "first collection year");
	int			last = year_arg(fcinfo, 3, "last collection year");
	bool		has_dob = !PG_ARGISNULL(1);
	cl_date		dob = has_dob ? cl_pg_date_arg(fcinfo, 1, "date of birth") : 0;
	cl_date		data_end;
	TupleDesc	desc;
	Tuplestorestate *ts;
	MemoryContext old;
	cl_history	h;
	cl_facts	f;
	int32		room;
	cl_return_home *rh;
	int32		nrh;
	cl_span		twelve = {CL_REENTRY_MONTHS, 0};

	if (PG_ARGISNULL(4))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("data end date must not be NULL"),
				 errhint("Pass the last day the data covers, careleaver.data_end(latest date).")));
	data_end = cl_pg_date_arg(fcinfo, 4, "data end date");
	if (last < first || last - first >= CL_YEAR_FACTS_MAX_YEARS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("collection years %d to %d are not a window of 1 to %d years",
						first, last, CL_YEAR_FACTS_MAX_YEARS),
				 errhint("Pass first_year <= last_year, at most %d years apart.",
						 CL_YEAR_FACTS_MAX_YEARS - 1)));
	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in context that cannot accept a set")));

	desc = row_desc(fcinfo);
	old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	desc = CreateTupleDescCopy(desc);
	ts = tuplestore_begin_heap(true, false, work_mem);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = ts;
	rsinfo->setDesc = desc;
	MemoryContextSwitchTo(old);

	if (PG_ARGISNULL(0))
		return (Datum) 0;
	h = cl_pg_history_arg(fcinfo, 0);
	room = h.n > 0 ? h.n : 1;
	cl_facts_init(&f, &h, palloc(sizeof(cl_period) * room), palloc(sizeof(cl_spell) * room),
				  palloc(sizeof(cl_spell) * room));
	rh = palloc(sizeof(cl_return_home) * room);
	nrh = cl_returns_home(&f, data_end, twelve, false, rh);

	for (int year = first; year <= last; year++)
	{
		cl_year_facts y;
		Datum		v[NCOLS];
		bool		nl[NCOLS] = {false};

		CHECK_FOR_INTERRUPTS();
		if (!cl_year_facts_of(&f, has_dob, dob, year, data_end, rh, nrh, &y))
			continue;
		put_year(v, nl, &y, has_dob);
		tuplestore_putvalues(ts, desc, v, nl);
	}
	return (Datum) 0;
}
