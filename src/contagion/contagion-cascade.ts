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
import { byName, piecesOf, shockedPrices } from './reference-cascade.js';
import { advanceOracleSet, createOracleSet, laggedFeed, pushFeed, type OracleModel, type OracleSet } from './oracles/index.js';
import { derivedAssets, derivedTargets, fairPrices, marketPrices, routeSales, type DerivedAssets, type LpComponents } from './derived-assets.js';
import { receiptWriteDowns, reserveWriteDowns } from './receipt-write-down.js';

export interface ContagionOptions {
  maxRounds: number;
  recordEvents: boolean;
  /** α in [0, 1]: share of the gap to the outside (shocked) price closed by arbitrage after each round. */
  arbitrageInflow: number;
  /** null: unlimited liquidator capital (the reference). */
  liquidatorCapacity: null | { multiplier: number; protocolsWithoutHistory: 'unlimited' | 'none' };
  /** null: liquidations cost nothing (the reference). `ethAsset` prices the gas. */
  gas: null | { priceGwei: number; gasPerLiquidation: number; ethAsset: string };
  /**
   * null: every protocol's forced sales move prices (the reference). Otherwise only the named
   * protocols' sales do, and only their receipt tokens are written down (attribution switches
   * protocols' contagion channels off with it).
   */
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
  /**
   * 'pools': one constant-product pool per asset (the reference). 'curves': depth curves over the
   * indexed venues (Uniswap v3 ticks, Curve StableSwap, constant product), sales routed across
   * them; the caller builds them (src/contagion/liquidity) and passes the `impact` factory.
   */
  liquidity: 'pools' | 'curves';
  /**
   * null: every asset moves only by its own shock (the reference). Otherwise pegged and derived
   * assets follow what they derive from (derived-assets.ts): unshocked wrappers, LSTs, receipt and
   * LP tokens move with their parents, `pegs` break market pegs, and `valuation` says whether
   * lending oracles read market prices or exchange rate × parent ('exchange-rate').
   */
  derivedPricing: null | { valuation: 'market' | 'exchange-rate'; pegs: Readonly<Record<string, number>> };
  /**
   * Receipt-token contagion: a protocol's bad debt beyond its insurance fund writes down its
   * receipt tokens per unit of supply (receipt-write-down.ts), and protocols holding them as
   * collateral re-price them every round. Needs derived pricing (market valuation when unset).
   */
  receiptContagion: boolean;
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
  liquidity: 'pools',
  derivedPricing: null,
  receiptContagion: false,
};

export interface ProtocolLossSplit {
  badDebtUsd: number;
  insuranceAbsorbedUsd: number;
  socialisedUsd: number;
  /**
   * Socialised loss over the protocol's supplied value — its collateral rows at the snapshot's
   * amounts, valued at final prices (what depositors had put in) — capped at 1: depositors cannot
   * lose more than everything; beyond that the loss is unrecoverable.
   */
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
  /** With receipt contagion: what each protocol's receipt tokens lost, and the loss behind it. */
  receipts: ReceiptContagion | null;
}

export interface ReceiptContagion {
  /** Per receipt token (symbol): share of its value written down at the end, in [0, 1]. */
  writeDownBySymbol: Record<string, number>;
  /** Per protocol: bad debt beyond its insurance fund, borne by its suppliers (USD). */
  uncoveredUsdByProtocol: Record<string, number>;
  /** Per issuing protocol: value its receipt tokens lost where the snapshot holds them as collateral (USD, at write-down time). */
  writtenDownUsd: Record<string, number>;
  /** Per round (index r is round r + 1): receipt-token write-downs by symbol after the round. */
  writeDownsByRound: Record<string, number>[];
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

  const shocked = shockedPrices(assets.symbol, assets.priceUsd, shocks);
  const derivedSettings = settings.derivedPricing ?? (settings.receiptContagion ? { valuation: 'market' as const, pegs: {} } : null);
  const classified = derivedSettings === null ? null : derivedAssets(derivedInput(snapshot, poolUsd));
  // A snapshot without derived assets prices exactly as the reference does.
  const derived = classified !== null && classified.any ? classified : null;
  const target = derived === null ? shocked : derivedTargets(derived, assets.symbol, assets.priceUsd, shocks, derivedSettings!.pegs);
  if (derived === null && derivedSettings !== null && Object.keys(derivedSettings.pegs).length > 0) {
    throw new CascadeError(`option derivedPricing.pegs names ${Object.keys(derivedSettings.pegs).join(', ')}, but no asset of the snapshot derives from another`);
  }
  const pools = impact === undefined ? new ConstantProductImpact(poolAsset, poolUsd, target) : impact(target);
  const price = Float64Array.from(target);
  // Derived pricing state: each venue's move against its target, receipt write-downs, fair values.
  const move = new Float64Array(assetCount).fill(1);
  const writeDown = new Float64Array(assetCount);
  const fair = new Float64Array(assetCount);
  const nextPrice = new Float64Array(assetCount);
  if (derived !== null) marketPrices(derived, target, move, writeDown, price);
  const exchangeRateValuation = derivedSettings?.valuation === 'exchange-rate';
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
  const receipts = settings.receiptContagion && derived !== null ? new ReceiptBook(snapshot, derived, priced) : null;
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
  let reported: Float64Array = price;
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
      reported = observed.reported;
      candidates = Array.from({ length: accountCount }, (_, i) => i); // an oracle can move without any sale
    }
    // Exchange-rate oracles value a derived asset at rate × its parent's reported price, blind to its market peg.
    // (From the pools' prices, or the oracles' reading of them — never from last round's fair values.)
    if (exchangeRateValuation) decide = fairPrices(derived!, oracles === null ? price : reported, writeDown, fair);
    underwater.length = 0;
    for (const i of candidates) if (health(i) < 1) underwater.push(i);
    if (round > settings.maxRounds) {
      // Also when oracles were still catching up with the pools: more rounds could have liquidated more.
      roundLimitReached = underwater.length > 0 || participants.some((p) => p.wouldLiquidate(price)) || (oracles !== null && !sameArray(reported, price));
      if (roundLimitReached) warnings.push(`contagion/contagion-cascade: stopped after ${settings.maxRounds} rounds while accounts were still under water or oracles still behind the pools`);
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
      if (settings.gas !== null || derived !== null) {
        const gasUsd = settings.gas === null ? 0 : settings.gas.priceGwei * 1e-9 * settings.gas.gasPerLiquidation * price[ethIndex]!;
        // Liquidators sell at market: when the oracle values the collateral above it (a depegged
        // LST under exchange-rate valuation), the bonus can be worth less than nothing.
        const profit = derived === null ? plan.profitUsd : marketProfit(plan, book, price);
        if (profit < gasUsd && plan.shortUsd === 0) continue; // not worth it yet; an insolvent account is still closed
      }
      capital?.draw(protocol, plan.repaidUsd);
      const pieces = settings.recordEvents ? piecesOf(plan, book, assets.symbol) : null;
      receipts?.holdDebtShares(book, i, decide, debt);
      const accountBadDebt = applySeizure(book, i, plan, debt, soldUnits);
      receipts?.bookBadDebt(protocol, accountBadDebt);
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
      if (oracles === null || sameArray(reported, price) || ++quietRounds > oraclePatience) break;
      continue;
    }
    quietRounds = 0;

    // End of round: sales into the venues, then arbitrage; revisit what moved and what waited.
    const next: number[] = [];
    for (const i of touched) {
      marked[i] = 1;
      next.push(i);
    }
    // Derived assets without a venue of their own are sold where their value trades (routeSales).
    const routed = derived === null ? pricedUnits : routeSales(derived, (a) => pools.hasVenue(a), price, pricedUnits);
    for (let a = 0; a < assetCount; a++) {
      if (routed[a]! > 0) pools.sell(a, routed[a]!);
      pools.recover(a, target[a]!, settings.arbitrageInflow);
      nextPrice[a] = pools.price(a);
      move[a] = pools.hasVenue(a) ? nextPrice[a]! / target[a]! : 1;
    }
    if (derived !== null) {
      marketPrices(derived, target, move, writeDown, nextPrice);
      if (receipts !== null && receipts.writeDown(book, nextPrice, protocols.insuranceFundUsd, writeDown)) marketPrices(derived, target, move, writeDown, nextPrice);
    }
    for (let a = 0; a < assetCount; a++) {
      const moved = nextPrice[a]!;
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
    receipts?.endRound(writeDown);
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
    snapshotPrices: byName(assets.symbol, assets.priceUsd),
    seizedCollateralUsdByProtocol: byName(protocols.name, seizedTotal),
    remainingDebtUsdByProtocol: byName(protocols.name, remainingDebt),
    liquidations: trace.reduce((s, r) => s + r.liquidations, 0),
    roundLimitReached,
    events,
    warnings,
    losses: settings.insuranceFunds ? lossSplit(snapshot, positions.amount, price, badDebt, participants.flatMap((p) => p.waterfalls?.() ?? [])) : null,
    unliquidatedDebtUsd,
    latentBadDebtUsd,
    options: settings,
    receipts: receipts === null ? null : receipts.result(writeDown),
  };
}

/** What a liquidator makes selling the seized units at market prices, less the debt it repaid. */
function marketProfit(plan: SeizurePlan, book: PositionBook, price: Float64Array): number {
  let usd = 0;
  for (let o = 0; o < plan.count; o++) usd += plan.units[o]! * price[book.asset[plan.position[o]!]!]!;
  return usd - plan.repaidUsd;
}

/** The snapshot's assets as derived-assets.ts reads them: names resolved to indices. */
function derivedInput(snapshot: PreparedCascade['snapshot'], poolUsd: Float64Array): Parameters<typeof derivedAssets>[0] {
  const { assets, protocols } = snapshot;
  const n = assets.symbol.length;
  const issuer = new Int32Array(n).fill(-1);
  assets.issuer?.forEach((name, a) => {
    if (name === null) return;
    const q = protocols.name.indexOf(name);
    if (q < 0) throw new CascadeError(`asset ${assets.symbol[a]}: issuer ${JSON.stringify(name)} is not a protocol of the snapshot`);
    issuer[a] = q;
  });
  const lpComponents = assets.lpComponents?.map((spec, a): LpComponents | null => {
    if (spec === null) return null;
    const asset = spec.symbol.map((symbol) => {
      const c = assets.symbol.indexOf(symbol);
      if (c < 0) throw new CascadeError(`asset ${assets.symbol[a]}: lp component ${JSON.stringify(symbol)} is not an asset of the snapshot`);
      return c;
    });
    return { asset, units: spec.units, model: spec.model };
  });
  return {
    symbol: assets.symbol, kind: assets.kind, underlying: assets.underlying, priceUsd: assets.priceUsd,
    ...(assets.exchangeRate === undefined ? {} : { exchangeRate: assets.exchangeRate }),
    issuer,
    ...(lpComponents === undefined ? {} : { lpComponents }),
    venueDepthUsd: poolUsd,
  };
}

/**
 * Receipt contagion's books: bad debt per (protocol, debt asset) reserve, split over an account's
 * debts pro rata to their value when it is written off; after each round, the reserves' haircuts
 * (receipt-write-down.ts) from the protocols' uncovered loss over their supplied value at market
 * prices, and the receipt tokens' write-downs from them.
 */
class ReceiptBook {
  private readonly protocolCount: number;
  private readonly assetCount: number;
  private readonly badDebt: Float64Array;
  private readonly supplied: Float64Array;
  private readonly debtShare: Float64Array;
  private readonly debtAsset: Int32Array;
  private debtCount = 0;
  private haircut: Float64Array;
  private uncovered: Float64Array;
  private readonly writtenDown: Float64Array;
  private readonly rounds: Record<string, number>[] = [];

  constructor(
    private readonly snapshot: PreparedCascade['snapshot'],
    private readonly derived: DerivedAssets,
    /** Per protocol, 1 when its receipt tokens' write-downs propagate (`pricedSalesFrom`). */
    private readonly propagates: Uint8Array,
  ) {
    this.protocolCount = snapshot.protocols.name.length;
    this.assetCount = snapshot.assets.symbol.length;
    this.badDebt = new Float64Array(this.protocolCount * this.assetCount);
    this.supplied = new Float64Array(this.protocolCount * this.assetCount);
    this.haircut = new Float64Array(this.protocolCount * this.assetCount);
    this.uncovered = new Float64Array(this.protocolCount);
    this.writtenDown = new Float64Array(this.protocolCount);
    const positions = maxPositionsPerAccount(snapshot.accounts.positionStart);
    this.debtShare = new Float64Array(positions);
    this.debtAsset = new Int32Array(positions);
  }

  /** Account i's debts by asset as shares of its debt (at the prices it is liquidated at), before the seizure changes them. */
  holdDebtShares(book: PositionBook, i: number, price: Float64Array, debtUsd: number): void {
    this.debtCount = 0;
    for (let p = book.start[i]!; p < book.start[i + 1]!; p++) {
      if (book.side[p] === SIDE_COLLATERAL) continue;
      this.debtAsset[this.debtCount] = book.asset[p]!;
      this.debtShare[this.debtCount++] = debtUsd > 0 ? (book.amount[p]! * price[book.asset[p]!]!) / debtUsd : 0;
    }
  }

  bookBadDebt(protocol: number, badDebtUsd: number): void {
    if (!(badDebtUsd > 0)) return;
    for (let k = 0; k < this.debtCount; k++) {
      const r = protocol * this.assetCount + this.debtAsset[k]!;
      this.badDebt[r] = this.badDebt[r]! + badDebtUsd * this.debtShare[k]!;
    }
  }

  /** Recomputes haircuts and write-downs at `price`; true when any write-down grew. */
  writeDown(book: PositionBook, price: Float64Array, fundUsd: Float64Array, out: Float64Array): boolean {
    const { accounts } = this.snapshot;
    const A = this.assetCount;
    this.supplied.fill(0);
    for (let i = 0; i < accounts.protocol.length; i++) {
      const base = accounts.protocol[i]! * A;
      for (let p = book.start[i]!; p < book.start[i + 1]!; p++) {
        if (book.side[p] === SIDE_COLLATERAL) this.supplied[base + book.asset[p]!] = this.supplied[base + book.asset[p]!]! + book.amount[p]! * price[book.asset[p]!]!;
      }
    }
    const next = reserveWriteDowns({ protocolCount: this.protocolCount, assetCount: A, badDebt: this.badDebt, supplied: this.supplied, fundUsd }, this.haircut);
    const before = Float64Array.from(out);
    receiptWriteDowns(this.derived.issuer, this.derived.parent, A, next.haircut, out);
    for (let a = 0; a < A; a++) if (this.derived.issuer[a]! >= 0 && this.propagates[this.derived.issuer[a]!] === 0) out[a] = 0;
    this.haircut = next.haircut;
    this.uncovered = next.uncoveredUsd;
    let grew = false;
    for (let a = 0; a < A; a++) {
      if (out[a]! <= before[a]!) continue;
      grew = true;
      // Value the holders of this receipt token lose now: its units held across the snapshot at its pre-write-down price.
      const q = this.derived.issuer[a]!;
      let held = 0;
      for (let i = 0; i < accounts.protocol.length; i++) {
        for (let p = book.start[i]!; p < book.start[i + 1]!; p++) if (book.asset[p] === a && book.side[p] === SIDE_COLLATERAL) held += book.amount[p]!;
      }
      const unwritten = 1 - before[a]!;
      if (unwritten > 0) this.writtenDown[q] = this.writtenDown[q]! + held * (price[a]! / unwritten) * (out[a]! - before[a]!);
    }
    return grew;
  }

  endRound(writeDown: Float64Array): void {
    this.rounds.push(this.bySymbol(writeDown));
  }

  result(writeDown: Float64Array): ReceiptContagion {
    const names = this.snapshot.protocols.name;
    return {
      writeDownBySymbol: this.bySymbol(writeDown),
      uncoveredUsdByProtocol: byName(names, this.uncovered),
      writtenDownUsd: byName(names, this.writtenDown),
      writeDownsByRound: this.rounds,
    };
  }

  private bySymbol(writeDown: Float64Array): Record<string, number> {
    const out: Record<string, number> = {};
    for (let a = 0; a < this.assetCount; a++) if (this.derived.issuer[a]! >= 0) out[this.snapshot.assets.symbol[a]!] = writeDown[a]!;
    return out;
  }
}

/** Bad debt per protocol: insurance fund first, the rest socialised over the protocol's suppliers (cents). */
function lossSplit(
  snapshot: PreparedCascade['snapshot'], amount: Float64Array, price: Float64Array, badDebt: Float64Array,
  waterfalls: ReturnType<NonNullable<CascadeParticipant['waterfalls']>>,
): Record<string, ProtocolLossSplit> {
  const { protocols, accounts, positions } = snapshot;
  const supplied = new Float64Array(protocols.name.length);
  for (let i = 0; i < accounts.protocol.length; i++) {
    for (let p = accounts.positionStart[i]!; p < accounts.positionStart[i + 1]!; p++) {
      if (positions.side[p] === SIDE_COLLATERAL) supplied[accounts.protocol[i]!] = supplied[accounts.protocol[i]!]! + amount[p]! * price[positions.asset[p]!]!;
    }
  }
  const out: Record<string, ProtocolLossSplit> = {};
  const ownWaterfall = new Map(waterfalls.map((w) => [w.protocol, w]));
  protocols.name.forEach((name, q) => {
    const own = ownWaterfall.get(name);
    if (own !== undefined) {
      // An options venue's shortfall went through its own waterfall in the rounds: report that one.
      const socialisedCents = toCents(own.socialisedUsd, `protocol ${name} socialised`);
      out[name] = {
        badDebtUsd: badDebt[q]!, insuranceAbsorbedUsd: own.insuranceAbsorbedUsd, socialisedUsd: own.socialisedUsd,
        supplierHaircut: supplied[q]! > 0 ? Math.min(1, centsToUsd(socialisedCents) / supplied[q]!) : socialisedCents > 0 ? 1 : 0,
        insuranceFundUsd: Number.isNaN(own.insuranceFundUsd) ? 0 : own.insuranceFundUsd,
      };
      return;
    }
    const fund = Number.isNaN(protocols.insuranceFundUsd[q]!) ? 0 : protocols.insuranceFundUsd[q]!;
    const shortfall = toCents(badDebt[q]!, `protocol ${name} bad debt`);
    const absorbed = Math.min(shortfall, toCents(fund, `protocol ${name} insurance fund`));
    const socialised = shortfall - absorbed;
    out[name] = {
      badDebtUsd: centsToUsd(shortfall), insuranceAbsorbedUsd: centsToUsd(absorbed), socialisedUsd: centsToUsd(socialised),
      supplierHaircut: supplied[q]! > 0 ? Math.min(1, centsToUsd(socialised) / supplied[q]!) : socialised > 0 ? 1 : 0, insuranceFundUsd: fund,
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

