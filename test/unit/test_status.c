/*
 * Unit tests of status.c: every rule and boundary of metrics.md 4.
 * Each expected value is worked by hand in the comment above it.
 *
 * Unless said otherwise the young person is born 2006-05-10:
 *   b14 2020-05-10, b16 2022-05-10, b18 2024-05-10, b21 2027-05-10, b25 2031-05-10.
 */
#include "tap.h"
#include "history.h"
#include "periods.h"
#include "status.h"
#include "history_text.h"

#include <stdlib.h>
#include <string.h>

static cl_episode buf[64];

static cl_date
D(const char *s)
{
	int			y = atoi(s),
				m = atoi(s + 5),
				d = atoi(s + 8);

	return cl_date_from_ymd(y, m, d);
}

static cl_history
H(const char *text)
{
	return history_from_text(text, buf, 64);
}

static cl_status_explain X;

/* status of history text for dob at date, checking status and rule */
#define ST(text, dob, at, want, rule_, ...) do { \
	cl_history h_ = H(text); \
	cl_leaver_status s_ = cl_leaver_status_at(&h_, D(dob), D(at), &X); \
	ok(s_ == (want) && X.rule == (rule_), __VA_ARGS__); \
	if (s_ != (want) || X.rule != (rule_)) \
		printf("#   got %s by rule %d, expected %s by rule %d\n", \
			   cl_leaver_status_name(s_) ? cl_leaver_status_name(s_) : "NULL", X.rule, \
			   cl_leaver_status_name(want) ? cl_leaver_status_name(want) : "NULL", rule_); \
} while (0)

#define NONE CL_LEAVER_NONE
#define ELIG CL_LEAVER_ELIGIBLE
#define REL CL_LEAVER_RELEVANT
#define FREL CL_LEAVER_FORMER_RELEVANT
#define QUAL CL_LEAVER_QUALIFYING
#define DOB "2006-05-10"

int
main(void)
{
	/*
	 * Exactly 91 days since 14: 2022-02-09 to 2022-05-11 is
	 * 28 (to 9 Mar) + 31 (to 9 Apr) + 30 (to 9 May) + 2 = 91 nights, one of them
	 * (10 May) after the 16th birthday.  Left with E8 ("other").
	 */
	const char *h91 = "{2022-02-09/2022-05-11 S C2 U1 E8}";
	/* One day shorter: 90 nights, still one after 16. */
	const char *h90 = "{2022-02-10/2022-05-11 S C2 U1 E8}";

	ST(h91, DOB, "2022-06-01", REL, 7, "91 days, 1 after 16: relevant at 16 (rule 7)");
	ok(X.days14 == 91 && X.days16 == 1 && X.left_on == D("2022-05-11") && X.left_reason == CL_REC_E8,
	   "explain: days14 91, days16 1, C 2022-05-11, R E8");
	ST(h90, DOB, "2022-06-01", QUAL, 8, "90 days: not eligible; looked after after 16: qualifying (rule 8)");
	is_int(X.days14, 90, "explain: days14 90");
	ST(h91, DOB, "2024-05-09", REL, 7, "the day before 18 (age 17): relevant");
	ST(h91, DOB, "2024-05-10", FREL, 7, "on the 18th birthday: former relevant");
	ST(h91, DOB, "2027-05-10", FREL, 7, "at 21: still former relevant (18 to 24)");
	ST(h91, DOB, "2031-05-09", FREL, 7, "the day before 25: former relevant");
	ST(h91, DOB, "2031-05-10", NONE, 1, "on the 25th birthday: none (rule 1)");
	ST(h91, DOB, "2022-05-09", NONE, 1, "the day before 16: none (rule 1)");
	ST(h90, DOB, "2027-05-09", QUAL, 8, "qualifying the day before 21");
	ST(h90, DOB, "2027-05-10", NONE, 8, "qualifying ends at 21 (rule 8, aged 21)");

	/* The period ends on the day of leaving: at D = C the child is not looked after. */
	ST(h91, DOB, "2022-05-11", REL, 7, "on the day care ended (D = C): relevant");
	/* The day before: still looked after; days14(D + 1) = days to 2022-05-11 = 91. */
	ST(h91, DOB, "2022-05-10", ELIG, 2, "the day before leaving, aged 16: eligible (rule 2)");
	ok(X.eligible_at == D("2022-05-11") && X.days14 == 91 && X.days16 == 1,
	   "explain: tested at D + 1 = 2022-05-11, 91 and 1 days");

	/*
	 * Care ending on the 16th birthday: 2021-10-01 to 2022-05-10 has no night
	 * after 16 (the night of 10 May is not looked after), so days16(C) = 0:
	 * not eligible, not qualifying: none (rule 9).  One more day: relevant.
	 */
	ST("{2021-10-01/2022-05-10 S C2 U1 E8}", DOB, "2022-06-01", NONE, 9,
	   "care ending on the 16th birthday: none (rule 9)");
	is_int(X.days16, 0, "explain: days16 0");
	ST("{2021-10-01/2022-05-11 S C2 U1 E8}", DOB, "2022-06-01", REL, 7,
	   "care ending the day after the 16th birthday: relevant");

	/*
	 * 29 February birthday (2008-02-29): b14 2022-03-01, b16 2024-02-29 (leap),
	 * b18 2026-03-01.  Care 2023-09-01 to 2024-02-29 ends on the 16th birthday:
	 * days16 0, none.  To 2024-03-01: days16 1 (29 Feb), days14 = 30+31+30+31+31+29 = 182: relevant.
	 */
	ST("{2023-09-01/2024-02-29 S C2 U1 E8}", "2008-02-29", "2024-04-01", NONE, 9,
	   "29 Feb dob, care ending on the 16th birthday (29 Feb 2024): none");
	ST("{2023-09-01/2024-03-01 S C2 U1 E8}", "2008-02-29", "2024-04-01", REL, 7,
	   "29 Feb dob, care ending 1 Mar 2024: relevant");
	is_int(X.days14, 182, "explain: days14 182");
	/* age on 28 Feb 2026 is 17 (18th birthday is 1 Mar 2026) */
	ST("{2023-09-01/2024-03-01 S C2 U1 E8}", "2008-02-29", "2026-02-28", REL, 7,
	   "29 Feb dob on 28 Feb 2026: still 17, relevant");
	ST("{2023-09-01/2024-03-01 S C2 U1 E8}", "2008-02-29", "2026-03-01", FREL, 7,
	   "29 Feb dob on 1 Mar 2026: 18, former relevant");
	is_int(X.b18, D("2026-03-01"), "explain: b18 is 1 Mar 2026");
	{
		/* b14 is 1 Mar 2022: care 1 Feb to 2 Mar 2022 has one night (1 Mar) after 14 */
		cl_history	h = H("{2022-02-01/2022-03-02 S C2 U1 E8}");

		is_int(cl_days_since_birthday(&h, D("2008-02-29"), 14, D("2030-01-01")), 1,
			   "29 Feb dob: days14 starts on 1 Mar 2022");
	}

	/*
	 * Six-month return home boundary.  Care 2022-01-01 to C = 2023-06-01, E4A:
	 * eligible at C (days14 > 91, days16 > 1).  C + 6 months = 2023-12-01.
	 * min(D, b18) = D while D < b18.
	 */
	ST("{2022-01-01/2023-06-01 S C2 U1 E4A}", DOB, "2023-11-30", REL, 7,
	   "home: C + 6 months (2023-12-01) > D (2023-11-30): relevant (rule 7)");
	ok(X.home_six_months_tested && X.home_six_months == D("2023-12-01"), "explain: C + 6 months 2023-12-01");
	ST("{2022-01-01/2023-06-01 S C2 U1 E4A}", DOB, "2023-12-01", QUAL, 6,
	   "home: C + 6 months == D: qualifying (rule 6)");
	ST("{2022-01-01/2023-06-01 S C2 U1 E4A}", DOB, "2023-12-02", QUAL, 6,
	   "home: C + 6 months < D: qualifying (rule 6)");
	ST("{2022-01-01/2023-06-01 S C2 U1 E4B}", DOB, "2023-12-01", QUAL, 6, "E4B likewise");
	ST("{2022-01-01/2023-06-01 S C2 U1 E41}", DOB, "2023-12-01", QUAL, 6, "E41 (child arrangements order) likewise");
	ST("{2022-01-01/2023-06-01 S C2 U1 E13}", DOB, "2023-12-01", REL, 7,
	   "E13 (relatives without PR) is not rule 6: relevant");
	/*
	 * At the 18th birthday: C = 2023-11-10 gives C + 6 months = 2024-05-10 = b18.
	 * At D = 2024-06-01 min(D, b18) = b18.
	 */
	ST("{2022-01-01/2023-11-10 S C2 U1 E4A}", DOB, "2024-06-01", QUAL, 6,
	   "home: C + 6 months == b18: qualifying");
	ST("{2022-01-01/2023-11-09 S C2 U1 E4A}", DOB, "2024-06-01", QUAL, 6,
	   "home: C + 6 months one day before b18: qualifying");
	ST("{2022-01-01/2023-11-11 S C2 U1 E4A}", DOB, "2024-06-01", FREL, 7,
	   "home: C + 6 months one day after b18: former relevant");
	ST("{2022-01-01/2023-11-10 S C2 U1 E4A}", DOB, "2027-05-10", NONE, 6,
	   "home six months, aged 21: none (rule 6)");
	/* Home before 16: care 2020-06-01 to 2022-04-30, C + 6m = 2022-10-30, days16(C) = 0 */
	ST("{2020-06-01/2022-04-30 S C2 U1 E4A}", DOB, "2023-06-01", NONE, 6,
	   "home before 16 for six months: none (rule 6, days16 0)");
	/* C + 6 months clamps: C = 2023-08-31 -> 2024-02-29 (leap) */
	ST("{2022-01-01/2023-08-31 S C2 U1 E4A}", DOB, "2024-02-29", QUAL, 6,
	   "C 31 Aug + 6 months = 29 Feb 2024 (clamped) == D: qualifying");
	ST("{2022-01-01/2023-08-31 S C2 U1 E4A}", DOB, "2024-02-28", REL, 7,
	   "and the day before: relevant");

	/*
	 * Short breaks are left out: care 2022-01-30 to 2022-05-05 (95 nights, none after
	 * 16), then short breaks (V3) 2022-05-05 to 2022-05-20.  days16 = 0: none.
	 */
	ST("{2022-01-30/2022-05-05 S C2 U1 E8; 2022-05-05/2022-05-20 S V3 U1 E8}", DOB, "2022-06-01",
	   NONE, 9, "short breaks after 16 do not count: none (rule 9)");
	is_int(X.days14, 95, "explain: days14 95 (Jan 30 -> May 5)");
	ST("{2022-01-30/2022-05-05 S C2 U1 E8; 2022-05-05/2022-05-20 S V3 U1 E8}", DOB, "2022-05-15",
	   NONE, 9, "during a short break the child is not looked after (not rule 2)");
	ST("{2022-01-30/2022-05-20 S V4 U1 E8}", DOB, "2022-06-01", NONE, 3,
	   "only short breaks: never a care leaver (rule 3)");
	ST("{2022-01-30/ S V3 U1}", DOB, "2022-06-01", NONE, 3, "open short breaks: not looked after");

	/*
	 * X1 chains: 2022-01-30 to 2022-03-01 X1, to 2022-05-15 X1 (L), to 2022-06-01 E8:
	 * one period 2022-01-30 to 2022-06-01, days14 122, days16 22.
	 */
	ST("{2022-01-30/2022-03-01 S C2 U1 X1; 2022-03-01/2022-05-15 L C1 U1 X1; 2022-05-15/2022-06-01 P C1 U2 E8}",
	   DOB, "2022-07-01", REL, 7, "X1 chain: one period, relevant");
	ok(X.days14 == 122 && X.days16 == 22 && X.left_on == D("2022-06-01"), "explain: 122, 22, C 2022-06-01");
	/* X1 with no continuation ends the period with reason unknown: not rule 4 to 6 */
	ST("{2022-01-30/2022-06-01 S C2 U1 X1}", DOB, "2022-12-01", REL, 7,
	   "X1 with no continuation: period ends, reason unknown, relevant");
	ok(X.left_reason_unknown && X.left_reason == 0, "explain: reason unknown");
	/* X1 then a gap then E4A: the last period (E4A) decides */
	ST("{2021-01-30/2021-06-01 S C2 U1 X1; 2022-01-30/2022-06-01 S C2 U1 E4A}", DOB, "2022-12-01",
	   QUAL, 6, "after an X1 gap the last period's E4A decides: home 6 months, qualifying");

	/* Special guardianship: eligible history ending E45 */
	ST("{2022-01-01/2023-06-01 S C2 U1 E45}", DOB, "2023-07-01", QUAL, 5, "SGO at 17: qualifying (rule 5)");
	ST("{2022-01-01/2023-06-01 S C2 U1 E48}", DOB, "2027-05-09", QUAL, 5, "SGO at 20: qualifying");
	ST("{2022-01-01/2023-06-01 S C2 U1 E43}", DOB, "2027-05-10", NONE, 5, "SGO at 21: none");

	/* Adoption, death, transfer: none whatever the days */
	ST("{2022-01-01/2023-06-01 S C2 U1 E11}", DOB, "2023-07-01", NONE, 4, "adopted E11: none (rule 4)");
	ST("{2022-01-01/2023-06-01 S C2 U1 E12}", DOB, "2023-07-01", NONE, 4, "adopted E12: none");
	ST("{2022-01-01/2023-06-01 S C2 U1 E2}", DOB, "2023-07-01", NONE, 4, "died E2: none");
	ST("{2022-01-01/2023-06-01 S C2 U1 E3}", DOB, "2023-07-01", NONE, 4, "transferred E3: none");
	/* an adoption disrupted: a later period ending E8 decides */
	ST("{2020-06-01/2021-01-01 S C2 U1 E11; 2022-01-01/2023-06-01 S C2 U1 E8}", DOB, "2023-07-01",
	   REL, 7, "a later period after an adoption decides: relevant");

	/*
	 * Still looked after.  Care from 2021-01-01, open.  At 17 (2023-07-01):
	 * eligible (rule 2).  At 18 (2024-06-01): eligible_by(b18) (days14 to
	 * 2024-05-10 = 1225, days16 = 731): former relevant (rule 2).
	 */
	ST("{2021-01-01/ S C2 U1}", DOB, "2023-07-01", ELIG, 2, "looked after at 17: eligible");
	ST("{2021-01-01/ S C2 U1}", DOB, "2024-06-01", FREL, 2, "still looked after at 18: former relevant");
	ok(X.eligible_at == D("2024-05-10") && X.days16 == 731 && X.days14 == 1225,
	   "explain: tested at b18; days16 2022-05-10..2024-05-10 = 731, days14 2021-01-01..2024-05-10 = 365*3 + 130 = 1225 (days %lld, %lld)",
	   (long long) X.days14, (long long) X.days16);
	ST("{2021-01-01/ S C2 U1}", DOB, "2031-05-10", NONE, 1, "looked after at 25: none (rule 1)");
	/* entered at 17: 2024-04-10, open; at 18 eligible_by(b18): days14 30 < 91 */
	ST("{2024-04-10/ S C2 U1}", DOB, "2024-06-01", NONE, 2, "looked after at 18, 30 days before 18: none (rule 2)");
	/* Rule 2 at 16/17 tests D + 1: care from 2023-01-01; D = 2023-01-01 + 90 = 2023-04-01 gives 91 */
	ST("{2023-01-01/ S C2 U1}", DOB, "2023-04-01", ELIG, 2, "looked after 91 days including D: eligible");
	ST("{2023-01-01/ S C2 U1}", DOB, "2023-03-31", NONE, 2, "90 days including D: none (rule 2)");
	/* looked after on the 16th birthday, entered the day before 16: days16(D+1) at D = b16 is 1 */
	ST("{2022-01-01/ S C2 U1}", DOB, "2022-05-10", ELIG, 2, "on the 16th birthday, looked after: eligible");

	/* Never looked after, or only after D */
	ST("{}", DOB, "2023-01-01", NONE, 3, "no episodes: none (rule 3)");
	ST("{2023-06-01/ S C2 U1}", DOB, "2023-01-01", NONE, 3, "care starts after D: none (rule 3)");
	/* a period still running on D but ended after it: looked after (rule 2) */
	ST("{2022-01-01/2024-01-01 S C2 U1 E8}", DOB, "2023-01-01", ELIG, 2, "care ending after D: looked after");

	/* Born after D, or D before 16 */
	ST("{}", DOB, "2000-01-01", NONE, 1, "not yet born: none (rule 1)");

	/* Overlapping episodes are counted once: two copies of 60 nights (2022-03-11 to 2022-05-10+...) */
	ST("{2022-03-11/2022-05-11 S C2 U1 E8; 2022-03-11/2022-05-11 S C2 U1 E8}", DOB, "2022-06-01",
	   QUAL, 8, "duplicate 61-night episodes count 61, not 122: qualifying, not relevant");
	is_int(X.days14, 61, "explain: days14 61 (11 Mar to 11 May)");

	/* Two periods: the total since 14 adds both */
	ST("{2020-06-01/2020-08-01 S C2 U1 E4A; 2022-04-10/2022-05-12 S C2 U1 E8}", DOB, "2022-06-01",
	   REL, 7, "61 + 32 = 93 days over two periods, 2 after 16: relevant");
	is_int(X.days14, 93, "explain: days14 93");

	/* the birthdays in the explanation are cl_birthday's, for every dob 1996..2012 */
	{
		cl_history	h = H("{}");
		int			bad = 0;

		for (cl_date dob = D("1996-01-01"); dob <= D("2012-12-31"); dob++)
		{
			cl_leaver_status_at(&h, dob, D("2024-03-31"), &X);
			if (X.b14 != cl_birthday(dob, 14) || X.b16 != cl_birthday(dob, 16) ||
				X.b18 != cl_birthday(dob, 18) || X.b21 != cl_birthday(dob, 21) ||
				X.b25 != cl_birthday(dob, 25) || X.age != cl_age_on(dob, D("2024-03-31")))
				bad++;
		}
		is_int(bad, 0, "explained birthdays and age agree with dates.c for every dob 1996-2012");
	}

	/* names */
	is_str(cl_leaver_status_name(CL_LEAVER_FORMER_RELEVANT), "former_relevant", "status names");
	ok(cl_leaver_status_name(CL_LEAVER_NONE) == NULL, "no name for none");

	return tap_done();
}
