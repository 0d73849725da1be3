import type { EditionReview, HighlightMove } from '../../../../shared/editions';

export interface ReviewLists {
  /**
   * Carried-over highlights placed approximately or not found, not checked yet: the ones whose
   * place only the reader can confirm.
   */
  toCheck: HighlightMove[];
  /**
   * Those found with the very same words in a new place (text inserted before them, a section
   * split): listed, not checked yet, but nothing to doubt. A PDF edition of a Markdown brief
   * moves nearly every highlight this way.
   */
  moved: HighlightMove[];
  /** Those the reader checked; orphans among them stay listed here so none is lost unseen. */
  checked: HighlightMove[];
}

/**
 * The review's highlights split into to check, moved and checked, in the review's order (text
 * order, orphans last). Highlights deleted since (absent from `presentIds`) are left out; with
 * `presentIds` null (the brief's highlights not loaded yet) all are kept.
 */
export function reviewLists(
  review: Pick<EditionReview, 'highlights'>,
  presentIds: ReadonlySet<string> | null,
): ReviewLists {
  const lists: ReviewLists = { toCheck: [], moved: [], checked: [] };
  for (const move of review.highlights) {
    if (presentIds && !presentIds.has(move.highlightId)) continue;
    if (move.reviewedAt !== null) lists.checked.push(move);
    else if (move.status === 'moved') lists.moved.push(move);
    else lists.toCheck.push(move);
  }
  return lists;
}

/** How many sections the newer edition changed, added or dropped. */
export function changedSectionCount(
  review: Pick<EditionReview, 'changedSections' | 'removedSections'>,
): number {
  return review.changedSections.length + review.removedSections.length;
}

/**
 * The reader's banner for a brief with a previous edition, in short parts:
 * ["New edition", "4 sections changed", "1 new", "3 highlights to check"].
 */
export function reviewBannerParts(
  review: Pick<EditionReview, 'changedSections' | 'removedSections'>,
  toCheck: number,
): string[] {
  const added = review.changedSections.filter((change) => change.change === 'added').length;
  const changed = changedSectionCount(review) - added;
  const parts = ['New edition'];
  if (changed > 0) parts.push(changed === 1 ? '1 section changed' : `${changed} sections changed`);
  if (added > 0)
    parts.push(
      changed > 0 ? `${added} new` : added === 1 ? '1 new section' : `${added} new sections`,
    );
  if (toCheck > 0) {
    parts.push(toCheck === 1 ? '1 highlight to check' : `${toCheck} highlights to check`);
  }
  if (parts.length === 1) parts.push('no section changed');
  return parts;
}
