import { DatabaseError } from './DatabaseError';

/**
 * The sentence for a write SQLite refused because of where the library is stored (a full disk,
 * a read-only file, another program holding it), or null for any other failure. SQLite rolls
 * the whole transaction back in each case, so "not saved" is the whole truth.
 */
export function storageFailure(error: unknown, libraryPath: string | null): DatabaseError | null {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  const library = libraryPath ? `the library at ${libraryPath}` : 'the library';
  if (code === 'SQLITE_FULL' || /database or disk is full|ENOSPC/i.test(message)) {
    return new DatabaseError(
      'disk_full',
      `Briefmark can't save to ${library} because the disk is full. Your change was not saved; free some space on that disk and try again.`,
    );
  }
  if (code.startsWith('SQLITE_READONLY') || /readonly database/i.test(message)) {
    return new DatabaseError('library_read_only', readOnlyWriteRefused(libraryPath));
  }
  if (code.startsWith('SQLITE_BUSY') || /database is locked/i.test(message)) {
    return new DatabaseError(
      'database_locked',
      `Briefmark can't save to ${library} because another program is writing to it. Your change was not saved; try again in a moment.`,
    );
  }
  return null;
}

/** What a write to a library opened read-only gets back. */
function readOnlyWriteRefused(libraryPath: string | null): string {
  const library = libraryPath ? `the library at ${libraryPath}` : 'the library';
  return `Briefmark can't save to ${library} because the file is read-only. Your change was not saved; you can still read and export. To make changes, make the file writable and restart Briefmark.`;
}

/** The notice shown for as long as a read-only library is open. */
export function readOnlyLibraryNotice(libraryPath: string): string {
  return `The library at ${libraryPath} is read-only, so Briefmark opened it for reading: you can read and export, but nothing you change can be saved. To make changes, make the file writable and restart Briefmark.`;
}
