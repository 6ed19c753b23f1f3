/*
 * survival.c: the careleaver.survival and careleaver.competing_risks types,
 * their aggregates and estimator functions (glue over core/survival.c).
 *
 * A value is a varlena whose data is a cl_surv_state (version byte first).
 * The aggregates' state type is the value type itself, not internal, so that
 * partial states can travel between parallel workers, partitions and
 * servers, and be merged by km_merge / cif_merge.  PostgreSQL forbids
 * serial/deserial functions unless the state type is internal; the combine
 * function is all a parallel plan needs.
 *
 * Speed: when called as an aggregate (AggCheckCallContext), the transition
 * and combine functions modify their first argument in place: the state
 * keeps spare room and an unsorted tail (see survival.h), grows by doubling
 * into a new buffer when full (the executor then copies it into the
 * aggregate context and frees the old one), and the final function returns
 * a compact canonical copy.  Outside an aggregate they never modify their
 * arguments.  Every reader accepts a state with a tail (a partial state
 * reaching it from a worker) and canonicalises a copy first.
 */
#include "compat.h"
#include "srf.h"

#include "access/htup_details.h"
#include "fmgr.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include <math.h>

#include "survival.h"

#define STATE(v)	((cl_surv_state *) VARDATA(v))

static const char *
type_name(int kind)
{
	return kind == CL_SURV_KIND_KM ? "careleaver.survival" : "careleaver.competing_risks";
}

/* The state inside a (detoasted) value, after a structural check. */
static cl_surv_state *
state_of(struct varlena *v, int kind)
{
	cl_surv_state *s = STATE(v);

	if (!cl_surv_sane(s, kind, VARSIZE(v) - VARHDRSZ))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid %s value: unknown version or corrupt layout", type_name(kind))));
	return s;
}

/* The error for a value that would hold more than CL_SURV_MAX_ENTRIES entries. */
static void limit_error(int kind, int64 entries) pg_attribute_noreturn();

#define SURV_LIMIT_ERROR(kind, entries) \
	(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED), \
	 errmsg("a %s value cannot hold %lld distinct (day, cause) entries", \
			type_name(kind), (long long) (entries)), \
	 errdetail("A %s value holds at most %d distinct (day, cause) entries (doc/survival.md, \"Limits\").", \
			   type_name(kind), (int) CL_SURV_MAX_ENTRIES), \
	 errhint("Durations count whole days: check that duration_days is in days, or pool durations " \
			 "into coarser units (weeks) before aggregating."))

static void
limit_error(int kind, int64 entries)
{
	ereport(ERROR, SURV_LIMIT_ERROR(kind, entries));
}

/* A value's canonical part must stay within the limit after every change. */
static void
check_limit(const cl_surv_state *s, int kind)
{
	if (s->nsorted > CL_SURV_MAX_ENTRIES)
		limit_error(kind, s->nsorted);
}

static struct varlena *
new_value(int kind, int32 capacity)
{
	struct varlena *v;

	if (capacity > CL_SURV_MAX_WORK_CAPACITY)
		limit_error(kind, capacity);
	v = (struct varlena *) palloc0(VARHDRSZ + cl_surv_bytes(capacity));
	SET_VARSIZE(v, VARHDRSZ + cl_surv_bytes(capacity));
	cl_surv_init(STATE(v), kind, capacity);
	return v;
}

/* A copy of v with room for at least `capacity` entries. */
static struct varlena *
copy_with_capacity(struct varlena *v, int kind, int32 capacity)
{
	cl_surv_state *s = STATE(v);
	struct varlena *n;

	if (capacity < s->nused)
		capacity = s->nused;
	CHECK_FOR_INTERRUPTS();		/* before copying a large state */
	n = new_value(kind, capacity);
	memcpy(STATE(n), s, cl_surv_bytes(s->nused));
	STATE(n)->capacity = capacity;
	return n;
}

/* Doubling, at most to the working maximum (an error beyond it). */
static int32
grown_capacity(const cl_surv_state *s, int kind, int64 need)
{
	int64		cap = (int64) s->capacity * 2;

	if (need > CL_SURV_MAX_WORK_CAPACITY)
		limit_error(kind, need);
	if (cap < 16)
		cap = 16;
	if (cap < need)
		cap = need;
	return (int32) Min(cap, (int64) CL_SURV_MAX_WORK_CAPACITY);
}

/*
 * A canonical version of v: v itself when it already is one with no spare
 * room, else a compact copy (v is never modified).
 */
static struct varlena *
canonical(struct varlena *v, int kind)
{
	cl_surv_state *s = state_of(v, kind);
	struct varlena *n;
	cl_surv_state *ns;

	if (cl_surv_is_canonical(s) && s->capacity == s->nused)
		return v;
	/* room for the merge: the sorted part plus twice the tail */
	n = copy_with_capacity(v, kind, s->nused + (s->nused - s->nsorted));
	ns = STATE(n);
	if (!cl_surv_compact(ns))
		elog(ERROR, "could not compact %s value", type_name(kind));
	check_limit(ns, kind);
	ns->capacity = ns->nused;
	SET_VARSIZE(n, VARHDRSZ + cl_surv_bytes(ns->capacity));
	return n;
}

/* The core's only error once the arguments are checked: the subject count would overflow. */
static void
report_core_error(int kind, const char *err)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("could not add to %s value: %s", type_name(kind), err),
			 errdetail("A %s value counts at most %d subjects (doc/survival.md, \"Limits\").",
					   type_name(kind), (int) PG_INT32_MAX),
			 errhint("Estimate over fewer rows, e.g. per council, and pool the estimates.")));
}

/*
 * Add count rows to the state v, in place when allowed, growing by doubling;
 * returns the (possibly new) value.
 */
static struct varlena *
add_rows(struct varlena *v, int kind, int32 day, int32 cause, bool in_place)
{
	char		err[256];

	if (!in_place)
		v = copy_with_capacity(v, kind, STATE(v)->nused + 1);
	for (;;)
	{
		cl_surv_state *s = STATE(v);
		int			rc = cl_surv_add(s, day, cause, 1, err, sizeof(err));

		if (rc == CL_SURV_OK)
		{
			check_limit(s, kind);
			return v;
		}
		if (rc == CL_SURV_ERROR)
			report_core_error(kind, err);
		/* full: move to a buffer twice the size */
		if (s->capacity >= CL_SURV_MAX_WORK_CAPACITY)
			limit_error(kind, (int64) s->nused + 1);
		v = copy_with_capacity(v, kind, grown_capacity(s, kind, (int64) s->nused + 1));
	}
}

/* ------------------------------------------------------------------------
 * Text and binary I/O.
 */
/* The input function of both types (fcinfo: for soft errors). */
static Datum
value_in(FunctionCallInfo fcinfo, int kind)
{
	const char *str = PG_GETARG_CSTRING(0);
	char		err[256];
	int32		n = cl_surv_parse(str, kind, NULL, err, sizeof(err));
	struct varlena *v;

	if (n < 0)
		CL_INPUT_ERROR((errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", type_name(kind), str),
						errdetail("%s", err),
						errhint(kind == CL_SURV_KIND_KM
								? "A survival value reads {day:events/censored,...} with days increasing, e.g. {6:3/1,7:1/0}."
								: "A competing_risks value reads {day:{cause:count,...},...} with cause 0 for censored, e.g. {6:{0:1,1:3},7:{2:1}}.")));
	if (n > CL_SURV_MAX_ENTRIES)
		CL_INPUT_ERROR(SURV_LIMIT_ERROR(kind, n));
	v = new_value(kind, n);
	if (cl_surv_parse(str, kind, STATE(v), err, sizeof(err)) != n)
		elog(ERROR, "could not parse %s value on the second pass", type_name(kind));
	PG_RETURN_POINTER(v);
}

static char *
value_out(struct varlena *v, int kind)
{
	cl_surv_state *s = STATE(canonical(v, kind));
	size_t		len = cl_surv_format(s, NULL, 0);
	char	   *buf = palloc(len + 1);

	cl_surv_format(s, buf, len + 1);
	return buf;
}

static bytea *
value_send(struct varlena *v, int kind)
{
	cl_surv_state *s = STATE(canonical(v, kind));
	StringInfoData buf;
	int32		i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, CL_SURV_VERSION);
	pq_sendbyte(&buf, (uint8) kind);
	pq_sendint32(&buf, (uint32) s->nused);
	for (i = 0; i < s->nused; i++)
	{
		CHECK_FOR_INTERRUPTS();
		pq_sendint32(&buf, (uint32) s->e[i].day);
		pq_sendint32(&buf, (uint32) s->e[i].cause);
		pq_sendint32(&buf, (uint32) s->e[i].count);
	}
	return pq_endtypsend(&buf);
}

static Datum
value_recv(StringInfo buf, int kind)
{
	int			version = pq_getmsgbyte(buf);
	int			k;
	int32		n,
				i;
	int64		total = 0;
	struct varlena *v;
	cl_surv_state *s;
	char		err[256];

	if (version != CL_SURV_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported binary format version %d for type %s", version, type_name(kind))));
	k = pq_getmsgbyte(buf);
	if (k != kind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("binary data is not a %s value", type_name(kind))));
	n = (int32) pq_getmsgint(buf, 4);
	if (n < 0 || (int64) n * 12 > buf->len - buf->cursor)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid entry count %d in binary %s value", n, type_name(kind))));
	if (n > CL_SURV_MAX_ENTRIES)
		limit_error(kind, n);
	v = new_value(kind, n);
	s = STATE(v);
	for (i = 0; i < n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		s->e[i].day = (int32) pq_getmsgint(buf, 4);
		s->e[i].cause = (int32) pq_getmsgint(buf, 4);
		s->e[i].count = (int32) pq_getmsgint(buf, 4);
		total += s->e[i].count;
	}
	if (!cl_surv_check_entries(kind, s->e, n, err, sizeof(err)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary %s value", type_name(kind)),
				 errdetail("%s", err)));
	s->nsorted = s->nused = n;
	s->total = (int32) total;
	PG_RETURN_POINTER(v);
}

PG_FUNCTION_INFO_V1(careleaver_survival_in);
Datum
careleaver_survival_in(PG_FUNCTION_ARGS)
{
	return value_in(fcinfo, CL_SURV_KIND_KM);
}

PG_FUNCTION_INFO_V1(careleaver_survival_out);
Datum
careleaver_survival_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(value_out(PG_DETOAST_DATUM(PG_GETARG_DATUM(0)), CL_SURV_KIND_KM));
}

PG_FUNCTION_INFO_V1(careleaver_survival_recv);
Datum
careleaver_survival_recv(PG_FUNCTION_ARGS)
{
	return value_recv((StringInfo) PG_GETARG_POINTER(0), CL_SURV_KIND_KM);
}

PG_FUNCTION_INFO_V1(careleaver_survival_send);
Datum
careleaver_survival_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(value_send(PG_DETOAST_DATUM(PG_GETARG_DATUM(0)), CL_SURV_KIND_KM));
}

PG_FUNCTION_INFO_V1(careleaver_competing_risks_in);
Datum
careleaver_competing_risks_in(PG_FUNCTION_ARGS)
{
	return value_in(fcinfo, CL_SURV_KIND_CR);
}

PG_FUNCTION_INFO_V1(careleaver_competing_risks_out);
Datum
careleaver_competing_risks_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(value_out(PG_DETOAST_DATUM(PG_GETARG_DATUM(0)), CL_SURV_KIND_CR));
}

PG_FUNCTION_INFO_V1(careleaver_competing_risks_recv);
Datum
careleaver_competing_risks_recv(PG_FUNCTION_ARGS)
{
	return value_recv((StringInfo) PG_GETARG_POINTER(0), CL_SURV_KIND_CR);
}

PG_FUNCTION_INFO_V1(careleaver_competing_risks_send);
Datum
careleaver_competing_risks_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(value_send(PG_DETOAST_DATUM(PG_GETARG_DATUM(0)), CL_SURV_KIND_CR));
}

/* ------------------------------------------------------------------------
 * Aggregate support.
 */
static Datum
transition(FunctionCallInfo fcinfo, int kind, int32 day, int32 cause)
{
	struct varlena *v = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	bool		in_place = AggCheckCallContext(fcinfo, NULL) != 0;

	(void) state_of(v, kind);
	if (day < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("duration_days %d is negative", (int) day),
				 errhint("A duration counts whole days from the start of follow-up to the event or censoring.")));
	if (cause < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cause %d is negative", (int) cause),
				 errhint("Use 0 for a censored observation and a positive code for each cause.")));
	v = add_rows(v, kind, day, cause, in_place);
	if (!in_place)
		v = canonical(v, kind);
	PG_RETURN_POINTER(v);
}

PG_FUNCTION_INFO_V1(careleaver_km_agg_transition);
Datum
careleaver_km_agg_transition(PG_FUNCTION_ARGS)
{
	return transition(fcinfo, CL_SURV_KIND_KM, PG_GETARG_INT32(1), PG_GETARG_BOOL(2) ? 1 : 0);
}

PG_FUNCTION_INFO_V1(careleaver_cif_agg_transition);
Datum
careleaver_cif_agg_transition(PG_FUNCTION_ARGS)
{
	return transition(fcinfo, CL_SURV_KIND_CR, PG_GETARG_INT32(1), PG_GETARG_INT32(2));
}

static Datum
combine(FunctionCallInfo fcinfo, int kind)
{
	struct varlena *a = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	/* b canonical: at most the limit, so a's buffer needs no more than the working maximum */
	struct varlena *b = canonical(PG_DETOAST_DATUM(PG_GETARG_DATUM(1)), kind);
	cl_surv_state *sa = state_of(a, kind);
	cl_surv_state *sb = STATE(b);
	bool		in_place = AggCheckCallContext(fcinfo, NULL) != 0;
	char		err[256];
	int			rc;

	if (!in_place || (int64) sa->nused + sb->nused > sa->capacity)
	{
		int64		need = (int64) sa->nused + sb->nused;

		if (need > CL_SURV_MAX_WORK_CAPACITY)
			limit_error(kind, need);
		a = copy_with_capacity(a, kind, in_place ? grown_capacity(sa, kind, need) : (int32) need);
		sa = STATE(a);
	}
	rc = cl_surv_absorb(sa, sb, err, sizeof(err));
	if (rc == CL_SURV_ERROR)
		report_core_error(kind, err);
	if (rc != CL_SURV_OK)
		elog(ERROR, "could not merge %s values", type_name(kind));
	check_limit(sa, kind);
	if (!in_place)
		a = canonical(a, kind);
	PG_RETURN_POINTER(a);
}

PG_FUNCTION_INFO_V1(careleaver_survival_combine);
Datum
careleaver_survival_combine(PG_FUNCTION_ARGS)
{
	return combine(fcinfo, CL_SURV_KIND_KM);
}

PG_FUNCTION_INFO_V1(careleaver_competing_risks_combine);
Datum
careleaver_competing_risks_combine(PG_FUNCTION_ARGS)
{
	return combine(fcinfo, CL_SURV_KIND_CR);
}

/* The final functions never modify the state (FINALFUNC_MODIFY = READ_ONLY). */
static Datum
final_value(FunctionCallInfo fcinfo, int kind)
{
	struct varlena *v = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	struct varlena *c = canonical(v, kind);

	if (c == v)
	{
		/* return a copy: the state may still be in use (window aggregates) */
		c = palloc(VARSIZE(v));
		memcpy(c, v, VARSIZE(v));
	}
	PG_RETURN_POINTER(c);
}

PG_FUNCTION_INFO_V1(careleaver_survival_final);
Datum
careleaver_survival_final(PG_FUNCTION_ARGS)
{
	return final_value(fcinfo, CL_SURV_KIND_KM);
}

PG_FUNCTION_INFO_V1(careleaver_competing_risks_final);
Datum
careleaver_competing_risks_final(PG_FUNCTION_ARGS)
{
	return final_value(fcinfo, CL_SURV_KIND_CR);
}

/* ------------------------------------------------------------------------
 * Estimators.
 */
static cl_surv_state *
canonical_arg(FunctionCallInfo fcinfo, int argno, int kind)
{
	return STATE(canonical(PG_DETOAST_DATUM(PG_GETARG_DATUM(argno)), kind));
}

#define RETURN_FLOAT8_OR_NULL(x) \
	do { double x_ = (x); if (isnan(x_)) PG_RETURN_NULL(); PG_RETURN_FLOAT8(x_); } while (0)

PG_FUNCTION_INFO_V1(careleaver_km_table);
Datum
careleaver_km_table(PG_FUNCTION_ARGS)
{
	cl_srf		srf;
	cl_km_iter	it;
	cl_km_row	row;

	cl_srf_begin(fcinfo, &srf);
	cl_km_iter_init(&it, canonical_arg(fcinfo, 0, CL_SURV_KIND_KM));
	while (cl_km_next(&it, &row))
	{
		Datum		values[7];
		bool		nulls[7] = {false, false, false, false, false, false, false};

		values[0] = Int32GetDatum(row.day);
		values[1] = Int32GetDatum(row.at_risk);
		values[2] = Int32GetDatum(row.events);
		values[3] = Int32GetDatum(row.censored);
		values[4] = Float8GetDatum(row.surv);
		values[5] = Float8GetDatum(row.lower);
		values[6] = Float8GetDatum(row.upper);
		CHECK_FOR_INTERRUPTS();
		nulls[5] = isnan(row.lower);
		nulls[6] = isnan(row.upper);
		cl_srf_put(&srf, values, nulls);
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(careleaver_km_at);
Datum
careleaver_km_at(PG_FUNCTION_ARGS)
{
	cl_surv_state *s = canonical_arg(fcinfo, 0, CL_SURV_KIND_KM);

	RETURN_FLOAT8_OR_NULL(cl_km_at(s, PG_GETARG_INT32(1)));
}

PG_FUNCTION_INFO_V1(careleaver_km_median);
Datum
careleaver_km_median(PG_FUNCTION_ARGS)
{
	cl_surv_state *s = canonical_arg(fcinfo, 0, CL_SURV_KIND_KM);
	double		m,
				l,
				u;

	cl_km_median(s, &m, &l, &u);
	RETURN_FLOAT8_OR_NULL(m);
}

PG_FUNCTION_INFO_V1(careleaver_km_median_ci);
Datum
careleaver_km_median_ci(PG_FUNCTION_ARGS)
{
	cl_surv_state *s = canonical_arg(fcinfo, 0, CL_SURV_KIND_KM);
	TupleDesc	tupdesc;
	double		r[3];
	Datum		values[3];
	bool		nulls[3];
	int			i;

	tupdesc = cl_row_type(fcinfo);
	cl_km_median(s, &r[0], &r[1], &r[2]);
	for (i = 0; i < 3; i++)
	{
		nulls[i] = isnan(r[i]);
		values[i] = Float8GetDatum(nulls[i] ? 0.0 : r[i]);
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

PG_FUNCTION_INFO_V1(careleaver_km_n);
Datum
careleaver_km_n(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));

	PG_RETURN_INT32(cl_surv_total(state_of(v, CL_SURV_KIND_KM)));
}

PG_FUNCTION_INFO_V1(careleaver_km_events);
Datum
careleaver_km_events(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));

	PG_RETURN_INT32(cl_surv_events(state_of(v, CL_SURV_KIND_KM), -1));
}

PG_FUNCTION_INFO_V1(careleaver_cif_n);
Datum
careleaver_cif_n(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));

	PG_RETURN_INT32(cl_surv_total(state_of(v, CL_SURV_KIND_CR)));
}

static void
check_cause(int32 cause)
{
	if (cause <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cause %d is not a positive integer", (int) cause),
				 errhint("Cause 0 marks censored observations, which have no incidence.")));
}

PG_FUNCTION_INFO_V1(careleaver_cif_events);
Datum
careleaver_cif_events(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	int32		cause = PG_GETARG_INT32(1);

	check_cause(cause);
	PG_RETURN_INT32(cl_surv_events(state_of(v, CL_SURV_KIND_CR), cause));
}

PG_FUNCTION_INFO_V1(careleaver_cif_at);
Datum
careleaver_cif_at(PG_FUNCTION_ARGS)
{
	cl_surv_state *s = canonical_arg(fcinfo, 0, CL_SURV_KIND_CR);
	int32		cause = PG_GETARG_INT32(1);

	check_cause(cause);
	RETURN_FLOAT8_OR_NULL(cl_cif_at(s, cause, PG_GETARG_INT32(2)));
}

PG_FUNCTION_INFO_V1(careleaver_cif_table);
Datum
careleaver_cif_table(PG_FUNCTION_ARGS)
{
	cl_srf		srf;
	cl_surv_state *s;
	cl_cif_iter it;
	cl_cif_row	row;

	cl_srf_begin(fcinfo, &srf);
	s = canonical_arg(fcinfo, 0, CL_SURV_KIND_CR);
	cl_cif_iter_init(&it, s, palloc(sizeof(cl_cif_cause) * (cl_cif_ncauses(s) + 1)));
	while (cl_cif_next(&it, &row))
	{
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		values[0] = Int32GetDatum(row.day);
		values[1] = Int32GetDatum(row.cause);
		values[2] = Float8GetDatum(row.incidence);
		values[3] = Float8GetDatum(row.lower);
		values[4] = Float8GetDatum(row.upper);
		CHECK_FOR_INTERRUPTS();
		nulls[3] = isnan(row.lower);
		nulls[4] = isnan(row.upper);
		cl_srf_put(&srf, values, nulls);
	}
	return (Datum) 0;
}
