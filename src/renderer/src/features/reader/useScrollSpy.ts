import { useEffect, useRef, useState, type RefObject } from 'react';

// The section being read is the last one whose top has passed this share of the viewport.
const READING_LINE = 0.25;
// Scrolling less than this after a jump keeps the jumped-to section current.
const JUMP_TOLERANCE_PX = 4;

function sectionAtReadingLine(root: HTMLElement, elements: HTMLElement[]): string | null {
  const rootBox = root.getBoundingClientRect();
  const line = rootBox.top + rootBox.height * READING_LINE;
  let current: string | null = null;
  for (const element of elements) {
    if (element.getBoundingClientRect().top > line) break;
    current = element.dataset.sectionId ?? current;
  }
  return current ?? elements[0]?.dataset.sectionId ?? null;
}

export interface ScrollSpy {
  /** The section being read. */
  currentSectionId: string | null;
  /**
   * Call right after jumping to a section: it stays current until the reader scrolls on, even
   * when it is too short to reach the reading line (a part heading with no text of its own).
   */
  markJump: (sectionId: string) => void;
}

/**
 * Follows which `[data-section-id]` element inside the scrolling `root` is being read.
 * An IntersectionObserver watching the band above the reading line fires exactly when a
 * section crosses it, so the position is recomputed only then, not on every scroll event.
 */
export function useScrollSpy(root: RefObject<HTMLElement | null>, contentKey: string): ScrollSpy {
  const [current, setCurrent] = useState<string | null>(null);
  const jumpRef = useRef<{ sectionId: string; scrollTop: number } | null>(null);

  useEffect(() => {
    const rootElement = root.current;
    if (!rootElement) return;
    let elements: HTMLElement[] = [];
    const update = () => {
      const jump = jumpRef.current;
      if (jump && Math.abs(rootElement.scrollTop - jump.scrollTop) < JUMP_TOLERANCE_PX) {
        setCurrent(jump.sectionId);
        return;
      }
      jumpRef.current = null;
      setCurrent(sectionAtReadingLine(rootElement, elements));
    };
    const bottomMargin = `-${Math.round((1 - READING_LINE) * 100)}%`;
    const observer = new IntersectionObserver(update, {
      root: rootElement,
      rootMargin: `0px 0px ${bottomMargin} 0px`,
      threshold: 0,
    });
    // A long brief mounts its sections over several frames (BriefDocument), so sections are
    // collected again whenever some are added. Observing a new one reports it to `update`;
    // observing one already observed does nothing.
    const collect = () => {
      elements = Array.from(rootElement.querySelectorAll<HTMLElement>('[data-section-id]'));
      for (const element of elements) observer.observe(element);
    };
    const addsSections = (records: MutationRecord[]) =>
      records.some((record) =>
        Array.from(record.addedNodes).some(
          (node) => node instanceof HTMLElement && node.dataset.sectionId !== undefined,
        ),
      );
    const mounting = new MutationObserver((records) => {
      if (addsSections(records)) collect();
    });
    mounting.observe(rootElement, { childList: true, subtree: true });
    // Crossings alone miss the reader scrolling away from a jump inside one section.
    const onScroll = () => {
      if (jumpRef.current) update();
    };
    rootElement.addEventListener('scroll', onScroll, { passive: true });
    collect();
    update();
    return () => {
      observer.disconnect();
      mounting.disconnect();
      rootElement.removeEventListener('scroll', onScroll);
    };
  }, [root, contentKey]);

  const markJump = (sectionId: string) => {
    const rootElement = root.current;
    if (!rootElement) return;
    jumpRef.current = { sectionId, scrollTop: rootElement.scrollTop };
    setCurrent(sectionId);
  };

  return { currentSectionId: current, markJump };
}
