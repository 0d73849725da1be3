import type { KeyboardEvent } from 'react';

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab inside a dialog: from its last control Tab goes to the first, and
 * Shift+Tab from the first to the last. A modal <dialog> alone lets focus out to the browser.
 */
export function wrapTabFocus(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
  const stops = tabStops(event.currentTarget);
  const first = stops[0];
  const last = stops.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey && active === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

function tabStops(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => {
    if (element.tabIndex < 0 || !element.checkVisibility()) return false;
    // Of a group of radio buttons only the chosen one (or the first, if none is) takes Tab.
    if (element instanceof HTMLInputElement && element.type === 'radio' && element.name) {
      const group = [
        ...container.querySelectorAll<HTMLInputElement>(
          `input[type="radio"][name="${CSS.escape(element.name)}"]`,
        ),
      ];
      const chosen = group.find((radio) => radio.checked) ?? group[0];
      return chosen === element;
    }
    return true;
  });
}
