import { useId, useState } from 'react';
import type { BriefSummary } from '../../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { ExportOptionsFields } from './ExportOptionsFields';
import { saveExport, type SaveExportProgress } from './saveExport';
import { savedExportText } from './savedExportText';
import { useExportOptions } from './useExportOptions';

type Scope = 'all' | 'selected';

interface LibraryExportDialogProps {
  briefs: readonly BriefSummary[];
  onClose: () => void;
}

/**
 * Exporting several briefs at once: all of them or those ticked, with the same choices as a
 * single brief's export. The desktop app writes the files into a folder the user picks; in a
 * browser each file is downloaded.
 */
export function LibraryExportDialog({ briefs, onClose }: LibraryExportDialogProps) {
  const { options, loadError, change } = useExportOptions();
  const [scope, setScope] = useState<Scope>('all');
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [progress, setProgress] = useState<SaveExportProgress | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const idPrefix = useId();
  const errorId = `${idPrefix}-error`;
  const desktop = typeof window.briefmark?.exportToFolder === 'function';

  const chosen = scope === 'all' ? briefs : briefs.filter((brief) => selected.has(brief.id));
  const fileCount = chosen.length * (options?.sidecar ? 2 : 1);
  const running = progress !== null;
  const canRun = !running && options !== null && chosen.length > 0;

  const toggle = (briefId: string, on: boolean) => {
    setResult(null);
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(briefId);
      else next.delete(briefId);
      return next;
    });
  };

  const run = async () => {
    if (!canRun) return;
    setError(null);
    setResult(null);
    setProgress({ done: 0, total: 0 });
    try {
      const outcome = await saveExport(
        {
          briefIds: scope === 'all' ? null : chosen.map((brief) => brief.id),
          options,
          oneFileSaveDialog: false,
        },
        setProgress,
      );
      if (outcome.kind === 'failed') setError(outcome.message);
      else if (outcome.kind === 'cancelled') setResult('Nothing was exported.');
      else setResult(savedExportText(outcome));
    } finally {
      setProgress(null);
    }
  };

  const actionLabel = desktop
    ? 'Export into folder…'
    : fileCount === 1
      ? 'Download 1 file'
      : `Download ${fileCount} files`;
  const problem = error ?? loadError;

  return (
    <Dialog title="Export briefs" onClose={onClose}>
      <div className="export-dialog-body">
        <fieldset className="export-scope" disabled={running}>
          <legend className="export-legend">Briefs</legend>
          <label className="export-scope-choice">
            <input
              type="radio"
              name={`${idPrefix}-scope`}
              checked={scope === 'all'}
              onChange={() => {
                setScope('all');
                setResult(null);
              }}
            />
            All briefs ({briefs.length})
          </label>
          <label className="export-scope-choice">
            <input
              type="radio"
              name={`${idPrefix}-scope`}
              checked={scope === 'selected'}
              onChange={() => {
                setScope('selected');
                setResult(null);
              }}
            />
            Selected briefs{scope === 'selected' ? ` (${selected.size})` : ''}
          </label>
          {scope === 'selected' && (
            <div className="export-brief-picker">
              <div className="export-brief-tools">
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => setSelected(new Set(briefs.map((brief) => brief.id)))}
                >
                  Select all
                </button>
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => setSelected(new Set())}
                >
                  Select none
                </button>
              </div>
              <ul className="export-brief-list" aria-label="Briefs to export">
                {briefs.map((brief) => (
                  <li key={brief.id}>
                    <label className="export-brief">
                      <input
                        type="checkbox"
                        className="export-checkbox"
                        checked={selected.has(brief.id)}
                        onChange={(event) => toggle(brief.id, event.target.checked)}
                      />
                      <span dir="auto">{brief.title}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </fieldset>
        {options ? (
          <ExportOptionsFields
            options={options}
            disabled={running}
            onChange={(patch) => {
              change(patch);
              setResult(null);
            }}
          />
        ) : (
          <p className="muted">Reading your export choices…</p>
        )}
        {running && (
          <div className="export-progress">
            <p className="export-progress-text" role="status">
              {progress.total === 0
                ? `Preparing ${chosen.length === 1 ? '1 brief' : `${chosen.length} briefs`}…`
                : `Downloading ${progress.done} of ${progress.total} files…`}
            </p>
            <progress
              className="export-progress-bar"
              aria-label="Export progress"
              {...(progress.total > 0 ? { value: progress.done, max: progress.total } : {})}
            />
          </div>
        )}
        {problem && (
          <p id={errorId} className="field-error export-error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions export-actions">
          <p className="export-status dialog-action-start is-done" role="status">
            {result}
          </p>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Close
          </button>
          <button
            type="button"
            className="button button-primary"
            aria-disabled={!canRun}
            aria-describedby={problem ? errorId : undefined}
            title={chosen.length === 0 ? 'Tick the briefs to export first' : undefined}
            onClick={() => void run()}
          >
            {actionLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
