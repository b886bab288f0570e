import { describe, expect, it } from 'vitest';
import { mainDriver, runDiff } from '../../src/report/index.js';
import { after, before } from './run-metrics-fixture.js';

describe('runDiff', () => {
  it('states each scenario\'s move with its main driver, then the depth moves of 1 % or more', () => {
    expect(runDiff(before, after)).toEqual([
      'bad debt under eth-drop-30 rose from $1,000,000 to $3,500,000; main driver: compound-v3 (+$2,100,000) (snapshot #1 → #2)',
      'bad debt under usdc-depeg unchanged at $10 (snapshot #1 → #2)',
      'crypto-crash was not run last time; bad debt now $42,000,000',
      'DEX depth of WETH fell 50% from $700,000,000 to $350,000,000',
    ]);
  });

  it('says "fell" and names the protocol whose bad debt shrank most', () => {
    const [line] = runDiff({ ...after, snapshotId: 1 }, { ...before, depthUsd: after.depthUsd });
    expect(line).toBe('bad debt under eth-drop-30 fell from $3,500,000 to $1,000,000; main driver: compound-v3 (−$2,100,000)');
  });

  it('mainDriver counts a key missing on one side as zero and ignores sub-dollar moves', () => {
    expect(mainDriver({ a: 1 }, { b: -5 })).toEqual({ name: 'b', delta: -5 });
    expect(mainDriver({ a: 1 }, { a: 1.2 })).toBeNull();
  });
});
