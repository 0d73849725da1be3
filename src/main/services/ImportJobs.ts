import type { ImportProgress } from '../import/ImportOptions';
import { ServiceError } from './ServiceError';

interface Job {
  controller: AbortController;
  progress: ImportProgress | null;
}

/**
 * Imports under way, by the id the caller chose, so a second call can ask how far one has got
 * or cancel it while the import call itself is still waiting for its answer.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  /** Registers an import; call `finish` when it ends, however it ends. */
  start(importId: string): {
    signal: AbortSignal;
    onProgress: (progress: ImportProgress) => void;
    finish: () => void;
  } {
    if (this.jobs.has(importId)) {
      throw new ServiceError(
        'invalid_request',
        `An import with id “${importId}” is already running.`,
      );
    }
    const job: Job = { controller: new AbortController(), progress: null };
    this.jobs.set(importId, job);
    return {
      signal: job.controller.signal,
      onProgress: (progress) => (job.progress = progress),
      finish: () => this.jobs.delete(importId),
    };
  }

  /** How far the import has got; `running: false` once it has ended (or never started). */
  progress(importId: string): { running: boolean; progress: ImportProgress | null } {
    const job = this.jobs.get(importId);
    return { running: job !== undefined, progress: job?.progress ?? null };
  }

  /** Returns whether an import was running to cancel. */
  cancel(importId: string): { cancelled: boolean } {
    const job = this.jobs.get(importId);
    job?.controller.abort();
    return { cancelled: job !== undefined };
  }
}
