import { useEffect } from 'react';

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target.closest('input, textarea, select, [contenteditable]') !== null)
  );
}

/** +1 for "next section", -1 for "previous", 0 for any other key. */
function sectionStep(event: KeyboardEvent): number {
  if (event.ctrlKey || event.metaKey) return 0;
  if (event.altKey && !event.shiftKey) {
    if (event.key === 'ArrowDown') return 1;
    if (event.key === 'ArrowUp') return -1;
    return 0;
  }
  if (event.altKey) return 0;
  if (event.key === ']') return 1;
  if (event.key === '[') return -1;
  return 0;
}

/**
 * `]` / `[` and Alt+ArrowDown / Alt+ArrowUp move to the next and previous section, except
 * while typing (in the notes editor, a field, or the find bar).
 */
export function useSectionKeys(
  sectionIds: readonly string[],
  currentSectionId: string | null,
  jump: (sectionId: string) => void,
): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const step = sectionStep(event);
      if (step === 0 || event.defaultPrevented) return;
      if (isEditable(event.target) || sectionIds.length === 0) return;
      event.preventDefault();
      const index = currentSectionId === null ? -1 : sectionIds.indexOf(currentSectionId);
      const target = sectionIds[Math.min(sectionIds.length - 1, Math.max(0, index + step))];
      if (target) jump(target);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [sectionIds, currentSectionId, jump]);
}
