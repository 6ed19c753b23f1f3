#!/usr/bin/env python3
# validate runs the checks that only filter one base relation folded into one scan of that base
# (validation_rules.check_filter; doc/validation.md "Speed").  Folding must not change a row: over
# (1) the public validator's fake return (every module, thousands of flags) and (2) a synthetic return
# with planted defects (two years loaded), careleaver.validate and the unfolded evaluation
# (careleaver.validation_run(..., fold_filters => false), every check its own branch, as before the
# folding) give the same multiset of rows, and the folded checks do flag rows there.
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import validate_lib
from validate_lib import *

os.environ.setdefault('CARELEAVER_VALIDATE_DB', 'careleaver_validate_fold')
validate_lib.DB = os.environ['CARELEAVER_VALIDATE_DB']
setup_db()
t = Tap()

# the rules the registry folds: most single-base filters, of several bases
folded = psql("SELECT count(*), count(DISTINCT check_filter[1]) FROM careleaver.validation_rules "
              "WHERE check_filter IS NOT NULL").strip().split('|')
t.ok(int(folded[0]) >= 100 and int(folded[1]) >= 10,
     'the registry folds %s filter checks over %s base relations' % tuple(folded))
# what is not a single-base filter is not folded
t.ok(psql("""SELECT count(*) FROM careleaver.validation_rules
              WHERE check_filter IS NOT NULL
                AND regexp_replace(check_sql, '''[^'']*''', '', 'g') ~* '\\m(join|exists|union|over|group)\\M|--'""").strip() == '0',
     'no check with a join, a subquery, a window, a grouping or a comment is folded')


def compare(schema, year, name):
    """(rows both ways differ, rows, rows of folded rules) of validate against the unfolded run."""
    r = psql("""
WITH folded AS (SELECT * FROM careleaver.validate('%(s)s', %(y)s)),
     plain AS (SELECT out_rule_code, out_table_name, out_la, out_child, out_row_ref, out_message
                 FROM careleaver.validation_run('%(s)s', %(y)s, NULL, false))
SELECT (SELECT count(*) FROM ((SELECT * FROM folded EXCEPT ALL SELECT * FROM plain)
                              UNION ALL (SELECT * FROM plain EXCEPT ALL SELECT * FROM folded)) d),
       (SELECT count(*) FROM folded),
       (SELECT count(*) FROM folded f JOIN careleaver.validation_rules v USING (rule_code)
         WHERE v.check_filter IS NOT NULL),
       (SELECT count(DISTINCT rule_code) FROM folded f JOIN careleaver.validation_rules v USING (rule_code)
         WHERE v.check_filter IS NOT NULL)
""" % {'s': schema, 'y': year}).strip().split('|')
    diff, rows, frows, frules = map(int, r)
    t.ok(diff == 0, '%s: validate and the unfolded evaluation give the same rows (%s rows differ of %s)'
         % (name, diff, rows))
    t.ok(frows > 0, '%s: the folded checks flag rows (%s rows of %s rules)' % (name, frows, frules))
    return frules


# (1) the public validator's fake return, every module
DATA = os.path.join(TEST_DATA, 'validator903_fake_data')
FILES = {'header': 'header', 'episodes': 'episodes', 'oc3': 'oc3', 'uasc': 'uasc', 'oc2': 'oc2', 'ad1': 'ad1',
         'placed_adoption': 'placed_for_adoption', 'prev_perm': 'previous_permanence', 'missing': 'missing',
         'reviews': 'reviews'}
TABLES = {'header': 'Header', 'episodes': 'Episodes', 'oc3': 'OC3', 'uasc': 'UASC', 'oc2': 'OC2', 'ad1': 'AD1',
          'placed_adoption': 'PlacedAdoption', 'prev_perm': 'PrevPerm', 'missing': 'Missing', 'reviews': 'Reviews'}
create_dataset('fake')
types = column_types('fake')
for module, csvname in FILES.items():
    if 'return_' + module in types:
        header, rows = read_csv(os.path.join(DATA, csvname + '.csv'))
        psql(load_rows('fake', types, module, 2018, TABLES[module], header, list(enumerate(rows)), la='E09000027'))
fake_rules = compare('fake', 2018, 'fake data 2018')

# (2) a synthetic council, its 2025 and 2026 returns restated from the canonical tables, with defects planted
# in about one row in eight of each module: dates moved, codes changed or blanked, rows duplicated
psql(r"""
SELECT careleaver.generate_synthetic('syn', 400, 11, 1, 2024, 2026);
INSERT INTO syn.return_episodes (la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec,
                                 reason_place_change, home_post, pl_post, urn, source_file, source_line)
SELECT e.la, y, e.child, e.decom, e.rne, e.ls, e.cin, e.place, e.place_provider,
       CASE WHEN e.dec <= make_date(y, 3, 31) THEN e.dec END, CASE WHEN e.dec <= make_date(y, 3, 31) THEN e.rec END,
       CASE WHEN e.dec <= make_date(y, 3, 31) THEN e.reason_place_change END, e.home_post, e.pl_post, e.urn,
       'episodes.csv', 1 + row_number() OVER (PARTITION BY e.la, y ORDER BY e.child, e.decom)
  FROM syn.episodes e CROSS JOIN generate_series(2025, 2026) y
 WHERE e.decom <= make_date(y, 3, 31) AND (e.dec IS NULL OR e.dec >= make_date(y - 1, 4, 1));
INSERT INTO syn.return_oc3 (la, year, child, dob, in_touch, activ, accom, source_file, source_line)
SELECT o.la, o.year, o.child, o.dob, o.in_touch, o.activ, o.accom, 'oc3.csv',
       1 + row_number() OVER (PARTITION BY o.la, o.year ORDER BY o.child)
  FROM syn.oc3 o WHERE o.year BETWEEN 2025 AND 2026;
INSERT INTO syn.return_header (la, year, child, sex, dob, ethnic, upn, mother, mc_dob, source_file, source_line)
SELECT h.la, r.year, h.child, h.sex, h.dob, h.ethnic, h.upn, h.mother, h.mc_dob, 'header.csv',
       1 + row_number() OVER (PARTITION BY h.la, r.year ORDER BY h.child)
  FROM syn.header h
  JOIN (SELECT DISTINCT la, year, child FROM syn.return_episodes
        UNION SELECT la, year, child FROM syn.return_oc3) r USING (la, child);
INSERT INTO syn.return_uasc (la, year, child, sex, dob, duc, source_file, source_line)
SELECT u.la, r.year, u.child, u.sex, u.dob, u.duc, 'uasc.csv',
       1 + row_number() OVER (PARTITION BY u.la, r.year ORDER BY u.child)
  FROM syn.uasc u JOIN (SELECT DISTINCT la, year, child FROM syn.return_episodes) r USING (la, child);
-- the other modules: a row for some of the year's children, with values across their code lists
INSERT INTO syn.return_ad1 (la, year, child, dob, date_int, date_match, foster_care, nb_adoptr, sex_adoptr,
                            ls_adoptr, source_file, source_line)
SELECT h.la, h.year, h.child, h.dob, h.dob + 400 + (h.source_line % 50), h.dob + 380 + (h.source_line % 90),
       h.source_line % 3, 1 + h.source_line % 3, (ARRAY['M1', 'F1', 'MM', 'FF', 'MF', 'XX'])[1 + h.source_line % 6],
       (ARRAY['L0', 'L11', 'L12', 'L2', 'L3', 'L4', 'L9'])[1 + h.source_line % 7], 'ad1.csv', h.source_line
  FROM syn.return_header h WHERE h.source_line % 9 = 0;
INSERT INTO syn.return_placed_adoption (la, year, child, dob, date_placed, date_placed_ceased,
                                        reason_placed_ceased, source_file, source_line)
SELECT h.la, h.year, h.child, h.dob, make_date(h.year - 1, 5, 1) + h.source_line % 400,
       CASE WHEN h.source_line % 3 = 0 THEN make_date(h.year - 1, 9, 1) + h.source_line % 300 END,
       (ARRAY['RD1', 'RD4', NULL, 'RD9'])[1 + h.source_line % 4], 'placed.csv', h.source_line
  FROM syn.return_header h WHERE h.source_line % 7 = 0;
INSERT INTO syn.return_prev_perm (la, year, child, dob, prev_perm, la_perm, date_perm, source_file, source_line)
SELECT h.la, h.year, h.child, h.dob, (ARRAY['P1', 'P2', 'P4', 'Z1', 'Q9', NULL])[1 + h.source_line % 6],
       (ARRAY['213', '999', 'NIR', 'ABC', NULL])[1 + h.source_line % 5],
       CASE WHEN h.source_line % 2 = 0 THEN h.dob + 300 END, 'prev_perm.csv', h.source_line
  FROM syn.return_header h WHERE h.source_line % 5 = 0;
INSERT INTO syn.return_missing (la, year, child, dob, missing, mis_start, mis_end, source_file, source_line)
SELECT h.la, h.year, h.child, h.dob, (ARRAY['M', 'A', NULL, 'X'])[1 + h.source_line % 4],
       CASE WHEN h.source_line % 5 <> 0 THEN make_date(h.year - 1, 4, 1) + h.source_line % 420 END,
       CASE WHEN h.source_line % 3 <> 0 THEN make_date(h.year - 1, 4, 1) + (h.source_line * 7) % 400 END,
       'missing.csv', h.source_line
  FROM syn.return_header h WHERE h.source_line % 4 = 0;
INSERT INTO syn.return_reviews (la, year, child, dob, review, review_code, source_file, source_line)
SELECT h.la, h.year, h.child, h.dob, CASE WHEN h.source_line % 6 <> 0 THEN make_date(h.year - 1, 6, 1) + h.source_line % 300 END,
       (ARRAY['PN0', 'PN1', 'PN7', 'PN9', NULL])[1 + h.source_line % 5], 'reviews.csv', h.source_line
  FROM syn.return_header h WHERE h.source_line % 3 = 0;
INSERT INTO syn.return_oc2 (la, year, child, dob, sdq_score, sdq_reason, convicted, health_check, immunisations,
                            teeth_check, health_assessment, substance_misuse, intervention_received,
                            intervention_offered, source_file, source_line)
SELECT h.la, h.year, h.child, h.dob, CASE WHEN h.source_line % 4 = 0 THEN h.source_line % 45 END,
       (ARRAY['SDQ1', 'SDQ5', NULL, 'SDQ9'])[1 + h.source_line % 4], nullif(h.source_line % 3, 2),
       nullif(h.source_line % 4, 3), h.source_line % 2, nullif(h.source_line % 5, 4), 1, h.source_line % 2,
       nullif(h.source_line % 3, 0), nullif(h.source_line % 4, 1), 'oc2.csv', h.source_line
  FROM syn.return_header h WHERE h.source_line % 2 = 0;
-- the defects
UPDATE syn.return_episodes SET dec = decom - 3 WHERE source_line % 17 = 1;
UPDATE syn.return_episodes SET decom = decom + 40 WHERE source_line % 19 = 2;
UPDATE syn.return_episodes SET rec = NULL WHERE source_line % 23 = 3 AND dec IS NOT NULL;
UPDATE syn.return_episodes SET dec = NULL WHERE source_line % 29 = 4;
UPDATE syn.return_episodes SET rne = 'P' WHERE source_line % 13 = 5;
UPDATE syn.return_episodes SET ls = 'V3' WHERE source_line % 31 = 6;
UPDATE syn.return_episodes SET ls = 'L1' WHERE source_line % 37 = 7;
UPDATE syn.return_episodes SET place = 'T1', place_provider = NULL WHERE source_line % 11 = 8;
UPDATE syn.return_episodes SET place = 'A5', rec = 'E12', dec = coalesce(dec, decom + 100) WHERE source_line % 41 = 9;
UPDATE syn.return_episodes SET rec = 'X1' WHERE source_line % 43 = 10 AND dec IS NOT NULL;
UPDATE syn.return_episodes SET pl_post = NULL, urn = 'XX' WHERE source_line % 16 = 11;
UPDATE syn.return_episodes SET reason_place_change = NULL WHERE source_line % 9 = 4;
INSERT INTO syn.return_episodes SELECT la, year, child, decom, rne, ls, cin, place, place_provider, dec, rec,
       reason_place_change, home_post, pl_post, urn, source_file, source_line + 100000
  FROM syn.return_episodes WHERE source_line % 47 = 12;
UPDATE syn.return_header SET dob = dob + 3650 WHERE source_line % 21 = 1;
UPDATE syn.return_header SET sex = 'Q', upn = 'BAD' WHERE source_line % 15 = 2;
UPDATE syn.return_header SET mother = 1, mc_dob = NULL WHERE source_line % 12 = 3;
UPDATE syn.return_oc3 SET in_touch = NULL, activ = NULL WHERE source_line % 5 = 1;
UPDATE syn.return_oc3 SET dob = dob + 30 WHERE source_line % 7 = 2;
UPDATE syn.return_uasc SET duc = dob + 365 * 19 WHERE source_line % 3 = 1;
DELETE FROM syn.return_header WHERE source_line % 33 = 4;
ANALYZE;
""")
syn_rules = compare('syn', 2026, 'synthetic 2026 with planted defects')
compare('syn', 2025, 'synthetic 2025 with planted defects')
t.ok(fake_rules + syn_rules >= 40,
     'the two returns exercise many folded rules (%s and %s)' % (fake_rules, syn_rules))
t.done()
