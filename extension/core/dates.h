/*
 * dates.h: calendar arithmetic on day numbers (plain C).
 *
 * A day number is PostgreSQL's DateADT: days since 2000-01-01, so the glue
 * passes dates through unchanged.  Birthdays and month arithmetic follow
 * metrics.md section 1 (a 29 February birthday falls on 1 March in other
 * years; "+ 6 months" clamps to the month's end, as PostgreSQL's date +
 * interval does).
 */
#ifndef CL_DATES_H
#define CL_DATES_H

#include <stdbool.h>
#include <stdint.h>

typedef int32_t cl_date;

/* Sentinel for "no date" (an open episode's end): later than any real date. */
#define CL_DATE_OPEN INT32_MAX

extern bool cl_is_leap_year(int year);
extern int	cl_days_in_month(int year, int month);
extern bool cl_ymd_valid(int year, int month, int day);
extern cl_date cl_date_from_ymd(int year, int month, int day);
extern void cl_date_to_ymd(cl_date d, int *year, int *month, int *day);

/* The n-th birthday of someone born on dob (29 Feb -> 1 Mar in common years). */
extern cl_date cl_birthday(cl_date dob, int n);
/* The birthdays at ages[0..n) into out[0..n), splitting dob once (as cl_birthday). */
extern void cl_birthdays(cl_date dob, const int *ages, int n, cl_date *out);

/* Completed years of age on date d, as PostgreSQL's age(d, dob). */
extern int	cl_age_on(cl_date dob, cl_date d);

/* d + n months, clamping the day to the target month's length. */
extern cl_date cl_add_months(cl_date d, int months);

/* 31 March ending collection year y, and 1 April starting it. */
extern cl_date cl_year_end(int collection_year);
extern cl_date cl_year_start(int collection_year);

/*
 * The collection year containing d, named by the year it ends (1 April 2023
 * to 31 March 2024 is 2024; metrics.md 1).
 */
extern int	cl_collection_year(cl_date d);

/* The last day data up to d covers: 31 March ending d's collection year. */
extern cl_date cl_data_end(cl_date latest);

/* Format as YYYY-MM-DD into buf (at least 11 bytes). */
extern void cl_date_format(cl_date d, char *buf);

#endif							/* CL_DATES_H */
