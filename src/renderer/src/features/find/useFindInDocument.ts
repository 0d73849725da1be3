import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { DocumentFinder, type FindState, NO_MATCHES } from './DocumentFinder';

export interface FindInDocument extends FindState {
  search: (query: string) => void;
  step: (direction: 1 | -1) => void;
  stop: () => void;
}

/**
 * Find in the element behind `documentRef` (the scrolling document). `obscuredTop` tells how
 * many pixels at its top the find bar covers, so a match under the bar counts as out of view.
 */
export function useFindInDocument(
  documentRef: RefObject<HTMLElement | null>,
  obscuredTop: () => number,
): FindInDocument {
  const [state, setState] = useState<FindState>(NO_MATCHES);
  const finderRef = useRef<DocumentFinder | null>(null);
  const obscuredTopRef = useRef(obscuredTop);
  useEffect(() => {
    obscuredTopRef.current = obscuredTop;
  });

  useEffect(() => {
    const root = documentRef.current;
    if (!root) return;
    const finder = new DocumentFinder(root, setState, () => obscuredTopRef.current());
    finderRef.current = finder;
    return () => {
      finderRef.current = null;
      finder.dispose();
    };
  }, [documentRef]);

  const search = useCallback((query: string) => finderRef.current?.search(query), []);
  const step = useCallback((direction: 1 | -1) => finderRef.current?.step(direction), []);
  const stop = useCallback(() => finderRef.current?.stop(), []);
  return { ...state, search, step, stop };
}
