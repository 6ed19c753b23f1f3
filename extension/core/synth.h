/*
 * synth.h: the synthetic council generator (plain C, no PostgreSQL headers).
 *
 * Every child is simulated on its own from a random stream seeded by
 * (seed, child number) alone, so the output for a seed is identical whatever
 * the order, chunking or parallelism of the calls.  A child's life in care is
 * simulated from its first entry (possibly years before the first collection
 * year) to the data end date (31 March of the last collection year); what the
 * dataset keeps is what the annual returns of the collection years would
 * carry: every episode open at some time in a collection year, with episodes
 * still open on the data end date left open, and the OC3 records of the
 * collection years.  Codes are code indexes (codes.h), dates day numbers
 * (dates.h).
 */
#ifndef CL_SYNTH_H
#define CL_SYNTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dates.h"

/* Kept episodes and OC3 records per child (the simulator never exceeds them). */
#define CL_SYNTH_MAX_EPISODES 96
#define CL_SYNTH_MAX_OC3 5

/* Collection years the generator accepts. */
#define CL_SYNTH_MIN_YEAR 2008
#define CL_SYNTH_MAX_YEAR 2040

typedef struct cl_synth_params
{
	int64_t		seed;
	int			first_year;		/* collection years, named by the year they end */
	int			last_year;
	int			councils;		/* 1 .. cl_synth_max_councils() */
} cl_synth_params;

typedef struct cl_synth_episode
{
	cl_date		decom;
	cl_date		dec;			/* CL_DATE_OPEN: still open at the data end */
	uint8_t		rne;
	uint8_t		ls;
	uint8_t		cin;
	uint8_t		place;
	uint8_t		provider;		/* 0: blank */
	uint8_t		rec;			/* 0: open */
	uint8_t		rpc;			/* REASON_PLACE_CHANGE, 0: blank */
	uint32_t	carer;			/* carer / setting number (postcode and URN) */
} cl_synth_episode;

typedef struct cl_synth_oc3
{
	int			year;			/* collection year */
	int			age;			/* birthday (17 to 21) falling in the year */
	uint8_t		in_touch;
	uint8_t		activ;
	uint8_t		accom;
} cl_synth_oc3;

typedef struct cl_synth_child
{
	int64_t		number;			/* 0 .. children - 1 */
	int			council;		/* 0 .. councils - 1 */
	bool		male;
	cl_date		dob;
	int			ethnic;			/* index into cl_synth_ethnic_text */
	int			upn_kind;		/* 0: a UPN; 1..5: UN1..UN5 */
	int			mother;			/* -1 blank, 0, 1 */
	cl_date		mc_dob;			/* when mother = 1 */
	bool		uasc;
	cl_date		duc;			/* UASC ceased; CL_DATE_OPEN: blank */
	uint32_t	home;			/* home postcode number */
	int			n_episodes;
	cl_synth_episode episodes[CL_SYNTH_MAX_EPISODES];
	int			n_oc3;
	cl_synth_oc3 oc3[CL_SYNTH_MAX_OC3];
} cl_synth_child;

/*
 * Check parameters; returns false and writes a message (at most bufsize bytes)
 * when they are out of range.
 */
extern bool cl_synth_check_params(const cl_synth_params *p, char *msg, size_t msgsize);

/* Simulate child number n (deterministic in p->seed and n). */
extern void cl_synth_child_generate(const cl_synth_params *p, int64_t n, cl_synth_child *c);

/* The fixed list of council (LA) codes: council i gets cl_synth_council_code(i). */
extern int	cl_synth_max_councils(void);
extern const char *cl_synth_council_code(int council);

/* Text fields, written into buffers of CL_SYNTH_TEXT_LEN bytes. */
#define CL_SYNTH_TEXT_LEN 24
extern void cl_synth_child_id(const cl_synth_child *c, char *buf);
extern void cl_synth_upn(const cl_synth_child *c, char *buf);
extern const char *cl_synth_ethnic_text(int ethnic);
/* SEX as a collection year codes it: 1/2 up to 2023-24, M/F from 2024-25. */
extern const char *cl_synth_sex_text(bool male, int year);
extern void cl_synth_postcode(uint32_t number, char *buf);
/* URN of a placement, or false when the episode carries none. */
extern bool cl_synth_urn(const cl_synth_episode *e, char *buf);

/* The collection year containing a date. */
extern int	cl_synth_collection_year(cl_date d);

/*
 * The deterministic generator itself, exposed for tests: xoshiro256**
 * seeded through splitmix64.
 */
typedef struct cl_synth_rng
{
	uint64_t	s[4];
} cl_synth_rng;

extern void cl_synth_rng_seed(cl_synth_rng *r, int64_t seed, int64_t stream);
extern uint64_t cl_synth_rng_next(cl_synth_rng *r);
extern double cl_synth_rng_unit(cl_synth_rng *r);	/* [0, 1) */

#endif							/* CL_SYNTH_H */
