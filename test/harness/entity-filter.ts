/**
 * Evaluates a `where` argument the way graph-node's SQL does (store/postgres relational_queries):
 * comparisons with a null column are false (`f: null` / `f_not: null` test for null), list
 * `_contains` means "contains every given element", `f_` filters on the referenced or deriving
 * entities at the query's block, `and`/`or` combine, and `_change_block` keeps entities whose
 * current version started at or after a block. Two graph-node refusals are reproduced: mixing
 * column filters with `or` at one level, and a child filter inside a child filter.
 */
import { filterKeys, type FilterKey, type FilterOp } from './graph-api-filters.js';
import { GraphNodeQueryError } from './graph-node-errors.js';
import { compareScalar, parseBytes } from './graph-scalars.js';
import type { EntityRow, RowReader } from './entity-rows.js';
import { idScalar, type ModelField, type SubgraphModel } from './subgraph-model.js';

export type RowPredicate = (row: EntityRow) => boolean;

const keyCache = new WeakMap<SubgraphModel, Map<string, Map<string, FilterKey>>>();

function keysOf(model: SubgraphModel, typeName: string): Map<string, FilterKey> {
  let byType = keyCache.get(model);
  if (byType === undefined) keyCache.set(model, (byType = new Map()));
  let keys = byType.get(typeName);
  if (keys === undefined) byType.set(typeName, (keys = new Map(filterKeys(model, typeName).map((k) => [k.key, k]))));
  return keys;
}

/** The scalar a field's values compare as: references compare as their target's id. */
function comparedAs(model: SubgraphModel, field: ModelField): string {
  if (field.kind === 'entity') return idScalar(model, field.baseType) === 'Bytes' ? 'Bytes' : idScalar(model, field.baseType) === 'Int8' ? 'Int8' : 'String';
  return field.kind === 'enum' ? 'String' : field.baseType;
}

function textOf(scalar: string, value: unknown, nocase: boolean): string {
  const text = scalar === 'Bytes' ? parseBytes(value).slice(2) : String(value);
  return nocase ? text.toLowerCase() : text;
}

function textOp(scalar: string, op: FilterOp, stored: unknown, input: unknown): boolean {
  const nocase = op.endsWith('_nocase');
  const base = op.replace(/_nocase$/, '').replace(/^not_/, '');
  const haystack = textOf(scalar, stored, nocase);
  const needle = textOf(scalar, input, nocase);
  const hit = base === 'contains' ? haystack.includes(needle) : base === 'starts_with' ? haystack.startsWith(needle) : haystack.endsWith(needle);
  return op.startsWith('not_') ? !hit : hit;
}

function valueTest(model: SubgraphModel, key: Extract<FilterKey, { kind: 'value' }>, given: unknown): RowPredicate {
  const { field, op } = key;
  const scalar = comparedAs(model, field);
  const eq = (a: unknown, b: unknown): boolean => compareScalar(scalar, a, b) === 0;
  // graph-node decodes Bytes inputs (`0x` optional, any case) before comparing, or refuses them.
  const input = scalar !== 'Bytes' || given === null ? given : Array.isArray(given) ? given.map(parseBytes) : parseBytes(given);
  if (field.list) {
    const sameList = (stored: unknown[], given: unknown[]): boolean => stored.length === given.length && stored.every((v, i) => eq(v, given[i]));
    const containsAll = (stored: unknown[], given: unknown[], nocase: boolean): boolean =>
      given.every((g) => stored.some((v) => (nocase ? String(v).toLowerCase() === String(g).toLowerCase() : eq(v, g))));
    return (row) => {
      const stored = row.value(field);
      if (input === null) return op === '' ? stored == null : stored != null;
      if (!Array.isArray(stored)) return false;
      const given = input as unknown[];
      if (op === '') return sameList(stored, given);
      if (op === 'not') return !sameList(stored, given);
      const hit = containsAll(stored, given, op.endsWith('_nocase'));
      return op.startsWith('not_') ? !hit : hit;
    };
  }
  return (row) => {
    const stored = row.value(field);
    if (input === null && (op === '' || op === 'not')) return op === '' ? stored == null : stored != null;
    if (stored === null || stored === undefined || input === null) return false;
    switch (op) {
      case '':
        return eq(stored, input);
      case 'not':
        return !eq(stored, input);
      case 'gt':
        return compareScalar(scalar, stored, input) > 0;
      case 'lt':
        return compareScalar(scalar, stored, input) < 0;
      case 'gte':
        return compareScalar(scalar, stored, input) >= 0;
      case 'lte':
        return compareScalar(scalar, stored, input) <= 0;
      case 'in':
        return (input as unknown[]).some((v) => eq(stored, v));
      case 'not_in':
        return !(input as unknown[]).some((v) => eq(stored, v));
      default:
        return textOp(scalar, op, stored, input);
    }
  };
}

/**
 * Compiles `where` on `typeName` into a row predicate; `nested` is true inside a child filter,
 * where graph-node refuses another child filter.
 */
export function compileFilter(reader: RowReader, typeName: string, where: Readonly<Record<string, unknown>> | null | undefined, nested = false): RowPredicate {
  if (where === null || where === undefined) return () => true;
  const keys = keysOf(reader.model, typeName);
  const entries = Object.entries(where).filter(([, v]) => v !== undefined);
  if ('or' in where && where.or !== undefined) {
    const columns = entries.map(([k]) => k).filter((k) => k !== 'or' && k !== 'and' && k !== '_change_block');
    if (columns.length > 0) {
      const list = columns.map((c) => `'${c}'`).join(', ');
      throw new GraphNodeQueryError(
        `Cannot mix column filters with 'or' operator at the same level. Found column filter(s) ${list} alongside 'or' operator.\n\n` +
          `Instead of:\nwhere: { ${list}, or: [...] }\n\nUse:\nwhere: { or: [{ ${list}, ... }, { ${list}, ... }] }`,
      );
    }
  }
  const tests: RowPredicate[] = entries.map(([name, input]) => {
    const key = keys.get(name);
    if (key === undefined) throw new GraphNodeQueryError(`Type \`${typeName}_filter\` has no field \`${name}\``);
    switch (key.kind) {
      case 'value':
        return valueTest(reader.model, key, input);
      case 'child': {
        if (input === null) return () => true;
        if (nested) throw new GraphNodeQueryError(`Child filter nesting not supported by value \`${key.field.name}\`: \`${JSON.stringify(input)}\``);
        const inner = compileFilter(reader, key.field.baseType, input as Record<string, unknown>, true);
        return (row) => reader.related(row, key.field).some(inner);
      }
      case 'and':
      case 'or': {
        const parts = ((input as (Record<string, unknown> | null)[] | null) ?? []).filter((p) => p !== null).map((p) => compileFilter(reader, typeName, p, nested));
        return key.kind === 'and' ? (row) => parts.every((p) => p(row)) : (row) => parts.some((p) => p(row));
      }
      case 'change_block': {
        const since = (input as { number_gte: number } | null)?.number_gte;
        return (row) => since === undefined || row.version.from >= since;
      }
    }
  });
  return (row) => tests.every((t) => t(row));
}
