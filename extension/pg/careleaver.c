/*
 * careleaver.c: module magic and module-wide declarations.
 */
#include "compat.h"

#include "fmgr.h"

PG_MODULE_MAGIC;
