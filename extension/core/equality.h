/*
 * equality.h: the breakdowns of the equality lens (metrics.md 17), plain C.
 *
 * DfE publishes its children looked after figures by characteristic: age group, sex, ethnicity (major
 * groups of the SSDA903 ETHNIC codes, with refused and not yet obtained), unaccompanied asylum-seeking
 * children and category of need.  Every label below is DfE's spelling; each rule lives here once and
 * SQL calls it (careleaver.dfe_ethnicity, dfe_sex, dfe_age_group, dfe_uasc, dfe_disability).
 */
#ifndef CL_EQUALITY_H
#define CL_EQUALITY_H

#include <stdbool.h>
#include <stddef.h>

#include "dates.h"
#include "history.h"

/* DfE's ethnicity major groups, in DfE's order. */
typedef enum cl_ethnicity_group
{
	CL_ETHNICITY_WHITE,
	CL_ETHNICITY_MIXED,
	CL_ETHNICITY_ASIAN,
	CL_ETHNICITY_BLACK,
	CL_ETHNICITY_OTHER,
	CL_ETHNICITY_REFUSED,
	CL_ETHNICITY_NOT_OBTAINED,
	CL_ETHNICITY_GROUPS
} cl_ethnicity_group;

/*
 * The major group of an SSDA903 ETHNIC code (trimmed, any case); CL_ETHNICITY_NOT_OBTAINED for a blank
 * code (nothing recorded); -1 for text that is no ETHNIC code.
 */
extern int	cl_ethnicity_group_of_code(const char *code, size_t len);

/* The group a child is counted in: that of cl_ethnicity_group_of_code, not obtained for NULL or a non-code. */
extern int	cl_ethnicity_breakdown(const char *code, size_t len);

/* The major group of an ONS Census 2021 "Ethnic group (20 categories)" code (1 to 19); -1 otherwise. */
extern int	cl_ethnicity_group_of_ons(int ons_code);

/* DfE's label of a group (CL_ETHNICITY_*); NULL outside the list. */
extern const char *cl_ethnicity_group_label(int group);

/* DfE's sex label of an SSDA903 SEX code (1 or M: Male, 2 or F: Female; anything else: not known). */
extern const char *cl_sex_label(const char *code, size_t len);

/* DfE's age group of children looked after of an age in completed years (age < 0: not known). */
extern const char *cl_age_group_label(int age);

/* Unaccompanied asylum-seeking on a day: a UASC record whose DUC is later than the day, or blank. */
extern bool cl_uasc_on(bool has_record, bool duc_known, cl_date duc, cl_date on);

/* DfE's UASC label. */
extern const char *cl_uasc_label(bool uasc);

/*
 * The disability breakdown of a category of need code (CIN, trimmed, any case): N2 is the child's
 * disability, N1 and N3 to N8 other categories, anything else (blank) not known.
 */
extern const char *cl_disability_label(const char *cin, size_t len);

/*
 * The CIN (codes.h index, 0 = none) of the child's latest care episode (short breaks left out) in
 * [from, to]: the one starting last on or before to among those not ended before from.
 */
extern int	cl_history_need_in(const cl_history *h, cl_date from, cl_date to);

/* One breakdown row of DfE's shape: the topic, the label's position in it, the label. */
typedef struct cl_breakdown_label
{
	const char *topic;
	int			order;
	const char *label;
} cl_breakdown_label;

/* Every topic and label in DfE's order, 'Total' first; n set to their number. */
extern const cl_breakdown_label *cl_breakdown_labels(int *n);

#endif
