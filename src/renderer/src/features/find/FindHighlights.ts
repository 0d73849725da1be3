const MATCH = 'find-match';
const CURRENT = 'find-current';

/**
 * Paints matches with the CSS Custom Highlight API, which leaves the document's DOM untouched.
 * Where the API is missing nothing is painted; counting and moving between matches still work.
 */
export class FindHighlights {
  private readonly supported = typeof CSS !== 'undefined' && 'highlights' in CSS;
  private matches: Highlight | null = null;
  private current: Highlight | null = null;
  private currentRange: AbstractRange | null = null;

  paint(ranges: readonly AbstractRange[], current: AbstractRange | null): void {
    if (!this.supported) return;
    // One add at a time: spreading tens of thousands of ranges into a call can overflow the stack.
    const matches = new Highlight();
    for (const range of ranges) matches.add(range);
    this.matches = matches;
    this.current = new Highlight();
    this.current.priority = 1;
    this.currentRange = null;
    CSS.highlights.set(MATCH, matches);
    CSS.highlights.set(CURRENT, this.current);
    this.setCurrent(current);
  }

  /** Moves the current-match paint; the previous current match goes back to the others. */
  setCurrent(range: AbstractRange | null): void {
    if (!this.matches || !this.current) return;
    if (this.currentRange) this.matches.add(this.currentRange);
    this.current.clear();
    this.currentRange = range;
    if (range) {
      this.matches.delete(range);
      this.current.add(range);
    }
  }

  clear(): void {
    if (!this.supported) return;
    CSS.highlights.delete(MATCH);
    CSS.highlights.delete(CURRENT);
    this.matches = null;
    this.current = null;
    this.currentRange = null;
  }
}
