/**
 * Fixture: Haug's Merton (1976) jump-diffusion table and its known deviations, with sources.
 */
// Haug, *The Complete Guide to Option Pricing Formulas* (McGraw-Hill, 1998), p. 9: Merton (1976)
// jump-diffusion calls, S = 100, r = 8%, q = 0, total vol σ = 25%, for strikes 80…120, jump
// intensity λ = 1, 5, 10, T = 0.1, 0.25, 0.5 and γ = share of the variance from jumps = 0.25,
// 0.5, 0.75; Haug's jumps have E[e^J − 1] = 0 ('mean-zero' centring). Transcribed in QuantLib,
// lballabio/QuantLib, test-suite/jumpdiffusion.cpp, JumpDiffusionTest::testMerton76, commit
// e7e69002523ea7a8ade1e686276cc19aefa60171, which notes that Haug cut the sum at 11 terms and
// replaces the λ = 10, T = 0.5 cells (where 11 terms are not enough) with converged values,
// keeping Haug's in comments; those are HAUG_11_TERMS below. Each row: the nine values for
// (λ, T) = (1, 0.1), (1, 0.25), (1, 0.5), (5, 0.1), …, (10, 0.5).
export const HAUG_TABLE: Record<string, Record<number, number[]>> = {
  '0.25': {
    80: [20.67, 21.74, 23.63, 20.65, 21.7, 23.61, 20.64, 21.7, 23.61],
    90: [11.0, 12.74, 15.4, 10.98, 12.75, 15.42, 10.98, 12.75, 15.42],
    100: [3.42, 5.88, 8.95, 3.51, 5.96, 9.02, 3.53, 5.97, 9.03],
    110: [0.55, 2.11, 4.67, 0.56, 2.16, 4.73, 0.56, 2.17, 4.74],
    120: [0.1, 0.64, 2.23, 0.06, 0.63, 2.25, 0.05, 0.62, 2.25],
  },
  '0.5': {
    80: [20.72, 21.83, 23.71, 20.66, 21.73, 23.63, 20.65, 21.71, 23.61],
    90: [11.04, 12.72, 15.34, 11.02, 12.76, 15.41, 11.0, 12.75, 15.41],
    100: [3.14, 5.58, 8.71, 3.39, 5.87, 8.96, 3.46, 5.93, 9.0],
    110: [0.53, 1.93, 4.42, 0.58, 2.11, 4.67, 0.57, 2.14, 4.71],
    120: [0.19, 0.71, 2.15, 0.1, 0.66, 2.23, 0.07, 0.64, 2.24],
  },
  '0.75': {
    80: [20.79, 21.96, 23.86, 20.68, 21.78, 23.67, 20.66, 21.74, 23.64],
    90: [11.11, 12.75, 15.3, 11.09, 12.78, 15.39, 11.04, 12.76, 15.4],
    100: [2.7, 5.08, 8.24, 3.16, 5.71, 8.85, 3.33, 5.85, 8.95],
    110: [0.54, 1.69, 3.99, 0.62, 2.05, 4.57, 0.6, 2.11, 4.66],
    120: [0.29, 0.84, 2.09, 0.15, 0.71, 2.21, 0.11, 0.67, 2.23],
  },
};
/** Haug's own printed λ = 10, T = 0.5 values (11-term sums), from the comments of the same file. */
export const HAUG_11_TERMS: Record<string, Record<number, number>> = {
  '0.25': { 80: 23.28, 90: 15.2, 100: 8.89, 110: 4.66, 120: 2.21 },
  '0.5': { 80: 23.28, 90: 15.18, 100: 8.85, 110: 4.62, 120: 2.19 },
  '0.75': { 80: 23.3, 90: 15.17, 100: 8.79, 110: 4.56, 120: 2.17 },
};

/**
 * Four printed cells are not the converged sum rounded. An independent 40-digit evaluation of
 * the same Poisson sum (mpmath 1.3.0, 400 terms, Haug's parametrisation) gives the `exact`
 * values; `haug11` marks cells whose printed figure is Haug's 11-term sum rounded (QuantLib kept
 * them, within its 1e-2 tolerance), the other two are QuantLib's replacements, 0.006–0.007 off.
 * These are held to QuantLib's 1e-2 tolerance and to the exact value.
 */
export const OFF_BY_ONE: { share: string; strike: number; jumpIntensity: number; expiry: number; exact: number; haug11: boolean }[] = [
  { share: '0.5', strike: 80, jumpIntensity: 10, expiry: 0.5, exact: 23.616755406, haug11: false },
  { share: '0.5', strike: 110, jumpIntensity: 10, expiry: 0.25, exact: 2.1451479704, haug11: true },
  { share: '0.75', strike: 90, jumpIntensity: 10, expiry: 0.5, exact: 15.4057311913, haug11: false },
  { share: '0.75', strike: 120, jumpIntensity: 5, expiry: 0.5, exact: 2.21544954098, haug11: true },
];
