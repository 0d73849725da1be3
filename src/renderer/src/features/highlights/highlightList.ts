import type { Highlight } from '../../../../shared/highlights';

/** The list with these parts replacing their older versions in place, and new ones appended. */
export function upsertHighlights(
  list: readonly Highlight[],
  parts: readonly Highlight[],
): Highlight[] {
  if (parts.length === 0) return [...list];
  const byId = new Map(parts.map((part) => [part.id, part]));
  const next = list.map((highlight) => {
    const part = byId.get(highlight.id);
    if (!part) return highlight;
    byId.delete(highlight.id);
    return part;
  });
  return [...next, ...byId.values()];
}

export function removeHighlights(list: readonly Highlight[], ids: Iterable<string>): Highlight[] {
  const gone = new Set(ids);
  return list.filter((highlight) => !gone.has(highlight.id));
}

/** The highlight with the other parts of its selection (those in other sections), if any. */
export function groupOf(list: readonly Highlight[], highlight: Highlight): Highlight[] {
  if (highlight.groupId === null) return [highlight];
  const parts = list.filter((other) => other.groupId === highlight.groupId);
  return parts.length > 0 ? parts : [highlight];
}
