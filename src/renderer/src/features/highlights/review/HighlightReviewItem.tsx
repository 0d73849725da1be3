import type { Highlight } from '../../../../../shared/highlights';
import { Icon } from '../../../components/Icon';
import { anchorStatusLabel } from '../anchorStatusLabel';
import { useRoleLabels } from '../useRoleLabels';

interface HighlightReviewItemProps {
  highlight: Highlight;
  /** Absent for a highlight not found in the text: there is nowhere to go. */
  onOpen?: (highlight: Highlight, from: HTMLElement) => void;
  /** Offered beside the note it would go into: adds the highlight to that note. */
  onQuote?: (highlight: Highlight) => void;
}

/**
 * One highlight in a review list: its colour, its quote (a few lines of it), its comment and,
 * when it no longer sits exactly where it was made, how it fits now. Activating it shows the
 * passage in the text with the highlight's popover open.
 */
export function HighlightReviewItem({ highlight, onOpen, onQuote }: HighlightReviewItemProps) {
  const labels = useRoleLabels();
  // A highlight not found in the text is listed apart, whatever its status says.
  const status = onOpen ? anchorStatusLabel(highlight) : 'Not in the text';
  const content = (
    <>
      <span
        className={`hl-review-swatch hl-role-dot-${highlight.role}`}
        role="img"
        aria-label={labels[highlight.role]}
      />
      <span className="hl-review-body">
        <span className="hl-review-quote" dir="auto">
          {highlight.anchor.exact}
        </span>
        {highlight.comment && (
          <span className="hl-review-comment" dir="auto">
            {highlight.comment}
          </span>
        )}
        {status && (
          <span
            className={`hl-status hl-review-status hl-status-${highlight.status}`}
            title={
              onOpen
                ? "The brief's text changed since this highlight was made."
                : "This passage is no longer in the brief's text."
            }
          >
            {status}
          </span>
        )}
      </span>
    </>
  );
  return (
    <li
      className={onQuote ? 'hl-review-item has-action' : 'hl-review-item'}
      data-testid="highlight-review-item"
    >
      {onOpen ? (
        <button
          type="button"
          className="hl-review-entry"
          onClick={(event) => onOpen(highlight, event.currentTarget)}
        >
          {content}
        </button>
      ) : (
        <div className="hl-review-entry is-orphaned">{content}</div>
      )}
      {onQuote && (
        <button
          type="button"
          className="tool-button hl-review-action"
          aria-label="Quote into note"
          title="Quote into note"
          onClick={() => onQuote(highlight)}
        >
          <Icon name="quoteAdd" size={16} />
        </button>
      )}
    </li>
  );
}
