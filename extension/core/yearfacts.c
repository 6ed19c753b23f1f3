/*
 * yearfacts.c: one child's facts in one collection year.  See yearfacts.h.
 */
#include "yearfacts.h"
#include "leavers.h"
#include "codes.h"

int32_t
cl_care_episode_on(const cl_history *h, cl_date d)
{
	int32_t		found = -1;

	for (int32_t i = 0; i < h->n; i++)
	{
		const cl_episode *e = &h->ep[i];

		if (e->decom > d)
			break;
		if (cl_episode_is_care(e) && e->dec > d)
			found = i;
	}
	return found;
}

bool
cl_year_facts_of(const cl_facts *f, bool has_dob, cl_date dob, int year,
				 cl_date data_end, const cl_return_home *rh, int32_t nrh,
				 cl_year_facts *out)
{
	cl_date		start = cl_year_start(year);
	cl_date		end = cl_year_end(year);
	cl_span		twelve = {CL_REENTRY_MONTHS, 0};
	int32_t		e;

	out->year = year;
	if (f->np == 0 || f->periods[0].start > end)
	{
		/*
		 * Before the first period of care nothing has happened: no day looked
		 * after, no status (metrics.md 4 needs time looked after), no return.
		 */
		return false;
	}
	out->looked_after = cl_history_looked_after_on(f->h, end);
	e = out->looked_after ? cl_care_episode_on(f->h, end) : -1;
	out->ls = e >= 0 ? f->h->ep[e].ls : 0;
	out->place = e >= 0 ? f->h->ep[e].place : 0;
	out->age = has_dob ? cl_age_on(dob, end) : -1;
	out->days = cl_history_days(f->h, start, end + 1);

	out->started = out->ceased = 0;
	out->ceased_home = out->ceased_adopted = out->ceased_sgo = 0;
	for (int32_t k = 0; k < f->np; k++)
	{
		const cl_period *p = &f->periods[k];

		if (p->start > end)
			break;
		if (p->start >= start)
			out->started++;
		if (p->end != CL_DATE_OPEN && p->end >= start && p->end <= end)
		{
			out->ceased++;
			out->ceased_home += cl_rec_is_returned_home(p->end_reason);
			out->ceased_adopted += cl_rec_is_adoption(p->end_reason);
			out->ceased_sgo += cl_rec_is_sgo(p->end_reason);
		}
	}

	cl_stability_measures(f, has_dob, dob, year, &out->stab);
	out->cohort_age = has_dob ? cl_leaver_cohort_age(f->h, dob, year) : -1;

	out->returned_home = out->reentered = out->follow_up_incomplete = 0;
	for (int32_t i = 0; i < nrh; i++)
	{
		cl_reentry r;

		if (rh[i].return_date < start || rh[i].return_date > end)
			continue;
		out->returned_home++;
		r = cl_reentered_within(f, rh[i].return_date, twelve, data_end);
		out->reentered += r == CL_REENTRY_YES;
		out->follow_up_incomplete += r == CL_REENTRY_INCOMPLETE;
	}

	return out->looked_after || out->days > 0 || out->started > 0 || out->ceased > 0 ||
		out->cohort_age >= 0 || out->returned_home > 0;
}

int32_t
cl_period_facts_of(const cl_facts *f, bool has_dob, cl_date dob, int first, int last,
				   cl_date data_end, cl_exit *xbuf, cl_period_facts *out)
{
	int32_t		nx = has_dob ? cl_exits(f, dob, data_end, xbuf) : 0;
	int32_t		n = 0;
	int32_t		e = 0;

	for (int32_t k = 0; k < f->np; k++)
	{
		const cl_period *p = &f->periods[k];
		cl_period_facts *o = &out[n];
		int			sy = cl_collection_year(p->start);
		int			ey = p->end == CL_DATE_OPEN ? 0 : cl_collection_year(p->end);

		if (!((sy >= first && sy <= last) || (ey != 0 && ey >= first && ey <= last)))
			continue;
		o->period = k;
		o->start = p->start;
		o->end = p->end;
		o->end_reason = p->end == CL_DATE_OPEN ? 0 : p->end_reason;
		o->start_year = sy;
		o->end_year = ey;
		/* periods are in time order and never overlap: neighbours decide first / last in a year */
		o->first_start_in_year = k == 0 || cl_collection_year(f->periods[k - 1].start) != sy;
		o->last_end_in_year = ey != 0 &&
			(k + 1 == f->np || f->periods[k + 1].end == CL_DATE_OPEN ||
			 cl_collection_year(f->periods[k + 1].end) != ey);
		/* the first episode (in episode order) of the period that starts on its first day, not a short break */
		o->start_ls = o->start_cin = 0;
		while (e < f->h->n && f->h->ep[e].decom < p->start)
			e++;
		for (int32_t i = e; i < f->h->n && f->h->ep[i].decom == p->start; i++)
		{
			if (!cl_ls_is_short_break(f->h->ep[i].ls))
			{
				o->start_ls = f->h->ep[i].ls;
				o->start_cin = f->h->ep[i].cin;
				break;
			}
		}
		o->has_exit = k < nx;	/* cl_exits gives periods 0 .. nx-1, in order */
		o->exit_duration = o->has_exit ? xbuf[k].duration : 0;
		o->exit_cause = o->has_exit ? xbuf[k].cause : CL_EXIT_CENSORED;
		n++;
	}
	return n;
}
