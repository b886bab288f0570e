import { describe, expect, it } from 'vitest';
import { receiptIssuers, type ExposureMapData } from '../../../src/report/map/index.js';
import { CHAIN_RUN as RUN, chainMap } from './map-fixture.js';

const hops = (data: ExposureMapData, protocol: string) =>
  data.paths[protocol]!.hit.map((h) => ({ protocol: h.protocol, hop: h.hop, via: h.via, channel: h.channel, asset: h.asset, round: h.round }));

describe('contagionPaths', () => {
  it('reads receipt issuers from the snapshot', () => {
    expect(receiptIssuers({ symbol: ['X', 'rY'], issuer: [null, 'C'] })).toEqual({ rY: 'C' });
    expect(receiptIssuers({ symbol: ['X'] })).toEqual({});
    // Without issuers there is no receipt channel: D is not reached.
    expect(chainMap(RUN, undefined, {}).paths['A']!.hit.map((h) => h.protocol)).toEqual(['B', 'C']);
  });

  it('follows a run\'s sales hop by hop in round order, and a receipt token to its holder', () => {
    const data = chainMap(RUN);
    expect(hops(data, 'A')).toEqual([
      { protocol: 'B', hop: 1, via: 'A', channel: 'sale', asset: 'X', round: 2 },
      { protocol: 'C', hop: 2, via: 'B', channel: 'sale', asset: 'Y', round: 3 },
      { protocol: 'D', hop: 3, via: 'C', channel: 'receipt', asset: 'rY', round: 3 },
    ]);
    const a = data.paths['A']!;
    expect(a.hops).toBe(3);
    expect(a.sold).toEqual([{ asset: 'X', usd: 100 }]);
    expect(a.hit[1]).toMatchObject({ liquidatedUsd: 20, badDebtUsd: 7 });
    expect(a.hit[2]!.writeDown).toBe(0.1);
    // Not reached: F (never liquidated), G (liquidated before anyone sold Y), E (holds only Z).
    for (const name of ['E', 'F', 'G']) expect(a.hit.map((h) => h.protocol)).not.toContain(name);
    // Highlighted: the chain's protocols and assets, the receipt edge Y → rY; not E, F, G, Z.
    const index = (label: string): number => data.nodes.findIndex((n) => (n.type === 'protocol' || n.type === 'asset') && n.label === label);
    for (const label of ['A', 'B', 'C', 'D', 'X', 'Y', 'rY']) expect(a.nodes).toContain(index(label));
    for (const label of ['E', 'F', 'G', 'Z']) expect(a.nodes).not.toContain(index(label));
    const receipt = data.edges.findIndex((e) => e.kind === 'receipt');
    expect(receipt).toBeGreaterThanOrEqual(0);
    expect(a.edges).toContain(receipt);
    for (const e of a.edges) expect(a.nodes).toEqual(expect.arrayContaining([data.edges[e]!.source, data.edges[e]!.target]));
  });

  it('starts from any protocol: G\'s early sale of Y reaches B and C, not A liquidated before B sold', () => {
    const data = chainMap(RUN);
    // B sold X in round 2; A was liquidated in round 1 only: not reached through B.
    expect(hops(data, 'G').map((h) => [h.protocol, h.hop, h.via])).toEqual([['B', 1, 'G'], ['C', 1, 'G'], ['D', 2, 'C']]);
    // E is reached by nobody, and reaches nobody.
    expect(data.paths['E']!.hit).toEqual([]);
    expect(data.paths['E']!.hops).toBe(0);
  });

  it('without receipt contagion in the run, reads the issuer\'s bad debt', () => {
    const withoutReceipts = chainMap({ ...RUN, receipts: null });
    expect(hops(withoutReceipts, 'A').at(-1)).toEqual({ protocol: 'D', hop: 3, via: 'C', channel: 'receipt', asset: 'rY', round: 3 });
    expect(withoutReceipts.paths['A']!.hit.at(-1)!.writeDown).toBeUndefined();
    // No loss at C: nothing reaches D.
    const noLoss = chainMap({ ...RUN, receipts: null, badDebtByProtocol: {}, events: RUN.events.map((e) => ({ ...e, badDebtUsd: 0 })) });
    expect(noLoss.paths['A']!.hit.map((h) => h.protocol)).toEqual(['B', 'C']);
  });

  it('without a run, follows the potential paths a bounded number of hops', () => {
    const potential = chainMap(undefined);
    expect(potential.scenario).toBeNull();
    expect(hops(potential, 'A').map((h) => [h.protocol, h.hop, h.via, h.channel])).toEqual([
      ['B', 1, 'A', 'sale'], ['F', 1, 'A', 'sale'], ['C', 2, 'B', 'sale'], ['G', 2, 'B', 'sale'],
    ]);
    expect(potential.paths['A']!.hit.every((h) => h.round === null && h.liquidatedUsd === 0)).toBe(true);
    const deeper = chainMap(undefined, 3);
    expect(hops(deeper, 'A').at(-1)).toMatchObject({ protocol: 'D', hop: 3, via: 'C', channel: 'receipt' });
    // The issuer's own receipt holders are one hop away.
    expect(hops(potential, 'C').find((h) => h.protocol === 'D')).toMatchObject({ hop: 1, channel: 'receipt' });
  });
});
