import Database from 'better-sqlite3';
import { createDispatch, type Dispatch } from '../../src/main/api/dispatch';
import { openLibrary } from '../../src/main/services/openLibrary';
import type { Highlight } from '../../src/shared/highlights';
import type { BriefSummary, SectionNote } from '../../src/shared/model';
import { highlightStateOf, noteKey, type LibraryState } from './writerMessages';

export interface ReopenedLibrary {
  state: LibraryState;
  /** Briefs in the library: the sample brief, or none before the first launch finished. */
  briefs: number;
  /** What PRAGMA integrity_check said when it did not say "ok". */
  integrityProblems: string[];
  foreignKeyViolations: number;
}

/**
 * Opens the library file as the app does at its next start after a crash (WAL recovery, the
 * start-up quick_check, migrations), reads the sample brief's annotations through the API, then
 * runs SQLite's full integrity and foreign key checks. Throws when the library does not open.
 */
export async function readLibraryState(
  dbPath: string,
  sampleBriefPath: string,
): Promise<ReopenedLibrary> {
  const library = openLibrary({ dbPath, sampleBriefPath });
  const state: LibraryState = { highlights: {}, notes: {} };
  let briefs: number;
  try {
    const dispatch = createDispatch(library);
    const summaries = await call<BriefSummary[]>(dispatch, 'briefs.list', {});
    briefs = summaries.length;
    const [brief] = summaries;
    if (brief) {
      const briefId = brief.id;
      for (const highlight of await call<Highlight[]>(dispatch, 'highlights.list', { briefId })) {
        state.highlights[highlight.id] = highlightStateOf(highlight);
      }
      for (const note of await call<SectionNote[]>(dispatch, 'notes.list', { briefId })) {
        state.notes[noteKey(note.sectionId)] = note.doc;
      }
    }
  } finally {
    library.close();
  }

  const db = new Database(dbPath);
  try {
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    return {
      state,
      briefs,
      integrityProblems: integrity
        .map((row) => row.integrity_check)
        .filter((line) => line !== 'ok'),
      foreignKeyViolations: foreignKeys.length,
    };
  } finally {
    db.close();
  }
}

async function call<T>(dispatch: Dispatch, method: string, request: unknown): Promise<T> {
  const result = await dispatch(method, request);
  if (!result.ok) throw new Error(`${method} failed after reopening: ${result.error.message}`);
  return result.value as T;
}
