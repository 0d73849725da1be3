import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseError } from '../../src/main/db/DatabaseError';
import { LATEST_SCHEMA_VERSION, migrations } from '../../src/main/db/migrations';
import type { Migration } from '../../src/main/db/migrations/Migration';
import { openDatabase } from '../../src/main/db/openDatabase';
import { runMigrations } from '../../src/main/db/runMigrations';
import { tempDbPath, tempDir } from './helpers/tempLibrary';

describe('openDatabase', () => {
  it('creates the library file with WAL, foreign keys, full sync and the latest schema', () => {
    const path = tempDbPath();
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const strictTables = db
      .prepare(
        `SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1 ORDER BY name`,
      )
      .pluck()
      .all();
    expect(strictTables).toEqual([
      'app_state',
      'briefs',
      'highlight_moves',
      'highlights',
      'notes',
      'reading_positions',
      'section_bodies',
      'section_lineage',
      'sections',
    ]);
    db.close();
  });

  it('creates missing parent folders for the library file', () => {
    const path = `${tempDir()}/nested/deeper/library.sqlite3`;
    openDatabase(path).close();
    expect(new Database(path).pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  });

  it('reopens an existing library without re-running migrations or losing rows', () => {
    const path = tempDbPath();
    const first = openDatabase(path);
    first.prepare(`INSERT INTO app_state (key, value) VALUES ('k', 'v')`).run();
    first.close();
    const second = openDatabase(path);
    expect(second.prepare(`SELECT value FROM app_state WHERE key = 'k'`).pluck().get()).toBe('v');
    second.close();
  });

  it('refuses a library written by a newer version with a clear message', () => {
    const path = tempDbPath();
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    expect(() => openDatabase(path)).toThrow(DatabaseError);
    expect(() => openDatabase(path)).toThrow(/newer version of Briefmark/);
  });

  it('refuses a file that is not a database, naming the file', () => {
    const dir = tempDir();
    const path = `${dir}/not-a-db.sqlite3`;
    writeFileSync(path, 'this is a text file, not SQLite '.repeat(200));
    expect(() => openDatabase(path)).toThrow(/not a Briefmark library or is damaged/);
  });
});

describe('runMigrations', () => {
  it('rolls back a failing migration and leaves the previous version intact', () => {
    const path = tempDbPath();
    const db = new Database(path);
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'adds a table, then fails',
      up(database) {
        database.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        database.exec('INSERT INTO no_such_table VALUES (1)');
      },
    };
    expect(() => runMigrations(db, [...migrations, broken])).toThrow(/no such table/);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const halfDone = db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'`);
    expect(halfDone.pluck().get()).toBe(0);
    db.close();
  });

  it('numbers migrations in strictly increasing order', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });
});

describe('hot queries', () => {
  it('reads sections and notes of one brief through their primary keys', () => {
    const db = openDatabase(tempDbPath());
    const plan = (sql: string) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all('x')
        .map((row) => (row as { detail: string }).detail)
        .join('\n');
    expect(plan(`SELECT * FROM notes WHERE brief_id = ?`)).toMatch(
      /USING INDEX sqlite_autoindex_notes_1/,
    );
    expect(plan(`SELECT * FROM sections WHERE brief_id = ? ORDER BY ordinal`)).toMatch(
      /USING INDEX sqlite_autoindex_sections_2/,
    );
    db.close();
  });
});
