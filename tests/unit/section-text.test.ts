import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBriefFile } from '../../src/main/import/importBriefFile';
import { inlinePlainText } from '../../src/main/import/structure/inlinePlainText';
import { sectionPlainText } from '../../src/shared/anchoring/sectionText';
import { type BlockLayout, sectionTextLayout } from '../../src/shared/anchoring/sectionTextLayout';
import { sectionTextOfInline } from '../../src/shared/anchoring/sectionTextOfInline';
import type { Block, Inline, Section } from '../../src/shared/model';
import { corpusDir } from './helpers/tempLibrary';

/**
 * The section text as Briefmark first defined and stored it (section_bodies.plain_text): built
 * block by block from strings. Highlights are anchored in stored texts, so the one-pass version
 * must give the same characters for every brief, byte for byte.
 */
function referenceBlockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'caption':
      return inlinePlainText(block.content);
    case 'footnote':
      return `${block.label} ${inlinePlainText(block.content)}`;
    case 'list':
      return block.items
        .map((item) =>
          item.blocks
            .map(referenceBlockText)
            .filter((t) => t !== '')
            .join('\n'),
        )
        .join('\n');
    case 'quote':
      return block.blocks
        .map(referenceBlockText)
        .filter((t) => t !== '')
        .join('\n\n');
    case 'table':
      return block.rows
        .map((row) => row.map((c) => inlinePlainText(c.content)).join('\t'))
        .join('\n');
    case 'code':
      return block.text;
    case 'rule':
      return '';
  }
}

function referencePlainText(section: Pick<Section, 'blocks'>): string {
  return section.blocks
    .map(referenceBlockText)
    .filter((t) => t !== '')
    .join('\n\n');
}

/** A stretch of the text the reader renders as one element carrying its offset. */
interface Run {
  start: number;
  text: string;
}

/** The runs the reader renders for inline content starting at `start`, one per inline. */
function inlineRuns(content: readonly Inline[], start: number, runs: Run[]): void {
  let offset = start;
  for (const inline of content) {
    const text = sectionTextOfInline(inline);
    // A line break renders as <br>, which has no text to carry an offset.
    if (inline.type !== 'lineBreak') runs.push({ start: offset, text });
    offset += text.length;
  }
}

/** Checks a block's layout against its own text and collects the runs the reader renders. */
function checkBlock(text: string, block: Block, layout: BlockLayout, runs: Run[]): void {
  expect(text.slice(layout.start, layout.end)).toBe(referenceBlockText(block));
  if (block.type === 'paragraph' || block.type === 'heading' || block.type === 'caption') {
    expect(layout.kind).toBe('inline');
    if (layout.kind === 'inline') inlineRuns(block.content, layout.content, runs);
  } else if (block.type === 'footnote') {
    expect(layout.kind).toBe('footnote');
    if (layout.kind !== 'footnote') return;
    runs.push({ start: layout.label, text: block.label });
    inlineRuns(block.content, layout.content, runs);
  } else if (block.type === 'code') {
    expect(layout.kind).toBe('code');
    if (layout.kind === 'code') runs.push({ start: layout.text, text: block.text });
  } else if (block.type === 'table') {
    expect(layout.kind).toBe('table');
    if (layout.kind !== 'table') return;
    expect(layout.cells.map((row) => row.length)).toEqual(block.rows.map((row) => row.length));
    block.rows.forEach((row, r) =>
      row.forEach((cell, c) => inlineRuns(cell.content, layout.cells[r]![c]!, runs)),
    );
  } else if (block.type === 'list') {
    expect(layout.kind).toBe('list');
    if (layout.kind !== 'list') return;
    expect(layout.items.length).toBe(block.items.length);
    block.items.forEach((item, i) => {
      expect(layout.items[i]!.length).toBe(item.blocks.length);
      item.blocks.forEach((child, j) => checkBlock(text, child, layout.items[i]![j]!, runs));
    });
  } else if (block.type === 'quote') {
    expect(layout.kind).toBe('quote');
    if (layout.kind !== 'quote') return;
    expect(layout.blocks.length).toBe(block.blocks.length);
    block.blocks.forEach((child, j) => checkBlock(text, child, layout.blocks[j]!, runs));
  } else {
    expect(layout.kind).toBe('rule');
    expect(layout.end).toBe(layout.start);
  }
}

/**
 * The property the reader relies on: every run's offset points at its own characters, runs come
 * in reading order without overlapping, and every character they leave out is a separator.
 */
function checkLayout(section: Pick<Section, 'blocks'>): void {
  const { text, blocks } = sectionTextLayout(section);
  expect(text).toBe(referencePlainText(section));
  expect(blocks.length).toBe(section.blocks.length);
  const runs: Run[] = [];
  section.blocks.forEach((block, index) => checkBlock(text, block, blocks[index]!, runs));
  const covered = new Array<boolean>(text.length).fill(false);
  let previousEnd = 0;
  for (const run of runs) {
    expect(text.slice(run.start, run.start + run.text.length)).toBe(run.text);
    expect(run.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = run.start + run.text.length;
    covered.fill(true, run.start, previousEnd);
  }
  const uncovered = [...text].filter((_, index) => !covered[index]).join('');
  expect(uncovered).toMatch(/^[\n\t ]*$/);
}

const REFUSED = new Set([
  'jfk-nara-176-10011-10152-special-group-minutes-1961-scanned.pdf',
  'oddball-gao-08-1075t-html-404-page-saved-as.pdf',
  'gao-07-791-reexamining-regulations-retrospective-reviews.epub',
]);
const files = readdirSync(corpusDir).filter(
  (name) => name !== 'MANIFEST.tsv' && !REFUSED.has(name),
);

describe('a section’s text and layout over the corpus', () => {
  it('covers every importable corpus file', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files)(
    '%s: the same text as stored so far, and every run at its offset',
    async (file) => {
      const brief = await importBriefFile(file, readFileSync(join(corpusDir, file)));
      for (const section of brief.sections) {
        expect(sectionPlainText(section)).toBe(referencePlainText(section));
        checkLayout(section);
      }
    },
    60_000,
  );
});

const text = (value: string): Inline => ({ type: 'text', text: value });

describe('a section’s text and layout for awkward shapes', () => {
  it('leaves no separator for empty blocks, wherever they are nested', () => {
    const blocks: Block[] = [
      { type: 'rule' },
      {
        type: 'list',
        ordered: false,
        items: [
          {
            blocks: [
              {
                type: 'quote',
                blocks: [
                  { type: 'paragraph', content: [text('a')] },
                  { type: 'paragraph', content: [] },
                ],
              },
            ],
          },
          { blocks: [{ type: 'paragraph', content: [] }] },
          {
            blocks: [
              { type: 'paragraph', content: [text('b')] },
              { type: 'quote', blocks: [{ type: 'paragraph', content: [] }] },
            ],
          },
        ],
      },
      { type: 'paragraph', content: [] },
      { type: 'footnote', footnoteId: 'f', label: '', content: [text('note')] },
      { type: 'table', headerRows: 0, rows: [[{ content: [] }]] },
    ];
    const layout = sectionTextLayout({ blocks });
    expect(layout.text).toBe('a\n\nb\n\n note');
    checkLayout({ blocks });
  });

  it('agrees with the stored definition for any arrangement of blocks', () => {
    const inline = fc.oneof(
      fc.string({ maxLength: 4 }).map(text),
      fc.constant<Inline>({ type: 'lineBreak' }),
      fc
        .string({ maxLength: 2 })
        .map((label): Inline => ({ type: 'footnoteRef', label, footnoteId: 'f' })),
    );
    const content = fc.array(inline, { maxLength: 3 });
    const { block } = fc.letrec<{ block: Block }>((tie) => ({
      block: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        content.map((c): Block => ({ type: 'paragraph', content: c })),
        content.map((c): Block => ({ type: 'caption', content: c })),
        fc.constant<Block>({ type: 'rule' }),
        fc.string({ maxLength: 3 }).map((t): Block => ({ type: 'code', text: t })),
        fc
          .record({ label: fc.string({ maxLength: 2 }), content })
          .map((f): Block => ({ type: 'footnote', footnoteId: 'f', ...f })),
        fc
          .array(
            fc.array(
              content.map((c) => ({ content: c })),
              { maxLength: 3 },
            ),
            { maxLength: 3 },
          )
          .map((rows): Block => ({ type: 'table', headerRows: 0, rows })),
        fc
          .array(fc.array(tie('block'), { maxLength: 3 }), { maxLength: 3 })
          .map((items): Block => ({
            type: 'list',
            ordered: false,
            items: items.map((b) => ({ blocks: b })),
          })),
        fc.array(tie('block'), { maxLength: 3 }).map((b): Block => ({ type: 'quote', blocks: b })),
      ),
    }));
    fc.assert(
      fc.property(fc.array(block, { maxLength: 5 }), (blocks) => checkLayout({ blocks })),
      { numRuns: 2_000 },
    );
  });
});
