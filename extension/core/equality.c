/*
 * equality.c: DfE's breakdown labels and groupings for the equality lens (metrics.md 17).
 */
#include "equality.h"

#include <ctype.h>
#include <string.h>

#include "codes.h"

static const char *const ethnicity_labels[CL_ETHNICITY_GROUPS] = {
	[CL_ETHNICITY_WHITE] = "White",
	[CL_ETHNICITY_MIXED] = "Mixed or Multiple ethnic groups",
	[CL_ETHNICITY_ASIAN] = "Asian or Asian British",
	[CL_ETHNICITY_BLACK] = "Black, African, Caribbean or Black British",
	[CL_ETHNICITY_OTHER] = "Other ethnic group",
	[CL_ETHNICITY_REFUSED] = "Refused",
	[CL_ETHNICITY_NOT_OBTAINED] = "Information not yet obtained",
};

/* SSDA903 ETHNIC codes and their major group (Chinese with Asian, as ONS's 2021 classification). */
static const struct
{
	const char *code;
	cl_ethnicity_group group;
}			ethnic_codes[] = {
	{"WBRI", CL_ETHNICITY_WHITE}, {"WIRI", CL_ETHNICITY_WHITE}, {"WIRT", CL_ETHNICITY_WHITE},
	{"WOTH", CL_ETHNICITY_WHITE}, {"WROM", CL_ETHNICITY_WHITE},
	{"MWBC", CL_ETHNICITY_MIXED}, {"MWBA", CL_ETHNICITY_MIXED}, {"MWAS", CL_ETHNICITY_MIXED},
	{"MOTH", CL_ETHNICITY_MIXED},
	{"AIND", CL_ETHNICITY_ASIAN}, {"APKN", CL_ETHNICITY_ASIAN}, {"ABAN", CL_ETHNICITY_ASIAN},
	{"AOTH", CL_ETHNICITY_ASIAN}, {"CHNE", CL_ETHNICITY_ASIAN},
	{"BCRB", CL_ETHNICITY_BLACK}, {"BAFR", CL_ETHNICITY_BLACK}, {"BOTH", CL_ETHNICITY_BLACK},
	{"OOTH", CL_ETHNICITY_OTHER},
	{"REFU", CL_ETHNICITY_REFUSED},
	{"NOBT", CL_ETHNICITY_NOT_OBTAINED},
};

/* The code trimmed and upper-cased into buf (size cap); false when longer. */
static bool
trimmed_upper(const char *in, size_t len, char *buf, size_t cap)
{
	size_t		b = 0,
				e = len,
				n = 0;

	while (b < e && isspace((unsigned char) in[b]))
		b++;
	while (e > b && isspace((unsigned char) in[e - 1]))
		e--;
	if (e - b >= cap)
		return false;
	for (size_t i = b; i < e; i++)
	{
		if (in[i] == '\0')
			return false;
		buf[n++] = (char) toupper((unsigned char) in[i]);
	}
	buf[n] = '\0';
	return true;
}

int
cl_ethnicity_group_of_code(const char *code, size_t len)
{
	char		buf[8];

	if (!trimmed_upper(code, len, buf, sizeof(buf)))
		return -1;
	if (buf[0] == '\0')
		return CL_ETHNICITY_NOT_OBTAINED;
	for (size_t i = 0; i < sizeof(ethnic_codes) / sizeof(ethnic_codes[0]); i++)
		if (strcmp(buf, ethnic_codes[i].code) == 0)
			return (int) ethnic_codes[i].group;
	return -1;
}

int
cl_ethnicity_group_of_ons(int ons_code)
{
	/* Census 2021 TS021 order: Asian 1-5, Black 6-8, Mixed 9-12, White 13-17, Other 18-19 */
	if (ons_code >= 1 && ons_code <= 5)
		return CL_ETHNICITY_ASIAN;
	if (ons_code >= 6 && ons_code <= 8)
		return CL_ETHNICITY_BLACK;
	if (ons_code >= 9 && ons_code <= 12)
		return CL_ETHNICITY_MIXED;
	if (ons_code >= 13 && ons_code <= 17)
		return CL_ETHNICITY_WHITE;
	if (ons_code == 18 || ons_code == 19)
		return CL_ETHNICITY_OTHER;
	return -1;
}

int
cl_ethnicity_breakdown(const char *code, size_t len)
{
	int			group = code == NULL ? CL_ETHNICITY_NOT_OBTAINED : cl_ethnicity_group_of_code(code, len);

	/* not an ETHNIC code (validation flags it): nothing usable was obtained */
	return group < 0 ? CL_ETHNICITY_NOT_OBTAINED : group;
}

const char *
cl_ethnicity_group_label(int group)
{
	if (group < 0 || group >= CL_ETHNICITY_GROUPS)
		return NULL;
	return ethnicity_labels[group];
}

const char *
cl_sex_label(const char *code, size_t len)
{
	char		buf[4];

	if (trimmed_upper(code, len, buf, sizeof(buf)))
	{
		if (strcmp(buf, "1") == 0 || strcmp(buf, "M") == 0)
			return "Male";
		if (strcmp(buf, "2") == 0 || strcmp(buf, "F") == 0)
			return "Female";
	}
	return "Sex not known";
}

const char *
cl_age_group_label(int age)
{
	if (age < 0)
		return "Age not known";
	if (age < 1)
		return "Under 1 year";
	if (age < 5)
		return "1 to 4 years";
	if (age < 10)
		return "5 to 9 years";
	if (age < 16)
		return "10 to 15 years";
	return "16 years and over";
}

bool
cl_uasc_on(bool has_record, bool duc_known, cl_date duc, cl_date on)
{
	return has_record && (!duc_known || duc > on);
}

const char *
cl_uasc_label(bool uasc)
{
	return uasc ? "Unaccompanied asylum-seeking children" : "Non-unaccompanied asylum-seeking children";
}

const char *
cl_disability_label(const char *cin, size_t len)
{
	char		buf[4];

	if (trimmed_upper(cin, len, buf, sizeof(buf)) && buf[0] == 'N' && buf[1] >= '1' && buf[1] <= '8'
		&& buf[2] == '\0')
		return buf[1] == '2' ? "Child's disability" : "Other categories of need";
	return "Category of need not known";
}

int
cl_history_need_in(const cl_history *h, cl_date from, cl_date to)
{
	int			need = 0;
	cl_date		latest = 0;
	bool		found = false;

	for (int32_t i = 0; i < h->n; i++)
	{
		const cl_episode *e = &h->ep[i];

		if (!cl_episode_is_care(e) || e->decom > to || (e->dec != CL_DATE_OPEN && e->dec < from))
			continue;
		/* episodes are sorted by DECOM: the last one found starts last (a tie keeps the later row) */
		if (!found || e->decom >= latest)
		{
			found = true;
			latest = e->decom;
			need = e->cin;
		}
	}
	return need;
}

static const cl_breakdown_label labels[] = {
	{"Total", 1, "Total"},
	{"Age group", 1, "Under 1 year"}, {"Age group", 2, "1 to 4 years"}, {"Age group", 3, "5 to 9 years"},
	{"Age group", 4, "10 to 15 years"}, {"Age group", 5, "16 years and over"},
	{"Age group", 6, "Age not known"},
	{"Sex", 1, "Male"}, {"Sex", 2, "Female"}, {"Sex", 3, "Sex not known"},
	{"Ethnicity", 1, "White"}, {"Ethnicity", 2, "Mixed or Multiple ethnic groups"},
	{"Ethnicity", 3, "Asian or Asian British"}, {"Ethnicity", 4, "Black, African, Caribbean or Black British"},
	{"Ethnicity", 5, "Other ethnic group"}, {"Ethnicity", 6, "Refused"},
	{"Ethnicity", 7, "Information not yet obtained"},
	{"UASC", 1, "Unaccompanied asylum-seeking children"},
	{"UASC", 2, "Non-unaccompanied asylum-seeking children"},
	{"Disability", 1, "Child's disability"}, {"Disability", 2, "Other categories of need"},
	{"Disability", 3, "Category of need not known"},
};

const cl_breakdown_label *
cl_breakdown_labels(int *n)
{
	*n = (int) (sizeof(labels) / sizeof(labels[0]));
	return labels;
}
