import type { TextAnchor } from '../../../../../shared/highlights';
import { ensureSectionRendered } from '../../reader/documentMount';
import { domRangeFor } from '../../reader/domRangeFor';
import { sectionDomId } from '../../reader/domIds';

const FLASH_CLASS = 'hl-review-flash';
// As long as the flash animation in highlight-review.css.
const FLASH_MS = 1600;
// Where the passage's first line goes, as a share of the pane's height: low enough for the
// popover to open above it, high enough to read on below it.
const PASSAGE_LINE = 0.4;
const TOP_GAP_PX = 24;

/** The blocks (or list items) that hold a passage: the smallest one, else every block it touches. */
function blocksOf(range: Range, sectionElement: Element): Element[] {
  const common = range.commonAncestorContainer;
  const holder = (common instanceof Element ? common : common.parentElement)?.closest(
    'li, [data-block]',
  );
  if (holder && sectionElement.contains(holder)) return [holder];
  return [...sectionElement.querySelectorAll(':scope > [data-block]')].filter((block) =>
    range.intersectsNode(block),
  );
}

function flash(elements: readonly Element[]): void {
  for (const element of elements) {
    element.classList.remove(FLASH_CLASS);
    // Restarts the animation when the same passage is picked twice in a row.
    void (element as HTMLElement).offsetWidth;
    element.classList.add(FLASH_CLASS);
    window.setTimeout(() => element.classList.remove(FLASH_CLASS), FLASH_MS);
  }
}

/**
 * Scrolls the document pane to a highlighted passage, mounting its section first in a long
 * brief, and flashes the text around it. The passage's first line lands a little above the
 * middle of the pane. Returns the passage's range, or null when its text is not in the brief.
 * `nextSectionId`: the section after the passage's, mounted too so that a section mounted only
 * in part (BriefDocument mounts long briefs a few blocks at a time) is mounted whole.
 */
export function revealPassage(
  pane: HTMLElement,
  anchor: Pick<TextAnchor, 'sectionId' | 'start' | 'end'>,
  nextSectionId: string | null,
): Range | null {
  ensureSectionRendered(anchor.sectionId);
  if (nextSectionId) ensureSectionRendered(nextSectionId);
  const sectionElement = document.getElementById(sectionDomId(anchor.sectionId));
  if (!sectionElement || !pane.contains(sectionElement)) return null;
  const range = domRangeFor(sectionElement, anchor.start, anchor.end);
  if (!range || range.collapsed) return null;

  const view = pane.getBoundingClientRect();
  const box = range.getBoundingClientRect();
  const line = Math.max(
    TOP_GAP_PX,
    Math.min(view.height * PASSAGE_LINE, view.height - box.height - TOP_GAP_PX),
  );
  pane.scrollTop += box.top - (view.top + line);
  flash(blocksOf(range, sectionElement));
  return range;
}
