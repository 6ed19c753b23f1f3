-- US-comparable indicators (CFSR Round 4 style, metrics.md 10) for the synthetic councils of 90_report.sql,
-- and one young person's returns home, as a council analyst would look them up (doc/outcomes.md).
\set ON_ERROR_STOP 1
SELECT max(collection_year) AS report_year FROM demo.looked_after_summary \gset
SELECT :report_year - 1 AS cfsr_year \gset

\echo '== US-comparable indicators, as published: children entering care in collection year' :cfsr_year
\echo '   (data to 31 March' :report_year'; a follow-up passing it is incomplete, never a "no")'
WITH h AS (
  SELECT e.la, e.child, hd.dob, careleaver.care_history_agg(e.decom, e."dec", e.rne, e.ls, e.place, e.rec) AS history
    FROM demo.episodes e JOIN demo.header hd USING (la, child)
   GROUP BY e.la, e.child, hd.dob),
c AS (
  SELECT h.la, f.* FROM h, careleaver.cfsr_indicators(h.history, h.dob, :cfsr_year, careleaver.collection_year_end(:report_year)) f)
SELECT la,
       careleaver.publish_count(count(*) FILTER (WHERE entrant)) AS entrants,
       careleaver.publish_percent(count(*) FILTER (WHERE permanency_12m), count(permanency_12m)) AS permanency_12m_pct,
       careleaver.publish_count(count(*) FILTER (WHERE in_reentry_cohort)) AS left_home_relatives_guardianship,
       careleaver.publish_count(count(*) FILTER (WHERE in_reentry_cohort AND reentry_12m IS NULL)) AS reentry_follow_up_incomplete,
       careleaver.publish_percent(count(*) FILTER (WHERE reentry_12m), count(reentry_12m)) AS reentry_12m_pct,
       round(1000.0 * sum(placement_moves) / nullif(sum(days_in_care), 0), 2) AS moves_per_1000_days
  FROM c GROUP BY la ORDER BY la;

\echo '== one young person who went home, came back within 12 months and went home again (careleaver.returns_home)'
WITH h AS (
  SELECT e.la, e.child, careleaver.care_history_agg(e.decom, e."dec", e.rne, e.ls, e.place, e.rec) AS history
    FROM demo.episodes e GROUP BY e.la, e.child),
one AS (
  SELECT h.* FROM h
   WHERE (SELECT count(*) FROM careleaver.returns_home(h.history, careleaver.collection_year_end(:report_year))) >= 2
     AND EXISTS (SELECT 1 FROM careleaver.returns_home(h.history, careleaver.collection_year_end(:report_year)) x
                  WHERE x.days_to_reentry < 365)
   ORDER BY h.la, h.child LIMIT 1)
SELECT one.la, one.child, r.return_date, r.reason, r.reentry_date, r.days_to_reentry,
       careleaver.reentered_within(one.history, r.return_date, '12 months', careleaver.collection_year_end(:report_year)) AS reentered_within_12_months,
       r.censored
  FROM one, careleaver.returns_home(one.history, careleaver.collection_year_end(:report_year)) r ORDER BY r.return_date;
