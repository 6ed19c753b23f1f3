/*
 * retvalue.c: dates and whole numbers as written in SSDA903 return files.
 * See retvalue.h for the accepted spellings.
 */
#include "retvalue.h"

#include <stdio.h>
#include <string.h>

static void
trim(const char **text, size_t *len)
{
	const char *s = *text;
	size_t		n = *len;

	while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
	{
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' ||
					 s[n - 1] == '\n'))
		n--;
	*text = s;
	*len = n;
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads 1..maxdigits digits at s[*pos]; returns the count read (0 = none). */
static int
read_number(const char *s, size_t len, size_t *pos, int maxdigits, int *value)
{
	int			n = 0;
	int			v = 0;

	while (*pos < len && is_digit(s[*pos]) && n < maxdigits + 1)
	{
		v = v * 10 + (s[*pos] - '0');
		(*pos)++;
		n++;
	}
	*value = v;
	return n;
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
	int			a,
				b,
				c,
				na,
				nb,
				nc;
	int			year,
				month,
				day;
	char		sep;

	trim(&text, &len);
	if (len == 0)
	{
		say(msg, msgsize, "date is blank");
		return false;
	}
	/* a midnight time, as written by spreadsheet exports, is ignored */
	if (len > 9 && memcmp(text + len - 9, " 00:00:00", 9) == 0)
	{
		len -= 9;
		trim(&text, &len);
	}
	else if (len > 9 && memcmp(text + len - 9, "T00:00:00", 9) == 0)
		len -= 9;

	na = read_number(text, len, &pos, 4, &a);
	if (na == 0 || pos >= len || (text[pos] != '/' && text[pos] != '-'))
		goto bad_format;
	sep = text[pos++];
	nb = read_number(text, len, &pos, 2, &b);
	if (nb == 0 || pos >= len || text[pos] != sep)
		goto bad_format;
	pos++;
	nc = read_number(text, len, &pos, 4, &c);
	if (nc == 0 || pos != len)
		goto bad_format;

	if (sep == '-' && na == 4 && nb <= 2 && nc <= 2)
	{
		year = a;
		month = b;
		day = c;
	}
	else if (sep == '/' && na <= 2 && nb <= 2 && nc == 4)
	{
		day = a;
		month = b;
		year = c;
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
	long		v = 0;
	int			digits = 0;

	trim(&text, &len);
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
	while (pos < len && is_digit(text[pos]))
	{
		if (v > 100000000L)
		{
			if (msgsize > 0)
				snprintf(msg, msgsize, "out of range %ld to %ld", min, max);
			return false;
		}
		v = v * 10 + (text[pos] - '0');
		pos++;
		digits++;
	}
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
	trim(&text, &len);
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
