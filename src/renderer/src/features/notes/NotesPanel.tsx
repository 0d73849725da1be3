import { useId, useState, type FocusEvent } from 'react';
import type { Section } from '../../../../shared/model';
import { Alert } from '../../components/Alert';
import { Icon } from '../../components/Icon';
import type { HighlightReview } from '../highlights/review/HighlightReview';
import { SectionHighlights } from '../highlights/review/SectionHighlights';
import { sectionLabel } from '../reader/sectionLabel';
import { NoteEditor } from './NoteEditor';
import { usePaintedOnce } from '../../dom/usePaintedOnce';
import { NoteStatus } from './NoteStatus';
import type { BriefNotes } from './useBriefNotes';

type NoteScope = 'section' | 'brief';

interface NotesPanelProps {
  notes: BriefNotes;
  sections: readonly Section[];
  /** The section being read (scroll-spy); the section note follows it unless pinned. */
  readingSectionId: string | null;
  /** The brief's highlights: the section's are listed above its note. */
  highlights: HighlightReview;
}

/**
 * The notes column: the note for the section being read, or for the whole brief. While the
 * note has focus it stays on its section, so scrolling while typing never moves the text.
 */
export function NotesPanel({ notes, sections, readingSectionId, highlights }: NotesPanelProps) {
  const [scope, setScope] = useState<NoteScope>('section');
  const [pinnedId, setPinnedId] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [heldId, setHeldId] = useState(readingSectionId);
  const tabsId = useId();

  // Keep the last followed section while editing; catch up as soon as focus leaves the note.
  if (!editing && heldId !== readingSectionId) setHeldId(readingSectionId);
  const followedId = editing ? heldId : readingSectionId;
  const sectionId = pinnedId ?? followedId ?? sections[0]?.id ?? null;
  const section = sections.find((candidate) => candidate.id === sectionId) ?? null;
  const heading = section ? sectionLabel(section, sections) : '';

  const noteSectionId = scope === 'brief' ? null : sectionId;
  const label = scope === 'brief' ? 'Note for the whole brief' : `Note for ${heading}`;

  // The editor costs a frame of its own to build; the brief beside it is painted first.
  const editorShown = usePaintedOnce();

  const onFocus = () => setEditing(true);
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setEditing(false);
  };

  const tab = (value: NoteScope, text: string) => (
    <button
      type="button"
      role="tab"
      id={`${tabsId}-${value}`}
      aria-selected={scope === value}
      aria-controls={`${tabsId}-panel`}
      tabIndex={scope === value ? 0 : -1}
      className={scope === value ? 'tab is-selected' : 'tab'}
      onClick={() => setScope(value)}
      onKeyDown={(event) => {
        if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
          event.preventDefault();
          const next: NoteScope = value === 'section' ? 'brief' : 'section';
          setScope(next);
          document.getElementById(`${tabsId}-${next}`)?.focus();
        }
      }}
    >
      {text}
    </button>
  );

  return (
    <aside className="notes" aria-label="Notes">
      <div className="notes-header">
        <h2 className="panel-title">Notes</h2>
        <div className="tabs" role="tablist" aria-label="Which note">
          {tab('section', 'This section')}
          {tab('brief', 'Whole brief')}
        </div>
      </div>
      <div
        className="notes-body"
        role="tabpanel"
        id={`${tabsId}-panel`}
        aria-labelledby={`${tabsId}-${scope}`}
      >
        <div className="note-context">
          <p className="note-context-heading" dir="auto">
            {scope === 'brief' ? 'The whole brief' : heading}
          </p>
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
        {scope === 'section' && section && (
          <SectionHighlights sectionId={section.id} review={highlights} />
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
        {editorShown && notes.loadState.kind === 'ready' && (scope === 'brief' || section) && (
          <div className="note-editor-host" onFocus={onFocus} onBlur={onBlur}>
            <NoteEditor
              saver={notes.saver}
              sectionId={noteSectionId}
              label={label}
              placeholder={
                scope === 'brief'
                  ? 'Your overall view of the brief…'
                  : 'Write a note on this section… Markdown works: **bold**, - lists, > quotes.'
              }
            />
          </div>
        )}
        <NoteStatus state={notes.saveState} />
      </div>
    </aside>
  );
}
