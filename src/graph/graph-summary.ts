import { EDGE_TYPES, NODE_TYPES, type EdgeType, type ExposureGraph, type NodeType } from './exposure-graph-types.js';

export interface GraphSummary {
  nodes: number;
  edges: number;
  /** Every known type is present, 0 when absent, so two summaries compare key by key. */
  nodesByType: Record<NodeType, number>;
  edgesByType: Record<EdgeType, number>;
}

/** Node and edge counts by `type`: the first thing to print about a graph, and to diff between snapshots. */
export function graphSummary(graph: ExposureGraph): GraphSummary {
  const nodesByType = Object.fromEntries(NODE_TYPES.map((type) => [type, 0])) as Record<NodeType, number>;
  const edgesByType = Object.fromEntries(EDGE_TYPES.map((type) => [type, 0])) as Record<EdgeType, number>;
  graph.forEachNode((_key, node) => {
    nodesByType[node.type] = (nodesByType[node.type] ?? 0) + 1;
  });
  graph.forEachEdge((_key, edge) => {
    edgesByType[edge.type] = (edgesByType[edge.type] ?? 0) + 1;
  });
  return { nodes: graph.order, edges: graph.size, nodesByType, edgesByType };
}
