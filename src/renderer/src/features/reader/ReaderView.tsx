import { useEffect, useMemo, useRef, useState } from 'react';
import type { Highlight } from '../../../../shared/highlights';
import type { Brief } from '../../../../shared/model';
import type { ReaderSettings } from '../../../../shared/reader/readerSettings';
import type { ReadingPosition } from '../../../../shared/reader/readingPosition';
import { api } from '../../api/api';
import { Alert } from '../../components/Alert';
import { Icon } from '../../components/Icon';
import { BriefDetailsDialog } from '../details/BriefDetailsDialog';
import { ChangesColumn } from '../editions/ChangesColumn';
import { EditionBanner } from '../editions/EditionBanner';
import { NewEditionImportStatus } from '../editions/NewEditionImportStatus';
import { useNewEditionImport } from '../editions/useNewEditionImport';
import { useReaderEditions } from '../editions/useReaderEditions';
import { ExportButton } from '../export/ExportButton';
import { FindBar } from '../find/FindBar';
import {
  DocumentHighlights,
  type DocumentHighlightsHandle,
} from '../highlights/DocumentHighlights';
import type { HighlightReview } from '../highlights/review/HighlightReview';
import { useHighlights } from '../highlights/useHighlights';
import { NotesPanel } from '../notes/NotesPanel';
import { ReadingSettingsMenu } from '../settings/ReadingSettingsMenu';
import { useBriefNotes } from '../notes/useBriefNotes';
import { useQuoteIntoNote } from '../notes/useQuoteIntoNote';
import type { BriefmarkHighlightLink } from '../../../../shared/briefmarkLink';
import type { LinkReveal } from '../links/useBriefmarkLinks';
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
  /** Opens another brief: the newer edition after "Import new edition…". */
  onOpenBrief?: (briefId: string) => void;
  /**
   * A link followed to this brief: its highlight is revealed with its popover (or its section
   * shown) once the brief and its highlights are in, once per `seq`.
   */
  reveal?: LinkReveal | null;
  /** Called once `reveal` has been shown. */
  onRevealed?: (seq: number) => void;
  /** Follows a note's link that leads out of this brief (the app opens where it goes). */
  onOpenLink?: (link: BriefmarkHighlightLink) => void;
}

/** The reader for one brief: outline, document and notes side by side. */
export function ReaderView({
  briefId,
  settings,
  onSettingsChange,
  onBack,
  onOpenBrief,
  reveal,
  onRevealed,
  onOpenLink,
}: ReaderViewProps) {
  const [load, setLoad] = useState<BriefLoad>({ kind: 'loading' });
  const [editingDetails, setEditingDetails] = useState(false);
  // The review of a new edition takes the notes' column while it is open.
  const [changesOpen, setChangesOpen] = useState(false);
  const changesButtonRef = useRef<HTMLButtonElement>(null);
  const notes = useBriefNotes(briefId);
  const highlights = useHighlights(briefId);
  const documentHighlightsRef = useRef<DocumentHighlightsHandle>(null);
  const scrollRef = useRef<HTMLElement>(null);
  const brief = load.kind === 'ready' ? load.brief : null;
  const editions = useReaderEditions(briefId);
  const newEdition = useNewEditionImport(brief, onOpenBrief);
  // "Review" on the edition banner opens the changes.
  const [seenReviewRequest, setSeenReviewRequest] = useState(editions.reviewRequest);
  if (editions.reviewRequest !== seenReviewRequest) {
    setSeenReviewRequest(editions.reviewRequest);
    setChangesOpen(true);
  }
  const closeChanges = () => {
    setChangesOpen(false);
    changesButtonRef.current?.focus();
  };
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

  const highlightReview: HighlightReview = {
    highlights: highlights.highlights,
    loading: highlights.loadState.kind === 'loading',
    open: (highlight: Highlight, from: HTMLElement) => {
      const sectionId = documentHighlightsRef.current?.reveal(highlight.id, from);
      if (sectionId) markJump(sectionId);
    },
  };

  const sectionIds = useMemo(() => brief?.sections.map((section) => section.id) ?? [], [brief]);
  useSectionKeys(sectionIds, readingSectionId, jumpToSection);
  const quoteIntoSectionNote = useQuoteIntoNote(notes, highlights.highlights, sectionIds);
  // A quote lands in a note, so the note must be in view: the changes give the column back.
  const quoteIntoNote = useMemo(
    () =>
      quoteIntoSectionNote &&
      ((highlight: Highlight) => {
        const quoted = quoteIntoSectionNote(highlight);
        if (quoted) setChangesOpen(false);
        return quoted;
      }),
    [quoteIntoSectionNote],
  );

  // A followed link shows its place once the brief and its highlights are in, once per request.
  const revealedSeq = useRef<number | null>(null);
  const highlightsLoaded = highlights.loadState.kind !== 'loading';
  useEffect(() => {
    if (!reveal || !brief || !highlightsLoaded || revealedSeq.current === reveal.seq) return;
    revealedSeq.current = reveal.seq;
    onRevealed?.(reveal.seq);
    const shownIn =
      reveal.highlightId === null
        ? null
        : (documentHighlightsRef.current?.reveal(reveal.highlightId, null) ?? null);
    if (shownIn !== null) markJump(shownIn);
    else if (reveal.sectionId !== null && sectionIds.includes(reveal.sectionId)) {
      jumpToSection(reveal.sectionId);
    }
  });

  /** Follows a note's link back to a highlight; says why when it cannot. */
  const openHighlightLink = (link: BriefmarkHighlightLink, from: HTMLElement): string | null => {
    // By the highlight's id first: a brief imported again (another library) has a new id.
    const target = highlights.highlights.find((candidate) => candidate.id === link.highlightId);
    if (target && target.status !== 'orphaned') {
      highlightReview.open(target, from);
      return null;
    }
    if (!target && link.briefId !== briefId && onOpenLink) {
      // Another brief's highlight: the app opens that brief at it (or says why it cannot).
      void notes.saver.flush();
      onOpenLink(link);
      return null;
    }
    if (sectionIds.includes(link.sectionId)) {
      jumpToSection(link.sectionId);
      return 'That highlight is no longer in the brief; this is the section it was in.';
    }
    return 'That highlight is no longer in the brief.';
  };

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
        {brief && editions.review && (
          <button
            type="button"
            ref={changesButtonRef}
            className="button button-quiet"
            aria-pressed={changesOpen}
            title="What changed since the previous edition"
            onClick={() => (changesOpen ? closeChanges() : setChangesOpen(true))}
          >
            Changes
          </button>
        )}
        {brief && <ReadingSettingsMenu settings={settings} onChange={onSettingsChange} />}
        {brief && <ExportButton briefId={brief.id} beforeExport={() => notes.saver.flush()} />}
      </header>
      {brief && (
        <EditionBanner
          editions={editions}
          highlights={highlights.loadState.kind === 'ready' ? highlights.highlights : null}
        />
      )}
      <NewEditionImportStatus {...newEdition} />
      {brief && editingDetails && (
        <BriefDetailsDialog
          brief={brief}
          onClose={() => setEditingDetails(false)}
          onImportNewEdition={
            onOpenBrief &&
            (() => {
              setEditingDetails(false);
              newEdition.pick();
            })
          }
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
            highlights={highlightReview}
            sectionChanges={editions.sectionChanges}
          />
          <main className="reader-main" ref={scrollRef} tabIndex={0} aria-label={brief.title}>
            <BriefDocument
              brief={brief}
              initialSectionId={load.kind === 'ready' ? load.position?.sectionId : undefined}
              sectionChanges={editions.sectionChanges}
            />
          </main>
          <FindBar documentRef={scrollRef} />
          <DocumentHighlights
            ref={documentHighlightsRef}
            store={highlights}
            documentRef={scrollRef}
            sectionOrder={sectionIds}
            onQuoteIntoNote={quoteIntoNote}
          />
          {changesOpen && editions.review && (
            <ChangesColumn
              review={editions.review}
              sections={brief.sections}
              highlights={highlights.loadState.kind === 'ready' ? highlights.highlights : null}
              onMarkReviewed={editions.markReviewed}
              onDelete={(highlightId) => void highlights.remove(highlightId)}
              onJumpToSection={jumpToSection}
              onShow={highlightReview.open}
              onClose={closeChanges}
            />
          )}
          {/* Kept mounted behind the changes, so a note being written keeps its editor state. */}
          <div className="notes-column" hidden={changesOpen && editions.review !== null}>
            <NotesPanel
              briefId={brief.id}
              notes={notes}
              sections={brief.sections}
              readingSectionId={readingSectionId}
              highlights={highlightReview}
              quoteIntoNote={quoteIntoNote}
              onJumpToSection={jumpToSection}
              onOpenHighlightLink={openHighlightLink}
            />
          </div>
        </div>
      )}
    </div>
  );
}
