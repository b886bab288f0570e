/**
 * `liquidity: 'curves'` through the pipeline: on the embedded dataset (every row constant product)
 * it equals the default pools model; on the hand-written fixture (test/fixtures/hand-written) with
 * a Uniswap v3 USDC/WETH pool added as the indexer writes it (extra columns + ticks), the rows'
 * details come back from the database and the pool is read tick by tick.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContagionOptions } from '../../src/contagion/index.js';
import { poolLiquidityRows } from '../../src/indexers/families/uniswap-v3/pool-rows.js';
import { loadLiquidityDetails, loadScenarios, openSnapshot, runScenarios, snapshotCurves, type OpenedSnapshot, type ScenarioRun } from '../../src/pipeline/index.js';
import { scenarioSchema } from '../../src/scenarios/index.js';
import { loadSnapshot, openDatabase, readImportDirectory, writeSnapshot } from '../../src/store/index.js';
import { usdcWeth } from '../contagion/liquidity/books.js';

const relative = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

function expectSameRun(curves: ScenarioRun['result'], pools: ScenarioRun['result']): void {
  expect(curves.rounds).toBe(pools.rounds);
  expect(curves.liquidations).toBe(pools.liquidations);
  for (const [protocol, usd] of Object.entries(pools.badDebtByProtocol)) expect(relative(curves.badDebtByProtocol[protocol]!, usd), protocol).toBeLessThan(1e-9);
  for (const [asset, price] of Object.entries(pools.finalPrices)) expect(relative(curves.finalPrices[asset]!, price), asset).toBeLessThan(1e-9);
}

describe('runScenarios with liquidity curves on the embedded dataset', () => {
  let opened: OpenedSnapshot;
  beforeAll(async () => {
    opened = await openSnapshot({ db: ':memory:', seedEmbedded: true, liquidityDetails: true });
  }, 120_000);
  afterAll(() => opened?.database.close());

  it('reads one detail source per liquidity row, in the rows’ order', () => {
    const { snapshot, liquidityDetails } = opened;
    expect(liquidityDetails).toHaveLength(snapshot.liquidity.asset.length);
    liquidityDetails!.forEach((row, r) => expect(row.asset).toBe(snapshot.assets.symbol[snapshot.liquidity.asset[r]!]));
  });

  const variants: [string, Partial<ContagionOptions>][] = [
    ['every option off', {}],
    ['arbitrage inflow 0.3 and oracles two rounds behind', { arbitrageInflow: 0.3, oracle: { model: 'lag', lagRounds: 2, roundSeconds: 12 } }],
  ];
  for (const [label, overrides] of variants) {
    it(`equals the pools model (${label}): bad debt per protocol and final prices`, () => {
      const { snapshot, liquidityDetails } = opened;
      const scenarios = loadScenarios(['eth-drop-30', 'usdc-depeg']);
      const pools = runScenarios(snapshot, scenarios, { ...overrides, liquidity: 'pools' });
      const curves = runScenarios(snapshot, scenarios, { ...overrides, liquidity: 'curves' }, { liquidityDetails: liquidityDetails! });
      curves.forEach((run, s) => {
        expect(run.result.options!.liquidity).toBe('curves');
        expect(run.result.totalBadDebtUsd).toBeGreaterThan(s === 0 ? 0 : -1);
        expectSameRun(run.result, pools[s]!.result);
        if (overrides.oracle) expect(Math.abs(run.result.oracleLagLossUsd! - pools[s]!.result.oracleLagLossUsd!)).toBeLessThanOrEqual(1e-9 * pools[s]!.result.totalBadDebtUsd + 1e-6);
        expect(run.warnings).toEqual(pools[s]!.warnings);
      });
    });
  }
});

describe('runScenarios with liquidity curves on a snapshot holding a Uniswap v3 pool', () => {
  const POOL = '0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640';
  const weth10 = scenarioSchema.parse({ name: 'weth-10', shocks: { WETH: 0.9 } });
  let opened: { close(): void } | null = null;
  let snapshot: Awaited<ReturnType<typeof loadSnapshot>>;
  let details: Awaited<ReturnType<typeof loadLiquidityDetails>>;

  beforeAll(async () => {
    const rows = readImportDirectory('test/fixtures/hand-written');
    const uniswap = poolLiquidityRows({
      id: POOL, feeTier: 500, book: usdcWeth, tvlUsd: 1e8,
      token0: { asset: 'USDC', decimals: 6, priceUsd: 1 },
      token1: { asset: 'WETH', decimals: 18, priceUsd: 2000 },
    });
    const database = await openDatabase(':memory:');
    opened = database;
    const id = await writeSnapshot(database.connection, { ...rows, liquidity: [...rows.liquidity, ...uniswap] });
    snapshot = await loadSnapshot(database.connection, id);
    details = await loadLiquidityDetails(database, snapshot);
  });
  afterAll(() => opened?.close());

  it('loads each Uniswap v3 row’s extra columns and its whole tick book', () => {
    const pool = details.filter((d) => d.model === 'uniswap-v3');
    expect(pool.map((d) => [d.asset, d.extra!.sold, d.extra!.counter_asset])).toEqual([['USDC', 'token0', 'WETH'], ['WETH', 'token1', 'USDC']]);
    for (const d of pool) expect(d.ticks).toEqual(usdcWeth.ticks);
    const { rowModels, warnings } = snapshotCurves(snapshot, details);
    expect(warnings).toEqual([]);
    expect(rowModels.filter((m) => m === 'concentrated')).toHaveLength(2);
  });

  it('routes the sales across the pool’s ticks; without the details, warns and reads it as the pools model does', () => {
    const pools = runScenarios(snapshot, [weth10])[0]!;
    const blind = runScenarios(snapshot, [weth10], { liquidity: 'curves' })[0]!;
    const routed = runScenarios(snapshot, [weth10], { liquidity: 'curves' }, { liquidityDetails: details })[0]!;
    expect(pools.result.liquidations).toBeGreaterThan(0);
    expectSameRun(blind.result, pools.result);
    expect(blind.warnings.some((w) => /liquidity-curves: 2 row\(s\) read as constant product .*\(uniswap-v3: no pool detail\)/.test(w))).toBe(true);
    expect(routed.warnings.filter((w) => w.includes('contagion/liquidity/'))).toEqual([]);
    expect(routed.result.liquidations).toBeGreaterThan(0);
    // The concentrated venue is thinner than its active range's constant-product equivalent once the
    // sale leaves that range, so the routed price differs from the pools model's.
    expect(relative(routed.result.finalPrices.WETH!, pools.result.finalPrices.WETH!)).toBeGreaterThan(1e-6);
  });
});
