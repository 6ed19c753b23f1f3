/*
 * libFuzzer harness over the text parser of careleaver.survival and
 * careleaver.competing_risks (cl_surv_parse), for both kinds.  Invariants: a
 * parsed state is canonical and passes the binary-input check; its text
 * parses back to the same entries; the estimators run over it without
 * fault and give probabilities in [0, 1]; merging it with itself doubles
 * every count (unless the total would overflow).  An input starting with '#'
 * is read as rows instead: states built by adding and merging them, as the
 * aggregates do, must print text that reads back (output -> input).
 */
#include "survival.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
prob_ok(double p)
{
	return isnan(p) || (p >= -1e-12 && p <= 1.0 + 1e-12);
}

static void
check_state(const cl_surv_state *s, int kind)
{
	char		err[256];

	if (!cl_surv_is_canonical(s) || !cl_surv_check_entries(kind, s->e, s->nused, err, sizeof(err)))
		abort();

	/* text round trip */
	{
		size_t		n = cl_surv_format(s, NULL, 0);
		char	   *buf = malloc(n + 1);
		cl_surv_state *r;
		int32_t		m;

		if (buf == NULL)
			abort();
		if (cl_surv_format(s, buf, n + 1) != n || strlen(buf) != n)
			abort();
		m = cl_surv_parse(buf, kind, NULL, err, sizeof(err));
		if (m != s->nused)
			abort();
		r = malloc(cl_surv_bytes(m));
		cl_surv_init(r, kind, m);
		if (cl_surv_parse(buf, kind, r, err, sizeof(err)) != m || r->total != s->total ||
			memcmp(r->e, s->e, (size_t) m * sizeof(cl_surv_entry)) != 0)
			abort();
		free(r);
		free(buf);
	}

	/* estimators */
	if (kind == CL_SURV_KIND_KM)
	{
		cl_km_iter	it;
		cl_km_row	row;
		double		m,
					l,
					u;

		cl_km_iter_init(&it, s);
		while (cl_km_next(&it, &row))
			if (!prob_ok(row.surv) || !prob_ok(row.lower) || !prob_ok(row.upper) || row.at_risk <= 0)
				abort();
		cl_km_median(s, &m, &l, &u);
		(void) cl_km_at(s, 100);
	}
	else
	{
		int32_t		k = cl_cif_ncauses(s);
		cl_cif_cause *causes = malloc(sizeof(cl_cif_cause) * (size_t) (k + 1));
		cl_cif_iter it;
		cl_cif_row	row;

		cl_cif_iter_init(&it, s, causes);
		while (cl_cif_next(&it, &row))
			if (!prob_ok(row.incidence) || !prob_ok(row.lower) || !prob_ok(row.upper) ||
				isnan(row.variance) || row.variance < 0)
				abort();
		(void) cl_cif_at(s, 1, 100);
		free(causes);
	}

	/* merge with itself: every count doubles */
	if (s->total <= INT32_MAX / 2)
	{
		int32_t		cap = 2 * s->nused + 2;
		cl_surv_state *d = malloc(cl_surv_bytes(cap));

		cl_surv_init(d, kind, cap);
		if (cl_surv_absorb(d, s, err, sizeof(err)) != CL_SURV_OK ||
			cl_surv_absorb(d, s, err, sizeof(err)) != CL_SURV_OK || !cl_surv_compact(d))
			abort();
		if (d->nused != s->nused || d->total != 2 * s->total)
			abort();
		for (int32_t i = 0; i < s->nused; i++)
			if (d->e[i].day != s->e[i].day || d->e[i].count != 2 * s->e[i].count)
				abort();
		free(d);
	}
}

/* Reads a little-endian int32 from data at *pos (zero past the end). */
static int32_t
take_i32(const uint8_t *data, size_t size, size_t *pos)
{
	uint32_t	v = 0;

	for (int k = 0; k < 4; k++, (*pos)++)
		v |= (uint32_t) (*pos < size ? data[*pos] : 0) << (8 * k);
	return (int32_t) v;
}

/*
 * Output -> input on values the aggregates build (not only on what the parser
 * accepts): the bytes are rows (day, cause, count) added one by one, as the
 * transition function does, into two states that are then merged, as the
 * combine function does; any value so built must format to text that parses
 * back to the same entries (check_state).
 */
static void
fuzz_built_state(const uint8_t *data, size_t size, int kind)
{
	int32_t		cap = 16;
	cl_surv_state *a = malloc(cl_surv_bytes(cap));
	cl_surv_state *b = malloc(cl_surv_bytes(cap));
	cl_surv_state **into;
	char		err[256];
	size_t		pos = 0;

	cl_surv_init(a, kind, cap);
	cl_surv_init(b, kind, cap);
	for (int row = 0; pos < size; row++)
	{
		int32_t		day = take_i32(data, size, &pos) & INT32_MAX;
		int32_t		cause = take_i32(data, size, &pos) & (kind == CL_SURV_KIND_KM ? 1 : INT32_MAX);
		int32_t		count = take_i32(data, size, &pos) & INT32_MAX;
		int			rc;

		into = row % 2 ? &b : &a;
		while ((rc = cl_surv_add(*into, day, cause, count, err, sizeof(err))) == CL_SURV_FULL)
		{
			int32_t		ncap = (*into)->capacity * 2;
			cl_surv_state *n = malloc(cl_surv_bytes(ncap));

			memcpy(n, *into, cl_surv_bytes((*into)->capacity));
			memset((char *) n + cl_surv_bytes((*into)->capacity), 0,
				   cl_surv_bytes(ncap) - cl_surv_bytes((*into)->capacity));
			n->capacity = ncap;
			free(*into);
			*into = n;
		}
		if (rc == CL_SURV_ERROR)
			break;				/* the subject count would overflow: the glue stops there */
	}
	{
		int32_t		ncap = 2 * (a->nused + b->nused) + 2;
		cl_surv_state *m = malloc(cl_surv_bytes(ncap));

		cl_surv_init(m, kind, ncap);
		if (cl_surv_absorb(m, a, err, sizeof(err)) != CL_SURV_OK)
			abort();
		if (cl_surv_absorb(m, b, err, sizeof(err)) == CL_SURV_OK)
		{
			if (!cl_surv_compact(m))
				abort();
			check_state(m, kind);
		}
		free(m);
	}
	free(a);
	free(b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* the parser reads a NUL-terminated string (a cstring in the glue) */
	char	   *text = malloc(size + 1);
	char		err[256];

	if (text == NULL)
		return 0;
	if (size > 0 && data[0] == '#')
	{
		/* '#' then rows: values built by adding and merging, as the aggregates do */
		fuzz_built_state(data + 1, size - 1, CL_SURV_KIND_KM);
		fuzz_built_state(data + 1, size - 1, CL_SURV_KIND_CR);
		free(text);
		return 0;
	}
	memcpy(text, data, size);
	text[size] = '\0';
	for (int kind = CL_SURV_KIND_KM; kind <= CL_SURV_KIND_CR; kind++)
	{
		int32_t		n = cl_surv_parse(text, kind, NULL, err, sizeof(err));

		if (n < 0)
		{
			if (memchr(err, '\0', sizeof(err)) == NULL || err[0] == '\0')
				abort();		/* an error always has a message */
			continue;
		}
		{
			cl_surv_state *s = malloc(cl_surv_bytes(n));

			cl_surv_init(s, kind, n);
			if (cl_surv_parse(text, kind, s, err, sizeof(err)) != n)
				abort();
			check_state(s, kind);
			free(s);
		}
	}
	free(text);
	return 0;
}
