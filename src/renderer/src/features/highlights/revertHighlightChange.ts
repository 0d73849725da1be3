import type { Highlight } from '../../../../shared/highlights';

export interface HighlightChange {
  role?: Highlight['role'];
  comment?: string;
}

/**
 * Undoes an optimistic change that the library refused, field by field: a field that a later
 * change has already overwritten keeps the later value.
 */
export function revertHighlightChange(
  current: readonly Highlight[],
  before: readonly Highlight[],
  change: HighlightChange,
): Highlight[] {
  const previous = new Map(before.map((part) => [part.id, part]));
  return current.map((highlight) => {
    const old = previous.get(highlight.id);
    if (!old) return highlight;
    let reverted = highlight;
    if (change.role !== undefined && highlight.role === change.role) {
      reverted = { ...reverted, role: old.role };
    }
    if (change.comment !== undefined && highlight.comment === change.comment) {
      reverted = { ...reverted, comment: old.comment };
    }
    return reverted;
  });
}
