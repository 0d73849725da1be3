import type { Block, Inline, Section } from '../../../../shared/model';

/**
 * The part of a brief that is mounted: sections `start` to `end` (exclusive) whole, then the
 * first `endBlocks` top-level blocks of section `end` (with its heading; none when 0).
 * It is contiguous, so the document never has holes: it grows down to the end a few blocks at a
 * time, then up to the top a section at a time.
 */
export interface MountRange {
  start: number;
  end: number;
  endBlocks: number;
}

/** The weight of each top-level block of each section: what it costs to mount and lay out. */
export type MountWeights = readonly (readonly number[])[];

// Enough text to fill a tall window at the smallest reading size, with a margin; the first
// paint waits only for this much.
const FIRST_SCREEN_WEIGHT = 6_000;
// A brief this light mounts in one go, faster than a frame or two: chunks would only add work.
const SMALL_BRIEF_WEIGHT = 30_000;
// Each later chunk mounts and lays out in a few tens of milliseconds, well under a long frame.
const CHUNK_WEIGHT = 12_000;
// Block margins, list markers and table cells take room beyond their characters.
const BLOCK_WEIGHT = 80;

function inlineWeight(content: Inline[]): number {
  let weight = 0;
  for (const inline of content) if (inline.type === 'text') weight += inline.text.length;
  return weight;
}

function blockWeight(block: Block): number {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'caption':
    case 'footnote':
      return BLOCK_WEIGHT + inlineWeight(block.content);
    case 'list':
      return block.items.reduce(
        (sum, item) => sum + item.blocks.reduce((inner, child) => inner + blockWeight(child), 0),
        BLOCK_WEIGHT,
      );
    case 'quote':
      return block.blocks.reduce((sum, child) => sum + blockWeight(child), BLOCK_WEIGHT);
    case 'table':
      return block.rows.reduce(
        (sum, row) =>
          sum + row.reduce((cells, cell) => cells + BLOCK_WEIGHT + inlineWeight(cell.content), 0),
        BLOCK_WEIGHT,
      );
    case 'code':
      return BLOCK_WEIGHT + block.text.length;
    case 'rule':
      return BLOCK_WEIGHT;
  }
}

/** Roughly the characters of each block; a section's heading counts with its first block. */
export function mountWeights(sections: readonly Section[]): number[][] {
  return sections.map((section) => {
    const weights = section.blocks.map(blockWeight);
    if (weights.length > 0) weights[0] = (weights[0] ?? 0) + BLOCK_WEIGHT + section.heading.length;
    return weights;
  });
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** A position between blocks: before block `block` of section `section`. */
interface Cursor {
  section: number;
  block: number;
}

/**
 * The position after mounting blocks from `from` on, at least one, until their weight reaches
 * `budget`. Sections without blocks (a part heading) are passed whole.
 */
function advance(weights: MountWeights, from: Cursor, budget: number): Cursor {
  let { section, block } = from;
  let used = 0;
  let moved = false;
  while (section < weights.length) {
    const blocks = weights[section] ?? [];
    if (block >= blocks.length) {
      section++;
      block = 0;
      continue;
    }
    if (moved && used >= budget) break;
    used += blocks[block] ?? 0;
    block++;
    moved = true;
  }
  return { section, block };
}

/** The range from `start` through `cursor`, and never short of section `whole`. */
function rangeTo(start: number, cursor: Cursor, whole: number): MountRange {
  if (cursor.section > whole) return { start, end: cursor.section, endBlocks: cursor.block };
  return { start, end: whole + 1, endBlocks: 0 };
}

/**
 * What the first render mounts: a short brief whole; of a long one a screenful from the top, or
 * section `initialIndex` (a saved reading position) whole and a screenful more, so that the
 * reader can be put back there at once.
 */
export function firstMountRange(
  weights: MountWeights,
  initialIndex: number | null = null,
): MountRange {
  const count = weights.length;
  if (sum(weights.map(sum)) <= SMALL_BRIEF_WEIGHT) return { start: 0, end: count, endBlocks: 0 };
  if (initialIndex === null || initialIndex < 0 || initialIndex >= count) {
    const cursor = advance(weights, { section: 0, block: 0 }, FIRST_SCREEN_WEIGHT);
    return { start: 0, end: cursor.section, endBlocks: cursor.block };
  }
  const cursor = advance(weights, { section: initialIndex, block: 0 }, FIRST_SCREEN_WEIGHT);
  return rangeTo(initialIndex, cursor, initialIndex);
}

export function isComplete(range: MountRange, sectionCount: number): boolean {
  return range.start <= 0 && range.end >= sectionCount;
}

/** The next chunk: blocks below the range, and once those are in, sections above it. */
export function grownMountRange(range: MountRange, weights: MountWeights): MountRange {
  if (range.end < weights.length) {
    const cursor = advance(weights, { section: range.end, block: range.endBlocks }, CHUNK_WEIGHT);
    return { start: range.start, end: cursor.section, endBlocks: cursor.block };
  }
  // Whole sections: a section mounted from its middle up would have no heading.
  let start = range.start;
  let used = 0;
  while (start > 0 && (start === range.start || used < CHUNK_WEIGHT)) {
    start--;
    used += sum(weights[start] ?? []);
  }
  return { ...range, start };
}

/**
 * The range widened to hold section `index` whole and, below it, a screenful to read on after
 * a jump there. The same range when it already holds the section whole.
 */
export function mountRangeWith(
  range: MountRange,
  weights: MountWeights,
  index: number,
): MountRange {
  if (index >= range.start && index < range.end) return range;
  const start = Math.min(range.start, index);
  if (index < range.end) return { ...range, start };
  const cursor = advance(weights, { section: index, block: 0 }, FIRST_SCREEN_WEIGHT);
  return rangeTo(start, cursor, index);
}
