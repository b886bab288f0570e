/**
 * The map page's side panel for a clicked protocol (plain ES2019, inlined into MAP_SCRIPT's
 * closure): what it sold, then one table row per protocol reached (hop, protocol, via, asset and
 * channel, liquidated and bad debt USD). Every data string goes in through `textContent`.
 */
export const MAP_PANEL_SCRIPT = String.raw`
  function usd(v) { return '$' + Math.round(v).toLocaleString('en-US'); }
  function append(parent, tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (className) e.className = className;
    parent.appendChild(e);
    return e;
  }
  function showPath(info, path, scenario) {
    while (info.firstChild) info.removeChild(info.firstChild);
    if (!path) { info.textContent = 'Click a protocol to highlight its contagion paths.'; return; }
    append(info, 'strong', path.protocol + (scenario === null ? ': potential paths' : ': paths in ' + scenario));
    var list = append(info, 'ul');
    path.sold.forEach(function (s) {
      var hits = path.hit.filter(function (h) { return h.hop === 1 && h.channel === 'sale' && h.assets.indexOf(s.asset) >= 0; }).map(function (h) { return h.protocol; });
      append(list, 'li', 'sells ' + s.asset + ' (' + usd(s.usd) + ')' + (hits.length ? ' → ' + hits.join(', ') : ''));
    });
    if (path.sold.length === 0) append(list, 'li', 'no forced sales');
    if (path.hit.length === 0) { append(info, 'p', 'reaches no other protocol'); return; }
    append(info, 'p', path.hit.length + ' protocol' + (path.hit.length === 1 ? '' : 's') + ' reached in ' + path.hops + ' hop' + (path.hops === 1 ? '' : 's') + ':');
    var table = append(info, 'table', undefined, 'hops');
    var head = append(append(table, 'thead'), 'tr');
    ['hop', 'protocol', 'via', 'asset · channel', 'liquidated', 'bad debt'].forEach(function (h) { append(head, 'th', h); });
    var body = append(table, 'tbody');
    path.hit.forEach(function (h) {
      var row = append(body, 'tr', undefined, 'hop-row channel-' + h.channel);
      append(row, 'td', String(h.hop));
      append(row, 'td', h.protocol);
      append(row, 'td', h.via);
      append(row, 'td', h.assets.join(', ') + ' · ' + h.channel + (h.round === null ? '' : ', round ' + h.round) +
        (h.writeDown === undefined ? '' : ' (−' + (100 * h.writeDown).toFixed(1) + '%)'));
      append(row, 'td', scenario === null ? '—' : usd(h.liquidatedUsd), 'num');
      append(row, 'td', scenario === null ? '—' : usd(h.badDebtUsd), 'num');
    });
  }
`;
