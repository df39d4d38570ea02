// The clinician page of `causalrx serve`: a form built from GET /v1/model's input schema, the answer of
// POST /v1/recommendations with its reason and the effect interval drawn against 0, and the run's headline.
// Text is set with textContent only. A URL fragment (#key=...&age=50&submit=1) pre-fills the form; it is removed
// from the address bar at once and never sent to the server.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var model = null;
  var prefill = new URLSearchParams(location.hash.slice(1));
  if (location.hash) {
    history.replaceState(null, '', location.pathname);
  }

  function $(id) { return document.getElementById(id); }

  function node(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function fmt(x) { return x === null || x === undefined ? '–' : Number(x).toPrecision(4); }

  function call(method, path, body) {
    var headers = { 'Authorization': 'Bearer ' + $('key').value };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (j) { return { status: r.status, body: j }; }); });
  }

  function showProblem(p) {
    var box = $('problem');
    box.replaceChildren(node('strong', p.title || 'Error'), node('p', p.detail || ''));
    (p.errors || []).forEach(function (e) { box.appendChild(node('p', e.field + ': ' + e.detail)); });
    box.hidden = false;
    $('result').hidden = true;
  }

  function loadModel() {
    $('problem').hidden = true;
    return call('GET', '/v1/model').then(function (res) {
      if (res.status !== 200) { showProblem(res.body); return; }
      model = res.body;
      $('model-id').textContent = 'Model ' + model.model_id + ' · bundle ' + model.bundle_sha256.slice(0, 12);
      showHeadline(model);
      buildForm(model.input_schema);
      $('model-info').hidden = false;
      if (prefill.get('submit') === '1') { recommend(); }
    });
  }

  function showHeadline(m) {
    var box = $('headline');
    box.replaceChildren(node('strong', 'Does this policy beat current practice?'));
    var h = m.headline;
    if (!h) { box.appendChild(node('p', 'The run\'s results are not beside the bundle.')); return; }
    var v = h.values;
    var better = m.outcome && m.outcome.better_sign < 0 ? 'lower' : 'higher';
    box.appendChild(node('p', 'On ' + (v.n_test === undefined ? 'the' : v.n_test) + ' test patients, following the '
      + 'policy gives a mean ' + m.outcome.column + ' of ' + fmt(v.value) + ' against ' + fmt(v.current_practice)
      + ' under current practice: a gain of ' + fmt(v.gain) + ' (95 % interval ' + fmt(v.gain_low) + ' to '
      + fmt(v.gain_high) + '; ' + better + ' is better).', { id: 'headline-values' }));
    if (h.text) { box.appendChild(node('p', h.text, { 'class': 'muted' })); }
  }

  function buildForm(schema) {
    var form = $('patient');
    form.replaceChildren();
    if (schema.id_column) {
      form.appendChild(field(schema.id_column + ' (patient id, optional)', input(schema.id_column, 'text')));
    }
    schema.columns.forEach(function (c) {
      var control;
      if (c.type === 'categorical') {
        control = node('select', null, { name: c.name, 'data-type': 'categorical' });
        control.appendChild(node('option', c.missing_in_training ? 'unknown' : 'choose…', { value: '' }));
        c.levels.filter(function (l) { return l !== 'missing'; }).forEach(function (l) {
          control.appendChild(node('option', l, { value: l }));
        });
      } else {
        control = input(c.name, 'number');
        control.setAttribute('step', 'any');
        control.setAttribute('data-type', 'numeric');
        control.setAttribute('placeholder', 'empty when unknown');
      }
      if (prefill.has(c.name)) { control.value = prefill.get(c.name); }
      form.appendChild(field(c.name, control));
    });
    if (schema.id_column && prefill.has(schema.id_column)) { form.elements[schema.id_column].value = prefill.get(schema.id_column); }
    form.appendChild(node('button', 'Recommend', { type: 'submit', id: 'recommend' }));
    form.onsubmit = function (ev) { ev.preventDefault(); recommend(); };
  }

  function input(name, type) { return node('input', null, { name: name, type: type }); }

  function field(text, control) {
    var l = node('label');
    l.appendChild(node('span', text));
    l.appendChild(control);
    return l;
  }

  function recommend() {
    var patient = {};
    Array.prototype.forEach.call($('patient').elements, function (e) {
      if (!e.name) { return; }
      var t = e.getAttribute('data-type');
      if (e.value === '') { if (t) { patient[e.name] = null; } return; }
      patient[e.name] = t === 'numeric' ? Number(e.value) : e.value;
    });
    $('problem').hidden = true;
    return call('POST', '/v1/recommendations', patient).then(function (res) {
      if (res.status !== 200) { showProblem(res.body); return; }
      showResult(res.body.recommendations[0]);
    });
  }

  function showResult(r) {
    $('result-recommendation').textContent = r.deferred ? 'DEFER: no recommendation' : 'Recommend: ' + r.recommendation;
    $('result-reason').textContent = r.reason;
    var box = $('result-effect');
    box.replaceChildren();
    if (r.cate !== null) {
      var iv = r.interval;
      box.appendChild(node('p', 'Predicted effect of treatment: ' + fmt(r.cate)
        + (iv ? ' (interval ' + fmt(iv.lo) + ' to ' + fmt(iv.hi) + ')' : ' (no interval: Inclusive policy)')));
      box.appendChild(effectFigure([{ label: 'effect', x: r.cate, lo: iv ? iv.lo : null, hi: iv ? iv.hi : null }]));
      $('result-propensity').textContent = 'Propensity of treatment for patients like this one: ' + fmt(r.propensity);
    } else {
      var rows = Object.keys(r.effects || {}).map(function (k) {
        return { label: k + ' vs reference', x: r.effects[k], lo: null, hi: null };
      });
      box.appendChild(node('p', 'Predicted effect of each arm against the reference arm:'));
      box.appendChild(effectFigure(rows));
      $('result-propensity').textContent = 'Propensities: ' + Object.keys(r.propensities || {}).map(function (k) {
        return k + ' ' + fmt(r.propensities[k]);
      }).join(', ');
    }
    $('result').hidden = false;
  }

  // One row per effect: the point, its interval when given, and a vertical line at 0.
  function effectFigure(rows) {
    var w = 560, left = 150, right = 20, rowH = 28, h = rows.length * rowH + 30;
    var xs = [0];
    rows.forEach(function (r) { [r.x, r.lo, r.hi].forEach(function (v) { if (v !== null) { xs.push(v); } }); });
    var min = Math.min.apply(null, xs), max = Math.max.apply(null, xs), pad = (max - min || 1) * 0.1;
    min -= pad; max += pad;
    function sx(v) { return left + (v - min) / (max - min) * (w - left - right); }
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('id', 'interval-figure');
    svg.setAttribute('width', w);
    svg.setAttribute('height', h);
    svg.setAttribute('role', 'img');
    function add(tag, attrs, text) {
      var e = document.createElementNS(SVG, tag);
      Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
      if (text !== undefined) { e.textContent = text; }
      svg.appendChild(e);
      return e;
    }
    add('line', { x1: sx(0), x2: sx(0), y1: 0, y2: h - 20, stroke: '#888', 'stroke-dasharray': '4 3', id: 'zero-line' });
    add('text', { x: sx(0), y: h - 5, 'text-anchor': 'middle', 'font-size': 11 }, '0 (no effect)');
    rows.forEach(function (r, i) {
      var y = 15 + i * rowH;
      add('text', { x: 5, y: y + 4, 'font-size': 12 }, r.label);
      if (r.lo !== null && r.hi !== null) {
        add('line', { x1: sx(r.lo), x2: sx(r.hi), y1: y, y2: y, stroke: '#4a6fa5', 'stroke-width': 3,
          'class': 'interval' });
      }
      add('circle', { cx: sx(r.x), cy: y, r: 5, fill: '#1b3a66', 'class': 'point' });
    });
    return svg;
  }

  $('access').addEventListener('submit', function (ev) { ev.preventDefault(); loadModel(); });
  if (prefill.has('key')) {
    $('key').value = prefill.get('key');
    loadModel();
  }
}());
