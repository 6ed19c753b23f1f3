/*
 * trajectory.c: care leavers' outcomes across ages and the transition
 * matrix (metrics.md section 5, "Trajectories").  See trajectory.h.
 */
#include "trajectory.h"
#include "scan.h"

#include <stdio.h>
#include <string.h>

#include "codes.h"

static const char *const state_names[CL_TRAJ_NSTATES + 1] = {
	NULL, "EET", "NEET", "not known", "excluded", "no record", "conflict"
};

static const cl_code_list obs_lists[3] = {
	CL_LIST_CONTACT_STATUS, CL_LIST_LEAVER_ACTIVITY, CL_LIST_LEAVER_ACCOMMODATION
};

/* Writes a message into err (size errlen) when the caller gave a buffer. */
#define SET_ERR(...) \
	do { if (err != NULL && errlen > 0) snprintf(err, errlen, __VA_ARGS__); } while (0)

const char *
cl_traj_state_name(int state)
{
	if (state < 1 || state > CL_TRAJ_NSTATES)
		return NULL;
	return state_names[state];
}

static char
lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char) (c - 'A' + 'a') : c;
}

static bool
equals_ci(const char *p, size_t n, const char *word)
{
	size_t		w = strlen(word);

	if (n != w)
		return false;
	for (size_t i = 0; i < n; i++)
		if (lower(p[i]) != lower(word[i]))
			return false;
	return true;
}

int
cl_traj_state_parse(const char *text, size_t len)
{
	cl_scan_trim(&text, &len, CL_SCAN_SPACE);
	for (int s = 1; s <= CL_TRAJ_NSTATES; s++)
		if (equals_ci(text, len, state_names[s]))
			return s;
	return 0;
}

void
cl_traj_init(cl_trajectory *t)
{
	memset(t, 0, sizeof(*t));
}

/* The semilattice join of two observations of one age. */
static void
combine(cl_traj_obs *o, const cl_traj_obs *n)
{
	if (!(n->flags & CL_TRAJ_PRESENT))
		return;
	if (!(o->flags & CL_TRAJ_PRESENT))
	{
		*o = *n;
		return;
	}
	if (o->flags & CL_TRAJ_CONFLICT)
		return;
	if ((n->flags & CL_TRAJ_CONFLICT) || o->in_touch != n->in_touch ||
		o->activity != n->activity || o->accommodation != n->accommodation)
	{
		o->flags = CL_TRAJ_PRESENT | CL_TRAJ_CONFLICT;
		o->in_touch = o->activity = o->accommodation = 0;
	}
}

int
cl_traj_add(cl_trajectory *t, int age, int in_touch, int activity,
			int accommodation, char *err, size_t errlen)
{
	int			codes[3] = {in_touch, activity, accommodation};
	cl_traj_obs o;

	if (age < CL_TRAJ_MIN_AGE || age > CL_TRAJ_MAX_AGE)
	{
		SET_ERR("Age %d is outside the trajectory ages %d to %d.",
				age, CL_TRAJ_MIN_AGE, CL_TRAJ_MAX_AGE);
		return CL_TRAJ_ERROR;
	}
	for (int i = 0; i < 3; i++)
		if (codes[i] < 0 || codes[i] > cl_code_count(obs_lists[i]))
		{
			SET_ERR("%s code index %d is out of range (age %d).",
					cl_list_field_name(obs_lists[i]), codes[i], age);
			return CL_TRAJ_ERROR;
		}
	if (in_touch == 0 && activity == 0 && accommodation == 0)
		return CL_TRAJ_IGNORED;
	o.flags = CL_TRAJ_PRESENT;
	o.in_touch = (uint8_t) in_touch;
	o.activity = (uint8_t) activity;
	o.accommodation = (uint8_t) accommodation;
	combine(&t->obs[age - CL_TRAJ_MIN_AGE], &o);
	return CL_TRAJ_ADDED;
}

void
cl_traj_merge(cl_trajectory *into, const cl_trajectory *from)
{
	for (int i = 0; i < CL_TRAJ_NAGES; i++)
		combine(&into->obs[i], &from->obs[i]);
}

bool
cl_traj_valid(const cl_trajectory *t, char *err, size_t errlen)
{
	for (int i = 0; i < CL_TRAJ_NAGES; i++)
	{
		const cl_traj_obs *o = &t->obs[i];
		int			age = CL_TRAJ_MIN_AGE + i;
		bool		no_codes = o->in_touch == 0 && o->activity == 0 && o->accommodation == 0;

		if (o->flags != 0 && o->flags != CL_TRAJ_PRESENT &&
			o->flags != (CL_TRAJ_PRESENT | CL_TRAJ_CONFLICT))
		{
			SET_ERR("Invalid flags %d at age %d.", o->flags, age);
			return false;
		}
		if (o->flags != CL_TRAJ_PRESENT)
		{
			if (!no_codes)
			{
				SET_ERR("Codes are set at age %d, which has %s.", age,
						(o->flags == 0) ? "no observation" : "a conflict");
				return false;
			}
			continue;
		}
		if (no_codes)
		{
			SET_ERR("The observation at age %d has no recorded code.", age);
			return false;
		}
		if (o->in_touch > cl_code_count(CL_LIST_CONTACT_STATUS) ||
			o->activity > cl_code_count(CL_LIST_LEAVER_ACTIVITY) ||
			o->accommodation > cl_code_count(CL_LIST_LEAVER_ACCOMMODATION))
		{
			SET_ERR("A code index at age %d is out of range.", age);
			return false;
		}
	}
	return true;
}

int
cl_traj_count(const cl_trajectory *t)
{
	int			n = 0;

	for (int i = 0; i < CL_TRAJ_NAGES; i++)
		if (t->obs[i].flags & CL_TRAJ_PRESENT)
			n++;
	return n;
}

bool
cl_traj_has_conflict(const cl_trajectory *t)
{
	for (int i = 0; i < CL_TRAJ_NAGES; i++)
		if (t->obs[i].flags & CL_TRAJ_CONFLICT)
			return true;
	return false;
}

static cl_traj_state
obs_state(const cl_traj_obs *o)
{
	if (!(o->flags & CL_TRAJ_PRESENT))
		return CL_TRAJ_NO_RECORD;
	if (o->flags & CL_TRAJ_CONFLICT)
		return CL_TRAJ_CONFLICT_STATE;
	if (o->in_touch == CL_TOUCH_DIED || o->in_touch == CL_TOUCH_RHOM)
		return CL_TRAJ_EXCLUDED;
	if (o->activity == 0)
		return CL_TRAJ_NOT_KNOWN;
	switch (cl_activ_class(o->activity))
	{
		case CL_ACTIVITY_EET:
			return CL_TRAJ_EET;
		case CL_ACTIVITY_NEET:
			return CL_TRAJ_NEET;
		default:
			return CL_TRAJ_NOT_KNOWN;
	}
}

cl_traj_state
cl_traj_state_at(const cl_trajectory *t, int age)
{
	if (age < CL_TRAJ_MIN_AGE || age > CL_TRAJ_MAX_AGE)
		return (cl_traj_state) 0;
	return obs_state(&t->obs[age - CL_TRAJ_MIN_AGE]);
}

/*
 * An observation that counts for the derived measures: present and not
 * excluded.  A conflict counts as an observation whose codes are not known.
 */
static bool
counted(const cl_traj_obs *o)
{
	cl_traj_state s = obs_state(o);

	return s != CL_TRAJ_NO_RECORD && s != CL_TRAJ_EXCLUDED;
}

bool
cl_traj_ever_neet(const cl_trajectory *t)
{
	for (int i = 0; i < CL_TRAJ_NAGES; i++)
		if (obs_state(&t->obs[i]) == CL_TRAJ_NEET)
			return true;
	return false;
}

bool
cl_traj_persistent_neet(const cl_trajectory *t)
{
	int			n = 0;

	for (int i = 0; i < CL_TRAJ_NAGES; i++)
	{
		if (!counted(&t->obs[i]))
			continue;
		if (obs_state(&t->obs[i]) != CL_TRAJ_NEET)
			return false;
		n++;
	}
	return n > 0;
}

bool
cl_traj_ever_unsuitable(const cl_trajectory *t)
{
	for (int i = 0; i < CL_TRAJ_NAGES; i++)
		if (counted(&t->obs[i]) && t->obs[i].accommodation != 0 &&
			cl_accom_suitable(t->obs[i].accommodation) == 0)
			return true;
	return false;
}

bool
cl_traj_ever_homeless_or_insecure(const cl_trajectory *t)
{
	for (int i = 0; i < CL_TRAJ_NAGES; i++)
		if (counted(&t->obs[i]) && t->obs[i].accommodation != 0 &&
			cl_accom_is_homeless_or_insecure(t->obs[i].accommodation))
			return true;
	return false;
}

int
cl_traj_accommodation_changes(const cl_trajectory *t)
{
	char		prev = '\0';
	int			n = 0;

	for (int i = 0; i < CL_TRAJ_NAGES; i++)
	{
		char		letter;

		if (!counted(&t->obs[i]) || t->obs[i].accommodation == 0)
			continue;
		letter = cl_accom_letter(t->obs[i].accommodation);
		if (letter == '\0')
			continue;			/* "0": type not known */
		if (prev != '\0' && letter != prev)
			n++;
		prev = letter;
	}
	return n;
}

int
cl_traj_transitions(const cl_trajectory *t, cl_traj_transition out[CL_TRAJ_NAGES - 1])
{
	int			first = -1,
				last = -1,
				n = 0;

	for (int i = 0; i < CL_TRAJ_NAGES; i++)
		if (t->obs[i].flags & CL_TRAJ_PRESENT)
		{
			if (first < 0)
				first = i;
			last = i;
		}
	for (int i = first; first >= 0 && i < last; i++)
	{
		out[n].from_age = CL_TRAJ_MIN_AGE + i;
		out[n].from_state = obs_state(&t->obs[i]);
		out[n].to_state = obs_state(&t->obs[i + 1]);
		n++;
	}
	return n;
}

/* ------------------------------------------------------------------------
 * Text form of a trajectory.
 */

/* The text being read and where to write a message about it. */
typedef struct reader
{
	cl_scanner	sc;
	char	   *err;
	size_t		errlen;
} reader;

static void
reader_init(reader *r, const char *text, size_t len, char *err, size_t errlen, char *dummy)
{
	cl_scanner_init(&r->sc, text, len, CL_SCAN_SPACE);
	r->err = err;
	r->errlen = errlen;
	if (r->err == NULL || r->errlen == 0)
	{
		r->err = dummy;
		r->errlen = 1;
	}
}

/* An age: 1 to 3 digits; -1 when there are none or more. */
static int
read_age(reader *r)
{
	uint64_t	v;

	return cl_scanner_uint(&r->sc, 3, 999, &v) > 0 ? (int) v : -1;
}

static void
syntax_error(reader *s, const char *what)
{
	char		near[24];

	if (cl_scanner_done(&s->sc))
		snprintf(s->err, s->errlen, "Expected %s at the end of the text.", what);
	else
	{
		cl_scan_excerpt(s->sc.p, (size_t) (s->sc.end - s->sc.p), 16, near, sizeof(near));
		snprintf(s->err, s->errlen, "Expected %s at \"%s\".", what, near);
	}
}

static int
parse_obs(reader *s, int age, cl_traj_obs *o)
{
	static const char *const stops[3] = {"/,}", "/,}", ",}"};

	for (int i = 0; i < 3; i++)
	{
		const char *tok;
		size_t		len;
		int			idx;

		if (i > 0 && !cl_scanner_accept(&s->sc, "/"))
		{
			syntax_error(s, "\"/\"");
			return -1;
		}
		cl_scanner_token(&s->sc, stops[i], NULL, &tok, &len);
		if (i == 0 && equals_ci(tok, len, "conflict"))
		{
			o->flags = CL_TRAJ_PRESENT | CL_TRAJ_CONFLICT;
			o->in_touch = o->activity = o->accommodation = 0;
			return 0;
		}
		if (len == 1 && tok[0] == '-')
			idx = 0;
		else
		{
			idx = cl_code_parse(obs_lists[i], tok, len);
			if (idx == 0)
			{
				char		q[24],
							hint[160];

				cl_scan_excerpt(tok, len, 16, q, sizeof(q));
				cl_code_hint(obs_lists[i], tok, len, hint, sizeof(hint));
				snprintf(s->err, s->errlen,
						 "\"%s\" is not a valid %s code (age %d); valid codes include %s, or \"-\" for not recorded.",
						 q, cl_list_field_name(obs_lists[i]), age, hint);
				return -1;
			}
		}
		if (i == 0)
			o->in_touch = (uint8_t) idx;
		else if (i == 1)
			o->activity = (uint8_t) idx;
		else
			o->accommodation = (uint8_t) idx;
	}
	if (o->in_touch == 0 && o->activity == 0 && o->accommodation == 0)
	{
		snprintf(s->err, s->errlen,
				 "The observation at age %d has no recorded code (\"-/-/-\").", age);
		return -1;
	}
	o->flags = CL_TRAJ_PRESENT;
	return 0;
}

int
cl_traj_parse(const char *text, size_t len, cl_trajectory *out,
			  char *err, size_t errlen)
{
	reader		s;
	char		dummy[1];

	reader_init(&s, text, len, err, errlen, dummy);
	cl_traj_init(out);
	if (!cl_scanner_accept(&s.sc, "{"))
	{
		syntax_error(&s, "\"{\"");
		return -1;
	}
	if (!cl_scanner_accept(&s.sc, "}"))
	{
		for (;;)
		{
			int			age = read_age(&s);
			cl_traj_obs o;

			if (age < 0)
			{
				syntax_error(&s, "an age");
				return -1;
			}
			if (age < CL_TRAJ_MIN_AGE || age > CL_TRAJ_MAX_AGE)
			{
				snprintf(s.err, s.errlen,
						 "Age %d is outside the trajectory ages %d to %d.",
						 age, CL_TRAJ_MIN_AGE, CL_TRAJ_MAX_AGE);
				return -1;
			}
			if (out->obs[age - CL_TRAJ_MIN_AGE].flags != 0)
			{
				snprintf(s.err, s.errlen, "Age %d appears more than once.", age);
				return -1;
			}
			if (!cl_scanner_accept(&s.sc, ":"))
			{
				syntax_error(&s, "\":\"");
				return -1;
			}
			memset(&o, 0, sizeof(o));
			if (parse_obs(&s, age, &o) < 0)
				return -1;
			out->obs[age - CL_TRAJ_MIN_AGE] = o;
			if (cl_scanner_accept(&s.sc, "}"))
				break;
			if (!cl_scanner_accept(&s.sc, ","))
			{
				syntax_error(&s, "\",\" or \"}\"");
				return -1;
			}
		}
	}
	cl_scanner_skip_space(&s.sc);
	if (!cl_scanner_done(&s.sc))
	{
		syntax_error(&s, "the end of the text");
		return -1;
	}
	return 0;
}

static const char *
code_or_dash(cl_code_list list, int idx)
{
	const char *c = idx == 0 ? NULL : cl_code_text(list, idx);

	return c ? c : "-";
}

void
cl_traj_format(const cl_trajectory *t, char buf[CL_TRAJ_TEXT_MAX])
{
	size_t		used = 0;
	bool		first = true;

	buf[used++] = '{';
	for (int i = 0; i < CL_TRAJ_NAGES; i++)
	{
		const cl_traj_obs *o = &t->obs[i];
		int			n;

		if (!(o->flags & CL_TRAJ_PRESENT))
			continue;
		if (o->flags & CL_TRAJ_CONFLICT)
			n = snprintf(buf + used, CL_TRAJ_TEXT_MAX - used, "%s%d:conflict",
						 first ? "" : ", ", CL_TRAJ_MIN_AGE + i);
		else
			n = snprintf(buf + used, CL_TRAJ_TEXT_MAX - used, "%s%d:%s/%s/%s",
						 first ? "" : ", ", CL_TRAJ_MIN_AGE + i,
						 code_or_dash(CL_LIST_CONTACT_STATUS, o->in_touch),
						 code_or_dash(CL_LIST_LEAVER_ACTIVITY, o->activity),
						 code_or_dash(CL_LIST_LEAVER_ACCOMMODATION, o->accommodation));
		if (n < 0 || (size_t) n >= CL_TRAJ_TEXT_MAX - used - 1)
			break;				/* cannot happen: 9 ages fit easily */
		used += (size_t) n;
		first = false;
	}
	buf[used++] = '}';
	buf[used] = '\0';
}

void
cl_traj_encode(const cl_trajectory *t, uint8_t out[CL_TRAJ_ENCODED_SIZE])
{
	out[0] = CL_TRAJ_VERSION;
	for (int i = 0; i < CL_TRAJ_NAGES; i++)
	{
		out[1 + 4 * i] = t->obs[i].flags;
		out[2 + 4 * i] = t->obs[i].in_touch;
		out[3 + 4 * i] = t->obs[i].activity;
		out[4 + 4 * i] = t->obs[i].accommodation;
	}
}

int
cl_traj_decode(const uint8_t *data, size_t len, cl_trajectory *out,
			   char *err, size_t errlen)
{
	cl_traj_init(out);
	if (len < 1)
	{
		SET_ERR("The value is empty.");
		return -1;
	}
	if (data[0] != CL_TRAJ_VERSION)
	{
		SET_ERR("Unknown format version %d (this build reads version %d).",
				data[0], CL_TRAJ_VERSION);
		return -1;
	}
	if (len != CL_TRAJ_ENCODED_SIZE)
	{
		SET_ERR("The value has %zu bytes; version 1 has %d.",
				len, CL_TRAJ_ENCODED_SIZE);
		return -1;
	}
	for (int i = 0; i < CL_TRAJ_NAGES; i++)
	{
		out->obs[i].flags = data[1 + 4 * i];
		out->obs[i].in_touch = data[2 + 4 * i];
		out->obs[i].activity = data[3 + 4 * i];
		out->obs[i].accommodation = data[4 + 4 * i];
	}
	return cl_traj_valid(out, err, errlen) ? 0 : -1;
}

/* ------------------------------------------------------------------------
 * Transition matrix.
 */

void
cl_tm_init(cl_transition_matrix *m)
{
	memset(m, 0, sizeof(*m));
}

int
cl_tm_add_trajectory(cl_transition_matrix *m, const cl_trajectory *t,
					 char *err, size_t errlen)
{
	cl_traj_transition tr[CL_TRAJ_NAGES - 1];
	int			n = cl_traj_transitions(t, tr);

	for (int i = 0; i < n; i++)
		if (m->count[CL_TM_CELL(tr[i].from_age, tr[i].from_state, tr[i].to_state)] == INT64_MAX)
		{
			SET_ERR("A transition count would exceed %lld.", (long long) INT64_MAX);
			return -1;
		}
	for (int i = 0; i < n; i++)
		m->count[CL_TM_CELL(tr[i].from_age, tr[i].from_state, tr[i].to_state)]++;
	return 0;
}

int
cl_tm_merge(cl_transition_matrix *into, const cl_transition_matrix *from,
			char *err, size_t errlen)
{
	for (int c = 0; c < CL_TM_CELLS; c++)
		if (from->count[c] > INT64_MAX - into->count[c])
		{
			SET_ERR("A transition count would exceed %lld.", (long long) INT64_MAX);
			return -1;
		}
	for (int c = 0; c < CL_TM_CELLS; c++)
		into->count[c] += from->count[c];
	return 0;
}

int64_t
cl_tm_from_total(const cl_transition_matrix *m, int from_age, int from_state)
{
	int64_t		total = 0;

	if (from_age < CL_TRAJ_MIN_AGE || from_age >= CL_TRAJ_MAX_AGE ||
		from_state < 1 || from_state > CL_TRAJ_NSTATES)
		return 0;
	for (int to = 1; to <= CL_TRAJ_NSTATES; to++)
	{
		int64_t		c = m->count[CL_TM_CELL(from_age, from_state, to)];

		if (c > INT64_MAX - total)
			return INT64_MAX;	/* saturate: cannot happen with real data */
		total += c;
	}
	return total;
}

static void
cell_parts(int cell, int *from_age, int *from_state, int *to_state)
{
	*to_state = cell % CL_TRAJ_NSTATES + 1;
	cell /= CL_TRAJ_NSTATES;
	*from_state = cell % CL_TRAJ_NSTATES + 1;
	*from_age = cell / CL_TRAJ_NSTATES + CL_TRAJ_MIN_AGE;
}

int
cl_tm_parse(const char *text, size_t len, cl_transition_matrix *out,
			char *err, size_t errlen)
{
	reader		s;
	char		dummy[1];
	bool		seen[CL_TM_CELLS];

	reader_init(&s, text, len, err, errlen, dummy);
	cl_tm_init(out);
	memset(seen, 0, sizeof(seen));
	if (!cl_scanner_accept(&s.sc, "{"))
	{
		syntax_error(&s, "\"{\"");
		return -1;
	}
	if (!cl_scanner_accept(&s.sc, "}"))
	{
		for (;;)
		{
			int			age = read_age(&s),
						states[2],
						cell,
						digits = 0;
			int64_t		v = 0;

			if (age < 0)
			{
				syntax_error(&s, "an age");
				return -1;
			}
			if (age < CL_TRAJ_MIN_AGE || age >= CL_TRAJ_MAX_AGE)
			{
				snprintf(s.err, s.errlen,
						 "Age %d is outside the transition ages %d to %d.",
						 age, CL_TRAJ_MIN_AGE, CL_TRAJ_MAX_AGE - 1);
				return -1;
			}
			if (!cl_scanner_accept(&s.sc, ":"))
			{
				syntax_error(&s, "\":\"");
				return -1;
			}
			for (int k = 0; k < 2; k++)
			{
				const char *tok;
				size_t		n;

				/* a state name runs to "->" (from) or "=" (to) */
				cl_scanner_token(&s.sc, "=,}", k == 0 ? "->" : NULL, &tok, &n);
				states[k] = cl_traj_state_parse(tok, n);
				if (states[k] == 0)
				{
					char		q[24];

					cl_scan_excerpt(tok, n, 16, q, sizeof(q));
					snprintf(s.err, s.errlen,
							 "\"%s\" is not a trajectory state (EET, NEET, not known, excluded, no record, conflict).",
							 q);
					return -1;
				}
				if (k == 0)
				{
					if (!cl_scanner_accept(&s.sc, "->"))
					{
						syntax_error(&s, "\"->\"");
						return -1;
					}
				}
				else if (!cl_scanner_accept(&s.sc, "="))
				{
					syntax_error(&s, "\"=\"");
					return -1;
				}
			}
			{
				uint64_t	u;

				digits = cl_scanner_uint(&s.sc, 0, (uint64_t) INT64_MAX, &u);
				if (digits < 0)
				{
					snprintf(s.err, s.errlen, "A count is larger than %lld.", (long long) INT64_MAX);
					return -1;
				}
				v = (int64_t) u;
			}
			if (digits == 0)
			{
				syntax_error(&s, "a count of young people");
				return -1;
			}
			cell = CL_TM_CELL(age, states[0], states[1]);
			if (seen[cell])
			{
				snprintf(s.err, s.errlen, "The cell %d:%s->%s appears more than once.",
						 age, state_names[states[0]], state_names[states[1]]);
				return -1;
			}
			seen[cell] = true;
			out->count[cell] = v;
			if (cl_scanner_accept(&s.sc, "}"))
				break;
			if (!cl_scanner_accept(&s.sc, ","))
			{
				syntax_error(&s, "\",\" or \"}\"");
				return -1;
			}
		}
	}
	cl_scanner_skip_space(&s.sc);
	if (!cl_scanner_done(&s.sc))
	{
		syntax_error(&s, "the end of the text");
		return -1;
	}
	return 0;
}

/* "NN:<from>-><to>=<count>" with the separator before it. */
static int
format_cell(const cl_transition_matrix *m, int cell, bool first, char *buf, size_t bufsize)
{
	int			age,
				from,
				to;

	cell_parts(cell, &age, &from, &to);
	return snprintf(buf, bufsize, "%s%d:%s->%s=%lld", first ? "" : ", ", age,
					state_names[from], state_names[to], (long long) m->count[cell]);
}

size_t
cl_tm_text_size(const cl_transition_matrix *m)
{
	size_t		size = 3;		/* braces and NUL */
	bool		first = true;
	char		tmp[64];

	for (int c = 0; c < CL_TM_CELLS; c++)
		if (m->count[c] != 0)
		{
			size += (size_t) format_cell(m, c, first, tmp, sizeof(tmp));
			first = false;
		}
	return size;
}

void
cl_tm_format(const cl_transition_matrix *m, char *buf, size_t bufsize)
{
	size_t		used = 0;
	bool		first = true;

	if (bufsize < 3)
	{
		if (bufsize > 0)
			buf[0] = '\0';
		return;
	}
	buf[used++] = '{';
	for (int c = 0; c < CL_TM_CELLS; c++)
	{
		int			n;

		if (m->count[c] == 0)
			continue;
		n = format_cell(m, c, first, buf + used, bufsize - used - 1);
		if (n < 0 || (size_t) n >= bufsize - used - 1)
			break;				/* buffer too small: truncated, still terminated */
		used += (size_t) n;
		first = false;
	}
	buf[used++] = '}';
	buf[used] = '\0';
}

size_t
cl_tm_encoded_size(const cl_transition_matrix *m)
{
	size_t		n = 0;

	for (int c = 0; c < CL_TM_CELLS; c++)
		if (m->count[c] != 0)
			n++;
	return 3 + 10 * n;
}

void
cl_tm_encode(const cl_transition_matrix *m, uint8_t *out)
{
	size_t		n = 0,
				pos = 3;

	out[0] = CL_TM_VERSION;
	for (int c = 0; c < CL_TM_CELLS; c++)
	{
		uint64_t	v = (uint64_t) m->count[c];

		if (v == 0)
			continue;
		out[pos++] = (uint8_t) (c >> 8);
		out[pos++] = (uint8_t) c;
		for (int b = 7; b >= 0; b--)
			out[pos++] = (uint8_t) (v >> (8 * b));
		n++;
	}
	out[1] = (uint8_t) (n >> 8);
	out[2] = (uint8_t) n;
}

int
cl_tm_decode(const uint8_t *data, size_t len, cl_transition_matrix *out,
			 char *err, size_t errlen)
{
	size_t		n;
	int			prev = -1;

	cl_tm_init(out);
	if (len < 1)
	{
		SET_ERR("The value is empty.");
		return -1;
	}
	if (data[0] != CL_TM_VERSION)
	{
		SET_ERR("Unknown format version %d (this build reads version %d).",
				data[0], CL_TM_VERSION);
		return -1;
	}
	if (len < 3)
	{
		SET_ERR("The value is truncated.");
		return -1;
	}
	n = ((size_t) data[1] << 8) | data[2];
	if (n > CL_TM_CELLS || len != 3 + 10 * n)
	{
		SET_ERR("The value has %zu bytes for %zu cells.", len, n);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
	{
		const uint8_t *p = data + 3 + 10 * i;
		int			cell = (p[0] << 8) | p[1];
		uint64_t	v = 0;

		for (int b = 0; b < 8; b++)
			v = (v << 8) | p[2 + b];
		if (cell >= CL_TM_CELLS || cell <= prev)
		{
			SET_ERR("Cell index %d is out of range or out of order.", cell);
			return -1;
		}
		if (v == 0 || v > (uint64_t) INT64_MAX)
		{
			SET_ERR("The count of cell %d is zero or negative.", cell);
			return -1;
		}
		out->count[cell] = (int64_t) v;
		prev = cell;
	}
	return 0;
}
