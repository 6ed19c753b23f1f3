/*
 * synth_cin.h: synthetic Children in Need records for the synthetic councils'
 * children (plain C).  A child's CIN history is drawn from its own random
 * stream (seeded by the caller from the seed, council and child), so the output
 * does not depend on the order or parallelism of the calls.  Children who come
 * into care were mostly referred first: the referral (and often an assessment,
 * a section 47 enquiry and a protection plan) comes before the first period of
 * care; some children had earlier referrals and plans.  The rates are set so
 * that re-referrals within 12 months and second or subsequent plans come near
 * England's (22.6% and 24.5% in 2024-25; doc/synthetic.md).
 */
#ifndef CL_SYNTH_CIN_H
#define CL_SYNTH_CIN_H

#include <stdint.h>

#include "cin_journey.h"

/* Records per child (the generator never exceeds it). */
#define CL_SYNTH_CIN_MAX_EVENTS 48

typedef struct cl_synth_cin_event
{
	cl_cin_event ev;
	cl_date		referral;		/* the referral (CIN episode) the record belongs to */
	/* what the census records beside the journey (0: none) */
	uint8_t		source;			/* R: ReferralSource, index + 1 in the cin_referral_source list */
	uint8_t		need;			/* R: PrimaryNeedCode, index + 1 in cin_primary_need */
	uint8_t		icpc_not_required;	/* S: ICPCnotRequired (no conference followed) */
	cl_date		icpc;			/* S: DateOfInitialCPC (the protection plan's start), else CL_DATE_OPEN */
	uint16_t	disabilities;	/* first record of the child: bit i = cin_disability code i (bit 0: NONE) */
} cl_synth_cin_event;

/*
 * The CIN records of one child born on dob whose first period of care starts
 * on first_care (CL_DATE_OPEN: never in care) and whose last ends on care_end
 * (CL_DATE_OPEN: still in care), up to data_end; returns their number (at most
 * max, which should be CL_SYNTH_CIN_MAX_EVENTS).  The episode that led to care
 * closes when care ends (RC7) or at 18 (RC7), whichever comes first; about
 * 30% of the children who leave care before 18 are referred again after it.
 * The records pass DfE's CIN census rules (doc/validation.md): the protection
 * plan starts on a weekday, the day of the enquiry's initial conference; an
 * enquiry with no plan after it needed no conference; the assessment spans its
 * enquiry; an episode closed after assessment (RC8, RC9) closes the day the
 * assessment is authorised and has no enquiry; a referral with no further
 * action closes the same day with RC7; an assessment still open on a 31 March
 * has run at most 45 working days by then.
 */
extern int	cl_synth_cin_child(uint64_t stream, cl_date dob, cl_date first_care, cl_date care_end,
							   cl_date data_end, cl_synth_cin_event *out, int max);

#endif
