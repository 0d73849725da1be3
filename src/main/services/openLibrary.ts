import { LibraryBackups } from '../db/LibraryBackups';
import { openDatabase } from '../db/openDatabase';
import { Library, type LibraryOptions } from './Library';

export interface OpenLibraryOptions extends LibraryOptions {
  dbPath: string;
  /** better_sqlite3.node built for the running runtime; Electron passes its own ABI build. */
  nativeBinding?: string;
}

export function openLibrary(options: OpenLibraryOptions): Library {
  const { dbPath, nativeBinding, now } = options;
  const db = openDatabase(dbPath, { nativeBinding, now });
  const backups =
    dbPath === ':memory:' ? undefined : new LibraryBackups(dbPath, { nativeBinding, now });
  return new Library(db, { backups, ...options });
}
