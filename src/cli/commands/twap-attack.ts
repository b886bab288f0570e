import { InvalidArgumentError, type Command } from 'commander';
import { assessTwapAttack, twapAttackBook } from '../../contagion/oracles/index.js';
import { openSnapshot } from '../../pipeline/index.js';
import { formatPrice, formatUsd } from '../../report/index.js';
import { addSnapshotOptions, logToStderr, type SnapshotOptions } from '../options.js';

interface TwapAttackOptions extends SnapshotOptions {
  asset: string;
  move: number;
  windowSeconds: number;
  blockSeconds: number;
  mean: 'arithmetic' | 'geometric';
  fee: number;
  protocol?: string;
  json?: boolean;
}

const positive = (value: string): number => {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError(`expected a number > 0, got ${JSON.stringify(value)}`);
  return n;
};
const feeRate = (value: string): number => {
  const n = Number(value);
  if (!(n >= 0 && n < 1)) throw new InvalidArgumentError(`expected a fee in [0, 1), got ${JSON.stringify(value)}`);
  return n;
};
const mean = (value: string): 'arithmetic' | 'geometric' => {
  if (value !== 'arithmetic' && value !== 'geometric') throw new InvalidArgumentError(`expected arithmetic (Uniswap v2) or geometric (Uniswap v3), got ${JSON.stringify(value)}`);
  return value;
};

/**
 * `contagion twap-attack`: for an asset whose lending oracle reads a DEX TWAP, what pushing the TWAP
 * up by a given share costs (from the pool's depth) and the bad debt borrowing against the inflated
 * collateral and walking away would unlock (src/contagion/oracles/assess-twap-attack.ts).
 */
export function registerTwapAttack(program: Command): void {
  addSnapshotOptions(
    program
      .command('twap-attack')
      .description("cost of pushing an asset's DEX TWAP oracle up by a share, from its pool depth, and the bad debt that borrow-and-abandon at the inflated price unlocks")
      .requiredOption('--asset <symbol>', 'the collateral asset whose oracle is a TWAP of its DEX pool')
      .option('--move <share>', 'upward move of the TWAP to buy (0.2 = +20%)', positive, 0.2)
      .option('--window-seconds <s>', 'TWAP window (default 1,800 s)', positive, 1800)
      .option('--block-seconds <s>', 'block time (default 12 s, Ethereum)', positive, 12)
      .option('--mean <kind>', 'arithmetic (Uniswap v2) or geometric (Uniswap v3) TWAP', mean, 'arithmetic')
      .option('--fee <rate>', 'swap fee paid on each push (default 0.003)', feeRate, 0.003)
      .option('--protocol <name>', "only this protocol's borrowers")
      .option('--json', 'print JSON'),
  ).action(async (options: TwapAttackOptions) => {
    const { database, snapshot } = await openSnapshot({ db: options.db, snapshot: options.snapshot, log: logToStderr });
    database.close();
    const input = twapAttackBook(snapshot, options.asset, options.protocol ?? null);
    const result = assessTwapAttack(
      { depth: input.depth, twapMove: options.move, windowSeconds: options.windowSeconds, blockSeconds: options.blockSeconds, book: input.book },
      { mean: options.mean, feeRate: options.fee },
    );
    const warnings = [...result.warnings];
    if (input.thresholdFallbacks > 0) warnings.push(`contagion/twap-attack: ${input.thresholdFallbacks} collateral position(s) without a market LTV were given their liquidation threshold (an upper bound on borrowing power)`);
    for (const w of warnings) logToStderr(w);
    const byAccount = input.account
      .map((account, k) => ({ protocol: input.protocol[k]!, account, unlockedBadDebtUsd: result.unlocked.byAccount.unlockedBadDebtUsd[k]! }))
      .filter((a) => a.unlockedBadDebtUsd > 0)
      .sort((a, b) => b.unlockedBadDebtUsd - a.unlockedBadDebtUsd);
    if (options.json) {
      const { unlocked, manipulation, ...rest } = result;
      const out = {
        snapshotId: snapshot.info.id, asset: options.asset, twapMove: options.move, windowSeconds: options.windowSeconds, blockSeconds: options.blockSeconds,
        mean: options.mean, feeRate: options.fee, protocol: options.protocol ?? null, pool: input.depth, accountsWithCollateral: input.account.length,
        ...rest, fullWindow: manipulation.fullWindow, windowBlocks: manipulation.windowBlocks, extraBorrowUsd: unlocked.extraBorrowUsd,
        accountsUnlocked: unlocked.accountsUnlocked, topAccounts: byAccount.slice(0, 20), warnings,
      };
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    const plan = result.plan;
    const lines = [
      `TWAP attack on ${options.asset}, snapshot #${snapshot.info.id}: push the ${options.mean} TWAP (${options.windowSeconds} s window, ${result.manipulation.windowBlocks} blocks) up ${(options.move * 100).toFixed(1)}%`,
      `  pool (constant product of the asset's venues): ${input.depth.kind === 'constant-product' ? `${input.depth.assetReserve.toFixed(2)} ${options.asset} / ${formatUsd(input.depth.usdReserve)}` : ''}, spot ${formatPrice(result.truePriceUsd)}, target TWAP ${formatPrice(result.manipulatedPriceUsd)}`,
      `  cheapest plan: hold the spot ${((plan.spotMove) * 100).toFixed(1)}% up for the last ${plan.blocks} block(s): cost ${formatUsd(plan.costUsd)}, capital ${formatUsd(plan.capitalUsd)}`,
      `  whole window:  cost ${formatUsd(result.manipulation.fullWindow.costUsd)}`,
      `  borrowers against ${options.asset}${options.protocol ? ` in ${options.protocol}` : ''}: ${input.account.length}; unlocked by the attack: ${result.unlocked.accountsUnlocked}, extra borrowing ${formatUsd(result.unlocked.extraBorrowUsd)}`,
      `  bad debt unlocked ${formatUsd(result.unlockedBadDebtUsd)} − cost ${formatUsd(result.costUsd)} = ${formatUsd(result.profitUsd)}: ${result.profitable ? 'PROFITABLE' : 'not profitable'}`,
      ...byAccount.slice(0, 5).map((a) => `    ${a.protocol.padEnd(18)}${a.account}  ${formatUsd(a.unlockedBadDebtUsd)}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}
