import { rangeOf } from './rangeOf';

/**
 * The first match that is in view or below it, as a browser's find starts from where the reader
 * is; the first match when every match is above. Matches are in document order, so their
 * positions only grow and a binary search touches a handful of them.
 */
export function firstMatchInView(matches: readonly AbstractRange[], scroller: Element): number {
  const viewTop = scroller.getBoundingClientRect().top;
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const match = matches[middle];
    if (match && rangeOf(match).getBoundingClientRect().bottom > viewTop) high = middle;
    else low = middle + 1;
  }
  return low < matches.length ? low : 0;
}
