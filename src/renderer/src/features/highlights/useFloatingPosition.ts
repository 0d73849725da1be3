import { type RefObject, useLayoutEffect } from 'react';
import { type Box, floatingPosition } from './floatingPosition';

/**
 * Keeps a `position: fixed` element over its anchor inside the document pane, also while the
 * pane scrolls or the window resizes. Writes the element's style directly, once a frame at
 * most, so following the scroll never re-renders React. Hidden while its anchor is out of view.
 */
export function useFloatingPosition(
  floatingRef: RefObject<HTMLElement | null>,
  paneRef: RefObject<HTMLElement | null>,
  anchor: (() => Box | null) | null,
  gap?: number,
): void {
  useLayoutEffect(() => {
    const floating = floatingRef.current;
    const pane = paneRef.current;
    if (!floating || !pane || !anchor) return;
    const place = () => {
      const box = anchor();
      if (!box) {
        floating.style.visibility = 'hidden';
        return;
      }
      const position = floatingPosition(
        box,
        { width: floating.offsetWidth, height: floating.offsetHeight },
        pane.getBoundingClientRect(),
        gap,
      );
      floating.style.top = `${Math.round(position.top)}px`;
      floating.style.left = `${Math.round(position.left)}px`;
      floating.style.visibility = position.anchorVisible ? '' : 'hidden';
      floating.dataset.placement = position.placement;
    };
    place();
    let frame = 0;
    const placeSoon = () => {
      if (!frame) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          place();
        });
      }
    };
    pane.addEventListener('scroll', placeSoon, { passive: true });
    window.addEventListener('resize', placeSoon);
    // The element's own size changes with its content (a comment growing, "Saved" appearing).
    const resize = new ResizeObserver(placeSoon);
    resize.observe(floating);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      pane.removeEventListener('scroll', placeSoon);
      window.removeEventListener('resize', placeSoon);
      resize.disconnect();
    };
  }, [floatingRef, paneRef, anchor, gap]);
}
