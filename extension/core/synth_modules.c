/*
 * synth_modules.c: AD1, placed-for-adoption and OC2 records implied by a
 * synthetic child's episodes (see synth_modules.h; doc/synthetic.md).
 */
#include "synth_modules.h"

#include "codes.h"
#include "dates.h"

#include <string.h>

/* Streams of these records start past any child's own stream (children < 2^31). */
#define MODULE_STREAM_OFFSET (INT64_C(1) << 40)

static int
uniform(cl_synth_rng *r, int n)
{
	return n <= 0 ? 0 : (int) (cl_synth_rng_unit(r) * n);
}

static bool
placed_for_adoption(int place)
{
	const char *g = cl_code_group(CL_LIST_PLACEMENT_TYPE, place);

	return g != NULL && strcmp(g, "Placed for adoption") == 0;
}

/* Index of the first episode of the period of care holding episode i (chained DEC = next DECOM). */
static int
period_start(const cl_synth_child *c, int i)
{
	while (i > 0 && !cl_ls_is_short_break(c->episodes[i - 1].ls)
		   && c->episodes[i - 1].dec == c->episodes[i].decom)
		i--;
	return i;
}

bool
cl_synth_adoption_of(const cl_synth_params *p, const cl_synth_child *c, cl_synth_adoption *a)
{
	cl_synth_rng r;
	int			last = -1;
	int			first;
	cl_date		order = CL_DATE_OPEN;
	int			span;

	for (int i = 0; i < c->n_episodes; i++)
		if (c->episodes[i].rec != 0 && cl_rec_is_adoption(c->episodes[i].rec))
			last = i;
	if (last < 0 || c->episodes[last].dec == CL_DATE_OPEN)
		return false;
	a->adopted_on = c->episodes[last].dec;
	a->year = cl_synth_collection_year(a->adopted_on);
	if (a->year < p->first_year || a->year > p->last_year)
		return false;
	a->rec = c->episodes[last].rec;
	first = period_start(c, last);
	a->entered = c->episodes[first].decom;
	a->placed = CL_DATE_OPEN;
	for (int i = first; i <= last; i++)
	{
		if (a->placed == CL_DATE_OPEN && placed_for_adoption(c->episodes[i].place))
			a->placed = c->episodes[i].decom;
		if (order == CL_DATE_OPEN && c->episodes[i].ls == CL_LS_E1)
			order = c->episodes[i].decom;
	}
	if (a->placed == CL_DATE_OPEN)
		a->placed = a->adopted_on - 70 > a->entered ? a->adopted_on - 70 : a->entered;

	cl_synth_rng_seed(&r, p->seed, MODULE_STREAM_OFFSET + c->number);
	/* matched a few weeks before the placement */
	a->matched = a->placed - 7 - uniform(&r, 50);
	if (a->matched < a->entered)
		a->matched = a->entered;
	/* the decision comes before the placement order, about ten months before the match on average (DfE: 00:10 in 2025) */
	span = a->matched - a->entered;
	a->decided = (order != CL_DATE_OPEN && order < a->matched ? order : a->matched) - 60 - uniform(&r, 460);
	if (a->decided < a->entered + span / 4)
		a->decided = a->entered + span / 4;
	if (a->decided > a->matched)
		a->decided = a->matched;
	a->foster_carer = cl_synth_rng_unit(&r) < 0.12;
	return true;
}

/* A score with DfE's national shape: mean near 15, about two in five 17 or more. */
static int
sdq_score(cl_synth_rng *r)
{
	double		z = cl_synth_rng_unit(r) + cl_synth_rng_unit(r) + cl_synth_rng_unit(r) - 1.5;	/* sd 0.5 */
	int			s = (int) (14.8 + 13.0 * z + 0.5);

	return s < 0 ? 0 : s > 40 ? 40 : s;
}

int
cl_synth_oc2_of(const cl_synth_params *p, const cl_synth_child *c, cl_synth_oc2 *out)
{
	static const char *const refused[] = {"SDQ2", "SDQ4", "SDQ5"};
	cl_synth_rng r;
	int			n = 0;

	cl_synth_rng_seed(&r, p->seed, MODULE_STREAM_OFFSET + MODULE_STREAM_OFFSET + c->number);
	for (int year = p->first_year; year <= p->last_year && n < CL_SYNTH_MAX_OC2; year++)
	{
		cl_date		start = cl_year_start(year),
					end = cl_year_end(year);
		int			at_end = -1;
		int			age;

		for (int i = 0; i < c->n_episodes; i++)
		{
			const cl_synth_episode *e = &c->episodes[i];

			if (!cl_ls_is_short_break(e->ls) && e->decom <= end && (e->dec == CL_DATE_OPEN || e->dec > end))
				at_end = i;
		}
		if (at_end < 0 || c->episodes[period_start(c, at_end)].decom > start)
			continue;
		age = cl_age_on(c->dob, end);
		out[n].year = year;
		out[n].sdq_score = -1;
		out[n].sdq_reason = NULL;
		if (age < 4 || age > 16)
			out[n].sdq_reason = "SDQ1";
		else if (cl_synth_rng_unit(&r) < 0.8)
			out[n].sdq_score = sdq_score(&r);
		else
			out[n].sdq_reason = refused[uniform(&r, 3)];
		n++;
	}
	return n;
}
