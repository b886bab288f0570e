import { z } from 'zod';

/**
 * A stress scenario: price multipliers by asset symbol (0.7 = the price falls 30%), and optional
 * implied-vol multipliers by underlying for options venues. Assets not named keep their snapshot
 * price. Extra keys are kept for models that read them.
 */
export const scenarioSchema = z.looseObject({
  name: z.string().min(1),
  description: z.string().default(''),
  /** Where the numbers come from (a replay's price moves): shown with the scenario in reports. */
  sources: z.array(z.string().min(1)).optional(),
  shocks: z.record(z.string().min(1), z.number().positive().finite()),
  /** Multipliers on options venues' implied vols, by underlying symbol (1.5 = vols up 50%). */
  volShocks: z.record(z.string().min(1), z.number().positive().finite()).default({}),
  /**
   * Market pegs of derived assets (wstETH: 0.94 trades 6% under exchange rate × ETH), applied on
   * top of the parent's move; they turn derived pricing on (market valuation unless the model says).
   */
  pegs: z.record(z.string().min(1), z.number().positive().finite()).default({}),
  /** Contagion-model options for this scenario (src/contagion/contagion-cascade.ts); CLI flags override them. */
  model: z
    .strictObject({
      maxRounds: z.number().int().min(1).optional(),
      arbitrageInflow: z.number().min(0).max(1).optional(),
      liquidatorCapacity: z
        .strictObject({ multiplier: z.number().nonnegative(), protocolsWithoutHistory: z.enum(['unlimited', 'none']).default('unlimited') })
        .nullable()
        .optional(),
      gas: z
        .strictObject({ priceGwei: z.number().nonnegative(), gasPerLiquidation: z.number().nonnegative(), ethAsset: z.string().default('WETH') })
        .nullable()
        .optional(),
      insuranceFunds: z.boolean().optional(),
      oracle: z
        .union([
          z.strictObject({ model: z.literal('lag'), lagRounds: z.number().int().min(0), roundSeconds: z.number().positive().default(12) }),
          z.strictObject({
            model: z.literal('chainlink'), deviationThreshold: z.number().positive().default(0.005),
            heartbeatSeconds: z.number().positive().default(3600), roundSeconds: z.number().positive().default(12),
          }),
        ])
        .nullable()
        .optional(),
      /** 'pools': one constant-product pool per asset (the reference); 'curves': each asset's indexed venues (src/contagion/liquidity). */
      liquidity: z.enum(['pools', 'curves']).optional(),
      /** Derived-asset pricing (src/contagion/derived-assets.ts); the scenario's `pegs` join it. */
      derivedPricing: z.strictObject({ valuation: z.enum(['market', 'exchange-rate']).default('market') }).nullable().optional(),
      receiptContagion: z.boolean().optional(),
    })
    .default({}),
});

export type Scenario = z.infer<typeof scenarioSchema>;

/** The scenario `contagion run` and `contagion report` use when none is named. */
export const DEFAULT_SCENARIO = 'eth-drop-30';
