/*
 * stability.c: placement stability (metrics.md 7).  See stability.h.
 */
#include "stability.h"

int32_t
cl_placements_in_window(const cl_facts *f, cl_date from, cl_date to)
{
	int32_t		n = 0;

	for (int32_t i = 0; i < f->npl; i++)
	{
		const cl_spell *s = &f->placements[i];

		if (s->start >= to)
			break;
		if (s->end > from || s->start >= from)
			n++;
	}
	return n;
}

int32_t
cl_placement_moves(const cl_facts *f, cl_date from, cl_date to)
{
	int32_t		n = 0;

	for (int32_t i = 0; i < f->npl; i++)
	{
		const cl_spell *s = &f->placements[i];

		if (s->start >= to)
			break;
		if (s->start >= from && i > 0 && f->placements[i - 1].period == s->period)
			n++;
	}
	return n;
}

void
cl_stability_measures(const cl_facts *f, bool has_dob, cl_date dob, int year,
					  cl_stability *out)
{
	cl_date		end = cl_year_end(year);
	cl_date		next_start = end + 1;	/* 1 April of the next year */
	int32_t		k;

	out->year_end = end;
	out->age = has_dob ? cl_age_on(dob, end) : -1;
	out->placements_year = 0;
	out->short_term = false;
	out->period_start = 0;
	out->two_year_cohort = false;
	out->placements_two_years = 0;
	out->two_year = false;
	out->long_term_cohort = false;
	out->carer_since = 0;
	out->long_term = false;

	k = cl_facts_period_on(f, end);
	out->looked_after = k >= 0;
	if (!out->looked_after)
		return;
	out->period_start = f->periods[k].start;

	/* short-term: three or more placements in the year */
	out->placements_year = cl_placements_in_window(f, cl_year_start(year), next_start);
	out->short_term = out->placements_year >= 3;

	/* two-year: looked after 2 years or more, three or more placements in them */
	out->two_year_cohort = out->period_start <= cl_add_months(end, -24);
	if (out->two_year_cohort)
	{
		out->placements_two_years = cl_placements_in_window(f, cl_year_start(year - 1), next_start);
		out->two_year = out->placements_two_years >= 3;
	}

	/* long-term: under 16, looked after 2.5 years, same carer 2 years */
	{
		int32_t		c = cl_spell_on(f->carers, f->nc, end);

		/* looked after on 31 March: some carer spell holds the day */
		out->carer_since = c >= 0 ? f->carers[c].start : out->period_start;
	}
	if (has_dob && out->age < 16 && out->period_start <= cl_add_months(end, -30))
	{
		out->long_term_cohort = true;
		out->long_term = out->carer_since <= cl_add_months(end, -24);
	}
}
