/*
 * cfsr.c: US-comparable indicators (metrics.md 10).  See cfsr.h.
 */
#include "cfsr.h"

#include "returns.h"

bool
cl_cfsr_is_permanency(uint8_t rec)
{
	return cl_rec_is_family_exit(rec) || cl_rec_is_adoption(rec) || cl_rec_is_sgo(rec);
}

bool
cl_cfsr_is_reunification_exit(uint8_t rec)
{
	return cl_cfsr_is_permanency(rec) && !cl_rec_is_adoption(rec);
}

bool
cl_cfsr_period_excluded(const cl_period *p, cl_date data_end)
{
	return p->end != CL_DATE_OPEN && p->end <= data_end && (int64_t) p->end - p->start < 8;
}

/* Kept periods seen by data_end, as periods.h's order. */
static bool
kept(const cl_period *p, cl_date data_end)
{
	return p->start <= data_end && !cl_cfsr_period_excluded(p, data_end);
}

static cl_date
min_date(cl_date a, cl_date b)
{
	return a < b ? a : b;
}

void
cl_cfsr_indicators(const cl_facts *f, cl_date dob, int year, cl_date data_end, cl_cfsr *out)
{
	cl_date		ws = cl_year_start(year);
	cl_date		we = cl_year_end(year) + 1;		/* exclusive */
	cl_date		b18 = cl_birthday(dob, 18);
	int64_t		horizon = (int64_t) data_end + 1;
	const cl_period *p = NULL;
	int32_t		k;

	out->entrant = false;
	out->period = -1;
	out->entry = 0;
	out->exit = CL_DATE_OPEN;
	out->exit_reason = 0;
	out->permanency_follow_up_complete = false;
	out->permanency_12m = CL_CFSR_NA;
	out->reentry_cohort = false;
	out->reentry_follow_up_complete = false;
	out->reentry_12m = CL_CFSR_NA;
	out->reentry_date = CL_DATE_OPEN;
	out->moves = 0;
	out->days = 0;

	/* the first kept period overlapping the window */
	for (k = 0; k < f->np; k++)
	{
		const cl_period *c = &f->periods[k];

		if (c->start >= we)
			break;
		if (!kept(c, data_end))
			continue;
		if (c->end > ws || c->start >= ws)
		{
			p = c;
			break;
		}
	}
	if (p == NULL || p->start < ws || p->start >= b18)
		return;					/* no entry, in care at the start, or entered at 18+ */

	out->entrant = true;
	out->period = k;
	out->entry = p->start;
	if (p->end != CL_DATE_OPEN && p->end <= data_end)
	{
		out->exit = p->end;
		out->exit_reason = p->end_reason;
	}

	/* permanency in 12 months */
	{
		cl_date		in12 = cl_add_months(out->entry, 12);
		cl_date		until = min_date(in12, b18);

		out->permanency_follow_up_complete = until <= horizon;
		if (out->permanency_follow_up_complete)
			out->permanency_12m = out->exit < in12 && out->exit < b18 &&
				cl_cfsr_is_permanency(out->exit_reason);

		/* re-entry within 12 months of a reunification exit */
		if (out->exit < in12 && out->exit < b18 && cl_cfsr_is_reunification_exit(out->exit_reason))
		{
			cl_date		back = cl_add_months(out->exit, 12);

			out->reentry_cohort = true;
			for (int32_t j = k + 1; j < f->np; j++)
				if (kept(&f->periods[j], data_end))
				{
					out->reentry_date = f->periods[j].start;
					break;
				}
			out->reentry_follow_up_complete = back <= horizon;
			if (out->reentry_follow_up_complete)
				out->reentry_12m = out->reentry_date < back;
		}
	}

	/* moves per 1,000 days: kept periods from entry to the limit */
	{
		cl_date		limit = min_date(min_date(we, b18), (cl_date) (horizon > CL_DATE_OPEN ? CL_DATE_OPEN : horizon));

		for (int32_t j = k; j < f->np; j++)
		{
			const cl_period *c = &f->periods[j];
			cl_date		s,
						e;

			if (c->start >= limit)
				break;
			if (!kept(c, data_end))
				continue;
			s = c->start;		/* >= entry */
			e = min_date(c->end, limit);
			if (e > s)
				out->days += e - s;
		}
		for (int32_t i = 0; i < f->npl; i++)
		{
			const cl_spell *s = &f->placements[i];

			if (s->start >= limit)
				break;
			if (s->start < out->entry || s->period < k ||
				!kept(&f->periods[s->period], data_end))
				continue;
			if (i > 0 && f->placements[i - 1].period == s->period)
				out->moves++;
		}
	}
}
