/*
 * Unit tests of cin_link.c: the identity rule (LAchildID = CHILD, the UPN
 * confirming or refusing) and the counts across CIN and SSDA903 on
 * hand-worked children, windows at their boundaries.
 */
#include <string.h>
#include "tap.h"
#include "history_text.h"
#include "cin_link.h"
#include "returns.h"

static cl_date
d(int y, int m, int dd)
{
	return cl_date_from_ymd(y, m, dd);
}

static cl_cin_link
link_of(const char *cin, const char *former, const char *cla)
{
	return cl_cin_link_of(cin, cin ? strlen(cin) : 0, former, former ? strlen(former) : 0, cla,
						  cla ? strlen(cla) : 0);
}

/* A child's counts for a year, the CIN coverage 1 April 2022 to 31 March 2024, SSDA903 to 31 March 2025. */
static cl_cin_care_year
counts(const char *journey, const char *history, int year)
{
	static cl_cin_event ev[32];
	static cl_episode ep[16];
	static cl_period periods[16];
	int			n = 0;
	char		err[200];
	cl_history	h = history_from_text(history, ep, 16);
	cl_facts	f;
	cl_cin_care_year c;

	if (!cl_cin_parse(journey, strlen(journey), ev, 32, &n, err, sizeof err))
	{
		printf("Bail out! %s: %s\n", journey, err);
		exit(1);
	}
	cl_facts_init(&f, &h, periods, NULL, NULL);
	cl_cin_care_year_counts(ev, n, &f, d(2010, 1, 1), year, d(2025, 3, 31), d(2022, 4, 1), d(2024, 3, 31), &c);
	return c;
}

int
main(void)
{
	char		upn[14];
	cl_cin_care_year c;

	/* UPNs */
	ok(cl_cin_upn_normalise(" a123456789012\t", 15, upn) && strcmp(upn, "A123456789012") == 0,
	   "a UPN is read ignoring case and blanks");
	ok(cl_cin_upn_normalise("B12345678901Z", 13, upn), "a temporary UPN ends with a letter");
	ok(!cl_cin_upn_normalise("O123456789012", 13, upn), "O is not a UPN's first letter");
	ok(!cl_cin_upn_normalise("UN3", 3, upn), "UN3 is no UPN");
	ok(!cl_cin_upn_normalise("A12345678901", 12, upn), "12 characters are no UPN");
	ok(!cl_cin_upn_normalise(NULL, 0, upn), "no value, no UPN");

	/* the link of a pair with the same identifier */
	is_int(link_of("A123456789012", NULL, "A123456789012"), CL_CIN_LINK_ID_AND_UPN, "equal UPNs confirm");
	is_int(link_of("C123456789012", "a123456789012", "A123456789012"), CL_CIN_LINK_ID_AND_UPN, "the FormerUPN confirms");
	is_int(link_of("A123456789012", NULL, "UN1"), CL_CIN_LINK_ID_ONLY, "UN1: identifier only");
	is_int(link_of(NULL, NULL, NULL), CL_CIN_LINK_ID_ONLY, "no UPN at all: identifier only");
	is_int(link_of("A123456789012", NULL, "B123456789012"), CL_CIN_LINK_UPN_CONFLICT, "different UPNs: not linked");
	is_str(cl_cin_link_name(CL_CIN_LINK_UPN_CONFLICT), "upn conflict", "its name");

	/* care starting 1 June 2023 (2023-24) after Family Help */
	c = counts("{R 2022-06-01 2022-09-01}", "{2023-06-01/ S C2 U4}", 2024);
	ok(c.started == 1 && c.lookback_incomplete == 0 && c.after_referral == 1 && c.after_help == 1,
	   "a referral on the same day a year before counts");
	c = counts("{R 2022-05-31 2022-09-01}", "{2023-06-01/ S C2 U4}", 2024);
	ok(c.started == 1 && c.after_referral == 0 && c.after_help == 0, "a day earlier does not");
	c = counts("{R 2021-05-01 2022-09-01; C 2021-06-01 2022-06-01 NEG NEG 0}", "{2023-06-01/ S C2 U4}", 2024);
	ok(c.after_referral == 0 && c.after_cpp == 1 && c.after_help == 1, "a plan ending on the day a year before counts");
	c = counts("{R 2021-05-01 2022-09-01; C 2021-06-01 2022-05-31 NEG NEG 0}", "{2023-06-01/ S C2 U4}", 2024);
	ok(c.after_cpp == 0, "a plan ending the day before does not");
	c = counts("{R 2022-05-10 -}", "{2023-03-01/ S C2 U4}", 2023);
	ok(c.started == 1 && c.lookback_incomplete == 1 && c.after_referral == 0,
	   "a look-back reaching before the CIN data: not known, the referral in it not counted");
	c = counts("{}", "{2023-06-01/2023-09-01 S C2 U4 E11; 2024-01-01/ S C2 U4}", 2024);
	ok(c.started == 1 && c.after_help == 0 && c.route == CL_EXIT_ADOPTED,
	   "the first period starting in the year, and its route (adopted)");
	c = counts("{}", "{2023-06-01/2024-06-01 S C2 U4 E4A}", 2024);
	is_int(c.route, CL_EXIT_RETURNED_HOME, "a period ending after the year but by the data's end: returned home");
	c = counts("{}", "{2023-06-01/ S V3 U4}", 2024);
	is_int(c.started, 0, "a short break is no start of care");

	/* returns home followed by a re-referral */
	c = counts("{R 2024-03-31 -}", "{2022-06-01/2023-04-01 S C2 U4 E4A}", 2024);
	ok(c.returned_home == 1 && c.rereferred == 1 && c.rereferral_incomplete == 0,
	   "return 1 April 2023: the follow-up ends with the CIN data; referred on its last day");
	c = counts("{R 2023-05-01 -}", "{2022-06-01/2023-04-02 S C2 U4 E4B}", 2024);
	ok(c.returned_home == 1 && c.rereferred == 0 && c.rereferral_incomplete == 1,
	   "return 2 April 2023: the follow-up passes the CIN data: incomplete, the referral seen not counted");
	c = counts("{R 2023-02-01 -}", "{2022-06-01/2023-02-01 S C2 U4 E4A}", 2023);
	ok(c.returned_home == 1 && c.rereferred == 0 && c.rereferral_incomplete == 0,
	   "a referral on the day of the return is not after it");
	c = counts("{R 2022-12-01 -}", "{2022-03-01/2022-05-01 S C2 U4 E4A}", 2023);
	ok(c.returned_home == 1 && c.rereferred == 1, "a return inside the CIN coverage, re-referred");
	c = counts("{}", "{2021-06-01/2022-03-01 S C2 U4 E4A}", 2022);
	ok(c.returned_home == 1 && c.rereferral_incomplete == 1, "a return before the CIN coverage: incomplete");
	c = counts("{}", "{2022-06-01/2023-02-01 S C2 U4 E8}", 2023);
	is_int(c.returned_home, 0, "E8 is no return home");
	return tap_done();
}
