import type Database from 'better-sqlite3';
import { DAILY_BACKUP_INTERVAL_MS, type LibraryBackups } from './LibraryBackups';

export interface DailyBackupSchedule {
  /** Cancels the next check and abandons a backup under way; its partial file is removed. */
  stop(): void;
  /** Resolves once the check (and backup) started last has finished. */
  idle(): Promise<void>;
}

export interface DailyBackupOptions {
  /** How long after opening the first check waits, so opening the library never waits for it. */
  firstDelayMs?: number;
  /** A backup that failed; by default written to stderr. */
  onProblem?: (error: Error) => void;
}

export const FIRST_DAILY_CHECK_DELAY_MS = 15_000;
/** The soonest a check runs again, so a failing backup is not retried in a tight loop. */
const MIN_RECHECK_MS = 60_000;

/**
 * Takes the daily backup of an open library when it is due: a while after opening, then again
 * whenever the newest daily backup turns 24 hours old while the library stays open.
 */
export function scheduleDailyBackups(
  db: Database.Database,
  backups: LibraryBackups,
  options: DailyBackupOptions = {},
): DailyBackupSchedule {
  const onProblem =
    options.onProblem ?? ((error: Error) => console.error(`briefmark: ${error.message}`));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const arm = (delayMs: number) => {
    timer = setTimeout(run, delayMs);
    // A pending check never keeps the process alive (the CLI exits as soon as it is done).
    timer.unref();
  };
  const run = () => {
    current = backups
      .takeDailyIfDue({ source: db, shouldStop: () => stopped || !db.open })
      .then(
        () => undefined,
        (error: Error) => {
          if (!stopped && db.open) onProblem(error);
        },
      )
      .finally(() => {
        if (stopped || !db.open) return;
        let wait = DAILY_BACKUP_INTERVAL_MS;
        try {
          wait = backups.msUntilDailyDue();
        } catch {
          // The folder could not be read; check again in a day.
        }
        arm(Math.min(DAILY_BACKUP_INTERVAL_MS, Math.max(MIN_RECHECK_MS, wait)));
      });
  };
  arm(options.firstDelayMs ?? FIRST_DAILY_CHECK_DELAY_MS);

  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    idle: () => current,
  };
}
