/**
 * Aave's risk parameters in basis points as fractions, checked at the edge: LTV and liquidation
 * threshold at most 10000 (100%) with LTV not above the threshold, and the liquidation bonus
 * written as 10000 + bonus (10500 = 5%; 0 when the asset is no collateral), which must be below
 * 20000 (a 100% bonus would seize more than the collateral is worth twice over). Aave's
 * PoolConfigurator enforces the same (aave/aave-v3-core contracts/protocol/pool/PoolConfigurator.sol
 * @ 782f51917056a53a2c228701058a6c3fb233684a, configureReserveAsCollateral).
 */
import { IndexerError } from '../../errors.js';
import { bpsToFraction, type Origin } from '../../units.js';

export interface RiskParams {
  ltv: number;
  liquidationThreshold: number;
  liquidationBonus: number;
}

const bps = (raw: string, origin: Origin, field: string, max: number): number => {
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value > max) throw new IndexerError(`${field} ${raw} of id ${origin.id} is not a basis-point value in 0..${max}`, origin);
  return value;
};

export function riskParams(ltvBps: string, thresholdBps: string, bonusBps: string, origin: Origin, fields: [string, string, string]): RiskParams {
  const ltv = bps(ltvBps, origin, fields[0], 10_000);
  const threshold = bps(thresholdBps, origin, fields[1], 10_000);
  const bonus = bps(bonusBps, origin, fields[2], 19_999);
  if (ltv > threshold) throw new IndexerError(`${fields[0]} ${ltvBps} of id ${origin.id} is above ${fields[1]} ${thresholdBps}`, origin);
  if (bonus !== 0 && bonus < 10_000) throw new IndexerError(`${fields[2]} ${bonusBps} of id ${origin.id} is below 10000 (Aave writes the bonus as 10000 + bonus)`, origin);
  return { ltv: bpsToFraction(ltv), liquidationThreshold: bpsToFraction(threshold), liquidationBonus: bonus === 0 ? 0 : bpsToFraction(bonus - 10_000) };
}
