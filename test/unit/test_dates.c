/* Unit tests of dates.c: day numbers, birthdays, ages, month arithmetic. */
#include "tap.h"
#include "dates.h"

static cl_date
ymd(int y, int m, int d)
{
	return cl_date_from_ymd(y, m, d);
}

int
main(void)
{
	int			y,
				m,
				d;
	char		buf[11];

	is_int(ymd(2000, 1, 1), 0, "2000-01-01 is day 0 (PostgreSQL's date epoch)");
	is_int(ymd(2024, 3, 31), 8856, "2024-03-31 is day 8856");
	is_int(ymd(1999, 12, 31), -1, "the day before the epoch is -1");
	cl_date_to_ymd(ymd(2016, 2, 29), &y, &m, &d);
	ok(y == 2016 && m == 2 && d == 29, "29 Feb 2016 round-trips");

	/* every day from 1900 to 2100 round-trips */
	{
		int			bad = 0;

		for (cl_date x = ymd(1900, 1, 1); x <= ymd(2100, 12, 31); x++)
		{
			cl_date_to_ymd(x, &y, &m, &d);
			if (cl_date_from_ymd(y, m, d) != x || !cl_ymd_valid(y, m, d))
				bad++;
		}
		is_int(bad, 0, "every day 1900..2100 round-trips through y/m/d");
	}

	ok(cl_ymd_valid(2024, 2, 29) && !cl_ymd_valid(2023, 2, 29), "29 Feb valid only in leap years");
	ok(!cl_ymd_valid(2023, 4, 31) && !cl_ymd_valid(2023, 13, 1) && !cl_ymd_valid(2023, 0, 1),
	   "bad months and days are rejected");
	ok(cl_is_leap_year(2000) && !cl_is_leap_year(1900), "century leap-year rule");

	is_int(cl_birthday(ymd(2006, 6, 15), 16), ymd(2022, 6, 15), "16th birthday");
	is_int(cl_birthday(ymd(2008, 2, 29), 16), ymd(2024, 2, 29), "29 Feb birthday in a leap year");
	is_int(cl_birthday(ymd(2008, 2, 29), 17), ymd(2025, 3, 1), "29 Feb birthday falls on 1 March otherwise");
	{
		static const int ages[3] = {16, 17, 18};
		cl_date		b[3];

		cl_birthdays(ymd(2008, 2, 29), ages, 3, b);
		ok(b[0] == cl_birthday(ymd(2008, 2, 29), 16) && b[1] == cl_birthday(ymd(2008, 2, 29), 17) &&
		   b[2] == cl_birthday(ymd(2008, 2, 29), 18), "cl_birthdays gives cl_birthday's birthdays");
	}

	is_int(cl_age_on(ymd(2008, 2, 29), ymd(2025, 2, 28)), 16, "age on 28 Feb for a 29 Feb birthday");
	is_int(cl_age_on(ymd(2008, 2, 29), ymd(2025, 3, 1)), 17, "age on 1 March for a 29 Feb birthday");
	is_int(cl_age_on(ymd(2006, 6, 15), ymd(2024, 6, 14)), 17, "day before the 18th birthday");
	is_int(cl_age_on(ymd(2006, 6, 15), ymd(2024, 6, 15)), 18, "on the 18th birthday");

	is_int(cl_add_months(ymd(2023, 8, 31), 6), ymd(2024, 2, 29), "31 Aug + 6 months clamps to 29 Feb");
	is_int(cl_add_months(ymd(2023, 1, 15), 6), ymd(2023, 7, 15), "+ 6 months");
	is_int(cl_add_months(ymd(2023, 11, 30), 12), ymd(2024, 11, 30), "+ 12 months");
	is_int(cl_add_months(ymd(2024, 3, 31), -1), ymd(2024, 2, 29), "- 1 month clamps");

	is_int(cl_year_start(2024), ymd(2023, 4, 1), "collection year 2024 starts 1 April 2023");
	is_int(cl_year_end(2024), ymd(2024, 3, 31), "and ends 31 March 2024");
	is_int(cl_collection_year(ymd(2023, 4, 1)), 2024, "1 April 2023 is in collection year 2024");
	is_int(cl_collection_year(ymd(2024, 3, 31)), 2024, "31 March 2024 is in collection year 2024");
	is_int(cl_collection_year(ymd(2024, 4, 1)), 2025, "1 April 2024 starts collection year 2025");
	is_int(cl_collection_year(ymd(1, 1, 1)), 1, "1 January of year 1 is in collection year 1");
	is_int(cl_data_end(ymd(2023, 12, 25)), ymd(2024, 3, 31), "data up to Christmas 2023 ends 31 March 2024");
	is_int(cl_data_end(ymd(2024, 3, 31)), ymd(2024, 3, 31), "data up to 31 March ends on it");
	is_int(cl_data_end(ymd(9999, 12, 31)), ymd(10000, 3, 31), "data end past year 9999");

	cl_date_format(ymd(2024, 3, 1), buf);
	is_str(buf, "2024-03-01", "ISO formatting");

	return tap_done();
}
