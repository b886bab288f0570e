/**
 * Derive (Lyra v2) portfolio-margin risk manager, version 1 (PMRM), maintenance and initial
 * margin of one account, after derivexyz/v2-core `src/risk-managers/PMRMLib.sol`
 * (`getMarginAndMarkToMarket`, `getScenarioMtM`, `addPrecomputes`) with the mainnet parameters of
 * `scripts/config-mainnet.sol`, read from published-params.json. Per expiry e, at spot S:
 *
 *   mtm_e        = Σ size·Black76(F = S, K, σ)                     (rate 0: forward = spot, discount 1)
 *   shocked_e,s  = Σ size·Black76(F = S·spot_s, K, σ·volShock_e,s)
 *   volShock     = up: 1 + 0.6·k, down: max(0, 1 − 0.3·k), k = (30d / max(T, 1d))^(T ≤ 30d ? 0.3 : 0.13)
 *   discount_e   = 0.95·exp(−T·(rate·1 + 0.12)), applied only when shocked_e,s > 0
 *   scenario s   = Σ_e (discount(shocked_e,s) − mtm_e) + base·S·(spot_s − 1)/stable
 *   basis        = Σ_e min(mtm_e(S·1.05) − mtm_e, mtm_e(S·0.95) − mtm_e, 0)·(1 + 1.2·T)
 *   contingency  = 0.03·base·S + Σ_e 0.02·S·(naked shorts per strike, a call and a put of one strike netted)
 *   minSPAN      = min(basis, min_s scenario) − contingency
 *   MM = minSPAN + MtM + cash,  IM = 1.25·minSPAN + MtM + cash   (no depeg: USDC ≥ 0.99; oracle confidence taken as 1)
 *
 * The account is liquidatable when MM < 0. This module reports the requirement −minSPAN and the
 * equity MtM + cash, so "margin ratio" = equity / requirement and MM ≥ 0 ⇔ ratio ≥ 1.
 * Not modelled: perps (no account holds one) and the oracle-confidence contingency (IM only).
 */
import { optionPrice, SECONDS_PER_YEAR } from './black76.js';
import type { ParamBook } from './params.js';
import { literal } from './universe.js';

type VolDir = 'up' | 'none' | 'down';

export interface PmrmParams {
  scenarios: { spot: number; vol: VolDir }[];
  volRangeUp: number;
  volRangeDown: number;
  shortTermPower: number;
  longTermPower: number;
  dteFloorYears: number;
  imFactor: number;
  baseStaticDiscount: number;
  rateMultScale: number;
  rateAddScale: number;
  basisSpotUp: number;
  basisSpotDown: number;
  basisAdd: number;
  basisMult: number;
  basePercent: number;
  optionPercent: number;
}

const wad = (p: ParamBook, id: string) => Number(literal(p.str(`derive.${id}`))) / 1e18;

export function pmrmParams(p: ParamBook): PmrmParams {
  const dirs: Record<string, VolDir> = { U: 'up', N: 'none', D: 'down' };
  const scenarios = p.str('derive.scenarios').split('|').flatMap((cell) => {
    const [spot, vols] = cell.split(':');
    return [...vols].map((v) => ({ spot: Number(literal(spot)) / 1e18, vol: dirs[v] }));
  });
  if (scenarios.length !== 23) throw new Error(`pmrm: expected 23 scenarios, parsed ${scenarios.length}`);
  const floor = /^(\d+) days$/.exec(p.str('derive.dteFloor'));
  if (!floor) throw new Error(`pmrm: cannot read dteFloor ${p.str('derive.dteFloor')}`);
  return {
    scenarios,
    volRangeUp: wad(p, 'volRangeUp'), volRangeDown: wad(p, 'volRangeDown'),
    shortTermPower: wad(p, 'shortTermPower'), longTermPower: wad(p, 'longTermPower'),
    dteFloorYears: (Number(floor[1]) * 86400) / SECONDS_PER_YEAR,
    imFactor: wad(p, 'imFactor'), baseStaticDiscount: wad(p, 'baseStaticDiscount'),
    rateMultScale: wad(p, 'rateMultScale'), rateAddScale: wad(p, 'rateAddScale'),
    basisSpotUp: wad(p, 'scenarioSpotUp'), basisSpotDown: wad(p, 'scenarioSpotDown'),
    basisAdd: wad(p, 'basisContAddFactor'), basisMult: wad(p, 'basisContMultFactor'),
    basePercent: wad(p, 'basePercent'), optionPercent: wad(p, 'optionPercent'),
  };
}

export interface PmrmLeg {
  type: 'call' | 'put';
  strike: number;
  /** Years to expiry (ACT/365); legs with equal `years` form one expiry. */
  years: number;
  vol: number;
  /** Signed units of the underlying: + long, − short. */
  size: number;
}

export interface PmrmPortfolio {
  cash: number;
  /** Units of the base asset (WETH) held as collateral. */
  base: number;
  legs: readonly PmrmLeg[];
}

export interface PmrmMarket {
  spot: number;
  stablePrice: number;
  /** Multiplies every leg's vol (1 at the snapshot; > 1 in a stress preview). */
  volScale?: number;
  /** Rate feed per expiry; Derive's ETH rate, taken as 0 here (forward = spot). */
  rate?: number;
}

export interface PmrmResult {
  mtm: number;
  equity: number;
  requirement: number;
  maintenance: number;
  initial: number;
  ratio: number;
  /** Index into params.scenarios, or -1 when the basis contingency was the binding term. */
  worstScenario: number;
}

export function volShocks(q: PmrmParams, years: number): { up: number; down: number } {
  const tau = 30 / 365 / Math.max(years, q.dteFloorYears);
  const k = Math.pow(tau, years <= 30 / 365 ? q.shortTermPower : q.longTermPower);
  return { up: 1 + q.volRangeUp * k, down: Math.max(0, 1 - q.volRangeDown * k) };
}

function expiryValue(legs: readonly PmrmLeg[], forward: number, volMult: number): number {
  return legs.reduce((s, l) => s + l.size * optionPrice(l.type, { forward, strike: l.strike, vol: l.vol * volMult, years: l.years }), 0);
}

/** Naked shorts of one expiry: per strike, a short is covered by a long of the same strike (call or put). */
function nakedShorts(legs: readonly PmrmLeg[]): number {
  const byStrike = new Map<number, number[]>();
  for (const l of legs) (byStrike.get(l.strike) ?? byStrike.set(l.strike, []).get(l.strike))?.push(l.size);
  let naked = 0;
  for (const sizes of byStrike.values()) {
    const short = sizes.filter((s) => s < 0).reduce((a, s) => a - s, 0);
    const long = sizes.filter((s) => s > 0).reduce((a, s) => a + s, 0);
    naked += sizes.length === 1 || short === 0 || long === 0 ? short : Math.max(0, short - Math.min(short, long));
  }
  return naked;
}

export function pmrmMargin(q: PmrmParams, pf: PmrmPortfolio, m: PmrmMarket): PmrmResult {
  const volScale = m.volScale ?? 1;
  const rate = m.rate ?? 0;
  const legs = pf.legs.map((l) => ({ ...l, vol: l.vol * volScale }));
  const expiries = [...new Set(legs.map((l) => l.years))].sort((a, b) => a - b).map((years) => {
    const own = legs.filter((l) => l.years === years);
    const mtm = expiryValue(own, m.spot, 1);
    const basisUp = expiryValue(own, m.spot * q.basisSpotUp, 1) - mtm;
    const basisDown = expiryValue(own, m.spot * q.basisSpotDown, 1) - mtm;
    return {
      legs: own, years, mtm, shocks: volShocks(q, years),
      discount: q.baseStaticDiscount * Math.exp(-years * (rate * q.rateMultScale + q.rateAddScale)),
      basis: Math.min(basisUp, basisDown, 0) * (q.basisAdd + q.basisMult * years),
      contingency: nakedShorts(own) * q.optionPercent * m.spot,
    };
  });
  const baseValue = (pf.base * m.spot) / m.stablePrice;
  let minSpan = expiries.reduce((s, e) => s + e.basis, 0);
  let worst = -1;
  q.scenarios.forEach((sc, i) => {
    let change = (pf.base * m.spot * sc.spot) / m.stablePrice - baseValue;
    for (const e of expiries) {
      const mult = sc.vol === 'up' ? e.shocks.up : sc.vol === 'down' ? e.shocks.down : 1;
      const shocked = sc.spot === 1 && sc.vol === 'none' ? e.mtm : expiryValue(e.legs, m.spot * sc.spot, mult);
      change += (shocked > 0 ? shocked * e.discount : shocked) - e.mtm;
    }
    if (change < minSpan) {
      minSpan = change;
      worst = i;
    }
  });
  minSpan -= pf.base * q.basePercent * m.spot + expiries.reduce((s, e) => s + e.contingency, 0);
  const mtm = baseValue + expiries.reduce((s, e) => s + e.mtm, 0);
  const equity = mtm + pf.cash;
  const requirement = -minSpan;
  return {
    mtm, equity, requirement, worstScenario: worst,
    maintenance: minSpan + equity,
    initial: q.imFactor * minSpan + equity,
    ratio: requirement > 0 ? equity / requirement : Infinity,
  };
}
