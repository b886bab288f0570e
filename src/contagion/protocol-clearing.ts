/**
 * The protocols as a liabilities network, cleared with Eisenberg–Noe and ranked with DebtRank.
 *
 * Eisenberg & Noe (2001), "Systemic Risk in Financial Systems", Management Science 47(2); Battiston
 * et al. (2012), "DebtRank: Too Central to Fail?", Scientific Reports 2:541 (network/).
 *
 * A lending protocol owes its suppliers what they deposited; its receipt tokens (aTokens, cTokens,
 * vault shares) are those claims. Where another protocol accepts them as collateral, the claim
 * backs that protocol's loans, so here protocol i owes protocol j the value of i's receipt tokens
 * held as collateral in j, and owes the rest of its supply to the node "outside suppliers":
 *
 *   L_ij   = Σ units of i's receipt tokens in j's collateral rows × price      (i ≠ j)
 *   L_i,out = max(0, supplied_i − Σ_j L_ij)      supplied_i = i's collateral rows × price
 *   e_i    = max(0, p̄_i − badDebt_i + fund_i − Σ_k L_ki)
 *
 * so that, when everyone else pays in full, i's assets e_i + Σ_k L_ki = p̄_i − badDebt_i + fund_i
 * (its loans less the bad debt, plus the insurance fund): i defaults exactly when its bad debt
 * exceeds its fund, and its creditors — holder protocols and outside suppliers alike — recover pro
 * rata, as a receipt-token write-down spreads a loss per unit of supply (receipt-write-down.ts).
 * Clearing then carries a holder's loss on to its own suppliers and to the protocols holding its
 * receipts: the fixed point across the exposure network.
 *
 * An upper bound on the holder's loss: the receipt tokens are treated as the holder protocol's own
 * asset, i.e. as if the borrowers who posted them walked away from any debt they no longer cover.
 * The per-account cascade (receiptContagion) is the finer model; this is the aggregate view a risk
 * DAO can audit from one table. `badDebtUsd` should be each protocol's loss without receipt
 * contagion (its own accounts), or the network's effect is counted twice.
 *
 * DebtRank uses each protocol's insurance fund as its capital (the buffer before suppliers lose),
 * and the outside suppliers' claims as theirs (they absorb any loss, in proportion); economic value
 * is each node's receipt-token claims on other protocols (outside suppliers carry none), so R_i is
 * the share of receipt-token exposure that i's default puts in distress.
 */
import type { EcosystemSnapshot } from '../model/ecosystem.js';
import { SIDE_COLLATERAL } from '../model/ecosystem.js';
import { CascadeError } from './errors.js';
import { clearing, debtRank, liabilityNetwork } from './network/index.js';

export const OUTSIDE_SUPPLIERS = 'outside suppliers';

export interface ProtocolClearingInput {
  snapshot: Pick<EcosystemSnapshot, 'assets' | 'protocols' | 'accounts' | 'positions'>;
  /** USD per asset, snapshot order (a scenario's shocked prices). */
  priceUsd: ArrayLike<number>;
  /** Per protocol (snapshot order): its bad debt before the network. */
  badDebtUsd: ArrayLike<number>;
}

export interface ProtocolExposure {
  /** The issuing protocol (debtor) and the protocol holding its receipt tokens as collateral. */
  issuer: string;
  holder: string;
  usd: number;
}

export interface ProtocolClearing {
  /** Node order of the columns below: the protocols, then "outside suppliers". */
  ids: string[];
  exposures: ProtocolExposure[];
  /** p̄: what each node owes (its supplied value). */
  obligationsUsd: number[];
  externalAssetsUsd: number[];
  /** p*: the clearing vector. */
  paymentsUsd: number[];
  /** p* ÷ p̄ (1 when a node owes nothing). */
  recoveryRate: number[];
  defaults: string[];
  /** R_i per node (0 for outside suppliers, who owe nothing). */
  debtRank: number[];
  warnings: string[];
}

export function protocolClearing(input: ProtocolClearingInput): ProtocolClearing {
  const { assets, protocols, accounts, positions } = input.snapshot;
  const Q = protocols.name.length;
  const out = Q; // the outside suppliers' node
  if (input.badDebtUsd.length !== Q) throw new CascadeError(`protocol clearing: badDebtUsd has ${input.badDebtUsd.length} entries for ${Q} protocols`);
  const issuerOf = Int32Array.from(assets.symbol, (_, a) => {
    const name = assets.issuer?.[a] ?? null;
    if (name === null) return -1;
    const q = protocols.name.indexOf(name);
    if (q < 0) throw new CascadeError(`protocol clearing: asset ${assets.symbol[a]}: issuer ${JSON.stringify(name)} is not a protocol of the snapshot`);
    return q;
  });

  const supplied = new Float64Array(Q);
  const held = new Float64Array(Q * Q); // [issuer * Q + holder]
  for (let i = 0; i < accounts.protocol.length; i++) {
    const holder = accounts.protocol[i]!;
    for (let p = accounts.positionStart[i]!; p < accounts.positionStart[i + 1]!; p++) {
      if (positions.side[p] !== SIDE_COLLATERAL) continue;
      const a = positions.asset[p]!;
      const value = positions.amount[p]! * input.priceUsd[a]!;
      supplied[holder] = supplied[holder]! + value;
      const issuer = issuerOf[a]!;
      if (issuer >= 0 && issuer !== holder) held[issuer * Q + holder] = held[issuer * Q + holder]! + value;
    }
  }

  const warnings: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const amount: number[] = [];
  const exposures: ProtocolExposure[] = [];
  const obligations = new Float64Array(Q + 1);
  const claims = new Float64Array(Q + 1);
  for (let i = 0; i < Q; i++) {
    let toProtocols = 0;
    for (let j = 0; j < Q; j++) {
      const usd = held[i * Q + j]!;
      if (!(usd > 0)) continue;
      from.push(i), to.push(j), amount.push(usd);
      exposures.push({ issuer: protocols.name[i]!, holder: protocols.name[j]!, usd });
      toProtocols += usd;
      claims[j] = claims[j]! + usd;
    }
    if (toProtocols > supplied[i]!) {
      warnings.push(`protocol clearing: ${protocols.name[i]}'s receipt tokens held elsewhere ($${toProtocols.toFixed(0)}) exceed its supply in the snapshot ($${supplied[i]!.toFixed(0)}); its outside suppliers are taken as none`);
    }
    const outside = Math.max(0, supplied[i]! - toProtocols);
    if (outside > 0) from.push(i), to.push(out), amount.push(outside);
    claims[out] = claims[out]! + outside;
    obligations[i] = toProtocols + outside;
  }
  const fund = Float64Array.from(protocols.insuranceFundUsd, (f) => (Number.isNaN(f) ? 0 : f));
  const external = new Float64Array(Q + 1);
  for (let i = 0; i < Q; i++) {
    const e = obligations[i]! - input.badDebtUsd[i]! + fund[i]! - claims[i]!;
    if (e < 0) warnings.push(`protocol clearing: ${protocols.name[i]} cannot pay its suppliers even if every protocol it holds receipts of pays in full (external assets ${e.toFixed(0)} < 0, taken as 0)`);
    external[i] = Math.max(0, e);
  }

  const ids = [...protocols.name, OUTSIDE_SUPPLIERS];
  if (protocols.name.includes(OUTSIDE_SUPPLIERS)) throw new CascadeError(`protocol clearing: a protocol is named ${JSON.stringify(OUTSIDE_SUPPLIERS)}, the name of the outside suppliers' node`);
  const network = liabilityNetwork({
    ids, externalAssets: external, edges: { from, to, amount },
    equity: [...fund, claims[out]! > 0 ? claims[out]! : null],
  });
  const cleared = clearing(network);
  const economicValue = Array.from(claims, (c, k) => (k === out ? 0 : c));
  const anyExposure = exposures.length > 0;
  const ranks = anyExposure ? debtRank(network, { economicValue }) : null;
  return {
    ids,
    exposures,
    obligationsUsd: Array.from(obligations),
    externalAssetsUsd: Array.from(external),
    paymentsUsd: Array.from(cleared.payments),
    recoveryRate: Array.from(cleared.payments, (p, k) => (obligations[k]! > 0 ? p / obligations[k]! : 1)),
    defaults: ids.filter((_, k) => cleared.defaulted[k] === 1),
    debtRank: ranks === null ? ids.map(() => 0) : Array.from(ranks.debtRank),
    warnings: [...warnings, ...network.warnings, ...cleared.warnings, ...(ranks?.warnings ?? [])],
  };
}
