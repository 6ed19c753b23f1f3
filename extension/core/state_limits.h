/*
 * state_limits.h: the documented maximum of every aggregate state and of
 * every value that can grow (doc/history.md, doc/survival.md,
 * doc/trajectories.md).  The glue raises PROGRAM_LIMIT_EXCEEDED before a
 * state would pass one, so memory stays bounded and every core call on a
 * state does bounded work (the glue checks for interrupts between calls).
 *
 * A test build (make CARELEAVER_TEST_LIMITS=1) divides the limits by
 * CARELEAVER_STATE_LIMIT_SCALE so that a test can reach them quickly.
 */
#ifndef CL_STATE_LIMITS_H
#define CL_STATE_LIMITS_H

#include <stdint.h>

#ifndef CARELEAVER_STATE_LIMIT_SCALE
#define CARELEAVER_STATE_LIMIT_SCALE 1
#endif

/* Episodes in one care history (care_history_agg, care_history_merge, input). */
#define CL_HISTORY_MAX_EPISODES (10000000 / CARELEAVER_STATE_LIMIT_SCALE)

/*
 * Rows without a start date counted in one history: the count saturates
 * here (it never wraps or fails), and the input function accepts it.
 */
#define CL_HISTORY_MAX_MISSING_DECOM INT32_MAX

/*
 * Distinct (day, cause) entries in a survival or competing_risks value
 * (km_agg, km_merge, cif_agg, cif_merge, input).  Kaplan-Meier keys are
 * (day, event or not), so this covers every follow-up up to 1,369 years.
 */
#define CL_SURV_MAX_ENTRIES (1000000 / CARELEAVER_STATE_LIMIT_SCALE)

/*
 * Events (referrals, assessments, section 47 enquiries, CIN plans, child
 * protection plans) in one careleaver.cin_journey (cin_journey_agg, input);
 * doc/cin.md "Limits".
 */
#define CL_CIN_MAX_EVENTS (100000 / CARELEAVER_STATE_LIMIT_SCALE)

#endif							/* CL_STATE_LIMITS_H */
