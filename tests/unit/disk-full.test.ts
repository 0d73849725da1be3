import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../src/main/api/dispatch';
import { LibraryBackups } from '../../src/main/db/LibraryBackups';
import { openDatabase } from '../../src/main/db/openDatabase';
import { Library } from '../../src/main/services/Library';
import { openLibrary } from '../../src/main/services/openLibrary';
import type { Highlight } from '../../src/shared/highlights';
import type { NoteDoc } from '../../src/shared/model';
import { canMountTmpfs } from './helpers/canMountTmpfs';
import { sampleBriefPath, tempDir } from './helpers/tempLibrary';
import { unavailable } from './helpers/unavailable';

const note = (text: string): NoteDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

// Text that does not compress into a page or two: every note needs pages of its own.
function prose(seed: number, length: number): string {
  let text = '';
  let n = seed * 7919 + 1;
  while (text.length < length) {
    n = (n * 48271) % 2147483647;
    text += `${n.toString(36)} `;
  }
  return text.slice(0, length);
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

async function setUp(dbPath: string) {
  const db = openDatabase(dbPath);
  // Opened here rather than by openLibrary: the test needs the connection to set max_page_count.
  const library = new Library(db, { sampleBriefPath, backups: new LibraryBackups(dbPath) });
  cleanups.push(() => library.close());
  const dispatch = createDispatch(library);
  const welcome = await dispatch('app.welcome', {});
  const briefId = (welcome as { value: { openBriefId: string } }).value.openBriefId;
  const sections = library.getBrief(briefId).sections.map((section) => section.id);
  return { db, library, dispatch, briefId, sections };
}

function diskFullSentence(dbPath: string): string {
  return `Briefmark can't save to the library at ${dbPath} because the disk is full. Your change was not saved; free some space on that disk and try again.`;
}

/** Sends notes growing by 4 KB, section after section, until one is refused; at most `tries`. */
async function saveUntilRefused(
  dispatch: Dispatch,
  briefId: string,
  sections: string[],
  tries: number,
) {
  for (let i = 0; i < tries; i++) {
    const sectionId = sections[i % sections.length]!;
    const doc = note(prose(i, 4_000 * (i + 1)));
    const result = await dispatch('notes.save', { briefId, sectionId, doc });
    if (!result.ok) return { result, sectionId, doc, saved: i };
  }
  throw new Error(`${tries} notes were saved and none was refused`);
}

function integrity(db: Database.Database): unknown {
  return db.pragma('integrity_check', { simple: true });
}

describe('a full disk, as SQLite sees it through max_page_count', () => {
  it('refuses the write whole with a sentence, keeps what was saved, and saves once there is room', async () => {
    const dbPath = join(tempDir(), 'library.sqlite3');
    const { db, library, dispatch, briefId, sections } = await setUp(dbPath);
    const first = sections[0]!;
    const second = sections[1]!;
    await dispatch('notes.save', { briefId, sectionId: first, doc: note('Saved before.') });
    // Room for what there is now, and not a page more.
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);

    // A highlight over two sections is one transaction: both parts or neither.
    const request = {
      briefId,
      ranges: [
        { sectionId: first, start: 0, end: 12 },
        { sectionId: second, start: 0, end: 12 },
      ],
      role: 'evidence',
      comment: prose(1, 20_000).slice(0, 4_000),
    };
    let created = 0;
    let refused = null;
    for (let i = 0; i < 200 && !refused; i++) {
      const result = await dispatch('highlights.create', request);
      if (result.ok) created += 1;
      else refused = result;
    }
    expect(refused).toEqual({
      ok: false,
      error: { code: 'disk_full', message: diskFullSentence(dbPath) },
    });
    const listed = await dispatch('highlights.list', { briefId });
    expect((listed as { value: Highlight[] }).value).toHaveLength(created * 2);

    const failed = await saveUntilRefused(dispatch, briefId, sections.slice(1), 100);
    expect(failed.result).toEqual({
      ok: false,
      error: { code: 'disk_full', message: diskFullSentence(dbPath) },
    });
    expect(JSON.stringify(library.listNotes(briefId))).not.toContain(
      (failed.doc.content![0]!.content![0]!.text ?? '').slice(0, 40),
    );
    expect(JSON.stringify(library.listNotes(briefId))).toContain('Saved before.');
    expect(integrity(db)).toBe('ok');

    // Space freed: the same writes go through.
    db.pragma('max_page_count = 1073741823');
    const retried = await dispatch('notes.save', {
      briefId,
      sectionId: failed.sectionId,
      doc: failed.doc,
    });
    expect(retried.ok).toBe(true);
    expect((await dispatch('highlights.create', request)).ok).toBe(true);
    library.close();
    cleanups.pop();

    const reopened = openLibrary({ dbPath, sampleBriefPath });
    cleanups.push(() => reopened.close());
    const notes = reopened.listNotes(briefId);
    expect(notes.find((saved) => saved.sectionId === failed.sectionId)?.doc).toEqual(failed.doc);
    expect(reopened.highlights.list(briefId)).toHaveLength((created + 1) * 2);
  });
});

const canMount = canMountTmpfs();

// Root in a container may mount a small tmpfs: a real full disk, ENOSPC from the kernel.
describe.skipIf(
  unavailable(
    canMount,
    'the real full-disk test',
    'mounting a small tmpfs needs root with permission to mount',
  ),
)('a really full disk (a 4 MB tmpfs)', () => {
  it('refuses the note with the disk-full sentence and saves it once a file is deleted', async () => {
    const mountPoint = join(tempDir(), 'disk');
    mkdirSync(mountPoint);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint]);
    cleanups.push(() => execFileSync('umount', [mountPoint]));
    const dbPath = join(mountPoint, 'library.sqlite3');
    const { db, library, dispatch, briefId, sections } = await setUp(dbPath);
    await dispatch('notes.save', { briefId, sectionId: sections[0]!, doc: note('Saved before.') });

    // Something else fills the disk to the last block.
    const filler = join(mountPoint, 'filler.bin');
    const { bavail, bsize } = statfsSync(mountPoint);
    writeFileSync(filler, Buffer.alloc(Number(bavail) * Number(bsize)));
    expect(Number(statfsSync(mountPoint).bavail)).toBe(0);

    const failed = await saveUntilRefused(dispatch, briefId, sections.slice(1), 50);
    expect(failed.result).toEqual({
      ok: false,
      error: { code: 'disk_full', message: diskFullSentence(dbPath) },
    });
    expect(JSON.stringify(library.listNotes(briefId))).toContain('Saved before.');
    expect(integrity(db)).toBe('ok');

    rmSync(filler);
    const retried = await dispatch('notes.save', {
      briefId,
      sectionId: failed.sectionId,
      doc: failed.doc,
    });
    expect(retried.ok).toBe(true);
    library.close();
    cleanups.pop();
    const reopened = openLibrary({ dbPath, sampleBriefPath });
    cleanups.push(() => reopened.close());
    const saved = reopened.listNotes(briefId);
    expect(saved.find((n) => n.sectionId === failed.sectionId)?.doc).toEqual(failed.doc);
    expect(saved.find((n) => n.sectionId === sections[0])?.doc).toEqual(note('Saved before.'));
  });
});
