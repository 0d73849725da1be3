import type { Inline, TextMark } from '../../../shared/model';
import { appendText, trimInlines } from '../structure/appendText';
import type { HyphenJoiner } from './HyphenJoiner';
import type { PdfLine } from './PdfLine';

/** Finds the footnote a raised marker on a page refers to, or null when there is none. */
export type FootnoteLookup = (label: string, page: number) => string | null;

const UNSPACED_END = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Han}]$/u;
const HYPHEN_END = /([\p{L}\p{M}]+)[-\u00AD\u2010]$/u;
const WORD_START = /^([\p{L}\p{M}]+)/u;

function marksOf(bold: boolean, italic: boolean): TextMark[] {
  const marks: TextMark[] = [];
  if (bold) marks.push({ type: 'bold' });
  if (italic) marks.push({ type: 'italic' });
  return marks;
}

function lastText(out: Inline[]): Extract<Inline, { type: 'text' }> | null {
  for (let i = out.length - 1; i >= 0; i--) {
    const node = out[i];
    if (node?.type === 'text') return node;
    if (node?.type === 'footnoteRef') return null;
  }
  return null;
}

/**
 * Turns lines of one block into inline text: lines joined with a space (none inside Thai and
 * other unspaced scripts), hyphenated line ends repaired, bold and italic kept, and raised
 * numbers that name a footnote turned into footnote references.
 */
export function linesToInlines(
  lines: readonly PdfLine[],
  joiner: HyphenJoiner,
  footnoteFor: FootnoteLookup,
  emphasis = true,
): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, lineIndex) => {
    line.runs.forEach((run, runIndex) => {
      let text = runIndex === 0 ? run.text.trimStart() : run.text;
      if (runIndex === line.runs.length - 1) text = text.trimEnd();
      if (text === '') return;
      if (run.superscript) {
        const labels = text.trim().split(/\s*,\s*/);
        const ids = labels.map((label) => footnoteFor(label, line.page));
        if (ids.every((id) => id !== null)) {
          labels.forEach((label, i) => {
            out.push({ type: 'footnoteRef', label, footnoteId: ids[i] as string });
          });
          return;
        }
      }
      if (runIndex === 0 && lineIndex > 0) {
        const previous = lastText(out);
        // Only the end of the text so far matters; testing all of it would be quadratic.
        const end = previous ? previous.text.slice(-64) : '';
        const hyphen = previous ? HYPHEN_END.exec(end) : null;
        const tail = WORD_START.exec(text);
        if (previous && hyphen?.[1] && tail?.[1] && joiner.shouldJoin(hyphen[1], tail[1])) {
          previous.text = previous.text.slice(0, -1);
        } else if (previous && end.endsWith('\u00AD')) {
          previous.text = previous.text.slice(0, -1);
        } else if (
          out.length > 0 &&
          !(previous && (/[-\u2010/]$/.test(end) || UNSPACED_END.test(end)))
        ) {
          appendText(out, ' ', previous?.marks ?? []);
        }
      }
      appendText(out, text, emphasis ? marksOf(run.bold, run.italic) : []);
    });
  });
  return trimInlines(out);
}
