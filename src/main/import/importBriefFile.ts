import type { BriefDocument } from '../../shared/model';
import { MAX_IMPORT_BYTES } from '../../shared/channels';
import { decodeBriefText } from './decodeBriefText';
import { ImportError } from './ImportError';
import { importMarkdown } from './markdown/importMarkdown';
import { importText } from './text/importText';

const TEXT_EXTENSIONS = new Set(['txt', 'text']);
const MARKDOWN_EXTENSIONS = new Set(['md', 'markdown', 'qmd']);
const SUPPORTED = 'Briefmark can import .txt and .md files so far';

const KNOWN_KINDS: Record<string, string> = {
  pdf: 'a PDF file',
  docx: 'a Word document',
  doc: 'a Word document',
  odt: 'an OpenDocument text file',
  rtf: 'an RTF document',
  epub: 'an EPUB e-book',
  html: 'a web page',
  htm: 'a web page',
  xhtml: 'a web page',
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

// Markdown saved as .txt: ATX headings on their own lines, or front matter.
function looksLikeMarkdown(text: string): boolean {
  if (/^---[ \t]*\n[\s\S]*?\n---[ \t]*(\n|$)/.test(text)) return true;
  return (text.match(/^#{1,6}[ \t]+\S/gm)?.length ?? 0) >= 2;
}

/**
 * Imports a brief from a file's name and bytes. Picks the importer by extension: .txt/.text as
 * plain text with Markdown-like marks (Markdown saved as .txt is read as Markdown), .md/.markdown/
 * .qmd as Markdown. Throws ImportError: 'unsupported_format' for other extensions, 'too_large'
 * above MAX_IMPORT_BYTES, 'import_failed' for empty, binary or non-UTF-8 content.
 */
export function importBriefFile(fileName: string, bytes: Uint8Array): BriefDocument {
  const name = fileName.split(/[\\/]/).pop() || fileName;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const isText = TEXT_EXTENSIONS.has(extension);
  const isMarkdown = MARKDOWN_EXTENSIONS.has(extension);
  if (!isText && !isMarkdown) {
    const kind = KNOWN_KINDS[extension];
    let what: string;
    if (kind) what = `is ${kind}`;
    else if (extension) what = `is a .${extension} file`;
    else what = 'has no file extension';
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
  const text = decodeBriefText(name, bytes);
  return isMarkdown || looksLikeMarkdown(text)
    ? importMarkdown(text, name)
    : importText(text, name);
}
