/*
 * flows.c: the stock-flow model of children looked after (flows.h,
 * doc/sufficiency.md).
 */
#include "flows.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "periods.h"
#include "scan.h"

static const char *const group_names[CL_FLOW_GROUPS] = {
	"Foster care with relatives or friends",
	"Other foster care",
	"Residential and children's homes",
	"Semi-independent and supported accommodation",
	"Other placements",
};

static const char *const exit_names[CL_FLOW_EXITS] = {
	"Returned home",
	"Adopted",
	"Special guardianship or child arrangements order",
	"Other exits",
};

/* DfE's age bands of children looked after (la_cla_on_31_march.csv). */
static const char *const band_names[CL_FLOW_BANDS] = {
	"Under 1 year", "1 to 4 years", "5 to 9 years", "10 to 15 years", "16 years and over",
};

const char *
cl_flow_group_name(int group)
{
	return group >= 0 && group < CL_FLOW_GROUPS ? group_names[group] : NULL;
}

const char *
cl_flow_exit_name(int route)
{
	return route >= 0 && route < CL_FLOW_EXITS ? exit_names[route] : NULL;
}

const char *
cl_flow_band_name(int band)
{
	return band >= 0 && band < CL_FLOW_BANDS ? band_names[band] : NULL;
}

int
cl_flow_band_of_age(int years)
{
	if (years < 0 || years >= CL_FLOW_AGE_YEARS)
		return -1;
	if (years < 1)
		return 0;
	if (years < 5)
		return 1;
	if (years < 10)
		return 2;
	if (years < 16)
		return 3;
	return 4;
}

int
cl_flow_group_by_name(const char *name)
{
	for (int i = 0; i < CL_FLOW_GROUPS; i++)
		if (strcmp(name, group_names[i]) == 0)
			return i;
	return -1;
}

int
cl_flow_band_by_name(const char *name)
{
	for (int i = 0; i < CL_FLOW_BANDS; i++)
		if (strcmp(name, band_names[i]) == 0)
			return i;
	return -1;
}

int
cl_flow_adjust_kind_by_name(const char *name)
{
	if (strcmp(name, "entries") == 0)
		return CL_FLOW_ADJUST_ENTRIES;
	if (strcmp(name, "moves_to") == 0)
		return CL_FLOW_ADJUST_MOVES_TO;
	if (strcmp(name, "exits") == 0)
		return CL_FLOW_ADJUST_EXITS;
	return -1;
}

int64_t
cl_age_months_on(cl_date dob, cl_date d)
{
	int			years;
	cl_date		birthday;
	int			months = 0;

	if (d < dob)
		return -1;
	years = cl_age_on(dob, d);
	birthday = cl_birthday(dob, years);
	while (months < 11 && cl_add_months(birthday, months + 1) <= d)
		months++;
	return (int64_t) years * 12 + months;
}

int
cl_flow_group_on(const cl_history *h, cl_date d)
{
	int			found = -1;

	/* episodes are in DECOM order: the latest one covering d decides */
	for (int32_t i = 0; i < h->n && h->ep[i].decom <= d; i++)
	{
		const cl_episode *e = &h->ep[i];

		if (cl_episode_is_care(e) && d < e->dec)
			found = i;
	}
	if (found < 0)
		return -1;
	{
		int			g = cl_place_flow_group(h->ep[found].place);

		/* looked after with no placement recorded: still in care, group unknown */
		return g < 0 ? CL_FLOW_GROUPS - 1 : g;
	}
}

/* The exit route of the period of care open on a that ended by b. */
static int
exit_route(const struct cl_period *periods, int32_t np, cl_date a)
{
	for (int32_t i = 0; i < np; i++)
	{
		const cl_period *p = &periods[i];

		if (p->start <= a && a < p->end)
		{
			int			rec = p->end_reason;

			if (p->reason_unknown || rec == 0)
				return 3;
			if (cl_rec_is_returned_home(rec))
				return 0;
			if (cl_rec_is_adoption(rec))
				return 1;
			if (cl_rec_is_sgo(rec) || cl_rec_is_home_or_cao(rec))
				return 2;
			return 3;
		}
	}
	return 3;
}

bool
cl_flow_init(cl_flow_model *m, cl_date start, int32_t months, char *err, size_t errlen)
{
	memset(m, 0, sizeof(*m));
	if (months < 1 || months > CL_FLOW_MAX_MONTHS)
	{
		snprintf(err, errlen, "the reference window must be 1 to %d months, not %d",
				 CL_FLOW_MAX_MONTHS, (int) months);
		return false;
	}
	{
		int			y = 0,
					mo = 1,
					d;

		/* the window's first month must be in year 1 or later: checked before any month arithmetic */
		if (cl_history_date_ok(start))
			cl_date_to_ymd(start, &y, &mo, &d);
		if (!cl_history_date_ok(start) || (int64_t) y * 12 + (mo - 1) - months < 12)
		{
			snprintf(err, errlen, "the start date and its reference window must lie in years 1 to 9999");
			return false;
		}
	}
	m->version = CL_FLOW_VERSION;
	m->start = start;
	m->months = months;
	return true;
}

static bool
count_add(int64_t *cell, int64_t n, char *err, size_t errlen)
{
	if (*cell > CL_FLOW_MAX_COUNT - n)
	{
		snprintf(err, errlen, "a count of the flow model would pass its limit of %lld",
				 (long long) CL_FLOW_MAX_COUNT);
		return false;
	}
	*cell += n;
	return true;
}

bool
cl_flow_add_child(cl_flow_model *m, const cl_history *h, cl_date dob,
				  struct cl_period *work, char *err, size_t errlen)
{
	int32_t		np = cl_history_periods(h, work);

	for (int k = 0; k < m->months; k++)
	{
		cl_date		a = cl_add_months(m->start, k - m->months);
		cl_date		b = cl_add_months(m->start, k - m->months + 1);
		int64_t		age_b = cl_age_months_on(dob, b);
		int			from,
					to;

		if (age_b < 0 || age_b >= CL_FLOW_AGE_MONTHS)
			continue;			/* not born yet, or aged out: the projection ages out */
		from = dob <= a ? cl_flow_group_on(h, a) : -1;
		to = cl_flow_group_on(h, b);
		if (from >= 0)
		{
			int			band = cl_flow_band_of_age((int) (cl_age_months_on(dob, a) / 12));
			int			dest = to >= 0 ? to : CL_FLOW_GROUPS + exit_route(work, np, a);

			if (!count_add(&m->moves[band][from][dest], 1, err, errlen))
				return false;
		}
		else if (to >= 0)
		{
			if (!count_add(&m->entries[age_b / 12][to], 1, err, errlen) ||
				!count_add(&m->monthly_entries[k], 1, err, errlen))
				return false;
		}
	}
	{
		int64_t		age = cl_age_months_on(dob, m->start);

		if (age >= 0 && age < CL_FLOW_AGE_MONTHS)
		{
			int			g = cl_flow_group_on(h, m->start);

			if (g >= 0 && !count_add(&m->stock[age][g], 1, err, errlen))
				return false;
		}
	}
	return true;
}

#define FLOW_COUNTS(m) ((int64_t *) (m)->moves)
#define FLOW_NCOUNTS \
	(CL_FLOW_BANDS * CL_FLOW_GROUPS * CL_FLOW_DEST + CL_FLOW_AGE_YEARS * CL_FLOW_GROUPS + \
	 CL_FLOW_AGE_MONTHS * CL_FLOW_GROUPS + CL_FLOW_MAX_MONTHS)

_Static_assert(offsetof(cl_flow_model, entries) ==
			   offsetof(cl_flow_model, moves) + sizeof(int64_t) * CL_FLOW_BANDS * CL_FLOW_GROUPS * CL_FLOW_DEST,
			   "flow model counts are contiguous");
_Static_assert(offsetof(cl_flow_model, stock) ==
			   offsetof(cl_flow_model, entries) + sizeof(int64_t) * CL_FLOW_AGE_YEARS * CL_FLOW_GROUPS,
			   "flow model counts are contiguous");
_Static_assert(offsetof(cl_flow_model, monthly_entries) ==
			   offsetof(cl_flow_model, stock) + sizeof(int64_t) * CL_FLOW_AGE_MONTHS * CL_FLOW_GROUPS,
			   "flow model counts are contiguous");

bool
cl_flow_merge(cl_flow_model *a, const cl_flow_model *b, char *err, size_t errlen)
{
	int64_t    *x = FLOW_COUNTS(a);
	const int64_t *y = (const int64_t *) b->moves;

	if (a->start != b->start || a->months != b->months)
	{
		char		sa[16],
					sb[16];

		cl_date_format(a->start, sa);
		cl_date_format(b->start, sb);
		snprintf(err, errlen, "cannot merge flow models of different windows: %d months to %s and %d months to %s",
				 (int) a->months, sa, (int) b->months, sb);
		return false;
	}
	for (int i = 0; i < FLOW_NCOUNTS; i++)
		if (y[i] != 0 && !count_add(&x[i], y[i], err, errlen))
			return false;
	return true;
}

/* Months since the start of year 0 (year * 12 + month - 1) of a valid date. */
static int64_t
cl_date_to_months(cl_date d)
{
	int			y,
				mo,
				dd;

	cl_date_to_ymd(d, &y, &mo, &dd);
	return (int64_t) y * 12 + (mo - 1);
}

bool
cl_flow_check(const cl_flow_model *m, char *err, size_t errlen)
{
	const int64_t *x = (const int64_t *) m->moves;

	if (m->version != CL_FLOW_VERSION || m->reserved[0] || m->reserved[1] || m->reserved[2] || m->reserved2)
	{
		snprintf(err, errlen, "not a flow model of version %d", CL_FLOW_VERSION);
		return false;
	}
	if (m->months < 1 || m->months > CL_FLOW_MAX_MONTHS || !cl_history_date_ok(m->start) ||
		cl_date_to_months(m->start) - m->months < 12)
	{
		snprintf(err, errlen, "the flow model's window is out of range");
		return false;
	}
	for (int i = 0; i < FLOW_NCOUNTS; i++)
		if (x[i] < 0 || x[i] > CL_FLOW_MAX_COUNT)
		{
			snprintf(err, errlen, "a count of the flow model is out of range");
			return false;
		}
	for (int k = m->months; k < CL_FLOW_MAX_MONTHS; k++)
		if (m->monthly_entries[k] != 0)
		{
			snprintf(err, errlen, "the flow model counts entries after its window");
			return false;
		}
	return true;
}

/* ---- text ----------------------------------------------------------------- */

size_t
cl_flow_text_size(const cl_flow_model *m)
{
	const int64_t *x = (const int64_t *) m->moves;
	size_t		n = 0;

	for (int i = 0; i < FLOW_NCOUNTS; i++)
		n += x[i] != 0;
	/* each entry: at most 3 indexes of 3 digits, a count of 16, separators */
	return 96 + n * 36;
}

size_t
cl_flow_format(const cl_flow_model *m, char *buf)
{
	char		date[16];
	char	   *p = buf;
	bool		first;

	cl_date_format(m->start, date);
	p += sprintf(p, "{start %s; months %d; moves", date, (int) m->months);
	first = true;
	for (int b = 0; b < CL_FLOW_BANDS; b++)
		for (int g = 0; g < CL_FLOW_GROUPS; g++)
			for (int d = 0; d < CL_FLOW_DEST; d++)
				if (m->moves[b][g][d])
				{
					p += sprintf(p, "%s %d %d %d %lld", first ? "" : ",", b, g, d, (long long) m->moves[b][g][d]);
					first = false;
				}
	p += sprintf(p, "; entries");
	first = true;
	for (int y = 0; y < CL_FLOW_AGE_YEARS; y++)
		for (int g = 0; g < CL_FLOW_GROUPS; g++)
			if (m->entries[y][g])
			{
				p += sprintf(p, "%s %d %d %lld", first ? "" : ",", y, g, (long long) m->entries[y][g]);
				first = false;
			}
	p += sprintf(p, "; stock");
	first = true;
	for (int a = 0; a < CL_FLOW_AGE_MONTHS; a++)
		for (int g = 0; g < CL_FLOW_GROUPS; g++)
			if (m->stock[a][g])
			{
				p += sprintf(p, "%s %d %d %lld", first ? "" : ",", a, g, (long long) m->stock[a][g]);
				first = false;
			}
	p += sprintf(p, "; monthly");
	first = true;
	for (int k = 0; k < m->months; k++)
		if (m->monthly_entries[k])
		{
			p += sprintf(p, "%s %d %lld", first ? "" : ",", k, (long long) m->monthly_entries[k]);
			first = false;
		}
	p += sprintf(p, "}");
	return (size_t) (p - buf);
}

typedef struct flow_parser
{
	const char *s;
	size_t		len;
	size_t		pos;
	char	   *err;
	size_t		errlen;
} flow_parser;

static void
skip(flow_parser *ps)
{
	ps->pos = cl_scan_skip(ps->s, ps->len, ps->pos, CL_SCAN_SPACE);
}

static bool
fail(flow_parser *ps, const char *what)
{
	snprintf(ps->err, ps->errlen, "%s at character %zu", what, ps->pos + 1);
	return false;
}

static bool
expect_char(flow_parser *ps, char c)
{
	skip(ps);
	if (ps->pos < ps->len && ps->s[ps->pos] == c)
	{
		ps->pos++;
		return true;
	}
	{
		char		what[32];

		snprintf(what, sizeof(what), "expected \"%c\"", c);
		return fail(ps, what);
	}
}

static bool
expect_word(flow_parser *ps, const char *word)
{
	size_t		n = strlen(word);

	skip(ps);
	if (ps->len - ps->pos >= n && memcmp(ps->s + ps->pos, word, n) == 0)
	{
		ps->pos += n;
		return true;
	}
	{
		char		what[48];

		snprintf(what, sizeof(what), "expected \"%s\"", word);
		return fail(ps, what);
	}
}

static bool
read_uint(flow_parser *ps, uint64_t max, uint64_t *out, const char *what)
{
	int			r;

	skip(ps);
	r = cl_scan_uint(ps->s, ps->len, &ps->pos, max, out);
	if (r == 0)
	{
		char		msg[64];

		snprintf(msg, sizeof(msg), "expected %s", what);
		return fail(ps, msg);
	}
	if (r < 0)
	{
		char		msg[96];

		snprintf(msg, sizeof(msg), "%s is larger than %llu", what, (unsigned long long) max);
		return fail(ps, msg);
	}
	return true;
}

static bool
read_date(flow_parser *ps, cl_date *out)
{
	uint64_t	y,
				mo,
				d;
	size_t		at;

	skip(ps);
	at = ps->pos;
	if (cl_scan_uint(ps->s, ps->len, &ps->pos, 9999, &y) != 4 ||
		ps->pos >= ps->len || ps->s[ps->pos++] != '-' ||
		cl_scan_uint(ps->s, ps->len, &ps->pos, 12, &mo) != 2 ||
		ps->pos >= ps->len || ps->s[ps->pos++] != '-' ||
		cl_scan_uint(ps->s, ps->len, &ps->pos, 31, &d) != 2 ||
		!cl_ymd_valid((int) y, (int) mo, (int) d) || y < 1)
	{
		ps->pos = at;
		return fail(ps, "expected a date YYYY-MM-DD");
	}
	*out = cl_date_from_ymd((int) y, (int) mo, (int) d);
	return true;
}

/*
 * A list of entries of `nkeys` indexes (each below limits[i]) and a count,
 * separated by commas, possibly empty; keys strictly increasing.
 */
static bool
read_list(flow_parser *ps, int nkeys, const int *limits, int64_t *cells)
{
	int64_t		last = -1;

	skip(ps);
	if (ps->pos < ps->len && (ps->s[ps->pos] == ';' || ps->s[ps->pos] == '}'))
		return true;
	for (;;)
	{
		int64_t		key = 0;
		uint64_t	v;

		for (int i = 0; i < nkeys; i++)
		{
			if (!read_uint(ps, (uint64_t) limits[i] - 1, &v, "an index"))
				return false;
			key = key * limits[i] + (int64_t) v;
		}
		if (key <= last)
			return fail(ps, "entries must be in increasing order of their indexes, each once");
		if (!read_uint(ps, (uint64_t) CL_FLOW_MAX_COUNT, &v, "a count"))
			return false;
		if (v == 0)
			return fail(ps, "a count of 0 is written by leaving the entry out");
		cells[key] = (int64_t) v;
		last = key;
		skip(ps);
		if (ps->pos < ps->len && ps->s[ps->pos] == ',')
		{
			ps->pos++;
			continue;
		}
		return true;
	}
}

bool
cl_flow_parse(const char *text, size_t len, cl_flow_model *m, char *err, size_t errlen)
{
	flow_parser ps = {text, len, 0, err, errlen};
	cl_date		start;
	uint64_t	months;
	static const int move_limits[3] = {CL_FLOW_BANDS, CL_FLOW_GROUPS, CL_FLOW_DEST};
	static const int entry_limits[2] = {CL_FLOW_AGE_YEARS, CL_FLOW_GROUPS};
	static const int stock_limits[2] = {CL_FLOW_AGE_MONTHS, CL_FLOW_GROUPS};
	int			month_limit[1];

	if (!expect_char(&ps, '{') || !expect_word(&ps, "start") || !read_date(&ps, &start) ||
		!expect_char(&ps, ';') || !expect_word(&ps, "months") ||
		!read_uint(&ps, CL_FLOW_MAX_MONTHS, &months, "the number of months"))
		return false;
	if (months < 1)
		return fail(&ps, "the reference window must be at least 1 month");
	if (!cl_flow_init(m, start, (int32_t) months, err, errlen))
		return false;
	if (!expect_char(&ps, ';') || !expect_word(&ps, "moves") ||
		!read_list(&ps, 3, move_limits, &m->moves[0][0][0]) ||
		!expect_char(&ps, ';') || !expect_word(&ps, "entries") ||
		!read_list(&ps, 2, entry_limits, &m->entries[0][0]) ||
		!expect_char(&ps, ';') || !expect_word(&ps, "stock") ||
		!read_list(&ps, 2, stock_limits, &m->stock[0][0]) ||
		!expect_char(&ps, ';') || !expect_word(&ps, "monthly"))
		return false;
	month_limit[0] = m->months;
	if (!read_list(&ps, 1, month_limit, m->monthly_entries) || !expect_char(&ps, '}'))
		return false;
	skip(&ps);
	if (ps.pos != len)
		return fail(&ps, "unexpected text after \"}\"");
	return true;
}

/* ---- random numbers --------------------------------------------------------- */

void
cl_flow_rng_seed(cl_flow_rng *r, uint64_t seed, uint64_t stream)
{
	r->s = seed * UINT64_C(0x9E3779B97F4A7C15) ^ (stream + 1) * UINT64_C(0xD1B54A32D192ED03);
}

static uint64_t
next64(cl_flow_rng *r)
{
	uint64_t	z = (r->s += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

double
cl_flow_uniform(cl_flow_rng *r)
{
	/* in (0, 1): never 0, so log() is defined */
	return ((double) (next64(r) >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

static double
normal(cl_flow_rng *r)
{
	double		u = cl_flow_uniform(r),
				v = cl_flow_uniform(r);

	return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

int64_t
cl_flow_binomial(cl_flow_rng *r, int64_t n, double p)
{
	double		q;
	int64_t		x = 0;

	if (n <= 0 || p <= 0.0)
		return 0;
	if (p >= 1.0)
		return n;
	q = p <= 0.5 ? p : 1.0 - p;
	if ((double) n * q < 10.0)
	{
		/* exact: successes of probability q as geometric waiting times (about n q + 1 steps) */
		double		log1mq = log1p(-q);
		double		pos = 0.0;

		for (;;)
		{
			pos += floor(log(cl_flow_uniform(r)) / log1mq) + 1.0;
			if (pos > (double) n)
				break;
			x++;
		}
	}
	else if (n <= 30)
	{
		for (int64_t i = 0; i < n; i++)
			x += cl_flow_uniform(r) < q;
	}
	else
	{
		/* normal approximation, n q >= 10 */
		double		mean = (double) n * q;
		double		v = floor(mean + sqrt(mean * (1.0 - q)) * normal(r) + 0.5);

		x = v < 0.0 ? 0 : v > (double) n ? n : (int64_t) v;
	}
	return p <= 0.5 ? x : n - x;
}

int64_t
cl_flow_poisson(cl_flow_rng *r, double mean)
{
	if (mean <= 0.0)
		return 0;
	if (mean < 30.0)
	{
		double		limit = exp(-mean),
					prod = cl_flow_uniform(r);
		int64_t		x = 0;

		while (prod > limit)
		{
			prod *= cl_flow_uniform(r);
			x++;
		}
		return x;
	}
	{
		double		v = floor(mean + sqrt(mean) * normal(r) + 0.5);

		return v < 0.0 ? 0 : (int64_t) v;
	}
}

double
cl_flow_gamma(cl_flow_rng *r, double shape)
{
	double		d,
				c;

	if (shape <= 0.0)
		return 0.0;
	if (shape < 1.0)
		return cl_flow_gamma(r, shape + 1.0) * pow(cl_flow_uniform(r), 1.0 / shape);
	/* Marsaglia and Tsang (2000) */
	d = shape - 1.0 / 3.0;
	c = 1.0 / sqrt(9.0 * d);
	for (;;)
	{
		double		x,
					v,
					u;

		do
		{
			x = normal(r);
			v = 1.0 + c * x;
		} while (v <= 0.0);
		v = v * v * v;
		u = cl_flow_uniform(r);
		if (u < 1.0 - 0.0331 * x * x * x * x || log(u) < 0.5 * x * x + d * (1.0 - v + log(v)))
			return d * v;
	}
}

/* ---- projection ---------------------------------------------------------------- */

typedef struct flow_work
{
	int64_t		stock[CL_FLOW_AGE_MONTHS][CL_FLOW_GROUPS];
	int64_t		next[CL_FLOW_AGE_MONTHS][CL_FLOW_GROUPS];
	double		p[CL_FLOW_BANDS][CL_FLOW_GROUPS][CL_FLOW_DEST];
	double		cum[CL_FLOW_BANDS][CL_FLOW_GROUPS][CL_FLOW_DEST];	/* running sums of p */
	double		entry_rate[CL_FLOW_AGE_YEARS][CL_FLOW_GROUPS];
	double		entry_mixing;	/* shape of the month's gamma factor; 0: none (Poisson) */
} flow_work;

size_t
cl_flow_work_size(void)
{
	return sizeof(flow_work);
}

static bool
adjust_applies(const cl_flow_adjust *a, cl_flow_adjust_kind kind, int band, int group)
{
	return a->kind == kind && (a->band < 0 || a->band == band) && (a->group < 0 || a->group == group);
}

/* One row of move probabilities drawn from its counts (Dirichlet), the group's pooled row when empty. */
static void
draw_row(const cl_flow_model *m, int band, int g, cl_flow_rng *rng, double *p)
{
	int64_t		c[CL_FLOW_DEST];
	int64_t		total = 0;
	double		sum = 0.0;

	for (int d = 0; d < CL_FLOW_DEST; d++)
		total += c[d] = m->moves[band][g][d];
	if (total == 0)
		for (int b = 0; b < CL_FLOW_BANDS; b++)
			for (int d = 0; d < CL_FLOW_DEST; d++)
				total += m->moves[b][g][d], c[d] += m->moves[b][g][d];
	if (total == 0)
	{
		/* never seen: children stay where they are */
		for (int d = 0; d < CL_FLOW_DEST; d++)
			p[d] = d == g ? 1.0 : 0.0;
		return;
	}
	for (int d = 0; d < CL_FLOW_DEST; d++)
		sum += p[d] = cl_flow_gamma(rng, (double) c[d]);
	for (int d = 0; d < CL_FLOW_DEST; d++)
		p[d] /= sum;
}

/* Scales the probabilities of some destinations; staying takes up the difference. */
static void
scale_row(double *p, int stay, bool (*which) (int d, int stay, int target), int target, double factor)
{
	double		others = 0.0;

	for (int d = 0; d < CL_FLOW_DEST; d++)
		if (d != stay)
		{
			if (which(d, stay, target))
				p[d] *= factor;
			others += p[d];
		}
	if (others > 1.0)
	{
		for (int d = 0; d < CL_FLOW_DEST; d++)
			if (d != stay)
				p[d] /= others;
		others = 1.0;
	}
	p[stay] = 1.0 - others;
}

static bool
is_move_to(int d, int stay, int target)
{
	return d < CL_FLOW_GROUPS && d != stay && (target < 0 || d == target);
}

static bool
is_exit(int d, int stay, int target)
{
	(void) stay;
	(void) target;
	return d >= CL_FLOW_GROUPS;
}

/*
 * The shape k of a month's common gamma factor (mean 1) so that the total
 * entries of a month have the window's variance: mean + mean^2 / k; 0 when
 * they vary no more than Poisson counts.
 */
static double
entry_mixing_shape(const cl_flow_model *m)
{
	double		mean = 0.0,
				var = 0.0;

	if (m->months < 2)
		return 0.0;
	for (int k = 0; k < m->months; k++)
		mean += (double) m->monthly_entries[k];
	mean /= m->months;
	for (int k = 0; k < m->months; k++)
	{
		double		d = (double) m->monthly_entries[k] - mean;

		var += d * d;
	}
	var /= m->months - 1;
	return var > mean && mean > 0.0 ? mean * mean / (var - mean) : 0.0;
}

static void
draw_rates(const cl_flow_model *m, const cl_flow_adjust *adjust, int nadjust, cl_flow_rng *rng, flow_work *w)
{
	for (int b = 0; b < CL_FLOW_BANDS; b++)
		for (int g = 0; g < CL_FLOW_GROUPS; g++)
		{
			double	   *p = w->p[b][g];

			draw_row(m, b, g, rng, p);
			for (int i = 0; i < nadjust; i++)
			{
				const cl_flow_adjust *a = &adjust[i];

				if (a->kind == CL_FLOW_ADJUST_MOVES_TO && (a->band < 0 || a->band == b) && a->group != g)
					scale_row(p, g, is_move_to, a->group, a->factor);
				else if (adjust_applies(a, CL_FLOW_ADJUST_EXITS, b, g))
					scale_row(p, g, is_exit, -1, a->factor);
			}
		}
	for (int y = 0; y < CL_FLOW_AGE_YEARS; y++)
		for (int g = 0; g < CL_FLOW_GROUPS; g++)
		{
			int64_t		c = m->entries[y][g];
			double		rate = c > 0 ? cl_flow_gamma(rng, (double) c) / m->months : 0.0;
			int			b = cl_flow_band_of_age(y);

			for (int i = 0; i < nadjust; i++)
				if (adjust_applies(&adjust[i], CL_FLOW_ADJUST_ENTRIES, b, g) ||
					adjust_applies(&adjust[i], CL_FLOW_ADJUST_MOVES_TO, b, g))
					rate *= adjust[i].factor;
			w->entry_rate[y][g] = rate;
		}
	w->entry_mixing = entry_mixing_shape(m);
	for (int b = 0; b < CL_FLOW_BANDS; b++)
		for (int g = 0; g < CL_FLOW_GROUPS; g++)
		{
			double		c = 0.0;

			for (int d = 0; d < CL_FLOW_DEST; d++)
				w->cum[b][g][d] = c += w->p[b][g][d];
		}
}

void
cl_flow_simulate(const cl_flow_model *m, int horizon, const cl_flow_adjust *adjust, int nadjust,
				 cl_flow_rng *rng, void *work, double *out)
{
	flow_work  *w = (flow_work *) work;

	draw_rates(m, adjust, nadjust, rng, w);
	memcpy(w->stock, m->stock, sizeof(w->stock));
	for (int k = 0; k < horizon; k++)
	{
		double	   *cells = out + (size_t) k * CL_FLOW_CELLS;

		memset(w->next, 0, sizeof(w->next));
		for (int a = 0; a < CL_FLOW_AGE_MONTHS; a++)
		{
			const double (*rows)[CL_FLOW_DEST] = w->p[cl_flow_band_of_age(a / 12)];
			const double (*cums)[CL_FLOW_DEST] = w->cum[cl_flow_band_of_age(a / 12)];

			for (int g = 0; g < CL_FLOW_GROUPS; g++)
			{
				int64_t		left = w->stock[a][g];
				double		p_left = 1.0;

				if (left == 0)
					continue;
				if (left <= 16)
				{
					/* a few children: one uniform each, against the running sums */
					for (int64_t i = 0; i < left; i++)
					{
						double		u = cl_flow_uniform(rng) * cums[g][CL_FLOW_DEST - 1];
						int			d = 0;

						while (d < CL_FLOW_DEST - 1 && u >= cums[g][d])
							d++;
						if (d < CL_FLOW_GROUPS && a + 1 < CL_FLOW_AGE_MONTHS)
							w->next[a + 1][d]++;
					}
					continue;
				}
				/* many: a multinomial as binomials conditional on those left */
				for (int d = 0; d < CL_FLOW_DEST && left > 0; d++)
				{
					double		pd = rows[g][d];
					int64_t		x = d == CL_FLOW_DEST - 1 || pd >= p_left ? left
						: cl_flow_binomial(rng, left, pd / p_left);

					p_left -= pd;
					left -= x;
					/* moved or stayed, one month older; at 18 care ends */
					if (d < CL_FLOW_GROUPS && a + 1 < CL_FLOW_AGE_MONTHS)
						w->next[a + 1][d] += x;
				}
			}
		}
		{
			double		mix = w->entry_mixing > 0.0 ? cl_flow_gamma(rng, w->entry_mixing) / w->entry_mixing : 1.0;

		for (int y = 0; y < CL_FLOW_AGE_YEARS; y++)
			for (int g = 0; g < CL_FLOW_GROUPS; g++)
			{
				int64_t		n = cl_flow_poisson(rng, w->entry_rate[y][g] * mix);

				/* spread over the 12 months of age evenly: work bounded whatever n is */
				for (int month = 0; month < 12 && n > 0; month++)
				{
					int64_t		x = month == 11 ? n : cl_flow_binomial(rng, n, 1.0 / (12 - month));

					w->next[y * 12 + month][g] += x;
					n -= x;
				}
			}
		}
		memcpy(w->stock, w->next, sizeof(w->stock));
		for (int c = 0; c < CL_FLOW_CELLS; c++)
			cells[c] = 0.0;
		for (int a = 0; a < CL_FLOW_AGE_MONTHS; a++)
		{
			int			b = cl_flow_band_of_age(a / 12);

			for (int g = 0; g < CL_FLOW_GROUPS; g++)
			{
				double		n = (double) w->stock[a][g];

				if (n == 0.0)
					continue;
				cells[b * (CL_FLOW_GROUPS + 1) + g] += n;
				cells[b * (CL_FLOW_GROUPS + 1) + CL_FLOW_GROUPS] += n;
				cells[CL_FLOW_BANDS * (CL_FLOW_GROUPS + 1) + g] += n;
				cells[CL_FLOW_BANDS * (CL_FLOW_GROUPS + 1) + CL_FLOW_GROUPS] += n;
			}
		}
	}
}

void
cl_flow_spend(const double *cells, const double *weekly_cost, int days, double *spend)
{
	const double *all_ages = cells + CL_FLOW_BANDS * (CL_FLOW_GROUPS + 1);

	spend[CL_FLOW_GROUPS] = 0.0;
	for (int g = 0; g < CL_FLOW_GROUPS; g++)
	{
		spend[g] = weekly_cost[g] < 0.0 ? NAN : all_ages[g] * weekly_cost[g] * days / 7.0;
		spend[CL_FLOW_GROUPS] += spend[g];
	}
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return x < y ? -1 : x > y;
}

double
cl_flow_quantile(double *x, int n, double q)
{
	double		h;
	int			i;

	if (n <= 0)
		return 0.0;
	qsort(x, (size_t) n, sizeof(double), cmp_double);
	h = (n - 1) * q;
	i = (int) floor(h);
	if (i >= n - 1)
		return x[n - 1];
	return x[i] + (h - i) * (x[i + 1] - x[i]);
}
