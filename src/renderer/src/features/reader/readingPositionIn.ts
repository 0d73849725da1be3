import type { ReadingPosition } from '../../../../shared/reader/readingPosition';

/** A section element's top, in the scrolling root's content coordinates. */
export function contentTopOf(root: HTMLElement, element: HTMLElement): number {
  return element.getBoundingClientRect().top - root.getBoundingClientRect().top + root.scrollTop;
}

/**
 * The section at the top edge of the scrolling root and how far into it the edge is.
 * Sections are siblings in document order, so the search stops at the first one below the edge.
 */
export function readingPositionIn(root: HTMLElement): ReadingPosition | null {
  const sections = root.querySelectorAll<HTMLElement>('[data-section-id]');
  const rootTop = root.getBoundingClientRect().top;
  let found: { element: HTMLElement; top: number } | null = null;
  for (const element of sections) {
    const top = element.getBoundingClientRect().top - rootTop;
    if (top > 1 && found) break;
    found = { element, top };
  }
  if (!found?.element.dataset.sectionId) return null;
  const height = found.element.getBoundingClientRect().height;
  const offset = height > 0 ? Math.min(1, Math.max(0, -found.top / height)) : 0;
  return { sectionId: found.element.dataset.sectionId, offset: Math.round(offset * 1e4) / 1e4 };
}

/** Scrolls the root so that the saved position is at its top edge; false if the section is gone. */
export function scrollToReadingPosition(root: HTMLElement, position: ReadingPosition): boolean {
  const section = root.querySelector<HTMLElement>(
    `[data-section-id="${CSS.escape(position.sectionId)}"]`,
  );
  if (!section) return false;
  const height = section.getBoundingClientRect().height;
  root.scrollTop = contentTopOf(root, section) + position.offset * height;
  return true;
}
