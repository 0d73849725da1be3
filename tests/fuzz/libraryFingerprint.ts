import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/** A library file's content, hashed table by table, with its schema and version. */
export interface LibraryFingerprint {
  userVersion: number;
  /** Table name to the hash of its rows in rowid order (or by every column without rowid). */
  tables: Record<string, string>;
}

function hashRows(db: Database, table: string, withoutRowid: boolean): string {
  const hash = createHash('sha256');
  const columns = (db.pragma(`table_info("${table}")`) as { name: string }[]).length;
  const order = withoutRowid
    ? Array.from({ length: columns }, (_, i) => i + 1).join(', ')
    : 'rowid';
  const select = db.prepare(
    `SELECT ${withoutRowid ? '' : 'rowid, '}* FROM "${table}" ORDER BY ${order}`,
  );
  for (const row of select.raw().iterate() as Iterable<unknown[]>) {
    for (const value of row) {
      // The type and length first, so no two different rows hash the same bytes.
      if (value instanceof Uint8Array) hash.update(`b${value.length}:`).update(value);
      else if (typeof value === 'string') hash.update(`s${value.length}:`).update(value);
      else hash.update(`${typeof value}:${String(value)};`);
    }
    hash.update('\n');
  }
  return hash.digest('hex');
}

/**
 * Every table's rows (SQLite's own `sqlite_schema` and `sqlite_sequence` included), read in one
 * read transaction so it is one moment's state. Two fingerprints are equal only when no row, no
 * table and no schema version changed in between.
 */
export function libraryFingerprint(db: Database): LibraryFingerprint {
  return db.transaction((): LibraryFingerprint => {
    const tables = db
      .prepare(
        `SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`,
      )
      .all() as { name: string; sql: string | null }[];
    const fingerprint: LibraryFingerprint = {
      userVersion: db.pragma('user_version', { simple: true }) as number,
      tables: { sqlite_schema: hashRows(db, 'sqlite_schema', false) },
    };
    for (const { name, sql } of tables) {
      fingerprint.tables[name] = hashRows(db, name, /WITHOUT\s+ROWID\s*$/i.test(sql ?? ''));
    }
    return fingerprint;
  })();
}

/** What differs between two fingerprints, e.g. `user_version, briefs, sections`; '' when equal. */
export function fingerprintDifference(a: LibraryFingerprint, b: LibraryFingerprint): string {
  const names = new Set([...Object.keys(a.tables), ...Object.keys(b.tables)]);
  const changed = [...names].filter((name) => a.tables[name] !== b.tables[name]).sort();
  if (a.userVersion !== b.userVersion) changed.unshift('user_version');
  return changed.join(', ');
}
