import { useCallback, useEffect, useState } from 'react';
import type { EditionReview } from '../../../../shared/editions';
import { api } from '../../api/api';

export interface EditionReviewState {
  /** What changed since the previous edition; null while loading and for briefs without one. */
  review: EditionReview | null;
  /** Why the review could not be loaded or a highlight not marked. */
  error: { title: string; message: string } | null;
  dismissError: () => void;
  /** Marks a carried-over highlight as checked; resolves to whether the library saved it. */
  markReviewed: (highlightId: string) => Promise<boolean>;
}

/** The brief's edition review, kept in step as the reader checks its highlights. */
export function useEditionReview(briefId: string): EditionReviewState {
  const [review, setReview] = useState<EditionReview | null>(null);
  const [error, setError] = useState<EditionReviewState['error']>(null);

  useEffect(() => {
    let cancelled = false;
    void api['editions.review']({ briefId }).then((result) => {
      if (cancelled) return;
      if (result.ok) setReview(result.value);
      else
        setError({
          title: 'The changes in this edition could not be loaded',
          message: result.error.message,
        });
    });
    return () => {
      cancelled = true;
    };
  }, [briefId]);

  const markReviewed = useCallback(async (highlightId: string) => {
    const result = await api['editions.markReviewed']({ highlightId });
    if (!result.ok) {
      setError({
        title: 'The highlight could not be marked as checked',
        message: result.error.message,
      });
      return false;
    }
    const { reviewedAt } = result.value;
    setReview(
      (current) =>
        current && {
          ...current,
          highlights: current.highlights.map((move) =>
            move.highlightId === highlightId ? { ...move, reviewedAt } : move,
          ),
        },
    );
    return true;
  }, []);

  const dismissError = useCallback(() => setError(null), []);

  return { review, error, dismissError, markReviewed };
}
