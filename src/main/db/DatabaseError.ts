export type DatabaseErrorCode =
  | 'database_newer'
  | 'database_unreadable'
  | 'database_locked'
  | 'database_corrupt'
  | 'backup_failed'
  | 'restore_refused'
  | 'restore_failed'
  | 'library_read_only'
  | 'disk_full'
  | 'library_in_use';

/** A database problem the user can act on, with a sentence that says what happened. */
export class DatabaseError extends Error {
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
    /** For 'database_corrupt': the newest backup that passes its check, to offer restoring. */
    readonly newestGoodBackup: string | null = null,
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}
