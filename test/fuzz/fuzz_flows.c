/*
 * libFuzzer harness over the text parser of careleaver.flow_model
 * (cl_flow_parse).  Invariants: a parsed model passes cl_flow_check; its
 * text fits cl_flow_text_size and parses back to the same model; merging it
 * with itself doubles it or fails cleanly at the count limit; a short
 * projection from it runs without fault and never gives a negative count.
 */
#include "flows.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static cl_flow_model a,
			b;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		err[256];

	if (!cl_flow_parse((const char *) data, size, &a, err, sizeof err))
		return 0;
	if (!cl_flow_check(&a, err, sizeof err))
		abort();
	{
		size_t		cap = cl_flow_text_size(&a);
		char	   *t = malloc(cap);
		size_t		n = cl_flow_format(&a, t);

		if (n + 1 > cap || !cl_flow_parse(t, n, &b, err, sizeof err) || memcmp(&a, &b, sizeof a) != 0)
			abort();
		free(t);
	}
	if (cl_flow_merge(&b, &a, err, sizeof err))
	{
		if (b.moves[0][0][0] != 2 * a.moves[0][0][0] || b.stock[0][0] != 2 * a.stock[0][0])
			abort();
	}
	else if (strstr(err, "limit") == NULL)
		abort();
	{
		void	   *work = malloc(cl_flow_work_size());
		double		out[3 * CL_FLOW_CELLS];
		cl_flow_rng r;

		cl_flow_rng_seed(&r, 7, 0);
		cl_flow_simulate(&a, 3, NULL, 0, &r, work, out);
		for (int i = 0; i < 3 * CL_FLOW_CELLS; i++)
			if (!(out[i] >= 0.0))
				abort();
		free(work);
	}
	return 0;
}
