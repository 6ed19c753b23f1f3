/*
 * trajectory.c: the types careleaver.leaver_trajectory and
 * careleaver.transition_matrix, their aggregates and functions
 * (metrics.md section 5, "Trajectories").  The rules live in
 * extension/core/trajectory.c; this file converts and calls.
 *
 * Stored forms (both carry a version byte and are never changed in place):
 *
 * leaver_trajectory: varlena holding the core's encoding
 *   (cl_traj_encode: version 1, then flags, IN_TOUCH, ACTIV, ACCOM for each
 *   age 17..25; 37 bytes).  Binary send/recv use the same bytes.
 *
 * transition_matrix: varlena, typalign double, holding
 *   version (1 byte) = 1, 3 reserved zero bytes, then the 288 int64 counts
 *   of cl_transition_matrix (native byte order), 2,312 bytes in all and
 *   compressible.  Dense so that the aggregates update their state in place;
 *   send/recv use the core's sparse, big-endian encoding instead.
 *
 * Both aggregates keep their state in these real types (no internal state),
 * so partial states cross parallel workers, servers and partitions as is.
 * A transition or combine function called as an aggregate updates its state
 * in place, as PostgreSQL allows (see xaggr.html).
 */
#include "compat.h"
#include "srf.h"

#include "fmgr.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "trajectory.h"


#define TRAJ_SIZE (VARHDRSZ + CL_TRAJ_ENCODED_SIZE)

typedef struct TransitionMatrixData
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	uint8		version;
	uint8		reserved[3];
	cl_transition_matrix m;		/* at offset 8: aligned for int64 */
} TransitionMatrixData;

#define TM_VERSION 1

/* ------------------------------------------------------------------------
 * leaver_trajectory: helpers
 */

/* Decodes a stored leaver_trajectory; corrupt data is an error. */
static void
traj_read(Datum d, cl_trajectory *t)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(d);
	char		err[256];

	if (cl_traj_decode((const uint8_t *) VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v), t,
					   err, sizeof(err)) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid stored value for type careleaver.leaver_trajectory"),
				 errdetail("%s", err)));
}

static struct varlena *
traj_make(const cl_trajectory *t)
{
	struct varlena *v = (struct varlena *) palloc(TRAJ_SIZE);

	SET_VARSIZE(v, TRAJ_SIZE);
	cl_traj_encode(t, (uint8_t *) VARDATA(v));
	return v;
}

/* The state argument, when it may be updated in place; else NULL. */
static struct varlena *
traj_state_in_place(FunctionCallInfo fcinfo)
{
	struct varlena *v;

	if (PG_ARGISNULL(0) || !AggCheckCallContext(fcinfo, NULL))
		return NULL;
	v = (struct varlena *) PG_GETARG_POINTER(0);
	if (VARATT_IS_EXTENDED(v) || VARSIZE(v) != TRAJ_SIZE)
		return NULL;
	return v;
}

/* Returns the trajectory as the new state: in place when possible. */
static Datum
traj_return_state(FunctionCallInfo fcinfo, const cl_trajectory *t)
{
	struct varlena *v = traj_state_in_place(fcinfo);

	if (v != NULL)
	{
		cl_traj_encode(t, (uint8_t *) VARDATA(v));
		PG_RETURN_POINTER(v);
	}
	PG_RETURN_POINTER(traj_make(t));
}

/* ------------------------------------------------------------------------
 * leaver_trajectory: I/O
 */

PG_FUNCTION_INFO_V1(careleaver_leaver_trajectory_in);
Datum
careleaver_leaver_trajectory_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	cl_trajectory t;
	char		err[256];

	if (cl_traj_parse(str, strlen(str), &t, err, sizeof(err)) != 0)
		CL_INPUT_ERROR((errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type careleaver.leaver_trajectory: \"%s\"", str),
						errdetail("%s", err),
						errhint("Write ages 17 to 25 with IN_TOUCH/ACTIV/ACCOM codes, \"-\" for a code not recorded, "
								"or \"conflict\", e.g. {17:YES/F2/D1, 18:YES/G5/S2}.")));
	PG_RETURN_POINTER(traj_make(&t));
}

PG_FUNCTION_INFO_V1(careleaver_leaver_trajectory_out);
Datum
careleaver_leaver_trajectory_out(PG_FUNCTION_ARGS)
{
	cl_trajectory t;
	char		buf[CL_TRAJ_TEXT_MAX];

	traj_read(PG_GETARG_DATUM(0), &t);
	cl_traj_format(&t, buf);
	PG_RETURN_CSTRING(pstrdup(buf));
}

PG_FUNCTION_INFO_V1(careleaver_leaver_trajectory_recv);
Datum
careleaver_leaver_trajectory_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			n = buf->len - buf->cursor;
	const char *bytes = pq_getmsgbytes(buf, n);
	cl_trajectory t;
	char		err[256];

	if (cl_traj_decode((const uint8_t *) bytes, (size_t) n, &t, err, sizeof(err)) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary value for type careleaver.leaver_trajectory"),
				 errdetail("%s", err)));
	PG_RETURN_POINTER(traj_make(&t));
}

PG_FUNCTION_INFO_V1(careleaver_leaver_trajectory_send);
Datum
careleaver_leaver_trajectory_send(PG_FUNCTION_ARGS)
{
	cl_trajectory t;
	uint8_t		enc[CL_TRAJ_ENCODED_SIZE];
	StringInfoData buf;

	traj_read(PG_GETARG_DATUM(0), &t);
	cl_traj_encode(&t, enc);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) enc, sizeof(enc));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ------------------------------------------------------------------------
 * leaver_trajectory_agg
 */

/*
 * (state, age, in_touch, activity, accommodation).  Not strict: a row with
 * a NULL age is skipped; a NULL code is "not recorded"; a row with no code
 * at all adds nothing.
 */
PG_FUNCTION_INFO_V1(careleaver_leaver_trajectory_transfn);
Datum
careleaver_leaver_trajectory_transfn(PG_FUNCTION_ARGS)
{
	cl_trajectory t;
	int			codes[3];
	int			age;
	char		err[256];
	int			rc;

	if (!AggCheckCallContext(fcinfo, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("careleaver.leaver_trajectory_transfn called in non-aggregate context")));
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	age = PG_GETARG_INT32(1);
	for (int i = 0; i < 3; i++)
		codes[i] = PG_ARGISNULL(2 + i) ? 0 : PG_GETARG_INT16(2 + i);

	if (PG_ARGISNULL(0))
		cl_traj_init(&t);
	else
		traj_read(PG_GETARG_DATUM(0), &t);
	rc = cl_traj_add(&t, age, codes[0], codes[1], codes[2], err, sizeof(err));
	if (rc == CL_TRAJ_ERROR)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid observation for careleaver.leaver_trajectory_agg"),
				 errdetail("%s", err),
				 errhint("Pass the age at the OC3 record, 17 to 25.")));
	if (rc == CL_TRAJ_IGNORED)
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	return traj_return_state(fcinfo, &t);
}

/* Combines two trajectories of the same young person (partial states). */
PG_FUNCTION_INFO_V1(careleaver_leaver_trajectory_combine);
Datum
careleaver_leaver_trajectory_combine(PG_FUNCTION_ARGS)
{
	cl_trajectory a,
				b;

	traj_read(PG_GETARG_DATUM(0), &a);
	traj_read(PG_GETARG_DATUM(1), &b);
	cl_traj_merge(&a, &b);
	return traj_return_state(fcinfo, &a);
}

/* ------------------------------------------------------------------------
 * leaver_trajectory: measures
 */

PG_FUNCTION_INFO_V1(careleaver_ever_neet);
Datum
careleaver_ever_neet(PG_FUNCTION_ARGS)
{
	cl_trajectory t;

	traj_read(PG_GETARG_DATUM(0), &t);
	PG_RETURN_BOOL(cl_traj_ever_neet(&t));
}

PG_FUNCTION_INFO_V1(careleaver_persistent_neet);
Datum
careleaver_persistent_neet(PG_FUNCTION_ARGS)
{
	cl_trajectory t;

	traj_read(PG_GETARG_DATUM(0), &t);
	PG_RETURN_BOOL(cl_traj_persistent_neet(&t));
}

PG_FUNCTION_INFO_V1(careleaver_ever_unsuitable);
Datum
careleaver_ever_unsuitable(PG_FUNCTION_ARGS)
{
	cl_trajectory t;

	traj_read(PG_GETARG_DATUM(0), &t);
	PG_RETURN_BOOL(cl_traj_ever_unsuitable(&t));
}

PG_FUNCTION_INFO_V1(careleaver_ever_homeless_or_insecure);
Datum
careleaver_ever_homeless_or_insecure(PG_FUNCTION_ARGS)
{
	cl_trajectory t;

	traj_read(PG_GETARG_DATUM(0), &t);
	PG_RETURN_BOOL(cl_traj_ever_homeless_or_insecure(&t));
}

PG_FUNCTION_INFO_V1(careleaver_accommodation_changes);
Datum
careleaver_accommodation_changes(PG_FUNCTION_ARGS)
{
	cl_trajectory t;

	traj_read(PG_GETARG_DATUM(0), &t);
	PG_RETURN_INT32(cl_traj_accommodation_changes(&t));
}

PG_FUNCTION_INFO_V1(careleaver_has_conflicting_records);
Datum
careleaver_has_conflicting_records(PG_FUNCTION_ARGS)
{
	cl_trajectory t;

	traj_read(PG_GETARG_DATUM(0), &t);
	PG_RETURN_BOOL(cl_traj_has_conflict(&t));
}

PG_FUNCTION_INFO_V1(careleaver_trajectory_state);
Datum
careleaver_trajectory_state(PG_FUNCTION_ARGS)
{
	cl_trajectory t;
	int32		age = PG_GETARG_INT32(1);

	if (age < CL_TRAJ_MIN_AGE || age > CL_TRAJ_MAX_AGE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("age %d is outside the trajectory ages %d to %d", age,
						CL_TRAJ_MIN_AGE, CL_TRAJ_MAX_AGE)));
	traj_read(PG_GETARG_DATUM(0), &t);
	PG_RETURN_TEXT_P(cstring_to_text(cl_traj_state_name(cl_traj_state_at(&t, age))));
}

/* leaver_trajectory = leaver_trajectory: the same observations at every age. */
PG_FUNCTION_INFO_V1(careleaver_leaver_trajectory_eq);
Datum
careleaver_leaver_trajectory_eq(PG_FUNCTION_ARGS)
{
	cl_trajectory a,
				b;

	traj_read(PG_GETARG_DATUM(0), &a);
	traj_read(PG_GETARG_DATUM(1), &b);
	PG_RETURN_BOOL(memcmp(&a, &b, sizeof(a)) == 0);
}

/*
 * trajectory_observations(traj): (age, in_touch, activity, accommodation,
 * state) for every age with an observation; codes not recorded, and all the
 * codes of a conflict, are NULL.
 */
PG_FUNCTION_INFO_V1(careleaver_trajectory_observations);
Datum
careleaver_trajectory_observations(PG_FUNCTION_ARGS)
{
	cl_srf		srf;
	cl_trajectory t;

	cl_srf_begin(fcinfo, &srf);
	traj_read(PG_GETARG_DATUM(0), &t);
	for (int i = 0; i < CL_TRAJ_NAGES; i++)
	{
		int			age = CL_TRAJ_MIN_AGE + i;
		const cl_traj_obs *o = &t.obs[i];
		int			codes[3] = {o->in_touch, o->activity, o->accommodation};
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		if (!(o->flags & CL_TRAJ_PRESENT))
			continue;
		values[0] = Int32GetDatum(age);
		for (int k = 0; k < 3; k++)
		{
			values[1 + k] = Int16GetDatum((int16) codes[k]);
			nulls[1 + k] = codes[k] == 0;
		}
		values[4] = PointerGetDatum(cstring_to_text(cl_traj_state_name(cl_traj_state_at(&t, age))));
		cl_srf_put(&srf, values, nulls);
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(careleaver_transitions);
Datum
careleaver_transitions(PG_FUNCTION_ARGS)
{
	cl_srf		srf;
	cl_trajectory t;
	cl_traj_transition tr[CL_TRAJ_NAGES - 1];
	int			n;

	cl_srf_begin(fcinfo, &srf);
	traj_read(PG_GETARG_DATUM(0), &t);
	n = cl_traj_transitions(&t, tr);
	for (int i = 0; i < n; i++)
	{
		const cl_traj_transition *r = &tr[i];
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		values[0] = Int32GetDatum(r->from_age);
		values[1] = Int32GetDatum(r->from_age + 1);
		values[2] = PointerGetDatum(cstring_to_text(cl_traj_state_name(r->from_state)));
		values[3] = PointerGetDatum(cstring_to_text(cl_traj_state_name(r->to_state)));
		cl_srf_put(&srf, values, nulls);
	}
	return (Datum) 0;
}

/* ------------------------------------------------------------------------
 * transition_matrix: helpers
 */

/* Reads a stored transition_matrix into *m (a copy: alignment-safe). */
static void
tm_read(Datum d, cl_transition_matrix *m)
{
	struct varlena *v = PG_DETOAST_DATUM(d);
	const TransitionMatrixData *tm = (const TransitionMatrixData *) v;

	if (VARSIZE(v) != sizeof(TransitionMatrixData) || tm->version != TM_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid stored value for type careleaver.transition_matrix"),
				 errdetail("Expected version %d of %zu bytes, found version %d of %zu bytes.",
						   TM_VERSION, sizeof(TransitionMatrixData),
						   VARSIZE(v) >= 5 ? ((const uint8 *) v)[4] : -1,
						   (size_t) VARSIZE(v))));
	memcpy(m, ((const char *) v) + offsetof(TransitionMatrixData, m), sizeof(*m));
	for (int c = 0; c < CL_TM_CELLS; c++)
		if (m->count[c] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("invalid stored value for type careleaver.transition_matrix"),
					 errdetail("A count is negative.")));
}

static TransitionMatrixData *
tm_make(const cl_transition_matrix *m)
{
	TransitionMatrixData *tm = (TransitionMatrixData *) palloc0(sizeof(TransitionMatrixData));

	SET_VARSIZE(tm, sizeof(TransitionMatrixData));
	tm->version = TM_VERSION;
	memcpy(&tm->m, m, sizeof(*m));
	return tm;
}

/*
 * The state argument when it may be updated in place (called as an
 * aggregate, plain 4-byte-header value of the current version); else NULL.
 */
static TransitionMatrixData *
tm_state_in_place(FunctionCallInfo fcinfo)
{
	struct varlena *v;

	if (PG_ARGISNULL(0) || !AggCheckCallContext(fcinfo, NULL))
		return NULL;
	v = (struct varlena *) PG_GETARG_POINTER(0);
	if (VARATT_IS_EXTENDED(v) || VARSIZE(v) != sizeof(TransitionMatrixData) ||
		((TransitionMatrixData *) v)->version != TM_VERSION ||
		((uintptr_t) v) % sizeof(int64) != 0)
		return NULL;
	return (TransitionMatrixData *) v;
}

/* A cell would pass its documented maximum (doc/trajectories.md, "Limits"). */
static void
tm_overflow(const char *err)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("careleaver.transition_matrix count out of range"),
			 errdetail("%s A cell of a transition_matrix counts at most %lld young people (doc/trajectories.md, \"Limits\").",
					   err, (long long) PG_INT64_MAX),
			 errhint("Each young person's trajectory should be added once: check for merging a matrix with itself.")));
}

/* ------------------------------------------------------------------------
 * transition_matrix: I/O
 */

PG_FUNCTION_INFO_V1(careleaver_transition_matrix_in);
Datum
careleaver_transition_matrix_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	cl_transition_matrix *m = (cl_transition_matrix *) palloc(sizeof(cl_transition_matrix));
	char		err[256];

	if (cl_tm_parse(str, strlen(str), m, err, sizeof(err)) != 0)
		CL_INPUT_ERROR((errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type careleaver.transition_matrix: \"%s\"", str),
						errdetail("%s", err),
						errhint("Write cells as from_age:from_state->to_state=young_people, "
								"e.g. {19:EET->NEET=12, 19:EET->EET=30}.")));
	PG_RETURN_POINTER(tm_make(m));
}

PG_FUNCTION_INFO_V1(careleaver_transition_matrix_out);
Datum
careleaver_transition_matrix_out(PG_FUNCTION_ARGS)
{
	cl_transition_matrix *m = (cl_transition_matrix *) palloc(sizeof(cl_transition_matrix));
	size_t		size;
	char	   *buf;

	tm_read(PG_GETARG_DATUM(0), m);
	size = cl_tm_text_size(m);
	buf = palloc(size);
	cl_tm_format(m, buf, size);
	PG_RETURN_CSTRING(buf);
}

PG_FUNCTION_INFO_V1(careleaver_transition_matrix_recv);
Datum
careleaver_transition_matrix_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			n = buf->len - buf->cursor;
	const char *bytes = pq_getmsgbytes(buf, n);
	cl_transition_matrix *m = (cl_transition_matrix *) palloc(sizeof(cl_transition_matrix));
	char		err[256];

	if (cl_tm_decode((const uint8_t *) bytes, (size_t) n, m, err, sizeof(err)) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary value for type careleaver.transition_matrix"),
				 errdetail("%s", err)));
	PG_RETURN_POINTER(tm_make(m));
}

PG_FUNCTION_INFO_V1(careleaver_transition_matrix_send);
Datum
careleaver_transition_matrix_send(PG_FUNCTION_ARGS)
{
	cl_transition_matrix *m = (cl_transition_matrix *) palloc(sizeof(cl_transition_matrix));
	size_t		size;
	uint8_t    *enc;
	StringInfoData buf;

	tm_read(PG_GETARG_DATUM(0), m);
	size = cl_tm_encoded_size(m);
	enc = palloc(size);
	cl_tm_encode(m, enc);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) enc, (int) size);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ------------------------------------------------------------------------
 * transition_matrix_agg and transition_matrix_merge
 */

/* (matrix, trajectory): adds one young person's transitions.  Strict. */
PG_FUNCTION_INFO_V1(careleaver_transition_matrix_transfn);
Datum
careleaver_transition_matrix_transfn(PG_FUNCTION_ARGS)
{
	TransitionMatrixData *state = tm_state_in_place(fcinfo);
	cl_trajectory t;
	char		err[256];

	traj_read(PG_GETARG_DATUM(1), &t);
	if (state != NULL)
	{
		if (cl_tm_add_trajectory(&state->m, &t, err, sizeof(err)) != 0)
			tm_overflow(err);
		PG_RETURN_POINTER(state);
	}
	else
	{
		cl_transition_matrix *m = (cl_transition_matrix *) palloc(sizeof(cl_transition_matrix));

		tm_read(PG_GETARG_DATUM(0), m);
		if (cl_tm_add_trajectory(m, &t, err, sizeof(err)) != 0)
			tm_overflow(err);
		PG_RETURN_POINTER(tm_make(m));
	}
}

/* (matrix, matrix): adds the counts.  Strict; combine and merge function. */
PG_FUNCTION_INFO_V1(careleaver_transition_matrix_combine);
Datum
careleaver_transition_matrix_combine(PG_FUNCTION_ARGS)
{
	TransitionMatrixData *state = tm_state_in_place(fcinfo);
	cl_transition_matrix *from = (cl_transition_matrix *) palloc(sizeof(cl_transition_matrix));
	char		err[256];

	tm_read(PG_GETARG_DATUM(1), from);
	if (state != NULL)
	{
		if (cl_tm_merge(&state->m, from, err, sizeof(err)) != 0)
			tm_overflow(err);
		PG_RETURN_POINTER(state);
	}
	else
	{
		cl_transition_matrix *m = (cl_transition_matrix *) palloc(sizeof(cl_transition_matrix));

		tm_read(PG_GETARG_DATUM(0), m);
		if (cl_tm_merge(m, from, err, sizeof(err)) != 0)
			tm_overflow(err);
		PG_RETURN_POINTER(tm_make(m));
	}
}

/* transition_matrix = transition_matrix: the same count in every cell. */
PG_FUNCTION_INFO_V1(careleaver_transition_matrix_eq);
Datum
careleaver_transition_matrix_eq(PG_FUNCTION_ARGS)
{
	cl_transition_matrix *a = (cl_transition_matrix *) palloc(sizeof(cl_transition_matrix));
	cl_transition_matrix *b = (cl_transition_matrix *) palloc(sizeof(cl_transition_matrix));
	bool		eq;

	tm_read(PG_GETARG_DATUM(0), a);
	tm_read(PG_GETARG_DATUM(1), b);
	eq = memcmp(a, b, sizeof(*a)) == 0;
	pfree(a);
	pfree(b);
	PG_RETURN_BOOL(eq);
}

/*
 * transition_table(matrix): (from_age, to_age, from_state, to_state,
 * young_people, share) for every non-zero cell, in age and state order.
 * share = young_people / all young people in from_state at from_age.
 */
PG_FUNCTION_INFO_V1(careleaver_transition_table);
Datum
careleaver_transition_table(PG_FUNCTION_ARGS)
{
	cl_srf		srf;
	cl_transition_matrix *m = palloc(sizeof(cl_transition_matrix));

	cl_srf_begin(fcinfo, &srf);
	tm_read(PG_GETARG_DATUM(0), m);
	for (int cell = 0; cell < CL_TM_CELLS; cell++)
	{
		int			to_state = cell % CL_TRAJ_NSTATES + 1;
		int			from_state = (cell / CL_TRAJ_NSTATES) % CL_TRAJ_NSTATES + 1;
		int			from_age = cell / (CL_TRAJ_NSTATES * CL_TRAJ_NSTATES) + CL_TRAJ_MIN_AGE;
		int64		count = m->count[cell];
		int64		total;
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};

		if (count == 0)
			continue;
		CHECK_FOR_INTERRUPTS();
		total = cl_tm_from_total(m, from_age, from_state);
		if (count > PG_INT32_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("transition count %lld is out of range for young_people integer",
							(long long) count)));
		values[0] = Int32GetDatum(from_age);
		values[1] = Int32GetDatum(from_age + 1);
		values[2] = PointerGetDatum(cstring_to_text(cl_traj_state_name(from_state)));
		values[3] = PointerGetDatum(cstring_to_text(cl_traj_state_name(to_state)));
		values[4] = Int32GetDatum((int32) count);
		values[5] = DirectFunctionCall2(numeric_div,
										DirectFunctionCall1(int8_numeric, Int64GetDatum(count)),
										DirectFunctionCall1(int8_numeric, Int64GetDatum(total)));
		cl_srf_put(&srf, values, nulls);
	}
	return (Datum) 0;
}
