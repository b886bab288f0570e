import { escapeHtml } from './escape.js';
import type { ReportTable } from './report-table.js';

/** A `ReportTable` as an HTML `<table>` with its caption; every cell and label escaped. */
export function htmlTable(table: ReportTable): string {
  const cellClass = (index: number): string => {
    const column = table.columns[index];
    if (column?.numeric) return ' class="num"';
    return column?.code ? ' class="code"' : '';
  };
  const row = (cells: readonly string[], tag: 'td' | 'th' = 'td'): string =>
    `<tr>${cells.map((cell, i) => `<${tag}${cellClass(i)}>${escapeHtml(cell)}</${tag}>`).join('')}</tr>`;
  const head = `<thead><tr>${table.columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`).join('')}</tr></thead>`;
  const open = `<div class="table-wrap"><table id="${escapeHtml(table.id)}">\n<caption>${escapeHtml(table.caption)}</caption>`;
  // An empty table keeps its caption (what it would show, for which snapshot and scenario) but
  // drops its header: a row of column names over nothing reads as a rendering fault.
  if (table.rows.length === 0) return `${open}\n<tbody><tr><td class="empty">${escapeHtml(table.emptyText ?? 'None.')}</td></tr></tbody>\n</table></div>`;
  const body = table.rows.map((cells) => row(cells)).join('\n');
  const foot = table.totals !== undefined ? `<tfoot>${row(table.totals)}</tfoot>` : '';
  return [open, head, `<tbody>\n${body}\n</tbody>${foot}`, '</table></div>'].join('\n');
}

/** A `<dl>` of label → value pairs; values are plain text and escaped here. */
export const htmlDefinitions = (pairs: readonly [string, string][], className = 'meta'): string =>
  `<dl class="${className}">\n${pairs.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('\n')}\n</dl>`;
