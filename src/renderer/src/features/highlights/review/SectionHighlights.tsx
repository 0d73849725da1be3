import { useId, useMemo, useState } from 'react';
import type { Highlight } from '../../../../../shared/highlights';
import { Icon } from '../../../components/Icon';
import type { HighlightReview } from './HighlightReview';
import { HighlightReviewItem } from './HighlightReviewItem';
import { sectionHighlights } from './reviewGroups';

const STORAGE_KEY = 'briefmark.sectionHighlightsOpen';

function readOpen(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'false';
  } catch {
    return true;
  }
}

function storeOpen(open: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, String(open));
  } catch {
    // Without storage the list opens expanded next time, which is only a small loss.
  }
}

/**
 * The highlights of the section whose note is shown, in text order, above the note: what one
 * marked while reading, at hand while writing about it. Nothing when the section has none.
 */
export function SectionHighlights({
  sectionId,
  review,
  onQuote,
}: {
  sectionId: string;
  review: HighlightReview;
  /** Adds a highlight to the note below the list; absent while the notes cannot take it. */
  onQuote?: (highlight: Highlight) => void;
}) {
  const [open, setOpen] = useState(readOpen);
  const listId = useId();
  const items = useMemo(
    () => sectionHighlights(review.highlights, sectionId),
    [review.highlights, sectionId],
  );
  if (items.length === 0) return null;

  const toggle = () => {
    setOpen(!open);
    storeOpen(!open);
  };

  return (
    <section className="hl-section-review" aria-labelledby={`${listId}-title`}>
      <button
        type="button"
        className="hl-section-review-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={toggle}
      >
        <Icon name="chevronDown" size={16} />
        <span className="hl-section-review-title" id={`${listId}-title`}>
          Highlights in this section
        </span>
        <span className="hl-section-review-count">{items.length}</span>
      </button>
      <ul className="hl-review-list hl-section-review-list" id={listId} hidden={!open}>
        {items.map((highlight) => (
          <HighlightReviewItem
            key={highlight.id}
            highlight={highlight}
            onOpen={review.open}
            onQuote={onQuote}
          />
        ))}
      </ul>
    </section>
  );
}
