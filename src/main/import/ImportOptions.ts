import type { ImportProgress } from '../../shared/api';

export type { ImportProgress };

export interface ImportOptions {
  /** Aborting rejects the import with ImportError('cancelled'). */
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}
