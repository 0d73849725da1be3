import type { Highlight } from '../../../../../shared/highlights';

/** What the lists that review a brief's highlights need from the reader. */
export interface HighlightReview {
  /** From the same store as the paint, so the lists follow every change at once. */
  highlights: readonly Highlight[];
  loading: boolean;
  /**
   * Shows the highlight in the text with its popover open; `from` (the list item) gets the
   * keyboard back when the popover is closed with Escape.
   */
  open: (highlight: Highlight, from: HTMLElement) => void;
}
