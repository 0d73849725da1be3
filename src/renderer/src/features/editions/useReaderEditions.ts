import { useCallback, useEffect, useMemo, useState } from 'react';
import type { EditionCarryOver } from '../../../../shared/editions';
import { editionBannerHiddenFor, hideEditionBanner } from './editionBannerHidden';
import { carryOverFor, forgetCarryOver } from './pendingCarryOver';
import { sectionChangeMap, type SectionChanges } from './sectionChangeMap';
import { useEditionReview, type EditionReviewState } from './useEditionReview';

export interface ReaderEditions extends EditionReviewState {
  /** What the adoption that opened this brief carried over, until dismissed. */
  carryOver: EditionCarryOver | null;
  /** Whether the banner shows: after an adoption, or for a brief with a previous edition. */
  bannerShown: boolean;
  dismissBanner: () => void;
  /** Changed and new sections; undefined for a brief without a previous edition. */
  sectionChanges: SectionChanges | undefined;
  /** Goes up by one each time the reader asks to review the changes (the reader opens them). */
  reviewRequest: number;
  requestReview: () => void;
}

/** The reader's side of editions: the review, the summary after adopting and the banner. */
export function useReaderEditions(briefId: string): ReaderEditions {
  const state = useEditionReview(briefId);
  const { review } = state;
  const [carryOver, setCarryOver] = useState(() => carryOverFor(briefId));
  const [hiddenFor, setHiddenFor] = useState(() => editionBannerHiddenFor(briefId));
  const [reviewRequest, setReviewRequest] = useState(0);

  // This reader has the summary now; opening the brief again later shows the short banner.
  useEffect(() => forgetCarryOver(briefId), [briefId]);

  const sectionChanges = useMemo(() => (review ? sectionChangeMap(review) : undefined), [review]);

  const dismissBanner = useCallback(() => {
    if (carryOver) {
      setCarryOver(null);
      return;
    }
    if (!review) return;
    hideEditionBanner(briefId, review.adoptedAt);
    setHiddenFor(review.adoptedAt);
  }, [briefId, carryOver, review]);

  const requestReview = useCallback(() => setReviewRequest((count) => count + 1), []);

  const bannerShown = carryOver !== null || (review !== null && hiddenFor !== review.adoptedAt);
  return {
    ...state,
    carryOver,
    bannerShown,
    dismissBanner,
    sectionChanges,
    reviewRequest,
    requestReview,
  };
}
