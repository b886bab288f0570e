/**
 * Messari options subgraph items (Opyn Gamma, Dopex) → protocol, asset, option, option-position,
 * collateral-position and market rows.
 *
 *   tokens ──────── decimals, prices (Messari lastPriceUSD or options.prices)
 *   options ─────── option rows: strike in USD, expiry, mark           (option-contracts.ts)
 *   positions ───── long rows per holder; short rows for the writer    (option-positions.ts)
 *   liquidityPools  writer collateral as collateral positions + markets (writer-collateral.ts)
 *
 * Only options with something outstanding (an open long or a non-zero supply) become rows.
 */
import type { OptionPositionRow, OptionRow, ProtocolRow } from '../../../store/index.js';
import { IndexerError } from '../../errors.js';
import type { NormalizedSource, ResolvedSource } from '../../source-family.js';
import { emptyNormalizedSource } from '../../source-family.js';
import { decimalNumber, scaleRawAmount, type Origin } from '../../units.js';
import { plausibleUsd } from '../shared/value-guards.js';
import { parseItems, parseOptions } from '../shared/subgraph-fields.js';
import { TokenBook } from '../shared/token-book.js';
import { messariOptionsOptions } from './entities.js';
import { optionItem, optionPoolItem, positionItem, tokenItem } from './items.js';
import { readOptionContract, type OptionContract, type TokenLookup } from './option-contracts.js';
import { openLongs, writtenByPool } from './option-positions.js';
import { collateralRows, writerCollateral, type CollateralHolding } from './writer-collateral.js';

function tokenLookup(source: string, items: Readonly<Record<string, readonly unknown[]>>, book: TokenBook): TokenLookup {
  const byId = new Map(parseItems(tokenItem, items, source, 'tokens').map((t) => [t.id.toLowerCase(), t]));
  return {
    require(id, origin, field) {
      const token = byId.get(id.toLowerCase());
      if (token === undefined) throw new IndexerError(`${field} of id ${origin.id} names token ${id}, which is not among the subgraph's tokens`, origin);
      const entry = book.add(token, token.lastPriceUSD, 'lastPriceUSD', { source, entity: 'tokens', id: token.id });
      return { address: entry.address, symbol: entry.subgraphSymbol, decimals: entry.decimals };
    },
    decimalsOf: (id) => byId.get(id.toLowerCase())?.decimals ?? null,
    priceOf: (address, origin, field) => book.priceOf(book.get(address)!, origin, field),
  };
}

const isoExpiry = (seconds: number | null, origin: Origin): string | null => {
  if (seconds === null) return null;
  const date = new Date(seconds * 1000);
  if (!Number.isFinite(date.getTime())) throw new IndexerError(`expirationTimestamp ${seconds} of id ${origin.id} is not a time`, origin);
  return date.toISOString();
};

export function normalizeMessariOptions(source: ResolvedSource, items: Readonly<Record<string, readonly unknown[]>>): NormalizedSource {
  const name = source.config.name;
  const protocol = source.protocol;
  const options = parseOptions(messariOptionsOptions, source.config.options, name);
  const book = new TokenBook(name, options.prices ?? {});
  const tokens = tokenLookup(name, items, book);
  const longs = openLongs(parseItems(positionItem, items, name, 'positions'));
  const out = emptyNormalizedSource();

  const contracts: OptionContract[] = [];
  const listed = new Set<string>();
  let expired = 0;
  for (const item of parseItems(optionItem, items, name, 'options')) {
    const id = item.id.toLowerCase();
    listed.add(id);
    const outstanding = longs.has(id) || (item.totalSupply !== null && item.totalSupply !== '0');
    if (!outstanding) continue;
    if (options.skipExpiredBefore !== undefined && item.expirationTimestamp !== null && Number(item.expirationTimestamp) < options.skipExpiredBefore) {
      expired++;
      continue;
    }
    contracts.push(readOptionContract(item, tokens, options.optionDecimals, { source: name, entity: 'options', id }));
  }
  const orphan = [...longs.keys()].find((id) => !listed.has(id));
  if (orphan !== undefined) throw new IndexerError(`open positions of option ${orphan}, which is not among the subgraph's options`, { source: name, entity: 'positions' });

  const used = new Set<string>();
  const longRaw: { contract: OptionContract; account: string; size: string; positions: number }[] = [];
  const shortRaw: { contract: OptionContract; size: string; basis: string }[] = [];
  for (const contract of contracts.sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const origin = { source: name, entity: 'positions', id: contract.id };
    const underlyingUsd = tokens.priceOf(contract.underlying, { ...origin, entity: 'options' }, 'underlyingAsset');
    used.add(contract.underlying).add(contract.collateral);
    if (contract.strikeConversion !== null) used.add(contract.strikeConversion.asset);
    let longsTotal = 0n;
    for (const [account, held] of [...(longs.get(contract.id) ?? [])].sort(([a], [b]) => (a < b ? -1 : 1))) {
      longsTotal += held.raw;
      if (held.raw === 0n) continue;
      const size = scaleRawAmount(held.raw.toString(), contract.sizeDecimals, origin, `amount of ${account}`);
      book.addValue(contract.underlying, plausibleUsd(Number(size) * underlyingUsd, origin, `open long of ${account} at the underlying price`));
      longRaw.push({ contract, account, size, positions: held.positions });
    }
    const written = writtenByPool(contract, longsTotal);
    if (written.problem !== null) out.warnings.push(written.problem);
    if (written.raw === 0n) continue;
    const size = scaleRawAmount(written.raw.toString(), contract.sizeDecimals, { ...origin, entity: 'options' }, written.basis);
    plausibleUsd(Number(size) * underlyingUsd, { ...origin, entity: 'options' }, `written ${written.basis} at the underlying price`);
    shortRaw.push({ contract, size, basis: written.basis });
  }

  const holdings: CollateralHolding[] = [];
  for (const pool of parseItems(optionPoolItem, items, name, 'liquidityPools')) {
    const origin = { source: name, entity: 'liquidityPools', id: pool.id.toLowerCase() };
    plausibleUsd(decimalNumber(pool.totalValueLockedUSD, origin, 'totalValueLockedUSD'), origin, 'totalValueLockedUSD');
    for (const holding of writerCollateral(pool, tokens, origin)) {
      const usd = Number(holding.amount) * tokens.priceOf(holding.token, origin, 'inputTokens');
      book.addValue(holding.token, plausibleUsd(usd, origin, 'inputTokenBalances at token prices'));
      used.add(holding.token);
      holdings.push(holding);
    }
  }

  out.warnings.push(...book.assignSymbols(used));
  const nameOf = (address: string) => book.symbolOf(address);
  out.assets.push(...book.assetRows(source.config.chain).sort((a, b) => (a.symbol < b.symbol ? -1 : 1)));
  out.protocols.push(protocolRow(source));
  out.options.push(...contracts.map((c) => optionRow(protocol, c, nameOf, isoExpiry(c.expirySeconds, { source: name, entity: 'options', id: c.id }))));
  out.optionPositions.push(
    ...longRaw.map((l): OptionPositionRow => ({ protocol, account: l.account, optionId: l.contract.id, side: 'long', size: l.size, extra: { open_positions: String(l.positions) } })),
    ...shortRaw.map((s): OptionPositionRow => ({ protocol, account: s.contract.pool, optionId: s.contract.id, side: 'short', size: s.size, extra: { size_basis: s.basis } })),
  );
  const collateral = collateralRows(protocol, holdings, nameOf);
  out.positions.push(...collateral.positions);
  out.markets.push(...collateral.markets);
  if (expired > 0) out.warnings.push(`${expired} option(s) that expired before options.skipExpiredBefore were left out`);
  const converted = contracts.filter((c) => c.strikeConversion !== null).length;
  if (converted > 0) out.warnings.push(`${converted} option(s) have a non-USD strike asset: strike converted to USD at the strike asset's price`);
  return out;
}

function protocolRow(source: ResolvedSource): ProtocolRow {
  return {
    protocol: source.protocol,
    kind: 'options',
    chain: source.config.chain,
    isolation: source.config.isolation ?? 'pooled',
    closeFactor: source.config.closeFactor ?? 1,
    fullCloseBelowHf: null,
    insuranceFundUsd: null,
    extra: { schema: 'messari-options' },
  };
}

function optionRow(protocol: string, c: OptionContract, nameOf: (address: string) => string, expiry: string | null): OptionRow {
  const extra: Record<string, string> = { pool: c.pool, symbol: c.item.symbol, size_decimals: String(c.sizeDecimals) };
  if (c.strikeConversion !== null) Object.assign(extra, { strike_asset: nameOf(c.strikeConversion.asset), strike_in_asset: c.strikeConversion.strikeInAsset });
  return { protocol, optionId: c.id, underlying: nameOf(c.underlying), optionType: c.type, strikeUsd: c.strikeUsd, expiry, collateralAsset: nameOf(c.collateral), markUsd: c.markUsd, extra };
}
