import { type KeyboardEvent, type RefObject, useCallback } from 'react';
import type { HighlightRole } from '../../../../shared/highlights';
import type { Box } from './floatingPosition';
import { RoleSwatches } from './RoleSwatches';
import { HIGHLIGHT_SHORTCUT_LABEL } from './shortcutLabels';
import { useFloatingPosition } from './useFloatingPosition';

interface SelectionToolbarProps {
  toolbarRef: RefObject<HTMLDivElement | null>;
  paneRef: RefObject<HTMLElement | null>;
  /** Where the selection is on screen now. */
  anchor: () => Box | null;
  lastRole: HighlightRole;
  onHighlight: (role: HighlightRole) => void;
  onComment: () => void;
  /** Escape: the toolbar goes until the selection changes, the selection stays. */
  onDismiss: () => void;
}

/**
 * The small bar over a selection in the document: a button per colour and "Comment". Pressing a
 * button never takes the selection away (mouse down is cancelled); Tab reaches it from the text.
 */
export function SelectionToolbar({
  toolbarRef,
  paneRef,
  anchor,
  lastRole,
  onHighlight,
  onComment,
  onDismiss,
}: SelectionToolbarProps) {
  useFloatingPosition(toolbarRef, paneRef, anchor);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        onDismiss();
        return;
      }
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      // Arrow keys move along the bar, as in any toolbar.
      const buttons = [...(toolbarRef.current?.querySelectorAll('button') ?? [])];
      const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
      if (index < 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowRight' ? 1 : -1;
      buttons[(index + step + buttons.length) % buttons.length]?.focus();
    },
    [onDismiss, toolbarRef],
  );

  return (
    <div
      ref={toolbarRef}
      className="hl-toolbar"
      role="toolbar"
      aria-label="Highlight the selection"
      data-testid="selection-toolbar"
      onMouseDown={(event) => event.preventDefault()}
      onKeyDown={onKeyDown}
    >
      <RoleSwatches
        lastUsed={lastRole}
        hint={(role) => (role === lastRole ? `H or ${HIGHLIGHT_SHORTCUT_LABEL}` : undefined)}
        onChoose={onHighlight}
      />
      <span className="hl-toolbar-divider" aria-hidden="true" />
      <button
        type="button"
        className="hl-toolbar-comment"
        title="Highlight with the last colour and add a comment"
        onClick={onComment}
      >
        Comment
      </button>
    </div>
  );
}
