/*
 * libFuzzer harness over the return-cell readers (core/retvalue.c): dates and
 * whole numbers on arbitrary bytes.  Invariants: a date read is a real day
 * that formats back to a date the reader accepts as the same day; a number is
 * within its bounds; a refusal always writes a NUL-terminated reason that fits.
 */
#include "retvalue.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size heap copy so that ASan catches any over-read */
	char	   *text = malloc(size ? size : 1);
	char		msg[48];
	cl_date		d;
	long		v;

	if (text == NULL)
		return 0;
	if (size)
		memcpy(text, data, size);

	memset(msg, 'x', sizeof msg);
	if (cl_retvalue_date(text, size, &d, msg, sizeof msg))
	{
		char		buf[11];
		cl_date		again;
		int			y, m, dd;

		cl_date_to_ymd(d, &y, &m, &dd);
		if (y < 1900 || y > 2100 || !cl_ymd_valid(y, m, dd))
			abort();
		cl_date_format(d, buf);
		if (!cl_retvalue_date(buf, strlen(buf), &again, msg, sizeof msg) || again != d)
			abort();
	}
	else if (memchr(msg, '\0', sizeof msg) == NULL || msg[0] == '\0')
		abort();

	memset(msg, 'x', sizeof msg);
	if (cl_retvalue_int(text, size, -40, 40, &v, msg, sizeof msg))
	{
		if (v < -40 || v > 40)
			abort();
	}
	else if (memchr(msg, '\0', sizeof msg) == NULL || msg[0] == '\0')
		abort();

	free(text);
	return 0;
}
