import type { PdfLine } from './PdfLine';
import { isTocLine, tocPages } from './tableOfContents';

/** A list item's marker: a bullet, or a number or letter with its start value. */
export interface ListMarker {
  ordered: boolean;
  start: number;
  /** x of the marker, to tell nesting. */
  x: number;
  /** Length of the marker text at the start of the first line, spaces included. */
  length: number;
}

/** Lines that read as one unit: a paragraph, heading or list item; or rows of a table. */
export type PdfBlock =
  | { kind: 'text'; lines: PdfLine[]; marker: ListMarker | null }
  | { kind: 'table'; rows: PdfLine[][] };

const BULLET = /^([•●▪■◦○‣⁃➢►▸✓❑□–*-])\s*/u;
const NUMBERED = /^(?:(\d{1,2})[.)]|\(([a-z]|\d{1,2})\)|([a-z])[.)])\s+/;
const SENTENCE_END = /[.!?:;]["”’)»]?$/;

/** The list marker a line starts with, if it reads as a list item and not as a heading. */
export function listMarker(line: PdfLine, bodySize: number): ListMarker | null {
  if (line.size > bodySize * 1.1) return null;
  const bullet = BULLET.exec(line.text);
  if (bullet?.[1] && line.text.length > bullet[0].length) {
    // A dash only counts as a bullet when set apart by a space.
    if ((bullet[1] === '-' || bullet[1] === '–') && !/^[-–]\s/.test(line.text)) return null;
    return { ordered: false, start: 1, x: line.x, length: bullet[0].length };
  }
  const numbered = NUMBERED.exec(line.text);
  if (numbered && !line.bold) {
    const digits = numbered[1] ?? numbered[2];
    const letter = numbered[3] ?? (numbered[2] && /[a-z]/.test(numbered[2]) ? numbered[2] : null);
    const start =
      digits && /^\d+$/.test(digits) ? Number(digits) : letter ? letter.charCodeAt(0) - 96 : 1;
    return { ordered: true, start, x: line.x, length: numbered[0].length };
  }
  return null;
}

/** Typical distance between baselines as a multiple of the font size, from body lines. */
function leadingRatio(lines: readonly PdfLine[], bodySize: number): number {
  const ratios: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1] as PdfLine;
    const b = lines[i] as PdfLine;
    if (a.page !== b.page || Math.abs(a.size - bodySize) > 0.5 || Math.abs(b.size - a.size) > 0.5)
      continue;
    const r = (b.y - a.y) / a.size;
    if (r > 0.9 && r < 2.5) ratios.push(r);
  }
  ratios.sort((x, y) => x - y);
  return ratios[Math.floor(ratios.length / 2)] ?? 1.2;
}

/** Where body lines start on each page: the most common left edge of full body-size lines. */
function bodyLeftByPage(lines: readonly PdfLine[], bodySize: number): Map<number, number> {
  const votes = new Map<number, Map<number, number>>();
  for (const line of lines) {
    if (Math.abs(line.size - bodySize) > 0.6 || line.text.length < 40) continue;
    const page = votes.get(line.page) ?? new Map<number, number>();
    const x = Math.round(line.x / 4) * 4;
    page.set(x, (page.get(x) ?? 0) + 1);
    votes.set(line.page, page);
  }
  const left = new Map<number, number>();
  for (const [page, xs] of votes) {
    let best = 0;
    let bestVotes = 0;
    for (const [x, n] of xs) if (n > bestVotes) [best, bestVotes] = [x, n];
    if (bestVotes >= 3) left.set(page, best - 2);
  }
  return left;
}

/**
 * Moves side headings (set in the left margin beside the body, as GAO does) before the body
 * line they stand next to, each on a row of its own, so they neither split nor join a paragraph.
 */
function placeSideHeadings(lines: PdfLine[], bodySize: number): void {
  const bodyLeft = bodyLeftByPage(lines, bodySize);
  const isSide = (line: PdfLine): boolean => {
    const left = bodyLeft.get(line.page);
    return (
      left !== undefined &&
      line.right <= left - 4 &&
      line.text.length <= 80 &&
      (line.bold || line.size >= bodySize * 1.05) &&
      /\p{L}{2}/u.test(line.text)
    );
  };
  const perPage = new Map<number, number>();
  const linesOnPage = new Map<number, number>();
  for (const line of lines) {
    linesOnPage.set(line.page, (linesOnPage.get(line.page) ?? 0) + 1);
    if (isSide(line)) perPage.set(line.page, (perPage.get(line.page) ?? 0) + 1);
  }
  // Side headings are a few lines in the margin, not a column of text.
  const sparse = (page: number): boolean =>
    (perPage.get(page) ?? 0) <= Math.max(4, (linesOnPage.get(page) ?? 0) * 0.3);
  const out: PdfLine[] = [];
  let lastSide: PdfLine | null = null;
  lines.forEach((line, i) => {
    if (!sparse(line.page) || !isSide(line)) {
      out.push(line);
      return;
    }
    const side = { ...line, row: -1 - i };
    const top = line.y - line.size;
    // A heading's second line follows its first; a first line goes before the body line
    // beside its top, which reading order may already have passed.
    let at = out.length;
    if (lastSide && lastSide.page === line.page && line.y - lastSide.y < line.size * 2.5) {
      at = out.indexOf(lastSide) + 1;
    } else {
      while (at > 0) {
        const prev = out[at - 1] as PdfLine;
        if (prev.page !== line.page || prev.y < top || prev.row < 0) break;
        at--;
      }
    }
    out.splice(at, 0, side);
    lastSide = side;
  });
  lines.splice(0, lines.length, ...out);
}

/** Splits lines (already in reading order, all pages) into rows sharing a baseline. */
function rowsOf(lines: readonly PdfLine[]): PdfLine[][] {
  const rows: PdfLine[][] = [];
  for (const line of lines) {
    const row = rows[rows.length - 1];
    const last = row?.[row.length - 1];
    if (row && last && last.page === line.page && last.row === line.row && line.x > last.x)
      row.push(line);
    else rows.push([line]);
  }
  return rows;
}

/**
 * Groups body lines into blocks: rows of two or more aligned segments become tables; other
 * lines join into paragraphs until a wider gap, a change of size or weight, a list marker,
 * an indent or a short line that ends a sentence. A paragraph continues across a page or
 * column break when it has not ended its sentence.
 */
export function groupBlocks(lines: readonly PdfLine[], bodySize: number): PdfBlock[] {
  const toc = tocPages(lines);
  const kept = lines.filter((line, i) => {
    // A contents page's own headings ("Contents", "Tables") and wrapped entries go with it.
    if (isTocLine(line) || toc.has(line.page)) return false;
    // A table-of-contents entry wrapped over two lines: the first line has no leader.
    const next = lines[i + 1];
    return !(
      next &&
      next.page === line.page &&
      isTocLine(next) &&
      next.x > line.x + 2 &&
      !SENTENCE_END.test(line.text) &&
      i > 0 &&
      isTocLine(lines[i - 1] as PdfLine)
    );
  });
  const leading = leadingRatio(kept, bodySize);
  placeSideHeadings(kept, bodySize);
  const blocks: PdfBlock[] = [];
  let current: Extract<PdfBlock, { kind: 'text' }> | null = null;
  let maxRight = 0;

  const continues = (block: Extract<PdfBlock, { kind: 'text' }>, line: PdfLine): boolean => {
    const prev = block.lines[block.lines.length - 1] as PdfLine;
    if (Math.abs(line.size - prev.size) > 0.6) return false;
    if (line.bold !== prev.bold && (line.bold || block.lines.every((l) => l.bold))) return false;
    const jump = line.page !== prev.page || line.y <= prev.y;
    if (jump) {
      if (SENTENCE_END.test(prev.text) || prev.bold) return false;
      if (block.marker) return line.x >= block.marker.x;
      return true;
    }
    if (line.y - prev.y > line.size * leading * 1.3 + 1) return false;
    if (block.marker) {
      if (line.x < block.marker.x + 2) return false;
    } else if (
      line.x > prev.x + line.size * 0.8 &&
      block.lines.length >= 1 &&
      line.x - prev.x < line.size * 6
    ) {
      return false;
    }
    if (line.x + line.size * 6 < prev.x) return false;
    return !(SENTENCE_END.test(prev.text) && prev.right < maxRight - line.size * 4);
  };

  const rows = rowsOf(kept);
  rows.forEach((row, rowIndex) => {
    if (row.length >= 2) {
      current = null;
      const last = blocks[blocks.length - 1];
      if (last?.kind === 'table' && last.rows[last.rows.length - 1]?.[0]?.page === row[0]?.page)
        last.rows.push(row);
      else blocks.push({ kind: 'table', rows: [row] });
      return;
    }
    const line = row[0] as PdfLine;
    let marker = listMarker(line, bodySize);
    // "(1) the availability ..., (2) the" wrapped in running prose: the next line is not indented.
    const next = rows[rowIndex + 1]?.[0];
    if (
      marker?.ordered &&
      next &&
      next.page === line.page &&
      next.x < marker.x + 2 &&
      /^\p{Ll}/u.test(next.text)
    )
      marker = null;
    if (current && !marker && continues(current, line)) {
      current.lines.push(line);
      maxRight = Math.max(maxRight, line.right);
      return;
    }
    current = { kind: 'text', lines: [line], marker };
    maxRight = line.right;
    blocks.push(current);
  });
  // A single row of segments is not a table: it is a line with a tab in it.
  return blocks.flatMap((block): PdfBlock[] => {
    if (block.kind !== 'table' || block.rows.length >= 2) return [block];
    return [{ kind: 'text', lines: mergeRow(block.rows[0] ?? []), marker: null }];
  });
}

/** Joins a row's segments back into one line (a tab-separated line that is not a table). */
function mergeRow(row: PdfLine[]): PdfLine[] {
  const first = row[0];
  if (!first) return [];
  const runs = row.flatMap((l, i) =>
    i === 0
      ? l.runs
      : [
          { ...(l.runs[0] as PdfLine['runs'][number]), text: ` ${l.runs[0]?.text ?? ''}` },
          ...l.runs.slice(1),
        ],
  );
  return [
    {
      ...first,
      right: row[row.length - 1]?.right ?? first.right,
      text: row.map((l) => l.text).join(' '),
      runs,
    },
  ];
}
