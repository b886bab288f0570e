/**
 * The `where` and `orderBy` vocabulary graph-node generates for an entity or interface type
 * (graph/src/schema/api.rs: `field_filter_ops`, `field_list_filter_input_values`,
 * `field_enum_values`). The SDL printer and the filter evaluator both read these lists, so a
 * filter the schema accepts is always one the server can evaluate.
 */
import { idScalar, type ModelField, type SubgraphModel } from './subgraph-model.js';

export type FilterOp =
  | ''
  | 'not'
  | 'gt'
  | 'lt'
  | 'gte'
  | 'lte'
  | 'in'
  | 'not_in'
  | 'contains'
  | 'contains_nocase'
  | 'not_contains'
  | 'not_contains_nocase'
  | 'starts_with'
  | 'starts_with_nocase'
  | 'not_starts_with'
  | 'not_starts_with_nocase'
  | 'ends_with'
  | 'ends_with_nocase'
  | 'not_ends_with'
  | 'not_ends_with_nocase';

export type FilterKey =
  | { readonly key: string; readonly kind: 'value'; readonly field: ModelField; readonly op: FilterOp; readonly valueType: string; readonly listValue: boolean }
  | { readonly key: string; readonly kind: 'child'; readonly field: ModelField; readonly valueType: string }
  | { readonly key: string; readonly kind: 'and' | 'or'; readonly valueType: string }
  | { readonly key: '_change_block'; readonly kind: 'change_block'; readonly valueType: string };

const ORDERED: readonly FilterOp[] = ['', 'not', 'gt', 'lt', 'gte', 'lte', 'in', 'not_in'];
const TEXT: readonly FilterOp[] = [
  ...ORDERED,
  'contains',
  'contains_nocase',
  'not_contains',
  'not_contains_nocase',
  'starts_with',
  'starts_with_nocase',
  'not_starts_with',
  'not_starts_with_nocase',
  'ends_with',
  'ends_with_nocase',
  'not_ends_with',
  'not_ends_with_nocase',
];

/** Operators graph-node offers for a single-valued scalar field. */
export function scalarOps(scalar: string): readonly FilterOp[] {
  switch (scalar) {
    case 'Boolean':
      return ['', 'not', 'in', 'not_in'];
    case 'Bytes':
      return [...ORDERED, 'contains', 'not_contains'];
    case 'ID':
    case 'BigInt':
    case 'BigDecimal':
    case 'Int':
    case 'Int8':
    case 'Timestamp':
      return ORDERED;
    case 'String':
      return TEXT;
    default:
      return ['', 'not'];
  }
}

/** Entity ids are filtered as `String` whether stored as strings or Bytes, as `Int` for Int8 ids. */
const refScalar = (model: SubgraphModel, typeName: string): string => (idScalar(model, typeName) === 'Int8' ? 'Int' : 'String');

function valueKeys(field: ModelField, ops: readonly FilterOp[], scalar: string, listValue: boolean): FilterKey[] {
  return ops.map((op) => {
    const listType = listValue || op === 'in' || op === 'not_in';
    return { key: op === '' ? field.name : `${field.name}_${op}`, kind: 'value', field, op, valueType: listType ? `[${scalar}!]` : scalar, listValue: listType };
  });
}

/** Every key of `<Type>_filter`, in graph-node's order. */
export function filterKeys(model: SubgraphModel, typeName: string): readonly FilterKey[] {
  const type = model.types.get(typeName);
  if (type === undefined) throw new Error(`test/harness/graph-api-filters: no entity type \`${typeName}\``);
  const keys: FilterKey[] = [];
  for (const field of type.fields) {
    const child: FilterKey = { key: `${field.name}_`, kind: 'child', field, valueType: `${field.baseType}_filter` };
    if (field.list) {
      if (field.kind === 'entity' && field.derivedFrom !== undefined) {
        keys.push(child);
        continue;
      }
      const scalar = field.kind === 'entity' ? refScalar(model, field.baseType) : field.baseType;
      const nocase = field.kind === 'entity' ? idScalar(model, field.baseType) !== 'Bytes' && scalar === 'String' : scalar === 'String';
      const ops: FilterOp[] = nocase ? ['', 'not', 'contains', 'contains_nocase', 'not_contains', 'not_contains_nocase'] : ['', 'not', 'contains', 'not_contains'];
      keys.push(...valueKeys(field, ops, scalar, true));
      if (field.kind === 'entity') keys.push(child);
    } else if (field.kind === 'entity') {
      if (field.derivedFrom === undefined) {
        const scalar = refScalar(model, field.baseType);
        keys.push(...valueKeys(field, scalarOps(scalar), scalar, false));
      }
      keys.push(child);
    } else if (field.kind === 'enum') {
      keys.push(...valueKeys(field, ['', 'not', 'in', 'not_in'], field.baseType, false));
    } else {
      keys.push(...valueKeys(field, scalarOps(field.baseType), field.baseType, false));
    }
  }
  keys.push({ key: '_change_block', kind: 'change_block', valueType: 'BlockChangedFilter' });
  keys.push({ key: 'and', kind: 'and', valueType: `[${typeName}_filter]` });
  keys.push({ key: 'or', kind: 'or', valueType: `[${typeName}_filter]` });
  return keys;
}

export interface OrderByValue {
  readonly value: string;
  readonly field: ModelField;
  /** For `parent__child` values: the field of the referenced entity to sort by. */
  readonly child: ModelField | undefined;
}

/**
 * Values of `<Type>_orderBy`: every field, and for a single (non-list) entity reference
 * `ref__f` for each scalar or enum field `f` of the referenced type. graph-node lists list
 * fields too, and refuses them only when a query sorts by one.
 */
export function orderByValues(model: SubgraphModel, typeName: string): readonly OrderByValue[] {
  const type = model.types.get(typeName);
  if (type === undefined) throw new Error(`test/harness/graph-api-filters: no entity type \`${typeName}\``);
  const values: OrderByValue[] = [];
  for (const field of type.fields) {
    values.push({ value: field.name, field, child: undefined });
    if (field.kind !== 'entity' || field.list) continue;
    for (const child of model.types.get(field.baseType)?.fields ?? []) {
      if (child.list || child.kind === 'entity') continue;
      values.push({ value: `${field.name}__${child.name}`, field, child });
    }
  }
  return values;
}
