import {
  DEFAULT_EXPORT_OPTIONS,
  withExportOptions,
  type ExportOptions,
} from '../../shared/exportOptions';
import type { Highlight, HighlightRole } from '../../shared/highlights';
import type { Brief, Section, SectionNote } from '../../shared/model';
import { sectionTextLayout } from '../../shared/anchoring/sectionTextLayout';
import { BriefHighlights } from './BriefHighlights';
import {
  briefNoteBlocks,
  exportTitle,
  notesBySection as notesOf,
  sectionHeading,
  sectionNoteBlocks,
  titleHeading,
  type NotesBySection,
} from './exportParts';
import { markdownHeading } from './markdownHeading';
import { noteToMarkdown } from './noteToMarkdown';
import { plainTextMarkdown } from './plainTextMarkdown';
import { yamlFrontMatter, type FrontMatterValue } from './yamlFrontMatter';

/** The export options (defaults where not given) and the moment of the export. */
export interface ExportSettings extends Partial<ExportOptions> {
  /** Written to the front matter as `exported`, in UTC to the second. */
  exportedAt: Date;
}

/** What the user added to the brief, and what they call things. */
export interface BriefAnnotations {
  notes: SectionNote[];
  highlights?: Highlight[];
  /** The names the user gave the highlight roles; the default names where absent. */
  roleLabels?: Partial<Record<HighlightRole, string>>;
  /**
   * For a highlight not found in this edition: the heading of the section it was in, in the
   * edition it came from. Without one, its section's heading here, else its section id.
   */
  previousHeadings?: ReadonlyMap<string, string>;
}

const ORPHAN_NOTES_HEADING = 'Notes on sections no longer in this brief';
const SECTIONS_HEADING = 'Sections';

/**
 * The brief and its annotations as one Markdown file: YAML front matter, the title, the note on
 * the whole brief, then the outline as headings. Under each section come its text (when asked
 * for), its highlights in text order, then its note. Sections with neither a highlight nor a note
 * are left out unless all are asked for, except as the ancestors of a section that is shown.
 * Nothing the user wrote is dropped: notes and highlights whose place is gone come last.
 */
export function exportBriefMarkdown(
  brief: Brief,
  annotations: BriefAnnotations,
  settings: ExportSettings,
): string {
  const { notes, highlights = [], roleLabels = {}, previousHeadings } = annotations;
  const options = withExportOptions(DEFAULT_EXPORT_OPTIONS, settings);
  const notesBySection = notesOf(brief, notes);
  const title = exportTitle(brief);
  const context = new BriefHighlights(brief, highlights, roleLabels, previousHeadings);

  const blocks = [frontMatter(brief, title, settings.exportedAt)];
  blocks.push(titleHeading(title), ...briefNoteBlocks(notesBySection));
  if (options.groupByRole) {
    blocks.push(...context.roleBlocks());
    const outline = outlineBlocks(context, notesBySection, options, 1);
    if (outline.length > 0) blocks.push(markdownHeading(2, SECTIONS_HEADING, ''), ...outline);
  } else {
    blocks.push(...outlineBlocks(context, notesBySection, options, 0));
  }
  blocks.push(...orphanNoteBlocks(brief.sections, notesBySection));
  blocks.push(...context.orphanBlocks());
  return `${blocks.join('\n\n')}\n`;
}

function frontMatter(brief: Brief, title: string, exportedAt: Date): string {
  const { meta } = brief;
  const optional: [string, string | null][] = [
    ['organisation', meta.organisation ?? brief.organisation],
    ['reference', meta.reference ?? brief.reference],
    ['type', meta.documentType],
    ['date', meta.date ?? brief.date],
    ['language', meta.language],
  ];
  const entries: [string, FrontMatterValue][] = [['title', title]];
  for (const [key, value] of optional) {
    if (value !== null && value.trim() !== '') entries.push([key, value.trim()]);
  }
  for (const [key, list] of [
    ['authors', meta.authors],
    ['tags', meta.tags],
  ] as const) {
    const values = list.map((value) => value.trim()).filter((value) => value !== '');
    if (values.length > 0) entries.push([key, values]);
  }
  entries.push(['source', brief.sourceName]);
  // Seconds precision: milliseconds only make the file differ between otherwise equal exports.
  entries.push(['exported', exportedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')]);
  return yamlFrontMatter(entries);
}

function outlineBlocks(
  context: BriefHighlights,
  notesBySection: NotesBySection,
  options: ExportOptions,
  levelOffset: number,
): string[] {
  const { sections } = context.brief;
  const headingLevel = (section: Section): number =>
    Math.min(6, Math.max(2, section.level + 1 + levelOffset));
  const bodies = new Map<string, string[]>();
  for (const section of sections) {
    const body = [
      ...(options.groupByRole ? [] : context.sectionBlocks(section.id)),
      ...sectionNoteBlocks(notesBySection, section.id, headingLevel(section)),
    ];
    // Grouped by role, a highlighted section is shown here only to give its text.
    const textForHighlights =
      options.groupByRole && options.includeFullText && context.placed.has(section.id);
    if (body.length > 0 || textForHighlights || options.includeAllSections) {
      bodies.set(section.id, body);
    }
  }

  const shown = new Set<string>();
  const byId = new Map(sections.map((section) => [section.id, section]));
  for (const id of bodies.keys()) {
    // Keep every ancestor heading so the section sits at its place in the outline.
    for (let current = byId.get(id); current && !shown.has(current.id);) {
      shown.add(current.id);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
  }

  return sections
    .filter((section) => shown.has(section.id))
    .flatMap((section) => [
      sectionHeading(section, headingLevel(section)),
      ...(options.includeFullText ? fullTextBlocks(section) : []),
      ...(bodies.get(section.id) ?? []),
    ]);
}

/**
 * The section's own text (not its subsections'), the text highlights quote: a paragraph per
 * block, with a list's items and a table's rows on lines of their own. Plain text on purpose:
 * nothing in the brief can turn into a heading, a quote or a link in the file.
 */
function fullTextBlocks(section: Section): string[] {
  const { text, blocks } = sectionTextLayout(section);
  return blocks.flatMap(({ start, end }) => plainTextMarkdown(text.slice(start, end)) ?? []);
}

// A note outlives a section that a later edition renames or drops; the export must not lose it.
function orphanNoteBlocks(sections: Section[], notesBySection: NotesBySection): string[] {
  const known = new Set(sections.map((section) => section.id));
  const orphans = [...notesBySection]
    .flatMap(([sectionId, doc]) => {
      if (sectionId === null || known.has(sectionId)) return [];
      const markdown = noteToMarkdown(doc, 3);
      return markdown ? [{ sectionId, markdown }] : [];
    })
    .sort((a, b) => compare(a.sectionId, b.sectionId));
  if (orphans.length === 0) return [];
  return [
    markdownHeading(2, ORPHAN_NOTES_HEADING, ORPHAN_NOTES_HEADING),
    ...orphans.flatMap(({ sectionId, markdown }) => [
      markdownHeading(3, sectionId, sectionId),
      markdown,
    ]),
  ];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
