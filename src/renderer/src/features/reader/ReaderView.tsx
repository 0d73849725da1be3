import { useEffect, useMemo, useRef, useState } from 'react';
import type { Brief } from '../../../../shared/model';
import type { ReaderSettings } from '../../../../shared/reader/readerSettings';
import type { ReadingPosition } from '../../../../shared/reader/readingPosition';
import { api } from '../../api/api';
import { Alert } from '../../components/Alert';
import { Icon } from '../../components/Icon';
import { BriefDetailsDialog } from '../details/BriefDetailsDialog';
import { ExportButton } from '../export/ExportButton';
import { FindBar } from '../find/FindBar';
import { DocumentHighlights } from '../highlights/DocumentHighlights';
import { NotesPanel } from '../notes/NotesPanel';
import { ReadingSettingsMenu } from '../settings/ReadingSettingsMenu';
import { useBriefNotes } from '../notes/useBriefNotes';
import { BriefDocument } from './BriefDocument';
import { sectionDomId, sectionHeadingDomId } from './domIds';
import { jumpToElement } from './jumpToElement';
import { ReaderSidebar } from './ReaderSidebar';
import { useScrollSpy } from './useScrollSpy';
import { useReadingPosition } from './useReadingPosition';
import { useSectionKeys } from './useSectionKeys';

type BriefLoad =
  | { kind: 'loading' }
  | { kind: 'ready'; brief: Brief; position: ReadingPosition | null }
  | { kind: 'error'; message: string };

interface ReaderViewProps {
  briefId: string;
  settings: ReaderSettings;
  onSettingsChange: (patch: Partial<ReaderSettings>) => void;
  onBack: () => void;
}

/** The reader for one brief: outline, document and notes side by side. */
export function ReaderView({ briefId, settings, onSettingsChange, onBack }: ReaderViewProps) {
  const [load, setLoad] = useState<BriefLoad>({ kind: 'loading' });
  const [exportError, setExportError] = useState<string | null>(null);
  const [editingDetails, setEditingDetails] = useState(false);
  const notes = useBriefNotes(briefId);
  const scrollRef = useRef<HTMLElement>(null);
  const brief = load.kind === 'ready' ? load.brief : null;
  const { currentSectionId: readingSectionId, markJump } = useScrollSpy(
    scrollRef,
    brief ? brief.id : '',
  );

  useEffect(() => {
    let cancelled = false;
    // Asked together so the document opens at the saved position in one paint.
    void Promise.all([api['briefs.get']({ briefId }), api['reading.position']({ briefId })]).then(
      ([result, position]) => {
        if (cancelled) return;
        setLoad(
          result.ok
            ? { kind: 'ready', brief: result.value, position: position.ok ? position.value : null }
            : { kind: 'error', message: result.error.message },
        );
        // Only the library's order depends on this, so a failure is not worth interrupting reading.
        if (result.ok) void api['briefs.markOpened']({ briefId });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [briefId]);

  useEffect(() => {
    if (brief) document.title = `${brief.title} · Briefmark`;
    return () => {
      document.title = 'Briefmark';
    };
  }, [brief]);

  useReadingPosition(scrollRef, briefId, load.kind === 'ready' ? load.position : undefined);

  const jumpToSection = (sectionId: string) => {
    jumpToElement(sectionDomId(sectionId), { focusId: sectionHeadingDomId(sectionId) });
    markJump(sectionId);
  };

  const sectionIds = useMemo(() => brief?.sections.map((section) => section.id) ?? [], [brief]);
  useSectionKeys(sectionIds, readingSectionId, jumpToSection);

  const leave = () => {
    void notes.saver.flush();
    onBack();
  };

  return (
    <div className="reader">
      <header className="appbar">
        <button type="button" className="button button-quiet" onClick={leave}>
          <Icon name="back" />
          <span>Library</span>
        </button>
        <p className="appbar-title" title={brief?.title}>
          {brief?.title ?? ''}
        </p>
        {brief && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => setEditingDetails(true)}
          >
            Details…
          </button>
        )}
        {brief && <ReadingSettingsMenu settings={settings} onChange={onSettingsChange} />}
        {brief && (
          <ExportButton
            briefId={brief.id}
            beforeExport={() => notes.saver.flush()}
            onError={setExportError}
          />
        )}
      </header>
      {exportError && (
        <div className="banner">
          <Alert title="Export failed" onDismiss={() => setExportError(null)}>
            <p>{exportError}</p>
          </Alert>
        </div>
      )}
      {brief && editingDetails && (
        <BriefDetailsDialog
          brief={brief}
          onClose={() => setEditingDetails(false)}
          onSaved={(saved) => {
            setLoad((previous) => ({
              kind: 'ready',
              brief: saved,
              position: previous.kind === 'ready' ? previous.position : null,
            }));
            setEditingDetails(false);
          }}
        />
      )}
      {load.kind === 'loading' && <p className="center-message muted">Opening the brief…</p>}
      {load.kind === 'error' && (
        <div className="center-message">
          <Alert title="This brief could not be opened">
            <p>{load.message}</p>
          </Alert>
        </div>
      )}
      {brief && (
        <div className="reader-body">
          <ReaderSidebar
            brief={brief}
            currentSectionId={readingSectionId}
            onJump={jumpToSection}
            onKeyPointJumped={markJump}
          />
          <main className="reader-main" ref={scrollRef} tabIndex={0} aria-label={brief.title}>
            <BriefDocument
              brief={brief}
              initialSectionId={load.kind === 'ready' ? load.position?.sectionId : undefined}
            />
          </main>
          <FindBar documentRef={scrollRef} />
          <DocumentHighlights
            key={brief.id}
            briefId={brief.id}
            documentRef={scrollRef}
            sectionOrder={sectionIds}
          />
          <NotesPanel notes={notes} sections={brief.sections} readingSectionId={readingSectionId} />
        </div>
      )}
    </div>
  );
}
