/*
 * periods.c: periods of care, placements, carer spells, days looked after
 * (metrics.md 1 to 3).  See periods.h.
 */
#include "periods.h"

int32_t
cl_history_periods(const cl_history *h, cl_period *out)
{
	int32_t		np = 0;
	cl_period  *cur = NULL;

	for (int32_t i = 0; i < h->n; i++)
	{
		const cl_episode *e = &h->ep[i];

		if (!cl_episode_is_care(e))
			continue;
		if (cur != NULL && e->decom <= cur->end)
		{
			if (e->dec >= cur->end)
			{
				cur->end = e->dec;
				cur->end_episode = i;
			}
			cur->last = i;
			cur->episodes++;
			continue;
		}
		cur = &out[np++];
		cur->start = e->decom;
		cur->end = e->dec;
		cur->first = cur->last = cur->end_episode = i;
		cur->episodes = 1;
	}
	for (int32_t k = 0; k < np; k++)
	{
		cl_period  *p = &out[k];
		uint8_t		rec = h->ep[p->end_episode].rec;

		if (p->end == CL_DATE_OPEN)
		{
			p->end_reason = 0;
			p->reason_unknown = false;
		}
		else if (rec == 0 || rec == CL_REC_X1)
		{
			p->end_reason = 0;
			p->reason_unknown = true;
		}
		else
		{
			p->end_reason = rec;
			p->reason_unknown = false;
		}
	}
	return np;
}

static int32_t
spells(const cl_history *h, const cl_period *periods, int32_t np, cl_spell *out,
	   bool placements)
{
	int32_t		ns = 0;

	for (int32_t k = 0; k < np; k++)
	{
		const cl_period *p = &periods[k];
		cl_spell   *cur = NULL;		/* the open, counted spell */
		bool		first = true;

		for (int32_t i = p->first; i <= p->last; i++)
		{
			const cl_episode *e = &h->ep[i];
			bool		starts;

			if (!cl_episode_is_care(e))
				continue;
			/* an exact duplicate (the row returned twice) is the same placement */
			if (i > p->first && cl_episode_cmp(&h->ep[i - 1], e) == 0)
			{
				if (cur != NULL)
					cur->episodes++;
				continue;
			}
			starts = first || (placements ? cl_rne_starts_placement(e->rne)
							   : cl_rne_starts_carer_spell(e->rne));
			first = false;
			if (!starts)
			{
				if (cur != NULL)
					cur->episodes++;
				continue;
			}
			if (cur != NULL)
				cur->end = e->decom > cur->start ? e->decom : cur->start;
			cur = NULL;
			if (placements && cl_place_is_temporary(e->place))
				continue;		/* not counted; L episodes after it stay uncounted */
			cur = &out[ns++];
			cur->start = e->decom;
			cur->end = p->end;
			cur->period = k;
			cur->first = i;
			cur->episodes = 1;
			cur->place = e->place;
		}
	}
	return ns;
}

int32_t
cl_history_placements(const cl_history *h, const cl_period *periods, int32_t np,
					  cl_spell *out)
{
	return spells(h, periods, np, out, true);
}

int32_t
cl_history_carer_spells(const cl_history *h, const cl_period *periods, int32_t np,
						cl_spell *out)
{
	return spells(h, periods, np, out, false);
}

int64_t
cl_history_days(const cl_history *h, cl_date from, cl_date to)
{
	int64_t		days = 0;
	cl_date		covered = from;		/* days before this are counted */

	if (to <= from)
		return 0;
	for (int32_t i = 0; i < h->n; i++)
	{
		const cl_episode *e = &h->ep[i];
		cl_date		s,
					t;

		if (!cl_episode_is_care(e))
			continue;
		if (e->decom >= to)
			break;				/* sorted by decom: nothing later counts */
		s = e->decom > covered ? e->decom : covered;
		t = e->dec < to ? e->dec : to;
		if (t > s)
		{
			days += (int64_t) t - s;
			covered = t;
		}
	}
	return days;
}

bool
cl_history_looked_after_on(const cl_history *h, cl_date d)
{
	for (int32_t i = 0; i < h->n; i++)
	{
		const cl_episode *e = &h->ep[i];

		if (e->decom > d)
			break;
		if (cl_episode_is_care(e) && e->dec > d)
			return true;
	}
	return false;
}
