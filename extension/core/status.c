/*
 * status.c: care-leaver status (metrics.md 4).  Each rule below is numbered as
 * in metrics.md and evaluated in its order.
 */
#include "status.h"

#include <string.h>

#include "periods.h"

const char *
cl_leaver_status_name(cl_leaver_status s)
{
	switch (s)
	{
		case CL_LEAVER_ELIGIBLE: return "eligible";
		case CL_LEAVER_RELEVANT: return "relevant";
		case CL_LEAVER_FORMER_RELEVANT: return "former_relevant";
		case CL_LEAVER_QUALIFYING: return "qualifying";
		case CL_LEAVER_NONE: break;
	}
	return NULL;
}

int64_t
cl_days_since_birthday(const cl_history *h, cl_date dob, int years, cl_date t)
{
	return cl_history_days(h, cl_birthday(dob, years), t);
}

static bool
eligible_from(int64_t days14, int64_t days16)
{
	/* 13 weeks since 14, some of it after 16 */
	return days14 >= 91 && days16 >= 1;
}

bool
cl_eligible_by(const cl_history *h, cl_date dob, cl_date t)
{
	return eligible_from(cl_history_days(h, cl_birthday(dob, 14), t),
						 cl_history_days(h, cl_birthday(dob, 16), t));
}

bool
cl_last_exit_by(const cl_history *h, cl_date d, cl_date *end, uint8_t *reason,
				bool *reason_unknown)
{
	bool		found = false;
	bool		have = false;
	cl_date		chain_end = 0;
	int32_t		end_idx = 0;

	/* the period walk of cl_history_periods, without an output array */
	for (int32_t i = 0; i < h->n; i++)
	{
		const cl_episode *e = &h->ep[i];

		if (!cl_episode_is_care(e))
			continue;
		if (have && e->decom <= chain_end)
		{
			if (e->dec >= chain_end)
			{
				chain_end = e->dec;
				end_idx = i;
			}
			continue;
		}
		if (have && chain_end <= d)		/* CL_DATE_OPEN is never <= d */
		{
			found = true;
			*end = chain_end;
			*reason = h->ep[end_idx].rec;
		}
		have = false;
		if (e->decom > d)
			break;				/* this and later periods end after d */
		have = true;
		chain_end = e->dec;
		end_idx = i;
	}
	if (have && chain_end <= d)
	{
		found = true;
		*end = chain_end;
		*reason = h->ep[end_idx].rec;
	}
	if (found)
	{
		*reason_unknown = (*reason == 0 || *reason == CL_REC_X1);
		if (*reason_unknown)
			*reason = 0;
	}
	return found;
}

cl_leaver_status
cl_leaver_status_at(const cl_history *h, cl_date dob, cl_date at, cl_status_explain *ex)
{
	cl_status_explain local;
	cl_status_explain *x = ex ? ex : &local;
	cl_date		limit;

	memset(x, 0, sizeof *x);
	x->age = cl_age_on(dob, at);
	{
		static const int ages[5] = {14, 16, 18, 21, 25};
		cl_date		b[5];

		cl_birthdays(dob, ages, 5, b);
		x->b14 = b[0];
		x->b16 = b[1];
		x->b18 = b[2];
		x->b21 = b[3];
		x->b25 = b[4];
	}

#define DECIDE(r, s) do { x->rule = (r); x->status = (s); return (s); } while (0)
#define TEST_ELIGIBLE(t) do { \
		x->eligibility_tested = true; \
		x->eligible_at = (t); \
		x->days14 = cl_history_days(h, x->b14, (t)); \
		x->days16 = cl_history_days(h, x->b16, (t)); \
		x->eligible = eligible_from(x->days14, x->days16); \
	} while (0)

	/* 1. under 16, or 25 and over */
	if (x->age < 16 || x->age >= 25)
		DECIDE(1, CL_LEAVER_NONE);

	/* 2. looked after on D */
	x->looked_after = cl_history_looked_after_on(h, at);
	if (x->looked_after)
	{
		if (x->age < 18)
		{
			TEST_ELIGIBLE(at + 1);
			DECIDE(2, x->eligible ? CL_LEAVER_ELIGIBLE : CL_LEAVER_NONE);
		}
		TEST_ELIGIBLE(x->b18);
		DECIDE(2, x->eligible ? CL_LEAVER_FORMER_RELEVANT : CL_LEAVER_NONE);
	}

	/* 3. no period of care ended on or before D */
	x->has_left = cl_last_exit_by(h, at, &x->left_on, &x->left_reason, &x->left_reason_unknown);
	if (!x->has_left)
		DECIDE(3, CL_LEAVER_NONE);

	TEST_ELIGIBLE(x->left_on);

	/* 4. adopted, died, care transferred */
	if (cl_rec_is_adoption(x->left_reason) || x->left_reason == CL_REC_E2 ||
		x->left_reason == CL_REC_E3)
		DECIDE(4, CL_LEAVER_NONE);

	/* 5. special guardianship: qualifying under 21, never relevant (choice) */
	if (cl_rec_is_sgo(x->left_reason))
		DECIDE(5, x->age < 21 ? CL_LEAVER_QUALIFYING : CL_LEAVER_NONE);

	/* 6. home (or child arrangements order) for six months before 18 */
	if (cl_rec_is_home_or_cao(x->left_reason))
	{
		x->home_six_months_tested = true;
		x->home_six_months = cl_add_months(x->left_on, 6);
		limit = at < x->b18 ? at : x->b18;
		if (x->home_six_months <= limit)
			DECIDE(6, x->age < 21 && x->days16 >= 1 ? CL_LEAVER_QUALIFYING : CL_LEAVER_NONE);
	}

	/* 7. eligible when care ended */
	if (x->eligible)
		DECIDE(7, x->age < 18 ? CL_LEAVER_RELEVANT : CL_LEAVER_FORMER_RELEVANT);

	/* 8. looked after after 16, not eligible */
	if (x->days16 >= 1)
		DECIDE(8, x->age < 21 ? CL_LEAVER_QUALIFYING : CL_LEAVER_NONE);

	/* 9. otherwise */
	DECIDE(9, CL_LEAVER_NONE);
#undef DECIDE
#undef TEST_ELIGIBLE
}
