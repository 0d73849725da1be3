import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import { ImportError } from '../ImportError';
import type { ImportOptions } from '../ImportOptions';
import { PLAIN_FONT } from './fontStyle';
import { groupLines, type PdfGlyphRun } from './groupLines';
import type { PdfPage } from './PdfLine';
import { resolveFontStyles } from './resolveFontStyles';

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

/** A page's text before its fonts are named: runs carry pdf.js's font id. */
interface PageText {
  page: number;
  width: number;
  height: number;
  runs: (Omit<PdfGlyphRun, 'bold' | 'italic'> & { font: string })[];
}

async function readPage(doc: PDFDocumentProxy, pageNumber: number): Promise<PageText> {
  const page = await doc.getPage(pageNumber);
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = page.view;
  const content = await page.getTextContent();
  const runs: PageText['runs'] = [];
  for (const item of content.items) {
    if (!isPositionedText(item)) continue;
    const [a = 0, b = 0, c = 0, , e = 0, f = 0] = item.transform as number[];
    const size = Math.hypot(a, b);
    // Rotated text is a watermark or a chart label, never part of the running text.
    if (size < 1 || item.str === '' || Math.abs(b) > size * 0.05 || Math.abs(c) > size * 0.05)
      continue;
    runs.push({
      text: cleanText(item.str),
      x: e - x0,
      width: item.width,
      y: y1 - f,
      size,
      font: item.fontName,
    });
  }
  page.cleanup();
  return { page: pageNumber, width: x1 - x0, height: y1 - y0, runs };
}

/**
 * Reads every page's text as lines, reporting progress after each page and stopping with
 * ImportError('cancelled') between pages once the signal aborts. Fonts are named after all
 * text is read, so that a few pages' operator lists can name them all.
 */
export async function readPdfPages(
  doc: PDFDocumentProxy,
  fileName: string,
  options: ImportOptions,
): Promise<PdfPage[]> {
  const checkCancelled = (): void => {
    if (options.signal?.aborted)
      throw new ImportError('cancelled', `The import of “${fileName}” was cancelled.`);
  };
  const texts: PageText[] = [];
  const total = doc.numPages;
  for (let n = 1; n <= total; n++) {
    checkCancelled();
    try {
      texts.push(await readPage(doc, n));
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError(
        'damaged',
        `“${fileName}” is damaged or incomplete: page ${n} of ${total} cannot be read.`,
      );
    }
    options.onProgress?.({ done: n, total, unit: 'page' });
  }
  checkCancelled();
  const fonts = await resolveFontStyles(
    doc,
    texts.map((t) =>
      t.runs.map((r) => ({ font: r.font, size: r.size, chars: r.text.trim().length })),
    ),
    checkCancelled,
  );
  return texts.map((text) => {
    const runs: PdfGlyphRun[] = text.runs.map((run) => {
      const style = fonts.get(run.font) ?? PLAIN_FONT;
      return {
        text: run.text,
        x: run.x,
        width: run.width,
        y: run.y,
        size: run.size,
        bold: style.bold,
        italic: style.italic,
      };
    });
    return {
      page: text.page,
      width: text.width,
      height: text.height,
      lines: groupLines(runs, text.page),
    };
  });
}
