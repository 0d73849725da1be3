import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/api/dispatch';
import { LibraryBackups } from '../../src/main/db/LibraryBackups';
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations';
import { LibraryHost } from '../../src/main/services/LibraryHost';
import type { ApiResult } from '../../src/shared/api';
import type { BackupListing, BackupRestore } from '../../src/shared/backups';
import type { NoteDoc } from '../../src/shared/model';
import { corruptPages, rootPagesOf } from './helpers/corruptPages';
import { sampleBriefPath, tempDbPath } from './helpers/tempLibrary';

const DAY = 24 * 60 * 60 * 1000;
const DECISIONS = 'II. ALLIED DETERRENCE AND DEFENCE';

const noteDoc = (text: string): NoteDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

function hostFor(dbPath: string) {
  return LibraryHost.forFile({ dbPath, sampleBriefPath, dailyBackupDelayMs: DAY });
}

/** The sample brief with a note, in a library file, and a backup of it; the host is closed. */
async function libraryWithBackup(note = 'Ask about the 2% figures.') {
  const dbPath = tempDbPath();
  const host = hostFor(dbPath).open();
  const library = host.library!;
  const brief = await library.importFile('sample-brief.txt', readFileSync(sampleBriefPath));
  const sectionId = brief.sections.find((section) => section.heading === DECISIONS)!.id;
  library.saveNote(brief.id, sectionId, noteDoc(note));
  const backup = await host.backUpNow();
  host.close();
  return { dbPath, briefId: brief.id, sectionId, backup };
}

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The note's text as a fresh connection to the file reads it. */
function noteOnDisk(dbPath: string, briefId: string, sectionId: string): string | undefined {
  const db = new Database(dbPath, { readonly: true });
  try {
    const doc = db
      .prepare('SELECT doc FROM notes WHERE brief_id = ? AND section_id = ?')
      .pluck()
      .get(briefId, sectionId) as string | undefined;
    return doc;
  } finally {
    db.close();
  }
}

describe('a damaged library at start-up', () => {
  it('is kept as the problem, refused by every method but the backups ones, and restored', async () => {
    const { dbPath, briefId, sectionId, backup } = await libraryWithBackup();
    corruptPages(dbPath, rootPagesOf(dbPath, ['sections', 'notes']));

    const host = hostFor(dbPath).open();
    expect(host.library).toBeNull();
    expect(host.problem?.code).toBe('database_corrupt');
    // The sentence for the recovery screen, without the command-line advice.
    expect(host.problem?.message).toMatch(
      new RegExp(`^The library at .*library\\.sqlite3 is damaged`),
    );
    expect(host.problem?.message).not.toContain('briefmark restore');
    const dispatch = createDispatch(host);

    const refused = await dispatch('briefs.list', {});
    expect(refused).toEqual({
      ok: false,
      error: { code: 'library_unavailable', message: host.problem!.message },
    });
    expect(await dispatch('app.welcome', {})).toMatchObject({
      ok: false,
      error: { code: 'library_unavailable' },
    });
    // A backup of a damaged library would be a damaged backup.
    expect(await dispatch('backups.create', {})).toMatchObject({
      ok: false,
      error: { code: 'library_unavailable' },
    });

    const listing = value(await dispatch('backups.list', {})) as BackupListing;
    expect(listing.problem).toEqual(host.problem);
    expect(listing.folder).toBe(join(dirname(dbPath), 'backups'));
    expect(listing.backups).toEqual([
      expect.objectContaining({
        fileName: backup.fileName,
        reason: 'manual',
        healthy: true,
        problem: null,
        briefs: 1,
      }),
    ]);

    const restore = value(
      await dispatch('backups.restore', { fileName: backup.fileName }),
    ) as BackupRestore;
    expect(restore.restored.fileName).toBe(backup.fileName);
    expect(restore.previous?.reason).toBe('before-restore');
    expect(restore.previous?.healthy).toBe(false);
    expect(restore.previousCopiedAsIs).toBe(true);

    // Open again, through the same dispatch: the note is back.
    expect(host.problem).toBeNull();
    const notes = value(await dispatch('notes.list', { briefId })) as { sectionId: string }[];
    expect(JSON.stringify(notes.find((note) => note.sectionId === sectionId))).toContain(
      'Ask about the 2% figures.',
    );
    const after = value(await dispatch('backups.list', {})) as BackupListing;
    expect(after.problem).toBeNull();
    expect(after.backups.map((entry) => [entry.reason, entry.healthy])).toEqual([
      ['before-restore', false],
      ['manual', true],
    ]);
    host.close();
  });

  it('keeps what a crash left in the WAL in the before-restore copy, and out of the restored library', async () => {
    const { dbPath, briefId, sectionId, backup } = await libraryWithBackup('From the backup.');
    // A crash left the library with a WAL: a note change written to it and never checkpointed.
    const crashed = join(dirname(dbPath), 'crashed.sqlite3');
    const db = new Database(dbPath);
    db.pragma('wal_autocheckpoint = 0');
    db.prepare('UPDATE notes SET doc = ? WHERE brief_id = ? AND section_id = ?').run(
      JSON.stringify(noteDoc('From the WAL left by the crash.')),
      briefId,
      sectionId,
    );
    copyFileSync(dbPath, crashed);
    copyFileSync(`${dbPath}-wal`, `${crashed}-wal`);
    db.close();
    copyFileSync(crashed, dbPath);
    copyFileSync(`${crashed}-wal`, `${dbPath}-wal`);
    // Then the disk spoiled the sections table.
    corruptPages(dbPath, rootPagesOf(dbPath, ['sections']));

    const host = hostFor(dbPath).open();
    expect(host.problem?.code).toBe('database_corrupt');
    const restore = await host.restore(backup.fileName);
    expect(restore.previousCopiedAsIs).toBe(true);
    host.close();

    // The restored library has the backup's note: nothing of the old WAL was replayed into it.
    expect(noteOnDisk(dbPath, briefId, sectionId)).toContain('From the backup.');
    const check = new Database(dbPath, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
    // The damaged library is kept with the crash's write in it, for whoever tries to repair it.
    const previous = join(dirname(dbPath), 'backups', restore.previous!.fileName);
    expect(noteOnDisk(previous, briefId, sectionId)).toContain('From the WAL left by the crash.');
    expect(readdirSync(dirname(dbPath)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('still refuses a library from a newer Briefmark, with its message', async () => {
    const { dbPath } = await libraryWithBackup();
    const db = new Database(dbPath);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => hostFor(dbPath).open()).toThrow(/saved by a newer version of Briefmark/);
  });
});

describe('restoring from the app', () => {
  it('swaps the open library for the backup, and later writes go to the restored one', async () => {
    const { dbPath, briefId, sectionId, backup } = await libraryWithBackup();
    const host = hostFor(dbPath).open();
    const dispatch = createDispatch(host);
    value(
      await dispatch('notes.save', {
        briefId,
        sectionId,
        doc: noteDoc('Changed after the backup.'),
      }),
    );

    const restore = value(
      await dispatch('backups.restore', { fileName: backup.fileName }),
    ) as BackupRestore;
    expect(restore.previousCopiedAsIs).toBe(false);
    expect(restore.previous).toMatchObject({ reason: 'before-restore', healthy: true, briefs: 1 });
    expect(noteOnDisk(dbPath, briefId, sectionId)).toContain('Ask about the 2% figures.');

    value(
      await dispatch('notes.save', {
        briefId,
        sectionId,
        doc: noteDoc('Written after restoring.'),
      }),
    );
    host.close();
    expect(noteOnDisk(dbPath, briefId, sectionId)).toContain('Written after restoring.');

    // The library as it was before the restore is a backup that undoes it.
    const undone = hostFor(dbPath).open();
    await undone.restore(restore.previous!.fileName);
    undone.close();
    expect(noteOnDisk(dbPath, briefId, sectionId)).toContain('Changed after the backup.');
  });

  it('refuses a name that is not in the backups list, and leaves the library open', async () => {
    const { dbPath, briefId, sectionId, backup } = await libraryWithBackup();
    // A copy of a good backup outside the backups folder: reachable by path, not by name.
    copyFileSync(
      join(dirname(dbPath), 'backups', backup.fileName),
      join(dirname(dbPath), 'x.sqlite3'),
    );
    const host = hostFor(dbPath).open();
    const dispatch = createDispatch(host);
    value(await dispatch('notes.save', { briefId, sectionId, doc: noteDoc('Keep me.') }));

    for (const fileName of [
      '../x.sqlite3',
      join(dirname(dbPath), 'x.sqlite3'),
      'library.sqlite3',
      'library-2000-01-01T000000Z-manual.sqlite3',
      `backups/${backup.fileName}`,
    ]) {
      expect(await dispatch('backups.restore', { fileName })).toMatchObject({
        ok: false,
        error: { code: 'not_found', message: expect.stringMatching(/^There is no backup called/) },
      });
    }
    expect(host.library).not.toBeNull();
    value(await dispatch('notes.list', { briefId }));
    host.close();
    expect(noteOnDisk(dbPath, briefId, sectionId)).toContain('Keep me.');
    expect(new LibraryBackups(dbPath).files().map((file) => file.reason)).toEqual(['manual']);
  });

  it('keeps the library open when the backup is refused', async () => {
    const { dbPath, briefId, backup } = await libraryWithBackup();
    const path = join(dirname(dbPath), 'backups', backup.fileName);
    corruptPages(path, rootPagesOf(path, ['notes']));
    const host = hostFor(dbPath).open();
    const dispatch = createDispatch(host);

    const listing = value(await dispatch('backups.list', {})) as BackupListing;
    expect(listing.backups[0]).toMatchObject({ healthy: false, briefs: null });
    expect(listing.backups[0]!.problem).toMatch(/^SQLite found damage/);
    expect(await dispatch('backups.restore', { fileName: backup.fileName })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/The library was left as it was\.$/) },
    });
    expect(value(await dispatch('briefs.list', {}))).toHaveLength(1);
    value(await dispatch('notes.list', { briefId }));
    host.close();
    expect(readdirSync(dirname(dbPath)).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
