import { useEffect, useId, useState, type FocusEvent } from 'react';
import type { Highlight } from '../../../../shared/highlights';
import type { Section } from '../../../../shared/model';
import type { BriefmarkHighlightLink } from '../../../../shared/briefmarkLink';
import { Alert } from '../../components/Alert';
import { Icon } from '../../components/Icon';
import { CopySectionMarkdownButton } from '../export/CopySectionMarkdownButton';
import type { HighlightReview } from '../highlights/review/HighlightReview';
import { SectionHighlights } from '../highlights/review/SectionHighlights';
import { sectionLabel } from '../reader/sectionLabel';
import { AllNotes } from './AllNotes';
import type { OpenHighlightLink } from './followNoteLink';
import { NoteEditor } from './NoteEditor';
import { usePaintedOnce } from '../../dom/usePaintedOnce';
import { NoteStatus } from './NoteStatus';
import type { BriefNotes } from './useBriefNotes';
import type { QuoteIntoNote } from './useQuoteIntoNote';

type NoteScope = 'section' | 'brief' | 'all';

const SCOPES: readonly { value: NoteScope; text: string }[] = [
  { value: 'section', text: 'This section' },
  { value: 'brief', text: 'Whole brief' },
  { value: 'all', text: 'All notes' },
];

// How long a word about a link that led nowhere stays under the note.
const LINK_NOTICE_MS = 6000;

/** A section whose note was asked for, shown until the reader moves on from `whileReading`. */
interface NoteRequest {
  sectionId: string;
  whileReading: string | null;
}

interface NotesPanelProps {
  briefId: string;
  notes: BriefNotes;
  sections: readonly Section[];
  /** The section being read (scroll-spy); the section note follows it unless pinned. */
  readingSectionId: string | null;
  /** The brief's highlights: the section's are listed above its note. */
  highlights: HighlightReview;
  /** Adds a highlight to its section's note; null while the notes cannot take it. */
  quoteIntoNote: QuoteIntoNote | null;
  /** Shows a section in the document. */
  onJumpToSection: (sectionId: string) => void;
  /**
   * Shows the highlight a note links to (another brief's opens that brief); returns what to
   * tell the user when it cannot (one since deleted), else null.
   */
  onOpenHighlightLink: (link: BriefmarkHighlightLink, from: HTMLElement) => string | null;
}

/**
 * The notes column: the note for the section being read, for the whole brief, or all notes
 * together. While the note has focus it stays on its section, so scrolling while typing never
 * moves the text.
 */
export function NotesPanel({
  briefId,
  notes,
  sections,
  readingSectionId,
  highlights,
  quoteIntoNote,
  onJumpToSection,
  onOpenHighlightLink,
}: NotesPanelProps) {
  const [scope, setScope] = useState<NoteScope>('section');
  const [pinnedId, setPinnedId] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [request, setRequest] = useState<NoteRequest | null>(null);
  const [heldId, setHeldId] = useState(readingSectionId);
  const [focusRequest, setFocusRequest] = useState(0);
  const [linkNotice, setLinkNotice] = useState<string | null>(null);
  // A failed copy is told under the note it was for, and only while that note is shown.
  const [copyError, setCopyError] = useState<{ noteId: string | null; message: string } | null>(
    null,
  );
  const tabsId = useId();

  // A note asked for (a quote went into it, or All notes opened it) shows until reading moves on.
  const requestedId = request?.whileReading === readingSectionId ? request.sectionId : null;
  const freeId = requestedId ?? readingSectionId;
  // Keep the last followed section while editing; catch up as soon as focus leaves the note.
  if (!editing && heldId !== freeId) setHeldId(freeId);
  const followedId = editing ? heldId : freeId;
  const sectionId = pinnedId ?? followedId ?? sections[0]?.id ?? null;
  const section = sections.find((candidate) => candidate.id === sectionId) ?? null;
  const heading = section ? sectionLabel(section, sections) : '';

  const noteSectionId = scope === 'brief' ? null : sectionId;
  const label = scope === 'brief' ? 'Note for the whole brief' : `Note for ${heading}`;

  /** Shows one note in the editor: the brief's (null) or a section's. */
  const showNote = (target: string | null, whileReading: string | null) => {
    // The editor saves the note it showed before it loads this one (NoteEditor).
    if (target === null) {
      setScope('brief');
      return;
    }
    setScope('section');
    if (pinnedId !== null) setPinnedId(target);
    setRequest({ sectionId: target, whileReading });
    setHeldId(target);
  };

  // A quote that went into a note brings that note up, whichever one was shown.
  const [seenAppend, setSeenAppend] = useState(notes.lastAppend);
  if (notes.lastAppend !== seenAppend) {
    setSeenAppend(notes.lastAppend);
    if (notes.lastAppend) showNote(notes.lastAppend.sectionId, readingSectionId);
  }

  useEffect(() => {
    if (linkNotice === null) return;
    const timer = window.setTimeout(() => setLinkNotice(null), LINK_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [linkNotice]);

  // The editor costs a frame of its own to build; the brief beside it is painted first.
  const editorShown = usePaintedOnce();

  const onFocus = () => setEditing(true);
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setEditing(false);
  };

  const chooseScope = (next: NoteScope) => {
    // What was typed goes out before another view of the notes is shown.
    void notes.saver.flush();
    setScope(next);
  };

  const openHighlight: OpenHighlightLink = (link, from) =>
    setLinkNotice(onOpenHighlightLink(link, from));

  const openNote = (target: string | null) => {
    if (target !== null) onJumpToSection(target);
    showNote(target, target);
    setFocusRequest((count) => count + 1);
  };

  const quote = quoteIntoNote ? (highlight: Highlight) => void quoteIntoNote(highlight) : undefined;

  const tab = (value: NoteScope, text: string, index: number) => (
    <button
      key={value}
      type="button"
      role="tab"
      id={`${tabsId}-${value}`}
      aria-selected={scope === value}
      aria-controls={`${tabsId}-panel`}
      tabIndex={scope === value ? 0 : -1}
      className={scope === value ? 'tab is-selected' : 'tab'}
      onClick={() => chooseScope(value)}
      onKeyDown={(event) => {
        const step =
          event.key === 'ArrowRight'
            ? 1
            : event.key === 'ArrowLeft'
              ? -1
              : event.key === 'Home'
                ? -index
                : event.key === 'End'
                  ? SCOPES.length - 1 - index
                  : null;
        if (step === null) return;
        event.preventDefault();
        const next = SCOPES[(index + step + SCOPES.length) % SCOPES.length];
        if (!next) return;
        chooseScope(next.value);
        document.getElementById(`${tabsId}-${next.value}`)?.focus();
      }}
    >
      {text}
    </button>
  );

  const notesReady = notes.loadState.kind === 'ready';

  return (
    <aside className="notes" aria-label="Notes">
      <div className="notes-header">
        <h2 className="panel-title">Notes</h2>
        <div className="tabs" role="tablist" aria-label="Which note">
          {SCOPES.map(({ value, text }, index) => tab(value, text, index))}
        </div>
      </div>
      <div
        className="notes-body"
        role="tabpanel"
        id={`${tabsId}-panel`}
        aria-labelledby={`${tabsId}-${scope}`}
      >
        {scope !== 'all' && (
          <div className="note-context">
            <p className="note-context-heading" dir="auto">
              {scope === 'brief' ? 'The whole brief' : heading}
            </p>
            {(scope === 'brief' || section) && (
              <CopySectionMarkdownButton
                briefId={briefId}
                sectionId={noteSectionId}
                beforeCopy={() => notes.saver.flush()}
                onError={(message) =>
                  setCopyError(message === null ? null : { noteId: noteSectionId, message })
                }
              />
            )}
            {scope === 'section' && section && (
              <button
                type="button"
                className={pinnedId ? 'tool-button is-on' : 'tool-button'}
                aria-pressed={pinnedId !== null}
                aria-label={pinnedId ? 'Unpin note from this section' : 'Pin note to this section'}
                title={
                  pinnedId
                    ? 'Pinned: the note stays here while you scroll'
                    : 'Pin: keep this note while you scroll'
                }
                onClick={() => setPinnedId(pinnedId ? null : section.id)}
              >
                <Icon name="pin" />
              </button>
            )}
          </div>
        )}
        {copyError && scope !== 'all' && copyError.noteId === noteSectionId && (
          <p className="field-error note-copy-error" role="alert">
            {copyError.message}
          </p>
        )}
        {scope === 'section' && section && (
          <SectionHighlights sectionId={section.id} review={highlights} onQuote={quote} />
        )}
        {notes.loadState.kind === 'loading' && <p className="muted">Loading notes…</p>}
        {notes.loadState.kind === 'error' && (
          <Alert title="Notes could not be loaded">
            <p>{notes.loadState.message}</p>
            <button type="button" className="button" onClick={notes.retryLoad}>
              Try again
            </button>
          </Alert>
        )}
        {scope === 'all' && notesReady && (
          <AllNotes
            saver={notes.saver}
            sections={sections}
            onOpenNote={openNote}
            onOpenHighlight={openHighlight}
          />
        )}
        {/* Kept while All notes is shown, so that going back finds the note as it was left. */}
        {editorShown && notesReady && (scope !== 'section' || section) && (
          <div
            className="note-editor-host"
            hidden={scope === 'all'}
            onFocus={onFocus}
            onBlur={onBlur}
          >
            <NoteEditor
              saver={notes.saver}
              sectionId={noteSectionId}
              label={label}
              placeholder={
                scope === 'brief'
                  ? 'Your overall view of the brief…'
                  : 'Write a note on this section… Markdown works: **bold**, - lists, > quotes.'
              }
              attach={notes.attachEditor}
              lastAppend={notes.lastAppend}
              focusRequest={focusRequest}
              onOpenHighlight={openHighlight}
            />
          </div>
        )}
        {linkNotice && (
          <p className="note-link-notice" role="status">
            {linkNotice}
          </p>
        )}
        <NoteStatus state={notes.saveState} />
      </div>
    </aside>
  );
}
