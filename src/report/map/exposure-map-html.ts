import { escapeHtml, jsonForScript } from '../escape.js';
import type { ExposureMapData } from './map-data-types.js';
import { MAP_SCRIPT } from './map-script.js';

/**
 * The exposure map as one self-contained HTML page: inline style and script, the data as JSON in a
 * `<script type="application/json">` element (`<`, `>` and `&` as \u escapes, so no string can
 * close it), a Content-Security-Policy that forbids any request. The only data-derived text
 * outside the JSON is the title, HTML-escaped.
 */
export function exposureMapHtml(data: ExposureMapData): string {
  const title = escapeHtml(data.title);
  const scenario = data.scenario === null ? 'no scenario: paths are the potential ones' : `scenario ${escapeHtml(data.scenario)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="contagion">
<title>${title}</title>
<style>${MAP_CSS}</style>
</head>
<body>
<header>
<h1>${title}</h1>
${data.context === '' ? '' : `<p class="context">${escapeHtml(data.context)}</p>\n`}<p class="lede">${scenario}. Node size: USD exposure; colour: type. Hover for details, click a protocol for its contagion paths; wheel to zoom, drag to pan.</p>
<form class="controls" onsubmit="return false">
<label>Asset <select id="filter-asset"><option value="">all</option></select></label>
<label>Protocol <select id="filter-protocol"><option value="">all</option></select></label>
<label>Address <input id="search" type="search" placeholder="0x… or name" autocomplete="off"></label>
<button id="zoom-reset" type="button" title="wheel: zoom about the cursor; drag: pan">Reset view</button>
<span id="status"></span>
</form>
<ul class="legend">${LEGEND}</ul>
</header>
<main>
<svg id="map" role="img" aria-label="exposure graph"></svg>
<aside id="path-info"></aside>
</main>
<div id="tooltip" hidden></div>
<script type="application/json" id="map-data">${jsonForScript(data)}</script>
<script>${MAP_SCRIPT}</script>
</body>
</html>
`;
}

const COLOURS: Record<string, string> = {
  protocol: '#9b1c1c', asset: '#1f6feb', venue: '#2da44e', liquidator: '#8250df', account: '#8c959f', bucket: '#bf8700',
};
const LEGEND = Object.entries(COLOURS).map(([type, colour]) => `<li><span class="swatch" style="background:${colour}"></span>${type}</li>`).join('');

const MAP_CSS = `
* { box-sizing: border-box; }
body { margin: 0; color: #1f2328; font: 13px/1.4 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
header { padding: 12px 20px 4px; border-bottom: 1px solid #d8dce1; }
h1 { font-size: 18px; margin: 0 0 2px; overflow-wrap: anywhere; }
.lede { color: #5b6168; margin: 0 0 8px; overflow-wrap: anywhere; }
.controls { display: flex; flex-wrap: wrap; gap: 14px; align-items: center; }
.controls select, .controls input { font: inherit; max-width: 220px; }
#status { color: #5b6168; }
.legend { display: flex; gap: 14px; list-style: none; padding: 0; margin: 8px 0; color: #5b6168; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; }
main { display: flex; gap: 12px; padding: 8px 20px; }
#map { flex: 1; min-width: 0; height: calc(100vh - 150px); min-height: 420px; border: 1px solid #d8dce1; border-radius: 6px; background: #fcfcfd; cursor: grab; touch-action: none; user-select: none; }
#map.panning { cursor: grabbing; }
#path-info { width: 360px; overflow-wrap: anywhere; }
#path-info ul { padding-left: 18px; }
.hops { border-collapse: collapse; font-size: 12px; width: 100%; }
.hops th, .hops td { text-align: left; padding: 2px 4px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
.hops th { white-space: nowrap; overflow-wrap: normal; }
.hops td.num { text-align: right; white-space: nowrap; }
.hops .channel-receipt td { color: #1f6feb; }
.edge, .node { vector-effect: non-scaling-stroke; }
.edge { stroke: #c5cad1; stroke-width: 0.8; }
.edge.kind-shared-collateral { stroke: #d1242f; stroke-dasharray: 4 3; }
.edge.kind-receipt { stroke: #1f6feb; stroke-dasharray: 2 2; }
.edge.kind-liquidator { stroke: #c297ff; }
.edge.kind-pool { stroke: #7ee2a8; }
.node { stroke: #fff; stroke-width: 1; cursor: pointer; fill-opacity: 0.9; }
${Object.entries(COLOURS).map(([type, colour]) => `.type-${type} { fill: ${colour}; }`).join('\n')}
.label { font-size: 10px; fill: #1f2328; pointer-events: none; }
.hidden { display: none; }
.dim { opacity: 0.12; }
.edge.on-path { stroke: #d1242f; stroke-width: 2.2; }
.node.on-path { stroke: #1f2328; stroke-width: 1.5; }
.node.match { stroke: #ff8c00; stroke-width: 3; }
#tooltip { position: fixed; z-index: 2; max-width: 360px; padding: 6px 9px; background: #fff; border: 1px solid #b9bec5; border-radius: 4px; box-shadow: 0 2px 6px rgba(0,0,0,.15); pointer-events: none; overflow-wrap: anywhere; }
#tooltip .k { color: #5b6168; }
`;
