import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importBriefFile } from '../../src/main/import/importBriefFile';
import type { Section } from '../../src/shared/model';
import {
  firstMountRange,
  grownMountRange,
  isComplete,
  mountRangeWith,
  mountWeights,
  type MountRange,
  type MountWeights,
} from '../../src/renderer/src/features/reader/mountRange';
import { sectionIndexByDomId } from '../../src/renderer/src/features/reader/sectionIndexByDomId';
import { corpusDir } from './helpers/tempLibrary';

async function sectionsOf(file: string): Promise<Section[]> {
  return (await importBriefFile(file, readFileSync(join(corpusDir, file)))).sections;
}

const weightOf = (weights: MountWeights) => weights.flat().reduce((a, b) => a + b, 0);

/** The weight mounted by a range: whole sections plus the blocks of the partial one. */
function mountedWeight(range: MountRange, weights: MountWeights): number {
  const whole = weightOf(weights.slice(range.start, range.end));
  return whole + (weights[range.end] ?? []).slice(0, range.endBlocks).reduce((a, b) => a + b, 0);
}

/** Every range the reader goes through from `first` until the whole brief is mounted. */
function growth(first: MountRange, weights: MountWeights): MountRange[] {
  const ranges = [first];
  const blocks = weights.flat().length;
  while (!isComplete(ranges[ranges.length - 1]!, weights.length)) {
    ranges.push(grownMountRange(ranges[ranges.length - 1]!, weights));
    if (ranges.length > blocks + weights.length) throw new Error('mounting does not progress');
  }
  return ranges;
}

const pairs = <T>(items: T[]): [T, T][] => items.slice(1).map((item, i) => [items[i]!, item]);

describe('mounting the Tunisia diagnostic (58 sections, 1,913 blocks)', () => {
  let sections: Section[];
  let weights: MountWeights;
  beforeAll(async () => {
    sections = await sectionsOf('worldbank-tunisia-systematic-country-diagnostic-2015.pdf');
    weights = mountWeights(sections);
  }, 60_000);

  it('mounts a screenful from the top first, a small part of the brief', () => {
    const first = firstMountRange(weights);
    expect(first.start).toBe(0);
    expect(mountedWeight(first, weights)).toBeGreaterThanOrEqual(6_000);
    expect(mountedWeight(first, weights)).toBeLessThan(weightOf(weights) / 20);
  });

  it('then adds blocks below in chunks that never hold much more than one budget', () => {
    const ranges = growth(firstMountRange(weights), weights);
    expect(ranges.length).toBeGreaterThan(20);
    for (const [previous, next] of pairs(ranges)) {
      expect(next.start).toBe(0);
      const added = mountedWeight(next, weights) - mountedWeight(previous, weights);
      expect(added).toBeGreaterThan(0);
      // A chunk stops at the first block that reaches its budget; the largest block is a table.
      expect(added).toBeLessThan(12_000 + Math.max(...weights.flat()));
    }
    // Even its largest sections (286 blocks) are mounted a few chunks at a time.
    expect(ranges.some((range) => range.endBlocks > 0)).toBe(true);
    expect(ranges[ranges.length - 1]).toEqual({ start: 0, end: sections.length, endBlocks: 0 });
  });

  it('opening at a saved position far down mounts that section whole first, then below, then above', () => {
    const saved = sections.length - 10;
    const first = firstMountRange(weights, saved);
    expect(first.start).toBe(saved);
    expect(first.end).toBeGreaterThan(saved);
    const ranges = growth(first, weights);
    const down = ranges.filter((range) => range.start === saved);
    const up = ranges.slice(down.length);
    expect(down[down.length - 1]).toEqual({ start: saved, end: sections.length, endBlocks: 0 });
    for (const [previous, next] of pairs(up)) {
      expect(next.start).toBeLessThan(previous.start);
      expect(next.end).toBe(sections.length);
    }
    expect(up[up.length - 1]!.start).toBe(0);
  });

  it('a jump far ahead mounts every section up to the target, whole, and more below it', () => {
    const first = firstMountRange(weights);
    const target = sections.length - 3;
    const widened = mountRangeWith(first, weights, target);
    expect(widened.start).toBe(0);
    expect(widened.end).toBeGreaterThan(target);
    expect(mountRangeWith(widened, weights, target)).toBe(widened);
    const fromBelow = mountRangeWith(firstMountRange(weights, 40), weights, 3);
    expect(fromBelow).toMatchObject({ start: 3 });
    expect(fromBelow.end).toBeGreaterThan(40);
    // A section mounted only in part is mounted whole before a jump to it.
    const partial = growth(first, weights).find((range) => range.endBlocks > 0)!;
    expect(mountRangeWith(partial, weights, partial.end).end).toBeGreaterThan(partial.end);
  });
});

describe('a short brief', () => {
  it('the sample brief mounts whole in the first render, wherever it was left', async () => {
    const weights = mountWeights(
      await sectionsOf('nato-pa-128-spe-24-e-defence-ministers-2024-06.txt'),
    );
    expect(firstMountRange(weights)).toEqual({ start: 0, end: 14, endBlocks: 0 });
    expect(firstMountRange(weights, 12)).toEqual({ start: 0, end: 14, endBlocks: 0 });
  });
});

describe('which section to mount before jumping to an element', () => {
  it('finds the sample brief’s footnote, its reference and every section and heading', async () => {
    const sections = await sectionsOf('nato-pa-128-spe-24-e-defence-ministers-2024-06.txt');
    const map = sectionIndexByDomId(sections);
    sections.forEach((section, index) => {
      expect(map.get(`section-${section.id}`)).toBe(index);
      expect(map.get(`section-heading-${section.id}`)).toBe(index);
    });
    const footnotes = [...map].filter(([id]) => id.startsWith('fn-'));
    const references = [...map].filter(([id]) => id.startsWith('fnref-'));
    expect(footnotes).toHaveLength(1);
    expect(references).toHaveLength(1);
    const [footnoteId, footnoteSection] = footnotes[0]!;
    const holder = sections[footnoteSection]!;
    expect(
      holder.blocks.some(
        (block) => block.type === 'footnote' && `fn-${block.footnoteId}` === footnoteId,
      ),
    ).toBe(true);
    expect(references[0]![1]).toBeLessThanOrEqual(footnoteSection);
  });
});
