/**
 * A volatility surface for one underlying from its option quotes (strike × expiry, each with an
 * implied vol). Quotes are normalised to log-moneyness k = ln(K/F) and total variance w = σ²T, one
 * smile is built per expiry, either linear in total variance between quoted strikes (flat implied
 * vol beyond the outermost strikes) or a raw SVI fit (Gatheral 2004, "A parsimonious arbitrage-free
 * implied volatility parametrization…"; De Marco & Martini 2009, "Quasi-explicit calibration of
 * Gatheral's SVI model"), and the smiles are joined by linear interpolation of total variance in T
 * at fixed k, flat vol before the first and after the last expiry (`surface-evaluator.ts`).
 * Calendar and butterfly arbitrage are checked as Gatheral & Jacquier (2014, "Arbitrage-free SVI
 * volatility surfaces") state them, and reported in `warnings`, as are dropped quotes.
 */
import { assembleSurface, type VolSurface } from './assemble-surface.js';
import { VolSurfaceError } from './errors.js';
import { fitSvi } from './fit-svi.js';
import { prepareForwards } from './forward-curve.js';
import { normaliseQuotes } from './normalise-quotes.js';
import { quotesFromMarks, type QuotesFromMarksInput } from './quotes-from-marks.js';
import { smileTotalVariance } from './smile-total-variance.js';
import type { LinearSmile, QuotedSlice, SmileSlice, SviSmile, VolSurfaceInput, VolSurfaceOptions } from './vol-surface-types.js';
import { warn, type VolSurfaceWarning } from './vol-surface-warnings.js';

export const DEFAULTS: VolSurfaceOptions = {
  smile: 'svi',
  maxVol: 10,
  expiryTolerance: 1e-9,
  minSviQuotes: 5,
  maxSviRmseVol: 0.01,
  svi: {},
  check: {},
};

export function buildVolSurface(input: VolSurfaceInput, options: Partial<VolSurfaceOptions> = {}): VolSurface {
  const settings: VolSurfaceOptions = { ...DEFAULTS, ...options };
  const { underlying } = input;
  if (settings.smile !== 'svi' && settings.smile !== 'linear') throw new VolSurfaceError(`options.smile must be 'svi' or 'linear', got ${String(settings.smile)}`);
  if (!(settings.maxVol > 0)) throw new VolSurfaceError(`options.maxVol must be > 0, got ${settings.maxVol}`);
  if (!(settings.expiryTolerance >= 0)) throw new VolSurfaceError(`options.expiryTolerance must be ≥ 0, got ${settings.expiryTolerance}`);
  if (!(Number.isInteger(settings.minSviQuotes) && settings.minSviQuotes >= 5)) {
    throw new VolSurfaceError(`options.minSviQuotes must be a whole number ≥ 5, got ${settings.minSviQuotes}`);
  }
  const forwards = prepareForwards(input.forwards, underlying);
  const { slices: quoted, warnings } = normaliseQuotes(input.quotes, forwards, { underlying, maxVol: settings.maxVol, expiryTolerance: settings.expiryTolerance });
  if (quoted.length === 0) {
    const why = warnings.slice(0, 3).map((w) => w.message).join('; ');
    throw new VolSurfaceError(`${underlying} quotes: none usable out of ${input.quotes.length}${why === '' ? '' : ` (${why}${warnings.length > 3 ? '; …' : ''})`}`);
  }
  const slices = quoted.map((q) => buildSlice(underlying, q, settings, warnings));
  return assembleSurface(underlying, forwards, slices, warnings, settings.check);
}

function buildSlice(underlying: string, quoted: QuotedSlice, settings: VolSurfaceOptions, warnings: VolSurfaceWarning[]): SmileSlice {
  const { expiryYears, forward } = quoted;
  let smile: LinearSmile | SviSmile;
  if (settings.smile === 'svi' && quoted.k.length >= settings.minSviQuotes) {
    // Weights of 0 throughout (every quote given weight 0) mean no preference: fit them equally.
    const weighted = quoted.weight.some((x) => x > 0);
    smile = { kind: 'svi', params: fitSvi({ k: quoted.k, totalVariance: quoted.totalVariance, ...(weighted ? { weight: quoted.weight } : {}) }, settings.svi).params };
  } else {
    if (settings.smile === 'svi') warnings.push(warn.tooFewForSvi(underlying, expiryYears, quoted.k.length, settings.minSviQuotes));
    smile = { kind: 'linear', k: quoted.k, totalVariance: quoted.totalVariance };
  }
  let sse = 0;
  for (let i = 0; i < quoted.k.length; i++) {
    const e = Math.sqrt(Math.max(0, smileTotalVariance(smile, quoted.k[i]!)) / expiryYears) - Math.sqrt(quoted.totalVariance[i]! / expiryYears);
    sse += e * e;
  }
  const rmseVol = Math.sqrt(sse / quoted.k.length);
  if (smile.kind === 'svi' && rmseVol > settings.maxSviRmseVol) warnings.push(warn.poorFit(underlying, expiryYears, rmseVol, settings.maxSviRmseVol));
  return { expiryYears, forward, smile, quoted, rmseVol };
}

/**
 * As `buildVolSurface`, from option marks: vols solved by `quotesFromMarks` (Black-76), marks that
 * imply no vol reported first among the warnings. Quote indices in later warnings are those of
 * the solved quotes; `markIndex` maps them back to marks.
 */
export function buildVolSurfaceFromMarks(input: QuotesFromMarksInput, options: Partial<VolSurfaceOptions> = {}): VolSurface & { markIndex: number[] } {
  const solved = quotesFromMarks(input, { expiryTolerance: options.expiryTolerance ?? DEFAULTS.expiryTolerance });
  const surface = buildVolSurface({ underlying: input.underlying, forwards: input.forwards, quotes: solved.quotes }, options);
  return { ...surface, warnings: [...solved.warnings, ...surface.warnings], markIndex: solved.markIndex };
}
