/**
 * Entities the Messari lending schema and its Morpho Blue extension share (`Token`, `Position`,
 * `Account`, `Liquidate`, `_PositionCounter`), built from a lending book. Ids follow Messari's
 * conventions: positions `<account>-<market>-<side>[-VARIABLE]-<counter>` (the counter grows as a
 * position is closed and reopened), events `<tx hash><log index as 4 bytes>`.
 */
import { defaultBlockTimestamp } from '../chain.js';
import { decimal, toRaw } from './amounts.js';
import type { EntitySetBuilder } from './entity-set.js';
import type { Filler } from './fill-defaults.js';
import type { BookAccount, BookPosition, PlannedLiquidation } from './lending-book.js';
import type { Rng } from './prng.js';
import type { CatalogueToken } from './token-catalogue.js';

export interface MessariContext {
  readonly rng: Rng;
  readonly fill: Filler;
  readonly out: EntitySetBuilder;
  readonly block: number;
}

type Entity = Record<string, unknown>;

export function addToken(ctx: MessariContext, token: CatalogueToken): void {
  ctx.out.add('Token', ctx.fill('Token', { id: token.address, name: token.name, symbol: token.symbol, decimals: token.decimals, lastPriceUSD: decimal(token.priceUsd), lastPriceBlockNumber: String(ctx.block) }));
}

export interface PositionOptions {
  /** The schema's `PositionSide` value for a planned position. */
  readonly sideOf: (p: BookPosition) => string;
  /** Schema-specific fields (Morpho's `shares`…). */
  readonly extra?: (p: BookPosition) => Entity;
  /** Share of accounts that also have an earlier, closed position (default 5%). */
  readonly closedShare?: number;
}

/** Adds the positions of `book` (plus a few closed ones) and their counters; returns them all. */
export function addPositions(ctx: MessariContext, book: readonly BookAccount[], options: PositionOptions): Entity[] {
  const { rng, block } = ctx;
  const counters = new Map<string, number>();
  const positions: Entity[] = [];
  const add = (p: BookPosition, closed: boolean) => {
    const side = options.sideOf(p);
    const key = `${p.account}-${p.market.id}-${side}`;
    const n = counters.get(key) ?? 0;
    counters.set(key, n + 1);
    const opened = block - rng.int(1_000, 2_000_000);
    const closedAt = closed ? rng.int(opened + 1, block) : null;
    const entity = ctx.fill('Position', {
      id: `${key}${p.side === 'debt' ? '-VARIABLE' : ''}-${n}`,
      account: p.account,
      market: p.market.id,
      asset: p.token.address,
      hashOpened: rng.hash(),
      hashClosed: closed ? rng.hash() : null,
      blockNumberOpened: String(opened),
      timestampOpened: String(defaultBlockTimestamp(opened)),
      blockNumberClosed: closedAt === null ? null : String(closedAt),
      timestampClosed: closedAt === null ? null : String(defaultBlockTimestamp(closedAt)),
      side,
      type: p.side === 'debt' ? 'VARIABLE' : null,
      isCollateral: p.side === 'collateral' ? p.enabled : p.side === 'supply' ? false : null,
      balance: closed ? '0' : toRaw(p.amount, p.token.decimals),
      depositCount: p.side !== 'debt' ? rng.int(1, 4) : 0,
      withdrawCount: closed && p.side !== 'debt' ? 1 : 0,
      borrowCount: p.side === 'debt' ? rng.int(1, 3) : 0,
      repayCount: closed && p.side === 'debt' ? 1 : 0,
      ...options.extra?.(p),
    });
    positions.push(ctx.out.add('Position', entity));
  };
  for (const account of book) {
    const first = account.positions[0];
    if (first !== undefined && rng.chance(options.closedShare ?? 0.05)) add(first, true);
    for (const p of account.positions) add(p, false);
  }
  const timestamp = String(defaultBlockTimestamp(block));
  for (const [id, next] of counters) ctx.out.add('_PositionCounter', ctx.fill('_PositionCounter', { id, nextCount: next, lastTimestamp: timestamp }));
  return positions;
}

/** Adds one `Liquidate` per planned liquidation, naming the two positions it touched. */
export function addLiquidations(ctx: MessariContext, planned: readonly PlannedLiquidation[], positions: readonly Entity[], liquidators: readonly string[], extra?: (l: PlannedLiquidation) => Entity): Entity[] {
  const { rng, block } = ctx;
  const openId = new Map<string, Entity>();
  for (const p of positions) if (p.hashClosed === null) openId.set(`${String(p.account)}|${String(p.market)}|${String(p.asset)}|${String(p.type)}`, p);
  const find = (p: BookPosition) => openId.get(`${p.account}|${p.market.id}|${p.token.address}|${p.side === 'debt' ? 'VARIABLE' : 'null'}`)!;
  return planned.map((l) => {
    const at = block - rng.int(1, 500_000);
    const hash = rng.hash();
    const logIndex = rng.int(0, 300);
    const touched = [find(l.collateral), find(l.debt)];
    for (const p of touched) p.liquidationCount = (p.liquidationCount as number) + 1;
    return ctx.out.add('Liquidate', ctx.fill('Liquidate', {
      id: `${hash}${logIndex.toString(16).padStart(8, '0')}`,
      hash,
      nonce: String(rng.int(0, 5_000)),
      logIndex,
      gasPrice: toRaw(rng.float(8, 60), 9),
      gasUsed: String(rng.int(250_000, 900_000)),
      gasLimit: '1500000',
      blockNumber: String(at),
      timestamp: String(defaultBlockTimestamp(at)),
      liquidator: rng.pick(liquidators),
      liquidatee: l.debt.account,
      market: l.collateral.market.id,
      positions: touched.map((p) => p.id),
      // Messari: `asset` is the repaid (borrowed) token, `amount` the collateral seized.
      asset: l.debt.token.address,
      amount: toRaw(l.seizedUsd / l.collateral.token.priceUsd, l.collateral.token.decimals),
      amountUSD: decimal(l.seizedUsd, 2),
      profitUSD: decimal(l.seizedUsd - l.repaidUsd, 2),
      ...extra?.(l),
    }));
  });
}

/** Adds an `Account` for every position holder and liquidator, with its counters. */
export function addAccounts(ctx: MessariContext, positions: readonly Entity[], liquidations: readonly Entity[], liquidators: readonly string[]): void {
  const stats = new Map<string, { open: number; closed: number; deposits: number; borrows: number; liquidated: number; liquidating: number }>();
  const of = (id: string) => {
    let s = stats.get(id);
    if (s === undefined) stats.set(id, (s = { open: 0, closed: 0, deposits: 0, borrows: 0, liquidated: 0, liquidating: 0 }));
    return s;
  };
  for (const p of positions) {
    const s = of(String(p.account));
    if (p.hashClosed === null) s.open++;
    else s.closed++;
    s.deposits += p.depositCount as number;
    s.borrows += p.borrowCount as number;
  }
  for (const id of liquidators) of(id);
  for (const l of liquidations) {
    of(String(l.liquidatee)).liquidated++;
    of(String(l.liquidator)).liquidating++;
  }
  for (const [id, s] of stats) {
    ctx.out.add('Account', ctx.fill('Account', {
      id,
      positionCount: s.open + s.closed,
      openPositionCount: s.open,
      closedPositionCount: s.closed,
      depositCount: s.deposits,
      borrowCount: s.borrows,
      liquidateCount: s.liquidating,
      liquidationCount: s.liquidated,
    }));
  }
}
