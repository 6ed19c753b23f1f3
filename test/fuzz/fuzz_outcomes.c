/*
 * libFuzzer harness over the outcome metrics (returns.c, stability.c,
 * leavers.c, cfsr.c).  The first 8 bytes choose the dates (date of birth,
 * data end, collection year, follow-up); the rest is care_history text.  For
 * every history the parser accepts, every metric runs and its invariants are
 * checked: counts within bounds, dates in order, "decided by dates only".
 */
#include "history.h"
#include "periods.h"
#include "facts.h"
#include "returns.h"
#include "stability.h"
#include "leavers.h"
#include "cfsr.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		err[256];
	int32_t		max,
				n,
				missing;
	cl_episode *ep;
	cl_history	h;
	cl_date		base = cl_date_from_ymd(2020, 1, 1);
	cl_date		dob,
				data_end;
	int			year;
	cl_span		t;

	if (size < 8)
		return 0;
	dob = base - 365 * 25 + (int) (((unsigned) data[0] << 8 | data[1]) % 9000);
	data_end = base + (int) (((unsigned) data[2] << 8 | data[3]) % 3000) - 1500;
	year = 2012 + data[4] % 16;
	t.months = data[5] % 37;
	t.days = data[6] % 100;
	data += 8;
	size -= 8;

	max = cl_history_text_max_episodes((const char *) data, size);
	ep = malloc(sizeof(cl_episode) * (size_t) (max > 0 ? max : 1));
	if (cl_history_parse((const char *) data, size, ep, max, &n, &missing, err, sizeof err))
	{
		int32_t		room = n > 0 ? n : 1;
		cl_period  *p = malloc(sizeof(cl_period) * (size_t) room);
		cl_spell   *pl = malloc(sizeof(cl_spell) * (size_t) room);
		cl_spell   *cs = malloc(sizeof(cl_spell) * (size_t) room);
		cl_return_home *r = malloc(sizeof(cl_return_home) * (size_t) room);
		cl_exit    *x = malloc(sizeof(cl_exit) * (size_t) room);
		cl_facts	f;
		cl_stability s;
		cl_cfsr		c;
		cl_cohort_check cc;
		cl_date		b;
		int32_t		nr,
					nx;

		h.flags = cl_history_build(ep, n, missing);
		h.ep = ep;
		h.n = n;
		h.missing_decom = missing;
		cl_facts_init(&f, &h, p, pl, cs);

		nr = cl_returns_home(&f, data_end, t, data[0] & 1, r);
		CHECK(nr >= 0 && nr <= f.np);
		for (int32_t i = 0; i < nr; i++)
		{
			cl_reentry w = cl_reentered_within(&f, r[i].return_date, t, data_end);

			CHECK(r[i].return_date <= data_end);
			CHECK(r[i].reentry_date == CL_DATE_OPEN ||
				  (r[i].reentry_date > r[i].return_date && r[i].reentry_date <= data_end));
			/* incomplete exactly when the window passes data end */
			CHECK((w == CL_REENTRY_INCOMPLETE) ==
				  ((int64_t) cl_span_end(r[i].return_date, t) > (int64_t) data_end + 1));
			CHECK(!(r[i].censored && w != CL_REENTRY_INCOMPLETE));
		}
		nx = cl_exits(&f, dob, data_end, x);
		CHECK(nx >= 0 && nx <= f.np);
		for (int32_t i = 0; i < nx; i++)
			CHECK(x[i].duration >= 0 && x[i].cause >= 0 && x[i].cause < CL_EXIT_CAUSES &&
				  (x[i].cause == CL_EXIT_CENSORED) == (x[i].end == CL_DATE_OPEN));

		cl_stability_measures(&f, true, dob, year, &s);
		CHECK(!s.short_term || s.looked_after);
		CHECK(!s.two_year || s.two_year_cohort);
		CHECK(!s.long_term || s.long_term_cohort);
		CHECK(!s.two_year_cohort || s.placements_two_years >= s.placements_year);
		CHECK(cl_placement_moves(&f, cl_year_start(year), cl_year_end(year) + 1) <= f.npl);

		(void) cl_birthday_age_in_year(dob, year, &b);
		CHECK(b >= cl_year_start(year) && b <= cl_year_end(year));
		for (int age = CL_COHORT_MIN_AGE; age <= CL_COHORT_MAX_AGE; age++)
			if (cl_in_leaver_cohort(&h, dob, year, age, &cc))
				CHECK(cc.birthday == b && age < 25);

		cl_cfsr_indicators(&f, dob, year, data_end, &c);
		CHECK(c.entrant || (c.permanency_12m == CL_CFSR_NA && c.reentry_12m == CL_CFSR_NA &&
							c.moves == 0 && c.days == 0));
		CHECK(!c.reentry_cohort || c.entrant);
		CHECK(c.days >= 0 && c.days <= 366 && c.moves >= 0);

		free(p);
		free(pl);
		free(cs);
		free(r);
		free(x);
	}
	free(ep);
	return 0;
}
