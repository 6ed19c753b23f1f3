/*
 * cin_journey.c: a child's Children in Need journey and DfE's CIN measures
 * over it (see cin_journey.h; definitions in doc/cin.md and metrics.md 15).
 */
#include "cin_journey.h"
#include "cin_codes.h"
#include "retvalue.h"
#include "scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- order */

static int
kind_rank(uint8_t kind)
{
	switch (kind)
	{
		case 'R':
			return 0;
		case 'A':
			return 1;
		case 'S':
			return 2;
		case 'P':
			return 3;
		default:
			return 4;			/* 'C' */
	}
}

#define CMP(a, b) do { if ((a) != (b)) return (a) < (b) ? -1 : 1; } while (0)

static int
event_cmp(const void *pa, const void *pb)
{
	const cl_cin_event *a = pa;
	const cl_cin_event *b = pb;

	CMP(a->start, b->start);
	CMP(kind_rank(a->kind), kind_rank(b->kind));
	CMP(a->end, b->end);
	CMP(a->code1, b->code1);
	CMP(a->code2, b->code2);
	CMP(a->nfa, b->nfa);
	CMP(a->previous, b->previous);
	CMP(a->factors, b->factors);
	return 0;
}

void
cl_cin_sort(cl_cin_event *ev, int n)
{
	if (n > 1)
		qsort(ev, (size_t) n, sizeof(cl_cin_event), event_cmp);
}

/* ---------------------------------------------------------------- text */

int
cl_cin_text_max_events(const char *text, size_t len)
{
	int			n = 1;

	for (size_t i = 0; i < len; i++)
		if (text[i] == ';' && n < INT32_MAX)
			n++;
	return n;
}

/* The longest event: "A " date " " date " " and 44 factor codes of up to 3 characters with commas. */
#define EVENT_TEXT_MAX 256

size_t
cl_cin_text_size(int n)
{
	return 3 + (size_t) (n > 0 ? n : 0) * (EVENT_TEXT_MAX + 2);
}

typedef struct tokens
{
	const char *p[16];
	size_t		len[16];
	int			n;
} tokens;

/* Splits s[0..len) at blanks; false when there are more than 16 tokens. */
static bool
split(const char *s, size_t len, tokens *t)
{
	size_t		i = 0;

	t->n = 0;
	for (;;)
	{
		size_t		start;

		i = cl_scan_skip(s, len, i, CL_SCAN_SPACE);
		if (i >= len)
			return true;
		if (t->n == 16)
			return false;
		start = i;
		while (i < len && !cl_scan_is_space(s[i], CL_SCAN_SPACE))
			i++;
		t->p[t->n] = s + start;
		t->len[t->n] = i - start;
		t->n++;
	}
}

static bool
is_dash(const char *p, size_t len)
{
	return len == 1 && p[0] == '-';
}

static bool
read_date(const char *p, size_t len, bool dash_ok, cl_date dash, cl_date *out, char *err, size_t errsize)
{
	char		msg[120];

	if (is_dash(p, len))
	{
		if (!dash_ok)
		{
			snprintf(err, errsize, "a date is required here, not \"-\"");
			return false;
		}
		*out = dash;
		return true;
	}
	if (!cl_retvalue_date(p, len, out, msg, sizeof msg))
	{
		snprintf(err, errsize, "\"%.*s\": %s", (int) (len > 40 ? 40 : len), p, msg);
		return false;
	}
	return true;
}

/* A code of a CIN list as its index + 1 ("-" is 0 when dash_ok). */
static bool
read_code(cl_cin_list list, const char *p, size_t len, bool dash_ok, uint8_t *out, char *err, size_t errsize)
{
	if (dash_ok && is_dash(p, len))
	{
		*out = 0;
		return true;
	}
	for (int i = 0; i < cl_cin_code_count(list); i++)
	{
		const char *c = cl_cin_code_at(list, i);

		if (strlen(c) == len && memcmp(c, p, len) == 0)
		{
			*out = (uint8_t) (i + 1);
			return true;
		}
	}
	snprintf(err, errsize, "\"%.*s\" is not a %s code", (int) (len > 40 ? 40 : len), p, cl_cin_list_field(list));
	return false;
}

static bool
read_factors(const char *p, size_t len, uint64_t *out, char *err, size_t errsize)
{
	size_t		i = 0;

	*out = 0;
	while (i < len)
	{
		size_t		start = i;
		uint8_t		code;

		while (i < len && p[i] != ',')
			i++;
		if (!read_code(CL_CIN_FACTOR, p + start, i - start, false, &code, err, errsize))
			return false;
		*out |= (uint64_t) 1 << (code - 1);
		if (i < len)
		{
			i++;				/* the comma */
			if (i == len)
			{
				snprintf(err, errsize, "a factor list ends with a comma");
				return false;
			}
		}
	}
	return true;
}

static bool
parse_event(const char *s, size_t len, cl_cin_event *e, char *err, size_t errsize)
{
	tokens		t;
	int			need_min,
				need_max;

	memset(e, 0, sizeof *e);
	e->start = CL_CIN_NO_DATE;
	e->end = CL_DATE_OPEN;
	e->previous = -1;
	if (!split(s, len, &t))
	{
		snprintf(err, errsize, "an event has too many fields");
		return false;
	}
	if (t.n == 0 || t.len[0] != 1 || t.p[0][0] == '\0' || strchr("RASPC", t.p[0][0]) == NULL)
	{
		snprintf(err, errsize, "an event starts with R, A, S, P or C");
		return false;
	}
	e->kind = (uint8_t) t.p[0][0];
	switch (e->kind)
	{
		case 'R':
			need_min = 3, need_max = 5;
			break;
		case 'A':
			need_min = 3, need_max = 4;
			break;
		case 'S':
			need_min = 2, need_max = 2;
			break;
		case 'P':
			need_min = 3, need_max = 3;
			break;
		default:
			need_min = 6, need_max = 6;
			break;
	}
	if (t.n < need_min || t.n > need_max)
	{
		snprintf(err, errsize, "a %c event has %d to %d fields, not %d", e->kind, need_min, need_max, t.n);
		return false;
	}
	if (!read_date(t.p[1], t.len[1], e->kind == 'A', CL_CIN_NO_DATE, &e->start, err, errsize))
		return false;
	if (t.n > 2 && !read_date(t.p[2], t.len[2], true, CL_DATE_OPEN, &e->end, err, errsize))
		return false;
	if (e->start != CL_CIN_NO_DATE && e->end != CL_DATE_OPEN && e->end < e->start)
	{
		snprintf(err, errsize, "a %c event ends before it starts", e->kind);
		return false;
	}
	if (e->kind == 'R')
	{
		for (int i = 3; i < t.n; i++)
		{
			if (t.len[i] == 3 && memcmp(t.p[i], "nfa", 3) == 0 && !e->nfa)
				e->nfa = 1;
			else if (e->code1 == 0 && !e->nfa && i == 3)
			{
				if (!read_code(CL_CIN_CLOSURE_REASON, t.p[i], t.len[i], false, &e->code1, err, errsize))
					return false;
			}
			else
			{
				snprintf(err, errsize, "an R event ends with an optional ReasonForClosure and an optional nfa");
				return false;
			}
		}
	}
	else if (e->kind == 'A' && t.n == 4)
	{
		if (!read_factors(t.p[3], t.len[3], &e->factors, err, errsize))
			return false;
	}
	else if (e->kind == 'C')
	{
		if (!read_code(CL_CIN_ABUSE_CATEGORY, t.p[3], t.len[3], true, &e->code1, err, errsize) ||
			!read_code(CL_CIN_ABUSE_CATEGORY, t.p[4], t.len[4], true, &e->code2, err, errsize))
			return false;
		if (!is_dash(t.p[5], t.len[5]))
		{
			long		v;
			char		msg[120];

			if (!cl_retvalue_int(t.p[5], t.len[5], 0, 999, &v, msg, sizeof msg))
			{
				snprintf(err, errsize, "NumberOfPreviousCPP: %s", msg);
				return false;
			}
			e->previous = (int16_t) v;
		}
	}
	return true;
}

bool
cl_cin_parse(const char *text, size_t len, cl_cin_event *ev, int max, int *n, char *err, size_t errsize)
{
	size_t		i;

	*n = 0;
	cl_scan_trim(&text, &len, CL_SCAN_SPACE);
	if (len >= 1 && text[0] == '{')
	{
		if (len < 2 || text[len - 1] != '}')
		{
			snprintf(err, errsize, "a journey opened with { must end with }");
			return false;
		}
		text++;
		len -= 2;
		cl_scan_trim(&text, &len, CL_SCAN_SPACE);
	}
	if (len == 0)
		return true;
	i = 0;
	for (;;)
	{
		size_t		start = i;

		while (i < len && text[i] != ';')
			i++;
		if (*n >= max)
		{
			*n = max + 1;
			snprintf(err, errsize, "more than %d events", max);
			return false;
		}
		if (!parse_event(text + start, i - start, &ev[*n], err, errsize))
			return false;
		(*n)++;
		if (i >= len)
			break;
		i++;					/* the ';' */
	}
	cl_cin_sort(ev, *n);
	return true;
}

static char *
put_date(char *o, cl_date d)
{
	if (d == CL_CIN_NO_DATE || d == CL_DATE_OPEN)
		*o++ = '-';
	else
	{
		cl_date_format(d, o);
		o += strlen(o);
	}
	return o;
}

static char *
put_str(char *o, const char *s)
{
	size_t		l = strlen(s);

	memcpy(o, s, l);
	return o + l;
}

void
cl_cin_format(const cl_cin_event *ev, int n, char *out)
{
	char	   *o = out;

	*o++ = '{';
	for (int i = 0; i < n; i++)
	{
		const cl_cin_event *e = &ev[i];

		if (i > 0)
			o = put_str(o, "; ");
		*o++ = (char) e->kind;
		*o++ = ' ';
		o = put_date(o, e->start);
		if (e->kind == 'S')
			continue;
		*o++ = ' ';
		o = put_date(o, e->end);
		if (e->kind == 'R')
		{
			if (e->code1)
			{
				*o++ = ' ';
				o = put_str(o, cl_cin_code_at(CL_CIN_CLOSURE_REASON, e->code1 - 1));
			}
			if (e->nfa)
				o = put_str(o, " nfa");
		}
		else if (e->kind == 'A' && e->factors)
		{
			bool		first = true;

			*o++ = ' ';
			for (int f = 0; f < cl_cin_code_count(CL_CIN_FACTOR) && f < 64; f++)
				if (e->factors & ((uint64_t) 1 << f))
				{
					if (!first)
						*o++ = ',';
					o = put_str(o, cl_cin_code_at(CL_CIN_FACTOR, f));
					first = false;
				}
		}
		else if (e->kind == 'C')
		{
			*o++ = ' ';
			o = put_str(o, e->code1 ? cl_cin_code_at(CL_CIN_ABUSE_CATEGORY, e->code1 - 1) : "-");
			*o++ = ' ';
			o = put_str(o, e->code2 ? cl_cin_code_at(CL_CIN_ABUSE_CATEGORY, e->code2 - 1) : "-");
			if (e->previous >= 0)
				o += sprintf(o, " %d", (int) e->previous);
			else
				o = put_str(o, " -");
		}
	}
	*o++ = '}';
	*o = '\0';
}

/* ---------------------------------------------------------------- rules */

/* 1 January 2000 (day 0) was a Saturday: weekday 0 = Monday .. 6 = Sunday. */
int
cl_cin_weekday(cl_date d)
{
	int			w = (int) (((int64_t) d + 5) % 7);

	return w < 0 ? w + 7 : w;
}

int
cl_cin_working_days(cl_date from, cl_date to, const cl_date *holidays, int nholidays)
{
	int64_t		days,
				weeks,
				count;
	int			rest,
				w;
	int			lo,
				hi;

	if (to <= from)
		return 0;
	days = (int64_t) to - from;
	weeks = days / 7;
	rest = (int) (days % 7);
	count = weeks * 5;
	w = cl_cin_weekday(from);
	for (int i = 1; i <= rest; i++)
		if ((w + i) % 7 < 5)
			count++;
	/* holidays after from up to to that fall on a weekday (binary search for the first) */
	lo = 0;
	hi = nholidays;
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (holidays[mid] <= from)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (int i = lo; i < nholidays && holidays[i] <= to; i++)
		if (cl_cin_weekday(holidays[i]) < 5 && (i == lo || holidays[i] != holidays[i - 1]))
			count--;
	return (int) count;
}

int
cl_cin_duration_band(cl_date start, cl_date on)
{
	if (on <= cl_add_months(start, 3))
		return 0;				/* 3 months or less */
	if (on <= cl_add_months(start, 6))
		return 1;				/* more than 3 months to 6 months */
	if (on < cl_add_months(start, 12))
		return 2;				/* more than 6 months, less than 1 year */
	if (on < cl_add_months(start, 24))
		return 3;				/* 1 year, less than 2 years */
	return 4;					/* 2 years or more */
}

static bool
in_year(cl_date d, cl_date ys, cl_date ye)
{
	return d != CL_CIN_NO_DATE && d != CL_DATE_OPEN && d >= ys && d <= ye;
}

/* The factor "21": no factors identified. */
static uint64_t
no_factor_bit(void)
{
	for (int i = 0; i < cl_cin_code_count(CL_CIN_FACTOR); i++)
		if (strcmp(cl_cin_code_at(CL_CIN_FACTOR, i), "21") == 0)
			return (uint64_t) 1 << i;
	return 0;
}

void
cl_cin_year_counts(const cl_cin_event *ev, int n, int year, const cl_date *holidays, int nholidays,
				   cl_cin_year *out)
{
	cl_date		ys = cl_year_start(year);
	cl_date		ye = cl_year_end(year);
	uint64_t	none = no_factor_bit();

	memset(out, 0, sizeof *out);
	for (int i = 0; i < n; i++)
	{
		const cl_cin_event *e = &ev[i];

		switch (e->kind)
		{
			case 'R':
				if (e->start <= ye && e->end >= ys)
					out->episodes_anypoint++;
				if (in_year(e->end, ys, ye))
					out->episodes_ended++;
				if (e->start <= ye && e->end > ye)
					out->episodes_at31++;
				if (!in_year(e->start, ys, ye))
					break;
				out->episodes_started++;
				out->referrals++;
				if (e->nfa)
					out->referrals_nfa++;
				if (e->code1 && strcmp(cl_cin_code_at(CL_CIN_CLOSURE_REASON, e->code1 - 1), "RC8") == 0)
					out->referrals_not_in_need++;
				/* a previous referral within 12 months (events are sorted: look back) */
				for (int j = i - 1; j >= 0; j--)
				{
					if (ev[j].start < cl_add_months(e->start, -12))
						break;
					if (ev[j].kind == 'R' && ev[j].start < e->start)
					{
						out->rereferrals++;
						break;
					}
				}
				break;
			case 'A':
				if (!in_year(e->end, ys, ye))
					break;
				out->assessments_completed++;
				if (e->start != CL_CIN_NO_DATE)
				{
					out->assessments_timed++;
					if (cl_cin_working_days(e->start, e->end, holidays, nholidays) <= 45)
						out->assessments_within_45++;
				}
				out->factors_any |= e->factors;
				if (e->factors & ~none)
					out->assessments_with_factor++;
				break;
			case 'S':
				if (in_year(e->start, ys, ye))
					out->section47_started++;
				break;
			case 'C':
				if (in_year(e->end, ys, ye))
				{
					out->cpp_ended++;
					if (e->end >= cl_add_months(e->start, 24))
						out->cpp_ended_2y++;
				}
				if (e->start <= ye && e->end > ye)
				{
					out->cpp_at31++;
					out->cpp_at31_band[cl_cin_duration_band(e->start, ye)]++;
				}
				if (in_year(e->start, ys, ye))
				{
					bool		earlier = false;
					bool		within2 = false;

					out->cpp_started++;
					for (int j = 0; j < n; j++)
					{
						const cl_cin_event *p = &ev[j];

						if (p->kind != 'C' || p->start >= e->start)
							continue;
						earlier = true;
						if (p->end != CL_DATE_OPEN && p->end <= e->start &&
							p->end >= cl_add_months(e->start, -24))
							within2 = true;
					}
					if (earlier || e->previous > 0)
						out->cpp_subsequent++;
					if (within2)
						out->cpp_subsequent_2y++;
				}
				break;
			default:
				break;
		}
	}
}

int
cl_cin_factor_count(const cl_cin_event *ev, int n, int year, int factor)
{
	cl_date		ys = cl_year_start(year);
	cl_date		ye = cl_year_end(year);
	int			count = 0;

	if (factor < 0 || factor >= 64)
		return 0;
	for (int i = 0; i < n; i++)
		if (ev[i].kind == 'A' && in_year(ev[i].end, ys, ye) && (ev[i].factors & ((uint64_t) 1 << factor)))
			count++;
	return count;
}
