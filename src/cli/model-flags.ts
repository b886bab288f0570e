import { InvalidArgumentError, type Command } from 'commander';
import type { ContagionOptions } from '../contagion/index.js';

const fraction = (value: string): number => {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError(`expected a number in [0, 1], got ${JSON.stringify(value)}`);
  return n;
};
const nonNegative = (value: string): number => {
  const n = Number(value);
  if (!(n >= 0) || !Number.isFinite(n)) throw new InvalidArgumentError(`expected a number ≥ 0, got ${JSON.stringify(value)}`);
  return n;
};
const wholeRounds = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number of rounds ≥ 0, got ${JSON.stringify(value)}`);
  return n;
};
const oracleModel = (value: string): 'chainlink' => {
  if (value !== 'chainlink') throw new InvalidArgumentError(`expected chainlink, got ${JSON.stringify(value)}`);
  return value;
};
const liquidityModel = (value: string): ContagionOptions['liquidity'] => {
  if (value !== 'pools' && value !== 'curves') throw new InvalidArgumentError(`expected pools or curves, got ${JSON.stringify(value)}`);
  return value;
};

export interface ModelFlags {
  arbitrageInflow?: number;
  liquidatorCapacity?: number;
  gasGwei?: number;
  gasPerLiquidation?: number;
  insurance?: boolean;
  maxRounds?: number;
  oracleLag?: number;
  oracle?: string;
  roundSeconds?: number;
  liquidity?: ContagionOptions['liquidity'];
  derivedPricing?: 'market' | 'exchange-rate';
  peg?: Record<string, number>;
  receiptContagion?: boolean;
}

const valuation = (value: string): 'market' | 'exchange-rate' => {
  if (value !== 'market' && value !== 'exchange-rate') throw new InvalidArgumentError(`expected market or exchange-rate, got ${JSON.stringify(value)}`);
  return value;
};

/** `--peg wstETH=0.94`, repeatable: a market peg multiplier per derived asset. */
const pegEntry = (value: string, previous: Record<string, number> | undefined): Record<string, number> => {
  const match = /^([^=\s]+)=(.+)$/.exec(value);
  const multiplier = match === null ? NaN : Number(match[2]);
  if (match === null || !(multiplier > 0) || !Number.isFinite(multiplier)) {
    throw new InvalidArgumentError(`expected SYMBOL=multiplier with a multiplier > 0 (wstETH=0.94), got ${JSON.stringify(value)}`);
  }
  return { ...previous, [match[1]!]: multiplier };
};

/** The contagion-model flags `run`, `report` and `rank` share; a scenario's `model` sets the same things. */
export function addModelFlags(command: Command): Command {
  return command
    .option('--arbitrage-inflow <alpha>', 'share of the gap to the outside price arbitrage closes after each round, 0–1 (default 0: none)', fraction)
    .option('--liquidator-capacity <multiplier>', "limit liquidators' capital per round to this multiple of the largest repayment each made in the liquidation history", nonNegative)
    .option('--gas-gwei <price>', 'gas price: liquidations whose bonus is below their gas cost wait', nonNegative)
    .option('--gas-per-liquidation <gas>', 'gas one liquidation uses (with --gas-gwei; default 350,000, an assumption: a liquidationCall plus a swap)', nonNegative)
    .option('--insurance', "cover each protocol's bad debt from its insurance fund first, then socialise the rest over its suppliers")
    .option('--oracle-lag <rounds>', 'decide liquidations at oracle prices this many rounds behind the pools (starting from the pre-shock prices)', wholeRounds)
    .option('--oracle <model>', 'chainlink: oracles update at 0.5% deviation or every 3,600 s (ETH/USD mainnet), starting from the pre-shock prices', oracleModel)
    .option('--round-seconds <s>', 'duration of a cascade round for the oracle clock (default 12: one block)', nonNegative)
    .option(
      '--liquidity <model>',
      'pools: one constant-product pool per asset (default); curves: sales routed across each asset\'s indexed venues (Uniswap v3 ticks, Curve StableSwap, constant product)',
      liquidityModel,
    )
    .option(
      '--derived-pricing <valuation>',
      "price wrappers, LSTs, receipt and LP tokens from what they derive from; lending oracles read the 'market' price or the 'exchange-rate' (rate × parent, blind to a depeg)",
      valuation,
    )
    .option('--peg <symbol=multiplier>', "break a derived asset's market peg (repeatable: --peg wstETH=0.94 --peg cbETH=0.97); implies --derived-pricing market unless given", pegEntry)
    .option('--receipt-contagion', "write a protocol's receipt tokens down by its bad debt beyond its insurance fund, re-priced wherever they are collateral (implies derived pricing)");
}

/** The flags given, as solver options (only those given: a scenario's model fills the rest). */
export function modelOverrides(flags: ModelFlags): Partial<ContagionOptions> {
  const out: Partial<ContagionOptions> = {};
  if (flags.maxRounds !== undefined) out.maxRounds = flags.maxRounds;
  if (flags.arbitrageInflow !== undefined) out.arbitrageInflow = flags.arbitrageInflow;
  if (flags.liquidatorCapacity !== undefined) out.liquidatorCapacity = { multiplier: flags.liquidatorCapacity, protocolsWithoutHistory: 'unlimited' };
  if (flags.gasGwei !== undefined) out.gas = { priceGwei: flags.gasGwei, gasPerLiquidation: flags.gasPerLiquidation ?? 350_000, ethAsset: 'WETH' };
  if (flags.insurance) out.insuranceFunds = true;
  if (flags.liquidity !== undefined) out.liquidity = flags.liquidity;
  if (flags.derivedPricing !== undefined || flags.peg !== undefined) out.derivedPricing = { valuation: flags.derivedPricing ?? 'market', pegs: flags.peg ?? {} };
  if (flags.receiptContagion) out.receiptContagion = true;
  const roundSeconds = flags.roundSeconds ?? 12;
  if (flags.oracleLag !== undefined) {
    if (!Number.isInteger(flags.oracleLag)) throw new InvalidArgumentError(`--oracle-lag must be a whole number of rounds, got ${flags.oracleLag}`);
    out.oracle = { model: 'lag', lagRounds: flags.oracleLag, roundSeconds };
  } else if (flags.oracle !== undefined) {
    if (flags.oracle !== 'chainlink') throw new InvalidArgumentError(`--oracle must be chainlink, got ${JSON.stringify(flags.oracle)}`);
    out.oracle = { model: 'chainlink', deviationThreshold: 0.005, heartbeatSeconds: 3600, roundSeconds };
  }
  return out;
}
