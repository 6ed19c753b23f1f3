/*
 * dates.c: calendar arithmetic on day numbers (see dates.h).
 */
#include "dates.h"

#include <stdio.h>

bool
cl_is_leap_year(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
cl_days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month == 2 && cl_is_leap_year(year))
		return 29;
	return days[month - 1];
}

bool
cl_ymd_valid(int year, int month, int day)
{
	return year >= 1 && year <= 9999 && month >= 1 && month <= 12 &&
		day >= 1 && day <= cl_days_in_month(year, month);
}

/* Days from the civil date to 1970-01-01 (proleptic Gregorian). */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t		era;
	int64_t		yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* 2000-01-01 is day 10957 after 1970-01-01. */
#define CL_EPOCH_OFFSET 10957

cl_date
cl_date_from_ymd(int year, int month, int day)
{
	return (cl_date) (days_from_civil(year, month, day) - CL_EPOCH_OFFSET);
}

void
cl_date_to_ymd(cl_date date, int *year, int *month, int *day)
{
	int64_t		z = (int64_t) date + CL_EPOCH_OFFSET + 719468;
	int64_t		era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t		doe = z - era * 146097;
	int64_t		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t		mp = (5 * doy + 2) / 153;
	int			d = (int) (doy - (153 * mp + 2) / 5 + 1);
	int			m = (int) (mp < 10 ? mp + 3 : mp - 9);

	*year = (int) (yoe + era * 400 + (m <= 2));
	*month = m;
	*day = d;
}

/* The birthday in year y of someone born on month m, day d: the one rule. */
static cl_date
birthday_in(int y, int m, int d)
{
	if (m == 2 && d == 29 && !cl_is_leap_year(y))
	{
		m = 3;
		d = 1;
	}
	return cl_date_from_ymd(y, m, d);
}

cl_date
cl_birthday(cl_date dob, int n)
{
	int			y,
				m,
				d;

	cl_date_to_ymd(dob, &y, &m, &d);
	return birthday_in(y + n, m, d);
}

void
cl_birthdays(cl_date dob, const int *ages, int n, cl_date *out)
{
	int			y,
				m,
				d;

	cl_date_to_ymd(dob, &y, &m, &d);
	for (int i = 0; i < n; i++)
		out[i] = birthday_in(y + ages[i], m, d);
}

int
cl_age_on(cl_date dob, cl_date date)
{
	int			by,
				bm,
				bd,
				y,
				m,
				d,
				age;

	cl_date_to_ymd(dob, &by, &bm, &bd);
	cl_date_to_ymd(date, &y, &m, &d);
	age = y - by;
	if (m < bm || (m == bm && d < bd))
		age--;
	return age;
}

cl_date
cl_add_months(cl_date date, int months)
{
	int			y,
				m,
				d,
				total,
				dim;

	cl_date_to_ymd(date, &y, &m, &d);
	total = y * 12 + (m - 1) + months;
	y = total / 12;
	m = total % 12 + 1;
	dim = cl_days_in_month(y, m);
	if (d > dim)
		d = dim;
	return cl_date_from_ymd(y, m, d);
}

cl_date
cl_year_end(int collection_year)
{
	return cl_date_from_ymd(collection_year, 3, 31);
}

cl_date
cl_year_start(int collection_year)
{
	return cl_date_from_ymd(collection_year - 1, 4, 1);
}

int
cl_collection_year(cl_date date)
{
	int			y,
				m,
				d;

	cl_date_to_ymd(date, &y, &m, &d);
	return m >= 4 ? y + 1 : y;
}

cl_date
cl_data_end(cl_date latest)
{
	return cl_year_end(cl_collection_year(latest));
}

void
cl_date_format(cl_date date, char *buf)
{
	int			y,
				m,
				d;

	cl_date_to_ymd(date, &y, &m, &d);
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned) y % 10000u, (unsigned) m % 100u,
			 (unsigned) d % 100u);
}
