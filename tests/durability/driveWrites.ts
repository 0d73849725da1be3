import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatch } from '../../src/main/api/dispatch';
import type { BackupEntry } from '../../src/shared/backups';
import {
  HIGHLIGHT_ROLES,
  type Highlight,
  type HighlightRole,
  type SectionRange,
} from '../../src/shared/highlights';
import type { NoteDoc } from '../../src/shared/model';
import type { Random } from '../fuzz/mulberry32';
import {
  emptyEffect,
  highlightStateOf,
  noteKey,
  type CreateIntent,
  type HighlightState,
  type LibraryEffect,
  type LibraryState,
  type WriterMessage,
} from './writerMessages';

export interface WriteDriverOptions {
  dispatch: Dispatch;
  briefId: string;
  /** The brief's sections with the length of their plain text, where selections are made. */
  sections: { id: string; length: number }[];
  /** The annotations as the library holds them when the writer starts. */
  state: LibraryState;
  random: Random;
  /** Distinguishes this writer's comments and notes from earlier writers'. */
  tag: string;
  emit(message: WriterMessage): void;
  /** Checkpoints the WAL into the library file, as SQLite does on its own once the WAL is long. */
  checkpoint(mode: string): void;
  /**
   * Runs a restore with the second connection closed: a restore needs the only connection to
   * the library, as in the app, where nothing else holds it open.
   */
  withoutCheckpointer<T>(run: () => Promise<T>): Promise<T>;
  /**
   * Backs up, writes a little and restores that backup, over and over, so that most kills land
   * in a backup or a restore; otherwise those come now and then among the writes.
   */
  backupsFirst?: boolean;
}

/** Past this many live highlights deleting outweighs creating, so the library stays small. */
const MANY_HIGHLIGHTS = 150;
/** A note grows a paragraph per save up to this length, then is rewritten from one paragraph. */
const LONGEST_NOTE = 40;
const CHECKPOINT_MODES = ['PASSIVE', 'FULL', 'RESTART', 'TRUNCATE'];
/** How often a writer checkpoints, per write: chosen once per writer. */
const CHECKPOINT_SHARES = [0, 0.02, 0.1, 0.25];
/** How often a writer backs up (a manual backup, as from the backups dialog), per write. */
const BACKUP_SHARES = [0, 0.04, 0.1];
/** The share of those turns that restores one of the writer's recent backups instead. */
const RESTORE_SHARE = 0.35;
const WORDS = 'allied readiness pledge budget forces training logistics review deadline'.split(' ');

/**
 * Writes annotations and notes through the API as fast as it can, until the process is killed:
 * highlights created over one or two sections, recoloured, commented, deleted and restored, and
 * notes growing a paragraph at a time; now and then a manual backup, or a restore of one of its
 * recent backups. Announces each write before dispatching it and acknowledges it once the
 * dispatch resolved.
 */
export async function driveWrites(options: WriteDriverOptions): Promise<never> {
  const { dispatch, briefId, sections, random, tag, emit } = options;
  let live = new Map(Object.entries(options.state.highlights));
  let notes = new Map(Object.entries(options.state.notes));
  /** The backups this writer took, with what they hold, for restoring. */
  const backups: { fileName: string; live: typeof live; notes: typeof notes }[] = [];
  /** Selections this writer deleted, part by part, for restoring. */
  const deleted: [string, HighlightState][][] = [];
  const selectable = sections.filter((section) => section.length >= 20);
  let seq = 0;

  const write = async (
    method: string,
    request: unknown,
    effect: LibraryEffect,
    extra: { create?: CreateIntent; restoreFrom?: string } = {},
  ): Promise<unknown> => {
    seq += 1;
    emit({ type: 'intent', seq, method, effect, ...extra });
    const result = await dispatch(method, request);
    if (!result.ok) {
      emit({ type: 'refused', seq, message: result.error.message });
      return null;
    }
    return result.value;
  };

  const groupOf = (id: string): [string, HighlightState][] => {
    const groupId = live.get(id)?.groupId ?? null;
    if (groupId === null) return [[id, live.get(id)!]];
    return [...live].filter(([, state]) => state.groupId === groupId);
  };

  const createHighlight = async () => {
    const first = random.int(selectable.length);
    const spansTwo = first + 1 < selectable.length && random.next() < 0.15;
    const ranges = (spansTwo ? [first, first + 1] : [first]).map((index): SectionRange => {
      const { id, length } = selectable[index]!;
      const start = random.int(length - 10);
      return { sectionId: id, start, end: start + 1 + random.int(Math.min(120, length - start)) };
    });
    const role = random.pick(HIGHLIGHT_ROLES);
    const comment = random.next() < 0.5 ? '' : `Why this? ${tag}-${seq + 1}`;
    const request = { briefId, ranges, role, comment };
    const created = (await write('highlights.create', request, emptyEffect(), {
      create: { ranges, role, comment },
    })) as Highlight[] | null;
    if (!created) return;
    const effect = emptyEffect();
    for (const highlight of created) {
      live.set(highlight.id, highlightStateOf(highlight));
      effect.highlights[highlight.id] = highlightStateOf(highlight);
    }
    emit({ type: 'ack', seq, effect });
  };

  const updateHighlight = async (id: string) => {
    const change: { role?: HighlightRole; comment?: string } = {};
    if (random.next() < 0.6) change.role = random.pick(HIGHLIGHT_ROLES);
    if (!change.role || random.next() < 0.5) change.comment = `Revised ${tag}-${seq + 1}`;
    const intended = emptyEffect();
    for (const [partId, state] of groupOf(id)) {
      intended.highlights[partId] = { ...state, ...change };
    }
    const updated = (await write('highlights.update', { highlightId: id, ...change }, intended)) as
      Highlight[] | null;
    if (!updated) return;
    const effect = emptyEffect();
    for (const highlight of updated) {
      live.set(highlight.id, highlightStateOf(highlight));
      effect.highlights[highlight.id] = highlightStateOf(highlight);
    }
    emit({ type: 'ack', seq, effect });
  };

  const deleteHighlight = async (id: string) => {
    const parts = groupOf(id);
    const intended = emptyEffect();
    for (const [partId] of parts) intended.highlights[partId] = null;
    const removed = (await write('highlights.delete', { highlightId: id }, intended)) as
      Highlight[] | null;
    if (!removed) return;
    const effect = emptyEffect();
    for (const highlight of removed) {
      live.delete(highlight.id);
      effect.highlights[highlight.id] = null;
    }
    deleted.push(removed.map((highlight) => [highlight.id, highlightStateOf(highlight)]));
    emit({ type: 'ack', seq, effect });
  };

  const restoreHighlight = async () => {
    const parts = deleted.splice(random.int(deleted.length), 1)[0]!;
    const intended = emptyEffect();
    for (const [partId, state] of parts) intended.highlights[partId] = state;
    const restored = (await write(
      'highlights.restore',
      { highlightId: parts[0]![0] },
      intended,
    )) as Highlight[] | null;
    if (!restored) return;
    const effect = emptyEffect();
    for (const highlight of restored) {
      live.set(highlight.id, highlightStateOf(highlight));
      effect.highlights[highlight.id] = highlightStateOf(highlight);
    }
    emit({ type: 'ack', seq, effect });
  };

  const saveNote = async () => {
    const sectionId = random.next() < 0.2 ? null : random.pick(sections).id;
    const key = noteKey(sectionId);
    const doc = grownNote(notes.get(key), `${tag}-${seq + 1}`, random);
    const intended = emptyEffect();
    intended.notes[key] = doc;
    const saved = await write('notes.save', { briefId, sectionId, doc }, intended);
    if (!saved) return;
    notes.set(key, doc);
    emit({ type: 'ack', seq });
  };

  const takeBackup = async () => {
    const entry = (await write('backups.create', {}, emptyEffect())) as BackupEntry | null;
    if (!entry) return;
    backups.push({ fileName: entry.fileName, live: new Map(live), notes: new Map(notes) });
    emit({ type: 'ack', seq, backup: entry.fileName });
  };

  const restoreBackup = async () => {
    const backup = random.pick(backups.slice(-3));
    const restored = await options.withoutCheckpointer(() =>
      write('backups.restore', { fileName: backup.fileName }, emptyEffect(), {
        restoreFrom: backup.fileName,
      }),
    );
    if (!restored) return;
    live = new Map(backup.live);
    notes = new Map(backup.notes);
    // Deleted since the backup or not: either way not worth tracking across a restore.
    deleted.length = 0;
    emit({ type: 'ack', seq });
  };

  const writeOnce = async () => {
    const roll = random.next();
    const many = live.size > MANY_HIGHLIGHTS;
    const someId = () => random.pick([...live.keys()]);
    if (roll < 0.4) await saveNote();
    else if (live.size === 0 || roll < (many ? 0.45 : 0.65)) await createHighlight();
    else if (roll < 0.85) await updateHighlight(someId());
    else if (deleted.length > 0 && roll < (many ? 0.87 : 0.9)) await restoreHighlight();
    else await deleteHighlight(someId());
  };

  if (options.backupsFirst) {
    for (;;) {
      await takeBackup();
      for (let writes = random.int(3); writes > 0; writes--) await writeOnce();
      await restoreBackup();
    }
  }

  // Some writers checkpoint often, so kills land during checkpoints; some never, so the WAL grows.
  const checkpointShare = random.pick(CHECKPOINT_SHARES);
  const backupShare = random.pick(BACKUP_SHARES);
  for (;;) {
    if (random.next() < checkpointShare) {
      const mode = random.pick(CHECKPOINT_MODES);
      emit({ type: 'checkpoint', seq, mode, phase: 'start' });
      options.checkpoint(mode);
      emit({ type: 'checkpoint', seq, mode, phase: 'end' });
    } else if (random.next() < backupShare) {
      if (backups.length > 0 && random.next() < RESTORE_SHARE) await restoreBackup();
      else await takeBackup();
    } else await writeOnce();
    // Now and then a breath, so kills land at more varied points of a write.
    if (random.next() < 0.2) await sleep(random.int(4));
  }
}

/** The note with one more paragraph, as a user typing on; long notes start over. */
function grownNote(previous: NoteDoc | undefined, label: string, random: Random): NoteDoc {
  const content =
    previous?.content && previous.content.length < LONGEST_NOTE ? previous.content : [];
  const words = Array.from({ length: 3 + random.int(30) }, () => random.pick(WORDS)).join(' ');
  const paragraph: NoteDoc =
    random.next() < 0.3
      ? {
          type: 'paragraph',
          content: [
            { type: 'text', text: `Entry ${label}: `, marks: [{ type: 'bold' }] },
            { type: 'text', text: words },
          ],
        }
      : { type: 'paragraph', content: [{ type: 'text', text: `Entry ${label}: ${words}` }] };
  return { type: 'doc', content: [...content, paragraph] };
}
