import { useEffect, useId, useRef, useState } from 'react';
import type { ExportOptions } from '../../../../shared/exportOptions';
import { api } from '../../api/api';
import { Dialog } from '../../components/Dialog';
import { copyToClipboard } from './copyToClipboard';
import { ExportOptionsFields } from './ExportOptionsFields';
import { saveExport } from './saveExport';
import { savedExportText } from './savedExportText';
import { useExportOptions } from './useExportOptions';

// The start of the file is enough to see what the options do; the whole of a long brief's
// text would only slow the dialog down.
const PREVIEW_LINES = 120;

type Preview =
  | { kind: 'loading' }
  | { kind: 'ready'; text: string; hiddenLines: number }
  | { kind: 'error'; message: string };

type Status = { tone: 'muted' | 'done'; text: string } | null;

interface ExportDialogProps {
  briefId: string;
  /** Puts notes still being typed into the library, so that the export has them. */
  beforeExport: () => Promise<void>;
  onClose: () => void;
}

/**
 * Exporting one brief: the options, a preview of the Markdown they give, and the ways out —
 * the clipboard or files. Choices are remembered as soon as they are used for the preview.
 */
export function ExportDialog({ briefId, beforeExport, onClose }: ExportDialogProps) {
  const { options, loadError, change } = useExportOptions();
  const [preview, setPreview] = useState<Preview>({ kind: 'loading' });
  const [status, setStatus] = useState<Status>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const previewSeq = useRef(0);
  const previewLabelId = useId();
  const errorId = useId();

  const refreshPreview = async (chosen: ExportOptions, flushFirst = false) => {
    const seq = ++previewSeq.current;
    setPreview((current) => (current.kind === 'ready' ? current : { kind: 'loading' }));
    if (flushFirst) await beforeExport();
    const result = await api['export.markdown']({ briefId, options: chosen });
    // Options changed again meanwhile: only the latest preview is shown.
    if (seq !== previewSeq.current) return;
    setPreview(
      result.ok
        ? previewOf(result.value.markdown)
        : { kind: 'error', message: result.error.message },
    );
  };

  useEffect(() => {
    // The first preview, once the remembered options are in; it waits for the note being
    // typed to be saved, so the note is in it. Later changes refresh it from `choose`.
    if (options !== null && previewSeq.current === 0) void refreshPreview(options, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options]);

  const choose = (patch: Partial<ExportOptions>) => {
    const next = change(patch);
    setStatus(null);
    void refreshPreview(next);
  };

  const run = async (action: (chosen: ExportOptions) => Promise<void>) => {
    if (busy || options === null) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      await beforeExport();
      await action(options);
    } finally {
      setBusy(false);
    }
  };

  const copy = () =>
    run(async (chosen) => {
      const result = await api['export.markdown']({ briefId, options: chosen });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      const problem = await copyToClipboard(result.value.markdown);
      if (problem) setError(problem);
      else setStatus({ tone: 'done', text: 'Copied to the clipboard' });
    });

  const save = () =>
    run(async (chosen) => {
      setStatus({ tone: 'muted', text: 'Saving…' });
      const outcome = await saveExport({
        briefIds: [briefId],
        options: chosen,
        oneFileSaveDialog: true,
      });
      if (outcome.kind === 'failed') {
        setStatus(null);
        setError(outcome.message);
      } else {
        setStatus(
          outcome.kind === 'cancelled'
            ? { tone: 'muted', text: 'Nothing was saved.' }
            : { tone: 'done', text: savedExportText(outcome) },
        );
      }
    });

  const problem = error ?? loadError;

  return (
    <Dialog title="Export as Markdown" onClose={onClose}>
      <div className="export-dialog-body">
        <div className="export-layout">
          <div className="export-side">
            <p className="export-intro">
              Your notes and highlights, with the brief&apos;s outline as headings.
            </p>
            {options ? (
              // Arrives a moment after the dialog opens: focus goes to the first choice then.
              <ExportOptionsFields options={options} onChange={choose} autoFocus />
            ) : (
              <p className="muted">Reading your export choices…</p>
            )}
          </div>
          <div className="export-preview">
            <p id={previewLabelId} className="field-label">
              Preview
            </p>
            {preview.kind === 'error' ? (
              <p className="field-error export-preview-box">
                The preview could not be made: {preview.message}
              </p>
            ) : (
              // Focusable so the preview can be scrolled with the keyboard.
              <pre
                className="export-preview-text export-preview-box"
                tabIndex={0}
                aria-labelledby={previewLabelId}
                aria-busy={preview.kind === 'loading'}
                data-testid="export-preview"
              >
                {preview.kind === 'ready' ? preview.text : 'Making the preview…'}
              </pre>
            )}
            {preview.kind === 'ready' && preview.hiddenLines > 0 && (
              <p className="export-preview-more">
                {preview.hiddenLines === 1
                  ? 'And 1 more line in the file.'
                  : `And ${preview.hiddenLines} more lines in the file.`}
              </p>
            )}
          </div>
        </div>
        {problem && (
          <p id={errorId} className="field-error export-error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions export-actions">
          <p
            className={`export-status dialog-action-start is-${status?.tone ?? 'muted'}`}
            role="status"
          >
            {status?.text}
          </p>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Close
          </button>
          <button
            type="button"
            className="button"
            aria-disabled={busy || options === null}
            aria-describedby={problem ? errorId : undefined}
            onClick={() => void copy()}
          >
            Copy Markdown
          </button>
          <button
            type="button"
            className="button button-primary"
            aria-disabled={busy || options === null}
            aria-describedby={problem ? errorId : undefined}
            onClick={() => void save()}
          >
            Save…
          </button>
        </div>
      </div>
    </Dialog>
  );
}

function previewOf(markdown: string): Preview {
  const lines = markdown.replace(/\n$/, '').split('\n');
  return {
    kind: 'ready',
    text: lines.slice(0, PREVIEW_LINES).join('\n'),
    hiddenLines: Math.max(0, lines.length - PREVIEW_LINES),
  };
}
