import type { Command } from 'commander';
import { scenariosDir } from '../../pipeline/index.js';
import { listScenarios, loadScenario } from '../../scenarios/index.js';

export function registerScenarios(program: Command): void {
  program
    .command('scenarios')
    .description('list the bundled scenarios')
    .option('--json', 'print them as JSON')
    .action((options: { json?: boolean }) => {
      const scenarios = listScenarios(scenariosDir()).map((name) => loadScenario(name, scenariosDir()));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(scenarios, null, 2)}\n`);
        return;
      }
      for (const s of scenarios) {
        const shocks = Object.entries(s.shocks).map(([asset, m]) => `${asset} ×${m}`).join(', ') || 'none';
        process.stdout.write(`${s.name.padEnd(14)} ${s.description}\n${' '.repeat(15)}shocks: ${shocks}\n`);
      }
    });
}
