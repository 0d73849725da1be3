import type { PdfLine, PdfPage } from './PdfLine';

const MARGIN = 0.12;
const PAGE_NUMBER =
  /^(?:[-–—]\s*)?(?:page|p\.|seite|стр\.?|страница|หน้า)?\s*(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|sur|из|\/)\s*\d{1,4})?(?:\s*[-–—])?$/i;

const keyOf = (line: PdfLine): string =>
  line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

const inMargin = (line: PdfLine, page: PdfPage): boolean =>
  line.y < page.height * MARGIN || line.y > page.height * (1 - MARGIN);

/** True for a line that is only a page number ("3", "iv", "Page 3 of 10", "- 3 -"). */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/**
 * Drops running headers and footers (the same text, numbers aside, in the top or bottom margin
 * of at least a quarter of the pages, three at least) and bare page numbers in the margins.
 */
export function removeRunningLines(pages: PdfPage[]): void {
  const pagesByKey = new Map<string, Set<number>>();
  for (const page of pages) {
    for (const line of page.lines) {
      if (!inMargin(line, page)) continue;
      const key = keyOf(line);
      let set = pagesByKey.get(key);
      if (!set) pagesByKey.set(key, (set = new Set()));
      set.add(page.page);
    }
  }
  const threshold = Math.max(3, Math.ceil(pages.length * 0.25));
  const running = new Set<string>();
  for (const [key, set] of pagesByKey) if (set.size >= threshold) running.add(key);
  // A running footer also appears, a little higher, in the first page's cover block.
  const nearEdge = (line: PdfLine, page: PdfPage): boolean =>
    line.y < page.height * 0.25 || line.y > page.height * 0.75;
  for (const page of pages) {
    page.lines = page.lines.filter(
      (line) =>
        !(
          (nearEdge(line, page) && running.has(keyOf(line))) ||
          (inMargin(line, page) && isPageNumber(line.text))
        ),
    );
  }
}
