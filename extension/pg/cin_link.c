/*
 * cin_link.c: glue for the linkage of the CIN census to SSDA903
 * (core/cin_link.c): cin_link_status(upn, former_upn, cla_upn) and
 * cin_care_year(journey, history, dob, year, cla_end, cin_from, cin_end).
 * doc/cin.md, "Linkage to care".
 */
#include "compat.h"

#include "fmgr.h"
#include "funcapi.h"
#include "access/htup_details.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "cin_link.h"
#include "returns.h"
#include "cl_history_glue.h"
#include "cin_glue.h"
#include "srf.h"

PG_FUNCTION_INFO_V1(careleaver_cin_link_status);
PG_FUNCTION_INFO_V1(careleaver_cin_care_year);

/* A text argument as bytes (NULL: not given). */
static const char *
text_arg(FunctionCallInfo fcinfo, int argno, size_t *len)
{
	text	   *t;

	*len = 0;
	if (PG_ARGISNULL(argno))
		return NULL;
	t = PG_GETARG_TEXT_PP(argno);
	*len = VARSIZE_ANY_EXHDR(t);
	return VARDATA_ANY(t);
}

/* cin_link_status(cin_upn, cin_former_upn, cla_upn): for a pair with the same identifier. */
Datum
careleaver_cin_link_status(PG_FUNCTION_ARGS)
{
	size_t		l1,
				l2,
				l3;
	const char *cin = text_arg(fcinfo, 0, &l1);
	const char *former = text_arg(fcinfo, 1, &l2);
	const char *cla = text_arg(fcinfo, 2, &l3);

	PG_RETURN_TEXT_P(cstring_to_text(cl_cin_link_name(cl_cin_link_of(cin, l1, former, l2, cla, l3))));
}

/* An optional date argument: NULL gives dflt. */
static cl_date
optional_date(FunctionCallInfo fcinfo, int argno, cl_date dflt, const char *what)
{
	return PG_ARGISNULL(argno) ? dflt : cl_pg_date_arg(fcinfo, argno, what);
}

Datum
careleaver_cin_care_year(PG_FUNCTION_ARGS)
{
	int			n = 0;
	const cl_cin_event *ev = NULL;
	cl_history	h;
	cl_facts	f;
	cl_date		dob;
	int32		year;
	cl_date		cla_end,
				cin_from,
				cin_end;
	cl_cin_care_year c;
	TupleDesc	td;
	Datum		v[9];
	bool		nulls[9] = {0};
	int			k = 0;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(3) || PG_ARGISNULL(4))
		PG_RETURN_NULL();
	if (!PG_ARGISNULL(0))
		ev = cl_pg_cin_journey_arg(fcinfo, 0, &n);
	h = cl_pg_history_arg(fcinfo, 1);
	dob = PG_ARGISNULL(2) ? CL_DATE_OPEN : cl_pg_birth_date_arg(fcinfo, 2);
	year = PG_GETARG_INT32(3);
	if (year < 1901 || year > 2100)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("collection year %d is out of range 1901 to 2100", year)));
	cla_end = cl_pg_date_arg(fcinfo, 4, "SSDA903 data end");
	/* no CIN coverage given: every window is outside it */
	cin_from = optional_date(fcinfo, 5, CL_DATE_OPEN, "CIN coverage start");
	cin_end = optional_date(fcinfo, 6, PG_INT32_MIN, "CIN coverage end");
	cl_facts_init(&f, &h, palloc(sizeof(cl_period) * (h.n > 0 ? h.n : 1)), NULL, NULL);
	cl_cin_care_year_counts(ev, n, &f, dob, year, cla_end, cin_from, cin_end, &c);

	td = cl_row_type(fcinfo);
	v[k++] = Int32GetDatum(c.started);
	v[k++] = Int32GetDatum(c.lookback_incomplete);
	v[k++] = Int32GetDatum(c.after_referral);
	v[k++] = Int32GetDatum(c.after_cpp);
	v[k++] = Int32GetDatum(c.after_help);
	if (!c.started)
		nulls[k++] = true;
	else
	{
		v[k++] = CStringGetTextDatum(c.route == CL_EXIT_CENSORED ? "still looked after"
									 : cl_exit_cause_name(c.route));
	}
	v[k++] = Int32GetDatum(c.returned_home);
	v[k++] = Int32GetDatum(c.rereferred);
	v[k++] = Int32GetDatum(c.rereferral_incomplete);
	if (td->natts != k)
		elog(ERROR, "cin_care_year: result has %d columns, expected %d", td->natts, k);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(td, v, nulls)));
}
