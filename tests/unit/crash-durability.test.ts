import { describe, expect, test } from 'vitest';
import { compareWithAcks } from '../durability/compareWithAcks';
import { formatFigures } from '../durability/formatFigures';
import { runCrashTrials } from '../durability/runCrashTrials';
import type { HighlightState, LibraryState, WriterMessage } from '../durability/writerMessages';

// The short run of `npm run test:durability`: a writer process killed with SIGKILL while it
// writes annotations and notes, the library reopened after each kill as the app would.
// A failure prints the seed: `npm run test:durability -- --seed N --trials 10 --min-delay 20
// --max-delay 400` makes the same writes and kill delays (where each kill lands still varies).
test('a killed process loses no acknowledged write and leaves a sound library', async () => {
  const seed = Math.floor(Math.random() * 2 ** 31);
  const figures = await runCrashTrials({ trials: 10, seed, killDelayMs: [20, 400] });
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
