/*
 * retvalue.h: reading the text of one cell of an SSDA903 return (plain C).
 *
 * The loader stages every cell as text; the server then checks and converts
 * the whole return in one set-based pass.  These functions say, without
 * raising, whether a cell is a valid date or whole number as written in
 * returns, and why not; the code lists are read by codes.h.
 *
 * Dates: DD/MM/YYYY (one-digit day and month accepted) or ISO YYYY-MM-DD,
 * either optionally followed by a midnight time " 00:00:00" (as written by
 * spreadsheet and pandas exports).  Two-digit years are refused: "01/02/03"
 * could be 1903 or 2003.  Years outside 1900..2100 are refused.
 * Whole numbers: optional sign, digits, optionally ".0" (pandas writes a
 * column of integers with blanks as floats: "1.0").
 * Surrounding white space is ignored everywhere.
 * Every kind of cell, text included, is one line of printable text: a tab,
 * line break or other control character inside a value is refused (it comes
 * from a broken export or an unclosed quote, and would corrupt messages).
 */
#ifndef CL_RETVALUE_H
#define CL_RETVALUE_H

#include <stddef.h>
#include <stdbool.h>
#include "dates.h"

/*
 * Parses a date cell.  Returns true and sets *out when valid; otherwise
 * returns false and writes the reason (lower case, no final period) into
 * msg (at most msgsize bytes, NUL-terminated).
 */
extern bool cl_retvalue_date(const char *text, size_t len, cl_date *out,
							 char *msg, size_t msgsize);

/*
 * Parses a whole-number cell in [min, max].  Same conventions.
 */
extern bool cl_retvalue_int(const char *text, size_t len, long min, long max,
							long *out, char *msg, size_t msgsize);

/*
 * True when text (trimmed) holds no control character (U+0000-U+001F,
 * U+007F); otherwise false, with the reason naming it.  Same conventions.
 */
extern bool cl_retvalue_printable(const char *text, size_t len,
								  char *msg, size_t msgsize);

#endif							/* CL_RETVALUE_H */
