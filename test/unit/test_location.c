/* Unit tests of location.c and synth_location.c: postcodes, DfE's distance, labels, synthetic look-up. */
#include <string.h>

#include "tap.h"
#include "location.h"
#include "synth_location.h"

static int
canon_is(const char *in, const char *want)
{
	char		out[CL_POSTCODE_LEN];
	const char *why = NULL;

	if (!cl_postcode_canonical(in, strlen(in), out, &why))
		return want == NULL;
	return want != NULL && strcmp(out, want) == 0;
}

int
main(void)
{
	int			n;
	const char *const *labels = cl_placement_location_labels(&n);

	ok(canon_is("ls12 3ab", "LS12 3AB"), "lower case read, one space before the inward code");
	ok(canon_is(" SW1A  1AA ", "SW1A 1AA"), "spaces anywhere ignored");
	ok(canon_is("M11AE", "M1 1AE"), "no space: the inward code is the last three");
	ok(canon_is("AB1 1A!", NULL) && canon_is("1AB 1AA", NULL) && canon_is("AB1 AAA", NULL) &&
	   canon_is("AB 1A", NULL) && canon_is("ABCDE 1AA", NULL) && canon_is("", NULL),
	   "not postcodes: punctuation, leading digit, bad inward code, too short, too long, blank");

	is_int((int) cl_grid_distance_tenths(500000, 200000, 504000, 203000), 31, "5 km is 3.1 miles");
	is_int((int) cl_grid_distance_tenths(500000, 200000, 540000, 200000), 249, "40 km is 24.9 miles");
	is_int((int) cl_grid_distance_tenths(500000, 200000, 500000, 232200), 200, "32.2 km is 20.0 miles");
	is_int((int) cl_grid_distance_tenths(7, 9, 7, 9), 0, "the same place is 0 miles");
	ok(!cl_distance_more_than_threshold(200) && cl_distance_more_than_threshold(201),
	   "20.0 miles is not more than 20, 20.1 is");

	is_int(n, 6, "six breakdown labels, the total last");
	ok(strcmp(cl_placement_location_label(1, 31), labels[0]) == 0 &&
	   strcmp(cl_placement_location_label(1, 249), labels[1]) == 0 &&
	   strcmp(cl_placement_location_label(0, 62), labels[2]) == 0 &&
	   strcmp(cl_placement_location_label(0, 249), labels[3]) == 0 &&
	   strcmp(cl_placement_location_label(-1, 10), labels[4]) == 0 &&
	   strcmp(cl_placement_location_label(1, -1), labels[4]) == 0,
	   "inside/outside by near/far, and not known when either is unknown");
	ok(strcmp(labels[5], "Total new placements") == 0, "DfE's total label");

	/* every synthetic home postcode decodes to its council, within the council's square */
	{
		cl_synth_child c;
		char		buf[CL_SYNTH_TEXT_LEN],
					canon[CL_POSTCODE_LEN];
		const char *why;
		int			bad = 0;

		memset(&c, 0, sizeof(c));
		for (int k = 0; k < cl_synth_max_councils(); k++)
			for (uint32_t h = 0; h < 200; h++)
			{
				int32_t		e,
							no;
				int			council;

				c.council = k;
				c.home = h * 7919u;
				cl_synth_home_postcode(&c, buf);
				if (!cl_postcode_canonical(buf, strlen(buf), canon, &why) || strcmp(canon, buf) != 0 ||
					!cl_synth_postcode_grid(buf, &e, &no, &council) || council != k)
					bad++;
			}
		is_int(bad, 0, "synthetic postcodes are postcodes and decode to their council");
	}
	return tap_done();
}
