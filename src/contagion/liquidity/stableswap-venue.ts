/**
 * Curve StableSwap venue of a pegged pair, n = 2 (Egorov, "StableSwap – efficient mechanism for
 * Stablecoin liquidity", 2019; the maths in `stableswap-math.ts`). The asset is coin i, the pegged
 * token it is sold for is coin j, valued at `counterPriceUsd`.
 *
 *   xp = balance · rate               rates put both coins in the pool's common unit (1 for two
 *                                     dollar stablecoins; a redemption rate for a yield-bearing coin)
 *   sell Δ:   x' = x + Δ·rate_i,  y' = get_y(x', D),  out = (y − y')/rate_j · (1 − fee)
 *             (Curve's exchange: the fee is taken from the output; here it leaves the pool, so D
 *             never changes: see `venue.ts`)
 *   spot:     −dy/dx · rate_i/rate_j · counterPriceUsd
 *   arbitrage: the balances move along the curve of the same D to the price p + α(target − p)
 */
import { checkFee, checkPositive, checkUnits } from './errors.js';
import { stableswapD, stableswapPrice, stableswapXAtPrice, stableswapY } from './stableswap-math.js';
import { arbitragePrice, type SaleFill, type Venue } from './venue.js';

const MODULE = 'stableswap-venue';

export interface StableswapPoolInput {
  /** Venue name, for messages and fills. */
  name: string;
  /** The pool contract's `A()` (the paper's A·n^(n−1): twice the paper's A for two coins). */
  amplification: number;
  /** Whole units of the asset in the pool. */
  assetBalance: number;
  /** Whole units of the pegged counter token in the pool. */
  counterBalance: number;
  /** Common-unit value of one whole asset and counter token (Curve's rates / 1e18); default 1. */
  assetRate?: number;
  counterRate?: number;
  /** Fraction of the output kept as fee (Curve's fee / 1e10); default 0. */
  feeFraction?: number;
  /** Symbol of the counter token, or null for a basket without one symbol. */
  counterAsset: string | null;
  /** USD per whole counter token. */
  counterPriceUsd: number;
}

interface Curve {
  name: string;
  amp: number;
  d: number;
  assetRate: number;
  counterRate: number;
}

class StableswapVenue implements Venue {
  readonly model = 'stableswap' as const;

  constructor(
    private readonly curve: Curve,
    /** Balances in the common unit. */
    private readonly x: number,
    private readonly y: number,
    readonly fee: number,
    readonly counterAsset: string | null,
    readonly counterPriceUsd: number,
  ) {}

  get name(): string {
    return this.curve.name;
  }

  /** USD per unit of the asset for a common-unit price `p` of x in y. */
  private usd(p: number): number {
    return ((p * this.curve.assetRate) / this.curve.counterRate) * this.counterPriceUsd;
  }

  /** The common-unit price of x in y at a USD spot price. */
  private common(priceUsd: number): number {
    return ((priceUsd / this.counterPriceUsd) * this.curve.counterRate) / this.curve.assetRate;
  }

  private at(x: number, counterPriceUsd = this.counterPriceUsd): StableswapVenue {
    const y = stableswapY(x, this.curve.d, this.curve.amp);
    return new StableswapVenue(this.curve, x, y, this.fee, this.counterAsset, counterPriceUsd);
  }

  priceUsd(): number {
    return this.usd(stableswapPrice(this.x, this.y, this.curve.d, this.curve.amp));
  }

  marginalUsd(): number {
    return this.priceUsd() * (1 - this.fee);
  }

  capacityUnits(): number {
    return Infinity;
  }

  unitsToMarginal(marginalUsd: number): number {
    if (!(marginalUsd < this.marginalUsd())) return 0;
    if (!(marginalUsd > 0)) return Infinity;
    const x = stableswapXAtPrice(this.common(marginalUsd / (1 - this.fee)), this.curve.d, this.curve.amp);
    return Math.max(0, x - this.x) / this.curve.assetRate;
  }

  quoteSell(units: number): SaleFill {
    return this.sell(units).fill;
  }

  sell(units: number): { venue: Venue; fill: SaleFill } {
    checkUnits(MODULE, this.name, units);
    if (units === 0) return { venue: this, fill: { soldUnits: 0, unsoldUnits: 0, usd: 0 } };
    const after = this.at(this.x + units * this.curve.assetRate);
    const out = (Math.max(0, this.y - after.y) / this.curve.counterRate) * (1 - this.fee);
    return { venue: after, fill: { soldUnits: units, unsoldUnits: 0, usd: out * this.counterPriceUsd } };
  }

  arbitrage(targetPriceUsd: number, alpha: number): Venue {
    const price = arbitragePrice(this.name, this.priceUsd(), targetPriceUsd, alpha);
    return alpha === 0 ? this : this.at(stableswapXAtPrice(this.common(price), this.curve.d, this.curve.amp));
  }

  withCounterPriceUsd(counterPriceUsd: number): Venue {
    checkPositive(MODULE, this.name, 'counterPriceUsd', counterPriceUsd);
    return new StableswapVenue(this.curve, this.x, this.y, this.fee, this.counterAsset, counterPriceUsd);
  }

  state(): StableswapState {
    const { amp, d, assetRate, counterRate } = this.curve;
    return { amplification: amp, invariant: d, assetBalance: this.x / assetRate, counterBalance: this.y / counterRate, assetRate, counterRate };
  }
}

export interface StableswapState {
  amplification: number;
  /** The invariant D (common units) the venue keeps. */
  invariant: number;
  /** Whole tokens. */
  assetBalance: number;
  counterBalance: number;
  assetRate: number;
  counterRate: number;
}

/** The balances and invariant of a stableswap venue; null for a venue of another model. */
export const stableswapState = (venue: Venue): StableswapState | null => (venue instanceof StableswapVenue ? venue.state() : null);

/** A two-coin StableSwap venue; D is computed once from the balances and kept by every trade. */
export function stableswapVenue(input: StableswapPoolInput): Venue {
  const { name } = input;
  checkPositive(MODULE, name, 'amplification', input.amplification);
  checkPositive(MODULE, name, 'assetBalance', input.assetBalance);
  checkPositive(MODULE, name, 'counterBalance', input.counterBalance);
  checkPositive(MODULE, name, 'counterPriceUsd', input.counterPriceUsd);
  const assetRate = input.assetRate ?? 1;
  const counterRate = input.counterRate ?? 1;
  checkPositive(MODULE, name, 'assetRate', assetRate);
  checkPositive(MODULE, name, 'counterRate', counterRate);
  const fee = input.feeFraction ?? 0;
  checkFee(MODULE, name, fee);
  const x = input.assetBalance * assetRate;
  const y = input.counterBalance * counterRate;
  const curve: Curve = { name, amp: input.amplification, d: stableswapD(x, y, input.amplification), assetRate, counterRate };
  return new StableswapVenue(curve, x, y, fee, input.counterAsset, input.counterPriceUsd);
}
