/*
 * equality.c: SQL glue for the breakdowns of the equality lens (core/equality.c; metrics.md 17).
 */
#include "compat.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "cl_history_glue.h"
#include "equality.h"
#include "srf.h"

PG_FUNCTION_INFO_V1(careleaver_dfe_ethnicity);
PG_FUNCTION_INFO_V1(careleaver_ons_ethnicity);
PG_FUNCTION_INFO_V1(careleaver_dfe_sex);
PG_FUNCTION_INFO_V1(careleaver_dfe_age_group);
PG_FUNCTION_INFO_V1(careleaver_uasc_on);
PG_FUNCTION_INFO_V1(careleaver_dfe_uasc);
PG_FUNCTION_INFO_V1(careleaver_dfe_disability);
PG_FUNCTION_INFO_V1(careleaver_need_in_year);
PG_FUNCTION_INFO_V1(careleaver_breakdown_labels);

static text *
label_text(const char *label)
{
	return cstring_to_text(label);
}

Datum
careleaver_dfe_ethnicity(PG_FUNCTION_ARGS)
{
	text	   *code = PG_ARGISNULL(0) ? NULL : PG_GETARG_TEXT_PP(0);
	int			group = cl_ethnicity_breakdown(code ? VARDATA_ANY(code) : NULL,
											   code ? VARSIZE_ANY_EXHDR(code) : 0);

	PG_RETURN_TEXT_P(label_text(cl_ethnicity_group_label(group)));
}

Datum
careleaver_ons_ethnicity(PG_FUNCTION_ARGS)
{
	int			group = cl_ethnicity_group_of_ons(PG_GETARG_INT32(0));

	if (group < 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(label_text(cl_ethnicity_group_label(group)));
}

Datum
careleaver_dfe_sex(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_TEXT_P(label_text(cl_sex_label("", 0)));
	PG_RETURN_TEXT_P(label_text(cl_sex_label(VARDATA_ANY(PG_GETARG_TEXT_PP(0)),
											 VARSIZE_ANY_EXHDR(PG_GETARG_TEXT_PP(0)))));
}

Datum
careleaver_dfe_age_group(PG_FUNCTION_ARGS)
{
	int32		age = PG_ARGISNULL(0) ? -1 : PG_GETARG_INT32(0);

	PG_RETURN_TEXT_P(label_text(cl_age_group_label(age < 0 ? -1 : age)));
}

Datum
careleaver_uasc_on(PG_FUNCTION_ARGS)
{
	bool		has_record = !PG_ARGISNULL(0) && PG_GETARG_BOOL(0);
	bool		duc_known = !PG_ARGISNULL(1);
	DateADT		duc = duc_known ? PG_GETARG_DATEADT(1) : 0;
	DateADT		on;

	if (PG_ARGISNULL(2))
		PG_RETURN_NULL();
	on = PG_GETARG_DATEADT(2);
	if (DATE_NOT_FINITE(on))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date \"%s\" is not a day a child can be counted on",
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(on)))),
				 errhint("Give the day of the count, such as 31 March of the collection year.")));
	if (duc_known && DATE_IS_NOBEGIN(duc))
		PG_RETURN_BOOL(false);		/* ceased before any day */
	if (duc_known && DATE_IS_NOEND(duc))
		duc_known = false;			/* never ceases */
	PG_RETURN_BOOL(cl_uasc_on(has_record, duc_known, (cl_date) duc, (cl_date) on));
}

Datum
careleaver_dfe_uasc(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(label_text(cl_uasc_label(PG_GETARG_BOOL(0))));
}

Datum
careleaver_dfe_disability(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_TEXT_P(label_text(cl_disability_label("", 0)));
	PG_RETURN_TEXT_P(label_text(cl_disability_label(VARDATA_ANY(PG_GETARG_TEXT_PP(0)),
													VARSIZE_ANY_EXHDR(PG_GETARG_TEXT_PP(0)))));
}

Datum
careleaver_need_in_year(PG_FUNCTION_ARGS)
{
	cl_history	h = cl_pg_history_arg(fcinfo, 0);
	int32		year = PG_GETARG_INT32(1);
	int			need;

	if (year < 3 || year > CL_LAST_COLLECTION_YEAR)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("collection year %d is out of range", year),
				 errhint("A collection year is named by the year it ends (2024 is 1 April 2023 to 31 March 2024), from 3 to %d.",
						 CL_LAST_COLLECTION_YEAR)));
	need = cl_history_need_in(&h, cl_year_start(year), cl_year_end(year));
	if (need == 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(label_text(cl_code_text(CL_LIST_NEED_CATEGORY, need)));
}

Datum
careleaver_breakdown_labels(PG_FUNCTION_ARGS)
{
	int			n;
	const cl_breakdown_label *labels = cl_breakdown_labels(&n);
	cl_srf		srf;

	cl_srf_begin(fcinfo, &srf);
	for (int i = 0; i < n; i++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = PointerGetDatum(label_text(labels[i].topic));
		values[1] = Int32GetDatum(labels[i].order);
		values[2] = PointerGetDatum(label_text(labels[i].label));
		cl_srf_put(&srf, values, nulls);
	}
	return (Datum) 0;
}
