/*
 * Unit tests of yearfacts.c: one child's facts in a collection year
 * (doc/facts.md) on a history worked by hand, and cl_leaver_cohort_age.
 */
#include "tap.h"
#include "history_text.h"
#include "history.h"
#include "facts.h"
#include "returns.h"
#include "leavers.h"
#include "yearfacts.h"

#include <stdlib.h>

#define MAXEP 64
static cl_episode buf[MAXEP];
static cl_period pbuf[MAXEP];
static cl_spell plbuf[MAXEP];
static cl_spell cbuf[MAXEP];

static cl_date
D(const char *s)
{
	return cl_date_from_ymd(atoi(s), atoi(s + 5), atoi(s + 8));
}

int
main(void)
{
	cl_history	h;
	cl_facts	f;
	cl_return_home rh[MAXEP];
	int32_t		nrh;
	cl_year_facts y;
	cl_date		dob = D("2010-05-15");
	cl_date		end = D("2024-03-31");

	/*
	 * In care 2021-06-01 to 2022-01-10 (home, E4A), again from 2022-05-01
	 * (open).  Data to 2024-03-31.
	 */
	h = history_from_text("{2021-06-01/2022-01-10 S C2 U1 E4A; 2022-05-01/ S C2 U3}", buf, MAXEP);
	cl_facts_init(&f, &h, pbuf, plbuf, cbuf);
	nrh = cl_returns_home(&f, end, (cl_span) {CL_REENTRY_MONTHS, 0}, false, rh);
	is_int(nrh, 1, "one return home");

	/* 2021 (to 31 March 2021): before the first period: no facts */
	ok(!cl_year_facts_of(&f, true, dob, 2021, end, rh, nrh, &y), "2021: before care, no row");

	/*
	 * 2022: the first period starts and ends home; days 30+31+31+30+31+30+31+9
	 * = 223; re-entry 2022-05-01 inside [2022-01-10, 2023-01-10).
	 */
	ok(cl_year_facts_of(&f, true, dob, 2022, end, rh, nrh, &y), "2022: a row");
	ok(!y.looked_after && y.ls == 0 && y.place == 0, "2022: not looked after on 31 March");
	is_int(y.days, 223, "2022: 223 days looked after");
	ok(y.started == 1 && y.ceased == 1 && y.ceased_home == 1 && y.ceased_adopted == 0 &&
	   y.ceased_sgo == 0, "2022: one period started, one ended home");
	ok(y.returned_home == 1 && y.reentered == 1 && y.follow_up_incomplete == 0,
	   "2022: one return home, re-entered within 12 months");
	is_int(y.age, 11, "2022: 11 on 31 March 2022");
	is_int(y.cohort_age, -1, "2022: no cohort");

	/* the same with data to 2022-06-30: the window passes the data's end */
	nrh = cl_returns_home(&f, D("2022-06-30"), (cl_span) {CL_REENTRY_MONTHS, 0}, false, rh);
	cl_year_facts_of(&f, true, dob, 2022, D("2022-06-30"), rh, nrh, &y);
	ok(y.returned_home == 1 && y.reentered == 0 && y.follow_up_incomplete == 1,
	   "data to 2022-06-30: follow-up incomplete, not 'not re-entered'");
	nrh = cl_returns_home(&f, end, (cl_span) {CL_REENTRY_MONTHS, 0}, false, rh);

	/* 2023: second period starts 2022-05-01; 365 - 30 = 335 days; U3 on 31 March */
	ok(cl_year_facts_of(&f, true, dob, 2023, end, rh, nrh, &y), "2023: a row");
	ok(y.looked_after && y.ls == CL_LS_C2 && y.place == CL_PLACE_U3, "2023: looked after, C2 U3");
	is_int(y.days, 335, "2023: 335 days");
	ok(y.started == 1 && y.ceased == 0 && y.returned_home == 0, "2023: one start, no end");
	ok(y.stab.looked_after && y.stab.placements_year == 1 && !y.stab.short_term &&
	   !y.stab.two_year_cohort && !y.stab.long_term_cohort, "2023: one placement, in no longer measure");

	/* 2024: a leap year, looked after throughout */
	cl_year_facts_of(&f, true, dob, 2024, end, rh, nrh, &y);
	is_int(y.days, 366, "2024: 366 days");
	is_int(y.age, 13, "2024: 13 on 31 March 2024");

	/* without a date of birth: no age, no long-term measure, no cohort */
	cl_year_facts_of(&f, false, 0, 2024, end, rh, nrh, &y);
	ok(y.age == -1 && !y.stab.long_term_cohort && y.cohort_age == -1, "no date of birth");

	/*
	 * cl_leaver_cohort_age: born 2005-06-01, looked after 2019-01-01 until
	 * the 18th birthday, 2023-06-01 (E8): a period ending on the birthday has
	 * ended by then (metrics.md 5), so in the cohort at 18 (collection year
	 * 2024) and, former relevant, at 19 (2025).
	 */
	h = history_from_text("{2019-01-01/2023-06-01 S C2 U1 E8}", buf, MAXEP);
	is_int(cl_leaver_cohort_age(&h, D("2005-06-01"), 2025), 19, "cohort age 19 in 2025");
	is_int(cl_leaver_cohort_age(&h, D("2005-06-01"), 2024), 18, "cohort age 18 in 2024 (left on the birthday)");
	is_int(cl_leaver_cohort_age(&h, D("2005-06-01"), 2020), -1, "14 in 2020: no cohort");
	return tap_done();
}
