/*
 * flows.h: the stock-flow model of children looked after (plain C; doc/sufficiency.md).
 *
 * A flow model counts, over a reference window of whole months ending on a
 * start date, what happened to children month by month: where each child
 * looked after at the start of a month was at its end (the same placement
 * group, another, or an exit by route), by age band; the children who were
 * not looked after at the start of a month and were at its end (entries), by
 * single year of age and placement group; and the children looked after on
 * the start date (the stock), by age in months and placement group.  Counts
 * only, so two models over the same window merge by adding them: the model
 * of a union of councils is the merge of their models, whatever the order.
 *
 * Month ends are cl_add_months(start, -k): the monthly snapshots the model
 * sees.  A child leaving and coming back within one month is not seen (the
 * projection works on the same snapshots, so it stays consistent).  Care
 * ends at 18: a month whose end falls on or after the 18th birthday is not
 * counted, and the projection ages children out at 216 months instead.
 * Children without a date of birth are left out (their age is not known).
 *
 * The projection (cl_flow_simulate) draws one possible future per call:
 * rates drawn from their posterior (Dirichlet for each row of moves, gamma
 * for each entry rate, from the counts), then each month's moves as
 * multinomial draws per cell, ageing, and entries: Poisson, mixed with a
 * gamma factor common to the month when the window's monthly entries vary
 * more than Poisson counts would (siblings come into care together).  The glue runs it
 * many times, checking for interrupts between calls, and summarises the
 * draws with cl_flow_quantile.
 */
#ifndef CL_FLOWS_H
#define CL_FLOWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dates.h"
#include "history.h"

#define CL_FLOW_VERSION		1

/* Placement groups while looked after (cl_place_flow_group). */
#define CL_FLOW_GROUPS		5
/* Exit routes. */
#define CL_FLOW_EXITS		4
/* Where a child looked after at a month's start is at its end. */
#define CL_FLOW_DEST		(CL_FLOW_GROUPS + CL_FLOW_EXITS)
/* DfE's age bands of children looked after. */
#define CL_FLOW_BANDS		5
#define CL_FLOW_AGE_YEARS	18
#define CL_FLOW_AGE_MONTHS	(12 * CL_FLOW_AGE_YEARS)

/*
 * Limits (doc/sufficiency.md): a reference window of at most
 * CL_FLOW_MAX_MONTHS months; every count at most CL_FLOW_MAX_COUNT (exact in
 * a double); a projection of at most CL_FLOW_MAX_HORIZON months and
 * CL_FLOW_MAX_SIMULATIONS draws (its draws are kept for the quantiles:
 * at most 240 x 2000 x 42 doubles, 161 MB).
 */
#define CL_FLOW_MAX_MONTHS		600
#define CL_FLOW_MAX_COUNT		(INT64_C(1) << 52)
#define CL_FLOW_MAX_HORIZON		240
#define CL_FLOW_MAX_SIMULATIONS	2000

typedef struct cl_flow_model
{
	uint8_t		version;		/* CL_FLOW_VERSION */
	uint8_t		reserved[3];	/* 0 */
	cl_date		start;			/* the start date: last month end of the window */
	int32_t		months;			/* months in the reference window, 1..CL_FLOW_MAX_MONTHS */
	int32_t		reserved2;		/* 0 */
	int64_t		moves[CL_FLOW_BANDS][CL_FLOW_GROUPS][CL_FLOW_DEST];
	int64_t		entries[CL_FLOW_AGE_YEARS][CL_FLOW_GROUPS];
	int64_t		stock[CL_FLOW_AGE_MONTHS][CL_FLOW_GROUPS];
	/* entries in each month of the window (k = 0 is the first): their spread */
	int64_t		monthly_entries[CL_FLOW_MAX_MONTHS];
} cl_flow_model;

/* Names: "Foster care with relatives or friends", ...; NULL out of range. */
extern const char *cl_flow_group_name(int group);
extern const char *cl_flow_exit_name(int route);
extern const char *cl_flow_band_name(int band);
/* The band of an age in completed years (0..17); -1 out of range. */
extern int	cl_flow_band_of_age(int years);
/* Index of a name (exact match), -1 when none. */
extern int	cl_flow_group_by_name(const char *name);
extern int	cl_flow_band_by_name(const char *name);

/*
 * Completed months of age on d: the months since the last birthday
 * (cl_birthday, so 29 February birthdays follow metrics.md 1) plus 12 per
 * completed year; -1 when d is before dob.
 */
extern int64_t cl_age_months_on(cl_date dob, cl_date d);

/*
 * The placement group of the child on d (the care episode covering the night
 * of d, as cl_history_looked_after_on), or -1 when not looked after.
 */
extern int	cl_flow_group_on(const cl_history *h, cl_date d);

/* An empty model for the window of `months` months ending on start. */
extern bool cl_flow_init(cl_flow_model *m, cl_date start, int32_t months, char *err, size_t errlen);

/*
 * Adds one child's months in the window and its place in the stock.
 * work: room for h->n periods (cl_period; the caller's).  False with a
 * message when a count would pass CL_FLOW_MAX_COUNT.
 */
struct cl_period;
extern bool cl_flow_add_child(cl_flow_model *m, const cl_history *h, cl_date dob,
							  struct cl_period *work, char *err, size_t errlen);

/* a += b; both for the same window, else false with a message. */
extern bool cl_flow_merge(cl_flow_model *a, const cl_flow_model *b, char *err, size_t errlen);

/* Checks a model read from outside (version, window, counts in range). */
extern bool cl_flow_check(const cl_flow_model *m, char *err, size_t errlen);

/*
 * Text form: "{start 2021-03-31; months 36; moves B G D N, ...; entries Y G N,
 * ...; stock A G N, ...; monthly K N, ...}" with only non-zero counts, keys strictly
 * increasing (so the text of a model is unique).  cl_flow_text_size bounds
 * the formatted length (including the NUL).
 */
extern size_t cl_flow_text_size(const cl_flow_model *m);
extern size_t cl_flow_format(const cl_flow_model *m, char *buf);
extern bool cl_flow_parse(const char *text, size_t len, cl_flow_model *m, char *err, size_t errlen);

/* ---- projection ------------------------------------------------------- */

/* A scenario's rate adjustment (doc/sufficiency.md, "Scenarios"). */
typedef enum cl_flow_adjust_kind
{
	CL_FLOW_ADJUST_ENTRIES = 1, /* entries into group (any: -1) at ages in band (any: -1) */
	CL_FLOW_ADJUST_MOVES_TO,	/* moves from another group into group, and entries into it */
	CL_FLOW_ADJUST_EXITS		/* exits from group, by every route */
} cl_flow_adjust_kind;

typedef struct cl_flow_adjust
{
	cl_flow_adjust_kind kind;
	int			band;			/* -1: every band */
	int			group;			/* -1: every group */
	double		factor;			/* >= 0 */
} cl_flow_adjust;

extern int	cl_flow_adjust_kind_by_name(const char *name);

/* A small random number generator (splitmix64), one per simulation. */
typedef struct cl_flow_rng
{
	uint64_t	s;
} cl_flow_rng;

extern void cl_flow_rng_seed(cl_flow_rng *r, uint64_t seed, uint64_t stream);
extern double cl_flow_uniform(cl_flow_rng *r);
extern int64_t cl_flow_binomial(cl_flow_rng *r, int64_t n, double p);
extern int64_t cl_flow_poisson(cl_flow_rng *r, double mean);
extern double cl_flow_gamma(cl_flow_rng *r, double shape);

/*
 * Cells of a projection's output per month: (band or all) x (group or all),
 * index band * (CL_FLOW_GROUPS + 1) + group, with CL_FLOW_BANDS and
 * CL_FLOW_GROUPS standing for "all".
 */
#define CL_FLOW_CELLS	((CL_FLOW_BANDS + 1) * (CL_FLOW_GROUPS + 1))

/*
 * Work space of one simulation (the caller's), cl_flow_work_size bytes.
 */
extern size_t cl_flow_work_size(void);

/*
 * One simulated future of `horizon` months from the model's stock: writes
 * out[k * CL_FLOW_CELLS + cell] = children in the cell at the end of month
 * k + 1 (k = 0..horizon-1).  Deterministic for a given rng state.
 */
extern void cl_flow_simulate(const cl_flow_model *m, int horizon,
							 const cl_flow_adjust *adjust, int nadjust,
							 cl_flow_rng *rng, void *work, double *out);

/*
 * Spend in one month of `days` days from one month's cells: spend[g] =
 * children in group g x weekly_cost[g] x days / 7, spend[CL_FLOW_GROUPS] the
 * total.  A negative weekly cost means "not given": its group and the total
 * are NaN.
 */
extern void cl_flow_spend(const double *cells, const double *weekly_cost, int days, double *spend);

/* The q-quantile (0..1) of x[0..n) by linear interpolation (sorts x). */
extern double cl_flow_quantile(double *x, int n, double q);

#endif							/* CL_FLOWS_H */
