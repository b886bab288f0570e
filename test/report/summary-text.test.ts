import { describe, expect, it } from 'vitest';
import { formatRunSummary, formatUsd, summaryText } from '../../src/report/index.js';
import { HOSTILE_PROTOCOL, HOSTILE_SYMBOL, SCENARIOS, toyReportInput } from './report-fixture.js';

describe('terminal summary', () => {
  const input = toyReportInput();
  const text = summaryText(input);

  it('lists every protocol of every scenario with its figures', () => {
    const blocks = text.split(/\n(?=Scenario )/).slice(1);
    expect(blocks).toHaveLength(input.runs.length);
    input.runs.forEach((run, i) => {
      for (const [protocol, badDebt] of Object.entries(run.result.badDebtByProtocol)) {
        const line = blocks[i]!.split('\n').find((l) => l.trimStart().startsWith(`${protocol} `));
        expect(line, protocol).toBeDefined();
        expect(line).toContain(formatUsd(run.result.liquidatedDebtUsdByProtocol[protocol]!));
        expect(line).toContain(formatUsd(badDebt));
      }
      expect(blocks[i]).toContain(`Bad debt:  ${formatUsd(run.result.totalBadDebtUsd)}`);
      expect(blocks[i]).toContain(`Rounds:    ${run.result.rounds} `);
    });
    expect(text).toContain(HOSTILE_PROTOCOL);
  });

  it('states shocks and the biggest price moves, shocked price to final', () => {
    expect(text).toContain('Shocks:    WETH ×0.7 (-30.0%)');
    expect(text).toContain(`${HOSTILE_SYMBOL} ×0.6 (-40.0%)`);
    expect(text).toMatch(/WETH\s+\$2,000\.00\s+\$1,400\.00\s+\$910\.52\s+-35\.0%\s+-54\.5%/);
    expect(text).toContain('No price moved.');
  });

  it('prints warnings, with terminal control characters neutralised', () => {
    const limited = toyReportInput([SCENARIOS[0]!], { maxRounds: 1 });
    const run = { ...limited.runs[0]!, warnings: [...limited.runs[0]!.warnings, 'symbol \u001b[31mRED\u001b[0m'] };
    const out = formatRunSummary(limited.snapshot, [run]);
    expect(out).toContain('Rounds:    1 (stopped at the round limit with accounts still under water)');
    expect(out).toMatch(/Warnings \(2\):\n {4}- \S*reference-cascade: stopped after 1 rounds/);
    expect(out).toContain('symbol ?[31mRED?[0m');
    expect(out).not.toContain('\u001b');
  });

  it('uses no colour codes and keeps tables fixed-width', () => {
    expect(text).not.toMatch(/\u001b/);
    const table = text.split('\n').filter((line) => line.startsWith('    ') && line.includes('  '));
    const rules = table.filter((line) => /^\s+-[- ]+$/.test(line));
    expect(rules.length).toBeGreaterThan(0);
  });

  it('matches the golden summary (numbers are rounded to whole dollars and tenths of a percent)', async () => {
    await expect(text).toMatchFileSnapshot('./golden/summary-text.txt');
  });
});
