import type { FoldedText } from './FoldedTextBuilder';

/** Where one match lies in the source: from a segment offset to a segment offset (exclusive). */
export interface SourceSpan {
  startSegment: number;
  startOffset: number;
  endSegment: number;
  endOffset: number;
}

/**
 * Every match of an already folded query in a folded text, in order and not overlapping (as a
 * browser's find counts "aa" once in "aaa"). A query of only spaces matches nothing.
 */
export function findMatches(folded: FoldedText, foldedQuery: string): SourceSpan[] {
  const matches: SourceSpan[] = [];
  if (foldedQuery.trim().length === 0) return matches;
  for (
    let at = folded.text.indexOf(foldedQuery);
    at !== -1;
    at = folded.text.indexOf(foldedQuery, at + foldedQuery.length)
  ) {
    const last = at + foldedQuery.length - 1;
    matches.push({
      startSegment: folded.segment[at] ?? 0,
      startOffset: folded.start[at] ?? 0,
      endSegment: folded.segment[last] ?? 0,
      endOffset: folded.end[last] ?? 0,
    });
  }
  return matches;
}
