import { useEffect, useRef, useState } from 'react';
import { UNDO_SHORTCUT_LABEL } from './shortcutLabels';

/** How long a deletion can be undone from the toast: long enough to notice and react. */
export const UNDO_TOAST_MS = 8000;

interface UndoToastProps {
  message: string;
  onUndo: () => void;
  /** The toast's time is up; the deletion stays. */
  onExpire: () => void;
}

/**
 * "Highlight deleted — Undo" at the foot of the document. Its time stops while the pointer or
 * the keyboard is on it, so nobody loses the chance to undo while reaching for the button.
 */
export function UndoToast({ message, onUndo, onExpire }: UndoToastProps) {
  const [held, setHeld] = useState(false);
  const expireRef = useRef(onExpire);
  useEffect(() => {
    expireRef.current = onExpire;
  });

  useEffect(() => {
    if (held) return;
    const timer = window.setTimeout(() => expireRef.current(), UNDO_TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [held]);

  return (
    <div
      className="hl-toast"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span>{message}</span>
      <button
        type="button"
        className="button button-quiet hl-toast-undo"
        title={`Undo (${UNDO_SHORTCUT_LABEL})`}
        onClick={onUndo}
      >
        Undo
      </button>
    </div>
  );
}
