/*
 * libFuzzer harness over the care_history text parser.  For every input that
 * parses: build it, format it, parse the text again and check the round trip
 * is exact; then run the periods, placements, carer spells and status walks
 * over it (they must not crash on any history the parser accepts).  An input
 * starting with '#' is read as raw rows instead (fuzz_built_history): every
 * history the aggregates can build must print text that reads back.
 */
#include "history.h"
#include "periods.h"
#include "status.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const cl_code_list lists[7] = {
	CL_LIST_NEW_EPISODE_REASON, CL_LIST_LEGAL_STATUS, CL_LIST_PLACEMENT_TYPE, CL_LIST_CEASED_REASON,
	CL_LIST_NEED_CATEGORY, CL_LIST_PLACEMENT_PROVIDER, CL_LIST_PLACEMENT_CHANGE_REASON
};

/*
 * Builds ep[0..n) into a history (in place), checks it, formats it and parses
 * the text back into ep2 (room for max): the same episodes, count and defects.
 * Returns the built history (pointing into ep).
 */
static cl_history
build_and_round_trip(cl_episode *ep, int32_t n, int32_t missing, cl_episode *ep2, int32_t max)
{
	cl_history	h;
	char	   *out;
	size_t		len;
	int32_t		n2,
				missing2;
	char		err[256];

	h.flags = cl_history_build(ep, n, missing);
	h.ep = ep;
	h.n = n;
	h.missing_decom = missing;
	if (!cl_history_validate(ep, n, missing, err, sizeof err))
		abort();
	out = malloc(cl_history_text_size(&h));
	len = cl_history_format(&h, out);
	if (len + 1 > cl_history_text_size(&h) || strlen(out) != len)
		abort();
	if (!cl_history_parse(out, len, ep2, max, &n2, &missing2, err, sizeof err))
		abort();
	if (cl_history_build(ep2, n2, missing2) != h.flags || n2 != n || missing2 != missing ||
		(n && memcmp(ep, ep2, sizeof(cl_episode) * (size_t) n) != 0))
		abort();
	free(out);
	return h;
}

static uint32_t
take_u32(const uint8_t *data, size_t size, size_t *pos)
{
	uint32_t	v = 0;

	for (int k = 0; k < 4; k++, (*pos)++)
		v |= (uint32_t) (*pos < size ? data[*pos] : 0) << (8 * k);
	return v;
}

/*
 * Output -> input on values the aggregates build: the bytes are two counts of
 * rows without DECOM (summed, saturating, as care_history_merge does) and
 * episode rows with any dates of the years 1 to 9999 (or open) and any code
 * indexes, in any order; the built history must print text that parses back
 * to the same history.
 */
static void
fuzz_built_history(const uint8_t *data, size_t size)
{
	size_t		pos = 0;
	int32_t		missing = cl_missing_decom_add((int32_t) (take_u32(data, size, &pos) & INT32_MAX),
											   (int64_t) (take_u32(data, size, &pos) & INT32_MAX));
	int32_t		span = cl_history_max_date() - cl_history_min_date() + 1;
	int32_t		max = (int32_t) (size / 12 + 1),
				n = 0;
	cl_episode *ep = calloc((size_t) max, sizeof(cl_episode));
	cl_episode *ep2 = calloc((size_t) max, sizeof(cl_episode));

	while (pos < size && n < max)
	{
		cl_episode *e = &ep[n++];
		uint32_t	a = take_u32(data, size, &pos),
					b = take_u32(data, size, &pos),
					c = take_u32(data, size, &pos);
		int			codes[7];

		/* small offsets most of the time, so that episodes meet, overlap and repeat */
		e->decom = cl_history_min_date() + (int32_t) (a % (uint32_t) span);
		if (a & 0x80000000u)
			e->decom = cl_date_from_ymd(2019, 4, 1) + (int32_t) (a % 64);
		e->dec = (b & 1) ? CL_DATE_OPEN : cl_history_min_date() + (int32_t) ((b >> 1) % (uint32_t) span);
		if ((b & 3) == 2)
			e->dec = e->decom + (int32_t) ((b >> 2) % 40) - 3;
		if (e->dec != CL_DATE_OPEN && !cl_history_date_ok(e->dec))
			e->dec = CL_DATE_OPEN;
		for (int k = 0; k < 7; k++)
			codes[k] = (int) (((c >> (4 * k)) ^ (b >> (3 * k))) % (uint32_t) (cl_code_count(lists[k]) + 1));
		e->rne = (uint8_t) codes[0];
		e->ls = (uint8_t) codes[1];
		e->place = (uint8_t) codes[2];
		e->rec = (uint8_t) codes[3];
		e->cin = (uint8_t) codes[4];
		e->provider = (uint8_t) codes[5];
		e->rpc = (uint8_t) codes[6];
	}
	(void) build_and_round_trip(ep, n, missing, ep2, max);
	free(ep);
	free(ep2);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text;
	int32_t		max,
				n,
				missing;
	cl_episode *ep,
			   *ep2;
	char		err[256];

	if (size > 0 && data[0] == '#')
	{
		/* '#' then raw rows: a history built as the aggregates build it */
		fuzz_built_history(data + 1, size - 1);
		return 0;
	}
	text = malloc(size ? size : 1);
	if (text == NULL)
		return 0;
	if (size)
		memcpy(text, data, size);
	max = cl_history_text_max_episodes(text, size);
	ep = malloc(sizeof(cl_episode) * (size_t) max);
	ep2 = malloc(sizeof(cl_episode) * (size_t) max);
	if (cl_history_parse(text, size, ep, max, &n, &missing, err, sizeof err))
	{
		cl_history	h;

		if (n > max)
			abort();
		h = build_and_round_trip(ep, n, missing, ep2, max);
		{
			cl_period  *p = malloc(sizeof(cl_period) * (size_t) (n ? n : 1));
			cl_spell   *s = malloc(sizeof(cl_spell) * (size_t) (n ? n : 1));
			int32_t		np = cl_history_periods(&h, p);
			cl_status_explain x;

			if (np > n || cl_history_placements(&h, p, np, s) > n ||
				cl_history_carer_spells(&h, p, np, s) > n)
				abort();
			if (n > 0)
			{
				cl_date		at = ep[0].decom;

				(void) cl_leaver_status_at(&h, at - 6000, at + 100, &x);
				(void) cl_history_days(&h, at - 100, at + 10000);
			}
			free(p);
			free(s);
		}
	}
	free(ep);
	free(ep2);
	free(text);
	return 0;
}
