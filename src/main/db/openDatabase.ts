import { accessSync, closeSync, constants, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { damageReported, isCorruptionError } from './checkLibraryFile';
import { corruptLibraryError } from './corruptLibraryError';
import { DatabaseError } from './DatabaseError';
import { LibraryBackups } from './LibraryBackups';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
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
 * A library file that cannot be written is opened read-only (`db.readonly`): it can be read and
 * exported, and every write is refused by SQLite.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  const inFile = path !== ':memory:';
  if (inFile) mkdirSync(dirname(path), { recursive: true });
  const readOnly = inFile && !canWrite(path);
  let db: Database.Database;
  try {
    db = new Database(path, {
      ...(readOnly ? { readonly: true, fileMustExist: true } : {}),
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw new DatabaseError(
      'database_unreadable',
      `Briefmark could not open its library at ${path}: ${(error as Error).message}.`,
    );
  }
  try {
    db.pragma('busy_timeout = 5000');
    // A read-only file keeps the journal mode it has; a library has been WAL since its creation.
    if (!readOnly) db.pragma('journal_mode = WAL');
    // One fsync per commit: cheap at human typing speed, and an acknowledged note survives power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Damage found now is damage the user has a backup for; found later it may be in the backups.
    const damage = damageReported(db.pragma(`quick_check(${START_UP_DAMAGE_LINES})`));
    if (damage.length > 0) throw corruptLibraryError(path, damage[0]!, options);
    if (readOnly) refuseIfOutdated(db, path);
    else
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
    if ((error as { code?: string }).code === 'SQLITE_CANTOPEN' && !canWriteFolder(path)) {
      // SQLite writes the WAL index beside a library even to read it (its -shm file).
      throw new DatabaseError(
        'library_read_only',
        `Briefmark can't open the library at ${path} because its folder is read-only, and SQLite needs to write a small file beside the library even to read it. Make the folder writable, or copy the library into a writable folder and open the copy.`,
      );
    }
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

// What SQLite itself tries first: opening the file for writing. EACCES is a permission, EPERM an
// immutable ("locked") file, EROFS a read-only volume. A missing file is created writable.
function canWrite(path: string): boolean {
  try {
    closeSync(openSync(path, 'r+'));
    return true;
  } catch (error) {
    return !['EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException).code ?? '');
  }
}

function canWriteFolder(path: string): boolean {
  try {
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

// Bringing an older library up to date writes to it: a read-only one is refused instead.
function refuseIfOutdated(db: Database.Database, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > LATEST_SCHEMA_VERSION) runMigrations(db, migrations); // refuses it, naming versions
  if (version === 0) {
    throw new DatabaseError(
      'library_read_only',
      `Briefmark can't open ${path}: it is not a Briefmark library yet, and Briefmark cannot set one up in it because the file is read-only.`,
    );
  }
  if (version < LATEST_SCHEMA_VERSION) {
    throw new DatabaseError(
      'library_read_only',
      `Briefmark can't open the library at ${path}: it was saved by an older version of Briefmark and has to be updated before this version can read it, but the file is read-only. Make it writable and start Briefmark again.`,
    );
  }
}
