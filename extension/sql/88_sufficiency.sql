-- Sufficiency: a stock-flow model of children looked after, its projection with intervals, scenarios, costs
-- and a backtest (doc/sufficiency.md).  The model is a real type holding counts only, so councils' models
-- merge at a regional hub without moving a row about a child.

CREATE TYPE careleaver.flow_model;

CREATE FUNCTION careleaver.flow_model_in(cstring) RETURNS careleaver.flow_model
  AS 'MODULE_PATHNAME', 'careleaver_flow_model_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION careleaver.flow_model_out(careleaver.flow_model) RETURNS cstring
  AS 'MODULE_PATHNAME', 'careleaver_flow_model_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION careleaver.flow_model_in(cstring) IS 'Input function of careleaver.flow_model (its text form)';
COMMENT ON FUNCTION careleaver.flow_model_out(careleaver.flow_model) IS 'Output function of careleaver.flow_model (its text form)';

CREATE TYPE careleaver.flow_model (
  INPUT = careleaver.flow_model_in,
  OUTPUT = careleaver.flow_model_out,
  INTERNALLENGTH = VARIABLE,
  ALIGNMENT = double,
  STORAGE = extended
);
COMMENT ON TYPE careleaver.flow_model IS
  'A stock-flow model of children looked after (doc/sufficiency.md): over a reference window of whole months '
  'ending on a start date, the monthly moves between placement groups and exits by age band, the entries by age '
  'and placement group, and the children looked after on the start date by age in months and placement group. '
  'Counts only: models of the same window merge (flow_model_merge) into the model of the union';

CREATE FUNCTION careleaver.flow_model_transfn(careleaver.flow_model, careleaver.care_history, date, date, integer)
  RETURNS careleaver.flow_model
  AS 'MODULE_PATHNAME', 'careleaver_flow_model_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.flow_model_transfn(careleaver.flow_model, careleaver.care_history, date, date, integer) IS
  'Internal: transition function of careleaver.flow_model_agg';
CREATE FUNCTION careleaver.flow_model_combine(careleaver.flow_model, careleaver.flow_model)
  RETURNS careleaver.flow_model
  AS 'MODULE_PATHNAME', 'careleaver_flow_model_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.flow_model_combine(careleaver.flow_model, careleaver.flow_model) IS
  'Two flow models of the same window added together (NULL is the empty model); the combine function of the '
  'flow model aggregates';

CREATE AGGREGATE careleaver.flow_model_agg(history careleaver.care_history, date_of_birth date,
                                           start_date date, reference_months integer) (
  SFUNC = careleaver.flow_model_transfn,
  STYPE = careleaver.flow_model,
  COMBINEFUNC = careleaver.flow_model_combine,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE careleaver.flow_model_agg(careleaver.care_history, date, date, integer) IS
  'The flow model of the children''s histories over the reference_months months ending on start_date '
  '(doc/sufficiency.md); children without a date of birth are left out.  Limit: every count at most 2^52; '
  'a window of at most 600 months';

CREATE AGGREGATE careleaver.flow_model_merge(careleaver.flow_model) (
  SFUNC = careleaver.flow_model_combine,
  STYPE = careleaver.flow_model,
  COMBINEFUNC = careleaver.flow_model_combine,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE careleaver.flow_model_merge(careleaver.flow_model) IS
  'The flow models of several councils (the same window) merged: equal to the model of the union of their '
  'children.  Limit: every count at most 2^52';

-- The rules the model reads, for SQL that needs the same answer (backtests, reports).
CREATE FUNCTION careleaver.flow_placement_group(history careleaver.care_history, on_date date) RETURNS text
  AS 'MODULE_PATHNAME', 'careleaver_flow_placement_group' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.flow_placement_group(careleaver.care_history, date) IS
  'The placement group of the stock-flow model (doc/sufficiency.md) the child is in on the date (the care '
  'episode covering its night); NULL when not looked after';
CREATE FUNCTION careleaver.age_months_on(date_of_birth date, on_date date) RETURNS integer
  AS 'MODULE_PATHNAME', 'careleaver_age_months_on' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.age_months_on(date, date) IS
  'Completed months of age on the date: 12 per completed year (careleaver.age_on) and the months since the last '
  'birthday (careleaver.birthday); NULL before birth';
CREATE FUNCTION careleaver.flow_age_band(date_of_birth date, on_date date) RETURNS text
  AS 'MODULE_PATHNAME', 'careleaver_flow_age_band' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.flow_age_band(date, date) IS
  'DfE''s age band of a child looked after on the date (Under 1 year, 1 to 4 years, 5 to 9 years, 10 to 15 years, '
  '16 years and over); NULL before birth and from the 18th birthday';

CREATE FUNCTION careleaver.flow_groups(OUT kind text, OUT ordinal integer, OUT name text) RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_flow_groups' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 14;
COMMENT ON FUNCTION careleaver.flow_groups() IS
  'The placement groups, exit routes and age bands of the stock-flow model, in the order the model uses them '
  '(weekly_cost arrays follow the placement groups'' order)';

CREATE FUNCTION careleaver.flow_model_moves(model careleaver.flow_model, OUT age_band text, OUT from_group text,
                                            OUT destination text, OUT children bigint, OUT child_months bigint,
                                            OUT monthly_rate double precision) RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_flow_model_moves' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.flow_model_moves(careleaver.flow_model) IS
  'The model''s monthly moves: for each age band and placement group at a month''s start, where the children were '
  'at its end (a placement group, the same one included, or an exit route), how many child-months started there, '
  'and the share (the monthly rate the projection draws around)';
CREATE FUNCTION careleaver.flow_model_entries(model careleaver.flow_model, OUT age integer, OUT age_band text,
                                              OUT placement_group text, OUT entries bigint,
                                              OUT monthly_rate double precision) RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_flow_model_entries' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.flow_model_entries(careleaver.flow_model) IS
  'The model''s entries: children not looked after at a month''s start and looked after at its end, by age in '
  'years at its end and placement group, and per month of the reference window';
CREATE FUNCTION careleaver.flow_model_stock(model careleaver.flow_model, OUT age_band text,
                                            OUT placement_group text, OUT children bigint) RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_flow_model_stock' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.flow_model_stock(careleaver.flow_model) IS
  'The children looked after on the model''s start date (under 18, with a date of birth), by age band and '
  'placement group: where the projection starts';

CREATE FUNCTION careleaver.flow_project(model careleaver.flow_model, months integer, simulations integer DEFAULT 500,
                                        seed bigint DEFAULT 1, adjust_kind text[] DEFAULT NULL,
                                        adjust_age_band text[] DEFAULT NULL, adjust_group text[] DEFAULT NULL,
                                        adjust_factor double precision[] DEFAULT NULL,
                                        weekly_cost double precision[] DEFAULT NULL,
                                        OUT month date, OUT age_band text, OUT placement_group text,
                                        OUT projected numeric, OUT lower95 numeric, OUT upper95 numeric,
                                        OUT spend numeric, OUT spend_lower95 numeric, OUT spend_upper95 numeric)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'careleaver_flow_project' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION careleaver.flow_project(careleaver.flow_model, integer, integer, bigint, text[], text[], text[],
                                            double precision[], double precision[]) IS
  'Projects the children looked after month by month from the model''s stock (doc/sufficiency.md): the mean of '
  '`simulations` simulated futures and their 2.5% and 97.5% quantiles, per month end, age band (or All ages) and '
  'placement group (or All placements); spend (weekly_cost per placement group in flow_groups() order, per month) '
  'on the All ages rows.  Adjustments (entries, moves_to, exits; age band and group NULL for every one) scale '
  'the rates.  The same seed gives the same figures.  Limit: 240 months, 2000 simulations';

-- ---------------------------------------------------------------------------
-- Over a dataset.

-- The dataset's scenario and cost tables (create_dataset calls this; idempotent).
CREATE FUNCTION careleaver.create_sufficiency_tables(schema_name text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, careleaver, pg_temp
SET client_min_messages = warning
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name, creating => true);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.sufficiency_scenarios (scenario text NOT NULL, '
                 'adjustment text NOT NULL CHECK (adjustment IN (''entries'', ''moves_to'', ''exits'')), '
                 'age_band text, placement_group text, factor double precision NOT NULL CHECK (factor >= 0), '
                 'note text)', schema_name);
  EXECUTE format('COMMENT ON TABLE %I.sufficiency_scenarios IS %L', schema_name,
                 'Named scenarios for careleaver.project_looked_after: each row scales some of the model''s rates (doc/sufficiency.md, "Scenarios")');
  EXECUTE format('COMMENT ON COLUMN %I.sufficiency_scenarios.scenario IS %L', schema_name, 'Scenario name, as passed to project_looked_after');
  EXECUTE format('COMMENT ON COLUMN %I.sufficiency_scenarios.adjustment IS %L', schema_name,
                 'entries (entry rates), moves_to (moves into the group from other groups, and entries into it) or exits (every exit route from the group)');
  EXECUTE format('COMMENT ON COLUMN %I.sufficiency_scenarios.age_band IS %L', schema_name, 'Age band it applies to (careleaver.flow_groups()); NULL for every band');
  EXECUTE format('COMMENT ON COLUMN %I.sufficiency_scenarios.placement_group IS %L', schema_name, 'Placement group it applies to; NULL for every group');
  EXECUTE format('COMMENT ON COLUMN %I.sufficiency_scenarios.factor IS %L', schema_name, 'Multiplier of the rates: 1.1 is 10%% more, 0.8 is 20%% fewer');
  EXECUTE format('COMMENT ON COLUMN %I.sufficiency_scenarios.note IS %L', schema_name, 'What the adjustment stands for');

  EXECUTE format('CREATE TABLE IF NOT EXISTS %I.placement_costs (placement_group text PRIMARY KEY, '
                 'weekly_cost numeric NOT NULL CHECK (weekly_cost >= 0), note text)', schema_name);
  EXECUTE format('COMMENT ON TABLE %I.placement_costs IS %L', schema_name,
                 'Weekly unit cost of a placement per placement group of the stock-flow model, filled by the council, for careleaver.project_spend');
  EXECUTE format('COMMENT ON COLUMN %I.placement_costs.placement_group IS %L', schema_name, 'Placement group (careleaver.flow_groups())');
  EXECUTE format('COMMENT ON COLUMN %I.placement_costs.weekly_cost IS %L', schema_name, 'Cost of one child for one week, in pounds (a blend of provider types where they differ)');
  EXECUTE format('COMMENT ON COLUMN %I.placement_costs.note IS %L', schema_name, 'Source of the cost');
END
$fn$;
COMMENT ON FUNCTION careleaver.create_sufficiency_tables(text) IS
  'Creates (idempotently) a dataset''s sufficiency_scenarios and placement_costs tables; create_dataset calls it';

-- The model of a dataset's councils (la NULL: every council, merged), after checking that the loaded returns
-- cover the reference window (metrics.md 11): never a model over history that was not loaded.
CREATE FUNCTION careleaver.dataset_flow_model(dataset text, la text, start_date date, reference_months integer)
RETURNS careleaver.flow_model
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  window_start date;
  gap_la text;
  model careleaver.flow_model;
BEGIN
  PERFORM careleaver.dataset_check_owner(dataset);
  IF to_regclass(format('%I.episodes', dataset)) IS NULL THEN
    RAISE EXCEPTION '"%" is not a careleaver dataset', dataset USING ERRCODE = '3F000',
      HINT = 'Create one with careleaver.create_dataset or scripts/careleaver-load.';
  END IF;
  IF start_date IS NULL OR reference_months IS NULL OR reference_months < 1 OR reference_months > 600 THEN
    RAISE EXCEPTION 'a flow model needs a start date and 1 to 600 reference months, not % and %',
      start_date, reference_months USING ERRCODE = '22023';
  END IF;
  window_start := (start_date - make_interval(months => reference_months))::date;
  -- every council asked for must have loaded returns covering [window_start, start_date]
  EXECUTE format($q$
    SELECT l.la FROM (SELECT DISTINCT e.la FROM %1$I.episodes e WHERE $1 IS NULL OR e.la = $1) l
     WHERE NOT EXISTS (SELECT 1 FROM (%2$s) c WHERE c.la = l.la AND c.history_from <= $2 AND c.covered_to >= $3)
     ORDER BY l.la LIMIT 1$q$,
    dataset, careleaver.coverage_sql(dataset)) INTO gap_la USING la, window_start, start_date;
  IF gap_la IS NOT NULL THEN  -- (EXECUTE does not set FOUND)
    RAISE EXCEPTION 'the loaded returns of council % do not cover the reference window % to %',
      gap_la, window_start, start_date USING ERRCODE = '22023',
      DETAIL = 'A flow model needs every month of its window in one unbroken run of loaded returns (metrics.md 11).',
      HINT = format('See %I.coverage; choose a later start date or fewer reference months.', dataset);
  END IF;
  -- the histories once, from the fact layer (doc/facts.md), brought up to date first: cheap when current
  PERFORM careleaver.refresh(dataset, la);
  EXECUTE format($q$
    SELECT careleaver.flow_model_agg(p.history, p.date_of_birth, $2, $3)
      FROM %I.child_facts p WHERE $1 IS NULL OR p.la = $1$q$, dataset) INTO model USING la, start_date, reference_months;
  IF model IS NULL THEN
    RAISE EXCEPTION 'no episodes for council % in dataset "%"', coalesce(la, '(any)'), dataset
      USING ERRCODE = 'P0002';
  END IF;
  RETURN model;
END
$fn$;
COMMENT ON FUNCTION careleaver.dataset_flow_model(text, text, date, integer) IS
  'The flow model (careleaver.flow_model_agg) of a dataset''s council (la NULL: every council) over the '
  'reference_months months ending on start_date, from the histories of the fact layer (careleaver.refresh first); '
  'an error when the loaded returns do not cover that window';

-- A scenario's adjustments as the arrays flow_project takes.
CREATE FUNCTION careleaver.dataset_scenario(dataset text, scenario text, OUT kinds text[], OUT age_bands text[],
                                            OUT placement_groups text[], OUT factors double precision[])
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
BEGIN
  PERFORM careleaver.dataset_check_owner(dataset);
  IF scenario IS NULL THEN
    RETURN;
  END IF;
  IF to_regclass(format('%I.sufficiency_scenarios', dataset)) IS NULL THEN
    RAISE EXCEPTION 'dataset "%" has no sufficiency_scenarios table', dataset USING ERRCODE = '42P01',
      HINT = 'Run careleaver.upgrade_dataset (or create_dataset) to add it.';
  END IF;
  EXECUTE format('SELECT array_agg(s.adjustment ORDER BY s.ctid), array_agg(s.age_band ORDER BY s.ctid), '
                 'array_agg(s.placement_group ORDER BY s.ctid), array_agg(s.factor ORDER BY s.ctid) '
                 'FROM %I.sufficiency_scenarios s WHERE s.scenario = $1', dataset)
    INTO kinds, age_bands, placement_groups, factors USING scenario;
  IF kinds IS NULL THEN
    RAISE EXCEPTION 'no scenario "%" in %.sufficiency_scenarios', scenario, dataset USING ERRCODE = 'P0002';
  END IF;
END
$fn$;
COMMENT ON FUNCTION careleaver.dataset_scenario(text, text) IS
  'Internal: the adjustments of a named scenario of the dataset''s sufficiency_scenarios, as flow_project''s arrays';

CREATE FUNCTION careleaver.project_looked_after(dataset text, la text, start_date date, months integer,
                                                reference_months integer DEFAULT 36, scenario text DEFAULT NULL,
                                                simulations integer DEFAULT 500, seed bigint DEFAULT 1)
RETURNS TABLE (month date, age_band text, placement_group text, projected numeric, lower95 numeric, upper95 numeric)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  model careleaver.flow_model := careleaver.dataset_flow_model(dataset, la, start_date, reference_months);
  adj record;
BEGIN
  SELECT * INTO adj FROM careleaver.dataset_scenario(dataset, scenario);
  RETURN QUERY
    SELECT p.month, p.age_band, p.placement_group, p.projected, p.lower95, p.upper95
      FROM careleaver.flow_project(model, months, simulations, seed, adj.kinds, adj.age_bands,
                                   adj.placement_groups, adj.factors) p;
END
$fn$;
COMMENT ON FUNCTION careleaver.project_looked_after(text, text, date, integer, integer, text, integer, bigint) IS
  'Children looked after projected month by month from start_date (doc/sufficiency.md): a stock-flow (Markov) '
  'projection from the children looked after on start_date, with entrants, from the rates of the '
  'reference_months months before it; mean and 95% interval of simulated futures, by age band and placement group '
  '(All ages / All placements for totals).  la NULL pools every council; scenario names rows of '
  'sufficiency_scenarios';

CREATE FUNCTION careleaver.project_spend(dataset text, la text, start_date date, months integer,
                                         reference_months integer DEFAULT 36, scenario text DEFAULT NULL,
                                         simulations integer DEFAULT 500, seed bigint DEFAULT 1)
RETURNS TABLE (month date, placement_group text, projected_children numeric, spend numeric, lower95 numeric,
               upper95 numeric)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  model careleaver.flow_model := careleaver.dataset_flow_model(dataset, la, start_date, reference_months);
  adj record;
  costs double precision[];
  unknown text;
BEGIN
  SELECT * INTO adj FROM careleaver.dataset_scenario(dataset, scenario);
  IF to_regclass(format('%I.placement_costs', dataset)) IS NULL THEN
    RAISE EXCEPTION 'dataset "%" has no placement_costs table', dataset USING ERRCODE = '42P01',
      HINT = 'Run careleaver.upgrade_dataset (or create_dataset) to add it, then fill it.';
  END IF;
  EXECUTE format('SELECT min(c.placement_group) FROM %I.placement_costs c WHERE c.placement_group NOT IN '
                 '(SELECT g.name FROM careleaver.flow_groups() g WHERE g.kind = ''placement group'')', dataset)
    INTO unknown;
  IF unknown IS NOT NULL THEN
    RAISE EXCEPTION 'unknown placement group in %.placement_costs: "%"', dataset, unknown USING ERRCODE = '22023',
      HINT = 'careleaver.flow_groups() lists the placement groups.';
  END IF;
  EXECUTE format('SELECT array_agg(c.weekly_cost::double precision ORDER BY g.ordinal) '
                 'FROM careleaver.flow_groups() g LEFT JOIN %I.placement_costs c ON c.placement_group = g.name '
                 'WHERE g.kind = ''placement group''', dataset) INTO costs;
  RETURN QUERY
    SELECT p.month, p.placement_group, p.projected, p.spend, p.spend_lower95, p.spend_upper95
      FROM careleaver.flow_project(model, months, simulations, seed, adj.kinds, adj.age_bands,
                                   adj.placement_groups, adj.factors, costs) p
     WHERE p.age_band = 'All ages';
END
$fn$;
COMMENT ON FUNCTION careleaver.project_spend(text, text, date, integer, integer, text, integer, bigint) IS
  'Projected monthly spend by placement group (and All placements) with its 95% interval: the projection of '
  'project_looked_after priced by the dataset''s placement_costs (weekly cost x days in the month / 7); NULL for a '
  'group without a cost, and for the total while any group lacks one';

CREATE FUNCTION careleaver.backtest_looked_after(dataset text, la text, start_date date, months integer,
                                                 reference_months integer DEFAULT 36,
                                                 simulations integer DEFAULT 500, seed bigint DEFAULT 1)
RETURNS TABLE (month date, placement_group text, projected numeric, lower95 numeric, upper95 numeric,
               actual bigint, within_interval boolean)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  model careleaver.flow_model := careleaver.dataset_flow_model(dataset, la, start_date, reference_months);
  covered_to date;
BEGIN
  -- compare only months the loaded returns cover, for every council asked for
  EXECUTE format('SELECT min(t.covered_to) FROM (SELECT c.la, max(c.covered_to) AS covered_to FROM (%s) c '
                 'WHERE $1 IS NULL OR c.la = $1 GROUP BY c.la) t', careleaver.coverage_sql(dataset))
    INTO covered_to USING la;
  RETURN QUERY EXECUTE format($q$
    WITH projection AS (
      SELECT p.month, p.placement_group, p.projected, p.lower95, p.upper95
        FROM careleaver.flow_project($1, $2, $3, $4) p
       WHERE p.age_band = 'All ages' AND p.month <= $6),
    person AS (
      SELECT p.la, p.child, p.date_of_birth AS dob, p.history FROM %1$I.child_facts p WHERE $5 IS NULL OR p.la = $5),
    actual AS (
      SELECT m.month, g.placement_group, count(*) AS children
        FROM (SELECT DISTINCT pr.month FROM projection pr) m
        JOIN person p ON p.dob IS NOT NULL AND careleaver.age_months_on(p.dob, m.month) < 216
       CROSS JOIN LATERAL (SELECT careleaver.flow_placement_group(p.history, m.month) AS placement_group) g
       WHERE g.placement_group IS NOT NULL
       GROUP BY GROUPING SETS ((m.month, g.placement_group), (m.month)))
    SELECT pr.month, pr.placement_group, pr.projected, pr.lower95, pr.upper95, coalesce(a.children, 0),
           coalesce(a.children, 0) BETWEEN pr.lower95 AND pr.upper95
      FROM projection pr
      LEFT JOIN actual a ON a.month = pr.month
                        AND coalesce(a.placement_group, 'All placements') = pr.placement_group
     ORDER BY pr.month, pr.placement_group$q$, dataset)
    USING model, months, simulations, seed, la, covered_to;
END
$fn$;
COMMENT ON FUNCTION careleaver.backtest_looked_after(text, text, date, integer, integer, integer, bigint) IS
  'A projection from a past start_date beside what happened (doc/sufficiency.md, "Backtest"): per month end the '
  'loaded returns cover and placement group (and All placements), the projection, its 95% interval, the children '
  'actually looked after (under 18, with a date of birth, as the model counts them) and whether the interval '
  'holds them';

-- ---------------------------------------------------------------------------
-- The report's sufficiency section: a backtest chart with the interval band, and the projection ahead.

-- An inline SVG chart of a projection's band (lower95 to upper95), its mean and, where known, what happened.
CREATE FUNCTION careleaver.svg_band_chart(chart_id text, title text, x_labels text[], lower95 numeric[],
                                          projected numeric[], upper95 numeric[], actual numeric[]) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  w constant int := 680;
  h constant int := 300;
  left_m constant int := 60;
  top_m constant int := 40;
  plot_w constant int := w - left_m - 30;
  plot_h constant int := h - top_m - 60;
  n int := coalesce(array_length(x_labels, 1), 0);
  y_max numeric;
  step numeric;
  out text;
  band_top text := '';
  band_bottom text := '';
  mean_pts text := '';
  actual_pts text := '';
  x numeric;
BEGIN
  y_max := greatest(coalesce((SELECT max(v) FROM unnest(upper95 || actual) v), 0), 1) * 1.1;
  out := svg_chart_frame(chart_id, title, w, h, left_m, top_m, plot_w, plot_h, y_max, 'children');
  IF n < 2 THEN
    RETURN out || format('<text x="%s" y="%s" class="axis">no data</text></svg>', left_m + 10, top_m + plot_h / 2);
  END IF;
  step := plot_w::numeric / (n - 1);
  FOR i IN 1..n LOOP
    x := round(left_m + (i - 1) * step, 1);
    band_top := band_top || format('%s,%s ', x, round(top_m + plot_h - upper95[i] * plot_h / y_max, 1));
    band_bottom := format('%s,%s ', x, round(top_m + plot_h - lower95[i] * plot_h / y_max, 1)) || band_bottom;
    mean_pts := mean_pts || format('%s,%s ', x, round(top_m + plot_h - projected[i] * plot_h / y_max, 1));
    IF actual[i] IS NOT NULL THEN
      actual_pts := actual_pts || format('%s,%s ', x, round(top_m + plot_h - actual[i] * plot_h / y_max, 1));
    END IF;
    IF (i - 1) % 6 = 0 OR i = n THEN
      out := out || format('<text x="%s" y="%s" class="axis" text-anchor="middle">%s</text>', x, top_m + plot_h + 16,
                           html_escape(x_labels[i]));
    END IF;
  END LOOP;
  out := out || format('<polygon points="%s" fill="#1d70b8" fill-opacity="0.18" stroke="none"><title>95%% interval</title></polygon>',
                       rtrim(band_top || band_bottom))
             || format('<polyline class="line" points="%s" stroke="#1d70b8"/>', rtrim(mean_pts));
  IF actual_pts <> '' THEN
    out := out || format('<polyline class="line" points="%s" stroke="#f47738"/>', rtrim(actual_pts));
  END IF;
  RETURN out || format('<rect x="%s" y="%s" width="12" height="12" fill="#1d70b8" fill-opacity="0.4"/>'
                       '<text x="%s" y="%s" class="legend">projected, with its 95%% interval</text>'
                       '<rect x="%s" y="%s" width="12" height="12" fill="#f47738"/>'
                       '<text x="%s" y="%s" class="legend">looked after</text></svg>',
                       left_m, h - 22, left_m + 16, h - 12, left_m + 260, h - 22, left_m + 276, h - 12);
END
$fn$;
COMMENT ON FUNCTION careleaver.svg_band_chart(text, text, text[], numeric[], numeric[], numeric[], numeric[]) IS
  'An inline SVG chart of a projection: its 95% interval as a band, its mean as a line, and what happened (actual, '
  'NULL where not known) as a second line';

-- The report's section: a backtest over the three years to the end of the collection year, and the projection
-- of the next three years, for the council's children looked after (All placements).
CREATE FUNCTION careleaver.sufficiency_report_html_section(schema_name text, la text, collection_year integer)
RETURNS text
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  head constant text := '<section id="sufficiency"><h2>Sufficiency: children looked after, projected</h2>';
  year_end date := careleaver.collection_year_end(collection_year);
  back_start date := (careleaver.collection_year_end(collection_year) - interval '36 months')::date;
  labels text[];
  lo numeric[];
  mid numeric[];
  hi numeric[];
  act numeric[];
  ahead text;
  rows text;
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);  -- never run another role's code (doc/dataset.md)
  BEGIN
    SELECT array_agg(to_char(b.month, 'Mon YYYY') ORDER BY b.month), array_agg(b.lower95 ORDER BY b.month),
           array_agg(b.projected ORDER BY b.month), array_agg(b.upper95 ORDER BY b.month),
           array_agg(CASE WHEN careleaver.is_published_number(careleaver.publish_count(b.actual))
                          THEN b.actual END ORDER BY b.month)
      INTO labels, lo, mid, hi, act
      FROM careleaver.backtest_looked_after(schema_name, la, back_start, 36, 36) b
     WHERE b.placement_group = 'All placements';
  EXCEPTION WHEN invalid_parameter_value THEN
    -- the loaded returns do not cover the six years a backtest needs (dataset_flow_model says which)
    RETURN head || format('<p class="note">No backtest: the loaded returns do not cover the 36 months before %s and '
                          'the 36 months after (doc/sufficiency.md, "Coverage").</p></section>', back_start);
  END;
  SELECT string_agg(format('<tr><td>%s</td><td>%s</td><td>%s to %s</td></tr>', html_escape(p.placement_group),
                           round(p.projected), round(p.lower95), round(p.upper95)), '' ORDER BY p.placement_group)
    INTO rows
    FROM careleaver.project_looked_after(schema_name, la, year_end, 36, 36) p
   WHERE p.age_band = 'All ages' AND p.month = (year_end + interval '36 months')::date;
  ahead := format('<h3>In three years (%s)</h3><table><thead><tr><th scope="col">Placement group</th>'
                  '<th scope="col">Projected</th><th scope="col">95%% interval</th></tr></thead><tbody>%s</tbody></table>',
                  to_char(year_end + interval '36 months', 'DD Mon YYYY'), coalesce(rows, ''));
  RETURN head
    || '<p class="note">A stock-flow projection of the children looked after from the council''s own histories '
    || '(doc/sufficiency.md): rates from the 36 months before the start, 500 simulated futures, the band is their 95% '
    || 'interval. The backtest starts three years before the end of the year and is set beside what happened.</p>'
    || careleaver.svg_band_chart('chart-sufficiency-backtest',
                                 format('Backtest from %s: projected and looked after', to_char(back_start, 'DD Mon YYYY')),
                                 labels, lo, mid, hi, act)
    || ahead || '</section>';
EXCEPTION WHEN invalid_parameter_value THEN
  RETURN head || '<p class="note">No projection: the loaded returns do not cover the 36 months before the end of '
              || 'the year (doc/sufficiency.md, "Coverage").</p></section>';
END
$fn$;
COMMENT ON FUNCTION careleaver.sufficiency_report_html_section(text, text, integer) IS
  'Internal: the report_html section on sufficiency for a council and collection year: a backtest chart (projection '
  'from three years before the year''s end, its 95% band, and the children looked after, disclosure-controlled) and '
  'the projection three years ahead by placement group; a note instead when the loaded returns do not cover it';
