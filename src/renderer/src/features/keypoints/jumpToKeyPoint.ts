import type { KeyPoint } from '../../../../shared/reader/extractKeyPoints';
import { ensureSectionRendered } from '../reader/documentMount';

const FLASH_CLASS = 'keypoint-flash';
// As long as the flash animation in keypoints.css; the class is also the reduced-motion highlight.
const FLASH_MS = 1600;

/** The list item `itemPath` leads to inside a list block: item, block in it, item, … */
function elementAtPath(block: Element, itemPath: readonly number[]): Element | null {
  let element: Element | null = block;
  for (let step = 0; step < itemPath.length && element; step += 1) {
    // Even steps pick an item of a list, odd steps a block (e.g. a nested list) of an item.
    element = element.children.item(itemPath[step] as number);
    if (step % 2 === 0 && element?.tagName !== 'LI') return null;
  }
  return element;
}

// A paragraph taller than this share of the reader is shown from its top, where the statement
// starts, rather than centred with its opening scrolled out of view.
const TALL_SHARE = 0.6;
const TOP_GAP_PX = 24;

function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent);
    if (
      (overflowY === 'auto' || overflowY === 'scroll') &&
      parent.scrollHeight > parent.clientHeight
    )
      return parent;
  }
  return null;
}

function scrollToStatement(target: HTMLElement): void {
  const scroller = scrollParent(target);
  const box = target.getBoundingClientRect();
  if (scroller && box.height > scroller.clientHeight * TALL_SHARE) {
    scroller.scrollTop += box.top - scroller.getBoundingClientRect().top - TOP_GAP_PX;
  } else {
    target.scrollIntoView({ block: 'center', behavior: 'auto' });
  }
}

function flash(target: HTMLElement): void {
  target.classList.remove(FLASH_CLASS);
  // Restarts the animation when the same statement is picked twice in a row.
  void target.offsetWidth;
  target.classList.add(FLASH_CLASS);
  window.setTimeout(() => target.classList.remove(FLASH_CLASS), FLASH_MS);
}

/**
 * Scrolls a key point's paragraph or list item to the middle of the reader, flashes it and
 * moves focus to it, so that Tab goes on from the statement. Returns false when it is not there.
 */
export function jumpToKeyPoint(
  sectionId: string,
  point: Pick<KeyPoint, 'blockIndex' | 'itemPath'>,
): boolean {
  ensureSectionRendered(sectionId);
  const block = document.querySelector(
    `section[data-section-id="${CSS.escape(sectionId)}"] > [data-block="${point.blockIndex}"]`,
  );
  if (!(block instanceof HTMLElement)) return false;
  const item = elementAtPath(block, point.itemPath);
  const target = item instanceof HTMLElement ? item : block;
  scrollToStatement(target);
  if (!target.hasAttribute('tabindex')) {
    // Focusable only for this visit, so the text does not gain tab stops.
    target.setAttribute('tabindex', '-1');
    target.addEventListener('blur', () => target.removeAttribute('tabindex'), { once: true });
  }
  target.focus({ preventScroll: true });
  flash(target);
  return true;
}
