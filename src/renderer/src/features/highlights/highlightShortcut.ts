export interface ShortcutKey {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The letter pressed, also on a keyboard whose layout types another script. */
function letterOf(event: ShortcutKey): string {
  const key = event.key.toLowerCase();
  if (/^[a-z]$/.test(key)) return key;
  return /^Key[A-Z]$/.test(event.code) ? event.code.slice(3).toLowerCase() : key;
}

/**
 * Which highlight key this is: Ctrl+Shift+H (Cmd+Shift+H on a Mac) works while anything but a
 * text field has focus; a plain `h` only while reading (`plainAllowed`), never while typing.
 */
export function highlightShortcut(
  event: ShortcutKey,
  isMac: boolean,
  plainAllowed: boolean,
): boolean {
  if (event.altKey || letterOf(event) !== 'h') return false;
  const command = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (command) return event.shiftKey;
  return plainAllowed && !event.ctrlKey && !event.metaKey && !event.shiftKey;
}

/** Ctrl+Z (Cmd+Z on a Mac) without Shift: undo. */
export function isUndoShortcut(event: ShortcutKey, isMac: boolean): boolean {
  const command = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return command && !event.shiftKey && !event.altKey && letterOf(event) === 'z';
}
