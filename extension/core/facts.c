/*
 * facts.c: periods, placements and carer spells of a history, computed once
 * for the outcome metrics.  See facts.h.
 */
#include "facts.h"

void
cl_facts_init(cl_facts *f, const cl_history *h, cl_period *pbuf, cl_spell *plbuf,
			  cl_spell *cbuf)
{
	f->h = h;
	f->periods = pbuf;
	f->np = cl_history_periods(h, pbuf);
	f->placements = plbuf;
	f->npl = plbuf ? cl_history_placements(h, pbuf, f->np, plbuf) : 0;
	f->carers = cbuf;
	f->nc = cbuf ? cl_history_carer_spells(h, pbuf, f->np, cbuf) : 0;
}

int32_t
cl_facts_period_on(const cl_facts *f, cl_date d)
{
	for (int32_t k = 0; k < f->np; k++)
	{
		if (f->periods[k].start > d)
			break;
		if (f->periods[k].end > d)
			return k;
	}
	return -1;
}

int32_t
cl_spell_on(const cl_spell *s, int32_t n, cl_date d)
{
	int32_t		found = -1;

	/*
	 * Spells are in time order; a zero-length spell (started and ended the
	 * same day) never contains a day, so the last spell starting on or
	 * before d that has not ended is the one.
	 */
	for (int32_t i = 0; i < n; i++)
	{
		if (s[i].start > d)
			break;
		if (s[i].end > d)
			found = i;
	}
	return found;
}
