export interface Caret {
  node: Node;
  offset: number;
}

/** The text position under a point of the viewport, from whichever API this engine has. */
export function caretAtPoint(x: number, y: number): Caret | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  // Older Chromium (and so older Electron) has only the WebKit form.
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
