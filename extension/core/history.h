/*
 * history.h: one child's care history (plain C, no PostgreSQL headers).
 *
 * A history is the child's episodes (SSDA903 rows), sorted, with the data
 * defects found in them recorded rather than dropped.  It is the value of the
 * SQL type careleaver.care_history and the input of every longitudinal metric
 * (periods.h, status.h).
 *
 * Stored payload (after PostgreSQL's varlena header), version 1, all integers
 * in the machine's byte order (like every PostgreSQL on-disk datum):
 *
 *   offset 0  uint8   version (CL_HISTORY_VERSION)
 *   offset 1  uint8   flags: OR of every episode's defect bits, plus
 *                     CL_DEFECT_MISSING_DECOM when missing_decom > 0
 *   offset 2  uint16  reserved, 0
 *   offset 4  int32   number of episodes n
 *   offset 8  int32   missing_decom: input rows dropped because their start
 *                     date (DECOM) was NULL (they cannot be placed in time)
 *   offset 12 cl_episode[n], 16 bytes each
 *
 * The stored format is never changed in place: a new layout gets a new
 * version byte and cl_history_view reads every older one.
 */
#ifndef CL_HISTORY_H
#define CL_HISTORY_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "codes.h"
#include "dates.h"
#include "state_limits.h"

#define CL_HISTORY_VERSION 1
#define CL_HISTORY_HEADER_SIZE 12

/*
 * The largest number of episodes in one history is CL_HISTORY_MAX_EPISODES
 * and the count of rows without DECOM saturates at
 * CL_HISTORY_MAX_MISSING_DECOM (state_limits.h).
 */

/*
 * Defect bits (per episode, and OR-ed in the header).  Derived from the
 * episodes by cl_history_build, never taken from input, so a history read
 * back from text or binary carries exactly the defects its episodes imply.
 */
#define CL_DEFECT_DEC_BEFORE_DECOM	0x01	/* ignored by every metric */
#define CL_DEFECT_DUPLICATE			0x02	/* same DECOM and DEC as the previous one */
#define CL_DEFECT_OVERLAP			0x04	/* starts before an earlier one ended */
#define CL_DEFECT_OPEN_NOT_LAST		0x08	/* open, but a later episode starts */
#define CL_DEFECT_X1_NO_CONTINUATION 0x10	/* REC X1 ends its period (rule 388) */
#define CL_DEFECT_CONTINUED_AFTER_EXIT 0x20	/* REC not X1, period goes on */
#define CL_DEFECT_REASON_MISMATCH	0x40	/* DEC without REC, or REC without DEC */
#define CL_DEFECT_MISSING_DECOM		0x80	/* header only: rows without DECOM */
#define CL_DEFECT_EPISODE_MASK		0x7F	/* the defect bits of an episode */

/* Episode only (not a defect): LS is a short break (V3, V4), set by cl_history_build. */
#define CL_EPISODE_SHORT_BREAK		0x80

/*
 * One episode, 16 bytes.  Codes are the stable indexes of codes.h (0 = no
 * code).  dec is CL_DATE_OPEN when the episode is open.
 */
typedef struct cl_episode
{
	int32_t		decom;
	int32_t		dec;
	uint8_t		rne;			/* CL_LIST_NEW_EPISODE_REASON */
	uint8_t		ls;				/* CL_LIST_LEGAL_STATUS */
	uint8_t		place;			/* CL_LIST_PLACEMENT_TYPE */
	uint8_t		rec;			/* CL_LIST_CEASED_REASON */
	uint8_t		cin;			/* CL_LIST_NEED_CATEGORY */
	uint8_t		provider;		/* CL_LIST_PLACEMENT_PROVIDER */
	uint8_t		rpc;			/* CL_LIST_PLACEMENT_CHANGE_REASON */
	uint8_t		flags;			/* CL_DEFECT_* bits and CL_EPISODE_SHORT_BREAK */
} cl_episode;

/* A read-only view of a history (points into the stored payload). */
typedef struct cl_history
{
	const cl_episode *ep;
	int32_t		n;
	int32_t		missing_decom;
	uint8_t		flags;
} cl_history;

/* Dates a history accepts: years 1 to 9999 (YYYY-MM-DD text). */
extern cl_date cl_history_min_date(void);
extern cl_date cl_history_max_date(void);
extern bool cl_history_date_ok(cl_date d);

/*
 * The last collection year a history reaches: the one holding 9999-12-31
 * (1 April 9999 to 31 March 10000).  Metrics accept collection years up to
 * it, and evaluation dates (status date, window bounds, data end) up to
 * its 31 March; a later evaluation date is read as that day, which
 * no episode reaches, so every figure is defined (doc/history.md, "Limits").
 */
#define CL_LAST_COLLECTION_YEAR 10000
extern cl_date cl_eval_date_clamp(cl_date d);

/* Total order of episodes: decom, dec, then every code. */
extern int	cl_episode_cmp(const cl_episode *a, const cl_episode *b);

/* a + b rows without DECOM, saturating at CL_HISTORY_MAX_MISSING_DECOM (both >= 0). */
extern int32_t cl_missing_decom_add(int32_t a, int64_t b);

/*
 * Sorts the episodes (in place) and sets every episode's flags (defect bits
 * and CL_EPISODE_SHORT_BREAK).  Returns the header flags.  The rules are those of doc/history.md:
 * short-break episodes (LS V3/V4) and care episodes are chained separately,
 * as metrics.md 2 leaves short breaks out of periods of care.
 */
extern uint8_t cl_history_build(cl_episode *ep, int32_t n, int32_t missing_decom);

/* Payload size of a history of n episodes. */
extern size_t cl_history_payload_size(int32_t n);

/*
 * Writes the payload of an already built history (cl_history_build) to buf,
 * which has cl_history_payload_size(n) bytes.
 */
extern void cl_history_write(void *buf, const cl_episode *ep, int32_t n,
							 int32_t missing_decom, uint8_t flags);

/* Writes only the header (the episodes are already in place after it). */
extern void cl_history_write_header(void *buf, int32_t n, int32_t missing_decom, uint8_t flags);

/*
 * A view over a stored payload of len bytes, checking only the version and
 * the size (cheap: for every function call on a stored value).  The payload
 * must be 4-byte aligned.  Returns false and writes a message to err when the
 * payload is not a history.
 */
extern bool cl_history_view(const void *payload, size_t len, cl_history *h,
							char *err, size_t errlen);

/*
 * Full validation of episodes received from outside (binary input): dates in
 * range, codes valid indexes, episodes in order (cl_episode_cmp).  Defect bits
 * are not checked (the caller rebuilds them).  Returns false with a message.
 */
extern bool cl_history_validate(const cl_episode *ep, int32_t n, int32_t missing_decom,
								char *err, size_t errlen);

/*
 * Text form, e.g.
 *   {2019-04-01/2019-06-03 S C2 U4 X1 N1 PR1; 2019-06-03/ L C2 U4}
 *   {2019-04-01/2019-06-03 S C2 U4 E4A; missing_decom=2}
 *   {}
 * Each episode is "DECOM/DEC" (DEC empty when open) then up to seven codes in
 * the order RNE LS PLACE REC CIN PLACE_PROVIDER REASON_PLACE_CHANGE, "-" for
 * an absent code; trailing absent codes are omitted on output.  Episodes are
 * separated by ";", in the order of cl_episode_cmp.  An optional last item
 * "missing_decom=N" (0 < N <= CL_HISTORY_MAX_MISSING_DECOM) counts input
 * rows without a start date.  White
 * space around items is ignored; codes are read case-insensitively.
 */

/* An upper bound of the number of episodes in text (for the caller's array). */
extern int32_t cl_history_text_max_episodes(const char *text, size_t len);

/*
 * Parses text into ep (room for max episodes: more is "too many episodes";
 * the caller enforces CL_HISTORY_MAX_EPISODES), sorted order required.  On
 * success returns true with *n and *missing_decom set (defect bits are not
 * set: call cl_history_build).  On failure returns false and writes a
 * message naming the offending item to err.
 */
extern bool cl_history_parse(const char *text, size_t len, cl_episode *ep, int32_t max,
							 int32_t *n, int32_t *missing_decom, char *err, size_t errlen);

/* Bytes needed by cl_history_format (including the NUL). */
extern size_t cl_history_text_size(const cl_history *h);

/* Writes the text form into buf (cl_history_text_size bytes); returns its length. */
extern size_t cl_history_format(const cl_history *h, char *buf);

/* Format one episode's codes and dates (no braces); returns its length. */
extern size_t cl_episode_format(const cl_episode *e, char *buf);

/*
 * Defects as text: each bit's name ("overlap") and a sentence for the
 * analyst.  Bits are listed in CL_DEFECT_* order.
 */
extern const char *cl_defect_name(uint8_t bit);
extern const char *cl_defect_description(uint8_t bit);

/* Episodes that metrics read: not short breaks, not DEC before DECOM (built histories only). */
static inline bool
cl_episode_is_care(const cl_episode *e)
{
	return (e->flags & (CL_DEFECT_DEC_BEFORE_DECOM | CL_EPISODE_SHORT_BREAK)) == 0;
}

#endif							/* CL_HISTORY_H */
