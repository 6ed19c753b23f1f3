#!/usr/bin/env python3
"""Generates extension/sql/10_codes.sql: the ten SSDA903 code types.

Every type has the same shape, so its SQL is written once here.  The build
(Makefile) runs
    extension/codes_facts > FACTS; python3 extension/gen_codes_sql.py FACTS > extension/sql/10_codes.sql
Edit this file, not the generated SQL.  The codes themselves live only in
extension/core/codes.c: the comments that name codes take them from FACTS,
which extension/codes_facts.c prints from the core.
"""
import re
import sys

TYPES = [
    # name, DfE field, what it is (the codes themselves: extension/core/codes.c)
    ("legal_status", "LS", "legal status of an episode"),
    ("new_episode_reason", "RNE", "reason for a new episode"),
    ("placement_type", "PLACE", "placement type of an episode"),
    ("ceased_reason", "REC", "reason an episode ceased"),
    ("need_category", "CIN", "category of need"),
    ("placement_provider", "PLACE_PROVIDER", "placement provider"),
    ("placement_change_reason", "REASON_PLACE_CHANGE", "reason for a change of placement"),
    ("contact_status", "IN_TOUCH", "care leaver's contact status (OC3)"),
    ("leaver_activity", "ACTIV", "care leaver's main activity (OC3)"),
    ("leaver_accommodation", "ACCOM", "care leaver's accommodation (OC3)"),
]

# (sql name, type, result, C symbol, comment).  In a comment, {codes} is the
# codes for which the function is true and {groups} each group with its codes,
# both as the core decides them (extension/codes_facts.c), so no code list is
# written here.
GROUPINGS = [
    ("is_short_break", "legal_status", "boolean", "careleaver_is_short_break",
     "True for {codes} (agreed series of short breaks): such episodes are left out of every count (metrics.md section 2)."),
    ("legal_status_group", "legal_status", "text", "careleaver_legal_status_group",
     "DfE legal-status group: {groups}."),
    ("placement_group", "placement_type", "text", "careleaver_placement_group",
     "Placement group as in 0.1.0 (our choices in doc/codes.md; DfE's published breakdown is dfe_placement_group): {groups}."),
    ("dfe_placement_group", "placement_type", "text", "careleaver_dfe_placement_group",
     "DfE's published breakdown of children looked after by placement, with DfE's labels (Dashboard indicators 48, 49, 50; doc/codes.md): {groups}."),
    ("is_kinship_foster_placement", "placement_type", "boolean", "careleaver_is_kinship_foster_placement",
     "True for foster care with relatives or friends ({codes}), false for every other placement."),
    ("is_temporary_placement", "placement_type", "boolean", "careleaver_is_temporary_placement",
     "True for {codes}: temporary placements, which are not counted as placements (metrics.md section 3)."),
    ("starts_placement", "new_episode_reason", "boolean", "careleaver_starts_placement",
     "True when an episode with this reason starts a new placement: {codes} (metrics.md section 3)."),
    ("starts_carer_spell", "new_episode_reason", "boolean", "careleaver_starts_carer_spell",
     "True when an episode with this reason starts a new carer spell: {codes} (metrics.md section 3)."),
    ("ceased_reason_group", "ceased_reason", "text", "careleaver_ceased_reason_group",
     "Reason-ceased group: {groups}."),
    ("is_adoption", "ceased_reason", "boolean", "careleaver_is_adoption",
     "True for {codes} (adopted)."),
    ("is_special_guardianship_order", "ceased_reason", "boolean", "careleaver_is_special_guardianship_order",
     "True for {codes} (special guardianship order)."),
    ("is_returned_home", "ceased_reason", "boolean", "careleaver_is_returned_home",
     "True for {codes} (returned home, metrics.md section 6)."),
    ("is_family_exit", "ceased_reason", "boolean", "careleaver_is_family_exit",
     "True for {codes} (the family-exit group of metrics.md section 6)."),
    ("activity_group", "leaver_activity", "text", "careleaver_activity_group",
     "Activity class, metrics.md section 5: {groups}."),
    ("is_higher_education", "leaver_activity", "boolean", "careleaver_is_higher_education",
     "True for {codes} (higher education)."),
    ("is_apprenticeship", "leaver_activity", "boolean", "careleaver_is_apprenticeship",
     "True for {codes} (apprenticeship)."),
    ("activity_dfe_breakdown", "leaver_activity", "text", "careleaver_activity_dfe_breakdown",
     "The row of DfE's published care-leaver activity table (breakdown of la_care_leavers_activity.csv) the code is counted in, in DfE's words (metrics.md 12): {groups}."),
    ("accommodation_type", "leaver_accommodation", "text", "careleaver_accommodation_type",
     "The accommodation type: the letter of the code (B1 gives B); NULL for 0 (not known)."),
    ("accommodation_type_label", "leaver_accommodation", "text", "careleaver_accommodation_type_label",
     "The accommodation type's published category, e.g. 'With former foster carers' for Z1 and Z2; NULL for 0."),
    ("is_suitable", "leaver_accommodation", "boolean", "careleaver_is_suitable",
     "True when the accommodation is considered suitable ({codes:is_suitable:true}), false when unsuitable ({codes:is_suitable:false}); NULL for {codes:is_suitable:null}: no information, and gone abroad, deported or residence not known, which DfE leaves out of the suitability numerator and total (metrics.md section 5)."),
    ("is_homeless_or_insecure", "leaver_accommodation", "boolean", "careleaver_is_homeless_or_insecure",
     "True for {codes} (no fixed abode or homeless, emergency accommodation, bed and breakfast): our choice, metrics.md section 5."),
]

FN = "LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE"
INT = "LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE"

OPS = [
    # op, suffix, internal fn, commutator, negator, restrict, join, strategy, words
    ("<", "lt", "int2lt", ">", ">=", "scalarltsel", "scalarltjoinsel", 1, "comes before"),
    ("<=", "le", "int2le", ">=", ">", "scalarlesel", "scalarlejoinsel", 2, "comes before or is"),
    ("=", "eq", "int2eq", "=", "<>", "eqsel", "eqjoinsel", 3, "is"),
    (">=", "ge", "int2ge", "<=", "<", "scalargesel", "scalargejoinsel", 4, "comes after or is"),
    (">", "gt", "int2gt", "<", "<=", "scalargtsel", "scalargtjoinsel", 5, "comes after"),
    ("<>", "ne", "int2ne", "<>", "=", "neqsel", "neqjoinsel", None, "is not"),
]


def fncomment(name, op, words):
    if op == "=":
        return f"True when the two {name} codes are the same; implements =."
    if op == "<>":
        return f"True when the two {name} codes differ; implements <>."
    return f"True when the first {name} {words} the second in DfE list order; implements {op}."


def opcomment(name, op):
    if op == "=":
        return f"{name} equality"
    if op == "<>":
        return f"{name} inequality"
    return f"{name} {op} {name}, in DfE list order"


# Operators between a code and text: they compare the code's DfE spelling as
# text would (C: code_text_op), so a query means the same whether it finds
# these or text's own through the implicit cast.  Defined here so that a
# careleaver-first search_path never reaches another schema's operator of the
# same signature.  (op, suffix, text fn, commutator, negator, restrict, join)
TEXT_OPS = [
    ("=", "eq", "=", "<>", "eqsel", "eqjoinsel"),
    ("<>", "ne", "<>", "=", "neqsel", "neqjoinsel"),
    ("<", "lt", ">", ">=", "scalarltsel", "scalarltjoinsel"),
    ("<=", "le", ">=", ">", "scalarlesel", "scalarlejoinsel"),
    (">", "gt", "<", "<=", "scalargtsel", "scalargtjoinsel"),
    (">=", "ge", "<=", "<", "scalargesel", "scalargejoinsel"),
]
LIKE_OPS = [
    # op, function suffix, negator, restrict, join, words
    ("~~", "like", "!~~", "likesel", "likejoinsel", "matches the LIKE pattern"),
    ("!~~", "notlike", "~~", "nlikesel", "nlikejoinsel", "does not match the LIKE pattern"),
    ("~~*", "ilike", "!~~*", "iclikesel", "iclikejoinsel", "matches the ILIKE pattern"),
    ("!~~*", "notilike", "~~*", "icnlikesel", "icnlikejoinsel", "does not match the ILIKE pattern"),
]


def code_text_operators(w, name, t):
    for op, suf, com, neg, rs, js in TEXT_OPS:
        extra = ", HASHES" if op == "=" else ""
        for left, right, fn, cfn_args in ((t, "text", f"{t}_{suf}_text", ("text", t)),
                                          ("text", t, f"careleaver.text_{suf}_{name}", (t, "text"))):
            sym = fn.replace("careleaver.", "careleaver_", 1)
            w(f"CREATE FUNCTION {fn}({left}, {right}) RETURNS boolean\n  AS 'MODULE_PATHNAME', '{sym}' {FN};")
            w(f"COMMENT ON FUNCTION {fn}({left}, {right}) IS {q(f'Compares a {name} code, as its DfE spelling, with text ({op}), as text does; implements {op}.')};")
            w(f"CREATE OPERATOR careleaver.{op} (\n  LEFTARG = {left}, RIGHTARG = {right}, FUNCTION = {fn},\n"
              f"  COMMUTATOR = OPERATOR(careleaver.{com}), NEGATOR = OPERATOR(careleaver.{neg}),\n"
              f"  RESTRICT = {rs}, JOIN = {js}{extra}\n);")
            w(f"COMMENT ON OPERATOR careleaver.{op} ({left}, {right}) IS {q(f'{left} {op} {right}, comparing the DfE spelling as text')};")
    for op, suf, neg, rs, js, words in LIKE_OPS:
        fn = f"{t}_{suf}"
        w(f"CREATE FUNCTION {fn}({t}, text) RETURNS boolean\n  AS 'MODULE_PATHNAME', 'careleaver_{name}_{suf}' {FN};")
        w(f"COMMENT ON FUNCTION {fn}({t}, text) IS {q(f'True when the DfE spelling of a {name} code {words}; implements {op}.')};")
        w(f"CREATE OPERATOR careleaver.{op} (\n  LEFTARG = {t}, RIGHTARG = text, FUNCTION = {fn},\n"
          f"  NEGATOR = OPERATOR(careleaver.{neg}), RESTRICT = {rs}, JOIN = {js}\n);")
        w(f"COMMENT ON OPERATOR careleaver.{op} ({t}, text) IS {q(f'{name} {words} (the DfE spelling)')};")
    # = between a code and text hash-joins: the code hashes as its spelling
    w(f"CREATE FUNCTION {t}_hash_text({t}) RETURNS integer\n  AS 'MODULE_PATHNAME', 'careleaver_{name}_hash_text' {FN};")
    w(f"COMMENT ON FUNCTION {t}_hash_text({t}) IS {q(f'Hash of the DfE spelling of a {name} code, as text hashes it (hash joins of a code column with a text column).')};")
    w(f"CREATE OPERATOR FAMILY careleaver.{name}_text_ops USING hash;")
    w(f"ALTER OPERATOR FAMILY careleaver.{name}_text_ops USING hash ADD\n"
      f"  OPERATOR 1 careleaver.= ({t}, text),\n  OPERATOR 1 careleaver.= (text, {t}),\n"
      f"  FUNCTION 1 ({t}, {t}) {t}_hash_text({t}),\n  FUNCTION 1 (text, text) pg_catalog.hashtext(text);")
    w(f"COMMENT ON OPERATOR FAMILY careleaver.{name}_text_ops USING hash IS {q(f'Hash joins of {name} with text on the DfE spelling.')};")


def read_facts(path):
    """The facts printed by extension/codes_facts.c (see there)."""
    facts = {"order": {}, "true": {}, "group": {}}
    with open(path, encoding="utf-8") as f:
        for line in f:
            kind, *rest = line.rstrip("\n").split("\t")
            if kind == "group":
                facts["group"].setdefault(rest[0], []).append((rest[1], rest[2].split(",")))
            else:
                facts[kind][rest[0]] = rest[1].split(",") if rest[1] else []
    return facts


def fill(template, name, facts):
    """A comment with {codes}, {codes:KEY} and {groups} filled from the facts."""
    def codes(key):
        if key not in facts["true"]:
            sys.exit("gen_codes_sql: no facts for %s" % key)
        return ", ".join(facts["true"][key])

    text = re.sub(r"\{codes(?::([a-z_:]+))?\}", lambda m: codes(m.group(1) or name), template)
    if "{groups}" in text:
        if name not in facts["group"]:
            sys.exit("gen_codes_sql: no groups for %s" % name)
        text = text.replace("{groups}", "; ".join("%s (%s)" % (g, ", ".join(c)) for g, c in facts["group"][name]))
    return text


def q(s):
    return "'" + s.replace("'", "''") + "'"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    facts = read_facts(sys.argv[1])
    out = []
    w = out.append
    w("-- 10_codes.sql: the ten SSDA903 code types, their operators, opclasses, casts")
    w("-- and functions.  GENERATED by extension/gen_codes_sql.py: edit that, not this.")
    w("-- Each type is 2 bytes, passed by value, holding the code's stable index")
    w("-- (extension/core/codes.h); it reads text trimmed and ignoring case and prints")
    w("-- the DfE spelling.  Values sort in DfE list order (the index order).")
    w("-- Comparison and hashing reuse PostgreSQL's int2 functions; the binary form")
    w("-- (send/recv) is the code's text, so COPY (FORMAT binary) is index-free.")
    w("")
    for name, field, what in TYPES:
        t = "careleaver." + name
        order = ", ".join(facts["order"][name])
        w(f"-- ---------------------------------------------------------------- {name} ({field})")
        w(f"CREATE TYPE {t};")
        w(f"CREATE FUNCTION {t}_in(cstring) RETURNS {t}\n  AS 'MODULE_PATHNAME', 'careleaver_{name}_in' {FN};")
        w(f"CREATE FUNCTION {t}_out({t}) RETURNS cstring\n  AS 'MODULE_PATHNAME', 'careleaver_{name}_out' {FN};")
        w(f"CREATE FUNCTION {t}_recv(internal) RETURNS {t}\n  AS 'MODULE_PATHNAME', 'careleaver_{name}_recv' {FN};")
        w(f"CREATE FUNCTION {t}_send({t}) RETURNS bytea\n  AS 'MODULE_PATHNAME', 'careleaver_{name}_send' {FN};")
        w(f"CREATE TYPE {t} (\n  INPUT = {t}_in, OUTPUT = {t}_out,\n  RECEIVE = {t}_recv, SEND = {t}_send,\n"
          f"  INTERNALLENGTH = 2, PASSEDBYVALUE, ALIGNMENT = int2, STORAGE = plain,\n"
          f"  CATEGORY = 'S'\n);")
        w(f"COMMENT ON TYPE {t} IS {q(f'SSDA903 {what} (DfE field {field}). Input is trimmed and read ignoring case; output is the DfE spelling. Values sort in DfE list order, not alphabetically: {order}; compared with text, a code is its DfE spelling. Labels and years: careleaver.label, careleaver.valid_in_year, view careleaver.code_list.')};")
        w(f"COMMENT ON FUNCTION {t}_in(cstring) IS {q(f'Text input of {t}: a {field} code, trimmed, any case; 22P02 otherwise.')};")
        w(f"COMMENT ON FUNCTION {t}_out({t}) IS {q(f'Text output of {t}: the DfE spelling.')};")
        w(f"COMMENT ON FUNCTION {t}_recv(internal) IS {q(f'Binary input of {t}: the code as text, validated.')};")
        w(f"COMMENT ON FUNCTION {t}_send({t}) IS {q(f'Binary output of {t}: the code as text (independent of the stored index).')};")
        # comparison functions
        for op, suf, fn, com, neg, rs, js, strat, words in OPS:
            w(f"CREATE FUNCTION {t}_{suf}({t}, {t}) RETURNS boolean\n  AS '{fn}' {INT} LEAKPROOF;")
            w(f"COMMENT ON FUNCTION {t}_{suf}({t}, {t}) IS {q(fncomment(name, op, words))};")
        w(f"CREATE FUNCTION {t}_cmp({t}, {t}) RETURNS integer\n  AS 'btint2cmp' {INT} LEAKPROOF;")
        w(f"COMMENT ON FUNCTION {t}_cmp({t}, {t}) IS {q(f'Btree comparison of {name} codes in DfE list order: -1, 0 or 1.')};")
        w(f"CREATE FUNCTION {t}_sortsupport(internal) RETURNS void\n  AS 'btint2sortsupport' {INT};")
        w(f"COMMENT ON FUNCTION {t}_sortsupport(internal) IS {q(f'Btree sort support for {name} (fast sorting).')};")
        w(f"CREATE FUNCTION {t}_hash({t}) RETURNS integer\n  AS 'hashint2' {INT} LEAKPROOF;")
        w(f"COMMENT ON FUNCTION {t}_hash({t}) IS {q(f'Hash of a {name} code, for hash joins, hash aggregation and hash indexes.')};")
        w(f"CREATE FUNCTION {t}_hash_extended({t}, bigint) RETURNS bigint\n  AS 'hashint2extended' {INT} LEAKPROOF;")
        w(f"COMMENT ON FUNCTION {t}_hash_extended({t}, bigint) IS {q(f'Seeded 64-bit hash of a {name} code (hash partitioning).')};")
        for op, suf, fn, com, neg, rs, js, strat, words in OPS:
            extra = ", HASHES, MERGES" if op == "=" else ""
            w(f"CREATE OPERATOR careleaver.{op} (\n  LEFTARG = {t}, RIGHTARG = {t}, FUNCTION = {t}_{suf},\n"
              f"  COMMUTATOR = OPERATOR(careleaver.{com}), NEGATOR = OPERATOR(careleaver.{neg}),\n"
              f"  RESTRICT = {rs}, JOIN = {js}{extra}\n);")
            w(f"COMMENT ON OPERATOR careleaver.{op} ({t}, {t}) IS {q(opcomment(name, op))};")
        w(f"CREATE OPERATOR CLASS careleaver.{name}_ops DEFAULT FOR TYPE {t} USING btree AS")
        w(",\n".join(f"  OPERATOR {strat} careleaver.{op}" for op, _, _, _, _, _, _, strat, _ in OPS if strat)
          + f",\n  FUNCTION 1 {t}_cmp({t}, {t}),\n  FUNCTION 2 {t}_sortsupport(internal);")
        w(f"COMMENT ON OPERATOR CLASS careleaver.{name}_ops USING btree IS {q(f'Default btree ordering of {name}: DfE list order.')};")
        w(f"CREATE OPERATOR CLASS careleaver.{name}_hash_ops DEFAULT FOR TYPE {t} USING hash AS\n"
          f"  OPERATOR 1 careleaver.=,\n  FUNCTION 1 {t}_hash({t}),\n  FUNCTION 2 {t}_hash_extended({t}, bigint);")
        w(f"COMMENT ON OPERATOR CLASS careleaver.{name}_hash_ops USING hash IS {q(f'Default hash opclass of {name}.')};")
        w(f"COMMENT ON OPERATOR FAMILY careleaver.{name}_ops USING btree IS {q(f'Btree operators of {name}.')};")
        w(f"COMMENT ON OPERATOR FAMILY careleaver.{name}_hash_ops USING hash IS {q(f'Hash operators of {name}.')};")
        w(f"CREATE CAST ({t} AS text) WITH INOUT AS IMPLICIT;")
        w(f"COMMENT ON CAST ({t} AS text) IS {q(f'Implicit cast of a {name} to its DfE spelling, so that text operators and functions (=, LIKE, joins to text columns, upper, string_agg) work without careleaver on search_path; there the comparison is of text, not DfE order (doc/codes.md).')};")
        code_text_operators(w, name, t)
        w(f"CREATE CAST (text AS {t}) WITH INOUT;")
        w(f"COMMENT ON CAST (text AS {t}) IS {q(f'Explicit cast of text to {name}: trimmed, any case; 22P02 for anything else.')};")
        w(f"CREATE FUNCTION careleaver.label({t}) RETURNS text\n  AS 'MODULE_PATHNAME', 'careleaver_{name}_label' {FN};")
        w(f"COMMENT ON FUNCTION careleaver.label({t}) IS {q(f'The DfE label of a {field} code (shortened from the DfE guide).')};")
        w(f"CREATE FUNCTION careleaver.valid_in_year({t}, collection_year integer) RETURNS boolean\n"
          f"  AS 'MODULE_PATHNAME', 'careleaver_{name}_valid_in_year' {FN};")
        w(f"COMMENT ON FUNCTION careleaver.valid_in_year({t}, integer) IS {q(f'True when a return for the collection year (named by the year it ends: 2024 = 2023-24) may carry this {field} code (reference 3.6; first_year and last_year in careleaver.code_list).')};")
        w("")
    w("-- ---------------------------------------------------------------- codes given as text")
    w(f"CREATE FUNCTION careleaver.label(code text) RETURNS text\n  AS 'MODULE_PATHNAME', 'careleaver_text_label' {FN};")
    w("COMMENT ON FUNCTION careleaver.label(text) IS 'The DfE label of a bare code (trimmed, any case); a code of several SSDA903 lists (C2: legal status and accommodation) gives each list''s label after its DfE field (LS: ...; ACCOM: ...): cast it to its type or use careleaver.code_label for one list.';")
    w(f"CREATE FUNCTION careleaver.code_label(list text, code text) RETURNS text\n  AS 'MODULE_PATHNAME', 'careleaver_code_label' {FN};")
    w("COMMENT ON FUNCTION careleaver.code_label(text, text) IS 'The DfE label of a code of the named list (type name such as legal_status, or DfE field such as LS); 22P02 when it is not a code of the list.';")
    w(f"CREATE FUNCTION careleaver.code_valid_in_year(list text, code text, collection_year integer) RETURNS boolean\n  AS 'MODULE_PATHNAME', 'careleaver_code_valid_in_year' {FN};")
    w("COMMENT ON FUNCTION careleaver.code_valid_in_year(text, text, integer) IS 'True when the text (trimmed, any case) is a code of the named list (type name or DfE field) that a return for the collection year may carry; false for any other text. For text columns; typed columns use careleaver.valid_in_year.';")
    w("")
    w("-- ---------------------------------------------------------------- groupings")
    for fn, typ, res, sym, comment in GROUPINGS:
        t = "careleaver." + typ
        w(f"CREATE FUNCTION careleaver.{fn}({t}) RETURNS {res}\n  AS 'MODULE_PATHNAME', '{sym}' {FN};")
        w(f"COMMENT ON FUNCTION careleaver.{fn}({t}) IS {q(fill(comment, fn, facts))};")
    w("")
    w("-- ---------------------------------------------------------------- code_list")
    cols = [
        ("list_name", "text", "The code type, e.g. legal_status (careleaver.legal_status)."),
        ("field", "text", "The DfE field (code list) name, e.g. LS, REASON_PLACE_CHANGE."),
        ("code", "text", "The code in its DfE spelling; join on column::text."),
        ("label", "text", "The DfE label (shortened)."),
        ("first_year", "integer", "First collection year (by the year it ends) whose return may carry the code; NULL when unbounded."),
        ("last_year", "integer", "Last collection year whose return may carry the code; NULL when unbounded."),
        ("group_name", "text", "Reporting group: legal-status, placement or reason-ceased group, activity class (EET, NEET, not known) or accommodation type; NULL for lists without groups."),
        ("list_order", "integer", "Position in the DfE list, which is the sort order of the type."),
        ("accepted_in_returns", "boolean", "False for codes the type reads but no return accepts (ACCOM S1, X1)."),
    ]
    outs = ", ".join(f"OUT {c} {ty}" for c, ty, _ in cols)
    w(f"CREATE FUNCTION careleaver.code_list_rows({outs})\n  RETURNS SETOF record\n"
      f"  AS 'MODULE_PATHNAME', 'careleaver_code_list_rows' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 160;")
    w("COMMENT ON FUNCTION careleaver.code_list_rows() IS 'Every code of every SSDA903 code type with its label, years and group (backs the view careleaver.code_list).';")
    w("CREATE VIEW careleaver.code_list AS\n  SELECT " + ", ".join(c for c, _, _ in cols) + "\n    FROM careleaver.code_list_rows();")
    w("COMMENT ON VIEW careleaver.code_list IS 'Every code of every SSDA903 code type, for reports and BI tools: join code to a column cast to text, within list_name.';")
    for c, _, comment in cols:
        w(f"COMMENT ON COLUMN careleaver.code_list.{c} IS {q(comment)};")
    print("\n".join(out))


main()
