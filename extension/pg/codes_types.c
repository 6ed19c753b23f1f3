/*
 * codes_types.c: the ten SSDA903 code types (careleaver.legal_status, ...).
 *
 * Each type is a pass-by-value int2 holding the code's stable index (codes.h).
 * One shared implementation per operation, driven by the list id; the
 * CL_CODE_TYPE macro generates each type's fmgr entry points.  Comparison,
 * hashing and sort support reuse PostgreSQL's int2 functions (declared in
 * 10_codes.sql), since the order of a type is its index order.
 *
 * Binary send/recv carry the code's TEXT, not its index, so a binary COPY
 * does not depend on the on-disk numbering.
 */
#include "compat.h"
#include "srf.h"

#include "catalog/pg_collation.h"
#include "fmgr.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "codes.h"
#include "scan.h"

#define CL_HINT_BUFSIZE 256


/* Reports a bad code as PostgreSQL's input functions do. */
static Datum
code_in(FunctionCallInfo fcinfo, cl_code_list list)
{
	char	   *str = PG_GETARG_CSTRING(0);
	size_t		len = strlen(str);
	int			idx = cl_code_parse(list, str, len);

	if (idx == 0)
	{
		char		hint[CL_HINT_BUFSIZE];
		bool		full = cl_code_hint_is_full_list(list);
		bool		blank = cl_scan_skip(str, len, 0, CL_SCAN_SPACE) == len;

		cl_code_hint(list, str, len, hint, sizeof hint);
		CL_INPUT_ERROR((errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input value for type careleaver.%s: \"%s\"",
						cl_list_type_name(list), str),
				 blank ?
				 errdetail("An empty string is not a code of SSDA903 list %s; a missing value is NULL.",
						   cl_list_field_name(list)) :
				 errdetail("Codes of SSDA903 list %s are read trimmed and ignoring case.",
						   cl_list_field_name(list)),
				 full ? errhint("Valid codes are: %s.", hint) :
				 blank ? errhint("Valid codes include: %s; see careleaver.code_list.", hint) :
				 errhint("The closest valid codes are: %s.", hint)));
	}
	PG_RETURN_INT16((int16) idx);
}

static const char *
code_text_or_error(cl_code_list list, int idx)
{
	const char *t = cl_code_text(list, idx);

	if (t == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid stored value %d for type careleaver.%s",
						idx, cl_list_type_name(list))));
	return t;
}

static Datum
code_out(FunctionCallInfo fcinfo, cl_code_list list)
{
	PG_RETURN_CSTRING(pstrdup(code_text_or_error(list, PG_GETARG_INT16(0))));
}

static Datum
code_send(FunctionCallInfo fcinfo, cl_code_list list)
{
	const char *t = code_text_or_error(list, PG_GETARG_INT16(0));
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendtext(&buf, t, strlen(t));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static Datum
code_recv(FunctionCallInfo fcinfo, cl_code_list list)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			nbytes;
	char	   *str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	int			idx = cl_code_parse(list, str, (size_t) nbytes);

	if (idx == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary value for type careleaver.%s: \"%s\"",
						cl_list_type_name(list), str),
				 errdetail("The binary form of a code is its text.")));
	pfree(str);
	PG_RETURN_INT16((int16) idx);
}

static Datum
code_label(FunctionCallInfo fcinfo, cl_code_list list)
{
	const char *l = cl_code_label(list, PG_GETARG_INT16(0));

	if (l == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(l));
}

static Datum
code_valid_in_year(FunctionCallInfo fcinfo, cl_code_list list)
{
	PG_RETURN_BOOL(cl_code_valid_in_year(list, PG_GETARG_INT16(0), PG_GETARG_INT32(1)));
}

#define CL_CODE_ENTRY(name, op, list) \
	PG_FUNCTION_INFO_V1(careleaver_##name##_##op); \
	Datum careleaver_##name##_##op(PG_FUNCTION_ARGS); \
	Datum careleaver_##name##_##op(PG_FUNCTION_ARGS) { return code_##op(fcinfo, list); }

#define CL_CODE_TYPE(name, list) \
	CL_CODE_ENTRY(name, in, list) \
	CL_CODE_ENTRY(name, out, list) \
	CL_CODE_ENTRY(name, send, list) \
	CL_CODE_ENTRY(name, recv, list) \
	CL_CODE_ENTRY(name, label, list) \
	CL_CODE_ENTRY(name, valid_in_year, list)

CL_CODE_TYPE(legal_status, CL_LIST_LEGAL_STATUS)
CL_CODE_TYPE(new_episode_reason, CL_LIST_NEW_EPISODE_REASON)
CL_CODE_TYPE(placement_type, CL_LIST_PLACEMENT_TYPE)
CL_CODE_TYPE(ceased_reason, CL_LIST_CEASED_REASON)
CL_CODE_TYPE(need_category, CL_LIST_NEED_CATEGORY)
CL_CODE_TYPE(placement_provider, CL_LIST_PLACEMENT_PROVIDER)
CL_CODE_TYPE(placement_change_reason, CL_LIST_PLACEMENT_CHANGE_REASON)
CL_CODE_TYPE(contact_status, CL_LIST_CONTACT_STATUS)
CL_CODE_TYPE(leaver_activity, CL_LIST_LEAVER_ACTIVITY)
CL_CODE_TYPE(leaver_accommodation, CL_LIST_LEAVER_ACCOMMODATION)

/*
 * ---- a code compared with text --------------------------------------------
 * The operators careleaver defines between a code type and text compare the
 * code's DfE spelling as text does (same collation), so a query gives the
 * same answer whether it finds these operators or text's own through the
 * implicit cast to text.  Defining them in schema careleaver means a
 * careleaver-first search_path never reaches someone else's operator of the
 * same signature.
 */
/* The collation of the text side; a direct call with none uses the default. */
static Oid
text_collation(FunctionCallInfo fcinfo)
{
	return OidIsValid(PG_GET_COLLATION()) ? PG_GET_COLLATION() : DEFAULT_COLLATION_OID;
}

static Datum
code_as_text(cl_code_list list, int16 idx)
{
	return PointerGetDatum(cstring_to_text(code_text_or_error(list, idx)));
}

static Datum
code_text_op(FunctionCallInfo fcinfo, cl_code_list list, PGFunction op)
{
	return DirectFunctionCall2Coll(op, text_collation(fcinfo),
								   code_as_text(list, PG_GETARG_INT16(0)), PG_GETARG_DATUM(1));
}

static Datum
text_code_op(FunctionCallInfo fcinfo, cl_code_list list, PGFunction op)
{
	return DirectFunctionCall2Coll(op, text_collation(fcinfo),
								   PG_GETARG_DATUM(0), code_as_text(list, PG_GETARG_INT16(1)));
}

static Datum
code_hash_text(FunctionCallInfo fcinfo, cl_code_list list)
{
	return DirectFunctionCall1Coll(hashtext, text_collation(fcinfo), code_as_text(list, PG_GETARG_INT16(0)));
}

#define CL_TEXT_OP_ENTRY(name, suffix, list, how, op) \
	PG_FUNCTION_INFO_V1(careleaver_##name##_##suffix); \
	Datum careleaver_##name##_##suffix(PG_FUNCTION_ARGS); \
	Datum careleaver_##name##_##suffix(PG_FUNCTION_ARGS) { return how(fcinfo, list, op); }

#define CL_CODE_TEXT_OPS(name, list) \
	CL_TEXT_OP_ENTRY(name, eq_text, list, code_text_op, texteq) \
	CL_TEXT_OP_ENTRY(name, ne_text, list, code_text_op, textne) \
	CL_TEXT_OP_ENTRY(name, lt_text, list, code_text_op, text_lt) \
	CL_TEXT_OP_ENTRY(name, le_text, list, code_text_op, text_le) \
	CL_TEXT_OP_ENTRY(name, gt_text, list, code_text_op, text_gt) \
	CL_TEXT_OP_ENTRY(name, ge_text, list, code_text_op, text_ge) \
	CL_TEXT_OP_ENTRY(name, like, list, code_text_op, textlike) \
	CL_TEXT_OP_ENTRY(name, notlike, list, code_text_op, textnlike) \
	CL_TEXT_OP_ENTRY(name, ilike, list, code_text_op, texticlike) \
	CL_TEXT_OP_ENTRY(name, notilike, list, code_text_op, texticnlike) \
	CL_TEXT_OP_ENTRY(text_eq, name, list, text_code_op, texteq) \
	CL_TEXT_OP_ENTRY(text_ne, name, list, text_code_op, textne) \
	CL_TEXT_OP_ENTRY(text_lt, name, list, text_code_op, text_lt) \
	CL_TEXT_OP_ENTRY(text_le, name, list, text_code_op, text_le) \
	CL_TEXT_OP_ENTRY(text_gt, name, list, text_code_op, text_gt) \
	CL_TEXT_OP_ENTRY(text_ge, name, list, text_code_op, text_ge) \
	PG_FUNCTION_INFO_V1(careleaver_##name##_hash_text); \
	Datum careleaver_##name##_hash_text(PG_FUNCTION_ARGS); \
	Datum careleaver_##name##_hash_text(PG_FUNCTION_ARGS) { return code_hash_text(fcinfo, list); }

CL_CODE_TEXT_OPS(legal_status, CL_LIST_LEGAL_STATUS)
CL_CODE_TEXT_OPS(new_episode_reason, CL_LIST_NEW_EPISODE_REASON)
CL_CODE_TEXT_OPS(placement_type, CL_LIST_PLACEMENT_TYPE)
CL_CODE_TEXT_OPS(ceased_reason, CL_LIST_CEASED_REASON)
CL_CODE_TEXT_OPS(need_category, CL_LIST_NEED_CATEGORY)
CL_CODE_TEXT_OPS(placement_provider, CL_LIST_PLACEMENT_PROVIDER)
CL_CODE_TEXT_OPS(placement_change_reason, CL_LIST_PLACEMENT_CHANGE_REASON)
CL_CODE_TEXT_OPS(contact_status, CL_LIST_CONTACT_STATUS)
CL_CODE_TEXT_OPS(leaver_activity, CL_LIST_LEAVER_ACTIVITY)
CL_CODE_TEXT_OPS(leaver_accommodation, CL_LIST_LEAVER_ACCOMMODATION)

/* ---- a bare code or a named list, as text -------------------------------- */

/* The list named by a type name or DfE field, or an error naming the lists. */
static cl_code_list
list_named(text *name)
{
	char	   *s = text_to_cstring(name);
	int			l = cl_code_list_by_name(s, strlen(s));

	if (l < 0)
	{
		StringInfoData names;

		initStringInfo(&names);
		for (int i = 0; i < CL_LIST_COUNT; i++)
			appendStringInfo(&names, "%s%s (%s)", i ? ", " : "",
							 cl_list_type_name((cl_code_list) i), cl_list_field_name((cl_code_list) i));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("\"%s\" is not an SSDA903 code list", s),
				 errhint("Name a list by its type or DfE field: %s.", names.data)));
	}
	return (cl_code_list) l;
}

PG_FUNCTION_INFO_V1(careleaver_code_label);
Datum		careleaver_code_label(PG_FUNCTION_ARGS);
Datum
careleaver_code_label(PG_FUNCTION_ARGS)
{
	cl_code_list list = list_named(PG_GETARG_TEXT_PP(0));
	char	   *code = text_to_cstring(PG_GETARG_TEXT_PP(1));
	int			idx = cl_code_parse(list, code, strlen(code));

	if (idx == 0)
	{
		char		hint[CL_HINT_BUFSIZE];

		cl_code_hint(list, code, strlen(code), hint, sizeof hint);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("\"%s\" is not a code of SSDA903 list %s", code, cl_list_field_name(list)),
				 errhint("%s codes include: %s.", cl_list_field_name(list), hint)));
	}
	PG_RETURN_TEXT_P(cstring_to_text(cl_code_label(list, idx)));
}

PG_FUNCTION_INFO_V1(careleaver_code_valid_in_year);
Datum		careleaver_code_valid_in_year(PG_FUNCTION_ARGS);
Datum
careleaver_code_valid_in_year(PG_FUNCTION_ARGS)
{
	cl_code_list list = list_named(PG_GETARG_TEXT_PP(0));
	text	   *code = PG_GETARG_TEXT_PP(1);
	int			idx = cl_code_parse(list, VARDATA_ANY(code), VARSIZE_ANY_EXHDR(code));

	PG_RETURN_BOOL(cl_code_valid_in_year(list, idx, PG_GETARG_INT32(2)));
}

/*
 * label(text): the label of a bare code.  A code of one list gives its label;
 * a code of several lists (C2 is a legal status and an accommodation) gives
 * each list's label after its DfE field, "LS: ...; ACCOM: ...", in list order,
 * since a bare code cannot say which list it is from.
 */
PG_FUNCTION_INFO_V1(careleaver_text_label);
Datum		careleaver_text_label(PG_FUNCTION_ARGS);
Datum
careleaver_text_label(PG_FUNCTION_ARGS)
{
	char	   *code = text_to_cstring(PG_GETARG_TEXT_PP(0));
	size_t		len = strlen(code);
	int			nfound = 0;
	const char *only = NULL;
	StringInfoData labels;

	initStringInfo(&labels);
	for (int l = 0; l < CL_LIST_COUNT; l++)
	{
		int			i = cl_code_parse((cl_code_list) l, code, len);

		if (i == 0)
			continue;
		only = cl_code_label((cl_code_list) l, i);
		appendStringInfo(&labels, "%s%s: %s", nfound++ ? "; " : "",
						 cl_list_field_name((cl_code_list) l), only);
	}
	if (nfound == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("\"%s\" is not a code of any SSDA903 list", code),
				 errhint("See careleaver.code_list for every code.")));
	PG_RETURN_TEXT_P(cstring_to_text(nfound == 1 ? only : labels.data));
}

/* ---- groupings: one code argument, a bool or text result ----------------- */

#define CL_BOOL_FN(sqlname, corefn) \
	PG_FUNCTION_INFO_V1(careleaver_##sqlname); \
	Datum careleaver_##sqlname(PG_FUNCTION_ARGS); \
	Datum careleaver_##sqlname(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(corefn(PG_GETARG_INT16(0))); }

static Datum
text_or_null(FunctionCallInfo fcinfo, const char *s)
{
	if (s == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(s));
}

#define CL_TEXT_FN(sqlname, expr) \
	PG_FUNCTION_INFO_V1(careleaver_##sqlname); \
	Datum careleaver_##sqlname(PG_FUNCTION_ARGS); \
	Datum careleaver_##sqlname(PG_FUNCTION_ARGS) { int16 code = PG_GETARG_INT16(0); return text_or_null(fcinfo, (expr)); }

CL_BOOL_FN(is_short_break, cl_ls_is_short_break)
CL_BOOL_FN(is_temporary_placement, cl_place_is_temporary)
CL_BOOL_FN(starts_placement, cl_rne_starts_placement)
CL_BOOL_FN(starts_carer_spell, cl_rne_starts_carer_spell)
CL_BOOL_FN(is_adoption, cl_rec_is_adoption)
CL_BOOL_FN(is_special_guardianship_order, cl_rec_is_sgo)
CL_BOOL_FN(is_returned_home, cl_rec_is_returned_home)
CL_BOOL_FN(is_family_exit, cl_rec_is_family_exit)
CL_BOOL_FN(is_higher_education, cl_activ_is_higher_education)
CL_BOOL_FN(is_apprenticeship, cl_activ_is_apprenticeship)
CL_BOOL_FN(is_homeless_or_insecure, cl_accom_is_homeless_or_insecure)

CL_TEXT_FN(legal_status_group, cl_ls_group(code))
CL_TEXT_FN(placement_group, cl_place_group(code))
CL_TEXT_FN(ceased_reason_group, cl_rec_group(code))
CL_TEXT_FN(dfe_placement_group, cl_place_published_group(code))
CL_BOOL_FN(is_kinship_foster_placement, cl_place_is_kinship_foster)
CL_TEXT_FN(activity_group, cl_activity_class_name(cl_activ_class(code)))
CL_TEXT_FN(accommodation_type_label, cl_accom_type_label(code))
CL_TEXT_FN(activity_dfe_breakdown, cl_activ_dfe_breakdown(code))

PG_FUNCTION_INFO_V1(careleaver_accommodation_type);
Datum		careleaver_accommodation_type(PG_FUNCTION_ARGS);
Datum
careleaver_accommodation_type(PG_FUNCTION_ARGS)
{
	char		letter[2] = {cl_accom_letter(PG_GETARG_INT16(0)), '\0'};

	if (letter[0] == '\0')
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(letter));
}

PG_FUNCTION_INFO_V1(careleaver_is_suitable);
Datum		careleaver_is_suitable(PG_FUNCTION_ARGS);
Datum
careleaver_is_suitable(PG_FUNCTION_ARGS)
{
	int			s = cl_accom_suitable(PG_GETARG_INT16(0));

	if (s < 0)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(s == 1);
}

/* ---- code_list_rows(): every code of every list, for BI tools ------------ */

#define CODE_LIST_COLS 9

PG_FUNCTION_INFO_V1(careleaver_code_list_rows);
Datum		careleaver_code_list_rows(PG_FUNCTION_ARGS);
Datum
careleaver_code_list_rows(PG_FUNCTION_ARGS)
{
	cl_srf		srf;

	cl_srf_begin(fcinfo, &srf);
	for (int l = 0; l < CL_LIST_COUNT; l++)
	{
		cl_code_list list = (cl_code_list) l;
		int			n = cl_code_count(list);

		for (int idx = 1; idx <= n; idx++)
		{
			Datum		values[CODE_LIST_COLS];
			bool		nulls[CODE_LIST_COLS] = {false};
			const char *group = cl_code_group(list, idx);
			int			first = cl_code_first_year(list, idx);
			int			last = cl_code_last_year(list, idx);

			values[0] = CStringGetTextDatum(cl_list_type_name(list));
			values[1] = CStringGetTextDatum(cl_list_field_name(list));
			values[2] = CStringGetTextDatum(cl_code_text(list, idx));
			values[3] = CStringGetTextDatum(cl_code_label(list, idx));
			values[4] = Int32GetDatum(first);
			nulls[4] = (first == 0);
			values[5] = Int32GetDatum(last);
			nulls[5] = (last == 0);
			values[6] = group ? CStringGetTextDatum(group) : (Datum) 0;
			nulls[6] = (group == NULL);
			values[7] = Int32GetDatum(idx);
			values[8] = BoolGetDatum(cl_code_ever_valid(list, idx));
			cl_srf_put(&srf, values, nulls);
		}
	}
	return (Datum) 0;
}
