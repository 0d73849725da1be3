import search from 'approx-string-match';
import {
  CONTEXT_LENGTH,
  MAX_QUOTE_LENGTH,
  type AnchorStatus,
  type TextAnchor,
} from '../highlights';
import { BriefText, type SectionText } from './BriefText';
import { candidateWindows, type SearchWindow } from './candidateWindows';
import { createTextAnchor } from './createTextAnchor';
import { equallyGoodStarts } from './equallyGoodStarts';
import { matchScorer, type MatchScorer } from './matchScorer';
import { splitsCharacter } from './splitsCharacter';

export interface AnchorResult {
  status: AnchorStatus;
  /** 1 for exact and moved, the match score for fuzzy, 0 for orphaned. */
  score: number;
  /** Where the highlight is now; for an orphan, the old anchor unchanged (its quote kept). */
  anchor: TextAnchor;
}

/**
 * An approximate match must score at least this (see matchScorer). With the quote weighing 50 of
 * 92 (up to 64 characters; longer quotes weigh more), a quote matching at 75% needs most of its
 * context to agree (0.75 with both contexts intact scores 0.86; with half of them, 0.64); a short
 * quote matching exactly in a wholly different context scores about 0.57 and is refused: that is
 * usually the same words used elsewhere, not the same passage. A 200-character passage with a
 * tenth of it reworded still scores 0.72 where everything around it was rewritten.
 */
export const MIN_FUZZY_SCORE = 0.7;

/**
 * The quote must match with at most a quarter of its characters wrong: beyond that the
 * "passage" is another sentence. This also bounds the work of the approximate search.
 */
export const MIN_QUOTE_SIMILARITY = 0.75;

/** Caps the approximate search's error budget on long quotes, as Hypothesis does, for speed. */
const MAX_ERRORS = 256;

/**
 * A section up to this long is searched approximately in full (a few milliseconds at most);
 * a longer one only where it shares runs of text with the highlight (see candidateWindows).
 */
const DIRECT_SEARCH_LENGTH = 10_000;

/** Beyond this many candidate places in one search (a one-word quote), only the nearest count. */
const MAX_CANDIDATES = 2000;

interface Candidate {
  section: number;
  start: number;
  end: number;
  errors: number;
  score: number;
}

function exactOccurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

/** Keeps the candidates nearest the old position when a search finds very many. */
function nearest<T extends { at: number }>(items: T[], hint: number | null): T[] {
  if (items.length <= MAX_CANDIDATES || hint === null) return items.slice(0, MAX_CANDIDATES);
  return [...items]
    .sort((a, b) => Math.abs(a.at - hint) - Math.abs(b.at - hint))
    .slice(0, MAX_CANDIDATES);
}

function best(candidates: Iterable<Candidate>): Candidate | null {
  let top: Candidate | null = null;
  for (const candidate of candidates) {
    if (top === null || candidate.score > top.score) top = candidate;
  }
  return top;
}

/** Re-anchors one highlight against a brief prepared once for all of its highlights. */
function reanchorIn(anchor: TextAnchor, brief: BriefText): AnchorResult {
  const orphaned: AnchorResult = { status: 'orphaned', score: 0, anchor };
  const quote = anchor.exact;
  if (quote === '') return orphaned;
  const home = brief.indexOf(anchor.sectionId);

  // (a) Still at its offsets. When the section's hash is unchanged the stored anchor is still
  // right as it is; otherwise its context and hash are refreshed from the new text.
  if (home !== undefined) {
    const text = brief.sections[home]!.text;
    if (text.slice(anchor.start, anchor.end) === quote) {
      const hash = brief.hash(home);
      const current =
        hash === anchor.textHash
          ? anchor
          : createTextAnchor(anchor.sectionId, text, anchor.start, anchor.end, hash);
      return { status: 'exact', score: 1, anchor: current };
    }
  }

  const hint = home === undefined ? null : brief.offsets[home]! + anchor.start;
  const score = matchScorer(anchor, brief, hint);

  // Occurrences of the quote word for word, in one section or in all the others; the sections'
  // texts laid end to end are searched in one pass, skipping occurrences across a boundary.
  const exactIn = (text: string, offset: number, keep: (section: number) => boolean) => {
    const places = exactOccurrences(text, quote).flatMap((found) => {
      const at = offset + found;
      const section = brief.sectionAt(at);
      const start = at - brief.offsets[section]!;
      const fits = start + quote.length <= brief.sections[section]!.text.length;
      return fits && keep(section) ? [{ at, section, start }] : [];
    });
    return nearest(places, hint).map(({ section, start }) =>
      scored(score, section, start, start + quote.length, 0),
    );
  };
  // A passage of a phrase's length found word for word is the same passage whatever now
  // surrounds it; a shorter one (a word, a figure) must also have its context agree, or it
  // would jump to the same word in an unrelated sentence.
  const distinctive = quote.length >= CONTEXT_LENGTH;
  const acceptExact = (candidate: Candidate | null) =>
    candidate !== null && (distinctive || candidate.score >= MIN_FUZZY_SCORE) ? candidate : null;
  const acceptFuzzy = (candidate: Candidate | null) =>
    candidate !== null && candidate.score >= MIN_FUZZY_SCORE ? candidate : null;

  // (b) The same words elsewhere in its section.
  if (home !== undefined) {
    const moved = acceptExact(
      best(exactIn(brief.sections[home]!.text, brief.offsets[home]!, () => true)),
    );
    if (moved) return result(brief, moved, 'moved');
  }

  const maxErrors = Math.min(MAX_ERRORS, Math.floor(quote.length * (1 - MIN_QUOTE_SIMILARITY)));
  const approximateWithin = (windows: SearchWindow[]) =>
    maxErrors === 0
      ? []
      : windows.flatMap((window) => approximateIn(window, quote, maxErrors, brief, hint, score));

  // (c) An approximate match in its section: a passage edited in place stays in place, even
  // when the brief repeats its old wording elsewhere (an executive summary quoting a chapter,
  // as the World Bank's country diagnostics do). The section is scanned whole when that is
  // cheap, so nothing there is missed; a long one only where it shares runs with the passage.
  if (home !== undefined) {
    const length = brief.sections[home]!.text.length;
    const windows =
      length <= DIRECT_SEARCH_LENGTH
        ? [{ section: home, start: 0, end: length }]
        : candidateWindows(anchor, brief, maxErrors, (section) => section === home);
    const edited = acceptFuzzy(tidyBounds(best(approximateWithin(windows)), quote, brief, score));
    if (edited) return result(brief, edited, 'fuzzy');
  }

  // (d) The same words in another section.
  const movedAway = acceptExact(best(exactIn(brief.text(), 0, (section) => section !== home)));
  if (movedAway) return result(brief, movedAway, 'moved');

  // (e) An approximate match anywhere else in the brief, looked for where it shares runs of
  // text with the passage or its context.
  const fuzzyAway = acceptFuzzy(
    tidyBounds(
      best(approximateWithin(candidateWindows(anchor, brief, maxErrors, (s) => s !== home))),
      quote,
      brief,
      score,
    ),
  );
  if (fuzzyAway) return result(brief, fuzzyAway, 'fuzzy');

  // (f) Kept with its quote and context for the user to review.
  return orphaned;
}

/**
 * An approximate match's bounds, tidied: moved to the start, among those as cheap as its own,
 * whose context fits best (on a tie the latest, so it takes in no stray characters before the
 * passage); then without whitespace at either end that the quote does not have there, such as
 * a line break the new edition puts before the first word.
 */
function tidyBounds(
  match: Candidate | null,
  quote: string,
  brief: BriefText,
  score: MatchScorer,
): Candidate | null {
  if (match === null || match.errors === 0) return match;
  const text = brief.sections[match.section]!.text;
  let top = match;
  for (const start of equallyGoodStarts(text, quote, match.start, match.errors)) {
    if (start === match.start || splitsCharacter(text, start)) continue;
    const candidate = scored(score, match.section, start, match.end, match.errors);
    if (candidate.score >= top.score) top = candidate;
  }
  let { start, end } = top;
  if (!/^\s/.test(quote)) while (end - start > 1 && /\s/.test(text[start]!)) start += 1;
  if (!/\s$/.test(quote)) while (end - start > 1 && /\s/.test(text[end - 1]!)) end -= 1;
  return start === top.start && end === top.end
    ? top
    : scored(score, top.section, start, end, top.errors);
}

function scored(
  score: MatchScorer,
  section: number,
  start: number,
  end: number,
  errors: number,
): Candidate {
  return { section, start, end, errors, score: score(section, start, end, errors) };
}

/** The places in a window of one section that match the quote with fewest errors (Myers). */
function approximateIn(
  { section, start: from, end: to }: SearchWindow,
  quote: string,
  maxErrors: number,
  brief: BriefText,
  hint: number | null,
  score: MatchScorer,
): Candidate[] {
  const text = brief.sections[section]!.text;
  if (to - from < quote.length - maxErrors) return [];
  const offset = brief.offsets[section]!;
  const matches = search(text.slice(from, to), quote, maxErrors).map((match) => ({
    start: from + match.start,
    end: from + match.end,
    errors: match.errors,
    at: offset + from + match.start,
  }));
  return nearest(matches, hint).map((match) => {
    // A match may begin or end with an error that falls inside a character; widen it to
    // whole characters, and keep it within what a highlight may quote.
    let start = match.start;
    let end = match.end;
    if (splitsCharacter(text, start)) start -= 1;
    if (splitsCharacter(text, end)) end += 1;
    if (end - start > MAX_QUOTE_LENGTH) {
      end = start + MAX_QUOTE_LENGTH;
      if (splitsCharacter(text, end)) end -= 1;
    }
    return scored(score, section, start, end, match.errors);
  });
}

function result(brief: BriefText, found: Candidate, status: 'moved' | 'fuzzy'): AnchorResult {
  const section = brief.sections[found.section]!;
  return {
    status,
    score: status === 'moved' ? 1 : found.score,
    anchor: createTextAnchor(
      section.id,
      section.text,
      found.start,
      found.end,
      brief.hash(found.section),
    ),
  };
}

/**
 * Finds each highlight again in a brief's current text (after a re-import or in a new edition),
 * much as Hypothesis does, but staying within the highlight's section as long as it can:
 * at its old offsets if the quote is still there (`exact`); else the same words elsewhere in
 * its section (`moved`); else an approximate match there, scored on quote, context and distance
 * (`fuzzy`); else the same words in another section (`moved`); else an approximate match in the
 * rest of the brief (`fuzzy`); else `orphaned`, kept with its quote, never dropped. Results are
 * in the order of `anchors`; the brief is prepared once for all of them.
 */
export function reanchorAll(
  anchors: readonly TextAnchor[],
  sections: readonly SectionText[],
): AnchorResult[] {
  const brief = new BriefText(sections);
  return anchors.map((anchor) => reanchorIn(anchor, brief));
}

/** reanchorAll for a single highlight. */
export function reanchor(anchor: TextAnchor, sections: readonly SectionText[]): AnchorResult {
  return reanchorIn(anchor, new BriefText(sections));
}
