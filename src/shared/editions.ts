import type { AnchorStatus, TextAnchor } from './highlights';

/** A brief named as one edition of another: enough to show and choose it. */
export interface EditionRef {
  id: string;
  title: string;
  sourceName: string;
  importedAt: string;
}

/** How a section of the newer edition differs from the older one. */
export type SectionChangeKind = 'added' | 'changed';

export interface SectionChange {
  /** The section in the newer edition. */
  sectionId: string;
  change: SectionChangeKind;
  /** The section of the older edition it follows on from; null when it is new. */
  previousSectionId: string | null;
}

/** A section of the older edition that no section of the newer one follows on from. */
export interface RemovedSection {
  sectionId: string;
  heading: string;
  path: string;
}

/**
 * A highlight carried into a newer edition that did not land exactly where it was: where it is
 * now (its status and score are the highlight's own), and the words around it in the older
 * edition, so the user can judge whether it landed on the same passage.
 */
export interface HighlightMove {
  highlightId: string;
  status: Exclude<AnchorStatus, 'exact'>;
  score: number;
  /** The anchor in the older edition: its quote, context and section. */
  previous: TextAnchor;
  /** The heading of the section it was in, in the older edition. */
  previousHeading: string;
  /** When the user marked it as checked; null while it still wants review. */
  reviewedAt: string | null;
}

/** What adopting an older edition carried over, for the message the user sees afterwards. */
export interface EditionCarryOver {
  briefId: string;
  previous: EditionRef;
  highlights: Record<AnchorStatus, number>;
  /** Notes that followed their section; those whose section is gone join the brief note. */
  notes: { followed: number; toBriefNote: number };
  sections: { added: number; changed: number; removed: number };
}

/** What changed between a brief and its previous edition; null when it has none. */
export interface EditionReview {
  previous: EditionRef;
  adoptedAt: string;
  changedSections: SectionChange[];
  removedSections: RemovedSection[];
  /** Moved, fuzzy and orphaned highlights, in the newer edition's text order (orphans last). */
  highlights: HighlightMove[];
}
