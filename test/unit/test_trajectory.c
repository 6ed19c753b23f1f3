/*
 * Unit tests of trajectory.c: states, derived measures, transitions, the
 * text and binary forms, and the transition matrix (metrics.md 5).
 * Every expected value is worked out by hand in the comment beside it.
 */
#include <stdlib.h>

#include "tap.h"
#include "codes.h"
#include "trajectory.h"

static int
code(cl_code_list list, const char *text)
{
	return cl_code_parse(list, text, strlen(text));
}

#define TOUCH(s) code(CL_LIST_CONTACT_STATUS, s)
#define ACTIV(s) code(CL_LIST_LEAVER_ACTIVITY, s)
#define ACCOM(s) code(CL_LIST_LEAVER_ACCOMMODATION, s)

/* Parses a trajectory that the test knows to be valid. */
static cl_trajectory
T(const char *text)
{
	cl_trajectory t;
	char		err[256];

	if (cl_traj_parse(text, strlen(text), &t, err, sizeof(err)) != 0)
	{
		printf("# test input %s rejected: %s\n", text, err);
		exit(2);
	}
	return t;
}

static const char *
fmt(const cl_trajectory *t)
{
	static char buf[CL_TRAJ_TEXT_MAX];

	cl_traj_format(t, buf);
	return buf;
}

static bool
same(const cl_trajectory *a, const cl_trajectory *b)
{
	return memcmp(a, b, sizeof(*a)) == 0;
}

/* Error text of a rejected trajectory text, or "" when it was accepted. */
static const char *
parse_err(const char *text)
{
	static char err[256];
	cl_trajectory t;

	if (cl_traj_parse(text, strlen(text), &t, err, sizeof(err)) == 0)
		return "";
	return err;
}

static const char *
tm_parse_err(const char *text)
{
	static char err[256];
	cl_transition_matrix m;

	if (cl_tm_parse(text, strlen(text), &m, err, sizeof(err)) == 0)
		return "";
	return err;
}

static unsigned int rng_state = 12345;

static unsigned int
rng(void)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return (rng_state >> 16) & 0x7fff;
}

/* A random observation (codes possibly not recorded) at a random age. */
static void
random_row(int *age, int *touch, int *activ, int *accom)
{
	*age = CL_TRAJ_MIN_AGE + (int) (rng() % 5);	/* ages 17..21 collide often */
	*touch = (int) (rng() % (unsigned) (cl_code_count(CL_LIST_CONTACT_STATUS) + 1));
	*activ = (int) (rng() % (unsigned) (cl_code_count(CL_LIST_LEAVER_ACTIVITY) + 1));
	*accom = (int) (rng() % (unsigned) (cl_code_count(CL_LIST_LEAVER_ACCOMMODATION) + 1));
}

static void
test_states(void)
{
	cl_trajectory t = T("{17:YES/F2/D1, 18:YES/G5/S2, 19:NO/0/0, 20:DIED/0/0, "
						"21:RHOM/0/0, 22:-/F1/-, 23:conflict, 25:YES/-/U1}");

	is_int(cl_traj_state_at(&t, 17), CL_TRAJ_EET, "F2 (other education, full time) is EET");
	is_int(cl_traj_state_at(&t, 18), CL_TRAJ_NEET, "G5 (NEET, other circumstances) is NEET");
	is_int(cl_traj_state_at(&t, 19), CL_TRAJ_NOT_KNOWN, "ACTIV 0 is not known");
	is_int(cl_traj_state_at(&t, 20), CL_TRAJ_EXCLUDED, "IN_TOUCH DIED is excluded");
	is_int(cl_traj_state_at(&t, 21), CL_TRAJ_EXCLUDED, "IN_TOUCH RHOM is excluded");
	is_int(cl_traj_state_at(&t, 22), CL_TRAJ_EET, "F1 with IN_TOUCH not recorded is still EET");
	is_int(cl_traj_state_at(&t, 23), CL_TRAJ_CONFLICT_STATE, "a conflict is its own state");
	is_int(cl_traj_state_at(&t, 24), CL_TRAJ_NO_RECORD, "age 24 has no record");
	is_int(cl_traj_state_at(&t, 25), CL_TRAJ_NOT_KNOWN, "ACTIV not recorded is not known");
	is_int(cl_traj_state_at(&t, 16), 0, "age 16 is outside the trajectory");
	is_int(cl_traj_state_at(&t, 26), 0, "age 26 is outside the trajectory");

	/* DIED wins over an (inconsistent) activity: exclusions come first */
	t = T("{17:DIED/G5/S2}");
	is_int(cl_traj_state_at(&t, 17), CL_TRAJ_EXCLUDED, "DIED with G5 is excluded, not NEET");
	ok(!cl_traj_ever_neet(&t) && !cl_traj_ever_unsuitable(&t) && !cl_traj_ever_homeless_or_insecure(&t),
	   "an excluded observation counts for no outcome");

	is_str(cl_traj_state_name(CL_TRAJ_NOT_KNOWN), "not known", "state name: not known");
	is_str(cl_traj_state_name(CL_TRAJ_NO_RECORD), "no record", "state name: no record");
	ok(cl_traj_state_name(0) == NULL && cl_traj_state_name(7) == NULL, "no name outside 1..6");
	is_int(cl_traj_state_parse(" No Record ", 11), CL_TRAJ_NO_RECORD, "state names parse case-insensitively");
	is_int(cl_traj_state_parse("NEETS", 5), 0, "an unknown state name parses to 0");
}

static void
test_add(void)
{
	cl_trajectory t,
				u;
	char		err[256];
	int			yes = TOUCH("YES"),
				f2 = ACTIV("F2"),
				g5 = ACTIV("G5"),
				d1 = ACCOM("D1");

	cl_traj_init(&t);
	is_int(cl_traj_add(&t, 18, yes, f2, d1, err, sizeof(err)), CL_TRAJ_ADDED, "add 18:YES/F2/D1");
	is_int(cl_traj_add(&t, 18, yes, f2, d1, err, sizeof(err)), CL_TRAJ_ADDED, "add the same row again");
	is_str(fmt(&t), "{18:YES/F2/D1}", "an identical duplicate is one observation, not a conflict");
	is_int(cl_traj_add(&t, 18, yes, g5, d1, err, sizeof(err)), CL_TRAJ_ADDED, "add 18:YES/G5/D1");
	is_str(fmt(&t), "{18:conflict}", "a different row at the same age is a recorded conflict");
	cl_traj_add(&t, 18, yes, f2, d1, err, sizeof(err));
	is_str(fmt(&t), "{18:conflict}", "a conflict stays a conflict whatever comes next");

	cl_traj_init(&t);
	is_int(cl_traj_add(&t, 19, 0, 0, 0, err, sizeof(err)), CL_TRAJ_IGNORED,
		   "a row with no recorded code is ignored");
	is_int(cl_traj_count(&t), 0, "and adds no observation");
	is_int(cl_traj_add(&t, 19, 0, g5, 0, err, sizeof(err)), CL_TRAJ_ADDED, "a partial row is kept");
	is_str(fmt(&t), "{19:-/G5/-}", "with '-' for the codes not recorded");

	is_int(cl_traj_add(&t, 16, yes, f2, d1, err, sizeof(err)), CL_TRAJ_ERROR, "age 16 is rejected");
	is_str(err, "Age 16 is outside the trajectory ages 17 to 25.", "with a message naming the age");
	is_int(cl_traj_add(&t, 26, yes, f2, d1, err, sizeof(err)), CL_TRAJ_ERROR, "age 26 is rejected");
	is_int(cl_traj_add(&t, 25, yes, f2, d1, err, sizeof(err)), CL_TRAJ_ADDED, "age 25 is accepted");
	is_int(cl_traj_add(&t, 20, 7, f2, d1, err, sizeof(err)), CL_TRAJ_ERROR,
		   "IN_TOUCH index 7 is out of range (6 codes)");
	is_int(cl_traj_add(&t, 20, yes, f2, cl_code_count(CL_LIST_LEAVER_ACCOMMODATION) + 1, err, sizeof(err)),
		   CL_TRAJ_ERROR, "an ACCOM index past the list is rejected");
	is_int(cl_traj_add(&t, 20, yes, -1, d1, err, sizeof(err)), CL_TRAJ_ERROR, "a negative index is rejected");

	/* Order independence: 200 random sets of 6 rows, added forwards and backwards, and split in two and merged. */
	{
		int			bad = 0;

		for (int k = 0; k < 200; k++)
		{
			int			rows[6][4];
			cl_trajectory a,
						b,
						c1,
						c2;

			cl_traj_init(&a);
			cl_traj_init(&b);
			cl_traj_init(&c1);
			cl_traj_init(&c2);
			for (int i = 0; i < 6; i++)
				random_row(&rows[i][0], &rows[i][1], &rows[i][2], &rows[i][3]);
			for (int i = 0; i < 6; i++)
				cl_traj_add(&a, rows[i][0], rows[i][1], rows[i][2], rows[i][3], NULL, 0);
			for (int i = 5; i >= 0; i--)
				cl_traj_add(&b, rows[i][0], rows[i][1], rows[i][2], rows[i][3], NULL, 0);
			for (int i = 0; i < 6; i++)
				cl_traj_add((i % 2) ? &c1 : &c2, rows[i][0], rows[i][1], rows[i][2], rows[i][3], NULL, 0);
			cl_traj_merge(&c2, &c1);
			if (!same(&a, &b) || !same(&a, &c2) || !cl_traj_valid(&a, NULL, 0))
				bad++;
			/* merging a trajectory into itself changes nothing */
			u = a;
			cl_traj_merge(&u, &a);
			if (!same(&u, &a))
				bad++;
		}
		is_int(bad, 0, "row order and the split between partial states never change the trajectory");
	}
}

static void
test_measures(void)
{
	cl_trajectory t;

	/* NEET at 17 (G5) and 18 (G6): both counted observations are NEET. */
	t = T("{17:YES/G5/S2, 18:YES/G6/D1}");
	ok(cl_traj_ever_neet(&t) && cl_traj_persistent_neet(&t), "NEET at 17 and 18: ever and persistent NEET");

	/* NEET at 17, not known at 18: not known is an observation that is not NEET. */
	t = T("{17:YES/G5/S2, 18:NO/0/0}");
	ok(cl_traj_ever_neet(&t) && !cl_traj_persistent_neet(&t), "NEET then not known: ever but not persistent");

	/* NEET at 17, returned home (excluded) at 18: only 17 counts. */
	t = T("{17:YES/G4/B1, 18:RHOM/0/0}");
	ok(cl_traj_persistent_neet(&t), "NEET then excluded: persistent NEET over the counted observation");

	/* A conflict counts as an observation with unknown activity. */
	t = T("{17:YES/G4/B1, 18:conflict}");
	ok(cl_traj_ever_neet(&t) && !cl_traj_persistent_neet(&t), "NEET then conflict: not persistent");

	/* Only excluded observations: nothing counted, so never NEET and not persistent. */
	t = T("{17:DIED/0/0}");
	ok(!cl_traj_ever_neet(&t) && !cl_traj_persistent_neet(&t), "only excluded: neither ever nor persistent NEET");
	t = T("{}");
	ok(!cl_traj_ever_neet(&t) && !cl_traj_persistent_neet(&t) && cl_traj_accommodation_changes(&t) == 0,
	   "empty trajectory: no NEET, no changes");

	/* Gaps (no record) do not break persistence: 17 and 21 NEET, nothing between. */
	t = T("{17:YES/G6/D1, 21:YES/G5/U1}");
	ok(cl_traj_persistent_neet(&t), "NEET at 17 and 21 with no records between: persistent");
	t = T("{17:YES/G6/D1, 19:YES/P5/U1, 21:YES/G5/U1}");
	ok(cl_traj_ever_neet(&t) && !cl_traj_persistent_neet(&t), "P5 at 19 breaks persistence");

	/* Suitability: digit 2 is unsuitable; 0 is not known, not unsuitable. */
	ok(cl_traj_ever_unsuitable((t = T("{17:YES/F2/D1, 18:YES/F2/D2}"), &t)), "D2 at 18: ever unsuitable");
	ok(!cl_traj_ever_unsuitable((t = T("{17:YES/F2/D1, 18:NO/0/0}"), &t)), "D1 then 0: never unsuitable");
	ok(!cl_traj_ever_unsuitable((t = T("{17:RHOM/0/B2}"), &t)), "unsuitable while excluded does not count");

	/* Homeless or insecure: S, V, W whatever the digit; X (custody) and R (not known) are not. */
	ok(cl_traj_ever_homeless_or_insecure((t = T("{17:YES/G5/S2}"), &t)), "S2 (no fixed abode) is homeless or insecure");
	ok(cl_traj_ever_homeless_or_insecure((t = T("{19:YES/G5/V1}"), &t)), "V1 (emergency accommodation) is");
	ok(cl_traj_ever_homeless_or_insecure((t = T("{20:YES/F5/W1}"), &t)), "W1 (bed and breakfast) is");
	ok(!cl_traj_ever_homeless_or_insecure((t = T("{17:YES/G5/X2, 18:YES/G5/R2}"), &t)),
	   "X2 (custody) and R2 (residence not known) are not");

	/*
	 * Accommodation type changes: D1 -> D2 same letter (0), D -> U (1),
	 * U -> "0" skipped, U -> U (0), U -> B (2), excluded at 23 skipped.
	 */
	t = T("{17:YES/F2/D1, 18:YES/F2/D2, 19:YES/F2/U1, 20:NO/0/0, 21:YES/F2/U1, 22:YES/F2/B1, 23:RHOM/0/0}");
	is_int(cl_traj_accommodation_changes(&t), 2, "D1 D2 U1 0 U1 B1: two changes of type");
	t = T("{17:YES/F2/D1, 19:YES/F2/U1}");
	is_int(cl_traj_accommodation_changes(&t), 1, "D at 17, U at 19 (18 missing): one change");
	t = T("{17:YES/F2/D1, 18:conflict, 19:YES/F2/D1}");
	is_int(cl_traj_accommodation_changes(&t), 0, "D, conflict, D: no change");
	t = T("{17:YES/F2/S2, 18:YES/F2/S1, 19:YES/G5/V2, 20:YES/G5/S2}");
	is_int(cl_traj_accommodation_changes(&t), 2, "S S V S: two changes");
}

static void
test_transitions(void)
{
	cl_traj_transition tr[CL_TRAJ_NAGES - 1];
	cl_trajectory t;
	int			n;

	/* 17 EET, 18 nothing, 19 NEET, 20 not known: 17->18, 18->19, 19->20. */
	t = T("{17:YES/F2/D1, 19:YES/G5/S2, 20:NO/0/0}");
	n = cl_traj_transitions(&t, tr);
	is_int(n, 3, "three consecutive-age transitions from 17 to 20");
	ok(tr[0].from_age == 17 && tr[0].from_state == CL_TRAJ_EET && tr[0].to_state == CL_TRAJ_NO_RECORD,
	   "17 -> 18: EET to no record");
	ok(tr[1].from_age == 18 && tr[1].from_state == CL_TRAJ_NO_RECORD && tr[1].to_state == CL_TRAJ_NEET,
	   "18 -> 19: no record to NEET");
	ok(tr[2].from_age == 19 && tr[2].from_state == CL_TRAJ_NEET && tr[2].to_state == CL_TRAJ_NOT_KNOWN,
	   "19 -> 20: NEET to not known");

	t = T("{19:YES/F2/D1}");
	is_int(cl_traj_transitions(&t, tr), 0, "one observation: no transition");
	t = T("{}");
	is_int(cl_traj_transitions(&t, tr), 0, "no observation: no transition");
	t = T("{17:YES/F2/D1, 25:YES/F2/D1}");
	n = cl_traj_transitions(&t, tr);
	is_int(n, 8, "17 and 25: eight transitions, the whole range");
	ok(tr[7].from_age == 24 && tr[7].from_state == CL_TRAJ_NO_RECORD && tr[7].to_state == CL_TRAJ_EET,
	   "the last is 24 -> 25, no record to EET");
}

static void
test_text(void)
{
	cl_trajectory t,
				u;
	uint8_t		enc[CL_TRAJ_ENCODED_SIZE];
	char		err[256];

	t = T(" { 18 : yes / g5 / s2 ,17:YES/F2/D1 } ");
	is_str(fmt(&t), "{17:YES/F2/D1, 18:YES/G5/S2}", "white space, case and age order are normalised");
	t = T("{17:CONFLICT, 21:NREQ/0/0, 22:-/-/Z1}");
	is_str(fmt(&t), "{17:conflict, 21:NREQ/0/0, 22:-/-/Z1}", "conflict, NREQ and '-' round-trip");
	u = T(fmt(&t));
	ok(same(&t, &u), "format then parse gives the same trajectory");
	is_str(fmt((t = T("{}"), &t)), "{}", "the empty trajectory is {}");

	is_str(parse_err(""), "Expected \"{\" at the end of the text.", "empty text");
	is_str(parse_err("17:YES/F2/D1"), "Expected \"{\" at \"17:YES/F2/D1\".", "missing brace");
	is_str(parse_err("{16:YES/F2/D1}"), "Age 16 is outside the trajectory ages 17 to 25.", "age 16");
	is_str(parse_err("{1700:YES/F2/D1}"), "Expected an age at \"0:YES/F2/D1}\".", "a four-digit age");
	is_str(parse_err("{17:YES/F2/D1, 17:YES/F2/D1}"), "Age 17 appears more than once.",
		   "a repeated age is an error even when identical");
	is_str(parse_err("{17:XX/F2/D1}"),
		   "\"XX\" is not a valid IN_TOUCH code (age 17); valid codes include YES, NO, DIED, REFU, NREQ, RHOM, or \"-\" for not recorded.",
		   "an unknown IN_TOUCH code, with the valid codes");
	ok(strstr(parse_err("{18:YES/G7/D1}"), "\"G7\" is not a valid ACTIV code (age 18)") != NULL,
	   "an unknown ACTIV code names the field and age");
	ok(strstr(parse_err("{18:YES/G5/A1}"), "\"A1\" is not a valid ACCOM code (age 18)") != NULL,
	   "an unknown ACCOM code names the field and age");
	is_str(parse_err("{17:-/-/-}"), "The observation at age 17 has no recorded code (\"-/-/-\").",
		   "an observation with no code");
	is_str(parse_err("{17:YES/F2}"), "Expected \"/\" at \"}\".", "two codes only");
	is_str(parse_err("{17:YES/F2/D1"), "Expected \",\" or \"}\" at the end of the text.", "unterminated");
	is_str(parse_err("{17:YES/F2/D1} x"), "Expected the end of the text at \"x\".", "trailing text");
	is_str(parse_err("{17 YES/F2/D1}"), "Expected \":\" at \"YES/F2/D1}\".", "missing colon");
	is_str(parse_err("{17:YES/F2/D1,}"), "Expected an age at \"}\".", "trailing comma");
	ok(strstr(parse_err("{17:YESYESYESYESYESYESYES/F2/D1}"), "\"YESYESYESYESYESY...\"") != NULL,
	   "a long bad token is shortened in the message");

	/* binary form */
	t = T("{17:YES/F2/D1, 19:conflict, 25:-/G6/-}");
	cl_traj_encode(&t, enc);
	is_int(enc[0], CL_TRAJ_VERSION, "the encoding starts with the version byte");
	is_int(cl_traj_decode(enc, sizeof(enc), &u, err, sizeof(err)), 0, "and decodes");
	ok(same(&t, &u), "to the same trajectory");
	enc[0] = 2;
	is_int(cl_traj_decode(enc, sizeof(enc), &u, err, sizeof(err)), -1, "an unknown version is rejected");
	is_str(err, "Unknown format version 2 (this build reads version 1).", "with the version in the message");
	enc[0] = CL_TRAJ_VERSION;
	is_int(cl_traj_decode(enc, sizeof(enc) - 1, &u, err, sizeof(err)), -1, "a short value is rejected");
	is_int(cl_traj_decode(enc, 0, &u, err, sizeof(err)), -1, "an empty value is rejected");
	enc[1] = 4;
	is_int(cl_traj_decode(enc, sizeof(enc), &u, err, sizeof(err)), -1, "unknown flags are rejected");
	enc[1] = CL_TRAJ_PRESENT;
	enc[2] = enc[3] = enc[4] = 0;
	is_int(cl_traj_decode(enc, sizeof(enc), &u, err, sizeof(err)), -1, "an observation without codes is rejected");
	enc[2] = 7;
	is_int(cl_traj_decode(enc, sizeof(enc), &u, err, sizeof(err)), -1, "IN_TOUCH index 7 is rejected");
	enc[2] = 1;
	enc[1 + 4 * 2 + 1] = 1;		/* age 19 is a conflict: codes must be 0 */
	is_int(cl_traj_decode(enc, sizeof(enc), &u, err, sizeof(err)), -1, "a conflict with codes is rejected");
	is_str(err, "Codes are set at age 19, which has a conflict.", "and the message names the age");
}

static void
test_matrix(void)
{
	cl_transition_matrix m,
				a,
				b,
				back;
	cl_trajectory t;
	char		err[256],
				buf[4096];
	uint8_t		enc[4096];

	/*
	 * Three young people:
	 *   P1 {19 EET, 20 NEET}            -> 19:EET->NEET
	 *   P2 {19 EET, 20 EET, 21 NEET}    -> 19:EET->EET, 20:EET->NEET
	 *   P3 {19 EET, 21 NEET}            -> 19:EET->no record, 20:no record->NEET
	 * so of 3 EET at 19: one NEET, one EET and one without a record at 20.
	 */
	cl_tm_init(&m);
	cl_tm_add_trajectory(&m, (t = T("{19:YES/F2/D1, 20:YES/G5/D1}"), &t), err, sizeof(err));
	cl_tm_add_trajectory(&m, (t = T("{19:YES/F2/D1, 20:YES/P5/D1, 21:NO/G4/0}"), &t), err, sizeof(err));
	cl_tm_add_trajectory(&m, (t = T("{19:YES/F1/U1, 21:YES/G6/U1}"), &t), err, sizeof(err));
	is_int(m.count[CL_TM_CELL(19, CL_TRAJ_EET, CL_TRAJ_NEET)], 1, "19 EET -> 20 NEET: one young person (P1)");
	is_int(m.count[CL_TM_CELL(19, CL_TRAJ_EET, CL_TRAJ_EET)], 1, "19 EET -> 20 EET: P2");
	is_int(m.count[CL_TM_CELL(19, CL_TRAJ_EET, CL_TRAJ_NO_RECORD)], 1, "19 EET -> 20 no record: P3");
	is_int(m.count[CL_TM_CELL(20, CL_TRAJ_EET, CL_TRAJ_NEET)], 1, "20 EET -> 21 NEET: P2");
	is_int(m.count[CL_TM_CELL(20, CL_TRAJ_NO_RECORD, CL_TRAJ_NEET)], 1, "20 no record -> 21 NEET: P3");
	is_int(cl_tm_from_total(&m, 19, CL_TRAJ_EET), 3, "three young people EET at 19 followed to 20");
	is_int(cl_tm_from_total(&m, 20, CL_TRAJ_NEET), 0, "nobody followed from NEET at 20");
	cl_tm_format(&m, buf, sizeof(buf));
	is_str(buf, "{19:EET->EET=1, 19:EET->NEET=1, 19:EET->no record=1, 20:EET->NEET=1, 20:no record->NEET=1}",
		   "text form lists the five non-zero cells in state order");
	is_int(cl_tm_text_size(&m), strlen(buf) + 1, "cl_tm_text_size is the exact size");

	is_int(cl_tm_parse(buf, strlen(buf), &back, err, sizeof(err)), 0, "the text form parses back");
	ok(memcmp(&back, &m, sizeof(m)) == 0, "to the same matrix");
	{
		const char *any_order = " { 20 : No Record -> neet = 1 ,19:EET->EET=1,19:EET->NEET=1,19:EET->no record=1,20:EET->NEET=1, 17:NEET->EET=0}";

		is_int(cl_tm_parse(any_order, strlen(any_order), &back, err, sizeof(err)), 0,
			   "cells in any order, any case, white space and zero counts parse");
		ok(memcmp(&back, &m, sizeof(m)) == 0, "to the same matrix");
	}

	is_int(cl_tm_encoded_size(&m), 3 + 10 * 5, "binary form: 3 bytes and 10 per non-zero cell");
	cl_tm_encode(&m, enc);
	is_int(cl_tm_decode(enc, cl_tm_encoded_size(&m), &back, err, sizeof(err)), 0, "binary form decodes");
	ok(memcmp(&back, &m, sizeof(m)) == 0, "to the same matrix");
	enc[0] = 9;
	is_int(cl_tm_decode(enc, cl_tm_encoded_size(&m), &back, err, sizeof(err)), -1, "unknown version rejected");
	enc[0] = CL_TM_VERSION;
	is_int(cl_tm_decode(enc, cl_tm_encoded_size(&m) - 1, &back, err, sizeof(err)), -1, "truncated value rejected");
	{
		uint8_t		swapped[64];

		/* two cells in descending order */
		memcpy(swapped, enc, 23);
		memcpy(swapped + 3, enc + 13, 10);
		memcpy(swapped + 13, enc + 3, 10);
		swapped[2] = 2;
		is_int(cl_tm_decode(swapped, 23, &back, err, sizeof(err)), -1, "cells out of order rejected");
		memcpy(swapped, enc, 13);
		swapped[2] = 1;
		memset(swapped + 5, 0, 8);
		is_int(cl_tm_decode(swapped, 13, &back, err, sizeof(err)), -1, "a zero count is rejected");
		swapped[5] = 0x80;
		is_int(cl_tm_decode(swapped, 13, &back, err, sizeof(err)), -1, "a negative count is rejected");
	}

	is_str(tm_parse_err("{}"), "", "{} is the empty matrix");
	is_str(tm_parse_err("{25:EET->EET=1}"), "Age 25 is outside the transition ages 17 to 24.", "from age 25");
	is_str(tm_parse_err("{19:EET->NEET=1, 19:eet->neet=2}"), "The cell 19:EET->NEET appears more than once.",
		   "a repeated cell");
	is_str(tm_parse_err("{19:EET->NET=1}"),
		   "\"NET\" is not a trajectory state (EET, NEET, not known, excluded, no record, conflict).",
		   "an unknown state");
	is_str(tm_parse_err("{19:EET->NEET=}"), "Expected a count of young people at \"}\".", "a missing count");
	is_str(tm_parse_err("{19:EET->NEET=-1}"), "Expected a count of young people at \"-1}\".", "a negative count");
	is_str(tm_parse_err("{19:EET->NEET=9223372036854775808}"), "A count is larger than 9223372036854775807.",
		   "a count past int64");
	is_str(tm_parse_err("{19:EET=1}"), "Expected \"->\" at \"=1}\".", "a missing arrow");

	/* merge: per-council matrices merged equal the pooled one exactly */
	{
		int			bad = 0;

		for (int k = 0; k < 50; k++)
		{
			cl_transition_matrix pooled,
						c[3];

			cl_tm_init(&pooled);
			for (int j = 0; j < 3; j++)
				cl_tm_init(&c[j]);
			for (int p = 0; p < 40; p++)
			{
				int			council = (int) (rng() % 3);

				cl_traj_init(&t);
				for (int r = 0; r < 4; r++)
				{
					int			age,
								touch,
								activ,
								accom;

					random_row(&age, &touch, &activ, &accom);
					cl_traj_add(&t, age, touch, activ, accom, NULL, 0);
				}
				cl_tm_add_trajectory(&pooled, &t, NULL, 0);
				cl_tm_add_trajectory(&c[council], &t, NULL, 0);
			}
			cl_tm_merge(&c[2], &c[0], NULL, 0);
			cl_tm_merge(&c[2], &c[1], NULL, 0);
			if (memcmp(&c[2], &pooled, sizeof(pooled)) != 0)
				bad++;
		}
		is_int(bad, 0, "50 random splits across three councils: merged == pooled");
	}

	cl_tm_init(&a);
	cl_tm_init(&b);
	a.count[5] = INT64_MAX - 1;
	b.count[5] = 2;
	b.count[6] = 7;
	is_int(cl_tm_merge(&a, &b, err, sizeof(err)), -1, "a merge that would overflow is an error");
	ok(a.count[5] == INT64_MAX - 1 && a.count[6] == 0, "and leaves the state unchanged");
}

int
main(void)
{
	test_states();
	test_add();
	test_measures();
	test_transitions();
	test_text();
	test_matrix();
	return tap_done();
}
