import type { Inline, TextMark } from '../../../shared/model';
import { appendText, trimInlines } from '../structure/appendText';
import { safeHref } from '../structure/safeHref';

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};

/** Reads superscript digits as ASCII digits ("¹²" -> "12"). */
export function superscriptToDigits(text: string): string {
  return [...text].map((c) => SUPERSCRIPT_DIGITS[c] ?? c).join('');
}

/** Footnote ids by label; a marker whose label has no definition stays plain text. */
export type FootnoteIds = ReadonlyMap<string, string>;

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function runLength(s: string, at: number, ch: string): number {
  let n = 0;
  while (s[at + n] === ch) n++;
  return n;
}

/** Index of the delimiter closing the emphasis opened at `open`, or -1. */
function findCloser(s: string, open: number, end: number, ch: string, len: number): number {
  if (isSpace(s[open + len]) || open + len >= end) return -1;
  if (ch === '_' && isWordChar(s[open - 1])) return -1;
  let j = open + len;
  while (j < end) {
    const c = s[j];
    if (c === '\\') {
      j += 2;
      continue;
    }
    if (c === '`') {
      const close = s.indexOf('`', j + 1);
      j = close === -1 || close >= end ? j + 1 : close + 1;
      continue;
    }
    if (c !== ch) {
      j++;
      continue;
    }
    const run = Math.min(runLength(s, j, ch), end - j);
    const closes = !isSpace(s[j - 1]) && (ch !== '_' || !isWordChar(s[j + len]));
    if (len === 2 && run >= 2 && closes) return j;
    if (len === 1 && run === 1 && closes) return j;
    if (len === 1 && run >= 2) {
      // A bold run inside italics: jump over it so its delimiters are not mistaken for ours.
      const inner = findCloser(s, j, end, ch, 2);
      j = inner === -1 ? j + run : inner + 2;
      continue;
    }
    j += run;
  }
  return -1;
}

/** A `[text](href)` link starting at `open`, with balanced brackets in its text. */
function matchLink(
  s: string,
  open: number,
  end: number,
): { textEnd: number; href: string; end: number } | null {
  let depth = 0;
  let textEnd = -1;
  for (let j = open; j < end; j++) {
    const c = s[j];
    if (c === '\\') j++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) {
      textEnd = j;
      break;
    }
  }
  if (textEnd === -1 || s[textEnd + 1] !== '(') return null;
  let parens = 0;
  for (let j = textEnd + 1; j < end; j++) {
    const c = s[j];
    if (c === '(') parens++;
    else if (c === ')' && --parens === 0) {
      const target = s.slice(textEnd + 2, j).trim();
      const href = (target.split(/\s+/)[0] ?? '').replace(/^<(.*)>$/, '$1');
      return { textEnd, href, end: j + 1 };
    }
  }
  return null;
}

function parseRange(
  s: string,
  start: number,
  end: number,
  marks: TextMark[],
  out: Inline[],
  notes: FootnoteIds,
): void {
  let buffer = '';
  const flush = (): void => {
    appendText(out, buffer, marks);
    buffer = '';
  };
  let i = start;
  while (i < end) {
    const c = s[i] ?? '';
    const next = s[i + 1];
    if (c === '\\' && next !== undefined && /[\\`*_[\]()#+\-.!|~^]/.test(next)) {
      buffer += next;
      i += 2;
      continue;
    }
    if (c === '`') {
      const close = s.indexOf('`', i + 1);
      if (close > i + 1 && close < end) {
        flush();
        appendText(out, s.slice(i + 1, close), [...marks, { type: 'code' }]);
        i = close + 1;
        continue;
      }
    }
    if (c === '*' || c === '_') {
      const len = next === c ? 2 : 1;
      const close = findCloser(s, i, end, c, len);
      if (close !== -1) {
        flush();
        const mark: TextMark = len === 2 ? { type: 'bold' } : { type: 'italic' };
        parseRange(s, i + len, close, [...marks, mark], out, notes);
        i = close + len;
      } else {
        buffer += s.slice(i, i + len);
        i += len;
      }
      continue;
    }
    if (c === '[') {
      if (next === '^') {
        const close = s.indexOf(']', i + 2);
        const label = close === -1 ? '' : s.slice(i + 2, close);
        const footnoteId = notes.get(label);
        if (footnoteId && close < end) {
          flush();
          out.push({ type: 'footnoteRef', label, footnoteId });
          i = close + 1;
          continue;
        }
      }
      const link = matchLink(s, i, end);
      if (link) {
        flush();
        const mark: TextMark = { type: 'link', href: safeHref(link.href) };
        parseRange(s, i + 1, link.textEnd, [...marks, mark], out, notes);
        i = link.end;
        continue;
      }
    }
    if (SUPERSCRIPT_DIGITS[c]) {
      let j = i;
      while (j < end && SUPERSCRIPT_DIGITS[s[j] ?? '']) j++;
      const label = superscriptToDigits(s.slice(i, j));
      const footnoteId = notes.get(label);
      if (footnoteId) {
        flush();
        out.push({ type: 'footnoteRef', label, footnoteId });
        i = j;
        continue;
      }
    }
    buffer += c;
    i++;
  }
  flush();
}

/**
 * Parses the Markdown-like marks of plain text: **bold**, *italic* (also with _), `code`,
 * [text](href) (only http, https and mailto hrefs are kept; others become inert `href: null`),
 * and footnote markers (superscript digits or [^label]) whose label is in `notes`.
 */
export function parseTextInline(text: string, notes: FootnoteIds = new Map()): Inline[] {
  const out: Inline[] = [];
  const collapsed = text.replace(/[ \t\n]+/g, ' ');
  parseRange(collapsed, 0, collapsed.length, [], out, notes);
  return trimInlines(out);
}
