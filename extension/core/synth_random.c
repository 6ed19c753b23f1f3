/*
 * synth_random.c: the random draws of the synthetic generator (see
 * synth_internal.h): xoshiro256** seeded through splitmix64, and the draws
 * built on it with plain IEEE arithmetic only, so that a seed gives the same
 * data on every platform.
 */
#include "synth_internal.h"

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

int
cl_sim_expo_days(cl_sim *s, double mean)
{
	double		x = -mean * portable_log(1.0 - cl_sim_unit(s));

	return x > 20000 ? 20000 : (int) x + 1;
}

int
cl_sim_pick(cl_sim *s, const double *w, int n)
{
	double		total = 0,
				x;

	for (int i = 0; i < n; i++)
		total += w[i];
	x = cl_sim_unit(s) * total;
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

int
cl_sim_pick_code(cl_sim *s, cl_code_list list, const cl_sim_wcode *c, int n, int year)
{
	double		w[32];

	for (int i = 0; i < n && i < 32; i++)
		w[i] = cl_code_valid_in_year(list, c[i].code, year) ? c[i].w : 0;
	return c[cl_sim_pick(s, w, n < 32 ? n : 32)].code;
}
