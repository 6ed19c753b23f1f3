/*
 * disclosure.c: SQL glue of the disclosure-control core (metrics.md 9):
 * the careleaver.suppression_threshold setting, publish_count, suppress_row,
 * publish_row_total, publish_percent and round_total.
 */
#include "compat.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "miscadmin.h"
#include "utils/guc.h"

#include "disclosure.h"

/* The setting careleaver.suppression_threshold (a GUC, so necessarily global). */
static int	cl_suppression_threshold = CL_DISCLOSURE_DEFAULT_THRESHOLD;

void		cl_disclosure_define_settings(void);

/*
 * Disclosure control must hold for roles that may see only published figures
 * (a regional hub's readers, say): below the floor only a superuser session,
 * or a source only a superuser can write (postgresql.conf, ALTER SYSTEM, the
 * server's command line, ALTER ROLE ALL), may set it.  ALTER DATABASE and
 * ALTER ROLE settings are refused too: a database owner or the role itself
 * can write those.  A value SET before the library was loaded (a placeholder)
 * comes through here when the library defines the setting, and is refused
 * (with a WARNING) the same way, leaving the default.
 */
static bool
check_suppression_threshold(int *newval, void **extra, GucSource source)
{
	if (*newval >= CL_DISCLOSURE_FLOOR_THRESHOLD || source <= PGC_S_GLOBAL || superuser())
		return true;
	GUC_check_errcode(ERRCODE_INSUFFICIENT_PRIVILEGE);
	GUC_check_errmsg("careleaver.suppression_threshold cannot be set below %d by a role that is not superuser",
					 CL_DISCLOSURE_FLOOR_THRESHOLD);
	GUC_check_errdetail("Published figures always suppress counts from 1 to %d; %d was asked for.",
						CL_DISCLOSURE_FLOOR_THRESHOLD, *newval);
	GUC_check_errhint("Set %d or more for a stricter policy; a lower threshold is set by the DBA "
					  "(postgresql.conf or ALTER SYSTEM).", CL_DISCLOSURE_FLOOR_THRESHOLD);
	return false;
}

void
cl_disclosure_define_settings(void)
{
	DefineCustomIntVariable("careleaver.suppression_threshold",
							"Counts from 1 to this value are suppressed (shown as c) in published figures.",
							"Zero is always shown. The DfE practice is 5; only a superuser (or the server's "
							"configuration) may set less, and 0 turns primary suppression off.",
							&cl_suppression_threshold,
							CL_DISCLOSURE_DEFAULT_THRESHOLD,
							0, CL_DISCLOSURE_MAX_THRESHOLD,
							PGC_USERSET, 0, check_suppression_threshold, NULL, NULL);
}

/* The threshold argument at argno, or the setting when it is NULL. */
static int
threshold_arg(FunctionCallInfo fcinfo, int argno)
{
	int			t;

	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return cl_suppression_threshold;
	t = PG_GETARG_INT32(argno);
	if (t < 0 || t > CL_DISCLOSURE_MAX_THRESHOLD)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("suppression threshold %d is out of range", t),
				 errhint("Use a threshold from 0 to %d; 5 is the DfE practice.",
						 CL_DISCLOSURE_MAX_THRESHOLD)));
	return t;
}

static void
negative_count(const char *what, int64 value)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid %s for disclosure control: " INT64_FORMAT, what, value),
			 errdetail("Counts are zero or more.")));
}

PG_FUNCTION_INFO_V1(careleaver_suppression_threshold);
Datum
careleaver_suppression_threshold(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(cl_suppression_threshold);
}

PG_FUNCTION_INFO_V1(careleaver_publish_count);
Datum
careleaver_publish_count(PG_FUNCTION_ARGS)
{
	int			t = threshold_arg(fcinfo, 1);
	char		buf[32];
	int64		n;

	if (PG_ARGISNULL(0))
		PG_RETURN_TEXT_P(cstring_to_text(CL_SYMBOL_NOT_AVAILABLE));
	n = PG_GETARG_INT64(0);
	if (n < 0)
		negative_count("count", n);
	if (cl_format_count(n, t, buf, sizeof buf) != CL_DISCLOSURE_OK)
		elog(ERROR, "could not format count " INT64_FORMAT, n);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

/*
 * Reads a one-dimensional bigint[] into palloc'd cells and missing flags and
 * suppresses it.  Returns the number of cells.
 */
static int
suppress_array(FunctionCallInfo fcinfo, int64 **cells_out, unsigned char **state_out,
			   unsigned char *total_state, int64 *total_out)
{
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(0);
	int			t = threshold_arg(fcinfo, 1);
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	int64	   *cells;
	unsigned char *missing;
	unsigned char *state;
	unsigned char *forced;
	int64		total = 0;
	char		err[128];
	int			rc;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("cells must be a one-dimensional array, not %d-dimensional", ARR_NDIM(arr)),
				 errhint("Pass one row of a table at a time.")));
	deconstruct_array(arr, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &elems, &nulls, &n);
	cells = palloc(sizeof(int64) * Max(n, 1));
	missing = palloc(Max(n, 1));
	state = palloc(Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		missing[i] = nulls[i] ? 1 : 0;
		cells[i] = nulls[i] ? 0 : DatumGetInt64(elems[i]);
	}
	forced = NULL;
	if (PG_NARGS() > 2 && !PG_ARGISNULL(2))
	{
		ArrayType  *harr = PG_GETARG_ARRAYTYPE_P(2);
		Datum	   *helems;
		bool	   *hnulls;
		int			hn;

		deconstruct_array(harr, BOOLOID, 1, true, TYPALIGN_CHAR, &helems, &hnulls, &hn);
		if (ARR_NDIM(harr) > 1 || hn != n)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("hidden must be a one-dimensional array as long as cells (%d), not %d", n, hn)));
		forced = palloc(Max(n, 1));
		for (int i = 0; i < n; i++)
			forced[i] = (!hnulls[i] && DatumGetBool(helems[i])) ? 1 : 0;
	}
	rc = cl_suppress_row_forced(cells, missing, forced, n, t, state, total_state, err, sizeof err);
	if (rc == CL_DISCLOSURE_ENEGATIVE || rc == CL_DISCLOSURE_ERANGE)
		ereport(ERROR,
				(errcode(rc == CL_DISCLOSURE_ENEGATIVE ? ERRCODE_INVALID_PARAMETER_VALUE
						 : ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("invalid row for disclosure control: %s", err),
				 errdetail("Counts are zero or more.")));
	if (rc != CL_DISCLOSURE_OK)
		elog(ERROR, "disclosure control failed: %s", err);
	for (int i = 0; i < n; i++)
		if (!missing[i])
			total += cells[i];
	*cells_out = cells;
	*state_out = state;
	*total_out = total;
	return n;
}

PG_FUNCTION_INFO_V1(careleaver_suppress_row);
Datum
careleaver_suppress_row(PG_FUNCTION_ARGS)
{
	int64	   *cells;
	unsigned char *state;
	unsigned char total_state;
	int64		total;
	int			n;
	Datum	   *out;
	bool	   *outnull;
	int			dims[1];
	int			lbs[1] = {1};

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	n = suppress_array(fcinfo, &cells, &state, &total_state, &total);
	if (n == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(TEXTOID));
	out = palloc(sizeof(Datum) * n);
	outnull = palloc0(sizeof(bool) * n);
	for (int i = 0; i < n; i++)
	{
		char		buf[32];

		if (state[i] == CL_CELL_MISSING)
			snprintf(buf, sizeof buf, "%s", CL_SYMBOL_NOT_AVAILABLE);
		else if (state[i] == CL_CELL_PRIMARY || state[i] == CL_CELL_SECONDARY)
			snprintf(buf, sizeof buf, "%s", CL_SYMBOL_CONFIDENTIAL);
		else
			snprintf(buf, sizeof buf, INT64_FORMAT, cells[i]);
		out[i] = PointerGetDatum(cstring_to_text(buf));
	}
	dims[0] = n;
	PG_RETURN_ARRAYTYPE_P(construct_md_array(out, outnull, 1, dims, lbs, TEXTOID, -1, false,
											 TYPALIGN_INT));
}

PG_FUNCTION_INFO_V1(careleaver_publish_row_total);
Datum
careleaver_publish_row_total(PG_FUNCTION_ARGS)
{
	int64	   *cells;
	unsigned char *state;
	unsigned char total_state;
	int64		total;
	char		buf[32];

	if (PG_ARGISNULL(0))
		PG_RETURN_TEXT_P(cstring_to_text(CL_SYMBOL_NOT_AVAILABLE));
	(void) suppress_array(fcinfo, &cells, &state, &total_state, &total);
	if (total_state != CL_CELL_SHOWN)
		PG_RETURN_TEXT_P(cstring_to_text(CL_SYMBOL_CONFIDENTIAL));
	snprintf(buf, sizeof buf, INT64_FORMAT, total);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

PG_FUNCTION_INFO_V1(careleaver_publish_percent);
Datum
careleaver_publish_percent(PG_FUNCTION_ARGS)
{
	int			t = threshold_arg(fcinfo, 2);
	int			decimals = 0;
	int64		num,
				den;
	char		buf[48];
	int			rc;

	if (PG_NARGS() > 3 && !PG_ARGISNULL(3))
	{
		decimals = PG_GETARG_INT32(3);
		if (decimals < 0 || decimals > CL_DISCLOSURE_MAX_DECIMALS)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("decimal places %d are out of range", decimals),
					 errhint("Use 0 to %d decimal places.", CL_DISCLOSURE_MAX_DECIMALS)));
	}
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_TEXT_P(cstring_to_text(CL_SYMBOL_NOT_AVAILABLE));
	num = PG_GETARG_INT64(0);
	den = PG_GETARG_INT64(1);
	if (num < 0)
		negative_count("numerator", num);
	if (den < 0)
		negative_count("denominator", den);
	rc = cl_format_percent(num, den, t, decimals, buf, sizeof buf);
	if (rc == CL_DISCLOSURE_ERANGE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("numerator " INT64_FORMAT " is too large for a percentage", num)));
	if (rc != CL_DISCLOSURE_OK)
		elog(ERROR, "could not format percentage " INT64_FORMAT "/" INT64_FORMAT, num, den);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

PG_FUNCTION_INFO_V1(careleaver_round_total);
Datum
careleaver_round_total(PG_FUNCTION_ARGS)
{
	int64		n = PG_GETARG_INT64(0);
	int32		base = PG_GETARG_INT32(1);
	int64		out;
	int			rc;

	if (base < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("rounding base %d is out of range", base),
				 errhint("Use a base of 1 or more; national and regional totals use 10.")));
	rc = cl_round_to_base(n, base, &out);
	if (rc != CL_DISCLOSURE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("bigint out of range rounding " INT64_FORMAT " to a multiple of %d", n, base)));
	PG_RETURN_INT64(out);
}

PG_FUNCTION_INFO_V1(careleaver_publish_cumulative);
Datum
careleaver_publish_cumulative(PG_FUNCTION_ARGS)
{
	ArrayType  *arr;
	int			t = threshold_arg(fcinfo, 2);
	int64		total;
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	int64	   *cum;
	unsigned char *state;
	Datum	   *out;
	int			dims[1];
	int			lbs[1] = {1};
	char		err[128];
	int			rc;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	arr = PG_GETARG_ARRAYTYPE_P(0);
	total = PG_ARGISNULL(1) ? -1 : PG_GETARG_INT64(1);
	if (!PG_ARGISNULL(1) && total < 0)
		negative_count("total", total);
	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("cumulative counts must be a one-dimensional array, not %d-dimensional",
						ARR_NDIM(arr))));
	deconstruct_array(arr, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &elems, &nulls, &n);
	if (n == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(TEXTOID));
	cum = palloc(sizeof(int64) * n);
	state = palloc(n);
	for (int i = 0; i < n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("cumulative count %d is NULL", i + 1),
					 errhint("A cumulative series has a count at every point.")));
		cum[i] = DatumGetInt64(elems[i]);
	}
	rc = cl_publish_cumulative(cum, n, total, t, state, err, sizeof err);
	if (rc == CL_DISCLOSURE_ENEGATIVE || rc == CL_DISCLOSURE_ERANGE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid cumulative series for disclosure control: %s", err),
				 errdetail("Cumulative counts are zero or more, never decrease and do not exceed the total.")));
	if (rc != CL_DISCLOSURE_OK)
		elog(ERROR, "disclosure control failed: %s", err);
	out = palloc(sizeof(Datum) * n);
	for (int i = 0; i < n; i++)
	{
		char		buf[32];

		if (state[i] == CL_CELL_SHOWN)
			snprintf(buf, sizeof buf, INT64_FORMAT, cum[i]);
		else
			snprintf(buf, sizeof buf, "%s", CL_SYMBOL_CONFIDENTIAL);
		out[i] = PointerGetDatum(cstring_to_text(buf));
	}
	dims[0] = n;
	PG_RETURN_ARRAYTYPE_P(construct_md_array(out, NULL, 1, dims, lbs, TEXTOID, -1, false, TYPALIGN_INT));
}
