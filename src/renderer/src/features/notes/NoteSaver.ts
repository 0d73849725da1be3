import type { ApiResult } from '../../../../shared/api';
import type { NoteDoc, SectionNote } from '../../../../shared/model';
import type { NoteSaveState } from './NoteSaveState';

/** Sends one note to the library; resolves with the API's result, never rejects. */
export type SaveNote = (
  sectionId: string | null,
  doc: NoteDoc,
) => Promise<ApiResult<{ updatedAt: string }>>;

// Map keys: a section id, or this for the note on the whole brief.
const BRIEF_KEY = '\u0000brief';

function keyOf(sectionId: string | null): string {
  return sectionId ?? BRIEF_KEY;
}

function sectionIdOf(key: string): string | null {
  return key === BRIEF_KEY ? null : key;
}

/**
 * Holds a brief's notes as last typed and saves them: on a debounce while typing, and at once
 * when flushed. Saves go out one after another, so the library always ends with the newest text;
 * a failed save stays dirty and is retried on the next flush.
 */
export class NoteSaver {
  private readonly docs = new Map<string, NoteDoc>();
  private readonly dirty = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private lastError: string | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelayMs: number;
  private state: NoteSaveState = { kind: 'idle' };

  constructor(
    private readonly save: SaveNote,
    private readonly onStateChange: (state: NoteSaveState) => void,
    private readonly debounceMs = 600,
    private readonly firstRetryMs = 2_000,
  ) {
    this.retryDelayMs = firstRetryMs;
  }

  /** Takes the notes as loaded; notes typed since are kept. */
  load(notes: readonly SectionNote[]): void {
    for (const note of notes) {
      const key = keyOf(note.sectionId);
      if (!this.dirty.has(key)) this.docs.set(key, note.doc);
    }
  }

  /** The note as last typed or loaded. */
  get(sectionId: string | null): NoteDoc | undefined {
    return this.docs.get(keyOf(sectionId));
  }

  /** Every note as last typed or loaded, the one on the whole brief under a null section. */
  all(): { sectionId: string | null; doc: NoteDoc }[] {
    return [...this.docs].map(([key, doc]) => ({ sectionId: sectionIdOf(key), doc }));
  }

  /** Records an edit and schedules a save. */
  edit(sectionId: string | null, doc: NoteDoc): void {
    const key = keyOf(sectionId);
    this.docs.set(key, doc);
    this.dirty.add(key);
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.debounceMs);
    this.publish();
  }

  /** True while an edit has not been acknowledged by the library. */
  get hasUnsavedChanges(): boolean {
    return this.dirty.size > 0 || this.inFlight > 0;
  }

  /** Sends every unsaved note now; resolves when they have all been answered. */
  flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    const keys = [...this.dirty];
    this.dirty.clear();
    for (const key of keys) {
      this.inFlight += 1;
      this.queue = this.queue.then(() => this.send(key));
    }
    this.publish();
    return this.queue;
  }

  private async send(key: string): Promise<void> {
    try {
      // The newest text for the key at send time: a later edit may have replaced it already.
      const doc = this.docs.get(key);
      if (doc === undefined) return;
      const result = await this.save(sectionIdOf(key), doc);
      if (result.ok) {
        this.lastError = null;
        this.retryDelayMs = this.firstRetryMs;
      } else {
        this.lastError = result.error.message;
        this.dirty.add(key);
        this.scheduleRetry();
      }
    } finally {
      this.inFlight -= 1;
      this.publish();
    }
  }

  /** A failed save is tried again by itself, backing off to every 30 s, until it succeeds. */
  private scheduleRetry(): void {
    if (this.retryTimer !== null) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, this.retryDelayMs);
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, 30_000);
  }

  private publish(): void {
    const next: NoteSaveState = this.lastError
      ? { kind: 'error', message: this.lastError }
      : this.hasUnsavedChanges
        ? { kind: 'saving' }
        : this.state.kind === 'idle'
          ? this.state
          : { kind: 'saved' };
    const same =
      next.kind === this.state.kind &&
      (next.kind !== 'error' ||
        (this.state.kind === 'error' && this.state.message === next.message));
    if (same) return;
    this.state = next;
    this.onStateChange(next);
  }
}
