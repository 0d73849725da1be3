import { matchKey, type OutlineEntry } from './outlineTitles';
import type { PdfLine } from './PdfLine';

// Dot leaders, set tight ("....") or spaced (".  .  ."), ending in a page number.
const TOC_LEADER = /(?:\.\s{0,3}){4,}\s*(?:\d{1,4}|[ivxlc]{1,6})$|\s\.{2,}\s*\d{1,4}$/i;
const LEADER_TAIL = /\s*(?:\.\s{0,3}){2,}\s*(?:\d{1,4}|[ivxlc]{1,6})$|\s\.{2,}\s*\d{1,4}$/i;
const CONTENTS =
  /^(?:table of contents|contents|sommaire|table des matières|содержание|оглавление|inhalt|inhaltsverzeichnis|สารบัญ)$/iu;
const PAGE_REF = /(?:^|\s)(?:\d{1,4}|[ivxlc]{1,6})$/i;
const LIST_ENTRY =
  /^(?:figure|fig\.|table|box|chart|map|graphique|tableau|encadré|carte|рисунок|таблица|вставка|диаграмма|график)\s*[\dA-Z]/iu;

/** True for a table-of-contents entry: text, a dot leader and a page number. */
export function isTocLine(line: PdfLine): boolean {
  return TOC_LEADER.test(line.text);
}

/**
 * Pages that are a table of contents (or a list of tables or figures): mostly dot-leader
 * entries, or a "Contents" page, and the pages after it, whose rows mostly end in page numbers.
 */
export function tocPages(lines: readonly PdfLine[]): Set<number> {
  const stats = new Map<
    number,
    { toc: number; all: number; numbered: number; rows: number; titled: boolean }
  >();
  let lastRow = '';
  for (const line of lines) {
    const s = stats.get(line.page) ?? { toc: 0, all: 0, numbered: 0, rows: 0, titled: false };
    s.toc += isTocLine(line) ? 1 : 0;
    s.all += 1;
    if (CONTENTS.test(line.text.trim())) s.titled = true;
    const row = `${line.page}:${line.row}`;
    if (row !== lastRow) s.rows += 1;
    lastRow = row;
    stats.set(line.page, s);
  }
  // A row "ends in a number" when its last segment does; count per row from the last segments.
  const rowEnds = new Map<string, string>();
  for (const line of lines) rowEnds.set(`${line.page}:${line.row}`, line.text);
  for (const [key, text] of rowEnds) {
    const s = stats.get(Number(key.split(':')[0]));
    if (s && PAGE_REF.test(text.trim())) s.numbered += 1;
  }
  const pages = new Set<number>();
  const sorted = [...stats.keys()].sort((a, b) => a - b);
  for (const page of sorted) {
    const s = stats.get(page);
    if (!s) continue;
    const leaders = s.toc >= 4 && s.toc >= s.all * 0.4;
    // A contents page's rows mostly end in a page number; on the pages it runs on to, wrapped
    // entries make that rarer.
    const numbered = s.rows >= 6 && s.numbered >= s.rows * 0.5;
    const continued = pages.has(page - 1) && s.rows >= 6 && s.numbered >= s.rows * 0.3;
    if (leaders || (numbered && s.titled) || continued) pages.add(page);
  }
  return pages;
}

/**
 * The outline a PDF prints in its table of contents: entries with a dot leader or a page
 * number set apart at the right, a wrapped entry's lines joined, depth from the indent; lists
 * of tables and figures left out.
 */
export function tocOutline(lines: readonly PdfLine[]): OutlineEntry[] {
  const pages = tocPages(lines);
  const entries: { title: string; x: number }[] = [];
  const isEntry = (i: number): boolean => {
    const line = lines[i] as PdfLine;
    if (isTocLine(line)) return true;
    const next = lines[i + 1];
    // "Context        xiii": the page number is the row's last segment, far to the right.
    return (
      pages.has(line.page) &&
      next !== undefined &&
      next.page === line.page &&
      next.row === line.row &&
      next.x > line.right + line.size * 3 &&
      PAGE_REF.test(next.text.trim()) &&
      /^(?:\d{1,4}|[ivxlc]{1,6})$/i.test(next.text.trim()) &&
      lines[i + 2]?.row !== line.row
    );
  };
  lines.forEach((line, i) => {
    if (!isEntry(i)) return;
    let title = line.text.replace(LEADER_TAIL, '').trim();
    let x = line.x;
    const prev = lines[i - 1];
    if (title === '' && prev && prev.page === line.page && prev.row === line.row) {
      // The leader stands apart from its title in a segment of its own.
      title = prev.text.trim();
      x = prev.x;
    } else if (
      prev &&
      prev.page === line.page &&
      prev.row !== line.row &&
      !isEntry(i - 1) &&
      !CONTENTS.test(prev.text.trim()) &&
      prev.x < line.x - 2 &&
      line.y - prev.y < prev.size * 2
    ) {
      // The first line of a wrapped entry has no page number and starts left of its continuation.
      title = `${prev.text.trim()} ${title}`;
      x = prev.x;
    }
    // A lowercase start is the tail of a wrapped entry whose first line was not indented.
    if (title.length < 3 || LIST_ENTRY.test(title) || /^\p{Ll}/u.test(title)) return;
    entries.push({ title, x });
  });
  // Indents cluster: a new level starts more than 6 points right of the last one.
  const levels: number[] = [];
  for (const x of entries.map((e) => e.x).sort((a, b) => a - b))
    if (levels.length === 0 || x - (levels[levels.length - 1] as number) > 6) levels.push(x);
  const depthOf = (x: number): number => {
    let depth = 0;
    levels.forEach((level, i) => {
      if (x >= level - 6) depth = i;
    });
    return Math.min(depth, 2);
  };
  return entries.map((e) => ({
    key: matchKey(e.title),
    title: e.title,
    depth: depthOf(e.x),
    exact: true,
  }));
}
