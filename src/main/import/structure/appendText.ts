import type { Inline, TextMark } from '../../../shared/model';

function sameMarks(
  a: readonly TextMark[] | undefined,
  b: readonly TextMark[] | undefined,
): boolean {
  const left = a ?? [];
  const right = b ?? [];
  if (left.length !== right.length) return false;
  return left.every((mark, i) => {
    const other = right[i];
    if (mark.type !== other?.type) return false;
    return mark.type !== 'link' || (other.type === 'link' && mark.href === other.href);
  });
}

/** Appends text to an inline run, merging it into the last text node when the marks match. */
export function appendText(out: Inline[], text: string, marks: readonly TextMark[]): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.type === 'text' && sameMarks(last.marks, marks)) {
    last.text += text;
    return;
  }
  const ownMarks = marks.length > 0 ? marks.map((m) => ({ ...m })) : undefined;
  out.push(ownMarks ? { type: 'text', text, marks: ownMarks } : { type: 'text', text });
}

/** Trims whitespace at both ends of an inline run (drops text nodes left empty). */
export function trimInlines(inlines: Inline[]): Inline[] {
  const out = inlines.slice();
  while (out.length > 0) {
    const first = out[0];
    if (first?.type === 'lineBreak') out.shift();
    else if (first?.type === 'text' && first.text.trimStart() === '') out.shift();
    else break;
  }
  while (out.length > 0) {
    const last = out[out.length - 1];
    if (last?.type === 'lineBreak') out.pop();
    else if (last?.type === 'text' && last.text.trimEnd() === '') out.pop();
    else break;
  }
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, text: first.text.trimStart() };
  const lastIndex = out.length - 1;
  const last = out[lastIndex];
  if (last?.type === 'text') out[lastIndex] = { ...last, text: last.text.trimEnd() };
  return out;
}
