import { type RefObject, useEffect, useRef } from 'react';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);

export interface FindShortcutHandlers {
  /** Ctrl+F (Cmd+F on a Mac). */
  open: () => void;
  /** F3, Ctrl+G (Cmd+G); with Shift, -1. */
  step: (direction: 1 | -1) => void;
  /** Escape pressed while reading the document. */
  close: () => void;
}

function isCommand(event: KeyboardEvent): boolean {
  // Ctrl+F on a Mac moves the caret in text fields, so only Cmd opens find there.
  return IS_MAC ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
}

/** The letter pressed, also on a keyboard whose layout types another script (Ctrl+А). */
function letterOf(event: KeyboardEvent): string {
  const key = event.key.toLowerCase();
  if (/^[a-z]$/.test(key)) return key;
  return /^Key[A-Z]$/.test(event.code) ? event.code.slice(3).toLowerCase() : key;
}

/**
 * The reader's find keys, caught before anything inside the page (the note editor included)
 * and before the browser's own find, which cannot see past the document's scrolling pane.
 */
export function useFindShortcuts(
  documentRef: RefObject<HTMLElement | null>,
  open: boolean,
  handlers: FindShortcutHandlers,
): void {
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      // A modal dialog has the keyboard to itself.
      if (target?.closest('dialog')) return;
      const letter = letterOf(event);
      if (isCommand(event) && !event.altKey && !event.shiftKey && letter === 'f') {
        event.preventDefault();
        handlersRef.current.open();
      } else if (
        (event.key === 'F3' && !event.ctrlKey && !event.metaKey && !event.altKey) ||
        (isCommand(event) && !event.altKey && letter === 'g')
      ) {
        event.preventDefault();
        handlersRef.current.step(event.shiftKey ? -1 : 1);
      } else if (
        event.key === 'Escape' &&
        open &&
        target !== null &&
        documentRef.current?.contains(target)
      ) {
        handlersRef.current.close();
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [documentRef, open]);
}
