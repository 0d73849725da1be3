import type { BriefDocument } from '../../shared/model';
import { MAX_IMPORT_BYTES } from '../../shared/importLimits';
import type { BriefImporter } from './BriefImporter';
import { docxImporter } from './docx/docxImporter';
import { htmlImporter } from './html/htmlImporter';
import { ImportError } from './ImportError';
import type { ImportOptions } from './ImportOptions';
import { markdownImporter } from './markdownImporter';
import { pdfImporter } from './pdf/pdfImporter';
import { textImporter } from './textImporter';

const IMPORTERS: readonly BriefImporter[] = [
  pdfImporter,
  docxImporter,
  htmlImporter,
  markdownImporter,
  textImporter,
];

const SUPPORTED =
  'Briefmark can import PDF, Word (.docx), web pages (.html), Markdown and text files';

const KNOWN_KINDS: Record<string, string> = {
  doc: 'an old-style Word document (.doc); save it as .docx or PDF first',
  odt: 'an OpenDocument text file',
  rtf: 'an RTF document',
  epub: 'an EPUB e-book',
  pptx: 'a PowerPoint presentation',
  xlsx: 'an Excel workbook',
  png: 'an image',
  jpg: 'an image',
  jpeg: 'an image',
  gif: 'an image',
  zip: 'a ZIP archive',
};

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * Imports a brief from a file's name and bytes, choosing the importer by extension. Throws
 * ImportError with a sentence for the user: 'unsupported_format', 'too_large', 'import_failed'
 * and the format-specific codes ('no_text_layer', 'encrypted', 'damaged', 'cancelled').
 */
export async function importBriefFile(
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<BriefDocument> {
  const name = fileName.split(/[\\/]/).pop() || fileName;
  const extension = extensionOf(name);
  const importer = IMPORTERS.find((candidate) => candidate.extensions.includes(extension));
  if (!importer) {
    const kind = KNOWN_KINDS[extension];
    const what = kind
      ? `is ${kind}`
      : extension
        ? `is a .${extension} file`
        : 'has no file extension';
    throw new ImportError('unsupported_format', `“${name}” ${what}; ${SUPPORTED}.`);
  }
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportError(
      'too_large',
      `“${name}” is ${megabytes(bytes.length)}; Briefmark imports files up to ${megabytes(MAX_IMPORT_BYTES)}.`,
    );
  }
  if (bytes.length === 0) {
    throw new ImportError(
      'import_failed',
      `“${name}” is empty (0 bytes), so there is nothing to import.`,
    );
  }
  if (options.signal?.aborted) throw cancelled(name);
  const document = await importer.import(bytes, name, options);
  if (options.signal?.aborted) throw cancelled(name);
  return document;
}

function cancelled(name: string): ImportError {
  return new ImportError('cancelled', `The import of “${name}” was cancelled.`);
}
