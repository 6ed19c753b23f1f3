/*
 * synth_location.h: where synthetic children live and are placed, and their social
 * workers (doc/synthetic.md), kept apart from the generator's simulation (synth.c),
 * which it reads but does not change.
 *
 * A synthetic postcode names its council and a 400 m square of it, so the synthetic
 * postcode look-up (grid references and council) is worked out from the text alone:
 * the generator writes postcodes, and careleaver.synthetic_postcode_grid decodes them.
 */
#ifndef CL_SYNTH_LOCATION_H
#define CL_SYNTH_LOCATION_H

#include <stdbool.h>
#include <stdint.h>

#include "synth.h"

/* Social-worker episodes kept per child (more are not generated). */
#define CL_SYNTH_MAX_SW 128

/* The home postcode of a child (in its own council). */
extern void cl_synth_home_postcode(const cl_synth_child *c, char *buf);

/*
 * The placement postcode of an episode: most in the child's council, some in a
 * neighbouring one, a few far away; always given (true), as DfE rule 392B asks.
 */
extern bool cl_synth_placement_postcode(const cl_synth_child *c, const cl_synth_episode *e, char *buf);

/*
 * The grid reference (metres east and north) and council index of a synthetic postcode
 * (as cl_postcode_canonical writes it); false when it is not one the generator makes.
 */
extern bool cl_synth_postcode_grid(const char *postcode, int32_t *easting, int32_t *northing, int *council);

typedef struct cl_synth_sw_episode
{
	char		sw_id[CL_SYNTH_TEXT_LEN];
	cl_date		decom;
	cl_date		dec;			/* CL_DATE_OPEN: open at the data end */
	const char *reason;			/* SW_REASON; NULL for a child's first social worker */
} cl_synth_sw_episode;

/*
 * The social-worker episodes of a child (SWEpisodes module) during its periods of care
 * that reach the generated collection years: a new social worker on average once a
 * year; returns how many were written to out (at most max).
 */
extern int	cl_synth_social_workers(const cl_synth_params *p, const cl_synth_child *c,
									cl_synth_sw_episode *out, int max);

#endif
