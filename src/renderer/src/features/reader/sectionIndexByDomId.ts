import type { Block, Inline, Section } from '../../../../shared/model';
import { footnoteDomId, footnoteRefDomId, sectionDomId, sectionHeadingDomId } from './domIds';

function addInlines(map: Map<string, number>, content: Inline[], index: number): void {
  for (const inline of content) {
    const id = inline.type === 'footnoteRef' ? footnoteRefDomId(inline.footnoteId) : null;
    // The first reference carries the id, as in the rendered document.
    if (id && !map.has(id)) map.set(id, index);
  }
}

function addBlock(map: Map<string, number>, block: Block, index: number): void {
  switch (block.type) {
    case 'footnote':
      if (!map.has(footnoteDomId(block.footnoteId)))
        map.set(footnoteDomId(block.footnoteId), index);
      addInlines(map, block.content, index);
      return;
    case 'paragraph':
    case 'heading':
    case 'caption':
      addInlines(map, block.content, index);
      return;
    case 'list':
      for (const item of block.items) for (const child of item.blocks) addBlock(map, child, index);
      return;
    case 'quote':
      for (const child of block.blocks) addBlock(map, child, index);
      return;
    case 'table':
      for (const row of block.rows) for (const cell of row) addInlines(map, cell.content, index);
      return;
    case 'code':
    case 'rule':
      return;
  }
}

/**
 * Which section holds each element a reader can jump to (sections, their headings, footnotes
 * and footnote references), by DOM id: what must be mounted before jumping there.
 */
export function sectionIndexByDomId(sections: readonly Section[]): Map<string, number> {
  const map = new Map<string, number>();
  sections.forEach((section, index) => {
    map.set(sectionDomId(section.id), index);
    map.set(sectionHeadingDomId(section.id), index);
    for (const block of section.blocks) addBlock(map, block, index);
  });
  return map;
}
