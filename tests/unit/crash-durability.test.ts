import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { backupFileName } from '../../src/main/db/backupFileName';
import { openLibrary } from '../../src/main/services/openLibrary';
import { compareWithAcks } from '../durability/compareWithAcks';
import { formatFigures } from '../durability/formatFigures';
import { inspectBackups } from '../durability/inspectBackups';
import { runCrashTrials } from '../durability/runCrashTrials';
import type { HighlightState, LibraryState, WriterMessage } from '../durability/writerMessages';
import { sampleBriefPath, tempDbPath } from './helpers/tempLibrary';

// The short run of `npm run test:durability`: a writer process killed with SIGKILL while it
// writes annotations and notes, the library reopened after each kill as the app would.
// A failure prints the seed: `npm run test:durability -- --seed N --trials 10 --min-delay 20
// --max-delay 400` makes the same writes and kill delays (where each kill lands still varies).
test('a killed process loses no acknowledged write and leaves a sound library', async () => {
  const seed = Math.floor(Math.random() * 2 ** 31);
  const figures = await runCrashTrials({
    trials: 10,
    seed,
    killDelayMs: [20, 400],
    openingTrials: 2,
  });
  const report = formatFigures(figures);
  console.log(report);

  expect(figures.kills, report).toBe(10);
  expect(figures.acknowledgedWrites, report).toBeGreaterThan(0);
  expect(figures.lostWrites, report).toBe(0);
  expect(figures.unexplainedChanges, report).toBe(0);
  expect(figures.integrityFailures, report).toBe(0);
  expect(figures.foreignKeyViolations, report).toBe(0);
  expect(figures.reopenFailures, report).toBe(0);
  expect(figures.refusedWrites, report).toBe(0);
  expect(figures.writerFailures, report).toBe(0);
  expect(figures.inFlight.torn, report).toBe(0);
  expect(figures.backupProblems, report).toBe(0);
  expect(figures.stalePartialsKept, report).toBe(0);
  expect(figures.openingFailures, report).toBe(0);
}, 120_000);

// Writers that back up, write a little and restore that backup over and over, so the kills land
// in the middle of backups and restores (`npm run test:durability -- --backups-first`).
test('a kill during a backup or a restore leaves the library as it was or as restored', async () => {
  const seed = Math.floor(Math.random() * 2 ** 31);
  const figures = await runCrashTrials({
    trials: 4,
    seed,
    killDelayMs: [20, 300],
    backupsFirst: true,
  });
  const report = formatFigures(figures);
  console.log(report);

  expect(figures.kills, report).toBe(4);
  expect(figures.backupsTaken + figures.killsDuringBackup, report).toBeGreaterThan(0);
  expect(figures.restoresDone + figures.killsDuringRestore, report).toBeGreaterThan(0);
  expect(figures.killsDuringBackup + figures.killsDuringRestore, report).toBeGreaterThan(0);
  expect(figures.restoreOutcomes.old + figures.restoreOutcomes.restored, report).toBe(
    figures.killsDuringRestore,
  );
  expect(figures.backupProblems, report).toBe(0);
  expect(figures.stalePartialsKept, report).toBe(0);
  expect(figures.lostWrites, report).toBe(0);
  expect(figures.unexplainedChanges, report).toBe(0);
  expect(figures.integrityFailures, report).toBe(0);
  expect(figures.reopenFailures, report).toBe(0);
  expect(figures.refusedWrites, report).toBe(0);
  expect(figures.writerFailures, report).toBe(0);
}, 120_000);

describe('checking a reopened library against the acknowledgements', () => {
  const note = (text: string) => ({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  });
  const highlight = (role: HighlightState['role'], groupId: string | null = null) => ({
    sectionId: 'decisions',
    start: 0,
    end: 12,
    role,
    comment: '',
    groupId,
  });
  const empty = (): LibraryState => ({ highlights: {}, notes: {} });
  const saveNote = (seq: number, text: string): WriterMessage => ({
    type: 'intent',
    seq,
    method: 'notes.save',
    effect: { highlights: {}, notes: { decisions: note(text) } },
  });

  test('an acknowledged note missing after the kill is a lost write', () => {
    const messages: WriterMessage[] = [
      saveNote(1, 'first'),
      { type: 'ack', seq: 1 },
      saveNote(2, 'second'),
      { type: 'ack', seq: 2 },
    ];
    const after = { highlights: {}, notes: { decisions: note('first') } };
    expect(compareWithAcks(empty(), messages, after).lostWrites).toEqual([2]);
  });

  test('the write in flight may be there or not, but nothing else may change', () => {
    const messages: WriterMessage[] = [
      saveNote(1, 'first'),
      { type: 'ack', seq: 1 },
      saveNote(2, 'second'),
    ];
    const committed = { highlights: {}, notes: { decisions: note('second') } };
    const notCommitted = { highlights: {}, notes: { decisions: note('first') } };
    const changed = { highlights: {}, notes: { decisions: note('first'), '': note('stray') } };
    expect(compareWithAcks(empty(), messages, committed)).toMatchObject({
      lostWrites: [],
      unexplained: [],
      inFlight: 'committed',
    });
    expect(compareWithAcks(empty(), messages, notCommitted).inFlight).toBe('not-committed');
    expect(compareWithAcks(empty(), messages, changed).unexplained).toEqual(['note (brief note)']);
  });

  test('a highlight created by the write in flight is recognised by its selection', () => {
    const messages: WriterMessage[] = [
      {
        type: 'intent',
        seq: 1,
        method: 'highlights.create',
        effect: { highlights: {}, notes: {} },
        create: {
          ranges: [{ sectionId: 'decisions', start: 0, end: 12 }],
          role: 'evidence',
          comment: '',
        },
      },
    ];
    const created = { highlights: { h1: highlight('evidence') }, notes: {} };
    const other = { highlights: { h1: highlight('question') }, notes: {} };
    expect(compareWithAcks(empty(), messages, created).inFlight).toBe('committed');
    expect(compareWithAcks(empty(), messages, other).unexplained).toEqual(['highlight h1']);
  });

  const backUp = (seq: number, fileName: string): WriterMessage[] => [
    { type: 'intent', seq, method: 'backups.create', effect: { highlights: {}, notes: {} } },
    { type: 'ack', seq, backup: fileName },
  ];
  const restore = (seq: number, fileName: string): WriterMessage => ({
    type: 'intent',
    seq,
    method: 'backups.restore',
    effect: { highlights: {}, notes: {} },
    restoreFrom: fileName,
  });
  const notes = (text: string) => ({ highlights: {}, notes: { decisions: note(text) } });

  test('a restore in flight may have happened or not, and if so the old library was saved', () => {
    const messages: WriterMessage[] = [
      saveNote(1, 'first'),
      { type: 'ack', seq: 1 },
      ...backUp(2, 'b1'),
      saveNote(3, 'second'),
      { type: 'ack', seq: 3 },
      restore(4, 'b1'),
    ];
    expect(compareWithAcks(empty(), messages, notes('second'))).toMatchObject({
      lostWrites: [],
      duringRestore: 'old',
      stateBeforeRestore: null,
    });
    expect(compareWithAcks(empty(), messages, notes('first'))).toMatchObject({
      lostWrites: [],
      duringRestore: 'restored',
      stateBeforeRestore: notes('second'),
    });
    expect(compareWithAcks(empty(), messages, empty())).toMatchObject({
      lostWrites: [3],
      duringRestore: 'neither',
    });
  });

  test('after an acknowledged restore the backup is expected, then the writes after it', () => {
    const messages: WriterMessage[] = [
      saveNote(1, 'first'),
      { type: 'ack', seq: 1 },
      ...backUp(2, 'b1'),
      saveNote(3, 'second'),
      { type: 'ack', seq: 3 },
      restore(4, 'b1'),
      { type: 'ack', seq: 4 },
    ];
    const restored = compareWithAcks(empty(), messages, notes('first'));
    expect(restored).toMatchObject({ lostWrites: [], restoresDone: 1, duringRestore: null });
    expect(restored.backups.get('b1')).toEqual(notes('first'));
    // Still the library from before the restore: the acknowledged restore was lost.
    expect(compareWithAcks(empty(), messages, notes('second')).lostWrites).toEqual([4]);
    const later = [...messages, saveNote(5, 'third'), { type: 'ack', seq: 5 } as const];
    expect(compareWithAcks(empty(), later, notes('first')).lostWrites).toEqual([5]);
  });

  test('a selection over two sections found changed in one part only is torn', () => {
    const before = {
      highlights: { a: highlight('evidence', 'g'), b: highlight('evidence', 'g') },
      notes: {},
    };
    const messages: WriterMessage[] = [
      {
        type: 'intent',
        seq: 1,
        method: 'highlights.update',
        effect: {
          highlights: { a: highlight('action', 'g'), b: highlight('action', 'g') },
          notes: {},
        },
      },
    ];
    const torn = {
      highlights: { a: highlight('action', 'g'), b: highlight('evidence', 'g') },
      notes: {},
    };
    expect(compareWithAcks(before, messages, torn).inFlight).toBe('torn');
  });
});

test('the backups check finds a torn backup under a real name, not a hidden partial', async () => {
  const dbPath = tempDbPath();
  const library = openLibrary({ dbPath, sampleBriefPath });
  const backup = await library.backups!.takeBackup('manual');
  library.close();
  const empty: LibraryState = { highlights: {}, notes: {} };
  const findings = compareWithAcks(
    empty,
    [
      { type: 'intent', seq: 1, method: 'backups.create', effect: { highlights: {}, notes: {} } },
      { type: 'ack', seq: 1, backup: backup.fileName },
    ],
    empty,
  );
  const whole = readFileSync(backup.path);
  writeFileSync(join(backup.path, '..', '.library.123-abc.partial'), whole.subarray(0, 4096));
  expect((await inspectBackups(dbPath, sampleBriefPath, findings)).problems).toEqual([]);

  const torn = backupFileName('library', new Date(Date.UTC(2026, 0, 2)), 'manual');
  writeFileSync(join(backup.path, '..', torn), whole.subarray(0, whole.length / 2));
  const { problems } = await inspectBackups(dbPath, sampleBriefPath, findings);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toContain(`backup ${torn} fails its check`);
});
