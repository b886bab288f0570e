import { describe, expect, it } from 'vitest';
import { bsmPricer, derivePmrmGrid, portfolioMargin } from '../../../src/risk/margin/index.js';
import { accountEquity, closeOutAccounts, shortfallWaterfall } from '../../../src/risk/options-accounts/index.js';
import { mulberry32, randomPortfolio } from '../margin/helpers/random-portfolio.js';

describe('margin → equity → close-out → waterfall on random accounts', () => {
  it('flags, closes out and reconciles every shortfall to the cent, for both liquidation modes', () => {
    const p = randomPortfolio({ seed: 77, accounts: 400, positionsPerAccount: 6, options: 40, underlyings: 2 });
    const margin = portfolioMargin(p, derivePmrmGrid());
    const mark = new Float64Array(p.options.strike.length);
    bsmPricer.priceInto(
      Float64Array.from(p.options.underlying, (u) => p.spot[u]!), p.options.strike, Float64Array.from(p.options.years, (t) => Math.max(t, 1e-9)),
      p.options.vol, 0, 0, p.options.isCall, mark,
    );
    // Collateral: USDC worth a random multiple (0–1.6×) of each account's maintenance margin.
    const rnd = mulberry32(5);
    const amount = Float64Array.from(margin.maintenance, (mm, a) => mm * 1.6 * rnd() - margin.optionsValue[a]!);
    const input = {
      accountCount: p.accountCount, assetPrice: Float64Array.of(1), haircut: Float64Array.of(0),
      collateral: { account: Int32Array.from({ length: p.accountCount }, (_, a) => a), asset: new Int32Array(p.accountCount), amount },
      positions: p.positions, mark, maintenance: margin.maintenance,
    };
    const equity = accountEquity(input);
    const flagged = equity.liquidatable.reduce((n, x) => n + x, 0);
    expect(flagged).toBeGreaterThan(50);
    for (const mode of [{ kind: 'fixed-bonus', discount: 0.08 }, { kind: 'dutch-auction', appetite: { kind: 'required-discount', discount: 0.4 } }] as const) {
      // Shock: every account ends up with a fifth of its collateral, so some close out short.
      const shocked = accountEquity({ ...input, collateral: { ...input.collateral, amount: amount.map((x) => x * 0.2) } });
      const out = closeOutAccounts(shocked, input.maintenance, mode);
      const pnl = Float64Array.from(out.equityAfter, (x, a) => (out.closed[a] === 1 ? 0 : x));
      const w = shortfallWaterfall({ shortfallUsd: out.shortfall, insuranceFundUsd: 10_000, socialisationBaseUsd: pnl });
      expect(w.shortfallCents).toBeGreaterThan(0);
      expect(w.badDebtCents + w.insuranceAbsorbedCents + w.socialisedCents).toBe(w.shortfallCents);
      expect(w.socialisedLossCents.reduce((s, x) => s + x, 0)).toBe(w.socialisedCents);
    }
  });
});
