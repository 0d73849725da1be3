import { useState } from 'react';
import { Icon } from '../../components/Icon';
import { ExportDialog } from './ExportDialog';

interface ExportButtonProps {
  briefId: string;
  /** Called before exporting so that notes still being typed are in the export. */
  beforeExport: () => Promise<void>;
}

/** Opens the export dialog for the brief; focus comes back here when it closes. */
export function ExportButton({ briefId, beforeExport }: ExportButtonProps) {
  const [open, setOpen] = useState(false);

  return (
    <>
      <button
        type="button"
        className="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        title="Export your notes and highlights on this brief as Markdown"
      >
        <Icon name="export" />
        <span>Export</span>
      </button>
      {open && (
        <ExportDialog
          briefId={briefId}
          beforeExport={beforeExport}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
