import { runEndingAfter, runStartingBefore, sectionRuns } from './sectionRuns';

/**
 * The text node and offset in it for `offset` characters into `run`. A point on the border of
 * two text nodes goes into the next one for a range's start and the previous one for its end,
 * so the range holds no empty edges.
 */
function pointIn(run: Element, offset: number, edge: 'start' | 'end'): [Node, number] {
  const walker = run.ownerDocument.createTreeWalker(run, NodeFilter.SHOW_TEXT);
  let left = offset;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    if (edge === 'start' ? left < length : left <= length) return [node, left];
    left -= length;
    last = node;
  }
  return last ? [last, last.data.length] : [run, 0];
}

/**
 * The DOM range over `start`..`end` of a rendered section's text, to paint a highlight with the
 * CSS Custom Highlight API. Ends that fall between runs (on a separator) move inward to the
 * nearest run; null when no rendered text lies in between, such as blocks not mounted yet.
 */
export function domRangeFor(sectionElement: Element, start: number, end: number): Range | null {
  if (end <= start) return null;
  const runs = sectionRuns(sectionElement);
  const first = runEndingAfter(runs, start);
  const last = runStartingBefore(runs, end);
  if (first >= runs.elements.length || last < 0 || first > last) return null;
  const firstStart = runs.starts[first] as number;
  const lastStart = runs.starts[last] as number;
  const [startNode, startOffset] = pointIn(
    runs.elements[first] as Element,
    Math.max(start, firstStart) - firstStart,
    'start',
  );
  const [endNode, endOffset] = pointIn(
    runs.elements[last] as Element,
    Math.min(end, runs.ends[last] as number) - lastStart,
    'end',
  );
  const range = sectionElement.ownerDocument.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}
