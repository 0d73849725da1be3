import { QgramIndex } from './QgramIndex';
import { sectionTextHash } from './sectionTextHash';

/** A section's id and plain text, as sectionPlainText gives it. */
export interface SectionText {
  id: string;
  text: string;
}

/**
 * The sections of one brief, prepared once for re-anchoring many highlights: where each section
 * starts in the brief as a whole (to measure how far a highlight moved across sections), a
 * lookup by id, and each section's hash and the brief's run index computed only when first
 * needed (most highlights are found where they were, which needs neither).
 */
export class BriefText {
  readonly sections: readonly SectionText[];
  /** Offset of each section's first character in the sections' texts laid end to end. */
  readonly offsets: readonly number[];
  readonly length: number;
  private readonly indexById = new Map<string, number>();
  private readonly hashes: (string | undefined)[];
  private joined: string | null = null;
  private index: QgramIndex | null = null;

  constructor(sections: readonly SectionText[]) {
    this.sections = sections;
    const offsets: number[] = [];
    let length = 0;
    sections.forEach((section, index) => {
      offsets.push(length);
      length += section.text.length;
      // The first section with an id wins, as the reader would show that one.
      if (!this.indexById.has(section.id)) this.indexById.set(section.id, index);
    });
    this.offsets = offsets;
    this.length = length;
    this.hashes = new Array<string | undefined>(sections.length);
  }

  indexOf(sectionId: string): number | undefined {
    return this.indexById.get(sectionId);
  }

  hash(index: number): string {
    const known = this.hashes[index];
    if (known !== undefined) return known;
    const hash = sectionTextHash(this.sections[index]!.text);
    this.hashes[index] = hash;
    return hash;
  }

  /** The sections' texts laid end to end, to search the whole brief in one pass. */
  text(): string {
    this.joined ??= this.sections.map((section) => section.text).join('');
    return this.joined;
  }

  /** The index of every run of characters in text(). */
  qgrams(): QgramIndex {
    this.index ??= new QgramIndex(this.text());
    return this.index;
  }

  /** The section holding the character at `offset` in the sections laid end to end. */
  sectionAt(offset: number): number {
    let low = 0;
    let high = this.offsets.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.offsets[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
