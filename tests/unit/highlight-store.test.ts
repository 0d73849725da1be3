import { describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../src/main/api/dispatch';
import { openLibrary } from '../../src/main/services/openLibrary';
import { internalError } from '../../src/renderer/src/api/apiResultFrom';
import type { ApiInvoke } from '../../src/renderer/src/api/ApiInvoke';
import { createBriefmarkClient } from '../../src/renderer/src/api/createBriefmarkClient';
import { HighlightStore } from '../../src/renderer/src/features/highlights/HighlightStore';
import { isPendingHighlight } from '../../src/renderer/src/features/highlights/pendingHighlights';
import { sectionPlainText } from '../../src/shared/anchoring/sectionText';
import type { ApiMethod } from '../../src/shared/api';
import type { Section } from '../../src/shared/model';
import { sampleBriefPath, tempDbPath } from './helpers/tempLibrary';

const UNREACHABLE =
  'Briefmark could not reach its server. Check that `npm run web` is still running.';

/**
 * The store against the real library, through the same typed client the renderer uses. The
 * transport can be cut for chosen methods, as when web mode's server has stopped.
 */
async function sampleStore() {
  const library = openLibrary({ dbPath: tempDbPath(), sampleBriefPath });
  const briefId = (await library.welcome()).openBriefId!;
  const brief = library.getBrief(briefId);
  const dispatch: Dispatch = createDispatch(library);
  const cut = new Set<ApiMethod>();
  const invoke: ApiInvoke = (method, request) =>
    cut.has(method) ? Promise.resolve(internalError(UNREACHABLE)) : dispatch(method, request);
  const client = createBriefmarkClient(invoke);
  const store = new HighlightStore(client, briefId);
  await store.load();
  const stored = async () => {
    const result = await client['highlights.list']({ briefId });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  return { library, briefId, brief, store, cut, stored };
}

/** A section and the offsets of a phrase in its plain text. */
function find(sections: Section[], phrase: string) {
  for (const section of sections) {
    const start = sectionPlainText(section).indexOf(phrase);
    if (start >= 0) return { sectionId: section.id, start, end: start + phrase.length };
  }
  throw new Error(`“${phrase}” is not in the brief`);
}

const PHRASE = '23 Allies meeting the 2% target';

describe('the highlight store', () => {
  it('paints a new highlight at once and then holds the one the library saved', async () => {
    const { library, brief, store, stored } = await sampleStore();
    const range = find(brief.sections, PHRASE);
    const saving = store.create([range], 'evidence');

    const shownAtOnce = store.getState().highlights;
    expect(shownAtOnce).toHaveLength(1);
    expect(isPendingHighlight(shownAtOnce[0]!)).toBe(true);
    expect(shownAtOnce[0]!.anchor).toMatchObject(range);

    const saved = await saving;
    expect(saved?.[0]?.anchor.exact).toBe(PHRASE);
    expect(store.getState().highlights).toEqual(saved);
    expect(await stored()).toEqual(saved);
    library.close();
  });

  it('keeps a selection across two sections as two linked parts', async () => {
    const { library, brief, store } = await sampleStore();
    const first = find(brief.sections, 'This Policy Brief is presented');
    const second = find(brief.sections, 'Predictable and coordinated support');
    const parts = await store.create([first, second], 'question');
    expect(parts).toHaveLength(2);
    expect(parts?.[0]?.groupId).not.toBeNull();
    expect(parts?.[1]?.groupId).toBe(parts?.[0]?.groupId);
    expect(store.getState().highlights.map((part) => part.anchor.sectionId)).toEqual([
      first.sectionId,
      second.sectionId,
    ]);
    library.close();
  });

  it('says a highlight could not be saved, and saves it on retry, when the server is unreachable', async () => {
    const { library, brief, store, cut, stored } = await sampleStore();
    cut.add('highlights.create');
    expect(await store.create([find(brief.sections, PHRASE)], 'action')).toBeNull();
    const { failure, highlights } = store.getState();
    expect(failure?.title).toBe('The highlight could not be saved');
    expect(failure?.message).toBe(UNREACHABLE);
    expect(highlights).toEqual([]);

    cut.clear();
    await failure!.retry!();
    expect(store.getState().failure).toBeNull();
    expect((await stored()).map((h) => h.anchor.exact)).toEqual([PHRASE]);
    expect(store.getState().highlights.map((h) => [h.anchor.exact, h.role])).toEqual([
      [PHRASE, 'action'],
    ]);
    library.close();
  });

  it('changes the colour of every part at once, and puts it back when refused', async () => {
    const { library, brief, store, cut } = await sampleStore();
    const parts = await store.create(
      [
        find(brief.sections, 'This Policy Brief is presented'),
        find(brief.sections, 'Predictable and coordinated support'),
      ],
      'key-point',
    );
    const changing = store.update(parts![1]!.id, { role: 'disagree' });
    expect(store.getState().highlights.map((h) => h.role)).toEqual(['disagree', 'disagree']);
    expect(await changing).toBe(true);

    cut.add('highlights.update');
    const refused = store.update(parts![0]!.id, { comment: 'Two different claims' });
    expect(store.getState().highlights.map((h) => h.comment)).toEqual([
      'Two different claims',
      'Two different claims',
    ]);
    expect(await refused).toBe(false);
    expect(store.getState().highlights.map((h) => [h.role, h.comment])).toEqual([
      ['disagree', ''],
      ['disagree', ''],
    ]);
    expect(store.getState().failure?.title).toBe('The comment could not be saved');
    library.close();
  });

  it('deletes a highlight and brings it back on undo', async () => {
    const { library, brief, store, stored } = await sampleStore();
    const [saved] = (await store.create([find(brief.sections, PHRASE)], 'evidence'))!;
    await store.update(saved!.id, { comment: 'Compare with 2014' });

    const deleting = store.remove(saved!.id);
    expect(store.getState().highlights).toEqual([]);
    await deleting;
    expect(store.getState().lastDeleted?.map((h) => h.id)).toEqual([saved!.id]);
    expect(await stored()).toEqual([]);

    expect(await store.undo()).toBe(true);
    expect(store.getState().lastDeleted).toBeNull();
    expect(store.getState().highlights.map((h) => [h.id, h.comment])).toEqual([
      [saved!.id, 'Compare with 2014'],
    ]);
    expect((await stored()).map((h) => h.id)).toEqual([saved!.id]);
    library.close();
  });

  it('keeps a highlight whose deletion was refused, and says so', async () => {
    const { library, brief, store, cut } = await sampleStore();
    const [saved] = (await store.create([find(brief.sections, PHRASE)], 'evidence'))!;
    cut.add('highlights.delete');
    expect(await store.remove(saved!.id)).toBeNull();
    expect(store.getState().highlights.map((h) => h.id)).toEqual([saved!.id]);
    expect(store.getState().lastDeleted).toBeNull();
    expect(store.getState().failure?.title).toBe('The highlight could not be deleted');
    library.close();
  });

  it('loads the highlights already in the library, and offers a retry when it cannot', async () => {
    const { library, briefId, brief, store, cut } = await sampleStore();
    await store.create([find(brief.sections, PHRASE)], 'question');

    const client = createBriefmarkClient(createDispatch(library));
    const reopened = new HighlightStore(client, briefId);
    await reopened.load();
    expect(reopened.getState().highlights.map((h) => [h.anchor.exact, h.role])).toEqual([
      [PHRASE, 'question'],
    ]);
    expect(reopened.getState().loadState).toEqual({ kind: 'ready' });

    cut.add('highlights.list');
    await store.load();
    expect(store.getState().loadState.kind).toBe('error');
    expect(store.getState().failure?.title).toBe('Highlights could not be loaded');
    cut.clear();
    await store.getState().failure!.retry!();
    expect(store.getState().loadState.kind).toBe('ready');
    expect(store.getState().failure).toBeNull();
    library.close();
  });
});
