import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';

/** Another scheduled run holds the lock: the new one is refused, not interleaved. */
export class ScheduleOverlapError extends Error {
  override name = 'ScheduleOverlapError';
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes the lock file `path` (created exclusively, holding this process's pid and start time).
 * A lock left by a process that no longer runs is taken over; one held by a live process throws
 * `ScheduleOverlapError`. Returns the release function (removes the file if it is still ours).
 */
export function acquireScheduleLock(path: string, now: Date = new Date()): () => void {
  const content = JSON.stringify({ pid: process.pid, startedAt: now.toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, content, { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(path, 'utf8') === content) unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder: { pid?: unknown; startedAt?: unknown } = {};
    try {
      holder = JSON.parse(readFileSync(path, 'utf8')) as typeof holder;
    } catch {
      // unreadable or half-written: treated as stale
    }
    if (typeof holder.pid === 'number' && alive(holder.pid)) {
      throw new ScheduleOverlapError(
        `src/cli/schedule-lock: another scheduled run (pid ${holder.pid}, started ${String(holder.startedAt)}) holds ${path}; this run is refused, not interleaved`,
      );
    }
    try {
      unlinkSync(path);
    } catch {
      // someone else removed it first
    }
  }
  throw new ScheduleOverlapError(`src/cli/schedule-lock: could not take ${path}: another run took it first; this run is refused`);
}
