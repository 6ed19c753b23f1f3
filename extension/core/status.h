/*
 * status.h: care-leaver status at a date (metrics.md section 4), with the
 * figures and the rule that decided it.
 */
#ifndef CL_STATUS_H
#define CL_STATUS_H

#include "history.h"

/* The SQL enum careleaver.leaver_category, in its declared order. */
typedef enum cl_leaver_status
{
	CL_LEAVER_NONE = 0,			/* SQL NULL */
	CL_LEAVER_ELIGIBLE,
	CL_LEAVER_RELEVANT,
	CL_LEAVER_FORMER_RELEVANT,
	CL_LEAVER_QUALIFYING
} cl_leaver_status;

/* Label of a status ("eligible", ...); NULL for CL_LEAVER_NONE. */
extern const char *cl_leaver_status_name(cl_leaver_status s);

typedef struct cl_status_explain
{
	cl_leaver_status status;
	int			rule;			/* 1..9: the rule of metrics.md 4 that decided */
	int			age;			/* completed years on D */
	cl_date		b14,
				b16,
				b18,
				b21,
				b25;
	bool		looked_after;	/* looked after on D */
	/*
	 * The eligibility test that was made (rule 2: at D + 1 or b18; rules 6
	 * to 8: at C); eligible_at is 0 (no test) when none was.
	 */
	bool		eligibility_tested;
	cl_date		eligible_at;	/* T of eligible_by(T) */
	int64_t		days14;			/* days14(T) */
	int64_t		days16;			/* days16(T) */
	bool		eligible;		/* eligible_by(T) */
	bool		has_left;		/* a period of care ended on or before D */
	cl_date		left_on;		/* C */
	uint8_t		left_reason;	/* R (REC index); 0 when unknown */
	bool		left_reason_unknown;	/* X1 with no continuation, or no REC */
	bool		home_six_months_tested;	/* rule 6 looked at C + 6 months */
	cl_date		home_six_months;	/* C + 6 months */
} cl_status_explain;

/*
 * Status of a young person born on dob at date at.  ex may be NULL.
 * Dates are day numbers (dates.h); the result is CL_LEAVER_NONE when no
 * status applies.
 */
extern cl_leaver_status cl_leaver_status_at(const cl_history *h, cl_date dob, cl_date at,
											cl_status_explain *ex);

/* days14(T)/days16(T): days looked after in [birthday, T). */
extern int64_t cl_days_since_birthday(const cl_history *h, cl_date dob, int years, cl_date t);

/* eligible_by(T) of metrics.md 4. */
extern bool cl_eligible_by(const cl_history *h, cl_date dob, cl_date t);

/*
 * The last period of care that ended on or before d: true with its end date
 * and reason (0 when unknown), false when none.
 */
extern bool cl_last_exit_by(const cl_history *h, cl_date d, cl_date *end, uint8_t *reason,
							bool *reason_unknown);

#endif							/* CL_STATUS_H */
