/*
 * outcomes.c: SQL functions of metrics.md 5, 6, 7 and 10 over
 * careleaver.care_history: returns home and re-entry, exits, placement
 * stability, the care-leaver cohort and OC3 outcome classes, and the
 * US-comparable (CFSR) indicators.
 *
 * Glue only: the rules are in core/returns.c, stability.c, leavers.c,
 * cfsr.c and yearfacts.c (the facts of the reporting layer, doc/facts.md), which read the periods and spells computed once by core/facts.c.
 */
#include "compat.h"
#include "srf.h"

#include "access/htup_details.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"

#include "codes.h"
#include "history.h"
#include "periods.h"
#include "facts.h"
#include "returns.h"
#include "stability.h"
#include "leavers.h"
#include "cfsr.h"
#include "yearfacts.h"
#include "cl_history_glue.h"
#include "facts_glue.h"

PG_FUNCTION_INFO_V1(careleaver_returns_home);
PG_FUNCTION_INFO_V1(careleaver_reentered_within);
PG_FUNCTION_INFO_V1(careleaver_exits);
PG_FUNCTION_INFO_V1(careleaver_placements_in_window);
PG_FUNCTION_INFO_V1(careleaver_placement_moves);
PG_FUNCTION_INFO_V1(careleaver_moves_per_1000_days);
PG_FUNCTION_INFO_V1(careleaver_stability);
PG_FUNCTION_INFO_V1(careleaver_stability_short_term);
PG_FUNCTION_INFO_V1(careleaver_stability_two_year);
PG_FUNCTION_INFO_V1(careleaver_stability_long_term);
PG_FUNCTION_INFO_V1(careleaver_in_leaver_cohort);
PG_FUNCTION_INFO_V1(careleaver_leaver_cohort_age);
PG_FUNCTION_INFO_V1(careleaver_collection_year_birthday);
PG_FUNCTION_INFO_V1(careleaver_leaver_outcome);
PG_FUNCTION_INFO_V1(careleaver_cfsr_indicators);
PG_FUNCTION_INFO_V1(careleaver_cfsr_permanency_12m);
PG_FUNCTION_INFO_V1(careleaver_cfsr_reentry_12m);
PG_FUNCTION_INFO_V1(careleaver_cfsr_placement_moves);
PG_FUNCTION_INFO_V1(careleaver_cfsr_days_in_care);
PG_FUNCTION_INFO_V1(careleaver_child_year_facts);
PG_FUNCTION_INFO_V1(careleaver_care_episode_start_on);
PG_FUNCTION_INFO_V1(careleaver_child_period_facts);

/* ---------------------------------------------------------------- arguments */

/* Arrays for the facts of a history, palloc'd in the current context. */
typedef struct FactsBuf
{
	cl_history	h;
	cl_facts	f;
} FactsBuf;

static void
facts_arg(FunctionCallInfo fcinfo, int argno, FactsBuf *fb, bool spells)
{
	int32		room;

	fb->h = cl_pg_history_arg(fcinfo, argno);
	room = fb->h.n > 0 ? fb->h.n : 1;
	cl_facts_init(&fb->f, &fb->h, palloc(sizeof(cl_period) * room),
				  spells ? palloc(sizeof(cl_spell) * room) : NULL,
				  spells ? palloc(sizeof(cl_spell) * room) : NULL);
}

/*
 * A collection year: 3 (its windows reach back two years) to 10000, the
 * collection year of the last day a history can hold (9999-12-31).
 */
static int
year_arg(FunctionCallInfo fcinfo, int argno)
{
	int32		y = PG_GETARG_INT32(argno);

	if (y < 3 || y > CL_LAST_COLLECTION_YEAR)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("collection year %d is out of range", y),
				 errhint("A collection year is named by the year it ends (2024 is 1 April 2023 to 31 March 2024), from 3 to %d.",
						 CL_LAST_COLLECTION_YEAR)));
	return y;
}

/*
 * A follow-up interval: whole months and days, not negative, at most 100
 * years (date + interval adds the months first, then the days).
 */
static cl_span
span_arg(FunctionCallInfo fcinfo, int argno)
{
	Interval   *iv = PG_GETARG_INTERVAL_P(argno);
	cl_span		t;

	if (iv->time != 0 || iv->month < 0 || iv->day < 0 || iv->month > 1200 ||
		iv->day > 36600 || (iv->month == 1200 && iv->day > 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("follow-up interval \"%s\" is not a whole number of months and days from 0 to 100 years",
						DatumGetCString(DirectFunctionCall1(interval_out, IntervalPGetDatum(iv)))),
				 errhint("Use for example '12 months', '6 months' or '90 days'.")));
	t.months = iv->month;
	t.days = iv->day;
	return t;
}

static int
code_arg(FunctionCallInfo fcinfo, int argno, cl_code_list list)
{
	int			v;

	if (PG_ARGISNULL(argno))
		return 0;
	v = PG_GETARG_INT16(argno);
	if (v < 1 || v > cl_code_count(list))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid careleaver.%s value (index %d)", cl_list_type_name(list), v)));
	return v;
}

/* ---------------------------------------------------------------- results */

static void
put_date(Datum *v, bool *n, int col, cl_date d)
{
	if (d == CL_DATE_OPEN)
		n[col] = true;
	else
		v[col] = DateADTGetDatum(d);
}

static void
put_code(Datum *v, bool *n, int col, int code)
{
	if (code == 0)
		n[col] = true;
	else
		v[col] = Int16GetDatum((int16) code);
}

/* A tri-state flag (CL_NA / CL_CFSR_NA = -1 is NULL). */
static void
put_flag(Datum *v, bool *n, int col, int flag)
{
	if (flag < 0)
		n[col] = true;
	else
		v[col] = BoolGetDatum(flag != 0);
}

/* ---------------------------------------------------------------- returns home */

/*
 * returns_home(history, data_end, follow_up, family_exits): return_date,
 * reason, reentry_date, days_to_reentry, censored, period_start,
 * follow_up_days
 */
Datum
careleaver_returns_home(PG_FUNCTION_ARGS)
{
	FactsBuf	fb;
	cl_date		data_end = cl_pg_date_arg(fcinfo, 1, "data end date");
	cl_span		t = span_arg(fcinfo, 2);
	bool		family = PG_GETARG_BOOL(3);
	cl_srf		srf;
	cl_return_home *r;
	int32		n;

	cl_srf_begin(fcinfo, &srf);
	facts_arg(fcinfo, 0, &fb, false);
	r = palloc(sizeof(cl_return_home) * (fb.f.np > 0 ? fb.f.np : 1));
	n = cl_returns_home(&fb.f, data_end, t, family, r);
	for (int32 i = 0; i < n; i++)
	{
		Datum		v[7];
		bool		nl[7] = {false};

		CHECK_FOR_INTERRUPTS();
		v[0] = DateADTGetDatum(r[i].return_date);
		put_code(v, nl, 1, r[i].reason);
		put_date(v, nl, 2, r[i].reentry_date);
		if (r[i].reentry_date == CL_DATE_OPEN)
			nl[3] = true;
		else
			v[3] = Int32GetDatum(r[i].reentry_date - r[i].return_date);
		v[4] = BoolGetDatum(r[i].censored);
		v[5] = DateADTGetDatum(r[i].period_start);
		v[6] = Int32GetDatum((r[i].reentry_date == CL_DATE_OPEN ? data_end + 1 : r[i].reentry_date)
							 - r[i].return_date);
		cl_srf_put(&srf, v, nl);
	}
	return (Datum) 0;
}

Datum
careleaver_reentered_within(PG_FUNCTION_ARGS)
{
	FactsBuf	fb;
	cl_date		exit_date = cl_pg_date_arg(fcinfo, 1, "return date");
	cl_span		t = span_arg(fcinfo, 2);
	cl_date		data_end = cl_pg_date_arg(fcinfo, 3, "data end date");
	cl_reentry	r;

	facts_arg(fcinfo, 0, &fb, false);
	r = cl_reentered_within(&fb.f, exit_date, t, data_end);
	if (r == CL_REENTRY_INCOMPLETE)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(r == CL_REENTRY_YES);
}

/*
 * exits(history, date_of_birth, data_end): period_no, start_date, end_date,
 * duration_days, end_reason, cause, exit_route, censored
 */
Datum
careleaver_exits(PG_FUNCTION_ARGS)
{
	FactsBuf	fb;
	cl_date		dob = cl_pg_birth_date_arg(fcinfo, 1);
	cl_date		data_end = cl_pg_date_arg(fcinfo, 2, "data end date");
	cl_srf		srf;
	cl_exit    *x;
	int32		n;

	cl_srf_begin(fcinfo, &srf);
	facts_arg(fcinfo, 0, &fb, false);
	x = palloc(sizeof(cl_exit) * (fb.f.np > 0 ? fb.f.np : 1));
	n = cl_exits(&fb.f, dob, data_end, x);
	for (int32 i = 0; i < n; i++)
	{
		Datum		v[8];
		bool		nl[8] = {false};

		CHECK_FOR_INTERRUPTS();
		v[0] = Int32GetDatum(x[i].period + 1);
		v[1] = DateADTGetDatum(x[i].start);
		put_date(v, nl, 2, x[i].end);
		v[3] = Int32GetDatum(x[i].duration);
		put_code(v, nl, 4, x[i].reason);
		v[5] = Int32GetDatum((int32) x[i].cause);
		v[6] = CStringGetTextDatum(cl_exit_cause_name(x[i].cause));
		v[7] = BoolGetDatum(x[i].cause == CL_EXIT_CENSORED);
		cl_srf_put(&srf, v, nl);
	}
	return (Datum) 0;
}

/* ---------------------------------------------------------------- stability */

Datum
careleaver_placements_in_window(PG_FUNCTION_ARGS)
{
	FactsBuf	fb;
	cl_date		from = cl_pg_date_arg(fcinfo, 1, "start of the window");
	cl_date		to = cl_pg_date_arg(fcinfo, 2, "end of the window");

	facts_arg(fcinfo, 0, &fb, true);
	PG_RETURN_INT32(cl_placements_in_window(&fb.f, from, to));
}

Datum
careleaver_placement_moves(PG_FUNCTION_ARGS)
{
	FactsBuf	fb;
	cl_date		from = cl_pg_date_arg(fcinfo, 1, "start of the window");
	cl_date		to = cl_pg_date_arg(fcinfo, 2, "end of the window");

	facts_arg(fcinfo, 0, &fb, true);
	PG_RETURN_INT32(cl_placement_moves(&fb.f, from, to));
}

Datum
careleaver_moves_per_1000_days(PG_FUNCTION_ARGS)
{
	FactsBuf	fb;
	cl_date		from = cl_pg_date_arg(fcinfo, 1, "start of the window");
	cl_date		to = cl_pg_date_arg(fcinfo, 2, "end of the window");
	int64		days;

	facts_arg(fcinfo, 0, &fb, true);
	days = cl_history_days(&fb.h, from, to);
	if (days <= 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(1000.0 * cl_placement_moves(&fb.f, from, to) / (double) days);
}

static void
stability_args(FunctionCallInfo fcinfo, bool with_dob, cl_stability *s)
{
	FactsBuf	fb;
	cl_date		dob = 0;
	int			year;

	if (with_dob)
		dob = cl_pg_birth_date_arg(fcinfo, 1);
	year = year_arg(fcinfo, with_dob ? 2 : 1);
	facts_arg(fcinfo, 0, &fb, true);
	cl_stability_measures(&fb.f, with_dob, dob, year, s);
}

/*
 * stability(history, date_of_birth, year): looked_after_on_31_march,
 * placements_in_year, three_or_more_placements, in_two_year_measure,
 * placements_in_two_years, two_year_three_or_more, in_long_term_measure,
 * carer_since, long_term_stable
 */
Datum
careleaver_stability(PG_FUNCTION_ARGS)
{
	cl_stability s;
	TupleDesc	desc = cl_row_type(fcinfo);
	Datum		v[9];
	bool		nl[9] = {false};

	stability_args(fcinfo, true, &s);
	v[0] = BoolGetDatum(s.looked_after);
	if (!s.looked_after)
	{
		for (int i = 1; i < 9; i++)
			nl[i] = true;
		PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, v, nl)));
	}
	v[1] = Int32GetDatum(s.placements_year);
	v[2] = BoolGetDatum(s.short_term);
	v[3] = BoolGetDatum(s.two_year_cohort);
	v[4] = Int32GetDatum(s.placements_two_years);
	nl[4] = !s.two_year_cohort;
	v[5] = BoolGetDatum(s.two_year);
	nl[5] = !s.two_year_cohort;
	v[6] = BoolGetDatum(s.long_term_cohort);
	v[7] = DateADTGetDatum(s.carer_since);
	v[8] = BoolGetDatum(s.long_term);
	nl[8] = !s.long_term_cohort;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, v, nl)));
}

Datum
careleaver_stability_short_term(PG_FUNCTION_ARGS)
{
	cl_stability s;

	stability_args(fcinfo, false, &s);
	if (!s.looked_after)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(s.short_term);
}

Datum
careleaver_stability_two_year(PG_FUNCTION_ARGS)
{
	cl_stability s;

	stability_args(fcinfo, false, &s);
	if (!s.two_year_cohort)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(s.two_year);
}

Datum
careleaver_stability_long_term(PG_FUNCTION_ARGS)
{
	cl_stability s;

	stability_args(fcinfo, true, &s);
	if (!s.long_term_cohort)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(s.long_term);
}

/* ---------------------------------------------------------------- cohort and outcomes */

Datum
careleaver_in_leaver_cohort(PG_FUNCTION_ARGS)
{
	cl_history	h = cl_pg_history_arg(fcinfo, 0);
	cl_date		dob = cl_pg_birth_date_arg(fcinfo, 1);
	int			year = year_arg(fcinfo, 2);
	int32		age = PG_GETARG_INT32(3);

	if (age < CL_COHORT_MIN_AGE || age > CL_COHORT_MAX_AGE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("care-leaver cohort age %d is out of range", age),
				 errhint("Cohorts are at ages %d to %d.", CL_COHORT_MIN_AGE, CL_COHORT_MAX_AGE)));
	PG_RETURN_BOOL(cl_in_leaver_cohort(&h, dob, year, age, NULL));
}

Datum
careleaver_leaver_cohort_age(PG_FUNCTION_ARGS)
{
	cl_history	h = cl_pg_history_arg(fcinfo, 0);
	cl_date		dob = cl_pg_birth_date_arg(fcinfo, 1);
	int			year = year_arg(fcinfo, 2);
	int			age = cl_leaver_cohort_age(&h, dob, year);

	if (age < 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(age);
}

/* collection_year_birthday(dob, year): age, birthday */
Datum
careleaver_collection_year_birthday(PG_FUNCTION_ARGS)
{
	cl_date		dob = cl_pg_birth_date_arg(fcinfo, 0);
	int			year = year_arg(fcinfo, 1);
	TupleDesc	desc = cl_row_type(fcinfo);
	cl_date		b;
	Datum		v[2];
	bool		nl[2] = {false};

	int			age = cl_birthday_age_in_year(dob, year, &b);

	if (age < 0)
		nl[0] = nl[1] = true;	/* born after the year */
	v[0] = Int32GetDatum(age);
	v[1] = DateADTGetDatum(b);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, v, nl)));
}

/*
 * leaver_outcome(in_touch, activ, accom): contact, excluded, no_information,
 * in_touch, eet, neet, activity_not_known, higher_education, apprenticeship,
 * suitable_accommodation, unsuitable_accommodation, accommodation_not_known,
 * homeless_or_insecure.  Not strict: NULL codes are "no code".
 */
Datum
careleaver_leaver_outcome(PG_FUNCTION_ARGS)
{
	cl_leaver_outcome o;
	TupleDesc	desc = cl_row_type(fcinfo);
	Datum		v[13];
	bool		nl[13] = {false};

	cl_leaver_outcome_of(code_arg(fcinfo, 0, CL_LIST_CONTACT_STATUS),
						 code_arg(fcinfo, 1, CL_LIST_LEAVER_ACTIVITY),
						 code_arg(fcinfo, 2, CL_LIST_LEAVER_ACCOMMODATION), &o);
	v[0] = CStringGetTextDatum(cl_contact_name(o.contact));
	v[1] = BoolGetDatum(o.excluded);
	v[2] = BoolGetDatum(o.no_information);
	put_flag(v, nl, 3, o.in_touch);
	put_flag(v, nl, 4, o.eet);
	put_flag(v, nl, 5, o.neet);
	put_flag(v, nl, 6, o.activity_not_known);
	put_flag(v, nl, 7, o.higher_education);
	put_flag(v, nl, 8, o.apprenticeship);
	put_flag(v, nl, 9, o.suitable);
	put_flag(v, nl, 10, o.unsuitable);
	put_flag(v, nl, 11, o.accommodation_not_known);
	put_flag(v, nl, 12, o.homeless_or_insecure);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, v, nl)));
}

/* ---------------------------------------------------------------- CFSR */

static void
cfsr_args(FunctionCallInfo fcinfo, cl_cfsr *c)
{
	FactsBuf	fb;
	cl_date		dob = cl_pg_birth_date_arg(fcinfo, 1);
	int			year = year_arg(fcinfo, 2);
	cl_date		data_end = cl_pg_date_arg(fcinfo, 3, "data end date");

	facts_arg(fcinfo, 0, &fb, true);
	cl_cfsr_indicators(&fb.f, dob, year, data_end, c);
}

/*
 * cfsr_indicators(history, dob, year, data_end): entrant, entry_date,
 * exit_date, exit_reason, permanency_12m, in_reentry_cohort, reentry_12m,
 * reentry_date, placement_moves, days_in_care
 */
Datum
careleaver_cfsr_indicators(PG_FUNCTION_ARGS)
{
	cl_cfsr		c;
	TupleDesc	desc = cl_row_type(fcinfo);
	Datum		v[10];
	bool		nl[10] = {false};

	cfsr_args(fcinfo, &c);
	v[0] = BoolGetDatum(c.entrant);
	if (!c.entrant)
	{
		for (int i = 1; i < 10; i++)
			nl[i] = true;
		PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, v, nl)));
	}
	v[1] = DateADTGetDatum(c.entry);
	put_date(v, nl, 2, c.exit);
	put_code(v, nl, 3, c.exit_reason);
	put_flag(v, nl, 4, c.permanency_12m);
	v[5] = BoolGetDatum(c.reentry_cohort);
	put_flag(v, nl, 6, c.reentry_12m);
	put_date(v, nl, 7, c.reentry_date);
	v[8] = Int32GetDatum(c.moves);
	v[9] = Int32GetDatum((int32) c.days);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, v, nl)));
}

Datum
careleaver_cfsr_permanency_12m(PG_FUNCTION_ARGS)
{
	cl_cfsr		c;

	cfsr_args(fcinfo, &c);
	if (c.permanency_12m < 0)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(c.permanency_12m != 0);
}

Datum
careleaver_cfsr_reentry_12m(PG_FUNCTION_ARGS)
{
	cl_cfsr		c;

	cfsr_args(fcinfo, &c);
	if (c.reentry_12m < 0)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(c.reentry_12m != 0);
}

Datum
careleaver_cfsr_placement_moves(PG_FUNCTION_ARGS)
{
	cl_cfsr		c;

	cfsr_args(fcinfo, &c);
	if (!c.entrant)
		PG_RETURN_NULL();
	PG_RETURN_INT32(c.moves);
}

Datum
careleaver_cfsr_days_in_care(PG_FUNCTION_ARGS)
{
	cl_cfsr		c;

	cfsr_args(fcinfo, &c);
	if (!c.entrant)
		PG_RETURN_NULL();
	PG_RETURN_INT32((int32) c.days);
}

/* ---------------------------------------------------------------- facts of a year (doc/facts.md) */


/* A figure that is NULL when the child is not in its denominator. */
static void
put_bool_if(Datum *v, bool *n, int col, bool in, bool value)
{
	if (in)
		v[col] = BoolGetDatum(value);
	else
		n[col] = true;
}

static void
put_year_facts(Datum *v, bool *n, const cl_year_facts *y, bool has_dob)
{
	const cl_stability *s = &y->stab;

	v[0] = Int32GetDatum(y->year);
	v[1] = BoolGetDatum(y->looked_after);
	put_code(v, n, 2, y->ls);
	put_code(v, n, 3, y->place);
	if (has_dob)
		v[4] = Int32GetDatum(y->age);
	else
		n[4] = true;
	v[5] = Int32GetDatum((int32) y->days);
	v[6] = Int32GetDatum(y->started);
	v[7] = Int32GetDatum(y->ceased);
	v[8] = Int32GetDatum(y->ceased_home);
	v[9] = Int32GetDatum(y->ceased_adopted);
	v[10] = Int32GetDatum(y->ceased_sgo);
	/* the stability columns as careleaver.stability gives them (metrics.md 7) */
	if (s->looked_after)
		v[11] = Int32GetDatum(s->placements_year);
	else
		n[11] = true;
	put_bool_if(v, n, 12, s->looked_after, s->short_term);
	put_bool_if(v, n, 13, s->looked_after, s->two_year_cohort);
	put_bool_if(v, n, 14, s->two_year_cohort, s->two_year);
	put_bool_if(v, n, 15, s->looked_after && has_dob, s->long_term_cohort);
	put_bool_if(v, n, 16, s->long_term_cohort, s->long_term);
	if (y->cohort_age >= 0)
		v[17] = Int32GetDatum(y->cohort_age);
	else
		n[17] = true;
	v[18] = Int32GetDatum(y->returned_home);
	v[19] = Int32GetDatum(y->reentered);
	v[20] = Int32GetDatum(y->follow_up_incomplete);
}

static void
not_null_arg(FunctionCallInfo fcinfo, int argno, const char *what, const char *hint)
{
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s must not be NULL", what),
				 errhint("%s", hint)));
}

int64
cl_pg_year_facts_rows(const cl_history *h, bool has_dob, cl_date dob, int first, int last,
					  cl_date data_end, void (*emit) (Datum *values, bool *nulls, void *arg), void *arg)
{
	cl_facts	f;
	int32		room = h->n > 0 ? h->n : 1;
	cl_return_home *rh;
	int32		nrh;
	cl_span		twelve = {CL_REENTRY_MONTHS, 0};
	int64		rows = 0;

	cl_facts_init(&f, h, palloc(sizeof(cl_period) * room), palloc(sizeof(cl_spell) * room),
				  palloc(sizeof(cl_spell) * room));
	rh = palloc(sizeof(cl_return_home) * (f.np > 0 ? f.np : 1));
	nrh = cl_returns_home(&f, data_end, twelve, false, rh);
	for (int year = first; year <= last; year++)
	{
		cl_year_facts y;
		Datum		v[CL_YEAR_FACTS_COLUMNS];
		bool		nl[CL_YEAR_FACTS_COLUMNS] = {false};

		CHECK_FOR_INTERRUPTS();
		if (!cl_year_facts_of(&f, has_dob, dob, year, data_end, rh, nrh, &y))
			continue;
		put_year_facts(v, nl, &y, has_dob);
		emit(v, nl, arg);
		rows++;
	}
	return rows;
}

static void
year_row_to_srf(Datum *values, bool *nulls, void *arg)
{
	cl_srf_put((cl_srf *) arg, values, nulls);
}

/*
 * child_year_facts(history, date_of_birth, first_year, last_year, data_end):
 * one row per collection year of [first_year, last_year] in which the child
 * has a fact.  Not strict: a NULL date of birth leaves out what needs one, a
 * NULL history has no rows.
 */
Datum
careleaver_child_year_facts(PG_FUNCTION_ARGS)
{
	int			first;
	int			last;
	bool		has_dob = !PG_ARGISNULL(1);
	cl_date		dob = has_dob ? cl_pg_date_arg(fcinfo, 1, "date of birth") : 0;
	cl_date		data_end;
	cl_srf		srf;
	cl_history	h;

	not_null_arg(fcinfo, 2, "first collection year", "Pass the first collection year of the window.");
	not_null_arg(fcinfo, 3, "last collection year", "Pass the last collection year of the window.");
	not_null_arg(fcinfo, 4, "data end date", "Pass the last day the data covers, careleaver.data_end(latest date).");
	first = year_arg(fcinfo, 2);
	last = year_arg(fcinfo, 3);
	data_end = cl_pg_date_arg(fcinfo, 4, "data end date");
	if (last < first || last - first >= CL_YEAR_FACTS_MAX_YEARS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("collection years %d to %d are not a window of 1 to %d years",
						first, last, CL_YEAR_FACTS_MAX_YEARS),
				 errhint("Pass first_year <= last_year, at most %d years apart.",
						 CL_YEAR_FACTS_MAX_YEARS - 1)));
	cl_srf_begin(fcinfo, &srf);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	h = cl_pg_history_arg(fcinfo, 0);
	cl_pg_year_facts_rows(&h, has_dob, dob, first, last, data_end, year_row_to_srf, &srf);
	return (Datum) 0;
}

int64
cl_pg_period_facts_rows(const cl_history *h, bool has_dob, cl_date dob, int first, int last,
						cl_date data_end, void (*emit) (Datum *values, bool *nulls, void *arg), void *arg)
{
	cl_facts	f;
	int32		room = h->n > 0 ? h->n : 1;
	cl_period_facts *pf;
	int32		n;

	cl_facts_init(&f, h, palloc(sizeof(cl_period) * room), NULL, NULL);
	pf = palloc(sizeof(cl_period_facts) * room);
	n = cl_period_facts_of(&f, has_dob, dob, first, last, data_end, palloc(sizeof(cl_exit) * room), pf);
	for (int32 i = 0; i < n; i++)
	{
		const cl_period_facts *p = &pf[i];
		Datum		v[CL_PERIOD_FACTS_COLUMNS];
		bool		nl[CL_PERIOD_FACTS_COLUMNS] = {false};

		CHECK_FOR_INTERRUPTS();
		v[0] = Int32GetDatum(p->period + 1);
		v[1] = DateADTGetDatum(p->start);
		put_date(v, nl, 2, p->end);
		put_code(v, nl, 3, p->end_reason);
		v[4] = Int32GetDatum(p->start_year);
		if (p->end_year != 0)
			v[5] = Int32GetDatum(p->end_year);
		else
			nl[5] = true;
		v[6] = BoolGetDatum(p->first_start_in_year);
		v[7] = BoolGetDatum(p->last_end_in_year);
		put_code(v, nl, 8, p->start_ls);
		put_code(v, nl, 9, p->start_cin);
		if (p->has_exit)
		{
			v[10] = Int32GetDatum(p->exit_duration);
			v[11] = Int32GetDatum((int32) p->exit_cause);
		}
		else
			nl[10] = nl[11] = true;
		emit(v, nl, arg);
	}
	return n;
}

/*
 * child_period_facts(history, date_of_birth, first_year, last_year,
 * data_end): one row per period of care starting or ending in the window.
 * Not strict: a NULL date of birth leaves the exit out, a NULL history has
 * no rows.
 */
Datum
careleaver_child_period_facts(PG_FUNCTION_ARGS)
{
	int			first;
	int			last;
	bool		has_dob = !PG_ARGISNULL(1);
	cl_date		dob = has_dob ? cl_pg_date_arg(fcinfo, 1, "date of birth") : 0;
	cl_date		data_end;
	cl_srf		srf;
	cl_history	h;

	not_null_arg(fcinfo, 2, "first collection year", "Pass the first collection year of the window.");
	not_null_arg(fcinfo, 3, "last collection year", "Pass the last collection year of the window.");
	not_null_arg(fcinfo, 4, "data end date", "Pass the last day the data covers, careleaver.data_end(latest date).");
	first = year_arg(fcinfo, 2);
	last = year_arg(fcinfo, 3);
	data_end = cl_pg_date_arg(fcinfo, 4, "data end date");
	if (last < first || last - first >= CL_YEAR_FACTS_MAX_YEARS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("collection years %d to %d are not a window of 1 to %d years",
						first, last, CL_YEAR_FACTS_MAX_YEARS),
				 errhint("Pass first_year <= last_year, at most %d years apart.",
						 CL_YEAR_FACTS_MAX_YEARS - 1)));
	cl_srf_begin(fcinfo, &srf);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	h = cl_pg_history_arg(fcinfo, 0);
	cl_pg_period_facts_rows(&h, has_dob, dob, first, last, data_end, year_row_to_srf, &srf);
	return (Datum) 0;
}

/*
 * care_episode_start_on(history, day): DECOM of the latest care episode open
 * on day (the one whose LS and PLACE child_year_facts gives on 31 March);
 * NULL when none.
 */
Datum
careleaver_care_episode_start_on(PG_FUNCTION_ARGS)
{
	cl_history	h = cl_pg_history_arg(fcinfo, 0);
	cl_date		d = cl_pg_date_arg(fcinfo, 1, "day");
	int32		e = cl_care_episode_on(&h, d);

	if (e < 0)
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(h.ep[e].decom);
}
