import { buildExposureGraph } from '../../../src/graph/index.js';
import { referenceCascade, REFERENCE_CASCADE_DEFAULTS } from '../../../src/contagion/index.js';
import { exposureMapData, receiptIssuers, type ExposureMapData, type ExposureMapOptions, type MapRun, type PathRunResult } from '../../../src/report/map/index.js';
import type { ToyEcosystem } from '../../helpers/toy-ecosystem.js';
import { SCENARIOS, toyEcosystemSnapshot } from '../report-fixture.js';

/** The report's toy ecosystem (hostile symbol and protocol name included) mapped, with the hostile crash scenario's run. */
export function toyMap(options: ExposureMapOptions = {}, withRun = true): ExposureMapData {
  const snapshot = toyEcosystemSnapshot();
  const scenario = SCENARIOS[1]!;
  const run: MapRun = { scenario, result: referenceCascade(snapshot, scenario.shocks, REFERENCE_CASCADE_DEFAULTS) };
  return exposureMapData(buildExposureGraph(snapshot), snapshot.info, withRun ? run : undefined, options);
}

/**
 * A hand-built contagion chain (no chain or block: the ecosystem and the run are written by hand,
 * not indexed or solved). A's sales of X (round 1) liquidate B (round 2), whose sales of Y
 * liquidate C (round 3), whose bad debt writes down its receipt token rY, which D holds as
 * collateral. F holds X but is never liquidated; G holds Y but was liquidated only in round 1,
 * before B sold Y; E holds only Z. One account per protocol; amounts only make the collateral edges.
 */
const position = (asset: string) => ({ asset, amount: 10, liquidationThreshold: 0.8, liquidationBonus: 0.05 });
const account = (protocol: string, ...collateral: string[]): ToyEcosystem['accounts'][number] => ({
  protocol, account: `0x${protocol.toLowerCase().repeat(40)}`, collateral: collateral.map(position), debt: [{ asset: 'USDC', amount: 5 }],
});
export const CHAIN: ToyEcosystem = {
  assets: [
    { symbol: 'X', priceUsd: 10 }, { symbol: 'Y', priceUsd: 10 }, { symbol: 'Z', priceUsd: 10 }, { symbol: 'USDC', priceUsd: 1, kind: 'stable' },
    { symbol: 'rY', priceUsd: 10, kind: 'receipt', underlying: 'Y', issuer: 'C' },
  ],
  protocols: ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((name) => ({ name, closeFactor: 0.5 })),
  accounts: [account('A', 'X'), account('B', 'X', 'Y'), account('C', 'Y'), account('D', 'rY'), account('E', 'Z'), account('F', 'X'), account('G', 'Y')],
};

export const CHAIN_RUN: PathRunResult = {
  events: [
    { protocol: 'A', round: 1, seized: [{ asset: 'X', usd: 100 }] },
    { protocol: 'G', round: 1, seized: [{ asset: 'Y', usd: 10 }] },
    { protocol: 'B', round: 2, seized: [{ asset: 'Y', usd: 50 }, { asset: 'X', usd: 5 }] },
    { protocol: 'C', round: 3, badDebtUsd: 7, seized: [{ asset: 'Y', usd: 20 }] },
  ],
  liquidatedDebtUsdByProtocol: { A: 90, B: 50, C: 20, G: 9 },
  badDebtByProtocol: { C: 7 },
  receipts: { writeDownBySymbol: { rY: 0.1 }, writeDownsByRound: [{ rY: 0 }, { rY: 0 }, { rY: 0.1 }] },
};

/** The chain mapped with its receipt issuers (rY: C), as `contagion map` would pass them (or `issuers`); `result` undefined: the potential paths, `potentialHops` deep. */
export function chainMap(result: PathRunResult | undefined, potentialHops?: number, issuers?: Record<string, string>): ExposureMapData {
  const snapshot = toyEcosystemSnapshot(CHAIN);
  const paths = { issuers: issuers ?? receiptIssuers(snapshot.assets), ...(potentialHops === undefined ? {} : { potentialHops }) };
  return exposureMapData(buildExposureGraph(snapshot), snapshot.info, result === undefined ? undefined : { scenario: { name: 'chain' }, result }, { paths });
}
