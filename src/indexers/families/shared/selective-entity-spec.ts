/**
 * An entity collection whose query is narrowed by the source's options (which pools to read).
 *
 * `EntitySpec`'s queries take `$first`, `$lastId` and `$block` only, which suffices for a
 * subgraph read whole (a lending market, an options venue). A DEX subgraph is read in part: of the
 * ~10⁵ Uniswap v3 pools and their ~10⁶ ticks a risk run wants the few hundred pools that matter, and
 * the filter has to reach the server or the run pages the whole subgraph. So these specs carry the
 * extra variables their query declares, computed from the source config:
 *
 *   variables = { ...spec.variables(source), first, lastId, block }     // null: collection not read
 *
 * The filter stays fixed for the whole run and the id order is total, so the `id_gt` cursor pages a
 * filtered collection exactly as it pages a whole one. The engine must merge these variables into
 * every page request (and into the run's plan hash, so a resumed run reads the same selection);
 * until it does, the fields below are the contract it is asked to honour.
 */
import type { EntitySpec, ResolvedSource } from '../../source-family.js';

export interface SelectiveEntitySpec extends EntitySpec {
  /**
   * Variables this collection's query declares beyond `$first`, `$lastId` and `$block`, from the
   * source's options; `null` when this source does not read the collection at all (e.g. the
   * "pools above a TVL" collection of a source that lists its pools by id).
   */
  variables(source: ResolvedSource): Record<string, unknown> | null;
}
