/*
 * synth_oc3.c: the care leavers' OC3 records of the synthetic generator (see
 * synth_internal.h): a record on each 17th to 21st birthday in a collection
 * year for a young person in the care-leaver cohort on it, as the extension
 * itself decides the cohort (leavers.c) from the kept episodes.
 */
#include "synth_internal.h"

#include <string.h>

#include "history.h"
#include "leavers.h"

static int
accom_code(char letter, int digit)
{
	const char *p = strchr(CL_ACCOM_LETTERS, letter);

	return CL_ACCOM_INDEX((int) (p - CL_ACCOM_LETTERS), digit);
}

static int
draw_activity(cl_sim *s, int age, int year, int prev_class)
{
	int			cls;

	/* class: EET or NEET, keeping last year's with probability 0.6 */
	if (prev_class != 0 && cl_sim_chance(s, 0.6))
		cls = prev_class;
	else
		cls = cl_sim_chance(s, age <= 18 ? 0.64 : 0.525) ? CL_ACTIVITY_EET : CL_ACTIVITY_NEET;
	if (cls == CL_ACTIVITY_NEET)
	{
		cl_sim_wcode		c[] = {{CL_ACTIV_G4, 22}, {CL_ACTIV_G5, s->male ? 78 : 63},
		{CL_ACTIV_G6, s->male ? 0 : 15}};

		return cl_sim_pick_code(s, CL_LIST_LEAVER_ACTIVITY, c, CL_SIM_NW(c), year);
	}
	if (age <= 18)
	{
		cl_sim_wcode		c[] = {{CL_ACTIV_F2, 50}, {CL_ACTIV_P2, 10}, {CL_ACTIV_F5, 15},
		{CL_ACTIV_P5, 5}, {CL_ACTIV_F4, 10}, {CL_ACTIV_P4, 2}, {CL_ACTIV_F3, 25},
		{CL_ACTIV_P3, 7}, {CL_ACTIV_F1, 3}, {CL_ACTIV_P1, 1}};

		return cl_sim_pick_code(s, CL_LIST_LEAVER_ACTIVITY, c, CL_SIM_NW(c), year);
	}
	{
		cl_sim_wcode		c[] = {{CL_ACTIV_F1, 15}, {CL_ACTIV_P1, 2}, {CL_ACTIV_F2, 20},
		{CL_ACTIV_P2, 8}, {CL_ACTIV_F5, 30}, {CL_ACTIV_P5, 13}, {CL_ACTIV_F4, 9},
		{CL_ACTIV_P4, 3}, {CL_ACTIV_F3, 39}, {CL_ACTIV_P3, 16}};

		return cl_sim_pick_code(s, CL_LIST_LEAVER_ACTIVITY, c, CL_SIM_NW(c), year);
	}
}

static char
draw_accom_letter(cl_sim *s, int age)
{
	static const char letters[] = "BCDEKUTYSVWXGR";
	static const double w17[] = {20, 15, 35, 12, 3, 5, 0, 5, 1, 1, 1, 2, 0, 0};
	static const double w18[] = {15, 6, 39, 11, 3, 17, 0, 4, 1.5, 1.5, 1, 3, 0.5, 1};
	static const double w19[] = {14, 5, 22, 6, 5, 35, 3, 4, 1.5, 1.5, 1, 3, 1, 1};

	return letters[cl_sim_pick(s, age <= 17 ? w17 : age == 18 ? w18 : w19, 14)];
}

static int
draw_accom(cl_sim *s, int age, char *letter_io, bool staying_put)
{
	char		letter;
	double		p_suitable = age <= 17 ? 0.76 : age == 18 ? 0.995 : age == 19 ? 0.98 : age == 20 ? 0.965 : 0.94;

	if (staying_put)
		letter = 'Z';
	else if (*letter_io != 0 && *letter_io != 'Z' && (*letter_io != 'T' || age >= 19) &&
			 cl_sim_chance(s, 0.5))
		letter = *letter_io;
	else
		letter = draw_accom_letter(s, age);
	*letter_io = letter;
	if (strchr("SVWXR", letter))
		return accom_code(letter, 2);	/* S1 and X1 are never valid (rule 133) */
	return accom_code(letter, cl_sim_chance(s, p_suitable) ? 1 : 2);
}

void
cl_sim_oc3(cl_sim *s, cl_synth_child *c)
{
	cl_episode	ep[CL_SYNTH_MAX_EPISODES];
	cl_history	h;
	int			prev_class = 0;
	char		letter = 0;
	bool		staying = false;
	bool		dead = false;

	/* the history the extension builds from these episodes */
	for (int i = 0; i < c->n_episodes; i++)
	{
		const cl_synth_episode *e = &c->episodes[i];

		memset(&ep[i], 0, sizeof(ep[i]));
		ep[i].decom = e->decom;
		ep[i].dec = e->dec;
		ep[i].rne = e->rne;
		ep[i].ls = e->ls;
		ep[i].place = e->place;
		ep[i].rec = e->rec;
		ep[i].cin = e->cin;
		ep[i].provider = e->provider;
		ep[i].rpc = e->rpc;
	}
	h.ep = ep;
	h.n = c->n_episodes;
	h.missing_decom = 0;
	h.flags = cl_history_build(ep, c->n_episodes, 0);

	for (int age = 17; age <= 21; age++)
	{
		cl_date		d = cl_birthday(c->dob, age);
		int			year = cl_sim_year(s, d);
		cl_synth_oc3 *o;
		int			touch;
		bool		known;

		if (d < s->w0 || d > s->w1 || c->n_oc3 >= CL_SYNTH_MAX_OC3)
			continue;
		/*
		 * Every cohort member gets a record, also one who left care on the
		 * birthday itself: not looked after on it, so rules 1007 and 1016
		 * do not apply (episodes are [DECOM, DEC)).
		 */
		if (!cl_in_leaver_cohort(&h, c->dob, year, age, NULL))
			continue;
		if (age == 18)
		{
			/* left foster care to stay put on the 18th birthday */
			for (int i = 0; i < c->n_episodes; i++)
				if (c->episodes[i].dec == d && c->episodes[i].rec == CL_REC_E17)
					staying = true;
		}
		else if (age > 18 && staying)
			staying = cl_sim_chance(s, age == 19 ? 0.56 : age == 20 ? 0.68 : 0.4);
		o = &c->oc3[c->n_oc3++];
		o->year = year;
		o->age = age;
		{
			cl_sim_wcode		w[] = {{CL_TOUCH_YES, age <= 18 ? 93 : 88.5}, {CL_TOUCH_NO, age <= 18 ? 3 : 5},
			{CL_TOUCH_REFU, age <= 18 ? 1.5 : 2.5}, {CL_TOUCH_NREQ, age <= 18 ? 0.8 : 2},
			{CL_TOUCH_RHOM, age <= 18 ? 1.6 : 1.9}, {CL_TOUCH_DIED, age <= 18 ? 0.05 : 0.1}};

			/* a death is reported again in later years (rule 348) */
			touch = dead ? CL_TOUCH_DIED : cl_sim_pick_code(s, CL_LIST_CONTACT_STATUS, w, CL_SIM_NW(w), year);
		}
		o->in_touch = (uint8_t) touch;
		if (touch == CL_TOUCH_DIED || touch == CL_TOUCH_RHOM)
		{
			/* rule 344 */
			o->activ = CL_ACTIV_0;
			o->accom = CL_ACCOM_0;
			dead = touch == CL_TOUCH_DIED;
			staying = false;
			continue;
		}
		known = touch == CL_TOUCH_YES ||
			cl_sim_chance(s, touch == CL_TOUCH_NREQ ? 0.7 : 0.1);
		if (!known)
		{
			o->activ = CL_ACTIV_0;
			o->accom = CL_ACCOM_0;
			staying = false;
			continue;
		}
		o->activ = (uint8_t) draw_activity(s, age, year, prev_class);
		prev_class = cl_activ_class(o->activ);
		/*
		 * Z not for 17-year-olds (rule 3001); T not for anyone under 18 at
		 * the start of the year (rule 347), so not at the 18th birthday
		 */
		o->accom = (uint8_t) draw_accom(s, age, &letter, staying && age >= 18);
		if (letter != 'Z')
			staying = false;
	}
}
