import type { Highlight } from '../../../../shared/highlights';
import { sectionOffsetAt } from '../reader/sectionOffsetAt';
import { caretAtPoint } from './caretAtPoint';
import { highlightsAt } from './highlightsAt';
import { isPendingHighlight } from './pendingHighlights';
import { rangeHasPoint } from './rangeHasPoint';

/**
 * The saved highlights under a point of the document, topmost (most recent) first. The caret
 * lies between two characters, so both are tried, and the painted boxes decide which was hit:
 * a click just past a highlight's end does not open it.
 */
export function highlightsUnderPoint(
  list: readonly Highlight[],
  x: number,
  y: number,
  rangeOf: (highlightId: string) => Range | null,
): Highlight[] {
  const caret = caretAtPoint(x, y);
  if (!caret) return [];
  const at = sectionOffsetAt(caret.node, caret.offset);
  if (!at) return [];
  const found = new Map<string, Highlight>();
  for (const offset of [at.offset, at.offset - 1]) {
    for (const highlight of highlightsAt(list, at.sectionId, offset)) {
      if (isPendingHighlight(highlight)) continue;
      const range = rangeOf(highlight.id);
      if (range && !rangeHasPoint(range, x, y)) continue;
      found.set(highlight.id, highlight);
    }
  }
  return [...found.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
