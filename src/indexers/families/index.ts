import type { SourceSchema } from '../config.js';
import type { SourceFamily } from '../source-family.js';

/** The indexer for each schema family named in a source's config. */
export const SOURCE_FAMILIES: Partial<Record<SourceSchema, SourceFamily>> = {};
