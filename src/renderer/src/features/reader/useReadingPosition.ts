import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { ReadingPosition } from '../../../../shared/reader/readingPosition';
import { api } from '../../api/api';
import { readingPositionIn, scrollToReadingPosition } from './readingPositionIn';

// Long enough that a scroll gesture is one save, short enough that a crash loses little.
const SAVE_DELAY_MS = 500;

/**
 * Restores the reader to where it was in this brief, then saves the position as the reader
 * scrolls (debounced) and when the brief is closed or the window hidden.
 * `saved` is the position loaded with the brief; `undefined` while the brief is loading.
 */
export function useReadingPosition(
  root: RefObject<HTMLElement | null>,
  briefId: string,
  saved: ReadingPosition | null | undefined,
): void {
  const lastSaved = useRef<ReadingPosition | null>(null);
  const restoredFor = useRef<string | null>(null);

  useLayoutEffect(() => {
    const rootElement = root.current;
    if (!rootElement || saved === undefined || restoredFor.current === briefId) return;
    restoredFor.current = briefId;
    lastSaved.current = saved;
    if (saved) scrollToReadingPosition(rootElement, saved);
  }, [root, briefId, saved]);

  // A layout effect, so its cleanup runs while the document is still attached and measurable.
  useLayoutEffect(() => {
    const rootElement = root.current;
    if (!rootElement || saved === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      clearTimeout(timer);
      timer = undefined;
      // Once the reader is unmounted its geometry reads as zero: keep the last saved position.
      if (!rootElement.isConnected) return;
      const position = readingPositionIn(rootElement);
      const previous = lastSaved.current;
      if (
        !position ||
        (previous?.sectionId === position.sectionId && previous.offset === position.offset)
      ) {
        return;
      }
      lastSaved.current = position;
      // A lost position is a small annoyance, not worth interrupting reading for.
      void api['reading.savePosition']({ briefId, position });
    };
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    };
    const onHide = () => {
      if (timer !== undefined) save();
    };
    rootElement.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      onHide();
      rootElement.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [root, briefId, saved]);
}
