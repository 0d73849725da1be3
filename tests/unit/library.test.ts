import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NoteDoc } from '../../src/shared/model';
import { openLibrary } from '../../src/main/services/openLibrary';
import { ServiceError } from '../../src/main/services/ServiceError';
import { corpusDir, sampleBriefPath, tempDbPath } from './helpers/tempLibrary';

const noteDoc = (text: string): NoteDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

function open(dbPath = tempDbPath()) {
  return openLibrary({ dbPath, sampleBriefPath });
}

describe('Library', () => {
  it('imports the sample brief on first launch only, and opens it', async () => {
    const dbPath = tempDbPath();
    const library = open(dbPath);
    const { openBriefId } = await library.welcome();
    expect(openBriefId).not.toBeNull();
    expect(library.getBrief(openBriefId!).meta.reference).toBe('128 SPE 24 E');
    expect((await library.welcome()).openBriefId).toBeNull();
    library.close();

    const reopened = open(dbPath);
    expect((await reopened.welcome()).openBriefId).toBeNull();
    expect(reopened.listBriefs()).toHaveLength(1);
    reopened.close();
  });

  it('keeps a note on a section after the library is closed and reopened', async () => {
    const dbPath = tempDbPath();
    const library = open(dbPath);
    const imported = await library.importFile('sample.txt', readFileSync(sampleBriefPath));
    const section = imported.sections.find(
      (s) => s.heading === 'II. ALLIED DETERRENCE AND DEFENCE',
    );
    expect(section).toBeDefined();
    library.saveNote(imported.id, section!.id, noteDoc('Ask about the 2% figures.'));
    library.saveNote(imported.id, null, noteDoc('Whole-brief note.'));
    library.close();

    const reopened = open(dbPath);
    const notes = reopened.listNotes(imported.id);
    expect(notes).toHaveLength(2);
    expect(notes.find((n) => n.sectionId === section!.id)?.doc).toEqual(
      noteDoc('Ask about the 2% figures.'),
    );
    expect(notes.find((n) => n.sectionId === null)?.doc).toEqual(noteDoc('Whole-brief note.'));
    reopened.close();
  });

  it('replaces a section note on a second save instead of adding another', async () => {
    const library = open();
    const imported = await library.importFile('sample.txt', readFileSync(sampleBriefPath));
    const sectionId = imported.sections[1]!.id;
    library.saveNote(imported.id, sectionId, noteDoc('first'));
    library.saveNote(imported.id, sectionId, noteDoc('second'));
    const notes = library.listNotes(imported.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.doc).toEqual(noteDoc('second'));
    library.close();
  });

  it('refuses a note for a section the brief does not have', async () => {
    const library = open();
    const imported = await library.importFile('sample.txt', readFileSync(sampleBriefPath));
    expect(() => library.saveNote(imported.id, 'no-such-section', noteDoc('x'))).toThrow(
      /no section with id/,
    );
    expect(() => library.saveNote('no-such-brief', null, noteDoc('x'))).toThrow(ServiceError);
    library.close();
  });

  it('returns the brief already in the library when the same file is imported twice', async () => {
    const library = open();
    const bytes = readFileSync(sampleBriefPath);
    const first = await library.importFile('sample.txt', bytes);
    const second = await library.importFile('copy-of-sample.txt', bytes);
    expect(second.id).toBe(first.id);
    expect(second.alreadyInLibrary).toBe(true);
    expect(library.listBriefs()).toHaveLength(1);
    library.close();
  });

  it('leaves the library unchanged when an import fails', async () => {
    const library = open();
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    await expect(library.importFile('garbage.txt', garbage)).rejects.toThrow(ServiceError);
    await expect(library.importFile('empty.txt', new Uint8Array())).rejects.toThrow(ServiceError);
    expect(library.listBriefs()).toEqual([]);
    library.close();
  });

  it('lists the most recently opened brief first', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const library = openLibrary({
      dbPath: tempDbPath(),
      sampleBriefPath,
      now: () => new Date((clock += 60_000)),
    });
    const sample = await library.importFile('sample.txt', readFileSync(sampleBriefPath));
    const other = await library.importFile(
      'gao.md',
      readFileSync(join(corpusDir, 'gao-07-791-reexamining-regulations-retrospective-reviews.md')),
    );
    expect(library.listBriefs()[0]!.id).toBe(other.id);
    library.markOpened(sample.id);
    expect(library.listBriefs()[0]!.id).toBe(sample.id);
    expect(library.listBriefs()[0]!.lastOpenedAt).not.toBeNull();
    library.close();
  });

  it('exports the section note under its heading with a file name from the title', async () => {
    const library = open();
    const imported = await library.importFile('sample.txt', readFileSync(sampleBriefPath));
    const section = imported.sections.find(
      (s) => s.heading === 'II. ALLIED DETERRENCE AND DEFENCE',
    )!;
    library.saveNote(imported.id, section.id, noteDoc('Compare with the Washington declaration.'));
    const { fileName, markdown } = library.exportMarkdown(imported.id);
    expect(fileName).toMatch(/\.md$/);
    expect(fileName).toMatch(/NATO/i);
    const heading = markdown.indexOf('## II. ALLIED DETERRENCE AND DEFENCE');
    expect(heading).toBeGreaterThan(0);
    expect(markdown.indexOf('Compare with the Washington declaration.')).toBeGreaterThan(heading);
    library.close();
  });

  it('keeps the details the user edited, across reopening, and exports them', async () => {
    const dbPath = tempDbPath();
    const library = open(dbPath);
    const imported = await library.importFile('sample.txt', readFileSync(sampleBriefPath));
    const before = library.getBrief(imported.id).meta;
    library.updateMeta(imported.id, {
      ...before,
      title: '  Defence Ministers, June 2024: "Key" takeaways  ',
      subtitle: '   ',
      authors: ['Jane Analyst', ' '],
      tags: ['nato', 'ukraine', 'nato'],
    });
    library.close();

    const reopened = open(dbPath);
    const brief = reopened.getBrief(imported.id);
    expect(brief.title).toBe('Defence Ministers, June 2024: "Key" takeaways');
    expect(brief.meta).toMatchObject({
      subtitle: null,
      reference: '128 SPE 24 E',
      authors: ['Jane Analyst'],
      tags: ['nato', 'ukraine'],
    });
    expect(reopened.listBriefs()[0]!.title).toBe('Defence Ministers, June 2024: "Key" takeaways');
    expect(reopened.exportMarkdown(imported.id).markdown).toContain(
      'title: "Defence Ministers, June 2024: \\"Key\\" takeaways"',
    );
    reopened.close();
  });
});
