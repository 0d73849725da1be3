import { languageTag } from './detectLanguage';
import { parseDate } from './parseDate';

/** Metadata read from a line such as "128 SPE 24 E | Original: English | June 2024". */
export interface MetaFields {
  reference?: string;
  date?: string;
  language?: string;
  organisation?: string;
  documentType?: string;
  authors?: string[];
}

type Field = keyof MetaFields;

const LABELS: [RegExp, Field][] = [
  [/^(?:original|language|langue|sprache)$/i, 'language'],
  [/^(?:report|reference|ref|report no|report number|document|doc|no|number|id)$/i, 'reference'],
  [/^(?:published|publication date|date|issued|released)$/i, 'date'],
  [/^(?:source|publisher|organi[sz]ation|agency|institution)$/i, 'organisation'],
  [/^(?:type|document type)$/i, 'documentType'],
  [/^(?:authors?|by)$/i, 'authors'],
];

/** True for a short code such as "128 SPE 24 E" or "GAO-07-791": few tokens, digits, no prose. */
export function looksLikeReference(text: string): boolean {
  const tokens = text.trim().split(/\s+/);
  if (text.length > 40 || tokens.length > 6) return false;
  if (!tokens.some((t) => /\d/.test(t))) return false;
  return tokens.every((t) => /\d/.test(t) || (t.length <= 3 && /^[\p{L}.]+$/u.test(t)));
}

function assign(fields: MetaFields, field: Field, value: string): boolean {
  if (value === '') return false;
  switch (field) {
    case 'language': {
      const tag = languageTag(value);
      if (tag) fields.language = tag;
      return tag !== null;
    }
    case 'date': {
      const date = parseDate(value);
      if (date) fields.date = date;
      return date !== null;
    }
    case 'authors':
      fields.authors = value.split(/\s*(?:,|;|\band\b)\s*/).filter((a) => a !== '');
      return true;
    default:
      fields[field] = value;
      return true;
  }
}

/**
 * Reads a pipe-separated metadata line: labelled fields ("Original: English", "Published: 2007-07-01")
 * and unlabelled ones recognised by shape (a date, a reference code). Returns the fields and how many
 * of the line's fields it recognised, or null when the line has fewer than two fields.
 */
export function parseMetaFields(
  line: string,
): { fields: MetaFields; recognised: number; total: number } | null {
  const parts = line
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length < 2) return null;
  const fields: MetaFields = {};
  let recognised = 0;
  for (const part of parts) {
    const labelled = /^([\p{L} .]{1,30}?)\s*:\s*(.+)$/u.exec(part);
    const rule = labelled?.[1]
      ? LABELS.find(([re]) => re.test(labelled[1]?.trim() ?? ''))
      : undefined;
    if (labelled?.[2] && rule) {
      if (assign(fields, rule[1], labelled[2].trim())) recognised++;
    } else if (!fields.date && parseDate(part)) {
      assign(fields, 'date', part);
      recognised++;
    } else if (!fields.reference && part.length <= 40 && /\d/.test(part)) {
      fields.reference = part;
      recognised++;
    }
  }
  return { fields, recognised, total: parts.length };
}
