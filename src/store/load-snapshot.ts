import type { DuckDBConnection } from '@duckdb/node-api';
import type {
  AccountTable,
  AssetKind,
  EcosystemSnapshot,
  IsolationMode,
  ProtocolKind,
  SnapshotInfo,
} from '../model/ecosystem.js';
import { StoreError } from './errors.js';
import { lpComponentsFromStore } from './lp-components.js';
import { queryRows } from './database.js';
import { readColumns } from './read-columns.js';

/** The id of the newest snapshot, or a clear error when the database holds none. */
export async function latestSnapshotId(connection: DuckDBConnection): Promise<number> {
  const rows = await queryRows(connection, 'snapshot/latest-id');
  const id = rows[0]?.id;
  if (id === null || id === undefined) throw new StoreError('the database holds no snapshot yet (run `contagion import <dir>` first)');
  return Number(id);
}

/**
 * Reads one snapshot into its columnar in-memory form (see model/ecosystem.ts). Positions and
 * accounts come straight from DuckDB's result chunks into typed arrays.
 */
export async function loadSnapshot(connection: DuckDBConnection, snapshotId: number): Promise<EcosystemSnapshot> {
  const params = [snapshotId];
  const infoRows = await queryRows(connection, 'snapshot/info', params);
  if (infoRows.length === 0) throw new StoreError(`snapshot ${snapshotId} does not exist`);
  const blockRows = await queryRows(connection, 'snapshot/blocks', params);
  const head = infoRows[0]!;
  const info: SnapshotInfo = {
    id: snapshotId,
    takenAt: String(head.taken_at),
    source: String(head.source),
    label: head.label === null ? null : String(head.label),
    blocks: Object.fromEntries(blockRows.map((r) => [String(r.chain), Number(r.block_number)])),
  };

  const assets = await readColumns(connection, 'snapshot/assets', params, {
    symbol: 'str', decimals: 'i32', kind: 'str', underlying: 'str?', price_usd: 'f64', price_source: 'str',
    exchange_rate: 'f64', issuer: 'str?', lp_components: 'str?', lp_model: 'str?',
  });
  const protocols = await readColumns(connection, 'snapshot/protocols', params, {
    protocol: 'str', kind: 'str', chain: 'str?', isolation: 'str', close_factor: 'f64', full_close_below_hf: 'f64', insurance_fund_usd: 'f64', settings: 'str',
  });
  const markets = await readColumns(connection, 'snapshot/markets', params, {
    protocol_index: 'i32', market: 'str', asset_index: 'i32', ltv: 'f64', liquidation_threshold: 'f64',
    liquidation_bonus: 'f64', close_factor: 'f64', supply_cap: 'f64', borrow_cap: 'f64',
  });
  const risk = await readColumns(connection, 'snapshot/risk-accounts', params, {
    protocol_index: 'i32', account: 'str', market: 'str?', close_factor: 'f64', position_count: 'i32',
  });
  const positions = await readColumns(connection, 'snapshot/positions', params, {
    account_index: 'i32', asset_index: 'i32', side_code: 'u8', amount: 'f64', liquidation_threshold: 'f64', liquidation_bonus: 'f64',
  });
  const liquidity = await readColumns(connection, 'snapshot/liquidity', params, {
    asset_index: 'i32', venue: 'str', model: 'str', asset_reserve: 'f64', usd_reserve: 'f64',
  });
  const liquidators = await readColumns(connection, 'snapshot/liquidators', params, { liquidator: 'str', label: 'str?' });
  const events = await readColumns(connection, 'snapshot/liquidation-events', params, {
    protocol_index: 'i32', account: 'str', liquidator_index: 'i32', collateral_asset_index: 'i32', debt_asset_index: 'i32',
    debt_repaid_usd: 'f64', block_number: 'f64', timestamp: 'str?', tx_hash: 'str',
  });

  const options = await readColumns(connection, 'snapshot/options', params, {
    protocol_index: 'i32', option_id: 'str', underlying_index: 'i32', is_call: 'u8', strike_usd: 'f64', expiry_years: 'f64', mark_usd: 'f64', implied_vol: 'f64',
  });
  const holdings = await readColumns(connection, 'snapshot/option-positions', params, {
    protocol_index: 'i32', account: 'str', option_index: 'i32', signed_size: 'f64',
  });
  const history = await readColumns(connection, 'snapshot/price-history', params, { asset_index: 'i32', unix_seconds: 'f64', usd: 'f64' });

  const accounts: AccountTable = {
    protocol: risk.protocol_index,
    account: risk.account,
    market: risk.market,
    closeFactor: risk.close_factor,
    positionStart: positionStarts(risk.position_count, positions.account_index),
  };
  const uncapped = (caps: Float64Array): Float64Array => caps.map((cap) => (Number.isNaN(cap) ? Infinity : cap));
  return {
    info,
    assets: {
      symbol: assets.symbol,
      decimals: assets.decimals,
      kind: assets.kind as AssetKind[],
      underlying: assets.underlying,
      priceUsd: assets.price_usd,
      priceSource: assets.price_source,
      exchangeRate: assets.exchange_rate,
      issuer: assets.issuer,
      lpComponents: assets.symbol.map((symbol, a) => lpComponentsFromStore(symbol, assets.lp_components[a] ?? null, assets.lp_model[a] ?? null)),
    },
    protocols: {
      name: protocols.protocol,
      kind: protocols.kind as ProtocolKind[],
      chain: protocols.chain,
      isolation: protocols.isolation as IsolationMode[],
      closeFactor: protocols.close_factor,
      fullCloseBelowHf: protocols.full_close_below_hf,
      insuranceFundUsd: protocols.insurance_fund_usd,
      settings: protocols.settings.map(parseSettings),
    },
    markets: {
      protocol: markets.protocol_index,
      market: markets.market,
      asset: markets.asset_index,
      ltv: markets.ltv,
      liquidationThreshold: markets.liquidation_threshold,
      liquidationBonus: markets.liquidation_bonus,
      closeFactor: markets.close_factor,
      supplyCap: uncapped(markets.supply_cap),
      borrowCap: uncapped(markets.borrow_cap),
    },
    accounts,
    positions: {
      account: positions.account_index,
      asset: positions.asset_index,
      side: positions.side_code,
      amount: positions.amount,
      liquidationThreshold: positions.liquidation_threshold,
      liquidationBonus: positions.liquidation_bonus,
    },
    liquidity: {
      asset: liquidity.asset_index,
      venue: liquidity.venue,
      model: liquidity.model,
      assetReserve: liquidity.asset_reserve,
      usdReserve: liquidity.usd_reserve,
    },
    liquidators: { address: liquidators.liquidator, label: liquidators.label },
    liquidationEvents: {
      protocol: events.protocol_index,
      account: events.account,
      liquidator: events.liquidator_index,
      collateralAsset: events.collateral_asset_index,
      debtAsset: events.debt_asset_index,
      debtRepaidUsd: events.debt_repaid_usd,
      blockNumber: events.block_number,
      timestamp: events.timestamp,
      txHash: events.tx_hash,
    },
    options: {
      protocol: options.protocol_index,
      optionId: options.option_id,
      underlying: options.underlying_index,
      isCall: options.is_call,
      strikeUsd: options.strike_usd,
      expiryYears: options.expiry_years,
      markUsd: options.mark_usd,
      impliedVol: options.implied_vol,
    },
    optionPositions: {
      account: holderIndex(risk.protocol_index, risk.account, risk.market, holdings.protocol_index, holdings.account),
      option: holdings.option_index,
      size: holdings.signed_size,
    },
    priceHistory: { asset: history.asset_index, unixSeconds: history.unix_seconds, priceUsd: history.usd },
  };
}

/** A protocol's extra columns as text settings. */
function parseSettings(json: string): Record<string, string> {
  const parsed = JSON.parse(json) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
}

/** The risk account of each option holding: (protocol, account) in the venue, which is pooled. */
function holderIndex(
  accountProtocol: Int32Array,
  accountName: string[],
  accountMarket: (string | null)[],
  holdingProtocol: Int32Array,
  holdingAccount: string[],
): Int32Array {
  const index = new Map<string, number>();
  for (let i = 0; i < accountName.length; i++) if (accountMarket[i] === null) index.set(`${accountProtocol[i]}\u0000${accountName[i]}`, i);
  return Int32Array.from(holdingAccount, (account, h) => {
    const i = index.get(`${holdingProtocol[h]}\u0000${account}`);
    if (i === undefined) throw new StoreError(`option holder ${account} has no risk account in its venue (is the options protocol isolated by market?)`);
    return i;
  });
}

/**
 * Prefix sums of each account's position count, checked against the account index of every
 * position row: the two queries must agree on the order of risk accounts.
 */
function positionStarts(counts: Int32Array, positionAccount: Int32Array): Int32Array {
  const starts = new Int32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) starts[i + 1] = starts[i]! + counts[i]!;
  if (starts[counts.length] !== positionAccount.length) {
    throw new StoreError(`risk accounts list ${starts[counts.length]} positions but ${positionAccount.length} were read`);
  }
  for (let i = 0; i < counts.length; i++) {
    for (let p = starts[i]!; p < starts[i + 1]!; p++) {
      if (positionAccount[p] !== i) throw new StoreError(`position row ${p} belongs to account ${positionAccount[p]}, expected ${i}`);
    }
  }
  return starts;
}
