import type { Block, Inline } from '../../../shared/model';
import type { SectionDraft } from './buildSections';

export type FootnoteBlock = Extract<Block, { type: 'footnote' }>;

function collectRefs(blocks: readonly Block[], out: string[]): void {
  const fromInlines = (inlines: readonly Inline[]): void => {
    for (const inline of inlines) if (inline.type === 'footnoteRef') out.push(inline.footnoteId);
  };
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
      case 'caption':
      case 'footnote':
        fromInlines(block.content);
        break;
      case 'list':
        for (const item of block.items) collectRefs(item.blocks, out);
        break;
      case 'quote':
        collectRefs(block.blocks, out);
        break;
      case 'table':
        for (const row of block.rows) for (const cell of row) fromInlines(cell.content);
        break;
      default:
        break;
    }
  }
}

/**
 * Appends each footnote to the section holding its first reference, in reference order.
 * A footnote nobody references stays in `homeIndex`, the section where it was written.
 */
export function placeFootnotes(
  drafts: SectionDraft[],
  footnotes: readonly { block: FootnoteBlock; homeIndex: number }[],
): void {
  const byId = new Map(footnotes.map((f) => [f.block.footnoteId, f]));
  const placed = new Set<string>();
  const additions = drafts.map((): FootnoteBlock[] => []);
  drafts.forEach((draft, index) => {
    const refs: string[] = [];
    collectRefs(draft.blocks, refs);
    for (const id of refs) {
      const footnote = byId.get(id);
      if (!footnote || placed.has(id)) continue;
      placed.add(id);
      additions[index]?.push(footnote.block);
    }
  });
  for (const footnote of footnotes) {
    if (placed.has(footnote.block.footnoteId)) continue;
    const index = Math.min(Math.max(footnote.homeIndex, 0), drafts.length - 1);
    additions[index]?.push(footnote.block);
  }
  drafts.forEach((draft, index) => draft.blocks.push(...(additions[index] ?? [])));
}
