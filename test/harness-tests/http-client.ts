/** Plain-fetch GraphQL calls for the harness tests, and a reference `id_gt` pager. */

export interface PostResult {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: { data?: Record<string, unknown> | null; errors?: { message: string; locations?: unknown }[]; error?: string } | undefined;
}

export async function post(url: string, query: string, variables: Record<string, unknown> = {}, init: RequestInit = {}): Promise<PostResult> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }), ...init });
  const text = await response.text();
  let json: PostResult['json'];
  try {
    json = JSON.parse(text) as PostResult['json'];
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** `data` of a successful reply; throws with the errors otherwise. */
export async function query<T = Record<string, unknown>>(url: string, text: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await post(url, text, variables);
  if (result.status !== 200 || result.json?.errors !== undefined || result.json?.data == null) {
    throw new Error(`test/harness-tests/http-client: query failed (${result.status}): ${result.text.slice(0, 500)}`);
  }
  return result.json.data as T;
}

/**
 * Reads a whole collection the way the indexers must: pinned at one block, ordered by id, each
 * page after the last id of the previous one (`$lastId`), until a page comes back short.
 */
export async function readAll(url: string, text: string, variables: { block: number; first: number } & Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  let lastId = '';
  for (;;) {
    const { items } = await query<{ items: Record<string, unknown>[] }>(url, text, { ...variables, lastId });
    all.push(...items);
    if (items.length < variables.first) return all;
    lastId = String(items.at(-1)!.id);
  }
}
