/**
 * The contagion solver: the reference cascade's rounds (docs/reference-cascade.md) with the frictions
 * that drive real cascades as options on top — each off by default, and with all of them off the
 * result equals the reference cascade's exactly (a property test holds it to that):
 *
 *   - arbitrage inflow: prices recover a fraction α of the way to the outside market between rounds;
 *   - liquidity: the reference's one constant-product pool per asset, or depth curves (PriceImpact);
 *   - liquidator capacity: per round, each known liquidator brings at most `multiplier` × the largest
 *     repayment it made in the liquidation history, shared across the protocols it serves;
 *     accounts it cannot reach wait, still under water, for the next round;
 *   - gas: a liquidation whose bonus is worth less than its gas cost waits (small positions in a
 *     congested crash);
 *   - priced sales: only the named protocols' forced sales move prices (used to split each
 *     protocol's loss into direct and contagion, attribute-losses.ts);
 *   - insurance funds: each protocol's bad debt is covered by its fund first, the rest socialised
 *     over its suppliers (integer cents; bad debt = insurance + socialised).
 *
 * Underwater accounts are visited largest debt first when liquidator capital is limited (the most
 * profitable first, as competing liquidators would), in account order otherwise (as the reference).
 */
import type { EcosystemSnapshot } from '../model/ecosystem.js';
import { SIDE_COLLATERAL } from '../model/ecosystem.js';
import { centsToUsd, toCents } from '../risk/options-accounts/index.js';
import type { CascadeParticipant, CascadeResult, CascadeRound, LiquidationRecord } from './cascade-types.js';
import { CascadeError } from './errors.js';
import { applySeizure, maxPositionsPerAccount, planSeizure, SeizurePlan, type PositionBook } from './liquidate-account.js';
import { liquidatorCapital, type LiquidatorCapital } from './liquidator-capital.js';
import type { PreparedCascade } from './prepare-cascade.js';
import { ConstantProductImpact, type PriceImpact } from './price-impact.js';
import { piecesOf } from './reference-cascade.js';
import { advanceOracleSet, createOracleSet, laggedFeed, pushFeed, type OracleModel, type OracleSet } from './oracles/index.js';

export interface ContagionOptions {
  maxRounds: number;
  recordEvents: boolean;
  /** α in [0, 1]: share of the gap to the outside (shocked) price closed by arbitrage after each round. */
  arbitrageInflow: number;
  /** null: unlimited liquidator capital (the reference). */
  liquidatorCapacity: null | { multiplier: number; protocolsWithoutHistory: 'unlimited' | 'none' };
  /** null: liquidations cost nothing (the reference). `ethAsset` prices the gas. */
  gas: null | { priceGwei: number; gasPerLiquidation: number; ethAsset: string };
  /** null: every protocol's forced sales move prices (the reference). */
  pricedSalesFrom: null | readonly string[];
  /** Cover bad debt from protocols' insurance funds, then socialise the rest over suppliers. */
  insuranceFunds: boolean;
  /**
   * null: oracles report the pool prices (the reference). Otherwise liquidations are decided and
   * collateral valued at oracle prices that start at the snapshot's (pre-shock) prices and follow
   * the pools by the model: a fixed lag in rounds, or Chainlink-style deviation + heartbeat, on a
   * clock of `roundSeconds` per round. Forced sales still trade at pool prices.
   */
  oracle: null | { model: 'lag'; lagRounds: number; roundSeconds: number } | { model: 'chainlink'; deviationThreshold: number; heartbeatSeconds: number; roundSeconds: number };
}

export const DEFAULTS: ContagionOptions = {
  maxRounds: 100,
  recordEvents: true,
  arbitrageInflow: 0,
  liquidatorCapacity: null,
  gas: null,
  pricedSalesFrom: null,
  insuranceFunds: false,
  oracle: null,
};

export interface ProtocolLossSplit {
  badDebtUsd: number;
  insuranceAbsorbedUsd: number;
  socialisedUsd: number;
  /** Socialised loss over the protocol's supplied value at final prices (the depositors' haircut). */
  supplierHaircut: number;
  insuranceFundUsd: number;
}

export interface ContagionResult extends CascadeResult {
  /** Per protocol, how its bad debt was borne (with `insuranceFunds`). */
  losses: Record<string, ProtocolLossSplit> | null;
  /** Debt of accounts still under water at the end (capacity or gas left them), and the part collateral cannot cover. */
  unliquidatedDebtUsd: number;
  latentBadDebtUsd: number;
  options: ContagionOptions;
  /** With an oracle model: bad debt beyond what the same run with oracles at pool prices books (set by the pipeline). */
  oracleLagLossUsd?: number;
}

export function contagionCascade(
  prepared: PreparedCascade,
  shocks: Readonly<Record<string, number>>,
  options: Partial<ContagionOptions> = {},
  participants: readonly CascadeParticipant[] = [],
  impact?: (shockedPrice: Float64Array) => PriceImpact,
  history?: Pick<EcosystemSnapshot, 'liquidationEvents' | 'liquidators'>,
): ContagionResult {
  const settings: ContagionOptions = { ...DEFAULTS, ...options };
  check(settings);
  const { snapshot, assetAccountStart, assetAccounts, poolAsset, poolUsd } = prepared;
  const { assets, protocols, accounts, positions } = snapshot;
  const assetCount = assets.symbol.length;
  const accountCount = accounts.protocol.length;
  const protocolCount = protocols.name.length;

  const target = shockedPrices(assets.symbol, assets.priceUsd, shocks);
  const pools = impact === undefined ? new ConstantProductImpact(poolAsset, poolUsd, target) : impact(target);
  const price = Float64Array.from(target);
  const book: PositionBook = {
    start: accounts.positionStart, asset: positions.asset, side: positions.side, amount: Float64Array.from(positions.amount),
    liquidationThreshold: positions.liquidationThreshold, liquidationBonus: positions.liquidationBonus,
  };
  const plan = new SeizurePlan(maxPositionsPerAccount(book.start));
  const priced = new Uint8Array(protocolCount).fill(1);
  if (settings.pricedSalesFrom !== null) {
    priced.fill(0);
    for (const name of settings.pricedSalesFrom) {
      const q = protocols.name.indexOf(name);
      if (q < 0) throw new CascadeError(`option pricedSalesFrom names protocol ${JSON.stringify(name)}, which is not in the snapshot`);
      priced[q] = 1;
    }
  }
  const capital: LiquidatorCapital | null =
    settings.liquidatorCapacity === null ? null : liquidatorCapital(snapshot, history ?? noHistory(), settings.liquidatorCapacity, protocolCount);
  const ethIndex = settings.gas === null ? -1 : assets.symbol.indexOf(settings.gas.ethAsset);
  if (settings.gas !== null && ethIndex < 0) throw new CascadeError(`option gas.ethAsset ${JSON.stringify(settings.gas.ethAsset)} is not an asset of the snapshot`);

  const badDebt = new Float64Array(protocolCount);
  const repaidTotal = new Float64Array(protocolCount);
  const seizedTotal = new Float64Array(protocolCount);
  const events: LiquidationRecord[] = [];
  const trace: CascadeRound[] = [];
  const warnings: string[] = [...(capital?.warnings ?? [])];
  const debtValue = new Float64Array(accountCount);
  const underwater: number[] = [];
  const marked = new Uint8Array(accountCount);
  let candidates: number[] = Array.from({ length: accountCount }, (_, i) => i);
  let roundLimitReached = false;

  // What liquidations are decided at: the pools' prices, or the oracles' view of them.
  let oracles: OracleSet | null = settings.oracle === null ? null : oracleSetFor(settings.oracle, assets.priceUsd);
  let decide: Float64Array = price;
  const oraclePatience = settings.oracle === null ? 0 : settings.oracle.model === 'lag' ? settings.oracle.lagRounds : Math.ceil(settings.oracle.heartbeatSeconds / settings.oracle.roundSeconds);
  let quietRounds = 0;
  const health = (i: number): number => {
    let weighted = 0;
    let debt = 0;
    for (let p = book.start[i]!; p < book.start[i + 1]!; p++) {
      const value = book.amount[p]! * decide[book.asset[p]!]!;
      if (book.side[p] === SIDE_COLLATERAL) weighted += value * book.liquidationThreshold[p]!;
      else debt += value;
    }
    debtValue[i] = debt;
    return debt > 0 ? weighted / debt : Infinity;
  };

  for (let round = 1; ; round++) {
    if (oracles !== null) {
      const observed = advanceOracleSet(oracles, price);
      oracles = observed.set;
      decide = observed.reported;
      candidates = Array.from({ length: accountCount }, (_, i) => i); // an oracle can move without any sale
    }
    underwater.length = 0;
    for (const i of candidates) if (health(i) < 1) underwater.push(i);
    if (round > settings.maxRounds) {
      roundLimitReached = underwater.length > 0 || participants.some((p) => p.wouldLiquidate(price));
      if (roundLimitReached) warnings.push(`contagion/contagion-cascade: stopped after ${settings.maxRounds} rounds while accounts were still under water`);
      break;
    }
    if (capital !== null) underwater.sort((x, y) => debtValue[y]! - debtValue[x]! || x - y);
    capital?.refill();
    const roundPrices = byName(assets.symbol, price);
    const soldUnits = new Float64Array(assetCount);
    const pricedUnits = new Float64Array(assetCount);
    const roundRepaid = new Float64Array(protocolCount);
    const roundBadDebt = new Float64Array(protocolCount);
    let roundSeized = 0;
    const touched: number[] = [];
    let liquidations = 0;

    for (const i of underwater) {
      touched.push(i);
      const healthFactor = health(i);
      const debt = debtValue[i]!;
      const protocol = accounts.protocol[i]!;
      const closeFactor = healthFactor < protocols.fullCloseBelowHf[protocol]! ? 1 : accounts.closeFactor[i]!;
      let toRepay = closeFactor * debt;
      if (capital !== null) toRepay = Math.min(toRepay, capital.available(protocol));
      if (!(toRepay > 0)) continue;
      planSeizure(book, i, decide, toRepay, plan);
      if (settings.gas !== null) {
        const gasUsd = settings.gas.priceGwei * 1e-9 * settings.gas.gasPerLiquidation * price[ethIndex]!;
        if (plan.profitUsd < gasUsd && plan.shortUsd === 0) continue; // not worth it yet; an insolvent account is still closed
      }
      capital?.draw(protocol, plan.repaidUsd);
      const pieces = settings.recordEvents ? piecesOf(plan, book, assets.symbol) : null;
      const accountBadDebt = applySeizure(book, i, plan, debt, soldUnits);
      if (priced[protocol] === 1) {
        for (let o = 0; o < plan.count; o++) {
          const a = book.asset[plan.position[o]!]!;
          pricedUnits[a] = pricedUnits[a]! + plan.units[o]!;
        }
      }
      roundRepaid[protocol] = roundRepaid[protocol]! + plan.repaidUsd;
      roundBadDebt[protocol] = roundBadDebt[protocol]! + accountBadDebt;
      seizedTotal[protocol] = seizedTotal[protocol]! + plan.seizedUsd;
      roundSeized += plan.seizedUsd;
      liquidations++;
      if (pieces !== null) {
        events.push({
          round, protocol: protocols.name[protocol]!, account: accounts.account[i]!, market: accounts.market[i] ?? null, healthFactor, closeFactor,
          debtUsd: debt, repaidUsd: plan.repaidUsd, seizedUsd: plan.seizedUsd, badDebtUsd: accountBadDebt,
          remainingDebtUsd: debt - plan.repaidUsd - accountBadDebt, seized: pieces,
        });
      }
    }

    let participantLiquidations = 0;
    for (const participant of participants) {
      const other = participant.round(round, price);
      participantLiquidations += other.liquidations;
      for (let a = 0; a < assetCount; a++) {
        soldUnits[a] = soldUnits[a]! + other.soldUnits[a]!;
        pricedUnits[a] = pricedUnits[a]! + other.soldUnits[a]!; // options venues are not split out by attribution
      }
      for (let q = 0; q < protocolCount; q++) {
        roundRepaid[q] = roundRepaid[q]! + other.repaidUsd[q]!;
        roundBadDebt[q] = roundBadDebt[q]! + other.badDebtUsd[q]!;
        seizedTotal[q] = seizedTotal[q]! + other.seizedUsd[q]!;
        roundSeized += other.seizedUsd[q]!;
      }
    }
    if (liquidations + participantLiquidations === 0) {
      // With lagging oracles, quiet rounds pass while the oracles may still catch up: until they
      // report the pools' prices, or for as long as their lag or heartbeat can take.
      if (oracles === null || sameArray(decide, price) || ++quietRounds > oraclePatience) break;
      continue;
    }
    quietRounds = 0;

    // End of round: sales into the venues, then arbitrage; revisit what moved and what waited.
    const next: number[] = [];
    for (const i of touched) {
      marked[i] = 1;
      next.push(i);
    }
    for (let a = 0; a < assetCount; a++) {
      if (pricedUnits[a]! > 0) pools.sell(a, pricedUnits[a]!);
      pools.recover(a, target[a]!, settings.arbitrageInflow);
      const moved = pools.price(a);
      if (moved === price[a]) continue;
      price[a] = moved;
      for (let j = assetAccountStart[a]!; j < assetAccountStart[a + 1]!; j++) {
        const i = assetAccounts[j]!;
        if (marked[i] === 0) {
          marked[i] = 1;
          next.push(i);
        }
      }
    }
    candidates = next.sort((x, y) => x - y);
    for (const i of candidates) marked[i] = 0;

    let repaidSum = 0;
    let badSum = 0;
    for (let q = 0; q < protocolCount; q++) {
      repaidTotal[q] = repaidTotal[q]! + roundRepaid[q]!;
      badDebt[q] = badDebt[q]! + roundBadDebt[q]!;
      repaidSum += roundRepaid[q]!;
      badSum += roundBadDebt[q]!;
    }
    trace.push({
      round, prices: roundPrices, pricesAfter: byName(assets.symbol, price), liquidations: liquidations + participantLiquidations,
      liquidatedDebtUsd: repaidSum, seizedCollateralUsd: roundSeized, badDebtUsd: badSum,
      liquidatedDebtUsdByProtocol: byName(protocols.name, roundRepaid), badDebtByProtocol: byName(protocols.name, roundBadDebt),
      soldUnits: byName(assets.symbol, soldUnits),
    });
  }

  // What is left: debt by protocol at final prices, and accounts still under water.
  const remainingDebt = new Float64Array(protocolCount);
  let unliquidatedDebtUsd = 0;
  let latentBadDebtUsd = 0;
  for (let i = 0; i < accountCount; i++) {
    let collateral = 0;
    let weighted = 0;
    let debt = 0;
    const q = accounts.protocol[i]!;
    for (let p = book.start[i]!; p < book.start[i + 1]!; p++) {
      const value = book.amount[p]! * price[book.asset[p]!]!;
      if (book.side[p] === SIDE_COLLATERAL) {
        collateral += value;
        weighted += value * book.liquidationThreshold[p]!;
      } else {
        debt += value;
        remainingDebt[q] = remainingDebt[q]! + value; // summed in the reference's order
      }
    }
    if (debt > 0 && weighted < debt) {
      unliquidatedDebtUsd += debt;
      latentBadDebtUsd += Math.max(0, debt - collateral);
    }
  }
  const totalBadDebtUsd = badDebt.reduce((s, v) => s + v, 0);
  return {
    rounds: trace.length,
    totalBadDebtUsd,
    badDebtByProtocol: byName(protocols.name, badDebt),
    liquidatedDebtUsdByProtocol: byName(protocols.name, repaidTotal),
    seizedCollateralUsd: trace.reduce((s, r) => s + r.seizedCollateralUsd, 0),
    finalPrices: byName(assets.symbol, price),
    trace,
    shockedPrices: byName(assets.symbol, target),
    seizedCollateralUsdByProtocol: byName(protocols.name, seizedTotal),
    remainingDebtUsdByProtocol: byName(protocols.name, remainingDebt),
    liquidations: trace.reduce((s, r) => s + r.liquidations, 0),
    roundLimitReached,
    events,
    warnings,
    losses: settings.insuranceFunds ? lossSplit(snapshot, book.amount, price, badDebt) : null,
    unliquidatedDebtUsd,
    latentBadDebtUsd,
    options: settings,
  };
}

/** Bad debt per protocol: insurance fund first, the rest socialised over the protocol's suppliers (cents). */
function lossSplit(snapshot: PreparedCascade['snapshot'], amount: Float64Array, price: Float64Array, badDebt: Float64Array): Record<string, ProtocolLossSplit> {
  const { protocols, accounts, positions } = snapshot;
  const supplied = new Float64Array(protocols.name.length);
  for (let i = 0; i < accounts.protocol.length; i++) {
    for (let p = accounts.positionStart[i]!; p < accounts.positionStart[i + 1]!; p++) {
      if (positions.side[p] === SIDE_COLLATERAL) supplied[accounts.protocol[i]!] = supplied[accounts.protocol[i]!]! + amount[p]! * price[positions.asset[p]!]!;
    }
  }
  const out: Record<string, ProtocolLossSplit> = {};
  protocols.name.forEach((name, q) => {
    const fund = Number.isNaN(protocols.insuranceFundUsd[q]!) ? 0 : protocols.insuranceFundUsd[q]!;
    const shortfall = toCents(badDebt[q]!, `protocol ${name} bad debt`);
    const absorbed = Math.min(shortfall, toCents(fund, `protocol ${name} insurance fund`));
    const socialised = shortfall - absorbed;
    out[name] = {
      badDebtUsd: centsToUsd(shortfall), insuranceAbsorbedUsd: centsToUsd(absorbed), socialisedUsd: centsToUsd(socialised),
      supplierHaircut: supplied[q]! > 0 ? centsToUsd(socialised) / supplied[q]! : socialised > 0 ? 1 : 0, insuranceFundUsd: fund,
    };
  });
  return out;
}

function oracleSetFor(spec: NonNullable<ContagionOptions['oracle']>, snapshotPrices: Float64Array): OracleSet {
  const model: OracleModel =
    spec.model === 'lag' ? laggedFeed(spec.lagRounds) : pushFeed({ deviationThreshold: spec.deviationThreshold, heartbeatSeconds: spec.heartbeatSeconds });
  return createOracleSet({
    clock: { startSeconds: 0, roundSeconds: spec.roundSeconds },
    models: Array.from(snapshotPrices, () => model),
    initialPrices: Float64Array.from(snapshotPrices),
  });
}

const sameArray = (a: Float64Array, b: Float64Array): boolean => a.every((v, i) => v === b[i]);

function check(settings: ContagionOptions): void {
  if (!Number.isInteger(settings.maxRounds) || settings.maxRounds < 1) throw new CascadeError(`option maxRounds must be a whole number ≥ 1, got ${settings.maxRounds}`);
  if (!(settings.arbitrageInflow >= 0 && settings.arbitrageInflow <= 1)) throw new CascadeError(`option arbitrageInflow must be in [0, 1], got ${settings.arbitrageInflow}`);
  if (settings.liquidatorCapacity !== null && !(settings.liquidatorCapacity.multiplier >= 0)) {
    throw new CascadeError(`option liquidatorCapacity.multiplier must be ≥ 0, got ${settings.liquidatorCapacity.multiplier}`);
  }
  if (settings.gas !== null && !(settings.gas.priceGwei >= 0 && settings.gas.gasPerLiquidation >= 0)) {
    throw new CascadeError('option gas: priceGwei and gasPerLiquidation must be ≥ 0');
  }
}

const noHistory = (): Pick<EcosystemSnapshot, 'liquidationEvents' | 'liquidators'> => ({
  liquidators: { address: [], label: [] },
  liquidationEvents: {
    protocol: new Int32Array(0), account: [], liquidator: new Int32Array(0), collateralAsset: new Int32Array(0), debtAsset: new Int32Array(0),
    debtRepaidUsd: new Float64Array(0), blockNumber: new Float64Array(0), timestamp: [], txHash: [],
  },
});

function shockedPrices(symbols: readonly string[], priceUsd: Float64Array, shocks: Readonly<Record<string, number>>): Float64Array {
  const price = Float64Array.from(priceUsd);
  for (const [symbol, multiplier] of Object.entries(shocks)) {
    const index = symbols.indexOf(symbol);
    if (index < 0) throw new CascadeError(`shock names asset ${JSON.stringify(symbol)}, which is not in the snapshot (assets: ${symbols.join(', ')})`);
    if (!Number.isFinite(multiplier) || multiplier <= 0) throw new CascadeError(`shock for ${symbol} must be a price multiplier > 0, got ${multiplier}`);
    price[index] = price[index]! * multiplier;
  }
  return price;
}

function byName(names: readonly string[], values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < names.length; i++) out[names[i]!] = values[i]!;
  return out;
}
