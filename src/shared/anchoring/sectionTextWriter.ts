interface Scope {
  /** Where the scope's first character went; null while it has written nothing. */
  first: number | null;
}

/**
 * Builds a section's text in one pass while recording where each part lands. A separator between
 * parts is held back until the next part writes something, so that empty parts leave no trace —
 * as `parts.filter((t) => t !== '').join(separator)` would, but without building the parts first.
 */
export class SectionTextWriter {
  private text = '';
  private pending = '';
  private readonly scopes: Scope[] = [];

  get length(): number {
    return this.text.length;
  }

  /**
   * Appends `chunk` after any held-back separator and returns where it starts. An empty chunk
   * writes nothing and is placed at the current end, before the separator that may follow.
   */
  write(chunk: string): number {
    if (chunk === '') return this.text.length;
    this.text += this.pending;
    this.pending = '';
    const start = this.text.length;
    this.text += chunk;
    // Inner scopes open later than outer ones, so once one has its first character, all below do.
    for (let index = this.scopes.length - 1; index >= 0; index -= 1) {
      const scope = this.scopes[index] as Scope;
      if (scope.first !== null) break;
      scope.first = start;
    }
    return start;
  }

  /**
   * Runs `writePart` and returns its result with where what it wrote starts and ends; a part that wrote nothing
   * is an empty span at the current end.
   */
  measure<T>(writePart: () => T): { value: T; start: number; end: number } {
    const scope: Scope = { first: null };
    this.scopes.push(scope);
    const value = writePart();
    this.scopes.pop();
    return { value, start: scope.first ?? this.text.length, end: this.text.length };
  }

  /** Writes each item with `separator` between the ones that wrote something. */
  joinNonEmpty<T>(items: readonly T[], separator: string, writeItem: (item: T) => void): void {
    const scope: Scope = { first: null };
    this.scopes.push(scope);
    for (const item of items) {
      if (scope.first !== null) this.pending = separator;
      writeItem(item);
    }
    this.scopes.pop();
    // A separator still held back was meant for an item that turned out empty; the enclosing
    // part decides what comes next. One held back from outside stays while nothing was written.
    if (scope.first !== null) this.pending = '';
  }

  toString(): string {
    return this.text;
  }
}
