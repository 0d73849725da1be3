import type { Block, Inline } from '../../../shared/model';
import type { PdfLine } from './PdfLine';

type ToInlines = (lines: PdfLine[]) => Inline[];

/** Column spans from the rows with the most common cell count (merged where they overlap). */
function columnSpans(rows: readonly PdfLine[][]): [number, number][] {
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  let mode = 0;
  let modeRows = 0;
  for (const [count, n] of counts)
    if (n > modeRows || (n === modeRows && count > mode)) [mode, modeRows] = [count, n];
  const spans = rows
    .filter((r) => r.length === mode)
    .flatMap((r) => r.map((l): [number, number] => [l.x, l.right]))
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return modeRows >= 2 ? merged : [];
}

/**
 * Rebuilds a table from rows of segments when they line up in columns; otherwise returns each
 * row as a paragraph with its cells separated by " | " (and `flattened: true`).
 */
export function tableFromRows(
  rows: PdfLine[][],
  toInlines: ToInlines,
): { blocks: Block[]; flattened: boolean } {
  const spans = columnSpans(rows);
  if (spans.length >= 2) {
    const cells = rows.map((row) => {
      const byColumn: PdfLine[][] = spans.map(() => []);
      for (const line of row) {
        let best = 0;
        let bestOverlap = -Infinity;
        spans.forEach(([a, b], i) => {
          const overlap = Math.min(b, line.right) - Math.max(a, line.x);
          if (overlap > bestOverlap) [best, bestOverlap] = [i, overlap];
        });
        byColumn[best]?.push(line);
      }
      return byColumn.map((lines) => ({ content: toInlines(lines) }));
    });
    const headerRows = rows[0]?.every((l) => l.bold) ? 1 : 0;
    return { blocks: [{ type: 'table', headerRows, rows: cells }], flattened: false };
  }
  const blocks: Block[] = rows.map((row) => {
    const content: Inline[] = [];
    row.forEach((line, i) => {
      if (i > 0) content.push({ type: 'text', text: ' | ' });
      content.push(...toInlines([line]));
    });
    return { type: 'paragraph', content };
  });
  return { blocks, flattened: true };
}
