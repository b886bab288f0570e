/**
 * Liquidation terms per lending family: the figures read from each protocol's code, the config
 * winning over them, and an unknown family with no config values being an error, never a default.
 */
import { describe, expect, it } from 'vitest';
import { isolationFor, lendingFamilyOf, liquidationTermsFor } from '../../../../src/indexers/families/lending-terms.js';
import { fixtureSource, indexerError } from './fixture-source.js';

const source = (config = {}) => fixtureSource('messari-lending', 'src', 'p', config);

describe('liquidationTermsFor', () => {
  it.each([
    ['aave-v2', 0.5, null],
    ['radiant-capital', 0.5, null],
    ['aave-v3', 0.5, 0.95],
    ['spark-lend', 0.5, 0.95],
    ['compound-v2', 0.5, null],
    ['compound-v3', 1, null],
    ['morpho-blue', 1, null],
    ['liquity', 1, null],
    ['makerdao', 1, null],
  ] as const)('%s: close factor %s, full close below HF %s', (slug, closeFactor, fullCloseBelowHf) => {
    expect(liquidationTermsFor(slug, source())).toEqual({ closeFactor, fullCloseBelowHf, basis: lendingFamilyOf(slug) });
  });

  it('takes config values over the family', () => {
    expect(liquidationTermsFor('aave-v3', source({ closeFactor: 0.4 }))).toEqual({ closeFactor: 0.4, fullCloseBelowHf: 0.95, basis: 'config' });
    expect(liquidationTermsFor('aave-v3', source({ fullCloseBelowHf: null }))).toEqual({ closeFactor: 0.5, fullCloseBelowHf: null, basis: 'aave-v3 + config' });
    expect(liquidationTermsFor('venus', source({ closeFactor: 0.5 }))).toEqual({ closeFactor: 0.5, fullCloseBelowHf: null, basis: 'config' });
  });

  it('refuses an unknown family without config values, saying what to set', () => {
    expect(indexerError(() => liquidationTermsFor('venus', source())).message).toBe(
      'contagion/indexers: source src: protocol "venus" is of no lending family with known liquidation terms; set "closeFactor" (and "fullCloseBelowHf", or null if it has none) in the source\'s config',
    );
  });
});

describe('isolationFor', () => {
  it('is per market for Compound v3 and Morpho Blue, pooled otherwise, and the config wins', () => {
    expect(isolationFor('compound-v3', source())).toBe('market');
    expect(isolationFor('morpho-blue', source())).toBe('market');
    expect(isolationFor('aave-v3', source())).toBe('pooled');
    expect(isolationFor('venus', source())).toBe('pooled');
    expect(isolationFor('aave-v3', source({ isolation: 'market' }))).toBe('market');
  });
});
