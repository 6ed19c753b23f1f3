/*
 * libFuzzer harness over the CIN journey parser (core/cin_journey.c) and the
 * CIN code lists: arbitrary bytes through cl_cin_parse with a small event
 * bound; a parsed journey must format within cl_cin_text_size, read back to
 * the same events, and give the same counts; code lists never accept text
 * that is not one of their codes.
 */
#include "cin_codes.h"
#include "cin_journey.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_EVENTS 64

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = malloc(size ? size : 1);
	cl_cin_event ev[MAX_EVENTS];
	cl_cin_event back[MAX_EVENTS];
	int			n,
				m;
	char		err[200];

	if (text == NULL)
		return 0;
	if (size)
		memcpy(text, data, size);
	if (cl_cin_parse(text, size, ev, MAX_EVENTS, &n, err, sizeof err))
	{
		size_t		need = cl_cin_text_size(n);
		char	   *out = malloc(need);
		cl_cin_year a,
					b;
		cl_date		hol[2] = {cl_date_from_ymd(2023, 12, 25), cl_date_from_ymd(2023, 12, 26)};

		if (n < 0 || n > MAX_EVENTS || out == NULL)
			abort();
		cl_cin_format(ev, n, out);
		if (strlen(out) + 1 > need)
			abort();
		if (!cl_cin_parse(out, strlen(out), back, MAX_EVENTS, &m, err, sizeof err) || m != n ||
			(n > 0 && memcmp(ev, back, (size_t) n * sizeof(cl_cin_event)) != 0))
			abort();
		cl_cin_year_counts(ev, n, 2024, hol, 2, &a);
		cl_cin_year_counts(back, m, 2024, hol, 2, &b);
		if (memcmp(&a, &b, sizeof a) != 0 || a.rereferrals > a.referrals || a.cpp_subsequent > a.cpp_started ||
			a.assessments_within_45 > a.assessments_timed || a.episodes_at31 > a.episodes_anypoint)
			abort();
		free(out);
	}
	else if (n > MAX_EVENTS + 1)
		abort();
	for (int l = 0; l < CL_CIN_LIST_COUNT; l++)
	{
		if (cl_cin_code_valid((cl_cin_list) l, text, size))
		{
			/* the text, white space trimmed, is one of the list's codes */
			size_t		lo = 0,
						hi = size;
			bool		found = false;

			while (lo < hi && strchr(" \t\r\n", text[lo]) != NULL && text[lo] != '\0')
				lo++;
			while (hi > lo && strchr(" \t\r\n", text[hi - 1]) != NULL && text[hi - 1] != '\0')
				hi--;
			for (int i = 0; i < cl_cin_code_count((cl_cin_list) l); i++)
			{
				const char *c = cl_cin_code_at((cl_cin_list) l, i);

				if (strlen(c) == hi - lo && memcmp(c, text + lo, hi - lo) == 0)
					found = true;
			}
			if (!found)
				abort();
		}
	}
	free(text);
	return 0;
}
