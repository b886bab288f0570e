import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireScheduleLock, ScheduleOverlapError } from '../../src/cli/schedule-lock.js';

describe('acquireScheduleLock', () => {
  let dir: string;
  let lock: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'contagion-lock-'));
    lock = join(dir, 'db.duckdb.schedule.lock');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes a free lock, refuses a second taker while held, and frees it on release', () => {
    const release = acquireScheduleLock(lock, new Date('2026-11-25T12:00:00Z'));
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toEqual({ pid: process.pid, startedAt: '2026-11-25T12:00:00.000Z' });
    expect(() => acquireScheduleLock(lock)).toThrow(ScheduleOverlapError);
    expect(() => acquireScheduleLock(lock)).toThrow(/pid \d+, started 2026-11-25T12:00:00.000Z\) holds .*refused, not interleaved/);
    release();
    expect(existsSync(lock)).toBe(false);
    acquireScheduleLock(lock)();
  });

  it('takes over a lock left by a process that no longer runs, or an unreadable one', () => {
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: 'long ago' }));
    const release = acquireScheduleLock(lock);
    expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(process.pid);
    release();
    writeFileSync(lock, '{half');
    acquireScheduleLock(lock)();
    expect(existsSync(lock)).toBe(false);
  });

  it('leaves a lock alone on release once someone else holds it', () => {
    const release = acquireScheduleLock(lock);
    writeFileSync(lock, JSON.stringify({ pid: process.pid, startedAt: 'other' }));
    release();
    expect(existsSync(lock)).toBe(true);
  });
});
