import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/api/dispatch';
import { sectionPlainText } from '../../src/main/import/sectionPlainText';
import { runCli } from '../../src/main/cli';
import { openLibrary } from '../../src/main/services/openLibrary';
import type { ApiResult } from '../../src/shared/api';
import type { Highlight } from '../../src/shared/highlights';
import type { Section } from '../../src/shared/model';
import { sampleBriefPath, tempDbPath } from './helpers/tempLibrary';

function open(dbPath: string) {
  const library = openLibrary({ dbPath, sampleBriefPath });
  return { library, dispatch: createDispatch(library) };
}

async function sampleLibrary(dbPath = tempDbPath()) {
  const opened = open(dbPath);
  const briefId = (await opened.library.welcome()).openBriefId!;
  const brief = opened.library.getBrief(briefId);
  return { ...opened, dbPath, briefId, brief };
}

function ok<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

// The text highlights are anchored in: the same function the library stores it with.
const text = (sections: Section[], sectionId: string) =>
  sectionPlainText(sections.find((section) => section.id === sectionId)!);

/** A section and the offsets of a phrase in its plain text. */
function find(sections: Section[], phrase: string) {
  for (const section of sections) {
    const start = text(sections, section.id).indexOf(phrase);
    if (start >= 0) return { sectionId: section.id, start, end: start + phrase.length };
  }
  throw new Error(`“${phrase}” is not in the brief`);
}

describe('highlights', () => {
  it('quote the stored text, keep their role and comment, and survive a restart', async () => {
    const { library, dispatch, dbPath, briefId, brief } = await sampleLibrary();
    const range = find(brief.sections, '23 Allies meeting the 2% target');
    const [created] = ok<Highlight[]>(
      await dispatch('highlights.create', {
        briefId,
        ranges: [range],
        role: 'evidence',
        comment: 'Check against the 2023 figures',
      }),
    );
    expect(created!.anchor).toMatchObject({
      sectionId: range.sectionId,
      start: range.start,
      end: range.end,
      exact: '23 Allies meeting the 2% target',
    });
    expect(created!.anchor.prefix.endsWith('These show ')).toBe(true);
    expect(created!.anchor.suffix.startsWith(' in 2024')).toBe(true);
    expect(created!).toMatchObject({ status: 'exact', score: 1, groupId: null });
    library.close();

    const reopened = open(dbPath);
    const listed = ok<Highlight[]>(await reopened.dispatch('highlights.list', { briefId }));
    expect(listed).toEqual([created]);
    reopened.library.close();
  });

  it('store a selection across sections as one highlight per section, changed and deleted together', async () => {
    const { library, dispatch, briefId, brief } = await sampleLibrary();
    const first = find(brief.sections, 'This Policy Brief is presented');
    const second = find(brief.sections, 'Predictable and coordinated support');
    expect(first.sectionId).not.toBe(second.sectionId);
    const parts = ok<Highlight[]>(
      await dispatch('highlights.create', {
        briefId,
        ranges: [first, second],
        role: 'key-point',
      }),
    );
    expect(parts).toHaveLength(2);
    expect(parts[0]!.groupId).not.toBeNull();
    expect(parts[1]!.groupId).toBe(parts[0]!.groupId);

    const updated = ok<Highlight[]>(
      await dispatch('highlights.update', {
        highlightId: parts[1]!.id,
        role: 'question',
        comment: 'Why these two?',
      }),
    );
    expect(updated.map((part) => [part.role, part.comment])).toEqual([
      ['question', 'Why these two?'],
      ['question', 'Why these two?'],
    ]);

    const deleted = ok<Highlight[]>(
      await dispatch('highlights.delete', { highlightId: parts[0]!.id }),
    );
    expect(deleted.map((part) => part.id).sort()).toEqual(parts.map((part) => part.id).sort());
    expect(ok<Highlight[]>(await dispatch('highlights.list', { briefId }))).toEqual([]);

    ok(await dispatch('highlights.restore', { highlightId: parts[0]!.id }));
    const restored = ok<Highlight[]>(await dispatch('highlights.list', { briefId }));
    expect(restored.map((part) => part.id).sort()).toEqual(parts.map((part) => part.id).sort());
    expect(restored.every((part) => part.role === 'question')).toBe(true);
    library.close();
  });

  it('refuse ranges outside the section text, unknown sections and unknown roles', async () => {
    const { library, dispatch, briefId, brief } = await sampleLibrary();
    const sectionId = brief.sections[1]!.id;
    const length = text(brief.sections, sectionId).length;
    const beyond = await dispatch('highlights.create', {
      briefId,
      ranges: [{ sectionId, start: length - 2, end: length + 5 }],
      role: 'action',
    });
    expect(beyond).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const backwards = await dispatch('highlights.create', {
      briefId,
      ranges: [{ sectionId, start: 5, end: 5 }],
      role: 'action',
    });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const unknownSection = await dispatch('highlights.create', {
      briefId,
      ranges: [{ sectionId: 'nope', start: 0, end: 3 }],
      role: 'action',
    });
    expect(unknownSection).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const unknownRole = await dispatch('highlights.create', {
      briefId,
      ranges: [{ sectionId, start: 0, end: 3 }],
      role: 'purple',
    });
    expect(unknownRole).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    // A selection whose second part is bad stores nothing of the first.
    const half = await dispatch('highlights.create', {
      briefId,
      ranges: [
        { sectionId, start: 0, end: 3 },
        { sectionId: 'nope', start: 0, end: 3 },
      ],
      role: 'action',
    });
    expect(half.ok).toBe(false);
    expect(ok<Highlight[]>(await dispatch('highlights.list', { briefId }))).toEqual([]);
    library.close();
  });

  it('appear in the CLI’s show --json with their anchors and status', async () => {
    const { library, dispatch, dbPath, briefId, brief } = await sampleLibrary();
    const range = find(brief.sections, 'long-term financial pledge');
    ok(await dispatch('highlights.create', { briefId, ranges: [range], role: 'action' }));
    library.close();

    let out = '';
    const code = await runCli(['show', briefId, '--json', '--db', dbPath], {
      stdout: (line) => (out += `${line}\n`),
      stderr: () => {},
      env: {},
      sampleBriefPath,
    });
    expect(code).toBe(0);
    const shown = JSON.parse(out) as { highlights: Highlight[] };
    expect(shown.highlights).toHaveLength(1);
    expect(shown.highlights[0]).toMatchObject({
      role: 'action',
      status: 'exact',
      anchor: { exact: 'long-term financial pledge', sectionId: range.sectionId },
    });
    expect(readFileSync(sampleBriefPath, 'utf8')).toContain('long-term financial pledge');
  });
});
