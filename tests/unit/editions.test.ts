import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/api/dispatch';
import { runCli } from '../../src/main/cli';
import { sectionPlainText } from '../../src/main/import/sectionPlainText';
import { openLibrary } from '../../src/main/services/openLibrary';
import type { Library } from '../../src/main/services/Library';
import type { ApiResult } from '../../src/shared/api';
import type { EditionCarryOver, EditionReview } from '../../src/shared/editions';
import type { Highlight } from '../../src/shared/highlights';
import type { NoteDoc, Section } from '../../src/shared/model';
import {
  corpusDir,
  projectRoot,
  sampleBriefPath,
  tempDbPath,
  tempDir,
} from './helpers/tempLibrary';

const secondEditionPath = join(projectRoot, 'tests', 'fixtures', 'sample-brief-edition-2.txt');

function ok<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

function find(sections: Section[], phrase: string) {
  for (const section of sections) {
    const start = sectionPlainText(section).indexOf(phrase);
    if (start >= 0) return { sectionId: section.id, start, end: start + phrase.length };
  }
  throw new Error(`“${phrase}” is not in the brief`);
}

const sectionNamed = (sections: Section[], heading: string) =>
  sections.find((section) => section.heading === heading)!;

const paragraph = (text: string): NoteDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

async function importFile(library: Library, path: string, name = basename(path)) {
  return library.importFile(name, readFileSync(path));
}

/** The sample brief with one highlight per kind of change the second edition makes. */
async function annotatedSample(dbPath = tempDbPath()) {
  const library = openLibrary({ dbPath, sampleBriefPath });
  const dispatch = createDispatch(library);
  const briefId = (await library.welcome()).openBriefId!;
  const { sections } = library.getBrief(briefId);
  const passages = {
    unchanged: 'These show 23 Allies meeting the 2% target in 2024',
    afterInsertion: 'increasing transparency and accountability',
    edited: 'an annual support of EUR 40 billion per year for as long as it takes',
    deleted: "2024's Steadfast Defender included 90,000 troops across Europe",
    renamedSection: 'increase production rates, making procurement more agile',
  };
  const ids = Object.fromEntries(
    Object.entries(passages).map(([kind, phrase]) => {
      const [highlight] = library.highlights.create(
        briefId,
        [find(sections, phrase)],
        'evidence',
        kind,
      );
      return [kind, highlight!.id];
    }),
  ) as Record<keyof typeof passages, string>;
  library.saveNote(briefId, null, paragraph('Brief note: compare with the Vilnius communiqué.'));
  const pledge = sectionNamed(sections, 'Towards a new Defence Industrial Pledge');
  library.saveNote(briefId, pledge.id, paragraph('Ask which Allies have signed.'));
  const finance = sectionNamed(sections, 'Long-term financial commitment');
  library.saveNote(briefId, finance.id, paragraph('EUR 40 billion is the floor.'));
  return { library, dispatch, dbPath, briefId, ids, passages };
}

describe('editions', () => {
  it('are suggested when a newly imported brief has the title or reference of one in the library', async () => {
    const { library, briefId } = await annotatedSample();
    const imported = await importFile(library, secondEditionPath);
    expect(imported.alreadyInLibrary).toBe(false);
    expect(imported.editionCandidate).toMatchObject({
      id: briefId,
      sourceName: 'sample-brief.txt',
    });

    const unrelated = await importFile(
      library,
      join(corpusDir, 'dia-2025-digital-infrastructure-alliance-brief.md'),
    );
    expect(unrelated.editionCandidate).toBeNull();
  });

  it('carry every highlight and note over, each highlight placed or kept for review', async () => {
    const { library, dispatch, briefId, ids, passages } = await annotatedSample();
    const second = await importFile(library, secondEditionPath);
    const carried = ok<EditionCarryOver>(
      await dispatch('editions.adopt', { briefId: second.id, previousBriefId: briefId }),
    );
    expect(carried.highlights).toEqual({ exact: 2, moved: 1, fuzzy: 1, orphaned: 1 });
    expect(carried.notes).toEqual({ followed: 2, toBriefNote: 0 });
    expect(carried.sections).toMatchObject({ added: 1, removed: 0 });
    expect(carried.sections.changed).toBeGreaterThanOrEqual(3);

    const brief = library.getBrief(second.id);
    const byId = new Map(library.highlights.list(second.id).map((h) => [h.id, h]));
    expect(byId.size).toBe(5);
    const quoteOf = (highlight: Highlight) =>
      sectionPlainText(brief.sections.find((s) => s.id === highlight.anchor.sectionId)!).slice(
        highlight.anchor.start,
        highlight.anchor.end,
      );
    expect(byId.get(ids.unchanged)).toMatchObject({ status: 'exact', comment: 'unchanged' });
    expect(quoteOf(byId.get(ids.unchanged)!)).toBe(passages.unchanged);
    expect(byId.get(ids.afterInsertion)!.status).toBe('moved');
    expect(quoteOf(byId.get(ids.afterInsertion)!)).toBe(passages.afterInsertion);
    expect(byId.get(ids.edited)!.status).toBe('fuzzy');
    expect(quoteOf(byId.get(ids.edited)!)).toBe(
      'an annual support of EUR 40 billion per year for as long as needed',
    );
    expect(byId.get(ids.renamedSection)!.status).toBe('exact');
    expect(
      brief.sections.find((s) => s.id === byId.get(ids.renamedSection)!.anchor.sectionId)!.heading,
    ).toBe('A new Defence Industrial Pledge');
    // The deleted passage is kept, with its words, for the user to deal with.
    expect(byId.get(ids.deleted)).toMatchObject({ status: 'orphaned', score: 0 });
    expect(byId.get(ids.deleted)!.anchor.exact).toBe(passages.deleted);

    // Notes follow their section, the renamed one too, and the older edition keeps none.
    const notes = library.listNotes(second.id);
    const noteText = (sectionId: string | null) =>
      JSON.stringify(notes.find((note) => note.sectionId === sectionId)?.doc ?? null);
    expect(noteText(null)).toContain('compare with the Vilnius communiqué');
    expect(noteText(sectionNamed(brief.sections, 'A new Defence Industrial Pledge').id)).toContain(
      'Ask which Allies have signed.',
    );
    expect(noteText(sectionNamed(brief.sections, 'Long-term financial commitment').id)).toContain(
      'EUR 40 billion is the floor.',
    );
    expect(library.listNotes(briefId)).toEqual([]);
    expect(library.highlights.list(briefId)).toEqual([]);

    // The older edition leaves the list, but is kept, and its file opens the newer edition.
    expect(library.listBriefs().map((b) => [b.id, b.earlierEditions])).toEqual([[second.id, 1]]);
    expect(library.getBrief(briefId).sourceName).toBe('sample-brief.txt');
    const again = await importFile(library, sampleBriefPath);
    expect(again).toMatchObject({ id: second.id, alreadyInLibrary: true });
  });

  it('list the moved, fuzzy and orphaned highlights with their old context, and changed sections', async () => {
    const { library, dispatch, dbPath, briefId, ids, passages } = await annotatedSample();
    const second = await importFile(library, secondEditionPath);
    ok(await dispatch('editions.adopt', { briefId: second.id, previousBriefId: briefId }));

    const review = ok<EditionReview>(await dispatch('editions.review', { briefId: second.id }));
    expect(review.previous).toMatchObject({ id: briefId, sourceName: 'sample-brief.txt' });
    expect(review.highlights.map((move) => [move.highlightId, move.status])).toEqual([
      [ids.afterInsertion, 'moved'],
      [ids.edited, 'fuzzy'],
      [ids.deleted, 'orphaned'],
    ]);
    const deleted = review.highlights[2]!;
    expect(deleted.previous.exact).toBe(passages.deleted);
    expect(deleted.previous.prefix.length).toBeGreaterThan(0);
    expect(deleted.previousHeading).toBe("Implementation of NATO's new defence plans");
    expect(review.highlights[1]!.score).toBeGreaterThan(0.7);
    expect(review.highlights[1]!.score).toBeLessThan(1);

    const brief = library.getBrief(second.id);
    const heading = (sectionId: string) => brief.sections.find((s) => s.id === sectionId)!.heading;
    const changes = review.changedSections.map((c) => [heading(c.sectionId), c.change]);
    expect(changes).toContainEqual(['Outcome of the Washington Summit', 'added']);
    expect(changes).toContainEqual(['A new Defence Industrial Pledge', 'changed']);
    expect(changes).toContainEqual(['Long-term financial commitment', 'changed']);
    expect(changes).not.toContainEqual(['NATO Nuclear Posture and Adaptation', 'changed']);
    expect(review.removedSections).toEqual([]);

    // Marked as checked, and a deleted highlight leaves the review (undo brings it back).
    const { reviewedAt } = ok<{ reviewedAt: string }>(
      await dispatch('editions.markReviewed', { highlightId: ids.afterInsertion }),
    );
    ok(await dispatch('highlights.delete', { highlightId: ids.edited }));
    library.close();

    // After a restart, all of it is still there.
    const reopened = openLibrary({ dbPath, sampleBriefPath });
    const after = reopened.editions.review(second.id)!;
    expect(after.highlights.map((m) => [m.highlightId, m.reviewedAt])).toEqual([
      [ids.afterInsertion, reviewedAt],
      [ids.deleted, null],
    ]);
    reopened.highlights.restore(ids.edited);
    expect(reopened.editions.review(second.id)!.highlights).toHaveLength(3);
    expect(reopened.editions.review(briefId)).toBeNull();
    const notCarried = reopened.highlights.create(
      second.id,
      [find(reopened.getBrief(second.id).sections, 'Heads of State and Government')],
      'action',
      '',
    );
    expect(() => reopened.editions.markReviewed(notCarried[0]!.id)).toThrow(/earlier edition/);
    reopened.close();
  });

  it('put the note of a section the newer edition dropped into the brief note, under its heading', async () => {
    const { library, briefId } = await annotatedSample();
    const nuclear = sectionNamed(
      library.getBrief(briefId).sections,
      'NATO Nuclear Posture and Adaptation',
    );
    library.saveNote(briefId, nuclear.id, paragraph('Follow the F-35 certification.'));
    const text = readFileSync(secondEditionPath, 'utf8');
    const start = text.indexOf('\nNATO Nuclear Posture and Adaptation\n');
    const end = text.indexOf('III. RESPONSE');
    const path = join(tempDir(), 'sample-brief-edition-3.txt');
    writeFileSync(path, text.slice(0, start + 1) + text.slice(end));
    const third = await importFile(library, path);

    const carried = library.editions.adopt(third.id, briefId);
    expect(carried.notes).toEqual({ followed: 2, toBriefNote: 1 });
    expect(carried.sections.removed).toBe(1);
    const briefNote = JSON.stringify(
      library.listNotes(third.id).find((n) => n.sectionId === null)!.doc,
    );
    expect(briefNote).toContain('compare with the Vilnius communiqué');
    expect(briefNote).toContain('From “NATO Nuclear Posture and Adaptation” (not in this edition)');
    expect(briefNote).toContain('Follow the F-35 certification.');
    expect(briefNote.indexOf('Vilnius')).toBeLessThan(briefNote.indexOf('F-35'));
    expect(library.editions.review(third.id)!.removedSections).toEqual([
      expect.objectContaining({ heading: 'NATO Nuclear Posture and Adaptation' }),
    ]);
  });

  it('refuse a brief as its own edition, or an older edition already carried over', async () => {
    const { library, dispatch, briefId } = await annotatedSample();
    const second = await importFile(library, secondEditionPath);
    const self = await dispatch('editions.adopt', { briefId, previousBriefId: briefId });
    expect(self).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const missing = await dispatch('editions.adopt', { briefId: 'nope', previousBriefId: briefId });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const malformed = await dispatch('editions.adopt', { briefId: second.id });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_request' } });

    ok(await dispatch('editions.adopt', { briefId: second.id, previousBriefId: briefId }));
    const dia = await importFile(
      library,
      join(corpusDir, 'dia-2025-digital-infrastructure-alliance-brief.md'),
    );
    const twice = await dispatch('editions.adopt', { briefId: dia.id, previousBriefId: briefId });
    expect(twice).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!twice.ok && twice.error.message).toMatch(/already has a newer edition/);
    const backwards = await dispatch('editions.adopt', { briefId, previousBriefId: second.id });
    expect(!backwards.ok && backwards.error.message).toMatch(/replaced by a newer edition/);
    // Nothing moved on a refusal.
    expect(library.highlights.list(second.id)).toHaveLength(5);
    expect(library.highlights.list(dia.id)).toHaveLength(0);
  });

  it('carry highlights from the Markdown edition of a corpus brief into its PDF edition', async () => {
    const library = openLibrary({ dbPath: tempDbPath(), sampleBriefPath });
    const markdown = await importFile(
      library,
      join(corpusDir, 'dia-2025-digital-infrastructure-alliance-brief.md'),
    );
    const pdf = await importFile(
      library,
      join(corpusDir, 'dia-2025-digital-infrastructure-alliance-brief.pdf'),
    );
    expect(pdf.editionCandidate?.id).toBe(markdown.id);
    // One highlight on the first sentence of every paragraph-sized stretch of each section.
    const { sections } = library.getBrief(markdown.id);
    let made = 0;
    for (const section of sections) {
      const text = sectionPlainText(section);
      for (const sentence of text.match(/[A-Z][^.!?\n]{40,200}[.!?]/g) ?? []) {
        const start = text.indexOf(sentence);
        library.highlights.create(
          markdown.id,
          [{ sectionId: section.id, start, end: start + sentence.length }],
          'key-point',
          '',
        );
        made += 1;
      }
    }
    expect(made).toBeGreaterThan(100);
    const carried = library.editions.adopt(pdf.id, markdown.id);
    const placed = made - carried.highlights.orphaned;
    expect(placed / made).toBeGreaterThan(0.95);
    expect(library.highlights.list(pdf.id)).toHaveLength(made);
  });

  it('re-anchor a highlight when its section text changed since it was anchored', async () => {
    const { library, dbPath, briefId, ids, passages } = await annotatedSample();
    const highlight = library.highlights.list(briefId).find((h) => h.id === ids.unchanged)!;
    library.close();
    // The section's stored text gains a sentence before the passage, as a re-import would give.
    const db = new Database(dbPath);
    db.prepare(
      `UPDATE section_bodies SET plain_text = 'A sentence added in front. ' || plain_text
       WHERE brief_id = ? AND section_id = ?`,
    ).run(briefId, highlight.anchor.sectionId);
    db.close();

    const reopened = openLibrary({ dbPath, sampleBriefPath });
    const moved = reopened.highlights.list(briefId).find((h) => h.id === ids.unchanged)!;
    expect(moved.status).toBe('moved');
    expect(moved.anchor.start).toBe(highlight.anchor.start + 'A sentence added in front. '.length);
    expect(moved.anchor.exact).toBe(passages.unchanged);
    expect(moved.anchor.textHash).not.toBe(highlight.anchor.textHash);
    reopened.close();
    // Stored: the next open finds it where it now is.
    const third = openLibrary({ dbPath, sampleBriefPath });
    expect(third.highlights.list(briefId).find((h) => h.id === ids.unchanged)).toEqual(moved);
    third.close();
  });

  it('carry over from the command line, which also suggests the edition on a plain import', async () => {
    const { library, dbPath, briefId } = await annotatedSample();
    library.close();
    const run = async (...args: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await runCli([...args, '--db', dbPath], {
        stdout: (line) => (stdout += `${line}\n`),
        stderr: (line) => (stderr += `${line}\n`),
        env: {},
        sampleBriefPath,
      });
      return { code, stdout, stderr };
    };
    const plain = await run('import', secondEditionPath);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain(`--edition-of ${briefId}`);
    const newId = plain.stdout.split(/\s+/)[0]!;

    const adopted = await run('import', secondEditionPath, '--edition-of', briefId);
    expect(adopted).toMatchObject({ code: 0, stderr: '' });
    expect(adopted.stdout).toContain('2 in place, 1 moved, 1 approximate, 1 not found');
    expect(adopted.stdout).toContain('Notes: 2 followed their section');

    const shown = await run('show', newId, '--json');
    const { edition } = JSON.parse(shown.stdout) as { edition: EditionReview };
    expect(edition.previous.id).toBe(briefId);
    expect(edition.highlights.map((move) => move.status)).toEqual(['moved', 'fuzzy', 'orphaned']);

    const again = await run('import', secondEditionPath, '--edition-of', briefId);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has a newer edition/);
  });
});
