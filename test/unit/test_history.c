/*
 * Unit tests of history.c and periods.c: text form, validation, defects,
 * periods of care, placements, carer spells, days looked after.
 */
#include "tap.h"
#include "history.h"
#include "periods.h"
#include "history_text.h"

#include <stdlib.h>
#include <string.h>

static cl_episode buf[64];
static char err[256];

static cl_date
ymd(int y, int m, int d)
{
	return cl_date_from_ymd(y, m, d);
}

/* Parses text and builds it; aborts the test run when it does not parse. */
static cl_history
H(const char *text)
{
	return history_from_text(text, buf, 64);
}

static bool
parses(const char *text)
{
	int32_t		n,
				missing;

	return cl_history_parse(text, strlen(text), buf, 64, &n, &missing, err, sizeof err);
}

static const char *
fmt(const char *text)
{
	static char out[4096];
	cl_history	h = H(text);

	cl_history_format(&h, out);
	return out;
}

int
main(void)
{
	cl_history	h;
	cl_period	p[64];
	cl_spell	s[64];
	int32_t		np,
				ns;

	/* ---- dates accepted */
	is_int(cl_history_min_date(), -730119, "0001-01-01 is day -730119");
	is_int(cl_history_max_date(), 2921939, "9999-12-31 is day 2921939");
	ok(cl_history_date_ok(-730119) && !cl_history_date_ok(-730120), "lower date bound");
	ok(cl_history_date_ok(2921939) && !cl_history_date_ok(2921940), "upper date bound");

	/* ---- text form round trip */
	is_str(fmt("{}"), "{}", "empty history");
	is_str(fmt(" { } "), "{}", "white space around an empty history");
	is_str(fmt("{2019-04-01/2019-06-03 S C2 U4 X1 N1 PR1 CARPL; 2019-06-03/ b c2 k2}"),
		   "{2019-04-01/2019-06-03 S C2 U4 X1 N1 PR1 CARPL; 2019-06-03/ B C2 K2}",
		   "full codes, lower case read, open episode");
	is_str(fmt("{2019-04-01/2019-06-03 S - - E4A - - -}"), "{2019-04-01/2019-06-03 S - - E4A}",
		   "absent codes as '-', trailing ones omitted");
	is_str(fmt("{2019-04-01/}"), "{2019-04-01/}", "an episode with no codes");
	is_str(fmt("{2019-04-01/2019-06-03 S C2 U4 E4A; missing_decom=2}"),
		   "{2019-04-01/2019-06-03 S C2 U4 E4A; missing_decom=2}", "missing_decom counter");
	is_str(fmt("{missing_decom=3}"), "{missing_decom=3}", "only rows without a start date");
	is_str(fmt("{2019-04-01/2019-06-03 S C2 U4 E4A;2019-04-01/2019-06-03 S C2 U4 E4A}"),
		   "{2019-04-01/2019-06-03 S C2 U4 E4A; 2019-04-01/2019-06-03 S C2 U4 E4A}",
		   "exact duplicates are kept");

	/* ---- strict input */
	ok(!parses(""), "empty text rejected");
	ok(!parses("{"), "unclosed brace rejected");
	ok(!parses("{} x"), "text after the brace rejected");
	ok(!parses("{2019-02-29/ S}"), "29 Feb 2019 rejected");
	ok(strstr(err, "start date") != NULL, "message names the start date: %s", err);
	ok(!parses("{2019-04-01/2019-13-01 S}"), "month 13 rejected");
	ok(!parses("{2019-04-01/2019-06-03X S}"), "junk after the end date rejected");
	ok(!parses("{2019-04-01 S}"), "missing slash rejected");
	ok(!parses("{2019-04-01/ Q}"), "bad RNE rejected");
	ok(strstr(err, "\"Q\"") != NULL && strstr(err, "RNE") != NULL, "message names the code and field: %s", err);
	ok(!parses("{2019-04-01/ S C2 U4 E4A N1 PR1 CARPL X}"), "eight codes rejected");
	ok(!parses("{2019-04-01/ S Q9}"), "bad LS rejected");
	ok(strstr(err, "LS") != NULL, "message names LS: %s", err);
	ok(!parses("{2019-06-01/ S; 2019-04-01/ S}"), "out of order rejected");
	ok(strstr(err, "out of order") != NULL, "message says out of order: %s", err);
	ok(!parses("{2019-04-01/ S;}"), "empty item rejected");
	ok(!parses("{missing_decom=2; 2019-04-01/ S}"), "counter not last rejected");
	ok(!parses("{missing_decom=0}"), "zero counter rejected");
	ok(!parses("{missing_decom=}"), "empty counter rejected");
	ok(!parses("{missing_decom=99999999999}"), "huge counter rejected");
	ok(!parses("{0000-01-01/ S}"), "year 0 rejected");
	ok(parses("{9999-12-31/ S}") && parses("{0001-01-01/0001-01-02 S}"), "years 1 and 9999 accepted");

	/* ---- binary validation */
	{
		cl_episode	e[2];

		memset(e, 0, sizeof e);
		e[0].decom = 100; e[0].dec = 200; e[0].rne = CL_RNE_S;
		e[1].decom = 50; e[1].dec = CL_DATE_OPEN;
		ok(!cl_history_validate(e, 2, 0, err, sizeof err), "binary: out of order rejected");
		e[1].decom = 300;
		ok(cl_history_validate(e, 2, 0, err, sizeof err), "binary: in order accepted");
		e[1].ls = 200;
		ok(!cl_history_validate(e, 2, 0, err, sizeof err), "binary: code index 200 rejected: %s", err);
		e[1].ls = 0;
		e[1].decom = 3000000;
		ok(!cl_history_validate(e, 2, 0, err, sizeof err), "binary: date out of range rejected");
		ok(!cl_history_validate(e, 0, -1, err, sizeof err), "binary: negative counter rejected");
	}

	/* ---- encoding */
	{
		uint32_t	store[64];
		cl_history	v;

		h = H("{2019-04-01/2019-06-03 S C2 U4 X1; 2019-06-03/ L C2 U4; missing_decom=1}");
		is_int(cl_history_payload_size(2), 12 + 32, "payload is 12 + 16 bytes per episode");
		cl_history_write(store, h.ep, h.n, h.missing_decom, h.flags);
		ok(cl_history_view(store, 44, &v, err, sizeof err), "view of a written payload");
		ok(v.n == 2 && v.missing_decom == 1 && v.flags == h.flags &&
		   memcmp(v.ep, h.ep, 32) == 0, "view reads back what was written");
		ok(!cl_history_view(store, 43, &v, err, sizeof err), "wrong size rejected");
		((uint8_t *) store)[0] = 9;
		ok(!cl_history_view(store, 44, &v, err, sizeof err), "unknown version rejected");
		ok(strstr(err, "version 9") != NULL, "message names the version: %s", err);
	}

	/* ---- defects */
	h = H("{2019-04-01/2019-06-03 S C2 U4 X1; 2019-06-03/2019-09-01 L C2 U4 E8}");
	is_int(h.flags, 0, "a clean X1 chain has no defects");

	h = H("{2019-04-01/2019-06-03 S C2 U4 X1; 2019-07-01/2019-09-01 S C2 U4 E8}");
	is_int(h.ep[0].flags, CL_DEFECT_X1_NO_CONTINUATION, "X1 then a gap: no continuation");
	is_int(h.ep[1].flags, 0, "the next episode is clean");

	h = H("{2019-06-03/2019-04-01 S C2 U4 E8}");
	is_int(h.ep[0].flags, CL_DEFECT_DEC_BEFORE_DECOM, "DEC before DECOM");

	h = H("{2019-04-01/2019-06-03 S C2 U4 E8; 2019-04-01/2019-06-03 S C2 U4 E8}");
	is_int(h.ep[1].flags, CL_DEFECT_DUPLICATE, "duplicate flagged on the second copy");
	is_int(h.ep[0].flags, CL_DEFECT_CONTINUED_AFTER_EXIT,
		   "first copy: E8 but the (duplicate) period goes on, the later row sets the end");

	h = H("{2019-04-01/2019-06-03 S C2 U4 X1; 2019-05-01/2019-09-01 P C2 U4 E8}");
	is_int(h.ep[1].flags, CL_DEFECT_OVERLAP, "overlap flagged on the later episode");
	is_int(h.ep[0].flags, 0, "X1 inside its chain is fine");

	h = H("{2019-04-01/ S C2 U4; 2019-05-01/2019-09-01 P C2 U4 E8}");
	ok((h.ep[0].flags & CL_DEFECT_OPEN_NOT_LAST) != 0, "open episode not last");
	ok((h.ep[1].flags & CL_DEFECT_OVERLAP) != 0, "and the next one overlaps it");

	h = H("{2019-04-01/2019-06-03 S C2 U4 E4A; 2019-06-03/2019-09-01 S C2 U4 E8}");
	is_int(h.ep[0].flags, CL_DEFECT_CONTINUED_AFTER_EXIT, "E4A followed the same day");

	h = H("{2019-04-01/2019-06-03 S C2 U4; 2019-06-03/ S C2 U4 E8}");
	is_int(h.ep[0].flags, CL_DEFECT_REASON_MISMATCH, "DEC without REC");
	is_int(h.ep[1].flags, CL_DEFECT_REASON_MISMATCH, "REC without DEC");

	h = H("{missing_decom=2}");
	is_int(h.flags, CL_DEFECT_MISSING_DECOM, "header flag for rows without DECOM");

	/* short breaks chain apart from care: X1 into a short break has no continuation */
	h = H("{2019-04-01/2019-06-03 S C2 U4 X1; 2019-06-03/2019-06-05 S V3 U4 E8}");
	is_int(h.ep[0].flags, CL_DEFECT_X1_NO_CONTINUATION, "a short break does not continue a care period");
	is_int(h.ep[1].flags, CL_EPISODE_SHORT_BREAK, "the short break is marked as one, with no defect");
	is_int(h.flags, CL_DEFECT_X1_NO_CONTINUATION, "the short-break mark is not a defect in the header");
	h = H("{2019-04-01/2019-06-03 S V4 U4 E8}");
	is_int(h.flags, 0, "a clean short break: no defects");

	/* order of input rows does not matter: build sorts */
	{
		cl_episode	e[3];

		memset(e, 0, sizeof e);
		e[0].decom = 300; e[0].dec = CL_DATE_OPEN; e[0].rne = CL_RNE_L;
		e[1].decom = 100; e[1].dec = 200; e[1].rne = CL_RNE_S; e[1].rec = CL_REC_X1;
		e[2].decom = 200; e[2].dec = 300; e[2].rne = CL_RNE_P; e[2].rec = CL_REC_X1;
		is_int(cl_history_build(e, 3, 0), 0, "shuffled clean chain: no defects");
		ok(e[0].decom == 100 && e[1].decom == 200 && e[2].decom == 300, "sorted by DECOM");
	}

	/* ---- days looked after (nights, half-open) */
	h = H("{2019-01-01/2019-01-02 S C2 U4 E8}");
	is_int(cl_history_days(&h, ymd(2000, 1, 1), ymd(2030, 1, 1)), 1, "1 Jan to 2 Jan is 1 day");
	ok(cl_history_looked_after_on(&h, ymd(2019, 1, 1)), "looked after on DECOM");
	ok(!cl_history_looked_after_on(&h, ymd(2019, 1, 2)), "not looked after on DEC");
	h = H("{2019-01-01/2019-01-11 S C2 U4 E8; 2019-01-05/2019-01-15 S C2 U4 E8}");
	is_int(cl_history_days(&h, ymd(2000, 1, 1), ymd(2030, 1, 1)), 14,
		   "overlapping 1-11 and 5-15 Jan: 14 days counted once");
	is_int(cl_history_days(&h, ymd(2019, 1, 3), ymd(2019, 1, 6)), 3, "clipped to [3, 6) Jan");
	is_int(cl_history_days(&h, ymd(2019, 1, 6), ymd(2019, 1, 6)), 0, "empty window");
	h = H("{2019-01-01/ S C2 U4}");
	is_int(cl_history_days(&h, ymd(2019, 1, 1), ymd(2019, 4, 1)), 90, "open episode runs to the window's end: Jan+Feb+Mar 2019 = 90");
	ok(cl_history_looked_after_on(&h, ymd(2040, 1, 1)), "open episode: looked after years on");
	h = H("{2019-01-01/2019-02-01 S V3 U4 E8}");
	is_int(cl_history_days(&h, ymd(2000, 1, 1), ymd(2030, 1, 1)), 0, "short breaks are not counted");
	ok(!cl_history_looked_after_on(&h, ymd(2019, 1, 10)), "nor looked after during a short break");
	h = H("{2019-03-01/2019-02-01 S C2 U4 E8}");
	is_int(cl_history_days(&h, ymd(2000, 1, 1), ymd(2030, 1, 1)), 0, "DEC before DECOM counts nothing");

	/* ---- periods of care */
	h = H("{2019-04-01/2019-06-03 S C2 U4 X1; 2019-06-03/2019-09-01 L C2 U4 X1;"
		  " 2019-09-01/2020-01-10 P C2 U4 E4A; 2020-03-01/ S C1 K2}");
	np = cl_history_periods(&h, p);
	is_int(np, 2, "two periods: an X1 chain and a re-entry");
	ok(p[0].start == ymd(2019, 4, 1) && p[0].end == ymd(2020, 1, 10) && p[0].episodes == 3,
	   "first period 2019-04-01 to 2020-01-10, 3 episodes");
	is_int(p[0].end_reason, CL_REC_E4A, "ends with the last episode's REC");
	ok(p[1].end == CL_DATE_OPEN && p[1].end_reason == 0 && !p[1].reason_unknown, "second is open");

	h = H("{2019-04-01/2019-06-03 S C2 U4 X1; 2019-07-01/2019-09-01 S C2 U4 E8}");
	np = cl_history_periods(&h, p);
	is_int(np, 2, "X1 then a gap: two periods");
	ok(p[0].end == ymd(2019, 6, 3) && p[0].reason_unknown && p[0].end_reason == 0,
	   "the first ends on its DEC with reason unknown");

	h = H("{2019-04-01/2019-06-03 S C2 U4 X1; 2019-06-03/2019-06-10 S V3 U4 E8; 2019-06-10/2019-09-01 S C2 U4 E8}");
	np = cl_history_periods(&h, p);
	is_int(np, 2, "a short break between care episodes splits the period (short breaks left out)");

	h = H("{2019-01-01/2019-03-01 S C2 U4 E8; 2019-02-01/2019-02-15 S C2 U4 E4A}");
	np = cl_history_periods(&h, p);
	ok(np == 1 && p[0].end == ymd(2019, 3, 1) && p[0].end_reason == CL_REC_E8,
	   "overlap: one period; the episode ending last gives the reason");

	h = H("{}");
	is_int(cl_history_periods(&h, p), 0, "no episodes, no periods");

	/* ---- placements and carer spells */
	/*
	 * S U1 (foster), L legal change (same placement, same carer),
	 * T temporary T1 (not a placement, ends the first), P back to U1 (new placement, new carer),
	 * U move to A3 with the same carer (new placement, same carer spell),
	 * then E11 adoption.
	 */
	h = H("{2019-01-01/2019-02-01 S C2 U1 X1; 2019-02-01/2019-03-01 L C1 U1 X1;"
		  " 2019-03-01/2019-03-10 T C1 T1 X1; 2019-03-10/2019-05-01 P C1 U1 X1;"
		  " 2019-05-01/2019-08-01 U C1 A3 E11}");
	np = cl_history_periods(&h, p);
	ns = cl_history_placements(&h, p, np, s);
	is_int(ns, 3, "placements: U1 (S+L), U1 after the temporary one, A3; T1 not counted");
	ok(s[0].start == ymd(2019, 1, 1) && s[0].end == ymd(2019, 3, 1) && s[0].episodes == 2,
	   "first placement 1 Jan to 1 Mar (ends where the temporary one starts), 2 episodes");
	ok(s[1].start == ymd(2019, 3, 10) && s[1].end == ymd(2019, 5, 1) && s[1].place == CL_PLACE_U1,
	   "second placement 10 Mar to 1 May in U1");
	ok(s[2].start == ymd(2019, 5, 1) && s[2].end == ymd(2019, 8, 1) && s[2].place == CL_PLACE_A3,
	   "third placement A3 to the period's end");
	ns = cl_history_carer_spells(&h, p, np, s);
	is_int(ns, 2, "carer spells: S (through L and T) and P (through U to A3)");
	ok(s[0].start == ymd(2019, 1, 1) && s[0].end == ymd(2019, 3, 10) && s[0].episodes == 3,
	   "first carer spell 1 Jan to 10 Mar, 3 episodes");
	ok(s[1].start == ymd(2019, 3, 10) && s[1].end == ymd(2019, 8, 1) && s[1].episodes == 2,
	   "second carer spell 10 Mar to 1 Aug, 2 episodes");

	h = H("{2019-01-01/2019-02-01 L C2 U1 X1; 2019-02-01/ L C2 U1}");
	np = cl_history_periods(&h, p);
	is_int(cl_history_placements(&h, p, np, s), 1, "a period starting with RNE L still has a placement");
	ok(s[0].end == CL_DATE_OPEN, "open placement");
	h = H("{2019-01-01/2019-02-01 S C2 T0 X1; 2019-02-01/ L C2 T0}");
	np = cl_history_periods(&h, p);
	is_int(cl_history_placements(&h, p, np, s), 0, "only a temporary placement: none counted");
	is_int(cl_history_carer_spells(&h, p, np, s), 1, "but one carer spell");

	/* ---- exact duplicates (the same row returned twice) count once (issue 11.5) */
	h = H("{2018-04-01/ S C2 U4; 2018-04-01/ S C2 U4; 2018-04-01/ S C2 U4}");
	np = cl_history_periods(&h, p);
	is_int(np, 1, "three copies of one episode: one period");
	ns = cl_history_placements(&h, p, np, s);
	ok(ns == 1 && s[0].episodes == 3 && s[0].end == CL_DATE_OPEN,
	   "three copies of one episode: one placement of 3 episodes");
	is_int(cl_history_carer_spells(&h, p, np, s), 1, "three copies of one episode: one carer spell");
	h = H("{2018-04-01/2018-06-01 S C2 U4 X1; 2018-04-01/2018-06-01 S C2 U4 X1;"
		  " 2018-06-01/ P C2 U1; 2018-06-01/ P C2 U1}");
	np = cl_history_periods(&h, p);
	ns = cl_history_placements(&h, p, np, s);
	ok(ns == 2 && s[0].end == ymd(2018, 6, 1) && s[1].start == ymd(2018, 6, 1),
	   "two placements each returned twice: two placements");
	h = H("{2018-04-01/ S C2 U1; 2018-04-01/ S C2 U4}");
	np = cl_history_periods(&h, p);
	is_int(cl_history_placements(&h, p, np, s), 2,
		   "same dates, different placement type: not an exact duplicate (two placements)");

	/* ---- rows without DECOM: the count saturates and reads back (issue 11.5) */
	is_int(cl_missing_decom_add(999999999, 999999999), 1999999998, "counts add");
	is_int(cl_missing_decom_add(2000000000, 2000000000), CL_HISTORY_MAX_MISSING_DECOM,
		   "the count saturates at its maximum");
	is_int(cl_missing_decom_add(CL_HISTORY_MAX_MISSING_DECOM, INT64_C(1) << 40), CL_HISTORY_MAX_MISSING_DECOM,
		   "adding to the maximum stays at it");
	is_str(fmt("{missing_decom=1999999998}"), "{missing_decom=1999999998}",
		   "a ten-digit count reads back (care_history_merge can produce it)");
	is_str(fmt("{missing_decom=2147483647}"), "{missing_decom=2147483647}", "the maximum count reads back");
	is_str(fmt("{missing_decom=0000000000002}"), "{missing_decom=2}", "leading zeros are read");
	ok(!parses("{missing_decom=2147483648}") && strstr(err, "at most 2147483647") != NULL,
	   "a count over the maximum is refused, naming the maximum");
	ok(!parses("{missing_decom=99999999999999999999999}"), "a very long count is refused");
	{
		/* every value the aggregates can build formats to text that parses back equal */
		static char out[256];
		cl_episode	e2[2];
		int32_t		n2,
					m2;

		h.ep = buf;
		h.n = 0;
		for (int32_t m = CL_HISTORY_MAX_MISSING_DECOM; m > 0; m /= 3)
		{
			h.missing_decom = m;
			cl_history_format(&h, out);
			ok(cl_history_parse(out, strlen(out), e2, 2, &n2, &m2, err, sizeof err) && n2 == 0 && m2 == m,
			   "missing_decom=%d: output reads back", (int) m);
		}
	}

	/* ---- evaluation dates after the last collection year are read as its 31 March */
	is_int(cl_eval_date_clamp(cl_history_max_date()), cl_history_max_date(), "9999-12-31 is kept");
	is_int(cl_eval_date_clamp(ymd(10000, 3, 31)), ymd(10000, 3, 31), "31 March 10000 is kept");
	is_int(cl_eval_date_clamp(ymd(10000, 4, 1)), ymd(10000, 3, 31), "1 April 10000 is read as 31 March 10000");
	is_int(cl_eval_date_clamp(INT32_MAX), ymd(10000, 3, 31), "the largest day number too");
	is_int(cl_year_end(CL_LAST_COLLECTION_YEAR), ymd(10000, 3, 31), "the last collection year ends 31 March 10000");

	return tap_done();
}
