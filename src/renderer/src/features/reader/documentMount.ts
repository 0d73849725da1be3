import { sectionDomId } from './domIds';

/** Mounts, synchronously, whatever the element with this DOM id needs; see BriefDocument. */
type EnsureRendered = (elementId: string) => void;

// One document is open at a time; it registers itself while mounted.
let current: EnsureRendered | null = null;

/** BriefDocument registers here; returns the unregistering function. */
export function registerDocumentMount(ensure: EnsureRendered): () => void {
  current = ensure;
  return () => {
    if (current === ensure) current = null;
  };
}

/**
 * Makes sure the element with this DOM id (a section, a section heading, a footnote or a
 * footnote reference) is in the DOM before the caller scrolls to it. A long brief mounts its
 * sections over a few frames after opening; a jump cannot wait for that.
 */
export function ensureElementRendered(elementId: string): void {
  if (document.getElementById(elementId)) return;
  current?.(elementId);
}

/** Makes sure a section is in the DOM, e.g. before scrolling to a saved reading position. */
export function ensureSectionRendered(sectionId: string): void {
  ensureElementRendered(sectionDomId(sectionId));
}
