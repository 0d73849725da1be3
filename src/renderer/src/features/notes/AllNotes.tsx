import { useId } from 'react';
import type { NoteDoc, Section } from '../../../../shared/model';
import { Icon } from '../../components/Icon';
import { sectionLabel } from '../reader/sectionLabel';
import type { OpenHighlightLink } from './followNoteLink';
import { noteHasContent } from './noteHasContent';
import type { NoteSaver } from './NoteSaver';
import { NoteView } from './NoteView';

interface NoteEntry {
  key: string;
  /** Null for the note on the whole brief. */
  sectionId: string | null;
  heading: string;
  doc: NoteDoc;
  /** False for a note whose section is no longer in the brief: there is nowhere to open it. */
  openable: boolean;
}

/**
 * Every note with something in it: the brief's own first, then the sections' in outline order,
 * then any whose section the brief no longer has (after its text changed), so none is hidden.
 */
function noteEntries(saver: NoteSaver, sections: readonly Section[]): NoteEntry[] {
  const entries: NoteEntry[] = [];
  const briefNote = saver.get(null);
  if (briefNote && noteHasContent(briefNote)) {
    entries.push({
      key: 'brief',
      sectionId: null,
      heading: 'The whole brief',
      doc: briefNote,
      openable: true,
    });
  }
  const known = new Set<string>();
  for (const section of sections) {
    known.add(section.id);
    const doc = saver.get(section.id);
    if (!doc || !noteHasContent(doc)) continue;
    entries.push({
      key: `section:${section.id}`,
      sectionId: section.id,
      heading: sectionLabel(section, sections),
      doc,
      openable: true,
    });
  }
  for (const { sectionId, doc } of saver.all()) {
    if (sectionId === null || known.has(sectionId) || !noteHasContent(doc)) continue;
    entries.push({
      key: `gone:${sectionId}`,
      sectionId,
      heading: 'A section no longer in the brief',
      doc,
      openable: false,
    });
  }
  return entries;
}

interface AllNotesProps {
  saver: NoteSaver;
  sections: readonly Section[];
  /** Shows the section (none for the whole brief) and opens its note for editing. */
  onOpenNote: (sectionId: string | null) => void;
  onOpenHighlight: OpenHighlightLink;
}

/**
 * The brief's notes in one read-only column, each under its heading; a heading opens its note
 * in the editor. Read from the saver, so what was typed a moment ago is there too.
 */
export function AllNotes({ saver, sections, onOpenNote, onOpenHighlight }: AllNotesProps) {
  const idPrefix = useId();
  const entries = noteEntries(saver, sections);

  if (entries.length === 0) {
    return (
      <div className="all-notes-empty">
        <p className="all-notes-empty-title">No notes yet</p>
        <p>
          Notes you write on a section or on the whole brief are gathered here, in the order of the
          brief.
        </p>
      </div>
    );
  }

  return (
    <div className="all-notes" data-testid="all-notes">
      {entries.map((entry, index) => {
        const headingId = `${idPrefix}-${index}`;
        return (
          <article key={entry.key} className="all-notes-item" aria-labelledby={headingId}>
            <h3 className="all-notes-heading" id={headingId} dir="auto">
              {entry.openable ? (
                <button
                  type="button"
                  className="all-notes-open"
                  title={
                    entry.sectionId === null
                      ? 'Edit the note on the whole brief'
                      : 'Go to this section and edit its note'
                  }
                  onClick={() => onOpenNote(entry.sectionId)}
                >
                  <span className="all-notes-heading-text">{entry.heading}</span>
                  <Icon name="edit" size={14} />
                </button>
              ) : (
                <span className="all-notes-heading-text is-gone">{entry.heading}</span>
              )}
            </h3>
            <NoteView doc={entry.doc} onOpenHighlight={onOpenHighlight} />
          </article>
        );
      })}
    </div>
  );
}
