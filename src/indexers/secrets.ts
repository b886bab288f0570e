import type { SourceConfig } from './config.js';
import { IndexerError } from './errors.js';

/** Where and how to send a source's queries, with its API key applied. */
export interface Endpoint {
  url: string;
  headers: Record<string, string>;
}

/**
 * Replaces every API key value in a text with "[redacted]". Each run builds one from the keys it
 * read, and every message that leaves the indexers goes through it, so a key reaches neither a
 * log, a report, nor an error.
 */
export class Redactor {
  private readonly secrets: string[] = [];

  add(secret: string): void {
    if (secret.length > 0 && !this.secrets.includes(secret)) this.secrets.push(secret);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) {
      out = out.split(secret).join('[redacted]');
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) out = out.split(encoded).join('[redacted]');
    }
    return out;
  }

  /** The same error with the key scrubbed from its message and stack (class and fields kept). */
  redactError(error: unknown): Error {
    if (!(error instanceof Error)) return new Error(this.redact(String(error)));
    error.message = this.redact(error.message);
    if (error.stack !== undefined) error.stack = this.redact(error.stack);
    return error;
  }
}

/** The endpoint of a source with its key from the environment; a missing variable is an error that names it, never a value. */
export function resolveEndpoint(source: SourceConfig, env: Readonly<Record<string, string | undefined>>, redactor: Redactor): Endpoint {
  if (source.apiKeyEnv === undefined) {
    if (source.endpoint.includes('{apiKey}')) {
      throw new IndexerError(`endpoint has an {apiKey} placeholder but no apiKeyEnv names the variable holding the key`, { source: source.name });
    }
    return { url: source.endpoint, headers: {} };
  }
  const key = env[source.apiKeyEnv];
  if (key === undefined || key === '') {
    throw new IndexerError(`environment variable ${source.apiKeyEnv} (apiKeyEnv) is not set`, { source: source.name });
  }
  redactor.add(key);
  if (source.endpoint.includes('{apiKey}')) {
    return { url: source.endpoint.split('{apiKey}').join(encodeURIComponent(key)), headers: {} };
  }
  return { url: source.endpoint, headers: { Authorization: `Bearer ${key}` } };
}
