import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import { ImportError } from '../ImportError';
import type { ImportOptions } from '../ImportOptions';
import { fontStyle } from './fontStyle';
import { groupLines, type PdfGlyphRun } from './groupLines';
import type { PdfPage } from './PdfLine';

type ContentItem = TextContent['items'][number];

const isPositionedText = (item: ContentItem): item is TextItem => 'str' in item;

// Invisible bidi and format controls, soft hyphens in the middle of words, and replacement noise.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\uFFFD]/g;

/** Private-use bullets (Symbol and Wingdings fonts) as the bullet readers expect. */
function cleanText(text: string): string {
  return (
    text
      .replace(INVISIBLE, '')
      .replace(/[\uF0B7\uF0A7\uF06C\uF0D8\uF076\uF0FC\uF09F]/g, '•')
      // A combining mark never starts a word: a space before one is an extraction artefact.
      .replace(/\s+(?=\p{M})/gu, '')
      .normalize('NFC')
  );
}

/** Real font names need the operator list; read it only for pages that bring new fonts. */
async function resolveFonts(
  page: PDFPageProxy,
  fontNames: Set<string>,
  known: Map<string, { bold: boolean; italic: boolean }>,
): Promise<void> {
  const missing = [...fontNames].filter((name) => !known.has(name));
  if (missing.length === 0) return;
  await page.getOperatorList();
  for (const name of missing) {
    let style = { bold: false, italic: false };
    if (page.commonObjs.has(name)) {
      const font = page.commonObjs.get(name) as { name?: string } | null;
      if (font?.name) style = fontStyle(font.name);
    }
    known.set(name, style);
  }
}

async function readPage(
  doc: PDFDocumentProxy,
  pageNumber: number,
  fonts: Map<string, { bold: boolean; italic: boolean }>,
): Promise<PdfPage> {
  const page = await doc.getPage(pageNumber);
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = page.view;
  const content = await page.getTextContent();
  const texts = content.items.filter(isPositionedText);
  await resolveFonts(page, new Set(texts.map((t) => t.fontName)), fonts);
  const runs: PdfGlyphRun[] = [];
  for (const item of texts) {
    const [a = 0, b = 0, c = 0, , e = 0, f = 0] = item.transform as number[];
    const size = Math.hypot(a, b);
    // Rotated text is a watermark or a chart label, never part of the running text.
    if (size < 1 || item.str === '' || Math.abs(b) > size * 0.05 || Math.abs(c) > size * 0.05)
      continue;
    const style = fonts.get(item.fontName) ?? { bold: false, italic: false };
    runs.push({
      text: cleanText(item.str),
      x: e - x0,
      width: item.width,
      y: y1 - f,
      size,
      bold: style.bold,
      italic: style.italic,
    });
  }
  page.cleanup();
  return {
    page: pageNumber,
    width: x1 - x0,
    height: y1 - y0,
    lines: groupLines(runs, pageNumber),
  };
}

/**
 * Reads every page's text as lines, reporting progress after each page and stopping with
 * ImportError('cancelled') between pages once the signal aborts.
 */
export async function readPdfPages(
  doc: PDFDocumentProxy,
  fileName: string,
  options: ImportOptions,
): Promise<PdfPage[]> {
  const pages: PdfPage[] = [];
  const fonts = new Map<string, { bold: boolean; italic: boolean }>();
  const total = doc.numPages;
  for (let n = 1; n <= total; n++) {
    if (options.signal?.aborted) {
      throw new ImportError('cancelled', `The import of “${fileName}” was cancelled.`);
    }
    try {
      pages.push(await readPage(doc, n, fonts));
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError(
        'damaged',
        `“${fileName}” is damaged or incomplete: page ${n} of ${total} cannot be read.`,
      );
    }
    options.onProgress?.({ done: n, total, unit: 'page' });
  }
  if (options.signal?.aborted) {
    throw new ImportError('cancelled', `The import of “${fileName}” was cancelled.`);
  }
  return pages;
}
