/*
 * scan.c: shared steps of the text parsers (see scan.h).
 */
#include "scan.h"

#include <string.h>

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

void
cl_scanner_init(cl_scanner *sc, const char *text, size_t len, cl_scan_space space)
{
	sc->start = sc->p = text;
	sc->end = text + len;
	sc->space = space;
}

void
cl_scanner_skip_space(cl_scanner *sc)
{
	sc->p += cl_scan_skip(sc->p, (size_t) (sc->end - sc->p), 0, sc->space);
}

bool
cl_scanner_at(cl_scanner *sc, char c)
{
	cl_scanner_skip_space(sc);
	return sc->p < sc->end && *sc->p == c;
}

bool
cl_scanner_accept(cl_scanner *sc, const char *word)
{
	size_t		n = strlen(word);

	cl_scanner_skip_space(sc);
	if ((size_t) (sc->end - sc->p) < n || memcmp(sc->p, word, n) != 0)
		return false;
	sc->p += n;
	return true;
}

int
cl_scanner_uint(cl_scanner *sc, size_t maxdigits, uint64_t max, uint64_t *out)
{
	size_t		avail,
				pos = 0;
	int			n;

	cl_scanner_skip_space(sc);
	avail = (size_t) (sc->end - sc->p);
	if (maxdigits > 0 && avail > maxdigits)
		avail = maxdigits;
	n = cl_scan_uint(sc->p, avail, &pos, max, out);
	sc->p += pos;
	if (n > 0 && maxdigits > 0 && sc->p < sc->end && cl_scan_is_digit(*sc->p))
		return -1;
	return n;
}

void
cl_scanner_token(cl_scanner *sc, const char *stops, const char *stop_word,
				 const char **tok, size_t *len)
{
	const char *start = sc->p;
	size_t		nstop = stop_word ? strlen(stop_word) : 0;

	while (sc->p < sc->end && strchr(stops, *sc->p) == NULL)
	{
		if (nstop > 0 && (size_t) (sc->end - sc->p) >= nstop && memcmp(sc->p, stop_word, nstop) == 0)
			break;
		sc->p++;
	}
	*tok = start;
	*len = (size_t) (sc->p - start);
	cl_scan_trim(tok, len, sc->space);
}

void
cl_scan_excerpt(const char *s, size_t len, size_t max, char *buf, size_t bufsize)
{
	size_t		k = len;

	if (k > max)
		k = max;
	if (k > bufsize - 4)
		k = bufsize - 4;
	/* do not cut a UTF-8 character */
	if (k < len)
		while (k > 0 && ((unsigned char) s[k] & 0xC0) == 0x80)
			k--;
	for (size_t i = 0; i < k; i++)
		buf[i] = ((unsigned char) s[i] < 32 || s[i] == 127) ? '?' : s[i];
	if (k < len)
		memcpy(buf + k, "...", 4);
	else
		buf[k] = '\0';
}
