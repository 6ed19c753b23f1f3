/*
 * synth_location.c: synthetic postcodes with a decodable grid reference, and
 * synthetic social-worker episodes (see synth_location.h).
 */
#include "synth_location.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "codes.h"

/* Outward-code areas: council k uses area k % 24 and district 1 + k / 24. */
static const char *const areas[] = {
	"B", "BD", "BL", "CV", "DN", "DY", "E", "HD", "HX", "L", "LS", "M",
	"N", "NW", "OL", "S", "SE", "SK", "SW", "W", "WA", "WF", "WN", "WV"
};
#define N_AREAS 24
/* Inward-code letters: 20 x 20 x 10 digits = 4000 squares per council. */
static const char unit_letters[] = "ABDEFGHJLNPQRSTUWXYZ";
#define N_UNITS 4000
#define SQUARE_METRES 400
#define SQUARES_ACROSS 64
/* Council centres on a 12-column grid, 40 km apart east-west and 45 km north-south. */
#define CENTRE_COLUMNS 12

static void
council_centre(int council, int32_t *e, int32_t *n)
{
	*e = 150000 + (council % CENTRE_COLUMNS) * 40000;
	*n = 100000 + (council / CENTRE_COLUMNS) * 45000;
}

static uint32_t
mix(uint64_t x)
{
	x ^= x >> 33;
	x *= UINT64_C(0xff51afd7ed558ccd);
	x ^= x >> 33;
	x *= UINT64_C(0xc4ceb9fe1a85ec53);
	x ^= x >> 33;
	return (uint32_t) x;
}

static void
write_postcode(int council, uint32_t unit, char *buf)
{
	unit %= N_UNITS;
	snprintf(buf, CL_SYNTH_TEXT_LEN, "%s%d %u%c%c", areas[council % N_AREAS], 1 + council / N_AREAS,
			 unit / 400, unit_letters[(unit / 20) % 20], unit_letters[unit % 20]);
}

void
cl_synth_home_postcode(const cl_synth_child *c, char *buf)
{
	write_postcode(c->council, mix(c->home), buf);
}

bool
cl_synth_placement_postcode(const cl_synth_child *c, const cl_synth_episode *e, char *buf)
{
	uint32_t	h = mix(((uint64_t) e->carer << 8) ^ UINT64_C(0x9e3779b97f4a7c15));
	int			councils = cl_synth_max_councils();
	int			council = c->council;
	uint32_t	r = h % 100;

	/*
	 * The council's own provision (PR1) other than foster care and adoption (U1-U6, A3-A6) is in the council
	 * itself (DfE rule 1015); the rest about 60 % at home, 30 % next door, 10 % anywhere.
	 */
	bool		own_home = e->provider == CL_PROVIDER_PR1 &&
		!(e->place >= CL_PLACE_A3 && e->place <= CL_PLACE_A6) &&
		!(e->place >= CL_PLACE_U1 && e->place <= CL_PLACE_U6);

	if (own_home)
		;
	else if (r >= 60 && r < 90)
	{
		/* a neighbouring council: east, west, north or south of the centre grid */
		static const int step[] = {1, -1, CENTRE_COLUMNS, -CENTRE_COLUMNS};
		int			k = council + step[(h >> 8) % 4];

		if (k >= 0 && k < councils)
			council = k;
	}
	else if (r >= 90)
		council = (int) ((h >> 8) % (uint32_t) councils);
	write_postcode(council, mix((uint64_t) h * 31 + e->carer), buf);
	{
		/* never the home postcode itself: only P1 is at home (DfE rule 392D) */
		char		home[CL_SYNTH_TEXT_LEN];

		cl_synth_home_postcode(c, home);
		for (uint64_t k = 1; strcmp(home, buf) == 0; k++)
			write_postcode(k <= 16 ? council : (council + 1) % councils,
						   mix((uint64_t) h * 31 + e->carer + k * UINT64_C(0x9e3779b97f4a7c15)), buf);
	}
	return true;
}

bool
cl_synth_postcode_grid(const char *postcode, int32_t *easting, int32_t *northing, int *council)
{
	char		area[3];
	int			na = 0,
				district = 0,
				digits = 0,
				a = -1,
				k;
	const char *p = postcode;
	const char *l1,
			   *l2;
	uint32_t	unit;
	int32_t		ce,
				cn;

	while (*p >= 'A' && *p <= 'Z' && na < 2)
		area[na++] = *p++;
	area[na] = '\0';
	while (*p >= '0' && *p <= '9' && digits < 2)
		district = district * 10 + (*p++ - '0'), digits++;
	if (na == 0 || digits == 0 || district < 1 || p[0] != ' ' || !(p[1] >= '0' && p[1] <= '9') ||
		p[2] == '\0' || p[3] == '\0' || p[4] != '\0')
		return false;
	for (int i = 0; i < N_AREAS; i++)
		if (strcmp(areas[i], area) == 0)
			a = i;
	l1 = strchr(unit_letters, p[2]);
	l2 = strchr(unit_letters, p[3]);
	if (a < 0 || l1 == NULL || l2 == NULL)
		return false;
	k = (district - 1) * N_AREAS + a;
	if (k >= cl_synth_max_councils())
		return false;
	unit = (uint32_t) (p[1] - '0') * 400 + (uint32_t) (l1 - unit_letters) * 20 + (uint32_t) (l2 - unit_letters);
	council_centre(k, &ce, &cn);
	*easting = ce + ((int32_t) (unit % SQUARES_ACROSS) - SQUARES_ACROSS / 2) * SQUARE_METRES;
	*northing = cn + ((int32_t) (unit / SQUARES_ACROSS) - SQUARES_ACROSS / 2) * SQUARE_METRES;
	*council = k;
	return true;
}

/* Reasons for a change of social worker (SW_REASON), with weights. */
static const char *const sw_reasons[] = {
	"LEFTRL", "MANAGE", "ORGRST", "TSPROC", "CHCHAN", "PCCHAN", "ABSENC", "FCONTA", "OTHERS"
};
static const int sw_reason_weights[] = {30, 20, 12, 12, 8, 6, 5, 2, 5};
#define N_SW_REASONS 9

static bool
short_break(const cl_synth_episode *e)
{
	return e->ls == CL_LS_V3 || e->ls == CL_LS_V4;
}

int
cl_synth_social_workers(const cl_synth_params *p, const cl_synth_child *c,
						cl_synth_sw_episode *out, int max)
{
	cl_synth_rng r;
	cl_date		window_start = cl_year_start(p->first_year);
	cl_date		data_end = cl_year_end(p->last_year);
	int			n = 0;
	int			i = 0;

	cl_synth_rng_seed(&r, p->seed ^ INT64_C(0x53574550), c->number);
	while (i < c->n_episodes && n < max)
	{
		cl_date		start,
					end;
		cl_date		d;
		bool		first = true;

		if (short_break(&c->episodes[i]))
		{
			i++;
			continue;
		}
		/* a period of care: episodes each starting the day the previous one ended */
		start = c->episodes[i].decom;
		end = c->episodes[i].dec;
		while (i + 1 < c->n_episodes && end != CL_DATE_OPEN && c->episodes[i + 1].decom == end &&
			   !short_break(&c->episodes[i + 1]))
			end = c->episodes[++i].dec;
		i++;
		if (end != CL_DATE_OPEN && end < window_start)
			continue;
		d = start;
		while (n < max)
		{
			/* time to the next change: exponential, mean one year */
			double		u = cl_synth_rng_unit(&r);
			cl_date		next = d + 1 + (cl_date) (-log(1.0 - u) * 365.0);
			cl_synth_sw_episode *s = &out[n];
			bool		last = (end != CL_DATE_OPEN && next >= end) || next > data_end;

			snprintf(s->sw_id, CL_SYNTH_TEXT_LEN, "SW%05u", (unsigned) (cl_synth_rng_next(&r) % 100000));
			s->decom = d;
			s->dec = last ? end : next;
			if (first)
				s->reason = "FCONTA";	/* the first social worker of a period of care (DfE rules SW01b, SW10, SW13) */
			else
			{
				int			w = (int) (cl_synth_rng_next(&r) % 100),
							k = 0;

				while (k < N_SW_REASONS - 1 && w >= sw_reason_weights[k])
					w -= sw_reason_weights[k++];
				s->reason = sw_reasons[k];
			}
			first = false;
			/* kept when it reaches the generated years */
			if (s->dec == CL_DATE_OPEN || s->dec >= window_start)
				n++;
			if (last)
				break;
			d = next;
		}
	}
	return n;
}
