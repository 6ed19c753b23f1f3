/*
 * careleaver.c: module magic and module-wide declarations.
 */
#include "compat.h"

#include "fmgr.h"
#include "utils/guc.h"

PG_MODULE_MAGIC;

/* Settings are defined by the file of the concept they belong to. */
extern void cl_disclosure_define_settings(void);

void		_PG_init(void);

void
_PG_init(void)
{
	cl_disclosure_define_settings();
	CL_RESERVE_GUC_PREFIX("careleaver");
}
