import type { TextAnchor } from '../highlights';
import type { BriefText } from './BriefText';
import { QGRAM_LENGTH, qgramHash } from './QgramIndex';

/** A stretch of one section worth searching approximately for a highlight's quote. */
export interface SearchWindow {
  section: number;
  start: number;
  end: number;
}

/** Runs looked up per highlight: every other run of a short quote, an even sample of a long one. */
const MAX_LOOKUPS = 64;
/** A run found more often than this is too common to point anywhere. */
const MAX_POSITIONS = 64;
/** Places verified per highlight, those sharing the most runs with it first. */
const MAX_PLACES = 4;

/** Reused between calls (re-anchoring is synchronous): one vote per run found. */
const votes = new Int32Array(MAX_LOOKUPS * MAX_POSITIONS);

/**
 * The places in the brief that share runs of QGRAM_LENGTH characters with the highlight's quote
 * or with its context, most shared first, as windows of the sections `within` accepts: where an
 * approximate match, if any, must be. Each run found votes for where the quote would start (a
 * "diagonal"); votes less than an error budget apart are one place. A short passage's runs are
 * sampled every other character, so any unchanged stretch of nine characters is seen, a long
 * one's more sparsely: a reworded passage keeps such stretches between its edits, and its
 * context keeps its own even when the quote changed much. A passage edited every few characters
 * is missed, which is the price of not scanning the whole brief for each highlight.
 */
export function candidateWindows(
  anchor: TextAnchor,
  brief: BriefText,
  maxErrors: number,
  within: (section: number) => boolean,
): SearchWindow[] {
  const index = brief.qgrams();
  const quoteLength = anchor.exact.length;
  // Each seed with where its first character lies relative to the quote's start.
  const seeds: [string, number][] = [
    [anchor.prefix, -anchor.prefix.length],
    [anchor.exact, 0],
    [anchor.suffix, quoteLength],
  ];
  const runs = seeds.reduce((sum, [text]) => sum + Math.max(0, text.length - QGRAM_LENGTH + 1), 0);
  const stride = Math.max(2, Math.ceil(runs / MAX_LOOKUPS));
  let count = 0;
  for (const [text, offset] of seeds) {
    for (let at = 0; at + QGRAM_LENGTH <= text.length; at += stride) {
      if (count + MAX_POSITIONS > votes.length) break;
      const found = index.positionsInto(
        qgramHash(text, at),
        MAX_POSITIONS,
        -offset - at,
        votes,
        count,
      );
      if (found > 0) count += found;
    }
  }
  if (count === 0) return [];
  const diagonals = votes.subarray(0, count).sort();

  const gap = maxErrors + QGRAM_LENGTH;
  const places: { first: number; last: number; votes: number }[] = [];
  let place = { first: diagonals[0]!, last: diagonals[0]!, votes: 0 };
  for (const diagonal of diagonals) {
    if (diagonal - place.last > gap) {
      places.push(place);
      place = { first: diagonal, last: diagonal, votes: 0 };
    }
    place.last = diagonal;
    place.votes += 1;
  }
  places.push(place);
  // Places outside the sections asked for are dropped before the best are chosen, so that
  // repeated wording elsewhere cannot crowd out a weaker place in the section itself.
  const wanted = places.filter(
    ({ first, last }) =>
      within(brief.sectionAt(Math.max(0, first))) ||
      within(brief.sectionAt(Math.max(0, Math.min(brief.length - 1, last + quoteLength - 1)))),
  );
  wanted.sort((a, b) => b.votes - a.votes);

  const windows: SearchWindow[] = [];
  for (const { first, last } of wanted.slice(0, MAX_PLACES)) {
    const start = Math.max(0, first - maxErrors);
    const end = Math.min(brief.length, last + quoteLength + maxErrors);
    // A window may straddle sections; a quote never does, so each part is searched apart.
    for (let section = brief.sectionAt(start); section < brief.sections.length; section += 1) {
      const offset = brief.offsets[section]!;
      if (offset >= end) break;
      const length = brief.sections[section]!.text.length;
      if (!within(section) || length === 0) continue;
      windows.push({
        section,
        start: Math.max(0, start - offset),
        end: Math.min(length, end - offset),
      });
    }
  }
  return windows;
}
