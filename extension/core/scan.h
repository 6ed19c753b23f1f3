/*
 * scan.h: the character classes and cursor steps shared by the core's
 * hand-written text parsers (care_history, survival, trajectory,
 * transition_matrix, code lists, return-file values), so that white space,
 * digits and bounded numbers are read one way everywhere.
 */
#ifndef CL_SCAN_H
#define CL_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Which characters count as white space where a parser skips it. */
typedef enum cl_scan_space
{
	CL_SCAN_SPACE,				/* C isspace: space, \t, \n, \r, \v, \f (SQL values) */
	CL_SCAN_BLANK				/* space, \t, \r, \n (return files, survival text) */
} cl_scan_space;

static inline bool
cl_scan_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool
cl_scan_is_space(char c, cl_scan_space kind)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		(kind == CL_SCAN_SPACE && (c == '\v' || c == '\f'));
}

/* The index of the first character at or after i in s[0..len) that is not white space. */
extern size_t cl_scan_skip(const char *s, size_t len, size_t i, cl_scan_space kind);

/* Trims white space from both ends of [*p, *p + *n). */
extern void cl_scan_trim(const char **p, size_t *n, cl_scan_space kind);

/*
 * Reads an unsigned decimal number at s[*pos] (before len): returns the
 * number of digits read and the value in *out, *pos after them; 0 when no
 * digit is there; -1 when the value would pass max, with *pos on the digit
 * that would pass it.
 */
extern int	cl_scan_uint(const char *s, size_t len, size_t *pos, uint64_t max, uint64_t *out);

/*
 * A cursor over text [start, end), for parsers that read a structure
 * ("{...}") token by token.  Every step that takes something first skips the
 * white space of the cursor's kind.
 */
typedef struct cl_scanner
{
	const char *start;			/* the whole text, for positions in messages */
	const char *p;				/* the next character */
	const char *end;
	cl_scan_space space;		/* what white space is skipped */
} cl_scanner;

extern void cl_scanner_init(cl_scanner *sc, const char *text, size_t len, cl_scan_space space);

static inline bool
cl_scanner_done(const cl_scanner *sc)
{
	return sc->p >= sc->end;
}

/* The 1-based position of the cursor in the text. */
static inline long
cl_scanner_position(const cl_scanner *sc)
{
	return (long) (sc->p - sc->start) + 1;
}

extern void cl_scanner_skip_space(cl_scanner *sc);

/* After white space, whether c comes next (not taken). */
extern bool cl_scanner_at(cl_scanner *sc, char c);

/* After white space, takes the characters of word when they come next. */
extern bool cl_scanner_accept(cl_scanner *sc, const char *word);

/*
 * After white space, reads an unsigned decimal number of at most maxdigits
 * digits (0: any number) and at most max: returns the digits read and the
 * value in *out; 0 when no digit is there; -1 when the value would pass max
 * (cursor on the digit that would pass it) or more than maxdigits digits
 * follow (cursor after maxdigits of them).
 */
extern int	cl_scanner_uint(cl_scanner *sc, size_t maxdigits, uint64_t max, uint64_t *out);

/*
 * Reads a token: the characters up to (not including) the first of stops
 * or the start of stop_word (NULL: none), trimmed of white space; the
 * cursor stays on that stop.
 */
extern void cl_scanner_token(cl_scanner *sc, const char *stops, const char *stop_word,
							 const char **tok, size_t *len);

/*
 * An excerpt of text for a message, in buf (bufsize > 3): at most max bytes
 * of it, not cutting a UTF-8 character, control characters shown as "?",
 * and "..." after it when it was cut.
 */
extern void cl_scan_excerpt(const char *s, size_t len, size_t max, char *buf, size_t bufsize);

#endif							/* CL_SCAN_H */
