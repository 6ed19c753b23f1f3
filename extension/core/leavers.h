/*
 * leavers.h: the care-leaver cohort of a collection year and the outcome
 * classes of an OC3 record (metrics.md 5).
 */
#ifndef CL_LEAVERS_H
#define CL_LEAVERS_H

#include "history.h"
#include "status.h"

#define CL_COHORT_MIN_AGE 17
#define CL_COHORT_MAX_AGE 25

/*
 * The age a whose birthday falls in collection year `year` (1 April year-1
 * to 31 March year): exactly one birthday does, 29 February birthdays
 * falling on 1 March in common years.  Writes the birthday too.
 */
extern int	cl_birthday_age_in_year(cl_date dob, int year, cl_date *birthday);

typedef struct cl_cohort_check
{
	int			age;			/* the age tested */
	cl_date		birthday;
	bool		birthday_in_year;
	cl_leaver_status status;	/* status on the birthday (none when not in the year) */
	bool		looked_after;	/* looked after on the birthday */
	bool		in_cohort;
} cl_cohort_check;

/*
 * In the cohort of collection year `year` at age `age` (17 to 25): the age-th
 * birthday falls in the year and the status on it is relevant or former
 * relevant; at 17 and 18 not looked after on the birthday (DfE rules 1007
 * and 1016; a period of care ending on the 18th birthday has ended by then).
 * At 25 the status is always none (metrics.md 4 rule 1), so nobody is.
 * ex may be NULL.
 */
extern bool cl_in_leaver_cohort(const cl_history *h, cl_date dob, int year, int age,
								cl_cohort_check *ex);

/*
 * The cohort age of collection year `year` (metrics.md 5): the age whose
 * birthday falls in the year when it is 17 to 25 and the young person is in
 * that cohort (cl_in_leaver_cohort); -1 otherwise.
 */
extern int	cl_leaver_cohort_age(const cl_history *h, cl_date dob, int year);

/* Contact (IN_TOUCH) as reported. */
typedef enum cl_contact
{
	CL_CONTACT_NO_INFORMATION = 0,	/* no OC3 record (every field NULL) */
	CL_CONTACT_IN_TOUCH,		/* YES */
	CL_CONTACT_NOT_IN_TOUCH,	/* NO */
	CL_CONTACT_REFUSED,			/* REFU */
	CL_CONTACT_NOT_REQUIRED,	/* NREQ */
	CL_CONTACT_DIED,			/* DIED: excluded */
	CL_CONTACT_RETURNED_HOME,	/* RHOM: excluded */
	CL_CONTACT_NOT_RECORDED		/* a record without IN_TOUCH */
} cl_contact;

extern const char *cl_contact_name(cl_contact c);

/*
 * Outcome flags of one OC3 record (metrics.md 5).  Each flag is true, false
 * or "not applicable" (CL_NA, SQL NULL): every flag is NA for an excluded
 * record (DIED, RHOM) and false for "no information", so that the share of a
 * flag over a cohort (avg of the flag) has the cohort less exclusions as
 * its denominator, no-information members included.
 */
#define CL_NA (-1)

typedef struct cl_leaver_outcome
{
	cl_contact	contact;
	bool		excluded;
	bool		no_information;
	int			in_touch;
	int			eet;
	int			neet;
	int			activity_not_known;	/* ACTIV 0, or no ACTIV on a record */
	int			higher_education;
	int			apprenticeship;
	int			suitable;
	int			unsuitable;
	int			accommodation_not_known;	/* ACCOM 0, or no ACCOM on a record */
	int			homeless_or_insecure;
} cl_leaver_outcome;

/* Codes are the indexes of codes.h, 0 for NULL. */
extern void cl_leaver_outcome_of(int in_touch, int activ, int accom, cl_leaver_outcome *o);

#endif							/* CL_LEAVERS_H */
