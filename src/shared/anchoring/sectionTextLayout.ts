import type { Block, Inline, Section } from '../model';
import { sectionTextOfInline } from './sectionTextOfInline';
import { SectionTextWriter } from './sectionTextWriter';

/**
 * Where a block's text lies in its section's text (`start`..`end`), and where each of its inline
 * content arrays starts. An empty part starts where it would have been, and covers nothing.
 */
export type BlockLayout = { start: number; end: number } & BlockParts;

type BlockParts =
  /** A paragraph, heading or caption. */
  | { kind: 'inline'; content: number }
  | { kind: 'footnote'; label: number; content: number }
  | { kind: 'code'; text: number }
  /** Each cell's start, row by row as in the table's `rows`. */
  | { kind: 'table'; cells: number[][] }
  /** Each item's blocks. */
  | { kind: 'list'; items: BlockLayout[][] }
  | { kind: 'quote'; blocks: BlockLayout[] }
  | { kind: 'rule' };

/** A section's text and, for each of its blocks, where that block's text lies in it. */
export interface SectionTextLayout {
  text: string;
  blocks: BlockLayout[];
}

function writeInlines(writer: SectionTextWriter, content: readonly Inline[]): number {
  let text = '';
  for (const inline of content) text += sectionTextOfInline(inline);
  return writer.write(text);
}

function writeBlock(writer: SectionTextWriter, block: Block): BlockLayout {
  const { value, start, end } = writer.measure(() => writeBlockParts(writer, block));
  return { start, end, ...value };
}

/** The block's text, written in reading order. */
function writeBlockParts(writer: SectionTextWriter, block: Block): BlockParts {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'caption':
      return { kind: 'inline', content: writeInlines(writer, block.content) };
    case 'footnote': {
      const label = writer.write(block.label);
      writer.write(' ');
      return { kind: 'footnote', label, content: writeInlines(writer, block.content) };
    }
    case 'list': {
      const items = block.items.map((item, index) => {
        // Items are one per line even when empty, so the newline is written, not held back.
        if (index > 0) writer.write('\n');
        const blocks: BlockLayout[] = [];
        writer.joinNonEmpty(item.blocks, '\n', (child) => blocks.push(writeBlock(writer, child)));
        return blocks;
      });
      return { kind: 'list', items };
    }
    case 'quote': {
      const blocks: BlockLayout[] = [];
      writer.joinNonEmpty(block.blocks, '\n\n', (child) => blocks.push(writeBlock(writer, child)));
      return { kind: 'quote', blocks };
    }
    case 'table': {
      // Every cell keeps its tab and every row its newline, so columns line up when pasted.
      const cells = block.rows.map((row, rowIndex) => {
        if (rowIndex > 0) writer.write('\n');
        return row.map((cell, cellIndex) => {
          if (cellIndex > 0) writer.write('\t');
          return writeInlines(writer, cell.content);
        });
      });
      return { kind: 'table', cells };
    }
    case 'code':
      return { kind: 'code', text: writer.write(block.text) };
    case 'rule':
      return { kind: 'rule' };
  }
}

/**
 * A section's text without its heading, the text highlights are anchored in, and where each
 * block's parts lie in it — from one walk over the blocks, so the two cannot disagree. Blocks
 * are joined by a blank line; list items one per line (nested items after their parent); table
 * cells split by tabs and rows by newlines; a footnote as "label text"; a footnote reference as
 * its label; a line break as a newline. Empty blocks add nothing, not even a separator.
 */
export function sectionTextLayout(section: Pick<Section, 'blocks'>): SectionTextLayout {
  const writer = new SectionTextWriter();
  const blocks: BlockLayout[] = [];
  writer.joinNonEmpty(section.blocks, '\n\n', (block) => blocks.push(writeBlock(writer, block)));
  return { text: writer.toString(), blocks };
}
