/**
 * Liquidators and liquidation history. Aave v3 rows keep the real block, timestamp, tx hash and log
 * index of the committed Etherscan log; who liquidated whom, which assets and how much are
 * synthetic. Compound and Morpho events are wholly synthetic, timed like randomly chosen real Aave
 * liquidations (liquidations cluster in the same volatile hours across protocols).
 */
import { EVENT_SIZE, LIQUIDATOR_ZIPF, SYNTHETIC_EVENTS, SYNTHETIC_LIQUIDATOR_POOL } from './assumptions.js';
import type { AddressBook } from './addresses.js';
import { cmp, parseSimpleCsv } from './csv.js';
import { debtUsd, healthFactor, marketOf, usd } from './metrics.js';
import type { Rng } from './prng.js';
import { price, type GenAccount, type Universe } from './types.js';

export interface Liquidator {
  address: string;
  label: string;
}

export interface EventRow {
  protocol: string;
  txHash: string;
  logIndex: number;
  blockNumber: number;
  timestamp: string;
  liquidator: string;
  account: string;
  market: string | null;
  collateralAsset: string;
  debtAsset: string;
  collateralAmount: number;
  debtAmount: number;
  debtRepaidUsd: number;
  provenance: 'etherscan-log' | 'synthetic';
}

interface LogRow {
  block: number;
  time: number;
  txHash: string;
  logIndex: number;
}

export function readLiquidationLog(csvText: string): LogRow[] {
  return parseSimpleCsv(csvText).map((r) => ({
    block: Number(r.blockNumber),
    time: Date.parse(r.timestamp.replace(' ', 'T')),
    txHash: r.txHash,
    logIndex: Number(r.logIndex),
  }));
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

export function buildLiquidators(book: AddressBook, n: number): Liquidator[] {
  return Array.from({ length: n }, (_, i) => ({ address: book.fresh(), label: `synthetic-liquidator-${String(i + 1).padStart(2, '0')}` }));
}

/** Zipf weights over a protocol's ranking of the shared pool: all of it for Aave, a random subset elsewhere. */
function ranking(rng: Rng, n: number, protocol: string): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  const order = protocol === 'aave-v3' ? all : rng.shuffle(all).slice(0, SYNTHETIC_LIQUIDATOR_POOL[protocol] ?? n);
  const w = new Array<number>(n).fill(0);
  order.forEach((liq, rank) => (w[liq] = 1 / Math.pow(rank + 1, LIQUIDATOR_ZIPF)));
  return w;
}

function pickVictim(u: Universe, rng: Rng, pool: readonly GenAccount[], weights: readonly number[], closeFactor: number) {
  const acc = pool[rng.weighted(weights)];
  const coll = acc.positions.filter((p) => p.side === 'collateral');
  const debts = acc.positions.filter((p) => p.side === 'debt');
  const c = coll[rng.weighted(coll.map((p) => usd(u, p)))];
  const d = debts[rng.weighted(debts.map((p) => usd(u, p)))];
  const repaid = Math.min(rng.lognormal(EVENT_SIZE.medianUsd, EVENT_SIZE.sigma), closeFactor * usd(u, d));
  const bonus = marketOf(u, acc, c.asset).bonus;
  return {
    account: acc.address, market: acc.market, collateralAsset: c.asset, debtAsset: d.asset,
    debtRepaidUsd: repaid, debtAmount: repaid / price(u, d.asset), collateralAmount: (repaid * (1 + bonus)) / price(u, c.asset),
  };
}

export function buildEvents(u: Universe, accounts: readonly GenAccount[], liquidators: readonly Liquidator[], log: readonly LogRow[], rng: Rng): EventRow[] {
  const out: EventRow[] = [];
  const closeFactor = new Map(u.protocols.map((p) => [p.protocol, p.closeFactor]));
  for (const protocol of ['aave-v3', 'compound-v3', 'morpho-blue']) {
    const pool = accounts.filter((a) => a.protocol === protocol && debtUsd(u, a) > 0);
    // Thinner margins are liquidated more often: weight 1 / (HF - 0.98).
    const weights = pool.map((a) => 1 / (healthFactor(u, a) - 0.98));
    const liqWeights = ranking(rng, liquidators.length, protocol);
    const real = protocol === 'aave-v3';
    const n = real ? log.length : SYNTHETIC_EVENTS[protocol];
    for (let i = 0; i < n; i++) {
      const base = real ? log[i] : log[rng.int(log.length)];
      const jitter = real ? 0 : Math.round(rng.uniform(-3600, 3600));
      out.push({
        protocol,
        txHash: real ? base.txHash : `0x${rng.hex(64)}`,
        logIndex: real ? base.logIndex : rng.int(400),
        blockNumber: base.block + Math.round(jitter / 12),
        timestamp: iso(base.time + jitter * 1000),
        liquidator: liquidators[rng.weighted(liqWeights)].address,
        provenance: real ? 'etherscan-log' : 'synthetic',
        ...pickVictim(u, rng, pool, weights, closeFactor.get(protocol) ?? 1),
      });
    }
  }
  return out.sort((a, b) => cmp(a.timestamp, b.timestamp) || cmp(a.protocol, b.protocol) || cmp(a.txHash, b.txHash) || a.logIndex - b.logIndex);
}
