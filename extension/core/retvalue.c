/*
 * retvalue.c: dates and whole numbers as written in SSDA903 return files.
 * See retvalue.h for the accepted spellings.
 */
#include "retvalue.h"
#include "scan.h"

#include <stdio.h>
#include <string.h>

/*
 * Where a date field of at most maxdigits digits starting at pos stops being
 * read: one digit further, so that too long a field is seen as such.
 */
static size_t
field_end(size_t len, size_t pos, size_t maxdigits)
{
	return pos + maxdigits + 1 < len ? pos + maxdigits + 1 : len;
}

static void
say(char *msg, size_t msgsize, const char *text)
{
	if (msgsize > 0)
		snprintf(msg, msgsize, "%s", text);
}

bool
cl_retvalue_date(const char *text, size_t len, cl_date *out, char *msg, size_t msgsize)
{
	size_t		pos = 0;
	uint64_t	a,
				b,
				c;
	int			na,
				nb,
				nc;
	int			year,
				month,
				day;
	char		sep;

	cl_scan_trim(&text, &len, CL_SCAN_BLANK);
	if (len == 0)
	{
		say(msg, msgsize, "date is blank");
		return false;
	}
	/* a midnight time, as written by spreadsheet exports, is ignored */
	if (len > 9 && memcmp(text + len - 9, " 00:00:00", 9) == 0)
	{
		len -= 9;
		cl_scan_trim(&text, &len, CL_SCAN_BLANK);
	}
	else if (len > 9 && memcmp(text + len - 9, "T00:00:00", 9) == 0)
		len -= 9;

	na = cl_scan_uint(text, field_end(len, pos, 4), &pos, UINT64_MAX, &a);
	if (na == 0 || pos >= len || (text[pos] != '/' && text[pos] != '-'))
		goto bad_format;
	sep = text[pos++];
	nb = cl_scan_uint(text, field_end(len, pos, 2), &pos, UINT64_MAX, &b);
	if (nb == 0 || pos >= len || text[pos] != sep)
		goto bad_format;
	pos++;
	nc = cl_scan_uint(text, field_end(len, pos, 4), &pos, UINT64_MAX, &c);
	if (nc == 0 || pos != len)
		goto bad_format;

	if (sep == '-' && na == 4 && nb <= 2 && nc <= 2)
	{
		year = (int) a;
		month = (int) b;
		day = (int) c;
	}
	else if (sep == '/' && na <= 2 && nb <= 2 && nc == 4)
	{
		day = (int) a;
		month = (int) b;
		year = (int) c;
	}
	else if (sep == '/' && na <= 2 && nb <= 2 && nc == 2)
	{
		say(msg, msgsize, "two-digit year is ambiguous: write the date as DD/MM/YYYY");
		return false;
	}
	else
		goto bad_format;

	if (year < 1900 || year > 2100)
	{
		say(msg, msgsize, "year out of range 1900 to 2100");
		return false;
	}
	if (month < 1 || month > 12)
	{
		if (msgsize > 0)
			snprintf(msg, msgsize, "month %d does not exist", month);
		return false;
	}
	if (!cl_ymd_valid(year, month, day))
	{
		if (msgsize > 0)
			snprintf(msg, msgsize, "day %d does not exist in %04d-%02d", day, year, month);
		return false;
	}
	*out = cl_date_from_ymd(year, month, day);
	return true;

bad_format:
	say(msg, msgsize, "not a date: expected DD/MM/YYYY or YYYY-MM-DD");
	return false;
}

bool
cl_retvalue_int(const char *text, size_t len, long min, long max, long *out,
				char *msg, size_t msgsize)
{
	size_t		pos = 0;
	bool		neg = false;
	uint64_t	u = 0;
	long		v;
	int			digits;

	cl_scan_trim(&text, &len, CL_SCAN_BLANK);
	if (len == 0)
	{
		say(msg, msgsize, "number is blank");
		return false;
	}
	if (text[0] == '+' || text[0] == '-')
	{
		neg = (text[0] == '-');
		pos++;
	}
	/* no field of a return is near a billion: more is out of range whatever min and max */
	digits = cl_scan_uint(text, len, &pos, UINT64_C(1000000009), &u);
	if (digits < 0)
	{
		if (msgsize > 0)
			snprintf(msg, msgsize, "out of range %ld to %ld", min, max);
		return false;
	}
	v = (long) u;
	if (digits > 0 && pos < len && text[pos] == '.')
	{
		/* "1.0": an integer written as a float; only zero decimals */
		pos++;
		while (pos < len && text[pos] == '0')
			pos++;
	}
	if (digits == 0 || pos != len)
	{
		say(msg, msgsize, "not a whole number");
		return false;
	}
	if (neg)
		v = -v;
	if (v < min || v > max)
	{
		if (msgsize > 0)
			snprintf(msg, msgsize, "out of range %ld to %ld", min, max);
		return false;
	}
	*out = v;
	return true;
}

bool
cl_retvalue_printable(const char *text, size_t len, char *msg, size_t msgsize)
{
	cl_scan_trim(&text, &len, CL_SCAN_BLANK);
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) text[i];

		if (c >= 0x20 && c != 0x7f)
			continue;
		if (msgsize > 0)
			snprintf(msg, msgsize, "holds %s (U+%04X): a cell is one line of printable text",
					 c == '\t' ? "a tab" : c == '\n' ? "a line break" :
					 c == '\r' ? "a carriage return" : "a control character", c);
		return false;
	}
	return true;
}
