/**
 * The protocol row of a lending source: kind `lending`, the chain from the config, the close
 * factor and full-close threshold from `lending-terms` (config first, then the protocol's family),
 * the isolation mode (config first; Compound v3 and Morpho Blue keep risk per market).
 */
import type { IsolationMode } from '../../../model/ecosystem.js';
import type { ProtocolRow } from '../../../store/index.js';
import type { ResolvedSource } from '../../source-family.js';
import { isolationFor, liquidationTermsFor } from '../lending-terms.js';

export function lendingProtocolRow(source: ResolvedSource, protocolSlug: string, extra: Record<string, string> = {}): ProtocolRow {
  const terms = liquidationTermsFor(protocolSlug, source);
  const isolation: IsolationMode = isolationFor(protocolSlug, source);
  return {
    protocol: source.protocol,
    kind: 'lending',
    chain: source.config.chain,
    isolation,
    closeFactor: terms.closeFactor,
    fullCloseBelowHf: terms.fullCloseBelowHf,
    insuranceFundUsd: null,
    extra: { protocol_slug: protocolSlug, liquidation_terms: terms.basis, block: String(source.block), ...extra },
  };
}
