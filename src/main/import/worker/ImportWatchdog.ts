import { IMPORT_DEADLINE_MINUTES, IMPORT_STALL_SECONDS } from '../../../shared/importLimits';
import { ImportError } from '../ImportError';

export interface ImportTimeLimits {
  /** Given up when no progress is reported for this long. */
  stallMs: number;
  /** Given up after this long, progress or not. */
  deadlineMs: number;
}

/** The limits the app imports under (and the import fuzz counts hangs by). */
export const IMPORT_TIME_LIMITS: ImportTimeLimits = {
  stallMs: IMPORT_STALL_SECONDS * 1000,
  deadlineMs: IMPORT_DEADLINE_MINUTES * 60_000,
};

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  return `${Math.round(seconds / 60)} minutes`;
}

/** The error an import ends with when it runs past a limit; it names the file and the time. */
export function gaveUpError(
  fileName: string,
  limit: 'stall' | 'deadline',
  ms: number,
): ImportError {
  return new ImportError(
    'import_failed',
    limit === 'stall'
      ? `Briefmark gave up reading “${fileName}” after ${duration(ms)} without progress; the file may be damaged.`
      : `Briefmark gave up reading “${fileName}” after ${duration(ms)}; the file may be damaged or too complex to import.`,
  );
}

/**
 * Watches one import from outside the thread that runs it (a parser stuck in a loop blocks its own
 * thread's timers): calls `onGiveUp` once, with the error to answer, when the import reports no
 * progress for `stallMs` or runs longer than `deadlineMs`. The caller then stops the thread.
 */
export class ImportWatchdog {
  private stallTimer: ReturnType<typeof setTimeout>;
  private readonly deadlineTimer: ReturnType<typeof setTimeout>;
  private stopped = false;

  constructor(
    private readonly fileName: string,
    private readonly limits: ImportTimeLimits,
    private readonly onGiveUp: (error: ImportError) => void,
  ) {
    this.stallTimer = this.startStallTimer();
    this.deadlineTimer = setTimeout(
      () => this.giveUp(gaveUpError(fileName, 'deadline', limits.deadlineMs)),
      limits.deadlineMs,
    );
  }

  /** The import reported progress: the stall clock starts again. */
  progressed(): void {
    if (this.stopped) return;
    clearTimeout(this.stallTimer);
    this.stallTimer = this.startStallTimer();
  }

  /** The import ended (or was cancelled): no more give-ups. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.stallTimer);
    clearTimeout(this.deadlineTimer);
  }

  private startStallTimer(): ReturnType<typeof setTimeout> {
    return setTimeout(
      () => this.giveUp(gaveUpError(this.fileName, 'stall', this.limits.stallMs)),
      this.limits.stallMs,
    );
  }

  private giveUp(error: ImportError): void {
    if (this.stopped) return;
    this.stop();
    this.onGiveUp(error);
  }
}
