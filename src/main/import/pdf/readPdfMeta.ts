import type { PdfLine } from './PdfLine';
import { parseDate } from '../structure/parseDate';

/** What the PDF's info dictionary says, as pdf.js reports it. */
export interface PdfInfo {
  Title?: unknown;
  Author?: unknown;
  CreationDate?: unknown;
}

export interface PdfMeta {
  title: string | null;
  authors: string[];
  organisation: string | null;
  reference: string | null;
  date: string | null;
}

const REFERENCE_PATTERNS = [
  /\bGAO-\d{2}-\d{2,5}[A-Z]{0,2}\b/,
  /\b(?:RL|RS|LSB|IF|IN|R)\d{4,5}\b/,
  /\bReport\s+No\.?\s*:?\s*([A-Z0-9][\w-]*\d[\w-]*)/i,
  /\bRapport\s+(?:n°|no\.?)\s*:?\s*([A-Z0-9][\w-]*\d[\w-]*)/i,
];

const ORGANISATIONS = [
  /Congressional Research Service/,
  /(?:United States )?Government Accountability Office/,
  /World Bank Group|World Bank|Banque mondiale|Всемирный банк|ธนาคารโลก/,
];

const ORG_WORDS =
  /\b(?:office|group|bank|agency|service|institute|organi[sz]ation|ministry|department|alliance|council|committee|association|assembly|commission|foundation|university|centre|center)\b|https?:\/\//i;

const PLACEHOLDER_TITLE =
  /^(?:world bank document|untitled|microsoft word\b|document\d*|slide \d+|.*\.(?:docx?|pdf|indd|rtf))$/i;

const asText = (value: unknown): string =>
  typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';

/** A title from the info dictionary unless it is a placeholder ("World Bank Document", file names). */
function infoTitle(info: PdfInfo, reference: string | null): string | null {
  let title = asText(info.Title);
  if (reference && title.startsWith(reference)) title = title.slice(reference.length).trim();
  if (title.length < 6 || PLACEHOLDER_TITLE.test(title) || !/\p{L}{3}/u.test(title)) return null;
  return title;
}

/** The largest text near the top of page 1: consecutive lines of the biggest size. */
function largestText(lines: readonly PdfLine[]): string | null {
  const candidates = lines.filter((l) => /\p{L}{2}/u.test(l.text) && l.text.length > 3);
  if (candidates.length === 0) return null;
  const biggest = Math.max(...candidates.map((l) => l.size));
  const start = lines.findIndex((l) => l.size >= biggest - 0.5 && /\p{L}{2}/u.test(l.text));
  const parts: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] as PdfLine;
    if (line.size < biggest - 0.5 || parts.length >= 4) break;
    parts.push(line.text);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim() || null;
}

function pdfDate(value: unknown): string | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(asText(value));
  if (!m?.[1]) return null;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}

const DATE_IN_TEXT =
  /\b(?:\d{1,2}(?:er)?\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\s+(?:\d{1,2},?\s+)?\d{4}\b/i;

/**
 * Reads metadata from the info dictionary and the first page: title (info Title when it is a
 * real one, else the largest text), authors (people in Author; an office there is the
 * organisation), a report number such as "R46991" or "GAO-07-791", and a date (first page,
 * else the creation date).
 */
export function readPdfMeta(info: PdfInfo, firstPages: readonly PdfLine[][]): PdfMeta {
  const page1 = firstPages[0] ?? [];
  const firstText = firstPages
    .flat()
    .map((l) => l.text)
    .join('\n');
  let reference: string | null = null;
  for (const pattern of REFERENCE_PATTERNS) {
    const m = pattern.exec(firstText);
    if (m) {
      reference = m[1] ?? m[0];
      break;
    }
  }
  const authors: string[] = [];
  let organisation: string | null = null;
  for (const part of asText(info.Author).split(/\s*(?:[,;]|\band\b)\s*/)) {
    if (part === '') continue;
    if (ORG_WORDS.test(part)) organisation ??= /https?:/.test(part) ? null : part;
    else authors.push(part);
  }
  for (const pattern of ORGANISATIONS) {
    const m = pattern.exec(firstText);
    if (m) {
      organisation = m[0];
      break;
    }
  }
  const dateLine = page1.map((l) => DATE_IN_TEXT.exec(l.text)?.[0]).find((d) => d && parseDate(d));
  return {
    title: infoTitle(info, reference) ?? largestText(page1),
    authors,
    organisation,
    reference,
    date: (dateLine ? parseDate(dateLine) : null) ?? pdfDate(info.CreationDate),
  };
}
