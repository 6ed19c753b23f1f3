/*
 * libFuzzer harness over disclosure control (disclosure.c): the bytes are a
 * threshold, flags and counts; checks the invariants of metrics.md 9 on every
 * input: a count from 1 to the threshold is hidden, a row whose total is
 * published never has exactly one hidden non-zero cell, no hidden cells sum
 * to their number when the total is shown (without forced cells), no two published values of a
 * cumulative series differ by 1 to the threshold, and the formatters stay
 * within their buffers.
 */
#include "disclosure.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAXN 24

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int64_t		cells[MAXN],
				cum[MAXN],
				pub[MAXN + 2],
				total = 0,
				hidden_sum = 0;
	unsigned char missing[MAXN],
				forced[MAXN],
				state[MAXN],
				tot;
	size_t		n,
				hidden = 0,
				np = 0;
	int			t;
	char		buf[8];			/* small on purpose: formatters must report, not overflow */

	if (size < 2)
		return 0;
	t = data[0] % 12;
	n = (size - 2) / 2;
	if (n > MAXN)
		n = MAXN;
	for (size_t i = 0; i < n; i++)
	{
		uint8_t		v = data[2 + 2 * i],
					f = data[3 + 2 * i];

		cells[i] = (f & 0x80) ? (int64_t) v * 1000003 : v % 40;
		missing[i] = (f & 1) && (data[1] & 1);
		forced[i] = (f & 2) && (data[1] & 2);
	}
	if (cl_suppress_row_forced(cells, missing, forced, n, t, state, &tot, NULL, 0) != CL_DISCLOSURE_OK)
		abort();
	for (size_t i = 0; i < n; i++)
	{
		if (missing[i])
		{
			if (state[i] != CL_CELL_MISSING)
				abort();
			continue;
		}
		total += cells[i];
		if (cl_is_primary(cells[i], t) && state[i] != CL_CELL_PRIMARY)
			abort();
		if (state[i] == CL_CELL_PRIMARY || (state[i] == CL_CELL_SECONDARY && cells[i] > 0))
		{
			hidden++;
			hidden_sum += cells[i];
		}
	}
	/* exactly one hidden cell is recovered by subtraction; hidden cells known to be at least 1
	 * (primary and secondary, not forced ones, which may be 0) are pinned when they sum to their number */
	if (tot == CL_CELL_SHOWN && hidden == 1)
		abort();
	if (tot == CL_CELL_SHOWN && !(data[1] & 2) && hidden > 0 && hidden_sum == (int64_t) hidden)
		abort();
	if (cl_is_primary(total, t) && tot != CL_CELL_PRIMARY)
		abort();

	/* a cumulative series from the same bytes */
	cum[0] = n ? cells[0] % 50 : 0;
	for (size_t i = 1; i < n; i++)
		cum[i] = cum[i - 1] + cells[i] % 9;
	if (n > 0)
	{
		int64_t		ctotal = cum[n - 1] + data[1] % 9;

		if (cl_publish_cumulative(cum, n, ctotal, t, state, NULL, 0) != CL_DISCLOSURE_OK)
			abort();
		pub[np++] = 0;
		for (size_t i = 0; i < n; i++)
			if (state[i] == CL_CELL_SHOWN)
				pub[np++] = cum[i];
		if (!cl_is_primary(ctotal, t))
			pub[np++] = ctotal;
		for (size_t a = 0; a < np; a++)
			for (size_t b = a + 1; b < np; b++)
				if (cl_is_primary(pub[b] - pub[a], t))
					abort();
	}

	/* formatters: a result or a buffer error, never an overflow */
	(void) cl_format_count(n ? cells[0] : 0, t, buf, sizeof buf);
	(void) cl_format_percent(n ? cells[0] : 0, n > 1 ? cells[1] : 0, t, data[1] % 4, buf, sizeof buf);
	{
		int64_t		r;

		(void) cl_round_to_base(n ? cells[0] * (data[1] & 0x40 ? -1 : 1) : 0, 1 + data[1] % 20, &r);
	}
	return 0;
}
