/**
 * One option's price and Greeks as `contagion price` reports them: Black–Scholes–Merton, or
 * Merton (1976) jump-diffusion when a jump intensity and jump share are given (total vol V of
 * which share G of the variance comes from jumps of intensity L with mean-zero log jump size;
 * src/risk/pricing/merton-jump-share.ts). Units: vega and rho per 1.00 of vol and rate, theta per
 * year. The engine gives Merton's price, delta and gamma in closed form; its vega, theta and rho
 * here are central finite differences of that price (steps in `DEFAULTS`).
 */
import { bsm, mertonJumpShare, type OptionGreeks } from '../pricing/index.js';

export interface OptionQuoteInput {
  type: 'call' | 'put';
  spot: number;
  strike: number;
  expiryYears: number;
  vol: number;
  rate?: number;
  yield?: number;
  jumpIntensity?: number;
  jumpVolShare?: number;
}

export interface OptionQuote extends OptionGreeks {
  model: 'black-scholes-merton' | 'merton-jump-diffusion';
}

export const DEFAULTS = { volStep: 1e-4, rateStep: 1e-4, timeStep: 1e-5 };

export class OptionQuoteError extends Error {
  constructor(message: string) {
    super(`contagion/risk/quote: ${message}`);
    this.name = 'OptionQuoteError';
  }
}

export function optionQuote(input: OptionQuoteInput): OptionQuote {
  const base = {
    spot: input.spot, strike: input.strike, expiry: input.expiryYears, vol: input.vol,
    rate: input.rate ?? 0, dividendYield: input.yield ?? 0, isCall: input.type === 'call',
  };
  const jumps = input.jumpIntensity !== undefined || input.jumpVolShare !== undefined;
  if (!jumps) return { model: 'black-scholes-merton', ...bsm(base) };
  if (input.jumpIntensity === undefined || input.jumpVolShare === undefined) {
    throw new OptionQuoteError('jump-diffusion needs both jump-intensity and jump-vol-share');
  }
  const jump = { jumpIntensity: input.jumpIntensity, jumpShare: input.jumpVolShare };
  const price = (o: typeof base): number => mertonJumpShare({ ...o, ...jump }).price;
  const at = mertonJumpShare({ ...base, ...jump });
  const { volStep, rateStep, timeStep } = DEFAULTS;
  const vega = (price({ ...base, vol: base.vol + volStep }) - price({ ...base, vol: Math.max(base.vol - volStep, 0) })) / (base.vol + volStep - Math.max(base.vol - volStep, 0));
  const rho = (price({ ...base, rate: base.rate + rateStep }) - price({ ...base, rate: base.rate - rateStep })) / (2 * rateStep);
  const down = Math.max(base.expiry - timeStep, 0);
  const theta = -(price({ ...base, expiry: base.expiry + timeStep }) - price({ ...base, expiry: down })) / (base.expiry + timeStep - down);
  return { model: 'merton-jump-diffusion', price: at.price, delta: at.delta, gamma: at.gamma, vega, theta, rho };
}
