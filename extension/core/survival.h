/*
 * survival.h: Kaplan-Meier survival and Aalen-Johansen cumulative incidence
 * from day-indexed counts (plain C; metrics.md section 8).
 *
 * State.  Both estimators read the same state: a table of (day, cause, count)
 * entries.  For Kaplan-Meier, cause is 1 for an event and 0 for a censoring;
 * for competing risks, cause is the cause code (> 0) or 0 for a censoring.
 * Two states merge by adding the counts of equal (day, cause) keys, so the
 * state of a union of data sets is the merge of their states, whatever the
 * order of the rows or of the merges.
 *
 * Layout.  A state is one flat buffer (the glue puts a varlena header in
 * front of it): a 20-byte header and `capacity` entries.  Entries
 * [0, nsorted) are sorted by (day, cause), distinct and have counts > 0 (the
 * canonical part); entries [nsorted, nused) are an unsorted tail of recent
 * additions that may repeat keys; [nused, capacity) is room to grow.
 * Adding a row finds its key in the sorted part by binary search and adds to
 * it in place; a new key goes to the tail, which is sorted and merged into
 * the sorted part (in place, without allocation, using the spare room of
 * the buffer) when it grows past a quarter of the sorted part.  A value is canonical when nused == nsorted:
 * the canonical form of a data set is unique, so two states hold the same
 * data exactly when their canonical forms are byte-identical.  Stored values
 * are canonical with capacity == nused.
 *
 * Errors are reported through a caller-supplied message buffer.
 */
#ifndef CL_SURVIVAL_H
#define CL_SURVIVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "state_limits.h"

#define CL_SURV_VERSION		1

#define CL_SURV_KIND_KM		1	/* careleaver.survival */
#define CL_SURV_KIND_CR		2	/* careleaver.competing_risks */

/* Two-sided 95% normal quantile, qnorm(0.975). */
#define CL_SURV_Z95			1.959963984540054

typedef struct cl_surv_entry
{
	int32_t		day;			/* duration in days, >= 0 */
	int32_t		cause;			/* 0 censored; KM: 1 event; CR: cause > 0 */
	int32_t		count;			/* > 0 */
} cl_surv_entry;

typedef struct cl_surv_state
{
	uint8_t		version;		/* CL_SURV_VERSION */
	uint8_t		kind;			/* CL_SURV_KIND_* */
	uint8_t		flags;			/* reserved, 0 */
	uint8_t		reserved;		/* 0 */
	int32_t		nsorted;		/* canonical prefix length */
	int32_t		nused;			/* entries in use (prefix + tail) */
	int32_t		capacity;		/* entries allocated */
	int32_t		total;			/* sum of all counts (<= INT32_MAX) */
	cl_surv_entry e[];
} cl_surv_state;

#define CL_SURV_HEADER_BYTES	((size_t) offsetof(cl_surv_state, e))
/* Structural bound of a stored buffer (1 GB varlena). */
#define CL_SURV_MAX_CAPACITY	((int32_t) ((0x3FFFFFFF - 64) / sizeof(cl_surv_entry)))

/*
 * A value holds at most CL_SURV_MAX_ENTRIES distinct (day, cause) entries
 * (state_limits.h).  A working buffer may hold that many in its sorted part
 * plus an unsorted tail of additions and the room its merge needs: at most
 * CL_SURV_MAX_WORK_CAPACITY entries (see the glue's checks).
 */
#define CL_SURV_MAX_WORK_CAPACITY	(4 * CL_SURV_MAX_ENTRIES + 64)

/* Return codes of the mutating functions. */
#define CL_SURV_OK		0
#define CL_SURV_FULL	1		/* no room: grow the buffer and call again */
#define CL_SURV_ERROR	(-1)	/* message in err */

/* Bytes needed for a state of the given capacity. */
extern size_t cl_surv_bytes(int32_t capacity);

/* Initialise an empty state in a buffer of cl_surv_bytes(capacity) bytes. */
extern void cl_surv_init(cl_surv_state *s, int kind, int32_t capacity);

/*
 * Is the buffer a structurally sound state of this kind, `bytes` long?
 * (version, kind, counters within capacity, size).  Does not check order.
 */
extern bool cl_surv_sane(const cl_surv_state *s, int kind, size_t bytes);

/*
 * Add count rows (day, cause).  Errors: negative day, cause out of range for
 * the kind, total over INT32_MAX.  CL_SURV_FULL leaves s unchanged.
 */
extern int	cl_surv_add(cl_surv_state *s, int32_t day, int32_t cause,
						int32_t count, char *err, size_t errlen);

/*
 * Add every entry of src to dst.  dst must have room for
 * dst->nused + src->nused entries (else CL_SURV_FULL, dst unchanged).
 */
extern int	cl_surv_absorb(cl_surv_state *dst, const cl_surv_state *src,
						   char *err, size_t errlen);

/*
 * Sort the tail into the sorted part, in place; then nused == nsorted.  The
 * final merge needs room for the new keys twice (capacity >= nsorted + 2 *
 * new keys, which capacity >= 2 * nused guarantees); without it, returns
 * false after sorting the tail and folding the keys it shares with the
 * sorted part in (the content is unchanged either way).
 */
extern bool cl_surv_compact(cl_surv_state *s);

static inline bool
cl_surv_is_canonical(const cl_surv_state *s)
{
	return s->nused == s->nsorted;
}

/*
 * Check that entries [0, n) are a canonical list for the kind (sorted
 * distinct keys, counts > 0, causes in range, total <= INT32_MAX).  Used for
 * values received in binary form.
 */
extern bool cl_surv_check_entries(int kind, const cl_surv_entry *e, int32_t n,
								  char *err, size_t errlen);

/*
 * Text form.  Kaplan-Meier: {day:events/censored,...}, e.g. {6:3/1,7:1/0};
 * competing risks: {day:{cause:count,...},...} with cause 0 for censored,
 * e.g. {6:{0:1,1:3},7:{2:1}}.  The empty state is {}.  Whitespace between
 * tokens is accepted on input; days and causes must be strictly increasing,
 * counts positive, each day non-empty.
 *
 * cl_surv_parse: returns the number of entries the text holds, or -1 with a
 * message in err.  When out is not NULL and out->capacity is large enough,
 * the entries are stored in out (canonical); call with out == NULL first to
 * size the buffer.
 */
extern int32_t cl_surv_parse(const char *text, int kind, cl_surv_state *out,
							 char *err, size_t errlen);

/*
 * Write the text form of a canonical state into buf (NUL-terminated, as
 * snprintf); returns the length the full text needs (excluding the NUL).
 */
extern size_t cl_surv_format(const cl_surv_state *s, char *buf, size_t buflen);

/* Number of subjects (sum of counts), and of events (all causes). */
extern int32_t cl_surv_total(const cl_surv_state *s);
extern int32_t cl_surv_events(const cl_surv_state *s, int32_t cause);	/* cause < 0: all */

/* ------------------------------------------------------------------------
 * Kaplan-Meier (canonical KM state).
 */
typedef struct cl_km_row
{
	int32_t		day;
	int32_t		at_risk;		/* durations >= day */
	int32_t		events;
	int32_t		censored;
	double		surv;			/* S(day), after the day's events */
	double		se_log;			/* Greenwood: sqrt(sum d / (n (n - d))) */
	double		std_err;		/* Greenwood standard error of S: surv * se_log */
	double		lower;			/* log-log 95% limits; NaN where undefined */
	double		upper;
} cl_km_row;

typedef struct cl_km_iter
{
	const cl_surv_state *s;
	int32_t		i;				/* next entry */
	int32_t		at_risk;
	double		surv;
	double		greenwood;
	bool		greenwood_inf;	/* S reached 0: variance undefined */
} cl_km_iter;

extern void cl_km_iter_init(cl_km_iter *it, const cl_surv_state *s);
/* Next row, one per distinct day; false at the end. */
extern bool cl_km_next(cl_km_iter *it, cl_km_row *row);

/*
 * S(day): the estimate at the end of that day.  NaN when the state is empty
 * or day is after the largest observed duration while S > 0 (no one is
 * followed that long); 1 for a day before the first observation.
 */
extern double cl_km_at(const cl_surv_state *s, int32_t day);

/*
 * Median and its 95% interval (R survival's quantile.survfit rule, applied
 * to the estimate and to the log-log limits): the first day the curve is at
 * or below 0.5; when the curve is exactly 0.5 (within 1.5e-8) over a stretch,
 * the midpoint between the day it reached 0.5 and the day it next drops (or
 * the last follow-up day).  NaN when the curve never reaches 0.5.
 */
extern void cl_km_median(const cl_surv_state *s, double *median,
						 double *lower, double *upper);

/* ------------------------------------------------------------------------
 * Competing risks: Aalen-Johansen cumulative incidence (canonical CR state).
 *
 * Causes are those with at least one event in the state, ascending.  Rows
 * are produced at every day with at least one event (any cause), one per
 * cause, so the table is rectangular.  The variance is Gray's estimator as
 * implemented in R's cmprsk::cuminc (Fortran routine cinc, with its
 * correction for tied events); the interval is F^exp(+-z se / (F log F))
 * (log(-log) transform, Choudhury 2002; Pintilie 2006), NaN where F is 0 or 1.
 */
typedef struct cl_cif_row
{
	int32_t		day;
	int32_t		cause;
	int32_t		at_risk;
	int32_t		events;			/* events of this cause on this day */
	double		incidence;
	double		variance;
	double		lower;
	double		upper;
} cl_cif_row;

typedef struct cl_cif_cause
{
	int32_t		cause;
	double		f;				/* cumulative incidence */
	double		v1,
				v2,
				v3;				/* Gray's running sums */
	double		variance;
	int32_t		nd;				/* events on the current day */
} cl_cif_cause;

typedef struct cl_cif_iter
{
	const cl_surv_state *s;
	cl_cif_cause *causes;		/* workspace: cl_cif_ncauses() elements */
	int32_t		ncauses;
	int32_t		i;				/* next entry */
	int32_t		at_risk;
	double		surv;			/* all-cause KM before the current day */
	int32_t		day;			/* current event day */
	int32_t		day_at_risk;
	int32_t		k;				/* next cause row to emit; ncauses when done */
} cl_cif_iter;

extern int32_t cl_cif_ncauses(const cl_surv_state *s);
/* causes must have room for cl_cif_ncauses(s) elements. */
extern void cl_cif_iter_init(cl_cif_iter *it, const cl_surv_state *s,
							 cl_cif_cause *causes);
extern bool cl_cif_next(cl_cif_iter *it, cl_cif_row *row);

/*
 * Cumulative incidence of cause at the end of day; NaN when the state is
 * empty or day is after the largest observed duration while some subjects
 * remain event-free.  0 for a cause with no events.
 */
extern double cl_cif_at(const cl_surv_state *s, int32_t cause, int32_t day);

#endif							/* CL_SURVIVAL_H */
