/** Smallest run of spaces that can separate two columns. */
const MIN_GUTTER = 3;
/** How far a right-column line may start from the column's usual start. */
const TOLERANCE = 2;
/** Lines with text on both sides of the gutter needed before a run counts as two columns. */
const MIN_BOTH = 3;
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/gu;
const LETTER = /\p{L}/gu;
const SENTENCE_END = /[.!?:;…]["'”’»)\]]*$/;
const GUTTER_RUN = new RegExp(` {${MIN_GUTTER},}`, 'g');
const PARAGRAPH_START = /^(?:\p{Lu}|\p{N}|[•◦▪‣·*+–—-]\s|["'“‘«(])/u;

interface SpaceRun {
  start: number;
  end: number;
}

type LineKind = 'blank' | 'left' | 'right' | 'both' | 'cross';

interface PlacedLine {
  kind: LineKind;
  left: string;
  right: string;
}

interface Segment {
  start: number;
  end: number;
  placed: PlacedLine[];
}

interface ColumnLine {
  row: number;
  text: string;
}

// Runs of MIN_GUTTER+ spaces with text on both sides.
function innerSpaceRuns(line: string): SpaceRun[] {
  const runs: SpaceRun[] = [];
  for (const m of line.matchAll(GUTTER_RUN)) {
    const end = m.index + m[0].length;
    if (m.index > 0 && end < line.length && line.slice(0, m.index).trim() !== '')
      runs.push({ start: m.index, end });
  }
  return runs;
}

function classify(line: string, column: number): PlacedLine {
  const text = line.trimEnd();
  if (text.trim() === '') return { kind: 'blank', left: '', right: '' };
  const indent = text.length - text.trimStart().length;
  if (indent >= column - TOLERANCE) {
    return {
      kind: 'right',
      left: '',
      right: ' '.repeat(Math.max(0, indent - column)) + text.trim(),
    };
  }
  if (text.length <= column - TOLERANCE) return { kind: 'left', left: text, right: '' };
  for (const run of innerSpaceRuns(text)) {
    if (run.start <= column - 1 && run.end >= column - TOLERANCE) {
      const right = ' '.repeat(Math.max(0, run.end - column)) + text.slice(run.end);
      return { kind: 'both', left: text.slice(0, run.start), right };
    }
  }
  return { kind: 'cross', left: text, right: '' };
}

// Right-column starts seen on two-sided lines, best supported first.
function gutterCandidates(lines: readonly string[]): number[] {
  const counts = new Map<number, number>();
  for (const line of lines) {
    for (const run of innerSpaceRuns(line.trimEnd()))
      counts.set(run.end, (counts.get(run.end) ?? 0) + 1);
  }
  const support = (c: number): number => {
    let sum = 0;
    for (let d = -TOLERANCE; d <= TOLERANCE; d++) sum += counts.get(c + d) ?? 0;
    return sum;
  };
  const ranked = [...counts.keys()]
    .filter((c) => support(c) >= MIN_BOTH)
    .sort((a, b) => support(b) - support(a) || (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
  const chosen: number[] = [];
  for (const c of ranked) {
    if (chosen.length >= 8) break;
    if (chosen.every((o) => Math.abs(o - c) > 2 * TOLERANCE)) chosen.push(c);
  }
  return chosen;
}

function hasInnerRun(text: string): boolean {
  return innerSpaceRuns(text.trim()).length > 0;
}

// Prose columns: most two-sided lines hold words on each side, not table cells.
function looksLikeProseColumns(placed: readonly PlacedLine[]): boolean {
  const both = placed.filter((p) => p.kind === 'both');
  const nonBlank = placed.filter((p) => p.kind !== 'blank').length;
  if (both.length < MIN_BOTH || both.length < nonBlank * 0.15) return false;
  const tabular = both.filter((p) => hasInnerRun(p.left) || hasInnerRun(p.right)).length;
  if (tabular > both.length * 0.3) return false;
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const rights = placed.filter((p) => p.kind === 'both' || p.kind === 'right');
  const lefts = placed.filter((p) => p.kind === 'both' || p.kind === 'left');
  return (
    mean(rights.map((p) => p.right.trim().length)) >= 15 &&
    mean(lefts.map((p) => p.left.trim().length)) >= 15
  );
}

function lastLine(placed: readonly PlacedLine[], side: 'left' | 'right'): string {
  for (let i = placed.length - 1; i >= 0; i--) {
    const text = placed[i]?.[side].trim() ?? '';
    if (text !== '') return text;
  }
  return '';
}

// Left-only lines after the right column ends: the left column's tail, or text that follows both.
function keepsTrailingLeft(placed: readonly PlacedLine[], last: number, tail: string): boolean {
  const head = placed.slice(0, last + 1);
  const leftEnded = SENTENCE_END.test(lastLine(head, 'left'));
  const rightEnded = SENTENCE_END.test(lastLine(head, 'right'));
  if (leftEnded !== rightEnded) return rightEnded;
  const indents = head
    .filter((p) => p.kind === 'left' || p.kind === 'both')
    .map((p) => p.left.length - p.left.trimStart().length);
  const tailIndent = tail.length - tail.trimStart().length;
  const same = indents.filter((i) => Math.abs(i - tailIndent) <= 1).length;
  return same * 2 >= indents.length;
}

/**
 * Rows where a page probably ended: a running header or footer (a line repeated verbatim) or three
 * blank lines. Decoding turns form feeds into line ends, so the page breaks themselves are gone.
 */
function pageBoundaries(lines: readonly string[]): Set<number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const key = line.trim();
    if (key.length >= 6) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows = new Set<number>();
  lines.forEach((line, row) => {
    if ((counts.get(line.trim()) ?? 0) >= 2) rows.add(row);
    const blanks = lines.slice(row, row + 3);
    if (blanks.length === 3 && blanks.every((l) => l.trim() === '')) rows.add(row);
  });
  return rows;
}

function segmentsFor(
  lines: readonly string[],
  column: number,
  boundaries: ReadonlySet<number>,
): Segment[] {
  const placed = lines.map((l, row): PlacedLine => {
    if (boundaries.has(row)) return { kind: 'cross', left: l, right: '' };
    return classify(l, column);
  });
  const segments: Segment[] = [];
  let i = 0;
  while (i < placed.length) {
    if (placed[i]?.kind === 'cross') {
      i++;
      continue;
    }
    let end = i;
    while (end < placed.length && placed[end]?.kind !== 'cross') end++;
    let start = i;
    while (start < end && placed[start]?.kind === 'blank') start++;
    let last = -1;
    for (let k = start; k < end; k++) {
      const kind = placed[k]?.kind;
      if (kind === 'both' || kind === 'right') last = k;
    }
    if (last !== -1) {
      let stop = last + 1;
      const run = placed.slice(start, end);
      const tailRow = placed.slice(stop, end).findIndex((p) => p.kind === 'left');
      if (tailRow !== -1 && keepsTrailingLeft(run, last - start, lines[stop + tailRow] ?? '')) {
        stop = end;
        while (stop > last + 1 && placed[stop - 1]?.kind === 'blank') stop--;
      }
      const part = placed.slice(start, stop);
      if (looksLikeProseColumns(part)) segments.push({ start, end: stop, placed: part });
    }
    i = end;
  }
  return segments;
}

function columnWidth(column: readonly ColumnLine[]): number {
  const lengths = column.map((l) => l.text.trim().length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)] ?? 0;
}

// A gap filled only by the other column is a paragraph break only if the text says so.
function breaksParagraph(before: string, after: string, width: number): boolean {
  if (!PARAGRAPH_START.test(after.trim())) return false;
  const text = before.trim();
  return SENTENCE_END.test(text) || text.length < width * 0.7;
}

function readColumn(column: readonly ColumnLine[], blankRows: ReadonlySet<number>): string[] {
  const width = columnWidth(column);
  const out: string[] = [];
  column.forEach((line, index) => {
    const previous = column[index - 1];
    if (previous && line.row > previous.row + 1) {
      let blank = false;
      for (let r = previous.row + 1; r < line.row && !blank; r++) blank = blankRows.has(r);
      if (blank || breaksParagraph(previous.text, line.text, width)) out.push('');
    }
    out.push(line.text);
  });
  return out;
}

// The columns one after the other; `rightLast` is where the right column stops.
function readSegment(segment: Segment): { lines: string[]; rightLast: string } {
  const left: ColumnLine[] = [];
  const right: ColumnLine[] = [];
  const blankRows = new Set<number>();
  segment.placed.forEach((p, row) => {
    if (p.kind === 'blank') blankRows.add(row);
    if (p.left.trim() !== '') left.push({ row, text: p.left.trimEnd() });
    if (p.right.trim() !== '') right.push({ row, text: p.right.trimEnd() });
  });
  const leftLast = left[left.length - 1]?.text ?? '';
  // A paragraph may run on from the foot of the left column to the top of the right one.
  const between = breaksParagraph(leftLast, right[0]?.text ?? '', columnWidth(left)) ? [''] : [];
  return {
    lines: ['', ...readColumn(left, blankRows), ...between, ...readColumn(right, blankRows)],
    rightLast: right[right.length - 1]?.text.trim() ?? '',
  };
}

function isRightToLeft(text: string): boolean {
  const sample = text.slice(0, 50_000);
  const letters = sample.match(LETTER)?.length ?? 0;
  return letters > 0 && (sample.match(RTL_LETTER)?.length ?? 0) > letters * 0.3;
}

/**
 * Rewrites layout-mode text (two columns side by side in fixed-width lines, as publisher text
 * renditions have it) so each column is read in full, left then right. Runs of lines without a
 * consistent gutter, full-width lines and right-to-left text are returned unchanged.
 */
export function splitLayoutColumns(text: string): string {
  if (!text.includes('   ') || isRightToLeft(text)) return text;
  const lines = text.split('\n').map((l) => l.replace(/\t/g, '    '));
  const both = (s: Segment): number => s.placed.filter((p) => p.kind === 'both').length;
  const boundaries = pageBoundaries(lines);
  const found = gutterCandidates(lines).flatMap((c) => segmentsFor(lines, c, boundaries));
  const chosen: Segment[] = [];
  for (const segment of found.sort((a, b) => both(b) - both(a))) {
    if (chosen.every((s) => segment.end <= s.start || segment.start >= s.end)) chosen.push(segment);
  }
  if (chosen.length === 0) return text;
  chosen.sort((a, b) => a.start - b.start);
  const original = text.split('\n');
  const out: string[] = [];
  let next = 0;
  for (const segment of chosen) {
    const { lines: read, rightLast } = readSegment(segment);
    // A form feed decodes to one blank line: a sentence cut there runs on onto the next page.
    const gap = (original[segment.end] ?? '').trim() === '' ? 1 : 0;
    const following = (original[segment.end + gap] ?? '').trim();
    const runsOn = !SENTENCE_END.test(rightLast) && /^\p{Ll}/u.test(following);
    out.push(...original.slice(next, segment.start), ...read, ...(runsOn ? [] : ['']));
    next = segment.end + (runsOn ? gap : 0);
  }
  out.push(...original.slice(next));
  return out.join('\n');
}
