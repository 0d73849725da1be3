import { useCallback, useState } from 'react';
import type { ImportedBrief } from '../../../../shared/api';
import type { EditionRef } from '../../../../shared/editions';
import { api } from '../../api/api';
import { carryOverSummary } from './carryOverSummary';
import { editionCandidateOf } from './editionCandidateOf';
import { leaveCarryOver } from './pendingCarryOver';

export type EditionOfferState =
  | { kind: 'asking' }
  | { kind: 'adopting' }
  | { kind: 'adopted'; summary: string }
  | { kind: 'failed'; message: string };

/** A just-imported brief that looks like a new edition of one in the library. */
export interface EditionOffer {
  briefId: string;
  title: string;
  fileName: string;
  previous: EditionRef;
  /** After a single-file import the brief opens once the reader has answered. */
  opensAfter: boolean;
  state: EditionOfferState;
}

export interface EditionOffers {
  offers: readonly EditionOffer[];
  /** Offers an edition for each of these that has a candidate and is new to the library. */
  offerFor: (imported: readonly (ImportedBrief & { fileName: string })[], single: boolean) => void;
  carryOver: (briefId: string) => Promise<void>;
  keepSeparate: (briefId: string) => void;
  open: (briefId: string) => void;
  dismiss: (briefId: string) => void;
  clear: () => void;
}

/** Imports with a suggested edition, each asked about on its own without holding up the rest. */
export function useEditionOffers(options: {
  onOpen: (briefId: string) => void;
  /** The library's list changed: an adopted edition's older brief leaves it. */
  onLibraryChanged: () => void;
}): EditionOffers {
  const { onOpen, onLibraryChanged } = options;
  const [offers, setOffers] = useState<EditionOffer[]>([]);

  const patch = (briefId: string, state: EditionOfferState) =>
    setOffers((current) =>
      current.map((offer) => (offer.briefId === briefId ? { ...offer, state } : offer)),
    );
  const dismiss = useCallback(
    (briefId: string) =>
      setOffers((current) => current.filter((offer) => offer.briefId !== briefId)),
    [],
  );

  const offerFor: EditionOffers['offerFor'] = useCallback((imported, single) => {
    const fresh: EditionOffer[] = [];
    for (const brief of imported) {
      const previous = editionCandidateOf(brief);
      if (!previous) continue;
      fresh.push({
        briefId: brief.id,
        title: brief.title,
        fileName: brief.fileName,
        previous,
        opensAfter: single,
        state: { kind: 'asking' },
      });
    }
    if (fresh.length === 0) return;
    const ids = new Set(fresh.map((offer) => offer.briefId));
    setOffers((current) => [...current.filter((offer) => !ids.has(offer.briefId)), ...fresh]);
  }, []);

  const carryOver = async (briefId: string) => {
    const offer = offers.find((candidate) => candidate.briefId === briefId);
    if (!offer || offer.state.kind === 'adopting') return;
    patch(briefId, { kind: 'adopting' });
    const result = await api['editions.adopt']({
      briefId,
      previousBriefId: offer.previous.id,
    });
    if (!result.ok) {
      patch(briefId, { kind: 'failed', message: result.error.message });
      return;
    }
    leaveCarryOver(result.value);
    if (offer.opensAfter) {
      dismiss(briefId);
      onOpen(briefId);
      return;
    }
    patch(briefId, { kind: 'adopted', summary: carryOverSummary(result.value) });
    onLibraryChanged();
  };

  const keepSeparate = (briefId: string) => {
    const offer = offers.find((candidate) => candidate.briefId === briefId);
    dismiss(briefId);
    if (offer?.opensAfter) onOpen(briefId);
  };

  const open = (briefId: string) => {
    dismiss(briefId);
    onOpen(briefId);
  };

  const clear = useCallback(() => setOffers([]), []);

  return { offers, offerFor, carryOver, keepSeparate, open, dismiss, clear };
}
