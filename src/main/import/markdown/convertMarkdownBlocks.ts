import type { Token } from 'markdown-it';
import type { Block, Inline, ListItem, TableCell } from '../../../shared/model';
import type { FootnoteBlock } from '../structure/placeFootnotes';
import { convertMarkdownInline, footnoteIdentity } from './convertMarkdownInline';

/** A top-level heading, or a block between headings, in document order. */
export type MarkdownEvent =
  { kind: 'heading'; depth: number; text: string } | { kind: 'block'; block: Block };

/** The blocks and headings of a parsed Markdown document, with its footnote definitions. */
export interface MarkdownContent {
  events: MarkdownEvent[];
  footnotes: FootnoteBlock[];
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** The visible text of an HTML fragment: comments, scripts and styles removed, tags stripped. */
function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|template|iframe|object)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<[^>]*>?/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code =
          name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => (i.type === 'text' ? i.text : i.type === 'lineBreak' ? ' ' : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

class TokenReader {
  pos = 0;
  readonly footnotes: FootnoteBlock[] = [];

  constructor(private readonly tokens: readonly Token[]) {}

  private get token(): Token | undefined {
    return this.tokens[this.pos];
  }

  /** Reads blocks until the token of type `close` (consumed) or the end. */
  readBlocks(close: string): Block[] {
    const blocks: Block[] = [];
    while (this.token && this.token.type !== close) {
      const block = this.readBlock();
      if (block) blocks.push(block);
    }
    this.pos++;
    return blocks;
  }

  /** Skips to just after the token closing the one at the current position (same nesting level). */
  private skipToClose(close: string): void {
    const level = this.token?.level ?? 0;
    this.pos++;
    while (this.token && !(this.token.type === close && this.token.level === level)) this.pos++;
    this.pos++;
  }

  private readInlineThenClose(close: string): Inline[] {
    const inline = this.tokens[this.pos + 1];
    const content = inline?.type === 'inline' ? convertMarkdownInline(inline.children) : [];
    this.skipToClose(close);
    return content;
  }

  readHeading(): { depth: number; content: Inline[] } {
    const depth = Number(this.token?.tag.slice(1)) || 1;
    return { depth, content: this.readInlineThenClose('heading_close') };
  }

  readBlock(): Block | null {
    const token = this.token;
    if (!token) return null;
    switch (token.type) {
      case 'paragraph_open': {
        const content = this.readInlineThenClose('paragraph_close');
        return content.length > 0 ? { type: 'paragraph', content } : null;
      }
      case 'heading_open': {
        const { depth, content } = this.readHeading();
        return { type: 'heading', level: depth, content };
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        return this.readList(token);
      case 'blockquote_open':
        this.pos++;
        return { type: 'quote', blocks: this.readBlocks('blockquote_close') };
      case 'table_open':
        return this.readTable();
      case 'fence':
      case 'code_block': {
        this.pos++;
        const language = token.info
          .replace(/[{}]/g, ' ')
          .trim()
          .split(/[\s,]+/)[0];
        const text = token.content.replace(/\n$/, '');
        return language ? { type: 'code', text, language } : { type: 'code', text };
      }
      case 'hr':
        this.pos++;
        return { type: 'rule' };
      case 'html_block': {
        this.pos++;
        const text = htmlToText(token.content);
        return text ? { type: 'paragraph', content: [{ type: 'text', text }] } : null;
      }
      case 'footnote_block_open':
        this.pos++;
        this.readFootnotes();
        return null;
      default:
        this.pos++;
        return null;
    }
  }

  private readList(open: Token): Block {
    const ordered = open.type === 'ordered_list_open';
    const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
    const items: ListItem[] = [];
    this.pos++;
    while (this.token && this.token.type !== close) {
      if (this.token.type === 'list_item_open') {
        this.pos++;
        items.push({ blocks: this.readBlocks('list_item_close') });
      } else {
        this.pos++;
      }
    }
    this.pos++;
    if (!ordered) return { type: 'list', ordered, items };
    const start = Number(open.attrGet('start') ?? 1);
    return { type: 'list', ordered, start: Number.isFinite(start) ? start : 1, items };
  }

  private readTable(): Block {
    const rows: TableCell[][] = [];
    let headerRows = 0;
    let inHead = false;
    this.pos++;
    while (this.token && this.token.type !== 'table_close') {
      const token = this.token;
      if (token.type === 'thead_open') inHead = true;
      else if (token.type === 'thead_close') inHead = false;
      else if (token.type === 'tr_open') {
        rows.push([]);
        if (inHead) headerRows++;
      } else if (token.type === 'th_open' || token.type === 'td_open') {
        const content = this.readInlineThenClose(
          token.type === 'th_open' ? 'th_close' : 'td_close',
        );
        rows[rows.length - 1]?.push({ content });
        continue;
      }
      this.pos++;
    }
    this.pos++;
    return { type: 'table', headerRows, rows };
  }

  private readFootnotes(): void {
    while (this.token && this.token.type !== 'footnote_block_close') {
      const token = this.token;
      if (token.type !== 'footnote_open') {
        this.pos++;
        continue;
      }
      const id = (token.meta as { id?: unknown } | null)?.id;
      this.pos++;
      const blocks = this.readBlocks('footnote_close');
      if (typeof id !== 'number') continue;
      const content: Inline[] = [];
      for (const block of blocks) {
        if (content.length > 0) content.push({ type: 'lineBreak' });
        if (block.type === 'paragraph') content.push(...block.content);
      }
      this.footnotes.push({ type: 'footnote', ...footnoteIdentity(id), content });
    }
    this.pos++;
  }
}

/** Walks markdown-it's block tokens into model blocks, splitting the top level at headings. */
export function convertMarkdownBlocks(tokens: readonly Token[]): MarkdownContent {
  const reader = new TokenReader(tokens);
  const events: MarkdownEvent[] = [];
  while (reader.pos < tokens.length) {
    if (tokens[reader.pos]?.type === 'heading_open') {
      const { depth, content } = reader.readHeading();
      events.push({ kind: 'heading', depth, text: inlineText(content) });
      continue;
    }
    const block = reader.readBlock();
    if (block) events.push({ kind: 'block', block });
  }
  return { events, footnotes: reader.footnotes };
}
