/*
 * location.c: SQL glue for placement location and distance (core/location.c) and the
 * synthetic postcode look-up (core/synth_location.c); metrics.md 14.
 */
#include "compat.h"

#include <math.h>

#include "fmgr.h"
#include "funcapi.h"
#include "access/htup_details.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "location.h"
#include "synth.h"
#include "synth_location.h"
#include "srf.h"

PG_FUNCTION_INFO_V1(careleaver_postcode_normalise);
PG_FUNCTION_INFO_V1(careleaver_postcode_problem);
PG_FUNCTION_INFO_V1(careleaver_placement_distance_miles);
PG_FUNCTION_INFO_V1(careleaver_placed_more_than_20_miles);
PG_FUNCTION_INFO_V1(careleaver_placement_location_breakdown);
PG_FUNCTION_INFO_V1(careleaver_placement_location_breakdowns);
PG_FUNCTION_INFO_V1(careleaver_synthetic_postcode_grid);

/* Tenths of a mile of a distance in miles; -1 for NULL. */
static int64
tenths_arg(FunctionCallInfo fcinfo, int argno)
{
	double		miles;

	if (PG_ARGISNULL(argno))
		return -1;
	miles = DatumGetFloat8(DirectFunctionCall1(numeric_float8, PG_GETARG_DATUM(argno)));
	if (isnan(miles) || miles < 0 || miles > 1e9)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("distance %g miles is not a distance between two places", miles)));
	return (int64) llround(miles * 10.0);
}

Datum
careleaver_postcode_normalise(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	char		out[CL_POSTCODE_LEN];
	const char *why;

	if (!cl_postcode_canonical(VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), out, &why))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(out));
}

Datum
careleaver_postcode_problem(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	char		out[CL_POSTCODE_LEN];
	const char *why;

	if (cl_postcode_canonical(VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), out, &why))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(why));
}

Datum
careleaver_placement_distance_miles(PG_FUNCTION_ARGS)
{
	int64		tenths = cl_grid_distance_tenths(PG_GETARG_INT32(0), PG_GETARG_INT32(1),
												 PG_GETARG_INT32(2), PG_GETARG_INT32(3));
	char		buf[32];

	snprintf(buf, sizeof(buf), "%lld.%lld", (long long) (tenths / 10), (long long) (tenths % 10));
	PG_RETURN_DATUM(DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
										ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
}

Datum
careleaver_placed_more_than_20_miles(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(cl_distance_more_than_threshold(tenths_arg(fcinfo, 0)));
}

Datum
careleaver_placement_location_breakdown(PG_FUNCTION_ARGS)
{
	int			inside = PG_ARGISNULL(0) ? -1 : (PG_GETARG_BOOL(0) ? 1 : 0);

	PG_RETURN_TEXT_P(cstring_to_text(cl_placement_location_label(inside, tenths_arg(fcinfo, 1))));
}

/* The labels in DfE's order: (ordinal, breakdown). */
Datum
careleaver_placement_location_breakdowns(PG_FUNCTION_ARGS)
{
	int			n;
	const char *const *labels = cl_placement_location_labels(&n);
	cl_srf		srf;

	cl_srf_begin(fcinfo, &srf);
	for (int i = 0; i < n; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = Int32GetDatum(i + 1);
		values[1] = CStringGetTextDatum(labels[i]);
		cl_srf_put(&srf, values, nulls);
	}
	return (Datum) 0;
}

/* (easting, northing, la_code) of a synthetic postcode; NULL fields when it is not one. */
Datum
careleaver_synthetic_postcode_grid(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	char		postcode[CL_POSTCODE_LEN];
	const char *why;
	int32		easting,
				northing;
	int			council;
	Datum		values[3];
	bool		nulls[3] = {true, true, true};
	TupleDesc	tupdesc = cl_row_type(fcinfo);

	if (cl_postcode_canonical(VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), postcode, &why) &&
		cl_synth_postcode_grid(postcode, &easting, &northing, &council))
	{
		values[0] = Int32GetDatum(easting);
		values[1] = Int32GetDatum(northing);
		values[2] = CStringGetTextDatum(cl_synth_council_code(council));
		nulls[0] = nulls[1] = nulls[2] = false;
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
