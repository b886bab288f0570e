import { describe, expect, it } from 'vitest';
import { fitGarch, garchHorizonVariance, garchLogLikelihood, nelderMead } from '../../../src/risk/volatility/index.js';
import { mulberry32 } from '../margin/helpers/random-portfolio.js';

/** A GARCH(1,1) path with Gaussian shocks (Box–Muller on a seeded mulberry32). */
function simulateGarch(seed: number, n: number, omega: number, alpha: number, beta: number): Float64Array {
  const rnd = mulberry32(seed);
  const out = new Float64Array(n);
  let v = omega / (1 - alpha - beta);
  for (let t = 0; t < n; t++) {
    const z = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    out[t] = Math.sqrt(v) * z;
    v = omega + alpha * out[t]! * out[t]! + beta * v;
  }
  return out;
}

describe('Nelder–Mead', () => {
  it('finds the Rosenbrock minimum', () => {
    const rosen = (x: Float64Array) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
    const r = nelderMead(rosen, Float64Array.of(-1.2, 1), { maxIterations: 5000 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
  });
});

describe('GARCH(1,1) by maximum likelihood (Bollerslev 1986)', () => {
  const truth = { omega: 1e-5, alpha: 0.08, beta: 0.9 };
  const returns = simulateGarch(42, 8000, truth.omega, truth.alpha, truth.beta);
  const fit = fitGarch(returns);

  it('recovers known parameters from a long simulated series', () => {
    console.info(`GARCH fit on 8000 simulated returns: ω=${fit.omega.toExponential(3)} α=${fit.alpha.toFixed(4)} β=${fit.beta.toFixed(4)} ℓ=${fit.logLikelihood.toFixed(2)} iterations=${fit.convergence.iterations} restarts=${fit.convergence.restarts}`);
    expect(fit.convergence.converged).toBe(true);
    expect(Math.abs(fit.alpha - truth.alpha)).toBeLessThan(0.025);
    expect(Math.abs(fit.beta - truth.beta)).toBeLessThan(0.03);
    expect(Math.abs(fit.persistence - 0.98)).toBeLessThan(0.01);
    expect(Math.abs(fit.omega / truth.omega - 1)).toBeLessThan(0.5);
    expect(fit.alpha + fit.beta).toBeLessThan(1);
    expect(fit.warnings).toEqual([]);
  });

  it('the log-likelihood at the optimum beats nearby points', () => {
    const e = Float64Array.from(returns, (r) => r - fit.mean);
    const v0 = e.reduce((s, x) => s + x * x, 0) / e.length;
    const at = (omega: number, alpha: number, beta: number) => garchLogLikelihood(e, omega, alpha, beta, v0);
    expect(at(fit.omega, fit.alpha, fit.beta)).toBeCloseTo(fit.logLikelihood, 8);
    for (const [dw, da, db] of [[1.05, 0, 0], [0.95, 0, 0], [1, 0.005, 0], [1, -0.005, 0], [1, 0, 0.003], [1, 0, -0.003], [1, 0.003, -0.003]] as const) {
      expect(at(fit.omega * dw, fit.alpha + da, fit.beta + db)).toBeLessThan(fit.logLikelihood);
    }
    expect(at(truth.omega, truth.alpha, truth.beta)).toBeLessThanOrEqual(fit.logLikelihood);
  });

  it('forecasts revert to the long-run variance', () => {
    const next = 4 * fit.longRunVariance;
    expect(garchHorizonVariance(next, fit.longRunVariance, fit.persistence, 1)).toBe(next);
    // Closed form: H σ̄² + (σ²_{n+1} − σ̄²)(1 − p^H)/(1 − p).
    const { longRunVariance: lr, persistence: p } = fit;
    for (const h of [10, 250, 5000]) {
      const closed = h * lr + (next - lr) * (1 - p ** h) / (1 - p);
      expect(garchHorizonVariance(next, lr, p, h) / closed).toBeCloseTo(1, 10);
    }
    expect(garchHorizonVariance(next, lr, p, 1_000_000) / 1_000_000 / lr).toBeCloseTo(1, 3);
  });

  it('flags a near-integrated fit and a short history', () => {
    const short = fitGarch(simulateGarch(1, 100, 1e-5, 0.05, 0.9));
    expect(short.warnings.some((w) => w.includes('only 100 returns'))).toBe(true);
  });
});
