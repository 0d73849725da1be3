import { useCallback } from 'react';
import type { Highlight } from '../../../../shared/highlights';
import { briefmarkHighlightHref } from '../../../../shared/briefmarkLink';
import { groupQuote } from '../highlights/groupQuote';
import { groupOf } from '../highlights/highlightList';
import { useRoleLabels } from '../highlights/useRoleLabels';
import { highlightQuoteBlocks } from './highlightQuote';
import type { BriefNotes } from './useBriefNotes';

/** Adds a highlight to its section's note; false when the notes are not loaded yet. */
export type QuoteIntoNote = (highlight: Highlight) => boolean;

/**
 * "Quote into note": the highlight's text (all of it, when the selection spanned sections) as
 * a block quote in the note of the section it is in, linked back to it, with its comment.
 * Null until the notes are loaded, so nothing offers it before it can work.
 */
export function useQuoteIntoNote(
  notes: BriefNotes,
  highlights: readonly Highlight[],
  sectionOrder: readonly string[],
): QuoteIntoNote | null {
  const labels = useRoleLabels();
  const { append } = notes;
  const quote = useCallback(
    (highlight: Highlight) => {
      const { sectionId } = highlight.anchor;
      const blocks = highlightQuoteBlocks({
        quote: groupQuote(groupOf(highlights, highlight), sectionOrder),
        roleLabel: labels[highlight.role],
        href: briefmarkHighlightHref({
          briefId: highlight.briefId,
          sectionId,
          highlightId: highlight.id,
        }),
        comment: highlight.comment,
      });
      return append(sectionId, blocks);
    },
    [append, highlights, labels, sectionOrder],
  );
  return notes.loadState.kind === 'ready' ? quote : null;
}
