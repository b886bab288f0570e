import { InvalidArgumentError, type Command } from 'commander';

/** Options every command that reads a snapshot shares. */
export interface SnapshotOptions {
  db?: string;
  snapshot?: number;
}

export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError(`expected a whole number ≥ 1, got ${JSON.stringify(value)}`);
  return number;
}

export function addSnapshotOptions(command: Command): Command {
  return command
    .option('--db <file>', 'DuckDB file (default data/contagion.duckdb, created from the embedded dataset on first use)')
    .option('--snapshot <id>', 'snapshot id (default: the newest in the database)', positiveInteger);
}

/** Progress and warnings go to stderr so that stdout stays parseable (`--json`). */
export const logToStderr = (line: string): void => {
  process.stderr.write(`${line}\n`);
};
