/**
 * Checks an entity set against a subgraph schema as graph-node's store would on write: every
 * entity of a declared type, stored under its own id; no unknown or `@derivedFrom` fields; every
 * non-null field set; scalars in The Graph's formats (BigInt and BigDecimal as decimal strings,
 * Bytes as lower-case hex of whole bytes, Int within 32 bits, enum values declared); and every
 * reference pointing at an entity the set contains. Returns the problems, at most `limit`.
 */
import type { EntitySet } from './entity-store.js';
import { concreteTypes, idScalar, type ModelField, type SubgraphModel } from './subgraph-model.js';

const FORMATS: Record<string, (v: unknown) => boolean> = {
  BigInt: (v) => typeof v === 'bigint' || (typeof v === 'string' && /^-?\d+$/.test(v)),
  Int8: (v) => typeof v === 'bigint' || (typeof v === 'string' && /^-?\d+$/.test(v)) || Number.isSafeInteger(v),
  Timestamp: (v) => typeof v === 'bigint' || (typeof v === 'string' && /^\d+$/.test(v)) || Number.isSafeInteger(v),
  BigDecimal: (v) => typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v),
  Bytes: (v) => typeof v === 'string' && /^0x([0-9a-f]{2})*$/.test(v),
  Int: (v) => Number.isInteger(v) && (v as number) >= -(2 ** 31) && (v as number) < 2 ** 31,
  Boolean: (v) => typeof v === 'boolean',
  String: (v) => typeof v === 'string',
  ID: (v) => typeof v === 'string' && v.length > 0,
};

function checkValue(model: SubgraphModel, entities: EntitySet, field: ModelField, value: unknown): string | null {
  if (field.kind === 'enum') return model.enums.get(field.baseType)?.includes(String(value)) ? null : `is not a ${field.baseType} value`;
  if (field.kind === 'scalar') return FORMATS[field.baseType]?.(value) === true ? null : `is not a well-formed ${field.baseType}`;
  const id = String(value);
  const exists = concreteTypes(model, field.baseType).some((type) => entities[type]?.[id] !== undefined);
  return exists ? null : `points at ${field.baseType} ${id}, which the set does not contain`;
}

export function checkEntitySet(model: SubgraphModel, entities: EntitySet, limit = 50): string[] {
  const problems: string[] = [];
  const report = (text: string) => {
    if (problems.length < limit) problems.push(text);
  };
  for (const [typeName, byId] of Object.entries(entities)) {
    const type = model.types.get(typeName);
    if (type === undefined || type.isInterface) {
      report(`${typeName}: not an entity type of the schema`);
      continue;
    }
    const idType = idScalar(model, typeName);
    for (const [id, entity] of Object.entries(byId)) {
      const where = `${typeName} ${id}`;
      if (entity.id !== id) report(`${where}: stored under a key that is not its id (${JSON.stringify(entity.id)})`);
      if (idType === 'Bytes' && !FORMATS.Bytes!(id)) report(`${where}: a Bytes id must be lower-case hex`);
      for (const key of Object.keys(entity)) {
        const field = type.fields.find((f) => f.storeKey === key);
        if (field === undefined) report(`${where}: unknown field "${key}"`);
        else if (field.derivedFrom !== undefined) report(`${where}: "${key}" is @derivedFrom and must not be stored`);
      }
      for (const field of type.fields) {
        if (field.derivedFrom !== undefined || field.storeKey === 'id') continue;
        const value = entity[field.storeKey];
        if (value === null || value === undefined) {
          if (field.nonNull) report(`${where}: non-null field "${field.storeKey}" is missing`);
          continue;
        }
        if (field.list !== Array.isArray(value)) {
          report(`${where}: "${field.storeKey}" ${field.list ? 'must' : 'must not'} be a list`);
          continue;
        }
        for (const item of field.list ? (value as unknown[]) : [value]) {
          const problem = item === null ? (field.typeText.includes('!]') ? 'has a null item' : null) : checkValue(model, entities, field, item);
          if (problem !== null) report(`${where}: "${field.storeKey}" ${problem} (${JSON.stringify(item)})`);
        }
      }
    }
  }
  return problems;
}
