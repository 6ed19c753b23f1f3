/*
 * dataset.c: the server side of the return loader.
 *
 * The loader stages every cell as text.  return_value_problem() tells, without
 * raising, what is wrong with one cell for the column's kind (a date, a whole
 * number, a 0/1 flag or one of the code types), so that one set-based pass
 * lists every bad value of a return; return_date() and return_integer()
 * convert cells that passed.  The rules are in core/retvalue.c and
 * core/codes.c; this file converts and calls.
 */
#include "compat.h"

#include <string.h>

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "cin_codes.h"
#include "codes.h"
#include "retvalue.h"

PG_FUNCTION_INFO_V1(careleaver_return_value_problem);
PG_FUNCTION_INFO_V1(careleaver_return_date);
PG_FUNCTION_INFO_V1(careleaver_return_integer);

#define PROBLEM_SIZE 400

/* Code list named by its SQL type name, or -1. */
static int
code_list_by_type_name(const char *name)
{
	for (int i = 0; i < CL_LIST_COUNT; i++)
		if (strcmp(cl_list_type_name((cl_code_list) i), name) == 0)
			return i;
	return -1;
}

/*
 * return_value_problem(value text, kind text) returns text: NULL when value
 * is a valid cell of that kind, else the reason.  Kinds: date, flag (0/1),
 * smallint, integer, text, and the code types by name (legal_status, ...).
 * Every kind refuses control characters inside the value.
 */
/* Kinds of cell, resolved once per call site (fn_extra) */
enum
{
	KIND_TEXT = -1, KIND_DATE = -2, KIND_FLAG = -3, KIND_SMALLINT = -4, KIND_INTEGER = -5,
	KIND_CIN_BASE = 1000		/* KIND_CIN_BASE + n: CIN census code list n (core/cin_codes.h) */
	/* 0 .. KIND_CIN_BASE - 1: an SSDA903 code list */
};

typedef struct KindCache
{
	int			kind;
	int			len;
	char		name[64];
} KindCache;

static int
resolve_kind(FunctionCallInfo fcinfo, text *kindtext)
{
	KindCache  *cache = (KindCache *) fcinfo->flinfo->fn_extra;
	const char *k = VARDATA_ANY(kindtext);
	int			len = VARSIZE_ANY_EXHDR(kindtext);
	char	   *name;
	int			kind;

	if (cache != NULL && cache->len == len && memcmp(cache->name, k, len) == 0)
		return cache->kind;
	name = text_to_cstring(kindtext);
	if (strcmp(name, "text") == 0)
		kind = KIND_TEXT;
	else if (strcmp(name, "date") == 0)
		kind = KIND_DATE;
	else if (strcmp(name, "flag") == 0)
		kind = KIND_FLAG;
	else if (strcmp(name, "smallint") == 0)
		kind = KIND_SMALLINT;
	else if (strcmp(name, "integer") == 0)
		kind = KIND_INTEGER;
	else
	{
		kind = code_list_by_type_name(name);
		if (kind < 0 && cl_cin_list_by_name(name) >= 0)
			kind = KIND_CIN_BASE + cl_cin_list_by_name(name);
		if (kind < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown return value kind \"%s\"", name),
					 errhint("Use date, flag, smallint, integer, text, the name of a careleaver code type or of a CIN code list (cin_referral_source, ...).")));
	}
	if (len < (int) sizeof(cache->name))
	{
		if (cache == NULL)
			cache = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(KindCache));
		cache->kind = kind;
		cache->len = len;
		memcpy(cache->name, k, len);
		fcinfo->flinfo->fn_extra = cache;
	}
	return kind;
}

/*
 * return_value_problem(value text, kind text) returns text: NULL when value
 * is a valid cell of that kind, else the reason.  Kinds: date, flag (0/1),
 * smallint, integer, text, and the code types by name (legal_status, ...).
 */
Datum
careleaver_return_value_problem(PG_FUNCTION_ARGS)
{
	text	   *value = PG_GETARG_TEXT_PP(0);
	int			kind = resolve_kind(fcinfo, PG_GETARG_TEXT_PP(1));
	const char *s = VARDATA_ANY(value);
	size_t		len = VARSIZE_ANY_EXHDR(value);
	char		msg[PROBLEM_SIZE];

	msg[0] = '\0';
	if (!cl_retvalue_printable(s, len, msg, sizeof msg))
		PG_RETURN_TEXT_P(cstring_to_text(msg));
	if (kind == KIND_TEXT)
		PG_RETURN_NULL();
	if (kind == KIND_DATE)
	{
		cl_date		d;

		if (cl_retvalue_date(s, len, &d, msg, sizeof msg))
			PG_RETURN_NULL();
		PG_RETURN_TEXT_P(cstring_to_text(msg));
	}
	if (kind == KIND_FLAG || kind == KIND_SMALLINT || kind == KIND_INTEGER)
	{
		long		v;
		long		min = kind == KIND_FLAG ? 0 : kind == KIND_SMALLINT ? -32768 : -2147483647L;
		long		max = kind == KIND_FLAG ? 1 : kind == KIND_SMALLINT ? 32767 : 2147483647L;

		if (cl_retvalue_int(s, len, min, max, &v, msg, sizeof msg))
			PG_RETURN_NULL();
		PG_RETURN_TEXT_P(cstring_to_text(msg));
	}
	if (kind >= KIND_CIN_BASE)
	{
		cl_cin_list list = (cl_cin_list) (kind - KIND_CIN_BASE);
		char		hint[200];

		if (cl_cin_code_valid(list, s, len))
			PG_RETURN_NULL();
		cl_cin_code_hint(list, hint, sizeof hint);
		snprintf(msg, sizeof msg, "not a %s code (%s); valid codes: %s",
				 cl_cin_list_name(list), cl_cin_list_field(list), hint);
		PG_RETURN_TEXT_P(cstring_to_text(msg));
	}
	if (cl_code_parse((cl_code_list) kind, s, len) > 0)
		PG_RETURN_NULL();
	{
		char		hint[200];

		hint[0] = '\0';
		cl_code_hint((cl_code_list) kind, s, len, hint, sizeof hint);
		if (hint[0])
			snprintf(msg, sizeof msg, "not a %s code (%s); valid codes include: %s",
					 cl_list_type_name((cl_code_list) kind),
					 cl_list_field_name((cl_code_list) kind), hint);
		else
			snprintf(msg, sizeof msg, "not a %s code (%s)",
					 cl_list_type_name((cl_code_list) kind),
					 cl_list_field_name((cl_code_list) kind));
	}
	PG_RETURN_TEXT_P(cstring_to_text(msg));
}

/* return_date(value text) returns date: DD/MM/YYYY or YYYY-MM-DD. */
Datum
careleaver_return_date(PG_FUNCTION_ARGS)
{
	text	   *value = PG_GETARG_TEXT_PP(0);
	char		msg[PROBLEM_SIZE];
	cl_date		d;

	if (!cl_retvalue_date(VARDATA_ANY(value), VARSIZE_ANY_EXHDR(value), &d, msg, sizeof msg))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
				 errmsg("invalid return date: \"%s\"", text_to_cstring(value)),
				 errdetail("%s.", msg)));
	/* cl_date day numbers are PostgreSQL's DateADT */
	PG_RETURN_DATEADT((DateADT) d);
}

/* return_integer(value text) returns integer: digits, optionally ".0". */
Datum
careleaver_return_integer(PG_FUNCTION_ARGS)
{
	text	   *value = PG_GETARG_TEXT_PP(0);
	char		msg[PROBLEM_SIZE];
	long		v;

	if (!cl_retvalue_int(VARDATA_ANY(value), VARSIZE_ANY_EXHDR(value),
						 -2147483647L, 2147483647L, &v, msg, sizeof msg))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid return whole number: \"%s\"", text_to_cstring(value)),
				 errdetail("%s.", msg)));
	PG_RETURN_INT32((int32) v);
}
