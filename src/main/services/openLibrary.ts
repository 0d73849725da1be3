import { openDatabase } from '../db/openDatabase';
import { Library, type LibraryOptions } from './Library';

export interface OpenLibraryOptions extends LibraryOptions {
  dbPath: string;
  /** better_sqlite3.node built for the running runtime; Electron passes its own ABI build. */
  nativeBinding?: string;
}

export function openLibrary(options: OpenLibraryOptions): Library {
  const db = openDatabase(options.dbPath, { nativeBinding: options.nativeBinding });
  return new Library(db, options);
}
