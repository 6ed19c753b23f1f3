/*
 * libFuzzer harness over the care_history text parser.  For every input that
 * parses: build it, format it, parse the text again and check the round trip
 * is exact; then run the periods, placements, carer spells and status walks
 * over it (they must not crash on any history the parser accepts).
 */
#include "history.h"
#include "periods.h"
#include "status.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = malloc(size ? size : 1);
	int32_t		max,
				n,
				missing,
				n2,
				missing2;
	cl_episode *ep,
			   *ep2;
	char		err[256];
	cl_history	h;
	char	   *out;
	size_t		len;

	if (text == NULL)
		return 0;
	if (size)
		memcpy(text, data, size);
	max = cl_history_text_max_episodes(text, size);
	ep = malloc(sizeof(cl_episode) * (size_t) max);
	ep2 = malloc(sizeof(cl_episode) * (size_t) max);
	if (cl_history_parse(text, size, ep, max, &n, &missing, err, sizeof err))
	{
		if (n > max)
			abort();
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
		cl_history_build(ep2, n2, missing2);
		if (n2 != n || missing2 != missing || (n && memcmp(ep, ep2, sizeof(cl_episode) * (size_t) n) != 0))
			abort();
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
		free(out);
	}
	free(ep);
	free(ep2);
	free(text);
	return 0;
}
