import type { Brief, NoteDoc, Section, SectionNote } from '../../shared/model';
import { markdownHeading } from './markdownHeading';
import { noteToMarkdown } from './noteToMarkdown';
import { yamlFrontMatter, type FrontMatterValue } from './yamlFrontMatter';

export interface ExportOptions {
  /** Written to the front matter as `exported`, in UTC to the second. */
  exportedAt: Date;
}

const UNTITLED_BRIEF = 'Untitled brief';
const ORPHANS_HEADING = 'Notes on sections no longer in this brief';

/**
 * The brief and its notes as one Markdown file: YAML front matter, the title, the note on the
 * whole brief, then the outline as headings with each note under its section's heading.
 * Sections without a note are left out, except as the ancestors of a section that has one.
 */
export function exportBriefMarkdown(
  brief: Brief,
  notes: SectionNote[],
  options: ExportOptions,
): string {
  const notesBySection = new Map<string | null, NoteDoc>();
  for (const note of notes) {
    if (note.briefId === brief.id) notesBySection.set(note.sectionId, note.doc);
  }
  const title = brief.title.trim() || brief.meta.title.trim() || UNTITLED_BRIEF;

  const blocks = [frontMatter(brief, title, options.exportedAt)];
  blocks.push(markdownHeading(1, title, UNTITLED_BRIEF));
  const briefNote = notesBySection.get(null);
  const briefNoteMarkdown = briefNote ? noteToMarkdown(briefNote, 1) : null;
  if (briefNoteMarkdown) blocks.push(briefNoteMarkdown);
  blocks.push(...outlineBlocks(brief.sections, notesBySection));
  blocks.push(...orphanNoteBlocks(brief.sections, notesBySection));
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
  const tags = meta.tags.map((tag) => tag.trim()).filter((tag) => tag !== '');
  if (tags.length > 0) entries.push(['tags', tags]);
  entries.push(['source', brief.sourceName]);
  // Seconds precision: milliseconds only make the file differ between otherwise equal exports.
  entries.push(['exported', exportedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')]);
  return yamlFrontMatter(entries);
}

function outlineBlocks(sections: Section[], notesBySection: Map<string | null, NoteDoc>): string[] {
  const headingLevel = (section: Section): number => Math.min(6, Math.max(2, section.level + 1));
  const bodies = new Map<string, string[]>();
  for (const section of sections) {
    const note = notesBySection.get(section.id);
    const noteMarkdown = note ? noteToMarkdown(note, headingLevel(section)) : null;
    // Highlights (a later issue) join the body here: quotes first, then the section's note.
    const body = noteMarkdown ? [noteMarkdown] : [];
    if (body.length > 0) bodies.set(section.id, body);
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
      markdownHeading(headingLevel(section), section.heading, `Section ${section.path}`),
      ...(bodies.get(section.id) ?? []),
    ]);
}

// A note outlives a section that a later edition renames or drops; the export must not lose it.
function orphanNoteBlocks(
  sections: Section[],
  notesBySection: Map<string | null, NoteDoc>,
): string[] {
  const known = new Set(sections.map((section) => section.id));
  const orphans = [...notesBySection]
    .flatMap(([sectionId, doc]) => {
      if (sectionId === null || known.has(sectionId)) return [];
      const markdown = noteToMarkdown(doc, 3);
      return markdown ? [{ sectionId, markdown }] : [];
    })
    .sort((a, b) => (a.sectionId < b.sectionId ? -1 : a.sectionId > b.sectionId ? 1 : 0));
  if (orphans.length === 0) return [];
  return [
    markdownHeading(2, ORPHANS_HEADING, ORPHANS_HEADING),
    ...orphans.flatMap(({ sectionId, markdown }) => [
      markdownHeading(3, sectionId, sectionId),
      markdown,
    ]),
  ];
}
