import { SIDE_COLLATERAL, type EcosystemSnapshot } from '../../model/ecosystem.js';
import { impliedVolBsm } from '../pricing/index.js';
import type { GridPreset } from '../margin/index.js';
import type { LiquidationMode } from '../options-accounts/index.js';

/**
 * One options venue of a snapshot as the columns the margin and account solvers read. Accounts are
 * numbered locally (0 … accounts − 1, `riskAccount` maps back to the snapshot's risk accounts);
 * options keep the snapshot's option index so that `spot` and marks line up with it.
 */
export interface VenueBook {
  protocol: number;
  name: string;
  riskAccount: Int32Array;
  /** Collateral rows of the venue's accounts (mutable copies: close-outs sell them). */
  collateral: { account: Int32Array; asset: Int32Array; amount: Float64Array };
  /** Per asset, the share of value not counted for margin (1 − the market's liquidation threshold; 1 where the venue takes none). */
  haircut: Float64Array;
  /** Option holdings of the venue (mutable copies). */
  positions: { account: Int32Array; option: Int32Array; size: Float64Array };
  /** Per option (snapshot index): the implied vol before any scenario shock. */
  baseVol: Float64Array;
  grid: GridPreset;
  marginModel: 'portfolio' | 'strategy';
  imFactor: number;
  liquidation: LiquidationMode;
  insuranceFundUsd: number;
  warnings: string[];
}

export class VenueBookError extends Error {
  constructor(message: string) {
    super(`contagion/risk/options-venue: ${message}`);
    this.name = 'VenueBookError';
  }
}

const GRIDS: Record<string, GridPreset> = {
  'derive-pmrm': { preset: 'derive-pmrm' },
  'cme-span': { preset: 'cme-span-16' },
  'cme-span-16': { preset: 'cme-span-16' },
  deribit: { preset: 'deribit-like' },
  'deribit-like': { preset: 'deribit-like' },
};

/** The books of every options venue of the snapshot (kind `options`), with their settings. */
export function venueBooks(snapshot: EcosystemSnapshot): VenueBook[] {
  const { protocols } = snapshot;
  return protocols.kind.flatMap((kind, q) => (kind === 'options' ? [venueBook(snapshot, q)] : []));
}

function venueBook(snapshot: EcosystemSnapshot, q: number): VenueBook {
  const { protocols, accounts, positions, markets, options, optionPositions, assets } = snapshot;
  const name = protocols.name[q]!;
  const settings = protocols.settings[q] ?? {};
  const warnings: string[] = [];
  const local = new Map<number, number>();
  const riskAccount: number[] = [];
  const localOf = (i: number): number => {
    let a = local.get(i);
    if (a === undefined) {
      a = riskAccount.length;
      local.set(i, a);
      riskAccount.push(i);
    }
    return a;
  };
  const held = { account: [] as number[], option: [] as number[], size: [] as number[] };
  for (let p = 0; p < optionPositions.account.length; p++) {
    const o = optionPositions.option[p]!;
    if (options.protocol[o] !== q) continue;
    held.account.push(localOf(optionPositions.account[p]!));
    held.option.push(o);
    held.size.push(optionPositions.size[p]!);
  }
  const collateral = { account: [] as number[], asset: [] as number[], amount: [] as number[] };
  for (let i = 0; i < accounts.protocol.length; i++) {
    if (accounts.protocol[i] !== q) continue;
    for (let p = accounts.positionStart[i]!; p < accounts.positionStart[i + 1]!; p++) {
      if (positions.side[p] !== SIDE_COLLATERAL) continue;
      collateral.account.push(localOf(i));
      collateral.asset.push(positions.asset[p]!);
      collateral.amount.push(positions.amount[p]!);
    }
  }
  const haircut = new Float64Array(assets.symbol.length).fill(1);
  for (let m = 0; m < markets.protocol.length; m++) {
    if (markets.protocol[m] === q) haircut[markets.asset[m]!] = 1 - markets.liquidationThreshold[m]!;
  }
  const baseVol = new Float64Array(options.optionId.length).fill(NaN);
  for (let o = 0; o < options.optionId.length; o++) {
    if (options.protocol[o] !== q) continue;
    baseVol[o] = optionVol(snapshot, o, warnings);
  }
  const gridName = settings.margin_grid ?? 'derive-pmrm';
  const grid = GRIDS[gridName] ?? fail(`venue ${name}: setting margin_grid ${JSON.stringify(gridName)} is not one of ${Object.keys(GRIDS).join(', ')}`);
  const marginModel = (settings.margin_model ?? 'portfolio') as VenueBook['marginModel'];
  if (marginModel !== 'portfolio' && marginModel !== 'strategy') fail(`venue ${name}: setting margin_model ${JSON.stringify(marginModel)} is not portfolio or strategy`);
  const imFactor = settings.im_factor === undefined ? 1.25 : Number(settings.im_factor);
  if (!(imFactor >= 1)) fail(`venue ${name}: setting im_factor ${settings.im_factor} must be a number ≥ 1`);
  const mode = settings.liquidation_mode ?? 'dutch-auction';
  if (mode !== 'dutch-auction' && mode !== 'fixed-bonus') fail(`venue ${name}: setting liquidation_mode ${JSON.stringify(mode)} is not dutch-auction or fixed-bonus`);
  const fund = protocols.insuranceFundUsd[q]!;
  if (Number.isNaN(fund)) warnings.push(`contagion/risk/options-venue: venue ${name} has no insurance fund on record; shortfalls go straight to socialisation`);
  return {
    protocol: q,
    name,
    riskAccount: Int32Array.from(riskAccount),
    collateral: { account: Int32Array.from(collateral.account), asset: Int32Array.from(collateral.asset), amount: Float64Array.from(collateral.amount) },
    haircut,
    positions: { account: Int32Array.from(held.account), option: Int32Array.from(held.option), size: Float64Array.from(held.size) },
    baseVol,
    grid,
    marginModel,
    imFactor,
    liquidation: mode === 'fixed-bonus' ? { kind: 'fixed-bonus' } : { kind: 'dutch-auction' },
    insuranceFundUsd: Number.isNaN(fund) ? 0 : fund,
    warnings,
  };
}

/** The venue's implied vol, or one solved from its mark (rate and carry 0, as Derive prices). */
function optionVol(snapshot: EcosystemSnapshot, o: number, warnings: string[]): number {
  const { options, assets } = snapshot;
  const given = options.impliedVol[o]!;
  if (given > 0) return given;
  const mark = options.markUsd[o]!;
  const id = options.optionId[o]!;
  if (!(mark >= 0)) fail(`option ${id}: has neither an implied vol nor a mark to solve one from`);
  const solved = impliedVolBsm({
    price: mark, spot: assets.priceUsd[options.underlying[o]!]!, strike: options.strikeUsd[o]!, expiry: Math.max(options.expiryYears[o]!, 0),
    rate: 0, dividendYield: 0, isCall: options.isCall[o] === 1,
  });
  if (!solved.ok) fail(`option ${id}: no implied vol fits its mark ${mark} (${solved.reason})`);
  warnings.push(`contagion/risk/options-venue: option ${id} has no implied vol; solved ${solved.vol.toFixed(4)} from its mark`);
  return solved.vol;
}

function fail(message: string): never {
  throw new VenueBookError(message);
}
