import type { Block, Section } from '../../shared/model';
import { inlinePlainText } from './structure/inlinePlainText';

function blockText(block: Block): string {
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
            .map(blockText)
            .filter((t) => t !== '')
            .join('\n'),
        )
        .join('\n');
    case 'quote':
      return block.blocks
        .map(blockText)
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

/**
 * A section's text without its heading, for anchoring highlights and for search: blocks joined by
 * a blank line; list items one per line (nested items after their parent); table cells split by
 * tabs and rows by newlines; a footnote as "label text"; a footnote reference as its label.
 */
export function sectionPlainText(section: Section): string {
  return section.blocks
    .map(blockText)
    .filter((t) => t !== '')
    .join('\n\n');
}
