/*
 * cin_link.c: the same child in CIN and SSDA903, and the measures across
 * both (see cin_link.h; definitions in doc/cin.md and metrics.md 15.1).
 */
#include "cin_link.h"
#include "codes.h"
#include "returns.h"
#include "scan.h"

#include <string.h>

const char *
cl_cin_link_name(cl_cin_link link)
{
	switch (link)
	{
		case CL_CIN_LINK_ID_AND_UPN:
			return "id and upn";
		case CL_CIN_LINK_ID_ONLY:
			return "id only";
		default:
			return "upn conflict";
	}
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

bool
cl_cin_upn_normalise(const char *s, size_t len, char out[14])
{
	char		first;

	out[0] = '\0';
	if (s == NULL)
		return false;
	cl_scan_trim(&s, &len, CL_SCAN_SPACE);
	if (len != 13)
		return false;
	for (size_t i = 0; i < 13; i++)
		out[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char) (s[i] - 'a' + 'A') : s[i];
	out[13] = '\0';
	first = out[0];
	if (first < 'A' || first > 'Z' || first == 'I' || first == 'O' || first == 'S')
		goto no;
	for (int i = 1; i < 12; i++)
		if (!is_digit(out[i]))
			goto no;
	/* the last: a digit (a permanent UPN) or a letter (a temporary one) */
	if (is_digit(out[12]) || (out[12] >= 'A' && out[12] <= 'Z'))
		return true;
no:
	out[0] = '\0';
	return false;
}

cl_cin_link
cl_cin_link_of(const char *cin_upn, size_t cin_len, const char *former_upn, size_t former_len,
			   const char *cla_upn, size_t cla_len)
{
	char		cin[14],
				former[14],
				cla[14];
	bool		has_cin = cl_cin_upn_normalise(cin_upn, cin_len, cin);
	bool		has_former = cl_cin_upn_normalise(former_upn, former_len, former);

	if (!cl_cin_upn_normalise(cla_upn, cla_len, cla) || (!has_cin && !has_former))
		return CL_CIN_LINK_ID_ONLY;
	if ((has_cin && strcmp(cin, cla) == 0) || (has_former && strcmp(former, cla) == 0))
		return CL_CIN_LINK_ID_AND_UPN;
	return CL_CIN_LINK_UPN_CONFLICT;
}

/* The 12-month rule of the CIN measures: on or after the same day a year earlier (metrics.md 15). */
static cl_date
year_before(cl_date d)
{
	return cl_add_months(d, -12);
}

static void
care_start(const cl_cin_event *ev, int n, const cl_facts *f, cl_date b18, cl_date ys, cl_date ye,
		   cl_date cla_end, cl_date cin_from, cl_date cin_end, cl_cin_care_year *out)
{
	for (int32_t k = 0; k < f->np; k++)
	{
		const cl_period *p = &f->periods[k];
		cl_date		from;

		if (p->start > ye || p->start > cla_end)
			return;
		if (p->start < ys)
			continue;
		out->started = 1;
		out->route = (p->end == CL_DATE_OPEN || p->end > cla_end) ? CL_EXIT_CENSORED
			: (int) cl_exit_cause_of(p->end_reason, p->end, b18);
		from = year_before(p->start);
		if (from < cin_from || p->start > cin_end)
		{
			/* decided by the dates alone, as a follow-up is (returns.h) */
			out->lookback_incomplete = 1;
			return;
		}
		for (int i = 0; i < n; i++)
		{
			const cl_cin_event *e = &ev[i];

			if (e->start == CL_CIN_NO_DATE || e->start > p->start)
				continue;
			if (e->kind == 'R' && e->start >= from)
				out->after_referral = 1;
			else if (e->kind == 'C' && (e->end == CL_DATE_OPEN || e->end >= from))
				out->after_cpp = 1;
		}
		out->after_help = out->after_referral || out->after_cpp;
		return;
	}
}

static void
returns_home(const cl_cin_event *ev, int n, const cl_facts *f, cl_date ys, cl_date ye, cl_date cla_end,
			 cl_date cin_from, cl_date cin_end, cl_cin_care_year *out)
{
	for (int32_t k = 0; k < f->np; k++)
	{
		const cl_period *p = &f->periods[k];
		cl_date		window_end;
		bool		seen = false;

		if (p->start > ye)
			return;
		if (p->end == CL_DATE_OPEN || p->end > cla_end || p->end < ys || p->end > ye ||
			!cl_rec_is_returned_home(p->end_reason))
			continue;
		out->returned_home++;
		/* (return, return + 12 months), as re-entry's window (metrics.md 6) */
		window_end = cl_add_months(p->end, 12);
		if (p->end < cin_from || (int64_t) window_end > (int64_t) cin_end + 1)
		{
			out->rereferral_incomplete++;
			continue;
		}
		for (int i = 0; i < n && !seen; i++)
			seen = ev[i].kind == 'R' && ev[i].start > p->end && ev[i].start < window_end;
		if (seen)
			out->rereferred++;
	}
}

void
cl_cin_care_year_counts(const cl_cin_event *ev, int n, const cl_facts *f, cl_date dob, int year,
						cl_date cla_end, cl_date cin_from, cl_date cin_end, cl_cin_care_year *out)
{
	cl_date		ys = cl_year_start(year);
	cl_date		ye = cl_year_end(year);
	cl_date		b18 = dob == CL_DATE_OPEN ? CL_DATE_OPEN : cl_birthday(dob, 18);

	memset(out, 0, sizeof *out);
	care_start(ev, n, f, b18, ys, ye, cla_end, cin_from, cin_end, out);
	returns_home(ev, n, f, ys, ye, cla_end, cin_from, cin_end, out);
}
