/**
 * Brute-force portfolio margin: the baseline the vectorised solver is checked and benchmarked
 * against. Plain scalar loops, no shared P&L table: for every account, underlying, scenario and
 * position, one scalar price call (plus one for the position's value now). Same semantics as
 * src/risk/margin/portfolio-margin.ts, written independently from its banner.
 */
import {
  intrinsicValue, shockedVolUnfloored, type CrossUnderlyingRule, type MarginPortfolio, type OptionPricer, type ScenarioGrid,
} from '../../../../src/risk/margin/index.js';

export interface BruteForceSettings {
  imFactor: number;
  optionContingencyRate: number;
  linearContingencyRate: number;
  contingencyNetting: 'per-option' | 'gross';
  crossUnderlying: CrossUnderlyingRule;
  rate: number;
  carry: number;
  minVol: number;
  spotMoveScale?: Float64Array;
}

export function bruteForceMargin(input: MarginPortfolio, grid: ScenarioGrid, pricer: OptionPricer, st: BruteForceSettings) {
  const { options, positions, spot } = input;
  const price = (o: number, s: number | null): number => {
    const years = s === null ? options.years[o]! : options.years[o]! - grid.horizonYears;
    const u = options.underlying[o]!;
    const S = spot[u]! * (s === null ? 1 : 1 + (grid.spotMultiplier[s]! - 1) * (st.spotMoveScale?.[u] ?? 1));
    const call = options.isCall[o] === 1;
    if (years <= 0) return intrinsicValue(S, options.strike[o]!, call);
    if (S <= 0) return call ? 0 : options.strike[o]! * Math.exp(-st.rate * years);
    let vol = s === null ? options.vol[o]! : shockedVolUnfloored(grid.volShock, options.vol[o]!, options.years[o]!, grid.volMove[s]!);
    if (!(vol >= st.minVol)) vol = st.minVol;
    return pricer.price({ spot: S, strike: options.strike[o]!, years, vol, rate: st.rate, carry: st.carry, isCall: call });
  };
  const rows = new Map<number, { option: number[]; size: number[]; linU: number[]; linQ: number[] }>();
  const rowsOf = (a: number) => {
    let r = rows.get(a);
    if (r === undefined) rows.set(a, (r = { option: [], size: [], linU: [], linQ: [] }));
    return r;
  };
  for (let p = 0; p < positions.account.length; p++) {
    const r = rowsOf(positions.account[p]!);
    r.option.push(positions.option[p]!);
    r.size.push(positions.size[p]!);
  }
  const linear = input.linear;
  if (linear !== undefined) {
    for (let i = 0; i < linear.account.length; i++) {
      const r = rowsOf(linear.account[i]!);
      r.linU.push(linear.underlying[i]!);
      r.linQ.push(linear.quantity[i]!);
    }
  }
  const maintenance = new Float64Array(input.accountCount);
  const initial = new Float64Array(input.accountCount);
  let priceCalls = 0;
  for (const [a, r] of rows) {
    const unders = new Set<number>([...r.option.map((o) => options.underlying[o]!), ...r.linU]);
    const margins: number[] = [];
    let contingency = 0;
    for (const u of unders) {
      let worst = 0;
      for (let s = 0; s < grid.spotMultiplier.length; s++) {
        let pnl = 0;
        for (let i = 0; i < r.option.length; i++) {
          const o = r.option[i]!;
          if (options.underlying[o] !== u) continue;
          pnl += r.size[i]! * (price(o, s) - price(o, null));
          priceCalls += 2;
        }
        for (let i = 0; i < r.linU.length; i++) if (r.linU[i] === u) pnl += r.linQ[i]! * spot[u]! * (grid.spotMultiplier[s]! - 1) * (st.spotMoveScale?.[u] ?? 1);
        worst = Math.max(worst, -pnl * grid.lossWeight[s]!);
      }
      margins.push(worst);
      for (let i = 0; i < r.linU.length; i++) if (r.linU[i] === u) contingency += Math.abs(r.linQ[i]!) * spot[u]! * st.linearContingencyRate;
    }
    const net = new Map<number, number>();
    r.option.forEach((o, i) => {
      if (st.contingencyNetting === 'gross') {
        if (r.size[i]! < 0) contingency += -r.size[i]! * st.optionContingencyRate * spot[options.underlying[o]!]!;
      } else net.set(o, (net.get(o) ?? 0) + r.size[i]!);
    });
    for (const [o, q] of net) if (q < 0) contingency += -q * st.optionContingencyRate * spot[options.underlying[o]!]!;
    const sum = margins.reduce((x, y) => x + y, 0);
    let scenario = sum;
    if (st.crossUnderlying.kind === 'correlation' && margins.length > 1) {
      const rho = st.crossUnderlying.rho;
      const squares = margins.reduce((x, y) => x + y * y, 0);
      scenario = Math.min(sum, Math.max(Math.max(...margins), Math.sqrt(Math.max(0, (1 - rho) * squares + rho * sum * sum))));
    }
    maintenance[a] = scenario + contingency;
    initial[a] = st.imFactor * maintenance[a]!;
  }
  return { maintenance, initial, priceCalls };
}
