/*
 * leavers.c: care-leaver cohort and OC3 outcome classes (metrics.md 5).
 */
#include "leavers.h"

#include "periods.h"

int
cl_birthday_age_in_year(cl_date dob, int year, cl_date *birthday)
{
	int			y,
				m,
				d;
	int			age;

	cl_date_to_ymd(dob, &y, &m, &d);
	/* the birthday in calendar year year, or in year-1 when that one is after 31 March */
	age = year - y;
	*birthday = cl_birthday(dob, age);
	if (cl_collection_year(*birthday) != year)
		*birthday = cl_birthday(dob, --age);
	return age;
}

bool
cl_in_leaver_cohort(const cl_history *h, cl_date dob, int year, int age, cl_cohort_check *ex)
{
	cl_cohort_check local;
	cl_cohort_check *x = ex ? ex : &local;

	x->age = age;
	x->birthday = cl_birthday(dob, age);
	x->birthday_in_year = x->birthday >= cl_year_start(year) && x->birthday <= cl_year_end(year);
	x->status = CL_LEAVER_NONE;
	x->looked_after = false;
	x->in_cohort = false;
	if (!x->birthday_in_year)
		return false;
	x->status = cl_leaver_status_at(h, dob, x->birthday, NULL);
	x->looked_after = cl_history_looked_after_on(h, x->birthday);
	x->in_cohort = (x->status == CL_LEAVER_RELEVANT || x->status == CL_LEAVER_FORMER_RELEVANT) &&
		!((age == 17 || age == 18) && x->looked_after);
	return x->in_cohort;
}

int
cl_leaver_cohort_age(const cl_history *h, cl_date dob, int year)
{
	cl_date		b;
	int			age = cl_birthday_age_in_year(dob, year, &b);

	if (age < CL_COHORT_MIN_AGE || age > CL_COHORT_MAX_AGE ||
		!cl_in_leaver_cohort(h, dob, year, age, NULL))
		return -1;
	return age;
}

const char *
cl_contact_name(cl_contact c)
{
	switch (c)
	{
		case CL_CONTACT_NO_INFORMATION: return "no information";
		case CL_CONTACT_IN_TOUCH: return "in touch";
		case CL_CONTACT_NOT_IN_TOUCH: return "not in touch";
		case CL_CONTACT_REFUSED: return "refused contact";
		case CL_CONTACT_NOT_REQUIRED: return "no longer requires services";
		case CL_CONTACT_DIED: return "died";
		case CL_CONTACT_RETURNED_HOME: return "returned home";
		case CL_CONTACT_NOT_RECORDED: return "not recorded";
	}
	return NULL;
}

static void
set_all(cl_leaver_outcome *o, int v)
{
	o->in_touch = o->eet = o->neet = o->activity_not_known = v;
	o->higher_education = o->apprenticeship = v;
	o->suitable = o->unsuitable = o->accommodation_not_known = o->homeless_or_insecure = v;
}

void
cl_leaver_outcome_of(int in_touch, int activ, int accom, cl_leaver_outcome *o)
{
	o->excluded = false;
	o->no_information = false;
	if (in_touch == 0 && activ == 0 && accom == 0)
	{
		o->contact = CL_CONTACT_NO_INFORMATION;
		o->no_information = true;
		set_all(o, 0);
		return;
	}
	switch (in_touch)
	{
		case CL_TOUCH_YES: o->contact = CL_CONTACT_IN_TOUCH; break;
		case CL_TOUCH_NO: o->contact = CL_CONTACT_NOT_IN_TOUCH; break;
		case CL_TOUCH_REFU: o->contact = CL_CONTACT_REFUSED; break;
		case CL_TOUCH_NREQ: o->contact = CL_CONTACT_NOT_REQUIRED; break;
		case CL_TOUCH_DIED: o->contact = CL_CONTACT_DIED; break;
		case CL_TOUCH_RHOM: o->contact = CL_CONTACT_RETURNED_HOME; break;
		default: o->contact = CL_CONTACT_NOT_RECORDED; break;
	}
	if (o->contact == CL_CONTACT_DIED || o->contact == CL_CONTACT_RETURNED_HOME)
	{
		o->excluded = true;
		set_all(o, CL_NA);
		return;
	}
	o->in_touch = o->contact == CL_CONTACT_IN_TOUCH;

	if (activ == 0)
	{
		o->eet = o->neet = o->higher_education = o->apprenticeship = 0;
		o->activity_not_known = 1;
	}
	else
	{
		cl_activity_class c = cl_activ_class(activ);

		o->eet = c == CL_ACTIVITY_EET;
		o->neet = c == CL_ACTIVITY_NEET;
		o->activity_not_known = c == CL_ACTIVITY_NOT_KNOWN;
		o->higher_education = cl_activ_is_higher_education(activ);
		o->apprenticeship = cl_activ_is_apprenticeship(activ);
	}

	if (accom == 0)
	{
		o->suitable = o->unsuitable = o->homeless_or_insecure = 0;
		o->accommodation_not_known = 1;
	}
	else
	{
		int			s = cl_accom_suitable(accom);

		o->suitable = s == 1;
		o->unsuitable = s == 0;
		/* G, H, R (s < 0, out of DfE's suitability measure) are known */
		o->accommodation_not_known = cl_accom_letter(accom) == '\0';
		o->homeless_or_insecure = cl_accom_is_homeless_or_insecure(accom);
	}
}
