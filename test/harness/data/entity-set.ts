/**
 * Entity sets as the generators return them, and the helpers that turn one into the state of a
 * later block (a copy with some entities changed, added or removed) to test block pinning:
 *
 *   const later = withChanges(data.entities, (draft) => { draft.Position![id]!.balance = '0'; });
 *   node.store.load(later, 200, { mode: 'replace' });
 */
import type { EntitySet } from '../entity-store.js';

export type { EntitySet };

/** What every generator returns: the entities, and the block and timestamp they are as of. */
export interface GeneratedData {
  readonly entities: EntitySet;
  readonly block: number;
  readonly timestamp: number;
}

/** A deep copy (entity values are JSON: strings, numbers, booleans, null and arrays of them). */
export function cloneEntitySet(entities: EntitySet): EntitySet {
  return JSON.parse(JSON.stringify(entities)) as EntitySet;
}

/** A changed copy: `change` edits a draft copy in place; the input is left as it was. */
export function withChanges(entities: EntitySet, change: (draft: EntitySet) => void): EntitySet {
  const draft = cloneEntitySet(entities);
  change(draft);
  return draft;
}

/** A copy where every entity of `type` passing `select` is rewritten by `update`. */
export function updateEntities(
  entities: EntitySet,
  type: string,
  select: (entity: Readonly<Record<string, unknown>>) => boolean,
  update: (entity: Record<string, unknown>) => void,
): EntitySet {
  return withChanges(entities, (draft) => {
    for (const entity of Object.values(draft[type] ?? {})) if (select(entity)) update(entity);
  });
}

/** A copy without the entities of `type` passing `select` (load it with `mode: 'replace'`). */
export function removeEntities(entities: EntitySet, type: string, select: (entity: Readonly<Record<string, unknown>>) => boolean): EntitySet {
  return withChanges(entities, (draft) => {
    for (const [id, entity] of Object.entries(draft[type] ?? {})) if (select(entity)) delete draft[type]![id];
  });
}

/** Entity counts by type. */
export function countEntities(entities: EntitySet): Record<string, number> {
  return Object.fromEntries(Object.entries(entities).map(([type, byId]) => [type, Object.keys(byId).length]));
}

/** Collects entities by type and id while a generator builds them; refuses a duplicate id. */
export class EntitySetBuilder {
  readonly entities: EntitySet = {};

  add(type: string, entity: Record<string, unknown>): Record<string, unknown> {
    const id = String(entity.id);
    const byId = (this.entities[type] ??= {});
    if (id in byId) throw new Error(`test/harness/data/entity-set: ${type} ${id} added twice`);
    byId[id] = entity;
    return entity;
  }

  get(type: string, id: string): Record<string, unknown> {
    const entity = this.entities[type]?.[id];
    if (entity === undefined) throw new Error(`test/harness/data/entity-set: no ${type} ${id}`);
    return entity;
  }

  all(type: string): Record<string, unknown>[] {
    return Object.values(this.entities[type] ?? {});
  }
}
