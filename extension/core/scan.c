/*
 * scan.c: shared steps of the text parsers (see scan.h).
 */
#include "scan.h"

size_t
cl_scan_skip(const char *s, size_t len, size_t i, cl_scan_space kind)
{
	while (i < len && cl_scan_is_space(s[i], kind))
		i++;
	return i;
}

void
cl_scan_trim(const char **p, size_t *n, cl_scan_space kind)
{
	while (*n > 0 && cl_scan_is_space(**p, kind))
	{
		(*p)++;
		(*n)--;
	}
	while (*n > 0 && cl_scan_is_space((*p)[*n - 1], kind))
		(*n)--;
}

int
cl_scan_uint(const char *s, size_t len, size_t *pos, uint64_t max, uint64_t *out)
{
	uint64_t	v = 0;
	int			digits = 0;

	while (*pos < len && cl_scan_is_digit(s[*pos]))
	{
		uint64_t	d = (uint64_t) (s[*pos] - '0');

		if (d > max || v > (max - d) / 10)
			return -1;
		v = v * 10 + d;
		(*pos)++;
		digits++;
	}
	*out = v;
	return digits;
}
