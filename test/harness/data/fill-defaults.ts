/**
 * Completes a generated entity from its subgraph schema: the generator sets the fields that carry
 * meaning and this fills every other non-null field with the zero of its type (`"0"` for
 * BigInt/BigDecimal, `0`, `false`, `""`, `[]`, the first enum value), so every entity conforms to
 * the schema file even as it changes. A misspelt field, a missing non-null reference or id, or a
 * value set on a `@derivedFrom` field is an error: the generator must be fixed, not the data.
 */
import { buildSubgraphModel, type ModelField, type SubgraphModel } from '../subgraph-model.js';
import { loadSubgraphSdl, type SubgraphFamily } from '../subgraph-schemas.js';

const models = new Map<SubgraphFamily, SubgraphModel>();

export function familyModel(family: SubgraphFamily): SubgraphModel {
  let model = models.get(family);
  if (model === undefined) models.set(family, (model = buildSubgraphModel(loadSubgraphSdl(family))));
  return model;
}

function zero(model: SubgraphModel, field: ModelField): unknown {
  if (field.list) return [];
  if (field.kind === 'enum') return model.enums.get(field.baseType)?.[0];
  switch (field.baseType) {
    case 'BigInt':
    case 'BigDecimal':
    case 'Int8':
    case 'Timestamp':
      return '0';
    case 'Int':
      return 0;
    case 'Boolean':
      return false;
    case 'String':
      return '';
    case 'Bytes':
      return '0x';
    default:
      return undefined;
  }
}

export type Filler = (type: string, values: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/** A function completing entities of `family`'s schema; keys come out in schema order. */
export function entityFiller(family: SubgraphFamily): Filler {
  const model = familyModel(family);
  const byKey = new Map([...model.types.values()].map((t) => [t.name, new Map(t.fields.map((f) => [f.storeKey, f]))]));
  return (typeName, values) => {
    const type = model.types.get(typeName);
    if (type === undefined || type.isInterface) throw new Error(`test/harness/data/fill-defaults: ${family} has no entity type ${typeName}`);
    for (const key of Object.keys(values)) {
      const field = byKey.get(typeName)!.get(key);
      if (field === undefined) throw new Error(`test/harness/data/fill-defaults: ${family} ${typeName} has no field "${key}"`);
      if (field.derivedFrom !== undefined) throw new Error(`test/harness/data/fill-defaults: ${typeName}.${key} is @derivedFrom and is never stored`);
    }
    const entity: Record<string, unknown> = {};
    for (const field of type.fields) {
      if (field.derivedFrom !== undefined) continue;
      if (field.storeKey in values) {
        entity[field.storeKey] = values[field.storeKey];
        continue;
      }
      if (!field.nonNull) continue;
      const value = (field.kind === 'entity' && !field.list) || field.storeKey === 'id' ? undefined : zero(model, field);
      if (value === undefined) throw new Error(`test/harness/data/fill-defaults: ${typeName} ${String(values.id)} needs a value for non-null field "${field.storeKey}"`);
      entity[field.storeKey] = value;
    }
    return entity;
  };
}
