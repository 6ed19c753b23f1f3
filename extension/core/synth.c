/*
 * synth.c: the synthetic council generator, one child from start to end (see
 * synth.h, synth_internal.h for the files by concept, and doc/synthetic.md).
 *
 * The model, per child:
 *   - a first entry to care at an age drawn from the national mix of starts
 *     (reference 7), on a date uniform over the 18 years before the first
 *     collection year and the collection years themselves; a child whose care
 *     never touches the collection years is drawn again (so the stock at the
 *     start of the data is that of a steady state);
 *   - for each period of care a route out of care drawn by age (returned home,
 *     adopted, special guardianship, child arrangements order, living with
 *     relatives, leaving at 18, independent living at 16-17, custody, other),
 *     the matching legal-status sequence (police protection or emergency
 *     protection, s20, interim then full care order, placement order) and
 *     placements (moves with reasons, long-term foster status changes, moves
 *     into semi-independent living at 16-17, placement with parents before a
 *     return home, adoption placements);
 *   - re-entry after a return home: 1 in 5 within a year, more later;
 *   - a few children with only agreed series of short breaks (V3 or V4);
 *   - OC3 records on each 17th to 21st birthday in a collection year for the
 *     young people in the care-leaver cohort on that birthday (metrics.md 4
 *     and 5), as the extension itself decides it (leavers.c) from the kept
 *     episodes only.
 * Every code is drawn among the codes valid in the collection year of the
 * date it is recorded for, and a placement code that leaves the list while a
 * placement is open (H5, P2, Z1) is recoded on 31 March of the last year it
 * is valid (cl_sim_recode_place).
 */
#include "synth_internal.h"

#include <stdio.h>
#include <string.h>

bool
cl_synth_check_params(const cl_synth_params *p, char *msg, size_t msgsize)
{
	if (p->first_year < CL_SYNTH_MIN_YEAR || p->first_year > CL_SYNTH_MAX_YEAR ||
		p->last_year < CL_SYNTH_MIN_YEAR || p->last_year > CL_SYNTH_MAX_YEAR)
	{
		snprintf(msg, msgsize, "collection years must be between %d and %d",
				 CL_SYNTH_MIN_YEAR, CL_SYNTH_MAX_YEAR);
		return false;
	}
	if (p->first_year > p->last_year)
	{
		snprintf(msg, msgsize, "first collection year %d is after the last, %d",
				 p->first_year, p->last_year);
		return false;
	}
	if (p->councils < 1 || p->councils > cl_synth_max_councils())
	{
		snprintf(msg, msgsize, "councils must be between 1 and %d", cl_synth_max_councils());
		return false;
	}
	return true;
}

/*
 * MC_DOB not after the latest DEC in the return of its year (DfE rule 625, read
 * as the public validator does): moved back to that day, or motherhood dropped
 * when that day is before the first day it could be.
 */
static void
mc_dob_before_care_ended(cl_synth_child *c, cl_date from)
{
	int			year = cl_synth_collection_year(c->mc_dob);
	bool		any = false;
	cl_date		latest = 0;

	for (int i = 0; i < c->n_episodes; i++)
	{
		cl_date		d = c->episodes[i].dec;

		if (d != CL_DATE_OPEN && cl_synth_collection_year(d) == year && (!any || d > latest))
		{
			latest = d;
			any = true;
		}
	}
	if (!any || c->mc_dob <= latest)
		return;
	if (latest >= from)
		c->mc_dob = latest;
	else
	{
		c->mother = 0;
		c->mc_dob = 0;
	}
}

static void
sim_child_once(cl_sim *s, cl_synth_child *c, bool force_window)
{
	cl_date		span0 = s->w0 - (cl_date) (18 * CL_SIM_DAYS_IN_YEAR);
	cl_date		t0;
	int			age_days;
	bool		uasc;
	bool		breaks = cl_sim_chance(s, 0.03);

	s->n = 0;
	if (force_window)
		span0 = s->w0;
	t0 = span0 + cl_sim_int(s, s->w1 - span0 + 1);
	if (breaks)
	{
		age_days = (int) ((5 + 11 * cl_sim_unit(s)) * CL_SIM_DAYS_IN_YEAR);
		uasc = false;
		if (!force_window)
			t0 = cl_sim_max_date(t0, s->w0 - (cl_date) (4 * CL_SIM_DAYS_IN_YEAR));
	}
	else
		age_days = cl_sim_entry_age_days(s, &uasc);
	s->dob = t0 - age_days;
	s->age_from = CL_DATE_OPEN;
	s->age_to = -CL_DATE_OPEN;
	s->uasc = uasc;
	/* everyone has left care by 18: an early entry that cannot reach the years is drawn again */
	if (t0 < s->w0 && cl_birthday(s->dob, 18) <= s->w0)
	{
		c->n_episodes = 0;
		return;
	}
	s->male = cl_sim_chance(s, uasc ? 0.92 : breaks ? 0.65 : 0.53);
	/* most children are settled, a few move often */
	s->moves = cl_sim_chance(s, 0.75) ? 2.0 : 0.3;
	if (uasc)
		s->cin = CL_CIN_N8;
	else
	{
		static const double w[8] = {74, 3, 3, 6, 10, 1.5, 0.2, 2.3};

		s->cin = 1 + cl_sim_pick(s, w, 8);
	}
	if (breaks)
		cl_sim_short_breaks(s, t0);
	else
		cl_sim_care(s, t0);
	c->male = s->male;
	c->uasc = uasc;
	c->dob = s->dob;

	/* keep what the collection years' returns carry */
	c->n_episodes = 0;
	for (int i = 0; i < s->n && c->n_episodes < CL_SYNTH_MAX_EPISODES; i++)
	{
		cl_synth_episode *e = &s->raw[i];

		if (e->decom > s->w1 || (e->dec != CL_DATE_OPEN && e->dec < s->w0))
			continue;
		c->episodes[c->n_episodes++] = *e;
	}
	/* a chain cut by the episode limit ends where it stops (never happens in practice) */
	if (c->n_episodes > 0)
	{
		cl_synth_episode *e = &c->episodes[c->n_episodes - 1];

		if (e->rec == CL_REC_X1)
		{
			e->rec = CL_REC_E8;
			e->rpc = 0;
		}
	}
}

void
cl_synth_child_generate(const cl_synth_params *p, int64_t n, cl_synth_child *c)
{
	cl_sim			s;
	cl_date		first_seen,
				last_seen;

	memset(&s, 0, sizeof(s));
	cl_synth_rng_seed(&s.r, p->seed, n);
	s.p = p;
	s.w0 = cl_year_start(p->first_year);
	s.w1 = cl_year_end(p->last_year);
	s.cy_from = CL_DATE_OPEN;
	s.cy_to = -CL_DATE_OPEN;
	c->number = n;
	c->council = (int) (n % p->councils);
	c->n_oc3 = 0;
	for (int attempt = 0;; attempt++)
	{
		sim_child_once(&s, c, attempt >= 200);
		if (c->n_episodes > 0)
			break;
	}

	/* header */
	c->ethnic = cl_sim_ethnic(&s);
	first_seen = cl_sim_max_date(c->episodes[0].decom, s.w0);
	last_seen = c->episodes[c->n_episodes - 1].dec == CL_DATE_OPEN ? s.w1 :
		c->episodes[c->n_episodes - 1].dec;
	c->upn_kind = 0;
	/* UN1 (never issued) only while the child is below school age in every return it is in (DfE rule 209:
	 * not 4 by 31 August of the calendar year before the collection year starts) */
	if (cl_birthday(s.dob, 4) > cl_date_from_ymd(cl_synth_collection_year(last_seen) - 2, 8, 31) &&
		cl_sim_chance(&s, 0.8))
		c->upn_kind = 1;
	else if (s.uasc && cl_sim_chance(&s, 0.6))
		c->upn_kind = 2;
	else if (cl_sim_chance(&s, 0.01))
		c->upn_kind = cl_sim_chance(&s, 0.5) ? 3 : 5;
	c->mother = s.male ? -1 : 0;
	c->mc_dob = 0;
	if (!s.male && last_seen > cl_birthday(s.dob, 15) && cl_sim_chance(&s, 0.05))
	{
		cl_date		from = cl_sim_max_date(first_seen, cl_birthday(s.dob, 15));

		if (last_seen > from)
		{
			c->mother = 1;
			c->mc_dob = from + cl_sim_int(&s, last_seen - from);
			mc_dob_before_care_ended(c, from);
		}
	}
	/* MOTHER is not given for a child looked after only for short breaks (DfE rule 399); decided after the
	 * draws above so that the random stream, and so every other generated value, stays as it was */
	if (c->episodes[0].ls == CL_LS_V3 || c->episodes[0].ls == CL_LS_V4)
	{
		c->mother = -1;
		c->mc_dob = 0;
	}
	c->duc = CL_DATE_OPEN;
	if (s.uasc)
	{
		cl_date		b18 = cl_birthday(s.dob, 18);
		const cl_synth_episode *e = &c->episodes[c->n_episodes - 1];

		if (e->rec == CL_REC_E15)
			c->duc = e->dec;
		else if (b18 <= s.w1)
			c->duc = b18;
	}
	c->home = (uint32_t) cl_synth_rng_next(&s.r);

	/* care leavers */
	if (!(c->episodes[0].ls == CL_LS_V3 || c->episodes[0].ls == CL_LS_V4))
		cl_sim_oc3(&s, c);
}
