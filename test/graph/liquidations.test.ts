import { beforeAll, describe, expect, it } from 'vitest';
import { buildExposureGraph, graphSummary, sharedLiquidators, type ExposureGraph } from '../../src/graph/index.js';
import type { EcosystemSnapshot } from '../../src/model/ecosystem.js';
import { fixtureSnapshot } from './fixture-snapshot.js';
import { edgeOf, edgesOf, nodeOf } from './typed-access.js';

// test/fixtures/graph-events (see its README): the hand-written fixture plus five liquidation events.
const L1 = 'liquidator:0x1111111111111111111111111111111111111111';
const L2 = 'liquidator:0x2222222222222222222222222222222222222222';
const L3 = 'liquidator:0x3333333333333333333333333333333333333333';

let snapshot: EcosystemSnapshot;
let graph: ExposureGraph;
beforeAll(async () => {
  snapshot = await fixtureSnapshot('test/fixtures/graph-events');
  graph = buildExposureGraph(snapshot);
});

describe('liquidated-by edges from the graph-events fixture', () => {
  it('adds liquidators, an event-only account and one edge per (account, liquidator, protocol)', () => {
    const summary = graphSummary(graph);
    expect(summary.nodesByType).toEqual({ protocol: 2, market: 4, asset: 2, account: 3, liquidator: 3, venue: 1 });
    expect(summary.edgesByType['liquidated-by']).toBe(4);
    expect(graph.filterEdges((_key, edge) => edge.type === 'liquidated-by').sort()).toEqual([
      `liquidated-by:account:0xaaa->${L1}#lender-a`,
      `liquidated-by:account:0xbbb->${L1}#lender-b`,
      `liquidated-by:account:0xbbb->${L3}#lender-b`,
      `liquidated-by:account:0xccc->${L2}#lender-a`,
    ]);
  });

  it('counts events and sums the debt they repaid, folding 0xAAA into 0xaaa', () => {
    expect(edgeOf(graph, `liquidated-by:account:0xaaa->${L1}#lender-a`, 'liquidated-by')).toEqual({
      type: 'liquidated-by', protocol: 'lender-a', count: 2, debtRepaidUsd: 1500, unpricedCount: 0,
    });
    expect(edgeOf(graph, `liquidated-by:account:0xccc->${L2}#lender-a`, 'liquidated-by')).toEqual({
      type: 'liquidated-by', protocol: 'lender-a', count: 1, debtRepaidUsd: 0, unpricedCount: 1,
    });
    expect(edgesOf(graph, 'liquidated-by').reduce((sum, edge) => sum + edge.count, 0)).toBe(5);
    expect(nodeOf(graph, 'account:0xaaa', 'account').liquidations).toBe(2);
    expect(nodeOf(graph, 'account:0xbbb', 'account').liquidations).toBe(2);
  });

  it('keeps an address known only from a liquidation as an account without positions', () => {
    expect(nodeOf(graph, 'account:0xccc', 'account')).toMatchObject({ protocols: [], riskAccounts: [], liquidations: 1, debtUsd: 0 });
    expect(graph.outDegree('account:0xccc')).toBe(1);
  });

  it('labels liquidators, falling back to the address for one only the events name', () => {
    expect(nodeOf(graph, L1, 'liquidator')).toEqual({
      type: 'liquidator', label: 'bot-both', address: L1.slice('liquidator:'.length), liquidations: 3, debtRepaidUsd: 3500,
      protocols: ['lender-a', 'lender-b'],
    });
    expect(nodeOf(graph, L3, 'liquidator').label).toBe('0x3333333333333333333333333333333333333333');
  });

  it('finds the one liquidator serving both protocols', () => {
    expect(sharedLiquidators(graph)).toEqual([
      {
        key: L1, address: '0x1111111111111111111111111111111111111111', label: 'bot-both', protocols: ['lender-a', 'lender-b'],
        liquidations: { 'lender-a': 2, 'lender-b': 1 }, debtRepaidUsd: { 'lender-a': 1500, 'lender-b': 2000 }, totalLiquidations: 3,
      },
    ]);
  });

  it('leaves accounts, liquidators and their edges out when includeAccounts is false', () => {
    const protocolLevel = buildExposureGraph(snapshot, { includeAccounts: false });
    const summary = graphSummary(protocolLevel);
    expect(summary.nodesByType).toEqual({ protocol: 2, market: 4, asset: 2, account: 0, liquidator: 0, venue: 1 });
    expect(summary.edgesByType).toMatchObject({ supplies: 0, borrows: 0, 'liquidated-by': 0, 'shared-collateral': 1 });
    // Totals still count every position.
    expect(nodeOf(protocolLevel, 'protocol:lender-b', 'protocol').collateralUsd).toBe(13_000);
    expect(sharedLiquidators(protocolLevel)).toEqual([]);
  });
});
