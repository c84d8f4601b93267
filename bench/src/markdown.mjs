// Markdown tables and number formats for the bench's output.

/**
 * @param {string[]} headers
 * @param {(string | number)[][]} rows
 * @param {('l' | 'r')[]} [align] left for the first column, right for the rest, unless told
 */
export function table(headers, rows, align = headers.map((_, i) => (i === 0 ? 'l' : 'r'))) {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, i) => Math.max(3, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (/** @type {string[]} */ row) =>
    `| ${row.map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(headers), rule, ...cells.slice(1).map(line)].join('\n');
}

export const int = (/** @type {number} */ n) => Math.round(n).toLocaleString('en-US');
export const bytes = (/** @type {number} */ n) => `${int(n)} B`;
export const ms = (/** @type {number} */ n) => `${n.toFixed(1)} ms`;
export const ratio = (/** @type {number} */ n) => `${n.toFixed(2)}x`;

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}
