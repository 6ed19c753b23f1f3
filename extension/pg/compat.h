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

/*
 * Text input errors: soft from PostgreSQL 16 (pg_input_is_valid, and COPY's
 * ON_ERROR later), hard before.  Use inside an input function only.
 */
#if PG_VERSION_NUM >= 160000
#define CL_INPUT_ERROR(...) ereturn(fcinfo->context, (Datum) 0, __VA_ARGS__)
#else
#define CL_INPUT_ERROR(...) ereport(ERROR, __VA_ARGS__)
#endif

/* Reserving a settings prefix: MarkGUCPrefixReserved from PostgreSQL 15. */
#if PG_VERSION_NUM >= 150000
#define CL_RESERVE_GUC_PREFIX(prefix) MarkGUCPrefixReserved(prefix)
#else
#define CL_RESERVE_GUC_PREFIX(prefix) EmitWarningsOnPlaceholders(prefix)
#endif

/* A relation given new storage in this transaction (TRUNCATE): renamed in PostgreSQL 16. */
#if PG_VERSION_NUM >= 160000
#define CL_REL_NEW_STORAGE_SUBID(rel) ((rel)->rd_firstRelfilelocatorSubid)
#else
#define CL_REL_NEW_STORAGE_SUBID(rel) ((rel)->rd_firstRelfilenodeSubid)
#endif

#endif							/* CL_COMPAT_H */
