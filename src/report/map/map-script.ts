import { MAP_PANEL_SCRIPT } from './map-panel-script.js';
import { MAP_ZOOM_SCRIPT } from './map-zoom-script.js';

/**
 * The map page's inline script (plain ES2019, no imports): reads the data from
 * `#map-data`'s textContent, draws an SVG, and wires the filters, search, tooltip, zoom and pan
 * (map-zoom-script.ts) and the click-to-highlight of contagion paths with their hops listed
 * (map-panel-script.ts). Data strings only ever reach the DOM through `textContent` or
 * `option.text`; nothing is assigned to `innerHTML`.
 */
export const MAP_SCRIPT = String.raw`(function () {
  'use strict';
${MAP_ZOOM_SCRIPT}${MAP_PANEL_SCRIPT}
  var data = JSON.parse(document.getElementById('map-data').textContent);
  var SVG = 'http://www.w3.org/2000/svg';
  var svg = document.getElementById('map');
  var tooltip = document.getElementById('tooltip');
  var info = document.getElementById('path-info');
  var status = document.getElementById('status');
  var assetSelect = document.getElementById('filter-asset');
  var protocolSelect = document.getElementById('filter-protocol');
  var search = document.getElementById('search');
  var nodes = data.nodes, edges = data.edges;

  function el(name, attrs) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) e.setAttribute(k, String(attrs[k]));
    return e;
  }
  function fill(select, values) {
    values.forEach(function (v) { var o = document.createElement('option'); o.value = v; o.text = v; select.appendChild(o); });
  }
  fill(assetSelect, data.assets);
  fill(protocolSelect, data.protocols);

  var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, maxUsd = 0;
  nodes.forEach(function (n) {
    minX = Math.min(minX, n.x); maxX = Math.max(maxX, n.x); minY = Math.min(minY, n.y); maxY = Math.max(maxY, n.y);
    maxUsd = Math.max(maxUsd, n.usd);
  });
  if (!isFinite(minX)) { minX = minY = 0; maxX = maxY = 1; }
  var W = 1000, H = 700, PAD = 40;
  var scale = Math.min((W - 2 * PAD) / Math.max(1e-9, maxX - minX), (H - 2 * PAD) / Math.max(1e-9, maxY - minY));
  function px(n) { return PAD + (n.x - minX) * scale; }
  function py(n) { return PAD + (n.y - minY) * scale; }
  function radius(n) { return 3 + 22 * Math.sqrt(maxUsd > 0 ? Math.max(0, n.usd) / maxUsd : 0); }
  svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);

  var viewport = el('g', { id: 'viewport' });
  var edgeLayer = el('g', { 'class': 'edges' }), nodeLayer = el('g', { 'class': 'nodes' }), labelLayer = el('g', { 'class': 'labels' });
  viewport.appendChild(edgeLayer); viewport.appendChild(nodeLayer); viewport.appendChild(labelLayer);
  svg.appendChild(viewport);
  installZoom(svg, viewport, document.getElementById('zoom-reset'));
  var edgeEls = edges.map(function (e) {
    var s = nodes[e.source], t = nodes[e.target];
    var line = el('line', { x1: px(s), y1: py(s), x2: px(t), y2: py(t), 'class': 'edge kind-' + e.kind });
    edgeLayer.appendChild(line);
    return line;
  });
  var labelEls = [];
  var nodeEls = nodes.map(function (n, i) {
    var c = el('circle', { cx: px(n), cy: py(n), r: radius(n), 'class': 'node type-' + n.type, 'data-index': i });
    nodeLayer.appendChild(c);
    if (n.type === 'protocol' || n.type === 'asset') {
      var t = el('text', { x: px(n) + radius(n) + 2, y: py(n) + 4, 'class': 'label' });
      t.textContent = n.label;
      labelLayer.appendChild(t);
      labelEls.push([i, t]);
    }
    c.addEventListener('mouseenter', function (ev) { showTooltip(n, ev); });
    c.addEventListener('mousemove', function (ev) { moveTooltip(ev); });
    c.addEventListener('mouseleave', function () { tooltip.hidden = true; });
    c.addEventListener('click', function (ev) { ev.stopPropagation(); if (n.type === 'protocol') highlight(n.label); });
    return c;
  });

  function showTooltip(n, ev) {
    while (tooltip.firstChild) tooltip.removeChild(tooltip.firstChild);
    n.details.forEach(function (d) {
      var row = document.createElement('div');
      var k = document.createElement('span'); k.className = 'k'; k.textContent = d[0] + ': ';
      var v = document.createElement('span'); v.textContent = d[1];
      row.appendChild(k); row.appendChild(v); tooltip.appendChild(row);
    });
    tooltip.hidden = false;
    moveTooltip(ev);
  }
  function moveTooltip(ev) { tooltip.style.left = (ev.clientX + 14) + 'px'; tooltip.style.top = (ev.clientY + 14) + 'px'; }

  var visible = nodes.map(function () { return true; });
  function applyFilters() {
    var a = assetSelect.value, p = protocolSelect.value, shown = 0;
    nodes.forEach(function (n, i) {
      var ok = (!a || n.assets.indexOf(a) >= 0) && (!p || n.protocols.indexOf(p) >= 0);
      visible[i] = ok;
      nodeEls[i].classList.toggle('hidden', !ok);
      if (ok) shown++;
    });
    edges.forEach(function (e, i) { edgeEls[i].classList.toggle('hidden', !(visible[e.source] && visible[e.target])); });
    labelEls.forEach(function (l) { l[1].classList.toggle('hidden', !visible[l[0]]); });
    svg.setAttribute('data-visible', String(shown));
    status.textContent = shown + ' of ' + nodes.length + ' nodes shown; ' + data.accountsDrawn + ' of ' + data.accounts + ' accounts drawn individually';
  }

  function applySearch() {
    var q = search.value.trim().toLowerCase(), found = 0;
    nodes.forEach(function (n, i) {
      var hit = q.length > 0 && (n.label.toLowerCase().indexOf(q) >= 0 || (n.members || []).some(function (m) { return m.toLowerCase().indexOf(q) >= 0; }));
      nodeEls[i].classList.toggle('match', hit);
      if (hit) found++;
    });
    svg.setAttribute('data-matches', String(found));
  }

  var current = null;
  function highlight(protocol) {
    current = current === protocol ? null : protocol;
    var path = current === null ? null : data.paths[current];
    var inNodes = {}, inEdges = {};
    if (path) { path.nodes.forEach(function (i) { inNodes[i] = true; }); path.edges.forEach(function (i) { inEdges[i] = true; }); }
    nodeEls.forEach(function (c, i) { c.classList.toggle('dim', !!path && !inNodes[i]); c.classList.toggle('on-path', !!path && !!inNodes[i]); });
    edgeEls.forEach(function (l, i) { l.classList.toggle('dim', !!path && !inEdges[i]); l.classList.toggle('on-path', !!path && !!inEdges[i]); });
    svg.setAttribute('data-highlight', current === null ? '' : current);
    showPath(info, path, data.scenario);
  }

  svg.addEventListener('click', function () { if (current !== null) highlight(current); });
  assetSelect.addEventListener('change', applyFilters);
  protocolSelect.addEventListener('change', applyFilters);
  search.addEventListener('input', applySearch);
  applyFilters();
  highlight(null);
})();
`;
