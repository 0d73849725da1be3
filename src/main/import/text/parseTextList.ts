import type { Block, ListItem } from '../../../shared/model';
import { parseTextInline, type FootnoteIds } from './parseTextInline';
import type { TextLine } from './splitTextBlocks';

type ListBlock = Extract<Block, { type: 'list' }>;

const MARKER = /^([-*+•◦▪‣·]|(\d{1,3})[.)])\s+/;

function newList(marker: RegExpExecArray): ListBlock {
  const ordered = marker[2] !== undefined;
  return ordered
    ? { type: 'list', ordered, start: Number(marker[2]), items: [] }
    : { type: 'list', ordered, items: [] };
}

/** Builds a list from item lines; an item indented deeper than the one before is nested under it. */
export function parseTextList(lines: readonly TextLine[], notes: FootnoteIds): ListBlock {
  const first = MARKER.exec(lines[0]?.text ?? '');
  const root: ListBlock = first ? newList(first) : { type: 'list', ordered: false, items: [] };
  const stack: { indent: number; list: ListBlock }[] = [
    { indent: lines[0]?.indent ?? 0, list: root },
  ];
  for (const line of lines) {
    const marker = MARKER.exec(line.text);
    const text = marker ? line.text.slice(marker[0].length) : line.text;
    while (stack.length > 1 && line.indent < (stack[stack.length - 1]?.indent ?? 0)) stack.pop();
    let top = stack[stack.length - 1] ?? stack[0];
    const parentItem: ListItem | undefined = top?.list.items[top.list.items.length - 1];
    if (top && parentItem && line.indent > top.indent && marker) {
      const nested = newList(marker);
      parentItem.blocks.push(nested);
      top = { indent: line.indent, list: nested };
      stack.push(top);
    }
    top?.list.items.push({
      blocks: [{ type: 'paragraph', content: parseTextInline(text, notes) }],
    });
  }
  return root;
}
