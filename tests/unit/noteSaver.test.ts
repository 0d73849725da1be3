import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteSaver } from '../../src/renderer/src/features/notes/NoteSaver';
import type { NoteSaveState } from '../../src/renderer/src/features/notes/NoteSaveState';
import type { ApiResult } from '../../src/shared/api';
import type { NoteDoc } from '../../src/shared/model';

const doc = (text: string): NoteDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** A library stand-in that records what reached it and can be made to fail. */
function fakeLibrary() {
  const stored = new Map<string | null, NoteDoc>();
  let failing = false;
  return {
    stored,
    fail(on: boolean) {
      failing = on;
    },
    save: async (
      sectionId: string | null,
      note: NoteDoc,
    ): Promise<ApiResult<{ updatedAt: string }>> => {
      if (failing)
        return { ok: false, error: { code: 'database_error', message: 'The disk is full.' } };
      stored.set(sectionId, note);
      return { ok: true, value: { updatedAt: new Date().toISOString() } };
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('NoteSaver', () => {
  it('saves the newest text once typing pauses', async () => {
    const library = fakeLibrary();
    const states: NoteSaveState[] = [];
    const saver = new NoteSaver(library.save, (s) => states.push(s), 600);
    saver.edit('ii', doc('A'));
    saver.edit('ii', doc('AB'));
    await vi.advanceTimersByTimeAsync(599);
    expect(library.stored.size).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(library.stored.get('ii')).toEqual(doc('AB'));
    expect(states.map((s) => s.kind)).toEqual(['saving', 'saved']);
    expect(saver.hasUnsavedChanges).toBe(false);
  });

  it('keeps a note typed just before switching sections under the section it was typed in', async () => {
    const library = fakeLibrary();
    const saver = new NoteSaver(library.save, () => undefined);
    saver.edit('ii', doc('for section II'));
    await saver.flush();
    saver.edit('iii', doc('for section III'));
    await saver.flush();
    expect(library.stored.get('ii')).toEqual(doc('for section II'));
    expect(library.stored.get('iii')).toEqual(doc('for section III'));
  });

  it('does not let a late-loaded copy overwrite text typed before the notes arrived', () => {
    const saver = new NoteSaver(fakeLibrary().save, () => undefined);
    saver.edit(null, doc('typed first'));
    saver.load([{ briefId: 'b', sectionId: null, doc: doc('older stored copy'), updatedAt: '' }]);
    expect(saver.get(null)).toEqual(doc('typed first'));
  });

  it('shows a failed save and retries it by itself until it succeeds', async () => {
    const library = fakeLibrary();
    const states: NoteSaveState[] = [];
    const saver = new NoteSaver(library.save, (s) => states.push(s), 600, 2_000);
    library.fail(true);
    saver.edit('ii', doc('precious'));
    await vi.advanceTimersByTimeAsync(600);
    expect(states.at(-1)).toEqual({ kind: 'error', message: 'The disk is full.' });
    expect(saver.hasUnsavedChanges).toBe(true);

    library.fail(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(library.stored.get('ii')).toEqual(doc('precious'));
    expect(states.at(-1)).toEqual({ kind: 'saved' });
    expect(saver.hasUnsavedChanges).toBe(false);
  });
});
