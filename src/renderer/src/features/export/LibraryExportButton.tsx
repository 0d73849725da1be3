import { useState } from 'react';
import type { BriefSummary } from '../../../../shared/model';
import { Icon } from '../../components/Icon';
import { LibraryExportDialog } from './LibraryExportDialog';

/** Opens the export of several briefs; focus comes back here when it closes. */
export function LibraryExportButton({ briefs }: { briefs: readonly BriefSummary[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button"
        aria-haspopup="dialog"
        title="Export the notes and highlights of several briefs as Markdown files"
        onClick={() => setOpen(true)}
      >
        <Icon name="export" />
        <span>Export…</span>
      </button>
      {open && <LibraryExportDialog briefs={briefs} onClose={() => setOpen(false)} />}
    </>
  );
}
