/*
 * synth.c: the synthetic council generator (see synth.h and doc/synthetic.md).
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
 * placement is open (H5, P2, Z1) is recoded on 1 April of the first year it is
 * no longer valid (a new episode, RNE T, reason PLACE).
 */
#include "synth.h"

#include <stdio.h>
#include <string.h>

#include "codes.h"
#include "history.h"
#include "leavers.h"

/* ------------------------------------------------------------------------ */
/* Random numbers: xoshiro256** seeded through splitmix64.                  */

static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t	z = (*x += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

void
cl_synth_rng_seed(cl_synth_rng *r, int64_t seed, int64_t stream)
{
	uint64_t	x = (uint64_t) seed;
	uint64_t	y;

	y = splitmix64(&x);
	x = y ^ ((uint64_t) stream * UINT64_C(0xD1B54A32D192ED03));
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static inline uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t
cl_synth_rng_next(cl_synth_rng *r)
{
	uint64_t   *s = r->s;
	uint64_t	result = rotl(s[1] * 5, 7) * 9;
	uint64_t	t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

double
cl_synth_rng_unit(cl_synth_rng *r)
{
	return (double) (cl_synth_rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* ------------------------------------------------------------------------ */
/* Councils and header text.                                                */

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
 * (weights 2..13 on characters 2..13, modulo 23).  The 12 digits are a
 * bijection of the child number, so UPNs are unique.
 */
void
cl_synth_upn(const cl_synth_child *c, char *buf)
{
	static const char letters[] = "ABCDEFGHJKLMNPQRTUVWXYZ";
	uint64_t	v;
	char		digits[13];
	int			sum = 0;

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
	snprintf(digits, sizeof(digits), "%012llu", (unsigned long long) v);
	for (int i = 0; i < 12; i++)
		sum += (digits[i] - '0') * (i + 2);
	buf[0] = letters[sum % 23];
	memcpy(buf + 1, digits, 13);
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
		case CL_PLACE_H5:
		case CL_PLACE_S1:
		case CL_PLACE_R1:
			break;
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
	if (p->councils < 1 || p->councils > N_COUNCILS)
	{
		snprintf(msg, msgsize, "councils must be between 1 and %d", N_COUNCILS);
		return false;
	}
	return true;
}

/* ------------------------------------------------------------------------ */
/* Simulation state and helpers.                                            */

#define RAW_MAX 160
#define DAYS_IN_YEAR 365.25

typedef struct sim
{
	cl_synth_rng r;
	const cl_synth_params *p;
	cl_date		w0;				/* 1 April starting the first collection year */
	cl_date		w1;				/* 31 March ending the last: the data end */
	cl_date		dob;
	bool		uasc;
	bool		male;
	int			cin;
	double		moves;			/* this child's scale of the time between moves */
	int			n;
	/* caches of the last collection year and age looked up */
	cl_date		cy_from,
				cy_to;
	int			cy_year;
	cl_date		age_from,
				age_to;
	int			age_years;
	cl_synth_episode raw[RAW_MAX];
} sim;

static inline double
unit(sim *s)
{
	return cl_synth_rng_unit(&s->r);
}

static inline bool
chance(sim *s, double p)
{
	return unit(s) < p;
}

/* Uniform integer in [0, n). */
static inline int
rint_n(sim *s, int n)
{
	return n <= 1 ? 0 : (int) (unit(s) * n);
}

/*
 * Natural logarithm of x in (0, 1] with basic IEEE arithmetic only (no libm),
 * so that the draws, hence the data, are the same on every platform:
 * x = m * 2^e with m in [0.5, 1), log m = 2 atanh((m - 1) / (m + 1)).
 */
static double
portable_log(double x)
{
	int			e = 0;
	double		z,
				z2,
				term,
				sum = 0;

	while (x < 0.5)
	{
		x *= 2;
		e--;
	}
	z = (x - 1) / (x + 1);
	z2 = z * z;
	term = z;
	for (int k = 1; k < 60; k += 2)
	{
		sum += term / k;
		term *= z2;
	}
	return 2 * sum + e * 0.69314718055994530942;
}

static inline int
expo_days(sim *s, double mean)
{
	double		x = -mean * portable_log(1.0 - unit(s));

	return x > 20000 ? 20000 : (int) x + 1;
}

/* Index of a weighted choice among n weights. */
static int
pick(sim *s, const double *w, int n)
{
	double		total = 0,
				x;

	for (int i = 0; i < n; i++)
		total += w[i];
	x = unit(s) * total;
	for (int i = 0; i < n; i++)
	{
		if (x < w[i])
			return i;
		x -= w[i];
	}
	for (int i = n - 1; i >= 0; i--)
		if (w[i] > 0)
			return i;
	return 0;
}

/* A code from (code, weight) pairs among those valid in a year. */
typedef struct wcode
{
	int			code;
	double		w;
} wcode;

static int
pick_code(sim *s, cl_code_list list, const wcode *c, int n, int year)
{
	double		w[32];

	for (int i = 0; i < n && i < 32; i++)
		w[i] = cl_code_valid_in_year(list, c[i].code, year) ? c[i].w : 0;
	return c[pick(s, w, n < 32 ? n : 32)].code;
}

#define NW(a) ((int) (sizeof(a) / sizeof((a)[0])))

static inline int
age_on(sim *s, cl_date d)
{
	if (d < s->age_from || d >= s->age_to)
	{
		s->age_years = cl_age_on(s->dob, d);
		s->age_from = cl_birthday(s->dob, s->age_years);
		s->age_to = cl_birthday(s->dob, s->age_years + 1);
	}
	return s->age_years;
}

/* The collection year of d (cl_synth_collection_year, cached). */
static inline int
coll_year(sim *s, cl_date d)
{
	if (d < s->cy_from || d > s->cy_to)
	{
		s->cy_year = cl_synth_collection_year(d);
		s->cy_from = cl_year_start(s->cy_year);
		s->cy_to = cl_year_end(s->cy_year);
	}
	return s->cy_year;
}

/* ------------------------------------------------------------------------ */
/* Codes by situation.                                                      */

enum route
{
	R_HOME, R_ADOPT, R_SGO, R_CAO, R_REL, R_AGE18, R_INDEP, R_CUSTODY, R_OTHER,
	R_COUNT
};

static int
choose_route(sim *s, int age)
{
	static const double by_age[6][R_COUNT] = {
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
		static const double u[R_COUNT] = {0, 0, 0, 0, 0, 85, 5, 0, 10};

		return pick(s, u, R_COUNT);
	}
	return pick(s, by_age[band], R_COUNT);
}

static int
initial_ls(sim *s, int age, int route)
{
	if (s->uasc)
		return CL_LS_V2;
	if (route == R_CUSTODY)
		return CL_LS_J1;
	if (route == R_ADOPT)
		return (int[]) {CL_LS_C1, CL_LS_L2, CL_LS_L1, CL_LS_V2}[pick(s, (const double[]) {70, 15, 5, 10}, 4)];
	if (age < 1)
		return (int[]) {CL_LS_C1, CL_LS_V2, CL_LS_L2, CL_LS_L1}[pick(s, (const double[]) {50, 30, 10, 10}, 4)];
	if (age < 10)
		return (int[]) {CL_LS_C1, CL_LS_V2, CL_LS_L1, CL_LS_L2}[pick(s, (const double[]) {40, 40, 14, 6}, 4)];
	if (age < 16)
		return (int[]) {CL_LS_V2, CL_LS_C1, CL_LS_L1}[pick(s, (const double[]) {55, 30, 15}, 3)];
	return (int[]) {CL_LS_V2, CL_LS_C1, CL_LS_L1}[pick(s, (const double[]) {80, 12, 8}, 3)];
}

static bool
is_foster(int place)
{
	return place >= CL_PLACE_U1 && place <= CL_PLACE_U6;
}

static bool
is_adoption_place(int place)
{
	return place >= CL_PLACE_A3 && place <= CL_PLACE_A6;
}

/*
 * A placement type for a placement starting on d.  The P2 date rule (not for
 * placements from 28 October 2023, rule 217t) is a rule on episode dates, so
 * it is applied here rather than in the code list.
 */
static int
choose_place(sim *s, cl_date d, int ls, int route)
{
	int			age = age_on(s, d);
	int			year = coll_year(s, d);
	bool		p2_ok = d < cl_date_from_ymd(2023, 10, 28);
	bool		parents_ok = (ls == CL_LS_C1 || ls == CL_LS_C2) && route != R_ADOPT;
	int			place;

	if (ls == CL_LS_J1)
	{
		wcode		c[] = {{CL_PLACE_R5, 30}, {CL_PLACE_K1, 20}, {CL_PLACE_K2, 30}, {CL_PLACE_U6, 20}};

		return pick_code(s, CL_LIST_PLACEMENT_TYPE, c, NW(c), year);
	}
	if (ls == CL_LS_L1 || ls == CL_LS_L2)
	{
		wcode		c[] = {{CL_PLACE_U6, 80}, {CL_PLACE_U3, 12}, {CL_PLACE_K2, age >= 10 ? 8 : 0}};

		return pick_code(s, CL_LIST_PLACEMENT_TYPE, c, NW(c), year);
	}
	if (s->uasc)
	{
		wcode		c[] = {{CL_PLACE_U6, age < 16 ? 65 : 30}, {CL_PLACE_U4, age < 16 ? 10 : 3},
		{CL_PLACE_K2, age < 16 ? 20 : 10}, {CL_PLACE_H5, age >= 16 ? 55 : 0},
		{CL_PLACE_K3, age >= 16 ? 55 : 0}, {CL_PLACE_U3, 2}};

		return pick_code(s, CL_LIST_PLACEMENT_TYPE, c, NW(c), year);
	}
	if (age < 1)
	{
		wcode		c[] = {{CL_PLACE_U6, 52}, {CL_PLACE_U4, 3}, {CL_PLACE_U3, 20}, {CL_PLACE_U1, 2},
		{CL_PLACE_U5, route == R_ADOPT ? 25 : 3}, {CL_PLACE_R3, 5}, {CL_PLACE_P1, parents_ok ? 3 : 0}};

		return pick_code(s, CL_LIST_PLACEMENT_TYPE, c, NW(c), year);
	}
	if (age < 10)
	{
		wcode		c[] = {{CL_PLACE_U6, 52}, {CL_PLACE_U4, 10}, {CL_PLACE_U3, 22}, {CL_PLACE_U1, 5},
		{CL_PLACE_U5, route == R_ADOPT ? 8 : 1}, {CL_PLACE_P1, parents_ok ? 5 : 0},
		{CL_PLACE_K2, age >= 5 ? 4 : 0}, {CL_PLACE_S1, age >= 5 ? 0.5 : 0}};

		return pick_code(s, CL_LIST_PLACEMENT_TYPE, c, NW(c), year);
	}
	if (age < 16)
	{
		wcode		c[] = {{CL_PLACE_U6, 42}, {CL_PLACE_U4, 11}, {CL_PLACE_U3, 12}, {CL_PLACE_U1, 4},
		{CL_PLACE_K2, 30}, {CL_PLACE_K1, 1.5}, {CL_PLACE_P1, parents_ok ? 4 : 0},
		{CL_PLACE_S1, 2}, {CL_PLACE_R1, 0.5}, {CL_PLACE_R2, 0.5}, {CL_PLACE_Z1, 1},
		{CL_PLACE_Z11, 0.4}, {CL_PLACE_Z12, 0.3}, {CL_PLACE_Z13, 0.2}, {CL_PLACE_Z14, 0.1}};

		return pick_code(s, CL_LIST_PLACEMENT_TYPE, c, NW(c), year);
	}
	{
		wcode		c[] = {{CL_PLACE_U6, 30}, {CL_PLACE_U4, 7}, {CL_PLACE_U3, 7}, {CL_PLACE_U1, 2},
		{CL_PLACE_K2, 20}, {CL_PLACE_H5, 32}, {CL_PLACE_K3, 32},
		{CL_PLACE_P2, p2_ok ? 3 : 0}, {CL_PLACE_P1, parents_ok ? 2 : 0}, {CL_PLACE_S1, 1},
		{CL_PLACE_Z1, 1}, {CL_PLACE_Z11, 0.4}, {CL_PLACE_Z12, 0.3}, {CL_PLACE_Z13, 0.2},
		{CL_PLACE_Z14, 0.1}, {CL_PLACE_R2, 0.5}, {CL_PLACE_P3, 0.3}};

		place = pick_code(s, CL_LIST_PLACEMENT_TYPE, c, NW(c), year);
	}
	return place;
}

/* Semi-independent living for a 16-17 year old on d (H5, or K3 once listed). */
static int
semi_independent(sim *s, cl_date d)
{
	int			year = coll_year(s, d);
	wcode		c[] = {{CL_PLACE_H5, 1}, {CL_PLACE_K3, 3}};

	return pick_code(s, CL_LIST_PLACEMENT_TYPE, c, NW(c), year);
}

/* The code a placement type is recorded as once its own code leaves the list. */
static int
recode_place(sim *s, int place, int year)
{
	if (place == CL_PLACE_Z1)
	{
		wcode		c[] = {{CL_PLACE_Z11, 4}, {CL_PLACE_Z12, 3}, {CL_PLACE_Z13, 2}, {CL_PLACE_Z14, 1}};

		return pick_code(s, CL_LIST_PLACEMENT_TYPE, c, NW(c), year);
	}
	if (place == CL_PLACE_H5 || place == CL_PLACE_P2)
	{
		wcode		c[] = {{CL_PLACE_K3, 1}, {CL_PLACE_H5, 0.001}};

		return pick_code(s, CL_LIST_PLACEMENT_TYPE, c, NW(c), year);
	}
	return CL_PLACE_U6;
}

static int
choose_provider(sim *s, int place, int year)
{
	switch (place)
	{
		case CL_PLACE_U1:
		case CL_PLACE_U2:
		case CL_PLACE_U3:
			return chance(s, 0.9) ? CL_PROVIDER_PR1 : CL_PROVIDER_PR2;
		case CL_PLACE_U4:
		case CL_PLACE_U5:
		case CL_PLACE_U6:
			return (int[]) {CL_PROVIDER_PR1, CL_PROVIDER_PR4, CL_PROVIDER_PR5, CL_PROVIDER_PR2}
			[pick(s, (const double[]) {55, 38, 5, 2}, 4)];
		case CL_PLACE_A3:
		case CL_PLACE_A4:
		case CL_PLACE_A5:
		case CL_PLACE_A6:
			return (int[]) {CL_PROVIDER_PR1, CL_PROVIDER_PR2, CL_PROVIDER_PR5, CL_PROVIDER_PR4}
			[pick(s, (const double[]) {55, 20, 20, 5}, 4)];
		case CL_PLACE_K1:
			return (int[]) {CL_PROVIDER_PR1, CL_PROVIDER_PR2, CL_PROVIDER_PR4}
			[pick(s, (const double[]) {60, 30, 10}, 3)];
		case CL_PLACE_K2:
			return (int[]) {CL_PROVIDER_PR4, CL_PROVIDER_PR1, CL_PROVIDER_PR5, CL_PROVIDER_PR2}
			[pick(s, (const double[]) {75, 18, 5, 2}, 4)];
		case CL_PLACE_K3:
		case CL_PLACE_H5:
			return (int[]) {CL_PROVIDER_PR4, CL_PROVIDER_PR5, CL_PROVIDER_PR1}
			[pick(s, (const double[]) {75, 12, 13}, 3)];
		case CL_PLACE_P1:
			return CL_PROVIDER_PR0;
		case CL_PLACE_P2:
		case CL_PLACE_P3:
			return chance(s, 0.7) ? CL_PROVIDER_PR1 : CL_PROVIDER_PR4;
		case CL_PLACE_R1:
		case CL_PLACE_R2:
			return chance(s, 0.7) ? CL_PROVIDER_PR3 : CL_PROVIDER_PR4;
		case CL_PLACE_R3:
			return chance(s, 0.5) ? CL_PROVIDER_PR3 : CL_PROVIDER_PR4;
		case CL_PLACE_R5:
			return CL_PROVIDER_PR3;
		case CL_PLACE_S1:
			return (int[]) {CL_PROVIDER_PR4, CL_PROVIDER_PR5, CL_PROVIDER_PR1}
			[pick(s, (const double[]) {60, 30, 10}, 3)];
		case CL_PLACE_Z1:
			return chance(s, 0.5) ? CL_PROVIDER_PR4 : CL_PROVIDER_PR1;
		default:
			/* Z11-Z14 (no provider from 2025-26) and temporary placements */
			(void) year;
			return 0;
	}
}

/* Mean days to the next move out of a placement. */
static double
move_mean(sim *s, int place, cl_date d)
{
	double		m;
	int			age = age_on(s, d);

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
static int
move_reason(sim *s, cl_date d)
{
	int			year = coll_year(s, d);
	wcode		c[] = {{CL_RPC_CARPL, 17}, {CL_RPC_PLACE, 13}, {CL_RPC_CLOSE, 1.2}, {CL_RPC_ALLEG, 1.2},
	{CL_RPC_STAND, 1.2}, {CL_RPC_APPRR, 0.4}, {CL_RPC_CREQB, 10}, {CL_RPC_CREQO, 7.5},
	{CL_RPC_CHILD, 3.7}, {CL_RPC_LAREQ, 1.2},
	{CL_RPC_CUSTOD, age_on(s, d) >= 10 ? 0.5 : 0}, {CL_RPC_OTHER, 27}};

	return pick_code(s, CL_LIST_PLACEMENT_CHANGE_REASON, c, NW(c), year);
}

/* REC on leaving care by a route, on date d from placement place. */
static int
exit_reason(sim *s, int route, int place, cl_date d)
{
	int			year = coll_year(s, d);
	int			age = age_on(s, d);

	switch (route)
	{
		case R_HOME:
			return chance(s, 0.75) ? CL_REC_E4A : CL_REC_E4B;
		case R_ADOPT:
			return chance(s, 0.35) ? CL_REC_E11 : CL_REC_E12;
		case R_SGO:
			{
				bool		former_carer;
				bool		relative;

				if (place >= CL_PLACE_U1 && place <= CL_PLACE_U3)
					former_carer = true, relative = true;
				else if (is_foster(place) && chance(s, 0.45))
					former_carer = true, relative = false;
				else
					former_carer = false, relative = chance(s, 0.7);
				if (!cl_code_valid_in_year(CL_LIST_CEASED_REASON, CL_REC_E45, year))
					return former_carer ? CL_REC_E43 : CL_REC_E44;
				if (former_carer)
					return relative ? CL_REC_E45 : CL_REC_E46;
				return relative ? CL_REC_E47 : CL_REC_E48;
			}
		case R_CAO:
			return CL_REC_E41;
		case R_REL:
			return CL_REC_E13;
		case R_INDEP:
			return chance(s, 0.6) ? CL_REC_E5 : CL_REC_E6;
		case R_CUSTODY:
			return chance(s, 0.6) ? CL_REC_E14 : CL_REC_E9;
		case R_AGE18:
			if (is_foster(place) && chance(s, 0.6))
				return CL_REC_E17;	/* staying put */
			if (is_foster(place))
				return (int[]) {CL_REC_E8, CL_REC_E5, CL_REC_E6}[pick(s, (const double[]) {50, 35, 15}, 3)];
			return (int[]) {CL_REC_E8, CL_REC_E5, CL_REC_E6, CL_REC_E7}
			[pick(s, (const double[]) {45, 35, 15, s->cin == CL_CIN_N2 ? 20 : 3}, 4)];
		default:
			if (s->uasc)
				return (int[]) {CL_REC_E15, CL_REC_E16, CL_REC_E8}[pick(s, (const double[]) {40, 10, 50}, 3)];
			return (int[]) {CL_REC_E8, CL_REC_E3, CL_REC_E16, CL_REC_E2}
			[pick(s, (const double[]) {75, 16, 8, age < 1 ? 3 : 1}, 4)];
	}
}

/* ------------------------------------------------------------------------ */
/* Episodes.                                                                */

/*
 * Append an episode, first splitting it on 1 April of any collection year in
 * which its placement code is no longer listed (the placement goes on under
 * its new code: RNE T, reason PLACE).
 */
static void
push_episode(sim *s, cl_synth_episode *ep)
{
	cl_synth_episode e = *ep;

	for (;;)
	{
		cl_date		last = e.dec == CL_DATE_OPEN ? s->w1 : e.dec - 1;
		int			y0 = coll_year(s, e.decom);
		int			y1 = coll_year(s, last);
		int			split = 0;

		for (int y = y0 + 1; y <= y1; y++)
			if (!cl_code_valid_in_year(CL_LIST_PLACEMENT_TYPE, e.place, y))
			{
				split = y;
				break;
			}
		if (split == 0 || s->n >= RAW_MAX - 1)
		{
			if (s->n < RAW_MAX)
				s->raw[s->n++] = e;
			/* the placement goes on under the code it ended with */
			ep->place = e.place;
			ep->provider = e.provider;
			return;
		}
		{
			cl_synth_episode first = e;
			int			newplace = recode_place(s, e.place, split);

			first.dec = cl_year_start(split);
			first.rec = CL_REC_X1;
			first.rpc = CL_RPC_PLACE;
			s->raw[s->n++] = first;
			e.decom = first.dec;
			e.rne = CL_RNE_T;
			e.place = newplace;
			if (newplace >= CL_PLACE_Z11 && newplace <= CL_PLACE_Z14)
				e.provider = 0;
		}
	}
}

static inline cl_date
min_date(cl_date a, cl_date b)
{
	return a < b ? a : b;
}

static inline cl_date
max_date(cl_date a, cl_date b)
{
	return a > b ? a : b;
}

#define NEVER CL_DATE_OPEN

/*
 * One period of care from t0.  Returns the date it ended, or NEVER when it is
 * still open on the data end date; *route_out and *rec_out say how it ended.
 */
static cl_date
sim_period(sim *s, cl_date t0, int *route_out, int *rec_out)
{
	int			age0 = age_on(s, t0);
	cl_date		b16 = cl_birthday(s->dob, 16);
	cl_date		b18 = cl_birthday(s->dob, 18);
	int			route = choose_route(s, age0);
	cl_date		te;
	cl_date		lsd[8];
	int			lsv[8];
	int			nls = 0;
	cl_date		pld[4];
	int			plk[4];			/* planned placement kinds */
	int			npl = 0;
	cl_date		t;
	int			ls;

	enum
	{
		PL_ADOPT, PL_PARENTS, PL_SEMI
	};

	/* when and how the period ends */
	switch (route)
	{
		case R_HOME:
			{
				double		u = unit(s);

				if (u < 0.30)
					te = t0 + 1 + rint_n(s, 42);
				else if (u < 0.65)
					te = t0 + 43 + rint_n(s, 320);
				else
					te = t0 + 365 + rint_n(s, 1100);
				break;
			}
		case R_ADOPT:
			te = t0 + 540 + rint_n(s, 700);
			break;
		case R_SGO:
			te = t0 + 300 + rint_n(s, 700);
			break;
		case R_CAO:
			te = t0 + 200 + rint_n(s, 700);
			break;
		case R_REL:
			te = t0 + 30 + rint_n(s, 700);
			break;
		case R_INDEP:
			te = max_date(t0 + 60, b16 + rint_n(s, 700));
			break;
		case R_CUSTODY:
			te = t0 + 10 + rint_n(s, 110);
			break;
		case R_OTHER:
			te = t0 + 20 + rint_n(s, 700);
			if (s->uasc && chance(s, 0.4))
				te = t0 + 20 + rint_n(s, 160);	/* age assessments come early */
			break;
		default:
			te = b18;
	}
	if (route != R_AGE18 && te >= b18)
	{
		route = R_AGE18;
		te = b18;
	}
	if (te <= t0)
		te = t0 + 1;

	/* legal statuses */
	ls = initial_ls(s, age0, route);
	lsd[nls] = t0;
	lsv[nls++] = ls;
	t = t0;
	if (ls == CL_LS_L1 || ls == CL_LS_L2)
	{
		bool		order = route == R_ADOPT || route == R_SGO || route == R_CAO ||
			chance(s, 0.65);

		t += ls == CL_LS_L1 ? 1 + rint_n(s, 3) : 5 + rint_n(s, 16);
		ls = order ? CL_LS_C1 : CL_LS_V2;
		lsd[nls] = t;
		lsv[nls++] = ls;
	}
	if (ls == CL_LS_V2 && !s->uasc)
	{
		double		p = route == R_ADOPT || route == R_SGO || route == R_CAO ? 1.0 :
			route == R_AGE18 ? (age0 < 16 ? 0.92 : 0.1) :
			route == R_HOME ? (te - t0 > 365 ? 0.5 : 0.1) : route == R_REL || route == R_OTHER ? 0.3 : 0;

		if (chance(s, p))
		{
			t += 20 + rint_n(s, route == R_ADOPT ? 60 : 250);
			ls = CL_LS_C1;
			lsd[nls] = t;
			lsv[nls++] = ls;
		}
	}
	if (route == R_ADOPT)
	{
		cl_date		tpo = max_date(t + 30, te - 360 - rint_n(s, 300));

		lsd[nls] = tpo;
		lsv[nls++] = CL_LS_E1;
		/* placed for adoption at least ten weeks before the order */
		pld[npl] = min_date(max_date(tpo, tpo + rint_n(s, 240) - 20), te - 70);
		if (pld[npl] < tpo)
			pld[npl] = tpo;
		plk[npl++] = PL_ADOPT;
	}
	else if (ls == CL_LS_C1)
	{
		double		p = route == R_AGE18 ? 0.95 : route == R_SGO ? 0.8 : route == R_CAO ? 0.7 : 0.5;

		if (chance(s, p))
		{
			t += 150 + rint_n(s, 300);
			lsd[nls] = t;
			lsv[nls++] = CL_LS_C2;
		}
	}
	/* placed with parents before going home */
	if (route == R_HOME && lsv[nls - 1] != CL_LS_V2 && lsv[nls - 1] != CL_LS_J1 &&
		chance(s, 0.35))
	{
		cl_date		d = te - 60 - rint_n(s, 240);

		if (d > lsd[nls - 1] + 14)
		{
			pld[npl] = d;
			plk[npl++] = PL_PARENTS;
		}
	}
	/* semi-independent living at 16-17 */
	if (route == R_AGE18 && chance(s, s->uasc ? 0.5 : 0.4))
	{
		cl_date		d = max_date(b16, t0 + 30) + rint_n(s, 400);

		if (d < b18 - 30)
		{
			pld[npl] = d;
			plk[npl++] = PL_SEMI;
		}
	}

	/* walk the period */
	{
		cl_synth_episode cur;
		int			ils = 1,
					ipl = 0;
		cl_date		next_move,
					convert_at = NEVER;
		cl_date		horizon = min_date(te, s->w1 + 1);

		memset(&cur, 0, sizeof(cur));
		cur.decom = t0;
		cur.rne = CL_RNE_S;
		cur.ls = (uint8_t) lsv[0];
		cur.cin = (uint8_t) s->cin;
		cur.place = (uint8_t) choose_place(s, t0, lsv[0], route);
		cur.provider = (uint8_t) choose_provider(s, cur.place, coll_year(s, t0));
		cur.carer = (uint32_t) cl_synth_rng_next(&s->r);
		if (lsv[0] == CL_LS_L1 || lsv[0] == CL_LS_L2 || chance(s, 0.2))
			next_move = t0 + 2 + rint_n(s, 60);	/* an emergency placement */
		else
			next_move = t0 + expo_days(s, move_mean(s, cur.place, t0));
		if ((cur.place == CL_PLACE_U3 || cur.place == CL_PLACE_U6) && chance(s, 0.5))
			convert_at = t0 + 365 + rint_n(s, 400);

		for (;;)
		{
			cl_date		dls = ils < nls ? lsd[ils] : NEVER;
			cl_date		dpl = ipl < npl ? pld[ipl] : NEVER;
			cl_date		d = min_date(min_date(dls, dpl), min_date(next_move, convert_at));
			bool		ls_change,
						place_change = false,
						same_carer = false;
			int			newls = cur.ls,
						newplace = cur.place,
						rpc = 0;
			cl_synth_episode next;

			if (d >= horizon || s->n >= RAW_MAX - 24)
				break;
			/* moves do not come within two weeks of a planned change or the end */
			if (d == next_move && d != dls && d != dpl &&
				(d + 14 >= te || (dpl != NEVER && d + 14 >= dpl) ||
				 (route == R_ADOPT && d >= lsd[nls - 1] - 30) || cur.place == CL_PLACE_P1))
			{
				next_move = cur.place == CL_PLACE_P1 ? NEVER : d + expo_days(s, move_mean(s, cur.place, d));
				continue;
			}
			ls_change = d == dls;
			if (ls_change)
				newls = lsv[ils++];
			if (d == dpl)
			{
				int			kind = plk[ipl++];

				place_change = true;
				rpc = CL_RPC_CARPL;
				if (kind == PL_ADOPT)
				{
					if (cur.place == CL_PLACE_U5 || (is_foster(cur.place) && chance(s, 0.1)))
					{
						newplace = CL_PLACE_A5;
						same_carer = true;
					}
					else
						newplace = CL_PLACE_A6;
				}
				else if (kind == PL_PARENTS)
				{
					newplace = CL_PLACE_P1;
					if (cur.place == CL_PLACE_P1)
						place_change = false;	/* already at home */
				}
				else
					newplace = semi_independent(s, d);
				if (d == next_move)
					next_move = NEVER;
				if (d == convert_at)
					convert_at = NEVER;
			}
			else if (d == next_move)
			{
				place_change = true;
				newplace = choose_place(s, d, newls, route);
				if (newplace == CL_PLACE_P1 && cur.place == CL_PLACE_P1)
					newplace = CL_PLACE_U6;
				rpc = move_reason(s, d);
				if (d == convert_at)
					convert_at = NEVER;
			}
			else if (d == convert_at)
			{
				place_change = true;
				same_carer = true;
				newplace = cur.place == CL_PLACE_U3 ? CL_PLACE_U1 : CL_PLACE_U4;
				rpc = CL_RPC_PLACE;
				convert_at = NEVER;
			}
			/* placed with parents only under a care order (rule 378) */
			if (newplace == CL_PLACE_P1 && newls != CL_LS_C1 && newls != CL_LS_C2)
			{
				if (!place_change)
				{
					place_change = true;
					rpc = CL_RPC_CARPL;
				}
				newplace = CL_PLACE_U6;
				same_carer = false;
			}

			if (!ls_change && !place_change)
				continue;
			cur.dec = d;
			cur.rec = CL_REC_X1;
			cur.rpc = (uint8_t) (place_change ? rpc : 0);
			push_episode(s, &cur);

			next = cur;
			next.decom = d;
			next.dec = 0;
			next.rec = 0;
			next.rpc = 0;
			next.ls = (uint8_t) newls;
			if (place_change)
			{
				next.place = (uint8_t) newplace;
				if (!same_carer)
				{
					next.carer = (uint32_t) cl_synth_rng_next(&s->r);
					next.provider = (uint8_t) choose_provider(s, newplace, coll_year(s, d));
				}
				else if (newplace == CL_PLACE_A5)
					next.provider = (uint8_t) choose_provider(s, newplace, coll_year(s, d));
				if (ls_change)
					next.rne = same_carer ? CL_RNE_U : CL_RNE_B;
				else
					next.rne = same_carer ? CL_RNE_T : CL_RNE_P;
				next_move = newplace == CL_PLACE_P1 || is_adoption_place(newplace) ? NEVER :
						d + expo_days(s, move_mean(s, newplace, d));
				convert_at = !same_carer && (newplace == CL_PLACE_U3 || newplace == CL_PLACE_U6) &&
					chance(s, 0.5) ? d + 300 + rint_n(s, 400) : NEVER;
			}
			else
				next.rne = CL_RNE_L;
			cur = next;
		}

		if (te > s->w1)
		{
			cur.dec = CL_DATE_OPEN;
			cur.rec = 0;
			cur.rpc = 0;
			push_episode(s, &cur);
			*route_out = route;
			*rec_out = 0;
			return NEVER;
		}
		cur.dec = te;
		cur.rec = (uint8_t) exit_reason(s, route, cur.place, te);
		cur.rpc = 0;
		if (!cl_code_valid_in_year(CL_LIST_CEASED_REASON, cur.rec, coll_year(s, te)))
			cur.rec = CL_REC_E8;
		push_episode(s, &cur);
		*route_out = route;
		*rec_out = cur.rec;
		return te;
	}
}

/* Age at a first entry to care, in days, from the national mix of starts. */
static int
entry_age_days(sim *s, bool *uasc)
{
	static const double groups[5] = {16, 15, 15, 25, 29};
	int			g = pick(s, groups, 5);
	int			days;

	*uasc = false;
	switch (g)
	{
		case 0:
			days = chance(s, 0.45) ? rint_n(s, 14) : 14 + rint_n(s, 351);
			break;
		case 1:
			days = (int) ((1 + 4 * unit(s)) * DAYS_IN_YEAR);
			break;
		case 2:
			days = (int) ((5 + 5 * unit(s)) * DAYS_IN_YEAR);
			break;
		case 3:
			days = (int) ((10 + 6 * unit(s)) * DAYS_IN_YEAR);
			if (days >= 14 * DAYS_IN_YEAR && chance(s, 0.2))
				*uasc = true;
			break;
		default:
			days = (int) ((16 + 1.85 * unit(s)) * DAYS_IN_YEAR);
			if (chance(s, 0.7))
				*uasc = true;
	}
	return days;
}

/* The children's life in care from a first entry on t0. */
static void
sim_care(sim *s, cl_date t0)
{
	cl_date		t = t0;

	for (int periods = 0; periods < 8 && t <= s->w1; periods++)
	{
		int			route,
					rec;
		cl_date		te = sim_period(s, t, &route, &rec);
		cl_date		b18 = cl_birthday(s->dob, 18);
		double		u = unit(s);
		cl_date		back;

		if (te == NEVER)
			return;
		if (cl_rec_is_returned_home(rec))
		{
			if (u < 0.20)
				back = te + 14 + rint_n(s, 351);
			else if (u < 0.36)
				back = te + 365 + rint_n(s, 1460);
			else
				return;
		}
		else if (rec == CL_REC_E13 || rec == CL_REC_E41 || rec == CL_REC_E14)
		{
			if (u < 0.10)
				back = te + 30 + rint_n(s, 700);
			else
				return;
		}
		else if (cl_rec_is_sgo(rec) || cl_rec_is_adoption(rec))
		{
			if (u < 0.03)
				back = te + 365 + rint_n(s, 1800);
			else
				return;
		}
		else
			return;
		/* nobody starts to be looked after at 18 (rule 352) */
		if (back >= b18 - 60)
			return;
		t = back;
		if (chance(s, 0.3) && !s->uasc)
			s->cin = 1 + rint_n(s, 8);
	}
}

/* A child with only agreed series of short breaks (V3 or V4). */
static void
sim_short_breaks(sim *s, cl_date t0)
{
	bool		v4 = chance(s, 0.3);
	cl_date		end = t0 + 365 + rint_n(s, 1100);
	cl_date		b18 = cl_birthday(s->dob, 18);
	cl_date		t = t0;
	int			place = chance(s, 0.6) ? CL_PLACE_K2 : CL_PLACE_U6;
	int			provider = choose_provider(s, place, coll_year(s, t0));
	uint32_t	carer = (uint32_t) cl_synth_rng_next(&s->r);

	end = min_date(end, b18 - 1);
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
		e.dec = v4 ? t + 180 + rint_n(s, 185) : t + 1 + rint_n(s, 4);
		e.dec = min_date(e.dec, end);
		if (e.dec <= e.decom)
			e.dec = e.decom + 1;
		e.rec = CL_REC_E4A;
		if (e.dec > s->w1)
		{
			e.dec = CL_DATE_OPEN;
			e.rec = 0;
		}
		if (s->n < RAW_MAX)
			s->raw[s->n++] = e;
		if (e.dec == CL_DATE_OPEN)
			break;
		t = v4 ? e.dec + 1 + rint_n(s, 30) : e.dec + 21 + rint_n(s, 28);
	}
}

/* ------------------------------------------------------------------------ */
/* OC3 outcomes.                                                            */

static int
accom_code(char letter, int digit)
{
	const char *p = strchr(CL_ACCOM_LETTERS, letter);

	return CL_ACCOM_INDEX((int) (p - CL_ACCOM_LETTERS), digit);
}

static int
draw_activity(sim *s, int age, int year, int prev_class)
{
	int			cls;

	/* class: EET or NEET, keeping last year's with probability 0.6 */
	if (prev_class != 0 && chance(s, 0.6))
		cls = prev_class;
	else
		cls = chance(s, age <= 18 ? 0.64 : 0.525) ? CL_ACTIVITY_EET : CL_ACTIVITY_NEET;
	if (cls == CL_ACTIVITY_NEET)
	{
		wcode		c[] = {{CL_ACTIV_G4, 22}, {CL_ACTIV_G5, s->male ? 78 : 63},
		{CL_ACTIV_G6, s->male ? 0 : 15}};

		return pick_code(s, CL_LIST_LEAVER_ACTIVITY, c, NW(c), year);
	}
	if (age <= 18)
	{
		wcode		c[] = {{CL_ACTIV_F2, 50}, {CL_ACTIV_P2, 10}, {CL_ACTIV_F5, 15},
		{CL_ACTIV_P5, 5}, {CL_ACTIV_F4, 10}, {CL_ACTIV_P4, 2}, {CL_ACTIV_F3, 25},
		{CL_ACTIV_P3, 7}, {CL_ACTIV_F1, 3}, {CL_ACTIV_P1, 1}};

		return pick_code(s, CL_LIST_LEAVER_ACTIVITY, c, NW(c), year);
	}
	{
		wcode		c[] = {{CL_ACTIV_F1, 15}, {CL_ACTIV_P1, 2}, {CL_ACTIV_F2, 20},
		{CL_ACTIV_P2, 8}, {CL_ACTIV_F5, 30}, {CL_ACTIV_P5, 13}, {CL_ACTIV_F4, 9},
		{CL_ACTIV_P4, 3}, {CL_ACTIV_F3, 39}, {CL_ACTIV_P3, 16}};

		return pick_code(s, CL_LIST_LEAVER_ACTIVITY, c, NW(c), year);
	}
}

static char
draw_accom_letter(sim *s, int age)
{
	static const char letters[] = "BCDEKUTYSVWXGR";
	static const double w17[] = {20, 15, 35, 12, 3, 5, 0, 5, 1, 1, 1, 2, 0, 0};
	static const double w18[] = {15, 6, 39, 11, 3, 17, 0, 4, 1.5, 1.5, 1, 3, 0.5, 1};
	static const double w19[] = {14, 5, 22, 6, 5, 35, 3, 4, 1.5, 1.5, 1, 3, 1, 1};

	return letters[pick(s, age <= 17 ? w17 : age == 18 ? w18 : w19, 14)];
}

static int
draw_accom(sim *s, int age, char *letter_io, bool staying_put)
{
	char		letter;
	double		p_suitable = age <= 17 ? 0.76 : age == 18 ? 0.995 : age == 19 ? 0.98 : age == 20 ? 0.965 : 0.94;

	if (staying_put)
		letter = 'Z';
	else if (*letter_io != 0 && *letter_io != 'Z' && (*letter_io != 'T' || age >= 19) &&
			 chance(s, 0.5))
		letter = *letter_io;
	else
		letter = draw_accom_letter(s, age);
	*letter_io = letter;
	if (strchr("SVWXR", letter))
		return accom_code(letter, 2);	/* S1 and X1 are never valid (rule 133) */
	return accom_code(letter, chance(s, p_suitable) ? 1 : 2);
}

static void
sim_oc3(sim *s, cl_synth_child *c)
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
		int			year = coll_year(s, d);
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
			staying = chance(s, age == 19 ? 0.56 : age == 20 ? 0.68 : 0.4);
		o = &c->oc3[c->n_oc3++];
		o->year = year;
		o->age = age;
		{
			wcode		w[] = {{CL_TOUCH_YES, age <= 18 ? 93 : 88.5}, {CL_TOUCH_NO, age <= 18 ? 3 : 5},
			{CL_TOUCH_REFU, age <= 18 ? 1.5 : 2.5}, {CL_TOUCH_NREQ, age <= 18 ? 0.8 : 2},
			{CL_TOUCH_RHOM, age <= 18 ? 1.6 : 1.9}, {CL_TOUCH_DIED, age <= 18 ? 0.05 : 0.1}};

			/* a death is reported again in later years (rule 348) */
			touch = dead ? CL_TOUCH_DIED : pick_code(s, CL_LIST_CONTACT_STATUS, w, NW(w), year);
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
			chance(s, touch == CL_TOUCH_NREQ ? 0.7 : 0.1);
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

/* ------------------------------------------------------------------------ */
/* The child.                                                               */

static void
sim_child_once(sim *s, cl_synth_child *c, bool force_window)
{
	cl_date		span0 = s->w0 - (cl_date) (18 * DAYS_IN_YEAR);
	cl_date		t0;
	int			age_days;
	bool		uasc;
	bool		breaks = chance(s, 0.03);

	s->n = 0;
	if (force_window)
		span0 = s->w0;
	t0 = span0 + rint_n(s, s->w1 - span0 + 1);
	if (breaks)
	{
		age_days = (int) ((5 + 11 * unit(s)) * DAYS_IN_YEAR);
		uasc = false;
		if (!force_window)
			t0 = max_date(t0, s->w0 - (cl_date) (4 * DAYS_IN_YEAR));
	}
	else
		age_days = entry_age_days(s, &uasc);
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
	s->male = chance(s, uasc ? 0.92 : breaks ? 0.65 : 0.53);
	/* most children are settled, a few move often */
	s->moves = chance(s, 0.75) ? 2.0 : 0.3;
	if (uasc)
		s->cin = CL_CIN_N8;
	else
	{
		static const double w[8] = {74, 3, 3, 6, 10, 1.5, 0.2, 2.3};

		s->cin = 1 + pick(s, w, 8);
	}
	if (breaks)
		sim_short_breaks(s, t0);
	else
		sim_care(s, t0);
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
	sim			s;
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
	c->ethnic = pick(&s, s.uasc ? ethnic_weights_uasc : ethnic_weights, N_ETHNIC);
	first_seen = max_date(c->episodes[0].decom, s.w0);
	last_seen = c->episodes[c->n_episodes - 1].dec == CL_DATE_OPEN ? s.w1 :
		c->episodes[c->n_episodes - 1].dec;
	c->upn_kind = 0;
	if (age_on(&s, first_seen) < 4 && chance(&s, 0.8))
		c->upn_kind = 1;
	else if (s.uasc && chance(&s, 0.6))
		c->upn_kind = 2;
	else if (chance(&s, 0.01))
		c->upn_kind = chance(&s, 0.5) ? 3 : 5;
	c->mother = s.male ? -1 : 0;
	c->mc_dob = 0;
	if (!s.male && last_seen > cl_birthday(s.dob, 15) && chance(&s, 0.05))
	{
		cl_date		from = max_date(first_seen, cl_birthday(s.dob, 15));

		if (last_seen > from)
		{
			c->mother = 1;
			c->mc_dob = from + rint_n(&s, last_seen - from);
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
		sim_oc3(&s, c);
}
