import type { PdfLine } from './PdfLine';

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The x of a gutter that splits the page into two columns of prose, or null for one column. */
function findGutter(lines: readonly PdfLine[], width: number): number | null {
  if (lines.length < 12) return null;
  let best: { x: number; crossing: number } | null = null;
  for (let x = width * 0.3; x <= width * 0.7; x += 3) {
    let crossing = 0;
    for (const line of lines) if (line.x < x - 1 && line.right > x + 1) crossing++;
    if (!best || crossing < best.crossing) best = { x, crossing };
  }
  if (!best || best.crossing > lines.length * 0.3) return null;
  const gutter = best.x;
  const left = lines.filter((l) => l.right <= gutter);
  const right = lines.filter((l) => l.x >= gutter);
  if (left.length < 6 || right.length < 6) return null;
  // Prose columns have wide lines; a table's narrow cells on both sides do not make columns.
  const wide = (side: PdfLine[]): boolean => median(side.map((l) => l.right - l.x)) >= width * 0.22;
  return wide(left) && wide(right) ? gutter : null;
}

/**
 * Puts a page's lines in reading order: on two-column pages, each band of rows between
 * full-width lines is read down the left column, then down the right one.
 */
export function orderColumns(lines: PdfLine[], width: number): PdfLine[] {
  const gutter = findGutter(lines, width);
  if (gutter === null) return lines;
  const out: PdfLine[] = [];
  let left: PdfLine[] = [];
  let right: PdfLine[] = [];
  const flush = (): void => {
    out.push(...left, ...right);
    left = [];
    right = [];
  };
  let index = 0;
  while (index < lines.length) {
    const row = (lines[index] as PdfLine).row;
    const rowLines: PdfLine[] = [];
    while (index < lines.length && (lines[index] as PdfLine).row === row) {
      rowLines.push(lines[index] as PdfLine);
      index++;
    }
    if (rowLines.some((l) => l.x < gutter - 1 && l.right > gutter + 1)) {
      flush();
      out.push(...rowLines);
      continue;
    }
    for (const line of rowLines) (line.right <= gutter + 1 ? left : right).push(line);
  }
  flush();
  return out;
}
