import { CONTEXT_LENGTH, type TextAnchor } from '../highlights';
import type { BriefText } from './BriefText';
import { similarityTo } from './editSimilarity';

/*
 * Relative weights of the evidence that a place in the text is the highlighted passage, after
 * Hypothesis's match-quote (quote 50, prefix 20, suffix 20, position 2): the quote counts most,
 * the context either side tells apart repeated wording, and the old position only breaks ties.
 */
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

/** How a candidate place scores, in 0..1: 1 is the same words, same context, same place. */
export type MatchScorer = (section: number, start: number, end: number, errors: number) => number;

/**
 * Scores candidate places for `anchor` in `brief`. `hint` is where the passage used to start in
 * the brief's text laid end to end, or null when its section is gone (position then counts for
 * nothing).
 *
 * Two departures from fixed weights, both so that the score measures evidence: a quote longer
 * than two contexts' worth (64 characters) weighs in proportion to its length, so a long passage
 * with a few words changed is recognised even where everything around it was rewritten, while a
 * short one still needs its context to agree; and a context shorter than CONTEXT_LENGTH (a
 * passage at the very start or end of its section) weighs in proportion to what was stored.
 */
export function matchScorer(
  anchor: TextAnchor,
  brief: BriefText,
  hint: number | null,
): MatchScorer {
  const prefixSimilarity = similarityTo(anchor.prefix);
  const suffixSimilarity = similarityTo(anchor.suffix);
  const quoteWeight = QUOTE_WEIGHT * Math.max(1, anchor.exact.length / (2 * CONTEXT_LENGTH));
  const prefixWeight = PREFIX_WEIGHT * Math.min(1, anchor.prefix.length / CONTEXT_LENGTH);
  const suffixWeight = SUFFIX_WEIGHT * Math.min(1, anchor.suffix.length / CONTEXT_LENGTH);
  const positionWeight = hint === null ? 0 : POSITION_WEIGHT;
  const totalWeight = quoteWeight + prefixWeight + suffixWeight + positionWeight;
  const briefLength = Math.max(1, brief.length);

  return (section, start, end, errors) => {
    const text = brief.sections[section]!.text;
    const quoteScore = Math.max(0, 1 - errors / anchor.exact.length);
    const prefixScore =
      prefixWeight === 0
        ? 0
        : prefixSimilarity(text.slice(Math.max(0, start - anchor.prefix.length), start));
    const suffixScore =
      suffixWeight === 0 ? 0 : suffixSimilarity(text.slice(end, end + anchor.suffix.length));
    const positionScore =
      hint === null ? 0 : 1 - Math.abs(brief.offsets[section]! + start - hint) / briefLength;
    return (
      (quoteWeight * quoteScore +
        prefixWeight * prefixScore +
        suffixWeight * suffixScore +
        positionWeight * positionScore) /
      totalWeight
    );
  };
}
