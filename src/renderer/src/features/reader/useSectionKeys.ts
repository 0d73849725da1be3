import { useEffect } from 'react';

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target.closest('input, textarea, select, [contenteditable]') !== null)
  );
}

/**
 * Alt+ArrowDown and Alt+ArrowUp move to the next and previous section, except while typing.
 */
export function useSectionKeys(
  sectionIds: readonly string[],
  currentSectionId: string | null,
  jump: (sectionId: string) => void,
): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      if (isEditable(event.target) || sectionIds.length === 0) return;
      event.preventDefault();
      const index = currentSectionId === null ? -1 : sectionIds.indexOf(currentSectionId);
      const next = event.key === 'ArrowDown' ? index + 1 : index - 1;
      const target = sectionIds[Math.min(sectionIds.length - 1, Math.max(0, next))];
      if (target) jump(target);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [sectionIds, currentSectionId, jump]);
}
