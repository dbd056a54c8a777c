// The bench prints its tables as Markdown, padded so that they read in a terminal as they
// render in bench-results/latest.md.

/** A Markdown table of `rows` (arrays of cells) under `header`; `align` per column: 'l' or 'r'. */
export function markdownTable(header, rows, align = header.map((_, i) => (i ? 'r' : 'l'))) {
  const widths = header.map((_, i) => Math.max(3, ...[header, ...rows].map((row) => String(row[i]).length)));
  const line = (row) => `| ${row.map((cell, i) => (align[i] === 'r' ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((width, i) => (align[i] === 'r' ? `${'-'.repeat(width + 1)}:` : `:${'-'.repeat(width + 1)}`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
