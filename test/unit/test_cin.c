/*
 * Unit tests of cin_journey.c and cin_codes.c: the journey's text form, working
 * days, DfE's length bands and the per-year CIN counts on hand-worked journeys.
 */
#include <string.h>
#include "tap.h"
#include "cin_codes.h"
#include "cin_journey.h"

static cl_cin_event ev[64];
static int	nev;
static char err[200];

static bool
parse(const char *s)
{
	err[0] = 0;
	return cl_cin_parse(s, strlen(s), ev, 64, &nev, err, sizeof err);
}

static const char *
roundtrip(const char *s)
{
	static char out[4096];

	if (!parse(s))
		return err;
	cl_cin_format(ev, nev, out);
	return out;
}

static cl_date
d(int y, int m, int dd)
{
	return cl_date_from_ymd(y, m, dd);
}

static cl_cin_year
counts(const char *s, int year)
{
	cl_cin_year c;
	cl_date		hol[] = {d(2024, 3, 29), d(2024, 4, 1), d(2024, 5, 6), d(2024, 5, 27)};

	memset(&c, 0xff, sizeof c);
	if (parse(s))
		cl_cin_year_counts(ev, nev, year, hol, 4, &c);
	return c;
}

int
main(void)
{
	cl_cin_year c;

	/* codes */
	ok(cl_cin_code_valid(CL_CIN_REFERRAL_SOURCE, " 3A ", 4), "referral source 3A");
	ok(!cl_cin_code_valid(CL_CIN_REFERRAL_SOURCE, "3a", 2), "codes are exact (DfE's spelling)");
	ok(!cl_cin_code_valid(CL_CIN_FACTOR, "RB", 2), "RB is not a factor");
	ok(cl_cin_code_valid(CL_CIN_SEX, "9", 1) && cl_cin_code_valid(CL_CIN_SEX, "U", 1), "GenderCurrent 9 and Sex U");
	is_int(cl_cin_list_by_name("cin_abuse_category"), CL_CIN_ABUSE_CATEGORY, "list by name");
	is_int(cl_cin_list_by_name("nope"), -1, "unknown list");
	ok(cl_cin_code_valid_in_year(CL_CIN_SEX, "U", 1, 2025) && !cl_cin_code_valid_in_year(CL_CIN_SEX, "U", 1, 2024),
	   "Sex U from 2024-25 only");
	ok(cl_cin_code_valid_in_year(CL_CIN_SEX, " 1", 2, 2024) && !cl_cin_code_valid_in_year(CL_CIN_SEX, "1", 1, 2025),
	   "GenderCurrent 1 up to 2023-24 only");
	ok(cl_cin_code_valid_in_year(CL_CIN_FACTOR, "18A", 3, 2025), "other lists do not change with the year");
	/* DfE's UPN check letter: 2*2+3*3+...: digits 000000000001 weigh 13, 13 mod 23 = 13 -> P */
	is_int(cl_upn_check_letter("X000000000001", 13), 'P', "UPN check letter");
	is_int(cl_upn_check_letter("A00000000000A", 13), 0, "no check letter for a temporary UPN (letter at 13)");
	is_int(cl_upn_check_letter("A12", 3), 0, "no check letter for a short UPN");

	/* text form: canonical order, reads back */
	is_str(roundtrip("{C 2023-05-20 - NEG PHY 0; R 2023-04-03 2023-09-01 RC2; A 2023-04-04 2023-05-30 3A,1B}"),
		   "{R 2023-04-03 2023-09-01 RC2; A 2023-04-04 2023-05-30 1B,3A; C 2023-05-20 - NEG PHY 0}",
		   "sorted by date, factors in list order");
	is_str(roundtrip("R 2023-04-03 - nfa"), "{R 2023-04-03 - nfa}", "braces optional, nfa");
	is_str(roundtrip("A - 2023-05-30"), "{A - 2023-05-30}", "assessment without a start");
	is_str(roundtrip(""), "{}", "empty journey");
	ok(!parse("R 2023-04-03 2023-01-01"), "an end before the start is refused");
	ok(!parse("R 2023-04-03 - nfa RC1"), "closure reason before nfa");
	ok(!parse("C 2023-05-20 - NEG XXX 0"), "unknown category refused");
	ok(!parse("S -"), "a section 47 needs its date");
	ok(!parse("A 2023-01-01 2023-02-01 1A,"), "a factor list ending with a comma");
	ok(!parse("{R 2023-04-03 -"), "an unclosed brace");
	{
		cl_cin_event few[2];
		int			n;

		ok(!cl_cin_parse("S 2023-01-01; S 2023-01-02; S 2023-01-03", 41, few, 2, &n, err, sizeof err) && n == 3,
		   "more events than the bound: count is bound + 1");
	}

	/* working days: Thu 28 Mar 2024 to Tue 2 Apr 2024, Good Friday and Easter Monday off */
	{
		cl_date		hol[] = {d(2024, 3, 29), d(2024, 4, 1)};

		is_int(cl_cin_working_days(d(2024, 3, 28), d(2024, 4, 2), hol, 2), 1, "over Easter: 1 working day");
		is_int(cl_cin_working_days(d(2024, 3, 28), d(2024, 4, 2), NULL, 0), 3, "without holidays: 3");
		is_int(cl_cin_working_days(d(2024, 1, 1), d(2024, 1, 1), NULL, 0), 0, "same day: 0");
		is_int(cl_cin_working_days(d(2024, 1, 5), d(2024, 1, 8), NULL, 0), 1, "Friday to Monday: 1");
	}

	/* length bands (d5) */
	is_int(cl_cin_duration_band(d(2023, 12, 31), d(2024, 3, 31)), 0, "exactly 3 months: 3 months or less");
	is_int(cl_cin_duration_band(d(2023, 12, 30), d(2024, 3, 31)), 1, "3 months and a day: more than 3 months");
	is_int(cl_cin_duration_band(d(2023, 10, 1), d(2024, 3, 31)), 1, "a day short of 6 months: 3 to 6 months");
	is_int(cl_cin_duration_band(d(2023, 9, 30), d(2024, 3, 31)), 2, "30/09 + 6 months is 30/03: 31/03 is over 6 months");
	is_int(cl_cin_duration_band(d(2023, 4, 1), d(2024, 3, 31)), 2, "a day short of a year: less than 1 year");
	is_int(cl_cin_duration_band(d(2023, 3, 31), d(2024, 3, 31)), 3, "exactly 1 year: 1 year to less than 2");
	is_int(cl_cin_duration_band(d(2022, 3, 31), d(2024, 3, 31)), 4, "exactly 2 years: 2 years or more");

	/* re-referrals (2023-24): within 12 months of a previous referral, which may lie in an earlier year */
	c = counts("R 2023-01-10 2023-02-01 RC1; R 2024-01-10 - ; R 2024-01-20 2024-02-01 RC8 nfa", 2024);
	is_int(c.referrals, 2, "two referrals in 2023-24");
	is_int(c.rereferrals, 2, "both re-referrals: 10/01/2023 is exactly 12 months before 10/01/2024");
	is_int(c.referrals_nfa, 1, "one NFA");
	is_int(c.referrals_not_in_need, 1, "one RC8");
	c = counts("R 2023-01-09 2023-02-01 RC1; R 2024-01-10 -", 2024);
	is_int(c.rereferrals, 0, "12 months and a day is not a re-referral");
	is_int(c.episodes_anypoint, 1, "the 2022-23 episode is not open in 2023-24");
	is_int(c.episodes_at31, 1, "open on 31 March 2024");
	is_int(c.episodes_ended, 0, "nothing ended in 2023-24");

	/* protection plans */
	c = counts("C 2021-06-01 2022-01-15 NEG NEG 0; C 2023-06-01 - EMO EMO 1; C 2020-01-01 2023-05-01 PHY PHY -", 2024);
	is_int(c.cpp_started, 1, "one plan started in 2023-24");
	is_int(c.cpp_subsequent, 1, "it is a subsequent plan");
	is_int(c.cpp_subsequent_2y, 1, "within two years of the plan ended 01/05/2023");
	is_int(c.cpp_ended, 1, "the 2020 plan ended in 2023-24");
	is_int(c.cpp_ended_2y, 1, "after more than two years");
	is_int(c.cpp_at31, 1, "one plan open on 31 March 2024");
	is_int(c.cpp_at31_band[2], 1, "open 10 months: more than 6 months, less than 1 year");
	c = counts("C 2023-06-01 2023-12-01 NEG NEG 2", 2024);
	is_int(c.cpp_subsequent, 1, "NumberOfPreviousCPP 2 alone makes a subsequent plan");
	is_int(c.cpp_subsequent_2y, 0, "no dates of earlier plans: not within two years");
	is_int(c.cpp_ended_2y, 0, "six months is not two years");

	/* assessments and factors */
	c = counts("A 2024-03-01 2024-05-03 1B,3A; A 2024-03-01 2024-05-10 21; A - 2024-04-20 4B", 2025);
	is_int(c.assessments_completed, 3, "three authorised in 2024-25");
	is_int(c.assessments_timed, 2, "two with a start date");
	is_int(c.assessments_within_45, 1, "01/03 to 03/05/2024: 43 working days (Easter off); to 10/05: 47 (6 May off too)");
	is_int(c.assessments_with_factor, 2, "21 (no factors) does not count as a factor");
	is_int(cl_cin_factor_count(ev, nev, 2025, 1), 1, "1B once");
	is_int(cl_cin_factor_count(ev, nev, 2024, 1), 0, "not in 2023-24");
	{
		/* a NUL byte is not an event kind (found by fuzz_cin: strchr finds the terminator) */
		static const char nul_kind[] = "\0 2023-04-02 2023-05-02 MUL MUL -";
		cl_cin_event one[4];
		int			n1;

		ok(!cl_cin_parse(nul_kind, sizeof nul_kind - 1, one, 4, &n1, err, sizeof err),
		   "an event whose kind is a NUL byte is refused: %s", err);
	}
	return tap_done();
}
