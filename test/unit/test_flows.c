/*
 * Unit tests of flows.c: the stock-flow model counted on histories worked by
 * hand, its text form, merging, the random draws and the projection
 * (doc/sufficiency.md).
 */
#include "tap.h"
#include "history_text.h"
#include "codes.h"
#include "flows.h"
#include "periods.h"

#include <math.h>
#include <stdlib.h>

#define MAXEP 64
static cl_episode buf[MAXEP];
static cl_period pbuf[MAXEP];
static cl_flow_model m1,
			m2,
			m3;

static cl_date
D(const char *s)
{
	return cl_date_from_ymd(atoi(s), atoi(s + 5), atoi(s + 8));
}

static int64_t
total(const cl_flow_model *m)
{
	int64_t		t = 0;

	for (int b = 0; b < CL_FLOW_BANDS; b++)
		for (int g = 0; g < CL_FLOW_GROUPS; g++)
			for (int d = 0; d < CL_FLOW_DEST; d++)
				t += m->moves[b][g][d];
	return t;
}

int
main(void)
{
	char		err[256];
	cl_history	h;
	cl_date		dob = D("2010-05-15");

	/* ages in months follow the birthday rule */
	is_int(cl_age_months_on(dob, D("2010-05-14")), -1, "not born yet");
	is_int(cl_age_months_on(dob, D("2010-05-15")), 0, "0 months on the day of birth");
	is_int(cl_age_months_on(dob, D("2010-06-14")), 0, "0 months the day before the first month ends");
	is_int(cl_age_months_on(dob, D("2010-06-15")), 1, "1 month");
	is_int(cl_age_months_on(dob, D("2024-05-15")), 168, "14 years: 168 months");
	is_int(cl_age_months_on(D("2012-02-29"), D("2013-02-28")), 11, "29 February: not yet 1 on 28 February");
	is_int(cl_age_months_on(D("2012-02-29"), D("2013-03-01")), 12, "29 February: 1 on 1 March (metrics.md 1)");
	is_int(cl_flow_band_of_age(0), 0, "under 1");
	is_int(cl_flow_band_of_age(4), 1, "1 to 4");
	is_int(cl_flow_band_of_age(15), 3, "10 to 15");
	is_int(cl_flow_band_of_age(17), 4, "16 and over");
	is_int(cl_flow_band_of_age(18), -1, "18 is out of care");

	/* placement groups */
	is_int(cl_place_flow_group(cl_code_parse(CL_LIST_PLACEMENT_TYPE, "U1", 2)), 0, "U1 kinship foster");
	is_int(cl_place_flow_group(cl_code_parse(CL_LIST_PLACEMENT_TYPE, "U4", 2)), 1, "U4 other foster");
	is_int(cl_place_flow_group(cl_code_parse(CL_LIST_PLACEMENT_TYPE, "K2", 2)), 2, "K2 children's home");
	is_int(cl_place_flow_group(cl_code_parse(CL_LIST_PLACEMENT_TYPE, "R1", 2)), 2, "R1 residential care home");
	is_int(cl_place_flow_group(cl_code_parse(CL_LIST_PLACEMENT_TYPE, "H5", 2)), 3, "H5 supported accommodation");
	is_int(cl_place_flow_group(cl_code_parse(CL_LIST_PLACEMENT_TYPE, "P1", 2)), 4, "P1 other");

	/*
	 * In care 2020-11-10 with relatives (U1), moved to other foster care
	 * (U4) on 2021-01-20, returned home (E4A) on 2021-02-10.  Window: 4
	 * months to 2021-02-28 (month ends 31 Oct, 30 Nov, 31 Dec, 31 Jan, 28 Feb).
	 */
	h = history_from_text("{2020-11-10/2021-01-20 S C2 U1 X1; 2021-01-20/2021-02-10 P C2 U4 E4A}", buf, MAXEP);
	is_int(cl_flow_group_on(&h, D("2020-11-30")), 0, "with relatives on 30 November");
	is_int(cl_flow_group_on(&h, D("2021-01-20")), 1, "other foster care from the day of the move");
	is_int(cl_flow_group_on(&h, D("2021-02-10")), -1, "not looked after on the day care ended");
	ok(cl_flow_init(&m1, D("2021-02-28"), 4, err, sizeof err), "init");
	ok(cl_flow_add_child(&m1, &h, dob, pbuf, err, sizeof err), "add a child");
	is_int(m1.entries[10][0], 1, "one entry at 10 years into kinship foster care (Oct -> Nov)");
	is_int(m1.monthly_entries[0], 1, "in the first month of the window");
	is_int(m1.moves[3][0][0], 1, "Nov -> Dec: stayed with relatives");
	is_int(m1.moves[3][0][1], 1, "Dec -> Jan: moved to other foster care");
	is_int(m1.moves[3][1][CL_FLOW_GROUPS + 0], 1, "Jan -> Feb: returned home");
	is_int(total(&m1), 3, "three looked-after months in all");
	is_int(m1.stock[129][1] + m1.stock[129][0], 0, "not in the stock on 28 February");

	/* a child turning 18 in the window: months ending on or after the birthday are not counted */
	h = history_from_text("{2019-01-01/ S C2 U4}", buf, MAXEP);
	ok(cl_flow_init(&m2, D("2021-02-28"), 4, err, sizeof err), "init");
	ok(cl_flow_add_child(&m2, &h, D("2003-01-15"), pbuf, err, sizeof err), "add a child turning 18");
	is_int(total(&m2), 2, "Oct -> Nov and Nov -> Dec counted; the month of the 18th birthday is not");
	is_int(m2.moves[4][1][1], 2, "both stayed in other foster care at 16 and over");
	h = history_from_text("{2019-01-01/ S C2 U4}", buf, MAXEP);
	ok(cl_flow_add_child(&m2, &h, D("2010-03-10"), pbuf, err, sizeof err), "add a younger child");
	is_int(m2.stock[131][1], 1, "in the stock at 131 months on 28 February");

	/* text round trip and merge */
	{
		char	   *t = malloc(cl_flow_text_size(&m1));
		size_t		n = cl_flow_format(&m1, t);

		ok(cl_flow_parse(t, n, &m3, err, sizeof err), "text reads back: %s", t);
		ok(memcmp(&m1, &m3, sizeof m1) == 0, "to the same model");
		free(t);
	}
	ok(cl_flow_merge(&m1, &m2, err, sizeof err), "merge of the same window");
	is_int(total(&m1), 9, "merged counts add (3 + 2 + 4)");
	ok(cl_flow_init(&m3, D("2021-03-31"), 4, err, sizeof err), "init another window");
	ok(!cl_flow_merge(&m1, &m3, err, sizeof err), "different windows do not merge: %s", err);
	ok(!cl_flow_parse("{start 2021-02-28; months 4; moves 0 0 0 2, 0 0 0 1; entries; stock; monthly}", strlen("{start 2021-02-28; months 4; moves 0 0 0 2, 0 0 0 1; entries; stock; monthly}"),
					  &m3, err, sizeof err), "repeated key refused: %s", err);
	ok(!cl_flow_parse("{start 2021-02-28; months 4; moves; entries; stock; monthly 4 1}", strlen("{start 2021-02-28; months 4; moves; entries; stock; monthly 4 1}"),
					  &m3, err, sizeof err), "monthly entry outside the window refused: %s", err);
	ok(!cl_flow_parse("{start 2021-02-30; months 4; moves; entries; stock; monthly}", strlen("{start 2021-02-30; months 4; moves; entries; stock; monthly}"),
					  &m3, err, sizeof err), "impossible date refused: %s", err);
	ok(cl_flow_parse(" { start 2021-02-28 ; months 4 ; moves ; entries ; stock ; monthly } ", strlen(" { start 2021-02-28 ; months 4 ; moves ; entries ; stock ; monthly } "),
					 &m3, err, sizeof err), "white space allowed: %s", err);

	/* random draws: means near their expectation */
	{
		cl_flow_rng r;
		double		s1 = 0,
					s2 = 0,
					s3 = 0,
					s4 = 0;
		int			n = 20000;

		cl_flow_rng_seed(&r, 42, 0);
		for (int i = 0; i < n; i++)
		{
			s1 += (double) cl_flow_binomial(&r, 20, 0.3);
			s2 += (double) cl_flow_binomial(&r, 1000, 0.004);
			s3 += (double) cl_flow_poisson(&r, 3.5);
			s4 += cl_flow_gamma(&r, 2.5);
		}
		ok(fabs(s1 / n - 6.0) < 0.1, "binomial(20, 0.3) mean %.3f", s1 / n);
		ok(fabs(s2 / n - 4.0) < 0.1, "binomial(1000, 0.004) mean %.3f (geometric waiting)", s2 / n);
		ok(fabs(s3 / n - 3.5) < 0.1, "poisson(3.5) mean %.3f", s3 / n);
		ok(fabs(s4 / n - 2.5) < 0.1, "gamma(2.5) mean %.3f", s4 / n);
	}

	/* projection: no moves and no entries keeps the stock, which ages out at 18 */
	{
		double		out[13 * CL_FLOW_CELLS];
		void	   *work = malloc(cl_flow_work_size());
		cl_flow_rng r;
		int			all = CL_FLOW_BANDS * (CL_FLOW_GROUPS + 1) + CL_FLOW_GROUPS;

		ok(cl_flow_init(&m3, D("2021-03-31"), 12, err, sizeof err), "init");
		m3.stock[210][1] = 5;	/* 17 years 6 months: 18 in six months */
		m3.stock[100][0] = 3;
		m3.moves[4][1][1] = 100;	/* they stay */
		m3.moves[2][0][0] = 100;
		cl_flow_rng_seed(&r, 1, 0);
		cl_flow_simulate(&m3, 13, NULL, 0, &r, work, out);
		is_int((int) out[0 * CL_FLOW_CELLS + all], 8, "month 1: all eight");
		is_int((int) out[5 * CL_FLOW_CELLS + all], 3, "month 6: five aged out at 18");
		is_int((int) out[5 * CL_FLOW_CELLS + 2 * (CL_FLOW_GROUPS + 1) + 0], 3, "three aged 8 with relatives");

		/* an exit scenario factor of 0 keeps children whose rates say they leave */
		m3.moves[2][0][0] = 1;
		m3.moves[2][0][CL_FLOW_GROUPS] = 99;
		{
			cl_flow_adjust a = {CL_FLOW_ADJUST_EXITS, -1, 0, 0.0};

			cl_flow_simulate(&m3, 13, &a, 1, &r, work, out);
			is_int((int) out[12 * CL_FLOW_CELLS + 2 * (CL_FLOW_GROUPS + 1) + 0], 3, "no exits: three stay");
			cl_flow_simulate(&m3, 13, NULL, 0, &r, work, out);
			ok(out[12 * CL_FLOW_CELLS + 2 * (CL_FLOW_GROUPS + 1) + 0] < 3, "with exits they leave");
		}
		free(work);
	}
	{
		double		x[5] = {5, 1, 4, 2, 3};

		ok(fabs(cl_flow_quantile(x, 5, 0.5) - 3.0) < 1e-12, "median");
		ok(fabs(cl_flow_quantile(x, 5, 0.25) - 2.0) < 1e-12, "quartile");
	}
	return tap_done();
}
