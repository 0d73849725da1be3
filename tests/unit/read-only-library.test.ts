import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/api/dispatch';
import { DatabaseError } from '../../src/main/db/DatabaseError';
import { migrations } from '../../src/main/db/migrations';
import { runMigrations } from '../../src/main/db/runMigrations';
import type { Library } from '../../src/main/services/Library';
import { openLibrary } from '../../src/main/services/openLibrary';
import type { NoteDoc } from '../../src/shared/model';
import { highlightPhrase, sectionText } from './helpers/annotatedLibrary';
import {
  canMakeFileReadOnly,
  canMakeFolderReadOnly,
  makeFileReadOnly,
  makeFolderReadOnly,
} from './helpers/readOnlyFiles';
import { sampleBriefPath, tempDir } from './helpers/tempLibrary';
import { unavailable } from './helpers/unavailable';

// Undone before the temporary folders are removed: an immutable file cannot be deleted.
const undos: (() => void)[] = [];
const opened: Library[] = [];
afterEach(() => {
  for (const library of opened.splice(0)) library.close();
  for (const undo of undos.splice(0).reverse()) undo();
});

function open(dbPath: string): Library {
  const library = openLibrary({ dbPath, sampleBriefPath });
  opened.push(library);
  return library;
}

function close(library: Library): void {
  library.close();
  opened.splice(opened.indexOf(library), 1);
}

const note = (text: string): NoteDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

function hash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** A library with the sample brief, a note on its first section and a highlight, closed. */
async function annotatedLibrary(dbPath: string) {
  const library = open(dbPath);
  const briefId = (await library.welcome()).openBriefId!;
  const sectionId = library.getBrief(briefId).sections[0]!.id;
  library.saveNote(briefId, sectionId, note('Ask the secretariat for the force model numbers.'));
  const phrase = sectionText(library, briefId, sectionId).slice(0, 24);
  highlightPhrase(library, briefId, sectionId, phrase, 'evidence');
  close(library);
  return { briefId, sectionId, phrase };
}

describe.skipIf(
  unavailable(
    canMakeFileReadOnly,
    'the read-only library file tests',
    'this machine cannot make a file read-only (chmod as a user, chattr +i as root)',
  ),
)('a read-only library file', () => {
  it('opens for reading and export, says so, and refuses every write with a sentence', async () => {
    const dbPath = join(tempDir(), 'library.sqlite3');
    const { briefId, sectionId, phrase } = await annotatedLibrary(dbPath);
    const before = hash(dbPath);
    undos.push(makeFileReadOnly(dbPath));

    const library = open(dbPath);
    const dispatch = createDispatch(library);
    const welcome = await dispatch('app.welcome', {});
    expect(welcome).toEqual({
      ok: true,
      value: {
        openBriefId: null,
        readOnlyNotice: `The library at ${dbPath} is read-only, so Briefmark opened it for reading: you can read and export, but nothing you change can be saved. To make changes, make the file writable and restart Briefmark.`,
      },
    });

    // Reading and exporting work as before.
    const notes = await dispatch('notes.list', { briefId });
    expect(JSON.stringify(notes)).toContain('force model numbers');
    const highlights = await dispatch('highlights.list', { briefId });
    expect(highlights.ok && highlights.value).toHaveLength(1);
    const exported = await dispatch('export.markdown', {
      briefId,
      options: { groupByRole: true },
    });
    expect(exported.ok).toBe(true);
    expect(exported.ok && (exported.value as { markdown: string }).markdown).toContain(
      'force model numbers',
    );

    const refused = {
      ok: false,
      error: {
        code: 'library_read_only',
        message: `Briefmark can't save to the library at ${dbPath} because the file is read-only. Your change was not saved; you can still read and export. To make changes, make the file writable and restart Briefmark.`,
      },
    };
    expect(
      await dispatch('notes.save', { briefId, sectionId, doc: note('Typed while read-only.') }),
    ).toEqual(refused);
    expect(
      await dispatch('highlights.create', {
        briefId,
        ranges: [{ sectionId, start: 0, end: 5 }],
        role: 'question',
      }),
    ).toEqual(refused);
    expect(await dispatch('briefs.markOpened', { briefId })).toEqual(refused);
    const imported = await dispatch('briefs.import', {
      fileName: 'another.txt',
      dataBase64: Buffer.from('Another brief\n\nWith a paragraph of its own.').toString('base64'),
    });
    expect(imported.ok).toBe(false);
    expect(!imported.ok && imported.error.message).toContain('because the file is read-only');

    // Still answering after the refusals, and the file never changed.
    expect((await dispatch('briefs.list', {})).ok).toBe(true);
    close(library);
    undos.pop()!();
    expect(hash(dbPath)).toBe(before);

    // Writable again: everything as it was, and saving works.
    const writable = open(dbPath);
    expect(writable.listNotes(briefId).map((saved) => JSON.stringify(saved.doc))).toEqual([
      JSON.stringify(note('Ask the secretariat for the force model numbers.')),
    ]);
    expect(writable.highlights.list(briefId).map((h) => h.anchor.exact)).toEqual([phrase]);
    expect((await writable.welcome()).readOnlyNotice).toBeNull();
    writable.saveNote(briefId, sectionId, note('Saved once writable.'));
    expect(JSON.stringify(writable.listNotes(briefId))).toContain('Saved once writable.');
  });

  it('refuses an older library it would have to update, leaving the file as it was', () => {
    const dbPath = join(tempDir(), 'library.sqlite3');
    const db = new Database(dbPath);
    db.pragma('journal_mode = WAL');
    runMigrations(db, migrations.slice(0, -1));
    db.close();
    const before = hash(dbPath);
    undos.push(makeFileReadOnly(dbPath));

    let error: unknown;
    try {
      open(dbPath);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).code).toBe('library_read_only');
    expect((error as DatabaseError).message).toBe(
      `Briefmark can't open the library at ${dbPath}: it was saved by an older version of Briefmark and has to be updated before this version can read it, but the file is read-only. Make it writable and start Briefmark again.`,
    );
    expect(hash(dbPath)).toBe(before);
  });
  it('refuses an empty read-only file rather than calling it a library', () => {
    const dbPath = join(tempDir(), 'library.sqlite3');
    writeFileSync(dbPath, '');
    undos.push(makeFileReadOnly(dbPath));
    expect(() => open(dbPath)).toThrowError(
      `Briefmark can't open ${dbPath}: it is not a Briefmark library yet, and Briefmark cannot set one up in it because the file is read-only.`,
    );
  });
});

describe.skipIf(
  unavailable(
    canMakeFolderReadOnly,
    'the read-only folder tests',
    'this machine cannot make a folder read-only (chmod as a user, a read-only bind mount as root)',
  ),
)('a library in a read-only folder', () => {
  it('is refused at start with a sentence saying why, and nothing is written', async () => {
    const folder = join(tempDir(), 'library');
    mkdirSync(folder);
    await annotatedLibrary(join(folder, 'library.sqlite3'));
    const before = hash(join(folder, 'library.sqlite3'));
    const readOnly = makeFolderReadOnly(folder);
    undos.push(readOnly.undo);
    const dbPath = join(readOnly.path, 'library.sqlite3');

    let error: unknown;
    try {
      open(dbPath);
    } catch (caught) {
      error = caught;
    }
    expect((error as DatabaseError).code).toBe('library_read_only');
    expect((error as DatabaseError).message).toBe(
      `Briefmark can't open the library at ${dbPath} because its folder is read-only, and SQLite needs to write a small file beside the library even to read it. Make the folder writable, or copy the library into a writable folder and open the copy.`,
    );
    expect(hash(dbPath)).toBe(before);
  });
});
