import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { damageReported, isCorruptionError } from './checkLibraryFile';
import { corruptLibraryError } from './corruptLibraryError';
import { DatabaseError } from './DatabaseError';
import { LibraryBackups } from './LibraryBackups';
import { migrations } from './migrations';
import { runMigrations } from './runMigrations';

export interface OpenDatabaseOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron needs its own ABI). */
  nativeBinding?: string;
  /** The clock that dates backups taken while opening (before a migration). */
  now?: () => Date;
}

/** Damage lines asked of the start-up check: the first one is what the message shows. */
const START_UP_DAMAGE_LINES = 5;

/**
 * Opens (creating if needed) the library database at `path`, applies pragmas for durability,
 * checks it for damage and brings the schema up to date, backing it up before a migration.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  const inFile = path !== ':memory:';
  if (inFile) mkdirSync(dirname(path), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw new DatabaseError(
      'database_unreadable',
      `Briefmark could not open its library at ${path}: ${(error as Error).message}.`,
    );
  }
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    // One fsync per commit: cheap at human typing speed, and an acknowledged note survives power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Damage found now is damage the user has a backup for; found later it may be in the backups.
    const damage = damageReported(db.pragma(`quick_check(${START_UP_DAMAGE_LINES})`));
    if (damage.length > 0) throw corruptLibraryError(path, damage[0]!, options);
    runMigrations(db, migrations, {
      beforeMigrating: inFile
        ? (from, to) => backUpBeforeMigrating(db, path, from, to, options)
        : undefined,
    });
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseError) throw error;
    const message = (error as Error).message;
    if (isCorruptionError(error)) throw corruptLibraryError(path, message, options);
    if (/not a database/i.test(message)) {
      throw new DatabaseError(
        'database_unreadable',
        `The file at ${path} is not a Briefmark library or is damaged (${message}).`,
      );
    }
    if (/locked|busy/i.test(message)) {
      throw new DatabaseError(
        'database_locked',
        `The library at ${path} is locked by another program; close it and try again.`,
      );
    }
    throw error;
  }
}

// A migration rewrites the user's data: without a copy to go back to, it does not run.
function backUpBeforeMigrating(
  db: Database.Database,
  path: string,
  from: number,
  to: number,
  options: OpenDatabaseOptions,
): void {
  const backups = new LibraryBackups(path, options);
  try {
    backups.takeBackupSync(`before-migration-${to}`, db);
  } catch (error) {
    throw new DatabaseError(
      'backup_failed',
      `Briefmark did not update the library at ${path} from schema ${from} to ${to}, because it could not save a copy of it first. ${(error as Error).message} The library was left as it was.`,
    );
  }
}
