import type { Token } from 'markdown-it';
import type { Inline, TextMark } from '../../../shared/model';
import { appendText, trimInlines } from '../structure/appendText';
import { safeHref } from '../structure/safeHref';

/** The model id and label of markdown-it-footnote's footnote number `id` (0-based). */
export function footnoteIdentity(id: number): { footnoteId: string; label: string } {
  return { footnoteId: `fn-${id + 1}`, label: String(id + 1) };
}

function popMark(marks: TextMark[], type: TextMark['type']): void {
  for (let i = marks.length - 1; i >= 0; i--) {
    if (marks[i]?.type === type) {
      marks.splice(i, 1);
      return;
    }
  }
}

/**
 * Converts markdown-it inline tokens to the model: bold, italic, code and links (unsafe hrefs
 * become inert), footnote references; soft breaks become spaces; inline HTML is dropped except
 * `<br>`, which becomes a line break, and with it the code of an inline `<script>` or `<style>`;
 * images are skipped.
 */
export function convertMarkdownInline(children: readonly Token[] | null): Inline[] {
  const out: Inline[] = [];
  const marks: TextMark[] = [];
  let afterDroppedHtml = false;
  const tokens = children ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // The code of an inline <script> or <style> is not text the author wrote for readers. An
    // unclosed tag hides nothing: "use the <script> tag" in prose keeps the rest of its sentence.
    const closing = hiddenElementEnd(tokens, i);
    if (closing !== null) {
      i = closing;
      afterDroppedHtml = true;
      continue;
    }
    const dropsHtml = token.type === 'html_inline' && !/^<br\s*\/?>$/i.test(token.content);
    switch (token.type) {
      case 'text':
      case 'text_special': {
        const last = out[out.length - 1];
        // Dropped HTML leaves the spaces around it doubled.
        const joinsGap = afterDroppedHtml && last?.type === 'text' && /\s$/.test(last.text);
        appendText(out, joinsGap ? token.content.trimStart() : token.content, marks);
        break;
      }
      case 'code_inline':
        appendText(out, token.content, [...marks, { type: 'code' }]);
        break;
      case 'softbreak':
        appendText(out, ' ', marks);
        break;
      case 'hardbreak':
        out.push({ type: 'lineBreak' });
        break;
      case 'strong_open':
        marks.push({ type: 'bold' });
        break;
      case 'strong_close':
        popMark(marks, 'bold');
        break;
      case 'em_open':
        marks.push({ type: 'italic' });
        break;
      case 'em_close':
        popMark(marks, 'italic');
        break;
      case 'link_open':
        marks.push({ type: 'link', href: safeHref(String(token.attrGet('href') ?? '')) });
        break;
      case 'link_close':
        popMark(marks, 'link');
        break;
      case 'html_inline':
        if (/^<br\s*\/?>$/i.test(token.content)) out.push({ type: 'lineBreak' });
        break;
      case 'footnote_ref': {
        const id = (token.meta as { id?: unknown } | null)?.id;
        if (typeof id === 'number') out.push({ type: 'footnoteRef', ...footnoteIdentity(id) });
        break;
      }
      default:
        break;
    }
    afterDroppedHtml = dropsHtml;
  }
  return trimInlines(out);
}

/** For an inline `<script>` or `<style>` at `start`, the index of its closing tag; else null. */
function hiddenElementEnd(tokens: readonly Token[], start: number): number | null {
  const opening = tokens[start];
  const element = opening?.type === 'html_inline' && /^<(script|style)\b/i.exec(opening.content);
  if (!element) return null;
  const close = new RegExp(`^</${element[1]}\\s*>$`, 'i');
  for (let i = start + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'html_inline' && close.test(token.content)) return i;
  }
  return null;
}
