/**
 * Which Messari lending schema a source's subgraph is on (`options.schemaVersion`), and the line of
 * queries and item shapes that reads it. Production deployments (data/subgraphs/messari-deployments.json)
 * are on 3.1.0, 3.0.1, 2.0.1, 1.3.0 and 1.3.1; 3.1.0 is the default. 3.0.1 has every field the 3.x
 * queries select; 1.3.1 differs from 1.3.0 only in enum values and directives (QiDAO's schema.graphql).
 */
import { z } from 'zod';
import type { SourceConfig } from '../../config.js';
import { parseOptions, pricesOption } from '../shared/subgraph-fields.js';

export const SCHEMA_VERSIONS = ['3.1.0', '3.0.1', '2.0.1', '1.3.0', '1.3.1'] as const;
export type SchemaVersion = (typeof SCHEMA_VERSIONS)[number];

/** Versions that share queries and item shapes. */
export type SchemaLine = '3.x' | '2.0.1' | '1.3.x';

export const lineOf = (version: SchemaVersion): SchemaLine => (version.startsWith('3.') ? '3.x' : version === '2.0.1' ? '2.0.1' : '1.3.x');

export const messariLendingOptions = z.strictObject({
  prices: pricesOption,
  schemaVersion: z.enum(SCHEMA_VERSIONS).default('3.1.0'),
});
export type MessariLendingOptions = z.infer<typeof messariLendingOptions>;

/** A source's checked options; a bad one is an error naming the field. */
export const messariLendingOptionsOf = (config: SourceConfig): MessariLendingOptions => parseOptions(messariLendingOptions, config.options, config.name);

/**
 * A warning when the subgraph reports (LendingProtocol.schemaVersion) a major version other than the
 * configured one: its items were read with the queries of another line. Null when they agree.
 */
export function versionMismatch(configured: SchemaVersion, reported: string): string | null {
  const major = (v: string) => v.trim().split('.')[0];
  if (major(reported) === major(configured)) return null;
  return `options.schemaVersion is ${configured} but the subgraph reports schema ${JSON.stringify(reported)}; set options.schemaVersion to the subgraph's version`;
}
