/**
 * Layout of the exposure map: ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian, "ForceAtlas2, a
 * Continuous Graph Layout Algorithm for Handy Network Visualization", PLoS ONE 9(6), 2014), via
 * graphology-layout-forceatlas2. Deterministic: nodes start on a golden-angle spiral in input order
 * and the layout runs a fixed number of iterations; positions are rounded to 0.01.
 */
import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { MapEdge, MapNode } from './map-data-types.js';

// A CommonJS package typed as if it had a default export: under Node's ESM interop the default import is `module.exports`.
type ForceAtlas2 = typeof forceAtlas2Module.default;
const forceAtlas2: ForceAtlas2 = ('assign' in forceAtlas2Module ? forceAtlas2Module : forceAtlas2Module.default) as ForceAtlas2;

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export function layoutMap(nodes: MapNode[], edges: readonly MapEdge[], iterations: number): void {
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  nodes.forEach((_node, i) => {
    const r = 10 * Math.sqrt(i + 1);
    graph.addNode(String(i), { x: r * Math.cos(i * GOLDEN_ANGLE), y: r * Math.sin(i * GOLDEN_ANGLE), size: 1 });
  });
  for (const e of edges) {
    // Weight by log of the USD, so one huge pool does not collapse the picture.
    const weight = 1 + Math.log10(1 + Math.max(0, e.weight));
    if (graph.hasEdge(String(e.source), String(e.target))) graph.updateEdgeAttribute(String(e.source), String(e.target), 'weight', (w: number | undefined) => (w ?? 0) + weight);
    else graph.addEdge(String(e.source), String(e.target), { weight });
  }
  if (iterations > 0 && nodes.length > 1) {
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: nodes.length > 500 };
    forceAtlas2.assign(graph, { iterations, settings, getEdgeWeight: 'weight' });
  }
  nodes.forEach((node, i) => {
    const at = graph.getNodeAttributes(String(i)) as { x: number; y: number };
    node.x = Math.round(at.x * 100) / 100;
    node.y = Math.round(at.y * 100) / 100;
  });
}
