/**
 * TEST STAND-IN, written before the pricing engine (src/risk/pricing) landed: a minimal
 * Black–Scholes–Merton price with a continuous carry yield, scalar and vectorised, in the
 * `OptionPricer` shape the margin solvers take. Now used only to cross-check the adapter onto
 * the engine (bsm-pricer.test.ts); the tests and the benchmark price with the engine.
 * Normal CDF: W. J. Cody's erfc rational approximations (Math. Comp. 23, 1969), ≈1e-15 relative.
 */
import type { BsmPriceArgs, OptionPricer } from '../../../../src/risk/margin/index.js';

const P1 = [3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2];
const Q1 = [2.56852019228982242, 1.87295284992346725, 5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3];
const P2 = [5.64188496988670089e-1, 8.88314979438837594, 6.61191906371416295e1, 2.98635138197400131e2, 8.8195222124176909e2, 1.71204761263407058e3, 2.05107837782607147e3, 1.23033935479799725e3, 2.15311535474403846e-8];
const Q2 = [1.57449261107098347e1, 1.17693950891312499e2, 5.37181101862009858e2, 1.62138957456669019e3, 3.29079923573345963e3, 4.36261909014324716e3, 3.43936767414372164e3, 1.23033935480374942e3];
const P3 = [3.16112374387056560, 1.13864154151050156e2, 3.77485237685302021e2, 3.20937758913846947e3, 1.85777706184603153e-1];
const Q3 = [2.36012909523441209e1, 2.44024637934444173e2, 1.28261652607737228e3, 2.84423683343917062e3];
const SQRPI = 5.6418958354775628695e-1;

/** erfc(x) for x ≥ 0 (Cody, CALERF). */
function erfcPositive(x: number): number {
  if (x <= 0.46875) {
    const y = x * x;
    let num = P3[4]! * y;
    let den = y;
    for (let i = 0; i < 3; i++) {
      num = (num + P3[i]!) * y;
      den = (den + Q3[i]!) * y;
    }
    return 1 - (x * (num + P3[3]!)) / (den + Q3[3]!);
  }
  let r: number;
  if (x <= 4) {
    let num = P2[8]! * x;
    let den = x;
    for (let i = 0; i < 7; i++) {
      num = (num + P2[i]!) * x;
      den = (den + Q2[i]!) * x;
    }
    r = (num + P2[7]!) / (den + Q2[7]!);
  } else {
    if (x > 27) return 0;
    const z = 1 / (x * x);
    let num = P1[5]! * z;
    let den = z;
    for (let i = 0; i < 4; i++) {
      num = (num + P1[i]!) * z;
      den = (den + Q1[i]!) * z;
    }
    r = (SQRPI - (z * (num + P1[4]!)) / (den + Q1[4]!)) / x;
  }
  return Math.exp(-x * x) * r;
}

export function normCdf(x: number): number {
  const u = -x / Math.SQRT2;
  return u >= 0 ? 0.5 * erfcPositive(u) : 1 - 0.5 * erfcPositive(-u);
}

export function referenceBsmPrice({ spot, strike, years, vol, rate, carry, isCall }: BsmPriceArgs): number {
  if (years <= 0) return isCall ? Math.max(spot - strike, 0) : Math.max(strike - spot, 0);
  const s = vol * Math.sqrt(years);
  const d1 = (Math.log(spot / strike) + (rate - carry) * years) / s + 0.5 * s;
  const d2 = d1 - s;
  const sq = spot * Math.exp(-carry * years);
  const kd = strike * Math.exp(-rate * years);
  const v = isCall ? sq * normCdf(d1) - kd * normCdf(d2) : kd * normCdf(-d2) - sq * normCdf(-d1);
  return v > 0 ? v : 0;
}

export const referencePricer: OptionPricer = {
  price: referenceBsmPrice,
  priceInto(spot, strike, years, vol, rate, carry, isCall, out) {
    for (let i = 0; i < out.length; i++) {
      out[i] = referenceBsmPrice({ spot: spot[i]!, strike: strike[i]!, years: years[i]!, vol: vol[i]!, rate, carry, isCall: isCall[i] === 1 });
    }
  },
};
