/*
 * returns.c: returning home, re-entry and exits from care (metrics.md 6).
 * See returns.h for the conventions on data_end and follow-up windows.
 */
#include "returns.h"

cl_date
cl_span_end(cl_date from, cl_span t)
{
	return cl_add_months(from, t.months) + t.days;
}

cl_date
cl_next_entry_after(const cl_facts *f, cl_date d, cl_date data_end)
{
	for (int32_t k = 0; k < f->np; k++)
	{
		cl_date		s = f->periods[k].start;

		if (s > data_end)
			break;
		if (s > d)
			return s;
	}
	return CL_DATE_OPEN;
}

cl_reentry
cl_reentered_within(const cl_facts *f, cl_date exit_date, cl_span t, cl_date data_end)
{
	cl_date		window_end = cl_span_end(exit_date, t);
	cl_date		next;

	if ((int64_t) window_end > (int64_t) data_end + 1)
		return CL_REENTRY_INCOMPLETE;
	next = cl_next_entry_after(f, exit_date, data_end);
	return next < window_end ? CL_REENTRY_YES : CL_REENTRY_NO;
}

int32_t
cl_returns_home(const cl_facts *f, cl_date data_end, cl_span t, bool family,
				cl_return_home *out)
{
	int32_t		n = 0;

	for (int32_t k = 0; k < f->np; k++)
	{
		const cl_period *p = &f->periods[k];
		cl_return_home *r;
		cl_date		window_end;

		if (p->end == CL_DATE_OPEN || p->end > data_end)
			continue;			/* open, or ends after the data */
		if (!(family ? cl_rec_is_family_exit(p->end_reason)
			  : cl_rec_is_returned_home(p->end_reason)))
			continue;
		r = &out[n++];
		r->period = k;
		r->period_start = p->start;
		r->return_date = p->end;
		r->reason = p->end_reason;
		r->reentry_date = cl_next_entry_after(f, p->end, data_end);
		window_end = cl_span_end(p->end, t);
		r->censored = !(r->reentry_date < window_end) &&
			(int64_t) window_end > (int64_t) data_end + 1;
	}
	return n;
}

const char *
cl_exit_cause_name(int cause)
{
	switch (cause)
	{
		case CL_EXIT_CENSORED: return "censored";
		case CL_EXIT_RETURNED_HOME: return "returned home";
		case CL_EXIT_ADOPTED: return "adopted";
		case CL_EXIT_SGO: return "special guardianship";
		case CL_EXIT_CAO: return "child arrangements order";
		case CL_EXIT_TURNED_18: return "turned 18";
		case CL_EXIT_OTHER: return "other";
	}
	return NULL;
}

cl_exit_cause
cl_exit_cause_of(uint8_t rec, cl_date end, cl_date b18)
{
	if (cl_rec_is_returned_home(rec))
		return CL_EXIT_RETURNED_HOME;
	if (cl_rec_is_adoption(rec))
		return CL_EXIT_ADOPTED;
	if (cl_rec_is_sgo(rec))
		return CL_EXIT_SGO;
	if (rec == CL_REC_E41)
		return CL_EXIT_CAO;
	if (end >= b18)
		return CL_EXIT_TURNED_18;
	return CL_EXIT_OTHER;
}

int32_t
cl_exits(const cl_facts *f, cl_date dob, cl_date data_end, cl_exit *out)
{
	int32_t		n = 0;
	cl_date		b18 = cl_birthday(dob, 18);

	for (int32_t k = 0; k < f->np; k++)
	{
		const cl_period *p = &f->periods[k];
		cl_exit    *x;

		if (p->start > data_end)
			break;
		x = &out[n++];
		x->period = k;
		x->start = p->start;
		if (p->end == CL_DATE_OPEN || p->end > data_end)
		{
			x->end = CL_DATE_OPEN;
			x->duration = data_end + 1 - p->start;
			x->reason = 0;
			x->cause = CL_EXIT_CENSORED;
		}
		else
		{
			x->end = p->end;
			x->duration = p->end - p->start;
			x->reason = p->end_reason;
			x->cause = cl_exit_cause_of(p->end_reason, p->end, b18);
		}
	}
	return n;
}
