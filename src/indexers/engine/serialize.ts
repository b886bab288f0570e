/**
 * A one-at-a-time lane: pages are fetched concurrently, but a DuckDB connection runs one
 * transaction at a time, so every staging write queues here.
 */
export function serialized(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** Runs `tasks` with at most `limit` in flight; the first failure rejects (the rest still settle). */
export async function runBounded(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  let firstError: unknown = null;
  const worker = async (): Promise<void> => {
    while (next < tasks.length && firstError === null) {
      const task = tasks[next++]!;
      try {
        await task();
      } catch (error) {
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  if (firstError !== null) throw firstError;
}
