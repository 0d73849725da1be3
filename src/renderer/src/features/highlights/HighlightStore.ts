import type { BriefmarkClient } from '../../../../shared/api';
import type { Highlight, HighlightRole, SectionRange } from '../../../../shared/highlights';
import { groupOf, removeHighlights, upsertHighlights } from './highlightList';
import { isPendingHighlight, pendingHighlights } from './pendingHighlights';
import { type HighlightChange, revertHighlightChange } from './revertHighlightChange';

export type HighlightApi = Pick<
  BriefmarkClient,
  | 'highlights.list'
  | 'highlights.create'
  | 'highlights.update'
  | 'highlights.delete'
  | 'highlights.restore'
>;

export type HighlightsLoadState =
  { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

/** A change the library refused: shown to the reader until dismissed, with a way to try again. */
export interface HighlightFailure {
  title: string;
  message: string;
  /** Resolves once the retried change has been answered. */
  retry?: () => Promise<unknown>;
}

export interface HighlightStoreState {
  highlights: readonly Highlight[];
  loadState: HighlightsLoadState;
  failure: HighlightFailure | null;
  /** The parts of the last deletion, while it can still be undone. */
  lastDeleted: readonly Highlight[] | null;
}

/**
 * One brief's highlights, kept in step with the library. Colour, comment and delete show at
 * once and are put back if the library refuses; a new highlight is painted at once and replaced
 * by what the library saved. Every refusal becomes a `failure` with a retry, never a silent loss.
 * Each state is a new object, so React can read it with useSyncExternalStore.
 */
export class HighlightStore {
  private state: HighlightStoreState = {
    highlights: [],
    loadState: { kind: 'loading' },
    failure: null,
    lastDeleted: null,
  };
  private readonly listeners = new Set<() => void>();
  private readonly createdHere = new Set<string>();
  private sequence = 0;
  private loads = 0;

  constructor(
    private readonly api: HighlightApi,
    private readonly briefId: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  readonly getState = (): HighlightStoreState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly load = async (): Promise<void> => {
    const attempt = ++this.loads;
    this.set({ loadState: { kind: 'loading' } });
    const result = await this.api['highlights.list']({ briefId: this.briefId });
    if (attempt !== this.loads) return;
    if (!result.ok) {
      this.set({
        loadState: { kind: 'error', message: result.error.message },
        failure: {
          title: 'Highlights could not be loaded',
          message: result.error.message,
          retry: this.retrying(() => this.load()),
        },
      });
      return;
    }
    const loaded = new Set(result.value.map((highlight) => highlight.id));
    // Made while the list was on its way, which may predate them.
    const madeMeanwhile = this.state.highlights.filter(
      (highlight) =>
        !loaded.has(highlight.id) &&
        (isPendingHighlight(highlight) || this.createdHere.has(highlight.id)),
    );
    this.set({
      highlights: [...result.value, ...madeMeanwhile],
      loadState: { kind: 'ready' },
      failure: this.state.loadState.kind === 'error' ? null : this.state.failure,
    });
  };

  /** Resolves to the saved parts, or null when the library refused (then `failure` says why). */
  readonly create = async (
    ranges: readonly SectionRange[],
    role: HighlightRole,
    comment = '',
  ): Promise<Highlight[] | null> => {
    this.sequence += 1;
    const pending = pendingHighlights(
      this.briefId,
      ranges,
      role,
      comment,
      this.sequence,
      this.now(),
    );
    this.setHighlights(upsertHighlights(this.state.highlights, pending));
    const result = await this.api['highlights.create']({
      briefId: this.briefId,
      ranges: [...ranges],
      role,
      ...(comment ? { comment } : {}),
    });
    const withoutPending = removeHighlights(
      this.state.highlights,
      pending.map((part) => part.id),
    );
    if (!result.ok) {
      this.set({
        highlights: withoutPending,
        failure: {
          title: 'The highlight could not be saved',
          message: result.error.message,
          retry: this.retrying(() => this.create(ranges, role, comment)),
        },
      });
      return null;
    }
    for (const part of result.value) this.createdHere.add(part.id);
    this.setHighlights(upsertHighlights(withoutPending, result.value));
    return result.value;
  };

  /** Changes the highlight's whole selection; resolves to whether the library saved it. */
  readonly update = async (highlightId: string, change: HighlightChange): Promise<boolean> => {
    const highlight = this.find(highlightId);
    if (!highlight) return false;
    const before = groupOf(this.state.highlights, highlight);
    this.setHighlights(
      upsertHighlights(
        this.state.highlights,
        before.map((part) => ({ ...part, ...change })),
      ),
    );
    const result = await this.api['highlights.update']({ highlightId, ...change });
    if (!result.ok) {
      this.set({
        highlights: revertHighlightChange(this.state.highlights, before, change),
        failure: {
          title:
            change.comment !== undefined
              ? 'The comment could not be saved'
              : 'The colour could not be changed',
          message: result.error.message,
          retry: this.retrying(() => this.update(highlightId, change)),
        },
      });
      return false;
    }
    this.setHighlights(upsertHighlights(this.state.highlights, result.value));
    return true;
  };

  /** Deletes the highlight's whole selection; `undo` brings it back. */
  readonly remove = async (highlightId: string): Promise<Highlight[] | null> => {
    const highlight = this.find(highlightId);
    if (!highlight) return null;
    const parts = groupOf(this.state.highlights, highlight);
    this.setHighlights(
      removeHighlights(
        this.state.highlights,
        parts.map((part) => part.id),
      ),
    );
    const result = await this.api['highlights.delete']({ highlightId });
    if (!result.ok) {
      this.set({
        highlights: upsertHighlights(this.state.highlights, parts),
        failure: {
          title: 'The highlight could not be deleted',
          message: result.error.message,
          retry: this.retrying(() => this.remove(highlightId)),
        },
      });
      return null;
    }
    this.set({ lastDeleted: result.value });
    return result.value;
  };

  /** Restores the last deletion; resolves to whether the library restored it. */
  readonly undo = async (): Promise<boolean> => {
    const parts = this.state.lastDeleted;
    if (!parts) return false;
    this.set({ lastDeleted: null });
    return this.restore(parts);
  };

  /** The moment to undo has passed (the toast went away). */
  readonly forgetDeleted = (): void => {
    if (this.state.lastDeleted) this.set({ lastDeleted: null });
  };

  readonly dismissFailure = (): void => {
    if (this.state.failure) this.set({ failure: null });
  };

  private async restore(parts: readonly Highlight[]): Promise<boolean> {
    const first = parts[0];
    if (!first) return false;
    const result = await this.api['highlights.restore']({ highlightId: first.id });
    if (!result.ok) {
      this.set({
        failure: {
          title: 'The highlight could not be restored',
          message: result.error.message,
          retry: this.retrying(() => this.restore(parts)),
        },
      });
      return false;
    }
    this.setHighlights(upsertHighlights(this.state.highlights, result.value));
    return true;
  }

  /** A retry takes the failure it came from off the screen, then tries again. */
  private retrying(action: () => Promise<unknown>): () => Promise<unknown> {
    return () => {
      this.set({ failure: null });
      return action();
    };
  }

  private find(highlightId: string): Highlight | undefined {
    return this.state.highlights.find((highlight) => highlight.id === highlightId);
  }

  private setHighlights(highlights: readonly Highlight[]): void {
    this.set({ highlights });
  }

  private set(patch: Partial<HighlightStoreState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
