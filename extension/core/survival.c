/*
 * survival.c: day-indexed count states, Kaplan-Meier and Aalen-Johansen
 * estimators (see survival.h and doc/survival.md).
 */
#include "survival.h"
#include "scan.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
set_err(char *err, size_t errlen, const char *fmt,...)
	__attribute__((format(printf, 3, 4)));

static void
set_err(char *err, size_t errlen, const char *fmt,...)
{
	va_list		ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

static int
key_cmp(const cl_surv_entry *a, int32_t day, int32_t cause)
{
	if (a->day != day)
		return a->day < day ? -1 : 1;
	if (a->cause != cause)
		return a->cause < cause ? -1 : 1;
	return 0;
}

static int
entry_qsort_cmp(const void *pa, const void *pb)
{
	const cl_surv_entry *a = pa;
	const cl_surv_entry *b = pb;

	return key_cmp(a, b->day, b->cause);
}

size_t
cl_surv_bytes(int32_t capacity)
{
	return CL_SURV_HEADER_BYTES + (size_t) capacity * sizeof(cl_surv_entry);
}

void
cl_surv_init(cl_surv_state *s, int kind, int32_t capacity)
{
	memset(s, 0, cl_surv_bytes(capacity));
	s->version = CL_SURV_VERSION;
	s->kind = (uint8_t) kind;
	s->capacity = capacity;
}

bool
cl_surv_sane(const cl_surv_state *s, int kind, size_t bytes)
{
	if (bytes < CL_SURV_HEADER_BYTES)
		return false;
	if (s->version != CL_SURV_VERSION || s->kind != kind || s->flags != 0)
		return false;
	if (s->capacity < 0 || s->capacity > CL_SURV_MAX_CAPACITY ||
		s->nsorted < 0 || s->nsorted > s->nused || s->nused > s->capacity ||
		s->total < 0)
		return false;
	return bytes == cl_surv_bytes(s->capacity);
}

static bool
cause_ok(int kind, int32_t cause)
{
	if (kind == CL_SURV_KIND_KM)
		return cause == 0 || cause == 1;
	return cause >= 0;
}

/* Index of key in the sorted part, or -1. */
static int32_t
find_sorted(const cl_surv_state *s, int32_t day, int32_t cause)
{
	int32_t		lo = 0,
				hi = s->nsorted - 1;

	while (lo <= hi)
	{
		int32_t		mid = lo + (hi - lo) / 2;
		int			c = key_cmp(&s->e[mid], day, cause);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

bool
cl_surv_compact(cl_surv_state *s)
{
	cl_surv_entry *tail = s->e + s->nsorted;
	int32_t		t = s->nused - s->nsorted;
	int32_t		m = 0;
	int32_t		i,
				a,
				b,
				w;
	cl_surv_entry *src;

	if (t <= 0)
		return true;

	/* Sort the tail and collapse repeated keys. */
	qsort(tail, (size_t) t, sizeof(cl_surv_entry), entry_qsort_cmp);
	for (i = 0; i < t; i++)
	{
		if (m > 0 && tail[m - 1].day == tail[i].day && tail[m - 1].cause == tail[i].cause)
			tail[m - 1].count += tail[i].count;
		else
			tail[m++] = tail[i];
	}

	/* Keys already in the sorted part are added there; keep only new keys. */
	t = m;
	m = 0;
	for (i = 0; i < t; i++)
	{
		int32_t		j = find_sorted(s, tail[i].day, tail[i].cause);

		if (j >= 0)
			s->e[j].count += tail[i].count;
		else
			tail[m++] = tail[i];
	}
	s->nused = s->nsorted + m;	/* same content, tail now sorted and new */
	if (m == 0)
		return true;
	if (s->nsorted == 0)
	{
		s->nsorted = m;
		return true;
	}

	/*
	 * Merge the m new keys into the sorted part from the back.  The keys
	 * must first move out of the region the merge writes, [0, nsorted + m):
	 * to the end of the buffer, which needs capacity >= nsorted + 2m.
	 */
	if ((int64_t) s->nsorted + 2 * (int64_t) m > s->capacity)
		return false;
	src = s->e + s->capacity - m;
	memmove(src, tail, (size_t) m * sizeof(cl_surv_entry));
	a = s->nsorted - 1;
	b = m - 1;
	w = s->nsorted + m - 1;
	while (b >= 0)
	{
		if (a >= 0 && key_cmp(&s->e[a], src[b].day, src[b].cause) > 0)
			s->e[w--] = s->e[a--];
		else
			s->e[w--] = src[b--];
	}
	s->nsorted += m;
	s->nused = s->nsorted;
	/* Keep the spare room deterministic (states travel between processes). */
	memset(s->e + s->nused, 0,
		   (size_t) (s->capacity - s->nused) * sizeof(cl_surv_entry));
	return true;
}

static int32_t
tail_limit(const cl_surv_state *s)
{
	int32_t		q = s->nsorted / 4;

	return q > 32 ? q : 32;
}

int
cl_surv_add(cl_surv_state *s, int32_t day, int32_t cause, int32_t count,
			char *err, size_t errlen)
{
	int32_t		j;

	if (day < 0)
	{
		set_err(err, errlen, "duration %d is negative", (int) day);
		return CL_SURV_ERROR;
	}
	if (!cause_ok(s->kind, cause))
	{
		set_err(err, errlen, "cause %d is negative", (int) cause);
		return CL_SURV_ERROR;
	}
	if (count <= 0)
		return CL_SURV_OK;
	if (s->total > INT32_MAX - count)
	{
		set_err(err, errlen, "more than %d subjects", (int) INT32_MAX);
		return CL_SURV_ERROR;
	}

	j = find_sorted(s, day, cause);
	if (j >= 0)
	{
		s->e[j].count += count;
		s->total += count;
		return CL_SURV_OK;
	}
	/* Runs of the same new key (common while warming up). */
	if (s->nused > s->nsorted)
	{
		cl_surv_entry *last = &s->e[s->nused - 1];

		if (last->day == day && last->cause == cause)
		{
			last->count += count;
			s->total += count;
			return CL_SURV_OK;
		}
	}
	if (s->nused - s->nsorted >= tail_limit(s) ||
		(s->nused == s->capacity && s->nused > s->nsorted))
	{
		/* short of room for the merge: have the caller grow the buffer */
		if (!cl_surv_compact(s))
			return CL_SURV_FULL;
		j = find_sorted(s, day, cause);
		if (j >= 0)
		{
			s->e[j].count += count;
			s->total += count;
			return CL_SURV_OK;
		}
	}
	if (s->nused >= s->capacity)
		return CL_SURV_FULL;
	s->e[s->nused].day = day;
	s->e[s->nused].cause = cause;
	s->e[s->nused].count = count;
	s->nused++;
	s->total += count;
	return CL_SURV_OK;
}

int
cl_surv_absorb(cl_surv_state *dst, const cl_surv_state *src,
			   char *err, size_t errlen)
{
	if (src->nused == 0)
		return CL_SURV_OK;
	if (dst->kind != src->kind)
	{
		set_err(err, errlen, "cannot merge states of different kinds");
		return CL_SURV_ERROR;
	}
	if (dst->total > INT32_MAX - src->total)
	{
		set_err(err, errlen, "more than %d subjects", (int) INT32_MAX);
		return CL_SURV_ERROR;
	}
	if ((int64_t) dst->nused + src->nused > dst->capacity)
		return CL_SURV_FULL;
	memcpy(dst->e + dst->nused, src->e, (size_t) src->nused * sizeof(cl_surv_entry));
	dst->nused += src->nused;
	dst->total += src->total;
	if (dst->nsorted == 0 || dst->nused - dst->nsorted >= tail_limit(dst))
		(void) cl_surv_compact(dst);	/* may need more room: stays a tail */
	return CL_SURV_OK;
}

bool
cl_surv_check_entries(int kind, const cl_surv_entry *e, int32_t n,
					  char *err, size_t errlen)
{
	int64_t		total = 0;
	int32_t		i;

	for (i = 0; i < n; i++)
	{
		if (e[i].day < 0)
		{
			set_err(err, errlen, "Day %d is negative.", (int) e[i].day);
			return false;
		}
		if (!cause_ok(kind, e[i].cause))
		{
			set_err(err, errlen, "Cause %d is out of range.", (int) e[i].cause);
			return false;
		}
		if (e[i].count <= 0)
		{
			set_err(err, errlen, "Count %d on day %d is not positive.",
					(int) e[i].count, (int) e[i].day);
			return false;
		}
		if (i > 0 && key_cmp(&e[i - 1], e[i].day, e[i].cause) >= 0)
		{
			set_err(err, errlen, "Entries are not in increasing order of day and cause at day %d.",
					(int) e[i].day);
			return false;
		}
		total += e[i].count;
		if (total > INT32_MAX)
		{
			set_err(err, errlen, "The counts add up to more than %d subjects.", (int) INT32_MAX);
			return false;
		}
	}
	return true;
}

/* ------------------------------------------------------------------------
 * Text form.
 */
typedef struct parser
{
	cl_scanner	sc;
	char	   *err;
	size_t		errlen;
} parser;

static bool
expect(parser *ps, char c)
{
	char		want[2] = {c, '\0'};

	if (!cl_scanner_accept(&ps->sc, want))
	{
		if (cl_scanner_done(&ps->sc))
			set_err(ps->err, ps->errlen, "Expected \"%c\" at end of input.", c);
		else
			set_err(ps->err, ps->errlen, "Expected \"%c\" at character %ld, found \"%c\".",
					c, cl_scanner_position(&ps->sc), *ps->sc.p);
		return false;
	}
	return true;
}

/* Unsigned decimal integer <= INT32_MAX; *at is where it starts. */
static bool
parse_uint(parser *ps, const char *what, int32_t *out, const char **at)
{
	uint64_t	v = 0;
	int			digits;

	cl_scanner_skip_space(&ps->sc);
	*at = ps->sc.p;
	digits = cl_scanner_uint(&ps->sc, 0, INT32_MAX, &v);
	if (digits == 0)
	{
		if (cl_scanner_done(&ps->sc))
			set_err(ps->err, ps->errlen, "Expected %s at end of input.", what);
		else
			set_err(ps->err, ps->errlen, "Expected %s (a non-negative integer) at character %ld, found \"%c\".",
					what, cl_scanner_position(&ps->sc), *ps->sc.p);
		return false;
	}
	if (digits < 0)
	{
		ps->sc.p = *at;
		set_err(ps->err, ps->errlen, "The %s at character %ld is out of range.", what,
				cl_scanner_position(&ps->sc));
		return false;
	}
	*out = (int32_t) v;
	return true;
}

typedef struct sink
{
	cl_surv_state *out;
	int32_t		n;
	int64_t		total;
} sink;

static bool
put(parser *ps, sink *sk, int32_t day, int32_t cause, int32_t count)
{
	if (count == 0)
		return true;
	sk->total += count;
	if (sk->total > INT32_MAX)
	{
		set_err(ps->err, ps->errlen, "The counts add up to more than %d subjects.", (int) INT32_MAX);
		return false;
	}
	if (sk->out != NULL && sk->n < sk->out->capacity)
	{
		sk->out->e[sk->n].day = day;
		sk->out->e[sk->n].cause = cause;
		sk->out->e[sk->n].count = count;
	}
	sk->n++;
	return true;
}

int32_t
cl_surv_parse(const char *text, int kind, cl_surv_state *out,
			  char *err, size_t errlen)
{
	parser		ps;
	sink		sk = {out, 0, 0};
	int32_t		prev_day = -1;

	cl_scanner_init(&ps.sc, text, strlen(text), CL_SCAN_BLANK);
	ps.err = err;
	ps.errlen = errlen;
	if (!expect(&ps, '{'))
		return -1;
	if (!cl_scanner_accept(&ps.sc, "}"))
	{
		for (;;)
		{
			int32_t		day;
			const char *day_at;

			if (!parse_uint(&ps, "day", &day, &day_at))
				return -1;
			if (day <= prev_day)
			{
				ps.sc.p = day_at;
				set_err(err, errlen, "Day %d at character %ld does not follow day %d: days must be strictly increasing.",
						(int) day, cl_scanner_position(&ps.sc), (int) prev_day);
				return -1;
			}
			prev_day = day;
			if (!expect(&ps, ':'))
				return -1;
			if (kind == CL_SURV_KIND_KM)
			{
				int32_t		events,
							censored;

				const char *at;

				if (!parse_uint(&ps, "number of events", &events, &at) ||
					!expect(&ps, '/') ||
					!parse_uint(&ps, "number censored", &censored, &at))
					return -1;
				if (events == 0 && censored == 0)
				{
					ps.sc.p = day_at;
					set_err(err, errlen, "Day %d at character %ld has no events and no censorings.",
							(int) day, cl_scanner_position(&ps.sc));
					return -1;
				}
				/* cause 0 (censored) sorts before cause 1 (event) */
				if (!put(&ps, &sk, day, 0, censored) || !put(&ps, &sk, day, 1, events))
					return -1;
			}
			else
			{
				int32_t		prev_cause = -1;

				if (!expect(&ps, '{'))
					return -1;
				for (;;)
				{
					int32_t		cause,
								count;
					const char *cause_at;

					if (!parse_uint(&ps, "cause", &cause, &cause_at))
						return -1;
					if (cause <= prev_cause)
					{
						ps.sc.p = cause_at;
						set_err(err, errlen, "Cause %d at character %ld does not follow cause %d: causes must be strictly increasing within a day.",
								(int) cause, cl_scanner_position(&ps.sc), (int) prev_cause);
						return -1;
					}
					prev_cause = cause;
					if (!expect(&ps, ':'))
						return -1;
					if (!parse_uint(&ps, "count", &count, &cause_at))
						return -1;
					if (count == 0)
					{
						ps.sc.p = cause_at;
						set_err(err, errlen, "Count at character %ld is zero: counts must be positive.",
								cl_scanner_position(&ps.sc));
						return -1;
					}
					if (!put(&ps, &sk, day, cause, count))
						return -1;
					if (cl_scanner_accept(&ps.sc, ","))
						continue;
					if (!expect(&ps, '}'))
						return -1;
					break;
				}
			}
			if (cl_scanner_accept(&ps.sc, ","))
				continue;
			if (!expect(&ps, '}'))
				return -1;
			break;
		}
	}
	cl_scanner_skip_space(&ps.sc);
	if (!cl_scanner_done(&ps.sc))
	{
		set_err(err, errlen, "Unexpected \"%c\" at character %ld after the closing brace.",
				*ps.sc.p, cl_scanner_position(&ps.sc));
		return -1;
	}
	if (out != NULL && sk.n <= out->capacity)
	{
		out->nsorted = out->nused = sk.n;
		out->total = (int32_t) sk.total;
	}
	return sk.n;
}

typedef struct outbuf
{
	char	   *buf;
	size_t		len;
	size_t		need;
} outbuf;

static void
emit(outbuf *o, const char *fmt,...)
	__attribute__((format(printf, 2, 3)));

static void
emit(outbuf *o, const char *fmt,...)
{
	char		tmp[64];
	va_list		ap;
	int			n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (o->buf != NULL && o->need + (size_t) n < o->len)
		memcpy(o->buf + o->need, tmp, (size_t) n + 1);
	else if (o->buf != NULL && o->need < o->len)
		o->buf[o->need] = '\0';	/* truncated */
	o->need += (size_t) n;
}

size_t
cl_surv_format(const cl_surv_state *s, char *buf, size_t buflen)
{
	outbuf		o = {buf, buflen, 0};
	int32_t		i = 0;
	bool		first = true;

	if (buf != NULL && buflen > 0)
		buf[0] = '\0';
	emit(&o, "{");
	while (i < s->nsorted)
	{
		int32_t		day = s->e[i].day;

		emit(&o, first ? "%d:" : ",%d:", (int) day);
		first = false;
		if (s->kind == CL_SURV_KIND_KM)
		{
			int32_t		ev = 0,
						ce = 0;

			for (; i < s->nsorted && s->e[i].day == day; i++)
			{
				if (s->e[i].cause == 1)
					ev = s->e[i].count;
				else
					ce = s->e[i].count;
			}
			emit(&o, "%d/%d", (int) ev, (int) ce);
		}
		else
		{
			bool		firstc = true;

			emit(&o, "{");
			for (; i < s->nsorted && s->e[i].day == day; i++)
			{
				emit(&o, firstc ? "%d:%d" : ",%d:%d", (int) s->e[i].cause, (int) s->e[i].count);
				firstc = false;
			}
			emit(&o, "}");
		}
	}
	emit(&o, "}");
	return o.need;
}

int32_t
cl_surv_total(const cl_surv_state *s)
{
	return s->total;
}

int32_t
cl_surv_events(const cl_surv_state *s, int32_t cause)
{
	int64_t		n = 0;
	int32_t		i;

	for (i = 0; i < s->nused; i++)
		if (s->e[i].cause > 0 && (cause < 0 || s->e[i].cause == cause))
			n += s->e[i].count;
	return (int32_t) n;
}

/* ------------------------------------------------------------------------
 * Kaplan-Meier.
 */
static void
loglog_ci(double p, double se_log, double *lower, double *upper)
{
	/*
	 * log(-log S) has standard error se_log / |log S|; the limits are
	 * S^exp(-+ z se_log / log S).  Undefined where S is 0 or 1 (R's survfit
	 * gives NA there too).
	 */
	if (!(p > 0.0 && p < 1.0) || isnan(se_log) || isinf(se_log))
	{
		*lower = *upper = NAN;
		return;
	}
	{
		double		lp = log(p);
		double		w = CL_SURV_Z95 * se_log / lp;	/* negative */

		*lower = exp(-exp(log(-lp) - w));
		*upper = exp(-exp(log(-lp) + w));
	}
}

void
cl_km_iter_init(cl_km_iter *it, const cl_surv_state *s)
{
	it->s = s;
	it->i = 0;
	it->at_risk = s->total;
	it->surv = 1.0;
	it->greenwood = 0.0;
	it->greenwood_inf = false;
}

bool
cl_km_next(cl_km_iter *it, cl_km_row *row)
{
	const cl_surv_state *s = it->s;
	int32_t		day,
				ev = 0,
				ce = 0,
				n;

	if (it->i >= s->nsorted)
		return false;
	day = s->e[it->i].day;
	for (; it->i < s->nsorted && s->e[it->i].day == day; it->i++)
	{
		if (s->e[it->i].cause == 0)
			ce += s->e[it->i].count;
		else
			ev += s->e[it->i].count;
	}
	n = it->at_risk;
	if (ev > 0)
	{
		it->surv *= (double) (n - ev) / (double) n;
		if (n == ev)
			it->greenwood_inf = true;
		else
			it->greenwood += (double) ev / ((double) n * (double) (n - ev));
	}
	row->day = day;
	row->at_risk = n;
	row->events = ev;
	row->censored = ce;
	row->surv = it->surv;
	row->se_log = it->greenwood_inf ? NAN : sqrt(it->greenwood);
	row->std_err = it->greenwood_inf ? NAN : it->surv * row->se_log;
	loglog_ci(it->surv, row->se_log, &row->lower, &row->upper);
	it->at_risk = n - ev - ce;
	return true;
}

double
cl_km_at(const cl_surv_state *s, int32_t day)
{
	cl_km_iter	it;
	cl_km_row	row;
	double		surv = 1.0;
	int32_t		last_day = -1;

	if (s->total == 0)
		return NAN;
	cl_km_iter_init(&it, s);
	while (cl_km_next(&it, &row))
	{
		if (row.day > day)
			return surv;
		surv = row.surv;
		last_day = row.day;
	}
	/* day is at or after the last observed duration */
	if (day > last_day && surv > 0.0)
		return NAN;
	return surv;
}

/*
 * R's findq (survival package, quantile.survfit) for p = 0.5 over the points
 * (0, 1), (day_i, value_i), streaming.  Values that are NaN (undefined
 * limits) are skipped; repeated values keep their first day.
 */
typedef struct findq
{
	double		tol;
	bool		have_last;
	double		last;			/* last kept value */
	bool		have1;
	double		x1;				/* first day with value <= 0.5 + tol */
	bool		have2;
	double		x2;				/* first day with value <= 0.5 - tol */
} findq;

static void
findq_init(findq *q)
{
	memset(q, 0, sizeof(*q));
	q->tol = 1.4901161193847656e-08;	/* sqrt(DBL_EPSILON), as R */
	q->have_last = true;
	q->last = 1.0;				/* the point (0, S = 1) */
}

static void
findq_point(findq *q, double x, double v)
{
	if (isnan(v))
		return;
	if (q->have_last && v == q->last)
		return;					/* a repeat of the level: keep the first day */
	q->have_last = true;
	q->last = v;
	if (!q->have1 && v <= 0.5 + q->tol)
	{
		q->have1 = true;
		q->x1 = x;
	}
	if (!q->have2 && v <= 0.5 - q->tol)
	{
		q->have2 = true;
		q->x2 = x;
	}
}

static double
findq_result(const findq *q, double xmax)
{
	if (!q->have1)
		return NAN;
	if (q->have2)
		return (q->x1 + q->x2) / 2.0;
	/* the curve ends on a flat at 0.5 */
	if (fabs(0.5 - q->last) < q->tol)
		return (q->x1 + xmax) / 2.0;
	return NAN;
}

void
cl_km_median(const cl_surv_state *s, double *median, double *lower, double *upper)
{
	cl_km_iter	it;
	cl_km_row	row;
	findq		qs,
				ql,
				qu;
	double		xmax = 0.0;

	*median = *lower = *upper = NAN;
	if (s->total == 0)
		return;
	findq_init(&qs);
	findq_init(&ql);
	findq_init(&qu);
	cl_km_iter_init(&it, s);
	while (cl_km_next(&it, &row))
	{
		xmax = row.day;
		findq_point(&qs, row.day, row.surv);
		findq_point(&ql, row.day, row.lower);
		findq_point(&qu, row.day, row.upper);
	}
	*median = findq_result(&qs, xmax);
	*lower = findq_result(&ql, xmax);
	*upper = findq_result(&qu, xmax);
}

/* ------------------------------------------------------------------------
 * Competing risks.
 */
/*
 * Distinct causes > 0 in ascending order, written to out when not NULL;
 * one pass over the entries per cause (causes are few).
 */
static int32_t
list_causes(const cl_surv_state *s, cl_cif_cause *out)
{
	int32_t		n = 0;
	int64_t		prev = 0;

	for (;;)
	{
		int32_t		best = 0;
		bool		found = false;
		int32_t		i;

		for (i = 0; i < s->nsorted; i++)
		{
			int32_t		c = s->e[i].cause;

			if (c > prev && (!found || c < best))
			{
				best = c;
				found = true;
			}
		}
		if (!found)
			return n;
		if (out != NULL)
		{
			memset(&out[n], 0, sizeof(cl_cif_cause));
			out[n].cause = best;
		}
		n++;
		prev = best;
	}
}

int32_t
cl_cif_ncauses(const cl_surv_state *s)
{
	return list_causes(s, NULL);
}

static cl_cif_cause *
find_cause(cl_cif_iter *it, int32_t cause)
{
	int32_t		lo = 0,
				hi = it->ncauses - 1;

	while (lo <= hi)
	{
		int32_t		mid = lo + (hi - lo) / 2;

		if (it->causes[mid].cause == cause)
			return &it->causes[mid];
		if (it->causes[mid].cause < cause)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

void
cl_cif_iter_init(cl_cif_iter *it, const cl_surv_state *s, cl_cif_cause *causes)
{
	memset(it, 0, sizeof(*it));
	it->s = s;
	it->causes = causes;
	it->ncauses = list_causes(s, causes);
	it->at_risk = s->total;
	it->surv = 1.0;
	it->k = it->ncauses;		/* no pending rows */
}

/*
 * Gray's variance update (cmprsk's cinc) for one cause on one day: nd1
 * events of this cause, nd2 of other causes, rs at risk, fk the all-cause
 * survival before the day and fkn after it.  c->f is already updated.
 */
static void
gray_update(cl_cif_cause *c, int32_t nd1, int32_t nd2, double rs, double fk, double fkn)
{
	double		t3,
				t4,
				t5,
				t6;

	if (nd2 > 0 && fkn > 0.0)
	{
		t5 = nd2 > 1 ? 1.0 - (nd2 - 1.0) / (rs - 1.0) : 1.0;
		t6 = fk * fk * t5 * nd2 / (rs * rs);
		t3 = 1.0 / fkn;
		t4 = c->f / fkn;
		c->v1 += t4 * t4 * t6;
		c->v2 += t3 * t4 * t6;
		c->v3 += t3 * t3 * t6;
	}
	if (nd1 > 0)
	{
		t5 = nd1 > 1 ? 1.0 - (nd1 - 1.0) / (rs - 1.0) : 1.0;
		t6 = fk * fk * t5 * nd1 / (rs * rs);
		t3 = fkn > 0.0 ? 1.0 / fkn : 0.0;
		t4 = 1.0 + t3 * c->f;
		c->v1 += t4 * t4 * t6;
		c->v2 += t3 * t4 * t6;
		c->v3 += t3 * t3 * t6;
		c->variance = c->v1 + c->f * c->f * c->v3 - 2.0 * c->f * c->v2;
		if (c->variance < 0.0)
			c->variance = 0.0;	/* rounding when the true value is ~0 */
	}
}

bool
cl_cif_next(cl_cif_iter *it, cl_cif_row *row)
{
	const cl_surv_state *s = it->s;

	while (it->k >= it->ncauses)
	{
		int32_t		day,
					nd = 0,
					removed = 0,
					rs,
					i,
					k;
		double		fk,
					fkn;

		if (it->i >= s->nsorted)
			return false;
		day = s->e[it->i].day;
		for (k = 0; k < it->ncauses; k++)
			it->causes[k].nd = 0;
		for (i = it->i; i < s->nsorted && s->e[i].day == day; i++)
		{
			removed += s->e[i].count;
			if (s->e[i].cause > 0)
			{
				cl_cif_cause *c = find_cause(it, s->e[i].cause);

				c->nd += s->e[i].count;
				nd += s->e[i].count;
			}
		}
		it->i = i;
		rs = it->at_risk;
		it->at_risk -= removed;
		if (nd == 0)
			continue;
		fk = it->surv;
		fkn = fk * (double) (rs - nd) / (double) rs;
		for (k = 0; k < it->ncauses; k++)
		{
			cl_cif_cause *c = &it->causes[k];

			if (c->nd > 0)
				c->f += fk * c->nd / (double) rs;
			gray_update(c, c->nd, nd - c->nd, (double) rs, fk, fkn);
		}
		it->surv = fkn;
		it->day = day;
		it->day_at_risk = rs;
		it->k = 0;
	}
	{
		cl_cif_cause *c = &it->causes[it->k++];

		row->day = it->day;
		row->cause = c->cause;
		row->at_risk = it->day_at_risk;
		row->events = c->nd;
		row->incidence = c->f;
		row->variance = c->variance;
		if (c->f > 0.0 && c->f < 1.0)
		{
			double		w = CL_SURV_Z95 * sqrt(c->variance) / (c->f * log(c->f));	/* <= 0 */

			row->lower = pow(c->f, exp(-w));
			row->upper = pow(c->f, exp(w));
		}
		else
			row->lower = row->upper = NAN;
	}
	return true;
}

double
cl_cif_at(const cl_surv_state *s, int32_t cause, int32_t day)
{
	double		surv = 1.0,
				f = 0.0;
	int32_t		at_risk = s->total;
	int32_t		i = 0,
				last_day = -1;

	if (s->total == 0)
		return NAN;
	while (i < s->nsorted && s->e[i].day <= day)
	{
		int32_t		d = s->e[i].day,
					nd = 0,
					ndk = 0,
					removed = 0;

		for (; i < s->nsorted && s->e[i].day == d; i++)
		{
			removed += s->e[i].count;
			if (s->e[i].cause > 0)
				nd += s->e[i].count;
			if (s->e[i].cause == cause)
				ndk += s->e[i].count;
		}
		if (ndk > 0)
			f += surv * ndk / (double) at_risk;
		if (nd > 0)				/* as cl_cif_next, for identical rounding */
			surv = surv * (double) (at_risk - nd) / (double) at_risk;
		at_risk -= removed;
		last_day = d;
	}
	if (i >= s->nsorted && day > last_day && surv > 0.0)
		return NAN;
	return f;
}
