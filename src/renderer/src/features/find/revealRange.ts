function scrollsSideways(element: Element): boolean {
  if (element.scrollWidth <= element.clientWidth + 1) return false;
  const overflow = getComputedStyle(element).overflowX;
  return overflow === 'auto' || overflow === 'scroll';
}

/**
 * Scrolls `range` to the middle of `scroller` unless it is already in view below `obscuredTop`
 * pixels (the find bar); a wide table that scrolls sideways is scrolled to the match too.
 */
export function revealRange(range: Range, scroller: HTMLElement, obscuredTop: number): void {
  for (
    let element = range.startContainer.parentElement;
    element && element !== scroller;
    element = element.parentElement
  ) {
    if (!scrollsSideways(element)) continue;
    const rect = range.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    if (rect.left < box.left || rect.right > box.left + element.clientWidth) {
      element.scrollLeft += rect.left + rect.width / 2 - (box.left + element.clientWidth / 2);
    }
  }
  const rect = range.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return;
  const box = scroller.getBoundingClientRect();
  const visibleTop = box.top + scroller.clientTop + obscuredTop;
  const visibleBottom = box.top + scroller.clientTop + scroller.clientHeight;
  if (rect.top >= visibleTop && rect.bottom <= visibleBottom) return;
  scroller.scrollTop +=
    rect.top + rect.height / 2 - (box.top + scroller.clientTop + scroller.clientHeight / 2);
}
