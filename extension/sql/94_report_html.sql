-- The council report: careleaver.report_html(schema_name, la, collection_year) returns one
-- self-contained HTML page (inline CSS, inline SVG charts, no script, no external asset) built
-- from the published reporting views (92_reports.sql); every number on it went through
-- disclosure control (90_disclosure.sql).  See doc/reporting.md.

CREATE FUNCTION careleaver.html_escape(s text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
  AS $$ SELECT replace(replace(replace(replace(replace(s, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
                                       '"', '&quot;'), '''', '&#39;') $$;
COMMENT ON FUNCTION careleaver.html_escape(text) IS
  'Text made safe for HTML and SVG element content and attribute values (& < > " and '' escaped)';

-- Whether a published cell is a number (not one of the symbols c, z, x, k).
CREATE FUNCTION careleaver.is_published_number(cell text) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
  AS $$ SELECT cell ~ '^-?[0-9]+(\.[0-9]+)?$' $$;
COMMENT ON FUNCTION careleaver.is_published_number(text) IS
  'True when a published cell holds a number, false when it holds a symbol (c, z, x, k; metrics.md 9)';

-- A grouped bar chart of percentages.  series: [{"name": text, "values": [published cell, ...]}, ...]
-- with one value per category; a symbol is written at the foot of its bar's place.
-- The frame every chart shares: the svg element with its title, the horizontal grid and the y axis labels.
CREATE FUNCTION careleaver.svg_chart_frame(chart_id text, title text, w integer, h integer, left_m integer,
                                           top_m integer, plot_w integer, plot_h integer, y_max numeric,
                                           y_label text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  out text;
BEGIN
  out := format('<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="%s" role="img" '
                'aria-labelledby="%s-title" viewBox="0 0 %s %s" width="%s" height="%s">'
                '<title id="%s-title">%s</title>'
                '<text x="%s" y="22" class="chart-title">%s</text>',
                html_escape(chart_id), html_escape(chart_id), w, h, w, h, html_escape(chart_id),
                html_escape(title), left_m, html_escape(title));
  FOR g IN 0..4 LOOP
    out := out || format('<line x1="%s" x2="%s" y1="%s" y2="%s" class="grid"/>'
                         '<text x="%s" y="%s" class="axis" text-anchor="end">%s</text>',
                         left_m, left_m + plot_w, top_m + plot_h - g * plot_h / 4, top_m + plot_h - g * plot_h / 4,
                         left_m - 6, top_m + plot_h - g * plot_h / 4 + 4, round(g * y_max / 4));
  END LOOP;
  RETURN out || format('<text x="12" y="%s" class="axis" transform="rotate(-90 12 %s)" text-anchor="middle">%s</text>',
                       top_m + plot_h / 2, top_m + plot_h / 2, html_escape(y_label));
END
$fn$;
COMMENT ON FUNCTION careleaver.svg_chart_frame(text, text, integer, integer, integer, integer, integer, integer, numeric, text) IS
  'Internal: the opening of an inline SVG chart of the report: svg element and title, a grid of five lines from 0 to '
  'y_max with their labels, and the y axis label';

CREATE FUNCTION careleaver.svg_bar_chart(chart_id text, title text, categories text[], series jsonb,
                                         y_label text DEFAULT 'per cent')
  RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  w constant int := 680;
  h constant int := 300;
  left_m constant int := 50;
  top_m constant int := 40;
  plot_w constant int := w - left_m - 20;
  plot_h constant int := h - top_m - 60;
  colours constant text[] := ARRAY['#1d70b8', '#f47738', '#00703c', '#912b88', '#505a5f'];
  n_cat int := coalesce(array_length(categories, 1), 0);
  n_ser int := jsonb_array_length(series);
  group_w numeric;
  bar_w numeric;
  out text;
  v text;
  x numeric;
  bh numeric;
  legend_x numeric;
BEGIN
  out := svg_chart_frame(chart_id, title, w, h, left_m, top_m, plot_w, plot_h, 100, y_label);
  IF n_cat = 0 OR n_ser = 0 THEN
    RETURN out || format('<text x="%s" y="%s" class="axis">no data</text></svg>', left_m + 10, top_m + plot_h / 2);
  END IF;
  group_w := plot_w::numeric / n_cat;
  bar_w := (group_w * 0.8) / n_ser;
  FOR ci IN 1..n_cat LOOP
    out := out || format('<text x="%s" y="%s" class="axis" text-anchor="middle">%s</text>',
                         round(left_m + (ci - 0.5) * group_w, 1), top_m + plot_h + 16, html_escape(categories[ci]));
    FOR si IN 0..n_ser - 1 LOOP
      v := series -> si -> 'values' ->> (ci - 1);
      x := left_m + (ci - 1) * group_w + group_w * 0.1 + si * bar_w;
      IF v IS NOT NULL AND is_published_number(v) THEN
        bh := least(greatest(v::numeric, 0), 100) * plot_h / 100;
        out := out || format('<rect class="bar" x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s: %s%%</title></rect>',
                             round(x, 1), round(top_m + plot_h - bh, 1), round(bar_w - 2, 1), round(bh, 1),
                             colours[1 + si % 5], html_escape(categories[ci] || ', ' || (series -> si ->> 'name')),
                             html_escape(v));
      ELSE
        out := out || format('<text x="%s" y="%s" class="symbol" text-anchor="middle">%s</text>',
                             round(x + bar_w / 2, 1), top_m + plot_h - 4, html_escape(coalesce(v, 'x')));
      END IF;
    END LOOP;
  END LOOP;
  legend_x := left_m;
  FOR si IN 0..n_ser - 1 LOOP
    out := out || format('<rect x="%s" y="%s" width="12" height="12" fill="%s"/><text x="%s" y="%s" class="legend">%s</text>',
                         legend_x, h - 22, colours[1 + si % 5], legend_x + 16, h - 12,
                         html_escape(series -> si ->> 'name'));
    legend_x := legend_x + 36 + 6.5 * length(series -> si ->> 'name');
  END LOOP;
  RETURN out || '</svg>';
END
$fn$;
COMMENT ON FUNCTION careleaver.svg_bar_chart(text, text, text[], jsonb, text) IS
  'An inline SVG grouped bar chart of published percentages (0 to 100); a suppressed or missing value is drawn as its symbol';

-- A line chart over categorical x positions; a symbol breaks the line and is written at the foot.
CREATE FUNCTION careleaver.svg_line_chart(chart_id text, title text, x_labels text[], series jsonb,
                                          y_max numeric DEFAULT 100, y_label text DEFAULT 'per cent')
  RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  w constant int := 680;
  h constant int := 300;
  left_m constant int := 50;
  top_m constant int := 40;
  plot_w constant int := w - left_m - 30;
  plot_h constant int := h - top_m - 60;
  colours constant text[] := ARRAY['#1d70b8', '#f47738', '#00703c', '#912b88', '#505a5f'];
  n_x int := coalesce(array_length(x_labels, 1), 0);
  n_ser int := jsonb_array_length(series);
  step numeric;
  out text;
  v text;
  pts text;
  x numeric;
  y numeric;
  legend_x numeric;
BEGIN
  out := svg_chart_frame(chart_id, title, w, h, left_m, top_m, plot_w, plot_h, y_max, y_label);
  IF n_x = 0 OR n_ser = 0 THEN
    RETURN out || format('<text x="%s" y="%s" class="axis">no data</text></svg>', left_m + 10, top_m + plot_h / 2);
  END IF;
  step := CASE WHEN n_x = 1 THEN 0 ELSE plot_w::numeric / (n_x - 1) END;
  FOR xi IN 1..n_x LOOP
    out := out || format('<text x="%s" y="%s" class="axis" text-anchor="middle">%s</text>',
                         round(left_m + (xi - 1) * step + CASE WHEN n_x = 1 THEN plot_w / 2 ELSE 0 END, 1),
                         top_m + plot_h + 16, html_escape(x_labels[xi]));
  END LOOP;
  legend_x := left_m;
  FOR si IN 0..n_ser - 1 LOOP
    pts := '';
    FOR xi IN 1..n_x LOOP
      v := series -> si -> 'values' ->> (xi - 1);
      x := left_m + (xi - 1) * step + CASE WHEN n_x = 1 THEN plot_w / 2 ELSE 0 END;
      IF v IS NOT NULL AND is_published_number(v) THEN
        y := top_m + plot_h - least(greatest(v::numeric, 0), y_max) * plot_h / y_max;
        pts := pts || format('%s,%s ', round(x, 1), round(y, 1));
        out := out || format('<circle class="point" cx="%s" cy="%s" r="3.5" fill="%s"><title>%s, %s: %s</title></circle>',
                             round(x, 1), round(y, 1), colours[1 + si % 5], html_escape(series -> si ->> 'name'),
                             html_escape(x_labels[xi]), html_escape(v));
      ELSE
        IF pts <> '' THEN
          out := out || format('<polyline class="line" points="%s" stroke="%s"/>', rtrim(pts), colours[1 + si % 5]);
        END IF;
        pts := '';
        out := out || format('<text x="%s" y="%s" class="symbol" text-anchor="middle" fill="%s">%s</text>',
                             round(x, 1), top_m + plot_h - 4 - si * 12, colours[1 + si % 5],
                             html_escape(coalesce(v, 'x')));
      END IF;
    END LOOP;
    IF pts <> '' THEN
      out := out || format('<polyline class="line" points="%s" stroke="%s"/>', rtrim(pts), colours[1 + si % 5]);
    END IF;
    out := out || format('<rect x="%s" y="%s" width="12" height="12" fill="%s"/><text x="%s" y="%s" class="legend">%s</text>',
                         legend_x, h - 22, colours[1 + si % 5], legend_x + 16, h - 12,
                         html_escape(series -> si ->> 'name'));
    legend_x := legend_x + 36 + 6.5 * length(series -> si ->> 'name');
  END LOOP;
  RETURN out || '</svg>';
END
$fn$;
COMMENT ON FUNCTION careleaver.svg_line_chart(text, text, text[], jsonb, numeric, text) IS
  'An inline SVG line chart of published values over categorical x positions; a suppressed or missing value breaks the line and is drawn as its symbol';

CREATE FUNCTION careleaver.report_html(schema_name text, la text, collection_year integer) RETURNS text
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, careleaver, pg_temp
AS $fn$
DECLARE
  sch text := schema_name;
  the_la text := la;
  yr int := collection_year;
  t text;
  html text;
  css text;
  summary record;
  leavers text := '';
  ages text[];
  eet_by_age jsonb;
  years text[];
  over_years jsonb;
  stab_years text[];
  stab jsonb;
  rh_days text[];
  rh_series jsonb := '[]'::jsonb;
  dq text := '';
  cov text := '';
  cov_years text;
  oc3_note text := '';
  nf text := '';
  symbols text := '';
  version text;
  r record;
  n int;
BEGIN
  PERFORM careleaver.dataset_check_owner(schema_name);  -- never run another role's code (doc/dataset.md)
  IF sch IS NULL OR to_regnamespace(quote_ident(sch)) IS NULL THEN
    RAISE EXCEPTION 'dataset schema "%" does not exist', sch
      USING ERRCODE = '3F000', HINT = 'Create it with careleaver.create_dataset() and load or generate data first.';
  END IF;
  FOREACH t IN ARRAY ARRAY['header', 'episodes', 'oc3'] LOOP
    IF to_regclass(format('%I.%I', sch, t)) IS NULL THEN
      RAISE EXCEPTION 'dataset schema "%" has no table "%"', sch, t
        USING ERRCODE = '42P01', HINT = 'Create the dataset tables with careleaver.create_dataset().';
    END IF;
  END LOOP;
  IF yr IS NULL OR yr < 1990 OR yr > 2100 THEN
    RAISE EXCEPTION 'invalid collection year: %', yr
      USING ERRCODE = '22023', HINT = 'A collection year is named by the year it ends, e.g. 2024 for 2023-24.';
  END IF;
  EXECUTE format('SELECT count(*) FROM %I.episodes WHERE la = $1', sch) INTO n USING the_la;
  IF n = 0 THEN
    RAISE EXCEPTION 'dataset "%" has no episodes for local authority "%"', sch, the_la
      USING ERRCODE = '22023', HINT = 'Check the la code against the episodes table.';
  END IF;
  -- the figures come from the fact layer: never from facts older than this council's data (doc/facts.md)
  PERFORM careleaver.facts_require_current(sch, the_la);
  SELECT extversion INTO version FROM pg_extension WHERE extname = 'careleaver';

  -- Headline figures (looked_after_summary_published)
  EXECUTE format('SELECT * FROM (%s) v WHERE v.la = $1 AND v.collection_year = $2',
                 reporting_view_sql('looked_after_summary_published', sch))
    INTO summary USING the_la, yr;

  -- Care leavers by age in the year (care_leavers_by_age_published)
  FOR r IN EXECUTE format('SELECT * FROM (%s) v WHERE v.la = $1 AND v.collection_year = $2 ORDER BY v.age',
                          reporting_view_sql('care_leavers_by_age_published', sch)) USING the_la, yr LOOP
    oc3_note := oc3_note || format('<li>Age %s: %s (membership by %s)</li>', r.age, html_escape(r.oc3_records),
                                   html_escape(r.basis));
    leavers := leavers || format('<tr><th scope="row">%s</th>' || repeat('<td class="num">%s</td>', 10) || '</tr>',
                                 r.age, r.care_leavers, r.in_touch, r.in_touch_percent, r.eet, r.eet_percent,
                                 r.neet, r.neet_percent, r.suitable, r.suitable_percent, r.unsuitable);
  END LOOP;
  EXECUTE format('SELECT array_agg(v.age::text ORDER BY v.age), '
                 'jsonb_build_array(jsonb_build_object(''name'', ''in touch'', ''values'', jsonb_agg(v.in_touch_percent ORDER BY v.age)), '
                 'jsonb_build_object(''name'', ''in education, employment or training'', ''values'', jsonb_agg(v.eet_percent ORDER BY v.age)), '
                 'jsonb_build_object(''name'', ''in suitable accommodation'', ''values'', jsonb_agg(v.suitable_percent ORDER BY v.age))) '
                 'FROM (%s) v WHERE v.la = $1 AND v.collection_year = $2',
                 reporting_view_sql('care_leavers_by_age_published', sch))
    INTO ages, eet_by_age USING the_la, yr;

  -- Outcomes over years, ages 19 to 21 pooled, published after suppression of the pooled rows
  EXECUTE format($q$
    SELECT array_agg(y.collection_year::text ORDER BY y.collection_year),
           jsonb_build_array(
             jsonb_build_object('name', 'in education, employment or training',
                                'values', jsonb_agg(CASE WHEN (careleaver.suppress_row(ARRAY[y.eet, y.neet, y.activity_not_known, y.no_information]))[1] = 'c'
                                                         THEN 'c' ELSE careleaver.publish_percent(y.eet, y.care_leavers) END
                                                    ORDER BY y.collection_year)),
             jsonb_build_object('name', 'in suitable accommodation',
                                'values', jsonb_agg(CASE WHEN (careleaver.suppress_row(ARRAY[y.suitable, y.unsuitable, y.accommodation_not_known, y.no_information]))[1] = 'c'
                                                         THEN 'c' ELSE careleaver.publish_percent(y.suitable, y.care_leavers) END
                                                    ORDER BY y.collection_year)))
      FROM (SELECT v.collection_year, sum(v.care_leavers)::bigint AS care_leavers, sum(v.eet)::bigint AS eet, sum(v.neet)::bigint AS neet,
                   sum(v.activity_not_known)::bigint AS activity_not_known, sum(v.suitable)::bigint AS suitable,
                   sum(v.unsuitable)::bigint AS unsuitable, sum(v.accommodation_not_known)::bigint AS accommodation_not_known,
                   sum(v.no_information)::bigint AS no_information
              FROM (%s) v WHERE v.la = $1 AND v.age BETWEEN 19 AND 21 AND v.collection_year <= $2
             GROUP BY v.collection_year) y$q$,
    reporting_view_sql('care_leavers_by_age', sch))
    INTO years, over_years USING the_la, yr;

  -- Placement stability over years
  EXECUTE format('SELECT array_agg(v.collection_year::text ORDER BY v.collection_year), '
                 'jsonb_build_array(jsonb_build_object(''name'', ''short-term: 3+ placements'', '
                 '''values'', jsonb_agg(v.three_or_more_placements_percent ORDER BY v.collection_year)), '
                 'jsonb_build_object(''name'', ''two-year: 3+ in two years'', '
                 '''values'', jsonb_agg(v.two_year_three_or_more_percent ORDER BY v.collection_year)), '
                 'jsonb_build_object(''name'', ''long-term: same carer'', '
                 '''values'', jsonb_agg(v.long_term_stable_percent ORDER BY v.collection_year))) '
                 'FROM (%s) v WHERE v.la = $1 AND v.collection_year <= $2',
                 reporting_view_sql('placement_stability_published', sch))
    INTO stab_years, stab USING the_la, yr;

  -- Time to return home: the three latest entry cohorts with a year of follow-up
  FOR r IN EXECUTE format('SELECT v.entry_year, array_agg(v.day::text ORDER BY v.day) AS days, '
                          'jsonb_agg(v.cumulative_incidence_percent ORDER BY v.day) AS vals, min(v.periods_started) AS n '
                          'FROM (%s) v WHERE v.la = $1 AND v.entry_year BETWEEN $2 - 3 AND $2 - 1 '
                          'GROUP BY v.entry_year ORDER BY v.entry_year',
                          reporting_view_sql('return_home_by_duration_published', sch)) USING the_la, yr LOOP
    rh_days := r.days;
    rh_series := rh_series || jsonb_build_array(jsonb_build_object(
                   'name', format('entered %s-%s (%s)', r.entry_year - 1, right(r.entry_year::text, 2), r.n),
                   'values', r.vals));
  END LOOP;

  -- National Framework indicators
  FOR r IN EXECUTE format('SELECT * FROM (%s) v WHERE v.la = $1 AND v.collection_year = $2 ORDER BY v.ordinal',
                          reporting_view_sql('national_framework_published', sch)) USING the_la, yr LOOP
    nf := nf || format('<tr><td class="num">%s</td><td>%s</td><td>%s</td><td class="num">%s</td><td class="num">%s</td><td class="num">%s</td><td>%s</td></tr>',
                       coalesce(r.dashboard_no::text, ''), html_escape(r.indicator), html_escape(r.unit),
                       html_escape(r.value), html_escape(r.previous_value), html_escape(r.change),
                       html_escape(coalesce(r.not_available_reason || '; ', '') || r.source));
  END LOOP;

  -- Coverage: what the figures are published for (metrics.md 11)
  FOR r IN EXECUTE format('SELECT * FROM (%s) v WHERE v.la = $1 ORDER BY v.view_name, v.measure',
                          reporting_view_sql('coverage', sch)) USING the_la LOOP
    IF cov = '' THEN
      cov := format('<p class="note">Figures are published only for the collection years this council''s returns cover: '
                    '%s (%s). Measures that need earlier history or a later follow-up are published only where the returns '
                    'hold it (metrics.md section 11).</p><table><thead><tr><th scope="col">Measure</th>'
                    '<th scope="col">Published for</th><th scope="col">Not published</th></tr></thead><tbody>',
                    html_escape(r.covered_years), html_escape(r.coverage_basis));
    END IF;
    cov_years := r.covered_years;
    cov := cov || format('<tr><td>%s</td><td>%s</td><td>%s</td></tr>', html_escape(r.measure),
                         html_escape(r.published_years), html_escape(coalesce(r.not_published, '')));
  END LOOP;
  cov := CASE WHEN cov = '' THEN '<p class="note">No covered collection year.</p>' ELSE cov || '</tbody></table>' END;
  IF NOT coalesce(yr = ANY (string_to_array(cov_years, ', ')::integer[]), false) THEN
    cov := format('<p class="note"><strong>The returns do not cover collection year %s: no figure of this page is published for it.</strong></p>', yr) || cov;
  END IF;

  -- Data quality
  FOR r IN EXECUTE format('SELECT v.defect, sum(v.records)::bigint AS records FROM (%s) v '
                          'WHERE v.la = $1 AND v.collection_year <= $2 GROUP BY v.defect ORDER BY v.defect',
                          reporting_view_sql('data_quality', sch)) USING the_la, yr LOOP
    dq := dq || format('<tr><td>%s</td><td class="num">%s</td></tr>', html_escape(r.defect),
                       publish_count(r.records));
  END LOOP;
  IF dq = '' THEN
    dq := '<tr><td>No defects found in the episodes and OC3 records.</td><td class="num">0</td></tr>';
  END IF;

  FOR r IN SELECT * FROM careleaver.disclosure_symbols LOOP
    symbols := symbols || format('<dt>%s</dt><dd>%s: %s</dd>', r.symbol, html_escape(r.meaning), html_escape(r.used_when));
  END LOOP;

  css := 'body{font-family:Arial,Helvetica,sans-serif;margin:0;color:#0b0c0c;background:#fff}'
      || 'header{background:#0b0c0c;color:#fff;padding:16px 32px}header h1{margin:0;font-size:28px}'
      || 'header p{margin:4px 0 0;color:#d0d0d0}main{padding:16px 32px;max-width:1100px}'
      || 'h2{border-bottom:2px solid #1d70b8;padding-bottom:4px;margin-top:32px}'
      || '.tiles{display:flex;flex-wrap:wrap;gap:12px}.tile{border-left:6px solid #1d70b8;background:#f3f2f1;padding:10px 16px;min-width:150px}'
      || '.tile .value{font-size:32px;font-weight:bold}.tile .label{font-size:14px}'
      || 'table{border-collapse:collapse;margin:8px 0}th,td{border-bottom:1px solid #b1b4b6;padding:6px 10px;text-align:left}'
      || 'td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}thead th{background:#f3f2f1}'
      || 'svg.chart{display:block;margin:12px 0;background:#fff;border:1px solid #e0e0e0}'
      || '.chart-title{font-size:15px;font-weight:bold;fill:#0b0c0c}.axis{font-size:12px;fill:#505a5f}'
      || '.legend{font-size:12px;fill:#0b0c0c}.symbol{font-size:13px;font-weight:bold;fill:#d4351c}'
      || '.grid{stroke:#e0e0e0;stroke-width:1}.line{fill:none;stroke-width:2.5}'
      || 'dl{display:grid;grid-template-columns:40px auto;gap:4px}dt{font-weight:bold}dd{margin:0}'
      || '.note{color:#505a5f;font-size:14px}footer{padding:16px 32px;color:#505a5f;font-size:13px;border-top:1px solid #b1b4b6}';

  html := '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
       || '<meta name="viewport" content="width=device-width, initial-scale=1">'
       || format('<title>Children in care and care leavers: %s, %s-%s</title>', html_escape(the_la), yr - 1, right(yr::text, 2))
       || '<style>' || css || '</style></head><body>'
       || format('<header><h1>Children in care and care leavers</h1><p>Local authority %s &middot; collection year %s-%s (1 April %s to 31 March %s) &middot; dataset %s</p></header>',
                 html_escape(the_la), yr - 1, right(yr::text, 2), yr - 1, yr, html_escape(sch))
       || '<main>'
       || '<section id="headline"><h2>The year at a glance</h2><div class="tiles">'
       || format('<div class="tile"><div class="value">%s</div><div class="label">looked after on 31 March %s</div></div>',
                 coalesce(summary.looked_after_31_march, 'x'), yr)
       || format('<div class="tile"><div class="value">%s</div><div class="label">periods of care started</div></div>',
                 coalesce(summary.periods_started, 'x'))
       || format('<div class="tile"><div class="value">%s</div><div class="label">periods of care ended</div></div>',
                 coalesce(summary.periods_ended, 'x'))
       || format('<div class="tile"><div class="value">%s</div><div class="label">returned home</div></div>',
                 coalesce(summary.returned_home, 'x'))
       || format('<div class="tile"><div class="value">%s</div><div class="label">adopted</div></div>',
                 coalesce(summary.adopted, 'x'))
       || format('<div class="tile"><div class="value">%s</div><div class="label">special guardianship orders</div></div>',
                 coalesce(summary.special_guardianship, 'x'))
       || '</div></section>'
       || '<section id="national-framework"><h2>Children''s Social Care Dashboard indicators</h2>'
       || '<p class="note">The indicators of DfE''s Children''s Social Care Dashboard that SSDA903 returns can give, '
       || 'numbered and worded as DfE does, as whole numbers; x marks an indicator that needs data not held yet. '
       || 'DfE says the Dashboard is not a tool to measure local authority performance: it supports learning and '
       || 'conversation about the National Framework''s outcomes.</p>'
       || '<table><thead><tr><th scope="col">No.</th><th scope="col">Indicator</th><th scope="col">Unit</th>'
       || '<th scope="col">This year</th><th scope="col">Last year</th>'
       || '<th scope="col">Change</th><th scope="col">Definition</th></tr></thead><tbody>'
       || CASE WHEN nf = '' THEN '<tr><td colspan="7">No indicators for this year.</td></tr>' ELSE nf END
       || '</tbody></table></section>'
       || careleaver.dashboard_comparison_html(sch, the_la, yr)
       || '<section id="care-leavers"><h2>Care leavers by age</h2>'
       || '<p class="note">The care-leaver cohort of the year: young people whose birthday in the year finds them '
       || 'relevant or former relevant (metrics.md sections 4 and 5), by the age reached. Those who died or returned '
       || 'home for six months or more (IN_TOUCH DIED, RHOM) are left out of every denominator; members with no OC3 '
       || 'record count as no information. Percentages are of the care leavers in the row.</p>'
       || '<table><thead><tr><th scope="col">Age</th><th scope="col">Care leavers</th><th scope="col">In touch</th><th scope="col">%</th>'
       || '<th scope="col">In education, employment or training</th><th scope="col">%</th><th scope="col">Not in education, employment or training</th><th scope="col">%</th>'
       || '<th scope="col">Suitable accommodation</th><th scope="col">%</th><th scope="col">Unsuitable accommodation</th></tr></thead><tbody>'
       || CASE WHEN leavers = '' THEN '<tr><td colspan="11">No OC3 records for this year.</td></tr>' ELSE leavers END
       || '</tbody></table>'
       || CASE WHEN oc3_note = '' THEN '' ELSE '<ul class="note" id="oc3-records">' || oc3_note || '</ul>' END
       || svg_bar_chart('chart-outcomes-by-age', format('Outcomes by age, %s-%s', yr - 1, right(yr::text, 2)),
                        coalesce(ages, ARRAY[]::text[]), coalesce(eet_by_age, '[]'::jsonb))
       || svg_line_chart('chart-outcomes-over-years', 'Outcomes of care leavers aged 19 to 21 over the years',
                         coalesce(years, ARRAY[]::text[]), coalesce(over_years, '[]'::jsonb))
       || '</section>'
       || '<section id="stability"><h2>Placement stability</h2>'
       || '<p class="note">The DfE measures for children looked after on 31 March (metrics.md section 7): three or more '
       || 'placements in the year (short-term); of those looked after two years or more, three or more placements in the '
       || 'two years; of those under 16 looked after 2.5 years or more, the share with the same carer for two years '
       || '(long-term, higher is better). Temporary placements are not counted.</p>'
       || svg_line_chart('chart-stability', 'Placement stability',
                         coalesce(stab_years, ARRAY[]::text[]), coalesce(stab, '[]'::jsonb),
                         greatest(20, (SELECT ceil(max(e::numeric) / 20) * 20
                                         FROM jsonb_array_elements(coalesce(stab, '[]')) ser,
                                              jsonb_array_elements_text(CASE WHEN jsonb_typeof(ser -> 'values') = 'array'
                                                                        THEN ser -> 'values' ELSE '[]' END) e
                                        WHERE is_published_number(e))))
       || '</section>'
       || '<section id="return-home"><h2>Time to return home</h2>'
       || '<p class="note">Cumulative incidence of a return home (REC E4A, E4B) by days since the start of the period of care, '
       || 'for the children who entered care in each year; other exits compete and periods still open are censored '
       || '(Aalen-Johansen, metrics.md sections 6 and 8).</p>'
       || svg_line_chart('chart-return-home', 'Returned home by days since entering care',
                         coalesce(rh_days, ARRAY[]::text[]), rh_series, 100)
       || '</section>'
       || careleaver.cin_report_html_section(sch, the_la, yr)   -- Family Help (85_cin.sql)
       || careleaver.sufficiency_report_html_section(sch, the_la, yr)   -- 88_sufficiency.sql
       || '<section id="coverage"><h2>What the returns cover</h2>' || cov || '</section>'
       || '<section id="data-quality"><h2>Data quality</h2><table><thead><tr><th scope="col">Defect</th><th scope="col">Records</th></tr></thead><tbody>'
       || dq || '</tbody></table></section>'
       || '<section id="symbols"><h2>Symbols and disclosure control</h2>'
       || format('<p class="note">Counts from 1 to %s are suppressed; where one cell of a row would be the only one hidden, '
                 'the next smallest is hidden too, so no suppressed figure can be recovered from a total (metrics.md section 9).</p>',
                 suppression_threshold())
       || '<dl>' || symbols || '</dl></section>'
       || '</main>'
       || format('<footer>Produced by careleaver %s on %s from dataset %s. Definitions: metrics.md. '
                 'This page is self-contained: no scripts and no external resources.</footer>',
                 html_escape(coalesce(version, '?')), to_char(now(), 'YYYY-MM-DD HH24:MI'), html_escape(sch))
       || '</body></html>';
  RETURN html;
END
$fn$;
COMMENT ON FUNCTION careleaver.report_html(text, text, integer) IS
  'A self-contained HTML report (inline CSS and SVG charts, no script, no external assets) for one local authority '
  'and collection year of a dataset: headline figures, care leavers by age, outcomes over the years, placement '
  'stability and time to return home; every number goes through disclosure control (doc/reporting.md, metrics.md 9). '
  'Read from the fact layer: refuses (SQLSTATE 55000) when the council''s facts are older than its data, with a hint '
  'to run careleaver.refresh (doc/facts.md)';
