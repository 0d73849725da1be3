import { parseDate } from '../structure/parseDate';
import { looksLikeReference, parseMetaFields, type MetaFields } from '../structure/parseMetaFields';
import { elementKind } from './elementKind';
import { TEXT_NODE, type HtmlElement } from './parseHtmlDocument';

const ORGANISATION =
  /\b(?:office|agency|association|institute|institution|department|bank|organi[sz]ation|assembly|commission|council|ministry|foundation|centre|center|university|service|bureau|parliament|government)\b/i;
const DOCUMENT_TYPE =
  /^(?:policy brief|policy note|issue brief|research brief|briefing(?: note| paper)?|working paper|discussion paper|white paper|fact sheet|report|testimony|legal sidebar)$/i;
const DATE_LABEL = /^(?:published|publication date|date|issued|released|updated|posted)\s*:?\s*/i;

/** Cover metadata read from short lines next to the title, and the lines that held it. */
export interface CoverLines {
  fields: MetaFields;
  consumed: HtmlElement[];
}

function isLeaf(element: HtmlElement): boolean {
  return !Array.from(element.children).some((c) => elementKind(c) === 'block');
}

// <div><span>GAO-07-791</span><span>Published 2007-07-01</span></div>: each span is a line.
function linesOf(leaf: HtmlElement): HtmlElement[] {
  const parts = Array.from(leaf.children);
  const looseText = Array.from(leaf.childNodes).some(
    (n) => n.nodeType === TEXT_NODE && (n.textContent ?? '').trim() !== '',
  );
  const separate =
    parts.length >= 2 &&
    !looseText &&
    parts.every((p) => !/^(?:a|b|strong|i|em)$/i.test(p.localName));
  return separate ? parts : [leaf];
}

function text(element: HtmlElement): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function readLine(line: string, fields: MetaFields): boolean {
  const parsed = parseMetaFields(line);
  if (parsed && parsed.recognised >= 2 && parsed.recognised === parsed.total) {
    for (const [key, value] of Object.entries(parsed.fields) as [keyof MetaFields, never][]) {
      if (fields[key] === undefined) fields[key] = value;
    }
    return true;
  }
  const date = parseDate(line.replace(DATE_LABEL, ''));
  if (date) {
    fields.date ??= date;
    return true;
  }
  if (!fields.reference && looksLikeReference(line) && !/^\d+$/.test(line)) {
    fields.reference = line;
    return true;
  }
  const byline = /^(?:by|authors?:)\s+(.+)$/i.exec(line);
  if (byline?.[1] && !fields.authors) {
    fields.authors = byline[1].split(/\s*(?:,|;|\band\b|&)\s*/).filter((a) => a !== '');
    return true;
  }
  if (!fields.documentType && DOCUMENT_TYPE.test(line)) {
    fields.documentType = line;
    return true;
  }
  if (!fields.organisation && ORGANISATION.test(line) && line.length <= 80 && !/\d/.test(line)) {
    fields.organisation = line;
    return true;
  }
  return false;
}

/**
 * Reads the title block around a page's title heading: short lines in the same container such
 * as "GAO-07-791", "Published 2007-07-01", "U.S. Government Accountability Office", "Policy Brief".
 * Stops at the first long paragraph or heading; lines it does not recognise are left alone.
 */
export function readCoverLines(title: HtmlElement): CoverLines {
  const fields: MetaFields = {};
  const consumed: HtmlElement[] = [];
  const container = title.parentElement;
  if (!container) return { fields, consumed };
  const leaves = Array.from(container.querySelectorAll('*')).filter(
    (e) => e !== title && !title.contains(e) && elementKind(e) === 'block' && isLeaf(e),
  );
  let seen = 0;
  for (const leaf of leaves) {
    const whole = text(leaf);
    if (whole === '') continue;
    if (/^h[1-6]$/i.test(leaf.localName) || whole.length > 200) break;
    for (const line of linesOf(leaf)) {
      const value = text(line);
      if (value === '') continue;
      if (value.length > 120 || ++seen > 8) return { fields, consumed };
      if (readLine(value, fields)) consumed.push(line);
    }
  }
  return { fields, consumed };
}
