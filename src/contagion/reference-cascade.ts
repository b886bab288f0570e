/**
 * Reference liquidation cascade: the baseline every richer model is checked against.
 *
 * Semantics (docs/reference-cascade.md states them in full):
 *  1. Prices start at the snapshot's; the scenario multiplies chosen assets' prices. Each asset with
 *     liquidity has one aggregate constant-product pool against USD (reserves of its venues summed),
 *     first arbitraged to the shocked price with k unchanged; an asset without one keeps its price.
 *  2. Each round, at the round's start prices, every risk account with
 *     HF = Σ collateral·price·LT / Σ debt·price < 1 is liquidated once: close factor cf (its market's,
 *     else its protocol's), or 1 when HF < the protocol's full-close threshold. Liquidators repay
 *     R = cf·debt and seize collateral worth R·(1 + bonus), largest collateral first. If the seizable
 *     collateral runs out, the rest of the account's debt is its protocol's bad debt and is written
 *     off. Debts shrink pro rata.
 *  3. Repayment comes from outside; all collateral seized in a round is sold at the round's end into
 *     its asset's pool, and the new pool prices start the next round. Stop when a round liquidates
 *     nothing, or after `maxRounds`.
 *
 * Constant-product pricing follows Adams, Zinsmeister & Robinson, "Uniswap v2 Core" (2020); the
 * liquidation rules follow Aave v3's LiquidationLogic (close factor 0.5, full close below HF 0.95).
 *
 * Columnar: positions are typed arrays grouped by account, and an asset → accounts index lets a
 * round revisit only accounts whose prices moved, plus those liquidated in the round before.
 */
import { SIDE_COLLATERAL } from '../model/ecosystem.js';
import { CascadeError } from './errors.js';
import type { CascadeParticipant, CascadeResult, CascadeRound, CascadeSnapshot, LiquidationRecord, ReferenceCascadeOptions } from './cascade-types.js';
import { applySeizure, maxPositionsPerAccount, planSeizure, SeizurePlan, type PositionBook } from './liquidate-account.js';
import { prepareCascade, type PreparedCascade } from './prepare-cascade.js';

/** What the model leaves out, stated wherever its numbers are shown. */
export const ASSUMPTIONS =
  'all seized collateral is sold into on-chain pools at each round\'s end, with no arbitrage inflow between rounds, unlimited liquidator capital and oracles equal to pool prices: an upper bound on price impact (docs/reference-cascade.md)';

export const DEFAULTS: ReferenceCascadeOptions = {
  maxRounds: 100,
  recordEvents: true,
};

/** Runs the reference cascade on a snapshot under price multipliers by symbol (missing = 1). */
export function referenceCascade(
  snapshot: CascadeSnapshot,
  shocks: Readonly<Record<string, number>>,
  options: Partial<ReferenceCascadeOptions> = {},
): CascadeResult {
  return runReferenceCascade(prepareCascade(snapshot), shocks, options);
}

/** As `referenceCascade`, on a snapshot prepared once for many scenarios. */
export function runReferenceCascade(
  prepared: PreparedCascade,
  shocks: Readonly<Record<string, number>>,
  options: Partial<ReferenceCascadeOptions> = {},
  participants: readonly CascadeParticipant[] = [],
): CascadeResult {
  const settings: ReferenceCascadeOptions = { ...DEFAULTS, ...options };
  if (!Number.isInteger(settings.maxRounds) || settings.maxRounds < 1) {
    throw new CascadeError(`option maxRounds must be a whole number ≥ 1, got ${settings.maxRounds}`);
  }
  const { snapshot, assetAccountStart, assetAccounts, poolAsset, poolUsd } = prepared;
  const { assets, protocols, accounts, positions } = snapshot;
  const assetCount = assets.symbol.length;
  const accountCount = accounts.protocol.length;
  const protocolCount = protocols.name.length;

  const price = shockedPrices(assets.symbol, assets.priceUsd, shocks);
  const shocked = byName(assets.symbol, price);
  const poolX = new Float64Array(assetCount);
  const poolY = new Float64Array(assetCount);
  for (let a = 0; a < assetCount; a++) {
    if (poolAsset[a]! > 0) {
      const k = poolAsset[a]! * poolUsd[a]!;
      poolX[a] = Math.sqrt(k / price[a]!);
      poolY[a] = Math.sqrt(k * price[a]!);
    }
  }

  const amount = Float64Array.from(positions.amount);
  const { asset: positionAsset, side, liquidationThreshold, liquidationBonus } = positions;
  const start = accounts.positionStart;
  const badDebt = new Float64Array(protocolCount);
  const repaidTotal = new Float64Array(protocolCount);
  const seizedTotal = new Float64Array(protocolCount);
  const events: LiquidationRecord[] = [];
  const trace: CascadeRound[] = [];
  const warnings: string[] = [];

  const healthFactorBelowOne = (i: number): boolean => {
    let weightedCollateral = 0;
    let debt = 0;
    for (let p = start[i]!; p < start[i + 1]!; p++) {
      const value = amount[p]! * price[positionAsset[p]!]!;
      if (side[p] === SIDE_COLLATERAL) weightedCollateral += value * liquidationThreshold[p]!;
      else debt += value;
    }
    return debt > 0 && weightedCollateral < debt;
  };

  // Scratch buffers, allocated once: a round over a million accounts allocates nothing per account.
  const book: PositionBook = { start, asset: positionAsset, side, amount, liquidationThreshold, liquidationBonus };
  const plan = new SeizurePlan(maxPositionsPerAccount(start));
  const liquidated = new Int32Array(accountCount);
  const nextCandidates = new Int32Array(accountCount);
  const marked = new Uint8Array(accountCount);
  let candidates: Int32Array = allAccounts(accountCount);
  let roundLimitReached = false;

  for (let round = 1; ; round++) {
    if (round > settings.maxRounds) {
      // Only a limit if the next round would have liquidated someone.
      roundLimitReached = candidates.some((i) => healthFactorBelowOne(i)) || participants.some((p) => p.wouldLiquidate(price));
      if (roundLimitReached) {
        warnings.push(`contagion/reference-cascade: stopped after ${settings.maxRounds} rounds while accounts were still under water`);
      }
      break;
    }
    const roundPrices = byName(assets.symbol, price);
    const soldUnits = new Float64Array(assetCount);
    const roundRepaid = new Float64Array(protocolCount);
    const roundBadDebt = new Float64Array(protocolCount);
    let roundSeized = 0;
    let liquidatedCount = 0;

    for (let c = 0; c < candidates.length; c++) {
      const i = candidates[c]!;
      const from = start[i]!;
      const to = start[i + 1]!;
      let weightedCollateral = 0;
      let debt = 0;
      for (let p = from; p < to; p++) {
        const value = amount[p]! * price[positionAsset[p]!]!;
        if (side[p] === SIDE_COLLATERAL) weightedCollateral += value * liquidationThreshold[p]!;
        else debt += value;
      }
      if (!(debt > 0) || !(weightedCollateral < debt)) continue;

      const healthFactor = weightedCollateral / debt;
      const protocol = accounts.protocol[i]!;
      const fullBelow = protocols.fullCloseBelowHf[protocol]!;
      const closeFactor = healthFactor < fullBelow ? 1 : accounts.closeFactor[i]!;
      const toRepay = closeFactor * debt;

      planSeizure(book, i, price, toRepay, plan);
      const pieces: LiquidationRecord['seized'] | null = settings.recordEvents ? piecesOf(plan, book, assets.symbol) : null;
      const accountBadDebt = applySeizure(book, i, plan, debt, soldUnits);
      const repaidUsd = plan.repaidUsd;
      const seizedUsd = plan.seizedUsd;

      roundRepaid[protocol] = roundRepaid[protocol]! + repaidUsd;
      roundBadDebt[protocol] = roundBadDebt[protocol]! + accountBadDebt;
      seizedTotal[protocol] = seizedTotal[protocol]! + seizedUsd;
      roundSeized += seizedUsd;
      liquidated[liquidatedCount++] = i;
      if (pieces !== null) {
        events.push({
          round,
          protocol: protocols.name[protocol]!,
          account: accounts.account[i]!,
          market: accounts.market[i] ?? null,
          healthFactor,
          closeFactor,
          debtUsd: debt,
          repaidUsd,
          seizedUsd,
          badDebtUsd: accountBadDebt,
          remainingDebtUsd: debt - repaidUsd - accountBadDebt,
          seized: pieces,
        });
      }
    }

    // Other kinds of accounts (options venues) are liquidated at the same round-start prices, and
    // their forced sales go into the same pools: that is how the venues push each other.
    let participantLiquidations = 0;
    for (const participant of participants) {
      const other = participant.round(round, price);
      participantLiquidations += other.liquidations;
      for (let a = 0; a < assetCount; a++) soldUnits[a] = soldUnits[a]! + other.soldUnits[a]!;
      for (let q = 0; q < protocolCount; q++) {
        roundRepaid[q] = roundRepaid[q]! + other.repaidUsd[q]!;
        roundBadDebt[q] = roundBadDebt[q]! + other.badDebtUsd[q]!;
        seizedTotal[q] = seizedTotal[q]! + other.seizedUsd[q]!;
        roundSeized += other.seizedUsd[q]!;
      }
    }

    if (liquidatedCount + participantLiquidations === 0) break;

    // End of round: sell everything seized into the pools; the next round revisits the accounts
    // just liquidated and every account holding an asset whose price moved.
    let nextCount = 0;
    for (let l = 0; l < liquidatedCount; l++) {
      marked[liquidated[l]!] = 1;
      nextCandidates[nextCount++] = liquidated[l]!;
    }
    for (let a = 0; a < assetCount; a++) {
      if (!(soldUnits[a]! > 0) || !(poolX[a]! > 0)) continue;
      const k = poolX[a]! * poolY[a]!;
      poolX[a] = poolX[a]! + soldUnits[a]!;
      poolY[a] = k / poolX[a]!;
      const moved = poolY[a]! / poolX[a]!;
      if (moved === price[a]) continue;
      price[a] = moved;
      for (let j = assetAccountStart[a]!; j < assetAccountStart[a + 1]!; j++) {
        const i = assetAccounts[j]!;
        if (marked[i] === 0) {
          marked[i] = 1;
          nextCandidates[nextCount++] = i;
        }
      }
    }
    candidates = nextCandidates.slice(0, nextCount).sort();
    for (let c = 0; c < nextCount; c++) marked[candidates[c]!] = 0;

    let roundRepaidSum = 0;
    let roundBadDebtSum = 0;
    for (let q = 0; q < protocolCount; q++) {
      repaidTotal[q] = repaidTotal[q]! + roundRepaid[q]!;
      badDebt[q] = badDebt[q]! + roundBadDebt[q]!;
      roundRepaidSum += roundRepaid[q]!;
      roundBadDebtSum += roundBadDebt[q]!;
    }
    trace.push({
      round,
      prices: roundPrices,
      pricesAfter: byName(assets.symbol, price),
      liquidations: liquidatedCount + participantLiquidations,
      liquidatedDebtUsd: roundRepaidSum,
      seizedCollateralUsd: roundSeized,
      badDebtUsd: roundBadDebtSum,
      liquidatedDebtUsdByProtocol: byName(protocols.name, roundRepaid),
      badDebtByProtocol: byName(protocols.name, roundBadDebt),
      soldUnits: byName(assets.symbol, soldUnits),
    });
  }

  const remainingDebt = new Float64Array(protocolCount);
  for (let i = 0; i < accountCount; i++) {
    const protocol = accounts.protocol[i]!;
    for (let p = start[i]!; p < start[i + 1]!; p++) {
      if (side[p] !== SIDE_COLLATERAL) remainingDebt[protocol] = remainingDebt[protocol]! + amount[p]! * price[positionAsset[p]!]!;
    }
  }
  const totalBadDebtUsd = badDebt.reduce((sum, value) => sum + value, 0);
  return {
    rounds: trace.length,
    totalBadDebtUsd,
    badDebtByProtocol: byName(protocols.name, badDebt),
    liquidatedDebtUsdByProtocol: byName(protocols.name, repaidTotal),
    seizedCollateralUsd: trace.reduce((sum, r) => sum + r.seizedCollateralUsd, 0),
    finalPrices: byName(assets.symbol, price),
    trace,
    shockedPrices: shocked,
    seizedCollateralUsdByProtocol: byName(protocols.name, seizedTotal),
    remainingDebtUsdByProtocol: byName(protocols.name, remainingDebt),
    liquidations: trace.reduce((sum, r) => sum + r.liquidations, 0),
    roundLimitReached,
    events,
    warnings,
  };
}

/** Snapshot prices times the scenario's multipliers; an unknown symbol or a bad multiplier is an error. */
export function shockedPrices(symbols: readonly string[], priceUsd: Float64Array, shocks: Readonly<Record<string, number>>): Float64Array {
  const price = Float64Array.from(priceUsd);
  for (const [symbol, multiplier] of Object.entries(shocks)) {
    const index = symbols.indexOf(symbol);
    if (index < 0) throw new CascadeError(`shock names asset ${JSON.stringify(symbol)}, which is not in the snapshot (assets: ${symbols.join(', ')})`);
    if (!Number.isFinite(multiplier) || multiplier <= 0) {
      throw new CascadeError(`shock for ${symbol} must be a price multiplier > 0, got ${multiplier}`);
    }
    price[index] = price[index]! * multiplier;
  }
  for (let a = 0; a < price.length; a++) {
    if (!(price[a]! > 0)) throw new CascadeError(`asset ${symbols[a]} has price ${price[a]}; prices must be > 0`);
  }
  return price;
}

/** The seized pieces of a plan, for the liquidation record. */
export function piecesOf(plan: SeizurePlan, book: PositionBook, symbols: readonly string[]): LiquidationRecord['seized'] {
  const pieces: LiquidationRecord['seized'] = [];
  for (let o = 0; o < plan.count; o++) {
    const p = plan.position[o]!;
    const bonus = book.liquidationBonus[p]!;
    pieces.push({ asset: symbols[book.asset[p]!]!, units: plan.units[o]!, usd: plan.repaid[o]! * (1 + bonus), repaidUsd: plan.repaid[o]!, bonus });
  }
  return pieces;
}

function allAccounts(count: number): Int32Array {
  const all = new Int32Array(count);
  for (let i = 0; i < count; i++) all[i] = i;
  return all;
}

export function byName(names: readonly string[], values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < names.length; i++) out[names[i]!] = values[i]!;
  return out;
}
