/** Why an import failed; the same codes the API returns. */
export type ImportErrorCode =
  | 'unsupported_format'
  | 'import_failed'
  | 'too_large'
  /** A PDF with no text to extract, e.g. a scan. */
  | 'no_text_layer'
  | 'encrypted'
  /** Truncated or corrupt: the container itself cannot be read. */
  | 'damaged'
  | 'cancelled';

/** An import failure whose `message` is one sentence shown to the user as-is. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
  }
}
