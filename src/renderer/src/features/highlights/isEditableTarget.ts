/** Whether keys typed here are text: a field, the note editor or anything contenteditable. */
export function isEditableTarget(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    ((target instanceof HTMLElement && target.isContentEditable) ||
      target.closest(
        'input, textarea, select, [contenteditable]:not([contenteditable="false"])',
      ) !== null)
  );
}
