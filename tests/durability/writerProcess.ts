// The process the crash trials kill: opens a library file the way the app does and writes
// annotations and notes through the API, with backups and restores among them, until it is
// killed. Bundled by bundleWriter, run by startWriter:
// `node writer.mjs --db PATH --sample PATH --seed N [--backups-first]`.
import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createDispatch, type Dispatch } from '../../src/main/api/dispatch';
import { LibraryHost } from '../../src/main/services/LibraryHost';
import { sectionPlainText } from '../../src/shared/anchoring/sectionText';
import type { Highlight } from '../../src/shared/highlights';
import type { Brief, BriefSummary, SectionNote } from '../../src/shared/model';
import { mulberry32 } from '../fuzz/mulberry32';
import { driveWrites } from './driveWrites';
import { highlightStateOf, noteKey, type LibraryState, type WriterMessage } from './writerMessages';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    sample: { type: 'string' },
    seed: { type: 'string' },
    'backups-first': { type: 'boolean', default: false },
  },
});
const dbPath = values.db!;
const seed = Number(values.seed ?? '1');

// Straight to the file descriptor, never through process.stdout's buffer: once this returns the
// line is in the pipe, and a kill after it cannot take it back.
function emit(message: WriterMessage): void {
  const bytes = Buffer.from(`${JSON.stringify(message)}\n`);
  for (let written = 0; written < bytes.length;) {
    written += writeSync(1, bytes, written);
  }
}

async function call<T>(dispatch: Dispatch, method: string, request: unknown): Promise<T> {
  const result = await dispatch(method, request);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as T;
}

// Loaded and waiting: the runner starts the next writer while the current one runs, and says
// "go" only once the library is free, so the module loading is not part of each trial.
const go = new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
emit({ type: 'loaded' });
await go;
process.stdin.pause();

// A host, as the app has: backups.restore closes the library, swaps the file and reopens it.
const host = LibraryHost.forFile({ dbPath, sampleBriefPath: values.sample! }).open();
const dispatch = createDispatch(host);
await call(dispatch, 'app.welcome', {});
const [summary] = await call<BriefSummary[]>(dispatch, 'briefs.list', {});
if (!summary) throw new Error('The sample brief is not in the library.');
const brief = await call<Brief>(dispatch, 'briefs.get', { briefId: summary.id });
const state: LibraryState = { highlights: {}, notes: {} };
for (const highlight of await call<Highlight[]>(dispatch, 'highlights.list', {
  briefId: brief.id,
})) {
  state.highlights[highlight.id] = highlightStateOf(highlight);
}
for (const note of await call<SectionNote[]>(dispatch, 'notes.list', { briefId: brief.id })) {
  state.notes[noteKey(note.sectionId)] = note.doc;
}

// A second connection, as a backup or another window would have: its checkpoints copy the WAL
// into the library file while the writer goes on, and kills land during them too.
const openCheckpointer = () => {
  const db = new Database(dbPath);
  db.pragma('busy_timeout = 5000');
  return db;
};
let checkpointer = openCheckpointer();

emit({ type: 'ready', briefId: brief.id });
await driveWrites({
  dispatch,
  briefId: brief.id,
  sections: brief.sections.map((section) => ({
    id: section.id,
    length: sectionPlainText(section).length,
  })),
  state,
  random: mulberry32(seed),
  tag: seed.toString(36),
  emit,
  checkpoint: (mode) => checkpointer.pragma(`wal_checkpoint(${mode})`),
  async withoutCheckpointer(run) {
    checkpointer.close();
    try {
      return await run();
    } finally {
      checkpointer = openCheckpointer();
    }
  },
  backupsFirst: values['backups-first'],
});
