import { z } from 'zod';
import type { ApiMethod } from './api';
import { exportOptionsChangeSchema } from './exportOptions';
import { MAX_IMPORT_BYTES } from './importLimits';
import type { NoteDoc } from './model';
import { highlightRoleSchema, MAX_COMMENT_LENGTH, sectionRangeSchema } from './highlights';
import { readerSettingsSchema } from './reader/readerSettings';
import { readingPositionSchema } from './reader/readingPosition';

const id = z.string().min(1).max(128);
const empty = z.object({}).strict();

// Attributes as the editor writes them (a heading's level, a link's href, a task's checked):
// plain values only, as a restored sidecar keeps them. Any value here used to be accepted, so a
// 10 MB string or an object nested 10,000 deep was stored, and the deep one failed to save.
const noteAttrs = z.record(
  z.string().max(64),
  z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]),
);

const noteMark = z
  .object({
    type: z.string().min(1).max(64),
    attrs: noteAttrs.optional(),
  })
  .strict();

/**
 * How deeply note nodes may nest: far more than the editor makes (a list inside a list adds
 * two levels), far less than where parsing recurses out of stack (near 550 levels).
 */
export const MAX_NOTE_DEPTH = 100;

const noteNodeSchema: z.ZodType<NoteDoc> = z.lazy(() =>
  z
    .object({
      type: z.string().min(1).max(64),
      attrs: noteAttrs.optional(),
      content: z.array(noteNodeSchema).max(10_000).optional(),
      marks: z.array(noteMark).max(32).optional(),
      text: z.string().max(1_000_000).optional(),
    })
    .strict(),
);

/**
 * TipTap JSON, checked for shape; node types are checked again when a note is serialized.
 * The depth is measured first, without recursion: a note nested 10,000 deep overflowed the
 * stack of the recursive parse, and dispatch failed instead of refusing it.
 */
export const noteDocSchema: z.ZodType<NoteDoc> = z
  .unknown()
  .refine(
    (value) => !nestsDeeperThan(value, MAX_NOTE_DEPTH),
    `A note can nest at most ${MAX_NOTE_DEPTH} levels deep.`,
  )
  .pipe(noteNodeSchema);

/** True when nodes nest, through `content`, more than `max` levels; level by level, no recursion. */
function nestsDeeperThan(root: unknown, max: number): boolean {
  let level: unknown[] = [root];
  for (let depth = 1; level.length > 0; depth++) {
    if (depth > max) return true;
    const next: unknown[] = [];
    for (const node of level) {
      const content =
        typeof node === 'object' && node !== null ? (node as { content?: unknown }).content : null;
      // Longer lists are refused by the schema anyway; walking them would only cost time.
      if (!Array.isArray(content) || content.length > 10_000) continue;
      for (const child of content) next.push(child);
    }
    level = next;
  }
  return false;
}

const detail = z.string().trim().max(300).nullable();

/** What the user may edit about a brief; blank optional details are stored as null. */
export const briefMetaSchema = z
  .object({
    title: z.string().trim().min(1, 'A brief needs a title.').max(500),
    subtitle: detail,
    organisation: detail,
    reference: detail,
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'Dates are written as YYYY, YYYY-MM or YYYY-MM-DD.')
      .nullable(),
    documentType: detail,
    language: z
      .string()
      .regex(
        /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
        'Languages are written as codes such as en or pt-BR.',
      )
      .nullable(),
    authors: z.array(z.string().trim().min(1).max(200)).max(50),
    tags: z.array(z.string().trim().min(1).max(100)).max(50),
  })
  .strict();

/** Base64 grows 4/3; a little slack for padding. */
const maxBase64Length = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4;

/** A file the renderer read for the main process: its name and its bytes in base64. */
const uploadedFile = {
  fileName: z.string().min(1).max(255),
  dataBase64: z
    .string()
    .max(maxBase64Length, 'The file is larger than the 50 MB import limit.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file data is not valid base64.'),
};

/** One zod schema per API method; every request is parsed by its schema before a service sees it. */
export const requestSchemas = {
  'app.welcome': empty,
  'briefs.list': empty,
  'briefs.get': z.object({ briefId: id }).strict(),
  'briefs.markOpened': z.object({ briefId: id }).strict(),
  'briefs.updateMeta': z.object({ briefId: id, meta: briefMetaSchema }).strict(),
  'briefs.import': z.object({ ...uploadedFile, importId: id.optional() }).strict(),
  'imports.progress': z.object({ importId: id }).strict(),
  'imports.cancel': z.object({ importId: id }).strict(),
  'notes.list': z.object({ briefId: id }).strict(),
  'notes.save': z.object({ briefId: id, sectionId: id.nullable(), doc: noteDocSchema }).strict(),
  'export.markdown': z
    .object({ briefId: id, options: exportOptionsChangeSchema.optional() })
    .strict(),
  'export.options': empty,
  'export.section': z.object({ briefId: id, sectionId: id.nullable() }).strict(),
  'export.files': z
    .object({
      briefIds: z.array(id).min(1).max(10_000).nullable(),
      options: exportOptionsChangeSchema.optional(),
    })
    .strict(),
  'annotations.restore': z.object(uploadedFile).strict(),
  'reading.position': z.object({ briefId: id }).strict(),
  'reading.savePosition': z.object({ briefId: id, position: readingPositionSchema }).strict(),
  'highlights.list': z.object({ briefId: id }).strict(),
  'highlights.create': z
    .object({
      briefId: id,
      ranges: z.array(sectionRangeSchema).min(1).max(500),
      role: highlightRoleSchema,
      comment: z.string().max(MAX_COMMENT_LENGTH).optional(),
    })
    .strict(),
  'highlights.update': z
    .object({
      highlightId: id,
      role: highlightRoleSchema.optional(),
      comment: z.string().max(MAX_COMMENT_LENGTH).optional(),
    })
    .strict(),
  'highlights.delete': z.object({ highlightId: id }).strict(),
  'highlights.restore': z.object({ highlightId: id }).strict(),
  'editions.adopt': z.object({ briefId: id, previousBriefId: id }).strict(),
  'editions.review': z.object({ briefId: id }).strict(),
  'editions.markReviewed': z.object({ highlightId: id }).strict(),
  // The parts of a parsed link, each an id as elsewhere; the renderer parses the href strictly.
  'links.resolve': z.object({ briefId: id, sectionId: id, highlightId: id }).strict(),
  'settings.get': empty,
  'settings.save': z.object({ settings: readerSettingsSchema }).strict(),
  'backups.list': empty,
  'backups.create': empty,
  // A bare name the main process looks up in the backups folder's list; never opened as a path.
  'backups.restore': z.object({ fileName: z.string().min(1).max(255) }).strict(),
} satisfies Record<ApiMethod, z.ZodType>;

export function isApiMethod(method: unknown): method is ApiMethod {
  return typeof method === 'string' && Object.hasOwn(requestSchemas, method);
}
