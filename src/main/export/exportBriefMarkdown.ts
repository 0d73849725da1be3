import {
  DEFAULT_EXPORT_OPTIONS,
  withExportOptions,
  type ExportOptions,
} from '../../shared/exportOptions';
import {
  DEFAULT_ROLE_LABELS,
  HIGHLIGHT_ROLES,
  type Highlight,
  type HighlightRole,
} from '../../shared/highlights';
import type { Brief, NoteDoc, Section, SectionNote } from '../../shared/model';
import { sectionTextLayout } from '../../shared/anchoring/sectionTextLayout';
import { highlightBlockIds } from './highlightBlockIds';
import { highlightMarkdown } from './highlightMarkdown';
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

const UNTITLED_BRIEF = 'Untitled brief';
const ORPHAN_NOTES_HEADING = 'Notes on sections no longer in this brief';
const ORPHAN_HIGHLIGHTS_HEADING = 'Highlights not found in this edition';
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
  const notesBySection = new Map<string | null, NoteDoc>();
  for (const note of notes) {
    if (note.briefId === brief.id) notesBySection.set(note.sectionId, note.doc);
  }
  const title = brief.title.trim() || brief.meta.title.trim() || UNTITLED_BRIEF;
  const context = new ExportContext(brief, highlights, roleLabels, previousHeadings);

  const blocks = [frontMatter(brief, title, settings.exportedAt)];
  blocks.push(markdownHeading(1, title, UNTITLED_BRIEF));
  const briefNote = notesBySection.get(null);
  const briefNoteMarkdown = briefNote ? noteToMarkdown(briefNote, 1) : null;
  if (briefNoteMarkdown) blocks.push(briefNoteMarkdown);
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
  const tags = meta.tags.map((tag) => tag.trim()).filter((tag) => tag !== '');
  if (tags.length > 0) entries.push(['tags', tags]);
  entries.push(['source', brief.sourceName]);
  // Seconds precision: milliseconds only make the file differ between otherwise equal exports.
  entries.push(['exported', exportedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')]);
  return yamlFrontMatter(entries);
}

/** The brief's highlights sorted into their places, and how each is written. */
class ExportContext {
  /** Highlights found in this edition, by section, in text order. */
  readonly placed = new Map<string, Highlight[]>();
  /** Highlights not found in this edition, or whose section is gone. */
  readonly orphans: Highlight[] = [];
  private readonly blockIds: Map<string, string>;
  private readonly sectionsById: Map<string, Section>;
  private readonly ordinal: Map<string, number>;

  constructor(
    readonly brief: Brief,
    highlights: readonly Highlight[],
    private readonly roleLabels: Partial<Record<HighlightRole, string>>,
    private readonly previousHeadings: ReadonlyMap<string, string> | undefined,
  ) {
    this.sectionsById = new Map(brief.sections.map((section) => [section.id, section]));
    this.ordinal = new Map(brief.sections.map((section, index) => [section.id, index]));
    const own = highlights.filter((highlight) => highlight.briefId === brief.id);
    this.blockIds = highlightBlockIds(own);
    for (const highlight of [...own].sort((a, b) => this.textOrder(a, b))) {
      const sectionId = highlight.anchor.sectionId;
      if (highlight.status === 'orphaned' || !this.sectionsById.has(sectionId)) {
        this.orphans.push(highlight);
      } else {
        const list = this.placed.get(sectionId) ?? [];
        list.push(highlight);
        this.placed.set(sectionId, list);
      }
    }
  }

  /** Blocks for one highlight; `withHeading` names its section in the attribution. */
  highlightBlocks(highlight: Highlight, withHeading: boolean): string[] {
    return highlightMarkdown(highlight, {
      briefId: this.brief.id,
      roleLabel: this.roleLabel(highlight.role),
      blockId: this.blockIds.get(highlight.id) ?? `h-${highlight.id}`,
      sectionHeading: withHeading ? this.headingOf(highlight) : null,
    });
  }

  /** One heading per role, in role order, with that role's highlights in text order. */
  roleBlocks(): string[] {
    const placed = [...this.placed.values()].flat().sort((a, b) => this.textOrder(a, b));
    return HIGHLIGHT_ROLES.flatMap((role) => {
      const ofRole = placed.filter((highlight) => highlight.role === role);
      if (ofRole.length === 0) return [];
      const label = this.roleLabel(role);
      return [
        markdownHeading(2, label, DEFAULT_ROLE_LABELS[role]),
        ...ofRole.flatMap((highlight) => this.highlightBlocks(highlight, true)),
      ];
    });
  }

  orphanBlocks(): string[] {
    if (this.orphans.length === 0) return [];
    return [
      markdownHeading(2, ORPHAN_HIGHLIGHTS_HEADING, ORPHAN_HIGHLIGHTS_HEADING),
      ...this.orphans.flatMap((highlight) => this.highlightBlocks(highlight, true)),
    ];
  }

  private roleLabel(role: HighlightRole): string {
    const label = this.roleLabels[role]?.trim();
    return label ? label : DEFAULT_ROLE_LABELS[role];
  }

  private headingOf(highlight: Highlight): string {
    const sectionId = highlight.anchor.sectionId;
    const section = this.sectionsById.get(sectionId);
    const heading =
      (highlight.status === 'orphaned' ? this.previousHeadings?.get(highlight.id) : undefined) ??
      section?.heading;
    if (heading?.trim()) return heading;
    return section ? `Section ${section.path}` : sectionId;
  }

  // Outline order, then place in the section; sections not in this edition last.
  private textOrder(a: Highlight, b: Highlight): number {
    const at = (highlight: Highlight) =>
      this.ordinal.get(highlight.anchor.sectionId) ?? Number.MAX_SAFE_INTEGER;
    return (
      at(a) - at(b) ||
      compare(a.anchor.sectionId, b.anchor.sectionId) ||
      a.anchor.start - b.anchor.start ||
      a.anchor.end - b.anchor.end ||
      compare(a.id, b.id)
    );
  }
}

function outlineBlocks(
  context: ExportContext,
  notesBySection: Map<string | null, NoteDoc>,
  options: ExportOptions,
  levelOffset: number,
): string[] {
  const { sections } = context.brief;
  const headingLevel = (section: Section): number =>
    Math.min(6, Math.max(2, section.level + 1 + levelOffset));
  const bodies = new Map<string, string[]>();
  for (const section of sections) {
    const body: string[] = [];
    if (!options.groupByRole) {
      for (const highlight of context.placed.get(section.id) ?? []) {
        body.push(...context.highlightBlocks(highlight, false));
      }
    }
    const note = notesBySection.get(section.id);
    const noteMarkdown = note ? noteToMarkdown(note, headingLevel(section)) : null;
    if (noteMarkdown) body.push(noteMarkdown);
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
      markdownHeading(headingLevel(section), section.heading, `Section ${section.path}`),
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
