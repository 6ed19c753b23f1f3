/*
 * synth_cin.c: synthetic CIN records (see synth_cin.h).
 */
#include "synth_cin.h"
#include "cin_codes.h"
#include "dates.h"

#include <string.h>

/* The child's random stream: splitmix64 over a counter. */
typedef struct rng
{
	uint64_t	state;
} rng;

static uint64_t
next(rng *r)
{
	uint64_t	z = (r->state += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double
unit(rng *r)
{
	return (double) (next(r) >> 11) / 9007199254740992.0;
}

/* Uniform integer in [lo, hi]. */
static int
between(rng *r, int lo, int hi)
{
	return lo + (int) (unit(r) * (double) (hi - lo + 1));
}

static uint8_t
code_of(cl_cin_list list, const char *code)
{
	for (int i = 0; i < cl_cin_code_count(list); i++)
		if (strcmp(cl_cin_code_at(list, i), code) == 0)
			return (uint8_t) (i + 1);
	return 0;
}

typedef struct out_buf
{
	cl_synth_cin_event *out;
	int			n;
	int			max;
} out_buf;

static void
emit(out_buf *b, const cl_cin_event *e, cl_date referral)
{
	if (b->n >= b->max)
		return;
	memset(&b->out[b->n], 0, sizeof b->out[b->n]);
	b->out[b->n].ev = *e;
	b->out[b->n].referral = referral;
	b->out[b->n].icpc = CL_DATE_OPEN;
	b->n++;
}

static cl_cin_event
event(uint8_t kind, cl_date start, cl_date end)
{
	cl_cin_event e;

	memset(&e, 0, sizeof e);
	e.kind = kind;
	e.start = start;
	e.end = end;
	e.previous = -1;
	return e;
}

/* The factors of an assessment: one to three, never 21 (no factors). */
static uint64_t
factors(rng *r)
{
	static const char *const common[] = {"3B", "4B", "1B", "2B", "3A", "4A", "6B", "8F", "9A", "12A", "13A", "14A",
	"22A", "2A", "1A", "5B", "10A", "11A", "16A", "24A", "3C", "17A", "18B", "18C", "19B", "19C", "23A"};
	int			k = between(r, 1, 3);
	uint64_t	bits = 0;

	for (int i = 0; i < k; i++)
	{
		uint8_t		c = code_of(CL_CIN_FACTOR, common[between(r, 0, (int) (sizeof common / sizeof common[0]) - 1)]);

		if (c)
			bits |= (uint64_t) 1 << (c - 1);
	}
	return bits;
}

/* The next weekday on or after d (conferences and plans start on working days). */
static cl_date
weekday_on_or_after(cl_date d)
{
	int			w = cl_cin_weekday(d);

	return w >= 5 ? d + (7 - w) : d;
}

/*
 * An assessment open on a 31 March must have run at most 45 working days by
 * then (CIN rule 8670Q): a longer one that would still be open ends on that
 * 31 March instead.
 */
static cl_date
assessment_end(cl_date start, cl_date end)
{
	cl_date		march31 = cl_year_end(cl_collection_year(start));

	if (end > march31 && cl_cin_working_days(start, march31, NULL, 0) > 45)
		return march31;
	return end;
}

/*
 * One CIN episode from its referral date: NFA or assessed, an enquiry and a
 * protection plan sometimes; closed by close (CL_DATE_OPEN: open at the end)
 * with reason (RC8 and RC9, closed after assessment, only for an episode with
 * an assessment and no enquiry: then it closes the day the assessment ends).
 * plans counts the child's protection plans so far; census draws the census's
 * other fields (source, need) from a stream of its own, so the journeys do not
 * change with them.
 */
static void
episode(rng *r, rng *census, out_buf *b, cl_date ref, cl_date close, const char *reason, cl_date data_end,
		int *plans, bool to_care, cl_date care)
{
	cl_cin_event e;
	bool		nfa = !to_care && unit(r) < 0.07;
	int			at_ref = b->n;
	cl_date		a_start,
				a_end;
	bool		assessed = false;
	bool		enquiry = false;

	if (close != CL_DATE_OPEN && close > data_end)
		close = CL_DATE_OPEN;
	if (nfa)
		close = ref <= data_end ? ref : CL_DATE_OPEN;
	e = event('R', ref, close);
	e.nfa = nfa;
	emit(b, &e, ref);
	if (at_ref < b->n)
	{
		b->out[at_ref].source = (uint8_t) between(census, 1, cl_cin_code_count(CL_CIN_REFERRAL_SOURCE));
		b->out[at_ref].need = (uint8_t) (unit(census) < 0.55 ? 2 : between(census, 2, cl_cin_code_count(CL_CIN_PRIMARY_NEED)));
	}
	if (nfa)
	{
		/* no further action: closed the day of the referral, for a reason other than after assessment */
		if (close != CL_DATE_OPEN && at_ref < b->n)
			b->out[at_ref].ev.code1 = code_of(CL_CIN_CLOSURE_REASON, "RC7");
		return;
	}
	a_start = ref + between(r, 0, 5);
	a_end = a_start + (unit(r) < 0.85 ? between(r, 10, 60) : between(r, 65, 120));
	if (unit(r) < (to_care ? 0.6 : 0.25))
	{
		cl_date		s47 = a_start + between(r, 1, 15);
		cl_date		cpp = weekday_on_or_after(s47 + between(r, 10, 30));
		cl_date		march31 = cl_year_end(cl_collection_year(s47));
		cl_date		cpp_end;
		bool		plan;

		/*
		 * an enquiry open on a 31 March has run at most 15 working days by then
		 * (rule 8675Q): a later conference is held on the last weekday before
		 */
		if (cpp > march31 && cl_cin_working_days(s47, march31, NULL, 0) > 15)
			cpp = march31 - (cl_cin_weekday(march31) >= 5 ? cl_cin_weekday(march31) - 4 : 0);
		plan = (to_care ? 0.75 : 0.55) > unit(r) && cpp <= data_end && (close == CL_DATE_OPEN || cpp < close)
			&& (!to_care || cpp < care);

		if (s47 <= data_end && (close == CL_DATE_OPEN || s47 <= close))
		{
			/* the assessment spans its enquiry and conference */
			if (a_end < (plan ? cpp : s47))
				a_end = plan ? cpp : s47;
			e = event('S', s47, CL_DATE_OPEN);
			emit(b, &e, ref);
			if (b->n > 0 && b->out[b->n - 1].ev.kind == 'S')
			{
				b->out[b->n - 1].icpc = plan ? cpp : CL_DATE_OPEN;
				b->out[b->n - 1].icpc_not_required = !plan;
			}
			enquiry = true;
		}
		else
			plan = false;
		if (plan)
		{
			/* a plan before care ends when care begins (or when the episode closes, if that is earlier) */
			cpp_end = to_care ? (close != CL_DATE_OPEN && close < care ? close : care)
				: (close != CL_DATE_OPEN ? close : cpp + between(r, 90, unit(r) < 0.04 ? 900 : 600));
			if (cpp_end != CL_DATE_OPEN && cpp_end > data_end)
				cpp_end = CL_DATE_OPEN;
			e = event('C', cpp, cpp_end);
			e.code1 = (uint8_t) between(r, 1, cl_cin_code_count(CL_CIN_ABUSE_CATEGORY));
			e.code2 = unit(r) < 0.8 ? e.code1 : (uint8_t) between(r, 1, cl_cin_code_count(CL_CIN_ABUSE_CATEGORY));
			/* the plans in the data, and for some children a plan before them (known only from the count) */
			e.previous = (int16_t) (*plans + (unit(r) < 0.17 ? 1 : 0));
			emit(b, &e, ref);
			(*plans)++;
		}
	}
	a_end = assessment_end(a_start, a_end);
	if (close != CL_DATE_OPEN && a_end > close)
		a_end = close;
	if (a_start <= data_end && (close == CL_DATE_OPEN || a_start <= close))
	{
		e = event('A', a_start, a_end <= data_end ? a_end : CL_DATE_OPEN);
		e.factors = factors(r);
		emit(b, &e, ref);
		assessed = a_end <= data_end;
	}
	if (close != CL_DATE_OPEN && at_ref < b->n)
	{
		bool		after_assessment = strcmp(reason, "RC8") == 0 || strcmp(reason, "RC9") == 0;

		if (after_assessment && (!assessed || enquiry))
			reason = "RC7";
		else if (after_assessment)
			b->out[at_ref].ev.end = a_end;	/* closed the day the assessment concluded */
		b->out[at_ref].ev.code1 = code_of(CL_CIN_CLOSURE_REASON, reason);
	}
}

int
cl_synth_cin_child(uint64_t stream, cl_date dob, cl_date first_care, cl_date care_end,
				   cl_date data_end, cl_synth_cin_event *out, int max)
{
	rng			r = {stream};
	rng			census = {stream ^ UINT64_C(0x5DEECE66DA3B0F17)};
	out_buf		b = {out, 0, max};
	cl_date		refs[6];
	int			nrefs = 0;
	int			plans = 0;
	cl_date		last;

	if (first_care == CL_DATE_OPEN || max <= 0)
		return 0;
	if (unit(&r) >= 0.8)
		return 0;				/* came into care without a referral in the data */
	/* the referral before care, and earlier ones going back: within 12 months of the next one or not */
	last = first_care - between(&r, 14, 400);
	if (last < dob)
		last = dob;
	refs[nrefs++] = last;
	while (nrefs < 6 && unit(&r) < (nrefs == 1 ? 0.5 : 0.35))
	{
		cl_date		prev = last - (unit(&r) < 0.6 ? between(&r, 30, 365) : between(&r, 366, 1400));

		if (prev < dob)
			break;
		refs[nrefs++] = prev;
		last = prev;
	}
	/* earliest first: each earlier episode closes before the next referral */
	for (int i = nrefs - 1; i >= 0; i--)
	{
		bool		to_care = i == 0;
		cl_date		close;
		static const char *const reasons[] = {"RC7", "RC8", "RC9", "RC7"};

		if (to_care)
		{
			/* a child in need while in care: closed when care ends or at 18 */
			cl_date		adult = cl_birthday(dob, 18);

			close = care_end < adult ? care_end : adult;
			if (close < refs[i])
				close = CL_DATE_OPEN;
		}
		else
		{
			close = refs[i] + between(&r, 20, 300);
			if (close >= refs[i - 1])
				close = refs[i - 1] - 1;
			if (close < refs[i])
				close = refs[i];
		}
		if (refs[i] > data_end)
			continue;
		episode(&r, &census, &b, refs[i], close, to_care ? "RC7" : reasons[between(&r, 0, 3)], data_end, &plans, to_care,
				first_care);
	}
	if (b.n > 0)
	{
		/* disabilities: none (NONE) for most children, else one to three codes */
		uint16_t	bits = 1;

		if (unit(&census) < 0.18)
		{
			int			k = between(&census, 1, 3);

			bits = 0;
			for (int i = 0; i < k; i++)
				bits |= (uint16_t) (1u << between(&census, 1, cl_cin_code_count(CL_CIN_DISABILITY) - 1));
		}
		b.out[0].disabilities = bits;
	}
	/* some children who left care before 18 are referred again (drawn last: the records above are unchanged) */
	if (care_end != CL_DATE_OPEN && care_end < cl_birthday(dob, 18) && unit(&r) < 0.3)
	{
		cl_date		again = care_end + between(&r, 20, 540);

		if (again <= data_end)
			episode(&r, &census, &b, again, again + between(&r, 20, 300), "RC9", data_end, &plans, false, CL_DATE_OPEN);
	}
	return b.n;
}
