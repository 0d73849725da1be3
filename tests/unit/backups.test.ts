import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { checkLibraryFile } from '../../src/main/db/checkLibraryFile';
import { DatabaseError } from '../../src/main/db/DatabaseError';
import { LibraryBackups } from '../../src/main/db/LibraryBackups';
import { LATEST_SCHEMA_VERSION, migrations } from '../../src/main/db/migrations';
import { openDatabase } from '../../src/main/db/openDatabase';
import { runMigrations } from '../../src/main/db/runMigrations';
import { describeStartupError } from '../../src/main/electron/describeStartupError';
import { openLibrary } from '../../src/main/services/openLibrary';
import type { NoteDoc } from '../../src/shared/model';
import { highlightPhrase } from './helpers/annotatedLibrary';
import { corruptPages, pageCountOf, rootPagesOf } from './helpers/corruptPages';
import { sampleBriefPath, tempDbPath, tempDir } from './helpers/tempLibrary';

const HOUR = 60 * 60 * 1000;
const DECISIONS = 'II. ALLIED DETERRENCE AND DEFENCE';

const noteDoc = (text: string): NoteDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** A clock tests move by hand. */
function manualClock(start = '2026-11-20T03:15:00Z') {
  let time = new Date(start).getTime();
  return {
    now: () => new Date(time),
    advance: (ms: number) => {
      time += ms;
    },
  };
}

/** The sample brief with a note and a highlight, in a library file; the daily backup held off. */
async function annotatedLibrary(dbPath = tempDbPath(), now?: () => Date) {
  const library = openLibrary({ dbPath, sampleBriefPath, now, dailyBackupDelayMs: 24 * HOUR });
  const brief = await library.importFile('sample-brief.txt', readFileSync(sampleBriefPath));
  const sectionId = brief.sections.find((section) => section.heading === DECISIONS)!.id;
  library.saveNote(brief.id, sectionId, noteDoc('Ask about the 2% figures.'));
  highlightPhrase(
    library,
    brief.id,
    sectionId,
    'These show 23 Allies meeting the 2% target',
    'key-point',
  );
  return { library, dbPath, briefId: brief.id, sectionId };
}

function noteText(dbPath: string, briefId: string, sectionId: string): string | undefined {
  const library = openLibrary({ dbPath, sampleBriefPath, dailyBackupDelayMs: 24 * HOUR });
  try {
    const note = library.listNotes(briefId).find((n) => n.sectionId === sectionId);
    return note && JSON.stringify(note.doc);
  } finally {
    library.close();
  }
}

describe('daily backups', () => {
  it('are taken once a day, beside the library, and the newest seven are kept', async () => {
    const clock = manualClock();
    const { library, dbPath } = await annotatedLibrary(tempDbPath(), clock.now);
    const backups = new LibraryBackups(dbPath, { now: clock.now });
    expect(backups.folder).toBe(join(dirname(dbPath), 'backups'));

    const first = await backups.takeDailyIfDue();
    expect(first?.fileName).toBe('library-2026-11-20T031500Z-daily.sqlite3');
    clock.advance(23 * HOUR);
    expect(await backups.takeDailyIfDue()).toBeNull();
    clock.advance(HOUR);
    expect((await backups.takeDailyIfDue())?.fileName).toBe(
      'library-2026-11-21T031500Z-daily.sqlite3',
    );
    for (let day = 3; day <= 9; day++) {
      clock.advance(24 * HOUR);
      expect(await backups.takeDailyIfDue()).not.toBeNull();
    }
    library.close();

    const kept = backups.list();
    expect(kept.map((backup) => backup.fileName.slice(8, 18))).toEqual([
      '2026-11-28',
      '2026-11-27',
      '2026-11-26',
      '2026-11-25',
      '2026-11-24',
      '2026-11-23',
      '2026-11-22',
    ]);
    expect(kept.every((backup) => backup.reason === 'daily' && backup.check.ok)).toBe(true);
    // Nothing half-written or left over beside them.
    expect(readdirSync(backups.folder).sort()).toEqual(kept.map((b) => b.fileName).sort());
  });

  it('is scheduled when the library opens, not taken before opening returns', async () => {
    const dbPath = tempDbPath();
    const library = openLibrary({ dbPath, sampleBriefPath, dailyBackupDelayMs: 0 });
    const backups = new LibraryBackups(dbPath);
    expect(backups.files()).toEqual([]);
    await vi.waitFor(() => expect(backups.files().map((b) => b.reason)).toEqual(['daily']));
    library.close();
  });

  it('is a working library with the same briefs, notes and highlights', async () => {
    const { library, dbPath, briefId } = await annotatedLibrary();
    const backup = await new LibraryBackups(dbPath).takeBackup('manual');
    expect(backup.fileName).toMatch(/^library-\d{4}-\d{2}-\d{2}T\d{6}Z-manual\.sqlite3$/);
    expect(backup.check).toEqual({ ok: true, problems: [], schemaVersion: LATEST_SCHEMA_VERSION });

    const copyPath = join(tempDir(), 'library.sqlite3');
    copyFileSync(backup.path, copyPath);
    const copy = openLibrary({ dbPath: copyPath, sampleBriefPath, dailyBackupDelayMs: 24 * HOUR });
    expect(copy.listBriefs()).toEqual(library.listBriefs());
    expect(copy.listNotes(briefId)).toEqual(library.listNotes(briefId));
    expect(copy.highlights.list(briefId)).toEqual(library.highlights.list(briefId));
    expect(copy.highlights.list(briefId)).toHaveLength(1);
    copy.close();
    library.close();
  });
});

describe('backups before a migration', () => {
  /** A library at schema 3, the version before editions, with a brief's row and a setting. */
  function libraryAtSchema3(dbPath = tempDbPath()) {
    const db = new Database(dbPath);
    runMigrations(db, migrations.slice(0, 3));
    db.prepare(
      `INSERT INTO briefs (id, title, source_name, format, content_hash, original, imported_at)
       VALUES ('b1', 'An older brief', 'old.txt', 'txt', 'hash', x'00', '2026-01-01T00:00:00Z')`,
    ).run();
    db.prepare(`INSERT INTO app_state (key, value) VALUES ('sample_offered', 'yes')`).run();
    db.close();
    return dbPath;
  }

  it('copies a library with data before migrating it, and not a fresh one', () => {
    const clock = manualClock('2026-11-28T10:00:00Z');
    const dbPath = libraryAtSchema3();
    const db = openDatabase(dbPath, { now: clock.now });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();

    const [backup, ...others] = new LibraryBackups(dbPath).list();
    expect(others).toEqual([]);
    expect(backup!.fileName).toBe(
      `library-2026-11-28T100000Z-before-migration-${LATEST_SCHEMA_VERSION}.sqlite3`,
    );
    expect(backup!.check).toEqual({ ok: true, problems: [], schemaVersion: 3 });
    const copy = new Database(backup!.path, { readonly: true });
    expect(copy.prepare(`SELECT title FROM briefs`).pluck().all()).toEqual(['An older brief']);
    copy.close();

    const fresh = tempDbPath();
    openDatabase(fresh).close();
    expect(existsSync(join(dirname(fresh), 'backups'))).toBe(false);
  });

  it('does not migrate when the copy cannot be made', () => {
    const dbPath = libraryAtSchema3();
    // A file where the backups folder should be: nothing can be written there.
    writeFileSync(join(dirname(dbPath), 'backups'), 'not a folder');
    expect(() => openDatabase(dbPath)).toThrow(
      expect.objectContaining({
        code: 'backup_failed',
        message: expect.stringMatching(/left as it was/),
      }),
    );
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    db.close();
  });

  it('keeps the newest three', () => {
    const clock = manualClock();
    const dbPath = tempDbPath();
    const db = openDatabase(dbPath);
    const backups = new LibraryBackups(dbPath, { now: clock.now });
    for (let version = 5; version <= 8; version++) {
      backups.takeBackupSync(`before-migration-${version}`, db);
      clock.advance(HOUR);
    }
    db.close();
    expect(backups.files().map((backup) => backup.reason)).toEqual([
      'before-migration-8',
      'before-migration-7',
      'before-migration-6',
    ]);
  });
});

describe('restore', () => {
  it('brings back the library as it was, and the before-restore backup undoes it', async () => {
    const clock = manualClock();
    const { library, dbPath, briefId, sectionId } = await annotatedLibrary(tempDbPath(), clock.now);
    const backups = new LibraryBackups(dbPath, { now: clock.now });
    const backup = await backups.takeBackup('daily');
    clock.advance(HOUR);
    library.saveNote(briefId, sectionId, noteDoc('Written after the backup.'));
    library.close();

    const result = backups.restore(backup.path);
    expect(result.previous?.reason).toBe('before-restore');
    expect(result.previousCopiedAsIs).toBe(false);
    expect(noteText(dbPath, briefId, sectionId)).toContain('Ask about the 2% figures.');
    expect(noteText(dbPath, briefId, sectionId)).not.toContain('Written after the backup.');

    clock.advance(HOUR);
    backups.restore(result.previous!.path);
    expect(noteText(dbPath, briefId, sectionId)).toContain('Written after the backup.');
    // No temporary copy left beside the library.
    expect(readdirSync(dirname(dbPath)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('refuses a damaged backup and leaves the library untouched', async () => {
    const { library, dbPath } = await annotatedLibrary();
    const backups = new LibraryBackups(dbPath);
    const backup = await backups.takeBackup('manual');
    library.close();
    const damaged = join(tempDir(), 'damaged.sqlite3');
    copyFileSync(backup.path, damaged);
    const middle = Math.floor(pageCountOf(damaged) / 2);
    corruptPages(damaged, [middle, middle + 1, middle + 2]);
    const before = readFileSync(dbPath);

    expect(() => backups.restore(damaged)).toThrow(
      expect.objectContaining({
        code: 'restore_refused',
        message: expect.stringMatching(/damage/),
      }),
    );
    expect(readFileSync(dbPath).equals(before)).toBe(true);
    expect(backups.files().map((b) => b.reason)).toEqual(['manual']);
  });

  it('refuses a backup from a newer version of Briefmark', async () => {
    const { library, dbPath } = await annotatedLibrary();
    const backups = new LibraryBackups(dbPath);
    const backup = await backups.takeBackup('manual');
    library.close();
    const newer = join(tempDir(), 'newer.sqlite3');
    copyFileSync(backup.path, newer);
    const db = new Database(newer);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const before = readFileSync(dbPath);

    expect(() => backups.restore(newer)).toThrow(/saved by a newer version of Briefmark/);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });

  it('refuses while the library is open', async () => {
    const { library, dbPath } = await annotatedLibrary();
    const backups = new LibraryBackups(dbPath);
    const backup = await backups.takeBackup('manual');
    expect(() => backups.restore(backup.path)).toThrow(
      expect.objectContaining({
        code: 'database_locked',
        message: expect.stringMatching(/is open/),
      }),
    );
    library.close();
    expect(backups.files().map((b) => b.reason)).toEqual(['manual']);
  });
});

describe('leftovers of a killed backup or restore', () => {
  it('are removed by the next backup once they are old enough to belong to no live one', async () => {
    const { library, dbPath } = await annotatedLibrary();
    library.close();
    const backups = new LibraryBackups(dbPath);
    await backups.takeBackup('manual');
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR);
    const leftover = (path: string, age: Date) => {
      copyFileSync(dbPath, path);
      utimesSync(path, age, age);
      return path;
    };
    const folder = dirname(dbPath);
    const staleRestore = leftover(join(folder, '.library.sqlite3.0a1b2c.restoring'), hoursAgo(2));
    const liveRestore = leftover(join(folder, '.library.sqlite3.3d4e5f.restoring'), hoursAgo(0));
    const stalePartial = leftover(join(backups.folder, '.library.9a8b7c.partial'), hoursAgo(25));
    const livePartial = leftover(join(backups.folder, '.library.6d5e4f.partial'), hoursAgo(1));

    await backups.takeBackup('manual');
    expect(existsSync(staleRestore)).toBe(false);
    expect(existsSync(stalePartial)).toBe(false);
    expect(existsSync(liveRestore)).toBe(true);
    expect(existsSync(livePartial)).toBe(true);
    // Never listed as backups, whatever their age.
    expect(backups.files().map((file) => file.reason)).toEqual(['manual', 'manual']);
  });
});

describe('start-up check', () => {
  it('finds damaged pages and names the newest backup that passes its check', async () => {
    const clock = manualClock();
    const { library, dbPath, briefId, sectionId } = await annotatedLibrary(tempDbPath(), clock.now);
    const backups = new LibraryBackups(dbPath, { now: clock.now });
    const good = await backups.takeBackup('daily');
    clock.advance(HOUR);
    const spoiled = await backups.takeBackup('manual');
    library.close();
    // The newest backup is damaged too, so the offer must skip it.
    corruptPages(spoiled.path, rootPagesOf(spoiled.path, ['notes']));
    corruptPages(dbPath, rootPagesOf(dbPath, ['sections', 'notes']));

    let error: unknown;
    try {
      openDatabase(dbPath).close();
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error).toMatchObject({ code: 'database_corrupt', newestGoodBackup: good.path });
    const message = (error as Error).message;
    expect(message).toContain(`The library at ${dbPath} is damaged`);
    expect(message).toContain(`briefmark restore "${good.path}"`);
    expect(message).not.toContain(spoiled.fileName);
    expect(describeStartupError(error)).toBe(message);

    // The offer works: the damaged library is kept as it was, and the good backup restored.
    const result = backups.restore(good.path);
    expect(result.previousCopiedAsIs).toBe(true);
    expect(checkLibraryFile(result.previous!.path, { depth: 'quick' }).ok).toBe(false);
    expect(noteText(dbPath, briefId, sectionId)).toContain('Ask about the 2% figures.');
  });

  it('says there is no good backup when there is none', async () => {
    const { library, dbPath } = await annotatedLibrary();
    library.close();
    corruptPages(dbPath, rootPagesOf(dbPath, ['sections']));
    expect(() => openLibrary({ dbPath, sampleBriefPath })).toThrow(
      /is damaged .*No backup of it passes its check/,
    );
  });
});
