/**
 * Uniswap v3 concentrated-liquidity venue in the contract's integer arithmetic: every sale, quote
 * and arbitrage is `swapExactInput` (UniswapV3Pool.swap's loop over SwapMath.computeSwapStep;
 * Adams et al., "Uniswap v3 Core", 2021, §6.2–6.3) on the pool's tick book, so amounts are the
 * chain's to the raw unit. It is the reference the float venue (`concentrated-venue.ts`) is tested
 * against, and a drop-in for it where exactness matters more than speed.
 *
 * Whole units in and out are converted at the edges: Δ whole → ⌊Δ·10^d_sold⌋ raw, and a target
 * price → the nearest Q64.96 sqrt price. A sale is limited to the last initialised tick in its
 * direction (beyond it the pool holds nothing), exactly as the float venue stops there.
 */
import { LiquidityError, checkPositive, checkUnits } from './errors.js';
import { concentratedFrame, type ConcentratedPoolInput } from './concentrated-frame.js';
import { MAX_SQRT_RATIO, MIN_SQRT_RATIO, sqrtRatioAtTick } from './uniswap-v3/tick-math.js';
import { swapExactInput } from './uniswap-v3/swap-walk.js';
import type { TickBook } from './uniswap-v3/tick-book.js';
import { arbitragePrice, type SaleFill, type Venue } from './venue.js';

const MODULE = 'concentrated-exact-venue';
const TWO_96 = 2 ** 96;
/** An input no pool can absorb: swaps given it end at their price limit. */
const UNLIMITED = 1n << 200n;

interface Pool {
  input: ConcentratedPoolInput;
  zeroForOne: boolean;
  /** Where a sale must stop: the sqrt ratio of the last initialised tick in the selling direction. */
  floor: bigint;
  rawPerSold: number;
  rawPerCounter: number;
  priceScale: number;
}

const clampLimit = (sqrt: bigint): bigint => (sqrt <= MIN_SQRT_RATIO ? MIN_SQRT_RATIO + 1n : sqrt >= MAX_SQRT_RATIO ? MAX_SQRT_RATIO - 1n : sqrt);

class ConcentratedExactVenue implements Venue {
  readonly model = 'concentrated' as const;

  constructor(
    private readonly pool: Pool,
    private readonly book: TickBook,
    readonly counterPriceUsd: number,
  ) {}

  get name(): string {
    return this.pool.input.name;
  }

  get counterAsset(): string {
    return this.pool.input.counterAsset;
  }

  get fee(): number {
    return this.pool.input.feePips / 1_000_000;
  }

  /** √(price of the sold token in the counter token), raw units, from a Q64.96 pool price. */
  private frameS(sqrtPriceX96: bigint): number {
    const root = Number(sqrtPriceX96) / TWO_96;
    return this.pool.zeroForOne ? root : 1 / root;
  }

  /** The Q64.96 pool price at a USD spot price, clamped to the contract's range. */
  private sqrtAt(priceUsd: number): bigint {
    const s = Math.sqrt(priceUsd / (this.pool.priceScale * this.counterPriceUsd));
    const root = this.pool.zeroForOne ? s : 1 / s;
    return clampLimit(BigInt(Math.round(Math.min(root * TWO_96, Number(MAX_SQRT_RATIO)))));
  }

  /** True when `sqrt` lies strictly beyond the current price in the selling direction. */
  private below(sqrt: bigint): boolean {
    return this.pool.zeroForOne ? sqrt < this.book.sqrtPriceX96 : sqrt > this.book.sqrtPriceX96;
  }

  /** Swap selling the asset (`down`) or buying it back, as far as `limit` or the input allows. */
  private swap(down: boolean, amountIn: bigint, limit: bigint) {
    const zeroForOne = down === this.pool.zeroForOne;
    return swapExactInput(this.book, { zeroForOne, amountIn, feePips: this.pool.input.feePips, sqrtPriceLimitX96: limit });
  }

  private withBook(result: { sqrtPriceX96: bigint; tick: number; liquidity: bigint }): ConcentratedExactVenue {
    const book = { sqrtPriceX96: result.sqrtPriceX96, tick: result.tick, liquidity: result.liquidity, ticks: this.book.ticks };
    return new ConcentratedExactVenue(this.pool, book, this.counterPriceUsd);
  }

  priceUsd(): number {
    const s = this.frameS(this.book.sqrtPriceX96);
    return s * s * this.pool.priceScale * this.counterPriceUsd;
  }

  marginalUsd(): number {
    return this.capacityUnits() > 0 ? this.priceUsd() * (1 - this.fee) : 0;
  }

  capacityUnits(): number {
    if (!this.below(this.pool.floor)) return 0;
    return Number(this.swap(true, UNLIMITED, this.pool.floor).amountIn) / this.pool.rawPerSold;
  }

  unitsToMarginal(marginalUsd: number): number {
    if (!(marginalUsd < this.priceUsd() * (1 - this.fee))) return 0;
    let limit = marginalUsd > 0 ? this.sqrtAt(marginalUsd / (1 - this.fee)) : this.pool.floor;
    if (this.pool.zeroForOne ? limit < this.pool.floor : limit > this.pool.floor) limit = this.pool.floor;
    if (!this.below(limit)) return 0;
    return Number(this.swap(true, UNLIMITED, limit).amountIn) / this.pool.rawPerSold;
  }

  quoteSell(units: number): SaleFill {
    return this.sell(units).fill;
  }

  sell(units: number): { venue: Venue; fill: SaleFill } {
    checkUnits(MODULE, this.name, units);
    let raw = BigInt(Math.floor(units * this.pool.rawPerSold));
    if (raw === 0n || !this.below(this.pool.floor)) return { venue: this, fill: { soldUnits: 0, unsoldUnits: units, usd: 0 } };
    // Within rounding of the venue's capacity (as the float venue's edges): sell all of it, so that
    // selling `capacityUnits()` exhausts the venue rather than leaving a raw unit or two.
    const capacity = this.swap(true, UNLIMITED, this.pool.floor).amountIn;
    if (capacity - raw <= 1n + raw / 1_000_000_000_000n) raw = capacity;
    const result = this.swap(true, raw, this.pool.floor);
    const soldUnits = Math.min(units, Number(result.amountIn) / this.pool.rawPerSold);
    const usd = (Number(result.amountOut) / this.pool.rawPerCounter) * this.counterPriceUsd;
    return { venue: this.withBook(result), fill: { soldUnits, unsoldUnits: units - soldUnits, usd } };
  }

  arbitrage(targetPriceUsd: number, alpha: number): Venue {
    const price = arbitragePrice(this.name, this.priceUsd(), targetPriceUsd, alpha);
    const limit = this.sqrtAt(price);
    if (alpha === 0 || limit === this.book.sqrtPriceX96) return this;
    return this.withBook(this.swap(this.below(limit), UNLIMITED, limit));
  }

  withCounterPriceUsd(counterPriceUsd: number): Venue {
    checkPositive(MODULE, this.name, 'counterPriceUsd', counterPriceUsd);
    return new ConcentratedExactVenue(this.pool, this.book, counterPriceUsd);
  }
}

/** A concentrated-liquidity venue computed with the contract's integer maths. */
export function concentratedExactVenue(input: ConcentratedPoolInput): Venue {
  checkPositive(MODULE, input.name, 'counterPriceUsd', input.counterPriceUsd);
  const frame = concentratedFrame(input); // validates the book and the decimals
  const zeroForOne = input.sold === 'token0';
  const ticks = input.book.ticks;
  if (ticks.length === 0) throw new LiquidityError(MODULE, `venue ${input.name}: the tick book has no initialised ticks`);
  const last = zeroForOne ? ticks[0]!.tickIdx : ticks[ticks.length - 1]!.tickIdx;
  const pool: Pool = {
    input,
    zeroForOne,
    floor: clampLimit(sqrtRatioAtTick(last)),
    rawPerSold: frame.rawPerSold,
    rawPerCounter: frame.rawPerCounter,
    priceScale: frame.priceScale,
  };
  return new ConcentratedExactVenue(pool, input.book, input.counterPriceUsd);
}
