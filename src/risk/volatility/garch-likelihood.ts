/**
 * Gaussian log-likelihood of a GARCH(1,1) model (T. Bollerslev, "Generalized autoregressive
 * conditional heteroskedasticity", Journal of Econometrics 31(3), 1986, 307–327, eq. (1) with
 * p = q = 1) on mean-adjusted returns e_t:
 *
 *   σ²_0 = initial variance (the sample variance of e),   σ²_t = ω + α e²_{t−1} + β σ²_{t−1},
 *   ℓ(ω, α, β) = −½ Σ_{t=0}^{n−1} [ ln 2π + ln σ²_t + e²_t / σ²_t ].
 *
 * Returns −Infinity when a variance is not > 0 (the optimiser treats it as a wall).
 */
export function garchLogLikelihood(
  e: Float64Array,
  omega: number,
  alpha: number,
  beta: number,
  initialVariance: number,
  varianceOut?: Float64Array,
): number {
  const LN_2PI = Math.log(2 * Math.PI);
  let v = initialVariance;
  let sum = 0;
  for (let t = 0; t < e.length; t++) {
    if (!(v > 0)) return -Infinity;
    if (varianceOut !== undefined) varianceOut[t] = v;
    const x = e[t]!;
    sum += LN_2PI + Math.log(v) + (x * x) / v;
    v = omega + alpha * x * x + beta * v;
  }
  return -0.5 * sum;
}

/** σ²_{n} after the last return: the one-step-ahead forecast. */
export function garchNextVariance(e: Float64Array, omega: number, alpha: number, beta: number, initialVariance: number): number {
  let v = initialVariance;
  for (let t = 0; t < e.length; t++) v = omega + alpha * e[t]! * e[t]! + beta * v;
  return v;
}
