import type { Highlight } from '../../../../shared/highlights';

/**
 * The painted highlights covering a character of a section, topmost first: the most recently
 * created is the one on top. Orphaned highlights are not painted, so they cannot be clicked.
 */
export function highlightsAt(
  list: readonly Highlight[],
  sectionId: string,
  offset: number,
): Highlight[] {
  return list
    .filter(
      (highlight) =>
        highlight.status !== 'orphaned' &&
        highlight.anchor.sectionId === sectionId &&
        highlight.anchor.start <= offset &&
        offset < highlight.anchor.end,
    )
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}
