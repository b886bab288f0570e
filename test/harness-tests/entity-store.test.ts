import { describe, expect, it } from 'vitest';
import { EntityStore } from '../harness/entity-store.js';

describe('EntityStore', () => {
  it('keeps each version with the block range it was valid for', () => {
    const store = new EntityStore();
    store.set('Token', '0xaa', { symbol: 'A', decimals: 18 }, 10);
    store.set('Token', '0xaa', { symbol: 'A2', decimals: 18 }, 20);
    store.remove('Token', '0xaa', 30);
    expect(store.get('Token', '0xaa', 9)).toBeUndefined();
    expect(store.get('Token', '0xaa', 10)?.symbol).toBe('A');
    expect(store.get('Token', '0xaa', 19)?.symbol).toBe('A');
    expect(store.get('Token', '0xaa', 20)?.symbol).toBe('A2');
    expect(store.get('Token', '0xaa', 30)).toBeUndefined();
    expect(store.latestBlock).toBe(30);
  });

  it('leaves an unchanged entity on its version, and replaces a same-block write', () => {
    const store = new EntityStore();
    store.set('Token', 'a', { symbol: 'A' }, 10);
    store.set('Token', 'a', { symbol: 'A' }, 20);
    expect(store.version('Token', 'a', 25)?.from).toBe(10);
    store.set('Token', 'a', { symbol: 'B' }, 20);
    store.set('Token', 'a', { symbol: 'C' }, 20);
    expect(store.version('Token', 'a', 25)?.data.symbol).toBe('C');
    expect(store.version('Token', 'a', 15)?.data.symbol).toBe('A');
  });

  it('loads sets by upsert or replace', () => {
    const store = new EntityStore();
    store.load({ Token: { a: { id: 'a' }, b: { id: 'b' } }, Pool: { p: { id: 'p' } } }, 1);
    store.load({ Token: { a: { id: 'a', x: 1 } } }, 2);
    expect(store.ids('Token', 2).sort()).toEqual(['a', 'b']);
    store.load({ Token: { c: { id: 'c' } } }, 3, { mode: 'replace' });
    expect(store.ids('Token', 3)).toEqual(['c']);
    expect(store.ids('Pool', 3), 'types absent from the set are left alone').toEqual(['p']);
    expect(store.counts(2)).toEqual({ Token: 2, Pool: 1 });
  });

  it('refuses writes that go back in blocks or mislabel ids', () => {
    const store = new EntityStore();
    store.set('Token', 'a', {}, 50);
    expect(() => store.set('Token', 'b', {}, 49)).toThrow(/^test\/harness\/entity-store: Token b: cannot write at block 49/);
    expect(() => store.set('Token', 'b', { id: 'c' }, 50)).toThrow(/stored under id "b" has id "c"/);
  });
});
