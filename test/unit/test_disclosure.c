/* Unit tests of disclosure.c: primary and secondary suppression, percentages, rounding. */
#include "tap.h"
#include "disclosure.h"

#include <stdint.h>
#include <stdlib.h>

static char buf[64];

static const char *
count_text(int64_t n, int t)
{
	if (cl_format_count(n, t, buf, sizeof buf) != 0)
		return "ERROR";
	return buf;
}

static const char *
pct(int64_t num, int64_t den, int t, int d)
{
	if (cl_format_percent(num, den, t, d, buf, sizeof buf) != 0)
		return "ERROR";
	return buf;
}

/*
 * The states of a row as a string, then "|" and the state of the total:
 * . shown, P primary, S secondary, x missing.
 */
static const char *
row(const int64_t *cells, const unsigned char *missing, size_t n, int t)
{
	static char out[64];
	unsigned char st[32],
				tot;

	if (cl_suppress_row(cells, missing, n, t, st, &tot, NULL, 0) != 0)
		return "ERROR";
	for (size_t i = 0; i < n; i++)
		out[i] = ".PSx"[st[i]];
	out[n] = '|';
	out[n + 1] = ".PSx"[tot];
	out[n + 2] = '\0';
	return out;
}

/* A small deterministic generator (xorshift), so failures reproduce. */
static uint64_t rng = 88172645463325252ULL;
static uint64_t
next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/*
 * The published view of a row: for each cell, -1 when hidden, else its value;
 * pub[n] is the total, -1 when hidden.
 */
static void
publish(const int64_t *cells, size_t n, int t, int64_t *pub)
{
	unsigned char st[16],
				tot;
	int64_t		total = 0;

	cl_suppress_row(cells, NULL, n, t, st, &tot, NULL, 0);
	for (size_t i = 0; i < n; i++)
	{
		pub[i] = (st[i] == CL_CELL_PRIMARY || st[i] == CL_CELL_SECONDARY) ? -1 : cells[i];
		total += cells[i];
	}
	pub[n] = tot == CL_CELL_SHOWN ? total : -1;
}

/*
 * An attacker who knows the rule, the published cells and the published
 * total enumerates every row that would publish the same thing and records
 * the values each hidden cell takes.  Returns the number of hidden cells
 * whose value is pinned (one candidate value only).
 */
static int
pinned_cells(const int64_t *cells, size_t n, int t)
{
	int64_t		pub[17],
				cand[16],
				cpub[17],
				total = 0;
	size_t		hidden[16],
				h = 0;
	int64_t		first[16];
	int			varies[16] = {0},
				seen = 0,
				pinned = 0;

	for (size_t i = 0; i < n; i++)
		total += cells[i];
	publish(cells, n, t, pub);
	if (pub[n] < 0)
		return 0;				/* no total to subtract from */
	for (size_t i = 0; i < n; i++)
		if (pub[i] < 0)
			hidden[h++] = i;
	if (h == 0)
		return 0;
	/* odometer over the hidden cells' values 0..total */
	{
		int64_t		v[16] = {0};

		for (;;)
		{
			int64_t		sum = 0;
			int			same = 1;

			for (size_t i = 0; i < n; i++)
				cand[i] = pub[i];
			for (size_t k = 0; k < h; k++)
				cand[hidden[k]] = v[k];
			for (size_t i = 0; i < n; i++)
				sum += cand[i];
			if (sum == total)
			{
				publish(cand, n, t, cpub);
				for (size_t i = 0; i <= n && same; i++)
					same = cpub[i] == pub[i];
				if (same)
				{
					for (size_t k = 0; k < h; k++)
					{
						if (!seen)
							first[k] = v[k];
						else if (v[k] != first[k])
							varies[k] = 1;
					}
					seen = 1;
				}
			}
			size_t		k = 0;

			while (k < h && ++v[k] > total)
				v[k++] = 0;
			if (k == h)
				break;
		}
	}
	for (size_t k = 0; k < h; k++)
		if (!varies[k])
			pinned++;
	return pinned;
}

int
main(void)
{
	int64_t		out;
	char		err[128];
	unsigned char st[16];

	/* primary suppression */
	ok(!cl_is_primary(0, 5) && cl_is_primary(1, 5) && cl_is_primary(5, 5) && !cl_is_primary(6, 5),
	   "1 to 5 are primary-suppressed at threshold 5, 0 and 6 are not");
	ok(!cl_is_primary(1, 0), "threshold 0 suppresses nothing");
	is_str(count_text(0, 5), "0", "zero is shown as 0");
	is_str(count_text(1, 5), "c", "1 is shown as c");
	is_str(count_text(5, 5), "c", "5 is shown as c");
	is_str(count_text(6, 5), "6", "6 is shown");
	is_str(count_text(6, 10), "c", "6 is hidden at threshold 10");
	is_str(count_text(123456789012LL, 5), "123456789012", "a large count is shown in full");
	is_int(cl_format_count(-1, 5, buf, sizeof buf), CL_DISCLOSURE_ENEGATIVE, "a negative count is an error");
	is_int(cl_format_count(3, -1, buf, sizeof buf), CL_DISCLOSURE_ETHRESHOLD, "a negative threshold is an error");
	is_int(cl_format_count(3, 1001, buf, sizeof buf), CL_DISCLOSURE_ETHRESHOLD, "a threshold over 1000 is an error");
	is_int(cl_format_count(123456, 5, buf, 4), CL_DISCLOSURE_EBUFFER, "a short buffer is reported");

	/* secondary suppression, hand-worked rows */
	{
		int64_t		a[] = {10, 3, 7, 20};
		int64_t		b[] = {10, 3, 2, 20};
		int64_t		c[] = {3, 0, 0};
		int64_t		d[] = {3, 0, 8, 8, 9};
		int64_t		e[] = {0, 0, 0};
		int64_t		f[] = {6, 7};
		int64_t		g[] = {3, 99, 9};
		int64_t		h[] = {3, 99};
		int64_t		i[] = {12, 0, 4, 12};
		int64_t		j[] = {2, 30, 1, 4};
		unsigned char gm[] = {0, 1, 0};
		unsigned char hm[] = {0, 1};

		is_str(row(a, NULL, 4, 5), ".PS.|.", "one primary (3): the next smallest (7) is hidden too");
		is_str(row(b, NULL, 4, 5), ".PP.|.", "two primaries protect each other: nothing more hidden");
		is_str(row(j, NULL, 4, 5), "P.PP|.", "three primaries: nothing more hidden");
		is_str(row(c, NULL, 3, 5), "P..|P", "no non-zero cell left: zeros are not hidden; the total (3) is itself c");
		is_str(row(d, NULL, 5, 5), "P.SS.|.", "ties: both 8s are hidden with the 3, the zero is skipped");
		is_str(row(i, NULL, 4, 5), "S.PS|.", "ties: both 12s are hidden with the 4");
		is_str(row(e, NULL, 3, 5), "...|.", "a row of zeros is shown");
		is_str(row(f, NULL, 2, 5), "..|.", "a row above the threshold is shown");
		is_str(row(f, NULL, 2, 6), "PS|.", "threshold 6: 6 is primary and 7, the only other cell, is secondary");
		is_str(row(g, gm, 3, 5), "PxS|.", "a missing cell is x and does not count as a hidden cell");
		is_str(row(h, hm, 2, 5), "Px|P", "a missing cell is never chosen as the secondary cell, and is left out of the total");
		is_str(row(a, NULL, 4, 0), "....|.", "threshold 0 hides nothing");
		is_int(cl_suppress_row(a, NULL, 0, 5, st, NULL, NULL, 0), 0, "an empty row is fine");
		{
			int64_t		ones[] = {0, 1, 1, 1};
			int64_t		tops[] = {5, 5, 9, 30};
			int64_t		mixed[] = {2, 5, 9, 30};

			is_str(row(ones, NULL, 4, 2), ".PPP|S",
				   "three ones with a published total of 3 would be pinned: no cell is left, the total is hidden");
			is_str(row(tops, NULL, 4, 5), "PPS.|.",
				   "two cells at the threshold (sum 10 = 2 x 5) would be pinned: the 9 is hidden too");
			is_str(row(mixed, NULL, 4, 5), "PP..|.", "two primaries of sum 7 protect each other");
		}
	}
	{
		int64_t		neg[] = {4, -1, 9};

		err[0] = '\0';
		is_int(cl_suppress_row(neg, NULL, 3, 5, st, NULL, err, sizeof err), CL_DISCLOSURE_ENEGATIVE,
			   "a negative cell is an error");
		is_str(err, "cell 2 has the negative count -1", "the message names the cell and the value");
		is_int(cl_suppress_row(neg, NULL, 3, -2, st, NULL, err, sizeof err), CL_DISCLOSURE_ETHRESHOLD,
			   "a negative threshold is an error");
		is_str(err, "threshold -2 is outside 0 to 1000", "the message names the threshold");
	}

	/* forced cells (shared with another row where they were hidden) */
	{
		int64_t		a[] = {10, 4, 7, 20};
		int64_t		b[] = {10, 0, 7, 20};
		int64_t		c[] = {10, 3, 7, 20};
		unsigned char f2[] = {0, 1, 0, 0};
		unsigned char f1[] = {1, 0, 0, 0};
		unsigned char tot;
		char		got[8];

		cl_suppress_row_forced(a, NULL, f1, 4, 5, st, &tot, NULL, 0);
		for (int k = 0; k < 4; k++)
			got[k] = ".PSx"[st[k]];
		got[4] = '\0';
		is_str(got, "SP..", "a forced 10 beside a primary 4: two cells hidden, nothing more needed");
		cl_suppress_row_forced(c, NULL, f2, 4, 5, st, &tot, NULL, 0);
		for (int k = 0; k < 4; k++)
			got[k] = ".PSx"[st[k]];
		got[4] = '\0';
		is_str(got, ".PS.", "a forced cell that is primary anyway: the 7 is its complement");
		{
			int64_t		d[] = {10, 6, 7, 20};

			cl_suppress_row_forced(d, NULL, f2, 4, 5, st, &tot, NULL, 0);
			for (int k = 0; k < 4; k++)
				got[k] = ".PSx"[st[k]];
			got[4] = '\0';
			is_str(got, ".SS.", "one forced cell (6) alone would be recovered: the 7 is hidden with it");
		}
		cl_suppress_row_forced(b, NULL, f2, 4, 0, st, &tot, NULL, 0);
		for (int k = 0; k < 4; k++)
			got[k] = ".PSx"[st[k]];
		got[4] = '\0';
		is_str(got, ".S..", "a forced zero is hidden and needs no complement");
	}

	/* cumulative series beside a published total */
	{
		int64_t		cum[] = {0, 0, 3, 4, 8, 13};
		int64_t		cum2[] = {0, 7, 9, 20};
		unsigned char cst[8];
		char		got[8];

		is_int(cl_publish_cumulative(cum, 6, 26, 5, cst, NULL, 0), 0, "a cumulative series is accepted");
		for (int k = 0; k < 6; k++)
			got[k] = ".PSx"[cst[k]];
		got[6] = '\0';
		is_str(got, "..PP.S", "0 0 3 4 8 13 of 26: 3 and 4 primary, 8 shown, 13 hidden (13 - 8 = 5)");
		is_int(cl_publish_cumulative(cum2, 4, 22, 5, cst, NULL, 0), 0, "a second series");
		for (int k = 0; k < 4; k++)
			got[k] = ".PSx"[cst[k]];
		got[4] = '\0';
		is_str(got, "..SS", "0 7 9 20 of 22: 9 is 2 after 7; 20 leaves 2 of the total, so it is hidden too");
		is_int(cl_publish_cumulative(cum2, 4, -1, 5, cst, NULL, 0), 0, "without a total");
		ok(cst[3] == CL_CELL_SHOWN, "without a total, 20 is shown");
		is_int(cl_publish_cumulative(cum2, 4, 15, 5, cst, err, sizeof err), CL_DISCLOSURE_ERANGE,
			   "a value above the total is an error");
		is_str(err, "value 4 is more than the total (20)", "... naming the value");
		{
			int64_t		down[] = {4, 3};

			is_int(cl_publish_cumulative(down, 2, -1, 5, cst, err, sizeof err), CL_DISCLOSURE_ERANGE,
				   "a decreasing series is an error");
		}
	}
	{
		long		bad = 0;

		for (int r = 0; r < 50000; r++)
		{
			int64_t		cum[8],
						pubv[10],
						total;
			unsigned char cst[8];
			size_t		n = 1 + next_rand() % 8,
						np = 0;
			int			t = 1 + (int) (next_rand() % 6);

			cum[0] = (int64_t) (next_rand() % 6);
			for (size_t k = 1; k < n; k++)
				cum[k] = cum[k - 1] + (int64_t) (next_rand() % 9);
			total = cum[n - 1] + (int64_t) (next_rand() % 9);
			cl_publish_cumulative(cum, n, total, t, cst, NULL, 0);
			pubv[np++] = 0;
			for (size_t k = 0; k < n; k++)
				if (cst[k] == CL_CELL_SHOWN)
					pubv[np++] = cum[k];
			if (!cl_is_primary(total, t))
				pubv[np++] = total;
			for (size_t a = 0; a < np; a++)
				for (size_t b = a + 1; b < np; b++)
					if (cl_is_primary(pubv[b] - pubv[a], t))
						bad++;
		}
		is_int(bad, 0, "random cumulative series: no two published values (with 0 and the total) differ by 1..threshold");
	}

	/* percentages */
	is_str(pct(3, 50, 5, 0), "c", "a suppressed numerator suppresses the percentage");
	is_str(pct(30, 4, 5, 0), "c", "a suppressed denominator suppresses the percentage");
	is_str(pct(0, 0, 5, 0), "z", "an empty denominator: not applicable");
	is_str(pct(0, 10, 5, 0), "0", "zero of ten is 0");
	is_str(pct(6, 12, 5, 0), "50", "6 of 12 is 50");
	is_str(pct(7, 9, 5, 0), "78", "7 of 9 is 77.78, shown as 78");
	is_str(pct(7, 9, 5, 1), "77.8", "7 of 9 to one place is 77.8");
	is_str(pct(7, 9, 5, 2), "77.78", "7 of 9 to two places is 77.78");
	is_str(pct(9, 16, 5, 1), "56.3", "9 of 16 is 56.25: the half goes up, 56.3");
	is_str(pct(9, 16, 5, 0), "56", "9 of 16 to no places is 56");
	is_str(pct(6, 2000, 5, 0), "k", "6 of 2000 is 0.3: low, k");
	is_str(pct(6, 2000, 5, 1), "0.3", "6 of 2000 to one place is 0.3");
	is_str(pct(6, 1300, 5, 0), "k", "6 of 1300 is 0.46: k");
	is_str(pct(6, 1200, 5, 0), "1", "6 of 1200 is 0.5: rounds up to 1");
	is_str(pct(20, 16, 5, 0), "125", "a numerator above the denominator gives over 100");
	is_str(pct(1, 3, 0, 3), "33.333", "threshold 0, three places");
	is_int(cl_format_percent(1, 3, 0, 4, buf, sizeof buf), CL_DISCLOSURE_EDECIMALS, "more than 3 places is an error");
	is_int(cl_format_percent(-6, 30, 5, 0, buf, sizeof buf), CL_DISCLOSURE_ENEGATIVE, "a negative numerator is an error");
	is_int(cl_format_percent(INT64_MAX / 10, 30, 5, 0, buf, sizeof buf), CL_DISCLOSURE_ERANGE,
		   "an overflowing numerator is reported");

	/* rounding of national and regional totals */
	cl_round_to_base(14, 10, &out);
	is_int(out, 10, "14 rounds to 10");
	cl_round_to_base(15, 10, &out);
	is_int(out, 20, "15 rounds to 20 (halves away from zero)");
	cl_round_to_base(25, 10, &out);
	is_int(out, 30, "25 rounds to 30");
	cl_round_to_base(-15, 10, &out);
	is_int(out, -20, "-15 rounds to -20");
	cl_round_to_base(4, 10, &out);
	is_int(out, 0, "4 rounds to 0");
	cl_round_to_base(80450, 10, &out);
	is_int(out, 80450, "80450 stays");
	cl_round_to_base(7, 5, &out);
	is_int(out, 5, "7 to base 5 is 5");
	cl_round_to_base(8, 5, &out);
	is_int(out, 10, "8 to base 5 is 10");
	cl_round_to_base(7, 1, &out);
	is_int(out, 7, "base 1 is the identity");
	is_int(cl_round_to_base(7, 0, &out), CL_DISCLOSURE_EBASE, "base 0 is an error");
	is_int(cl_round_to_base(INT64_MAX, 10, &out), CL_DISCLOSURE_ERANGE, "overflow is reported");

	/*
	 * Property: over many random rows, every cell from 1 to the threshold is
	 * hidden, every shown cell is 0 or above the threshold, a secondary cell
	 * is non-zero, and a row whose total is published (above the threshold)
	 * never has exactly one hidden cell.
	 */
	{
		long		bad_primary = 0,
					bad_secondary = 0,
					exactly_one = 0,
					rows = 0,
					with_secondary = 0;

		for (int r = 0; r < 200000; r++)
		{
			int64_t		cells[12],
						total = 0;
			size_t		n = 1 + next_rand() % 10;
			int			t = (int) (next_rand() % 11);
			int			primaries = 0;
			int64_t		primary_sum = 0;
			unsigned char tot;

			for (size_t i = 0; i < n; i++)
			{
				uint64_t	k = next_rand() % 4;

				cells[i] = (int64_t) (k == 0 ? 0 : k == 1 ? next_rand() % 8 : k == 2 ? next_rand() % 20 : next_rand() % 500);
				total += cells[i];
			}
			cl_suppress_row(cells, NULL, n, t, st, &tot, NULL, 0);
			rows++;
			for (size_t i = 0; i < n; i++)
			{
				int			p = cells[i] >= 1 && cells[i] <= t;

				if (p != (st[i] == CL_CELL_PRIMARY))
					bad_primary++;
				primaries += p;
				if (p)
					primary_sum += cells[i];
			}
			if ((total >= 1 && total <= t) != (tot == CL_CELL_PRIMARY))
				bad_primary++;
			for (size_t i = 0; i < n; i++)
				if (st[i] == CL_CELL_SECONDARY &&
					(cells[i] == 0 ||
					 (primaries > 1 && primary_sum != primaries && primary_sum != (int64_t) primaries * t)))
					bad_secondary++;
			for (size_t i = 0; i < n; i++)
				if (st[i] == CL_CELL_SECONDARY)
				{
					with_secondary++;
					break;
				}
			if (tot == CL_CELL_SHOWN && cl_row_hidden(st, n) == 1)
				exactly_one++;
		}
		is_int(bad_primary, 0, "random rows: exactly the cells and totals 1..threshold are primary (%ld rows)", rows);
		is_int(bad_secondary, 0, "random rows: secondary cells are non-zero, beside one primary or primaries of a pinning sum");
		is_int(exactly_one, 0, "random rows: no row with a published total has exactly one hidden cell");
		ok(with_secondary > 10000, "random rows: secondary suppression was exercised (%ld rows)", with_secondary);
	}

	/*
	 * An attacker who knows the rule, sees the published cells and the total
	 * and enumerates every row that publishes the same thing: for every small
	 * row (3 cells, values 0..9, threshold 3), no hidden cell is pinned to one
	 * value.
	 */
	{
		long		pinned = 0,
					checked = 0;
		int64_t		cells[3];

		for (int a = 0; a < 10; a++)
			for (int b = 0; b < 10; b++)
				for (int c = 0; c < 10; c++)
				{
					int64_t		total = a + b + c;

					cells[0] = a;
					cells[1] = b;
					cells[2] = c;
					if (total <= 3)
						continue;	/* the total is itself suppressed */
					checked++;
					pinned += pinned_cells(cells, 3, 3);
				}
		is_int(pinned, 0, "exhaustive 3-cell rows: no hidden cell is pinned by a rule-aware attacker (%ld rows)",
			   checked);
	}
	{
		long		pinned = 0,
					checked = 0;
		int64_t		cells[4];

		for (int a = 0; a < 9; a++)
			for (int b = 0; b < 9; b++)
				for (int c = 0; c < 9; c++)
					for (int d = 0; d < 9; d++)
					{
						cells[0] = a;
						cells[1] = b;
						cells[2] = c;
						cells[3] = d;
						if (a + b + c + d <= 2)
							continue;
						checked++;
						pinned += pinned_cells(cells, 4, 2);
					}
		is_int(pinned, 0, "exhaustive 4-cell rows at threshold 2: no hidden cell is pinned (%ld rows)", checked);
	}

	return tap_done();
}
