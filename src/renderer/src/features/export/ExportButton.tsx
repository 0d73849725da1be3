import { useState } from 'react';
import { api } from '../../api/api';
import { Icon } from '../../components/Icon';
import { saveTextFile } from './saveTextFile';

interface ExportButtonProps {
  briefId: string;
  /** Called before exporting so that notes still being typed are in the export. */
  beforeExport: () => Promise<void>;
  onError: (message: string | null) => void;
}

/** Exports the brief's notes as Markdown and downloads the file. */
export function ExportButton({ briefId, beforeExport, onError }: ExportButtonProps) {
  const [busy, setBusy] = useState(false);

  const exportMarkdown = async () => {
    if (busy) return;
    setBusy(true);
    onError(null);
    try {
      await beforeExport();
      const result = await api['export.markdown']({ briefId });
      if (result.ok)
        saveTextFile(result.value.fileName, result.value.markdown, 'text/markdown;charset=utf-8');
      else onError(result.error.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <button
      type="button"
      className="button"
      onClick={() => void exportMarkdown()}
      aria-disabled={busy}
      title="Export your notes on this brief as a Markdown file"
    >
      <Icon name="export" />
      <span>{busy ? 'Exporting…' : 'Export'}</span>
    </button>
  );
}
