/* Unit tests of timeliness.c: DfE's years and months of adoption timeliness (metrics.md 12). */
#include <math.h>
#include <string.h>

#include "tap.h"
#include "timeliness.h"

static int
parse(const char *s, int *months)
{
	return cl_years_months_parse(s, strlen(s), months);
}

int
main(void)
{
	char		buf[CL_YEARS_MONTHS_MAX];
	int			m = -1;

	/* 365.25 days are twelve months; a mean month is 30.4375 days */
	ok(fabs(cl_days_to_months(365.25) - 12.0) < 1e-12, "365.25 days are 12 months");
	ok(fabs(cl_days_to_months(30.4375) - 1.0) < 1e-12, "30.4375 days are one month");
	ok(fabs(cl_days_to_months(0)) < 1e-12, "0 days are 0 months");

	/* whole months: halves away from zero */
	ok(cl_whole_months(9.5, &m) && m == 10, "9.5 months round to 10");
	ok(cl_whole_months(9.49, &m) && m == 9, "9.49 months round to 9");
	ok(cl_whole_months(-0.5, &m) && m == -1, "-0.5 rounds away from zero");
	ok(!cl_whole_months(NAN, &m) && !cl_whole_months(INFINITY, &m) && !cl_whole_months(1e300, &m),
	   "NaN, infinity and huge values have no whole months");

	/* DfE's YY:MM */
	ok(cl_years_months_format(19, buf), "19 months format");
	is_str(buf, "01:07", "19 months are 01:07");
	ok(cl_years_months_format(11.6, buf), "11.6 months format");
	is_str(buf, "01:00", "11.6 months round to 12 before splitting: 01:00, never 00:12");
	ok(cl_years_months_format(0.4, buf), "0.4 months format");
	is_str(buf, "00:00", "0.4 months are 00:00");
	ok(cl_years_months_format(123.0, buf), "123 months format");
	is_str(buf, "10:03", "123 months are 10:03");
	ok(!cl_years_months_format(-1, buf) && !cl_years_months_format(NAN, buf)
	   && !cl_years_months_format(1.2e6, buf), "negative, NaN and 100,000 years are refused");

	ok(parse("01:07", &m) && m == 19, "01:07 reads as 19 months");
	ok(parse(" 00:10 ", &m) && m == 10, "blanks around 00:10 are ignored");
	ok(parse("3:3", &m) && m == 39, "one-digit parts are read");
	ok(!parse("00:12", &m), "12 months is not a month part");
	ok(!parse("c", &m) && !parse("", &m) && !parse(":05", &m) && !parse("01:", &m)
	   && !parse("01:005", &m) && !parse("1.5", &m) && !parse("01:07x", &m) && !parse("-1:02", &m),
	   "symbols and malformed texts are refused");
	ok(!parse("99999999999:01", &m), "years beyond the bound are refused");

	/* every whole month up to 100 years round-trips */
	{
		int			bad = 0;

		for (int k = 0; k <= 1200; k++)
			if (!cl_years_months_format(k, buf) || !parse(buf, &m) || m != k)
				bad++;
		is_int(bad, 0, "0 to 1200 months round-trip through YY:MM");
	}
	return tap_done();
}
