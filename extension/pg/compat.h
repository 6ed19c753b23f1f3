/*
 * compat.h: the one place where PostgreSQL major-version differences live
 * (13 to 17).  Every glue file includes this after postgres.h.
 */
#ifndef CL_COMPAT_H
#define CL_COMPAT_H

#include "postgres.h"

#if PG_VERSION_NUM < 130000
#error "careleaver needs PostgreSQL 13 or later"
#endif

/* varatt.h was split out of postgres.h in PostgreSQL 16. */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

#endif							/* CL_COMPAT_H */
