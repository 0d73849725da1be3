import { useMemo } from 'react';
import type { Highlight } from '../../../../shared/highlights';
import { Alert } from '../../components/Alert';
import { carryOverNeedsReview, carryOverSummary } from './carryOverSummary';
import { Icon } from '../../components/Icon';
import { reviewBannerParts, reviewLists } from './reviewLists';
import type { ReaderEditions } from './useReaderEditions';

interface EditionBannerProps {
  editions: ReaderEditions;
  /** The brief's highlights as the reader has them; null while they load. */
  highlights: readonly Highlight[] | null;
}

/**
 * The strip at the top of the reader for a brief with a previous edition. Right after adopting it
 * says what moved ("Carried over 12 highlights: …"); later, in short, what is left to look at
 * ("New edition · 4 sections changed · 3 highlights to check").
 */
export function EditionBanner({ editions, highlights }: EditionBannerProps) {
  const { review, error, dismissError, bannerShown, dismissBanner } = editions;
  const carryOver = editions.carryOver;
  const toCheck = useMemo(
    () =>
      review
        ? reviewLists(review, highlights ? new Set(highlights.map(({ id }) => id)) : null).toCheck
            .length
        : 0,
    [review, highlights],
  );
  const failure = error && (
    <div className="banner">
      <Alert title={error.title} onDismiss={dismissError}>
        <p>{error.message}</p>
      </Alert>
    </div>
  );
  if (!bannerShown || (!carryOver && !review)) return failure;
  const reviewable = review !== null && (carryOver === null || carryOverNeedsReview(carryOver));
  return (
    <>
      {failure}
      <div
        className={carryOver ? 'edition-banner is-summary' : 'edition-banner'}
        role={carryOver ? 'status' : 'region'}
        aria-label={carryOver ? undefined : 'New edition'}
        data-testid="edition-banner"
      >
        <Icon name="editions" />
        {carryOver ? (
          <p className="edition-banner-text">
            <strong>New edition.</strong> {carryOverSummary(carryOver)}
          </p>
        ) : (
          review && (
            <p className="edition-banner-text">
              {reviewBannerParts(review, toCheck).map((part, index) => (
                <span key={index} className="edition-banner-part">
                  {index === 0 ? <strong>{part}</strong> : part}
                </span>
              ))}
            </p>
          )
        )}
        {reviewable && (
          <button
            type="button"
            className="button edition-banner-review"
            onClick={editions.requestReview}
          >
            {carryOver ? 'Review changes' : 'Review'}
          </button>
        )}
        <button
          type="button"
          className="tool-button edition-banner-close"
          aria-label={carryOver ? 'Dismiss the summary' : 'Hide this banner'}
          title={carryOver ? 'Dismiss' : 'Hide'}
          onClick={dismissBanner}
        >
          <Icon name="close" size={16} />
        </button>
      </div>
    </>
  );
}
