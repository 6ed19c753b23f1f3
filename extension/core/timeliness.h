/*
 * timeliness.h: the month arithmetic of DfE's adoption timeliness (Dashboard
 * indicator 47, metrics.md 12) in plain C.
 *
 * DfE publishes the average time between adoption stages as years and
 * months ("01:07" is one year and seven months, 19 months); the Dashboard
 * reads it as whole months (years * 12 + months).  careleaver averages the
 * days between the two dates and converts days to months with the mean
 * month of the Gregorian calendar, 365.25 / 12 days (metrics.md 12).
 */
#ifndef CL_TIMELINESS_H
#define CL_TIMELINESS_H

#include <stdbool.h>
#include <stddef.h>

/* Days in the mean calendar month: 365.25 / 12. */
#define CL_DAYS_PER_MONTH (365.25 / 12.0)

/* Longest "YY:MM" text cl_years_months_format writes, with its NUL. */
#define CL_YEARS_MONTHS_MAX 16

/* Months in days (any finite value; negative stays negative). */
extern double cl_days_to_months(double days);

/*
 * Whole months, halves away from zero (the Dashboard's months); false when
 * months is not finite or beyond int range.
 */
extern bool cl_whole_months(double months, int *whole);

/*
 * DfE's "YY:MM" for a number of months (rounded to whole months first, so
 * 11.6 months is "01:00"), years at least two digits; false for a negative,
 * non-finite or too large value.  buf holds CL_YEARS_MONTHS_MAX bytes.
 */
extern bool cl_years_months_format(double months, char *buf);

/*
 * Reads DfE's "YY:MM" (one or more digits, a colon, one or two digits of
 * months 0 to 11; surrounding blanks allowed) into whole months; false for
 * anything else.
 */
extern bool cl_years_months_parse(const char *s, size_t len, int *months);

#endif							/* CL_TIMELINESS_H */
