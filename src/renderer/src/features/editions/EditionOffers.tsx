import { useEffect, useId, useRef } from 'react';
import { editionOfferText } from './editionOfferText';
import { Icon } from '../../components/Icon';
import type { EditionOffer, EditionOffers as Offers } from './useEditionOffers';

function OfferCard({
  offer,
  focusFirst,
  offers,
}: {
  offer: EditionOffer;
  focusFirst: boolean;
  offers: Offers;
}) {
  const textId = useId();
  const cardRef = useRef<HTMLDivElement>(null);
  const { state } = offer;

  // Focus follows the card's answer (the offer itself after a one-file import, then its
  // result), so a keyboard user is never left on a button that went away.
  useEffect(() => {
    if (state.kind === 'asking' && !focusFirst) return;
    if (state.kind === 'adopting') return;
    cardRef.current?.querySelector<HTMLElement>('button')?.focus();
  }, [state.kind, focusFirst]);

  return (
    <div
      ref={cardRef}
      className={`edition-offer is-${state.kind}`}
      role="group"
      aria-labelledby={textId}
      data-testid="edition-offer"
    >
      <Icon name="editions" size={20} />
      <div className="edition-offer-body">
        <p id={textId} className="edition-offer-text" dir="auto">
          {state.kind === 'adopted'
            ? `“${offer.title}” is now the newer edition of “${offer.previous.title}”.`
            : editionOfferText({ title: offer.title, sourceName: offer.fileName }, offer.previous)}
        </p>
        {state.kind === 'adopted' && <p className="edition-offer-result">{state.summary}</p>}
        {state.kind === 'failed' && (
          <p className="edition-offer-error" role="alert">
            {state.message}
          </p>
        )}
        <div className="edition-offer-actions">
          {(state.kind === 'asking' || state.kind === 'adopting' || state.kind === 'failed') && (
            <>
              <button
                type="button"
                className="button button-primary"
                aria-disabled={state.kind === 'adopting'}
                onClick={() => void offers.carryOver(offer.briefId)}
              >
                {state.kind === 'adopting'
                  ? 'Carrying over…'
                  : state.kind === 'failed'
                    ? 'Try again'
                    : 'Carry over'}
              </button>
              <button
                type="button"
                className="button"
                aria-disabled={state.kind === 'adopting'}
                onClick={() => {
                  if (state.kind !== 'adopting') offers.keepSeparate(offer.briefId);
                }}
              >
                Keep as a separate brief
              </button>
            </>
          )}
          {state.kind === 'adopted' && (
            <>
              <button
                type="button"
                className="button button-primary"
                onClick={() => offers.open(offer.briefId)}
              >
                Open
              </button>
              <button
                type="button"
                className="button button-quiet"
                onClick={() => offers.dismiss(offer.briefId)}
              >
                Dismiss
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}

/**
 * The suggested editions after an import, one card per file, in the library above the list:
 * each is answered on its own, and none stops the reader from doing anything else meanwhile.
 */
export function EditionOffers({ offers }: { offers: Offers }) {
  const list = offers.offers;
  return (
    <div className="edition-offers" aria-live="polite">
      {list.map((offer) => (
        <OfferCard
          key={offer.briefId}
          offer={offer}
          offers={offers}
          focusFirst={offer.opensAfter}
        />
      ))}
    </div>
  );
}
