/*
 * Unit tests of scan.c: the steps every hand-written text parser shares.
 */
#include "tap.h"
#include "scan.h"

#include <stdint.h>
#include <string.h>

static int
uint_of(const char *s, uint64_t max, uint64_t *v, size_t *pos)
{
	*pos = 0;
	return cl_scan_uint(s, strlen(s), pos, max, v);
}

int
main(void)
{
	uint64_t	v;
	size_t		pos;
	const char *p;
	size_t		n;

	ok(cl_scan_is_space('\v', CL_SCAN_SPACE) && !cl_scan_is_space('\v', CL_SCAN_BLANK),
	   "\\v is space for SQL values, not for return files");
	ok(cl_scan_is_space('\f', CL_SCAN_SPACE) && !cl_scan_is_space('\f', CL_SCAN_BLANK), "so is \\f");
	ok(cl_scan_is_space('\n', CL_SCAN_BLANK) && cl_scan_is_space('\r', CL_SCAN_BLANK) &&
	   cl_scan_is_space('\t', CL_SCAN_BLANK) && cl_scan_is_space(' ', CL_SCAN_BLANK), "blanks");
	ok(!cl_scan_is_space('\0', CL_SCAN_SPACE) && !cl_scan_is_space('x', CL_SCAN_SPACE), "NUL and letters are not");
	ok(cl_scan_is_digit('0') && cl_scan_is_digit('9') && !cl_scan_is_digit('/') && !cl_scan_is_digit(':'),
	   "digits");

	is_int(cl_scan_skip("  \t x", 5, 0, CL_SCAN_SPACE), 4, "skip to the first non-space");
	is_int(cl_scan_skip("   ", 3, 1, CL_SCAN_SPACE), 3, "skip to the end");
	is_int(cl_scan_skip("\v x", 3, 0, CL_SCAN_BLANK), 0, "\\v is not skipped as a blank");

	p = " \t ab c \r\n";
	n = strlen(p);
	cl_scan_trim(&p, &n, CL_SCAN_BLANK);
	ok(n == 4 && memcmp(p, "ab c", 4) == 0, "trim both ends");
	p = "   ";
	n = 3;
	cl_scan_trim(&p, &n, CL_SCAN_SPACE);
	is_int(n, 0, "trim all-space text to nothing");

	ok(uint_of("2147483647x", INT32_MAX, &v, &pos) == 10 && v == INT32_MAX && pos == 10, "read up to the maximum");
	ok(uint_of("2147483648", INT32_MAX, &v, &pos) == -1 && pos == 9, "past the maximum: -1 on the digit that passes it");
	ok(uint_of("x1", INT32_MAX, &v, &pos) == 0 && pos == 0 && v == 0, "no digit: 0");
	ok(uint_of("007", 10, &v, &pos) == 3 && v == 7, "leading zeros");
	ok(uint_of("9223372036854775807", INT64_MAX, &v, &pos) == 19 && v == (uint64_t) INT64_MAX, "bigint maximum");
	ok(uint_of("9223372036854775808", INT64_MAX, &v, &pos) == -1, "past the bigint maximum");
	ok(uint_of("18446744073709551615", UINT64_MAX, &v, &pos) == 20 && v == UINT64_MAX, "uint64 maximum, no wrap");
	ok(uint_of("18446744073709551616", UINT64_MAX, &v, &pos) == -1, "past uint64: refused, not wrapped");
	ok(uint_of("4", 3, &v, &pos) == -1 && pos == 0, "a single digit past a small maximum: refused (the subtraction must not wrap)");
	ok(uint_of("09", 8, &v, &pos) == -1 && pos == 1, "a last digit past a small maximum: refused");

	/* the cursor */
	{
		cl_scanner	sc;
		const char *tok;
		size_t		len;
		const char *text = " { 12 : ab c -> d=7 , 1234}";

		cl_scanner_init(&sc, text, strlen(text), CL_SCAN_SPACE);
		ok(cl_scanner_at(&sc, '{') && cl_scanner_position(&sc) == 2, "at skips space and takes nothing");
		ok(cl_scanner_accept(&sc, "{") && !cl_scanner_accept(&sc, "}"), "accept takes only what comes next");
		ok(cl_scanner_uint(&sc, 3, 999, &v) == 2 && v == 12, "a number of at most 3 digits");
		ok(cl_scanner_accept(&sc, ":"), "then the colon");
		cl_scanner_token(&sc, "=,}", "->", &tok, &len);
		ok(len == 4 && memcmp(tok, "ab c", 4) == 0 && cl_scanner_accept(&sc, "->"),
		   "a token stops at a stop word, trimmed");
		cl_scanner_token(&sc, "=,}", NULL, &tok, &len);
		ok(len == 1 && tok[0] == 'd' && cl_scanner_accept(&sc, "="), "or at a stop character");
		ok(cl_scanner_uint(&sc, 0, INT64_MAX, &v) == 1 && v == 7 && cl_scanner_accept(&sc, ","), "any number of digits");
		ok(cl_scanner_uint(&sc, 3, 999, &v) == -1 && *sc.p == '4', "a fourth digit: -1, after three");
		sc.p++;
		ok(cl_scanner_accept(&sc, "}") && cl_scanner_done(&sc), "to the end");
		cl_scanner_init(&sc, "  99999999999", 13, CL_SCAN_BLANK);
		ok(cl_scanner_uint(&sc, 0, INT32_MAX, &v) == -1 && cl_scanner_position(&sc) == 12,
		   "past the maximum: -1 on the digit that passes it");
		cl_scanner_init(&sc, "  ", 2, CL_SCAN_BLANK);
		ok(cl_scanner_uint(&sc, 0, 10, &v) == 0 && cl_scanner_done(&sc), "no number at the end");
	}

	/* excerpts for messages */
	{
		char		buf[24];

		cl_scan_excerpt("short", 5, 16, buf, sizeof buf);
		is_str(buf, "short", "a short text as it is");
		cl_scan_excerpt("abcdefghijklmnopqrstuvwxyz", 26, 16, buf, sizeof buf);
		is_str(buf, "abcdefghijklmnop...", "a long one cut, with an ellipsis");
		cl_scan_excerpt("abcdefghijklmno\xc3\xa9z", 18, 16, buf, sizeof buf);
		is_str(buf, "abcdefghijklmno...", "not inside a UTF-8 character");
		cl_scan_excerpt("a\tb\x7f", 4, 16, buf, sizeof buf);
		is_str(buf, "a?b?", "control characters as ?");
		cl_scan_excerpt("abcdefghijklmnopqrstuvwxyz", 26, 100, buf, 8);
		is_str(buf, "abcd...", "never past the buffer");
	}
	return tap_done();
}
