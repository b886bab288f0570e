import type { ExposureEdge, ExposureGraph, ExposureNode } from '../../src/graph/index.js';

/** A node's attributes narrowed to its type; throws (failing the test) when the node has another type. */
export function nodeOf<T extends ExposureNode['type']>(graph: ExposureGraph, key: string, type: T): Extract<ExposureNode, { type: T }> {
  const node = graph.getNodeAttributes(key);
  if (node.type !== type) throw new Error(`${key} is a ${node.type}, not a ${type}`);
  return node as Extract<ExposureNode, { type: T }>;
}

export function edgeOf<T extends ExposureEdge['type']>(graph: ExposureGraph, key: string, type: T): Extract<ExposureEdge, { type: T }> {
  const edge = graph.getEdgeAttributes(key);
  if (edge.type !== type) throw new Error(`${key} is a ${edge.type}, not a ${type}`);
  return edge as Extract<ExposureEdge, { type: T }>;
}

/** Attributes of every edge of one type. */
export function edgesOf<T extends ExposureEdge['type']>(graph: ExposureGraph, type: T): Extract<ExposureEdge, { type: T }>[] {
  return graph.filterEdges((_key, edge) => edge.type === type).map((key) => edgeOf(graph, key, type));
}
