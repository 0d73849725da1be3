import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { MAX_PDF_PAGES } from '../../../shared/importLimits';
import { ignoreStrayPdfRejections } from './ignoreStrayPdfRejections';
import { ImportError } from '../ImportError';

const HTML_START =
  /^\s*(?:<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<(?:!doctype\s+)?html)/i;

/** Refuses bytes that are not a PDF at all, naming what they look like instead. */
function checkSignature(bytes: Uint8Array, fileName: string): void {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return;
  if (HTML_START.test(head.replace(/^\uFEFF/, ''))) {
    throw new ImportError(
      'damaged',
      `“${fileName}” is a web page (HTML) saved with a .pdf extension, not a PDF; open it in a browser or import it as .html.`,
    );
  }
  throw new ImportError(
    'damaged',
    `“${fileName}” is not a PDF file: it does not start with a PDF header, so it may be damaged or mislabelled.`,
  );
}

/**
 * Opens a PDF with pdf.js (legacy build, in-process worker) and checks it can be read:
 * refuses non-PDFs, encrypted, damaged and over-long files with an ImportError.
 */
export async function openPdf(bytes: Uint8Array, fileName: string): Promise<PDFDocumentProxy> {
  checkSignature(bytes, fileName);
  ignoreStrayPdfRejections();
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    // Images are never shown in a brief, so pdf.js need not decode them when reading fonts.
    maxImageSize: 1,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      throw new ImportError(
        'encrypted',
        `“${fileName}” is protected by a password; remove the protection and import it again.`,
      );
    }
    throw new ImportError(
      'damaged',
      `“${fileName}” is damaged or incomplete and cannot be read as a PDF.`,
    );
  }
  if (doc.numPages > MAX_PDF_PAGES) {
    const pages = doc.numPages;
    await doc.destroy();
    throw new ImportError(
      'too_large',
      `“${fileName}” has ${pages.toLocaleString('en')} pages; Briefmark imports PDFs of up to ${MAX_PDF_PAGES.toLocaleString('en')} pages.`,
    );
  }
  return doc;
}
