import { buildExposureGraph } from '../../../src/graph/index.js';
import { referenceCascade, REFERENCE_CASCADE_DEFAULTS } from '../../../src/contagion/index.js';
import { exposureMapData, type ExposureMapData, type ExposureMapOptions, type MapRun } from '../../../src/report/map/index.js';
import { SCENARIOS, toyEcosystemSnapshot } from '../report-fixture.js';

/** The report's toy ecosystem (hostile symbol and protocol name included) mapped, with the hostile crash scenario's run. */
export function toyMap(options: ExposureMapOptions = {}, withRun = true): ExposureMapData {
  const snapshot = toyEcosystemSnapshot();
  const scenario = SCENARIOS[1]!;
  const run: MapRun = { scenario, result: referenceCascade(snapshot, scenario.shocks, REFERENCE_CASCADE_DEFAULTS) };
  return exposureMapData(buildExposureGraph(snapshot), snapshot.info, withRun ? run : undefined, options);
}
