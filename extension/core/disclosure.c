/*
 * disclosure.c: primary and secondary suppression, percentages and rounding
 * of published figures (metrics.md section 9).  See disclosure.h.
 */
#include "disclosure.h"

#include <inttypes.h>
#include <stdio.h>

static void
set_err(char *err, size_t errlen, const char *msg, size_t cell, int64_t value)
{
	if (err != NULL && errlen > 0)
		snprintf(err, errlen, msg, cell, value);
}

int
cl_is_primary(int64_t count, int threshold)
{
	return count >= 1 && count <= (int64_t) threshold;
}

int
cl_suppress_row(const int64_t *cells, const unsigned char *missing, size_t n,
				int threshold, unsigned char *state, unsigned char *total_state,
				char *err, size_t errlen)
{
	return cl_suppress_row_forced(cells, missing, NULL, n, threshold, state, total_state,
								  err, errlen);
}

int
cl_suppress_row_forced(const int64_t *cells, const unsigned char *missing,
					   const unsigned char *forced, size_t n, int threshold,
					   unsigned char *state, unsigned char *total_state,
					   char *err, size_t errlen)
{
	size_t		nforced = 0;
	size_t		i;
	size_t		primary = 0;
	int64_t		smallest = -1;
	int64_t		total = 0;
	unsigned char dummy;

	if (total_state == NULL)
		total_state = &dummy;
	*total_state = CL_CELL_SHOWN;

	if (threshold < 0 || threshold > CL_DISCLOSURE_MAX_THRESHOLD)
	{
		if (err != NULL && errlen > 0)
			snprintf(err, errlen, "threshold %d is outside 0 to %d", threshold,
					 CL_DISCLOSURE_MAX_THRESHOLD);
		return CL_DISCLOSURE_ETHRESHOLD;
	}

	/* Primary suppression, and validation of every count. */
	for (i = 0; i < n; i++)
	{
		if (missing != NULL && missing[i])
		{
			state[i] = CL_CELL_MISSING;
			continue;
		}
		if (cells[i] < 0)
		{
			set_err(err, errlen, "cell %zu has the negative count %" PRId64,
					i + 1, cells[i]);
			return CL_DISCLOSURE_ENEGATIVE;
		}
		if (cells[i] > INT64_MAX - total)
		{
			set_err(err, errlen, "cell %zu makes the row total overflow (count %" PRId64 ")",
					i + 1, cells[i]);
			return CL_DISCLOSURE_ERANGE;
		}
		total += cells[i];
		if (cl_is_primary(cells[i], threshold))
		{
			state[i] = CL_CELL_PRIMARY;
			primary++;
		}
		else if (forced != NULL && forced[i])
		{
			/* hidden on request; a forced zero is hidden but protects nothing */
			state[i] = CL_CELL_SECONDARY;
			if (cells[i] > 0)
				nforced++;
		}
		else
			state[i] = CL_CELL_SHOWN;
	}

	/*
	 * Secondary suppression.  Exactly one hidden cell could be recovered as
	 * the total less the published cells.  Several hidden cells whose sum is
	 * their number (all ones) or their number times the threshold (all at the
	 * threshold) are pinned too, by anyone who knows that a "c" cell lies in
	 * 1..threshold.  In both cases the smallest published non-zero cell is
	 * hidden as well; a zero is never chosen (a hidden cell known to be at
	 * least 1 beside a total of 1 is still recovered).  Every published cell
	 * sharing that smallest value is hidden with it, because a published
	 * equal value would bound the hidden one from above and, when the primary
	 * cell equals the threshold, pin both.  When no published non-zero cell
	 * remains, the total is the sum of the primary cells, and the total is
	 * suppressed instead (with one primary cell it is at most the threshold
	 * anyway).
	 */
	if (cl_is_primary(total, threshold))
		*total_state = CL_CELL_PRIMARY;
	if (primary + nforced == 0)
		return CL_DISCLOSURE_OK;
	if (primary + nforced > 1)
	{
		int64_t		hidden_sum = 0;

		if (nforced > 0)
			return CL_DISCLOSURE_OK;	/* a forced non-zero cell is not bounded */
		for (i = 0; i < n; i++)
			if (state[i] == CL_CELL_PRIMARY)
				hidden_sum += cells[i];
		if (hidden_sum != (int64_t) primary &&
			hidden_sum != (int64_t) primary * threshold)
			return CL_DISCLOSURE_OK;
	}
	for (i = 0; i < n; i++)
		if (state[i] == CL_CELL_SHOWN && cells[i] > 0 &&
			(smallest < 0 || cells[i] < smallest))
			smallest = cells[i];
	if (smallest < 0)
	{
		if (*total_state == CL_CELL_SHOWN)
			*total_state = CL_CELL_SECONDARY;
		return CL_DISCLOSURE_OK;
	}
	for (i = 0; i < n; i++)
		if (state[i] == CL_CELL_SHOWN && cells[i] == smallest)
			state[i] = CL_CELL_SECONDARY;
	return CL_DISCLOSURE_OK;
}

int
cl_publish_cumulative(const int64_t *cumulative, size_t n, int64_t total, int threshold,
					  unsigned char *state, char *err, size_t errlen)
{
	int64_t		last = 0;
	size_t		i;

	if (threshold < 0 || threshold > CL_DISCLOSURE_MAX_THRESHOLD)
	{
		if (err != NULL && errlen > 0)
			snprintf(err, errlen, "threshold %d is outside 0 to %d", threshold,
					 CL_DISCLOSURE_MAX_THRESHOLD);
		return CL_DISCLOSURE_ETHRESHOLD;
	}
	for (i = 0; i < n; i++)
	{
		if (cumulative[i] < 0)
		{
			set_err(err, errlen, "value %zu is the negative count %" PRId64, i + 1, cumulative[i]);
			return CL_DISCLOSURE_ENEGATIVE;
		}
		if (i > 0 && cumulative[i] < cumulative[i - 1])
		{
			set_err(err, errlen, "value %zu is less than the one before it (%" PRId64 ")",
					i + 1, cumulative[i]);
			return CL_DISCLOSURE_ERANGE;
		}
		if (total >= 0 && cumulative[i] > total)
		{
			set_err(err, errlen, "value %zu is more than the total (%" PRId64 ")", i + 1, cumulative[i]);
			return CL_DISCLOSURE_ERANGE;
		}
		if (cl_is_primary(cumulative[i], threshold))
			state[i] = CL_CELL_PRIMARY;
		else if (cl_is_primary(cumulative[i] - last, threshold))
			state[i] = CL_CELL_SECONDARY;
		else
		{
			state[i] = CL_CELL_SHOWN;
			last = cumulative[i];
		}
	}
	/* The remainder beside a published total: hide from the end until it is safe. */
	if (total >= 0)
	{
		i = n;
		while (cl_is_primary(total - last, threshold) && i > 0)
		{
			i--;
			if (state[i] != CL_CELL_SHOWN)
				continue;
			state[i] = CL_CELL_SECONDARY;
			last = 0;
			for (size_t j = i; j > 0; j--)
				if (state[j - 1] == CL_CELL_SHOWN)
				{
					last = cumulative[j - 1];
					break;
				}
		}
	}
	return CL_DISCLOSURE_OK;
}

size_t
cl_row_hidden(const unsigned char *state, size_t n)
{
	size_t		hidden = 0;

	for (size_t i = 0; i < n; i++)
		if (state[i] == CL_CELL_PRIMARY || state[i] == CL_CELL_SECONDARY)
			hidden++;
	return hidden;
}

static int
put(char *buf, size_t len, const char *s)
{
	int			w = snprintf(buf, len, "%s", s);

	return (w < 0 || (size_t) w >= len) ? CL_DISCLOSURE_EBUFFER : CL_DISCLOSURE_OK;
}

int
cl_format_count(int64_t count, int threshold, char *buf, size_t len)
{
	int			w;

	if (threshold < 0 || threshold > CL_DISCLOSURE_MAX_THRESHOLD)
		return CL_DISCLOSURE_ETHRESHOLD;
	if (count < 0)
		return CL_DISCLOSURE_ENEGATIVE;
	if (cl_is_primary(count, threshold))
		return put(buf, len, CL_SYMBOL_CONFIDENTIAL);
	w = snprintf(buf, len, "%" PRId64, count);
	return (w < 0 || (size_t) w >= len) ? CL_DISCLOSURE_EBUFFER : CL_DISCLOSURE_OK;
}

int
cl_format_percent(int64_t numerator, int64_t denominator, int threshold,
				  int decimals, char *buf, size_t len)
{
	int64_t		scale = 1;
	int64_t		scaled;
	int			w;

	if (threshold < 0 || threshold > CL_DISCLOSURE_MAX_THRESHOLD)
		return CL_DISCLOSURE_ETHRESHOLD;
	if (decimals < 0 || decimals > CL_DISCLOSURE_MAX_DECIMALS)
		return CL_DISCLOSURE_EDECIMALS;
	if (numerator < 0 || denominator < 0)
		return CL_DISCLOSURE_ENEGATIVE;
	if (cl_is_primary(numerator, threshold) || cl_is_primary(denominator, threshold))
		return put(buf, len, CL_SYMBOL_CONFIDENTIAL);
	if (denominator == 0)
		return put(buf, len, CL_SYMBOL_NOT_APPLICABLE);
	for (int i = 0; i < decimals; i++)
		scale *= 10;
	/* 2 * numerator * 100 * scale must fit: half-up rounding in integers. */
	if (numerator > INT64_MAX / (200 * scale))
		return CL_DISCLOSURE_ERANGE;
	scaled = (2 * numerator * 100 * scale + denominator) / (2 * denominator);
	if (scaled == 0 && numerator > 0)
		return put(buf, len, CL_SYMBOL_LOW);
	if (decimals == 0)
		w = snprintf(buf, len, "%" PRId64, scaled);
	else
		w = snprintf(buf, len, "%" PRId64 ".%0*" PRId64, scaled / scale, decimals,
					 scaled % scale);
	return (w < 0 || (size_t) w >= len) ? CL_DISCLOSURE_EBUFFER : CL_DISCLOSURE_OK;
}

int
cl_round_to_base(int64_t n, int base, int64_t *out)
{
	int64_t		mag,
				q,
				r;

	if (base < 1)
		return CL_DISCLOSURE_EBASE;
	if (n == INT64_MIN)
		return CL_DISCLOSURE_ERANGE;
	mag = n < 0 ? -n : n;
	q = mag / base;
	r = mag % base;
	if (r >= base - r)			/* 2r >= base without overflow: a half goes up */
	{
		if (q > INT64_MAX / base - 1)
			return CL_DISCLOSURE_ERANGE;
		q++;
	}
	else if (q > INT64_MAX / base)
		return CL_DISCLOSURE_ERANGE;
	*out = n < 0 ? -(q * base) : q * base;
	return CL_DISCLOSURE_OK;
}
