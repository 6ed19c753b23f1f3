/*
 * facts.c: the writer of careleaver.refresh (doc/facts.md): fills one
 * council's partitions of child_facts and child_year_facts in one pass.
 *
 * Each child's history is built once by care_history_agg (one GROUP BY over
 * the council's episodes in key order, run through SPI), its year facts are computed
 * at once from the history in memory by the same code as
 * careleaver.child_year_facts (facts_glue.h), and both kinds of rows are
 * written with the bulk insertion COPY uses (table_multi_insert: one WAL
 * record per page, not per row).  The rows bypass the executor, so the
 * writer only writes to partitions that have nothing the executor would
 * run: no index, trigger, rule, CHECK constraint or row security, and the
 * columns of the fact tables (checked by name and type before writing).
 *
 * The council's period_facts rows (one per period of care in the window,
 * careleaver.child_period_facts) are written in the same pass, from the same
 * history in memory.
 *
 * Glue only: every fact is the core's (yearfacts.c).
 */
#include "compat.h"

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "executor/tuptable.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "parser/parse_func.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/relcache.h"

#include "history.h"
#include "cl_history_glue.h"
#include "facts_glue.h"
#include "srf.h"

PG_FUNCTION_INFO_V1(careleaver_facts_fill);
PG_FUNCTION_INFO_V1(careleaver_facts_xid_bits);

/*
 * facts_xid_bits(xid): the transaction id's 32 bits as an integer, so that a
 * fingerprint sums row versions' xmin as integers (int4 sums in bigint)
 * instead of through their text form.
 */
Datum
careleaver_facts_xid_bits(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) DatumGetTransactionId(PG_GETARG_DATUM(0)));
}

/* Rows buffered per table before one bulk insertion (as COPY does). */
#define FILL_BATCH 1000
/* Children fetched from the history query at a time. */
#define FILL_FETCH 1000

/* Columns of the history query, and of child_facts / child_year_facts. */
enum
{
	Q_CHILD, Q_HISTORY, Q_DOB, Q_SEX, Q_COLUMNS
};
#define CHILD_COLUMNS 5
/* child_year_facts: la, child, collection_year, date_of_birth_known, then the function's other columns */
#define YEAR_COLUMNS (CL_YEAR_FACTS_COLUMNS + 3)
/* period_facts: la, child, then the columns of careleaver.child_period_facts() */
#define PERIOD_COLUMNS (CL_PERIOD_FACTS_COLUMNS + 2)

/* One partition being filled. */
typedef struct FillTarget
{
	Relation	rel;
	TupleTableSlot **slots;
	int			nslots;
	int			ti_options;
	BulkInsertState bistate;
	CommandId	cid;
	int64		rows;
} FillTarget;

/* A column a partition must have: its name and type. */
typedef struct FillColumn
{
	const char *name;
	Oid			type;
} FillColumn;

/*
 * The partition rel may be written by this function: a plain table the
 * caller may insert into, with no index, trigger, rule, CHECK constraint or
 * row security (the executor would apply them; this writer does not), and
 * exactly the columns cols (n of them), in order, by name and type.
 */
static void
check_target(Relation rel, const FillColumn *cols, int n)
{
	TupleDesc	desc = RelationGetDescr(rel);
	const char *name = RelationGetRelationName(rel);
	AclResult	acl;
	int			k = 0;

	if (rel->rd_rel->relkind != RELKIND_RELATION)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is not a table", name)));
	acl = pg_class_aclcheck(RelationGetRelid(rel), GetUserId(), ACL_INSERT);
	if (acl != ACLCHECK_OK)
		aclcheck_error(acl, OBJECT_TABLE, name);
	if (RelationGetIndexList(rel) != NIL || rel->trigdesc != NULL || rel->rd_rules != NULL ||
		rel->rd_rel->relrowsecurity ||
		(desc->constr != NULL && desc->constr->num_check > 0))
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("fact table partition \"%s\" has an index, trigger, rule, check constraint or row security",
						name),
				 errdetail("careleaver.refresh writes the fact tables itself and would not apply them."),
				 errhint("Drop them from the fact tables (doc/facts.md), or drop the fact tables and run careleaver.refresh again.")));
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute a = TupleDescAttr(desc, i);

		if (a->attisdropped)
			continue;
		if (k >= n || strcmp(NameStr(a->attname), cols[k].name) != 0 || a->atttypid != cols[k].type ||
			a->attgenerated)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("fact table partition \"%s\" has column \"%s\" of type %s where careleaver.refresh writes %s",
							name, NameStr(a->attname), format_type_be(a->atttypid),
							k < n ? psprintf("\"%s\" of type %s", cols[k].name, format_type_be(cols[k].type))
							: "no column"),
					 errhint("Drop the fact tables (child_facts, child_year_facts, refresh_state) and run careleaver.refresh again.")));
		k++;
	}
	if (k != n)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("fact table partition \"%s\" lacks column \"%s\"", name, cols[k].name),
				 errhint("Drop the fact tables (child_facts, child_year_facts, refresh_state) and run careleaver.refresh again.")));
}

static void
target_open(FillTarget *t, Oid relid, const FillColumn *cols, int n)
{
	t->rel = table_open(relid, RowExclusiveLock);
	check_target(t->rel, cols, n);
	t->slots = palloc(sizeof(TupleTableSlot *) * FILL_BATCH);
	for (int i = 0; i < FILL_BATCH; i++)
		t->slots[i] = table_slot_create(t->rel, NULL);
	t->nslots = 0;
	t->cid = GetCurrentCommandId(true);
	t->bistate = GetBulkInsertState();
	/* emptied by this transaction (the refresh truncates first): no free space to look for */
	t->ti_options = (t->rel->rd_createSubid != InvalidSubTransactionId ||
					 CL_REL_NEW_STORAGE_SUBID(t->rel) != InvalidSubTransactionId)
		? TABLE_INSERT_SKIP_FSM : 0;
	t->rows = 0;
}

static void
target_flush(FillTarget *t)
{
	if (t->nslots == 0)
		return;
	table_multi_insert(t->rel, t->slots, t->nslots, t->cid, t->ti_options, t->bistate);
	for (int i = 0; i < t->nslots; i++)
		ExecClearTuple(t->slots[i]);
	t->rows += t->nslots;
	t->nslots = 0;
}

/* The next free slot's arrays; the row is added by target_add. */
static TupleTableSlot *
target_slot(FillTarget *t)
{
	TupleTableSlot *slot = t->slots[t->nslots];

	ExecClearTuple(slot);
	return slot;
}

static void
target_add(FillTarget *t, TupleTableSlot *slot)
{
	ExecStoreVirtualTuple(slot);
	if (++t->nslots == FILL_BATCH)
		target_flush(t);
}

static void
target_close(FillTarget *t)
{
	target_flush(t);
	FreeBulkInsertState(t->bistate);
	table_finish_bulk_insert(t->rel, t->ti_options);
	for (int i = 0; i < FILL_BATCH; i++)
		ExecDropSingleTupleTableSlot(t->slots[i]);
	table_close(t->rel, NoLock);	/* keep the lock to the end of the transaction */
}

/* A year row of the child being written: la, child, collection year, date of birth known, the rest. */
typedef struct YearRowArg
{
	FillTarget *target;
	Datum		la;
	Datum		child;
	bool		has_dob;
} YearRowArg;

static void
year_row_to_target(Datum *values, bool *nulls, void *arg)
{
	YearRowArg *a = arg;
	TupleTableSlot *slot = target_slot(a->target);
	Datum	   *v = slot->tts_values;
	bool	   *n = slot->tts_isnull;

	v[0] = a->la;
	n[0] = false;
	v[1] = a->child;
	n[1] = false;
	v[2] = values[0];
	n[2] = nulls[0];
	v[3] = BoolGetDatum(a->has_dob);
	n[3] = false;
	memcpy(v + 4, values + 1, sizeof(Datum) * (CL_YEAR_FACTS_COLUMNS - 1));
	memcpy(n + 4, nulls + 1, sizeof(bool) * (CL_YEAR_FACTS_COLUMNS - 1));
	target_add(a->target, slot);
}

/* A period row of the child being written: la, child, the rest. */
static void
period_row_to_target(Datum *values, bool *nulls, void *arg)
{
	YearRowArg *a = arg;
	TupleTableSlot *slot = target_slot(a->target);
	Datum	   *v = slot->tts_values;
	bool	   *n = slot->tts_isnull;

	v[0] = a->la;
	n[0] = false;
	v[1] = a->child;
	n[1] = false;
	memcpy(v + 2, values, sizeof(Datum) * CL_PERIOD_FACTS_COLUMNS);
	memcpy(n + 2, nulls, sizeof(bool) * CL_PERIOD_FACTS_COLUMNS);
	target_add(a->target, slot);
}

/*
 * The columns a fact table must have: la, child, then those of the function
 * careleaver.<fn>(care_history, date, integer, integer, date) (ncols of
 * them), with date_of_birth_known after the first when dob_known_second.
 */
static FillColumn *
fact_columns(Oid history_type, const char *fn_name, int ncols, bool dob_known_second)
{
	Oid			argtypes[5] = {history_type, DATEOID, INT4OID, INT4OID, DATEOID};
	Oid			fn;
	TupleDesc	rd;
	FillColumn *cols = palloc(sizeof(FillColumn) * (ncols + 3));
	int			k = 0;

	fn = LookupFuncName(list_make2(makeString("careleaver"), makeString(pstrdup(fn_name))), 5, argtypes,
						false);
	if (get_func_result_type(fn, NULL, &rd) != TYPEFUNC_COMPOSITE || rd->natts != ncols)
		elog(ERROR, "careleaver.%s does not return %d columns", fn_name, ncols);
	cols[k++] = (FillColumn) {"la", TEXTOID};
	cols[k++] = (FillColumn) {"child", TEXTOID};
	for (int i = 0; i < rd->natts; i++)
	{
		cols[k++] = (FillColumn) {pstrdup(NameStr(TupleDescAttr(rd, i)->attname)), TupleDescAttr(rd, i)->atttypid};
		if (i == 0 && dob_known_second)
			cols[k++] = (FillColumn) {"date_of_birth_known", BOOLOID};
	}
	return cols;
}

/*
 * facts_fill(dataset text, la text, child_partition regclass,
 *            year_partition regclass, period_partition regclass,
 *            first_year integer, last_year integer, data_end date,
 *            OUT children bigint, OUT child_years bigint, OUT periods bigint)
 *
 * Writes the council's child_facts, child_year_facts and period_facts rows
 * into the three (empty) partitions; the caller (careleaver.refresh) has checked the
 * dataset's owner, taken its lock and emptied the partitions.
 */
Datum
careleaver_facts_fill(PG_FUNCTION_ARGS)
{
	text	   *dataset = PG_GETARG_TEXT_PP(0);
	Datum		la = PointerGetDatum(PG_GETARG_TEXT_PP(1));
	Oid			child_rel = PG_GETARG_OID(2);
	Oid			year_rel = PG_GETARG_OID(3);
	Oid			period_rel = PG_GETARG_OID(4);
	int			first = PG_GETARG_INT32(5);
	int			last = PG_GETARG_INT32(6);
	cl_date		data_end = cl_pg_date_arg(fcinfo, 7, "data end date");
	TupleDesc	result = cl_row_type(fcinfo);
	const char *schema = quote_identifier(text_to_cstring(dataset));
	MemoryContext per_child;
	MemoryContext old;
	FillTarget	children;
	FillTarget	years;
	FillTarget	periods;
	Portal		portal;
	Oid			argtypes[1] = {TEXTOID};
	Datum		args[1];
	Datum		out[3];
	bool		out_null[3] = {false, false, false};
	FillColumn *ycols = NULL;
	FillColumn *pcols = NULL;
	bool		opened = false;
	char	   *optional_columns;
	int			guc_level;
	static const char *const plan_settings[] = {
		"enable_hashagg", "enable_hashjoin", "enable_bitmapscan", "enable_seqscan"
	};

	if (last < first || last - first >= CL_YEAR_FACTS_MAX_YEARS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("collection years %d to %d are not a window of 1 to %d years",
						first, last, CL_YEAR_FACTS_MAX_YEARS)));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	/* never run another role's code: the dataset is the caller's (doc/dataset.md) */
	args[0] = PointerGetDatum(dataset);
	if (SPI_execute_with_args("SELECT careleaver.dataset_check_owner($1)", 1, argtypes, args, NULL, false, 1)
		!= SPI_OK_SELECT)
		elog(ERROR, "dataset owner check failed");

	/*
	 * Each child once: the history built by care_history_agg, with the
	 * header's date of birth and sex.
	 */
	/* a dataset made by hand may lack the optional episode columns: NULL of their type then */
	if (SPI_execute_with_args(
			"SELECT careleaver.facts_episode_column($1, 'cin', 'careleaver.need_category'), "
			"careleaver.facts_episode_column($1, 'place_provider', 'careleaver.placement_provider'), "
			"careleaver.facts_episode_column($1, 'reason_place_change', 'careleaver.placement_change_reason')",
			1, argtypes, args, NULL, true, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "facts_episode_column failed");
	optional_columns = psprintf("%s, %s, %s", SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1),
								SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2),
								SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3));
	args[0] = la;

	/*
	 * Planned as a walk of the episodes' key (la, child, decom) grouped as it
	 * goes, merged with the header's key: no hash table of every child and no
	 * sort (a third faster than the hashed plan the planner prefers), and only
	 * this council's rows.  The settings hold for the planning only, as a
	 * function's SET clause would.
	 */
	guc_level = NewGUCNestLevel();
	for (int i = 0; i < lengthof(plan_settings); i++)
		(void) set_config_option(plan_settings[i], "off", PGC_USERSET, PGC_S_SESSION, GUC_ACTION_SAVE, true, 0,
								 false);
	portal = SPI_cursor_open_with_args(NULL, psprintf(
		"SELECT x.child, x.history, hd.dob, hd.sex "
		"FROM (SELECT e.child, careleaver.care_history_agg(e.decom, e.\"dec\", e.rne, e.ls, e.place, e.rec, "
		"             %s) AS history "
		"        FROM %s.episodes e WHERE e.la = $1 GROUP BY e.child) x "
		"LEFT JOIN %s.header hd ON hd.la = $1 AND hd.child = x.child", optional_columns, schema, schema),
		1, argtypes, args, NULL, false, 0);
	AtEOXact_GUC(true, guc_level);

	per_child = AllocSetContextCreate(CurrentMemoryContext, "careleaver facts_fill", ALLOCSET_DEFAULT_SIZES);
	for (;;)
	{
		SPI_cursor_fetch(portal, true, FILL_FETCH);
		if (SPI_processed == 0)
			break;
		if (!opened)
		{
			TupleDesc	q = SPI_tuptable->tupdesc;
			FillColumn	ccols[CHILD_COLUMNS] = {
				{"la", TEXTOID}, {"child", TEXTOID}, {"date_of_birth", DATEOID},
				{"sex", TupleDescAttr(q, Q_SEX)->atttypid}, {"history", TupleDescAttr(q, Q_HISTORY)->atttypid}
			};

			target_open(&children, child_rel, ccols, CHILD_COLUMNS);
			ycols = fact_columns(TupleDescAttr(q, Q_HISTORY)->atttypid, "child_year_facts",
								 CL_YEAR_FACTS_COLUMNS, true);
			target_open(&years, year_rel, ycols, YEAR_COLUMNS);
			pcols = fact_columns(TupleDescAttr(q, Q_HISTORY)->atttypid, "child_period_facts",
								 CL_PERIOD_FACTS_COLUMNS, false);
			target_open(&periods, period_rel, pcols, PERIOD_COLUMNS);
			opened = true;
		}
		for (uint64 r = 0; r < SPI_processed; r++)
		{
			HeapTuple	tup = SPI_tuptable->vals[r];
			TupleDesc	q = SPI_tuptable->tupdesc;
			TupleTableSlot *slot = target_slot(&children);
			bool		isnull[Q_COLUMNS];
			Datum		v[Q_COLUMNS];
			YearRowArg	ya;
			cl_history	h;
			cl_date		dob = 0;
			struct varlena *hv;
			char		err[256];

			CHECK_FOR_INTERRUPTS();
			for (int c = 0; c < Q_COLUMNS; c++)
				v[c] = SPI_getbinval(tup, q, c + 1, &isnull[c]);
			if (!isnull[Q_DOB])
				dob = cl_pg_birth_date(DatumGetDateADT(v[Q_DOB]));
			slot->tts_values[0] = la;
			slot->tts_isnull[0] = false;
			slot->tts_values[1] = v[Q_CHILD];
			slot->tts_isnull[1] = false;
			slot->tts_values[2] = v[Q_DOB];
			slot->tts_isnull[2] = isnull[Q_DOB];
			slot->tts_values[3] = v[Q_SEX];
			slot->tts_isnull[3] = isnull[Q_SEX];
			slot->tts_values[4] = v[Q_HISTORY];
			slot->tts_isnull[4] = false;

			old = MemoryContextSwitchTo(per_child);
			hv = (struct varlena *) PG_DETOAST_DATUM(v[Q_HISTORY]);
			if (!cl_history_view(VARDATA(hv), VARSIZE(hv) - VARHDRSZ, &h, err, sizeof err))
				elog(ERROR, "invalid careleaver.care_history value: %s", err);
			ya.target = &years;
			ya.la = la;
			ya.child = v[Q_CHILD];
			ya.has_dob = !isnull[Q_DOB];
			cl_pg_year_facts_rows(&h, ya.has_dob, dob, first, last, data_end, year_row_to_target, &ya);
			ya.target = &periods;
			cl_pg_period_facts_rows(&h, ya.has_dob, dob, first, last, data_end, period_row_to_target, &ya);
			MemoryContextSwitchTo(old);
			MemoryContextReset(per_child);
			/* after the child's year rows: a flush of child rows never waits on them */
			target_add(&children, slot);
		}
		/* the buffered rows point into the fetched tuples: write them before these are freed */
		target_flush(&children);
		target_flush(&years);
		target_flush(&periods);
		SPI_freetuptable(SPI_tuptable);
	}
	SPI_cursor_close(portal);
	MemoryContextDelete(per_child);

	out[0] = Int64GetDatum(0);
	out[1] = Int64GetDatum(0);
	out[2] = Int64GetDatum(0);
	if (opened)
	{
		target_close(&children);
		target_close(&years);
		target_close(&periods);
		out[0] = Int64GetDatum(children.rows);
		out[1] = Int64GetDatum(years.rows);
		out[2] = Int64GetDatum(periods.rows);
	}
	SPI_finish();
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(result, out, out_null)));
}
