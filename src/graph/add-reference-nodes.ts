import { protocolTotals, type AccountHealth } from '../risk/index.js';
import type { EcosystemSnapshot } from '../model/ecosystem.js';
import type { ExposureGraph } from './exposure-graph-types.js';
import type { PositionExposure } from './aggregate-positions.js';
import type { MarketSlots } from './market-slots.js';
import { assetKey, edgeKey, protocolKey, venueKey } from './node-keys.js';

/** The snapshot marks "not given" as NaN in its float columns; graph attributes say `null`. */
export const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);

/** Protocol nodes, with totals over their risk accounts at the graph's prices. */
export function addProtocolNodes(graph: ExposureGraph, snapshot: EcosystemSnapshot, health: AccountHealth): void {
  const { protocols } = snapshot;
  const totals = protocolTotals(snapshot, health).map(({ riskAccounts, borrowers, collateralUsd, debtUsd, minHealthFactor }) => ({
    collateralUsd, debtUsd, riskAccounts, borrowers, minHealthFactor,
  }));
  protocols.name.forEach((name, p) => {
    graph.addNode(protocolKey(name), {
      type: 'protocol', label: name, kind: protocols.kind[p]!, chain: protocols.chain[p] ?? null, isolation: protocols.isolation[p]!,
      closeFactor: protocols.closeFactor[p]!, fullCloseBelowHf: orNull(protocols.fullCloseBelowHf[p]!),
      insuranceFundUsd: orNull(protocols.insuranceFundUsd[p]!), ...totals[p]!,
    });
  });
}

/** Asset nodes, `underlying-of` edges (underlying → the asset wrapping it), venues and `pooled-at` edges. */
export function addAssetNodes(
  graph: ExposureGraph, snapshot: EcosystemSnapshot, priceUsd: Float64Array, exposure: PositionExposure, warn: (message: string) => void,
): void {
  const { assets, liquidity } = snapshot;
  const poolDepthUsd = new Float64Array(assets.symbol.length);
  for (let v = 0; v < liquidity.asset.length; v++) poolDepthUsd[liquidity.asset[v]!] += liquidity.usdReserve[v]!;
  assets.symbol.forEach((symbol, a) => {
    graph.addNode(assetKey(symbol), {
      type: 'asset', label: symbol, kind: assets.kind[a]!, decimals: assets.decimals[a]!, priceUsd: priceUsd[a]!,
      priceSource: assets.priceSource[a]!, underlying: assets.underlying[a] ?? null,
      collateralUsd: exposure.assetCollateralUsd[a]!, debtUsd: exposure.assetDebtUsd[a]!, poolDepthUsd: poolDepthUsd[a]!,
    });
  });
  assets.symbol.forEach((symbol, a) => {
    const underlying = assets.underlying[a];
    if (underlying === null || underlying === undefined) return;
    if (underlying === symbol || !graph.hasNode(assetKey(underlying))) {
      warn(`asset ${symbol} names underlying ${underlying}, which is not another asset of the snapshot`);
      return;
    }
    graph.addEdgeWithKey(edgeKey('underlying-of', assetKey(underlying), assetKey(symbol)), assetKey(underlying), assetKey(symbol), { type: 'underlying-of' });
  });

  // Pre-aggregated so that a venue node is added once with its totals. The store holds one row per
  // (asset, venue); a hand-built snapshot repeating one is read as one pool with the reserves summed.
  const venues = new Map<string, { assets: string[]; depthUsd: number }>();
  const pools = new Map<string, { asset: string; venue: string; model: string; assetReserve: number; usdReserve: number }>();
  for (let v = 0; v < liquidity.asset.length; v++) {
    const asset = assets.symbol[liquidity.asset[v]!]!;
    const venue = liquidity.venue[v]!;
    const totals = venues.get(venue) ?? { assets: [], depthUsd: 0 };
    if (!totals.assets.includes(asset)) totals.assets.push(asset);
    totals.depthUsd += liquidity.usdReserve[v]!;
    venues.set(venue, totals);
    const key = edgeKey('pooled-at', assetKey(asset), venueKey(venue));
    const pool = pools.get(key) ?? { asset, venue, model: liquidity.model[v]!, assetReserve: 0, usdReserve: 0 };
    pool.assetReserve += liquidity.assetReserve[v]!;
    pool.usdReserve += liquidity.usdReserve[v]!;
    pools.set(key, pool);
  }
  for (const [venue, totals] of venues) graph.addNode(venueKey(venue), { type: 'venue', label: venue, ...totals });
  for (const [key, pool] of pools) {
    graph.addEdgeWithKey(key, assetKey(pool.asset), venueKey(pool.venue), {
      type: 'pooled-at', model: pool.model, assetReserve: pool.assetReserve, usdReserve: pool.usdReserve,
      depthUsd: pool.usdReserve, poolPriceUsd: pool.usdReserve / pool.assetReserve,
    });
  }
}

/** Market nodes, `lists` edges (protocol → market) and `market-of` edges (market → each asset it lists). */
export function addMarketNodes(graph: ExposureGraph, snapshot: EcosystemSnapshot, slots: MarketSlots, exposure: PositionExposure): void {
  const { protocols, markets, assets } = snapshot;
  slots.key.forEach((key, slot) => {
    const p = slots.protocol[slot]!;
    const protocol = protocols.name[p]!;
    const rows = slots.rows[slot]!;
    graph.addNode(key, {
      type: 'market', label: `${protocol} ${slots.name[slot]}`, protocol, market: slots.name[slot]!,
      isolated: protocols.isolation[p] === 'market', assets: rows.map((r) => assets.symbol[markets.asset[r]!]!),
      collateralUsd: exposure.slotCollateralUsd[slot]!, debtUsd: exposure.slotDebtUsd[slot]!,
    });
    graph.addEdgeWithKey(edgeKey('lists', protocolKey(protocol), key), protocolKey(protocol), key, { type: 'lists' });
    for (const r of rows) {
      const symbol = assets.symbol[markets.asset[r]!]!;
      graph.addEdgeWithKey(edgeKey('market-of', key, assetKey(symbol)), key, assetKey(symbol), {
        type: 'market-of', protocol, market: slots.name[slot]!, asset: symbol, ltv: markets.ltv[r]!,
        liquidationThreshold: markets.liquidationThreshold[r]!, liquidationBonus: markets.liquidationBonus[r]!,
        closeFactor: orNull(markets.closeFactor[r]!), supplyCap: markets.supplyCap[r]!, borrowCap: markets.borrowCap[r]!,
      });
    }
  });
}
