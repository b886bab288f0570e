import { escapeTerminal } from './escape.js';
import type { ReportTable } from './report-table.js';

/** Longest a text cell may print before it is cut with "…", so one long name cannot widen a table past a terminal. */
export const MAX_TEXT_CELL = 28;

const width = (text: string): number => [...text].length;

function fit(text: string, max: number): string {
  const chars = [...escapeTerminal(text)];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * A `ReportTable` as fixed-width plain text: a header, a rule, the rows and a totals row under a
 * second rule; numbers right-aligned, text left-aligned and cut at `MAX_TEXT_CELL`. No colours.
 * Lines start with `indent`; the caption is left to the caller, who knows the context.
 */
export function textTable(table: ReportTable, indent = '  '): string {
  if (table.rows.length === 0) return `${indent}${table.emptyText ?? 'None.'}\n`;
  const prepare = (cells: readonly string[]): string[] => cells.map((cell, i) => (table.columns[i]?.numeric ? escapeTerminal(cell) : fit(cell, MAX_TEXT_CELL)));
  const header = table.columns.map((c) => c.label);
  const rows = table.rows.map(prepare);
  const totals = table.totals === undefined ? undefined : prepare(table.totals);
  const widths = header.map((label, i) => Math.max(width(label), ...rows.map((r) => width(r[i] ?? '')), width(totals?.[i] ?? '')));
  const line = (cells: readonly string[]): string => {
    const padded = widths.map((w, i) => {
      const cell = cells[i] ?? '';
      const gap = ' '.repeat(Math.max(0, w - width(cell)));
      return table.columns[i]?.numeric ? gap + cell : cell + gap;
    });
    return `${indent}${padded.join('  ')}`.trimEnd();
  };
  const rule = `${indent}${widths.map((w) => '-'.repeat(w)).join('  ')}`;
  return [line(header), rule, ...rows.map(line), ...(totals === undefined ? [] : [rule, line(totals)]), ''].join('\n');
}
