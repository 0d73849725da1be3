import { z } from 'zod';
import {
  CONTEXT_LENGTH,
  MAX_COMMENT_LENGTH,
  MAX_QUOTE_LENGTH,
  highlightRoleSchema,
  type HighlightRole,
  type TextAnchor,
} from '../../shared/highlights';
import { ServiceError } from '../services/ServiceError';
import { ANNOTATION_CONTEXT, BM, SIDECAR_VERSION, highlightIdOf } from './webAnnotationVocabulary';

/** A sidecar larger than this is refused before it is parsed. */
export const MAX_SIDECAR_BYTES = 20 * 1024 * 1024;

/** Most annotations one sidecar may hold; a brief is annotated in hundreds, not thousands. */
export const MAX_SIDECAR_ANNOTATIONS = 5_000;

/** Deepest nesting a note's document may have (lists in lists); deeper is not a real note. */
const MAX_NOTE_DEPTH = 200;

const MAX_NOTE_MARKDOWN = 1_000_000;

/** A highlight as the sidecar describes it, not yet anchored in any brief. */
export interface SidecarHighlight {
  id: string;
  role: HighlightRole;
  comment: string;
  groupId: string | null;
  createdAt: string;
  updatedAt: string;
  /** Where it was when exported: its section, offsets, quote with context, and text hash. */
  anchor: TextAnchor;
  /** The heading of its section when exported, if the sidecar names it. */
  sectionHeading: string | null;
}

export interface SidecarNote {
  /** null: the note on the whole brief. */
  sectionId: string | null;
  sectionHeading: string | null;
  /** The TipTap document as the sidecar holds it, unchecked; undefined when absent. */
  doc: unknown;
  /** The note as Markdown, the fallback when the document is absent or unusable. */
  markdown: string;
}

export interface ParsedSidecar {
  source: {
    /** The brief's id in the library it was exported from. */
    briefId: string;
    title: string;
    format: string;
    fileName: string;
    /** SHA-256 (hex) of the brief's original file. */
    sha256: string;
  };
  highlights: SidecarHighlight[];
  notes: SidecarNote[];
}

const timestamp = z
  .string()
  .max(64)
  .refine((value) => !Number.isNaN(Date.parse(value)), 'Expected a date and time.');

const textualBody = z.looseObject({
  type: z.literal('TextualBody'),
  purpose: z.string().max(64).optional(),
  value: z.string().max(MAX_NOTE_MARKDOWN),
  format: z.string().max(100).optional(),
});
const bodies = z
  .union([textualBody, z.array(textualBody).max(16)])
  .transform((body) => (Array.isArray(body) ? body : [body]));

const quoteSelector = z.looseObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(MAX_QUOTE_LENGTH),
  // Other tools keep longer context; Briefmark keeps the nearest CONTEXT_LENGTH characters.
  prefix: z.string().max(10_000).optional(),
  suffix: z.string().max(10_000).optional(),
});
const positionSelector = z.looseObject({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().min(0).max(1e9),
  end: z.number().int().min(1).max(1e9),
});
const anySelector = z.looseObject({ type: z.string().max(64) });

const offset = z.number().int().min(0).max(1e9);

const highlightSchema = z.looseObject({
  id: z.string().max(300),
  type: z.literal('Annotation'),
  created: timestamp,
  modified: timestamp.optional(),
  body: bodies.optional(),
  target: z.looseObject({
    source: z.string().max(2_000),
    selector: z
      .union([anySelector, z.array(anySelector).min(1).max(16)])
      .transform((selector) => (Array.isArray(selector) ? selector : [selector])),
  }),
  [BM.role]: highlightRoleSchema,
  [BM.groupId]: z.string().min(1).max(128).nullable().optional(),
  [BM.textHash]: z.string().max(128).optional(),
  [BM.sectionId]: z.string().min(1).max(128),
  [BM.sectionHeading]: z.string().max(2_000).optional(),
  [BM.previousStart]: offset.optional(),
  [BM.previousEnd]: offset.optional(),
});

const noteSchema = z.looseObject({
  id: z.string().max(2_000),
  type: z.literal('Annotation'),
  modified: timestamp.optional(),
  body: bodies,
  target: z.union([z.string().max(2_000), z.looseObject({ source: z.string().max(2_000) })]),
  [BM.sectionId]: z.string().min(1).max(128).nullable(),
  [BM.sectionHeading]: z.string().max(2_000).optional(),
  [BM.noteDoc]: z.unknown().optional(),
});

const collectionSchema = z.looseObject({
  type: z.literal('AnnotationCollection'),
  [BM.sidecarVersion]: z.number().int().min(1),
  [BM.sourceSha256]: z.string().regex(/^[0-9a-f]{64}$/),
  [BM.briefId]: z.string().min(1).max(128),
  [BM.sourceFileName]: z.string().min(1).max(1_000),
  [BM.title]: z.string().max(2_000).optional(),
  [BM.format]: z.string().max(32).optional(),
  first: z.looseObject({ type: z.literal('AnnotationPage'), items: z.array(z.unknown()) }),
});

/**
 * Reads a sidecar the export wrote (W3C Web Annotation JSON-LD with Briefmark's terms) into
 * what a restore needs, checking every field and bounding every size first. Throws a
 * ServiceError with a sentence naming the file: `too_large`, `unsupported_format` (not JSON,
 * not a Briefmark annotation collection) or `invalid_request` (an annotation it cannot read).
 */
export function readWebAnnotationSidecar(fileName: string, bytes: Uint8Array): ParsedSidecar {
  const name = `“${fileName}”`;
  if (bytes.length > MAX_SIDECAR_BYTES) {
    throw new ServiceError(
      'too_large',
      `${name} is larger than ${MAX_SIDECAR_BYTES / (1024 * 1024)} MB, the most Briefmark restores annotations from.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''),
    );
  } catch {
    throw new ServiceError(
      'unsupported_format',
      `${name} is not an annotations file: it does not hold valid JSON text.`,
    );
  }
  const notOurs = new ServiceError(
    'unsupported_format',
    `${name} is not an annotations file exported by Briefmark: it should be a W3C Web Annotation collection that names the brief's source file.`,
  );
  if (!hasAnnotationContext(value)) throw notOurs;
  const collection = collectionSchema.safeParse(value);
  if (!collection.success) throw notOurs;
  const data = collection.data;
  if (data[BM.sidecarVersion] > SIDECAR_VERSION) {
    throw new ServiceError(
      'unsupported_format',
      `${name} was written by a newer version of Briefmark; update Briefmark to restore it.`,
    );
  }
  const items = data.first.items;
  if (items.length > MAX_SIDECAR_ANNOTATIONS) {
    throw new ServiceError(
      'too_large',
      `${name} holds ${items.length.toLocaleString('en')} annotations; Briefmark restores at most ${MAX_SIDECAR_ANNOTATIONS.toLocaleString('en')} from one file.`,
    );
  }

  const highlights: SidecarHighlight[] = [];
  const notes: SidecarNote[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const malformed = (problem: string) =>
      new ServiceError(
        'invalid_request',
        `${name} has an annotation Briefmark cannot read (number ${index + 1}): ${problem}`,
      );
    const isHighlight = typeof item === 'object' && item !== null && BM.role in item;
    if (isHighlight) {
      const highlight = readHighlight(item, malformed);
      if (seen.has(highlight.id)) {
        throw malformed(`the highlight ${highlight.id} appears twice in the file.`);
      }
      seen.add(highlight.id);
      highlights.push(highlight);
    } else {
      notes.push(readNote(item, malformed));
    }
  });

  return {
    source: {
      briefId: data[BM.briefId],
      title: data[BM.title] ?? data[BM.sourceFileName],
      format: data[BM.format] ?? '',
      fileName: data[BM.sourceFileName],
      sha256: data[BM.sourceSha256],
    },
    highlights,
    notes,
  };
}

type Malformed = (problem: string) => ServiceError;

function readHighlight(item: unknown, malformed: Malformed): SidecarHighlight {
  const parsed = highlightSchema.safeParse(item);
  if (!parsed.success) throw malformed(describeIssue(parsed.error));
  const annotation = parsed.data;
  const id = highlightIdOf(annotation.id);
  if (id === null || id.length > 128) {
    throw malformed(`its id “${annotation.id.slice(0, 80)}” names no Briefmark highlight.`);
  }
  const selectors = annotation.target.selector;
  const quoteAt = selectors.findIndex((selector) => selector.type === 'TextQuoteSelector');
  if (quoteAt < 0) throw malformed('it has no TextQuoteSelector giving the highlighted text.');
  const quote = quoteSelector.safeParse(selectors[quoteAt]);
  if (!quote.success) throw malformed(describeIssue(quote.error, 'the TextQuoteSelector'));
  const positionAt = selectors.findIndex((selector) => selector.type === 'TextPositionSelector');
  let start = annotation[BM.previousStart];
  let end = annotation[BM.previousEnd];
  if (positionAt >= 0) {
    const position = positionSelector.safeParse(selectors[positionAt]);
    if (!position.success) {
      throw malformed(describeIssue(position.error, 'the TextPositionSelector'));
    }
    ({ start, end } = position.data);
  }
  const { exact } = quote.data;
  // Without offsets the quote is looked for by its words alone.
  if (start === undefined || end === undefined || end <= start) {
    start = 0;
    end = exact.length;
  }
  const comment =
    annotation.body?.find((body) => body.purpose === 'commenting')?.value.trim() ?? '';
  if (comment.length > MAX_COMMENT_LENGTH) {
    throw malformed(`its comment is longer than ${MAX_COMMENT_LENGTH} characters.`);
  }
  return {
    id,
    role: annotation[BM.role],
    comment,
    groupId: annotation[BM.groupId] ?? null,
    createdAt: annotation.created,
    updatedAt: annotation.modified ?? annotation.created,
    anchor: {
      sectionId: annotation[BM.sectionId],
      start,
      end,
      exact,
      prefix: (quote.data.prefix ?? '').slice(-CONTEXT_LENGTH),
      suffix: (quote.data.suffix ?? '').slice(0, CONTEXT_LENGTH),
      textHash: annotation[BM.textHash] ?? '',
    },
    sectionHeading: annotation[BM.sectionHeading] ?? null,
  };
}

function readNote(item: unknown, malformed: Malformed): SidecarNote {
  const parsed = noteSchema.safeParse(item);
  if (!parsed.success) throw malformed(describeIssue(parsed.error));
  const note = parsed.data;
  const markdownBody =
    note.body.find((body) => body.format === 'text/markdown') ??
    note.body.find((body) => body.purpose === 'commenting') ??
    note.body[0];
  const doc = note[BM.noteDoc];
  return {
    sectionId: note[BM.sectionId],
    sectionHeading: note[BM.sectionHeading] ?? null,
    // Too deep a document is left out (the Markdown stands in), before anything recurses into it.
    doc: depthAtMost(doc, MAX_NOTE_DEPTH) ? doc : undefined,
    markdown: markdownBody?.value ?? '',
  };
}

function hasAnnotationContext(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const context = (value as { '@context'?: unknown })['@context'];
  return Array.isArray(context)
    ? context.includes(ANNOTATION_CONTEXT)
    : context === ANNOTATION_CONTEXT;
}

// Iterative, so a hostile nesting cannot exhaust the stack while being measured.
function depthAtMost(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return false;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return true;
}

function describeIssue(error: z.ZodError, within?: string): string {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? `its field “${issue.path.join('.')}”` : 'it';
  const detail = issue ? ` (${issue.message.replace(/\.$/, '')})` : '';
  return `${field}${within ? ` in ${within}` : ''} is not valid${detail}.`;
}
