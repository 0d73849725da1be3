import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { SectionRange } from '../../../../shared/highlights';
import { selectionToSectionRanges } from '../reader/selectionToSectionRanges';

/** A selection of the brief's text, and the stretches of section text it covers. */
export interface DocumentSelection {
  /** A copy of the selection's range, clipped to the document. */
  range: Range;
  sectionRanges: SectionRange[];
  /** Tells one selection from another, so an unchanged one is not reported again. */
  key: string;
}

/** The current selection, when some of it is text of the brief in this pane. */
export function readDocumentSelection(pane: HTMLElement): DocumentSelection | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const article = pane.querySelector('article');
  if (!article) return null;
  const range = selection.getRangeAt(0).cloneRange();
  const startsInside = article.contains(range.startContainer);
  const endsInside = article.contains(range.endContainer);
  if (!startsInside && !endsInside) return null;
  // A drag that ran out of the document keeps the part inside it.
  if (!startsInside) range.setStart(article, 0);
  if (!endsInside) range.setEnd(article, article.childNodes.length);
  const sectionRanges = selectionToSectionRanges(range).filter((part) => part.end > part.start);
  if (sectionRanges.length === 0) return null;
  const key = sectionRanges.map((part) => `${part.sectionId}:${part.start}-${part.end}`).join(' ');
  return { range, sectionRanges, key };
}

export interface DocumentSelectionState {
  /** The selection the toolbar is for; null while there is none or it was dismissed. */
  selection: DocumentSelection | null;
  /** Hides the toolbar for this selection (Escape); a new selection brings it back. */
  dismiss: () => void;
}

/**
 * Follows the reader's selection in the document: reported once a mouse drag ends (not on
 * every move of it), or as the keyboard extends it, and at most once a frame.
 */
export function useDocumentSelection(
  paneRef: RefObject<HTMLElement | null>,
): DocumentSelectionState {
  const [selection, setSelection] = useState<DocumentSelection | null>(null);
  const dismissedKey = useRef<string | null>(null);
  const currentKey = useRef<string | null>(null);

  useEffect(() => {
    const pane = paneRef.current;
    if (!pane) return;
    let dragging = false;
    let frame = 0;
    const read = () => {
      frame = 0;
      const next = readDocumentSelection(pane);
      if (!next || next.key !== dismissedKey.current) dismissedKey.current = null;
      const shown = next && next.key !== dismissedKey.current ? next : null;
      if ((shown?.key ?? null) === currentKey.current) return;
      currentKey.current = shown?.key ?? null;
      setSelection(shown);
    };
    const readSoon = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.button !== 0) return;
      dragging = true;
      currentKey.current = null;
      setSelection(null);
    };
    const onPointerUp = () => {
      if (!dragging) return;
      dragging = false;
      readSoon();
    };
    const onSelectionChange = () => {
      if (!dragging) readSoon();
    };
    pane.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('pointerup', onPointerUp);
    window.addEventListener('pointercancel', onPointerUp);
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      pane.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('pointerup', onPointerUp);
      window.removeEventListener('pointercancel', onPointerUp);
      document.removeEventListener('selectionchange', onSelectionChange);
    };
  }, [paneRef]);

  const dismiss = useCallback(() => {
    dismissedKey.current = currentKey.current;
    currentKey.current = null;
    setSelection(null);
  }, []);

  return { selection, dismiss };
}
