import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fontStyle, PLAIN_FONT, type FontStyle } from './fontStyle';

/** A page's text pieces by pdf.js font id, as read before the fonts' real names are known. */
export interface FontUse {
  font: string;
  size: number;
  chars: number;
}

/** The size most characters are set in: the body text. */
function bodySizeOf(pages: readonly (readonly FontUse[])[]): number {
  const weights = new Map<number, number>();
  for (const uses of pages)
    for (const use of uses) {
      const key = Math.round(use.size * 2) / 2;
      weights.set(key, (weights.get(key) ?? 0) + use.chars);
    }
  let best = 10;
  let bestWeight = -1;
  for (const [size, weight] of weights)
    if (weight > bestWeight) [best, bestWeight] = [size, weight];
  return best;
}

/**
 * Names the fonts (bold, italic, small caps) by reading the operator list, the only public way
 * to a font's real name, of as few pages as cover them all, cheapest first. Fonts used on one
 * page only and smaller than the body text (a chart's labels) are left plain: naming them would
 * cost a full operator list of each chart page for text that is never styled.
 */
export async function resolveFontStyles(
  doc: PDFDocumentProxy,
  pages: readonly (readonly FontUse[])[],
  checkCancelled: () => void,
): Promise<Map<string, FontStyle>> {
  const bodySize = bodySizeOf(pages);
  const fontsOnPage = pages.map((uses) => new Set(uses.map((use) => use.font)));
  const pageCount = new Map<string, number>();
  const maxSize = new Map<string, number>();
  fontsOnPage.forEach((fonts) => {
    for (const font of fonts) pageCount.set(font, (pageCount.get(font) ?? 0) + 1);
  });
  for (const uses of pages)
    for (const use of uses)
      if (use.chars > 0) maxSize.set(use.font, Math.max(maxSize.get(use.font) ?? 0, use.size));
  const needed = new Set<string>();
  for (const [font, size] of maxSize)
    if ((pageCount.get(font) ?? 0) >= 2 || size >= bodySize * 0.9) needed.add(font);
  // Text pieces on a page stand in for its cost: chart pages have many small labels.
  const cost = pages.map((uses) => uses.length);
  const styles = new Map<string, FontStyle>();
  while (needed.size > 0) {
    let best = -1;
    let bestCount = 0;
    fontsOnPage.forEach((fonts, i) => {
      let count = 0;
      for (const font of fonts) if (needed.has(font)) count++;
      if (
        count > bestCount ||
        (count === bestCount && count > 0 && (cost[i] ?? 0) < (cost[best] ?? 0))
      )
        [best, bestCount] = [i, count];
    });
    if (best === -1) break;
    checkCancelled();
    const page = await doc.getPage(best + 1);
    try {
      // AnnotationMode.DISABLE: form fields and annotation appearances hold no brief text.
      await page.getOperatorList({ annotationMode: 0 });
    } catch {
      // A page whose drawing cannot be read still has its text; its fonts stay plain.
    }
    for (const font of fontsOnPage[best] ?? []) {
      needed.delete(font);
      if (styles.has(font) || !page.commonObjs.has(font)) continue;
      const loaded = page.commonObjs.get(font) as { name?: string } | null;
      if (loaded?.name) styles.set(font, fontStyle(loaded.name));
    }
    page.cleanup();
  }
  for (const fonts of fontsOnPage)
    for (const font of fonts) if (!styles.has(font)) styles.set(font, PLAIN_FONT);
  return styles;
}
