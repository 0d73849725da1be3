import type { PdfLine, PdfRun } from './PdfLine';

/** A positioned piece of text from pdf.js, in top-down page coordinates. */
export interface PdfGlyphRun {
  text: string;
  x: number;
  width: number;
  /** Baseline measured from the top of the page. */
  y: number;
  size: number;
  bold: boolean;
  italic: boolean;
}

// A bullet or list number set apart from its text by a tab stays with that text.
const LONE_MARKER = /^(?:[•●▪■◦○‣⁃–*➢►▸✓❑-]|\(?[0-9a-zA-Z]{1,3}[.)])$/;

interface Row {
  y: number;
  size: number;
  left: number;
  right: number;
  items: PdfGlyphRun[];
}

const needsNoSpace = (a: string, b: string): boolean =>
  /\s$/.test(a) || /^[\s\p{M}]/u.test(b) || a === '' || b === '';

// Scripts written without spaces between words: a small gap inside them is not a word break.
const UNSPACED =
  /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function makeRuns(items: PdfGlyphRun[], lineSize: number, baseline: number): PdfRun[] {
  const runs: PdfRun[] = [];
  for (const item of items) {
    const superscript =
      item.size < lineSize * 0.85 && baseline - item.y > lineSize * 0.15 && item.text.trim() !== '';
    const last = runs[runs.length - 1];
    const right = item.x + item.width;
    if (last) {
      const gap = item.x - last.right;
      const space =
        gap > Math.min(last.size, item.size) * 0.18 &&
        !needsNoSpace(last.text, item.text) &&
        !(UNSPACED.test(last.text.slice(-1)) && UNSPACED.test(item.text.charAt(0)));
      if (
        last.bold === item.bold &&
        last.italic === item.italic &&
        last.superscript === superscript &&
        Math.abs(last.size - item.size) < 0.5
      ) {
        last.text += (space ? ' ' : '') + item.text;
        if (item.text.trim() !== '') last.right = Math.max(last.right, right);
        continue;
      }
      if (space) last.text += ' ';
    }
    runs.push({
      text: item.text,
      x: item.x,
      right,
      size: item.size,
      bold: item.bold,
      italic: item.italic,
      superscript,
    });
  }
  return runs;
}

function dominantSize(items: readonly PdfGlyphRun[]): number {
  const weights = new Map<number, number>();
  for (const item of items) {
    const key = Math.round(item.size * 2) / 2;
    weights.set(key, (weights.get(key) ?? 0) + item.text.trim().length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, weight] of weights) {
    if (weight > bestWeight || (weight === bestWeight && size > best)) {
      best = size;
      bestWeight = weight;
    }
  }
  return best;
}

function toLine(items: PdfGlyphRun[], page: number, row: number, baseline: number): PdfLine | null {
  const size = dominantSize(items);
  const runs = makeRuns(items, size, baseline);
  const text = runs
    .map((r) => r.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  // Marks drawn apart from their letters (a Thai title's tone marks) cannot be placed back.
  if (text === '' || /^[\p{M}\s]+$/u.test(text)) return null;
  let boldChars = 0;
  let italicChars = 0;
  let chars = 0;
  for (const run of runs) {
    const n = run.text.replace(/\s/g, '').length;
    chars += n;
    if (run.bold) boldChars += n;
    if (run.italic) italicChars += n;
  }
  const first = runs[0] as PdfRun;
  const last = runs[runs.length - 1] as PdfRun;
  return {
    page,
    row,
    x: first.x,
    right: last.right,
    y: baseline,
    size,
    bold: chars > 0 && boldChars >= chars * 0.9,
    italic: chars > 0 && italicChars >= chars * 0.9,
    text,
    runs,
  };
}

/**
 * Groups a page's text pieces into rows by baseline, then cuts each row at gaps wider than
 * about one and a half characters' height: columns and table cells become separate segments.
 */
export function groupLines(items: PdfGlyphRun[], page: number): PdfLine[] {
  const sorted = items.filter((i) => i.text !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Row[] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    const dy = row ? Math.abs(item.y - row.y) : Infinity;
    // Text of another size joins the row only beside its text (a superscript); a big side
    // heading's baseline does not swallow the body lines set next to it.
    const reach = row ? Math.max(row.size, item.size) : 0;
    if (
      row &&
      (dy <= Math.min(row.size, item.size) * 0.45 ||
        (dy <= reach * 0.45 &&
          item.x <= row.right + reach &&
          item.x + item.width >= row.left - reach))
    ) {
      row.items.push(item);
      row.left = Math.min(row.left, item.x);
      row.right = Math.max(row.right, item.x + item.width);
      // The row's baseline is that of its biggest text, not of a superscript that came first.
      if (item.size > row.size * 1.05 && item.text.trim() !== '') {
        row.size = item.size;
        row.y = item.y;
      }
      continue;
    }
    rows.push({
      y: item.y,
      size: item.size,
      left: item.x,
      right: item.x + item.width,
      items: [item],
    });
  }
  const lines: PdfLine[] = [];
  rows.forEach((row, rowIndex) => {
    row.items.sort((a, b) => a.x - b.x);
    let segment: PdfGlyphRun[] = [];
    let right = -Infinity;
    let lastSize = 0;
    let segmentText = '';
    const flush = (): void => {
      const line = toLine(segment, page, rowIndex, row.y);
      if (line) lines.push(line);
      segment = [];
      segmentText = '';
    };
    for (const item of row.items) {
      const blank = item.text.trim() === '';
      // Only a short segment can be a lone marker; joining long ones on every piece is quadratic.
      const lone =
        segmentText.length > 0 && segmentText.length <= 12 && LONE_MARKER.test(segmentText.trim());
      const prevSize = lastSize;
      // Text of another size past a gap of half an em is a different block (a side heading).
      const resized =
        prevSize > 0 && Math.abs(item.size - prevSize) > Math.min(item.size, prevSize) * 0.15;
      const gap = item.x - right;
      if (
        segment.length > 0 &&
        !blank &&
        !lone &&
        (gap > Math.max(row.size, 6) * 1.5 ||
          (resized && gap > Math.min(item.size, prevSize) * 0.5))
      )
        flush();
      if (!blank) lastSize = item.size;
      if (blank && segment.length === 0) continue;
      segment.push(item);
      segmentText += item.text;
      // A space pdf.js inserts across a tab gap does not close the gap.
      if (!blank) right = Math.max(right, item.x + item.width);
    }
    while (segment.length > 0 && segment[segment.length - 1]?.text.trim() === '') segment.pop();
    if (segment.length > 0) flush();
  });
  return lines;
}
