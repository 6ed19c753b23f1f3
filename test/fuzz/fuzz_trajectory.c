/*
 * libFuzzer harness over the trajectory parsers (trajectory.h): the text
 * forms of leaver_trajectory and transition_matrix and their binary forms.
 * The first byte picks the parser; the rest is the input, copied into an
 * exact-size heap buffer so ASan catches any over-read.  Invariants checked:
 * an accepted value is valid, formats to text that parses back to the same
 * value, and survives the binary round trip; every derived measure runs.
 */
#include "trajectory.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_trajectory(const cl_trajectory *t)
{
	char		text[CL_TRAJ_TEXT_MAX];
	uint8_t		enc[CL_TRAJ_ENCODED_SIZE];
	cl_trajectory back;
	cl_traj_transition tr[CL_TRAJ_NAGES - 1];
	cl_transition_matrix m;
	char		err[256];

	if (!cl_traj_valid(t, err, sizeof(err)))
		abort();
	cl_traj_format(t, text);
	if (cl_traj_parse(text, strlen(text), &back, err, sizeof(err)) != 0 ||
		memcmp(&back, t, sizeof(back)) != 0)
		abort();
	cl_traj_encode(t, enc);
	if (cl_traj_decode(enc, sizeof(enc), &back, err, sizeof(err)) != 0 ||
		memcmp(&back, t, sizeof(back)) != 0)
		abort();
	if (cl_traj_persistent_neet(t) && !cl_traj_ever_neet(t))
		abort();
	(void) cl_traj_ever_unsuitable(t);
	(void) cl_traj_ever_homeless_or_insecure(t);
	if (cl_traj_accommodation_changes(t) < 0 ||
		cl_traj_accommodation_changes(t) >= CL_TRAJ_NAGES)
		abort();
	if (cl_traj_transitions(t, tr) > CL_TRAJ_NAGES - 1)
		abort();
	cl_tm_init(&m);
	if (cl_tm_add_trajectory(&m, t, err, sizeof(err)) != 0)
		abort();
}

static void
check_matrix(const cl_transition_matrix *m)
{
	size_t		tsize = cl_tm_text_size(m),
				esize = cl_tm_encoded_size(m);
	char	   *text = malloc(tsize);
	uint8_t    *enc = malloc(esize);
	cl_transition_matrix back;
	char		err[256];

	if (text == NULL || enc == NULL)
		abort();
	cl_tm_format(m, text, tsize);
	if (strlen(text) + 1 != tsize ||
		cl_tm_parse(text, strlen(text), &back, err, sizeof(err)) != 0 ||
		memcmp(&back, m, sizeof(back)) != 0)
		abort();
	cl_tm_encode(m, enc);
	if (cl_tm_decode(enc, esize, &back, err, sizeof(err)) != 0 ||
		memcmp(&back, m, sizeof(back)) != 0)
		abort();
	free(text);
	free(enc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *buf;
	char		err[256];
	size_t		n;

	if (size < 1)
		return 0;
	n = size - 1;
	buf = malloc(n ? n : 1);
	if (buf == NULL)
		return 0;
	memcpy(buf, data + 1, n);
	switch (data[0] % 4)
	{
		case 0:
			{
				cl_trajectory t;

				if (cl_traj_parse(buf, n, &t, err, sizeof(err)) == 0)
					check_trajectory(&t);
				else if (memchr(err, '\0', sizeof(err)) == NULL)
					abort();
				break;
			}
		case 1:
			{
				cl_trajectory t;

				if (cl_traj_decode((const uint8_t *) buf, n, &t, err, sizeof(err)) == 0)
					check_trajectory(&t);
				break;
			}
		case 2:
			{
				cl_transition_matrix *m = malloc(sizeof(*m));

				if (m == NULL)
					abort();
				if (cl_tm_parse(buf, n, m, err, sizeof(err)) == 0)
					check_matrix(m);
				free(m);
				break;
			}
		default:
			{
				cl_transition_matrix *m = malloc(sizeof(*m));

				if (m == NULL)
					abort();
				if (cl_tm_decode((const uint8_t *) buf, n, m, err, sizeof(err)) == 0)
					check_matrix(m);
				free(m);
				break;
			}
	}
	free(buf);
	return 0;
}
