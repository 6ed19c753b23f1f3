/*
 * history_funcs.c: functions over careleaver.care_history: care-leaver
 * status and its explanation, looked_after_on, days_looked_after, the
 * episodes / periods_of_care / placements / carer_spells / history_defects
 * set-returning functions and small accessors.
 *
 * Glue only: the rules are in core/status.c and core/periods.c.
 */
#include "compat.h"
#include "srf.h"

#include "access/htup_details.h"
#include "catalog/pg_enum.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

#include "codes.h"
#include "history.h"
#include "periods.h"
#include "status.h"
#include "cl_history_glue.h"

PG_FUNCTION_INFO_V1(careleaver_leaver_status);
PG_FUNCTION_INFO_V1(careleaver_leaver_status_explain);
PG_FUNCTION_INFO_V1(careleaver_looked_after_on);
PG_FUNCTION_INFO_V1(careleaver_days_looked_after);
PG_FUNCTION_INFO_V1(careleaver_episodes);
PG_FUNCTION_INFO_V1(careleaver_periods_of_care);
PG_FUNCTION_INFO_V1(careleaver_placements);
PG_FUNCTION_INFO_V1(careleaver_carer_spells);
PG_FUNCTION_INFO_V1(careleaver_history_defects);
PG_FUNCTION_INFO_V1(careleaver_episode_count);
PG_FUNCTION_INFO_V1(careleaver_first_entry);
PG_FUNCTION_INFO_V1(careleaver_has_defects);

/* ---------------------------------------------------------------- status */

/* The enum's label OIDs, looked up once per call site. */
typedef struct StatusEnum
{
	Oid			label[5];		/* index cl_leaver_status; [0] unused */
} StatusEnum;

static StatusEnum *
status_enum(FunctionCallInfo fcinfo)
{
	StatusEnum *se = fcinfo->flinfo->fn_extra;

	if (se == NULL)
	{
		Oid			enumtype = get_func_rettype(fcinfo->flinfo->fn_oid);

		se = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(StatusEnum));
		for (int s = CL_LEAVER_ELIGIBLE; s <= CL_LEAVER_QUALIFYING; s++)
		{
			const char *name = cl_leaver_status_name((cl_leaver_status) s);
			HeapTuple	tup = SearchSysCache2(ENUMTYPOIDNAME, ObjectIdGetDatum(enumtype),
											  CStringGetDatum(name));

			if (!HeapTupleIsValid(tup))
				elog(ERROR, "label \"%s\" of enum careleaver.leaver_category not found", name);
			se->label[s] = ((Form_pg_enum) GETSTRUCT(tup))->oid;
			ReleaseSysCache(tup);
		}
		fcinfo->flinfo->fn_extra = se;
	}
	return se;
}

Datum
careleaver_leaver_status(PG_FUNCTION_ARGS)
{
	cl_history	h = cl_pg_history_arg(fcinfo, 0);
	cl_date		dob = cl_pg_birth_date_arg(fcinfo, 1);
	cl_date		at = cl_pg_date_arg(fcinfo, 2, "status date");
	cl_leaver_status s = cl_leaver_status_at(&h, dob, at, NULL);

	if (s == CL_LEAVER_NONE)
		PG_RETURN_NULL();
	PG_RETURN_OID(status_enum(fcinfo)->label[s]);
}

static const char *const rule_text[10] = {
	NULL,
	"aged under 16, or 25 and over: no status",
	"looked after on the date: eligible at 16 or 17 when looked after 13 weeks since 14 and after 16 (counting the date); former relevant at 18 or over when that held on the 18th birthday",
	"no period of care ended on or before the date",
	"the last period of care ended by adoption, death or transfer to another authority",
	"the last period of care ended by a special guardianship order: qualifying under 21 (never relevant)",
	"returned home (or child arrangements order) six months or more before the date and before 18: qualifying under 21 when looked after after 16",
	"eligible when care ended: relevant at 16 or 17, former relevant at 18 to 24",
	"looked after after 16 but not eligible: qualifying under 21",
	"none of the rules applies"
};

static void
json_date(StringInfo b, const char *key, cl_date d, bool present)
{
	int			y,
				m,
				dd;

	appendStringInfo(b, "\"%s\": ", key);
	if (!present || d == CL_DATE_OPEN)
	{
		appendStringInfoString(b, "null");
		return;
	}
	/* ISO 8601 whatever DateStyle says; years past 9999 (a 25th birthday) in full */
	cl_date_to_ymd(d, &y, &m, &dd);
	appendStringInfo(b, "\"%04d-%02d-%02d\"", y, m, dd);
}

Datum
careleaver_leaver_status_explain(PG_FUNCTION_ARGS)
{
	cl_history	h = cl_pg_history_arg(fcinfo, 0);
	cl_date		dob = cl_pg_birth_date_arg(fcinfo, 1);
	cl_date		at = cl_pg_date_arg(fcinfo, 2, "status date");
	cl_status_explain x;
	StringInfoData b;
	const char *name;

	cl_leaver_status_at(&h, dob, at, &x);
	name = cl_leaver_status_name(x.status);
	initStringInfo(&b);
	appendStringInfoChar(&b, '{');
	if (name)
		appendStringInfo(&b, "\"status\": \"%s\", ", name);
	else
		appendStringInfoString(&b, "\"status\": null, ");
	appendStringInfo(&b, "\"rule\": %d, ", x.rule);
	appendStringInfoString(&b, "\"rule_text\": ");
	escape_json(&b, rule_text[x.rule]);
	appendStringInfoString(&b, ", ");
	json_date(&b, "date", at, true);
	appendStringInfoString(&b, ", ");
	json_date(&b, "date_of_birth", dob, true);
	appendStringInfo(&b, ", \"age\": %d, \"birthdays\": {", x.age);
	json_date(&b, "14", x.b14, true);
	appendStringInfoString(&b, ", ");
	json_date(&b, "16", x.b16, true);
	appendStringInfoString(&b, ", ");
	json_date(&b, "18", x.b18, true);
	appendStringInfoString(&b, ", ");
	json_date(&b, "21", x.b21, true);
	appendStringInfoString(&b, ", ");
	json_date(&b, "25", x.b25, true);
	appendStringInfo(&b, "}, \"looked_after_on_date\": %s", x.rule >= 2 ? (x.looked_after ? "true" : "false") : "null");
	if (x.eligibility_tested)
	{
		appendStringInfoString(&b, ", \"eligibility\": {");
		json_date(&b, "counted_before", x.eligible_at, true);
		appendStringInfo(&b, ", \"days_since_14\": " INT64_FORMAT ", \"days_since_16\": " INT64_FORMAT
						 ", \"eligible\": %s}", x.days14, x.days16, x.eligible ? "true" : "false");
	}
	else
		appendStringInfoString(&b, ", \"eligibility\": null");
	appendStringInfoString(&b, ", ");
	json_date(&b, "last_period_end", x.left_on, x.has_left);
	appendStringInfoString(&b, ", \"last_period_end_reason\": ");
	if (x.has_left && !x.left_reason_unknown)
		appendStringInfo(&b, "\"%s\"", cl_code_text(CL_LIST_CEASED_REASON, x.left_reason));
	else
		appendStringInfoString(&b, "null");
	appendStringInfo(&b, ", \"last_period_end_reason_unknown\": %s",
					 x.has_left ? (x.left_reason_unknown ? "true" : "false") : "null");
	appendStringInfoString(&b, ", ");
	json_date(&b, "home_six_months_on", x.home_six_months, x.home_six_months_tested);
	appendStringInfoChar(&b, '}');
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(b.data)));
}

Datum
careleaver_looked_after_on(PG_FUNCTION_ARGS)
{
	cl_history	h = cl_pg_history_arg(fcinfo, 0);
	cl_date		at = cl_pg_date_arg(fcinfo, 1, "date");

	PG_RETURN_BOOL(cl_history_looked_after_on(&h, at));
}

Datum
careleaver_days_looked_after(PG_FUNCTION_ARGS)
{
	cl_history	h = cl_pg_history_arg(fcinfo, 0);
	cl_date		from = cl_pg_date_arg(fcinfo, 1, "start of the window");
	cl_date		to = cl_pg_date_arg(fcinfo, 2, "end of the window");

	PG_RETURN_INT32((int32) cl_history_days(&h, from, to));
}

Datum
careleaver_episode_count(PG_FUNCTION_ARGS)
{
	cl_history	h = cl_pg_history_arg(fcinfo, 0);

	PG_RETURN_INT32(h.n);
}

Datum
careleaver_first_entry(PG_FUNCTION_ARGS)
{
	cl_history	h = cl_pg_history_arg(fcinfo, 0);

	for (int32 i = 0; i < h.n; i++)
		if (cl_episode_is_care(&h.ep[i]))
			PG_RETURN_DATEADT(h.ep[i].decom);
	PG_RETURN_NULL();
}

Datum
careleaver_has_defects(PG_FUNCTION_ARGS)
{
	cl_history	h = cl_pg_history_arg(fcinfo, 0);

	PG_RETURN_BOOL(h.flags != 0);
}

/* ---------------------------------------------------------------- set-returning */

/*
 * Every SRF below computes its rows on the first call into rows of Datums
 * (in the multi-call context) and returns them one per call.
 */
typedef struct SrfRows
{
	int			ncols;
	int			nrows;
	Datum	   *values;			/* nrows * ncols */
	bool	   *nulls;
} SrfRows;

static SrfRows *
srf_rows(int ncols, int maxrows)
{
	SrfRows    *r = palloc(sizeof(SrfRows));

	r->ncols = ncols;
	r->nrows = 0;
	r->values = palloc0(sizeof(Datum) * ncols * (maxrows > 0 ? maxrows : 1));
	r->nulls = palloc0(sizeof(bool) * ncols * (maxrows > 0 ? maxrows : 1));
	return r;
}

#define SET(r, row, col, v) ((r)->values[(row) * (r)->ncols + (col)] = (v))
#define SETNULL(r, row, col) ((r)->nulls[(row) * (r)->ncols + (col)] = true)

static void
set_code(SrfRows *r, int row, int col, int code)
{
	if (code == 0)
		SETNULL(r, row, col);
	else
		SET(r, row, col, Int16GetDatum((int16) code));
}

static void
set_end(SrfRows *r, int row, int col, cl_date d)
{
	if (d == CL_DATE_OPEN)
		SETNULL(r, row, col);
	else
		SET(r, row, col, DateADTGetDatum(d));
}

static void
set_days(SrfRows *r, int row, int col, cl_date start, cl_date end)
{
	if (end == CL_DATE_OPEN)
		SETNULL(r, row, col);
	else
		SET(r, row, col, Int32GetDatum(end - start));
}

typedef SrfRows *(*srf_builder) (FunctionCallInfo fcinfo, cl_history *h);

static Datum
srf_run(FunctionCallInfo fcinfo, srf_builder build)
{
	cl_srf		srf;
	cl_history	h;
	SrfRows    *r;

	cl_srf_begin(fcinfo, &srf);
	h = cl_pg_history_arg(fcinfo, 0);
	r = build(fcinfo, &h);
	for (int row = 0; row < r->nrows; row++)
		cl_srf_put(&srf, r->values + row * r->ncols, r->nulls + row * r->ncols);
	return (Datum) 0;
}

/*
 * episodes(h): episode_no, decom, dec, rne, ls, place, rec, cin,
 * place_provider, reason_place_change, short_break, defects text[]
 */
static SrfRows *
build_episodes(FunctionCallInfo fcinfo, cl_history *h)
{
	SrfRows    *r = srf_rows(12, h->n);

	for (int32 i = 0; i < h->n; i++)
	{
		const cl_episode *e = &h->ep[i];
		Datum		names[8];
		int			nd = 0;

		CHECK_FOR_INTERRUPTS();
		SET(r, i, 0, Int32GetDatum(i + 1));
		SET(r, i, 1, DateADTGetDatum(e->decom));
		set_end(r, i, 2, e->dec);
		set_code(r, i, 3, e->rne);
		set_code(r, i, 4, e->ls);
		set_code(r, i, 5, e->place);
		set_code(r, i, 6, e->rec);
		set_code(r, i, 7, e->cin);
		set_code(r, i, 8, e->provider);
		set_code(r, i, 9, e->rpc);
		SET(r, i, 10, BoolGetDatum(cl_ls_is_short_break(e->ls)));
		for (int bit = 1; bit <= CL_DEFECT_EPISODE_MASK; bit <<= 1)
			if (e->flags & bit)
				names[nd++] = CStringGetTextDatum(cl_defect_name((uint8) bit));
		SET(r, i, 11, PointerGetDatum(construct_array(names, nd, TEXTOID, -1, false, TYPALIGN_INT)));
		r->nrows++;
	}
	return r;
}

Datum
careleaver_episodes(PG_FUNCTION_ARGS)
{
	return srf_run(fcinfo, build_episodes);
}

/*
 * periods_of_care(h): period_no, start_date, end_date, end_reason,
 * end_reason_unknown, episodes, days
 */
static SrfRows *
build_periods(FunctionCallInfo fcinfo, cl_history *h)
{
	cl_period  *p = palloc(sizeof(cl_period) * (h->n > 0 ? h->n : 1));
	int32		np = cl_history_periods(h, p);
	SrfRows    *r = srf_rows(7, np);

	for (int32 i = 0; i < np; i++)
	{
		CHECK_FOR_INTERRUPTS();
		SET(r, i, 0, Int32GetDatum(i + 1));
		SET(r, i, 1, DateADTGetDatum(p[i].start));
		set_end(r, i, 2, p[i].end);
		set_code(r, i, 3, p[i].end_reason);
		SET(r, i, 4, BoolGetDatum(p[i].reason_unknown));
		SET(r, i, 5, Int32GetDatum(p[i].episodes));
		set_days(r, i, 6, p[i].start, p[i].end);
		r->nrows++;
	}
	return r;
}

Datum
careleaver_periods_of_care(PG_FUNCTION_ARGS)
{
	return srf_run(fcinfo, build_periods);
}

/* placements(h) and carer_spells(h): n, period_no, start_date, end_date, place, episodes, days */
static SrfRows *
build_spells(FunctionCallInfo fcinfo, cl_history *h, bool placements)
{
	cl_period  *p = palloc(sizeof(cl_period) * (h->n > 0 ? h->n : 1));
	cl_spell   *s = palloc(sizeof(cl_spell) * (h->n > 0 ? h->n : 1));
	int32		np = cl_history_periods(h, p);
	int32		ns = placements ? cl_history_placements(h, p, np, s)
		: cl_history_carer_spells(h, p, np, s);
	SrfRows    *r = srf_rows(7, ns);

	for (int32 i = 0; i < ns; i++)
	{
		CHECK_FOR_INTERRUPTS();
		SET(r, i, 0, Int32GetDatum(i + 1));
		SET(r, i, 1, Int32GetDatum(s[i].period + 1));
		SET(r, i, 2, DateADTGetDatum(s[i].start));
		set_end(r, i, 3, s[i].end);
		set_code(r, i, 4, s[i].place);
		SET(r, i, 5, Int32GetDatum(s[i].episodes));
		set_days(r, i, 6, s[i].start, s[i].end);
		r->nrows++;
	}
	return r;
}

static SrfRows *
build_placements(FunctionCallInfo fcinfo, cl_history *h)
{
	return build_spells(fcinfo, h, true);
}

static SrfRows *
build_carer_spells(FunctionCallInfo fcinfo, cl_history *h)
{
	return build_spells(fcinfo, h, false);
}

Datum
careleaver_placements(PG_FUNCTION_ARGS)
{
	return srf_run(fcinfo, build_placements);
}

Datum
careleaver_carer_spells(PG_FUNCTION_ARGS)
{
	return srf_run(fcinfo, build_carer_spells);
}

/* history_defects(h): episode_no, decom, dec, defect, detail */
static SrfRows *
build_defects(FunctionCallInfo fcinfo, cl_history *h)
{
	int			count = h->missing_decom > 0 ? 1 : 0;
	SrfRows    *r;

	for (int32 i = 0; i < h->n; i++)
		for (int bit = 1; bit <= CL_DEFECT_EPISODE_MASK; bit <<= 1)
			if (h->ep[i].flags & bit)
				count++;
	r = srf_rows(5, count);
	for (int32 i = 0; i < h->n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		for (int bit = 1; bit <= CL_DEFECT_EPISODE_MASK; bit <<= 1)
			if (h->ep[i].flags & bit)
			{
				int			row = r->nrows++;

				SET(r, row, 0, Int32GetDatum(i + 1));
				SET(r, row, 1, DateADTGetDatum(h->ep[i].decom));
				set_end(r, row, 2, h->ep[i].dec);
				SET(r, row, 3, CStringGetTextDatum(cl_defect_name((uint8) bit)));
				SET(r, row, 4, CStringGetTextDatum(cl_defect_description((uint8) bit)));
			}
	}
	if (h->missing_decom > 0)
	{
		int			row = r->nrows++;

		SETNULL(r, row, 0);
		SETNULL(r, row, 1);
		SETNULL(r, row, 2);
		SET(r, row, 3, CStringGetTextDatum(cl_defect_name(CL_DEFECT_MISSING_DECOM)));
		SET(r, row, 4, CStringGetTextDatum(psprintf("%d input row%s without a start date (DECOM) left out of the history",
													h->missing_decom, h->missing_decom == 1 ? "" : "s")));
	}
	return r;
}

Datum
careleaver_history_defects(PG_FUNCTION_ARGS)
{
	return srf_run(fcinfo, build_defects);
}
