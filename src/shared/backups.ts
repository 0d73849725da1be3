/** Why a backup was taken; `before-migration-5` is the copy made before moving to schema 5. */
export type BackupReason = 'daily' | 'manual' | 'before-restore' | `before-migration-${number}`;

/** One backup of the library, as the backups dialog and the recovery screen list it. */
export interface BackupEntry {
  /** The file's name in the backups folder; the only way a request names a backup. */
  fileName: string;
  reason: BackupReason;
  /** ISO 8601, UTC. */
  takenAt: string;
  bytes: number;
  /** True when the backup passes its check and this version of Briefmark can restore it. */
  healthy: boolean;
  /** What is wrong with it, in a sentence; null when healthy. */
  problem: string | null;
  /** Briefs in it, as the library lists them; null when they could not be counted. */
  briefs: number | null;
}

/**
 * Why the library could not be opened, when restoring a backup is the way on: it is damaged or
 * not a library at all, or a backup was restored and Briefmark must be started again to open it.
 */
export interface LibraryProblem {
  code: 'database_corrupt' | 'database_unreadable' | 'restart_needed';
  /** A sentence for the user: what is wrong and where the library is. */
  message: string;
}

export interface BackupListing {
  /** Null when the library is open and working. */
  problem: LibraryProblem | null;
  /** Where the backups are kept; null for a library that is not kept in a file. */
  folder: string | null;
  /** Newest first. */
  backups: BackupEntry[];
}

export interface BackupRestore {
  restored: BackupEntry;
  /** The library as it was before the restore, kept as a backup; null when there was none. */
  previous: BackupEntry | null;
  /** True when the library was too damaged to copy through SQLite and its files were copied. */
  previousCopiedAsIs: boolean;
}

/** "Daily", "Before update", … : why a backup was taken, as the user reads it. */
export function backupReasonLabel(reason: BackupReason): string {
  if (reason === 'daily') return 'Daily';
  if (reason === 'manual') return 'Manual';
  if (reason === 'before-restore') return 'Before restore';
  return 'Before update';
}
