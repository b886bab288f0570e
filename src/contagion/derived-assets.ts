/**
 * Pegged and derived assets: tokens whose value is another token's times an exchange rate (liquid
 * staking tokens, receipt tokens, vault shares), 1:1 wrappers that trade as their underlying
 * (WETH ↔ ETH), and LP tokens priced from the pool they are a share of.
 *
 * Sources: Lido, "wstETH" (docs.lido.fi/contracts/wsteth: `stEthPerToken`, the stETH one wstETH
 * redeems for); EIP-4626 `convertToAssets` for vault shares; Aave v3 aTokens (1 aToken = 1 unit of
 * the underlying, the balance growing with the liquidity index); Uniswap v2 whitepaper §3.4 for a
 * constant-product LP share, worth 2·√(k·p_x·p_y) per unit of √k supply (Adams, Zinsmeister &
 * Robinson 2020).
 *
 * A derived asset's market price is three factors: fair value = exchange rate × the parent's price;
 * the market peg (price / fair value, 1 at the snapshot unless an `exchange_rate` is given; a
 * scenario can break it); and, for a receipt token, the write-down of its issuer's uncovered loss.
 * A protocol's oracle either reads the market price (`market`) or the fair value
 * (`exchange-rate`: Aave v3's wstETH/USD = stEthPerToken × ETH/USD, and most Morpho Blue LST
 * oracles), which is why a depeg can leave a lending market blind while its liquidators sell at
 * the discount.
 *
 * Pure: typed columns in, typed columns out; the cascade calls `marketPrices` and `fairPrices`
 * every round.
 */
import type { AssetKind } from '../model/ecosystem.js';
import { CascadeError } from './errors.js';

const WHERE = 'contagion/derived-assets';

/** How a derived asset's value follows its parent(s). */
export const DERIVATION_ROOT = 0;
/** A 1:1 wrapper or bridged form of its underlying (WETH → ETH): one market for the group. */
export const DERIVATION_ALIAS = 1;
/** Exchange rate × parent (LSTs, receipt tokens, vault shares). */
export const DERIVATION_RATE = 2;
/** A share of a pool of several components. */
export const DERIVATION_LP = 3;

export interface DerivedAssetsInput {
  symbol: readonly string[];
  kind: readonly AssetKind[];
  underlying: readonly (string | null)[];
  priceUsd: Float64Array;
  /** Units of the underlying one token redeems for (NaN: unknown, then snapshot price / parent price). */
  exchangeRate?: Float64Array;
  /** Protocol whose receipt token this is (index into `protocols`), −1 when none. */
  issuer?: Int32Array;
  /** LP tokens: components per unit at the snapshot, `lpComponents[a]` null for other assets. */
  lpComponents?: readonly (LpComponents | null)[];
  /** USD depth of each asset's own venues (0: none): picks the market of an alias group. */
  venueDepthUsd: Float64Array;
}

export interface LpComponents {
  /** Asset indices and units per LP token at the snapshot. */
  asset: readonly number[];
  units: readonly number[];
  /** 'constant-product': a 50/50 x·y = k pool, its composition rebalancing with prices; 'basket': fixed units. */
  model: 'constant-product' | 'basket';
}

export interface DerivedAssets {
  derivation: Uint8Array;
  /** The asset a's value derives from (−1 for a root or an LP token). */
  parent: Int32Array;
  /** Parent units per token (fair exchange rate); 1 for aliases. */
  rate: Float64Array;
  /** Market price / fair value at the snapshot (1 unless an exchange rate was given). */
  snapshotPeg: Float64Array;
  /** The asset whose venue prices a's market: a itself, or the deepest member of its alias group. */
  leader: Int32Array;
  issuer: Int32Array;
  lp: readonly (LpComponents | null)[];
  /** Parents before children. */
  order: Int32Array;
  /** Whether any asset is derived (an all-root snapshot makes the solver's derived pricing a no-op). */
  any: boolean;
}

/** Classifies every asset and checks the derivation graph (no cycles, known parents, rates > 0). */
export function derivedAssets(input: DerivedAssetsInput): DerivedAssets {
  const { symbol, kind, underlying, priceUsd } = input;
  const n = symbol.length;
  const index = new Map(symbol.map((s, a) => [s, a]));
  const derivation = new Uint8Array(n);
  const parent = new Int32Array(n).fill(-1);
  const rate = new Float64Array(n).fill(1);
  const snapshotPeg = new Float64Array(n).fill(1);
  const issuer = input.issuer === undefined ? new Int32Array(n).fill(-1) : Int32Array.from(input.issuer);
  const lp = input.lpComponents ?? new Array<LpComponents | null>(n).fill(null);

  for (let a = 0; a < n; a++) {
    const components = lp[a] ?? null;
    if (components !== null) {
      if (components.asset.length === 0 || components.asset.length !== components.units.length) {
        throw new CascadeError(`${WHERE}: asset ${symbol[a]}: lp components need as many units as assets, and at least one`);
      }
      components.asset.forEach((c, k) => {
        if (!(c >= 0 && c < n) || c === a) throw new CascadeError(`${WHERE}: asset ${symbol[a]}: lp component ${k} is not another asset of the snapshot`);
        if (!(components.units[k]! > 0)) throw new CascadeError(`${WHERE}: asset ${symbol[a]}: lp component ${symbol[c]} has ${components.units[k]} units per token; must be > 0`);
      });
      if (components.model === 'constant-product' && components.asset.length !== 2) {
        throw new CascadeError(`${WHERE}: asset ${symbol[a]}: a constant-product LP token has exactly two components, got ${components.asset.length}`);
      }
      derivation[a] = DERIVATION_LP;
      continue;
    }
    const u = underlying[a] ?? null;
    if (u === null) continue;
    const p = index.get(u);
    if (p === undefined) throw new CascadeError(`${WHERE}: asset ${symbol[a]}: underlying ${JSON.stringify(u)} is not an asset of the snapshot`);
    if (!(priceUsd[p]! > 0)) throw new CascadeError(`${WHERE}: asset ${symbol[a]}: its underlying ${u} has price ${priceUsd[p]}; cannot derive an exchange rate`);
    parent[a] = p;
    const given = input.exchangeRate?.[a] ?? NaN;
    if (!Number.isNaN(given) && !(given > 0)) throw new CascadeError(`${WHERE}: asset ${symbol[a]}: exchange_rate must be > 0, got ${given}`);
    const implied = priceUsd[a]! / priceUsd[p]!;
    // A wrapped or bridged form of the same asset (WETH → ETH, USDC.e → USDC) trades as it.
    const sameKind = kind[a] === kind[p] && (kind[a] === 'native' || kind[a] === 'stable');
    if (sameKind && Number.isNaN(given) && Math.abs(implied - 1) <= 0.01) {
      derivation[a] = DERIVATION_ALIAS;
      snapshotPeg[a] = implied;
    } else {
      derivation[a] = DERIVATION_RATE;
      rate[a] = Number.isNaN(given) ? implied : given;
      snapshotPeg[a] = Number.isNaN(given) ? 1 : implied / given;
    }
  }

  const order = topologicalOrder(symbol, parent, lp);
  // Alias groups: the root and its 1:1 wrappers share one market, the deepest venue among them.
  const leader = Int32Array.from({ length: n }, (_, a) => a);
  const groupRoot = (a: number): number => (derivation[a] === DERIVATION_ALIAS ? groupRoot(parent[a]!) : a);
  const best = new Map<number, number>();
  for (const a of order) {
    if (derivation[a] !== DERIVATION_ALIAS && !isAliasRoot(a)) continue;
    const root = groupRoot(a);
    const current = best.get(root);
    if (current === undefined || input.venueDepthUsd[a]! > input.venueDepthUsd[current]!) best.set(root, a);
  }
  function isAliasRoot(a: number): boolean {
    for (let b = 0; b < n; b++) if (derivation[b] === DERIVATION_ALIAS && parent[b] === a) return true;
    return false;
  }
  for (let a = 0; a < n; a++) {
    if (derivation[a] === DERIVATION_ALIAS || isAliasRoot(a)) leader[a] = best.get(groupRoot(a)) ?? a;
  }
  const any = derivation.some((d) => d !== DERIVATION_ROOT);
  return { derivation, parent, rate, snapshotPeg, leader, issuer, lp, order, any };
}

function topologicalOrder(symbol: readonly string[], parent: Int32Array, lp: readonly (LpComponents | null)[]): Int32Array {
  const n = symbol.length;
  const state = new Uint8Array(n); // 0 new, 1 on the path, 2 done
  const out: number[] = [];
  const visit = (a: number, path: number[]): void => {
    if (state[a] === 2) return;
    if (state[a] === 1) throw new CascadeError(`${WHERE}: assets ${[...path, a].map((x) => symbol[x]).join(' → ')} derive from each other in a cycle`);
    state[a] = 1;
    if (parent[a]! >= 0) visit(parent[a]!, [...path, a]);
    for (const c of lp[a]?.asset ?? []) visit(c, [...path, a]);
    state[a] = 2;
    out.push(a);
  };
  for (let a = 0; a < n; a++) visit(a, []);
  return Int32Array.from(out);
}

/**
 * Shocked prices with derivation: an asset the scenario shocks moves by its own multiplier (its
 * total move); one it does not follows what it derives from at its snapshot peg; a `pegs` entry
 * then multiplies the market peg (0.94: trades 6% under fair value). A shocked alias (WETH) moves
 * its whole group, root included, unless the root has a shock of its own.
 */
export function derivedTargets(
  d: DerivedAssets, symbol: readonly string[], snapshotPrice: Float64Array,
  shocks: Readonly<Record<string, number>>, pegs: Readonly<Record<string, number>>,
): Float64Array {
  const target = Float64Array.from(snapshotPrice);
  // A shock on one member of an alias group (WETH) is the group's move: its root (ETH) takes it
  // when not shocked itself, so that everything deriving from the root follows.
  const effective: Record<string, number> = { ...shocks };
  for (const a of d.order) {
    if (d.derivation[a] !== DERIVATION_ALIAS || shocks[symbol[a]!] === undefined) continue;
    let root = a;
    while (d.derivation[root] === DERIVATION_ALIAS) root = d.parent[root]!;
    if (effective[symbol[root]!] === undefined) effective[symbol[root]!] = shocks[symbol[a]!]!;
  }
  for (const [name, peg] of Object.entries(pegs)) {
    const a = symbol.indexOf(name);
    if (a < 0) throw new CascadeError(`${WHERE}: pegs names asset ${JSON.stringify(name)}, which is not in the snapshot`);
    if (d.derivation[a] === DERIVATION_ROOT) {
      throw new CascadeError(`${WHERE}: pegs.${name}: ${name} has no underlying to be pegged to; shock its USD price instead (a stablecoin depeg is a shock)`);
    }
    if (!(peg > 0 && Number.isFinite(peg))) throw new CascadeError(`${WHERE}: pegs.${name} must be a multiplier > 0, got ${peg}`);
  }
  for (const a of d.order) {
    const name = symbol[a]!;
    const shock = effective[name];
    if (shock !== undefined) target[a] = snapshotPrice[a]! * shock;
    else if (d.derivation[a] === DERIVATION_ALIAS || d.derivation[a] === DERIVATION_RATE) {
      const p = d.parent[a]!;
      target[a] = snapshotPrice[a]! * (target[p]! / snapshotPrice[p]!);
    } else if (d.derivation[a] === DERIVATION_LP) {
      target[a] = snapshotPrice[a]! * (lpValue(d.lp[a]!, target) / lpValue(d.lp[a]!, snapshotPrice));
    }
    target[a] = target[a]! * (pegs[name] ?? 1);
  }
  return target;
}

/**
 * Market prices this round. `move[a]` is asset a's own venue price over its target (1 without a
 * venue or sales); an alias group moves with its leader's venue, a derived asset with its parent
 * and its own venue (its peg), and a receipt token loses its issuer's write-down.
 */
export function marketPrices(d: DerivedAssets, target: Float64Array, move: Float64Array, writeDown: Float64Array, out: Float64Array): Float64Array {
  for (const a of d.order) {
    let price: number;
    switch (d.derivation[a]) {
      case DERIVATION_ALIAS:
        price = target[a]! * move[d.leader[a]!]!;
        break;
      case DERIVATION_RATE: {
        const p = d.parent[a]!;
        price = target[a]! * move[a]! * (out[p]! / target[p]!);
        break;
      }
      case DERIVATION_LP:
        price = target[a]! * move[a]! * (lpValue(d.lp[a]!, out) / lpValue(d.lp[a]!, target));
        break;
      default:
        price = target[a]! * move[d.leader[a]!]!;
    }
    out[a] = price * (1 - writeDown[a]!);
  }
  return out;
}

/**
 * Fair values for `exchange-rate` oracles: roots and aliases as reported (`reported`, the market
 * or a lagging oracle), a derived asset at exchange rate × its parent's fair value less its
 * write-down (an ERC-4626 share price falls with the vault's loss), an LP token at the value of its
 * components.
 */
export function fairPrices(d: DerivedAssets, reported: Float64Array, writeDown: Float64Array, out: Float64Array): Float64Array {
  for (const a of d.order) {
    if (d.derivation[a] === DERIVATION_RATE) out[a] = d.rate[a]! * out[d.parent[a]!]! * (1 - writeDown[a]!);
    else if (d.derivation[a] === DERIVATION_LP) out[a] = lpValue(d.lp[a]!, out) * (1 - writeDown[a]!);
    else out[a] = reported[a]!;
  }
  return out;
}

/** USD value of one LP token at `price`: a basket's fixed units, or a 50/50 constant-product share 2·√(x·y·p_x·p_y). */
export function lpValue(components: LpComponents, price: ArrayLike<number>): number {
  if (components.model === 'constant-product') {
    const [x, y] = components.units as [number, number];
    return 2 * Math.sqrt(x * y * price[components.asset[0]!]! * price[components.asset[1]!]!);
  }
  let value = 0;
  components.asset.forEach((c, k) => (value += components.units[k]! * price[c]!));
  return value;
}

/** Units of each component one LP token redeems for at `price` (a constant-product pool rebalances: x' = √(k·p_y/p_x)). */
export function lpRedemption(components: LpComponents, price: ArrayLike<number>): number[] {
  if (components.model === 'basket') return [...components.units];
  const [x, y] = components.units as [number, number];
  const k = x * y;
  const px = price[components.asset[0]!]!;
  const py = price[components.asset[1]!]!;
  return [Math.sqrt((k * py) / px), Math.sqrt((k * px) / py)];
}

/**
 * Where forced sales go: an asset with its own venue sells there; an alias into its group's
 * leader; a derived asset without a venue is redeemed and its parent sold (value for value at
 * market prices); an LP token without a venue is redeemed into its components. Children are
 * visited before parents, so a chain (a vault share of a receipt token) reaches a venue.
 */
export function routeSales(d: DerivedAssets, hasVenue: (a: number) => boolean, price: Float64Array, units: Float64Array): Float64Array {
  for (let k = d.order.length - 1; k >= 0; k--) {
    const a = d.order[k]!;
    const amount = units[a]!;
    if (!(amount > 0)) continue;
    const leader = d.leader[a]!;
    if (leader !== a) {
      units[a] = 0;
      units[leader] = units[leader]! + (amount * price[a]!) / price[leader]!;
    } else if (hasVenue(a)) {
      continue;
    } else if (d.derivation[a] === DERIVATION_RATE) {
      const p = d.parent[a]!;
      units[a] = 0;
      units[p] = units[p]! + (amount * price[a]!) / price[p]!;
    } else if (d.derivation[a] === DERIVATION_LP) {
      const lp = d.lp[a]!;
      const redeemed = lpRedemption(lp, price);
      units[a] = 0;
      lp.asset.forEach((c, j) => (units[c] = units[c]! + amount * redeemed[j]!));
    }
  }
  return units;
}
