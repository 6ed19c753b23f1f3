/*
 * Unit tests of survival.c: the day-indexed count state (adding, compaction,
 * merging, text form), Kaplan-Meier with Greenwood variance and log-log
 * limits against the Freireich 6-MP example, the median rule, and the
 * Aalen-Johansen cumulative incidence with Gray's variance against hand
 * values and an independent record-by-record transcription of cmprsk's cinc.
 */
#include "tap.h"
#include "survival.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static char err[256];

static cl_surv_state *
new_state(int kind, int32_t cap)
{
	cl_surv_state *s = malloc(cl_surv_bytes(cap));

	cl_surv_init(s, kind, cap);
	return s;
}

/* Add, growing by doubling as the glue does. */
static cl_surv_state *
add(cl_surv_state *s, int32_t day, int32_t cause)
{
	int			rc;

	while ((rc = cl_surv_add(s, day, cause, 1, err, sizeof(err))) == CL_SURV_FULL)
	{
		int32_t		cap = s->capacity < 8 ? 8 : s->capacity * 2;
		cl_surv_state *b = malloc(cl_surv_bytes(cap));

		memcpy(b, s, cl_surv_bytes(s->capacity));
		b->capacity = cap;
		free(s);
		s = b;
	}
	if (rc != CL_SURV_OK)
	{
		printf("# add failed: %s\n", err);
		exit(1);
	}
	return s;
}

static cl_surv_state *
absorb(cl_surv_state *d, const cl_surv_state *src)
{
	if (cl_surv_absorb(d, src, err, sizeof(err)) == CL_SURV_FULL)
	{
		int32_t		cap = d->nused + src->nused;
		cl_surv_state *b = malloc(cl_surv_bytes(cap));

		memcpy(b, d, cl_surv_bytes(d->capacity));
		b->capacity = cap;
		free(d);
		d = b;
		if (cl_surv_absorb(d, src, err, sizeof(err)) != CL_SURV_OK)
			exit(1);
	}
	return d;
}

/* Compact in place, growing first when the merge needs room. */
static cl_surv_state *
canon(cl_surv_state *s)
{
	if (!cl_surv_compact(s))
	{
		int32_t		cap = 2 * s->nused;
		cl_surv_state *b = malloc(cl_surv_bytes(cap));

		memcpy(b, s, cl_surv_bytes(s->capacity));
		b->capacity = cap;
		free(s);
		s = b;
		if (!cl_surv_compact(s))
		{
			printf("# compaction failed after growth\n");
			exit(1);
		}
	}
	return s;
}

static char *
text_of(cl_surv_state **sp)
{
	size_t		n;
	char	   *buf;
	cl_surv_state *s = *sp = canon(*sp);

	n = cl_surv_format(s, NULL, 0);
	buf = malloc(n + 1);
	cl_surv_format(s, buf, n + 1);
	return buf;
}

static cl_surv_state *
parse(const char *text, int kind)
{
	int32_t		n = cl_surv_parse(text, kind, NULL, err, sizeof(err));
	cl_surv_state *s;

	if (n < 0)
		return NULL;
	s = new_state(kind, n);
	if (cl_surv_parse(text, kind, s, err, sizeof(err)) != n)
		return NULL;
	return s;
}

static bool
near(double got, double want, double tol)
{
	return fabs(got - want) <= tol;
}

static double
round_to(double x, int places)
{
	double		m = pow(10.0, places);

	return round(x * m) / m;
}

/* The Freireich et al. (1963) 6-MP arm as printed in Gehan (1965). */
static const int mp6_time[] = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};
static const int mp6_event[] = {1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0};

static void
test_6mp(void)
{
	/* Printed figures: Kleinbaum & Klein, Collett, R survfit(conf.type="log-log"). */
	static const int days[] = {6, 7, 10, 13, 16, 22, 23};
	static const int at_risk[] = {21, 17, 15, 12, 11, 7, 6};
	static const double surv[] = {0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448};
	static const double se[] = {0.0764, 0.0869, 0.0963, 0.1068, 0.1141, 0.1282, 0.1346};
	static const double lo[] = {0.620, 0.563, 0.503, 0.432, 0.368, 0.268, 0.188};
	static const double hi[] = {0.952, 0.923, 0.889, 0.849, 0.805, 0.747, 0.680};
	cl_surv_state *s = new_state(CL_SURV_KIND_KM, 0);
	cl_km_iter	it;
	cl_km_row	r;
	int			k = 0,
				rows = 0,
				bad = 0;
	double		m,
				ml,
				mu;
	char	   *t;

	/* add in reverse order, so that the tail and the compaction are used */
	for (int i = 20; i >= 0; i--)
		s = add(s, mp6_time[i], mp6_event[i]);
	t = text_of(&s);
	is_str(t, "{6:3/1,7:1/0,9:0/1,10:1/1,11:0/1,13:1/0,16:1/0,17:0/1,19:0/1,20:0/1,22:1/0,23:1/0,25:0/1,32:0/2,34:0/1,35:0/1}",
		   "6-MP: state text");
	free(t);
	is_int(cl_surv_total(s), 21, "6-MP: 21 subjects");
	is_int(cl_surv_events(s, -1), 9, "6-MP: 9 relapses");

	cl_km_iter_init(&it, s);
	while (cl_km_next(&it, &r))
	{
		rows++;
		if (r.events == 0)
			continue;
		if (k >= 7 || r.day != days[k] || r.at_risk != at_risk[k] ||
			round_to(r.surv, 3) != surv[k] || round_to(r.std_err, 4) != se[k] ||
			round_to(r.lower, 3) != lo[k] || round_to(r.upper, 3) != hi[k])
		{
			bad++;
			printf("# day %d n %d S %.6f se %.6f (%.6f, %.6f)\n", r.day, r.at_risk,
				   r.surv, r.std_err, r.lower, r.upper);
		}
		k++;
	}
	is_int(rows, 16, "6-MP: one row per distinct time (16)");
	ok(bad == 0 && k == 7, "6-MP: S, Greenwood SE and log-log limits match the printed values at all 7 event times");

	/* exact values at day 6: S = 18/21, var(log S) = 3/(21*18) */
	cl_km_iter_init(&it, s);
	cl_km_next(&it, &r);
	ok(near(r.surv, 18.0 / 21.0, 1e-15), "6-MP: S(6) = 18/21 exactly");
	ok(near(r.se_log, sqrt(3.0 / (21.0 * 18.0)), 1e-15), "6-MP: Greenwood se of log S at 6 = sqrt(3/378)");
	ok(near(r.lower, pow(18.0 / 21.0, exp(-CL_SURV_Z95 * sqrt(3.0 / 378.0) / log(18.0 / 21.0))), 1e-14),
	   "6-MP: lower limit is S^exp(-z se / log S)");

	ok(near(cl_km_at(s, 5), 1.0, 0), "km_at before the first event is 1");
	ok(near(cl_km_at(s, 6), 18.0 / 21.0, 1e-15), "km_at on an event day includes that day's events");
	ok(near(cl_km_at(s, 21), cl_km_at(s, 16), 0), "km_at between events carries the last value");
	ok(near(cl_km_at(s, 35), cl_km_at(s, 23), 1e-15), "km_at on the last (censored) day is defined");
	ok(isnan(cl_km_at(s, 36)), "km_at after the last follow-up is undefined (NaN)");

	cl_km_median(s, &m, &ml, &mu);
	ok(m == 23.0, "6-MP: median 23 weeks");
	ok(ml == 13.0, "6-MP: lower 95%% limit of the median 13 (log-log band, as R prints)");
	ok(isnan(mu), "6-MP: upper limit of the median not reached (NA in R)");
	free(s);
}

static void
test_median_rules(void)
{
	cl_surv_state *s;
	double		m,
				l,
				u;

	/* S = 0.5 exactly from day 10 to day 20, then 0: median is 15 */
	s = parse("{10:1/0,20:1/0}", CL_SURV_KIND_KM);
	cl_km_median(s, &m, &l, &u);
	ok(m == 15.0, "a flat stretch at exactly 0.5 gives the midpoint (10+20)/2");
	free(s);

	/* S ends at exactly 0.5 (last subject censored at 30): midpoint with the last follow-up */
	s = parse("{10:1/0,30:0/1}", CL_SURV_KIND_KM);
	cl_km_median(s, &m, &l, &u);
	ok(m == 20.0, "a curve ending flat at 0.5 gives (10 + last follow-up 30)/2");
	free(s);

	/* 0.75 * 2/3 = 0.5 in exact arithmetic, not in floating point: tolerance applies */
	s = parse("{1:1/0,2:1/0,3:1/0,4:0/1}", CL_SURV_KIND_KM);
	cl_km_median(s, &m, &l, &u);
	ok(m == 2.5, "S(2) = 0.75*2/3 counts as 0.5 within R's tolerance: median (2+3)/2");
	free(s);

	s = parse("{5:1/9}", CL_SURV_KIND_KM);
	cl_km_median(s, &m, &l, &u);
	ok(isnan(m), "no median when the curve stays above 0.5");
	free(s);

	s = parse("{}", CL_SURV_KIND_KM);
	cl_km_median(s, &m, &l, &u);
	ok(isnan(m) && isnan(l) && isnan(u), "empty state: no median");
	ok(isnan(cl_km_at(s, 0)), "empty state: km_at undefined");
	free(s);

	/* everyone has the event: S reaches 0, the limits are undefined there */
	{
		cl_km_iter	it;
		cl_km_row	r;

		s = parse("{0:2/0,3:1/0}", CL_SURV_KIND_KM);
		cl_km_iter_init(&it, s);
		cl_km_next(&it, &r);
		ok(r.day == 0 && near(r.surv, 1.0 / 3.0, 1e-15), "a duration of 0 days is an event on day 0");
		cl_km_next(&it, &r);
		ok(r.surv == 0.0 && isnan(r.lower) && isnan(r.upper) && isnan(r.std_err),
		   "S = 0: Greenwood variance and log-log limits undefined");
		ok(cl_km_at(s, 1000) == 0.0, "km_at after the curve reached 0 is 0");
		free(s);
	}
}

static void
test_text(void)
{
	cl_surv_state *s;
	char	   *t;
	static const struct
	{
		const char *in;
		int			kind;
		const char *msg;
	}			bad[] = {
		{"", CL_SURV_KIND_KM, "Expected \"{\" at end of input."},
		{"{6:1}", CL_SURV_KIND_KM, "Expected \"/\" at character 5, found \"}\"."},
		{"{6:1/0,6:1/0}", CL_SURV_KIND_KM, "Day 6 at character 8 does not follow day 6: days must be strictly increasing."},
		{"{7:1/0,6:1/0}", CL_SURV_KIND_KM, "Day 6 at character 8 does not follow day 7: days must be strictly increasing."},
		{"{6:0/0}", CL_SURV_KIND_KM, "Day 6 at character 2 has no events and no censorings."},
		{"{-1:1/0}", CL_SURV_KIND_KM, "Expected day (a non-negative integer) at character 2, found \"-\"."},
		{"{6:1/0} x", CL_SURV_KIND_KM, "Unexpected \"x\" at character 9 after the closing brace."},
		{"{6:1/0,}", CL_SURV_KIND_KM, "Expected day (a non-negative integer) at character 8, found \"}\"."},
		{"{2147483648:1/0}", CL_SURV_KIND_KM, "The day at character 2 is out of range."},
		{"{1:2147483647/0,2:1/0}", CL_SURV_KIND_KM, "The counts add up to more than 2147483647 subjects."},
		{"{6:{1:0}}", CL_SURV_KIND_CR, "Count at character 7 is zero: counts must be positive."},
		{"{6:{2:1,1:1}}", CL_SURV_KIND_CR, "Cause 1 at character 9 does not follow cause 2: causes must be strictly increasing within a day."},
		{"{6:{}}", CL_SURV_KIND_CR, "Expected cause (a non-negative integer) at character 5, found \"}\"."},
		{"{6:1/0}", CL_SURV_KIND_CR, "Expected \"{\" at character 4, found \"1\"."},
		{"{6:{1:1}", CL_SURV_KIND_CR, "Expected \"}\" at end of input."},
	};

	s = parse(" { 6 : 3 / 1 ,\n7:1/0 } ", CL_SURV_KIND_KM);
	ok(s != NULL, "whitespace between tokens is accepted");
	t = text_of(&s);
	is_str(t, "{6:3/1,7:1/0}", "output is compact");
	free(t);
	free(s);

	s = parse("{}", CL_SURV_KIND_KM);
	ok(s != NULL && s->nused == 0 && s->total == 0, "{} is the empty state");
	free(s);

	s = parse("{0:{0:2,1:1,7:4},12:{2:1}}", CL_SURV_KIND_CR);
	ok(s != NULL && s->total == 8 && s->nused == 4, "competing risks text parses");
	t = text_of(&s);
	is_str(t, "{0:{0:2,1:1,7:4},12:{2:1}}", "competing risks text round-trips");
	free(t);
	ok(cl_cif_ncauses(s) == 3, "three causes with events (1, 2, 7)");
	ok(cl_surv_events(s, 7) == 4 && cl_surv_events(s, -1) == 6, "events by cause and in all");
	free(s);

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		err[0] = '\0';
		ok(cl_surv_parse(bad[i].in, bad[i].kind, NULL, err, sizeof(err)) == -1,
		   "rejects '%s'", bad[i].in);
		is_str(err, bad[i].msg, "message for '%s'", bad[i].in);
	}

	/* errors from adding rows */
	s = new_state(CL_SURV_KIND_KM, 4);
	ok(cl_surv_add(s, -3, 1, 1, err, sizeof(err)) == CL_SURV_ERROR, "negative duration rejected");
	is_str(err, "duration -3 is negative", "negative duration message names the value");
	free(s);
	s = new_state(CL_SURV_KIND_CR, 4);
	ok(cl_surv_add(s, 3, -2, 1, err, sizeof(err)) == CL_SURV_ERROR, "negative cause rejected");
	is_str(err, "cause -2 is negative", "negative cause message names the value");
	free(s);

	{
		cl_surv_entry e[] = {{1, 0, 1}, {1, 1, 2}, {0, 1, 1}};

		ok(cl_surv_check_entries(CL_SURV_KIND_KM, e, 2, err, sizeof(err)), "sorted entries pass the check");
		ok(!cl_surv_check_entries(CL_SURV_KIND_KM, e, 3, err, sizeof(err)), "unsorted entries fail the check");
		e[0].cause = 2;
		ok(!cl_surv_check_entries(CL_SURV_KIND_KM, e, 2, err, sizeof(err)), "cause 2 is out of range for Kaplan-Meier");
	}
}

/* xorshift for reproducible data */
static uint32_t rng = 2463534242u;
static uint32_t
rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static void
test_merge(void)
{
	enum
	{
		N = 20000, G = 7, MAXDAY = 3000
	};
	static int	cnt[MAXDAY][4];
	cl_surv_state *pooled = new_state(CL_SURV_KIND_CR, 0);
	cl_surv_state *group[G];
	cl_surv_state *merged = new_state(CL_SURV_KIND_CR, 0);
	cl_surv_state *merged2 = new_state(CL_SURV_KIND_CR, 0);
	char	   *a,
			   *b,
			   *c;
	int			bad = 0;

	for (int g = 0; g < G; g++)
		group[g] = new_state(CL_SURV_KIND_CR, 0);
	memset(cnt, 0, sizeof(cnt));
	for (int i = 0; i < N; i++)
	{
		int			day = (int) (rnd() % MAXDAY);
		int			cause = (int) (rnd() % 4);
		int			g = (int) (rnd() % G);

		if (i % 5 == 0)
			day = (int) (rnd() % 40);	/* heavy ties */
		cnt[day][cause]++;
		pooled = add(pooled, day, cause);
		group[g] = add(group[g], day, cause);
	}
	/* merge raw (uncompacted) group states, in two different orders */
	for (int g = 0; g < G; g++)
		merged = absorb(merged, group[g]);
	for (int g = G - 1; g >= 0; g--)
		merged2 = absorb(merged2, group[g]);
	a = text_of(&pooled);
	b = text_of(&merged);
	c = text_of(&merged2);
	is_str(b, a, "merging the groups' states gives the pooled state exactly");
	is_str(c, a, "... in any order");
	ok(memcmp(pooled->e, merged->e, (size_t) pooled->nused * sizeof(cl_surv_entry)) == 0 &&
	   pooled->nused == merged->nused && pooled->total == merged->total,
	   "canonical entries are byte-identical");

	/* against naive counts */
	{
		int32_t		i = 0;

		for (int d = 0; d < MAXDAY; d++)
			for (int k = 0; k < 4; k++)
				if (cnt[d][k] > 0)
				{
					if (i >= pooled->nused || pooled->e[i].day != d || pooled->e[i].cause != k ||
						pooled->e[i].count != cnt[d][k])
						bad++;
					i++;
				}
		ok(bad == 0 && i == pooled->nused && pooled->total == N, "state equals naive per-day counts");
	}

	/* parse(format(s)) == s */
	{
		cl_surv_state *r = parse(a, CL_SURV_KIND_CR);

		ok(r != NULL && r->nused == pooled->nused &&
		   memcmp(r->e, pooled->e, (size_t) r->nused * sizeof(cl_surv_entry)) == 0,
		   "text round trip of a large state");
		free(r);
	}
	free(a);
	free(b);
	free(c);
	for (int g = 0; g < G; g++)
		free(group[g]);
	free(pooled);
	free(merged);
	free(merged2);
}

/*
 * An independent transcription of cmprsk's cinc (record by record over
 * sorted data) for one cause: returns F and its variance at time tq.
 */
typedef struct rec
{
	int			t;
	int			cause;
} rec;

static int
rec_cmp(const void *a, const void *b)
{
	return ((const rec *) a)->t - ((const rec *) b)->t;
}

static void
cinc_ref(rec *r, int n, int cause, int tq, double *F, double *V)
{
	double		fk = 1,
				v1 = 0,
				v2 = 0,
				v3 = 0,
				f = 0,
				v = 0,
				rs = n;
	int			l = 0;

	qsort(r, (size_t) n, sizeof(rec), rec_cmp);
	while (l < n && r[l].t <= tq)
	{
		int			ll = l,
					nd1 = 0,
					nd2 = 0,
					nd;
		double		fkn;

		while (l < n && r[l].t == r[ll].t)
		{
			nd1 += r[l].cause == cause;
			nd2 += r[l].cause != cause && r[l].cause != 0;
			l++;
		}
		nd = nd1 + nd2;
		if (nd > 0)
		{
			fkn = fk * (rs - nd) / rs;
			if (nd1 > 0)
				f = f + fk * nd1 / rs;
			if (nd2 > 0 && fkn > 0)
			{
				double		t5 = nd2 > 1 ? 1 - (nd2 - 1.) / (rs - 1.) : 1;
				double		t6 = fk * fk * t5 * nd2 / (rs * rs);
				double		t3 = 1. / fkn,
							t4 = f / fkn;

				v1 += t4 * t4 * t6;
				v2 += t3 * t4 * t6;
				v3 += t3 * t3 * t6;
			}
			if (nd1 > 0)
			{
				double		t5 = nd1 > 1 ? 1 - (nd1 - 1.) / (rs - 1.) : 1;
				double		t6 = fk * fk * t5 * nd1 / (rs * rs);
				double		t3 = fkn > 0 ? 1 / fkn : 0,
							t4 = 1 + t3 * f;

				v1 += t4 * t4 * t6;
				v2 += t3 * t4 * t6;
				v3 += t3 * t3 * t6;
				v = v1 + f * f * v3 - 2 * f * v2;
			}
			fk = fkn;
		}
		rs = n - l;
	}
	*F = f;
	*V = v;
}

static void
test_cif(void)
{
	cl_surv_state *s;
	cl_cif_cause causes[8];
	cl_cif_iter it;
	cl_cif_row	r;
	int			rows = 0;

	/*
	 * Hand-worked: times (cause) 1(1) 2(2) 2(1) 3(censored) 4(1) 5(2).
	 * Day 1: n 6, S- 1     -> F1 = 1/6
	 * Day 2: n 5, S- 5/6   -> F1 = 1/6 + 5/6*1/5 = 1/3, F2 = 1/6; S = 1/2
	 * Day 4: n 2, S- 1/2   -> F1 = 1/3 + 1/2*1/2 = 7/12;   S = 1/4
	 * Day 5: n 1, S- 1/4   -> F2 = 1/6 + 1/4 = 5/12;       S = 0
	 * Gray's variance of F1 at day 1: (t4 - F t3)^2 t6 = (1.2 - 0.2)^2 / 36 = 1/36.
	 */
	s = parse("{1:{1:1},2:{1:1,2:1},3:{0:1},4:{1:1},5:{2:1}}", CL_SURV_KIND_CR);
	is_int(cl_cif_ncauses(s), 2, "two causes");
	cl_cif_iter_init(&it, s, causes);
	{
		static const int wday[] = {1, 1, 2, 2, 4, 4, 5, 5};
		static const int wcause[] = {1, 2, 1, 2, 1, 2, 1, 2};
		static const double wf[] = {1. / 6, 0, 1. / 3, 1. / 6, 7. / 12, 1. / 6, 7. / 12, 5. / 12};
		int			bad = 0;

		while (cl_cif_next(&it, &r))
		{
			if (rows >= 8 || r.day != wday[rows] || r.cause != wcause[rows] ||
				!near(r.incidence, wf[rows], 1e-15))
			{
				bad++;
				printf("# row %d: day %d cause %d F %.17g\n", rows, r.day, r.cause, r.incidence);
			}
			if (rows == 0)
			{
				ok(near(r.variance, 1.0 / 36.0, 1e-16), "Gray's variance of F1 at day 1 is 1/36");
				ok(r.at_risk == 6 && r.events == 1, "day 1: 6 at risk, 1 event of cause 1");
			}
			if (rows == 1)
				ok(r.incidence == 0 && isnan(r.lower), "cause 2 on day 1: incidence 0, no interval");
			rows++;
		}
		ok(bad == 0 && rows == 8, "hand-worked incidences at each event day, one row per cause");
	}
	ok(near(cl_cif_at(s, 1, 3), 1.0 / 3.0, 1e-15), "cif_at between events");
	ok(near(cl_cif_at(s, 2, 5), 5.0 / 12.0, 1e-15), "cif_at on the last day");
	ok(near(cl_cif_at(s, 1, 100) + cl_cif_at(s, 2, 100), 1.0, 1e-15),
	   "the incidences add up to 1 - S when everyone has an event (S reached 0)");
	ok(cl_cif_at(s, 9, 4) == 0.0, "a cause without events has incidence 0");
	free(s);

	s = parse("{1:{1:1},2:{0:2}}", CL_SURV_KIND_CR);
	ok(isnan(cl_cif_at(s, 1, 3)), "cif_at after the last follow-up is undefined");
	ok(near(cl_cif_at(s, 1, 2), 1.0 / 3.0, 1e-15), "cif_at on the last follow-up day is defined");
	free(s);

	/* random data with heavy ties against the record-by-record reference */
	{
		enum
		{
			N = 3000
		};
		static rec	recs[N];
		cl_surv_state *st = new_state(CL_SURV_KIND_CR, 0);
		int			bad = 0,
					checked = 0;
		double		sumf = 0;
		int			lastday = -1;

		for (int i = 0; i < N; i++)
		{
			recs[i].t = (int) (rnd() % 400);
			recs[i].cause = (int) (rnd() % 4);	/* 0 censored, causes 1..3 */
			st = add(st, recs[i].t, recs[i].cause);
		}
		st = canon(st);
		cl_cif_iter_init(&it, st, causes);
		while (cl_cif_next(&it, &r))
		{
			double		F,
						V;

			cinc_ref(recs, N, r.cause, r.day, &F, &V);
			checked++;
			if (!near(r.incidence, F, 1e-13) || !near(r.variance, V, 1e-13 * (1 + V)))
			{
				bad++;
				if (bad < 5)
					printf("# day %d cause %d F %.17g ref %.17g V %.17g ref %.17g\n",
						   r.day, r.cause, r.incidence, F, r.variance, V);
			}
			if (r.day != lastday)
			{
				lastday = r.day;
				sumf = 0;
			}
			sumf += r.incidence;
			if (r.cause == 3 && !near(sumf, 1.0 - cl_km_at(st, r.day), 1e-12))
				bad++;
			if (r.incidence > 0 && r.incidence < 1 && !(r.lower < r.incidence && r.incidence < r.upper))
				bad++;
		}
		ok(bad == 0 && checked > 300, "%d rows agree with the record-by-record cinc transcription, sum to 1 - KM, limits bracket F", checked);
		free(st);
	}
}

static void
test_growth(void)
{
	/* many distinct keys in increasing, decreasing and random order */
	cl_surv_state *a = new_state(CL_SURV_KIND_KM, 0);
	cl_surv_state *b = new_state(CL_SURV_KIND_KM, 0);
	cl_surv_state *c = new_state(CL_SURV_KIND_KM, 0);
	char	   *ta,
			   *tb,
			   *tc;

	for (int i = 0; i < 5000; i++)
	{
		a = add(a, i, i % 3 == 0);
		b = add(b, 4999 - i, (4999 - i) % 3 == 0);
	}
	for (int i = 0; i < 5000; i++)
	{
		int			d = (int) ((uint32_t) (i * 7919) % 5000u);

		c = add(c, d, d % 3 == 0);
	}
	ta = text_of(&a);
	tb = text_of(&b);
	tc = text_of(&c);
	ok(strcmp(ta, tb) == 0 && strcmp(ta, tc) == 0 && a->nused == 5000,
	   "insertion order does not change the state");
	free(ta);
	free(tb);
	free(tc);
	free(a);
	free(b);
	free(c);
}

int
main(void)
{
	test_6mp();
	test_median_rules();
	test_text();
	test_merge();
	test_cif();
	test_growth();
	return tap_done();
}
