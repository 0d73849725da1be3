import { CONTEXT_LENGTH, MAX_QUOTE_LENGTH, type TextAnchor } from '../highlights';
import { sectionTextHash } from './sectionTextHash';
import { splitsCharacter } from './splitsCharacter';

/**
 * The anchor of the passage `start`..`end` of a section's plain text: the passage itself, up to
 * CONTEXT_LENGTH characters either side of it, its offsets and the text's hash. The range is
 * taken as given (nothing trimmed); a range that is empty, out of the text, longer than
 * MAX_QUOTE_LENGTH or splits a character is a caller's mistake and throws.
 *
 * `textHash` may be passed when the caller has already hashed this very text (re-anchoring many
 * highlights in one section), to avoid hashing it again for each one.
 */
export function createTextAnchor(
  sectionId: string,
  sectionText: string,
  start: number,
  end: number,
  textHash?: string,
): TextAnchor {
  if (sectionId === '') throw new Error('A text anchor needs a section id.');
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new Error(`A text anchor's offsets must be whole numbers (got ${start}..${end}).`);
  }
  if (start < 0 || end > sectionText.length || start >= end) {
    throw new Error(
      `A text anchor must cover at least one character within the section's ${sectionText.length} characters (got ${start}..${end}).`,
    );
  }
  if (end - start > MAX_QUOTE_LENGTH) {
    throw new Error(
      `A highlight can quote at most ${MAX_QUOTE_LENGTH} characters (got ${end - start}).`,
    );
  }
  if (splitsCharacter(sectionText, start) || splitsCharacter(sectionText, end)) {
    throw new Error(`A text anchor must not split a character in two (got ${start}..${end}).`);
  }
  // The context is shortened by one code unit rather than cut through a character: a lone
  // surrogate would not survive being stored as UTF-8.
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsCharacter(sectionText, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(sectionText.length, end + CONTEXT_LENGTH);
  if (splitsCharacter(sectionText, suffixEnd)) suffixEnd -= 1;
  return {
    sectionId,
    start,
    end,
    exact: sectionText.slice(start, end),
    prefix: sectionText.slice(prefixStart, start),
    suffix: sectionText.slice(end, suffixEnd),
    textHash: textHash ?? sectionTextHash(sectionText),
  };
}
