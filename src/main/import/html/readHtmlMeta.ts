import { languageTag } from '../structure/detectLanguage';
import { looksLikeReference } from '../structure/parseMetaFields';
import type { HtmlDocument } from './parseHtmlDocument';
import type { StatedMeta } from './StatedMeta';

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function metaValues(document: HtmlDocument): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const key = clean(
      meta.getAttribute('name') ??
        meta.getAttribute('property') ??
        meta.getAttribute('itemprop') ??
        meta.getAttribute('http-equiv'),
    ).toLowerCase();
    const content = clean(meta.getAttribute('content'));
    if (key === '' || content === '') continue;
    values.set(key, [...(values.get(key) ?? []), content]);
  }
  return values;
}

/** Reads a stated date such as "2007-07-01T10:00:00+02:00" or "2007/07/01" as YYYY[-MM[-DD]]. */
export function statedDate(value: string): string | null {
  const m = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T\s].*)?$/.exec(value.trim());
  if (!m?.[1]) return null;
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (month === null) return m[1];
  if (month < 1 || month > 12) return null;
  const mm = String(month).padStart(2, '0');
  if (day === null) return `${m[1]}-${mm}`;
  return day >= 1 && day <= 31 ? `${m[1]}-${mm}-${String(day).padStart(2, '0')}` : null;
}

function splitNames(values: readonly string[]): string[] {
  const names = values
    .flatMap((v) => (values.length > 1 ? [v] : v.split(/\s*(?:;|,|\band\b|&)\s*/)))
    .map(clean)
    .filter((n) => n !== '' && !/^https?:/i.test(n) && n.length <= 100);
  return [...new Set(names)];
}

// "Report title — Site name" or "Report title | Site": the part after the last separator is the site.
function pageTitle(title: string, siteName: string | undefined): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1] ?? '';
  if ((siteName && last.toLowerCase() === siteName.toLowerCase()) || last.length <= 40) {
    return parts.slice(0, -1).join(' – ');
  }
  return title;
}

/**
 * Reads what a page states about itself: <title>, author and keywords, Dublin Core and
 * Highwire (citation_*) tags, Open Graph, <html lang> and content-language.
 */
export function readHtmlMeta(document: HtmlDocument): StatedMeta {
  const values = metaValues(document);
  const first = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const value = values.get(key)?.[0];
      if (value) return value;
    }
    return undefined;
  };
  const all = (...keys: string[]): string[] => {
    for (const key of keys) {
      const list = values.get(key);
      if (list && list.length > 0) return list;
    }
    return [];
  };
  const meta: StatedMeta = {};
  const title = first('citation_title', 'dc.title', 'dcterms.title');
  if (title) meta.title = title;
  const titleElement = clean(document.querySelector('head title')?.textContent);
  const siteName = first('og:site_name');
  const shown = first('og:title') ?? (titleElement ? pageTitle(titleElement, siteName) : undefined);
  if (shown) meta.pageTitle = shown;
  const organisation = first(
    'citation_publisher',
    'dc.publisher',
    'dcterms.publisher',
    'citation_technical_report_institution',
    'og:site_name',
  );
  if (organisation) meta.organisation = organisation;
  const reference = [
    first('citation_technical_report_number', 'citation_report_number'),
    ...all('dc.identifier', 'dcterms.identifier'),
  ].find((r) => r !== undefined && looksLikeReference(r));
  if (reference) meta.reference = reference;
  const date = [
    first('citation_publication_date', 'citation_date', 'dc.date.issued', 'dcterms.issued'),
    first('dc.date', 'dcterms.date', 'article:published_time', 'date', 'pubdate'),
  ]
    .map((d) => (d ? statedDate(d) : null))
    .find((d) => d !== null);
  if (date) meta.date = date;
  const documentType = first('citation_technical_report_type', 'dc.type', 'dcterms.type');
  if (documentType && !/^(?:text|article|website)$/i.test(documentType)) {
    meta.documentType = documentType;
  }
  const authors = splitNames(all('citation_author', 'dc.creator', 'dcterms.creator', 'author'));
  if (authors.length > 0) meta.authors = authors;
  const keywords = all('citation_keywords', 'keywords', 'article:tag')
    .flatMap((k) => k.split(/\s*[,;]\s*/))
    .map(clean)
    .filter((k) => k !== '' && k.length <= 60);
  if (keywords.length > 0) meta.tags = [...new Set(keywords)].slice(0, 20);
  const lang =
    document.documentElement.getAttribute('lang') ??
    document.documentElement.getAttribute('xml:lang') ??
    first('content-language', 'dc.language', 'dcterms.language', 'citation_language', 'og:locale');
  const language = lang ? languageTag(lang.replace('_', '-').split(',')[0] ?? '') : null;
  if (language) meta.language = language;
  return meta;
}
