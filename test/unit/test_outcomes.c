/*
 * Unit tests of facts.c, returns.c, stability.c, leavers.c and cfsr.c:
 * every definition and boundary of metrics.md 5, 6, 7 and 10 as
 * doc/outcomes.md reads them.  Each expected value is worked by hand in the
 * comment above it.
 */
#include "tap.h"
#include "history_text.h"
#include "history.h"
#include "periods.h"
#include "facts.h"
#include "returns.h"
#include "stability.h"
#include "leavers.h"
#include "cfsr.h"

#include <stdlib.h>
#include <string.h>

#define MAXEP 64
static cl_episode buf[MAXEP];
static cl_period pbuf[MAXEP];
static cl_spell plbuf[MAXEP];
static cl_spell cbuf[MAXEP];
static cl_history HH;
static cl_facts F;

static cl_date
D(const char *s)
{
	return cl_date_from_ymd(atoi(s), atoi(s + 5), atoi(s + 8));
}

/* Parses a history and computes its facts into the globals HH and F. */
static const cl_facts *
H(const char *text)
{
	HH = history_from_text(text, buf, MAXEP);
	cl_facts_init(&F, &HH, pbuf, plbuf, cbuf);
	return &F;
}

static int
code(cl_code_list list, const char *c)
{
	return cl_code_parse(list, c, strlen(c));
}

static const cl_span M12 = {12, 0};

static void
test_returns(void)
{
	cl_return_home r[MAXEP];
	cl_exit x[MAXEP];
	int32_t		n;
	const cl_facts *f;

	/*
	 * Home on 2020-06-01 (E4A), back on 2020-09-15: 30 (June) + 31 + 31 + 14
	 * = 106 days.  Data to 2022-03-31: the 12-month window [2020-06-01,
	 * 2021-06-01) is complete.
	 */
	f = H("{2020-01-10/2020-06-01 S C2 U1 E4A; 2020-09-15/2021-01-01 S C2 U1 E8}");
	n = cl_returns_home(f, D("2022-03-31"), M12, false, r);
	is_int(n, 1, "one return home (the E8 exit is not one)");
	ok(r[0].return_date == D("2020-06-01") && r[0].reason == CL_REC_E4A &&
	   r[0].period_start == D("2020-01-10"), "return date, reason E4A and period start");
	is_int(r[0].reentry_date - r[0].return_date, 106, "re-entry 106 days later");
	ok(!r[0].censored, "re-entered: not censored");
	is_int(cl_reentered_within(f, D("2020-06-01"), M12, D("2022-03-31")), CL_REENTRY_YES,
		   "re-entered within 12 months");
	/* 3 months: window [06-01, 09-01) ends before 09-15 */
	is_int(cl_reentered_within(f, D("2020-06-01"), (cl_span) {3, 0}, D("2022-03-31")), CL_REENTRY_NO,
		   "not within 3 months");
	/* 106 days: window [06-01, 09-15) excludes the day of re-entry; 107 includes it */
	is_int(cl_reentered_within(f, D("2020-06-01"), (cl_span) {0, 106}, D("2022-03-31")), CL_REENTRY_NO,
		   "not within 106 days (re-entry on day 106 is outside [C, C + 106))");
	is_int(cl_reentered_within(f, D("2020-06-01"), (cl_span) {0, 107}, D("2022-03-31")), CL_REENTRY_YES,
		   "within 107 days");

	/*
	 * Censoring at data end.  Home 2023-06-01, nothing after.  The window
	 * [2023-06-01, 2024-06-01) is complete when data_end + 1 >= 2024-06-01,
	 * i.e. data_end >= 2024-05-31.
	 */
	f = H("{2023-01-01/2023-06-01 S C2 U1 E4B}");
	n = cl_returns_home(f, D("2024-05-31"), M12, false, r);
	ok(n == 1 && r[0].reason == CL_REC_E4B && r[0].reentry_date == CL_DATE_OPEN && !r[0].censored,
	   "E4B, data to 2024-05-31: window complete, no re-entry, not censored");
	is_int(cl_reentered_within(f, D("2023-06-01"), M12, D("2024-05-31")), CL_REENTRY_NO,
		   "data to 2024-05-31: did not re-enter");
	n = cl_returns_home(f, D("2024-05-30"), M12, false, r);
	ok(n == 1 && r[0].censored, "data to 2024-05-30: the window's last day is unseen: censored");
	is_int(cl_reentered_within(f, D("2024-05-30") - 364, M12, D("2024-05-30")), CL_REENTRY_INCOMPLETE,
		   "a window passing data end is incomplete");
	is_int(cl_reentered_within(f, D("2023-06-01"), M12, D("2024-05-30")), CL_REENTRY_INCOMPLETE,
		   "data to 2024-05-30: follow-up incomplete, never 'did not re-enter'");

	/* A re-entry seen in an incomplete window: returns_home shows it, reentered_within says incomplete. */
	f = H("{2023-01-01/2023-06-01 S C2 U1 E4A; 2023-08-01/ S C2 U1}");
	n = cl_returns_home(f, D("2023-12-31"), M12, false, r);
	ok(n == 1 && r[0].reentry_date == D("2023-08-01") && !r[0].censored,
	   "re-entry seen before data end: not censored");
	is_int(cl_reentered_within(f, D("2023-06-01"), M12, D("2023-12-31")), CL_REENTRY_INCOMPLETE,
		   "...but reentered_within is incomplete (decided by dates only)");
	/* data ending the day before the re-entry: not seen */
	n = cl_returns_home(f, D("2023-07-31"), M12, false, r);
	ok(n == 1 && r[0].reentry_date == CL_DATE_OPEN && r[0].censored,
	   "re-entry after data end is unseen: censored");
	/* data ending on the day of re-entry: seen */
	n = cl_returns_home(f, D("2023-08-01"), M12, false, r);
	ok(n == 1 && r[0].reentry_date == D("2023-08-01"), "re-entry on data end is seen");

	/*
	 * Re-entry on the day of return: an episode starting on the day the E4A
	 * one ended continues the period (metrics.md 3), whose end reason is then
	 * E8: no return home at all, and no re-entry.
	 */
	f = H("{2023-01-01/2023-06-01 S C2 U1 E4A; 2023-06-01/2023-09-01 S C2 U1 E8}");
	is_int(f->np, 1, "same-day re-entry: one period of care");
	is_int(cl_returns_home(f, D("2024-12-31"), M12, false, r), 0,
		   "same-day re-entry: not a return home");
	/* the next day: two periods, a return and a re-entry after 1 day */
	f = H("{2023-01-01/2023-06-01 S C2 U1 E4A; 2023-06-02/2023-09-01 S C2 U1 E8}");
	n = cl_returns_home(f, D("2024-12-31"), M12, false, r);
	ok(n == 1 && r[0].reentry_date - r[0].return_date == 1, "re-entry the next day: 1 day");

	/* A return after data end is not seen. */
	f = H("{2023-01-01/2023-06-01 S C2 U1 E4A}");
	is_int(cl_returns_home(f, D("2023-05-31"), M12, false, r), 0, "return after data end: unseen");
	is_int(cl_returns_home(f, D("2023-06-01"), M12, false, r), 1, "return on data end: seen");

	/* The family-exit group adds E13 and E41. */
	f = H("{2020-01-01/2020-02-01 S C2 U1 E13; 2020-03-01/2020-04-01 S C2 U1 E41; 2020-05-01/2020-06-01 S C2 U1 E11}");
	is_int(cl_returns_home(f, D("2024-12-31"), M12, false, r), 0, "E13, E41, E11: no return home");
	n = cl_returns_home(f, D("2024-12-31"), M12, true, r);
	ok(n == 2 && r[0].reason == CL_REC_E13 && r[1].reason == CL_REC_E41 &&
	   r[0].reentry_date == D("2020-03-01"), "family exits: E13 (re-entry 2020-03-01) and E41");

	/* A short break after the return is not a re-entry (metrics.md 2). */
	f = H("{2023-01-01/2023-06-01 S C2 U1 E4A; 2023-07-01/2023-07-03 S V3 U1 E8}");
	n = cl_returns_home(f, D("2024-12-31"), M12, false, r);
	ok(n == 1 && r[0].reentry_date == CL_DATE_OPEN, "a short break is not a re-entry");

	/*
	 * Exits, born 2006-05-10 (b18 2024-05-10).  2020-01-10 to 2020-06-01:
	 * 31 + 29 + 31 + 30 + 22 = 143 days (2020 is a leap year).
	 */
	f = H("{2020-01-10/2020-06-01 S C2 U1 E4A; 2021-01-01/2021-02-01 S C2 U1 E11;"
		  " 2022-01-01/2022-02-01 S C2 U1 E45; 2022-03-01/2022-04-01 S C2 U1 E41;"
		  " 2022-05-01/2022-06-01 S C2 U1 E13; 2022-07-01/2022-08-01 S C2 U1 X1;"
		  " 2023-01-01/2024-05-10 S C2 U1 E8}");
	n = cl_exits(f, D("2006-05-10"), D("2025-03-31"), x);
	is_int(n, 7, "seven periods, seven exits");
	ok(x[0].cause == CL_EXIT_RETURNED_HOME && x[0].duration == 143, "E4A: returned home after 143 days");
	is_int(x[1].cause, CL_EXIT_ADOPTED, "E11: adopted");
	is_int(x[2].cause, CL_EXIT_SGO, "E45: special guardianship");
	is_int(x[3].cause, CL_EXIT_CAO, "E41: child arrangements order");
	is_int(x[4].cause, CL_EXIT_OTHER, "E13 before 18: other");
	ok(x[5].cause == CL_EXIT_OTHER && x[5].reason == 0, "X1 with no continuation: other, reason unknown");
	is_int(x[6].cause, CL_EXIT_TURNED_18, "E8 on the 18th birthday: turned 18");
	is_str(cl_exit_cause_name(x[6].cause), "turned 18", "cause name");
	f = H("{2023-01-01/2024-05-09 S C2 U1 E8}");
	n = cl_exits(f, D("2006-05-10"), D("2025-03-31"), x);
	is_int(x[0].cause, CL_EXIT_OTHER, "E8 the day before 18: other");
	f = H("{2023-01-01/2024-06-01 S C2 U1 E4A}");
	n = cl_exits(f, D("2006-05-10"), D("2025-03-31"), x);
	is_int(x[0].cause, CL_EXIT_RETURNED_HOME, "E4A after 18: returned home (the reason comes first)");
	/* Open at data end: censored at data_end + 1 - start = 2023-04-01 .. 2024-04-01 = 366 (2024 leap) */
	f = H("{2023-04-01/ S C2 U1}");
	n = cl_exits(f, D("2006-05-10"), D("2024-03-31"), x);
	ok(n == 1 && x[0].cause == CL_EXIT_CENSORED && x[0].duration == 366 && x[0].end == CL_DATE_OPEN,
	   "open: censored after 366 days");
	f = H("{2023-04-01/2024-06-01 S C2 U1 E4A; 2024-07-01/ S C2 U1}");
	n = cl_exits(f, D("2006-05-10"), D("2024-03-31"), x);
	ok(n == 1 && x[0].cause == CL_EXIT_CENSORED && x[0].duration == 366,
	   "ending after data end: censored at data end; a period starting after it is left out");
	f = H("{2023-04-01/2024-03-31 S C2 U1 E4A}");
	n = cl_exits(f, D("2006-05-10"), D("2024-03-31"), x);
	ok(n == 1 && x[0].cause == CL_EXIT_RETURNED_HOME && x[0].duration == 365,
	   "exit on data end: seen, 365 days");
}

static void
test_stability(void)
{
	const cl_facts *f;
	cl_stability s;
	cl_date		y0 = D("2023-04-01"),
				y1 = D("2024-04-01");

	/*
	 * Year 2024 = [2023-04-01, 2024-04-01); 31 March 2024 - 24 months =
	 * 2022-03-31; - 30 months = 2021-09-30.
	 * Three placements overlapping the year (the first ends 2023-05-01).
	 */
	f = H("{2022-01-01/2023-05-01 S C2 U1 X1; 2023-05-01/2023-08-01 P C2 U2 X1; 2023-08-01/ P C2 U3}");
	is_int(cl_placements_in_window(f, y0, y1), 3, "three placements overlap the year");
	cl_stability_measures(f, false, 0, 2024, &s);
	ok(s.looked_after && s.placements_year == 3 && s.short_term, "short-term: 3 placements");
	ok(s.two_year_cohort && s.placements_two_years == 3 && s.two_year,
	   "two-year: in care since 2022-01-01, 3 placements in [2022-04-01, 2024-04-01)");
	ok(!s.long_term_cohort && s.age == -1, "no date of birth: no long-term measure");

	/* Exact duplicates count once (issue 11.5): the example of the issue, collection year 2019. */
	f = H("{2018-04-01/ S C2 U4; 2018-04-01/ S C2 U4; 2018-04-01/ S C2 U4}");
	is_int(cl_placements_in_window(f, D("2018-04-01"), D("2019-04-01")), 1,
		   "three copies of one episode: one placement in the year");
	is_int(cl_placement_moves(f, D("2018-04-01"), D("2019-04-01")), 0, "three copies of one episode: no move");
	cl_stability_measures(f, true, D("2005-01-01"), 2019, &s);
	ok(s.looked_after && s.placements_year == 1 && !s.short_term && s.carer_since == D("2018-04-01"),
	   "three copies of one episode: 1 placement, not short-term, carer since 2018-04-01");
	f = H("{2018-04-01/2018-06-01 S C2 U4 X1; 2018-04-01/2018-06-01 S C2 U4 X1; 2018-06-01/ P C2 U1}");
	is_int(cl_placement_moves(f, D("2018-04-01"), D("2019-04-01")), 1, "a duplicated first placement, then a move: 1 move");

	/* The first placement ending on 1 April does not overlap the year. */
	f = H("{2022-01-01/2023-04-01 S C2 U1 X1; 2023-04-01/2023-08-01 P C2 U2 X1; 2023-08-01/ P C2 U3}");
	is_int(cl_placements_in_window(f, y0, y1), 2, "a placement ending on 1 April is not in the year");
	cl_stability_measures(f, false, 0, 2024, &s);
	ok(!s.short_term && s.two_year_cohort && s.placements_two_years == 3 && s.two_year,
	   "2 in the year (not short-term), 3 in two years (two-year)");

	/* Temporary placements are not counted: U1, T1, U1 is two placements. */
	f = H("{2023-04-01/2023-05-01 S C2 U1 X1; 2023-05-01/2023-05-10 P C2 T1 X1; 2023-05-10/ P C2 U1}");
	is_int(f->npl, 2, "temporary placement not counted");
	cl_stability_measures(f, false, 0, 2024, &s);
	ok(s.looked_after && s.placements_year == 2 && !s.short_term, "U1, T1, U1: 2 placements, not short-term");
	ok(!s.two_year_cohort && !s.two_year, "in care since 2023-04-01: not in the two-year measure");

	/* A placement starting and ending the same day inside the window counts. */
	f = H("{2023-04-01/2023-06-01 S C2 U1 X1; 2023-06-01/2023-06-01 P C2 U2 X1; 2023-06-01/ P C2 U3}");
	is_int(cl_placements_in_window(f, y0, y1), 3, "a zero-day placement in the window counts");
	/* ... but not one on the window's first day that ended that day before it */
	is_int(cl_placements_in_window(f, D("2023-06-02"), y1), 1, "from 2023-06-02: only the open one");

	/* Not looked after on 31 March: period ending on 31 March. */
	f = H("{2022-01-01/2024-03-31 S C2 U1 E8}");
	cl_stability_measures(f, true, D("2012-01-01"), 2024, &s);
	ok(!s.looked_after && !s.short_term && !s.two_year_cohort && !s.long_term_cohort,
	   "left on 31 March: not looked after on 31 March, in no measure");
	f = H("{2022-01-01/2024-04-01 S C2 U1 E8}");
	cl_stability_measures(f, true, D("2012-01-01"), 2024, &s);
	ok(s.looked_after && s.placements_year == 1, "left on 1 April: looked after on 31 March");

	/* Two-year boundary: start 2022-03-31 in, 2022-04-01 out. */
	f = H("{2022-03-31/ S C2 U1}");
	cl_stability_measures(f, false, 0, 2024, &s);
	ok(s.two_year_cohort && !s.two_year, "since 2022-03-31: two years on 31 March 2024 (1 placement)");
	f = H("{2022-04-01/ S C2 U1}");
	cl_stability_measures(f, false, 0, 2024, &s);
	ok(!s.two_year_cohort, "since 2022-04-01: under two years");

	/*
	 * Long-term, born 2012-01-01 (12 on 31 March 2024).  Carer kept through
	 * RNE U (adoption placement A3 with the same carer) and T: the carer spell
	 * began 2021-01-01 <= 2022-03-31: stable.
	 */
	f = H("{2021-01-01/2022-06-01 S C2 U1 X1; 2022-06-01/2023-01-01 U C2 A3 X1; 2023-01-01/ T D1 A3}");
	is_int(f->nc, 1, "one carer spell through U and T");
	is_int(f->npl, 3, "three placements (U and T start placements)");
	cl_stability_measures(f, true, D("2012-01-01"), 2024, &s);
	ok(s.long_term_cohort && s.carer_since == D("2021-01-01") && s.long_term,
	   "long-term: same carer since 2021-01-01 (through U and T): stable");
	ok(s.short_term == false && s.placements_year == 1, "one placement (the T one) overlaps year 2024: not short-term");
	/* RNE P at 2022-06-01: a new carer since 2022-06-01 > 2022-03-31: not stable */
	f = H("{2021-01-01/2022-06-01 S C2 U1 X1; 2022-06-01/ P C2 U2}");
	cl_stability_measures(f, true, D("2012-01-01"), 2024, &s);
	ok(s.long_term_cohort && s.carer_since == D("2022-06-01") && !s.long_term, "RNE P: new carer, not stable");
	/* carer boundary: since 2022-03-31 stable, since 2022-04-01 not */
	f = H("{2021-01-01/2022-03-31 S C2 U1 X1; 2022-03-31/ B C2 U2}");
	cl_stability_measures(f, true, D("2012-01-01"), 2024, &s);
	ok(s.long_term_cohort && s.long_term, "carer since 2022-03-31: stable (exactly 2 years)");
	f = H("{2021-01-01/2022-04-01 S C2 U1 X1; 2022-04-01/ B C2 U2}");
	cl_stability_measures(f, true, D("2012-01-01"), 2024, &s);
	ok(s.long_term_cohort && !s.long_term, "carer since 2022-04-01: not stable");
	/* 2.5-year boundary: since 2021-09-30 in, 2021-10-01 out */
	f = H("{2021-09-30/ S C2 U1}");
	cl_stability_measures(f, true, D("2012-01-01"), 2024, &s);
	ok(s.long_term_cohort && s.long_term, "in care since 2021-09-30: 2.5 years, stable");
	f = H("{2021-10-01/ S C2 U1}");
	cl_stability_measures(f, true, D("2012-01-01"), 2024, &s);
	ok(!s.long_term_cohort, "in care since 2021-10-01: under 2.5 years");
	/* age boundary: born 2008-03-31 is 16 on 31 March 2024 (out), born 2008-04-01 is 15 (in) */
	f = H("{2020-01-01/ S C2 U1}");
	cl_stability_measures(f, true, D("2008-03-31"), 2024, &s);
	ok(s.age == 16 && !s.long_term_cohort, "aged 16 on 31 March: not in the long-term measure");
	cl_stability_measures(f, true, D("2008-04-01"), 2024, &s);
	ok(s.age == 15 && s.long_term_cohort && s.long_term, "aged 15: in, and stable");

	/*
	 * Moves: P on 2023-06-01 moves within a period; S on 2023-10-01 starts a
	 * new period (an entry, not a move).  Days in the year:
	 * [04-01, 09-01) = 30+31+30+31+31 = 153, [10-01, 04-01) = 31+30+31+31+29+31 = 183.
	 */
	f = H("{2023-01-01/2023-06-01 S C2 U1 X1; 2023-06-01/2023-09-01 P C2 U2 E4A; 2023-10-01/ S C2 U3}");
	is_int(cl_placement_moves(f, y0, y1), 1, "one move (a new period's first placement is no move)");
	is_int(cl_history_days(f->h, y0, y1), 336, "336 days in care in the year");
	is_int(cl_placement_moves(f, D("2023-06-02"), y1), 0, "the move is before the window");
}

static void
test_cohort(void)
{
	cl_cohort_check c;
	cl_date		b;
	/* born 2006-05-10: b17 2023-05-10 (year 2024), b18 2024-05-10 (year 2025) */
	const char *dob = "2006-05-10";

	is_int(cl_birthday_age_in_year(D(dob), 2024, &b), 17, "2006-05-10: 17 in year 2024");
	ok(b == D("2023-05-10"), "...on 2023-05-10");
	is_int(cl_birthday_age_in_year(D("2006-04-01"), 2024, &b), 17, "born 1 April: birthday on the year's first day");
	ok(b == D("2023-04-01"), "...on 2023-04-01");
	is_int(cl_birthday_age_in_year(D("2006-03-31"), 2024, &b), 18, "born 31 March: birthday on the year's last day");
	ok(b == D("2024-03-31"), "...on 2024-03-31");
	/* 29 Feb: 17th birthday 1 March 2025 (common year), in year 2025 */
	is_int(cl_birthday_age_in_year(D("2008-02-29"), 2025, &b), 17, "29 Feb born: 17 in year 2025");
	ok(b == D("2025-03-01"), "...on 1 March 2025");
	is_int(cl_birthday_age_in_year(D("2008-02-29"), 2024, &b), 16, "29 Feb born: 16 in year 2024, on 29 Feb");
	ok(b == D("2024-02-29"), "...on 29 Feb 2024");

	/* Left at 16 after 91 days: relevant at 17, former relevant at 18 and 21. */
	H("{2022-02-09/2022-05-11 S C2 U1 E8}");
	ok(cl_in_leaver_cohort(&HH, D(dob), 2024, 17, &c) && c.status == CL_LEAVER_RELEVANT,
	   "left at 16: in the 2024 cohort at 17 (relevant)");
	ok(!cl_in_leaver_cohort(&HH, D(dob), 2024, 18, &c) && !c.birthday_in_year,
	   "the 18th birthday is not in year 2024");
	ok(cl_in_leaver_cohort(&HH, D(dob), 2025, 18, &c) && c.status == CL_LEAVER_FORMER_RELEVANT,
	   "in the 2025 cohort at 18");
	ok(cl_in_leaver_cohort(&HH, D(dob), 2028, 21, &c), "in the 2028 cohort at 21");
	ok(cl_in_leaver_cohort(&HH, D(dob), 2031, 24, &c), "in the 2031 cohort at 24");
	ok(!cl_in_leaver_cohort(&HH, D(dob), 2032, 25, &c) && c.birthday_in_year && c.status == CL_LEAVER_NONE,
	   "never at 25 (no status from 25)");
	/* 90 days: qualifying, never in the cohort */
	H("{2022-02-10/2022-05-11 S C2 U1 E8}");
	ok(!cl_in_leaver_cohort(&HH, D(dob), 2024, 17, &c) && c.status == CL_LEAVER_QUALIFYING,
	   "qualifying (90 days): not in the cohort");

	/* Looked after on the 17th birthday: eligible, not in the cohort; at 18 still looked after: out. */
	H("{2022-02-09/ S C2 U1}");
	ok(!cl_in_leaver_cohort(&HH, D(dob), 2024, 17, &c) && c.looked_after && c.status == CL_LEAVER_ELIGIBLE,
	   "looked after at 17: not in the cohort");
	ok(!cl_in_leaver_cohort(&HH, D(dob), 2025, 18, &c) && c.looked_after &&
	   c.status == CL_LEAVER_FORMER_RELEVANT, "looked after on the 18th birthday: out (status is former relevant)");
	/* Leaving care on the 18th birthday counts as having left. */
	H("{2022-02-09/2024-05-10 S C2 U1 E8}");
	ok(cl_in_leaver_cohort(&HH, D(dob), 2025, 18, &c) && !c.looked_after,
	   "leaving on the 18th birthday: in the cohort at 18");
	/* Leaving the day after: looked after on the birthday, out at 18, in at 19. */
	H("{2022-02-09/2024-05-11 S C2 U1 E8}");
	ok(!cl_in_leaver_cohort(&HH, D(dob), 2025, 18, &c), "leaving the day after 18: out at 18");
	ok(cl_in_leaver_cohort(&HH, D(dob), 2026, 19, &c), "...in at 19");
}

static void
test_outcome(void)
{
	cl_leaver_outcome o;
	int			yes = code(CL_LIST_CONTACT_STATUS, "YES");

	cl_leaver_outcome_of(yes, code(CL_LIST_LEAVER_ACTIVITY, "F1"), code(CL_LIST_LEAVER_ACCOMMODATION, "B1"), &o);
	ok(o.contact == CL_CONTACT_IN_TOUCH && o.in_touch == 1 && o.eet == 1 && o.neet == 0 &&
	   o.higher_education == 1 && o.apprenticeship == 0 && o.suitable == 1 && o.unsuitable == 0 &&
	   !o.excluded && !o.no_information && o.homeless_or_insecure == 0,
	   "YES F1 B1: in touch, EET, higher education, suitable");
	cl_leaver_outcome_of(yes, code(CL_LIST_LEAVER_ACTIVITY, "P4"), code(CL_LIST_LEAVER_ACCOMMODATION, "V1"), &o);
	ok(o.eet == 1 && o.apprenticeship == 1 && o.higher_education == 0 && o.suitable == 1 &&
	   o.homeless_or_insecure == 1, "P4 V1: EET, apprenticeship; emergency accommodation is insecure");
	cl_leaver_outcome_of(yes, code(CL_LIST_LEAVER_ACTIVITY, "G6"), code(CL_LIST_LEAVER_ACCOMMODATION, "S2"), &o);
	ok(o.neet == 1 && o.eet == 0 && o.unsuitable == 1 && o.suitable == 0 && o.homeless_or_insecure == 1,
	   "G6 S2: NEET, unsuitable, homeless");
	cl_leaver_outcome_of(yes, code(CL_LIST_LEAVER_ACTIVITY, "G4"), code(CL_LIST_LEAVER_ACCOMMODATION, "W2"), &o);
	ok(o.neet == 1 && o.homeless_or_insecure == 1, "G4 W2: NEET, bed and breakfast is insecure");
	cl_leaver_outcome_of(code(CL_LIST_CONTACT_STATUS, "NO"), code(CL_LIST_LEAVER_ACTIVITY, "0"),
						 code(CL_LIST_LEAVER_ACCOMMODATION, "0"), &o);
	ok(o.contact == CL_CONTACT_NOT_IN_TOUCH && o.in_touch == 0 && o.activity_not_known == 1 &&
	   o.eet == 0 && o.neet == 0 && o.accommodation_not_known == 1 && o.suitable == 0,
	   "NO 0 0: not in touch, activity and accommodation not known");
	cl_leaver_outcome_of(code(CL_LIST_CONTACT_STATUS, "REFU"), 0, 0, &o);
	ok(o.contact == CL_CONTACT_REFUSED && o.in_touch == 0 && o.activity_not_known == 1 &&
	   o.accommodation_not_known == 1, "REFU with no codes: refused, not known");
	cl_leaver_outcome_of(code(CL_LIST_CONTACT_STATUS, "NREQ"), 0, 0, &o);
	is_int(o.contact, CL_CONTACT_NOT_REQUIRED, "NREQ: no longer requires services");
	cl_leaver_outcome_of(code(CL_LIST_CONTACT_STATUS, "DIED"), code(CL_LIST_LEAVER_ACTIVITY, "F1"), 0, &o);
	ok(o.excluded && o.eet == CL_NA && o.in_touch == CL_NA && o.suitable == CL_NA,
	   "DIED: excluded, every flag not applicable (even with an activity)");
	cl_leaver_outcome_of(code(CL_LIST_CONTACT_STATUS, "RHOM"), 0, 0, &o);
	ok(o.excluded && o.contact == CL_CONTACT_RETURNED_HOME && o.neet == CL_NA, "RHOM: excluded");
	cl_leaver_outcome_of(0, 0, 0, &o);
	ok(o.no_information && !o.excluded && o.in_touch == 0 && o.eet == 0 && o.activity_not_known == 0 &&
	   o.accommodation_not_known == 0, "no record: no information, every flag false");
	is_str(cl_contact_name(o.contact), "no information", "contact name");
	cl_leaver_outcome_of(0, code(CL_LIST_LEAVER_ACTIVITY, "F2"), 0, &o);
	ok(o.contact == CL_CONTACT_NOT_RECORDED && o.eet == 1 && o.accommodation_not_known == 1,
	   "a record without IN_TOUCH: not recorded, still classified");
}

static void
test_cfsr(void)
{
	cl_cfsr c;
	cl_date		dob = D("2010-01-01");	/* b18 2028-01-01 */
	cl_date		end = D("2025-03-31");	/* data to 31 March 2025 */

	/* Window 2024 = [2023-04-01, 2024-04-01).  Entry 2023-06-01, home after 100 days. */
	cl_cfsr_indicators(H("{2023-06-01/2023-09-09 S C2 U1 E4A}"), dob, 2024, end, &c);
	ok(c.entrant && c.entry == D("2023-06-01") && c.exit == D("2023-09-09"), "entrant, exit seen");
	ok(c.permanency_follow_up_complete && c.permanency_12m == 1, "permanency in 12 months");
	ok(c.reentry_cohort && c.reentry_follow_up_complete && c.reentry_12m == 0,
	   "in the re-entry cohort; window to 2024-09-09 complete; no re-entry");
	/* re-entry 2024-01-01 for 31 days: 1; for 7 days: excluded, 0; for 8 days: 1 */
	cl_cfsr_indicators(H("{2023-06-01/2023-09-09 S C2 U1 E4A; 2024-01-01/2024-02-01 S C2 U1 E8}"), dob, 2024, end, &c);
	ok(c.reentry_12m == 1 && c.reentry_date == D("2024-01-01"), "re-entered 2024-01-01");
	cl_cfsr_indicators(H("{2023-06-01/2023-09-09 S C2 U1 E4A; 2024-01-01/2024-01-08 S C2 U1 E8}"), dob, 2024, end, &c);
	ok(c.reentry_12m == 0 && c.reentry_date == CL_DATE_OPEN, "a 7-day re-entry is left out");
	cl_cfsr_indicators(H("{2023-06-01/2023-09-09 S C2 U1 E4A; 2024-01-01/2024-01-09 S C2 U1 E8}"), dob, 2024, end, &c);
	is_int(c.reentry_12m, 1, "an 8-day re-entry counts");
	/* re-entry exactly 12 months after the exit: outside [exit, exit + 12 months) */
	cl_cfsr_indicators(H("{2023-06-01/2023-09-09 S C2 U1 E4A; 2024-09-09/ S C2 U1}"), dob, 2024, end, &c);
	is_int(c.reentry_12m, 0, "re-entry on exit + 12 months: not within");
	cl_cfsr_indicators(H("{2023-06-01/2023-09-09 S C2 U1 E4A; 2024-09-08/ S C2 U1}"), dob, 2024, end, &c);
	is_int(c.reentry_12m, 1, "re-entry the day before: within");

	/* Entry periods shorter than 8 days are left out. */
	cl_cfsr_indicators(H("{2023-06-01/2023-06-08 S C2 U1 E4A}"), dob, 2024, end, &c);
	ok(!c.entrant && c.permanency_12m == CL_CFSR_NA, "7-day period: not an entrant");
	cl_cfsr_indicators(H("{2023-06-01/2023-06-09 S C2 U1 E4A}"), dob, 2024, end, &c);
	ok(c.entrant && c.permanency_12m == 1, "8-day period: entrant, permanency");
	/* ...and the next period is then the entry */
	cl_cfsr_indicators(H("{2023-06-01/2023-06-08 S C2 U1 E4A; 2023-07-01/ S C2 U1}"), dob, 2024, end, &c);
	ok(c.entrant && c.entry == D("2023-07-01") && c.permanency_12m == 0,
	   "after a 7-day period, the next one is the entry; still in care: no permanency");
	/* Entry at 18: born 2005-06-01, b18 2023-06-01 */
	cl_cfsr_indicators(H("{2023-06-01/2023-09-09 S C2 U1 E4A}"), D("2005-06-01"), 2024, end, &c);
	ok(!c.entrant, "entering on the 18th birthday: left out");
	cl_cfsr_indicators(H("{2023-05-31/2023-09-09 S C2 U1 E4A}"), D("2005-06-01"), 2024, end, &c);
	ok(c.entrant && c.permanency_12m == 0 && !c.reentry_cohort,
	   "entering at 17, home after 18: no permanency (after 18), not in the re-entry cohort");
	/* In care at the window start */
	cl_cfsr_indicators(H("{2023-03-01/2023-05-01 S C2 U1 E4A; 2023-07-01/ S C2 U1}"), dob, 2024, end, &c);
	ok(!c.entrant, "in care on 1 April: not an entrant, even after a re-entry");
	cl_cfsr_indicators(H("{2023-03-01/2023-04-01 S C2 U1 E4A; 2023-07-01/ S C2 U1}"), dob, 2024, end, &c);
	ok(c.entrant && c.entry == D("2023-07-01"), "a period ending on 1 April is not in the window");
	cl_cfsr_indicators(H("{2023-03-28/2023-04-03 S C2 U1 E4A; 2023-07-01/ S C2 U1}"), dob, 2024, end, &c);
	ok(c.entrant && c.entry == D("2023-07-01"), "a 6-day period over 1 April is left out");
	cl_cfsr_indicators(H("{2024-04-01/ S C2 U1}"), dob, 2024, end, &c);
	ok(!c.entrant, "entry on 1 April 2024: next year's window");
	/* 12-month boundary */
	cl_cfsr_indicators(H("{2023-06-01/2024-06-01 S C2 U1 E4A}"), dob, 2024, end, &c);
	ok(c.permanency_12m == 0 && !c.reentry_cohort, "home on entry + 12 months: not within 12 months");
	cl_cfsr_indicators(H("{2023-06-01/2024-05-31 S C2 U1 E4A}"), dob, 2024, end, &c);
	ok(c.permanency_12m == 1 && c.reentry_cohort, "home the day before: within");
	/* Adoption: permanency, but no re-entry cohort; other exits: no permanency */
	cl_cfsr_indicators(H("{2023-06-01/2024-01-01 S C2 U1 E12}"), dob, 2024, end, &c);
	ok(c.permanency_12m == 1 && !c.reentry_cohort, "adopted: permanency, not in the re-entry cohort");
	cl_cfsr_indicators(H("{2023-06-01/2024-01-01 S C2 U1 E13}"), dob, 2024, end, &c);
	ok(c.permanency_12m == 1 && c.reentry_cohort, "relatives without PR (E13): permanency and re-entry cohort");
	cl_cfsr_indicators(H("{2023-06-01/2024-01-01 S C2 U1 E47}"), dob, 2024, end, &c);
	ok(c.permanency_12m == 1 && c.reentry_cohort, "special guardianship: both");
	cl_cfsr_indicators(H("{2023-06-01/2024-01-01 S C2 U1 E5}"), dob, 2024, end, &c);
	ok(c.permanency_12m == 0 && !c.reentry_cohort, "independent living: neither");
	/* Follow-up: in12 = 2024-06-01 needs data_end >= 2024-05-31, even though the exit is seen */
	cl_cfsr_indicators(H("{2023-06-01/2023-09-09 S C2 U1 E4A}"), dob, 2024, D("2024-05-30"), &c);
	ok(c.entrant && !c.permanency_follow_up_complete && c.permanency_12m == CL_CFSR_NA,
	   "data to 2024-05-30: permanency follow-up incomplete");
	ok(c.reentry_cohort && !c.reentry_follow_up_complete && c.reentry_12m == CL_CFSR_NA,
	   "...re-entry window to 2024-09-09 incomplete");
	cl_cfsr_indicators(H("{2023-06-01/2023-09-09 S C2 U1 E4A}"), dob, 2024, D("2024-05-31"), &c);
	ok(c.permanency_12m == 1 && c.reentry_12m == CL_CFSR_NA, "data to 2024-05-31: permanency decided");
	cl_cfsr_indicators(H("{2023-06-01/2023-09-09 S C2 U1 E4A}"), dob, 2024, D("2024-09-08"), &c);
	is_int(c.reentry_12m, 0, "data to 2024-09-08: re-entry window complete");
	/* the 18th birthday closes the permanency follow-up early: born 2006-01-01, b18 2024-01-01 */
	cl_cfsr_indicators(H("{2023-06-01/ S C2 U1}"), D("2006-01-01"), 2024, D("2024-03-31"), &c);
	ok(c.permanency_follow_up_complete && c.permanency_12m == 0,
	   "follow-up ends at 18 (2024-01-01): decided by data to 2024-03-31");

	/*
	 * Moves: U1 2023-06-01, T1 2023-07-01 (not counted), U2 2023-07-05, U3
	 * 2023-12-01: 2 moves; days [2023-06-01, 2024-04-01) = 30+31+31+30+31+30+31+31+29+31 = 305.
	 */
	{
		const char *mv = "{2023-06-01/2023-07-01 S C2 U1 X1; 2023-07-01/2023-07-05 P C2 T1 X1;"
			" 2023-07-05/2023-12-01 P C2 U2 X1; 2023-12-01/ P C2 U3}";

		cl_cfsr_indicators(H(mv), dob, 2024, end, &c);
		ok(c.moves == 2 && c.days == 305, "2 moves in 305 days (temporary placement not counted)");
		/* b18 2024-01-01: days [06-01, 01-01) = 30+31+31+30+31+30+31 = 214, both moves before */
		cl_cfsr_indicators(H(mv), D("2006-01-01"), 2024, end, &c);
		ok(c.moves == 2 && c.days == 214, "18 on 2024-01-01: 214 days, 2 moves");
		/* b18 2023-11-01: days 30+31+31+30+31 = 153, one move */
		cl_cfsr_indicators(H(mv), D("2005-11-01"), 2024, end, &c);
		ok(c.moves == 1 && c.days == 153, "18 on 2023-11-01: 153 days, 1 move");
		/* data to 2023-09-30: days 30+31+31+30 = 122, one move */
		cl_cfsr_indicators(H(mv), dob, 2024, D("2023-09-30"), &c);
		ok(c.moves == 1 && c.days == 122, "data to 2023-09-30: 122 days, 1 move");
		/* a re-entry period's first placement is not a move; its days count */
		cl_cfsr_indicators(H("{2023-06-01/2023-07-01 S C2 U1 E4A; 2023-08-01/2023-09-01 S C2 U2 E4A}"),
						   dob, 2024, end, &c);
		ok(c.moves == 0 && c.days == 61, "two periods, no move, 30 + 31 days");
		/* a duplicated row is not a move (issue 11.5) */
		cl_cfsr_indicators(H("{2023-06-01/ S C2 U1; 2023-06-01/ S C2 U1}"), dob, 2024, end, &c);
		is_int(c.moves, 0, "an episode returned twice: no CFSR move");
		/* not an entrant: nothing */
		cl_cfsr_indicators(H("{2023-03-01/ S C2 U1}"), dob, 2024, end, &c);
		ok(c.moves == 0 && c.days == 0, "not an entrant: no moves, no days");
	}
}

int
main(void)
{
	test_returns();
	test_stability();
	test_cohort();
	test_outcome();
	test_cfsr();
	return tap_done();
}
