/**
 * An indexing failure, naming where it happened: the source, the entity, the cursor (the last id
 * read before the failing page) and what was wrong. Messages never contain an API key: every
 * message is passed through the run's redactor before it leaves the indexers.
 */
export class IndexerError extends Error {
  readonly source: string | null;
  readonly entity: string | null;
  readonly cursor: string | null;

  constructor(problem: string, where: { source?: string; entity?: string; cursor?: string } = {}) {
    const parts = [
      where.source === undefined ? null : `source ${where.source}`,
      where.entity === undefined ? null : `entity ${where.entity}`,
      where.cursor === undefined ? null : `after id ${JSON.stringify(where.cursor)}`,
    ].filter((p): p is string => p !== null);
    super(`contagion/indexers: ${parts.length > 0 ? `${parts.join(', ')}: ` : ''}${problem}`);
    this.name = 'IndexerError';
    this.source = where.source ?? null;
    this.entity = where.entity ?? null;
    this.cursor = where.cursor ?? null;
  }
}
