import type { AssetRow, LiquidatorRow, SnapshotRows } from '../store/index.js';
import { IndexerError } from './errors.js';
import type { NormalizedSource } from './source-family.js';

/** Above this, a single position or pool is taken to be a units error (wrong decimals, raw amount read as whole tokens). */
export const ABSURD_USD = 1e11;
/** Prices of one asset from two sources further apart than this are reported. */
const PRICE_SPREAD_WARNING = 0.02;

/**
 * Merges what each source normalised into one snapshot's rows. Assets are keyed by symbol: the
 * first source to list one sets its price (later sources' prices are compared, not averaged), and
 * two sources disagreeing on its decimals is an error naming both. Units are checked here, where all
 * prices are known: a position or pool worth more than `ABSURD_USD` is an error naming its source.
 */
export function mergeSources(parts: readonly { source: string; rows: NormalizedSource }[]): { rows: Omit<SnapshotRows, 'meta'>; warnings: string[] } {
  const warnings: string[] = [];
  const assets = new Map<string, { row: AssetRow; source: string }>();
  const protocols = new Map<string, string>();
  const liquidators = new Map<string, LiquidatorRow>();
  const out: Omit<SnapshotRows, 'meta'> = { assets: [], protocols: [], markets: [], positions: [], liquidity: [], liquidators: [], liquidationEvents: [], options: [], optionPositions: [] };

  for (const { source, rows } of parts) {
    warnings.push(...rows.warnings.map((w) => `contagion/indexers: source ${source}: ${w}`));
    for (const asset of rows.assets) {
      const known = assets.get(asset.symbol);
      if (known === undefined) {
        assets.set(asset.symbol, { row: { ...asset, priceSource: asset.priceSource || source }, source });
        continue;
      }
      if (known.row.decimals !== asset.decimals) {
        throw new IndexerError(
          `token ${asset.symbol} (${asset.address ?? 'no address'}) has ${asset.decimals} decimals here but ${known.row.decimals} in source ${known.source}`,
          { source, entity: 'tokens' },
        );
      }
      const spread = Math.abs(asset.priceUsd - known.row.priceUsd) / known.row.priceUsd;
      if (spread > PRICE_SPREAD_WARNING) {
        warnings.push(`contagion/indexers: ${asset.symbol} is $${asset.priceUsd} in source ${source} but $${known.row.priceUsd} in ${known.source} (used); ${(spread * 100).toFixed(1)}% apart`);
      }
    }
    for (const protocol of rows.protocols) {
      const owner = protocols.get(protocol.protocol);
      if (owner !== undefined) throw new IndexerError(`protocol ${protocol.protocol} is also produced by source ${owner}; give one of them another "protocol" name in the config`, { source });
      protocols.set(protocol.protocol, source);
      out.protocols.push(protocol);
    }
    for (const liquidator of rows.liquidators) if (!liquidators.has(liquidator.liquidator)) liquidators.set(liquidator.liquidator, liquidator);
    out.markets.push(...rows.markets);
    out.positions.push(...rows.positions);
    out.liquidity.push(...rows.liquidity);
    out.liquidationEvents.push(...rows.liquidationEvents);
    out.options!.push(...rows.options);
    out.optionPositions!.push(...rows.optionPositions);
  }
  out.assets = [...assets.values()].map((a) => a.row);
  out.liquidators = [...liquidators.values()];
  checkUnits(parts, assets);
  return { rows: out, warnings };
}

function checkUnits(parts: readonly { source: string; rows: NormalizedSource }[], assets: Map<string, { row: AssetRow }>): void {
  for (const { source, rows } of parts) {
    for (const p of rows.positions) {
      const price = assets.get(p.asset)?.row.priceUsd;
      if (price === undefined) throw new IndexerError(`position of ${p.account} names asset ${p.asset}, which no source lists`, { source, entity: 'positions' });
      const usd = Number(p.amount) * price;
      if (!(usd <= ABSURD_USD)) {
        throw new IndexerError(`position ${p.account} / ${p.market} / ${p.asset} (${p.side}) is worth $${usd.toExponential(3)}: above $${ABSURD_USD.toExponential(0)}, a units error (decimals?)`, { source, entity: 'positions' });
      }
    }
    for (const l of rows.liquidity) {
      // A concentrated-liquidity row's reserves are virtual (a one-tick stable range reads as
      // thousands of times its real size); its real value is the pool's TVL.
      const value = l.model === 'uniswap-v3' ? Number(l.extra?.tvl_usd ?? 0) : l.usdReserve;
      if (!(value <= ABSURD_USD)) {
        throw new IndexerError(`venue ${l.venue} of ${l.asset} holds $${value.toExponential(3)}: above $${ABSURD_USD.toExponential(0)}, a units error (decimals?)`, { source, entity: 'liquidity' });
      }
    }
  }
}
