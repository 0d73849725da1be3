import type { NoteSaveState } from './NoteSaveState';

/** The save state in words: "Saving…", "Saved" or the error; announced politely. */
export function NoteStatus({ state }: { state: NoteSaveState }) {
  const text =
    state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'saved'
        ? 'Saved'
        : state.kind === 'error'
          ? state.message
          : '';
  return (
    <p
      className={`note-status note-status-${state.kind}`}
      data-testid="note-status"
      role={state.kind === 'error' ? 'alert' : 'status'}
    >
      {text}
    </p>
  );
}
