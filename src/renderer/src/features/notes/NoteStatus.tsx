import type { NoteSaveState } from './NoteSaveState';

/** The save state in words: "Saving…", "Saved" or the error, which stays until a save works. */
export function NoteStatus({ state }: { state: NoteSaveState }) {
  const text =
    state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'saved'
        ? 'Saved'
        : state.kind === 'error'
          ? // The saver keeps the text and retries: say so, or a refusal reads like a loss.
            `${state.message} The note stays here, and Briefmark keeps trying to save it.`
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
