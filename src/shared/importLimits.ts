/** Largest file the importer accepts, in bytes (also bounds web mode's request bodies). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Longest PDF the importer reads; longer ones are refused before any page is parsed. */
export const MAX_PDF_PAGES = 3_000;

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
