import { describe, expect, it } from 'vitest';
import { anchorStatusLabel } from '../../src/renderer/src/features/highlights/anchorStatusLabel';
import { floatingPosition } from '../../src/renderer/src/features/highlights/floatingPosition';
import { groupQuote } from '../../src/renderer/src/features/highlights/groupQuote';
import {
  groupOf,
  removeHighlights,
  upsertHighlights,
} from '../../src/renderer/src/features/highlights/highlightList';
import {
  highlightShortcut,
  isUndoShortcut,
  type ShortcutKey,
} from '../../src/renderer/src/features/highlights/highlightShortcut';
import { highlightsAt } from '../../src/renderer/src/features/highlights/highlightsAt';
import {
  readLastHighlightRole,
  saveLastHighlightRole,
} from '../../src/renderer/src/features/highlights/lastHighlightRole';
import {
  isPendingHighlight,
  pendingHighlights,
} from '../../src/renderer/src/features/highlights/pendingHighlights';
import { revertHighlightChange } from '../../src/renderer/src/features/highlights/revertHighlightChange';
import type { Highlight } from '../../src/shared/highlights';

/** A highlight of section II of the sample brief, as the library returns it. */
function highlight(fields: Partial<Highlight> & { id: string }): Highlight {
  return {
    briefId: 'brief',
    anchor: {
      sectionId: 'ii',
      start: 0,
      end: 10,
      exact: 'quoted text',
      prefix: '',
      suffix: '',
      textHash: 'hash',
    },
    role: 'key-point',
    comment: '',
    status: 'exact',
    score: 1,
    groupId: null,
    createdAt: '2024-06-14T10:00:00.000Z',
    updatedAt: '2024-06-14T10:00:00.000Z',
    ...fields,
  };
}

function at(sectionId: string, start: number, end: number, exact = 'text') {
  return { sectionId, start, end, exact, prefix: '', suffix: '', textHash: 'hash' };
}

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

function key(fields: Partial<ShortcutKey> & { key: string }): ShortcutKey {
  return {
    code: `Key${fields.key.toUpperCase()}`,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...fields,
  };
}

describe('the last-used highlight colour', () => {
  it('starts as Key point and then remembers the colour chosen last', () => {
    const storage = new MemoryStorage();
    expect(readLastHighlightRole(storage)).toBe('key-point');
    saveLastHighlightRole('evidence', storage);
    expect(storage.items.get('briefmark.lastHighlightRole')).toBe('evidence');
    expect(readLastHighlightRole(storage)).toBe('evidence');
  });

  it('falls back to Key point when the stored value is not a colour role', () => {
    const storage = new MemoryStorage();
    storage.setItem('briefmark.lastHighlightRole', 'chartreuse');
    expect(readLastHighlightRole(storage)).toBe('key-point');
  });

  it('still gives a colour when storage is disabled', () => {
    const refusing = {
      getItem: (): string | null => {
        throw new Error('SecurityError');
      },
      setItem: (): void => {
        throw new Error('SecurityError');
      },
    };
    expect(readLastHighlightRole(refusing)).toBe('key-point');
    expect(() => saveLastHighlightRole('action', refusing)).not.toThrow();
  });
});

describe('finding the highlight under a click', () => {
  const older = highlight({
    id: 'older',
    anchor: at('ii', 10, 40),
    createdAt: '2024-06-14T10:00:00Z',
  });
  const newer = highlight({
    id: 'newer',
    anchor: at('ii', 30, 60),
    createdAt: '2024-06-14T11:00:00Z',
  });
  const elsewhere = highlight({ id: 'elsewhere', anchor: at('iii', 0, 100) });
  const list = [older, newer, elsewhere];

  it('finds the highlights covering a character, the most recent on top', () => {
    expect(highlightsAt(list, 'ii', 35).map((h) => h.id)).toEqual(['newer', 'older']);
    expect(highlightsAt(list, 'ii', 20).map((h) => h.id)).toEqual(['older']);
  });

  it('counts the first character as inside and the end offset as outside', () => {
    expect(highlightsAt(list, 'ii', 10).map((h) => h.id)).toEqual(['older']);
    expect(highlightsAt(list, 'ii', 60)).toEqual([]);
    expect(highlightsAt(list, 'ii', 9)).toEqual([]);
  });

  it('only looks in the section clicked', () => {
    expect(highlightsAt(list, 'iii', 35).map((h) => h.id)).toEqual(['elsewhere']);
    expect(highlightsAt(list, 'iv', 35)).toEqual([]);
  });

  it('ignores orphaned highlights, which are not painted', () => {
    const orphan = highlight({ id: 'orphan', anchor: at('ii', 0, 100), status: 'orphaned' });
    expect(highlightsAt([orphan], 'ii', 5)).toEqual([]);
  });
});

describe('copying a highlight', () => {
  it('joins the parts of a selection across sections in reading order, with blank lines', () => {
    const parts = [
      highlight({ id: 'b', anchor: at('s3', 0, 20, 'Russia’s increasing number'), groupId: 'g' }),
      highlight({ id: 'a', anchor: at('s2', 400, 480, 'to deter aggression.'), groupId: 'g' }),
    ];
    expect(groupQuote(parts, ['s1', 's2', 's3'])).toBe(
      'to deter aggression.\n\nRussia’s increasing number',
    );
  });

  it('copies a one-section highlight as its quote alone', () => {
    expect(groupQuote([highlight({ id: 'a', anchor: at('s2', 0, 5, 'NATO') })], ['s2'])).toBe(
      'NATO',
    );
  });
});

describe('the highlight list', () => {
  const a = highlight({ id: 'a', groupId: 'g' });
  const b = highlight({ id: 'b', groupId: 'g', anchor: at('iii', 0, 4) });
  const c = highlight({ id: 'c' });

  it('replaces changed highlights in place and appends new ones', () => {
    const recoloured = { ...b, role: 'question' as const };
    const added = highlight({ id: 'd' });
    expect(upsertHighlights([a, b, c], [recoloured, added])).toEqual([a, recoloured, c, added]);
  });

  it('removes highlights by id', () => {
    expect(removeHighlights([a, b, c], ['a', 'c'])).toEqual([b]);
  });

  it('gives every part of a selection that spanned sections', () => {
    expect(groupOf([a, b, c], a)).toEqual([a, b]);
    expect(groupOf([a, b, c], c)).toEqual([c]);
  });
});

describe('a highlight before the library answers', () => {
  it('stands in for each section of the selection, linked when there are several', () => {
    const parts = pendingHighlights(
      'brief',
      [
        { sectionId: 's2', start: 300, end: 420 },
        { sectionId: 's3', start: 0, end: 40 },
      ],
      'question',
      '',
      7,
      new Date('2024-06-14T10:00:00Z'),
    );
    expect(parts.map((part) => part.anchor.sectionId)).toEqual(['s2', 's3']);
    expect(parts.every(isPendingHighlight)).toBe(true);
    expect(parts[0]?.groupId).not.toBeNull();
    expect(parts[0]?.groupId).toBe(parts[1]?.groupId);
    expect(parts.map((part) => part.role)).toEqual(['question', 'question']);
    expect(isPendingHighlight(highlight({ id: '0b7c8d2e-saved' }))).toBe(false);
  });
});

describe('putting back a change the library refused', () => {
  it('restores the old colour of every part', () => {
    const before = [highlight({ id: 'a', role: 'evidence' })];
    const optimistic = [highlight({ id: 'a', role: 'disagree' })];
    expect(revertHighlightChange(optimistic, before, { role: 'disagree' })[0]?.role).toBe(
      'evidence',
    );
  });

  it('keeps a later change that overwrote the refused one', () => {
    const before = [highlight({ id: 'a', role: 'evidence', comment: '' })];
    const later = [highlight({ id: 'a', role: 'action', comment: 'check the 2% figure' })];
    const reverted = revertHighlightChange(later, before, { role: 'disagree' });
    expect(reverted[0]?.role).toBe('action');
    expect(reverted[0]?.comment).toBe('check the 2% figure');
  });
});

describe('anchor status in the popover', () => {
  it('says nothing for an exact anchor and names every other status', () => {
    expect(anchorStatusLabel({ status: 'exact', score: 1 })).toBeNull();
    expect(anchorStatusLabel({ status: 'moved', score: 1 })).toBe('Moved');
    expect(anchorStatusLabel({ status: 'fuzzy', score: 0.8249 })).toBe('Fuzzy match 82%');
    expect(anchorStatusLabel({ status: 'fuzzy', score: 0.999 })).toBe('Fuzzy match 99%');
    expect(anchorStatusLabel({ status: 'orphaned', score: 0 })).toBe('Orphaned');
  });
});

describe('placing the toolbar over a selection', () => {
  const pane = { top: 52, left: 272, bottom: 860, right: 960 };
  const size = { width: 220, height: 38 };

  it('centres it just above the selection', () => {
    const selection = { top: 400, bottom: 430, left: 500, right: 700 };
    expect(floatingPosition(selection, size, pane)).toEqual({
      top: 400 - 8 - 38,
      left: 600 - 110,
      placement: 'above',
      anchorVisible: true,
    });
  });

  it('goes below a selection at the top of the pane rather than under the appbar', () => {
    const selection = { top: 60, bottom: 85, left: 500, right: 700 };
    const position = floatingPosition(selection, size, pane);
    expect(position.placement).toBe('below');
    expect(position.top).toBe(85 + 8);
  });

  it('stays inside the pane next to its edges', () => {
    const nearLeft = floatingPosition({ top: 400, bottom: 420, left: 275, right: 290 }, size, pane);
    expect(nearLeft.left).toBe(pane.left + 8);
    const nearRight = floatingPosition(
      { top: 400, bottom: 420, left: 940, right: 958 },
      size,
      pane,
    );
    expect(nearRight.left + size.width).toBe(pane.right - 8);
  });

  it('stays at the top of the pane over a selection taller than the pane', () => {
    const position = floatingPosition(
      { top: -300, bottom: 2000, left: 300, right: 900 },
      size,
      pane,
    );
    expect(position.top).toBe(pane.top + 8);
    expect(position.anchorVisible).toBe(true);
  });

  it('says when the selection has scrolled out of the pane', () => {
    const position = floatingPosition(
      { top: -200, bottom: -170, left: 300, right: 900 },
      size,
      pane,
    );
    expect(position.anchorVisible).toBe(false);
  });
});

describe('the highlight shortcut', () => {
  it('is Ctrl+Shift+H, or Cmd+Shift+H on a Mac', () => {
    expect(highlightShortcut(key({ key: 'H', ctrlKey: true, shiftKey: true }), false, false)).toBe(
      true,
    );
    expect(highlightShortcut(key({ key: 'H', metaKey: true, shiftKey: true }), true, false)).toBe(
      true,
    );
    expect(highlightShortcut(key({ key: 'H', metaKey: true, shiftKey: true }), false, false)).toBe(
      false,
    );
    // Ctrl+H is the browser's history, not ours.
    expect(highlightShortcut(key({ key: 'h', ctrlKey: true }), false, true)).toBe(false);
  });

  it('is a plain h only while reading', () => {
    expect(highlightShortcut(key({ key: 'h' }), false, true)).toBe(true);
    expect(highlightShortcut(key({ key: 'h' }), false, false)).toBe(false);
    expect(highlightShortcut(key({ key: 'H', shiftKey: true }), false, true)).toBe(false);
    expect(highlightShortcut(key({ key: 'j' }), false, true)).toBe(false);
  });

  it('works on a keyboard that types another script', () => {
    expect(highlightShortcut(key({ key: 'р', code: 'KeyH' }), false, true)).toBe(true);
  });

  it('undoes with Ctrl+Z or Cmd+Z, not with Shift (redo)', () => {
    expect(isUndoShortcut(key({ key: 'z', ctrlKey: true }), false)).toBe(true);
    expect(isUndoShortcut(key({ key: 'z', metaKey: true }), true)).toBe(true);
    expect(isUndoShortcut(key({ key: 'Z', ctrlKey: true, shiftKey: true }), false)).toBe(false);
  });
});
