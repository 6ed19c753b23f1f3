/*
 * Unit tests of synth.c: determinism, and the internal consistency of every
 * generated child (episode chains, RNE against what changed, codes valid in
 * every collection year an episode is returned in, ages, OC3 rules).
 */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "codes.h"
#include "dates.h"
#include "synth.h"

#define N_CHILDREN 20000

static cl_synth_params params = {42, 2017, 2026, 3};

/*
 * A digest (FNV-1a, 64 bits) of every field of children 0 .. n-1, with the
 * header text as it is written out.  Pinned below so that a change to the
 * generator's output, even one that keeps every child consistent, is seen:
 * rearranging the code (synth_*.c) must not change it; a deliberate change of
 * the model updates the pinned value and says so in doc/synthetic.md.
 */
static uint64_t
digest_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * UINT64_C(1099511628211);
	return h;
}

#define DIGEST(h, v) do { int64_t v_ = (int64_t) (v); (h) = digest_bytes((h), &v_, sizeof v_); } while (0)

static uint64_t
digest_children(const cl_synth_params *p, int64_t n)
{
	uint64_t	h = UINT64_C(14695981039346656037);
	cl_synth_child c;
	char		buf[CL_SYNTH_TEXT_LEN];

	for (int64_t i = 0; i < n; i++)
	{
		cl_synth_child_generate(p, i, &c);
		DIGEST(h, c.council);
		DIGEST(h, c.male);
		DIGEST(h, c.dob);
		DIGEST(h, c.ethnic);
		DIGEST(h, c.upn_kind);
		DIGEST(h, c.mother);
		DIGEST(h, c.mother == 1 ? c.mc_dob : 0);
		DIGEST(h, c.uasc);
		DIGEST(h, c.duc);
		DIGEST(h, c.home);
		cl_synth_upn(&c, buf);
		h = digest_bytes(h, buf, strlen(buf));
		DIGEST(h, c.n_episodes);
		for (int k = 0; k < c.n_episodes; k++)
		{
			const cl_synth_episode *e = &c.episodes[k];

			DIGEST(h, e->decom);
			DIGEST(h, e->dec);
			DIGEST(h, e->rne);
			DIGEST(h, e->ls);
			DIGEST(h, e->cin);
			DIGEST(h, e->place);
			DIGEST(h, e->provider);
			DIGEST(h, e->rec);
			DIGEST(h, e->rpc);
			DIGEST(h, e->carer);
		}
		DIGEST(h, c.n_oc3);
		for (int k = 0; k < c.n_oc3; k++)
		{
			DIGEST(h, c.oc3[k].year);
			DIGEST(h, c.oc3[k].age);
			DIGEST(h, c.oc3[k].in_touch);
			DIGEST(h, c.oc3[k].activ);
			DIGEST(h, c.oc3[k].accom);
		}
	}
	return h;
}

/* First problem found in child c, or NULL. */
static const char *
check_child(const cl_synth_params *p, const cl_synth_child *c)
{
	cl_date		w0 = cl_year_start(p->first_year);
	cl_date		w1 = cl_year_end(p->last_year);
	cl_date		b18 = cl_birthday(c->dob, 18);
	bool		breaks = false;

	if (c->n_episodes < 1 || c->n_episodes > CL_SYNTH_MAX_EPISODES)
		return "episode count out of range";
	for (int i = 0; i < c->n_episodes; i++)
	{
		const cl_synth_episode *e = &c->episodes[i];
		const cl_synth_episode *prev = i > 0 ? &c->episodes[i - 1] : NULL;
		bool		open = e->dec == CL_DATE_OPEN;
		cl_date		last = open ? w1 : e->dec - 1;

		if (e->decom > w1)
			return "episode starts after the data end";
		if (!open && e->dec > w1)
			return "episode ends after the data end";
		if (!open && e->dec < w0)
			return "episode ended before the first collection year";
		if (!open && e->dec <= e->decom)
			return "DEC not after DECOM";
		if (open != (e->rec == 0))
			return "DEC and REC not both present or both blank";
		if (open && i != c->n_episodes - 1)
			return "open episode is not the last";
		if (open && e->rpc != 0)
			return "open episode has a reason for placement change";
		if (e->decom < c->dob)
			return "episode before birth";
		if (e->ls == CL_LS_V3 || e->ls == CL_LS_V4)
			breaks = true;
		else if (breaks)
			return "short breaks mixed with other care";
		for (int y = cl_synth_collection_year(e->decom); y <= cl_synth_collection_year(last); y++)
		{
			if (y < p->first_year)
				continue;
			if (!cl_code_valid_in_year(CL_LIST_LEGAL_STATUS, e->ls, y) ||
				!cl_code_valid_in_year(CL_LIST_NEW_EPISODE_REASON, e->rne, y) ||
				!cl_code_valid_in_year(CL_LIST_NEED_CATEGORY, e->cin, y) ||
				!cl_code_valid_in_year(CL_LIST_PLACEMENT_TYPE, e->place, y) ||
				(e->provider && !cl_code_valid_in_year(CL_LIST_PLACEMENT_PROVIDER, e->provider, y)))
				return "code not valid in a year the episode is returned";
		}
		if (!open && e->rec != CL_REC_X1 &&
			!cl_code_valid_in_year(CL_LIST_CEASED_REASON, e->rec, cl_synth_collection_year(e->dec)))
			return "REC not valid in the year it ceased";
		if (e->rpc && !cl_code_valid_in_year(CL_LIST_PLACEMENT_CHANGE_REASON, e->rpc,
											 cl_synth_collection_year(e->dec)))
			return "REASON_PLACE_CHANGE not valid in the year";
		if (e->place == CL_PLACE_P1 && (e->ls == CL_LS_V2 || e->provider != CL_PROVIDER_PR0))
			return "P1 with V2 or without PR0";
		if (e->place != CL_PLACE_P1 && e->provider == CL_PROVIDER_PR0)
			return "PR0 without P1";
		if ((e->place == CL_PLACE_H5 || e->place == CL_PLACE_K3) && cl_age_on(c->dob, e->decom) < 16)
			return "semi-independent living under 16";
		if (e->ls == CL_LS_L1 && !open && e->dec - e->decom > 3)
			return "police protection over 72 hours";
		if (e->ls == CL_LS_V3 && !open && e->dec - e->decom > 17)
			return "short break over 17 days";
		if (e->rne == CL_RNE_S)
		{
			if (cl_age_on(c->dob, e->decom) >= 18)
				return "started to be looked after at 18";
			if (prev && prev->rec == CL_REC_X1)
				return "RNE S after an X1";
			if (prev && prev->dec >= e->decom)
				return "RNE S on or before the previous end";
		}
		else
		{
			if (!prev)
			{
				if (e->decom >= w0)
					return "first episode in the years is not RNE S";
				continue;
			}
			if (prev->rec != CL_REC_X1 || prev->dec != e->decom)
				return "continuation without an X1 ending on its DECOM";
			if (prev->cin != e->cin)
				return "CIN changed within a period of care";
			{
				bool		ls_changed = prev->ls != e->ls;
				bool		carer_changed = prev->carer != e->carer;
				bool		place_changed = prev->place != e->place;

				switch (e->rne)
				{
					case CL_RNE_L:
						if (!ls_changed || carer_changed || place_changed)
							return "RNE L but not a legal status change only";
						break;
					case CL_RNE_P:
						if (ls_changed || !carer_changed)
							return "RNE P but not a new carer with the same legal status";
						break;
					case CL_RNE_T:
						if (ls_changed || carer_changed || !place_changed)
							return "RNE T but not a new placement with the same carer";
						break;
					case CL_RNE_B:
						if (!ls_changed || !carer_changed)
							return "RNE B but not both changed";
						break;
					case CL_RNE_U:
						if (!ls_changed || carer_changed || !place_changed)
							return "RNE U but not legal status and placement with the same carer";
						break;
					default:
						return "bad RNE";
				}
				if ((e->rne == CL_RNE_L) != (prev->rpc == 0))
					return "reason for placement change not exactly on moves";
			}
		}
		if (prev && e->decom < prev->dec)
			return "overlapping episodes";
		if (!open && (cl_rec_is_adoption(e->rec) || cl_rec_is_sgo(e->rec)) && e->dec >= b18)
			return "adopted or SGO at 18";
		if (!open && (e->rec == CL_REC_E5 || e->rec == CL_REC_E6) && cl_age_on(c->dob, e->dec) < 14)
			return "independent living under 14";
		if (!open && e->rec == CL_REC_E17 && e->dec < b18)
			return "E17 under 18";
		if (!open && cl_rec_is_adoption(e->rec) && !(e->place >= CL_PLACE_A3 && e->place <= CL_PLACE_A6))
			return "adopted without an adoption placement";
		if (!open && (e->rec == CL_REC_E45 || e->rec == CL_REC_E46) &&
			!(e->place >= CL_PLACE_U1 && e->place <= CL_PLACE_U6))
			return "SGO to former foster carers from outside foster care";
	}
	if (c->n_oc3 > 0 && breaks)
		return "OC3 for a short-breaks child";
	for (int i = 0; i < c->n_oc3; i++)
	{
		const cl_synth_oc3 *o = &c->oc3[i];
		cl_date		b = cl_birthday(c->dob, o->age);
		bool		zero_a = o->activ == CL_ACTIV_0,
					zero_c = o->accom == CL_ACCOM_0;

		if (o->age < 17 || o->age > 21 || cl_synth_collection_year(b) != o->year ||
			o->year < p->first_year || o->year > p->last_year)
			return "OC3 not on a 17th-21st birthday in a collection year";
		if (i > 0 && o->year <= c->oc3[i - 1].year)
			return "OC3 years not increasing";
		if (!cl_code_valid_in_year(CL_LIST_CONTACT_STATUS, o->in_touch, o->year) ||
			!cl_code_valid_in_year(CL_LIST_LEAVER_ACTIVITY, o->activ, o->year) ||
			!cl_code_valid_in_year(CL_LIST_LEAVER_ACCOMMODATION, o->accom, o->year))
			return "OC3 code not valid in its year";
		if ((o->in_touch == CL_TOUCH_DIED || o->in_touch == CL_TOUCH_RHOM) && !(zero_a && zero_c))
			return "rule 344";
		if (o->in_touch == CL_TOUCH_YES && (zero_a || zero_c))
			return "rule 345";
		if (zero_a != zero_c)
			return "activity and accommodation not both known";
		if (o->age < 19 && cl_accom_letter(o->accom) == 'T')
			return "rule 347 (under 18 at the start of the year)";
		/* episodes are [DECOM, DEC): care ending on the birthday has ended */
		if (o->age <= 18)
			for (int j = 0; j < c->n_episodes; j++)
				if (c->episodes[j].decom <= b &&
					(c->episodes[j].dec == CL_DATE_OPEN || c->episodes[j].dec > b))
					return "rules 1007/1016 (looked after on the 17th/18th birthday)";
		if (o->age == 17 && cl_accom_letter(o->accom) == 'Z')
			return "rule 3001";
	}
	return NULL;
}

int
main(void)
{
	static cl_synth_child a,
				b;
	const char *problem = NULL;
	long		bad = 0,
				episodes = 0,
				oc3 = 0,
				uasc = 0,
				open31 = 0,
				home_returns = 0,
				home_back = 0,
				left_on_b18 = 0,
				left_on_b18_oc3 = 0;
	int			council_count[3] = {0, 0, 0};
	char		msg[128];
	char		buf[CL_SYNTH_TEXT_LEN];

	/* the generator */
	{
		cl_synth_rng r1,
					r2;
		int			same = 1;

		cl_synth_rng_seed(&r1, 7, 1);
		cl_synth_rng_seed(&r2, 7, 1);
		for (int i = 0; i < 100; i++)
			same &= cl_synth_rng_next(&r1) == cl_synth_rng_next(&r2);
		ok(same, "same seed and stream give the same numbers");
		cl_synth_rng_seed(&r2, 7, 2);
		ok(cl_synth_rng_next(&r1) != cl_synth_rng_next(&r2), "another stream differs");
		cl_synth_rng_seed(&r2, 8, 1);
		cl_synth_rng_seed(&r1, 7, 1);
		ok(cl_synth_rng_next(&r1) != cl_synth_rng_next(&r2), "another seed differs");
	}

	/* the output itself, pinned (see digest_children) */
	{
		cl_synth_params p1 = {11, 2017, 2026, 2};
		cl_synth_params p2 = {-3, 2010, 2030, 5};

		printf("# digests %016llx %016llx\n", (unsigned long long) digest_children(&p1, 3000),
			   (unsigned long long) digest_children(&p2, 3000));
		ok(digest_children(&p1, 3000) == UINT64_C(0xb3031bfc82c4967e),
		   "3000 children of seed 11, 2017 to 2026, 2 councils: the pinned output");
		ok(digest_children(&p2, 3000) == UINT64_C(0xadfc976e28f4c980),
		   "3000 children of seed -3, 2010 to 2030, 5 councils: the pinned output");
	}

	/* parameters */
	{
		cl_synth_params bp = params;

		ok(cl_synth_check_params(&params, msg, sizeof(msg)), "default parameters accepted");
		bp.first_year = 2027;
		ok(!cl_synth_check_params(&bp, msg, sizeof(msg)), "first year after last rejected");
		is_str(msg, "first collection year 2027 is after the last, 2026", "with a message");
		bp = params;
		bp.councils = cl_synth_max_councils() + 1;
		ok(!cl_synth_check_params(&bp, msg, sizeof(msg)), "too many councils rejected");
		is_str(cl_synth_council_code(0), "213", "council 0 is 213");
		ok(cl_synth_council_code(cl_synth_max_councils()) == NULL, "no council past the list");
	}

	/* determinism: same (seed, child) gives the same child, whatever came before */
	{
		memset(&a, 0, sizeof(a));
		memset(&b, 0, sizeof(b));
		cl_synth_child_generate(&params, 1234, &a);
		for (int i = 0; i < 50; i++)
			cl_synth_child_generate(&params, i, &b);
		memset(&b, 0, sizeof(b));
		cl_synth_child_generate(&params, 1234, &b);
		ok(memcmp(&a, &b, sizeof(a)) == 0, "child 1234 is the same whatever was generated before");
		{
			cl_synth_params p2 = params;
			int			differ = 0;

			p2.seed = 43;
			for (int i = 0; i < 20; i++)
			{
				memset(&a, 0, sizeof(a));
				memset(&b, 0, sizeof(b));
				cl_synth_child_generate(&params, i, &a);
				cl_synth_child_generate(&p2, i, &b);
				differ += memcmp(&a, &b, sizeof(a)) != 0;
			}
			ok(differ >= 19, "another seed gives other children (%d of 20 differ)", differ);
		}
	}

	/* text fields */
	{
		cl_synth_child c;

		memset(&c, 0, sizeof(c));
		c.number = 0;
		cl_synth_child_id(&c, buf);
		is_str(buf, "0000001", "child 0 is 0000001 (text, leading zeros)");
		cl_synth_upn(&c, buf);
		is_int((int) strlen(buf), 13, "a UPN has 13 characters");
		{
			/* check letter: weights 2..13 on characters 2..13, modulo 23 */
			int			sum = 0;

			for (int i = 1; i < 13; i++)
				sum += (buf[i] - '0') * (i + 1);
			is_int(buf[0], "ABCDEFGHJKLMNPQRTUVWXYZ"[sum % 23], "UPN check letter %s", buf);
		}
		c.upn_kind = 2;
		cl_synth_upn(&c, buf);
		is_str(buf, "UN2", "UN codes");
		cl_synth_postcode(12345, buf);
		ok(strlen(buf) >= 6 && strlen(buf) <= 8 && strchr(buf, ' ') != NULL, "postcode shape: %s", buf);
	}

	/* consistency of every child */
	for (int64_t n = 0; n < N_CHILDREN; n++)
	{
		cl_synth_child_generate(&params, n, &a);
		const char *why = check_child(&params, &a);

		if (why)
		{
			if (!problem)
			{
				problem = why;
				printf("# child %lld: %s\n", (long long) n, why);
				for (int i = 0; i < a.n_episodes; i++)
				{
					char		d1[11],
								d2[11] = "open";

					cl_date_format(a.episodes[i].decom, d1);
					if (a.episodes[i].dec != CL_DATE_OPEN)
						cl_date_format(a.episodes[i].dec, d2);
					printf("#   %s %s %s %s %s %s %s\n", d1, d2,
						   cl_code_text(CL_LIST_NEW_EPISODE_REASON, a.episodes[i].rne),
						   cl_code_text(CL_LIST_LEGAL_STATUS, a.episodes[i].ls),
						   cl_code_text(CL_LIST_PLACEMENT_TYPE, a.episodes[i].place),
						   a.episodes[i].rec ? cl_code_text(CL_LIST_CEASED_REASON, a.episodes[i].rec) : "",
						   a.episodes[i].rpc ? cl_code_text(CL_LIST_PLACEMENT_CHANGE_REASON, a.episodes[i].rpc) : "");
				}
			}
			bad++;
		}
		if (a.council != n % 3)
			bad++;
		council_count[a.council]++;
		episodes += a.n_episodes;
		oc3 += a.n_oc3;
		uasc += a.uasc;
		open31 += a.episodes[a.n_episodes - 1].dec == CL_DATE_OPEN;
		/* left care on the 18th birthday, from 2023-24 (rule 1016's years) */
		{
			cl_date		b18 = cl_birthday(a.dob, 18);

			for (int i = 0; i < a.n_episodes; i++)
				if (a.episodes[i].dec == b18 && a.episodes[i].rec != CL_REC_X1 &&
					b18 >= cl_year_start(2024) && b18 <= cl_year_end(params.last_year))
				{
					left_on_b18++;
					for (int j = 0; j < a.n_oc3; j++)
						left_on_b18_oc3 += a.oc3[j].age == 18;
				}
		}
		/* returns home with a full year of follow-up inside the data */
		for (int i = 0; i < a.n_episodes; i++)
		{
			const cl_synth_episode *e = &a.episodes[i];

			if (e->dec != CL_DATE_OPEN && cl_rec_is_returned_home(e->rec) &&
				e->ls != CL_LS_V3 && e->ls != CL_LS_V4 &&
				cl_add_months(e->dec, 12) <= cl_year_end(params.last_year) &&
				cl_add_months(e->dec, 12) < cl_birthday(a.dob, 18))
			{
				home_returns++;
				if (i + 1 < a.n_episodes && a.episodes[i + 1].decom <= cl_add_months(e->dec, 12))
					home_back++;
			}
		}
	}
	is_int(bad, 0, "%d children are internally consistent%s%s", N_CHILDREN,
		   problem ? ": " : "", problem ? problem : "");
	ok(council_count[0] == N_CHILDREN / 3 + 1 && council_count[2] == N_CHILDREN / 3,
	   "children are dealt round the councils");
	printf("# %ld episodes, %ld OC3, %ld UASC, %ld open at the end, %ld returns home, %ld back within a year\n",
		   episodes, oc3, uasc, open31, home_returns, home_back);
	ok(episodes > 2 * N_CHILDREN && episodes < 10 * N_CHILDREN, "2 to 10 episodes per child on average");
	ok(oc3 > N_CHILDREN / 20, "a care-leaver cohort has OC3 records");
	printf("# %ld left care on the 18th birthday from 2023-24, %ld of them with an OC3 record at 18\n",
		   left_on_b18, left_on_b18_oc3);
	ok(left_on_b18_oc3 > 0 && left_on_b18_oc3 * 100 >= 80 * left_on_b18,
	   "young people leaving care on the 18th birthday from 2023-24 have an OC3 record at 18 (rule 1016 does not apply)");
	ok(uasc > N_CHILDREN / 30 && uasc < N_CHILDREN / 4, "a UASC share");
	ok(home_returns > 0 && home_back * 100 >= 14 * home_returns && home_back * 100 <= 26 * home_returns,
	   "about 1 in 5 returns home re-enter within a year (%.1f%%)",
	   home_returns ? 100.0 * home_back / home_returns : 0.0);

	return tap_done();
}
