import type { Brief, NoteDoc, Section, SectionNote } from '../../shared/model';
import { markdownHeading } from './markdownHeading';
import { noteToMarkdown } from './noteToMarkdown';

const UNTITLED_BRIEF = 'Untitled brief';

/** A brief's notes by section; `null` is the note on the whole brief. */
export type NotesBySection = ReadonlyMap<string | null, NoteDoc>;

/** The title the export gives the brief: its title, else the one in its details. */
export function exportTitle(brief: Brief): string {
  return brief.title.trim() || brief.meta.title.trim() || UNTITLED_BRIEF;
}

/** The brief's `# Title` line. */
export function titleHeading(title: string): string {
  return markdownHeading(1, title, UNTITLED_BRIEF);
}

/** A section's heading line as the export writes it: its own wording, else its number. */
export function sectionHeading(section: Section, level: number): string {
  return markdownHeading(level, section.heading, `Section ${section.path}`);
}

/** The brief's own notes by section; notes of other briefs are left out. */
export function notesBySection(brief: Brief, notes: readonly SectionNote[]): NotesBySection {
  const bySection = new Map<string | null, NoteDoc>();
  for (const note of notes) {
    if (note.briefId === brief.id) bySection.set(note.sectionId, note.doc);
  }
  return bySection;
}

/** The note on the whole brief, as it goes under the title; none when it has no text. */
export function briefNoteBlocks(notes: NotesBySection): string[] {
  const note = notes.get(null);
  const markdown = note ? noteToMarkdown(note, 1) : null;
  return markdown ? [markdown] : [];
}

/** A section's note, its own headings placed below the section's heading at `headingLevel`. */
export function sectionNoteBlocks(
  notes: NotesBySection,
  sectionId: string,
  headingLevel: number,
): string[] {
  const note = notes.get(sectionId);
  const markdown = note ? noteToMarkdown(note, headingLevel) : null;
  return markdown ? [markdown] : [];
}
