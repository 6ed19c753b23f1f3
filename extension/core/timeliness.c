/*
 * timeliness.c: DfE's years-and-months arithmetic for adoption timeliness
 * (see timeliness.h; metrics.md 12).
 */
#include "timeliness.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>

/* Years in "YY:MM" are bounded so the months fit an int with room. */
#define CL_YEARS_MONTHS_MAX_YEARS 100000

double
cl_days_to_months(double days)
{
	return days / CL_DAYS_PER_MONTH;
}

bool
cl_whole_months(double months, int *whole)
{
	double		r;

	if (!isfinite(months))
		return false;
	r = months < 0 ? -floor(-months + 0.5) : floor(months + 0.5);
	if (r > INT_MAX || r < INT_MIN)
		return false;
	*whole = (int) r;
	return true;
}

bool
cl_years_months_format(double months, char *buf)
{
	int			whole;
	int			n;

	if (!cl_whole_months(months, &whole) || whole < 0
		|| whole / 12 >= CL_YEARS_MONTHS_MAX_YEARS)
		return false;
	n = snprintf(buf, CL_YEARS_MONTHS_MAX, "%02d:%02d", whole / 12, whole % 12);
	return n > 0 && n < CL_YEARS_MONTHS_MAX;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool
cl_years_months_parse(const char *s, size_t len, int *months)
{
	size_t		i = 0;
	long		years = 0;
	int			m = 0;
	int			digits = 0;

	while (i < len && is_blank(s[i]))
		i++;
	while (len > i && is_blank(s[len - 1]))
		len--;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, digits++)
	{
		years = years * 10 + (s[i] - '0');
		if (years >= CL_YEARS_MONTHS_MAX_YEARS)
			return false;
	}
	if (digits == 0 || i >= len || s[i] != ':')
		return false;
	i++;
	for (digits = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++, digits++)
		m = m * 10 + (s[i] - '0');
	if (digits < 1 || digits > 2 || i != len || m > 11)
		return false;
	*months = (int) years * 12 + m;
	return true;
}
