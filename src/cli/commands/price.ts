import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { optionQuote, type OptionQuote, type OptionQuoteInput } from '../../risk/index.js';

/** The flags, which are also the column names of `--csv`. */
const FIELDS = ['type', 'spot', 'strike', 'expiry-years', 'vol', 'rate', 'yield', 'jump-intensity', 'jump-vol-share'] as const;
const positive = z.coerce.number().finite().positive();
const row = z.object({
  type: z.enum(['call', 'put']),
  spot: positive,
  strike: positive,
  'expiry-years': z.coerce.number().finite().nonnegative(),
  vol: z.coerce.number().finite().nonnegative(),
  rate: z.coerce.number().finite().optional(),
  yield: z.coerce.number().finite().optional(),
  'jump-intensity': z.coerce.number().finite().nonnegative().optional(),
  'jump-vol-share': z.coerce.number().min(0).max(1).optional(),
});

function toInput(values: Record<string, unknown>, where: string): OptionQuoteInput {
  const cleaned = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = row.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`contagion/price: ${where}field "${issue.path.join('.')}": ${issue.message}`);
  }
  const r = parsed.data;
  return {
    type: r.type, spot: r.spot, strike: r.strike, expiryYears: r['expiry-years'], vol: r.vol,
    ...(r.rate === undefined ? {} : { rate: r.rate }), ...(r.yield === undefined ? {} : { yield: r.yield }),
    ...(r['jump-intensity'] === undefined ? {} : { jumpIntensity: r['jump-intensity'] }),
    ...(r['jump-vol-share'] === undefined ? {} : { jumpVolShare: r['jump-vol-share'] }),
  };
}

/** The JSON contract: exactly these keys, vega and rho per 1.00, theta per year. */
const asJson = (q: OptionQuote) => ({ price: q.price, delta: q.delta, gamma: q.gamma, vega: q.vega, theta: q.theta, rho: q.rho });

function table(q: OptionQuote): string {
  const f = (x: number, digits = 6) => x.toFixed(digits).padStart(14);
  return [
    `model  ${q.model}`,
    `price  ${f(q.price)}`,
    `delta  ${f(q.delta)}`,
    `gamma  ${f(q.gamma, 8)}`,
    `vega   ${f(q.vega)} per 1.00 of vol   ${f(q.vega / 100)} per 1% point`,
    `theta  ${f(q.theta)} per year         ${f(q.theta / 365)} per day`,
    `rho    ${f(q.rho)} per 1.00 of rate  ${f(q.rho / 100)} per 1% point`,
    '',
  ].join('\n');
}

/** `contagion price`: one option, or many from a CSV, priced with their Greeks. */
export function registerPrice(program: Command): void {
  const command = program
    .command('price')
    .description('price one option with its Greeks (Black–Scholes–Merton, or Merton jump-diffusion), or every row of a CSV file');
  for (const field of FIELDS) command.option(`--${field} <value>`);
  command
    .option('--csv <file>', `price every row of a CSV with columns ${FIELDS.join(', ')}; prints one JSON object per line`)
    .option('--json', 'print the JSON object (price, delta, gamma, vega, theta, rho)')
    .action((options: Record<string, string | boolean | undefined>) => {
      if (typeof options.csv === 'string') {
        const records = parse(readFileSync(options.csv), { columns: true, bom: true, skip_empty_lines: true, trim: true, info: true }) as { record: Record<string, string>; info: { lines: number } }[];
        for (const { record, info } of records) {
          const unknown = Object.keys(record).filter((k) => !(FIELDS as readonly string[]).includes(k));
          if (unknown.length > 0) throw new Error(`contagion/price: ${options.csv} line 1: unknown columns ${unknown.join(', ')} (expected ${FIELDS.join(', ')})`);
          const quote = optionQuote(toInput(record, `${options.csv} line ${info.lines}: `));
          process.stdout.write(`${JSON.stringify(asJson(quote))}\n`);
        }
        return;
      }
      const values = Object.fromEntries(FIELDS.map((f) => [f, options[camel(f)]]));
      const quote = optionQuote(toInput(values, ''));
      process.stdout.write(options.json ? `${JSON.stringify(asJson(quote), null, 2)}\n` : table(quote));
    });
}

const camel = (flag: string): string => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
