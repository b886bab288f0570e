/**
 * Deterministic 0x addresses for generated accounts, with some addresses reused across protocols
 * (the same user active on Aave and on Compound, say) so that cross-protocol contagion has paths.
 * Protocols are taken in order; an account of a later protocol reuses, with ADDRESS_REUSE
 * probability, an address already active elsewhere but not yet in this protocol.
 */
import { ADDRESS_REUSE, COMET_CROSS_MARKET_REUSE } from './assumptions.js';
import type { Rng } from './prng.js';
import type { GenAccount } from './types.js';

export class AddressBook {
  private readonly taken = new Set<string>();

  constructor(private readonly rng: Rng) {}

  fresh(): string {
    for (;;) {
      const a = `0x${this.rng.hex(40)}`;
      if (!this.taken.has(a)) {
        this.taken.add(a);
        return a;
      }
    }
  }
}

export function assignAddresses(accounts: GenAccount[], book: AddressBook, rng: Rng): void {
  const all: string[] = [];
  const byProtocol = new Map<string, Set<string>>();
  const byMarket = new Map<string, Set<string>>();
  const setOf = (m: Map<string, Set<string>>, k: string) => m.get(k) ?? m.set(k, new Set()).get(k) ?? new Set<string>();

  /** Up to 50 random tries among `pool` for an address `ok` accepts; null if none found. */
  const reuse = (pool: readonly string[], ok: (a: string) => boolean): string | null => {
    for (let i = 0; i < 50 && pool.length > 0; i++) {
      const a = pool[rng.int(pool.length)];
      if (ok(a)) return a;
    }
    return null;
  };

  for (const acc of accounts) {
    const inProtocol = setOf(byProtocol, acc.protocol);
    const inMarket = setOf(byMarket, `${acc.protocol}|${acc.market ?? ''}`);
    let address: string | null = null;
    if (acc.protocol === 'compound-v3' && acc.market === 'cWETHv3' && rng.chance(COMET_CROSS_MARKET_REUSE)) {
      // One address with a position in both Comet deployments: two risk accounts, one user.
      address = reuse([...setOf(byMarket, 'compound-v3|cUSDCv3')], (a) => !inMarket.has(a));
    } else if (rng.chance(ADDRESS_REUSE[acc.protocol] ?? 0)) {
      address = reuse(all, (a) => !inProtocol.has(a));
    }
    if (address === null) {
      address = book.fresh();
      all.push(address);
    }
    inProtocol.add(address);
    inMarket.add(address);
    acc.address = address;
  }
}

/**
 * Options-venue accounts take fresh addresses from the same book (after the liquidators), except
 * that a kind of account may, with OPTIONS_ADDRESS_REUSE probability, reuse an address active in
 * a lending protocol (a cross-venue user); no address holds two options accounts.
 */
export function assignOptionAddresses(accounts: { archetype: string; address: string }[], lendingAddresses: readonly string[], book: AddressBook, rng: Rng, reuseBy: Record<string, number>): void {
  const used = new Set<string>();
  for (const acc of accounts) {
    let address: string | null = null;
    if (lendingAddresses.length > 0 && rng.chance(reuseBy[acc.archetype] ?? 0)) {
      for (let i = 0; i < 50 && address === null; i++) {
        const a = lendingAddresses[rng.int(lendingAddresses.length)];
        if (!used.has(a)) address = a;
      }
    }
    acc.address = address ?? book.fresh();
    used.add(acc.address);
  }
}
