import { useState } from 'react';
import { api } from '../../api/api';
import { Icon } from '../../components/Icon';
import { copyToClipboard } from './copyToClipboard';
import { useFlashStatus } from './useFlashStatus';

interface CopySectionMarkdownButtonProps {
  briefId: string;
  /** The section whose highlights and note are copied; `null` for the note on the whole brief. */
  sectionId: string | null;
  /** Saves the note being typed first, so that the copy has it. */
  beforeCopy: () => Promise<void>;
  /** Says what went wrong, or clears it (null). */
  onError: (message: string | null) => void;
}

/** Copies one section's highlights and note (or the brief note) to the clipboard as Markdown. */
export function CopySectionMarkdownButton({
  briefId,
  sectionId,
  beforeCopy,
  onError,
}: CopySectionMarkdownButtonProps) {
  const [busy, setBusy] = useState(false);
  const [status, flash] = useFlashStatus();
  const what = sectionId === null ? 'the brief note' : "this section's highlights and note";

  const copy = async () => {
    if (busy) return;
    setBusy(true);
    onError(null);
    flash(null);
    try {
      await beforeCopy();
      const result = await api['export.section']({ briefId, sectionId });
      const problem = result.ok
        ? await copyToClipboard(result.value.markdown)
        : `Nothing was copied: ${result.error.message}`;
      if (problem) onError(problem);
      else flash('Copied');
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="copy-markdown">
      <span className="copy-markdown-status" role="status">
        {status}
      </span>
      <button
        type="button"
        className="tool-button"
        aria-label="Copy as Markdown"
        aria-disabled={busy}
        title={`Copy ${what} as Markdown`}
        onClick={() => void copy()}
      >
        <Icon name="copy" />
      </button>
    </span>
  );
}
