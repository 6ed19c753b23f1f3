/*
 * location.c: placement location and distance from home (metrics.md 14).
 */
#include "location.h"

#include <math.h>
#include <string.h>

static bool
is_letter(char c)
{
	return (c >= 'A' && c <= 'Z');
}

static bool
is_digit(char c)
{
	return (c >= '0' && c <= '9');
}

bool
cl_postcode_canonical(const char *in, size_t len, char *out, const char **why)
{
	char		packed[16];
	size_t		n = 0;

	for (size_t i = 0; i < len; i++)
	{
		char		c = in[i];

		if (c == ' ' || c == '\t')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char) (c - 'a' + 'A');
		if (!is_letter(c) && !is_digit(c))
		{
			*why = "a postcode holds only letters, digits and spaces";
			return false;
		}
		if (n >= 7)
		{
			*why = "too long for a postcode (at most 7 letters and digits)";
			return false;
		}
		packed[n++] = c;
	}
	if (n < 5)
	{
		*why = n == 0 ? "blank" : "too short for a postcode (at least 5 letters and digits)";
		return false;
	}
	/* inward code: digit, letter, letter; outward code: starts with a letter */
	if (!is_digit(packed[n - 3]) || !is_letter(packed[n - 2]) || !is_letter(packed[n - 1]))
	{
		*why = "the last three characters of a postcode are a digit and two letters";
		return false;
	}
	if (!is_letter(packed[0]))
	{
		*why = "a postcode starts with a letter";
		return false;
	}
	memcpy(out, packed, n - 3);
	out[n - 3] = ' ';
	memcpy(out + n - 2, packed + n - 3, 3);
	out[n + 1] = '\0';
	return true;
}

int64_t
cl_grid_distance_tenths(int32_t e1, int32_t n1, int32_t e2, int32_t n2)
{
	double		de = (double) e1 - (double) e2;
	double		dn = (double) n1 - (double) n2;
	double		miles = sqrt(de * de + dn * dn) / 1000.0 / (CL_METRES_PER_MILE / 1000.0);

	return (int64_t) llround(miles * 10.0);
}

bool
cl_distance_more_than_threshold(int64_t tenths)
{
	return tenths > (int64_t) (CL_DISTANCE_THRESHOLD_MILES * 10);
}

static const char *const location_labels[] = {
	"Placed inside LA boundary less than 20 miles from home",
	"Placed inside LA boundary more than 20 miles from home",
	"Placed outside LA boundary less than 20 miles from home",
	"Placed outside LA boundary more than 20 miles from home",
	"Distance not known or not recorded",
	"Total new placements"
};

const char *
cl_placement_location_label(int inside, int64_t tenths)
{
	bool		far;

	if (inside < 0 || tenths < 0)
		return location_labels[4];
	far = cl_distance_more_than_threshold(tenths);
	if (inside)
		return location_labels[far ? 1 : 0];
	return location_labels[far ? 3 : 2];
}

const char *const *
cl_placement_location_labels(int *n)
{
	*n = (int) (sizeof(location_labels) / sizeof(location_labels[0]));
	return location_labels;
}
