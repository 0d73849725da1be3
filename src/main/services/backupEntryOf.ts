import Database from 'better-sqlite3';
import type { BackupEntry } from '../../shared/backups';
import type { CheckedBackup } from '../db/LibraryBackups';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';

/** A checked backup as the API lists it: healthy only if this version can restore it. */
export function backupEntryOf(backup: CheckedBackup, nativeBinding?: string): BackupEntry {
  const { check } = backup;
  const newer = (check.schemaVersion ?? 0) > LATEST_SCHEMA_VERSION;
  const problem = !check.ok
    ? capitalised(check.problems.join(' '))
    : newer
      ? 'It was saved by a newer version of Briefmark; update Briefmark to restore it.'
      : null;
  return {
    fileName: backup.fileName,
    reason: backup.reason,
    takenAt: backup.takenAt.toISOString(),
    bytes: backup.bytes,
    healthy: problem === null,
    problem,
    briefs: problem === null ? briefsIn(backup.path, nativeBinding) : null,
  };
}

// The count the library list would show: newer editions hide the ones they replace.
function briefsIn(path: string, nativeBinding?: string): number | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    return db
      .prepare(
        'SELECT count(*) FROM briefs b WHERE NOT EXISTS (SELECT 1 FROM briefs n WHERE n.edition_of = b.id)',
      )
      .pluck()
      .get() as number;
  } catch {
    // The count is a help in choosing, not a check: a backup that cannot give it still lists.
    return null;
  } finally {
    db?.close();
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
