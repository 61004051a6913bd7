// The monitoring dashboard: fetches the service's JSON every few seconds and re-renders, no page reload.
// The sync log API is being extended (level, message, filters, /summary); until then rows carry `reason` and no
// level, filters are ignored by the server, and /summary answers 404, so every filter is applied here as well.
(() => {
  'use strict';
  const refreshMs = 1000 * Number(document.querySelector('[data-refresh-seconds]')?.dataset.refreshSeconds || 3);
  const $ = id => document.getElementById(id);
  const filters = { connection: $('filter-connection'), level: $('filter-level'), text: $('filter-text') };
  let logRows = [];
  let previous = null; // the last figures, for throughput between two refreshes

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) throw Object.assign(new Error(`${url}: HTTP ${response.status}`), { status: response.status });
    return response.json();
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attributes || {})) if (v !== undefined && v !== null) node.setAttribute(k, v);
    for (const child of children) node.append(child instanceof Node ? child : String(child ?? ''));
    return node;
  }

  const when = iso => iso ? new Date(iso).toLocaleString() : '—';
  const count = n => Number(n ?? 0).toLocaleString();

  function renderFigures(figures) {
    const t = figures.totals;
    const counters = { 'products-synced': t.productsSynced, 'products-failed': t.productsFailed, 'products-pending': t.productsPending,
      'orders-pulled': t.ordersPulled, 'orders-held': t.ordersHeld, 'orders-failed': t.ordersFailed,
      'issues-24h': t.issuesLast24h, 'queued-work': t.queuedWork };
    for (const [id, value] of Object.entries(counters)) $(id).textContent = count(value);

    const seconds = previous ? (new Date(figures.at) - new Date(previous.at)) / 1000 : 0;
    const body = el('tbody');
    for (const c of figures.connections) {
      const before = previous?.connections.find(p => p.name === c.name);
      const rate = before && seconds > 0 ? `${((c.itemsDelivered - before.itemsDelivered) / seconds).toFixed(1)} items/s` : '—';
      const health = el('td', {}, el('span', { class: `badge ${c.health}`, title: c.error ?? '' }, c.health));
      if (c.error) health.append(' ', el('span', { class: 'error-text' }, c.error));
      body.append(el('tr', { class: `connection ${c.health}`, 'data-connection': c.name },
        el('td', {}, c.name), el('td', {}, c.platform), health, el('td', {}, count(c.itemsDelivered)), el('td', {}, count(c.itemsRejected)),
        el('td', { class: 'throughput' }, rate), el('td', {}, count(c.waiting)), el('td', {}, count(c.inFlight)),
        el('td', {}, count(c.ordersPulled)), el('td', {}, when(c.lastDeliveredAt))));
    }
    $('connections').tBodies[0].replaceWith(body);
    previous = figures;

    const chosen = filters.connection.value;
    const names = figures.connections.map(c => c.name);
    const options = [el('option', { value: '' }, 'all'), ...names.map(n => el('option', { value: n }, n)), el('option', { value: '-' }, '(this node)')];
    if (filters.connection.options.length !== options.length) {
      filters.connection.replaceChildren(...options);
      filters.connection.value = chosen;
    }
  }

  // Today's rows {connection, at, kind, productId, reason}; the coming ones {id, at, level, kind, connection, productId, orderId, outcome, message}.
  const normalize = r => ({ at: r.at, level: r.level ?? 'warning', kind: r.kind ?? '', connection: r.connection ?? '',
    productId: r.productId ?? '', orderId: r.orderId ?? '', message: r.message ?? r.reason ?? '' });

  function matches(row) {
    const connection = filters.connection.value, level = filters.level.value, text = filters.text.value.trim().toLowerCase();
    if (connection === '-' ? row.connection !== '' : connection && row.connection !== connection) return false;
    if (level && row.level !== level) return false;
    return !text || [row.kind, row.connection, row.productId, row.orderId, row.message].some(v => v.toLowerCase().includes(text));
  }

  function renderLog() {
    const shown = logRows.filter(matches);
    const body = el('tbody');
    for (const r of shown.slice(0, 200))
      body.append(el('tr', { class: `log-row ${r.level}` }, el('td', {}, when(r.at)), el('td', {}, el('span', { class: `level ${r.level}` }, r.level)),
        el('td', {}, r.kind), el('td', {}, r.connection || '(this node)'), el('td', {}, r.orderId || r.productId), el('td', {}, r.message)));
    $('sync-log').tBodies[0].replaceWith(body);
    $('log-count').textContent = `${shown.length} of ${logRows.length} rows`;
  }

  function logQuery() {
    const q = new URLSearchParams({ limit: '500' });
    if (filters.connection.value && filters.connection.value !== '-') q.set('connection', filters.connection.value);
    if (filters.level.value) q.set('level', filters.level.value);
    return `/api/sync-log?${q}`;
  }

  const svg = (tag, attributes) => {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
    return node;
  };

  function renderChart(summary) {
    const chart = $('chart'), minutes = summary?.lastHour ?? [];
    chart.replaceChildren();
    if (minutes.length === 0 || minutes.every(m => !m.pushes && !m.errors)) {
      const empty = svg('text', { x: 360, y: 84, 'text-anchor': 'middle', class: 'axis' });
      empty.textContent = 'no data yet';
      chart.append(empty);
      $('chart-note').textContent = 'no data yet';
      return;
    }
    const width = 720, height = 160, top = 12, slot = width / 60;
    const max = Math.max(1, ...minutes.map(m => Math.max(m.pushes ?? 0, m.errors ?? 0)));
    const y = v => height - (height - top) * v / max;
    minutes.slice(-60).forEach((m, i) => {
      const x = i * slot;
      const title = svg('title', {});
      title.textContent = `${new Date(m.minute).toLocaleTimeString()}: ${m.pushes ?? 0} pushes, ${m.errors ?? 0} errors`;
      const bar = svg('rect', { class: 'pushes', x: x + 1, y: y(m.pushes ?? 0), width: slot * 0.6, height: height - y(m.pushes ?? 0) });
      bar.append(title);
      chart.append(bar, svg('rect', { class: 'errors', x: x + 1 + slot * 0.6, y: y(m.errors ?? 0), width: slot * 0.3, height: height - y(m.errors ?? 0) }));
    });
    const label = svg('text', { x: 4, y: 10, class: 'axis' });
    label.textContent = `max ${max} per minute`;
    chart.append(label);
    $('chart-note').textContent = `${minutes.reduce((s, m) => s + (m.pushes ?? 0), 0)} pushes, ${minutes.reduce((s, m) => s + (m.errors ?? 0), 0)} errors in the last hour (blue: pushes, red: errors)`;
  }

  // Each part renders as soon as its answer arrives: a slow or failing one does not hold the others back.
  async function refresh() {
    const problems = [];
    const part = (promise, render, optional) => promise.then(render, e => { if (optional) render(null); else problems.push(e); });
    await Promise.all([
      part(getJson('/api/dashboard'), renderFigures),
      part(getJson(logQuery()), rows => { logRows = rows.map(normalize); renderLog(); }),
      part(getJson('/api/sync-log/summary?hours=24'), renderChart, true),
    ]);
    const unauthorized = problems.some(p => p.status === 401);
    $('refreshed').textContent = unauthorized ? 'the admin session ended: open this page again with ?token=<admin token>'
      : problems.length ? `refresh failed: ${problems.map(p => p.message).join('; ')}` : `refreshed ${new Date().toLocaleTimeString()}`;
    $('refreshed').className = problems.length ? 'note failing' : 'note';
  }

  async function loop() {
    try { await refresh(); } catch (e) { $('refreshed').textContent = `refresh failed: ${e.message}`; }
    setTimeout(loop, refreshMs);
  }

  filters.text.addEventListener('input', renderLog);
  filters.connection.addEventListener('change', renderLog);
  filters.level.addEventListener('change', renderLog);
  loop();
})();
