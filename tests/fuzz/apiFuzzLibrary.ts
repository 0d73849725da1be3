import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createDispatch, type Dispatch } from '../../src/main/api/dispatch';
import type { Library } from '../../src/main/services/Library';
import { openLibrary } from '../../src/main/services/openLibrary';
import type { Highlight } from '../../src/shared/highlights';
import type { SectionNote } from '../../src/shared/model';
import { formattedNote, highlightPhrase, SAMPLE } from '../unit/helpers/annotatedLibrary';
import { sampleBriefPath } from '../unit/helpers/tempLibrary';
import { validRequestsFor, type ValidRequests } from './apiValidRequests';

/** What no fuzzed request may change: compared before and after a run. */
export interface LibraryEvidence {
  briefCount: number;
  highlight: Highlight;
  note: SectionNote;
  integrity: unknown;
}

export interface FuzzLibrary {
  library: Library;
  dispatch: Dispatch;
  dbPath: string;
  briefId: string;
  /** The highlight and note no request touches on purpose. */
  trackedHighlightId: string;
  trackedSectionId: string;
  /** One valid request per API method, aimed at data the run may change. */
  valid: ValidRequests;
  /** The brief count, the tracked highlight and note, and SQLite's integrity check, now. */
  evidence(): LibraryEvidence;
}

/**
 * A real library file holding the sample brief, a highlight and a formatted note that the fuzz
 * run must leave alone, plus a second highlight, a section and a sidecar that valid requests use.
 */
export async function openFuzzLibrary(dir: string): Promise<FuzzLibrary> {
  const dbPath = join(dir, 'library.sqlite3');
  const library = openLibrary({ dbPath, sampleBriefPath });
  const { openBriefId } = await library.welcome();
  if (!openBriefId) throw new Error('The sample brief was not imported on first launch.');
  const briefId = openBriefId;
  const tracked = highlightPhrase(
    library,
    briefId,
    SAMPLE.nsatu,
    'NATO will oversee the training of Ukrainian forces in Allied nations',
    'key-point',
    'Who staffs the logistical nodes?',
  );
  library.saveNote(briefId, SAMPLE.nsatu, formattedNote('Follow-up'));
  const scratch = highlightPhrase(
    library,
    briefId,
    SAMPLE.plans,
    'Today we have 500,000 troops at high readiness across all domains',
    'evidence',
  );
  const sidecar = library
    .exportFilesWith([briefId], {
      includeAllSections: false,
      includeFullText: false,
      groupByRole: false,
      sidecar: true,
    })
    .files.find((file) => file.mediaType === 'application/ld+json');
  if (!sidecar) throw new Error('The export wrote no sidecar.');

  const valid = validRequestsFor({
    briefId,
    meta: library.getBrief(briefId).meta,
    sampleBase64: readFileSync(sampleBriefPath).toString('base64'),
    sidecar: { fileName: sidecar.fileName, base64: Buffer.from(sidecar.text).toString('base64') },
    scratchHighlightId: scratch.id,
    trackedHighlightId: tracked.id,
  });

  return {
    library,
    dispatch: createDispatch(library),
    dbPath,
    briefId,
    trackedHighlightId: tracked.id,
    trackedSectionId: SAMPLE.nsatu,
    valid,
    evidence: () => {
      const highlight = library.highlights.list(briefId).find(({ id }) => id === tracked.id);
      const note = library.listNotes(briefId).find(({ sectionId }) => sectionId === SAMPLE.nsatu);
      if (!highlight || !note) throw new Error('The tracked highlight or note is gone.');
      return {
        briefCount: library.listBriefs().length,
        highlight,
        note,
        integrity: integrityOf(dbPath),
      };
    },
  };
}

/** `PRAGMA integrity_check` through a second connection to the file, as another process sees it. */
function integrityOf(dbPath: string): unknown {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}
