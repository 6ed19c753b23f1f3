/* Unit tests of equality.c: DfE's ethnicity groups, sex, age groups, UASC, disability and their labels. */
#include <string.h>

#include "tap.h"
#include "codes.h"
#include "equality.h"
#include "history_text.h"

#define MAXEP 16

static int
group_of(const char *code)
{
	return cl_ethnicity_group_of_code(code, strlen(code));
}

static int
label_is(const char *got, const char *want)
{
	return got != NULL && strcmp(got, want) == 0;
}

static const char *
need_in(const char *history, int year)
{
	cl_episode	buf[MAXEP];
	cl_history	h = history_from_text(history, buf, MAXEP);
	int			need = cl_history_need_in(&h, cl_year_start(year), cl_year_end(year));

	return need == 0 ? "none" : cl_code_text(CL_LIST_NEED_CATEGORY, need);
}

int
main(void)
{
	static const char *const white[] = {"WBRI", "WIRI", "WIRT", "WOTH", "WROM"};
	static const char *const mixed[] = {"MWBC", "MWBA", "MWAS", "MOTH"};
	static const char *const asian[] = {"AIND", "APKN", "ABAN", "AOTH", "CHNE"};
	static const char *const black[] = {"BCRB", "BAFR", "BOTH"};
	int			all = 1;
	int			n;
	const cl_breakdown_label *labels = cl_breakdown_labels(&n);

	for (int i = 0; i < 5; i++)
		all &= group_of(white[i]) == CL_ETHNICITY_WHITE;
	ok(all, "the five White codes");
	all = 1;
	for (int i = 0; i < 4; i++)
		all &= group_of(mixed[i]) == CL_ETHNICITY_MIXED;
	ok(all, "the four Mixed codes");
	all = 1;
	for (int i = 0; i < 5; i++)
		all &= group_of(asian[i]) == CL_ETHNICITY_ASIAN;
	ok(all, "the Asian codes, Chinese with them (ONS 2021)");
	all = 1;
	for (int i = 0; i < 3; i++)
		all &= group_of(black[i]) == CL_ETHNICITY_BLACK;
	ok(all, "the three Black codes");
	ok(group_of("OOTH") == CL_ETHNICITY_OTHER && group_of("REFU") == CL_ETHNICITY_REFUSED &&
	   group_of("NOBT") == CL_ETHNICITY_NOT_OBTAINED, "other, refused, not yet obtained");
	ok(group_of(" wbri ") == CL_ETHNICITY_WHITE, "trimmed, any case");
	ok(group_of("WBR") == -1 && group_of("WBRIX") == -1 && group_of("WHITE") == -1 &&
	   group_of("WB\0I") == -1, "not codes: short, long, a word, a NUL inside");
	ok(group_of("") == CL_ETHNICITY_NOT_OBTAINED && group_of("   ") == CL_ETHNICITY_NOT_OBTAINED,
	   "blank: not obtained");
	ok(cl_ethnicity_breakdown("XXXX", 4) == CL_ETHNICITY_NOT_OBTAINED &&
	   cl_ethnicity_breakdown(NULL, 0) == CL_ETHNICITY_NOT_OBTAINED &&
	   cl_ethnicity_breakdown("BAFR", 4) == CL_ETHNICITY_BLACK,
	   "counted: a non-code or nothing as not obtained, a code as its group");
	ok(label_is(cl_ethnicity_group_label(CL_ETHNICITY_BLACK), "Black, African, Caribbean or Black British") &&
	   label_is(cl_ethnicity_group_label(CL_ETHNICITY_MIXED), "Mixed or Multiple ethnic groups") &&
	   cl_ethnicity_group_label(-1) == NULL && cl_ethnicity_group_label(CL_ETHNICITY_GROUPS) == NULL,
	   "DfE's labels; none outside the list");

	ok(cl_ethnicity_group_of_ons(1) == CL_ETHNICITY_ASIAN && cl_ethnicity_group_of_ons(2) == CL_ETHNICITY_ASIAN &&
	   cl_ethnicity_group_of_ons(5) == CL_ETHNICITY_ASIAN && cl_ethnicity_group_of_ons(6) == CL_ETHNICITY_BLACK &&
	   cl_ethnicity_group_of_ons(8) == CL_ETHNICITY_BLACK && cl_ethnicity_group_of_ons(9) == CL_ETHNICITY_MIXED &&
	   cl_ethnicity_group_of_ons(12) == CL_ETHNICITY_MIXED && cl_ethnicity_group_of_ons(13) == CL_ETHNICITY_WHITE &&
	   cl_ethnicity_group_of_ons(17) == CL_ETHNICITY_WHITE && cl_ethnicity_group_of_ons(18) == CL_ETHNICITY_OTHER &&
	   cl_ethnicity_group_of_ons(19) == CL_ETHNICITY_OTHER, "ONS Census 2021 20 categories: the group bounds");
	ok(cl_ethnicity_group_of_ons(-8) == -1 && cl_ethnicity_group_of_ons(0) == -1 &&
	   cl_ethnicity_group_of_ons(20) == -1, "ONS: does not apply (-8) and codes outside 1 to 19 have no group");

	ok(label_is(cl_sex_label("1", 1), "Male") && label_is(cl_sex_label("m", 1), "Male") &&
	   label_is(cl_sex_label(" 2", 2), "Female") && label_is(cl_sex_label("F", 1), "Female"),
	   "sex: 1/M male, 2/F female, trimmed, any case");
	ok(label_is(cl_sex_label("U", 1), "Sex not known") && label_is(cl_sex_label("", 0), "Sex not known") &&
	   label_is(cl_sex_label("MALE", 4), "Sex not known"), "sex: anything else not known");

	ok(label_is(cl_age_group_label(0), "Under 1 year") && label_is(cl_age_group_label(1), "1 to 4 years") &&
	   label_is(cl_age_group_label(4), "1 to 4 years") && label_is(cl_age_group_label(5), "5 to 9 years") &&
	   label_is(cl_age_group_label(9), "5 to 9 years") && label_is(cl_age_group_label(10), "10 to 15 years") &&
	   label_is(cl_age_group_label(15), "10 to 15 years") && label_is(cl_age_group_label(16), "16 years and over") &&
	   label_is(cl_age_group_label(-1), "Age not known"), "age groups at their bounds");

	ok(cl_uasc_on(true, false, 100, 50) && cl_uasc_on(true, true, 51, 50), "UASC: no DUC, or DUC after the day");
	ok(!cl_uasc_on(true, true, 50, 50) && !cl_uasc_on(true, true, 49, 50) && !cl_uasc_on(false, false, 0, 50),
	   "not UASC: DUC on or before the day, or no record");
	ok(label_is(cl_uasc_label(true), "Unaccompanied asylum-seeking children") &&
	   label_is(cl_uasc_label(false), "Non-unaccompanied asylum-seeking children"), "UASC labels");

	ok(label_is(cl_disability_label("N2", 2), "Child's disability") &&
	   label_is(cl_disability_label(" n2 ", 4), "Child's disability"), "N2 is the child's disability");
	ok(label_is(cl_disability_label("N1", 2), "Other categories of need") &&
	   label_is(cl_disability_label("N8", 2), "Other categories of need"), "N1, N8: other categories");
	ok(label_is(cl_disability_label("", 0), "Category of need not known") &&
	   label_is(cl_disability_label("N9", 2), "Category of need not known") &&
	   label_is(cl_disability_label("N22", 3), "Category of need not known"), "blank or not a code: not known");

	ok(strcmp(need_in("{2022-05-01/2023-06-01 S C2 U1 E4A N1}", 2023), "N1") == 0,
	   "the episode open through the year");
	ok(strcmp(need_in("{2022-05-01/2022-09-01 S C2 U1 X1 N1; 2022-09-01/ P C2 U4 - N2}", 2023), "N2") == 0,
	   "the latest episode of the year");
	ok(strcmp(need_in("{2022-05-01/2022-09-01 S C2 U1 E4A N2}", 2024), "none") == 0,
	   "no care episode in the year: none");
	ok(strcmp(need_in("{2022-05-01/2023-04-01 S C2 U1 E4A N4; 2023-04-01/2023-05-01 S V3 U1 E4A N2}", 2024),
			  "N4") == 0, "a short break is left out; an episode ending on the year's first day counts");

	is_int(n, 22, "22 breakdown labels");
	ok(strcmp(labels[0].topic, "Total") == 0 && strcmp(labels[n - 1].topic, "Disability") == 0,
	   "Total first, Disability last");
	all = 1;
	for (int i = 0; i < CL_ETHNICITY_GROUPS; i++)
		all &= label_is(labels[10 + i].label, cl_ethnicity_group_label(i)) && labels[10 + i].order == i + 1;
	ok(all, "the ethnicity labels in the group order");
	return tap_done();
}
