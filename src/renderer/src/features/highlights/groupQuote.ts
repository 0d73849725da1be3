import type { Highlight } from '../../../../shared/highlights';

/**
 * The text a highlight quotes, for copying: a selection that spanned sections gives its parts
 * in reading order, separated by blank lines.
 */
export function groupQuote(parts: readonly Highlight[], sectionOrder: readonly string[]): string {
  const rank = new Map(sectionOrder.map((sectionId, index) => [sectionId, index]));
  const rankOf = (part: Highlight) => rank.get(part.anchor.sectionId) ?? Number.MAX_SAFE_INTEGER;
  return [...parts]
    .sort((a, b) => rankOf(a) - rankOf(b) || a.anchor.start - b.anchor.start)
    .map((part) => part.anchor.exact)
    .join('\n\n');
}
