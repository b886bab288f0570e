/**
 * An in-memory, block-versioned entity store, like graph-node's tables where every entity
 * version carries the block range `[from, to)` it was valid for: a query at block N sees the
 * versions with from ≤ N < to. Writes must move forward in blocks, as indexing does.
 */

/** Entities by type name, then by id; values as the generators write them. */
export type EntitySet = Record<string, Record<string, Record<string, unknown>>>;

export interface EntityVersion {
  readonly from: number;
  /** First block at which this version is no longer valid; `undefined` while it is current. */
  to: number | undefined;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface LoadOptions {
  /**
   * `upsert` (default) writes the given entities and leaves the others alone; `replace` also
   * removes, at `atBlock`, every entity of the given types that the set does not contain.
   */
  readonly mode?: 'upsert' | 'replace';
}

const visible = (v: EntityVersion, block: number): boolean => v.from <= block && (v.to === undefined || block < v.to);

export class EntityStore {
  private readonly versions = new Map<string, Map<string, EntityVersion[]>>();
  private latest = 0;

  /** The highest block anything was written at (0 for an empty store). */
  get latestBlock(): number {
    return this.latest;
  }

  /** Loads a generator's entity set as the state written at `atBlock`. */
  load(entities: EntitySet, atBlock: number, options: LoadOptions = {}): void {
    for (const [type, byId] of Object.entries(entities)) {
      for (const [id, data] of Object.entries(byId)) this.set(type, id, data, atBlock);
      if (options.mode === 'replace') {
        for (const id of this.ids(type, atBlock)) if (!(id in byId)) this.remove(type, id, atBlock);
      }
    }
  }

  /** Writes one entity version at `atBlock`; an unchanged entity keeps its current version. */
  set(type: string, id: string, data: Readonly<Record<string, unknown>>, atBlock: number): void {
    this.checkBlock(atBlock, `${type} ${id}`);
    if (data.id !== undefined && String(data.id) !== id) {
      throw new Error(`test/harness/entity-store: ${type} stored under id ${JSON.stringify(id)} has id ${JSON.stringify(data.id)}`);
    }
    const history = this.history(type, id);
    const current = history.at(-1);
    const stored = Object.freeze({ ...data, id });
    if (current !== undefined && current.to === undefined) {
      if (sameData(current.data, stored)) return;
      if (current.from === atBlock) {
        history[history.length - 1] = { from: atBlock, to: undefined, data: stored };
        return;
      }
      current.to = atBlock;
    }
    history.push({ from: atBlock, to: undefined, data: stored });
  }

  /** Ends an entity's life at `atBlock` (it is still visible to queries at earlier blocks). */
  remove(type: string, id: string, atBlock: number): void {
    this.checkBlock(atBlock, `${type} ${id}`);
    const current = this.versions.get(type)?.get(id)?.at(-1);
    if (current === undefined || current.to !== undefined) return;
    current.to = atBlock;
  }

  /** The version of an entity visible at `block`, if any. */
  version(type: string, id: string, block: number): EntityVersion | undefined {
    const history = this.versions.get(type)?.get(id);
    if (history === undefined) return undefined;
    for (let i = history.length - 1; i >= 0; i--) if (visible(history[i]!, block)) return history[i];
    return undefined;
  }

  get(type: string, id: string, block: number): Readonly<Record<string, unknown>> | undefined {
    return this.version(type, id, block)?.data;
  }

  /** Every entity of `type` visible at `block`, with the block its version started at. */
  *list(type: string, block: number): IterableIterator<EntityVersion> {
    for (const history of this.versions.get(type)?.values() ?? []) {
      for (let i = history.length - 1; i >= 0; i--) {
        if (visible(history[i]!, block)) {
          yield history[i]!;
          break;
        }
      }
    }
  }

  ids(type: string, block: number): string[] {
    return [...this.list(type, block)].map((v) => String(v.data.id));
  }

  /** Entity counts by type at `block`, for tests and log lines. */
  counts(block: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (const type of this.versions.keys()) out[type] = [...this.list(type, block)].length;
    return out;
  }

  private history(type: string, id: string): EntityVersion[] {
    let byId = this.versions.get(type);
    if (byId === undefined) this.versions.set(type, (byId = new Map()));
    let history = byId.get(id);
    if (history === undefined) byId.set(id, (history = []));
    return history;
  }

  private checkBlock(atBlock: number, what: string): void {
    if (!Number.isInteger(atBlock) || atBlock < 0) throw new Error(`test/harness/entity-store: ${what}: block ${atBlock} is not a block number`);
    if (atBlock < this.latest) {
      throw new Error(`test/harness/entity-store: ${what}: cannot write at block ${atBlock}, the store already has block ${this.latest}`);
    }
    this.latest = atBlock;
  }
}

function sameData(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const replacer = (_: string, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v);
  return JSON.stringify(a, replacer) === JSON.stringify(b, replacer);
}
