/*
 * cin_journey.h: one child's Children in Need journey (plain C): referrals
 * (CIN episodes), assessments with their factors, section 47 enquiries, CIN
 * plans and child protection plans, and DfE's CIN measures over it
 * (doc/cin.md, metrics.md 15).
 *
 * Text form (careleaver.cin_journey), events in any order, ';' between them:
 *   {R 2023-04-03 2023-09-01 RC2; A 2023-04-04 2023-05-30 1B,3A; S 2023-04-05;
 *    P 2023-06-01 -; C 2023-05-20 2024-01-10 NEG PHY 0}
 *   R referral date, closure date or -, [ReasonForClosure], [nfa]
 *   A assessment start or -, authorisation (completion) or -, [factors]
 *   S section 47 enquiry start
 *   P CIN plan start, end or -
 *   C protection plan start, end or -, initial and latest category or -,
 *     NumberOfPreviousCPP or -
 * The stored form is sorted (by date, then kind), so equal journeys are equal
 * bytes and the output reads back to the same value.
 */
#ifndef CL_CIN_JOURNEY_H
#define CL_CIN_JOURNEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dates.h"

/* An absent start (an assessment without a start date): earlier than any date. */
#define CL_CIN_NO_DATE INT32_MIN

typedef struct cl_cin_event
{
	cl_date		start;			/* CL_CIN_NO_DATE when not given */
	cl_date		end;			/* CL_DATE_OPEN when open or not given */
	uint64_t	factors;		/* A: bit i = code i of the factor list */
	int16_t		previous;		/* C: NumberOfPreviousCPP, -1 when not given */
	uint8_t		kind;			/* 'R', 'A', 'S', 'P', 'C' */
	uint8_t		code1;			/* R: closure reason; C: initial category (list index + 1, 0 none) */
	uint8_t		code2;			/* C: latest category (list index + 1, 0 none) */
	uint8_t		nfa;			/* R: 1 when ReferralNFA */
	uint8_t		pad[2];			/* always 0: journeys compare as bytes */
} cl_cin_event;

/* Sorts events into the canonical order. */
extern void cl_cin_sort(cl_cin_event *ev, int n);

/*
 * Parses text (the form above, braces optional) into at most max events.
 * Returns false with a message in err on bad text or more than max events
 * (*n is then max + 1 when the only fault is the count).
 */
extern bool cl_cin_parse(const char *text, size_t len, cl_cin_event *ev, int max, int *n,
						 char *err, size_t errsize);

/* Upper bound of the events text of len bytes can hold (for allocation). */
extern int	cl_cin_text_max_events(const char *text, size_t len);

/* Bytes cl_cin_format needs for n events (NUL included), and the formatter. */
extern size_t cl_cin_text_size(int n);
extern void cl_cin_format(const cl_cin_event *ev, int n, char *out);

/*
 * Working days after from up to and including to: weekdays that are not in
 * holidays (sorted ascending, any length); 0 when to <= from.
 */
/* Day of the week: 0 = Monday .. 6 = Sunday. */
extern int	cl_cin_weekday(cl_date d);

extern int	cl_cin_working_days(cl_date from, cl_date to, const cl_date *holidays, int nholidays);

/* DfE's bands of a protection plan's length (d5): index 0..4. */
#define CL_CIN_DURATION_BANDS 5
extern int	cl_cin_duration_band(cl_date start, cl_date on);

/* One child's counts for one collection year (1 April to 31 March). */
typedef struct cl_cin_year
{
	/* referrals (c1) */
	int			referrals;			/* referral date in the year */
	int			rereferrals;		/* ... within 12 months of a previous referral */
	int			referrals_nfa;		/* ... with ReferralNFA */
	int			referrals_not_in_need;	/* ... closed with RC8 (assessed, not in need) */
	/* CIN episodes (b1) */
	int			episodes_anypoint;	/* open at any point of the year */
	int			episodes_started;
	int			episodes_ended;
	int			episodes_at31;		/* open on 31 March */
	/* assessments */
	int			assessments_completed;	/* authorised in the year */
	int			assessments_timed;		/* ... with a start date */
	int			assessments_within_45;	/* ... within 45 working days of the start */
	int			section47_started;
	/* child protection plans (d3, d5) */
	int			cpp_started;
	int			cpp_subsequent;			/* second or subsequent plan */
	int			cpp_subsequent_2y;		/* ... within two years of the previous plan's end */
	int			cpp_ended;
	int			cpp_ended_2y;			/* ... lasting two years or more */
	int			cpp_at31;
	int			cpp_at31_band[CL_CIN_DURATION_BANDS];
	/* factors at assessments completed in the year (c3): per factor code */
	uint64_t	factors_any;		/* factor codes seen (bit per code) */
	int			assessments_with_factor;	/* assessments completed in the year with a factor */
} cl_cin_year;

extern void cl_cin_year_counts(const cl_cin_event *ev, int n, int year,
							   const cl_date *holidays, int nholidays, cl_cin_year *out);

/* Assessments completed in the year holding factor code i (0-based list index). */
extern int	cl_cin_factor_count(const cl_cin_event *ev, int n, int year, int factor);

#endif
