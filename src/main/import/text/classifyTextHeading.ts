import { inlinePlainText } from '../structure/inlinePlainText';
import { isAllCaps } from '../structure/titleCase';
import { parseTextInline } from './parseTextInline';
import { LIST_MARKER, type TextBlock } from './splitTextBlocks';

/**
 * How a block reads as a heading: numbered by Roman numerals ("II. ...") or digits ("1.", "2.3"),
 * written in capitals, or a short line. `depth` is the numbering depth of numbered headings.
 */
export interface TextHeading {
  kind: 'roman' | 'numbered' | 'caps' | 'short';
  text: string;
  depth: number;
}

const ROMAN = /^(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
// Words a sentence fragment ends on but a heading almost never does.
const TRAILING_FUNCTION_WORDS = new Set(
  'a an the and or of to for with in on at by from that which who is are was were be should would could will can may must as than but'.split(
    ' ',
  ),
);

/** The block's text as a reader sees it, marks and footnote markers removed. */
export function blockPlainText(block: TextBlock): string {
  const plain = inlinePlainText(parseTextInline(block.lines.map((l) => l.text).join(' ')));
  // Footnote markers are not part of the words: "Done.¹" still ends with a period.
  return plain.replace(/\[\^[^\]\s]+\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '').trim();
}

/** True for a line that could stand as a heading: short, no closing punctuation, starts like a title. */
export function isHeadingLike(text: string): boolean {
  if (text.length === 0 || text.length > 90 || text.split(/\s+/).length > 14) return false;
  if (/[.!?;,:]$/.test(text) || /^(?:https?:|www\.)/i.test(text)) return false;
  if (!/^["“‘'(]?(?:\p{Lu}|\p{Lo})/u.test(text) || !/\p{L}{2}/u.test(text)) return false;
  const lastWord = text.toLowerCase().match(/\p{L}+$/u)?.[0];
  return !(lastWord && TRAILING_FUNCTION_WORDS.has(lastWord));
}

function isCapsHeading(text: string, lineCount: number): boolean {
  return (
    lineCount <= 3 &&
    text.length <= 150 &&
    isAllCaps(text) &&
    /\p{L}{2}/u.test(text) &&
    !/[.!?;,]$/.test(text)
  );
}

/** Classifies a block as a heading candidate, or returns null for body text. */
export function classifyTextHeading(block: TextBlock): TextHeading | null {
  if (block.kind === 'footnote') return null;
  const text = blockPlainText(block);
  if (block.kind === 'list') {
    // "1. Introduction" alone between blank lines is a numbered heading, not a one-item list.
    const m = /^(\d{1,2})[.)]\s+(.*)$/.exec(text);
    if (block.lines.length === 1 && m?.[2] && isHeadingLike(m[2])) {
      return { kind: 'numbered', text, depth: 1 };
    }
    return null;
  }
  const roman = /^([MDCLXVI]+)\.\s+(.*\p{L}.*)$/u.exec(text);
  if (roman?.[1] && ROMAN.test(roman[1]) && block.lines.length <= 2 && text.length <= 150) {
    return { kind: 'roman', text, depth: 1 };
  }
  const numbered = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(.*)$/.exec(text);
  if (numbered?.[1] && numbered[2] && block.lines.length === 1 && isHeadingLike(numbered[2])) {
    return { kind: 'numbered', text, depth: numbered[1].split('.').length };
  }
  if (LIST_MARKER.test(block.lines[0]?.text ?? '')) return null;
  if (isCapsHeading(text, block.lines.length)) return { kind: 'caps', text, depth: 0 };
  if (block.lines.length === 1 && isHeadingLike(text)) return { kind: 'short', text, depth: 0 };
  return null;
}
