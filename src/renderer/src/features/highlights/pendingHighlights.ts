import type { Highlight, HighlightRole, SectionRange } from '../../../../shared/highlights';

const PENDING_PREFIX = 'pending:';

/** Not yet confirmed by the library: painted at once, but not clickable until saved. */
export function isPendingHighlight(highlight: Pick<Highlight, 'id'>): boolean {
  return highlight.id.startsWith(PENDING_PREFIX);
}

/**
 * Stand-ins for the highlights a create request will return, so the paint appears under the
 * reader's selection without waiting for the round trip. The library builds the real anchor.
 */
export function pendingHighlights(
  briefId: string,
  ranges: readonly SectionRange[],
  role: HighlightRole,
  comment: string,
  sequence: number,
  now: Date,
): Highlight[] {
  const at = now.toISOString();
  const groupId = ranges.length > 1 ? `${PENDING_PREFIX}${sequence}` : null;
  return ranges.map((range, index) => ({
    id: `${PENDING_PREFIX}${sequence}:${index}`,
    briefId,
    anchor: { ...range, exact: '', prefix: '', suffix: '', textHash: '' },
    role,
    comment,
    status: 'exact',
    score: 1,
    groupId,
    createdAt: at,
    updatedAt: at,
  }));
}
