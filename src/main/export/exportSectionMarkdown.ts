import type { Brief } from '../../shared/model';
import { BriefHighlights } from './BriefHighlights';
import type { BriefAnnotations } from './exportBriefMarkdown';
import {
  briefNoteBlocks,
  exportTitle,
  notesBySection,
  sectionHeading,
  sectionNoteBlocks,
  titleHeading,
} from './exportParts';

// Level 2 reads well pasted into a document that has its own title; the note's headings go below.
const SECTION_HEADING_LEVEL = 2;

/**
 * One section's highlights and note as Markdown to paste elsewhere: the section's heading, its
 * highlights in text order, written as the full export writes them (same block ids and links),
 * then its note. `sectionId: null` gives the note on the whole brief under the brief's title.
 * No front matter and no subsections. `null` when the brief has no such section.
 */
export function exportSectionMarkdown(
  brief: Brief,
  annotations: BriefAnnotations,
  sectionId: string | null,
): string | null {
  const { notes, highlights = [], roleLabels = {}, previousHeadings } = annotations;
  const bySection = notesBySection(brief, notes);
  if (sectionId === null) {
    return `${[titleHeading(exportTitle(brief)), ...briefNoteBlocks(bySection)].join('\n\n')}\n`;
  }
  const section = brief.sections.find((candidate) => candidate.id === sectionId);
  if (!section) return null;
  // Block ids are worked out over every highlight of the brief, as in the full export.
  const placed = new BriefHighlights(brief, highlights, roleLabels, previousHeadings);
  const blocks = [
    sectionHeading(section, SECTION_HEADING_LEVEL),
    ...placed.sectionBlocks(section.id),
    ...sectionNoteBlocks(bySection, section.id, SECTION_HEADING_LEVEL),
  ];
  return `${blocks.join('\n\n')}\n`;
}
