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
