/*
 * synth_periods.c: periods of care as episodes in the synthetic generator
 * (see synth_internal.h).  A period is first planned (its end and route out
 * of care, its legal statuses, the placement changes its route brings), then
 * walked from change to change, each change closing an episode and opening
 * the next; unplanned moves and long-term foster conversions come on the way.
 * The draws are made in a fixed order: changing that order changes the data
 * of every seed.
 */
#include "synth_internal.h"

#include <string.h>

/*
 * Append an episode, first splitting it on 31 March before any collection
 * year whose return would hold it and in which its placement code is no
 * longer listed (the placement goes on under a code valid in both years:
 * cl_sim_recode_place).
 */
static void
push_episode(cl_sim *s, cl_synth_episode *ep)
{
	cl_synth_episode e = *ep;

	for (;;)
	{
		/* a return holds an episode up to the year of its DEC, even one ending on 1 April */
		cl_date		last = e.dec == CL_DATE_OPEN ? s->w1 : e.dec;
		int			y0 = cl_sim_year(s, e.decom);
		int			y1 = cl_sim_year(s, last);
		int			split = 0;
		cl_date		p2_end = cl_date_from_ymd(2023, 10, 28);

		/* independent living (P2) not after 28 October 2023 (DfE rule 217t): the same accommodation goes on as
		 * supported accommodation (H5) */
		if (e.place == CL_PLACE_P2 && e.decom < p2_end && last > p2_end && s->n < CL_SIM_RAW_MAX - 1)
		{
			cl_synth_episode first = e;

			first.dec = p2_end;
			first.rec = CL_REC_X1;
			first.rpc = CL_RPC_PLACE;
			s->raw[s->n++] = first;
			e.decom = p2_end;
			e.rne = CL_RNE_T;
			e.place = CL_PLACE_H5;
			continue;
		}

		for (int y = y0 + 1; y <= y1; y++)
			if (!cl_code_valid_in_year(CL_LIST_PLACEMENT_TYPE, e.place, y))
			{
				split = y;
				break;
			}
		if (split == 0 || s->n >= CL_SIM_RAW_MAX - 1)
		{
			if (s->n < CL_SIM_RAW_MAX)
				s->raw[s->n++] = e;
			/* the placement goes on under the code it ended with */
			ep->place = e.place;
			ep->provider = e.provider;
			ep->carer = e.carer;
			return;
		}
		{
			cl_synth_episode first = e;
			cl_date		eve = cl_year_start(split) - 1;	/* 31 March, last day the code is valid */
			int			newplace = cl_sim_recode_place(e.place, split);
			bool		same_carer = newplace == CL_PLACE_K3;

			if (e.decom < eve)
			{
				first.dec = eve;
				first.rec = CL_REC_X1;
				first.rpc = same_carer ? CL_RPC_PLACE : CL_RPC_CARPL;
				s->raw[s->n++] = first;
				e.decom = eve;
				e.rne = same_carer ? CL_RNE_T : CL_RNE_P;
			}
			/* else the episode starts on that day: recorded under the new code throughout */
			e.place = newplace;
			if (!same_carer)
			{
				e.provider = cl_sim_choose_provider(s, newplace, split);
				e.carer = (uint32_t) cl_synth_rng_next(&s->r);
			}
		}
	}
}

/* ---- planning a period ---------------------------------------------------- */

/* The placement changes a route plans ahead. */
typedef enum planned_placement
{
	PL_ADOPT,					/* placed for adoption */
	PL_PARENTS,					/* placed with parents before going home */
	PL_SEMI						/* semi-independent living at 16-17 */
} planned_placement;

#define PLAN_MAX_LS 8
#define PLAN_MAX_PLACEMENTS 4

typedef struct period_plan
{
	cl_date		t0;				/* first day */
	cl_date		te;				/* the day it ends (possibly after the data end) */
	int			age0;			/* age on t0 */
	cl_date		b16,
				b18;			/* 16th and 18th birthdays */
	cl_sim_route route;
	cl_date		ls_date[PLAN_MAX_LS];	/* legal statuses from their dates */
	int			ls_code[PLAN_MAX_LS];
	int			n_ls;
	cl_date		place_date[PLAN_MAX_PLACEMENTS];	/* planned placement changes */
	planned_placement place_kind[PLAN_MAX_PLACEMENTS];
	int			n_place;
} period_plan;

static void
plan_add_ls(period_plan *pp, cl_date d, int ls)
{
	pp->ls_date[pp->n_ls] = d;
	pp->ls_code[pp->n_ls++] = ls;
}

static void
plan_add_placement(period_plan *pp, cl_date d, planned_placement kind)
{
	pp->place_date[pp->n_place] = d;
	pp->place_kind[pp->n_place++] = kind;
}

/* When the period ends, by its route; a route that would pass 18 becomes leaving at 18. */
static void
plan_end(cl_sim *s, period_plan *pp)
{
	cl_date		t0 = pp->t0;
	cl_date		te;

	switch (pp->route)
	{
		case CL_ROUTE_HOME:
			{
				double		u = cl_sim_unit(s);

				if (u < 0.30)
					te = t0 + 1 + cl_sim_int(s, 42);
				else if (u < 0.65)
					te = t0 + 43 + cl_sim_int(s, 320);
				else
					te = t0 + 365 + cl_sim_int(s, 1100);
				break;
			}
		case CL_ROUTE_ADOPT:
			te = t0 + 540 + cl_sim_int(s, 700);
			break;
		case CL_ROUTE_SGO:
			te = t0 + 300 + cl_sim_int(s, 700);
			break;
		case CL_ROUTE_CAO:
			te = t0 + 200 + cl_sim_int(s, 700);
			break;
		case CL_ROUTE_REL:
			te = t0 + 30 + cl_sim_int(s, 700);
			break;
		case CL_ROUTE_INDEP:
			te = cl_sim_max_date(t0 + 60, pp->b16 + cl_sim_int(s, 700));
			break;
		case CL_ROUTE_CUSTODY:
			te = t0 + 10 + cl_sim_int(s, 110);
			break;
		case CL_ROUTE_OTHER:
			te = t0 + 20 + cl_sim_int(s, 700);
			if (s->uasc && cl_sim_chance(s, 0.4))
				te = t0 + 20 + cl_sim_int(s, 160);	/* age assessments come early */
			break;
		default:
			te = pp->b18;
	}
	if (pp->route != CL_ROUTE_AGE18 && te >= pp->b18)
	{
		pp->route = CL_ROUTE_AGE18;
		te = pp->b18;
	}
	if (te <= t0)
		te = t0 + 1;
	pp->te = te;
}

/*
 * The legal statuses of the period: police or emergency protection first,
 * s20 then an interim and a full care order, a placement order before an
 * adoption (with the placement for adoption it allows).
 */
static void
plan_legal_statuses(cl_sim *s, period_plan *pp)
{
	cl_sim_route route = pp->route;
	int			ls = cl_sim_initial_ls(s, pp->age0, route);
	cl_date		t = pp->t0;

	plan_add_ls(pp, t, ls);
	if (ls == CL_LS_L1 || ls == CL_LS_L2)
	{
		bool		order = route == CL_ROUTE_ADOPT || route == CL_ROUTE_SGO || route == CL_ROUTE_CAO ||
			cl_sim_chance(s, 0.65);

		t += ls == CL_LS_L1 ? 1 + cl_sim_int(s, 3) : 5 + cl_sim_int(s, 16);
		ls = order ? CL_LS_C1 : CL_LS_V2;
		plan_add_ls(pp, t, ls);
	}
	if (ls == CL_LS_V2 && !s->uasc)
	{
		double		p = route == CL_ROUTE_ADOPT || route == CL_ROUTE_SGO || route == CL_ROUTE_CAO ? 1.0 :
			route == CL_ROUTE_AGE18 ? (pp->age0 < 16 ? 0.92 : 0.1) :
			route == CL_ROUTE_HOME ? (pp->te - pp->t0 > 365 ? 0.5 : 0.1) :
			route == CL_ROUTE_REL || route == CL_ROUTE_OTHER ? 0.3 : 0;

		if (cl_sim_chance(s, p))
		{
			t += 20 + cl_sim_int(s, route == CL_ROUTE_ADOPT ? 60 : 250);
			ls = CL_LS_C1;
			plan_add_ls(pp, t, ls);
		}
	}
	if (route == CL_ROUTE_ADOPT)
	{
		cl_date		tpo = cl_sim_max_date(t + 30, pp->te - 360 - cl_sim_int(s, 300));
		cl_date		placed;

		plan_add_ls(pp, tpo, CL_LS_E1);
		/* placed for adoption at least ten weeks before the order */
		placed = cl_sim_min_date(cl_sim_max_date(tpo, tpo + cl_sim_int(s, 240) - 20), pp->te - 70);
		if (placed < tpo)
			placed = tpo;
		plan_add_placement(pp, placed, PL_ADOPT);
	}
	else if (ls == CL_LS_C1)
	{
		double		p = route == CL_ROUTE_AGE18 ? 0.95 : route == CL_ROUTE_SGO ? 0.8 :
			route == CL_ROUTE_CAO ? 0.7 : 0.5;

		if (cl_sim_chance(s, p))
		{
			t += 150 + cl_sim_int(s, 300);
			plan_add_ls(pp, t, CL_LS_C2);
		}
	}
}

/* Placed with parents some weeks before going home (under a care order only). */
static void
plan_placement_with_parents(cl_sim *s, period_plan *pp)
{
	int			last_ls = pp->ls_code[pp->n_ls - 1];

	if (pp->route == CL_ROUTE_HOME && last_ls != CL_LS_V2 && last_ls != CL_LS_J1 &&
		cl_sim_chance(s, 0.35))
	{
		cl_date		d = pp->te - 60 - cl_sim_int(s, 240);

		if (d > pp->ls_date[pp->n_ls - 1] + 14)
			plan_add_placement(pp, d, PL_PARENTS);
	}
}

/* Semi-independent living at 16-17 before leaving care at 18. */
static void
plan_semi_independence(cl_sim *s, period_plan *pp)
{
	if (pp->route == CL_ROUTE_AGE18 && cl_sim_chance(s, s->uasc ? 0.5 : 0.4))
	{
		cl_date		d = cl_sim_max_date(pp->b16, pp->t0 + 30) + cl_sim_int(s, 400);

		if (d < pp->b18 - 30)
			plan_add_placement(pp, d, PL_SEMI);
	}
}

/* ---- walking a period ------------------------------------------------------ */

typedef struct period_walk
{
	cl_synth_episode cur;		/* the episode open now */
	int			next_ls;		/* index of the next planned legal status */
	int			next_place;		/* index of the next planned placement change */
	cl_date		next_move;		/* the next unplanned move */
	cl_date		convert_at;		/* short-term foster care becoming long-term */
	cl_date		horizon;		/* nothing happens from here: the end or past the data */
} period_walk;

/* What changes on a day: the next episode's legal status and placement. */
typedef struct period_change
{
	bool		ls_change;
	bool		place_change;
	bool		same_carer;		/* the placement changes, the carer stays */
	int			ls;
	int			place;
	int			rpc;			/* REASON_PLACE_CHANGE of a placement change */
} period_change;

static cl_date
next_move_from(cl_sim *s, int place, cl_date d)
{
	return d + cl_sim_expo_days(s, cl_sim_move_mean(s, place, d));
}

/* The first episode: the first placement, an emergency one now and then. */
static void
walk_start(cl_sim *s, const period_plan *pp, period_walk *w)
{
	cl_date		t0 = pp->t0;
	int			ls0 = pp->ls_code[0];

	memset(w, 0, sizeof(*w));
	w->next_ls = 1;
	w->next_place = 0;
	w->convert_at = CL_SIM_NEVER;
	w->horizon = cl_sim_min_date(pp->te, s->w1 + 1);
	w->cur.decom = t0;
	w->cur.rne = CL_RNE_S;
	w->cur.ls = (uint8_t) ls0;
	w->cur.cin = (uint8_t) s->cin;
	w->cur.place = (uint8_t) cl_sim_choose_place(s, t0, ls0, pp->route);
	w->cur.provider = (uint8_t) cl_sim_choose_provider(s, w->cur.place, cl_sim_year(s, t0));
	w->cur.carer = (uint32_t) cl_synth_rng_next(&s->r);
	if (ls0 == CL_LS_L1 || ls0 == CL_LS_L2 || cl_sim_chance(s, 0.2))
		w->next_move = t0 + 2 + cl_sim_int(s, 60);	/* an emergency placement */
	else
		w->next_move = next_move_from(s, w->cur.place, t0);
	if ((w->cur.place == CL_PLACE_U3 || w->cur.place == CL_PLACE_U6) && cl_sim_chance(s, 0.5))
		w->convert_at = t0 + 365 + cl_sim_int(s, 400);
}

/*
 * An unplanned move due on d is put off when it would come within two weeks
 * of a planned change or of the end, late in an adoption, or while placed
 * with parents (then never).  True when it was put off.
 */
static bool
walk_put_off_move(cl_sim *s, const period_plan *pp, period_walk *w, cl_date d, cl_date dls, cl_date dpl)
{
	if (d == w->next_move && d != dls && d != dpl &&
		(d + 14 >= pp->te || (dpl != CL_SIM_NEVER && d + 14 >= dpl) ||
		 (pp->route == CL_ROUTE_ADOPT && d >= pp->ls_date[pp->n_ls - 1] - 30) ||
		 w->cur.place == CL_PLACE_P1))
	{
		w->next_move = w->cur.place == CL_PLACE_P1 ? CL_SIM_NEVER : next_move_from(s, w->cur.place, d);
		return true;
	}
	return false;
}

/* A planned placement change on d. */
static void
walk_planned_placement(cl_sim *s, period_walk *w, planned_placement kind, cl_date d, period_change *ch)
{
	ch->place_change = true;
	ch->rpc = CL_RPC_CARPL;
	if (kind == PL_ADOPT)
	{
		if (w->cur.place == CL_PLACE_U5 || (cl_sim_is_foster(w->cur.place) && cl_sim_chance(s, 0.1)))
		{
			ch->place = CL_PLACE_A5;	/* adopted by the foster carer */
			ch->same_carer = true;
		}
		else
			ch->place = CL_PLACE_A6;
	}
	else if (kind == PL_PARENTS)
	{
		ch->place = CL_PLACE_P1;
		if (w->cur.place == CL_PLACE_P1)
			ch->place_change = false;	/* already at home */
	}
	else
		ch->place = cl_sim_semi_independent(s, d);
	if (d == w->next_move)
		w->next_move = CL_SIM_NEVER;
	if (d == w->convert_at)
		w->convert_at = CL_SIM_NEVER;
}

/* An unplanned move on d, with its reason. */
static void
walk_move(cl_sim *s, const period_plan *pp, period_walk *w, cl_date d, period_change *ch)
{
	ch->place_change = true;
	ch->place = cl_sim_choose_place(s, d, ch->ls, pp->route);
	if (ch->place == CL_PLACE_P1 && w->cur.place == CL_PLACE_P1)
		ch->place = CL_PLACE_U6;
	ch->rpc = cl_sim_move_reason(s, d);
	if (d == w->convert_at)
		w->convert_at = CL_SIM_NEVER;
}

/* A short-term foster placement becoming long-term with the same carer. */
static void
walk_convert_to_long_term(period_walk *w, period_change *ch)
{
	ch->place_change = true;
	ch->same_carer = true;
	ch->place = w->cur.place == CL_PLACE_U3 ? CL_PLACE_U1 : CL_PLACE_U4;
	ch->rpc = CL_RPC_PLACE;
	w->convert_at = CL_SIM_NEVER;
}

/* Placed with parents only under a care order (rule 378): foster care instead. */
static void
keep_parents_under_care_order(period_change *ch)
{
	if (ch->place == CL_PLACE_P1 && ch->ls != CL_LS_C1 && ch->ls != CL_LS_C2)
	{
		if (!ch->place_change)
		{
			ch->place_change = true;
			ch->rpc = CL_RPC_CARPL;
		}
		ch->place = CL_PLACE_U6;
		ch->same_carer = false;
	}
}

/* Closes the open episode on d and opens the next with the change. */
static void
walk_next_episode(cl_sim *s, period_walk *w, cl_date d, const period_change *ch)
{
	cl_synth_episode next;

	w->cur.dec = d;
	w->cur.rec = CL_REC_X1;
	w->cur.rpc = (uint8_t) (ch->place_change ? ch->rpc : 0);
	push_episode(s, &w->cur);

	next = w->cur;
	next.decom = d;
	next.dec = 0;
	next.rec = 0;
	next.rpc = 0;
	next.ls = (uint8_t) ch->ls;
	if (ch->place_change)
	{
		next.place = (uint8_t) ch->place;
		if (!ch->same_carer)
		{
			next.carer = (uint32_t) cl_synth_rng_next(&s->r);
			next.provider = (uint8_t) cl_sim_choose_provider(s, ch->place, cl_sim_year(s, d));
		}
		else if (ch->place == CL_PLACE_A5)
			next.provider = (uint8_t) cl_sim_choose_provider(s, ch->place, cl_sim_year(s, d));
		if (ch->ls_change)
			next.rne = ch->same_carer ? CL_RNE_U : CL_RNE_B;
		else
			next.rne = ch->same_carer ? CL_RNE_T : CL_RNE_P;
		w->next_move = ch->place == CL_PLACE_P1 || cl_sim_is_adoption_place(ch->place) ? CL_SIM_NEVER :
			next_move_from(s, ch->place, d);
		w->convert_at = !ch->same_carer && (ch->place == CL_PLACE_U3 || ch->place == CL_PLACE_U6) &&
			cl_sim_chance(s, 0.5) ? d + 300 + cl_sim_int(s, 400) : CL_SIM_NEVER;
	}
	else
		next.rne = CL_RNE_L;
	w->cur = next;
}

/* Walks the period from change to change up to its end or the data end. */
static void
walk_period(cl_sim *s, const period_plan *pp, period_walk *w)
{
	for (;;)
	{
		cl_date		dls = w->next_ls < pp->n_ls ? pp->ls_date[w->next_ls] : CL_SIM_NEVER;
		cl_date		dpl = w->next_place < pp->n_place ? pp->place_date[w->next_place] : CL_SIM_NEVER;
		cl_date		d = cl_sim_min_date(cl_sim_min_date(dls, dpl), cl_sim_min_date(w->next_move, w->convert_at));
		period_change ch;

		if (d >= w->horizon || s->n >= CL_SIM_RAW_MAX - 24)
			break;
		if (walk_put_off_move(s, pp, w, d, dls, dpl))
			continue;
		memset(&ch, 0, sizeof(ch));
		ch.ls = w->cur.ls;
		ch.place = w->cur.place;
		ch.ls_change = d == dls;
		if (ch.ls_change)
			ch.ls = pp->ls_code[w->next_ls++];
		if (d == dpl)
			walk_planned_placement(s, w, pp->place_kind[w->next_place++], d, &ch);
		else if (d == w->next_move)
			walk_move(s, pp, w, d, &ch);
		else if (d == w->convert_at)
			walk_convert_to_long_term(w, &ch);
		keep_parents_under_care_order(&ch);
		if (ch.ls_change || ch.place_change)
			walk_next_episode(s, w, d, &ch);
	}
}

/*
 * The last episode: left open on the data end, or closed on the period's end
 * with a reason for leaving care valid in its year.
 */
static cl_date
walk_end(cl_sim *s, const period_plan *pp, period_walk *w, int *rec_out)
{
	if (pp->te > s->w1)
	{
		w->cur.dec = CL_DATE_OPEN;
		w->cur.rec = 0;
		w->cur.rpc = 0;
		push_episode(s, &w->cur);
		*rec_out = 0;
		return CL_SIM_NEVER;
	}
	w->cur.dec = pp->te;
	w->cur.rec = (uint8_t) cl_sim_exit_reason(s, pp->route, w->cur.place, pp->te);
	w->cur.rpc = 0;
	if (!cl_code_valid_in_year(CL_LIST_CEASED_REASON, w->cur.rec, cl_sim_year(s, pp->te)))
		w->cur.rec = CL_REC_E8;
	push_episode(s, &w->cur);
	*rec_out = w->cur.rec;
	return pp->te;
}

/*
 * One period of care from t0.  Returns the date it ended, or CL_SIM_NEVER
 * when it is still open on the data end date; *route_out and *rec_out say
 * how it ended.
 */
static cl_date
sim_period(cl_sim *s, cl_date t0, cl_sim_route *route_out, int *rec_out)
{
	period_plan pp;
	period_walk w;

	memset(&pp, 0, sizeof(pp));
	pp.t0 = t0;
	pp.age0 = cl_sim_age_on(s, t0);
	pp.b16 = cl_birthday(s->dob, 16);
	pp.b18 = cl_birthday(s->dob, 18);
	pp.route = cl_sim_choose_route(s, pp.age0);
	plan_end(s, &pp);
	plan_legal_statuses(s, &pp);
	plan_placement_with_parents(s, &pp);
	plan_semi_independence(s, &pp);

	walk_start(s, &pp, &w);
	walk_period(s, &pp, &w);
	*route_out = pp.route;
	return walk_end(s, &pp, &w, rec_out);
}

/* From the national mix of starts. */
int
cl_sim_entry_age_days(cl_sim *s, bool *uasc)
{
	static const double groups[5] = {16, 15, 15, 25, 29};
	int			g = cl_sim_pick(s, groups, 5);
	int			days;

	*uasc = false;
	switch (g)
	{
		case 0:
			days = cl_sim_chance(s, 0.45) ? cl_sim_int(s, 14) : 14 + cl_sim_int(s, 351);
			break;
		case 1:
			days = (int) ((1 + 4 * cl_sim_unit(s)) * CL_SIM_DAYS_IN_YEAR);
			break;
		case 2:
			days = (int) ((5 + 5 * cl_sim_unit(s)) * CL_SIM_DAYS_IN_YEAR);
			break;
		case 3:
			days = (int) ((10 + 6 * cl_sim_unit(s)) * CL_SIM_DAYS_IN_YEAR);
			if (days >= 14 * CL_SIM_DAYS_IN_YEAR && cl_sim_chance(s, 0.2))
				*uasc = true;
			break;
		default:
			days = (int) ((16 + 1.85 * cl_sim_unit(s)) * CL_SIM_DAYS_IN_YEAR);
			if (cl_sim_chance(s, 0.7))
				*uasc = true;
	}
	return days;
}

/* The children's life in care from a first entry on t0. */
void
cl_sim_care(cl_sim *s, cl_date t0)
{
	cl_date		t = t0;

	for (int periods = 0; periods < 8 && t <= s->w1; periods++)
	{
		cl_sim_route route;
		int			rec;
		cl_date		te = sim_period(s, t, &route, &rec);
		cl_date		b18 = cl_birthday(s->dob, 18);
		double		u = cl_sim_unit(s);
		cl_date		back;

		if (te == CL_SIM_NEVER)
			return;
		if (cl_rec_is_returned_home(rec))
		{
			if (u < 0.20)
				back = te + 14 + cl_sim_int(s, 351);
			else if (u < 0.36)
				back = te + 365 + cl_sim_int(s, 1460);
			else
				return;
		}
		else if (rec == CL_REC_E13 || rec == CL_REC_E41 || rec == CL_REC_E14)
		{
			if (u < 0.10)
				back = te + 30 + cl_sim_int(s, 700);
			else
				return;
		}
		else if (cl_rec_is_sgo(rec))	/* an adopted child comes back under a new CHILD (DfE rule 199) */
		{
			if (u < 0.03)
				back = te + 365 + cl_sim_int(s, 1800);
			else
				return;
		}
		else
			return;
		/* nobody starts to be looked after at 18 (rule 352) */
		if (back >= b18 - 60)
			return;
		t = back;
		if (cl_sim_chance(s, 0.3) && !s->uasc)
			s->cin = 1 + cl_sim_int(s, 8);
	}
}

/* A child with only agreed series of short breaks (V3 or V4). */
void
cl_sim_short_breaks(cl_sim *s, cl_date t0)
{
	bool		v4 = cl_sim_chance(s, 0.3);
	cl_date		end = t0 + 365 + cl_sim_int(s, 1100);
	cl_date		b18 = cl_birthday(s->dob, 18);
	cl_date		t = t0;
	int			place = cl_sim_chance(s, 0.6) ? CL_PLACE_K2 : CL_PLACE_U6;
	int			provider = cl_sim_choose_provider(s, place, cl_sim_year(s, t0));
	uint32_t	carer = (uint32_t) cl_synth_rng_next(&s->r);

	end = cl_sim_min_date(end, b18 - 1);
	while (t < end && t <= s->w1 && s->n < CL_SYNTH_MAX_EPISODES - 2)
	{
		cl_synth_episode e;

		memset(&e, 0, sizeof(e));
		e.decom = t;
		e.rne = CL_RNE_S;
		e.ls = v4 ? CL_LS_V4 : CL_LS_V3;
		e.cin = CL_CIN_N2;
		e.place = (uint8_t) place;
		e.provider = (uint8_t) provider;
		e.carer = carer;
		/* V3: breaks of 1 to 4 nights about every five weeks (under rules 365, 367) */
		e.dec = v4 ? t + 180 + cl_sim_int(s, 185) : t + 1 + cl_sim_int(s, 4);
		e.dec = cl_sim_min_date(e.dec, end);
		if (e.dec <= e.decom)
			e.dec = e.decom + 1;
		e.rec = CL_REC_E4A;
		if (e.dec > s->w1)
		{
			e.dec = CL_DATE_OPEN;
			e.rec = 0;
		}
		if (s->n < CL_SIM_RAW_MAX)
			s->raw[s->n++] = e;
		if (e.dec == CL_DATE_OPEN)
			break;
		t = v4 ? e.dec + 1 + cl_sim_int(s, 30) : e.dec + 21 + cl_sim_int(s, 28);
	}
}
