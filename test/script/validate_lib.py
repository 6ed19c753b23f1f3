"""Shared helpers of the validation conformance tests (test/script/validate_*.t).

Loads peer CSV files into a careleaver dataset schema the way a council's
loaded return looks: one row per file row, `source_line` = the row number the
peer tool reports (the `__row` column of a fixture, the 0-based data row of
the fake-data files), so flagged rows can be compared one to one.

Cells are converted in the database: dates (DD/MM/YYYY or ISO) that do not
parse, and codes that the column's code type rejects, are stored as NULL and
recorded in the dataset's `rejects` table (column, value, reason), which is
where careleaver.validate finds "given but not a code" (rules 131-133, 153).
"""
import csv, datetime, json, os, re, subprocess, sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
# Peer fixtures vendored with their provenance (test/data/README.md).
TEST_DATA = os.path.join(REPO, 'test', 'data')
PSQL = os.path.join(os.environ['PGTMP_INST_BINDIR'], 'psql') if os.environ.get('PGTMP_INST_BINDIR') else 'psql'
DB = os.environ.get('CARELEAVER_VALIDATE_DB', 'careleaver_validate')


def psql(sql, db=None, check=True):
    r = subprocess.run([PSQL, '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-d', db or DB],
                       input=sql, capture_output=True, text=True)
    if check and r.returncode != 0:
        raise RuntimeError('psql failed: ' + r.stderr + '\n--- SQL (start) ---\n' + sql[:3000])
    return r.stdout


def lit(v):
    if v is None:
        return 'NULL'
    return "'" + v.replace("'", "''") + "'"


SETUP = r"""
CREATE EXTENSION IF NOT EXISTS careleaver;
-- a date cell: DD/MM/YYYY or ISO, else NULL plus a reject row
CREATE OR REPLACE FUNCTION public.fx_date(v text, shift integer, ds text, la text, yr integer,
                                          file text, line integer, col text) RETURNS date
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE d date;
BEGIN
  IF v IS NULL OR btrim(v) = '' THEN RETURN NULL; END IF;
  BEGIN
    IF v ~ '^\s*\d{1,2}/\d{1,2}/\d{4}\s*$' THEN d := to_date(btrim(v), 'DD/MM/YYYY');
      IF to_char(d, 'FMDD/FMMM/YYYY') <> regexp_replace(btrim(v), '(^|/)0', '\1', 'g') THEN d := NULL; END IF;
    ELSIF v ~ '^\s*\d{4}-\d{2}-\d{2}( 00:00:00)?\s*$' THEN d := left(btrim(v), 10)::date;
    END IF;
  EXCEPTION WHEN others THEN d := NULL;
  END;
  IF d IS NULL THEN
    EXECUTE format('INSERT INTO %I.rejects (la, year, source_file, source_line, column_name, value, reason) '
                   'VALUES ($1, $2, $3, $4, $5, $6, $7)', ds)
      USING la, yr, file, line, col, v, 'not a date';
    RETURN NULL;
  END IF;
  RETURN d + make_interval(years => shift);
END $$;
-- a code cell: the column type's own input function decides
CREATE OR REPLACE FUNCTION public.fx_code(v text, typ text, ds text, la text, yr integer,
                                          file text, line integer, col text) RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE r text;
BEGIN
  IF v IS NULL OR btrim(v) = '' THEN RETURN NULL; END IF;
  IF typ IN ('text', 'character varying') THEN RETURN v; END IF;
  BEGIN
    EXECUTE format('SELECT (%L::%s)::text', v, typ) INTO r;
  EXCEPTION WHEN invalid_text_representation OR check_violation OR invalid_parameter_value THEN
    EXECUTE format('INSERT INTO %I.rejects (la, year, source_file, source_line, column_name, value, reason) '
                   'VALUES ($1, $2, $3, $4, $5, $6, $7)', ds)
      USING la, yr, file, line, col, v, 'not a ' || typ || ' code';
    r := NULL;
  END;
  RETURN r;
END $$;
"""

# Used only while careleaver.create_dataset is not installed: the return
# tables of DATASET-SPEC.md, code columns typed with the extension's code
# types when they exist (as create_dataset does), else text.
FALLBACK_DDL = """
CREATE SCHEMA {s};
CREATE TABLE {s}.return_header (la text NOT NULL, year integer NOT NULL, child text, sex text, dob date,
  ethnic text, upn text, mother smallint, mc_dob date, source_file text NOT NULL, source_line integer NOT NULL,
  PRIMARY KEY (la, year, source_file, source_line));
CREATE TABLE {s}.return_episodes (la text NOT NULL, year integer NOT NULL, child text, decom date,
  rne {new_episode_reason}, ls {legal_status}, cin {need_category}, place {placement_type},
  place_provider {placement_provider}, dec date, rec {ceased_reason},
  reason_place_change {placement_change_reason}, home_post text, pl_post text, urn text,
  source_file text NOT NULL, source_line integer NOT NULL, PRIMARY KEY (la, year, source_file, source_line));
CREATE TABLE {s}.return_oc3 (la text NOT NULL, year integer NOT NULL, child text, dob date,
  in_touch {contact_status}, activ {leaver_activity}, accom {leaver_accommodation},
  source_file text NOT NULL, source_line integer NOT NULL, PRIMARY KEY (la, year, source_file, source_line));
CREATE TABLE {s}.return_uasc (la text NOT NULL, year integer NOT NULL, child text, sex text, dob date,
  duc date, source_file text NOT NULL, source_line integer NOT NULL,
  PRIMARY KEY (la, year, source_file, source_line));
CREATE TABLE {s}.rejects (la text, year integer, source_file text NOT NULL, source_line integer,
  column_name text, value text, reason text);
"""
CODE_TYPES = ['new_episode_reason', 'legal_status', 'need_category', 'placement_type', 'placement_provider',
              'ceased_reason', 'placement_change_reason', 'contact_status', 'leaver_activity',
              'leaver_accommodation']


def setup_db():
    psql('DROP DATABASE IF EXISTS %s' % DB, db='postgres')
    psql('CREATE DATABASE %s' % DB, db='postgres')
    psql(SETUP)


def create_dataset(schema):
    has = psql("SELECT to_regprocedure('careleaver.create_dataset(text)') IS NOT NULL").strip() == 't'
    if has:
        psql("SELECT careleaver.create_dataset(%s)" % lit(schema))
    else:
        t = {}
        for ty in CODE_TYPES:
            ok = psql("SELECT to_regtype('careleaver.%s') IS NOT NULL" % ty).strip() == 't'
            t[ty] = 'careleaver.' + ty if ok else 'text'
        psql(FALLBACK_DDL.format(s='"%s"' % schema, **t))


def column_types(schema):
    out = psql("""SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
                    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = %s AND a.attnum > 0 AND NOT a.attisdropped""" % lit(schema))
    types = {}
    for line in out.splitlines():
        t, c, ty = line.split('|')
        types.setdefault(t, {})[c] = ty
    return types


def load_rows(schema, types, module, year, file, header, rows, la='FX', shift=0,
              synth_child=False, synth_decom_start=None):
    """rows: list of (source_line, {COLUMN: value}). Returns the SQL to insert them."""
    table = 'return_' + module
    cols = types[table]
    stmts = []
    for line, rec in rows:
        names, exprs = ['la', 'year', 'source_file', 'source_line'], [lit(la), str(year), lit(file), str(line)]
        for col, ty in cols.items():
            if col in ('la', 'year', 'source_file', 'source_line'):
                continue
            v = rec.get(col.upper())
            if v is not None and v.strip() == '':
                v = None
            if col == 'child' and 'CHILD' not in header and synth_child:
                e = lit('row%d' % line)
            elif col == 'decom' and 'DECOM' not in header and synth_decom_start is not None:
                e = "(DATE %s + %d)" % (lit(synth_decom_start.isoformat()), line)
            elif v is None:
                e = 'NULL'
            elif ty == 'date':
                e = "public.fx_date(%s, %d, %s, %s, %d, %s, %d, %s)" % (
                    lit(v), shift, lit(schema), lit(la), year, lit(file), line, lit(col.upper()))
            elif ty in ('smallint', 'integer'):
                e = '%s::%s' % (lit(v.strip()), ty) if re.fullmatch(r'\s*-?\d+\s*', v) else 'NULL'
            elif ty in ('text', 'character varying'):
                e = lit(v)
            else:
                e = "(public.fx_code(%s, %s, %s, %s, %d, %s, %d, %s))::%s" % (
                    lit(v), lit(ty), lit(schema), lit(la), year, lit(file), line, lit(col.upper()), ty)
            names.append('"%s"' % col)
            exprs.append(e)
        stmts.append('INSERT INTO "%s".%s (%s) VALUES (%s);' % (schema, table, ', '.join(names), ', '.join(exprs)))
    return '\n'.join(stmts)


def read_csv(path):
    with open(path, newline='', encoding='utf-8-sig') as f:
        r = csv.DictReader(f)
        header = [h.upper() for h in r.fieldnames]
        rows = [{k.upper(): v for k, v in row.items()} for row in r]
    return header, rows


def validate(schema, year, la=None):
    out = psql("SELECT rule_code, table_name, la, child, row_ref FROM careleaver.validate(%s, %d%s)"
               % (lit(schema), year, '' if la is None else ', ' + lit(la)))
    res = []
    for line in out.splitlines():
        code, table, la_, child, ref = line.split('|')
        f, _, n = ref.rpartition(':')
        res.append((code, table, la_, child, f, int(n)))
    return res


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, name, diag=None):
        self.n += 1
        if not cond:
            self.failed += 1
        print('%sok %d - %s' % ('' if cond else 'not ', self.n, name))
        if not cond and diag:
            for l in str(diag).splitlines():
                print('#   ' + l)
        sys.stdout.flush()

    def done(self):
        print('1..%d' % self.n)
        sys.exit(1 if self.failed else 0)
