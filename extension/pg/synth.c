/*
 * synth.c: the set-returning functions behind careleaver.generate_synthetic
 * (careleaver.synthetic_header, synthetic_episodes, synthetic_oc3,
 * synthetic_councils).  They convert the arguments, ask the core
 * (core/synth.c) for each child in turn and return the rows (srf.h).  Code columns are the extension's code types, whose
 * datum is the code's int2 index (see codes_types.c).
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
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "codes.h"
#include "synth.h"
#include "synth_location.h"
#include "synth_modules_glue.h"

PG_FUNCTION_INFO_V1(careleaver_synthetic_header);
PG_FUNCTION_INFO_V1(careleaver_synthetic_episodes);
PG_FUNCTION_INFO_V1(careleaver_synthetic_oc3);
PG_FUNCTION_INFO_V1(careleaver_synthetic_councils);
PG_FUNCTION_INFO_V1(careleaver_synthetic_ad1);
PG_FUNCTION_INFO_V1(careleaver_synthetic_placed_adoption);
PG_FUNCTION_INFO_V1(careleaver_synthetic_oc2);
PG_FUNCTION_INFO_V1(careleaver_synthetic_sw_episodes);

typedef enum synth_kind
{
	SYNTH_HEADER,
	SYNTH_EPISODES,
	SYNTH_OC3,
	SYNTH_SW_EPISODES,
	SYNTH_AD1,					/* and on: the modules of synth_modules_glue.h */
	SYNTH_PLACED_ADOPTION,
	SYNTH_OC2
} synth_kind;

#define HEADER_COLS 10
#define EPISODE_COLS 14
#define OC3_COLS 7
#define MAX_COLS 14

/* Arguments (children, seed, councils, first_year, last_year), checked. */
static void
read_args(FunctionCallInfo fcinfo, int32 *children, cl_synth_params *p)
{
	char		msg[160];

	*children = PG_GETARG_INT32(0);
	p->seed = PG_GETARG_INT32(1);
	p->councils = PG_GETARG_INT32(2);
	p->first_year = PG_GETARG_INT32(3);
	p->last_year = PG_GETARG_INT32(4);
	if (*children < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("number of synthetic children must not be negative: %d", *children)));
	if (p->councils < 1 || p->councils > cl_synth_max_councils())
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("number of synthetic councils must be between 1 and %d: %d",
						cl_synth_max_councils(), p->councils)));
	if (!cl_synth_check_params(p, msg, sizeof(msg)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid synthetic council parameters: %s", msg),
				 errhint("Collection years are named by the year they end (2024 = 2023-24).")));
}

static inline Datum
code_datum(int index, bool *isnull)
{
	*isnull = index == 0;
	return Int16GetDatum((int16) index);
}

static inline Datum
date_datum(cl_date d, bool *isnull)
{
	*isnull = d == CL_DATE_OPEN;
	return DateADTGetDatum((DateADT) d);
}

static Datum
synthetic_rows(FunctionCallInfo fcinfo, synth_kind kind)
{
	cl_srf		srf;
	MemoryContext oldcontext,
				rowcontext;
	cl_synth_params params;
	cl_synth_child *child;
	cl_synth_sw_episode *sw;
	int32		children;
	Datum	   *la;
	Datum		values[MAX_COLS];
	bool		nulls[MAX_COLS];
	char		id[CL_SYNTH_TEXT_LEN],
				home[CL_SYNTH_TEXT_LEN],
				buf[CL_SYNTH_TEXT_LEN];

	read_args(fcinfo, &children, &params);
	cl_srf_begin(fcinfo, &srf);

	child = palloc(sizeof(cl_synth_child));
	sw = kind == SYNTH_SW_EPISODES ? palloc(sizeof(cl_synth_sw_episode) * CL_SYNTH_MAX_SW) : NULL;
	la = palloc(sizeof(Datum) * params.councils);
	for (int i = 0; i < params.councils; i++)
		la[i] = CStringGetTextDatum(cl_synth_council_code(i));
	rowcontext = AllocSetContextCreate(CurrentMemoryContext, "synthetic rows",
									   ALLOCSET_DEFAULT_SIZES);

	for (int64 n = 0; n < children; n++)
	{
		CHECK_FOR_INTERRUPTS();
		cl_synth_child_generate(&params, n, child);
		oldcontext = MemoryContextSwitchTo(rowcontext);
		cl_synth_child_id(child, id);
		memset(nulls, 0, sizeof(nulls));
		values[0] = la[child->council];
		values[1] = CStringGetTextDatum(id);

		if (kind == SYNTH_HEADER)
		{
			values[2] = CStringGetTextDatum(cl_synth_sex_text(child->male, params.last_year));
			values[3] = date_datum(child->dob, &nulls[3]);
			values[4] = CStringGetTextDatum(cl_synth_ethnic_text(child->ethnic));
			cl_synth_upn(child, buf);
			values[5] = CStringGetTextDatum(buf);
			values[6] = Int16GetDatum((int16) child->mother);
			nulls[6] = child->mother < 0;
			values[7] = date_datum(child->mother == 1 ? child->mc_dob : CL_DATE_OPEN, &nulls[7]);
			values[8] = BoolGetDatum(child->uasc);
			values[9] = date_datum(child->uasc ? child->duc : CL_DATE_OPEN, &nulls[9]);
			cl_srf_put(&srf, values, nulls);
		}
		else if (kind == SYNTH_EPISODES)
		{
			cl_synth_home_postcode(child, home);
			for (int i = 0; i < child->n_episodes; i++)
			{
				const cl_synth_episode *e = &child->episodes[i];

				values[2] = date_datum(e->decom, &nulls[2]);
				values[3] = code_datum(e->rne, &nulls[3]);
				values[4] = code_datum(e->ls, &nulls[4]);
				values[5] = code_datum(e->cin, &nulls[5]);
				values[6] = code_datum(e->place, &nulls[6]);
				values[7] = code_datum(e->provider, &nulls[7]);
				values[8] = date_datum(e->dec, &nulls[8]);
				values[9] = code_datum(e->rec, &nulls[9]);
				values[10] = code_datum(e->rpc, &nulls[10]);
				values[11] = CStringGetTextDatum(home);
				nulls[12] = false;
				if (e->place == CL_PLACE_P1)
					values[12] = values[11];	/* placed with parents: at home */
				else if (cl_synth_placement_postcode(child, e, buf))
					values[12] = CStringGetTextDatum(buf);
				else
					nulls[12] = true;
				nulls[11] = child->uasc;	/* DfE holds no home for a UASC (rule 406; a short break may have blanked it) */
				nulls[13] = !cl_synth_urn(e, buf);
				values[13] = nulls[13] ? (Datum) 0 : CStringGetTextDatum(buf);
				if (e->ls == CL_LS_V3 || e->ls == CL_LS_V4)
					nulls[11] = nulls[12] = nulls[13] = true;	/* short breaks: no location (DfE rules 214, 398) */
				cl_srf_put(&srf, values, nulls);
			}
		}
		else if (kind == SYNTH_SW_EPISODES)
		{
			int			n = cl_synth_social_workers(&params, child, sw, CL_SYNTH_MAX_SW);

			for (int i = 0; i < n; i++)
			{
				values[2] = date_datum(child->dob, &nulls[2]);
				values[3] = CStringGetTextDatum(sw[i].sw_id);
				values[4] = date_datum(sw[i].decom, &nulls[4]);
				values[5] = date_datum(sw[i].dec, &nulls[5]);
				nulls[6] = sw[i].reason == NULL;
				values[6] = nulls[6] ? (Datum) 0 : CStringGetTextDatum(sw[i].reason);
				cl_srf_put(&srf, values, nulls);
			}
		}
		else if (kind >= SYNTH_AD1)
			cl_pg_synth_module_rows((cl_synth_module) (kind - SYNTH_AD1), &params, child, &srf,
									values, nulls);
		else
		{
			for (int i = 0; i < child->n_oc3; i++)
			{
				const cl_synth_oc3 *o = &child->oc3[i];

				values[2] = Int32GetDatum(o->year);
				values[3] = date_datum(child->dob, &nulls[3]);
				values[4] = code_datum(o->in_touch, &nulls[4]);
				values[5] = code_datum(o->activ, &nulls[5]);
				values[6] = code_datum(o->accom, &nulls[6]);
				cl_srf_put(&srf, values, nulls);
			}
		}
		MemoryContextSwitchTo(oldcontext);
		MemoryContextReset(rowcontext);
	}
	MemoryContextDelete(rowcontext);
	pfree(child);
	if (sw)
		pfree(sw);
	return (Datum) 0;
}

Datum
careleaver_synthetic_header(PG_FUNCTION_ARGS)
{
	return synthetic_rows(fcinfo, SYNTH_HEADER);
}

Datum
careleaver_synthetic_episodes(PG_FUNCTION_ARGS)
{
	return synthetic_rows(fcinfo, SYNTH_EPISODES);
}

Datum
careleaver_synthetic_oc3(PG_FUNCTION_ARGS)
{
	return synthetic_rows(fcinfo, SYNTH_OC3);
}

Datum
careleaver_synthetic_sw_episodes(PG_FUNCTION_ARGS)
{
	return synthetic_rows(fcinfo, SYNTH_SW_EPISODES);
}

Datum
careleaver_synthetic_ad1(PG_FUNCTION_ARGS)
{
	return synthetic_rows(fcinfo, SYNTH_AD1);
}

Datum
careleaver_synthetic_placed_adoption(PG_FUNCTION_ARGS)
{
	return synthetic_rows(fcinfo, SYNTH_PLACED_ADOPTION);
}

Datum
careleaver_synthetic_oc2(PG_FUNCTION_ARGS)
{
	return synthetic_rows(fcinfo, SYNTH_OC2);
}

/* The council codes the generator uses for its first n councils. */
Datum
careleaver_synthetic_councils(PG_FUNCTION_ARGS)
{
	int32		n = PG_GETARG_INT32(0);
	Datum	   *elems;

	if (n < 1 || n > cl_synth_max_councils())
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("number of synthetic councils must be between 1 and %d: %d",
						cl_synth_max_councils(), n)));
	elems = palloc(sizeof(Datum) * n);
	for (int i = 0; i < n; i++)
		elems[i] = CStringGetTextDatum(cl_synth_council_code(i));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}
