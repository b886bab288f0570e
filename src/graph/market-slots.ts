import type { EcosystemSnapshot } from '../model/ecosystem.js';
import { marketKey } from './node-keys.js';

/**
 * The market nodes of the graph, one per (protocol, market name), and the market each position
 * lives in. The snapshot's position rows carry no market: in a pooled protocol it is the market
 * listing the position's asset (named after the asset by default), in an isolated protocol it is
 * the risk account's own market. One slot can list several assets: a Compound v3 deployment takes
 * WETH, WBTC, LINK and UNI against USDC; a Morpho Blue pair lists its collateral and loan asset.
 */
export interface MarketSlots {
  protocol: number[];
  name: string[];
  key: string[];
  /** Rows of `snapshot.markets` listed in each slot; empty for a market only positions name. */
  rows: number[][];
  /** Slot of each position row. */
  ofPosition: Int32Array;
}

export function resolveMarkets(snapshot: EcosystemSnapshot, warn: (message: string) => void): MarketSlots {
  const { protocols, markets, accounts, positions, assets } = snapshot;
  const nAssets = assets.symbol.length;
  const slots: MarketSlots = { protocol: [], name: [], key: [], rows: [], ofPosition: new Int32Array(positions.asset.length) };
  const byName = new Map<string, number>();
  const slotOf = (protocol: number, name: string): number => {
    const id = `${protocol}\u0000${name}`;
    let slot = byName.get(id);
    if (slot === undefined) {
      slot = slots.name.length;
      byName.set(id, slot);
      slots.protocol.push(protocol);
      slots.name.push(name);
      slots.key.push(marketKey(protocols.name[protocol]!, name));
      slots.rows.push([]);
    }
    return slot;
  };

  // In a pooled protocol the asset decides the market; numeric keys keep the per-position lookup cheap.
  const pooledByAsset = new Map<number, number>();
  for (let r = 0; r < markets.market.length; r++) {
    const p = markets.protocol[r]!;
    const a = markets.asset[r]!;
    const slot = slotOf(p, markets.market[r]!);
    slots.rows[slot]!.push(r);
    if (protocols.isolation[p] === 'market') continue;
    const previous = pooledByAsset.get(p * nAssets + a);
    if (previous === undefined || markets.market[r] === assets.symbol[a]) pooledByAsset.set(p * nAssets + a, slot);
    if (previous !== undefined) {
      warn(`protocol ${protocols.name[p]} lists ${assets.symbol[a]} in several pooled markets; positions are placed in the one named after the asset, else the first`);
    }
  }

  const listed = slots.name.length;
  for (let i = 0; i < accounts.account.length; i++) {
    const p = accounts.protocol[i]!;
    const own = accounts.market[i];
    const accountSlot = protocols.isolation[p] === 'market' && own !== null ? slotOf(p, own) : -1;
    for (let row = accounts.positionStart[i]!; row < accounts.positionStart[i + 1]!; row++) {
      const a = positions.asset[row]!;
      slots.ofPosition[row] = accountSlot >= 0 ? accountSlot : (pooledByAsset.get(p * nAssets + a) ?? slotOf(p, assets.symbol[a]!));
    }
  }
  for (let slot = listed; slot < slots.name.length; slot++) {
    warn(`positions in protocol ${protocols.name[slots.protocol[slot]!]} name market ${slots.name[slot]}, which markets does not list`);
  }
  return slots;
}
