import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLInputObjectType, GraphQLEnumType, GraphQLObjectType, printSchema, validateSchema, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveGraphApi, validateQuery } from '../harness/graph-api-schema.js';
import { familyOfQueryFile, versionedSdlOfQueryFile, loadSubgraphSdl, SUBGRAPH_FAMILIES, SUBGRAPH_QUERIES_DIR, SUBGRAPH_SCHEMAS_DIR, type SubgraphFamily } from '../harness/subgraph-schemas.js';

const schemas = new Map<SubgraphFamily, GraphQLSchema>();
beforeAll(() => {
  for (const family of SUBGRAPH_FAMILIES) schemas.set(family, deriveGraphApi(loadSubgraphSdl(family)).schema);
});
const schema = (family: SubgraphFamily) => schemas.get(family)!;
const inputFields = (s: GraphQLSchema, name: string) => Object.keys((s.getType(name) as GraphQLInputObjectType).getFields());
const messages = (s: GraphQLSchema, query: string) => validateQuery(s, query).map((e) => e.message);

describe('buildGraphApiSchema', () => {
  it.each(SUBGRAPH_FAMILIES)('derives a valid GraphQL schema for %s without subgraph directives', (family) => {
    expect(validateSchema(schema(family))).toEqual([]);
    const printed = printSchema(schema(family));
    for (const directive of ['@entity', '@derivedFrom', '@regularPolling', '@transaction', '@dailySnapshot']) expect(printed).not.toContain(directive);
  });

  it('serves by-id and collection fields with graph-node arguments and defaults', () => {
    const query = schema('messari-lending').getQueryType()!.getFields();
    const positions = query.positions!;
    expect(positions.args.map((a) => a.name)).toEqual(['skip', 'first', 'orderBy', 'orderDirection', 'where', 'block', 'subgraphError']);
    expect(positions.args.find((a) => a.name === 'first')!.defaultValue).toBe(100);
    expect(positions.args.find((a) => a.name === 'skip')!.defaultValue).toBe(0);
    expect(positions.args.find((a) => a.name === 'subgraphError')!.defaultValue).toBe('deny');
    expect(String(positions.type)).toBe('[Position!]!');
    expect(query.position!.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual(['id: ID!', 'block: Block_height', 'subgraphError: _SubgraphErrorPolicy_!']);
    expect(query.events, 'interfaces get collections too').toBeDefined();
    expect(String(query._meta!.type)).toBe('_Meta_');
  });

  it('generates graph-node filter operators by field type', () => {
    const keys = inputFields(schema('messari-lending'), 'Position_filter');
    for (const k of ['id', 'id_gt', 'id_in', 'balance_gt', 'balance_lte', 'balance_not_in', 'side', 'side_in', 'side_not', 'isCollateral_not', 'hashClosed', 'hashClosed_contains']) expect(keys).toContain(k);
    for (const k of ['market', 'market_in', 'market_starts_with', 'market_', 'account_', 'liquidations_', 'and', 'or', '_change_block']) expect(keys).toContain(k);
    expect(keys, 'derived fields filter only through a child filter').not.toContain('liquidations');
    expect(keys, 'enums have no ordering operators').not.toContain('side_gt');
    expect(keys, 'Booleans have no ordering operators').not.toContain('isCollateral_gt');
    const market = inputFields(schema('messari-lending'), 'Market_filter');
    expect(market).toEqual(expect.arrayContaining(['name_contains_nocase', 'name_not_ends_with', 'rates_contains', 'rates_not_contains', 'liquidationThreshold_gte']));
    const pool = inputFields(schema('messari-dex'), 'LiquidityPool_filter');
    expect(pool, 'String-id entity lists allow nocase').toEqual(expect.arrayContaining(['inputTokens_contains_nocase', 'inputTokenBalances_contains', 'inputTokens_']));
  });

  it('orders by fields and by fields of referenced entities', () => {
    const values = (schema('aave-v3').getType('UserReserve_orderBy') as GraphQLEnumType).getValues().map((v) => v.name);
    expect(values).toEqual(expect.arrayContaining(['id', 'currentATokenBalance', 'reserve', 'reserve__symbol', 'reserve__reserveLiquidationThreshold', 'user__id']));
    expect(values, 'no sorting by a child entity or list').not.toContain('reserve__price');
    const direction = (schema('aave-v3').getType('OrderDirection') as GraphQLEnumType).getValues().map((v) => v.name);
    expect(direction).toEqual(['asc', 'desc']);
  });

  it('gives list fields of entities the collection arguments (without block)', () => {
    const market = schema('messari-lending').getType('Market') as GraphQLObjectType;
    expect(market.getFields().positions!.args.map((a) => a.name)).toEqual(['skip', 'first', 'orderBy', 'orderDirection', 'where']);
    expect(market.getFields().inputTokenBalance!.args).toEqual([]);
  });

  it('serves the meta types graph-node adds', () => {
    expect(inputFields(schema('uniswap-v3'), 'Block_height')).toEqual(['hash', 'number', 'number_gte']);
    const meta = schema('uniswap-v3').getType('_Meta_') as GraphQLObjectType;
    expect(Object.keys(meta.getFields())).toEqual(['block', 'deployment', 'hasIndexingErrors']);
    const block = schema('uniswap-v3').getType('_Block_') as GraphQLObjectType;
    expect(Object.keys(block.getFields())).toEqual(expect.arrayContaining(['number', 'hash', 'timestamp']));
  });
});

describe('validateQuery', () => {
  it('accepts a realistic paginated, block-pinned query', () => {
    const query = `query Page($block: Int!, $after: ID!) {
      positions(first: 1000, where: { id_gt: $after, hashClosed: null, balance_gt: "0", market_: { isActive: true } }, orderBy: id, orderDirection: asc, block: { number: $block }) {
        id side isCollateral balance account { id } market { id liquidationThreshold inputToken { id decimals } } asset { id }
      }
      _meta(block: { number: $block }) { block { number hash timestamp } deployment hasIndexingErrors }
    }`;
    expect(messages(schema('messari-lending'), query)).toEqual([]);
    expect(messages(schema('messari-lending'), `{ positions(first: 1000, where: { id_gt: "" }, orderBy: id, orderDirection: asc, block: { number: 100 }) { id } }`)).toEqual([]);
  });

  it('accepts realistic queries of every family', () => {
    expect(messages(schema('aave-v3'), `{ userReserves(first: 1000, where: { id_gt: "", reserve_: { usageAsCollateralEnabled: true } }) { id currentATokenBalance currentVariableDebt usageAsCollateralEnabledOnUser reserve { id underlyingAsset decimals baseLTVasCollateral reserveLiquidationThreshold reserveLiquidationBonus price { priceInEth } eMode { id liquidationThreshold } } user { id eModeCategoryId { id } } } }`)).toEqual([]);
    expect(messages(schema('morpho-blue'), `{ markets(first: 1000) { id lltv inputToken { id } borrowedToken { id } oracle { oracleAddress } totalBorrowShares } positions(where: { side_in: [COLLATERAL, BORROWER] }) { id shares balance } }`)).toEqual([]);
    expect(messages(schema('uniswap-v3'), `{ pools(first: 5, orderBy: totalValueLockedUSD, orderDirection: desc) { id sqrtPrice tick liquidity feeTier token0 { id decimals } token1 { id } ticks(first: 1000, orderBy: tickIdx) { tickIdx liquidityNet } } }`)).toEqual([]);
    expect(messages(schema('messari-options'), `{ options(where: { type: CALL, expirationTimestamp_gt: "0" }) { id strikePrice underlyingAsset { symbol } positions(first: 10) { id amount } } }`)).toEqual([]);
    expect(messages(schema('messari-dex'), `{ liquidityPools(where: { totalValueLockedUSD_gt: "1000000" }) { id inputTokens { id } inputTokenBalances totalValueLockedUSD } }`)).toEqual([]);
  });

  it('rejects unknown fields, arguments and wrongly typed values', () => {
    expect(messages(schema('messari-lending'), '{ positions { id bal } }')).toEqual(['Cannot query field "bal" on type "Position".']);
    expect(messages(schema('messari-lending'), '{ positions(where: { balanceGt: "1" }) { id } }')[0]).toMatch(/balanceGt/);
    expect(messages(schema('messari-lending'), '{ positions(orderBy: size) { id } }')[0]).toMatch(/Position_orderBy/);
    expect(messages(schema('messari-lending'), '{ positions(first: "10") { id } }')[0]).toMatch(/Int cannot represent/);
    expect(messages(schema('messari-lending'), '{ positions(where: { side: LENDER }) { id } }')[0], 'Messari v3 has COLLATERAL, not LENDER').toMatch(/LENDER/);
    expect(messages(schema('messari-lending'), '{ positions { id ')[0]).toMatch(/Syntax Error/);
  });

  it('is strict about variable types by default, lenient like graph-node on request', () => {
    const query = 'query($after: String!) { positions(where: { id_gt: $after }) { id } }';
    expect(messages(schema('messari-lending'), query)[0]).toMatch(/expecting type "ID"/);
    expect(validateQuery(schema('messari-lending'), query, { lenient: true })).toEqual([]);
  });
});

/** Every query file the indexers use (queries/subgraphs/<family>/…), if any exist yet. */
function queryFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === SUBGRAPH_SCHEMAS_DIR) continue;
    if (statSync(path).isDirectory()) out.push(...queryFiles(path));
    else if (name.endsWith('.graphql')) out.push(path);
  }
  return out;
}

describe("the project's subgraph query files", () => {
  const files = queryFiles(SUBGRAPH_QUERIES_DIR);
  it('finds the query files', () => expect(files.length).toBeGreaterThan(10));
  it.each(files)('%s validates against its family schema (a versioned folder: that version; a shared file: all)', (file) => {
    const text = readFileSync(file, 'utf8');
    const versioned = versionedSdlOfQueryFile(file);
    if (versioned !== undefined) {
      expect(messages(deriveGraphApi(versioned).schema, text), `${file} against its schema version`).toEqual([]);
      return;
    }
    const family = familyOfQueryFile(file);
    for (const f of family === undefined ? SUBGRAPH_FAMILIES : [family]) expect(messages(schema(f), text), `${file} against ${f}`).toEqual([]);
  });
});
