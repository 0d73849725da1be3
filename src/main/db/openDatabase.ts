import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseError } from './DatabaseError';
import { migrations } from './migrations';
import { runMigrations } from './runMigrations';

export interface OpenDatabaseOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron needs its own ABI). */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) the library database at `path`, applies pragmas for durability
 * and brings the schema up to date.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
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
    runMigrations(db, migrations);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseError) throw error;
    const message = (error as Error).message;
    if (/not a database|malformed/i.test(message)) {
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
