/** Progress of a long import, e.g. pages read of a PDF. */
export interface ImportProgress {
  done: number;
  total: number;
  unit: 'page' | 'part';
}

export interface ImportOptions {
  /** Aborting rejects the import with ImportError('cancelled'). */
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}
