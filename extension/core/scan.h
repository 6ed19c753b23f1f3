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

#endif							/* CL_SCAN_H */
