/*
 * location.h: placement location and distance from home (metrics.md 14), plain C.
 *
 * DfE derives from the home and placement postcodes of an episode (HOME_POST, PL_POST)
 * the straight-line distance between their Ordnance Survey grid references, in miles to
 * one decimal, and whether the placement lies inside the council's boundary.  The grid
 * references and upper-tier council codes come from a postcode look-up (ONS Postcode
 * Directory or National Statistics Postcode Lookup) loaded into the dataset.
 */
#ifndef CL_LOCATION_H
#define CL_LOCATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Longest canonical postcode ("AB12 3CD") with its terminating NUL. */
#define CL_POSTCODE_LEN 9

/* Metres in a mile as DfE converts them (1.6093 km). */
#define CL_METRES_PER_MILE 1609.3

/* More than this many miles from home is "more than 20 miles" (Dashboard 46). */
#define CL_DISTANCE_THRESHOLD_MILES 20.0

/*
 * A postcode in the look-up's spelling: spaces removed, upper case, then one space
 * before the inward code (the last three characters: digit, letter, letter), as ONS
 * writes pcds.  False (and why, in why) when it is not shaped like a UK postcode:
 * an outward code of 2 to 4 characters starting with a letter, then the inward code.
 */
extern bool cl_postcode_canonical(const char *in, size_t len, char *out, const char **why);

/*
 * Miles between two grid references (metres east and north), as DfE computes them:
 * sqrt(dE^2 + dN^2) / 1000 / 1.6093, rounded to one decimal.  Returned in tenths of a
 * mile so that it is exact.
 */
extern int64_t cl_grid_distance_tenths(int32_t e1, int32_t n1, int32_t e2, int32_t n2);

/* More than 20 miles from home (tenths from cl_grid_distance_tenths). */
extern bool cl_distance_more_than_threshold(int64_t tenths);

/*
 * DfE's breakdown label of a new placement (la_cla_during_year_new_placements.csv):
 * inside: 1 inside the council's boundary, 0 outside, -1 not known; tenths < 0: distance
 * not known.  Distance not known (or location not known) gives "Distance not known or
 * not recorded".
 */
extern const char *cl_placement_location_label(int inside, int64_t tenths);

/* The breakdown labels in DfE's order, the total last; n set to their number. */
extern const char *const *cl_placement_location_labels(int *n);

#endif
