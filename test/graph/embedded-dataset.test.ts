import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildExposureGraph, crossProtocolAccounts, graphSummary, normalizeAddress, sharedCollateral, sharedLiquidators, type ExposureGraph,
} from '../../src/graph/index.js';
import { SIDE_COLLATERAL, type EcosystemSnapshot } from '../../src/model/ecosystem.js';
import { summarizeSnapshot } from '../../src/risk/index.js';
import { fixtureSnapshot } from './fixture-snapshot.js';
import { edgesOf } from './typed-access.js';

// The embedded dataset (data/ecosystem, generated accounts on real parameters): every expectation is
// recomputed from the snapshot's columns by a route independent of the builder's.

let snapshot: EcosystemSnapshot;
let graph: ExposureGraph;
beforeAll(async () => {
  snapshot = await fixtureSnapshot('data/ecosystem');
  graph = buildExposureGraph(snapshot);
});

const distinct = (values: Iterable<string>): number => new Set(values).size;

describe('buildExposureGraph on the embedded dataset', () => {
  it('has one node per protocol, (protocol, market), asset, venue, liquidator and address', () => {
    const { protocols, markets, assets, liquidity, liquidators, accounts, liquidationEvents } = snapshot;
    const addresses = [...accounts.account, ...liquidationEvents.account].map(normalizeAddress);
    expect(graphSummary(graph).nodesByType).toEqual({
      protocol: protocols.name.length,
      market: distinct(markets.market.map((m, r) => `${markets.protocol[r]}/${m}`)),
      asset: assets.symbol.length,
      account: distinct(addresses),
      liquidator: distinct(liquidators.address.map(normalizeAddress)),
      venue: distinct(liquidity.venue),
    });
    expect(graphSummary(graph).nodesByType.market).toBe(27); // Aave 9 + 7 reserves, 2 Comet deployments, 6 Morpho pairs, 3 collateral markets of the options venue
    expect(graph.getAttribute('warnings')).toEqual([]);
  });

  it('has one supplies or borrows edge per position, worth what the risk engine says', () => {
    const supplies = edgesOf(graph, 'supplies');
    const borrows = edgesOf(graph, 'borrows');
    const collateralRows = snapshot.positions.side.filter((side) => side === SIDE_COLLATERAL).length;
    expect(supplies).toHaveLength(collateralRows);
    expect(borrows).toHaveLength(snapshot.positions.side.length - collateralRows);
    const summary = summarizeSnapshot(snapshot);
    const total = (edges: { usd: number }[]) => edges.reduce((sum, edge) => sum + edge.usd, 0);
    expect(total(supplies) / summary.collateralUsd).toBeCloseTo(1, 12);
    expect(total(borrows) / summary.debtUsd).toBeCloseTo(1, 12);
  });

  it('finds the cross-protocol addresses the risk accounts imply', () => {
    const protocolsOf = new Map<string, Set<number>>();
    snapshot.accounts.account.forEach((account, i) => {
      const set = protocolsOf.get(normalizeAddress(account)) ?? new Set<number>();
      protocolsOf.set(normalizeAddress(account), set.add(snapshot.accounts.protocol[i]!));
    });
    const expected = [...protocolsOf].filter(([, set]) => set.size >= 2).map(([address]) => address).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(crossProtocolAccounts(graph).map((a) => a.address).sort()).toEqual(expected);
  });

  it('finds the shared collateral the positions imply', () => {
    const holders = new Map<string, Set<string>>();
    const { positions, accounts, assets, protocols } = snapshot;
    for (let i = 0; i < accounts.account.length; i++) {
      for (let p = accounts.positionStart[i]!; p < accounts.positionStart[i + 1]!; p++) {
        if (positions.side[p] !== SIDE_COLLATERAL || !(positions.liquidationThreshold[p]! > 0) || !(positions.amount[p]! > 0)) continue;
        const symbol = assets.symbol[positions.asset[p]!]!;
        holders.set(symbol, (holders.get(symbol) ?? new Set()).add(protocols.name[accounts.protocol[i]!]!));
      }
    }
    const shared = [...holders].filter(([, set]) => set.size >= 2);
    expect(Object.fromEntries(sharedCollateral(graph).map((s) => [s.asset, [...s.protocols].sort()]))).toEqual(
      Object.fromEntries(shared.map(([asset, set]) => [asset, [...set].sort()])),
    );
    const pairs = shared.reduce((sum, [, set]) => sum + (set.size * (set.size - 1)) / 2, 0);
    expect(graphSummary(graph).edgesByType['shared-collateral']).toBe(pairs);
  });

  it('finds the liquidators the events show serving several protocols, with every event counted', () => {
    const { liquidationEvents: events, liquidators } = snapshot;
    const served = new Map<string, Set<number>>();
    for (let e = 0; e < events.account.length; e++) {
      const address = normalizeAddress(liquidators.address[events.liquidator[e]!]!);
      served.set(address, (served.get(address) ?? new Set()).add(events.protocol[e]!));
    }
    const expected = [...served].filter(([, set]) => set.size >= 2).map(([address]) => address).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(sharedLiquidators(graph).map((l) => l.address).sort()).toEqual(expected);
    expect(edgesOf(graph, 'liquidated-by').reduce((sum, edge) => sum + edge.count, 0)).toBe(events.account.length);
  });
});
