import { Parser, type Node } from 'commonmark';
import { parse as parseYaml } from 'yaml';

/** A highlight as a CommonMark reader sees it in an export. */
export interface ParsedHighlight {
  /** The quote's text: line breaks as `\n`, paragraphs apart by `\n\n`. */
  quote: string;
  /** False when anything in the quote rendered as more than text (emphasis, a link, code, …). */
  quoteIsPlain: boolean;
  roleLabel: string;
  /** The section named in the attribution, when there is one. */
  sectionHeading: string | null;
  link: { briefId: string; sectionId: string; highlightId: string };
  blockId: string;
  /** The `Comment: …` paragraph after the quote, without the label. */
  comment: string | null;
}

/** The top-level blocks of an export's body, in order. */
export type ParsedBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'highlight'; highlight: ParsedHighlight }
  | { kind: 'paragraph'; text: string; isPlain: boolean }
  | { kind: 'other'; type: string };

export interface ParsedExport {
  frontMatter: Record<string, unknown>;
  blocks: ParsedBlock[];
  headings: [number, string][];
  highlights: ParsedHighlight[];
}

const parser = new Parser();

/**
 * Reads an export the way a CommonMark reader does (the reference parser, commonmark.js):
 * front matter as YAML, then every top-level block. A block quote that does not end with a
 * highlight's attribution line throws, so a broken quote cannot pass unnoticed.
 */
export function parseExport(markdown: string): ParsedExport {
  if (!markdown.startsWith('---\n'))
    throw new Error('The export does not start with front matter.');
  const end = markdown.indexOf('\n---\n', 3);
  if (end < 0) throw new Error('The front matter is not closed.');
  const frontMatter = parseYaml(markdown.slice(4, end)) as Record<string, unknown>;
  const document = parser.parse(markdown.slice(end + 5));

  const blocks: ParsedBlock[] = [];
  for (let node = document.firstChild; node; node = node.next) {
    if (node.type === 'heading') {
      blocks.push({ kind: 'heading', level: node.level, text: textOf(node) });
    } else if (node.type === 'block_quote') {
      blocks.push({ kind: 'highlight', highlight: parseHighlight(node) });
    } else if (node.type === 'paragraph') {
      const text = textOf(node);
      const previous = blocks.at(-1);
      if (previous?.kind === 'highlight' && text.startsWith('Comment: ')) {
        previous.highlight.comment = text.slice('Comment: '.length);
      } else {
        blocks.push({ kind: 'paragraph', text, isPlain: isPlain(node) });
      }
    } else {
      blocks.push({ kind: 'other', type: node.type });
    }
  }
  return {
    frontMatter,
    blocks,
    headings: blocks.flatMap((block): [number, string][] =>
      block.kind === 'heading' ? [[block.level, block.text]] : [],
    ),
    highlights: blocks.flatMap((block) => (block.kind === 'highlight' ? [block.highlight] : [])),
  };
}

function parseHighlight(blockQuote: Node): ParsedHighlight {
  const paragraphs: Node[] = [];
  for (let child = blockQuote.firstChild; child; child = child.next) {
    if (child.type !== 'paragraph') throw new Error(`A ${child.type} inside a highlight's quote.`);
    paragraphs.push(child);
  }
  const last = paragraphs.at(-1);
  if (!last) throw new Error('An empty block quote.');
  const inlines = childrenOf(last);
  const breakAt = inlines.map((inline) => inline.type).lastIndexOf('linebreak');
  const attribution = inlines.slice(breakAt + 1);
  const quoteInlines = [...paragraphs.slice(0, -1).map(childrenOf), inlines.slice(0, breakAt)];
  const quote = quoteInlines
    .map((nodes) => nodes.map(textOf).join(''))
    .filter((text) => text !== '')
    .join('\n\n');

  const strong = attribution.find((node) => node.type === 'strong');
  const emph = attribution.find((node) => node.type === 'emph');
  const link = attribution.find((node) => node.type === 'link');
  const tail = attribution.at(-1);
  const blockId = tail?.type === 'text' ? / \^(h-[a-z0-9-]+)$/.exec(tail.literal ?? '')?.[1] : null;
  const address = /^briefmark:\/\/brief\/([^/]+)\/section\/([^#/]+)#h-(.+)$/.exec(
    link?.destination ?? '',
  );
  if (!strong || !link || !blockId || !address || textOf(link) !== 'open in Briefmark') {
    throw new Error(`A block quote without a highlight's attribution: ${textOf(blockQuote)}`);
  }
  const [, briefId = '', sectionId = '', highlightId = ''] = address;
  return {
    quote,
    quoteIsPlain: quoteInlines.flat().every((node) => PLAIN.has(node.type)),
    roleLabel: textOf(strong),
    sectionHeading: emph ? textOf(emph) : null,
    link: {
      briefId: decodeURIComponent(briefId),
      sectionId: decodeURIComponent(sectionId),
      highlightId: decodeURIComponent(highlightId),
    },
    blockId,
    comment: null,
  };
}

const PLAIN = new Set(['text', 'linebreak', 'softbreak']);

function isPlain(node: Node): boolean {
  return childrenOf(node).every((child) => PLAIN.has(child.type));
}

function childrenOf(node: Node): Node[] {
  const children: Node[] = [];
  for (let child = node.firstChild; child; child = child.next) children.push(child);
  return children;
}

function textOf(node: Node): string {
  if (node.type === 'text' || node.type === 'code') return node.literal ?? '';
  if (node.type === 'linebreak' || node.type === 'softbreak') return '\n';
  return childrenOf(node).map(textOf).join('');
}

/**
 * The text a reader should see for a quote or a section's text: each line without the spaces
 * at its edges (Markdown keeps none there), runs of blank lines as one paragraph break.
 */
export function expectedPlainText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[^\P{Cc}\t]/gu, ' ').replace(/^[ \t]+|[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
