/** What the notes panel shows about saving. */
export type NoteSaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };
