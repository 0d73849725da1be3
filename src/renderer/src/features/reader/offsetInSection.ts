import { sectionRuns } from './sectionRuns';

const RUN = '[data-o]';

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

/**
 * Where the DOM position (node, offset) inside `section` falls in the section's text. Inside a
 * text run it is exact; anywhere else — the heading, between blocks, a footnote's back link —
 * it is the start of the next run, or the end of the last run when none follows.
 */
export function offsetInSection(section: Element, node: Node, offset: number): number {
  const run = elementOf(node)?.closest(RUN);
  if (run && section.contains(run)) {
    const before = section.ownerDocument.createRange();
    before.setStart(run, 0);
    before.setEnd(node, offset);
    return Number(run.getAttribute('data-o')) + before.toString().length;
  }
  const { elements, starts, ends } = sectionRuns(section);
  const point = section.ownerDocument.createRange();
  point.setStart(node, offset);
  // The first run that starts at or after the point: runs are in document order.
  let low = 0;
  let high = elements.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (point.comparePoint(elements[middle] as Element, 0) >= 0) high = middle;
    else low = middle + 1;
  }
  if (low < elements.length) return starts[low] as number;
  return ends[ends.length - 1] ?? 0;
}
