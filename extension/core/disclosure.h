/*
 * disclosure.h: statistical disclosure control of published tables
 * (metrics.md section 9), in plain C.
 *
 * Primary suppression hides counts from 1 to the threshold inclusive (zero is
 * shown).  Secondary suppression works on one row of a table whose total is
 * published: when exactly one cell of the row is hidden, the smallest other
 * non-zero cell is hidden too (with every published cell of the same value),
 * so the hidden value cannot be recovered by subtracting the published cells
 * from the total.  See doc/disclosure.md for the rule and its limits.
 *
 * The DfE / GSS symbols used in published output:
 *   c  confidential: suppressed to protect confidentiality
 *   z  not applicable (e.g. a percentage of an empty denominator)
 *   x  not available (the figure was not collected or could not be computed)
 *   k  low: a non-zero figure that rounds to zero at the precision shown
 */
#ifndef CL_DISCLOSURE_H
#define CL_DISCLOSURE_H

#include <stddef.h>
#include <stdint.h>

#define CL_DISCLOSURE_DEFAULT_THRESHOLD 5
#define CL_DISCLOSURE_MAX_THRESHOLD 1000
/* Lowest threshold a role that is not superuser may set (DfE practice). */
#define CL_DISCLOSURE_FLOOR_THRESHOLD 5
#define CL_DISCLOSURE_MAX_DECIMALS 3

#define CL_SYMBOL_CONFIDENTIAL "c"
#define CL_SYMBOL_NOT_APPLICABLE "z"
#define CL_SYMBOL_NOT_AVAILABLE "x"
#define CL_SYMBOL_LOW "k"

/* What happened to one cell of a row. */
typedef enum cl_cell_state
{
	CL_CELL_SHOWN = 0,			/* published as its value */
	CL_CELL_PRIMARY = 1,		/* 1..threshold: hidden as "c" */
	CL_CELL_SECONDARY = 2,		/* hidden as "c" to protect a primary cell */
	CL_CELL_MISSING = 3			/* no value: published as "x" */
} cl_cell_state;

/* Error codes (0 is success). */
#define CL_DISCLOSURE_OK 0
#define CL_DISCLOSURE_ENEGATIVE (-1)	/* a count is negative */
#define CL_DISCLOSURE_ETHRESHOLD (-2)	/* threshold outside 0..MAX */
#define CL_DISCLOSURE_EDECIMALS (-3)	/* decimals outside 0..MAX */
#define CL_DISCLOSURE_EBASE (-4)	/* rounding base < 1 */
#define CL_DISCLOSURE_EBUFFER (-5)	/* output buffer too small */
#define CL_DISCLOSURE_ERANGE (-6)	/* result out of range */

/* 1 when count is primary-suppressed (1 <= count <= threshold), else 0. */
extern int	cl_is_primary(int64_t count, int threshold);

/*
 * Suppresses one row whose total (the sum of its cells) is published.
 * cells[i] is the count of cell i; missing (may be NULL) marks cells without
 * a value, which are published as "x", are left out of the total and neither
 * protect nor need protection.  Writes one cl_cell_state per cell into state
 * and, when total_state is not NULL, the state of the row total: PRIMARY when
 * it is 1..threshold, SECONDARY when the hidden cells could not otherwise be
 * protected (no published non-zero cell was left to hide).  Returns
 * CL_DISCLOSURE_OK or a negative error code; on error, err (if not NULL)
 * receives a message naming the offending cell.
 */
extern int	cl_suppress_row(const int64_t *cells, const unsigned char *missing,
							size_t n, int threshold, unsigned char *state,
							unsigned char *total_state, char *err, size_t errlen);

/*
 * As cl_suppress_row, and the cells marked in forced (may be NULL) are hidden
 * whatever their value (CL_CELL_SECONDARY), e.g. a cell shared with another
 * row where it was hidden.  A forced non-zero cell counts as a hidden cell for
 * secondary suppression; a forced zero is hidden but protects nothing.
 */
extern int	cl_suppress_row_forced(const int64_t *cells, const unsigned char *missing,
								   const unsigned char *forced, size_t n, int threshold,
								   unsigned char *state, unsigned char *total_state,
								   char *err, size_t errlen);

/* Number of hidden cells (primary or secondary) in a suppressed row. */
extern size_t cl_row_hidden(const unsigned char *state, size_t n);

/*
 * Writes the published text of a count: its decimal digits, or "c" when it is
 * primary-suppressed.  Returns 0 or a negative error code.
 */
extern int	cl_format_count(int64_t count, int threshold, char *buf, size_t len);

/*
 * Writes the published text of the percentage 100 * numerator / denominator
 * rounded half away from zero to decimals places: "c" when the numerator or
 * the denominator is primary-suppressed, "z" when the denominator is zero,
 * "k" when a non-zero numerator rounds to zero, else the number.
 */
extern int	cl_format_percent(int64_t numerator, int64_t denominator,
							  int threshold, int decimals, char *buf, size_t len);

/*
 * Suppresses a cumulative series (counts by day 30, 91, ...; each at least the
 * one before) whose cohort total is published: a value is shown only when it
 * is 0 or above the threshold and its difference from the last shown value
 * (0 before the first) is 0 or above the threshold, so no difference of two
 * published values is a count from 1 to the threshold.  When total >= 0 the
 * remainder total - last shown value is protected the same way, by hiding
 * shown values from the end.  Writes CL_CELL_SHOWN or CL_CELL_PRIMARY (primary
 * count) or CL_CELL_SECONDARY (hidden for its difference) per value.
 */
extern int	cl_publish_cumulative(const int64_t *cumulative, size_t n, int64_t total,
								  int threshold, unsigned char *state,
								  char *err, size_t errlen);

/* Rounds n to the nearest multiple of base, halves away from zero. */
extern int	cl_round_to_base(int64_t n, int base, int64_t *out);

#endif							/* CL_DISCLOSURE_H */
