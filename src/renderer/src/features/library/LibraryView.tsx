import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { ApiResult } from '../../../../shared/api';
import type { BriefSummary } from '../../../../shared/model';
import { api } from '../../api/api';
import { Alert } from '../../components/Alert';
import { Icon } from '../../components/Icon';
import { BriefList } from './BriefList';
import { LibraryExportButton } from '../export/LibraryExportButton';
import { BackupsButton } from '../backups/BackupsButton';
import { describeAnnotationRestore } from '../../../../shared/describeAnnotationRestore';
import { IMPORT_PICKER_EXTENSIONS } from '../../../../shared/importLimits';
import {
  importFiles,
  type ImportFailure,
  type ImportStatus,
  type RestoredFile,
} from './importFiles';
import { ImportProgressPanel } from './ImportProgressPanel';
import { editionCandidateOf } from '../editions/editionCandidateOf';
import { EditionOffers } from '../editions/EditionOffers';
import { useEditionOffers } from '../editions/useEditionOffers';

// Briefs, and the annotations files (.json) an export writes beside them, to restore.
const ACCEPT = IMPORT_PICKER_EXTENSIONS.map((extension) => `.${extension}`).join(',');

type ListLoad =
  | { kind: 'loading' }
  | { kind: 'ready'; briefs: BriefSummary[] }
  | { kind: 'error'; message: string };

function listLoadFrom(result: ApiResult<BriefSummary[]>): ListLoad {
  return result.ok
    ? { kind: 'ready', briefs: result.value }
    : { kind: 'error', message: result.error.message };
}

interface LibraryViewProps {
  onOpen: (briefId: string) => void;
  /** Files handed over from outside the view (the desktop File > Import… dialog). */
  filesToImport?: File[] | null;
  onFilesTaken?: () => void;
}

/** The list of imported briefs, with import by file picker or drag and drop. */
export function LibraryView({ onOpen, filesToImport, onFilesTaken }: LibraryViewProps) {
  const [load, setLoad] = useState<ListLoad>({ kind: 'loading' });
  const [progress, setProgress] = useState<ImportStatus | null>(null);
  const [cancelNote, setCancelNote] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [failures, setFailures] = useState<ImportFailure[]>([]);
  const [restored, setRestored] = useState<RestoredFile[]>([]);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const refresh = async () => {
    const result = await api['briefs.list']({});
    setLoad(listLoadFrom(result));
  };
  const editionOffers = useEditionOffers({ onOpen, onLibraryChanged: () => void refresh() });

  useEffect(() => {
    let cancelled = false;
    void api['briefs.list']({}).then((result) => {
      if (!cancelled) setLoad(listLoadFrom(result));
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const runImport = async (files: File[]) => {
    if (files.length === 0 || abortRef.current !== null) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setFailures([]);
    setRestored([]);
    setCancelNote(null);
    const outcome = await importFiles(files, { signal: controller.signal, onStatus: setProgress });
    abortRef.current = null;
    setProgress(null);
    setFailures(outcome.failures);
    setRestored(outcome.restored);
    if (outcome.cancelled) {
      setCancelNote(
        outcome.imported.length > 0
          ? `Import cancelled; ${outcome.imported.length} of ${files.length} files were imported.`
          : 'Import cancelled; nothing was added to your library.',
      );
    }
    const [only] = outcome.imported;
    // A brief that looks like a new edition asks first; a single one opens once answered.
    editionOffers.offerFor(outcome.imported, files.length === 1);
    if (files.length === 1 && only && !editionCandidateOf(only)) onOpen(only.id);
    else await refresh();
  };

  useEffect(() => {
    if (!filesToImport || filesToImport.length === 0) return;
    onFilesTaken?.();
    // Files arriving from the desktop menu are an outside event: importing them is the effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void runImport(filesToImport);
    // runImport reads only refs and setters; re-running it when it is re-created would import twice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filesToImport]);

  useEffect(() => {
    // Ctrl/Cmd+O opens the file picker (on desktop the menu's accelerator takes it first).
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'o') {
        event.preventDefault();
        inputRef.current?.click();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void runImport(Array.from(event.dataTransfer.files));
  };

  return (
    <div
      className={dragging ? 'library is-dragging' : 'library'}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className="appbar">
        <p className="brand">Briefmark</p>
        <span className="appbar-spacer" />
        <input
          ref={inputRef}
          type="file"
          accept={ACCEPT}
          multiple
          hidden
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            // Cleared so that choosing the same file again imports it again.
            event.target.value = '';
            void runImport(files);
          }}
        />
        <BackupsButton />
        {load.kind === 'ready' && load.briefs.length > 0 && (
          <LibraryExportButton briefs={load.briefs} />
        )}
        <button
          type="button"
          className="button button-primary"
          onClick={() => inputRef.current?.click()}
          aria-disabled={progress !== null}
        >
          <Icon name="import" />
          <span>Import…</span>
        </button>
      </header>

      <main className="library-main">
        <div className="library-column">
          <h1 className="library-title">Library</h1>
          {load.kind === 'ready' && load.briefs.length > 0 && (
            <p className="library-count">
              {load.briefs.length === 1 ? '1 brief' : `${load.briefs.length} briefs`}
            </p>
          )}
          {progress && (
            <ImportProgressPanel status={progress} onCancel={() => abortRef.current?.abort()} />
          )}
          <EditionOffers offers={editionOffers} />
          {cancelNote && (
            <p className="library-status" role="status">
              {cancelNote}
            </p>
          )}
          {restored.map((restore, index) => (
            <p key={index} className="library-status" role="status">
              {describeAnnotationRestore(restore)}
            </p>
          ))}
          {failures.length > 0 && (
            <Alert
              title={
                failures.length === 1
                  ? 'A file could not be imported'
                  : `${failures.length} files could not be imported`
              }
              onDismiss={() => setFailures([])}
            >
              <ul className="failure-list">
                {failures.map((failure, index) => (
                  <li key={index}>
                    <strong>{failure.fileName}</strong>: {failure.message}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          {load.kind === 'loading' && <p className="muted">Loading your library…</p>}
          {load.kind === 'error' && (
            <Alert title="The library could not be loaded">
              <p>{load.message}</p>
            </Alert>
          )}
          {load.kind === 'ready' && load.briefs.length === 0 && (
            <div className="empty-state">
              <Icon name="document" size={40} />
              <p className="empty-state-title">No briefs yet</p>
              <p className="muted">
                Import a brief (PDF, Word, web page, Markdown or text), or drop files onto this
                window.
              </p>
            </div>
          )}
          {load.kind === 'ready' && load.briefs.length > 0 && (
            <BriefList briefs={load.briefs} onOpen={onOpen} />
          )}
        </div>
      </main>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop to import</p>
        </div>
      )}
    </div>
  );
}
