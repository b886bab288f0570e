import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scenarioSchema, type Scenario } from './scenario.js';

export class ScenarioError extends Error {
  constructor(message: string) {
    super(`contagion/scenarios: ${message}`);
    this.name = 'ScenarioError';
  }
}

/** Parses scenario JSON text, naming the source and the field at fault. */
export function parseScenario(text: string, source: string): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError(`${source}: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ScenarioError(`${source}: field "${issue.path.join('.') || '(root)'}": ${issue.message}`);
  }
  return parsed.data;
}

/**
 * A scenario by bundled name (`eth-drop-30` → `<scenariosDir>/eth-drop-30.json`) or by path to a
 * JSON file.
 */
export function loadScenario(nameOrPath: string, scenariosDir: string): Scenario {
  const bundled = join(scenariosDir, `${nameOrPath}.json`);
  const path = /^[a-z0-9-]+$/i.test(nameOrPath) && existsSync(bundled) ? bundled : resolve(nameOrPath);
  if (!existsSync(path)) {
    throw new ScenarioError(`no scenario ${JSON.stringify(nameOrPath)}: not a bundled name (${listScenarios(scenariosDir).join(', ')}) nor a file`);
  }
  return parseScenario(readFileSync(path, 'utf8'), path);
}

/** Names of the bundled scenarios. */
export function listScenarios(scenariosDir: string): string[] {
  return readdirSync(scenariosDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}
