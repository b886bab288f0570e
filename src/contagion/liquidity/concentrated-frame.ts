/**
 * A Uniswap v3 pool seen from the token being sold, in floats: the frame the concentrated venue
 * walks (Adams et al., "Uniswap v3 Core", 2021, §6.2).
 *
 * Inside one range of constant liquidity L the pool trades as the constant-product pool of its
 * virtual reserves, and in terms of s = √(price of the sold token in the other token, raw units)
 * both directions obey the same formulas:
 *
 *   selling token0:  s = √P            (§6.2.3: Δ(1/√P) = Δx / L,  Δy = L·Δ√P)
 *   selling token1:  s = 1 / √P        (Δ√P = Δy / L  ⇔  Δ(1/s) = Δy / L,  Δx = L·Δ(1/√P) = L·Δs)
 *
 *   so selling r raw units at liquidity L:   1/s' = 1/s + r/L,   paid out L·(s − s') = r·s·s'
 *   and moving s down to b costs             L·(1/b − 1/s) = L·(s − b)/(s·b)  raw units of the sold token.
 *
 * The initialised ticks become `edges`, the s of each tick in the selling direction (descending), and
 * `liquidity[j]` is the exact active liquidity of segment j, between edges j − 1 and j (segment 0
 * lies above every edge, segment E below the last). Liquidity is summed in `bigint` first and only
 * then turned into a float, so no rounding accumulates across crossings. The edges are the
 * contract's own boundary prices (`sqrtRatioAtTick`), not 1.0001^(i/2).
 */
import { LiquidityError } from './errors.js';
import { sqrtRatioAtTick } from './uniswap-v3/tick-math.js';
import { tickBookProblem, type TickBook } from './uniswap-v3/tick-book.js';

const TWO_96 = 2 ** 96;
/** A sale that ends this close to an edge, relative to its size, is taken to reach it. */
const EDGE_SNAP = 1e-12;

export interface ConcentratedPoolInput {
  /** Venue name, for messages and fills. */
  name: string;
  /** The pool's price, tick, active liquidity and initialised ticks (raw, as the contract holds them). */
  book: TickBook;
  /** Which of the pool's tokens is the asset sold into it. */
  sold: 'token0' | 'token1';
  decimals0: number;
  decimals1: number;
  /** The pool's fee tier in millionths (500 = 0.05%); 0 ignores fees. */
  feePips: number;
  /** Symbol of the other token. */
  counterAsset: string;
  /** USD per whole counter token. */
  counterPriceUsd: number;
}

export interface ConcentratedFrame {
  /** s of each initialised tick, in the order a sale meets them (strictly descending). */
  edges: Float64Array;
  /** Active liquidity of segment j (length edges + 1). */
  liquidity: Float64Array;
  /** s and segment of the pool's current state. */
  s: number;
  segment: number;
  /** Raw units per whole sold token and per whole counter token. */
  rawPerSold: number;
  rawPerCounter: number;
  /** Whole counter tokens per whole sold token = s² · priceScale. */
  priceScale: number;
}

/** Checks the input (a book failing `tickBookProblem` is an error) and builds its frame. */
export function concentratedFrame(input: ConcentratedPoolInput): ConcentratedFrame {
  const { name, book, sold } = input;
  const problem = tickBookProblem(book);
  if (problem !== null) throw new LiquidityError('concentrated-frame', `venue ${name}: tick book is inconsistent: ${problem}`);
  for (const [field, value] of [['decimals0', input.decimals0], ['decimals1', input.decimals1]] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 77) throw new LiquidityError('concentrated-frame', `venue ${name}: ${field} must be a whole number in 0..77, got ${value}`);
  }
  if (!Number.isInteger(input.feePips) || input.feePips < 0 || input.feePips >= 1_000_000) {
    throw new LiquidityError('concentrated-frame', `venue ${name}: feePips must be a whole number in 0..999999, got ${input.feePips}`);
  }
  const zeroForOne = sold === 'token0';
  // Ticks in the order a sale meets them, and what crossing each does to L in that direction.
  const ordered = zeroForOne ? [...book.ticks].reverse() : book.ticks;
  const edges = new Float64Array(ordered.length);
  const liquidity = new Float64Array(ordered.length + 1);
  // Segment 0 lies beyond every tick on the side the price leaves from: L there is the sum of all
  // liquidityNet (0 in a consistent book) for token0 sold, nothing for token1 sold.
  let active = zeroForOne ? book.ticks.reduce((sum, t) => sum + t.liquidityNet, 0n) : 0n;
  let segment = 0;
  liquidity[0] = Number(active);
  ordered.forEach((t, k) => {
    const ratio = Number(sqrtRatioAtTick(t.tickIdx)) / TWO_96;
    edges[k] = zeroForOne ? ratio : 1 / ratio;
    active += zeroForOne ? -t.liquidityNet : t.liquidityNet;
    liquidity[k + 1] = Number(active);
    // Ticks already behind the price: above the current tick (token0 sold) or at or below it (token1 sold).
    if (zeroForOne ? t.tickIdx > book.tick : t.tickIdx <= book.tick) segment = k + 1;
  });
  const root = Number(book.sqrtPriceX96) / TWO_96;
  const [dSold, dCounter] = zeroForOne ? [input.decimals0, input.decimals1] : [input.decimals1, input.decimals0];
  return {
    edges,
    liquidity,
    s: zeroForOne ? root : 1 / root,
    segment,
    rawPerSold: 10 ** dSold,
    rawPerCounter: 10 ** dCounter,
    priceScale: 10 ** (dSold - dCounter),
  };
}

export interface FramePosition {
  s: number;
  segment: number;
}

/** Where selling `raw` units (after fee) from `at` ends, what it pays (raw counter) and what is left unsold. */
export function walkDown(frame: ConcentratedFrame, at: FramePosition, raw: number): { at: FramePosition; out: number; left: number } {
  const { edges, liquidity } = frame;
  let { s, segment } = at;
  let left = raw;
  let out = 0;
  const slack = raw * EDGE_SNAP;
  while (left > 0) {
    const l = liquidity[segment]!;
    const edge = segment < edges.length ? edges[segment]! : 0;
    if (l > 0) {
      const need = edge > 0 ? (l * (s - edge)) / (s * edge) : Infinity;
      // Within rounding of the edge counts as reaching it: selling exactly a venue's capacity (or
      // the units to a price on an edge) must cross, not stop short by the rounding of the whole sale.
      if (left < need - slack) {
        // 1/s' = 1/s + r/L, i.e. s' = s·L/(L + r·s), and out = L(s − s') = r·s·s': written so that
        // a sale tiny next to L loses nothing to cancellation.
        const next = (s * l) / (l + left * s);
        out += left * s * next;
        s = next;
        left = 0;
        break;
      }
      out += l * (s - edge);
      left = Math.max(0, left - need);
    } else if (segment === edges.length) {
      break; // nothing below the last tick: the rest stays unsold, the price at the last edge
    }
    s = edge;
    segment++;
  }
  return { at: { s, segment }, out, left };
}

/** Raw units (after fee) that take s down to `target` (all the book holds if it is beyond the last edge). */
export function rawToReach(frame: ConcentratedFrame, at: FramePosition, target: number): number {
  const { edges, liquidity } = frame;
  let { s, segment } = at;
  let raw = 0;
  while (segment < edges.length && edges[segment]! >= target) {
    raw += (liquidity[segment]! * (s - edges[segment]!)) / (s * edges[segment]!);
    s = edges[segment]!;
    segment++;
  }
  const l = liquidity[segment]!;
  if (!(target < s) || !(l > 0)) return raw;
  return target > 0 ? raw + (l * (s - target)) / (s * target) : Infinity;
}

/** The position with s moved to `target` along the book, crossing every edge reached (as the contract does). */
export function moveTo(frame: ConcentratedFrame, at: FramePosition, target: number): FramePosition {
  const { edges } = frame;
  let { segment } = at;
  if (target < at.s) while (segment < edges.length && edges[segment]! >= target) segment++;
  else while (segment > 0 && edges[segment - 1]! <= target) segment--;
  return { s: target, segment };
}
