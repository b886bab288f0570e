/**
 * Result order as graph-node produces it: with no `orderBy`, by `id` ascending (an
 * `orderDirection` alone is ignored); otherwise by the field, then by `id` in the same direction
 * as a tie-breaker (`order by x desc, id desc`). Nulls sort as Postgres sorts them: last when
 * ascending, first when descending. `ref__field` sorts by a field of the referenced entity.
 */
import { orderByValues, type OrderByValue } from './graph-api-filters.js';
import { GraphNodeQueryError } from './graph-node-errors.js';
import { compareScalar } from './graph-scalars.js';
import type { EntityRow, RowReader } from './entity-rows.js';
import { idScalar, type ModelField } from './subgraph-model.js';

export interface OrderArgs {
  readonly orderBy?: string | null;
  readonly orderDirection?: 'asc' | 'desc' | null;
}

function scalarOf(reader: RowReader, field: ModelField, typeName: string): string {
  if (field.storeKey === 'id') return idScalar(reader.model, typeName);
  return field.kind === 'enum' ? 'String' : field.baseType;
}

const compareNullable = (scalar: string, a: unknown, b: unknown): number => {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull && bNull ? 0 : aNull ? 1 : -1;
  return compareScalar(scalar, a, b);
};

/** Sorts `rows` (a fresh array is returned) of `typeName` by the `orderBy` arguments. */
export function sortRows(reader: RowReader, typeName: string, rows: readonly EntityRow[], args: OrderArgs): EntityRow[] {
  const idType = idScalar(reader.model, typeName);
  const byId = (a: EntityRow, b: EntityRow): number => compareScalar(idType, a.id, b.id);
  if (args.orderBy === null || args.orderBy === undefined) return [...rows].sort(byId);

  const choice: OrderByValue | undefined = orderByValues(reader.model, typeName).find((v) => v.value === args.orderBy);
  if (choice === undefined) throw new GraphNodeQueryError(`Entity \`${typeName}\` has no attribute \`${args.orderBy}\``);
  if (choice.child === undefined && choice.field.list) {
    throw new GraphNodeQueryError(`Ordering by \`${choice.field.name}\` is not supported for type \`${typeName}\``);
  }
  const sign = args.orderDirection === 'desc' ? -1 : 1;
  const key = (row: EntityRow): unknown => {
    if (choice.child === undefined) return row.value(choice.field);
    const target = reader.related(row, choice.field)[0];
    return target?.value(choice.child);
  };
  const scalar = choice.child === undefined ? scalarOf(reader, choice.field, typeName) : scalarOf(reader, choice.child, choice.field.baseType);
  const keyed = rows.map((row) => ({ row, key: key(row) }));
  keyed.sort((a, b) => {
    // Reversing "nulls last" for desc gives Postgres' "nulls first" for desc.
    const byField = sign * compareNullable(scalar, a.key, b.key);
    return byField !== 0 ? byField : sign * byId(a.row, b.row);
  });
  return keyed.map((k) => k.row);
}
