import type { Inline, TextMark } from '../../../shared/model';
import { appendText, trimInlines } from '../structure/appendText';
import { safeHref } from '../structure/safeHref';
import { elementKind } from './elementKind';
import type { HtmlConversion } from './HtmlConversion';
import { isElement, TEXT_NODE, type HtmlElement, type HtmlNode } from './parseHtmlDocument';

// HTML collapses these; a no-break space is content and stays.
const COLLAPSIBLE = /[ \t\n\r\f]+/g;

/** Deeper nesting than this is read as plain text: no real page needs it, a size bomb does. */
export const MAX_DEPTH = 200;

const BOLD: TextMark = { type: 'bold' };
const ITALIC: TextMark = { type: 'italic' };
const CODE: TextMark = { type: 'code' };

function withMark(marks: readonly TextMark[], mark: TextMark): TextMark[] {
  return marks.some((m) => m.type === mark.type) ? [...marks] : [...marks, mark];
}

function styleMarks(element: HtmlElement, marks: TextMark[]): TextMark[] {
  const style = element.getAttribute('style');
  if (!style) return marks;
  let out = marks;
  if (/font-weight\s*:\s*(?:bold|[6-9]00)/i.test(style)) out = withMark(out, BOLD);
  if (/font-style\s*:\s*italic/i.test(style)) out = withMark(out, ITALIC);
  return out;
}

/** Writes inline runs, collapsing whitespace across element boundaries as a browser would. */
class InlineWriter {
  readonly out: Inline[] = [];

  private endsInSpace(): boolean {
    const last = this.out[this.out.length - 1];
    if (!last || last.type === 'lineBreak') return true;
    return last.type === 'text' && last.text.endsWith(' ');
  }

  text(raw: string, marks: readonly TextMark[]): void {
    let text = raw.replace(COLLAPSIBLE, ' ');
    if (text.startsWith(' ') && this.endsInSpace()) text = text.slice(1);
    appendText(this.out, text, marks);
  }

  lineBreak(): void {
    const last = this.out[this.out.length - 1];
    if (last?.type === 'text' && last.text.endsWith(' ')) {
      last.text = last.text.trimEnd();
      if (last.text === '') this.out.pop();
    }
    this.out.push({ type: 'lineBreak' });
  }

  /** Separates flattened blocks: a line break unless at the start or after one. */
  boundary(): void {
    const last = this.out[this.out.length - 1];
    if (last && last.type !== 'lineBreak') this.lineBreak();
  }

  space(): void {
    if (!this.endsInSpace()) appendText(this.out, ' ', []);
  }
}

function walk(
  nodes: ArrayLike<HtmlNode>,
  marks: TextMark[],
  context: HtmlConversion,
  writer: InlineWriter,
  depth: number,
): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (!node) continue;
    if (node.nodeType === TEXT_NODE) {
      writer.text(node.textContent ?? '', marks);
      continue;
    }
    if (!isElement(node)) continue;
    if (depth > MAX_DEPTH) {
      writer.text(` ${node.textContent ?? ''} `, marks);
      continue;
    }
    walkElement(node, marks, context, writer, depth + 1);
  }
}

function walkElement(
  element: HtmlElement,
  marks: TextMark[],
  context: HtmlConversion,
  writer: InlineWriter,
  depth: number,
): void {
  if (context.skipped.has(element) || context.backLinks.has(element)) return;
  const kind = elementKind(element);
  const tag = element.localName.toLowerCase();
  switch (kind) {
    case 'skip':
      return;
    case 'embed':
      context.dropped.embeds++;
      return;
    case 'graphic':
      context.dropped.graphics++;
      return;
    case 'image':
      context.dropped.images++;
      return;
    case 'block':
      // A block inside inline content (a table cell, a footnote): flattened onto its own line.
      if (tag === 'table') context.dropped.nestedTables++;
      if (tag === 'td' || tag === 'th') writer.space();
      else writer.boundary();
      walk(element.childNodes, marks, context, writer, depth);
      if (tag !== 'td' && tag !== 'th') writer.boundary();
      return;
    case 'inline':
      break;
  }
  const ref = context.footnoteRefs.get(element);
  if (ref) {
    writer.out.push({ type: 'footnoteRef', label: ref.label, footnoteId: ref.footnoteId });
    return;
  }
  const own = styleMarks(element, marks);
  switch (tag) {
    case 'br':
      writer.lineBreak();
      return;
    case 'a': {
      const href = safeHref(element.getAttribute('href'));
      walk(element.childNodes, [...own, { type: 'link', href }], context, writer, depth);
      return;
    }
    case 'sup': {
      // A superscript holding a footnote reference shows only the reference, not its brackets.
      const refs = Array.from(element.querySelectorAll('a')).filter((a) =>
        context.footnoteRefs.has(a),
      );
      if (refs.length > 0) {
        for (const a of refs) walkElement(a, own, context, writer, depth);
        return;
      }
      break;
    }
    case 'b':
    case 'strong':
      walk(element.childNodes, withMark(own, BOLD), context, writer, depth);
      return;
    case 'i':
    case 'em':
    case 'cite':
    case 'dfn':
    case 'var':
      walk(element.childNodes, withMark(own, ITALIC), context, writer, depth);
      return;
    case 'code':
    case 'kbd':
    case 'samp':
    case 'tt':
      walk(element.childNodes, withMark(own, CODE), context, writer, depth);
      return;
    case 'rt':
    case 'rp':
      return;
    default:
      break;
  }
  walk(element.childNodes, own, context, writer, depth);
}

/**
 * Converts HTML nodes to inline content: bold, italic, code and links (only http, https and
 * mailto keep their target), footnote references, line breaks; blocks nested in the run are
 * flattened onto their own lines; images, embeds and anything executable are dropped (counted).
 */
export function convertHtmlInline(
  nodes: ArrayLike<HtmlNode>,
  context: HtmlConversion,
  depth = 0,
): Inline[] {
  const writer = new InlineWriter();
  walk(nodes, [], context, writer, depth);
  return trimInlines(writer.out);
}
