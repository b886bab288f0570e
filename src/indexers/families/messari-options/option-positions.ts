/**
 * Long and short option holdings from a Messari options subgraph.
 *
 * Long: every open position (neither closed nor exercised), summed per holder and option in raw
 * units (Messari opens a new Position entity each time a holding changes, so one holder can have
 * several rows over time but should have one open).
 *
 * Short: the writing pool, account `<pool id>`, is short what it wrote. That is the option's
 * `totalSupply` where the subgraph tracks it (Opyn: oTokens minted less burned), because every
 * outstanding option is an obligation of the pool's collateral whoever holds it; where it does not
 * (Dopex leaves it null) it is the sum of the open longs. Longs exceeding the supply mean the
 * subgraph's positions and supply disagree, which is reported.
 */
import type { PositionItem } from './items.js';
import type { OptionContract } from './option-contracts.js';

export interface RawHolding {
  raw: bigint;
  positions: number;
}

/** Open positions summed per option id, then per holder (ids lower case). */
export function openLongs(positions: readonly PositionItem[]): Map<string, Map<string, RawHolding>> {
  const byOption = new Map<string, Map<string, RawHolding>>();
  for (const position of positions) {
    if (position.closedTimestamp !== null || position.exercisedTimestamp !== null) continue;
    const option = position.option.id.toLowerCase();
    const account = position.account.id.toLowerCase();
    const holders = byOption.get(option) ?? new Map<string, RawHolding>();
    const held = holders.get(account) ?? { raw: 0n, positions: 0 };
    holders.set(account, { raw: held.raw + BigInt(position.amount), positions: held.positions + 1 });
    byOption.set(option, holders);
  }
  return byOption;
}

export interface Written {
  raw: bigint;
  basis: 'totalSupply' | 'open longs';
  /** Set when the open longs exceed the supply: a disagreement in the subgraph. */
  problem: string | null;
}

/** What the writing pool is short of `contract`, given the raw sum of its open longs. */
export function writtenByPool(contract: OptionContract, longsRaw: bigint): Written {
  if (contract.item.totalSupply === null) return { raw: longsRaw, basis: 'open longs', problem: null };
  const supply = BigInt(contract.item.totalSupply);
  const problem = longsRaw > supply ? `option ${contract.id}: open longs ${longsRaw} exceed its totalSupply ${supply} (raw)` : null;
  return { raw: supply, basis: 'totalSupply', problem };
}
