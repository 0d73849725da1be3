import mammoth from 'mammoth';
import type { BriefImporter } from '../BriefImporter';
import { sniffBinaryKind } from '../decodeBriefText';
import { ImportError } from '../ImportError';
import type { ImportOptions } from '../ImportOptions';
import { languageTag } from '../structure/detectLanguage';
import { convertHtmlToSections } from '../html/convertHtmlToSections';
import { deepMarkupWarning, flattenDeepHtml } from '../html/flattenDeepHtml';
import { parseHtmlDocument, type HtmlDocument } from '../html/parseHtmlDocument';
import { statedDate } from '../html/readHtmlMeta';
import type { StatedMeta } from '../html/StatedMeta';
import { checkUnpackedSize } from './checkUnpackedSize';
import { docxStyleMap } from './docxStyleMap';
import { readDocxPackage, type DocxPackage } from './readDocxPackage';
import { readXmlText } from './readXmlText';

const STEPS = 3;
const INVISIBLE = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

function checkCancelled(fileName: string, options: ImportOptions): void {
  if (options.signal?.aborted) {
    throw new ImportError('cancelled', `The import of “${fileName}” was cancelled.`);
  }
}

function damaged(fileName: string, bytes: Uint8Array): ImportError {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const kind = sniffBinaryKind(bytes);
  const reason = zip
    ? 'is damaged or incomplete (its ZIP container cannot be read)'
    : kind
      ? `is not a Word document: it contains ${kind}`
      : 'is not a Word document (a .docx is a ZIP container, and this file is not one)';
  return new ImportError('damaged', `“${fileName}” ${reason}.`);
}

function statedByPackage(docx: DocxPackage): StatedMeta {
  const stated: StatedMeta = {};
  const title = readXmlText(docx.core, 'title');
  if (title) stated.title = title;
  const creator = readXmlText(docx.core, 'creator');
  if (creator) stated.authors = creator.split(/\s*[;,]\s*/).filter((a) => a !== '');
  const created = readXmlText(docx.core, 'created') ?? readXmlText(docx.core, 'modified');
  const date = created ? statedDate(created) : null;
  if (date) stated.date = date;
  const language = readXmlText(docx.core, 'language');
  const tag = language ? languageTag(language) : null;
  if (tag) stated.language = tag;
  const keywords = readXmlText(docx.core, 'keywords');
  if (keywords) stated.tags = keywords.split(/\s*[,;]\s*/).filter((k) => k !== '');
  const category = readXmlText(docx.core, 'category');
  if (category) stated.documentType = category;
  const company = readXmlText(docx.app, 'Company');
  if (company) stated.organisation = company;
  return stated;
}

/** Takes the title-page paragraphs mammoth marked (Title, Subtitle, Author, Date) out of the body. */
function takeTitlePage(document: HtmlDocument, stated: StatedMeta): void {
  const take = (cls: string): string[] =>
    Array.from(document.querySelectorAll(`p.${cls}`)).flatMap((p) => {
      const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
      p.remove();
      return text === '' ? [] : [text];
    });
  const [title] = take('bm-title');
  if (title) stated.title = title;
  const [subtitle] = take('bm-subtitle');
  if (subtitle) stated.subtitle = subtitle;
  const authors = take('bm-author');
  if (authors.length > 0) stated.authors = authors;
  const [date] = take('bm-date');
  const parsed = date ? (statedDate(date) ?? null) : null;
  if (parsed) stated.date = parsed;
}

/**
 * A Word document (.docx) through mammoth: headings by style (custom styles by what they are
 * based on), lists, tables, bold and italic, footnotes and endnotes linked, safe links only;
 * images and embedded objects dropped with a warning. Metadata from the document properties
 * and the Title, Subtitle, Author and Date paragraphs.
 */
export const docxImporter: BriefImporter = {
  format: 'docx',
  extensions: ['docx'],
  async import(bytes, fileName, options) {
    checkCancelled(fileName, options);
    // ZIP readers find an archive anywhere in a file (ONLYOFFICE PDFs carry their .docx inside).
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
      throw damaged(fileName, bytes);
    }
    checkUnpackedSize(bytes, fileName);
    let docx: DocxPackage;
    try {
      docx = await readDocxPackage(bytes);
    } catch {
      throw damaged(fileName, bytes);
    }
    if (!docx.hasDocument) {
      throw new ImportError(
        'damaged',
        `“${fileName}” is a ZIP archive but not a Word document (it has no document body).`,
      );
    }
    options.onProgress?.({ done: 1, total: STEPS, unit: 'part' });
    checkCancelled(fileName, options);
    let images = 0;
    let html: string;
    try {
      const result = await mammoth.convertToHtml(
        { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
        {
          styleMap: docxStyleMap(docx.styles),
          externalFileAccess: false,
          convertImage: mammoth.images.imgElement(async () => {
            images++;
            return { src: '' };
          }),
        },
      );
      html = result.value;
    } catch {
      throw damaged(fileName, bytes);
    }
    options.onProgress?.({ done: 2, total: STEPS, unit: 'part' });
    checkCancelled(fileName, options);
    const flat = flattenDeepHtml(html);
    const document = parseHtmlDocument(flat.html.replace(INVISIBLE, '').normalize('NFC'));
    const stated = statedByPackage(docx);
    takeTitlePage(document, stated);
    const brief = convertHtmlToSections({
      document,
      roots: [document.body ?? document.documentElement],
      fileName,
      format: 'docx',
      stated,
      readCover: false,
    });
    const warnings = (brief.warnings ?? []).filter((w) => !/image/.test(w));
    if (images > 0) {
      warnings.unshift(
        images === 1
          ? '1 image was not imported (Briefmark keeps the text only).'
          : `${images} images were not imported (Briefmark keeps the text only).`,
      );
    }
    if (docx.embeddedObjects > 0) {
      warnings.push(
        `${docx.embeddedObjects === 1 ? '1 embedded object or chart was' : `${docx.embeddedObjects} embedded objects or charts were`} dropped.`,
      );
    }
    if (flat.flattened > 0) warnings.push(deepMarkupWarning(flat.flattened));
    if (warnings.length > 0) brief.warnings = warnings;
    else delete brief.warnings;
    options.onProgress?.({ done: STEPS, total: STEPS, unit: 'part' });
    return brief;
  },
};
