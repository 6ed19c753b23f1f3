/* Unit tests of codes.c: every code of every list, indexes, parsing, years, groups. */
#include "tap.h"
#include "codes.h"

#include <stdlib.h>

typedef struct
{
	cl_code_list list;
	const char *text;
	int			index;
} expect;

/* The stable on-disk indexes, spelled out independently of codes.c's tables. */
static const expect all[] = {
	{CL_LIST_LEGAL_STATUS, "C1", CL_LS_C1}, {CL_LIST_LEGAL_STATUS, "C2", CL_LS_C2},
	{CL_LIST_LEGAL_STATUS, "D1", CL_LS_D1}, {CL_LIST_LEGAL_STATUS, "E1", CL_LS_E1},
	{CL_LIST_LEGAL_STATUS, "V2", CL_LS_V2}, {CL_LIST_LEGAL_STATUS, "V3", CL_LS_V3},
	{CL_LIST_LEGAL_STATUS, "V4", CL_LS_V4}, {CL_LIST_LEGAL_STATUS, "L1", CL_LS_L1},
	{CL_LIST_LEGAL_STATUS, "L2", CL_LS_L2}, {CL_LIST_LEGAL_STATUS, "L3", CL_LS_L3},
	{CL_LIST_LEGAL_STATUS, "J1", CL_LS_J1}, {CL_LIST_LEGAL_STATUS, "J2", CL_LS_J2},
	{CL_LIST_LEGAL_STATUS, "J3", CL_LS_J3},

	{CL_LIST_NEW_EPISODE_REASON, "S", CL_RNE_S}, {CL_LIST_NEW_EPISODE_REASON, "L", CL_RNE_L},
	{CL_LIST_NEW_EPISODE_REASON, "P", CL_RNE_P}, {CL_LIST_NEW_EPISODE_REASON, "T", CL_RNE_T},
	{CL_LIST_NEW_EPISODE_REASON, "B", CL_RNE_B}, {CL_LIST_NEW_EPISODE_REASON, "U", CL_RNE_U},

	{CL_LIST_PLACEMENT_TYPE, "A3", CL_PLACE_A3}, {CL_LIST_PLACEMENT_TYPE, "A4", CL_PLACE_A4},
	{CL_LIST_PLACEMENT_TYPE, "A5", CL_PLACE_A5}, {CL_LIST_PLACEMENT_TYPE, "A6", CL_PLACE_A6},
	{CL_LIST_PLACEMENT_TYPE, "H5", CL_PLACE_H5}, {CL_LIST_PLACEMENT_TYPE, "K1", CL_PLACE_K1},
	{CL_LIST_PLACEMENT_TYPE, "K2", CL_PLACE_K2}, {CL_LIST_PLACEMENT_TYPE, "K3", CL_PLACE_K3},
	{CL_LIST_PLACEMENT_TYPE, "P1", CL_PLACE_P1}, {CL_LIST_PLACEMENT_TYPE, "P2", CL_PLACE_P2},
	{CL_LIST_PLACEMENT_TYPE, "P3", CL_PLACE_P3}, {CL_LIST_PLACEMENT_TYPE, "R1", CL_PLACE_R1},
	{CL_LIST_PLACEMENT_TYPE, "R2", CL_PLACE_R2}, {CL_LIST_PLACEMENT_TYPE, "R3", CL_PLACE_R3},
	{CL_LIST_PLACEMENT_TYPE, "R5", CL_PLACE_R5}, {CL_LIST_PLACEMENT_TYPE, "S1", CL_PLACE_S1},
	{CL_LIST_PLACEMENT_TYPE, "T0", CL_PLACE_T0}, {CL_LIST_PLACEMENT_TYPE, "T1", CL_PLACE_T1},
	{CL_LIST_PLACEMENT_TYPE, "T2", CL_PLACE_T2}, {CL_LIST_PLACEMENT_TYPE, "T3", CL_PLACE_T3},
	{CL_LIST_PLACEMENT_TYPE, "T4", CL_PLACE_T4}, {CL_LIST_PLACEMENT_TYPE, "U1", CL_PLACE_U1},
	{CL_LIST_PLACEMENT_TYPE, "U2", CL_PLACE_U2}, {CL_LIST_PLACEMENT_TYPE, "U3", CL_PLACE_U3},
	{CL_LIST_PLACEMENT_TYPE, "U4", CL_PLACE_U4}, {CL_LIST_PLACEMENT_TYPE, "U5", CL_PLACE_U5},
	{CL_LIST_PLACEMENT_TYPE, "U6", CL_PLACE_U6}, {CL_LIST_PLACEMENT_TYPE, "Z1", CL_PLACE_Z1},
	{CL_LIST_PLACEMENT_TYPE, "Z11", CL_PLACE_Z11}, {CL_LIST_PLACEMENT_TYPE, "Z12", CL_PLACE_Z12},
	{CL_LIST_PLACEMENT_TYPE, "Z13", CL_PLACE_Z13}, {CL_LIST_PLACEMENT_TYPE, "Z14", CL_PLACE_Z14},

	{CL_LIST_CEASED_REASON, "X1", CL_REC_X1}, {CL_LIST_CEASED_REASON, "E11", CL_REC_E11},
	{CL_LIST_CEASED_REASON, "E12", CL_REC_E12}, {CL_LIST_CEASED_REASON, "E2", CL_REC_E2},
	{CL_LIST_CEASED_REASON, "E3", CL_REC_E3}, {CL_LIST_CEASED_REASON, "E4A", CL_REC_E4A},
	{CL_LIST_CEASED_REASON, "E4B", CL_REC_E4B}, {CL_LIST_CEASED_REASON, "E13", CL_REC_E13},
	{CL_LIST_CEASED_REASON, "E41", CL_REC_E41}, {CL_LIST_CEASED_REASON, "E45", CL_REC_E45},
	{CL_LIST_CEASED_REASON, "E46", CL_REC_E46}, {CL_LIST_CEASED_REASON, "E47", CL_REC_E47},
	{CL_LIST_CEASED_REASON, "E48", CL_REC_E48}, {CL_LIST_CEASED_REASON, "E43", CL_REC_E43},
	{CL_LIST_CEASED_REASON, "E44", CL_REC_E44}, {CL_LIST_CEASED_REASON, "E5", CL_REC_E5},
	{CL_LIST_CEASED_REASON, "E6", CL_REC_E6}, {CL_LIST_CEASED_REASON, "E7", CL_REC_E7},
	{CL_LIST_CEASED_REASON, "E9", CL_REC_E9}, {CL_LIST_CEASED_REASON, "E14", CL_REC_E14},
	{CL_LIST_CEASED_REASON, "E15", CL_REC_E15}, {CL_LIST_CEASED_REASON, "E16", CL_REC_E16},
	{CL_LIST_CEASED_REASON, "E17", CL_REC_E17}, {CL_LIST_CEASED_REASON, "E8", CL_REC_E8},

	{CL_LIST_NEED_CATEGORY, "N1", CL_CIN_N1}, {CL_LIST_NEED_CATEGORY, "N2", CL_CIN_N2},
	{CL_LIST_NEED_CATEGORY, "N3", CL_CIN_N3}, {CL_LIST_NEED_CATEGORY, "N4", CL_CIN_N4},
	{CL_LIST_NEED_CATEGORY, "N5", CL_CIN_N5}, {CL_LIST_NEED_CATEGORY, "N6", CL_CIN_N6},
	{CL_LIST_NEED_CATEGORY, "N7", CL_CIN_N7}, {CL_LIST_NEED_CATEGORY, "N8", CL_CIN_N8},

	{CL_LIST_PLACEMENT_PROVIDER, "PR0", CL_PROVIDER_PR0}, {CL_LIST_PLACEMENT_PROVIDER, "PR1", CL_PROVIDER_PR1},
	{CL_LIST_PLACEMENT_PROVIDER, "PR2", CL_PROVIDER_PR2}, {CL_LIST_PLACEMENT_PROVIDER, "PR3", CL_PROVIDER_PR3},
	{CL_LIST_PLACEMENT_PROVIDER, "PR4", CL_PROVIDER_PR4}, {CL_LIST_PLACEMENT_PROVIDER, "PR5", CL_PROVIDER_PR5},

	{CL_LIST_PLACEMENT_CHANGE_REASON, "CARPL", CL_RPC_CARPL}, {CL_LIST_PLACEMENT_CHANGE_REASON, "CLOSE", CL_RPC_CLOSE},
	{CL_LIST_PLACEMENT_CHANGE_REASON, "ALLEG", CL_RPC_ALLEG}, {CL_LIST_PLACEMENT_CHANGE_REASON, "STAND", CL_RPC_STAND},
	{CL_LIST_PLACEMENT_CHANGE_REASON, "APPRR", CL_RPC_APPRR}, {CL_LIST_PLACEMENT_CHANGE_REASON, "CREQB", CL_RPC_CREQB},
	{CL_LIST_PLACEMENT_CHANGE_REASON, "CREQO", CL_RPC_CREQO}, {CL_LIST_PLACEMENT_CHANGE_REASON, "CHILD", CL_RPC_CHILD},
	{CL_LIST_PLACEMENT_CHANGE_REASON, "LAREQ", CL_RPC_LAREQ}, {CL_LIST_PLACEMENT_CHANGE_REASON, "PLACE", CL_RPC_PLACE},
	{CL_LIST_PLACEMENT_CHANGE_REASON, "CUSTOD", CL_RPC_CUSTOD}, {CL_LIST_PLACEMENT_CHANGE_REASON, "OTHER", CL_RPC_OTHER},

	{CL_LIST_CONTACT_STATUS, "YES", CL_TOUCH_YES}, {CL_LIST_CONTACT_STATUS, "NO", CL_TOUCH_NO},
	{CL_LIST_CONTACT_STATUS, "DIED", CL_TOUCH_DIED}, {CL_LIST_CONTACT_STATUS, "REFU", CL_TOUCH_REFU},
	{CL_LIST_CONTACT_STATUS, "NREQ", CL_TOUCH_NREQ}, {CL_LIST_CONTACT_STATUS, "RHOM", CL_TOUCH_RHOM},

	{CL_LIST_LEAVER_ACTIVITY, "F1", CL_ACTIV_F1}, {CL_LIST_LEAVER_ACTIVITY, "P1", CL_ACTIV_P1},
	{CL_LIST_LEAVER_ACTIVITY, "F2", CL_ACTIV_F2}, {CL_LIST_LEAVER_ACTIVITY, "P2", CL_ACTIV_P2},
	{CL_LIST_LEAVER_ACTIVITY, "F3", CL_ACTIV_F3}, {CL_LIST_LEAVER_ACTIVITY, "P3", CL_ACTIV_P3},
	{CL_LIST_LEAVER_ACTIVITY, "F4", CL_ACTIV_F4}, {CL_LIST_LEAVER_ACTIVITY, "P4", CL_ACTIV_P4},
	{CL_LIST_LEAVER_ACTIVITY, "F5", CL_ACTIV_F5}, {CL_LIST_LEAVER_ACTIVITY, "P5", CL_ACTIV_P5},
	{CL_LIST_LEAVER_ACTIVITY, "G4", CL_ACTIV_G4}, {CL_LIST_LEAVER_ACTIVITY, "G5", CL_ACTIV_G5},
	{CL_LIST_LEAVER_ACTIVITY, "G6", CL_ACTIV_G6}, {CL_LIST_LEAVER_ACTIVITY, "0", CL_ACTIV_0},

	{CL_LIST_LEAVER_ACCOMMODATION, "0", CL_ACCOM_0},
	/* the rest of ACCOM is checked by formula below */
};

#define NALL ((int) (sizeof(all) / sizeof(all[0])))

static int
parse(cl_code_list l, const char *s)
{
	return cl_code_parse(l, s, strlen(s));
}

static void
lower(char *d, const char *s)
{
	for (; *s; s++, d++)
		*d = (*s >= 'A' && *s <= 'Z') ? (char) (*s - 'A' + 'a') : *s;
	*d = '\0';
}

int
main(void)
{
	static const int counts[CL_LIST_COUNT] = {13, 6, 32, 24, 8, 6, 12, 6, 14, 33};
	static const char *types[CL_LIST_COUNT] = {
		"legal_status", "new_episode_reason", "placement_type", "ceased_reason",
		"need_category", "placement_provider", "placement_change_reason",
		"contact_status", "leaver_activity", "leaver_accommodation"};
	static const char *fields[CL_LIST_COUNT] = {
		"LS", "RNE", "PLACE", "REC", "CIN", "PLACE_PROVIDER", "REASON_PLACE_CHANGE",
		"IN_TOUCH", "ACTIV", "ACCOM"};
	char		buf[256];

	/* list sizes and names */
	for (int l = 0; l < CL_LIST_COUNT; l++)
	{
		is_int(cl_code_count((cl_code_list) l), counts[l], "%s has %d codes", fields[l], counts[l]);
		is_str(cl_list_type_name((cl_code_list) l), types[l], "list %d type name", l);
		is_str(cl_list_field_name((cl_code_list) l), fields[l], "list %d field name", l);
	}
	ok(cl_code_count(CL_LIST_COUNT) == 0 && cl_list_type_name(CL_LIST_COUNT) == NULL,
	   "an unknown list has no codes and no name");

	/* every non-ACCOM code: index, round trip, trimmed and lower case */
	{
		int			bad = 0;

		for (int i = 0; i < NALL; i++)
		{
			char		low[16],
						padded[32];

			lower(low, all[i].text);
			snprintf(padded, sizeof padded, " \t%s \r\n", low);
			if (parse(all[i].list, all[i].text) != all[i].index ||
				parse(all[i].list, low) != all[i].index ||
				parse(all[i].list, padded) != all[i].index ||
				cl_code_text(all[i].list, all[i].index) == NULL ||
				strcmp(cl_code_text(all[i].list, all[i].index), all[i].text) != 0 ||
				cl_code_label(all[i].list, all[i].index) == NULL ||
				cl_code_label(all[i].list, all[i].index)[0] == '\0')
			{
				bad++;
				printf("# %s %s\n", fields[all[i].list], all[i].text);
			}
		}
		is_int(bad, 0, "%d spelled-out codes parse to their stable index, trimmed and in lower case, and round-trip", NALL);
	}

	/* ACCOM: 0, then letters x {1, 2} at CL_ACCOM_INDEX */
	{
		int			bad = 0,
					n = 1;

		for (int p = 0; p < 16; p++)
			for (int d = 1; d <= 2; d++)
			{
				char		code[3] = {CL_ACCOM_LETTERS[p], (char) ('0' + d), '\0'};
				char		low[3] = {(char) (CL_ACCOM_LETTERS[p] - 'A' + 'a'), code[1], '\0'};
				int			idx = CL_ACCOM_INDEX(p, d);

				n++;
				if (parse(CL_LIST_LEAVER_ACCOMMODATION, code) != idx ||
					parse(CL_LIST_LEAVER_ACCOMMODATION, low) != idx ||
					strcmp(cl_code_text(CL_LIST_LEAVER_ACCOMMODATION, idx), code) != 0 ||
					cl_accom_letter(idx) != code[0] ||
					cl_accom_suitable(idx) != (strchr("GHR", code[0]) ? -1 : d == 1 ? 1 : 0))
				{
					bad++;
					printf("# ACCOM %s\n", code);
				}
			}
		is_int(n, 33, "ACCOM has 0 plus 32 letter codes");
		is_int(bad, 0, "every ACCOM letter code parses to CL_ACCOM_INDEX, round-trips, has its letter and suitability");
		is_int(CL_ACCOM_INDEX(0, 1), 2, "B1 is index 2");
		is_int(CL_ACCOM_INDEX(15, 2), 33, "Z2 is index 33");
	}

	/* each list's texts are distinct and every index 1..n has text and label */
	for (int l = 0; l < CL_LIST_COUNT; l++)
	{
		int			bad = 0;

		for (int i = 1; i <= cl_code_count((cl_code_list) l); i++)
		{
			const char *t = cl_code_text((cl_code_list) l, i);

			if (t == NULL || parse((cl_code_list) l, t) != i || cl_code_label((cl_code_list) l, i) == NULL)
				bad++;
		}
		ok(bad == 0 && cl_code_text((cl_code_list) l, 0) == NULL &&
		   cl_code_text((cl_code_list) l, counts[l] + 1) == NULL &&
		   cl_code_label((cl_code_list) l, -1) == NULL,
		   "%s: indexes 1..n round-trip; 0, -1 and n+1 have no text or label", fields[l]);
	}

	/* bad text */
	is_int(parse(CL_LIST_LEGAL_STATUS, ""), 0, "empty text is not a code");
	is_int(parse(CL_LIST_LEGAL_STATUS, "   "), 0, "blank text is not a code");
	is_int(cl_code_parse(CL_LIST_LEGAL_STATUS, NULL, 0), 0, "NULL text is not a code");
	is_int(parse(CL_LIST_LEGAL_STATUS, "C3"), 0, "C3 is not a legal status");
	is_int(parse(CL_LIST_LEGAL_STATUS, "C 1"), 0, "inner space is not trimmed");
	is_int(parse(CL_LIST_LEGAL_STATUS, "C12"), 0, "C12 is not C1");
	is_int(parse(CL_LIST_LEGAL_STATUS, "C"), 0, "a prefix is not a code");
	is_int(cl_code_parse(CL_LIST_LEGAL_STATUS, "C1\0", 3), 0, "an embedded NUL is not trimmed");
	is_int(cl_code_parse(CL_LIST_LEGAL_STATUS, "C1X", 2), CL_LS_C1, "parsing stops at len");
	is_int(parse(CL_LIST_LEAVER_ACCOMMODATION, "00"), 0, "ACCOM 00 (leading zero) is not a code");
	is_int(parse(CL_LIST_LEAVER_ACCOMMODATION, "01"), 0, "ACCOM 01 is not a code");
	is_int(parse(CL_LIST_LEAVER_ACCOMMODATION, "A1"), 0, "ACCOM A1 is not a code");
	is_int(parse(CL_LIST_LEAVER_ACCOMMODATION, "B3"), 0, "ACCOM B3 is not a code");
	is_int(parse(CL_LIST_CEASED_REASON, "E99"), 0, "REC E99 (LIIA artefact) is not a code");
	is_int(parse(CL_LIST_PLACEMENT_CHANGE_REASON, "LIIAF"), 0, "LIIAF is not a code");
	is_int(parse(CL_LIST_PLACEMENT_CHANGE_REASON, "PCCHAN "), 0, "PCCHAN is not a placement change reason");
	is_int(parse(CL_LIST_PLACEMENT_CHANGE_REASON, "CUSTODY"), 0, "CUSTODY (7 letters) is not CUSTOD");
	is_int(parse(CL_LIST_PLACEMENT_CHANGE_REASON, " custod "), CL_RPC_CUSTOD, "' custod ' reads as CUSTOD");
	is_int(parse(CL_LIST_LEGAL_STATUS, "\xc3\xa9" "1"), 0, "non-ASCII text is not a code");
	is_int(parse(CL_LIST_COUNT, "C1"), 0, "an unknown list parses nothing");
	/* the same string in different lists */
	is_int(parse(CL_LIST_PLACEMENT_TYPE, "P1"), CL_PLACE_P1, "P1 is a placement");
	is_int(parse(CL_LIST_LEAVER_ACTIVITY, "P1"), CL_ACTIV_P1, "P1 is an activity");
	is_int(parse(CL_LIST_LEGAL_STATUS, "P1"), 0, "P1 is not a legal status");
	is_int(parse(CL_LIST_CEASED_REASON, "X1"), CL_REC_X1, "X1 is a reason ceased");
	is_int(parse(CL_LIST_LEAVER_ACCOMMODATION, "X1"), CL_ACCOM_INDEX(13, 1), "X1 is an accommodation (read)");

	/* years (reference 3.6) */
	ok(cl_code_valid_in_year(CL_LIST_CEASED_REASON, CL_REC_E43, 2018) &&
	   !cl_code_valid_in_year(CL_LIST_CEASED_REASON, CL_REC_E43, 2019), "E43 valid to 2017-18, not 2018-19");
	ok(cl_code_valid_in_year(CL_LIST_CEASED_REASON, CL_REC_E44, 2010) &&
	   !cl_code_valid_in_year(CL_LIST_CEASED_REASON, CL_REC_E44, 2024), "E44 valid 2010, not 2024");
	ok(!cl_code_valid_in_year(CL_LIST_CEASED_REASON, CL_REC_E45, 2018) &&
	   cl_code_valid_in_year(CL_LIST_CEASED_REASON, CL_REC_E48, 2019) &&
	   cl_code_valid_in_year(CL_LIST_CEASED_REASON, CL_REC_E46, 2030), "E45-E48 from 2018-19");
	ok(!cl_code_valid_in_year(CL_LIST_PLACEMENT_CHANGE_REASON, CL_RPC_CUSTOD, 2018) &&
	   cl_code_valid_in_year(CL_LIST_PLACEMENT_CHANGE_REASON, CL_RPC_CUSTOD, 2019), "CUSTOD from 2018-19");
	ok(cl_code_valid_in_year(CL_LIST_LEAVER_ACTIVITY, CL_ACTIV_F3, 2021) &&
	   !cl_code_valid_in_year(CL_LIST_LEAVER_ACTIVITY, CL_ACTIV_P3, 2022), "F3/P3 to 2020-21");
	ok(!cl_code_valid_in_year(CL_LIST_LEAVER_ACTIVITY, CL_ACTIV_F4, 2021) &&
	   cl_code_valid_in_year(CL_LIST_LEAVER_ACTIVITY, CL_ACTIV_P5, 2022), "F4..P5 from 2021-22");
	ok(cl_code_valid_in_year(CL_LIST_PLACEMENT_TYPE, CL_PLACE_P2, 2025) &&
	   !cl_code_valid_in_year(CL_LIST_PLACEMENT_TYPE, CL_PLACE_P2, 2026) &&
	   cl_code_valid_in_year(CL_LIST_PLACEMENT_TYPE, CL_PLACE_H5, 2025) &&
	   !cl_code_valid_in_year(CL_LIST_PLACEMENT_TYPE, CL_PLACE_H5, 2026), "P2 and H5 last in 2024-25 (choice)");
	ok(!cl_code_valid_in_year(CL_LIST_PLACEMENT_TYPE, CL_PLACE_K3, 2024) &&
	   cl_code_valid_in_year(CL_LIST_PLACEMENT_TYPE, CL_PLACE_K3, 2025), "K3 from 2024-25");
	ok(cl_code_valid_in_year(CL_LIST_PLACEMENT_TYPE, CL_PLACE_Z1, 2025) &&
	   !cl_code_valid_in_year(CL_LIST_PLACEMENT_TYPE, CL_PLACE_Z1, 2026) &&
	   !cl_code_valid_in_year(CL_LIST_PLACEMENT_TYPE, CL_PLACE_Z11, 2025) &&
	   cl_code_valid_in_year(CL_LIST_PLACEMENT_TYPE, CL_PLACE_Z14, 2026), "Z1 to 2024-25, Z11-Z14 from 2025-26");
	ok(!cl_code_valid_in_year(CL_LIST_LEAVER_ACCOMMODATION, CL_ACCOM_INDEX(8, 1), 2020) &&
	   !cl_code_valid_in_year(CL_LIST_LEAVER_ACCOMMODATION, CL_ACCOM_INDEX(13, 1), 2020) &&
	   cl_code_valid_in_year(CL_LIST_LEAVER_ACCOMMODATION, CL_ACCOM_INDEX(8, 2), 2020) &&
	   cl_code_valid_in_year(CL_LIST_LEAVER_ACCOMMODATION, CL_ACCOM_INDEX(13, 2), 2020),
	   "ACCOM S1 and X1 never valid; S2, X2 valid");
	ok(!cl_code_ever_valid(CL_LIST_LEAVER_ACCOMMODATION, CL_ACCOM_INDEX(8, 1)) &&
	   cl_code_ever_valid(CL_LIST_LEAVER_ACCOMMODATION, CL_ACCOM_0) &&
	   !cl_code_ever_valid(CL_LIST_LEGAL_STATUS, 0), "cl_code_ever_valid");
	ok(cl_code_valid_in_year(CL_LIST_LEGAL_STATUS, CL_LS_C2, 1990) &&
	   cl_code_valid_in_year(CL_LIST_LEGAL_STATUS, CL_LS_D1, 2024) &&
	   !cl_code_valid_in_year(CL_LIST_LEGAL_STATUS, 0, 2024) &&
	   !cl_code_valid_in_year(CL_LIST_LEGAL_STATUS, 14, 2024), "unbounded codes always valid; bad index never");
	is_int(cl_code_first_year(CL_LIST_PLACEMENT_TYPE, CL_PLACE_K3), 2025, "K3 first year 2025");
	is_int(cl_code_last_year(CL_LIST_PLACEMENT_TYPE, CL_PLACE_K3), 0, "K3 no last year");
	is_int(cl_code_last_year(CL_LIST_CEASED_REASON, CL_REC_E44), 2018, "E44 last year 2018");
	is_int(cl_code_first_year(CL_LIST_LEGAL_STATUS, 99), 0, "bad index: first year 0");

	/* groups */
	{
		int			sb = 0,
					temp = 0;

		for (int i = 1; i <= 13; i++)
			sb += cl_ls_is_short_break(i);
		for (int i = 1; i <= 32; i++)
			temp += cl_place_is_temporary(i);
		ok(sb == 2 && cl_ls_is_short_break(CL_LS_V3) && cl_ls_is_short_break(CL_LS_V4), "short breaks are V3, V4 only");
		ok(temp == 5 && cl_place_is_temporary(CL_PLACE_T0) && cl_place_is_temporary(CL_PLACE_T4), "temporary placements are T0..T4 only");
	}
	ok(cl_rne_starts_placement(CL_RNE_S) && cl_rne_starts_placement(CL_RNE_P) &&
	   cl_rne_starts_placement(CL_RNE_T) && cl_rne_starts_placement(CL_RNE_B) &&
	   cl_rne_starts_placement(CL_RNE_U) && !cl_rne_starts_placement(CL_RNE_L) &&
	   !cl_rne_starts_placement(0), "placements start at S, P, T, B, U");
	ok(cl_rne_starts_carer_spell(CL_RNE_S) && cl_rne_starts_carer_spell(CL_RNE_P) &&
	   cl_rne_starts_carer_spell(CL_RNE_B) && !cl_rne_starts_carer_spell(CL_RNE_T) &&
	   !cl_rne_starts_carer_spell(CL_RNE_U) && !cl_rne_starts_carer_spell(CL_RNE_L), "carer spells start at S, P, B");
	is_str(cl_ls_group(CL_LS_C1), "Care orders", "C1 group");
	is_str(cl_ls_group(CL_LS_D1), "Placement order granted", "D1 group");
	is_str(cl_ls_group(CL_LS_V2), "Voluntary agreements under s20", "V2 group");
	is_str(cl_ls_group(CL_LS_L2), "Detained for child protection", "L2 group");
	is_str(cl_ls_group(CL_LS_J3), "Youth justice legal statuses", "J3 group");
	ok(cl_ls_group(0) == NULL, "no group for index 0");
	is_str(cl_place_group(CL_PLACE_U3), "Foster placements", "U3 group");
	is_str(cl_place_group(CL_PLACE_A5), "Placed for adoption", "A5 group");
	is_str(cl_place_group(CL_PLACE_P3), "Other placements in the community", "P3 group");
	is_str(cl_place_group(CL_PLACE_K1), "Secure homes and children's homes", "K1 group");
	is_str(cl_place_group(CL_PLACE_R5), "Other residential settings", "R5 group");
	is_str(cl_place_group(CL_PLACE_Z13), "Other placements", "Z13 group");
	is_str(cl_rec_group(CL_REC_E4B), "Returned home to live with parents or relatives", "E4B group");
	is_str(cl_rec_group(CL_REC_E12), "Adopted", "E12 group");
	is_str(cl_rec_group(CL_REC_E43), "Special guardianship order", "E43 group");
	is_str(cl_rec_group(CL_REC_E41), "Residence order or child arrangements order", "E41 group");
	is_str(cl_rec_group(CL_REC_E6), "Moved into independent living", "E6 group");
	is_str(cl_rec_group(CL_REC_E8), "Other reason", "E8 group");
	{
		int			adopt = 0,
					sgo = 0,
					home = 0,
					cao = 0,
					fam = 0;

		for (int i = 1; i <= 24; i++)
		{
			adopt += cl_rec_is_adoption(i);
			sgo += cl_rec_is_sgo(i);
			home += cl_rec_is_returned_home(i);
			cao += cl_rec_is_home_or_cao(i);
			fam += cl_rec_is_family_exit(i);
		}
		ok(adopt == 2 && cl_rec_is_adoption(CL_REC_E11) && cl_rec_is_adoption(CL_REC_E12), "adoption: E11, E12");
		ok(sgo == 6 && cl_rec_is_sgo(CL_REC_E43) && cl_rec_is_sgo(CL_REC_E44) && cl_rec_is_sgo(CL_REC_E45) &&
		   cl_rec_is_sgo(CL_REC_E48), "SGO: E43..E48");
		ok(home == 2 && cl_rec_is_returned_home(CL_REC_E4A) && cl_rec_is_returned_home(CL_REC_E4B), "returned home: E4A, E4B");
		ok(cao == 3 && cl_rec_is_home_or_cao(CL_REC_E41), "home or CAO: E4A, E4B, E41");
		ok(fam == 4 && cl_rec_is_family_exit(CL_REC_E13) && cl_rec_is_family_exit(CL_REC_E41), "family exit: E4A, E4B, E13, E41");
	}
	{
		const char *eet = "F1 P1 F2 P2 F3 P3 F4 P4 F5 P5";
		int			bad = 0;

		for (int i = 1; i <= 14; i++)
		{
			const char *t = cl_code_text(CL_LIST_LEAVER_ACTIVITY, i);
			cl_activity_class want = strstr(eet, t) ? CL_ACTIVITY_EET :
				t[0] == 'G' ? CL_ACTIVITY_NEET : CL_ACTIVITY_NOT_KNOWN;

			if (cl_activ_class(i) != want)
				bad++;
		}
		is_int(bad, 0, "activity classes: F/P EET, G NEET, 0 not known");
		is_int(cl_activ_class(CL_ACTIV_0), CL_ACTIVITY_NOT_KNOWN, "0 is not known");
		is_int(cl_activ_class(CL_ACTIV_G6), CL_ACTIVITY_NEET, "G6 is NEET");
		is_int(cl_activ_class(0), 0, "index 0 has no class");
		is_str(cl_activity_class_name(CL_ACTIVITY_NOT_KNOWN), "not known", "class name");
		is_str(cl_code_group(CL_LIST_LEAVER_ACTIVITY, CL_ACTIV_F5), "EET", "F5 group EET");
		ok(cl_activ_is_higher_education(CL_ACTIV_F1) && cl_activ_is_higher_education(CL_ACTIV_P1) &&
		   !cl_activ_is_higher_education(CL_ACTIV_F2), "higher education F1, P1");
		ok(cl_activ_is_apprenticeship(CL_ACTIV_F4) && cl_activ_is_apprenticeship(CL_ACTIV_P4) &&
		   !cl_activ_is_apprenticeship(CL_ACTIV_F5), "apprenticeship F4, P4");
	}
	is_int(cl_accom_letter(CL_ACCOM_0), 0, "ACCOM 0 has no letter");
	is_int(cl_accom_suitable(CL_ACCOM_0), -1, "ACCOM 0 suitability unknown");
	is_int(cl_accom_suitable(0), -1, "bad index suitability unknown");
	{
		const char *out_of_measure[] = {"G1", "G2", "H1", "H2", "R1", "R2"};
		int			counted = 0;

		for (int i = 0; i < 6; i++)
			counted += cl_accom_suitable(parse(CL_LIST_LEAVER_ACCOMMODATION, out_of_measure[i])) != -1;
		is_int(counted, 0, "G1, G2, H1, H2, R1, R2 are out of DfE's suitability measure");
		is_int(cl_accom_suitable(parse(CL_LIST_LEAVER_ACCOMMODATION, "U1")), 1, "U1 suitable");
		is_int(cl_accom_suitable(parse(CL_LIST_LEAVER_ACCOMMODATION, "E2")), 0, "E2 unsuitable");
	}
	{
		/* DfE's published placement breakdown: every code has one */
		int			none = 0,
					kin = 0;

		for (int i = 1; i <= cl_code_count(CL_LIST_PLACEMENT_TYPE); i++)
		{
			none += cl_place_published_group(i) == NULL;
			kin += cl_place_is_kinship_foster(i);
		}
		is_int(none, 0, "every PLACE code has a published group");
		is_int(kin, 3, "three kinship foster codes");
		ok(cl_place_is_kinship_foster(CL_PLACE_U1) && cl_place_is_kinship_foster(CL_PLACE_U3) &&
		   !cl_place_is_kinship_foster(CL_PLACE_U4), "kinship foster: U1 to U3, not U4");
		is_str(cl_place_published_group(CL_PLACE_U6), "Foster placements", "U6 published group");
		is_str(cl_place_published_group(CL_PLACE_K2), "Secure homes and children's homes", "K2 published group");
		is_str(cl_place_published_group(CL_PLACE_H5),
			   "Independent and semi-independent living arrangements/supported accommodation", "H5 published group");
		is_str(cl_place_published_group(CL_PLACE_P2),
			   "Independent and semi-independent living arrangements/supported accommodation", "P2 published group");
		is_str(cl_place_published_group(CL_PLACE_K3),
			   "Independent and semi-independent living arrangements/supported accommodation", "K3 published group");
		is_str(cl_place_published_group(CL_PLACE_P3), "Other placements", "P3 published group");
		is_str(cl_place_published_group(CL_PLACE_T2), "Other placements", "T2 published group");
		is_str(cl_place_published_group(CL_PLACE_R3), "Other residential settings", "R3 published group");
		ok(cl_place_published_group(0) == NULL, "no published group for index 0");
	}
	is_int(cl_code_list_by_name("legal_status", 12), CL_LIST_LEGAL_STATUS, "list by type name");
	is_int(cl_code_list_by_name("accom", 5), CL_LIST_LEAVER_ACCOMMODATION, "list by field, any case");
	is_int(cl_code_list_by_name("LS_", 2), CL_LIST_LEGAL_STATUS, "list name is the given length");
	is_int(cl_code_list_by_name("ACCOMX", 6), -1, "unknown list");
	{
		int			hl = 0;

		for (int i = 1; i <= 33; i++)
			hl += cl_accom_is_homeless_or_insecure(i);
		ok(hl == 6 && cl_accom_is_homeless_or_insecure(parse(CL_LIST_LEAVER_ACCOMMODATION, "S2")) &&
		   cl_accom_is_homeless_or_insecure(parse(CL_LIST_LEAVER_ACCOMMODATION, "V1")) &&
		   cl_accom_is_homeless_or_insecure(parse(CL_LIST_LEAVER_ACCOMMODATION, "W2")) &&
		   !cl_accom_is_homeless_or_insecure(parse(CL_LIST_LEAVER_ACCOMMODATION, "X2")),
		   "homeless or insecure: S, V, W");
	}
	is_str(cl_accom_type_label(parse(CL_LIST_LEAVER_ACCOMMODATION, "Z1")), "With former foster carers", "Z type");
	is_str(cl_accom_type_label(parse(CL_LIST_LEAVER_ACCOMMODATION, "b2")), "With parents or relatives", "B type");
	ok(cl_accom_type_label(CL_ACCOM_0) == NULL, "ACCOM 0 has no type label");
	ok(cl_code_group(CL_LIST_NEED_CATEGORY, CL_CIN_N1) == NULL, "CIN has no groups");

	/* hints */
	cl_code_hint(CL_LIST_LEGAL_STATUS, "C3", 2, buf, sizeof buf);
	is_str(buf, "C1, C2, D1, E1, V2, V3, V4, L1, L2, L3, J1, J2, J3", "short list: the whole list");
	ok(cl_code_hint_is_full_list(CL_LIST_LEGAL_STATUS) && !cl_code_hint_is_full_list(CL_LIST_PLACEMENT_TYPE),
	   "LS hints the whole list, PLACE the closest codes");
	cl_code_hint(CL_LIST_PLACEMENT_TYPE, "Z15", 3, buf, sizeof buf);
	is_str(buf, "Z1, Z11, Z12, Z13, Z14, A5", "closest to Z15 (ties in list order)");
	cl_code_hint(CL_LIST_CEASED_REASON, " e4c ", 5, buf, sizeof buf);
	ok(strncmp(buf, "E4A, E4B", 8) == 0, "closest to e4c start E4A, E4B (%s)", buf);
	cl_code_hint(CL_LIST_LEAVER_ACCOMMODATION, "S3", 2, buf, sizeof buf);
	ok(strncmp(buf, "S1, S2", 6) == 0, "closest to S3 start S1, S2 (%s)", buf);
	cl_code_hint(CL_LIST_LEGAL_STATUS, "C3", 2, buf, 8);
	is_str(buf, "C1, C2,", "hint truncates to the buffer");
	cl_code_hint(CL_LIST_PLACEMENT_TYPE, "", 0, buf, sizeof buf);
	ok(strlen(buf) > 0, "a hint for empty text is not empty");
	buf[0] = 'x';
	cl_code_hint(CL_LIST_PLACEMENT_TYPE, "A", 1, buf, 1);
	is_int(buf[0], 0, "bufsize 1 gives an empty string");

	return tap_done();
}
