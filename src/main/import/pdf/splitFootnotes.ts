import type { PdfLine, PdfPage } from './PdfLine';

/** A footnote read from a page foot: its marker and its lines (the marker removed). */
export interface PdfFootnote {
  page: number;
  label: string;
  lines: PdfLine[];
}

const MARKER = /^(\d{1,3}|[*†‡§]{1,3})$/;
const PLAIN_MARKER = /^(\d{1,3})[.)]?\s+(?=\S)/;

/** Splits a footnote's first line into its label and the line without the marker. */
function readMarker(line: PdfLine, left: number): { label: string; line: PdfLine } | null {
  const first = line.runs[0];
  if (!first) return null;
  const raised = first.text.trim();
  if (first.superscript && MARKER.test(raised)) {
    const runs = line.runs.slice(1);
    const text = runs
      .map((r) => r.text)
      .join('')
      .trim();
    if (text === '') return null;
    return { label: raised, line: { ...line, runs, text, x: runs[0]?.x ?? line.x } };
  }
  const m = PLAIN_MARKER.exec(line.text);
  if (m?.[1] && Math.abs(line.x - left) < 3) {
    const cut = first.text.replace(/^\s*\d{1,3}[.)]?\s+/, '');
    const runs = [{ ...first, text: cut }, ...line.runs.slice(1)];
    return { label: m[1], line: { ...line, runs, text: line.text.slice(m[0].length) } };
  }
  return null;
}

/**
 * Takes footnotes off each page: the block of small-print lines at the page foot, from the
 * first line that starts with a marker (a raised number or symbol). Lines at the top of such a
 * block before any marker continue the previous page's last footnote.
 */
export function splitFootnotes(pages: PdfPage[], bodySize: number): PdfFootnote[] {
  const footnotes: PdfFootnote[] = [];
  for (const page of pages) {
    const byY = page.lines.slice().sort((a, b) => b.y - a.y);
    const zone: PdfLine[] = [];
    for (const line of byY) {
      if (line.size > bodySize * 0.92 || line.y < page.height * 0.4) break;
      zone.push(line);
    }
    if (zone.length === 0) continue;
    zone.reverse();
    const left = Math.min(...zone.map((l) => l.x));
    const start = zone.findIndex((line) => readMarker(line, left) !== null);
    if (start === -1) continue;
    const taken = new Set<PdfLine>();
    const previous = footnotes[footnotes.length - 1];
    if (start > 0 && previous?.page === page.page - 1) {
      const carried = zone.slice(0, start);
      if (!/^(?:sources?|notes?)\b/i.test(carried[0]?.text ?? '')) {
        previous.lines.push(...carried);
        carried.forEach((l) => taken.add(l));
      }
    }
    let current: PdfFootnote | null = null;
    for (const line of zone.slice(start)) {
      taken.add(line);
      const marker = readMarker(line, left);
      if (marker) {
        current = { page: page.page, label: marker.label, lines: [marker.line] };
        footnotes.push(current);
      } else current?.lines.push(line);
    }
    page.lines = page.lines.filter((l) => !taken.has(l));
  }
  return footnotes;
}
