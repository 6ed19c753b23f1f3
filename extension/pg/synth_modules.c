/*
 * synth_modules.c: rows of the synthetic AD1, placed-for-adoption and OC2
 * modules (careleaver.synthetic_ad1, synthetic_placed_adoption,
 * synthetic_oc2); the records are the core's (core/synth_modules.c).
 */
#include "compat.h"

#include "utils/builtins.h"
#include "utils/date.h"

#include "codes.h"
#include "synth_modules.h"
#include "synth_modules_glue.h"

void
cl_pg_synth_module_rows(cl_synth_module module, const cl_synth_params *p,
						const cl_synth_child *child, cl_srf *srf,
						Datum *values, bool *nulls)
{
	if (module == CL_SYNTH_MODULE_OC2)
	{
		cl_synth_oc2 oc2[CL_SYNTH_MAX_OC2];
		int			n = cl_synth_oc2_of(p, child, oc2);

		for (int i = 0; i < n; i++)
		{
			values[2] = Int32GetDatum(oc2[i].year);
			values[3] = DateADTGetDatum((DateADT) child->dob);
			values[4] = Int32GetDatum(oc2[i].sdq_score);
			nulls[4] = oc2[i].sdq_score < 0;
			nulls[5] = oc2[i].sdq_reason == NULL;
			values[5] = nulls[5] ? (Datum) 0 : CStringGetTextDatum(oc2[i].sdq_reason);
			cl_srf_put(srf, values, nulls);
		}
	}
	else
	{
		cl_synth_adoption a;

		if (!cl_synth_adoption_of(p, child, &a))
			return;
		values[2] = Int32GetDatum(a.year);
		values[3] = DateADTGetDatum((DateADT) child->dob);
		if (module == CL_SYNTH_MODULE_AD1)
		{
			values[4] = DateADTGetDatum((DateADT) a.decided);
			values[5] = DateADTGetDatum((DateADT) a.matched);
			values[6] = Int16GetDatum(a.foster_carer ? 1 : 0);
			values[7] = Int32GetDatum(a.foster_carer || a.rec == CL_REC_E12 ? 1 : 2);
			values[8] = CStringGetTextDatum(a.foster_carer || a.rec == CL_REC_E12 ? "F1" : "MF");
			values[9] = CStringGetTextDatum(a.foster_carer || a.rec == CL_REC_E12 ? "L3" : "L0");
		}
		else
		{
			/* the decision, ended by the adoption: its reason is the adoption's REC */
			char		rec[CL_CODE_MAX_LEN + 1];

			snprintf(rec, sizeof(rec), "%s", a.rec == CL_REC_E11 ? "E11" : "E12");
			values[4] = DateADTGetDatum((DateADT) a.decided);
			values[5] = DateADTGetDatum((DateADT) a.adopted_on);
			values[6] = CStringGetTextDatum(rec);
		}
		cl_srf_put(srf, values, nulls);
	}
}
