/**
 * The inputs of a TWAP attack assessment (assess-twap-attack.ts) read from a snapshot: the pool the
 * oracle would read — the asset's venues as one constant-product pool, the reference cascade's
 * aggregate (prepare-cascade.ts) — and the book of accounts that borrow against the asset.
 *
 * Borrowing power uses each collateral position's market LTV (Aave v3 `ltv`, Morpho Blue's LLTV is
 * its only ratio), found by (protocol, market, asset); where the snapshot has no market row for a
 * position, its liquidation threshold stands in, an upper bound on what could be borrowed, and the
 * count is reported. Other collateral counts at its own LTV (or threshold); debt in the manipulated
 * asset itself is left out of `debtUsd` (borrow-and-abandon.ts takes debt in other assets).
 */
import type { EcosystemSnapshot } from '../../model/ecosystem.js';
import { SIDE_COLLATERAL } from '../../model/ecosystem.js';
import type { InflatedCollateralBook } from './borrow-and-abandon.js';
import { OracleError } from './errors.js';
import type { PoolDepth } from './pool-depth.js';

export interface TwapAttackBook {
  book: InflatedCollateralBook;
  /** Per book row: the risk account's protocol and address. */
  protocol: string[];
  account: string[];
  depth: PoolDepth;
  /** Collateral positions valued at their liquidation threshold for want of a market LTV. */
  thresholdFallbacks: number;
}

export function twapAttackBook(
  snapshot: Pick<EcosystemSnapshot, 'assets' | 'protocols' | 'markets' | 'accounts' | 'positions' | 'liquidity'>,
  symbol: string,
  protocolFilter: string | null = null,
): TwapAttackBook {
  const { assets, protocols, markets, accounts, positions, liquidity } = snapshot;
  const target = assets.symbol.indexOf(symbol);
  if (target < 0) throw new OracleError('twap-attack-book', `asset ${JSON.stringify(symbol)} is not in the snapshot (assets: ${assets.symbol.join(', ')})`);
  if (protocolFilter !== null && !protocols.name.includes(protocolFilter)) {
    throw new OracleError('twap-attack-book', `protocol ${JSON.stringify(protocolFilter)} is not in the snapshot (protocols: ${protocols.name.join(', ')})`);
  }
  let assetReserve = 0;
  let usdReserve = 0;
  for (let r = 0; r < liquidity.asset.length; r++) {
    if (liquidity.asset[r] !== target || !(liquidity.assetReserve[r]! > 0 && liquidity.usdReserve[r]! > 0)) continue;
    assetReserve += liquidity.assetReserve[r]!;
    usdReserve += liquidity.usdReserve[r]!;
  }
  if (!(assetReserve > 0)) throw new OracleError('twap-attack-book', `asset ${symbol} has no DEX venue with reserves in the snapshot: no TWAP to manipulate`);

  const ltvOf = new Map<string, number>();
  for (let m = 0; m < markets.protocol.length; m++) ltvOf.set(`${markets.protocol[m]}\u0000${markets.market[m]}\u0000${markets.asset[m]}`, markets.ltv[m]!);
  const byProtocolAsset = new Map<string, number>();
  for (let m = 0; m < markets.protocol.length; m++) {
    const key = `${markets.protocol[m]}\u0000${markets.asset[m]}`;
    if (!byProtocolAsset.has(key) && markets.ltv[m]! >= 0) byProtocolAsset.set(key, markets.ltv[m]!);
  }
  let thresholdFallbacks = 0;
  const ltv = (i: number, p: number): number => {
    const q = accounts.protocol[i]!;
    const a = positions.asset[p]!;
    const market = accounts.market[i];
    const found = market === null ? byProtocolAsset.get(`${q}\u0000${a}`) : ltvOf.get(`${q}\u0000${market}\u0000${a}`);
    if (found !== undefined && Number.isFinite(found)) return found;
    thresholdFallbacks++;
    return positions.liquidationThreshold[p]!;
  };

  const rows = { units: [] as number[], ltv: [] as number[], debt: [] as number[], other: [] as number[], otherPower: [] as number[], protocol: [] as string[], account: [] as string[] };
  for (let i = 0; i < accounts.protocol.length; i++) {
    if (protocolFilter !== null && protocols.name[accounts.protocol[i]!] !== protocolFilter) continue;
    let units = 0;
    let unitsLtv = 0;
    let debt = 0;
    let other = 0;
    let otherPower = 0;
    for (let p = accounts.positionStart[i]!; p < accounts.positionStart[i + 1]!; p++) {
      const a = positions.asset[p]!;
      const value = positions.amount[p]! * assets.priceUsd[a]!;
      if (positions.side[p] !== SIDE_COLLATERAL) {
        if (a !== target) debt += value;
      } else if (a === target) {
        unitsLtv = (unitsLtv * units + ltv(i, p) * positions.amount[p]!) / (units + positions.amount[p]!);
        units += positions.amount[p]!;
      } else {
        other += value;
        otherPower += value * ltv(i, p);
      }
    }
    if (!(units > 0)) continue;
    rows.units.push(units), rows.ltv.push(unitsLtv), rows.debt.push(debt), rows.other.push(other), rows.otherPower.push(otherPower);
    rows.protocol.push(protocols.name[accounts.protocol[i]!]!), rows.account.push(accounts.account[i]!);
  }
  return {
    book: {
      collateralUnits: Float64Array.from(rows.units), loanToValue: Float64Array.from(rows.ltv), debtUsd: Float64Array.from(rows.debt),
      otherCollateralUsd: Float64Array.from(rows.other), otherBorrowingPowerUsd: Float64Array.from(rows.otherPower),
    },
    protocol: rows.protocol,
    account: rows.account,
    depth: { kind: 'constant-product', assetReserve, usdReserve },
    thresholdFallbacks,
  };
}
