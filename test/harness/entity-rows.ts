/**
 * Entities as the resolvers see them: a stored version tagged with its concrete type and the
 * block the query runs at, so that every reference it leads to (`position.market`,
 * `market.positions`) is read at that same block, as graph-node reads a whole query at one block.
 */
import type { EntityStore, EntityVersion } from './entity-store.js';
import { concreteTypes, idScalar, type ModelField, type SubgraphModel } from './subgraph-model.js';

export class EntityRow {
  constructor(
    /** Concrete entity type (for `__typename` and interface resolution). */
    readonly type: string,
    /** Block the query reads at. */
    readonly block: number,
    readonly version: EntityVersion,
  ) {}

  get id(): string {
    return String(this.version.data.id);
  }

  value(field: ModelField): unknown {
    return this.version.data[field.storeKey];
  }
}

/**
 * Reads rows for one request. Lists and reverse (`@derivedFrom`) indexes are cached per request,
 * so filters like `accounts(where: { positions_: … })` stay linear; a new request sees new data.
 */
export class RowReader {
  private readonly lists = new Map<string, EntityRow[]>();
  private readonly backIndexes = new Map<string, Map<string, EntityRow[]>>();

  constructor(
    readonly model: SubgraphModel,
    readonly store: EntityStore,
  ) {}

  /** The entity `id` of `typeName` (or of one of an interface's implementors) at `block`. */
  find(typeName: string, id: string, block: number): EntityRow | undefined {
    const key = idScalar(this.model, typeName) === 'Bytes' ? id.toLowerCase() : id;
    for (const type of concreteTypes(this.model, typeName)) {
      const version = this.store.version(type, key, block);
      if (version !== undefined) return new EntityRow(type, block, version);
    }
    return undefined;
  }

  /** Every entity of `typeName` (all implementors of an interface) at `block`. */
  all(typeName: string, block: number): readonly EntityRow[] {
    const key = `${typeName}@${block}`;
    let rows = this.lists.get(key);
    if (rows === undefined) {
      rows = [];
      for (const type of concreteTypes(this.model, typeName)) {
        for (const version of this.store.list(type, block)) rows.push(new EntityRow(type, block, version));
      }
      this.lists.set(key, rows);
    }
    return rows;
  }

  /**
   * The entities a reference field of `parent` leads to, at the parent's block: the referenced
   * ids for a stored reference (missing ones dropped, as a join would), or the entities whose
   * `@derivedFrom` field points back at the parent.
   */
  related(parent: EntityRow, field: ModelField): readonly EntityRow[] {
    if (field.derivedFrom !== undefined) return this.backIndex(parent, field).get(parent.id.toLowerCase()) ?? [];
    const value = parent.value(field);
    if (value === null || value === undefined) return [];
    const rows: EntityRow[] = [];
    for (const id of Array.isArray(value) ? value : [value]) {
      const row = this.find(field.baseType, String(id), parent.block);
      if (row !== undefined) rows.push(row);
    }
    return rows;
  }

  private backIndex(parent: EntityRow, field: ModelField): Map<string, EntityRow[]> {
    const back = this.model.types.get(field.baseType)?.fields.find((f) => f.storeKey === field.derivedFrom);
    if (back === undefined) {
      throw new Error(`test/harness/entity-rows: ${parent.type}.${field.name} is derived from ${field.baseType}.${field.derivedFrom}, which does not exist`);
    }
    const key = `${field.baseType}.${back.storeKey}@${parent.block}`;
    let index = this.backIndexes.get(key);
    if (index === undefined) {
      index = new Map();
      for (const row of this.all(field.baseType, parent.block)) {
        const value = row.value(back);
        for (const target of Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]) {
          const id = String(target).toLowerCase();
          const list = index.get(id);
          if (list === undefined) index.set(id, [row]);
          else list.push(row);
        }
      }
      this.backIndexes.set(key, index);
    }
    return index;
  }
}
