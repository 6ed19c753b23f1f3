/*
 * synth_cin.c: glue for the synthetic CIN records (core/synth_cin.c):
 * synthetic_cin_events(stream, dob, first_care, care_end, data_end) returns one child's
 * records as rows; generate_synthetic_cin (85_cin.sql) writes them.
 */
#include "compat.h"

#include "fmgr.h"
#include "funcapi.h"
#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "cin_codes.h"
#include "synth_cin.h"
#include "srf.h"

PG_FUNCTION_INFO_V1(careleaver_synthetic_cin_events);

typedef struct SynthCinCtx
{
	cl_synth_cin_event ev[CL_SYNTH_CIN_MAX_EVENTS];
	int			n;
} SynthCinCtx;

static Datum
date_or_null(cl_date d, bool *isnull)
{
	*isnull = (d == CL_DATE_OPEN || d == CL_CIN_NO_DATE);
	return DateADTGetDatum((DateADT) d);
}

Datum
careleaver_synthetic_cin_events(PG_FUNCTION_ARGS)
{
	int64		stream = PG_GETARG_INT64(0);
	DateADT		dob = PG_GETARG_DATEADT(1);
	DateADT		care = PG_ARGISNULL(2) ? DATEVAL_NOEND : PG_GETARG_DATEADT(2);
	DateADT		care_end = PG_ARGISNULL(3) ? DATEVAL_NOEND : PG_GETARG_DATEADT(3);
	DateADT		end = PG_GETARG_DATEADT(4);
	SynthCinCtx *c;
	cl_srf		srf;

	if (DATE_NOT_FINITE(dob) || DATE_NOT_FINITE(end))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("synthetic_cin_events needs a finite date of birth and data end")));
	cl_srf_begin(fcinfo, &srf);
	c = palloc0(sizeof(SynthCinCtx));
	c->n = cl_synth_cin_child((uint64_t) stream, (cl_date) dob,
							  DATE_NOT_FINITE(care) ? CL_DATE_OPEN : (cl_date) care,
							  DATE_NOT_FINITE(care_end) ? CL_DATE_OPEN : (cl_date) care_end, (cl_date) end,
							  c->ev, CL_SYNTH_CIN_MAX_EVENTS);
	for (int row = 0; row < c->n; row++)
	{
		const cl_synth_cin_event *s = &c->ev[row];
		const cl_cin_event *e = &s->ev;
		Datum		v[14];
		bool		nulls[14] = {0};
		char		kind[2] = {(char) e->kind, 0};

		v[0] = CStringGetTextDatum(kind);
		v[1] = DateADTGetDatum((DateADT) s->referral);
		v[2] = date_or_null(e->start, &nulls[2]);
		v[3] = date_or_null(e->end, &nulls[3]);
		nulls[4] = nulls[5] = true;
		if (e->kind == 'R' && e->code1)
		{
			v[4] = CStringGetTextDatum(cl_cin_code_at(CL_CIN_CLOSURE_REASON, e->code1 - 1));
			nulls[4] = false;
		}
		if (e->kind == 'C')
		{
			v[4] = CStringGetTextDatum(cl_cin_code_at(CL_CIN_ABUSE_CATEGORY, e->code1 - 1));
			v[5] = CStringGetTextDatum(cl_cin_code_at(CL_CIN_ABUSE_CATEGORY, e->code2 - 1));
			nulls[4] = nulls[5] = false;
		}
		v[6] = BoolGetDatum(e->nfa != 0);
		v[7] = Int32GetDatum(e->previous);
		nulls[7] = e->previous < 0;
		{
			Datum		f[64];
			int			nf = 0;

			for (int i = 0; i < cl_cin_code_count(CL_CIN_FACTOR) && i < 64; i++)
				if (e->factors & ((uint64_t) 1 << i))
					f[nf++] = CStringGetTextDatum(cl_cin_code_at(CL_CIN_FACTOR, i));
			if (nf > 0)
				v[8] = PointerGetDatum(construct_array(f, nf, TEXTOID, -1, false, TYPALIGN_INT));
			else
				nulls[8] = true;
		}
		nulls[9] = s->source == 0;
		if (s->source)
			v[9] = CStringGetTextDatum(cl_cin_code_at(CL_CIN_REFERRAL_SOURCE, s->source - 1));
		nulls[10] = s->need == 0;
		if (s->need)
			v[10] = CStringGetTextDatum(cl_cin_code_at(CL_CIN_PRIMARY_NEED, s->need - 1));
		v[11] = date_or_null(s->icpc, &nulls[11]);
		v[12] = BoolGetDatum(s->icpc_not_required != 0);
		nulls[12] = e->kind != 'S';
		{
			Datum		d[16];
			int			nd = 0;

			for (int i = 0; i < cl_cin_code_count(CL_CIN_DISABILITY) && i < 16; i++)
				if (s->disabilities & (1u << i))
					d[nd++] = CStringGetTextDatum(cl_cin_code_at(CL_CIN_DISABILITY, i));
			nulls[13] = nd == 0;
			if (nd > 0)
				v[13] = PointerGetDatum(construct_array(d, nd, TEXTOID, -1, false, TYPALIGN_INT));
		}
		cl_srf_put(&srf, v, nulls);
	}
	return (Datum) 0;
}
