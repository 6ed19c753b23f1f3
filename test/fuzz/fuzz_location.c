/*
 * libFuzzer harness over the postcode reader and the synthetic postcode decoder: on arbitrary bytes,
 * cl_postcode_canonical either refuses with a reason or writes a NUL-terminated postcode that reads back as
 * itself; cl_synth_postcode_grid on it returns a council in range.
 */
#include "location.h"
#include "synth_location.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = malloc(size ? size : 1);
	char		out[CL_POSTCODE_LEN],
				again[CL_POSTCODE_LEN];
	const char *why = NULL;

	if (text == NULL)
		return 0;
	if (size)
		memcpy(text, data, size);
	if (cl_postcode_canonical(text, size, out, &why))
	{
		int32_t		e,
					n;
		int			council;

		if (memchr(out, '\0', sizeof(out)) == NULL ||
			!cl_postcode_canonical(out, strlen(out), again, &why) || strcmp(out, again) != 0)
			abort();
		if (cl_synth_postcode_grid(out, &e, &n, &council) &&
			(council < 0 || council >= cl_synth_max_councils()))
			abort();
	}
	else if (why == NULL)
		abort();
	free(text);
	return 0;
}
