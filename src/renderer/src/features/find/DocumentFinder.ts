import { buildTextIndex, type TextIndex } from './buildTextIndex';
import { findMatches } from './findMatches';
import { FindHighlights } from './FindHighlights';
import { firstMatchInView } from './firstMatchInView';
import { foldForSearch } from './foldForSearch';
import { rangeOf } from './rangeOf';
import { revealRange } from './revealRange';

export interface FindState {
  /** How many matches the query has in the document. */
  total: number;
  /** The current match, 0-based; -1 when there is none. */
  current: number;
}

export const NO_MATCHES: FindState = { total: 0, current: -1 };

// New content usually arrives in bursts (a section at a time); one re-read covers a burst.
const REFRESH_DELAY_MS = 80;

/**
 * Find in one document element: indexes its text once, re-indexes only after its DOM changes,
 * and keeps the matches painted and the current one in view. Call dispose() when done.
 */
export class DocumentFinder {
  private index: TextIndex | null = null;
  private stale = true;
  private query = '';
  private active = false;
  private matches: StaticRange[] = [];
  private current = -1;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly highlights = new FindHighlights();
  private readonly observer: MutationObserver;

  constructor(
    private readonly root: HTMLElement,
    private readonly onChange: (state: FindState) => void,
    /** Pixels at the top of the document covered by the find bar. */
    private readonly obscuredTop: () => number,
  ) {
    this.observer = new MutationObserver(() => this.markStale());
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  /** Looks up `query`; the current match becomes the first one in view or below it. */
  search(query: string): void {
    this.active = true;
    this.query = foldForSearch(query);
    this.collect();
    this.current = this.matches.length > 0 ? firstMatchInView(this.matches, this.root) : -1;
    this.paint();
    this.reveal();
  }

  /** Moves to the next (1) or previous (-1) match, wrapping around the document. */
  step(direction: 1 | -1): void {
    if (!this.active) return;
    if (this.stale) this.refresh();
    const total = this.matches.length;
    if (total === 0) return;
    this.current = (((this.current + direction) % total) + total) % total;
    this.highlights.setCurrent(this.matches[this.current] ?? null);
    this.publish();
    this.reveal();
  }

  /** Stops searching and removes the paint; the index is kept for the next search. */
  stop(): void {
    this.active = false;
    this.cancelRefresh();
    this.matches = [];
    this.current = -1;
    this.highlights.clear();
    this.publish();
  }

  dispose(): void {
    this.stop();
    this.observer.disconnect();
    this.index = null;
  }

  private markStale(): void {
    this.stale = true;
    if (this.active && this.refreshTimer === null) {
      this.refreshTimer = setTimeout(() => {
        this.refreshTimer = null;
        this.refresh();
      }, REFRESH_DELAY_MS);
    }
  }

  private cancelRefresh(): void {
    if (this.refreshTimer !== null) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
  }

  /** Runs the query again on changed content, keeping the current match where it was. */
  private refresh(): void {
    this.cancelRefresh();
    if (!this.active) return;
    const previous = this.matches[this.current];
    const anchor = previous?.startContainer.isConnected ? rangeOf(previous) : null;
    this.collect();
    if (this.matches.length === 0) this.current = -1;
    else if (anchor) this.current = this.firstMatchFrom(anchor);
    else this.current = firstMatchInView(this.matches, this.root);
    this.paint();
  }

  private firstMatchFrom(anchor: Range): number {
    let low = 0;
    let high = this.matches.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const match = this.matches[middle];
      if (match && anchor.comparePoint(match.startContainer, match.startOffset) >= 0) high = middle;
      else low = middle + 1;
    }
    return low < this.matches.length ? low : 0;
  }

  private collect(): void {
    this.matches = [];
    // Nothing to look up: leave reading the document until there is.
    if (this.query.trim().length === 0) return;
    if (this.stale || !this.index) {
      this.index = buildTextIndex(this.root);
      this.stale = false;
    }
    const { nodes, folded } = this.index;
    for (const span of findMatches(folded, this.query)) {
      const startContainer = nodes[span.startSegment];
      const endContainer = nodes[span.endSegment];
      if (!startContainer || !endContainer) continue;
      this.matches.push(
        new StaticRange({
          startContainer,
          startOffset: span.startOffset,
          endContainer,
          endOffset: span.endOffset,
        }),
      );
    }
  }

  private paint(): void {
    if (this.matches.length === 0) this.highlights.clear();
    else this.highlights.paint(this.matches, this.matches[this.current] ?? null);
    this.publish();
  }

  private reveal(): void {
    const match = this.matches[this.current];
    if (match) revealRange(rangeOf(match), this.root, this.obscuredTop());
  }

  private publish(): void {
    this.onChange({ total: this.matches.length, current: this.current });
  }
}
