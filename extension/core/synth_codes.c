/*
 * synth_codes.c: the codes a situation draws in the synthetic generator (see
 * synth_internal.h): how a period of care ends, legal statuses, placements,
 * providers, reasons for moves and for leaving care.  Every code is drawn
 * among those valid in the collection year of its date.
 */
#include "synth_internal.h"

cl_sim_route
cl_sim_choose_route(cl_sim *s, int age)
{
	static const double by_age[6][CL_ROUTE_COUNT] = {
		/* HOME ADOPT SGO CAO REL AGE18 INDEP CUSTODY OTHER */
		{24, 34, 16, 4, 4, 12, 0, 0, 6},	/* under 1 */
		{32, 17, 16, 5, 5, 19, 0, 0, 6},	/* 1-4 */
		{40, 2, 13, 5, 8, 27, 0, 0, 5},	/* 5-9 */
		{38, 0, 4, 2, 9, 38, 0, 3, 6},	/* 10-13 */
		{36, 0, 2, 1, 9, 31, 13, 3, 5},	/* 14-15 */
		{22, 0, 1, 0, 7, 48, 15, 3, 4}	/* 16-17 */
	};
	int			band = age < 1 ? 0 : age < 5 ? 1 : age < 10 ? 2 : age < 14 ? 3 : age < 16 ? 4 : 5;

	if (s->uasc)
	{
		static const double u[CL_ROUTE_COUNT] = {0, 0, 0, 0, 0, 85, 5, 0, 10};

		return (cl_sim_route) cl_sim_pick(s, u, CL_ROUTE_COUNT);
	}
	return (cl_sim_route) cl_sim_pick(s, by_age[band], CL_ROUTE_COUNT);
}

int
cl_sim_initial_ls(cl_sim *s, int age, cl_sim_route route)
{
	if (s->uasc)
		return CL_LS_V2;
	if (route == CL_ROUTE_CUSTODY)
		return CL_LS_J1;
	if (route == CL_ROUTE_ADOPT)
		return (int[]) {CL_LS_C1, CL_LS_L2, CL_LS_L1, CL_LS_V2}[cl_sim_pick(s, (const double[]) {70, 15, 5, 10}, 4)];
	if (age < 1)
		return (int[]) {CL_LS_C1, CL_LS_V2, CL_LS_L2, CL_LS_L1}[cl_sim_pick(s, (const double[]) {50, 30, 10, 10}, 4)];
	if (age < 10)
		return (int[]) {CL_LS_C1, CL_LS_V2, CL_LS_L1, CL_LS_L2}[cl_sim_pick(s, (const double[]) {40, 40, 14, 6}, 4)];
	if (age < 16)
		return (int[]) {CL_LS_V2, CL_LS_C1, CL_LS_L1}[cl_sim_pick(s, (const double[]) {55, 30, 15}, 3)];
	return (int[]) {CL_LS_V2, CL_LS_C1, CL_LS_L1}[cl_sim_pick(s, (const double[]) {80, 12, 8}, 3)];
}

bool
cl_sim_is_foster(int place)
{
	return place >= CL_PLACE_U1 && place <= CL_PLACE_U6;
}

bool
cl_sim_is_adoption_place(int place)
{
	return place >= CL_PLACE_A3 && place <= CL_PLACE_A6;
}

/*
 * A placement type for a placement starting on d.  The P2 date rule (not for
 * placements from 28 October 2023, rule 217t) is a rule on episode dates, so
 * it is applied here rather than in the code list.
 */
int
cl_sim_choose_place(cl_sim *s, cl_date d, int ls, cl_sim_route route)
{
	int			age = cl_sim_age_on(s, d);
	int			year = cl_sim_year(s, d);
	bool		p2_ok = d < cl_date_from_ymd(2023, 10, 28);
	bool		parents_ok = (ls == CL_LS_C1 || ls == CL_LS_C2) && route != CL_ROUTE_ADOPT;
	int			place;

	if (ls == CL_LS_J1)
	{
		cl_sim_wcode		c[] = {{CL_PLACE_R5, 30}, {CL_PLACE_K1, 20}, {CL_PLACE_K2, 30}, {CL_PLACE_U6, 20}};

		return cl_sim_pick_code(s, CL_LIST_PLACEMENT_TYPE, c, CL_SIM_NW(c), year);
	}
	if (ls == CL_LS_L1 || ls == CL_LS_L2)
	{
		cl_sim_wcode		c[] = {{CL_PLACE_U6, 80}, {CL_PLACE_U3, 12}, {CL_PLACE_K2, age >= 10 ? 8 : 0}};

		return cl_sim_pick_code(s, CL_LIST_PLACEMENT_TYPE, c, CL_SIM_NW(c), year);
	}
	if (s->uasc)
	{
		cl_sim_wcode		c[] = {{CL_PLACE_U6, age < 16 ? 65 : 30}, {CL_PLACE_U4, age < 16 ? 10 : 3},
		{CL_PLACE_K2, age < 16 ? 20 : 10}, {CL_PLACE_H5, age >= 16 ? 55 : 0},
		{CL_PLACE_K3, age >= 16 ? 55 : 0}, {CL_PLACE_U3, 2}};

		return cl_sim_pick_code(s, CL_LIST_PLACEMENT_TYPE, c, CL_SIM_NW(c), year);
	}
	if (age < 1)
	{
		cl_sim_wcode		c[] = {{CL_PLACE_U6, 52}, {CL_PLACE_U4, 3}, {CL_PLACE_U3, 20}, {CL_PLACE_U1, 2},
		{CL_PLACE_U5, route == CL_ROUTE_ADOPT ? 25 : 3}, {CL_PLACE_R3, 5}, {CL_PLACE_P1, parents_ok ? 3 : 0}};

		return cl_sim_pick_code(s, CL_LIST_PLACEMENT_TYPE, c, CL_SIM_NW(c), year);
	}
	if (age < 10)
	{
		cl_sim_wcode		c[] = {{CL_PLACE_U6, 52}, {CL_PLACE_U4, 10}, {CL_PLACE_U3, 22}, {CL_PLACE_U1, 5},
		{CL_PLACE_U5, route == CL_ROUTE_ADOPT ? 8 : 1}, {CL_PLACE_P1, parents_ok ? 5 : 0},
		{CL_PLACE_K2, age >= 5 ? 4 : 0}, {CL_PLACE_S1, age >= 5 ? 0.5 : 0}};

		return cl_sim_pick_code(s, CL_LIST_PLACEMENT_TYPE, c, CL_SIM_NW(c), year);
	}
	if (age < 16)
	{
		cl_sim_wcode		c[] = {{CL_PLACE_U6, 42}, {CL_PLACE_U4, 11}, {CL_PLACE_U3, 12}, {CL_PLACE_U1, 4},
		{CL_PLACE_K2, 30}, {CL_PLACE_K1, 1.5}, {CL_PLACE_P1, parents_ok ? 4 : 0},
		{CL_PLACE_S1, 2}, {CL_PLACE_R1, 0.5}, {CL_PLACE_R2, 0.5}, {CL_PLACE_Z1, 1},
		{CL_PLACE_Z11, 0.4}, {CL_PLACE_Z12, 0.3}, {CL_PLACE_Z13, 0.2}, {CL_PLACE_Z14, 0.1}};

		return cl_sim_pick_code(s, CL_LIST_PLACEMENT_TYPE, c, CL_SIM_NW(c), year);
	}
	{
		cl_sim_wcode		c[] = {{CL_PLACE_U6, 30}, {CL_PLACE_U4, 7}, {CL_PLACE_U3, 7}, {CL_PLACE_U1, 2},
		{CL_PLACE_K2, 20}, {CL_PLACE_H5, 32}, {CL_PLACE_K3, 32},
		{CL_PLACE_P2, p2_ok ? 3 : 0}, {CL_PLACE_P1, parents_ok ? 2 : 0}, {CL_PLACE_S1, 1},
		{CL_PLACE_Z1, 1}, {CL_PLACE_Z11, 0.4}, {CL_PLACE_Z12, 0.3}, {CL_PLACE_Z13, 0.2},
		{CL_PLACE_Z14, 0.1}, {CL_PLACE_R2, 0.5}, {CL_PLACE_P3, 0.3}};

		place = cl_sim_pick_code(s, CL_LIST_PLACEMENT_TYPE, c, CL_SIM_NW(c), year);
	}
	return place;
}

/* Semi-independent living for a 16-17 year old on d (H5, or K3 once listed). */
int
cl_sim_semi_independent(cl_sim *s, cl_date d)
{
	int			year = cl_sim_year(s, d);
	cl_sim_wcode		c[] = {{CL_PLACE_H5, 1}, {CL_PLACE_K3, 3}};

	return cl_sim_pick_code(s, CL_LIST_PLACEMENT_TYPE, c, CL_SIM_NW(c), year);
}

/*
 * The code a placement goes on under from 31 March of the last year its own
 * code is valid: one valid in that year and in `year`, the first year without
 * it, so that no return holds a code outside its years (DfE rule 146).  H5 and
 * P2 become K3; Z1's successors Z11-Z14 are not valid before 2025-26, so a Z1
 * placement ends with a move to a children's home (K2).
 */
int
cl_sim_recode_place(int place, int year)
{
	int			code = place == CL_PLACE_H5 || place == CL_PLACE_P2 ? CL_PLACE_K3 : CL_PLACE_K2;

	return cl_code_valid_in_year(CL_LIST_PLACEMENT_TYPE, code, year - 1) &&
		cl_code_valid_in_year(CL_LIST_PLACEMENT_TYPE, code, year) ? code : CL_PLACE_U6;
}

int
cl_sim_choose_provider(cl_sim *s, int place, int year)
{
	switch (place)
	{
		case CL_PLACE_U1:
		case CL_PLACE_U2:
		case CL_PLACE_U3:
			return cl_sim_chance(s, 0.9) ? CL_PROVIDER_PR1 : CL_PROVIDER_PR2;
		case CL_PLACE_U4:
		case CL_PLACE_U5:
		case CL_PLACE_U6:
			return (int[]) {CL_PROVIDER_PR1, CL_PROVIDER_PR4, CL_PROVIDER_PR5, CL_PROVIDER_PR2}
			[cl_sim_pick(s, (const double[]) {55, 38, 5, 2}, 4)];
		case CL_PLACE_A3:
		case CL_PLACE_A4:
		case CL_PLACE_A5:
		case CL_PLACE_A6:
			return (int[]) {CL_PROVIDER_PR1, CL_PROVIDER_PR2, CL_PROVIDER_PR5, CL_PROVIDER_PR4}
			[cl_sim_pick(s, (const double[]) {55, 20, 20, 5}, 4)];
		case CL_PLACE_K1:
			return (int[]) {CL_PROVIDER_PR1, CL_PROVIDER_PR2, CL_PROVIDER_PR4}
			[cl_sim_pick(s, (const double[]) {60, 30, 10}, 3)];
		case CL_PLACE_K2:
			return (int[]) {CL_PROVIDER_PR4, CL_PROVIDER_PR1, CL_PROVIDER_PR5, CL_PROVIDER_PR2}
			[cl_sim_pick(s, (const double[]) {75, 18, 5, 2}, 4)];
		case CL_PLACE_K3:
		case CL_PLACE_H5:
			return (int[]) {CL_PROVIDER_PR4, CL_PROVIDER_PR5, CL_PROVIDER_PR1}
			[cl_sim_pick(s, (const double[]) {75, 12, 13}, 3)];
		case CL_PLACE_P1:
			return CL_PROVIDER_PR0;
		case CL_PLACE_P2:
		case CL_PLACE_P3:
			return cl_sim_chance(s, 0.7) ? CL_PROVIDER_PR1 : CL_PROVIDER_PR4;
		case CL_PLACE_R1:
		case CL_PLACE_R2:
			return cl_sim_chance(s, 0.7) ? CL_PROVIDER_PR3 : CL_PROVIDER_PR4;
		case CL_PLACE_R3:
			return cl_sim_chance(s, 0.5) ? CL_PROVIDER_PR3 : CL_PROVIDER_PR4;
		case CL_PLACE_R5:
			return CL_PROVIDER_PR3;
		case CL_PLACE_S1:
			return (int[]) {CL_PROVIDER_PR4, CL_PROVIDER_PR5, CL_PROVIDER_PR1}
			[cl_sim_pick(s, (const double[]) {60, 30, 10}, 3)];
		case CL_PLACE_Z1:
			/* no provider (DfE rule 178); the draw it once had is kept so that the random stream, and so
			 * every later placement, stays as it was */
			(void) cl_sim_chance(s, 0.5);
			return 0;
		default:
			/* Z11-Z14 and temporary placements have no provider (DfE rule 178) */
			(void) year;
			return 0;
	}
}

/* Mean days to the next move out of a placement. */
double
cl_sim_move_mean(cl_sim *s, int place, cl_date d)
{
	double		m;
	int			age = cl_sim_age_on(s, d);

	switch (place)
	{
		case CL_PLACE_U1:
		case CL_PLACE_U4:
			m = 2600;			/* long-term foster */
			break;
		case CL_PLACE_U2:
		case CL_PLACE_U3:
		case CL_PLACE_U5:
		case CL_PLACE_U6:
			m = 1500;
			break;
		case CL_PLACE_K2:
			m = 750;
			break;
		case CL_PLACE_K3:
		case CL_PLACE_H5:
			m = 700;
			break;
		case CL_PLACE_K1:
		case CL_PLACE_R5:
			m = 120;
			break;
		case CL_PLACE_R3:
			m = 110;
			break;
		case CL_PLACE_P1:
			m = 3000;
			break;
		default:
			m = 700;
	}
	if (age >= 10)
		m *= 0.8;
	return m * s->moves;
}

/* REASON_PLACE_CHANGE of a move (not a change of placement status). */
int
cl_sim_move_reason(cl_sim *s, cl_date d)
{
	int			year = cl_sim_year(s, d);
	cl_sim_wcode		c[] = {{CL_RPC_CARPL, 17}, {CL_RPC_PLACE, 13}, {CL_RPC_CLOSE, 1.2}, {CL_RPC_ALLEG, 1.2},
	{CL_RPC_STAND, 1.2}, {CL_RPC_APPRR, 0.4}, {CL_RPC_CREQB, 10}, {CL_RPC_CREQO, 7.5},
	{CL_RPC_CHILD, 3.7}, {CL_RPC_LAREQ, 1.2},
	{CL_RPC_CUSTOD, cl_sim_age_on(s, d) >= 10 ? 0.5 : 0}, {CL_RPC_OTHER, 27}};

	return cl_sim_pick_code(s, CL_LIST_PLACEMENT_CHANGE_REASON, c, CL_SIM_NW(c), year);
}

/* REC on leaving care by a route, on date d from placement place. */
int
cl_sim_exit_reason(cl_sim *s, cl_sim_route route, int place, cl_date d)
{
	int			year = cl_sim_year(s, d);
	int			age = cl_sim_age_on(s, d);

	switch (route)
	{
		case CL_ROUTE_HOME:
			return cl_sim_chance(s, 0.75) ? CL_REC_E4A : CL_REC_E4B;
		case CL_ROUTE_ADOPT:
			return cl_sim_chance(s, 0.35) ? CL_REC_E11 : CL_REC_E12;
		case CL_ROUTE_SGO:
			{
				bool		former_carer;
				bool		relative;

				if (place >= CL_PLACE_U1 && place <= CL_PLACE_U3)
					former_carer = true, relative = true;
				else if (cl_sim_is_foster(place) && cl_sim_chance(s, 0.45))
					former_carer = true, relative = false;
				else
					former_carer = false, relative = cl_sim_chance(s, 0.7);
				if (!cl_code_valid_in_year(CL_LIST_CEASED_REASON, CL_REC_E45, year))
					return former_carer ? CL_REC_E43 : CL_REC_E44;
				if (former_carer)
					return relative ? CL_REC_E45 : CL_REC_E46;
				return relative ? CL_REC_E47 : CL_REC_E48;
			}
		case CL_ROUTE_CAO:
			return CL_REC_E41;
		case CL_ROUTE_REL:
			return CL_REC_E13;
		case CL_ROUTE_INDEP:
			return cl_sim_chance(s, 0.6) ? CL_REC_E5 : CL_REC_E6;
		case CL_ROUTE_CUSTODY:
			return cl_sim_chance(s, 0.6) ? CL_REC_E14 : CL_REC_E9;
		case CL_ROUTE_AGE18:
			if (cl_sim_is_foster(place) && cl_sim_chance(s, 0.6))
				return CL_REC_E17;	/* staying put */
			if (cl_sim_is_foster(place))
				return (int[]) {CL_REC_E8, CL_REC_E5, CL_REC_E6}[cl_sim_pick(s, (const double[]) {50, 35, 15}, 3)];
			return (int[]) {CL_REC_E8, CL_REC_E5, CL_REC_E6, CL_REC_E7}
			[cl_sim_pick(s, (const double[]) {45, 35, 15, s->cin == CL_CIN_N2 ? 20 : 3}, 4)];
		default:
			if (s->uasc)
				return (int[]) {CL_REC_E15, CL_REC_E16, CL_REC_E8}[cl_sim_pick(s, (const double[]) {40, 10, 50}, 3)];
			return (int[]) {CL_REC_E8, CL_REC_E3, CL_REC_E16, CL_REC_E2}
			[cl_sim_pick(s, (const double[]) {75, 16, 8, age < 1 ? 3 : 1}, 4)];
	}
}
