import type { EditionReview, SectionChangeKind } from '../../../../shared/editions';

/** Which sections of the brief its latest edition changed or added, by section id. */
export type SectionChanges = ReadonlyMap<string, SectionChangeKind>;

export function sectionChangeMap(
  review: Pick<EditionReview, 'changedSections'> | null,
): SectionChanges {
  return new Map(review?.changedSections.map((change) => [change.sectionId, change.change]) ?? []);
}

/** The words a screen reader hears, and a tooltip shows, for a changed or new section. */
export const SECTION_CHANGE_TEXT: Record<SectionChangeKind, string> = {
  changed: 'Changed in this edition',
  added: 'New in this edition',
};
