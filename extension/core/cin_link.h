/*
 * cin_link.h: the same child in the Children in Need census and in SSDA903
 * (plain C), and the measures across both: care that followed Family Help
 * (a referral or a child protection plan in the 12 months before care
 * began), what came after it, and returns home followed by a re-referral
 * (doc/cin.md "Linkage to care", metrics.md 15.1).
 *
 * Identity: a CIN child and an SSDA903 child of the same council are the same
 * child when LAchildID equals CHILD (both returns come from the council's own
 * case records); the UPN confirms the link where both hold a well-formed one,
 * and a disagreement (neither the CIN UPN nor its FormerUPN equals the
 * SSDA903 UPN) refuses it: such a pair is reported, never measured.
 *
 * Coverage: what the CIN data can show runs from cin_from (1 April of the
 * first year of the unbroken run of loaded CIN returns ending with the
 * latest) to cin_end (31 March of the latest); SSDA903's care runs to
 * cla_end (returns.h).  A look-back or follow-up window that reaches outside
 * the CIN coverage is "not known": never counted as "no referral".
 */
#ifndef CL_CIN_LINK_H
#define CL_CIN_LINK_H

#include <stdbool.h>
#include <stddef.h>

#include "cin_journey.h"
#include "facts.h"

/* How a CIN child and the SSDA903 child with the same identifier are linked. */
typedef enum cl_cin_link
{
	CL_CIN_LINK_ID_AND_UPN = 0,	/* same identifier, the UPNs agree */
	CL_CIN_LINK_ID_ONLY = 1,	/* same identifier, a UPN missing on either side */
	CL_CIN_LINK_UPN_CONFLICT = 2	/* same identifier, the UPNs disagree: not linked */
} cl_cin_link;

#define CL_CIN_LINK_KINDS 3

/* "id and upn", "id only", "upn conflict". */
extern const char *cl_cin_link_name(cl_cin_link link);

/*
 * A UPN read ignoring surrounding blanks and case, into out (14 bytes):
 * true when it is well formed (a letter other than I, O and S, then 12
 * digits, or 11 digits and a letter); UN1 to UN7, blanks and anything else
 * are no UPN.
 */
extern bool cl_cin_upn_normalise(const char *s, size_t len, char out[14]);

/* The link of a pair with the same identifier (NULL pointers: not given). */
extern cl_cin_link cl_cin_link_of(const char *cin_upn, size_t cin_len, const char *former_upn,
								  size_t former_len, const char *cla_upn, size_t cla_len);

/* One linked child's counts for a collection year. */
typedef struct cl_cin_care_year
{
	/* the child's first period of care starting in the year (0 or 1 each) */
	int			started;
	int			lookback_incomplete;	/* the 12 months before it are not all covered by CIN */
	int			after_referral;		/* a referral in the 12 months before the start (start day included) */
	int			after_cpp;			/* a protection plan open on a day of those 12 months */
	int			after_help;			/* either */
	int			route;				/* cl_exit_cause of that period by cla_end (0: still looked after) */
	/* returns home (E4A, E4B) in the year, on or before cla_end */
	int			returned_home;
	int			rereferred;			/* a referral after the return, within 12 months */
	int			rereferral_incomplete;	/* the 12 months after are not all covered by CIN */
} cl_cin_care_year;

/*
 * The counts of collection year `year` for one child: its CIN events ev[0..n)
 * (sorted), the facts of its care history, its date of birth (CL_DATE_OPEN
 * when not known: no exit is then "turned 18"), the SSDA903 data end and the
 * CIN coverage.  A child with no CIN record has n = 0 (its starts count, with
 * no Family Help before them when the look-back is covered).
 */
extern void cl_cin_care_year_counts(const cl_cin_event *ev, int n, const cl_facts *f, cl_date dob, int year,
									cl_date cla_end, cl_date cin_from, cl_date cin_end, cl_cin_care_year *out);

#endif
