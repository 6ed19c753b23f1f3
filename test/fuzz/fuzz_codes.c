/*
 * libFuzzer harness over the code parsers: for every list, cl_code_parse and
 * cl_code_hint on arbitrary bytes, and cl_code_list_by_name.  Checks the
 * invariants too: a parsed index is in range and its text parses back to it;
 * a hint is NUL-terminated within its buffer; a list found by name names
 * itself.
 */
#include "codes.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* copy into an exact-size heap buffer so ASan catches any over-read */
	char	   *text = malloc(size ? size : 1);
	char		hint[64];

	if (text == NULL)
		return 0;
	if (size)
		memcpy(text, data, size);
	for (int l = 0; l < CL_LIST_COUNT; l++)
	{
		cl_code_list list = (cl_code_list) l;
		int			idx = cl_code_parse(list, text, size);

		if (idx < 0 || idx > cl_code_count(list))
			abort();
		if (idx > 0)
		{
			const char *t = cl_code_text(list, idx);

			if (t == NULL || cl_code_parse(list, t, strlen(t)) != idx ||
				cl_code_label(list, idx) == NULL)
				abort();
		}
		else
		{
			size_t		small = size % sizeof(hint);

			memset(hint, 'x', sizeof hint);
			cl_code_hint(list, text, size, hint, small);
			if (small > 0 && memchr(hint, '\0', small) == NULL)
				abort();
			if (small < sizeof hint && hint[small] != 'x')
				abort();		/* wrote past bufsize */
			cl_code_hint(list, text, size, hint, sizeof hint);
			if (memchr(hint, '\0', sizeof hint) == NULL)
				abort();
		}
	}
	{
		int			l = cl_code_list_by_name(text, size);

		if (l < -1 || l >= CL_LIST_COUNT)
			abort();
		if (l >= 0 && cl_code_list_by_name(cl_list_type_name((cl_code_list) l),
											strlen(cl_list_type_name((cl_code_list) l))) != l)
			abort();
	}
	free(text);
	return 0;
}
