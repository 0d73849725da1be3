import { DEFAULT_ROLE_LABELS, type Highlight, type HighlightRole } from '../../shared/highlights';
import type { Brief, Section, SectionNote } from '../../shared/model';
import { noteToMarkdown } from './noteToMarkdown';
import {
  ANNOTATION_CONTEXT,
  BM,
  BRIEFMARK_CONTEXT,
  SIDECAR_VERSION,
  briefIri,
  highlightIri,
  sectionIri,
} from './webAnnotationVocabulary';

/** Everything a brief's sidecar is written from. */
export interface SidecarContents {
  brief: Brief;
  highlights: readonly Highlight[];
  notes: readonly SectionNote[];
  /** The names the user gave the roles; the default names where absent. */
  roleLabels?: Partial<Record<HighlightRole, string>>;
  /** For a highlight whose section this edition no longer has: that section's heading. */
  previousHeadings?: ReadonlyMap<string, string>;
  /** SHA-256 (hex) of the brief's original file: how a restore finds the brief again. */
  contentHash: string;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

/**
 * A brief's highlights and notes as one W3C Web Annotation collection (JSON-LD), for tools
 * other than Briefmark to read and for Briefmark to restore from. Highlights carry the standard
 * TextQuoteSelector and TextPositionSelector on their section; notes carry Markdown any reader
 * can show, and the TipTap document itself so a restore loses nothing. Apart from `generated`,
 * the same annotations always give the same file: items follow the outline and the text.
 */
export function webAnnotationSidecar(contents: SidecarContents, generatedAt: Date): string {
  const { brief } = contents;
  const items = orderedItems(contents);
  const collectionId = `${briefIri(brief.id)}/annotations`;
  const collection: Json = {
    '@context': [ANNOTATION_CONTEXT, BRIEFMARK_CONTEXT],
    id: collectionId,
    type: 'AnnotationCollection',
    label: brief.title,
    generator: { id: 'urn:briefmark:app', type: 'Software', name: 'Briefmark' },
    generated: generatedAt.toISOString(),
    total: items.length,
    [BM.sidecarVersion]: SIDECAR_VERSION,
    [BM.briefId]: brief.id,
    [BM.title]: brief.title,
    [BM.format]: brief.format,
    [BM.sourceFileName]: brief.sourceName,
    [BM.sourceSha256]: contents.contentHash,
    first: {
      id: `${collectionId}/page/1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items,
    },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

// The brief note, then section by section in outline order: highlights in text order, then the
// section's note; last whatever points at a section this brief no longer has.
function orderedItems(contents: SidecarContents): Json[] {
  const { brief, highlights, notes } = contents;
  const sections = new Map(brief.sections.map((section) => [section.id, section]));
  const notesBySection = new Map(notes.map((note) => [note.sectionId, note]));
  const items: Json[] = [];
  const pushNote = (note: SectionNote | undefined) => {
    const item = note && noteAnnotation(brief, note, sections.get(note.sectionId ?? ''));
    if (item) items.push(item);
  };

  pushNote(notesBySection.get(null));
  for (const section of brief.sections) {
    highlights
      .filter((highlight) => highlight.anchor.sectionId === section.id)
      .sort(byTextOrder)
      .forEach((highlight) => items.push(highlightAnnotation(contents, highlight, section)));
    pushNote(notesBySection.get(section.id));
  }
  highlights
    .filter((highlight) => !sections.has(highlight.anchor.sectionId))
    .sort((a, b) => compare(a.createdAt, b.createdAt) || compare(a.id, b.id))
    .forEach((highlight) => items.push(highlightAnnotation(contents, highlight, undefined)));
  notes
    .filter((note) => note.sectionId !== null && !sections.has(note.sectionId))
    .sort((a, b) => compare(a.sectionId ?? '', b.sectionId ?? ''))
    .forEach(pushNote);
  return items;
}

function highlightAnnotation(
  { brief, roleLabels = {}, previousHeadings }: SidecarContents,
  highlight: Highlight,
  section: Section | undefined,
): Json {
  const { anchor } = highlight;
  const orphaned = highlight.status === 'orphaned';
  const body: Json[] = [];
  if (highlight.comment !== '') {
    body.push({
      type: 'TextualBody',
      purpose: 'commenting',
      value: highlight.comment,
      format: 'text/plain',
    });
  }
  body.push({
    type: 'TextualBody',
    purpose: 'tagging',
    value: roleLabels[highlight.role] ?? DEFAULT_ROLE_LABELS[highlight.role],
  });
  const quote: Json = {
    type: 'TextQuoteSelector',
    exact: anchor.exact,
    prefix: anchor.prefix,
    suffix: anchor.suffix,
  };
  // An orphan's offsets point into text the brief no longer has: they are kept for a lossless
  // restore, but not offered to other tools as a position in this section.
  const selector: Json[] = orphaned
    ? [quote]
    : [quote, { type: 'TextPositionSelector', start: anchor.start, end: anchor.end }];
  return {
    id: highlightIri(highlight.id),
    type: 'Annotation',
    motivation: highlight.comment !== '' ? 'commenting' : 'highlighting',
    created: highlight.createdAt,
    modified: highlight.updatedAt,
    body,
    target: { source: sectionIri(brief.id, anchor.sectionId), selector },
    [BM.role]: highlight.role,
    [BM.groupId]: highlight.groupId ?? undefined,
    [BM.status]: highlight.status,
    [BM.textHash]: anchor.textHash,
    [BM.sectionId]: anchor.sectionId,
    [BM.sectionHeading]: section?.heading ?? previousHeadings?.get(highlight.id),
    [BM.sectionPath]: section?.path,
    [BM.previousStart]: orphaned ? anchor.start : undefined,
    [BM.previousEnd]: orphaned ? anchor.end : undefined,
  };
}

function noteAnnotation(brief: Brief, note: SectionNote, section: Section | undefined): Json {
  const markdown = noteToMarkdown(note.doc, 0);
  // A note without text (an emptied one) is no annotation.
  if (markdown === null) return null;
  const target =
    note.sectionId === null ? briefIri(brief.id) : sectionIri(brief.id, note.sectionId);
  return {
    id: `${target}#note`,
    type: 'Annotation',
    motivation: 'commenting',
    modified: note.updatedAt,
    body: { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: markdown },
    target,
    [BM.sectionId]: note.sectionId,
    [BM.sectionHeading]: section?.heading,
    [BM.sectionPath]: section?.path,
    [BM.noteDoc]: note.doc as unknown as Json,
  };
}

function byTextOrder(a: Highlight, b: Highlight): number {
  return (
    a.anchor.start - b.anchor.start ||
    a.anchor.end - b.anchor.end ||
    compare(a.createdAt, b.createdAt) ||
    compare(a.id, b.id)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
