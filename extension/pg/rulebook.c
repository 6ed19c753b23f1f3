/*
 * rulebook.c: the calendar rules of metrics.md 1 and the eligibility test of
 * metrics.md 4, exposed to SQL so that the SQL builders (validation, reports,
 * hub, loader) call the core instead of re-deriving them.
 *
 * Glue only: the rules are in core/dates.c and core/status.c.
 */
#include "compat.h"

#include "fmgr.h"
#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "dates.h"
#include "history.h"
#include "status.h"
#include "cl_history_glue.h"

PG_FUNCTION_INFO_V1(careleaver_birthday);
PG_FUNCTION_INFO_V1(careleaver_age_on);
PG_FUNCTION_INFO_V1(careleaver_collection_year_of);
PG_FUNCTION_INFO_V1(careleaver_collection_year_start);
PG_FUNCTION_INFO_V1(careleaver_collection_year_end);
PG_FUNCTION_INFO_V1(careleaver_data_end);
PG_FUNCTION_INFO_V1(careleaver_eligible_by);

/* Ages a birthday may be asked for: a person's lifetime, with room. */
#define CL_BIRTHDAY_MAX_AGE 150

/*
 * Collection years whose 1 April and 31 March are PostgreSQL dates (the
 * type's range is 4714 BC to 5874897 AD); the core's arithmetic is exact
 * well beyond these.
 */
#define CL_YEAR_MIN (-4712)
#define CL_YEAR_MAX 5874897

static void
finite_date(DateADT d, const char *what)
{
	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s is not a finite date: \"%s\"", what,
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)))),
				 errhint("Give a calendar date.")));
}

static DateADT
year_edge(int32 year, bool end)
{
	cl_date		d = 0;

	if (year >= CL_YEAR_MIN && year <= CL_YEAR_MAX)
		d = end ? cl_year_end(year) : cl_year_start(year);
	if (year < CL_YEAR_MIN || year > CL_YEAR_MAX || !IS_VALID_DATE(d))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("collection year %d is out of range for a date", year),
				 errhint("A collection year is named by the year it ends (2024 is 1 April 2023 to 31 March 2024); its dates must be PostgreSQL dates.")));
	return d;
}

/* birthday(date_of_birth, age): the age-th birthday, 29 February on 1 March in common years */
Datum
careleaver_birthday(PG_FUNCTION_ARGS)
{
	cl_date		dob = cl_pg_birth_date_arg(fcinfo, 0);
	int32		age = PG_GETARG_INT32(1);

	if (age < 0 || age > CL_BIRTHDAY_MAX_AGE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("age %d is out of range for a birthday", age),
				 errhint("Ages are 0 to %d.", CL_BIRTHDAY_MAX_AGE)));
	PG_RETURN_DATEADT(cl_birthday(dob, age));
}

/* age_on(date_of_birth, on_date): completed years, as age(on_date, date_of_birth) counts them */
Datum
careleaver_age_on(PG_FUNCTION_ARGS)
{
	cl_date		dob = cl_pg_birth_date_arg(fcinfo, 0);
	cl_date		on = cl_pg_date_arg(fcinfo, 1, "date");

	PG_RETURN_INT32(cl_age_on(dob, on));
}

/* collection_year_of(d): the collection year containing d */
Datum
careleaver_collection_year_of(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);

	finite_date(d, "date");
	PG_RETURN_INT32(cl_collection_year(d));
}

/* collection_year_start(year): 1 April starting the year */
Datum
careleaver_collection_year_start(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(year_edge(PG_GETARG_INT32(0), false));
}

/* collection_year_end(year): 31 March ending the year */
Datum
careleaver_collection_year_end(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(year_edge(PG_GETARG_INT32(0), true));
}

/*
 * data_end(latest): 31 March ending the collection year of the latest date
 * the data holds; the largest date when that 31 March is past the type's end.
 */
Datum
careleaver_data_end(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);
	int			year;

	finite_date(d, "latest date of the data");
	year = cl_collection_year(d);
	if (year > CL_YEAR_MAX || !IS_VALID_DATE(cl_year_end(year)))
		PG_RETURN_DATEADT(DATE_END_JULIAN - POSTGRES_EPOCH_JDATE - 1);
	PG_RETURN_DATEADT(cl_data_end(d));
}

/* eligible_by(history, date_of_birth, on_date): eligible_by(T) of metrics.md 4 */
Datum
careleaver_eligible_by(PG_FUNCTION_ARGS)
{
	cl_history	h = cl_pg_history_arg(fcinfo, 0);
	cl_date		dob = cl_pg_birth_date_arg(fcinfo, 1);
	cl_date		at = cl_pg_date_arg(fcinfo, 2, "date");

	PG_RETURN_BOOL(cl_eligible_by(&h, dob, at));
}
