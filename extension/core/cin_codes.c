/*
 * cin_codes.c: the Children in Need census code lists (see cin_codes.h).
 * Source: DfE's CIN census guide, as the public CIN validator
 * (data-to-insight/csc-validator-be-cin) checks them; doc/cin.md.
 */
#include "cin_codes.h"
#include "scan.h"

#include <stdio.h>
#include <string.h>

static const char *const referral_source[] = {
	"1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F",
	"4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10"
};
static const char *const primary_need[] = {
	"N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"
};
static const char *const closure_reason[] = {
	"RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"
};
static const char *const ethnicity[] = {
	"ABAN", "AIND", "AOTH", "APKN", "BAFR", "BCRB", "BOTH", "CHNE", "MOTH", "MWAS",
	"MWBA", "MWBC", "NOBT", "OOTH", "REFU", "WBRI", "WIRI", "WIRT", "WOTH", "WROM"
};
static const char *const disability[] = {
	"NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA"
};
static const char *const factor[] = {
	"1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C",
	"5A", "5B", "5C", "6A", "6B", "6C", "7A", "8B", "8C", "8D", "8E", "8F",
	"9A", "10A", "11A", "12A", "13A", "14A", "15A", "16A", "17A", "18A", "18B", "18C",
	"19A", "19B", "19C", "20", "21", "22A", "23A", "24A"
};
static const char *const abuse_category[] = {
	"NEG", "PHY", "SAB", "EMO", "MUL"
};
static const char *const sex[] = {
	"M", "F", "U", "0", "1", "2", "9"
};
static const char *const upn_unknown[] = {
	"UN1", "UN2", "UN3", "UN4", "UN5", "UN6", "UN7"
};
static const char *const boolean[] = {
	"true", "false", "1", "0"
};

typedef struct cin_list_def
{
	const char *name;
	const char *field;
	const char *const *codes;
	int			ncodes;
} cin_list_def;

#define NCODES(a) ((int) (sizeof(a) / sizeof((a)[0])))

static const cin_list_def lists[CL_CIN_LIST_COUNT] = {
	[CL_CIN_REFERRAL_SOURCE] = {"cin_referral_source", "ReferralSource", referral_source, NCODES(referral_source)},
	[CL_CIN_PRIMARY_NEED] = {"cin_primary_need", "PrimaryNeedCode", primary_need, NCODES(primary_need)},
	[CL_CIN_CLOSURE_REASON] = {"cin_closure_reason", "ReasonForClosure", closure_reason, NCODES(closure_reason)},
	[CL_CIN_ETHNICITY] = {"cin_ethnicity", "Ethnicity", ethnicity, NCODES(ethnicity)},
	[CL_CIN_DISABILITY] = {"cin_disability", "Disability", disability, NCODES(disability)},
	[CL_CIN_FACTOR] = {"cin_factor", "AssessmentFactors", factor, NCODES(factor)},
	[CL_CIN_ABUSE_CATEGORY] = {"cin_abuse_category", "CategoryOfAbuse", abuse_category, NCODES(abuse_category)},
	[CL_CIN_SEX] = {"cin_sex", "Sex", sex, NCODES(sex)},
	[CL_CIN_UPN_UNKNOWN] = {"cin_upn_unknown", "UPNunknown", upn_unknown, NCODES(upn_unknown)},
	[CL_CIN_BOOLEAN] = {"cin_boolean", "true/false", boolean, NCODES(boolean)},
};

int
cl_cin_list_by_name(const char *name)
{
	for (int i = 0; i < CL_CIN_LIST_COUNT; i++)
		if (strcmp(lists[i].name, name) == 0)
			return i;
	return -1;
}

const char *
cl_cin_list_name(cl_cin_list list)
{
	return (unsigned) list < CL_CIN_LIST_COUNT ? lists[list].name : NULL;
}

const char *
cl_cin_list_field(cl_cin_list list)
{
	return (unsigned) list < CL_CIN_LIST_COUNT ? lists[list].field : NULL;
}

bool
cl_cin_code_valid(cl_cin_list list, const char *text, size_t len)
{
	if ((unsigned) list >= CL_CIN_LIST_COUNT)
		return false;
	cl_scan_trim(&text, &len, CL_SCAN_BLANK);
	for (int i = 0; i < lists[list].ncodes; i++)
	{
		const char *c = lists[list].codes[i];

		if (strlen(c) == len && memcmp(c, text, len) == 0)
			return true;
	}
	return false;
}

void
cl_cin_code_hint(cl_cin_list list, char *buf, size_t bufsize)
{
	size_t		used = 0;

	if (bufsize == 0)
		return;
	buf[0] = '\0';
	if ((unsigned) list >= CL_CIN_LIST_COUNT)
		return;
	for (int i = 0; i < lists[list].ncodes; i++)
	{
		const char *c = lists[list].codes[i];
		size_t		need = strlen(c) + (i > 0 ? 2 : 0);

		if (used + need + 4 >= bufsize)
		{
			snprintf(buf + used, bufsize - used, "%s...", i > 0 ? ", " : "");
			return;
		}
		used += snprintf(buf + used, bufsize - used, "%s%s", i > 0 ? ", " : "", c);
	}
}

int
cl_cin_code_count(cl_cin_list list)
{
	return (unsigned) list < CL_CIN_LIST_COUNT ? lists[list].ncodes : 0;
}

const char *
cl_cin_code_at(cl_cin_list list, int i)
{
	if ((unsigned) list >= CL_CIN_LIST_COUNT || i < 0 || i >= lists[list].ncodes)
		return NULL;
	return lists[list].codes[i];
}

bool
cl_cin_code_valid_in_year(cl_cin_list list, const char *text, size_t len, int year)
{
	if (!cl_cin_code_valid(list, text, len))
		return false;
	if (list == CL_CIN_SEX)
	{
		cl_scan_trim(&text, &len, CL_SCAN_BLANK);
		/* the letters from 2024-25, the GenderCurrent digits before */
		return (text[0] >= '0' && text[0] <= '9') == (year < 2025);
	}
	return true;
}

char
cl_upn_check_letter(const char *upn, size_t len)
{
	static const char letters[] = "ABCDEFGHJKLMNPQRTUVWXYZ";
	int			sum = 0;

	if (len != 13)
		return 0;
	for (int i = 1; i < 13; i++)
	{
		if (upn[i] < '0' || upn[i] > '9')
			return 0;
		sum += (upn[i] - '0') * (i + 1);
	}
	return letters[sum % 23];
}
