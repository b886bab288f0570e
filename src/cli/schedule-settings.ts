import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseIndexerConfig, type IndexerConfig } from '../indexers/index.js';
import { parseScheduleConfig, type ScheduleConfig } from '../report/index.js';
import { projectRoot } from '../store/index.js';

/** What `contagion schedule` reads from the config file: its `schedule` section and, to index, its `sources`. */
export interface ScheduleSettings {
  schedule: ScheduleConfig;
  /** The indexer config when the run indexes first (the file has `sources` and `schedule.index` is not false). */
  indexer: IndexerConfig | null;
}

/**
 * Loads the config: `--config FILE` (must exist), else contagion.config.json in the current
 * folder, else none (defaults: eth-drop-30, no alerts, no indexing). The indexer's part is checked
 * by the indexer's own schema, without the `schedule` section.
 */
export function loadScheduleSettings(configFlag: string | undefined): ScheduleSettings {
  const path = configFlag === undefined ? defaultConfig() : resolve(configFlag);
  if (path === null) return { schedule: parseScheduleConfig(undefined, '(no config file)'), indexer: null };
  if (!existsSync(path)) throw new Error(`src/cli/schedule-settings: config file ${path} does not exist`);
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`src/cli/schedule-settings: ${path}: not valid JSON: ${(error as Error).message}`);
  }
  const { schedule: section, ...rest } = json;
  const schedule = parseScheduleConfig(section, path);
  const wantsIndex = schedule.index ?? rest.sources !== undefined;
  return { schedule, indexer: wantsIndex ? parseIndexerConfig(rest, path) : null };
}

function defaultConfig(): string | null {
  const local = resolve('contagion.config.json');
  if (existsSync(local)) return local;
  const root = resolve(projectRoot(), 'contagion.config.json');
  return existsSync(root) ? root : null;
}
