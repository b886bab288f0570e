/**
 * Messari lending entity sets on schema 2.0.1 and 1.3.0, made from the harness's 3.1.0 generator
 * (test/harness/data/messari-lending.ts: a pooled Aave v3-like lender) as those schemas would hold
 * the same book: 2.0.1 positions lose `asset` and lend as LENDER, a Liquidate names its BORROWER
 * position as `position`; 1.3.0 has no positions, accounts are bare ids and a Liquidate names its
 * liquidator (`from`), market (`to`) and liquidatee as strings. Every entity then keeps only the
 * fields of the target schema, and a non-null field it lacks gets the zero of its type.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedData } from '../../../harness/data/entity-set.js';
import type { EntitySet } from '../../../harness/entity-store.js';
import { buildSubgraphModel, type ModelField, type SubgraphModel } from '../../../harness/subgraph-model.js';
import { SUBGRAPH_SCHEMAS_DIR } from '../../../harness/subgraph-schemas.js';

export type LegacyVersion = '2.0.1' | '1.3.0';

export const legacySdl = (version: LegacyVersion): string => readFileSync(join(SUBGRAPH_SCHEMAS_DIR, `messari-schema-lending-${version}.graphql`), 'utf8');

type Entity = Record<string, unknown>;

function zero(model: SubgraphModel, field: ModelField): unknown {
  if (field.list) return [];
  if (field.kind === 'enum') return model.enums.get(field.baseType)?.[0];
  if (field.kind === 'entity') return undefined;
  return ({ BigInt: '0', BigDecimal: '0', Int: 0, Boolean: false, String: '', Bytes: '0x', ID: undefined } as Record<string, unknown>)[field.baseType];
}

/** Per type, the entity as the target schema writes it (before trimming to its fields). */
const RESHAPE: Record<LegacyVersion, Record<string, (e: Entity) => Entity>> = {
  '2.0.1': {
    LendingProtocol: (e) => ({ ...e, schemaVersion: '2.0.1', mintedTokens: null }),
    Position: (e) => ({ ...e, side: e.side === 'COLLATERAL' ? 'LENDER' : e.side }),
    Liquidate: (e) => ({ ...e, position: (e.positions as string[])[1] }), // [collateral, debt] as addLiquidations writes them
  },
  '1.3.0': {
    LendingProtocol: (e) => ({ ...e, schemaVersion: '1.3.0', mintedTokens: null }),
    Liquidate: (e) => ({ ...e, protocol: 'PROTOCOL', from: e.liquidator, to: e.market }),
  },
};

export function legacyMessariLendingData(data: GeneratedData, version: LegacyVersion): { data: GeneratedData; model: SubgraphModel } {
  const model = buildSubgraphModel(legacySdl(version));
  const protocolId = Object.keys(data.entities.LendingProtocol ?? {})[0]!;
  const entities: EntitySet = {};
  for (const [typeName, byId] of Object.entries(data.entities)) {
    const type = model.types.get(typeName);
    if (type === undefined) continue; // Position and _PositionCounter on 1.3.0; _PositionCounter on 2.0.1
    const reshape = RESHAPE[version][typeName] ?? ((e: Entity) => e);
    entities[typeName] = Object.fromEntries(Object.entries(byId).map(([id, source]) => {
      const shaped = reshape(source);
      if (shaped.protocol === 'PROTOCOL') shaped.protocol = protocolId;
      const entity: Entity = {};
      for (const field of type.fields) {
        if (field.derivedFrom !== undefined) continue;
        const value = field.storeKey in shaped ? shaped[field.storeKey] : field.nonNull ? zero(model, field) : undefined;
        if (value === undefined && field.nonNull) throw new Error(`messari-legacy-data: ${typeName} ${id} has no value for non-null ${field.storeKey} on ${version}`);
        if (value !== undefined) entity[field.storeKey] = value;
      }
      return [id, entity];
    }));
  }
  return { data: { ...data, entities }, model };
}
