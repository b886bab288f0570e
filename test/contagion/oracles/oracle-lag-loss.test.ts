import { describe, expect, it } from 'vitest';
import { oracleLagLoss, type LiquidationRows } from '../../../src/contagion/oracles/index.js';
import { SIDE_COLLATERAL, SIDE_DEBT } from '../../../src/model/ecosystem.js';

// Assets: 0 = USDC ($1), 1 = ETH. One account: 1 ETH (LT 0.85, bonus 5 %) against 800 USDC.
// ETH at market: round 0 $1,000 (HF 850/800 = 1.0625), round 1 $900 (HF 765/800 = 0.956),
// round 2 $700 (HF 595/800 = 0.744).
const USDC = 0;
const ETH = 1;
const prices = (eth: number[]): Float64Array[] => eth.map((p) => Float64Array.of(1, p));
const MARKET = prices([1000, 900, 700]);

interface Liquidation {
  round: number;
  account: number;
  /** [asset, side, units before, units moved] */
  positions: [number, number, number, number][];
}

function rows(liquidations: Liquidation[]): LiquidationRows {
  const flat = liquidations.flatMap((l) => l.positions);
  const start = new Int32Array(liquidations.length + 1);
  liquidations.forEach((l, i) => (start[i + 1] = start[i]! + l.positions.length));
  return {
    round: Int32Array.from(liquidations, (l) => l.round),
    account: Int32Array.from(liquidations, (l) => l.account),
    start,
    asset: Int32Array.from(flat, (p) => p[0]),
    side: Uint8Array.from(flat, (p) => p[1]),
    units: Float64Array.from(flat, (p) => p[2]),
    liquidationThreshold: Float64Array.from(flat, (p) => (p[1] === SIDE_COLLATERAL ? 0.85 : 0)),
    liquidationBonus: Float64Array.from(flat, (p) => (p[1] === SIDE_COLLATERAL ? 0.05 : 0)),
    movedUnits: Float64Array.from(flat, (p) => p[3]),
  };
}

describe('loss due to oracle lag', () => {
  it('is 0 when the oracle equals the market', () => {
    // Reference cascade: round 1, HF 0.956 ≥ 0.95 ⇒ close factor 0.5: repay 400, seize 420/900 ETH.
    // Round 2 at $700: 0.5333 ETH (373.33) vs 400 debt, HF 0.79 ⇒ full close: repay 373.33/1.05 = 355.56,
    // seize everything, write off 44.44.
    const seized1 = 420 / 900;
    const liquidations = rows([
      { round: 1, account: 7, positions: [[ETH, SIDE_COLLATERAL, 1, seized1], [USDC, SIDE_DEBT, 800, 400]] },
      { round: 2, account: 7, positions: [[ETH, SIDE_COLLATERAL, 1 - seized1, 1 - seized1], [USDC, SIDE_DEBT, 400, ((1 - seized1) * 700) / 1.05]] },
    ]);
    const result = oracleLagLoss({ marketPrices: MARKET, oraclePrices: MARKET, liquidations });
    expect(result.lossUsd).toBeCloseTo(0, 9);
    expect(result.delayLossUsd).toBe(0);
    expect(Array.from(result.byLiquidation.delayRounds)).toEqual([0, 0]);
    expect(Array.from(result.byLiquidation.marketLiquidatable)).toEqual([1, 1]);
    expect(result.warnings).toEqual([]);
  });

  it('is the shortfall the delay let grow when a stale push feed liquidates late', () => {
    // A feed with a 15 % threshold ignores the −10 % move (oracle stays $1,000 in round 1) and
    // updates to $700 in round 2 (−30 %). Liquidated in round 2 at $700: HF 0.744 ⇒ full close,
    // repay 700/1.05 = 666.67, seize the whole ETH, write off 133.33.
    // At market it would have been liquidated in round 1, when 1 ETH at $900 still covered the debt:
    //   S(1) = max(0, 800 − 900/1.05) = max(0, 800 − 857.14) = 0
    //   S(2) = 800 − 700/1.05 = 133.33          ⇒ delay loss 133.33, mispricing 0 (oracle = market in round 2)
    const oracle = prices([1000, 1000, 700]);
    const liquidations = rows([{ round: 2, account: 7, positions: [[ETH, SIDE_COLLATERAL, 1, 1], [USDC, SIDE_DEBT, 800, 700 / 1.05]] }]);
    const result = oracleLagLoss({ marketPrices: MARKET, oraclePrices: oracle, liquidations });
    expect(result.byLiquidation.delayRounds[0]).toBe(1);
    expect(result.delayLossUsd).toBeCloseTo(800 - 700 / 1.05, 9);
    expect(result.mispricingLossUsd).toBeCloseTo(0, 9);
    expect(result.lossUsd).toBeCloseTo(133.3333333, 6);
  });

  it('nets the liquidator overpaying at a stale price against the delay, with a warning', () => {
    // Lag of one round: the oracle reads $1,000, $1,000, $900. Liquidated in round 2 at the oracle's
    // $900: HF 0.956 ⇒ repay 400, seize 420/900 = 0.4667 ETH, worth 326.67 at market ($700).
    //   delay loss      = S(2) − S(1) = 133.33 − 0
    //   mispricing loss = seized_P − repaid_P · seized_O / repaid_O = 326.67 − 400 · 420/400 = −93.33
    //   loss            = 40
    const oracle = prices([1000, 1000, 900]);
    const liquidations = rows([{ round: 2, account: 7, positions: [[ETH, SIDE_COLLATERAL, 1, 420 / 900], [USDC, SIDE_DEBT, 800, 400]] }]);
    const result = oracleLagLoss({ marketPrices: MARKET, oraclePrices: oracle, liquidations });
    expect(result.byLiquidation.seizedUsdAtOracle[0]).toBeCloseTo(420, 9);
    expect(result.byLiquidation.seizedUsdAtMarket[0]).toBeCloseTo((420 / 900) * 700, 9);
    expect(result.delayLossUsd).toBeCloseTo(133.3333333, 6);
    expect(result.mispricingLossUsd).toBeCloseTo(326.6666667 - 420, 6);
    expect(result.lossUsd).toBeCloseTo(40, 6);
    expect(result.lossUsd).toBeGreaterThan(0);
    expect(result.warnings[0]).toMatch(/worth less at market than the debt repaid/);
  });

  it('counts all of a liquidation the market would not have made as lost to the borrower', () => {
    // Market flat at $1,000 (HF 1.0625); an oracle pushed to $900 liquidates: repay 400, seize
    // 420/900 ETH worth 466.67 at market ⇒ loss 66.67 (bonus and mispricing both).
    const market = prices([1000, 1000]);
    const oracle = prices([1000, 900]);
    const liquidations = rows([
      { round: 1, account: 3, positions: [[ETH, SIDE_COLLATERAL, 1, 420 / 900], [USDC, SIDE_DEBT, 800, 400]] },
      { round: 0, account: 9, positions: [[ETH, SIDE_COLLATERAL, 2, 0], [USDC, SIDE_DEBT, 100, 0]] },
    ]);
    const result = oracleLagLoss({ marketPrices: market, oraclePrices: oracle, liquidations });
    expect(result.oracleOnlyLiquidations).toBe(2);
    expect(result.byLiquidation.lossUsd[0]).toBeCloseTo((420 / 900) * 1000 - 400, 9);
    expect(result.byLiquidation.lossUsd[1]).toBe(0);
  });

  it('rejects malformed rows', () => {
    const liquidations = rows([{ round: 5, account: 1, positions: [[ETH, SIDE_COLLATERAL, 1, 1]] }]);
    expect(() => oracleLagLoss({ marketPrices: MARKET, oraclePrices: MARKET, liquidations })).toThrow(/^contagion\/contagion\/oracles\/liquidation-rows: liquidation 0: round 5/);
    const twice = rows([
      { round: 1, account: 1, positions: [[ETH, SIDE_COLLATERAL, 1, 0]] },
      { round: 1, account: 1, positions: [[ETH, SIDE_COLLATERAL, 1, 0]] },
    ]);
    expect(() => oracleLagLoss({ marketPrices: MARKET, oraclePrices: MARKET, liquidations: twice })).toThrow(/liquidated twice in round 1/);
  });
});
