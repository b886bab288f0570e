/**
 * Assets, protocols, markets and DEX depth, built only from published-params.json. Unit changes
 * (bps -> fractions, 8-decimal oracle answers -> USD, WAD -> fractions) happen here and nowhere else.
 */
import { fixed, scaled } from './csv.js';
import type { ParamBook } from './params.js';
import { optionsMarkets, optionsProtocol } from './options-universe.js';
import { COMET_COLLATERAL, MORPHO_MARKETS } from './param-spec.js';
import type { AssetKind, AssetRow, LiquidityRow, MarketRow, ProtocolRow, Universe } from './types.js';

const WAD = 10n ** 18n;
export const PRICE_SOURCE = 'chainlink:aave-v3-ethereum-2023-10-31';
const AAVE_GAUNTLET = { 'aave-v3': 'gauntlet-aave-eth-2024-01-25', 'aave-v3-arbitrum': 'gauntlet-aave-arb-2024-02-01' } as const;

/** Solidity-style literal ("0.95e18", "0.5e4") to an exact integer. */
export function literal(text: string): bigint {
  const m = /^(\d+)(?:\.(\d+))?e(\d+)$/.exec(text);
  if (!m) return BigInt(text);
  const frac = m[2] ?? '';
  const exp = Number(m[3]) - frac.length;
  if (exp < 0) throw new Error(`${text} is not an integer`);
  return BigInt(m[1] + frac) * 10n ** BigInt(exp);
}

const ASSET_META: readonly [string, AssetKind, string | null][] = [
  ['ETH', 'native', null], ['WETH', 'native', 'ETH'], ['wstETH', 'lst', 'ETH'], ['cbETH', 'lst', 'ETH'],
  ['WBTC', 'other', null], ['USDC', 'stable', null], ['USDT', 'stable', null], ['DAI', 'stable', null],
  ['UNI', 'governance', null], ['LINK', 'other', null],
];

function assets(p: ParamBook): Map<string, AssetRow> {
  const out = new Map<string, AssetRow>();
  for (const [symbol, kind, underlying] of ASSET_META) {
    // Native ETH has no reserve of its own: it takes WETH's decimals and ETH / USD answer.
    const src = symbol === 'ETH' ? 'WETH' : symbol;
    const answer = BigInt(p.num(`asset.${src}.oracleLatestAnswer`));
    const priceText = scaled(answer, p.num(`asset.${src}.oracleDecimals`));
    out.set(symbol, {
      symbol, kind, underlying, priceText,
      decimals: p.num(`asset.${src}.decimals`),
      price: Number(priceText),
      priceSource: symbol === 'ETH' ? `${PRICE_SOURCE}:WETH` : PRICE_SOURCE,
      address: symbol === 'ETH' ? null : p.str(`asset.${src}.underlying`),
      chain: 'ethereum',
    });
  }
  return out;
}

function protocols(p: ParamBook): ProtocolRow[] {
  const closeFactor = Number(literal(p.str('aave-v3.DEFAULT_LIQUIDATION_CLOSE_FACTOR'))) / 1e4;
  const fullClose = Number(literal(p.str('aave-v3.CLOSE_FACTOR_HF_THRESHOLD'))) / 1e18;
  const lending = { kind: 'lending', insuranceFundUsd: null, venue: null } as const;
  return [
    { ...lending, protocol: 'aave-v3', closeFactor, fullCloseBelowHf: fullClose, isolation: 'pooled', chain: 'ethereum' },
    { ...lending, protocol: 'aave-v3-arbitrum', closeFactor, fullCloseBelowHf: fullClose, isolation: 'pooled', chain: 'arbitrum' },
    // Comet's absorb takes the whole account; a Morpho liquidation may repay all of the debt.
    { ...lending, protocol: 'compound-v3', closeFactor: 1, fullCloseBelowHf: null, isolation: 'market', chain: 'ethereum' },
    { ...lending, protocol: 'morpho-blue', closeFactor: 1, fullCloseBelowHf: null, isolation: 'market', chain: 'ethereum' },
    optionsProtocol(p),
  ];
}

export function row(protocol: string, market: string, asset: string, ltv: number, lt: number, bonusText: string): MarketRow {
  return {
    protocol, market, asset, ltv, liquidationThreshold: lt, bonusText, bonus: Number(bonusText),
    supplyCap: null, borrowCap: null, supplyCap202401: null, borrowCap202401: null, marketId: null,
  };
}

function aaveMarkets(p: ParamBook, protocol: 'aave-v3' | 'aave-v3-arbitrum', symbols: readonly string[]): MarketRow[] {
  const g = AAVE_GAUNTLET[protocol];
  return symbols.map((sym) => {
    const v = (f: string) => p.num(`${protocol}.${sym}.${f}`);
    // Aave stores the bonus as 10000 + bonus in bps: 10500 is a 5% discount to the liquidator.
    const r = row(protocol, sym, sym, v('ltv') / 1e4, v('liquidationThreshold') / 1e4, fixed((v('liquidationBonus') - 1e4) / 1e4, 6));
    r.supplyCap = v('supplyCap');
    r.borrowCap = v('borrowCap');
    r.supplyCap202401 = p.fig(g, `${sym}.supply_cap`);
    r.borrowCap202401 = p.fig(g, `${sym}.borrow_cap`);
    return r;
  });
}

function cometMarkets(p: ParamBook): MarketRow[] {
  const out: MarketRow[] = [];
  for (const [name, collateral] of Object.entries(COMET_COLLATERAL)) {
    // The base asset is never collateral; its row exists so debt rows name a listed market.
    out.push(row('compound-v3', name, p.str(`compound-v3.${name}.baseToken`), 0, 0, '0'));
    for (const sym of collateral) {
      const v = (f: string) => p.num(`compound-v3.${name}.${sym}.${f}`);
      // absorb credits collateral at liquidationFactor of its value: the account loses 1 - factor.
      out.push(row('compound-v3', name, sym, v('borrowCF'), v('liquidateCF'), fixed(1 - v('liquidationFactor'), 9)));
    }
  }
  return out;
}

/** Morpho Blue's liquidation incentive, computed as Morpho.liquidate() does, in WAD. */
export function morphoBonus(p: ParamBook, lltv: bigint): string {
  const cursor = literal(p.str('morpho-blue.LIQUIDATION_CURSOR'));
  const maxLif = literal(p.str('morpho-blue.MAX_LIQUIDATION_INCENTIVE_FACTOR'));
  const lif = (WAD * WAD) / (WAD - (cursor * (WAD - lltv)) / WAD);
  return scaled((lif < maxLif ? lif : maxLif) - WAD, 18);
}

export function morphoMarketName(p: ParamBook, id: string): string {
  const lltv = BigInt(p.str(`morpho-blue.${id}.lltv`));
  const pair = `${p.str(`morpho-blue.${id}.collateral_symbol`)}/${p.str(`morpho-blue.${id}.loan_symbol`)}`;
  return `${pair}-${scaled(lltv, 16)}-${id.slice(0, 10)}`;
}

function morphoMarkets(p: ParamBook): MarketRow[] {
  return MORPHO_MARKETS.flatMap((id) => {
    const lltvRaw = BigInt(p.str(`morpho-blue.${id}.lltv`));
    const lltv = Number(scaled(lltvRaw, 18));
    const name = morphoMarketName(p, id);
    const coll = row('morpho-blue', name, p.str(`morpho-blue.${id}.collateral_symbol`), lltv, lltv, morphoBonus(p, lltvRaw));
    const loan = row('morpho-blue', name, p.str(`morpho-blue.${id}.loan_symbol`), 0, 0, '0');
    coll.marketId = id;
    loan.marketId = id;
    return [coll, loan];
  });
}

export function buildUniverse(p: ParamBook): Universe {
  const eth = ['WETH', 'wstETH', 'cbETH', 'WBTC', 'USDC', 'USDT', 'DAI', 'UNI', 'LINK'];
  const arb = ['WETH', 'wstETH', 'WBTC', 'USDC', 'USDT', 'DAI', 'LINK'];
  return {
    assets: assets(p),
    protocols: protocols(p),
    markets: [...aaveMarkets(p, 'aave-v3', eth), ...aaveMarkets(p, 'aave-v3-arbitrum', arb), ...cometMarkets(p), ...morphoMarkets(p), ...optionsMarkets(p)],
  };
}

/**
 * Gauntlet's "DEX 25% slippage (tokens)" Δ is the sale whose average price is 25% under spot. In
 * a constant-product pool with asset reserve x the average price of selling Δ is p·x/(x+Δ), so
 * x/(x+Δ) = 0.75 gives x = 3Δ, and the USD side is x at the snapshot price.
 */
export function buildLiquidity(p: ParamBook, u: Universe): LiquidityRow[] {
  const rows: LiquidityRow[] = [];
  for (const sym of ['WETH', 'wstETH', 'cbETH', 'WBTC', 'USDC', 'USDT', 'DAI', 'UNI', 'LINK']) {
    const key = `${sym}.dex_25pct_slippage_tokens`;
    const g = p.hasFig('gauntlet-aave-eth-2024-01-25', key) ? 'gauntlet-aave-eth-2024-01-25' : 'gauntlet-aave-eth-2024-01-18';
    const delta = p.fig(g, key);
    const x = 3 * delta;
    const a = u.assets.get(sym);
    if (a === undefined) throw new Error(`no asset ${sym}`);
    rows.push({ asset: sym, assetReserve: x, usdReserve: x * a.price, slippageTokens: delta });
  }
  return rows;
}
