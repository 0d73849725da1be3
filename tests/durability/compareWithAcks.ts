import { isDeepStrictEqual } from 'node:util';
import type {
  CreateIntent,
  HighlightState,
  LibraryEffect,
  LibraryState,
  WriterMessage,
} from './writerMessages';

/** What the write in flight at the kill left behind: all of it, none of it, or a part (torn). */
export type InFlightOutcome = 'none' | 'committed' | 'not-committed' | 'torn' | 'no-change';

export interface TrialFindings {
  acknowledged: number;
  /** Writes the service refused: the writer only asks for valid ones, so each is a failure. */
  refused: number;
  /** Acknowledged writes (by seq) whose effect is missing from the reopened library. */
  lostWrites: number[];
  /** Records that differ from what the writes said, without any write to explain it. */
  unexplained: string[];
  inFlight: InFlightOutcome;
  /** The kill landed between the start and end of a WAL checkpoint. */
  duringCheckpoint: boolean;
  /** Backups taken and restores done, acknowledged. */
  backupsTaken: number;
  restoresDone: number;
  /** What each acknowledged backup must hold, by file name. */
  backups: Map<string, LibraryState>;
  /** The kill landed during a backup. */
  duringBackup: boolean;
  /**
   * The kill landed during a restore, which may have happened or not: the library is found as it
   * was ('old'), as the backup was ('restored'), or as neither (a failure).
   */
  duringRestore: 'old' | 'restored' | 'neither' | null;
  /** When found restored: what the library held before, which its before-restore backup must. */
  stateBeforeRestore: LibraryState | null;
}

type Intent = Extract<WriterMessage, { type: 'intent' }>;
/** Which acknowledged write each record last came from, to name the write a loss undid. */
interface LastAcks {
  highlights: Map<string, number>;
  notes: Map<string, number>;
}
interface Expectation {
  state: LibraryState;
  lastAck: LastAcks;
}

/**
 * Checks the reopened library against the writer's messages. Expected: the state before the
 * trial with every acknowledged write applied in order. The one write in flight at the kill may
 * be there or not, but whole: one transaction. Anything else is a lost write or unexplained.
 * An acknowledged restore puts back what the library held at that backup's acknowledgement; a
 * restore in flight may have happened or not, but nothing in between.
 */
export function compareWithAcks(
  before: LibraryState,
  messages: WriterMessage[],
  after: LibraryState,
): TrialFindings {
  let expected = structuredClone(before);
  let lastAck: LastAcks = { highlights: new Map(), notes: new Map() };
  const intents = new Map<number, Intent>();
  const snapshots = new Map<string, Expectation>();
  let pending: Intent | null = null;
  let acknowledged = 0;
  let refused = 0;
  let duringCheckpoint = false;
  let restoresDone = 0;
  for (const message of messages) {
    if (message.type === 'intent') {
      intents.set(message.seq, message);
      pending = message;
    } else if (message.type === 'ack') {
      const intent = intents.get(message.seq)!;
      if (intent.method === 'backups.create') {
        snapshots.set(message.backup!, copyOf({ state: expected, lastAck }));
      } else if (intent.method === 'backups.restore') {
        const replaced = expected;
        ({ state: expected, lastAck } = copyOf(snapshots.get(intent.restoreFrom!)!));
        // What the restore changed is lost, if found as before, by the restore.
        for (const id of keysOf(replaced.highlights, expected.highlights)) {
          if (!isDeepStrictEqual(replaced.highlights[id], expected.highlights[id])) {
            lastAck.highlights.set(id, message.seq);
          }
        }
        for (const key of keysOf(replaced.notes, expected.notes)) {
          if (!isDeepStrictEqual(replaced.notes[key], expected.notes[key])) {
            lastAck.notes.set(key, message.seq);
          }
        }
        restoresDone += 1;
      } else {
        const effect = message.effect ?? intent.effect;
        applyEffect(expected, effect);
        for (const id of Object.keys(effect.highlights)) lastAck.highlights.set(id, message.seq);
        for (const key of Object.keys(effect.notes)) lastAck.notes.set(key, message.seq);
        acknowledged += 1;
      }
      pending = null;
    } else if (message.type === 'refused') {
      refused += 1;
      pending = null;
    } else if (message.type === 'checkpoint') {
      duringCheckpoint = message.phase === 'start';
    }
  }

  const restoring = pending?.method === 'backups.restore' ? pending : null;
  const duringBackup = pending?.method === 'backups.create';
  const write = restoring || duringBackup ? null : pending;
  let found = checkState({ state: expected, lastAck }, write, after);
  let duringRestore: TrialFindings['duringRestore'] = null;
  let stateBeforeRestore: LibraryState | null = null;
  if (restoring) {
    const restored = checkState(snapshots.get(restoring.restoreFrom!)!, null, after);
    if (clean(found)) duringRestore = 'old';
    else if (clean(restored)) {
      duringRestore = 'restored';
      stateBeforeRestore = expected;
      found = restored;
    } else duringRestore = 'neither';
  }

  return {
    acknowledged,
    refused,
    lostWrites: [...found.lost].sort((a, b) => a - b),
    unexplained: found.unexplained,
    inFlight: inFlightOutcome(write, found.tally),
    duringCheckpoint,
    backupsTaken: snapshots.size,
    restoresDone,
    backups: new Map([...snapshots].map(([name, snapshot]) => [name, snapshot.state])),
    duringBackup,
    duringRestore,
    stateBeforeRestore,
  };
}

interface StateCheck {
  lost: Set<number>;
  unexplained: string[];
  tally: { applied: number; notApplied: number };
}

function clean(check: StateCheck): boolean {
  return check.lost.size === 0 && check.unexplained.length === 0;
}

/** Compares the reopened state with the expected one, the write in flight allowed or not. */
function checkState(
  { state: expected, lastAck }: Expectation,
  pending: Intent | null,
  after: LibraryState,
): StateCheck {
  const lost = new Set<number>();
  const unexplained: string[] = [];
  const tally = { applied: 0, notApplied: 0 };
  const strays: [string, HighlightState][] = [];

  const check = <T>(
    kind: 'highlight' | 'note',
    key: string,
    got: T | undefined,
    want: T | undefined,
    inFlight: Record<string, T | null> | undefined,
    ackedBy: number | undefined,
  ) => {
    const touched = inFlight !== undefined && Object.hasOwn(inFlight, key);
    const wantIfCommitted = touched ? (inFlight[key] ?? undefined) : want;
    if (touched && !isDeepStrictEqual(want, wantIfCommitted)) {
      if (isDeepStrictEqual(got, wantIfCommitted)) tally.applied += 1;
      else if (isDeepStrictEqual(got, want)) tally.notApplied += 1;
    }
    if (isDeepStrictEqual(got, want) || isDeepStrictEqual(got, wantIfCommitted)) return;
    if (ackedBy !== undefined) lost.add(ackedBy);
    else if (kind === 'highlight' && want === undefined && got !== undefined) {
      strays.push([key, got as HighlightState]);
    } else unexplained.push(`${kind} ${key || '(brief note)'}`);
  };

  const effect: LibraryEffect | undefined = pending?.effect;
  for (const id of keysOf(expected.highlights, after.highlights, effect?.highlights)) {
    const got = after.highlights[id];
    check(
      'highlight',
      id,
      got,
      expected.highlights[id],
      effect?.highlights,
      lastAck.highlights.get(id),
    );
  }
  for (const key of keysOf(expected.notes, after.notes, effect?.notes)) {
    check(
      'note',
      key,
      after.notes[key],
      expected.notes[key],
      effect?.notes,
      lastAck.notes.get(key),
    );
  }

  // Highlights no acknowledged write made: the create in flight, if they are all of it.
  const create = pending?.create;
  if (create && strays.length === create.ranges.length && matchesCreate(strays, create)) {
    tally.applied += strays.length;
  } else {
    if (create) tally.notApplied += create.ranges.length;
    for (const [id] of strays) unexplained.push(`highlight ${id}`);
  }
  return { lost, unexplained, tally };
}

function copyOf(snapshot: Expectation): Expectation {
  return {
    state: structuredClone(snapshot.state),
    lastAck: {
      highlights: new Map(snapshot.lastAck.highlights),
      notes: new Map(snapshot.lastAck.notes),
    },
  };
}

function inFlightOutcome(
  pending: Intent | null,
  tally: { applied: number; notApplied: number },
): InFlightOutcome {
  if (!pending) return 'none';
  if (tally.applied > 0 && tally.notApplied > 0) return 'torn';
  if (tally.applied > 0) return 'committed';
  if (tally.notApplied > 0) return 'not-committed';
  return 'no-change';
}

function applyEffect(state: LibraryState, effect: LibraryEffect): void {
  for (const [id, highlight] of Object.entries(effect.highlights)) {
    if (highlight === null) delete state.highlights[id];
    else state.highlights[id] = highlight;
  }
  Object.assign(state.notes, effect.notes);
}

function keysOf(...records: (Record<string, unknown> | undefined)[]): Set<string> {
  return new Set(records.flatMap((record) => (record ? Object.keys(record) : [])));
}

/** The strays are the selection's parts: same ranges, role and comment, one group when several. */
function matchesCreate(strays: [string, HighlightState][], create: CreateIntent): boolean {
  const groups = new Set(strays.map(([, state]) => state.groupId));
  if (create.ranges.length > 1 ? groups.size !== 1 || groups.has(null) : !groups.has(null)) {
    return false;
  }
  return create.ranges.every((range) =>
    strays.some(
      ([, state]) =>
        state.sectionId === range.sectionId &&
        state.start === range.start &&
        state.end === range.end &&
        state.role === create.role &&
        state.comment === create.comment,
    ),
  );
}
