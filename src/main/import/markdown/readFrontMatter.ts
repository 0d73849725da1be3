import { parse } from 'yaml';
import type { BriefMeta } from '../../../shared/model';
import { languageTag } from '../structure/detectLanguage';
import { parseDate } from '../structure/parseDate';

/** Metadata a Markdown file states in its YAML front matter. */
export type FrontMatterMeta = Partial<Omit<BriefMeta, 'authors' | 'tags'>> & {
  authors?: string[];
  tags?: string[];
};

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

function pick(data: Record<string, unknown>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = text(data[key]);
    if (value) return value;
  }
  return undefined;
}

function names(value: unknown): string[] {
  const list = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(/\s*[,;]\s*/)
      : [];
  return list
    .map((entry: unknown) =>
      entry !== null && typeof entry === 'object' && 'name' in entry
        ? text((entry as { name: unknown }).name)
        : text(entry),
    )
    .filter((n): n is string => n !== undefined);
}

/**
 * Splits YAML front matter (between `---` lines at the very start) from a Markdown body and reads
 * title, subtitle, organisation/publisher, reference, date, authors, language, tags and type.
 * Front matter that is not valid YAML for a mapping is left in the body untouched.
 */
export function readFrontMatter(source: string): { meta: FrontMatterMeta; body: string } {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { meta: {}, body: source };
  let data: unknown;
  try {
    data = parse(match[1] ?? '', { maxAliasCount: 100 });
  } catch {
    return { meta: {}, body: source };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { meta: {}, body: source };
  const record = data as Record<string, unknown>;
  const meta: FrontMatterMeta = {};
  const set = <K extends keyof FrontMatterMeta>(
    key: K,
    value: FrontMatterMeta[K] | undefined,
  ): void => {
    if (value !== undefined && value !== null) meta[key] = value;
  };
  set('title', pick(record, ['title']));
  set('subtitle', pick(record, ['subtitle']));
  set(
    'organisation',
    pick(record, ['organisation', 'organization', 'publisher', 'institution', 'org']),
  );
  set(
    'reference',
    pick(record, ['reference', 'report', 'report-number', 'report_number', 'number']),
  );
  const date = pick(record, ['date', 'published', 'publication-date']);
  set('date', date ? (parseDate(date) ?? undefined) : undefined);
  set('documentType', pick(record, ['documentType', 'document-type', 'type']));
  const language = pick(record, ['language', 'lang']);
  set('language', language ? (languageTag(language) ?? undefined) : undefined);
  const authors = names(record.authors ?? record.author);
  if (authors.length > 0) meta.authors = authors;
  const tags = names(record.tags ?? record.keywords);
  if (tags.length > 0) meta.tags = tags;
  return { meta, body: source.slice(match[0].length) };
}
