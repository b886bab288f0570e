/**
 * The collections a Messari lending source pages, by schema line (schema-version.ts). The 3.x
 * queries are at queries/subgraphs/messari-lending/, those of 2.0.1 under v2/ and of 1.3.x under v1/.
 *
 *   3.x     markets ("0x" cursor: Bytes ids)   positions ("")   liquidates ("0x")
 *   2.0.1   markets ("": ID ids)               positions ("")   liquidates ("")
 *   1.3.x   markets ("")                                         liquidates ("")   (no Position entity)
 */
import type { SourceConfig } from '../../config.js';
import type { EntitySpec } from '../../source-family.js';
import { liquidateItem, marketItem, positionItem } from './items.js';
import { legacyMarketItem, liquidateItem13, liquidateItem201, positionItem201 } from './legacy-items.js';
import { lineOf, messariLendingOptionsOf, type SchemaLine } from './schema-version.js';

const DIR = 'subgraphs/messari-lending';

export const MESSARI_LENDING_ENTITIES: Readonly<Record<SchemaLine, readonly EntitySpec[]>> = {
  '3.x': [
    { entity: 'markets', queryFile: `${DIR}/markets`, firstCursor: '0x', item: marketItem },
    { entity: 'positions', queryFile: `${DIR}/positions`, firstCursor: '', item: positionItem },
    { entity: 'liquidates', queryFile: `${DIR}/liquidates`, firstCursor: '0x', item: liquidateItem },
  ],
  '2.0.1': [
    { entity: 'markets', queryFile: `${DIR}/v2/markets`, firstCursor: '', item: legacyMarketItem },
    { entity: 'positions', queryFile: `${DIR}/v2/positions`, firstCursor: '', item: positionItem201 },
    { entity: 'liquidates', queryFile: `${DIR}/v2/liquidates`, firstCursor: '', item: liquidateItem201 },
  ],
  '1.3.x': [
    { entity: 'markets', queryFile: `${DIR}/v1/markets`, firstCursor: '', item: legacyMarketItem },
    { entity: 'liquidates', queryFile: `${DIR}/v1/liquidates`, firstCursor: '', item: liquidateItem13 },
  ],
};

/** The collections of a source, by its `options.schemaVersion` (3.1.0 when unset). */
export const messariLendingEntities = (source: SourceConfig): readonly EntitySpec[] =>
  MESSARI_LENDING_ENTITIES[lineOf(messariLendingOptionsOf(source).schemaVersion)];
