import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../src/indexers/merge-sources.js';
import { emptyNormalizedSource, type NormalizedSource } from '../../src/indexers/source-family.js';
import type { AssetRow, PositionRow } from '../../src/store/index.js';

const usdc = (decimals: number, priceUsd: number): AssetRow => ({
  symbol: 'USDC', decimals, kind: 'stable', priceUsd, priceSource: '', underlying: null, address: '0xa0b8', chain: 'ethereum', extra: null,
});
const position = (amount: string): PositionRow => ({ protocol: 'p', account: '0xabc', market: 'USDC', asset: 'USDC', side: 'collateral', amount, extra: null });
const source = (rows: Partial<NormalizedSource>): NormalizedSource => ({ ...emptyNormalizedSource(), ...rows });

describe('merging sources', () => {
  it('keeps the first source’s price and reports a second source’s far-off price', () => {
    const { rows, warnings } = mergeSources([
      { source: 'a', rows: source({ assets: [usdc(6, 1)] }) },
      { source: 'b', rows: source({ assets: [usdc(6, 0.95)] }) },
    ]);
    expect(rows.assets).toEqual([{ ...usdc(6, 1), priceSource: 'a' }]);
    expect(warnings).toEqual([expect.stringMatching(/USDC is \$0\.95 in source b but \$1 in a \(used\); 5\.0% apart/)]);
  });

  it('refuses two sources that disagree on a token’s decimals, naming both', () => {
    expect(() => mergeSources([
      { source: 'aave-ethereum', rows: source({ assets: [usdc(6, 1)] }) },
      { source: 'venus-bsc', rows: source({ assets: [usdc(18, 1)] }) },
    ])).toThrow('contagion/indexers: source venus-bsc, entity tokens: token USDC (0xa0b8) has 18 decimals here but 6 in source aave-ethereum');
  });

  it('refuses a position whose value can only be a units error', () => {
    // 2e11 USDC: a raw amount taken for whole tokens, or the wrong decimals.
    expect(() => mergeSources([{ source: 'a', rows: source({ assets: [usdc(6, 1)], positions: [position('200000000000')] }) }])).toThrow(
      /source a, entity positions: position 0xabc \/ USDC \/ USDC \(collateral\) is worth \$2\.000e\+11: above \$1e\+11/,
    );
    expect(mergeSources([{ source: 'a', rows: source({ assets: [usdc(6, 1)], positions: [position('90000000000')] }) }]).rows.positions).toHaveLength(1);
  });

  it('refuses a protocol name produced by two sources', () => {
    const protocol = { protocol: 'aave-v3', kind: 'lending' as const, chain: 'ethereum', isolation: 'pooled' as const, closeFactor: 0.5, fullCloseBelowHf: 0.95, insuranceFundUsd: null, extra: null };
    expect(() => mergeSources([{ source: 'a', rows: source({ protocols: [protocol] }) }, { source: 'b', rows: source({ protocols: [protocol] }) }])).toThrow(
      /source b: protocol aave-v3 is also produced by source a/,
    );
  });
});
