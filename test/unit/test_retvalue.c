/* Unit tests of retvalue.c: dates and whole numbers as written in return files. */
#include <string.h>
#include "tap.h"
#include "retvalue.h"

static char msg[200];

static cl_date
date_of(const char *s)
{
	cl_date		d = -999999;

	msg[0] = 0;
	if (!cl_retvalue_date(s, strlen(s), &d, msg, sizeof msg))
		return -999999;
	return d;
}

static long
int_of(const char *s, long min, long max)
{
	long		v = -999999;

	msg[0] = 0;
	if (!cl_retvalue_int(s, strlen(s), min, max, &v, msg, sizeof msg))
		return -999999;
	return v;
}

int
main(void)
{
	cl_date		d2024 = cl_date_from_ymd(2024, 3, 31);

	is_int(date_of("31/03/2024"), d2024, "DD/MM/YYYY");
	is_int(date_of("2024-03-31"), d2024, "ISO");
	is_int(date_of(" 31/3/2024 "), d2024, "one-digit month, white space");
	is_int(date_of("2024-03-31 00:00:00"), d2024, "midnight time ignored");
	is_int(date_of("2024-03-31T00:00:00"), d2024, "ISO midnight time ignored");
	is_int(date_of("01/04/2016"), cl_date_from_ymd(2016, 4, 1), "day first, not month first");
	is_int(date_of("31/03/24"), -999999, "two-digit year refused");
	is_str(msg, "two-digit year is ambiguous: write the date as DD/MM/YYYY", "... with its reason");
	is_int(date_of("29/02/2023"), -999999, "29 Feb in a common year refused");
	is_str(msg, "day 29 does not exist in 2023-02", "... with its reason");
	is_int(date_of("29/02/2024"), cl_date_from_ymd(2024, 2, 29), "29 Feb in a leap year");
	is_int(date_of("01/13/2024"), -999999, "month 13 refused");
	is_str(msg, "month 13 does not exist", "... with its reason");
	is_int(date_of("2024/03/31"), -999999, "YYYY/MM/DD refused");
	is_str(msg, "not a date: expected DD/MM/YYYY or YYYY-MM-DD", "... as a bad format");
	is_int(date_of("31-03-2024"), -999999, "DD-MM-YYYY refused");
	is_int(date_of("31/03/2024 10:00:00"), -999999, "a real time of day refused");
	is_int(date_of("31/03/1850"), -999999, "year before 1900 refused");
	is_int(date_of("31/03/20245"), -999999, "five-digit year refused");
	is_int(date_of(""), -999999, "blank refused");
	is_int(date_of("abc"), -999999, "text refused");

	is_int(int_of("1", 0, 1), 1, "1");
	is_int(int_of(" 0 ", 0, 1), 0, "0 with spaces");
	is_int(int_of("1.0", 0, 1), 1, "pandas float 1.0");
	is_int(int_of("1.5", 0, 40), -999999, "1.5 refused");
	is_str(msg, "not a whole number", "... with its reason");
	is_int(int_of("2", 0, 1), -999999, "2 out of range for a flag");
	is_str(msg, "out of range 0 to 1", "... with its reason");
	is_int(int_of("-3", -5, 5), -3, "negative");
	is_int(int_of("99999999999999999999", 0, 40), -999999, "huge number refused without overflow");
	is_int(int_of("", 0, 1), -999999, "blank refused");
	is_int(int_of(".0", 0, 1), -999999, "no digits refused");
	ok(cl_retvalue_printable(" C1 \t\r\n", 7, msg, sizeof msg), "surrounding tabs and line ends are not part of the cell");
	ok(!cl_retvalue_printable("12\t34", 5, msg, sizeof msg) &&
	   strcmp(msg, "holds a tab (U+0009): a cell is one line of printable text") == 0, "a tab inside a cell is named");
	ok(!cl_retvalue_printable("a\nRESULT", 8, msg, sizeof msg) && strstr(msg, "a line break (U+000A)") != NULL,
	   "a line break inside a cell is named");
	ok(!cl_retvalue_printable("a\x7f", 2, msg, sizeof msg) && strstr(msg, "a control character (U+007F)") != NULL,
	   "DEL is a control character");
	ok(cl_retvalue_printable("C\xc3\xa9 \"q\"", 7, msg, sizeof msg), "UTF-8 letters and quotes are printable");
	return tap_done();
}
