import { SIDE_COLLATERAL, type EcosystemSnapshot } from '../model/ecosystem.js';
import type { AccountHealth } from '../risk/index.js';
import type { PositionExposure } from './aggregate-positions.js';
import type { AccountNode, ExposureGraph, RiskAccountHealth } from './exposure-graph-types.js';
import type { MarketSlots } from './market-slots.js';
import { accountKey, edgeKey } from './node-keys.js';

/**
 * One node per address, however many protocols and isolated markets it uses: the snapshot's
 * risk accounts (one per protocol, or per protocol and market) are folded into it, keeping each
 * one's health factor from `accountHealth`. An address in two protocols is how a cross-protocol
 * user shows up: one node with edges into both protocols' markets.
 */
export function addAccountNodes(graph: ExposureGraph, snapshot: EcosystemSnapshot, health: AccountHealth): void {
  const { accounts, protocols } = snapshot;
  const byAddress = new Map<string, AccountNode>();
  for (let i = 0; i < accounts.account.length; i++) {
    const key = accountKey(accounts.account[i]!);
    let node = byAddress.get(key);
    if (node === undefined) {
      node = {
        type: 'account', label: accounts.account[i]!, address: key.slice('account:'.length), protocols: [], collateralUsd: 0, debtUsd: 0,
        healthFactor: {}, minHealthFactor: Infinity, riskAccounts: [], liquidations: 0,
      };
      byAddress.set(key, node);
    }
    const protocol = protocols.name[accounts.protocol[i]!]!;
    const entry: RiskAccountHealth = {
      protocol, market: accounts.market[i] ?? null, collateralUsd: health.collateralUsd[i]!,
      weightedCollateralUsd: health.weightedCollateralUsd[i]!, debtUsd: health.debtUsd[i]!, healthFactor: health.healthFactor[i]!,
    };
    node.riskAccounts.push(entry);
    if (!node.protocols.includes(protocol)) node.protocols.push(protocol);
    node.collateralUsd += entry.collateralUsd;
    node.debtUsd += entry.debtUsd;
    node.healthFactor[protocol] = Math.min(node.healthFactor[protocol] ?? Infinity, entry.healthFactor);
    node.minHealthFactor = Math.min(node.minHealthFactor, entry.healthFactor);
  }
  for (const [key, node] of byAddress) {
    node.protocols.sort();
    graph.addNode(key, node);
  }
}

/** `supplies` and `borrows` edges (account → market), one per aggregated holding. */
export function addHoldingEdges(graph: ExposureGraph, snapshot: EcosystemSnapshot, slots: MarketSlots, exposure: PositionExposure): void {
  const { holdings } = exposure;
  const { protocols, assets } = snapshot;
  for (let h = 0; h < holdings.account.length; h++) {
    const slot = holdings.slot[h]!;
    const market = slots.key[slot]!;
    const common = {
      protocol: protocols.name[slots.protocol[slot]!]!, market: slots.name[slot]!, asset: assets.symbol[holdings.asset[h]!]!,
      amount: holdings.amount[h]!, usd: holdings.usd[h]!,
    };
    const account = holdings.account[h]!;
    if (holdings.side[h] === SIDE_COLLATERAL) {
      graph.addEdgeWithKey(edgeKey('supplies', account, market, common.asset), account, market, {
        type: 'supplies', ...common, liquidationThreshold: holdings.liquidationThreshold[h]!,
      });
    } else {
      graph.addEdgeWithKey(edgeKey('borrows', account, market, common.asset), account, market, { type: 'borrows', ...common });
    }
  }
}

