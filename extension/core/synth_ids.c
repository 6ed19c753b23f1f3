/*
 * synth_ids.c: councils, identifiers and header text of the synthetic
 * generator (see synth.h): LA codes, CHILD ids, UPNs, postcodes, URNs,
 * ETHNIC and SEX.
 */
#include "synth_internal.h"
#include "cin_codes.h"

#include <stdio.h>
#include <string.h>

static const char *const council_codes[] = {
	"213", "202", "203", "204", "205", "206", "207", "208", "209", "210",
	"211", "212", "301", "302", "303", "304", "305", "306", "307", "308",
	"309", "310", "311", "312", "313", "314", "315", "316", "317", "318",
	"319", "320", "330", "331", "332", "333", "334", "335", "336", "340",
	"341", "342", "343", "344", "350", "351", "352", "353", "354", "355",
	"356", "357", "358", "359", "370", "371", "372", "373", "380", "381",
	"382", "383", "384"
};

#define N_COUNCILS ((int) (sizeof(council_codes) / sizeof(council_codes[0])))

int
cl_synth_max_councils(void)
{
	return N_COUNCILS;
}

const char *
cl_synth_council_code(int council)
{
	if (council < 0 || council >= N_COUNCILS)
		return NULL;
	return council_codes[council];
}

/* ETHNIC codes (not one of the code types: the header keeps them as text). */
static const char *const ethnic_codes[] = {
	"WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH",
	"AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH",
	"REFU", "NOBT"
};
#define N_ETHNIC ((int) (sizeof(ethnic_codes) / sizeof(ethnic_codes[0])))

/* Weights (per 1000): White 71%, Mixed 10%, Black 7%, Asian 5%, other 5%. */
static const double ethnic_weights[N_ETHNIC] = {
	640, 6, 48, 4, 8, 34, 15, 14, 37,
	6, 14, 6, 14, 14, 28, 14, 2, 38,
	3, 9
};
static const double ethnic_weights_uasc[N_ETHNIC] = {
	0, 0, 120, 0, 0, 0, 0, 0, 20,
	0, 0, 0, 150, 0, 350, 60, 0, 250,
	0, 50
};

const char *
cl_synth_ethnic_text(int ethnic)
{
	if (ethnic < 0 || ethnic >= N_ETHNIC)
		return NULL;
	return ethnic_codes[ethnic];
}

const char *
cl_synth_sex_text(bool male, int year)
{
	if (year >= 2025)
		return male ? "M" : "F";
	return male ? "1" : "2";
}

void
cl_synth_child_id(const cl_synth_child *c, char *buf)
{
	snprintf(buf, CL_SYNTH_TEXT_LEN, "%07lld", (long long) c->number + 1);
}

/*
 * A UPN: check letter then 12 digits, the check letter computed as DfE's
 * (cl_upn_check_letter, core/cin_codes.c).  The 12 digits are a
 * bijection of the child number, so UPNs are unique.
 */
void
cl_synth_upn(const cl_synth_child *c, char *buf)
{
	uint64_t	v;

	if (c->upn_kind > 0)
	{
		snprintf(buf, CL_SYNTH_TEXT_LEN, "UN%d", c->upn_kind);
		return;
	}
	{
		/* n * 735918261537 + 201612345678 modulo 10^12, without overflow */
		const uint64_t million = UINT64_C(1000000);
		uint64_t	n = (uint64_t) c->number % (million * million);
		uint64_t	hi = (n % million) * UINT64_C(735918) % million;
		uint64_t	lo = (n % million) * UINT64_C(261537);

		v = (hi * million + lo + (n / million) * UINT64_C(261537) % million * million +
			 UINT64_C(201612345678)) % (million * million);
	}
	snprintf(buf + 1, 13, "%012llu", (unsigned long long) v);
	buf[0] = cl_upn_check_letter(buf, 13);
}

/* A postcode-shaped text ("LS12 3AB") for a setting or home number. */
void
cl_synth_postcode(uint32_t number, char *buf)
{
	static const char *const areas[] = {
		"B", "BD", "BL", "CV", "DN", "DY", "E", "HD", "HX", "L", "LS", "M",
		"N", "NW", "OL", "S", "SE", "SK", "SW", "W", "WA", "WF", "WN", "WV"
	};
	static const char units[] = "ABDEFGHJLNPQRSTUWXYZ";
	uint32_t	h = number * 2654435761u;

	snprintf(buf, CL_SYNTH_TEXT_LEN, "%s%u %u%c%c", areas[h % 24], 1 + (h >> 5) % 20,
			 (h >> 10) % 10, units[(h >> 14) % 20], units[(h >> 19) % 20]);
}

bool
cl_synth_urn(const cl_synth_episode *e, char *buf)
{
	switch (e->place)
	{
		case CL_PLACE_K1:
		case CL_PLACE_K2:
		case CL_PLACE_K3:
		case CL_PLACE_S1:
			break;
			/* H5 had no URN before 2023-24 and R1 never has one (DfE rule 222) */
		case CL_PLACE_U4:
		case CL_PLACE_U5:
		case CL_PLACE_U6:
			/* an independent or voluntary fostering agency */
			if (e->provider != CL_PROVIDER_PR4 && e->provider != CL_PROVIDER_PR5)
				return false;
			break;
		default:
			return false;
	}
	snprintf(buf, CL_SYNTH_TEXT_LEN, "SC%06u", 100000 + e->carer % 900000);
	return true;
}

int
cl_synth_collection_year(cl_date d)
{
	return cl_collection_year(d);
}


int
cl_sim_ethnic(cl_sim *s)
{
	return cl_sim_pick(s, s->uasc ? ethnic_weights_uasc : ethnic_weights, N_ETHNIC);
}
