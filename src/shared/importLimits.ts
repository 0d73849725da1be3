/** Largest file the importer accepts, in bytes (also bounds web mode's request bodies). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Longest PDF the importer reads; longer ones are refused before any page is parsed. */
export const MAX_PDF_PAGES = 3_000;

/**
 * Most a Word file may unpack to, all its parts together, read from the ZIP's directory before
 * anything is inflated. Real briefs unpack to a few megabytes; more is refused as a likely zip bomb.
 */
export const MAX_DOCX_UNPACKED_BYTES = 200 * 1024 * 1024;

/** Most parts a Word file may hold: Word writes a few dozen, a few hundred with many images. */
export const MAX_DOCX_PARTS = 10_000;

/**
 * A part unpacking to more than this many times its packed size is refused once it is also
 * larger than DOCX_RATIO_CHECKED_BYTES: Word's XML packs about 10 to 1, a zip bomb about 1000 to 1.
 */
export const MAX_DOCX_PACKING_RATIO = 100;

/** Parts smaller than this are never refused for their packing ratio (repetitive XML packs well). */
export const DOCX_RATIO_CHECKED_BYTES = 10 * 1024 * 1024;

/**
 * An import that reports no progress (a page read, a step done) for this long is given up and its
 * worker stopped: a damaged PDF can keep pdf.js busy on one font for minutes. The import fuzz
 * counts a case over this limit as a hang.
 */
export const IMPORT_STALL_SECONDS = 60;

/** Longest any import may take, however steadily it progresses. */
export const IMPORT_DEADLINE_MINUTES = 10;

/** File extensions the importer reads, for file pickers and error messages. */
export const IMPORTABLE_EXTENSIONS = [
  'pdf',
  'docx',
  'html',
  'htm',
  'md',
  'markdown',
  'qmd',
  'txt',
  'text',
] as const;

/**
 * Annotations files (the W3C Web Annotation sidecars an export writes): an import restores
 * their highlights and notes into the brief they came from instead of importing a brief.
 */
export const ANNOTATION_EXTENSIONS = ['json'] as const;

/** What the library's file pickers offer: briefs, and annotations files to restore. */
export const IMPORT_PICKER_EXTENSIONS = [...IMPORTABLE_EXTENSIONS, ...ANNOTATION_EXTENSIONS];

/** True for a file an import restores annotations from rather than imports as a brief. */
export function isAnnotationsFileName(name: string): boolean {
  return ANNOTATION_EXTENSIONS.some((extension) => name.toLowerCase().endsWith(`.${extension}`));
}
