/**
 * The two-coin StableSwap invariant (Egorov, "StableSwap – efficient mechanism for Stablecoin
 * liquidity", 2019), in floats over balances already scaled to the pool's common unit (Curve's
 * `xp`):
 *
 *   A·nⁿ·Σx + D = A·D·nⁿ + D^(n+1) / (nⁿ·Πx)            (paper, n = 2)
 *
 * `amp` is the pool contract's `A()`, which is the paper's A·n^(n−1) (Curve's simulation.py: "actually
 * A * n ** (n - 1) because it's an invariant"), so the contract's Ann = amp·n = A·nⁿ. `stableswapD` and
 * `stableswapY` are Curve's `get_D` and `get_y` (curvefi/curve-contract, contracts/pools/3pool/StableSwap3Pool.vy
 * and tests/simulation.py), the same Newton iterations run to float precision instead of to one
 * wei. With D_P = D³/(4xy), the price of x in y along the curve is
 *
 *   −dy/dx = y·(Ann·x + D_P) / (x·(Ann·y + D_P))
 *
 * (implicit differentiation of the invariant; 1 at balance, y/x as Ann → 0). For the balance at a
 * given price the curve is parametrised by u = x·y: D_P = D³/(4u), x + y = D + (D_P − D)/Ann, so x
 * and y are the roots of t² − (x + y)t + u and the price is monotone in u on each side of balance.
 */
import { LiquidityError } from './errors.js';

const MODULE = 'stableswap-math';
const N = 2;
const MAX_ITERATIONS = 255;
const RELATIVE_TOLERANCE = 1e-14;

/** The invariant D of balances (x, y) (Curve's get_D: Newton from D = x + y). */
export function stableswapD(x: number, y: number, amp: number): number {
  const sum = x + y;
  if (sum === 0) return 0;
  const ann = amp * N;
  let d = sum;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const dP = (((d * d) / (x * N)) * d) / (y * N);
    const previous = d;
    d = ((ann * sum + dP * N) * d) / ((ann - 1) * d + (N + 1) * dP);
    if (Math.abs(d - previous) <= RELATIVE_TOLERANCE * d) return d;
  }
  throw new LiquidityError(MODULE, `D did not converge for balances (${x}, ${y}) and A ${amp}`);
}

/** The other balance when one balance is `x` and the invariant is `d` (Curve's get_y: Newton from y = D). */
export function stableswapY(x: number, d: number, amp: number): number {
  const ann = amp * N;
  const c = (((d * d) / (x * N)) * d) / (ann * N);
  const b = x + d / ann;
  let y = d;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const previous = y;
    y = (y * y + c) / (2 * y + b - d);
    // The terms are of the order of D, so D sets the rounding floor the iteration settles at.
    if (Math.abs(y - previous) <= RELATIVE_TOLERANCE * d) return y;
  }
  throw new LiquidityError(MODULE, `y did not converge for x ${x}, D ${d} and A ${amp}`);
}

/** Price of x in y on the curve through (x, y): −dy/dx. */
export function stableswapPrice(x: number, y: number, d: number, amp: number): number {
  const ann = amp * N;
  const dP = (((d * d) / (x * N)) * d) / (y * N);
  return (y * (ann * x + dP)) / (x * (ann * y + dP));
}

/** Balances on the curve at u = x·y, the larger first. */
function balancesAt(u: number, d: number, ann: number): [number, number] {
  const sum = d + ((d * d * d) / (4 * u) - d) / ann;
  const larger = (sum + Math.sqrt(Math.max(0, sum * sum - 4 * u))) / 2;
  return [larger, u / larger];
}

/** The balance x at which the price of x in y is `price`, on the curve of invariant `d`. */
export function stableswapXAtPrice(price: number, d: number, amp: number): number {
  if (!(price > 0) || !Number.isFinite(price)) throw new LiquidityError(MODULE, `price must be a finite number > 0, got ${price}`);
  if (price === 1) return d / 2;
  const ann = amp * N;
  // Below 1, x is the larger balance; above 1 the mirror image: solve for 1/price and swap.
  const wanted = price < 1 ? price : 1 / price;
  const priceAt = (u: number): number => {
    const [larger, smaller] = balancesAt(u, d, ann);
    return stableswapPrice(larger, smaller, d, amp);
  };
  // The price rises with u up to 1 at u = D²/4; bisect on log u.
  let hi = (d * d) / 4;
  let lo = hi / 2;
  for (let i = 0; priceAt(lo) > wanted; i++) {
    if (i > 2000) throw new LiquidityError(MODULE, `no balance reaches price ${price} (D ${d}, A ${amp})`);
    hi = lo;
    lo /= 2;
  }
  for (let i = 0; i < 200 && hi - lo > hi * 1e-16; i++) {
    const mid = Math.sqrt(lo * hi);
    if (priceAt(mid) > wanted) hi = mid;
    else lo = mid;
  }
  const [larger, smaller] = balancesAt(Math.sqrt(lo * hi), d, ann);
  return polish(price < 1 ? larger : smaller, price, d, amp);
}

/**
 * Near balance u carries x − y = √((x + y)² − 4u) with only half the digits; a few secant steps on
 * x itself, pricing each x at get_y(x), restore them. Keeps the best x seen.
 */
function polish(start: number, price: number, d: number, amp: number): number {
  const gap = (x: number): number => stableswapPrice(x, stableswapY(x, d, amp), d, amp) - price;
  let [x0, f0] = [start, gap(start)];
  let [x1, f1] = [start * (1 + 1e-7), gap(start * (1 + 1e-7))];
  let [best, bestGap] = Math.abs(f1) < Math.abs(f0) ? [x1, f1] : [x0, f0];
  for (let i = 0; i < 8 && f1 !== f0 && bestGap !== 0; i++) {
    const x2 = x1 - (f1 * (x1 - x0)) / (f1 - f0);
    if (!(x2 > 0) || !Number.isFinite(x2)) break;
    [x0, f0] = [x1, f1];
    [x1, f1] = [x2, gap(x2)];
    if (Math.abs(f1) < Math.abs(bestGap)) [best, bestGap] = [x1, f1];
    if (Math.abs(x1 - x0) <= 1e-16 * x1) break;
  }
  return best;
}
