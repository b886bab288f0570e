import type { SnapshotInfo } from '../../model/ecosystem.js';
import type { ReportInput } from '../report-input.js';
import { modelText, snapshotBlocksText } from '../report-header.js';

/**
 * The line the map states under its title, as every report figure does: the snapshot's blocks
 * and, when the paths come from a run, the model and options it ran under. Plain text (escaped
 * where written).
 */
export function mapContext(info: Partial<Pick<SnapshotInfo, 'blocks'>>, model: ReportInput['model'] | undefined): string {
  const parts = [
    ...(info.blocks === undefined ? [] : [`blocks ${snapshotBlocksText({ blocks: info.blocks } as SnapshotInfo)}`]),
    ...(model === undefined ? [] : [`model ${modelText(model)}`]),
  ];
  return parts.join('; ');
}
