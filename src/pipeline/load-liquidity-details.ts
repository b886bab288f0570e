/**
 * What `--liquidity curves` needs beyond the loaded snapshot: each liquidity row's `extra` columns
 * (a Uniswap v3 row's pool state, a StableSwap row's A, as the pool-rows.ts of
 * indexers/families/uniswap-v3 and messari-dex write them) and a concentrated pool's initialised
 * ticks (`liquidity_ticks`), parallel to `snapshot.liquidity`, as `venueDetails`
 * (contagion/liquidity/venue-detail.ts) reads them.
 *
 * Read here rather than by `loadSnapshot` because only the curves model needs them and a live
 * snapshot's tick books are the largest thing in it; the queries are the store's
 * (queries/snapshot/liquidity-extra.sql, liquidity-ticks.sql), run through its `readColumns`.
 */
import type { DetailSource, InitialisedTick } from '../contagion/liquidity/index.js';
import type { EcosystemSnapshot } from '../model/ecosystem.js';
import { readColumns, StoreError, type Database } from '../store/index.js';

const MODULE = 'contagion/pipeline/load-liquidity-details';

export async function loadLiquidityDetails(database: Database, snapshot: Pick<EcosystemSnapshot, 'info' | 'assets' | 'liquidity'>): Promise<DetailSource[]> {
  const params = [snapshot.info.id];
  const rows = await readColumns(database.connection, 'snapshot/liquidity-extra', params, { asset: 'str', venue: 'str', model: 'str', extra: 'str?' });
  const ticks = await readColumns(database.connection, 'snapshot/liquidity-ticks', params, { asset: 'str', venue: 'str', tick_idx: 'i32', liquidity_net: 'str' });
  const { liquidity, assets } = snapshot;
  if (rows.rowCount !== liquidity.asset.length) {
    throw new StoreError(`${MODULE}: snapshot ${snapshot.info.id} has ${rows.rowCount} liquidity rows with extra columns but ${liquidity.asset.length} loaded`);
  }
  const books = new Map<string, InitialisedTick[]>();
  for (let t = 0; t < ticks.rowCount; t++) {
    const key = `${ticks.asset[t]}\u0000${ticks.venue[t]}`;
    const book = books.get(key) ?? [];
    book.push({ tickIdx: ticks.tick_idx[t]!, liquidityNet: BigInt(ticks.liquidity_net[t]!) });
    books.set(key, book);
  }
  return rows.asset.map((asset, r) => {
    const venue = rows.venue[r]!;
    // The two queries share an order; a row out of step would give a venue another pool's state.
    if (venue !== liquidity.venue[r] || asset !== assets.symbol[liquidity.asset[r]!]) {
      throw new StoreError(`${MODULE}: liquidity row ${r} is ${asset}@${venue} with its extra columns but ${assets.symbol[liquidity.asset[r]!]}@${liquidity.venue[r]} loaded`);
    }
    const text = rows.extra[r] ?? null;
    return { asset, model: rows.model[r]!, extra: text === null ? null : parseExtra(text, `${asset}@${venue}`), ticks: books.get(`${asset}\u0000${venue}`) ?? null };
  });
}

/** A row's extra JSON as text settings (the importers write every value as a string; numbers are read back as their text). */
function parseExtra(text: string, row: string): Record<string, string> {
  const parsed: unknown = JSON.parse(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new StoreError(`${MODULE}: liquidity row ${row}: field "extra" is not a JSON object: ${text.slice(0, 80)}`);
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
}
