import { useEffect, useRef, type ComponentProps } from 'react';
import { Icon } from '../../components/Icon';
import { ChangesPanel } from './ChangesPanel';

interface ChangesColumnProps extends ComponentProps<typeof ChangesPanel> {
  onClose: () => void;
}

/**
 * The review of a new edition, shown in the notes' column while it is open: that column is
 * wide enough to read a highlight's old context beside the document, and the sidebar keeps its
 * three tabs. Escape or the close button hands the column back to the notes.
 */
export function ChangesColumn({ onClose, ...panel }: ChangesColumnProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opened on request, so the keyboard goes with it.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <aside
      className="changes-column"
      aria-labelledby="changes-column-title"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onClose();
      }}
    >
      <div className="notes-header">
        <h2 className="panel-title" id="changes-column-title" ref={headingRef} tabIndex={-1}>
          Changes in this edition
        </h2>
        <button
          type="button"
          className="tool-button"
          aria-label="Close the changes and show the notes"
          title="Close (Esc)"
          onClick={onClose}
        >
          <Icon name="close" />
        </button>
      </div>
      <ChangesPanel {...panel} />
    </aside>
  );
}
