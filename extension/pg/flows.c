/*
 * flows.c: the careleaver.flow_model type, its aggregates, and the
 * projection of children looked after (glue over core/flows.c;
 * doc/sufficiency.md).
 *
 * A value is a varlena holding a cl_flow_model (fixed size).  The
 * aggregates' state type is the value type itself, so partial states travel
 * between parallel workers and servers and merge with flow_model_merge; as
 * an aggregate (AggCheckCallContext) the transition and combine functions
 * add into their first argument in place, and never modify arguments
 * otherwise.
 */
#include "compat.h"
#include "srf.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/tuplestore.h"

#include <math.h>

#include "cl_history_glue.h"
#include "flows.h"
#include "periods.h"

#define ERRBUF 256
#define MODEL(v)	((cl_flow_model *) VARDATA(v))
#define MODEL_SIZE	(VARHDRSZ + sizeof(cl_flow_model))

static struct varlena *
new_model(MemoryContext cxt)
{
	struct varlena *v = MemoryContextAllocZero(cxt, MODEL_SIZE);

	SET_VARSIZE(v, MODEL_SIZE);
	return v;
}

/* The model in a (detoasted) value, checked. */
static cl_flow_model *
model_of(struct varlena *v)
{
	char		err[ERRBUF];

	if (VARSIZE(v) != MODEL_SIZE || !cl_flow_check(MODEL(v), err, sizeof err))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid careleaver.flow_model value"),
				 errdetail("%s", VARSIZE(v) != MODEL_SIZE ? "wrong size" : err)));
	return MODEL(v);
}

static struct varlena *
model_arg(FunctionCallInfo fcinfo, int argno)
{
	return (struct varlena *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));
}

static void
limit_error(const char *err) pg_attribute_noreturn();

static void
limit_error(const char *err)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("%s", err),
			 errdetail("A flow model counts at most %lld child-months in one cell (doc/sufficiency.md, \"Limits\").",
					   (long long) CL_FLOW_MAX_COUNT)));
}

/* ---------------------------------------------------------------- text I/O */

PG_FUNCTION_INFO_V1(careleaver_flow_model_in);
Datum
careleaver_flow_model_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	struct varlena *v = new_model(CurrentMemoryContext);
	char		err[ERRBUF];

	if (!cl_flow_parse(text, strlen(text), MODEL(v), err, sizeof err))
		CL_INPUT_ERROR((errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type careleaver.flow_model: \"%.60s%s\"",
							   text, strlen(text) > 60 ? "..." : ""),
						errdetail("%s", err),
						errhint("Write {start YYYY-MM-DD; months N; moves B G D N, ...; entries Y G N, ...; "
								"stock A G N, ...; monthly K N, ...} as flow_model's output does (doc/sufficiency.md).")));
	PG_RETURN_POINTER(v);
}

PG_FUNCTION_INFO_V1(careleaver_flow_model_out);
Datum
careleaver_flow_model_out(PG_FUNCTION_ARGS)
{
	cl_flow_model *m = model_of(model_arg(fcinfo, 0));
	char	   *out = palloc(cl_flow_text_size(m));

	cl_flow_format(m, out);
	PG_RETURN_CSTRING(out);
}

/* ---------------------------------------------------------------- aggregates */

/* The state to add into: the first argument in place inside an aggregate, else a copy. */
static struct varlena *
writable_state(FunctionCallInfo fcinfo, struct varlena *state)
{
	MemoryContext aggcxt;

	if (AggCheckCallContext(fcinfo, &aggcxt) && (Pointer) state == PG_GETARG_POINTER(0))
		return state;
	{
		struct varlena *copy = new_model(aggcxt ? aggcxt : CurrentMemoryContext);

		memcpy(copy, state, MODEL_SIZE);
		return copy;
	}
}

/*
 * flow_model_agg(history, date_of_birth, start_date, reference_months):
 * children without a history or a date of birth are left out.
 */
PG_FUNCTION_INFO_V1(careleaver_flow_model_transfn);
Datum
careleaver_flow_model_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	struct varlena *state;
	cl_flow_model *m;
	char		err[ERRBUF];

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "careleaver_flow_model_transfn called in a non-aggregate context");
	if (PG_ARGISNULL(3) || PG_ARGISNULL(4))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("the start date and the reference months of flow_model_agg must not be null")));
	if (PG_ARGISNULL(0))
	{
		cl_date		start = cl_pg_date_arg(fcinfo, 3, "start date");

		state = new_model(aggcxt);
		if (!cl_flow_init(MODEL(state), start, PG_GETARG_INT32(4), err, sizeof err))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s", err)));
	}
	else
		state = (struct varlena *) PG_GETARG_POINTER(0);
	m = MODEL(state);
	if (m->start != cl_pg_date_arg(fcinfo, 3, "start date") || m->months != PG_GETARG_INT32(4))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the start date and the reference months of flow_model_agg must be the same for every row")));
	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		cl_history	h = cl_pg_history_arg(fcinfo, 1);
		cl_date		dob = cl_pg_birth_date_arg(fcinfo, 2);
		cl_period  *work = palloc(sizeof(cl_period) * (h.n > 0 ? h.n : 1));

		if (!cl_flow_add_child(m, &h, dob, work, err, sizeof err))
			limit_error(err);
		pfree(work);
	}
	PG_RETURN_POINTER(state);
}

/* Combine and merge: a + b, NULL being the empty model. */
PG_FUNCTION_INFO_V1(careleaver_flow_model_combine);
Datum
careleaver_flow_model_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = NULL;
	struct varlena *a,
			   *b;
	char		err[ERRBUF];

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	b = model_arg(fcinfo, 1);
	(void) model_of(b);
	CHECK_FOR_INTERRUPTS();
	if (PG_ARGISNULL(0))
	{
		AggCheckCallContext(fcinfo, &aggcxt);
		a = new_model(aggcxt ? aggcxt : CurrentMemoryContext);
		memcpy(a, b, MODEL_SIZE);
		PG_RETURN_POINTER(a);
	}
	a = model_arg(fcinfo, 0);
	(void) model_of(a);
	a = writable_state(fcinfo, a);
	if (!cl_flow_merge(MODEL(a), MODEL(b), err, sizeof err))
	{
		if (strstr(err, "limit") != NULL)
			limit_error(err);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s", err),
				 errhint("Build every council's flow model with the same start date and reference months.")));
	}
	PG_RETURN_POINTER(a);
}

/* ---------------------------------------------------------------- rulebook */

PG_FUNCTION_INFO_V1(careleaver_flow_placement_group);
Datum
careleaver_flow_placement_group(PG_FUNCTION_ARGS)
{
	cl_history	h = cl_pg_history_arg(fcinfo, 0);
	cl_date		d = cl_pg_date_arg(fcinfo, 1, "date");
	int			g = cl_flow_group_on(&h, d);

	if (g < 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(cl_flow_group_name(g)));
}

PG_FUNCTION_INFO_V1(careleaver_age_months_on);
Datum
careleaver_age_months_on(PG_FUNCTION_ARGS)
{
	cl_date		dob = cl_pg_birth_date_arg(fcinfo, 0);
	cl_date		d = cl_pg_date_arg(fcinfo, 1, "date");
	int64		m = cl_age_months_on(dob, d);

	if (m < 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32((int32) m);
}

PG_FUNCTION_INFO_V1(careleaver_flow_age_band);
Datum
careleaver_flow_age_band(PG_FUNCTION_ARGS)
{
	cl_date		dob = cl_pg_birth_date_arg(fcinfo, 0);
	cl_date		d = cl_pg_date_arg(fcinfo, 1, "date");
	int64		m = cl_age_months_on(dob, d);
	int			band = m < 0 ? -1 : cl_flow_band_of_age((int) (m / 12));

	if (band < 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(cl_flow_band_name(band)));
}

/* ---------------------------------------------------------------- rows */

static Datum
text_datum(const char *s)
{
	return PointerGetDatum(cstring_to_text(s));
}

/* flow_groups(): kind, ordinal, name of every placement group, exit route and age band. */
PG_FUNCTION_INFO_V1(careleaver_flow_groups);
Datum
careleaver_flow_groups(PG_FUNCTION_ARGS)
{
	static const char *const kinds[3] = {"placement group", "exit route", "age band"};
	cl_srf		srf;

	cl_srf_begin(fcinfo, &srf);

	for (int k = 0; k < 3; k++)
		for (int i = 0;; i++)
		{
			const char *name = k == 0 ? cl_flow_group_name(i) : k == 1 ? cl_flow_exit_name(i) : cl_flow_band_name(i);
			Datum		v[3];
			bool		nl[3] = {false};

			if (name == NULL)
				break;
			v[0] = text_datum(kinds[k]);
			v[1] = Int32GetDatum(i + 1);
			v[2] = text_datum(name);
			cl_srf_put(&srf, v, nl);
		}
	return (Datum) 0;
}

static const char *
dest_name(int d)
{
	return d < CL_FLOW_GROUPS ? cl_flow_group_name(d) : cl_flow_exit_name(d - CL_FLOW_GROUPS);
}

/* flow_model_moves(model): age_band, from_group, destination, children, child_months, monthly_rate */
PG_FUNCTION_INFO_V1(careleaver_flow_model_moves);
Datum
careleaver_flow_model_moves(PG_FUNCTION_ARGS)
{
	cl_flow_model *m = model_of(model_arg(fcinfo, 0));
	cl_srf		srf;

	cl_srf_begin(fcinfo, &srf);

	for (int b = 0; b < CL_FLOW_BANDS; b++)
		for (int g = 0; g < CL_FLOW_GROUPS; g++)
		{
			int64		exposure = 0;

			for (int d = 0; d < CL_FLOW_DEST; d++)
				exposure += m->moves[b][g][d];
			if (exposure == 0)
				continue;
			for (int d = 0; d < CL_FLOW_DEST; d++)
			{
				Datum		v[6];
				bool		nl[6] = {false};

				if (m->moves[b][g][d] == 0)
					continue;
				v[0] = text_datum(cl_flow_band_name(b));
				v[1] = text_datum(cl_flow_group_name(g));
				v[2] = text_datum(dest_name(d));
				v[3] = Int64GetDatum(m->moves[b][g][d]);
				v[4] = Int64GetDatum(exposure);
				v[5] = Float8GetDatum((double) m->moves[b][g][d] / (double) exposure);
				cl_srf_put(&srf, v, nl);
			}
		}
	return (Datum) 0;
}

/* flow_model_entries(model): age, age_band, placement_group, entries, monthly_rate */
PG_FUNCTION_INFO_V1(careleaver_flow_model_entries);
Datum
careleaver_flow_model_entries(PG_FUNCTION_ARGS)
{
	cl_flow_model *m = model_of(model_arg(fcinfo, 0));
	cl_srf		srf;

	cl_srf_begin(fcinfo, &srf);

	for (int y = 0; y < CL_FLOW_AGE_YEARS; y++)
		for (int g = 0; g < CL_FLOW_GROUPS; g++)
		{
			Datum		v[5];
			bool		nl[5] = {false};

			if (m->entries[y][g] == 0)
				continue;
			v[0] = Int32GetDatum(y);
			v[1] = text_datum(cl_flow_band_name(cl_flow_band_of_age(y)));
			v[2] = text_datum(cl_flow_group_name(g));
			v[3] = Int64GetDatum(m->entries[y][g]);
			v[4] = Float8GetDatum((double) m->entries[y][g] / m->months);
			cl_srf_put(&srf, v, nl);
		}
	return (Datum) 0;
}

/* flow_model_stock(model): age_band, placement_group, children (looked after on the start date) */
PG_FUNCTION_INFO_V1(careleaver_flow_model_stock);
Datum
careleaver_flow_model_stock(PG_FUNCTION_ARGS)
{
	cl_flow_model *m = model_of(model_arg(fcinfo, 0));
	cl_srf		srf;
	int64		cells[CL_FLOW_BANDS][CL_FLOW_GROUPS] = {{0}};

	cl_srf_begin(fcinfo, &srf);

	for (int a = 0; a < CL_FLOW_AGE_MONTHS; a++)
		for (int g = 0; g < CL_FLOW_GROUPS; g++)
			cells[cl_flow_band_of_age(a / 12)][g] += m->stock[a][g];
	for (int b = 0; b < CL_FLOW_BANDS; b++)
		for (int g = 0; g < CL_FLOW_GROUPS; g++)
		{
			Datum		v[3];
			bool		nl[3] = {false};

			if (cells[b][g] == 0)
				continue;
			v[0] = text_datum(cl_flow_band_name(b));
			v[1] = text_datum(cl_flow_group_name(g));
			v[2] = Int64GetDatum(cells[b][g]);
			cl_srf_put(&srf, v, nl);
		}
	return (Datum) 0;
}

/* ---------------------------------------------------------------- projection */

/* The elements of a one-dimensional text or float8 array argument, NULLs allowed. */
static int
array_arg(FunctionCallInfo fcinfo, int argno, Oid elemtype, Datum **values, bool **nulls)
{
	ArrayType  *arr;
	int			n;
	int16		typlen;
	bool		typbyval;
	char		typalign;

	*values = NULL;
	*nulls = NULL;
	if (PG_ARGISNULL(argno))
		return 0;
	arr = PG_GETARG_ARRAYTYPE_P(argno);
	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("the adjustments and costs of flow_project must be one-dimensional arrays")));
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	deconstruct_array(arr, elemtype, typlen, typbyval, typalign, values, nulls, &n);
	return n;
}

static int
name_index(Datum *values, bool *nulls, int i, int (*lookup) (const char *), const char *what)
{
	char	   *s;
	int			k;

	if (values == NULL || nulls[i])
		return -1;				/* every one */
	s = TextDatumGetCString(values[i]);
	k = lookup(s);
	if (k < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown %s in adjustment %d: \"%s\"", what, i + 1, s),
				 errhint("careleaver.flow_groups() lists the names; NULL means every one.")));
	return k;
}

static Datum
numeric_1dp(double x)
{
	return DirectFunctionCall1(float8_numeric, Float8GetDatum(round(x * 10.0) / 10.0));
}

/*
 * flow_project(model, months, simulations, seed, adjust_kind text[], adjust_age_band text[],
 *              adjust_group text[], adjust_factor float8[], weekly_cost float8[])
 * RETURNS TABLE (month date, age_band text, placement_group text, projected numeric, lower95 numeric,
 *                upper95 numeric, spend numeric, spend_lower95 numeric, spend_upper95 numeric)
 */
PG_FUNCTION_INFO_V1(careleaver_flow_project);
Datum
careleaver_flow_project(PG_FUNCTION_ARGS)
{
	cl_flow_model *m;
	int			horizon,
				sims;
	int64		seed;
	Datum	   *kinds,
			   *bands,
			   *groups,
			   *factors,
			   *costs;
	bool	   *kinds_null,
			   *bands_null,
			   *groups_null,
			   *factors_null,
			   *costs_null;
	int			nadjust,
				ncosts;
	cl_flow_adjust *adjust;
	double		weekly_cost[CL_FLOW_GROUPS];
	bool		with_spend;
	const int	nout = CL_FLOW_CELLS + CL_FLOW_GROUPS + 1;	/* cells, then spend by group and total */
	double	   *draws,
			   *one,
			   *column;
	void	   *work;
	cl_srf		srf;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("the model, months, simulations and seed of flow_project must not be null")));
	m = model_of(model_arg(fcinfo, 0));
	horizon = PG_GETARG_INT32(1);
	sims = PG_GETARG_INT32(2);
	seed = PG_GETARG_INT64(3);
	if (horizon < 1 || horizon > CL_FLOW_MAX_HORIZON)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a projection covers 1 to %d months, not %d", CL_FLOW_MAX_HORIZON, horizon)));
	if (sims < 2 || sims > CL_FLOW_MAX_SIMULATIONS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a projection draws 2 to %d simulations, not %d", CL_FLOW_MAX_SIMULATIONS, sims)));

	nadjust = array_arg(fcinfo, 4, TEXTOID, &kinds, &kinds_null);
	if (array_arg(fcinfo, 5, TEXTOID, &bands, &bands_null) != nadjust ||
		array_arg(fcinfo, 6, TEXTOID, &groups, &groups_null) != nadjust ||
		array_arg(fcinfo, 7, FLOAT8OID, &factors, &factors_null) != nadjust)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("the four adjustment arrays of flow_project must have the same length")));
	adjust = palloc(sizeof(cl_flow_adjust) * (nadjust > 0 ? nadjust : 1));
	for (int i = 0; i < nadjust; i++)
	{
		char	   *kind;

		if (kinds_null[i] || factors_null[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("adjustment %d of flow_project has no kind or no factor", i + 1)));
		kind = TextDatumGetCString(kinds[i]);
		adjust[i].kind = cl_flow_adjust_kind_by_name(kind);
		if ((int) adjust[i].kind < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown adjustment \"%s\"", kind),
					 errhint("An adjustment is entries, moves_to or exits (doc/sufficiency.md, \"Scenarios\").")));
		adjust[i].band = name_index(bands, bands_null, i, cl_flow_band_by_name, "age band");
		adjust[i].group = name_index(groups, groups_null, i, cl_flow_group_by_name, "placement group");
		adjust[i].factor = DatumGetFloat8(factors[i]);
		if (!(adjust[i].factor >= 0.0) || isinf(adjust[i].factor))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the factor of adjustment %d must be a finite number of 0 or more, not %g",
							i + 1, adjust[i].factor)));
	}
	ncosts = array_arg(fcinfo, 8, FLOAT8OID, &costs, &costs_null);
	with_spend = ncosts > 0;
	if (with_spend && ncosts != CL_FLOW_GROUPS)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("weekly_cost must have one element per placement group (%d), not %d", CL_FLOW_GROUPS, ncosts),
				 errhint("careleaver.flow_groups() lists the placement groups in order.")));
	for (int g = 0; g < CL_FLOW_GROUPS; g++)
	{
		weekly_cost[g] = !with_spend || costs_null[g] ? -1.0 : DatumGetFloat8(costs[g]);
		if (with_spend && !costs_null[g] && (!(weekly_cost[g] >= 0.0) || isinf(weekly_cost[g])))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the weekly cost of \"%s\" must be a finite amount of 0 or more",
							cl_flow_group_name(g))));
	}

	draws = palloc(sizeof(double) * (size_t) horizon * nout * sims);
	one = palloc(sizeof(double) * (size_t) horizon * CL_FLOW_CELLS);
	column = palloc(sizeof(double) * sims);
	work = palloc(cl_flow_work_size());
	for (int s = 0; s < sims; s++)
	{
		cl_flow_rng rng;

		CHECK_FOR_INTERRUPTS();
		cl_flow_rng_seed(&rng, (uint64) seed, (uint64) s);
		cl_flow_simulate(m, horizon, adjust, nadjust, &rng, work, one);
		for (int k = 0; k < horizon; k++)
		{
			double	   *dst = draws + ((size_t) k * nout) * sims;
			double		spend[CL_FLOW_GROUPS + 1];
			int			days = cl_add_months(m->start, k + 1) - cl_add_months(m->start, k);

			cl_flow_spend(one + (size_t) k * CL_FLOW_CELLS, weekly_cost, days, spend);
			for (int c = 0; c < CL_FLOW_CELLS; c++)
				dst[(size_t) c * sims + s] = one[(size_t) k * CL_FLOW_CELLS + c];
			for (int g = 0; g <= CL_FLOW_GROUPS; g++)
				dst[(size_t) (CL_FLOW_CELLS + g) * sims + s] = spend[g];
		}
	}

	cl_srf_begin(fcinfo, &srf);
	for (int k = 0; k < horizon; k++)
	{
		DateADT		month = cl_add_months(m->start, k + 1);

		CHECK_FOR_INTERRUPTS();
		for (int b = 0; b <= CL_FLOW_BANDS; b++)
			for (int g = 0; g <= CL_FLOW_GROUPS; g++)
			{
				int			c = b * (CL_FLOW_GROUPS + 1) + g;
				double	   *x = draws + ((size_t) k * nout + c) * sims;
				double		mean = 0.0;
				Datum		v[9];
				bool		nl[9] = {false};

				for (int s = 0; s < sims; s++)
					mean += x[s];
				mean /= sims;
				memcpy(column, x, sizeof(double) * sims);
				v[0] = DateADTGetDatum(month);
				v[1] = text_datum(b == CL_FLOW_BANDS ? "All ages" : cl_flow_band_name(b));
				v[2] = text_datum(g == CL_FLOW_GROUPS ? "All placements" : cl_flow_group_name(g));
				v[3] = numeric_1dp(mean);
				v[4] = numeric_1dp(cl_flow_quantile(column, sims, 0.025));
				v[5] = numeric_1dp(cl_flow_quantile(column, sims, 0.975));
				if (b == CL_FLOW_BANDS && with_spend &&
					!isnan(draws[((size_t) k * nout + CL_FLOW_CELLS + g) * sims]))
				{
					double	   *y = draws + ((size_t) k * nout + CL_FLOW_CELLS + g) * sims;
					double		smean = 0.0;

					for (int s = 0; s < sims; s++)
						smean += y[s];
					memcpy(column, y, sizeof(double) * sims);
					v[6] = DirectFunctionCall1(float8_numeric, Float8GetDatum(round(smean / sims)));
					v[7] = DirectFunctionCall1(float8_numeric, Float8GetDatum(round(cl_flow_quantile(column, sims, 0.025))));
					v[8] = DirectFunctionCall1(float8_numeric, Float8GetDatum(round(cl_flow_quantile(column, sims, 0.975))));
				}
				else
					nl[6] = nl[7] = nl[8] = true;
				cl_srf_put(&srf, v, nl);
			}
	}
	return (Datum) 0;
}
