/*
 * timeliness.c: glue for DfE's years-and-months arithmetic of adoption
 * timeliness (core/timeliness.c; metrics.md 12).
 */
#include "compat.h"

#include <math.h>

#include "fmgr.h"
#include "utils/builtins.h"

#include "timeliness.h"

PG_FUNCTION_INFO_V1(careleaver_months_from_days);
PG_FUNCTION_INFO_V1(careleaver_years_months);
PG_FUNCTION_INFO_V1(careleaver_years_months_to_months);

/* months_from_days(days): days in mean calendar months (365.25 / 12 days) */
Datum
careleaver_months_from_days(PG_FUNCTION_ARGS)
{
	float8		days = PG_GETARG_FLOAT8(0);

	if (isnan(days) || isinf(days))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("days must be a finite number, not %g", days),
				 errhint("Give the number of days between two dates.")));
	PG_RETURN_FLOAT8(cl_days_to_months(days));
}

/* years_months(months): DfE's "YY:MM" of a number of months */
Datum
careleaver_years_months(PG_FUNCTION_ARGS)
{
	float8		months = PG_GETARG_FLOAT8(0);
	char		buf[CL_YEARS_MONTHS_MAX];

	if (!cl_years_months_format(months, buf))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%g months cannot be written as DfE's years and months", months),
				 errhint("Give a finite number of months from 0 to under 100,000 years.")));
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

/* years_months_to_months(text): the whole months of DfE's "YY:MM" */
Datum
careleaver_years_months_to_months(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int			months;

	if (!cl_years_months_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &months))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid years and months: \"%s\"", text_to_cstring(t)),
				 errdetail("DfE writes average times as YY:MM, years then months 0 to 11."),
				 errhint("Write for example 01:07 for one year and seven months.")));
	PG_RETURN_INT32(months);
}
