import { useCallback, useEffect, useRef, useState } from 'react';
import type { NoteDoc } from '../../../../shared/model';
import { api } from '../../api/api';
import { withBlocksAppended } from './highlightQuote';
import type { NoteSaveState } from './NoteSaveState';
import { NoteSaver } from './NoteSaver';

export type NotesLoadState =
  { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

/** The note editor as the notes state sees it: which note it shows, and how to add to it. */
export interface LiveNoteEditor {
  sectionId: () => string | null;
  /** Adds blocks at the note's end as an edit of its own (so Undo takes them back). */
  append: (blocks: NoteDoc[]) => void;
}

/** The last note something was added to from outside the editor; `seq` tells repeats apart. */
export interface NoteAppend {
  sectionId: string | null;
  seq: number;
}

export interface BriefNotes {
  saver: NoteSaver;
  loadState: NotesLoadState;
  saveState: NoteSaveState;
  retryLoad: () => void;
  /**
   * Adds blocks at the end of a note, as typing would: through the editor when it shows that
   * note, else straight into the saver. False while the notes are not loaded.
   */
  append: (sectionId: string | null, blocks: NoteDoc[]) => boolean;
  lastAppend: NoteAppend | null;
  /** The editor registers itself here while mounted; returns the way to unregister. */
  attachEditor: (editor: LiveNoteEditor) => () => void;
}

/**
 * Loads a brief's notes once and keeps them saved: flushes pending edits when the page is
 * hidden or closed and when the reader leaves the brief.
 */
export function useBriefNotes(briefId: string): BriefNotes {
  const [saveState, setSaveState] = useState<NoteSaveState>({ kind: 'idle' });
  const [saver] = useState(
    () =>
      new NoteSaver(
        (sectionId, doc) => api['notes.save']({ briefId, sectionId, doc }),
        setSaveState,
      ),
  );
  const [loadState, setLoadState] = useState<NotesLoadState>({ kind: 'loading' });
  const [loadAttempt, setLoadAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void api['notes.list']({ briefId }).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        saver.load(result.value);
        setLoadState({ kind: 'ready' });
      } else {
        setLoadState({ kind: 'error', message: result.error.message });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [briefId, saver, loadAttempt]);

  useEffect(() => {
    const flushWhenHidden = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    const flush = () => void saver.flush();
    // Asking before the window goes while a note is unsaved; the desktop shell shows its own dialog.
    const warnIfUnsaved = (event: BeforeUnloadEvent) => {
      if (!saver.hasUnsavedChanges) return;
      void saver.flush();
      event.preventDefault();
      event.returnValue = '';
    };
    document.addEventListener('visibilitychange', flushWhenHidden);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', warnIfUnsaved);
    return () => {
      document.removeEventListener('visibilitychange', flushWhenHidden);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', warnIfUnsaved);
      void saver.flush();
    };
  }, [saver]);

  const retryLoad = useCallback(() => {
    setLoadState({ kind: 'loading' });
    setLoadAttempt((attempt) => attempt + 1);
  }, []);

  const liveEditor = useRef<LiveNoteEditor | null>(null);
  const attachEditor = useCallback((editor: LiveNoteEditor) => {
    liveEditor.current = editor;
    return () => {
      if (liveEditor.current === editor) liveEditor.current = null;
    };
  }, []);

  const [lastAppend, setLastAppend] = useState<NoteAppend | null>(null);
  const ready = loadState.kind === 'ready';
  const append = useCallback(
    (sectionId: string | null, blocks: NoteDoc[]) => {
      // Before the notes are loaded an edit would stand in for the whole stored note.
      if (!ready) return false;
      const editor = liveEditor.current;
      if (editor && editor.sectionId() === sectionId) editor.append(blocks);
      else saver.edit(sectionId, withBlocksAppended(saver.get(sectionId), blocks));
      setLastAppend((previous) => ({ sectionId, seq: (previous?.seq ?? 0) + 1 }));
      return true;
    },
    [ready, saver],
  );

  return { saver, loadState, saveState, retryLoad, append, lastAppend, attachEditor };
}
