/**
 * Scenario grids from configuration (a venue's `margin_grid` setting, a JSON file): a zod schema
 * for a list of {spotMove, volMove, weight} and the vol rule that reads `volMove`. `spotMove` is a
 * relative move (−0.1 = spot down 10%, −1 = spot to zero); with the default rule
 * (`relative`, up = down = 1) `volMove` is a relative change of vol (0.2 = vol × 1.2).
 */
import { z } from 'zod';
import { MarginError } from './errors.js';
import { makeScenarioGrid, type ScenarioGrid } from './scenario-grid.js';

const nonNegative = z.number().finite().nonnegative();

export const volShockRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('relative'), up: nonNegative, down: nonNegative }),
  z.object({ kind: z.literal('absolute'), up: nonNegative, down: nonNegative }),
  z.object({
    kind: z.literal('term-structure'),
    up: nonNegative,
    down: nonNegative,
    shortTermPower: nonNegative,
    longTermPower: nonNegative,
    pivotYears: z.number().finite().positive(),
    dteFloorYears: z.number().finite().positive(),
  }),
]);

export const customGridSchema = z.object({
  name: z.string().min(1).default('custom'),
  source: z.string().min(1).default('custom grid from configuration'),
  volShock: volShockRuleSchema.default({ kind: 'relative', up: 1, down: 1 }),
  horizonYears: nonNegative.default(0),
  scenarios: z
    .array(
      z.object({
        spotMove: z.number().finite().min(-1),
        volMove: z.number().finite().default(0),
        weight: nonNegative.default(1),
        label: z.string().optional(),
      }),
    )
    .min(1),
});

export type CustomGridConfig = z.input<typeof customGridSchema>;

/** Parses a configuration object (throws a MarginError naming the path of the first bad field). */
export function customGrid(config: unknown): ScenarioGrid {
  const parsed = customGridSchema.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MarginError(`custom grid: field ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const g = parsed.data;
  return makeScenarioGrid(
    g.name,
    g.source,
    g.scenarios.map((s) => ({
      spotMultiplier: 1 + s.spotMove,
      volMove: s.volMove,
      lossWeight: s.weight,
      ...(s.label === undefined ? {} : { label: s.label }),
    })),
    g.volShock,
    g.horizonYears,
  );
}
