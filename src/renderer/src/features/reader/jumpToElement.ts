import { ensureElementRendered } from './documentMount';

/**
 * Scrolls an element of the reader into view and moves keyboard focus to it (or to `focusId`),
 * so that Tab continues from where the reader jumped. A part of a long brief not yet mounted is
 * mounted first.
 */
export function jumpToElement(
  elementId: string,
  options: { block?: ScrollLogicalPosition; focusId?: string } = {},
): void {
  ensureElementRendered(elementId);
  const target = document.getElementById(elementId);
  if (!target) return;
  target.scrollIntoView({ block: options.block ?? 'start', behavior: 'auto' });
  const focusTarget = (options.focusId && document.getElementById(options.focusId)) || target;
  focusTarget.focus({ preventScroll: true });
}
