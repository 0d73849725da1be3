import type { Highlight, HighlightRole, SectionRange } from '../../src/shared/highlights';
import type { NoteDoc } from '../../src/shared/model';

/** What a highlight holds that a user would miss if a write to it were lost. */
export interface HighlightState {
  sectionId: string;
  start: number;
  end: number;
  role: HighlightRole;
  comment: string;
  groupId: string | null;
}

/** The sample brief's annotations: live highlights by id, notes by section ('' for the brief). */
export interface LibraryState {
  highlights: Record<string, HighlightState>;
  notes: Record<string, NoteDoc>;
}

/** What one write changes: highlights set (null: deleted) and notes replaced. */
export interface LibraryEffect {
  highlights: Record<string, HighlightState | null>;
  notes: Record<string, NoteDoc>;
}

/** A selection to highlight: the service chooses the ids, so the runner matches on these. */
export interface CreateIntent {
  ranges: SectionRange[];
  role: HighlightRole;
  comment: string;
}

/**
 * One line of the writer's stdout. An intent is written before a write is dispatched and its ack
 * only once the dispatch resolved ok, that is once the write committed: what the renderer is told.
 */
export type WriterMessage =
  /** Modules loaded, waiting for "go" before it opens the library. */
  | { type: 'loaded' }
  | { type: 'ready'; briefId: string }
  | {
      type: 'intent';
      seq: number;
      method: string;
      effect: LibraryEffect;
      create?: CreateIntent;
      /** For backups.restore: the backup, one this writer took, that replaces the library. */
      restoreFrom?: string;
    }
  /**
   * Without an effect, the write did what its intent said. A backups.create ack names the
   * backup taken; a backups.restore ack comes only once the restore returned.
   */
  | { type: 'ack'; seq: number; effect?: LibraryEffect; backup?: string }
  | { type: 'refused'; seq: number; message: string }
  | { type: 'checkpoint'; seq: number; mode: string; phase: 'start' | 'end' };

export function highlightStateOf(highlight: Highlight): HighlightState {
  const { sectionId, start, end } = highlight.anchor;
  const { role, comment, groupId } = highlight;
  return { sectionId, start, end, role, comment, groupId };
}

export function noteKey(sectionId: string | null): string {
  return sectionId ?? '';
}

export function emptyEffect(): LibraryEffect {
  return { highlights: {}, notes: {} };
}

/**
 * The messages in `text` that arrived whole. A line cut short by the kill is dropped: the
 * renderer would not have received that acknowledgement either.
 */
export function readWriterMessages(text: string): WriterMessage[] {
  const whole = text.slice(0, text.lastIndexOf('\n') + 1);
  return whole
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as WriterMessage);
}
