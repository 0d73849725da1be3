import { type FoldedText, FoldedTextBuilder } from './FoldedTextBuilder';

/** The document's text folded for searching, and the text nodes its segments refer to. */
export interface TextIndex {
  nodes: Text[];
  folded: FoldedText;
}

// Elements that start a new line of reading; a match never runs from one into the next.
const BLOCK_TAGS = new Set([
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

const UNREAD_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg']);

function isUnread(element: Element): boolean {
  return (
    UNREAD_TAGS.has(element.tagName) ||
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true'
  );
}

function collect(parent: Node, nodes: Text[], builder: FoldedTextBuilder): void {
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === Node.TEXT_NODE) {
      const text = child as Text;
      nodes.push(text);
      builder.append(text.data, nodes.length - 1);
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      const element = child as Element;
      if (isUnread(element)) continue;
      if (element.tagName === 'BR') {
        builder.lineBreak();
        continue;
      }
      const block = BLOCK_TAGS.has(element.tagName);
      if (block) builder.separate();
      collect(element, nodes, builder);
      if (block) builder.separate();
    }
  }
}

/** Reads the text under `root` once into a folded index; matching then never touches the DOM. */
export function buildTextIndex(root: Element): TextIndex {
  const nodes: Text[] = [];
  const builder = new FoldedTextBuilder();
  collect(root, nodes, builder);
  return { nodes, folded: builder.build() };
}
