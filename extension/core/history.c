/*
 * history.c: the encoded care history, its invariants, defects and text form.
 * See history.h for the layout and doc/history.md for the defect rules.
 */
#include "history.h"
#include "scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(cl_episode) == 16, "cl_episode must be 16 bytes");

cl_date
cl_history_min_date(void)
{
	return cl_date_from_ymd(1, 1, 1);
}

cl_date
cl_history_max_date(void)
{
	return cl_date_from_ymd(9999, 12, 31);
}

bool
cl_history_date_ok(cl_date d)
{
	/* -730119 is 0001-01-01, 2921939 is 9999-12-31 (PostgreSQL day numbers) */
	return d >= -730119 && d <= 2921939;
}

cl_date
cl_eval_date_clamp(cl_date d)
{
	cl_date		last = cl_year_end(CL_LAST_COLLECTION_YEAR);

	return d > last ? last : d;
}

#define CMP(x, y) do { if ((x) != (y)) return (x) < (y) ? -1 : 1; } while (0)

int
cl_episode_cmp(const cl_episode *a, const cl_episode *b)
{
	CMP(a->decom, b->decom);
	CMP(a->dec, b->dec);
	CMP(a->rne, b->rne);
	CMP(a->ls, b->ls);
	CMP(a->place, b->place);
	CMP(a->rec, b->rec);
	CMP(a->cin, b->cin);
	CMP(a->provider, b->provider);
	CMP(a->rpc, b->rpc);
	return 0;
}

int32_t
cl_missing_decom_add(int32_t a, int64_t b)
{
	int64_t		m = (int64_t) a + b;

	return m > CL_HISTORY_MAX_MISSING_DECOM ? CL_HISTORY_MAX_MISSING_DECOM : (int32_t) m;
}

static int
episode_qsort_cmp(const void *a, const void *b)
{
	return cl_episode_cmp((const cl_episode *) a, (const cl_episode *) b);
}

/* Insertion sort for the usual handful of episodes; qsort beyond. */
static void
sort_episodes(cl_episode *ep, int32_t n)
{
	if (n > 16)
	{
		qsort(ep, (size_t) n, sizeof(cl_episode), episode_qsort_cmp);
		return;
	}
	for (int32_t i = 1; i < n; i++)
	{
		cl_episode	x = ep[i];
		int32_t		j = i - 1;

		while (j >= 0 && cl_episode_cmp(&ep[j], &x) > 0)
		{
			ep[j + 1] = ep[j];
			j--;
		}
		ep[j + 1] = x;
	}
}

/*
 * Closes a chain (period) of one class: the episode that sets the chain's end
 * decides its end reason; an X1 there has no continuation; a final reason on
 * any other closed episode of the chain is followed by more care.
 */
static void
close_chain(cl_episode *ep, int32_t first, int32_t last, int32_t end_idx, bool short_break)
{
	for (int32_t j = first; j <= last; j++)
	{
		cl_episode *e = &ep[j];

		if ((e->flags & CL_DEFECT_DEC_BEFORE_DECOM) || ((e->flags & CL_EPISODE_SHORT_BREAK) != 0) != short_break)
			continue;
		if (j == end_idx)
		{
			if (e->dec != CL_DATE_OPEN && e->rec == CL_REC_X1)
				e->flags |= CL_DEFECT_X1_NO_CONTINUATION;
		}
		else if (e->dec != CL_DATE_OPEN && e->rec != 0 && e->rec != CL_REC_X1)
			e->flags |= CL_DEFECT_CONTINUED_AFTER_EXIT;
	}
}

static void
build_class(cl_episode *ep, int32_t n, bool short_break)
{
	bool		have = false;
	int32_t		first = 0,
				last = 0,
				end_idx = 0,
				prev = -1;
	cl_date		chain_end = 0;

	for (int32_t i = 0; i < n; i++)
	{
		cl_episode *e = &ep[i];

		if ((e->flags & CL_DEFECT_DEC_BEFORE_DECOM) || ((e->flags & CL_EPISODE_SHORT_BREAK) != 0) != short_break)
			continue;
		if (prev >= 0)
		{
			cl_episode *p = &ep[prev];

			if (p->dec == CL_DATE_OPEN)
				p->flags |= CL_DEFECT_OPEN_NOT_LAST;
			if (e->decom == p->decom && e->dec == p->dec)
				e->flags |= CL_DEFECT_DUPLICATE;
			else if (e->decom < chain_end)
				e->flags |= CL_DEFECT_OVERLAP;
		}
		if (have && e->decom <= chain_end)
		{
			/* continues the chain; the latest end decides (ties: the later row) */
			if (e->dec >= chain_end)
			{
				chain_end = e->dec;
				end_idx = i;
			}
			last = i;
		}
		else
		{
			if (have)
				close_chain(ep, first, last, end_idx, short_break);
			have = true;
			first = last = end_idx = i;
			chain_end = e->dec;
		}
		prev = i;
	}
	if (have)
		close_chain(ep, first, last, end_idx, short_break);
}

uint8_t
cl_history_build(cl_episode *ep, int32_t n, int32_t missing_decom)
{
	uint8_t		flags = 0;

	sort_episodes(ep, n);
	for (int32_t i = 0; i < n; i++)
	{
		cl_episode *e = &ep[i];

		e->flags = cl_ls_is_short_break(e->ls) ? CL_EPISODE_SHORT_BREAK : 0;
		if (e->dec != CL_DATE_OPEN && e->dec < e->decom)
			e->flags |= CL_DEFECT_DEC_BEFORE_DECOM;
		if ((e->dec == CL_DATE_OPEN) != (e->rec == 0))
			e->flags |= CL_DEFECT_REASON_MISMATCH;
	}
	build_class(ep, n, false);
	build_class(ep, n, true);
	for (int32_t i = 0; i < n; i++)
		flags |= ep[i].flags & CL_DEFECT_EPISODE_MASK;
	if (missing_decom > 0)
		flags |= CL_DEFECT_MISSING_DECOM;
	return flags;
}

size_t
cl_history_payload_size(int32_t n)
{
	return CL_HISTORY_HEADER_SIZE + (size_t) n * sizeof(cl_episode);
}

void
cl_history_write_header(void *buf, int32_t n, int32_t missing_decom, uint8_t flags)
{
	uint8_t    *p = buf;
	uint16_t	reserved = 0;

	p[0] = CL_HISTORY_VERSION;
	p[1] = flags;
	memcpy(p + 2, &reserved, 2);
	memcpy(p + 4, &n, 4);
	memcpy(p + 8, &missing_decom, 4);
}

void
cl_history_write(void *buf, const cl_episode *ep, int32_t n, int32_t missing_decom,
				 uint8_t flags)
{
	uint8_t    *p = buf;
	uint16_t	reserved = 0;

	p[0] = CL_HISTORY_VERSION;
	p[1] = flags;
	memcpy(p + 2, &reserved, 2);
	memcpy(p + 4, &n, 4);
	memcpy(p + 8, &missing_decom, 4);
	if (n > 0)
		memcpy(p + CL_HISTORY_HEADER_SIZE, ep, (size_t) n * sizeof(cl_episode));
}

bool
cl_history_view(const void *payload, size_t len, cl_history *h, char *err, size_t errlen)
{
	const uint8_t *p = payload;
	int32_t		n,
				missing;

	if (len < CL_HISTORY_HEADER_SIZE)
	{
		snprintf(err, errlen, "stored care history is too short (%zu bytes)", len);
		return false;
	}
	if (p[0] != CL_HISTORY_VERSION)
	{
		snprintf(err, errlen, "unknown care history version %d", p[0]);
		return false;
	}
	memcpy(&n, p + 4, 4);
	memcpy(&missing, p + 8, 4);
	if (n < 0 || n > CL_HISTORY_MAX_EPISODES || missing < 0 ||
		len != cl_history_payload_size(n))
	{
		snprintf(err, errlen, "stored care history is corrupt (%d episodes in %zu bytes)", n, len);
		return false;
	}
	h->ep = (const cl_episode *) (p + CL_HISTORY_HEADER_SIZE);
	h->n = n;
	h->missing_decom = missing;
	h->flags = p[1];
	return true;
}

static const cl_code_list episode_lists[7] = {
	CL_LIST_NEW_EPISODE_REASON, CL_LIST_LEGAL_STATUS, CL_LIST_PLACEMENT_TYPE,
	CL_LIST_CEASED_REASON, CL_LIST_NEED_CATEGORY, CL_LIST_PLACEMENT_PROVIDER,
	CL_LIST_PLACEMENT_CHANGE_REASON
};

static void
episode_codes(const cl_episode *e, int codes[7])
{
	codes[0] = e->rne;
	codes[1] = e->ls;
	codes[2] = e->place;
	codes[3] = e->rec;
	codes[4] = e->cin;
	codes[5] = e->provider;
	codes[6] = e->rpc;
}

static void
set_episode_code(cl_episode *e, int k, int code)
{
	switch (k)
	{
		case 0: e->rne = (uint8_t) code; break;
		case 1: e->ls = (uint8_t) code; break;
		case 2: e->place = (uint8_t) code; break;
		case 3: e->rec = (uint8_t) code; break;
		case 4: e->cin = (uint8_t) code; break;
		case 5: e->provider = (uint8_t) code; break;
		default: e->rpc = (uint8_t) code; break;
	}
}

bool
cl_history_validate(const cl_episode *ep, int32_t n, int32_t missing_decom,
					char *err, size_t errlen)
{
	if (n < 0 || n > CL_HISTORY_MAX_EPISODES)
	{
		snprintf(err, errlen, "number of episodes %d is out of range", n);
		return false;
	}
	if (missing_decom < 0)
	{
		snprintf(err, errlen, "count of rows without a start date %d is negative", missing_decom);
		return false;
	}
	for (int32_t i = 0; i < n; i++)
	{
		const cl_episode *e = &ep[i];
		int			codes[7];

		if (!cl_history_date_ok(e->decom))
		{
			snprintf(err, errlen, "episode %d: start date (day %d) is out of range", i + 1, e->decom);
			return false;
		}
		if (e->dec != CL_DATE_OPEN && !cl_history_date_ok(e->dec))
		{
			snprintf(err, errlen, "episode %d: end date (day %d) is out of range", i + 1, e->dec);
			return false;
		}
		episode_codes(e, codes);
		for (int k = 0; k < 7; k++)
			if (codes[k] > cl_code_count(episode_lists[k]))
			{
				snprintf(err, errlen, "episode %d: %d is not a %s code index", i + 1, codes[k],
						 cl_list_field_name(episode_lists[k]));
				return false;
			}
		if (i > 0 && cl_episode_cmp(&ep[i - 1], e) > 0)
		{
			snprintf(err, errlen, "episode %d is out of order (episodes must be sorted by start date, end date and codes)", i + 1);
			return false;
		}
	}
	return true;
}

/* ---------------------------------------------------------------- text */

int32_t
cl_history_text_max_episodes(const char *text, size_t len)
{
	int32_t		n = 1;

	for (size_t i = 0; i < len; i++)
		if (text[i] == ';' && n < INT32_MAX)
			n++;
	return n;
}

/* Reads YYYY-MM-DD at s (exactly 10 characters available checked by caller). */
static bool
parse_date(const char *s, size_t avail, cl_date *out)
{
	int			y,
				m,
				d;

	if (avail < 10)
		return false;
	for (int i = 0; i < 10; i++)
	{
		if (i == 4 || i == 7)
		{
			if (s[i] != '-')
				return false;
		}
		else if (!cl_scan_is_digit(s[i]))
			return false;
	}
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || !cl_ymd_valid(y, m, d))
		return false;
	*out = cl_date_from_ymd(y, m, d);
	return true;
}

bool
cl_history_parse(const char *text, size_t len, cl_episode *ep, int32_t max,
				 int32_t *n_out, int32_t *missing_out, char *err, size_t errlen)
{
	size_t		i = 0;
	int32_t		n = 0;
	int32_t		missing = 0;
	bool		seen_missing = false;
	char		q[48];

	i = cl_scan_skip(text, len, i, CL_SCAN_SPACE);
	if (i >= len || text[i] != '{')
	{
		snprintf(err, errlen, "a care history starts with \"{\"");
		return false;
	}
	i = cl_scan_skip(text, len, i + 1, CL_SCAN_SPACE);
	if (i < len && text[i] == '}')
	{
		i++;
		goto closing;
	}
	for (;;)
	{
		size_t		item_start,
					item_end;

		/* one item: up to ';' or '}' */
		i = cl_scan_skip(text, len, i, CL_SCAN_SPACE);
		item_start = i;
		while (i < len && text[i] != ';' && text[i] != '}')
			i++;
		if (i >= len)
		{
			snprintf(err, errlen, "missing \"}\" at the end");
			return false;
		}
		item_end = i;
		while (item_end > item_start && cl_scan_is_space(text[item_end - 1], CL_SCAN_SPACE))
			item_end--;
		cl_scan_excerpt(text + item_start, item_end - item_start, 40, q, sizeof q);
		if (seen_missing)
		{
			snprintf(err, errlen, "\"missing_decom=N\" must be the last item");
			return false;
		}
		if (item_end - item_start >= 14 && memcmp(text + item_start, "missing_decom=", 14) == 0)
		{
			size_t		k = item_start + 14;
			uint64_t	v = 0;

			if (k == item_end)
			{
				snprintf(err, errlen, "\"%s\" needs a count", q);
				return false;
			}
			if (cl_scan_uint(text, item_end, &k, CL_HISTORY_MAX_MISSING_DECOM, &v) < 0 &&
				k < item_end && cl_scan_is_digit(text[k]))
			{
				snprintf(err, errlen, "\"%s\": the count must be at most %d", q,
						 (int) CL_HISTORY_MAX_MISSING_DECOM);
				return false;
			}
			if (k != item_end)
			{
				snprintf(err, errlen, "\"%s\" is not a valid count of rows without a start date", q);
				return false;
			}
			if (v <= 0)
			{
				snprintf(err, errlen, "\"%s\": the count must be positive", q);
				return false;
			}
			missing = (int32_t) v;
			seen_missing = true;
		}
		else
		{
			cl_episode	e;
			size_t		k = item_start;
			int			ncodes = 0;

			memset(&e, 0, sizeof e);
			if (item_end == item_start)
			{
				snprintf(err, errlen, "empty episode %d", n + 1);
				return false;
			}
			if (n >= max)
			{
				snprintf(err, errlen, "too many episodes");
				return false;
			}
			if (!parse_date(text + k, item_end - k, &e.decom))
			{
				snprintf(err, errlen, "episode %d \"%s\": the start date must be a valid YYYY-MM-DD", n + 1, q);
				return false;
			}
			k += 10;
			if (k >= item_end || text[k] != '/')
			{
				snprintf(err, errlen, "episode %d \"%s\": expected \"/\" after the start date", n + 1, q);
				return false;
			}
			k++;
			if (k < item_end && !cl_scan_is_space(text[k], CL_SCAN_SPACE))
			{
				if (!parse_date(text + k, item_end - k, &e.dec) ||
					(k + 10 < item_end && !cl_scan_is_space(text[k + 10], CL_SCAN_SPACE)))
				{
					snprintf(err, errlen, "episode %d \"%s\": the end date must be a valid YYYY-MM-DD or empty", n + 1, q);
					return false;
				}
				k += 10;
			}
			else
				e.dec = CL_DATE_OPEN;
			for (;;)
			{
				size_t		t0;
				int			code;

				k = cl_scan_skip(text, item_end, k, CL_SCAN_SPACE);
				if (k >= item_end)
					break;
				t0 = k;
				while (k < item_end && !cl_scan_is_space(text[k], CL_SCAN_SPACE))
					k++;
				if (ncodes >= 7)
				{
					snprintf(err, errlen, "episode %d \"%s\": more than 7 codes", n + 1, q);
					return false;
				}
				if (k - t0 == 1 && text[t0] == '-')
					code = 0;
				else
				{
					code = cl_code_parse(episode_lists[ncodes], text + t0, k - t0);
					if (code <= 0 || code > 255)
					{
						char		tok[48];

						cl_scan_excerpt(text + t0, k - t0, 40, tok, sizeof tok);
						snprintf(err, errlen, "episode %d: \"%s\" is not a %s code", n + 1, tok,
								 cl_list_field_name(episode_lists[ncodes]));
						return false;
					}
				}
				set_episode_code(&e, ncodes, code);
				ncodes++;
			}
			if (n > 0 && cl_episode_cmp(&ep[n - 1], &e) > 0)
			{
				snprintf(err, errlen, "episode %d \"%s\" is out of order (episodes are sorted by start date, end date and codes)", n + 1, q);
				return false;
			}
			ep[n++] = e;
		}
		if (text[i] == '}')
		{
			i++;
			break;
		}
		i++;					/* ';' */
	}
closing:
	i = cl_scan_skip(text, len, i, CL_SCAN_SPACE);
	if (i != len)
	{
		snprintf(err, errlen, "unexpected text after \"}\"");
		return false;
	}
	*n_out = n;
	*missing_out = missing;
	return true;
}

size_t
cl_history_text_size(const cl_history *h)
{
	return 40 + (size_t) h->n * 80;
}

size_t
cl_episode_format(const cl_episode *e, char *buf)
{
	size_t		len = 0;
	int			codes[7];
	int			last = -1;

	cl_date_format(e->decom, buf);
	len = 10;
	buf[len++] = '/';
	if (e->dec != CL_DATE_OPEN)
	{
		cl_date_format(e->dec, buf + len);
		len += 10;
	}
	episode_codes(e, codes);
	for (int k = 0; k < 7; k++)
		if (codes[k] != 0)
			last = k;
	for (int k = 0; k <= last; k++)
	{
		const char *t = codes[k] ? cl_code_text(episode_lists[k], codes[k]) : NULL;

		buf[len++] = ' ';
		if (t == NULL)
			t = "-";
		memcpy(buf + len, t, strlen(t));
		len += strlen(t);
	}
	buf[len] = '\0';
	return len;
}

size_t
cl_history_format(const cl_history *h, char *buf)
{
	size_t		len = 0;

	buf[len++] = '{';
	for (int32_t i = 0; i < h->n; i++)
	{
		if (i > 0)
		{
			buf[len++] = ';';
			buf[len++] = ' ';
		}
		len += cl_episode_format(&h->ep[i], buf + len);
	}
	if (h->missing_decom > 0)
		len += (size_t) sprintf(buf + len, "%smissing_decom=%d", h->n > 0 ? "; " : "",
								h->missing_decom);
	buf[len++] = '}';
	buf[len] = '\0';
	return len;
}

const char *
cl_defect_name(uint8_t bit)
{
	switch (bit)
	{
		case CL_DEFECT_DEC_BEFORE_DECOM: return "dec_before_decom";
		case CL_DEFECT_DUPLICATE: return "duplicate";
		case CL_DEFECT_OVERLAP: return "overlap";
		case CL_DEFECT_OPEN_NOT_LAST: return "open_not_last";
		case CL_DEFECT_X1_NO_CONTINUATION: return "x1_no_continuation";
		case CL_DEFECT_CONTINUED_AFTER_EXIT: return "continued_after_exit";
		case CL_DEFECT_REASON_MISMATCH: return "reason_mismatch";
		case CL_DEFECT_MISSING_DECOM: return "missing_decom";
	}
	return NULL;
}

const char *
cl_defect_description(uint8_t bit)
{
	switch (bit)
	{
		case CL_DEFECT_DEC_BEFORE_DECOM:
			return "episode ends (DEC) before it starts (DECOM); every metric ignores it";
		case CL_DEFECT_DUPLICATE:
			return "same DECOM and DEC as the previous episode; its days are counted once";
		case CL_DEFECT_OVERLAP:
			return "starts before an earlier episode ended; overlapping days are counted once";
		case CL_DEFECT_OPEN_NOT_LAST:
			return "open episode (no DEC) followed by a later episode; care is treated as continuous from it";
		case CL_DEFECT_X1_NO_CONTINUATION:
			return "REC X1 but no episode continues on its DEC (rule 388); the period of care ends there with reason unknown";
		case CL_DEFECT_CONTINUED_AFTER_EXIT:
			return "REC is a reason for leaving care but care continues on the same day; the period of care goes on";
		case CL_DEFECT_REASON_MISMATCH:
			return "DEC without REC, or REC without DEC; openness is decided by DEC alone";
		case CL_DEFECT_MISSING_DECOM:
			return "input rows without a start date (DECOM) were left out of the history";
	}
	return NULL;
}
