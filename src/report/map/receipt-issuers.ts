import type { EcosystemSnapshot } from '../../model/ecosystem.js';

/**
 * Receipt token symbol → issuing protocol, from the snapshot's optional `assets.issuer` column:
 * what `exposureMapData`'s `paths.issuers` wants for the receipt channel. The exposure graph does
 * not carry issuers, so the caller holding the snapshot passes them. Empty when the column is absent.
 */
export function receiptIssuers(assets: Pick<EcosystemSnapshot['assets'], 'symbol' | 'issuer'>): Record<string, string> {
  const issuers: Record<string, string> = {};
  assets.symbol.forEach((symbol, i) => {
    const issuer = assets.issuer?.[i];
    if (issuer !== null && issuer !== undefined) issuers[symbol] = issuer;
  });
  return issuers;
}
