import {
  HIGHLIGHT_ROLES,
  type Highlight as SavedHighlight,
  type HighlightRole,
} from '../../../../shared/highlights';

/** The DOM range of a stretch of a section's text, or null while that text is not mounted. */
export type SectionRangeFinder = (
  sectionElement: Element,
  start: number,
  end: number,
) => Range | null;

interface CachedRange {
  sectionId: string;
  start: number;
  end: number;
  range: Range;
}

function syncRanges(paint: Highlight, wanted: ReadonlySet<Range>): void {
  for (const range of paint) if (!wanted.has(range as Range)) paint.delete(range);
  for (const range of wanted) paint.add(range);
}

/** The registry name of a role's paint, as highlights.css styles it: `::highlight(hl-evidence)`. */
export function highlightPaintName(role: HighlightRole): string {
  return `hl-${role}`;
}

export const ACTIVE_PAINT_NAME = 'hl-active';

/**
 * Paints saved highlights with the CSS Custom Highlight API: one registry entry per role, whose
 * ranges are replaced at most once a frame. The document's DOM is never touched, so hundreds of
 * highlights cost a few hundred Range objects, and sections keep their memoised rendering.
 * Ranges are kept between paints and found again only for sections that changed.
 */
export class HighlightPainter {
  private readonly supported = typeof CSS !== 'undefined' && 'highlights' in CSS;
  private readonly paints = new Map<HighlightRole, Highlight>();
  private readonly active: Highlight | null = null;
  private readonly ranges = new Map<string, CachedRange>();
  private readonly observer: MutationObserver | null = null;
  private highlights: readonly SavedHighlight[] = [];
  private activeIds = new Set<string>();
  private frame = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly rangeFor: SectionRangeFinder,
  ) {
    if (!this.supported) return;
    for (const role of HIGHLIGHT_ROLES) {
      const paint = new Highlight();
      this.paints.set(role, paint);
      CSS.highlights.set(highlightPaintName(role), paint);
    }
    this.active = new Highlight();
    // Above every colour, so the highlight being edited is marked whatever overlaps it.
    this.active.priority = 1;
    CSS.highlights.set(ACTIVE_PAINT_NAME, this.active);
    // Long briefs mount their sections over several frames after opening.
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(root, { childList: true, subtree: true });
  }

  /** Paints these highlights (and no others) in the next frame. */
  setHighlights(highlights: readonly SavedHighlight[]): void {
    this.highlights = highlights;
    this.schedule();
  }

  /** Marks the parts of the highlight whose popover is open; none for an empty list. */
  setActive(ids: readonly string[]): void {
    this.activeIds = new Set(ids);
    this.schedule();
  }

  /** The painted range of one highlight, when its text is mounted. */
  rangeOf(highlightId: string): Range | null {
    const cached = this.ranges.get(highlightId);
    return cached && this.isUsable(cached) ? cached.range : null;
  }

  /** Paints now rather than next frame, e.g. before hit-testing a click. */
  flush(): void {
    if (!this.frame) return;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.paint();
  }

  dispose(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.observer?.disconnect();
    if (!this.supported) return;
    for (const [role, paint] of this.paints) {
      if (CSS.highlights.get(highlightPaintName(role)) === paint) {
        CSS.highlights.delete(highlightPaintName(role));
      }
    }
    if (this.active && CSS.highlights.get(ACTIVE_PAINT_NAME) === this.active) {
      CSS.highlights.delete(ACTIVE_PAINT_NAME);
    }
    this.ranges.clear();
  }

  private schedule(): void {
    if (!this.supported || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  }

  private onMutations(records: readonly MutationRecord[]): void {
    const changed = new Set<string>();
    for (const record of records) {
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      const sectionId = target?.closest<HTMLElement>('[data-section-id]')?.dataset.sectionId;
      if (sectionId) changed.add(sectionId);
    }
    // A section that grew may now hold the rest of a range found when it held only part.
    for (const [id, cached] of this.ranges) {
      if (changed.has(cached.sectionId)) this.ranges.delete(id);
    }
    if (this.highlights.length > 0) this.schedule();
  }

  private isUsable(cached: CachedRange): boolean {
    return cached.range.startContainer.isConnected && !cached.range.collapsed;
  }

  private paint(): void {
    if (!this.supported) return;
    const wanted = new Map<HighlightRole, Set<Range>>(
      HIGHLIGHT_ROLES.map((role) => [role, new Set<Range>()]),
    );
    const active = new Set<Range>();
    let sections: Map<string, Element> | null = null;
    const live = new Set<string>();
    for (const highlight of this.highlights) {
      if (highlight.status === 'orphaned') continue;
      const { sectionId, start, end } = highlight.anchor;
      live.add(highlight.id);
      let cached = this.ranges.get(highlight.id);
      if (
        !cached ||
        cached.sectionId !== sectionId ||
        cached.start !== start ||
        cached.end !== end ||
        !this.isUsable(cached)
      ) {
        // Looked up once per paint, and only when some range has to be found again.
        sections ??= this.mountedSections();
        const sectionElement = sections.get(sectionId);
        const range = sectionElement ? this.rangeFor(sectionElement, start, end) : null;
        if (!range || range.collapsed) {
          this.ranges.delete(highlight.id);
          continue;
        }
        cached = { sectionId, start, end, range };
        this.ranges.set(highlight.id, cached);
      }
      wanted.get(highlight.role)?.add(cached.range);
      if (this.activeIds.has(highlight.id)) active.add(cached.range);
    }
    for (const id of this.ranges.keys()) if (!live.has(id)) this.ranges.delete(id);
    // Only the ranges that came or went change, so the browser repaints only those.
    for (const [role, paint] of this.paints) syncRanges(paint, wanted.get(role) ?? new Set());
    if (this.active) syncRanges(this.active, active);
  }

  private mountedSections(): Map<string, Element> {
    const sections = new Map<string, Element>();
    for (const element of this.root.querySelectorAll<HTMLElement>('[data-section-id]')) {
      const { sectionId } = element.dataset;
      if (sectionId) sections.set(sectionId, element);
    }
    return sections;
  }
}
