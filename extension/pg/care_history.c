/*
 * care_history.c: the SQL type careleaver.care_history (text and binary I/O)
 * and its aggregates care_history_agg and care_history_merge.
 *
 * Glue only: the encoding, defects and text form are in core/history.c.
 */
#include "compat.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/memutils.h"

#include "codes.h"
#include "history.h"
#include "cl_history_glue.h"

PG_FUNCTION_INFO_V1(careleaver_care_history_in);
PG_FUNCTION_INFO_V1(careleaver_care_history_out);
PG_FUNCTION_INFO_V1(careleaver_care_history_recv);
PG_FUNCTION_INFO_V1(careleaver_care_history_send);
PG_FUNCTION_INFO_V1(careleaver_care_history_eq);
PG_FUNCTION_INFO_V1(careleaver_care_history_ne);
PG_FUNCTION_INFO_V1(careleaver_care_history_agg_sfunc);
PG_FUNCTION_INFO_V1(careleaver_care_history_merge_sfunc);
PG_FUNCTION_INFO_V1(careleaver_care_history_agg_final);
PG_FUNCTION_INFO_V1(careleaver_care_history_agg_combine);
PG_FUNCTION_INFO_V1(careleaver_care_history_agg_serial);
PG_FUNCTION_INFO_V1(careleaver_care_history_agg_deserial);

#define ERRBUF 256

cl_history
cl_pg_history_arg(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *v = PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));
	cl_history	h;
	char		err[ERRBUF];

	if (!cl_history_view(VARDATA(v), VARSIZE(v) - VARHDRSZ, &h, err, sizeof err))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid careleaver.care_history value"),
				 errdetail("%s", err)));
	return h;
}

/* An episode date (DECOM, DEC) or a date of birth: finite and in the years 1 to 9999, else 22008. */
static cl_date
episode_date(DateADT d, const char *what)
{
	if (DATE_NOT_FINITE(d) || !cl_history_date_ok(d))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s is out of range for a care history: \"%s\"", what,
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)))),
				 errhint("Dates must be finite and in the years 1 to 9999.")));
	return d;
}

static cl_date
episode_date_arg(FunctionCallInfo fcinfo, int argno, const char *what)
{
	return episode_date(PG_GETARG_DATEADT(argno), what);
}

cl_date
cl_pg_birth_date(DateADT d)
{
	return episode_date(d, "date of birth");
}

cl_date
cl_pg_birth_date_arg(FunctionCallInfo fcinfo, int argno)
{
	return cl_pg_birth_date(PG_GETARG_DATEADT(argno));
}

cl_date
cl_pg_date_arg(FunctionCallInfo fcinfo, int argno, const char *what)
{
	DateADT		d = PG_GETARG_DATEADT(argno);

	if (DATE_IS_NOBEGIN(d) || (!DATE_NOT_FINITE(d) && d < cl_history_min_date()))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s is out of range for a care history: \"%s\"", what,
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)))),
				 errhint("Dates must be in the year 1 or later.")));
	/* 'infinity' and dates after the last collection year a history reaches */
	return cl_eval_date_clamp(DATE_IS_NOEND(d) ? PG_INT32_MAX : d);
}

/*
 * The error for a history that would pass CL_HISTORY_MAX_EPISODES (raised
 * before any state holds more).
 */
#define HISTORY_LIMIT_ERROR(episodes) \
	(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED), \
	 errmsg("a care history cannot hold %lld episodes", (long long) (episodes)), \
	 errdetail("One careleaver.care_history holds at most %d episodes (doc/history.md, \"Limits\").", \
			   (int) CL_HISTORY_MAX_EPISODES), \
	 errhint("A history is one child's episodes: group the rows by child (GROUP BY la, child)."))

void
cl_pg_history_limit_error(int64 episodes)
{
	ereport(ERROR, HISTORY_LIMIT_ERROR(episodes));
}

/* ---------------------------------------------------------------- text */

Datum
careleaver_care_history_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	size_t		len = strlen(str);
	int32		max = cl_history_text_max_episodes(str, len);
	int32		n,
				missing;
	char		err[ERRBUF];
	struct varlena *res;
	char	   *payload;
	cl_episode *ep;
	uint8		flags;

	/* items: the episodes and at most one missing_decom=N */
	if (max > CL_HISTORY_MAX_EPISODES + 1)
		CL_INPUT_ERROR(HISTORY_LIMIT_ERROR(max - 1));
	res = palloc(VARHDRSZ + cl_history_payload_size(max));
	payload = VARDATA(res);
	ep = (cl_episode *) (payload + CL_HISTORY_HEADER_SIZE);
	if (!cl_history_parse(str, len, ep, max, &n, &missing, err, sizeof err))
		CL_INPUT_ERROR((errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type careleaver.care_history: \"%s\"", str),
						errdetail("%s", err),
						errhint("A care history reads like {2019-04-01/2019-06-03 S C2 U4 X1; 2019-06-03/ L C1 U4}.")));
	if (n > CL_HISTORY_MAX_EPISODES)
		CL_INPUT_ERROR(HISTORY_LIMIT_ERROR(n));
	flags = cl_history_build(ep, n, missing);
	cl_history_write_header(payload, n, missing, flags);
	SET_VARSIZE(res, VARHDRSZ + cl_history_payload_size(n));
	PG_RETURN_POINTER(res);
}

Datum
careleaver_care_history_out(PG_FUNCTION_ARGS)
{
	cl_history	h = cl_pg_history_arg(fcinfo, 0);
	char	   *out = palloc(cl_history_text_size(&h));

	cl_history_format(&h, out);
	PG_RETURN_CSTRING(out);
}

/* ---------------------------------------------------------------- binary */

/*
 * Binary form: version byte, int32 episodes, int32 rows without DECOM, then
 * per episode int32 DECOM, int32 DEC (2147483647 when open) and seven code
 * indexes as bytes (RNE LS PLACE REC CIN PLACE_PROVIDER REASON_PLACE_CHANGE).
 */
#define CL_SEND_EPISODE_SIZE 15

Datum
careleaver_care_history_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	int32		n,
				missing;
	struct varlena *res;
	char	   *payload;
	cl_episode *ep;
	char		err[ERRBUF];

	if (version != CL_HISTORY_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external careleaver.care_history value"),
				 errdetail("Unknown version %d.", version)));
	n = (int32) pq_getmsgint(buf, 4);
	missing = (int32) pq_getmsgint(buf, 4);
	if (n > CL_HISTORY_MAX_EPISODES && (int64) n * CL_SEND_EPISODE_SIZE <= (int64) (buf->len - buf->cursor))
		cl_pg_history_limit_error(n);
	if (n < 0 || n > CL_HISTORY_MAX_EPISODES ||
		(int64) n * CL_SEND_EPISODE_SIZE > (int64) (buf->len - buf->cursor))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external careleaver.care_history value"),
				 errdetail("Bad number of episodes %d.", n)));
	res = palloc0(VARHDRSZ + cl_history_payload_size(n));
	payload = VARDATA(res);
	ep = (cl_episode *) (payload + CL_HISTORY_HEADER_SIZE);
	for (int32 i = 0; i < n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		ep[i].decom = (int32) pq_getmsgint(buf, 4);
		ep[i].dec = (int32) pq_getmsgint(buf, 4);
		ep[i].rne = pq_getmsgbyte(buf);
		ep[i].ls = pq_getmsgbyte(buf);
		ep[i].place = pq_getmsgbyte(buf);
		ep[i].rec = pq_getmsgbyte(buf);
		ep[i].cin = pq_getmsgbyte(buf);
		ep[i].provider = pq_getmsgbyte(buf);
		ep[i].rpc = pq_getmsgbyte(buf);
	}
	if (!cl_history_validate(ep, n, missing, err, sizeof err))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external careleaver.care_history value"),
				 errdetail("%s", err)));
	cl_history_write_header(payload, n, missing, cl_history_build(ep, n, missing));
	SET_VARSIZE(res, VARHDRSZ + cl_history_payload_size(n));
	PG_RETURN_POINTER(res);
}

Datum
careleaver_care_history_send(PG_FUNCTION_ARGS)
{
	cl_history	h = cl_pg_history_arg(fcinfo, 0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, CL_HISTORY_VERSION);
	pq_sendint32(&buf, h.n);
	pq_sendint32(&buf, h.missing_decom);
	for (int32 i = 0; i < h.n; i++)
	{
		const cl_episode *e = &h.ep[i];

		CHECK_FOR_INTERRUPTS();
		pq_sendint32(&buf, e->decom);
		pq_sendint32(&buf, e->dec);
		pq_sendbyte(&buf, e->rne);
		pq_sendbyte(&buf, e->ls);
		pq_sendbyte(&buf, e->place);
		pq_sendbyte(&buf, e->rec);
		pq_sendbyte(&buf, e->cin);
		pq_sendbyte(&buf, e->provider);
		pq_sendbyte(&buf, e->rpc);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------------------------------------------------------------- equality */

/*
 * Two histories are equal when they hold the same episodes and the same count
 * of rows without DECOM.  The stored form is canonical (sorted, defect bits
 * derived), so this is a comparison of the payloads.
 */
static bool
history_equal(FunctionCallInfo fcinfo)
{
	cl_history	a = cl_pg_history_arg(fcinfo, 0);
	cl_history	b = cl_pg_history_arg(fcinfo, 1);

	return a.n == b.n && a.missing_decom == b.missing_decom &&
		(a.n == 0 || memcmp(a.ep, b.ep, a.n * sizeof(cl_episode)) == 0);
}

Datum
careleaver_care_history_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(history_equal(fcinfo));
}

Datum
careleaver_care_history_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!history_equal(fcinfo));
}

/* ---------------------------------------------------------------- aggregates */

/*
 * Transition state: the rows as they come, in the aggregate's memory context,
 * in one allocation that grows (so the functions return the state's possibly
 * new address).  Capacities 3, 7, 15, ... make each size a power of two, the
 * sizes the allocator hands out anyway: 64 bytes for up to 3 episodes; the
 * last step stops at CL_HISTORY_MAX_EPISODES, so the state holds exactly the
 * documented maximum and the next episode is an error.  The count of rows
 * without DECOM saturates (cl_missing_decom_add).
 */
typedef struct HistState
{
	int32		n;
	int32		cap;
	int32		missing;
	int32		unused;
	cl_episode	ep[FLEXIBLE_ARRAY_MEMBER];
} HistState;

#define CL_STATE_SIZE(cap) (offsetof(HistState, ep) + (Size) (cap) * sizeof(cl_episode))

/* The capacity to grow to from cap for need episodes (need <= the maximum). */
static int64
grown_capacity(int64 cap, int64 need)
{
	if (need > CL_HISTORY_MAX_EPISODES)
		cl_pg_history_limit_error(need);
	while (cap < need)
		cap = cap * 2 + 1;
	return Min(cap, CL_HISTORY_MAX_EPISODES);
}

static HistState *
state_new(MemoryContext ctx, int64 need)
{
	int64		cap = grown_capacity(3, need);
	HistState  *st;

	st = MemoryContextAlloc(ctx, CL_STATE_SIZE(cap));
	st->n = 0;
	st->cap = (int32) cap;
	st->missing = 0;
	st->unused = 0;
	return st;
}

/* Room for more episodes; returns the state, which may have moved. */
static HistState *
state_reserve(HistState *st, int64 more)
{
	int64		need = (int64) st->n + more;
	int64		cap = st->cap;

	if (need <= cap)
		return st;
	CHECK_FOR_INTERRUPTS();		/* before copying a large state */
	cap = grown_capacity(cap, need);
	st = repalloc(st, CL_STATE_SIZE(cap));	/* stays in its memory context */
	st->cap = (int32) cap;
	return st;
}

static HistState *
state_get(FunctionCallInfo fcinfo, MemoryContext *ctx, const char *name)
{
	if (!AggCheckCallContext(fcinfo, ctx))
		elog(ERROR, "%s called in non-aggregate context", name);
	if (PG_ARGISNULL(0))
		return state_new(*ctx, 1);
	return (HistState *) PG_GETARG_POINTER(0);
}

/* The code lists of the aggregate's arguments 3 to 9, and their sizes, looked up once per call site. */
static const cl_code_list arg_lists[7] = {
	CL_LIST_NEW_EPISODE_REASON, CL_LIST_LEGAL_STATUS, CL_LIST_PLACEMENT_TYPE, CL_LIST_CEASED_REASON,
	CL_LIST_NEED_CATEGORY, CL_LIST_PLACEMENT_PROVIDER, CL_LIST_PLACEMENT_CHANGE_REASON
};

typedef struct ArgCodes
{
	int			count[7];
} ArgCodes;

static ArgCodes *
arg_codes(FunctionCallInfo fcinfo)
{
	ArgCodes   *ac = fcinfo->flinfo->fn_extra;

	if (ac == NULL)
	{
		ac = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(ArgCodes));
		for (int k = 0; k < 7; k++)
			ac->count[k] = Min(cl_code_count(arg_lists[k]), 255);
		fcinfo->flinfo->fn_extra = ac;
	}
	return ac;
}

/* Code argument argno (3 to 9) as its index; 0 when NULL or not passed. */
static inline uint8
code_arg(FunctionCallInfo fcinfo, const ArgCodes *ac, int argno)
{
	int			v;

	if (argno >= PG_NARGS() || PG_ARGISNULL(argno))
		return 0;
	v = PG_GETARG_INT16(argno);
	if (unlikely(v < 1 || v > ac->count[argno - 3]))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid careleaver.%s value (index %d)", cl_list_type_name(arg_lists[argno - 3]), v)));
	return (uint8) v;
}

/*
 * care_history_agg(decom, dec, rne, ls, place, rec [, cin, place_provider,
 * reason_place_change]): not strict, so that rows without DECOM are counted.
 */
Datum
careleaver_care_history_agg_sfunc(PG_FUNCTION_ARGS)
{
	MemoryContext ctx;
	HistState  *st = state_get(fcinfo, &ctx, "care_history_agg");
	const ArgCodes *ac;
	cl_episode *e;

	if (PG_ARGISNULL(1))
	{
		st->missing = cl_missing_decom_add(st->missing, 1);
		PG_RETURN_POINTER(st);
	}
	st = state_reserve(st, 1);
	e = &st->ep[st->n];
	e->decom = episode_date_arg(fcinfo, 1, "episode start date (DECOM)");
	e->dec = PG_ARGISNULL(2) ? CL_DATE_OPEN : episode_date_arg(fcinfo, 2, "episode end date (DEC)");
	ac = arg_codes(fcinfo);
	e->rne = code_arg(fcinfo, ac, 3);
	e->ls = code_arg(fcinfo, ac, 4);
	e->place = code_arg(fcinfo, ac, 5);
	e->rec = code_arg(fcinfo, ac, 6);
	e->cin = code_arg(fcinfo, ac, 7);
	e->provider = code_arg(fcinfo, ac, 8);
	e->rpc = code_arg(fcinfo, ac, 9);
	e->flags = 0;
	st->n++;
	PG_RETURN_POINTER(st);
}

static void
state_add_missing(HistState *st, int64 missing)
{
	st->missing = cl_missing_decom_add(st->missing, missing);
}

/* care_history_merge(care_history): pools histories (e.g. from several sources). */
Datum
careleaver_care_history_merge_sfunc(PG_FUNCTION_ARGS)
{
	MemoryContext ctx;
	HistState  *st = state_get(fcinfo, &ctx, "care_history_merge");
	cl_history	h;

	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(st);
	h = cl_pg_history_arg(fcinfo, 1);
	st = state_reserve(st, h.n);
	if (h.n > 0)
		memcpy(st->ep + st->n, h.ep, h.n * sizeof(cl_episode));
	st->n += h.n;
	state_add_missing(st, h.missing_decom);
	PG_RETURN_POINTER(st);
}

/* Sorts and checks a copy of the rows; the state itself is left as it is. */
Datum
careleaver_care_history_agg_final(PG_FUNCTION_ARGS)
{
	HistState  *st;
	struct varlena *res;
	char	   *payload;
	cl_episode *ep;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (HistState *) PG_GETARG_POINTER(0);
	res = palloc(VARHDRSZ + cl_history_payload_size(st->n));
	SET_VARSIZE(res, VARHDRSZ + cl_history_payload_size(st->n));
	payload = VARDATA(res);
	ep = (cl_episode *) (payload + CL_HISTORY_HEADER_SIZE);
	if (st->n > 0)
		memcpy(ep, st->ep, st->n * sizeof(cl_episode));
	cl_history_write_header(payload, st->n, st->missing, cl_history_build(ep, st->n, st->missing));
	PG_RETURN_POINTER(res);
}

Datum
careleaver_care_history_agg_combine(PG_FUNCTION_ARGS)
{
	MemoryContext ctx;
	HistState  *a,
			   *b;

	if (!AggCheckCallContext(fcinfo, &ctx))
		elog(ERROR, "care_history_agg_combine called in non-aggregate context");
	a = PG_ARGISNULL(0) ? NULL : (HistState *) PG_GETARG_POINTER(0);
	b = PG_ARGISNULL(1) ? NULL : (HistState *) PG_GETARG_POINTER(1);
	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = state_new(ctx, b->n);
	else
		a = state_reserve(a, b->n);
	if (b->n > 0)
		memcpy(a->ep + a->n, b->ep, b->n * sizeof(cl_episode));
	a->n += b->n;
	state_add_missing(a, b->missing);
	PG_RETURN_POINTER(a);
}

/* Serial form: int32 n, int32 missing, the raw episodes (same machine). */
Datum
careleaver_care_history_agg_serial(PG_FUNCTION_ARGS)
{
	HistState  *st = (HistState *) PG_GETARG_POINTER(0);
	Size		size = VARHDRSZ + 8 + (Size) st->n * sizeof(cl_episode);
	bytea	   *res = palloc(size);
	char	   *p = VARDATA(res);

	SET_VARSIZE(res, size);
	memcpy(p, &st->n, 4);
	memcpy(p + 4, &st->missing, 4);
	if (st->n > 0)
		memcpy(p + 8, st->ep, st->n * sizeof(cl_episode));
	PG_RETURN_BYTEA_P(res);
}

Datum
careleaver_care_history_agg_deserial(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	const char *p = VARDATA_ANY(b);
	Size		len = VARSIZE_ANY_EXHDR(b);
	MemoryContext ctx;
	HistState  *st;
	int32		n,
				missing;

	if (!AggCheckCallContext(fcinfo, &ctx))
		elog(ERROR, "care_history_agg_deserial called in non-aggregate context");
	if (len < 8)
		elog(ERROR, "invalid care_history_agg state");
	memcpy(&n, p, 4);
	memcpy(&missing, p + 4, 4);
	if (n < 0 || n > CL_HISTORY_MAX_EPISODES || missing < 0 ||
		len != 8 + (Size) n * sizeof(cl_episode))
		elog(ERROR, "invalid care_history_agg state");
	/* in the per-call context: the combine function copies what it keeps */
	st = state_new(CurrentMemoryContext, n);
	st->missing = missing;
	if (n > 0)
		memcpy(st->ep, p + 8, n * sizeof(cl_episode));
	st->n = n;
	PG_RETURN_POINTER(st);
}
