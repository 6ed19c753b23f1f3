/*
 * cin_codes.h: the Children in Need census code lists (plain C, no
 * PostgreSQL headers).  The loader validates CIN cells against them through
 * careleaver.return_value_problem(value, kind) with kind the list's name
 * (cin_referral_source, ...); the CIN columns are stored as text holding the
 * DfE spelling, so these lists are data only: nothing is indexed on disk.
 *
 * Codes are compared exactly (after trimming white space), as DfE's census
 * validation compares them.  doc/cin.md lists them with their sources.
 */
#ifndef CL_CIN_CODES_H
#define CL_CIN_CODES_H

#include <stdbool.h>
#include <stddef.h>

typedef enum cl_cin_list
{
	CL_CIN_REFERRAL_SOURCE = 0,	/* ReferralSource */
	CL_CIN_PRIMARY_NEED,		/* PrimaryNeedCode */
	CL_CIN_CLOSURE_REASON,		/* ReasonForClosure */
	CL_CIN_ETHNICITY,			/* Ethnicity */
	CL_CIN_DISABILITY,			/* Disability */
	CL_CIN_FACTOR,				/* AssessmentFactors */
	CL_CIN_ABUSE_CATEGORY,		/* Initial/LatestCategoryOfAbuse */
	CL_CIN_SEX,					/* Sex (M, F, U) or GenderCurrent (0, 1, 2, 9) */
	CL_CIN_UPN_UNKNOWN,			/* UPNunknown */
	CL_CIN_BOOLEAN,				/* ReferralNFA, ICPCnotRequired: true/false/1/0 */
	CL_CIN_LIST_COUNT
} cl_cin_list;

/* The list named name (its kind, e.g. "cin_referral_source"), or -1. */
extern int	cl_cin_list_by_name(const char *name);

/* Kind name and DfE field name of a list. */
extern const char *cl_cin_list_name(cl_cin_list list);
extern const char *cl_cin_list_field(cl_cin_list list);

/* True when text (white space around it ignored) is a code of the list. */
extern bool cl_cin_code_valid(cl_cin_list list, const char *text, size_t len);

/* The codes of the list, comma-separated, into buf (NUL-terminated, truncated with "..."). */
extern void cl_cin_code_hint(cl_cin_list list, char *buf, size_t bufsize);

/*
 * True when text is a code of the list valid in the collection year (named by
 * the year it ends): Sex is M, F, U from 2024-25 (2025) and GenderCurrent 0, 1,
 * 2, 9 before; every other list is the same in every year.
 */
extern bool cl_cin_code_valid_in_year(cl_cin_list list, const char *text, size_t len, int year);

/*
 * The check letter of a UPN (DfE's UPN guide: characters 2 to 13 weighted 2 to
 * 13, summed modulo 23, read in ABCDEFGHJKLMNPQRTUVWXYZ), or 0 when characters
 * 2 to 13 are not twelve digits (a temporary UPN ends in a letter).  upn is
 * the whole UPN, len its length.
 */
extern char cl_upn_check_letter(const char *upn, size_t len);

/* Number of codes and the i-th code (0-based), for tests and documentation. */
extern int	cl_cin_code_count(cl_cin_list list);
extern const char *cl_cin_code_at(cl_cin_list list, int i);

#endif
