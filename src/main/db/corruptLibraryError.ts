import { backupTimeText } from './backupFileName';
import { DatabaseError } from './DatabaseError';
import { LibraryBackups } from './LibraryBackups';

/**
 * The error for a damaged library, naming the newest backup that passes its check and the
 * command that restores it, so the command line and the start-up message can offer it.
 */
export function corruptLibraryError(
  libraryPath: string,
  damage: string,
  options: { nativeBinding?: string } = {},
): DatabaseError {
  let backup = null;
  try {
    backup = new LibraryBackups(libraryPath, options).newestGood();
  } catch {
    // The backups folder could not be read: report the damage without an offer.
  }
  const what = `The library at ${libraryPath} is damaged (${shorten(damage)}).`;
  if (!backup) {
    return new DatabaseError(
      'database_corrupt',
      `${what} No backup of it passes its check. Run \`briefmark doctor --db "${libraryPath}"\` to see the damage, and keep a copy of the file before trying to repair it.`,
    );
  }
  return new DatabaseError(
    'database_corrupt',
    `${what} The newest good backup is ${backup.path} (${backup.reason}, ${backupTimeText(backup.takenAt)}). ` +
      `Restore it with \`briefmark restore "${backup.path}" --db "${libraryPath}"\` while Briefmark is closed; the damaged library is kept as a before-restore backup.`,
    backup.path,
  );
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
