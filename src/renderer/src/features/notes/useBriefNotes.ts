import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/api';
import type { NoteSaveState } from './NoteSaveState';
import { NoteSaver } from './NoteSaver';

export type NotesLoadState =
  { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

export interface BriefNotes {
  saver: NoteSaver;
  loadState: NotesLoadState;
  saveState: NoteSaveState;
  retryLoad: () => void;
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

  return { saver, loadState, saveState, retryLoad };
}
