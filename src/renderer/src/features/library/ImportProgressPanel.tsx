import type { ImportStatus } from './importFiles';

interface ImportProgressPanelProps {
  status: ImportStatus;
  onCancel: () => void;
}

/** What an import is doing right now, with a way out: "Reading report.pdf: page 12 of 170". */
export function ImportProgressPanel({ status, onCancel }: ImportProgressPanelProps) {
  const { fileName, index, total, within } = status;
  const batch = total > 1 ? ` (file ${index + 1} of ${total})` : '';
  const detail = within
    ? `${within.unit === 'page' ? 'page' : 'part'} ${within.done} of ${within.total}`
    : 'reading…';
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <div className="import-progress-text">
        <span className="import-progress-file">
          Importing <strong>{fileName}</strong>
          {batch}
        </span>
        <span className="import-progress-detail">{detail}</span>
      </div>
      <progress
        className="import-progress-bar"
        aria-label={`Import of ${fileName}`}
        max={within?.total ?? undefined}
        value={within?.done ?? undefined}
      />
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
