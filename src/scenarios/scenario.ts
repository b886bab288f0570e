import { z } from 'zod';

/**
 * A stress scenario: price multipliers by asset symbol (0.7 = the price falls 30%), and optional
 * implied-vol multipliers by underlying for options venues. Assets not named keep their snapshot
 * price. Extra keys are kept for models that read them.
 */
export const scenarioSchema = z.looseObject({
  name: z.string().min(1),
  description: z.string().default(''),
  shocks: z.record(z.string().min(1), z.number().positive().finite()),
  /** Multipliers on options venues' implied vols, by underlying symbol (1.5 = vols up 50%). */
  volShocks: z.record(z.string().min(1), z.number().positive().finite()).default({}),
});

export type Scenario = z.infer<typeof scenarioSchema>;

/** The scenario `contagion run` and `contagion report` use when none is named. */
export const DEFAULT_SCENARIO = 'eth-drop-30';
