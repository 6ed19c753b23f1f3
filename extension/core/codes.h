/*
 * codes.h: the SSDA903 code lists (plain C, no PostgreSQL headers).
 *
 * Every code of a list has a small, stable index (1..n; 0 means "no code").
 * Indexes are stored on disk (inside the code types and care_history), so
 * they are append-only: never renumber, never reuse; a new code gets the next
 * free index of its list.  The order of values (btree opclass) is the index
 * order, which is the order of the DfE list as written in the reference.
 *
 * The tables themselves (code, label, first and last collection year,
 * groups) are data in codes.c; nothing else in the project spells a code.
 */
#ifndef CL_CODES_H
#define CL_CODES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef enum cl_code_list
{
	CL_LIST_LEGAL_STATUS = 0,		/* LS */
	CL_LIST_NEW_EPISODE_REASON,		/* RNE */
	CL_LIST_PLACEMENT_TYPE,			/* PLACE */
	CL_LIST_CEASED_REASON,			/* REC */
	CL_LIST_NEED_CATEGORY,			/* CIN */
	CL_LIST_PLACEMENT_PROVIDER,		/* PLACE_PROVIDER */
	CL_LIST_PLACEMENT_CHANGE_REASON,	/* REASON_PLACE_CHANGE */
	CL_LIST_CONTACT_STATUS,			/* IN_TOUCH */
	CL_LIST_LEAVER_ACTIVITY,		/* ACTIV */
	CL_LIST_LEAVER_ACCOMMODATION,	/* ACCOM */
	CL_LIST_COUNT
} cl_code_list;

/* LS */
enum
{
	CL_LS_C1 = 1, CL_LS_C2, CL_LS_D1, CL_LS_E1, CL_LS_V2, CL_LS_V3, CL_LS_V4,
	CL_LS_L1, CL_LS_L2, CL_LS_L3, CL_LS_J1, CL_LS_J2, CL_LS_J3
};

/* RNE */
enum
{
	CL_RNE_S = 1, CL_RNE_L, CL_RNE_P, CL_RNE_T, CL_RNE_B, CL_RNE_U
};

/* PLACE */
enum
{
	CL_PLACE_A3 = 1, CL_PLACE_A4, CL_PLACE_A5, CL_PLACE_A6,
	CL_PLACE_H5, CL_PLACE_K1, CL_PLACE_K2, CL_PLACE_K3,
	CL_PLACE_P1, CL_PLACE_P2, CL_PLACE_P3,
	CL_PLACE_R1, CL_PLACE_R2, CL_PLACE_R3, CL_PLACE_R5,
	CL_PLACE_S1,
	CL_PLACE_T0, CL_PLACE_T1, CL_PLACE_T2, CL_PLACE_T3, CL_PLACE_T4,
	CL_PLACE_U1, CL_PLACE_U2, CL_PLACE_U3, CL_PLACE_U4, CL_PLACE_U5, CL_PLACE_U6,
	CL_PLACE_Z1, CL_PLACE_Z11, CL_PLACE_Z12, CL_PLACE_Z13, CL_PLACE_Z14
};

/* REC */
enum
{
	CL_REC_X1 = 1, CL_REC_E11, CL_REC_E12, CL_REC_E2, CL_REC_E3,
	CL_REC_E4A, CL_REC_E4B, CL_REC_E13, CL_REC_E41,
	CL_REC_E45, CL_REC_E46, CL_REC_E47, CL_REC_E48, CL_REC_E43, CL_REC_E44,
	CL_REC_E5, CL_REC_E6, CL_REC_E7, CL_REC_E9, CL_REC_E14, CL_REC_E15,
	CL_REC_E16, CL_REC_E17, CL_REC_E8
};

/* CIN */
enum
{
	CL_CIN_N1 = 1, CL_CIN_N2, CL_CIN_N3, CL_CIN_N4, CL_CIN_N5, CL_CIN_N6,
	CL_CIN_N7, CL_CIN_N8
};

/* PLACE_PROVIDER */
enum
{
	CL_PROVIDER_PR0 = 1, CL_PROVIDER_PR1, CL_PROVIDER_PR2, CL_PROVIDER_PR3,
	CL_PROVIDER_PR4, CL_PROVIDER_PR5
};

/* REASON_PLACE_CHANGE */
enum
{
	CL_RPC_CARPL = 1, CL_RPC_CLOSE, CL_RPC_ALLEG, CL_RPC_STAND, CL_RPC_APPRR,
	CL_RPC_CREQB, CL_RPC_CREQO, CL_RPC_CHILD, CL_RPC_LAREQ, CL_RPC_PLACE,
	CL_RPC_CUSTOD, CL_RPC_OTHER
};

/* IN_TOUCH */
enum
{
	CL_TOUCH_YES = 1, CL_TOUCH_NO, CL_TOUCH_DIED, CL_TOUCH_REFU, CL_TOUCH_NREQ,
	CL_TOUCH_RHOM
};

/* ACTIV */
enum
{
	CL_ACTIV_F1 = 1, CL_ACTIV_P1, CL_ACTIV_F2, CL_ACTIV_P2, CL_ACTIV_F3,
	CL_ACTIV_P3, CL_ACTIV_F4, CL_ACTIV_P4, CL_ACTIV_F5, CL_ACTIV_P5,
	CL_ACTIV_G4, CL_ACTIV_G5, CL_ACTIV_G6, CL_ACTIV_0
};

/*
 * ACCOM: index 1 is "0"; then for each letter in the order
 * B C D E G H K R S T U V W X Y Z the codes <letter>1 and <letter>2,
 * so index = 2 + 2 * letter_position + (digit - 1).
 */
#define CL_ACCOM_0 1
#define CL_ACCOM_LETTERS "BCDEGHKRSTUVWXYZ"
#define CL_ACCOM_INDEX(letter_pos, digit) (2 + 2 * (letter_pos) + ((digit) - 1))

/* Number of codes in a list (the highest valid index). */
extern int	cl_code_count(cl_code_list list);

/* SQL type name, e.g. "legal_status", and DfE field name, e.g. "LS". */
extern const char *cl_list_type_name(cl_code_list list);
extern const char *cl_list_field_name(cl_code_list list);

/*
 * Parse a code: surrounding white space is ignored and letters are read
 * case-insensitively.  Returns the index (1..n), or 0 when the text is not a
 * code of the list (including empty text).  Never reads past len.
 */
extern int	cl_code_parse(cl_code_list list, const char *text, size_t len);

/* DfE spelling and label of a valid index; NULL for an invalid index. */
extern const char *cl_code_text(cl_code_list list, int index);
extern const char *cl_code_label(cl_code_list list, int index);

/*
 * Validity by collection year (named by the year it ends).  first/last are 0
 * when unbounded.  cl_code_valid_in_year is false for codes the project reads
 * but never accepts in a return (ACCOM S1, X1).
 */
extern bool cl_code_valid_in_year(cl_code_list list, int index, int year);
extern int	cl_code_first_year(cl_code_list list, int index);
extern int	cl_code_last_year(cl_code_list list, int index);

/*
 * A comma-separated hint of valid codes: the whole list when short, else the
 * codes closest to the bad text.  Writes at most bufsize bytes, NUL-terminated.
 */
extern void cl_code_hint(cl_code_list list, const char *text, size_t len,
						 char *buf, size_t bufsize);

/* Groupings (metrics.md sections 2, 3, 5; reference section 4). */
extern bool cl_ls_is_short_break(int ls);	/* V3, V4 */
extern bool cl_place_is_temporary(int place);	/* T0..T4 */
extern bool cl_rne_starts_placement(int rne);	/* S, P, T, B, U */
extern bool cl_rne_starts_carer_spell(int rne);	/* S, P, B */

/* Group names for reporting, as the analyst reads them ("Care orders", ...). */
extern const char *cl_ls_group(int ls);
extern const char *cl_place_group(int place);
extern const char *cl_rec_group(int rec);

/* Reason-ceased predicates used by the status and outcome rules. */
extern bool cl_rec_is_adoption(int rec);	/* E11, E12 */
extern bool cl_rec_is_sgo(int rec);		/* E43..E48 */
extern bool cl_rec_is_returned_home(int rec);	/* E4A, E4B */
extern bool cl_rec_is_home_or_cao(int rec);	/* E4A, E4B, E41 (status rule 6) */
extern bool cl_rec_is_family_exit(int rec);	/* E4A, E4B, E13, E41 */

/* Outcome classes (metrics.md 5). */
typedef enum cl_activity_class
{
	CL_ACTIVITY_EET = 1,
	CL_ACTIVITY_NEET,
	CL_ACTIVITY_NOT_KNOWN
} cl_activity_class;

extern cl_activity_class cl_activ_class(int activ);
extern bool cl_activ_is_higher_education(int activ);	/* F1, P1 */
extern bool cl_activ_is_apprenticeship(int activ);	/* F4, P4 */

/* ACCOM: the letter ('\0' for "0") and suitability (1 true, 0 false, -1 unknown). */
extern char cl_accom_letter(int accom);
extern int	cl_accom_suitable(int accom);
extern bool cl_accom_is_homeless_or_insecure(int accom);	/* S, V, W */
extern const char *cl_accom_type_label(int accom);

/*
 * Additions (append-only, like the indexes).
 *
 * cl_code_ever_valid: false for codes the type reads but no return accepts
 * (ACCOM S1, X1); cl_code_valid_in_year is then false for every year.
 * cl_code_hint_is_full_list: true when cl_code_hint lists the whole list
 * (short lists), false when it lists the codes closest to the bad text.
 * cl_code_group: the reporting group of a code, for the code_list view: the
 * legal-status, placement and reason-ceased groups, the activity class
 * ("EET", "NEET", "not known") and the accommodation type label; NULL for
 * lists without groups or for an invalid index.
 * cl_activity_class_name: "EET", "NEET", "not known"; NULL otherwise.
 */
extern bool cl_code_ever_valid(cl_code_list list, int index);
extern bool cl_code_hint_is_full_list(cl_code_list list);
extern const char *cl_code_group(cl_code_list list, int index);
extern const char *cl_activity_class_name(cl_activity_class c);

/*
 * cl_place_published_group: DfE's published breakdown of children looked
 * after by placement ("Foster placements", "Secure homes and children's
 * homes", "Independent and semi-independent living arrangements/supported
 * accommodation", ...; Dashboard indicators 48 to 50), NULL for an invalid
 * index.  cl_place_is_kinship_foster: foster care with relatives or friends.
 * cl_code_list_by_name: the list whose type name ("legal_status") or DfE
 * field ("LS") is name[0..len), ignoring case; -1 when none.
 * cl_accom_suitable is -1 (not counted) for G, H, R: DfE leaves young people
 * gone abroad, deported or whose residence is not known out of suitability.
 */
extern const char *cl_place_published_group(int place);
extern bool cl_place_is_kinship_foster(int place);
extern int	cl_code_list_by_name(const char *name, size_t len);

/*
 * cl_activ_dfe_breakdown: the row of DfE's published care-leaver activity
 * table (la_care_leavers_activity.csv, column breakdown) an ACTIV code is
 * counted in, in DfE's words; "Total information not known" for 0; NULL for
 * an invalid index.
 */
extern const char *cl_activ_dfe_breakdown(int activ);

/*
 * cl_place_flow_group: the placement group of the stock-flow model
 * (doc/sufficiency.md): 0 foster care with relatives or friends (U1 to U3),
 * 1 other foster care, 2 residential and children's homes (secure and
 * children's homes, residential care homes R1, residential schools), 3
 * semi-independent and supported accommodation, 4 other placements; -1 for
 * an invalid index.
 */
extern int	cl_place_flow_group(int place);

/* Longest code text (CUSTOD): 6 characters. */
#define CL_CODE_MAX_LEN 6

#endif							/* CL_CODES_H */
