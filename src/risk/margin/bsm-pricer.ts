/**
 * The margin solvers' default pricer: the pricing engine's Black–Scholes–Merton (src/risk/pricing:
 * `bsmPrice` for one option, `bsmColumns` for many; Black & Scholes 1973, Merton 1973) adapted to
 * the `OptionPricer` shape (pricer.ts): `years` → `expiry`, `carry` → `dividendYield`, scalar rate
 * and carry broadcast into columns. The column buffers (inputs for rate and yield, the Greek
 * outputs the engine writes) are kept and grown, so repeated calls allocate nothing.
 */
import { allocateGreekColumns, bsmColumns, bsmPrice, type GreekColumns } from '../pricing/index.js';
import type { OptionPricer } from './pricer.js';

export function createBsmPricer(): OptionPricer {
  let capacity = 0;
  let rate = new Float64Array(0);
  let dividendYield = new Float64Array(0);
  let greeks: GreekColumns = allocateGreekColumns(0);
  return {
    price: ({ spot, strike, years, vol, rate: r, carry, isCall }) => bsmPrice({ spot, strike, expiry: years, vol, rate: r, dividendYield: carry, isCall }),
    priceInto(spot, strike, years, vol, r, carry, isCall, out) {
      const n = out.length;
      if (n > capacity) {
        capacity = Math.max(n, Math.ceil(capacity * 1.5));
        rate = new Float64Array(capacity);
        dividendYield = new Float64Array(capacity);
        greeks = allocateGreekColumns(capacity);
      }
      const rates = rate.subarray(0, n).fill(r);
      const yields = dividendYield.subarray(0, n).fill(carry);
      bsmColumns({ spot, strike, expiry: years, vol, rate: rates, dividendYield: yields, isCall }, greeks);
      out.set(greeks.price.subarray(0, n));
    },
  };
}

/** One shared instance (the solvers are synchronous, so sharing its buffers is safe). */
export const bsmPricer: OptionPricer = createBsmPricer();
