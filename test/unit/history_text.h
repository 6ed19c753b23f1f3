/*
 * history_text.h: build a history from its text form in a unit test,
 * bailing out of the whole run when the text does not parse.
 */
#ifndef CL_HISTORY_TEXT_H
#define CL_HISTORY_TEXT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"

static cl_history
history_from_text(const char *text, cl_episode *ep, int32_t max)
{
	cl_history	h;
	int32_t		n,
				missing;
	char		msg[256];

	if (!cl_history_parse(text, strlen(text), ep, max, &n, &missing, msg, sizeof msg))
	{
		printf("Bail out! cannot parse %s: %s\n", text, msg);
		exit(1);
	}
	h.flags = cl_history_build(ep, n, missing);
	h.ep = ep;
	h.n = n;
	h.missing_decom = missing;
	return h;
}

#endif							/* CL_HISTORY_TEXT_H */
