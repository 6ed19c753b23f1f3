-- Disclosure control of published figures (metrics.md section 9).
-- The C core is extension/core/disclosure.c; doc/disclosure.md explains the rules.

CREATE FUNCTION careleaver.suppression_threshold() RETURNS integer
  LANGUAGE c STABLE PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'careleaver_suppression_threshold';
COMMENT ON FUNCTION careleaver.suppression_threshold() IS
  'The setting careleaver.suppression_threshold: counts from 1 to this value are suppressed (metrics.md 9; default 5, DfE practice)';

CREATE FUNCTION careleaver.publish_count(n bigint, threshold integer DEFAULT NULL) RETURNS text
  LANGUAGE c STABLE PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'careleaver_publish_count';
COMMENT ON FUNCTION careleaver.publish_count(bigint, integer) IS
  'A count as published (metrics.md 9, primary suppression): the number, c when it is 1 to the threshold '
  '(NULL threshold: the setting careleaver.suppression_threshold), 0 for zero, x when the count is NULL';

CREATE FUNCTION careleaver.suppress_row(cells bigint[], threshold integer DEFAULT NULL,
                                        hidden boolean[] DEFAULT NULL) RETURNS text[]
  LANGUAGE c STABLE PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'careleaver_suppress_row';
COMMENT ON FUNCTION careleaver.suppress_row(bigint[], integer, boolean[]) IS
  'The cells of one table row whose total is published, as published (metrics.md 9, primary and secondary '
  'suppression): c for counts 1 to the threshold, and, when exactly one cell is hidden (or the hidden cells '
  'would be pinned by their sum), the smallest other non-zero cell and its ties too; x for NULL cells. '
  'hidden marks cells to hide whatever their value (a cell shared with another row where it was hidden). '
  'Publish the total with careleaver.publish_row_total';

CREATE FUNCTION careleaver.publish_row_total(cells bigint[], threshold integer DEFAULT NULL,
                                             hidden boolean[] DEFAULT NULL) RETURNS text
  LANGUAGE c STABLE PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'careleaver_publish_row_total';
COMMENT ON FUNCTION careleaver.publish_row_total(bigint[], integer, boolean[]) IS
  'The total of one table row (the sum of its non-NULL cells) as published beside careleaver.suppress_row '
  '(metrics.md 9): c when it is 1 to the threshold, or when the hidden cells of the row could not otherwise be protected';

CREATE FUNCTION careleaver.publish_percent(numerator bigint, denominator bigint,
                                           threshold integer DEFAULT NULL, decimals integer DEFAULT 0)
  RETURNS text
  LANGUAGE c STABLE PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'careleaver_publish_percent';
COMMENT ON FUNCTION careleaver.publish_percent(bigint, bigint, integer, integer) IS
  'The percentage 100 * numerator / denominator as published (metrics.md 9), rounded half away from zero to '
  'decimals places (0 to 3): c when the numerator or the denominator is suppressed, z when the denominator is 0, '
  'k when a non-zero numerator rounds to zero, x when either is NULL. A percentage of a secondary-suppressed cell '
  'must be hidden by the caller too (see careleaver.suppress_row)';

CREATE FUNCTION careleaver.publish_cumulative(cumulative bigint[], total bigint DEFAULT NULL,
                                              threshold integer DEFAULT NULL) RETURNS text[]
  LANGUAGE c STABLE PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'careleaver_publish_cumulative';
COMMENT ON FUNCTION careleaver.publish_cumulative(bigint[], bigint, integer) IS
  'A cumulative series (e.g. returns home by day 30, 91, 182, ...) as published (metrics.md 9): a value is shown '
  'only when it is 0 or above the threshold and differs from the last shown value by 0 or more than the threshold, '
  'so no difference of published values reveals a small count; with a published total, the remainder is protected too';

CREATE FUNCTION careleaver.round_total(n bigint, base integer DEFAULT 10) RETURNS bigint
  LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'careleaver_round_total';
COMMENT ON FUNCTION careleaver.round_total(bigint, integer) IS
  'A national or regional total rounded to the nearest multiple of base (default 10), halves away from zero '
  '(metrics.md 9); local authority figures are published unrounded';

CREATE VIEW careleaver.disclosure_symbols (symbol, meaning, used_when) AS
VALUES
  ('c'::text, 'confidential'::text,
   'the figure is suppressed to protect confidentiality: a count from 1 to the suppression threshold, a cell '
   'suppressed to protect one (secondary suppression), or a percentage of either'::text),
  ('z', 'not applicable',
   'the figure cannot exist, such as a percentage of an empty denominator'),
  ('x', 'not available',
   'the figure was not collected or could not be computed, such as a cell with no data'),
  ('k', 'low',
   'a non-zero figure that rounds to zero at the precision shown, such as 0.3 per cent shown without decimals');
COMMENT ON VIEW careleaver.disclosure_symbols IS
  'The symbols that replace figures in published tables (metrics.md 9; DfE and GSS conventions)';
COMMENT ON COLUMN careleaver.disclosure_symbols.symbol IS 'The symbol shown in place of the figure';
COMMENT ON COLUMN careleaver.disclosure_symbols.meaning IS 'Its name';
COMMENT ON COLUMN careleaver.disclosure_symbols.used_when IS 'When careleaver uses it';
