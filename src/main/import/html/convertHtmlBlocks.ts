import type { Block, Inline, ListItem, TableCell } from '../../../shared/model';
import { inlinePlainText } from '../structure/inlinePlainText';
import { convertHtmlInline, MAX_DEPTH } from './convertHtmlInline';
import { elementKind } from './elementKind';
import type { HtmlConversion } from './HtmlConversion';
import { isBoilerplate } from './isBoilerplate';
import { isElement, TEXT_NODE, type HtmlElement, type HtmlNode } from './parseHtmlDocument';

/** A section heading (h1-h6 outside lists, quotes and tables) or a block, in reading order. */
export type HtmlEvent =
  | { kind: 'heading'; depth: number; text: string; element: HtmlElement }
  | { kind: 'block'; block: Block };

const HEADING = /^h([1-6])$/;

function children(element: HtmlElement): HtmlElement[] {
  return Array.from(element.children);
}

function codeLanguage(element: HtmlElement): string | null {
  const classes = [element, element.querySelector('code')]
    .map((e) => e?.getAttribute('class') ?? '')
    .join(' ');
  return /(?:^|\s)(?:language|lang)-([\w+#.-]{1,30})(?=\s|$)/.exec(classes)?.[1] ?? null;
}

function bolden(inlines: Inline[]): Inline[] {
  return inlines.map((i) =>
    i.type === 'text' && !i.marks?.some((m) => m.type === 'bold')
      ? { ...i, marks: [...(i.marks ?? []), { type: 'bold' }] }
      : i,
  );
}

class BlockConverter {
  constructor(private readonly context: HtmlConversion) {}

  /** Converts an element's children; loose text and inline elements become paragraphs. */
  children(parent: HtmlElement, depth: number, topLevel: boolean, out: HtmlEvent[]): void {
    let pending: HtmlNode[] = [];
    const flush = (): void => {
      if (pending.length === 0) return;
      const content = convertHtmlInline(pending, this.context, depth);
      pending = [];
      if (content.length > 0) out.push({ kind: 'block', block: { type: 'paragraph', content } });
    };
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType === TEXT_NODE) {
        pending.push(node);
        continue;
      }
      if (!isElement(node) || this.context.skipped.has(node)) continue;
      if (elementKind(node) !== 'block') {
        pending.push(node);
        continue;
      }
      flush();
      this.block(node, depth + 1, topLevel, out);
    }
    flush();
  }

  /** Converts a region root: the body's children, or the element itself as a block. */
  root(element: HtmlElement, out: HtmlEvent[]): void {
    if (/^(?:body|html)$/i.test(element.localName) || elementKind(element) !== 'block') {
      this.children(element, 0, true, out);
    } else {
      this.block(element, 1, true, out, true);
    }
  }

  private blocksOf(parent: HtmlElement, depth: number): Block[] {
    const events: HtmlEvent[] = [];
    this.children(parent, depth, false, events);
    return events.flatMap((e) => (e.kind === 'block' ? [e.block] : []));
  }

  private block(
    element: HtmlElement,
    depth: number,
    topLevel: boolean,
    out: HtmlEvent[],
    isRoot = false,
  ): void {
    const push = (block: Block): void => {
      out.push({ kind: 'block', block });
    };
    if (depth > MAX_DEPTH) {
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) push({ type: 'paragraph', content: [{ type: 'text', text }] });
      return;
    }
    const tag = element.localName.toLowerCase();
    const heading = HEADING.exec(tag);
    if (heading) {
      const content = convertHtmlInline(element.childNodes, this.context, depth);
      const level = Number(heading[1]);
      const text = inlinePlainText(content.filter((i) => i.type !== 'footnoteRef'))
        .replace(/\s+/g, ' ')
        .trim();
      if (text === '') return;
      if (topLevel) out.push({ kind: 'heading', depth: level, text, element });
      else push({ type: 'heading', level, content });
      return;
    }
    switch (tag) {
      case 'p': {
        if (children(element).some((c) => elementKind(c) === 'block')) {
          this.children(element, depth, topLevel, out);
          return;
        }
        const content = convertHtmlInline(element.childNodes, this.context, depth);
        if (content.length > 0) push({ type: 'paragraph', content });
        return;
      }
      case 'ul':
      case 'ol':
      case 'menu': {
        const items: ListItem[] = [];
        for (const child of children(element)) {
          if (this.context.skipped.has(child) || elementKind(child) === 'skip') continue;
          if (child.localName.toLowerCase() === 'li') {
            const blocks = this.blocksOf(child, depth);
            if (blocks.length > 0) items.push({ blocks });
            continue;
          }
          // A list written straight inside a list (invalid, common) belongs to the item before it.
          const events: HtmlEvent[] = [];
          this.block(child, depth + 1, false, events);
          const blocks = events.flatMap((e) => (e.kind === 'block' ? [e.block] : []));
          const last = items[items.length - 1];
          if (last && /^[ou]l$/i.test(child.localName)) last.blocks.push(...blocks);
          else if (blocks.length > 0) items.push({ blocks });
        }
        if (items.length === 0) return;
        if (tag !== 'ol') {
          push({ type: 'list', ordered: false, items });
          return;
        }
        const start = Number.parseInt(element.getAttribute('start') ?? '1', 10);
        push({ type: 'list', ordered: true, start: Number.isFinite(start) ? start : 1, items });
        return;
      }
      case 'dl':
        for (const child of children(element)) {
          const childTag = child.localName.toLowerCase();
          if (childTag === 'dt') {
            const content = bolden(convertHtmlInline(child.childNodes, this.context, depth));
            if (content.length > 0) push({ type: 'paragraph', content });
          } else if (childTag === 'dd') {
            for (const block of this.blocksOf(child, depth)) push(block);
          }
        }
        return;
      case 'blockquote': {
        const blocks = this.blocksOf(element, depth);
        if (blocks.length > 0) push({ type: 'quote', blocks });
        return;
      }
      case 'pre': {
        const text = (element.textContent ?? '').replace(/^\n/, '').replace(/\s+$/, '');
        if (text === '') return;
        const language = codeLanguage(element);
        push(language ? { type: 'code', text, language } : { type: 'code', text });
        return;
      }
      case 'hr':
        push({ type: 'rule' });
        return;
      case 'figcaption':
      case 'caption': {
        const content = convertHtmlInline(element.childNodes, this.context, depth);
        if (content.length > 0) push({ type: 'caption', content });
        return;
      }
      case 'table':
        this.table(element, depth, topLevel, out);
        return;
      default:
        if (!isRoot && isBoilerplate(element)) return;
        this.children(element, depth, topLevel, out);
    }
  }

  private table(element: HtmlElement, depth: number, topLevel: boolean, out: HtmlEvent[]): void {
    const rows: { cells: HtmlElement[]; head: boolean }[] = [];
    const captions: HtmlElement[] = [];
    const addRows = (parent: HtmlElement, head: boolean): void => {
      for (const child of children(parent)) {
        const tag = child.localName.toLowerCase();
        if (tag === 'tr') {
          const cells = children(child).filter((c) => /^t[dh]$/i.test(c.localName));
          rows.push({ cells, head });
        } else if (tag === 'thead') addRows(child, true);
        else if (tag === 'tbody' || tag === 'tfoot') addRows(child, false);
        else if (tag === 'caption') captions.push(child);
      }
    };
    addRows(element, false);
    const layout =
      element.getAttribute('role') === 'presentation' || rows.every((r) => r.cells.length <= 1);
    if (layout) {
      // A layout table (one cell per row) holds ordinary content, not data.
      for (const caption of captions) this.block(caption, depth, topLevel, out);
      for (const row of rows)
        for (const cell of row.cells) this.children(cell, depth, topLevel, out);
      return;
    }
    const modelRows: TableCell[][] = rows.map((row) =>
      row.cells.flatMap((cell) => {
        const content = convertHtmlInline(cell.childNodes, this.context, depth);
        const span = Math.min(
          Math.max(Number.parseInt(cell.getAttribute('colspan') ?? '1', 10) || 1, 1),
          50,
        );
        return [{ content }, ...Array.from({ length: span - 1 }, () => ({ content: [] }))];
      }),
    );
    let headerRows = rows.filter((r) => r.head).length;
    if (headerRows === 0) {
      while (
        headerRows < rows.length - 1 &&
        rows[headerRows]?.cells.every((c) => c.localName.toLowerCase() === 'th')
      ) {
        headerRows++;
      }
    }
    for (const caption of captions) this.block(caption, depth, topLevel, out);
    out.push({ kind: 'block', block: { type: 'table', headerRows, rows: modelRows } });
  }
}

/**
 * Converts the content under `roots` to headings and blocks in reading order: paragraphs,
 * nested lists, quotes, tables (thead rows as header rows), code, rules and captions.
 * Headings inside lists, quotes and tables stay blocks; page furniture is skipped.
 */
export function convertHtmlBlocks(
  roots: readonly HtmlElement[],
  context: HtmlConversion,
): HtmlEvent[] {
  const converter = new BlockConverter(context);
  const out: HtmlEvent[] = [];
  for (const root of roots) converter.root(root, out);
  return out;
}
