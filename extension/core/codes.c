/*
 * codes.c: the SSDA903 code lists as data (see codes.h).
 *
 * One table per list, in index order (index = position + 1), each row holding
 * the DfE spelling, the label, the collection years in which a return may
 * carry the code (0 = unbounded), flags and the reporting group.  Everything
 * else in the project asks these tables; nothing else spells a code.
 *
 * Year choices (reference 3.6, where the sources disagree):
 *   - PLACE P2 and H5: last year 2025 (2024-25), as the DfE validator, which
 *     drops them from the list in 2025-26 (LIIAP drops them a year earlier).
 *     The 28 October 2023 date rules (217t, 230) are validation rules on
 *     episode dates, not list membership.
 *   - PLACE Z1: last year 2025 (VAL); Z11 to Z14 from 2026.
 *   - ACCOM S1, X1: read (they occur in real files) but never valid in a
 *     return (VAL rule 133).
 *   - LS D1: no year bound (its rule 445 is about episode start dates).
 */
#include "codes.h"
#include "scan.h"

#include <string.h>

/* Flags: the meaning of a bit depends on the list. */
#define F_NEVER_VALID	0x0001	/* any list: read but never valid */
/* LS */
#define F_SHORT_BREAK	0x0010
/* PLACE */
#define F_TEMPORARY		0x0010
#define F_KINSHIP_FOSTER	0x0020	/* foster care with relatives or friends */
/* RNE */
#define F_STARTS_PLACEMENT	0x0010
#define F_STARTS_CARER	0x0020
/* REC */
#define F_ADOPTION		0x0010
#define F_SGO			0x0020
#define F_RETURNED_HOME	0x0040
#define F_HOME_OR_CAO	0x0080
#define F_FAMILY_EXIT	0x0100
/* ACTIV: the class in bits 4-5, then */
#define F_EET			(CL_ACTIVITY_EET << 4)
#define F_NEET			(CL_ACTIVITY_NEET << 4)
#define F_NOT_KNOWN		(CL_ACTIVITY_NOT_KNOWN << 4)
#define F_CLASS_MASK	0x0030
#define F_HIGHER_ED		0x0040
#define F_APPRENTICE	0x0080
/* ACCOM */
#define F_SUITABLE		0x0010
#define F_UNSUITABLE	0x0020
#define F_HOMELESS		0x0040
#define F_NO_SUITABILITY	0x0080	/* left out of DfE's suitability figures */

typedef struct cl_code_def
{
	const char *code;
	const char *label;
	int16_t		first_year;		/* 0 = unbounded */
	int16_t		last_year;		/* 0 = unbounded */
	uint16_t	flags;
	const char *group;			/* reporting group, or NULL */
} cl_code_def;

/* ---- LS ------------------------------------------------------------------ */
#define G_CARE "Care orders"
#define G_PO "Placement order granted"
#define G_S20 "Voluntary agreements under s20"
#define G_SB "Short breaks"
#define G_CP "Detained for child protection"
#define G_YJ "Youth justice legal statuses"

static const cl_code_def ls_codes[] = {
	{"C1", "Interim care order", 0, 0, 0, G_CARE},
	{"C2", "Full care order", 0, 0, 0, G_CARE},
	{"D1", "Freeing order granted", 0, 0, 0, G_PO},
	{"E1", "Placement order granted", 0, 0, 0, G_PO},
	{"V2", "Single period of accommodation under section 20 (Children Act 1989)", 0, 0, 0, G_S20},
	{"V3", "Agreed series of short-term breaks, when individual episodes are recorded", 0, 0, F_SHORT_BREAK, G_SB},
	{"V4", "Agreed series of short-term breaks, when agreements are recorded (not individual episodes)", 0, 0, F_SHORT_BREAK, G_SB},
	{"L1", "Under police protection and in local authority accommodation", 0, 0, 0, G_CP},
	{"L2", "Emergency protection order", 0, 0, 0, G_CP},
	{"L3", "Under child assessment order and in local authority accommodation", 0, 0, 0, G_CP},
	{"J1", "Remanded to local authority accommodation or to youth detention accommodation", 0, 0, 0, G_YJ},
	{"J2", "Placed in local authority accommodation under the Police and Criminal Evidence Act 1984", 0, 0, 0, G_YJ},
	{"J3", "Sentenced to a Youth Rehabilitation Order with residence or intensive fostering requirement", 0, 0, 0, G_YJ},
};

/* ---- RNE ----------------------------------------------------------------- */
static const cl_code_def rne_codes[] = {
	{"S", "Started to be looked after", 0, 0, F_STARTS_PLACEMENT | F_STARTS_CARER, NULL},
	{"L", "Change of legal status only", 0, 0, 0, NULL},
	{"P", "Change of placement and carer(s) only", 0, 0, F_STARTS_PLACEMENT | F_STARTS_CARER, NULL},
	{"T", "Change of placement (but same carer(s)) only", 0, 0, F_STARTS_PLACEMENT, NULL},
	{"B", "Change of legal status and of placement and carer(s) at the same time", 0, 0, F_STARTS_PLACEMENT | F_STARTS_CARER, NULL},
	{"U", "Change of legal status and of placement (but same carer(s)) at the same time", 0, 0, F_STARTS_PLACEMENT, NULL},
};

/* ---- PLACE --------------------------------------------------------------- */
#define G_ADOPT "Placed for adoption"
#define G_FOSTER "Foster placements"
#define G_PARENTS "Placed with parents or other person with parental responsibility"
#define G_COMMUNITY "Other placements in the community"
#define G_HOMES "Secure homes and children's homes"
#define G_SEMI "Semi-independent living and supported accommodation"
#define G_RES "Other residential settings"
#define G_SCHOOL "Residential schools"
#define G_TEMP "Temporary placements"
#define G_OTHER "Other placements"
/* DfE's published breakdown of children looked after on 31 March by placement
 * (la_cla_on_31_march_by_characteristics, "Placement"; Dashboard 48 to 50). */
#define P_FOSTER "Foster placements"
#define P_ADOPT "Placed for adoption"
#define P_PARENTS "Placed with parents or other person with parental responsibility"
#define P_INDEP "Independent and semi-independent living arrangements/supported accommodation"
#define P_HOMES "Secure homes and children's homes"
#define P_RES "Other residential settings"
#define P_SCHOOL "Residential schools"
#define P_OTHER "Other placements"

static const cl_code_def place_codes[] = {
	{"A3", "Placed for adoption with consent (s19 Adoption and Children Act 2002) or under a freeing order, with current foster carer(s)", 0, 0, 0, G_ADOPT},
	{"A4", "Placed for adoption with consent (s19 Adoption and Children Act 2002) or under a freeing order, not with current foster carer(s)", 0, 0, 0, G_ADOPT},
	{"A5", "Placed for adoption with placement order (s21 Adoption and Children Act 2002) or freeing order where consent was dispensed with, with current foster carer(s)", 0, 0, 0, G_ADOPT},
	{"A6", "Placed for adoption with placement order (s21 Adoption and Children Act 2002) or freeing order where consent was dispensed with, not with current foster carer(s)", 0, 0, 0, G_ADOPT},
	{"H5", "Semi-independent living accommodation not subject to children's homes regulations", 0, 2025, 0, G_SEMI},
	{"K1", "Secure children's home", 0, 0, 0, G_HOMES},
	{"K2", "Children's home subject to Children's Homes Regulations", 0, 0, 0, G_HOMES},
	{"K3", "Registered supported accommodation", 2025, 0, 0, G_SEMI},
	{"P1", "Placed with own parent(s) or other person(s) with parental responsibility", 0, 0, 0, G_PARENTS},
	{"P2", "Independent living, for example in a flat, lodgings, bedsit, bed and breakfast or with friends", 0, 2025, 0, G_COMMUNITY},
	{"P3", "Residential employment", 0, 0, 0, G_COMMUNITY},
	{"R1", "Residential care home", 0, 0, 0, G_RES},
	{"R2", "NHS or health trust, or other establishment providing medical or nursing care", 0, 0, 0, G_RES},
	{"R3", "Family centre or mother and baby unit", 0, 0, 0, G_RES},
	{"R5", "Young offender institution", 0, 0, 0, G_RES},
	{"S1", "Residential school, except where dual-registered as a children's home", 0, 0, 0, G_SCHOOL},
	{"T0", "Temporary placement: all types of temporary move", 0, 0, F_TEMPORARY, G_TEMP},
	{"T1", "Temporary placement: period in hospital", 0, 0, F_TEMPORARY, G_TEMP},
	{"T2", "Temporary placement: absence of the child on holiday", 0, 0, F_TEMPORARY, G_TEMP},
	{"T3", "Temporary placement: accommodation while the normal foster carer is on holiday", 0, 0, F_TEMPORARY, G_TEMP},
	{"T4", "Temporary placement: accommodation of seven days or less, for any other reason", 0, 0, F_TEMPORARY, G_TEMP},
	{"U1", "Foster placement with relative(s) or friend(s): long-term fostering", 0, 0, F_KINSHIP_FOSTER, G_FOSTER},
	{"U2", "Foster placement with relative(s) or friend(s) who are also approved adopters: fostering for adoption or concurrent planning", 0, 0, F_KINSHIP_FOSTER, G_FOSTER},
	{"U3", "Foster placement with relative(s) or friend(s): other", 0, 0, F_KINSHIP_FOSTER, G_FOSTER},
	{"U4", "Foster placement with other foster carer(s): long-term fostering", 0, 0, 0, G_FOSTER},
	{"U5", "Foster placement with other foster carer(s) who are also approved adopters: fostering for adoption or concurrent planning", 0, 0, 0, G_FOSTER},
	{"U6", "Foster placement with other foster carer(s): other", 0, 0, 0, G_FOSTER},
	{"Z1", "Other placement", 0, 2025, 0, G_OTHER},
	{"Z11", "Other placement, subdivision Z11 (DfE label not confirmed)", 2026, 0, 0, G_OTHER},
	{"Z12", "Other placement, subdivision Z12 (DfE label not confirmed)", 2026, 0, 0, G_OTHER},
	{"Z13", "Other placement, subdivision Z13 (DfE label not confirmed)", 2026, 0, 0, G_OTHER},
	{"Z14", "Other placement, subdivision Z14 (DfE label not confirmed)", 2026, 0, 0, G_OTHER},
};

/* DfE's published placement breakdown, by index (every PLACE code has one). */
static const char *const place_published_group[] = {
	[CL_PLACE_A3] = P_ADOPT,
	[CL_PLACE_A4] = P_ADOPT,
	[CL_PLACE_A5] = P_ADOPT,
	[CL_PLACE_A6] = P_ADOPT,
	[CL_PLACE_H5] = P_INDEP,
	[CL_PLACE_K1] = P_HOMES,
	[CL_PLACE_K2] = P_HOMES,
	[CL_PLACE_K3] = P_INDEP,
	[CL_PLACE_P1] = P_PARENTS,
	[CL_PLACE_P2] = P_INDEP,
	[CL_PLACE_P3] = P_OTHER,
	[CL_PLACE_R1] = P_RES,
	[CL_PLACE_R2] = P_RES,
	[CL_PLACE_R3] = P_RES,
	[CL_PLACE_R5] = P_RES,
	[CL_PLACE_S1] = P_SCHOOL,
	[CL_PLACE_T0] = P_OTHER,
	[CL_PLACE_T1] = P_OTHER,
	[CL_PLACE_T2] = P_OTHER,
	[CL_PLACE_T3] = P_OTHER,
	[CL_PLACE_T4] = P_OTHER,
	[CL_PLACE_U1] = P_FOSTER,
	[CL_PLACE_U2] = P_FOSTER,
	[CL_PLACE_U3] = P_FOSTER,
	[CL_PLACE_U4] = P_FOSTER,
	[CL_PLACE_U5] = P_FOSTER,
	[CL_PLACE_U6] = P_FOSTER,
	[CL_PLACE_Z1] = P_OTHER,
	[CL_PLACE_Z11] = P_OTHER,
	[CL_PLACE_Z12] = P_OTHER,
	[CL_PLACE_Z13] = P_OTHER,
	[CL_PLACE_Z14] = P_OTHER,
};
_Static_assert(sizeof(place_published_group) / sizeof(place_published_group[0]) == CL_PLACE_Z14 + 1,
			   "published placement groups");

/* ---- REC ----------------------------------------------------------------- */
#define G_HOME "Returned home to live with parents or relatives"
#define G_ADOPTED "Adopted"
#define G_SGO "Special guardianship order"
#define G_CAO "Residence order or child arrangements order"
#define G_INDEP "Moved into independent living"

static const cl_code_def rec_codes[] = {
	{"X1", "Episode ceases and a new one begins on the same day (not a cessation of care)", 0, 0, 0, "Not a cessation of care"},
	{"E11", "Adopted: application for an adoption order unopposed", 0, 0, F_ADOPTION, G_ADOPTED},
	{"E12", "Adopted: consent dispensed with by the court", 0, 0, F_ADOPTION, G_ADOPTED},
	{"E2", "Died", 0, 0, 0, "Died"},
	{"E3", "Care taken over by another local authority in the UK", 0, 0, 0, "Care taken over by another local authority"},
	{"E4A", "Returned home to live with parent(s), relative(s) or other person(s) with parental responsibility, as part of the care planning process", 0, 0, F_RETURNED_HOME | F_HOME_OR_CAO | F_FAMILY_EXIT, G_HOME},
	{"E4B", "Returned home to live with parent(s), relative(s) or other person(s) with parental responsibility, not as part of the care planning process", 0, 0, F_RETURNED_HOME | F_HOME_OR_CAO | F_FAMILY_EXIT, G_HOME},
	{"E13", "Left care to live with parent(s), relative(s) or other person(s) with no parental responsibility", 0, 0, F_FAMILY_EXIT, "Living with parents or relatives without parental responsibility"},
	{"E41", "Residence order or child arrangements order granted", 0, 0, F_HOME_OR_CAO | F_FAMILY_EXIT, G_CAO},
	{"E45", "Special guardianship order made to former foster carer(s) who are relative(s) or friend(s)", 2019, 0, F_SGO, G_SGO},
	{"E46", "Special guardianship order made to former foster carer(s) who are not relative(s) or friend(s)", 2019, 0, F_SGO, G_SGO},
	{"E47", "Special guardianship order made to carer(s), other than former foster carer(s), who are relative(s) or friend(s)", 2019, 0, F_SGO, G_SGO},
	{"E48", "Special guardianship order made to carer(s), other than former foster carer(s), who are not relative(s) or friend(s)", 2019, 0, F_SGO, G_SGO},
	{"E43", "Special guardianship order made to former foster carer(s)", 0, 2018, F_SGO, G_SGO},
	{"E44", "Special guardianship order made to carer(s) other than former foster carer(s)", 0, 2018, F_SGO, G_SGO},
	{"E5", "Moved into independent living, with supportive accommodation", 0, 0, 0, G_INDEP},
	{"E6", "Moved into independent living, without formal support", 0, 0, 0, G_INDEP},
	{"E7", "Transferred to residential care funded by adult social care services", 0, 0, 0, "Transferred to adult social care"},
	{"E9", "Sentenced to custody", 0, 0, 0, "Sentenced to custody"},
	{"E14", "Accommodation on remand ended", 0, 0, 0, "Accommodation on remand ended"},
	{"E15", "Age assessment determined that the child is aged 18 or over, and E5, E6 and E7 do not apply", 0, 0, 0, "Age assessment found the child to be an adult"},
	{"E16", "Child moved abroad", 0, 0, 0, "Moved abroad"},
	{"E17", "Aged 18 or over and remained with current carers (including staying put)", 0, 0, 0, "Remained with current carers after 18"},
	{"E8", "Period of being looked after ceased for any other reason", 0, 0, 0, "Other reason"},
};

/* ---- CIN ----------------------------------------------------------------- */
static const cl_code_def cin_codes[] = {
	{"N1", "Abuse or neglect", 0, 0, 0, NULL},
	{"N2", "Child's disability", 0, 0, 0, NULL},
	{"N3", "Parental illness or disability", 0, 0, 0, NULL},
	{"N4", "Family in acute stress", 0, 0, 0, NULL},
	{"N5", "Family dysfunction", 0, 0, 0, NULL},
	{"N6", "Socially unacceptable behaviour", 0, 0, 0, NULL},
	{"N7", "Low income", 0, 0, 0, NULL},
	{"N8", "Absent parenting", 0, 0, 0, NULL},
};

/* ---- PLACE_PROVIDER ------------------------------------------------------ */
static const cl_code_def provider_codes[] = {
	{"PR0", "Parent(s) or other person(s) with parental responsibility", 0, 0, 0, NULL},
	{"PR1", "Own local authority, including a regional adoption agency hosted by this authority", 0, 0, 0, NULL},
	{"PR2", "Other local authority, including a regional adoption agency hosted by another authority", 0, 0, 0, NULL},
	{"PR3", "Other public provision", 0, 0, 0, NULL},
	{"PR4", "Private provision", 0, 0, 0, NULL},
	{"PR5", "Voluntary or third sector provision", 0, 0, 0, NULL},
};

/* ---- REASON_PLACE_CHANGE ------------------------------------------------- */
static const cl_code_def rpc_codes[] = {
	{"CARPL", "Change to or implementation of the care plan", 0, 0, 0, NULL},
	{"CLOSE", "Resignation or closure of provision", 0, 0, 0, NULL},
	{"ALLEG", "Allegation (s47)", 0, 0, 0, NULL},
	{"STAND", "Standards of care concern", 0, 0, 0, NULL},
	{"APPRR", "Approval removed", 0, 0, 0, NULL},
	{"CREQB", "Carer requests placement end due to the child's behaviour", 0, 0, 0, NULL},
	{"CREQO", "Carer requests placement end for other reasons", 0, 0, 0, NULL},
	{"CHILD", "Child requests placement end", 0, 0, 0, NULL},
	{"LAREQ", "Responsible or area authority requests placement end", 0, 0, 0, NULL},
	{"PLACE", "Change in the status of the placement only", 0, 0, 0, NULL},
	{"CUSTOD", "Custody arrangement", 2019, 0, 0, NULL},
	{"OTHER", "Other", 0, 0, 0, NULL},
};

/* ---- IN_TOUCH ------------------------------------------------------------ */
static const cl_code_def touch_codes[] = {
	{"YES", "In touch", 0, 0, 0, NULL},
	{"NO", "Not in touch", 0, 0, 0, NULL},
	{"DIED", "Died since leaving care", 0, 0, 0, NULL},
	{"REFU", "Young person refuses contact", 0, 0, 0, NULL},
	{"NREQ", "Young person no longer requires services", 0, 0, 0, NULL},
	{"RHOM", "Returned home to live with parents or someone with parental responsibility for 6 months or more", 0, 0, 0, NULL},
};

/* ---- ACTIV --------------------------------------------------------------- */
static const cl_code_def activ_codes[] = {
	{"F1", "Full-time in higher education", 0, 0, F_EET | F_HIGHER_ED, "EET"},
	{"P1", "Part-time in higher education", 0, 0, F_EET | F_HIGHER_ED, "EET"},
	{"F2", "Full-time in education other than higher education", 0, 0, F_EET, "EET"},
	{"P2", "Part-time in education other than higher education", 0, 0, F_EET, "EET"},
	{"F3", "Full-time in training or employment", 0, 2021, F_EET, "EET"},
	{"P3", "Part-time in training or employment", 0, 2021, F_EET, "EET"},
	{"F4", "Full-time apprenticeship", 2022, 0, F_EET | F_APPRENTICE, "EET"},
	{"P4", "Part-time apprenticeship", 2022, 0, F_EET | F_APPRENTICE, "EET"},
	{"F5", "Full-time in training or employment, not an apprenticeship", 2022, 0, F_EET, "EET"},
	{"P5", "Part-time in training or employment, not an apprenticeship", 2022, 0, F_EET, "EET"},
	{"G4", "Not in education, training or employment because of illness or disability", 0, 0, F_NEET, "NEET"},
	{"G5", "Not in education, training or employment for other reasons", 0, 0, F_NEET, "NEET"},
	{"G6", "Not in education, training or employment because of pregnancy or parenting", 0, 0, F_NEET, "NEET"},
	{"0", "Activity not known: not in touch, died, or returned home for 6 months or more", 0, 0, F_NOT_KNOWN, "not known"},
};

/* ---- ACCOM --------------------------------------------------------------- */
#define T_B "With parents or relatives"
#define T_C "Community home or other residential care"
#define T_D "Semi-independent, transitional accommodation"
#define T_E "Supported lodgings"
#define T_G "Gone abroad"
#define T_H "Deported"
#define T_K "Ordinary lodgings, without formal support"
#define T_R "Residence not known"
#define T_S "No fixed abode or homeless"
#define T_T "Foyer or similar supported accommodation"
#define T_U "Independent living"
#define T_V "Emergency accommodation"
#define T_W "Bed and breakfast"
#define T_X "In custody"
#define T_Y "Other accommodation"
#define T_Z "With former foster carers"

#define ACCOM_PAIR(letter, type, more) \
	{letter "1", type ", suitable", 0, 0, F_SUITABLE | (more), type}, \
	{letter "2", type ", unsuitable", 0, 0, F_UNSUITABLE | (more), type}

static const cl_code_def accom_codes[] = {
	{"0", "Accommodation not known: not in touch, died, or returned home for 6 months or more", 0, 0, 0, NULL},
	ACCOM_PAIR("B", T_B, 0),
	ACCOM_PAIR("C", T_C, 0),
	ACCOM_PAIR("D", T_D, 0),
	ACCOM_PAIR("E", T_E, 0),
	/* G, H, R: DfE leaves them out of suitability numerator and total */
	ACCOM_PAIR("G", T_G, F_NO_SUITABILITY),
	ACCOM_PAIR("H", T_H, F_NO_SUITABILITY),
	ACCOM_PAIR("K", T_K, 0),
	ACCOM_PAIR("R", T_R, F_NO_SUITABILITY),
	/* S1 and X1: read, never valid (VAL rule 133; reference 3.3) */
	{"S1", T_S ", suitable", 0, 0, F_SUITABLE | F_HOMELESS | F_NEVER_VALID, T_S},
	{"S2", T_S ", unsuitable", 0, 0, F_UNSUITABLE | F_HOMELESS, T_S},
	ACCOM_PAIR("T", T_T, 0),
	ACCOM_PAIR("U", T_U, 0),
	ACCOM_PAIR("V", T_V, F_HOMELESS),
	ACCOM_PAIR("W", T_W, F_HOMELESS),
	{"X1", T_X ", suitable", 0, 0, F_SUITABLE | F_NEVER_VALID, T_X},
	{"X2", T_X ", unsuitable", 0, 0, F_UNSUITABLE, T_X},
	ACCOM_PAIR("Y", T_Y, 0),
	ACCOM_PAIR("Z", T_Z, 0),
};

/* ---- lists --------------------------------------------------------------- */
#define NCODES(a) ((int) (sizeof(a) / sizeof((a)[0])))

typedef struct cl_list_def
{
	const char *type_name;
	const char *field_name;
	const cl_code_def *codes;
	int			count;
} cl_list_def;

static const cl_list_def lists[CL_LIST_COUNT] = {
	[CL_LIST_LEGAL_STATUS] = {"legal_status", "LS", ls_codes, NCODES(ls_codes)},
	[CL_LIST_NEW_EPISODE_REASON] = {"new_episode_reason", "RNE", rne_codes, NCODES(rne_codes)},
	[CL_LIST_PLACEMENT_TYPE] = {"placement_type", "PLACE", place_codes, NCODES(place_codes)},
	[CL_LIST_CEASED_REASON] = {"ceased_reason", "REC", rec_codes, NCODES(rec_codes)},
	[CL_LIST_NEED_CATEGORY] = {"need_category", "CIN", cin_codes, NCODES(cin_codes)},
	[CL_LIST_PLACEMENT_PROVIDER] = {"placement_provider", "PLACE_PROVIDER", provider_codes, NCODES(provider_codes)},
	[CL_LIST_PLACEMENT_CHANGE_REASON] = {"placement_change_reason", "REASON_PLACE_CHANGE", rpc_codes, NCODES(rpc_codes)},
	[CL_LIST_CONTACT_STATUS] = {"contact_status", "IN_TOUCH", touch_codes, NCODES(touch_codes)},
	[CL_LIST_LEAVER_ACTIVITY] = {"leaver_activity", "ACTIV", activ_codes, NCODES(activ_codes)},
	[CL_LIST_LEAVER_ACCOMMODATION] = {"leaver_accommodation", "ACCOM", accom_codes, NCODES(accom_codes)},
};

/* The tables must end where the enums of codes.h end. */
_Static_assert(NCODES(ls_codes) == CL_LS_J3, "LS table");
_Static_assert(NCODES(rne_codes) == CL_RNE_U, "RNE table");
_Static_assert(NCODES(place_codes) == CL_PLACE_Z14, "PLACE table");
_Static_assert(NCODES(rec_codes) == CL_REC_E8, "REC table");
_Static_assert(NCODES(cin_codes) == CL_CIN_N8, "CIN table");
_Static_assert(NCODES(provider_codes) == CL_PROVIDER_PR5, "PLACE_PROVIDER table");
_Static_assert(NCODES(rpc_codes) == CL_RPC_OTHER, "REASON_PLACE_CHANGE table");
_Static_assert(NCODES(touch_codes) == CL_TOUCH_RHOM, "IN_TOUCH table");
_Static_assert(NCODES(activ_codes) == CL_ACTIV_0, "ACTIV table");
_Static_assert(NCODES(accom_codes) == CL_ACCOM_INDEX(15, 2), "ACCOM table");

/* Lists of at most this many codes are given whole in hints. */
#define HINT_FULL_LIST_MAX 14
/* Otherwise the hint names this many closest codes. */
#define HINT_CLOSEST 6

static const cl_list_def *
list_def(cl_code_list list)
{
	if ((int) list < 0 || list >= CL_LIST_COUNT)
		return NULL;
	return &lists[list];
}

static const cl_code_def *
code_def(cl_code_list list, int index)
{
	const cl_list_def *l = list_def(list);

	if (l == NULL || index < 1 || index > l->count)
		return NULL;
	return &l->codes[index - 1];
}

static uint16_t
flags_of(cl_code_list list, int index)
{
	const cl_code_def *d = code_def(list, index);

	return d ? d->flags : 0;
}

int
cl_code_count(cl_code_list list)
{
	const cl_list_def *l = list_def(list);

	return l ? l->count : 0;
}

const char *
cl_list_type_name(cl_code_list list)
{
	const cl_list_def *l = list_def(list);

	return l ? l->type_name : NULL;
}

const char *
cl_list_field_name(cl_code_list list)
{
	const cl_list_def *l = list_def(list);

	return l ? l->field_name : NULL;
}

static char
to_upper(char c)
{
	return (c >= 'a' && c <= 'z') ? (char) (c - 'a' + 'A') : c;
}

/* Trim text[0..len) and return the start and length of what is left. */
static const char *
trim(const char *text, size_t len, size_t *outlen)
{
	if (text == NULL)
	{
		*outlen = 0;
		return "";
	}
	cl_scan_trim(&text, &len, CL_SCAN_SPACE);
	*outlen = len;
	return text;
}

int
cl_code_parse(cl_code_list list, const char *text, size_t len)
{
	const cl_list_def *l = list_def(list);
	char		buf[CL_CODE_MAX_LEN];
	size_t		n;
	const char *t;

	if (l == NULL)
		return 0;
	t = trim(text, len, &n);
	if (n == 0 || n > CL_CODE_MAX_LEN)
		return 0;
	for (size_t i = 0; i < n; i++)
		buf[i] = to_upper(t[i]);
	for (int i = 0; i < l->count; i++)
	{
		const char *c = l->codes[i].code;

		if (strlen(c) == n && memcmp(c, buf, n) == 0)
			return i + 1;
	}
	return 0;
}

const char *
cl_code_text(cl_code_list list, int index)
{
	const cl_code_def *d = code_def(list, index);

	return d ? d->code : NULL;
}

const char *
cl_code_label(cl_code_list list, int index)
{
	const cl_code_def *d = code_def(list, index);

	return d ? d->label : NULL;
}

bool
cl_code_ever_valid(cl_code_list list, int index)
{
	const cl_code_def *d = code_def(list, index);

	return d != NULL && (d->flags & F_NEVER_VALID) == 0;
}

bool
cl_code_valid_in_year(cl_code_list list, int index, int year)
{
	const cl_code_def *d = code_def(list, index);

	if (d == NULL || (d->flags & F_NEVER_VALID))
		return false;
	if (d->first_year != 0 && year < d->first_year)
		return false;
	if (d->last_year != 0 && year > d->last_year)
		return false;
	return true;
}

int
cl_code_first_year(cl_code_list list, int index)
{
	const cl_code_def *d = code_def(list, index);

	return d ? d->first_year : 0;
}

int
cl_code_last_year(cl_code_list list, int index)
{
	const cl_code_def *d = code_def(list, index);

	return d ? d->last_year : 0;
}

const char *
cl_code_group(cl_code_list list, int index)
{
	const cl_code_def *d = code_def(list, index);

	return d ? d->group : NULL;
}

bool
cl_code_hint_is_full_list(cl_code_list list)
{
	return cl_code_count(list) <= HINT_FULL_LIST_MAX;
}

/* Appends s to buf (size bufsize, holding *used bytes plus a NUL), truncating. */
static void
append(char *buf, size_t bufsize, size_t *used, const char *s)
{
	size_t		n = strlen(s);

	if (*used + 1 >= bufsize)
		return;
	if (n > bufsize - 1 - *used)
		n = bufsize - 1 - *used;
	memcpy(buf + *used, s, n);
	*used += n;
	buf[*used] = '\0';
}

/* Edit distance between a (upper-cased, at most 16 chars) and code b. */
static int
distance(const char *a, size_t alen, const char *b)
{
	size_t		blen = strlen(b);
	int			prev[CL_CODE_MAX_LEN + 1],
				cur[CL_CODE_MAX_LEN + 1];

	for (size_t j = 0; j <= blen; j++)
		prev[j] = (int) j;
	for (size_t i = 1; i <= alen; i++)
	{
		cur[0] = (int) i;
		for (size_t j = 1; j <= blen; j++)
		{
			int			sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
			int			del = prev[j] + 1;
			int			ins = cur[j - 1] + 1;
			int			best = sub < del ? sub : del;

			cur[j] = best < ins ? best : ins;
		}
		memcpy(prev, cur, sizeof(int) * (blen + 1));
	}
	return prev[blen];
}

void
cl_code_hint(cl_code_list list, const char *text, size_t len,
			 char *buf, size_t bufsize)
{
	const cl_list_def *l = list_def(list);
	size_t		used = 0;

	if (buf == NULL || bufsize == 0)
		return;
	buf[0] = '\0';
	if (l == NULL)
		return;

	if (cl_code_hint_is_full_list(list))
	{
		for (int i = 0; i < l->count; i++)
		{
			if (i > 0)
				append(buf, bufsize, &used, ", ");
			append(buf, bufsize, &used, l->codes[i].code);
		}
		return;
	}
	else
	{
		char		up[16];
		size_t		n;
		const char *t = trim(text, len, &n);
		int			score[64];
		bool		taken[64];

		if (n > sizeof(up))
			n = sizeof(up);
		for (size_t i = 0; i < n; i++)
			up[i] = to_upper(t[i]);
		/* score: twice the edit distance, plus one when the first letter differs */
		for (int i = 0; i < l->count && i < 64; i++)
		{
			const char *c = l->codes[i].code;

			score[i] = 2 * distance(up, n, c) + ((n > 0 && up[0] == c[0]) ? 0 : 1);
			taken[i] = false;
		}
		for (int k = 0; k < HINT_CLOSEST && k < l->count; k++)
		{
			int			best = -1;

			for (int i = 0; i < l->count && i < 64; i++)
				if (!taken[i] && (best < 0 || score[i] < score[best]))
					best = i;
			if (best < 0)
				break;
			taken[best] = true;
			if (k > 0)
				append(buf, bufsize, &used, ", ");
			append(buf, bufsize, &used, l->codes[best].code);
		}
	}
}

/* ---- groupings ----------------------------------------------------------- */

bool
cl_ls_is_short_break(int ls)
{
	return (flags_of(CL_LIST_LEGAL_STATUS, ls) & F_SHORT_BREAK) != 0;
}

bool
cl_place_is_temporary(int place)
{
	return (flags_of(CL_LIST_PLACEMENT_TYPE, place) & F_TEMPORARY) != 0;
}

bool
cl_rne_starts_placement(int rne)
{
	return (flags_of(CL_LIST_NEW_EPISODE_REASON, rne) & F_STARTS_PLACEMENT) != 0;
}

bool
cl_rne_starts_carer_spell(int rne)
{
	return (flags_of(CL_LIST_NEW_EPISODE_REASON, rne) & F_STARTS_CARER) != 0;
}

const char *
cl_ls_group(int ls)
{
	return cl_code_group(CL_LIST_LEGAL_STATUS, ls);
}

const char *
cl_place_group(int place)
{
	return cl_code_group(CL_LIST_PLACEMENT_TYPE, place);
}

const char *
cl_place_published_group(int place)
{
	if (code_def(CL_LIST_PLACEMENT_TYPE, place) == NULL)
		return NULL;
	return place_published_group[place];
}

bool
cl_place_is_kinship_foster(int place)
{
	return (flags_of(CL_LIST_PLACEMENT_TYPE, place) & F_KINSHIP_FOSTER) != 0;
}

int
cl_code_list_by_name(const char *name, size_t len)
{
	for (int l = 0; l < CL_LIST_COUNT; l++)
	{
		const char *names[2] = {lists[l].type_name, lists[l].field_name};

		for (int k = 0; k < 2; k++)
		{
			size_t		n = strlen(names[k]);
			size_t		i;

			if (n != len)
				continue;
			for (i = 0; i < n; i++)
				if (to_upper(name[i]) != to_upper(names[k][i]))
					break;
			if (i == n)
				return l;
		}
	}
	return -1;
}

const char *
cl_rec_group(int rec)
{
	return cl_code_group(CL_LIST_CEASED_REASON, rec);
}

bool
cl_rec_is_adoption(int rec)
{
	return (flags_of(CL_LIST_CEASED_REASON, rec) & F_ADOPTION) != 0;
}

bool
cl_rec_is_sgo(int rec)
{
	return (flags_of(CL_LIST_CEASED_REASON, rec) & F_SGO) != 0;
}

bool
cl_rec_is_returned_home(int rec)
{
	return (flags_of(CL_LIST_CEASED_REASON, rec) & F_RETURNED_HOME) != 0;
}

bool
cl_rec_is_home_or_cao(int rec)
{
	return (flags_of(CL_LIST_CEASED_REASON, rec) & F_HOME_OR_CAO) != 0;
}

bool
cl_rec_is_family_exit(int rec)
{
	return (flags_of(CL_LIST_CEASED_REASON, rec) & F_FAMILY_EXIT) != 0;
}

cl_activity_class
cl_activ_class(int activ)
{
	return (cl_activity_class) ((flags_of(CL_LIST_LEAVER_ACTIVITY, activ) & F_CLASS_MASK) >> 4);
}

const char *
cl_activity_class_name(cl_activity_class c)
{
	switch (c)
	{
		case CL_ACTIVITY_EET:
			return "EET";
		case CL_ACTIVITY_NEET:
			return "NEET";
		case CL_ACTIVITY_NOT_KNOWN:
			return "not known";
	}
	return NULL;
}

bool
cl_activ_is_higher_education(int activ)
{
	return (flags_of(CL_LIST_LEAVER_ACTIVITY, activ) & F_HIGHER_ED) != 0;
}

bool
cl_activ_is_apprenticeship(int activ)
{
	return (flags_of(CL_LIST_LEAVER_ACTIVITY, activ) & F_APPRENTICE) != 0;
}

char
cl_accom_letter(int accom)
{
	const char *c = cl_code_text(CL_LIST_LEAVER_ACCOMMODATION, accom);

	if (c == NULL || c[0] == '0')
		return '\0';
	return c[0];
}

int
cl_accom_suitable(int accom)
{
	uint16_t	f = flags_of(CL_LIST_LEAVER_ACCOMMODATION, accom);

	if (f & F_NO_SUITABILITY)
		return -1;
	if (f & F_SUITABLE)
		return 1;
	if (f & F_UNSUITABLE)
		return 0;
	return -1;
}

bool
cl_accom_is_homeless_or_insecure(int accom)
{
	return (flags_of(CL_LIST_LEAVER_ACCOMMODATION, accom) & F_HOMELESS) != 0;
}

const char *
cl_accom_type_label(int accom)
{
	return cl_code_group(CL_LIST_LEAVER_ACCOMMODATION, accom);
}

/* DfE's breakdown labels of the published activity table, exactly as published. */
static const struct
{
	const char *code;
	const char *breakdown;
}			activ_dfe_breakdowns[] = {
	{"F1", "Higher education i.e. studies beyond A level"},
	{"P1", "Higher education i.e. studies beyond A level"},
	{"F2", "Education other than higher education"},
	{"P2", "Education other than higher education"},
	{"F3", "In training or employment"},
	{"P3", "In training or employment"},
	{"F4", "In an apprenticeship"},
	{"P4", "In an apprenticeship"},
	{"F5", "In training or employment (excl. apprenticeship)"},
	{"P5", "In training or employment (excl. apprenticeship)"},
	{"G4", "Not in education, training or employment, owing to illness or disability"},
	{"G5", "Not in education, training or employment, owing to other reasons"},
	{"G6", "Not in education, training or employment, owing to pregnancy or parenting"},
	{"0", "Total information not known"},
};

const char *
cl_activ_dfe_breakdown(int activ)
{
	const cl_code_def *d = code_def(CL_LIST_LEAVER_ACTIVITY, activ);

	if (d == NULL)
		return NULL;
	for (int i = 0; i < NCODES(activ_dfe_breakdowns); i++)
		if (strcmp(activ_dfe_breakdowns[i].code, d->code) == 0)
			return activ_dfe_breakdowns[i].breakdown;
	return NULL;
}

int
cl_place_flow_group(int place)
{
	const char *published = cl_place_published_group(place);

	if (published == NULL)
		return -1;
	if (cl_place_is_kinship_foster(place))
		return 0;
	if (strcmp(published, P_FOSTER) == 0)
		return 1;
	if (strcmp(published, P_HOMES) == 0 || strcmp(published, P_SCHOOL) == 0 || place == CL_PLACE_R1)
		return 2;
	if (strcmp(published, P_INDEP) == 0)
		return 3;
	return 4;
}
