import type { PositionRow } from '../../src/store/index.js';
import { Rng } from '../../scripts/ecosystem/prng.js';

/** The ten assets drawn from, with the magnitude of a typical whole-token balance. */
const ASSETS = [
  { symbol: 'USDC', typical: 50_000 },
  { symbol: 'USDT', typical: 50_000 },
  { symbol: 'DAI', typical: 30_000 },
  { symbol: 'WETH', typical: 20 },
  { symbol: 'wstETH', typical: 15 },
  { symbol: 'WBTC', typical: 1 },
  { symbol: 'LINK', typical: 2_000 },
  { symbol: 'AAVE', typical: 100 },
  { symbol: 'UNI', typical: 3_000 },
  { symbol: 'cbETH', typical: 10 },
] as const;
const SIDES = ['collateral', 'debt'] as const;
/** (asset, side) pairs an account can hold; an account's pairs are distinct, so the primary key holds. */
const PAIRS = ASSETS.length * SIDES.length;
/** Steps coprime with PAIRS: offset + k·step (mod PAIRS) visits distinct pairs for k < PAIRS. */
const STEPS = [1, 3, 7, 9, 11, 13, 17, 19];
const PROTOCOLS = ['aave-v3', 'compound-v3', 'morpho-blue', 'spark'] as const;

/**
 * `count` seeded position rows shaped like an indexer's output: 40-hex accounts holding 1–6
 * positions each over ten assets and four protocols, amounts as exact decimal text with 0–18
 * fractional digits (as subgraphs return them), a JSON `extra` on one row in ten. Rows are unique
 * on the `positions` primary key (the market is a function of protocol and asset).
 */
export function syntheticPositions(count: number, seed = 11): PositionRow[] {
  const rng = Rng.stream(seed, `bench-ingest-positions-${count}`);
  const morphoMarkets = ASSETS.map(() => `0x${rng.hex(64)}`);
  const rows: PositionRow[] = [];
  while (rows.length < count) {
    const account = `0x${rng.hex(40)}`;
    const protocolIndex = rng.int(PROTOCOLS.length);
    const protocol = PROTOCOLS[protocolIndex]!;
    const held = Math.min(1 + rng.int(6), count - rows.length);
    const offset = rng.int(PAIRS);
    const step = rng.pick(STEPS);
    for (let k = 0; k < held; k++) {
      const pair = (offset + k * step) % PAIRS;
      const asset = ASSETS[pair % ASSETS.length]!;
      const side = SIDES[Math.floor(pair / ASSETS.length)]!;
      rows.push({
        protocol,
        account,
        market: marketOf(protocol, asset.symbol, morphoMarkets[pair % ASSETS.length]!),
        asset: asset.symbol,
        side,
        amount: decimalText(rng, asset.typical),
        extra: rng.chance(0.1) ? { source: 'bench', emode: String(rng.int(4)) } : null,
      });
    }
  }
  return rows;
}

function marketOf(protocol: (typeof PROTOCOLS)[number], asset: string, morphoId: string): string {
  if (protocol === 'compound-v3') return asset === 'WETH' ? 'cWETHv3' : 'cUSDCv3';
  if (protocol === 'morpho-blue') return morphoId;
  return asset;
}

/** Lognormal whole part around `typical`, then 0–18 random fractional digits (trailing zeros kept off). */
function decimalText(rng: Rng, typical: number): string {
  const whole = Math.floor(rng.lognormal(typical, 1.5)).toString();
  const places = rng.int(19);
  if (places === 0) return whole;
  let fraction = '';
  while (fraction.length < places) fraction += rng.int(1e9).toString().padStart(9, '0');
  fraction = fraction.slice(0, places).replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}
