// SPDX-License-Identifier: Apache-2.0
// Draws a tracesim report from the JSON in #tracesim-data. Charts are drawn
// without animation, so every canvas is final when this script ends; it then
// writes #tracesim-status (charts drawn, blank canvases, script errors), which
// the browser test reads.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('tracesim-data').textContent);
  var root = document.getElementById('report');
  var charts = [];
  var palette = ['#1f5fa8', '#d9730d', '#1b7a3d', '#b3261e', '#6b4fa8', '#0f8b8d', '#8a6d3b', '#c2185b'];

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }
  function fmt(v, digits) {
    if (v === null || v === undefined || isNaN(v)) return '–';
    var a = Math.abs(v);
    if (digits === undefined) digits = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : 4;
    return v.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  function alpha(hex, a) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + a + ')';
  }
  function section(title, note) {
    root.appendChild(el('h2', {}, [title]));
    if (note) root.appendChild(el('p', { class: 'note' }, [note]));
  }
  function grid() { var g = el('div', { class: 'charts' }); root.appendChild(g); return g; }

  // A chart in a captioned figure appended to `parent`.
  function chart(parent, title, note, config) {
    var canvas = el('canvas');
    var caption = el('figcaption', {}, [title]);
    if (note) caption.appendChild(el('small', {}, [note]));
    parent.appendChild(el('figure', {}, [caption, el('div', { class: 'plot' }, [canvas])]));
    config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { labels: { boxWidth: 12, filter: function (item) { return item.text !== ''; } } } },
      elements: { point: { radius: 0 }, line: { borderWidth: 1.5 } } }, config.options || {});
    var c = new Chart(canvas, config);
    charts.push(c);
    return c;
  }
  // Datasets drawing `band` (mean, lo, hi per x) as a line over a shaded range.
  function banded(label, band, color) {
    return [
      { label: '', data: band.hi, borderWidth: 0, backgroundColor: alpha(color, 0.22), fill: '+1', pointRadius: 0 },
      { label: '', data: band.lo, borderWidth: 0, fill: false, pointRadius: 0 },
      { label: label, data: band.mean, borderColor: color, backgroundColor: color, fill: false }
    ];
  }
  // Dates label the first day of every other month ("2021-03"), whatever the chart's width.
  function dateTicks() {
    return { grid: { display: false }, ticks: { autoSkip: false, maxRotation: 0, callback: function (v) {
      var label = this.getLabelForValue(v);
      var month = parseInt(label.slice(5, 7), 10);
      return label.slice(8) === '01' && month % 2 === 1 ? label.slice(0, 7) : null;
    } } };
  }
  function dateAxis() { return { x: dateTicks(), y: { beginAtZero: true } }; }

  function header(title, lead, facts) {
    root.appendChild(el('h1', {}, [title]));
    if (lead) root.appendChild(el('p', { class: 'lead' }, [lead]));
    var f = el('div', { class: 'facts' });
    facts.forEach(function (kv) { f.appendChild(el('span', {}, [kv[0] + ': ', el('b', {}, [String(kv[1])])])); });
    root.appendChild(f);
  }

  function kpiTable(kpis, confidence) {
    var t = el('table', {}, [el('tr', {}, [el('th', {}, ['KPI']), el('th', {}, ['mean']),
      el('th', {}, [Math.round(confidence * 100) + '% CI low']), el('th', {}, ['high'])])]);
    kpis.forEach(function (k) {
      t.appendChild(el('tr', {}, [el('td', {}, [k.name]), el('td', {}, [fmt(k.mean)]), el('td', {}, [fmt(k.low)]),
        el('td', {}, [fmt(k.high)])]));
    });
    return el('div', { class: 'scroll' }, [t]);
  }

  // The day-by-day charts of a run: daily.csv's mean and range over replications.
  function dailyCharts(d, ser) {
    var band = 'Line: mean over ' + d.replications + ' replications; shaded: their range (lowest to highest).';
    section('Day by day', band);
    var g = grid();
    chart(g, 'Arrivals per day', 'index cases reaching the platform, contacts identified', { type: 'line',
      data: { labels: d.dates, datasets: banded('index cases', ser['index.arrived'], palette[0])
        .concat(banded('contacts', ser['contacts.arrived'], palette[1])) }, options: { scales: dateAxis() } });
    chart(g, 'Open tasks at closing time', 'index cases and contacts not yet resolved (the backlog)', {
      type: 'line', data: { labels: d.dates, datasets: banded('open tasks', ser['backlog.at_close'], palette[3]) },
      options: { scales: dateAxis() } });
    chart(g, 'People reached per day', 'by an answered call or by SMS (mean)', { type: 'bar',
      data: { labels: d.dates, datasets: [
        { label: 'contacts by call', data: ser['contacts.reached_by_call'].mean, backgroundColor: palette[0], stack: 'r' },
        { label: 'contacts by SMS', data: ser['contacts.reached_by_sms'].mean, backgroundColor: palette[1], stack: 'r' },
        { label: 'index by call', data: ser['index.reached_by_call'].mean, backgroundColor: palette[2], stack: 'r' }] },
      options: { scales: { x: Object.assign(dateTicks(), { stacked: true }), y: { stacked: true, beginAtZero: true } } } });
    chart(g, 'SMS sent per day', 'index cases and contacts', { type: 'line',
      data: { labels: d.dates, datasets: banded('SMS', ser['sms.sent'], palette[4]) }, options: { scales: dateAxis() } });
    chart(g, 'Agent occupancy per day', 'time on attempts / time on shift, all pools', { type: 'line',
      data: { labels: d.dates, datasets: banded('occupancy', ser['agents.occupancy'], palette[2]) },
      options: { scales: { x: dateAxis().x, y: { beginAtZero: true, suggestedMax: 1 } } } });
    chart(g, 'Inbound line per day', 'calls offered, answered and abandoned (mean)', { type: 'line',
      data: { labels: d.dates, datasets: [
        { label: 'offered', data: ser['inbound.offered'].mean, borderColor: palette[0], backgroundColor: palette[0] },
        { label: 'answered', data: ser['inbound.answered'].mean, borderColor: palette[2], backgroundColor: palette[2] },
        { label: 'abandoned', data: ser['inbound.abandoned'].mean, borderColor: palette[3], backgroundColor: palette[3] }] },
      options: { scales: dateAxis() } });

    if (data.reach) {
      chart(g, 'Reached by their deadline, by day of arrival', 'share of the cases and contacts arriving that day ' +
        '(replication 0; those still open at the horizon are left out)', { type: 'line',
        data: { labels: data.reach.dates, datasets: [
          { label: 'contacts', data: data.reach.contacts, borderColor: palette[1], backgroundColor: palette[1] },
          { label: 'index cases', data: data.reach.index, borderColor: palette[0], backgroundColor: palette[0] }] },
        options: { scales: { x: dateTicks(), y: { min: 0, max: 1 } } } });
    }
    if (data.heatmap) heatmap(data.heatmap);

  }

  function runReport() {
    var m = data.metadata, s = data.scenario, d = data.daily, ser = d.series;
    header('tracesim run: ' + s.name, s.description,
      [['period', s.start + ' to ' + s.end], ['pools', s.pools.join(', ')], ['replications', m.replications],
       ['seed', m.seed], ['tracesim', m.tracesim_version], ['scenario hash', m.scenario_hash]]);

    var byName = {};
    data.kpis.forEach(function (k) { byName[k.name] = k; });
    var headline = [['contacts.reached_within_12h', 'contacts reached within 12 h', 'share'],
      ['contacts.reached_within_deadline', 'contacts reached by their deadline', 'share'],
      ['index.reached_within_24h', 'index cases reached within 24 h', 'share'],
      ['backlog.max_at_close', 'largest backlog at close', 'tasks'],
      ['agents.occupancy', 'agent occupancy', 'share'], ['calls.attempts', 'call attempts', 'calls'],
      ['sms.sent', 'SMS sent', 'messages'], ['inbound.answer_rate', 'inbound calls answered', 'share']];
    section('Key figures', 'Mean over ' + m.replications + ' replications, with the ' +
      Math.round(data.confidence * 100) + '% confidence interval of the mean.');
    var cards = el('div', { class: 'cards' });
    headline.forEach(function (h) {
      var k = byName[h[0]];
      if (!k) return;
      cards.appendChild(el('div', { class: 'card' }, [el('div', { class: 'label' }, [h[1]]),
        el('div', { class: 'value' }, [h[2] === 'share' ? fmt(k.mean * 100, 1) + ' %' : fmt(k.mean, 0)]),
        el('div', { class: 'ci' }, [h[2] === 'share' ? fmt(k.low * 100, 1) + ' – ' + fmt(k.high * 100, 1) + ' %'
          : fmt(k.low, 0) + ' – ' + fmt(k.high, 0) + ' ' + h[2]])]));
    });
    root.appendChild(cards);

    dailyCharts(d, ser);

    if (data.missing && data.missing.length) {
      section('Not shown', 'These charts need data the run does not produce yet:');
      var ul = el('ul', { class: 'missing' });
      data.missing.forEach(function (t) { ul.appendChild(el('li', {}, [t])); });
      root.appendChild(ul);
    }

    monthly();
    targets();

    section('Every daily series', 'Any column of daily.csv, with its range over replications.');
    var names = Object.keys(ser);
    var pick = el('select', { class: 'screen-only', 'aria-label': 'daily column' });
    names.forEach(function (n) { pick.appendChild(el('option', { value: n }, [n])); });
    root.appendChild(pick);
    var eg = grid();
    var explorer = chart(eg, 'daily.csv column', null, { type: 'line',
      data: { labels: d.dates, datasets: banded(names[0], ser[names[0]], palette[5]) }, options: { scales: dateAxis() } });
    pick.addEventListener('change', function () {
      explorer.data.datasets = banded(pick.value, ser[pick.value], palette[5]);
      explorer.update();
    });

    section('All KPIs', 'From summary.json (docs/outputs.md defines each).');
    root.appendChild(kpiTable(data.kpis, data.confidence));
  }

  // Occupancy by weekday and hour as a coloured table (no canvas needed).
  function heatmap(h) {
    var days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    section('Occupancy by hour and weekday', 'Busy agent time / agent time on shift in each hour, ' + h.from + ' to ' +
      h.to + ' (replication 0; agents count as on shift from shift start to leaving, breaks included). ' +
      'Small figure: mean agents on shift. Blank: nobody on shift.');
    var head = el('tr', {}, [el('th', {}, [''])]);
    for (var hour = 0; hour < 24; ++hour) head.appendChild(el('th', {}, [String(hour).padStart(2, '0')]));
    var t = el('table', { class: 'heat' }, [head]);
    days.forEach(function (name, d) {
      var tr = el('tr', {}, [el('th', {}, [name])]);
      for (var hr = 0; hr < 24; ++hr) {
        var v = h.occupancy[d][hr], on = h.agents_on_shift[d][hr];
        var agents = on > 0 && on < 0.5 ? '<1' : fmt(on, 0);  // a few minutes of overtime, not nobody
        var td = el('td', {}, v === null ? [] : [fmt(v * 100, 0), el('small', {}, [agents])]);
        if (v !== null) {
          var x = Math.min(v, 1);
          td.style.background = v > 1 ? '#f4c7c3' : 'rgba(31,95,168,' + (0.08 + 0.85 * x).toFixed(3) + ')';
          td.style.color = x > 0.55 ? '#fff' : '#1d2433';
          td.title = days[d] + ' ' + hr + ':00 occupancy ' + fmt(v * 100, 1) + ' %, ' + fmt(on, 1) + ' agents on shift';
        }
        tr.appendChild(td);
      }
      t.appendChild(tr);
    });
    root.appendChild(el('div', { class: 'scroll' }, [t]));
  }

  function monthly() {
    var mo = data.monthly, cols = mo.columns;
    var shown = [['index.arrived', 'index cases'], ['contacts.arrived', 'contacts'],
      ['index.attempts', 'index attempts'], ['contacts.attempts', 'contact attempts'], ['index.sms_sent', 'SMS index'],
      ['contacts.sms_sent', 'SMS contacts'], ['inbound.offered', 'inbound offered'], ['agents.staffed_h', 'staffed h'],
      ['agents.occupancy', 'occupancy']].filter(function (c) { return cols[c[0]]; });
    section('Month by month', 'Totals per month (mean over replications); occupancy is busy / staffed time.');
    var head = el('tr', {}, [el('th', {}, ['month'])]);
    shown.forEach(function (c) { head.appendChild(el('th', {}, [c[1]])); });
    var t = el('table', {}, [head]);
    mo.months.forEach(function (month, i) {
      var tr = el('tr', {}, [el('td', {}, [month])]);
      shown.forEach(function (c) {
        var v = cols[c[0]][i].mean;
        tr.appendChild(el('td', {}, [c[0] === 'agents.occupancy' ? fmt(v * 100, 1) + ' %' : fmt(v, 0)]));
      });
      t.appendChild(tr);
    });
    root.appendChild(el('div', { class: 'scroll' }, [t]));
    if (cols['index.attempts'] && cols['contacts.attempts']) {
      var g = grid();
      chart(g, 'Call attempts per month', 'index cases and contacts (mean)', { type: 'bar',
        data: { labels: mo.months, datasets: [
          { label: 'index', data: cols['index.attempts'].map(function (e) { return e.mean; }), backgroundColor: palette[0], stack: 'a' },
          { label: 'contacts', data: cols['contacts.attempts'].map(function (e) { return e.mean; }), backgroundColor: palette[1], stack: 'a' }] },
        options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } } });
    }
  }

  function targets() {
    if (!data.targets || !data.targets.length) return;
    section('Against the scenario\'s targets', 'The figures the scenario declares under calibration.targets, ' +
      'next to this run (mean and 95% CI). "within" means the mean is inside the tolerance.');
    var t = el('table', {}, [el('tr', {}, ['target', 'KPI', 'period', 'figure', 'tolerance', 'run mean', '95% CI',
      'within', 'role', 'source'].map(function (h) { return el('th', {}, [h]); }))]);
    data.targets.forEach(function (x) {
      var tol = x.relative ? x.tolerance * Math.abs(x.value) : x.tolerance;
      var mean = x.model ? x.model.mean : null;
      var ok = mean !== null && Math.abs(mean - x.value) <= tol;
      t.appendChild(el('tr', {}, [el('td', {}, [x.name]), el('td', { class: 'text' }, [x.kpi]),
        el('td', { class: 'text' }, [x.from || x.to ? (x.from || 'start') + ' to ' + (x.to || 'end') : 'whole run']),
        el('td', {}, [fmt(x.value)]), el('td', {}, [x.relative ? '± ' + fmt(x.tolerance * 100, 0) + ' %' : '± ' + fmt(x.tolerance)]),
        el('td', {}, [fmt(mean)]), el('td', {}, [x.model ? fmt(x.model.low) + ' – ' + fmt(x.model.high) : '–']),
        el('td', { class: mean === null ? '' : ok ? 'ok' : 'miss' }, [mean === null ? 'n/a' : ok ? 'yes' : 'no']),
        el('td', { class: 'text' }, [x.fit ? 'fit' : 'holdout']), el('td', { class: 'text' }, [x.source || ''])]));
    });
    root.appendChild(el('div', { class: 'scroll' }, [t]));
  }

  // Sweep: each KPI against the first varied key, a line per combination of the others.
  function sweepReport() {
    var m = data.metadata, axes = data.axes, pts = data.points;
    header('tracesim sweep: ' + m.scenario, 'Each KPI at every point of the grid: mean over ' + m.replications +
      ' replications with its 95% confidence band (common random numbers across points).',
      [['points', m.points], ['replications per point', m.replications], ['seed', m.seed], ['varied', axes.join(', ')]]);
    var xs = [], groups = {};
    pts.forEach(function (p, i) {
      if (xs.indexOf(p[0]) < 0) xs.push(p[0]);
      var g = p.slice(1).map(function (v, k) { return axes[k + 1] + '=' + v; }).join(', ') || 'mean';
      (groups[g] = groups[g] || []).push(i);
    });
    function kpiChart(parent, k) {
      var sets = [];
      Object.keys(groups).forEach(function (g, gi) {
        var at = function (series) {
          return xs.map(function (x) {
            var i = groups[g].filter(function (j) { return pts[j][0] === x; })[0];
            return i === undefined ? null : series(i);
          });
        };
        var mean = at(function (i) { return k.mean[i]; });
        var band = { mean: mean,
          lo: at(function (i) { return k.mean[i] === null ? null : k.mean[i] - (k.half_width[i] || 0); }),
          hi: at(function (i) { return k.mean[i] === null ? null : k.mean[i] + (k.half_width[i] || 0); }) };
        sets = sets.concat(banded(g, band, palette[gi % palette.length]));
      });
      return chart(parent, k.name, 'against ' + axes[0], { type: 'line', data: { labels: xs, datasets: sets },
        options: { elements: { point: { radius: 2 } }, scales: { x: { title: { display: true, text: axes[0] } } } } });
    }
    var first = ['contacts.reached_within_12h', 'contacts.reached_within_deadline', 'contacts.reached_ever',
      'backlog.max_at_close', 'agents.occupancy', 'sms.sent', 'calls.attempts', 'inbound.answer_rate'];
    var byName = {};
    data.kpis.forEach(function (k) { byName[k.name] = k; });
    section('Main KPIs against ' + axes[0], 'Line: mean; shaded: 95% confidence interval of the mean.');
    var g = grid();
    first.forEach(function (n) { if (byName[n]) kpiChart(g, byName[n]); });
    section('Any KPI');
    var pick = el('select', { class: 'screen-only', 'aria-label': 'KPI' });
    data.kpis.forEach(function (k) { pick.appendChild(el('option', { value: k.name }, [k.name])); });
    root.appendChild(pick);
    var eg = grid(), current = kpiChart(eg, data.kpis[0]);
    pick.addEventListener('change', function () {
      current.destroy();
      charts.splice(charts.indexOf(current), 1);
      eg.innerHTML = '';
      current = kpiChart(eg, byName[pick.value]);
    });
  }


  // Staff: the KPI at every level tried, with its one-sided bounds, against the target.
  function staffReport() {
    var a = data.answer, t = a.target;
    var lever = a.lever.pool ? 'FTE of pool ' + a.lever.pool : 'staff factor (every pool)';
    header('tracesim staff: ' + a.scenario, 'The least ' + lever + ' for which ' + t.kpi + ' ' + t.op + ' ' + t.value +
      ' holds with ' + fmt(a.confidence * 100, 0) + '% one-sided confidence.',
      [['answer', a.complete ? (a.found ? a.level : 'not found up to ' + a.lever.max) : 'search not finished'],
       ['best so far', a.best_so_far ? a.best_so_far.level : '–'], ['levels tried', a.tried.length],
       ['range', a.lever.min + ' to ' + a.lever.max + ' step ' + a.lever.step], ['seed', a.seed],
       ['scenario file', a.scenario_file]]);
    var tried = a.tried.slice().sort(function (x, y) { return x.level - y.level; });
    var levels = tried.map(function (r) { return r.level; });
    section('Evidence at each level', 'Point: the mean over the replications run at that level; bars: the one-sided ' +
      'confidence bounds; green where the target holds. The table below lists the levels in the order the search tried them.');
    var g = grid();
    chart(g, t.kpi + ' against ' + lever, 'dashed: the target ' + t.op + ' ' + t.value, { type: 'line',
      data: { labels: levels, datasets: [
        { label: '', data: tried.map(function (r) { return r.high; }), borderWidth: 0, pointRadius: 0,
          backgroundColor: alpha(palette[0], 0.2), fill: '+1' },
        { label: '', data: tried.map(function (r) { return r.low; }), borderWidth: 0, pointRadius: 0, fill: false },
        { label: 'mean', data: tried.map(function (r) { return r.mean; }), borderColor: palette[0], pointRadius: 4,
          pointBackgroundColor: tried.map(function (r) { return r.holds ? '#1b7a3d' : '#b3261e'; }) },
        { label: 'target', data: levels.map(function () { return t.value; }), borderColor: '#555', borderDash: [6, 4] }] },
      options: { scales: { x: { title: { display: true, text: lever } } } } });
    chart(g, 'Replications per level', 'doubled where the interval straddled the target', { type: 'bar',
      data: { labels: levels, datasets: [{ label: 'replications', data: tried.map(function (r) { return r.replications; }),
        backgroundColor: tried.map(function (r) { return r.holds ? '#1b7a3d' : '#b3261e'; }) }] },
      options: { scales: { y: { beginAtZero: true } } } });
    var tab = el('table', {}, [el('tr', {}, ['order', 'level', 'replications', 'mean', 'low', 'high', 'holds']
      .map(function (h) { return el('th', {}, [h]); }))]);
    a.tried.forEach(function (r, i) {
      tab.appendChild(el('tr', {}, [el('td', {}, [String(i + 1)]), el('td', {}, [String(r.level)]),
        el('td', {}, [String(r.replications)]), el('td', {}, [fmt(r.mean, 4)]), el('td', {}, [fmt(r.low, 4)]),
        el('td', {}, [fmt(r.high, 4)]), el('td', { class: r.holds ? 'ok' : 'miss' }, [r.holds ? 'yes' : 'no'])]));
    });
    root.appendChild(el('div', { class: 'scroll' }, [tab]));
  }

  // Calibrate: every target against the model, and the search's path.
  function calibrateReport() {
    var a = data.answer;
    header('tracesim calibrate: ' + a.scenario, a.check_only ? 'The scenario\'s targets at its own parameter values.'
      : 'The fit of the scenario\'s free parameters to its fitted targets (BOBYQA, common random numbers).',
      [['evaluations', a.evaluations], ['replications each', a.replications], ['seed', a.seed],
       ['sum of squared residuals', fmt(a.objective)], ['finished', a.complete ? 'yes' : 'no (interrupted)'],
       ['scenario file', a.scenario_file]]);
    if (a.parameters.length) {
      section('Parameters');
      var pt = el('table', {}, [el('tr', {}, ['key', 'min', 'max', a.check_only ? 'value' : 'fitted value']
        .map(function (h) { return el('th', {}, [h]); }))]);
      a.parameters.forEach(function (p) {
        var bound = function (v) { return p.unit === 'ms' ? fmt(v / 60000, 2) + ' min' : String(v); };
        pt.appendChild(el('tr', {}, [el('td', {}, [p.key]), el('td', {}, [bound(p.min)]), el('td', {}, [bound(p.max)]),
          el('td', {}, [p.value === null ? (a.best_so_far ? 'best so far ' + a.best_so_far.values.join(', ') : '–') : p.value])]));
      });
      root.appendChild(el('div', { class: 'scroll' }, [pt]));
    }
    section('Targets', 'Residual: (simulated mean − figure) / tolerance; within ±1 is within tolerance.');
    var tt = el('table', {}, [el('tr', {}, ['target', 'KPI', 'period', 'figure', 'simulated mean', '95% CI', 'residual',
      'role', 'source'].map(function (h) { return el('th', {}, [h]); }))]);
    a.targets.forEach(function (x) {
      var ok = x.residual !== null && Math.abs(x.residual) <= 1;
      tt.appendChild(el('tr', {}, [el('td', {}, [x.name]), el('td', { class: 'text' }, [x.kpi]),
        el('td', { class: 'text' }, [x.from || x.to ? (x.from || 'start') + ' to ' + (x.to || 'end') : 'whole run']),
        el('td', {}, [fmt(x.value)]), el('td', {}, [fmt(x.mean)]), el('td', {}, [fmt(x.ci95_low) + ' – ' + fmt(x.ci95_high)]),
        el('td', { class: ok ? 'ok' : 'miss' }, [fmt(x.residual, 2)]), el('td', { class: 'text' }, [x.role]),
        el('td', { class: 'text' }, [x.source || ''])]));
    });
    root.appendChild(el('div', { class: 'scroll' }, [tt]));
    var g = grid();
    if (a.targets.length) {
      chart(g, 'Residual of each target', 'in tolerances; the band ±1 is within tolerance', { type: 'bar',
        data: { labels: a.targets.map(function (x) { return x.name; }), datasets: [{ label: 'residual',
          data: a.targets.map(function (x) { return x.residual; }),
          backgroundColor: a.targets.map(function (x) { return Math.abs(x.residual) <= 1 ? '#1b7a3d' : '#b3261e'; }) }] },
        options: { indexAxis: 'y', scales: { x: { suggestedMin: -1, suggestedMax: 1 } } } });
    }
    if (a.path.length > 1) {
      var labels = a.path.map(function (s) { return s.evaluation; });
      chart(g, 'Search path: objective', 'sum of squared residuals of the fitted targets at each evaluation',
        { type: 'line', data: { labels: labels, datasets: [{ label: 'objective', borderColor: palette[3],
          data: a.path.map(function (s) { return s.objective; }), pointRadius: 2 }] },
          options: { scales: { y: { type: 'logarithmic', ticks: { callback: function (v) {
            var l = Math.log10(v);
            return Math.abs(l - Math.round(l)) < 1e-9 ? '1e' + Math.round(l) : null;
          } } }, x: { title: { display: true, text: 'evaluation' } } } } });
      a.parameters.forEach(function (p, k) {
        var values = a.path.map(function (s) { var v = Number(s.values[k]); return isNaN(v) ? null : v; });
        if (values.every(function (v) { return v === null; })) return;  // durations ("7m30s"): in the table only
        chart(g, 'Search path: ' + p.key, 'the value tried at each evaluation, within [' + p.min + ', ' + p.max + ']',
          { type: 'line', data: { labels: labels, datasets: [{ label: p.key, data: values, borderColor: palette[k % 8],
            pointRadius: 2 }] }, options: { scales: { x: { title: { display: true, text: 'evaluation' } } } } });
      });
    }
  }

  // A canvas is blank when every pixel is fully transparent.
  function isBlank(c) {
    var px = c.canvas.getContext('2d').getImageData(0, 0, c.canvas.width, c.canvas.height).data;
    for (var i = 3; i < px.length; i += 4) if (px[i] !== 0) return false;
    return true;
  }
  try {
    var draw = { run: runReport, sweep: sweepReport, staff: staffReport, calibrate: calibrateReport }[data.kind];
    if (!draw) throw new Error('unknown report kind ' + data.kind);
    draw();
  } catch (e) {
    window.tracesimErrors.push(String(e && e.stack || e));
  }
  var blank = charts.filter(isBlank).length;
  var status = el('div', { id: 'tracesim-status', 'data-charts': String(charts.length), 'data-blank': String(blank),
    'data-errors': String(window.tracesimErrors.length) },
    ['Drawn by tracesim: ' + charts.length + ' charts, ' + blank + ' blank, ' + window.tracesimErrors.length +
     ' script errors. ' + window.tracesimErrors.join(' | ')]);
  root.appendChild(status);
  // The page's height, so a screenshot can be taken of the whole page and no more.
  status.setAttribute('data-height', String(Math.ceil(document.documentElement.scrollHeight)));
})();
