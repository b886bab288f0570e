/**
 * Uniswap v3 concentrated-liquidity venue, float fast path (Adams et al., "Uniswap v3 Core", 2021,
 * §6.2–6.3): a sale walks the pool's initialised ticks range by range with the closed forms of
 * `concentrated-frame.ts`; `concentrated-exact-venue.ts` does the same walk in the contract's integer
 * arithmetic, and the tests hold the two together.
 *
 *   sell Δ whole units:  r = Δ·10^d_sold·(1 − fee) raw enters the curve (the fee is taken from the
 *                        input, as SwapMath.computeSwapStep does); walk down; USD = out / 10^d_counter
 *                        × counterPriceUsd
 *   spot (USD per unit): s²·10^(d_sold − d_counter) × counterPriceUsd
 *   capacity:            a consistent book has no liquidity beyond its last initialised tick, so a
 *                        venue can absorb only so much. A sale stops at that tick and reports the rest
 *                        unsold; the contract would instead move the price to its extreme bound with
 *                        nothing traded, a price that means nothing and that any trade undoes for free.
 *   arbitrage:           the price moves along the book to p + α(target − p), crossing every tick on
 *                        the way (the swap back of an arbitrageur; what it costs is not tracked).
 *
 * Between two positions (a range with no liquidity) a sale moves the price through for free; a sale
 * that ends exactly at the top of such a gap leaves the price there.
 */
import { checkPositive, checkUnits } from './errors.js';
import { concentratedFrame, moveTo, rawToReach, walkDown, type ConcentratedFrame, type ConcentratedPoolInput, type FramePosition } from './concentrated-frame.js';
import { arbitragePrice, type SaleFill, type Venue } from './venue.js';

const MODULE = 'concentrated-venue';

class ConcentratedVenue implements Venue {
  readonly model = 'concentrated' as const;

  constructor(
    readonly name: string,
    readonly counterAsset: string,
    readonly counterPriceUsd: number,
    readonly fee: number,
    private readonly frame: ConcentratedFrame,
    private readonly at: FramePosition,
  ) {}

  /** USD per unit at sqrt price s of the frame. */
  private usdAt(s: number): number {
    return s * s * this.frame.priceScale * this.counterPriceUsd;
  }

  /** The frame's s at a spot price in USD. */
  private sAt(priceUsd: number): number {
    return Math.sqrt(priceUsd / (this.frame.priceScale * this.counterPriceUsd));
  }

  private with(at: FramePosition, counterPriceUsd = this.counterPriceUsd): ConcentratedVenue {
    return new ConcentratedVenue(this.name, this.counterAsset, counterPriceUsd, this.fee, this.frame, at);
  }

  priceUsd(): number {
    return this.usdAt(this.at.s);
  }

  marginalUsd(): number {
    return this.capacityUnits() > 0 ? this.priceUsd() * (1 - this.fee) : 0;
  }

  capacityUnits(): number {
    return rawToReach(this.frame, this.at, 0) / (1 - this.fee) / this.frame.rawPerSold;
  }

  unitsToMarginal(marginalUsd: number): number {
    if (!(marginalUsd < this.priceUsd() * (1 - this.fee))) return 0;
    const target = marginalUsd > 0 ? this.sAt(marginalUsd / (1 - this.fee)) : 0;
    return rawToReach(this.frame, this.at, target) / (1 - this.fee) / this.frame.rawPerSold;
  }

  quoteSell(units: number): SaleFill {
    return this.sell(units).fill;
  }

  sell(units: number): { venue: Venue; fill: SaleFill } {
    checkUnits(MODULE, this.name, units);
    if (units === 0) return { venue: this, fill: { soldUnits: 0, unsoldUnits: 0, usd: 0 } };
    const { rawPerSold, rawPerCounter } = this.frame;
    const walked = walkDown(this.frame, this.at, units * rawPerSold * (1 - this.fee));
    const unsoldUnits = Math.min(units, walked.left / (1 - this.fee) / rawPerSold);
    const fill = { soldUnits: units - unsoldUnits, unsoldUnits, usd: (walked.out / rawPerCounter) * this.counterPriceUsd };
    return { venue: this.with(walked.at), fill };
  }

  arbitrage(targetPriceUsd: number, alpha: number): Venue {
    const price = arbitragePrice(this.name, this.priceUsd(), targetPriceUsd, alpha);
    return alpha === 0 ? this : this.with(moveTo(this.frame, this.at, this.sAt(price)));
  }

  withCounterPriceUsd(counterPriceUsd: number): Venue {
    checkPositive(MODULE, this.name, 'counterPriceUsd', counterPriceUsd);
    return this.with(this.at, counterPriceUsd);
  }
}

/** A float concentrated-liquidity venue over a checked tick book. */
export function concentratedVenue(input: ConcentratedPoolInput): Venue {
  checkPositive(MODULE, input.name, 'counterPriceUsd', input.counterPriceUsd);
  const frame = concentratedFrame(input);
  return new ConcentratedVenue(input.name, input.counterAsset, input.counterPriceUsd, input.feePips / 1_000_000, frame, { s: frame.s, segment: frame.segment });
}
