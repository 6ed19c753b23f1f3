/*
 * cin.c: glue for the Children in Need journey (core/cin_journey.c):
 * the type careleaver.cin_journey (text I/O), its parallel-safe aggregate
 * cin_journey_agg(event text) and the measures (cin_year_counts,
 * cin_factor_counts, cin_working_days).  doc/cin.md.
 */
#include "compat.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/memutils.h"

#include "cin_codes.h"
#include "cin_journey.h"
#include "state_limits.h"
#include "srf.h"
#include "cin_glue.h"

PG_FUNCTION_INFO_V1(careleaver_cin_journey_in);
PG_FUNCTION_INFO_V1(careleaver_cin_journey_out);
PG_FUNCTION_INFO_V1(careleaver_cin_journey_agg_sfunc);
PG_FUNCTION_INFO_V1(careleaver_cin_journey_agg_combine);
PG_FUNCTION_INFO_V1(careleaver_cin_journey_agg_serial);
PG_FUNCTION_INFO_V1(careleaver_cin_journey_agg_deserial);
PG_FUNCTION_INFO_V1(careleaver_cin_journey_agg_final);
PG_FUNCTION_INFO_V1(careleaver_cin_year_counts);
PG_FUNCTION_INFO_V1(careleaver_cin_factor_counts);
PG_FUNCTION_INFO_V1(careleaver_cin_working_days);
PG_FUNCTION_INFO_V1(careleaver_cin_codes);
PG_FUNCTION_INFO_V1(careleaver_cin_code_valid_in_year);
PG_FUNCTION_INFO_V1(careleaver_upn_check_letter);

#define ERRBUF 200

/*
 * Stored form: varlena header, int32 count, then the events (8-aligned: the
 * type is declared with alignment double).
 */
#define JOURNEY_HEADER 4

static void
limit_error(int64 events)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("a CIN journey cannot hold %lld events", (long long) events),
			 errdetail("One careleaver.cin_journey holds at most %d events (doc/cin.md, \"Limits\").",
					   (int) CL_CIN_MAX_EVENTS),
			 errhint("A journey is one child's records: group the rows by council and child.")));
}

static struct varlena *
journey_build(const cl_cin_event *ev, int n)
{
	Size		size = VARHDRSZ + JOURNEY_HEADER + (Size) n * sizeof(cl_cin_event);
	struct varlena *res = palloc0(size);
	int32		count = n;

	SET_VARSIZE(res, size);
	memcpy(VARDATA(res), &count, sizeof count);
	if (n > 0)
		memcpy(VARDATA(res) + JOURNEY_HEADER, ev, (Size) n * sizeof(cl_cin_event));
	return res;
}

/* The events of argument argno (detoasted; the pointer is into the datum); cin_glue.h. */
const cl_cin_event *
cl_pg_cin_journey_arg(FunctionCallInfo fcinfo, int argno, int *n)
{
	struct varlena *v = PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));
	int32		count;

	memcpy(&count, VARDATA(v), sizeof count);
	if (count < 0 || count > CL_CIN_MAX_EVENTS ||
		VARSIZE(v) != VARHDRSZ + JOURNEY_HEADER + (Size) count * sizeof(cl_cin_event))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupted careleaver.cin_journey value")));
	*n = count;
	return (const cl_cin_event *) (VARDATA(v) + JOURNEY_HEADER);
}

/* ---------------------------------------------------------------- text */

Datum
careleaver_cin_journey_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	size_t		len = strlen(str);
	int			max = cl_cin_text_max_events(str, len);
	cl_cin_event *ev;
	int			n;
	char		err[ERRBUF];

	if (max > CL_CIN_MAX_EVENTS)
		max = CL_CIN_MAX_EVENTS;
	ev = palloc(Max(max, 1) * sizeof(cl_cin_event));
	if (!cl_cin_parse(str, len, ev, max, &n, err, sizeof err))
	{
		if (n > CL_CIN_MAX_EVENTS)
			limit_error(n);
		CL_INPUT_ERROR((errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type careleaver.cin_journey: \"%s\"", str),
						errdetail("%s", err),
						errhint("A CIN journey reads like {R 2023-04-03 2023-09-01 RC2; A 2023-04-04 2023-05-30 1B,3A; "
								"C 2023-05-20 - NEG NEG 0} (doc/cin.md).")));
	}
	PG_RETURN_POINTER(journey_build(ev, n));
}

Datum
careleaver_cin_journey_out(PG_FUNCTION_ARGS)
{
	int			n;
	const cl_cin_event *ev = cl_pg_cin_journey_arg(fcinfo, 0, &n);
	char	   *out = palloc(cl_cin_text_size(n));

	cl_cin_format(ev, n, out);
	PG_RETURN_CSTRING(out);
}

/* ---------------------------------------------------------------- aggregate */

/* The events as they come, in the aggregate's memory context; grows by doubling up to the limit. */
typedef struct JourneyState
{
	int32		n;
	int32		cap;
	cl_cin_event ev[FLEXIBLE_ARRAY_MEMBER];
} JourneyState;

#define STATE_SIZE(cap) (offsetof(JourneyState, ev) + (Size) (cap) * sizeof(cl_cin_event))

static JourneyState *
state_reserve(MemoryContext ctx, JourneyState *st, int64 more)
{
	int64		need = (st ? st->n : 0) + more;
	int64		cap = st ? st->cap : 0;

	if (need > CL_CIN_MAX_EVENTS)
		limit_error(need);
	if (st != NULL && need <= cap)
		return st;
	CHECK_FOR_INTERRUPTS();
	cap = Max(cap, 4);
	while (cap < need)
		cap *= 2;
	cap = Min(cap, CL_CIN_MAX_EVENTS);
	if (st == NULL)
	{
		st = MemoryContextAlloc(ctx, STATE_SIZE(cap));
		st->n = 0;
	}
	else
		st = repalloc(st, STATE_SIZE(cap));
	st->cap = (int32) cap;
	return st;
}

/* cin_journey_agg(event text): one or more events in the journey's text form (NULL rows are skipped). */
Datum
careleaver_cin_journey_agg_sfunc(PG_FUNCTION_ARGS)
{
	MemoryContext ctx;
	JourneyState *st;
	text	   *t;
	const char *s;
	size_t		len;
	int			max,
				n;
	char		err[ERRBUF];

	if (!AggCheckCallContext(fcinfo, &ctx))
		elog(ERROR, "cin_journey_agg called in non-aggregate context");
	st = PG_ARGISNULL(0) ? NULL : (JourneyState *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(1))
	{
		if (st == NULL)
			st = state_reserve(ctx, NULL, 0);
		PG_RETURN_POINTER(st);
	}
	t = PG_GETARG_TEXT_PP(1);
	s = VARDATA_ANY(t);
	len = VARSIZE_ANY_EXHDR(t);
	max = cl_cin_text_max_events(s, len);
	st = state_reserve(ctx, st, Min(max, CL_CIN_MAX_EVENTS + 1));
	if (!cl_cin_parse(s, len, st->ev + st->n, st->cap - st->n, &n, err, sizeof err))
	{
		if (n > st->cap - st->n)
			limit_error((int64) st->n + n);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid CIN journey event: \"%s\"", text_to_cstring(t)),
				 errdetail("%s", err),
				 errhint("An event reads like R 2023-04-03 2023-09-01 RC2 (doc/cin.md).")));
	}
	st->n += n;
	PG_RETURN_POINTER(st);
}

Datum
careleaver_cin_journey_agg_combine(PG_FUNCTION_ARGS)
{
	MemoryContext ctx;
	JourneyState *a;
	JourneyState *b;

	if (!AggCheckCallContext(fcinfo, &ctx))
		elog(ERROR, "cin_journey_agg_combine called in non-aggregate context");
	a = PG_ARGISNULL(0) ? NULL : (JourneyState *) PG_GETARG_POINTER(0);
	b = PG_ARGISNULL(1) ? NULL : (JourneyState *) PG_GETARG_POINTER(1);
	if (b == NULL)
		PG_RETURN_POINTER(a);
	a = state_reserve(ctx, a, b->n);
	memcpy(a->ev + a->n, b->ev, (Size) b->n * sizeof(cl_cin_event));
	a->n += b->n;
	PG_RETURN_POINTER(a);
}

/* Serial form: the events as they are in memory (int32 count, then the structs). */
Datum
careleaver_cin_journey_agg_serial(PG_FUNCTION_ARGS)
{
	JourneyState *st = (JourneyState *) PG_GETARG_POINTER(0);
	Size		size = VARHDRSZ + sizeof(int32) + (Size) st->n * sizeof(cl_cin_event);
	bytea	   *res = palloc(size);

	SET_VARSIZE(res, size);
	memcpy(VARDATA(res), &st->n, sizeof(int32));
	memcpy(VARDATA(res) + sizeof(int32), st->ev, (Size) st->n * sizeof(cl_cin_event));
	PG_RETURN_BYTEA_P(res);
}

Datum
careleaver_cin_journey_agg_deserial(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	MemoryContext ctx;
	JourneyState *st;
	int32		n;

	if (!AggCheckCallContext(fcinfo, &ctx))
		elog(ERROR, "cin_journey_agg_deserial called in non-aggregate context");
	if (VARSIZE_ANY_EXHDR(b) < sizeof(int32))
		ereport(ERROR, (errcode(ERRCODE_DATA_CORRUPTED), errmsg("corrupted cin_journey_agg state")));
	memcpy(&n, VARDATA_ANY(b), sizeof(int32));
	if (n < 0 || n > CL_CIN_MAX_EVENTS ||
		VARSIZE_ANY_EXHDR(b) != sizeof(int32) + (Size) n * sizeof(cl_cin_event))
		ereport(ERROR, (errcode(ERRCODE_DATA_CORRUPTED), errmsg("corrupted cin_journey_agg state")));
	st = state_reserve(ctx, NULL, n);
	memcpy(st->ev, VARDATA_ANY(b) + sizeof(int32), (Size) n * sizeof(cl_cin_event));
	st->n = n;
	PG_RETURN_POINTER(st);
}

Datum
careleaver_cin_journey_agg_final(PG_FUNCTION_ARGS)
{
	JourneyState *st;
	cl_cin_event *ev;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (JourneyState *) PG_GETARG_POINTER(0);
	/* sort a copy: the final function may run more than once over a state */
	ev = palloc(Max(st->n, 1) * sizeof(cl_cin_event));
	memcpy(ev, st->ev, (Size) st->n * sizeof(cl_cin_event));
	CHECK_FOR_INTERRUPTS();
	cl_cin_sort(ev, st->n);
	PG_RETURN_POINTER(journey_build(ev, st->n));
}

/* ---------------------------------------------------------------- measures */

static cl_date
date_value(DateADT d, const char *what)
{
	if (DATE_NOT_FINITE(d) || d < cl_date_from_ymd(1900, 1, 1) || d > cl_date_from_ymd(2100, 12, 31))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s is out of range for the CIN measures", what),
				 errhint("Dates must be finite, in the years 1900 to 2100.")));
	return (cl_date) d;
}

/* The dates of a date[] argument, NULLs left out, sorted. */
static cl_date *
holidays_arg(FunctionCallInfo fcinfo, int argno, int *n)
{
	ArrayType  *arr;
	Datum	   *elems;
	bool	   *nulls;
	int			count,
				k = 0;
	cl_date    *out;

	*n = 0;
	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return NULL;
	arr = PG_GETARG_ARRAYTYPE_P(argno);
	if (ARR_ELEMTYPE(arr) != DATEOID)
		elog(ERROR, "holidays must be a date[]");
	deconstruct_array(arr, DATEOID, sizeof(DateADT), true, TYPALIGN_INT, &elems, &nulls, &count);
	out = palloc(Max(count, 1) * sizeof(cl_date));
	for (int i = 0; i < count; i++)
	{
		DateADT		d;

		if (nulls[i])
			continue;
		d = DatumGetDateADT(elems[i]);
		if (DATE_NOT_FINITE(d))
			continue;
		out[k++] = (cl_date) d;
	}
	/* insertion sort is enough for the usual short, sorted list; qsort otherwise */
	for (int i = 1; i < k; i++)
	{
		cl_date		v = out[i];
		int			j = i - 1;

		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		while (j >= 0 && out[j] > v)
		{
			out[j + 1] = out[j];
			j--;
		}
		out[j + 1] = v;
	}
	*n = k;
	return out;
}

/* cin_working_days(from date, to date, holidays date[]) */
Datum
careleaver_cin_working_days(PG_FUNCTION_ARGS)
{
	cl_date		from = date_value(PG_GETARG_DATEADT(0), "the start date");
	cl_date		to = date_value(PG_GETARG_DATEADT(1), "the end date");
	int			nh;
	cl_date    *h = holidays_arg(fcinfo, 2, &nh);

	PG_RETURN_INT32(cl_cin_working_days(from, to, h, nh));
}

/* cin_year_counts(journey, year, holidays date[]): one child's counts for one collection year (OUT columns). */
Datum
careleaver_cin_year_counts(PG_FUNCTION_ARGS)
{
	int			n;
	const cl_cin_event *ev = cl_pg_cin_journey_arg(fcinfo, 0, &n);
	int32		year = PG_GETARG_INT32(1);
	int			nh;
	cl_date    *h;
	cl_cin_year c;
	TupleDesc	td;
	Datum		v[22];
	bool		nulls[22] = {0};
	int			k = 0;

	if (year < 1901 || year > 2100)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("collection year %d is out of range 1901 to 2100", year)));
	h = holidays_arg(fcinfo, 2, &nh);
	cl_cin_year_counts(ev, n, year, h, nh, &c);
	td = cl_row_type(fcinfo);
	v[k++] = Int32GetDatum(c.referrals);
	v[k++] = Int32GetDatum(c.rereferrals);
	v[k++] = Int32GetDatum(c.referrals_nfa);
	v[k++] = Int32GetDatum(c.referrals_not_in_need);
	v[k++] = Int32GetDatum(c.episodes_anypoint);
	v[k++] = Int32GetDatum(c.episodes_started);
	v[k++] = Int32GetDatum(c.episodes_ended);
	v[k++] = Int32GetDatum(c.episodes_at31);
	v[k++] = Int32GetDatum(c.assessments_completed);
	v[k++] = Int32GetDatum(c.assessments_timed);
	v[k++] = Int32GetDatum(c.assessments_within_45);
	v[k++] = Int32GetDatum(c.assessments_with_factor);
	v[k++] = Int32GetDatum(c.section47_started);
	v[k++] = Int32GetDatum(c.cpp_started);
	v[k++] = Int32GetDatum(c.cpp_subsequent);
	v[k++] = Int32GetDatum(c.cpp_subsequent_2y);
	v[k++] = Int32GetDatum(c.cpp_ended);
	v[k++] = Int32GetDatum(c.cpp_ended_2y);
	v[k++] = Int32GetDatum(c.cpp_at31);
	{
		Datum		bands[CL_CIN_DURATION_BANDS];

		for (int i = 0; i < CL_CIN_DURATION_BANDS; i++)
			bands[i] = Int32GetDatum(c.cpp_at31_band[i]);
		v[k++] = PointerGetDatum(construct_array(bands, CL_CIN_DURATION_BANDS, INT4OID, 4, true, TYPALIGN_INT));
	}
	if (td->natts != k)
		elog(ERROR, "cin_year_counts: result has %d columns, expected %d", td->natts, k);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(td, v, nulls)));
}

/* cin_factor_counts(journey, year): assessments completed in the year per factor, in cin_codes('cin_factor') order. */
Datum
careleaver_cin_factor_counts(PG_FUNCTION_ARGS)
{
	int			n;
	const cl_cin_event *ev = cl_pg_cin_journey_arg(fcinfo, 0, &n);
	int32		year = PG_GETARG_INT32(1);
	int			nf = cl_cin_code_count(CL_CIN_FACTOR);
	Datum	   *counts = palloc(nf * sizeof(Datum));

	if (year < 1901 || year > 2100)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("collection year %d is out of range 1901 to 2100", year)));
	for (int f = 0; f < nf; f++)
		counts[f] = Int32GetDatum(cl_cin_factor_count(ev, n, year, f));
	PG_RETURN_ARRAYTYPE_P(construct_array(counts, nf, INT4OID, 4, true, TYPALIGN_INT));
}

/* cin_codes(list text): the codes of a CIN code list, in order. */
Datum
careleaver_cin_codes(PG_FUNCTION_ARGS)
{
	char	   *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	int			list = cl_cin_list_by_name(name);
	int			nc;
	Datum	   *elems;

	if (list < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown CIN code list \"%s\"", name),
				 errhint("The lists are cin_referral_source, cin_primary_need, cin_closure_reason, cin_ethnicity, "
						 "cin_disability, cin_factor, cin_abuse_category, cin_sex, cin_upn_unknown, cin_boolean.")));
	nc = cl_cin_code_count((cl_cin_list) list);
	elems = palloc(Max(nc, 1) * sizeof(Datum));
	for (int i = 0; i < nc; i++)
		elems[i] = CStringGetTextDatum(cl_cin_code_at((cl_cin_list) list, i));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, nc, TEXTOID, -1, false, TYPALIGN_INT));
}

/* cin_code_valid_in_year(list text, code text, year integer): the code is of the list and valid in the year. */
Datum
careleaver_cin_code_valid_in_year(PG_FUNCTION_ARGS)
{
	char	   *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	text	   *code = PG_GETARG_TEXT_PP(1);
	int32		year = PG_GETARG_INT32(2);
	int			list = cl_cin_list_by_name(name);

	if (list < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown CIN code list \"%s\"", name),
				 errhint("The lists are those of careleaver.cin_codes (cin_sex, cin_factor, ...).")));
	PG_RETURN_BOOL(cl_cin_code_valid_in_year((cl_cin_list) list, VARDATA_ANY(code),
											 VARSIZE_ANY_EXHDR(code), year));
}

/* upn_check_letter(upn text): DfE's check letter of a UPN, NULL when characters 2 to 13 are not 12 digits. */
Datum
careleaver_upn_check_letter(PG_FUNCTION_ARGS)
{
	text	   *upn = PG_GETARG_TEXT_PP(0);
	char		letter = cl_upn_check_letter(VARDATA_ANY(upn), VARSIZE_ANY_EXHDR(upn));

	if (letter == 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(&letter, 1));
}
